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
quiet_option = click.option("-q", "--quiet", is_flag=True,
                            help="Print errors only: no progress, warnings or closing summary on stderr.")
lang_option = click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
                           help="Language of the output's prose and labels.")


def report_error(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    click.echo(f"framing: error: {message}", err=True)


def report_warning(message: str) -> None:
    """One warning line on stderr (a problem that did not stop anything: exit status unchanged)."""
    click.echo(f"framing: warning: {message}", err=True)


def warning_reporter(quiet: bool):
    """The ``on_warning`` callback of a command: one stderr line per warning, none with ``--quiet``."""
    return (lambda w: None) if quiet else (lambda w: report_warning(str(w)))


def _terminate(signum, frame):  # SIGTERM: unwind like Ctrl-C, so temporary files and locks are removed
    raise KeyboardInterrupt


def terminate_like_interrupt() -> None:
    """Make SIGTERM unwind like Ctrl-C (exit 130, temporary output removed) in this process."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)


def fail(message: str, code: int = 1) -> NoReturn:
    report_error(message)
    sys.exit(code)


@contextlib.contextmanager
def user_errors(debug: bool, interrupted: str = "interrupted") -> Iterator[None]:
    """Turn what escapes a command into one line on stderr.

    A backend that cannot run (missing models) or an output framing must not
    write (:class:`framing.files.OutputRefused`) exits 1 with its message; Ctrl-C
    exits 130 with ``interrupted``; any other exception exits 1 naming it, or
    raises with its traceback under ``--debug``.
    """
    from ..backends import BackendError
    from ..files import OutputRefused

    try:
        yield
    except (BackendError, OutputRefused) as e:
        fail(str(e))
    except KeyboardInterrupt:
        fail(interrupted, 130)
    except Exception as e:
        if debug:
            raise
        fail(f"{type(e).__name__}: {e} (run with --debug for a traceback)")
