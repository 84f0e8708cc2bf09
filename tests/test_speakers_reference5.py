"""Speaker reference kinds that recur on new text (issue 16): titles referring back to a named person,
salience of a subject over a name completing a thing noun, adverbial antecedents, governed infinitives,
participial clauses with their own subject, asides in brackets, a subject taken for an apposition."""
from __future__ import annotations

import pytest

from conftest import attr, labelled as spans, quote_speakers


def source_of(text, cue):
    return attr(text, cue).attrs["source"]


def test_a_nobility_title_refers_back_to_the_named_person():
    text = ("Clara Vernet, épouse du prince Albin, a pris la parole jeudi dans une vidéo. "
            "« J'ai longtemps gardé le silence », déclare la duchesse de Montclair.")
    assert quote_speakers(text)["« J'ai longtemps gardé le silence »"] == "Clara Vernet"


def test_a_subject_pronoun_prefers_the_subject_over_a_thing_nouns_complement():
    text = ("Le sénateur écologiste Hugo Carrel revient de Lisbonne, où il tenait à inspecter l'entrepôt "
            "conservant les archives de Bruno Tessier. Qu'a-t-il donc appris là-bas ? Il passait mardi soir "
            "dans le studio d'une chaîne locale. « Je saisirai la justice. J'ai sonné chez ce prestataire », "
            "a-t-il commencé.")
    (speaker,) = quote_speakers(text).values()
    assert speaker == "Hugo Carrel"


def test_the_antecedent_of_qui_after_an_adverbial_preposition_is_its_object():
    text = ("« Il n'a rien à cacher », a déclaré la ministre Anne Morel, en réponse aux associations "
            "écologistes qui accusent le préfet de mentir.")
    assert source_of(text, "accusent") == "associations écologistes"


def test_an_infinitive_after_a_finite_verb_shares_its_subject():
    text = ("Le chef du parti centriste, Louis Ferrand, qui siège au gouvernement, venait de juger "
            "« regrettable » l'absence du maire à la fête.")
    assert quote_speakers(text)["« regrettable »"] == "Louis Ferrand"


def test_a_participle_after_a_name_has_that_name_for_subject():
    text = ("Aux yeux de Chloé Abadie, le règlement demeure « trop flou », Yann Prieur (MCD) se félicitant "
            "pour sa part que le chantier « reparte enfin ».")
    assert quote_speakers(text)["« reparte enfin »"] == "Yann Prieur"


def test_a_sentence_opening_participle_has_the_main_clause_subject():
    text = ("Marc Aubry a présenté son amendement. Saluant des « avancées concrètes », la majorité des "
            "conseillers se sont montrés satisfaits.")
    assert quote_speakers(text)["« avancées concrètes »"] == "anonymous"


def test_a_bracketed_aside_with_a_comma_is_passed_by_the_subject_reader():
    text = ("Sophie Lenoir (PS) a préféré passer à autre chose, alors que Rémi Castel (LFI, apparenté) "
            "a salué une réforme qui « arrive à point ».")
    assert quote_speakers(text)["« arrive à point »"] == "Rémi Castel"


def test_a_role_noun_subject_after_a_name_and_comma_is_no_apposition():
    text = ("Ariane Vasseur interrogeait le sénateur Hervé Lamotte mardi. Devant le trésorier de l'association "
            "de défense de Julie Brochard, la journaliste a peiné à garder son sang-froid. « C'est honteux ! », "
            "s'est indignée la journaliste.")
    assert quote_speakers(text)["« C'est honteux ! »"] == "Ariane Vasseur"


def test_a_short_name_takes_the_full_name_of_the_source_heard_before():
    text = ("En mars, la Gazette de Lausanne révélait que le ministre avait reçu un don. La Gazette affirme "
            "qu'un juge a ouvert une enquête pour « soupçons de fraude ».")
    assert quote_speakers(text)["« soupçons de fraude »"] == "Gazette de Lausanne"


def test_a_demonstrative_description_of_a_medium_refers_back_to_the_outlet():
    text = ("Selon la Tribune de Genève, le compte a été fermé en 2012. Selon ce journal suisse, "
            "le ministre y a puisé jusqu'à sa fermeture.")
    sources = [a.attrs["source"] for a in spans(text, "ATTR")]
    assert sources == ["Tribune de Genève", "Tribune de Genève"]


def test_a_pronoun_after_a_sentence_citing_an_outlet_is_the_person_it_reports_on():
    text = ("Henri Lacaze vise un troisième mandat. Selon Le Messager du Littoral, en coulisses, le maire "
            "jugerait la partie gagnée. « Ce scrutin me convient ! », aurait-il confié à plusieurs proches.")
    assert quote_speakers(text)["« Ce scrutin me convient ! »"] == "Henri Lacaze"


def test_a_country_completing_an_office_is_no_part_of_the_name_after_it():
    text = ("Le pasteur Olivier Magne a prôné la patience. Le grand rabbin de Belgique Elior Dorfmann "
            "a répété qu'il valait mieux ne pas « précipiter le retour des fidèles ».")
    assert quote_speakers(text)["« précipiter le retour des fidèles »"] == "Elior Dorfmann"


def test_the_causative_faire_dire_a_makes_the_dative_the_speaker():
    text = ("Plongée dans les studios du magazine vedette de la chaîne. Une réussite qui fait aussi dire à "
            "Julien Roussel : « avec de tels chiffres, la direction nous laisse tranquilles ».")
    assert quote_speakers(text)["« avec de tels chiffres, la direction nous laisse tranquilles »"] == \
        "Julien Roussel"


@pytest.mark.parametrize("text,source", [
    # the subject after an opening participle's comma, whatever its determiner, ends before a clitic
    ("Évoquant un « pas décisif », les riverains se sont dits soulagés.", "les riverains"),
    ("Évoquant un « pas décisif », ces riverains ne cachent pas leur joie.", "ces riverains"),
    ("Évoquant un « pas décisif », sa voisine s'est dite soulagée.", "sa voisine"),
    ("Lina Ferraud tient la boulangerie du quartier. Évoquant un « pas décisif », l'artisane s'est dite "
     "soulagée.", "Lina Ferraud"),
])
def test_the_subject_of_an_opening_participle_has_any_determiner_and_stops_before_a_clitic(text, source):
    assert source_of(text, "Évoquant") == source
