"""Steady-state speed on distinct texts: full analysis against spaCy's blank French tokenizer.

The 746 articles of ``../shared/corpus-b/orangesum_outlets.jsonl`` are all
different (no resampled copies, so no cache of either tool is flattered by
repeats) and short, so per-document overhead counts as it does on real
corpora. Each tool runs in its own process: it reads the texts, warms up on
the first 50, then times one pass over all 746 texts (CPU time of the
process, ``time.process_time``); the two tools alternate, ``--repeat`` times
each, on the same machine in the same run, and the best pass of each is kept
(the machine may be shared). spaCy runs in ``benchmarks/.venv`` (``python -m
venv benchmarks/.venv && benchmarks/.venv/bin/pip install spacy``), or the
interpreter given by ``--spacy-python``.

Usage::

    python benchmarks/bench_distinct.py --repeat 3
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus-b" / "orangesum_outlets.jsonl"
#: where the shared corpus is when the checkout is a worktree below /work/wt (no ../shared beside it)
SHARED_CORPUS = Path("/work/shared/corpus-b/orangesum_outlets.jsonl")
SPACY_PY = HERE / ".venv" / "bin" / "python"

_COMMON = r"""
import json, resource, sys, time
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
"""
_FRAMING = _COMMON + r"""
from framing import analyze
for t in texts[:50]:
    analyze(t)
t0 = time.process_time()
n_spans = sum(len(analyze(t).spans) for t in texts)
cpu = time.process_time() - t0
print(json.dumps({"cpu": cpu, "docs": len(texts), "spans": n_spans,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
_SPACY = _COMMON + r"""
import spacy
nlp = spacy.blank("fr")
for t in texts[:50]:
    nlp(t)
t0 = time.process_time()
n_tokens = sum(len(nlp(t)) for t in texts)
cpu = time.process_time() - t0
print(json.dumps({"cpu": cpu, "docs": len(texts), "tokens": n_tokens,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(python: str, code: str, corpus: Path) -> dict:
    r = subprocess.run([python, "-c", code, str(corpus)], capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def _cpus(runs: list[dict]) -> str:
    return ", ".join(f"{r['cpu']:.2f}" for r in runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=CORPUS if CORPUS.is_file() else SHARED_CORPUS,
                    help="JSONL of distinct texts (default: ../shared/corpus-b/orangesum_outlets.jsonl)")
    ap.add_argument("--spacy-python", type=Path, default=SPACY_PY,
                    help="the interpreter of a venv with spaCy (default: benchmarks/.venv/bin/python)")
    args = ap.parse_args()
    corpus = args.corpus
    if not corpus.is_file():
        print(f"{corpus} not found", file=sys.stderr)
        return 2
    words = sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))
    framing_runs, spacy_runs = [], []
    for _ in range(args.repeat):
        framing_runs.append(run(sys.executable, _FRAMING, corpus))
        if args.spacy_python.exists():
            spacy_runs.append(run(str(args.spacy_python), _SPACY, corpus))
    f = min(framing_runs, key=lambda r: r["cpu"])
    print(f"corpus-b: {f['docs']} distinct texts, {words} words")
    print(f"framing full analysis: {f['cpu']:.2f} s CPU (best of {len(framing_runs)}: "
          f"{_cpus(framing_runs)}), {f['docs'] / f['cpu']:.0f} docs/s, "
          f"{words / f['cpu']:.0f} words/s, peak {f['peak_mb']:.0f} MB")
    if spacy_runs:
        s = min(spacy_runs, key=lambda r: r["cpu"])
        print(f"spaCy blank('fr') tokenizer: {s['cpu']:.2f} s CPU (best of {len(spacy_runs)}: "
              f"{_cpus(spacy_runs)}), peak {s['peak_mb']:.0f} MB")
        print(f"ratio framing / spaCy: {f['cpu'] / s['cpu']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
