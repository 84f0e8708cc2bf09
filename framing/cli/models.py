"""``framing models``: fetch and check stanza's French models (for ``--backend stanza``)."""
from __future__ import annotations

import sys

import click

from .common import fail

model_dir_option = click.option(
    "--model-dir", type=click.Path(file_okay=False),
    help="stanza resources directory (default: $STANZA_RESOURCES_DIR or stanza's standard one).")


@click.group("models")
def command() -> None:
    """Manage the optional stanza models used by --backend stanza."""


@command.command("download")
@click.argument("lang", type=click.Choice(["fr"]))
@model_dir_option
def download(lang: str, model_dir: str | None) -> None:
    """Download stanza's LANG pipeline (tokenize, mwt, pos, lemma, depparse, ner).

    Needs the internet once; afterwards --backend stanza runs offline.
    """
    from ..backends.stanza_backend import INSTALL_HINT, PROCESSORS, default_model_dir, missing_models

    try:
        import stanza
    except ImportError:
        fail(INSTALL_HINT)
    root = model_dir or str(default_model_dir())
    try:
        stanza.download(lang, model_dir=root, processors=",".join(PROCESSORS), logging_level="WARN")
    except Exception as e:  # network down, disk full: one line, no traceback
        fail(f"could not download stanza's {lang} models into {root} ({type(e).__name__}: {e})")
    missing = missing_models(root, lang)
    if missing:
        fail(f"download finished but {', '.join(missing)} still missing in {root}")
    click.echo(f"framing: stanza {lang} models ready in {root}", err=True)


@command.command("status")
@model_dir_option
def status(model_dir: str | None) -> None:
    """Say whether stanza and its French models are installed (exit 1 if not)."""
    from ..backends.stanza_backend import INSTALL_HINT, default_model_dir, missing_models, models_missing_message

    try:
        import stanza  # noqa: F401
    except ImportError:
        fail(INSTALL_HINT)
    missing = missing_models(model_dir)
    if missing:
        fail(models_missing_message(model_dir) + f" (missing: {', '.join(missing)})")
    click.echo(f"stanza French models: ready in {model_dir or default_model_dir()}")
    sys.exit(0)
