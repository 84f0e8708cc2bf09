"""What a short pair of quotation marks holds: a title, a slogan, someone's words, or the writer's distance.

Used by :mod:`framing.extract.quotes` for pairs that are not plainly someone's
words (a short phrase: no colon before, no attribution right after, not a full
sentence, not filling its paragraph). The codebook's Clarifications decide:

* **title** — a name or title of a work in marks gets nothing. French titles
  capitalise their first word only (« Le massacre des innocents », « Envoyé
  spécial », « Un cow-boy à Paris »): a short phrase written mid-sentence that
  starts with a capital letter, holds no sentence punctuation and does not start
  with a subject pronoun (« Nous irons… » is speech) is a title, unless a verb of
  saying or a colon introduces it;
* **slogan** — slogans, chants, banners and inscriptions (a word of
  ``lexicons/quote_cues.tsv`` near the marks: « scandant », « la banderole »,
  « l'inscription ») are QUOTEs of the crowd: ``speaker=anonymous``;
* **partial quote** — short marked words are a partial QUOTE (``mixed=yes``)
  when their sentence or the one before attributes words to a speaker (a verb of
  saying or a source preposition outside quotation marks);
* otherwise a **scare quote** (HEDGE ``type=scare``).
"""
from __future__ import annotations

import bisect
import re

from ..document import ParsedDocument
from ..grammar import ER_PARTICIPLE_ENDINGS, er_verb_forms
from ..lexicons import normalise
from ..resources import Resources
from .speakers import lexica
from .reporting import POUR_NOT_SOURCE

# (the slogan window stops at another quotation: its words are someone else's)
_CLOSE_MARKS = frozenset("»”›\"")
_OPEN_MARKS = frozenset("«“‹\"")
#: words before/after the marks searched for a slogan cue
SLOGAN_WORDS_BEFORE = 6
SLOGAN_WORDS_AFTER = 4
#: words read back past a colon before the marks ("ont accroché des banderoles sur les grilles : « … »")
SLOGAN_LEAD_WORDS = 10
TITLE_MAX_WORDS = 10

_SUBJECT_STARTS = frozenset("""je j' nous on il elle ils elles vous tu c' ce ça cela ceci moi toi
oui non si quand mais et""".split())
_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
#: "Pour le Premier ministre, …": a sentence-initial "according to X" (X: 1 to 8 words)
_POUR_SOURCE_RE = re.compile(r"[\s\-–—]*Pour\s+((?:l['’]|[\w-]+\s+){1,7}?[\w-]+)\s*,")
_AGENT_ENDINGS = ("teur", "teurs", "trice", "trices", "iste", "istes", "logue", "logues")
_INTRO_GAP_RE = re.compile(r"[\s\u00a0\u202f]*(?:[:,]|de|d['’])?[\s\u00a0\u202f]*")


class QuoteCues:
    """``lexicons/quote_cues.tsv``: slogan words by form, slogan verbs by lemma, multi-word cues."""

    def __init__(self, res: Resources):
        lex = res.lexicon("quote_cues", required=("kind",))
        self.forms: set[str] = set()
        self.lemmas: set[str] = set()
        self.phrases: list[tuple[str, ...]] = []
        #: interview label -> the party it introduces (question: the interviewer, answer: the interviewee)
        self.interview_parties = {normalise(e["term"]): e.get("party") or "answer"
                                  for e in lex.entries if e["kind"] == "interview"}
        #: lemmas of verbs that give a person the floor (kind=floor)
        self.floor_lemmas = frozenset(normalise(e["term"]) for e in lex.entries if e["kind"] == "floor")
        #: words announcing a title or a name in the quotation marks after them (kind=title)
        self.title_words = frozenset(normalise(e["term"]) for e in lex.entries if e["kind"] == "title")
        #: words of a legal procedure (loaded_context.tsv kind=procedure): forms, with the
        #: participles of the -er verbs (a tagger may read them as adjectives), and verb lemmas
        procedure = [e for e in res.lexicon("loaded_context", required=("kind",)).entries if e["kind"] == "procedure"]
        self.procedure_lemmas = frozenset(normalise(e["term"]) for e in procedure if e.get("match") == "lemma")
        self.procedure_forms = frozenset(normalise(e["term"]) for e in procedure if e.get("match") != "lemma") \
            | frozenset(f for v in self.procedure_lemmas for f in er_verb_forms(v, ER_PARTICIPLE_ENDINGS) if f != v)
        #: nouns of an organisation whose name may follow in quotation marks (kind=organisation)
        self.organisation_words = frozenset(normalise(e["term"]) for e in lex.entries if e["kind"] == "organisation")
        for e in lex.entries:
            if e["kind"] != "slogan":
                continue
            words = tuple(normalise(e["term"]).replace("'", "' ").split())
            if len(words) > 1:
                self.phrases.append(words)
            elif (e.get("match") or "form") == "lemma":
                self.lemmas.add(words[0])
            else:
                self.forms.add(words[0])


def quote_cues(res: Resources) -> QuoteCues:
    return res.memo(("quote_kinds", "cues"), lambda: QuoteCues(res))


def first_word_key(inner: str) -> str:
    """The first word of the quoted text, lower-cased, with an elided article kept apart (``l'``)."""
    m = _WORD_RE.search(inner)
    if m is None:
        return ""
    w = normalise(m.group())
    return w.split("'")[0] + "'" if "'" in w[:3] else w


def title_shaped(inner: str, words: list[str], lead: str, introduced: bool) -> bool:
    """A short capitalised phrase written mid-sentence and introduced by no verb of saying: a title."""
    if not lead or introduced or not words or len(words) > TITLE_MAX_WORDS:
        return False
    stripped = inner.strip(" \u00a0\u202f")
    if re.search(r"[.!?…;:]", stripped) or not stripped[:1].isupper():
        return False
    return first_word_key(stripped) not in _SUBJECT_STARTS


#: words of an organisation's name in quotation marks at most
ORGANISATION_NAME_MAX_WORDS = 6


def names_an_organisation(res: Resources, text: str, s: int, inner: str, words: list[str]) -> bool:
    """A capitalised short phrase in marks right after a noun of an organisation (« le collectif « … »,
    « l'association « … »): the organisation's name, part of the noun phrase, whatever follows it."""
    stripped = inner.strip(" \u00a0\u202f")
    if not stripped[:1].isupper() or len(words) > ORGANISATION_NAME_MAX_WORDS or _NAME_BREAK_RE.search(stripped):
        return False
    lead = text[max(0, s - 30):s]
    before = _WORD_RE.findall(lead)
    last = normalise(before[-1]).replace("’", "'").split("'")[-1] if before else ""
    return last in quote_cues(res).organisation_words and lead.rstrip(" \u00a0\u202f")[-1:] not in (",", ":", ";")


#: punctuation that a name in marks does not hold
_NAME_BREAK_RE = re.compile(r"[.!?…;:,]")


def introduced_by_cue(text: str, s: int, cue_ends: list[int]) -> bool:
    """A verb of saying right before the opening mark (``a déclaré « … »``, ``a qualifié de « … »``)."""
    k = bisect.bisect_right(cue_ends, s) - 1
    if k < 0:
        return False
    return s - cue_ends[k] <= 12 and _INTRO_GAP_RE.fullmatch(text, cue_ends[k], s) is not None


def slogan_near(doc: ParsedDocument, res: Resources, s: int, e: int) -> bool:
    """A slogan, banner or inscription word within a few words of the marks, in the same sentence."""
    cues = quote_cues(res)
    toks = doc.tokens
    a = doc.token_index_from(s)
    b = doc.token_index_from(e)
    sent = toks[a].sent if a < len(toks) else None
    window = []
    k, n_words, reach = a - 1, 0, SLOGAN_WORDS_BEFORE
    while k >= 0 and n_words < reach and toks[k].sent == sent and toks[k].text not in _CLOSE_MARKS:
        if toks[k].is_word:
            window.append(toks[k])
            n_words += 1
        elif toks[k].text == ":":
            reach = n_words + SLOGAN_LEAD_WORDS  # a colon lead announces what is written: its clause
        k -= 1
    window.reverse()
    k, n_words = b, 0
    while k < len(toks) and n_words < SLOGAN_WORDS_AFTER and toks[k].sent == sent and toks[k].text not in _OPEN_MARKS:
        if toks[k].is_word:
            window.append(toks[k])
            n_words += 1
        k += 1
    keys = [normalise(t.text) for t in window]
    for t, w in zip(window, keys):
        if w in cues.forms or (t.lemma in cues.lemmas and not t.text[:1].isupper()):
            return True
        if w.endswith(("é", "ée", "és", "ées", "it", "ite", "its", "ites")):
            stem = w.rstrip("s").rstrip("e")
            if stem.endswith("é") and stem[:-1] + "er" in cues.lemmas:
                return True  # "tagué", "placardées": a participle of a slogan verb
    joined = " ".join(keys).replace("' ", "'")
    return any(" ".join(p).replace("' ", "'") in joined for p in cues.phrases)


def _names_a_source(res: Resources, phrase: str) -> bool:
    """``Pour X,``: X names people (a person noun) or a name (a capitalised word), not a circumstance."""
    words = phrase.replace("’", "'").split()
    keys = [normalise(w.split("'")[-1]) for w in words]
    if any(k in POUR_NOT_SOURCE for k in keys if k not in ("premier", "première")):
        return False
    nouns = lexica(res).person_nouns
    return any(w[:1].isupper() for w in words) or any(k in nouns or k.endswith(_AGENT_ENDINGS) for k in keys)


def attributed_nearby(doc: ParsedDocument, res: Resources, s: int, e: int, cue_starts: list[int],
                      quoted: list[tuple[int, int]], q_starts: list[int]) -> bool:
    """A reporting cue outside quotation marks in the sentence of ``[s, e)`` (or the one before).

    The sentence before counts when it is in the same paragraph, or when this
    one goes on quoting: it opens with a quotation mark (« Le négationnisme est
    omniprésent », les membres du clan s'envoient « à longueur de journée »…).
    A ``Pour X,`` opening the sentence, its line or the sentence before ("according to X") counts
    as a cue.
    """
    sent = doc.sentence_of(s)
    if sent is None:
        return False
    line_start = doc.text.rfind("\n", max(0, s - 2000), s) + 1  # (bounded: linear time)
    start = max(sent.start, line_start)
    lo = start
    head = doc.text[start:min(sent.end, start + 80)]
    if _opens_with_pour_source(doc, res, start, sent.end):
        return True
    inserted_only = False  # (the previous paragraph counts through an inserted attribution only)
    if sent.i > 0:
        prev = doc.sentences[sent.i - 1]
        if prev.start >= line_start or head.lstrip(" \t\u00a0\u202f-–—")[:1] in "«“\"":
            lo = prev.start
        elif prev.end >= line_start - 3 and s - prev.start <= 2000 \
                and len(_WORD_RE.findall(doc.text, start, s)) >= _TOPIC_WORDS:
            # (not marks in the noun phrase the new paragraph opens with: "La « mascarade »
            # électorale continue" names its own topic, in the writer's voice)
            lo, inserted_only = prev.start, True
        if prev.end >= line_start - 3 and _opens_with_pour_source(doc, res, prev.start, prev.end):
            return True  # ('Pour X, « … ».¶ C'est aussi « … »': X's view goes on being quoted)
    hi = sent.end
    lo = max(lo, s - 2000)
    hi = min(hi, e + 2000)  # (bounded windows and cue counts: linear time on run-on text)
    k0 = bisect.bisect_left(cue_starts, lo)
    for c in cue_starts[k0:min(bisect.bisect_left(cue_starts, hi), k0 + 50)]:
        if s <= c < e:
            continue
        j = bisect.bisect_right(q_starts, c) - 1
        if j >= 0 and quoted[j][0] <= c < quoted[j][1]:
            continue  # a verb of saying inside another quotation
        if inserted_only and c < line_start and not _inserted_at(doc.text, c):
            continue
        return True
    return False


def _opens_with_pour_source(doc: ParsedDocument, res: Resources, start: int, end: int) -> bool:
    """The sentence at ``start`` opens with "Pour X," naming a source ("according to X")."""
    pour = _POUR_SOURCE_RE.match(doc.text[start:min(end, start + 80)])
    return bool(pour) and _names_a_source(res, pour.group(1))


def echoed_in_longer_quote(doc: ParsedDocument, s: int, e: int, pairs: list[tuple[int, int]]) -> bool:
    """The marked words recur inside a longer quotation of the same document (a subheading
    « - Une "réforme bâclée" - » taking up the words a speaker is quoted with in the body): they
    are that speaker's words, a partial quote, not the writer's distance (codebook, Clarifications).
    ``pairs`` are the document's quotation pairs (``quotes.quote_pairs(doc)``)."""
    words = _WORD_RE.findall(normalise(doc.text[s + 1:e - 1]))
    if not words:
        return False
    # (each quotation's words normalised once per document, not once per short quotation tested)
    inners = doc.memo("quote_kinds.inners", lambda: [normalise(doc.text[a + 1:b - 1]) for a, b in pairs])
    needle = None
    for (a, b), inner in zip(pairs, inners):
        if a <= s < b or b - a <= e - s:
            continue
        # every word occurs as such in a match: most quotes fail this cheap test, and the
        # pattern (a new one per quote, so never in re's cache) is compiled only when needed
        if not all(w in inner for w in words):
            continue
        if needle is None:
            needle = re.compile(r"(?<![^\W_])" + r"\W+".join(map(re.escape, words)) + r"(?![^\W_])")
        if needle.search(inner):
            return True
    return False


#: words before the marks that show they are predicated, not the opening noun phrase
_TOPIC_WORDS = 3


def _inserted_at(text: str, c: int) -> bool:
    """The cue at ``c`` is an inserted attribution ("…, renchérit le directeur", "» dit-il"): the
    paragraph it closes is someone's words, and a short quotation opening the next one goes on
    quoting that speaker (codebook, Clarifications: "the sentence or the one before")."""
    before = text[max(0, c - 3):c].rstrip(" \u00a0\u202f")
    return before.endswith(",") or before[-1:] in "»”\""


#: what joins the items of a list of marked terms: a comma, "et", "ou"
_LIST_JOINT_RE = re.compile(r"[\s\u00a0\u202f]*(?:,|et|ou|,[\s\u00a0\u202f]*(?:et|ou))[\s\u00a0\u202f]*", re.I)
LIST_TERM_MAX_WORDS = 3


def in_list_of_terms(text: str, s: int, e: int, pairs: list[tuple[int, int]]) -> bool:
    """The marks are one item of an enumeration of at least three short marked terms ("poursuivis
    pour « fraude », « abus de confiance » et « faux en écriture »): the terms are named,
    as names or words mentioned as words are (codebook: names and titles in quotation marks get
    nothing), not a distance the writer takes from one wording. (Two marked words side by side,
    « juillettistes » et « aoûtiens », may each be the writer's distance.)"""
    k = bisect.bisect_left(pairs, (s, e))
    lo = hi = k
    while lo > 0 and _list_joint(text, pairs[lo - 1], pairs[lo]):
        lo -= 1
    while hi + 1 < len(pairs) and _list_joint(text, pairs[hi], pairs[hi + 1]):
        hi += 1
    return hi - lo + 1 >= 3


def _list_joint(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Two short marked terms joined by a comma, "et" or "ou" only."""
    return left[1] <= right[0] and _LIST_JOINT_RE.fullmatch(text, left[1], right[0]) is not None \
        and all(len(_WORD_RE.findall(text[a + 1:b - 1])) <= LIST_TERM_MAX_WORDS for a, b in (left, right))


def names_terms(doc: ParsedDocument, res: Resources, s: int, e: int, words: list[str],
                pairs: list[tuple[int, int]]) -> bool:
    """Short marked words that name rather than keep a distance: an item of an enumeration of marked
    terms ('poursuivis pour « fraude », « abus de confiance » et « faux »'), a noun and a proper name
    (« l'affaire X »), an offence after the "pour" of a legal procedure."""
    return in_list_of_terms(doc.text, s, e, pairs) or names_a_thing(words) or names_an_offence(doc, res, s)


#: words read back from "pour" for the procedure an offence name belongs to
PROCEDURE_LOOKBACK = 12
_POUR_BEFORE_RE = re.compile(r"(?:^|[\s\u00a0\u202f(])pour(?:\s+des\s+faits\s+d['’]|\s+des\s+faits\s+de)?[\s\u00a0\u202f]*$",
                             re.IGNORECASE)


def names_an_offence(doc: ParsedDocument, res: Resources, s: int) -> bool:
    """Marked words right after the "pour" of a legal procedure name an offence as the law words
    it ("une plainte contre X pour « séquestration arbitraire »", "mis en examen pour « recel »"):
    a name, not the writer's distance (codebook: names in quotation marks get nothing)."""
    joint = _JOINT_BEFORE_RE.search(doc.text, max(0, s - 12), s)
    if joint is not None:  # the next item of a list of offences: « arrestation » et « séquestration »
        close = joint.start()
        opening = max(doc.text.rfind(c, max(0, close - 80), close) for c in _OPEN_MARKS)
        return opening >= 0 and names_an_offence(doc, res, opening)
    if not _POUR_BEFORE_RE.search(doc.text, max(0, s - 30), s):
        return False
    cues = quote_cues(res)
    k = doc.token_index_from(s)
    sent = doc.tokens[k].sent if k < len(doc.tokens) else None
    for t in doc.tokens[max(0, k - PROCEDURE_LOOKBACK):k]:
        if t.sent != sent or not t.is_word:
            continue
        if normalise(t.text) in cues.procedure_forms or t.lemma in cues.procedure_lemmas:
            return True
    return False


_JOINT_BEFORE_RE = re.compile(r"[»”\"][\s\u00a0\u202f]*(?:,|et|ou)[\s\u00a0\u202f]*$")
#: words a proper name may follow inside a phrase without naming it (« la foi en Dieu »)
_BEFORE_NAME_NOT_NAMING = frozenset("de du des d' en à au aux la le les l' et ou pour par sur".split())


def names_a_thing(words: list[str]) -> bool:
    """A short marked phrase where a noun is followed right away by a proper name names a thing
    after it (« l'affaire Dupuis », « la loi Travail », « un sourire Blanco »): a name, no
    distance taken; not a phrase where the name hangs on a preposition (« la foi en Dieu »)."""
    return 2 <= len(words) <= 4 and any(
        w[:1].isupper() and words[i - 1].lower().replace("’", "'") not in _BEFORE_NAME_NOT_NAMING
        for i, w in enumerate(words) if i >= 1)
