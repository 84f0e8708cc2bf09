"""Extractors: pure functions from a parsed document to evidence spans.

Every stage has the signature ``stage(doc, spans, res) -> list[Span]``: it
reads the :class:`~framing.document.ParsedDocument`, the spans found by the
stages before it, and shared :class:`~framing.resources.Resources`, and returns
the complete span list (the previous spans, possibly enriched with attributes,
plus its own). Stages run in the order of :data:`STAGES` because later ones
need earlier evidence: attribution needs quotes, loaded vocabulary needs
quotes for its voice, camps need speakers.

Each module also exposes ``features(ctx) -> dict[str, float]`` deriving its
document features from the spans (see :mod:`framing.features`).
"""
from __future__ import annotations

from . import attribution, camps, hedges, loaded, quotes

#: (name, stage function) in execution order.
STAGES = (
    ("quotes", quotes.extract),
    ("attribution", attribution.extract),
    ("hedges", hedges.extract),
    ("loaded", loaded.extract),
    ("camps", camps.extract),
)

FEATURE_FUNCTIONS = (hedges.features, loaded.features, attribution.features,
                     quotes.features, camps.features)
