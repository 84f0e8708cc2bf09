"""HEDGE (cond, source, epistemic, approx) and BOOST spans, use/source attrs, features."""
from __future__ import annotations

import pytest
from conftest import needs_shared

from framing.backends.builtin import BuiltinBackend
from framing.document import FEATS, LEMMAS, SENTENCES, TOKENS, UPOS, ParsedDocument, Sentence, Token
from framing.extract import hedges
from framing.features import FeatureContext
from framing.resources import default_config, get_resources
from framing.spans import Span

RES = get_resources(default_config())


def run(text: str, spans: list[Span] | None = None) -> list[Span]:
    doc = BuiltinBackend().parse(text)
    out = hedges.extract(doc, list(spans or []), RES)
    for s in out:
        assert text[s.start:s.end] == s.text
    return out


def found(text: str, key: str) -> list[str]:
    return [s.text for s in run(text) if s.key == key]


# --- cue tables: (sentence, expected span texts) ---------------------------------------

SOURCE = [
    ("Selon le Pentagone, 10 000 soldats ont été déployés.", ["Selon"]),
    ("Le bilan est lourd, d'après les autorités locales.", ["d'après"]),
    ("Le bilan est lourd, d’après l’AFP.", ["d’après"]),
    ("À en croire Moscou, l'offensive est un succès.", ["À en croire"]),
    ("Aux dires de plusieurs témoins, l'armée a reculé.", ["Aux dires de"]),
    ("Officiellement, la visite est privée.", ["Officiellement"]),
    ("De source militaire, on évoque des pertes.", ["De source"]),
    ("Pour l'Institut pour l'étude de la guerre, Moscou a gagné du terrain.", ["Pour"]),
    ("Pour la ministre, cette réforme va trop loin.", ["Pour"]),
    # negatives
    ("La reconstruction d'après-guerre a duré dix ans.", []),
    ("Le jour d'après, rien n'avait changé.", []),
    ("Pour rappel, le traité a été signé en juin.", []),
    ("Pour déloger les Ukrainiens, la Russie doit attaquer.", []),
    ("Pour Poutine, dont l'offensive patine, l'hiver sera long.", []),
    ("Il a été reçu pour la première fois, hier.", []),
    ("Le prix varie selon que l'on paie comptant ou non.", []),
]

EPISTEMIC = [
    ("La Russie aurait probablement repris le territoire.", ["probablement"]),
    ("C'est sans doute l'effet le plus concret.", ["sans doute"]),
    ("Il viendra peut-être demain.", ["peut-être"]),
    ("Visiblement, ils ont subi des pertes.", ["Visiblement"]),
    ("Toutefois, il semblerait que les soldats soient partis.", ["il semblerait que"]),
    ("Les troupes, semble-t-il, ont reculé.", ["semble-t-il"]),
    ("Des images semblent montrer des soldats.", ["semblent"]),
    ("Le présumé coupable a été arrêté.", ["présumé"]),
    ("Censée montrer un assaut, la vidéo est floue.", ["Censée"]),
    ("Un homme soupçonné d'espionnage a été arrêté.", ["soupçonné"]),
    ("Cette information ne peut être confirmée de manière indépendante.", ["ne peut être confirmée"]),
    ("Si elle est confirmée, la victoire priverait l'Ukraine d'un levier.", ["Si elle est confirmée"]),
    ("Parce que, on peut penser que les Russes ont employé ces soldats.", ["on peut penser que"]),
    ("Le traité, considéré comme le plus important, a été signé.", ["considéré comme"]),
    # negatives
    ("Le ministre a prétendu que tout allait bien.", []),
    ("Il a soupçonné son voisin.", []),
    ("Un incendie a été signalé près de la gare.", []),
    ("Le livre paraît en mai chez Gallimard.", []),
    ("Il fait semblant de dormir.", []),
    ("Ce refus sera considéré comme une provocation.", []),
    # lexicon 1.1
    ("Des questions se posent sur une possible contamination radioactive.", ["une possible"]),
    ("L'UE a évoqué de possibles sanctions.", ["de possibles"]),
    ("Il redoute d'éventuelles représailles.", ["éventuelles"]),
    ("Les soupçons de collusion avec le Kremlin persistent.", ["soupçons"]),
    ("Un diplomate soupçonné de mentir a été rappelé.", ["soupçonné"]),
    ("Il y a de fortes chances que cela vienne du Kremlin.", ["Il y a de fortes chances que"]),
    ("« Je pense que ce n'est pas bon pour le peuple russe », a-t-il dit.", ["Je pense que"]),
    ("S'il est avéré, l'empoisonnement changera tout.", ["S'il est avéré"]),
    ("L'avion a en toute vraisemblance touché le sol.", ["en toute vraisemblance"]),
    ("On ignore si les soldats sont encore là.", ["On ignore si"]),
    # negatives (lexicon 1.1)
    ("Il est possible de voter par correspondance.", []),
    ("Zelensky a accusé Moscou de mentir.", []),
    ("Le déploiement était censé aider la Russie.", []),
]

APPROX = [
    ("Environ 12 000 soldats ont été déployés.", ["Environ"]),
    ("Un contingent de 12000 hommes environ est arrivé.", ["environ"]),
    ("Poutine rassemble près de 50 000 soldats.", ["près de"]),
    ("Les quelque 12 000 hommes s'apprêtent à partir.", ["quelque"]),
    ("Ils entreront en combat dans quelques semaines.", ["quelques semaines"]),
    ("L'attaque a fait une centaine de blessés.", ["une centaine de"]),
    ("Poutine envoie des milliers de Nord-Coréens.", ["des milliers de"]),
    ("Le transport prendrait plus d'un mois.", ["plus d'"]),
    ("La guerre dure depuis plus de 3 ans.", ["plus de"]),
    ("Au moins trente soldats ont été tués.", ["Au moins"]),
    ("Les pertes vont jusqu'à 90 % des effectifs.", ["jusqu'à"]),
    ("Mais moins de 24 heures plus tard, il a changé d'avis.", ["moins de"]),
    ("La participation s'est établie autour de 65 %.", ["autour de"]),
    ("Plus de la moitié des électeurs ont voté.", ["Plus de"]),
    # negatives: figures without approximator, approximators without figure
    ("Le 8 août, 10 000 soldats sont arrivés.", []),
    ("Il n'a plus de munitions.", []),
    ("Il y a de plus en plus de soldats.", []),
    ("Au moins, il a essayé.", []),
    ("Un hôpital près de Damas a été touché.", []),
    ("Il a attendu jusqu'à la fin.", []),
    ("Les exercices sont prévus jusqu'au 26 septembre.", []),
    ("Quelques soldats ont déserté.", []),
    ("Quelque chose a changé.", []),
]

BOOST = [
    ("Les Nord-Coréens étaient bel et bien dans l'oblast de Koursk.", ["bel et bien"]),
    ("La confirmation vient de très haut et elle est indiscutable.", ["indiscutable"]),
    ("Et ça évidemment, c'est une alliance.", ["évidemment"]),
    ("On le sait depuis l'automne, les soldats sont là.", ["On le sait"]),
    ("On sait que Pyongyang s'est lancé dans la course.", ["On sait que"]),
    ("Et oui, il est bien réel.", ["bien réel"]),
    ("C'est sans aucun doute le tournant de la guerre.", ["sans aucun doute"]),
    ("Il est clair que Moscou a besoin de renforts.", ["Il est clair que"]),
    ("De toute évidence, l'armée recule.", ["De toute évidence"]),
    ("En réalité, les pertes sont plus lourdes.", ["En réalité"]),
    # negatives
    ("C'est sans doute vrai.", []),
    ("Ce n'est pas forcément une défaite.", []),
    ("Si l'empoisonnement est avéré, la crise s'aggravera.", []),
    # lexicon 1.1
    ("Il n'y a jamais eu de doutes quant à son issue.", ["Il n'y a jamais eu de doutes"]),
    ("Une manipulation que nous pouvons attribuer de façon fiable à Moscou.", ["de façon fiable"]),
    ("Je peux vous assurer que la réponse sera ferme.", ["Je peux vous assurer"]),
    ("Force est de constater que les sanctions échouent.", ["Force est de constater"]),
    ("Comme on le voit, la Syrie ne préoccupe guère Paris.", ["Comme on le voit"]),
    ("Cette alliance ne manquera pas de peser.", ["ne manquera pas de"]),
    # negatives (lexicon 1.1)
    ("On le voit sur les images marcher vers le front.", []),
    # the markers the codebook's Clarifications name: certainement, effectivement, a confirming
    # "bien"; and "de fait" opening its clause, "c'est vrai" outside a hypothesis
    ("Le bilan sera certainement plus lourd que prévu.", ["certainement"]),
    ("Le maire a effectivement signé le permis.", ["effectivement"]),
    ("C'est bien le maire qui a signé le permis.", ["bien"]),
    ("Il y a bien eu une fuite au ministère.", ["bien"]),
    ("La dépense sera bien de l'ordre de deux millions.", ["bien"]),
    ("La candidate est bien placée pour gagner.", []),
    ("C'est bien de partir tôt le matin.", []),
    ("Il a bien travaillé cette saison.", []),
    # "bien des" is the quantifier "many", not a confirmation
    ("Il y a bien des façons de rater une récolte.", []),
    ("Il est bien des soirs où la salle reste vide.", []),
    ("De fait, rien ne change pour les locataires.", ["De fait"]),
    ("Le dirigeant de fait de la société a été condamné pour voies de fait.", []),
    ("C'est vrai, la loi a changé depuis.", ["C'est vrai"]),
    ("Si c'est vrai, le ministre démissionnera.", []),
]


@pytest.mark.parametrize("text,expected", SOURCE)
def test_source(text, expected):
    assert found(text, "HEDGE:source") == expected


@pytest.mark.parametrize("text,expected", EPISTEMIC)
def test_epistemic(text, expected):
    assert found(text, "HEDGE:epistemic") == expected


@pytest.mark.parametrize("text,expected", APPROX)
def test_approx(text, expected):
    assert found(text, "HEDGE:approx") == expected


@pytest.mark.parametrize("text,expected", BOOST)
def test_boost(text, expected):
    assert found(text, "BOOST") == expected


# --- conditional: spans, use, source ------------------------------------------------------

COND_USE = [
    # hearsay / journalistic conditional
    ("Kim Jong-un aurait déployé 10 000 soldats.", "aurait", "reportive"),
    ("Les forces russes seraient parvenues à établir une tête de pont.", "seraient", "reportive"),
    ("La Corée du Nord devrait également recevoir une aide économique.", "devrait", "reportive"),
    ("Toutefois, il semblerait que les soldats n'ont pas emporté de matériel.", "semblerait", "reportive"),
    ("Il y aurait des dizaines de morts.", "aurait", "reportive"),
    ("La reconstitution pourrait durer dix ans selon le Washington Post.", "pourrait", "reportive"),
    ("Le bilan s'élèverait à 30 morts.", "élèverait", "reportive"),
    ("Il s'agirait d'un accident.", "agirait", "reportive"),
    ("Le président serait malade, selon plusieurs médias.", "serait", "reportive"),
    ("Il a promis qu'il reviendrait.", "reviendrait", "reportive"),
    # reported speech
    ("Trump a déclaré sur les réseaux sociaux que l'Ukraine et la Russie devraient se réunir.",
     "devraient", "reportive"),
    ("Il a ajouté que les troupes pourraient apporter une intensité brutale.", "pourraient", "reportive"),
    ("Les troupes pourraient arriver demain, a affirmé le ministre.", "pourraient", "reportive"),
    # hypothesis, counterfactual, politeness
    ("Si elle est confirmée, la victoire priverait l'Ukraine de son levier.", "priverait", "hypothetical"),
    ("Ce serait une première depuis soixante-dix ans.", "serait", "hypothetical"),
    ("ç’aurait été plus long, plus compliqué.", "ç’aurait", "hypothetical"),
    ("La Russie aurait probablement repris le territoire sans eux.", "aurait", "hypothetical"),
    ("Les Russes n’auraient pas pu soutenir leur effort sans ça.", "n’auraient", "hypothetical"),
    ("Il faudrait négocier rapidement.", "faudrait", "hypothetical"),
    ("Je voudrais poser une question.", "voudrais", "hypothetical"),
    ("Nous pourrions attendre encore un peu.", "pourrions", "hypothetical"),
    ("L'armée aurait pu éviter cette défaite.", "aurait", "hypothetical"),
    ("Les sanctions pourraient affaiblir le régime.", "pourraient", "hypothetical"),
    ("Une telle mesure coûterait 2 milliards.", "coûterait", "hypothetical"),
    ("Si Kiev le voulait, il pourrait négocier.", "pourrait", "hypothetical"),
    ("Les agents qui seraient témoins de fraudes pourront saisir la commission.", "seraient", "hypothetical"),
]


@pytest.mark.parametrize("text,span,use", COND_USE)
def test_conditional_use(text, span, use):
    conds = [s for s in run(text) if s.key == "HEDGE:cond"]
    assert [s.text for s in conds][:1] == [span]
    assert conds[0].attrs["use"] == use


def test_no_conditional_for_imperfects_and_nouns():
    text = "Il préparait l'offensive et déclarait que les frais du retrait, portrait d'un marais, étaient lourds."
    assert found(text, "HEDGE:cond") == []


def test_every_conditional_in_a_sentence():
    text = "ç’aurait été plus long, plus compliqué mais ils y seraient sans doute arrivés."
    conds = [s for s in run(text) if s.key == "HEDGE:cond"]
    assert [s.text for s in conds] == ["ç’aurait", "seraient"]
    assert {s.attrs["use"] for s in conds} == {"hypothetical"}


def test_source_link_from_selon():
    text = "Kim Jong-un aurait déployé 10 000 soldats, selon le Pentagone."
    cond = [s for s in run(text) if s.key == "HEDGE:cond"][0]
    assert cond.attrs["use"] == "reportive"
    assert cond.attrs["source"] == "le Pentagone"


def test_source_link_prefers_attr_source():
    text = "Kim Jong-un aurait déployé 10 000 soldats, selon le Pentagone."
    k = text.index("selon")
    attr = Span.at(text, k, k + 5, "ATTR", source="Pentagone", stype="institution")
    cond = [s for s in run(text, [attr]) if s.key == "HEDGE:cond"][0]
    assert cond.attrs["source"] == "Pentagone"


def test_no_source_link_for_hypothetical():
    text = "Si Moscou attaquait, la guerre serait longue, selon le Pentagone."
    cond = [s for s in run(text) if s.key == "HEDGE:cond"][0]
    assert cond.attrs["use"] == "hypothetical"
    assert "source" not in cond.attrs


def test_reported_speech_makes_reportive():
    text = "Il a prévenu que l'armée pourrait riposter."
    iquote = Span.at(text, text.index("l'armée"), len(text) - 1, "IQUOTE", speaker="unknown")
    conds = [s for s in run(text, [iquote]) if s.key == "HEDGE:cond"]
    assert conds[0].attrs["use"] == "reportive"


def test_direct_speech_keeps_the_speakers_own_conditional():
    # in a whole quotation the conditional is the speaker's mood, not the writer's distance
    text = "« Cette baisse permettrait d'éviter 300 morts », a-t-il prévenu."
    quote = Span.at(text, 0, text.index("»") + 1, "QUOTE", speaker="unknown")
    conds = [s for s in run(text, [quote]) if s.key == "HEDGE:cond"]
    assert conds[0].attrs["use"] == "hypothetical"
    text = "« Selon nos sources, l'armée aurait riposté », a-t-il prévenu."
    quote = Span.at(text, 0, text.index("»") + 1, "QUOTE", speaker="unknown")
    conds = [s for s in run(text, [quote]) if s.key == "HEDGE:cond"]
    assert conds[0].attrs["use"] == "reportive"


def test_previous_spans_are_kept():
    text = "Moscou a signé un « traité »."
    scare = Span.at(text, text.index("«"), text.index("»") + 1, "HEDGE", type="scare")
    out = run(text, [scare])
    assert scare in out


def test_feats_path_in_stage():
    """Stanza-style input: Mood=Cnd decides which tokens are conditional."""
    text = "Il préparait tout ; elle serait là."
    words = [("Il", "il", "PRON", {}), ("préparait", "préparer", "VERB", {"Mood": "Ind"}),
             ("tout", "tout", "PRON", {}), (";", ";", "PUNCT", {}), ("elle", "elle", "PRON", {}),
             ("serait", "être", "AUX", {"Mood": "Cnd"}), ("là", "là", "ADV", {}), (".", ".", "PUNCT", {})]
    tokens, pos = [], 0
    for i, (form, lemma, upos, feats) in enumerate(words):
        start = text.index(form, pos)
        pos = start + len(form)
        tokens.append(Token(i, form, start, pos, lemma, upos != "PUNCT", 0, upos, feats))
    doc = ParsedDocument(text, tokens, [Sentence(0, 0, len(text), 0, len(tokens))], backend="stanza",
                         annotations=frozenset({TOKENS, SENTENCES, LEMMAS, UPOS, FEATS}))
    conds = [s for s in hedges.extract(doc, [], RES) if s.key == "HEDGE:cond"]
    assert [s.text for s in conds] == ["serait"]


# --- features ------------------------------------------------------------------------------

FEATURE_KEYS = {"hedge_per_1k", "hedge_cond_per_1k", "hedge_source_per_1k", "hedge_epistemic_per_1k",
                "hedge_approx_per_1k", "hedge_scare_per_1k", "hedge_cond_reportive_per_1k",
                "hedge_cond_hypothetical_per_1k", "hedge_sentence_share", "boost_per_1k",
                "hedge_boost_ratio", "n_hedges", "n_boosts"}


def _features(text: str, spans: list[Span]) -> dict[str, float]:
    doc = BuiltinBackend().parse(text)
    n_words = sum(1 for _ in doc.words())
    return hedges.features(FeatureContext(doc, spans, n_words, len(doc.analysed_sentences())))


def test_features_values():
    text = ("Kim Jong-un aurait déployé environ 10 000 soldats, selon le Pentagone. "
            "Ils étaient bel et bien là. Rien d'autre.")
    doc = BuiltinBackend().parse(text)
    spans = hedges.extract(doc, [], RES)
    f = _features(text, spans)
    assert set(f) == FEATURE_KEYS
    n_words = sum(1 for _ in doc.words())
    assert f["n_hedges"] == 3 and f["n_boosts"] == 1
    assert f["hedge_per_1k"] == pytest.approx(3000 / n_words)
    assert f["hedge_cond_reportive_per_1k"] == pytest.approx(1000 / n_words)
    assert f["hedge_cond_hypothetical_per_1k"] == 0.0
    assert f["hedge_sentence_share"] == pytest.approx(1 / 3)
    assert f["hedge_boost_ratio"] == pytest.approx((3 + 1) / (1 + 1))


def test_features_empty_document_is_stable():
    f = _features("", [])
    assert set(f) == FEATURE_KEYS
    assert f["hedge_boost_ratio"] == 1.0
    assert all(v == 0.0 for k, v in f.items() if k != "hedge_boost_ratio")


# --- gold regression floor --------------------------------------------------------------------

@needs_shared
def test_seed_gold_floor(gold_dir):
    """Scores of this stage alone on the seed gold (scare, from the quotes stage, excluded)."""
    from framing.cruft import find_cruft
    from framing.evaluate import Evaluation, load_gold, score_document

    ev = Evaluation()
    for g in load_gold([gold_dir]):
        doc = BuiltinBackend().parse(g.text)
        doc.excluded = find_cruft(g.text)
        pred = [s for s in hedges.extract(doc, [], RES) if not doc.is_excluded(s.start, s.end)]
        g.spans = [s for s in g.spans if s.label in ("HEDGE", "BOOST") and s.key != "HEDGE:scare"]
        score_document(ev, g, pred, keep_errors=False)
    units = ev.units
    assert units["HEDGE:cond"].f1 >= 0.95
    assert units["HEDGE:source"].f1 >= 0.9
    assert units["HEDGE:approx"].f1 >= 0.8
    assert units["HEDGE:epistemic"].f1 >= 0.8
    assert ev.labels()["HEDGE"].f1 >= 0.9
    assert units["BOOST"].f1 >= 0.6
    ok, n = ev.attrs[("HEDGE", "use")]
    assert n and ok / n >= 0.85


@pytest.mark.parametrize("text", [
    "Il intervient comme bon lui semble.",
    "Le montant varie selon les cas.",
    "Pour sa défense, il accuse son rival.",
])
def test_exclusion_phrases(text):
    assert [s for s in run(text) if s.label == "HEDGE"] == []


@pytest.mark.parametrize("text,cue", [
    ("Un accident nucléaire qui a au moins fait cinq morts le 8 août.", "au moins"),
    ("La guerre a presque coûté 3 milliards.", "presque"),
])
def test_approximator_before_a_participle_and_its_figure(text, cue):
    assert [s.text for s in run(text) if s.label == "HEDGE" and s.attrs["type"] == "approx"] == [cue]


def test_approximator_needs_a_figure_after_the_participle():
    assert [s for s in run("Il a au moins essayé de partir.") if s.label == "HEDGE"] == []


@pytest.mark.parametrize("text,cues", [
    # lexicon 1.2: approximators of time and quantity before a figure
    ("Il est sorti vers 12h30, selon ses proches.", ["vers"]),
    ("La jeune femme, âgée d'à peine 20 ans, a témoigné.", ["à peine"]),
    ("Il faudra attendre aux environs de 2030.", ["aux environs de"]),
    ("Le chantier a duré près d'un an.", ["près d'"]),
    # "un" / "une" is the article, not a figure, unless a unit or a quantity noun follows
    ("Elle est retrouvée près d'une voie ferrée.", []),
    ("Son transfert vers un hôpital étranger a été bloqué.", []),
])
def test_approximators_of_time_and_quantity(text, cues):
    assert [s.text for s in run(text) if s.label == "HEDGE" and s.attrs["type"] == "approx"] == cues


def test_conditional_uses_lexicon_fills_every_kind():
    # the words deciding a conditional's use are data (lexicons/conditional_uses.tsv), one set per kind
    uses = hedges.conditional_uses(RES)
    assert set(uses) == set(hedges.CONDITIONAL_USE_KINDS) and all(uses.values())
    assert "vouloir" in uses["wish"] and "au cas où" in uses["hypothesis"]
