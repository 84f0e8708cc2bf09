"""Statistics on synthetic feature tables (no text): intervals, tests, corrections, map, classifier."""
import math

import numpy as np
import pytest

from framing import stats


def test_bootstrap_means_reproducible_and_centred():
    rng = np.random.default_rng(1)
    X = rng.normal(5.0, 1.0, size=(30, 3))
    a = stats.bootstrap_means(X, 500, rng=7)
    b = stats.bootstrap_means(X, 500, rng=7)
    assert a.shape == (500, 3)
    assert np.array_equal(a, b)
    assert np.allclose(a.mean(axis=0), X.mean(axis=0), atol=0.1)
    lo, hi = stats.percentile_interval(a)
    assert np.all(lo < X.mean(axis=0)) and np.all(X.mean(axis=0) < hi)
    # roughly the normal-theory width 2 * 1.96 * sd / sqrt(n)
    assert np.allclose(hi - lo, 2 * 1.96 * X.std(axis=0, ddof=1) / math.sqrt(30), rtol=0.3)


def test_bootstrap_of_one_document_is_degenerate():
    reps = stats.bootstrap_means(np.array([[2.0, 3.0]]), 50, rng=0)
    assert np.all(reps == [2.0, 3.0])


def test_permutation_exact_small_groups():
    x = np.array([[10.0], [11.0], [12.0]])
    y = np.array([[1.0], [2.0], [3.0]])
    p, exact = stats.permutation_pvalues(x, y)
    assert exact
    # C(6,3) = 20 relabellings; only the observed split and its mirror are as extreme
    assert p[0] == pytest.approx(2 / 20)


def test_permutation_one_against_one_is_never_significant():
    p, exact = stats.permutation_pvalues(np.array([[1.0]]), np.array([[100.0]]))
    assert exact and p[0] == 1.0


def test_permutation_monte_carlo_large_groups():
    rng = np.random.default_rng(3)
    x = rng.normal(10, 1, size=(15, 2))
    y = rng.normal(0, 1, size=(15, 2))
    y[:, 1] = x[:, 1] + rng.normal(0, 0.01, 15)  # second feature: no difference
    p, exact = stats.permutation_pvalues(x, y, n_permutations=999, rng=0)
    assert not exact
    assert p[0] == pytest.approx(1 / 1000)
    assert p[1] > 0.5


def test_identical_groups_p_one():
    x = np.ones((4, 2))
    p, _ = stats.permutation_pvalues(x, x.copy())
    assert np.all(p == 1.0)


def test_holm_known_values_and_nan():
    adj = stats.holm([0.01, 0.04, 0.03, 0.005, float("nan")])
    assert np.allclose(adj[:4], [0.03, 0.06, 0.06, 0.02])
    assert math.isnan(adj[4])
    assert np.all(stats.holm([0.5, 0.9]) == [1.0, 1.0])


def test_hedges_g_formula():
    x = np.array([[1.0], [2.0], [3.0], [4.0]])
    y = np.array([[3.0], [4.0], [5.0], [6.0]])
    sp = math.sqrt((3 * x.var(ddof=1) + 3 * y.var(ddof=1)) / 6)
    expected = (2.5 - 4.5) / sp * (1 - 3 / (4 * 8 - 9))
    assert stats.hedges_g(x, y)[0] == pytest.approx(expected)
    assert math.isnan(stats.hedges_g(x[:1], y)[0])
    assert math.isnan(stats.hedges_g(np.ones((3, 1)), np.ones((3, 1)))[0])


def test_pca_map():
    rng = np.random.default_rng(0)
    X = np.column_stack([rng.normal(size=12), rng.normal(size=12), np.zeros(12), rng.normal(size=12)])
    res = stats.pca_map(X, ["a", "b", "const", "d"])
    assert res.coords.shape == (12, 2)
    assert "const" not in res.features
    assert 0 < res.explained.sum() <= 1
    assert stats.pca_map(X[:2], ["a", "b", "c", "d"]) is None
    again = stats.pca_map(X, ["a", "b", "const", "d"])
    assert np.allclose(res.coords, again.coords)


def test_classifier_beats_baseline_on_separable_groups():
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal([0, 0, 5], 1, size=(8, 3)), rng.normal([4, 0, 5], 1, size=(6, 3))])
    groups = ["A"] * 8 + ["B"] * 6
    res = stats.classify_groups(X, groups, ["signal", "noise", "level"], seed=1)
    assert res is not None
    assert res.baseline == pytest.approx(8 / 14)
    assert res.accuracy > 0.85 > res.baseline
    assert res.coefficients["B"][0][0] == "signal"


def test_classifier_needs_two_groups_of_five():
    X = np.random.default_rng(0).normal(size=(9, 2))
    assert stats.classify_groups(X, ["A"] * 5 + ["B"] * 4, ["x", "y"]) is None
    # small groups are left out, the two large ones compared
    X = np.random.default_rng(1).normal(size=(12, 2))
    res = stats.classify_groups(X, ["A"] * 5 + ["B"] * 5 + ["C"] * 2, ["x", "y"])
    assert res is not None and res.groups == ["A", "B"] and res.n_documents == 10


def test_undefined_values_are_left_out():
    """NaN is a missing value: means, tests and effect sizes use the defined documents only."""
    from framing.stats import bootstrap_means, fill_missing, hedges_g, percentile_interval, permutation_pvalues

    x = np.array([[1.0, 0.2], [2.0, np.nan], [3.0, 0.4], [np.nan, np.nan]])
    reps = bootstrap_means(x, 500, 0)
    assert np.nanmean(reps[:, 1]) == pytest.approx(0.3, abs=0.02)
    lo, hi = percentile_interval(reps)
    assert 0.2 <= lo[1] <= hi[1] <= 0.4
    y = np.array([[5.0, 0.9], [6.0, 0.8], [7.0, np.nan]])
    p, _ = permutation_pvalues(x, y, 999, 0)
    p_defined, _ = permutation_pvalues(np.array([[0.2], [0.4]]), np.array([[0.9], [0.8]]), 999, 0)
    assert p[1] == pytest.approx(p_defined[0])
    g = hedges_g(x, y)
    assert np.isfinite(g).all()
    filled = fill_missing(x)
    assert not np.isnan(filled).any() and filled[1, 1] == pytest.approx(0.3)


def test_zero_rate_upper_bound():
    from framing.stats import zero_rate_upper

    assert zero_rate_upper(1000) == pytest.approx(3.6888794541139363)
    assert zero_rate_upper(500, 100) == pytest.approx(100 * 3.6888794541139363 / 500)
    assert np.isnan(zero_rate_upper(0))
