"""Build ``framing/data/ud_french_forms.tsv``: French word forms seen in Universal Dependencies treebanks.

Used by :mod:`framing.copies` (a word is French when simplemma's French
dictionary or this list knows it: simplemma's dictionary leaves out invariant
words such as *pas*, *dont*, *pays*) and by :mod:`framing.stories` (closed-class
forms are function words, not story terms).

Sources: the dev and test splits of UD_French-GSD, UD_French-ParisStories and
UD_French-Rhapsodie (all CC BY-SA 4.0; Sequoia and PUD are left out for their
other licences). Tokens marked ``Foreign=Yes``, tagged ``X``, ``PROPN``,
``PUNCT``, ``SYM`` or ``NUM``, or holding a digit are skipped; each form keeps
its commonest UPOS tag and its count.

Usage: python tools/build_ud_forms.py ../shared/data/ud [OUT]
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

TREEBANKS = ("GSD", "ParisStories", "Rhapsodie")
SKIP_UPOS = {"X", "PROPN", "PUNCT", "SYM", "NUM", "_"}


def read_forms(ud_dir: Path) -> dict[str, Counter]:
    tags: dict[str, Counter] = defaultdict(Counter)
    for bank in TREEBANKS:
        for path in sorted((ud_dir / bank).glob("*.conllu")):
            for line in path.read_text(encoding="utf-8").splitlines():
                cols = line.split("\t")
                if len(cols) < 6 or not cols[0].isdigit():
                    continue  # comments, multiword ranges (1-2), empty nodes (1.1)
                form, upos, feats = cols[1].lower(), cols[3], cols[5]
                if upos in SKIP_UPOS or "Foreign=Yes" in feats or any(c.isdigit() for c in form):
                    continue
                if not any(c.isalpha() for c in form):
                    continue
                tags[form][upos] += 1
    return tags


def main(argv: list[str]) -> int:
    ud_dir = Path(argv[1] if len(argv) > 1 else "../shared/data/ud")
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parent.parent / "framing" / "data" / "ud_french_forms.tsv"
    tags = read_forms(ud_dir)
    header = [
        "# name: ud_french_forms",
        "# source: Universal Dependencies 2.x, UD_French-GSD, UD_French-ParisStories, UD_French-Rhapsodie "
        "(dev and test splits); built by tools/build_ud_forms.py",
        "# license: CC-BY-SA-4.0",
        "# version: 1.0",
        "# columns: form\tupos\tcount  (lower-cased word forms; upos = the commonest tag)",
    ]
    rows = sorted((f, c.most_common(1)[0][0], sum(c.values())) for f, c in tags.items())
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n")
        f.write("form\tupos\tcount\n")
        for form, upos, n in rows:
            f.write(f"{form}\t{upos}\t{n}\n")
    print(f"{out}: {len(rows)} forms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
