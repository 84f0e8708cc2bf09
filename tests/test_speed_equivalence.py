"""The speed-ups of issue 9 give exactly what the straightforward code gives (no timing here)."""
from __future__ import annotations

import copy
import random

import pytest

from framing.backends.builtin import BuiltinBackend, tokenize
from framing.cruft import find_cruft
from framing.document import ParsedDocument


def _brute_excluded(regions, start, end=None):
    end = start + 1 if end is None else end
    return any(a < end and start < b for a, b in regions)


def test_is_excluded_matches_a_scan_of_all_regions():
    rng = random.Random(0)
    for _ in range(3000):
        regions = [(a, a + rng.randint(0, 15)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 6)))]
        doc = ParsedDocument("x" * 80, [], [], excluded=regions)
        for _ in range(10):
            s = rng.randint(0, 80)
            e = s + rng.randint(0, 10) if rng.random() < 0.8 else None
            assert doc.is_excluded(s, e) == _brute_excluded(regions, s, e)


def test_words_and_analysed_sentences_respect_cruft(seed_texts):
    for text in seed_texts.values():
        doc = BuiltinBackend().parse(text)
        doc.excluded = find_cruft(text)
        expected = [t.i for t in doc.tokens if t.is_word and not _brute_excluded(doc.excluded, t.start, t.end)]
        assert [t.i for t in doc.words()] == expected
        assert [t.i for t in doc.words()] == expected  # cached the second time
        sents = [s.i for s in doc.sentences
                 if any(t.is_word and not _brute_excluded(doc.excluded, t.start, t.end)
                        for t in doc.tokens[s.first:s.last])]
        assert [s.i for s in doc.analysed_sentences()] == sents
        doc.excluded = []  # replacing the regions is seen
        assert len(list(doc.words())) == sum(t.is_word for t in doc.tokens)


def test_name_rejoining_is_linear_and_renumbers():
    text = " ".join(["Kim Jong-il"] * 2000) + " a-t-il dit."
    tokens = tokenize(text)
    assert [t.i for t in tokens] == list(range(len(tokens)))
    assert sum(t.text == "Jong-il" for t in tokens) == 2000
    assert [t.text for t in tokens[-4:]] == ["a", "-t-il", "dit", "."]


@pytest.mark.parametrize("sentence, forms", [
    ("L’armée aurait déployé 12 000 soldats, a-t-il déclaré.",
     ["L’", "armée", "aurait", "déployé", "12 000", "soldats", ",", "a", "-t-il", "déclaré", "."]),
    ("Aujourd'hui, voir https://ex.fr/a-b ou www.ex.fr : c'est-à-dire « rien ».",
     ["Aujourd'hui", ",", "voir", "https://ex.fr/a-b", "ou", "www.ex.fr", ":", "c'", "est-à-dire", "«", "rien",
      "»", "."]),
    ("Jusqu’au 3e jour, dit-on, l'ONU…", ["Jusqu’", "au", "3e", "jour", ",", "dit", "-on", ",", "l'", "ONU", "…"]),
])
def test_tokenizer_fast_paths_give_the_same_tokens(sentence, forms):
    assert [t.text for t in tokenize(sentence)] == forms


def _actor_index():
    """The actor index the default analysis builds (``None`` if there is none)."""
    from framing.actors import ActorIndex
    from framing.analysis import analyze
    from framing.resources import default_config, get_resources

    analyze("Selon le Pentagone, Vladimir Poutine a parlé.")
    found = [v for v in get_resources(default_config())._memo.values() if isinstance(v, ActorIndex)]
    return found[0] if found else None


def test_actor_automaton_finds_what_the_alias_expression_finds(seed_texts):
    idx = _actor_index()
    if idx is None:
        pytest.skip("no actor index in this configuration")
    rng = random.Random(1)
    for index in (idx._names, idx._roles):
        if getattr(index, "_automata", None) is None:
            pytest.skip("alias expression in use (no automaton)")
        reference = copy.copy(index)
        reference._automata = None  # the regular-expression path
        keys = [k for _, k in index._payload]
        seps = [" ", "  ", "-", " - ", "\n", "\u00a0", "' ", "'", "", ",", ".", "_", "’ ", "‐", "' -"]
        texts = list(seed_texts.values())
        for _ in range(1500):
            parts = []
            for _ in range(rng.randint(1, 4)):
                k = rng.choice(keys)
                k = k.upper() if rng.random() < 0.4 else k
                k = k.replace(" ", rng.choice(seps)) if rng.random() < 0.3 else k
                k = k[:rng.randint(0, len(k))] if rng.random() < 0.2 else k
                parts.append(k + rng.choice(seps))
            texts.append("".join(parts))
        for text in texts:
            got = [(a, b, id(p)) for a, b, p in index._find(text)]
            want = [(a, b, id(p)) for a, b, p in reference._find(text)]
            assert got == want, text[:80]
            assert [(a, b, id(p)) for a, b, p in index.find(text)] == got  # the memo of short texts


def _brute_phrase_matches(entries, doc):
    """Every (first, last, term) where an entry's normalised tokens (forms or lemmas) occur."""
    from framing.backends.builtin import lemma_of
    from framing.lexicons import normalise

    out = []
    for e in entries:
        toks = tokenize(e["term"])
        if e.get("match") == "lemma":
            want = [normalise(lemma_of(t.text) if t.is_word else t.text) for t in toks]
            have = [normalise(t.lemma) for t in doc.tokens]
        else:
            want = [normalise(t.text) for t in toks]
            have = [normalise(t.text) for t in doc.tokens]
        for i in range(len(have) - len(want) + 1):
            if have[i:i + len(want)] == want:
                out.append((i, i + len(want), e["term"]))
    return sorted(out)


def test_phrase_matchers_share_one_scan_and_keep_their_own_hits(seed_texts):
    # All matchers of a process are scanned for together (one pass per view);
    # each must still see exactly its own entries, whatever other matchers exist.
    from framing.lexicons import PhraseMatcher

    hedges = [{"term": "selon"}, {"term": "d'après"}, {"term": "près de"}, {"term": "affirmer", "match": "lemma"}]
    overlapping = [{"term": "selon"}, {"term": "selon les"}, {"term": "de"}, {"term": "dire", "match": "lemma"}]
    first = PhraseMatcher(hedges)
    seen = set()
    for text in seed_texts.values():
        doc = BuiltinBackend().parse(text)
        alone = [(m.first, m.last, m.entry["term"]) for m in first.find(doc)]
        seen.update(term for _, _, term in alone)
        assert sorted(alone) == _brute_phrase_matches(hedges, doc)
        second = PhraseMatcher(overlapping)  # rebuilds the shared automata
        assert [(m.first, m.last, m.entry["term"]) for m in first.find(doc)] == alone
        assert sorted((m.first, m.last, m.entry["term"]) for m in second.find(doc)) == \
            _brute_phrase_matches(overlapping, doc)
        del second  # a freed matcher leaves the shared scan
        assert [(m.first, m.last, m.entry["term"]) for m in first.find(doc)] == alone
    assert len(seen) >= 3


def test_an_analysed_document_is_freed_without_the_garbage_collector(seed_texts):
    # Speed and memory (issue 9): the per-document memo holds indexes pointing back
    # to the document; the analysis empties it, so nothing keeps a reference cycle
    # and the document (its tokens, views, indexes) goes as soon as it is dropped.
    import gc
    import weakref

    from framing.analysis import analyze_parsed

    text = next(iter(seed_texts.values()))
    analyze_parsed(BuiltinBackend().parse(text))  # resources built outside the check
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        doc = BuiltinBackend().parse(text)
        analysis = analyze_parsed(doc)
        assert analysis.spans and not doc.cache
        ref = weakref.ref(doc)
        del doc
        assert ref() is None
    finally:
        if was_enabled:
            gc.enable()


def test_french_share_is_simplemmas_in_target_language(seed_texts):
    # detect_language's fast path computes simplemma's French score with its own memo
    import simplemma

    from framing.analysis import _french_share

    samples = [t[:20000] for t in seed_texts.values()] + [
        "The Government said on Monday it would act quickly on the new report.",
        "Der Bundestag hat am Montag beschlossen, die Steuern zu senken.",
        "Ça va ? L’Élysée et les ÉTATS-UNIS : l’armée aurait déployé 12 000 soldats.",
        "",
    ]
    for text in samples:
        assert _french_share(text) == simplemma.in_target_language(text, lang="fr")


def test_common_words_is_simplemmas_default_sample(seed_texts):
    # _common_words re-takes simplemma's default sample by one sort: same list, same order,
    # ties included, with and without the capitalised words left out
    from simplemma.token_sampler import MostCommonTokenSampler

    from framing.analysis import _common_words

    many = " ".join(f"mot{chr(97 + i % 26)}{chr(97 + i // 26)} " * (1 + i % 3) for i in range(300))
    samples = [t[:20000] for t in seed_texts.values()] + [
        many, "Paris Lyon Marseille Lille Nantes et les villes", "Paris Lyon Marseille", "",
        "les les des des une une Une Une aux aux",
    ]
    for text in samples:
        assert _common_words(text) == MostCommonTokenSampler().sample_text(text)
