"""Short quotations: titles, slogans, partial quotes and scare quotes (codebook, Clarifications)."""
from __future__ import annotations

import pytest

from framing.analysis import analyze


def kinds(text):
    out = {}
    for s in analyze(text).spans:
        if s.label == "QUOTE" or (s.label == "HEDGE" and s.attrs.get("type") == "scare"):
            out[s.text.strip("«»\"“” \u00a0")] = s
    return out


@pytest.mark.parametrize("text,quoted", [
    ("Dans leur livre, « Le massacre des innocents - Les oubliés de la République », elle dénonce la gestion "
     "de la maltraitance.", "Le massacre des innocents - Les oubliés de la République"),
    ("Elle est invitée de l'émission « Mots croisés », sur France 2.", "Mots croisés"),
    ("L'album « Un cow-boy dans le coton » sortira le 23 octobre, a annoncé l'éditeur.", "Un cow-boy dans le coton"),
    ("Il a témoigné pour « Envoyé spécial », à suivre le 16 mars.", "Envoyé spécial"),
    # a title that reads like a sentence, after a programme word and its author's name
    ("Invitée sur le plateau de « On ne dort jamais » samedi, elle a présenté son livre.", "On ne dort jamais"),
    ("Il a réagi dans l'émission de Paul Martin « On refait tout » sur une chaîne publique.", "On refait tout"),
])
def test_a_capitalised_short_phrase_mid_sentence_is_a_title(text, quoted):
    assert quoted not in kinds(text)


def test_a_capitalised_quote_after_a_verb_of_saying_is_speech():
    found = kinds("Le ministre a déclaré « Nous ne reculerons pas » devant les députés.")
    assert found["Nous ne reculerons pas"].label == "QUOTE"


def test_a_lower_case_phrase_after_programme_de_is_no_title():
    found = kinds("Un électorat peu réceptif au programme de « rupture libérale » du candidat.")
    assert found["rupture libérale"].label == "HEDGE"


def test_short_words_after_an_attribution_in_the_sentence_before_are_a_partial_quote():
    text = ("« Plus le groupe est restreint, plus on se lâche », raconte le témoin. « Le négationnisme est "
            "omniprésent », les membres du clan s'envoient « à longueur de journée par sms » des blagues.")
    found = kinds(text)
    assert found["à longueur de journée par sms"].label == "QUOTE"
    assert found["à longueur de journée par sms"].attrs["mixed"] == "yes"
    assert found["Le négationnisme est omniprésent"].label == "QUOTE"


def test_pour_x_attributes_the_words_of_its_sentence():
    text = "Pour le Premier ministre, le ministre peut rester au gouvernement malgré « l'exaspération des Français »."
    assert kinds(text)["l'exaspération des Français"].label == "QUOTE"


def test_pour_x_attributes_the_short_words_of_the_next_paragraph():
    text = ("Pour la sociologue Anne Morel, « c'est la fin d'un cycle pour les grands partis de gouvernement ».\n\n"
            "C'est aussi « la revanche des maires », avec des alliances locales inédites.")
    found = kinds(text)["la revanche des maires"]
    assert found.label == "QUOTE" and found.attrs["mixed"] == "yes"


def test_short_words_with_no_speaker_around_are_a_scare_quote():
    text = ("La réforme entre en vigueur lundi. Elle prévoit une « transparence » accrue des comptes publics.")
    assert kinds(text)["transparence"].label == "HEDGE"


@pytest.mark.parametrize("text,quoted", [
    ("Les manifestants brandissaient des pancartes « Retraite à 60 ans » devant la préfecture.", "Retraite à 60 ans"),
    ("Sous son nom, l'inscription « était un raciste » avait été ajoutée.", "était un raciste"),
    ("Le cortège a défilé en scandant « On ne lâche rien » jusqu'à la place.", "On ne lâche rien"),
])
def test_slogans_banners_and_inscriptions_are_anonymous_quotes(text, quoted):
    q = kinds(text)[quoted]
    assert q.label == "QUOTE"
    assert q.attrs["speaker"] == "anonymous"
    assert q.attrs["speaker_method"] == "slogan"


def test_an_irregular_participle_after_its_auxiliary_makes_a_woven_quote():
    found = kinds("Un texte que Yann Moix avait écrit « dans sa loge », avant l'émission.")
    assert found["dans sa loge"].label == "QUOTE"
    assert found["dans sa loge"].attrs["speaker"] == "Yann Moix"


def test_a_slogan_word_inside_another_quotation_makes_no_slogan():
    text = "Des ateliers de formation (« Comment tenir une tribune ? », « Dessiner une affiche » ou « Rédiger un tract »)."
    found = kinds(text)
    assert "Rédiger un tract" not in found or found["Rédiger un tract"].attrs.get("slogan") != "yes"


@pytest.mark.parametrize("text", [
    "Il a qualifié le texte de « torchon ».",
    "Le ministre avait jugé la réforme « inéluctable » dès mars.",
])
def test_words_governed_by_a_verb_of_saying_are_a_partial_quote(text):
    # the sentence attributes the marked words to a speaker (codebook Clarifications)
    from framing import analyze

    spans = analyze(text).spans
    assert [s.label for s in spans if s.label in ("QUOTE", "HEDGE")] == ["QUOTE"]


def test_words_a_speaker_is_quoted_with_elsewhere_are_a_partial_quote():
    # a subheading taking up a longer quotation of the body is that speaker's words
    text = ("- Une « réforme bâclée » -\n\n"
            "« C'est une réforme bâclée, sans concertation », a déclaré la sénatrice Anne Morel.")
    assert kinds(text)["réforme bâclée"].label == "QUOTE"


def test_a_paragraph_closed_by_an_inserted_attribution_carries_on_into_the_next():
    text = ("Le secteur avait engrangé deux milliards l'an dernier, souligne le directeur du port, Paul Martin.\n\n"
            "Cette année, les recettes sont « quasi nulles ».")
    assert kinds(text)["quasi nulles"].label == "QUOTE"


def test_a_paragraph_without_an_inserted_attribution_leaves_a_scare_quote():
    text = ("Le ministre a annoncé que la réforme entrera en vigueur lundi.\n\n"
            "Elle prévoit une « transparence » accrue des comptes publics.")
    assert kinds(text)["transparence"].label == "HEDGE"


def test_an_enumeration_of_marked_terms_names_them():
    text = "Les deux gérants sont poursuivis pour « fraude », « abus de confiance » et « faux en écriture »."
    assert kinds(text) == {}


@pytest.mark.parametrize("text", [
    "Le gérant est poursuivi depuis mardi pour « recel de vol ».",
    "Sa famille a porté plainte contre X pour « enlèvement » et « séquestration arbitraire ».",
    "Il a été condamné en appel pour « abus de biens sociaux ».",
])
def test_an_offence_after_the_pour_of_a_legal_procedure_is_a_name(text):
    # codebook: names in quotation marks get nothing; the law's wording of an offence is one
    assert kinds(text) == {}


def test_an_offence_word_without_a_procedure_stays_a_scare_quote():
    text = "Le club se bat pour « l'excellence » depuis des années."
    assert kinds(text)["l'excellence"].label == "HEDGE"


@pytest.mark.parametrize("text, kept", [
    ("Le ministre a été rattrapé par « l'affaire Martinet » cet hiver.", {}),
    ("La chanteuse a retrouvé son « sourire Blanco » sur scène.", {}),
    ("Le programme repose sur la « foi en Dieu » et la famille.", {"foi en Dieu": "HEDGE"}),
])
def test_a_noun_followed_by_a_proper_name_names_a_thing(text, kept):
    assert {k: s.label for k, s in kinds(text).items()} == kept


def test_two_marked_words_side_by_side_stay_scare_quotes():
    text = "Le chassé-croisé entre « estivants » et « saisonniers » provoquait des bouchons."
    assert {k: s.label for k, s in kinds(text).items()} == {"estivants": "HEDGE", "saisonniers": "HEDGE"}

def test_a_banner_announced_by_a_colon_lead_is_a_slogan():
    # the banner noun is more than six words before the marks, in the clause the colon closes
    q = kinds("Des parents ont accroché des banderoles sur les grilles de la mairie depuis lundi : « Nos "
              "écoles avant les parkings ».")["Nos écoles avant les parkings"]
    assert (q.label, q.attrs.get("speaker")) == ("QUOTE", "anonymous")
