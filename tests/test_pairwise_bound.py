"""Pairwise results grow with the number of groups, not its square (issue 21, item 17).

Up to ``MAX_PAIRED_GROUPS`` groups every pair is tested; above, each group is
tested against all the other documents pooled, and the report's methods say so.
"""
from __future__ import annotations

import csv
import itertools
import json
import math

import numpy as np
import pytest

from conftest import SEEDS
from framing import stats
from framing.compare import MAX_PAIRED_GROUPS, DocRecord, compare_paths, compute_statistics

FEATURES = ["hedge_per_1k", "quote_per_1k", "attr_anonymous_share"]


def records(n_groups: int, per_group=lambda g: 1) -> list[DocRecord]:
    rng = np.random.default_rng(3)
    out = []
    for g in range(n_groups):
        for k in range(per_group(g)):
            f = {name: float(v) for name, v in zip(FEATURES, rng.random(3) * [20, 10, 1])}
            out.append(DocRecord(id=f"d{g}-{k}", source="x", group=f"G{g:03d}", meta={"outlet": f"G{g:03d}"},
                                 n_words=500, n_sentences=20, features=f, row={}))
    return out


def test_up_to_the_bound_every_pair_is_tested():
    docs = records(MAX_PAIRED_GROUPS)
    groups, pairs, *_ = compute_statistics(docs, FEATURES, n_resamples=50, n_permutations=99)
    assert len(pairs) == math.comb(MAX_PAIRED_GROUPS, 2) * len(FEATURES)
    assert all(g.rest is None for g in groups)


def test_above_the_bound_each_group_is_tested_against_the_rest():
    n = 3 * MAX_PAIRED_GROUPS
    docs = records(n, per_group=lambda g: 1 + g % 3)
    groups, pairs, *_ = compute_statistics(docs, FEATURES, n_resamples=50, n_permutations=99,
                                           rest_label="(all but {name})")
    assert len(pairs) == n * len(FEATURES)  # linear, not n(n-1)/2
    X = np.array([[d.features[f] for f in FEATURES] for d in docs])
    for g in groups:
        assert g.rest is not None and g.rest.name == f"(all but {g.name})"
        assert g.rest.n == len(docs) - g.n
        assert g.rest.replicates is None  # dropped once used (memory)
        others = X[[i for i, d in enumerate(docs) if d.group != g.name]]
        np.testing.assert_allclose(g.rest.mean, others.mean(axis=0))
        assert np.all(g.rest.lo <= g.rest.mean) and np.all(g.rest.mean <= g.rest.hi)
    for p in pairs:
        assert p.b == f"(all but {p.a})" and p.p is not None
        assert p.mean_b == pytest.approx(next(g for g in groups if g.name == p.a).rest.mean[FEATURES.index(p.feature)])


def write_outlets(path, n: int) -> None:
    """``n`` one-document outlets, each a short slice of a seed article (real text, quick to analyse)."""
    texts = [p.read_text(encoding="utf-8")[:700] for p in sorted(SEEDS.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"d{i}", "outlet": f"Outlet {i:02d}", "text": texts[i % len(texts)]},
                               ensure_ascii=False) + "\n")


@pytest.mark.slow
def test_report_finds_the_pooled_partner_by_name(tmp_path):
    n = MAX_PAIRED_GROUPS + 2
    write_outlets(tmp_path / "many.jsonl", n)
    result = compare_paths([tmp_path / "many.jsonl"], tmp_path / "out", lang="en", n_resamples=30,
                           n_sentence_resamples=3, n_permutations=99)
    with (tmp_path / "out" / "pairwise.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == n * len(result.varying())
    assert {r["b"] for r in rows} == {f"(all but Outlet {i:02d})" for i in range(n)}
    assert result.group(rows[0]["b"]).n == n - 1
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["settings"]["pairwise"] == "each group against the others"
    sentence = f"Above {MAX_PAIRED_GROUPS} groups, each group is compared with all the other documents pooled"
    assert sentence in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert sentence in (tmp_path / "out" / "report.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_few_groups_keep_every_pair_and_no_extra_methods_sentence(tmp_path):
    write_outlets(tmp_path / "few.jsonl", 3)
    result = compare_paths([tmp_path / "few.jsonl"], tmp_path / "out", n_resamples=30, n_sentence_resamples=3,
                           n_permutations=99)
    assert "pairwise" not in result.settings
    assert len({(p.a, p.b) for p in result.pairs}) == 3
    assert all(p.b in {g.name for g in result.groups} for p in result.pairs)
    assert "comparé à l'ensemble des autres" not in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


def _p_by_enumeration(x, y):
    """The exact two-sided permutation p-value by brute force (every relabelling)."""
    pooled = np.vstack([x, y])
    n, nx = len(pooled), len(x)
    observed = np.abs(x.mean(axis=0) - y.mean(axis=0))
    count = np.zeros(pooled.shape[1])
    combos = list(itertools.combinations(range(n), nx))
    for c in combos:
        mask = np.zeros(n, bool)
        mask[list(c)] = True
        d = np.abs(pooled[mask].mean(axis=0) - pooled[~mask].mean(axis=0))
        count += d >= observed - 1e-12 * np.maximum(1.0, observed)
    return count / len(combos)


@pytest.mark.parametrize("nx, ny", [(1, 30), (30, 1), (2, 9), (4, 4)])
def test_exact_permutation_p_values_match_brute_force(nx, ny):
    rng = np.random.default_rng(nx * 100 + ny)
    x, y = rng.random((nx, 3)), rng.random((ny, 3)) + 0.2
    p, exact = stats.permutation_pvalues(x, y)
    assert exact
    np.testing.assert_allclose(p, _p_by_enumeration(x, y))


def test_random_relabellings_in_chunks_are_those_drawn_at_once():
    rng = np.random.default_rng(5)
    x, y = rng.random((40, 4)), rng.random((3000, 4)) + 0.01  # C(3040, 40) relabellings: random ones
    p, exact = stats.permutation_pvalues(x, y, 999, rng=11)
    assert not exact
    # the previous implementation: one matrix of every mask
    pooled, n = np.vstack([x, y]), 3040
    gen = np.random.default_rng(11)
    masks = np.zeros((999, n))
    np.put_along_axis(masks, np.argsort(gen.random((999, n)), axis=1)[:, :40], 1.0, axis=1)
    sx = masks @ pooled
    d = np.abs(sx / 40 - (pooled.sum(axis=0) - sx) / 3000)
    observed = np.abs(x.mean(axis=0) - y.mean(axis=0))
    want = (1 + (d >= observed - 1e-12 * np.maximum(1.0, observed)).sum(axis=0)) / 1000
    np.testing.assert_allclose(p, want)
