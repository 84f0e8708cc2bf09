"""Evidence spans: the unit every feature of the toolkit is derived from.

A span is a labelled stretch of the original document text. Its offsets are
Unicode code-point offsets into the text exactly as decoded, so that
``text[span.start:span.end] == span.text`` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

# The codebook's labels and attribute values (``../shared/codebook.md``): the one place
# they are written; extractors, features and evaluation read them from here.
LABELS = ("HEDGE", "BOOST", "LOADED", "ATTR", "QUOTE", "IQUOTE")
#: HEDGE ``type``
HEDGE_TYPES = ("cond", "source", "epistemic", "approx", "scare")
#: LOADED ``cat``
LOADED_CATEGORIES = ("pejorative", "fear", "hyperbole", "glorification", "weakness", "violence", "moral")
#: LOADED ``voice``
VOICES = ("own", "quoted", "mentioned")
#: ATTR ``stype`` (source type)
SOURCE_TYPES = ("person", "institution", "media", "expert", "anonymous")
#: ATTR ``verb_stance``
VERB_STANCES = ("neutral", "distancing", "conceding", "asserting", "disputing")
#: QUOTE/IQUOTE ``stance``
QUOTE_STANCES = ("supportive", "critical", "neutral")


@dataclass(frozen=True, slots=True)
class Span:
    """One piece of evidence: ``label`` over ``text[start:end]`` with attributes.

    ``attrs`` holds the codebook attributes (``type``, ``use``, ``cat``,
    ``voice``, ``source``, ``stype``, ``speaker``, ``camp``, ``stance``,
    ``target``, ``mixed`` ...). Values are strings, or small JSON-able values
    (e.g. speaker mention offsets as ``[start, end]``).
    """

    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def at(cls, text: str, start: int, end: int, label: str, **attrs: Any) -> "Span":
        """Build a span from document ``text`` and offsets (the text is sliced, never retyped)."""
        return cls(label, start, end, text[start:end], dict(attrs))

    @property
    def type(self) -> str | None:
        return self.attrs.get("type")

    @property
    def key(self) -> str:
        """``LABEL`` or ``LABEL:type`` — the unit that evaluation and features count."""
        t = self.attrs.get("type")
        return f"{self.label}:{t}" if t else self.label

    def with_attrs(self, **attrs: Any) -> "Span":
        """A copy with attributes added or replaced (spans are immutable)."""
        merged = dict(self.attrs)
        merged.update(attrs)
        return Span(self.label, self.start, self.end, self.text, merged)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def inside(self, start: int, end: int) -> bool:
        return start <= self.start and self.end <= end

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "start": self.start, "end": self.end,
                "text": self.text, "attrs": dict(self.attrs)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(d["label"], int(d["start"]), int(d["end"]), d.get("text", ""), dict(d.get("attrs") or {}))


def sort_spans(spans: Iterable[Span]) -> list[Span]:
    """Document order; an enclosing span before the spans it contains."""
    return sorted(spans, key=lambda s: (s.start, -s.end, s.label))
