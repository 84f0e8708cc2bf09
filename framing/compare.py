"""Comparing groups of documents (outlets): the library side of ``framing compare``.

:func:`compare_paths` reads the inputs, analyses every document once and keeps
only what the report needs — per-document features and metadata, a few
evidence snippets, and, for a group that ends with a single document, a set of
sentence-bootstrap replicates. Parsed documents are dropped once analysed,
except the first document of a group seen only once so far (at most
:data:`MAX_PENDING` of them; the oldest is bootstrapped and dropped beyond
that). The contract JSONL is streamed to disk. Statistics come from :mod:`framing.stats`, charts from
:mod:`framing.charts`, the report from :mod:`framing.report`.

>>> from framing.compare import compare_paths
>>> result = compare_paths(["seeds/"], "out", force=True)      # doctest: +SKIP
>>> [g.name for g in result.groups]                            # doctest: +SKIP
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from . import __version__
from . import adjust, stats
from .stats import feature_matrix  # noqa: F401  (public here since 0.1)
from .analysis import analyze_raw, failure_message, parse_raw, spans_in_view
from .document import ParsedDocument, Sentence, Token
from .features import FeatureContext, compute_features
from .i18n import text as i18n_text
from .files import OutputRefused, atomic_directory, check_output_dir
from .ingest import InputError, iter_documents
from .output import META_COLUMNS, feature_row, inert_cell, jsonl_line, record_producer, strongest_evidence
from .resources import default_config, get_resources
from .spans import Span

#: Features the key-differences prose talks about, in order of interest (shown when present).
HEADLINE = (
    "hedge_cond_reportive_per_1k", "hedge_source_per_1k", "hedge_per_1k", "hedge_epistemic_per_1k",
    "hedge_scare_per_1k", "boost_per_1k", "loaded_own_per_1k", "loaded_quoted_per_1k",
    "attr_per_100_sentences", "attr_anonymous_share", "quote_per_1k", "quoted_word_share",
)
DEFAULT_SEED = 20240601
DEFAULT_RESAMPLES = 1000
DEFAULT_PERMUTATIONS = 9999
#: Sentence-bootstrap resamples for one-document groups: each recomputes every
#: feature on a rebuilt document (~10 ms), so fewer than over documents.
DEFAULT_SENTENCE_RESAMPLES = 200
#: Parsed documents kept at most while waiting to know whether their group gets a second one.
MAX_PENDING = 64
#: characters of context on each side of an evidence span in the document cards
CONTEXT = 70


class OutdirNotEmpty(OutputRefused):
    """OUTDIR exists and is not empty, and ``force`` was not given."""


class NoStratum(Exception):
    """``--within KEY`` names a key no document has (nothing is written)."""


class NoDocuments(Exception):
    """No input document could be read: there is nothing to compare (nothing is written)."""


# --- what is kept per document ---------------------------------------------

@dataclass
class Snippet:
    """An evidence span with its surrounding text, for the document cards."""

    label: str
    key: str
    attrs: dict[str, Any]
    left: str
    text: str
    right: str
    start: int
    end: int

    def span(self) -> Span:
        return Span(self.label, self.start, self.end, self.text, dict(self.attrs))


@dataclass
class DocRecord:
    """One analysed document as the comparison keeps it (no parsed text)."""

    id: str
    source: str
    group: str
    meta: dict[str, Any]
    n_words: int
    n_sentences: int
    features: dict[str, float]
    row: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    evidence: list[Snippet] = field(default_factory=list)
    span_counts: dict[str, int] = field(default_factory=dict)
    #: sentence-bootstrap feature replicates (n_resamples × n_features), kept only while
    #: the document is the only one of its group
    sentence_replicates: np.ndarray | None = None
    replicate_features: tuple[str, ...] = ()
    n_units: int = 0
    #: quotes (QUOTE and IQUOTE) by stance target camp, for the stance chart's counts
    quote_targets: dict[str, int] = field(default_factory=dict)
    #: SHA-256 of the analysed text (provenance)
    sha256: str = ""
    #: story terms, copy fingerprint and foreign-word evidence (framing.adjust)
    profile: Any = field(default=None, repr=False)

    @property
    def outlet(self) -> str | None:
        return self.meta.get("outlet")


@dataclass
class GroupSummary:
    """Per-group means of every feature with a 95 % interval."""

    name: str
    n: int
    mean: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    #: "documents" (bootstrap over documents) or "sentences" (one document: its sentences resampled)
    method: str
    replicates: np.ndarray = field(repr=False, default=None)
    doc_ids: list[str] = field(default_factory=list)
    #: above MAX_PAIRED_GROUPS groups: the other documents pooled, which this group is compared with
    rest: GroupSummary | None = None


@dataclass
class PairTest:
    """Group ``a`` against group ``b`` on one feature."""

    a: str
    b: str
    feature: str
    mean_a: float
    mean_b: float
    diff: float
    #: 95 % bootstrap interval of ``diff`` (the groups resampled independently)
    diff_lo: float | None
    diff_hi: float | None
    ratio: float | None
    ratio_lo: float | None
    ratio_hi: float | None
    p: float | None
    p_holm: float | None
    g: float | None
    exact: bool
    family: str  # "headline" or "other"

    def to_dict(self) -> dict[str, Any]:
        return {k: _clean(v) for k, v in self.__dict__.items()}


@dataclass
class ComparisonResult:
    """Everything a comparison produced; the report is rendered from it."""

    documents: list[DocRecord]
    features: list[str]
    groups: list[GroupSummary]
    pairs: list[PairTest]
    pca: stats.PcaResult | None
    classifier: stats.ClassifierResult | None
    settings: dict[str, Any]
    errors: list[InputError] = field(default_factory=list)
    lexicons: list[dict[str, Any]] = field(default_factory=list)
    gold: dict[str, Any] | None = None
    outdir: Path | None = None
    files: list[str] = field(default_factory=list)
    #: versions, dependencies, command line, input hashes, run time (see :func:`provenance`)
    provenance: dict[str, Any] = field(default_factory=dict)
    #: stories, copies, dedupe and --within adjustment (:class:`framing.adjust.Likeness`)
    likeness: Any = None

    def quotes_about(self, group: str, target: str) -> int:
        """Quotes (direct and reported) of ``group``'s documents whose stance target is ``target``."""
        return sum(d.quote_targets.get(target, 0) for d in self.documents if d.group == group)

    @property
    def ok(self) -> bool:
        return not self.errors

    def group(self, name: str) -> GroupSummary:
        """A group by name, or the pooled other documents a group was compared with (``rest``)."""
        key = (id(self.groups), len(self.groups))
        cached = self.__dict__.get("_group_index")
        if cached is None or cached[0] != key:
            index = {g.rest.name: g.rest for g in self.groups if g.rest is not None}
            index.update((g.name, g) for g in self.groups)
            cached = self.__dict__["_group_index"] = (key, index)
        return cached[1][name]

    def feature_index(self, name: str) -> int:
        return self.features.index(name)

    def matrix(self) -> np.ndarray:
        return feature_matrix(self.documents, self.features)

    def headline(self) -> list[str]:
        """Headline features present in the data."""
        return [f for f in HEADLINE if f in self.features]

    def varying(self) -> list[str]:
        """Features that are not the same in every document."""
        X = self.matrix()
        return [f for j, f in enumerate(self.features) if j in set(np.flatnonzero(_varying(X)))]

    def to_dict(self) -> dict[str, Any]:
        """The numbers of the report (written as ``summary.json``)."""
        return {
            "settings": self.settings,
            "features": self.features,
            "groups": [{"name": g.name, "n": g.n, "interval": g.method, "documents": g.doc_ids,
                        "mean": dict(zip(self.features, map(_clean, g.mean))),
                        "lo": dict(zip(self.features, map(_clean, g.lo))),
                        "hi": dict(zip(self.features, map(_clean, g.hi)))} for g in self.groups],
            "pairs": [p.to_dict() for p in self.pairs],
            "pca": None if self.pca is None else {
                "explained": [float(x) for x in self.pca.explained],
                "features": self.pca.features,
                "loadings": [[float(x) for x in row] for row in self.pca.loadings],
                "documents": {d.id: [float(c) for c in xy] for d, xy in zip(self.documents, self.pca.coords)}},
            "classifier": None if self.classifier is None else dict(self.classifier.__dict__),
            "lexicons": self.lexicons,
            "gold": self.gold,
            "provenance": self.provenance,
            "likeness": None if self.likeness is None else self.likeness.to_dict(),
            "documents": [{"id": d.id, "source": d.source, "group": d.group, "sha256": d.sha256,
                           "n_words": d.n_words, "n_sentences": d.n_sentences} for d in self.documents],
            "errors": [e.to_dict() for e in self.errors],
        }


def _clean(v: Any) -> Any:
    if isinstance(v, (np.floating, float)):
        v = float(v)
        return None if v != v or v in (float("inf"), float("-inf")) else v
    if isinstance(v, np.integer):
        return int(v)
    return v


def group_name(meta: dict[str, Any], group_by: str, unknown: str = "(unknown)") -> str:
    """The group of a document: ``meta[group_by]`` as a string (``year``/``month`` derive from ``date``)."""
    value = meta.get(group_by)
    if value in (None, "") and group_by in ("year", "month") and meta.get("date"):
        d = str(meta["date"])
        value = d[:4] if group_by == "year" else d[:7]
    value = "" if value is None else str(value).strip()
    if value == unknown:  # a real value spelt like the missing-value label stays its own group
        return f"“{value}”"
    return value or unknown


# --- sentence bootstrap for one-document groups ----------------------------

def resampling_units(doc: ParsedDocument, spans: Sequence[Span]) -> list[tuple[int, int]]:
    """Analysed sentences as ``(first, last)`` sentence-index ranges, merged where a span crosses.

    A span crossing a sentence boundary (a multi-sentence quote) keeps its
    sentences together, so a resampled document never cuts a span in two.
    """
    analysed = {s.i for s in doc.analysed_sentences()}
    if not analysed:
        return []
    join = set()  # sentence i joined with i+1
    for sp in spans:
        a, b = doc.sentence_of(sp.start), doc.sentence_of(max(sp.start, sp.end - 1))
        if a is not None and b is not None and b.i > a.i:
            join.update(range(a.i, b.i))
    units: list[tuple[int, int]] = []
    start = None
    for s in doc.sentences:
        if start is None:
            start = s.i
        if s.i not in join:
            if any(i in analysed for i in range(start, s.i + 1)):
                units.append((start, s.i))
            start = None
    return units


def _shift(v: Any, delta: int) -> Any:
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, int) for x in v):
        return [v[0] + delta, v[1] + delta]
    return v


def assemble(doc: ParsedDocument, spans: Sequence[Span], units: Sequence[tuple[int, int]],
             sample: Iterable[int]) -> tuple[ParsedDocument, list[Span]]:
    """A synthetic document made of the sampled units (sentence groups) of ``doc``, in sample order.

    Tokens, sentences, excluded regions and spans are copied with shifted
    offsets, so feature functions run on it exactly as on a real document.
    """
    by_unit: dict[int, list[Span]] = {}
    starts = [doc.sentences[a].start for a, _ in units]
    import bisect

    for sp in spans:
        k = bisect.bisect_right(starts, sp.start) - 1
        if k >= 0 and sp.start < doc.sentences[units[k][1]].end:
            by_unit.setdefault(k, []).append(sp)
    parts: list[str] = []
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    out_spans: list[Span] = []
    excluded: list[tuple[int, int]] = []
    pos = 0
    for k in sample:
        a, b = units[k]
        s0, s1 = doc.sentences[a], doc.sentences[b]
        cstart, cend = s0.start, s1.end
        delta = pos - cstart
        tdelta = len(tokens) - s0.first
        for s in doc.sentences[a:b + 1]:
            sentences.append(Sentence(len(sentences), s.start + delta, s.end + delta,
                                      s.first + tdelta, s.last + tdelta))
        sent_delta = len(sentences) - (b - a + 1) - a
        for t in doc.tokens[s0.first:s1.last]:
            head = t.head + tdelta if t.head is not None and s0.first <= t.head < s1.last else None
            tokens.append(Token(len(tokens), t.text, t.start + delta, t.end + delta, t.lemma, t.is_word,
                                t.sent + sent_delta, t.upos, t.feats, head, t.deprel, t.ner))
        for ea, eb in doc.excluded:
            if ea < cend and cstart < eb:
                excluded.append((max(ea, cstart) + delta, min(eb, cend) + delta))
        for sp in by_unit.get(k, ()):
            attrs = {key: _shift(v, delta) for key, v in sp.attrs.items()}
            out_spans.append(Span(sp.label, sp.start + delta, sp.end + delta, sp.text, attrs))
        parts.append(doc.text[cstart:cend])
        pos += cend - cstart + 1
    text = "\n".join(parts)
    synth = ParsedDocument(text, tokens, sentences, backend=doc.backend, annotations=doc.annotations,
                           excluded=excluded, language=doc.language, meta=dict(doc.meta))
    return synth, out_spans


def document_features(doc: ParsedDocument, spans: Sequence[Span]) -> dict[str, float]:
    """Features of ``doc`` exactly as :func:`framing.analysis.analyze_parsed` computes them."""
    n_words = doc.count_words()
    n_sentences = len(doc.analysed_sentences())
    return compute_features(FeatureContext(doc, list(spans), n_words, n_sentences))


def sentence_bootstrap(doc: ParsedDocument, spans: Sequence[Span], features: Sequence[str],
                       n_resamples: int, rng: np.random.Generator | int) -> tuple[np.ndarray, int]:
    """Feature replicates of ``doc`` recomputed on its sentences resampled with replacement.

    Returns ``(replicates, n_units)``; replicates has shape (n_resamples, len(features)).
    Used as the interval of a group that holds this one document: it shows how
    much the document's rates depend on which of its sentences carry the cues,
    not how much outlets vary between articles.
    """
    rng = np.random.default_rng(rng)
    units = resampling_units(doc, spans)
    out = np.zeros((n_resamples, len(features)))
    if not units:
        base = document_features(doc, spans)
        out[:] = [base.get(f, 0.0) for f in features]
        return out, 0
    n = len(units)
    draws = rng.integers(0, n, size=(n_resamples, n))
    for r in range(n_resamples):
        synth, sp = assemble(doc, spans, units, draws[r])
        f = document_features(synth, sp)
        out[r] = [f.get(name, 0.0) for name in features]
    return out, n


def _stream_seed(seed: int, name: str) -> np.random.Generator:
    """A random stream fixed by the run's seed and a name (group or document id), not by order."""
    return np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])


# --- statistics over the kept records --------------------------------------

def compute_statistics(documents: Sequence[DocRecord], features: Sequence[str], *,
                       seed: int = DEFAULT_SEED, n_resamples: int = DEFAULT_RESAMPLES,
                       n_permutations: int = DEFAULT_PERMUTATIONS, min_documents_classifier: int = 5,
                       rest_label: str = "(all but {name})",
                       headline: Sequence[str] = HEADLINE, strata: Sequence[str] | None = None):
    """Group summaries, pairwise tests, PCA map and classifier from per-document features.

    Returns ``(groups, pairs, pca, classifier)``; see :class:`ComparisonResult`.
    Above :data:`MAX_PAIRED_GROUPS` groups each group is tested against the other
    documents pooled (named ``rest_label``), not against every other group.
    Tests are two families for the Holm correction: the headline features
    (the questions the report's prose answers) and all other varying features.
    With ``strata`` (one per document, ``--within KEY``), group means are
    stratum-weighted (each stratum weighs its share of all documents), their
    intervals resample documents within strata, and pairs are tested by
    relabelling within strata over the strata both groups cover.
    """
    features = list(features)
    weights = stats.stratum_weights(strata) if strata is not None else {}
    X = feature_matrix(documents, features)
    names = sorted({d.group for d in documents}, key=lambda s: (s.casefold(), s))
    groups = [_group_summary(name, [i for i, d in enumerate(documents) if d.group == name], X, documents, features,
                             seed=seed, n_resamples=n_resamples, strata=strata, weights=weights) for name in names]
    varying = _varying(X)
    pairs: list[PairTest] = []
    for ga, partners in pairings(X, documents, groups, rest_label, n_resamples, seed):
        for gb, rows_a, rows_b in partners:
            pairs += _pair_tests(ga, gb, X[rows_a], X[rows_b], features, varying, headline,
                                 strata=None if strata is None else ([strata[i] for i in rows_a],
                                                                    [strata[i] for i in rows_b]),
                                 weights=weights, n_permutations=n_permutations, seed=seed)
    _holm_by_family(pairs)
    # the map and the classifier use rates and shares: counts grow with length, and the
    # per-voice category breakdowns repeat the loaded-word rates
    cols = [j for j, f in enumerate(features) if model_feature(f)]
    model_names = [features[j] for j in cols]
    pca = stats.pca_map(X[:, cols], model_names)
    classifier = stats.classify_groups(X[:, cols], [d.group for d in documents], model_names,
                                       min_documents=min_documents_classifier, seed=seed)
    return groups, pairs, pca, classifier


def _group_summary(name: str, idx: list[int], X: np.ndarray, documents: Sequence[DocRecord],
                   features: Sequence[str], *, seed: int, n_resamples: int,
                   strata: Sequence[str] | None, weights: dict) -> GroupSummary:
    """One group's mean and percentile interval (documents, strata or sentences resampled)."""
    Xg = X[idx]
    mean = _nanmean(Xg)
    if len(idx) >= 2:
        reps = stats.bootstrap_means(Xg, n_resamples, _stream_seed(seed, "group:" + name))
        method = "documents"
    else:
        reps = _replicates_for(documents[idx[0]], features, n_resamples)
        method = "sentences"
    if strata is not None and len(idx) >= 2:
        sg = [strata[i] for i in idx]
        mean = stats.stratum_weighted_means(Xg, sg, weights)
        reps = stats.stratified_bootstrap_means(Xg, sg, weights, n_resamples, _stream_seed(seed, "group:" + name))
    lo, hi = stats.percentile_interval(reps)
    # the interval always contains the estimate (percentile bounds of a skewed
    # resampling distribution of rare counts may not)
    lo, hi = np.minimum(lo, mean), np.maximum(hi, mean)
    # no cue at all in the group's words is not a certain zero rate (Poisson bound)
    _zero_rate_bounds(features, Xg, hi, sum(documents[i].n_words for i in idx),
                      sum(documents[i].n_sentences for i in idx))
    return GroupSummary(name, len(idx), mean, lo, hi, method, reps, [documents[i].id for i in idx])


def _pair_tests(ga: GroupSummary, gb: GroupSummary, xa: np.ndarray, xb: np.ndarray, features: Sequence[str],
                varying: np.ndarray, headline: Sequence[str], *, strata: tuple[list, list] | None,
                weights: dict, n_permutations: int, seed: int) -> list[PairTest]:
    """The tests of one pair of groups on every varying feature (``strata``: each side's strata)."""
    rng = _stream_seed(seed, f"perm:{ga.name}\x00{gb.name}")
    pair_a = pair_b = None
    if strata is not None:
        p, exact, pair_a, pair_b = stats.stratified_permutation_pvalues(xa, xb, *strata, weights, n_permutations, rng)
        if np.isnan(pair_a).all():
            return []  # no stratum holds both groups: nothing to compare like with like
    elif ga.n == 1 and gb.n == 1:
        # one document against one: the only relabelling is the swap, so p = 1 always;
        # left out of the Holm families rather than inflating them
        p, exact = np.full(len(features), np.nan), False
    else:
        p, exact = stats.permutation_pvalues(xa, xb, n_permutations, rng)
    g = stats.hedges_g(*(adjust.within_residuals(xa, xb, *strata) if strata is not None else (xa, xb)))
    out = []
    for j, f in enumerate(features):
        if not varying[j]:
            continue
        ma, mb = float(ga.mean[j]), float(gb.mean[j])
        if pair_a is not None:  # means over the strata both groups cover
            ma, mb = float(pair_a[j]), float(pair_b[j])
        ratio, rlo, rhi = _ratio_interval(ga.replicates[:, j], gb.replicates[:, j], ma, mb)
        dlo, dhi = _diff_interval(ga.replicates[:, j], gb.replicates[:, j], ma - mb)
        out.append(PairTest(ga.name, gb.name, f, ma, mb, ma - mb, dlo, dhi, ratio, rlo, rhi,
                            None if np.isnan(p[j]) else float(p[j]), None,
                            None if np.isnan(g[j]) else float(g[j]), exact,
                            "headline" if f in headline else "other"))
    return out


def _ratio_interval(ra: np.ndarray, rb: np.ndarray, ma: float, mb: float) -> tuple:
    """``(ratio, low, high)`` of two positive means, ``None`` where undefined."""
    if not (ma > 0 and mb > 0):
        return None, None, None
    ratio = ma / mb
    k = min(len(ra), len(rb))
    if not (k and np.all(rb[:k] > 0)):
        return ratio, None, None
    q_lo, q_hi = stats.percentile_interval(ra[:k] / rb[:k])
    return ratio, float(min(q_lo, ratio)), float(max(q_hi, ratio))


def _holm_by_family(pairs: Sequence[PairTest]) -> None:
    """Holm-adjust the p-values within each family (headline, other), in place."""
    for family in ("headline", "other"):
        members = [p for p in pairs if p.family == family]
        adjusted = stats.holm([p.p for p in members])
        for p, a in zip(members, adjusted):
            p.p_holm = None if np.isnan(a) else float(a)


def _nanmean(X: np.ndarray) -> np.ndarray:
    """Column means over the defined values (NaN for a column with none)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmean(X, axis=0) if len(X) else np.full(X.shape[1], np.nan)


def _varying(X: np.ndarray) -> np.ndarray:
    """Features whose defined values are not all the same."""
    if not X.size:
        return np.zeros(X.shape[1] if X.ndim == 2 else 0, dtype=bool)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nan_to_num(np.nanmax(X, axis=0) - np.nanmin(X, axis=0)) > 1e-12


def _zero_rate_bounds(features: Sequence[str], Xg: np.ndarray, hi: np.ndarray, words: int, sentences: int) -> None:
    """Raise the upper bound of rates and counts never observed in the group to the exact Poisson bound."""
    for j, f in enumerate(features):
        per = 1000.0 if f.endswith("_per_1k") else 100.0 if f.endswith("_per_100_sentences") else None
        if f.startswith("n_"):
            per = 1.0  # a count per document: exposure is the number of documents
        if per is None or np.isnan(hi[j]) or np.nansum(np.abs(Xg[:, j])) > 0:
            continue
        exposure = len(Xg) if per == 1.0 else words if per == 1000.0 else sentences
        upper = stats.zero_rate_upper(exposure, per)
        if upper == upper:
            hi[j] = max(hi[j], upper)


def _diff_interval(ra: np.ndarray, rb: np.ndarray, diff: float) -> tuple[float | None, float | None]:
    """95 % interval of a difference of group means from the two groups' bootstrap replicates."""
    k = min(len(ra), len(rb))
    if not k or diff != diff:
        return None, None
    d = ra[:k] - rb[:k]
    d = d[~np.isnan(d)]
    if not len(d):
        return None, None
    lo, hi = stats.percentile_interval(d)
    return float(min(lo, diff)), float(max(hi, diff))


#: Up to this many groups every pair is tested; above, each group against all the other
#: documents pooled, so that the tests (and pairwise.csv, summary.json) grow with the number
#: of groups, not with its square (300 one-document outlets made 1.6 million rows).
MAX_PAIRED_GROUPS = 20


def pairings(X: np.ndarray, documents: Sequence[DocRecord], groups: Sequence[GroupSummary], rest_label: str,
             n_resamples: int, seed: int):
    """What is tested against what: ``(group, [(other, rows of group, rows of other), ...])``.

    Every pair of groups up to :data:`MAX_PAIRED_GROUPS` groups; above, each group
    against a summary of all the other documents (``group.rest``, named
    ``rest_label.format(name=...)``), whose bootstrap replicates are dropped once
    its tests are done (memory).
    """
    rows: dict[str, list[int]] = {}
    for i, d in enumerate(documents):
        rows.setdefault(d.group, []).append(i)
    if len(groups) <= MAX_PAIRED_GROUPS:
        for ia, ga in enumerate(groups):
            yield ga, [(gb, rows[ga.name], rows[gb.name]) for gb in groups[ia + 1:]]
        return
    for g in groups:
        mine = set(rows[g.name])
        others = [i for i in range(len(documents)) if i not in mine]
        g.rest = _pooled_summary(rest_label.format(name=g.name), X[others], n_resamples,
                                 _stream_seed(seed, "rest:" + g.name))
        yield g, [(g.rest, rows[g.name], others)]
        g.rest.replicates = None


def _pooled_summary(name: str, X: np.ndarray, n_resamples: int, rng: np.random.Generator) -> GroupSummary:
    """Mean and 95 % bootstrap interval of documents pooled across groups."""
    import warnings

    reps = stats.bootstrap_means(X, n_resamples, rng)
    with warnings.catch_warnings():  # a feature undefined in every document stays NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nanmean(X, axis=0)
        lo, hi = stats.percentile_interval(reps)
    return GroupSummary(name, len(X), mean, np.fmin(lo, mean), np.fmax(hi, mean), "documents", reps)


def model_feature(name: str) -> bool:
    """Features used by the PCA map and the classifier: rates and shares, not counts or repeated breakdowns."""
    if name.startswith("n_"):
        return False
    return not (name.startswith(("loaded_own_", "loaded_quoted_")) and name not in ("loaded_own_per_1k", "loaded_quoted_per_1k"))


def _replicates_for(d: DocRecord, features: Sequence[str], n_resamples: int) -> np.ndarray:
    value = np.array([d.features.get(f, np.nan) for f in features], dtype=float)
    if d.sentence_replicates is None:
        return np.tile(value, (n_resamples, 1))
    cols = {f: i for i, f in enumerate(d.replicate_features)}
    out = np.tile(value, (len(d.sentence_replicates), 1))
    for j, f in enumerate(features):
        if f in cols:
            out[:, j] = d.sentence_replicates[:, cols[f]]
    return out


# --- the run -----------------------------------------------------------------

def _snippet(text: str, sp: Span) -> Snippet:
    left = text[max(0, sp.start - CONTEXT):sp.start]
    right = text[sp.end:sp.end + CONTEXT]
    cut = left.find(" ")
    if sp.start > CONTEXT and 0 <= cut < 20:
        left = left[cut + 1:]
    cut = right.rfind(" ")
    if sp.end + CONTEXT < len(text) and cut > len(right) - 20:
        right = right[:cut]
    return Snippet(sp.label, sp.key, dict(sp.attrs), left.replace("\n", " "),
                   sp.text, right.replace("\n", " "), sp.start, sp.end)


def check_outdir(outdir: str | os.PathLike, force: bool, inputs: Sequence[str | os.PathLike] = ()) -> Path:
    """Refuse an OUTDIR that may not be (re)written: see :func:`framing.files.check_output_dir`.

    A non-empty folder needs ``force`` and framing's marker (``--force`` never
    replaces a folder framing did not write); a folder that is, holds or lies
    inside an input is always refused.
    """
    try:
        return check_output_dir(outdir, inputs, force)
    except OutputRefused as e:
        raise OutdirNotEmpty(str(e)) from None


class UnknownGroupKey(ValueError):
    """``--group-by`` names a key no document has (nothing is written); the message lists the keys."""


def check_group_key(metas: Iterable[dict[str, Any]], group_by: str,
                    on_warning: Callable[[InputError], None] | None = None) -> None:
    """Refuse a ``group_by`` key no document has, listing the keys they have.

    ``outlet``, the default, is only warned about: documents without an outlet
    form one group.
    """
    keys: set[str] = set()
    for meta in metas:
        keys.update(k for k, v in meta.items() if v not in (None, ""))
    if "date" in keys:
        keys.update(("year", "month"))
    if group_by in keys:
        return
    available = ", ".join(sorted(keys)) or "none"
    if group_by != "outlet":
        raise UnknownGroupKey(f"unknown --group-by key {group_by!r}: no document has it "
                              f"(keys the documents have: {available})")
    if on_warning is not None:
        on_warning(InputError("--group-by outlet", "no document has an outlet: they form one group; give outlets "
                                                   f"in a manifest.csv, or group by another key ({available})"))


def collect(inputs: Sequence[str | os.PathLike], *, group_by: str = "outlet", unknown_group: str = "(unknown)",
            backend: str = "builtin", lexicon_dirs: Sequence[str] = (), actors: str | None = None,
            seed: int = DEFAULT_SEED, n_sentence_resamples: int = DEFAULT_SENTENCE_RESAMPLES,
            spans_out=None, on_error: Callable[[InputError], None] | None = None,
            on_warning: Callable[[InputError], None] | None = None,
            progress=None, quotes_out: Callable[[list[dict[str, Any]]], None] | None = None
            ) -> tuple[list[DocRecord], list[InputError], list[dict[str, Any]]]:
    """Analyse every document of ``inputs`` into :class:`DocRecord` s.

    Each contract line is written to ``spans_out`` as soon as its document is
    analysed. Returns ``(records, errors, lexicons)``.
    """
    errors: list[InputError] = []

    def fail(err: InputError) -> None:
        errors.append(err)
        if on_error:
            on_error(err)

    config = default_config(lexicon_dirs, actors, backend)
    producer = record_producer(lexicon_dirs, actors)
    records: list[DocRecord] = []
    first_of_group: dict[str, DocRecord] = {}
    # Groups seen once so far keep their parsed document here (oldest first): the
    # sentence bootstrap is needed only if no second document arrives. Beyond
    # MAX_PENDING the oldest is bootstrapped and its document dropped, so memory
    # stays bounded whatever the number of groups.
    pending: dict[str, tuple[DocRecord, ParsedDocument, list[Span]]] = {}

    def bootstrap(rec: DocRecord, doc: ParsedDocument, spans: list[Span]) -> None:
        names = tuple(rec.features)
        rec.sentence_replicates, rec.n_units = sentence_bootstrap(
            doc, spans, names, n_sentence_resamples, _stream_seed(seed, "doc:" + rec.id))
        rec.replicate_features = names

    for raw in iter_documents(inputs, on_error=fail, on_warning=on_warning):
        try:
            doc = parse_raw(raw, config)  # kept for the sentence bootstrap
            analysis = analyze_raw(raw, config, doc)
        except Exception as e:  # one bad document never loses the others
            fail(InputError(raw.source, failure_message(e)))
            continue
        group = group_name(analysis.meta, group_by, unknown_group)
        row = feature_row(analysis)
        rec = DocRecord(
            id=analysis.id, source=analysis.source, group=group,
            meta={k: v for k, v in analysis.meta.items()}, n_words=analysis.n_words,
            n_sentences=analysis.n_sentences, features=dict(analysis.features), row=row,
            warnings=list(analysis.warnings),
            evidence=[_snippet(analysis.text, s) for s in strongest_evidence(analysis, 8)],
            span_counts=dict(Counter(s.key for s in analysis.spans)),
            quote_targets=dict(Counter(s.attrs.get("target") or "unknown" for s in analysis.spans
                                       if s.label in ("QUOTE", "IQUOTE"))),
            sha256=hashlib.sha256(analysis.text.encode("utf-8", "surrogatepass")).hexdigest())
        rec.profile = adjust.profile(doc, analysis)
        if quotes_out is not None:
            quotes_out(quote_rows(analysis, group))
        if group in first_of_group:
            # the group has documents to resample now: no sentence bootstrap needed
            pending.pop(group, None)
            first_of_group[group].sentence_replicates = None
        else:
            first_of_group[group] = rec
            pending[group] = (rec, doc, spans_in_view(doc, analysis.spans))  # doc is the NFC view
            if len(pending) > MAX_PENDING:
                bootstrap(*pending.pop(next(iter(pending))))
        if spans_out is not None:
            spans_out.write(jsonl_line(analysis, producer=producer) + "\n")
        records.append(rec)
        if progress is not None:
            progress.update()
        del doc, analysis
    for args in pending.values():
        bootstrap(*args)
    pending.clear()
    res = get_resources(config)
    return records, errors, all_lexicons(res.provenance(), lexicon_dirs)


def all_lexicons(used: list[dict[str, Any]], lexicon_dirs: Sequence[str] = ()) -> list[dict[str, Any]]:
    """The lexicons a run read (``used``) plus every other shipped one, as ``framing lexicons list`` shows them.

    Some components load their list directly (role nouns), outside the shared
    resources: the methods table must still name and hash every file.
    """
    from .lexicons import iter_lexicon_files, load_lexicon, shipped_dir

    seen = {d["name"] for d in used}
    out = list(used)
    for p in iter_lexicon_files(shipped_dir()):
        if p.stem not in seen:
            with contextlib.suppress(Exception):  # a broken user file is reported where it is used
                out.append(load_lexicon(p.stem, tuple(str(d) for d in lexicon_dirs)).describe())
                seen.add(p.stem)
    return sorted(out, key=lambda d: d["name"])


#: Columns of ``quotes.csv``, one row per direct quote (QUOTE) or reported speech (IQUOTE).
QUOTE_COLUMNS = ("document", "outlet", "date", "group", "kind", "start", "end", "speaker", "role", "camp",
                 "stance", "target", "verb", "verb_stance", "mixed", "text")


def quote_rows(analysis, group: str) -> list[dict[str, Any]]:
    """One row per QUOTE/IQUOTE span: speaker, role (source type), camp, stance, target and reporting verb.

    The verb and role come from the attribution cue whose source is the quote's
    speaker (same source offsets), else the nearest cue naming the same speaker.
    """
    attrs = [s for s in analysis.spans if s.label == "ATTR"]
    rows = []
    for q in analysis.spans:
        if q.label not in ("QUOTE", "IQUOTE"):
            continue
        a = q.attrs
        cue = next((c for c in attrs if a.get("speaker_span") and c.attrs.get("source_span") == a.get("speaker_span")), None)
        if cue is None and a.get("speaker"):
            same = [c for c in attrs if c.attrs.get("source") == a.get("speaker")]
            cue = min(same, key=lambda c: min(abs(c.start - q.end), abs(q.start - c.end)), default=None)
        rows.append({"document": analysis.id, "outlet": analysis.meta.get("outlet"), "date": analysis.meta.get("date"),
                     "group": group, "kind": q.label, "start": q.start, "end": q.end, "speaker": a.get("speaker"),
                     "role": cue.attrs.get("stype") if cue else None, "camp": a.get("camp"), "stance": a.get("stance"),
                     "target": a.get("target"), "verb": cue.text if cue else None,
                     "verb_stance": cue.attrs.get("verb_stance") if cue else None, "mixed": a.get("mixed"),
                     "text": " ".join(q.text.split())})
    return rows


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A CSV file whose every cell goes through :func:`framing.output.inert_cell` (no formula, NaN empty)."""
    from .output import atomic_write

    with atomic_write(path) as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([inert_cell(c) for c in columns])
        for row in rows:
            w.writerow([inert_cell(v) for v in row])


def provenance(inputs: Sequence[str | os.PathLike], documents: Sequence[DocRecord], lexicon_dirs: Sequence[str],
               actors: str | None, started: float, command: Sequence[str] | None) -> dict[str, Any]:
    """What produced a comparison: versions, dependencies, command line, inputs and their hashes, run time."""
    import datetime as dt
    import platform
    import sys
    import time
    from importlib import metadata

    deps = {}
    for name in ("numpy", "scipy", "scikit-learn", "matplotlib", "jinja2", "simplemma", "trafilatura", "click",
                 "pyahocorasick", "markupsafe"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            deps[name] = metadata.version(name)
    files = {}
    for d in documents:
        path = d.source.rsplit(":", 1)[0] if not os.path.isfile(d.source) else d.source
        if path not in files and os.path.isfile(path):
            with contextlib.suppress(OSError), open(path, "rb") as fh:
                files[path] = hashlib.sha256(fh.read()).hexdigest()
    texts = hashlib.sha256("\n".join(sorted(f"{d.id}={d.sha256}" for d in documents)).encode("utf-8")).hexdigest()
    return {"framing": __version__, "commit": _source_commit(), "python": platform.python_version(),
            "implementation": platform.python_implementation(), "dependencies": deps,
            "lexicons": record_producer(lexicon_dirs, actors)["lexicons"],
            "command": list(command if command is not None else sys.argv),
            "inputs": [str(p) for p in inputs], "input_files": [{"path": p, "sha256": h} for p, h in sorted(files.items())],
            "documents_sha256": texts,
            "started": dt.datetime.fromtimestamp(started, dt.timezone.utc).isoformat(timespec="seconds"),
            "seconds": round(time.time() - started, 2)}


#: provenance fields that change from one run to the next (left out of a reproducible run)
RUN_SPECIFIC = ("commit", "started", "seconds")


def reproducible_provenance(prov: dict[str, Any]) -> dict[str, Any]:
    """``prov`` without its run-specific fields; the command named ``framing``, not the script's full path."""
    out = {k: v for k, v in prov.items() if k not in RUN_SPECIFIC}
    if out.get("command"):
        out["command"] = ["framing", *out["command"][1:]]
    out["run_specific"] = "left out (--reproducible): " + ", ".join(RUN_SPECIFIC)
    return out


def _source_commit() -> str | None:
    """The git commit of the framing source tree when it runs from a checkout (None for an installed wheel)."""
    git = Path(__file__).resolve().parent.parent / ".git"
    with contextlib.suppress(OSError, IndexError):
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        if (git / ref).is_file():
            return (git / ref).read_text(encoding="utf-8").strip()
        for line in (git / "packed-refs").read_text(encoding="utf-8").splitlines():
            if line.endswith(" " + ref):
                return line.split()[0]
    return None


def detector_scores(gold: str | os.PathLike | None = None, backend: str = "builtin") -> dict[str, Any] | None:
    """The detector scores the report shows: those recorded in the package, plus ``gold`` measured now if given.

    Never looks in the working directory: without ``gold`` the result depends
    only on the installed package.
    """
    from .report import recorded_gold_scores

    scores = recorded_gold_scores()
    if gold is not None:
        from .evaluate import evaluate, load_gold

        docs = load_gold([gold])
        d = evaluate(docs, backend=backend).to_dict()
        d.update({"name": {"fr": f"votre ensemble ({Path(gold).name})", "en": f"your set ({Path(gold).name})"},
                  "n_spans": sum(len(g.spans) for g in docs), "id": "supplied"})
        scores = dict(scores or {})
        scores["supplied"] = d
    return scores


def feature_names(documents: Sequence[DocRecord]) -> list[str]:
    """Every feature seen, in first-seen order (documents normally share one set)."""
    seen: dict[str, None] = {}
    for d in documents:
        for k in d.features:
            seen.setdefault(k, None)
    return list(seen)


def write_features_csv(documents: Sequence[DocRecord], features: Sequence[str], path: Path) -> None:
    """``features.csv``: one row per document — metadata, group, counts and every feature."""
    extra_meta = sorted({k for d in documents for k in d.meta} - set(META_COLUMNS) - {"outlet", "date", "title"})
    head = list(META_COLUMNS) + ["group"] + [k for k in extra_meta if k != "group"] + ["n_spans", "n_warnings"]
    def rows():
        for d in documents:
            row = dict(d.row)
            row["group"] = d.group
            for k in extra_meta:
                row.setdefault(k, d.meta.get(k))
            # undefined measures are empty cells, counts integers, rates and shares full precision
            yield ([row.get(k) for k in head]
                   + [_csv_number(d.features.get(f)) for f in features])

    write_csv(path, head + list(features), rows())


def _csv_number(v: Any) -> Any:
    if v is None or v != v:
        return None
    return v if isinstance(v, int) else float(v)  # csv writes repr(): full precision


def compare_paths(inputs: Sequence[str | os.PathLike], outdir: str | os.PathLike, *,
                  group_by: str = "outlet", lang: str = "fr", force: bool = False,
                  seed: int = DEFAULT_SEED, n_resamples: int = DEFAULT_RESAMPLES,
                  n_sentence_resamples: int = DEFAULT_SENTENCE_RESAMPLES,
                  n_permutations: int = DEFAULT_PERMUTATIONS, backend: str = "builtin",
                  lexicon_dirs: Sequence[str] = (), actors: str | None = None,
                  gold: str | os.PathLike | None = None,
                  on_error: Callable[[InputError], None] | None = None,
                  on_warning: Callable[[InputError], None] | None = None,
                  progress: bool = False, command: Sequence[str] | None = None, reproducible: bool = False,
                  within: str | None = None, dedupe: bool = False,
                  story_threshold: float | None = None, story_window_days: float | None = None) -> ComparisonResult:
    """Compare groups of documents, write the report into ``outdir``, return a :class:`ComparisonResult`.

    Parameters
    ----------
    inputs : sequence of paths
        Files, directories (with an optional ``manifest.csv``) or ``-``, as for ``framing score``.
    outdir : path
        Output directory; refused when it exists and is not empty, unless ``force``.
        Written atomically: a temporary directory beside it replaces it at the end.
    group_by : str, default "outlet"
        Metadata key defining the groups (``outlet``, ``site``, ``author``, any
        JSONL/manifest column; ``year`` and ``month`` derive from ``date``).
    lang : {"fr", "en"}
        Language of the report.
    seed : int
        Seed of every random step.
    n_resamples, n_sentence_resamples, n_permutations : int
        Bootstrap resamples (documents; sentences for one-document groups) and permutations.
    gold : path, optional
        Your own gold directory (codebook JSON), measured and shown beside the scores
        recorded in the package (``framing/data/gold_scores.json``).
    command : sequence of str, optional
        The command line ``summary.json`` records (default ``sys.argv``).
    on_error, on_warning : callable
        Called with each :class:`~framing.ingest.InputError` (the others go on) and each notice.
    reproducible : bool
        Leave out what changes between runs (:func:`reproducible_provenance`): byte-identical files.
    progress : bool
        Progress bar on stderr.
    within : str, optional
        Compare groups within strata of this key (``category``, ``story``…; ``docs/comparison.md``).
    dedupe : bool
        Keep one document per copy set (the earliest); ``copies.csv`` lists every pair.
    story_threshold, story_window_days : float, optional
        Story grouping settings (defaults in :mod:`framing.stories`).
    """
    from . import report

    started = time.time()
    if lang not in ("fr", "en"):
        raise ValueError("lang must be 'fr' or 'en'")
    out = check_outdir(outdir, force, inputs)
    with atomic_directory(out) as tmp:
        documents, errors, lexicons, quotes = _read_inputs(
            inputs, tmp, group_by=group_by, lang=lang, backend=backend, lexicon_dirs=lexicon_dirs, actors=actors,
            seed=seed, n_sentence_resamples=n_sentence_resamples, on_error=on_error, on_warning=on_warning,
            progress=progress)
        documents, likeness, strata = _likeness(documents, group_by, within, dedupe, story_threshold,
                                                story_window_days)
        features = feature_names(documents)
        groups, pairs, pca, classifier = compute_statistics(
            documents, features, seed=seed, n_resamples=n_resamples, n_permutations=n_permutations,
            rest_label=i18n_text("rest_group", lang), strata=strata)
        likeness.story_table = adjust.story_table(documents, likeness.stories, [f for f in HEADLINE if f in features])
        settings = _settings(documents, groups, likeness, group_by=group_by, lang=lang, seed=seed,
                             n_resamples=n_resamples, n_sentence_resamples=n_sentence_resamples,
                             n_permutations=n_permutations, backend=backend, lexicon_dirs=lexicon_dirs,
                             actors=actors, within=within, dedupe=dedupe)
        result = ComparisonResult(documents, features, groups, pairs, pca, classifier, settings,
                                  errors, lexicons, detector_scores(gold, backend), out)
        result.provenance = provenance(inputs, documents, lexicon_dirs, actors, started, command)
        if reproducible:
            result.provenance = reproducible_provenance(result.provenance)
        result.likeness = likeness
        result.files = sorted([*_write_tables(tmp, result, quotes), *report.write_report(result, tmp)])
    return result


def _settings(documents, groups, likeness, *, lexicon_dirs: Sequence[str], **options) -> dict[str, Any]:
    """The run's settings as ``summary.json`` records them."""
    paired = ({"pairwise": "each group against the others", "max_paired_groups": MAX_PAIRED_GROUPS}
              if len(groups) > MAX_PAIRED_GROUPS else {})
    settings = {k: options[k] for k in ("group_by", "lang", "seed", "n_resamples", "n_sentence_resamples",
                                        "n_permutations", "backend")}
    settings.update({"version": __version__, "n_documents": len(documents), "n_groups": len(groups), **paired,
                     "lexicon_dirs": [str(d) for d in lexicon_dirs], "actors": options["actors"],
                     "within": options["within"], "dedupe": options["dedupe"],
                     "story_threshold": likeness.stories.threshold,
                     "story_window_days": likeness.stories.window_days})
    return settings


def _read_inputs(inputs: Sequence[str | os.PathLike], tmp: Path, *, group_by: str, lang: str, backend: str,
                 lexicon_dirs: Sequence[str], actors: str | None, seed: int, n_sentence_resamples: int,
                 on_error, on_warning, progress: bool):
    """Analyse every input, writing ``tmp/spans.jsonl``; ``(documents, errors, lexicons, quotes)``.

    Raises :class:`NoDocuments` when no document could be read.
    """
    from .output import atomic_write
    from .progress import Progress, count_documents

    # a handful of documents needs no progress bar
    total = count_documents(inputs) if progress else None
    bar = Progress(total, enabled=bool(progress) and (total is None or total > 5))
    quotes: list[dict[str, Any]] = []
    with atomic_write(tmp / "spans.jsonl") as spans_out:
        try:
            documents, errors, lexicons = collect(
                inputs, group_by=group_by, unknown_group=i18n_text("unknown_group", lang), backend=backend,
                lexicon_dirs=lexicon_dirs, actors=actors, seed=seed, n_sentence_resamples=n_sentence_resamples,
                spans_out=spans_out, on_error=on_error, on_warning=on_warning, progress=bar,
                quotes_out=quotes.extend)
        finally:
            bar.close()
    if not documents:
        raise NoDocuments("no document could be read: nothing to compare (no output written)")
    check_group_key((d.meta for d in documents), group_by, on_warning)
    return documents, errors, lexicons, quotes


def _likeness(documents: list[DocRecord], group_by: str, within: str | None, dedupe: bool,
              story_threshold: float | None, story_window_days: float | None):
    """``(documents, likeness, strata)``: copies dropped (``dedupe``), stories, strata and mix warnings."""
    documents, likeness = adjust.prepare(
        documents, dedupe=dedupe, threshold=adjust.stories_mod.DEFAULT_THRESHOLD if story_threshold is None
        else story_threshold, window_days=adjust.stories_mod.DEFAULT_WINDOW_DAYS if story_window_days is None
        else story_window_days)
    strata = None
    if within:
        if within != "story" and not any(within in d.meta for d in documents):
            raise NoStratum(f"--within {within}: no document has this metadata key (nothing written)")
        strata = adjust.strata_for(documents, within)
        likeness.within, likeness.strata = within, {d.id: s for d, s in zip(documents, strata)}
    likeness.mix = [] if within else adjust.mix_warnings(documents, group_by)
    likeness.shared_story_share = adjust.shared_story_share(documents)
    return documents, likeness, strata


def _write_tables(tmp: Path, result: ComparisonResult, quotes: list[dict[str, Any]]) -> list[str]:
    """Write the comparison's data files into ``tmp``; return their names (spans.jsonl, written earlier, included)."""
    from .output import atomic_write

    documents, features = result.documents, result.features
    adjust.write_stories_csv(tmp / "stories.csv", documents, result.likeness.stories)
    adjust.write_copies_csv(tmp / "copies.csv", result.likeness.copies)
    adjust.write_foreign_csv(tmp / "foreign_words.csv", documents)
    write_features_csv(documents, features, tmp / "features.csv")
    write_csv(tmp / "quotes.csv", QUOTE_COLUMNS, ([q[c] for c in QUOTE_COLUMNS] for q in quotes))
    with atomic_write(tmp / "summary.json") as f:
        json.dump(result.to_dict(), f, ensure_ascii=False, indent=1, allow_nan=False)
    cols = list(PairTest.__dataclass_fields__)
    write_csv(tmp / "pairwise.csv", cols, ([getattr(p, c) for c in cols] for p in result.pairs))
    return ["spans.jsonl", "features.csv", "quotes.csv", "summary.json", "pairwise.csv",
            "stories.csv", "copies.csv", "foreign_words.csv"]
