"""``framing train-stance``: train and cross-validate the optional stance classifier."""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import sys
from pathlib import Path

import click

from .common import actors_option, debug_option, fail, lexicon_dir_option


@click.command("train-stance")
@click.argument("gold_paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the trained model here (name it stance_model.json inside a --lexicon-dir to use it).")
@click.option("--C", "C", type=float, default=0.1, show_default=True, help="Inverse regularisation strength.")
@click.option("--force", is_flag=True, help="Write the model even when it does not beat the rules under cross-validation.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lexicon_dir_option
@actors_option
@debug_option
def command(gold_paths, output, C, force, fmt, lexicon_dirs, actors, debug):
    """Train a stance classifier on annotated quotes (codebook gold JSON files or directories).

    Reports leave-one-document-out accuracy of the classifier and of the rules
    on the same quotes. A model is written (-o) only when it beats the rules,
    unless --force; it records the training files and their SHA-256.
    """
    from ..evaluate import load_gold
    from ..stance_training import cross_validate, gold_examples, train_model
    from ..resources import default_config, get_resources

    try:
        res = get_resources(default_config(lexicon_dirs, actors))
        examples = gold_examples(list(gold_paths), res)
        if len({d for _, _, d in examples}) < 2:
            fail("need annotated quotes from at least two documents (cross-validation is by document)")
        cv = cross_validate(examples, C)
        files = []
        for p in gold_paths:
            p = Path(p)
            for f in (sorted(p.glob("*.json")) if p.is_dir() else [p]):
                files.append({"file": f.name, "sha256": hashlib.sha256(f.read_bytes()).hexdigest()[:16]})
        beats = cv["classifier_accuracy"] > cv["rules_accuracy"]
        written = False
        if output and (beats or force):
            import sklearn

            from .. import __version__

            prov = {"trained": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
                    "framing": __version__, "sklearn": sklearn.__version__, "training_files": files,
                    "n_documents": len(load_gold(list(gold_paths))), "n_quotes": len(examples),
                    "cross_validation": {k: v for k, v in cv.items() if k != "folds"}}
            train_model(examples, C, prov).save(output)
            written = True
    except SystemExit:
        raise
    except Exception as e:
        if debug:
            raise
        fail(f"{type(e).__name__}: {e}")
    if fmt == "json":
        click.echo(json.dumps({**cv, "model_written": written, "output": output if written else None}, indent=1))
    else:
        click.echo(f"{cv['n']} quotes, leave-one-document-out ({len(cv['folds'])} folds), C={C}")
        click.echo(f"  classifier accuracy {cv['classifier_accuracy']:.3f}")
        click.echo(f"  rules accuracy      {cv['rules_accuracy']:.3f}")
        if output and not written:
            click.echo("model not written: it does not beat the rules (use --force to write it anyway)")
        elif written:
            click.echo(f"model written to {output}")
    sys.exit(0)
