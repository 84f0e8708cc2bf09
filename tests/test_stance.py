"""Stance and target of quoted speech: evaluative words, negation, verbs, sides named."""
from __future__ import annotations

import json

import pytest

from framing.backends import get_backend
from framing.extract import camps
from framing.resources import default_config, get_resources
from framing.spans import Span

from conftest import needs_shared


def decide(text: str, speaker: str, content: str, verb: str | None = None, label: str = "IQUOTE",
           extra: list[Span] = ()) -> Span:
    """Run the camps stage on one reported-speech span (plus its ATTR cue) and return it."""
    m = text.index(speaker)
    spans = [Span.at(text, text.index(content), text.index(content) + len(content), label,
                     speaker=speaker, speaker_span=[m, m + len(speaker)])]
    if verb:
        v = text.index(verb)
        spans.append(Span.at(text, v, v + len(verb), "ATTR", source=speaker, source_span=[m, m + len(speaker)],
                             stype="institution"))
    spans += list(extra)
    doc = get_backend("builtin").parse(text)
    out = camps.extract(doc, spans, get_resources(default_config()))
    return next(s for s in out if s.label == label and s.text == content)


STANCE_TABLE = [
    # (text, speaker, reported content, ATTR cue, stance, target)
    ("Le Kremlin a affirmé que la contre-offensive ukrainienne était un échec.",
     "Le Kremlin", "la contre-offensive ukrainienne était un échec", "a affirmé", "critical", "ukraine"),
    ("Volodymyr Zelensky a déclaré que les soldats ukrainiens avaient fait preuve d'un courage remarquable.",
     "Volodymyr Zelensky", "les soldats ukrainiens avaient fait preuve d'un courage remarquable", "a déclaré",
     "supportive", "ukraine"),
    ("Séoul a dénoncé l'envoi de soldats nord-coréens en Russie.",
     "Séoul", "l'envoi de soldats nord-coréens en Russie", "a dénoncé", "critical", "north_korea"),
    ("Le Pentagone a indiqué que 10 000 soldats nord-coréens se trouvaient en Russie.",
     "Le Pentagone", "10 000 soldats nord-coréens se trouvaient en Russie", "a indiqué", "neutral", "north_korea"),
    ("Pyongyang a affirmé que ses troupes étaient venues soutenir la Russie.",
     "Pyongyang", "ses troupes étaient venues soutenir la Russie", "a affirmé", "supportive", "russia"),
    ("Kiev a assuré que l'armée russe était désespérée.",
     "Kiev", "l'armée russe était désespérée", "a assuré", "critical", "russia"),
    # weakness of an ally is reported, not criticised
    ("Paris a estimé que l'armée ukrainienne était dépendante de l'aide occidentale.",
     "Paris", "l'armée ukrainienne était dépendante de l'aide occidentale", "a estimé", "neutral", "ukraine"),
    # negation: a negated positive word is critical ...
    ("Le Kremlin a affirmé que les sanctions américaines ne suffiront pas.",
     "Le Kremlin", "les sanctions américaines ne suffiront pas", "a affirmé", "critical", "usa"),
    ("L'OTAN a estimé que la défense russe n'avait jamais été efficace.",
     "L'OTAN", "la défense russe n'avait jamais été efficace", "a estimé", "critical", "russia"),
    # ... a negated negative word is not praise
    ("Washington a estimé que ce n'est pas une escalade de la part de Moscou.",
     "Washington", "ce n'est pas une escalade de la part de Moscou", "a estimé", "neutral", "russia"),
    ("Moscou a assuré que ses troupes n'avaient subi aucun revers.",
     "Moscou", "ses troupes n'avaient subi aucun revers", "a assuré", "neutral", "russia"),
    # danger and fear words about one's own side report a hardship, they do not blame it
    ("Moscou a reconnu que la Russie restait menacée par le chaos.",
     "Moscou", "la Russie restait menacée par le chaos", "a reconnu", "neutral", "russia"),
    # ... but a politician, who speaks for themselves, criticises their own side with them
    ("La députée socialiste a estimé que la politique du gouvernement français était dangereuse.",
     "La députée socialiste", "la politique du gouvernement français était dangereuse", "a estimé",
     "critical", "nato_eu"),
    # "pas sans" affirms
    ("L'Institut pour l'étude de la guerre a estimé que l'opération russe n'était pas sans problèmes.",
     "L'Institut pour l'étude de la guerre", "l'opération russe n'était pas sans problèmes", "a estimé",
     "critical", "russia"),
]


@pytest.mark.parametrize("text, speaker, content, verb, stance, target", STANCE_TABLE)
def test_stance_table(text, speaker, content, verb, stance, target):
    s = decide(text, speaker, content, verb)
    assert (s.attrs["stance"], s.attrs["target"]) == (stance, target)
    assert s.attrs["stance_method"] in ("lexicon", "lexicon+negation", "verb", "default-neutral")


@pytest.mark.parametrize("text, speaker, content, verb, method", [
    (STANCE_TABLE[0][0], "Le Kremlin", STANCE_TABLE[0][2], "a affirmé", "lexicon"),
    (STANCE_TABLE[2][0], "Séoul", STANCE_TABLE[2][2], "a dénoncé", "verb"),
    (STANCE_TABLE[3][0], "Le Pentagone", STANCE_TABLE[3][2], "a indiqué", "default-neutral"),
    (STANCE_TABLE[7][0], "Le Kremlin", STANCE_TABLE[7][2], "a affirmé", "lexicon+negation"),
])
def test_stance_method_says_how(text, speaker, content, verb, method):
    assert decide(text, speaker, content, verb).attrs["stance_method"] == method


def test_loaded_spans_count_as_evaluation():
    text = "Kim Jong-un a déclaré que les soldats étaient des héros."
    h = text.index("héros")
    loaded = Span.at(text, h, h + 5, "LOADED", cat="glorification", voice="quoted")
    s = decide(text, "Kim Jong-un", "les soldats étaient des héros", "a déclaré", extra=[loaded])
    assert s.attrs["stance"] == "supportive"
    assert s.attrs["target"] == "north_korea" and s.attrs["target_method"] == "speaker"


def test_target_from_context_when_the_quote_names_no_side():
    text = ("Les troupes nord-coréennes sont arrivées sur le front. "
            "Le président ukrainien Volodymyr Zelensky a averti que cette alliance constitue une escalade.")
    s = decide(text, "Volodymyr Zelensky", "cette alliance constitue une escalade", "a averti")
    assert (s.attrs["stance"], s.attrs["target"], s.attrs["target_method"]) == ("critical", "north_korea", "context")


def test_split_quote_parts_share_one_decision():
    text = "« Ce déploiement, » a déclaré Singh, « révèle la dépendance croissante de Poutine. »"
    m = text.index("Singh")
    a = Span.at(text, 0, text.index(",") + 3, "QUOTE", speaker="Singh", speaker_span=[m, m + 5])
    b0 = text.index("« révèle")
    b = Span.at(text, b0, len(text), "QUOTE", speaker="Singh", speaker_span=[m, m + 5])
    doc = get_backend("builtin").parse(text)
    out = camps.extract(doc, [a, b], get_resources(default_config()))
    assert [(s.attrs["stance"], s.attrs["target"]) for s in out] == [("critical", "russia")] * 2
    assert out[1].attrs["stance_method"].startswith("split:")


def test_nested_quote_inherits_the_reported_speech_decision():
    text = "Le porte-parole du Pentagone a qualifié l'envoi de troupes nord-coréennes « d'escalade dangereuse »."
    outer = text[text.index("l'envoi"):text.index("»") + 1]
    inner = text[text.index("«"):text.index("»") + 1]
    m = text.index("Le porte-parole du Pentagone")
    spk = dict(speaker="anonymous", speaker_span=[m, m + len("Le porte-parole du Pentagone")])
    spans = [Span.at(text, text.index(outer), text.index(outer) + len(outer), "IQUOTE", **spk),
             Span.at(text, text.index(inner), text.index(inner) + len(inner), "QUOTE", mixed="yes", **spk)]
    doc = get_backend("builtin").parse(text)
    out = camps.extract(doc, spans, get_resources(default_config()))
    assert out[0].attrs["camp"] == "usa"
    assert [(s.attrs["stance"], s.attrs["target"]) for s in out] == [("critical", "north_korea")] * 2
    assert out[1].attrs["stance_method"].startswith("nested:")


@needs_shared
def test_stance_accuracy_on_gold_spans(camps_on_gold_speakers):
    """Stance and target from gold speakers (oracle input) on the seed gold: the rules were written
    reading these articles, so this is a regression guard, not a held-out score."""
    n = len(camps_on_gold_speakers)
    ok = sum(g.attrs["stance"] == p.attrs["stance"] for g, p in camps_on_gold_speakers)
    tgt = sum(g.attrs["target"] == p.attrs["target"] for g, p in camps_on_gold_speakers)
    assert ok / n >= 0.7 and tgt / n >= 0.7


@needs_shared
def test_train_stance_cross_validates_and_guards_the_model(gold_dir, tmp_path):
    from click.testing import CliRunner

    from framing.cli import cli
    from framing.extract.stance_model import load

    target = tmp_path / "stance_model.json"
    r = CliRunner().invoke(cli, ["train-stance", str(gold_dir), "-o", str(target), "--format", "json"])
    assert r.exit_code == 0, r.output
    cv = json.loads(r.output)
    assert cv["n_quotes"] > 60 and cv["folds"] == 5  # five seed documents: one per fold
    for name in ("classifier", "rules", "majority"):  # every figure has its per-class P/R and baseline
        assert set(cv[name]["per_class"]) == {"supportive", "critical", "neutral"}
    assert cv["model_written"] == (cv["classifier"]["accuracy"] > cv["rules"]["accuracy"]) == target.exists()
    card = tmp_path / "card.md"
    r = CliRunner().invoke(cli, ["train-stance", str(gold_dir), "-o", str(target), "--force", "--card", str(card)])
    assert r.exit_code == 0 and target.exists()
    assert "majority class" in card.read_text(encoding="utf-8")
    model = load(target)
    assert model.provenance["n_quotes"] == cv["n_quotes"] and model.provenance["training_sets"]
    # a model in a --lexicon-dir is used by the stage, and says so
    text = "Le Kremlin a affirmé que la contre-offensive ukrainienne était un échec."
    m = text.index("Le Kremlin")
    c = text.index("la contre")
    s = Span.at(text, c, len(text) - 1, "IQUOTE", speaker="Le Kremlin", speaker_span=[m, m + 10])
    doc = get_backend("builtin").parse(text)
    out = camps.extract(doc, [s], get_resources(default_config(lexicon_dirs=[tmp_path])))
    assert out[0].attrs["stance_method"] == "classifier" and out[0].attrs["stance"] in ("supportive", "critical", "neutral")


def test_general_sentiment_words_are_evidence_not_stance():
    # "bonne" is a strong entry of the broad polarity lexicon: recorded, not summed by the rules
    s = decide("Le porte-parole du Kremlin a déclaré que le président avait passé une bonne nuit.",
               "Le porte-parole du Kremlin", "le président avait passé une bonne nuit", "a déclaré")
    assert s.attrs["stance"] == "neutral" and s.attrs["stance_method"] == "default-neutral"


def _quote_after(text: str, speaker: str, quote: str) -> Span:
    m = text.index(speaker)
    q = text.index(quote)
    spans = [Span.at(text, q, q + len(quote), "QUOTE", speaker=speaker, speaker_span=[m, m + len(speaker)])]
    doc = get_backend("builtin").parse(text)
    return camps.extract(doc, spans, get_resources(default_config()))[0]


def test_the_sentence_introducing_a_quote_gives_its_verb_of_blame():
    # "s'en est pris à": a pronominal verb of blame in a compound tense, in the sentence before the quote
    text = "Un élu Emmanuel Crenne s'en est pris à un élu socialiste.\n\n« Vous avez voté les pleins pouvoirs ! »"
    s = _quote_after(text, "Emmanuel Crenne", "« Vous avez voté les pleins pouvoirs ! »")
    assert (s.attrs["stance"], s.attrs["stance_method"]) == ("critical", "verb")


@pytest.mark.parametrize("intro", [
    # a verb of another subject (relative clause) or a bare participle is not the speaker's
    "Une étudiante qui lui réclamait un poste a interrogé Jean Dupont.",
    "Critiqué par ses adversaires, Jean Dupont a répondu.",
    # a negated verb of blame is no blame
    "Jean Dupont n'a pas critiqué ses adversaires.",
])
def test_intro_verbs_of_others_or_negated_say_nothing(intro):
    text = intro + " « J'engage des assistants s'ils sont compétents. »"
    s = _quote_after(text, "Jean Dupont", "« J'engage des assistants s'ils sont compétents. »")
    assert s.attrs["stance"] == "neutral"


def test_a_quote_inside_its_sentence_does_not_read_the_previous_one():
    text = "Jean Dupont a dénoncé la réforme. Plus tard, il a ajouté que « les chiffres sont connus »."
    s = _quote_after(text, "Jean Dupont", "« les chiffres sont connus »")
    assert s.attrs["stance"] == "neutral"


def test_a_quote_after_a_short_frame_reads_the_previous_sentence():
    # "Pour elle, « … »": the frame only attributes; the sentence before says how she spoke
    text = "Jeanne Dupont a fustigé la direction du parti. Pour elle, « le parti appartient au passé »."
    s = _quote_after(text, "Jeanne Dupont", "« le parti appartient au passé »")
    assert (s.attrs["stance"], s.attrs["stance_method"]) == ("critical", "verb")


def test_a_short_frame_does_not_read_a_sentence_where_someone_else_speaks():
    text = ("Paul Martin ne cesse de vanter des armes « invincibles ». "
            "Selon Jeanne Dupont, « le missile sera montré en mai ».")
    q = text.index("« le missile")
    i = text.index("« invincibles »")
    spans = [Span.at(text, q, text.index("».", q) + 1, "QUOTE", speaker="Jeanne Dupont",
                     speaker_span=[text.index("Jeanne"), text.index("Jeanne") + 13]),
             Span.at(text, i, i + len("« invincibles »"), "QUOTE", speaker="Paul Martin", speaker_span=[0, 10])]
    doc = get_backend("builtin").parse(text)
    out = camps.extract(doc, spans, get_resources(default_config()))
    assert next(s for s in out if s.attrs["speaker"] == "Jeanne Dupont").attrs["stance"] == "neutral"


def test_pronominal_cues_match_their_compound_tenses():
    from framing.extract.stance import compound_forms

    assert [e["term"] for e in compound_forms({"term": "s'en prendre", "match": "lemma"})] == \
        ["s'en prendre", "s'en être prendre"]
    assert [e["term"] for e in compound_forms({"term": "se féliciter", "match": "lemma"})][:2] == \
        ["se féliciter", "se être féliciter"]
    assert compound_forms({"term": "saluer", "match": "lemma"}) == [{"term": "saluer", "match": "lemma"}]
    # the present of a pronominal verb in -er, which the lemmatiser may read as a noun ("alarme")
    forms = compound_forms({"term": "s'alarmer", "match": "lemma"})
    assert {(e["term"], e["match"]) for e in forms} >= {("s'alarme", "form"), ("s'alarment", "form")}
    # not for stems that change ("s'inquiéter" → "s'inquiète")
    assert all(e["match"] == "lemma" for e in compound_forms({"term": "s'inquiéter", "match": "lemma"}))
    assert len(compound_forms({"term": "s'inquiéter", "match": "form"})) == 1


def test_judgement_verbs_of_verbenet_carry_their_polarity():
    from framing.extract.stance import cue_matcher

    m = cue_matcher(get_resources(default_config()))
    cues = {}
    for text in ("Ils ont décrié la réforme.", "Le maire a honoré les pompiers.", "Elle s'attaque au problème.",
                 "Il a attaqué le ministre."):
        doc = get_backend("builtin").parse(text)
        cues[text] = [x.entry["polarity"] for x in m.find_longest(doc)]
    assert cues["Ils ont décrié la réforme."] == ["negative"]
    assert cues["Le maire a honoré les pompiers."] == ["positive"]
    assert cues["Il a attaqué le ministre."] == ["negative"]


def test_a_verb_cue_used_pronominally_is_another_verb():
    # "s'attaquer à un problème" is to tackle it: no blame
    s = decide("Le ministre a déclaré qu'il s'attaquera au problème du logement.", "Le ministre",
               "il s'attaquera au problème du logement", "a déclaré")
    assert s.attrs["stance"] == "neutral"
    s = decide("Le ministre a déclaré que l'opposition a attaqué le gouvernement.", "Le ministre",
               "l'opposition a attaqué le gouvernement", "a déclaré")
    assert s.attrs["stance"] == "critical"


def test_cross_validation_reports_each_gold_set():
    from framing.extract.stance_evidence import Cue, StanceEvidence
    from framing.stance_training import cross_validate

    def ev(pol: int) -> StanceEvidence:
        cues = [Cue(0, pol, "blame" if pol < 0 else "praise")] if pol else []
        return StanceEvidence([(0, 10)], "russia", "ukraine", "mention", "opponent", cues, [], 5)

    exs, sets = [], []
    for d in range(8):
        for pol, gold in ((-1, "critical"), (1, "supportive"), (0, "neutral")):
            exs.append((ev(pol), gold, f"doc{d}", "QUOTE"))
            sets.append("a" if d < 4 else "b")
    cv = cross_validate(exs, 0.1, 4, sets)
    assert set(cv["by_set"]) == {"a", "b"}
    for name in ("classifier", "rules", "majority"):
        assert cv["by_set"]["a"][name]["n"] == 12
    assert cv["by_set"]["b"]["rules"]["accuracy"] == 1.0


@pytest.mark.parametrize("content, stance", [
    # a negation does not reach across a conjunction into another clause
    ("il ne le voulait pas et il dénonce cette dérive", "critical"),
    # "pas le seul", "pas seulement" restrict, they do not negate
    ("le ministre russe n'est pas le seul fautif", "critical"),
    # a plain negation still turns a negative word to nothing
    ("ce n'est pas une escalade de la part de Moscou", "neutral"),
])
def test_negation_scope(content, stance):
    text = f"Le Pentagone a estimé que {content}."
    assert decide(text, "Le Pentagone", content, "a estimé").attrs["stance"] == stance


def test_a_pronominal_verb_after_the_quote_is_its_verb():
    # a senator (a citizen's worry naming no side would be testimony: seventh pass)
    name = "Claire Dufresne"
    text = f"« Ces familles restent oubliées », s'alarme la sénatrice {name}."
    m, n = text.index(name), len(name)
    v = text.index("s'alarme")
    spans = [Span.at(text, 0, text.index("»") + 1, "QUOTE", speaker=name, speaker_span=[m, m + n]),
             Span.at(text, v, v + 8, "ATTR", source=name, source_span=[m, m + n], stype="person")]
    out = camps.extract(get_backend("builtin").parse(text), spans, get_resources(default_config()))
    assert (out[0].attrs["stance"], out[0].attrs["stance_method"]) == ("critical", "verb")


def test_the_stance_evidence_reads_the_speakers_role():
    # the classifier's role_* features: the role is known when the evidence is built
    text = "« Nous irons jusqu'au bout », a prévenu un syndicaliste de la CGT."
    m = text.index("un syndicaliste de la CGT")
    v = text.index("a prévenu")
    sp = [m, m + len("un syndicaliste de la CGT")]
    spans = [Span.at(text, 0, text.index("»") + 1, "QUOTE", speaker="anonymous", speaker_span=sp),
             Span.at(text, v, v + 9, "ATTR", source="un syndicaliste de la CGT", source_span=sp, stype="anonymous")]
    doc = get_backend("builtin").parse(text)
    camps.extract(doc, spans, get_resources(default_config()))
    ev = next(iter(doc.cache["stance.evidence"].values()))
    assert ev.extras.get("role_union_ngo") == 1.0


@pytest.mark.parametrize("content, stance, method", [
    # a quote with no evaluative word that denies something of its subject disputes it
    ("le gouvernement ne défend pas les intérêts des salariés", "critical", "denial"),
    ("ces mesures ne changeront rien", "critical", "denial"),
    # the existential "il n'y a pas" states an absence, it does not dispute
    ("il n'y a pas de solution simple", "neutral", "default-neutral"),
    # and so does "X n'a pas de Y"
    ("le conflit n'a pas de solution militaire", "neutral", "default-neutral"),
    # a compound tense of avoir is a predication ("n'a pas été")
    ("cela n'a pas été probant", "critical", "denial"),
    # a restrictive "pas seulement" affirms
    ("la réforme ne concerne pas seulement les salariés", "neutral", "default-neutral"),
    # an evaluative word decides: the denial is only read when there is none
    ("les sanctions américaines ne suffiront pas", "critical", "lexicon+negation"),
    # a negation in the imperfect or the conditional narrates a past or reported state
    ("sa femme n'était pas rentrée", "neutral", "default-neutral"),
    ("il ne toucherait pas ses indemnités", "neutral", "default-neutral"),
    # "fait", "sait" are presents, "ait" a subjunctive: still denials
    ("cela ne fait pas avancer le dossier", "critical", "denial"),
])
def test_a_denial_with_no_evaluative_word_is_critical(content, stance, method):
    # a union: an office's negation of its own matters is no denial (seventh pass, below)
    text = f"La CGT a estimé que {content}."
    s = decide(text, "La CGT", content, "a estimé")
    assert (s.attrs["stance"], s.attrs["stance_method"]) == (stance, method)


def test_denials_are_the_negated_predications_in_the_clause():
    from framing.extract.stance import denials
    text = "Il n'y a aucun risque, mais il ne viendra jamais et elle, lorsque rien ne change, pas du tout."
    doc = get_backend("builtin").parse(text)
    found = [doc.tokens[i].text for i in denials(doc, [(0, len(text))])]
    # "n'y a aucun" is existential; "ne change ," has no second part in its clause
    assert found == ["ne"] and doc.tokens[denials(doc, [(0, len(text))])[0] + 1].text == "viendra"


@pytest.mark.parametrize("content, stance", [
    # a verb of blame as a bare participle says someone was blamed, not that the speaker blames
    ("les deux hommes, condamnés pour fraude, devaient revenir", "neutral"),
    # with its auxiliary it is the speaker's judgement
    ("Moscou a condamné les frappes", "critical"),
    # a cue verb used pronominally is another verb ("se douter" is to suspect), in any person
    ("je me suis doutée que c'était ma fille", "neutral"),
    # in a relative clause of subject it tells what someone spoken of does
    ("les militants qui réclament l'arrêt des vols ont bloqué la piste", "neutral"),
    ("les élus qui le dénoncent sont nombreux", "neutral"),
])
def test_participles_and_pronominal_uses_of_cue_verbs(content, stance):
    text = f"Le Pentagone a indiqué que {content}."
    s = decide(text, "Le Pentagone", content, "a indiqué")
    assert s.attrs["stance"] == stance


@pytest.mark.parametrize("content, stance", [
    # a cue word inside a proper name judges nothing
    ("des manifestants ont tagué l'Arc de triomphe", "neutral"),
    ("le journal Libération a publié le texte", "neutral"),
    # the same words outside a name still count
    ("ce fut un triomphe pour l'armée", "supportive"),
])
def test_cue_words_inside_proper_names_do_not_count(content, stance):
    text = f"Le Pentagone a indiqué que {content}."
    s = decide(text, "Le Pentagone", content, "a indiqué")
    assert s.attrs["stance"] == stance


@pytest.mark.parametrize("content, stance", [
    # a cue of use=predicate judges only as the predicate of a copula
    ("la politique russe devient un problème pour la région", "critical"),
    ("les deux hommes avaient réglé leurs problèmes familiaux", "neutral"),
])
def test_predicate_only_cues(content, stance):
    text = f"Le Pentagone a indiqué que {content}."
    s = decide(text, "Le Pentagone", content, "a indiqué")
    assert s.attrs["stance"] == stance


@pytest.mark.parametrize("content, stance", [
    # a speaker's denial about themselves says what they do, not what they dispute
    ("nous ne toucherons pas les indemnités", "neutral"),
    # ... unless the verb is one of opinion, acceptance or wish: disagreement
    ("nous n'acceptons pas cette réforme", "critical"),
    # a third person's negation is still a denial
    ("la réforme ne changera rien", "critical"),
    # and so is the speaker's in a condition, which warns of its consequence
    ("si nous ne réagissons pas, la réforme passera", "critical"),
])
def test_a_denial_of_oneself_is_not_a_dispute(content, stance):
    text = f"La CGT a indiqué que {content}."  # a union (an office: seventh pass)
    s = decide(text, "La CGT", content, "a indiqué")
    assert s.attrs["stance"] == stance


def test_reported_content_opening_with_ne_pas_is_the_speakers_own():
    text = "Le Pentagone assure ne pas être un acteur du conflit."
    s = decide(text, "Le Pentagone", "ne pas être un acteur du conflit", "assure")
    assert s.attrs["stance"] == "neutral"


def test_a_success_verb_in_the_infinitive_is_an_aim_not_a_success():
    text = "Le Pentagone a appelé Kiev à reprendre les négociations."
    s = decide(text, "Le Pentagone", "reprendre les négociations", "a appelé")
    assert s.attrs["stance"] == "neutral"


def test_the_reporting_verb_itself_is_not_read_as_a_noun_or_adjective():
    # "lâche" (says, of lâcher) is not the adjective "lâche" (coward) of the blame cues
    text = "« Nous avons beaucoup d'amitié pour les Ukrainiens », lâche le Pentagone."
    quote = "« Nous avons beaucoup d'amitié pour les Ukrainiens »"
    s = decide(text, "Pentagone", quote, "lâche", label="QUOTE")
    assert s.attrs["stance"] == "supportive"


def test_the_reporting_verb_decides_over_the_words_of_what_it_reports():
    # what is deplored is the object of the act: its success words do not make it praise
    text = "Le Pentagone déplore que les milices russes aient réussi à reprendre la ville."
    s = decide(text, "Le Pentagone", "les milices russes aient réussi à reprendre la ville", "déplore")
    assert s.attrs["stance"] == "critical"


@pytest.mark.parametrize("content", ["toute sa compassion aux familles des victimes",
                                     "ses sincères condoléances aux proches du défunt"])
def test_words_of_sympathy_support_whom_they_are_addressed_to(content):
    text = f"Le maire a adressé {content}."
    assert decide(text, "Le maire", content, "a adressé").attrs["stance"] == "supportive"


def test_a_complaint_at_law_is_an_accusation():
    text = "La direction de l'aéroport a assuré qu'elle porterait plainte."
    s = decide(text, "La direction de l'aéroport", "elle porterait plainte", "a assuré")
    assert s.attrs["stance"] == "critical"


@pytest.mark.parametrize("content, stance", [
    ("elles pardonnent au conducteur", "supportive"),
    # in the infinitive, forgiving is an aim or a permission, not an act
    ("nul ne peut décider de pardonner au conducteur", "neutral"),
])
def test_forgiving_supports_but_not_in_the_infinitive(content, stance):
    text = f"Les familles ont déclaré qu'{content}."
    assert decide(text, "Les familles", content, "ont déclaré").attrs["stance"] == stance


@pytest.mark.parametrize("content, stance", [
    # the names of offences at law accuse whom they are said of
    ("un oligarque russe est poursuivi pour abus de biens sociaux et trafic d'influence", "critical"),
    # a measure called useless or counter-productive failed
    ("la réforme du Kremlin est inutile et contre-productive", "critical"),
    # conduct that measures up is praised; its negation blames
    ("le gouvernement ukrainien a été à la hauteur de la crise", "supportive"),
    ("le gouvernement russe n'a pas été à la hauteur de la crise", "critical"),
    ("Kiev a pris les bonnes décisions", "supportive"),
])
def test_offences_failures_and_measuring_up(content, stance):
    text = f"Le Pentagone a estimé que {content}."
    assert decide(text, "Le Pentagone", content, "a estimé").attrs["stance"] == stance


def test_the_noun_pas_is_not_a_negation():
    # "un pas décisif" is a step: its adjective keeps its polarity
    text = "Le Pentagone a estimé que le plan ukrainien est un pas décisif pour la région."
    content = "le plan ukrainien est un pas décisif pour la région"
    assert decide(text, "Le Pentagone", content, "a estimé").attrs["stance"] == "supportive"
    text = "Le Pentagone a estimé que la percée russe n'est pas décisive pour la région."
    content = "la percée russe n'est pas décisive pour la région"
    assert decide(text, "Le Pentagone", content, "a estimé").attrs["stance"] == "critical"


# --- seventh pass (issue 17): testimony, an office's own matters, demands to its own public ---

def test_a_private_persons_account_of_harm_naming_no_side_is_neutral():
    # danger and fear words, critical but for the testimony rule
    quote = "« Le parking était devenu dangereux, j'étais terrifié. »"
    q = decide(f"Karim, un riverain, raconte : {quote}", "Karim, un riverain", quote, "raconte", label="QUOTE")
    assert q.attrs["stance"] == "neutral"


def test_a_citizens_sorrow_naming_no_side_is_neutral_but_not_a_blame_verb():
    text = "Une habitante du quartier regrette que la boulangerie ait fermé ses portes."
    q = decide(text, "Une habitante du quartier", "la boulangerie ait fermé ses portes", "regrette")
    assert q.attrs["stance"] == "neutral"
    text = "Une habitante du quartier dénonce que la boulangerie ait fermé ses portes."
    q = decide(text, "Une habitante du quartier", "la boulangerie ait fermé ses portes", "dénonce")
    assert q.attrs["stance"] == "critical"


def test_an_offices_demand_to_its_own_public_is_advice():
    text = "La préfecture de police a exhorté les habitants à rester chez eux pendant la tempête."
    q = decide(text, "La préfecture de police", "les habitants à rester chez eux pendant la tempête",
               "a exhorté")
    assert q.attrs["stance"] == "neutral"


def test_an_offices_negation_of_its_own_matters_is_no_denial():
    text = "Le ministère de la Santé a précisé que les raisons de la panne ne sont pas encore connues."
    q = decide(text, "Le ministère de la Santé", "les raisons de la panne ne sont pas encore connues",
               "a précisé")
    assert q.attrs["stance"] == "neutral"


def test_an_institutions_regret_at_a_disaster_is_not_blame():
    text = "Le ministère de l'Intérieur a déclaré que malheureusement le bilan pourrait encore s'alourdir."
    q = decide(text, "Le ministère de l'Intérieur", "malheureusement le bilan pourrait encore s'alourdir",
               "a déclaré")
    assert q.attrs["stance"] == "neutral"


def test_a_negated_verb_of_praise_in_the_quote_stays_critical_beside_the_verb_uses():
    # the seventh pass's verb uses read the polarity after negation, not the cue's own
    text = "La CGT a déclaré qu'elle ne salue pas la réforme du gouvernement."
    q = decide(text, "La CGT", "elle ne salue pas la réforme du gouvernement", "a déclaré")
    assert q.attrs["stance"] == "critical"


@pytest.mark.parametrize("content, stance, method", [
    # "ne … plus que", "ne … jamais que" restrict (what remains), they deny nothing
    ("on n'entend plus que les cloches du village", "neutral", "default-neutral"),
    ("ce n'est jamais qu'une étape du calendrier", "neutral", "default-neutral"),
    # "ne … plus" alone is still a denial
    ("la réforme ne protège plus les salariés", "critical", "denial"),
])
def test_ne_plus_que_restricts_and_is_no_denial(content, stance, method):
    text = f"La CGT a estimé que {content}."
    s = decide(text, "La CGT", content, "a estimé")
    assert (s.attrs["stance"], s.attrs["stance_method"]) == (stance, method)


@pytest.mark.parametrize("content, stance", [
    # worry about a matter that names no side is a concern, not a dispute (codebook Clarifications)
    ("la CGT reste préoccupée par la faible participation au scrutin", "neutral"),
    # worry about a side named disputes it
    ("Paris reste préoccupé par les manœuvres de la Russie", "critical"),
])
def test_worry_disputes_only_a_side_named(content, stance):
    text = f"Le porte-parole a indiqué que {content}."
    s = decide(text, "Le porte-parole", content, "a indiqué")
    assert s.attrs["stance"] == stance


@pytest.mark.parametrize("content, stance", [
    # a verb of praise or blame in the passive: its subject undergoes it, the speaker gives nothing
    ("nous avons été félicités par le jury du concours", "neutral"),
    ("nous sommes salués par le jury du concours", "neutral"),
    ("les deux hommes ont été condamnés pour fraude", "neutral"),
    # in the active voice it is the speaker's judgement
    ("Moscou a condamné les frappes", "critical"),
    ("les frappes russes ont été vivement condamnées", "neutral"),
])
def test_a_verb_of_judgement_in_the_passive_is_undergone(content, stance):
    text = f"Le Pentagone a indiqué que {content}."
    s = decide(text, "Le Pentagone", content, "a indiqué")
    assert s.attrs["stance"] == stance


def test_a_participle_after_se_dire_is_the_speakers_state():
    text = "Le maire s'est dit « profondément honoré » par cette visite."
    s = decide(text, "Le maire", "« profondément honoré »", "s'est dit", label="QUOTE")
    assert s.attrs["stance"] == "neutral"


@pytest.mark.parametrize("text, speaker, content, verb", [
    # se sentir (reporting_verbs.tsv describes_self=state) takes the speaker's own state, like se dire
    ("« Je me sens profondément honoré », a déclaré le maire.", "le maire", "« Je me sens profondément honoré »",
     "a déclaré"),
    # an adverb between the auxiliary and the participle of se dire
    ("Le maire s'est par ailleurs dit « profondément honoré » par cette visite.", "Le maire",
     "« profondément honoré »", "s'est par ailleurs dit"),
])
def test_a_participle_after_se_sentir_is_the_speakers_state(text, speaker, content, verb):
    s = decide(text, speaker, content, verb, label="QUOTE")
    assert s.attrs["stance"] == "neutral"

