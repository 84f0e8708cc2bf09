"""Reading the dependency parse, morphology and entities of a parsed document.

These helpers give extractors one vocabulary over the richer layers that the
stanza backend and CoNLL-U input provide (UD relations, ``Mood=Cnd``, BIO
entity tags). Every function degrades gracefully: on a document without the
layer it needs (the builtin backend), it returns ``None`` or an empty list,
so callers write ``x = subject_of(doc, verb) or fallback(...)``.

Example: in "Le Pentagone aurait confirmé …" (CoNLL-U input or stanza),
``subject_of(doc, confirmé)`` is the token ``Pentagone`` and
``mention(doc, Pentagone)`` the span of "Le Pentagone".

Relations follow Universal Dependencies: a subtype (``nsubj:pass``,
``obl:agent``) matches its base relation unless a full subtype is asked for.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .document import DEPS, FEATS, NER, UPOS, ParsedDocument, Token

_SUBJ = ("nsubj", "csubj")
#: relations that attach a function word or punctuation to its head
_FUNCTION = ("aux", "cop", "case", "mark", "det", "punct", "cc", "fixed", "expl")
#: relations whose dependents are not part of a short mention of the head
_NOT_IN_MENTION = ("acl", "appos", "punct", "parataxis", "conj", "cc", "dep", "advcl", "ccomp",
                   "discourse", "vocative", "reparandum", "orphan", "dislocated", "list")


def _rel(tok: Token) -> str:
    return tok.deprel or ""


def rel_is(tok: Token, *relations: str) -> bool:
    """True when ``tok.deprel`` is one of ``relations`` or a subtype of one (``nsubj:pass`` is ``nsubj``)."""
    rel = _rel(tok)
    base = rel.split(":", 1)[0]
    return rel in relations or base in relations


def has_parse(doc: ParsedDocument) -> bool:
    """True when the document carries a dependency parse."""
    return doc.has(DEPS)


def head_of(doc: ParsedDocument, tok: Token) -> Token | None:
    """The syntactic head of ``tok`` (``None`` for the root or without a parse)."""
    return doc.tokens[tok.head] if tok.head is not None and has_parse(doc) else None


def _children_index(doc: ParsedDocument) -> list[list[int]]:
    index = doc.cache.get("syntax.children")
    if index is None:
        index = [[] for _ in doc.tokens]
        for t in doc.tokens:
            if t.head is not None and 0 <= t.head < len(index):
                index[t.head].append(t.i)
        doc.cache["syntax.children"] = index
    return index


def children(doc: ParsedDocument, tok: Token, *relations: str) -> list[Token]:
    """Dependents of ``tok`` in text order, optionally only those with ``relations``.

    Parameters
    ----------
    doc : ParsedDocument
    tok : Token
    *relations : str
        UD relations (``"nsubj"`` also matches ``nsubj:pass``); none = all.

    Returns
    -------
    list of Token
        Empty when the document has no parse.
    """
    if not has_parse(doc):
        return []
    kids = [doc.tokens[k] for k in _children_index(doc)[tok.i]]
    if relations:
        kids = [k for k in kids if rel_is(k, *relations)]
    return kids


def subtree(doc: ParsedDocument, tok: Token, exclude: Iterable[str] = ()) -> list[Token]:
    """``tok`` and everything it dominates, in text order.

    Dependents whose relation is in ``exclude`` (with their own subtrees) are
    left out. Without a parse: ``[tok]``.
    """
    exclude = tuple(exclude)
    out, stack = [], [tok]
    seen = set()
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        out.append(t)
        for k in children(doc, t):
            if not (exclude and rel_is(k, *exclude)):
                stack.append(k)
    return sorted(out, key=lambda t: t.i)


def verb_of(doc: ParsedDocument, tok: Token) -> Token:
    """The content verb a token belongs to: an auxiliary or copula gives its head.

    ``a`` in "a déclaré" → ``déclaré``; any other token → itself.
    """
    if rel_is(tok, "aux", "cop"):
        head = head_of(doc, tok)
        if head is not None:
            return head
    return tok


def subject_of(doc: ParsedDocument, tok: Token) -> Token | None:
    """The subject of the verb ``tok`` (or of the verb its auxiliary belongs to).

    Follows UD: ``nsubj``/``nsubj:pass``/``csubj`` dependents; an inverted
    clitic (``a-t-il déclaré``) is an ``nsubj`` like any other. When a verb has
    no subject of its own, the subject is inherited from the verb it is
    coordinated with ("a démenti et accusé"), that controls it ("a voulu
    démentir") or that a participial adverbial clause depends on ("a déclaré,
    *ajoutant* que"). A relative pronoun subject ("les officiels *qui* ont martelé")
    resolves to the noun the relative clause modifies. For the speaker of a
    reporting verb this is the speaker mention; see :func:`mention`.

    Returns ``None`` without a parse or when no subject is found.
    """
    if not has_parse(doc):
        return None
    v, seen = verb_of(doc, tok), set()
    while v is not None and v.i not in seen:
        seen.add(v.i)
        subj = [c for c in children(doc, v, *_SUBJ) if not rel_is(c, "expl")]
        if subj:
            s = subj[0]
            if _is_relative(s) and rel_is(v, "acl"):
                return head_of(doc, v) or s
            return s
        if rel_is(v, "conj", "xcomp") or (rel_is(v, "advcl") and _non_finite(v)):
            # "a démenti et accusé", "a voulu démentir", "a déclaré, ajoutant que":
            # the subject is shared with the governing verb
            v = head_of(doc, v)
            continue
        if rel_is(v, "acl") and not rel_is(v, "acl:relcl"):
            # participial clause "des soldats envoyés par Pyongyang": the noun is the subject
            return None
        break
    return None


def agent_of(doc: ParsedDocument, tok: Token) -> Token | None:
    """The agent of a passive verb ("annoncé *par le Pentagone*"): an ``obl:agent`` dependent."""
    for c in children(doc, verb_of(doc, tok), "obl:agent"):
        return c
    return None


def _non_finite(tok: Token) -> bool:
    return bool(tok.feats) and tok.feats.get("VerbForm") in ("Part", "Ger", "Inf")


def _is_relative(tok: Token) -> bool:
    return bool(tok.feats and tok.feats.get("PronType") == "Rel")


def governed_by(doc: ParsedDocument, tok: Token) -> Token | None:
    """The word a preposition or conjunction introduces.

    ``selon`` in "selon le Pentagone" → ``Pentagone``; ``après`` in ``d'après``
    (a ``fixed`` part of the preposition) climbs to ``d'`` first.
    """
    t = tok
    while rel_is(t, "fixed"):
        h = head_of(doc, t)
        if h is None:
            return None
        t = h
    if rel_is(t, "case", "mark"):
        return head_of(doc, t)
    return None


def complement_clause(doc: ParsedDocument, tok: Token) -> tuple[int, int] | None:
    """Character span of the clausal complement of a reporting verb (``ccomp``).

    "X a déclaré *que les troupes étaient prêtes*" → the span of the ccomp
    subtree (the complementiser included). ``None`` when there is none.
    """
    for c in children(doc, verb_of(doc, tok), "ccomp"):
        toks = _trim_punct(subtree(doc, c))
        if toks:
            return toks[0].start, toks[-1].end
    return None


def _trim_punct(toks: list[Token]) -> list[Token]:
    lo, hi = 0, len(toks)
    while lo < hi and not toks[lo].is_word:
        lo += 1
    while hi > lo and not toks[hi - 1].is_word:
        hi -= 1
    return toks[lo:hi]


def mention(doc: ParsedDocument, tok: Token) -> tuple[int, int]:
    """Character span of the short noun phrase headed by ``tok``.

    Keeps determiners, adjectives, name parts and prepositional complements
    ("le ministère de la Défense"), drops relative clauses, appositions,
    coordination and punctuation at the edges, and stays contiguous. Without
    a parse: the token itself.
    """
    # the head's own preposition ("selon", "de") introduces the mention, it is not part of it
    toks = [t for t in subtree(doc, tok, exclude=_NOT_IN_MENTION)
            if not (t.head == tok.i and rel_is(t, "case", "mark"))]
    # stay contiguous around the head
    idx = {t.i for t in toks}
    lo = hi = tok.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    toks = _trim_punct(doc.tokens[lo:hi + 1]) or [tok]
    return toks[0].start, toks[-1].end


def name_of(doc: ParsedDocument, tok: Token) -> tuple[int, int] | None:
    """Character span of the proper name a mention refers to, when it has one.

    "le président ukrainien Volodymyr Zelensky" (head ``président``) →
    "Volodymyr Zelensky"; "Sabrina Singh" → itself. Uses UPOS ``PROPN`` and
    the ``flat``/``appos``/``nmod`` attachments of names; ``None`` when the
    mention holds no proper noun (or no UPOS layer is present).
    """
    if not doc.has(UPOS):
        return None

    def name_run(t: Token) -> tuple[int, int]:
        parts = [t] + [c for c in children(doc, t, "flat", "compound") if c.upos in ("PROPN", "X", "NOUN")]
        parts.sort(key=lambda x: x.i)
        return parts[0].start, parts[-1].end

    if tok.upos == "PROPN":
        return name_run(tok)
    for c in children(doc, tok, "appos", "flat", "nmod", "compound"):
        if c.upos == "PROPN" and not children(doc, c, "case"):
            return name_run(c)
    return None


def is_conditional(doc: ParsedDocument, tok: Token) -> bool | None:
    """Whether ``tok`` is a finite verb in the conditional mood, per the morphology.

    ``True``/``False`` from ``Mood=Cnd`` (and UPOS VERB/AUX when tagged) when
    the document has a ``feats`` layer; ``None`` when it has none, so the
    caller falls back to its own form rules.
    """
    if not doc.has(FEATS):
        return None
    if not tok.feats or tok.feats.get("Mood") != "Cnd":
        return False
    return tok.upos in ("VERB", "AUX") if tok.upos else True


@dataclass(frozen=True)
class Entity:
    """A named entity: tokens ``[first, last)``, characters ``[start, end)``, type (PER, ORG, LOC, MISC…)."""

    first: int
    last: int
    start: int
    end: int
    label: str


def entities(doc: ParsedDocument) -> list[Entity]:
    """Named entities from the tokens' BIO tags (empty without an ``ner`` layer)."""
    if not doc.has(NER):
        return []
    cached = doc.cache.get("syntax.entities")
    if cached is not None:
        return cached
    out: list[Entity] = []
    first, label = None, None

    def close(last: int) -> None:
        if first is not None:
            out.append(Entity(first, last, doc.tokens[first].start, doc.tokens[last - 1].end, label))

    for t in doc.tokens:
        tag = t.ner or "O"
        prefix, _, typ = tag.partition("-")
        if prefix == "B" or (prefix == "I" and (first is None or typ != label
                                                or t.sent != doc.tokens[first].sent)):
            close(t.i)
            first, label = t.i, typ
        elif prefix != "I":
            close(t.i)
            first, label = None, None
    close(len(doc.tokens))
    doc.cache["syntax.entities"] = out
    return out


def entity_at(doc: ParsedDocument, tok: Token) -> Entity | None:
    """The named entity covering ``tok``, if any."""
    for e in entities(doc):
        if e.first <= tok.i < e.last:
            return e
    return None
