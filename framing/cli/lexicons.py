"""``framing lexicons list|check``: what lexicons are loaded, and are user files valid."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import fail


def lexicon_table(lexicon_dirs=()) -> list[dict]:
    """One row per shipped lexicon (merged with user files) and per extra user file.

    Parameters
    ----------
    lexicon_dirs : sequence of path-like
        User lexicon directories, as given to ``--lexicon-dir``.

    Returns
    -------
    list of dict
        ``name``, ``file``, ``entries``, ``version``, ``license``, ``sha256``
        (12 hex digits) and ``status`` (``shipped``, ``shipped+user`` when a
        user file adds to or overrides it, ``user (not used)`` for a user file
        no component reads).
    """
    from ..lexicons import iter_lexicon_files, load_lexicon, parse_lexicon, shipped_dir

    rows = []
    shipped = {p.stem for p in iter_lexicon_files(shipped_dir())}
    for name in sorted(shipped):
        lex = load_lexicon(name, lexicon_dirs)
        row = lex.describe()
        row["status"] = "shipped+user" if "+" in lex.path else "shipped"
        rows.append(row)
    for d in lexicon_dirs:
        for p in iter_lexicon_files(d):
            if p.stem not in shipped:
                row = parse_lexicon(p.read_text(encoding="utf-8-sig"), str(p)).describe()
                row["status"] = "user (not used)"
                rows.append(row)
    return rows


def entry_validators() -> dict:
    """Row checks by lexicon name (loaded categories, polarity range)."""
    from ..lexicons import validate_polarity_entry

    validators = {"polarity": validate_polarity_entry}
    try:
        from ..extract.loaded import LEXICONS, validate_entry
    except ImportError:  # pragma: no cover - a broken extractor must not break validation
        return validators
    validators.update(dict.fromkeys(LEXICONS, validate_entry))
    return validators


@click.group("lexicons")
def command() -> None:
    """Show the loaded lexicons, or validate lexicon files."""


@command.command("list")
@click.option("--lexicon-dir", "lexicon_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="User lexicon directory, as for score/evaluate (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_command(lexicon_dirs, fmt) -> None:
    """Each lexicon: file, entries, version, licence and a short hash."""
    from ..lexicons import LexiconError

    try:
        rows = lexicon_table(lexicon_dirs)
    except LexiconError as e:
        fail(f"{e} (run `framing lexicons check` on the directory)")
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    width = max((len(r["name"]) for r in rows), default=4)
    click.echo(f"{'name':<{width}}  {'entries':>7}  {'version':<8} {'license':<12} {'sha256':<12}  file")
    for r in rows:
        licence = r["license"].split(" ")[0][:12]
        shown = r["file"] if "+" in r["file"] or r["status"].startswith("user") else Path(r["file"]).name
        click.echo(f"{r['name']:<{width}}  {r['entries']:>7}  {r['version'][:8]:<8} {licence:<12} "
                   f"{r['sha256']:<12}  {shown}" + ("" if r["status"] == "shipped" else f"  [{r['status']}]"))


@command.command("check")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
def check_command(directory) -> None:
    """Validate every .tsv lexicon in DIRECTORY; errors as file:line: message.

    Exit status 1 when any file has an error.
    """
    from ..lexicons import check_directory, iter_lexicon_files

    files = list(iter_lexicon_files(directory))
    errors = check_directory(directory, entry_validators())
    for e in errors:
        click.echo(e)
    if errors:
        click.echo(f"{len(errors)} error(s) in {len(files)} file(s)", err=True)
        sys.exit(1)
    click.echo(f"{len(files)} file(s) OK", err=True)
