"""Where LOADED recall is lost on gold sets: boundaries, voice, descriptive-use filters (issue 18).

The scorer pairs gold and predicted spans one-to-one by overlap, category
aside, so a missed gold span is either a word the rules never proposed or
one whose boundaries split or merge differently from the gold. For each gold
directory this prints:

- boundary mismatches: a gold span overlapping several predicted spans
  (split) and a predicted span overlapping several gold spans (merged);
- precision of the predicted spans by voice (own, quoted, mentioned) and the
  missed gold spans inside or outside quotation marks;
- the candidates the descriptive-use filters (topic, legal, technical,
  literal, counted, negated) removed, and how many of them the gold marks.

    .venv/bin/python tools/loaded_diagnose.py GOLD_DIR [GOLD_DIR ...] [--list]

``--list`` prints every missed gold span with its context. It is a reading
aid for kinds of misses, never a source of lexicon words (words come from
general resources only).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

Interval = tuple[int, int]


def overlaps(a: Interval, b: Interval) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) > 0


def boundary_mismatches(gold: Sequence[Interval], pred: Sequence[Interval]) -> tuple[int, int]:
    """(split, merged): extra predicted spans inside one gold span, extra gold spans under one prediction.

    >>> boundary_mismatches([(0, 20)], [(0, 5), (10, 15)])
    (1, 0)
    >>> boundary_mismatches([(0, 5), (6, 10)], [(0, 10)])
    (0, 1)
    """
    split = sum(max(0, sum(overlaps(g, p) for p in pred) - 1) for g in gold)
    merged = sum(max(0, sum(overlaps(g, p) for g in gold) - 1) for p in pred)
    return split, merged


def inside(span: Interval, regions: Sequence[Interval]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in regions)


def voice_counts(gold: Sequence[Interval], pred: Sequence[tuple[Interval, str]],
                 regions: Sequence[Interval]) -> Counter:
    """Predicted spans by voice and outcome (tp/fp), missed gold spans inside or outside marks."""
    c: Counter = Counter()
    for span, voice in pred:
        c[f"pred {voice} {'tp' if any(overlaps(span, g) for g in gold) else 'fp'}"] += 1
    for g in gold:
        if not any(overlaps(g, span) for span, _ in pred):
            c[f"missed {'in marks' if inside(g, regions) else 'outside marks'}"] += 1
    return c


def _recording_filters():
    """Wrap the descriptive-use filter so that what it removes is kept for reading."""
    import framing.extract.loaded as loaded

    removed: list[tuple[int, int, str]] = []
    original = loaded.descriptive_uses

    def record(doc, matches, ctx):
        out = original(doc, matches, ctx)
        for k, reason in out.items():
            m = matches[k]
            removed.append((doc.tokens[m.first].start, doc.tokens[m.last - 1].end, str(reason).split(":")[0]))
        return out

    loaded.descriptive_uses = record
    return removed


def diagnose(path: Path, listing: bool) -> Counter:
    from framing.analysis import analyze
    from framing.evaluate import load_gold
    from framing.extract.loaded import quotation_mark_regions

    removed = _recording_filters()
    totals: Counter = Counter()
    for g in load_gold([path]):
        removed.clear()
        spans = [s for s in analyze(g.text, id=g.id).spans if s.key == "LOADED"]
        gold = [(s.start, s.end) for s in g.spans if s.key == "LOADED"]
        pred = [((s.start, s.end), s.attrs.get("voice", "own")) for s in spans]
        split, merged = boundary_mismatches(gold, [p for p, _ in pred])
        totals.update({"split": split, "merged": merged})
        totals.update(voice_counts(gold, pred, quotation_mark_regions(g.text)))
        for a, b, reason in removed:
            totals[f"filtered {reason} {'gold' if any(overlaps((a, b), x) for x in gold) else 'not gold'}"] += 1
        if listing:
            for x in gold:
                if not any(overlaps(x, p) for p, _ in pred):
                    print(f"  {g.id}: …{g.text[max(0, x[0] - 40):x[0]]}[{g.text[x[0]:x[1]]}]{g.text[x[1]:x[1] + 30]}…"
                          .replace("\n", " "))
    return totals


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--list", action="store_true", help="print every missed gold span")
    args = ap.parse_args(argv)
    for path in args.gold:
        print(path)
        for key, n in sorted(diagnose(path, args.list).items()):
            print(f"  {key:<28}{n:>5}")


if __name__ == "__main__":
    main()
