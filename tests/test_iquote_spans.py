"""Where reported content is and is not (issue 16, quotes): objects naming the people a verb is
aimed at, relative clauses saying something of them (invented sentences)."""
from __future__ import annotations

import pytest

from framing.backends.builtin import BuiltinBackend
from framing.extract import attribution, quotes
from framing.resources import default_config, get_resources

RES = get_resources(default_config())


def spans(text: str, label: str) -> list[str]:
    doc = BuiltinBackend().parse(text)
    return [s.text for s in attribution.extract(doc, quotes.extract(doc, [], RES), RES) if s.label == label]


@pytest.mark.parametrize("text", [
    "La sénatrice Claire Vautrin a vivement critiqué Paul Delorme après la fermeture de l'usine.",
    "Le maire a salué les pompiers présents sur place depuis le début de la nuit.",
    "Le ministre a fustigé les syndicats, puis il a quitté la salle sans un mot.",
])
def test_an_object_naming_people_is_no_reported_content(text):
    assert spans(text, "ATTR")
    assert spans(text, "IQUOTE") == []


@pytest.mark.parametrize("text, content", [
    ("Le ministre a fustigé les syndicats qui bloquent selon lui toute réforme du rail.",
     "les syndicats qui bloquent selon lui toute réforme du rail"),
    ("Le maire a dénoncé la fermeture brutale de la maternité de la ville.",
     "la fermeture brutale de la maternité de la ville"),
    # a noun of a place or a prize (named after someone elsewhere) names no one
    ("Le maire a critiqué le prix des billets de train.", "le prix des billets de train"),
])
def test_an_object_saying_something_is_reported_content(text, content):
    assert spans(text, "IQUOTE") == [content]


@pytest.mark.parametrize("text, content", [
    # a request to a person named by a clitic before the verb
    ("Le soir même, la directrice lui demande de quitter le conseil d'administration de l'école.",
     "quitter le conseil d'administration de l'école"),
    # an indirect question after the person asked
    ("Une lectrice a demandé au député du Nord pourquoi il refusait tout débat public.",
     "pourquoi il refusait tout débat public"),
])
def test_requests_and_questions_to_someone_are_reported_content(text, content):
    assert [c for c in spans(text, "IQUOTE") if content in c]


def test_an_inserted_clause_opening_the_sentence_reports_the_words_after_it():
    text = "Mais, nuance le politologue Marc Vidal, attention aux écarts entre le vote local et le vote national."
    assert spans(text, "IQUOTE") == ["attention aux écarts entre le vote local et le vote national"]
