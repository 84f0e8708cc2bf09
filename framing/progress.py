"""Progress of long runs on stderr: documents done, rate, ETA.

Shown only when the stream is a terminal, so logs, pipes and CI output stay
clean; the line is redrawn in place at most a few times per second::

    framing: 1,234/10,000 documents  12.3 %  85.2 docs/s  ETA 1:43

The total is estimated cheaply from the inputs (:func:`count_documents`:
lines of JSONL files, files of directories) and only when progress is shown.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import IO, Iterable

#: Seconds between redraws.
REFRESH = 0.25


def is_terminal(stream: IO[str] | None) -> bool:
    """True when ``stream`` is an interactive terminal."""
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    """A one-line progress display; a no-op when ``stream`` is not a terminal.

    Parameters
    ----------
    total : int, optional
        Documents expected (``None`` when unknown: no percentage or ETA).
    stream : text stream, default ``sys.stderr``
    enabled : bool, optional
        Force on or off; by default on only when ``stream`` is a terminal.
    label : str, default "documents"

    Examples
    --------
    >>> with Progress(total=3) as p:       # silent here: not a terminal
    ...     for _ in range(3):
    ...         p.update()
    """

    def __init__(self, total: int | None = None, stream: IO[str] | None = None,
                 enabled: bool | None = None, label: str = "documents"):
        self.stream = sys.stderr if stream is None else stream
        self.enabled = is_terminal(self.stream) if enabled is None else enabled
        self.total = total
        self.label = label
        self.done = 0
        self.start = time.monotonic()
        self._last_draw = 0.0
        self._width = 0

    def update(self, n: int = 1) -> None:
        """Count ``n`` more documents done (redraws at most every :data:`REFRESH` s)."""
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last_draw >= REFRESH:
            self._last_draw = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        """The progress text: done, share, rate and ETA when known."""
        elapsed = (time.monotonic() if now is None else now) - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        parts = [f"framing: {self.done:,}" + (f"/{self.total:,}" if self.total else "") + f" {self.label}"]
        if self.total:
            parts.append(f"{100 * min(self.done, self.total) / self.total:5.1f} %")
        parts.append(f"{rate:,.1f} docs/s")
        if self.total and rate > 0 and self.done < self.total:
            parts.append("ETA " + format_duration((self.total - self.done) / rate))
        elif not self.total or self.done >= self.total:
            parts.append(format_duration(elapsed))
        return "  ".join(parts)

    def _draw(self, now: float) -> None:
        text = self.line(now)
        pad = max(0, self._width - len(text))
        self._width = len(text)
        try:
            self.stream.write("\r" + text + " " * pad)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False

    def close(self) -> None:
        """Draw the final state and end the line (nothing when disabled)."""
        if self.enabled:
            self._draw(time.monotonic())
            try:
                self.stream.write("\n")
                self.stream.flush()
            except (OSError, ValueError):
                pass
            self.enabled = False

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def format_duration(seconds: float) -> str:
    """``1:05`` or ``2:03:04``."""
    seconds = int(round(max(0.0, seconds)))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def count_documents(inputs: Iterable[str | os.PathLike]) -> int | None:
    """A quick estimate of the documents in ``inputs`` (``None`` if unknown, e.g. stdin).

    JSONL files count their non-blank lines (a fast binary scan), other known
    files count one, directories are walked like :func:`framing.ingest.iter_documents`.
    """
    from . import ingest
    from .ingest import CONLLU_EXT, JSONL_EXT, KNOWN_EXT

    walk = getattr(ingest, "_walk", None)  # the reader's own directory walk, when it has one
    total = 0
    for item in inputs:
        item = os.fspath(item)
        if item == "-":
            return None
        path = Path(item)
        if path.is_dir():
            files = walk(path) if walk is not None else (
                p for p in sorted(path.rglob("*")) if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            files = iter([path])
        for p in files:
            ext = p.suffix.lower()
            if ext not in KNOWN_EXT:
                continue
            if ext in CONLLU_EXT:
                return None  # documents per file unknown without parsing
            if ext in JSONL_EXT:
                total += _count_lines(p)
            else:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    n = 0
    try:
        with path.open("rb") as f:
            for line in f:
                if line.strip():
                    n += 1
    except OSError:
        pass
    return n
