"""Options and error reporting shared by the commands."""
from __future__ import annotations

import contextlib
import sys
from typing import Iterator, NoReturn

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


def fail(message: str, code: int = 1) -> NoReturn:
    report_error(message)
    sys.exit(code)


@contextlib.contextmanager
def user_errors(debug: bool, interrupted: str = "interrupted") -> Iterator[None]:
    """Turn what escapes a command into one line on stderr.

    A backend that cannot run (missing models) exits 1 with its message; Ctrl-C
    exits 130 with ``interrupted``; any other exception exits 1 naming it, or
    raises with its traceback under ``--debug``.
    """
    from ..backends import BackendError

    try:
        yield
    except BackendError as e:
        fail(str(e))
    except KeyboardInterrupt:
        fail(interrupted, 130)
    except Exception as e:
        if debug:
            raise
        fail(f"{type(e).__name__}: {e} (run with --debug for a traceback)")
