"""Loaded vocabulary, issue 18: labels that a judging verb gives, and the topic rule over a phrase's forms.

Every sentence is written for the test (no third-party article text).
"""
from __future__ import annotations

import pytest

from framing import analyze
from framing.backends.builtin import BuiltinBackend
from framing.extract import loaded
from framing.extract.loaded_frames import er_forms, judged_complements, judging_verbs
from framing.extract.loaded_use import agreement_key
from framing.resources import default_config, get_resources

BACKEND = BuiltinBackend()
RES = get_resources(default_config())


def found(text: str) -> list[tuple[str, str]]:
    doc = BACKEND.parse(text)
    return [(s.text, s.attrs["cat"]) for s in loaded.extract(doc, [], RES) if s.label == "LOADED"]


def labels(text: str) -> list[str]:
    doc = BACKEND.parse(text)
    return [doc.text[doc.tokens[a].start:doc.tokens[b - 1].end]
            for a, b, _ in judged_complements(doc, judging_verbs(RES))]


def test_er_forms_cover_finite_forms_participles_and_spelling_changes():
    forms = er_forms("dénoncer")
    assert {"dénonce", "dénoncent", "dénoncé", "dénoncée", "dénonçant", "dénonçait"} <= forms
    assert {"fustigeant", "fustige"} <= er_forms("fustiger")


@pytest.mark.parametrize("sentence, label", [
    ("Le maire traite ses adversaires de girouettes.", "girouettes"),
    ("Ses voisins le qualifient à leur tour de rêveur.", "rêveur"),
    ("Il l'a traité de pleurnichard devant tout le monde.", "pleurnichard"),
    ("Le projet, qualifié de « bricolage » par l'opposition, est voté.", "bricolage"),
    ("Elle a été taxée de naïveté par ses rivaux.", "naïveté"),
    ("Le syndicat dénonce une « mascarade sociale » et quitte la table.", "mascarade sociale"),
    ("Les élus ont fustigé le « grand bazar » du calendrier.", "grand bazar"),
])
def test_the_label_a_judging_verb_gives_is_found(sentence, label):
    assert labels(sentence) == [label]


@pytest.mark.parametrize("sentence", [
    "La commission doit traiter de la question des retraites.",     # deal with: a determiner follows "de"
    "Le traité de coopération a été signé hier.",                     # the noun "traité"
    "La taxe d'habitation baisse cette année.",                       # the noun "taxe"
    "Un service pour traiter et prendre soin de nombreux patients.",  # "de" belongs to another verb
    "On le taxe de vouloir tout contrôler le budget.",               # a clause, not a label
    "Le ministre dénonce la hausse des prix.",                        # no marked wording
    "Il a qualifié de Lyon à Paris sa tournée.",                      # a name, not a label
])
def test_other_constructions_give_no_label(sentence):
    assert labels(sentence) == []


def test_a_label_becomes_a_pejorative_loaded_span():
    assert found("Ses voisins le qualifient de rêveur.") == [("rêveur", "pejorative")]


def test_a_label_holding_a_lexicon_word_keeps_that_word_and_its_category():
    spans = found("Ils le qualifient de menteur et de tricheur.")
    assert [t for t, _ in spans].count("menteur") == 1
    assert all("de menteur" not in t for t, _ in spans)


def test_a_denounced_wording_in_marks_is_never_own_voice():
    text = "Le syndicat dénonce un « bricolage électoral » et quitte la table."
    spans = [s for s in analyze(text).spans if s.label == "LOADED"]
    assert [s.text for s in spans] == ["bricolage électoral"]
    assert spans[0].attrs["voice"] != "own"


# --- the topic rule counts the forms of one phrase together ------------------------------------

def test_agreement_key_joins_the_forms_of_a_phrase():
    assert agreement_key("fausses informations") == agreement_key("fausse information")
    assert agreement_key("Fausse Nouvelle") == agreement_key("fausses nouvelles")
    assert agreement_key("désinformation") != agreement_key("information")


def test_a_phrase_repeated_in_its_forms_is_the_topic():
    text = ("Les fausses informations circulent vite. Une fausse information sur un vaccin a été vue. "
            "Les chercheurs étudient les fausses informations. Cette fausse information a été démentie.")
    assert found(text) == []
    assert found("Les comptes répandaient de fausses informations.") == [("fausses informations", "moral")]


def test_each_coordinated_marked_complement_of_a_denouncing_verb_is_a_label():
    text = "Le syndicat dénonce un « bricolage électoral », une « manœuvre » et l'« amateurisme » du préfet."
    assert labels(text) == ["bricolage électoral", "manœuvre", "amateurisme"]
    assert labels("Il dénonce un « bricolage » et part. Une « fête » suivra.") == ["bricolage"]


def test_the_wording_a_praising_verb_holds_up_is_glorification():
    assert found("Le ministre a salué des « avancées remarquées » et la « ténacité » des élus.") == [
        ("avancées remarquées", "glorification"), ("ténacité", "glorification")]
    assert found("Le maire a salué les pompiers.") == []
