"""Document features, derived from evidence spans only.

Rates are per 1,000 word tokens (punctuation and excluded cruft not counted);
shares are in [0, 1]; counts (``n_*``) are integers. A measure whose
denominator is zero is undefined, not zero: the share of anonymous sources of
a document that attributes nothing is not 0 %, it does not exist. Undefined
values are NaN here, ``null`` in JSON, an empty cell in CSV, and are left out
of group means (see :func:`undefined_features`, the one place that decides).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from .document import ParsedDocument
from .spans import Span


@dataclass
class FeatureContext:
    """What a feature function reads: the document, its spans and the counts."""

    doc: ParsedDocument
    spans: list[Span]
    n_words: int
    n_sentences: int
    _by_label: dict[str, list[Span]] = field(default_factory=dict, repr=False)

    def label(self, label: str, type: str | None = None) -> list[Span]:
        """Spans with ``label`` (and ``attrs.type`` when given)."""
        if label not in self._by_label:
            self._by_label[label] = [s for s in self.spans if s.label == label]
        out = self._by_label[label]
        return out if type is None else [s for s in out if s.attrs.get("type") == type]

    def per_1k(self, count: float) -> float:
        return per_1k(count, self.n_words)

    def sentence_share(self, spans: Iterable[Span]) -> float:
        """Share of analysed sentences holding at least one of ``spans``."""
        if not self.n_sentences:
            return 0.0
        ids = {s.i for sp in spans if (s := self.doc.sentence_of(sp.start)) is not None}
        return min(1.0, len(ids) / self.n_sentences)


def per_1k(count: float, n_words: int) -> float:
    return 1000.0 * count / n_words if n_words else 0.0


def share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


#: QUOTE and IQUOTE: the spans whose speakers, camps and stances the camp measures count.
_SPEECH = ("QUOTE", "IQUOTE")
_STANCE_TARGET = re.compile(r"^stance_balance_(.+)$")


def undefined_features(ctx: FeatureContext, names: Iterable[str]) -> set[str]:
    """The features of ``names`` whose denominator is zero in this document.

    * rates per 1,000 words, ``quoted_word_share``: no word;
    * per 100 sentences, sentence shares: no analysed sentence;
    * source-type and verb-stance shares (``attr_*_share``, ``verb_stance_*``): no attribution;
    * ``quote_mixed_share``: no direct quote;
    * voice shares (``voice_*``, ``home_voice_share``, ``other_voice_share``): nobody quoted;
    * ``stance_balance_{camp}``: no quote about that camp;
    * ``camp_unknown_share``: no quote nor attribution;
    * ``camp_method_*_share``, ``speaker_role_*_share``: nobody quoted.

    Counts and ``hedge_boost_ratio`` (smoothed) are always defined.
    """
    speech = [s for s in ctx.spans if s.label in _SPEECH]
    attrs = ctx.label("ATTR")
    targets = {s.attrs.get("target") for s in speech}
    # what each denominator being zero means in this document, by the kinds of _denominator
    missing = {"words": not ctx.n_words, "sentences": not ctx.n_sentences, "attrs": not attrs,
               "quotes": not ctx.label("QUOTE"), "speech": not speech,
               "speech_attrs": not speech and not attrs}
    out = set()
    for kind, group in _group_by_denominator(tuple(names)).items():
        if missing[kind] if not kind.startswith("target:") else kind[7:] not in targets:
            out.update(group)
    return out


@lru_cache(maxsize=1_024)  # the feature lists recur from document to document (speed, issue 15)
def _group_by_denominator(names: tuple[str, ...]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for name in names:
        kind = _denominator(name)
        if kind is not True:
            groups.setdefault(kind, []).append(name)
    return groups


def _denominator(name: str) -> str | bool:
    """What a feature's denominator counts (a key of ``missing`` in :func:`undefined_features`,
    ``target:CAMP`` for a stance balance) or ``True`` when it is always defined."""
    if name.startswith("n_") or name == "hedge_boost_ratio":
        return True
    if name.endswith("_per_1k") or name == "quoted_word_share":
        return "words"
    if name.endswith("_per_100_sentences") or name.endswith("sentence_share"):
        return "sentences"
    if name.startswith(("attr_", "verb_stance_")) and name.endswith("_share"):
        return "attrs"
    if name == "quote_mixed_share":
        return "quotes"
    if (name.startswith("voice_") and name.endswith("_share")) or name in ("home_voice_share", "other_voice_share"):
        return "speech"
    if (m := _STANCE_TARGET.match(name)):
        return "target:" + m.group(1)
    if name == "camp_unknown_share":
        return "speech_attrs"
    if name.startswith(("camp_method_", "speaker_role_")) and name.endswith("_share"):
        return "speech"
    return True


def compute_features(ctx: FeatureContext,
                     functions: Iterable[Callable[[FeatureContext], dict[str, float]]] | None = None
                     ) -> dict[str, float]:
    """All document features, in a stable order: counts as ints, other values floats, NaN when undefined."""
    if functions is None:
        from .extract import FEATURE_FUNCTIONS

        functions = FEATURE_FUNCTIONS
    out: dict[str, float] = {}
    for fn in functions:
        _add_values(out, fn(ctx))
    for k in undefined_features(ctx, out):
        out[k] = math.nan
    return out


def _add_values(out: dict[str, float], values: dict[str, float]) -> None:
    """``values`` into ``out``: floats, counts (``n_*``) rounded to ints, NaN for a non-finite value.

    A document has ~150 features, and their names recur from document to document:
    the values are converted and checked by C-level passes and only the count names
    (found once per list of names) are visited in Python (speed, issue 15: the
    per-feature loop was the largest fixed cost of a short document).
    """
    floats = list(map(float, values.values()))
    if not all(map(math.isfinite, floats)):
        for k, v in zip(values, floats):
            out[k] = math.nan if not math.isfinite(v) else int(round(v)) if k.startswith("n_") else v
        return
    out.update(zip(values, floats))
    for k in _count_names(tuple(values)):
        out[k] = int(round(out[k]))


@lru_cache(maxsize=1_024)
def _count_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names of ``names`` that are counts (``n_*``), in order."""
    return tuple(k for k in names if k.startswith("n_"))


def defined(value: float | None) -> bool:
    """False for an undefined measure (NaN or None)."""
    return value is not None and value == value
