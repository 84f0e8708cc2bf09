"""Who speaks in an interview transcript: the interviewer asks, the interviewee answers.

An interview printed as a transcript labels its turns at the start of a line
("Question : …", "Q : …", "Réponse : …", "R : …"; ``lexicons/quote_cues.tsv``
kind=interview, column ``party`` = question or answer). The words after a label
are the labelled party's (codebook, Clarifications), so the label decides the
speaker of what follows it on its line:

* **question** — the interviewer: the outlet or journalist the article names as
  the one who held the interview ("un entretien accordé à X", "interrogé par X",
  "au micro de X", "invité de X", "a répondu aux questions de X"); when the text
  names nobody (or says "nos questions"), the journalist is an unnamed individual:
  ``anonymous``;
* **answer** — the interviewee: the person the same introducing phrase is about
  (its subject, "X a accordé un entretien", "X, interrogé par…"), else the person
  the article names first (an interview's title and lead name the person
  interviewed).

The speakers carry ``speaker_method`` ``interview+interviewer`` and
``interview+interviewee``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..document import ParsedDocument
from ..lexicons import normalise
from ..resources import Resources
from .entities import describe_source
from .quote_kinds import quote_cues
from .interviewers import INTERVIEWER_RE, OWN_OUTLET_RE, name_after
from .speakers import Source, name_index

@dataclass(frozen=True)
class Turn:
    """The words of one labelled line: ``[start, end)`` after the label, and who says them."""

    label_start: int
    start: int
    end: int
    party: str  # question | answer


def turns(text: str, res: Resources) -> list[Turn]:
    """Every labelled line of an interview transcript, in text order."""
    parties = quote_cues(res).interview_parties
    out = []
    for m in _LABEL_LINE_RE.finditer(text):
        party = parties.get(normalise(m.group(1)))
        if party:
            out.append(Turn(m.start(1), m.start(2), m.end(2), party))
    return out


_LABEL_LINE_RE = re.compile(r"^[ \t\u00a0]*([^\W\d_]{1,12})[ \t\u00a0\u202f]*:"
                            r"[ \t\u00a0\u202f]*(\S[^\n]*?)[ \t]*$", re.M)


class Interview:
    """The turns of a document's interview transcript and the speaker of each party."""

    def __init__(self, doc: ParsedDocument, res: Resources):
        self.turns = turns(doc.text, res)
        self._starts = [t.label_start for t in self.turns]
        self.speakers: dict[str, Source | None] = {}
        if self.turns:
            first_turn = self.turns[0].label_start
            interviewer, interviewee = _introduction(doc, res, first_turn)
            self.speakers = {"question": interviewer,
                             "answer": interviewee or _object_interviewed(doc, res, first_turn)
                             or _first_person(doc, res, first_turn)}

    def turn_at(self, offset: int) -> Turn | None:
        """The turn whose line holds ``offset`` (after its label)."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0:
            return None
        t = self.turns[k]
        return t if t.start <= offset < t.end else None

    def speaker_at(self, offset: int) -> Source | None:
        t = self.turn_at(offset)
        return self.speakers.get(t.party) if t is not None else None


def interview(doc: ParsedDocument, res: Resources) -> Interview:
    return doc.memo("interviews", lambda: Interview(doc, res))


def _introduction(doc: ParsedDocument, res: Resources, limit: int) -> tuple[Source, Source | None]:
    """The interviewer and the interviewee named by the phrase introducing the interview (before
    the first turn); the interviewer is ``anonymous`` when the text names nobody."""
    text = doc.text[:limit]
    anonymous = Source("anonymous", "anonymous", None, None, "np", "interviewer")
    for m in INTERVIEWER_RE.finditer(text):
        asker = _name_after(doc, res, m.end())
        if asker is None and not OWN_OUTLET_RE.search(text, m.start(), m.end() + 12):
            continue
        return asker or anonymous, _person_before(doc, res, m.start())
    m = OWN_OUTLET_RE.search(text)
    return anonymous, (_person_before(doc, res, m.start()) if m else None)


def _name_after(doc: ParsedDocument, res: Resources, offset: int) -> Source | None:
    """The interviewer named right after an introducing phrase, as a source."""
    m = name_after(doc, res, offset)
    src = describe_source(doc, res, m.first, m.last) if m is not None else None
    if src is None or src.stype == "anonymous":
        return None
    return Source(src.name, src.stype, src.start, src.end, src.kind, "interviewer")


def _person_before(doc: ParsedDocument, res: Resources, offset: int) -> Source | None:
    """The person named last before ``offset`` in its sentence ("X, interrogé par…", "X a accordé
    un entretien à…")."""
    sent = doc.sentence_of(offset)
    if sent is None:
        return None
    idx = name_index(doc, res)
    found = [m for m in idx.persons_in(doc.token_index_from(sent.start), doc.token_index_from(offset))]
    if not found:
        return None
    p = found[-1].person
    return Source(p.name, p.stype, found[-1].start, found[-1].end, "person", "interviewee")


#: "nous avons interrogé X", "a rencontré X", "interviewé X": the person named right after is interviewed
_INTERVIEWED_RE = re.compile(r"\b(?:interrogée?s?|interviewée?s?|rencontrée?s?)\s+(?!par\b)", re.I)


def _object_interviewed(doc: ParsedDocument, res: Resources, limit: int) -> Source | None:
    """The person named as the object of a verb of interviewing before the transcript."""
    for m in _INTERVIEWED_RE.finditer(doc.text[:limit]):
        named = name_after(doc, res, m.end())
        if named is not None and named.person is not None:
            p = named.person
            return Source(p.name, p.stype, named.start, named.end, "person", "interviewee")
    return None


def _first_person(doc: ParsedDocument, res: Resources, limit: int) -> Source | None:
    """The person the article names first, before the transcript starts."""
    idx = name_index(doc, res)
    for m in idx.persons_in(0, doc.token_index_from(limit)):
        p = m.person
        return Source(p.name, p.stype, m.start, m.end, "person", "interviewee")
    return None
