"""The report rendered from synthetic per-document features: prose, tables, charts, safety."""
import re

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure

from framing import charts
from framing.compare import ComparisonResult, DocRecord, Snippet, compute_statistics
from framing.report import key_differences, write_report

FEATURES = ["hedge_cond_reportive_per_1k", "quote_per_1k", "attr_anonymous_share",
            "voice_russia_share", "voice_ukraine_share", "stance_balance_russia", "n_speakers"]


def _scores(f1_cond, stype, n=5):
    return {"n_documents": n, "n_spans": 40,
            "labels": {"HEDGE": {"tp": 9, "fp": 1, "fn": 1, "precision": 0.9, "recall": 0.9, "f1": 0.9},
                       "QUOTE": {"tp": 9, "fp": 1, "fn": 1, "precision": 0.9, "recall": 0.9, "f1": 0.93},
                       "ATTR": {"tp": 9, "fp": 1, "fn": 1, "precision": 0.9, "recall": 0.9, "f1": 0.88}},
            "units": {"HEDGE:cond": {"tp": 9, "fp": 1, "fn": 1, "precision": 0.9, "recall": 0.9, "f1": f1_cond}},
            "attributes": {"HEDGE.use": {"accuracy": 0.95, "n": 9}, "ATTR.stype": {"accuracy": stype, "n": 9},
                           "QUOTE.camp": {"accuracy": 0.6, "n": 10}, "IQUOTE.camp": {"accuracy": 0.8, "n": 10},
                           "QUOTE.stance": {"accuracy": 0.9, "n": 10}, "QUOTE.target": {"accuracy": 0.5, "n": 10}}}


#: Recorded scores in the package's format: in sample, two blind sets, pooled.
GOLD = {"date": "2026-01-01", "version": "test", "backend": "builtin",
        "in_sample": {**_scores(1.0, 0.96), "name": {"fr": "dev", "en": "dev"}},
        "out_of_sample": {"sets": [{**_scores(0.95, 0.74, 3), "id": "blind-1", "name": {"fr": "un", "en": "one"},
                                    "date": "2026-01-01", "blind": False, "first_run": {"ATTR": 0.79}},
                                   {**_scores(0.85, 0.55, 4), "id": "blind-2", "name": {"fr": "deux", "en": "two"},
                                    "date": "2026-01-01", "blind": True, "first_run": None}],
                          "pooled": {**_scores(0.9, 0.62, 7), "sets": ["blind-1", "blind-2"]}}}


def record(i, group, cond, quote, anon, date="2024-01-01", **meta):
    f = {"hedge_cond_reportive_per_1k": cond, "quote_per_1k": quote, "attr_anonymous_share": anon,
         "voice_russia_share": 0.7 if group.startswith("A") else 0.2,
         "voice_ukraine_share": 0.3 if group.startswith("A") else 0.8,
         "stance_balance_russia": -0.5 if group.startswith("A") else 0.5, "n_speakers": 3.0}
    ev = [Snippet("HEDGE", "HEDGE:cond", {"type": "cond", "use": "reportive"}, "Kim ", "aurait", " envoyé <b>x</b>", 4, 10)]
    return DocRecord(id=f"d{i}", source=f"d{i}.txt", group=group, meta={"outlet": group, "date": date, **meta},
                     n_words=500, n_sentences=20, features=f, row={"id": f"d{i}", **f}, evidence=ev,
                     span_counts={"HEDGE:cond": 1})


def build(docs, lang="en", seed=1):
    groups, pairs, pca, clf = compute_statistics(docs, FEATURES, seed=seed, n_resamples=300, n_permutations=999)
    settings = {"group_by": "outlet", "lang": lang, "seed": seed, "n_resamples": 300, "n_sentence_resamples": 50,
                "n_permutations": 999, "backend": "builtin", "version": "test"}
    gold = GOLD
    return ComparisonResult(docs, FEATURES, groups, pairs, pca, clf, settings, gold=gold,
                            lexicons=[{"name": "hedges", "entries": 10, "version": "1", "license": "CC0-1.0",
                                       "sha256": "abcdef123456", "source": "x", "file": "x"}])


@pytest.fixture(scope="module")
def written(two_groups, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return out, write_report(two_groups, out)


@pytest.fixture(scope="module")
def two_groups():
    rng = np.random.default_rng(0)
    docs = [record(i, "A-press", 3.0 + rng.normal(0, 0.2), 5 + rng.normal(0, 0.5), 0.4, date=f"2024-01-{i + 1:02d}")
            for i in range(6)]
    docs += [record(10 + i, "B-daily", 1.0 + rng.normal(0, 0.2), 5 + rng.normal(0, 0.5), 0.1, date=f"2024-02-{i + 1:02d}")
             for i in range(6)]
    return build(docs)


def test_key_difference_sentence_from_statistics(two_groups):
    keys = key_differences(two_groups, "en")
    cond = next(k for k in keys if k["feature"] == "hedge_cond_reportive_per_1k")
    assert cond["a"] == "A-press" and cond["solid"]
    ratio = two_groups.group("A-press").mean[0] / two_groups.group("B-daily").mean[0]
    assert f"uses the reportive conditional {ratio:.1f} times as often as B-daily" in cond["text"]
    assert "Holm-adjusted p" in cond["text"] and "ratio [" in cond["text"]
    # every interval is named after its group
    assert "A-press [" in cond["text"] and "B-daily [" in cond["text"]
    # the detector's out-of-sample score is named; 0.90 and 0.95 use accuracy: not fragile
    assert "out of sample: F1 HEDGE:cond 0.90, conditional use accuracy 0.95 (0.85 to 0.95 across sets)" in cond["text"]
    assert not cond["fragile"]
    fr = key_differences(two_groups, "fr")
    assert any("fois plus souvent que B-daily" in k["text"] for k in fr)
    share = next(k for k in keys if k["feature"] == "attr_anonymous_share")
    assert "40%" in share["text"] and "10%" in share["text"]
    # the source-type accuracy out of sample is 0.62 < 0.7: the difference is fragile
    assert share["fragile"] and "source type accuracy 0.62" in share["text"] and "fragile" in share["text"]


def test_report_files_and_content(written):
    tmp_path, files = written
    assert "report.html" in files and "report.md" in files
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    # self-contained: no script, no external resource
    assert "<script" not in html and not re.search(r'(src|href)="https?:', html)
    assert html.count("<svg") >= 4
    for section in ("Key differences", "Feature comparison", "Voices and stance", "Documents", "Methods", "Limitations"):
        assert section in html
    assert "significant" in html and "abcdef123456" in html and "20240" not in html[:0]
    assert "⚠ fragile" in html and "Out of sample, pooled" in html and "Blind 2" in html
    assert "still blind" in html and "F1 at its first, blind run" in html
    assert "Which features tell the groups apart" in html and "logistic regression" in html
    # the detectors' out-of-sample error in the limitations
    assert "Fragile measures" in html and "Anonymous sources (share) (0.62)" in html
    # evidence in context, escaped
    assert "<mark" in html and "&lt;b&gt;x&lt;/b&gt;" in html
    # markdown: charts as PNG files beside it
    assert "⚠ fragile" in md and "p = &lt;" not in md
    for name in re.findall(r"\]\((chart_[^)]+\.png)\)", md):
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "chart_" in md


def test_group_means_in_report_match_per_document_features(two_groups, written):
    tmp_path, _ = written
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    X = two_groups.matrix()
    for g in two_groups.groups:
        rows = [i for i, d in enumerate(two_groups.documents) if d.group == g.name]
        mean = X[rows, 0].mean()
        assert f'data-value="{float(mean)!r}"' in html


def test_one_document_groups_get_caveat(tmp_path):
    docs = [record(0, "Solo", 2.0, 1.0, 0.0), record(1, "Other", 1.0, 3.0, 0.5)]
    res = build(docs, lang="fr")
    assert all(g.method == "sentences" for g in res.groups)
    write_report(res, tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Un seul document" in html and "test impossible" in html
    assert "il faut au moins deux groupes de 5 documents" in html


def test_hostile_group_names_escaped(tmp_path):
    docs = [record(i, "<script>alert(1)</script>", 2.0 + i, 1.0, 0.1) for i in range(3)]
    docs += [record(10 + i, "A & B", 1.0, 1.0 + i, 0.2) for i in range(3)]
    res = build(docs)
    write_report(res, tmp_path)
    for name in ("report.html", "report.md"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "<script" not in text
        assert "&lt;script" in text


def test_chart_functions_return_figures_on_agg():
    assert matplotlib.get_backend().lower() == "agg"
    fig = charts.feature_dots(["A", "B"], [1.0, 2.0], [0.5, 1.0], [1.5, 3.0], [3, 1], "t")
    assert isinstance(fig, Figure)
    fig2 = Figure()
    ax = fig2.add_subplot()
    assert charts.stacked_shares(["A"], ["x", "y"], np.array([[0.3, 0.7]]), "t", ax=ax) is fig2
    assert charts.to_png(fig)[:4] == b"\x89PNG"
    svg = charts.to_svg(fig)
    assert svg.startswith("<svg") and "<?xml" not in svg


def test_single_group_says_nothing_to_compare(tmp_path):
    res = build([record(i, "Only", 1.0 + i, 2.0, 0.1) for i in range(3)])
    assert res.pairs == [] and res.classifier is None
    write_report(res, tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "A single group: nothing to compare" in html


def test_labels_and_numbers_in_both_languages():
    from framing.i18n import explain_span, feature_label, fmt_number, fmt_value

    assert feature_label("hedge_cond_reportive_per_1k", "fr") == "Conditionnel de reprise"
    assert feature_label("hedge_cond_reportive_per_1k", "en") == "Reportive conditional"
    assert feature_label("voice_north_korea_share", "fr") == "Voix : Corée du Nord"
    assert feature_label("brand_new_metric_per_1k", "en")  # unknown names still get a label
    assert fmt_number(1234.5, "fr") == "1\u202f234,5" and fmt_number(1234.5, "en") == "1,234.5"
    assert fmt_value("attr_anonymous_share", 0.25, "en") == "25%"
    assert fmt_number(-2.0, "en") == "−2.0"
    why = explain_span("ATTR", {"source": "le Pentagone", "stype": "institution", "verb_stance": "distancing"}, "fr")
    assert "le Pentagone (une institution)" in why and "distance" in why


def _refresh_tool():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "tools" / "refresh_gold_scores.py"
    spec = importlib.util.spec_from_file_location("refresh_gold_scores", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_recorded_gold_scores_match_the_detectors(gold_dir):
    """The scores every report shows (in sample and out of sample) are today's detectors' scores.

    After changing a detector or adding a blind set, run ``python tools/refresh_gold_scores.py ../shared``.
    """
    tool = _refresh_tool()
    measured = tool.measure(gold_dir.parent)
    assert tool.same_scores(tool.recorded(), measured), "run python tools/refresh_gold_scores.py ../shared"


def test_recorded_gold_scores_have_an_out_of_sample_section():
    from framing.report import recorded_gold_scores

    gold = recorded_gold_scores()
    sets = gold["out_of_sample"]["sets"]
    assert [s["id"] for s in sets][:3] == ["blind-1", "blind-2", "blind-3"]
    for s in sets:
        assert s["date"] and s["n_documents"] > 0 and s["n_spans"] > 0 and s["labels"]["ATTR"]["f1"] > 0
        assert s["name"]["fr"] and s["name"]["en"]
    pooled = gold["out_of_sample"]["pooled"]
    assert pooled["n_documents"] == sum(s["n_documents"] for s in sets)
    assert gold["in_sample"]["n_documents"] == 5  # the seed scores stay beside, never instead
