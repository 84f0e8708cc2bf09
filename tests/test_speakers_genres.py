"""Speaker rules that hold on genres other than wire copy (issue 16): each test a short constructed
sentence illustrating one general rule of French or of news writing."""
from __future__ import annotations

from conftest import attr, labelled


def test_a_short_institution_noun_after_a_contracted_article_takes_its_fuller_mention():
    text = ("Trois hommes ont été arrêtés, a annoncé le ministère de l'Intérieur. "
            "« Ils seront jugés », indique un communiqué du ministère.")
    assert attr(text, "indique").attrs["source"] == "ministère de l'Intérieur"


def test_a_short_institution_noun_takes_the_fuller_mention_written_later():
    text = ("Un agent a été blessé, a annoncé la gendarmerie. Des renforts sont arrivés dans la nuit, "
            "a ensuite précisé la gendarmerie de Lyon sur son compte.")
    assert attr(text, "a annoncé").attrs["source"] == "gendarmerie de Lyon"


def test_a_relative_clause_before_the_verb_describes_the_subject_written_before_it():
    text = ("Paul Martin dirige la coopérative. La coopérative, qui travaille avec Marie Dupont, "
            "consultante en énergie, affirme que les prix vont baisser.")
    assert attr(text, "affirme").attrs["source"] != "Marie Dupont"


def test_a_dash_closes_an_aside_before_the_subject():
    text = ("Jean Morel parle de sa carrière. Fidèle à ses idées -il a voté pour Pierre Durand, "
            "un point commun avec Luc Bernard- le maire estime que la ville doit changer.")
    assert attr(text, "estime").attrs["source"] == "Jean Morel"


def test_a_subject_pronoun_goes_to_the_organisation_opening_its_own_sentence():
    text = "Le groupe de distribution Renovia va ouvrir un service de livraison, qu'il promet « fiable et sobre »."
    assert attr(text, "promet").attrs["source"] == "Renovia"


def test_a_relative_pronoun_after_selon_stands_for_the_source_before_the_comma():
    text = ("« Le réseau sera prêt en juin », détaille la société Transalp, selon qui "
            "« les travaux avancent vite ».")
    a = attr(text, "selon")
    assert a.attrs["source"] == "Transalp"


def test_an_unsigned_communique_followed_by_a_weekday_is_the_subject_s():
    text = "La compagnie aérienne Volaris va ouvrir trois lignes l'été prochain, selon un communiqué lundi."
    assert attr(text, "selon").attrs["source"] == "Volaris"


def test_the_inverted_subject_of_an_inserted_verb_is_salient_for_a_later_description():
    filler = "Les enquêteurs ont fouillé la maison pendant des heures sans rien trouver de décisif. " * 8
    text = ("Claire Morand a ouvert l'audience lundi. " + filler +
            "« Nous irons au bout », a répété Claire Morand devant la presse. "
            "La magistrate a estimé que le dossier était solide. Sophie Lenoir connaissait-elle la victime ?")
    assert attr(text, "a estimé").attrs["source"] == "Claire Morand"


def test_a_bracketed_aside_inside_an_apposition_is_transparent():
    text = "Le député Paul Martin, élu dimanche maire de Lille (Nord), assure que le budget sera tenu."
    assert attr(text, "assure").attrs["source"] == "Paul Martin"


def test_a_kin_noun_with_a_bare_noun_complement_refers_back_to_the_person():
    # "le fils d'ouvrier" classifies its holder (no determiner: a kind, not another referent)
    text = "Paul Martin a parlé de sa ville. « Rien sans le peuple », martèle le fils d'ouvrier."
    assert attr(text, "martèle").attrs["source"] == "Paul Martin"


def test_a_kin_noun_with_a_determined_complement_stays_unnamed():
    text = "Paul Martin a parlé de sa ville. « Rien sans le peuple », affirme le fils du boulanger."
    assert attr(text, "affirme").attrs["stype"] == "anonymous"


def test_l_interesse_refers_back_to_the_person_concerned():
    text = "Marie Durand a témoigné devant la cour. « J'ai pu dire ce que je voulais », confie l'intéressée."
    assert attr(text, "confie").attrs["source"] == "Marie Durand"


def test_a_description_past_the_lead_does_not_jump_forward_to_a_later_subject():
    filler = "Les débats ont duré toute la matinée dans une salle comble et silencieuse. " * 9
    text = ("Le ministre Paul Martin a répondu aux questions.\n" + filler +
            "Il a rencontré Luc Bernard. « Rien sans le peuple », martèle le fils d'ouvrier. "
            "Jean Morel a voté contre le texte.")
    assert attr(text, "martèle").attrs["source"] != "Jean Morel"


def test_a_description_by_mere_recency_yields_to_the_speaker_being_quoted():
    filler = "Les débats ont duré toute la matinée dans une salle comble et silencieuse. " * 9
    text = ("Le ministre Paul Martin a répondu aux questions.\n" + filler +
            "Il plaide pour « une troisième voie » -un point commun avec Luc Bernard- "
            "et appelle à « écouter le peuple ». « Rien sans le peuple », martèle le fils d'ouvrier.")
    assert attr(text, "martèle").attrs["source"] == "Paul Martin"


def test_les_deux_plus_a_person_noun_refers_to_the_two_persons_named_together():
    text = ("Marc Durand et Léo Petit ont quitté l'usine en mai. "
            "Les deux ouvriers ont expliqué que la direction les avait menacés.")
    assert attr(text, "ont expliqué").attrs["source"] == "Marc Durand et Léo Petit"


def test_a_plural_pronoun_goes_to_a_counted_group_not_to_a_singular_source():
    text = ("Les trois militants avaient laissé une lettre, selon le journal Ouest Matin. "
            "Ils avaient expliqué que leur action était pacifique.")
    assert attr(text, "avaient expliqué").attrs["source"] != "Ouest Matin"


def test_a_common_noun_is_no_outlet_named_like_it_and_the_name_after_it_is_the_source():
    # "le quotidien" is not the outlet "Le Quotidien" (an outlet is named with its capitals)
    text = "Le maire a démissionné, selon le quotidien La Gazzetta Veneta."
    a = attr(text, "selon")
    assert (a.attrs["source"], a.attrs["stype"]) == ("La Gazzetta Veneta", "media")


def test_la_meme_source_is_the_source_cited_last():
    text = ("Le maire a démissionné, selon le quotidien La Gazzetta Veneta. "
            "Il devrait être remplacé en juin, selon la même source.")
    sources = [a.attrs["source"] for a in labelled(text, "ATTR") if a.text == "selon"]
    assert sources == ["La Gazzetta Veneta", "La Gazzetta Veneta"]


def test_a_name_in_apposition_after_a_description_is_the_source():
    text = "Le gouvernement a signé un plan, alors que le groupe armé, Libertad, a revendiqué deux incendies."
    assert attr(text, "a revendiqué").attrs["source"] == "Libertad"


def test_a_quoted_clause_after_a_speakers_quotation_is_no_scare_quote():
    text = ("« Nous avons avancé sur la sécurité », a dit Paul Martin. La lutte contre la fraude. "
            "Et enfin, comme « les trafiquants prospèrent sur la pauvreté », il faut investir.")
    scare = [h for h in labelled(text, "HEDGE") if h.attrs.get("type") == "scare"]
    assert not scare
    quotes = {q.text: q for q in labelled(text, "QUOTE")}
    assert "« les trafiquants prospèrent sur la pauvreté »" in quotes


def test_a_phrase_marked_again_and_again_is_a_label_not_a_scare_quote():
    text = ("Des heurts ont eu lieu en marge du défilé des « bonnets rouges » samedi. "
            "Les images ont circulé sur les réseaux. La préfecture a compté mille « bonnets rouges » dans la ville.")
    scare = [h for h in labelled(text, "HEDGE") if h.attrs.get("type") == "scare"]
    assert not scare


def test_a_single_marked_term_is_still_a_scare_quote():
    text = "Cette « réforme » du système des retraites inquiète les salariés."
    scare = [h for h in labelled(text, "HEDGE") if h.attrs.get("type") == "scare"]
    assert [h.text for h in scare] == ["« réforme »"]


def test_promising_and_asking_to_act_are_speech_acts():
    text = "Marc Durand et Léo Petit se sont évadés. Les deux ouvriers avaient laissé un mot promettant de revenir avant l'été."
    a = attr(text, "promettant")
    assert a.attrs["source"] == "Marc Durand et Léo Petit"
    assert [q.text for q in labelled(text, "IQUOTE")] == ["revenir avant l'été"]


def test_a_wish_with_an_infinitive_is_still_no_reported_speech():
    text = "Paul Martin espère revenir au gouvernement."
    assert not labelled(text, "IQUOTE")


def test_a_source_phrase_in_de_takes_the_contracted_article_too():
    text = "Aux yeux du maire de Lyon, ces travaux ne justifient aucune hausse d'impôt."
    a = attr(text, "Aux yeux du")
    assert a.attrs["source"] == "maire de Lyon" or a.attrs["stype"] in ("person", "anonymous")
    assert [h.text for h in labelled(text, "HEDGE") if h.attrs.get("type") == "source"] == ["Aux yeux du"]


def test_a_participle_after_a_determiner_and_a_prenominal_adjective_is_a_noun():
    text = "Un autre invité surprise vient d'entrer dans la salle : le maire de la ville."
    assert not labelled(text, "ATTR")


def test_a_coordinated_verb_without_subject_shares_the_sentence_subject():
    text = ("Après la manifestation, Paul Martin « regrette vivement » les dégâts causés par "
            "« quelques casseurs », et déplore le fait qu'ils « salissent notre cortège ».")
    assert attr(text, "déplore").attrs["source"] == "Paul Martin"
    assert {q.attrs["speaker"] for q in labelled(text, "QUOTE")} == {"Paul Martin"}


def test_the_content_of_selon_qui_is_the_relative_clause():
    text = ("« Le réseau sera prêt en juin », détaille la société Transalp, selon qui "
            "« les travaux avancent vite ».")
    assert not labelled(text, "IQUOTE")  # (the relative clause is all in marks: a mixed QUOTE)


def test_an_attribution_closing_the_first_sentence_inside_the_marks_is_nested():
    text = "« Nous vivons une période difficile, a souligné Paul Martin. Nous avons pourtant avancé. »"
    assert attr(text, "a souligné").attrs["source"] == "Paul Martin"
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Paul Martin"


def test_a_verb_framing_a_quotation_after_a_colon_is_a_cue():
    text = "Marie Durand a perdu son fils en mars. Elle se remémore : « Il riait tout le temps. »"
    a = attr(text, "se remémore")
    assert a.attrs["source"] == "Marie Durand"
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Marie Durand"


def test_etre_before_a_colon_is_no_cue():
    text = "Le bilan est lourd : « trois morts », selon les pompiers."
    assert [a.text for a in labelled(text, "ATTR")] == ["selon"]


def test_the_prepositional_object_of_a_demand_is_its_reported_content():
    text = "Paul Martin a plaidé pour une baisse des impôts et des dépenses publiques."
    assert [q.text for q in labelled(text, "IQUOTE")] == ["une baisse des impôts et des dépenses publiques"]


def test_a_partial_quote_inside_a_verbs_content_is_that_verbs_source_not_a_later_selon():
    text = ("Les grévistes ont quitté l'usine lundi. Marc Durand et Léo Petit avaient promis dans leur lettre "
            "de revenir « au plus vite », selon le journal Ouest Matin.")
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Marc Durand et Léo Petit"


def quote(text, inner):
    found = {q.text.strip("«»\" "): q for q in labelled(text, "QUOTE")}
    assert inner in found, list(found)
    return found[inner]


def test_a_share_of_a_polled_group_is_anonymous_not_a_number_or_the_pollster():
    text = ("Selon une enquête publiée dimanche, 62 % des Européens estiment que l'Union "
            "« doit mieux protéger ses frontières ».")
    assert quote(text, "doit mieux protéger ses frontières").attrs["speaker"] == "anonymous"
    a = attr(text, "estiment")
    assert a.attrs["source"] == "62 % des Européens" and a.attrs["stype"] == "anonymous"


def test_six_out_of_ten_and_the_majority_of_a_group_are_anonymous_respondents():
    for subject in ("Six Français sur dix", "La majorité des électeurs"):
        text = f"{subject} jugent que le gouvernement « n'a pas su convaincre »."
        assert quote(text, "n'a pas su convaincre").attrs["speaker"] == "anonymous", subject


def test_a_poll_as_source_speaks_for_unnamed_respondents():
    text = "Selon les derniers sondages, le maire sortant est donné favori du scrutin."
    assert attr(text, "Selon").attrs["stype"] == "anonymous"


def test_every_turn_of_a_body_transcript_gets_its_label_as_speaker_and_attr():
    text = ("Le débat a été tendu entre la ministre Marie Durand et le député Paul Lefort.\n\n"
            "Marie Durand : « Vous mentez aux électeurs. »\n\n"
            "Paul Lefort : « C'est vous qui mentez. » Marie Durand : « Assumez vos votes ! »\n\n"
            "M. Lefort : « Je les assume tous. »")
    assert quote(text, "C'est vous qui mentez.").attrs["speaker"] == "Paul Lefort"
    assert quote(text, "Assumez vos votes !").attrs["speaker"] == "Marie Durand"
    assert quote(text, "Je les assume tous.").attrs["speaker"] == "Paul Lefort"
    assert attr(text, "M. Lefort").attrs["source"] == "Paul Lefort"
    assert attr(text, "Marie Durand").attrs["stype"] == "person"


def test_a_transcript_label_describing_nobody_named_is_anonymous():
    text = ("Le débat a opposé Paul Lefort à ses rivaux. Un spécialiste a commenté.\n\n"
            "L'expert : « Les deux camps simplifient beaucoup. »")
    assert quote(text, "Les deux camps simplifient beaucoup.").attrs["speaker"] == "anonymous"


def test_a_heading_of_the_form_name_colon_quote_has_no_attr():
    text = "Marie Durand : « Nous tiendrons »\n\nLa ministre Marie Durand a présenté son budget mardi."
    assert quote(text, "Nous tiendrons").attrs["speaker"] == "Marie Durand"
    assert not labelled(text, "ATTR") or all(a.text != "Marie Durand" for a in labelled(text, "ATTR"))


def test_initials_label_the_person_named_with_them():
    text = ("Le journaliste Pierre Caron a interrogé l'essayiste Emma Zeller.\n\n"
            "PC : « Pourquoi dites-vous cela ? »\n\nEZ : « Parce que je le pense. »")
    assert quote(text, "Parce que je le pense.").attrs["speaker"] == "Emma Zeller"
    assert quote(text, "Pourquoi dites-vous cela ?").attrs["speaker"] == "Pierre Caron"


def test_an_ex_prefixed_role_refers_back_to_the_person_given_that_role():
    text = ("Hélène Marchal, ancienne Première ministre, publie ses mémoires.\n\n"
            "« J'ai défendu la réforme », a affirmé l'ex-Première ministre. "
            "« Le pays n'était pas prêt », a-t-elle encore déploré.")
    assert attr(text, "a affirmé").attrs["source"] == "Hélène Marchal"
    assert attr(text, "a-t-elle encore déploré").attrs["source"] == "Hélène Marchal"


def test_a_pronoun_with_no_one_before_it_announces_the_subject_named_next():
    text = ("Le socialiste, candidat à la primaire, a listé ses idées devant la presse. « Réduire le temps "
            "de travail, augmenter les salaires », a-t-il énuméré. Puis Gérard Morin a répondu aux questions.")
    assert attr(text, "a-t-il énuméré").attrs["source"] == "Gérard Morin"


def test_a_person_named_in_passing_after_the_pronoun_is_not_its_antecedent():
    text = ("Elle porte plainte. « Je n'ai pas été entendue », déplore-t-elle. Les enregistrements ont été "
            "récupérés par la famille de la victime, Edith Morin, comme le prévoit la loi.")
    assert attr(text, "déplore-t-elle").attrs["source"] != "Edith Morin"


def test_some_members_of_a_group_given_by_a_pronoun_are_anonymous():
    text = ("Les manifestants ont crié. « Arrêtez-le » ont lancé certains d'entre eux. "
            "« Non ! », a répondu l'un d'eux.")
    assert quote(text, "Arrêtez-le").attrs["speaker"] == "anonymous"
    assert attr(text, "a répondu").attrs["stype"] == "anonymous"


def test_after_a_quote_of_several_sentences_the_pronoun_looks_before_its_opening_mark():
    text = ("« Nous pouvons nous défendre », a avancé la députée Claire Vasseur. Le 16 mai, la présidente "
            "du parti, Odile Marchand, avait posté un message. « Honte à ces ministres ! Marre, vraiment "
            "marre ! », avait-elle ainsi lancé.")
    assert attr(text, "avait-elle ainsi lancé").attrs["source"] == "Odile Marchand"


def test_a_speaker_is_not_the_person_their_own_words_name():
    text = ("Le maire Paul Girard a parlé de ses liens avec le président de région, Marc Fabre, invité samedi."
            "\n\n« Marc Fabre est un bon président. Il a toute mon amitié », lâche-t-il.")
    assert attr(text, "lâche-t-il").attrs["source"] != "Marc Fabre"


def test_a_group_standing_for_a_side_is_named_without_its_article():
    text = "Les médecins allemands ont annoncé que le patient allait mieux."
    assert attr(text, "ont annoncé").attrs["source"] == "médecins allemands"
