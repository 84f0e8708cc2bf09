#!/usr/bin/env python3
"""Golden outputs: prove that a refactor changes no output.

Runs the toolkit on every input the project has — ``seeds/``, the shared
corpus texts and HTML, ``../shared/corpus-b`` (746 distinct articles), the
hostile fixtures — and records the SHA-256 of each document's JSONL line (and
of the text summary for the seeds), plus every gold score: the seed gold, the
out-of-sample stand-off sets (first to fourth) and the UD conditional gold.

Usage::

    python tests/golden/golden.py record OUT.json     # write the current outputs
    python tests/golden/golden.py compare OLD.json NEW.json   # list what changed

The recorded file holds hashes and scores only (never article text), so it can
be committed; ``tests/test_golden.py`` (marked ``slow``) re-runs the record and
compares it with ``tests/golden/expected.json``.
"""
from __future__ import annotations

import hashlib
import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
OOS = ROOT / "tests" / "fixtures" / "oos_gold"

#: (name, inputs) scored to JSONL; inputs that do not exist are left out
INPUT_SETS = (
    ("seeds", [ROOT / "seeds"]),
    ("shared_texts", [SHARED / "corpus" / "texts"]),
    ("shared_html", [SHARED / "corpus" / "html"]),
    ("corpus_b", [SHARED / "corpus-b" / "orangesum_outlets.jsonl"]),
    ("hostile", sorted(p for p in HOSTILE.iterdir()) if HOSTILE.is_dir() else []),
)
UD_GOLD = (SHARED / "data" / "ud" / "GSD" / "fr_gsd-ud-test.conllu",
           SHARED / "data" / "ud" / "Sequoia" / "fr_sequoia-ud-test.conllu")


def _sha(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:16]


def score_set(inputs, fmt: str = "jsonl") -> dict:
    """One hash per output line (keyed by document id) and the errors, for ``inputs``."""
    from framing.score import score_paths

    inputs = [p for p in inputs if Path(p).exists()]
    if not inputs:
        return {}
    buf = io.StringIO()
    run = score_paths([str(p) for p in inputs], buf, format=fmt)
    # paths relative to the repository and shared/, so records from two checkouts compare
    errors = (str(e).replace(str(ROOT) + "/", "").replace(str(SHARED) + "/", "shared/")
              for e in run.errors)
    out: dict = {"n_documents": run.n_documents, "errors": sorted(errors)}
    if fmt == "jsonl":
        docs = {}
        for line in buf.getvalue().splitlines():
            doc_id = json.loads(line)["id"]
            docs[doc_id] = _sha(line)
        out["documents"] = docs
    else:
        out["sha"] = _sha(buf.getvalue())
    return out


def _load_oos_build():
    import importlib.util

    spec = importlib.util.spec_from_file_location("oos_build", OOS / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.build


def gold_scores() -> dict:
    """Every gold table the project measures against, as :meth:`Evaluation.to_dict`."""
    from framing.evaluate import evaluate, load_gold

    out = {}
    if (SHARED / "gold").is_dir():
        out["seed_gold"] = evaluate(load_gold([SHARED / "gold"])).to_dict()
    build = _load_oos_build()
    for name, source, subset in (("oos_first", "corpus/texts", None), ("oos_second", "corpus/texts", "second"),
                                 ("oos_third", "corpus/html", "third"), ("oos_fourth_dev", "corpus-b", "fourth/dev"),
                                 ("oos_fourth_test", "corpus-b", "fourth/test")):
        if not (SHARED / source).is_dir() or (subset and not (OOS / subset).is_dir()):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            try:
                build(SHARED / source, tmp, subset)
            except ValueError as e:
                out[name] = {"skipped": str(e)}
                continue
            out[name] = evaluate(load_gold([tmp])).to_dict()
    for path in UD_GOLD:
        if path.is_file():
            out["ud_" + path.stem] = evaluate(load_gold([path])).to_dict()
    return out


def record() -> dict:
    result = {name: score_set(inputs) for name, inputs in INPUT_SETS}
    result["seeds_text_summary"] = score_set([ROOT / "seeds"], fmt="text")
    result["gold"] = gold_scores()
    return result


def compare(old: dict, new: dict, path: str = "") -> list[str]:
    """Human-readable differences between two records (empty when identical)."""
    diffs = []
    if isinstance(old, dict) and isinstance(new, dict):
        for k in sorted(set(old) | set(new)):
            p = f"{path}.{k}" if path else k
            if k not in old:
                diffs.append(f"+ {p}: {new[k]!r}"[:300])
            elif k not in new:
                diffs.append(f"- {p}: {old[k]!r}"[:300])
            else:
                diffs += compare(old[k], new[k], p)
    elif old != new:
        diffs.append(f"~ {path}: {old!r} -> {new!r}"[:300])
    return diffs


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "record":
        Path(argv[1]).write_text(json.dumps(record(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        old, new = (json.loads(Path(p).read_text(encoding="utf-8")) for p in argv[1:])
        diffs = compare(old, new)
        print("\n".join(diffs) if diffs else "identical")
        return 1 if diffs else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
