"""Reporting cues of general constructions (issue 16, blind-run misses and false alarms):
passives of judging and characterising verbs, light verbs with a preposition, periphrastic
verbs of saying, purpose infinitives, nicknames, occasions of speaking (invented sentences)."""
from __future__ import annotations

import pytest

from framing.backends.builtin import BuiltinBackend
from framing.extract import attribution, quotes
from framing.resources import default_config, get_resources

RES = get_resources(default_config())


def run(text: str):
    doc = BuiltinBackend().parse(text)
    return attribution.extract(doc, quotes.extract(doc, [], RES), RES)


def spans(text: str, label: str) -> list[str]:
    return [s.text for s in run(text) if s.label == label]


@pytest.mark.parametrize("text, cue", [
    # a passive participle, a short predicate, then its agent
    ("C'est un échec jugé inadmissible par le syndicat des enseignants.", "jugé inadmissible par"),
    # characterising verbs: an agentless passive or a reflexive with a predicative "comme"
    ("Les deux hommes ont été identifiés comme les commanditaires de l'attaque.", "ont été identifiés"),
    ("Le suspect a été désigné comme l'auteur des tirs.", "a été désigné"),
    ("Le candidat se présente comme étant le seul opposant au système.", "se présente"),
    # a light verb governing its noun of saying through a preposition
    ("Les chercheurs sont arrivés à la conclusion que le virus circule encore.", "sont arrivés à la conclusion"),
    # periphrastic verbs of saying, and polysemous Verb∋Net members with their content
    ("Le ministre a laissé entendre que la réforme serait retirée.", "a laissé entendre"),
    ("Le ministre sous-entend que la réforme sera retirée.", "sous-entend"),
    ("L'économiste a calculé que la mesure coûterait trois milliards.", "a calculé"),
    ("Le document, rendu public par la radio, révèle des failles.", "rendu public par"),
    # present forms of -tir verbs that the lemmatiser reads as adjectives
    ("Il dément formellement ces accusations.", "dément"),
    # a sentence-opening participle of fear with a person subject
    ("Craignant de nouvelles violences, le maire a interdit la manifestation.", "Craignant"),
])
def test_construction_is_a_cue(text, cue):
    assert cue in spans(text, "ATTR")


@pytest.mark.parametrize("text", [
    "Pour dénoncer la réforme, les syndicats ont manifesté samedi.",  # an aim, not a report
    "Afin d'expliquer ce choix, le ministre a réuni la presse.",
    "Le prince héritier Mohammed ben Salmane, dit MBS, a reçu le président.",  # "called"
    "Le maire a été invité par le préfet à la cérémonie.",  # no request reported
    "Le président a prononcé un discours devant les députés.",  # an occasion without content
])
def test_construction_is_no_cue(text):
    assert spans(text, "ATTR") == []


def test_the_content_of_a_predicative_comme_is_the_predicate():
    text = "Les deux hommes, identifiés comme les commanditaires de l'attaque, sont en fuite."
    assert spans(text, "IQUOTE") == ["les commanditaires de l'attaque"]
    text = "Le candidat se présente comme étant le seul opposant au système."
    assert spans(text, "IQUOTE") == ["le seul opposant au système"]


def test_an_occasion_of_speaking_with_its_statement_is_a_cue():
    assert spans("Le président a prononcé un discours : « Nous vaincrons. »", "ATTR") == ["a prononcé"]


@pytest.mark.parametrize("text", [
    "« Aujourd'hui nous annonçons la fermeture du site », a déclaré le porte-parole.",
    "« Nous, syndicats, annonçons que la grève continue », a déclaré le porte-parole.",
])
def test_a_first_person_plural_inside_a_quotation_is_the_speakers_own_act(text):
    assert spans(text, "ATTR") == ["a déclaré"]


@pytest.mark.parametrize("text, cue", [
    ("Le ministre a tenu à préciser que la réforme serait maintenue.", "préciser"),
    ("Le suspect continue à nier les faits.", "nier"),
])
def test_an_infinitive_after_a_verb_of_aspect_or_insistence_is_performed(text, cue):
    assert cue in spans(text, "ATTR")
