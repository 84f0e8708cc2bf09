"""Direct unit tests of the speaker (describe_source) and reporting-cue (find_cues) modules.

Short French sentences written for the test: each asserts one decision of
the module on its own, without the rest of the pipeline.
"""
from __future__ import annotations

import pytest

from framing.backends.builtin import BuiltinBackend
from framing.extract.reporting import find_cues
from framing.extract.speakers import describe_source
from framing.grammar import key
from framing.resources import default_config, get_resources

RES = get_resources(default_config())
PARSE = BuiltinBackend().parse


def _source(text: str, phrase: str):
    doc = PARSE(text)
    a = text.index(phrase)
    first = next(t.i for t in doc.tokens if t.start >= a)
    last = next(t.i for t in reversed(doc.tokens) if t.end <= a + len(phrase)) + 1
    return describe_source(doc, RES, first, last)


@pytest.mark.parametrize("phrase, pronoun", [
    ("celui qui dirige l'agence", "il"),
    ("celle qui dirige l'agence", "elle"),  # (with its gender)
    # plural demonstratives are "ceux": plural, but defined by their relative, not by the groups before
    ("ceux qui dirigent l'agence", "ceux"),
    # the "celles" bug: a plural demonstrative was read as the singular "il"
    ("celles qui dirigent l'agence", "ceux"),
])
def test_demonstrative_pronoun_source_keeps_its_number(phrase, pronoun):
    src = _source(f"Selon {phrase}, la réforme est prête.", phrase)
    assert src is not None and src.kind == "pronoun" and src.name == pronoun


def test_personal_pronoun_source():
    src = _source("Selon elle, la réforme est prête.", "elle")
    assert (src.name, src.stype, src.kind) == ("elle", "person", "pronoun")


def test_function_words_alone_are_no_source():
    assert _source("Il a été confirmé par le", "le") is None


def _cues(text: str) -> list[tuple[str, str, str]]:
    doc = PARSE(text)
    return [(key(doc.tokens[c.head]), c.kind, c.form) for c in find_cues(doc, RES)]


def test_finite_reporting_verb_is_a_cue():
    cues = _cues("Le ministre a affirmé que la réforme était prête.")
    assert any(k == "affirmé" and kind == "verb" for k, kind, _ in cues)


def test_inverted_reporting_verb_after_a_quote():
    cues = _cues("« La réforme est prête », a-t-il déclaré.")
    assert any(k == "déclaré" and kind == "verb" for k, kind, _ in cues)


def test_source_preposition_selon_is_a_cue():
    cues = _cues("Selon le ministère, la réforme est prête.")
    assert any(k == "selon" and kind == "prep" for k, kind, _ in cues)


def test_a_word_outside_the_lexicon_is_no_cue():
    assert not any(k == "mangé" for k, _, _ in _cues("Le ministre a mangé une pomme."))
