"""``framing evaluate``: measure the detectors against gold annotations."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import actors_option, backend_option, debug_option, fail, lexicon_dir_option, report_error


@click.command("evaluate")
@click.option("--gold", "gold_paths", multiple=True, required=True, type=click.Path(exists=True),
              help="Gold: codebook JSON files, UD CoNLL-U files (HEDGE type=cond only), or directories of them. Repeatable.")
@click.argument("inputs", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--errors", "show_errors", type=int, default=0, metavar="N",
              help="Also list up to N missed, spurious and mis-attributed spans per unit.")
@backend_option
@lexicon_dir_option
@actors_option
@debug_option
def command(gold_paths, inputs, fmt, show_errors, backend, lexicon_dirs, actors, debug):
    """Score the toolkit's spans against gold annotations.

    With no INPUT, each gold document's own text is analysed. With INPUT
    (documents, or a JSONL of already scored documents), predictions are
    matched to gold files by id.
    """
    from ..analysis import analyze_paths
    from ..evaluate import evaluate, load_gold

    failed = []

    def bad_input(err) -> None:  # one line naming the file (and line); the other files go on
        failed.append(err)
        report_error(str(err))

    try:
        gold = load_gold(gold_paths, on_error=bad_input)
        if not gold:
            fail(f"no usable gold document ({len(failed)} file(s) rejected)" if failed else
                 "no gold documents found (expected .json or .conllu files)")
        predictions = None
        if inputs:
            predictions = {}
            for item in inputs:
                p = Path(item)
                if p.suffix == ".jsonl" and _is_scored(p):
                    predictions.update(_read_scored(p, bad_input))
                else:
                    for a in analyze_paths([item], backend=backend, lexicon_dirs=lexicon_dirs, actors=actors,
                                           on_error=bad_input):
                        predictions[a.id] = a.spans
            missing = [g.id for g in gold if g.id not in predictions]
            if missing:
                report_error(f"no prediction for {len(missing)} gold document(s) ({', '.join(missing[:3])}…): analysing their gold text")
        ev = evaluate(gold, predictions, backend=backend, lexicon_dirs=lexicon_dirs, actors=actors)
    except Exception as e:
        if debug:
            raise
        fail(f"{type(e).__name__}: {e}")
    if fmt == "json":
        click.echo(json.dumps(ev.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(ev.render())
        if show_errors:
            by_unit: dict[str, list[str]] = {}
            for unit, desc in ev.errors:
                by_unit.setdefault(unit, []).append(desc)
            for unit in sorted(by_unit):
                click.echo(f"\n{unit}:")
                for desc in by_unit[unit][:show_errors]:
                    click.echo(f"  {desc}")
    sys.exit(1 if failed else 0)


def _read_scored(path: Path, on_error) -> dict[str, list]:
    """Spans by document id from a scored JSONL; a bad line is reported (file:line) and skipped."""
    from ..evaluate import GoldError
    from ..spans import Span

    out = {}
    with path.open(encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                out[str(d["id"])] = [Span.from_dict(s) for s in d.get("spans") or []]
            except (ValueError, KeyError, TypeError, AttributeError) as e:
                on_error(GoldError(str(path), f"not a scored document ({type(e).__name__}: {e})", n))
    return out


def _is_scored(path: Path) -> bool:
    """A JSONL of scored documents (has "spans") rather than raw documents."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    return "spans" in json.loads(line)
                except ValueError:
                    return False
    return False
