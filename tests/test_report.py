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
    assert "Un seul document" in html
    # two single texts whose resampling cannot vary: no difference is claimed
    assert "Aucun écart net" in html
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
    # the out-of-sample yardstick: the sets still blind, scored together (development sets apart)
    assert pooled["sets"] == [s["id"] for s in sets if s["blind"]] == ["blind-2", "blind-11-test"]
    assert pooled["n_documents"] == sum(s["n_documents"] for s in sets if s["blind"])
    assert gold["in_sample"]["n_documents"] == 5  # the seed scores stay beside, never instead


# --- real runs: hostile metadata, missing values, provenance (issues 20 and 21) ----------

HOSTILE = {"000_b7e5882650752a5f.txt": ("costs $10 and $20", "[clic](javascript:alert(1)) ![t](http://attacker.invalid/t.png)"),
           "001_f69122c24c78aea5.txt": ("invoice\u202egpj.exe", "Titre\n# Injected heading"),
           "002_923b77bd63ac53e8.txt": ('=HYPERLINK("http://x","y")', "@SUM(1)"),
           "003_a279e9a969214fd9.txt": ("(non renseigné)", "+cmd|calc!A1")}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """A comparison of seed texts whose manifest carries injections; one file without metadata."""
    import csv

    from conftest import SEEDS
    from framing.compare import compare_paths

    root = tmp_path_factory.mktemp("hostile")
    src = root / "in"
    src.mkdir()
    for name in list(HOSTILE) + ["004_0ba66114ffe4b64b.txt"]:
        (src / name).write_text((SEEDS / name).read_text(encoding="utf-8"), encoding="utf-8")
    with open(src / "manifest.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "outlet", "date", "title"])
        for k, (name, (outlet, title)) in enumerate(HOSTILE.items()):
            w.writerow([name, outlet, f"2024-01-0{k + 1}", title])
    result = compare_paths([src], root / "out", n_resamples=200, n_sentence_resamples=20, n_permutations=199,
                           command=["framing", "compare", "in", "-o", "out"])
    return result, root / "out"


def test_markdown_cannot_be_injected(hostile_run):
    """Outlets and titles cannot make links, images or headings in report.md (issue 21, item 10)."""
    _, out = hostile_run
    md = (out / "report.md").read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)\]\((javascript|http://attacker)", md)
    assert "[clic\\](javascript:" in md
    assert not re.search(r"^#+ Injected heading", md, re.M) and "\\# Injected heading" in md
    assert "&lt;" not in md.split("## ")[1] or "p = &lt;" not in md  # no HTML entities in p-values (issue 20)


def test_mathtext_and_bidi_in_group_names(hostile_run):
    """'$…$' reaches matplotlib as text (issue 21, item 11); no bidi override survives (item 12)."""
    result, out = hostile_run
    assert "costs $10 and $20" in [g.name for g in result.groups]
    html = (out / "report.html").read_text(encoding="utf-8")
    svg_text = re.findall(r"<text[^>]*>([^<]*)</text>", html)
    assert any("costs $10 and $20" in t for t in svg_text)  # drawn literally (svg.fonttype none)
    assert "\u202e" not in html and "\u202e" not in (out / "report.md").read_text(encoding="utf-8")
    assert "<bdi>invoicegpj.exe</bdi>" in html


def test_csv_cells_cannot_run_formulas(hostile_run):
    """features.csv, pairwise.csv and quotes.csv follow score's one rule (issue 21, item 9)."""
    import csv

    _, out = hostile_run
    for name in ("features.csv", "pairwise.csv", "quotes.csv"):
        with open(out / name, encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    if cell[:1] in ("=", "+", "@") or (cell[:1] == "-" and not re.fullmatch(r"-[\d.e-]+", cell)):
                        raise AssertionError(f"{name}: live formula cell {cell!r}")
    text = (out / "features.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "'+cmd|calc!A1" in text and "'@SUM(1)" in text


def test_missing_outlet_label_does_not_merge_with_a_real_outlet(hostile_run):
    """An outlet literally named "(non renseigné)" stays apart from documents without outlet (issue 21, item 15)."""
    result, _ = hostile_run
    names = {g.name: g.n for g in result.groups}
    assert names["(non renseigné)"] == 1 and names["“(non renseigné)”"] == 1


def test_undefined_measures_are_missing_and_counts_integers(hostile_run):
    """A share with no denominator is null/empty and left out of means; counts are ints (issue 20)."""
    import csv
    import json

    result, out = hostile_run
    lines = [json.loads(x) for x in (out / "spans.jsonl").read_text(encoding="utf-8").splitlines()]
    for rec in lines:
        assert isinstance(rec["features"]["n_hedges"], int)
        assert rec["producer"]["framing"] and len(rec["producer"]["lexicons"]) == 16
        for camp in ("unknown",):
            assert rec["features"][f"stance_balance_{camp}"] is None or isinstance(rec["features"][f"stance_balance_{camp}"], float)
    undefined = [(r["id"], k) for r in lines for k, v in r["features"].items() if v is None]
    assert undefined  # some camps are never a stance target in a document
    doc_id, feature = undefined[0]
    with open(out / "features.csv", encoding="utf-8", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["id"] == doc_id)
    assert row[feature] == "" and "." not in row["n_hedges"]
    # group means use only the documents where the measure is defined
    X = result.matrix()
    j = result.feature_index(feature)
    for g in result.groups:
        rows = [i for i, d in enumerate(result.documents) if d.group == g.name]
        vals = X[rows, j][~np.isnan(X[rows, j])]
        assert (np.isnan(g.mean[j]) and not len(vals)) or g.mean[j] == pytest.approx(vals.mean())
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert any(v is None for g in summary["groups"] for v in g["mean"].values())


def test_zero_counts_get_an_upper_bound():
    """A group with no cue at all: its rate interval is [0, 1000 × 3.69 / words], not [0, 0] (issue 20)."""
    docs = [record(i, "A", 0.0, 1.0 + i, 0.1) for i in range(3)] + [record(5 + i, "B", 2.0 + i, 1.0, 0.2) for i in range(3)]
    res = build(docs)
    a = res.group("A")
    assert a.lo[0] == 0.0 and a.hi[0] == pytest.approx(1000 * 3.6888794541139363 / 1500)


def test_key_differences_leave_out_gaps_whose_interval_includes_zero():
    rng = np.random.default_rng(3)
    docs = [record(i, "A", 1.0 + rng.normal(0, 1), 5.0, 0.3) for i in range(5)]
    docs += [record(10 + i, "B", 1.2 + rng.normal(0, 1), 5.0, 0.3) for i in range(5)]
    res = build(docs)
    pair = next(p for p in res.pairs if p.feature == "hedge_cond_reportive_per_1k")
    assert pair.diff_lo < 0 < pair.diff_hi
    assert "hedge_cond_reportive_per_1k" not in {k["feature"] for k in key_differences(res, "en")}


def test_provenance_and_quotes_table(hostile_run):
    import csv
    import json

    result, out = hostile_run
    prov = json.loads((out / "summary.json").read_text(encoding="utf-8"))["provenance"]
    assert prov["framing"] and prov["python"] and "numpy" in prov["dependencies"]
    assert prov["command"] == ["framing", "compare", "in", "-o", "out"] and prov["seconds"] >= 0 and prov["started"]
    assert len(prov["input_files"]) == 5 and all(len(f["sha256"]) == 64 for f in prov["input_files"])
    with open(out / "quotes.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:3] == ["document", "outlet", "date"]
    assert {"speaker", "role", "camp", "stance", "target", "verb", "text"} <= set(rows[0])
    assert any(r["speaker"] == "Sabrina Singh" and r["camp"] == "usa" for r in rows)
    # every lexicon `framing lexicons list` shows is in the methods table (roles.tsv was missing)
    from framing.lexicons import iter_lexicon_files, shipped_dir

    names = {x["name"] for x in result.lexicons}
    assert {p.stem for p in iter_lexicon_files(shipped_dir())} <= names
    html = (out / "report.html").read_text(encoding="utf-8")
    assert prov["lexicons"] in html and "summary.json" in html


def test_report_does_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    """A shared/gold beside the working directory changes nothing (issue 21, item 14)."""
    from framing.compare import detector_scores

    base = detector_scores()
    fake = tmp_path / "shared" / "gold"
    fake.mkdir(parents=True)
    (fake / "x.json").write_text('{"doc": "x", "text": "Il aurait dit.", "spans": []}', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert detector_scores() == base
    monkeypatch.chdir(fake)
    assert detector_scores() == base
    assert base["out_of_sample"]["pooled"]["n_documents"] >= 14  # the sets still blind: 2nd and 9th test half


def test_charts_write_nothing_on_stderr(capfd):
    """Missing glyphs and layout warnings do not reach stderr (issue 21, item 21)."""
    fig = charts.feature_dots(["漢字 ☃ 𓀀 group", "B"], [1.0, 2.0], [0.5, 1.0], [1.5, 3.0], [3, 1], "t $x$")
    charts.to_png(fig)
    charts.to_svg(fig)
    assert capfd.readouterr().err == ""


def test_group_palette_distinct_for_twelve_groups():
    styles = [charts.group_style(i) for i in range(12)]
    assert len({c for c, _ in styles}) == 12 and len({m for _, m in styles}) == 12
    assert not set(charts.GROUP_COLOURS) & set(charts.CAMP_COLOURS.values())


def test_your_own_gold_is_shown_beside_the_recorded_scores(gold_dir):
    """--gold DIR: the researcher's annotated sample is measured and gets its own column."""
    from framing.compare import detector_scores
    from framing.report import _gold_table

    scores = detector_scores(gold_dir)
    assert scores["supplied"]["n_documents"] == 5 and scores["out_of_sample"]["pooled"]
    heads = [h["short"] for h in _gold_table(scores, "en")["heads"]]
    assert heads[-1] == "Your set" and "Out of sample, pooled" in heads


def test_charts_stay_bounded_with_many_groups(tmp_path):
    """300 outlets must not make 600-inch figures: charts draw the largest groups, tables keep all."""
    import time

    from framing.report import MAX_CHART_GROUPS, build_charts

    docs = [record(i, f"G{i:03d}", 1.0 + i % 5, 2.0, 0.1 * (i % 3)) for i in range(20)]
    docs += [record(100 + i, "G000", 2.0, 1.0, 0.2) for i in range(3)]
    res = build(docs)
    start = time.time()
    figs = build_charts(res, "en")
    dots = next(f for f in figs if f["name"] == "dots")["figure"]
    assert dots.get_size_inches()[1] < 60 and time.time() - start < 120
    labels = [t.get_text() for ax in dots.axes for t in ax.get_yticklabels()]
    assert sum("G000" in x for x in labels) >= 1 and len({x for x in labels if x}) <= MAX_CHART_GROUPS
    write_report(res, tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert f"The charts show the {MAX_CHART_GROUPS} largest of 20 groups" in html and "G019" in html


def test_camp_method_and_role_features_have_readable_labels_in_both_languages():
    """Every way a camp is found and every speaker role reads as words, never as a half-translated key."""
    from framing.extract.camps import CAMP_METHODS
    from framing.extract.roles import ROLE_CLASSES
    from framing.i18n import feature_label

    names = [f"camp_method_{m.replace('+', '_').replace('-', '_')}_share" for m in CAMP_METHODS]
    names += [f"speaker_role_{r}_share" for r in (*ROLE_CLASSES, "unknown")]
    for name in names:
        fr, en = feature_label(name, "fr"), feature_label(name, "en")
        assert fr.startswith(("Camp trouvé par : ", "Rôle des orateurs : ")), fr
        assert en.startswith(("Camp found by: ", "Speakers' role: ")), en
        assert "_" not in fr + en and "method" not in fr
    assert feature_label("camp_method_home_country_share", "fr") == "Camp trouvé par : pays du média"


def test_gold_table_columns_are_named_after_their_set():
    """A reader matches a column to its set: "Aveugle 5 test", not a rank that shifts as sets are added."""
    from framing.report import _set_label

    assert _set_label("blind-5-test", 7, fr=True) == "Aveugle 5 test"
    assert _set_label("blind-4-dev", 3, fr=True) == "Aveugle 4 dév."
    assert _set_label("blind-4-dev", 3, fr=False) == "Blind 4 dev"
    assert _set_label("blind-2", 1, fr=False) == "Blind 2"
    assert _set_label(None, 0, fr=True) == "Aveugle 1"
