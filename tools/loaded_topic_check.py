"""Do own-voice loaded-word rates follow the topic or the outlet? (issue 18)

Scores every article of a corpus-b style JSONL file (``outlet``,
``orange_category``, ``text``) and prints, for each category, the own-voice,
quoted and mentioned LOADED rates per 1,000 words of each outlet (pooled:
spans / words of the group), so outlets are compared within one topic.

    .venv/bin/python tools/loaded_topic_check.py ../shared/corpus-b/orangesum_outlets.jsonl \
        [--min-docs 8] [--spans own.tsv] [--lexicon-dir DIR]

``--lexicon-dir`` adds a user lexicon directory (files named like the shipped
ones), so a candidate resource can be checked before it is shipped.

``--spans`` writes every own-voice span (id, outlet, category, cat, term,
context) for reading; it is a development aid, never a source of lexicon
words (issue 18: words come from general resources only).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from framing import analyze  # noqa: E402

VOICES = ("own", "quoted", "mentioned")


def score(path: str, lexicon_dirs: tuple[str, ...] = ()) -> list[dict]:
    """One row per article: outlet, category, words, LOADED counts by voice, own spans."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            a = analyze(art["text"], id=art["id"], lexicon_dirs=lexicon_dirs)
            counts = dict.fromkeys(VOICES, 0)
            own = []
            for s in a.spans:
                if s.label != "LOADED":
                    continue
                voice = s.attrs.get("voice", "own")
                counts[voice] = counts.get(voice, 0) + 1
                if voice == "own":
                    ctx = art["text"][max(0, s.start - 50):s.end + 50].replace("\n", " ")
                    own.append((s.attrs.get("cat"), s.attrs.get("term"), s.text, ctx))
            rows.append({"id": art["id"], "outlet": art["outlet"], "cat": art.get("orange_category", ""),
                         "words": a.features.get("n_words") or a.to_dict()["n_words"], **counts, "own_spans": own})
    return rows


def table(rows: list[dict], min_docs: int) -> str:
    """Pooled rates per 1,000 words by category and outlet (groups of at least ``min_docs``)."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["cat"], r["outlet"])].append(r)
        groups[(r["cat"], "(all)")].append(r)
        groups[("(all)", r["outlet"])].append(r)
    out = [f"{'category':10} {'outlet':22} {'docs':>5} {'words':>7} {'own':>6} {'quoted':>7} {'mentioned':>9}"]
    for (cat, outlet), rs in sorted(groups.items()):
        if len(rs) < min_docs:
            continue
        words = sum(r["words"] for r in rs) or 1
        rates = [1000 * sum(r[v] for r in rs) / words for v in VOICES]
        out.append(f"{cat:10} {outlet:22} {len(rs):5d} {words:7d} {rates[0]:6.2f} {rates[1]:7.2f} {rates[2]:9.2f}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("jsonl")
    ap.add_argument("--min-docs", type=int, default=8)
    ap.add_argument("--spans", help="write own-voice spans to this TSV file")
    ap.add_argument("--lexicon-dir", action="append", default=[], help="user lexicon directory (repeatable)")
    args = ap.parse_args(argv)
    rows = score(args.jsonl, tuple(args.lexicon_dir))
    print(table(rows, args.min_docs))
    if args.spans:
        with open(args.spans, "w", encoding="utf-8") as fh:
            for r in rows:
                for cat, term, text, ctx in r["own_spans"]:
                    fh.write("\t".join([r["id"], r["outlet"], r["cat"], cat or "", term or "", text, ctx]) + "\n")


if __name__ == "__main__":
    main()
