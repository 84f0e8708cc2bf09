"""Writing results: the JSONL contract, CSV rows, readable terminal text (atomic files: :mod:`framing.files`)."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import IO, Any, Iterable

from .analysis import DocumentAnalysis
from .files import atomic_write  # noqa: F401  (re-exported: the primitive lives in framing.files)

META_COLUMNS = ("id", "source", "outlet", "date", "title", "language", "backend", "n_words", "n_sentences")


def jsonl_line(analysis: DocumentAnalysis, include_text: bool = False,
               producer: dict[str, Any] | None = None) -> str:
    """One line of the JSONL contract (no trailing newline).

    U+0085, U+2028 and U+2029 are written as ``\\u`` escapes: they are legal
    inside JSON strings but many line readers (Python's ``str.splitlines``,
    JavaScript) take them for line breaks. Undefined features (NaN) are
    ``null``. ``producer`` (see :func:`record_producer`) says which framing
    version and lexicons made the record (key ``producer``; the version alone
    when not given).
    """
    d = analysis.to_dict(include_text=include_text)
    d["features"] = {k: (None if v != v else v) for k, v in d["features"].items()}
    d["producer"] = producer or {"framing": _version()}
    line = json.dumps(d, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    # speed (issue 9): str.translate with a dict costs ~0.5 ms per 10 kB line;
    # three substring tests are ~1,000x cheaper and the characters are rare
    if "\x85" in line or "\u2028" in line or "\u2029" in line:
        line = line.translate(_LINE_BREAK_ESCAPES)
    return line


_LINE_BREAK_ESCAPES = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _version() -> str:
    from . import __version__

    return __version__


_PRODUCERS: dict[Any, dict[str, Any]] = {}


def record_producer(lexicon_dirs: Any = (), actors: str | None = None) -> dict[str, Any]:
    """``{"framing": version, "lexicons": digest}`` for every JSONL record of a run.

    The digest is the SHA-256 (16 hex digits) of every lexicon file a run with
    these ``lexicon_dirs`` and ``actors`` reads (name and content hash, shipped
    merged with user files); ``framing lexicons list`` and the report's
    methods give the file-by-file hashes.
    """
    import contextlib
    import hashlib
    from pathlib import Path

    from .lexicons import iter_lexicon_files, load_lexicon, shipped_dir

    key = (tuple(str(d) for d in lexicon_dirs or ()), str(actors) if actors else None)
    if key not in _PRODUCERS:
        parts = []
        for p in iter_lexicon_files(shipped_dir()):
            try:
                parts.append(f"{p.stem}={load_lexicon(p.stem, key[0]).describe()['sha256']}")
            except Exception:  # a broken user file is reported where it is used
                parts.append(f"{p.stem}=?")
        if actors:
            with contextlib.suppress(OSError):
                parts.append("actors-file=" + hashlib.sha256(Path(actors).read_bytes()).hexdigest()[:12])
        digest = hashlib.sha256("\n".join(sorted(parts)).encode("utf-8")).hexdigest()[:16]
        _PRODUCERS[key] = {"framing": _version(), "lexicons": digest}
    return dict(_PRODUCERS[key])


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


def inert_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula (``=…``, ``+…``, ``-…``, ``@…``).

    Such text cells get a leading apostrophe, the usual spreadsheet escape;
    numbers are untouched; an undefined number (NaN, None) is an empty cell.
    Every CSV framing writes goes through this one rule.
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


_inert_cell = inert_cell


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

#: (feature, English label, French label) lines of the summary, shown when the feature exists.
SUMMARY = (
    ("hedge_per_1k", "Hedges", "Atténuations"),
    ("hedge_cond_reportive_per_1k", "  reportive conditional", "  conditionnel journalistique"),
    ("hedge_source_per_1k", "  source-handing (selon…)", "  renvoi à la source (selon…)"),
    ("hedge_epistemic_per_1k", "  epistemic markers", "  marqueurs épistémiques"),
    ("hedge_approx_per_1k", "  approximators", "  approximations"),
    ("hedge_scare_per_1k", "  scare quotes", "  guillemets de distance"),
    ("hedge_sentence_share", "Sentences with a hedge", "Phrases avec une atténuation"),
    ("boost_per_1k", "Certainty boosters", "Marqueurs de certitude"),
    ("loaded_own_per_1k", "Loaded words, own voice", "Mots chargés, voix du média"),
    ("loaded_quoted_per_1k", "Loaded words, quoted voice", "Mots chargés, dans les citations"),
    ("attr_per_100_sentences", "Attributions per 100 sentences", "Attributions pour 100 phrases"),
    ("attr_anonymous_share", "Anonymous sources (share)", "Sources anonymes (part)"),
    ("quote_per_1k", "Direct quotes", "Citations directes"),
    ("quoted_word_share", "Words inside quotes (share)", "Mots entre guillemets (part)"),
    ("n_speakers", "Distinct speakers", "Orateurs distincts"),
)

#: the other words of the text summary: key -> (English, French)
_WORDS = {
    "words": ("words", "mots"), "sentences": ("sentences", "phrases"), "backend": ("backend", "analyseur"),
    "language": ("language", "langue"), "per_1k": ("/1000 words", "/1000 mots"),
    "cruft": ("page-cruft region(s) excluded ({n} characters)", "zone(s) d'habillage exclue(s) ({n} caractères)"),
    "warning": ("warning", "avertissement"), "camps": ("Quoted words by camp", "Mots cités par camp"),
    "top_own": ("Top loaded terms, own voice", "Mots chargés fréquents, voix du média"),
    "top_quoted": ("Top loaded terms, quoted", "Mots chargés fréquents, citations"),
    "evidence": ("Strongest evidence:", "Indices les plus nets :"),
}


def _word(key: str, lang: str) -> str:
    return _WORDS[key][1 if lang == "fr" else 0]


_PRIORITY = ("HEDGE:cond", "HEDGE:source", "HEDGE:scare", "BOOST", "LOADED", "HEDGE:epistemic",
             "QUOTE", "ATTR", "HEDGE:approx", "IQUOTE")


def _fmt(name: str, value: float | None, lang: str = "fr") -> str:
    if value is None or value != value:
        return "    —"  # undefined (no denominator)
    if name.endswith("_share"):
        text = f"{100 * value:5.1f} %"
    elif name.startswith("n_"):
        text = f"{value:5.0f}"
    else:
        text = f"{value:5.1f}" + (" " + _word("per_1k", lang) if name.endswith("_per_1k") else "")
    return text.replace(".", ",") if lang == "fr" else text


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


def render_text(analysis: DocumentAnalysis, color: bool = False, evidence: int = 12, lang: str = "fr") -> str:
    """A readable terminal summary of one document, labelled in ``lang`` (``fr`` or ``en``)."""
    import click

    out = io.StringIO()
    head = "  ·  ".join(printable(x) for x in (analysis.id, analysis.meta.get("outlet"), analysis.meta.get("date")) if x)
    out.write((click.style(head, bold=True) if color else head) + "\n")
    if analysis.meta.get("title"):
        out.write(f"{printable(analysis.meta['title'])}\n")
    cruft = sum(b - a for a, b in analysis.excluded)
    line = (f"{analysis.n_words} {_word('words', lang)} · {analysis.n_sentences} {_word('sentences', lang)} · "
            f"{_word('backend', lang)} {analysis.backend} · {_word('language', lang)} {analysis.language}")
    if analysis.excluded:
        line += f" · {len(analysis.excluded)} " + _word("cruft", lang).format(n=cruft)
    out.write(line + "\n")
    for w in analysis.warnings:
        out.write(f"{_word('warning', lang)}: {printable(w)}\n")
    out.write("\n")
    for name, en, fr in SUMMARY:
        if name in analysis.features:
            label = fr if lang == "fr" else en
            out.write(f"  {label:<38} {_fmt(name, analysis.features[name], lang)}\n")
    voices = sorted(((v, k[len("voice_"):-len("_share")]) for k, v in analysis.features.items()
                     if k.startswith("voice_") and k.endswith("_share") and v > 0), reverse=True)
    if voices:
        out.write(f"  {_word('camps', lang):<38} "
                  + " · ".join(f"{camp} {100 * v:.0f} %" for v, camp in voices) + "\n")
    from .extract.loaded import top_terms

    for voice, key in (("own", "top_own"), ("quoted", "top_quoted")):
        terms = top_terms(analysis.spans, 6, voice=voice)
        if terms:
            out.write(f"  {_word(key, lang):<38} " + ", ".join(
                printable(f"{t} ({c}{' ×%d' % k if k > 1 else ''})") for t, c, k in terms) + "\n")
    spans = strongest_evidence(analysis, evidence)
    if spans:
        out.write("\n" + _word("evidence", lang) + "\n")
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
