"""Direct quotations (``QUOTE``) and scare quotes (``HEDGE type=scare``).

Pairing quotation marks
-----------------------
One left-to-right pass over the marks (« » “ ” ‹ › and straight ``"``) with
a small stack, so the cost is linear in the text length:

* « “ ‹ always open and » ” › always close; a straight ``"`` opens or closes
  by its neighbours (space or ``(`` before and a letter after opens; a letter
  before and a space or punctuation after closes), and toggles otherwise;
  apostrophes (``l'armée``, ``aujourd’hui``) are never marks;
* a closing mark pairs with the nearest compatible opening mark on the stack;
  openings left above it were unmatched and are dropped; a closing mark with
  no opening is skipped;
* French multi-paragraph quotes repeat the opening mark at the start of each
  paragraph and close once: an opening mark starting the next paragraph
  continues the open quote. Without it a quote may cross one line break
  (short quotes only); quotes are bounded (8 paragraphs, 5,000 characters),
  so an unmatched mark never swallows the rest of the text;
* only the outermost pairs are spans (an inner quotation is part of the
  quoted words).

Classifying a pair
------------------
A pair is a ``QUOTE`` when it reads as someone's words: it fills its
paragraph, follows a colon, is followed by an inserted attribution
(``», a déclaré X``), holds a full sentence or more than six words, or is a
short phrase in a sentence with a reporting cue before it (``a qualifié ce
vote de "mensonge"``). Names and titles (``le «New York Times»``,
``Plus de «International»``: capitalised words, or after an outlet/title
word) get nothing. Any other short phrase (≤ 6 words) is a scare quote:
``HEDGE type=scare``. A QUOTE woven into the writer's sentence (not at the
sentence start, not after a colon, not the continuation of a split quote)
gets ``mixed="yes"``. The span includes the marks.
"""
from __future__ import annotations

import bisect
from collections import Counter
import re

from ..document import ParsedDocument
from ..grammar import (CONTRACTED_ARTICLES, FINITE_VERB_MARKERS, QUOTE_OPEN, STOP_OR_BREAK_RE, normalise,
                       words as _words)
from ..resources import Resources
from ..spans import Span
from . import quote_kinds
from .incises import incise_after
from .reporting import cue_follows, find_cues, line_bounds, lexicon as reporting_lexicon

# precompiled: these run per name or quote, and re's own cache look-up costs as much (speed, issue 15)
_ENDS_SENTENCE = re.compile(r"[.!?…]$")
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+[A-ZÀ-Ý]")

#: opening mark -> closing marks it pairs with
_PAIRS = {"«": "»", "“": "”", "‹": "›", '"': '"', "”": "”"}
#: marks of two kinds typed as one pair in web copy (« … " and " … »): the closing one pairs with
#: the opening one right before it when no opening mark of its own kind is open
_MIXED_PAIRS = {"«": '"', '"': "»"}
_MARK_RE = re.compile(r'[«»“”‹›"]|\n')
MAX_PARAGRAPHS = 8
MAX_CHARS = 5000
MAX_UNREPEATED_BREAK_CHARS = 600
MAX_DEPTH = 6
SCARE_MAX_WORDS = 6

_OPEN_BEFORE = set(" \t\n\r\u00a0\u202f([{'’«“—–-/:") | {""}
_CLOSE_AFTER = set(" \t\n\r\u00a0\u202f.,;:!?)]}»”…-—–'’") | {""}
_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_NAMING_STEMS = ("surnomm", "baptis", "intitul", "dénomm", "appell")  # (not the noun "appel")
_SMALL = CONTRACTED_ARTICLES | _words("""de
d la le les l et à en sur pour par the of and""")
_MENTIONED_WORDS = frozenset("oui non contre pour".split())


def _after_paragraph_break(text: str, pos: int, stack: list[list], continuation_at: int,
                           dropped: dict[str, list]) -> tuple[list[list], int]:
    """The open marks still open after the line break at ``pos``, and where a repeated opening mark sits.

    A quote running over paragraphs repeats its opening mark at each new one
    (French usage); an opening mark whose quote meets a break without that
    repetition, or runs too long, is dropped.
    """
    n = len(text)
    # first non-space character of the next paragraph
    j = pos + 1
    while j < n and text[j] in " \t\r\n\u00a0\u202f":
        j += 1
    nxt = text[j] if j < n else ""
    repeated = nxt and nxt in _PAIRS and any(e[0] == nxt or (nxt == '"' and e[0] == '"') for e in stack)
    keep = []
    for e in stack:
        e[2] += 1
        if repeated:
            continuation_at = j
        else:
            e[3] += 1
        if e[2] > MAX_PARAGRAPHS or pos - e[1] > MAX_CHARS:
            continue
        if e[3] > 1 or (e[3] == 1 and pos - e[1] > MAX_UNREPEATED_BREAK_CHARS):
            dropped[e[0]] = e  # may still be closed by a mark no other opening claims
            continue
        keep.append(e)
    return keep, continuation_at


def _late_opening(dropped: dict[str, list], c: str, prev: str, nxt: str, pos: int) -> int | None:
    """Position of a dropped opening that the closing mark ``c`` ends: ``c`` closes by its
    neighbours (a letter or punctuation before, a space or punctuation after) and nothing of
    the opening's kind came between them (``dropped`` was cleared by any such mark)."""
    opener = next((o for o, closers in _PAIRS.items() if c in closers and o in dropped), None)
    if opener is None or prev in _OPEN_BEFORE or nxt not in _CLOSE_AFTER:
        return None
    e = dropped.pop(opener)
    return e[1] if pos - e[1] <= MAX_CHARS and e[2] <= MAX_PARAGRAPHS else None


def _mark_role(c: str, prev: str, nxt: str, stack: list[list]) -> str:
    """``"open"`` or ``"close"``: what the quotation mark ``c`` does, from its neighbours and the open marks."""
    if c in "«“‹":
        if c == "“" and not any(e[0] == "“" for e in stack) and prev not in _OPEN_BEFORE and nxt in _CLOSE_AFTER:
            return "close"  # a “ used as a closing mark: „…“ or “…“
        return "open"
    if c in "»›":
        return "close"
    if c == "”":
        if any(e[0] in "“”" for e in stack):
            return "close"
        if prev in _OPEN_BEFORE and nxt not in _CLOSE_AFTER:
            return "open"  # ”…” used for both ends
        return "close"
    # straight double quote
    opens = prev in _OPEN_BEFORE and nxt not in _CLOSE_AFTER
    closes = nxt in _CLOSE_AFTER and prev not in _OPEN_BEFORE
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if any(e[0] == '"' for e in stack):
        return "close"
    # (spaces on both sides, a French quotation open: "« … menacé ". » typed with a straight closer)
    return "close" if stack and stack[-1][0] == "«" and prev in " \u00a0\u202f" else "open"


def quote_pairs(doc: ParsedDocument) -> list[tuple[int, int]]:
    """:func:`pair_quotes` of the document's text, computed once per document: the quotes
    stage, the entity table of the speakers and the attribution all read them (speed,
    issue 15). The list is shared: read it, do not change it."""
    return doc.memo("quotes.pairs", lambda: pair_quotes(doc.text))


def pair_quotes(text: str) -> list[tuple[int, int]]:
    """Outermost quotation pairs of ``text`` as ``(start, end)`` (end after the closing mark).

    Linear time; unmatched marks are skipped. See the module docstring.
    """
    stack: list[list] = []  # [open_char, pos, paragraphs, unrepeated_breaks]
    pairs: list[tuple[int, int]] = []
    n = len(text)
    continuation_at = -1
    # openings dropped at a paragraph break, by mark: a quote running over paragraphs
    # without repeating its opening mark (AFP style) is still one quote when the next mark
    # of its kind is an unambiguous closing one
    dropped: dict[str, list] = {}
    for m in _MARK_RE.finditer(text):
        c = m.group()
        pos = m.start()
        if c == "\n":
            if stack and not text[max(0, pos - 8):pos].rstrip(" \t\r\u00a0\u202f").endswith("\n"):
                # (a blank line between paragraphs is one paragraph break, not two)
                stack, continuation_at = _after_paragraph_break(text, pos, stack, continuation_at, dropped)
            continue
        if pos == continuation_at:
            continue  # the repeated opening mark of a multi-paragraph quote
        prev = text[pos - 1] if pos > 0 else ""
        nxt = text[pos + 1] if pos + 1 < n else ""
        role = _mark_role(c, prev, nxt, stack)
        if role == "close" and not stack and (late := _late_opening(dropped, c, prev, nxt, pos)) is not None:
            pairs.append((late, pos + 1))
            continue
        dropped.pop(c, None)  # any other mark of the same kind settles the dropped opening
        if role == "open":
            if stack and pos - stack[0][1] > MAX_CHARS:
                stack = [e for e in stack if pos - e[1] <= MAX_CHARS]
            stack.append([c, pos, 0, 0])
            if len(stack) > MAX_DEPTH:
                del stack[0]
            continue
        # closing: nearest compatible opening, else a French and a straight mark typed as a pair
        for i in range(len(stack) - 1, -1, -1):
            o = stack[i][0]
            if _PAIRS.get(o) == c or (c == "“" and o in "“„") or (c == "”" and o in "“”"):
                break
        else:
            i = len(stack) - 1 if stack and _MIXED_PAIRS.get(stack[-1][0]) == c else -1
        if i >= 0:
            start = stack[i][1]
            del stack[i:]
            if pos - start <= MAX_CHARS:
                pairs.append((start, pos + 1))
    pairs += _open_at_the_end(text, stack)
    pairs.sort()
    out: list[tuple[int, int]] = []
    for s, e in pairs:
        if out and s < out[-1][1]:
            continue  # nested inside the previous kept pair
        out.append((s, e))
    return out


def _open_at_the_end(text: str, stack: list[list]) -> list[tuple[int, int]]:
    """A French opening mark « still open when the text ends, in its last paragraph: a quotation cut
    off with its article (a partner's text shortened by the publisher), which runs to the end.
    Straight marks are too ambiguous."""
    end = len(text.rstrip())
    first = next((e for e in stack if e[0] == "«" and end - e[1] <= MAX_CHARS and "\n" not in text[e[1]:end]), None)
    return [(first[1], end)] if first is not None and end > first[1] + 1 else []


def extract(doc: ParsedDocument, spans: list[Span], res: Resources) -> list[Span]:
    """QUOTE spans (``mixed="yes"`` for woven quotes) and HEDGE type=scare spans."""
    text = doc.text
    cues = find_cues(doc, res)
    verb_cues = [c for c in cues if c.kind in ("verb", "prep")]
    cue_starts = [c.start(doc) for c in verb_cues]
    out = list(spans)
    cue_ends = sorted(c.end(doc) for c in verb_cues)
    # cues that attribute words (not "il accepte de s'exprimer": speaking, with no content)
    content_cue_starts = [c.start(doc) for c in verb_cues
                          if not (c.lemma == "exprimer" and c.first < c.head)]
    prev_quote: tuple[int, int] | None = None
    title_words = quote_kinds.quote_cues(res).title_words
    pairs = quote_pairs(doc)
    pair_starts = [a for a, _ in pairs]
    marked_count = Counter(_marked_key(text[a + 1:b - 1]) for a, b in pairs)
    for s, e in pairs:
        inner = text[s + 1:e - 1]
        words = _WORD_RE.findall(inner)
        if not words:
            continue
        line_a, line_b = line_bounds(doc, s, e)
        before_line = text[max(line_a, s - 300):s]
        after_line = text[e:min(line_b, e + 300)]
        # (a subheading between dashes, "- « Cycle de provocation » -", fills its line too)
        fills_paragraph = not before_line.strip(" \t\u00a0\u202f-–—") and \
            not after_line.strip(" \t\u00a0\u202f.,;:!?-–—")
        colon_before = before_line.rstrip(" \t\u00a0\u202f").endswith(":")
        # cues right after the closing mark (", a déclaré X", "» a-t-il dit", ", selon X")
        k = bisect.bisect_left(cue_starts, e)
        cue_after = k < len(verb_cues) and cue_follows(text, e, cue_starts[k]) or incise_after(doc, e) is not None
        stripped = inner.strip(" \u00a0\u202f")
        full_sentence = bool(_ENDS_SENTENCE.search(stripped)) or bool(_SENTENCE_BREAK.search(stripped))
        sent = doc.sentence_of(s)
        sent_start = sent.start if sent is not None else line_a
        sent_start = max(sent_start, line_a)
        k0 = bisect.bisect_left(cue_starts, sent_start)
        k0 = max(k0, k - 50)  # bounded look-back: a giant "sentence" must not make this quadratic
        cue_before = any(verb_cues[i].end(doc) <= s for i in range(k0, min(k, len(verb_cues)))
                         if cue_starts[i] < s)
        speech = fills_paragraph or colon_before or cue_after or full_sentence or len(words) > SCARE_MAX_WORDS \
            or _speaker_deixis(words) or len(words) > 1 and _predicate_quoted(doc, s, e) \
            or len(words) > 2 and _clause_quoted(doc, s, e) or _governed_by_saying(doc, res, s) \
            or quote_kinds.echoed_in_longer_quote(doc, s, e, pairs)
        if _after_naming_verb(text, s):
            prev_quote = None
            continue  # "celle que l'on surnomme « Mamie Rock »": a name, whatever follows
        title = _is_title(text, s, inner, words, title_words) or _is_gloss(text, s, e)
        if not (colon_before or fills_paragraph) and (not cue_after and title or quote_kinds.names_an_organisation(
                res, text, s, inner, words)):  # (an organisation's name closes a subject: "le collectif « X » a dit")
            prev_quote = None
            continue
        if len(words) == 1 and words[0].lower() in _MENTIONED_WORDS and not (fills_paragraph or colon_before):
            continue  # 'la victoire du "oui"': a word mentioned as a word, even after a cue
        lead = text[max(sent_start, s - 300):s].strip(" \t\u00a0\u202f-–—")
        plain = fills_paragraph or colon_before or cue_after or full_sentence
        slogan = not fills_paragraph and quote_kinds.slogan_near(doc, res, s, e)
        if not plain and not slogan and quote_kinds.title_shaped(
                inner, words, lead, quote_kinds.introduced_by_cue(text, s, cue_ends)):
            prev_quote = None
            continue  # « Le massacre des innocents », « Envoyé spécial »: a title
        if not speech and not cue_before and not slogan \
                and not quote_kinds.attributed_nearby(doc, res, s, e, content_cue_starts, pairs, pair_starts):
            if marked_count[_marked_key(inner)] < 2 and not quote_kinds.names_terms(doc, res, s, e, words, pairs):
                # (a phrase the text marks again and again is a label it uses, a movement's or a
                # group's name, not a distance taken once: it gets nothing)
                out.append(Span.at(text, s, e, "HEDGE", type="scare"))
            continue
        continuation = False
        if prev_quote is not None and prev_quote[1] <= s and s - prev_quote[1] <= 80:
            gap = text[prev_quote[1]:s]
            if not STOP_OR_BREAK_RE.search(gap) and any(prev_quote[1] <= cs < s for cs in cue_starts[k0:k]):
                continuation = True
        mixed = not (fills_paragraph or colon_before or continuation or not lead)
        attrs = {"mixed": "yes"} if mixed else {}
        if slogan:
            attrs["slogan"] = "yes"  # a crowd's words: the speaker is anonymous
        out.append(Span.at(text, s, e, "QUOTE", **attrs))
        prev_quote = (s, e)
    return out


def _marked_key(inner: str) -> str:
    return " ".join(normalise(inner).split())


def _governed_by_saying(doc: ParsedDocument, res: Resources, s: int) -> bool:
    """The marks are the object of a verb of saying right before them, through an article or "de"
    ("la députée demande « des actes »", "a qualifié le texte de « torchon »"): the verb's subject
    says those words (codebook: a partial quote when the sentence attributes words to a speaker),
    whatever frame the verb would need to be a cue on its own."""
    toks = doc.tokens
    k = doc.token_index_from(s) - 1
    while k >= 0 and toks[k].text in QUOTE_OPEN:
        k -= 1
    steps = 0
    while k >= 0 and normalise(toks[k].text) in _BETWEEN_VERB_AND_MARKS and steps < 2:
        k -= 1
        steps += 1
    return k >= 0 and toks[k].is_word and toks[k].text[:1].islower() \
        and (toks[k].lemma or normalise(toks[k].text)) in reporting_lexicon(res).verbs


_BETWEEN_VERB_AND_MARKS = frozenset("de d' des le la les l' un une du".split())


def _after_naming_verb(text: str, s: int) -> bool:
    """Any form of a verb of naming right before the opening mark ("surnomme", "baptisée")."""
    m = _LAST_WORD_RE.search(text, max(0, s - 30), s)
    return m is not None and m.group(1).lower().startswith(_NAMING_STEMS)


_LAST_WORD_RE = re.compile(r"([^\W\d_]+)[\s\u00a0\u202f]*$")


def _predicate_quoted(doc: ParsedDocument, s: int, e: int) -> bool:
    """The marks open on a finite verb or a negation ("« veut en finir »", "« n'a rien compris »"):
    a quoted verb phrase is someone's words woven into the sentence, not a term held at a distance
    (a single quoted word, "que Kim « réduise » Poutine", stays a scare quote)."""
    k = doc.token_index_from(s + 1)
    toks = doc.tokens
    if k >= len(toks) or toks[k].start >= e or not toks[k].is_word:
        return False
    t = toks[k]
    w = normalise(t.text)
    if k > 1 and normalise(toks[k - 2].text) in _DETERMINERS_BEFORE:
        return False  # "la « remise à zéro »": a noun after its determiner
    if w in ("ne", "n'") or w in FINITE_VERB_MARKERS:
        return True
    return _finite_verb(t)


def _clause_quoted(doc: ParsedDocument, s: int, e: int) -> bool:
    """The marks hold a clause, a subject and its finite verb ("« les prix montent partout »"): a
    statement someone made, not a term the writer holds at a distance (a scare quote is a word or
    a noun phrase). Not a verb inside a relative clause ("la « femme qui pleure »")."""
    toks = doc.tokens
    k = doc.token_index_from(s + 1)
    first = k
    while k < len(toks) and toks[k].end <= e:
        t = toks[k]
        w = normalise(t.text)
        if w in _RELATIVE_WORDS:
            return False
        if k > first and t.is_word and (w in FINITE_VERB_MARKERS or _finite_verb(t)):
            return True
        k += 1
    return False


def _finite_verb(t) -> bool:
    """A lower-case inflected verb form that is no participle or plural of its lemma."""
    w = normalise(t.text)
    return bool(t.text[:1].islower() and t.lemma != w and t.lemma.endswith(("er", "ir", "re", "oir"))
                and not w.endswith(("é", "ée", "és", "ées", "ant", "ants", "ante", "antes")) and w != t.lemma + "s")


_RELATIVE_WORDS = frozenset("qui que qu' dont où lequel laquelle lesquels lesquelles".split())
_DETERMINERS_BEFORE = frozenset("""le la les l' un une des du de d' au aux ce cet cette ces son sa ses leur
leurs mon ma mes notre nos votre vos""".split())


def _speaker_deixis(words: list[str]) -> bool:
    """A first- or second-person word: the marks hold someone's words ("J'ai tout de suite
    compris"), not the writer's distance from a term (a scare quote names no "I" or "you")."""
    return any(w.lower().replace("’", "'").split("'")[0] + ("'" if "'" in w or "’" in w else "") in _DEIXIS
               for w in words)


_DEIXIS = frozenset("""je j' me m' moi tu t' te toi nous vous mon ma mes ton ta tes notre nos votre vos""".split())


def _is_gloss(text: str, s: int, e: int) -> bool:
    """A translation in brackets after a quoted name: « PeaceData » (« données de paix »)."""
    before = text[max(0, s - 3):s].rstrip(" \u00a0\u202f")
    after = text[e:e + 2].lstrip(" \u00a0\u202f")
    if not (before.endswith("(") and after.startswith(")")):
        return False
    head = text[max(0, s - 60):s].rstrip(" \u00a0\u202f(").rstrip()
    return head[-1:] in ("»", "”", '"') or bool(re.search(r"[A-Z][\w-]*$", head))


def _is_title(text: str, s: int, inner: str, words: list[str], title_words: frozenset[str]) -> bool:
    """A name or title in quotation marks: capitalised words, or after an outlet/title word
    (``title_words``: ``quote_cues.tsv`` kind=title)."""
    # (the last word without an elided article: "l'émission « … »", "L'album « … »")
    before = [w.replace("’", "'").split("'")[-1] for w in _WORD_RE.findall(text[max(0, s - 40):s])]
    if before and before[-1].lower() in title_words:
        return True
    capitalised = inner.strip(" \u00a0\u202f")[:1].isupper()
    if len(before) >= 2 and before[-2].lower() in title_words and before[-1].lower() in ("le", "la", "les", "l", "du", "de", "des") \
            and capitalised:
        return True  # "le programme de « rupture libérale »" is no title: titles take a capital
    if capitalised and _title_cue_with_author(before, title_words):
        return True  # "l'émission de Jeanne Martin « … »": the work's author sits between
    if len(words) <= SCARE_MAX_WORDS and not re.search(r"[.!?,;:]\s*$", inner.strip()):
        content = [w for w in words if w.lower() not in _SMALL]
        if content and all(w[:1].isupper() for w in content) and words[0][:1].isupper():
            return True
    return False


def _title_cue_with_author(before: list[str], title_words: frozenset[str]) -> bool:
    """A title word, "de", then a capitalised name (one to three words) right before the marks."""
    for n in (1, 2, 3):
        if len(before) < n + 2:
            return False
        name = before[-n:]
        if before[-n - 1].lower() == "de" and before[-n - 2].lower() in title_words \
                and all(w[:1].isupper() for w in name):
            return True
    return False


def features(ctx) -> dict[str, float]:
    """Quote features: ``quote_per_1k``, ``quote_mixed_share``, ``n_quotes``."""
    quotes = ctx.label("QUOTE")
    n = len(quotes)
    mixed = sum(1 for q in quotes if q.attrs.get("mixed") == "yes")
    return {
        "quote_per_1k": ctx.per_1k(n),
        "quote_mixed_share": mixed / n if n else 0.0,
        "n_quotes": float(n),
    }
