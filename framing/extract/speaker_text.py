"""Who a speech span names, and the words around a name: shared by the camp and role stages.

``name_of``/``mention_of`` read a QUOTE/IQUOTE's speaker (an ATTR's source)
and its mention offsets; ``text_before_name``/``text_after_name`` give the
title before a name and the apposition or complement after it, where a
speaker's role or country is written.
"""
from __future__ import annotations

import re

from ..spans import Span

# precompiled: these run per name or quote, and re's own cache look-up costs as much (speed, issue 15)
_COMMA = re.compile(r"\s*,\s*")
_COMPLEMENT = re.compile(r"\s+(?:de|du|des|d['’])")

#: the labels of reported speech
SPEECH = ("QUOTE", "IQUOTE")
_BOUNDARY = re.compile(r"[,;:«»“”\"()\[\]\n.!?—–]")
#: a segment opening with a preposition of place or time is an adverbial, not a title
#: ("Ce jeudi, au tribunal, Julie s'est avancée"; not "pour le toxicologue")
_ADVERBIAL = re.compile(r"^\s*(?:à|au|aux|dans|en|sur|chez|devant|depuis|pendant|lors|après|avant|sous|vers|"
                        r"près|dès|jusqu['’]\w*)\s", re.IGNORECASE)


def name_of(span: Span) -> str:
    return str(span.attrs.get("source" if span.label == "ATTR" else "speaker", "") or "").strip()


def mention_of(span: Span) -> tuple[int, int] | None:
    v = span.attrs.get("source_span" if span.label == "ATTR" else "speaker_span")
    if isinstance(v, (list, tuple)) and len(v) == 2:
        try:
            a, b = int(v[0]), int(v[1])
        except (TypeError, ValueError):
            return None
        if 0 <= a < b:
            return a, b
    return None


def text_before_name(text: str, start: int, floor: int) -> str:
    """The title before a name: back to the previous boundary, or one segment more after a comma."""
    lo = max(floor, start - 120)
    seg = text[lo:start]
    cut = max((m.end() for m in _BOUNDARY.finditer(seg)), default=0)
    head = seg[cut:]
    if not head.strip() and cut > 0 and seg[cut - 1] == ",":
        prev = seg[:cut - 1]
        pcut = max((m.end() for m in _BOUNDARY.finditer(prev)), default=0)
        head = prev[pcut:]
        if _ADVERBIAL.match(head):
            return ""
    return head


def text_after_name(text: str, end: int, ceil: int) -> str:
    """An apposition (", porte-parole du Pentagone,") or complement (" du Nord") after a name.

    The apposition runs to the next comma, or to the end of the sentence when the
    name closes it ("…, a déclaré Jana Pursely, chercheuse à l'USGS."); the
    caller only reads it when it opens with a role noun, so "selon X, Kim et
    Shoigu ont réaffirmé…" (the main clause) is not a description.
    """
    rest = text[end:min(ceil, end + 160)]
    m = _COMMA.match(rest)
    if m:
        tail = rest[m.end():]
        b = _BOUNDARY.search(tail)
        if b and tail[b.start()] not in ",.;\n":
            return ""
        tail = tail[:b.start()] if b else tail
        return tail if len(tail.split()) <= 14 else ""
    if _COMPLEMENT.match(rest):
        b = _BOUNDARY.search(rest)
        return rest[:b.start()] if b else rest
    return ""
