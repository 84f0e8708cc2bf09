"""Statistics for comparing groups of documents (outlets) on their features.

Everything here works on plain numbers: a matrix ``X`` of documents ×
features and a list of group labels. No text, no spans: the same numbers that
``features.csv`` holds.

* group means with 95 % percentile-bootstrap intervals over documents
  (:func:`bootstrap_means`, :func:`percentile_interval`);
* pairwise two-sided permutation tests of the difference in means, exact when
  the number of relabellings is small (:func:`permutation_pvalues`), with the
  Holm step-down correction (:func:`holm`);
* standardised mean differences, Hedges' *g* (:func:`hedges_g`);
* a map of documents in feature space (StandardScaler + PCA, :func:`pca_map`);
* a cross-validated logistic regression telling groups apart, with the
  majority-class baseline (:func:`classify_groups`).

Every random step takes a :class:`numpy.random.Generator` or a seed, so a
report is reproducible from its reported seed. Undefined values (NaN: a share
whose denominator is zero in that document) are missing data: means,
intervals, tests and effect sizes use the documents where the feature is
defined; the map and the classifier fill them with the feature's mean.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Iterator, Sequence

import numpy as np

#: Resamples used when the caller does not say.
DEFAULT_RESAMPLES = 2000
DEFAULT_PERMUTATIONS = 9999
#: Exact permutation enumeration is used up to this many relabellings.
MAX_EXACT = 20000


# --- intervals -------------------------------------------------------------

def bootstrap_means(X: np.ndarray, n_resamples: int = DEFAULT_RESAMPLES,
                    rng: np.random.Generator | int | None = 0) -> np.ndarray:
    """Means of ``n_resamples`` bootstrap resamples of the rows of ``X``.

    Parameters
    ----------
    X : ndarray of shape (n_documents, n_features)
    n_resamples : int
    rng : Generator or int seed

    Returns
    -------
    ndarray of shape (n_resamples, n_features)
        One row of column means per resample (rows drawn with replacement).
    """
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    rng = np.random.default_rng(rng)
    n = X.shape[0]
    if n == 0:
        return np.zeros((n_resamples, X.shape[1]))
    counts = rng.multinomial(n, np.full(n, 1.0 / n), size=n_resamples).astype(float)
    defined = ~np.isnan(X)
    if defined.all():
        return counts @ X / n
    # mean over the drawn documents where the feature is defined (NaN when none is)
    weight = counts @ defined
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(weight > 0, (counts @ np.where(defined, X, 0.0)) / weight, np.nan)


def percentile_interval(replicates: np.ndarray, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper percentile bounds of bootstrap ``replicates`` (per column)."""
    replicates = np.asarray(replicates, dtype=float)
    alpha = (1.0 - level) / 2.0
    if not np.isnan(replicates).any():
        lo = np.quantile(replicates, alpha, axis=0, method="inverted_cdf")
        hi = np.quantile(replicates, 1.0 - alpha, axis=0, method="inverted_cdf")
        return lo, hi
    import warnings

    with warnings.catch_warnings():  # an all-NaN column gives NaN bounds, which is right
        warnings.simplefilter("ignore", RuntimeWarning)
        lo = np.nanquantile(replicates, alpha, axis=0, method="inverted_cdf")
        hi = np.nanquantile(replicates, 1.0 - alpha, axis=0, method="inverted_cdf")
    return lo, hi


#: -ln(0.025): the 97.5 % upper bound of a Poisson mean when no event was seen.
ZERO_EVENTS_UPPER = 3.6888794541139363


def zero_rate_upper(exposure: float, per: float = 1000.0) -> float:
    """Upper 95 % bound of a rate ``per`` units when no event was seen in ``exposure`` units.

    A group with no cue at all in its documents still has an uncertain rate:
    with ``exposure`` words (or sentences), rates up to ``per × 3.69 / exposure``
    are compatible with seeing none (exact Poisson bound, two-sided 95 %). NaN
    when there is no exposure.
    """
    return per * ZERO_EVENTS_UPPER / exposure if exposure > 0 else float("nan")


# --- tests -----------------------------------------------------------------

def permutation_pvalues(x: np.ndarray, y: np.ndarray, n_permutations: int = DEFAULT_PERMUTATIONS,
                        rng: np.random.Generator | int | None = 0) -> tuple[np.ndarray, bool]:
    """Two-sided permutation p-values of ``mean(x) - mean(y)``, one per feature.

    Documents are pooled and relabelled. When the number of distinct
    relabellings ``C(n_x + n_y, n_x)`` is at most :data:`MAX_EXACT` every
    one is enumerated (exact test: p = share of relabellings at least as
    extreme, the observed one included); otherwise ``n_permutations`` random
    relabellings give ``p = (1 + #{|d*| >= |d|}) / (1 + n_permutations)``.

    Returns
    -------
    pvalues : ndarray of shape (n_features,)
    exact : bool
    """
    x = np.atleast_2d(np.asarray(x, dtype=float))
    y = np.atleast_2d(np.asarray(y, dtype=float))
    if x.shape[0] == 1 and x.shape[1] != y.shape[1]:
        x = x.T
    missing = np.isnan(x).any(axis=0) | np.isnan(y).any(axis=0)
    if missing.any():
        return _permutation_with_missing(x, y, missing, n_permutations, rng)
    nx, ny = x.shape[0], y.shape[0]
    pooled = np.vstack([x, y])
    n = nx + ny
    observed = np.abs(x.mean(axis=0) - y.mean(axis=0))
    tol = 1e-12 * np.maximum(1.0, observed)
    total = math.comb(n, nx)
    exact = total <= MAX_EXACT
    if exact and min(nx, ny) == 1:
        # one document against the others: the relabellings put each document alone in
        # turn, so the differences are computed directly (O(n), not an n × n mask matrix)
        others = (pooled.sum(axis=0) - pooled) / (n - 1)
        d = np.abs(pooled - others)
        return (d >= observed - tol).sum(axis=0) / total, True
    extreme = np.zeros(pooled.shape[1])
    sums = pooled.sum(axis=0)
    for m in _relabelling_masks(n, nx, exact, n_permutations, rng):
        sx = m @ pooled
        d = np.abs(sx / nx - (sums - sx) / ny)
        extreme += (d >= observed - tol).sum(axis=0)
    if exact:
        return extreme / total, True
    return (1.0 + extreme) / (1.0 + n_permutations), False


def _relabelling_masks(n: int, nx: int, exact: bool, n_permutations: int, rng) -> Iterator[np.ndarray]:
    """0/1 rows marking the documents relabelled ``x``: every combination (exact) or random ones.

    Yielded in chunks of at most ~16 MB whatever ``n`` (memory stays bounded when one
    group is tested against all the other documents). The random rows are the same as
    drawing all of them at once: the generator's stream is consumed row by row.
    """
    rows = max(1, min(4096, 2 ** 21 // max(n, 1)))
    if exact:
        combos = itertools.combinations(range(n), nx)
        while chunk := list(itertools.islice(combos, rows)):
            masks = np.zeros((len(chunk), n))
            masks[np.repeat(np.arange(len(chunk)), nx), np.concatenate(chunk)] = 1.0
            yield masks
        return
    rng = np.random.default_rng(rng)
    for start in range(0, n_permutations, rows):
        k = min(rows, n_permutations - start)
        # the nx smallest of n uniforms: a uniform random subset (argpartition picks the
        # same set as a full argsort, faster)
        chosen = np.argpartition(rng.random((k, n)), nx - 1, axis=1)[:, :nx]
        masks = np.zeros((k, n))
        np.put_along_axis(masks, chosen, 1.0, axis=1)
        yield masks


def _permutation_with_missing(x: np.ndarray, y: np.ndarray, missing: np.ndarray, n_permutations: int,
                              rng) -> tuple[np.ndarray, bool]:
    """Features with undefined values (NaN) are tested one by one on the documents where they are defined."""
    rng = np.random.default_rng(rng)
    out = np.full(x.shape[1], np.nan)
    exact_all = True
    full = np.flatnonzero(~missing)
    if len(full):
        out[full], exact_all = permutation_pvalues(x[:, full], y[:, full], n_permutations, rng)
    for j in np.flatnonzero(missing):
        xj, yj = x[:, j][~np.isnan(x[:, j])], y[:, j][~np.isnan(y[:, j])]
        if len(xj) and len(yj) and len(xj) + len(yj) > 2:
            p, exact = permutation_pvalues(xj[:, None], yj[:, None], n_permutations, rng)
            out[j] = p[0]
            exact_all = exact_all and exact
    return out, exact_all


def holm(pvalues: Sequence[float]) -> np.ndarray:
    """Holm step-down adjusted p-values (family-wise error control), same order as given.

    ``p_adj(i) = max_{j <= i} min(1, (m - j + 1) p_(j))`` over the sorted
    p-values; NaN entries are left out of the family and stay NaN.
    """
    p = np.asarray(pvalues, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    m = len(ok)
    if not m:
        return out
    order = ok[np.argsort(p[ok], kind="stable")]
    running = 0.0
    for rank, idx in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[idx]))
        out[idx] = running
    return out


def hedges_g(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Hedges' *g* per feature: Cohen's *d* with the small-sample correction.

    ``d = (mean_x - mean_y) / s_pooled``, ``s_pooled² = ((n_x-1)s_x² + (n_y-1)s_y²) / (n_x+n_y-2)``,
    ``g = d · (1 - 3 / (4(n_x+n_y) - 9))``. NaN when either group has fewer
    than two documents or the pooled deviation is zero.
    """
    x = np.atleast_2d(np.asarray(x, dtype=float))
    y = np.atleast_2d(np.asarray(y, dtype=float))
    # documents where the feature is defined, per feature
    nx, ny = (~np.isnan(x)).sum(axis=0).astype(float), (~np.isnan(y)).sum(axis=0).astype(float)
    ok = (nx >= 2) & (ny >= 2)
    out = np.full(x.shape[1], np.nan)
    if not ok.any():
        return out
    import warnings

    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        vx, vy = np.nanvar(x, axis=0, ddof=1), np.nanvar(y, axis=0, ddof=1)
        sp = np.sqrt(((nx - 1) * vx + (ny - 1) * vy) / (nx + ny - 2))
        d = (np.nanmean(x, axis=0) - np.nanmean(y, axis=0)) / sp
        g = d * (1.0 - 3.0 / (4.0 * (nx + ny) - 9.0))
    g[~ok | ~(sp > 1e-12)] = np.nan
    return g


# --- maps and classifiers --------------------------------------------------

@dataclass
class PcaResult:
    """Documents projected on the first two principal components of standardised features."""

    coords: np.ndarray            # (n_documents, 2)
    explained: np.ndarray         # share of variance of each component
    loadings: np.ndarray          # (2, n_used_features)
    features: list[str]           # the non-constant features used

    def top_loadings(self, component: int, k: int = 3) -> list[tuple[str, float]]:
        w = self.loadings[component]
        order = np.argsort(-np.abs(w))[:k]
        return [(self.features[i], float(w[i])) for i in order]


def fill_missing(X: np.ndarray) -> np.ndarray:
    """``X`` with each undefined value replaced by its column's mean (0 for a column with none defined).

    Mean imputation puts a document with an undefined share at the centre of
    that feature once standardised: it neither pulls the map nor the classifier.
    """
    X = np.array(X, dtype=float)
    if X.size and np.isnan(X).any():
        col = np.array([np.nanmean(c) if (~np.isnan(c)).any() else 0.0 for c in X.T])
        X = np.where(np.isnan(X), col[None, :], X)
    return X


def pca_map(X: np.ndarray, features: Sequence[str]) -> PcaResult | None:
    """StandardScaler + PCA(2) over documents; None with under 3 documents or 2 varying features."""
    from sklearn.decomposition import PCA
    from sklearn.preprocessing import StandardScaler

    X = fill_missing(X)
    keep = np.flatnonzero(X.std(axis=0) > 1e-12) if X.size else np.array([], dtype=int)
    if X.shape[0] < 3 or len(keep) < 2:
        return None
    Z = StandardScaler().fit_transform(X[:, keep])
    pca = PCA(n_components=2, svd_solver="full")
    coords = pca.fit_transform(Z)
    # a fixed sign convention, so a re-run draws the same map
    for c in range(2):
        j = int(np.argmax(np.abs(pca.components_[c])))
        if pca.components_[c, j] < 0:
            pca.components_[c] *= -1
            coords[:, c] *= -1
    return PcaResult(coords, pca.explained_variance_ratio_, pca.components_,
                     [features[i] for i in keep])


@dataclass
class ClassifierResult:
    """Cross-validated logistic regression telling groups apart."""

    groups: list[str]
    n_documents: int
    n_folds: int
    accuracy: float
    accuracy_sd: float
    baseline: float
    #: per group (one-vs-rest sign for 2 groups: the second group is positive)
    coefficients: dict[str, list[tuple[str, float]]] = field(default_factory=dict)


def classify_groups(X: np.ndarray, groups: Sequence[str], features: Sequence[str],
                    min_documents: int = 5, seed: int = 0, top: int = 5) -> ClassifierResult | None:
    """Cross-validated logistic regression over the groups with ``min_documents`` or more.

    Standardised features, L2-penalised logistic regression (C=1), stratified
    k-fold (k = min(5, smallest group)). The baseline always predicts the
    largest group. Coefficients come from a fit on all retained documents.
    Returns None unless at least two groups are large enough.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X = fill_missing(X)
    groups = np.asarray(list(groups), dtype=object)
    names, counts = np.unique(groups, return_counts=True)
    big = [str(g) for g, c in zip(names, counts) if c >= min_documents]
    if len(big) < 2:
        return None
    rows = np.isin(groups, big)
    Xs, ys = X[rows], groups[rows].astype(str)
    keep = np.flatnonzero(Xs.std(axis=0) > 1e-12)
    if not len(keep):
        return None
    Xs = Xs[:, keep]
    used = [features[i] for i in keep]
    k = int(min(5, min(counts[np.isin(names, big)])))
    cv = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    scores = cross_val_score(model, Xs, ys, cv=cv, scoring="accuracy")
    _, yc = np.unique(ys, return_counts=True)
    baseline = float(yc.max() / yc.sum())
    model.fit(Xs, ys)
    lr = model[-1]
    coefs: dict[str, list[tuple[str, float]]] = {}
    classes = [str(c) for c in lr.classes_]
    rows_coef = lr.coef_ if len(classes) > 2 else np.vstack([-lr.coef_[0], lr.coef_[0]])
    for cls, w in zip(classes, rows_coef):
        order = np.argsort(-w)[:top]
        coefs[cls] = [(used[i], float(w[i])) for i in order if w[i] > 0]
    return ClassifierResult(sorted(big), int(rows.sum()), k, float(scores.mean()), float(scores.std()),
                            baseline, coefs)


# --- comparisons within strata (``framing compare --within KEY``) -------------

def stratum_weights(strata: Sequence[str]) -> dict[str, float]:
    """Each stratum's share of all documents: the standard population the weighted means refer to."""
    values, counts = np.unique(np.asarray(list(strata), dtype=object).astype(str), return_counts=True)
    total = counts.sum()
    return {str(v): float(c / total) for v, c in zip(values, counts)}


def stratum_weighted_means(X: np.ndarray, strata: Sequence[str], weights: dict[str, float]) -> np.ndarray:
    """``Σ_s w_s · mean(X[s]) / Σ_s w_s`` over the strata present in ``strata`` (direct standardisation).

    A stratum absent from the rows is left out and the weights of the others
    renormalised; NaN when no row has a weighted stratum.
    """
    X = np.atleast_2d(np.asarray(X, dtype=float))
    strata = np.asarray(list(strata), dtype=object).astype(str)
    total = np.zeros(X.shape[1])
    wsum = 0.0
    for s in np.unique(strata):
        w = weights.get(str(s), 0.0)
        if w > 0:
            total += w * _nanmean(X[strata == s])
            wsum += w
    return total / wsum if wsum else np.full(X.shape[1], np.nan)


def stratified_bootstrap_means(X: np.ndarray, strata: Sequence[str], weights: dict[str, float],
                               n_resamples: int = DEFAULT_RESAMPLES,
                               rng: np.random.Generator | int | None = 0) -> np.ndarray:
    """Bootstrap replicates of :func:`stratum_weighted_means`: documents resampled within each stratum.

    Returns an array of shape (n_resamples, n_features).
    """
    X = np.atleast_2d(np.asarray(X, dtype=float))
    strata = np.asarray(list(strata), dtype=object).astype(str)
    rng = np.random.default_rng(rng)
    out = np.zeros((n_resamples, X.shape[1]))
    wsum = 0.0
    for s in np.unique(strata):
        w = weights.get(str(s), 0.0)
        if w > 0:
            out += w * bootstrap_means(X[strata == s], n_resamples, rng)
            wsum += w
    return out / wsum if wsum else np.full((n_resamples, X.shape[1]), np.nan)


def _nanmean(X: np.ndarray) -> np.ndarray:
    """Column means over the defined (non-NaN) values; 0 for a column with none."""
    defined = ~np.isnan(X)
    n = defined.sum(axis=0)
    return np.where(n > 0, np.where(defined, X, 0.0).sum(axis=0) / np.maximum(n, 1), 0.0)


def _impute(block: np.ndarray) -> np.ndarray:
    """An undefined value (NaN) replaced by its stratum's mean: it adds no difference between the groups."""
    if not np.isnan(block).any():
        return block
    return np.where(np.isnan(block), _nanmean(block)[None, :], block)


def _stratum_masks(n: int, k: int, n_draws: int | None, rng: np.random.Generator) -> np.ndarray:
    """Label masks of one stratum: every choice of ``k`` of ``n`` rows (``n_draws`` None) or random ones."""
    if n_draws is None:
        combos = list(itertools.combinations(range(n), k))
        masks = np.zeros((len(combos), n))
        for row, combo in enumerate(combos):
            masks[row, list(combo)] = 1.0
        return masks
    masks = np.zeros((n_draws, n))
    order = np.argsort(rng.random((n_draws, n)), axis=1)[:, :k]
    np.put_along_axis(masks, order, 1.0, axis=1)
    return masks


def stratified_permutation_pvalues(x: np.ndarray, y: np.ndarray, strata_x: Sequence[str],
                                   strata_y: Sequence[str], weights: dict[str, float],
                                   n_permutations: int = DEFAULT_PERMUTATIONS,
                                   rng: np.random.Generator | int | None = 0) -> tuple[np.ndarray, bool, np.ndarray, np.ndarray]:
    """Two-sided permutation test of the stratum-weighted difference in means, labels shuffled within strata.

    Only the strata where both groups have documents inform the comparison;
    the statistic is ``Σ_s w_s (mean_x,s − mean_y,s) / Σ_s w_s`` over them.
    Each relabelling keeps every stratum's numbers of ``x`` and ``y``
    documents, so a difference that comes from the groups' different mix of
    strata cannot make the test significant. Exact enumeration when the
    relabellings number at most :data:`MAX_EXACT`, else ``n_permutations``
    random ones (``p = (1 + #) / (1 + n_permutations)``).

    Returns ``(pvalues, exact, mean_x, mean_y)``, the means weighted over the
    shared strata; all NaN when no stratum holds both groups.
    """
    x = np.atleast_2d(np.asarray(x, dtype=float))
    y = np.atleast_2d(np.asarray(y, dtype=float))
    sx = np.asarray(list(strata_x), dtype=object).astype(str)
    sy = np.asarray(list(strata_y), dtype=object).astype(str)
    shared = sorted((set(sx) & set(sy)) - {s for s in weights if weights[s] <= 0})
    shared = [s for s in shared if weights.get(s, 0.0) > 0]
    nan = np.full(x.shape[1], np.nan)
    if not shared:
        return nan, False, nan, nan
    w = np.array([weights[s] for s in shared])
    w = w / w.sum()
    blocks = [(_impute(np.vstack([x[sx == s], y[sy == s]])), int((sx == s).sum()), int((sy == s).sum()))
              for s in shared]
    mean_x = sum(wk * b[:nx].mean(axis=0) for wk, (b, nx, _) in zip(w, blocks))
    mean_y = sum(wk * b[nx:].mean(axis=0) for wk, (b, nx, _) in zip(w, blocks))
    observed = np.abs(mean_x - mean_y)
    tol = 1e-12 * np.maximum(1.0, observed)
    total = math.prod(math.comb(nx + ny, nx) for _, nx, ny in blocks)
    exact = total <= MAX_EXACT
    rng = np.random.default_rng(rng)
    if exact:
        per = [(_stratum_masks(nx + ny, nx, None, rng) @ b, b.sum(axis=0), nx, ny) for b, nx, ny in blocks]
        diffs = np.zeros((1, x.shape[1]))
        for wk, (sums, tot, nx, ny) in zip(w, per):
            d = wk * (sums / nx - (tot - sums) / ny)
            diffs = (diffs[:, None, :] + d[None, :, :]).reshape(-1, x.shape[1])
        return (np.abs(diffs) >= observed - tol).sum(axis=0) / total, True, mean_x, mean_y
    extreme = np.zeros(x.shape[1])
    for start in range(0, n_permutations, 2048):
        m = min(2048, n_permutations - start)
        d = np.zeros((m, x.shape[1]))
        for wk, (b, nx, ny) in zip(w, blocks):
            sums = _stratum_masks(nx + ny, nx, m, rng) @ b
            d += wk * (sums / nx - (b.sum(axis=0) - sums) / ny)
        extreme += (np.abs(d) >= observed - tol).sum(axis=0)
    return (1.0 + extreme) / (1.0 + n_permutations), False, mean_x, mean_y


def mix_difference(groups: Sequence[str], strata: Sequence[str], min_documents: int = 5) -> dict | None:
    """How differently the groups are spread over the strata of a key (for the report's warning).

    Over groups with at least ``min_documents`` documents: the largest total
    variation distance between two groups' stratum shares (half the sum of
    absolute share differences: 0 = same mix, 1 = no stratum in common), the
    stratum that differs most for that pair, Cramér's V and the chi-square
    test of independence of group and stratum. None with fewer than two such
    groups or a single stratum.
    """
    from scipy.stats import chi2_contingency

    g = np.asarray(list(groups), dtype=object).astype(str)
    s = np.asarray(list(strata), dtype=object).astype(str)
    names, counts = np.unique(g, return_counts=True)
    big = [n for n, c in zip(names, counts) if c >= min_documents]
    levels = sorted(set(s[np.isin(g, big)]))
    if len(big) < 2 or len(levels) < 2:
        return None
    table = np.array([[np.sum((g == a) & (s == lv)) for lv in levels] for a in big], dtype=float)
    shares = table / table.sum(axis=1, keepdims=True)
    best = (0.0, 0, 1)
    for i in range(len(big)):
        for j in range(i + 1, len(big)):
            tvd = 0.5 * np.abs(shares[i] - shares[j]).sum()
            if tvd > best[0]:
                best = (float(tvd), i, j)
    tvd, i, j = best
    k = int(np.argmax(np.abs(shares[i] - shares[j])))
    keep = table.sum(axis=0) > 0
    chi2, p, _, _ = chi2_contingency(table[:, keep])
    v = math.sqrt(chi2 / (table.sum() * max(1, min(len(big), int(keep.sum())) - 1)))
    return {"tvd": tvd, "a": str(big[i]), "b": str(big[j]), "stratum": str(levels[k]), "share_a": float(shares[i, k]),
            "share_b": float(shares[j, k]), "cramers_v": v, "p": float(p), "n_strata": len(levels),
            "groups": [str(x) for x in big]}


def feature_matrix(documents: Sequence, features: Sequence[str]) -> np.ndarray:
    """Documents × features, from the same per-document values as ``features.csv``."""
    nan = float("nan")  # an undefined measure is missing, never 0
    return np.array([[nan if (v := d.features.get(f)) is None else float(v) for f in features] for d in documents],
                    dtype=float).reshape(len(documents), len(features))
