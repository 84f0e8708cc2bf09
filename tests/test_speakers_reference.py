"""Speaker reference within a document: the entity table, descriptions, pronouns, anonymous sources."""
from __future__ import annotations

import pytest

from framing.analysis import analyze
from framing.analysis import parse_text as parse
from framing.extract.entities import entity_table, parse_description, person_nouns
from framing.resources import default_config, get_resources

from conftest import attr, labelled


RES = get_resources(default_config())


@pytest.mark.parametrize("words,det,gender,plural,head", [
    ("la candidate du parti", "definite", "f", False, "candidat"),
    ("l' ancien premier ministre", "definite", "m", False, "premier ministre"),
    ("un proche du chanteur", "indefinite", "m", False, "proche"),
    ("l' animatrice", "definite", "f", False, "animateur"),
    ("les syndicalistes", "definite", None, True, "syndicaliste"),
    ("ses avocats", "possessive", "m", True, "avocat"),
])
def test_parse_description(words, det, gender, plural, head):
    d = parse_description(words.split(), person_nouns(RES))
    assert (d.determiner, d.gender, d.plural, d.head) == (det, gender, plural, head)
    assert d.names_person


def test_a_place_is_no_person_description():
    assert not parse_description("la mairie".split(), person_nouns(RES)).names_person


def test_entity_gender_from_title_and_apposition():
    doc = parse("Mme Claire Dubois a parlé. Paul Martin, l'ancien maire, a répondu. "
                "Sophie Leroy s'est dite inquiète.")
    table = entity_table(doc, RES)
    assert table.gender_of("Claire Dubois") == "f"
    assert table.gender_of("Paul Martin") == "m"
    assert table.gender_of("Sophie Leroy") == "f"


def test_a_description_goes_to_the_person_named_before():
    text = ("Marine Dupuis est à son tour visée par une enquête. "
            "La candidate du parti à la présidentielle dénonce une « cabale politique ».")
    a = attr(text, "dénonce")
    assert (a.attrs["source"], a.attrs["stype"], a.attrs["speaker_method"]) == ("Marine Dupuis", "person", "salience")
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Marine Dupuis"


def test_a_role_seen_in_apposition_wins_over_recency():
    text = ("Thierry Ardent, animateur de l'émission, a reçu Paul Martin. Les deux hommes ont débattu. "
            "« Cela doit vous interpeller », a lancé l'animateur.")
    a = attr(text, "a lancé")
    assert a.attrs["source"] == "Thierry Ardent"
    assert a.attrs["speaker_method"] == "role"


def test_a_description_skips_a_person_of_the_other_gender():
    text = ("Mme Claire Dubois a reçu M. Paul Martin lundi. "
            "« Nous avons avancé », a déclaré l'ancienne ministre.")
    assert attr(text, "a déclaré").attrs["source"] == "Claire Dubois"


def test_an_unnamed_individual_is_anonymous_in_the_texts_words():
    text = "Les protections restent en place, a précisé un porte-parole du maire Sadiq Khan."
    a = attr(text, "a précisé")
    assert (a.attrs["source"], a.attrs["stype"]) == ("un porte-parole du maire Sadiq Khan", "anonymous")
    assert a.attrs["speaker_method"] == "anonymous"


def test_an_unnamed_group_of_people_is_anonymous():
    a = attr("Les habitants estiment que l'on n'a pas à s'occuper de leurs méthodes d'éducation.", "estiment")
    assert a.attrs["stype"] == "anonymous"


def test_a_group_standing_for_a_side_keeps_its_type():
    a = attr("Les médecins allemands ont annoncé qu'il avait été intoxiqué.", "ont annoncé")
    assert a.attrs["stype"] == "institution"


def test_a_role_noun_before_a_name_is_the_name():
    a = attr("« Il a passé une bonne nuit », a déclaré le médecin Douglas Yanai.", "a déclaré")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Douglas Yanai", "person")


def test_a_pronoun_goes_to_the_subject_of_its_sentence():
    text = ("La statue va être retirée mercredi, a indiqué la mairie. Devant les députés, le Premier ministre "
            "Boris Johnson, admirateur de Churchill dont il avait contesté la mise à l'abri, a indiqué "
            "que son gouvernement examinait de nouvelles lois.")
    assert attr(text, "avait contesté").attrs["source"] == "Boris Johnson"


def test_a_pronoun_skips_the_person_of_the_other_gender():
    text = ("Mme Claire Dubois a critiqué M. Paul Martin lundi. « Je n'ai rien à ajouter », "
            "a-t-il répondu.")
    a = attr(text, "a-t-il répondu")
    assert a.attrs["source"] == "Paul Martin"
    assert a.attrs["speaker_method"] == "pronoun"


def test_plural_pronoun_takes_an_unnamed_group():
    text = ("Pour les détracteurs du projet, cette unanimité est suspecte. Ils accusent l'entreprise "
            "d'avoir produit elle-même les études.")
    a = attr(text, "accusent")
    assert a.attrs["stype"] == "anonymous"


def test_every_quote_iquote_and_attr_has_a_speaker_method():
    text = ("Marine Dupuis est visée par une enquête. La candidate dénonce une « opération médiatique ». "
            "Elle a affirmé que la justice était instrumentalisée. « Nous irons jusqu'au bout », a-t-elle dit.")
    spans = [s for s in analyze(text).spans if s.label in ("QUOTE", "IQUOTE", "ATTR")]
    assert spans and all(s.attrs.get("speaker_method") for s in spans)


def test_a_subject_named_shortly_before_outranks_a_name_in_passing():
    text = ("Quand Manuel Vidal se place dans les pas de François Mercier. En visite à Narbonne, l'ancien "
            "Premier ministre s'est montré confiant sur sa candidature, disant : « Je peux faire gagner la gauche. »")
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Manuel Vidal"


def test_a_colon_quote_goes_to_the_person_opening_the_sentence():
    text = ("Charline Vanhoen, l'humoriste de la radio, n'a pas été tendre avec l'émission : "
            "« Je suis ravie que ça s'arrête, car c'était très mauvais. »")
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Charline Vanhoen"


def test_a_person_named_inside_a_quote_is_not_salient():
    text = ("« Des proches l'entourent, comme sa fille Laura Smet », a précisé le journaliste de la chaîne. "
            "« Une ambulance est sortie », a ajouté le journaliste.")
    a = attr(text, "a ajouté")
    assert a.attrs["stype"] == "anonymous"


def test_possessive_subject_of_an_inserted_clause():
    a = attr("« M. Fillon souhaite s'exprimer », a expliqué son entourage à l'AFP.", "a expliqué")
    assert a.attrs["stype"] == "anonymous"


def test_a_later_mention_by_a_names_first_word_is_the_full_name():
    text = ("Le chef indigène Raoni Metuktire est sorti de l'hôpital. Dans un entretien, Raoni avait accusé "
            "le président de « profiter » de la pandémie.")
    assert attr(text, "avait accusé").attrs["source"] == "Raoni Metuktire"


def test_pour_x_at_a_line_start_after_a_heading_without_full_stop():
    text = ("Le Premier ministre était l'invité du journal de 20 heures mardi\n\n"
            "Pour le Premier ministre, le ministre peut rester au gouvernement malgré les critiques.")
    assert "Pour" in {a.text for a in labelled(text, "ATTR")}


def test_marks_with_more_than_a_determiner_outside_are_reported_speech():
    text = "Boris Johnson a indiqué que son gouvernement « examinait de nouvelles façons de légiférer »."
    (iq,) = labelled(text, "IQUOTE")
    assert iq.text.startswith("son gouvernement")


def test_selon_after_a_clause_opener_hands_on_what_follows():
    text = ("Il a quitté la clinique pour sa maison, où, selon Paris Match, du matériel médical aurait été "
            "livré vendredi.")
    (iq,) = labelled(text, "IQUOTE")
    assert iq.text.startswith("du matériel médical")


@pytest.mark.parametrize("text,cue,content", [
    ("À un utilisateur qui lui demandait quel était son roman préféré, le candidat a répondu sèchement.",
     "demandait",
     "quel était son roman préféré"),
    ("Le candidat à la primaire de la droite a regretté les méthodes de l'émission.", "a regretté",
     "les méthodes de l'émission"),
    ("Il avait annoncé lundi la création d'une commission sur les inégalités.", "avait annoncé",
     "la création d'une commission sur les inégalités"),
])
def test_questions_and_direct_objects_are_reported_content(text, cue, content):
    attr(text, cue)
    assert content in {iq.text for iq in labelled(text, "IQUOTE")}


def test_que_after_an_indirect_object():
    text = ("Celui-ci a rétorqué à la porte-parole de la France insoumise que la météo n'avait rien à voir "
            "avec la politique.")
    attr(text, "a rétorqué")


def test_a_description_before_any_name_goes_to_the_person_named_next():
    text = ("Pour le Premier ministre, le ministre Richard Ferrand peut rester au gouvernement. "
            "Invité du journal de 20 heures mardi, Edouard Philippe a défendu son ministre.")
    a = attr(text, "Pour")
    assert a.attrs["source"] == "Edouard Philippe"


def test_an_adverb_in_ment_between_auxiliary_and_participle():
    text = "Paul Martin a effectivement rétorqué à la porte-parole du parti que rien n'avait changé."
    assert attr(text, "a effectivement rétorqué").attrs["source"] == "Paul Martin"


def test_a_two_word_name_opening_a_sentence_is_a_person_and_elle_goes_to_her():
    text = ("Raquel Garrido persiste et signe. Samedi, la députée a fait des vagues sur Twitter. "
            "Lundi, elle a effectivement réaffirmé ce qu'elle écrivait, assurant qu'elle avait été choquée.")
    a = attr(text, "assurant")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Raquel Garrido", "person")


def test_a_person_described_as_a_practitioner_of_a_science_is_an_expert():
    text = ("Le toxicologue Antony Fastier rappelle que rien n'est démontré. « Les études sont claires », "
            "a ajouté Antony Fastier.")
    assert attr(text, "a ajouté").attrs["stype"] == "expert"


def test_que_after_an_adverb_between_commas():
    text = "Marine Dupuis s'étonne, notamment, qu'une forte activité judiciaire intervienne avant l'élection."
    attr(text, "s'étonne")
    assert any(iq.text.startswith("une forte activité") for iq in labelled(text, "IQUOTE"))


def test_inverted_subject_after_a_prepositional_object():
    text = "« Il était temps », a annoncé à l'AFP le scénariste de la série."
    assert attr(text, "a annoncé").attrs["source"].startswith("le scénariste")


@pytest.mark.parametrize("text,source", [
    ("Près de 30.000 autochtones ont été contaminés, selon les dernières données de l'APIB.", "APIB"),
    ("Selon une information BFMTV confirmée par un proche du chanteur, il a quitté la clinique samedi.", "BFMTV"),
    ("Selon une enquête de Reuters, Pyongyang a procédé à 64 livraisons.", "Reuters"),
])
def test_a_document_is_sourced_to_its_named_author(text, source):
    a = attr(text, "selon" if "selon" in text else "Selon")
    assert a.attrs["source"] == source


def test_a_verb_whose_object_is_ce_que_is_no_cue():
    text = ("Elle a effectivement réaffirmé ce qu'elle écrivait, assurant qu'elle avait été choquée par "
            "« les inégalités ».")
    assert "écrivait" not in {a.text for a in labelled(text, "ATTR")}


# --- issue 16: appositions, relatives, relational descriptions -------------------------------

def test_the_name_before_an_apposition_is_the_subject_not_a_name_inside_it():
    text = ("Jean-Marc Florand, avocat des parents de Julie Marchal, a déclaré sur BFMTV que ses "
            "clients étaient consternés. L'ancien eurodéputé Daniel Cohn-Bendit, proche d'Emmanuel "
            "Macron, estime dans un entretien qu'il est idiot de s'allier avec la droite.")
    assert attr(text, "a déclaré").attrs["source"] == "Jean-Marc Florand"
    a = attr(text, "estime")
    assert (a.attrs["source"], a.attrs["stype"], a.attrs["speaker_method"]) == ("Daniel Cohn-Bendit", "person", "name")


def test_a_clause_before_a_comma_is_no_apposition_of_an_inverted_subject():
    text = "Jonathann Daval a avoué avoir tué son épouse, ont annoncé mardi ses avocats."
    a = attr(text, "ont annoncé")
    assert (a.attrs["source"], a.attrs["stype"]) == ("ses avocats", "anonymous")


def test_another_given_name_with_a_known_surname_is_another_person():
    # (an unlisted given name: the surname alone would otherwise link it to the person named before)
    text = "Jonathann Daval a été entendu lundi. Le corps d'Kelyane Daval avait été retrouvé en octobre."
    table = entity_table(parse(text), RES)
    assert {"Jonathann Daval", "Kelyane Daval"} <= set(table.by_name)


def test_a_relational_description_is_not_the_salient_person():
    # "la mère de la jeune femme" names someone through the young woman: not her, unnamed
    text = ("Sophie Lionnet a été tuée à Londres. Six mois plus tard, la mère de la jeune femme "
            "nous confiait s'attendre à un procès éprouvant.")
    a = attr(text, "nous confiait")
    assert (a.attrs["stype"], a.attrs["speaker_method"]) == ("anonymous", "anonymous")


def test_a_spokesman_of_an_institution_is_not_the_salient_leader():
    text = ("Le président Emmanuel Macron veut réformer la SNCF. Cet après-midi, le porte-parole du "
            "gouvernement évoque une discussion au moment de la réforme.")
    assert attr(text, "évoque").attrs["stype"] == "anonymous"


def test_a_relational_description_goes_to_the_person_so_described_earlier():
    text = ("Me Paul Garnier, l'avocat de la famille, a demandé un report. Mardi, l'avocat de la "
            "famille a indiqué que l'audience aurait lieu en mai.")
    assert attr(text, "a indiqué").attrs["source"] == "Paul Garnier"


def test_a_working_reporter_of_an_outlet_is_not_the_person_the_story_is_about():
    text = ("Johnny Hallyday a quitté ce samedi la clinique. « Une ambulance est sortie du parking », "
            "a détaillé le journaliste de BFMTV en direct.")
    a = attr(text, "a détaillé")
    assert a.attrs["stype"] == "anonymous"
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "anonymous"


def test_a_former_journalist_is_described_by_her_career():
    text = ("« Ces enfants sont invisibles », s'alarme Françoise Laborde. L'ancienne journaliste de "
            "France 2 estime que tout concourt à ignorer l'enfant.")
    assert attr(text, "estime").attrs["source"] == "Françoise Laborde"


def test_a_description_inside_a_quotation_is_not_resolved_by_salience():
    text = ("Marlène Schiappa a répondu aux critiques. « Le Premier ministre m'a rappelé que la parole "
            "publique compte », a-t-elle déclaré.")
    a = attr(text, "m'a rappelé")
    assert a.attrs["stype"] == "anonymous"


# --- issue 16: outlets and documents typed by their author ----------------------------------

@pytest.mark.parametrize("text,cue,source", [
    ("Selon Le Parisien de ce mardi, l'ancien président aurait appelé des candidats battus.", "Selon", "Le Parisien"),
    ("Le site Internet de la BBC rapporte qu'un employé a pris à partie la passagère.", "rapporte", "BBC"),
])
def test_a_phrase_naming_an_outlet_is_that_outlet(text, cue, source):
    a = attr(text, cue)
    assert (a.attrs["source"], a.attrs["stype"], a.attrs["speaker_method"]) == (source, "media", "outlet")


def test_a_former_journalist_of_an_outlet_is_no_outlet():
    text = ("Françoise Laborde publie un livre. L'ancienne journaliste de France 2 estime que tout "
            "concourt à ignorer l'enfant.")
    assert attr(text, "estime").attrs["stype"] == "person"


def test_a_report_is_typed_by_its_author_and_an_inquiry_board_by_its_head():
    text = ("Un corps a été récupéré dans l'épave, a annoncé cette nuit le bureau d'enquête britannique. "
            "Selon le rapport du ministère de l'Intérieur, le bilan est lourd.")
    a = attr(text, "a annoncé")
    assert (a.attrs["source"], a.attrs["stype"]) == ("bureau d'enquête britannique", "institution")
    a = attr(text, "Selon")
    assert (a.attrs["source"], a.attrs["stype"], a.attrs["speaker_method"]) == (
        "ministère de l'Intérieur", "institution", "document")


# --- issue 16: given names of a general resource, their gender ----------------------------------

def test_a_given_name_of_the_general_list_makes_a_person_with_its_usual_gender():
    text = ("Le journaliste a interrogé Gérald Darmanin lundi. « Les membres du gouvernement n'ont pas "
            "le droit d'applaudir », réplique alors Marlène Schiappa. « Je ne pense pas avoir mélangé "
            "mes casquettes », a-t-elle déclaré.")
    assert entity_table(parse(text), RES).gender_of("Marlène Schiappa") == "f"
    a = attr(text, "réplique")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Marlène Schiappa", "person")
    assert attr(text, "a-t-elle déclaré").attrs["source"] == "Marlène Schiappa"


def test_a_french_word_is_no_given_name():
    from framing.extract.speakers import lexica
    lx = lexica(RES)
    assert "rien" not in lx.first and "bien" not in lx.first
    assert {"marlène", "isabel", "salma"} <= lx.first


def test_a_demonstrative_description_keeps_its_gender():
    text = ("Marie ne décolère pas. Paul, son voisin, est venu. « J'ai eu super peur », explique cette "
            "femme au quotidien Le Parisien.")
    assert attr(text, "explique").attrs["source"] == "Marie"


def test_a_noun_across_a_comma_is_no_title_of_the_name():
    text = ("La secrétaire d'Etat chargée de l'Egalité entre les femmes et les hommes, Marlène Schiappa, "
            "a répondu aux critiques.")
    assert "homme" not in entity_table(parse(text), RES).entity("Marlène Schiappa").roles


def test_the_close_relatives_of_a_named_person_are_unnamed():
    text = "Murielle Bolle a parlé. Selon les proches de Murielle, elle a subi des pressions."
    assert attr(text, "Selon").attrs["stype"] == "anonymous"


def test_a_lone_common_noun_keeps_its_article_a_longer_phrase_loses_it():
    text = ("La caisse a été retrouvée, a indiqué la mairie. Le bilan est lourd, a indiqué le ministère "
            "russe des Affaires étrangères.")
    sources = [a.attrs["source"] for a in labelled(text, "ATTR")]
    assert sources == ["la mairie", "ministère russe des Affaires étrangères"]


def test_a_bare_quote_after_a_sentence_about_a_person_is_that_persons():
    text = ("Marlène Schiappa, la secrétaire d'État, a défendu avec véhémence l'article controversé. "
            "« Pour celles et ceux qui n'auraient pas compris, vous devriez écouter deux phrases. » "
            "« Ô combien je déplore les manipulations ! »")
    quotes = labelled(text, "QUOTE")
    assert [q.attrs["speaker"] for q in quotes] == ["Marlène Schiappa", "Marlène Schiappa"]
    # "a défendu" is itself a verb of speaking here, so the bare quote follows its speaker (context);
    # without it, the subject of the sentence before (previous_subject)
    assert quotes[0].attrs["speaker_method"] in ("context+name", "previous_subject+name")


def test_a_bare_quote_in_another_paragraph_is_not_given_to_the_previous_subject():
    text = "Marlène Schiappa a visité une école.\n\n« Pour celles et ceux qui n'auraient pas compris. »"
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "unknown"


def test_a_lone_given_name_with_a_function_in_apposition_is_a_person():
    text = "« Il faut penser ensemble les moyens de la mobilisation », glisse Zineb, étudiante en lettres."
    a = attr(text, "glisse")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Zineb", "person")


def test_a_plural_pronoun_goes_to_the_group_of_people_named_just_before():
    text = ("Les enseignants mobilisés la vivent comme une remise en cause de leur statut. Pour eux, la "
            "nouvelle réforme va augmenter la précarité des jeunes diplômés.")
    a = attr(text, "Pour")
    assert (a.attrs["source"], a.attrs["stype"], a.attrs["speaker_method"]) == (
        "Les enseignants mobilisés", "anonymous", "pronoun")


def test_a_demonstrative_defined_by_its_relative_is_no_source():
    text = ("Marlène Schiappa a défendu l'article. « Pour celles et ceux qui n'auraient pas compris, "
            "vous devriez écouter deux phrases. »")
    assert "Pour" not in {a.text for a in labelled(text, "ATTR")}


def test_a_plural_pronoun_prefers_the_group_just_named_to_a_singular_speaker():
    text = ("« Le modèle doit changer », a déclaré Emmanuel Macron. Un donnant-donnant qui ulcère les "
            "syndicats. Pour eux, ce n'est pas aux salariés de payer.")
    a = attr(text, "Pour")
    assert (a.attrs["source"], a.attrs["stype"]) == ("les syndicats", "institution")


def test_a_nickname_given_in_the_text_names_the_person_described():
    text = ("Elyette Boudou, grand-mère de Laeticia Hallyday, a accordé une interview. Celle que l'on "
            "surnomme « Mamie Rock » évoque ses relations passées avec Johnny Hallyday. « Je ne pense pas », "
            "déclare ainsi Mamie Rock.")
    # the name in marks is no speech: "évoque" is said of the demonstrative subject, not of its object
    a = attr(text, "évoque")
    assert a.attrs["source"] == "Elyette Boudou"
    assert a.attrs["speaker_method"] in ("pronoun", "short_name")  # (through the demonstrative or the nickname)
    a = attr(text, "déclare")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Elyette Boudou", "person")


def test_a_given_name_alone_is_the_person_named_in_full_with_it():
    text = ("Devant ses étudiants, Marie-Pierre Dausse, professeur d'histoire, défend son point de vue. "
            "Marie-Pierre ne fait plus cours depuis janvier. Selon Marie-Pierre, la loi est injuste.")
    assert attr(text, "Selon").attrs["source"] == "Marie-Pierre Dausse"


@pytest.mark.parametrize("text,cue,source", [
    ("« Le résultat n'a pas été probant », lançait de son côté François Bayrou, en décembre.", "lançait",
     "François Bayrou"),
    ("« J'ai posé mes courses », déclare avec émotion Stéphanie Fruité.", "déclare", "Stéphanie Fruité"),
    ("« Je ne pense pas », déclare ainsi Marie Dupuis.", "déclare", "Marie Dupuis"),
])
def test_adverbials_between_an_inserted_verb_and_its_subject_are_skipped(text, cue, source):
    assert attr(text, cue).attrs["source"] == source


def test_a_short_description_of_an_organisation_refers_back_to_its_fuller_mention():
    text = ("Le ministère russe des Affaires étrangères a convoqué l'ambassadeur. Après la convocation, le "
            "ministère a également exigé que le dossier médical soit fourni.")
    a = attr(text, "a également exigé")
    assert (a.attrs["source"], a.attrs["speaker_method"]) == ("ministère russe des Affaires étrangères", "same_head")


def test_the_subject_of_a_compound_passive_is_not_its_source():
    text = ("Le parc aquatique de Shuiyun en Chine a vécu un incident. Des hypothèses qui ont été démenties "
            "par le parc aquatique.")
    a = attr(text, "ont été démenties par")
    assert (a.attrs["source"], a.attrs["stype"]) == ("parc aquatique de Shuiyun", "institution")


@pytest.mark.parametrize("text,cue,source", [
    ("Le parc aquatique de Shuiyun en Chine a vécu un incident. Trois personnes étaient hospitalisées. "
     "L'établissement a déclaré que le problème viendrait d'une défaillance.", "a déclaré", "parc aquatique de Shuiyun"),
    ("Facebook et Twitter ont démantelé une opération. Twitter a de son côté suspendu 5 comptes pour une "
     "« manipulation », a fait savoir la plateforme.", "a fait savoir", "Twitter"),
])
def test_a_generic_organisation_noun_goes_to_the_organisation_that_last_opened_a_sentence(text, cue, source):
    a = attr(text, cue)
    assert (a.attrs["source"], a.attrs["speaker_method"]) == (source, "same_head")


def test_a_group_of_people_is_not_resolved_as_an_organisation():
    text = ("Les médecins allemands soignant l'opposant ont parlé. Les médecins russes avaient rejeté "
            "cette hypothèse.")
    assert attr(text, "avaient rejeté").attrs["speaker_method"] != "same_head"


def test_an_inverted_pronoun_goes_to_the_subject_named_after_the_last_speaker():
    text = ("« La banalisation des journées est une victoire », glisse Zineb, étudiante en lettres. "
            "Devant ses étudiants, Marie-Pierre Dausse, professeur d'histoire, défend son point de vue. "
            "« Cette loi, c'est le démantèlement des services publics, affirme-t-elle. »")
    assert attr(text, "affirme-t-elle").attrs["source"] == "Marie-Pierre Dausse"


def test_an_unmarked_masculine_role_noun_does_not_outweigh_a_feminine_given_name():
    doc = parse("Marie-Pierre Dausse, professeur d'histoire, défend son point de vue. M. Claude Petit, "
                "professeur, répond.")
    table = entity_table(doc, RES)
    assert table.gender_of("Marie-Pierre Dausse") == "f"
    assert table.gender_of("Claude Petit") == "m"


def test_a_surname_naming_a_thing_mentions_no_one():
    text = ("Manuel Valls a défendu son bilan. Il a eu recours au 49-3 pour imposer la loi Macron. "
            "« On m'a imposé le 49-3 », a-t-il affirmé.")
    assert attr(text, "a-t-il affirmé").attrs["source"] == "Manuel Valls"


@pytest.mark.parametrize("text,cue,source,stype", [
    ("Salma Abdoulkader ne perd pas la forme. Cette mère de huit enfants et grand-mère de plus de 200 "
     "petits-enfants explique qu'elle doit sa longévité aux figues.", "explique", "Salma Abdoulkader", "person"),
    ("« C'est vous protéger », a-t-il poursuivi. Selon ce statut, un cheminot peut partir à 52 ans.", "Selon",
     "ce statut", "institution"),
])
def test_a_demonstrative_refers_back_only_when_it_names_people_or_a_document(text, cue, source, stype):
    a = attr(text, cue)
    assert (a.attrs["source"], a.attrs["stype"]) == (source, stype)


def test_the_antecedent_of_qui_is_found_across_an_object_clitic_and_a_singular_pronoun_skips_it():
    text = ("La secrétaire d'État, Marlène Schiappa, a répondu aux critiques qui lui reprochaient d'avoir "
            "pris position. « Je ne pense pas avoir mélangé mes casquettes », a-t-elle déclaré.")
    assert attr(text, "reprochaient").attrs["source"] == "critiques"
    assert attr(text, "a-t-elle déclaré").attrs["source"] == "Marlène Schiappa"


def test_the_latter_is_the_last_group_named_even_in_a_quotation():
    text = ("« J'ai appelé les infirmières en disant qu'il fallait que je parte. » Elle raconte également que "
            "ces dernières lui ont alors répondu : « cela ne changera rien ».")
    a = attr(text, "lui ont alors répondu")
    assert (a.attrs["source"], a.attrs["stype"]) == ("les infirmières", "anonymous")


def test_ce_dernier_is_the_person_mentioned_last():
    text = ("Sylvia Pinel a repris le micro à Emmanuel Crenne. Ce dernier a alors déclaré qu'il "
            "avait été censuré.")
    assert attr(text, "a alors déclaré").attrs["source"] == "Emmanuel Crenne"


def test_a_kin_term_used_as_a_name_is_someone_unnamed():
    text = "« Maman m'a dit de prendre Murielle avec moi », précise-t-elle."
    assert attr(text, "m'a dit").attrs["stype"] == "anonymous"


def test_a_woven_quote_without_a_cue_is_the_sentence_subjects():
    text = ("« On entend des bruits », explique la patiente à l'infirmière. En pleine nuit, Marie Dupuis a donc "
            "pris la décision de rentrer chez elle, « malgré douleurs ».")
    q = [q for q in labelled(text, "QUOTE") if "douleurs" in q.text][0]
    assert (q.attrs["speaker"], q.attrs["speaker_method"]) == ("Marie Dupuis", "subject+name")


def test_named_sources_of_the_actors_file_are_typed_by_what_they_are():
    text = ("Facebook a annoncé mardi avoir retiré un petit réseau de comptes. « Il n'y a aucune indication "
            "de fraude », remarque Graphika, société spécialisée dans l'analyse des réseaux sociaux.")
    assert attr(text, "a annoncé").attrs["stype"] == "media"
    assert attr(text, "remarque").attrs["stype"] == "expert"


def test_a_description_goes_to_the_persons_the_same_words_name_elsewhere():
    text = ("Jonathann Daval a avoué avoir tué son épouse, ont annoncé mardi ses avocats. « Il regrette », "
            "ont indiqué ses avocats Ornella Spatafora et Randall Schwerdorffer.")
    a = attr(text, "ont annoncé")
    assert (a.attrs["source"], a.attrs["stype"], a.attrs["speaker_method"]) == (
        "Ornella Spatafora et Randall Schwerdorffer", "person", "role")


def test_elle_can_be_the_country_or_organisation_that_opened_the_sentence_before():
    text = ("Le régime nord-coréen a multiplié les attaques, critiquant notamment les transfuges. Après avoir "
            "rompu les canaux de communication, la Corée du Nord a détruit le bureau de liaison.\n\nElle a "
            "aussi menacé de renforcer sa présence militaire aux abords de la DMZ.")
    a = attr(text, "a aussi menacé")
    assert (a.attrs["source"], a.attrs["speaker_method"]) == ("Corée du Nord", "pronoun")


def test_a_short_fronted_phrase_is_skipped_before_the_subject_of_the_previous_sentence():
    text = ("Au même moment, Stéphanie Fruité, la mère d'Ophélia, fait des courses au supermarché. "
            "« J'attendais à la caisse, on voyait toutes les voitures de gendarmerie passer. »")
    (q,) = labelled(text, "QUOTE")
    assert (q.attrs["speaker"], q.attrs["speaker_method"]) == ("Stéphanie Fruité", "previous_subject+name")


def test_a_role_noun_before_de_and_a_name_is_not_that_persons_role():
    doc = parse("Stéphanie Fruité, la mère d'Ophélia, fait des courses. Ophélia était en classe.")
    table = entity_table(doc, RES)
    assert "père" in table.entity("Stéphanie Fruité").roles
    assert "père" not in table.entity("Ophélia").roles


def test_a_possessive_description_goes_to_the_person_described_so_earlier():
    text = ("Paul Garnier, l'avocat de la famille, a demandé un report. Jeudi, son avocat a affirmé que "
            "l'audience aurait lieu en mai.")
    assert attr(text, "a affirmé").attrs["source"] == "Paul Garnier"


@pytest.mark.parametrize("text,cue,stype", [
    ("Alexeï Navalny est hospitalisé. Les proches de M. Navalny dénoncent un empoisonnement.", "dénoncent",
     "anonymous"),
    ("Alexeï Navalny est hospitalisé. Les médecins allemands traitant M. Navalny à Berlin ont conclu lundi qu'il "
     "présentait des traces d'empoisonnement.", "ont conclu", "institution"),
    ("L'opposant Alexeï Navalny a qualifié ce vote d'« énorme mensonge ».", "a qualifié", "person"),
])
def test_a_named_person_behind_a_title_or_participle_is_no_source(text, cue, stype):
    assert attr(text, cue).attrs["stype"] == stype


def test_an_unsigned_statement_is_the_sentence_subjects():
    text = ("Le ministère russe des Affaires étrangères a convoqué l'ambassadeur allemand qui, selon un "
            "communiqué, s'est vu signifier une vive protestation.")
    a = attr(text, "selon")
    assert (a.attrs["source"], a.attrs["stype"]) == ("ministère russe des Affaires étrangères", "institution")


def test_a_document_named_with_its_own_words_keeps_them():
    text = "Le non l'a emporté avec 55 % des voix, selon le décompte officiel."
    assert attr(text, "selon").attrs["source"] == "décompte officiel"


def test_a_description_after_a_name_in_passing_looks_ahead_for_the_person_with_that_role():
    text = ("Le prochain album de Lucky Luke mettra en avant les Noirs américains, a annoncé lundi le "
            "scénariste de la série. « Les Afro-Américains ne sont jamais représentés », a expliqué Jul, "
            "scénariste français des deux précédents albums.")
    assert attr(text, "a annoncé").attrs["source"] == "Jul"


def test_a_title_in_marks_inside_an_apposition_does_not_end_the_subject():
    text = ("Pour Lucie Marchal, auteure belge à succès, la crise a changé beaucoup de choses.\n\n"
            "L'écrivaine de 64 ans, connue pour son roman \"Les Jours tranquilles\" et sa discipline de "
            "travail, estime qu'il faudra du temps pour écrire sur cette période. Elle vit à Port Louis.")
    a = attr(text, "estime")
    assert a.attrs["source"] == "Lucie Marchal"


def test_a_feminine_in_eure_is_the_role_of_its_masculine():
    nouns = person_nouns(RES)
    assert nouns.lookup("auteure") == ("auteur", "f", "culture")
    assert nouns.lookup("professeures")[:2] == ("professeur", "f")
    assert nouns.lookup("heure") is None


def test_celui_ci_after_a_fronted_phrase_is_the_latter():
    text = ("La députée a défendu son tweet. Cet argument n'a pas convaincu le député Paul Girard. "
            "Un brin moqueur, celui-ci a rétorqué à la porte-parole que \"la pluie ne fait pas le beau temps\".")
    a = attr(text, "a rétorqué")
    assert a.attrs["source"] == "Paul Girard"
    assert a.attrs["speaker_method"] == "pronoun"


def test_a_noun_before_a_preposition_gives_no_gender_to_the_name_after_it():
    text = ("La candidate démocrate battue par Paul Durand donnait un discours. Au cours de son discours, "
            "Anne Leroy est revenue sur sa défaite face à Paul Durand. Elle a notamment évoqué "
            "les longues marches en forêt.")
    from framing.extract.entities import entity_table
    doc = parse(text)
    assert entity_table(doc, RES).gender_of("Paul Durand") != "f"
    assert attr(text, "a notamment évoqué").attrs["source"] == "Anne Leroy"


def test_a_leading_quote_goes_to_the_person_the_next_sentence_names():
    text = ("\"Paul Martin, c'est l'homme sans projet, parce que c'est l'homme sans convictions.\" "
            "Cette phrase est signée de l'actuel ministre de l'Economie, Jean Lebrun, quelques semaines "
            "avant sa nomination.")
    q = labelled(text, "QUOTE")[0]
    assert q.attrs["speaker"] == "Jean Lebrun"
    assert q.attrs["speaker_method"] == "next_sentence+name"


def test_le_couple_is_the_two_persons_named_as_coordinated():
    text = ("Les suspects, Karim Benali, 40 ans, et Sabrina Morel 34 ans, vont devoir s'expliquer devant "
            "la cour. Ils ont employé la jeune fille pendant un an. Le couple nie avoir tué la jeune femme, "
            "mais reconnaît avoir brûlé son corps.")
    nie = attr(text, "nie")
    assert nie.attrs["source"] == "Karim Benali et Sabrina Morel"
    assert nie.attrs["speaker_method"] == "pair"
    assert attr(text, "reconnaît").attrs["source"] == "Karim Benali et Sabrina Morel"


def test_a_pronoun_chain_goes_back_to_the_person_a_demonstrative_description_took_up():
    text = ("Marie Vasseur, professeure, défend son point de vue. « Cette loi est injuste », affirme-t-elle.\n"
            "Non loin de là, on finit notre reportage en discutant avec Pasiphae. Cette jeune fille de 20 ans "
            "étudie les lettres à Saint-Denis. Elle vit la mobilisation à double titre, sa mère étant "
            "enseignante. « Ce qu'on nous annonce, c'est la fin de l'université, soupire-t-elle. C'est "
            "de plus en plus difficile. »")
    a = attr(text, "soupire-t-elle")
    assert a.attrs["source"] == "Pasiphae"


def test_a_possessive_description_goes_to_the_person_named_later_with_its_role():
    text = ("Parmi les victimes, Léa, une élève de quatrième. Trois mois après le drame, sa mère revient sur "
            "ce jour et raconte les heures qui ont suivi. \"Les deux premiers mois, on a été occupé avec les "
            "papiers.\" Au même moment, Sandrine Marty, la mère de Léa, faisait des courses.")
    q = labelled(text, "QUOTE")[0]
    assert q.attrs["speaker"] == "Sandrine Marty"


def test_a_compound_given_name_has_its_first_elements_gender():
    # "Jean-Jacques" is not listed: French compound given names follow their first element (m),
    # so "elle" goes to the woman named before, not to him
    from framing import analyze

    text = ("La députée Marie Durand était invitée face à Jean-Jacques Dupont, qui lui demandait "
            "pourquoi elle partait. « Je ne sais pas », avait-elle répondu.")
    quotes = [s for s in analyze(text).spans if s.label == "QUOTE"]
    assert [q.attrs["speaker"] for q in quotes] == ["Marie Durand"]


@pytest.mark.parametrize("text,source", [
    # a document or a channel goes to its author (codebook Clarifications), through the channel
    ("Selon les images diffusées sur le compte Twitter de Greenpeace, les militants ont bloqué le site.",
     "Greenpeace"),
    ("Selon une enquête de Reuters, le navire a coulé.", "Reuters"),
    ("Selon un sondage Viavoice de septembre, il a perdu dix points.", "Viavoice"),
    # the platform of a channel is not its author, nor a name completing another noun
    ("Selon la page Facebook du ministère, il a démissionné.", "page Facebook du ministère"),
])
def test_a_document_or_channel_goes_to_its_author(text, source):
    from framing import analyze

    assert [s.attrs["source"] for s in analyze(text).spans if s.label == "ATTR"] == [source]


@pytest.mark.parametrize("text,source", [
    ("Des militants d'Extinction Rebellion (XR) bloquent la piste. « Nous resterons », a déclaré XR.",
     "Extinction Rebellion"),
    # a name whose letters do not spell the acronym is no definition of it
    ("Le journaliste Christophe Martin (TF1) animera. TF1 a proposé que le débat ait lieu jeudi.", "TF1"),
])
def test_an_acronym_defined_in_brackets_takes_the_name_it_abbreviates(text, source):
    from framing import analyze

    assert [s.attrs["source"] for s in analyze(text).spans if s.label == "ATTR"][-1] == source


@pytest.mark.parametrize("text", [
    'Son père témoigne sur une radio. Il réclame des explications. "Que justice soit faite", demande-t-il.',
    'Une passante a assisté à la scène. "Tout a tremblé", raconte-t-elle.',
])
def test_a_pronoun_for_someone_described_but_unnamed_is_anonymous(text):
    from framing import analyze

    quotes = [s for s in analyze(text).spans if s.label == "QUOTE"]
    assert [q.attrs["speaker"] for q in quotes] == ["anonymous"]


def test_a_person_noun_of_several_words_refers_back_like_one_word():
    from framing import analyze

    text = ("Rachida Dati était l'invitée de la radio. "
            "L'ancienne garde des Sceaux a jugé qu'il n'y avait rien dedans.")
    assert [s.attrs["source"] for s in analyze(text).spans if s.label == "ATTR"] == ["Rachida Dati"]


def test_a_relative_named_through_someone_is_anonymous():
    # codebook: "son avocat" is an unnamed individual; "le père de Léo" is not Léo
    text = "« Il a été très courageux », a déclaré le père de Léo, qui est boulanger, à la radio."
    a = attr(text, "a déclaré")
    assert (a.attrs["source"], a.attrs["stype"]) == ("père de Léo", "anonymous")
    assert labelled(text, "QUOTE")[0].attrs["speaker"] == "anonymous"
    # a spokesperson may speak for the one named: not made anonymous by this rule
    assert attr("Le porte-parole de Vladimir Poutine a affirmé que tout allait bien.",
                "a affirmé").attrs["stype"] != "anonymous"


def test_a_time_adverbial_is_not_part_of_the_source():
    text = "« Nous sommes inquiets », a réagi l'Élysée ce mardi matin."
    assert attr(text, "a réagi").attrs["source"] == "Élysée"


def test_a_name_inside_the_quotation_is_not_the_speaker():
    text = ("Jeudi, Paul Martin a laissé entendre que la mesure était prête.\n\n"
            "« Il y a eu 300 accidents l'an dernier. La semaine de Noël, il y en a eu vingt », "
            "a-t-il détaillé.")
    assert labelled(text, "QUOTE")[0].attrs["speaker"] == "Paul Martin"


def test_a_surname_introduced_again_with_an_apposition_is_the_person_named_in_full():
    # "M. X, retraité, a expliqué" after "Jean Paul X et Marc Y ont remporté": the same X
    text = ("Jean Paul Verhaegen et Marc Dubosc ont remporté samedi le rallye régional, a annoncé le club.\n\n"
            "Devant les photographes, M. Verhaegen, retraité de la boulangerie, a expliqué "
            "qu'il courait depuis trente ans.\n\n"
            "\"Cette victoire, on l'attendait\", a ajouté M. Verhaegen.")
    assert attr(text, "a expliqué").attrs["source"] == "Jean Paul Verhaegen"
    quote = labelled(text, "QUOTE")[0]
    assert quote.attrs["speaker"] == "Jean Paul Verhaegen"

# --- issue 16: reference on unseen genres (feature stories, politics, business) ---------------------

def test_a_determiner_agreeing_with_a_role_noun_fixes_the_gender_over_the_given_name():
    # "Andrea" is mostly a woman's name; "le docteur" says this one is a man
    doc = parse("La radio a interrogé le docteur Andrea Villani, urgentiste à Lyon. Il a été agressé.")
    assert entity_table(doc, RES).gender_of("Andrea Villani") == "m"


def test_a_pronoun_goes_to_the_person_made_subject_since_an_organisation_spoke():
    text = ("Plus de 300 pharmaciens ont été menacés cette année, a indiqué le Conseil régional de "
            "l'ordre. Ces menaces, le docteur Paul Girard les connaît bien. Son cabinet a été cambriolé deux "
            "fois. « On m'a insulté trois fois ce mois-ci », raconte-t-il.")
    a = attr(text, "raconte-t-il")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Paul Girard", "person")
    q = [q for q in labelled(text, "QUOTE") if "insulté" in q.text][0]
    assert q.attrs["speaker"] == "Paul Girard"


def test_a_description_inverted_after_a_verb_inserted_in_the_marks_refers_back():
    text = ("Le docteur Paul Girard exerce depuis vingt ans. « Dans ma sacoche, on trouve surtout des "
            "pansements, explique le médecin. Les voleurs espèrent y trouver des billets. »")
    a = attr(text, "explique")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Paul Girard", "person")


def test_members_of_an_assembly_named_together_are_an_institution_in_their_words():
    text = ("Les élus écologistes ont mis en garde contre un vote précipité. "
            "Huit députés socialistes ont adressé une lettre au ministre. "
            "Ils écrivent que \"la réforme doit être retirée sans délai\".")
    a = attr(text, "ont mis en garde")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Les élus écologistes", "institution")
    b = attr(text, "écrivent")
    assert (b.attrs["source"], b.attrs["stype"]) == ("Huit députés socialistes", "institution")
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Huit députés socialistes"


def test_opponents_named_together_are_not_an_assembly():
    a = attr("Les opposants au projet réclament un référendum local.", "réclament")
    assert a.attrs["stype"] == "anonymous"


def test_a_person_placed_in_a_research_body_is_an_expert():
    text = ("Jeanne Morel, directrice de recherche à l'Institut des relations sociales, estime que le "
            "calendrier est intenable. Paul Girard, qui dirige le pôle Asie du centre d'études stratégiques, "
            "juge que l'accord tiendra. Luc Martin, est de son côté intervenu pour soutenir le "
            "chercheur, assurant qu'il avait raison.")
    assert attr(text, "estime").attrs["stype"] == "expert"
    assert attr(text, "juge").attrs["stype"] == "expert"
    assert attr(text, "assurant").attrs["stype"] == "person"


def test_a_bare_share_of_respondents_is_anonymous():
    a = attr("Selon un sondage publié lundi, 58 % des Français jugent la réforme injuste. Si 64 % "
             "considèrent que le pays va mal, peu veulent voter.", "considèrent")
    assert (a.attrs["source"], a.attrs["stype"]) == ("64 %", "anonymous")


def test_a_closing_bracket_ends_a_source_phrase():
    a = attr("Certains médias évoquent une vente partielle (environ 20 %, selon CNBC) par le groupe "
             "chinois.", "selon")
    assert (a.attrs["source"], a.attrs["stype"]) == ("CNBC", "media")


def test_a_description_with_a_name_in_apposition_is_that_person():
    text = ("Le Premier ministre Marc Dupont a parlé d'un drame. Selon le secrétaire d'Etat aux "
            "Transports, Pedro Costa, 14 passagers ont péri. Il a fait état de 9 blessés graves.")
    assert attr(text, "Selon").attrs["source"] == "Pedro Costa"
    assert attr(text, "a fait état").attrs["source"] == "Pedro Costa"


def test_a_quote_right_after_another_continues_its_speaker():
    text = ("Julie connaît son voisin depuis longtemps. « Elle aurait dû déménager avant, confie Paul "
            "Martin. Elle n'en avait pas envie. » « Un soir, comme elle doutait, je l'ai poussée à "
            "partir. » Ce conseil a tout changé.")
    q = [q for q in labelled(text, "QUOTE") if "Un soir" in q.text][0]
    assert q.attrs["speaker"] == "Paul Martin"


def test_a_generic_organisation_noun_goes_to_the_organisation_that_spoke_last():
    text = ("La FDA avait autorisé ces traitements en mars.\n\nDans un communiqué publié vendredi, Rivella "
            "explique avoir arrêté l'essai clinique.\n\nLe groupe précise qu'aucun problème n'a été signalé.")
    assert attr(text, "précise").attrs["source"] == "Rivella"


def test_a_document_author_closing_on_a_name_is_that_name():
    text = ("Selon une enquête du magazine spécialisé Rail Review, les retards ont augmenté. "
            "D'après le rapport du ministère de l'Intérieur, les vols sont en baisse.")
    assert attr(text, "Selon").attrs["source"] == "Rail Review"
    assert attr(text, "D'après").attrs["source"] == "ministère de l'Intérieur"


def test_a_relative_after_a_preposition_stands_for_the_head_not_its_complement():
    text = ("\"L'objectif était d'avertir la junte\", a expliqué le ministre Jean Dupont depuis la préfecture "
            "de Lorient, selon qui il fallait punir les dirigeants. Le dossier a été confié à la "
            "société Hydrelis, selon qui les délais sont tenus.")
    sources = [a.attrs["source"] for a in labelled(text, "ATTR") if a.text == "selon"]
    assert sources == ["Jean Dupont", "Hydrelis"]


def test_a_participle_right_after_a_noun_qualifies_that_noun():
    text = ("\"Nous avons choisi librement\", insiste le ministre Jean Dupont, face aux critiques répétées de "
            "l'opposition dénonçant la \"lenteur\" du gouvernement. Le ministre a salué le vote estimant "
            "que la loi passera.")
    assert attr(text, "dénonçant").attrs["source"] == "l'opposition"
    assert attr(text, "estimant").attrs["source"] == "Jean Dupont"


def test_a_bare_quote_of_a_feature_goes_to_the_person_the_lead_interviewed():
    text = ("La radio a interrogé le docteur Paul Girard, généraliste dans le Jura. Il a été menacé "
            "plusieurs fois.\n\nLe dernier incident remonte à jeudi. \"Quand on choisit ce métier, on pense "
            "soigner, pas se défendre.\" Au moins 300 médecins ont été menacés, a indiqué le Conseil de l'ordre.")
    (q,) = labelled(text, "QUOTE")
    assert (q.attrs["speaker"], q.attrs["speaker_method"]) == ("Paul Girard", "interviewee+name")


def test_an_outlet_named_with_a_media_abbreviation_is_media():
    a = attr("A en croire Gala Mag, le chanteur prépare un album.", "A en croire")
    assert a.attrs["stype"] == "media"


def test_a_word_after_a_possessive_is_a_noun_even_when_it_looks_like_a_verb():
    # "copine" is also a form of "copiner"; after "sa" it is the noun
    a = attr("Il pleut. « Viens avec nous ! » a lancé sa copine. Paul a refusé.", "a lancé")
    assert (a.attrs["source"], a.attrs["stype"]) == ("sa copine", "anonymous")


def test_the_head_of_an_organisation_named_by_acronym_is_not_the_salient_person():
    text = ("Paul Renaud veut renouer avec les élus locaux. Il est attendu au tournant. Sur ce chantier, "
            "selon le président de l'ADF, \"rien n'est joué\". Claire Dubois est visée par une enquête. "
            "La candidate du RN dénonce un \"complot médiatique\".")
    assert attr(text, "selon").attrs["stype"] == "anonymous"
    assert attr(text, "dénonce").attrs["source"] == "Claire Dubois"


def test_an_organisation_keeps_one_source_type_through_the_document():
    text = ("La Société savoyarde de virologie a porté plainte contre le biologiste. Cette société savante "
            "réunit 200 membres. La SSV reproche au biologiste la vente d'un remède, a-t-on appris mercredi soir "
            "auprès de la société savante.")
    types = {a.attrs["stype"] for a in labelled(text, "ATTR")
             if a.attrs["source"] == "Société savoyarde de virologie"}
    assert types == {"expert"}


def test_the_content_of_an_agentless_participle_is_someone_unnamed():
    (iq,) = labelled("Les autorités, accusées d'avoir menti sur le bilan, ont démissionné.", "IQUOTE")
    assert (iq.attrs["speaker"], iq.attrs["speaker_method"]) == ("anonymous", "anonymous")


def test_a_description_with_a_nationality_skips_a_person_of_another_one():
    text = ("Jean Morel est en visite en Inde depuis lundi. Le Premier ministre indien Ravi Kumar l'a accueilli "
            "mardi. Par ce voyage, le président français a souhaité présenter la France comme un "
            "\"partenaire fiable\" de la région.")
    assert attr(text, "a souhaité").attrs["source"] == "Jean Morel"


def test_a_sentence_opening_on_a_conjunction_and_a_verb_goes_on_with_the_last_speaker():
    text = ("\"Nous sommes bouleversés\", a réagi l'Élysée jeudi. \"Il exprime au peuple italien tout son "
            "soutien.\" Et a annoncé que le président appellerait le chef du gouvernement.")
    assert attr(text, "a annoncé").attrs["source"] == "Élysée"


def test_an_impersonal_reading_verb_reads_what_the_subject_before_published():
    text = ("La compagnie a confirmé l'incident. Le ministère de l'Intérieur chilien a publié un message sur "
            "les réseaux. \"Une enquête sera menée sans tarder\", peut-on lire.")
    a = attr(text, "peut-on lire")
    assert (a.attrs["source"], a.attrs["stype"]) == ("ministère de l'Intérieur chilien", "institution")


def test_a_bare_quote_of_a_one_voice_feature_goes_to_that_voice():
    text = ("\"La désinformation a marqué la pandémie\", rappelle Ana Ruiz, professeure de sciences "
            "politiques.\n\nLa rumeur venait d'un message vocal. \"Il faut vérifier ses sources\", "
            "explique Ana Ruiz.\n\nLa rumeur a fait le tour des réseaux en une journée.\n\nD'autres pays ont "
            "suivi, comme l'Espagne.\n\nEn Allemagne, personne ne l'a prise au sérieux : \"Le message disait "
            "que l'information venait d'une étude, mais l'université a démenti.\"")
    q = [q for q in labelled(text, "QUOTE") if "Le message" in q.text][0]
    assert q.attrs["speaker"] == "Ana Ruiz"


def test_a_pronoun_skips_a_name_completing_a_person_noun():
    text = ("Le rockeur disparu a trouvé un héritier. Grâce au timbre de Paul Girard, ses tubes revivent sur "
            "scène. Une consécration pour ce fan de Marc Lenoir. \"Je l'ai découvert à 12 ans dans un "
            "festival\", explique-t-il.")
    assert attr(text, "explique-t-il").attrs["source"] == "Paul Girard"


def test_before_a_colon_the_verb_subject_speaks_not_the_speech_it_refers_to():
    text = ("Le conseiller municipal Paul Girard a critiqué le budget culturel. De son côté, Sylvie Morel, "
            "adjointe au maire, condamne les propos du conseiller : \"C'est honteux et faux\".")
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Sylvie Morel"


def test_a_quote_naming_a_person_is_not_given_to_that_person_by_context():
    text = ("Le débat a opposé Jean Morel et Paul Girard. Paul Girard a tenté d'imposer son rythme. "
            "\"Je rappelle simplement à Paul Girard que ses chiffres sont faux.\"")
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] != "Paul Girard"


def test_a_source_preposition_inside_brackets_reports_the_brackets_words():
    (iq,) = labelled("Le groupe prépare une vente partielle (environ 20 % du capital, selon CNBC) à un "
                     "investisseur.", "IQUOTE")
    assert (iq.text, iq.attrs["speaker"]) == ("environ 20 % du capital", "CNBC")


def test_the_content_after_a_source_skips_the_name_in_apposition():
    (iq,) = labelled("Selon le secrétaire d'Etat aux Transports, Pedro Costa, 14 passagers ont péri.",
                     "IQUOTE")
    assert (iq.text, iq.attrs["speaker"]) == ("14 passagers ont péri", "Pedro Costa")


# --- issue 16, eighth pass (set 10 development) ------------------------------------------------


def test_a_name_with_an_age_in_apposition_is_a_person():
    a = attr("\"Nous avons tout perdu\", dit Tayeb Kouraichi, 60 ans, pêcheur depuis trente ans.", "dit")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Tayeb Kouraichi", "person")


def test_a_name_after_a_fronted_function_is_a_person():
    text = ("Gardien du musée, Oumar Nayar observe la salle vide. \"Tous les jours, la salle était pleine\", "
            "raconte Oumar Nayar.")
    a = attr(text, "raconte")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Oumar Nayar", "person")


def test_a_demonstrative_description_after_an_inserted_verb_refers_back():
    text = ("Gardien du musée, Karim Zalouti observe la salle vide. "
            "\"Maintenant, on entend les pas résonner\", dit cet homme de 50 ans.")
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Karim Zalouti"


def test_a_chain_of_pronouns_goes_back_to_the_person_introduced_after_the_last_speaker():
    text = ("\"Nous avons tout perdu\", dit Samir Bakouche, pêcheur depuis trente ans. "
            "Comme Idriss Maloufi, 38 ans, qui vendait du poisson. Depuis avril, il répare des filets. "
            "\"On ne sait pas quoi faire\", dit-il.")
    q = labelled(text, "QUOTE")[-1]
    assert q.attrs["speaker"] == "Idriss Maloufi"


def test_a_function_fronted_after_a_quotation_and_colon_introduces_a_person():
    text = ("\"Je n'ai jamais vu la plage aussi vide\" : gardien de la plage, Oumar Nayar fait sa ronde. "
            "\"Tous les étés, il y avait foule\", raconte Oumar Nayar.")
    a = attr(text, "raconte")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Oumar Nayar", "person")


def test_an_office_with_its_complement_before_a_name_leaves_the_name_in_subject_position():
    text = ("\"Nous resterons vigilants\", a affirmé Luc Bernard devant la mairie. "
            "Le lendemain, le préfet du département du Jura Alain Chevalier avait rejeté toute négligence. "
            "\"Nous avons agi aussi vite que possible\", avait-il assuré aux journalistes.")
    q = labelled(text, "QUOTE")[-1]
    assert q.attrs["speaker"] == "Alain Chevalier"


def test_an_institution_noun_refers_back_to_the_institution_of_the_office_named_before():
    text = ("Le ministre de l'Agriculture Paul Durand a reçu les éleveurs mardi. "
            "Le ministère a annoncé qu'il versera \"une aide d'urgence\" aux exploitants.")
    assert attr(text, "a annoncé").attrs["source"] == "ministère de l'Agriculture"


def test_a_nationality_noun_refers_back_to_the_person_described_with_it():
    text = ("Deux navigateurs, la Française Claire Martel et l'Italien Marco Ferri, ont franchi la ligne "
            "d'arrivée. \"La dernière nuit a été terrible\", a confié la jeune Française sur le ponton. "
            "\"Je repartirai l'an prochain\", a ajouté l'Italien.")
    assert [q.attrs["speaker"] for q in labelled(text, "QUOTE")] == ["Claire Martel", "Marco Ferri"]


def test_a_generic_organisation_noun_goes_to_the_organisation_heard_last_named_with_a_place():
    text = ("Les routes seront glissantes ce lundi, annonce Info Trafic France. Le verglas a gagné la vallée, "
            "a précisé l'organisme.")
    assert attr(text, "a précisé").attrs["source"] == "Info Trafic France"


def test_a_role_sharing_only_a_function_word_is_no_role_match():
    text = ("\"Certains vont accuser la police\", regrette Paul Girard, secrétaire général du Syndicat des "
            "commissaires. Marie Lefort (RN) et Jean Morel (LFI) dénoncent la situation. "
            "Venue en personne, la présidente du Rassemblement a dénoncé des \"rixes surréalistes\".")
    (q,) = [q for q in labelled(text, "QUOTE") if "rixes" in q.text]
    assert q.attrs["speaker"] == "Marie Lefort"


def test_le_premier_ministre_is_a_man():
    assert parse_description("l' ex-premier ministre".split(), person_nouns(RES)).gender == "m"
    assert parse_description("la première ministre".split(), person_nouns(RES)).gender == "f"


def test_a_subject_clitic_after_a_relative_pronoun_is_the_subject_and_a_described_lead_is_named_later():
    text = ("Le président chilien s'est exprimé au Parlement jeudi. Un exposé long, au cours "
            "duquel il a critiqué les \"spéculateurs\" du marché.\n\nDevant les députés, le président "
            "chilien Pablo Rojas a annoncé un plan.")
    assert attr(text, "a critiqué").attrs["source"] == "Pablo Rojas"


def test_quoted_words_inside_a_relative_clause_do_not_cut_the_subject_off():
    text = ("Devant les députés, le président chilien Pablo Rojas, qui s'est dit \"très ému\" de "
            "\"retrouver ses anciens camarades\", a fait savoir qu'il \"ne lâcherait rien\".")
    assert attr(text, "a fait savoir").attrs["source"] == "Pablo Rojas"
    assert [q.attrs["speaker"] for q in labelled(text, "QUOTE")] == ["Pablo Rojas"] * 3


def test_a_woven_quote_goes_to_the_speaker_of_its_paragraph_however_long_the_paragraph():
    text = ("\"Nous n'avions pas les moyens d'agir plus tôt\", a expliqué un responsable des secours.\n\n"
            "\"On voudra rejeter toute la faute sur les pompiers de la ville alors qu'ils ont passé la nuit "
            "dehors, et ce sera injuste\", déplore Marc Aubry, président de l'Union départementale des "
            "sapeurs-pompiers du Gard (UDSP). Mais \"sur place, la situation changeait à chaque minute\".")
    q = [q for q in labelled(text, "QUOTE") if q.text.startswith('"sur place')][0]
    assert q.attrs["speaker"] == "Marc Aubry"


def test_an_arabic_article_joined_to_a_surname_stays_in_the_name():
    a = attr("Au total, 80 % des habitants dépendent du tourisme, souligne Tayeb al-Rachid, responsable du "
             "tourisme de la région.", "souligne")
    assert (a.attrs["source"], a.attrs["stype"]) == ("Tayeb al-Rachid", "person")


def test_a_quote_after_a_colon_goes_to_the_person_the_pronoun_subject_of_the_lead_stands_for():
    text = ("Le romancier prépare un nouveau livre. Paul Verdier vit désormais en Bretagne. Il était "
            "l'invité d'une émission samedi, où il a raconté comment l'océan l'avait inspiré, avant une "
            "dernière confidence: \"Ce sera mon dernier roman\".")
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Paul Verdier"
