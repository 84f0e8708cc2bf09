"""Loaded vocabulary, issue 18: evaluative versus descriptive use, voice, coverage, reader-like spans.

Every sentence is written for the test (no third-party article text).
"""
from __future__ import annotations

import json

import pytest

from framing import analyze
from framing.backends.builtin import BuiltinBackend
from framing.extract import loaded
from framing.extract.loaded_derive import adverb, derived_forms, participles
from framing.extract.loaded_voice import is_title
from framing.lexicons import load_lexicon
from framing.resources import default_config, get_resources

from conftest import SHARED, needs_shared

BACKEND = BuiltinBackend()


def found(text: str) -> list[tuple[str, str]]:
    doc = BACKEND.parse(text)
    spans = loaded.extract(doc, [], get_resources(default_config()))
    return [(s.text, s.attrs["cat"]) for s in spans if s.label == "LOADED"]


def texts(text: str) -> list[str]:
    return [t for t, _ in found(text)]


# --- evaluative versus descriptive use (codebook Clarifications) ---------------------------

@pytest.mark.parametrize("sentence, word", [
    # the codebook's own examples
    ("Des voleurs se sont emparés du tableau dans la nuit.", "voleurs"),
    ("Il a reconnu avoir menti à la police.", "menti"),
    ("La menace terroriste reste à un niveau élevé.", "menace"),
    # legal and judicial frames: the charge, not the writer's verdict
    ("L'ancien maire a été condamné pour escroquerie et fraude.", "escroquerie"),
    ("Il est accusé de chantage par son ancien associé.", "chantage"),
    ("Le gérant a été mis en examen pour extorsion.", "extorsion"),
    ("Elle est soupçonnée de fraude aux subventions.", "fraude"),
    # technical terms
    ("Une voiture piégée a explosé devant la caserne.", "piégée"),
    ("Les violences conjugales ont augmenté de 10 %.", "violences"),
    ("L'association a tenu une assemblée générale extraordinaire.", "extraordinaire"),
    ("Il transportait un kilo d'héroïne dans sa valise.", "héroïne"),
    # negation
    ("Le produit est sans danger pour les enfants.", "danger"),
    ("Le ministre n'a pas menti, selon l'enquête.", "menti"),
    # people counted in a fact report
    ("La police a interpellé trois casseurs près de la gare.", "casseurs"),
    ("Plus de 3.000 criminels ont été arrêtés en un an.", "criminels"),
    # an agent named by what the article reports it did
    ("Les agresseurs ont pris la fuite à pied.", "agresseurs"),
    # the doer related to the victim by a possessive
    ("La passante a reconnu son agresseur dans le métro.", "agresseur"),
    ("La vieille dame a reconnu ses voleurs au commissariat.", "voleurs"),
    # the cause of a death, and a frame that reaches across a list of acts
    ("Le randonneur a été tué par asphyxie sous l'avalanche.", "asphyxie"),
    ("Il est accusé d'avoir frappé, séquestré et sauvagement mutilé un passant.", "mutilé"),
    # the force of a street clash, an administrative category, a crowd's rush
    ("De violents heurts ont opposé des supporters à la police.", "violents"),
    ("Le plan vise les violences sexistes et sexuelles au travail.", "sexistes"),
    ("Un pétard a provoqué un mouvement de panique dans la foule.", "panique"),
    ("L'effondrement d'une barrière a blessé des spectateurs.", "effondrement"),
    # someone's feeling, reported
    ("À l'audience, la victime lui a crié sa haine.", "haine"),
    ("Les habitants ont exprimé leur indignation devant la mairie.", "indignation"),
    # physical senses ('unless' lemmas) and named historical or material terms
    ("Des vents violents ont arraché plusieurs toits.", "violents"),
    ("Les touristes visitent l'immense basilique.", "immense"),
    ("L'effondrement d'une tribune a fait dix blessés.", "effondrement"),
    ("L'explosion a dévasté tout le quartier.", "dévasté"),
    ("La police traque les ravisseurs depuis lundi.", "traque"),
    ("Une église en ruines domine le village.", "en ruines"),
    ("Le laboratoire, dépendant du ministère, ferme.", "dépendant"),
    ("Il cachait des explosifs dans sa cave.", "explosifs"),
    ("Le génocide arménien a été commémoré à Paris.", "génocide"),
    # a real hostage-taking is the event; "drôle de" means strange; a feeling stated; a warning act
    ("Un homme armé a pris en otage trois clients.", "pris en otage"),
    ("Les ravisseurs exigent une rançon après la prise d'otages.", "prise d'otages"),
    ("Il a entendu de drôles de bruits dans la cave.", "drôles"),
    ("Elle a eu très peur pendant l'orage.", "peur"),
    ("L'association lance un cri d'alarme sur la pauvreté.", "cri d'alarme"),
    ("Le corps a été retrouvé pieds et poings liés.", "pieds et poings liés"),
    ("La région a été durement frappée par l'épidémie.", "durement frappée"),
    ("Le supporter a été expulsé violemment du stade.", "violemment"),
    # literal senses: a plume of smoke, a head-on collision, a sudden change, the name of an offence
    ("Un épais panache de fumée s'élève au-dessus de l'usine.", "panache"),
    ("Le camion a percuté de plein fouet la voiture.", "de plein fouet"),
    ("Le pont s'est brutalement effondré dans la nuit.", "brutalement"),
    ("Il a porté plainte pour dénonciation calomnieuse.", "calomnieuse"),
    # the category of an offence classifies it
    ("Les actes antisémites ont augmenté cette année.", "antisémites"),
    ("Une agression homophobe a eu lieu samedi soir.", "homophobe"),
    # trapped by fire; fireworks
    ("Les automobilistes se sont retrouvés piégés par les flammes.", "piégés"),
    ("Le feu d'artifice s'est achevé par un bouquet final explosif.", "explosif"),
    # a prejudice as the cause fought or suffered; a physical loss of balance
    ("Un rassemblement contre l'antisémitisme a eu lieu dimanche.", "antisémitisme"),
    ("Il a été victime d'homophobie au travail.", "homophobie"),
    ("Le cycliste a été déstabilisé par une rafale de vent.", "déstabilisé"),
    # the verb "rater", an engine's misfire
    ("Il a raté son train ce matin.", "raté"),
    ("Les ratés du moteur inquiètent le pilote.", "les ratés"),
    # a court's verdict, a felt guilt
    ("Il a été reconnu coupable de fraude fiscale.", "coupable"),
    ("Elle se sentait coupable de son départ.", "coupable"),
])
def test_descriptive_uses_are_not_loaded(sentence, word):
    assert word not in texts(sentence)


@pytest.mark.parametrize("sentence, word", [
    ("Ces voleurs de la République se servent dans la caisse.", "voleurs"),
    ("Le ministre a menti aux Français sur la réforme.", "menti"),
    ("La menace plane sur toute la région.", "menace"),
    ("Le régime syrien a bombardé la ville.", "régime"),
    ("Une héroïne de la Résistance a été honorée.", "héroïne"),
    # a use=always word stays loaded under a legal frame or a negation
    ("Il est accusé de propagande par l'opposition.", "propagande"),
    ("Ce n'est pas une simple marionnette.", "marionnette"),
    # the same words used to judge
    ("Cette grève est une prise d'otages des usagers.", "prise d'otages"),
    ("Le syndicat a pris en otage les vacanciers.", "pris en otage"),
    ("La peur d'une guerre gagne le continent.", "peur"),
    ("Le gouvernement est pieds et poings liés face aux marchés.", "pieds et poings liés"),
    ("Le ministre a violemment critiqué la réforme.", "violemment"),
    # a demonstrative or an article, not a possessive: the writer's own charge
    ("Cette haine de l'autre gagne les réseaux.", "haine"),
    ("Le policier a été roué de coups par des agresseurs cagoulés.", "agresseurs"),
    # the same words of a person, a crisis, an act of force
    ("Le coureur a remporté l'étape avec panache.", "panache"),
    ("Le secteur est frappé de plein fouet par la crise.", "de plein fouet"),
    ("Les manifestants ont été brutalement dispersés.", "brutalement"),
    ("Ce militant antisémite a été exclu du parti.", "antisémite"),
    # the magnitude of an event or a phenomenon, unlike the size of a building
    ("Deux énormes carambolages ont bloqué l'autoroute.", "énormes"),
    ("Un énorme panache de fumée s'élève du volcan.", "énorme"),
    ("Le ministre s'est retrouvé piégé par ses propres promesses.", "piégé"),
    ("La situation est explosive dans les banlieues.", "explosive"),
    ("Au ministère, on reconnaît un raté dans la distribution.", "un raté"),
    ("L'antisémitisme de ce militant ne fait aucun doute.", "antisémitisme"),
    ("L'opposition cherche à déstabiliser le gouvernement.", "déstabiliser"),
    # a party blamed for an outcome
    ("Le maire attaque la réforme, coupable à ses yeux de vider les villages.", "coupable"),
])
def test_evaluative_uses_stay_loaded(sentence, word):
    assert word in texts(sentence)


def test_a_word_repeated_four_times_is_the_topic_not_the_telling():
    text = ("Le danger d'un produit n'est pas le risque. Le danger est une propriété. "
            "Le risque dépend de l'exposition au danger. Un danger faible reste un danger.")
    assert texts(text) == []
    assert texts("Le danger grandit. Le danger est partout.") == ["danger", "danger"]


def test_the_names_of_one_subject_count_together_for_the_topic():
    text = ("La désinformation circule vite. Ces infox viennent de comptes anonymes. "
            "Les chercheurs ont suivi la désinformation et les fake news pendant un mois.")
    assert texts(text) == []
    assert texts("Moscou mène une campagne de désinformation.") != []


def test_every_loaded_entry_says_its_use():
    for name in loaded.LEXICONS:
        for e in load_lexicon(name).entries:
            assert e.get("use") in ("always", "some", "literal", "declared"), (name, e["term"])
    uses = {e["term"]: e["use"] for e in load_lexicon("loaded").entries}
    assert uses["voleur"] == uses["menace"] == uses["massacre"] == "some"
    assert uses["fantoche"] == uses["ignoble"] == "always"


# --- voice --------------------------------------------------------------------------------

def test_three_voices_in_the_full_pipeline():
    text = ("« Ce gouvernement est une bande de fantoches », a déclaré le sénateur.\n\n"
            "La « mascarade » électorale continue. Le régime a répondu par la propagande.")
    spans = analyze(text).spans
    voices = {s.text: s.attrs["voice"] for s in spans if s.label == "LOADED"}
    assert voices == {"fantoches": "quoted", "mascarade": "mentioned", "régime": "own", "propagande": "own"}
    feats = analyze(text).features
    assert feats["loaded_own_per_1k"] > 0 and feats["loaded_quoted_per_1k"] > 0 and feats["loaded_mentioned_per_1k"] > 0
    assert feats["loaded_per_1k"] == pytest.approx(
        feats["loaded_own_per_1k"] + feats["loaded_quoted_per_1k"] + feats["loaded_mentioned_per_1k"])


def test_title_detection():
    text = "Son livre « Le Grand Mensonge » sort jeudi ; le disque « Colère noire » (2019) aussi."
    a = text.index("«")
    assert is_title(text, (a, text.index("»") + 1), frozenset({"livre"}))
    b = text.index("«", a + 1)
    assert is_title(text, (b, text.index("»", b) + 1), frozenset())
    plain = "Il dénonce une « mascarade »."
    assert not is_title(plain, (plain.index("«"), plain.index("»") + 1), frozenset({"livre"}))


def _own_spans_inside_marks(text: str) -> list[str]:
    regions = loaded.quotation_mark_regions(text)
    out = []
    for s in analyze(text).spans:
        if s.label == "LOADED" and s.attrs["voice"] == "own":
            if any(a < s.end and s.start < b for a, b in regions):
                out.append(s.text)
    return out


@needs_shared
def test_no_own_voice_loaded_span_inside_quotation_marks_in_the_seeds():
    paths = sorted((SHARED / "seeds").glob("*.txt"))
    assert paths
    for path in paths:
        assert _own_spans_inside_marks(path.read_text(encoding="utf-8")) == [], path.name


@needs_shared
def test_no_own_voice_loaded_span_inside_quotation_marks_in_corpus_b():
    path = SHARED / "corpus-b" / "orangesum_outlets.jsonl"
    if not path.is_file():
        pytest.skip("../shared/corpus-b is absent")
    bad = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            bad += [(art["id"], t) for t in _own_spans_inside_marks(art["text"])]
    assert bad == []


# --- coverage by general means ----------------------------------------------------------------

def test_adverbs_and_participles_are_derived():
    assert adverb("désastreux") == "désastreusement"
    assert adverb("cynique") == "cyniquement"
    assert adverb("violent") == "violemment"
    assert adverb("cruel") == "cruellement"
    assert adverb("brutal") == "brutalement"
    assert adverb("désespéré") == "désespérément"
    assert adverb("grossier") == "grossièrement"
    assert participles("détruire") == {"détruit", "détruite", "détruits", "détruites"}
    assert "menti" in participles("mentir")
    assert "parfaitement" not in derived_forms("parfait", frozenset({"parfaitement"}))


@pytest.mark.parametrize("sentence, expected", [
    ("La réforme a été désastreusement menée.", ("désastreusement", "fear")),
    ("Le ministre a cyniquement justifié la mesure.", ("cyniquement", "moral")),
    ("Le député a jeté de l'huile sur le feu.", ("jeté de l'huile sur le feu", "violence")),
    ("L'opposition tire à boulets rouges sur le projet.", ("tire à boulets rouges", "violence")),
    ("Le maire se gargarise de ses chiffres.", ("se gargarise", "pejorative")),
    ("Cette réforme est une usine à gaz.", ("usine à gaz", "pejorative")),
    ("Quelle gabegie d'argent public !", ("gabegie", "pejorative")),
    ("Le spectacle est formidable.", ("formidable", "glorification")),
    ("Un film remarquable, drôle et émouvant.", ("remarquable", "glorification")),
    ("Il a traité l'arbitre de connard.", ("connard", "pejorative")),
    ("Un spectacle très drôle.", ("très drôle", "glorification")),
    ("Une décision profondément injuste.", ("profondément injuste", "moral")),
])
def test_general_coverage(sentence, expected):
    assert expected in found(sentence)


def test_opinion_and_vulgar_lexicons_keep_descriptive_homographs_out():
    for sentence in ("Il a enfilé la manche de sa veste.", "Une gourde d'eau et un gland de chêne.",
                     "Il fait mauvais temps sur la côte.", "La Cour suprême a tranché.",
                     "Un accident fatal sur l'autoroute.", "Les revenus sont nuls.",
                     "Les otages ont été pris en otage en mars.", "Une très bonne nouvelle.",
                     "Le gaz hilarant est un anesthésiant."):
        assert found(sentence) == [], sentence


# --- spans like a reader's ---------------------------------------------------------------------

def test_a_charged_word_and_its_hyperbole_are_one_span():
    assert found("Le ministre a commis une bévue monumentale.") == [("bévue monumentale", "pejorative")]
    # two charged words of their own stay two spans
    assert texts("Les occupants néonazis ont reculé.") == ["occupants", "néonazis"]


def test_phrases_are_marked_whole():
    assert ("sans précédent", "hyperbole") in found("Une crise sans précédent secoue le parti.")
    assert ("acte contre l'humanité", "moral") in found("C'est un acte contre l'humanité.")


@pytest.mark.parametrize("name", [n for n in loaded.LEXICONS if n != "loaded"])
def test_every_entry_of_the_general_lexicons_matches_itself(name, monkeypatch):
    from framing.extract import loaded_use

    monkeypatch.setattr(loaded_use, "TOPIC_MIN", 10 ** 9)  # one document holds them all
    entries = load_lexicon(name).entries
    # a use=literal word is a span only in a speaker's words, so it is given in quotation marks
    text = "\n".join(f"Voilà « {e['term']} » ici." if e.get("use") == "literal" else f"Voilà {e['term']} ici."
                      for e in entries)
    doc = BACKEND.parse(text)
    spans = loaded.extract(doc, [], get_resources(default_config()))
    by_line: dict[int, set[str]] = {}
    for s in spans:
        if s.label == "LOADED":
            by_line.setdefault(text.count("\n", 0, s.start), set()).add(s.attrs["cat"])
    missing = [e["term"] for k, e in enumerate(entries) if e["cat"] not in by_line.get(k, set())]
    assert missing == []


def test_literal_use_is_no_span_in_own_voice_but_is_in_a_quotation():
    """use=literal words (the plain name of a physical event) report the event in the writer's voice."""
    from framing import analyze

    own = analyze("La voiture est restée coincée sous le pont. La victime est morte asphyxiée.")
    assert not [s for s in own.spans if s.label == "LOADED"]
    quoted = analyze("« Nos entreprises sont coincées, c'est l'asphyxie », a dit le maire.")
    assert [s.text for s in quoted.spans if s.label == "LOADED"] == ["coincées", "asphyxie"]


def test_a_bare_feeling_noun_of_motive_is_the_subjects_feeling():
    """"par crainte de", "de peur que": why the subject acted, not the writer's charge."""
    from framing import analyze

    for text in ("Il a refusé d'aller à l'hôpital par crainte d'y être contaminé.",
                 "Les habitants sont restés chez eux de peur que la digue ne cède."):
        assert not [s for s in analyze(text).spans if s.label == "LOADED"], text


def test_a_literal_word_is_cancelled_by_its_scene_anywhere_in_the_sentence():
    """use=literal: an unless lemma of the literal scene counts in the whole sentence, quoted or not."""
    from framing import analyze

    text = "« Le décès de la jeune femme est probablement lié à une asphyxie », a déclaré le procureur."
    assert not [s for s in analyze(text).spans if s.label == "LOADED"]


def test_a_list_of_charges_after_a_legal_frame_is_descriptive():
    from framing.analysis import analyze

    text = "Il a été mis en examen pour abus de confiance, recel et escroqueries en bande organisée."
    assert not [s for s in analyze(text).spans if s.label == "LOADED"]
    judged = "Cette réforme est une escroquerie intellectuelle."
    assert [s.text for s in analyze(judged).spans if s.label == "LOADED"] == ["escroquerie"]
    # a circumstance after the charge is no charge: the list stops at its preposition
    later = "Il est visé par deux chefs d'accusation dans le cadre d'une escroquerie géante."
    assert [s.text for s in analyze(later).spans if s.label == "LOADED"]


@pytest.mark.parametrize("sentence, word", [
    # participants of an event counted by a collective numeral or enumerated by an ordinal
    ("Une vingtaine de casseurs ont brisé des vitrines.", "casseurs"),
    ("Un premier casseur lance un pavé, un autre casseur le suit.", "casseur"),
    # a charge in quotation marks after its legal frame; penal-code terms
    ("Il a été inculpé pour « escroquerie » et « extorsion ».", "extorsion"),
    ("Elle est poursuivie pour séquestration arbitraire.", "arbitraire"),
    ("La gendarmerie a ouvert une enquête pour disparition inquiétante.", "inquiétante"),
    # someone's feeling: felt (avoir, an adverb between) or held by a named party
    ("« Je n'avais pas vraiment peur », raconte le randonneur.", "peur"),
    ("Le groupe veut apaiser les craintes de Bruxelles sur ses données.", "craintes"),
    # a cause fought
    ("Des milliers de personnes ont défilé contre la haine en ligne.", "haine"),
    ("Une cellule contre le racket et l'extorsion a été créée.", "extorsion"),
    # a crash told by its wreck; a victim telling what was done to him
    ("Sur la vidéo, on voit un camion pulvérisé, puis réduit en cendres.", "réduit en cendres"),
    ("Sur la vidéo, on voit un camion pulvérisé, puis réduit en cendres.", "pulvérisé"),
    ("« Des voisins m'ont roué de coups à la sortie du bar », témoigne le serveur.", "roué de coups"),
    ("« On m'a étranglé par derrière », dit le chauffeur.", "étranglé"),
])
def test_literal_and_reported_uses_of_issue_18_tenth_pass(sentence, word):
    assert word not in texts(sentence)


@pytest.mark.parametrize("sentence, word", [
    ("Ces casseurs de la République ruinent le pays.", "casseurs"),
    ("La peur des attentats gagne le pays.", "peur"),
    ("La haine des Roms s'affiche sur les murs.", "haine"),
    ("Le candidat a pulvérisé ses adversaires au premier tour.", "pulvérisé"),
    ("« Ils nous écrasent d'impôts », lance le commerçant.", "écrasent"),
    ("« Physiquement, ce marathon m'a broyée », sourit la coureuse.", "broyée"),
    ("La réforme est une escroquerie contre laquelle il faut voter.", "escroquerie"),
])
def test_judging_uses_stay_loaded_beside_the_tenth_pass_rules(sentence, word):
    assert word in texts(sentence)
