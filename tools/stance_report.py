#!/usr/bin/env python3
"""Stance accuracy with per-class precision/recall and the majority baseline, per gold set.

Usage: ``python tools/stance_report.py GOLD_DIR...`` (one table row per set and label; the
spans are the toolkit's own QUOTE/IQUOTE matched to gold, as ``framing evaluate`` matches them).
"""
from __future__ import annotations

import sys
from pathlib import Path

from framing.stance_training import STANCES, stance_report


def main(paths: list[str]) -> None:
    print("| set | label | n | accuracy | majority (baseline) | " + " | ".join(f"{c} P / R" for c in STANCES) + " |")
    print("|---|---|---:|---:|---|" + "---:|" * len(STANCES))
    for p in paths:
        for label, s in stance_report([p]).items():
            pcs = " | ".join(f"{s['per_class'][c]['precision']:.2f} / {s['per_class'][c]['recall']:.2f}"
                             for c in STANCES)
            print(f"| {Path(p).name} | {label} | {s['n']} | {s['accuracy']:.2f} | "
                  f"{s['majority']} {s['majority_accuracy']:.2f} | {pcs} |")


if __name__ == "__main__":
    main(sys.argv[1:])
