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
import json
import os
import shutil
import tempfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from . import __version__
from . import stats
from .analysis import analyze_raw, failure_message, parse_raw, spans_in_view
from .document import ParsedDocument, Sentence, Token
from .features import FeatureContext, compute_features
from .ingest import InputError, iter_documents
from .output import META_COLUMNS, feature_row, jsonl_line, strongest_evidence
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


class OutdirNotEmpty(Exception):
    """OUTDIR exists and is not empty, and ``force`` was not given."""


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
        return [f for j, f in enumerate(self.features) if X.size and np.ptp(X[:, j]) > 1e-12]

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
            "errors": [e.to_dict() for e in self.errors],
        }


def _clean(v: Any) -> Any:
    if isinstance(v, (np.floating, float)):
        v = float(v)
        return None if v != v or v in (float("inf"), float("-inf")) else v
    if isinstance(v, np.integer):
        return int(v)
    return v


def feature_matrix(documents: Sequence[DocRecord], features: Sequence[str]) -> np.ndarray:
    """Documents × features, from the same per-document values as ``features.csv``."""
    return np.array([[float(d.features.get(f, 0.0)) for f in features] for d in documents],
                    dtype=float).reshape(len(documents), len(features))


def group_name(meta: dict[str, Any], group_by: str, unknown: str = "(unknown)") -> str:
    """The group of a document: ``meta[group_by]`` as a string (``year``/``month`` derive from ``date``)."""
    value = meta.get(group_by)
    if value in (None, "") and group_by in ("year", "month") and meta.get("date"):
        d = str(meta["date"])
        value = d[:4] if group_by == "year" else d[:7]
    value = "" if value is None else str(value).strip()
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
                       headline: Sequence[str] = HEADLINE):
    """Group summaries, pairwise tests, PCA map and classifier from per-document features.

    Returns ``(groups, pairs, pca, classifier)``; see :class:`ComparisonResult`.
    Above :data:`MAX_PAIRED_GROUPS` groups each group is tested against the other
    documents pooled (named ``rest_label``), not against every other group.
    Tests are two families for the Holm correction: the headline features
    (the questions the report's prose answers) and all other varying features.
    """
    features = list(features)
    X = feature_matrix(documents, features)
    names = sorted({d.group for d in documents}, key=lambda s: (s.casefold(), s))
    groups: list[GroupSummary] = []
    for name in names:
        idx = [i for i, d in enumerate(documents) if d.group == name]
        Xg = X[idx]
        mean = Xg.mean(axis=0)
        if len(idx) >= 2:
            reps = stats.bootstrap_means(Xg, n_resamples, _stream_seed(seed, "group:" + name))
            method = "documents"
        else:
            d = documents[idx[0]]
            reps = _replicates_for(d, features, n_resamples)
            method = "sentences"
        lo, hi = stats.percentile_interval(reps)
        # the interval always contains the estimate (percentile bounds of a skewed
        # resampling distribution of rare counts may not)
        lo, hi = np.minimum(lo, mean), np.maximum(hi, mean)
        groups.append(GroupSummary(name, len(idx), mean, lo, hi, method, reps,
                                   [documents[i].id for i in idx]))
    varying = np.ptp(X, axis=0) > 1e-12 if X.size else np.zeros(len(features), dtype=bool)
    pairs: list[PairTest] = []
    for ga, partners in pairings(X, documents, groups, rest_label, n_resamples, seed):
        for gb, rows_a, rows_b in partners:
            xa, xb = X[rows_a], X[rows_b]
            if ga.n == 1 and gb.n == 1:
                # one document against one: the only relabelling is the swap, so p = 1 always;
                # left out of the Holm families rather than inflating them
                p, exact = np.full(len(features), np.nan), False
            else:
                p, exact = stats.permutation_pvalues(xa, xb, n_permutations,
                                                     _stream_seed(seed, f"perm:{ga.name}\x00{gb.name}"))
            g = stats.hedges_g(xa, xb)
            for j, f in enumerate(features):
                if not varying[j]:
                    continue
                ma, mb = float(ga.mean[j]), float(gb.mean[j])
                ratio = rlo = rhi = None
                if ma > 0 and mb > 0:
                    ratio = ma / mb
                    ra, rb = ga.replicates[:, j], gb.replicates[:, j]
                    k = min(len(ra), len(rb))
                    if k and np.all(rb[:k] > 0):
                        q_lo, q_hi = stats.percentile_interval(ra[:k] / rb[:k])
                        rlo, rhi = float(min(q_lo, ratio)), float(max(q_hi, ratio))
                pairs.append(PairTest(ga.name, gb.name, f, ma, mb, ma - mb, ratio, rlo, rhi,
                                      None if np.isnan(p[j]) else float(p[j]), None,
                                      None if np.isnan(g[j]) else float(g[j]), exact,
                                      "headline" if f in headline else "other"))
    for family in ("headline", "other"):
        members = [p for p in pairs if p.family == family]
        adjusted = stats.holm([p.p for p in members])
        for p, a in zip(members, adjusted):
            p.p_holm = None if np.isnan(a) else float(a)
    # the map and the classifier use rates and shares: counts grow with length, and the
    # per-voice category breakdowns repeat the loaded-word rates
    cols = [j for j, f in enumerate(features) if model_feature(f)]
    model_names = [features[j] for j in cols]
    pca = stats.pca_map(X[:, cols], model_names)
    classifier = stats.classify_groups(X[:, cols], [d.group for d in documents], model_names,
                                       min_documents=min_documents_classifier, seed=seed)
    return groups, pairs, pca, classifier


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
    value = np.array([d.features.get(f, 0.0) for f in features], dtype=float)
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


def check_outdir(outdir: str | os.PathLike, force: bool) -> Path:
    """Refuse a non-empty OUTDIR unless ``force``; a file in the way is always refused."""
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise OutdirNotEmpty(f"{out} exists and is not a directory")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise OutdirNotEmpty(f"{out} is not empty (use --force to replace its contents)")
    return out


@contextlib.contextmanager
def atomic_directory(outdir: Path):
    """Yield a temporary directory beside ``outdir``; on success it replaces ``outdir``.

    A failed or interrupted run leaves any previous ``outdir`` as it was.
    """
    outdir = outdir.absolute()
    outdir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", suffix=".tmp", dir=outdir.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if outdir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", suffix=".old", dir=outdir.parent))
        old.rmdir()
        os.replace(outdir, old)
    try:
        os.replace(tmp, outdir)
    except BaseException:
        if old is not None:
            os.replace(old, outdir)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    os.chmod(outdir, 0o755)


def collect(inputs: Sequence[str | os.PathLike], *, group_by: str = "outlet", unknown_group: str = "(unknown)",
            backend: str = "builtin", lexicon_dirs: Sequence[str] = (), actors: str | None = None,
            seed: int = DEFAULT_SEED, n_sentence_resamples: int = DEFAULT_SENTENCE_RESAMPLES,
            spans_out=None, on_error: Callable[[InputError], None] | None = None,
            progress=None) -> tuple[list[DocRecord], list[InputError], list[dict[str, Any]]]:
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

    for raw in iter_documents(inputs, on_error=fail):
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
            span_counts=dict(Counter(s.key for s in analysis.spans)))
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
            spans_out.write(jsonl_line(analysis) + "\n")
        records.append(rec)
        if progress is not None:
            progress.update()
        del doc, analysis
    for args in pending.values():
        bootstrap(*args)
    pending.clear()
    res = get_resources(config)
    return records, errors, res.provenance()


def feature_names(documents: Sequence[DocRecord]) -> list[str]:
    """Every feature seen, in first-seen order (documents normally share one set)."""
    seen: dict[str, None] = {}
    for d in documents:
        for k in d.features:
            seen.setdefault(k, None)
    return list(seen)


def write_features_csv(documents: Sequence[DocRecord], features: Sequence[str], path: Path) -> None:
    """``features.csv``: one row per document — metadata, group, counts and every feature."""
    from .output import atomic_write

    extra_meta = sorted({k for d in documents for k in d.meta} - set(META_COLUMNS) - {"outlet", "date", "title"})
    head = list(META_COLUMNS) + ["group"] + [k for k in extra_meta if k != "group"] + ["n_spans", "n_warnings"]
    with atomic_write(path) as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(head + list(features))
        for d in documents:
            row = dict(d.row)
            row["group"] = d.group
            for k in extra_meta:
                row.setdefault(k, d.meta.get(k))
            w.writerow([("" if row.get(k) is None else row.get(k)) for k in head]
                       + [repr(float(d.features.get(f, 0.0))) for f in features])


def compare_paths(inputs: Sequence[str | os.PathLike], outdir: str | os.PathLike, *,
                  group_by: str = "outlet", lang: str = "fr", force: bool = False,
                  seed: int = DEFAULT_SEED, n_resamples: int = DEFAULT_RESAMPLES,
                  n_sentence_resamples: int = DEFAULT_SENTENCE_RESAMPLES,
                  n_permutations: int = DEFAULT_PERMUTATIONS, backend: str = "builtin",
                  lexicon_dirs: Sequence[str] = (), actors: str | None = None,
                  gold: str | os.PathLike | None = None,
                  on_error: Callable[[InputError], None] | None = None,
                  progress: bool = False) -> ComparisonResult:
    """Compare groups of documents and write the report into ``outdir``.

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
        Language of the report's prose and labels.
    seed : int
        Seed of every random step (bootstrap, permutations, cross-validation).
    n_resamples, n_sentence_resamples, n_permutations : int
        Bootstrap resamples (over documents; over sentences for one-document groups) and random relabellings (permutation tests are exact when small).
    gold : path, optional
        Gold directory to measure the detectors on for the methods section;
        default: ``../shared/gold`` when present, else the committed scores.
    on_error : callable
        Called with each :class:`~framing.ingest.InputError`; other inputs are still processed.
    progress : bool
        Draw a progress bar on stderr.

    Returns
    -------
    ComparisonResult
        Statistics, documents, settings, errors; ``outdir`` and the files written.
    """
    from . import report
    from .i18n import text as t

    if lang not in ("fr", "en"):
        raise ValueError("lang must be 'fr' or 'en'")
    out = check_outdir(outdir, force)
    from .progress import Progress, count_documents

    # a handful of documents needs no progress bar
    total = count_documents(inputs) if progress else None
    bar = Progress(total, enabled=bool(progress) and (total is None or total > 5))
    with atomic_directory(out) as tmp:
        from .output import atomic_write

        with atomic_write(tmp / "spans.jsonl") as spans_out:
            try:
                documents, errors, lexicons = collect(
                    inputs, group_by=group_by, unknown_group=t("unknown_group", lang), backend=backend,
                    lexicon_dirs=lexicon_dirs, actors=actors, seed=seed,
                    n_sentence_resamples=n_sentence_resamples, spans_out=spans_out, on_error=on_error, progress=bar)
            finally:
                bar.close()
        if not documents:
            raise NoDocuments("no document could be read: nothing to compare (no output written)")
        features = feature_names(documents)
        groups, pairs, pca, classifier = compute_statistics(
            documents, features, seed=seed, n_resamples=n_resamples, n_permutations=n_permutations,
            rest_label=t("rest_group", lang))
        settings = {"group_by": group_by, "lang": lang, "seed": seed, "n_resamples": n_resamples,
                    "n_sentence_resamples": n_sentence_resamples,
                    "n_permutations": n_permutations, "backend": backend, "version": __version__,
                    "n_documents": len(documents), "n_groups": len(groups),
                    **({"pairwise": "each group against the others", "max_paired_groups": MAX_PAIRED_GROUPS}
                       if len(groups) > MAX_PAIRED_GROUPS else {}),
                    "lexicon_dirs": [str(d) for d in lexicon_dirs], "actors": actors}
        result = ComparisonResult(documents, features, groups, pairs, pca, classifier, settings,
                                  errors, lexicons, report.gold_scores(gold, backend=backend), out)
        write_features_csv(documents, features, tmp / "features.csv")
        with atomic_write(tmp / "summary.json") as f:
            json.dump(result.to_dict(), f, ensure_ascii=False, indent=1, allow_nan=False)
        with atomic_write(tmp / "pairwise.csv") as f:
            w = csv.writer(f, lineterminator="\n")
            cols = list(PairTest.__dataclass_fields__)
            w.writerow(cols)
            for p in pairs:
                w.writerow(["" if v is None else v for v in (getattr(p, c) for c in cols)])
        result.files = report.write_report(result, tmp)
        result.files = sorted(["spans.jsonl", "features.csv", "summary.json", "pairwise.csv", *result.files])
    return result
