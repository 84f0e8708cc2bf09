"""Speaker and source-type rules found on new text (issue 16, "who is quoted"): each test a short
invented passage illustrating one general pattern of French news writing."""
from __future__ import annotations

from framing.analysis import analyze


def labelled(text, label):
    return [s for s in analyze(text).spans if s.label == label]


def attr(text, cue):
    found = {a.text: a for a in labelled(text, "ATTR")}
    assert cue in found, list(found)
    return found[cue]


def quote(text, words):
    found = {q.text: q for q in labelled(text, "QUOTE")}
    assert words in found, list(found)
    return found[words]


def test_a_noun_phrase_inside_the_quoted_words_is_no_antecedent_of_the_inverted_pronoun():
    text = ("Le candidat écologiste, Pierre Durand, a tenu une conférence de presse lundi.\n\n"
            "\"Le changement, c'est bien le bulletin de la liste verte\", a-t-il insisté.")
    assert attr(text, "a-t-il insisté").attrs["source"] == "Pierre Durand"
    assert attr(text, "a-t-il insisté").attrs["stype"] == "person"
    assert quote(text, "\"Le changement, c'est bien le bulletin de la liste verte\"").attrs["speaker"] \
        == "Pierre Durand"


def test_a_subject_with_an_abbreviated_title_speaks_a_woven_quote_of_its_sentence():
    text = ("Le candidat socialiste, Pierre Durand, a appelé lundi les électeurs à \"réfléchir\".\n\n"
            "M. Durand a donc lancé \"un appel à la raison\" devant ses partisans.")
    assert quote(text, "\"un appel à la raison\"").attrs["speaker"] == "Pierre Durand"


def test_a_political_consultant_and_a_director_of_studies_are_expert_sources():
    text = ("Les écologistes progressent, \"c'est une première pierre\", souligne Paul Marchal, consultant "
            "politique chez Opinio.\n\nPour la gauche se pose \"la question du leadership\", souligne Anne "
            "Vidal, directrice d'études chez Sondix. \"Rien n'est joué\", relève Mme Vidal.")
    assert [a.attrs["stype"] for a in labelled(text, "ATTR")] == ["expert", "expert", "expert"]


_LONG_QUOTE = ("\"Face au gouvernement, et pour le bien de notre démocratie, il ne reste qu'une force unie autour "
               "d'un programme de rupture, c'est notre mouvement, dont je suis le porte-parole depuis des années. "
               "Et c'est lui qui dit aux électeurs de ne pas donner tous les pouvoirs au président et à son équipe, "
               "qui n'ont rien compris à ce que vivent les gens dans nos quartiers et dans nos campagnes\"")


def test_a_long_quotation_does_not_move_the_speaker_out_of_a_later_description_s_reach():
    text = ("Paul Marchal a vivement critiqué le président après la nomination de Luc Bernard au poste de "
            "ministre. \"Le vieux monde est de retour\", a-t-il dit.\n\n"
            + _LONG_QUOTE + " a lancé le leader du mouvement.")
    assert attr(text, "a lancé").attrs["source"] == "Paul Marchal"


def test_a_dative_clitic_before_a_verb_of_asking_licenses_its_infinitive_complement():
    text = ("Alors que Marie Dupont lui demande de quitter la présidence de l'association sous peine de "
            "\"prendre ses responsabilités\", son ancien allié refuse.")
    assert attr(text, "demande").attrs["source"] == "Marie Dupont"
    assert quote(text, "\"prendre ses responsabilités\"").attrs["speaker"] == "Marie Dupont"


def test_a_verb_coordinated_after_an_object_clitic_shares_the_sentence_subject():
    text = ("Ce soir-là, elle attend son frère devant l'immeuble. Jean Morel, qui se dit fatigué, l'accoste "
            "et lui demande de l'aider à porter ses sacs.")
    assert attr(text, "demande").attrs["source"] == "Jean Morel"
    assert attr(text, "demande").attrs["stype"] == "person"


def test_the_agent_citing_a_speaker_is_a_medium_unless_a_cue_word_types_it():
    text = ("Selon le frère d'une passagère, Paul Morin, cité par Radio9, une passagère a été blessée. "
            "Le texte, cité par le ministère de la Santé, prévoit des amendes.")
    cited = [a for a in labelled(text, "ATTR") if a.text == "cité par"]
    assert [(a.attrs["source"], a.attrs["stype"]) for a in cited] == [
        ("Radio9", "media"), ("ministère de la Santé", "institution")]
