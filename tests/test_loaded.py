"""Loaded vocabulary: categories, context rules, intensifiers, voice, features."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.backends.builtin import BuiltinBackend
from framing.cruft import find_cruft
from framing.extract import loaded
from framing.features import FeatureContext
from framing.lexicons import load_lexicon
from framing.resources import Resources, default_config, get_resources
from framing.spans import Span

from conftest import SHARED, needs_shared

BACKEND = BuiltinBackend()


def run(text: str, spans=(), lexicon_dirs=()) -> list[Span]:
    doc = BACKEND.parse(text)
    res = get_resources(default_config(lexicon_dirs)) if not lexicon_dirs else Resources(default_config(lexicon_dirs))
    return [s for s in loaded.extract(doc, list(spans), res) if s.label == "LOADED"]


def found(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.attrs["cat"]) for s in run(text)]


# (sentence, expected (span text, cat)) — one or more per category
POSITIVE = [
    # pejorative
    ("Le régime de Kim a encore tiré deux missiles.", ("régime", "pejorative")),
    ("Le régime nord-coréen a multiplié les essais.", ("régime", "pejorative")),
    ("Kiev dénonce la junte au pouvoir à Niamey.", ("junte", "pejorative")),
    ("Il n'est plus que la marionnette de Pékin.", ("marionnette", "pejorative")),
    ("Ces médias relaient la propagande du Kremlin.", ("propagande", "pejorative")),
    ("Les occupants russes ont quitté la ville.", ("occupants", "pejorative")),
    ("Il veut « dénazifier » le pays et chasser les néonazis.", ("néonazis", "pejorative")),
    ("Le président a balayé ces gesticulations d'un revers de main.", ("gesticulations", "pejorative")),
    ("Un tyran sanguinaire dirige le pays.", ("tyran", "pejorative")),
    ("Ses sbires ont encerclé les journalistes.", ("sbires", "pejorative")),
    ("Les dirigeants autoritaires se sont réunis à Pékin.", ("autoritaires", "pejorative")),
    # fear
    ("La vidéo offre un aperçu glaçant du camp.", ("glaçant", "fear")),
    ("Des témoignages glaçants ont été recueillis.", ("glaçants", "fear")),
    ("Cette arme représente une menace pour l'Europe.", ("menace", "fear")),
    ("Une situation alarmante selon les ONG.", ("alarmante", "fear")),
    ("Des images terrifiantes circulent sur les réseaux.", ("terrifiantes", "fear")),
    ("La région est devenue une poudrière.", ("poudrière", "fear")),
    ("Les experts jugent la route dangereuse pour les convois.", ("dangereuse", "fear")),
    # hyperbole
    ("Un déploiement d'une ampleur sans précédent.", ("sans précédent", "hyperbole")),
    ("Les pertes stupéfiantes de l'armée.", ("stupéfiantes", "hyperbole")),
    ("Une offensive massive a été lancée à l'aube.", ("massive", "hyperbole")),
    ("Ces dépenses colossales inquiètent Bercy.", ("colossales", "hyperbole")),
    ("Ils ont livré des millions et des millions d'obus.", ("des millions et des millions", "hyperbole")),
    ("Son soutien indéfectible à Moscou ne faiblit pas.", ("indéfectible", "hyperbole")),
    # glorification
    ("Les soldats ont fait preuve d'héroïsme.", ("héroïsme", "glorification")),
    ("Ce sont tous des héros.", ("héros", "glorification")),
    ("Il a salué leur bravoure au combat.", ("bravoure", "glorification")),
    ("Un monument célèbrera les exploits de l'armée.", ("exploits", "glorification")),
    ("Ils incarnent l'honneur de la patrie.", ("honneur de la patrie", "glorification")),
    ("Une résistance héroïque dans la ville assiégée.", ("héroïque", "glorification")),
    # weakness
    ("Un Poutine désespéré se tourne vers Pyongyang.", ("désespéré", "weakness")),
    ("Le rouble atteint un nouveau bas.", ("nouveau bas", "weakness")),
    ("Une armée en proie à la désertion.", ("en proie à", "weakness")),
    ("Le gouvernement est en difficulté à l'Assemblée.", ("en difficulté", "weakness")),
    ("Sa dépendance aux troupes étrangères s'accroît.", ("dépendance", "weakness")),
    ("Les unités épuisées reculent.", ("épuisées", "weakness")),
    ("La débâcle de l'armée a surpris les analystes.", ("débâcle", "weakness")),
    ("Le régime est aux abois.", ("aux abois", "weakness")),
    # violence
    ("Il a promis d'anéantir l'ennemi.", ("anéantir", "violence")),
    ("L'objectif était d'écraser l'Ukraine.", ("écraser", "violence")),
    ("Le massacre de civils a été documenté.", ("massacre", "violence")),
    ("Des prisonniers ont subi des tortures.", ("tortures", "violence")),
    ("Des drones traquent des civils.", ("traquent", "violence")),
    ("Une répression sanglante a suivi.", ("sanglante", "violence")),
    ("Un combat d'une intensité brutale.", ("brutale", "violence")),
    # moral
    ("L'invasion illégale de l'Ukraine.", ("illégale", "moral")),
    ("Le Kremlin a renié son mensonge.", ("mensonge", "moral")),
    ("Un acte contre l’humanité, selon Séoul.", ("acte contre l’humanité", "moral")),
    ("Des soldats sacrifiés pour rien.", ("sacrifiés", "moral")),
    ("Ces manipulations informationnelles visent l'opinion.", ("manipulations", "moral")),
    ("Une opération de dissimulation bien rodée.", ("dissimulation", "moral")),
    ("Un crime de guerre a été commis à Boutcha.", ("crime de guerre", "moral")),
    ("C'est une honte pour la démocratie.", ("honte", "moral")),
    # lexicon 1.1: disinformation and propaganda vocabulary
    ("Pyongyang a lâché des ballons chargés de tracts de propagande.", ("propagande", "pejorative")),
    ("Une campagne de désinformation visait les électeurs.", ("désinformation", "moral")),
    ("Les comptes répandaient de fausses informations.", ("fausses informations", "moral")),
    ("Des fermes de trolls relaient ces messages.", ("fermes de trolls", "pejorative")),
    ("Il colporte des théories du complot.", ("théories du complot", "pejorative")),
    ("Une crise fabriquée de toutes pièces.", ("de toutes pièces", "moral")),
    ("Moscou dénonce des accusations infondées.", ("infondées", "moral")),
    ("Un contenu fallacieux a été diffusé.", ("fallacieux", "moral")),
    ("Sa réélection jugée frauduleuse a provoqué des manifestations.", ("frauduleuse", "moral")),
    ("Des élections truquées selon l'opposition.", ("truquées", "moral")),
    ("Une atteinte à la souveraineté du peuple russe.", ("atteinte à la souveraineté", "moral")),
    ("Il a qualifié les tracts de propos injurieux.", ("injurieux", "moral")),
    # pejorative
    ("Ses déboires ont été orchestrés par les voisins.", ("orchestrés par", "pejorative")),
    ("L'idéologue du Kremlin a parlé à la télévision.", ("idéologue", "pejorative")),
    ("L'Otan, bête noire de Moscou, a réagi.", ("bête noire", "pejorative")),
    ("Les manœuvres sont l'occasion de montrer les muscles.", ("montrer les muscles", "pejorative")),
    ("Il aime faire le beau devant le public.", ("faire le beau", "pejorative")),
    ("Berlin a adressé des ultimatums à la Russie.", ("ultimatums", "pejorative")),
    ("« Présidente idiote et diablesse », disait la légende.", ("diablesse", "pejorative")),
    ("La cohorte d'élus a visité la Crimée.", ("cohorte", "pejorative")),
    ("Le pays glisse vers la dictature.", ("dictature", "pejorative")),
    ("Ils accusent Paris d'une approche impérialiste.", ("impérialiste", "pejorative")),
    # fear
    ("Ce mouvement suscite des craintes à Séoul.", ("craintes", "fear")),
    ("Ces essais pourraient menacer la stabilité de la région.", ("menacer la stabilité", "fear")),
    ("La peur d'une guerre gagne la population.", ("peur", "fear")),
    ("Une campagne de déstabilisation vise Chisinau.", ("déstabilisation", "fear")),
    ("Des manœuvres d'intimidation ont eu lieu.", ("intimidation", "fear")),
    ("Le spectre d'une guerre nucléaire ressurgit.", ("guerre nucléaire", "fear")),
    # hyperbole
    ("Un mouvement de protestation inédit a éclaté.", ("inédit", "hyperbole")),
    ("Le sommet historique de Singapour a eu lieu en 2018.", ("sommet historique", "hyperbole")),
    ("Un exercice jamais organisé dans la région.", ("jamais organisé", "hyperbole")),
    ("Des prix exorbitants ont été payés.", ("exorbitants", "hyperbole")),
    ("Un taux de participation extrêmement élevé.", ("extrêmement élevé", "hyperbole")),
    # glorification
    ("Il a salué le courage des soldats.", ("courage", "glorification")),
    ("Ils sont morts pour la patrie.", ("morts pour la patrie", "glorification")),
    ("Un élan patriotique a traversé le pays.", ("élan patriotique", "glorification")),
    # weakness
    ("Les relations sont toujours en crise.", ("en crise", "weakness")),
    ("Les négociations sont au point mort.", ("au point mort", "weakness")),
    ("L'armée a dû capituler.", ("capituler", "weakness")),
    ("Un régime en déclin.", ("en déclin", "weakness")),
    ("Les troupes sont à court de munitions.", ("à court de", "weakness")),
    # violence
    ("Pyongyang a multiplié les attaques au vitriol.", ("au vitriol", "violence")),
    ("Des critiques cinglantes ont visé Washington.", ("cinglantes", "violence")),
    ("Le moment de la punition approche.", ("punition", "violence")),
    ("Il a menacé de réduire en ruines cette institution.", ("réduire en ruines", "violence")),
    ("Ils vont payer très cher leurs crimes.", ("payer très cher", "violence")),
    ("Les déchets de l'humanité seront punis.", ("déchets de l'humanité", "violence")),
    ("Des incitations à la haine circulent.", ("haine", "violence")),
]


@pytest.mark.parametrize("sentence,expected", POSITIVE, ids=[e[0] for _, e in POSITIVE])
def test_positive(sentence, expected):
    assert expected in found(sentence)


# ordinary political, war, crime and scheme vocabulary: nothing is loaded
NEGATIVE = [
    "La guerre en Ukraine entre dans sa troisième année.",
    "L'Union européenne a adopté un nouveau paquet de sanctions.",
    "L'opposition a voté contre le texte.",
    "L'invasion a commencé le 24 février 2022.",
    "Les soldats et les troupes ont poursuivi l'offensive après une attaque.",
    "Les pertes sont estimées à 4 000 hommes dans le conflit.",
    "Une frappe a touché un dépôt de carburant.",
    "Le régime fiscal des entreprises sera réformé.",
    "Il suit un régime alimentaire strict.",
    "La réforme du régime de retraite est contestée.",
    "Les occupants du véhicule ont été légèrement blessés.",
    "L'avion s'est écrasé peu après le décollage.",
    "Deux kilos d'héroïne ont été saisis à la frontière.",
    "La brigade des stupéfiants a interpellé deux hommes.",
    "Le Massif central a reçu de la neige.",
    "Il est mis en examen pour prise illégale d'intérêts.",
    "Une séance extraordinaire du conseil municipal est prévue.",
    "Le ministre a déclaré que le budget serait présenté mardi.",
    "Les parlementaires ont adopté le projet de loi par 438 voix contre 86.",
    "Le Président Courageux a signé le traité.",  # a capitalised name is not the adjective
    # lexicon 1.1: neutral senses kept out by ``unless`` and by the choice of entries
    "Un film inédit sera projeté au festival.",
    "Sa vie n'est pas en danger, selon les médecins.",
    "Cette espèce est menacée d'extinction.",
    "Il risque d'être puni de deux ans de prison.",
    "Une cohorte de patients a été suivie pendant dix ans.",
    "Une voiture piégée a explosé devant le ministère.",
    "L'entreprise a été placée en liquidation judiciaire.",
    "Le chef d'orchestre a dirigé la symphonie.",
    "Les chercheurs ont étudié les musées de l'Allemagne nazie.",
    "Le Premier ministre a exprimé de vives inquiétudes.",
    "Les États-Unis craignent une escalade.",
    "Le pouvoir du président s'affaiblit.",
    "Si tu en as mille et que l'ennemi en a cent mille, tu perds.",
    "Le vaccin contre la rage est obligatoire pour les chiens.",
    "L'orchestre a joué une symphonie.",  # orchestré is matched without accents: only phrases are listed
    "Les deux détenus se sont fait la belle.",
    "Le concept se décline en deux formats.",
    "Ils ont été condamnés à la peine capitale.",
    "Les médecins l'ont déclaré hors de danger.",
    "Une mise en scène musicale très réussie.",
    "La famille a assisté à l'enterrement de son grand-père au cimetière du village.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_negative(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    ("Poutine est désormais profondément dépendant des alliances.", ("profondément dépendant", "weakness")),
    ("La Corée du Nord est encore plus dangereuse qu'avant.", ("encore plus dangereuse", "fear")),
    ("L'Ukraine doit accepter des compromis très douloureux.", ("très douloureux", "weakness")),
    ("C'est très très grossier.", ("très très grossier", "pejorative")),
    ("Le leader russe est plus dépendant que jamais des forces étrangères.",
     ("plus dépendant que jamais", "weakness")),
    ("L'alliance paraît plus forte que jamais.", ("plus forte que jamais", "hyperbole")),
    ("Le fossé entre les régions reste aussi large ici que jamais.", ("aussi large ici que jamais", "hyperbole")),
    ("Une alliance de plus en plus déséquilibrée.", ("de plus en plus déséquilibrée", "weakness")),
])
def test_intensifiers_widen(sentence, expected):
    assert expected in found(sentence)


def test_intensifier_alone_is_not_loaded():
    assert found("Les soldats sont très disciplinés et très bien formés.") == []


def test_inflections_of_every_entry_match(monkeypatch):
    """Every single-word entry matches itself and its generated inflections with its category."""
    from framing.extract import loaded_use

    # one document holds every entry and its forms: no entry is its "topic" here
    monkeypatch.setattr(loaded_use, "TOPIC_MIN", 10 ** 9)
    lex = load_lexicon("loaded")
    sentences, wanted = [], []
    for e in lex.entries:
        forms = [e["term"]]
        if " " not in e["term"] and "'" not in e["term"]:
            forms += sorted(loaded.inflections(e["term"]))
        for f in forms:
            # a use=literal word is a span only in a speaker's words, so it is given in quotation marks
            # and a use=declared feeling only when its holder declares it
            frame = {"literal": "Voilà « {} » ici.", "declared": "Je suis {} ici."}.get(e.get("use"), "Voilà {} ici.")
            sentences.append(frame.format(f))
            wanted.append((f, e["cat"]))
    text = "\n".join(sentences)
    doc = BACKEND.parse(text)
    spans = loaded.extract(doc, [], get_resources(default_config()))
    by_line: dict[int, set[str]] = {}
    for s in spans:
        by_line.setdefault(text.count("\n", 0, s.start), set()).add(s.attrs["cat"])
    missing = [w for k, w in enumerate(wanted) if w[1] not in by_line.get(k, set())]
    assert missing == [], missing


def test_inflection_rules():
    assert {"dangereuse", "dangereuses"} <= loaded.inflections("dangereux")
    assert {"glaçante", "glaçants", "glaçantes"} <= loaded.inflections("glaçant")
    assert {"sacrifié", "sacrifiés", "sacrifiée"} <= loaded.inflections("sacrifier")
    assert {"anéanti", "anéantie"} <= loaded.inflections("anéantir")
    assert {"illégale", "illégaux"} <= loaded.inflections("illégal")
    assert {"menteuse", "menteurs"} <= loaded.inflections("menteur")


def test_missing_accents_match_long_words():
    assert ("deséspérés", "weakness") in found("Ils étaient deséspérés.")
    assert ("desesperes", "weakness") in found("Ils étaient desesperes.")


# --- voice -------------------------------------------------------------------------

def test_voice_from_quotation_marks_without_quote_spans():
    """No quotes stage: a marked passage of more than six words is a quotation, a shorter one a mention."""
    spans = run("Kim veut « anéantir jusqu'au dernier les occupants néonazis de la région », "
                "mais l'armée russe, « désespérée », recule.")
    voices = {s.text: s.attrs["voice"] for s in spans}
    assert voices == {"anéantir": "quoted", "occupants": "quoted", "néonazis": "quoted", "désespérée": "mentioned"}


@pytest.mark.parametrize("marks", ["« {} »", "“{}”", '"{}"'])
def test_voice_for_each_kind_of_mark(marks):
    text = "Il a parlé d'" + marks.format("un massacre") + " puis d'une menace."
    voices = {s.text: s.attrs["voice"] for s in run(text)}
    assert voices == {"massacre": "mentioned", "menace": "own"}


def test_voice_follows_quote_spans_when_present():
    text = "« Ce sont des héros », a dit Kim. Le « massacre » évoqué par l'opposition."
    q_end = text.index("»") + 1
    quote = Span.at(text, 0, q_end, "QUOTE", speaker="Kim Jong Un")
    voices = {s.text: s.attrs["voice"] for s in run(text, [quote])}
    # the scare-quoted "massacre" is no QUOTE span: mentioned, never the outlet's own voice
    assert voices == {"héros": "quoted", "massacre": "mentioned"}


def test_harsh_words_in_marks_attributed_in_the_same_clause_are_not_own_voice():
    """The corpus-b case of issue 18: a marked phrase attributed to a politician in the same clause."""
    text = ("La députée a dénoncé un « harcèlement nauséabond » de la part de ses adversaires, "
            "qui parlent d'une campagne « honteuse ».")
    from framing import analyze

    spans = [s for s in analyze(text).spans if s.label == "LOADED"]
    assert spans and all(s.attrs["voice"] in ("quoted", "mentioned") for s in spans)


def test_words_of_a_title_in_marks_are_nothing():
    """Names and titles in quotation marks get nothing (codebook): a book title is no loaded word."""
    text = ("Dans son livre « Le massacre des innocents », elle dénonce l'abandon des enfants. "
            "Son précédent album, « Héros ordinaires » (2016), parlait d'un « massacre ».")
    spans = run(text)
    assert [(s.text, s.attrs["voice"]) for s in spans] == [("massacre", "mentioned")]
    assert spans[0].start > text.index("(2016)")


def test_extract_keeps_earlier_spans_and_offsets():
    text = "Selon Séoul, un Poutine désespéré."
    earlier = [Span.at(text, 0, 5, "HEDGE", type="source")]
    doc = BACKEND.parse(text)
    out = loaded.extract(doc, earlier, get_resources(default_config()))
    assert out[0] is earlier[0]
    for s in out:
        assert text[s.start:s.end] == s.text
    assert [s.attrs for s in out if s.label == "LOADED"] == [{"cat": "weakness", "voice": "own", "term": "désespéré"}]


# --- user lexicons ---------------------------------------------------------------------

def test_user_lexicon_adds_and_overrides(tmp_path: Path):
    (tmp_path / "loaded.tsv").write_text(
        "# source: test\n# license: CC0-1.0\n# version: 0\n# columns: term\tcat\tmatch\n"
        "kakistocratie\tpejorative\tlemma\n"
        "régime\tnone\tlemma\n"
        "menace\tweakness\tlemma\n", encoding="utf-8")
    text = "Le régime de Kim est une kakistocratie et une menace."
    shipped = {(s.text, s.attrs["cat"]) for s in run(text)}
    assert shipped == {("régime", "pejorative"), ("menace", "fear")}
    user = {(s.text, s.attrs["cat"]) for s in run(text, lexicon_dirs=[tmp_path])}
    assert user == {("kakistocratie", "pejorative"), ("menace", "weakness")}


def test_user_intensifiers(tmp_path: Path):
    (tmp_path / "intensifiers.tsv").write_text(
        "# source: test\n# license: CC0-1.0\n# version: 0\n# columns: term\tmatch\nsuprêmement\tform\n",
        encoding="utf-8")
    spans = run("Un acte suprêmement cynique.", lexicon_dirs=[tmp_path])
    assert [(s.text, s.attrs["cat"]) for s in spans] == [("suprêmement cynique", "moral")]


# --- features and top terms ---------------------------------------------------------------

def _ctx(text: str, spans) -> FeatureContext:
    doc = BACKEND.parse(text)
    n_words = sum(1 for t in doc.tokens if t.is_word)
    return FeatureContext(doc, list(spans), n_words, len(doc.sentences))


def test_features_keys_are_stable_and_rates_right():
    empty = loaded.features(_ctx("Rien à signaler.", []))
    assert set(empty) == ({"loaded_per_1k", "loaded_own_per_1k", "loaded_quoted_per_1k",
                           "loaded_mentioned_per_1k", "n_loaded"}
                          | {f"loaded_{c}_per_1k" for c in loaded.CATEGORIES}
                          | {f"loaded_own_{c}_per_1k" for c in loaded.CATEGORIES})
    assert all(v == 0.0 for v in empty.values())
    text = "Kim parle de « héros » ; un Poutine désespéré et désespéré encore."
    feats = loaded.features(_ctx(text, run(text)))
    n_words = _ctx(text, []).n_words
    assert feats["n_loaded"] == 3
    assert feats["loaded_quoted_per_1k"] == 0.0  # "héros" in scare quotes is mentioned, not quoted
    assert feats["loaded_mentioned_per_1k"] == pytest.approx(1000 / n_words)
    assert feats["loaded_own_weakness_per_1k"] == pytest.approx(2000 / n_words)
    assert feats["loaded_glorification_per_1k"] == pytest.approx(1000 / n_words)
    assert feats["loaded_own_glorification_per_1k"] == 0.0


def test_top_terms_group_inflections_and_filter_voice():
    text = "Des pertes massives, un assaut massif, un « massacre » et un autre massacre."
    spans = run(text)
    assert loaded.top_terms(spans, n=2) == [("massacre", "violence", 2), ("massif", "hyperbole", 2)]  # ties alphabetical
    assert loaded.top_terms(spans, voice="mentioned") == [("massacre", "violence", 1)]
    assert loaded.top_terms(spans, voice="quoted") == []
    assert loaded.top_terms([], n=3) == []


# --- real text ---------------------------------------------------------------------------

@needs_shared
def test_gold_loaded_targets(gold_dir):
    from framing.evaluate import match_spans

    tp = n_pred = n_gold = cat_ok = 0
    for path in sorted(gold_dir.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        doc = BACKEND.parse(d["text"])
        doc.excluded = find_cruft(doc.text)
        quotes = [Span.from_dict(s) for s in d["spans"] if s["label"] == "QUOTE"]
        pred = [s for s in loaded.extract(doc, quotes, get_resources(default_config()))
                if s.label == "LOADED" and not doc.is_excluded(s.start, s.end)]
        gold = [Span.from_dict(s) for s in d["spans"] if s["label"] == "LOADED"]
        pairs = match_spans(gold, pred)
        tp += len(pairs)
        n_pred += len(pred)
        n_gold += len(gold)
        cat_ok += sum(g.attrs["cat"] == p.attrs["cat"] for g, p in pairs)
    precision, recall = tp / n_pred, tp / n_gold
    assert precision >= 0.7
    assert 2 * precision * recall / (precision + recall) >= 0.6
    assert cat_ok / tp >= 0.7


@needs_shared
def test_neutral_wire_copy_is_mostly_unloaded():
    """AFP wire copy: the outlet's own loaded words stay rare (seed gold 004 has ~29 per 1,000 words).

    A guard against a lexicon that fires on ordinary words, not a target rate: the cap was
    raised from 5 to 10 per 1,000 words with lexicon 1.1, whose new entries were checked
    for precision on the seed gold and the benchmark texts (never on this corpus).
    """
    own = words = 0
    for path in sorted((SHARED / "corpus" / "texts").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = BACKEND.parse(text)
        words += sum(1 for t in doc.tokens if t.is_word)
        own += sum(1 for s in loaded.extract(doc, [], get_resources(default_config()))
                   if s.label == "LOADED" and s.attrs["voice"] == "own")
    assert 1000 * own / words < 10


def test_burial_word_is_a_metaphor_in_a_speakers_words():
    """Death and burial vocabulary (use=literal): the burial reported, or an end declared by a speaker."""
    assert found("Les obsèques ont eu lieu mardi ; l'enterrement suivra dans l'intimité.") == []
    assert ("enterrement", "weakness") in found("Pour ce politologue, « c'est l'enterrement de la vieille gauche ».")


@pytest.mark.parametrize("sentence,expected", [
    ("« Je suis très inquiet pour la suite », confie le maire.", [("très inquiet", "fear")]),
    ("« J'ai été profondément choqué », a déclaré le ministre.", [("profondément choqué", "moral")]),
    ("La directrice s'est d'ailleurs dite « très fière » du chantier.", [("très fière", "glorification")]),
    ("« Nous sommes indignés », lancent les syndicats.", [("indignés", "moral")]),
])
def test_declared_feeling_is_loaded(sentence, expected):
    """use=declared: a strong emotion its holder declares is the speaker's charge."""
    assert [f for f in found(sentence) if f in expected] == expected


@pytest.mark.parametrize("sentence", [
    "Le passant, choqué, a aussitôt appelé les secours.",
    "Elle est inquiète pour son fils, parti en mer.",
    "Une partie du toit s'est effondrée dans la nuit.",
    "« Je ne suis pas inquiet », assure le directeur.",
])
def test_feeling_told_of_someone_is_not_loaded(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize("sentence", [
    # the subject of être is the nearest pronoun: a first person earlier in the sentence is not the holder
    "Je pense qu'il est très inquiet pour la suite.",
    "Je sais qu'elle était choquée par ces images.",
    "Nous croyons que les riverains sont indignés.",
    # "nous" after the subject of avoir is the addressee, not a reflexive; the comma sets the participle apart
    "Il nous a dit, choqué, qu'il ne reviendrait pas.",
])
def test_feeling_of_another_subject_is_not_declared(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    ("« Je crois que nous sommes choqués », lance le délégué.", [("choqués", "moral")]),
    ("« Je ne lui suis pas hostile, je suis inquiet », dit-elle.", [("inquiet", "fear")]),
    ("« Je me sens écœuré », confie le maire.", [("écœuré", "moral")]),
    ("« Nous nous sentons meurtris », lancent les agriculteurs.", [("meurtris", "weakness")]),
    ("Elle s'est également dite très inquiète pour la suite.", [("très inquiète", "fear")]),
    ("« J'étais indigné », confie le maire.", [("indigné", "moral")]),
])
def test_feeling_declared_by_its_subject_is_loaded(sentence, expected):
    assert [f for f in found(sentence) if f[0] in [e[0] for e in expected]] == expected


@pytest.mark.parametrize("sentence", [
    # "aussi" before a participle is "also": "que jamais" opens the clause of what was said
    "Le maire a aussi rappelé que jamais la ville n'avait connu une telle crue.",
    "La directrice a aussi souligné que jamais, depuis sa création, le musée n'avait fermé.",
    "Elle a plus insisté que jamais sur ce point lors de la réunion.",
])
def test_que_jamais_opening_a_clause_is_no_comparison(sentence):
    assert [f for f in found(sentence) if "jamais" in f[0]] == []


@pytest.mark.parametrize("sentence,expected", [
    ("Le parti est plus divisé que jamais depuis sa fondation.", "plus divisé que jamais"),
    ("La candidate paraît plus déterminée que jamais à se présenter.", "plus déterminée que jamais"),
    ("Le doute est aussi fort que jamais.", "aussi fort que jamais"),
])
def test_que_jamais_closing_a_comparison_is_hyperbole(sentence, expected):
    assert expected in [f[0] for f in found(sentence)]
