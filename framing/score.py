"""Scoring many documents to a stream: the library side of ``framing score``."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import IO, Callable, Iterable, Sequence

from .analysis import analyze_raw
from .ingest import InputError, iter_documents
from .output import CsvWriter, jsonl_line, render_text
from .resources import default_config

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
                include_text: bool = False, color: bool = False,
                on_error: Callable[[InputError], None] | None = None,
                skip_ids: Iterable[str] = ()) -> ScoreRun:
    """Analyse every document of ``inputs`` and write each result to ``out`` as it is ready.

    Documents stream through one at a time, so memory does not grow with the
    corpus. A document that fails (unreadable input, malformed JSONL line, an
    unexpected error in analysis) is reported to ``on_error`` and recorded in
    the returned :class:`ScoreRun`; the others are still scored.
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
    csv_writer = CsvWriter(out) if format == "csv" else None
    for raw in iter_documents(inputs, on_error=fail):
        if raw.id in skip:
            continue
        try:
            analysis = analyze_raw(raw, config)
        except Exception as e:  # one bad document never loses the others
            fail(InputError(raw.source, f"analysis failed ({type(e).__name__}: {e})"))
            continue
        if format == "jsonl":
            out.write(jsonl_line(analysis, include_text) + "\n")
        elif format == "csv":
            csv_writer.write(analysis)
        else:
            if run.n_documents:
                out.write("\n" + "─" * 72 + "\n\n")
            out.write(render_text(analysis, color=color))
        out.flush()
        run.n_documents += 1
    return run


def read_done_ids(path: str | os.PathLike) -> list[str]:
    """Ids already present in a JSONL output (for ``--resume``); broken lines are ignored."""
    ids = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    ids.append(str(json.loads(line)["id"]))
                except (ValueError, KeyError, TypeError):
                    continue
    except FileNotFoundError:
        pass
    return ids
