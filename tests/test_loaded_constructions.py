"""Loaded vocabulary, issue 18: judgements that a construction makes, whatever its words.

Every sentence is written for the test (no third-party article text).
"""
from __future__ import annotations

import pytest

from framing.backends.builtin import BuiltinBackend
from framing.extract import loaded
from framing.extract.loaded_constructions import constructions
from framing.resources import default_config, get_resources

BACKEND = BuiltinBackend()
RES = get_resources(default_config())


def made(text: str) -> list[tuple[str, str]]:
    doc = BACKEND.parse(text)
    return [(doc.text[doc.tokens[a].start:doc.tokens[b - 1].end], cat) for a, b, cat, _ in constructions(doc, RES)]


def found(text: str) -> list[tuple[str, str]]:
    doc = BACKEND.parse(text)
    return [(s.text, s.attrs["cat"]) for s in loaded.extract(doc, [], RES) if s.label == "LOADED"]


@pytest.mark.parametrize("sentence, span, cat", [
    ("Selon lui, c'est la meilleure fromagerie du monde.", "la meilleure fromagerie du monde", "hyperbole"),
    ("Il signe le pire mandat de l'histoire du pays.", "le pire mandat de l'histoire", "hyperbole"),
    ("Elle a gagné de la meilleure des manières.", "la meilleure des manières", "hyperbole"),
    ("C'est la plus grande fête jamais organisée ici.", "la plus grande fête jamais", "hyperbole"),
    ("Il n'y a rien de plus triste qu'un quai vide.", "rien de plus triste", "hyperbole"),
    ("Franchement, c'est du bricolage.", "bricolage", "pejorative"),
    ("C'était de la paresse, tout simplement.", "paresse", "pejorative"),
    ("Quel fiasco !", "fiasco", "pejorative"),
    ("Il a crié « va te faire f***** » au juge.", "f*****", "pejorative"),
    ("Quelle m*rde, ce match.", "m*rde", "pejorative"),
])
def test_evaluative_constructions(sentence, span, cat):
    assert (span, cat) in made(sentence)


@pytest.mark.parametrize("sentence", [
    "Le parti a obtenu le meilleur score du scrutin.",           # a ranking within a stated field
    "La femme la plus âgée du monde a fêté ses 117 ans.",        # a record of a measurable property
    "Juillet fut le mois le plus chaud jamais enregistré.",      # "jamais" + a verb of measuring
    "La solution, c'est de partir tôt.",                         # c'est de + infinitive
    "C'est de l'argent qui dort sur les comptes.",               # a cleft, not a verdict
    "Quel est le programme ?",                                   # an interrogative
    "Il a payé 3*4 euros.",                                      # digits, not a censored word
])
def test_descriptive_constructions_are_not_loaded(sentence):
    assert made(sentence) == []


def test_a_construction_holding_a_lexicon_word_keeps_the_lexicon_span():
    spans = found("Quel gâchis absolu et quelle honte !")
    assert all(t != "gâchis absolu et quelle honte" for t, _ in spans)


def test_constructions_reach_the_extractor_with_a_voice():
    from framing import analyze
    spans = [s for s in analyze("Le patron l'a dit : « Quel bricolage ! »").spans if s.label == "LOADED"]
    assert [(s.text, s.attrs["voice"]) for s in spans] == [("bricolage", "quoted")]


@pytest.mark.parametrize("sentence, span, cat", [
    ("Pour son voisin, l'élu est un « affabulateur ».", "affabulateur", "pejorative"),
    ("Le projet, présenté comme une « révolution tranquille », divise.", "révolution tranquille", "pejorative"),
    ("Il a fallu des heures et des heures de route.", "des heures et des heures", "hyperbole"),
])
def test_marked_labels_and_reduplications(sentence, span, cat):
    assert (span, cat) in made(sentence)


@pytest.mark.parametrize("sentence", [
    "Il est un « des rares élus de la région à avoir voté contre la loi de finances » selon lui.",  # too long
    "Des pommes et des poires.",                                                                  # not repeated
])
def test_long_marked_passages_and_pairs_are_not_labels(sentence):
    assert made(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Ils criaient : « Vive la liberté ! »", [("Vive", "glorification")]),
    ("À bas la censure !", [("À bas", "pejorative")]),
    ("Il a exprimé une vive inquiétude.", []),           # the adjective
    ("Les prix sont au plus bas depuis un an.", []),      # the adverb
])
def test_slogans_of_acclaim_and_condemnation(sentence, expected):
    assert made(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Pour moi, c'est une excellente nouvelle.", [("excellente", "glorification")]),
    ("Elle juge que c'était une très mauvaise idée.", [("très mauvaise", "pejorative")]),
    ("Le maire sortant est un piètre gestionnaire.", [("piètre", "pejorative")]),
    ("Selon lui, la ministre est une grande présidente.", [("grande", "glorification")]),
    ("Le siège est une grande maison de briques.", []),           # "grand" measures a thing
    ("Ce serait un grand risque pour la région.", []),
    ("Un bon repas attendait les invités.", []),                  # no indefinite predicate
])
def test_rating_adjectives_grade_an_indefinite_predicate(sentence, expected):
    assert made(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Elle a répondu avec beaucoup de tact.", [("beaucoup de tact", "glorification")]),
    ("Il a joué avec beaucoup de finesse et de rigueur.", [("beaucoup de finesse et de rigueur", "glorification")]),
    ("Il y avait beaucoup de monde au marché.", []),               # a quantity, no manner
])
def test_a_quality_credited_to_a_manner(sentence, expected):
    assert made(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Le ministre salue un tournant décisif pour la filière.", [("tournant décisif", "hyperbole")]),
    ("Les syndicats ont obtenu des avancées considérables.", [("avancées considérables", "hyperbole")]),
    ("Selon elle, ce « pas crucial » ouvre la voie.", [("pas crucial", "hyperbole")]),
    ("Ce n'est pas majeur, a-t-il dit.", []),                       # "pas", the negation
    ("La réunion a lieu le jour suivant.", []),                      # no adjective of weight
])
def test_a_milestone_weighed_by_the_speaker(sentence, expected):
    assert made(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Pour les commerçants, c'est la catastrophe.", [("catastrophe", "hyperbole")]),
    ("« C'était un désastre », résume un élu.", [("désastre", "hyperbole")]),
    ("La fin du match a été tendue.", []),                            # not the predicate of "c'est"
    ("C'est la fête du village.", []),                               # not a noun of disaster
])
def test_a_situation_named_by_its_worst_case(sentence, expected):
    assert made(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Je l'ai trouvé très courageux, très digne.", [("très courageux", "glorification"), ("très digne", "glorification")]),
    ("Franchement, je la trouve ridicule.", [("ridicule", "pejorative")]),
    ("On l'a trouvé mort dans sa cuisine.", []),                      # a fact found, not an opinion
    ("Elle se trouve privée de ressources.", []),                    # "se trouver", another verb
    ("Je la trouve très en forme.", []),                             # no adjective after the degree word
])
def test_the_attribute_of_the_verb_of_opinion(sentence, expected):
    assert made(sentence) == expected


# --- degree constructions (framing.extract.loaded_degree, issue 18 sixth pass) ---------------

@pytest.mark.parametrize("sentence, expected", [
    ("La facture sera extrêmement salée pour les ménages.", [("extrêmement salée", "hyperbole")]),
    ("Un débat incroyablement vif a suivi.", [("incroyablement vif", "hyperbole")]),
    ("Le chemin est très difficile.", []),  # a plain degree word rates
    ("Il a agi extrêmement rapidement.", []),  # an adverb, not an adjective
    ("Un échange d'une extrême brutalité a eu lieu.", [("d'une extrême brutalité", "hyperbole")]),
    ("Un discours d'une rare dureté.", [("d'une rare dureté", "hyperbole")]),
    ("Une chute d'une ampleur inouïe.", [("d'une ampleur inouïe", "hyperbole")]),
    ("Il souffre d'une maladie rare.", []),  # "rare" after the noun is a frequency
    ("Un élu d'extrême droite a voté contre.", []),  # a fixed political name
    ("Le film a reçu une avalanche de critiques.", [("avalanche de critiques", "hyperbole")]),
    ("Une avalanche de neige a bloqué la route.", []),  # matter: the literal sense
    ("Face à la cascade de révélations, le ministre a démissionné.", [("cascade de révélations", "hyperbole")]),
    ("La pluie de la veille a détrempé le terrain.", []),  # a definite article needs a count of things
    ("La salle a réservé un tonnerre d'applaudissements au chanteur.", [("tonnerre d'applaudissements", "hyperbole")]),
])
def test_degree_constructions(sentence, expected):
    assert [x for x in made(sentence) if x[1] == "hyperbole"] == expected


def test_a_political_name_is_not_a_degree():
    assert [x for x in made("Des militants de l'ultra droite ont défilé.") if x[1] == "hyperbole"] == []


def test_an_extreme_degree_of_a_positive_adjective_is_praise():
    assert ("extrêmement gentil", "glorification") in made("Le voisin est extrêmement gentil.")


@pytest.mark.parametrize("sentence, span, cat", [
    ("La chaîne a diffusé une photo-choc du naufrage.", "photo-choc", "hyperbole"),
    ("Le ministre a multiplié les annonces choc cette semaine.", "choc", "hyperbole"),
    ("Le chanteur vedette du festival a annulé.", "vedette", "glorification"),
    ("Elle a relu ce roman culte pendant l'été.", "culte", "glorification"),
    ("L'animatrice-star de la matinale quitte la radio.", "animatrice-star", "glorification"),  # a person noun UD lacks
])
def test_a_noun_apposed_as_an_epithet_grades_the_noun(sentence, span, cat):
    assert (span, cat) in made(sentence)


@pytest.mark.parametrize("sentence", [
    "Le choc a fait deux blessés légers.",            # the plain noun
    "Les stars du cinéma ont monté les marches.",      # the plain noun, after its article
    "Il redoute une grave catastrophe.",               # after an adjective, the noun itself
    "Le joueur a été sélectionné all-star.",           # a borrowed compound
    "Le pare-chocs arrière de la voiture est enfoncé.",  # compounds of a verb or a prefix
    "Il a acheté une coque anti-choc.",
    "La reconstruction post-catastrophe a duré dix ans.",
])
def test_the_plain_nouns_are_no_apposition(sentence):
    compounds = ("pare-chocs", "anti-choc", "post-catastrophe", "all-star")
    assert [c for c in made(sentence) if c[0] in ("choc", "stars", "catastrophe") + compounds] == []
