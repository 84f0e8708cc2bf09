#!/usr/bin/env python3
"""Every stance error of the toolkit's QUOTE/IQUOTE spans matched to gold, with the evidence read.

Usage: ``python tools/stance_errors.py [--all] GOLD_DIR...`` prints one block per quote whose
predicted stance differs from gold (``--all``: every matched quote): set, document, label, gold
stance/target/camp, predicted stance/target/method, the speaker camp, the cues the rules summed,
the words before the quote and the quote. ``--tsv`` prints one line per quote instead, for counting.
"""
from __future__ import annotations

import sys
from pathlib import Path

from framing.resources import default_config, get_resources
from framing.stance_training import matched_quotes


def _cues(doc, ev) -> str:
    out = []
    for c in ev.cues + ev.verb_cues:
        sign = "+" if c.polarity > 0 else "-"
        out.append(f"{sign}{doc.tokens[c.token].text}/{c.cat}{'/neg' if c.negated else ''}/{c.source}")
    if ev.denials:
        out.append("denial:" + ",".join(doc.tokens[k + 1].text for k in ev.denials))
    return " ".join(out)


def rows(path: str, res):
    for g, doc, gs, ps, ev, label in matched_quotes([path], res):
        yield {"set": Path(path).name, "doc": g.id, "label": label, "gold": gs.attrs.get("stance"),
               "gtarget": gs.attrs.get("target"), "gcamp": gs.attrs.get("camp"),
               "pred": ps.attrs.get("stance"), "ptarget": ps.attrs.get("target"),
               "method": ps.attrs.get("stance_method"), "pcamp": ps.attrs.get("camp"),
               "relation": ev.relation, "tmethod": ev.target_method, "cues": _cues(doc, ev),
               "before": g.text[max(0, gs.start - 160):gs.start].replace("\n", " / "),
               "text": gs.text.replace("\n", " / ")}


def main(argv: list[str]) -> None:
    show_all, tsv = "--all" in argv, "--tsv" in argv
    res = get_resources(default_config())
    for p in (a for a in argv if not a.startswith("--")):
        for r in rows(p, res):
            if r["gold"] == r["pred"] and not show_all:
                continue
            if tsv:
                print("\t".join(str(r[k]) for k in ("set", "doc", "label", "gold", "pred", "method", "gtarget",
                                                    "ptarget", "gcamp", "pcamp", "relation", "tmethod", "cues", "text")))
                continue
            print(f"== {r['set']} {r['doc']} {r['label']}  gold {r['gold']}->{r['gtarget']} (camp {r['gcamp']})"
                  f"  pred {r['pred']}->{r['ptarget']} [{r['method']}] camp {r['pcamp']} rel {r['relation']}")
            print(f"   cues: {r['cues']}")
            print(f"   …{r['before'][-160:]}")
            print(f"   >> {r['text']}")


if __name__ == "__main__":
    main(sys.argv[1:])
