#!/usr/bin/env python3
"""Inter-annotator agreement on the doubly annotated articles of a blind set.

In set 4, annotator B (``tests/fixtures/oos_gold/fourth/second_annotator``) annotated 8
of the 36 articles independently of the primary annotators (``fourth/dev``,
``fourth/test``); in set 6 (set 5's test half), annotator E2
(``sixth/second_annotator``) annotated 6 of its 18 articles; in set 7, annotator G7F
(``seventh/second_annotator``) annotated 6 of its 23; in set 8, annotator G8G
(``eighth/second_annotator``) annotated 6 of its 24; in set 9, annotator G9B
(``ninth/second_annotator``) annotated 5 of its 22; in set 10, annotator G10A7
(``tenth/second_annotator``) annotated 6 of its 30; in set 11, annotator G11A7
(``eleventh/second_annotator``) annotated 6 of its 30 (the annotators are models of one family:
their agreement overstates what two human annotators reach).
Spans are matched as the toolkit is scored (overlap, one-to-one, per unit); F1 is
symmetric, so neither annotator is taken as the reference. Attributes are compared
on matched spans as the toolkit's scores compare them (``framing.evaluate.same_attribute``).
Works from the stand-off offsets alone: no article text is needed.

Usage::

    python tools/annotator_agreement.py [--set fourth|sixth|seventh|eighth|ninth|tenth|eleventh] [--format json]
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from framing.evaluate import same_attribute

OOS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "oos_gold"
FOURTH = OOS / "fourth"
COMPARED_ATTRIBUTES = ("speaker", "camp", "stance", "target", "stype", "cat")


def _units(span: dict) -> list[str]:
    units = [span["label"]]
    if span["label"] == "HEDGE":
        units.append("HEDGE:" + span["attrs"].get("type", ""))
    return units


def _primary(doc: str, folder: Path = FOURTH) -> dict:
    for half in ("dev", "test"):
        path = folder / half / f"{doc}.spans.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    raise FileNotFoundError(f"{doc}: no primary annotation in {folder}")


def _match(first: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """Overlapping pairs, one-to-one, in the order of ``second``."""
    used, pairs = set(), []
    for b in second:
        for i, a in enumerate(first):
            if i not in used and a["start"] < b["end"] and b["start"] < a["end"]:
                used.add(i)
                pairs.append((a, b))
                break
    return pairs


def agreement(fourth: Path = FOURTH) -> dict:
    """Per unit: spans of each annotator, matches and F1; per (unit, attribute): agreement."""
    counts = defaultdict(lambda: [0, 0, 0])
    attrs = defaultdict(lambda: [0, 0])
    docs = sorted((fourth / "second_annotator").glob("*.spans.json"))
    for path in docs:
        second = json.loads(path.read_text(encoding="utf-8"))
        first = _primary(second["doc"], fourth)
        assert first["sha256"] == second["sha256"], path.name
        a_spans, b_spans = first["spans"], second["spans"]
        for unit in {u for s in a_spans + b_spans for u in _units(s)}:
            a = [s for s in a_spans if unit in _units(s)]
            b = [s for s in b_spans if unit in _units(s)]
            pairs = _match(a, b)
            c = counts[unit]
            c[0], c[1], c[2] = c[0] + len(pairs), c[1] + len(a), c[2] + len(b)
            for sa, sb in pairs:
                for key in COMPARED_ATTRIBUTES:
                    if key in sa["attrs"] and key in sb["attrs"]:
                        attrs[f"{unit} {key}"][0] += same_attribute(key, sa["attrs"][key], sb["attrs"][key])
                        attrs[f"{unit} {key}"][1] += 1
    return {
        "documents": len(docs),
        "units": {u: {"a": na, "b": nb, "matched": tp, "f1": round(2 * tp / (na + nb), 3)}
                  for u, (tp, na, nb) in sorted(counts.items())},
        "attributes": {k: {"agreement": round(ok / n, 3), "n": n} for k, (ok, n) in sorted(attrs.items())},
    }


def main(argv: list[str]) -> None:
    folder = OOS / argv[argv.index("--set") + 1] if "--set" in argv else FOURTH
    result = agreement(folder)
    if "--format" in argv and "json" in argv:
        print(json.dumps(result, indent=1))
        return
    print(f"Agreement of two blind annotators on {result['documents']} articles")
    print(f"{'unit':16s} {'A':>4s} {'B':>4s} {'match':>5s} {'F1':>6s}")
    for unit, c in result["units"].items():
        print(f"{unit:16s} {c['a']:4d} {c['b']:4d} {c['matched']:5d} {c['f1']:6.3f}")
    for key, a in result["attributes"].items():
        print(f"{key}: {a['agreement']:.2f} (n={a['n']})")


if __name__ == "__main__":
    main(sys.argv[1:])
