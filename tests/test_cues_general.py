"""Reporting cues found by general rules (issue 16): verbs of speaking with a plain object,
one act of attribution per sentence, content frames (framing.extract.reporting, attribution)."""
from __future__ import annotations

import pytest

from framing.backends.builtin import BuiltinBackend
from framing.extract import attribution, quotes
from framing.resources import default_config, get_resources

RES = get_resources(default_config())


def run(text: str):
    doc = BuiltinBackend().parse(text)
    return attribution.extract(doc, quotes.extract(doc, [], RES), RES)


def cues(text: str) -> list[str]:
    return [s.text for s in run(text) if s.label == "ATTR"]


@pytest.mark.parametrize("text, cue", [
    # a verb of speaking (Verb∋Net speech classes, or the hand lexicon's strict=name) with a named,
    # pronoun or person subject reports an act of saying even with a plain object
    ("Invitée de l'émission, elle raconte ses derniers instants auprès du chanteur.", "raconte"),
    ("La secrétaire d'Etat avait vivement réagi sur RTL aux propos des avocats.", "avait vivement réagi"),
    ("Le ministre a répliqué aux critiques de l'opposition lors des questions au gouvernement.", "a répliqué"),
    ("Avec une amie, la jeune femme s'inquiète toutefois des conséquences de la réforme.", "s'inquiète"),
])
def test_speech_verb_with_a_plain_object(text, cue):
    assert cue in cues(text)


@pytest.mark.parametrize("text", [
    "La ministre a développé un projet de loi sur l'eau.",  # not a speech sense
    "Le président a accordé une aide de dix millions aux agriculteurs.",
])
def test_verbs_with_common_other_senses_need_a_content_frame(text):
    assert cues(text) == []


def test_one_act_of_attribution_after_a_source_preposition():
    text = "Selon les médias d'État, Kim et Shoigu ont réaffirmé leur engagement à maintenir le traité."
    assert cues(text) == ["Selon"]


def test_a_speech_verb_inside_reported_content_is_no_second_act():
    text = "Le porte-parole a déclaré que le ministre avait répondu aux syndicats la veille."
    assert cues(text) == ["a déclaré"]


def test_an_epistemic_idiom_opening_with_selon_is_no_source():
    text = "L'accident qui a selon toute vraisemblance coûté la vie au pilote reste inexpliqué."
    assert cues(text) == []


@pytest.mark.parametrize("text", [
    "Je pense que ces manifestations vont changer beaucoup de choses.",
    "J'espère qu'ils trouveront une solution positive.",
])
def test_first_person_outside_quotation_marks_is_no_attribution(text):
    # (the writer's, or an interview transcript's, own voice: codebook Clarifications)
    assert cues(text) == []


@pytest.mark.parametrize("text, cue", [
    # a name before or inside an apposition is the subject of the verb after the closing comma
    ("Interrogée sur le sujet, la secrétaire d'Etat, Marlène Dupuis, a prudemment répondu aux critiques.",
     "a prudemment répondu"),
    ("Jean Martin, maire de la commune, a raconté la soirée aux enquêteurs.", "a raconté"),
    # an inserted attribution whose subject runs long
    ("Plusieurs habitants ont été légèrement blessés, a indiqué un porte-parole de la brigade des "
     "sapeurs-pompiers de Paris (BSPP).", "a indiqué"),
])
def test_subject_across_an_apposition_or_a_long_inverted_subject(text, cue):
    assert cue in cues(text)


@pytest.mark.parametrize("text, cue", [
    # Verb∋Net judgment-33 verbs that judge in words, and talk-37.5 (parler), with a named subject
    ("Vladimir Poutine a remercié jeudi les Russes de leur soutien.", "a remercié"),
    ("Des années après les faits, il parle d'une vraie scène de lynchage.", "parle"),
])
def test_verbal_judgement_and_talk_verbs(text, cue):
    assert cue in cues(text)


@pytest.mark.parametrize("text", [
    "Il n'y a plus de cours à proprement parler depuis la rentrée de janvier.",
    "Le tribunal a puni les auteurs des dégradations.",  # a deed, not words
    "« Il va mieux, il réagit quand on lui parle », a déclaré son médecin.",
])
def test_not_an_act_of_saying(text):
    assert cues(text) in ([], ["a déclaré"])


@pytest.mark.parametrize("text, cue", [
    # a verb of characterising or perceiving with an object and a predicative "comme"
    ("Il y a quelques jours, l'agence avait présenté les tracts comme des instruments de guerre.",
     "avait présenté"),
    ("Les enseignants mobilisés la vivent comme une remise en cause profonde de leur métier.", "vivent"),
    ("Le rapport a décrit la situation comme catastrophique pour les habitants.", "a décrit"),
])
def test_object_and_predicative_comme_is_a_frame_of_judgement(text, cue):
    assert cue in cues(text)


@pytest.mark.parametrize("text", [
    "Le ministre a présenté son plan de relance mardi.",
    "Le ministre a présenté son plan comme il l'avait promis.",
    "Ils vivent comme avant, loin de la ville.",
    "Nous avons vu les images de la manifestation.",
])
def test_comme_verbs_without_the_frame_are_no_cue(text):
    assert cues(text) == []


def iquotes(text: str) -> list[str]:
    return [s.text for s in run(text) if s.label == "IQUOTE"]


def test_a_statement_after_the_colon_of_a_cue_is_reported_content():
    text = "Les associations dressent un constat sans appel : deux enfants sont tués chaque semaine en France."
    assert iquotes(text) == ["deux enfants sont tués chaque semaine en France"]


def test_an_enumeration_of_names_after_a_colon_is_no_content():
    text = ("Ils sont nombreux à avoir fait savoir leur intention de se présenter : Marie Dupont, Jean Martin, "
            "Paul Durand et Anne Petit.")
    assert all("Marie Dupont" not in s for s in iquotes(text))


@pytest.mark.parametrize("text, cue", [
    ("L'idéologue du Kremlin a eu des mots très durs dimanche soir à la télévision.", "a eu des mots"),
    ("Les agences sanitaires ont un avis unanime sur le glyphosate : correctement utilisé, il ne présente "
     "pas de risque.", "ont un avis"),
])
def test_avoir_with_a_noun_of_saying(text, cue):
    assert cue in cues(text)


def test_existential_il_y_a_holds_no_view():
    assert cues("Il y a des réserves d'eau suffisantes dans la région.") == []


def test_rectified_spelling_without_circumflex_and_coordinated_cues():
    text = "Le suspect nie avoir tué la jeune femme, mais reconnait avoir brûlé son corps."
    assert cues(text) == ["nie", "reconnait"]
    # each IQUOTE covers the content of its own cue only
    assert iquotes(text) == ["avoir tué la jeune femme", "avoir brûlé son corps"]


def test_a_third_person_belief_reported_inside_a_quotation():
    text = "Il a « appelé tous ceux dont il pense qu'ils auront un rôle à jouer », selon le journal."
    assert "pense" in cues(text)


def test_a_first_person_belief_inside_a_quotation_is_the_speaker_s_own():
    text = "« Je pense que nous aurons un rôle à jouer », a déclaré le ministre."
    assert "pense" not in cues(text)


@pytest.mark.parametrize("text, cue", [
    ("Mardi 30 mai, Edouard Martin a défendu son ministre au cœur d'une polémique.", "a défendu"),
    ("Le président propose un pacte au salarié : en échange, l'État allègera la dette de l'entreprise.",
     "propose"),
])
def test_defending_and_proposing_in_words(text, cue):
    assert cue in cues(text)


def test_a_proposal_after_a_colon_is_its_content():
    text = "Le président propose un pacte au salarié : en échange, l'État allègera la dette de l'entreprise."
    assert iquotes(text) == ["en échange, l'État allègera la dette de l'entreprise"]


def test_a_quote_over_a_blank_line_is_one_quote():
    # a blank line between two paragraphs is one paragraph break (codebook: one QUOTE)
    text = ('La réponse a donc fusé : "Lui, il n\'est ni de droite, ni de gauche, il est du fric.\n\n'
            'C\'est pas tout à fait pareil. Moi je suis ni de droite, ni de gauche, du peuple". Puis elle est partie.')
    spans = [s for s in run(text) if s.label == "QUOTE"]
    assert len(spans) == 1 and spans[0].text.startswith('"Lui') and spans[0].text.endswith('peuple"')


def test_an_answer_over_paragraphs_without_repeated_marks_is_one_quote():
    text = ('Q: Quelles leçons tirez-vous de cette pandémie?\n\n'
            'R: "Elle nous enseigne à étudier nos priorités et nous confronte à nos peurs.\n\n'
            'Nous avons appris que nous pouvions vivre avec beaucoup moins de choses.\n\n'
            'Il nous faut y accéder."\n\nQ: Comment ce monde serait-il différent ?')
    spans = [s for s in run(text) if s.label == "QUOTE"]
    assert len(spans) == 1 and spans[0].text.startswith('"Elle') and spans[0].text.endswith('accéder."')


def test_a_stray_opening_mark_is_not_closed_across_another_quote():
    text = ('Il a parlé de "trahison.\n\nLe lendemain, rien.\n\nPuis il a évoqué une "erreur" et un '
            '"malentendu" dans son discours.')
    spans = [s.text for s in run(text) if s.label in ("QUOTE", "HEDGE")]
    assert all(not t.startswith('"trahison') for t in spans)


def test_interview_questions_without_marks_are_verbatim_iquotes():
    text = ('Extraits d\'un entretien accordé à l\'AFP.\n\nQuestion: La pandémie a-t-elle eu une influence '
            'sur votre travail ?\n\nRéponse: "Il me faut du temps pour y voir plus clair."\n\n'
            'Qualité: une notion floue.')
    spans = [s for s in run(text) if s.label == "IQUOTE"]
    assert [s.text for s in spans] == ["La pandémie a-t-elle eu une influence sur votre travail ?"]
    assert spans[0].attrs["verbatim"] == "yes"


def labels(text: str) -> list[tuple[str, str]]:
    return [(s.label, s.text) for s in run(text) if s.label in ("QUOTE", "HEDGE")]


def test_short_marked_words_in_the_first_person_are_someone_s_words():
    text = 'Drame dans les Pyrénées-Orientales. "J\'ai tout de suite compris" Ce jeudi-là, il était au travail.'
    assert ("QUOTE", '"J\'ai tout de suite compris"') in labels(text)


def test_a_name_after_a_verb_of_naming_is_no_quote():
    text = 'Celle que l\'on surnomme "Mamie Rock" évoque ses relations passées avec le chanteur.'
    assert labels(text) == []


def test_the_noun_appel_is_no_verb_of_naming():
    from framing.extract.quotes import _after_naming_verb
    text = 'Ils ont lancé un appel "à cesser les combats" et ce qu\'ils appellent "la paix des braves".'
    assert not _after_naming_verb(text, text.index('"à'))
    assert _after_naming_verb(text, text.index('"la'))


@pytest.mark.parametrize("text", [
    "Le diagnostic de Covid-19 a été confirmé par la suite, ainsi que des problèmes cardiaques.",
    'L\'inscription "était un raciste" avait été ajoutée sous son nom sur la statue.',
    "Le Premier ministre s'est montré très confiant sur sa candidature.",
])
def test_adverbial_par_compound_passive_and_adjectival_participle_are_no_cue(text):
    assert cues(text) == []


def test_a_compound_passive_with_its_agent_is_a_cue():
    assert cues("Ces chiffres ont été confirmés par le ministère de l'Intérieur.") == ["ont été confirmés par"]


@pytest.mark.parametrize("text, content", [
    # the object of an object verb may open with a quotation mark
    ("L'ambassade a dénoncé « l'impudeur absolue » de la cohorte d'élus français en visite en Crimée.",
     "« l'impudeur absolue » de la cohorte d'élus français en visite en Crimée"),
    # évoquer, mentionner: what is evoked or mentioned is the content
    ("Le porte-parole du gouvernement évoque une discussion au moment de la réforme des retraites.",
     "une discussion au moment de la réforme des retraites"),
])
def test_object_content(text, content):
    assert content in iquotes(text)


def test_quotations_joined_by_a_conjunction_cover_the_content():
    text = ('Le secrétaire d\'État a également évoqué un « jour historique » et un « pas décisif vers la paix '
            'au Moyen-Orient ».')
    assert iquotes(text) == []
    assert [s.attrs.get("mixed") for s in run(text) if s.label == "QUOTE"] == ["yes", "yes"]


def test_a_concessive_clause_after_a_source_is_no_content():
    text = "Le glyphosate incarne le mal aux yeux de ses détracteurs, bien que la science démente ses méfaits."
    assert all(not s.startswith("bien que") for s in iquotes(text))


def test_a_leading_selon_is_not_part_of_the_content_of_an_incise():
    text = ("Selon les avocats de la famille, le cousin en veut à la justice, ont-ils affirmé en fin "
            "d'après-midi.")
    assert "le cousin en veut à la justice" in iquotes(text)


@pytest.mark.parametrize("text, cue", [
    # speech reported inside a quotation, framed by a single quotation mark or a colon
    ("« Un monsieur derrière moi a dit 'il y a eu un accident entre un train et un bus', et j'ai compris »,"
     " raconte-t-elle.", "a dit"),
    ("« Elle a pris Murielle par les épaules en lui demandant : 'Qu'est-ce que tu as dit ?' », se souvient"
     " le cousin.", "en lui demandant"),
])
def test_speech_reported_inside_a_quotation(text, cue):
    assert cue in cues(text)


@pytest.mark.parametrize("text, cue", [
    ("Elle a d'abord nié, en soutenant que les gendarmes avaient fait pression sur elle.", "en soutenant"),
    ("Le juge a clos l'audience en concluant que les faits étaient prescrits.", "en concluant"),
])
def test_gerunds_of_irregular_verbs(text, cue):
    assert cue in cues(text)


def test_an_adjective_in_ant_is_no_gerund():
    assert cues("Je vous suis très reconnaissant de votre aide.") == []


def test_a_noun_of_saying_after_a_possessive_with_its_content():
    text = "L'ancien Premier ministre a tout fait pour justifier sa proposition de supprimer cet article."
    assert "proposition" in cues(text)
    assert "proposition" not in cues("Sa proposition a été rejetée par les députés.")  # no content


def test_a_noun_derived_from_a_reporting_verb_after_a_possessive_with_its_content():
    # réclamation <- réclamer (suffix derivation), not in the lexicon of nouns
    text = "Les syndicats ont maintenu leur réclamation de voir les salaires augmenter."
    assert "réclamation" in cues(text)
    assert "réclamation" not in cues("La réclamation a été classée sans suite.")


@pytest.mark.parametrize("text, cue, source", [
    # codebook Clarifications: "à ses yeux", "de leur point de vue" are like "pour X,": HEDGE source + ATTR
    ("La ministre Marie Dupont a été entendue. À ses yeux, la réforme est une erreur historique.",
     "À ses yeux", "Marie Dupont"),
    ("Les syndicats CGT et FO ont manifesté. De leur point de vue, la réforme est une erreur.",
     "De leur point de vue", "syndicats CGT et FO"),
])
def test_possessive_source_phrases(text, cue, source):
    from framing.extract import hedges
    attrs = {s.text: s.attrs["source"] for s in run(text) if s.label == "ATTR"}
    assert attrs.get(cue) == source
    doc = BuiltinBackend().parse(text)
    assert (cue, "source") in [(h.text, h.attrs.get("type")) for h in hedges.extract(doc, [], RES)]


def test_de_source_is_a_hedge_and_the_attribution_goes_on_the_verb():
    # codebook Clarifications: "de source(s) X" is a HEDGE source; the ATTR is the verb
    assert cues("Le ministère a indiqué de source sûre que le convoi était arrivé.") == ["a indiqué"]


def test_inserted_attribution_with_a_possessive_subject_and_infinitive_frame_inside_the_quote():
    text = ('L\'informaticien, placé en garde à vue depuis lundi, "a reconnu avoir tué son épouse, mais il a '
            'dit que c\'était un accident", ont indiqué ses avocats Ornella Dupré et Paul Martin.')
    found = cues(text)
    assert "ont indiqué" in found and "a reconnu" in found
    assert any(s.startswith("L'informaticien") for s in iquotes(text))


def test_a_possessive_object_is_no_inverted_subject():
    assert "ont promis" not in cues("Les voisins étaient là, ont promis leur assistance.")


def test_a_gerund_shares_the_named_subject_of_its_sentence():
    text = "La compagnie Delta Airlines a publié un communiqué en condamnant la réaction de l'employé."
    assert "en condamnant" in cues(text)
    assert "en condamnant" not in cues("Il faut avancer en condamnant la violence.")


def test_an_adverbial_between_an_inserted_verb_and_its_subject():
    text = "« Il faut des preuves pour interdire », dit en substance le texte de l'agence."
    assert "dit" in cues(text)


@pytest.mark.parametrize("text, cue", [
    ("Interrogée, cette université a très vite démenti.", "a très vite démenti"),
    ("L'agence américaine maintient qu'il n'y a pas de risque pour la santé.", "maintient"),
])
def test_degree_and_time_adverbs_inside_the_cue_and_maintenir_que(text, cue):
    assert cue in cues(text)


def test_maintenir_without_a_content_frame_is_no_cue():
    assert cues("La banque centrale maintient ses taux directeurs.") == []


def test_content_after_de_and_before_a_second_coordinated_act():
    text = ("L'UE a en effet évoqué une sanction très sévère et Berlin a même indiqué ne pas exclure le gel "
            "du projet.")
    assert iquotes(text) == ["une sanction très sévère", "ne pas exclure le gel du projet"]
    assert iquotes("Des années après, il parle d'une vraie scène de lynchage avec des gifles.") == [
        "une vraie scène de lynchage avec des gifles"]


def test_presenter_comme_reports_its_object():
    text = "Il y a quelques jours, l'agence avait présenté les tracts comme des instruments de guerre."
    assert iquotes(text) == ["les tracts comme des instruments de guerre"]


@pytest.mark.parametrize("text, label", [
    # a quoted predicate (a finite verb or a negation first) is someone's words, not a scare quote
    ("Le président « veut en finir » avec les régimes spéciaux des cheminots.", "QUOTE"),
    ("Pour beaucoup d'élus, le gouvernement « n'a rien compris » à la colère des campagnes.", "QUOTE"),
    ("Hormis la « remise à zéro » des mandats, la réforme change peu de choses.", "HEDGE"),
])
def test_quoted_predicates_are_partial_quotes(text, label):
    assert [lab for lab, _ in labels(text)] == [label]


def test_an_inserted_attribution_with_a_manner_phrase_before_its_subject():
    text = "« Il y a eu un accident entre un train et un bus scolaire », se souvient avec douleur cette mère."
    assert cues(text) == ["se souvient"]


@pytest.mark.parametrize("text, cue", [
    # "À" typed without its accent at the start of a sentence is still the preposition
    ("A en croire le quotidien régional, le maire serait un homme généreux.", "A en croire"),
    # the elided "auprès d'" frames the source like "auprès de"
    ("Les secours sont intervenus dans la nuit, a-t-on appris auprès d'une source policière.",
     "a-t-on appris auprès d'"),
    # "faire état de" reports what someone mentions
    ("Le préfet a fait état de douze blessés légers.", "a fait état"),
    # a postposed named subject between the verb and its source particle
    ("Le maire sera entendu jeudi, a appris l'AFP de source judiciaire.", "a appris l'AFP de source"),
    # "s'engager à" + infinitive is a promise, a commissive act of saying
    ("La directrice s'est engagée à rembourser les frais engagés.", "s'est engagée"),
])
def test_accent_elision_and_reporting_idioms(text, cue):
    assert cue in cues(text)


def test_capital_a_verb_is_not_a_source_preposition():
    assert cues("A Lyon, la maire a dit qu'elle resterait.") == ["a dit"]


def test_engaging_without_content_is_no_promise():
    assert cues("Le jeune homme s'est engagé dans l'armée à vingt ans.") == []


@pytest.mark.parametrize("text", [
    "Selon les critères du palmarès, le collège arrive en tête du département.",
    "Le sondage a été réalisé en ligne selon la méthode des quotas.",
])
def test_selon_a_norm_states_conformity_not_a_source(text):
    assert cues(text) == []


def test_selon_a_person_is_still_a_source():
    assert cues("Selon la ministre, la réforme sera votée en mai.") == ["Selon"]


def test_an_re_infinitive_outside_the_list_is_read_by_its_conjugation_class():
    from framing import analyze

    text = ("La réunion s'est tenue mardi en présence des élus. "
            "Le président a menacé d'interdire la plateforme aux mineurs.")
    spans = analyze(text).spans
    assert [s.text for s in spans if s.label == "ATTR"] == ["a menacé"]
    assert [s.text for s in spans if s.label == "IQUOTE"] == ["interdire la plateforme aux mineurs"]


def test_an_adjective_with_a_conjugation_class_ending_is_no_infinitive():
    from framing.grammar import is_infinitive

    doc = BuiltinBackend().parse("Elle refuse de rejoindre le moindre comité.")
    assert {t.text: is_infinitive(t) for t in doc.tokens if t.text in ("rejoindre", "moindre")} == {
        "rejoindre": True, "moindre": False}


@pytest.mark.parametrize("sentence,cue,content", [
    ("Il craint aussi que les clients ne reviennent pas avant l'été.", "craint", None),  # fear: no IQUOTE
    ("L'évêque a demandé aux paroissiens de couper leurs téléphones pendant la messe.", "a demandé",
     "couper leurs téléphones pendant la messe"),
])
def test_present_like_participles_and_requests_to_someone(sentence, cue, content):
    from framing import analyze

    spans = analyze("La réunion s'est tenue mardi en présence des élus. " + sentence).spans
    assert [s.text for s in spans if s.label == "ATTR"] == [cue]
    assert [s.text for s in spans if s.label == "IQUOTE"] == ([content] if content else [])


def test_a_nouns_complement_is_no_request():
    from framing import analyze

    spans = analyze("La réunion s'est tenue mardi en présence des élus. "
                    "Elle explique son envie de partir par la lassitude du métier.").spans
    assert not [s for s in spans if s.label == "IQUOTE"]


@pytest.mark.parametrize("sentence", [
    "Le public est conquis : « C'est superbe », « quelle émotion », commentent des spectateurs.",
    "Le préfet a promis « une riposte très rapide » après les dégradations du week-end.",
])
def test_quotations_that_carry_the_whole_content_make_no_iquote(sentence):
    from framing import analyze

    spans = analyze("La réunion s'est tenue mardi en présence des élus. " + sentence).spans
    assert [s.label for s in spans if s.label == "ATTR"] == ["ATTR"]
    assert not [s for s in spans if s.label == "IQUOTE"]


def test_what_a_speaker_says_of_themself_is_the_content():
    from framing import analyze

    spans = analyze("La réunion s'est tenue mardi en présence des élus. "
                    "Le directeur s'est dit « très inquiet » de la baisse des inscriptions.").spans
    assert [s.text for s in spans if s.label == "IQUOTE"] == ["« très inquiet » de la baisse des inscriptions"]


def test_a_source_phrase_cutting_a_subordinate_clause_hands_on_no_content():
    from framing import analyze

    spans = analyze("La réunion s'est tenue mardi en présence des élus. Alors qu'ils risquent, selon le code "
                    "pénal, dix ans de prison, les deux gérants ont plaidé non coupables.").spans
    assert [s.text for s in spans if s.label == "ATTR"] == ["selon"]
    assert not [s for s in spans if s.label == "IQUOTE"]


@pytest.mark.parametrize("sentence,content", [
    ("Le maire promet des travaux pour « protéger » le centre historique.",
     ["des travaux pour « protéger » le centre historique"]),
    ("Le candidat a appelé des militants déçus aux législatives.", []),
])
def test_an_indefinite_object_is_content_unless_it_names_people(sentence, content):
    from framing import analyze

    spans = analyze("La réunion s'est tenue mardi en présence des élus. " + sentence).spans
    assert [s.text for s in spans if s.label == "IQUOTE"] == content


def test_a_fronted_participles_content_ends_before_the_main_clause():
    from framing import analyze

    spans = analyze("La réunion s'est tenue mardi en présence des élus. "
                    "Estimant que la réforme est injuste, les syndicats ont appelé à la grève.").spans
    assert [s.text for s in spans if s.label == "IQUOTE"] == ["la réforme est injuste"]


@pytest.mark.parametrize("sentence,cue", [
    ("Le gouvernement a rejeté toute responsabilité dans l'incident.", "a rejeté"),
    ("Le syndicat exige une sanction exemplaire contre les agresseurs.", "exige"),
])
def test_a_definite_organisation_subject_licenses_a_strict_verb(sentence, cue):
    from framing import analyze

    spans = analyze("La réunion s'est tenue mardi en présence des élus. " + sentence).spans
    assert [s.text for s in spans if s.label == "ATTR"] == [cue]


def test_a_thing_subject_still_does_not():
    from framing import analyze

    spans = analyze("La réunion s'est tenue mardi en présence des élus. Le poste exige une grande disponibilité.").spans
    assert not [s for s in spans if s.label == "ATTR"]


def test_a_verb_of_saying_inside_a_title_is_no_attribution():
    from framing import analyze

    spans = analyze("La réunion s'est tenue mardi en présence des élus. Dans son livre « Ce que je voulais "
                    "vous dire », paru chez un grand éditeur, l'ancienne ministre revient sur sa carrière.").spans
    assert not [s for s in spans if s.label == "ATTR"]


def test_a_quotation_followed_by_an_inverted_verb_without_comma_gives_no_object_content():
    # web copy often drops the comma: « … » a regretté le président — the noun phrase is the subject
    from framing import analyze

    text = "« Ce n'est pas une salle de spectacle ici » a regretté le président du conseil municipal."
    spans = analyze(text).spans
    assert not [s for s in spans if s.label == "IQUOTE"]
    (attr,) = [s for s in spans if s.label == "ATTR"]
    assert attr.attrs["source"] == "le président du conseil municipal"


def test_marked_words_closing_a_subject_keep_the_verb_content():
    from framing import analyze

    text = "Le porte-parole « écologiste » a également déploré l'absence de concertation avec les riverains."
    iq = [s for s in analyze(text).spans if s.label == "IQUOTE"]
    assert [text[s.start:s.end] for s in iq] == ["l'absence de concertation avec les riverains"]
