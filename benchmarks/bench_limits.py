"""Peak memory on single large documents and the cost of many groups (issue 21, items 17 and 18).

Two measurements, each a whole ``framing`` process run under ``/usr/bin/time -v``
(its "Maximum resident set size" is the peak memory):

* ``large``: one document of 1, 2, 10 and 20 MB of real French news text (the
  articles of ``seeds/`` and ``../shared/corpus/texts/`` repeated, paragraph
  after paragraph) and ones of 2 and 15 MB of tiny one-word lines, scored with
  ``framing score FILE --format jsonl -o OUT``. Prints size, exit status,
  wall time, peak RSS and the one-line message of a refused document;
* ``groups``: ``framing compare`` on N one-document outlets (default 300,
  each a real article): wall time, peak RSS, and the sizes of
  ``summary.json`` and ``pairwise.csv``;
* ``pairwise``: the statistics alone (``compute_statistics``) in this process
  on N one-document groups carrying real articles' features: pair rows, time,
  peak memory and the size of the pairs as JSON and CSV.

The texts are generated under a temporary folder and deleted afterwards;
nothing is written to the repository. Set ``PYTHONPATH`` to measure another
checkout with the same interpreter (e.g. the previous commit, exported with
``git archive``), and run from outside the repository so that ``-c`` does not
import the working tree's ``framing`` first. ``FRAMING_MAX_CHARS`` applies as usual.

Usage::

    python benchmarks/bench_limits.py large --sizes 1 10 20
    python benchmarks/bench_limits.py groups --groups 300
    python benchmarks/bench_limits.py pairwise --groups 300
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import load_texts  # noqa: E402  (benchmarks/ is not a package)

FRAMING = [sys.executable, "-c", "from framing.cli import main; main()"]
MB = 1_000_000


def large_text(n_bytes: int) -> str:
    """Real article paragraphs repeated until the UTF-8 text reaches ``n_bytes``."""
    paragraphs = [p.strip() for t in load_texts() for p in t["text"].split("\n") if p.strip()]
    parts, size, k = [], 0, 0
    while size < n_bytes:
        p = paragraphs[k % len(paragraphs)]
        parts.append(p)
        size += len(p.encode("utf-8")) + 2
        k += 1
    return "\n\n".join(parts)


def tiny_lines(n_bytes: int) -> str:
    """One short word per line: the many-sentences worst case."""
    words = ("oui", "non", "peut-être", "selon", "aurait", "guerre", "paix")
    line_count = n_bytes // 7
    return "\n".join(words[i % len(words)] for i in range(line_count))


def measure(cmd: list[str]) -> dict:
    """Run ``cmd`` under ``/usr/bin/time -v``: wall seconds, peak RSS (MB), exit status, stderr tail."""
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    own = [line for line in r.stderr.splitlines() if line.startswith("framing:")]
    return {"wall_s": round(wall, 1), "peak_mb": round(int(m.group(1)) / 1024) if m else None,
            "rc": r.returncode, "message": own[0] if own else "",
            "stderr_tail": " | ".join(r.stderr.splitlines()[-3:])}


def run_large(sizes: list[float], tiny_sizes: list[float], tmp: Path) -> None:
    print(f"{'document':<28}{'chars':>12}{'rc':>4}{'wall s':>9}{'peak MB':>9}  message")
    cases = [(f"{s:g} MB French text", large_text(int(s * MB))) for s in sizes]
    cases += [(f"{s:g} MB of one-word lines", tiny_lines(int(s * MB))) for s in tiny_sizes]
    for name, text in cases:
        path = tmp / "big.txt"
        path.write_text(text, encoding="utf-8")
        chars = len(text)
        del text
        r = measure([*FRAMING, "score", str(path), "--format", "jsonl", "-o", str(tmp / "big.jsonl")])
        print(f"{name:<28}{chars:>12,}{r['rc']:>4}{r['wall_s']:>9}{r['peak_mb']:>9}  {r['message']}", flush=True)


def run_groups(n_groups: int, tmp: Path) -> None:
    texts = load_texts()
    corpus = tmp / "outlets.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i in range(n_groups):
            doc = {"id": f"d{i:04d}", "outlet": f"Outlet {i:04d}", "text": texts[i % len(texts)]["text"]}
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    out = tmp / "report"
    r = measure([*FRAMING, "compare", str(corpus), "-o", str(out), "--force"])
    if not (out / "pairwise.csv").exists():  # the run failed: say how, not a traceback here
        print(f"{n_groups} one-document outlets: rc {r['rc']}, wall {r['wall_s']} s, peak {r['peak_mb']} MB, "
              f"no report written: {r['message'] or r['stderr_tail']}")
        return
    sizes = {name: (out / name).stat().st_size / MB for name in ("summary.json", "pairwise.csv")}
    rows = sum(1 for _ in (out / "pairwise.csv").open(encoding="utf-8")) - 1
    print(f"{n_groups} one-document outlets: rc {r['rc']}, wall {r['wall_s']} s, peak {r['peak_mb']} MB, "
          f"summary.json {sizes['summary.json']:.2f} MB, pairwise.csv {sizes['pairwise.csv']:.2f} MB "
          f"({rows:,} rows) {r['message']}")


def run_pairwise(n_groups: int) -> None:
    """The statistics alone, in this process: one-document groups with the features of real articles."""
    import csv
    import io
    import resource

    from framing import analyze
    from framing.compare import DocRecord, compute_statistics, feature_names

    texts = load_texts()
    analysed = [analyze(t["text"]) for t in texts]
    docs = [DocRecord(id=f"d{i:04d}", source="-", group=f"Outlet {i:04d}", meta={}, n_words=a.n_words,
                      n_sentences=a.n_sentences, features=dict(a.features), row={})
            for i, a in enumerate(analysed[i % len(analysed)] for i in range(n_groups))]
    features = feature_names(docs)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    _, pairs, *_ = compute_statistics(docs, features)
    pairs_json = len(json.dumps([p.to_dict() for p in pairs]).encode()) / MB
    buf = io.StringIO()
    csv.writer(buf).writerows([list(p.to_dict().values()) for p in pairs])
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n_groups} one-document groups, statistics only: {len(pairs):,} pair rows, {wall:.1f} s, "
          f"peak {peak:.0f} MB ({peak - base:+.0f} MB over the analysed texts), pairs in summary.json "
          f"{pairs_json:.1f} MB, pairwise.csv {len(buf.getvalue().encode()) / MB:.1f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    big = sub.add_parser("large", help="peak memory of one large document")
    big.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 10, 20], help="sizes in MB")
    big.add_argument("--tiny", type=float, nargs="*", default=[2, 15], help="sizes in MB of one-word-line texts")
    many = sub.add_parser("groups", help="compare with many one-document groups")
    many.add_argument("--groups", type=int, default=300)
    stat = sub.add_parser("pairwise", help="the statistics alone on N one-document groups (in process)")
    stat.add_argument("--groups", type=int, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        if args.what == "large":
            run_large(args.sizes, args.tiny, Path(tmp))
        elif args.what == "groups":
            run_groups(args.groups, Path(tmp))
        else:
            run_pairwise(args.groups)


if __name__ == "__main__":
    main()
