"""Whose words are the loaded words? Voice of a LOADED span (issue 18).

Three voices, reported apart:

* ``quoted``: inside a ``QUOTE`` span (someone else's words, the codebook's
  quoted voice);
* ``mentioned``: inside quotation marks that are no QUOTE span — scare
  quotes, a word held at a distance ("une « agression »"): the writer
  mentions the word rather than uses it;
* ``own``: everywhere else, indirect speech included (the codebook counts
  reported content as the outlet's wording).

A word inside any quotation marks is therefore never ``own``. Marks around the
title of a work (a book, film, album, report: ``son livre « Le massacre des
innocents »``) are neither: a title is a name, and the codebook gives names
and titles in quotation marks nothing, so no LOADED span is made there. Titles
are the marked passages :func:`is_title` recognises, and, when the quotes
stage ran, the passages of two words or more it made neither a QUOTE nor
scare quotes (its names and titles; a single capitalised word it left alone,
like a headline's « Impoli », is still a mention).

When the caller ran no quotes stage (no ``QUOTE`` and no ``HEDGE type=scare``
span at all), marks stand in for it: a marked passage longer than
:data:`MAX_SCARE_WORDS` words is a quotation, a shorter one a mention, as the
codebook's scare-quote definition has it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..lexicons import normalise

#: the codebook's scare quotes: a short phrase of at most this many words
MAX_SCARE_WORDS = 6
#: how many words before an opening mark a work noun ("son livre « … »") is looked for
TITLE_CUE_WINDOW = 3
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: "(2016)" right after the closing mark: a work and its year
_YEAR_AFTER = re.compile(r"\s*\(\s*\d{4}\s*\)")


@dataclass(frozen=True)
class VoiceMap:
    """Character regions of one document: quotations, mentions and titles (each sorted, merged)."""

    quoted: tuple[tuple[int, int], ...]
    mentioned: tuple[tuple[int, int], ...]
    titles: tuple[tuple[int, int], ...]

    def voice(self, start: int, end: int) -> str:
        """``quoted``, ``mentioned`` or ``own`` for the characters ``[start, end)``."""
        if _within(self.quoted, start, end):
            return "quoted"
        if _within(self.mentioned, start, end) or _overlaps(self.mentioned, start, end):
            return "mentioned"
        if _overlaps(self.quoted, start, end):
            return "quoted"
        return "own"

    def in_title(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` touches the marked title of a work."""
        return _overlaps(self.titles, start, end)


def voice_map(text: str, quote_spans: list[tuple[int, int]], scare_spans: list[tuple[int, int]],
              marked: list[tuple[int, int]], title_cues: frozenset[str]) -> VoiceMap:
    """Classify the marked regions of ``text``.

    Parameters
    ----------
    text : str
        The document text.
    quote_spans, scare_spans : list of (start, end)
        ``QUOTE`` spans and ``HEDGE type=scare`` spans of the quotes stage.
    marked : list of (start, end)
        Every region enclosed in quotation marks (marks included).
    title_cues : frozenset of str
        Normalised nouns that announce a title (livre, film, album ...).

    Returns
    -------
    VoiceMap
    """
    stage_ran = bool(quote_spans or scare_spans)
    spoken = _merge(list(quote_spans) + list(scare_spans))
    # marks the quotes stage made neither a quotation nor scare quotes hold a name or a title
    titles = [r for r in marked if is_title(text, r, title_cues)
              or (stage_ran and not _overlaps(spoken, *r) and word_count(text[r[0]:r[1]]) > 1
                  and _opens_with_capital(text, r))]
    quoted = [q for q in quote_spans if not any(a <= q[0] and q[1] <= b for a, b in titles)]
    mentioned = list(scare_spans)
    # merged once, and again only when a passage joins the quotes (linear on a text of many marks)
    title_set, merged_quoted = set(titles), _merge(quoted)
    for a, b in marked:
        if (a, b) in title_set or _within(merged_quoted, a, b):
            continue
        if stage_ran or word_count(text[a:b]) <= MAX_SCARE_WORDS:
            mentioned.append((a, b))
        else:
            quoted.append((a, b))
            merged_quoted = _merge(quoted)
    return VoiceMap(tuple(_merge(quoted)), tuple(_merge(mentioned)), tuple(_merge(titles)))


def _opens_with_capital(text: str, region: tuple[int, int]) -> bool:
    """A name or a title opens with a capital letter; a lower-case passage ("était un ...") is words."""
    inner = text[region[0] + 1:region[1] - 1].lstrip(" \u00a0\u202f'’\"«“‹")
    return inner[:1].isupper()


def word_count(s: str) -> int:
    return len(_WORD.findall(s))


def is_title(text: str, region: tuple[int, int], title_cues: frozenset[str]) -> bool:
    """True when the marked ``region`` names a work.

    A work noun among the few words before the opening mark ("le livre",
    "son dernier album", "le film intitulé"), or a year in brackets right after
    the closing mark ("« La terre promise » (2016)"), with a capital letter
    opening the marked text.
    """
    a, b = region
    inner = text[a + 1:b - 1].strip()
    if not inner[:1].isupper():
        return False
    if _YEAR_AFTER.match(text, b):
        return True
    # a few words before the mark, on its line (bounded: a long line with many marks stays linear)
    line_start = max(text.rfind("\n", max(0, a - 200), a) + 1, a - 200)
    before = [normalise(w) for w in _WORD.findall(text[line_start:a])][-TITLE_CUE_WINDOW:]
    return any(w in title_cues for w in before)


def _merge(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(regions):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _within(regions, start: int, end: int) -> bool:
    k = bisect.bisect_right(regions, (start, float("inf"))) - 1
    return k >= 0 and regions[k][0] <= start and end <= regions[k][1]


def _overlaps(regions, start: int, end: int) -> bool:
    k = bisect.bisect_right(regions, (end, float("inf")))
    return any(a < end and start < b for a, b in regions[max(0, k - 2):k])
