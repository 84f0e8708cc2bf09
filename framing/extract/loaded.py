"""Loaded vocabulary: evaluative or emotional words, by category and by voice.

A ``LOADED`` span is a word or short phrase whose charge goes beyond neutral
description (codebook, section LOADED). The words come from five lexicons of
the same columns (``term``, ``cat``, ``match``, ``unless``, ``note``, ``use``),
listed in :data:`LEXICONS`: ``loaded.tsv`` (written for the project),
``loaded_idioms.tsv`` (idioms, metaphors, opinion writing), ``loaded_opinion.tsv``
(praise and blame adjectives of the textblob-fr lexicon) and
``loaded_vulgar.tsv`` (insults), ``loaded_wiktionary.tsv`` (derived from
Wiktionary definitions headed by those words). Each span carries

* ``cat``: ``pejorative``, ``fear``, ``hyperbole``, ``glorification``,
  ``weakness``, ``violence`` or ``moral``;
* ``voice``: ``quoted`` inside a ``QUOTE`` span, ``mentioned`` inside any
  other quotation marks (scare quotes), else ``own`` (:mod:`.loaded_voice`) —
  an outlet quoting "occupants néonazis" is not an outlet calling anyone a
  neo-Nazi, and a word inside quotation marks is never the outlet's own voice;
* ``term``: the lexicon term that matched (for reports of the top terms).

Matching rules, in order:

1. Single-word entries also match their regular inflections (feminine,
   plural, past participles) and derived forms (-ment adverbs, irregular
   participles: :mod:`.loaded_derive`), generated here because the
   lemmatiser handles participles and adjectives unevenly (``glaçants``,
   ``sacrifiés``). Entries with ``match=lemma`` additionally match any form
   with that lemma; verb idioms also match with their verb as a participle.
2. An entry whose ``unless`` lemmas occur within three words in the same
   sentence is dropped: that is how ambiguous words are kept precise
   (``régime`` loaded in "le régime syrien", not in "régime fiscal").
3. Overlapping matches: the longest wins; on the same tokens an explicit form
   entry beats a lemma entry, which beats a generated inflection.
4. Descriptive uses are dropped (:mod:`.loaded_use`): words of a technical
   term ("menace terroriste"), and, for ``use=some`` entries, a legal frame
   ("condamné pour vol"), an admission, a negation, a count, an agent named by
   its act, or an entry repeated so often it is the article's topic.
5. Intensifiers (``lexicons/intensifiers.tsv``: très, profondément, encore
   plus ...) immediately before a loaded word widen its span; "plus X que
   jamais" is widened to the whole comparison, and is itself ``hyperbole``
   when X is not in the lexicon ("plus forte que jamais"): intensifier +
   evaluative pairs ("très drôle", "absolument ridicule"); a hyperbole and the
   charged word it touches are one span ("une bévue monumentale").
6. Words inside the marked title of a work ("son livre « … »") get nothing.
7. Judgements that a construction makes, where no lexicon word is: the label
   a judging verb gives ("traite ses collègues de X", "dénonce une « X »":
   :mod:`.loaded_frames`), and superlatives with a universal scope, "rien de
   plus X", "c'est du X", exclamative "quel", marked labels after a copula,
   reduplicated quantities, slogans and censored words
   (:mod:`.loaded_constructions`). A construction that holds a lexicon word
   keeps the lexicon's span and category.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import compress, count
from typing import Iterable

from ..document import ParsedDocument, Token
from ..grammar import QUOTE_PAIRS as _QUOTE_PAIRS
from ..grammar import AVOIR_FORMS, ER_PARTICIPLE_ENDINGS, er_verb_forms, fold_accents, key_positions, lemma_of, normalise
from ..lexicons import Match, PhraseMatcher, phrase_tokens
from ..resources import Resources
from ..spans import LOADED_CATEGORIES, VOICES, Span  # noqa: F401  (VOICES: the codebook values, read from here)
from .loaded_derive import derived_forms, idiom_participles
from .loaded_constructions import constructions
from .loaded_frames import judged_complements, judging_verbs
from .loaded_use import context_lexicon, descriptive_uses, join_adjacent
from .loaded_voice import VoiceMap, voice_map

#: Codebook categories, in the order features are emitted.
CATEGORIES = LOADED_CATEGORIES
#: the loaded-vocabulary lexicons (same columns; a user file of the same name adds to or overrides each)
LEXICONS = ("loaded", "loaded_idioms", "loaded_opinion", "loaded_vulgar", "loaded_wiktionary")

#: how many words around a match an ``unless`` lemma is looked for
UNLESS_WINDOW = 3
#: a use=literal entry looks for its literal scene in the whole sentence ("le décès est lié à une asphyxie")
SENTENCE_WINDOW = 10 ** 6
#: quotation marks: opener -> closer (straight quotes pair with themselves)
QUOTE_PAIRS = dict(_QUOTE_PAIRS)
#: a quotation left open longer than this is treated as a stray mark
MAX_QUOTE_CHARS = 4000
_QUOTE_MARK = re.compile("[" + re.escape("".join(QUOTE_PAIRS) + "".join(QUOTE_PAIRS.values())) + "]")

_RANK_FORM, _RANK_LEMMA, _RANK_GENERATED, _RANK_FOLDED = 0, 1, 2, 3
#: shortest word matched with accents ignored (shorter ones collide: marche/marché)
MIN_FOLDED_LENGTH = 9


# --- lexicon compilation ----------------------------------------------------

def inflections(word: str) -> set[str]:
    """Regular French inflections of a single-word lexicon term.

    Feminine and plural forms of adjectives and nouns, and the four past
    participle forms of ``-er`` / ``-ir`` verbs. Over-generation is harmless
    (a form that does not exist never matches), so the rules are simple.

    Parameters
    ----------
    word : str
        A masculine singular adjective or noun, or a verb infinitive.

    Returns
    -------
    set of str
        Lower-cased forms, not including ``word`` itself.
    """
    w = normalise(word).strip()
    if not w or " " in w or "'" in w or not w[-1].isalpha():
        return set()
    out: set[str] = set()
    if len(w) > 4 and w.endswith("er") and lemma_of(w[:-2] + "ons") == w:
        out |= er_verb_forms(w, ER_PARTICIPLE_ENDINGS)
    elif len(w) > 4 and w.endswith("ir") and lemma_of(w[:-2] + "issons") == w:
        stem = w[:-1]
        out |= {stem, stem + "e", stem + "s", stem + "es"}
    elif w.endswith("eux"):
        out |= {w[:-1] + "se", w[:-1] + "ses"}
    elif w.endswith(("x", "s")):
        out |= {w + "e", w + "es"}
    elif w.endswith("if"):
        out |= {w[:-1] + "ve", w[:-1] + "ves", w + "s"}
    elif w.endswith("al"):
        out |= {w + "e", w + "es", w[:-1] + "ux", w + "s"}
    elif w.endswith(("el", "en", "on")):
        out |= {w + "s", w + w[-1] + "e", w + w[-1] + "es"}
    elif w.endswith("eur"):
        out |= {w + "s", w[:-1] + "se", w[:-1] + "ses"}
        if w.endswith("teur"):
            out |= {w[:-3] + "rice", w[:-3] + "rices"}
    elif w.endswith("er"):
        out |= {w + "s", w[:-2] + "ère", w[:-2] + "ères"}
    elif w.endswith("eau"):
        out.add(w + "x")
    elif w.endswith("e"):
        out.add(w + "s")
    elif w.endswith("ment"):  # adverbs do not inflect
        pass
    else:
        out |= {w + "e", w + "s", w + "es"}
    out.discard(w)
    return out


def expand_entries(entries: Iterable[dict[str, str]], skip: frozenset[str] = frozenset()) -> list[dict[str, str]]:
    """Lexicon rows plus generated inflection and derivation rows (``match=form``), ranked.

    Each returned row has ``_rank`` (0 explicit form, 1 lemma, 2 generated)
    and ``_base`` (the lexicon term it came from). Derived forms (-ment
    adverbs, irregular participles: :mod:`.loaded_derive`) in ``skip`` (degree
    and certainty words) are not generated.
    """
    out: list[dict[str, str]] = []
    explicit_forms = {normalise(e["term"]) for e in entries if (e.get("match") or "form") == "form"}
    for e in entries:
        mode = e.get("match") or "form"
        row = dict(e, _rank=_RANK_FORM if mode == "form" else _RANK_LEMMA, _base=e["term"])
        out.append(row)
        if len([t for t in phrase_tokens(e["term"]) if t.is_word]) != 1:
            if mode == "lemma":  # compound tenses of verb idioms: "a jeté de l'huile sur le feu"
                out += [dict(e, term=v, match="form", _rank=_RANK_GENERATED, _base=e["term"])
                        for v in idiom_participles(e["term"], inflections)]
            continue
        for form in sorted(inflections(e["term"]) | derived_forms(e["term"], skip)):
            if form in explicit_forms:
                continue
            out.append(dict(e, term=form, match="form", _rank=_RANK_GENERATED, _base=e["term"]))
    return out


#: present and past-participle endings of an -er verb ("expulser" -> expulse, expulsent, expulsé ...)
_ER_VERB_ENDINGS = ("e", "es", "ent", "é", "ée", "és", "ées", "ant")


def _unless_set(entry: dict[str, str]) -> frozenset[str]:
    words = [normalise(w.strip()) for w in (entry.get("unless") or "").split(",") if w.strip()]
    out = set(words) | {normalise(lemma_of(w)) for w in words}
    # the lemmatiser leaves many -er forms as they are ("expulsé", "lance"): an -er
    # lemma brings its own forms, so "expulser" cancels "expulsé violemment"
    for w in words:
        if len(w) > 4 and w.endswith("er") and w.isalpha() and lemma_of(w[:-2] + "ent") == w:
            out.update(w[:-2] + end for end in _ER_VERB_ENDINGS)
    return frozenset(out)


class _Compiled:
    """The loaded and intensifier matchers of one configuration."""

    def __init__(self, res: Resources):
        rows = [e for name in LEXICONS for e in res.lexicon(name, required=("cat",)).entries
                if e.get("cat") in CATEGORIES]
        expanded = expand_entries(rows, _degree_words(res))
        self.loaded = PhraseMatcher(expanded)
        # single words with accents ignored, for web text typed without (or with
        # wrong) accents: a last-resort match, only for long words
        self.folded: dict[str, dict[str, str]] = {}
        for e in sorted(expanded, key=lambda e: e["_rank"]):
            key = fold_accents(e["term"])
            if " " not in key and "'" not in key and len(key) >= MIN_FOLDED_LENGTH:
                self.folded.setdefault(key, dict(e, _rank=_RANK_FOLDED))
        self.folded_by_form: dict[str, dict[str, str] | bool] = {}
        self.unless = {e["term"]: _unless_set(e) for e in rows if e.get("unless")}
        intens = res.lexicon("intensifiers")
        # intensifier phrases as tuples of normalised forms, longest first
        phrases = {tuple(normalise(t.text) for t in phrase_tokens(e["term"])) for e in intens.entries}
        self.intensifiers = sorted((p for p in phrases if p), key=len, reverse=True)


def _degree_words(res: Resources) -> frozenset[str]:
    """Intensifiers, boosters and hedges: words a derived adverb must not become ("parfaitement")."""
    return frozenset(normalise(e["term"]) for name in ("intensifiers", "boosters", "hedges")
                     for e in res.lexicon(name).entries)


def _compiled(res: Resources) -> _Compiled:
    return res.memo(("loaded", "compiled"), lambda: _Compiled(res))


# --- extraction ---------------------------------------------------------------

def extract(doc: ParsedDocument, spans: list[Span], res: Resources) -> list[Span]:
    """Add ``LOADED`` spans (``cat``, ``voice``, ``term``) to ``spans``.

    Parameters
    ----------
    doc : ParsedDocument
        The parsed document (builtin tokens and lemmas suffice; a ``upos``
        layer, when present, keeps proper nouns out).
    spans : list of Span
        Spans of the earlier stages; ``QUOTE`` and ``HEDGE type=scare`` spans
        decide the voice (:mod:`.loaded_voice`).
    res : Resources
        Shared lexicons (:data:`LEXICONS`, ``loaded_context``, ``intensifiers``,
        with user overrides).

    Returns
    -------
    list of Span
        ``spans`` followed by the new ``LOADED`` spans, in document order.
    """
    comp = _compiled(res)
    toks = doc.tokens
    chosen = _select(doc, comp, comp.loaded.find(doc) + _folded_matches(doc, comp))
    context = context_lexicon(res)
    descriptive = descriptive_uses(doc, chosen, context)  # literal, legal, technical uses (issue 18)
    chosen = [m for k, m in enumerate(chosen) if k not in descriptive]
    found: list[tuple[int, int, str, str]] = []  # first token, last token (excl.), cat, term
    literal: set[tuple[int, int]] = set()  # spans of use=literal words: no span in the writer's own voice
    for m in chosen:
        first, last = _widen(toks, comp.intensifiers, m.first, m.last)
        found.append((first, last, m.entry["cat"], m.entry.get("_base", m.entry["term"])))
        if m.entry.get("use") == "literal":
            literal.add((first, last))
    found += _plus_que_jamais(doc, found)
    # judgements made by a construction, where no lexicon word already is (issue 18)
    found += _uncovered(_judged_labels(doc, res) + constructions(doc, res), found)
    found = join_adjacent(sorted(found), toks)
    voices = _voice_map(doc, spans, context)
    out = list(spans)
    for first, last, cat, term in found:
        start, end = toks[first].start, toks[last - 1].end
        if voices.in_title(start, end):  # a title is a name: nothing (codebook)
            continue
        voice = voices.voice(start, end)
        if (first, last) in literal and voice == "own":
            continue  # a use=literal word in the writer's own voice names the event reported (loaded_use)
        out.append(Span.at(doc.text, start, end, "LOADED", cat=cat, voice=voice, term=normalise(term)))
    return out


def _select(doc: ParsedDocument, comp: _Compiled, matches: list[Match]) -> list[Match]:
    """Filter matches by context, then keep the longest non-overlapping ones."""
    has_upos = doc.has("upos")
    kept = []
    for m in matches:
        if m.last - m.first == 1 and _looks_like_name(doc, m.first, has_upos):
            continue
        unless = comp.unless.get(m.entry.get("_base", m.entry["term"]))
        # the plain name of a physical event is literal when the sentence tells the scene anywhere
        window = SENTENCE_WINDOW if m.entry.get("use") == "literal" else UNLESS_WINDOW
        if unless and _context_has(doc, m.first, m.last, unless, window):
            continue
        kept.append(m)
    kept.sort(key=lambda m: (-(m.last - m.first), m.entry.get("_rank", 0), m.first))
    taken: set[int] = set()
    out = []
    for m in kept:
        if any(i in taken for i in range(m.first, m.last)):
            continue
        taken.update(range(m.first, m.last))
        out.append(m)
    out.sort(key=lambda m: m.first)
    return out


def _folded_matches(doc: ParsedDocument, comp: _Compiled) -> list[Match]:
    """Single-word matches ignoring accents (ranked below every exact match)."""
    # the entry (or False) of each word form, memoised (bounded) by form: folding
    # every token of every document was most of this stage (speed, issue 9)
    memo = comp.folded_by_form
    if len(memo) > 100_000:
        memo.clear()
    toks = doc.tokens
    forms = doc.forms()
    entries = list(map(memo.get, forms))
    if None in entries:  # forms not seen before
        for i in [i for i, e in enumerate(entries) if e is None]:
            form = forms[i]
            entries[i] = memo[form] = (len(form) >= MIN_FOLDED_LENGTH and comp.folded.get(fold_accents(form))
                                       or False)
    return [Match(i, i + 1, entries[i]) for i in compress(count(), entries) if toks[i].is_word]


def _looks_like_name(doc: ParsedDocument, i: int, has_upos: bool) -> bool:
    """A capitalised word inside a sentence is part of a name or title."""
    tok = doc.tokens[i]
    if has_upos and tok.upos == "PROPN":
        return True
    if not tok.text[:1].isupper() or tok.text.isupper():
        return False
    sent = doc.sentences[tok.sent] if tok.sent is not None and tok.sent < len(doc.sentences) else None
    if sent is not None and i == sent.first:
        return False
    prev = doc.tokens[i - 1] if i > 0 else None
    if prev is None or (not prev.is_word and prev.text in "«“\"‹(:—–-•|") or "\n" in doc.text[prev.end:tok.start]:
        return False
    return True


def _context_has(doc: ParsedDocument, first: int, last: int, lemmas: frozenset[str],
                 window: int = UNLESS_WINDOW) -> bool:
    """True when a word within ``window`` words of ``[first, last)`` (same sentence) has one of ``lemmas``."""
    toks = doc.tokens
    sent = toks[first].sent
    for direction, start in ((-1, first - 1), (1, last)):
        i, seen = start, 0
        while 0 <= i < len(toks) and seen < window and toks[i].sent == sent:
            t = toks[i]
            if t.is_word:
                seen += 1
                if {normalise(t.text), normalise(t.lemma or ""), normalise(lemma_of(t.text))} & lemmas:
                    return True
            i += direction
    return False


def _widen(toks: list[Token], intensifiers: list[tuple[str, ...]], first: int, last: int) -> tuple[int, int]:
    """Extend ``[first, last)`` over preceding intensifiers and a closing "que jamais"."""
    sent = toks[first].sent
    widened = True
    comparative: int | None = None  # the index of "plus", "moins" or "aussi"
    while widened:
        widened = False
        # a phrase can only match when its last word is the word before ``first``:
        # tested first, it spares normalising a window per phrase (speed, issue 9)
        before = normalise(toks[first - 1].text) if first > 0 else None
        for phrase in intensifiers:
            if phrase and phrase[-1] != before:
                continue
            a = first - len(phrase)
            if a < 0 or toks[a].sent != sent:
                continue
            if tuple(normalise(t.text) for t in toks[a:first]) == phrase:
                first = a
                widened = True
                if comparative is None and phrase[-1] in ("plus", "moins", "aussi"):
                    comparative = first + len(phrase) - 1
                break
    if comparative is not None and last + 1 < len(toks) and toks[last + 1].sent == sent \
            and normalise(toks[last].text) == "que" and normalise(toks[last + 1].text) == "jamais" \
            and _closes_comparison(toks, comparative, last + 1):
        last += 2
    return first, last


def _judged_labels(doc: ParsedDocument, res: Resources) -> list[tuple[int, int, str, str]]:
    """Labels that a judging verb gives ("traite ses collègues de pétainistes", "salue des « avancées »")."""
    return [(first, last, cat, " ".join(normalise(t.text) for t in doc.tokens[first:last] if t.is_word))
            for first, last, cat in judged_complements(doc, judging_verbs(res))]


def _uncovered(candidates: list[tuple[int, int, str, str]],
               found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The candidates that touch no token of ``found`` nor of an earlier candidate."""
    covered = {i for a, b, _, _ in found for i in range(a, b)}
    out = []
    for c in candidates:
        if not any(i in covered for i in range(c[0], c[1])):
            out.append(c)
            covered.update(range(c[0], c[1]))
    return out


#: the comparatives that "que jamais" closes ("plus forte", "aussi profond ici que jamais")
_PLUS_MOINS = frozenset({"plus", "moins", "aussi"})
#: words between the comparative and "que jamais": the adjective, an adverb or a place word ("ici")
_MAX_COMPARED_WORDS = 3


#: words after "jamais" that leave it closing the comparison ("plus forte que jamais dans la région"):
#: prepositions, coordinators and the adverbs of time that complete "jamais"
_AFTER_CLOSED_JAMAIS = frozenset("""à au aux de d' du des dans en sur sous pour par avec contre chez vers entre
depuis pendant durant face devant après avant auparavant jusque jusqu' et ou mais car ni""".split())


def _closes_comparison(toks: list[Token], comparative: int, jamais: int) -> bool:
    """True when "que jamais" at ``jamais`` closes the comparison opened at ``comparative``: a
    punctuation mark, the sentence's end, a preposition or a coordinator follows ("plus forte que
    jamais.", "aussi large ici que jamais dans"), not a clause ("a aussi rappelé que jamais la ville
    n'avait", where "que" opens what was recalled); and the comparative is no adverb of a compound
    tense ("a aussi rappelé", "a plus insisté": the word compared is a participle, not an adjective)."""
    if comparative > 0 and normalise(toks[comparative - 1].text) in AVOIR_FORMS:
        return False
    nxt = jamais + 1
    return (nxt >= len(toks) or not toks[nxt].is_word or toks[nxt].sent != toks[jamais].sent
            or normalise(toks[nxt].text) in _AFTER_CLOSED_JAMAIS)


def _plus_que_jamais(doc: ParsedDocument, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """"plus / aussi X que jamais" (X one to three words, not already loaded) is hyperbole."""
    toks = doc.tokens
    covered = {i for a, b, _, _ in found for i in range(a, b)}
    out = []
    # Python visits only the tokens whose key is "plus", "moins" or "aussi" (the document's key
    # index; speed, issues 9 and 15)
    for i in key_positions(doc, _PLUS_MOINS):
        t = toks[i]
        for gap in range(1, _MAX_COMPARED_WORDS + 1):
            j = i + 1 + gap  # index of "que"
            if j + 1 >= len(toks):
                break
            middle = toks[i + 1:j]
            if not all(m.is_word for m in middle) or any(normalise(m.text) in ("que", "jamais") for m in middle):
                break
            if normalise(toks[j].text) in ("que", "qu'") and normalise(toks[j + 1].text) == "jamais" \
                    and toks[j + 1].sent == t.sent and _closes_comparison(toks, i, j + 1):
                if not any(k in covered for k in range(i, j + 2)):
                    out.append((i, j + 2, "hyperbole", "plus ... que jamais"))
                    covered.update(range(i, j + 2))
                break
    return out


# --- voice --------------------------------------------------------------------

def _voice_map(doc: ParsedDocument, spans: list[Span], context) -> VoiceMap:
    """Quoted, mentioned (scare quotes) and title regions of ``doc`` (see :mod:`.loaded_voice`)."""
    quotes = [(s.start, s.end) for s in spans if s.label == "QUOTE"]
    scare = [(s.start, s.end) for s in spans if s.label == "HEDGE" and s.attrs.get("type") == "scare"]
    return voice_map(doc.text, quotes, scare, quotation_mark_regions(doc.text), context.title_cues)


def quotation_mark_regions(text: str) -> list[tuple[int, int]]:
    """Regions enclosed in quotation marks (marks included).

    « » “ ” ‹ › pair by type (a pair may span paragraphs, as the codebook
    allows); a straight ``"`` pairs with the next one on the same line. A mark
    left open for more than :data:`MAX_QUOTE_CHARS` characters is ignored.

    Parameters
    ----------
    text : str
        The document text.

    Returns
    -------
    list of (start, end)
        Sorted, possibly nested regions.
    """
    out: list[tuple[int, int]] = []
    open_at: dict[str, list[int]] = {}
    for mark in _QUOTE_MARK.finditer(text):  # only the marks matter: skip the other characters
        i, ch = mark.start(), mark.group()
        if ch == '"':
            stack = open_at.setdefault('"', [])
            if stack and "\n" not in text[stack[-1]:i]:
                out.append((stack.pop(), i + 1))
            else:
                open_at['"'] = [i]
        elif ch in QUOTE_PAIRS:
            open_at.setdefault(ch, []).append(i)
        else:
            for opener, closer in QUOTE_PAIRS.items():
                if ch == closer and opener != '"':
                    stack = open_at.get(opener)
                    while stack and i - stack[-1] > MAX_QUOTE_CHARS:
                        stack.pop()
                    if stack:
                        out.append((stack.pop(), i + 1))
    return sorted(out)


# --- features and reports -------------------------------------------------------

def features(ctx) -> dict[str, float]:
    """Loaded-vocabulary rates per 1,000 words: all, by voice, by category.

    Keys: ``loaded_per_1k``, ``loaded_own_per_1k``, ``loaded_quoted_per_1k``,
    ``loaded_mentioned_per_1k`` (scare quotes; the three voices add up to the whole),
    ``loaded_{cat}_per_1k`` and ``loaded_own_{cat}_per_1k`` for every category
    of :data:`CATEGORIES`, and ``n_loaded``.
    """
    spans = ctx.label("LOADED")
    own = [s for s in spans if s.attrs.get("voice", "own") == "own"]
    quoted = [s for s in spans if s.attrs.get("voice") == "quoted"]
    mentioned = [s for s in spans if s.attrs.get("voice") == "mentioned"]
    out = {"loaded_per_1k": ctx.per_1k(len(spans)),
           "loaded_own_per_1k": ctx.per_1k(len(own)),
           "loaded_quoted_per_1k": ctx.per_1k(len(quoted)),
           "loaded_mentioned_per_1k": ctx.per_1k(len(mentioned))}
    all_by = Counter(s.attrs.get("cat") for s in spans)
    own_by = Counter(s.attrs.get("cat") for s in own)
    for cat in CATEGORIES:
        out[f"loaded_{cat}_per_1k"] = ctx.per_1k(all_by[cat])
    for cat in CATEGORIES:
        out[f"loaded_own_{cat}_per_1k"] = ctx.per_1k(own_by[cat])
    out["n_loaded"] = float(len(spans))
    return out


def top_terms(spans: Iterable[Span], n: int = 10, voice: str | None = None) -> list[tuple[str, str, int]]:
    """The most frequent loaded terms of a document (or of any span list).

    Parameters
    ----------
    spans : iterable of Span
        Spans of any labels; only ``LOADED`` ones are counted.
    n : int, default 10
        How many terms to return.
    voice : {"own", "quoted"} or None
        Count only spans in that voice.

    Returns
    -------
    list of (term, cat, count)
        ``term`` is the lexicon term that matched (so inflections count
        together), most frequent first, ties alphabetical.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for s in spans:
        if s.label != "LOADED" or (voice is not None and s.attrs.get("voice", "own") != voice):
            continue
        term = s.attrs.get("term") or " ".join(lemma_of(w) for w in normalise(s.text).split())
        counts[(term, s.attrs.get("cat", ""))] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))
    return [(term, cat, c) for (term, cat), c in ranked[:n]]


#: the ``use`` column: evaluative in every use, or only in some (context decides; empty = always)
USES = ("always", "some", "literal", "declared", "")
#: the ``cat`` a user lexicon gives a shipped term to switch it off
DISABLED = "none"


def validate_entry(entry: dict[str, str]) -> str | None:
    """Why a ``loaded.tsv`` (or other loaded-vocabulary lexicon) row is invalid (``None`` when it is valid).

    ``cat`` must be a codebook category, or ``none`` (a user file's way to
    switch off a shipped entry); ``use``, when given, ``always``, ``some``, ``literal`` or ``declared``.
    """
    cat = entry.get("cat", "")
    if cat not in CATEGORIES and cat != DISABLED:
        return f"cat must be one of {', '.join(CATEGORIES)} (or {DISABLED}), not {cat!r}"
    if entry.get("use", "") not in USES:
        return f"use must be always, some, literal or declared (or empty), not {entry['use']!r}"
    return None
