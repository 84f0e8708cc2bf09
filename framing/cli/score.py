"""``framing score``: score documents, one result per document."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..output import atomic_write
from ..score import FORMATS, read_done_ids, score_paths
from .common import actors_option, backend_option, debug_option, fail, lexicon_dir_option, report_error


@click.command("score")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: readable summary; jsonl: the JSON contract, one object per document; csv: one row of features per document.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (atomically) instead of stdout.")
@click.option("--include-text", is_flag=True, help="Add each document's analysed text to the JSONL output.")
@click.option("--resume", is_flag=True, help="With -o: keep documents already in the output and score only the others.")
@backend_option
@lexicon_dir_option
@actors_option
@debug_option
def command(inputs, fmt, output, include_text, resume, backend, lexicon_dirs, actors, debug):
    """Score INPUT files, directories, or - (stdin) for framing features.

    Inputs: .txt (any encoding), .html pages, .jsonl (one {"text": ...} per
    line), .conllu, and directories of them, with an optional manifest.csv
    giving outlet, date and title per file.
    """
    from ..backends import BackendError

    def on_error(err):
        report_error(str(err))

    kwargs = dict(format=fmt, backend=backend, lexicon_dirs=lexicon_dirs, actors=actors,
                  include_text=include_text, on_error=on_error)
    try:
        if output:
            path = Path(output)
            done = read_done_ids(path) if resume and fmt == "jsonl" else []
            if resume and fmt != "jsonl":
                fail("--resume needs --format jsonl")
            with atomic_write(path) as out:
                if done:
                    out.write(path.read_text(encoding="utf-8").rstrip("\n") + "\n")
                run = score_paths(inputs, out, skip_ids=done, **kwargs)
            errors_path = path.with_name("errors.jsonl")
            if run.errors:
                with atomic_write(errors_path) as ef:
                    for err in run.errors:
                        ef.write(json.dumps(err.to_dict(), ensure_ascii=False) + "\n")
            click.echo(f"framing: {run.n_documents} document(s) written to {path}"
                       + (f", {len(done)} kept from before" if done else "")
                       + (f"; {len(run.errors)} failed (see {errors_path})" if run.errors else ""), err=True)
        else:
            color = fmt == "text" and sys.stdout.isatty()
            run = score_paths(inputs, sys.stdout, color=color, **kwargs)
    except BackendError as e:
        fail(str(e))
    except KeyboardInterrupt:
        fail("interrupted; any previous output file is left as it was", 130)
    except Exception as e:
        if debug:
            raise
        fail(f"{type(e).__name__}: {e} (run with --debug for a traceback)")
    sys.exit(1 if run.errors else 0)
