"""Derived forms of loaded-lexicon words: -ment adverbs and irregular participles (issue 18).

:func:`framing.extract.loaded.inflections` gives the regular feminine, plural
and -er/-ir participle forms of a lexicon word; this module adds what general
French derivation makes of the same lemma, so that a listed adjective brings
its adverb ("désastreux" -> "désastreusement", "cynique" -> "cyniquement")
and a listed verb its past participle when it is not an -er/-iss verb
("détruire" -> "détruit", "abattre" -> "abattu", "mentir" -> "menti").

Over-generation is harmless (a form that no text contains never matches);
derived forms rank below explicit entries, so a lexicon entry with its own
category always wins. Adverbs that are also degree or certainty words
(``parfaitement``, ``absolument``) are left out by the caller, which knows the
intensifier and booster lexicons.
"""
from __future__ import annotations

from ..lexicons import normalise

_VOWEL_END = ("é", "i", "u", "ai")


def adverb(word: str) -> str | None:
    """The -ment adverb of a masculine singular adjective (``None`` when no rule applies).

    >>> adverb("désastreux"), adverb("cynique"), adverb("violent"), adverb("cruel")
    ('désastreusement', 'cyniquement', 'violemment', 'cruellement')
    """
    w = normalise(word).strip()
    if len(w) < 3 or not w.isalpha() or w.endswith(("ment", "eur", "eurs")):
        return None
    if w.endswith("ant"):
        return w[:-3] + "amment"
    if w.endswith("ent"):
        return w[:-3] + "emment"
    if w.endswith(_VOWEL_END) or w.endswith("e"):
        return w + "ment"
    if w.endswith("eux"):
        return w[:-1] + "sement"
    if w.endswith("if"):
        return w[:-1] + "vement"
    if w.endswith("el"):
        return w + "lement"
    if w.endswith("er"):
        return w[:-2] + "èrement"
    if w.endswith(("al", "ot", "d", "t", "s", "in", "ain", "un", "ais")):
        return w + "ement"
    return None


def participles(verb: str) -> set[str]:
    """Past participle forms of verbs that :func:`~framing.extract.loaded.inflections` does not cover.

    ``-uire`` (détruire -> détruit), ``-ttre`` and ``-dre`` (abattre ->
    abattu, pourfendre -> pourfendu), and ``-tir``/``-mir``/``-vir`` verbs
    without the -iss- stem (mentir -> menti), each with its feminine and plural.
    """
    w = normalise(verb).strip()
    if " " in w or len(w) < 5:
        return set()
    if w.endswith("uire"):
        base = w[:-2] + "t"
    elif w.endswith(("ttre", "dre")):
        base = w[:-2] + "u"
    elif w.endswith(("tir", "mir", "vir")):
        base = w[:-1]
    else:
        return set()
    return {base, base + "e", base + "s", base + "es"} - {base + "ss"}


def derived_forms(word: str, skip: frozenset[str] = frozenset()) -> set[str]:
    """Adverb and extra participles of a single-word lexicon term, minus ``skip``."""
    out = participles(word)
    adv = adverb(word)
    if adv:
        out.add(adv)
    return {f for f in out if f not in skip and f != normalise(word)}


_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "t", "te", "ts", "tes")


def idiom_participles(term: str, inflect) -> list[str]:
    """A verb idiom with its verb as a past participle ("jeter de l'huile sur le feu" -> "jeté de l'huile ...").

    The lemmatiser leaves many participles as they are ("jeté" -> "jeté"), so
    a ``match=lemma`` idiom misses its compound tenses ("a jeté de l'huile
    sur le feu"); these variants are matched as forms. ``inflect`` gives the
    regular inflections of a word (:func:`~framing.extract.loaded.inflections`).
    Only an infinitive in first position is varied.
    """
    words = term.split(" ")
    verb = normalise(words[0])
    if len(words) < 2 or not verb.endswith(("er", "ir", "re")):
        return []
    forms = {f for f in inflect(verb) | participles(verb) if f.endswith(_PARTICIPLE_ENDINGS)}
    if verb.endswith("er"):  # every -er verb, whatever the lemmatiser knows of it
        forms |= {verb[:-2] + end for end in ("é", "ée", "és", "ées")}
    return [" ".join([f] + words[1:]) for f in sorted(forms)]
