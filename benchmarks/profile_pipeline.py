"""Profile the analysis pipeline on a benchmark corpus (cProfile, or pyinstrument when installed).

Usage::

    python benchmarks/profile_pipeline.py benchmarks/out/corpus_1000.jsonl [--limit 300] [--sort tottime]
    python benchmarks/profile_pipeline.py CORPUS --stages     # CPU seconds per pipeline stage

Resources are built (and lexicons compiled) before profiling starts, so the
profile shows the per-document cost that dominates a long run.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import pstats
import time
from collections import defaultdict

from framing.analysis import analyze_raw
from framing.ingest import iter_documents
from framing.output import jsonl_line
from framing.resources import default_config


def stage_times(docs, config) -> dict[str, float]:
    """Seconds spent in each part of the pipeline over ``docs``."""
    from framing.analysis import detect_language
    from framing.backends import get_backend
    from framing.cruft import find_cruft
    from framing.extract import STAGES
    from framing.features import FeatureContext, compute_features
    from framing.resources import get_resources
    from framing.spans import sort_spans

    res = get_resources(config)
    backend = get_backend(config.backend)
    t: dict[str, float] = defaultdict(float)
    for raw in docs:
        c = time.process_time()
        doc = backend.parse(raw.text)
        t["parse"] += (n := time.process_time()) - c
        doc.excluded = find_cruft(doc.text)
        t["cruft"] += (c := time.process_time()) - n
        detect_language(doc.text)
        t["language"] += (n := time.process_time()) - c
        spans = []
        for stage in STAGES:
            c = time.process_time()
            spans = stage.function(doc, spans, res)
            t[f"stage:{stage.name}"] += time.process_time() - c
        c = time.process_time()
        spans = sort_spans(s for s in spans if not doc.is_excluded(s.start, s.end))
        n_words = sum(1 for _ in doc.words())
        n_sent = len(doc.analysed_sentences())
        compute_features(FeatureContext(doc, spans, n_words, n_sent))
        t["features"] += time.process_time() - c
    return dict(t)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--top", type=int, default=35)
    ap.add_argument("--stages", action="store_true", help="only print seconds per stage")
    args = ap.parse_args(argv)
    config = default_config()
    docs = list(itertools.islice(iter_documents([args.corpus]), args.limit))
    analyze_raw(docs[0], config)  # warm: build resources, compile lexicons
    if args.stages:
        times = stage_times(docs, config)
        total = sum(times.values())
        for k, v in sorted(times.items(), key=lambda kv: -kv[1]):
            print(f"{k:<22} {v:8.3f} s  {100 * v / total:5.1f} %")
        print(f"{'total':<22} {total:8.3f} s  for {len(docs)} documents")
        return

    def run():
        for raw in docs:
            jsonl_line(analyze_raw(raw, config))

    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None
    if Profiler is not None:
        p = Profiler()
        p.start()
        run()
        p.stop()
        print(p.output_text(unicode=True, color=False, show_all=False))
        return
    prof = cProfile.Profile()
    t0 = time.process_time()
    prof.enable()
    run()
    prof.disable()
    print(f"{len(docs)} documents in {time.process_time() - t0:.2f} s (profiled)")
    s = io.StringIO()
    pstats.Stats(prof, stream=s).sort_stats(args.sort).print_stats(args.top)
    print(s.getvalue())


if __name__ == "__main__":
    main()
