"""The one decision on a clause-initial "Pour X," read as "according to X" (issue 15, item 2).

The codebook makes such a "pour" both a ``HEDGE`` of type ``source`` and an
``ATTR`` cue, so :mod:`.hedges` (through the lexicon condition
``pour_np_comma``) and :mod:`.attribution` both ask :func:`pour_source` and
cannot disagree. The guards are general French:

* "pour" opens its clause: only punctuation, a coordinating conjunction or a
  linking adverb with its comma ("Cependant, pour les auteurs, …") comes
  before it since the sentence or line started;
* a noun phrase follows: a determiner, a possessive, a stressed pronoun, a
  quantifier ("Pour beaucoup,") or a capitalised word that is no number
  ("Pour Moscou,"), never an infinitive ("Pour remettre dans le contexte,",
  "Pour se libérer…", "pour en terminer…");
* a comma closes it within a short phrase, with no other punctuation, no
  figure ("Pour le 100e anniversaire,") and no word of circumstance
  (``POUR_NOT_SOURCE``: "Pour rappel,", "Pour la première fois,") unless a
  noun for a person follows it ("Pour le Premier ministre,");
* no relative pronoun opens what follows the comma ("Pour X, dont
  l'offensive…": X is a topic);
* the phrase names a possible source: a name, a pronoun, a description of
  people ("Pour les détracteurs du glyphosate,"), not a bare thing ("Pour les
  retours,").
"""
from __future__ import annotations

from ..document import ParsedDocument
from ..grammar import (DEFINITE_ARTICLES, DEMONSTRATIVES, FIGURE_RE, INDEFINITE_ARTICLES, POSSESSIVES_3,
                       RELATIVE_PRONOUNS, key, words as _words)
from ..resources import Resources
from .entities import describe_source
from .reporting import POUR_NOT_SOURCE
from .speakers import lexica, name_index

#: longest source phrase between "pour" and its comma, in tokens
MAX_PHRASE = 14

_STOP = frozenset(".;:!?()[]«»\"“”—–…")
_COORDINATORS = _words("mais et or car donc")
_LINKING_ADVERBS = _words("""cependant toutefois pourtant néanmoins enfin ainsi or mais donc
d'ailleurs""")
# what a noun phrase (or a stressed pronoun standing for one) may start with
_NP_START = POSSESSIVES_3 | DEFINITE_ARTICLES | DEMONSTRATIVES | INDEFINITE_ARTICLES | _words("""notre
nos votre vos mon ma mes lui elle eux elles moi nous vous toi certains certaines beaucoup plusieurs
nombre nombreux bien""")
# first words of "Pour …," that open no source on their own ("Pour la plupart,")
_NOT_ALONE = _words("le la l' plupart")
# endings of nouns for people ("toxicologue", "détracteurs", "opposants", "auteurs"):
# "Pour les détracteurs du glyphosate, …" is "according to"
_PEOPLE_SUFFIXES = ("eur", "eurs", "euse", "euses", "iste", "istes", "logue", "logues", "ien", "iens",
                    "ienne", "iennes", "ant", "ants", "ante", "antes", "aire", "aires", "teur", "teurs", "trice",
                    "trices")
_HEAD_DETERMINERS = _words("""le la l' les ses son sa leurs leur ces certains certaines nombre beaucoup
de des plusieurs""")


def opens_clause(doc: ParsedDocument, k: int) -> bool:
    """Token ``k`` opens its sentence or line, after punctuation, a coordinating
    conjunction or a linking adverb with its comma."""
    toks, text = doc.tokens, doc.text
    first = doc.sentences[toks[k].sent].first
    j = k - 1
    while j >= first:
        if "\n" in text[toks[j].end:toks[j + 1].start]:
            return True
        t = toks[j]
        if t.text == "," and j > first and key(toks[j - 1]) in _LINKING_ADVERBS:
            j -= 2
        elif not t.is_word or key(t) in _COORDINATORS:
            j -= 1
        else:
            return False
    return True


def _closing_comma(doc: ParsedDocument, k: int, person_nouns: frozenset) -> int | None:
    """The comma closing the phrase after "pour" at ``k``, if no other punctuation,
    figure or word of circumstance comes first."""
    toks = doc.tokens
    last = doc.sentences[toks[k].sent].last
    for c in range(k + 1, min(k + 1 + MAX_PHRASE, last)):
        t = toks[c]
        lt = key(t)
        if t.text == ",":
            return c if c > k + 1 else None
        if lt in _STOP or FIGURE_RE.match(lt):
            return None
        if lt in POUR_NOT_SOURCE:
            if not (c + 1 < last and key(toks[c + 1]) in person_nouns):
                return None  # "Pour la première fois," (not "Pour le Premier ministre,")
    return None


def _people_noun(toks: list) -> bool:
    """The phrase's head (its first word after a determiner) names people."""
    words = [key(t) for t in toks if t.is_word]
    if words and words[0] in _HEAD_DETERMINERS:
        words = words[1:]
    return bool(words) and words[0].endswith(_PEOPLE_SUFFIXES) and len(words[0]) > 4


def _names_a_source(doc: ParsedDocument, res: Resources, k: int, c: int) -> bool:
    """The phrase ``[k + 1, c)`` describes someone who can hold a view."""
    src = describe_source(doc, res, k + 1, c)
    if src is None:
        return False
    if src.kind != "np" or src.stype != "institution":
        return True
    toks = doc.tokens
    return bool(name_index(doc, res).names_in(k + 1, c)
                or any(key(t) in lexica(res).cue_words for t in toks[k + 1:c])
                or _people_noun(toks[k + 1:c]))


def pour_source(doc: ParsedDocument, res: Resources, k: int) -> int | None:
    """The index of the comma closing "Pour X," when "pour" at token ``k`` means
    "according to X" (the source phrase is tokens ``k + 1`` to that comma), else None.

    Decided once per token and document: the hedges and the attribution stage both ask.
    """
    decided = doc.memo("pour.sources", dict)
    if k not in decided:
        decided[k] = _pour_source(doc, res, k)
    return decided[k]


def _pour_source(doc: ParsedDocument, res: Resources, k: int) -> int | None:
    toks = doc.tokens
    if key(toks[k]) != "pour" or k + 1 >= len(toks) or not opens_clause(doc, k):
        return None
    nxt = toks[k + 1]
    low = key(nxt)
    if nxt.sent != toks[k].sent or not nxt.is_word:
        return None
    if not (low in _NP_START or (nxt.text[:1].isupper() and not FIGURE_RE.match(low))):
        return None  # "Pour remettre dans le contexte,", "Pour 2024,"
    c = _closing_comma(doc, k, lexica(res).person_nouns)
    if c is None or (low in _NOT_ALONE and c == k + 2):
        return None
    if c + 1 < len(toks) and key(toks[c + 1]) in RELATIVE_PRONOUNS:
        return None  # "Pour Poutine, dont l'offensive…": a topic, not a source
    return c if _names_a_source(doc, res, k, c) else None
