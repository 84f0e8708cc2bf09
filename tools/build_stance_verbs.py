#!/usr/bin/env python3
"""Build ``lexicons/stance_verbs_verbenet.tsv``: verbs of praise and blame with their polarity.

The members of Verb∋Net's classes of judgement (``judgment-33``: accuser,
féliciter, honorer, punir) and complaint (``complain-37.8``: se lamenter, se
glorifier) say how a speaker judges what they speak of; Verb∋Net does not say
which way. (Its classes of feeling, ``admire-31.2``: adorer, détester, say how
a speaker feels, not what they think of a side, and are left out, as the broad
polarity lexicon is by the rules.) The
polarity is the sign of the verb's valence in the French VADER lexicon
(vaderSentiment-fr), kept when its magnitude reaches :data:`MIN_VALENCE`.
Verbs that Verb∋Net also files under a class of another meaning
("appuyer", "payer", "estimer") are left out, as in
``tools/build_reporting_verbenet.py``; so are verbs without a VADER valence.
The hand-written ``stance_cues.tsv`` keeps priority: this file only adds verbs it lacks.

Usage (both packages are build-time inputs, not runtime dependencies)::

    pip download --no-deps -d /tmp/vn verbenet && unzip -q /tmp/vn/verbenet-*.whl -d /tmp/vn
    pip download --no-deps -d /tmp/vfr vadersentiment-fr==1.3.4 && tar xzf /tmp/vfr/*.tar.gz -C /tmp/vfr
    python tools/build_stance_verbs.py /tmp/vn /tmp/vfr/vaderSentiment_fr-1.3.4/vaderSentiment_fr/fr_lexicon.txt
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_reporting_verbenet import term_of  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "lexicons" / "stance_verbs_verbenet.tsv"
#: Verb∋Net classes (and their subclasses) of verbs that judge what they are about
CLASSES = ("judgment-33", "complain-37.8")
#: the smallest |valence| (VADER scale -4..4) that gives a verb a polarity
MIN_VALENCE = 0.5


def valences(path: Path) -> dict[str, float]:
    """VADER-fr's ``word->valence`` lines."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, sep, value = line.rpartition("->")
        if sep:
            try:
                out[word.strip().lower()] = float(value.split()[0])
            except (ValueError, IndexError):
                continue
    return out


def in_classes(cid: str) -> bool:
    return any(cid == c or cid.startswith(c + "-") for c in CLASSES)


def rows(classes: list[dict], walk, valence: dict[str, float], own: set[str]) -> dict[str, tuple[str, str, float]]:
    members: dict[str, str] = {}
    elsewhere: set[str] = set()
    for top in classes:
        for sub in walk(top):
            names = [term_of((m if isinstance(m, str) else m.get("name", "")).strip())[0] for m in sub["members"]]
            if in_classes(sub["id"]):
                for n in names:
                    members.setdefault(n, sub["id"])
            else:
                elsewhere.update(names)
    out = {}
    for term, cid in members.items():
        v = valence.get(term.removeprefix("se ").removeprefix("s'"))
        if term in own or term in elsewhere or v is None or abs(v) < MIN_VALENCE:
            continue
        out[term] = ("positive" if v > 0 else "negative", cid, v)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("verbenet_dir", help="folder holding the unpacked verbenet package")
    ap.add_argument("vader_lexicon", help="vaderSentiment_fr/fr_lexicon.txt of the vadersentiment-fr package")
    args = ap.parse_args(argv)
    sys.path.insert(0, args.verbenet_dir)
    import verbenet  # noqa: E402 (build-time input only)

    own = {line.split("\t")[0] for line in (ROOT / "lexicons" / "stance_cues.tsv").read_text(encoding="utf-8")
           .splitlines() if line and not line.startswith("#")}
    found = rows(verbenet.load(), verbenet.walk, valences(Path(args.vader_lexicon)), own)
    lines = [
        "# name: stance_verbs_verbenet",
        f"# source: Verb∋Net {verbenet.__version__} (Pradet, Danlos, de Chalendar, Lapalme, L'Homme; PyPI "
        "'verbenet'): members of its classes judgment-33, complain-37.8; polarity: sign of the "
        "valence in vaderSentiment-fr 1.3.4 (PyPI 'vadersentiment-fr', French VADER lexicon after C.J. Hutto); "
        "built by tools/build_stance_verbs.py",
        "# license: CC-BY-SA-4.0 (Verb∋Net members); MIT (VADER valences)",
        f"# version: verbenet-{verbenet.__version__}+vader-fr-1.3.4",
        "# columns: term\tpolarity\tcat\tmatch\tclass\tvalence",
        "# A verb in -er has a second row, its past participle (the lemmatiser files many as adjectives).",
        "# Read with stance_cues.tsv (cat=verb: a verb of praise or blame); the hand-written file wins for",
        f"#   the verbs both hold. Verbs filed elsewhere in Verb∋Net or with |valence| < {MIN_VALENCE} are left out.",
    ]
    for term in sorted(found):
        pol, cid, v = found[term]
        lines.append(f"{term}\t{pol}\tverb\tlemma\t{cid}\t{v:+.1f}")
        if term.endswith("er") and " " not in term:
            # the lemmatiser files many past participles as adjectives ("honoré", "décrié"): matched too
            lines.append(f"{term[:-2]}é\t{pol}\tverb\tlemma\t{cid}\t{v:+.1f}")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(found)} verbs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
