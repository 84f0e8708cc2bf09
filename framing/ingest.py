"""Reading inputs into raw documents: files, directories, JSONL, HTML, stdin.

Every document keeps the text exactly as decoded: offsets of all evidence
point into it. Problems with one input never stop the others: they are passed
to ``on_error`` as :class:`InputError` (a one-line message naming the file,
and the line for JSONL), and reading goes on.

Metadata precedence, highest first: a ``manifest.csv`` row for the file, the
fields of a JSONL line, metadata found in an HTML page, the file name.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

#: Extensions read from directories and accepted on the command line.
TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
CONLLU_EXT = {".conllu", ".conll"}
KNOWN_EXT = TEXT_EXT | HTML_EXT | JSONL_EXT | CONLLU_EXT
META_FIELDS = ("outlet", "date", "title", "url", "author", "site")

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF",
                 b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"Rar!", b"MZ", b"\x00\x00\x01\x00",
                 b"OggS", b"ID3", b"RIFF", b"\xd0\xcf\x11\xe0")


class InputError(Exception):
    """One input could not be read; ``str()`` is a one-line message naming it."""

    def __init__(self, source: str, message: str, line: int | None = None):
        self.source, self.line, self.message = source, line, message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "error": self.message}


@dataclass
class RawDocument:
    """A document before analysis: text as decoded plus metadata."""

    id: str
    text: str
    source: str
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: a pre-parsed document (CoNLL-U input) bypasses the backend
    parsed: Any = None


def raise_error(err: InputError) -> None:
    raise err


# --- decoding --------------------------------------------------------------

def decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode ``data`` as UTF-8 (BOM dropped) or, failing that, its detected encoding.

    NUL bytes are replaced by spaces (so offsets stay aligned with the decoded
    text) with a warning. Binary data raises :class:`InputError`.
    """
    warnings: list[str] = []
    if looks_binary(data):
        raise InputError(source, "binary file, not text (no document read)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=None).best()
        if best is None:
            raise InputError(source, "cannot decode: not UTF-8 and no other encoding fits")
        text = str(best)
        enc = best.encoding
        # charset-normalizer often names latin-1 where cp1252 is meant: prefer cp1252
        # when it decodes, since French typographic quotes and œ live there.
        if enc in ("latin_1", "iso8859_15"):
            try:
                text, enc = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                pass
        warnings.append(f"decoded as {enc} (not UTF-8)")
    if "\x00" in text:
        warnings.append(f"{text.count(chr(0))} NUL character(s) replaced by spaces")
        text = text.replace("\x00", " ")
    return text, warnings


def looks_binary(data: bytes) -> bool:
    """True for data that is clearly not text (known magic numbers, many control bytes)."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(m) for m in _BINARY_MAGIC):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM: text
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.10


# --- manifests -------------------------------------------------------------

class Manifests:
    """``manifest.csv`` files found beside inputs (and up to two folders above)."""

    def __init__(self, on_error: Callable[[InputError], None]):
        self._cache: dict[Path, dict[Path, dict[str, str]]] = {}
        self.on_error = on_error

    def load(self, folder: Path) -> dict[Path, dict[str, str]]:
        folder = folder.resolve()
        if folder in self._cache:
            return self._cache[folder]
        rows: dict[Path, dict[str, str]] = {}
        path = folder / "manifest.csv"
        if path.is_file():
            try:
                with path.open(encoding="utf-8-sig", newline="") as f:
                    for n, row in enumerate(csv.DictReader(f), 2):
                        name = (row.get("file") or row.get("path") or "").strip()
                        if not name:
                            continue
                        target = (folder / name).resolve()
                        rows[target] = {k: (v or "").strip() for k, v in row.items()
                                        if k and k not in ("file", "path")}
                        rows[target]["_manifest_line"] = str(n)
            except (OSError, UnicodeDecodeError, csv.Error) as e:
                self.on_error(InputError(str(path), f"unreadable manifest ({e})"))
        self._cache[folder] = rows
        return rows

    def lookup(self, file: Path) -> dict[str, str]:
        file = file.resolve()
        for folder in list(file.parents)[:3]:
            row = self.load(folder).get(file)
            if row is not None:
                return {k: v for k, v in row.items() if v and not k.startswith("_")}
        return {}

    def missing(self, folder: Path) -> list[tuple[Path, str]]:
        """Files a manifest in ``folder`` names that do not exist."""
        return [(p, r["_manifest_line"]) for p, r in self.load(folder).items() if not p.exists()]


# --- readers ---------------------------------------------------------------

def read_text_document(data: bytes, source: str, doc_id: str) -> RawDocument:
    text, warnings = decode_bytes(data, source)
    return RawDocument(doc_id, text, source, {}, warnings)


def read_html_document(data: bytes, source: str, doc_id: str) -> RawDocument:
    """Main text and metadata of an HTML page (trafilatura, offline)."""
    html, warnings = decode_bytes(data, source)
    try:
        import trafilatura

        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             include_tables=False, favor_precision=False)
    except Exception as e:  # trafilatura on hostile markup: report, never crash
        raise InputError(source, f"HTML extraction failed ({type(e).__name__}: {e})") from None
    if result is None:
        raise InputError(source, "no article text found in the HTML page")
    d = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (d.get("text") or "").strip("\n")
    if not text.strip():
        raise InputError(source, "no article text found in the HTML page")
    meta = {"title": d.get("title"), "date": d.get("date"), "author": d.get("author"),
            "site": d.get("sitename") or d.get("hostname"), "url": d.get("url")}
    meta = {k: v for k, v in meta.items() if v}
    if "site" in meta:
        meta.setdefault("outlet", meta["site"])
    return RawDocument(doc_id, text, source, meta, warnings)


def read_jsonl(data: bytes, source: str, stem: str,
               on_error: Callable[[InputError], None]) -> Iterator[RawDocument]:
    """One document per line: ``{"text": ..., "id"?, "outlet"?, "date"?, "title"?, "url"?}``."""
    try:
        content, warnings = decode_bytes(data, source)
    except InputError as e:
        on_error(e)
        return
    for n, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            on_error(InputError(source, f"malformed JSON ({e.msg} at column {e.colno})", n))
            continue
        if not isinstance(obj, dict):
            on_error(InputError(source, "a JSONL line must be a JSON object", n))
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            on_error(InputError(source, "missing or non-string 'text' field", n))
            continue
        doc_id = str(obj.get("id") or f"{stem}-{n}")
        meta = {k: obj[k] for k in META_FIELDS if obj.get(k) not in (None, "")}
        for k, v in obj.items():
            if k not in ("text", "id", *META_FIELDS) and isinstance(v, (str, int, float)):
                meta.setdefault(k, v)
        yield RawDocument(doc_id, text.replace("\x00", " "), f"{source}:{n}", meta,
                          list(warnings) + (["NUL characters replaced by spaces"] if "\x00" in text else []))


def _read_path(path: Path, manifests: Manifests, on_error: Callable[[InputError], None],
               explicit: bool) -> Iterator[RawDocument]:
    ext = path.suffix.lower()
    source = str(path)
    if ext not in KNOWN_EXT:
        if explicit:
            on_error(InputError(source, f"unknown file type {ext or '(no extension)'!r}: "
                                        "expected .txt, .html, .jsonl or .conllu"))
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        on_error(InputError(source, f"cannot read ({e.strerror or e})"))
        return
    override = manifests.lookup(path)
    try:
        if ext in JSONL_EXT:
            for doc in read_jsonl(data, source, path.stem, on_error):
                yield doc
            return
        if ext in CONLLU_EXT:
            from .backends.conllu import read_conllu_documents

            for doc in read_conllu_documents(data, source, path.stem):
                doc.meta.update(override)
                yield doc
            return
        reader = read_html_document if ext in HTML_EXT else read_text_document
        doc = reader(data, source, path.stem)
    except InputError as e:
        on_error(e)
        return
    doc.meta.update(override)
    yield doc


def iter_documents(inputs: Iterable[str | os.PathLike], *,
                   on_error: Callable[[InputError], None] = raise_error,
                   stdin: io.BufferedIOBase | None = None) -> Iterator[RawDocument]:
    """Yield raw documents from files, directories (recursively) and ``-`` (stdin).

    Stdin is read as JSONL when every non-blank line is a JSON object,
    otherwise as one plain-text document with id ``stdin``.
    """
    manifests = Manifests(on_error)
    for item in inputs:
        item = os.fspath(item)
        if item == "-":
            data = (stdin or sys.stdin.buffer).read()
            stripped = data.strip()
            if stripped.startswith(b"{"):
                yield from read_jsonl(data, "<stdin>", "stdin", on_error)
            else:
                try:
                    yield read_text_document(data, "<stdin>", "stdin")
                except InputError as e:
                    on_error(e)
            continue
        path = Path(item)
        if path.is_dir():
            for missing, line in manifests.missing(path):
                on_error(InputError(str(path / "manifest.csv"),
                                    f"manifest names a missing file: {missing.name}", int(line)))
            for sub in sorted(p for p in path.rglob("*") if p.is_file()
                              and not any(part.startswith(".") for part in p.relative_to(path).parts)):
                yield from _read_path(sub, manifests, on_error, explicit=False)
        elif path.exists():
            yield from _read_path(path, manifests, on_error, explicit=True)
        else:
            on_error(InputError(item, "no such file or directory"))
