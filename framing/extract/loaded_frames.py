"""Evaluative by construction: the label a judging verb gives (issue 18).

French states some judgements with a verb whose complement *is* the
judgement, whatever its words:

* ``naming`` verbs — "qualifier X de Y", "traiter X de Y", "taxer X de Y":
  Y is the label given to X ("traite ses collègues de pétainistes", "l'a
  qualifié de menteur", "taxé de laxisme");
* ``praising`` verbs — "saluer des « avancées majeures »", "louer la
  « modestie »": the marked wording held up as praise (``glorification``);
* ``denouncing`` verbs — "dénoncer une « Y »", "fustiger le « Y »": Y, held
  in quotation marks, is the wording condemned, and so is each marked
  complement coordinated with it ("une « Y », une « Z » et l'« W »").

The complement is LOADED (``pejorative``: a label pinned on someone) even
when no lexicon lists its words; a complement that holds a lexicon word keeps
that word's own span and category. The verbs are ``lexicons/loaded_context.tsv``
rows of kind ``naming`` and ``denouncing`` (infinitives of -er verbs; their
forms are generated here, since the lemmatiser leaves many of them as they are).

Guards, from the grammar of the construction:

* "traiter de la question" (deal with) is not naming: without an object
  between the verb and "de", the verb must be a participle ("qualifié de") or
  have an object clitic before it ("le traiter de");
* the complement opens with no determiner or possessive ("qualifié de la
  sorte", "traiter de ses projets" are other constructions) and no capital
  (a name);
* a complement without marks is at most :data:`MAX_BARE_WORDS` words, up to
  punctuation or a word that opens another phrase ("traité de traître par ses
  amis" -> "traître"); one in marks is the marked passage, at most
  :data:`MAX_MARKED_WORDS` words (the codebook's short scare-quoted phrase).
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, count

from ..document import ParsedDocument
from ..grammar import (AVOIR_FORMS, CONTRACTED_ARTICLES, DEFINITE_ARTICLES, DEMONSTRATIVES, ER_PARTICIPLE_ENDINGS,
                       ETRE_FORMS, INDEFINITE_ARTICLES, POSSESSIVES, QUOTE_CLOSE, QUOTE_OPEN, er_verb_forms, normalise,
                       token_keys)
from ..resources import Resources

#: words between the verb and "de" ("traite [ses collègues] de", "qualifient [à leur tour] de")
MAX_OBJECT_WORDS = 4
#: longest complement without quotation marks
MAX_BARE_WORDS = 3
#: longest complement in quotation marks
MAX_MARKED_WORDS = 6

#: endings of an -er verb's finite forms and participles (qualifie, qualifient, qualifiant, qualifié ...)
#: endings a noun homograph of these verbs can have (la taxe, le traité, la traite)
_NOUN_LIKE = ("e", "es", "é", "és", "ée", "ées")
#: words between an auxiliary and its participle ("serait tout de suite traité")
PASSIVE_WINDOW = 5
#: closed classes: object clitics, determiners, and words that end a bare complement
_CLITICS = frozenset({"le", "la", "les", "l'", "me", "m'", "te", "t'", "se", "s'", "nous", "vous", "lui", "leur"})
_DETERMINERS = (DEFINITE_ARTICLES | INDEFINITE_ARTICLES | CONTRACTED_ARTICLES | DEMONSTRATIVES | POSSESSIVES
                | frozenset("quel quelle quels quelles tout toute tous toutes".split()))
_STOPS = frozenset("""et ou mais qui que qu' dont par pour à au aux dans en sur sous avec sans lors depuis pendant
selon car comme devant derrière chez contre entre vers après avant parmi envers malgré""".split())
_DE = frozenset({"de", "d'"})
#: words skipped between a denouncing verb and the mark besides determiners ("comme", the pieces of "l'«")
_BEFORE_MARK = frozenset({"comme", "l", "'", "’"})
_SKIPPED_BEFORE_MARK = _DETERMINERS | _BEFORE_MARK
#: words both an object clitic and an article ("le", "la", "les", "l'"): read by the word before
_CLITIC_OR_ARTICLE = _CLITICS & _DETERMINERS
#: subject pronouns before an object clitic ("il le qualifie")
_SUBJECTS = frozenset({"il", "elle", "ils", "elles", "on", "je", "j'", "tu", "nous", "vous", "qui", "ne", "n'"})
#: auxiliary and copula forms before a passive participle
_AUXILIARIES = ETRE_FORMS | AVOIR_FORMS
#: words that end the object of a naming verb: another verb or clause follows ("traiter et prendre soin de")
_CLAUSE_BREAK = frozenset({"et", "ou", "mais", "que", "qu'", "qui", "car", "donc"})
_OPEN, _CLOSE = QUOTE_OPEN, QUOTE_CLOSE


@dataclass(frozen=True)
class JudgingVerbs:
    """Forms of the naming, denouncing and praising verbs: ``{normalised form: kind}``."""

    forms: dict[str, str]
    openings: frozenset[str] = frozenset()


def context_kinds(res: Resources) -> dict[str, frozenset[str]]:
    """``lexicons/loaded_context.tsv`` as kind -> its normalised terms (read once per configuration)."""
    def build() -> dict[str, frozenset[str]]:
        kinds: dict[str, set[str]] = {}
        for e in res.lexicon("loaded_context", required=("kind",)).entries:
            kinds.setdefault(e["kind"], set()).add(normalise(e["term"]))
        return {k: frozenset(v) for k, v in kinds.items()}
    return res.memo(("loaded", "context_kinds"), build)


def judging_verbs(res: Resources) -> JudgingVerbs:
    """The ``naming``, ``denouncing`` and ``praising`` rows of ``loaded_context`` with their generated forms."""
    def build() -> JudgingVerbs:
        forms: dict[str, str] = {}
        for e in res.lexicon("loaded_context", required=("kind",)).entries:
            if e["kind"] in ("naming", "denouncing", "praising"):
                forms.update({f: e["kind"] for f in er_forms(e["term"])})
        return JudgingVerbs(forms, frozenset(f[:2] for f in forms))
    return res.memo(("loaded", "judging"), build)


def er_forms(verb: str) -> set[str]:
    """Finite forms and participles of an -er verb ("dénoncer" -> dénonce, dénonçant, dénoncé ...)."""
    return er_verb_forms(verb)


def judged_complements(doc: ParsedDocument, verbs: JudgingVerbs) -> list[tuple[int, int, str]]:
    """``(first, last, cat)``: token ranges ``[first, last)`` of the labels that judging verbs give, in order.

    ``cat`` is ``glorification`` for the wording a praising verb holds up,
    ``pejorative`` for the others.
    """
    toks = doc.tokens
    out = []
    # Python visits only the tokens whose key is a judging verb's form (C-level map
    # over the document's keys; speed, issue 15)
    keys = token_keys(doc)
    for i in compress(count(), map(verbs.forms.__contains__, keys)):
        kind = verbs.forms[keys[i]] if toks[i].text[:2].lower() in verbs.openings else None
        if kind == "naming":
            start = _after_de(doc, i)
        elif kind in ("denouncing", "praising"):
            start = _after_determiners(doc, i + 1)
            start = start if start < len(toks) and toks[start].text in _OPEN else None
        else:
            continue
        rng = _complement(doc, start) if start is not None else None
        cat = "glorification" if kind == "praising" else "pejorative"
        while rng:
            out.append((*rng, cat))
            rng = _coordinated(doc, rng[1]) if kind != "naming" else None
    return out


def _coordinated(doc: ParsedDocument, end: int) -> tuple[int, int] | None:
    """The next marked complement joined to the one ending at ``end`` ("une « X », une « Y » et l'« Z »")."""
    toks = doc.tokens
    j = end + 1 if end < len(toks) and toks[end].text in _CLOSE else end
    if j >= len(toks) or toks[j].text not in (",", "et") and normalise(toks[j].text) != "et":
        return None
    j = _after_determiners(doc, j + 1)
    if j < len(toks) and toks[j].text in _OPEN and toks[j].sent == toks[end - 1].sent:
        return _complement(doc, j)
    return None


def _after_de(doc: ParsedDocument, i: int) -> int | None:
    """Index after the "de" of "qualifier X de", or ``None`` when ``i`` opens no naming frame."""
    toks, sent = doc.tokens, doc.tokens[i].sent
    if _noun_use(doc, i):
        return None
    j, words = i + 1, 0
    while j < len(toks) and toks[j].sent == sent and words <= MAX_OBJECT_WORDS:
        w = normalise(toks[j].text)
        if w in _DE:
            has_object = words > 0 or _passive(doc, i) or _clitic_before(doc, i)
            return j + 1 if has_object else None
        if not toks[j].is_word or w in _CLAUSE_BREAK:
            return None
        words += 1
        j += 1
    return None


def _noun_use(doc: ParsedDocument, i: int) -> bool:
    """The verb form is a noun after a determiner ("la taxe d'habitation", "un « traité de"), quotation marks skipped.

    "le", "la", "les", "l'" are object clitics too: after a subject ("il le
    qualifie de", "qui les traite de") the form is the verb.
    """
    toks = doc.tokens
    if not normalise(toks[i].text).endswith(_NOUN_LIKE):
        return False  # an infinitive or a finite form with a verb ending is never a noun
    k = i - 1
    while k >= 0 and toks[k].text in _OPEN:
        k -= 1
    if k < 0:
        return False
    before = normalise(toks[k].text)
    if before in _CLITIC_OR_ARTICLE:
        return not (k > 0 and normalise(toks[k - 1].text) in _SUBJECTS)
    return before in _DETERMINERS or before in ("au", "aux")


def _passive(doc: ParsedDocument, i: int) -> bool:
    """A participle after an auxiliary or in an apposition ("a été qualifié de", ", qualifié de")."""
    toks = doc.tokens
    if not normalise(toks[i].text).endswith(ER_PARTICIPLE_ENDINGS):
        return False
    for k in range(i - 1, max(-1, i - 1 - PASSIVE_WINDOW), -1):
        w = normalise(toks[k].text)
        if w in _AUXILIARIES or w == ",":
            return True
    return False


def _clitic_before(doc: ParsedDocument, i: int) -> bool:
    """An object clitic right before the verb, or before its auxiliary ("l'a traité", "les traite")."""
    toks = doc.tokens
    for k in (i - 1, i - 2):
        if k >= 0 and normalise(toks[k].text) in _CLITICS and toks[k].sent == toks[i].sent:
            return True
    return False


def _after_determiners(doc: ParsedDocument, j: int) -> int:
    toks = doc.tokens
    # "l'« X »" is tokenised l / ' / « : the elided article's pieces are skipped too
    while j < len(toks) and (normalise(toks[j].text) in _SKIPPED_BEFORE_MARK):
        j += 1
    return j


def _complement(doc: ParsedDocument, j: int) -> tuple[int, int] | None:
    """The label that starts at token ``j``: a marked passage, or a few bare words."""
    toks = doc.tokens
    if j >= len(toks):
        return None
    if toks[j].text in _OPEN:
        k = j + 1
        while k < len(toks) and toks[k].text not in _CLOSE and k - j <= MAX_MARKED_WORDS + 2:
            k += 1
        words = [t for t in toks[j + 1:k] if t.is_word]
        if k >= len(toks) or toks[k].text not in _CLOSE or not words or len(words) > MAX_MARKED_WORDS:
            return None
        return j + 1, k
    first = toks[j]
    if not first.is_word or normalise(first.text) in _DETERMINERS or first.text[:1].isupper() \
            or first.text[:1].isdigit():
        return None
    k = j
    while k < len(toks) and k - j < MAX_BARE_WORDS and toks[k].is_word and toks[k].sent == first.sent \
            and normalise(toks[k].text) not in _STOPS and not (k > j and normalise(toks[k].text) in _DE):
        k += 1
    if k > j + 1 and normalise(first.text).endswith(("er", "ir", "re")) and normalise(toks[j + 1].text) in _DETERMINERS:
        return None  # "taxé de mener une politique": a clause, not a label
    return (j, k) if k > j else None
