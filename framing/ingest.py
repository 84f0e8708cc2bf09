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
from warnings import warn
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from . import conllu
from .limits import file_too_large, too_large_message

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
        raise InputError(source, binary_message(data))
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


#: how to turn a document format framing does not read into text, by extension
CONVERT_HINTS = {
    ".pdf": "convert it to text first, e.g. `pdftotext -enc UTF-8 FILE.pdf FILE.txt` (poppler-utils)",
    ".docx": "save it as plain text (.txt, UTF-8) from the word processor, or `pandoc FILE.docx -t plain -o FILE.txt`",
    ".odt": "save it as plain text (.txt, UTF-8) from the word processor, or `pandoc FILE.odt -t plain -o FILE.txt`",
    ".doc": "save it as plain text (.txt, UTF-8) from the word processor, or "
            "`soffice --headless --convert-to txt:Text FILE.doc`",
    ".rtf": "save it as plain text (.txt, UTF-8) from the word processor, or `pandoc FILE.rtf -t plain -o FILE.txt`",
    ".epub": "convert it with `pandoc FILE.epub -t plain -o FILE.txt`",
    ".md": "rename it to .txt to read it as plain text",
    ".json": "write one {\"text\": …} object per line in a .jsonl file",
    ".csv": "write one {\"text\": …} object per line in a .jsonl file (the other columns become metadata)",
    ".xml": "extract its text to a .txt file, or save the page as .html",
}
#: magic numbers of document formats, with the extension whose hint applies
_DOCUMENT_MAGIC = ((b"%PDF", ".pdf", "PDF"), (b"PK\x03\x04", ".docx", "ZIP: .docx, .odt, .epub…"),
                   (b"\xd0\xcf\x11\xe0", ".doc", "old Office format: .doc…"))


def binary_message(data: bytes) -> str:
    """Why ``data`` is refused as binary, with how to convert it when it is a known document format."""
    for magic, ext, kind in _DOCUMENT_MAGIC:
        if data.startswith(magic):
            return f"binary file ({kind}), not text (no document read): {CONVERT_HINTS[ext]}"
    return "binary file, not text (no document read)"


def unknown_type_message(path: Path) -> str:
    """The message for a file whose extension framing does not read, with a hint to convert it."""
    ext = path.suffix.lower()
    hint = CONVERT_HINTS.get(ext)
    return (f"unknown file type {ext or '(no extension)'!r}: expected .txt, .html, .jsonl or .conllu"
            + (f"; {hint}" if hint else ""))


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
    warnings.extend(extraction_warnings(text, len(data)))
    meta = {"title": d.get("title"), "date": d.get("date"), "author": d.get("author"),
            "site": d.get("sitename") or d.get("hostname"), "url": d.get("url")}
    meta = {k: one_line(str(v)).strip() for k, v in meta.items() if v}
    if "site" in meta:
        meta.setdefault("outlet", meta["site"])
    return RawDocument(doc_id, scrub_surrogates(text), source, meta, warnings)


#: template or script syntax that never appears in an article's prose
_TEMPLATE_CODE = re.compile(r"\{\{.{0,200}?\}\}|\{%.{0,200}?%\}|\$\{[^}]{0,200}\}|\bfunction\s*\(|=>\s*\{"
                            r"|</?(?:div|span|script|p|a|img)\b[^>]{0,200}>")
#: characters of code and markup, counted against the text's other characters
_CODE_CHARS = frozenset("{}<>;=[]$|\\")
#: a page at least this large (bytes) whose extracted text has fewer words is suspicious
SHORT_PAGE_BYTES, SHORT_TEXT_WORDS = 20_000, 100


def extraction_warnings(text: str, page_bytes: int) -> list[str]:
    """Warnings when the text extracted from an HTML page of ``page_bytes`` is probably not its article.

    Pages filled in by JavaScript yield their template (``{{ctrl.title}}``) or
    a few words of navigation: the detectors would then measure that.
    """
    found = _TEMPLATE_CODE.findall(text)
    stripped = [c for c in text if not c.isspace()]
    code = sum(1 for c in stripped if c in _CODE_CHARS)
    out = []
    if found or (len(stripped) >= 50 and code > 0.03 * len(stripped)):
        sample = one_line((found[0] if found else "")[:40])
        out.append("the extracted text looks like template or markup code"
                   + (f" ({sample})" if sample else "")
                   + ", not article text: the page is probably filled in by JavaScript; "
                     "save it as rendered by a browser, or give its text as .txt")
    n_words = len(text.split())
    if page_bytes >= SHORT_PAGE_BYTES and n_words < SHORT_TEXT_WORDS:
        out.append(f"only {n_words} word(s) extracted from a page of {page_bytes // 1000} kB: "
                   "the article text is probably missing (page filled in by JavaScript, paywall, consent wall)")
    return out


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
    except Exception as e:  # the stdlib parser is lenient; keep what it read so far
        warn(f"HTML fallback parser stopped ({type(e).__name__}: {e}); text read so far kept",
             RuntimeWarning, stacklevel=2)
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
               explicit: bool, stem: str | None = None) -> Iterator[RawDocument]:
    """The documents of one file; ``stem`` (default: the file's stem) is its id, or its JSONL lines' prefix."""
    stem = stem or path.stem
    ext = path.suffix.lower()
    source = str(path)
    if ext not in KNOWN_EXT:
        if explicit:
            on_error(InputError(source, unknown_type_message(path)))
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
                for doc in read_jsonl(f, source, stem, on_error):
                    doc.meta.update(override)
                    yield doc
            return
        size = path.stat().st_size
        if ext not in CONLLU_EXT and file_too_large(size):  # refused unread: memory stays bounded
            raise InputError(source, too_large_message(size, "bytes"))
        data = path.read_bytes()
        if ext in CONLLU_EXT:
            for doc in read_conllu_documents(data, source, stem):
                doc.meta.update(override)
                yield doc
            return
        reader = read_html_document if ext in HTML_EXT else read_text_document
        doc = reader(data, source, stem)
    except InputError as e:
        on_error(e)
        return
    except OSError as e:
        on_error(InputError(source, f"cannot read ({e.strerror or type(e).__name__})"))
        return
    doc.meta.update(override)
    yield doc


def _walk(folder: Path, on_error: Callable[[InputError], None] | None = None,
          on_warning: Callable[[InputError], None] | None = None) -> Iterator[Path]:
    """Files under ``folder``, sorted; hidden names skipped, symlinked folders not followed.

    A folder that cannot be listed (permissions) is reported to ``on_error``
    like an unreadable file; a folder framing wrote (it holds the marker
    :data:`framing.files.MARKER`: a report, never input) is skipped with a
    notice to ``on_warning``.
    """
    from .files import MARKER

    def unreadable(e: OSError) -> None:
        if on_error is not None:
            on_error(InputError(e.filename or str(folder), f"cannot read folder ({e.strerror or type(e).__name__})"))

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        if MARKER in files:
            dirs[:] = []
            if on_warning is not None:
                on_warning(InputError(root, "skipped: a folder framing wrote (its output), not input"))
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


#: bytes of stdin examined before anything else is read
STDIN_PEEK = 8192


def _read_stdin(stream: Any, on_error: Callable[[InputError], None]) -> Iterator[RawDocument]:
    """Stdin as JSONL when its first non-blank line is a JSON object, else one text document.

    The first kilobytes are checked before the rest is read: binary data (``<
    /dev/urandom``) is refused at once instead of being read to its end.
    """
    head = stream.read(STDIN_PEEK)
    if looks_binary(head):
        on_error(InputError("<stdin>", binary_message(head)))
        return
    while head and not head.lstrip(b"\xef\xbb\xbf \t\r\n"):  # blank so far: look further
        more = stream.read(STDIN_PEEK)
        if not more:
            break
        head += more
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        import itertools

        lines = io.BytesIO(head + (stream.readline() if not head.endswith(b"\n") else b""))
        yield from read_jsonl(itertools.chain(lines, stream), "<stdin>", "stdin", on_error)
        return
    try:
        yield read_text_document(head + stream.read(), "<stdin>", "stdin")
    except InputError as e:
        on_error(e)


@dataclass
class _Planned:
    """One input file to read, in order (``path`` None: stdin); ``stem`` is its id or id prefix."""

    path: Path | None
    explicit: bool = True
    stem: str = ""


def _plan(inputs: Iterable[str | os.PathLike], manifests: Manifests) -> list[Any]:
    """Every file to read, in input order, with ``("error"|"warning", InputError)`` notices in place.

    Listing every file first lets two files with the same name in different
    folders get distinct ids (:func:`unique_stems`).
    """
    plan: list[Any] = []
    seen: set[str] = set()

    def note(kind: str) -> Callable[[InputError], None]:
        return lambda e: plan.append((kind, e))

    def add(path: Path, explicit: bool) -> None:
        key = os.path.abspath(path)
        if key in seen:
            plan.append(("warning", InputError(str(path), "given more than once: read once")))
            return
        seen.add(key)
        plan.append(_Planned(path, explicit))

    for item in inputs:
        item = os.fspath(item)
        if item == "-":
            plan.append(_Planned(None))
            continue
        path = Path(item)
        if path.is_dir():
            found, before = False, len(plan)
            for sub in _walk(path, note("error"), note("warning")):
                if sub.name == "manifest.csv":
                    for missing, line in manifests.missing(sub.parent):
                        plan.append(("error", InputError(str(sub), f"manifest names a missing file: {missing.name}",
                                                         int(line))))
                elif sub.suffix.lower() in KNOWN_EXT:
                    found = True
                    add(sub, explicit=False)
                else:
                    plan.append(("warning", InputError(str(sub), "skipped: " + unknown_type_message(sub))))
            if not found and not any(n[0] == "error" for n in plan[before:] if isinstance(n, tuple)):
                plan.append(("error", InputError(item, "no .txt, .html, .jsonl or .conllu file in this directory")))
        elif path.exists() or path.is_symlink():
            add(path, explicit=True)
        else:
            plan.append(("error", InputError(item, "no such file or directory")))
    files = [p.path for p in plan if isinstance(p, _Planned) and p.path is not None]
    stems = unique_stems(files)
    for p in plan:
        if isinstance(p, _Planned) and p.path is not None:
            p.stem = stems[os.path.abspath(p.path)]
    return plan


def unique_stems(paths: Sequence[Path]) -> dict[str, str]:
    """Distinct ids for files, by absolute path: the file stem, or, for files sharing a stem,
    their path from the folder they have in common (``a/x`` and ``b/x`` for ``a/x.txt``, ``b/x.txt``;
    with the extension when that is still the same: ``x.txt``, ``x.html``)."""
    by_stem: dict[str, list[str]] = {}
    for p in paths:
        by_stem.setdefault(p.stem, []).append(os.path.abspath(p))
    out: dict[str, str] = {}
    for stem, group in by_stem.items():
        if len(group) == 1:
            out[group[0]] = stem
            continue
        root = os.path.commonpath([os.path.dirname(p) for p in group])
        rel = {p: Path(os.path.relpath(p, root)).as_posix() for p in group}
        short = {p: r[:-len(Path(r).suffix)] if Path(r).suffix else r for p, r in rel.items()}
        counts: dict[str, int] = {}
        for v in short.values():
            counts[v] = counts.get(v, 0) + 1
        for p in group:
            out[p] = short[p] if counts[short[p]] == 1 else rel[p]
    return out


class UniqueIds:
    """Makes the ids of a run unique: a repeated id becomes ``id~2`` (``~3``…), with a warning."""

    def __init__(self, on_warning: Callable[[InputError], None] | None = None):
        self.seen: set[str] = set()
        self.on_warning = on_warning

    def __call__(self, doc: RawDocument) -> RawDocument:
        if doc.id in self.seen:
            k = 2
            while f"{doc.id}~{k}" in self.seen:
                k += 1
            new = f"{doc.id}~{k}"
            message = f"duplicate id {doc.id!r} renamed {new!r} (ids must be unique in a run)"
            doc.warnings.append(message)
            if self.on_warning is not None:
                self.on_warning(InputError(doc.source, message))
            doc.id = new
        self.seen.add(doc.id)
        return doc


def iter_documents(inputs: Iterable[str | os.PathLike], *,
                   on_error: Callable[[InputError], None] = raise_error,
                   stdin: io.BufferedIOBase | None = None,
                   on_warning: Callable[[InputError], None] | None = None) -> Iterator[RawDocument]:
    """Yield raw documents from files, directories (recursively) and ``-`` (stdin).

    Parameters
    ----------
    inputs : iterable of paths
        Files (``.txt``, ``.html``, ``.jsonl``, ``.conllu``), directories (read
        recursively; hidden files and folders framing wrote skipped) and ``-``.
    on_error : callable
        Receives an :class:`InputError` for every input (or JSONL line) that
        cannot be read; the default raises it. Reading goes on after it returns.
    stdin : binary stream, optional
        Read for ``-`` instead of ``sys.stdin.buffer``. Stdin is read as JSONL
        when its first non-blank line starts with ``{``, otherwise as one
        plain-text document with id ``stdin``.
    on_warning : callable, optional
        Receives an :class:`InputError` for what stops nothing: a file of
        another type skipped in a folder (with how to convert it), a renamed
        duplicate id, an HTML page whose extracted text looks wrong.

    Yields
    ------
    RawDocument
        Ids are unique in the run: files sharing a name in different folders
        get their relative path (``a/x``, ``b/x``), and a repeated id (JSONL)
        becomes ``id~2`` with a warning.
    """
    manifests = Manifests(on_error)
    unique = UniqueIds(on_warning)
    for entry in _plan(inputs, manifests):
        if isinstance(entry, tuple):
            kind, notice = entry
            if kind == "error":
                on_error(notice)
            elif on_warning is not None:
                on_warning(notice)
            continue
        docs = (_read_stdin(stdin or sys.stdin.buffer, on_error) if entry.path is None
                else _read_path(entry.path, manifests, on_error, entry.explicit, entry.stem))
        for doc in docs:
            if on_warning is not None:
                for w in doc.warnings:
                    if _NOTICE.search(w):
                        on_warning(InputError(doc.source, w))
            yield unique(doc)


#: document warnings also reported as notices: a page's text is probably not its article
#: (the others, e.g. an encoding, are only in the output's ``warnings``)
_NOTICE = re.compile(r"^the extracted text looks like|^only \d+ word\(s\) extracted from a page")


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
