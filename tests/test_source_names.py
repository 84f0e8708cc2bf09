"""Sources named by an acronym, a cut name, a pronoun after "selon", a medium or body description,
an indefinite pronoun (invented sentences)."""
from __future__ import annotations

from framing.analysis import analyze
from framing.extract.attribution import acronyms_by_initials

def attrs(text):
    return {s.text: s.attrs for s in analyze(text).spans if s.label == "ATTR"}

def test_acronym_spelled_by_the_initials_of_a_lower_case_name():
    found = acronyms_by_initials("Selon la direction régionale des douanes (DRD), le trafic baisse.")
    assert found == {"DRD": "direction régionale des douanes"}

def test_bare_acronym_spelled_by_a_name_given_earlier():
    text = ("La Fédération nationale des pêcheurs côtiers a saisi le tribunal. "
            "La FNPC demande l'annulation de l'arrêté.")
    assert acronyms_by_initials(text)["FNPC"] == "Fédération nationale des pêcheurs côtiers"

def test_acronym_source_takes_the_name_it_stands_for():
    text = ("La direction régionale des douanes (DRD) a publié ses chiffres. "
            "« Le trafic a nettement baissé », a indiqué la DRD dans un communiqué.")
    assert attrs(text)["a indiqué"]["source"] == "direction régionale des douanes"

def test_name_cut_before_its_complement_is_completed():
    text = ("La mairie a reçu des plaintes sur des rejets signalés par la Haute instance pour la qualité "
            "de l'eau (HIQE) au mois de mars.")
    assert attrs(text)["signalés par"]["source"] == "Haute instance pour la qualité de l'eau"

def test_pronoun_after_selon_is_the_whole_phrase():
    text = ("La mairie a reçu des plaintes sur des rejets signalés par la Haute instance pour la qualité "
            "de l'eau (HIQE), jugés selon elle de nature à polluer la rivière.")
    assert attrs(text)["selon"]["source"] == "Haute instance pour la qualité de l'eau"

def test_indefinite_pronoun_is_anonymous():
    a = attrs("Quelqu'un a crié : « Au feu ! »")["a crié"]
    assert a["stype"] == "anonymous"

def test_entourage_of_a_named_person_is_anonymous():
    a = attrs("L'entourage du maire Paul Dufresne a assuré qu'il n'avait rien reçu.")["a assuré"]
    assert a["stype"] == "anonymous"

def test_auprès_de_opens_no_source():
    text = "Le cortège a été dispersé, a-t-on appris auprès d'une source syndicale qui a précisé que tout était calme."
    assert attrs(text)["a précisé"]["source"] == "une source syndicale"

def test_medium_noun_refers_to_the_outlet_named_last():
    text = ("Selon Le Monde, le projet sera abandonné. « Rien n'est décidé », affirme une lettre "
            "citée par le quotidien.")
    assert attrs(text)["citée par"]["source"] == "Le Monde"

def test_body_description_refers_to_the_proper_name_before():
    text = ("La Société française de botanique a saisi le ministère mardi. Ces travaux menacent des "
            "espèces rares, a affirmé la société savante.")
    a = attrs(text)["a affirmé"]
    assert (a["source"], a["stype"]) == ("Société française de botanique", "expert")

def test_named_body_before_an_apposition_is_the_subject():
    text = ("D'après la radio, la FNSEA, syndicat qui rassemble de nombreux éleveurs, reproche au "
            "ministre le retard des aides.")
    assert attrs(text)["reproche"]["source"] == "FNSEA"


def test_pronoun_continues_the_unnamed_speaker_quoted_just_before():
    text = ("Tom Bernard a appelé les secours. « Je suis fier de lui », a déclaré le père de Tom, qui rêve "
            "d'être pompier. « C'est un enfant très éveillé », a-t-il ajouté.")
    a = attrs(text)["a-t-il ajouté"]
    assert a["stype"] == "anonymous"
    quotes = [s for s in analyze(text).spans if s.label == "QUOTE"]
    assert quotes[-1].attrs["speaker"] == "anonymous"


def test_document_named_by_an_adjective_of_origin_is_the_source_quoted_before():
    text = ("Le ministère portugais de l'Agriculture a indiqué que les quotas seraient revus. Madrid n'a pas "
            "réagi. Le communiqué portugais affirme que les stocks ont « fortement baissé ».")
    assert attrs(text)["affirme"]["source"] == "ministère portugais de l'Agriculture"


def quote_speakers(text):
    return [s.attrs.get("speaker") for s in analyze(text).spans if s.label == "QUOTE"]


def test_colon_lead_role_subject_with_apposed_name_is_that_person():
    text = ("Paul Durand, député de la Creuse, affirme n'avoir reçu aucune lettre. Le député du "
            "Val-d'Oise, Marc Lenoir a une autre excuse : « J'étais à Lille, chez mes parents ».")
    assert quote_speakers(text) == ["Marc Lenoir"]


def test_bare_quote_after_a_pronoun_subject_keeps_the_speaker_quoted_before():
    text = ("« Nous ferons appel », a déclaré l'avocate Claire Martin. Les juges ont rendu leur "
            "décision mardi.\nElle a ensuite quitté le tribunal. « C'est une injustice ».")
    assert quote_speakers(text) == ["Claire Martin", "Claire Martin"]


def test_detached_adjective_before_an_inverted_subject_is_skipped():
    text = ("« Nous avons perdu une collègue et une amie », a déclaré, très émue, la ministre "
            "Claire Martin.")
    assert quote_speakers(text) == ["Claire Martin"]
    assert attrs(text)["a déclaré"]["source"] == "Claire Martin"


def test_an_auxiliary_participle_ends_a_source_phrase():
    from framing.analysis import analyze

    text = "D'après une habitante ayant assisté à la scène, rien n'a été fait."
    attr = next(s for s in analyze(text).spans if s.label == "ATTR")
    assert attr.attrs["source"] == "une habitante"


def test_an_impersonal_on_speaks_for_the_circle_it_is_in():
    from framing.analysis import analyze

    text = "Le malade va bien, a-t-on précisé dans son entourage."
    attr = next(s for s in analyze(text).spans if s.label == "ATTR")
    assert attr.attrs["source"] != "on" and "entourage" in attr.attrs["source"]


def test_nous_before_a_third_person_verb_is_its_object_not_the_speaker():
    text = ("Le maire Paul Durand a visité l'usine. « Nous allons rouvrir le site dès demain », "
            "nous explique-t-il.")
    assert quote_speakers(text) == ["Paul Durand"]
    assert attrs(text)["nous explique-t-il"]["source"] == "Paul Durand"


def test_nous_before_a_first_person_plural_verb_is_the_subject():
    text = "Le syndicat est clair. « Nous refusons ce plan », nous le répétons."
    assert "nous le répétons" not in attrs(text) or attrs(text)["nous le répétons"]["source"] != "syndicat"


def test_participle_opening_a_sentence_is_no_part_of_the_first_name_after_it():
    text = ("Prénommée Julie, elle parle pour la première fois. Le réalisateur Paul Durand l'a "
            "retrouvée : « J'ai cherché longtemps », explique-t-il.")
    assert quote_speakers(text) == ["Paul Durand"]
    assert "Prénommée Julie" not in [s.attrs.get("source") for s in analyze(text).spans]


def test_a_name_given_as_a_title_is_no_antecedent_of_a_pronoun():
    text = ("Anne Roy parle devant la caméra du réalisateur Paul Durand, dans son film intitulé Marc "
            "Petit, le roi. C'est ce dernier qui l'a retrouvée : « J'ai cherché longtemps » confie-t-il.")
    assert quote_speakers(text) == ["Paul Durand"]


def test_a_bare_quote_after_a_person_invited_to_react_is_theirs_across_a_paragraph():
    text = ("Après les violences de la semaine, l'acteur Paul Durand a été invité à réagir samedi sur "
            "le plateau de l'émission « Ce soir ».\n\n« Cela me laisse sans voix. C'est une honte. »")
    assert quote_speakers(text) == ["Paul Durand"]


def test_a_bare_quote_after_a_person_who_declined_to_comment_is_theirs():
    text = ("« Je suis ravie », a dit la ministre Marie Roy. Interrogé par la radio, le maire Paul "
            "Durand a refusé de commenter l'entretien. « On a parlé de beaucoup de choses ».")
    assert quote_speakers(text) == ["Marie Roy", "Paul Durand"]


def test_a_bare_quote_after_a_sentence_without_a_floor_verb_keeps_the_previous_speaker():
    text = ("« Je suis ravie », a dit la ministre Marie Roy. Le maire Paul Durand a visité "
            "l'usine.\n\n« On a parlé de beaucoup de choses ».")
    assert quote_speakers(text)[1] != "Paul Durand"


def test_a_causative_verb_and_its_infinitive_after_a_quote_are_an_incise():
    text = "Paul Durand est venu. « Il faut y aller », fait-il valoir."
    assert attrs(text)["fait-il valoir"]["source"] == "Paul Durand"
    text = "« Il faut y aller », laisse entendre la ministre Marie Roy."
    assert attrs(text)["laisse entendre"]["source"] == "Marie Roy"
    assert quote_speakers(text) == ["Marie Roy"]


def test_a_causative_verb_with_a_noun_after_it_is_no_incise():
    assert attrs("« Il faut y aller », fait peur aux habitants.") == {}


def test_a_woven_quote_about_a_topic_opened_by_quant_a_stays_with_the_speaker():
    text = ("« Un monde où la force serait la règle », a encore insisté Claire Martin. Quant à Marie "
            "Roy, elle incarne « une autre tentation, celle de la colère ».")
    assert quote_speakers(text) == ["Claire Martin", "Claire Martin"]


def test_an_addressee_clitic_before_the_verb_of_an_incise():
    text = "« Nous allons rouvrir le site », nous apprend Paul Durand."
    assert attrs(text)["nous apprend"]["source"] == "Paul Durand"
    text = "« Nous allons rouvrir le site », lui a répondu la maire Marie Roy."
    assert quote_speakers(text) == ["Marie Roy"]
