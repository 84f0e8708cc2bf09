"""Evaluative or descriptive? The use of a loaded word in its context (issue 18).

The codebook (Clarifications, loaded vocabulary): "a loaded word in its
literal, descriptive sense is not LOADED: des voleurs se sont emparés du
tableau, il a reconnu avoir menti, la menace terroriste as a legal term. The
same word used to judge is (ces voleurs de la République)."

Each ``loaded.tsv`` entry says whether it is evaluative in every use
(``use=always``: "fantoche", "ignoble") or only in some (``use=some``:
"voleur", "menace", "massacre", "héroïne"). The words of a ``use=some`` entry
are descriptive, and get no LOADED span, in these contexts:

* ``technical`` — inside a fixed technical or legal term of
  ``lexicons/loaded_context.tsv`` ("menace terroriste", "voiture piégée",
  "violences conjugales"); this one applies to every entry, since a term is
  descriptive whatever its words;
* ``legal`` / ``admission`` — a judicial frame or an admission ends at most
  :data:`FRAME_WINDOW` words before the word ("condamné pour vol", "mis en
  examen pour escroquerie", "a reconnu avoir menti", "tuée par asphyxie"):
  the charge, the fact or the cause of death, not the writer's verdict; a
  frame reaches across a list of coordinated participles ("accusé d'avoir
  tué, violé et atrocement mutilé");
* ``negated`` — a negation at most :data:`NEGATION_WINDOW` words before
  ("il n'a pas menti", "sans danger", "aucune menace");
* ``counted`` — a number right before an agent noun ("3 000 criminels",
  "deux voleurs"): people counted in a fact report;
* ``literal`` — an agent noun ("voleurs", "agresseur", "casseurs") with an
  article before it and a verb group after it ("des voleurs se sont emparés",
  "l'agresseur a pris la fuite"): the people who did what the article
  reports, named by what they did; or with a possessive before it ("son
  agresseur", "ses ravisseurs"): the doer named by his relation to the
  victim, where a judging use takes a demonstrative or a complement ("ces
  voleurs de la République");
* ``feeling`` — a noun of feeling with a possessive before it ("elle lui a
  crié sa haine", "mon indignation", "leur peur"), or bare as a motive ("par
  crainte d'être contaminé", "de peur que"): the feeling of the person
  named, reported, not the writer's charge (the nouns are ``loaded_context``
  rows of kind ``feeling``);
* ``literal`` (the ``use`` value, not a context) — the entry is the plain
  name of a physical event or bodily state ("asphyxie", "agonie", "gifle",
  "coincé", "prise d'otages": French has no more neutral word for it); in
  the writer's own voice it reports the event and gets no span, in a
  speaker's words it is a metaphor ("les usagers pris en otage") and stays
  LOADED (:func:`framing.extract.loaded.extract`); the other contexts apply as for ``some``;
* ``topic`` — the entry occurs :data:`TOPIC_MIN` times or more in the
  document: it names what the article is about (the "danger" of a toxicology
  explainer, the "effondrement" of a stand told over five paragraphs), which
  measures the topic, not the telling; entries of one ``topic`` group (the
  names of misinformation: désinformation, infox, fake news) count together. (At three, the gold lost words that
  were the article's frame, "la dépendance de Poutine" said three times.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..document import ParsedDocument
from ..grammar import (AVOIR_FORMS, DEFINITE_ARTICLES, DEGREE_WORDS, DEMONSTRATIVES, ETRE_FORMS, FIRST_PERSON_SUBJECTS,
                       NEGATION_FIRST, NOUS_VOUS, OBJECT_CLITICS, PASSIVE_ETRE, PERSON_PRONOUNS, POSSESSIVES,
                       QUOTE_PAIRS, RELATIVE_PRONOUNS, SUBJECT_PRONOUNS_3,
                       before_attribute, key, self_described)
from ..lexicons import Match, PhraseMatcher, normalise
from ..resources import Resources
from .entities import person_nouns

#: a frame may end this many words before the loaded word ("accusé de [graves] crimes")
FRAME_WINDOW = 3
#: a negation may stand this many words before ("pas de violence", "n'a pas menti")
NEGATION_WINDOW = 2

#: occurrences of one use=some entry that make it the document's topic
TOPIC_MIN = 4

#: ``use`` values whose matches the context decides (``literal`` ones are also descriptive in the writer's own voice)
CONTEXT_USES = frozenset({"some", "literal", "declared"})

#: closed-class negation words (grammar, not vocabulary)
NEGATIONS = frozenset({"pas", "jamais", "aucun", "aucune", "sans", "ni", "guère", "nullement", "non"})
#: number words and quantity nouns that count what follows
_NUMBER_WORDS = frozenset("""deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize
vingt trente quarante cinquante soixante cent cents mille plusieurs dizaines centaines milliers millions""".split())
_DIGITS = re.compile(r"^\d")
#: articles that open a plain noun phrase (a demonstrative, "ces voleurs", is the judging use)
_ARTICLES = frozenset({"des", "les", "un", "une", "le", "la", "l'", "deux", "trois", "quatre", "cinq"})
#: closed-class words that open a verb group right after a subject noun
_VERB_GROUP = frozenset("""a ont avait avaient aura auront avait est sont était étaient sera seront fut furent
se s' ne n' l' les lui leur y en""".split())
#: endings of agent nouns (the doer of an act: voleur, agresseur, pillard, criminel)
_AGENT_ENDINGS = ("eur", "eurs", "euse", "euses", "ard", "ards", "el", "els", "aire", "aires")
#: collective numerals that count what follows "de" ("une quinzaine de casseurs", "des milliers de")
_QUANTITY_OF = frozenset(w + s for w in """huitaine dizaine douzaine quinzaine vingtaine trentaine quarantaine
cinquantaine soixantaine centaine millier million""".split() for s in ("", "s"))
#: ordinal numerals and "autre": "un premier casseur", "un autre voleur" enumerate the participants of an event
_ORDINALS = frozenset("""premier première premiers premières deuxième deuxièmes second seconde seconds secondes
troisième quatrième cinquième dernier dernière derniers dernières autre autres""".split())
#: endings of the agent nouns a possessive relates to a victim ("son agresseur", "ses ravisseurs")
_DOER_ENDINGS = ("eur", "eurs", "euse", "euses", "ard", "ards")
#: words a list of coordinated participles is made of, besides the participles themselves
_LIST_WORDS = frozenset({"et", "ou", "puis", "avoir", "être", "été"})
#: endings of past participles (regular -er, -ir, -re verbs), which chain a list of acts
_PARTICIPLE = re.compile(r"(é|i|u|it|is)(e?s?)$")
#: how far back a list of coordinated participles may reach to its frame
LIST_WINDOW = 10
#: words that open a new clause or a circumstance, ending a list of charges (pronouns, relatives,
#: être/avoir, prepositions other than the "de" that joins a charge's words)
_CLAUSE_WORDS = (PERSON_PRONOUNS | SUBJECT_PRONOUNS_3 | RELATIVE_PRONOUNS | ETRE_FORMS | AVOIR_FORMS
                 | DEMONSTRATIVES | POSSESSIVES | frozenset("""on mais car donc puis ensuite dans sur par avec pour
                 lors après avant depuis pendant selon chez vers sans sous entre""".split()))


#: categories of physical acts and states (a crash, an assault told by its victim)
_PHYSICAL_CATS = frozenset({"violence", "weakness"})
#: subjects that name people as the doers of an act told by its victim ("on m'a frappé", "ils m'ont", "qui m'a")
_DOER_SUBJECTS = frozenset("on il ils elle elles qui".split())
#: categories of the offences and hostilities a cause fights ("contre la haine", "contre l'extorsion")
_FOUGHT_CATS = frozenset({"violence", "moral"})
#: degree words between avoir and a feeling noun ("j'ai très peur", "il avait si honte")
#: the subject pronouns; the nearest one before être is the one the attribute after it is said of
#: (a first-person one holds a feeling declared with être: "je suis choqué", "j'ai été choqué")
_SUBJECTS = FIRST_PERSON_SUBJECTS | frozenset("tu vous on il elle ils elles ce c' c’ cela ça".split())
#: words between a subject pronoun and être: negation, clitics, avoir ("je n'en suis pas", "j'ai été", "il nous est")
_SUBJECT_GAP = NEGATION_FIRST | OBJECT_CLITICS | AVOIR_FORMS | frozenset("me m' m’ te t' t’ y en".split())
_SUBJECTS_OR_GAP = _SUBJECTS | _SUBJECT_GAP
#: marks a frame or a negation reaches across: a charge is often quoted ("pour « séquestration arbitraire »")
_TRANSPARENT = frozenset(",'’-") | frozenset(c for pair in QUOTE_PAIRS for c in pair)


@dataclass
class ContextLexicon:
    """The compiled ``loaded_context`` lexicon: frames, technical terms, title nouns."""

    frames: PhraseMatcher
    technical: PhraseMatcher
    title_cues: frozenset[str]
    #: nouns of feeling ("haine", "peur", "indignation"): with a possessive, someone's feeling reported
    feelings: frozenset[str] = frozenset()
    #: nouns of vehicles ("avion", "voiture"): destruction words after them report a crash
    vehicles: frozenset[str] = frozenset()
    #: whether a word form names a person ("hommes", "policier": ``person_nouns.tsv``)
    is_person: Callable[[str], bool] = lambda word: False
    #: lemmas of the verbs whose reflexive declares the holder's own state ("se dire", "se sentir":
    #: ``reporting_verbs.tsv`` ``describes_self``)
    describes_self: frozenset[str] = frozenset()


def context_lexicon(res: Resources) -> ContextLexicon:
    """``lexicons/loaded_context.tsv`` compiled once per configuration."""
    def build() -> ContextLexicon:
        from ..grammar import lemma_of
        from .reporting import lexicon as reporting_lexicon

        entries = res.lexicon("loaded_context", required=("kind",)).entries
        frames = [e for e in entries if e["kind"] in ("legal", "admission")]
        technical = [e for e in entries if e["kind"] == "technical"]
        titles = {normalise(e["term"]) for e in entries if e["kind"] == "title"}
        titles |= {normalise(lemma_of(t)) for t in titles}
        feelings = frozenset(normalise(e["term"]) for e in entries if e["kind"] == "feeling")
        vehicles = frozenset(normalise(e["term"]) for e in entries if e["kind"] == "vehicle")
        nouns = person_nouns(res)
        return ContextLexicon(PhraseMatcher(frames), PhraseMatcher(technical), frozenset(titles), feelings, vehicles,
                              lambda word: nouns.lookup(word) is not None, reporting_lexicon(res).describes_self)
    return res.memo(("loaded", "context"), build)


def descriptive_uses(doc: ParsedDocument, matches: list[Match], ctx: ContextLexicon) -> dict[int, str]:
    """Why each descriptive match is not LOADED: ``{index in matches: reason}``.

    Parameters
    ----------
    doc : ParsedDocument
        The document the matches come from.
    matches : list of Match
        Loaded-lexicon matches (entries with ``use``, ``_base``).
    ctx : ContextLexicon
        Frames, technical terms.

    Returns
    -------
    dict
        Reason (``technical``, ``legal``, ``admission``, ``negated``,
        ``counted``, ``literal``, ``topic``) by match index; matches not listed are evaluative.
    """
    technical = set()
    for m in ctx.technical.find(doc):
        technical.update(range(m.first, m.last))
    frame_ends = {m.last: m.entry["kind"] for m in ctx.frames.find(doc)}
    topic = _topic_terms(matches)
    out: dict[int, str] = {}
    for k, m in enumerate(matches):
        if any(i in technical for i in range(m.first, m.last)):
            out[k] = "technical"
            continue
        if m.entry.get("cat") in _PHYSICAL_CATS:
            reason = ((m.entry.get("cat") == "violence" and _wreck(doc, m, ctx.vehicles))
                      or _own_account(doc, m, ctx.is_person))
            if reason:
                out[k] = reason
                continue
        if (m.entry.get("use") or "always") not in CONTEXT_USES:
            continue
        if m.entry.get("use") == "declared" and not _declared(doc, m.first, ctx.describes_self):
            out[k] = "observed"  # a feeling told of someone ("l'homme, choqué, ...") describes them
            continue
        reason = (_frame_before(doc, m.first, frame_ends) or _negated(doc, m.first)
                  or _counted(doc, m) or _agent_subject(doc, m) or _own_feeling(doc, m, ctx.feelings)
                  or _fought(doc, m)
                  or ("topic" if _base(m) in topic else None))
        if reason:
            out[k] = reason
    return out


def _base(m: Match) -> str:
    """The entry as the topic rule counts it: its ``topic`` group (désinformation, infox, fake news), or its forms."""
    return m.entry.get("topic") or agreement_key(m.entry.get("_base", m.entry["term"]))


def agreement_key(term: str) -> str:
    """``term`` with the agreement endings of each word dropped, so that the forms of one phrase count together.

    A multi-word entry is often listed in each of its forms ("fausse
    information", "fausses informations"); for the topic rule they are one
    entry. A final -s/-x (plural) and then a final -e (feminine) go.

    >>> agreement_key("fausses informations") == agreement_key("fausse information")
    True
    """
    words = normalise(term).split(" ")
    return " ".join(re.sub("e$", "", re.sub("[sx]$", "", w)) if len(w) > 3 else w for w in words)


def _topic_terms(matches: list[Match]) -> set[str]:
    """use=some entries that occur at least :data:`TOPIC_MIN` times (the forms of one phrase together)."""
    counts: dict[str, int] = {}
    for m in matches:
        if (m.entry.get("use") or "always") in CONTEXT_USES:
            counts[_base(m)] = counts.get(_base(m), 0) + 1
    return {term for term, n in counts.items() if n >= TOPIC_MIN}


def _words_before(doc: ParsedDocument, first: int, n: int) -> list[int]:
    """Indices of up to ``n`` word tokens before ``first`` in the same sentence, nearest first."""
    toks = doc.tokens
    sent = toks[first].sent
    out = []
    i = first - 1
    while i >= 0 and len(out) < n and toks[i].sent == sent:
        if toks[i].is_word:
            out.append(i)
        elif toks[i].text not in _TRANSPARENT:
            break
        i -= 1
    return out


def _frame_before(doc: ParsedDocument, first: int, frame_ends: dict[int, str]) -> str | None:
    if first in frame_ends:
        return frame_ends[first]
    for i in _words_before(doc, first, FRAME_WINDOW):
        if i in frame_ends:
            return frame_ends[i]
    return _frame_before_run(doc, first, frame_ends, _links_acts) \
        or _frame_before_run(doc, first, frame_ends, _links_charges, ("legal",))


def _frame_before_run(doc: ParsedDocument, first: int, frame_ends: dict[int, str], links,
                      kinds: tuple[str, ...] | None = None) -> str | None:
    """The frame ending right before a run of words that ``links`` accepts, back from ``first``
    (at most LIST_WINDOW words; ``kinds``: the frame kinds that may govern such a run)."""
    for i in _words_before(doc, first, LIST_WINDOW):
        kind = frame_ends.get(i + 1)
        if kind is not None and (kinds is None or kind in kinds):
            return kind
        if not links(doc.tokens[i]):
            return None
    return None


def _links_acts(t) -> bool:
    """A list of coordinated acts: "accusé d'avoir tué, violé et atrocement [mutilé]"."""
    w = normalise(t.text)
    return w in _LIST_WORDS or w.endswith("ment") or bool(_PARTICIPLE.search(w))


def _links_charges(t) -> bool:
    """A list of coordinated charges: "mis en examen pour abus de confiance, recel et [escroquerie]".
    Lower-case nouns, articles and "de" link it; a pronoun, a relative, a form of être or avoir or
    another preposition opens a new clause or a circumstance."""
    return t.text[:1].islower() and normalise(t.text) not in _CLAUSE_WORDS


def _wreck(doc: ParsedDocument, m: Match, vehicles: frozenset[str]) -> str | None:
    """"un camion pulvérisé, puis réduit en cendres", "la voiture a été broyée": the state of a vehicle after a crash
    or a fire, told with its participles, is the report of an accident (no doer is judged)."""
    for i in _words_before(doc, m.first, LIST_WINDOW):
        w = normalise(doc.tokens[i].text)
        if w in vehicles or w.rstrip("sx") in vehicles:
            return "literal"
        if not (_links_acts(doc.tokens[i]) or w in AVOIR_FORMS or w in ETRE_FORMS):
            return None
    return None


def _own_account(doc: ParsedDocument, m: Match, is_person: Callable[[str], bool]) -> str | None:
    """"ils m'ont roué de coups", "on m'a étranglé": a victim telling what was done to him, the act in the
    compound past with a first-person singular object, reports it (the account, not a charge)."""
    before = _words_before(doc, m.first, 3)
    words = [normalise(doc.tokens[i].text) for i in before]
    if words and words[0].endswith("ment"):  # "m'ont violemment frappé"
        before, words = before[1:], words[1:]
    if len(words) < 2 or words[0] not in AVOIR_FORMS or words[1] not in ("m'", "me"):
        return None
    # the doers are people: a subject pronoun, a relative, a person noun ("des voisins m'ont frappé") or
    # a subject the comma sets off ("des voisins, furieux, m'ont"); a thing ("ce marathon m'a broyé") is a metaphor
    subject = doc.tokens[before[1] - 1] if before[1] > 0 else None
    w = normalise(subject.text) if subject is not None else ""
    ok = subject is not None and (w == "," or w in _DOER_SUBJECTS or (subject.text[:1].islower() and is_person(w)))
    return "literal" if ok else None


def _fought(doc: ParsedDocument, m: Match) -> str | None:
    """"manifester contre la haine", "une cellule contre le racket et l'extorsion": an offence or a
    hostility named as what is fought is the cause's name, not a charge (``violence`` and ``moral`` entries)."""
    if m.entry.get("cat") not in _FOUGHT_CATS:
        return None
    for i in _words_before(doc, m.first, LIST_WINDOW):
        if normalise(doc.tokens[i].text) == "contre":
            return "cause"
        if not _links_charges(doc.tokens[i]):
            return None
    return None


def _negated(doc: ParsedDocument, first: int) -> str | None:
    for i in _words_before(doc, first, NEGATION_WINDOW):
        if normalise(doc.tokens[i].text) in NEGATIONS:
            return "negated"
    return None


def _agent_subject(doc: ParsedDocument, m: Match) -> str | None:
    toks = doc.tokens
    before = _words_before(doc, m.first, 1)
    if m.last - m.first == 1 and before and normalise(toks[before[0]].text) in POSSESSIVES \
            and normalise(toks[m.first].text).endswith(_DOER_ENDINGS):
        return "literal"
    if m.last - m.first != 1 or m.last >= len(toks) or not normalise(toks[m.first].text).endswith(_AGENT_ENDINGS):
        return None
    before = _words_before(doc, m.first, 1)
    if not before or normalise(toks[before[0]].text) not in _ARTICLES:
        return None
    return "literal" if normalise(toks[m.last].text) in _VERB_GROUP and toks[m.last].sent == toks[m.first].sent else None


def _own_feeling(doc: ParsedDocument, m: Match, feelings: frozenset[str]) -> str | None:
    """"elle a crié sa haine", "exprimer leur indignation": the feeling of the person the possessive names."""
    if m.last - m.first != 1:
        return None
    word = normalise(doc.tokens[m.first].text)
    if word not in feelings and word.rstrip("s") not in feelings:
        return None
    before = _words_before(doc, m.first, 1)
    if not before:
        return None
    prev = normalise(doc.tokens[before[0]].text)
    if prev in POSSESSIVES or _motive(doc, m, prev) or _felt(doc, _words_before(doc, m.first, 3)) or _holder_after(doc, m, prev):
        return "feeling"
    return None


def _declared(doc: ParsedDocument, first: int, describes_self: frozenset[str]) -> bool:
    """"je suis très inquiet", "j'ai été choqué", "il s'est dit « fier »": a feeling its holder declares.

    A feeling voiced by the one who has it is the speaker's own charge; told
    of someone else ("l'homme, choqué, ...", "elle est inquiète", "je pense
    qu'il est inquiet") it describes them.
    """
    toks = doc.tokens
    if self_described(toks, first, describes_self):
        return True  # se dire, se sentir, se déclarer + the holder's own state
    k = before_attribute(toks, first)
    return k >= 0 and key(toks[k]) in PASSIVE_ETRE and _subject_before(toks, k) in FIRST_PERSON_SUBJECTS


def _subject_before(toks: list, k: int) -> str | None:
    """The subject pronoun of the être at ``k``: the nearest one before it, past negation, clitics and
    avoir ("je ne suis", "j'ai été", "il nous est"); None when another word comes first ("qu'il" gives
    "il", a comma or "que" with no pronoun between gives None)."""
    j = k - 1
    while j >= 0 and toks[j].sent == toks[k].sent:
        w = key(toks[j])
        if w in NOUS_VOUS and j > 0 and key(toks[j - 1]) in _SUBJECTS_OR_GAP:
            j -= 1  # an object or reflexive "nous" after its subject: "il nous est", "nous nous sommes"
            continue
        if w in _SUBJECTS:
            return w
        if w not in _SUBJECT_GAP:
            return None
        j -= 1
    return None


def _felt(doc: ParsedDocument, before: list[int]) -> bool:
    """"j'avais vraiment peur", "elle a eu honte": a bare feeling noun after avoir (an adverb between) is felt."""
    words = [normalise(doc.tokens[i].text) for i in before[:3]]
    while len(words) > 1 and (words[0].endswith("ment") or words[0] in DEGREE_WORDS):
        words = words[1:]
    return words[0] in AVOIR_FORMS or (len(words) > 1 and words[0] == "eu" and words[1] in AVOIR_FORMS)


def _holder_after(doc: ParsedDocument, m: Match, prev: str) -> bool:
    """"les craintes de Ruritanie", "la colère du palais présidentiel": a definite feeling noun whose holder a name gives
    ("des" + a plural name is left: "la haine des Juifs" names its object, a charge)."""
    if prev not in DEFINITE_ARTICLES:
        return False
    toks = doc.tokens
    i = m.last
    if i >= len(toks) or normalise(toks[i].text) not in ("de", "d'", "du"):
        return False
    i += 1
    if i < len(toks) and normalise(toks[i].text) in DEFINITE_ARTICLES:
        i += 1
    return i < len(toks) and toks[i].sent == toks[m.first].sent and toks[i].is_word \
        and toks[i].text[:1].isupper()


def _motive(doc: ParsedDocument, m: Match, prev: str) -> bool:
    """"par crainte d'être contaminé", "de peur que": the motive of the subject's act, without article."""
    if prev == "par":
        return True
    nxt = normalise(doc.tokens[m.last].text) if m.last < len(doc.tokens) else ""
    return prev == "de" and nxt in ("de", "d'", "que", "qu'")


def _counted(doc: ParsedDocument, m: Match) -> str | None:
    first = m.first
    if m.last - first != 1 or not normalise(doc.tokens[first].text).endswith(_AGENT_ENDINGS):
        return None
    before = _words_before(doc, first, 2)
    if not before:
        prev = doc.tokens[first - 1] if first > 0 else None
        return "counted" if prev is not None and _DIGITS.match(prev.text) else None
    w = normalise(doc.tokens[before[0]].text)
    if _DIGITS.match(w) or w in _NUMBER_WORDS:
        return "counted"
    if w in _ORDINALS and len(before) > 1 and normalise(doc.tokens[before[1]].text) in _ARTICLES:
        return "counted"
    if w in ("de", "d'") and len(before) > 1 and normalise(doc.tokens[before[1]].text) in _QUANTITY_OF:
        return "counted"
    return None


def join_adjacent(found: list[tuple[int, int, str, str]], toks) -> list[tuple[int, int, str, str]]:
    """One span for a loaded word and the hyperbole that touches it: a reader marks "une bévue monumentale" once.

    ``found`` holds ``(first token, last token (excl.), cat, term)`` sorted by
    position. Two entries whose tokens are adjacent in one sentence, one of
    them a ``hyperbole``, become one span with the category and term of the
    evaluative head ("bévue" rather than "monumentale"). Two charged words of
    their own ("occupants néonazis") stay two spans, as the gold marks them.
    """
    out: list[tuple[int, int, str, str]] = []
    for item in found:
        if out and item[0] == out[-1][1] and toks[item[0]].sent == toks[out[-1][0]].sent \
                and "hyperbole" in (item[2], out[-1][2]):
            prev = out[-1]
            head = prev if prev[2] != "hyperbole" or item[2] == "hyperbole" else item
            out[-1] = (prev[0], item[1], head[2], head[3])
        else:
            out.append(item)
    return out
