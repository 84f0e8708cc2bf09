"""Property tests: every span points into the text, every feature is a number or undefined (NaN), never infinite, nothing crashes.

Inputs: random Unicode, random recombinations of the seed texts, random bytes
(through :func:`framing.ingest.decode_bytes`), and soups of quotation marks,
markup characters and line breaks.
"""
from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from framing import analyze
from framing.ingest import InputError, decode_bytes
from framing.output import jsonl_line

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]

PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str) -> None:
    """The invariants of any analysis of ``text``."""
    result = analyze(text)
    for span in result.spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text, span
    for a, b in result.excluded:
        assert 0 <= a <= b <= len(text)
    for name, value in result.features.items():
        # a number, or NaN when undefined (a share without denominator): never infinite
        assert isinstance(value, (int, float)) and not math.isinf(value), (name, value)
        assert isinstance(value, int) or not name.startswith("n_"), (name, value)
    assert result.n_words >= 0 and result.n_sentences >= 0
    # the JSONL contract can always be written (no NaN, no unencodable character)
    line = jsonl_line(result, include_text=True)
    assert "\n" not in line
    assert json.loads(line)["text"] == text
    line.encode("utf-8")


@PROPERTY
@given(st.text(max_size=400))
def test_random_unicode(text):
    check(text)


@PROPERTY
@given(st.text(st.characters(max_codepoint=0x3000, exclude_categories=("Cs",)), max_size=300))
def test_random_unicode_latin_arabic_controls(text):
    check(text)


@st.composite
def seed_slices(draw):
    """Random slices of the seed articles, recombined (cuts inside words, quotes and sentences)."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        text = draw(st.sampled_from(SEED_TEXTS))
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 3000)))
        parts.append(text[a:b])
    glue = draw(st.sampled_from(["", " ", "\n", "\r\n", " « ", "» ", "\"", "…"]))
    return glue.join(parts)


@PROPERTY
@given(seed_slices())
def test_recombined_seed_text(text):
    check(text)


QUOTE_SOUP = st.lists(st.sampled_from(list("«»“”„‟\"'’‘‹›<>&\n\r\t :;.,!?—–-()[]") + [
    "\u00a0", "\u202f", " dit ", " selon ", " aurait ", "Le ministre", "« ", " »", "M.", "qu’", "l'",
    "&amp;", "<p>", "</p>", "<script>", "\r\n", "\n\n"]), max_size=200).map("".join)


@PROPERTY
@given(QUOTE_SOUP)
def test_quote_and_markup_soup(text):
    check(text)


@st.composite
def mangled_bytes(draw):
    """Seed slices encoded in a random encoding, with random bytes spliced in."""
    text = draw(seed_slices())[:2000]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "mac_roman"]))
    data = bytearray(text.encode(encoding, errors="replace"))
    for _ in range(draw(st.integers(0, 5))):
        pos = draw(st.integers(0, len(data)))
        data[pos:pos] = draw(st.binary(max_size=4))
    return bytes(data)


@PROPERTY
@given(st.one_of(st.binary(max_size=600), mangled_bytes()))
def test_random_bytes_decode_or_fail_cleanly(data):
    try:
        text, warnings = decode_bytes(data, "random.bin")
    except InputError as e:
        assert "\n" not in str(e) and str(e).startswith("random.bin: ")
        return
    assert isinstance(text, str) and "\x00" not in text
    check(text)


def test_full_seed_texts():
    for text in SEED_TEXTS:
        check(text)


def test_regressions_found_by_the_properties():
    """Inputs on which hypothesis found crashes: kept as plain examples."""
    check("confirmé par le")  # attribution cue at the very end of the text (speakers._np_text IndexError)
    check("« »")
    check("\r\n\r\n«\r")
