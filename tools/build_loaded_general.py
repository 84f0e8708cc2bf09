"""Build the general loaded-vocabulary lexicons from shippable resources (issue 18).

Two files, each with its own source, licence and version:

* ``lexicons/loaded_opinion.tsv`` — opinion and praise adjectives from the
  Pattern/textblob-fr French subjectivity lexicon (``fr-sentiment.xml``,
  PDDL), already shipped converted as ``lexicons/polarity.tsv``: base forms
  (the entry whose lemma is itself) with subjectivity >= :data:`MIN_SUBJECTIVITY`
  and |polarity| >= :data:`MIN_POLARITY`; positive -> ``glorification`` (the
  codebook's praise), negative -> ``pejorative``.
* ``lexicons/loaded_vulgar.tsv`` — vulgar insults from the npm package
  ``french-badwords-list`` (MIT; its list is drawn from Wiktionary's category
  of French insults): plain spellings only (the package adds leet-speak
  variants), ``pejorative`` (the codebook: "vulgar insults are pejorative").

Words the resources list but that news French uses descriptively (homographs,
neutral adjectives that a book-review lexicon rates, legal or political terms)
are left out by :data:`OPINION_EXCLUDED` and :data:`VULGAR_EXCLUDED`, each for
a general reason given there; no word is added or removed because of an
article the toolkit is measured on.

    .venv/bin/python tools/build_loaded_general.py --badwords PATH/list.txt

(``npm pack french-badwords-list`` gives the package; ``list.txt`` is in it.)
Without ``--badwords`` only the opinion file is rebuilt.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.backends.builtin import lemma_of  # noqa: E402
from framing.lexicons import load_lexicon  # noqa: E402

MIN_SUBJECTIVITY = 0.6
MIN_POLARITY = 0.4
BADWORDS_VERSION = "1.0.7"

#: textblob-fr adjectives left out, by reason
OPINION_EXCLUDED = {
    # descriptive in news: relations, states, kinds, rank, law and politics
    "ami", "amie", "amoureux", "ennemi", "hostile", "pacifique", "favorable", "indispensable", "puissant", "ultime",
    "suprême", "préféré", "populaire", "spécial", "spéciale", "riche", "unique", "sérieux", "révolutionnaire",
    "victorieux", "triomphant", "solennel", "funèbre", "fatal", "meurtrier", "meurtrière", "extrême", "complice",
    "suspect", "influent", "dominant", "dominante", "prédominant", "prééminent", "inférieur", "recherché",
    "organisé", "ivre", "saoul", "sexuel", "comique", "romantique", "imposant", "luxueux", "mécontent", "déçu",
    "inconscient", "malheureux", "souriant", "paisible", "enthousiaste", "concentré", "absorbé", "accompli",
    "idéal", "intense", "excessif", "impossible", "inutile", "compliqué", "content", "heureux", "bon", "meilleur",
    "beau", "mal", "pire", "super", "magique", "honorable", "généreux", "précieux", "précieuse", "éclairé",
    "incapable", "fier", "sincère", "gai", "joyeux", "joyeuse", "lumineux", "vigilant", "vigoureux", "valable",
    # homographs: another word with the same spelling
    "cru", "crue", "creux", "croisé", "croisée", "chic", "bête", "vague", "chouette", "girond", "avenant",
    "hasardé", "mouvant", "vivace", "obscur", "livide", "morne", "terne", "éteint", "éprouvé", "forcé",
    # verbs and nouns mis-tagged as adjectives in the source
    "aimer", "adorer", "chérir", "contenter", "croiser", "creuser", "distraire", "dévorer", "ennuyer", "forcer",
    "héler", "impatienter", "mécontenter", "organiser", "parfaire", "plaisanter", "saler", "saouler", "satisfaire",
    "sublimer", "surprendre", "surprise", "soupir", "suspecter", "vaguer", "bavarder", "dominer", "ennui",
    "soi-dire", "dommage", "con", "foutre", "waouh",
    # states and kinds rather than judgements (un passionné de jazz, un air distrait, un ton incrédule)
    # the commonest negative adjective, mostly descriptive in news (mauvais temps, mauvaise passe, mauvaise qualité)
    "mauvais",
    # manner, not judgement (brusquement pris la fuite), and a verb's homograph (il plaisante)
    "brusque", "plaisant",
    "chéri", "distrait", "embarrassé", "ennuyé", "incrédule", "passionné", "pantouflard", "peinard", "accueillant",
}

#: french-badwords-list words left out, by reason
VULGAR_EXCLUDED = {
    # ordinary words or objects first (a sleeve, an acorn, a flask, a bug, a trail, a thick wall ...)
    "manche", "coche", "gland", "gourde", "punaise", "pet", "magot", "minus", "épais", "epais", "pouf", "traînée",
    "trainee", "traînee", "raton", "fumier", "bâtard", "batard", "andouille", "lavette", "crotte", "crotté",
    "courtaud", "gaupe", "croûton", "sale", "bougre", "cul", "couille", "couilles", "bite", "vier", "nique",
    "niquer", "chier", "foutre", "pouf", "chauffard", "rosbif", "fritz", "kraut", "godon", "pourriture",
    "cricri", "niac", "makoume", "makoumé", "porcas", "porcasse", "pisseux", "tebe", "tebé", "pecque",
    "pédale", "pedale", "tapette", "stéarique", "stearique", "emmanche", "emmanché",
    # names of peoples and communities used descriptively in news (Caldoches, Chleuhs, goyim)
    "caldoche", "chleuh", "goï",
    # abbreviations and chat forms (never in news copy as words)
    "fdp", "gdm", "ntm", "pd", "kikoo", "kikou", "michto", "poucav",
    # already in loaded.tsv with a category of their own
    "bouffon", "imbécile", "imbecile", "crétin", "cretin", "débile", "debile", "minable", "misérable", "miserable",
}

_PLAIN = re.compile(r"^[a-zàâäçéèêëîïôöùûüÿœæ' -]+$")


def opinion_rows() -> list[tuple[str, str, float, float]]:
    """(term, cat, polarity, subjectivity) of the selected base forms, sorted."""
    polarity = load_lexicon("polarity")
    from framing.extract.loaded import inflections

    loaded = {e["term"] for e in load_lexicon("loaded").entries}
    loaded |= {f for t in list(loaded) for f in inflections(t)}
    chosen: dict[str, tuple[str, str, float, float]] = {}
    for e in polarity.entries:
        term = e["term"]
        pol, subj = float(e["polarity"]), float(e.get("subjectivity") or 0)
        if subj < MIN_SUBJECTIVITY or abs(pol) < MIN_POLARITY or e.get("pos") not in ("JJ", "NN"):
            continue
        base = lemma_of(term)
        if base != term or base in OPINION_EXCLUDED or base in loaded or " " in base:
            continue
        chosen[base] = (base, "glorification" if pol > 0 else "pejorative", pol, subj)
    return sorted(chosen.values())


def vulgar_rows(path: Path) -> list[str]:
    """Plain lower-case insults of ``french-badwords-list``'s ``list.txt``, sorted."""
    words = {w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines()}
    return sorted(w for w in words if w and _PLAIN.match(w) and w not in VULGAR_EXCLUDED)


def write_opinion(path: Path) -> int:
    rows = opinion_rows()
    head = [
        "# name: loaded_opinion",
        "# source: opinion and praise adjectives selected from lexicons/polarity.tsv, the textblob-fr fr-sentiment.xml"
        " lexicon (Pattern project, https://github.com/sloria/textblob-fr) by Tom De Smedt, Walter Daelemans and"
        " fabelier.org; built by tools/build_loaded_general.py",
        "# license: PDDL-1.0 (Open Data Commons Public Domain Dedication and License, as declared in the source file)",
        "# attribution: Tom De Smedt, Walter Daelemans (CLiPS, University of Antwerp) and fabelier.org",
        "# version: 1.1+framing.1",
        f"# description: base forms with subjectivity >= {MIN_SUBJECTIVITY} and |polarity| >= {MIN_POLARITY};"
        " positive -> glorification (praise), negative -> pejorative; words with descriptive news uses left out"
        " (see the build script). Inflections and -ment adverbs are generated by framing.extract.loaded.",
        "# columns: term\tcat\tmatch\tunless\tnote\tuse",
    ]
    body = [f"{t}\t{cat}\tform\t\tpolarity {pol:+.2f}, subjectivity {subj:.2f}\talways" for t, cat, pol, subj in rows]
    path.write_text("\n".join(head + body) + "\n", encoding="utf-8")
    return len(body)


def write_vulgar(path: Path, source: Path) -> int:
    words = vulgar_rows(source)
    head = [
        "# name: loaded_vulgar",
        f"# source: npm package french-badwords-list {BADWORDS_VERSION} (https://github.com/darwiin/french-badwords-list),"
        " list.txt, plain spellings only; its list is drawn from the French Wiktionary category of insults;"
        " built by tools/build_loaded_general.py",
        "# license: MIT (as declared by the package)",
        "# attribution: darwiin (french-badwords-list), after Maurice Butler's badwords-list",
        f"# version: {BADWORDS_VERSION}+framing.1",
        "# description: vulgar insults, cat pejorative (codebook: vulgar insults are pejorative); homographs and"
        " chat abbreviations left out (see the build script).",
        "# columns: term\tcat\tmatch\tunless\tnote\tuse",
    ]
    body = [f"{w}\tpejorative\tform\t\t\talways" for w in words]
    path.write_text("\n".join(head + body) + "\n", encoding="utf-8")
    return len(body)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--badwords", type=Path, help="list.txt of the npm package french-badwords-list")
    ap.add_argument("--out", type=Path, default=ROOT / "lexicons")
    args = ap.parse_args(argv)
    print("loaded_opinion.tsv:", write_opinion(args.out / "loaded_opinion.tsv"), "entries")
    if args.badwords:
        print("loaded_vulgar.tsv:", write_vulgar(args.out / "loaded_vulgar.tsv", args.badwords), "entries")


if __name__ == "__main__":
    main()
