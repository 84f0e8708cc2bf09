"""``framing compare``: the comparative report over groups of documents."""
from __future__ import annotations

import sys

import click

from .common import (actors_option, backend_option, debug_option, fail, lexicon_dir_option, report_error,
                     user_errors)


@click.command("compare")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False), metavar="OUTDIR",
              help="Output directory (report.html, report.md and charts, features.csv, spans.jsonl, summary.json, pairwise.csv).")
@click.option("--group-by", default="outlet", show_default=True,
              help="Metadata key defining the groups: outlet, site, author, any manifest/JSONL column; year or month (from date).")
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
              help="Language of the report's prose and labels.")
@click.option("--force", is_flag=True, help="Replace the contents of a non-empty output directory.")
@click.option("--seed", type=int, default=None, help="Random seed of the bootstrap, permutations and cross-validation (reported).")
@click.option("--resamples", type=click.IntRange(100, 100000), default=None,
              help="Bootstrap resamples (default 1000).")
@click.option("--permutations", type=click.IntRange(99, 1000000), default=None,
              help="Random relabellings for permutation tests too large to enumerate (default 9999).")
@click.option("--gold", type=click.Path(exists=True, file_okay=False),
              help="Gold directory for the detectors' measured precision/recall (default: ../shared/gold if present, else the committed scores).")
@backend_option
@lexicon_dir_option
@actors_option
@debug_option
def command(inputs, outdir, group_by, lang, force, seed, resamples, permutations, gold, backend,
            lexicon_dirs, actors, debug):
    """Compare how groups of documents (outlets by default) frame a story.

    INPUT files, directories (with an optional manifest.csv giving outlet,
    date and title per file) or - (stdin), as for `framing score`. Writes a
    self-contained report.html, report.md with its charts, features.csv (one
    row per document), spans.jsonl (the JSONL contract), summary.json and
    pairwise.csv into OUTDIR, atomically.
    """
    from ..compare import (DEFAULT_PERMUTATIONS, DEFAULT_RESAMPLES, DEFAULT_SEED, NoDocuments, OutdirNotEmpty,
                           compare_paths)

    with user_errors(debug, "interrupted; any previous output directory is left as it was"):
        try:
            result = compare_paths(
                inputs, outdir, group_by=group_by, lang=lang, force=force,
                seed=DEFAULT_SEED if seed is None else seed,
                n_resamples=resamples or DEFAULT_RESAMPLES, n_permutations=permutations or DEFAULT_PERMUTATIONS,
                backend=backend, lexicon_dirs=lexicon_dirs, actors=actors, gold=gold,
                on_error=lambda e: report_error(str(e)), progress=sys.stderr.isatty())
        except OutdirNotEmpty as e:
            fail(str(e), 2)
        except NoDocuments as e:
            fail(str(e))
    n_groups = len(result.groups)
    click.echo(f"framing: {len(result.documents)} document(s) in {n_groups} group(s) compared; "
               f"report in {result.outdir / 'report.html'}"
               + (f"; {len(result.errors)} input(s) failed" if result.errors else ""), err=True)
    sys.exit(1 if result.errors else 0)
