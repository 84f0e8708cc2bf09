"""Conditional-mood detection for French verb tokens.

A French conditional is the future stem plus the imperfect endings
(``-rais``, ``-rait``, ``-rions``, ``-riez``, ``-raient``). The same endings
close imperfects of ``-rer``/``-rir`` verbs (``préparait``, ``courait``) and
some nouns or adjectives (``frais``, ``portrait``, ``extrait``), so the ending
alone is not enough (a bare ending regex scores F1 ≈ 0.90 on UD French).

The rule used here, over simplemma's French dictionary (MIT licence, the
lemmatizer the builtin backend already loads): a word form ``STEM + r + ait``
(or ``-rais``, ``-rions``, ``-riez``, ``-raient``) is conditional when

1. the form is a known French word form, and
2. ``STEM + ront`` — the future 3rd person plural on the same stem — is a
   known form with the same lemma (or both lemmas are verbs: simplemma
   lemmatises ``saurait`` to "saurer" but ``sauront`` to "savoir").

Impersonal verbs have no plural future: ``faudrait`` and ``pleuvrait`` use
``STEM + ra`` (``faudra``) as the witness, unless ``STEM + rer`` is an
infinitive (``prépara`` is the past simple of ``préparer``).

The third-plural future is used as the witness because it is unambiguous:
the other future endings collide with past simple (``prépara``, ``préparai``)
or present (``préparez``, ``préparons``) forms of ``-rer`` verbs, which would
let their imperfects through. The lemma check rules out nouns whose "future"
happens to be another word (``frais`` → ``front``).

Forms unknown to the dictionary (rare verbs, neologisms) get a fallback:
a lower-case ``X + e + <ending>`` / ``X + i + <ending>`` is conditional when
``X + er`` / ``X + ir`` is a known infinitive (a form that is its own lemma).

With a parsed input that has morphology (stanza, CoNLL-U), the ``Mood=Cnd``
feature is used instead: see :func:`conditional_tokens`.
"""
from __future__ import annotations

import operator
from functools import lru_cache
from itertools import compress, count

from ..document import FEATS, ParsedDocument, Token
from ..grammar import is_known_word as _known
from ..grammar import lemma_of as _lemma

#: conditional endings, longest first (``-raient`` before ``-rait``)
ENDINGS = ("raient", "rions", "riez", "rais", "rait")

_VERB_INFINITIVE_ENDS = ("er", "ir", "re", "ïr")

#: the last letters of the ENDINGS, either case (a token's last character, "" if empty)
_CONDITIONAL_LAST = frozenset("stzSTZ")
_LAST_CHAR = operator.itemgetter(slice(-1, None))


@lru_cache(maxsize=200_000)
def is_conditional(form: str) -> bool:
    """True when word ``form`` is a French verb in the conditional mood.

    Parameters
    ----------
    form : str
        One word form, any case (``Aurait``, ``pourraient``, ``ferions``).

    Returns
    -------
    bool
        ``True`` for conditionals (``aurait``, ``serions``, ``prépareraient``),
        ``False`` for imperfects (``préparait``, ``courait``), nouns and
        adjectives (``frais``, ``portrait``, ``extrait``) and anything else.

    Examples
    --------
    >>> is_conditional("aurait"), is_conditional("préparait"), is_conditional("frais")
    (True, False, False)
    """
    low = form.lower().replace("’", "'")
    ending = next((e for e in ENDINGS if low.endswith(e)), None)
    if ending is None or len(low) <= len(ending) or not low[0].isalpha():
        return False
    stem = low[: -len(ending)]  # "au" for "aurait", "prépare" for "préparerait"
    if _known(low):
        return _has_future(stem, _lemma(low))
    # unknown words: only lower-case ones (a capitalised unknown word ending
    # in -rais is far more often a name: "Marais", "Ferrais")
    return form[0].islower() and _unknown_form_rule(stem)


def _is_verb_lemma(lemma: str) -> bool:
    return lemma.endswith(_VERB_INFINITIVE_ENDS + ("oir",))


def _has_future(stem: str, lemma: str) -> bool:
    """True when a future form on ``stem`` exists (see the module docstring)."""
    future = stem + "ront"
    if _known(future):
        # same lemma, or at least both verbs: "saurait" lemmatises to "saurer"
        # but "sauront" to "savoir"; "frais" -> "front" and "minerais" ->
        # "mineront" fail because "frais" and "minerai" are no verbs
        fut_lemma = _lemma(future)
        return fut_lemma == lemma or (_is_verb_lemma(fut_lemma) and _is_verb_lemma(lemma))
    # impersonal verbs have no plural: "faudrait" -> "faudra", "pleuvrait" ->
    # "pleuvra"; "prépara" (past simple of préparer) is excluded by the
    # infinitive check: "préparer" = stem + "rer" is a verb
    single = stem + "ra"
    if _known(single) and _is_verb_lemma(_lemma(single)) and _is_verb_lemma(lemma):
        inf = stem + "rer"
        return not (_known(inf) and _lemma(inf) == inf)
    return False


def _unknown_form_rule(stem: str) -> bool:
    """Fallback for forms outside the dictionary: the infinitive must be known."""
    # (no "-re" fallback: every common -re verb is in the dictionary, and
    # "ma|rais" -> "mare" shows how it would misfire)
    candidates = []
    if stem.endswith("e"):          # tweete|rait -> tweeter
        candidates.append(stem[:-1] + "er")
    if stem.endswith("i"):          # fini|rait -> finir
        candidates.append(stem + "r")
    for inf in candidates:
        if len(inf) > 3 and _known(inf) and _lemma(inf) == inf:
            return True
    return False


def conditional_tokens(doc: ParsedDocument) -> list[Token]:
    """The finite verb tokens of ``doc`` in the conditional mood.

    When the backend supplies morphology (``doc.has("feats")``), a token is
    conditional when its features say ``Mood=Cnd`` (and, when part-of-speech
    tags exist, it is a ``VERB`` or ``AUX``). Otherwise the dictionary rule
    of :func:`is_conditional` decides from the word form.

    Parameters
    ----------
    doc : ParsedDocument
        Any parsed document.

    Returns
    -------
    list of Token
        In document order.
    """
    out = []
    if doc.has(FEATS):
        for t in doc.tokens:
            if t.feats and t.feats.get("Mood") == "Cnd" and (t.upos in (None, "VERB", "AUX")):
                out.append(t)
        return out
    # Every conditional ending ends in s, t or z: the forms ending so are picked by
    # C-level maps, is_conditional (memoised) runs on those alone, so a new form
    # ending otherwise costs nothing, and Python visits only the hits (speed, issues 9, 15)
    toks = doc.tokens
    texts = doc.forms()
    candidates = list(compress(count(), map(_CONDITIONAL_LAST.__contains__, map(_LAST_CHAR, texts))))
    for i in compress(candidates, map(is_conditional, map(texts.__getitem__, candidates))):
        t = toks[i]
        if t.is_word:
            out.append(t)
    return out
