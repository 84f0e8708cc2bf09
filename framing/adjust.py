"""Comparing like with like: stories, copies, foreign words and strata for ``framing compare``.

:mod:`framing.compare` calls this module at three points:

* while reading, :func:`profile` keeps what each document needs here (story
  terms, a copy fingerprint, foreign-word evidence) so the parsed text can be
  dropped;
* after reading, :func:`prepare` finds copies (:mod:`framing.copies`), drops
  copies when ``dedupe`` (one document per copy set: the earliest, or the
  first read), groups the rest into stories (:mod:`framing.stories`) and sets
  each document's ``meta["story"]``, so ``--within story`` works like any
  metadata key;
* :func:`strata_for` gives the strata of ``--within KEY``; without it,
  :func:`mix_warnings` measures how differently the groups are spread over
  the stratifying keys and over stories, for the report's warning.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from . import copies as copies_mod
from . import stats
from . import stories as stories_mod
from .output import inert_cell

#: Per-document features added by this module (machine-translation signal).
FOREIGN_FEATURES = ("foreign_word_per_1k", "n_foreign_words")
#: Distinct foreign words from which the report names a document as a possible machine
#: translation: the machine-translated seed has 8; no article of ../shared/corpus-b more than 5.
MT_DISTINCT_WORDS = 6
#: Mix warnings: total variation distance between two groups' strata shares from which to warn.
MIX_TVD = 0.2
#: A metadata key is a candidate stratifier with 2 to this many values.
MAX_STRATA = 20
#: Metadata keys that never stratify (identifiers, free text, dates).
NOT_STRATA = frozenset({"id", "title", "url", "date", "text", "source", "author", "file", "note", "story"})
CONTEXT = 60
#: Foreign words kept in context per document for the report (all are in foreign_words.csv).
MAX_CONTEXT = 6
UNKNOWN_STRATUM = "(none)"


@dataclass
class DocProfile:
    """What stories, copies and foreign-word evidence need of one document."""

    packed_terms: str  # "term\tcount" lines: a tenth of a Counter's memory, for corpora of many documents
    fingerprint: copies_mod.Fingerprint
    foreign: list[tuple[int, int, str]] = field(default_factory=list)  # every foreign-word span
    #: the first foreign words in context, for the report: {start, end, text, left, right}
    foreign_context: list[dict[str, Any]] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)

    @property
    def terms(self) -> Counter:
        """The story terms (:func:`framing.stories.story_terms`) as a Counter."""
        pairs = (line.rsplit("\t", 1) for line in self.packed_terms.split("\n") if line)
        return Counter({term: int(n) for term, n in pairs})


def profile(doc, analysis) -> DocProfile:
    """The profile of an analysed document: story terms and fingerprint from the parse, foreign words from the text."""
    words = copies_mod.document_words(doc)
    text = analysis.text
    # foreign words are a signal in French text only (an English article is all "foreign")
    spans = copies_mod.foreign_words(text, analysis.excluded) if analysis.language == "fr" else []
    context = [{"start": s.start, "end": s.end, "text": s.text,
                "left": text[max(0, s.start - CONTEXT):s.start].replace("\n", " "),
                "right": text[s.end:s.end + CONTEXT].replace("\n", " ")} for s in spans[:MAX_CONTEXT]]
    terms = stories_mod.story_terms(doc)
    packed = "\n".join(f"{t.replace(chr(9), ' ').replace(chr(10), ' ')}\t{n}" for t, n in terms.items())
    return DocProfile(packed, copies_mod.fingerprint(analysis.id, words), [(s.start, s.end, s.text) for s in spans],
                      context, copies_mod.foreign_features(spans, analysis.n_words))


@dataclass
class Likeness:
    """Stories, copies, dedupe and adjustment of one comparison (what the report and summary.json show)."""

    stories: stories_mod.Stories
    copies: list[copies_mod.CopyPair]
    dropped: dict[str, str]
    within: str | None = None
    strata: dict[str, str] = field(default_factory=dict)
    mix: list[dict[str, Any]] = field(default_factory=list)
    story_table: list[dict[str, Any]] = field(default_factory=list)
    foreign: list[dict[str, Any]] = field(default_factory=list)
    shared_story_share: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"within": self.within, "stories": self.stories.to_dict(),
                "copies": [{"id_a": p.id_a, "id_b": p.id_b, "jaccard": p.jaccard, "containment": p.containment,
                            "kind": p.kind} for p in self.copies],
                "dropped": self.dropped, "mix": self.mix, "story_table": self.story_table,
                "shared_story_share": self.shared_story_share,
                "machine_translation_signal": [{k: v for k, v in f.items() if k != "evidence"} for f in self.foreign]}


def prepare(documents: list, *, dedupe: bool = False, threshold: float = stories_mod.DEFAULT_THRESHOLD,
            window_days: float = stories_mod.DEFAULT_WINDOW_DAYS) -> tuple[list, Likeness]:
    """Copies, dedupe, stories; returns the documents to compare and the :class:`Likeness`.

    Each document's foreign-word features join its features, and
    ``meta["story"]`` is set to its story id.
    """
    for d in documents:
        if d.profile is not None:
            d.features.update(d.profile.features)
    prints = [d.profile.fingerprint for d in documents if d.profile is not None]
    pairs = copies_mod.find_copies(prints)
    dropped: dict[str, str] = {}
    if dedupe:
        dropped = copies_mod.dedupe_keep([d.id for d in documents], [d.meta.get("date") for d in documents], pairs)
        documents = [d for d in documents if d.id not in dropped]
    found = stories_mod.find_stories([d.id for d in documents],
                                     [d.profile.terms if d.profile else Counter() for d in documents],
                                     [d.meta.get("date") for d in documents], threshold, window_days)
    for d in documents:
        d.meta["story"] = found.assignment.get(d.id)
    likeness = Likeness(found, pairs, dropped)
    likeness.foreign = machine_translation_signal(documents)
    return documents, likeness


def machine_translation_signal(documents: Sequence) -> list[dict[str, Any]]:
    """Documents with :data:`MT_DISTINCT_WORDS` or more distinct foreign words, with their evidence."""
    out = []
    for d in documents:
        if d.profile is None or d.profile.features.get("n_foreign_words", 0) < MT_DISTINCT_WORDS:
            continue
        out.append({"id": d.id, "group": d.group, "n_distinct": int(d.profile.features["n_foreign_words"]),
                    "per_1k": d.profile.features["foreign_word_per_1k"],
                    "words": sorted({w.lower() for _, _, w in d.profile.foreign}),
                    "evidence": d.profile.foreign_context})
    return out


# --- strata ------------------------------------------------------------------

def stratum_of(meta: dict[str, Any], key: str) -> str:
    value = meta.get(key)
    value = "" if value is None else str(value).strip()
    return value or UNKNOWN_STRATUM


def strata_for(documents: Sequence, key: str) -> list[str]:
    """The stratum of each document for ``--within KEY`` (``story`` is the story id)."""
    return [stratum_of(d.meta, key) for d in documents]


def candidate_keys(documents: Sequence, group_by: str) -> list[str]:
    """Metadata keys that could stratify: 2 to :data:`MAX_STRATA` values, given for 80 % of the
    documents, and not a property of the group (some group has two values or more)."""
    keys = sorted({k for d in documents for k in d.meta} - NOT_STRATA - {group_by})
    out = []
    for k in keys:
        values = [stratum_of(d.meta, k) for d in documents]
        distinct = set(values) - {UNKNOWN_STRATUM}
        if not 2 <= len(distinct) <= MAX_STRATA or values.count(UNKNOWN_STRATUM) > 0.2 * len(values):
            continue
        per_group: dict[str, set] = {}
        for d, v in zip(documents, values):
            per_group.setdefault(d.group, set()).add(v)
        if any(len(v) > 1 for v in per_group.values()):
            out.append(k)
    return out


def mix_warnings(documents: Sequence, group_by: str) -> list[dict[str, Any]]:
    """For each candidate key, the groups' mix difference when it is large (see :func:`framing.stats.mix_difference`)."""
    out = []
    groups = [d.group for d in documents]
    for key in candidate_keys(documents, group_by):
        mix = stats.mix_difference(groups, strata_for(documents, key))
        if mix and mix["tvd"] >= MIX_TVD and mix["p"] < 0.05:
            out.append({"key": key, **mix})
    return out


def shared_story_share(documents: Sequence) -> float:
    """Share of documents in a story that two groups or more cover."""
    by_story: dict[str, set] = {}
    for d in documents:
        by_story.setdefault(d.meta.get("story"), set()).add(d.group)
    shared = [d for d in documents if len(by_story.get(d.meta.get("story"), ())) > 1]
    return len(shared) / len(documents) if documents else 0.0


def story_table(documents: Sequence, found: stories_mod.Stories, features: Sequence[str],
                max_stories: int = 12) -> list[dict[str, Any]]:
    """For stories covered by two groups or more: each group's documents and mean measures, side by side."""
    by_id = {d.id: d for d in documents}
    out = []
    for s in found.stories:
        docs = [by_id[i] for i in s.documents if i in by_id]
        names = sorted({d.group for d in docs}, key=lambda x: (x.casefold(), x))
        if len(names) < 2:
            continue
        cols = []
        for g in names:
            mine = [d for d in docs if d.group == g]
            values = {}
            for f in features:
                vals = [d.features.get(f) for d in mine if d.features.get(f) is not None]
                vals = [float(v) for v in vals if v == v]
                values[f] = float(np.mean(vals)) if vals else None
            cols.append({"group": g, "n": len(mine), "values": values})
        out.append({"id": s.id, "label": s.label, "first": s.first, "last": s.last, "n": len(docs),
                    "groups": cols, "features": list(features)})
        if len(out) >= max_stories:
            break
    return out


def within_residuals(xa: np.ndarray, xb: np.ndarray, sa: Sequence[str], sb: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each document minus the mean of its stratum (both groups pooled), for an effect size within strata."""
    sa, sb = np.asarray(sa, dtype=object).astype(str), np.asarray(sb, dtype=object).astype(str)
    ra, rb = np.array(xa, dtype=float), np.array(xb, dtype=float)
    for s in set(sa) | set(sb):
        pooled = np.vstack([xa[sa == s], xb[sb == s]])
        mu = stats._nanmean(pooled)  # an undefined value stays undefined (NaN - mean)
        ra[sa == s] -= mu
        rb[sb == s] -= mu
    return ra, rb


# --- files -------------------------------------------------------------------

def write_stories_csv(path: Path, documents: Sequence, found: stories_mod.Stories) -> None:
    """``stories.csv``: ``id,story,label`` (label = the story's top terms), in reading order."""
    from .output import atomic_write

    labels = {s.id: s.label for s in found.stories}
    with atomic_write(path) as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "story", "label"])
        for d in documents:
            story = found.assignment.get(d.id, "")
            w.writerow([inert_cell(v) for v in (d.id, story, labels.get(story, ""))])  # one CSV rule (issue 21)


def write_copies_csv(path: Path, pairs: Sequence[copies_mod.CopyPair]) -> None:
    """``copies.csv``: ``id_a,id_b,similarity,kind`` (similarity: Jaccard of word 4-grams; containment for a rewrite)."""
    from .output import atomic_write

    with atomic_write(path) as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id_a", "id_b", "similarity", "kind"])
        for p in pairs:
            w.writerow([inert_cell(p.id_a), inert_cell(p.id_b), f"{p.similarity:.4f}", p.kind])


def write_foreign_csv(path: Path, documents: Sequence) -> None:
    """``foreign_words.csv``: ``id,start,end,word``, every foreign-word evidence span (offsets into the text)."""
    from .output import atomic_write

    with atomic_write(path) as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "start", "end", "word"])
        for d in documents:
            for start, end, word in (d.profile.foreign if d.profile else ()):
                w.writerow([inert_cell(d.id), start, end, inert_cell(word)])
