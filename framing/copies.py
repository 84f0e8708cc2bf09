"""Copies between documents, and foreign words left in a French text.

Two signals that a document is not an outlet's own, independent writing:

* **copies**: the same text published twice (a wire dispatch reprinted, a
  repost, a lightly edited copy). Each document's words become overlapping
  word 4-grams ("shingles"); MinHash signatures with banded locality-sensitive
  hashing propose candidate pairs, and the exact shingle sets decide. A pair is

  - ``identical`` when the two shingle sets are the same (Jaccard = 1: same words
    in the same order, up to case and punctuation);
  - ``near-copy`` when Jaccard >= :data:`NEAR_COPY_JACCARD` or one text's
    shingles are mostly in the other (containment >= :data:`NEAR_COPY_CONTAINMENT`:
    a shortened or padded copy);
  - ``rewrite`` when containment >= :data:`REWRITE_CONTAINMENT`: whole passages
    in common, the rest rewritten (a dispatch reworked by an outlet).

  Independent articles on one event share names and a few set phrases, not
  runs of four words across a third of a text: over all pairs of the 746
  articles of ``../shared/corpus-b``, after the four republished pages
  (containment 0.98 to 1), the highest containment is 0.27 (two AFP
  dispatches of one day on one event, sharing background paragraphs), then
  0.15 (see ``docs/comparison.md``).

* **foreign words**: lower-case words that no French word list knows and
  English does (simplemma's English dictionary), outside foreign-language quotations and
  hyphenated compounds: "shock", "fight", "braveness" left by a machine
  translation. French is simplemma's French dictionary plus the word forms of
  three Universal Dependencies French treebanks (``framing/data/ud_french_forms.tsv``;
  simplemma leaves out invariant words like *pas* or *dont*). Loanwords in
  ordinary French use (*tweet*, *buzz*) also count: the rate is a signal to
  compare, not a verdict.

>>> from framing.copies import fingerprint, find_copies
>>> text = "le chat de la voisine dort sur le canapé du salon depuis ce matin et ne bouge plus du tout " * 2
>>> a = fingerprint("a", text.split())
>>> b = fingerprint("b", text.replace("matin", "midi", 1).split())
>>> [(p.id_a, p.id_b, p.kind) for p in find_copies([a, b])]
[('a', 'b', 'near-copy')]
"""
from __future__ import annotations

import bisect
import hashlib
import itertools
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np

from .lexicons import ud_forms
from .spans import Span

#: Words per shingle: long enough that independent texts rarely share one by chance.
SHINGLE_WORDS = 4
#: MinHash permutations, and rows per LSH band (64 bands of 2 rows: a pair with
#: Jaccard 0.1 becomes a candidate with probability 0.47, with 0.2 with 0.93).
N_PERMUTATIONS = 128
BAND_ROWS = 2
NEAR_COPY_JACCARD = 0.5
NEAR_COPY_CONTAINMENT = 0.8
REWRITE_CONTAINMENT = 0.3
#: Texts with fewer shingles than this are not compared (a caption, an empty page).
MIN_SHINGLES = 20
#: Kinds that make two documents one "copy set" for ``--dedupe``; a rewrite is kept
#: (its framing is the rewriting outlet's own).
DEDUPE_KINDS = ("identical", "near-copy")
_PRIME = 4294967291  # the largest prime below 2^32


@dataclass
class Fingerprint:
    """What copy detection keeps of a document: its shingle hashes and MinHash signature."""

    id: str
    n_words: int
    shingles: np.ndarray  # sorted unique uint32 hashes of word 4-grams
    signature: np.ndarray  # uint64, N_PERMUTATIONS values (empty when too short)


@dataclass
class CopyPair:
    """Two documents that share text: ``kind`` is identical, near-copy or rewrite."""

    id_a: str
    id_b: str
    jaccard: float
    containment: float
    kind: str

    @property
    def similarity(self) -> float:
        """The similarity ``copies.csv`` reports: shingle Jaccard for copies, containment for rewrites."""
        return self.containment if self.kind == "rewrite" else self.jaccard


# --- fingerprints ------------------------------------------------------------

def shingle_hashes(words: Sequence[str], k: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted unique 32-bit hashes (CRC-32) of the word ``k``-grams of ``words``."""
    if len(words) < k:
        return np.zeros(0, dtype=np.uint32)
    n = len(words) - k + 1  # hashed one by one: no set of n strings held for a very long text
    return np.unique(np.fromiter((zlib.crc32(" ".join(words[i:i + k]).encode("utf-8")) for i in range(n)),
                                 dtype=np.uint32, count=n))


@lru_cache(maxsize=4)
def _permutations(n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    # a, b and the hashes below 2^32: a*h + b < 2^64, no uint64 overflow; a*h wraps around
    # the prime many times, which makes each function a random-looking permutation
    return (rng.integers(1, _PRIME, size=n, dtype=np.uint64),
            rng.integers(0, _PRIME, size=n, dtype=np.uint64))


def minhash(shingles: np.ndarray, n: int = N_PERMUTATIONS) -> np.ndarray:
    """MinHash signature: for each of ``n`` hash functions ``(a·h + b) mod p``, the minimum over the shingles."""
    if not len(shingles):
        return np.zeros(0, dtype=np.uint64)
    a, b = _permutations(n)
    out = np.full(n, np.iinfo(np.uint64).max, dtype=np.uint64)
    # blocks of 32,768 shingles × 32 functions (8 MB) bound memory for very long texts
    for first in range(0, len(shingles), 1 << 15):
        h = shingles[first:first + (1 << 15)].astype(np.uint64) % np.uint64(_PRIME)
        for start in range(0, n, 32):
            sl = slice(start, start + 32)
            out[sl] = np.minimum(out[sl], ((np.outer(h, a[sl]) + b[sl]) % np.uint64(_PRIME)).min(axis=0))
    return out


def fingerprint(doc_id: str, words: Sequence[str]) -> Fingerprint:
    """The fingerprint of a document from its words (lower-cased here)."""
    words = [w.lower() for w in words]
    sh = shingle_hashes(words)
    sig = minhash(sh) if len(sh) >= MIN_SHINGLES else np.zeros(0, dtype=np.uint64)
    return Fingerprint(doc_id, len(words), sh, sig)


def document_words(doc) -> list[str]:
    """Word tokens of a parsed document outside its excluded page cruft."""
    return [t.text for t in doc.words()]


# --- pairs -------------------------------------------------------------------

def classify(jaccard: float, containment: float) -> str | None:
    """The kind of a pair from its shingle overlap, or None when it is not a copy."""
    if jaccard >= 1.0 - 1e-12:
        return "identical"
    if jaccard >= NEAR_COPY_JACCARD or containment >= NEAR_COPY_CONTAINMENT:
        return "near-copy"
    if containment >= REWRITE_CONTAINMENT:
        return "rewrite"
    return None


def overlap(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """Exact Jaccard and containment (shared shingles / the smaller set) of two fingerprints."""
    if not len(a.shingles) or not len(b.shingles):
        return 0.0, 0.0
    common = len(np.intersect1d(a.shingles, b.shingles, assume_unique=True))
    union = len(a.shingles) + len(b.shingles) - common
    return common / union, common / min(len(a.shingles), len(b.shingles))


def candidate_pairs(prints: Sequence[Fingerprint], rows: int = BAND_ROWS) -> set[tuple[int, int]]:
    """Index pairs whose signatures agree on at least one band (locality-sensitive hashing)."""
    out: set[tuple[int, int]] = set()
    usable = [i for i, f in enumerate(prints) if len(f.signature)]
    if len(usable) < 2:
        return out
    sigs = np.vstack([prints[i].signature for i in usable])
    for start in range(0, sigs.shape[1] - rows + 1, rows):
        buckets: dict[bytes, list[int]] = {}
        for k, key in enumerate(map(bytes, sigs[:, start:start + rows])):
            buckets.setdefault(key, []).append(usable[k])
        for members in buckets.values():
            if len(members) > 1:
                for x in range(len(members)):
                    for y in range(x + 1, len(members)):
                        out.add((members[x], members[y]))
    return out


def find_copies(prints: Sequence[Fingerprint]) -> list[CopyPair]:
    """Every pair of documents that is a copy (identical, near-copy or rewrite), strongest first."""
    pairs = []
    for i, j in candidate_pairs(prints):
        jac, cont = overlap(prints[i], prints[j])
        kind = classify(jac, cont)
        if kind:
            pairs.append(CopyPair(prints[i].id, prints[j].id, round(jac, 4), round(cont, 4), kind))
    pairs.sort(key=lambda p: (-p.jaccard, -p.containment, p.id_a, p.id_b))
    return pairs


def copy_sets(ids: Sequence[str], pairs: Iterable[CopyPair], kinds: Sequence[str] = DEDUPE_KINDS) -> list[list[str]]:
    """Groups of documents joined by copy pairs of ``kinds`` (connected components), in ``ids`` order.

    Only sets of two or more documents are returned.
    """
    parent = {i: i for i in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        if p.kind in kinds and p.id_a in parent and p.id_b in parent:
            ra, rb = root(p.id_a), root(p.id_b)
            if ra != rb:
                parent[rb] = ra
    sets: dict[str, list[str]] = {}
    for i in ids:
        sets.setdefault(root(i), []).append(i)
    return [s for s in sets.values() if len(s) > 1]


def dedupe_keep(ids: Sequence[str], dates: Sequence[str | None], pairs: Iterable[CopyPair]) -> dict[str, str]:
    """For ``--dedupe``: each dropped document → the one kept for its copy set.

    The kept document is the earliest dated one; undated documents, and ties,
    go by reading order (the first read is kept).
    """
    order = {i: k for k, i in enumerate(ids)}
    date_of = dict(zip(ids, dates))
    dropped: dict[str, str] = {}
    for members in copy_sets(ids, pairs):
        keep = min(members, key=lambda i: (not date_of.get(i), str(date_of.get(i) or ""), order[i]))
        dropped.update({m: keep for m in members if m != keep})
    return dropped


def text_digest(words: Sequence[str]) -> str:
    """A short hash of the lower-cased word sequence (same words, same digest)."""
    return hashlib.sha1(" ".join(w.lower() for w in words).encode("utf-8")).hexdigest()[:16]


# --- foreign words -----------------------------------------------------------

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Opening → closing quotation marks: words inside are quoted, not the text's own French.
_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "“"}
#: Words shorter than this are too often abbreviations or interjections in both languages.
MIN_FOREIGN_LENGTH = 3


def _dictionary_words(lang: str) -> set[bytes]:
    """Forms and lemmas of simplemma's dictionary for ``lang``, UTF-8 encoded (its own storage: no decoding)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    d = DefaultDictionaryFactory().get_dictionary(lang)
    raw = getattr(d, "_dict", None)
    if raw is None:  # another simplemma storage: decode through the mapping
        return {k.encode("utf-8") for k in d} | {v.encode("utf-8") for v in d.values()}
    return set(raw) | set(raw.values())


@lru_cache(maxsize=1)
def _french_forms() -> frozenset[bytes]:
    """French word forms: simplemma's French dictionary (forms and lemmas) and the UD forms list."""
    forms = _dictionary_words("fr")
    forms.update(f.encode("utf-8") for f in ud_forms())
    return frozenset(forms)


@lru_cache(maxsize=1)
def _english_forms() -> frozenset[bytes]:
    return frozenset(_dictionary_words("en"))


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (unclosed marks close at the paragraph end)."""
    out = []
    i = 0
    while i < len(text):
        close = _QUOTES.get(text[i])
        if close is None:
            i += 1
            continue
        end = text.find(close, i + 1)
        para = text.find("\n", i + 1)
        if end < 0 or (0 <= para < end):
            end = para if para >= 0 else len(text)
        out.append((i, end + 1))
        i = end + 1
    return out


def is_foreign_word(word: str) -> bool:
    """A lower-case word English knows and French does not."""
    w = word
    if len(w) < MIN_FOREIGN_LENGTH or "-" in w or not w.isalpha() or not w.islower():
        return False
    french = _french_forms()
    key = w.encode("utf-8")
    if key in french or w.replace("œ", "oe").encode("utf-8") in french:
        return False
    return key in _english_forms()


def _mostly_foreign(passage: str) -> bool:
    """A quotation in a foreign language (half its words or more are not French): quoted, not left untranslated."""
    words = [w.lower() for w in _WORD_RE.findall(passage)]
    if not words:
        return False
    french = _french_forms()
    return sum(w.encode("utf-8") not in french for w in words) * 2 >= len(words)


def foreign_words(text: str, excluded: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """``FOREIGN`` spans (``attrs.lang = "en"``) over English words left in a French text.

    Quotations in a foreign language (half their words not French: "« America
    first »"), ``excluded`` regions (page cruft), capitalised words (names,
    sentence starts) and hyphenated compounds are skipped; an English word
    inside a French quotation counts.
    ``text[span.start:span.end] == span.text``.
    """
    skip = sorted([q for q in _quoted_regions(text) if _mostly_foreign(text[q[0]:q[1]])]
                  + [tuple(r) for r in excluded])
    starts = [a for a, _ in skip]
    reach = list(itertools.accumulate((b for _, b in skip), max))  # furthest end of the regions so far
    out = []
    for m in _WORD_RE.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < reach[k]:
            continue
        word, start = m.group(), m.start()
        cut = max(word.rfind("'"), word.rfind("’"))
        if cut >= 0:  # an elided article or preposition (l', d') is French: the span is the word after it
            word, start = word[cut + 1:], start + cut + 1
        if is_foreign_word(word):
            out.append(Span("FOREIGN", start, m.end(), word, {"lang": "en"}))
    return out


def foreign_features(spans: Sequence[Span], n_words: int) -> dict[str, float]:
    """``foreign_word_per_1k`` (tokens per 1,000 words) and ``n_foreign_words`` (distinct words)."""
    n = len(spans)
    return {"foreign_word_per_1k": 1000.0 * n / n_words if n_words else 0.0,
            "n_foreign_words": float(len({s.text.lower() for s in spans}))}
