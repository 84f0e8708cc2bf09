"""CoNLL-U input: pre-parsed documents (UD treebanks, stanza, UDPipe output).

A CoNLL-U file holds one document, or several separated by ``# newdoc``
comments (the id comes from ``# newdoc id = …``). The document text is the
sentences' ``# text =`` lines joined with newlines, one sentence per line;
each surface token is located in that text, left to right, so every token
keeps exact character offsets (``doc.text[t.start:t.end] == t.text``).

Multi-word tokens (``du`` = ``de`` + ``le``, ``au`` = ``à`` + ``le``) stay one
:class:`~framing.document.Token` with the surface form and offsets. Its
annotation comes from its *main word*: the first VERB/AUX word if any,
otherwise the first word whose head lies outside the token (``du`` → ``de``,
ADP, ``case``). Its ``feats`` are the union of its words' features, the main
word's values winning; its ``head`` is the surface token holding the main
word's head.

The same assembly (:func:`build_parsed_document`) is used by the stanza
backend, so a stanza parse and a CoNLL-U file yield identical documents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from .document import DEPS, FEATS, LEMMAS, NER, SENTENCES, TOKENS, UPOS, ParsedDocument, Sentence, Token

#: backend name recorded for CoNLL-U input
BACKEND_NAME = "conllu"

_BIO = re.compile(r"^(?:[BIESLU]-\S+|O)$")


@dataclass
class ConlluWord:
    """A syntactic word (one numbered CoNLL-U line); ``head`` is the word id, 0 for root."""

    id: str
    form: str
    lemma: str
    upos: str
    feats: dict[str, str]
    head: int | None
    deprel: str
    misc: dict[str, str]


@dataclass
class ConlluToken:
    """A surface token: one word, or a multi-word token and its words.

    ``start``/``end`` are offsets into the sentence text after reading (into
    the document text once assembled); ``None`` when the form was not found.
    """

    form: str
    words: list[ConlluWord]
    start: int | None = None
    end: int | None = None
    misc: dict[str, str] = field(default_factory=dict)
    ner: str | None = None

    @property
    def feats(self) -> dict[str, str]:
        """Union of the words' features, the main word's values winning."""
        out: dict[str, str] = {}
        main = self.main_word
        for w in self.words:
            if w is not main:
                out.update(w.feats)
        if main is not None:
            out.update(main.feats)
        return out

    @property
    def upos(self) -> str:
        main = self.main_word
        return main.upos if main is not None else "X"

    @property
    def main_word(self) -> ConlluWord | None:
        """The word whose annotation the surface token carries (see module doc)."""
        if not self.words:
            return None
        if len(self.words) == 1:
            return self.words[0]
        for w in self.words:
            if w.upos in ("VERB", "AUX"):
                return w
        ids = {_int(w.id) for w in self.words}
        for w in self.words:
            if w.head not in ids:
                return w
        return self.words[0]

    @property
    def space_after(self) -> bool:
        misc = self.misc if len(self.words) != 1 else {**self.words[0].misc, **self.misc}
        return misc.get("SpaceAfter") != "No"


@dataclass
class ConlluSentence:
    text: str
    comments: dict[str, str]
    tokens: list[ConlluToken] = field(default_factory=list)
    newdoc: str | None = None
    newpar: bool = False
    #: the ``# text`` comment did not match the forms: ``text`` was rebuilt from them
    rebuilt: bool = False

    def surface_tokens(self) -> list[ConlluToken]:
        return self.tokens


def _int(s: str) -> int | None:
    try:
        return int(s)
    except (TypeError, ValueError):
        return None


def parse_feats(s: str) -> dict[str, str]:
    if s in ("_", ""):
        return {}
    out = {}
    for part in s.split("|"):
        k, _, v = part.partition("=")
        if k:
            out[k] = v
    return out


def ner_tag(misc: dict[str, str]) -> str | None:
    """A BIO tag from MISC ``NER=``/``ner=``/``Entity=`` (BIOES/BILOU converted)."""
    for key in ("NER", "ner", "Entity"):
        value = misc.get(key)
        if value and _BIO.match(value):
            if value == "O":
                return None
            prefix, _, typ = value.partition("-")
            return ("B-" if prefix in ("B", "S", "U") else "I-") + typ
    return None


# --- alignment ---------------------------------------------------------------

def _match_loose(text: str, form: str, pos: int, limit: int) -> tuple[int, int] | None:
    """``form`` at ``pos`` (after whitespace) ignoring whitespace differences on both sides."""
    while pos < limit and text[pos].isspace():
        pos += 1
    chars = [c for c in form if not c.isspace()]
    if not chars:
        return None
    k, start = pos, pos
    for c in chars:
        while k < limit and text[k].isspace() and k > start:
            k += 1
        if k >= limit or text[k] != c:
            return None
        k += 1
    return start, k


def align_tokens(text: str, tokens: Sequence[ConlluToken], start: int = 0, end: int | None = None) -> bool:
    """Locate ``tokens`` in ``text[start:end]`` left to right; set their offsets.

    A token should follow the previous one with only whitespace between them.
    Forms differing from the text only in whitespace (``12 000`` vs
    ``12000``, no-break spaces) still match. A token found only further on
    (within 200 characters) is placed there; a token not found at all keeps
    ``None`` offsets. Returns ``True`` when every token followed its
    predecessor with only whitespace between them.
    """
    end = len(text) if end is None else end
    pos = start
    ok = True
    for tok in tokens:
        form = tok.form
        k = pos
        while k < end and text[k].isspace():
            k += 1
        if form and text.startswith(form, k) and k + len(form) <= end:
            tok.start, tok.end = k, k + len(form)
        else:
            m = _match_loose(text, form, pos, end)
            if m is None:
                # resynchronise on the next occurrence nearby (text the tokens do not cover,
                # e.g. a character a tokenizer dropped); the caller learns it from ``False``
                ok = False
                k = text.find(form, pos, min(end, pos + 200)) if form else -1
                if k < 0:
                    tok.start = tok.end = None
                    continue
                m = (k, k + len(form))
            tok.start, tok.end = m
        pos = tok.end
    return ok


def _rebuild_text(tokens: Sequence[ConlluToken]) -> str:
    parts = []
    for t in tokens:
        parts.append(t.form)
        if t.space_after:
            parts.append(" ")
    return "".join(parts).rstrip()


# --- reading -------------------------------------------------------------------

class _SentenceReader:
    """The sentence being read: its comments, tokens and open multi-word token."""

    def __init__(self, problems: list[str] | None):
        self.problems = problems
        self.comments: dict[str, str] = {}
        self.newdoc: str | None = None
        self.newpar = False
        self.tokens: list[ConlluToken] = []
        self.mwt_range: tuple[int, int] | None = None
        self.pending_mwt: ConlluToken | None = None

    def problem(self, n: int, msg: str) -> None:
        if self.problems is not None:
            self.problems.append(f"line {n}: {msg}")

    def finish(self) -> ConlluSentence | None:
        """The sentence read so far (``None`` for a comment block without tokens: carried over)."""
        self.pending_mwt, self.mwt_range = None, None
        tokens, comments = self.tokens, self.comments
        if not tokens:
            return None  # a lone "# newdoc": its comments carry over to the next sentence
        text = comments.get("text")
        if text is None:
            text = _rebuild_text(tokens)
        sent = ConlluSentence(text, comments, tokens, self.newdoc, self.newpar)
        if not align_tokens(text, tokens):
            sent.text = _rebuild_text(tokens)
            sent.rebuilt = True
            align_tokens(sent.text, tokens)
            if self.problems is not None:
                self.problems.append(f"sentence {comments.get('sent_id', '?')}: forms do not match "
                                     "'# text'; text rebuilt from the forms")
        self.comments, self.tokens, self.newdoc, self.newpar = {}, [], None, False
        return sent

    def comment(self, line: str) -> None:
        key, sep, value = line[1:].partition("=")
        key = key.strip()
        if key.startswith("newdoc"):
            self.newdoc = value.strip() if sep else ""
        elif key.startswith("newpar"):
            self.newpar = True
        elif sep:
            self.comments[key] = value.strip() if key != "text" else (value[1:] if value.startswith(" ") else value)

    def token_line(self, n: int, cols: list[str]) -> None:
        wid = cols[0]
        if "." in wid:
            return  # empty nodes carry no surface token
        if "-" in wid:
            a, _, b = wid.partition("-")
            lo, hi = _int(a), _int(b)
            if lo is None or hi is None or hi < lo:
                self.problem(n, f"bad multi-word token range {wid!r}; line skipped")
                return
            self.pending_mwt = ConlluToken(cols[1], [], misc=parse_feats(cols[9]))
            self.pending_mwt.ner = ner_tag(self.pending_mwt.misc)
            self.tokens.append(self.pending_mwt)
            self.mwt_range = (lo, hi)
            return
        num = _int(wid)
        if num is None:
            self.problem(n, f"bad word id {wid!r}; line skipped")
            return
        misc = parse_feats(cols[9])
        word = ConlluWord(wid, cols[1], cols[2], cols[3], parse_feats(cols[5]), _int(cols[6]), cols[7], misc)
        mwt, rng = self.pending_mwt, self.mwt_range
        if mwt is not None and rng and rng[0] <= num <= rng[1]:
            mwt.words.append(word)
            if mwt.ner is None:
                mwt.ner = ner_tag(misc)
            if num == rng[1]:
                self.pending_mwt, self.mwt_range = None, None
        else:
            self.pending_mwt, self.mwt_range = None, None
            self.tokens.append(ConlluToken(cols[1], [word], ner=ner_tag(misc)))


def iter_conllu_sentences(content: str, problems: list[str] | None = None) -> Iterator[ConlluSentence]:
    """Sentences of a CoNLL-U string, tokens aligned to the sentence text.

    ``# text`` is rebuilt from the forms (and ``SpaceAfter=No``) when it is
    missing or when the forms cannot be found in it (``rebuilt`` is then set).
    Malformed lines are skipped; a description of each is appended to
    ``problems`` when given.
    """
    reader = _SentenceReader(problems)
    for n, raw in enumerate(content.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or (line.startswith("#") and reader.tokens):
            # a blank line, or a comment right after tokens: the sentence ends
            s = reader.finish()
            if s:
                yield s
            if not line.strip():
                continue
        if line.startswith("#"):
            reader.comment(line)
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            reader.problem(n, f"expected 10 tab-separated columns, found {len(cols)}; line skipped")
            continue
        reader.token_line(n, cols)
    s = reader.finish()
    if s:
        yield s


def group_documents(sentences: Iterable[ConlluSentence], stem: str) -> Iterator[tuple[str, list[ConlluSentence]]]:
    """Split sentences into documents at ``# newdoc``; ids from ``# newdoc id =``.

    Without any ``# newdoc`` the whole file is one document called ``stem``;
    a ``# newdoc`` without id gets ``{stem}-{n}`` (n counts documents from 1).
    """
    current: list[ConlluSentence] = []
    current_id: str | None = None
    n = 0
    for s in sentences:
        if s.newdoc is not None:
            if current:
                yield current_id or stem, current
            n += 1
            current, current_id = [], s.newdoc or f"{stem}-{n}"
        current.append(s)
    if current:
        yield current_id or stem, current


def _layers(sentences: Sequence[ConlluSentence]) -> frozenset[str]:
    """The annotation layers actually filled in (an all-``_`` column is no layer)."""
    layers = {TOKENS, SENTENCES, LEMMAS}
    words = [w for s in sentences for t in s.tokens for w in t.words]
    if any(w.upos not in ("_", "") for w in words):
        layers.add(UPOS)
    if any(w.feats for w in words):
        layers.add(FEATS)
    if any(w.head is not None for w in words):
        layers.add(DEPS)
    if any(t.ner for s in sentences for t in s.tokens):
        layers.add(NER)
    return frozenset(layers)


def document_from_sentences(sentences: Sequence[ConlluSentence], backend: str = BACKEND_NAME,
                            meta: dict | None = None) -> ParsedDocument:
    """One :class:`ParsedDocument` from sentences read by :func:`iter_conllu_sentences`.

    The text is the sentences' texts joined with newlines; token offsets
    (relative to each sentence) are shifted into it.
    """
    texts, base = [], 0
    for s in sentences:
        for t in s.tokens:
            if t.start is not None:
                t.start += base
                t.end += base
        texts.append(s.text)
        base += len(s.text) + 1
    return build_parsed_document("\n".join(texts), [s.tokens for s in sentences], backend,
                                 _layers(sentences), meta=meta)


def build_parsed_document(text: str, sentences: Sequence[Sequence[ConlluToken]], backend: str,
                          layers: frozenset[str], meta: dict | None = None) -> ParsedDocument:
    """Assemble a :class:`ParsedDocument` from sentences of aligned surface tokens.

    Parameters
    ----------
    text : str
        The document text.
    sentences : sequence of sequences of ConlluToken
        Surface tokens per sentence with ``start``/``end`` into ``text``;
        tokens left unplaced (``None``) are dropped and heads pointing into
        them climb to the nearest placed ancestor.
    backend : str
        Name recorded in ``doc.backend``.
    layers : frozenset of str
        Annotation layers present (``doc.annotations``).
    """
    from .grammar import lemma_of

    tokens: list[Token] = []
    sents: list[Sentence] = []
    for si, stoks in enumerate(sentences):
        first = len(tokens)
        word_to_token: dict[int, int] = {}
        word_head: dict[int, int | None] = {}
        placed = []
        for t in stoks:
            for w in t.words:
                wid = _int(w.id)
                if wid is not None:
                    word_head[wid] = w.head
            if t.start is None or t.end is None or t.end <= t.start:
                continue
            idx = first + len(placed)
            for w in t.words:
                wid = _int(w.id)
                if wid is not None:
                    word_to_token[wid] = idx
            placed.append(t)
        for k, t in enumerate(placed):
            main = t.main_word
            form = text[t.start:t.end]
            lemma = main.lemma if main is not None and main.lemma not in ("", "_") else lemma_of(form)
            head = None
            if main is not None and main.head:
                h, seen = main.head, set()
                # climb past words whose token was dropped (never loops: ``seen``)
                while h and h not in word_to_token and h not in seen:
                    seen.add(h)
                    h = word_head.get(h)
                if h and h in word_to_token and word_to_token[h] != first + k:
                    head = word_to_token[h]
            upos = main.upos if main is not None and main.upos not in ("", "_") else None
            deprel = main.deprel if main is not None and main.deprel not in ("", "_") else None
            tokens.append(Token(first + k, form, t.start, t.end, lemma.lower(),
                                any(c.isalnum() for c in form), si, upos,
                                t.feats if FEATS in layers else None, head, deprel, t.ner))
        if len(tokens) > first:
            sents.append(Sentence(len(sents), tokens[first].start, tokens[-1].end, first, len(tokens)))
    # sentence indices must be consecutive even when an empty sentence was dropped
    for s in sents:
        for t in tokens[s.first:s.last]:
            t.sent = s.i
    return ParsedDocument(text=text, tokens=tokens, sentences=sents, backend=backend,
                          annotations=layers, meta=dict(meta or {}))


def parse_conllu(content: str, stem: str = "conllu",
                 problems: list[str] | None = None) -> Iterator[tuple[str, ParsedDocument]]:
    """``(id, ParsedDocument)`` for each document of a CoNLL-U string."""
    for doc_id, sentences in group_documents(iter_conllu_sentences(content, problems), stem):
        yield doc_id, document_from_sentences(sentences)
