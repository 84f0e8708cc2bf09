"""``framing show``: the teaching view of one or two articles."""
from __future__ import annotations

import sys

import click

from .common import (actors_option, backend_option, debug_option, fail, lexicon_dir_option, quiet_option,
                     report_error, terminate_like_interrupt, user_errors)


@click.command("show")
@click.argument("inputs", nargs=-1, required=True, metavar="ARTICLE...")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="HTML page to write (self-contained).")
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
              help="Language of the explanations and labels.")
@quiet_option
@backend_option
@lexicon_dir_option
@actors_option
@debug_option
def command(inputs, output, lang, quiet, backend, lexicon_dirs, actors, debug):
    """Write an HTML page showing ARTICLE(s) with every cue highlighted and explained.

    One article: the annotated text, a legend and a summary of its measures.
    Two articles (e.g. the same event in two outlets): side by side.
    Hover over or Tab to a highlighted passage to read why it is flagged.
    """
    from ..files import check_output_file
    from ..show import show_paths

    terminate_like_interrupt()
    with user_errors(debug, "interrupted; any previous page is left as it was"):
        check_output_file(output, inputs)  # never write the page over an article
        run = show_paths(inputs, output, lang=lang, backend=backend, lexicon_dirs=lexicon_dirs, actors=actors,
                         on_error=lambda e: report_error(str(e)))
    if not run.n_documents:
        fail("no document to show")
    if not quiet:
        click.echo(f"framing: {run.n_documents} document(s) shown in {output}", err=True)
    sys.exit(1 if run.errors else 0)
