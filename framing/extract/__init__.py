"""Extractors: pure functions from a parsed document to evidence spans.

Every stage has the signature ``stage(doc, spans, res) -> list[Span]``: it
reads the :class:`~framing.document.ParsedDocument`, the spans found by the
stages before it, and shared :class:`~framing.resources.Resources`, and returns
the complete span list (the previous spans, possibly enriched with attributes,
plus its own). Like a spaCy component, each :class:`Stage` declares what it
``requires`` (span labels, or ``LABEL.attribute``, that an earlier stage must
assign) and what it ``assigns``; :func:`check_stages` verifies the order at
import, and a test checks on real text that a stage adds nothing it did not
declare.

Each module also exposes ``features(ctx) -> dict[str, float]`` deriving its
document features from the spans (see :mod:`framing.features`).
"""
from __future__ import annotations

from typing import Callable, NamedTuple, Sequence

from . import attribution, camps, hedges, loaded, quotes


class Stage(NamedTuple):
    """One extraction stage: its name, its function, what it reads and what it adds."""

    name: str
    function: Callable
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _attrs(label: str, *names: str) -> tuple[str, ...]:
    return tuple(f"{label}.{n}" for n in names)


_SPEAKER = ("speaker", "speaker_method", "speaker_span")
_SIDE = ("camp", "camp_method", "role")
_STANCE = ("stance", "stance_method", "target", "target_method")

#: The stages in execution order.
STAGES: tuple[Stage, ...] = (
    Stage("quotes", quotes.extract, requires=(),
          assigns=("QUOTE", *_attrs("QUOTE", "mixed", "slogan"), "HEDGE", "HEDGE.type")),  # (scare quotes)
    Stage("attribution", attribution.extract, requires=("QUOTE",),
          assigns=("ATTR", *_attrs("ATTR", "source", "source_span", "speaker_method", "stype", "verb_stance"),
                   "IQUOTE", *_attrs("IQUOTE", *_SPEAKER, "verbatim"), *_attrs("QUOTE", *_SPEAKER))),
    Stage("hedges", hedges.extract, requires=("QUOTE", "IQUOTE", "ATTR", "ATTR.source"),
          assigns=("HEDGE", *_attrs("HEDGE", "type", "use", "source"), "BOOST")),
    Stage("loaded", loaded.extract, requires=("QUOTE", "HEDGE.type"),  # (quotes and scare quotes: the voice)
          assigns=("LOADED", *_attrs("LOADED", "cat", "term", "voice"))),
    Stage("camps", camps.extract, requires=("ATTR.source", "QUOTE.speaker", "IQUOTE.speaker", "LOADED"),
          assigns=(*_attrs("ATTR", *_SIDE), *_attrs("QUOTE", *_SIDE, *_STANCE), *_attrs("IQUOTE", *_SIDE, *_STANCE))),
)


def check_stages(stages: Sequence[Stage]) -> None:
    """Raise ``ValueError`` when a stage requires what no earlier stage assigns."""
    assigned: set[str] = set()
    for stage in stages:
        missing = [r for r in stage.requires if r not in assigned]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {', '.join(missing)}, assigned by no earlier stage")
        assigned.update(stage.assigns)


check_stages(STAGES)

FEATURE_FUNCTIONS = (hedges.features, loaded.features, attribution.features,
                     quotes.features, camps.features)
