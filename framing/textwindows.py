"""Windows of a very long text, analysed one after another so that memory stays bounded.

A parse holds every token of its text at once, about 90 bytes per character
of French news (``benchmarks/RESULTS.md``), so one 10 MB text would need about
a gigabyte. A text longer than :data:`WINDOW_CHARS` is therefore analysed in
windows of about that size (``framing.analysis``). A window ends at a line
break, never inside a paragraph, and only where every quotation mark opened in
the window is closed (« … », “ … ” and an even number of ``"``), so no quotation
running over paragraphs is cut in two. News articles are far shorter than a
window and are analysed whole; in a longer text only references that cross a
window's end (a pronoun whose antecedent is in the previous window) are lost.

>>> window_bounds("a\\nb\\nc", size=2)
[(0, 2), (2, 4), (4, 5)]
"""
from __future__ import annotations

#: Largest text analysed in one piece, in characters: 0.5 M characters is ~45 MB of parse.
WINDOW_CHARS = 500_000
#: How far past the target size a window may run to reach a line break where quotes are closed.
_SEARCH = 0.5
_OPENING, _CLOSING, _STRAIGHT = "«“", "»”", '"'


def _quote_counts(piece: str) -> tuple[int, int, int]:
    """Opening, closing and straight quotation marks in ``piece``."""
    return (sum(map(piece.count, _OPENING)), sum(map(piece.count, _CLOSING)), piece.count(_STRAIGHT))


def _cut(text: str, start: int, size: int) -> int:
    """Where the window starting at ``start`` ends: after a line break, quotes closed when possible."""
    target, limit = start + size, min(len(text), start + int(size * (1 + _SEARCH)))
    opened, closed, straight = _quote_counts(text[start:target])
    done, first_break = target, -1
    k = text.find("\n", target, limit)
    while k != -1:
        more = _quote_counts(text[done:k + 1])  # counted once: the search stays linear
        opened, closed, straight = opened + more[0], closed + more[1], straight + more[2]
        done = k + 1
        if first_break < 0:
            first_break = done
        if opened <= closed and straight % 2 == 0:
            return done
        k = text.find("\n", done, limit)
    if first_break > 0:
        return first_break  # quotes never close within reach: the first line break
    space = text.rfind(" ", start + 1, target)
    return space + 1 if space > start else target  # one very long line: a word boundary


def window_bounds(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive windows covering ``text``: one when it fits in ``size``."""
    bounds, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start, size)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds
