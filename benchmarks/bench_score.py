"""Throughput and memory of ``framing score``, with spaCy's blank French tokenizer as a reference.

For each corpus size (made by ``make_corpus.py`` from the real texts when
missing) this measures, in the same run and on the same machine:

* ``framing score --format jsonl CORPUS -o OUT`` with ``--jobs 1`` and
  ``--jobs 2``: wall time of the whole process (start-up, reading, full
  analysis with every detector, writing), documents/s, words/s, peak memory;
* the same analysis in-process after warm-up (steady-state, no start-up);
* spaCy's blank French pipeline (``spacy.blank("fr")``: tokenizer only) over
  the same texts, read from the same JSONL, in its own environment
  (``benchmarks/.venv``, created with ``python -m venv benchmarks/.venv &&
  benchmarks/.venv/bin/pip install spacy``): whole process and steady-state;
* streaming: peak memory of ``framing score`` on 150 and on 1,500 documents.

Words are whitespace-separated tokens of the texts (the same count for both
tools). Peak memory is the maximum resident set size of the largest process
(``getrusage`` of the children; with ``--jobs 2`` each worker is a separate
process). Each timing is the best of ``--repeat`` runs, since the machine may be
shared. Results go to stdout and, as a Markdown table, to ``benchmarks/RESULTS.md``.

Usage::

    python benchmarks/bench_score.py                    # 1,000 documents
    python benchmarks/bench_score.py --sizes 1000 10000 --repeat 3
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PROJECT_PY = Path(sys.executable)
SPACY_PY = HERE / ".venv" / "bin" / "python"
FRAMING = [str(PROJECT_PY.parent / "framing")] if (PROJECT_PY.parent / "framing").exists() else [
    str(PROJECT_PY), "-c", "from framing.cli import main; main()"]

# Runs a command and prints its wall time and the peak RSS of its process tree's largest process.
_MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "peak_kb": ru.ru_maxrss, "rc": r.returncode, "stdout": r.stdout.decode()[-2000:],
                  "stderr": r.stderr.decode()[-2000:]}))
"""

# spaCy reference: read the JSONL, tokenise every text with the blank French pipeline.
_SPACY = r"""
import json, sys, time
t0 = time.perf_counter()
import spacy
nlp = spacy.blank("fr")
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
nlp("Préchauffage du tokenizer : l'armée aurait déployé 12 000 soldats.")
t1, c1 = time.perf_counter(), time.process_time()
n = 0
for doc in nlp.pipe(texts, batch_size=64):
    n += len(doc)
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"steady": t2 - t1, "steady_cpu": c2 - c1, "tokens": n, "startup": t1 - t0}))
"""

# framing steady state: the same work as `score --format jsonl`, in-process, after warm-up.
_FRAMING_STEADY = r"""
import json, sys, time
from framing.analysis import analyze_raw
from framing.ingest import iter_documents
from framing.output import jsonl_line
from framing.parallel import settle
from framing.resources import default_config
config = default_config()
docs = list(iter_documents([sys.argv[1]]))
settle(config)  # as framing score does
t, c = time.perf_counter(), time.process_time()
n = 0
for raw in docs:
    n += len(jsonl_line(analyze_raw(raw, config)))
steady, steady_cpu = time.perf_counter() - t, time.process_time() - c
from framing.backends.builtin import BuiltinBackend
backend = BuiltinBackend()
t, c = time.perf_counter(), time.process_time()
for raw in docs:
    backend.parse(raw.text)
print(json.dumps({"steady": steady, "steady_cpu": steady_cpu, "chars_out": n,
                  "parse": time.perf_counter() - t, "parse_cpu": time.process_time() - c}))
"""


def measure(cmd: list[str]) -> dict:
    out = subprocess.run([str(PROJECT_PY), "-c", _MEASURE, *cmd], capture_output=True, text=True, check=True)
    res = json.loads(out.stdout)
    if res["rc"] != 0 and "document(s) written" not in res["stderr"]:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{res['stderr']}")
    return res


def best(runs: list[dict], key: str = "wall") -> dict:
    return min(runs, key=lambda r: r[key])


def corpus(n: int) -> Path:
    path = OUT / f"corpus_{n}.jsonl"
    if not path.exists():
        subprocess.run([str(PROJECT_PY), str(HERE / "make_corpus.py"), "--sizes", str(n), "--out", str(OUT)],
                       check=True, stdout=subprocess.DEVNULL)
    return path


def corpus_words(path: Path) -> tuple[int, int]:
    docs = words = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs += 1
                words += len(json.loads(line)["text"].split())
    return docs, words


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cpu": cpu, "cores": cores, "memory": mem, "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()}"}


def spacy_version() -> str | None:
    if not SPACY_PY.exists():
        return None
    r = subprocess.run([str(SPACY_PY), "-c", "import spacy; print(spacy.__version__)"], capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else None


def run_size(n: int, repeat: int, jobs: list[int], tmp: Path, with_spacy: bool) -> dict:
    path = corpus(n)
    docs, words = corpus_words(path)
    row: dict = {"documents": docs, "words": words}
    # framing and spaCy runs alternate (round after round), so that a slow spell of
    # a shared machine does not fall on one side only; the best round of each counts
    framing_runs: dict[int, list[dict]] = {j: [] for j in jobs}
    sp_runs: list[dict] = []
    for _ in range(repeat):
        for j in jobs:
            framing_runs[j].append(measure([*FRAMING, "score", "--format", "jsonl", "--jobs", str(j), str(path),
                                            "-o", str(tmp / f"out_{n}_{j}.jsonl")]))
        if with_spacy:
            m = measure([str(SPACY_PY), "-c", _SPACY, str(path)])
            sp_runs.append({"wall": m["wall"], "cpu": m["cpu"], "peak_kb": m["peak_kb"], **json.loads(m["stdout"])})
    for j in jobs:
        runs = framing_runs[j]
        b = best(runs)
        row[f"jobs{j}"] = {"wall": b["wall"], "cpu": min(r["cpu"] for r in runs),
                           "peak_kb": max(r["peak_kb"] for r in runs)}
        print(f"  framing score --jobs {j}: {b['wall']:.2f} s wall, {docs / b['wall']:.0f} docs/s, "
              f"{words / b['wall']:.0f} words/s, peak {row[f'jobs{j}']['peak_kb'] / 1024:.0f} MB", flush=True)
    if len(jobs) > 1:
        outs = [(tmp / f"out_{n}_{j}.jsonl").read_bytes() for j in jobs]
        row["identical"] = all(o == outs[0] for o in outs)
    steady = [json.loads(subprocess.run([str(PROJECT_PY), "-c", _FRAMING_STEADY, str(path)], capture_output=True,
                                        text=True, check=True).stdout) for _ in range(repeat)]
    row["framing_steady"] = {"wall": min(x["steady"] for x in steady), "cpu": min(x["steady_cpu"] for x in steady)}
    row["builtin_parse"] = {"wall": min(x["parse"] for x in steady), "cpu": min(x["parse_cpu"] for x in steady)}
    print(f"  framing steady state (in-process, after warm-up): {row['framing_steady']['wall']:.2f} s wall, "
          f"{row['framing_steady']['cpu']:.2f} s CPU", flush=True)
    if with_spacy:
        row["spacy"] = {"wall": min(r["wall"] for r in sp_runs), "cpu": min(r["cpu"] for r in sp_runs),
                        "steady": {"wall": min(r["steady"] for r in sp_runs),
                                   "cpu": min(r["steady_cpu"] for r in sp_runs)},
                        "peak_kb": max(r["peak_kb"] for r in sp_runs), "tokens": sp_runs[0]["tokens"]}
        print(f"  spaCy blank('fr') tokenizer: {row['spacy']['wall']:.2f} s whole process, "
              f"{row['spacy']['steady']['wall']:.2f} s steady state", flush=True)
    return row


def memory_test(tmp: Path, repeat: int) -> dict:
    res = {}
    for n in (150, 1500):
        path = corpus(n)
        runs = [measure([*FRAMING, "score", "--format", "jsonl", str(path), "-o", str(tmp / f"mem_{n}.jsonl")])
                for _ in range(repeat)]
        res[n] = max(r["peak_kb"] for r in runs)
        print(f"  peak memory, {n} documents: {res[n] / 1024:.1f} MB", flush=True)
    res["ratio"] = res[1500] / res[150]
    return res


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _row(d: int, w: int, what: str, wall: float, cpu: float | None, peak_kb: float | None) -> str:
    cpu_s = f"{cpu:.2f}" if cpu is not None else ""
    peak = f"{peak_kb / 1024:.0f}" if peak_kb else ""
    return f"| {d:,} | {w:,} | {what} | {wall:.2f} | {cpu_s} | {d / wall:,.0f} | {w / wall:,.0f} | {peak} |"


def markdown(info: dict, rows: dict, mem: dict, jobs: list[int]) -> str:
    m = info["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {info['date']} by `benchmarks/bench_score.py` (best of {info['repeat']} run(s)).",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['os']}, Python {m['python']}"
        + (f"; spaCy {info['spacy']}" if info.get("spacy") else "") + ".",
        f"Load average (1, 5, 15 min) at start / end: {info['load_start']} / {info['load_end']}"
        + (" — the machine was shared with other jobs during the run, so wall times are pessimistic;"
           " CPU times are less affected" if info.get("shared") else "") + ".",
        "",
        "Corpora: real French news articles (`seeds/` and the shared corpus) resampled with distinct ids "
        "(`benchmarks/make_corpus.py`). Words: whitespace-separated tokens. Documents/s and words/s "
        "are computed from wall time; CPU is user + system time of all the processes of a run. *Whole process*: start-up, reading the JSONL, analysis, writing. "
        "*Steady state*: the analysis loop alone, after warm-up.",
        "",
        "| documents | words | run | wall (s) | CPU (s) | documents/s | words/s | peak memory (MB) |",
        "|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for n, r in rows.items():
        d, w = r["documents"], r["words"]
        for j in jobs:
            x = r[f"jobs{j}"]
            lines.append(_row(d, w, f"`framing score --format jsonl --jobs {j}` (all detectors), whole process",
                              x["wall"], x["cpu"], x["peak_kb"]))
        fs = r["framing_steady"]
        lines.append(_row(d, w, "framing, all detectors + JSON output, steady state", fs["wall"], fs["cpu"], None))
        bp = r.get("builtin_parse")
        if bp:
            lines.append(_row(d, w, "framing builtin pipeline only (tokens, sentences, lemmas), steady state",
                              bp["wall"], bp["cpu"], None))
        if "spacy" in r:
            s = r["spacy"]
            lines.append(_row(d, w, "spaCy `blank(\"fr\")` tokenizer, whole process", s["wall"], s["cpu"], s["peak_kb"]))
            lines.append(_row(d, w, "spaCy `blank(\"fr\")` tokenizer, steady state",
                              s["steady"]["wall"], s["steady"]["cpu"], None))
    lines += ["", "Targets:", ""]
    for n, r in rows.items():
        if "spacy" in r:
            s, fs, j1 = r["spacy"], r["framing_steady"], r["jobs1"]
            lines.append(f"- {r['documents']:,} documents, time ratio framing (all detectors) / spaCy blank French "
                         f"tokenizer (target ≤ 1.0): whole process {j1['wall'] / s['wall']:.2f} wall, "
                         f"{j1['cpu'] / s['cpu']:.2f} CPU; steady state {fs['wall'] / s['steady']['wall']:.2f} wall, "
                         f"{fs['cpu'] / s['steady']['cpu']:.2f} CPU.")
            if r.get("builtin_parse"):
                lines.append(f"- For reference, framing's builtin tokenizer + sentence splitter + lemmas alone / spaCy "
                             f"blank French tokenizer, steady state: {r['builtin_parse']['cpu'] / s['steady']['cpu']:.2f} CPU.")
        if 1 in jobs and 2 in jobs:
            lines.append(f"- {r['documents']:,} documents, `--jobs 2` speed-up over `--jobs 1` (target ≥ 1.5×): "
                         f"{r['jobs1']['wall'] / r['jobs2']['wall']:.2f}×"
                         + ("; outputs byte-identical." if r.get("identical") else "; OUTPUTS DIFFER."))
    if mem:
        lines.append(f"- Streaming (target ≤ 1.3): peak memory {mem[150] / 1024:.1f} MB for 150 documents, "
                     f"{mem[1500] / 1024:.1f} MB for 1,500: ratio {mem['ratio']:.2f}.")
    if info.get("shared") and info.get("autogroup"):
        lines += ["", "Note: Linux autogroup scheduling is on, and other sessions were using the CPUs: the "
                  "processes of one session (here the benchmark, all its `--jobs` workers included) share "
                  "one session's slice, so a parallel speed-up cannot show until the machine is idle."]
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--no-memory", action="store_true")
    ap.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--render", type=Path, metavar="JSON",
                    help="only rewrite the results table from a saved benchmarks/out/bench_last.json")
    args = ap.parse_args(argv)
    if args.render:
        saved = json.loads(args.render.read_text())
        info, mem = saved["info"], {int(k) if k.isdigit() else k: v for k, v in saved["memory"].items()}
        try:
            info.setdefault("autogroup", Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1")
        except OSError:
            pass
        args.results.write_text(markdown(info, saved["rows"], mem, args.jobs), encoding="utf-8")
        print(args.results.read_text())
        return
    sp = None if args.no_spacy else spacy_version()
    if not args.no_spacy and sp is None:
        print("spaCy reference skipped: create benchmarks/.venv and pip install spacy into it", file=sys.stderr)
    info = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
            "spacy": sp, "repeat": args.repeat, "load_start": load()}
    print(f"machine: {info['machine']}; load {info['load_start']}")
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            print(f"{n} documents:")
            rows[n] = run_size(n, args.repeat, args.jobs, Path(tmp), sp is not None)
        mem = {} if args.no_memory else (print("memory:") or memory_test(Path(tmp), args.repeat))
    info["load_end"] = load()
    try:
        info["autogroup"] = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        info["autogroup"] = False
    info["shared"] = any(float(x.split()[0]) > 0.5 for x in (info["load_start"], info["load_end"]) if x != "?")
    text = markdown(info, rows, mem, args.jobs)
    args.results.write_text(text, encoding="utf-8")
    print()
    print(text)
    (OUT / "bench_last.json").write_text(json.dumps({"info": info, "rows": rows, "memory": mem}, indent=1))


if __name__ == "__main__":
    main()
