"""A very long text is analysed window after window (memory bounded; issue 15)."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from framing import analysis
from framing.textwindows import window_bounds

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _article() -> str:
    return sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8").strip()


def test_windows_cover_the_text_and_end_after_a_line_break():
    text = "\n\n".join([_article()] * 6)
    bounds = window_bounds(text, 3000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(text[end - 1] == "\n" for _, end in bounds[:-1])


def test_a_window_never_ends_inside_an_open_quotation():
    paragraph = "Il a déclaré : « Nous ne céderons pas.\nLa suite viendra plus tard. »\nFin du paragraphe.\n"
    text = paragraph * 400
    for start, end in window_bounds(text, 1000):
        piece = text[start:end]
        assert piece.count("«") == piece.count("»")


def test_a_short_text_is_one_window():
    assert window_bounds("Une phrase.", 100) == [(0, 11)]


def _keys(spans, lo: int, hi: int, shift: int = 0) -> list[tuple[str, int, int]]:
    return [(s.label, s.start - shift, s.end - shift) for s in spans if s.start >= lo and s.end <= hi]


def test_windows_are_analysed_alone_with_offsets_in_the_whole_text(monkeypatch):
    # articles whose ends hold no page cruft (a trailing "read also" block runs to the text's end)
    one, two = (p.read_text(encoding="utf-8").strip() for p in sorted(SEEDS.glob("*.txt"))[3:5])
    text = one + "\n\n" + two
    cut = len(one) + 1
    monkeypatch.setattr(analysis, "WINDOW_CHARS", 1000)
    monkeypatch.setattr(analysis, "window_bounds", lambda text, size: [(0, cut), (cut, len(text))])
    result = analysis.analyze(text, id="two-articles")
    alone = analysis.analyze(one, id="one"), analysis.analyze(two, id="two")
    # each window gives what its article alone gives, in the whole text's offsets
    assert _keys(result.spans, 0, len(one)) == _keys(alone[0].spans, 0, len(one))
    assert _keys(result.spans, cut + 1, len(text), cut + 1) == _keys(alone[1].spans, 0, len(two))
    assert all(text[s.start:s.end] == s.text for s in result.spans)
    assert result.n_words == alone[0].n_words + alone[1].n_words
    assert result.n_sentences == alone[0].n_sentences + alone[1].n_sentences


def test_windowed_offsets_point_into_a_decomposed_original(monkeypatch):
    article = unicodedata.normalize("NFD", _article())
    text = article + "\n\n" + article
    monkeypatch.setattr(analysis, "WINDOW_CHARS", len(article) // 2)
    result = analysis.analyze(text, id="nfd")
    assert result.text == text and result.spans
    assert all(text[s.start:s.end] == s.text for s in result.spans)


@pytest.mark.parametrize("window", [500, 5000])
def test_quoted_word_share_is_a_share_in_windows(monkeypatch, window):
    text = "\n\n".join([_article()] * 3)
    monkeypatch.setattr(analysis, "WINDOW_CHARS", window)
    share = analysis.analyze(text, id="w").features["quoted_word_share"]
    assert 0.0 < share < 1.0
