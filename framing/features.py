"""Document features, derived from evidence spans only.

Rates are per 1,000 word tokens (punctuation and excluded cruft not counted);
shares are in [0, 1]. A measure whose denominator is zero is 0.0, so every
value is a finite number (JSON, CSV and statistics need no special case).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from .document import ParsedDocument
from .spans import Span


@dataclass
class FeatureContext:
    """What a feature function reads: the document, its spans and the counts."""

    doc: ParsedDocument
    spans: list[Span]
    n_words: int
    n_sentences: int
    _by_label: dict[str, list[Span]] = field(default_factory=dict, repr=False)

    def label(self, label: str, type: str | None = None) -> list[Span]:
        """Spans with ``label`` (and ``attrs.type`` when given)."""
        if label not in self._by_label:
            self._by_label[label] = [s for s in self.spans if s.label == label]
        out = self._by_label[label]
        return out if type is None else [s for s in out if s.attrs.get("type") == type]

    def per_1k(self, count: float) -> float:
        return per_1k(count, self.n_words)

    def sentence_share(self, spans: Iterable[Span]) -> float:
        """Share of analysed sentences holding at least one of ``spans``."""
        if not self.n_sentences:
            return 0.0
        ids = {s.i for sp in spans if (s := self.doc.sentence_of(sp.start)) is not None}
        return min(1.0, len(ids) / self.n_sentences)


def per_1k(count: float, n_words: int) -> float:
    return 1000.0 * count / n_words if n_words else 0.0


def share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def compute_features(ctx: FeatureContext,
                     functions: Iterable[Callable[[FeatureContext], dict[str, float]]] | None = None
                     ) -> dict[str, float]:
    """All document features, in a stable order, every value a finite float."""
    if functions is None:
        from .extract import FEATURE_FUNCTIONS

        functions = FEATURE_FUNCTIONS
    out: dict[str, float] = {}
    for fn in functions:
        for k, v in fn(ctx).items():
            v = float(v)
            out[k] = v if v == v and abs(v) != float("inf") else 0.0
    return out
