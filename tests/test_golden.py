"""Golden outputs: the JSONL of every shared and shipped input, and every gold score, are unchanged.

``tests/golden/expected.json`` is the record of the last accepted outputs
(hashes and scores, no article text). A change of output is either a bug or a
decision: re-record with ``python tests/golden/golden.py record
tests/golden/expected.json`` and say in the commit which documents changed and why.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from conftest import needs_shared

GOLDEN = Path(__file__).parent / "golden"


def _golden_module():
    spec = importlib.util.spec_from_file_location("golden", GOLDEN / "golden.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
@needs_shared
def test_outputs_and_gold_scores_are_unchanged():
    golden = _golden_module()
    expected = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))
    diffs = golden.compare(expected, golden.record())
    assert not diffs, "\n".join(diffs[:40])
