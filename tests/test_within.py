"""Comparisons within strata (--within KEY): stratified permutation tests, weighted means, mix warnings.

The null test runs on ../shared/corpus-b (skipped when absent): random labels
skewed toward politics make topic pass for framing unless the comparison is
made within categories.
"""
from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from click.testing import CliRunner

from framing import stats

from conftest import SEEDS, SHARED

CORPUS_B = SHARED / "corpus-b" / "orangesum_outlets.jsonl"
SIX = ("AFP", "BFMTV", "L'Opinion", "franceinfo", "LeHuffPost", "Jeanmarcmorandini.com")


def confounded(seed: int, n: int = 120, effect: float = 0.0):
    """Two strata, stratum A higher by 2; label X given to 80 % of A and 20 % of B; ``effect`` added to X."""
    rng = np.random.default_rng(seed)
    s = np.where(rng.random(n) < 0.5, "A", "B")
    x_label = np.where(s == "A", rng.random(n) < 0.8, rng.random(n) < 0.2)
    value = (s == "A") * 2.0 + rng.normal(size=n) + effect * x_label
    return value[:, None], s, x_label


def test_relabelling_within_strata_keeps_the_error_rate_under_a_topic_skew():
    within, pooled = [], []
    for r in range(200):
        X, s, lab = confounded(r)
        w = stats.stratum_weights(s)
        within.append(stats.stratified_permutation_pvalues(X[lab], X[~lab], s[lab], s[~lab], w, 199, r)[0][0])
        pooled.append(stats.permutation_pvalues(X[lab], X[~lab], 199, r)[0][0])
    assert np.mean(np.array(within) < 0.05) <= 0.09  # nominal 5 %
    assert np.mean(np.array(pooled) < 0.05) > 0.9  # the unadjusted test mistakes topic for a difference


def test_a_difference_inside_the_strata_is_found():
    X, s, lab = confounded(7, n=200, effect=1.0)
    p, exact, mx, my = stats.stratified_permutation_pvalues(X[lab], X[~lab], s[lab], s[~lab],
                                                            stats.stratum_weights(s), 999, 1)
    assert p[0] < 0.01 and not exact
    assert mx[0] - my[0] == pytest.approx(1.0, abs=0.4)


def test_exact_enumeration_matches_brute_force():
    x = np.array([[1.0], [4.0], [2.5]])
    y = np.array([[0.5], [3.0], [2.0], [6.0]])
    sx, sy = ["A", "B", "B"], ["A", "A", "B", "B"]
    w = {"A": 0.5, "B": 0.5}
    p, exact, mx, my = stats.stratified_permutation_pvalues(x, y, sx, sy, w)
    assert exact
    obs = abs(mx[0] - my[0])
    a, b = [1.0, 0.5, 3.0], [4.0, 2.5, 2.0, 6.0]  # pooled values of each stratum; x has 1 of A and 2 of B
    stats_ = []
    for ia in itertools.combinations(range(3), 1):
        for ib in itertools.combinations(range(4), 2):
            xa = np.mean([a[i] for i in ia]); ya = np.mean([a[i] for i in range(3) if i not in ia])
            xb = np.mean([b[i] for i in ib]); yb = np.mean([b[i] for i in range(4) if i not in ib])
            stats_.append(abs(0.5 * (xa - ya) + 0.5 * (xb - yb)))
    assert p[0] == pytest.approx(np.mean(np.array(stats_) >= obs - 1e-12))


def test_weighted_means_and_their_interval():
    X, s, lab = confounded(3)
    w = stats.stratum_weights(s)
    m = stats.stratum_weighted_means(X[lab], s[lab], w)
    direct = sum(w[k] * X[lab][s[lab] == k].mean() for k in ("A", "B"))
    assert m[0] == pytest.approx(direct)
    reps = stats.stratified_bootstrap_means(X[lab], s[lab], w, 500, 0)
    lo, hi = stats.percentile_interval(reps)
    assert lo[0] < m[0] < hi[0]
    # no stratum in common: nothing to compare
    p, _, mx, _ = stats.stratified_permutation_pvalues(X[:3], X[3:6], ["A"] * 3, ["B"] * 3, w)
    assert np.isnan(p).all() and np.isnan(mx).all()


def test_mix_difference_measures_the_topic_skew():
    _, s, lab = confounded(11, n=400)
    mix = stats.mix_difference(np.where(lab, "X", "Y"), s)
    assert 0.45 < mix["tvd"] < 0.75 and mix["p"] < 1e-6 and mix["stratum"] in ("A", "B")
    assert stats.mix_difference(["X"] * 10 + ["Y"] * 10, ["A", "B"] * 10)["tvd"] == 0.0


def test_within_an_unknown_key_is_one_line_naming_it(tmp_path):
    from framing.cli import cli

    r = CliRunner().invoke(cli, ["compare", str(SEEDS / "001_f69122c24c78aea5.txt"), str(SEEDS / "004_0ba66114ffe4b64b.txt"),
                                  "-o", str(tmp_path / "o"), "--within", "rubrique"])
    assert r.exit_code == 1
    assert "--within rubrique" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "o").exists()


# --- the null test on real articles ------------------------------------------------

@pytest.fixture(scope="module")
def null_corpus(tmp_path_factory):
    """The 722 articles of the six larger outlets, labelled X/Y at random: X for 80 % of politics, 20 % of the rest."""
    if not CORPUS_B.is_file():
        pytest.skip("../shared/corpus-b is not available")
    rows = [json.loads(line) for line in CORPUS_B.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["outlet"] in SIX]
    assert len(rows) == 722
    rng = np.random.default_rng(19)
    path = tmp_path_factory.mktemp("null") / "null.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            label = "X" if rng.random() < (0.8 if r["orange_category"] == "politique" else 0.2) else "Y"
            f.write(json.dumps({"id": r["id"], "text": r["text"], "date": r["date"], "outlet": r["outlet"],
                                "label": label, "category": r["orange_category"]}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def null_runs(null_corpus, tmp_path_factory):
    """``framing compare --within category`` on the null corpus, and the same documents compared without it.

    The unadjusted comparison reuses the analysed documents (the texts are
    analysed once) and goes through the same statistics and report as
    :func:`~framing.compare.compare_paths`.
    """
    import copy

    from framing import adjust, report
    from framing.compare import compare_paths, compute_statistics

    out = tmp_path_factory.mktemp("nullout")
    within = compare_paths([null_corpus], out / "within", group_by="label", force=True, n_resamples=300,
                           within="category")
    plain = copy.copy(within)
    plain.settings = {**within.settings, "within": None}
    plain.groups, plain.pairs, plain.pca, plain.classifier = compute_statistics(
        within.documents, within.features, n_resamples=300)
    plain.likeness = copy.copy(within.likeness)
    plain.likeness.within, plain.likeness.strata = None, {}
    plain.likeness.mix = adjust.mix_warnings(within.documents, "label")
    (out / "plain").mkdir()
    report.write_report(plain, out / "plain")
    return plain, within, out


@pytest.mark.slow
def test_topic_skewed_random_labels_differ_only_without_adjustment(null_runs):
    plain, within, out = null_runs
    # unadjusted: topic passes for framing, and the report warns about the category mix
    assert any(p.p_holm is not None and p.p_holm < 0.05 for p in plain.pairs)
    mix = {m["key"]: m for m in plain.likeness.mix}
    assert mix["category"]["tvd"] > 0.4 and mix["category"]["stratum"] == "politique"
    md = (out / "plain" / "report.md").read_text(encoding="utf-8")
    assert "--within category" in md and "politique" in md
    # adjusted: no significant difference, and the methods say how it was compared
    assert within.settings["within"] == "category"
    assert not [p for p in within.pairs if p.p_holm is not None and p.p_holm < 0.05]
    assert within.likeness.mix == []
    md = (out / "within" / "report.md").read_text(encoding="utf-8")
    assert "Comparaison ajustée sur « category » (4 strates)" in md
    assert "--within category pour comparer" not in md


@pytest.mark.slow
def test_weighted_group_means_under_adjustment(null_runs):
    plain, within, _ = null_runs
    j = within.feature_index("quoted_word_share")
    gap_plain = abs(plain.group("X").mean[j] - plain.group("Y").mean[j])
    gap_within = abs(within.group("X").mean[j] - within.group("Y").mean[j])
    assert gap_within < gap_plain  # the topic part of the gap is gone
    for g in within.groups:
        assert g.lo[j] <= g.mean[j] <= g.hi[j]


@pytest.mark.slow
def test_random_labels_without_topic_skew_differ_nowhere_adjusted_or_not(null_runs):
    """The same documents relabelled X/Y at random, whatever the category: no difference, no mix warning."""
    import copy

    from framing import adjust
    from framing.compare import compute_statistics

    plain, _, _ = null_runs
    rng = np.random.default_rng(23)
    docs = [copy.copy(d) for d in plain.documents]
    for d in docs:
        d.group = "X" if rng.random() < 0.5 else "Y"
    assert adjust.mix_warnings(docs, "label") == []  # neither category nor outlet mix differs
    for strata in (None, adjust.strata_for(docs, "category")):
        _, pairs, _, _ = compute_statistics(docs, plain.features, n_resamples=200, n_permutations=999, strata=strata)
        assert not [p for p in pairs if p.p_holm is not None and p.p_holm < 0.05]
