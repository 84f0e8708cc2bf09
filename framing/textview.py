"""A Unicode-normalised (NFC) view of a text, with offsets mapped back to the original.

The same French word may arrive precomposed (``é``, U+00E9, NFC) or decomposed
(``e`` + U+0301, NFD: macOS file names, some PDF and OCR exports). The lexicons,
the tokenizer and every rule are written for NFC, so the analysis runs on an NFC
view of the text; every offset it produces is mapped back, so that
``original[start:end]`` is the evidence in the text as the user gave it.

The view is cut into *clusters*: a character that cannot compose with what
precedes it (an ASCII character, or any character with combining class 0)
starts one, and the combining marks after it belong to it. Only clusters that
NFC changes are recorded; between them the two texts are identical up to a
constant shift. A view offset inside a changed cluster maps to the cluster's
start (span start) or end (span end), so a mapped span always covers the
original characters of the view's span.

>>> v = TextView.of("e\u0301te\u0301")     # "été" decomposed
>>> v.text, v.changed
('été', True)
>>> v.to_original(0, 3)
(0, 5)
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

#: Runs of non-ASCII characters: only they (with the ASCII base just before) can change under NFC.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@dataclass
class TextView:
    """``text`` is NFC(``original``); changed clusters as parallel arrays of offsets."""

    original: str
    text: str
    #: view and original start/end of each cluster that NFC changed, in text order
    view_starts: array = field(default_factory=lambda: array("q"))
    view_ends: array = field(default_factory=lambda: array("q"))
    orig_starts: array = field(default_factory=lambda: array("q"))
    orig_ends: array = field(default_factory=lambda: array("q"))

    @property
    def changed(self) -> bool:
        """True when NFC changed the text (offsets then differ somewhere)."""
        return len(self.view_starts) > 0

    @classmethod
    def of(cls, original: str) -> "TextView":
        """The NFC view of ``original`` (the same string, unchanged, when already NFC)."""
        if unicodedata.is_normalized("NFC", original):  # the common case: one C-level pass
            return cls(original, original)
        view = cls(original, "")
        pieces: list[str] = []
        done = 0  # original offset copied so far
        shift = 0  # view offset minus original offset after the last changed cluster
        for m in _NON_ASCII.finditer(original):
            start = m.start() - 1 if m.start() > 0 else 0  # the ASCII base a mark may sit on
            segment = original[start:m.end()]
            if unicodedata.is_normalized("NFC", segment):
                continue
            for c_start, c_end, nfc in _changed_clusters(segment, start):
                pieces.append(original[done:c_start])
                pieces.append(nfc)
                view.view_starts.append(c_start + shift)
                view.orig_starts.append(c_start)
                view.orig_ends.append(c_end)
                shift += len(nfc) - (c_end - c_start)
                view.view_ends.append(c_end + shift)
                done = c_end
        pieces.append(original[done:])
        view.text = "".join(pieces)
        return view

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the view's ``[start, end)`` (widened to whole clusters)."""
        return (_map_start(start, self.view_starts, self.view_ends, self.orig_starts, self.orig_ends),
                _map_end(end, self.view_starts, self.view_ends, self.orig_starts, self.orig_ends))

    def to_view(self, start: int, end: int) -> tuple[int, int]:
        """View offsets of the original's ``[start, end)`` (widened to whole clusters)."""
        return (_map_start(start, self.orig_starts, self.orig_ends, self.view_starts, self.view_ends),
                _map_end(end, self.orig_starts, self.orig_ends, self.view_starts, self.view_ends))


def _changed_clusters(segment: str, offset: int) -> list[tuple[int, int, str]]:
    """``(start, end, nfc)`` of the clusters of ``segment`` that NFC changes (offsets + ``offset``).

    A cluster is a starter (combining class 0) and the marks after it. When
    normalising cluster by cluster does not give the segment's NFC (a starter
    composing with a starter, as Hangul jamo do), the segment is one cluster.
    """
    cuts = [i for i, c in enumerate(segment) if i == 0 or not unicodedata.combining(c)]
    cuts.append(len(segment))
    clusters = [(a, b, unicodedata.normalize("NFC", segment[a:b])) for a, b in zip(cuts, cuts[1:])]
    whole = unicodedata.normalize("NFC", segment)
    if "".join(nfc for _, _, nfc in clusters) != whole:
        return [(offset, offset + len(segment), whole)]
    return [(offset + a, offset + b, nfc) for a, b, nfc in clusters if nfc != segment[a:b]]


def _map_start(pos: int, from_starts, from_ends, to_starts, to_ends) -> int:
    k = bisect_right(from_starts, pos) - 1  # last cluster starting at or before pos
    if k < 0:
        return pos
    if pos < from_ends[k]:  # at or inside the cluster: its start
        return to_starts[k]
    return pos - from_ends[k] + to_ends[k]


def _map_end(pos: int, from_starts, from_ends, to_starts, to_ends) -> int:
    k = bisect_left(from_starts, pos) - 1  # last cluster starting before pos
    if k < 0:
        return pos
    if pos <= from_ends[k]:  # inside the cluster or at its end: its end
        return to_ends[k]
    return pos - from_ends[k] + to_ends[k]
