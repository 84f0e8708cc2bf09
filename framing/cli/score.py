"""``framing score``: score documents, one result per document."""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from ..files import atomic_write, check_output_file, errors_path, output_lock, write_errors
from ..parallel import settle
from ..progress import Progress, count_documents, is_terminal
from ..resources import default_config
from ..score import FORMATS, prepare_resume, score_paths
from .common import (actors_option, backend_option, debug_option, fail, lang_option, lexicon_dir_option,
                     quiet_option, report_error, report_warning, terminate_like_interrupt, user_errors,
                     warning_reporter)


def score_to_file(inputs, path: Path, resume: bool, quiet: bool, **kwargs):
    """Score into ``path`` (atomically, or appended with ``resume``) under its lock; errors to ``path``'s error list."""
    errors_file = errors_path(path)
    with output_lock(path):
        if resume:
            # appended document by document: a crash loses at most the line being
            # written (dropped by the next --resume), never the finished ones
            done = prepare_resume(path)
            with open(path, "a", encoding="utf-8") as out:
                run = score_paths(inputs, out, skip_ids=done, **kwargs)
        else:
            done = []
            with atomic_write(path) as out:
                run = score_paths(inputs, out, **kwargs)
        saved = write_errors(errors_file, run.errors)
    if not saved:
        report_warning(f"{errors_file} was not written by framing: left as it is, this run's errors are not in it")
    if not quiet:
        click.echo(f"framing: {run.n_documents} document(s) written to {path}"
                   + (f", {len(done)} kept from before" if done else "")
                   + (f"; {len(run.errors)} failed" + (f" (see {errors_file})" if saved else "")
                      if run.errors else ""), err=True)
    return run


def run_dask(inputs, fmt, output, include_text, resume, jobs, scheduler, backend, lexicon_dirs, actors, debug,
             quiet=False):
    """``--engine dask``: JSONL shards in, one JSONL shard per input file out (in the -o directory)."""
    if fmt != "jsonl" or not output:
        fail("--engine dask needs --format jsonl and -o DIRECTORY (one output shard per input file)")
    if resume:
        fail("--resume is not available with --engine dask")
    with user_errors(debug):
        try:
            from ..distributed import score_jsonl_shards
            from ..parallel import resolve_jobs
            from ..resources import default_config

            scheduler = scheduler or ("processes" if jobs != 1 else "synchronous")
            summary = score_jsonl_shards(list(inputs), output, scheduler=scheduler, include_text=include_text,
                                         config=default_config(lexicon_dirs, actors, backend),
                                         num_workers=resolve_jobs(jobs))
        except ImportError as e:
            fail(str(e))
    if not quiet:
        click.echo(f"framing: {summary['documents']} document(s) written to {output} "
                   f"({len(summary['shards'])} shard(s))"
                   + (f"; {summary['errors']} failed (see {output}/errors.jsonl)" if summary["errors"] else ""),
                   err=True)
    sys.exit(1 if summary["errors"] else 0)


@click.command("score")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: readable summary; jsonl: the JSON contract, one object per document; csv: one row of features per document.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (atomically) instead of stdout.")
@click.option("--include-text", is_flag=True, help="Add each document's analysed text to the JSONL output.")
@click.option("--resume", is_flag=True, help="With -o and --format jsonl: append to the output, skipping documents already in it "
                   "(restart a crashed or interrupted run; a cut-off last line is dropped and redone).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes (0 = all cores); output is identical and in input order.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: score JSONL shards on a dask cluster (needs framing[dask]); -o is then an output directory.")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: dask.distributed scheduler address (tcp://host:8786); default: --jobs local processes.")
@lang_option
@quiet_option
@backend_option
@lexicon_dir_option
@actors_option
@debug_option
def command(inputs, fmt, output, include_text, resume, jobs, engine, scheduler, lang, quiet, backend, lexicon_dirs,
            actors, debug):
    """Score INPUT files, directories, or - (stdin) for framing features.

    Inputs: .txt (any encoding), .html pages, .jsonl (one {"text": ...} per
    line), .conllu, and directories of them, with an optional manifest.csv
    giving outlet, date and title per file.
    """
    def on_error(err):
        report_error(str(err))

    terminate_like_interrupt()
    if engine == "dask":
        run_dask(inputs, fmt, output, include_text, resume, jobs, scheduler, backend, lexicon_dirs, actors, debug,
                 quiet)
        return
    # progress on a terminal's stderr, unless the results themselves go to that terminal
    show = not quiet and is_terminal(sys.stderr) and (bool(output) or not is_terminal(sys.stdout))
    progress = Progress(count_documents(inputs) if show else None, enabled=show)
    kwargs = dict(format=fmt, backend=backend, lexicon_dirs=lexicon_dirs, actors=actors, lang=lang,
                  include_text=include_text, on_error=on_error, on_warning=warning_reporter(quiet), jobs=jobs,
                  progress=progress)
    interrupted = "interrupted; " + ("the documents already written are kept: run again with --resume"
                                     if resume and output else "any previous output file is left as it was")
    with user_errors(debug, interrupted):
        if output:  # wrong arguments fail before any resource is built
            if resume and fmt != "jsonl":
                fail("--resume needs --format jsonl")
            check_output_file(output, inputs)
        settle(default_config(lexicon_dirs, actors, backend), jobs)
        try:
            if output:
                run = score_to_file(inputs, Path(output), resume, quiet, **kwargs)
            else:
                color = fmt == "text" and sys.stdout.isatty()
                run = score_paths(inputs, sys.stdout, color=color, **kwargs)
        except BrokenPipeError:  # the reader went away (``| head``): stop quietly, like other Unix tools
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
    sys.exit(1 if run.errors else 0)
