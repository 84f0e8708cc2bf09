#!/usr/bin/env python3
"""Build ``lexicons/reporting_verbs_verbenet.tsv`` from Verb∋Net, a VerbNet-style lexicon of French verbs.

The verbs of communication, judgement, warning, request and belief of
Verb∋Net (Pradet, Danlos, de Chalendar, Lapalme, L'Homme; CC BY-SA 4.0;
PyPI package ``verbenet``) become reporting verbs. Each chosen class gives
its members the lexicon's columns (see ``lexicons/reporting_verbs.tsv``):
stance, what their content is (``que``-clause, direct object, or none for
belief) and how strict their licensing is. Every class is strict: its verbs
are cues only in a frame that takes content (a que-clause, a quotation, a
colon, an infinitive, an inserted clause), or, for judgement verbs, with a
named subject. Irregular past participles are derived from the infinitive.
The hand-written ``reporting_verbs.tsv`` keeps priority: this file only adds
verbs it lacks.

Usage (the package is a build-time input, not a runtime dependency)::

    pip download --no-deps -d /tmp/vn verbenet && unzip -q /tmp/vn/verbenet-*.whl -d /tmp/vn
    python tools/build_reporting_verbenet.py /tmp/vn
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "lexicons" / "reporting_verbs_verbenet.tsv"

#: Verb∋Net class (and its subclasses) -> (verb_stance, iquote, strict)
CLASSES = {
    "transfer_mesg-37.1.1": ("neutral", "que", "yes"),   # dire, affirmer, révéler, rétorquer
    "tell-37.2": ("neutral", "que", "yes"),              # avertir, informer, prévenir
    "manner_speaking-37.3": ("neutral", "que", "yes"),   # murmurer, crier, scander
    "complain-37.8": ("disputing", "que", "yes"),        # se plaindre, râler
    "confess-37.10": ("conceding", "que", "yes"),        # avouer, reconnaître
    "lecture-37.11": ("neutral", "que", "yes"),          # prêcher, témoigner
    "promise-37.13": ("asserting", "que", "yes"),        # assurer, garantir, promettre
    "conjecture-29.5": ("neutral", "que", "yes"),        # constater, juger, prétendre, proclamer
    "characterize-29.2-1": ("neutral", "obj", "yes"),    # décrire, détailler, évoquer, présenter
    "judgment-33-4": ("neutral", "obj", "name"),         # critiquer, condamner, saluer, fustiger
    "urge-58.1": ("neutral", "obj", "yes"),              # appeler à, exhorter, inviter
    "beg-58.2": ("neutral", "obj", "yes"),               # implorer, supplier
    "order-60.1": ("neutral", "obj", "yes"),             # demander, réclamer, ordonner
    "order-60.2": ("neutral", "obj", "yes"),             # enjoindre, prier
    "suspect-81": ("distancing", "obj", "yes"),          # accuser, soupçonner
    "deduce-97.2": ("neutral", "que", "yes"),            # conclure, déduire
    "nonverbal_expression-40.2": ("neutral", "que", "yes"),  # s'exclamer, soupirer, ricaner
    "judgment-33": ("neutral", "obj", "name"),           # remercier, insulter, blâmer, railler
    "talk-37.5": ("neutral", "obj", "name"),             # parler (de X: the topic is its content)
    "estimate-34.2": ("neutral", "que", "content"),      # calculer, supputer: "a calculé que…"
}
#: members of judgment-33 that name a deed, not words ("punir", "payer", "rembourser",
#: "gracier", "maltraiter", "attaquer" a position): left out
NOT_VERBAL_JUDGMENT = frozenset("""absoudre accabler attaquer corriger excuser gracier honorer innocenter
malmener maltraiter pardonner payer pénaliser punir récompenser rembourser sanctifier causer""".split())
# (indicate-78, "Cause indicates Topic": montrer, prouver, démontrer are evidence verbs
# whose subject is mostly a fact or a document, not a speaker: left out)
#: belief and expectation subclasses: ATTR without IQUOTE (codebook)
BELIEF = {"conjecture-29.5-1", "conjecture-29.5-1-1"}
#: subclasses left out: prediction and intention ("la Russie prévoit de déployer"), not a report
LEFT_OUT = {"conjecture-29.5-1-2"}
#: reflexive emotion verbs (marvel-31.3) report a reaction to content: s'inquiéter que, se réjouir de
REFLEXIVE_ONLY = {"marvel-31.3": ("neutral", "que", "yes")}
#: members that name perception or knowledge, not an act of saying or judging
NOT_REPORTING = frozenset("sentir ressentir rêver savoir subodorer rire".split())

#: classes of speaking (the verb names an act of saying whatever its object): a named or
#: pronoun subject licenses them with a plain object too ("elle raconte ses derniers instants",
#: "il a répliqué aux critiques"): strict=name instead of yes
SPEECH = ("transfer_mesg-37.1.1", "tell-37.2", "manner_speaking-37.3", "complain-37.8", "confess-37.10",
          "lecture-37.11")
#: members of those classes whose other, non-speech senses are common in news and missing from
#: Verb∋Net ("développer un projet", "exposer des œuvres", "prévenir un risque", "alerter les
#: secours", "pleurer un mort"), and the verbs of restating whose object is mostly a commitment
#: ("réaffirmer son engagement", "réitérer son soutien"): they keep strict=yes
NOT_SPEECH_OBJECT = frozenset("""développer dévoiler exhiber exposer exprimer manifester motiver prévenir
informer retracer retransmettre moduler corner triller striduler tambouriner vocaliser plancher pleurer
larmoyer divaguer délirer dicter débiter hasarder articuler aviser alerter avertir accorder
réaffirmer réitérer""".split())

#: irregular past participles derived from the infinitive's ending (longest ending first)
_PARTICIPLE_ENDINGS = (("uire", "uit"), ("crire", "crit"), ("ettre", "is"), ("aître", "u"), ("aindre", "aint"),
                       ("eindre", "eint"), ("oindre", "oint"), ("quérir", "quis"), ("oudre", "ous"),
                       ("prendre", "pris"), ("enir", "enu"), ("ouvrir", "ouvert"), ("cevoir", "çu"),
                       ("voir", "vu"), ("oire", "u"), ("lire", "lu"), ("rire", "ri"), ("dire", "dit"),
                       ("dre", "du"), ("ire", "it"))


def participle(lemma: str) -> str:
    """The irregular past participle of ``lemma`` ('' for regular -er/-ir verbs)."""
    if lemma.endswith("er"):
        return ""
    for ending, pp in _PARTICIPLE_ENDINGS:
        if lemma.endswith(ending):
            return lemma[: -len(ending)] + pp
    return ""


def term_of(member: str) -> tuple[str, bool]:
    """Verb∋Net writes reflexives as ``inquiéter s'`` / ``rappeler se``: → ``s'inquiéter``, True."""
    parts = member.split()
    if len(parts) == 2 and parts[1] in ("se", "s'"):
        verb = parts[0]
        clitic = "s'" if verb[:1] in "aeiouyéèêàâîôûh" else "se "
        return clitic + verb, True
    return member, False


def _spec_of(cid: str, table: dict) -> tuple[str, str, str] | None:
    return next((v for k, v in table.items() if cid == k or cid.startswith(k + "-")), None)


def _speech_class(cid: str) -> bool:
    return any(cid == k or cid.startswith(k + "-") for k in SPEECH)


#: classes whose polysemous members (a verb Verb∋Net also files under a class that does not
#: report) still report when they take content, a que-clause or a quotation ("le rapport nous
#: apprend que", "a suggéré que", "a riposté : « … »"); strict=content (issue 16). The request
#: and judgement classes stay out: their other senses take the same frames ("pousse les prix à
#: monter", "paie les salariés pour").
CONTENT_CLASSES = ("transfer_mesg-37.1.1", "tell-37.2", "lecture-37.11", "complain-37.8", "confess-37.10",
                   "promise-37.13", "conjecture-29.5", "deduce-97.2", "estimate-34.2")
#: polysemous members whose other sense takes a que-clause too (knowledge, learning, perception,
#: causation, transfer): left out even with content ("comprendre que", "découvrir que",
#: "montrer que" said of a fact, "imposer que", "permettre que")
NOT_CONTENT = frozenset("""comprendre découvrir lire voir regarder montrer produire placer jeter marquer
imposer permettre ordonner commander transférer transmettre inspirer sentir ressentir pressentir
éventer inventer tirer dériver induire esquisser représenter broder s'étendre jaser compter analyser
diagnostiquer prouver démontrer apprendre trouver enseigner""".split())


def _content_class(cid: str, term: str) -> bool:
    return term not in NOT_CONTENT and any(cid == k or cid.startswith(k + "-") for k in CONTENT_CLASSES)


def _member_name(m) -> str:
    return (m if isinstance(m, str) else m.get("name", "")).strip()


def other_senses(classes: list[dict], walk) -> set[str]:
    """Verbs that Verb∋Net also files under a class that is no reporting class ("montrer" in
    hold/show classes, "permettre" in allow-64, "apprendre" in learn-14): polysemous verbs whose
    other senses are common; they are left out (a verb is taken only when every class it is in reports)."""
    out = set()
    for top in classes:
        for sub in walk(top):
            cid = sub["id"]
            if _spec_of(cid, CLASSES) is None and _spec_of(cid, REFLEXIVE_ONLY) is None:
                out |= {term_of(_member_name(m))[0] for m in sub["members"]}
    return out


def rows(classes: list[dict], walk) -> dict[str, tuple[str, str, str, str, str]]:
    out: dict[str, tuple[str, str, str, str, str]] = {}
    polysemous = other_senses(classes, walk)
    for top in classes:
        for sub in walk(top):
            cid = sub["id"]
            spec = None if cid in LEFT_OUT else _spec_of(cid, CLASSES)
            reflexive_only = False
            if spec is None:
                spec = _spec_of(cid, REFLEXIVE_ONLY)
                reflexive_only = spec is not None
            if spec is None:
                continue
            stance, iquote, strict = spec
            if cid in BELIEF:
                iquote = "no"
            for m in sub["members"]:
                name = m if isinstance(m, str) else m.get("name", "")
                term, reflexive = term_of(name.strip())
                if not term or reflexive_only and not reflexive or term in NOT_REPORTING \
                        or term in NOT_VERBAL_JUDGMENT or term in polysemous and not _content_class(cid, term) \
                        or strict == "content" and term in NOT_CONTENT \
                        or " " in term.strip("s'e "):
                    continue
                lemma = term.split()[-1].removeprefix("s'")
                level = "name" if _speech_class(cid) and lemma not in NOT_SPEECH_OBJECT else strict
                if term in polysemous:
                    level = "content"  # another sense is common: a cue only with its content
                out.setdefault(term, (stance, iquote, level, participle(lemma), cid))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("package_dir", help="folder holding the unpacked verbenet package (verbenet/__init__.py)")
    args = ap.parse_args(argv)
    sys.path.insert(0, args.package_dir)
    import verbenet  # noqa: E402 (build-time input only)
    found = rows(verbenet.load(), verbenet.walk)
    lines = [
        "# name: reporting_verbs_verbenet",
        f"# source: Verb∋Net {verbenet.__version__} (Pradet, Danlos, de Chalendar, Lapalme, L'Homme; "
        "https://aymara.github.io/verbenet/, PyPI 'verbenet'): members of its classes of communication, "
        "judgement, request, warning, belief and estimation (polysemous members of the saying classes with "
        "strict=content), built by tools/build_reporting_verbenet.py",
        "# license: CC-BY-SA-4.0",
        f"# version: verbenet-{verbenet.__version__}",
        "# columns: term\tverb_stance\tiquote\tstrict\tparticiple\tmatch\tclass",
        "# Columns as in reporting_verbs.tsv (that hand-written file wins for the verbs both hold); class: the",
        "#   Verb∋Net class the verb was taken from. Irregular participles are derived from the infinitive.",
    ]
    for term in sorted(found):
        stance, iquote, strict, pp, cid = found[term]
        lines.append(f"{term}\t{stance}\t{iquote}\t{strict}\t{pp}\tlemma\t{cid}")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(found)} verbs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
