"""Measuring detectors against gold annotations.

Gold comes in two forms:

* codebook JSON files (``{"doc", "text", "spans": [...]}``, made by the
  shared ``gold/convert.py``) — every label is scored;
* Universal Dependencies CoNLL-U files — tokens with ``Mood=Cnd`` are gold
  ``HEDGE type=cond`` spans; only that unit is scored.

A predicted span matches a gold span of the same unit (label, plus ``type``
for HEDGE) when they overlap; matching is one-to-one, largest overlap first.
Precision, recall and F1 are computed per unit and over all units of a label;
attribute accuracy is the share of matched pairs whose attribute agrees with
the gold value (compared case-insensitively).
"""
from __future__ import annotations

import json
import os
import re
import shlex
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .spans import LABELS, Span

#: attributes whose agreement is measured on matched spans
SCORED_ATTRS = ("use", "cat", "voice", "source", "stype", "verb_stance", "speaker", "camp",
                "stance", "target", "mixed")


@dataclass
class GoldDocument:
    id: str
    text: str
    spans: list[Span]
    units: frozenset[str] | None = None  # None: every unit is scored


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Evaluation:
    """Scores per unit (``HEDGE:cond``, ``QUOTE``…) and per label, attribute accuracy."""

    units: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    attrs: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    n_documents: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (unit, description)

    def labels(self) -> dict[str, Counts]:
        out: dict[str, Counts] = defaultdict(Counts)
        for unit, c in self.units.items():
            lab = unit.split(":")[0]
            out[lab].tp += c.tp
            out[lab].fp += c.fp
            out[lab].fn += c.fn
        return dict(out)

    def attribute_accuracy(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = defaultdict(dict)
        for (label, attr), (ok, n) in sorted(self.attrs.items()):
            out[label][attr] = ok / n if n else 0.0
        return dict(out)

    def to_dict(self) -> dict[str, Any]:
        return {"n_documents": self.n_documents,
                "labels": {k: v.as_dict() for k, v in sorted(self.labels().items())},
                "units": {k: v.as_dict() for k, v in sorted(self.units.items())},
                "attributes": {f"{lab}.{attr}": {"accuracy": round(ok / n, 4) if n else 0.0, "n": n}
                               for (lab, attr), (ok, n) in sorted(self.attrs.items())}}

    def render(self) -> str:
        lines = [f"Evaluated on {self.n_documents} gold document(s); overlap match, one-to-one.", "",
                 f"{'unit':<18}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"]
        rows = sorted(self.units.items())
        labels = self.labels()
        for lab in sorted(labels):
            subs = [(u, c) for u, c in rows if u.split(":")[0] == lab]
            if len(subs) > 1 or (subs and subs[0][0] != lab):
                for u, c in subs:
                    lines.append(_row("  " + u, c))
            lines.append(_row(lab, labels[lab]))
        acc = self.attribute_accuracy()
        if acc:
            lines += ["", "Attribute accuracy on matched spans:"]
            for lab, attrs in acc.items():
                parts = [f"{a} {v:.2f} (n={self.attrs[(lab, a)][1]})" for a, v in attrs.items()]
                lines.append(f"  {lab:<8} " + ", ".join(parts))
        return "\n".join(lines)


def _row(name: str, c: Counts) -> str:
    return (f"{name:<18}{c.tp + c.fn:>6}{c.tp + c.fp:>6}{c.tp:>6}"
            f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")


def unit_of(span: Span) -> str:
    return span.key


def match_spans(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping spans (largest overlap first)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                candidates.append((-ov, abs(g.start - p.start), gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _ov, _d, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return pairs


def _norm(v: Any) -> str:
    return " ".join(str(v).lower().replace("’", "'").split())


_LEADING_ARTICLE = re.compile(r"^(?:(?i:les?|la)\s+|(?i:l)'\s*)(?=[a-zàâäçéèêëîïôöûüÿœæ])")
NAME_ATTRS = frozenset(("speaker", "source"))


def same_attribute(attr: str, a: Any, b: Any) -> bool:
    """Whether two values of attribute ``attr`` agree, as the scores compare them: case-blind,
    and for speaker and source names without a description's leading article. Used for the
    toolkit against gold and for two annotators against each other (one yardstick)."""
    same = _norm_name if attr in NAME_ATTRS else _norm
    return same(a) == same(b)


def _norm_name(v: Any) -> str:
    """A speaker's or source's canonical name carries no article (codebook: ``armée sud-coréenne``,
    ``ministère de l'unification``): "le gouvernement" and "gouvernement" name the same source.
    The article of a proper name stays ("Le Parisien", "La France insoumise")."""
    s = " ".join(str(v).replace("’", "'").split())
    return _norm(_LEADING_ARTICLE.sub("", s, count=1))


def score_document(ev: Evaluation, gold: GoldDocument, pred: Iterable[Span], keep_errors: bool = True) -> None:
    ev.n_documents += 1
    by_unit_g: dict[str, list[Span]] = defaultdict(list)
    by_unit_p: dict[str, list[Span]] = defaultdict(list)
    for s in gold.spans:
        by_unit_g[unit_of(s)].append(s)
    for s in pred:
        if gold.units is None or unit_of(s) in gold.units:
            by_unit_p[unit_of(s)].append(s)
    for unit in set(by_unit_g) | set(by_unit_p):
        g, p = by_unit_g.get(unit, []), by_unit_p.get(unit, [])
        pairs = match_spans(g, p)
        c = ev.units[unit]
        c.tp += len(pairs)
        c.fp += len(p) - len(pairs)
        c.fn += len(g) - len(pairs)
        label = unit.split(":")[0]
        for gs, ps in pairs:
            for attr in SCORED_ATTRS:
                if attr in gs.attrs:
                    cell = ev.attrs[(label, attr)]
                    cell[1] += 1
                    if same_attribute(attr, gs.attrs[attr], ps.attrs.get(attr, "")):
                        cell[0] += 1
                    elif keep_errors:
                        ev.errors.append((f"{label}.{attr}", f"{gold.id}: {gs.text[:60]!r} gold={gs.attrs[attr]!r} pred={ps.attrs.get(attr)!r}"))
        if keep_errors:
            matched_g = {id(a) for a, _ in pairs}
            matched_p = {id(b) for _, b in pairs}
            for s in g:
                if id(s) not in matched_g:
                    ev.errors.append((unit, f"{gold.id}: missed {_ctx(gold.text, s)}"))
            for s in p:
                if id(s) not in matched_p:
                    ev.errors.append((unit, f"{gold.id}: spurious {_ctx(gold.text, s)}"))


def _ctx(text: str, s: Span) -> str:
    left = text[max(0, s.start - 30):s.start].replace("\n", " ")
    right = text[s.end:s.end + 30].replace("\n", " ")
    mid = text[s.start:s.end].replace("\n", " ")
    if len(mid) > 80:
        mid = mid[:50] + "…" + mid[-20:]
    return f"…{left}[{mid}]{right}…"


# --- gold readers ------------------------------------------------------------

class GoldError(ValueError):
    """A gold file that cannot be used: one line naming the file (and the line or span)."""

    def __init__(self, source: str, message: str, line: int | None = None):
        super().__init__(message)
        self.source, self.message, self.line = source, message, line

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


def raise_gold_error(err: GoldError) -> None:
    raise err


def _span_problem(i: int, d: Any, n_chars: int, text: str) -> str | None:
    """Why gold span ``i`` is unusable, or None."""
    if not isinstance(d, dict):
        return f"spans[{i}] is not an object"
    label, start, end = d.get("label"), d.get("start"), d.get("end")
    where = f"spans[{i}] ({label} {start}–{end})"
    if label not in LABELS:
        return f"{where}: unknown label {label!r} (expected one of {', '.join(LABELS)})"
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        return f"{where}: start and end must be integers"
    if start < 0 or end > n_chars:
        return f"{where}: outside the text (0–{n_chars})"
    if start >= end:
        return f"{where}: start must be before end"
    if "text" in d and d["text"] != text[start:end]:
        return f"{where}: its text {str(d['text'])[:40]!r} is not the text at these offsets {text[start:end][:40]!r}"
    if not isinstance(d.get("attrs", {}), dict):
        return f"{where}: attrs must be an object"
    return None


def load_json_gold(path: str | os.PathLike) -> GoldDocument:
    """One codebook JSON gold document; :class:`GoldError` names the file and the first bad span."""
    source = str(path)
    try:
        d = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise GoldError(source, f"not UTF-8 (byte {e.start})") from None
    except json.JSONDecodeError as e:
        raise GoldError(source, f"invalid JSON ({e.msg}, column {e.colno})", e.lineno) from None
    if not isinstance(d, dict) or not isinstance(d.get("text"), str) or not isinstance(d.get("spans"), list):
        raise GoldError(source, 'expected an object with "text" (a string) and "spans" (a list)')
    text = d["text"]
    problems = [p for i, sd in enumerate(d["spans"]) if (p := _span_problem(i, sd, len(text), text))]
    if problems:
        more = f"; {len(problems) - 1} more bad span(s)" if len(problems) > 1 else ""
        raise GoldError(source, problems[0] + more)
    doc_id = d.get("doc") or Path(path).stem
    return GoldDocument(str(doc_id), text, [Span.from_dict(sd) for sd in d["spans"]])


def load_conllu_gold(path: str | os.PathLike) -> list[GoldDocument]:
    """Gold documents of a CoNLL-U file, split and named exactly as CoNLL-U input is.

    Documents are split at ``# newdoc`` (id from ``# newdoc id =``), otherwise
    one document named after the file stem; the text is the sentences'
    ``# text`` joined by newlines (see :mod:`framing.conllu`). So
    ``framing evaluate --gold X.conllu X.conllu`` matches each analysed
    pre-parsed document to its gold by id. Gold spans are the surface tokens
    whose main word is a VERB/AUX with ``Mood=Cnd``. A malformed line (which
    the CoNLL-U reader would skip, losing its token) raises :class:`GoldError`
    naming the file and the line.
    """
    from .conllu import parse_conllu

    source = str(path)
    try:
        content = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GoldError(source, f"not UTF-8 (byte {e.start})") from None
    problems: list[str] = []
    docs = []
    for doc_id, parsed in parse_conllu(content, Path(path).stem, problems):
        spans = [Span(text=t.text, label="HEDGE", start=t.start, end=t.end, attrs={"type": "cond"})
                 for t in parsed.tokens
                 if t.feats and t.feats.get("Mood") == "Cnd" and t.upos in ("VERB", "AUX")]
        docs.append(GoldDocument(doc_id, parsed.text, spans, frozenset({"HEDGE:cond"})))
    bad_lines = [p for p in problems if p.startswith("line ")]
    if bad_lines:
        number, _, message = bad_lines[0][len("line "):].partition(": ")
        more = f" ({len(bad_lines) - 1} more bad line(s))" if len(bad_lines) > 1 else ""
        raise GoldError(source, message.replace("; line skipped", "") + more,
                        int(number) if number.isdigit() else None)
    if not docs:
        raise GoldError(source, "no CoNLL-U sentences found")
    return docs


#: Inline markup of hand-annotated gold: ``⟦LABEL key=value key="two words"|covered text⟧``.
INLINE_OPEN, INLINE_SEP, INLINE_CLOSE = "\u27e6", "|", "\u27e7"


def parse_inline_gold(marked: str, source: str = "<inline>") -> tuple[str, list[Span]]:
    """The text and spans of inline-annotated gold (spans may nest).

    Stripping every ``⟦LABEL …|`` opener and ``⟧`` closer gives back the text,
    so a teacher or researcher can annotate a copy of an article in any text
    editor. :class:`GoldError` names the line of an unbalanced or malformed marker.
    """
    out: list[str] = []
    spans: list[Span] = []
    stack: list[tuple[str, dict[str, str], int, int]] = []
    i = 0
    while i < len(marked):
        ch = marked[i]
        line = marked.count("\n", 0, i) + 1
        if ch == INLINE_OPEN:
            j = marked.find(INLINE_SEP, i)
            if j < 0:
                raise GoldError(source, f"'{INLINE_OPEN}' without '{INLINE_SEP}' after its label", line)
            label, attrs = _inline_header(marked[i + 1:j], source, line)
            stack.append((label, attrs, len(out), line))
            i = j + 1
            continue
        if ch == INLINE_CLOSE:
            if not stack:
                raise GoldError(source, f"'{INLINE_CLOSE}' closes no open span", line)
            label, attrs, start, _ = stack.pop()
            spans.append(Span(text="", label=label, start=start, end=len(out), attrs=attrs))
        else:
            out.append(ch)
        i += 1
    if stack:
        raise GoldError(source, f"span {stack[-1][0]} opened here is never closed", stack[-1][3])
    text = "".join(out)
    spans = [Span(text=text[s.start:s.end], label=s.label, start=s.start, end=s.end, attrs=s.attrs)
             for s in sorted(spans, key=lambda s: (s.start, -s.end))]
    return text, spans


def _inline_header(header: str, source: str, line: int) -> tuple[str, dict[str, str]]:
    try:
        parts = shlex.split(header)
    except ValueError as e:
        raise GoldError(source, f"malformed span header {header[:40]!r} ({e})", line) from None
    if not parts or parts[0] not in LABELS:
        raise GoldError(source, f"unknown label in span header {header[:40]!r}", line)
    attrs = {}
    for part in parts[1:]:
        key, eq, value = part.partition("=")
        if not eq:
            raise GoldError(source, f"attribute {part!r} is not key=value", line)
        attrs[key] = value
    return parts[0], attrs


def load_inline_gold(path: str | os.PathLike) -> GoldDocument:
    """One inline-annotated gold document (``NAME.ann.txt``), its id ``NAME``."""
    source = str(path)
    try:
        marked = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GoldError(source, f"not UTF-8 (byte {e.start})") from None
    text, spans = parse_inline_gold(marked, source)
    return GoldDocument(Path(path).name.removesuffix(".ann.txt"), text, spans)


def merge_quote_pieces(text: str, spans: Sequence[Span]) -> list[Span]:
    """Gold QUOTE pieces with identical attributes separated only by white space are one QUOTE.

    A quotation opened in one paragraph and closed in a later one is one quote
    (codebook); annotators may store it as one piece per paragraph.
    """
    merged: list[Span] = []
    pieces = sorted((s for s in spans if s.label == "QUOTE"), key=lambda s: (s.start, s.end))
    for s in pieces:
        last = merged[-1] if merged else None
        if (last is not None and last.attrs == s.attrs and last.end <= s.start
                and not text[last.end:s.start].strip()):
            merged[-1] = Span(text=text[last.start:s.end], label="QUOTE", start=last.start, end=s.end,
                              attrs=last.attrs)
        else:
            merged.append(s)
    return [s for s in spans if s.label != "QUOTE"] + merged


#: Gold file suffixes read from directories.
JSON_GOLD, CONLLU_GOLD, INLINE_GOLD = (".json",), (".conllu", ".conll"), (".ann.txt",)


def _is_gold_file(path: Path) -> bool:
    return path.suffix in JSON_GOLD + CONLLU_GOLD or path.name.endswith(INLINE_GOLD)


def _gold_files(path: Path, on_error: Callable[[GoldError], None]) -> list[Path]:
    """The gold files of ``path``: itself, or a directory's visible .json/.conllu files (sorted)."""
    if not path.is_dir():
        if not _is_gold_file(path):
            on_error(GoldError(str(path), "not a gold file (expected .json, .ann.txt, .conllu or a directory)"))
            return []
        return [path]
    try:
        entries = sorted(path.iterdir())
    except OSError as e:
        on_error(GoldError(str(path), f"cannot read ({e.strerror or type(e).__name__})"))
        return []
    # hidden files (macOS "._x.json" resource forks, editor swap files) are not gold
    files = [f for f in entries if not f.name.startswith(".") and _is_gold_file(f) and f.is_file()]
    # NAME.ann.txt beside its converted NAME.json is the same document: read the JSON
    converted = {f.name.removesuffix(".json") for f in files if f.suffix in JSON_GOLD}
    return [f for f in files if not (f.name.endswith(INLINE_GOLD) and f.name.removesuffix(".ann.txt") in converted)]


def _load_gold_file(path: Path) -> GoldDocument | list[GoldDocument]:
    if path.name.endswith(INLINE_GOLD):
        doc = load_inline_gold(path)
    elif path.suffix in JSON_GOLD:
        doc = load_json_gold(path)
    else:
        return load_conllu_gold(path)
    doc.spans = merge_quote_pieces(doc.text, doc.spans)
    return doc


def load_gold(paths: Sequence[str | os.PathLike],
              on_error: Callable[[GoldError], None] = raise_gold_error) -> list[GoldDocument]:
    """Gold documents from JSON files, inline-annotated ``.ann.txt`` files, CoNLL-U files, or directories of them.

    Each file is validated (spans inside the text, start before end, known
    labels, span text equal to the text at its offsets; CoNLL-U lines well
    formed). A bad file is passed to ``on_error`` as a :class:`GoldError` naming
    it (default: raise) and the other files are still read. Hidden files in a
    directory are skipped; a document id seen twice is an error for the later file.
    """
    docs: list[GoldDocument] = []
    seen: dict[str, str] = {}
    for p in paths:
        for f in _gold_files(Path(p), on_error):
            try:
                found = _load_gold_file(f)
            except GoldError as e:
                on_error(e)
                continue
            except OSError as e:
                on_error(GoldError(str(f), f"cannot read ({e.strerror or type(e).__name__})"))
                continue
            found = found if isinstance(found, list) else [found]
            twice = next((g.id for g in found if g.id in seen), None)
            if twice is not None:
                on_error(GoldError(str(f), f"document id {twice!r} already read from {seen[twice]}; file skipped"))
                continue
            seen.update((g.id, str(f)) for g in found)
            docs.extend(found)
    return docs


def evaluate(gold_docs: Sequence[GoldDocument], predictions: dict[str, Sequence[Span]] | None = None,
             **analyze_kwargs: Any) -> Evaluation:
    """Score predictions (or a fresh analysis of each gold text) against gold.

    ``predictions`` maps document id to spans (e.g. from a scored JSONL);
    gold documents without predictions are analysed with
    :func:`framing.analyze` and ``analyze_kwargs``.
    """
    from .analysis import analyze

    ev = Evaluation()
    for g in gold_docs:
        if predictions is not None and g.id in predictions:
            pred = predictions[g.id]
        else:
            pred = analyze(g.text, id=g.id, **analyze_kwargs).spans
        score_document(ev, g, pred)
    return ev
