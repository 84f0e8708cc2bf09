"""tools/loaded_diagnose.py: boundary and voice accounting of LOADED misses (issue 18)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "loaded_diagnose", Path(__file__).resolve().parent.parent / "tools" / "loaded_diagnose.py")
diag = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(diag)


def test_a_gold_phrase_marked_as_two_words_is_one_split():
    # "provocation grossière et hostile" in gold, two lexicon words predicted
    assert diag.boundary_mismatches([(0, 32)], [(0, 11), (12, 21)]) == (1, 0)


def test_two_gold_words_under_one_joined_prediction_is_one_merge():
    # "énorme" and "mensonge" in gold, one joined span predicted
    assert diag.boundary_mismatches([(0, 6), (7, 15)], [(0, 15)]) == (0, 1)


def test_one_to_one_overlaps_are_no_mismatch():
    assert diag.boundary_mismatches([(0, 5), (10, 15)], [(1, 4), (10, 20)]) == (0, 0)


def test_voice_counts_split_predictions_by_voice_and_misses_by_marks():
    regions = [(20, 40)]
    gold = [(0, 5), (22, 30), (50, 55)]
    pred = [((0, 5), "own"), ((60, 65), "quoted")]
    c = diag.voice_counts(gold, pred, regions)
    assert c["pred own tp"] == 1 and c["pred quoted fp"] == 1
    assert c["missed in marks"] == 1 and c["missed outside marks"] == 1
