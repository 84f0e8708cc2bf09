"""Stages declare what they need and what they add (like spaCy components), and keep to it."""
from __future__ import annotations

from pathlib import Path

import pytest

from framing.analysis import parse_text
from framing.extract import STAGES, Stage, check_stages
from framing.resources import default_config, get_resources

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _added(before: list, after: list) -> set[str]:
    """Labels of new spans and ``LABEL.attribute`` of every attribute a stage set."""
    known = {(s.label, s.start, s.end): set(s.attrs) for s in before}
    added: set[str] = set()
    for s in after:
        old = known.get((s.label, s.start, s.end))
        if old is None:
            added.add(s.label)
        added.update(f"{s.label}.{a}" for a in set(s.attrs) - (old or set()))
    return added


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_each_stage_adds_only_what_it_declares(path):
    res = get_resources(default_config())
    doc = parse_text(path.read_text(encoding="utf-8"))
    spans: list = []
    for stage in STAGES:
        after = stage.function(doc, spans, res)
        undeclared = _added(spans, after) - set(stage.assigns)
        assert not undeclared, f"{stage.name} adds undeclared {sorted(undeclared)}"
        spans = after


def test_the_order_satisfies_every_requirement():
    check_stages(STAGES)
    swapped = (STAGES[1], STAGES[0], *STAGES[2:])  # attribution before quotes
    with pytest.raises(ValueError, match="attribution.*requires QUOTE"):
        check_stages(swapped)


def test_a_stage_is_named_with_its_inputs_and_outputs():
    for stage in STAGES:
        assert isinstance(stage, Stage) and callable(stage.function) and stage.assigns
