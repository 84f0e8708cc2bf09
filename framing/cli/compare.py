"""``framing compare``: the comparative report over groups of documents."""
from __future__ import annotations

import sys

import click

from .common import (actors_option, backend_option, debug_option, fail, lexicon_dir_option, quiet_option,
                     report_error, terminate_like_interrupt, user_errors, warning_reporter)


@click.command("compare")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False), metavar="OUTDIR",
              help="Output directory (report.html, report.md and charts, features.csv, spans.jsonl, summary.json, pairwise.csv).")
@click.option("--group-by", default="outlet", show_default=True,
              help="Metadata key defining the groups: outlet, site, author, any manifest/JSONL column; year or month (from date).")
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
              help="Language of the report's prose and labels.")
@click.option("--force", is_flag=True,
              help="Replace a non-empty output directory framing wrote (never a folder framing did not write).")
@click.option("--seed", type=int, default=None, help="Random seed of the bootstrap, permutations and cross-validation (reported).")
@click.option("--resamples", type=click.IntRange(100, 100000), default=None,
              help="Bootstrap resamples (default 1000).")
@click.option("--permutations", type=click.IntRange(99, 1000000), default=None,
              help="Random relabellings for permutation tests too large to enumerate (default 9999).")
@click.option("--gold", type=click.Path(exists=True, file_okay=False),
              help="Gold directory for the detectors' measured precision/recall (default: ../shared/gold if present, else the committed scores).")
@click.option("--within", metavar="KEY", default=None,
              help="Compare groups within strata of a metadata key (category, section…) or within stories (story): "
                   "stratum-weighted means, permutation tests relabelling only inside strata.")
@click.option("--dedupe", is_flag=True,
              help="Keep one document per copy set (identical or near-copy texts): the earliest, or the first read.")
@click.option("--reproducible", is_flag=True,
              help="Leave out what changes from run to run (start time, duration, source commit): the same inputs "
                   "give byte-identical files (for a report kept under version control).")
@quiet_option
@backend_option
@lexicon_dir_option
@actors_option
@debug_option
def command(inputs, outdir, group_by, lang, force, seed, resamples, permutations, gold, within, dedupe, reproducible,
            quiet, backend, lexicon_dirs, actors, debug):
    """Compare how groups of documents (outlets by default) frame a story.

    INPUT files, directories (with an optional manifest.csv giving outlet,
    date and title per file) or - (stdin), as for `framing score`. Writes a
    self-contained report.html, report.md with its charts, features.csv (one
    row per document), spans.jsonl (the JSONL contract), summary.json,
    pairwise.csv, stories.csv, copies.csv and foreign_words.csv into OUTDIR,
    atomically.
    """
    from ..compare import (DEFAULT_PERMUTATIONS, DEFAULT_RESAMPLES, DEFAULT_SEED, NoDocuments, NoStratum,
                           OutdirNotEmpty, UnknownGroupKey, compare_paths)
    from ..files import output_lock

    terminate_like_interrupt()
    with user_errors(debug, "interrupted; any previous output directory is left as it was"):
        try:
            with output_lock(outdir):  # one run at a time per output directory
                result = compare_paths(
                    inputs, outdir, group_by=group_by, lang=lang, force=force,
                    seed=DEFAULT_SEED if seed is None else seed,
                    n_resamples=resamples or DEFAULT_RESAMPLES, n_permutations=permutations or DEFAULT_PERMUTATIONS,
                    backend=backend, lexicon_dirs=lexicon_dirs, actors=actors, gold=gold,
                    on_error=lambda e: report_error(str(e)), on_warning=warning_reporter(quiet),
                    progress=not quiet and sys.stderr.isatty(), within=within, dedupe=dedupe,
                    reproducible=reproducible)
        except (OutdirNotEmpty, UnknownGroupKey) as e:
            fail(str(e), 2)
        except (NoDocuments, NoStratum) as e:
            fail(str(e))
    n_groups = len(result.groups)
    if not quiet:
        click.echo(f"framing: {len(result.documents)} document(s) in {n_groups} group(s) compared; "
                   f"report in {result.outdir / 'report.html'}"
                   + (f"; {len(result.errors)} input(s) failed" if result.errors else ""), err=True)
    sys.exit(1 if result.errors else 0)
