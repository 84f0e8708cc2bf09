"""Hyperbole made by degree: intensity constructions whatever the adjective or noun (issue 18, sixth pass).

The lexicons list charged words; these rules find the *constructions* French
uses to push any quality to its extreme, so the charge comes from the
construction and no word list of evaluative adjectives is needed:

* ``extreme_degree`` — an adverb of extreme degree (``loaded_context`` kind
  ``extreme_degree``: extrêmement, incroyablement, terriblement, hyper…)
  before an adjective or participle: "extrêmement lourd", "incroyablement
  riche", "extrêmement élevé" ("l'ultra droite" is a name: kind
  ``intensity_fixed``). The plain degree words (très, assez,
  particulièrement, which also means "especially") are left out: "très
  difficile" rates, it does not exaggerate;
* ``intensity_of`` — a quality noun phrase of manner with an adjective of
  extreme intensity (kind ``intensity``: extrême, rare, inouï, incroyable…):
  "d'une extrême violence", "d'une rare brutalité", "d'une violence
  inouïe", "d'extrême urgence". Fixed names with those adjectives ("d'extrême
  droite"; kind ``intensity_fixed``) are not;
* ``quantity_metaphor`` — a noun of a natural mass used as a quantity (kind
  ``quantity_metaphor``: avalanche, déluge, torrent, tonnerre, pluie…) before
  "de" + a complement: "un tonnerre d'applaudissements", "une avalanche de
  critiques", "une pluie de compliments"; a complement of matter (kind
  ``matter``: neige, eau, boue, lave…) keeps the literal sense ("une avalanche
  de neige", "un torrent de boue").

All are ``hyperbole`` (an extreme degree of a clearly positive adjective is
``glorification``). Each returns ``(first token, last token (excl.), cat,
term)`` tuples like :mod:`.loaded_constructions`.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import ParsedDocument
from ..grammar import (CONTRACTED_ARTICLES, DEFINITE_ARTICLES, DEMONSTRATIVES, INDEFINITE_ARTICLES, OBJECT_CLITICS,
                       POSSESSIVES, RELATIVE_PRONOUNS, key_positions, token_keys)
from ..resources import Resources
from .loaded_frames import context_kinds

Found = tuple[int, int, str, str]

#: closed-class words that cannot be the adjective after a degree adverb ("extrêmement de", "hyper en forme")
_NOT_ADJECTIVE = (DEFINITE_ARTICLES | INDEFINITE_ARTICLES | CONTRACTED_ARTICLES | DEMONSTRATIVES | POSSESSIVES
                  | OBJECT_CLITICS | RELATIVE_PRONOUNS
                  | frozenset("à de d' en dans sur sous pour par avec sans contre entre vers chez et ou ni mais "
                              "bien mal mieux peu beaucoup plus moins si aussi très trop tout toute tous toutes "
                              "ne n' pas il elle ils elles on je j' nous vous ce c' cela ça".split()))
_DE = frozenset({"de", "d'"})
#: least prior polarity (``polarity.tsv``) that makes an extreme degree praise rather than hyperbole
PRIOR_POLARITY = 0.3
#: determiners before a noun of quantity used as a metaphor
_QUANTITY_DETERMINERS = INDEFINITE_ARTICLES | DEMONSTRATIVES | frozenset({"véritable", "vrai"})


@dataclass(frozen=True)
class DegreeWords:
    """The ``loaded_context`` classes the degree rules read."""

    extreme: frozenset[str]
    intensity: frozenset[str]
    #: intensity adjectives only before the noun ("d'une rare violence", not "d'une maladie rare")
    before: frozenset[str]
    #: ``intensity`` and ``before`` together: the adjectives that may open the quality phrase
    opening: frozenset[str]
    fixed: frozenset[str]
    quantity: frozenset[str]
    matter: frozenset[str]


def degree_words(res: Resources) -> DegreeWords:
    """``loaded_context`` rows of the degree kinds (``extreme_degree``, ``intensity`` …, ``matter``)."""
    def build() -> DegreeWords:
        kinds = context_kinds(res)
        kind = lambda k: kinds.get(k, frozenset())  # noqa: E731
        quantity = kind("quantity_metaphor")
        quantity |= {q + "s" for q in quantity if not q.endswith(("s", "x"))}
        return DegreeWords(kind("extreme_degree"), kind("intensity"), kind("intensity_before"),
                           kind("intensity") | kind("intensity_before"), kind("intensity_fixed"),
                           frozenset(quantity), kind("matter"))
    return res.memo(("loaded", "degree"), build)


def degree_constructions(doc: ParsedDocument, res: Resources,
                         polarity: dict[str, tuple[float, float]]) -> list[Found]:
    """Every degree construction of ``doc`` (may overlap each other); ``polarity``: form -> (polarity, subjectivity)."""
    words = degree_words(res)
    forms = token_keys(doc)
    return (extreme_degrees(doc, forms, words, polarity) + intensities(doc, forms, words)
            + quantity_metaphors(doc, forms, words))


def _adjective_at(doc: ParsedDocument, forms: list[str], j: int, sent: int) -> bool:
    """Whether token ``j`` can be an adjective or participle (a lower-case word of no closed class)."""
    if j >= len(forms):
        return False
    t = doc.tokens[j]
    if not t.is_word or t.sent != sent or not t.text[:1].islower():
        return False
    form = forms[j]
    return form not in _NOT_ADJECTIVE and not form.endswith("ment") and len(form) > 2


def extreme_degrees(doc: ParsedDocument, forms: list[str], words: DegreeWords,
                    polarity: dict[str, tuple[float, float]]) -> list[Found]:
    """"extrêmement lourd", "incroyablement riche": an adverb of extreme degree before an adjective.

    The praise of a clearly positive adjective wins over the exaggeration
    ("extrêmement riche" of a discussion is praise: the codebook's "très
    drôle" is ``glorification``); a negative one mostly measures a hardship,
    not blame ("extrêmement difficile"), so it stays ``hyperbole`` (as
    ``pejorative`` it made stance cues of such ratings: set 4 test QUOTE and
    IQUOTE stance -0.04).
    """
    out = []
    for i in key_positions(doc, words.extreme):
        if _adjective_at(doc, forms, i + 1, doc.tokens[i].sent) and f"{forms[i]} {forms[i + 1]}" not in words.fixed:
            prior = polarity.get(forms[i + 1], (0.0, 0.0))[0]
            cat = "glorification" if prior >= PRIOR_POLARITY else "hyperbole"
            out.append((i, i + 2, cat, "extreme degree"))
    return out


def intensities(doc: ParsedDocument, forms: list[str], words: DegreeWords) -> list[Found]:
    """"d'une extrême violence", "d'une violence inouïe", "d'extrême urgence"."""
    toks, out = doc.tokens, []
    for i in key_positions(doc, _DE):
        j = i + 2 if forms[i + 1:i + 2] and forms[i + 1] in ("un", "une") else i + 1
        if j + 1 >= len(forms) or not toks[j].is_word or not toks[j + 1].is_word or toks[j + 1].sent != toks[i].sent:
            continue
        if forms[j] in words.opening and f"{forms[j]} {forms[j + 1]}" not in words.fixed \
                and toks[j + 1].text[:1].islower() and forms[j + 1] not in _NOT_ADJECTIVE:
            out.append((i, j + 2, "hyperbole", "intensity"))
        elif j > i + 1 and forms[j + 1] in words.intensity and forms[j] not in _NOT_ADJECTIVE:
            out.append((i, j + 2, "hyperbole", "intensity"))
    return out


def _bare_plural(toks: list, forms: list[str], c: int) -> bool:
    """A lower-case plural noun right after "de": a count of things ("la cascade de révélations").

    After a definite article only such a complement makes the mass noun a quantity:
    "la pluie de la veille", "le torrent de montagne" keep their literal sense.
    """
    return (c < len(forms) and toks[c].is_word and toks[c].text[:1].islower()
            and forms[c].endswith(("s", "x")) and forms[c] not in _NOT_ADJECTIVE)


def quantity_metaphors(doc: ParsedDocument, forms: list[str], words: DegreeWords) -> list[Found]:
    """"un tonnerre d'applaudissements", "une avalanche de critiques": a natural mass as a quantity."""
    toks, out = doc.tokens, []
    for i in key_positions(doc, words.quantity):
        if i == 0 or forms[i - 1] not in _QUANTITY_DETERMINERS | DEFINITE_ARTICLES:
            continue
        k = i + 2 if forms[i + 1:i + 2] == [","] else i + 1
        if k + 1 >= len(forms) or forms[k] not in _DE or toks[k + 1].sent != toks[i].sent:
            continue
        if forms[i - 1] in DEFINITE_ARTICLES and not _bare_plural(toks, forms, k + 1):
            continue
        c = k + 2 if forms[k + 1] in ("la", "l'", "nouvelles", "nouveaux") and k + 2 < len(forms) else k + 1
        if toks[c].is_word and forms[c] not in words.matter and forms[c] not in words.quantity:
            out.append((i, c + 1, "hyperbole", "quantity metaphor"))
    return out
