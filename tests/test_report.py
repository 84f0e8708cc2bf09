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
    gold = {"origin": "committed", "date": "2026-01-01", "version": "test", "n_documents": 5,
            "units": {"HEDGE:cond": {"tp": 9, "fp": 1, "fn": 1, "precision": 0.9, "recall": 0.9, "f1": 0.9},
                      "LOADED": {"tp": 5, "fp": 5, "fn": 5, "precision": 0.5, "recall": 0.5, "f1": 0.5}}}
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
    assert "Holm-adjusted p" in cond["text"] and "CI of the ratio" in cond["text"]
    fr = key_differences(two_groups, "fr")
    assert any("fois plus souvent que B-daily" in k["text"] for k in fr)
    share = next(k for k in keys if k["feature"] == "attr_anonymous_share")
    assert "40%" in share["text"] and "10%" in share["text"]


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
    assert "Which features tell the groups apart" in html and "logistic regression" in html
    assert "LOADED (F1 0.50)" in html  # detectors' error in the limitations
    # evidence in context, escaped
    assert "<mark" in html and "&lt;b&gt;x&lt;/b&gt;" in html
    # markdown: charts as PNG files beside it
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
        assert f'data-value="{float(mean)}"' in html


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
        assert "&lt;script&gt;" in text


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


def test_committed_gold_scores_match_the_detectors(gold_dir):
    """The scores a report shows when ../shared is absent are today's (refresh with
    ``python -m framing.report ../shared/gold`` after changing a detector)."""
    import json
    from importlib import resources

    from framing.report import measure_gold

    committed = json.loads(resources.files("framing").joinpath("data", "gold_scores.json").read_text(encoding="utf-8"))
    measured = measure_gold(gold_dir, "builtin")
    assert committed["units"] == measured["units"]
    assert committed["labels"] == measured["labels"]
