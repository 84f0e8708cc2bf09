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
import math
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from . import conllu

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
        # hostile file names and library messages may hold line breaks or terminal
        # escapes: keep the message on one line and inert
        source, message = one_line(str(source)), one_line(str(message))
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


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(s: str) -> str:
    """``s`` with line breaks and control characters escaped (``\\n``, ``\\x1b``)."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), s)


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> str:
    """Lone surrogates (from ``\\ud800`` escapes in JSON) become U+FFFD, one for one.

    They cannot be written as UTF-8; replacing each by one character keeps offsets.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


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
    if text is None and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:  # UTF-16 with its byte-order mark (what Windows Notepad calls "Unicode")
            text = data.decode("utf-16")
            warnings.append("decoded as utf_16 (not UTF-8)")
        except UnicodeDecodeError:
            text = None
    if text is None:
        # French files that are not UTF-8 are nearly always cp1252 (or latin-1, its subset
        # for text). charset-normalizer guesses poorly on short texts (cp1250, cp775…,
        # turning œ into ś), so cp1252 is tried first and kept when the result reads as
        # Western European text; otherwise the detector decides (Cyrillic, Greek, CJK…).
        text, enc = _as_western(data), "cp1252"
        if text is None:
            from charset_normalizer import from_bytes

            best = from_bytes(data, cp_isolation=None).best()
            if best is None:
                raise InputError(source, "cannot decode: not UTF-8 and no other encoding fits")
            text, enc = str(best), best.encoding
        warnings.append(f"decoded as {enc} (not UTF-8)")
    if "\x00" in text:
        warnings.append(f"{text.count(chr(0))} NUL character(s) replaced by spaces")
        text = text.replace("\x00", " ")
    return text, warnings


#: non-ASCII characters of French (and neighbouring Western) text in cp1252
_WESTERN = frozenset("àâäæçéèêëîïôöœùûüÿÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸáíóúñÁÍÓÚÑßãõÃÕåÅ"
                     "’‘“”«»‹›–—…€•·°§µ×÷±²¼½¾©®™¡£¥¢\u00a0")


def _as_western(data: bytes) -> str | None:
    """``data`` decoded as cp1252 when that reads as Western European text, else None.

    Mis-decoded Cyrillic or Greek turns nearly every letter into an accented
    one (French has at most a few accented letters in ten), and Central
    European text yields letters French does not use (ø, ì, š, ý…).
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return text
    western = sum(1 for c in non_ascii if c in _WESTERN)
    letters = sum(1 for c in text if c.isalpha())
    accented = sum(1 for c in non_ascii if c.isalpha())
    if western >= 0.9 * len(non_ascii) and (accented <= 0.5 * letters or letters < 40):
        return text
    return None


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
                rows = self._read(path, folder)
            except (OSError, InputError, csv.Error, ValueError) as e:
                why = e.message if isinstance(e, InputError) else (getattr(e, "strerror", None) or e)
                self.on_error(InputError(str(path), f"unreadable manifest ({why})"))
        self._cache[folder] = rows
        return rows

    @staticmethod
    def _read(path: Path, folder: Path) -> dict[Path, dict[str, str]]:
        """Rows by resolved file path. Any encoding (as text files); ``,``, ``;`` or tab separated
        (French spreadsheets export ``;``)."""
        content, _ = decode_bytes(path.read_bytes(), str(path))
        header = content.split("\n", 1)[0]
        delimiter = max(",;\t", key=header.count)
        rows: dict[Path, dict[str, str]] = {}
        reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=delimiter)
        for row in reader:
            row = {(k or "").strip().lower(): v for k, v in row.items() if isinstance(v, str)}
            name = (row.get("file") or row.get("path") or "").strip()
            if not name:
                continue
            target = (folder / name).resolve()
            rows[target] = {k: v.strip() for k, v in row.items() if k and k not in ("file", "path")}
            rows[target]["_manifest_line"] = str(reader.line_num)
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
    """A plain-text document (any encoding, see :func:`decode_bytes`).

    Empty or whitespace-only text is not an error: it yields an empty document,
    which analysis scores as zeros with an ``empty document`` warning.
    """
    text, warnings = decode_bytes(data, source)
    return RawDocument(doc_id, text, source, {}, warnings)


def read_html_document(data: bytes, source: str, doc_id: str) -> RawDocument:
    """Main text and metadata of an HTML page (trafilatura, offline).

    When trafilatura finds no main text (pages nested deeper than lxml's depth
    limit, pages of bare text in odd markup), the page's whole visible text is
    used instead, with a warning: it may include navigation.
    """
    html, warnings = decode_bytes(data, source)
    d: dict[str, Any] = {}
    try:
        import trafilatura

        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             include_tables=False, favor_precision=False)
        if result is not None:
            d = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    except Exception as e:  # trafilatura on hostile markup: fall back, never crash
        warnings.append(f"HTML main-text extraction failed ({type(e).__name__})")
    text = (d.get("text") or "").strip("\n")
    if not text.strip():
        text = visible_text(html).strip("\n")
        if not text.strip():
            raise InputError(source, "no article text found in the HTML page")
        warnings.append("no main article text found: the page's whole visible text is analysed")
        if not d.get("title"):
            d["title"] = _html_title(html)
    meta = {"title": d.get("title"), "date": d.get("date"), "author": d.get("author"),
            "site": d.get("sitename") or d.get("hostname"), "url": d.get("url")}
    meta = {k: one_line(str(v)).strip() for k, v in meta.items() if v}
    if "site" in meta:
        meta.setdefault("outlet", meta["site"])
    return RawDocument(doc_id, scrub_surrogates(text), source, meta, warnings)


_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg", "math",
                        "iframe", "object", "select", "textarea", "button"})
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                    "section", "article", "header", "footer", "nav", "aside", "blockquote",
                    "pre", "tr", "table", "dd", "dt", "figure", "figcaption", "main", "hr"})


def visible_text(html: str) -> str:
    """The visible text of a page, one line per block (stdlib parser: no depth limit)."""
    from html.parser import HTMLParser

    class _Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.hidden = 0

        def handle_starttag(self, tag, attrs):
            if tag in _INVISIBLE:
                self.hidden += 1
            elif tag in _BLOCK:
                self.parts.append("\n")

        def handle_endtag(self, tag):
            if tag in _INVISIBLE:
                self.hidden = max(0, self.hidden - 1)
            elif tag in _BLOCK:
                self.parts.append("\n")

        def handle_data(self, data):
            if not self.hidden:
                self.parts.append(data)

    collector = _Collector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:  # the stdlib parser is lenient; stay safe anyway
        pass
    lines = (" ".join(line.split()) for line in "".join(collector.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _html_title(html: str) -> str | None:
    m = re.search(r"<title[^>]*>([^<]{1,500})", html, re.IGNORECASE)
    if not m:
        return None
    import html as html_module

    return " ".join(html_module.unescape(m.group(1)).split()) or None


def _clean_meta(obj: dict[str, Any]) -> dict[str, Any]:
    """JSONL metadata made safe to write back: strings for the known fields, scalars for others.

    NaN/infinite numbers, nested values and non-string known fields would make
    the JSON output invalid or surprising, so they are dropped or stringified.
    """
    meta: dict[str, Any] = {}
    for k, v in obj.items():
        if k in ("text", "id") or v is None or v == "":
            continue
        if k in META_FIELDS:
            meta[k] = scrub_surrogates(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
        elif isinstance(v, bool) or (isinstance(v, int)):
            meta[k] = v
        elif isinstance(v, float) and math.isfinite(v):
            meta[k] = v
        elif isinstance(v, str):
            meta[k] = scrub_surrogates(v)
    return meta


def jsonl_document(line: str, source: str, stem: str, n: int,
                   warnings: Sequence[str] = ()) -> RawDocument:
    """The document of JSONL line ``n`` (1-based); raises :class:`InputError` when malformed."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(source, f"malformed JSON ({e.msg}, column {e.colno})", n) from None
    except (ValueError, RecursionError) as e:  # nesting too deep, huge numbers
        raise InputError(source, f"malformed JSON ({type(e).__name__})", n) from None
    if not isinstance(obj, dict):
        raise InputError(source, "a JSONL line must be a JSON object", n)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(source, "missing or non-string 'text' field", n)
    raw_id = obj.get("id")
    doc_id = f"{stem}-{n}" if raw_id is None or raw_id == "" else scrub_surrogates(str(raw_id))
    warnings = list(warnings)
    if "\x00" in text:
        warnings.append(f"{text.count(chr(0))} NUL character(s) replaced by spaces")
        text = text.replace("\x00", " ")
    clean = scrub_surrogates(text)
    if clean is not text:
        warnings.append("invalid lone surrogate character(s) replaced by U+FFFD")
    return RawDocument(doc_id, clean, f"{source}:{n}", _clean_meta(obj), warnings)


def read_jsonl(data: bytes | Iterable[bytes], source: str, stem: str,
               on_error: Callable[[InputError], None]) -> Iterator[RawDocument]:
    """One document per line: ``{"text": ..., "id"?, "outlet"?, "date"?, "title"?, "url"?}``.

    ``data`` is the file's bytes or an iterable of its lines (a file opened in
    binary mode streams, so memory does not grow with the file). Lines are
    split on ``\\n`` only (a U+2028 inside a JSON string is not a line break);
    a line that is not UTF-8 is read as cp1252 with a warning. A malformed
    line is reported as ``file:line`` and the others are still read.
    """
    lines = data.split(b"\n") if isinstance(data, (bytes, bytearray)) else data
    for n, raw in enumerate(lines, 1):
        if n == 1:
            if looks_binary(raw[:8192]):
                on_error(InputError(source, "binary file, not text (no document read)"))
                return
            if raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
        if not raw.strip():
            continue
        warnings: list[str] = []
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
            warnings.append("line decoded as cp1252 (not UTF-8)")
        try:
            yield jsonl_document(line.rstrip("\r\n"), source, stem, n, warnings)
        except InputError as e:
            on_error(e)


def _read_path(path: Path, manifests: Manifests, on_error: Callable[[InputError], None],
               explicit: bool) -> Iterator[RawDocument]:
    ext = path.suffix.lower()
    source = str(path)
    if ext not in KNOWN_EXT:
        if explicit:
            on_error(InputError(source, f"unknown file type {ext or '(no extension)'!r}: "
                                        "expected .txt, .html, .jsonl or .conllu"))
        return
    if not path.exists():
        reason = "broken symbolic link" if path.is_symlink() else "no such file"
        on_error(InputError(source, f"cannot read ({reason})"))
        return
    if not path.is_file():  # a FIFO or device would block or never end
        on_error(InputError(source, "cannot read (not a regular file)"))
        return
    override = manifests.lookup(path)
    try:
        if ext in JSONL_EXT:
            with path.open("rb") as f:
                for doc in read_jsonl(f, source, path.stem, on_error):
                    doc.meta.update(override)
                    yield doc
            return
        data = path.read_bytes()
        if ext in CONLLU_EXT:
            for doc in read_conllu_documents(data, source, path.stem):
                doc.meta.update(override)
                yield doc
            return
        reader = read_html_document if ext in HTML_EXT else read_text_document
        doc = reader(data, source, path.stem)
    except InputError as e:
        on_error(e)
        return
    except OSError as e:
        on_error(InputError(source, f"cannot read ({e.strerror or type(e).__name__})"))
        return
    doc.meta.update(override)
    yield doc


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, sorted, hidden names skipped, symlinked folders not followed."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _read_stdin(stream: Any, on_error: Callable[[InputError], None]) -> Iterator[RawDocument]:
    """Stdin as JSONL when its first non-blank line is a JSON object, else one text document."""
    head: list[bytes] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    first = head[-1].lstrip(b"\xef\xbb\xbf \t\r\n") if head else b""
    if first.startswith(b"{"):
        import itertools

        yield from read_jsonl(itertools.chain(head, stream), "<stdin>", "stdin", on_error)
        return
    try:
        yield read_text_document(b"".join(head) + stream.read(), "<stdin>", "stdin")
    except InputError as e:
        on_error(e)


def iter_documents(inputs: Iterable[str | os.PathLike], *,
                   on_error: Callable[[InputError], None] = raise_error,
                   stdin: io.BufferedIOBase | None = None) -> Iterator[RawDocument]:
    """Yield raw documents from files, directories (recursively) and ``-`` (stdin).

    Parameters
    ----------
    inputs : iterable of paths
        Files (``.txt``, ``.html``, ``.jsonl``, ``.conllu``), directories (read
        recursively; other extensions and hidden files skipped) and ``-``.
    on_error : callable
        Receives an :class:`InputError` for every input (or JSONL line) that
        cannot be read; the default raises it. Reading goes on after it returns.
    stdin : binary stream, optional
        Read for ``-`` instead of ``sys.stdin.buffer``. Stdin is read as JSONL
        when its first non-blank line starts with ``{``, otherwise as one
        plain-text document with id ``stdin``.

    Yields
    ------
    RawDocument
    """
    manifests = Manifests(on_error)
    for item in inputs:
        item = os.fspath(item)
        if item == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer, on_error)
            continue
        path = Path(item)
        if path.is_dir():
            found = False
            for sub in _walk(path):
                if sub.name == "manifest.csv":
                    for missing, line in manifests.missing(sub.parent):
                        on_error(InputError(str(sub), f"manifest names a missing file: {missing.name}",
                                            int(line)))
                elif sub.suffix.lower() in KNOWN_EXT:
                    found = True
                    yield from _read_path(sub, manifests, on_error, explicit=False)
            if not found:
                on_error(InputError(item, "no .txt, .html, .jsonl or .conllu file in this directory"))
        elif path.exists() or path.is_symlink():
            yield from _read_path(path, manifests, on_error, explicit=True)
        else:
            on_error(InputError(item, "no such file or directory"))


def read_conllu_documents(data: bytes, source: str, stem: str) -> Iterator[RawDocument]:
    """Raw documents of a CoNLL-U file, each carrying its parse in ``.parsed``.

    Parameters
    ----------
    data : bytes
        The file's content (decoded like any text input).
    source : str
        Where it came from (reported in results and errors).
    stem : str
        File name without extension: the id of a file without ``# newdoc``.

    Raises
    ------
    framing.ingest.InputError
        When the data is not text or holds no CoNLL-U sentence.
    """
    content, warnings = decode_bytes(data, source)
    problems: list[str] = []
    found = False
    for doc_id, sentences in conllu.group_documents(conllu.iter_conllu_sentences(content, problems), stem):
        found = True
        parsed = conllu.document_from_sentences(sentences)
        doc_warnings = list(warnings)
        if problems:
            shown = "; ".join(p for p in problems[:3])
            doc_warnings.append(f"CoNLL-U: {len(problems)} problem(s): {shown}"
                                + (" …" if len(problems) > 3 else ""))
            problems.clear()
        yield RawDocument(doc_id, parsed.text, source, {}, doc_warnings, parsed)
    if not found:
        raise InputError(source, "no CoNLL-U sentences found"
                         + (f" ({problems[0]})" if problems else ""))
