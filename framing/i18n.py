"""French and English wording of the report and the teaching view.

Labels of features, units, plain-language explanations of each kind of span,
and number formatting (French: decimal comma, narrow no-break space before %).
Unknown feature names are turned into readable labels from their parts, so a
new detector's features appear without a translation entry.
"""
from __future__ import annotations

import math
import re
from typing import Any

LANGS = ("fr", "en")

#: Interface strings.
_TEXT: dict[str, dict[str, str]] = {
    "unknown_group": {"fr": "(non renseigné)", "en": "(not given)"},
    "report_title": {"fr": "Comparaison du cadrage par {by}", "en": "How {by} frame the story"},
    "report_subtitle": {"fr": "{n_docs} documents · {n_groups} groupes · framing {version}",
                        "en": "{n_docs} documents · {n_groups} groups · framing {version}"},
    "key_differences": {"fr": "Différences principales", "en": "Key differences"},
    "feature_comparison": {"fr": "Comparaison des mesures", "en": "Feature comparison"},
    "voices_stance": {"fr": "Voix et positions", "en": "Voices and stance"},
    "documents": {"fr": "Documents", "en": "Documents"},
    "methods": {"fr": "Méthodes", "en": "Methods"},
    "limitations": {"fr": "Limites", "en": "Limitations"},
    "contents": {"fr": "Sommaire", "en": "Contents"},
    "group": {"fr": "Groupe", "en": "Group"},
    "feature": {"fr": "Mesure", "en": "Feature"},
    "n_docs": {"fr": "documents", "en": "documents"},
    "words": {"fr": "mots", "en": "words"},
    "sentences": {"fr": "phrases", "en": "sentences"},
    "evidence": {"fr": "Indices les plus nets", "en": "Strongest evidence"},
    "no_evidence": {"fr": "Aucun indice détecté dans ce document.", "en": "No evidence detected in this document."},
    "one_doc_caveat": {
        "fr": "Un seul document : l'intervalle rééchantillonne ses phrases ; il mesure l'incertitude à l'intérieur de ce texte, pas la variation entre articles du groupe.",
        "en": "One document: the interval resamples its sentences; it shows uncertainty within this text, not variation between the group's articles."},
    "no_differences": {"fr": "Aucune mesure ne varie entre les documents : rien à comparer.",
                       "en": "No feature varies between documents: nothing to compare."},
    "no_clear_differences": {
        "fr": "Aucun écart net : aucune mesure principale ne diffère significativement entre deux groupes, ni avec un intervalle à 95 % de l'écart qui exclut zéro. Les moyennes et leurs intervalles sont ci-dessous.",
        "en": "No clear difference: no headline measure differs significantly between two groups, nor with a 95% interval of the gap that excludes zero. The means and their intervals are below."},
    "one_group": {"fr": "Un seul groupe : il n'y a rien à comparer. Les mesures du groupe et de ses documents sont ci-dessous.",
                  "en": "A single group: nothing to compare. The group's and its documents' measures are below."},
    "no_test": {"fr": "test impossible avec un seul document par groupe",
                "en": "no test possible with one document per group"},
    "table_note": {"fr": "Moyenne du groupe [intervalle à 95 %]. ¹ un seul document : intervalle sur ses phrases.",
                   "en": "Group mean [95% interval]. ¹ one document: interval over its sentences."},
    "not_observed": {"fr": "Mesures nulles dans tous les documents (aucun indice trouvé)",
                     "en": "Features zero in every document (no evidence found)"},
    "pairwise": {"fr": "Tests par paires", "en": "Pairwise tests"},
    "pairwise_note": {
        "fr": "Différence de moyennes, rapport, g de Hedges, p de permutation bilatéral et p ajusté (Holm). Les {k} lignes les plus nettes ; toutes dans pairwise.csv.",
        "en": "Difference of means, ratio, Hedges' g, two-sided permutation p and Holm-adjusted p. The {k} clearest rows; all in pairwise.csv."},
    "rest_group": {"fr": "(tous sauf {name})", "en": "(all but {name})"},
    "pairwise_rest": {
        "fr": "Au-delà de {k} groupes, chaque groupe est comparé à l'ensemble des autres documents réunis, et non à chacun des autres groupes : le nombre de tests croît comme le nombre de groupes, et non comme son carré.",
        "en": "Above {k} groups, each group is compared with all the other documents pooled, not with every other group: the number of tests grows with the number of groups, not with its square."},
    "diff": {"fr": "Différence", "en": "Difference"},
    "ratio": {"fr": "Rapport", "en": "Ratio"},
    "p_perm": {"fr": "p (perm.)", "en": "p (perm.)"},
    "p_holm": {"fr": "p (Holm)", "en": "p (Holm)"},
    "family": {"fr": "Famille", "en": "Family"},
    "headline": {"fr": "principale", "en": "headline"},
    "other": {"fr": "exploratoire", "en": "exploratory"},
    "classifier": {"fr": "Quelles mesures distinguent les groupes ?", "en": "Which features tell the groups apart?"},
    "classifier_text": {
        "fr": "Une régression logistique validée par {k} plis ({n} documents des groupes de 5 documents ou plus : {groups}) reconnaît le groupe d'un document avec une exactitude de {acc} (± {sd}), contre {base} en prédisant toujours le groupe le plus fréquent.",
        "en": "A logistic regression cross-validated over {k} folds ({n} documents of the groups with 5 or more: {groups}) recognises a document's group with accuracy {acc} (± {sd}), against {base} when always predicting the largest group."},
    "classifier_better": {"fr": "Les mesures distinguent donc en partie les groupes ; les coefficients ci-dessous (mesures centrées-réduites) disent lesquelles.",
                          "en": "The features thus partly tell the groups apart; the coefficients below (standardised features) say which."},
    "classifier_no_better": {"fr": "Ce n'est pas mieux que la référence : ces mesures ne suffisent pas à distinguer les groupes. Les coefficients ci-dessous sont à lire avec prudence.",
                             "en": "That is no better than the baseline: these features do not reliably tell the groups apart. Read the coefficients below with caution."},
    "classifier_none": {
        "fr": "Pas de classifieur : il faut au moins deux groupes de 5 documents ou plus.",
        "en": "No classifier: it needs at least two groups with 5 or more documents."},
    "classifier_coef": {"fr": "Mesures qui orientent vers {g} :", "en": "Features pointing to {g}:"},
    "pca_none": {"fr": "Pas de carte : il faut au moins 3 documents et 2 mesures qui varient.",
                 "en": "No map: it needs at least 3 documents and 2 varying features."},
    "no_voice": {"fr": "Aucune mesure de voix par camp n'est disponible.", "en": "No voice-by-camp features available."},
    "no_stance": {"fr": "Aucune mesure d'équilibre des positions n'est disponible.", "en": "No stance-balance features available."},
    "document_card_meta": {"fr": "{words} mots · {sentences} phrases", "en": "{words} words · {sentences} sentences"},
    "warnings": {"fr": "Avertissements", "en": "Warnings"},
    "errors": {"fr": "Entrées non lues", "en": "Inputs not read"},
    "chart_subset": {"fr": "Les graphiques montrent les {k} groupes les plus grands sur {n} ; les tableaux, features.csv et summary.json les ont tous.",
                     "en": "The charts show the {k} largest of {n} groups; the tables, features.csv and summary.json hold them all."},
    "chart_dots": {"fr": "Moyenne par groupe et intervalle à 95 % (cercle vide : un seul document)",
                   "en": "Group mean with 95% interval (open circle: one document)"},
    "chart_heatmap": {"fr": "Écart de chaque groupe à la moyenne du corpus (en écarts-types)",
                      "en": "Each group's distance from the corpus mean (in standard deviations)"},
    "chart_voice": {"fr": "Part des mots cités par camp de l'orateur", "en": "Share of quoted words by speaker's camp"},
    "chart_stance": {"fr": "Équilibre des positions citées envers chaque camp (−1 critique, +1 favorable)",
                     "en": "Balance of quoted stance toward each camp (−1 critical, +1 supportive)"},
    "chart_timeline": {"fr": "Mesures des documents au fil du temps", "en": "Document measures over time"},
    "chart_pca": {"fr": "Carte des documents dans l'espace des mesures (ACP)", "en": "Map of documents in feature space (PCA)"},
    "zscore": {"fr": "écart-type", "en": "standard deviations"},
    "date": {"fr": "date", "en": "date"},
    "other_camps": {"fr": "autres", "en": "other"},
    "legend": {"fr": "Légende", "en": "Legend"},
    "summary": {"fr": "Mesures du document", "en": "Document measures"},
    "excluded": {"fr": "Exclu de l'analyse (habillage de la page : navigation, crédits, liens)",
                 "en": "Excluded from analysis (page furniture: navigation, credits, links)"},
    "show_title": {"fr": "Lecture annotée", "en": "Annotated reading"},
    "show_help": {"fr": "Survolez un passage surligné, ou atteignez-le avec la touche Tab, pour lire pourquoi il est relevé.",
                  "en": "Hover over a highlighted passage, or reach it with the Tab key, to read why it is flagged."},
    "counts": {"fr": "Indices relevés", "en": "Evidence found"},
    "show_help_print": {"fr": "Chaque passage surligné porte un numéro ; son explication (orateur, camp, position) est dans les notes numérotées à la fin de l'article.",
                        "en": "Every highlighted passage carries a number; its explanation (speaker, camp, stance) is in the numbered notes at the end of the article."},
    "notes": {"fr": "Explications, passage par passage", "en": "Explanations, passage by passage"},
    "show_compare": {"fr": "Ce qui distingue ces articles", "en": "How these articles differ"},
    "show_compare_note": {
        "fr": "Mesures de chaque article et écart (rapport, ou points pour une part), du plus grand au plus petit. Deux articles ne disent rien d'un média : ce sont deux textes. « Détecteur » : score hors échantillon du détecteur dont dépend la mesure (⚠ fragile sous 0,7).",
        "en": "Each article's measures and the gap (ratio, or points for a share), largest first. Two articles say nothing about an outlet: they are two texts. “Detector”: out-of-sample score of the detector the measure rests on (⚠ fragile below 0.7)."},
    "gap": {"fr": "Écart", "en": "Gap"},
    "detector": {"fr": "Détecteur", "en": "Detector"},
    "none": {"fr": "aucun", "en": "none"},
}


def text(key: str, lang: str = "fr", **kw: Any) -> str:
    """Interface string ``key`` in ``lang``, formatted with ``kw``."""
    s = _TEXT[key].get(lang) or _TEXT[key]["en"]
    return s.format(**kw) if kw else s


# --- features ----------------------------------------------------------------

#: Curated feature labels: (French, English).
_FEATURES: dict[str, tuple[str, str]] = {
    "hedge_per_1k": ("Atténuations (toutes)", "Hedges (all)"),
    "hedge_cond_per_1k": ("Conditionnel (tous usages)", "Conditional (all uses)"),
    "hedge_cond_reportive_per_1k": ("Conditionnel de reprise", "Reportive conditional"),
    "hedge_cond_hypothetical_per_1k": ("Conditionnel d'hypothèse", "Hypothetical conditional"),
    "hedge_source_per_1k": ("Renvoi à une source (selon…)", "Source-handing (selon…)"),
    "hedge_epistemic_per_1k": ("Marqueurs d'incertitude", "Epistemic markers"),
    "hedge_approx_per_1k": ("Approximations chiffrées", "Numeric approximators"),
    "hedge_scare_per_1k": ("Guillemets de distance", "Scare quotes"),
    "hedge_sentence_share": ("Phrases avec une atténuation", "Sentences with a hedge"),
    "boost_per_1k": ("Marqueurs de certitude", "Certainty boosters"),
    "hedge_boost_ratio": ("Rapport atténuations / certitude", "Hedge / boost ratio"),
    "loaded_per_1k": ("Mots chargés (tous)", "Loaded words (all)"),
    "loaded_own_per_1k": ("Mots chargés, voix du média", "Loaded words, outlet's own voice"),
    "loaded_quoted_per_1k": ("Mots chargés, voix citées", "Loaded words, quoted voices"),
    "loaded_mentioned_per_1k": ("Mots chargés entre guillemets de distance", "Loaded words in scare quotes"),
    "attr_per_100_sentences": ("Attributions pour 100 phrases", "Attributions per 100 sentences"),
    "attr_sentence_share": ("Phrases avec une attribution", "Sentences with an attribution"),
    "attr_anonymous_share": ("Sources anonymes (part)", "Anonymous sources (share)"),
    "attr_institution_share": ("Sources institutionnelles (part)", "Institutional sources (share)"),
    "attr_person_share": ("Personnes nommées (part)", "Named persons (share)"),
    "attr_named_share": ("Sources nommées (part)", "Named sources (share)"),
    "attr_media_share": ("Médias cités comme source (part)", "Media as source (share)"),
    "attr_expert_share": ("Experts cités (part)", "Experts as source (share)"),
    "quote_per_1k": ("Citations directes", "Direct quotes"),
    "iquote_per_1k": ("Discours rapporté", "Reported speech"),
    "quoted_word_share": ("Mots entre guillemets (part)", "Words inside quotes (share)"),
    "n_speakers": ("Orateurs distincts", "Distinct speakers"),
    "foreign_word_per_1k": ("Mots anglais laissés dans le texte", "English words left in the text"),
    "n_foreign_words": ("Mots anglais distincts", "Distinct English words"),
    "n_camps": ("Camps cités", "Camps quoted"),
    "n_camps_quoted": ("Camps cités", "Camps quoted"),
    "n_hedges": ("Atténuations (nombre)", "Hedges (count)"),
    "n_boosts": ("Marqueurs de certitude (nombre)", "Boosters (count)"),
    "n_loaded": ("Mots chargés (nombre)", "Loaded words (count)"),
    "n_attributions": ("Attributions (nombre)", "Attributions (count)"),
    "n_quotes": ("Citations directes (nombre)", "Direct quotes (count)"),
    "quote_mixed_share": ("Citations partielles (part)", "Partial (mixed) quotes (share)"),
    "home_voice_share": ("Voix du camp d'origine (part)", "Home-side voices (share)"),
    "other_voice_share": ("Voix de l'autre camp (part)", "Other-side voices (share)"),
    "camp_unknown_share": ("Orateurs de camp inconnu (part)", "Speakers of unknown camp (share)"),
}

_VERB_STANCE = {"neutral": ("neutres", "neutral"), "distancing": ("de distance (prétendre, affirmer)", "distancing (prétendre, affirmer)"),
                "conceding": ("de concession (admettre)", "conceding (admettre)"),
                "asserting": ("de confirmation (révéler, confirmer)", "asserting (révéler, confirmer)"),
                "disputing": ("de contestation (nier, démentir)", "disputing (nier, démentir)")}
_LOADED_CATS = {"pejorative": ("péjoratifs", "pejorative"), "fear": ("peur", "fear"), "hyperbole": ("hyperbole", "hyperbole"),
                "glorification": ("glorification", "glorification"), "weakness": ("faiblesse", "weakness"),
                "violence": ("violence", "violence"), "moral": ("jugement moral", "moral")}

#: Noun phrases for the key-differences prose: (French, English).
_NOUNS: dict[str, tuple[str, str]] = {
    "hedge_per_1k": ("des atténuations", "hedges"),
    "hedge_cond_reportive_per_1k": ("le conditionnel de reprise", "the reportive conditional"),
    "hedge_source_per_1k": ("des renvois à une source (« selon… »)", "source-handing phrases (“selon…”)"),
    "hedge_epistemic_per_1k": ("des marqueurs d'incertitude", "epistemic hedges"),
    "hedge_scare_per_1k": ("des guillemets de distance", "scare quotes"),
    "boost_per_1k": ("des marqueurs de certitude", "certainty boosters"),
    "loaded_own_per_1k": ("des mots chargés en son nom propre", "loaded words in its own voice"),
    "loaded_quoted_per_1k": ("des mots chargés dans les citations", "loaded words in quotes"),
    "attr_per_100_sentences": ("des attributions à une source", "attributions to a source"),
    "quote_per_1k": ("des citations directes", "direct quotes"),
    "attr_anonymous_share": ("la part des sources anonymes", "the share of anonymous sources"),
    "quoted_word_share": ("la part des mots entre guillemets", "the share of words inside quotes"),
}

_PARTS: dict[str, tuple[str, str]] = {
    "hedge": ("atténuations", "hedges"), "boost": ("certitude", "boosters"), "loaded": ("mots chargés", "loaded words"),
    "attr": ("attributions", "attributions"), "quote": ("citations", "quotes"), "iquote": ("discours rapporté", "reported speech"),
    "quoted": ("cité", "quoted"), "own": ("voix propre", "own voice"), "mentioned": ("mentionné", "mentioned"), "cond": ("conditionnel", "conditional"),
    "reportive": ("de reprise", "reportive"), "hypothetical": ("d'hypothèse", "hypothetical"),
    "source": ("source", "source"), "epistemic": ("incertitude", "epistemic"), "approx": ("approximation", "approximator"),
    "scare": ("guillemets de distance", "scare quotes"), "cat": ("catégorie", "category"),
    "pejorative": ("péjoratif", "pejorative"), "fear": ("peur", "fear"), "hyperbole": ("hyperbole", "hyperbole"),
    "glorification": ("glorification", "glorification"), "weakness": ("faiblesse", "weakness"),
    "violence": ("violence", "violence"), "moral": ("moral", "moral"), "anonymous": ("anonymes", "anonymous"),
    "institution": ("institutions", "institutions"), "person": ("personnes", "persons"), "media": ("médias", "media"),
    "expert": ("experts", "experts"), "named": ("nommées", "named"), "voice": ("voix", "voice"),
    "stance": ("position", "stance"), "balance": ("équilibre", "balance"), "sentence": ("phrases", "sentences"),
    "verb": ("verbe", "verb"), "neutral": ("neutre", "neutral"), "distancing": ("distanciation", "distancing"),
    "conceding": ("concession", "conceding"), "asserting": ("affirmation", "asserting"), "disputing": ("contestation", "disputing"),
    "home": ("camp d'origine", "home side"), "speakers": ("orateurs", "speakers"), "camps": ("camps", "camps"),
    "word": ("mots", "words"), "ratio": ("rapport", "ratio"),
}

#: Camps of the shipped actors file.
_CAMPS: dict[str, tuple[str, str]] = {
    "russia": ("Russie", "Russia"), "ukraine": ("Ukraine", "Ukraine"), "north_korea": ("Corée du Nord", "North Korea"),
    "south_korea": ("Corée du Sud", "South Korea"), "usa": ("États-Unis", "USA"), "nato_eu": ("OTAN / UE", "NATO / EU"),
    "expert": ("experts", "experts"), "media": ("médias", "media"), "other": ("autres", "other"),
    "unknown": ("inconnu", "unknown"),
}


#: How a speaker's camp was found (``camp_method``), as the report names it.
_CAMP_METHODS: dict[str, tuple[str, str]] = {
    "actor": ("nom du fichier d'acteurs", "name in the actors file"), "outlet": ("média nommé", "named outlet"),
    "description": ("description", "description"), "apposition": ("apposition", "apposition"),
    "stype": ("type de source", "source type"), "context": ("contexte (mention antérieure)", "context (earlier mention)"),
    "role": ("rôle", "role"), "role_country": ("rôle et pays", "role and country"),
    "home_country": ("pays du média", "outlet's country"), "story_country": ("pays de l'histoire", "story's country"),
    "person_no_role": ("personne sans rôle", "person with no role"), "residual": ("résiduel (autres)", "residual (other)"),
    "anonymous": ("source anonyme", "anonymous source"), "unknown": ("non trouvé", "not found"),
}

#: Story-independent roles of speakers (``role``).
_ROLES: dict[str, tuple[str, str]] = {
    "government": ("gouvernement", "government"), "politician": ("responsable politique", "politician"),
    "union_ngo": ("syndicat, ONG, militant", "union, NGO, activist"), "company": ("entreprise", "company"),
    "researcher": ("chercheur, expert", "researcher, expert"), "media": ("média, journaliste", "media, journalist"),
    "citizen": ("citoyen", "citizen"), "public_figure": ("personnalité", "public figure"),
    "professional": ("professionnel", "professional"), "international": ("organisation internationale", "international body"),
    "anonymous": ("anonyme", "anonymous"), "unknown": ("inconnu", "unknown"),
}


def camp_label(camp: str, lang: str = "fr") -> str:
    pair = _CAMPS.get(camp)
    return pair[0 if lang == "fr" else 1] if pair else camp.replace("_", " ")


def unit_of(name: str, lang: str = "fr") -> str:
    """The unit of a feature, from its name's suffix."""
    if name.endswith("_per_1k"):
        return "pour 1\u202f000\u00a0mots" if lang == "fr" else "per 1,000\u00a0words"
    if name.endswith("_per_100_sentences"):
        return "pour 100\u00a0phrases" if lang == "fr" else "per 100\u00a0sentences"
    if name.endswith("_share"):
        return "part" if lang == "fr" else "share"
    if name.startswith("n_"):
        return "nombre" if lang == "fr" else "count"
    return ""


def feature_label(name: str, lang: str = "fr", unit: bool = False) -> str:
    """A readable label for feature ``name`` (curated, else built from its parts)."""
    i = 0 if lang == "fr" else 1
    if name in _FEATURES:
        label = _FEATURES[name][i]
    else:
        m = re.match(r"^voice_(.+)_share$", name)
        s = re.match(r"^stance_balance_(.+)$", name)
        vs = re.match(r"^verb_stance_(.+)_share$", name)
        lc = re.match(r"^loaded_(own_|quoted_)?(%s)_per_1k$" % "|".join(_LOADED_CATS), name)
        cm = re.match(r"^camp_method_(.+)_share$", name)
        sr = re.match(r"^speaker_role_(.+)_share$", name)
        if cm:
            method = _CAMP_METHODS.get(cm.group(1), (cm.group(1).replace("_", " "),) * 2)[i]
            label = ("Camp trouvé par : " if lang == "fr" else "Camp found by: ") + method
        elif sr:
            role = _ROLES.get(sr.group(1), (sr.group(1).replace("_", " "),) * 2)[i]
            label = ("Rôle des orateurs : " if lang == "fr" else "Speakers' role: ") + role
        elif vs and vs.group(1) in _VERB_STANCE:
            label = ("Verbes " if lang == "fr" else "Reporting verbs, ") + _VERB_STANCE[vs.group(1)][i]
        elif lc:
            voice = {"own_": (", voix du média", ", own voice"), "quoted_": (", voix citées", ", quoted")}.get(lc.group(1) or "", ("", ""))[i]
            label = ("Mots chargés" if lang == "fr" else "Loaded words") + voice + " : " * (lang == "fr") + ": " * (lang != "fr") + _LOADED_CATS[lc.group(2)][i]
        elif m:
            label = ("Voix : " if lang == "fr" else "Voice: ") + camp_label(m.group(1), lang)
        elif s:
            label = ("Équilibre envers : " if lang == "fr" else "Stance toward: ") + camp_label(s.group(1), lang)
        else:
            core = re.sub(r"(_per_1k|_per_100_sentences|_share)$", "", name)
            core = re.sub(r"^n_", "", core)
            words = [(_PARTS.get(p) or _CAMPS.get(p) or (p, p))[i] for p in core.split("_")]
            label = " ".join(words)
            label = label[:1].upper() + label[1:]
    if unit and unit_of(name, lang):
        label += f" ({unit_of(name, lang)})"
    return label


def feature_noun(name: str, lang: str = "fr") -> str:
    """A noun phrase for prose ("the reportive conditional")."""
    pair = _NOUNS.get(name)
    if pair:
        return pair[0 if lang == "fr" else 1]
    lab = feature_label(name, lang)
    return lab[:1].lower() + lab[1:]


# --- numbers -----------------------------------------------------------------

def fmt_number(x: float | None, lang: str = "fr", digits: int = 1) -> str:
    """A number with ``digits`` decimals, French decimal comma and thin-space thousands."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    if isinstance(x, float) and math.isinf(x):
        return "∞"
    s = f"{x:,.{digits}f}"
    if lang == "fr":
        s = s.replace(",", "\u202f").replace(".", ",")
    return s.replace("-", "−")


def fmt_value(name: str, x: float | None, lang: str = "fr") -> str:
    """A feature value in its unit: shares as percentages, counts as integers, rates with one decimal."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    if name.endswith("_share"):
        return fmt_number(100 * x, lang, 0) + ("\u202f%" if lang == "fr" else "%")
    if name.startswith("n_"):
        return fmt_number(x, lang, 1 if abs(x - round(x)) > 1e-9 else 0)
    if name.startswith("stance_balance_"):
        return ("+" if x > 0 else "") + fmt_number(x, lang, 2)
    return fmt_number(x, lang, 2 if abs(x) < 10 else 1)


def fmt_p(p: float | None, lang: str = "fr") -> str:
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return "—"
    if p < 0.001:
        return "< 0,001" if lang == "fr" else "< 0.001"
    return fmt_number(p, lang, 3 if p < 0.01 else 2)


# --- spans -------------------------------------------------------------------

_SPAN_NAMES: dict[str, tuple[str, str]] = {
    "HEDGE:cond": ("Conditionnel", "Conditional"),
    "HEDGE:source": ("Renvoi à une source", "Source-handing"),
    "HEDGE:epistemic": ("Incertitude", "Epistemic hedge"),
    "HEDGE:approx": ("Approximation", "Approximator"),
    "HEDGE:scare": ("Guillemets de distance", "Scare quotes"),
    "HEDGE": ("Atténuation", "Hedge"),
    "BOOST": ("Certitude", "Certainty booster"),
    "LOADED": ("Mot chargé", "Loaded word"),
    "ATTR": ("Attribution", "Attribution"),
    "QUOTE": ("Citation directe", "Direct quote"),
    "IQUOTE": ("Discours rapporté", "Reported speech"),
}

_WHY: dict[str, tuple[str, str]] = {
    "HEDGE:cond:reportive": (
        "Conditionnel de reprise : le journal rapporte une information sans la prendre à son compte — elle n'est pas confirmée, c'est ce que d'autres affirment.",
        "Reportive conditional: the outlet reports a claim without vouching for it — it is unconfirmed, what others say."),
    "HEDGE:cond:hypothetical": (
        "Conditionnel d'hypothèse : une supposition, une condition (« si… ») ou une formule de politesse, pas une mise à distance d'une source.",
        "Hypothetical conditional: a supposition, a condition (“if…”) or politeness, not distance from a source."),
    "HEDGE:cond": ("Verbe au conditionnel : l'affirmation est présentée comme possible, pas comme un fait.",
                   "Verb in the conditional: the claim is presented as possible, not as fact."),
    "HEDGE:source": ("Renvoi à une source (« selon… », « d'après… ») : le journal attribue l'affirmation à quelqu'un d'autre au lieu de l'affirmer lui-même.",
                     "Source-handing (“selon…”, “d'après…”): the outlet hands the claim to someone else instead of asserting it."),
    "HEDGE:epistemic": ("Marqueur d'incertitude (« probablement », « présumé », « semble-t-il ») : l'affirmation est présentée comme incertaine.",
                        "Epistemic marker (“probablement”, “présumé”, “semble-t-il”): the claim is presented as uncertain."),
    "HEDGE:approx": ("Approximation d'un chiffre (« environ », « plus de », « des milliers de ») : le nombre n'est pas donné avec précision.",
                     "Approximator (“environ”, “plus de”, “des milliers de”): the figure is not given precisely."),
    "HEDGE:scare": ("Guillemets de distance : le journal met un mot entre guillemets sans citer personne, pour ne pas reprendre le terme à son compte.",
                    "Scare quotes: the outlet puts a word in quotation marks without quoting anyone, distancing itself from the wording."),
    "BOOST": ("Marqueur de certitude (« bel et bien », « clairement ») : le journal se porte garant de l'affirmation.",
              "Certainty booster (“bel et bien”, “clairement”): the outlet vouches for the claim."),
    "LOADED": ("Mot chargé : son sens va au-delà d'une description neutre des faits.",
               "Loaded word: its meaning goes beyond neutral description of the facts."),
    "ATTR": ("Attribution : ce mot relie une information à sa source.", "Attribution: this ties information to its source."),
    "QUOTE": ("Citation directe : les mots exacts de quelqu'un, entre guillemets.", "Direct quote: someone's exact words, in quotation marks."),
    "IQUOTE": ("Discours rapporté : ce que quelqu'un a dit, reformulé sans guillemets.", "Reported speech: what someone said, paraphrased without quotation marks."),
}

_ATTR_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "cat": {"pejorative": ("péjoratif", "pejorative"), "fear": ("peur", "fear"), "hyperbole": ("hyperbole", "hyperbole"),
            "glorification": ("glorification", "glorification"), "weakness": ("faiblesse", "weakness"),
            "violence": ("violence", "violence"), "moral": ("jugement moral", "moral judgement")},
    "voice": {"own": ("dans la voix du journal lui-même", "in the outlet's own voice"),
              "quoted": ("dans une citation (voix d'un tiers)", "inside a quote (someone else's voice)"),
              "mentioned": ("entre guillemets de distance (mot mentionné, pas employé)",
                            "in scare quotes (a word mentioned, not used)")},
    "stype": {"person": ("une personne nommée", "a named person"), "institution": ("une institution", "an institution"),
              "media": ("un média", "a media outlet"), "expert": ("un expert", "an expert"),
              "anonymous": ("une source anonyme", "an anonymous source")},
    "verb_stance": {"neutral": ("verbe neutre", "neutral verb"),
                    "distancing": ("verbe de distance : le journal laisse la responsabilité à la source", "distancing verb: the outlet leaves responsibility with the source"),
                    "conceding": ("verbe de concession", "conceding verb"),
                    "asserting": ("verbe qui confirme", "asserting verb"),
                    "disputing": ("verbe de contestation", "disputing verb")},
    "stance": {"supportive": ("favorable", "supportive"), "critical": ("critique", "critical"), "neutral": ("neutre", "neutral")},
}


def span_name(key: str, lang: str = "fr") -> str:
    """Name of a span kind (``HEDGE:cond``, ``QUOTE``…)."""
    pair = _SPAN_NAMES.get(key) or _SPAN_NAMES.get(key.split(":")[0]) or (key, key)
    return pair[0 if lang == "fr" else 1]


def _word(attr: str, value: Any, lang: str) -> str:
    pair = _ATTR_WORDS.get(attr, {}).get(str(value))
    return pair[0 if lang == "fr" else 1] if pair else str(value)


def explain_span(label: str, attrs: dict[str, Any], lang: str = "fr") -> str:
    """A plain-language sentence saying why a passage is flagged (for tooltips)."""
    i = 0 if lang == "fr" else 1
    t = attrs.get("type")
    key = f"{label}:{t}" if t else label
    base = None
    if key == "HEDGE:cond" and attrs.get("use") in ("reportive", "hypothetical"):
        base = _WHY[f"HEDGE:cond:{attrs['use']}"][i]
    base = base or (_WHY.get(key) or _WHY.get(label) or (label, label))[i]
    extra: list[str] = []
    fr = lang == "fr"
    if label == "HEDGE" and attrs.get("source"):
        extra.append(("Source liée : " if fr else "Linked source: ") + str(attrs["source"]))
    if label == "LOADED":
        if attrs.get("cat"):
            extra.append(("Catégorie : " if fr else "Category: ") + _word("cat", attrs["cat"], lang))
        if attrs.get("voice"):
            extra.append(_word("voice", attrs["voice"], lang)[:1].upper() + _word("voice", attrs["voice"], lang)[1:])
    if label == "ATTR":
        if attrs.get("source"):
            who = str(attrs["source"])
            if attrs.get("stype"):
                who += f" ({_word('stype', attrs['stype'], lang)})"
            extra.append(("Source : " if fr else "Source: ") + who)
        if attrs.get("verb_stance"):
            extra.append(_word("verb_stance", attrs["verb_stance"], lang)[:1].upper()
                         + _word("verb_stance", attrs["verb_stance"], lang)[1:])
    if label in ("QUOTE", "IQUOTE"):
        sp = attrs.get("speaker")
        if sp:
            sp = {"unknown": "inconnu" if fr else "unknown", "anonymous": "anonyme" if fr else "anonymous"}.get(sp, sp)
            extra.append(("Orateur : " if fr else "Speaker: ") + str(sp))
        if attrs.get("camp"):
            extra.append(("Camp : " if fr else "Camp: ") + camp_label(str(attrs["camp"]), lang))
        if attrs.get("stance"):
            s = ("Position : " if fr else "Stance: ") + _word("stance", attrs["stance"], lang)
            if attrs.get("target"):
                s += (" envers " if fr else " toward ") + camp_label(str(attrs["target"]), lang)
            extra.append(s)
        if attrs.get("mixed") == "yes":
            extra.append("Citation partielle, fondue dans la phrase du journal" if fr
                         else "Partial quote woven into the outlet's sentence")
    return base + ("" if not extra else " — " + " · ".join(extra) + ".")


# --- methods text ----------------------------------------------------------

CODEBOOK: dict[str, tuple[str, str]] = {
    "HEDGE": ("le journal tient une affirmation à distance : conditionnel (de reprise ou d'hypothèse), renvoi à une source (selon, d'après), marqueur d'incertitude (probablement, présumé), approximation d'un chiffre (environ, plus de), guillemets de distance.",
              "the writer keeps a claim at a distance: conditional mood (reportive or hypothetical), source-handing (selon, d'après), epistemic markers (probablement, présumé), numeric approximators (environ, plus de), scare quotes."),
    "BOOST": ("le journal se porte garant d'une affirmation (bel et bien, indiscutable, clairement, de toute évidence).",
              "the writer vouches for a claim (bel et bien, indiscutable, clairement, de toute évidence)."),
    "LOADED": ("vocabulaire dont la charge dépasse la description neutre, en sept catégories (péjoratif, peur, hyperbole, glorification, faiblesse, violence, moral), dans la voix du journal ou dans une citation.",
               "vocabulary charged beyond neutral description, in seven categories (pejorative, fear, hyperbole, glorification, weakness, violence, moral), in the outlet's own voice or inside a quote."),
    "ATTR": ("indice qui relie un contenu à une source (verbe de parole, « selon X », nom comme « déclaration »), avec le type de source (personne, institution, média, expert, anonyme) et la nuance du verbe.",
             "a cue tying content to a source (reporting verb, “selon X”, a noun like “déclaration”), with the source type (person, institution, media, expert, anonymous) and the verb's stance."),
    "QUOTE": ("citation directe entre guillemets, avec son orateur, son camp et la position exprimée envers un camp.",
              "direct quotation in quotation marks, with its speaker, the speaker's camp and the stance taken toward a camp."),
    "IQUOTE": ("discours rapporté sans guillemets (« X a déclaré que … »), mêmes attributs.",
               "reported speech without quotation marks (“X a déclaré que …”), same attributes."),
}
