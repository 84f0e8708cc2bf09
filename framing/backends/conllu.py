"""CoNLL-U reading: sentences, surface tokens with offsets into ``# text``.

Multi-word tokens (``du`` = ``de`` + ``le``) keep their surface form and
offsets; their syntactic words carry the annotation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator


@dataclass
class ConlluWord:
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
    """A surface token: one word, or a multi-word token and its words."""

    form: str
    words: list[ConlluWord]
    start: int | None = None
    end: int | None = None

    @property
    def feats(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for w in self.words:
            out.update(w.feats)
        return out

    @property
    def upos(self) -> str:
        for w in self.words:
            if w.upos in ("VERB", "AUX"):
                return w.upos
        return self.words[0].upos if self.words else "X"


@dataclass
class ConlluSentence:
    text: str
    comments: dict[str, str]
    tokens: list[ConlluToken] = field(default_factory=list)
    newdoc: str | None = None
    newpar: bool = False

    def surface_tokens(self) -> list[ConlluToken]:
        return self.tokens


def _feats(s: str) -> dict[str, str]:
    if s in ("_", ""):
        return {}
    out = {}
    for part in s.split("|"):
        k, _, v = part.partition("=")
        out[k] = v
    return out


def _align(sent: ConlluSentence) -> None:
    """Locate each surface token in the sentence text, left to right."""
    pos = 0
    text = sent.text
    for tok in sent.tokens:
        k = text.find(tok.form, pos)
        if k < 0:
            # tolerate spacing differences (e.g. no-break spaces inside numbers)
            k = text.replace("\u00a0", " ").find(tok.form.replace("\u00a0", " "), pos)
        if k >= 0:
            tok.start, tok.end = k, k + len(tok.form)
            pos = tok.end


def iter_conllu_sentences(content: str) -> Iterator[ConlluSentence]:
    """Sentences of a CoNLL-U string; ``# text`` rebuilt from forms when missing."""
    comments: dict[str, str] = {}
    newdoc: str | None = None
    newpar = False
    tokens: list[ConlluToken] = []
    mwt_end = 0
    pending_mwt: ConlluToken | None = None

    def finish() -> ConlluSentence | None:
        nonlocal comments, tokens, newdoc, newpar
        if not tokens:
            return None
        text = comments.get("text")
        if text is None:
            parts = []
            for t in tokens:
                parts.append(t.form)
                if not (t.words and t.words[-1].misc.get("SpaceAfter") == "No"):
                    parts.append(" ")
            text = "".join(parts).rstrip()
        sent = ConlluSentence(text, comments, tokens, newdoc, newpar)
        _align(sent)
        comments, tokens, newdoc, newpar = {}, [], None, False
        return sent

    for raw in content.splitlines():
        line = raw.rstrip("\r\n")
        if not line.strip():
            s = finish()
            if s:
                yield s
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition("=")
            key = key.strip()
            if key.startswith("newdoc"):
                newdoc = value.strip() if sep else ""
            elif key.startswith("newpar"):
                newpar = True
            elif sep:
                comments[key] = value.strip() if key != "text" else value[1:] if value.startswith(" ") else value
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            continue
        wid = cols[0]
        if "." in wid:
            continue  # empty nodes
        if "-" in wid:
            a, b = wid.split("-")
            pending_mwt = ConlluToken(cols[1], [])
            tokens.append(pending_mwt)
            mwt_end = int(b)
            continue
        misc = _feats(cols[9])
        head = int(cols[6]) if cols[6].isdigit() else None
        word = ConlluWord(wid, cols[1], cols[2], cols[3], _feats(cols[5]), head, cols[7], misc)
        if pending_mwt is not None and int(wid) <= mwt_end:
            pending_mwt.words.append(word)
            if int(wid) == mwt_end:
                pending_mwt = None
        else:
            tokens.append(ConlluToken(cols[1], [word]))
    s = finish()
    if s:
        yield s
