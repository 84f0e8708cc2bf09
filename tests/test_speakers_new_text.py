"""Speaker and source-type rules found on new text (issue 16, "who is quoted"): each test a short
invented passage illustrating one general pattern of French news writing."""
from __future__ import annotations

from conftest import attr, labelled, quote


def test_a_noun_phrase_inside_the_quoted_words_is_no_antecedent_of_the_inverted_pronoun():
    text = ("Le candidat régionaliste, Yves Kerbrat, a réuni la presse mardi.\n\n"
            "\"L'avenir, c'est tout simplement le programme de notre équipe\", a-t-il martelé.")
    assert attr(text, "a-t-il martelé").attrs["source"] == "Yves Kerbrat"
    assert attr(text, "a-t-il martelé").attrs["stype"] == "person"
    assert quote(text, "\"L'avenir, c'est tout simplement le programme de notre équipe\"").attrs["speaker"] \
        == "Yves Kerbrat"


def test_a_subject_with_an_abbreviated_title_speaks_a_woven_quote_of_its_sentence():
    text = ("Le candidat socialiste, Pierre Durand, a appelé lundi les électeurs à \"réfléchir\".\n\n"
            "M. Durand a ensuite réclamé \"un sursaut civique\" devant ses partisans.")
    assert quote(text, "\"un sursaut civique\"").attrs["speaker"] == "Pierre Durand"


def test_a_political_consultant_and_a_director_of_studies_are_expert_sources():
    text = ("Les écologistes progressent, \"c'est une première pierre\", souligne Paul Marchal, consultant "
            "politique chez Opinio.\n\nPour la gauche se pose \"la question du leadership\", souligne Anne "
            "Vidal, directrice d'études chez Sondix. \"Rien n'est joué\", relève Mme Vidal.")
    assert [a.attrs["stype"] for a in labelled(text, "ATTR")] == ["expert", "expert", "expert"]


_LONG_QUOTE = ("\"Nous le répétons depuis des mois sur les marchés, dans les usines et devant les écoles : les "
               "salaires stagnent, les loyers flambent, les urgences ferment la nuit, et personne au sommet ne "
               "semble s'en apercevoir. Notre formation proposera dès la rentrée un plan chiffré, ligne par ligne, "
               "pour que chaque commune retrouve un médecin, une poste et une ligne de bus dignes de ce nom\"")


def test_a_long_quotation_does_not_move_the_speaker_out_of_a_later_description_s_reach():
    text = ("Thierry Lefort s'en est pris lundi au gouvernement après l'arrivée de Denis Moreau à la tête du "
            "Budget. \"On recycle les mêmes\", a-t-il réagi.\n\n"
            + _LONG_QUOTE + " a lancé le chef du parti.")
    assert attr(text, "a lancé").attrs["source"] == "Thierry Lefort"


def test_a_dative_clitic_before_a_verb_of_asking_licenses_its_infinitive_complement():
    text = ("Alors que Marie Dupont lui demande de céder son siège au conseil du club faute de quoi elle va "
            "\"en tirer les conséquences\", son ancien allié refuse.")
    assert attr(text, "demande").attrs["source"] == "Marie Dupont"
    assert quote(text, "\"en tirer les conséquences\"").attrs["speaker"] == "Marie Dupont"


def test_a_verb_coordinated_after_an_object_clitic_shares_the_sentence_subject():
    text = ("À la sortie du marché, une voisine patiente près de la fontaine. Jean Morel, qui se dit fatigué, "
            "l'aborde et lui demande de porter son panier.")
    assert attr(text, "demande").attrs["source"] == "Jean Morel"
    assert attr(text, "demande").attrs["stype"] == "person"


def test_the_agent_citing_a_speaker_is_a_medium_unless_a_cue_word_types_it():
    text = ("Selon le frère d'une passagère, Paul Morin, cité par Radio9, une passagère a été blessée. "
            "Le texte, cité par le ministère de la Santé, prévoit des amendes.")
    cited = [a for a in labelled(text, "ATTR") if a.text == "cité par"]
    assert [(a.attrs["source"], a.attrs["stype"]) for a in cited] == [
        ("Radio9", "media"), ("ministère de la Santé", "institution")]
