"""Writing results: the JSONL contract, CSV rows, readable terminal text (atomic files: :mod:`framing.files`)."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import IO, Any, Iterable

from .analysis import DocumentAnalysis
from .files import atomic_write  # noqa: F401  (re-exported: writers import it from here)

META_COLUMNS = ("id", "source", "outlet", "date", "title", "language", "backend", "n_words", "n_sentences")


def jsonl_line(analysis: DocumentAnalysis, include_text: bool = False) -> str:
    """One line of the JSONL contract (no trailing newline).

    U+0085, U+2028 and U+2029 are written as ``\\u`` escapes: they are legal
    inside JSON strings but many line readers (Python's ``str.splitlines``,
    JavaScript) take them for line breaks.
    """
    line = json.dumps(analysis.to_dict(include_text=include_text), ensure_ascii=False,
                      allow_nan=False, separators=(",", ":"))
    # speed (issue 9): str.translate with a dict costs ~0.5 ms per 10 kB line;
    # three substring tests are ~1,000x cheaper and the characters are rare
    if "\x85" in line or "\u2028" in line or "\u2029" in line:
        line = line.translate(_LINE_BREAK_ESCAPES)
    return line


_LINE_BREAK_ESCAPES = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def feature_row(analysis: DocumentAnalysis) -> dict[str, Any]:
    """A flat row: metadata, counts and every feature."""
    d = analysis.to_dict()
    row = {k: d.get(k) for k in META_COLUMNS}
    row["n_spans"] = len(analysis.spans)
    row["n_warnings"] = len(analysis.warnings)
    row.update(analysis.features)
    return row


class CsvWriter:
    """CSV with one row per document; the header comes from the first row."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.writer: csv.DictWriter | None = None

    def write(self, analysis: DocumentAnalysis) -> None:
        row = feature_row(analysis)
        if self.writer is None:
            self.writer = csv.DictWriter(self.stream, fieldnames=list(row), extrasaction="ignore",
                                         lineterminator="\n")
            self.writer.writeheader()
        self.writer.writerow({k: _inert_cell(v) for k, v in row.items()})


def _inert_cell(value: Any) -> Any:
    """A text cell a spreadsheet will not run as a formula (``=…``, ``+…``, ``-…``, ``@…``).

    Such cells get a leading apostrophe, the usual spreadsheet escape; numbers are untouched.
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)])


def safe_filename(doc_id: str, max_length: int = 80) -> str:
    """A file name for a document id: no path separators, no traversal, portable.

    Accents are reduced to ASCII, every other unsafe character becomes ``_``,
    leading dots are removed, and Windows device names are avoided. When the
    id had to be changed (or shortened), a short hash of the original id is
    appended so that different ids never share a file name:
    ``safe_filename("../../x")`` → ``"x-<hash>"``, ``safe_filename("000_b7e5")`` → ``"000_b7e5"``.
    """
    import hashlib
    import unicodedata

    doc_id = str(doc_id)
    ascii_id = unicodedata.normalize("NFKD", doc_id).encode("ascii", "ignore").decode("ascii")
    name = _UNSAFE_NAME.sub("_", ascii_id).lstrip("._-")
    name = re.sub(r"[._]{2,}", "_", name).rstrip("._ ")
    if name.split(".")[0].lower() in _RESERVED_NAMES:
        name = "_" + name
    changed = not name or name != doc_id or len(name) > max_length
    if changed:
        digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        name = f"{name[:max_length - 11]}-{digest}" if name else f"doc-{digest}"
    return name


# --- terminal text ----------------------------------------------------------

_TERMINAL_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(s: Any) -> str:
    """``s`` made inert for a terminal: control characters, escapes and bidi overrides shown as ``\\xNN``."""
    s = str(s)
    return _TERMINAL_UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), s)

#: (feature, label) lines of the summary, shown when the feature exists.
SUMMARY = (
    ("hedge_per_1k", "Hedges"),
    ("hedge_cond_reportive_per_1k", "  reportive conditional"),
    ("hedge_source_per_1k", "  source-handing (selon…)"),
    ("hedge_epistemic_per_1k", "  epistemic markers"),
    ("hedge_approx_per_1k", "  approximators"),
    ("hedge_scare_per_1k", "  scare quotes"),
    ("hedge_sentence_share", "Sentences with a hedge"),
    ("boost_per_1k", "Certainty boosters"),
    ("loaded_own_per_1k", "Loaded words, own voice"),
    ("loaded_quoted_per_1k", "Loaded words, quoted voice"),
    ("attr_per_100_sentences", "Attributions per 100 sentences"),
    ("attr_anonymous_share", "Anonymous sources (share)"),
    ("quote_per_1k", "Direct quotes"),
    ("quoted_word_share", "Words inside quotes (share)"),
    ("n_speakers", "Distinct speakers"),
)

_PRIORITY = ("HEDGE:cond", "HEDGE:source", "HEDGE:scare", "BOOST", "LOADED", "HEDGE:epistemic",
             "QUOTE", "ATTR", "HEDGE:approx", "IQUOTE")


def _fmt(name: str, value: float) -> str:
    if name.endswith("_share"):
        return f"{100 * value:5.1f} %"
    if name.startswith("n_"):
        return f"{value:5.0f}"
    unit = " /1000 words" if name.endswith("_per_1k") else ""
    return f"{value:5.1f}{unit}"


def strongest_evidence(analysis: DocumentAnalysis, limit: int = 12) -> list:
    """A varied selection of spans to show: up to two per kind, by codebook priority."""
    chosen = []
    for key in _PRIORITY:
        group = [s for s in analysis.spans if s.key == key]
        if key == "HEDGE:cond":
            group.sort(key=lambda s: s.attrs.get("use") != "reportive")
        chosen.extend(group[:2])
    return sorted(chosen[:limit], key=lambda s: s.start)


def describe_span(span) -> str:
    a = span.attrs
    bits = [span.key]
    for k in ("use", "cat", "voice", "stype", "verb_stance", "camp", "stance"):
        if a.get(k):
            bits.append(f"{k}={a[k]}")
    who = a.get("speaker") or a.get("source")
    if who:
        bits.append(f"← {who}")
    return " ".join(bits)


def context_line(text: str, span, width: int = 50, color: bool = False) -> str:
    """``…left [span] right…`` on one line."""
    import click

    left = printable(text[max(0, span.start - width):span.start].replace("\n", " "))
    mid = printable(text[span.start:span.end].replace("\n", " "))
    right = printable(text[span.end:span.end + width].replace("\n", " "))
    if len(mid) > 90:
        mid = mid[:60] + " … " + mid[-25:]
    mark = click.style(mid, bold=True, underline=True) if color else f"[{mid}]"
    return f"…{left.lstrip()}{mark}{right.rstrip()}…"


def render_text(analysis: DocumentAnalysis, color: bool = False, evidence: int = 12) -> str:
    """A readable terminal summary of one document."""
    import click

    out = io.StringIO()
    head = "  ·  ".join(printable(x) for x in (analysis.id, analysis.meta.get("outlet"), analysis.meta.get("date")) if x)
    out.write((click.style(head, bold=True) if color else head) + "\n")
    if analysis.meta.get("title"):
        out.write(f"{printable(analysis.meta['title'])}\n")
    cruft = sum(b - a for a, b in analysis.excluded)
    line = f"{analysis.n_words} words · {analysis.n_sentences} sentences · backend {analysis.backend} · language {analysis.language}"
    if analysis.excluded:
        line += f" · {len(analysis.excluded)} page-cruft region(s) excluded ({cruft} characters)"
    out.write(line + "\n")
    for w in analysis.warnings:
        out.write(f"warning: {printable(w)}\n")
    out.write("\n")
    for name, label in SUMMARY:
        if name in analysis.features:
            out.write(f"  {label:<34} {_fmt(name, analysis.features[name])}\n")
    voices = sorted(((v, k[len("voice_"):-len("_share")]) for k, v in analysis.features.items()
                     if k.startswith("voice_") and k.endswith("_share") and v > 0), reverse=True)
    if voices:
        out.write(f"  {'Quoted words by camp':<34} "
                  + " · ".join(f"{camp} {100 * v:.0f} %" for v, camp in voices) + "\n")
    from .extract.loaded import top_terms

    for voice, label in (("own", "Top loaded terms, own voice"), ("quoted", "Top loaded terms, quoted")):
        terms = top_terms(analysis.spans, 6, voice=voice)
        if terms:
            out.write(f"  {label:<34} " + ", ".join(
                printable(f"{t} ({c}{' ×%d' % k if k > 1 else ''})") for t, c, k in terms) + "\n")
    spans = strongest_evidence(analysis, evidence)
    if spans:
        out.write("\nStrongest evidence:\n")
        for s in spans:
            out.write(f"  {printable(describe_span(s))}\n      {context_line(analysis.text, s, color=color)}\n")
    return out.getvalue()


def to_dataframe(analyses: Iterable[DocumentAnalysis]):
    """One row per document: metadata, counts and every feature (needs pandas)."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe needs pandas: pip install 'framing[pandas]'") from None
    return pd.DataFrame([feature_row(a) for a in analyses])
