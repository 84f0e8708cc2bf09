"""Build benchmark corpora by resampling real French news texts.

The texts of ``seeds/`` (and ``../shared/corpus/texts/`` when present) are
copied, cycled in a fixed shuffled order, into JSONL corpora of N documents,
each copy with a distinct id. No prose is generated: every document is one of
the real articles, so throughput figures reflect real news text.

Usage::

    python benchmarks/make_corpus.py                 # 1k, 10k and 100k documents
    python benchmarks/make_corpus.py --sizes 150 1500 --out benchmarks/out
"""
from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "texts")
DEFAULT_OUT = ROOT / "benchmarks" / "out"


def load_texts(sources=SOURCES) -> list[dict]:
    """The real articles available: ``{"name", "text", "outlet"?, "title"?, "date"?}``."""
    texts = []
    for folder in sources:
        if not folder.is_dir():
            continue
        meta = {}
        manifest = folder / "manifest.csv"
        if manifest.is_file():
            with manifest.open(encoding="utf-8-sig", newline="") as f:
                meta = {row["file"]: row for row in csv.DictReader(f)}
        for path in sorted(folder.glob("*.txt")):
            row = meta.get(path.name, {})
            item = {"name": path.stem, "text": path.read_text(encoding="utf-8")}
            item.update({k: row[k] for k in ("outlet", "date", "title") if row.get(k)})
            texts.append(item)
    if not texts:
        raise SystemExit("no source texts found in " + ", ".join(map(str, sources)))
    return texts


def write_corpus(texts: list[dict], n: int, path: Path, seed: int = 0) -> dict:
    """Write ``n`` documents resampled from ``texts`` to ``path`` (JSONL); return stats."""
    rng = random.Random(seed)
    order = list(range(len(texts)))
    words = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for k in range(n):
            if k % len(order) == 0:
                rng.shuffle(order)
            src = texts[order[k % len(order)]]
            doc = {"id": f"{src['name']}#{k:06d}", "text": src["text"]}
            doc.update({key: src[key] for key in ("outlet", "date", "title") if key in src})
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
            words += len(src["text"].split())
    return {"path": str(path), "documents": n, "whitespace_words": words}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    texts = load_texts()
    print(f"{len(texts)} source articles")
    for n in args.sizes:
        stats = write_corpus(texts, n, args.out / f"corpus_{n}.jsonl", args.seed)
        print(f"{stats['path']}: {n} documents, {stats['whitespace_words']} words")


if __name__ == "__main__":
    main()
