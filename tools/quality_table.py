#!/usr/bin/env python3
"""Print the README's "Measured quality" table from ``framing/data/gold_scores.json``.

The table and the comparative report then show the same numbers, both read from
the file ``tools/refresh_gold_scores.py`` records::

    python tools/quality_table.py [--lang en]

One row per gold set (the seed gold, each blind set, the still-blind sets pooled):
F1 per label, LOADED precision in brackets, attribute accuracy on matched spans.
Rows of sets that are still blind are in bold.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

SCORES = Path(__file__).resolve().parent.parent / "framing" / "data" / "gold_scores.json"
HEADER = ("| set | docs / spans | QUOTE | ATTR | IQUOTE | HEDGE | scare | LOADED (P) | QUOTE speaker | IQUOTE speaker "
          "| ATTR stype | QUOTE camp | IQUOTE camp | QUOTE stance | IQUOTE stance |")
ATTRIBUTES = ("QUOTE.speaker", "IQUOTE.speaker", "ATTR.stype", "QUOTE.camp", "IQUOTE.camp", "QUOTE.stance",
              "IQUOTE.stance")


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def row(name: str, scores: dict, bold: bool = False) -> str:
    """One Markdown row of the table for a set's recorded scores."""
    labels, units, attrs = scores["labels"], scores["units"], scores["attributes"]

    def f1(table: dict, key: str) -> float | None:
        return table[key]["f1"] if key in table else None

    loaded = units.get("LOADED")
    loaded_cell = "—" if loaded is None else f"{loaded['f1']:.2f} ({loaded['precision']:.2f})"
    cells = [f"{scores['n_documents']} / {scores['n_spans']}", _cell(f1(units, "QUOTE")), _cell(f1(units, "ATTR")),
             _cell(f1(units, "IQUOTE")), _cell(f1(labels, "HEDGE")), _cell(f1(units, "HEDGE:scare")), loaded_cell]
    cells += [_cell(attrs[a]["accuracy"]) if a in attrs else "—" for a in ATTRIBUTES]
    title = f"**{name}**" if bold else name
    return "| " + " | ".join([title, *cells]) + " |"


def table(lang: str = "en") -> str:
    data = json.loads(SCORES.read_text(encoding="utf-8"))
    lines = [HEADER, "|---|" + "---:|" * 14]
    lines.append(row(f"{data['in_sample']['name'][lang]} (in sample)", data["in_sample"]))
    for s in data["out_of_sample"]["sets"]:
        state = "blind" if s["blind"] else "development"
        lines.append(row(f"{s['name'][lang]} ({state})", s, bold=s["blind"]))
    pooled = data["out_of_sample"]["pooled"]
    lines.append(row(pooled["name"][lang], pooled, bold=True))
    return "\n".join(lines)


if __name__ == "__main__":
    print(table("fr" if "--lang" in sys.argv and "fr" in sys.argv else "en"))
