"""Options and error reporting shared by the commands."""
from __future__ import annotations

import sys

import click

backend_option = click.option("--backend", type=click.Choice(["builtin", "stanza"]), default="builtin",
                              show_default=True, help="Parsing pipeline.")
lexicon_dir_option = click.option("--lexicon-dir", "lexicon_dirs", multiple=True,
                                  type=click.Path(exists=True, file_okay=False),
                                  help="Directory of user lexicons adding to or overriding the shipped ones (repeatable).")
actors_option = click.option("--actors", type=click.Path(exists=True, dir_okay=False),
                             help="Actors file replacing the shipped lexicons/actors.tsv (another conflict).")
debug_option = click.option("--debug", is_flag=True, help="Show tracebacks of unexpected errors.")


def report_error(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    click.echo(f"framing: error: {message}", err=True)


def fail(message: str, code: int = 1) -> "NoReturn":  # noqa: F821
    report_error(message)
    sys.exit(code)
