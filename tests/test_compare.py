"""``framing compare`` end to end on real text: outputs, consistency, atomicity, errors."""
import csv
import io
import json
import re
import sys

import numpy as np
import pytest
from click.testing import CliRunner

from framing.backends import get_backend
from framing.analysis import analyze_parsed
from framing.cli import cli
from framing.compare import (OutdirNotEmpty, assemble, compare_paths, compute_statistics, document_features,
                             group_name, resampling_units, sentence_bootstrap)
from framing.spans import Span

from conftest import SEEDS

FAST = dict(n_resamples=200, n_sentence_resamples=15, n_permutations=499)


def _chunks(text, n):
    paras = [p for p in text.split("\n") if len(p.split()) > 8]
    size = max(1, len(paras) // n)
    return ["\n".join(paras[i * size:(i + 1) * size]) for i in range(n)]


@pytest.fixture(scope="module")
def corpus_jsonl(tmp_path_factory):
    """Two outlets with three documents each (paragraph chunks of two seeds), one with one document."""
    d = tmp_path_factory.mktemp("corpus")
    a = (SEEDS / "001_f69122c24c78aea5.txt").read_text(encoding="utf-8")
    b = (SEEDS / "004_0ba66114ffe4b64b.txt").read_text(encoding="utf-8")
    lines = []
    for i, t in enumerate(_chunks(a, 3)):
        lines.append({"id": f"w{i}", "outlet": "watson", "date": f"2024-11-{10 + i}", "desk": "north", "text": t})
    for i, t in enumerate(_chunks(b, 3)):
        lines.append({"id": f"t{i}", "outlet": "tabloid", "date": f"2024-10-{20 + i}", "desk": "south", "text": t})
    lines.append({"id": "solo", "outlet": "Solo <script>alert(1)</script>", "date": "2024-12-01", "desk": "south",
                  "text": "Selon le Pentagone, Kim aurait envoyé <script>alert('x')</script> des milliers de soldats. "
                          "« C'est un régime criminel », a déclaré Singh. Il serait parti."})
    path = d / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def result(corpus_jsonl, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "report"
    err, sys.stderr = sys.stderr, io.StringIO()
    try:  # progress forced on, as when stderr is a terminal
        res = compare_paths([corpus_jsonl], out, lang="en", seed=7, progress=True, **FAST)
        res.stderr = sys.stderr.getvalue()
    finally:
        sys.stderr = err
    return res


def test_progress_bar_for_more_than_a_handful(result):
    assert "\r" in result.stderr and "7/7 documents" in result.stderr


def test_outputs_written(result):
    out = result.outdir
    for name in ("report.html", "report.md", "features.csv", "spans.jsonl", "summary.json", "pairwise.csv"):
        assert (out / name).is_file(), name
    assert any(p.name.startswith("chart_") and p.suffix == ".png" for p in out.iterdir())
    assert [g.name for g in result.groups] == ["Solo <script>alert(1)</script>", "tabloid", "watson"]
    assert {g.name: g.method for g in result.groups}["watson"] == "documents"
    assert {g.name: g.method for g in result.groups}["Solo <script>alert(1)</script>"] == "sentences"
    # no temporary directory left beside the output
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


def test_numbers_come_from_features_csv(result):
    """Recompute group means from features.csv and find them in summary.json and report.html."""
    out = result.outdir
    with (out / "features.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 7 and {r["group"] for r in rows} == {g.name for g in result.groups}
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    html = (out / "report.html").read_text(encoding="utf-8")
    varying = result.varying()
    assert varying, "the detectors found nothing at all in seed text"
    checked = 0
    for feature in [f for f in result.headline() if f in varying][:4] or varying[:4]:
        for g in summary["groups"]:
            values = [float(r[feature]) for r in rows if r["group"] == g["name"] and r[feature] != ""]
            mean = sum(values) / len(values)
            assert g["mean"][feature] == pytest.approx(mean, abs=1e-12)
            assert f'data-value="{g["mean"][feature]}"' in html
            checked += 1
    assert checked >= 3
    # features.csv and spans.jsonl hold the same per-document features
    lines = [json.loads(x) for x in (out / "spans.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {d["id"]: d for d in lines}
    for r in rows:
        for k, v in by_id[r["id"]]["features"].items():
            assert (r[k] == "") if v is None else float(r[k]) == pytest.approx(v)  # undefined: null and empty


def test_spans_jsonl_is_the_contract(result, corpus_jsonl):
    texts = {json.loads(x)["id"]: json.loads(x)["text"] for x in corpus_jsonl.read_text(encoding="utf-8").splitlines()}
    for line in (result.outdir / "spans.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        assert {"id", "outlet", "features", "spans", "n_words", "excluded"} <= set(d)
        for s in d["spans"]:
            assert texts[d["id"]][s["start"]:s["end"]] == s["text"]


def test_report_is_safe_and_self_contained(result):
    for name in ("report.html", "report.md"):
        text = (result.outdir / name).read_text(encoding="utf-8")
        assert "<script" not in text
    html = (result.outdir / "report.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html
    # nothing fetched: no external source, link, stylesheet import or CSS url
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html)
    assert "@import" not in html and not re.search(r"url\((?!#)", html) and "<link" not in html


def test_summary_reports_seed_and_settings(result):
    s = json.loads((result.outdir / "summary.json").read_text(encoding="utf-8"))
    assert s["settings"]["seed"] == 7 and s["settings"]["n_resamples"] == 200
    html = (result.outdir / "report.html").read_text(encoding="utf-8")
    assert "<code>7</code>" in html


def test_reproducible_with_seed(result):
    groups, *_ = compute_statistics(result.documents, result.features, seed=7, n_resamples=200, n_permutations=499)
    for g1, g2 in zip(result.groups, groups):
        assert np.array_equal(g1.lo, g2.lo, equal_nan=True) and np.array_equal(g1.hi, g2.hi, equal_nan=True)
    text = (SEEDS / "003_a279e9a969214fd9.txt").read_text(encoding="utf-8")
    doc = get_backend("builtin").parse(text)
    a = analyze_parsed(doc)
    r1, _ = sentence_bootstrap(doc, a.spans, list(a.features), 10, 5)
    r2, _ = sentence_bootstrap(doc, a.spans, list(a.features), 10, 5)
    assert np.array_equal(r1, r2, equal_nan=True)


def test_group_by_other_key(corpus_jsonl, tmp_path):
    res = compare_paths([corpus_jsonl], tmp_path / "desk", group_by="desk", **FAST)
    assert {g.name: g.n for g in res.groups} == {"north": 3, "south": 4}
    assert group_name({"date": "2024-05-06"}, "year") == "2024"
    assert group_name({}, "outlet", "(unknown)") == "(unknown)"


def test_outdir_refused_unless_force(corpus_jsonl, tmp_path):
    out = tmp_path / "busy"
    out.mkdir()
    (out / "keep.txt").write_text("precious")
    with pytest.raises(OutdirNotEmpty):
        compare_paths([corpus_jsonl], out, **FAST)
    assert (out / "keep.txt").read_text() == "precious"
    r = CliRunner().invoke(cli, ["compare", str(corpus_jsonl), "-o", str(out)])
    assert r.exit_code == 2 and "not empty" in r.output
    with pytest.raises(OutdirNotEmpty):  # --force never replaces a folder framing did not write
        compare_paths([corpus_jsonl], out, force=True, **FAST)
    assert (out / "keep.txt").read_text() == "precious"
    report = tmp_path / "report"
    compare_paths([corpus_jsonl], report, **FAST)
    (report / "stale.txt").write_text("old")
    compare_paths([corpus_jsonl], report, force=True, **FAST)  # a folder framing wrote: replaced
    assert not (report / "stale.txt").exists() and (report / "report.html").exists()


def test_input_errors_reported_others_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text((SEEDS / "003_a279e9a969214fd9.txt").read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    r = CliRunner().invoke(cli, ["compare", str(good), str(bad), "-o", str(tmp_path / "out"),
                                 "--resamples", "100", "--permutations", "99"])
    assert r.exit_code == 1
    errors = [line for line in r.output.splitlines() if line.startswith("framing: error")]
    assert len(errors) == 1 and "bad.txt" in errors[0]
    assert (tmp_path / "out" / "report.html").exists()
    assert "\r" not in r.output  # no progress bar when stderr is not a terminal


def test_identity_resample_reproduces_features():
    text = (SEEDS / "001_f69122c24c78aea5.txt").read_text(encoding="utf-8")
    doc = get_backend("builtin").parse(text)
    a = analyze_parsed(doc)
    units = resampling_units(doc, a.spans)
    synth, spans = assemble(doc, a.spans, units, range(len(units)))
    assert document_features(synth, spans) == pytest.approx(a.features, nan_ok=True)
    for s in spans:
        assert synth.text[s.start:s.end] == s.text


def test_units_keep_crossing_spans_whole():
    text = "Il a dit : « Nous partons. Nous revenons. » Puis rien. Fin."
    doc = get_backend("builtin").parse(text)
    start = text.index("«")
    quote = Span.at(text, start, text.index("»") + 1, "QUOTE", speaker="unknown")
    units = resampling_units(doc, [quote])
    assert len(doc.sentences) > len(units)
    synth, spans = assemble(doc, [quote], units, [0, 0])
    assert [s.text for s in spans] == [quote.text, quote.text]
    assert all(synth.text[s.start:s.end] == s.text for s in spans)


def test_no_readable_input_writes_nothing(tmp_path):
    out = tmp_path / "none"
    r = CliRunner().invoke(cli, ["compare", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert r.exit_code == 1 and "nothing to compare" in r.output
    assert not out.exists()


def test_sentence_bootstrap_only_for_groups_left_with_one_document(tmp_path, monkeypatch):
    from framing import compare

    text = (SEEDS / "003_a279e9a969214fd9.txt").read_text(encoding="utf-8")[:1500]
    lines = [{"id": i, "outlet": o, "text": text} for i, o in (("a", "X"), ("b", "Y"), ("c", "X"), ("d", "Z"))]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    for bound in (64, 0):  # held until the end, or bootstrapped at once and dropped
        monkeypatch.setattr(compare, "MAX_PENDING", bound)
        records, errors, _ = compare.collect([path], n_sentence_resamples=3)
        reps = {r.id: r.sentence_replicates for r in records}
        assert not errors
        assert reps["a"] is None and reps["c"] is None  # group X has two documents
        assert reps["b"].shape == (3, len(records[1].features)) and reps["d"] is not None
