"""The speed-ups of issue 9 in the camps stage give what the straightforward code gives (no timing here)."""
from __future__ import annotations

import copy
import random
import re

from framing.actors import _SQUEEZE, PhraseIndex, load_actors


def test_squeeze_pattern_matches_the_plain_one():
    plain = re.compile(r"(?<=') +| {2,}")
    rng = random.Random(3)
    for _ in range(20_000):
        s = "".join(rng.choice(" 'x") for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in _SQUEEZE.finditer(s)] == [m.span() for m in plain.finditer(s)], s


def _flip_case(rng: random.Random, s: str) -> str:
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in s)


def test_case_kept_aliases_found_as_the_alias_expression_finds_them():
    """Case-kept aliases ("=du Nord", "=AP") are looked up in the lower-cased text, then checked."""
    rng = random.Random(5)
    phrases = [("=du Nord", "north"), ("=AP", "ap"), ("=Yoon", "yoon"), ("=le Sud", "south"),
               ("Corée du Nord", "nk"), ("Pyongyang", "nk"), ("agence", "ag"), ("É.-U.", "us")]
    index = PhraseIndex(phrases)
    assert index._automata is not None
    reference = copy.copy(index)
    reference._automata = None  # the regular-expression path
    words = ["du Nord", "DU NORD", "du  nord", "du-Nord", "AP", "ap", "Ap", "après", "Yoon", "YOON", "le Sud",
             "Corée du Nord", "corée-du-nord", "Pyongyang", "l'AP", "l' AP", "d’Yoon", "Éap", "É.-U.", "e.-u."]
    seps = [" ", "  ", "-", " - ", "\n", "\u00a0", "' ", "'", "", ",", ".", "_", "’ "]
    for _ in range(3000):
        text = "".join((_flip_case(rng, w) if rng.random() < 0.3 else w) + rng.choice(seps)
                       for w in rng.choices(words, k=rng.randint(1, 6)))
        assert index._find(text) == reference._find(text), text


def test_actor_index_on_the_seed_texts_mixed_case(seed_texts):
    idx = load_actors()
    rng = random.Random(7)
    for index in (idx._names, idx._roles):
        reference = copy.copy(index)
        reference._automata = None
        for text in seed_texts.values():
            for variant in (text, text.upper(), _flip_case(rng, text[:3000])):
                got = [(a, b, id(p)) for a, b, p in index._find(variant)]
                assert got == [(a, b, id(p)) for a, b, p in reference._find(variant)]


def test_resolve_and_describe_memos_give_the_same_answers():
    idx = load_actors()
    for name in ("Guerassimov", "Moscou", "le Pentagone", "il", "anonymous", "les officiels russes", ""):
        first = idx.resolve(name)
        assert idx.resolve(name) is first
        assert idx._resolve(name.strip()) is first if name else first is None
    for text in ("porte-parole du Pentagone", "un analyste militaire", "les médias d'État", "le porte-parole"):
        assert idx.describe(text) == idx._describe(text)


def test_occurrences_are_those_of_the_escaped_pattern():
    from framing.backends.builtin import BuiltinBackend
    from framing.extract.camps import CampResolver

    text = "M. Kim (Kim) a dit. Kim Kim Kim.Kim " * 10 + "a.b a.b axb (Kim"
    resolver = CampResolver(BuiltinBackend().parse(text), [], load_actors())
    for name in ("Kim", "Kim Kim", "a.b", "(Kim", "xyz", "Ki", "Kim."):
        want = [m.span() for m in re.finditer(re.escape(name), text)][:20] if len(name) >= 3 else []
        assert resolver._occurrences(name) == want, name
