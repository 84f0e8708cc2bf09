"""The builtin French pipeline: tokens with offsets, sentences, lemmas.

Tokenisation is one compiled regular expression run once over the text
(``re.finditer`` is implemented in C), so every token keeps its exact
character offsets. French specifics handled here:

* elisions are their own tokens: ``l'``, ``d'``, ``qu'``, ``jusqu'``, ``ç'`` …
  (straight and typographic apostrophes), but ``aujourd'hui`` stays whole;
* post-verbal clitics are split: ``a-t-il`` → ``a`` ``-t-il``, ``semble-t-il``,
  ``dit-on``, ``parlons-en``; hyphenated names (``Jong-un``, ``Nord-Coréens``)
  stay whole;
* numbers with space, no-break or narrow no-break thousands separators
  (``12 000``, ``10 000``) and decimals (``1,5``) are one token.

Lemmas come from simplemma's French dictionary (MIT), cached per word form
(:func:`framing.grammar.lemma_of`).
"""
from __future__ import annotations

import bisect
import operator
import re
from dataclasses import fields
from itertools import compress, count

from ..document import LEMMAS, SENTENCES, TOKEN_TEXT, TOKENS, ParsedDocument, Sentence, Token
from ..grammar import TOKEN_KEYS_MEMO, lemma_of, normalise

# Case-insensitivity is scoped to the literal parts ((?i:...)): a global
# IGNORECASE makes every \w and [^\W_] test case-fold, and costs ~15 %.
_CLITIC = r"(?i:t-(?:il|elle|on|ils|elles)|je|tu|il|elle|on|nous|vous|ils|elles|en|y|ce)(?![\w-])"
_ELISION = r"(?i:jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu|qu|[ldjmntscç])['’](?=\w)"

TOKEN_RE = re.compile(
    rf"""
    (?P<plain>(?!(?i:https?:|www\.)|[^\W\d_]\.)[^\W\d_]+(?![\w'’\-‐]))
  | (?P<mark>[^\w\s.…-])
  | (?P<special>(?i:aujourd['’]hui|prud['’]hom\w*|(?:https?://|www\.)\S+[\w/])|(?:[^\W\d_]\.){{2,}}(?![\w]))
  | (?P<elision>\b{_ELISION})
  | (?P<clitic>(?<=\w)-{_CLITIC})
  | (?P<num>\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d])(?:,\d+)?
           |\d+(?:[.,:]\d+)*(?i:e|er|ère|ème|es|è)?(?![\w]))
  | (?P<word>[^\W_](?:[\w]|[-‐](?!{_CLITIC})(?=[^\W_])|['’](?=[^\W\d_]{{2}})(?<!(?i:[ldjmntscç])['’]))*)
  | (?P<ellipsis>\.{{2,}}|…)
  | (?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)
# Notes on TOKEN_RE (speed, issue 9; the tokens are exactly those of the original
# expression, checked on the corpora and 250,000 fuzzed strings):
# * ``plain`` and ``mark`` are fast paths tried first for the two commonest cases,
#   a run of letters that no other branch could claim (not followed by a word
#   character, apostrophe, hyphen; not a URL start, not an initial + ".") and a
#   punctuation mark other than "-", "." and "…"; they are the tokens ``word``
#   and ``punct`` would give, reached without trying five branches first.
# * ``special`` keeps dotted initials ("U.S.A.", "J.-C." aside) as one token.

# What tokenize scans with: TOKEN_RE after any whitespace. No branch can start on
# whitespace, so the tokens are the same, and whitespace is skipped in one step
# instead of failing every branch at each blank (~25 % of the scan). Offsets come
# from the token's group (``m.span(m.lastindex)``), never the leading blanks.
_SCAN_RE = re.compile(r"\s*(?:" + TOKEN_RE.pattern + ")", re.VERBOSE)

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """m mm mme mmes mlle mlles dr pr me st ste cf etc av apr j.-c p pp n no vol
    chap éd ed art al ibid op gén gal col cdt lt sgt capt adj cie ets inc ltd
    jr sr mgr vs env approx janv févr fév avr juil sept oct nov déc""".split()
)

_SENT_END = frozenset(".!?…")
_NEWLINE = re.compile("\n")
_LAST_CHAR = operator.itemgetter(-1)
_CLOSERS = frozenset("»”\"’')]")


_NUM_SPACES = re.compile(r"[ \u00a0\u202f]")


# Group numbers of TOKEN_RE's branches (in _SCAN_RE too): the hot loop of
# tokenize compares integers, not group names (speed, issue 9).
_G = _SCAN_RE.groupindex
_PLAIN, _MARK, _CLITIC_G, _NUM, _WORD, _ELLIPSIS, _PUNCT = (
    _G["plain"], _G["mark"], _G["clitic"], _G["num"], _G["word"], _G["ellipsis"], _G["punct"])


#: ``(form, lemma, key)`` by word form seen (bounded: cleared past _WORDS_MAX): the one
#: look-up of a word's lemma in tokenize also gives one shared string per form, so tokens
#: of the same form do not each hold their own copy (memory, issue 15: ~50 bytes a token),
#: and the form's key (``grammar.normalise``), which every document's rules read
#: (``grammar.token_keys``): one look-up per word instead of two (speed, issue 15)
_WORDS: dict[str, tuple[str, str, str]] = {}
_WORDS_MAX = 200_000


def _word_entry(form: str) -> tuple[str, str, str]:
    if len(_WORDS) > _WORDS_MAX:
        _WORDS.clear()
    entry = _WORDS[form] = (form, lemma_of(form), normalise(form))
    return entry


#: the fields :func:`tokenize` sets on each new token, in declaration order: checked
#: against :class:`Token` at import, so a field added there cannot be left unset here
_TOKEN_FIELDS = ("i", "text", "start", "end", "lemma", "is_word", "sent", "upos", "feats", "head",
                 "deprel", "ner")
if tuple(f.name for f in fields(Token)) != _TOKEN_FIELDS:  # pragma: no cover - a developer's error
    raise ImportError(f"framing.backends.builtin.tokenize sets {_TOKEN_FIELDS}, Token has other fields")
_new = object.__new__


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with offsets and lemmas (no sentence index yet)."""
    return _tokenize(text)[0]


def _tokenize(text: str) -> tuple[list[Token], list[str], list[int]]:
    """:func:`tokenize`'s tokens, with their keys (``grammar.key`` of each, by index) and
    their start offsets, gathered in the same loop for the document's first views."""
    tokens: list[Token] = []
    append = tokens.append
    keys: list[str] = []
    add_key = keys.append
    starts: list[int] = []
    add_start = starts.append
    known = _WORDS.get
    clitics = False
    # the hot loop of the pipeline: one branch per token, most frequent kind first
    for k, m in enumerate(_SCAN_RE.finditer(text)):
        g = m.lastindex
        start, end = m.span(g)  # the form is sliced only where needed: one call less per token
        if g == _PLAIN or g == _WORD:
            form, lemma, k_ = known(text[start:end]) or _word_entry(text[start:end])
            is_word = True
        else:
            form = text[start:end]
            k_ = normalise(form)
            is_word = True
            if g == _MARK or g == _PUNCT or g == _ELLIPSIS:
                lemma, is_word = form, False
            elif g == _CLITIC_G:
                lemma = form.lstrip("-").split("-")[-1].lower()
                clitics = True
            elif g == _NUM:
                lemma = _NUM_SPACES.sub("", form)
            else:  # elision, special
                lemma = lemma_of(form)
        # the token's slots are set here rather than by Token(...): calling a dataclass's
        # __init__ from a loop costs more than the twelve stores (speed, issue 15: tokens
        # are built ~30 % faster); the fields and defaults are Token's (_TOKEN_FIELDS)
        t = _new(Token)
        t.i = k
        t.text = form
        t.start = start
        t.end = end
        t.lemma = lemma
        t.is_word = is_word
        t.sent = 0
        t.upos = t.feats = t.head = t.deprel = t.ner = None
        append(t)
        add_key(k_)
        add_start(start)
    # only a split-off clitic is a word starting with "-" (no other branch starts a
    # word with one), so without one there is no name to rejoin (the common case)
    if clitics and _rejoin_names(tokens, text):
        keys = [normalise(t.text) for t in tokens]
        starts = [t.start for t in tokens]
    return tokens, keys, starts


def _rejoin_names(tokens: list[Token], text: str) -> bool:
    """Undo a clitic split inside a name: ``Kim Jong-il`` is not ``Jong`` + ``-il``.

    One pass (linear: no deletion and renumbering per name on long texts); called
    by :func:`tokenize` only when a clitic was split off. True when a name was rejoined.
    """
    out: list[Token] = []
    append = out.append
    merged = False
    for t in tokens:
        if (t.text[:1] == "-" and t.is_word and len(out) >= 2 and t.start == out[-1].end
                and out[-1].text[:1].isupper()
                and out[-2].text[:1].isupper() and out[-2].is_word):
            prev = out[-1]
            prev.text = text[prev.start:t.end]
            prev.end = t.end
            prev.lemma = prev.text.lower()
            merged = True
            continue
        if merged:
            t.i = len(out)
        append(t)
    if merged:
        tokens[:] = out
    return merged


def split_sentences(text: str, tokens: list[Token], starts: list[int] | None = None) -> list[Sentence]:
    """Sentence boundaries over ``tokens``; sets each token's ``sent``.

    A sentence ends at a line break, or after ``.``, ``!``, ``?`` or ``…``
    (with any closing quotes or brackets) when the next token starts with a
    capital letter, a digit or an opening quote — unless the full stop follows
    a known abbreviation (``M.``, ``Mme``, ``J.-C.``) or a single initial.
    ``starts`` are the tokens' start offsets when the caller has them.
    """
    sentences: list[Sentence] = []
    n = len(tokens)
    first = 0

    def close(last: int) -> None:
        nonlocal first
        if last > first:
            s_start, s_end = tokens[first].start, tokens[last - 1].end
            idx = len(sentences)
            for t in tokens[first:last]:
                t.sent = idx
            sentences.append(Sentence(idx, s_start, s_end, first, last))
        first = last

    # Only two kinds of token can end a sentence: one followed by a line break and
    # one ending in . ! ? or …; they are found at C speed (newlines by search,
    # final characters by map) and Python visits just those (speed, issue 9).
    # No token contains a line break, so each one falls between two tokens.
    if starts is None:
        starts = [t.start for t in tokens]
    before_break = {bisect.bisect_right(starts, m.start()) - 1 for m in _NEWLINE.finditer(text)}
    ends_sentence = compress(count(), map(_SENT_END.__contains__, map(_LAST_CHAR, map(TOKEN_TEXT, tokens))))
    for k in sorted(before_break.union(ends_sentence)):
        if k < 0:
            continue  # a line break before the first token
        t = tokens[k]
        if k + 1 < n and k in before_break:
            close(k + 1)
            continue
        if t.text[-1:] not in _SENT_END and t.text != "...":
            continue
        j = k + 1
        while j < n and tokens[j].text in _CLOSERS and tokens[j].start == tokens[j - 1].end:
            j += 1
        if j >= n:
            continue
        nxt = tokens[j]
        if text.find("\n", tokens[j - 1].end, nxt.start) >= 0:
            continue  # the line break closes it
        if t.text == "." and k > first:
            prev = tokens[k - 1]
            if prev.end == t.start and (prev.text.lower() in _ABBREVIATIONS
                                        or (len(prev.text) == 1 and prev.text.isalpha())):
                continue
        if nxt.start == tokens[j - 1].end:
            continue  # no space: "U.S.", "3.5", "www.x.fr"
        c = nxt.text[:1]
        if c.isupper() or c.isdigit() or c in "«“\"—–-([":
            close(j)
    close(n)
    return sentences


class BuiltinBackend:
    """Fast offline French pipeline (tokens, sentences, lemmas)."""

    name = "builtin"
    annotations = frozenset({TOKENS, SENTENCES, LEMMAS})

    def parse(self, text: str) -> ParsedDocument:
        tokens, keys, starts = _tokenize(text)
        sentences = split_sentences(text, tokens, starts)
        # the keys and start offsets gathered while tokenising are the document's first
        # views (speed, issue 15: two passes over the tokens fewer, one memo look-up per word)
        return ParsedDocument(text=text, tokens=tokens, sentences=sentences,
                              backend=self.name, annotations=self.annotations,
                              _starts=starts, cache={TOKEN_KEYS_MEMO: keys})
