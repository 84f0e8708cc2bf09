"""Speaker reference (issue 16, sixth pass): number and gender agreement of subject pronouns, an
organisation's name in quotation marks inside a subject, a title kept in a given name's canonical form."""
from __future__ import annotations

import conftest
from conftest import labelled as spans, quote_speakers


def attr(text, cue):
    return conftest.attr(text, cue).attrs


def test_a_plural_pronoun_takes_up_an_indefinite_group_not_a_named_person():
    text = ("Le maire Paul Girard a inauguré la place mardi. « C'est un beau jour », a déclaré le maire.\n\n"
            "À Lyon, des milliers de manifestants ont défilé. « Nous voulons des salaires », ont-ils scandé.")
    a = attr(text, "ont-ils scandé")
    assert a["stype"] == "anonymous" and a["source"] != "Paul Girard"


def test_a_plural_pronoun_with_no_group_before_is_never_one_named_person():
    text = ("Jean Dupont a affirmé que la réforme était injuste. Le vent soufflait sur la place. "
            "« Nous sommes épuisés », ont-ils lancé.")
    assert quote_speakers(text)["« Nous sommes épuisés »"] != "Jean Dupont"


def test_plural_pronouns_agree_in_gender_with_their_group():
    text = ("Les agriculteurs ont affirmé que la réforme était injuste. Plusieurs infirmières ont manifesté "
            "devant l'hôpital. « Nous sommes épuisées », ont-elles lancé.")
    assert attr(text, "ont-elles lancé")["source"].lower().endswith("infirmières")
    text = ("Plusieurs infirmières ont manifesté devant l'hôpital. « Nous sommes épuisées », ont-ils lancé.")
    assert "infirmières" not in attr(text, "ont-ils lancé")["source"]


def test_a_singular_pronoun_agrees_in_gender():
    text = ("Sophie Lambert a présenté son budget. Le maire Paul Girard a visité le chantier. "
            "« C'est un progrès », a-t-elle estimé.")
    assert quote_speakers(text)["« C'est un progrès »"] == "Sophie Lambert"


def test_a_counted_group_of_people_is_anonymous():
    text = ("Les centaines de personnes mobilisées prévoient une grève, qu'ils espèrent massive.")
    assert attr(text, "espèrent")["stype"] == "anonymous"


def test_an_organisation_name_in_marks_is_no_quote_and_closes_the_subject():
    text = ("La présidente de l'association « Terre vivante » a dénoncé la décision du préfet. "
            "« C'est un recul », a-t-elle ajouté.")
    quotes = quote_speakers(text)
    assert "« Terre vivante »" not in quotes
    a = attr(text, "a dénoncé")
    assert a["stype"] == "anonymous" and "préfet" not in a["source"]
    assert quotes["« C'est un recul »"] == "anonymous"
    assert "préfet" not in attr(text, "a-t-elle ajouté")["source"]


def test_the_next_pronoun_goes_to_the_spokesperson_not_a_person_named_paragraphs_before():
    text = ("Le ministre Paul Girard a reçu les élus lundi. « Nous devons écouter », a déclaré le ministre.\n\n"
            "Le porte-parole du collectif « Rivière propre » a regretté le vote du conseil. "
            "« C'est une erreur », a-t-il ajouté.")
    assert quote_speakers(text)["« C'est une erreur »"] == "anonymous"


def test_only_a_capitalised_name_after_an_organisation_noun_is_a_name():
    from framing.extract.quote_kinds import names_an_organisation
    from framing.resources import default_config, get_resources
    res = get_resources(default_config())
    for text, named in (("Le collectif « Rivière propre » a dit", True), ("Le groupe « radical » a dit", False),
                        ("Le maire « Rivière propre » a dit", False)):
        s = text.index("«")
        e = text.index("»") + 1
        inner = text[s + 1:e - 1]
        assert names_an_organisation(res, text, s, inner, inner.split()) is named, text


def test_a_title_stays_in_the_name_of_a_person_known_by_a_given_name():
    text = ("Le pape Léon a reçu les évêques lundi. « Nous devons écouter les pauvres », a déclaré le pape. "
            "« La paix est possible », a ajouté Léon.")
    speakers = set(quote_speakers(text).values())
    assert speakers == {"pape Léon"}


def test_a_plural_pronoun_takes_up_a_group_opened_by_de_nombreux():
    text = ("De nombreux habitants se sont rassemblés devant la mairie. « Nous voulons être entendus », "
            "ont-ils lancé.")
    a = attr(text, "ont-ils lancé")
    assert a["stype"] == "anonymous" and "habitants" in a["source"]
