"""``framing train-stance``: train and cross-validate the stance classifier (framing.extract.stance_model)."""
from __future__ import annotations

import json
import sys

import click

from .common import actors_option, debug_option, fail, lexicon_dir_option


@click.command("train-stance")
@click.argument("gold_paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the trained model here (name it stance_model.json inside a --lexicon-dir to use it).")
@click.option("--card", type=click.Path(dir_okay=False), help="Write a Markdown model card here.")
@click.option("--C", "C", type=float, default=0.1, show_default=True, help="Inverse regularisation strength.")
@click.option("--folds", type=int, default=10, show_default=True, help="Cross-validation folds (grouped by document).")
@click.option("--speakers", type=click.Choice(["pipeline", "gold"]), default="pipeline", show_default=True,
              help="Features from the toolkit's own speakers and camps (as at run time) or from the gold ones.")
@click.option("--force", is_flag=True, help="Write the model even when it does not beat the rules under cross-validation.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lexicon_dir_option
@actors_option
@debug_option
def command(gold_paths, output, card, C, folds, speakers, force, fmt, lexicon_dirs, actors, debug):
    """Train a stance classifier on annotated quotes (codebook gold JSON files or directories).

    Reports document-grouped cross-validation of the classifier beside the
    rules and the majority class on the same quotes (accuracy, per-class
    precision and recall). A model is written (-o) only when it beats the
    rules, unless --force; it records the training data and the scores.
    """
    from ..stance_training import model_card, train_and_evaluate
    from ..output import atomic_write
    from ..resources import default_config, get_resources

    try:
        res = get_resources(default_config(lexicon_dirs, actors))
        cv, model = train_and_evaluate(list(gold_paths), C, speakers, folds, res)
        beats = cv["classifier"]["accuracy"] > cv["rules"]["accuracy"]
        written = bool(output and (beats or force))
        if written:
            model.save(output)
        if card:
            with atomic_write(card) as f:
                f.write(model_card(cv, model.provenance))
    except SystemExit:
        raise
    except Exception as e:
        if debug:
            raise
        fail(f"{type(e).__name__}: {e}")
    if fmt == "json":
        click.echo(json.dumps({**cv, "model_written": written, "output": output if written else None}, indent=1))
    else:
        click.echo(f"{cv['n_quotes']} quotes of {cv['n_documents']} documents, {cv['folds']}-fold "
                   f"cross-validation grouped by document, C={C}")
        for name in ("classifier", "rules", "majority"):
            s = cv[name]
            pcs = ", ".join(f"{c} P {v['precision']:.2f} R {v['recall']:.2f}" for c, v in s["per_class"].items())
            click.echo(f"  {name:<10} accuracy {s['accuracy']:.3f}  ({pcs})")
        if output and not written:
            click.echo("model not written: it does not beat the rules (use --force to write it anyway)")
        elif written:
            click.echo(f"model written to {output}")
    sys.exit(0)
