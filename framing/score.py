"""Scoring many documents to a stream: the library side of ``framing score``."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import partial
from typing import IO, TYPE_CHECKING, Callable, Iterable, Sequence

from .ingest import InputError, iter_documents
from .output import CsvWriter, jsonl_line, record_producer, render_text
from .parallel import AnalysisFailure, analyze_parallel
from .resources import default_config

if TYPE_CHECKING:
    from .progress import Progress

FORMATS = ("text", "jsonl", "csv")


@dataclass
class ScoreRun:
    """What a scoring run did: documents written and inputs that failed."""

    n_documents: int = 0
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def score_paths(inputs: Sequence[str | os.PathLike], out: IO[str], *, format: str = "text",
                backend: str = "builtin", lexicon_dirs: Sequence[str] = (), actors: str | None = None,
                include_text: bool = False, color: bool = False, lang: str = "fr",
                on_error: Callable[[InputError], None] | None = None,
                on_warning: Callable[[InputError], None] | None = None,
                skip_ids: Iterable[str] = (), jobs: int = 1,
                progress: "Progress | None" = None) -> ScoreRun:
    """Analyse every document of ``inputs`` and write each result to ``out`` as it is ready.

    Documents stream through one at a time, so memory does not grow with the
    corpus. A document that fails (unreadable input, malformed JSONL line, an
    unexpected error in analysis) is reported to ``on_error`` and recorded in
    the returned :class:`ScoreRun`; the others are still scored. Notices that
    stop nothing (a skipped file, a renamed duplicate id, an HTML page whose
    extracted text looks wrong) go to ``on_warning``. ``lang`` is the language
    of the ``text`` format's labels (``fr`` or ``en``).

    ``jobs`` worker processes analyse (and serialise) documents in parallel
    (``0`` = every core); the output is identical to ``jobs=1`` and in input
    order (see :func:`framing.parallel.analyze_parallel`). ``progress``, a
    :class:`framing.progress.Progress`, is advanced once per document and
    closed at the end.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    run = ScoreRun()
    skip = set(skip_ids)

    def fail(err: InputError) -> None:
        run.errors.append(err)
        if on_error:
            on_error(err)

    config = default_config(lexicon_dirs, actors, backend)
    if backend != "builtin":
        from .backends import get_backend

        get_backend(backend)  # a backend that cannot run (models missing) fails once, here, as BackendError
    csv_writer = CsvWriter(out) if format == "csv" else None
    # serialisation runs where the analysis runs (in the workers when jobs > 1)
    render = (partial(jsonl_line, include_text=include_text, producer=record_producer(lexicon_dirs, actors))
              if format == "jsonl"
              else partial(render_text, color=color, lang=lang) if format == "text" else None)
    raws = (raw for raw in iter_documents(inputs, on_error=fail, on_warning=on_warning) if raw.id not in skip)
    try:
        for result in analyze_parallel(raws, config, jobs, render=render):
            if progress is not None:
                progress.update()
            if isinstance(result, AnalysisFailure):  # one bad document never loses the others
                fail(result.to_input_error())
                continue
            if format == "jsonl":
                out.write(result + "\n")
            elif format == "csv":
                csv_writer.write(result)
            else:
                if run.n_documents:
                    out.write("\n" + "─" * 72 + "\n\n")
                out.write(result)
            out.flush()
            run.n_documents += 1
    finally:
        if progress is not None:
            progress.close()  # end the progress line before any summary
    return run


def prepare_resume(path: str | os.PathLike) -> list[str]:
    """Make a JSONL output ready to be appended to; return the ids it already holds.

    The file must be framing's JSONL output (:func:`framing.files.check_resumable`
    raises :class:`framing.files.OutputRefused` otherwise: resuming would drop
    the lines of someone else's file). A last line cut short by a crash (or a
    complete record without its newline) is dropped or ended: the file is
    rewritten atomically, so the document it held is scored again. A missing
    file gives no ids.
    """
    from .files import atomic_write, check_resumable, is_record

    check_resumable(path)
    ids: list[str] = []
    broken = 0
    try:
        with open(path, "rb") as f:
            for line in f:
                try:
                    obj = json.loads(line)
                except (ValueError, RecursionError):
                    obj = None
                if not is_record(obj):
                    broken += 1
                    continue
                ids.append(str(obj["id"]))
                if not line.endswith(b"\n"):
                    broken += 1  # a complete object without its newline: rewrite to end it
    except FileNotFoundError:
        return []
    if broken:
        with open(path, "rb") as f, atomic_write(path, "wb") as out:
            for line in f:
                try:
                    keep = is_record(json.loads(line))
                except (ValueError, RecursionError):
                    keep = False
                if keep:
                    out.write(line.rstrip(b"\r\n") + b"\n")
    return ids
