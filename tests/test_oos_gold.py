"""The out-of-sample gold: 14 wire articles annotated blind, before any tuning on them.

The stand-off spans live in ``tests/fixtures/oos_gold/`` (offsets only: the
articles are the publishers'); the texts come from ``../shared/corpus/texts``,
so these tests skip without it. The floors sit a little under the measured
scores (README, "Measured quality") to catch regressions on text the seed
articles never showed.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from conftest import SHARED, needs_shared

FIXTURES = Path(__file__).parent / "fixtures" / "oos_gold"


@functools.cache
def _build():
    import importlib.util

    spec = importlib.util.spec_from_file_location("oos_build", FIXTURES / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.build


def _evaluate_set(out_dir: Path, source: str, subset: str | None = None):
    """Rebuild one stand-off set from ``../shared/corpus/<source>`` and score the toolkit on it."""
    from framing.evaluate import evaluate, load_gold

    _build()(SHARED / "corpus" / source, out_dir, subset)
    gold = load_gold([out_dir])
    return evaluate(gold), len(gold)


def test_standoff_files_hold_no_article_text():
    # copyright: offsets, labels and attributes only
    for f in [*FIXTURES.glob("*.spans.json"), *(FIXTURES / "second").glob("*.spans.json"),
              *(FIXTURES / "third").glob("*.spans.json"),
              *(FIXTURES / "fourth").glob("*/*.spans.json"), *(FIXTURES / "fifth").glob("*/*.spans.json"),
              *(FIXTURES / "sixth").glob("*/*.spans.json"), *(FIXTURES / "seventh").glob("*/*.spans.json"),
              *(FIXTURES / "eighth").glob("*/*.spans.json"), *(FIXTURES / "ninth").glob("*/*.spans.json"),
              *(FIXTURES / "tenth").glob("*/*.spans.json"), *(FIXTURES / "eleventh").glob("*/*.spans.json")]:
        spec = json.loads(f.read_text(encoding="utf-8"))
        assert "text" not in spec and len(spec["sha256"]) == 64
        assert all("text" not in s for s in spec["spans"]), f.name
    assert len(list(FIXTURES.glob("*.spans.json"))) == 14
    assert len(list((FIXTURES / "second").glob("*.spans.json"))) == 3
    assert len(list((FIXTURES / "third").glob("*.spans.json"))) == 4
    assert len(list((FIXTURES / "fourth" / "dev").glob("*.spans.json"))) == 19
    assert len(list((FIXTURES / "fourth" / "test").glob("*.spans.json"))) == 17
    assert len(list((FIXTURES / "fifth" / "dev").glob("*.spans.json"))) == 19
    assert len(list((FIXTURES / "sixth" / "test").glob("*.spans.json"))) == 18
    assert len(list((FIXTURES / "sixth" / "second_annotator").glob("*.spans.json"))) == 6
    assert len(list((FIXTURES / "seventh" / "dev").glob("*.spans.json"))) == 12
    assert len(list((FIXTURES / "seventh" / "test").glob("*.spans.json"))) == 11
    assert len(list((FIXTURES / "seventh" / "second_annotator").glob("*.spans.json"))) == 6
    assert len(list((FIXTURES / "eighth" / "dev").glob("*.spans.json"))) == 13
    assert len(list((FIXTURES / "eighth" / "test").glob("*.spans.json"))) == 11
    assert len(list((FIXTURES / "eighth" / "second_annotator").glob("*.spans.json"))) == 6
    assert len(list((FIXTURES / "ninth" / "dev").glob("*.spans.json"))) == 11
    assert len(list((FIXTURES / "ninth" / "test").glob("*.spans.json"))) == 11
    assert len(list((FIXTURES / "ninth" / "second_annotator").glob("*.spans.json"))) == 5
    assert len(list((FIXTURES / "tenth" / "dev").glob("*.spans.json"))) == 15
    assert len(list((FIXTURES / "tenth" / "test").glob("*.spans.json"))) == 15
    assert len(list((FIXTURES / "tenth" / "second_annotator").glob("*.spans.json"))) == 6
    assert len(list((FIXTURES / "eleventh" / "dev").glob("*.spans.json"))) == 15
    assert len(list((FIXTURES / "eleventh" / "test").glob("*.spans.json"))) == 15
    assert len(list((FIXTURES / "eleventh" / "second_annotator").glob("*.spans.json"))) == 6


@needs_shared
def test_rebuilt_gold_points_into_the_corpus_texts(tmp_path):
    from framing.evaluate import load_gold

    paths = _build()(SHARED / "corpus" / "texts", tmp_path)
    docs = load_gold([tmp_path])
    assert len(paths) == len(docs) == 14
    assert sum(len(d.spans) for d in docs) == 535
    for d in docs:
        for s in d.spans:
            assert d.text[s.start:s.end] == s.text


@needs_shared
def test_wrong_text_is_refused(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    for f in (SHARED / "corpus" / "texts").glob("*.txt"):
        (texts / f.name).write_text(f.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(ValueError, match="not the annotated text"):
        _build()(texts, tmp_path / "out")


@needs_shared
def test_out_of_sample_floors(tmp_path):
    ev, _ = _evaluate_set(tmp_path, "texts")
    units, labels, acc = ev.units, ev.labels(), ev.attribute_accuracy()
    assert units["ATTR"].f1 >= 0.90
    assert units["QUOTE"].f1 >= 0.93
    assert units["IQUOTE"].f1 >= 0.70
    assert labels["HEDGE"].f1 >= 0.87
    assert units["HEDGE:cond"].f1 >= 0.95
    assert units["LOADED"].f1 >= 0.82
    assert units["BOOST"].f1 >= 0.80
    assert acc["QUOTE"]["speaker"] >= 0.68
    assert acc["ATTR"]["source"] >= 0.70


@needs_shared
def test_second_blind_set_floors(tmp_path):
    """Three more articles, annotated blind after the first set's changes and measured once."""
    ev, n_docs = _evaluate_set(tmp_path, "texts", "second")
    units, labels = ev.units, ev.labels()
    assert n_docs == 3
    assert units["ATTR"].f1 >= 0.80
    assert units["QUOTE"].f1 >= 0.78
    assert units["IQUOTE"].f1 >= 0.75
    assert labels["HEDGE"].f1 >= 0.88


@needs_shared
def test_third_blind_set_web_pages_floors(tmp_path):
    """Four French domestic web pages (opinion, satire, campus news): off the toolkit's home ground."""
    try:
        ev, _ = _evaluate_set(tmp_path, "html", "third")
    except ValueError as e:
        if "not the annotated text" not in str(e):
            raise
        pytest.skip(str(e))  # another trafilatura version extracts another text
    units, labels = ev.units, ev.labels()
    assert units["ATTR"].f1 >= 0.65
    assert units["QUOTE"].f1 >= 0.80
    assert labels["HEDGE"].f1 >= 0.72
    assert units["LOADED"].f1 >= 0.30


@needs_shared
def test_fourth_blind_set_rebuilds_from_corpus_b(tmp_path):
    """36 articles of 8 outlets and 4 sections of ../shared/corpus-b, split before annotation."""
    from framing.evaluate import load_gold

    halves = {}
    for half in ("dev", "test"):
        _build()(SHARED / "corpus-b", tmp_path / half, f"fourth/{half}")
        halves[half] = load_gold([tmp_path / half])
    assert {len(docs) for docs in halves.values()} == {19, 17}
    assert not {d.id for d in halves["dev"]} & {d.id for d in halves["test"]}
    for docs in halves.values():
        for d in docs:
            for s in d.spans:
                assert d.text[s.start:s.end] == s.text


def _agreement(folder: str) -> dict:
    import importlib.util

    path = Path(__file__).parent.parent / "tools" / "annotator_agreement.py"
    spec = importlib.util.spec_from_file_location("annotator_agreement", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.agreement(FIXTURES / folder)


def test_two_blind_annotators_agree_on_the_sixth_set():
    """Set 5's test half (folder sixth/): a second annotator on 6 of its 18 articles."""
    result = _agreement("sixth")
    assert result["documents"] == 6
    assert result["units"]["QUOTE"]["f1"] >= 0.95
    assert result["units"]["ATTR"]["f1"] >= 0.90
    assert result["units"]["LOADED"]["f1"] >= 0.85
    assert result["attributes"]["QUOTE speaker"]["agreement"] >= 0.95
    assert result["attributes"]["QUOTE camp"]["agreement"] >= 0.95


def test_two_blind_annotators_agree_on_the_seventh_set():
    """Set 7: a second annotator on 6 of its 23 articles (dev and test halves)."""
    result = _agreement("seventh")
    assert result["documents"] == 6
    assert result["units"]["QUOTE"]["f1"] >= 0.95
    assert result["units"]["ATTR"]["f1"] >= 0.90
    assert result["units"]["LOADED"]["f1"] >= 0.85
    assert result["attributes"]["QUOTE speaker"]["agreement"] >= 0.95


def test_two_blind_annotators_agree_on_the_eighth_set():
    """Set 8: a second annotator on 6 of its 24 articles (dev and test halves)."""
    result = _agreement("eighth")
    assert result["documents"] == 6
    assert result["units"]["QUOTE"]["f1"] >= 0.95
    assert result["units"]["ATTR"]["f1"] >= 0.90
    assert result["units"]["LOADED"]["f1"] >= 0.85
    assert result["attributes"]["QUOTE speaker"]["agreement"] >= 0.95


def test_two_blind_annotators_agree_on_the_ninth_set():
    """Set 9: a second annotator on 5 of its 22 articles (dev and test halves)."""
    result = _agreement("ninth")
    assert result["documents"] == 5
    assert result["units"]["QUOTE"]["f1"] >= 0.95
    assert result["units"]["ATTR"]["f1"] >= 0.95
    assert result["units"]["IQUOTE"]["f1"] >= 0.95
    assert result["units"]["LOADED"]["f1"] >= 0.88
    assert result["attributes"]["QUOTE speaker"]["agreement"] >= 0.95


def test_two_blind_annotators_agree_on_the_tenth_set():
    """Set 10: a second annotator on 6 of its 30 articles (dev and test halves)."""
    result = _agreement("tenth")
    assert result["documents"] == 6
    assert result["units"]["QUOTE"]["f1"] >= 0.95
    assert result["units"]["ATTR"]["f1"] >= 0.95
    assert result["units"]["IQUOTE"]["f1"] >= 0.90
    assert result["units"]["LOADED"]["f1"] >= 0.85
    assert result["attributes"]["QUOTE speaker"]["agreement"] >= 0.95


def test_two_blind_annotators_agree_on_the_eleventh_set():
    """Set 11: a second annotator on 6 of its 30 articles (dev and test halves)."""
    result = _agreement("eleventh")
    assert result["documents"] == 6
    assert result["units"]["QUOTE"]["f1"] >= 0.95
    assert result["units"]["ATTR"]["f1"] >= 0.95
    assert result["units"]["IQUOTE"]["f1"] >= 0.90
    assert result["units"]["LOADED"]["f1"] >= 0.80
    assert result["attributes"]["QUOTE speaker"]["agreement"] >= 0.95


def test_two_blind_annotators_agree_on_the_fourth_set():
    """Stand-off only (no text needed): the gold is as reliable as the README says."""
    result = _agreement("fourth")
    assert result["documents"] == 8
    assert result["units"]["QUOTE"]["f1"] >= 0.95
    assert result["units"]["ATTR"]["f1"] >= 0.85
    assert result["attributes"]["QUOTE speaker"]["agreement"] >= 0.95


@needs_shared
@pytest.mark.parametrize("subset, floors", [
    # set 4
    # both halves are development sets now: the test half was measured once (QUOTE 0.91, ATTR 0.69,
    # IQUOTE 0.62, speaker 0.60) before the next release's rules were tuned on it
    ("fourth/dev", {"QUOTE": 0.95, "ATTR": 0.85, "IQUOTE": 0.82, "QUOTE.speaker": 0.90, "QUOTE.camp": 0.90}),
    ("fourth/test", {"QUOTE": 0.95, "ATTR": 0.80, "IQUOTE": 0.83, "QUOTE.speaker": 0.90, "QUOTE.camp": 0.92}),
    # set 5 (its test half in sixth/)
    # development half: the figures this release's rules were developed toward
    ("fifth/dev", {"QUOTE": 0.95, "ATTR": 0.84, "IQUOTE": 0.84, "QUOTE.speaker": 0.90, "QUOTE.camp": 0.90}),
    # test half, measured once at the end of that work: a regression guard, not a target
    ("sixth/test", {"QUOTE": 0.92, "ATTR": 0.76, "IQUOTE": 0.65, "QUOTE.speaker": 0.58, "QUOTE.camp": 0.75}),
    # set 7
    # development half: blind at its first run (ATTR 0.844, IQUOTE 0.850, QUOTE speaker 0.57),
    # then the set this release's rules were checked on
    ("seventh/dev", {"QUOTE": 0.95, "ATTR": 0.86, "IQUOTE": 0.88, "QUOTE.speaker": 0.75, "QUOTE.camp": 0.88}),
    # test half, measured once at the end of that work (ATTR 0.849, IQUOTE 0.645, QUOTE speaker 0.22),
    # then a development set of the next release
    ("seventh/test", {"QUOTE": 0.95, "ATTR": 0.85, "IQUOTE": 0.68, "QUOTE.speaker": 0.54, "QUOTE.camp": 0.54}),
    # set 8
    # development half: blind at its first run (ATTR 0.762, IQUOTE 0.792, LOADED 0.457, QUOTE speaker
    # 0.63), then the set this release's rules were checked on (aggregates only)
    ("eighth/dev", {"QUOTE": 0.95, "ATTR": 0.87, "IQUOTE": 0.84, "QUOTE.speaker": 0.74, "QUOTE.camp": 0.88}),
    # test half, measured once at the end of that work (QUOTE 0.873, ATTR 0.737, IQUOTE 0.667,
    # QUOTE speaker 0.54), then a development set of the next release
    ("eighth/test", {"QUOTE": 0.88, "ATTR": 0.78, "IQUOTE": 0.80, "QUOTE.speaker": 0.80, "QUOTE.camp": 0.80}),
    # set 9
    # development half: blind at its first run (QUOTE 0.949, ATTR 0.877, IQUOTE 0.840, QUOTE speaker
    # 0.67), then read through its aggregates and, from the end of that work, its errors
    ("ninth/dev", {"QUOTE": 0.93, "ATTR": 0.88, "IQUOTE": 0.84, "QUOTE.speaker": 0.83, "QUOTE.camp": 0.70}),
    # test half, measured once at the end of that work (QUOTE 0.932, ATTR 0.842, IQUOTE 0.870,
    # QUOTE speaker 0.64), then a development set of the next release
    ("ninth/test", {"QUOTE": 0.91, "ATTR": 0.82, "IQUOTE": 0.85, "QUOTE.speaker": 0.60, "QUOTE.camp": 0.77}),
    # set 10
    # development half: blind at its first run (QUOTE 0.929, ATTR 0.849, IQUOTE 0.655, QUOTE speaker
    # 0.60), then the set this release's rules were checked on (its errors included)
    ("tenth/dev", {"QUOTE": 0.95, "ATTR": 0.86, "IQUOTE": 0.76, "QUOTE.speaker": 0.81, "QUOTE.camp": 0.92}),
    # test half, measured once at the end of that work (QUOTE 0.940, ATTR 0.895, IQUOTE 0.731, QUOTE
    # speaker 0.69), then a development set of the next release
    ("tenth/test", {"QUOTE": 0.94, "ATTR": 0.92, "IQUOTE": 0.82, "QUOTE.speaker": 0.84, "QUOTE.camp": 0.88}),
    # set 11
    # development half: blind at its first run (QUOTE 0.969, ATTR 0.825, IQUOTE 0.750, QUOTE speaker
    # 0.63), then the set this release's rules were checked on (its errors included)
    ("eleventh/dev", {"QUOTE": 0.96, "ATTR": 0.83, "IQUOTE": 0.74, "QUOTE.speaker": 0.79, "QUOTE.camp": 0.72}),
    # test half, measured once at the end of that work: a regression guard, not a target
    ("eleventh/test", {"QUOTE": 0.92, "ATTR": 0.83, "IQUOTE": 0.73, "QUOTE.speaker": 0.76, "QUOTE.camp": 0.83}),
])
def test_corpus_b_blind_set_floors(tmp_path, subset, floors):
    _assert_floors(tmp_path, subset, floors)


def _assert_floors(tmp_path: Path, subset: str, floors: dict[str, float]) -> None:
    from framing.evaluate import evaluate, load_gold

    _build()(SHARED / "corpus-b", tmp_path, subset)
    ev = evaluate(load_gold([tmp_path]))
    labels, acc = ev.labels(), ev.attribute_accuracy()
    for key, floor in floors.items():
        label, _, attr = key.partition(".")
        value = acc[label][attr] if attr else labels[label].f1
        assert value >= floor, f"{subset} {key} {value:.3f} < {floor}"


@needs_shared
def test_seventh_blind_set_rebuilds_from_corpus_b(tmp_path):
    """Set 7: 12 development and 11 test articles, disjoint from every earlier set."""
    from framing.evaluate import load_gold

    halves = {}
    for half in ("dev", "test"):
        _build()(SHARED / "corpus-b", tmp_path / half, f"seventh/{half}")
        halves[half] = load_gold([tmp_path / half])
    assert [len(halves["dev"]), len(halves["test"])] == [12, 11]
    earlier = {json.loads(f.read_text(encoding="utf-8"))["doc"]
               for folder in ("fourth", "fifth", "sixth") for f in (FIXTURES / folder).glob("*/*.spans.json")}
    ids = [d.id for docs in halves.values() for d in docs]
    assert len(set(ids)) == 23 and not earlier & set(ids)
    for docs in halves.values():
        for d in docs:
            for s in d.spans:
                assert d.text[s.start:s.end] == s.text


@needs_shared
def test_fifth_blind_set_rebuilds_from_corpus_b(tmp_path):
    """Set 5: a development half (fifth/dev, 19 articles) and a test half (sixth/test, 18), disjoint."""
    from framing.evaluate import load_gold

    halves = {}
    for half, subset in (("dev", "fifth/dev"), ("test", "sixth/test")):
        _build()(SHARED / "corpus-b", tmp_path / half, subset)
        halves[half] = load_gold([tmp_path / half])
    assert [len(halves["dev"]), len(halves["test"])] == [19, 18]
    assert not {d.id for d in halves["dev"]} & {d.id for d in halves["test"]}
    fourth = {json.loads(f.read_text(encoding="utf-8"))["doc"] for f in (FIXTURES / "fourth").glob("*/*.spans.json")}
    assert not fourth & {d.id for docs in halves.values() for d in docs}
    for docs in halves.values():
        for d in docs:
            for s in d.spans:
                assert d.text[s.start:s.end] == s.text
