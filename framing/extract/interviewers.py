"""Who holds an interview: the outlet or journalist an introducing phrase names.

"un entretien accordé à X", "interrogé(e) par X", "au micro de X", "à l'antenne de X",
"sur le plateau de X", "invité(e) de X", "a répondu aux questions de X": X, written right
after the phrase, asks the questions. "a répondu à nos questions" names the writer itself.
Used by :mod:`framing.extract.interviews` (the turns of a transcript) and by
:mod:`framing.extract.entities` ("le journaliste", "le présentateur" is the journalist
named so, not the latest person named).
"""
from __future__ import annotations

import re

from ..document import ParsedDocument
from ..resources import Resources
from .speakers import NameMention, name_index

#: the phrases that introduce an interview and name, right after them, the one who holds it
INTERVIEWER_RE = re.compile(
    r"\b(?:(?:entretiens?|interviews?|entrevues?)\s+(?:(?:exclusi\w+|accordée?s?|donnée?s?|télévisée?s?|"
    r"radiophoniques?|téléphoniques?)\s+)*(?:à|au|aux)"
    r"|interrogée?s?\s+par|questionnée?s?\s+par|interviewée?s?\s+par"
    r"|au\s+micro\s+d[eu']|à\s+l['’]antenne\s+d[eu']|sur\s+le\s+plateau\s+d[eu']"
    r"|invitée?s?\s+(?:de|du|des|d['’])"
    r"|(?:répond\w*|répondu)\s+aux\s+questions\s+(?:de|du|des|d['’]))"
    r"(?=[\s'’])\s*", re.I)
#: the same phrases when their complement is the writer itself ("a répondu à nos questions")
OWN_OUTLET_RE = re.compile(r"\b(?:à|a|de|par)\s+(?:nos|notre)\s+(?:questions?|journalistes?|micro|rédaction)\b",
                           re.I)
#: tokens (a determiner, an elided article) a name may stand after the phrase
_NAME_GAP = 2


def name_after(doc: ParsedDocument, res: Resources, offset: int) -> NameMention | None:
    """The name (outlet, programme or journalist) within a determiner of ``offset``."""
    a = doc.token_index_from(offset)
    for m in name_index(doc, res).names_in(a, min(a + _NAME_GAP + 1, len(doc.tokens))):
        return m if m.first - a <= _NAME_GAP else None
    return None


def interviewing_person(doc: ParsedDocument, res: Resources) -> NameMention | None:
    """The person (a journalist) the document names as holding an interview, if any."""
    key = "interviewers.person"
    if key not in doc.cache:
        found = None
        for m in INTERVIEWER_RE.finditer(doc.text):
            named = name_after(doc, res, m.end())
            if named is not None and named.person is not None:
                found = named
                break
        doc.cache[key] = found
    return doc.cache[key]
