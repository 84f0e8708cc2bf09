"""The parsed document every extractor reads.

A backend (``framing.backends``) turns text into a :class:`ParsedDocument`:
tokens with character offsets into the original text, sentences, lemmas, and,
when the backend provides them, part-of-speech tags, morphological features,
a dependency parse and named entities. ``annotations`` says which of those
are present so extractors can use the richer ones and fall back otherwise.
"""
from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field
from itertools import compress
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

if TYPE_CHECKING:
    from .textview import TextView

#: Token attribute getters for C-level ``map`` over a token list (speed, issue 9):
#: ``list(map(TOKEN_TEXT, doc.tokens))`` is the forms without a Python loop.
TOKEN_TEXT, TOKEN_LEMMA, TOKEN_IS_WORD = (
    operator.attrgetter("text"), operator.attrgetter("lemma"), operator.attrgetter("is_word"))
_TOKEN_END = operator.attrgetter("end")

#: Annotation layers a backend may provide.
TOKENS, SENTENCES, LEMMAS, UPOS, FEATS, DEPS, NER = (
    "tokens", "sentences", "lemmas", "upos", "feats", "deps", "ner")


@dataclass(slots=True)
class Token:
    """A token of the original text: ``doc.text[start:end] == text``.

    ``i`` is the token's index in the document, ``sent`` its sentence's index.
    ``head`` is the document-level index of the syntactic head (``None`` for the
    root or when no parse is available); ``feats`` holds UD features such as
    ``{"Mood": "Cnd"}``; ``ner`` a BIO entity tag like ``"B-PER"``.
    """

    i: int
    text: str
    start: int
    end: int
    lemma: str
    is_word: bool
    sent: int = 0
    upos: str | None = None
    feats: dict[str, str] | None = None
    head: int | None = None
    deprel: str | None = None
    ner: str | None = None

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(slots=True)
class Sentence:
    """Sentence ``i`` covers ``text[start:end]`` and tokens ``[first, last)``."""

    i: int
    start: int
    end: int
    first: int
    last: int


@dataclass
class ParsedDocument:
    """Text plus annotation layers, the single input of every extractor.

    ``excluded`` lists page-cruft regions (navigation, teasers, photo credits)
    as ``(start, end)`` pairs: they stay in ``text`` so offsets remain valid,
    but features and evidence ignore them.
    """

    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    backend: str = "builtin"
    annotations: frozenset[str] = frozenset({TOKENS, SENTENCES, LEMMAS})
    excluded: list[tuple[int, int]] = field(default_factory=list)
    language: str = "fr"
    meta: dict[str, Any] = field(default_factory=dict)
    #: when ``text`` is the NFC view of a text that NFC changed: the original and the
    #: offset map back to it (set by ``framing.analysis.parse_text``; None otherwise)
    normalised: TextView | None = None
    _starts: list[int] = field(default_factory=list, repr=False)
    _sent_starts: list[int] = field(default_factory=list, repr=False)
    #: per-document memo for derived views (e.g. the lexicon matcher's token strings)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    #: start and end offsets of the analysed words when the document holds no tokens
    #: (a text analysed in windows, ``framing.analysis.analyze_text``); None: from ``tokens``
    word_bounds: tuple[Sequence[int], Sequence[int]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if len(self._starts) != len(self.tokens):  # unless the backend gave them (builtin)
            self._starts = [t.start for t in self.tokens]
        self._sent_starts = [s.start for s in self.sentences]

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """Build-once storage of a view derived from this document (as :meth:`Resources.memo`)."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]

    def forms(self) -> list[str]:
        """The tokens' texts by token index, gathered once per document (several rules and
        views scan them: speed, issue 15). Shared: a caller must not change the list."""
        forms = self.cache.get("document.forms")
        if forms is None:
            forms = self.cache["document.forms"] = [t.text for t in self.tokens]
        return forms

    def has(self, *layers: str) -> bool:
        """True when the backend provided every layer named."""
        annotations = self.annotations
        if isinstance(annotations, (set, frozenset)):  # (always, but for a caller's own collection)
            return annotations.issuperset(layers)  # one C-level call (speed, issue 15)
        return all(layer in annotations for layer in layers)

    # --- lookups -----------------------------------------------------
    def token_at(self, offset: int) -> Token | None:
        """The token covering character ``offset``, if any."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self.tokens[k].start <= offset < self.tokens[k].end:
            return self.tokens[k]
        return None

    def token_index_from(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self._starts, offset)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens lying entirely within ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        # bound the slice by bisection too: slicing ``tokens[lo:]`` copied the rest of
        # the document on every call (quadratic on long texts)
        hi = bisect.bisect_left(self._starts, end, lo)
        ends = self._ordered_ends()
        if ends is not None:  # the tokens ending by ``end`` are a prefix of the slice
            return self.tokens[lo:bisect.bisect_right(ends, end, lo, hi)]
        return [t for t in self.tokens[lo:hi] if t.end <= end]

    def _ordered_ends(self) -> list[int] | None:
        """The tokens' end offsets when they never decrease (any backend that does not
        nest tokens), else None; per-document memo, built at C speed (speed, issue 15)."""
        if "_ordered_ends" not in self.cache:
            ends = list(map(_TOKEN_END, self.tokens))
            try:
                ordered = all(map(operator.le, ends, ends[1:]))
            except TypeError:  # a token without offsets (None): the per-token filter decides
                ordered = False
            self.cache["_ordered_ends"] = ends if ordered else None
        return self.cache["_ordered_ends"]

    def sentence_of(self, offset: int) -> Sentence | None:
        """The sentence containing character ``offset``."""
        k = bisect.bisect_right(self._sent_starts, offset) - 1
        if k >= 0 and offset < self.sentences[k].end:
            return self.sentences[k]
        return None

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first:sentence.last]

    def _excluded_index(self) -> tuple[list[int], list[int]]:
        """Region starts (sorted) and the running maximum of their ends, for bisection.

        Rebuilt when ``excluded`` is replaced or changes length (it is usually
        set once, after parsing).
        """
        regions = self.excluded
        key = (id(regions), len(regions), regions[0] if regions else None, regions[-1] if regions else None)
        cached = self.cache.get("_excluded_index")
        if cached is not None and cached[0] == key:
            return cached[1]
        ordered = sorted(regions)
        starts = [a for a, _ in ordered]
        max_ends, top = [], None
        for _, b in ordered:
            top = b if top is None or b > top else top
            max_ends.append(top)
        self.cache["_excluded_index"] = (key, (starts, max_ends))
        return starts, max_ends

    def is_excluded(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` overlaps an excluded (cruft) region (O(log n))."""
        if not self.excluded:
            return False
        end = start + 1 if end is None else end
        starts, max_ends = self._excluded_index()
        # regions starting before ``end``: the last of them in start order is at k;
        # one of them overlaps iff the furthest end among them passes ``start``
        k = bisect.bisect_left(starts, end) - 1
        return k >= 0 and start < max_ends[k]

    def _analysed_mask(self) -> list[bool]:
        """Per token: a word outside the excluded regions (computed once per document).

        Recomputed if ``tokens`` or ``excluded`` are replaced.
        """
        regions = self.excluded
        key = (id(self.tokens), len(self.tokens), id(regions), len(regions),
               regions[0] if regions else None, regions[-1] if regions else None)
        cached = self.cache.get("_analysed_mask")
        if cached is not None and cached[0] == key:
            return cached[1]
        mask = [t.is_word for t in self.tokens]
        if regions:
            # a token is excluded when it overlaps a region (as is_excluded); tokens
            # are in order and do not overlap, so each region blanks one slice of
            # the mask, found by bisection (speed, issue 9: no per-token loop)
            starts = [t.start for t in self.tokens]
            ends = [t.end for t in self.tokens]
            for a, b in regions:
                lo = bisect.bisect_right(ends, a)  # first token ending after a
                hi = bisect.bisect_left(starts, b)  # first token starting at or after b
                if lo < hi:
                    mask[lo:hi] = [False] * (hi - lo)
        self.cache["_analysed_mask"] = (key, mask)
        return mask

    def words(self) -> Iterator[Token]:
        """Word tokens (punctuation excluded) outside excluded regions."""
        mask = self._analysed_mask()
        cached = self.cache.get("_words")
        if cached is None or cached[0] is not mask:  # the list follows the mask it came from
            cached = (mask, list(compress(self.tokens, mask)))
            self.cache["_words"] = cached
        return iter(cached[1])

    def word_offsets(self) -> tuple[Sequence[int], Sequence[int]]:
        """Start and end offsets of the words :meth:`words` yields, as two parallel sequences."""
        if self.word_bounds is not None:
            return self.word_bounds
        words = list(self.words())
        return [t.start for t in words], [t.end for t in words]

    def count_words(self) -> int:
        """How many tokens :meth:`words` yields (the document's word count)."""
        return sum(self._analysed_mask())  # booleans summed at C speed

    def analysed_sentences(self) -> list[Sentence]:
        """Sentences with at least one word outside the excluded regions."""
        mask = self._analysed_mask()
        return [s for s in self.sentences if any(mask[s.first:s.last])]
