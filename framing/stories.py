"""Stories: documents about the same event, grouped by what they talk about and when.

A researcher comparing outlets wants to compare them *on the same events*.
This module groups documents into stories:

1. **Terms** (:func:`story_terms`): each document's content-word lemmas (function
   words — the closed-class forms of three Universal Dependencies French
   treebanks, ``framing/data/ud_french_forms.tsv``, and adverbs — are left
   out) and its names (runs of capitalised words inside a sentence, such as
   ``kim jong-un``, counted as one extra term).
2. **Similarity**: TF-IDF over those terms (scikit-learn; raw term counts,
   smoothed IDF fitted on the documents compared, rows L2-normalised) and
   cosine similarity between documents.
3. **Grouping** (:func:`cluster`): average-linkage agglomerative clustering. Two
   stories merge while the mean similarity of their document pairs dated
   within :data:`DEFAULT_WINDOW_DAYS` of each other is at least
   :data:`DEFAULT_THRESHOLD` (pairs further apart in time are left out of the
   mean; at least one pair must be within the window). Undated documents are
   within any window. Average linkage, unlike single linkage, does not chain
   unrelated articles through one article that shares words with both.

The threshold, 0.25, was read off real articles: the five seed articles on
North Korean troops in Kursk (five outlets, an agency story machine-translated,
a video transcript, written over six months) have pairwise similarities of
0.26 to 0.47 (a seed's mean similarity to the four others: 0.30 to 0.38),
while no article of ``../shared/corpus`` on another event, Korean and Russian
ones included, has a mean similarity above 0.18 to them; see
``docs/comparison.md`` for these figures and the stories of
``../shared/corpus-b``. Raw term counts separate better than sublinear ones
here (with log counts the seeds' lowest mean is 0.19 against 0.14). The
window is long (183 days) because a story such as a front line in a war runs
for months; shorten it to split a long story into episodes.

>>> from framing.stories import find_stories                         # doctest: +SKIP
>>> stories = find_stories(ids, terms, dates)                        # doctest: +SKIP
>>> stories.assignment["003_a279e9a969214fd9"], stories.label_of("S1")  # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

import numpy as np

#: Mean cosine similarity (TF-IDF) at or above which two stories merge.
DEFAULT_THRESHOLD = 0.25
#: Documents further apart than this (days) do not count toward a merge.
DEFAULT_WINDOW_DAYS = 183
#: Terms in a story label.
LABEL_TERMS = 4
#: UD tags whose forms are function words, not story terms.
FUNCTION_UPOS = frozenset({"ADP", "AUX", "CCONJ", "DET", "PRON", "SCONJ", "INTJ", "PART", "ADV"})
#: Prefix of a name term (a run of capitalised words).
NAME = "name:"


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Closed-class French forms (and adverbs) from the UD forms list."""
    from .lexicons import ud_forms

    return frozenset(f for f, upos in ud_forms().items() if upos in FUNCTION_UPOS)


def _content(word: str) -> bool:
    return len(word) >= 3 and any(c.isalpha() for c in word) and not any(c.isdigit() for c in word)


def story_terms(doc) -> Counter:
    """Content-word lemmas and names of a parsed document (outside its excluded page cruft).

    Lemmas are lower-cased; a word counts when it has three or more letters,
    no digit, and neither its form nor its lemma is a function word. Each
    run of two or more capitalised words not at a sentence start (``Kim
    Jong-un``, ``Corée du Nord`` is two runs) adds one ``name:`` term.
    """
    stop = function_words()
    terms: Counter = Counter()
    run: list[str] = []
    prev_sent = -1
    first_of_sentence = True
    for t in doc.words():
        if t.sent != prev_sent:
            prev_sent, first_of_sentence = t.sent, True
        low, lemma = t.text.lower(), (t.lemma or t.text).lower()
        if _content(low) and low not in stop and lemma not in stop:
            terms[lemma] += 1
        capital = t.text[:1].isupper() and not first_of_sentence and _content(low)
        if capital:
            run.append(low)
        else:
            if len(run) > 1:
                terms[NAME + " ".join(run)] += 1
            run = []
        first_of_sentence = False
    if len(run) > 1:
        terms[NAME + " ".join(run)] += 1
    return terms


def _parse_date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def tfidf_vectors(terms: Sequence[Counter]):
    """The documents' TF-IDF rows (sparse, L2-normalised) and the term of each column."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer

    vec = DictVectorizer()
    counts = vec.fit_transform([dict(t) for t in terms])
    return TfidfTransformer(sublinear_tf=False, smooth_idf=True).fit_transform(counts).tocsr(), vec.get_feature_names_out()


def similarity_matrix(terms: Sequence[Counter]):
    """All cosine similarities (documents × documents), the TF-IDF rows and their terms (for measurements)."""
    tfidf, names = tfidf_vectors(terms)
    return (tfidf @ tfidf.T).tocsr(), tfidf, names


def _strong_pairs(tfidf, threshold: float, chunk: int = 500) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``i < j`` with cosine >= threshold, computed a block of rows at a time.

    Most documents share some common word, so the full similarity matrix is
    nearly dense: it is never held whole.
    """
    rows, cols = [np.zeros(0, dtype=int)], [np.zeros(0, dtype=int)]
    for start in range(0, tfidf.shape[0], chunk):
        block = (tfidf[start:start + chunk] @ tfidf.T).toarray()
        r, c = np.nonzero(block >= threshold)
        keep = r + start < c
        rows.append(r[keep] + start)
        cols.append(c[keep])
    return np.concatenate(rows), np.concatenate(cols)


def _within_window(dates: Sequence[dt.date | None], window_days: float) -> np.ndarray:
    n = len(dates)
    ordinal = np.array([d.toordinal() if d else 0 for d in dates], dtype=float)
    known = np.array([d is not None for d in dates])
    close = np.abs(ordinal[:, None] - ordinal[None, :]) <= window_days
    return close | ~known[:, None] | ~known[None, :] | np.eye(n, dtype=bool)


def _average_linkage(sim: np.ndarray, allowed: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage clustering of one block: merge the best pair while its mean allowed similarity >= threshold."""
    n = sim.shape[0]
    total = np.where(allowed, sim, 0.0)
    count = allowed.astype(float)
    np.fill_diagonal(total, 0.0)
    np.fill_diagonal(count, 0.0)
    members = [[i] for i in range(n)]
    alive = np.ones(n, dtype=bool)
    while True:
        with np.errstate(divide="ignore", invalid="ignore"):
            mean = np.where(count > 0, total / np.maximum(count, 1), -1.0)
        mean[~alive, :] = -1.0
        mean[:, ~alive] = -1.0
        np.fill_diagonal(mean, -1.0)
        k = int(np.argmax(mean))
        i, j = divmod(k, n)
        if mean[i, j] < threshold:
            break
        # Lance-Williams for average linkage over allowed pairs: sums and counts add up
        total[i, :] += total[j, :]
        total[:, i] = total[i, :]
        count[i, :] += count[j, :]
        count[:, i] = count[i, :]
        total[i, i] = count[i, i] = 0.0
        alive[j] = False
        members[i].extend(members[j])
        members[j] = []
    return [sorted(m) for m, a in zip(members, alive) if a]


def cluster(tfidf, dates: Sequence[dt.date | None], threshold: float = DEFAULT_THRESHOLD,
            window_days: float = DEFAULT_WINDOW_DAYS) -> list[list[int]]:
    """Stories as lists of document indices, from the documents' TF-IDF rows.

    The documents are first split into blocks linked by at least one pair at
    or above the threshold within the window (a merge needs such a pair, so
    no story crosses blocks); each block is clustered by average linkage.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    n = tfidf.shape[0]
    if n == 0:
        return []
    rows, cols = _strong_pairs(tfidf, threshold)
    ords = [d.toordinal() if d else None for d in dates]
    ok = np.array([ords[a] is None or ords[b] is None or abs(ords[a] - ords[b]) <= window_days
                   for a, b in zip(rows, cols)], dtype=bool)
    graph = csr_matrix((np.ones(int(ok.sum())), (rows[ok], cols[ok])), shape=(n, n))
    n_blocks, block = connected_components(graph, directed=False)
    stories: list[list[int]] = []
    for b in range(n_blocks):
        idx = np.flatnonzero(block == b)
        if len(idx) == 1:
            stories.append([int(idx[0])])
            continue
        sub = (tfidf[idx] @ tfidf[idx].T).toarray()
        allowed = _within_window([dates[i] for i in idx], window_days)
        stories.extend([[int(idx[k]) for k in part] for part in _average_linkage(sub, allowed, threshold)])
    return stories


@dataclass
class Story:
    """One story: its id (``S1``… by size, then date), documents, top terms and dates."""

    id: str
    documents: list[str]
    terms: list[str]
    first: str | None = None
    last: str | None = None

    @property
    def label(self) -> str:
        return ", ".join(self.terms)


@dataclass
class Stories:
    """The stories of a set of documents and the settings that made them."""

    stories: list[Story]
    threshold: float
    window_days: float
    assignment: dict[str, str] = field(default_factory=dict)

    def label_of(self, story_id: str) -> str:
        return next(s.label for s in self.stories if s.id == story_id)

    def multi(self) -> list[Story]:
        """Stories of two or more documents."""
        return [s for s in self.stories if len(s.documents) > 1]

    def to_dict(self) -> dict:
        return {"threshold": self.threshold, "window_days": self.window_days,
                "stories": [{"id": s.id, "label": s.label, "documents": s.documents, "first": s.first,
                             "last": s.last} for s in self.stories]}


def _label(rows: Sequence[int], tfidf, names: Sequence[str], k: int = LABEL_TERMS) -> list[str]:
    weight = np.asarray(tfidf[list(rows)].sum(axis=0)).ravel()
    order = np.argsort(-weight, kind="stable")
    out: list[str] = []
    for j in order:
        if weight[j] <= 0 or len(out) >= k:
            break
        term = str(names[j])
        term = term[len(NAME):] if term.startswith(NAME) else term
        if not any(term in o or o in term for o in out):  # "kim" adds nothing after "kim jong-un"
            out.append(term)
    return out


def find_stories(ids: Sequence[str], terms: Sequence[Counter], dates: Sequence[str | None] = (),
                 threshold: float = DEFAULT_THRESHOLD, window_days: float = DEFAULT_WINDOW_DAYS) -> Stories:
    """Group documents into stories (every document gets one; a story may hold one document).

    Parameters
    ----------
    ids : document ids, in reading order
    terms : per document, :func:`story_terms`
    dates : per document, an ISO date or None (missing: no time constraint)
    threshold : mean cosine similarity needed to merge two stories
    window_days : document pairs further apart in time do not count
    """
    ids = list(ids)
    parsed = [_parse_date(d) for d in (list(dates) or [None] * len(ids))]
    if not ids:
        return Stories([], threshold, window_days)
    if not any(terms):
        groups = [[i] for i in range(len(ids))]
        tfidf, names = None, []
    else:
        tfidf, names = tfidf_vectors(terms)
        groups = cluster(tfidf, parsed, threshold, window_days)

    def sort_key(g: list[int]):
        known = [parsed[i] for i in g if parsed[i]]
        return (-len(g), min(known) if known else dt.date.max, min(g))

    stories = []
    for k, g in enumerate(sorted(groups, key=sort_key), 1):
        known = sorted(parsed[i] for i in g if parsed[i])
        stories.append(Story(f"S{k}", [ids[i] for i in g],
                             _label(g, tfidf, names) if tfidf is not None else [],
                             known[0].isoformat() if known else None, known[-1].isoformat() if known else None))
    assignment = {d: s.id for s in stories for d in s.documents}
    return Stories(stories, threshold, window_days, assignment)
