"""The ``framing`` command line: thin click wrappers over the library.

Each command lives in its own module of this package and is registered in
:data:`COMMANDS`.
"""
from __future__ import annotations

import importlib
import sys

import click

from .. import __version__

#: modules of this package defining one command each (attribute ``command``)
COMMANDS = ("score", "evaluate", "compare", "show", "models", "lexicons", "train_stance")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="framing")
def cli() -> None:
    """Measure how French news frames a story.

    Score articles for hedging, certainty, loaded vocabulary, attribution,
    quotes, speakers and stance; every number is traceable to the words that
    caused it.
    """


for _name in COMMANDS:
    try:
        _module = importlib.import_module(f"{__name__}.{_name}")
    except ImportError as _e:  # pragma: no cover - a broken optional command must not break the CLI
        print(f"framing: command {_name!r} unavailable ({_e})", file=sys.stderr)
        continue
    cli.add_command(_module.command)


def main() -> None:
    cli(prog_name="framing")
