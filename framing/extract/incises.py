"""Reporting cues found by their position: the inserted attribution after a quotation.

French journalism attributes a quotation with an inverted clause right after
the closing mark (or after a comma inside the marks): ``« … », a terminé Alain
Juppé``, ``« … », glisse-t-il``, ``« … » s'amuse la ministre``, ``« …,
souligne-t-elle, … »``. Whatever the verb, that position makes it a verb of
saying: a finite verb (or auxiliary + participle, adverbs between) whose
subject follows it — a subject clitic joined by a hyphen (``-t-il``), a name,
or a determiner opening a noun phrase. These cues add to the lexicon's
(:mod:`framing.extract.reporting`); a verb the lexicon already found is left
to it.
"""
from __future__ import annotations

from ..document import ParsedDocument, Token
from ..grammar import CAUSATIVE_VERBS, INVERTED_ON, INVERTED_SUBJECT_CLITICS, key
from .reporting import QUOTE_CLOSE, Cue, skip_circumstances
from .speakers import FUNCTION_WORDS

_AUX = frozenset("a ont avait avaient aura auront".split())
_ADVERBS = frozenset("""encore également aussi ainsi alors enfin ensuite déjà plutôt simplement même bien
pourtant toutefois néanmoins immédiatement aussitôt volontiers sobrement""".split())
_REFLEXIVE = frozenset(("s'", "se"))
_DATIVE = frozenset(("nous", "vous", "lui", "leur", "me", "m'"))  # addressee clitics before the verb
_INVERTED = INVERTED_SUBJECT_CLITICS | INVERTED_ON
_SUBJECT_DETS = frozenset("le la l' les un une des son sa ses leur leurs ce cet cette ces m. mme".split())


def _looks_verb(t: Token) -> bool:
    """A lower-case word that is no function word (the position says the rest)."""
    k = key(t)
    return (t.is_word and t.text[:1].islower() and k not in FUNCTION_WORDS and k not in _ADVERBS
            and len(k) > 2 and not k.endswith(("ment", "ant")))  # (a present participle qualifies the words)


def _infinitive(t: Token) -> bool:
    """A lower-case infinitive (its own lemma, in -er, -ir, -re or -oir)."""
    k = key(t)
    return _looks_verb(t) and t.lemma == k and k.endswith(("er", "ir", "re", "oir"))


def _governs_infinitive(toks: list[Token], k: int, inverted_only: bool = False) -> bool:
    """A lower-case verb at ``k`` followed by an infinitive, after its inverted subject clitic if any
    (required with ``inverted_only``): "fait valoir", "fait-il remarquer", "peut-on lire"."""
    if not toks[k].text[:1].islower():
        return False
    inverted = k + 1 < len(toks) and key(toks[k + 1]) in _INVERTED
    if inverted_only and not inverted:
        return False
    j = k + 2 if inverted else k + 1
    return j < len(toks) and _infinitive(toks[j]) and toks[j].sent == toks[k].sent


def _causative(toks: list[Token], k: int) -> bool:
    """"fait valoir", "fait-il remarquer", "laisse entendre": a causative verb before an infinitive."""
    return toks[k].lemma in CAUSATIVE_VERBS and _governs_infinitive(toks, k)


def _subject_follows(toks: list[Token], j: int) -> bool:
    if j >= len(toks) or toks[j].sent != toks[j - 1].sent:
        return False
    t = toks[j]
    if key(t) in _INVERTED:
        return True
    if t.is_word and t.text[:1].isupper():
        return True
    return key(t) in _SUBJECT_DETS and j + 1 < len(toks) and toks[j + 1].is_word \
        and not toks[j + 1].text[:1].isdigit()  # (", sortira le 23 octobre": a date, no subject)


def _after_manner(toks: list[Token], j: int) -> int:
    """Index after adverbs, time words, addressee or circumstance phrases ("à l'AFP", "lors d'une
    conférence de presse") and a short manner phrase ("avec émotion", "avec un sourire") at ``j``:
    "», raconte avec émotion cette infirmière"."""
    start = j
    while j < len(toks) and key(toks[j]) in _ADVERBS and j - start < 3:
        j += 1
    j = skip_circumstances(toks, j, _SUBJECT_DETS)
    if j + 1 < len(toks) and key(toks[j]) in ("avec", "sans", "non"):
        k = j + 1
        if key(toks[k]) in ("un", "une", "le", "la", "l'", "beaucoup", "peu", "de", "d'"):
            k += 1
        if k < len(toks) and toks[k].is_word and toks[k].text[:1].islower():
            return k + 1
    return j


def _verb_before_infinitive(toks: list[Token], k: int) -> bool:
    """A finite verb, its inverted subject clitic, then an infinitive ("peut-on lire"): the verb may
    be a modal, which the function-word test alone would turn away."""
    return toks[k].is_word and _governs_infinitive(toks, k, inverted_only=True)


def _compound_inverted(toks: list[Token], first: int, clitic: int) -> Cue | None:
    """An auxiliary, its inverted subject clitic, then the participle ("a-t-il terminé", "avait-elle
    écrit", "a-t-il encore ajouté"): the clitic is the subject, the participle the verb of saying."""
    k = clitic + 1
    while k < len(toks) and key(toks[k]) in _ADVERBS and k - clitic < 3:
        k += 1
    if k >= len(toks) or toks[k].sent != toks[first].sent or not _looks_verb(toks[k]):
        return None
    return Cue("verb", first, k + 1, k, toks[k].lemma or key(toks[k]), "neutral", "no", False, "ppart", True)


def incise_cue_at(doc: ParsedDocument, j: int) -> Cue | None:
    """The inserted attribution starting at token ``j`` (right after a closing mark or its comma)."""
    toks = doc.tokens
    n = len(toks)
    first = j
    k = j
    if k < n and key(toks[k]) in _DATIVE:
        k += 1  # « … », nous apprend X / nous a confié X: the clitic is the addressee
    aux = k < n and key(toks[k]) in _AUX
    if aux:
        k += 1
        if k < n and key(toks[k]) in _INVERTED:
            return _compound_inverted(toks, first, k)  # « … », a-t-il terminé / avait-elle écrit
    if not aux and k < n and key(toks[k]) in _REFLEXIVE:
        k += 1  # « … », s'amuse la ministre
    while k < n and key(toks[k]) in _ADVERBS and k - first < 4:
        k += 1
    if k >= n or toks[k].sent != toks[first].sent or not (
            _looks_verb(toks[k]) or _causative(toks, k) or _verb_before_infinitive(toks, k)):
        return None
    head = k
    inverted = head + 1 < n and key(toks[head + 1]) in _INVERTED
    last = head + 2 if inverted else head + 1
    if last < n and _infinitive(toks[last]) and toks[last].sent == toks[head].sent:
        last += 1  # « … », fait valoir X / fait-il remarquer / laisse-t-elle entendre: verb + infinitive
    # the subject: the inverted clitic, else what follows the verb (and its infinitive)
    if not _subject_follows(toks, _after_manner(toks, head + 1 if inverted else last)):
        return None
    return Cue("verb", first, last, head, toks[head].lemma or key(toks[head]), "neutral", "no", False,
               "ppart" if aux else "finite", inverted)


def incise_after(doc: ParsedDocument, end: int) -> Cue | None:
    """The inserted attribution right after a quotation closing at offset ``end`` (« … », a terminé X)."""
    toks = doc.tokens
    j = doc.token_index_from(end)
    if not (0 < j < len(toks)) or toks[j - 1].text not in QUOTE_CLOSE:
        return None
    comma = toks[j].text == ","
    if comma:
        j += 1
    cue = incise_cue_at(doc, j) if j < len(toks) else None
    if cue is not None and not comma and not cue.inverted and cue.first == cue.head:
        return None  # « … » sortira le 23, une « transparence » accrue des comptes: no inserted clause
    return cue


def incise_cues(doc: ParsedDocument, quotes: list[tuple[int, int]], known: set[int]) -> list[Cue]:
    """Cues of inserted attributions after (or inside) the quotations ``quotes`` (offsets).

    After the closing mark any inverted clause counts; inside the marks only a verb
    with a hyphenated subject clitic between commas (« …, souligne-t-elle, … »).
    ``known``: token indices already covered by lexicon cues.
    """
    toks = doc.tokens
    out = []
    for start, end in quotes:
        j = doc.token_index_from(end)
        found = [incise_after(doc, end)]
        a = doc.token_index_from(start)
        for k in range(a + 1, min(j, len(toks)) - 2):
            if toks[k].text == "," and key(toks[k + 2]) in _INVERTED:
                found.append(incise_cue_at(doc, k + 1))
        for cue in found:
            if cue is not None and not any(h in known for h in range(cue.first, cue.last)):
                out.append(cue)
    return out
