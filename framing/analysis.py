"""Analysing documents: parse, extract evidence, derive features.

>>> from framing import analyze
>>> a = analyze("Kim Jong-un aurait déployé 10 000 soldats, selon le Pentagone.", outlet="X")
>>> [s.key for s in a.spans if s.label == "HEDGE"]          # doctest: +SKIP
['HEDGE:cond', 'HEDGE:approx', 'HEDGE:source']
>>> a.features["hedge_per_1k"] > 0                          # doctest: +SKIP
True
"""
from __future__ import annotations

import gc
import os
import warnings
from array import array
from collections import Counter
from itertools import compress
from operator import itemgetter, not_
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Sequence

from simplemma.token_sampler import SPLIT_INPUT  # (the words simplemma's default sampler counts)

from .backends import get_backend
from .cruft import find_cruft
from .document import ParsedDocument, Sentence
from .features import FeatureContext, compute_features
from .ingest import InputError, RawDocument, iter_documents, raise_error
from .limits import DocumentTooLarge, check_document_size
from .resources import Config, Resources, default_config, get_resources
from .spans import Span, sort_spans
from .textview import TextView
from .textwindows import WINDOW_CHARS, window_bounds

#: memo entries of a parsed document that its features read (the actor index the camps stage used)
_FEATURE_MEMOS = ("camps.actor_index",)

#: Keys of a scored document in the JSONL contract, in output order.
CONTRACT_KEYS = ("id", "source", "outlet", "date", "title", "language", "backend", "n_words",
                 "n_sentences", "excluded", "warnings", "features", "spans")


@dataclass
class DocumentAnalysis:
    """The result of analysing one document (see the README's JSONL contract)."""

    id: str
    text: str
    spans: list[Span]
    features: dict[str, float]
    n_words: int
    n_sentences: int
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    language: str = "fr"
    backend: str = "builtin"
    excluded: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def outlet(self) -> str | None:
        return self.meta.get("outlet")

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        """The JSONL contract object (``text`` added when ``include_text``)."""
        d: dict[str, Any] = {
            "id": self.id, "source": self.source, "outlet": self.meta.get("outlet"),
            "date": self.meta.get("date"), "title": self.meta.get("title"),
            "language": self.language, "backend": self.backend,
            "n_words": self.n_words, "n_sentences": self.n_sentences,
            "excluded": [[a, b] for a, b in self.excluded], "warnings": list(self.warnings),
            "features": dict(self.features), "spans": [s.to_dict() for s in self.spans],
        }
        extra = {k: v for k, v in self.meta.items() if k not in ("outlet", "date", "title")}
        if extra:
            d["meta"] = extra
        if include_text:
            d["text"] = self.text
        return d


#: A "fr" dictionary score at or above this settles the language without the other dictionaries.
_FRENCH_CERTAIN = 0.75


def _has_letters(text: str, n: int) -> bool:
    """True when ``text`` holds at least ``n`` letters (stops counting at ``n``)."""
    count = 0
    for c in text:
        if c.isalpha():
            count += 1
            if count >= n:
                return True
    return False


@lru_cache(maxsize=100_000)
def _known_in_french(token: str) -> bool:
    """Whether simplemma's French dictionary (default strategy) knows ``token`` once normalised (memoised).

    The memo is keyed by the sampled token itself, so a repeated token costs
    one cache hit, not simplemma's normalisation and then a hit (speed, issue 9).
    """
    from simplemma.utils import normalize_token

    return _french_strategy().get_lemma(normalize_token(token), "fr") is not None


@lru_cache(maxsize=1)
def _french_strategy():
    from simplemma.strategies import DefaultStrategy

    return DefaultStrategy(False)


#: simplemma's default sampler (``MostCommonTokenSampler()``): how many of the commonest words it
#: keeps, and the share of capitalised words below which those are left out
_SAMPLE_SIZE, _CAPITALISED_THRESHOLD = 100, 0.8
_FIRST_CHAR = itemgetter(slice(0, 1))  # w[:1]


def _common_words(sample: str) -> list[str]:
    """``MostCommonTokenSampler().sample_text(sample)``, simplemma's default sample, the same list.

    ``Counter.most_common(n)`` is ``sorted(items, key=count, reverse=True)[:n]`` (ties in
    first-seen order), taken here by one C-level sort instead of ``heapq.nlargest`` with a
    Python key (speed, issue 15; a test compares the two).
    """
    counter = Counter(SPLIT_INPUT.findall(sample))
    # which words start upper-case, by C-level passes; the capitalised ones are left
    # out by one C-level filter that keeps the others in order, as deleting them would
    upper = list(map(str.isupper, map(_FIRST_CHAR, counter)))
    items = counter.items()
    if sum(upper) < _CAPITALISED_THRESHOLD * len(counter):
        items = compress(items, map(not_, upper))
    return [w for w, _ in sorted(items, key=itemgetter(1), reverse=True)[:_SAMPLE_SIZE]]


def _french_share(sample: str) -> float:
    """``simplemma.in_target_language(sample, lang="fr")``, same value, with the look-ups memoised.

    The sampled tokens (the 100 commonest) repeat across documents; simplemma
    re-runs its lemmatisation pipeline for each (speed, issue 9).
    """
    tokens = _common_words(sample)
    if len(tokens) == 0:
        return 0
    return sum(map(_known_in_french, tokens)) / len(tokens)  # booleans summed at C speed


def detect_language(text: str) -> str:
    """``fr`` when the text reads as French, otherwise the best guess (``und`` if none)."""
    import simplemma

    sample = text[:20000]
    if not _has_letters(sample, 20):
        return "und"
    # Fast path (speed, issue 9): the share of sampled tokens known to the French
    # dictionary is exactly langdetect's "fr" score, and needs only the French
    # dictionary, already loaded for lemmas. Loading the six others costs ~400 MB
    # and ~4 s per process and makes each call ~10x slower. French news scores
    # >= 0.89 here and other languages <= 0.33 on French text, so above
    # _FRENCH_CERTAIN the full comparison cannot pick another language.
    try:
        if _french_share(sample) >= _FRENCH_CERTAIN:
            return "fr"
    except Exception as e:  # the quick French check failed: fall back to simplemma's detector
        warnings.warn(f"French-share language check failed ({type(e).__name__}: {e})", RuntimeWarning, stacklevel=2)
    try:
        scores = simplemma.langdetect(sample, lang=("fr", "en", "de", "es", "it", "pt", "nl"))
    except Exception as e:  # odd input simplemma cannot score: language undetermined
        warnings.warn(f"simplemma language detection failed ({type(e).__name__}: {e}); language 'und'",
                      RuntimeWarning, stacklevel=2)
        return "und"
    best, score = scores[0]
    if best != "unk" and score >= 0.2:
        return best
    return script_language(sample)


#: Scripts that name their language well enough for a warning (first match wins).
_SCRIPTS = (("ar", "\u0600", "\u06ff"), ("he", "\u0590", "\u05ff"), ("ru", "\u0400", "\u04ff"),
            ("el", "\u0370", "\u03ff"), ("ja", "\u3040", "\u30ff"), ("ko", "\uac00", "\ud7af"),
            ("zh", "\u4e00", "\u9fff"), ("hi", "\u0900", "\u097f"), ("th", "\u0e00", "\u0e7f"))


def script_language(text: str) -> str:
    """A language guessed from the dominant non-Latin script (``und`` when none dominates).

    Used when the dictionary-based guess fails: Arabic, Hebrew, Cyrillic (as
    ``ru``), Greek, Japanese kana, Hangul, Han (as ``zh``), Devanagari, Thai.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "und"
    for lang, lo, hi in _SCRIPTS:
        if sum(1 for c in letters if lo <= c <= hi) / len(letters) > 0.5 or (
                lang == "ja" and any(lo <= c <= hi for c in letters)
                and sum(1 for c in letters if "\u3040" <= c <= "\u9fff") / len(letters) > 0.5):
            return lang
    return "und"


def run_extractors(doc: ParsedDocument, res: Resources) -> list[Span]:
    """All stages in order; spans overlapping excluded cruft are dropped."""
    from .extract import STAGES

    spans: list[Span] = []
    for stage in STAGES:
        spans = stage.function(doc, spans, res)
    if doc.excluded:
        spans = [s for s in spans if not doc.is_excluded(s.start, s.end)]
    return sort_spans(spans)


def analyze_parsed(doc: ParsedDocument, *, id: str = "doc", source: str = "",
                   meta: dict[str, Any] | None = None, warnings: Sequence[str] = (),
                   config: Config | None = None) -> DocumentAnalysis:
    """Analyse an already parsed document (builtin, stanza or CoNLL-U).

    Offsets are reported in ``doc.normalised.original`` when the document was
    parsed from an NFC view (:func:`parse_text`); a document the caller parsed
    from its own text is analysed as parsed, in that text's offsets.
    """
    config = config or default_config()
    res = get_resources(config)
    if not doc.excluded:
        doc.excluded = find_cruft(doc.text)
    language = detect_language(doc.text)
    _prepare(doc, language, meta)
    spans = run_extractors(doc, res)
    n_words = doc.count_words()
    n_sentences = len(doc.analysed_sentences())
    result = _result(doc, spans, n_words, n_sentences, id=id, source=source, meta=meta,
                     warnings=[*warnings, *_language_warnings(doc.text, language)])
    # The per-document memo holds indexes that point back to ``doc``; emptying it
    # breaks that cycle, so the document and its tokens are freed by reference
    # counting as soon as the caller drops them instead of surviving until a
    # full garbage collection (speed and memory, issue 9). It refills on demand.
    doc.cache.clear()
    _freeze_long_lived_objects()
    return result


_frozen = False


def _freeze_long_lived_objects() -> None:
    """Once per process, after the first document: take the objects alive then out of
    the cyclic garbage collector's passes (``gc.freeze``).

    The first analysis builds what lives as long as the process (lexicons, automata,
    actor and role indexes: ~50,000 tracked objects), and every full collection
    walked all of it again: ~3 % of the steady-state time on short articles (speed,
    issue 15). Garbage is collected first, so none is pinned; frozen objects are
    still freed by reference counting. One freeze, so memory stays flat.

    The youngest generation is then collected after 10,000 new objects instead of
    700, as :func:`framing.parallel.settle` does for the commands: a document's
    tokens, spans and indexes live until the document is done and hold no cycle
    once its memo is cleared, so each young collection re-walked the same live
    objects (a higher threshold set by the caller is kept).
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()
        threshold = gc.get_threshold()
        gc.set_threshold(max(threshold[0], _YOUNG_THRESHOLD), *threshold[1:])


#: objects allocated between two collections of the youngest generation (the default is 700)
_YOUNG_THRESHOLD = 10_000


def _prepare(doc: ParsedDocument, language: str, meta: dict[str, Any] | None) -> None:
    """Set what extractors read besides the parse: the language and the document's metadata."""
    doc.language = language
    # extractors and features may read document metadata (e.g. the outlet's home camp)
    doc.meta.update({k: v for k, v in (meta or {}).items() if v is not None})


def _language_warnings(text: str, language: str) -> list[str]:
    """The warnings a document gets for its language or for being empty."""
    if not text.strip():
        return ["empty document"]
    if language == "und":
        return ["no French text recognised: the French detectors may not apply"]
    if language != "fr":
        return [f"text looks {language}, not French: the French detectors do not apply"]
    return []


def _result(doc: ParsedDocument, spans: list[Span], n_words: int, n_sentences: int, *, id: str,
            source: str, meta: dict[str, Any] | None, warnings: list[str]) -> DocumentAnalysis:
    """Features from the evidence, and the analysis in the original text's offsets."""
    features = compute_features(FeatureContext(doc, spans, n_words, n_sentences))
    text, spans, excluded = in_original(doc, spans)
    return DocumentAnalysis(id=id, text=text, spans=spans, features=features,
                            n_words=n_words, n_sentences=n_sentences, source=source,
                            meta=dict(meta or {}), language=doc.language, backend=doc.backend,
                            excluded=excluded, warnings=warnings)


def analyze_text(text: str, *, id: str = "doc", source: str = "", meta: dict[str, Any] | None = None,
                 warnings: Sequence[str] = (), config: Config | None = None) -> DocumentAnalysis:
    """Parse and analyse ``text``, in windows when it is longer than :data:`WINDOW_CHARS`.

    A text of at most that size (any news article) is parsed and analysed whole;
    a longer one window after window (:mod:`framing.textwindows`), so that only
    one window's parse is in memory at a time. Raises
    :class:`~framing.limits.DocumentTooLarge` beyond the size limit.
    """
    config = config or default_config()
    if len(text) <= WINDOW_CHARS:
        return analyze_parsed(parse_text(text, config.backend), id=id, source=source, meta=meta,
                              warnings=warnings, config=config)
    check_document_size(text)
    view = TextView.of(text)
    language, excluded = detect_language(view.text), find_cruft(view.text)
    spans, sentences, starts, ends, memo = [], [], array("q"), array("q"), {}
    for start, end in window_bounds(view.text, WINDOW_CHARS):
        doc = get_backend(config.backend).parse(view.text[start:end])
        doc.excluded = [(max(a, start) - start, min(b, end) - start) for a, b in excluded if a < end and b > start]
        _prepare(doc, language, meta)
        spans += [_shifted(s, start) for s in run_extractors(doc, get_resources(config))]
        sentences += [(s.start + start, s.end + start) for s in doc.analysed_sentences()]
        word_starts, word_ends = doc.word_offsets()
        starts.extend(a + start for a in word_starts)
        ends.extend(b + start for b in word_ends)
        memo = {k: v for k, v in doc.cache.items() if k in _FEATURE_MEMOS}
        doc.cache.clear()  # its indexes point back to the parse: freed now, one window at a time
    # no tokens: the features read the whole text's sentences and word offsets
    whole = ParsedDocument(view.text, [], [Sentence(i, a, b, 0, 0) for i, (a, b) in enumerate(sentences)],
                           backend=config.backend, excluded=excluded, normalised=view if view.changed else None,
                           cache=memo, word_bounds=(starts, ends))
    _prepare(whole, language, meta)
    return _result(whole, sort_spans(spans), len(starts), len(sentences), id=id, source=source, meta=meta,
                   warnings=[*warnings, *_language_warnings(view.text, language)])


def _shifted(span: Span, offset: int) -> Span:
    """``span`` of a window, in the offsets of the whole text (offset pairs in attributes too)."""
    def shift(a: int, b: int) -> tuple[int, int]:
        return a + offset, b + offset

    return Span(span.label, span.start + offset, span.end + offset, span.text,
                {k: _pair_in(v, shift) for k, v in span.attrs.items()})


# --- the normalised view (issue 21, item 13) ---------------------------------

def parse_text(text: str, backend: str = "builtin") -> ParsedDocument:
    """Parse the NFC view of ``text`` (see :mod:`framing.textview`).

    Decomposed accents (NFD) would otherwise split words and miss every
    lexicon entry, so the same article gave other results. When NFC changes
    the text, ``doc.normalised`` keeps the original and the offset map, and
    :func:`analyze_parsed` reports every offset in the original. A text longer
    than the size limit raises :class:`~framing.limits.DocumentTooLarge`
    before anything is built (memory stays bounded, item 18).
    """
    check_document_size(text)
    view = TextView.of(text)
    doc = get_backend(backend).parse(view.text)
    if view.changed:
        doc.normalised = view
    return doc


def _pair_in(value: Any, mapping: Callable[[int, int], tuple[int, int]]) -> Any:
    """An attribute holding ``[start, end]`` offsets (``speaker_span``…) mapped; others unchanged."""
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in value)):
        return list(mapping(value[0], value[1]))
    return value


def _mapped(spans: Sequence[Span], text: str, mapping: Callable[[int, int], tuple[int, int]]) -> list[Span]:
    out = []
    for s in spans:
        a, b = mapping(s.start, s.end)
        out.append(Span(s.label, a, b, text[a:b], {k: _pair_in(v, mapping) for k, v in s.attrs.items()}))
    return sort_spans(out)


def in_original(doc: ParsedDocument, spans: Sequence[Span]) -> tuple[str, list[Span], list[tuple[int, int]]]:
    """The original text, ``spans`` and the excluded regions of ``doc`` in original offsets."""
    view = doc.normalised
    if view is None:
        return doc.text, list(spans), list(doc.excluded)
    excluded = [view.to_original(a, b) for a, b in doc.excluded]
    return view.original, _mapped(spans, view.original, view.to_original), excluded


def spans_in_view(doc: ParsedDocument, spans: Sequence[Span]) -> list[Span]:
    """``spans`` of an analysis (original offsets) in the offsets of ``doc`` (its NFC view)."""
    view = doc.normalised
    return list(spans) if view is None else _mapped(spans, doc.text, view.to_view)


def analyze(text: str, *, id: str = "doc", backend: str = "builtin",
            lexicon_dirs: Sequence[str | os.PathLike] = (), actors: str | None = None,
            source: str = "", **metadata: Any) -> DocumentAnalysis:
    """Analyse one French news text.

    Parameters
    ----------
    text : str
        The document text; every span offset points into it.
    id : str, default "doc"
        Identifier reported in the output.
    backend : {"builtin", "stanza"}, default "builtin"
        The parsing pipeline.
    lexicon_dirs : sequence of paths
        User lexicon directories adding to or overriding the shipped lexicons.
    actors : path, optional
        An actors file replacing the shipped ``lexicons/actors.tsv``.
    **metadata
        ``outlet``, ``date``, ``title``, ``url``… reported with the result.

    Returns
    -------
    DocumentAnalysis
        ``.spans`` (evidence), ``.features`` (flat name → number), ``.to_dict()``.
    """
    config = default_config(lexicon_dirs, actors, backend)
    return analyze_text(text, id=id, source=source, meta=metadata, config=config)


def failure_message(error: BaseException) -> str:
    """How a document whose analysis raised is reported (one line; the run goes on)."""
    if isinstance(error, DocumentTooLarge):
        return str(error)
    return f"analysis failed ({type(error).__name__}: {error})"


def parse_raw(raw: RawDocument, config: Config | None = None) -> ParsedDocument:
    """The parsed document of ``raw``: its own parse (CoNLL-U input) or the configured backend's."""
    if raw.parsed is not None:
        return raw.parsed
    return parse_text(raw.text, (config or default_config()).backend)


def analyze_raw(raw: RawDocument, config: Config | None = None,
                doc: ParsedDocument | None = None) -> DocumentAnalysis:
    """Analyse a document read by :func:`framing.ingest.iter_documents`.

    ``doc`` is its parse when the caller already has it (see :func:`parse_raw`).
    """
    config = config or default_config()
    if doc is None and raw.parsed is None:
        return analyze_text(raw.text, id=raw.id, source=raw.source, meta=raw.meta,
                            warnings=raw.warnings, config=config)
    doc = doc if doc is not None else parse_raw(raw, config)
    return analyze_parsed(doc, id=raw.id, source=raw.source, meta=raw.meta,
                          warnings=raw.warnings, config=config)


def analyze_paths(paths: Iterable[str | os.PathLike], *, backend: str = "builtin",
                  lexicon_dirs: Sequence[str | os.PathLike] = (), actors: str | None = None,
                  on_error: Callable[[InputError], None] = raise_error) -> Iterator[DocumentAnalysis]:
    """Lazily analyse every document in ``paths`` (files, directories, ``-``).

    Inputs that cannot be read are passed to ``on_error`` (default: raise)
    and the others are still analysed.
    """
    config = default_config(lexicon_dirs, actors, backend)
    for raw in iter_documents(paths, on_error=on_error):
        yield analyze_raw(raw, config)
