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
    from ..spans import Span

    try:
        gold = load_gold(gold_paths)
        if not gold:
            fail("no gold documents found (expected .json or .conllu files)")
        predictions = None
        if inputs:
            predictions = {}
            for item in inputs:
                p = Path(item)
                if p.suffix == ".jsonl" and _is_scored(p):
                    for line in p.read_text(encoding="utf-8").splitlines():
                        if line.strip():
                            d = json.loads(line)
                            predictions[str(d["id"])] = [Span.from_dict(s) for s in d.get("spans", [])]
                else:
                    for a in analyze_paths([item], backend=backend, lexicon_dirs=lexicon_dirs, actors=actors,
                                           on_error=lambda e: report_error(str(e))):
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
    sys.exit(0)


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
