"""Shared fixtures. Tests needing ../shared skip cleanly when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

needs_shared = pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared is not available")


def labelled(text: str, label: str) -> list:
    """The spans of ``label`` that a full analysis of ``text`` finds."""
    from framing.analysis import analyze

    return [s for s in analyze(text).spans if s.label == label]


def attr(text: str, cue: str):
    """The ATTR span whose text is ``cue`` (the test fails, listing the cues found, when none is)."""
    found = {a.text: a for a in labelled(text, "ATTR")}
    assert cue in found, list(found)
    return found[cue]


def quote_speakers(text: str) -> dict:
    """Each QUOTE's text and its speaker."""
    return {text[q.start:q.end]: q.attrs["speaker"] for q in labelled(text, "QUOTE")}


def quote(text: str, words: str):
    """The QUOTE span whose text is ``words``, quotation marks included."""
    found = {q.text: q for q in labelled(text, "QUOTE")}
    assert words in found, list(found)
    return found[words]


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared/gold is not available")
    return SHARED / "gold"


@pytest.fixture(scope="session")
def camps_on_gold_speakers(gold_dir) -> list:
    """``(gold span, predicted span)`` for every gold QUOTE/IQUOTE after the camps stage alone,
    fed the gold spans without camp, stance and target (oracle speakers)."""
    import json

    from framing.backends import get_backend
    from framing.extract import camps
    from framing.resources import default_config, get_resources
    from framing.spans import Span

    res = get_resources(default_config())
    pairs = []
    for f in sorted(gold_dir.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        doc = get_backend("builtin").parse(d["text"])
        gold = [Span.from_dict(s) for s in d["spans"]]
        inp = [Span(g.label, g.start, g.end, g.text,
                    {k: v for k, v in g.attrs.items() if k not in ("camp", "stance", "target")}) for g in gold]
        pairs += [(g, p) for g, p in zip(gold, camps.extract(doc, inp, res)) if g.label in ("QUOTE", "IQUOTE")]
    return pairs
