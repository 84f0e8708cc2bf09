"""The size limit per document, which keeps the memory of one analysis bounded.

Analysing a document holds its tokens, sentences and indexes in memory at
once: about 75 MB per million characters of French news on top of ~75 MB for
the process (measured in ``docs/robustness.md``). A document longer than
:func:`max_document_chars` is therefore refused with a one-line error naming
it, and the other documents are still analysed. A news article is 2,000 to
50,000 characters; the default limit, 2,000,000 characters, is a book of about
330,000 words. ``FRAMING_MAX_CHARS`` (an integer) raises or lowers it.

A text or HTML file so large that it cannot hold an acceptable document
(more than 4 bytes per character allowed) is refused before it is read.
"""
from __future__ import annotations

import os

#: Default largest document analysed, in characters (code points).
MAX_DOCUMENT_CHARS = 2_000_000
#: UTF-8 needs at most 4 bytes per character: a larger file cannot hold an acceptable text.
BYTES_PER_CHAR = 4
ENV_VAR = "FRAMING_MAX_CHARS"


class DocumentTooLarge(ValueError):
    """A document longer than the size limit (the message is the one-line error)."""


def max_document_chars() -> int:
    """The limit in force: ``FRAMING_MAX_CHARS`` when it is a positive integer, else the default."""
    value = os.environ.get(ENV_VAR, "").strip().replace("_", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return MAX_DOCUMENT_CHARS


def too_large_message(size: int, unit: str = "characters") -> str:
    """The one-line error for a document of ``size`` characters (or a file of ``size`` bytes)."""
    limit = max_document_chars()
    what = (f"{size:,} characters, limit {limit:,}" if unit == "characters" else
            f"a file of {size:,} bytes, more than a text of {limit:,} characters can take")
    return (f"document too large ({what}): split it, or set {ENV_VAR} to raise the limit "
            "(memory grows with it)")


def check_document_size(text: str) -> None:
    """Raise :class:`DocumentTooLarge` when ``text`` is longer than the limit."""
    if len(text) > max_document_chars():
        raise DocumentTooLarge(too_large_message(len(text)))


def file_too_large(n_bytes: int) -> bool:
    """True when a text file of ``n_bytes`` cannot hold a document within the limit."""
    return n_bytes > BYTES_PER_CHAR * max_document_chars()
