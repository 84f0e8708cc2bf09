"""Attribution cues, sources, speakers and indirect speech (framing.extract.attribution)."""
from __future__ import annotations

import pytest

from framing.backends.builtin import BuiltinBackend
from framing.cruft import find_cruft
from framing.extract import attribution, quotes
from framing.features import FeatureContext
from framing.resources import default_config, get_resources

from conftest import needs_shared

RES = get_resources(default_config())


def run(text: str):
    doc = BuiltinBackend().parse(text)
    spans = quotes.extract(doc, [], RES)
    return attribution.extract(doc, spans, RES)


def labelled(text: str, label: str):
    return [s for s in run(text) if s.label == label]


# --- sources of reporting verbs ------------------------------------------------

SOURCES = [
    # (text, cue, source, stype)
    ("Sabrina Singh, porte-parole du Pentagone, a révélé que les forces sont en Russie.",
     "a révélé", "Sabrina Singh", "person"),
    ("Le président ukrainien Volodymyr Zelensky a déclaré que la situation est grave.",
     "a déclaré", "Volodymyr Zelensky", "person"),
    ("Le vice-ministre russe des Affaires étrangères, Andrei Rudenko, a déclaré aux médias russes que "
     "les gouvernements discutaient.", "a déclaré", "Andrei Rudenko", "person"),
    ("Lors d'une réunion samedi, Valery Gerasimov, chef d'état-major des forces armées, a informé Poutine "
     "de la retraite.", "a informé", "Valery Gerasimov", "person"),
    ("Des sources affirment que ces soldats représentent la prochaine phase.", "affirment", "Des sources",
     "anonymous"),
    ("Mais les observateurs disent qu'ils sont devenus des cibles faciles.", "disent", "les observateurs",
     "anonymous"),
    ("Plus tard, le New York Times a rapporté que Moscou préparait une contre-offensive.", "a rapporté",
     "New York Times", "media"),
    ("En octobre, les services de renseignement américains ont confirmé que 12 000 soldats étaient arrivés.",
     "ont confirmé", "services de renseignement américains", "institution"),
    ("Ces dernières semaines, les services de renseignements de plusieurs pays ont affirmé que Kim avait "
     "envoyé des unités.", "ont affirmé", "services de renseignements de plusieurs pays", "anonymous"),
    ("Ce mouvement, confirmé par le renseignement américain, montre l'influence de Kim.", "confirmé par",
     "renseignement américain", "institution"),
    ("Selon le ministère français des Armées, l'armée ukrainienne est en difficulté.", "Selon",
     "ministère français des Armées", "institution"),
    ("Le transport prendrait plus d'un mois, selon l'analyste militaire Ruslan Leviev.", "selon",
     "Ruslan Leviev", "expert"),
    ("Pour l'Institut pour l'étude de la guerre, un groupe de réflexion basé à Washington, les manœuvres "
     "posent des défis.", "Pour", "Institut pour l'étude de la guerre", "expert"),
    ("Selon nos informations, le convoi est arrivé lundi.", "Selon", "nos informations", "anonymous"),
    ("Moscou félicite les soldats nord-coréens.", "félicite", "Moscou", "institution"),
    ("Les Ukrainiens, les sud-Coréens et les occidentaux avaient dénoncé l'envoi d'un contingent.",
     "avaient dénoncé", "Ukrainiens, les sud-Coréens et les occidentaux", "institution"),
    # relative clauses: the antecedent of "qui"
    ("Des formulations larges inquiètent les opposants au texte qui craignent qu'elles servent à surveiller.",
     # (an unnamed group of people is anonymous and keeps its wording, as the blind golds
     # annotate "les opposants au glyphosate": codebook, Clarifications)
     "craignent", "les opposants au texte", "anonymous"),
    ("Cette affaire avait entraîné des sanctions contre la Russie, qui avait nié toute implication.",
     "avait nié", "Russie", "institution"),
    # a gerund with no earlier cue: the subject opening the sentence
    ("Le gouvernement se défend de toute similarité avec la NSA, arguant que les données ne seront pas gardées.",
     "arguant", "Le gouvernement", "institution"),  # a lone common noun keeps its article (gold: "le témoin")
    # an -er adjective ("étrangères") is no verb ending the phrase of an inverted subject
    # (an unnamed individual is anonymous, in the text's words: codebook, Clarifications)
    ("Un troisième Français a été tué, a déclaré jeudi le ministre des Affaires étrangères.",
     "a déclaré", "le ministre des Affaires étrangères", "anonymous"),
    # a proper name closing a described phrase is the canonical source
    ("Des ballons sont prêts, a indiqué l'agence officielle nord-coréenne KCNA.", "a indiqué", "KCNA", "media"),
    ("Le vote est valide, selon l'agence russe Ria Novosti.", "selon", "Ria Novosti", "media"),
    # a full name in apposition after an inverted role subject
    ("« Nous confirmons l'essai », a déclaré le ministre japonais des Affaires étrangères, Taro Kono.",
     "a déclaré", "Taro Kono", "person"),
    # a present participle ends the source phrase
    ("Les médecins allemands soignant l'opposant ont annoncé qu'il avait été empoisonné.", "ont annoncé",
     "médecins allemands", "institution"),  # (a group standing for a side: no article, as the gold)
    # a capitalised name followed by a role apposition is a person (here an expert)
    ("Pour Leif-Eric Easley, professeur à l'université Ewha, la Corée du Nord a entamé un cycle de provocations.",
     "Pour", "Leif-Eric Easley", "expert"),
]


@pytest.mark.parametrize("text,cue,source,stype", SOURCES)
def test_attr_source(text, cue, source, stype):
    attrs = {a.text: a for a in labelled(text, "ATTR")}
    assert cue in attrs, list(attrs)
    a = attrs[cue]
    assert a.attrs["source"].replace("’", "'") == source
    assert a.attrs["stype"] == stype
    s, e = a.attrs["source_span"]
    assert source.split()[-1].replace("’", "'") in text[s:e].replace("’", "'")


STANCES = [
    ("a déclaré", "neutral"), ("a indiqué", "neutral"), ("a expliqué", "neutral"), ("a ajouté", "neutral"),
    ("a précisé", "neutral"), ("a affirmé", "distancing"), ("a prétendu", "distancing"),
    ("a assuré", "distancing"), ("a martelé", "distancing"), ("a allégué", "distancing"),
    ("a admis", "conceding"), ("a reconnu", "conceding"), ("a concédé", "conceding"),
    ("a révélé", "asserting"), ("a confirmé", "asserting"), ("a souligné", "asserting"),
    ("a nié", "disputing"), ("a démenti", "disputing"), ("a contesté", "disputing"),
]


@pytest.mark.parametrize("verb,stance", STANCES)
def test_verb_stance(verb, stance):
    text = f"Le porte-parole Dmitri Peskov {verb} que les troupes étaient arrivées."
    (a,) = labelled(text, "ATTR")
    assert a.text == verb
    assert a.attrs["verb_stance"] == stance
    assert a.attrs["source"] == "Dmitri Peskov"
    (iq,) = labelled(text, "IQUOTE")
    assert iq.text == "les troupes étaient arrivées"


def test_participles_and_inflections():
    text = ("Le président ukrainien Volodymyr Zelensky a exprimé de vives inquiétudes, avertissant que cette "
            "alliance constitue une escalade.")
    attrs = {a.text: a for a in labelled(text, "ATTR")}
    assert attrs["avertissant"].attrs["source"] == "Volodymyr Zelensky"
    assert [s.text for s in labelled(text, "IQUOTE")] == ["cette alliance constitue une escalade"]


NOT_REPORTING = [
    "C'est-à-dire des millions d'obus.",
    "Cela veut dire que la guerre continue.",
    "Comme je l'ai dit, ce contingent n'a pas changé le cours de la guerre.",
    "Cette alliance s'ajoute au traité que Vladimir Poutine a signé avec l'Iran.",
    "La déclaration nord-coréenne n'a pas dit combien de soldats ont été envoyés.",
    "On peut penser que les Russes ont manqué d'hommes.",
    "Il faut assurer la sécurité des civils.",
    "Si elle est confirmée, la victoire de la Russie priverait l'Ukraine d'un levier.",
    "Il a ajouté du sel dans la soupe.",
    "Poutine déclare un cessez-le-feu.",
    "Les avocats préparent le jour d'après (le port de la robe sera souhaité).",
    "Anticor a porté plainte contre X.",
    "Et que dire de ces prisons ?",
    "Interrogé par l'AFP, le ministre a refusé de commenter.",
    "Les prétendus experts se trompent.",
    "Des craintes que la Russie récompense la Corée du Nord.",
    # an infinitive or an object + infinitive after an intention verb or a noun is no report
    "Ces déserteurs ont contacté le gouvernement, espérant servir d'interprètes.",
    "Environ 400 Français ont demandé à être rapatriés.",
    "Kim et Shoigu ont réaffirmé leur engagement à maintenir le traité.",
    "Les soldats, dont beaucoup ont des antécédents militaires, ont promis leur assistance à l'Ukraine.",
    "Il doutait de la volonté de Poutine de mettre fin à la guerre.",
    # "Pour" + a circumstance, and infinitives that are complements
    "Pour la première fois, le ministre a parlé.",
    "Pour les besoins de l'enquête, la police a fermé la rue.",
    "Le travail consiste à écrire des choses que l'on regrettera.",
    "Je serais en train de clamer que tout va bien.",
    "Il est impossible de démontrer qu'il ne l'est pas.",
    "Le pays doit prendre des mesures pour traiter et prendre soin de préférence des malades.",
]

# strict verbs licensed by more than a que-clause (cue, source)
LICENSED = [
    ("Selon Berlin, les médecins disent avoir trouvé les traces d'un poison.", "disent", "les médecins"),
    ("Les pigistes pensaient avoir été recrutés par un site indépendant.", "pensaient", "Les pigistes"),
    ("Certains experts soupçonnent Pyongyang de chercher à créer une crise.", "soupçonnent", "Certains experts"),
    ("Elle a aussi menacé de renforcer sa présence militaire et certains experts la soupçonnent de chercher "
     "une crise.", "soupçonnent", "certains experts"),
    ("A chaque fois Moscou a rejeté toute responsabilité.", "a rejeté", "Moscou"),
    ("Le Kremlin a jugé prématurées ces conclusions.", "a jugé", "Kremlin"),
    ("L'UE a en effet évoqué de possibles sanctions et Berlin a même indiqué ne pas exclure le gel du projet.",
     "a en effet évoqué", "UE"),
    ("L'UE a en effet évoqué de possibles sanctions et Berlin a même indiqué ne pas exclure le gel du projet.",
     "a même indiqué", "Berlin"),
    ("Il a par ailleurs qualifié de rumeur sans fondement les accusations d'opposants.", "a par ailleurs qualifié",
     None),
    ("La présidente de la commission, Ella Pamfilova, a pour sa part jugé qu'il n'y a aucun doute.",
     "a pour sa part jugé", "Ella Pamfilova"),
    ("Des barrages sont installés le long de la frontière, rapporte lundi l'agence sud-coréenne Yonhap.",
     "rapporte", "Yonhap"),
    ("« Seuls 125 soldats sont actifs sur 900 déployés », ajoute ces documents.", "ajoute", "ces documents"),
    ("Les pays occidentaux ont pressé jeudi la Russie d'enquêter sur l'empoisonnement.", "ont pressé",
     "Les pays occidentaux"),
    ("Mike Pompeo a réaffirmé que Washington et ses alliés étaient unis.", "a réaffirmé", "Mike Pompeo"),
    ("Il est accusé d'avoir diffusé des informations classées.", "est accusé", "unknown"),
    # a present tense simplemma reads as a noun ("estime", "juge"): the -er verb is tried too
    ("Washington estime désormais que la Russie est responsable.", "estime", "Washington"),
    ("Le juge estime que la Russie est responsable.", "estime", "Le juge"),
    ("La commission pourra saisir le Conseil d'Etat si elle estime que la loi n'est pas respectée.", "estime",
     None),
    ("Le public est submergé par une infodémie, comme prévenait l'OMS début mars 2020.", "prévenait", "OMS"),
    ("La Russie dispose de S-400, relève l'expert Vassili Kachine.", "relève", "Vassili Kachine"),
    ("« Des ballons sont prêts », a indiqué KCNA qui mentionne aussi d'autres moyens.", "mentionne", "KCNA"),
    ("Des haut-parleurs sont installés, rapporte l'agence Yonhap en citant l'état-major interarmes.",
     "en citant", "Yonhap"),
    ("Un scrutin qualifié de « mensonge » par l'opposition.", "qualifié de « mensonge » par", "l'opposition"),
    ("Le Kremlin a salué un soutien élevé et estimé que ces changements étaient nécessaires.", "estimé",
     "Kremlin"),
    ("Navalny a qualifié ce vote de mensonge, appelant ses partisans à se mobiliser.", "appelant", "Navalny"),
    # a long apposition between the name and "qui"
    ("Cette démolition concrétise les menaces de Kim Yo Jong, la puissante cadette du dirigeant nord-coréen "
     "Kim Jong Un, qui avait menacé ce week-end de réduire en ruines cette institution.", "avait menacé",
     "Kim Yo Jong"),
    # an inserted "verbe-t-il" inside the quotation marks
    ("« C'est la fin de l'université publique, affirme-t-elle. Je crois en une université ouverte. »",
     "affirme-t-elle", None),
    ("« Je suis très inquiet pour mon avenir, glisse-t-il lorsqu'on le croise devant la fac. »", "glisse-t-il",
     None),
    # "Pour" + people, after a linking adverb too
    ("Pour ses opposants, le fait que le glyphosate soit partout est une preuve.", "Pour", "ses opposants"),
    ("Cependant, pour les auteurs, le ministre de la Santé a tort.", "pour", "les auteurs"),
    # "de + infinitive" after a verb may report ("n'a de cesse de vanter")
    ("Vladimir Poutine n'a de cesse de vanter le développement d'armes « invincibles ».", "vanter", None),
    # name-calling: "traiter/qualifier X de Y"
    ("On traite les juges de nazis, ce qui est exagéré.", "traite", None),
    # "ne pas exclure" reports a stance; the negation is part of the cue
    ("Malgré des nouvelles encourageantes, ses médecins n'excluent pas qu'il porte des séquelles.",
     "n'excluent pas", "ses médecins"),
]


@pytest.mark.parametrize("text", [
    "Face à cette nouvelle menace, une question demeure.",
    "Le juge a rendu sa décision.",
    "François Hollande avait prévu par avance une réunion.",
    "De son côté, le ministre lance l'opération « un tuba pour intuber » dans les hôpitaux.",
])
def test_noun_reading_of_a_verb_form_is_no_cue(text):
    assert labelled(text, "ATTR") == []


def test_indefinite_article_opens_a_subject():
    # "des" is an article here, not the preposition that rules out "de centre-gauche"
    text = "Les combats continuent, mais des responsables ont affirmé que le front tenait."
    assert {a.text: a.attrs["source"] for a in labelled(text, "ATTR")} == {"ont affirmé": "des responsables"}


def test_prepositional_phrase_is_no_subject():
    text = ("Selon ce document, les articles qui attaquaient aussi bien les politiques de droite que de "
            "centre-gauche révèlent « une tentative d'attirer un public ».")
    sources = {a.text: a.attrs["source"] for a in labelled(text, "ATTR")}
    assert sources.get("révèlent") != "centre-gauche"


def test_woven_quote_before_a_passive_participle_is_the_earlier_speakers():
    text = ("La Russie a protesté mercredi contre « les accusations infondées » lancées par l'Allemagne "
            "autour de l'empoisonnement de l'opposant Alexeï Navalny.")
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Russie"
    attrs = {a.text: a.attrs["source"] for a in labelled(text, "ATTR")}
    assert attrs == {"a protesté": "Russie", "lancées par": "Allemagne"}


@pytest.mark.parametrize("text,cue,source", LICENSED)
def test_strict_verbs_licensed(text, cue, source):
    attrs = {a.text: a for a in labelled(text, "ATTR")}
    assert cue in attrs, list(attrs)
    if source is not None:
        assert attrs[cue].attrs["source"] == source


def test_infinitive_complement_is_reported_content():
    text = "Facebook a annoncé mardi avoir retiré un petit réseau de 13 comptes."
    (iq,) = labelled(text, "IQUOTE")
    assert iq.text == "avoir retiré un petit réseau de 13 comptes"


def test_strict_level_is_validated(tmp_path):
    from framing.lexicons import LexiconError
    from framing.extract.reporting import ReportingLexicon

    (tmp_path / "reporting_verbs.tsv").write_text(
        "# name: reporting_verbs\n# source: test\n# license: CC0-1.0\n# version: 1\n"
        "# columns: term\tverb_stance\tiquote\tstrict\tparticiple\tmatch\n"
        "chuchoter\tneutral\tque\tsometimes\t\tlemma\n", encoding="utf-8")
    res = get_resources(default_config(lexicon_dirs=[tmp_path]))
    with pytest.raises(LexiconError, match="strict must be one of"):
        ReportingLexicon(res)


@pytest.mark.parametrize("text", NOT_REPORTING)
def test_not_reporting(text):
    assert labelled(text, "ATTR") == []
    assert labelled(text, "IQUOTE") == []


def test_belief_verbs_get_attr_but_no_iquote():
    text = "La Corée du Sud, les États-Unis et leurs partenaires craignent que la Russie récompense Pyongyang."
    assert [a.text for a in labelled(text, "ATTR")] == ["craignent"]
    assert labelled(text, "IQUOTE") == []


# --- speakers of quotes ----------------------------------------------------------

SPEAKERS = [
    # (text, quote start, speaker)
    ("Volodymyr Zelensky a exprimé ses inquiétudes. « Ce n’est pas une alliance ordinaire », a-t-il déclaré.",
     "« Ce n’est", "Volodymyr Zelensky"),
    ("Mike Pompeo était à Berlin. \"Ce n'est pas bon pour le peuple russe\", a déclaré mercredi M. Pompeo.",
     '"Ce n', "Mike Pompeo"),
    ("Kim Jong Un a inspecté une usine. “Ceux qui se sont battus sont des héros”, a déclaré Kim.",
     "“Ceux", "Kim Jong Un"),
    ("\"L'Ukraine a perdu 26 de ses fils\", a déclaré sur Facebook Volodymyr Zelensky.", '"L', "Volodymyr Zelensky"),
    ("Ahn Chan-il, un déserteur, a déclaré : “Nous comprenons mieux que quiconque la culture militaire.”",
     "“Nous", "Ahn Chan-il"),
    ("Le fondateur Ruslan Leviev explique que le chef du Kremlin «veut chasser les Ukrainiens de Koursk».",
     "«veut", "Ruslan Leviev"),
    ("Zelensky : « Nous ne céderons rien à Moscou »", "« Nous", "Zelensky"),
    ("« Nous ne céderons rien », selon Dmitri Kouleba.", "« Nous", "Dmitri Kouleba"),
    ("« Il faut agir vite. »", "« Il faut", "unknown"),
    # an anaphoric description and "celui qui" resolve to the person opening an earlier sentence
    ("Dmitry Kiselev a eu des mots durs contre François Hollande. Ce proche du président russe a ajouté : "
     "\"Il a peut-être oublié.\"", '"Il a', "Dmitry Kiselev"),
    ("Dmitry Kiselev a eu des mots durs contre François Hollande.\n\"La Syrie ne le préoccupe pas\" a encore "
     "asséné celui qui dirige l'agence Rossia Segodnia.", '"La Syrie', "Dmitry Kiselev"),
    ("Il a ensuite ajouté : « Nous ne céderons jamais. »", "« Nous", "unknown"),
    ("Marie-Pierre ne fait plus cours. Elle affirme « J’ai réorganisé le cours avec les étudiants »", "« J’ai",
     "Marie-Pierre"),
    ("Antoine, 32 ans, nous le raconte : « Je suis très inquiet pour mon avenir. »", "« Je", "Antoine"),
    ("\"Compte tenu des circonstances, explique la police locale, la section anti-terroriste va mener "
     "l'enquête.\"", '"Compte', "police locale"),
]


@pytest.mark.parametrize("text,quote_start,speaker", SPEAKERS)
def test_quote_speaker(text, quote_start, speaker):
    qs = [q for q in labelled(text, "QUOTE") if q.text.startswith(quote_start)]
    assert qs, [q.text for q in labelled(text, "QUOTE")]
    assert qs[0].attrs["speaker"] == speaker
    if speaker != "unknown":
        s, e = qs[0].attrs["speaker_span"]
        assert text[s:e]


def test_name_line_under_quote():
    text = ("Le Kremlin envoie des troupes.\n\n"
            "«Jusqu'à présent, la contre-offensive russe est restée infructueuse»\n"
            "L'analyste militaire Ruslan Leviev\n\n"
            "«Peu importe la modernité de tes munitions.»\n"
            "Ruslan Leviev\n")
    qs = labelled(text, "QUOTE")
    assert [q.attrs["speaker"] for q in qs] == ["Ruslan Leviev", "Ruslan Leviev"]
    attrs = labelled(text, "ATTR")
    assert [a.text for a in attrs] == ["L'analyste militaire Ruslan Leviev", "Ruslan Leviev"]
    assert all(a.attrs["stype"] == "expert" for a in attrs)


def test_quote_paragraph_after_attributed_paragraph():
    text = ("Ruslan Leviev rappelle également que la Corée du Nord a envoyé des munitions.\n\n"
            "«Peu importe la modernité de tes munitions. Si tu en as mille, tu es désavantagé.»\n")
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "Ruslan Leviev"


def test_anonymous_speaker():
    text = "Des sources affirment que ces soldats sont formés à l'artillerie."
    (iq,) = labelled(text, "IQUOTE")
    assert iq.attrs["speaker"] == "anonymous"


# --- indirect speech -------------------------------------------------------------

IQUOTES = [
    ("Kim a déclaré qu’un monument sera bientôt érigé à Pyongyang.", "un monument sera bientôt érigé à Pyongyang"),
    ("Il dit que la guerre est finie.", "la guerre est finie"),
    ("Washington a accusé Pékin de fournir des armes à la Russie.", "fournir des armes à la Russie"),
    ("Selon l'agence Reuters, qui cite des sources proches du dossier, Moscou prépare une offensive.",
     "Moscou prépare une offensive"),
    ("Trump a déclaré sur les réseaux sociaux que l’Ukraine et la Russie devraient se réunir.",
     "l’Ukraine et la Russie devraient se réunir"),
    ("La Corée du Nord a confirmé qu’elle avait envoyé des troupes, affirmant que le déploiement était légal.",
     "elle avait envoyé des troupes"),
    ("Selon les médias d’État, Kim et Shoigu ont réaffirmé leur engagement.",
     "Kim et Shoigu ont réaffirmé leur engagement"),
    ("Le dirigeant a décidé d’envoyer des troupes en Russie, a déclaré la commission militaire dans un communiqué.",
     "Le dirigeant a décidé d’envoyer des troupes en Russie"),
]


@pytest.mark.parametrize("text,content", IQUOTES)
def test_iquote_content(text, content):
    assert content in [s.text for s in labelled(text, "IQUOTE")]


def test_partial_quote_nests_in_iquote():
    text = ("Le GUR a affirmé qu’« au moins trente soldats nord-coréens » avaient été blessés près de "
            "Koursk.")
    (iq,) = labelled(text, "IQUOTE")
    (q,) = labelled(text, "QUOTE")
    assert iq.start <= q.start and q.end <= iq.end
    assert q.attrs["mixed"] == "yes" and q.attrs["speaker"] == iq.attrs["speaker"] == "GUR"


def test_whole_content_quoted_is_quote_not_iquote():
    text = "Le secrétaire général de l’OTAN, Mark Rutte, a qualifié ce mouvement « d’expansion dangereuse »."
    assert labelled(text, "IQUOTE") == []
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["mixed"] == "yes" and q.attrs["speaker"] == "Mark Rutte"


def test_report_handed_on_by_selon_keeps_its_speaker():
    # "selon" hands on the minister's whole statement: the woven quote is the
    # minister's, and "selon" claims no content of its own over "a affirmé que"
    text = ("Le ministre de la Défense Andriï Taran a affirmé que \"l'avion a en toute vraisemblance touché le sol "
            "avec son aile\", selon un communiqué de son ministère.")
    assert labelled(text, "IQUOTE") == []
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["mixed"] == "yes" and q.attrs["speaker"] == "Andriï Taran"
    assert {a.text for a in labelled(text, "ATTR")} == {"a affirmé", "selon"}


@pytest.mark.parametrize("text", [
    "La France a aussi exprimé sa « profonde préoccupation devant cet acte criminel ».",
    "Les autorités évoquaient une « réaction allergique ».",
])
def test_quote_covering_the_content_but_a_word_is_no_iquote(text):
    assert labelled(text, "IQUOTE") == []
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["mixed"] == "yes"


@pytest.mark.parametrize("text,content", [
    # "alors que" is a conjunction, not the verb's complementiser
    ("L'opposant avait dénoncé une tentative d'empoisonnement alors que les autorités évoquaient une allergie.",
     None),
    # the "d'" of an agentless "accusés d'" introduces the content
    ("Des dissidents nord-coréens sont accusés d'être à l'origine de cette propagande.",
     "être à l'origine de cette propagande"),
    # a long role apposition after "Pour X," is skipped
    ("Pour Cheong Seong-chang, directeur du Centre pour les études nord-coréennes de l'Institut Sejong de "
     "Séoul, le Nord veut tirer profit de la situation.", "le Nord veut tirer profit de la situation"),
])
def test_reported_content_boundaries(text, content):
    found = [s.text for s in labelled(text, "IQUOTE")]
    assert (content in found) if content else not any(t.startswith("les autorités") for t in found)


def test_clause_ending_in_a_relative_is_no_content():
    text = ("Le ministère a convoqué l'ambassadeur allemand qui, selon un communiqué, « s'est vu signifier une "
            "vive protestation ».")
    assert [s.text for s in labelled(text, "IQUOTE")] == []


def test_selon_after_plain_content_takes_it():
    text = "Le transport prendrait plus d'un mois et Poutine est pressé, selon l'analyste militaire Ruslan Leviev."
    (iq,) = labelled(text, "IQUOTE")
    assert iq.text.startswith("Le transport") and iq.attrs["speaker"] == "Ruslan Leviev"


# --- features ----------------------------------------------------------------------

FEATURE_KEYS = {"attr_per_100_sentences", "attr_sentence_share", "attr_person_share", "attr_institution_share",
                "attr_media_share", "attr_expert_share", "attr_anonymous_share", "verb_stance_neutral_share",
                "verb_stance_distancing_share", "verb_stance_conceding_share", "verb_stance_asserting_share",
                "verb_stance_disputing_share", "iquote_per_1k", "quoted_word_share", "n_speakers",
                "n_attributions"}


def _features(text: str) -> dict[str, float]:
    doc = BuiltinBackend().parse(text)
    spans = attribution.extract(doc, quotes.extract(doc, [], RES), RES)
    ctx = FeatureContext(doc, spans, sum(1 for _ in doc.words()), len(doc.sentences))
    return attribution.features(ctx)


def test_features_values():
    f = _features("Des sources affirment que les soldats sont formés. « Nous partons », a déclaré Paul Martin.")
    assert set(f) == FEATURE_KEYS
    assert f["n_attributions"] == 2
    assert f["attr_anonymous_share"] == 0.5 and f["attr_person_share"] == 0.5
    assert f["verb_stance_distancing_share"] == 0.5
    assert f["attr_sentence_share"] == 1.0
    assert 0 < f["quoted_word_share"] < 1
    assert f["n_speakers"] == 2  # anonymous and Paul Martin


def test_features_empty():
    f = _features("Rien à signaler ici.")
    assert set(f) == FEATURE_KEYS and all(v == 0.0 for v in f.values())


# --- gold regression floor -----------------------------------------------------------

@needs_shared
def test_gold_floor(gold_dir):
    from framing.evaluate import Evaluation, load_gold, score_document

    ev = Evaluation()
    for g in load_gold([gold_dir]):
        g.spans = [s for s in g.spans if s.label in ("QUOTE", "IQUOTE", "ATTR")
                   or s.attrs.get("type") == "scare"]
        doc = BuiltinBackend().parse(g.text)
        doc.excluded = find_cruft(g.text)
        spans = attribution.extract(doc, quotes.extract(doc, [], RES), RES)
        score_document(ev, g, [s for s in spans if not doc.is_excluded(s.start, s.end)])
    units, acc = ev.units, ev.attribute_accuracy()
    assert units["QUOTE"].f1 >= 0.95
    assert units["HEDGE:scare"].f1 >= 0.6
    assert units["ATTR"].f1 >= 0.85
    assert units["IQUOTE"].f1 >= 0.8
    assert acc["QUOTE"]["speaker"] >= 0.9
    assert acc["ATTR"]["stype"] >= 0.85


# --- robustness ------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_VOCAB = ["Kim", "Jong", "Un", "M.", "Sabrina", "Singh", "le", "la", "président", "a", "déclaré", "dit", "-t-il",
          "selon", "d'après", "Pour", "que", "qu'", "qui", ",", ".", ":", "«", "»", "“", "”", '"', "\n", "\n\n",
          "confirmé", "par", "des", "sources", "affirment", "ajoutant", "celui", "ce", "porte-parole", "Moscou"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=60))
def test_random_token_soup_never_crashes(words):
    text = " ".join(words)
    for s in run(text):
        assert text[s.start:s.end] == s.text
        for key in ("speaker_span", "source_span"):
            if key in s.attrs:
                a, b = s.attrs[key]
                assert 0 <= a < b <= len(text)


@pytest.mark.parametrize("text", ["confirmé par le", "a été confirmé par le", "Cela a été confirmé par",
                                  "confirmé par", "selon le", "a déclaré", "« Oui », a déclaré le"])
def test_cue_at_the_very_end_of_the_text(text):
    # regression: speakers._np_text raised IndexError on an empty source phrase ("confirmé par le")
    spans = run(text)
    for s in spans:
        assert text[s.start:s.end] == s.text
    assert all(s.attrs.get("source") in (None, "unknown") for s in spans if s.label == "ATTR")


def test_quote_then_comme_attribution():
    text = "Le public est submergé par une « infodémie massive », comme prévenait l'OMS début mars 2020."
    (q,) = labelled(text, "QUOTE")
    assert q.attrs["speaker"] == "OMS"


def test_a_woven_quote_with_selon_after_it_is_the_selon_source_when_the_verb_before_has_an_object():
    from framing.analysis import analyze
    text = ("Le maire aurait passé sa soirée à appeler des élus battus « pour échanger avec eux » "
            "selon un de ses amis.")
    q = [s for s in analyze(text).spans if s.label == "QUOTE"][0]
    assert q.attrs["speaker"] == "anonymous"
    assert q.attrs["speaker_method"].startswith("cue_after")


def test_an_inserted_on_inside_a_quote_is_the_organisation_named_before_the_marks():
    from framing.analysis import analyze
    text = ("Contactée par la presse, la RATP a reconnu l'incident, mais a mis en avant la fatigue de "
            "l'agent : \"Il a perdu son calme, admet-on. Il avait travaillé toute la nuit\".")
    q = [s for s in analyze(text).spans if s.label == "QUOTE"][0]
    assert q.attrs["speaker"] == "RATP"


def test_a_quote_of_several_sentences_takes_the_cue_later_in_its_last_sentence():
    from framing.analysis import analyze
    text = ("Le patient est sorti vendredi de l'hôpital, a annoncé l'établissement.\n\n"
            "\"Il a passé une bonne nuit. Nous restons en contact avec l'équipe qui le suit\" dans son "
            "village, a déclaré le médecin Paulo Serrano.")
    q = [s for s in analyze(text).spans if s.label == "QUOTE"][0]
    assert q.attrs["speaker"] == "Paulo Serrano"
    assert q.attrs["speaker_method"].startswith("cue_later")


def test_a_fronted_time_phrase_before_an_organisation_is_no_subject_of_a_gerund():
    from framing.analysis import analyze
    text = ("Peu de temps après les événements, United Airlines a publié un communiqué en condamnant "
            "la réaction de l'employé.")
    a = [s for s in analyze(text).spans if s.label == "ATTR" and s.text.endswith("condamnant")][0]
    assert a.attrs["source"] == "United Airlines"


def test_the_antecedent_of_qui_is_the_person_after_a_preposition():
    from framing.analysis import analyze
    text = ("Nadine Roche, témoin clé de l'affaire, s'est retrouvée ce vendredi face au cousin qui assure "
            "qu'elle a subi des violences en 1984. Les opposants au projet qui réclament son abandon "
            "manifestent.")
    found = {s.text: s for s in analyze(text).spans if s.label == "ATTR"}
    assert found["assure"].attrs["stype"] == "anonymous"
    assert "vendredi" not in found["assure"].attrs["source"]


def test_a_short_description_takes_the_name_closing_its_fuller_mention():
    from framing.analysis import analyze
    text = ("L'agence officielle nord-coréenne KCNA a indiqué lundi que le pays allait répliquer. "
            "Des tracts ont été préparés, a indiqué KCNA. \"Le moment de la punition approche\", "
            "avertit l'agence nord-coréenne.")
    found = {s.text: s for s in analyze(text).spans if s.label == "ATTR"}
    assert found["avertit"].attrs["source"] == "KCNA"
    assert found["avertit"].attrs["speaker_method"] == "same_head"


def test_a_pronoun_after_a_fronted_clause_takes_the_organisation_it_names():
    from framing.analysis import analyze
    text = ("\"J'ai vu le vigile frapper cet homme\", a raconté le témoin. Ayant prévenu la RATP, elle a "
            "d'abord ignoré l'incident puis a décidé de communiquer lundi, informant le témoin qu'elle "
            "allait ouvrir une enquête.")
    a = [s for s in analyze(text).spans if s.label == "ATTR" and s.text.endswith("informant")][0]
    assert a.attrs["source"] == "RATP"


@pytest.mark.parametrize("text,cue,source,content", [
    ("Drame.\n\nLe feu a fait trois morts dans un immeuble, a-t-on appris auprès des pompiers.",
     "a-t-on appris auprès des", "pompiers", "Le feu a fait trois morts dans un immeuble"),
    ("Drame.\n\nLe feu a fait trois morts dans un immeuble, a- t-on appris lundi auprès de la préfecture.",
     "a- t-on appris lundi auprès de", "la préfecture", "Le feu a fait trois morts dans un immeuble"),
])
def test_learning_from_someone_names_the_source_in_its_complement(text, cue, source, content):
    attrs = [s for s in labelled(text, "ATTR") if s.text == cue]
    assert attrs and attrs[0].attrs["source"] == source
    assert [s.text for s in labelled(text, "IQUOTE")] == [content]


@pytest.mark.parametrize("text,content", [
    ("Le journaliste a été désigné par des responsables turcs comme un membre du réseau.", "un membre du réseau"),
    ("Le journaliste a été désigné comme un membre du réseau par des responsables turcs.", "un membre du réseau"),
])
def test_the_agent_of_a_passive_characterising_verb_is_its_source(text, content):
    attrs = labelled(text, "ATTR")
    assert [a.attrs["source"] for a in attrs] == ["des responsables turcs"]
    assert [s.text for s in labelled(text, "IQUOTE")] == [content]


@pytest.mark.parametrize("text,source", [
    ("Drame.\n\nLe pape recevra les fidèles pour les fêtes religieuses, précise-t-on au Vatican.", "Vatican"),
    ("Drame.\n\nLe toit a été arraché, a indiqué la préfecture. Une personne a été blessée légèrement, "
     "a-t-on indiqué de même source.", "la préfecture"),
])
def test_an_inverted_on_speaks_for_the_place_or_source_after_it(text, source):
    attrs = [s for s in labelled(text, "ATTR") if "-t-on" in s.text]
    assert attrs and attrs[0].attrs["source"] == source
    assert labelled(text, "IQUOTE")[-1].attrs["speaker"] == source


def test_a_predicative_comme_may_open_on_an_indefinite_plural():
    text = "Les suspects ont été présentés par la police comme des membres du groupe."
    assert [(s.text, s.attrs["speaker"]) for s in labelled(text, "IQUOTE")] == [("des membres du groupe", "la police")]


@pytest.mark.parametrize("text,source", [
    ("Il est parti sous les remarques des manifestants. « Arrêtez-le » ont lancé certains d'entre eux.",
     "certains manifestants"),
    ("C'est le voeu de neuf des treize conseillers municipaux, ont indiqué plusieurs d'entre eux.",
     "plusieurs conseillers"),
])
def test_a_part_of_a_group_is_named_with_the_group_named_before_it(text, source):
    assert [a.attrs["source"] for a in labelled(text, "ATTR")] == [source]


@pytest.mark.parametrize("text,source", [
    ("Le ministre est accusé par l'opposition de mentir sur le budget.", "l'opposition"),
    ("Le ministre est accusé par le ministre de l'Intérieur d'avoir menti.", "le ministre de l'Intérieur"),
    ("Cette version a été contestée par plusieurs témoins interrogés par la police.", "plusieurs témoins"),
])
def test_the_agent_of_a_passive_cue_stops_before_what_follows_it(text, source):
    assert [a.attrs["source"] for a in labelled(text, "ATTR")] == [source]


@pytest.mark.parametrize("text,source", [
    ("Le scrutin a été qualifié par l'opposition de « mascarade ».", "l'opposition"),
    ("Le procès a été qualifié de « parodie » par les organisations de défense des droits humains.",
     "organisations de défense des droits humains"),
])
def test_the_label_after_a_passive_verb_of_naming_is_no_part_of_its_agent(text, source):
    assert [a.attrs["source"] for a in labelled(text, "ATTR")] == [source]
