"""Position indexes over spans and intervals, so per-span lookups stay logarithmic.

Extractors often ask "which spans lie inside this quote?" or "is this token
inside reported speech?" once per cue. Scanning every span each time makes a
long document quadratic; these indexes answer by bisection instead.
"""
from __future__ import annotations

import bisect
from typing import Callable, Generic, Iterable, Sequence, TypeVar

T = TypeVar("T")


class PositionIndex(Generic[T]):
    """Items sorted by a start offset; those starting in ``[lo, hi)`` found by bisection."""

    def __init__(self, items: Iterable[T], start_of: Callable[[T], int]):
        self.items: list[T] = sorted(items, key=start_of)
        self.starts: list[int] = [start_of(x) for x in self.items]

    def starting_in(self, lo: int, hi: int) -> list[T]:
        return self.items[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def first_start_at_or_after(self, offset: int) -> int | None:
        k = bisect.bisect_left(self.starts, offset)
        return self.starts[k] if k < len(self.starts) else None

    def __len__(self) -> int:
        return len(self.items)


class IntervalSet:
    """The union of ``(start, end)`` intervals; ``covers(a, b)`` tests containment in one piece."""

    def __init__(self, intervals: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for a, b in sorted(intervals):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside the union (in a single merged piece)."""
        k = bisect.bisect_right(self.starts, start) - 1
        return k >= 0 and end <= self.ends[k]

    def __bool__(self) -> bool:
        return bool(self.starts)


def group_by_sentence(doc, spans: Sequence) -> dict[int, list]:
    """Spans keyed by the index of the sentence holding their start."""
    out: dict[int, list] = {}
    for s in spans:
        sent = doc.sentence_of(s.start)
        if sent is not None:
            out.setdefault(sent.i, []).append(s)
    return out


#: the per-document memo entry of :func:`lower_forms`
LOWER_FORMS_MEMO = "extract.lower_forms"


def lower_forms(doc) -> list[str]:
    """``t.text.lower()`` of every token of ``doc``, by token index, gathered once per document
    at C speed: rules reading lower-cased words of each quote read them here instead of calling
    ``lower`` per token and per quote (speed, issue 15). Shared: a caller must not change it."""
    lows = doc.cache.get(LOWER_FORMS_MEMO)
    if lows is None:
        lows = doc.cache[LOWER_FORMS_MEMO] = list(map(str.lower, doc.forms()))
    return lows


def lower_forms_between(doc, start: int, end: int) -> list[str]:
    """``[t.text.lower() for t in doc.tokens_between(start, end)]``, read from :func:`lower_forms`."""
    return lower_forms_of(doc, doc.tokens_between(start, end))


def lower_forms_of(doc, toks: list) -> list[str]:
    """``[t.text.lower() for t in toks]`` for ``toks`` taken in order from ``doc.tokens``: a slice of
    :func:`lower_forms` when they are a run of consecutive tokens (as ``tokens_between`` gives)."""
    if not toks:
        return []
    lo, hi = toks[0].i, toks[-1].i + 1
    tokens = doc.tokens
    if hi - lo == len(toks) and 0 <= lo and hi <= len(tokens) and tokens[lo] is toks[0] \
            and tokens[hi - 1] is toks[-1]:
        return lower_forms(doc)[lo:hi]  # (in order and distinct, first and last in place: the slice)
    return [t.text.lower() for t in toks]
