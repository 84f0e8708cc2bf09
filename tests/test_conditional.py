"""Conditional-mood detection: word forms, documents, the feats path, UD French."""
from __future__ import annotations

import pytest

from framing.backends.builtin import BuiltinBackend
from framing.document import FEATS, LEMMAS, SENTENCES, TOKENS, UPOS, ParsedDocument, Sentence, Token
from framing.extract.conditional import conditional_tokens, is_conditional

from conftest import SHARED

CONDITIONALS = [
    "aurait", "Aurait", "auraient", "serait", "seraient", "serions", "pourrait", "pourraient",
    "devrait", "devraient", "semblerait", "faudrait", "vaudrait", "voudrais", "aimerais",
    "ferions", "irait", "verrait", "saurait", "tiendrait", "viendriez", "prendrait",
    "priverait", "courrait", "mourrait", "acquerrait", "enverrait", "pleuvrait",
    "paraîtrait", "offrirait", "prépareraient", "déclarerait",
]

NOT_CONDITIONALS = [
    # imperfects in -rait / -rais / -raient of -rer / -rir verbs
    "préparait", "déclarait", "préparaient", "durait", "tirait", "courait", "mourait",
    "offrait", "acquérait", "déclarais", "préparions", "déclariez",
    # nouns and adjectives in -rais / -rait
    "frais", "marais", "Marais", "portrait", "attrait", "retrait", "extrait", "trait",
    "vrais", "minerais", "abstrait", "distrait",
    # other words
    "avait", "était", "prépara", "front", "parait", "rait",
]


@pytest.mark.parametrize("form", CONDITIONALS)
def test_conditional_forms(form):
    assert is_conditional(form)


@pytest.mark.parametrize("form", NOT_CONDITIONALS)
def test_not_conditional_forms(form):
    assert not is_conditional(form)


SENTENCES_TABLE = [
    ("Kim Jong-un aurait déployé 10 000 soldats.", ["aurait"]),
    ("Il préparait l'offensive et déclarait la guerre.", []),
    ("Les frais du marais et le portrait de l'attrait du retrait.", []),
    ("ç’aurait été plus long, mais ils y seraient sans doute arrivés.", ["aurait", "seraient"]),
    ("Pourrait-il venir ? Il faudrait le savoir.", ["Pourrait", "faudrait"]),
    ("Nous ferions mieux de partir, dirait-on.", ["ferions", "dirait"]),
]


@pytest.mark.parametrize("text,expected", SENTENCES_TABLE)
def test_conditional_tokens_builtin(text, expected):
    doc = BuiltinBackend().parse(text)
    assert [t.text for t in conditional_tokens(doc)] == expected


def _feats_doc() -> ParsedDocument:
    """A hand-built stanza-style document: morphology decides, not the word form."""
    text = "Il préparait tout ; elle serait là."
    words = [("Il", "il", "PRON", {}), ("préparait", "préparer", "VERB", {"Mood": "Ind", "Tense": "Imp"}),
             ("tout", "tout", "PRON", {}), (";", ";", "PUNCT", {}), ("elle", "elle", "PRON", {}),
             ("serait", "être", "AUX", {"Mood": "Cnd", "Tense": "Pres"}), ("là", "là", "ADV", {}),
             (".", ".", "PUNCT", {})]
    tokens, pos = [], 0
    for i, (form, lemma, upos, feats) in enumerate(words):
        start = text.index(form, pos)
        pos = start + len(form)
        tokens.append(Token(i, form, start, pos, lemma, upos != "PUNCT", 0, upos, feats))
    return ParsedDocument(text, tokens, [Sentence(0, 0, len(text), 0, len(tokens))], backend="stanza",
                          annotations=frozenset({TOKENS, SENTENCES, LEMMAS, UPOS, FEATS}))


def test_feats_path_uses_mood():
    doc = _feats_doc()
    assert [t.text for t in conditional_tokens(doc)] == ["serait"]


def test_feats_path_trusts_the_parser():
    # a parser tagging a conditional as indicative wins over the word form
    doc = _feats_doc()
    doc.tokens[5].feats = {"Mood": "Ind"}
    assert conditional_tokens(doc) == []


UD_DEV = ["GSD/fr_gsd-ud-dev.conllu", "Sequoia/fr_sequoia-ud-dev.conllu",
          "Rhapsodie/fr_rhapsodie-ud-dev.conllu", "ParisStories/fr_parisstories-ud-dev.conllu"]


@pytest.mark.parametrize("name", UD_DEV)
def test_ud_dev_floor(name):
    """Regression floor on the UD French dev splits (HEDGE type=cond, builtin backend)."""
    path = SHARED / "data" / "ud" / name
    if not path.is_file():
        pytest.skip("UD data not available")
    from framing.evaluate import Evaluation, load_conllu_gold, score_document
    from framing.spans import Span

    gold = load_conllu_gold(path)[0]
    doc = BuiltinBackend().parse(gold.text)
    pred = [Span.at(gold.text, t.start, t.end, "HEDGE", type="cond") for t in conditional_tokens(doc)]
    ev = Evaluation()
    score_document(ev, gold, pred, keep_errors=False)
    assert ev.units["HEDGE:cond"].f1 >= 0.94
