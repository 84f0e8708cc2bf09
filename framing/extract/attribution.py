"""Attribution (``ATTR``), indirect speech (``IQUOTE``) and the speakers of quotes.

Runs after :mod:`framing.extract.quotes`. For every reporting cue found by
:mod:`framing.extract.reporting` (outside direct quotes, except source
prepositions) it finds the source:

* ``selon X`` / ``d'après X`` / sentence-initial ``Pour X,`` → the noun phrase after it;
* ``confirmé par X`` → the agent after ``par``;
* ``« … », a déclaré X`` / ``…, explique l'analyste`` / ``comme le rapporte X``
  → the subject after the verb; ``a-t-il déclaré``, ``selon lui`` → the
  pronoun resolved to the latest source (else the latest person named);
* ``X a déclaré`` → the subject before the verb, skipping an apposition
  (``Sabrina Singh, porte-parole du Pentagone, a révélé`` → Sabrina Singh);
* participles and infinitives (``, ajoutant que``) → the source of the
  previous cue of the sentence;
* ``la déclaration de X`` / ``citation de X`` → the noun phrase after ``de``.

With a dependency parse (CoNLL-U input, stanza), a verb's source is first
taken from the parse (:meth:`_Attributor.parsed_source`: the ``obl:agent``
of a passive, else the subject, its proper name in apposition, the input's
PER/ORG entities for the type); the rules above are the fallback.

Names are canonicalised by :mod:`framing.extract.speakers` (short mentions
and role descriptions linked to the full name). ``ATTR`` attributes:
``source``, ``stype``, ``verb_stance``, ``source_span``.

``IQUOTE`` spans cover reported content: the que-clause of a verb of saying
up to the end of the clause (a closing inserted attribution, ``, selon``, a
participle clause or the sentence end), the content introduced by ``selon
X,``, or the sentence before an inserted ``, a déclaré X``. Verbs of belief
or fear (``iquote=no`` in the lexicon) get no IQUOTE; content entirely
inside quotation marks is a mixed QUOTE, not an IQUOTE.

Each QUOTE gets ``speaker`` and ``speaker_span`` from an attribution right
after it, a cue before a colon, a cue earlier in its sentence, an
``X : « … »`` lead, a name line right under a quote paragraph (which is also
an ATTR), or the latest speaker of the two previous paragraphs; else
``unknown``.
"""
from __future__ import annotations

import bisect
import operator
import re
from functools import cached_property
from collections import Counter
from itertools import compress, count

from .. import syntax
from ..document import ParsedDocument
from ..grammar import (fold_accents, collective_head, CONTRACTED_ARTICLES, DEFINITE_ARTICLES, DEMONSTRATIVES, DEMONSTRATIVE_PRONOUNS, INDEFINITE_ARTICLES,
                       FINITE_VERB_MARKERS, RELATIVE_PRONOUNS, ROLE_TIME_ADJECTIVES, SUBJECT_PRONOUNS_3,
                       MONTHS, NUMBER_WORDS, OBJECT_CLITICS, PERSON_PRONOUNS, POSSESSIVES_3, SOURCE_PREPOSITIONS, STOP_OR_BREAK_RE,
                       TITLE_PARTICIPLE_STEMS, TOPIC_SHIFTERS, VERB_CLITICS,
                       WEEKDAYS, normalise, token_keys, words as _words)
from ..resources import Resources
from ..spans import SOURCE_TYPES, VERB_STANCES, Span
from .positions import IntervalSet
from .reporting import (INTENTION_VERBS, dative_clitic, question_after_addressee, TIME_WORDS, addressee_length, adverbial_length, comme_after_agent, PREPOSITIONS, QUOTE_CLOSE, QUOTE_OPEN, Cue,
                        cue_follows, find_cues, followed_by_que, infinitive_after, is_infinitive, key, line_bounds,
                        noun_content_follows, object_then_infinitive, previous_line_start)
from .reporting import lexicon as reporting_lexicon
from .interviews import interview
from .incises import incise_cues
from .quotes import quote_pairs
from .entities import (METHOD_ANONYMOUS, METHOD_PRONOUN, METHOD_SALIENCE, Description, parse_description, actors_if_readable, describe_source,
                       document_author, entity_table, person_nouns)
from .speakers import Source, cue_stype, lexica, name_index, outlet_in, word_key
from .pour import pour_source
from .quote_kinds import names_an_organisation, quote_cues

# precompiled: these run per name or quote, and re's own cache look-up costs as much (speed, issue 15)
_COLON_LEAD = re.compile(r"\s*([^\n:.!?«»\"“”]{2,60}?)\s*:\s*")
# the label of a turn ending the text before a quote: at the line's start or right after the previous
# turn's closing mark ("… » Jean Martin : « … »"), a title's period allowed ("M. Martin :")
_COLON_LABEL = re.compile(r"(?:^[ \t\u00a0\u202f]*|(?<=[»”\"])[ .!?…\t\u00a0\u202f]*(?=[A-ZÀ-Ý]))"
                          r"((?:(?:M|MM|Dr|Pr|Me)\.[ \u00a0]*)?[^\n:.!?«»\"“”]{2,60}?)[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]*$")

# (a hyphen standing alone is a dash: "… -il s'est engagé …- l'ancien élu croit": an aside ends at it)
_BOUNDARY = frozenset((",", ";", ":", "«", "»", "“", "”", '"', "(", ")", "que", "qu'", "mais", "—", "–", "-", "?",
                       "!"))
_AFTER_STOP = WEEKDAYS | _words(""", . ; : ! ? « » “ ” " ( ) que qu' qui dont lors dans avant après pour sur
selon devant depuis hier aux à au en lorsque quand alors car mais et ou ainsi également aussi encore autour
contre concernant envers vers sans malgré parmi via début dès""")
_VERB_STOP = frozenset("a ont avait avaient est sont était étaient sera seront fut ne n'".split())
_NP_STARTS = POSSESSIVES_3 | DEFINITE_ARTICLES | DEMONSTRATIVES | INDEFINITE_ARTICLES | _words("""plusieurs
certains certaines""")
_WORDS_RE = re.compile(r"[^\W_]+")
_DANGLING_END = frozenset("que qu' qui dont et ou mais car".split())
_OBJECT_CLITICS = OBJECT_CLITICS
# words opening a clause: a subject found before a cue starts after them
_CLAUSE_WORDS = frozenset("où dont lorsque lorsqu' quand puisque puisqu' car tandis si".split())
_SKIP_BEFORE_CONTENT = WEEKDAYS | _words("""à
de également aussi encore hier publiquement officiellement avec insistance d'""")
_PRONOUNS = PERSON_PRONOUNS
_TIME_NOUNS = WEEKDAYS | _words("""nuit matin soir midi après-midi week-end semaine mois année jour
matin-là soir-là""")


def _time_demonstrative(toks, k: int) -> bool:
    """``toks[k]`` opens a demonstrative time adverbial: "ce mardi", "cette nuit", "cet après-midi"."""
    return key(toks[k]) in ("ce", "cet", "cette") and k + 1 < len(toks) and key(toks[k + 1]) in _TIME_NOUNS


_SKIP_BEFORE_SUBJECT = WEEKDAYS | _words("""hier soir matin également aussi
encore alors ensuite enfin pour sa part son leur ainsi notamment pourtant toutefois cependant néanmoins
volontiers aujourd'hui""")
_SUBJECT_DET = POSSESSIVES_3 | DEFINITE_ARTICLES | DEMONSTRATIVE_PRONOUNS | INDEFINITE_ARTICLES | _words("""ce
cet cette ces plusieurs certains certaines m. mme""")
_SINGULAR_DEFINITE = DEFINITE_ARTICLES - _words("les")
_GROUP_QUANTIFIERS = _words("plusieurs certains certaines tous toutes chacun chacune beaucoup nombre")
_SINGULAR_DEMONSTRATIVES = _words("ce cet cette")
_CAUSATIVE_ADVERBS = _words("même aussi encore souvent parfois bien")
#: determiners opening a noun phrase (the word after one is a noun or an adjective)
_NP_OPENERS = DEFINITE_ARTICLES | INDEFINITE_ARTICLES | CONTRACTED_ARTICLES | DEMONSTRATIVES | POSSESSIVES_3
_NP_OPENERS_OR_QUANTIFIERS = _NP_OPENERS | _GROUP_QUANTIFIERS
_SUBJECT_CLITICS = SUBJECT_PRONOUNS_3
#: clitics between a subject and its verb: a noun phrase ends before them ("les élus se sont réjouis")
_PREVERBAL_CLITICS = _words("se s' ne n'")
#: relative pronouns a subject clitic follows ("au cours duquel il", "pour laquelle elle", "où ils")
_RELATIVE_PRONOUNS = (RELATIVE_PRONOUNS - _words("qui que qu'")) | _words("duquel desquels desquelles auxquelles")
_ANTECEDENT_STOP = frozenset("""contre avec pour par sur dans chez entre vers après avant malgré sans
sous a ont est sont était avait avaient ne n' pas""".split())


def _detached_attribute(toks: list, j: int) -> int:
    """The length of ", ému," / ", très émue,": one or two lower-case words between commas that are
    neither a determiner nor a verb, before a subject (a detached adjective or participle
    describing the inverted subject of a verb of saying); 0 when there is none."""
    for size in (1, 2):
        close = j + size + 1
        if close + 1 >= len(toks) or toks[close].text != ",":
            continue
        words = toks[j + 1:close]
        if all(t.is_word and t.text.islower() and key(t) not in _SUBJECT_DET and not _inflected_verb(t)
               for t in words) and (toks[close + 1].text[:1].isupper() or key(toks[close + 1]) in _SUBJECT_DET):
            return size + 2
    return 0


def _inflected_verb(t) -> bool:
    """A lower-case word whose lemma is a different verb infinitive ("inquiètent" → inquiéter)."""
    w = key(t)
    lemma = t.lemma
    return (t.is_word and not t.text[:1].isupper() and lemma != w
            and lemma.endswith(("er", "ir", "re", "oir")) and not w.endswith(("é", "ée", "és", "ées"))
            # adjectives in -er ("étrangères", "premiers", "légère"): inflected like
            # nouns, not verbs; "le ministre des Affaires étrangères" is one phrase
            and w != lemma + "s"  # a plural ("militaires", "étrangers"): no verb form is lemma + s
            and not (lemma.endswith("er") and w in (lemma[:-2] + "ère", lemma[:-2] + "ères")))
_LEADING_ADVERBIAL = frozenset("""en dans selon pour après avant lors depuis pendant malgré par sur sous dès
mais et or ainsi alors""".split())
_AUX_OR_CLITIC = OBJECT_CLITICS | _words("""a
ont avait avaient est sont était étaient sera seront ne qui que n'""")
#: determiners that are never object clitics: the word after one is a noun ("sa copine", "une critique")
_NOUN_DETERMINERS = POSSESSIVES_3 - {"leur", "leurs"} | INDEFINITE_ARTICLES | DEMONSTRATIVES - {"ce"}
_DE_LABEL_VERBS = frozenset("qualifier traiter taxer".split())  # "X de Y": Y is the label (always given)
_HISTORY_CHARS = 2500
_MAX_LINE_LOOKBACK = 2000  # characters searched back for a line start
_RUN_ON_TOKENS = 400  # a sentence longer than this is treated as run-on text
_SUBJECT_LOOKBACK_CHARS = 400  # a pronoun's sentence subject is looked for this far back at most
_PARTITIVE_GROUP = re.compile(r"^(certains|certaines|plusieurs|beaucoup|la plupart|nombre) d'entre (eux|elles)$", re.I)
_MAX_CONTENT = 120  # tokens of reported content at most
_MAX_LOOKBACK = 60  # tokens: bounds every backward scan (linear time on run-on text)
_TITLE_WORDS = 6  # words of a title in marks inside a subject's apposition
_OF_WORDS = frozenset(("de", "du", "des", "d'", "à", "au", "aux", "en", "pour", "sur"))
_CHAIN_SENTENCES = 4  # sentences back along a chain of subject pronouns
_ROLE_FALLBACK_CHARS = 400
_PARTICIPLE_FALLBACK_CHARS = 300
_PRONOUN_FALLBACK_CHARS = 800
# tokens from the start of the next sentence within which the person a pronoun announces is named
# ("La candidate du parti, X, a annoncé"): farther, a subject after a comma is an apposition to
# some complement ("récupérés par la famille de la victime, X")
_CATAPHORA_OPENING = 10


class _Attributor:
    def __init__(self, doc: ParsedDocument, spans: list[Span], res: Resources):
        self.doc = doc
        self.res = res
        self.text = doc.text
        self.toks = doc.tokens
        self.quotes = sorted((s for s in spans if s.label == "QUOTE"), key=lambda s: s.start)
        self.q_starts = [q.start for q in self.quotes]
        self.idx = name_index(doc, res)
        self.entities = entity_table(doc, res)
        self.lx = lexica(res)
        self.history: list[tuple[int, Source]] = []  # (offset, source) in text order
        self.cited: list[tuple[int, Source]] = []  # sources of "selon X", "d'après X", in text order
        self.person_names = {p.name for p in self.idx.persons}
        self.mention_starts = [m.start for m in self.idx.mentions]
        # asked for every cue, twice or more; the layers do not change during the stage (speed, issue 9)
        self.parsed = syntax.has_parse(doc)
        self.cues: list[Cue] = []  # set by extract once the cues are known
        self.cue_firsts: list[int] = []

    @cached_property
    def organisation_nouns(self) -> frozenset[str]:
        """Nouns of any organisation ("l'établissement", "le groupe"; role_classes.tsv, applies=organisation)."""
        return self.res.memo("attribution.organisation_nouns", lambda: frozenset(
            normalise(e["term"]) for e in self.res.lexicon("role_classes").entries if e.get("applies") == "organisation"))

    @cached_property
    def people_nouns(self) -> frozenset[str]:
        """Nouns heading a phrase that names people or a body of people: person_nouns.tsv and the
        one-word role nouns of role_classes.tsv ("les pompiers", "le syndicat", "le gouvernement");
        not its rows of other uses (places and prizes named after someone, generic organisation
        words: "le prix des billets", "la structure du budget" name no one)."""
        return self.res.memo("attribution.people_nouns", lambda: self.lx.person_nouns | frozenset(
            normalise(e["term"]) for e in self.res.lexicon("role_classes").entries
            if " " not in e["term"] and not e.get("applies")))

    @cached_property
    def content_verbs(self) -> list[int]:
        """Heads of reporting verbs introducing their own content, outside quotes.

        "a affirmé que", "a déclaré : « »"; see :func:`_reports_speech`. Computed
        only when a "…, selon X" needs it.
        """
        toks = self.toks
        return [c.head for c in self.cues if c.kind == "verb" and self.quote_at(c.start(self.doc)) is None
                and (followed_by_que(self.doc, c) is not None
                     or (c.last < len(toks) and toks[c.last].text in QUOTE_OPEN))]

    # --- helpers ---------------------------------------------------------
    def quote_at(self, offset: int) -> Span | None:
        k = bisect.bisect_right(self.q_starts, offset) - 1
        if k >= 0 and self.quotes[k].start <= offset < self.quotes[k].end:
            return self.quotes[k]
        return None

    def narrated_chars(self, lo: int, hi: int) -> int:
        """The characters between ``lo`` and ``hi`` outside quotations: a long quotation between a
        speaker and the description after it ("X a dit … « [300 words] », a lancé le leader de Y")
        does not move the speaker out of the description's reach; the narrator's words do."""
        quoted = 0
        k = bisect.bisect_left(self.q_starts, lo)
        while k < len(self.quotes) and self.quotes[k].start < hi:
            quoted += min(self.quotes[k].end, hi) - self.quotes[k].start
            k += 1
        return hi - lo - quoted

    def remember(self, offset: int, src: Source) -> None:
        self.history.append((offset, src))

    def heard_before(self, offset: int, within: int = _HISTORY_CHARS):
        """The sources attributed before ``offset``, most recent first, up to ``within`` characters back."""
        for off, src in reversed(self.history):
            if off >= offset:
                continue
            if offset - off > within:
                return
            yield off, src

    def resolve_pronoun(self, offset: int, word: str) -> Source | None:
        src = self._resolve_pronoun(offset, word)
        if src is None:
            return None
        return Source(src.name, src.stype, src.start, src.end, src.kind, METHOD_PRONOUN)

    def _resolve_pronoun(self, offset: int, word: str) -> Source | None:
        if word in ("dernier", "dernière"):
            return self._latest_person(offset, "f" if word == "dernière" else "m")
        if word in ("derniers", "dernières"):
            # (the latter may be in a quotation)
            return self._plural_group_before(offset, quoted=True, gender="f" if word == "dernières" else "m")
        if word in ("ceux", "celles"):
            return None  # a demonstrative ("celles et ceux qui…") is defined by its relative, not by who spoke before
        plural = word.lstrip("-t").lstrip("-") in ("ils", "elles", "eux")
        gender = self.entities.pronoun_gender(word)
        fallback = None
        if not plural:
            unnamed = self._unnamed_speaker_continued(offset, gender)
            if unnamed is not None:
                return unnamed
            # a person named earlier in the same sentence ("X, admirateur de Y dont il avait contesté")
            here = self._person_in_sentence(offset, gender)
            if here is not None:
                return here
            # the subject of the sentence before, named after the last speaker ("…, Marie-Pierre Dausse,
            # professeur, défend son point de vue. « Cette loi… », affirme-t-elle")
            subject = self._subject_before(offset, gender) or self._chained_subject(offset, gender) \
                or self._organisation_subject(offset, gender) or self._organisation_fronted(offset, gender)
            if subject is not None:
                return subject
        for off, src in self.heard_before(offset):
            if (src.stype == "anonymous" and not plural) or self._other_gender(src.name, gender) \
                    or gender is not None and self._np_gender(src) not in (None, gender) \
                    or plural and gender is not None and self._description_gender(src) not in (None, gender):
                continue  # (number and gender agree: "elles" is not "les agriculteurs")
            is_plural = _plural_name(src.name)
            if is_plural and not plural:
                continue  # "il", "elle" is not "les critiques"
            if not plural and src.stype in ("institution", "media"):
                # a person the text has made its subject since the organisation spoke is the more
                # salient antecedent ("…, a annoncé le Conseil. … le docteur X la connaît bien. « … »,
                # raconte-t-il")
                since = self._person_subject_between(off, offset, gender) \
                    or self._person_described_after_source(off, offset, gender)
                if since is not None:
                    return since
            if plural and is_plural:
                # a group of people named since that source spoke is the nearer antecedent ("Six
                # députés ont écrit au ministre. Ils demandent…")
                group = self._plural_group_before(offset, gender=gender)
                if group is not None and group.start is not None and group.start > off:
                    return group
            if plural == is_plural or not plural:
                return src
            if fallback is None and src.stype != "person":
                fallback = src  # (a body may be "ils"; one named person never is)
        if plural:
            # a group of people named just before, else a singular source of the history
            return self._plural_group_before(offset, gender=gender) or fallback
        # else the latest person named before, preferring one that opens its sentence (a subject)
        latest = self._latest_person_named(offset, gender)
        if latest is None:
            # the most salient person of the entity table, farther back (gender permitting)
            ent, _ = self.entities.resolve(offset, Description("definite", gender, False, "", "person"),
                                           limit=_HISTORY_CHARS)
            if ent is not None:
                return Source(ent.name, ent.stype, None, None, "person")
            return self._unnamed_source_before(offset, gender) or self._named_next(offset, gender)
        return Source(latest.person.name, latest.person.stype, latest.start, latest.end, "person")

    def _person_subject_between(self, lo: int, hi: int, gender: str | None) -> Source | None:
        """The person named last in subject position between offsets ``lo`` and ``hi``, outside
        quotation marks, gender permitting."""
        k = bisect.bisect_left(self.mention_starts, hi) - 1
        while k >= 0 and self.idx.mentions[k].start > lo:
            m = self.idx.mentions[k]
            k -= 1
            if m.person is not None and m.start in self.entities.subject_mentions \
                    and self.quote_at(m.start) is None and not self._other_gender(m.person.name, gender):
                return Source(m.person.name, m.person.stype, m.start, m.end, "person")
        return None

    def _latest_person_named(self, offset: int, gender: str | None):
        """The latest person mention before ``offset`` a pronoun may stand for, preferring one that opens
        its sentence or, over a name completing a thing noun, a subject."""
        latest = None
        k = bisect.bisect_left(self.mention_starts, offset) - 1
        while k >= 0:
            m = self.idx.mentions[k]
            if offset - m.start > _PRONOUN_FALLBACK_CHARS:
                break
            # (a person named only inside a quotation is talked about, not the narrator's referent:
            # "« … la semaine de Noël … », a-t-il détaillé")
            if m.person is not None and not self._other_gender(m.person.name, gender) \
                    and self.quote_at(m.start) is None and not self._work_title(m.first) \
                    and not self._person_noun_complement(m.first):
                latest = latest or m
                sent = self.doc.sentences[self.toks[m.first].sent]
                if m.first - sent.first <= 2 or (latest is not m and self._thing_complement(latest.first)
                                                 and m.start in self.entities.subject_mentions):
                    # (a subject outranks a name completing a thing noun: "X visite la société de Y.
                    # Il …" is X)
                    latest = m
                    break
            k -= 1
        return latest

    def _person_described_after_source(self, lo: int, hi: int, gender: str | None) -> Source | None:
        """"Selon le quotidien X, le maire jugerait la partie gagnée. « … », aurait-il confié": the person
        a role description makes the subject of the sentence that cites an organisation (heard at ``lo``)
        as its source is the pronoun's antecedent, not the organisation."""
        sent = self.doc.sentence_of(lo)
        if sent is None or self.doc.sentence_of(hi) is sent:
            return None
        if key(self.toks[self.doc.token_index_from(lo)]) not in SOURCE_PREPOSITIONS:
            return None  # (only a source cited in an adverbial: "selon X, …")
        toks, found = self.toks, None
        for k in range(sent.first, min(sent.last, sent.first + _MAX_LOOKBACK)):
            # the last definite role description of the sentence ("…, mais le président afficherait …")
            if key(toks[k]) in ("le", "la", "l'") and k + 1 < sent.last and key(toks[k + 1]) in self.lx.role_words \
                    and self.quote_at(toks[k].start) is None:
                a, b = self.np_after(k)
                src = describe_source(self.doc, self.res, a, b) if b > a else None
                if src is not None and src.kind == "role" and src.stype == "person" \
                        and not self._other_gender(src.name, gender):
                    found = (src, toks[a].start)
        return self.finish(*found) if found is not None else None

    def _person_noun_complement(self, k: int) -> bool:
        """The name at token ``k`` completes a person noun ("ce fan de X", "la mère de X"): the
        description's holder is the one talked about, not X."""
        toks = self.toks
        return k >= 2 and key(toks[k - 1]) in ("de", "d'", "du") and key(toks[k - 2]) in self.lx.person_nouns

    def _thing_complement(self, k: int) -> bool:
        """The name at token ``k`` completes a common noun that names no person ("le patrimoine de X",
        "la société de X"): a mention less salient than a sentence's subject."""
        toks = self.toks
        if k < 3 or key(toks[k - 1]) not in ("de", "d'", "du") or not toks[k - 2].text[:1].islower() \
                or key(toks[k - 2]) in self.lx.person_nouns or not toks[k - 2].is_word:
            return False
        # (a determiner before the word makes it a noun: "le patrimoine de X", not "rentre de X")
        return key(toks[k - 3]) in _NP_OPENERS

    def _work_title(self, k: int) -> bool:
        """A name right after "intitulé", "baptisé" is the title of a work or a thing ("son
        documentaire intitulé Claude Martin, le retour"): no mention of a person a pronoun takes up."""
        return k > 0 and key(self.toks[k - 1]).startswith(TITLE_PARTICIPLE_STEMS)

    def _unnamed_speaker_continued(self, offset: int, gender: str | None) -> Source | None:
        """"« … », a déclaré le père de Léo. « … », a-t-il ajouté": an unnamed individual quoted last, just
        before, of the pronoun's gender, with no one named since outside quotation marks, is the one the
        pronoun stands for (anonymous), not the person named inside the description."""
        _, h = next(self.heard_before(offset, _ROLE_FALLBACK_CHARS), (None, None))
        if h is None or h.stype != "anonymous" or h.start is None or h.end is None or _plural_name(h.name):
            return None
        g = self._description_gender(h)
        if g is None or gender is not None and g != gender:
            return None
        for m in self.idx.mentions[bisect.bisect_left(self.mention_starts, h.end):]:
            if m.start >= offset:
                break
            if m.person is not None and self.quote_at(m.start) is None:
                return None
        return h

    def _unnamed_source_before(self, offset: int, gender: str | None) -> Source | None:
        """When no one is named before, "il"/"elle" is the unnamed person described last in the two
        sentences before ("Son père témoigne … « … », demande-t-il"): anonymous (codebook: unnamed
        individuals), not unknown."""
        toks, nouns = self.toks, self.lx.person_nouns
        k = self.doc.token_index_from(offset) - 1
        first_sent = toks[k].sent - 2 if k >= 0 else 0
        while k > 0 and toks[k].sent >= first_sent:
            det = key(toks[k - 1])
            if key(toks[k]) in nouns and det in _UNNAMED_DETERMINERS and not (
                    k + 1 < len(toks) and toks[k + 1].text[:1].isupper()):
                g = "f" if det in _FEMININE_DETERMINERS else "m" if det in _MASCULINE_DETERMINERS else None
                if gender is None or g is None or g == gender:
                    named = self._described_then_named(k, det)
                    if named is not None:
                        return named
                    return Source("anonymous", "anonymous", toks[k - 1].start, toks[k].end, "role", METHOD_ANONYMOUS)
            k -= 1
        return None

    def _described_then_named(self, k: int, det: str) -> Source | None:
        """"Le président brésilien a pris la parole. … il a dénoncé … le président brésilien X": a
        definite description the text names later with its role (entity table, cataphora window)."""
        if det not in ("le", "la", "l'"):
            return None
        toks = self.toks
        desc = parse_description([det, key(toks[k])], self.entities.nouns, self.lx)
        ent, how = self.entities.named_after_with_role(toks[k - 1].start, desc)
        if ent is None:
            return None
        return Source(ent.name, ent.stype, toks[k - 1].start, toks[k].end, "role", how)

    def _named_next(self, offset: int, gender: str | None) -> Source | None:
        """Cataphora: with no one before it, "il"/"elle" is the person the next sentence names first
        ("Le socialiste … « … », a-t-il énuméré. Puis X a …"): a news text may describe someone
        before naming them. Only a person named as a subject (the one the text goes on about), gender
        permitting, not inside a quotation."""
        sent = self.doc.sentence_of(offset)
        if sent is None or sent.i + 1 >= len(self.doc.sentences):
            return None
        nxt = self.doc.sentences[sent.i + 1]
        k = bisect.bisect_left(self.mention_starts, offset)
        while k < len(self.idx.mentions) and self.idx.mentions[k].start < nxt.end:
            m = self.idx.mentions[k]
            k += 1
            if m.person is not None and self.quote_at(m.start) is None:
                opens = m.start < sent.end or m.first - nxt.first <= _CATAPHORA_OPENING
                if self._other_gender(m.person.name, gender) or m.start not in self.entities.subject_mentions \
                        or not opens:
                    return None  # (the first person named is someone else, or named in passing)
                return Source(m.person.name, m.person.stype, m.start, m.end, "person")
        return None

    def _organisation_subject(self, offset: int, gender: str | None) -> Source | None:
        """An organisation or country opening the pronoun's sentence ("Le groupe X lance une offre, qu'il
        promet rentable") or the sentence before ("La Corée du Nord a détruit le bureau de liaison. Elle a
        aussi menacé…"), of the pronoun's gender, named after the last speaker."""
        sent = self.doc.sentence_of(offset)
        if gender is None or sent is None:
            return None
        here = self.doc.token_index_from(offset)
        if here > sent.first + 1:
            found = self._organisation_opening_sentence(sent.i, here - 1, offset, gender)
            if found is not None:
                return found
        if sent.i == 0:
            return None
        prev = self.doc.sentences[sent.i - 1]
        return self._organisation_opening_sentence(prev.i, prev.last - 1, offset, gender)

    def _organisation_opening_sentence(self, sent_i: int, limit: int, offset: int,
                                       gender: str) -> Source | None:
        """The organisation of ``gender`` opening sentence ``sent_i`` (before token ``limit``), named
        after the last speaker heard before ``offset``."""
        last_heard = next((off for off, _ in reversed(self.history) if off < offset), -1)
        toks = self.toks
        opening = self.subject_opening(sent_i, limit)  # (after a fronted adverbial: "Après avoir…, la X")
        if opening is None:
            return None
        a = opening[0]
        det = key(toks[a])
        if det not in ("le", "la") or toks[a].start <= last_heard or ("f" if det == "la" else "m") != gender:
            return None
        ka, kb = self.np_after(a)
        if not self.idx.names_in(ka, kb) or self.idx.persons_in(ka, kb):
            return None
        src = describe_source(self.doc, self.res, ka, kb)
        return src if src is not None and src.kind == "np" and src.stype in ("institution", "media") else None

    def _organisation_fronted(self, offset: int, gender: str | None) -> Source | None:
        """A subject pronoun right after a fronted clause that names an organisation of its gender
        ("Ayant prévenu la SNCF, elle a d'abord ignoré l'incident"), named after the last speaker."""
        toks = self.toks
        i = self.doc.token_index_from(offset)
        if gender is None or i == 0 or toks[i - 1].text != "," or i >= len(toks):
            return None
        sent = self.doc.sentences[toks[i].sent]
        last_heard = next((off for off, _ in reversed(self.history) if off < offset), -1)
        want = "la" if gender == "f" else "le"
        for a in range(i - 2, max(sent.first, i - 12) - 1, -1):
            if key(toks[a]) != want or toks[a].start <= last_heard or self.quote_at(toks[a].start) is not None:
                continue  # (a noun phrase inside quoted words is talked about, never the narrator's referent)
            ka, kb = self.np_after(a)
            if kb > i or not self.idx.names_in(ka, kb) or self.idx.persons_in(ka, kb):
                continue
            src = describe_source(self.doc, self.res, ka, kb)
            if src is not None and src.kind == "np" and src.stype in ("institution", "media"):
                return src
        return None

    def _latest_person(self, offset: int, gender: str) -> Source | None:
        """"Ce dernier s'est défendu": the person of that gender mentioned last, in a subject or not."""
        k = bisect.bisect_left(self.mention_starts, offset) - 1
        while k >= 0 and offset - self.idx.mentions[k].start <= _PRONOUN_FALLBACK_CHARS:
            m = self.idx.mentions[k]
            k -= 1
            if m.person is not None and not self._other_gender(m.person.name, gender):
                return Source(m.person.name, m.person.stype, m.start, m.end, "person")
        return None

    def _subject_before(self, offset: int, gender: str | None) -> Source | None:
        """The person named in subject position in the sentence before ``offset``'s, when named after
        the latest source of the history (gender permitting), outside quotation marks. After a
        quotation ("« … ! … ! », avait-elle lancé") the sentence before is the one before its opening
        mark, whatever sentences the quoted words hold (or the words before the mark in its own)."""
        rng = self._sentence_before(offset)
        if rng is None:
            return None
        last_heard = next((off for off, h in reversed(self.history) if off < offset and not _plural_name(h.name)
                           and h.stype != "anonymous" and not self._other_gender(h.name, gender)), -1)
        subjects = self.entities.subject_mentions
        # a speaker does not name themselves in their own words ("« X est un bon président… », lâche-t-il")
        opening = self._quote_opening_before(offset)
        named_inside = {m.person.name for m in self.idx.persons_in(self.doc.token_index_from(opening),
                                                                    self.doc.token_index_from(offset))}
        k = bisect.bisect_left(self.mention_starts, rng[0])
        while k < len(self.idx.mentions) and self.idx.mentions[k].start < rng[1]:
            m = self.idx.mentions[k]
            k += 1
            if m.person is None or m.start not in subjects or m.start <= last_heard \
                    or m.person.name in named_inside:
                continue
            if not self._other_gender(m.person.name, gender) and self.quote_at(m.start) is None:
                return Source(m.person.name, m.person.stype, m.start, m.end, "person")
        return None

    def _sentence_before(self, offset: int) -> tuple[int, int] | None:
        """The text before ``offset``'s sentence: the sentence before; after a quotation of several
        sentences, the words before its opening mark in their sentence, else the sentence before it."""
        sent = self.doc.sentence_of(offset)
        opening = self._quote_opening_before(offset)
        o_sent = self.doc.sentence_of(opening)
        if sent is not None and o_sent is not None and o_sent.i != sent.i:
            if self.text[o_sent.start:opening].strip():
                return o_sent.start, opening
            sent = o_sent
        if sent is None or sent.i == 0:
            return None
        prev = self.doc.sentences[sent.i - 1]
        return prev.start, prev.end

    def _quote_opening_before(self, offset: int) -> int:
        """The opening mark of the quotation closing right before ``offset`` (an inserted verb's
        subject after it), else ``offset``."""
        k = bisect.bisect_right(self.q_starts, offset) - 1
        if k >= 0 and self.quotes[k].end <= offset and not self.text[self.quotes[k].end:offset].strip(" ,\u00a0"):
            return self.quotes[k].start
        return offset

    def _chained_subject(self, offset: int, gender: str | None) -> Source | None:
        """A chain of sentences opening on a pronoun of the same gender back to one opening on a
        demonstrative description ("… avec Pasiphae. Cette jeune fille étudie… Elle vit… « … »,
        soupire-t-elle"): the person named last before the description, named after the latest
        source of the history."""
        sent = self.doc.sentence_of(offset)
        toks = self.toks
        last_heard = next((off for off, h in reversed(self.history) if off < offset), -1)
        i = sent.i - 1 if sent is not None else -1
        while i > 0 and (sent.i - i) <= _CHAIN_SENTENCES:
            first = self.doc.sentences[i].first
            w = key(toks[first])
            if w in ("ce", "cet", "cette") and any(key(t) in self.lx.person_nouns for t in toks[first + 1:first + 3]):
                prev = self.doc.sentences[i - 1]
                found = [m for m in self.idx.persons_in(prev.first, prev.last)
                         if m.start > last_heard and self.quote_at(m.start) is None
                         and not self._other_gender(m.person.name, gender)]
                return Source(found[-1].person.name, found[-1].person.stype, found[-1].start, found[-1].end,
                              "person") if found else None
            if self._pronoun_opening(i) != gender:
                return None
            # "Comme X, 41 ans, qui … Depuis mars, il travaille … « … », dit-il": the chain of
            # pronouns goes back to the person a sentence before it made its subject
            found = self._subject_of_sentence(i - 1, last_heard, gender)
            if found is not None:
                return found
            i -= 1
        return None

    def _pronoun_opening(self, sent_i: int) -> str | None:
        """The gender of the subject pronoun opening sentence ``sent_i``, after a fronted adverbial
        ("Depuis mars, il travaille")."""
        sent = self.doc.sentences[sent_i]
        g = self.entities.pronoun_gender(key(self.toks[sent.first]))
        if g is not None:
            return g
        opening = self.subject_opening(sent_i, sent.last)
        return self.entities.pronoun_gender(key(self.toks[opening[0]])) if opening else None

    def _subject_of_sentence(self, sent_i: int, after: int, gender: str | None) -> Source | None:
        """The person named in subject position in sentence ``sent_i`` after offset ``after``, outside
        quotation marks, gender permitting."""
        sent = self.doc.sentences[sent_i]
        for m in self.idx.persons_in(sent.first, sent.last):
            if m.start > after and m.start in self.entities.subject_mentions and self.quote_at(m.start) is None \
                    and not self._other_gender(m.person.name, gender):
                return Source(m.person.name, m.person.stype, m.start, m.end, "person")
        return None

    def _plural_group_before(self, offset: int, quoted: bool = False, gender: str | None = None) -> Source | None:
        """The latest plural group of people named in this sentence or the one before ("Les enseignants
        mobilisés la vivent comme… Pour eux,", "qui ulcère les syndicats. Pour eux,"): a plural
        definite phrase headed by a person noun or a source noun."""
        sent = self.doc.sentence_of(offset)
        if sent is None:
            return None
        back = 3 if quoted else 1  # (the latter: the last group named, a few sentences back at most)
        lo = self.doc.sentences[max(0, sent.i - back)].first
        toks, nouns = self.toks, person_nouns(self.res)
        hi = self.doc.token_index_from(offset)
        for k in range(hi - 2, lo - 1, -1):
            w = key(toks[k])
            # ("De nombreux habitants": the indefinite "de" opens the phrase before "nombreux")
            many = w in _MANY and k > 0 and key(toks[k - 1]) == "de" and self._phrase_opening(k - 1)
            opens = many or k == 0 or not toks[k - 1].is_word or key(toks[k - 1]) not in _OF_OR_ARTICLE
            counted = opens and (w in _CARDINALS or w in _INDEFINITE_PLURALS and (many or self._phrase_opening(k)))
            if key(toks[k]) not in ("les", "ces") and not counted \
                    or (not quoted and self.quote_at(toks[k].start) is not None):
                continue  # (a counted group opens its phrase: "Six sénateurs ont écrit")
            h = self._group_head(k, hi)
            if h >= hi:
                continue
            head = key(toks[h])
            found = nouns.lookup(head)
            if (found is not None and head != found[0]) or (head in self.lx.cue_words and head.endswith("s")):
                a, b = self.np_after(k)
                while b > a + 2 and key(toks[b - 1]) in _OBJECT_CLITICS:
                    b -= 1  # "les enseignants la vivent": the clitic is the verb's object
                src = describe_source(self.doc, self.res, a, b)
                if src is not None and gender in (None, self._description_gender(src) or gender):
                    return src  # (of the pronoun's gender: "ils" is not "des infirmières")
        return None

    def _phrase_opening(self, k: int) -> bool:
        """Token ``k`` opens a phrase: first of its sentence or after punctuation or a conjunction (an
        indefinite "des" there is an article, not "de les" completing a noun: "la colère des élus")."""
        return k == 0 or self.toks[k - 1].sent != self.toks[k].sent or not self.toks[k - 1].is_word \
            or key(self.toks[k - 1]) in ("et", "mais", "puis")

    def _group_head(self, k: int, hi: int) -> int:
        """The head noun of the group phrase opened at ``k``, past a cardinal ("les deux cousins") or a
        collective number and its "de" ("des milliers de manifestants", "des centaines d'élèves")."""
        keys = token_keys(self.doc)
        h = k + 2 if k + 2 < hi and keys[k + 1] in _CARDINALS else k + 1
        return collective_head(keys, h, hi)

    def _organisation_opening(self, src: Source, a: int, floor: int) -> Source | None:
        """"L'établissement a déclaré…", "a fait savoir la plateforme": the organisation that last
        opened a sentence ("Le parc aquatique de Shuiyun en Chine a vécu…", "Twitter a suspendu…"),
        named (a capitalised word that names no person, no country or side of the actors file). An
        organisation that spoke since that sentence is the more salient one ("La Y avait autorisé….
        Dans un communiqué, X explique…. Le groupe précise" → X)."""
        toks = self.toks
        spoke_at, spoke = self._organisation_heard(toks[a].start)
        for si in range(toks[a].sent, max(-1, toks[a].sent - 12), -1):
            sent = self.doc.sentences[si]
            if sent.first < floor:
                break
            if spoke is not None and sent.end <= spoke_at:
                return Source(spoke.name, spoke.stype, src.start, src.end, "np", "same_head")
            k = sent.first + (1 if key(toks[sent.first]) in DEFINITE_ARTICLES else 0)
            ka, kb = self.np_after(k)
            names = self.idx.names_in(ka, kb)
            if kb > a or not names or any(m.person is not None for m in names) or self.quote_at(toks[ka].start):
                continue
            if k == sent.first and not (names[0].first == ka and self._named_inside_a_sentence(names[0])):
                continue  # a capitalised first word ("Trois personnes…") is a name only if written so elsewhere
            found = describe_source(self.doc, self.res, ka, kb)
            if found is not None and found.stype in ("institution", "media") and found.kind == "np" \
                    and not _side_named(self.doc, self.res, names[0]):
                return Source(self._apposed_name(ka, kb), found.stype, src.start, src.end, "np", "same_head")
        if spoke is not None:
            # no organisation opens a sentence before: the one heard last ("…, annonce X. …, a précisé
            # l'organisme")
            return Source(spoke.name, spoke.stype, src.start, src.end, "np", "same_head")
        return None

    def _organisation_heard(self, offset: int) -> tuple[int, Source | None]:
        """The latest source heard before ``offset`` (within the role fallback reach) when it is a named
        organisation (capitalised, no person, no country or side), with its cue offset."""
        off, h = next(self.heard_before(offset, _ROLE_FALLBACK_CHARS), (-1, None))
        if h is None or h.kind != "np" or h.stype not in ("institution", "media") or h.start is None \
                or not h.name[:1].isupper():
            return -1, None
        names = self.idx.names_in(self.doc.token_index_from(h.start), self.doc.token_index_from(h.end))
        if not names or any(m.person is not None for m in names) or _side_named(self.doc, self.res, names[0]):
            return -1, None
        return off, h

    def _named_inside_a_sentence(self, m) -> bool:
        toks = self.toks
        return any(o.text == m.text and o.first > 0 and toks[o.first - 1].sent == toks[o.first].sent
                   and toks[o.first - 1].is_word for o in self.idx.mentions)

    def _person_in_sentence(self, offset: int, gender: str | None) -> Source | None:
        """The person subject of the sentence before ``offset``, gender permitting.

        "Devant les députés, le Premier ministre Boris Johnson, …, dont il": a person named
        at the start of the sentence (after a fronted phrase and a comma, behind at most a
        determiner and role words, no preposition), outside quotation marks.
        """
        sent = self.doc.sentence_of(offset)
        if sent is None:
            return None
        k = bisect.bisect_left(self.mention_starts, max(sent.start, offset - _SUBJECT_LOOKBACK_CHARS))
        if k < len(self.idx.mentions) and self.idx.mentions[k].start > sent.start and \
                offset - sent.start > _SUBJECT_LOOKBACK_CHARS:
            return None  # a very long sentence: its opening is too far back to be this pronoun's subject
        while k < len(self.idx.mentions) and self.idx.mentions[k].person is None \
                and self.idx.mentions[k].start < offset:
            k += 1  # capitalised words that name no person ("le Premier ministre X")
        if k >= len(self.idx.mentions) or self.idx.mentions[k].start >= offset:
            return None
        m = self.idx.mentions[k]
        if m.person is None or self._other_gender(m.person.name, gender) or self.quote_at(m.start) is not None:
            return None
        toks = self.toks
        lead = toks[max(sent.first, m.first - 12):m.first]
        commas = [i for i, t in enumerate(lead) if t.text == ","]
        if commas:
            lead = lead[commas[-1] + 1:]
        if len(lead) > 5 or any(key(t) in PREPOSITIONS or not t.is_word for t in lead):
            return None
        return Source(m.person.name, m.person.stype, m.start, m.end, "person")

    def _np_gender(self, src: Source) -> str | None:
        """The grammatical gender of a non-person source, from its determiner ("le régime", "la Corée
        du Nord"): an organisation is "il" or "elle" by its noun."""
        if src.kind != "np" or src.start is None or src.stype in ("person", "anonymous"):
            return None
        k = self.doc.token_index_from(src.start)
        for t in (self.toks[k - 1] if k > 0 else None, self.toks[k] if k < len(self.toks) else None):
            if t is not None:
                w = key(t)
                if w in ("la", "une", "cette"):
                    return "f"
                if w in ("le", "un", "ce", "cet", "du", "au"):
                    return "m"
        return None

    def _other_gender(self, name: str, gender: str | None) -> bool:
        """True when the entity ``name`` is known to be of the other gender than ``gender``."""
        g = self.entities.gender_of(name)
        return gender is not None and g is not None and g != gender

    def finish(self, src: Source | None, offset: int) -> Source | None:
        if src is None:
            return None
        if src.kind == "pronoun":
            return self.resolve_pronoun(offset, src.name)
        if src.kind == "role" and src.name not in self.person_names and src.method != METHOD_ANONYMOUS:
            # "le fondateur du groupe X explique": the person quoted just before, if any
            for off, h in reversed(self.history):
                if off >= offset:
                    continue
                if offset - off > _ROLE_FALLBACK_CHARS:
                    break  # history is in text order: nothing older is near enough
                if h.stype in ("person", "expert") and h.kind in ("person", "role"):
                    return Source(h.name, h.stype, src.start, src.end, "role")
        if src.kind == "role" and src.method == METHOD_SALIENCE:
            return self._current_speaker(src, offset) or src
        if src.kind == "np" and _PARTITIVE_GROUP.match(src.name):
            return self._partitive_group(src) or src
        spelled_out = self._acronyms().get(src.name) if src.kind == "np" else None
        if src.kind == "np" and not spelled_out and src.start is not None:
            spelled_out = self._name_cut_short(src)
        if spelled_out:
            # "XR", defined as "Extinction Rebellion (XR)": the name the text spells out
            return Source(spelled_out, src.stype, src.start, src.end, "np", "acronym")
        if src.kind == "np" and src.stype != "anonymous":
            author = self._document_by_adjective(src, offset)
            if author is not None:
                return author
        if src.kind == "np" and src.stype == "media" and src.start is not None:
            outlet = self._outlet_described(src)
            if outlet is not None:
                return outlet
        if src.kind == "np" and src.stype in ("institution", "media", "expert") and src.start is not None:
            return self._fuller_mention(src) or self._name_heard_in_full(src, offset) or src
        return src

    def _name_heard_in_full(self, src: Source, offset: int) -> Source | None:
        """"La Gazette affirme" after "la Gazette du Val révélait": a proper name that opens the
        name of a source heard before ("X de Y", "X du Z") is that source cut short."""
        if not src.name[:1].isupper() or len(src.name.split()) > 2:
            return None
        for _, h in self.heard_before(offset):
            rest = h.name[len(src.name):].split()
            if h.name.startswith(src.name + " ") and rest[0] in ("de", "du", "d'", "des") \
                    and h.stype in ("institution", "media") and rest[-1][:1].isupper():
                return Source(h.name, h.stype, src.start, src.end, "np", "short_name")
        return None

    def _document_by_adjective(self, src: Source, offset: int) -> Source | None:
        """"le communiqué japonais", "la note américaine": a document named by an adjective of its origin and
        no author is the document of the source quoted before whose name holds that adjective ("le
        ministère japonais des Transports a indiqué …")."""
        words = src.name.lower().split()
        if words[:1] and words[0] in _SINGULAR_DEFINITE:
            words = words[1:]
        if len(words) != 2 or words[0] not in self.lx.document_words or not words[1].isalpha():
            return None
        for _, h in self.heard_before(offset):
            if h.stype != "anonymous" and words[1] in h.name.lower().split():
                return Source(h.name, h.stype, src.start, src.end, h.kind, "document_author")
        return None

    def _outlet_described(self, src: Source) -> Source | None:
        """"le quotidien", "la chaîne", "l'hebdomadaire": a definite common noun of a medium refers back
        to the outlet the text named last before it ("Selon La Gazette du Nord, … citée par le quotidien")."""
        words = src.name.split()
        # (a demonstrative refers back all the more: "selon ce journal suisse")
        if not 2 <= len(words) <= 3 or words[0].lower() not in _SINGULAR_DEFINITE | _SINGULAR_DEMONSTRATIVES \
                or any(w[:1].isupper() for w in words):
            return None
        toks, lx = self.toks, self.lx
        a = self.doc.token_index_from(src.start)
        keys = token_keys(self.doc)
        for k in range(a - 1, max(-1, a - _MAX_LOOKBACK * 8), -1):
            if keys[k] not in lx.outlet_first or not toks[k].text[:1].isupper():
                continue
            found = outlet_in(list(keys[k:k + 6]), lx)
            if found is not None and found[0] == 0:
                b = k + found[1] - 1
                return Source(_plain(self.text[toks[k].start:toks[b].end]), "media", src.start, src.end, "np",
                              "outlet")
        return None

    def _name_cut_short(self, src: Source) -> str | None:
        """"la Haute instance pour la qualité … (HIQE)": a name whose lower-case complement the
        phrase rules cut off, when the text goes on with the rest of a name it spells out."""
        for full in self._acronyms().values():
            if len(full) > len(src.name) and full.startswith(src.name + " ") \
                    and _plain(self.text[src.start:src.start + len(full) + 20]).startswith(full):
                return full
        return None

    def _partitive_group(self, src: Source) -> Source | None:
        """"certains d'entre eux" → "certains manifestants": the part of the group of people named
        last before it ("les remarques des manifestants"), in its sentence or the one before."""
        toks = self.toks
        k = self.doc.token_index_from(src.start)
        sent = toks[k].sent
        for j in range(k - 1, max(-1, k - _MAX_LOOKBACK), -1):
            if toks[j].sent < sent - 1:
                break
            w = key(toks[j])
            if w in self.lx.person_nouns and w.endswith(("s", "x")) and j > 0 \
                    and (key(toks[j - 1]) in ("les", "des", "ces", "aux", "leurs", "nos")
                         or key(toks[j - 1]) in NUMBER_WORDS or toks[j - 1].text.isdigit()):
                # (a number counts the group: "neuf des treize membres du conseil")
                quantifier = src.name.split(" d'entre")[0]
                return Source(f"{quantifier} {toks[j].text}", src.stype, src.start, src.end, "np", src.method)
        return None

    def _acronyms(self) -> dict[str, str]:
        """Acronyms the text defines in brackets after a name: "Extinction Rebellion (XR)" → {"XR": …}."""
        return self.doc.memo("attribution.acronyms", lambda: {
            **acronyms_by_initials(self.text),
            **{m.group(2): m.group(1) for m in _ACRONYM_DEFINED.finditer(self.text)
               if len(m.group(1).split()) >= 2 and _spells(m.group(2), m.group(1))}})
            # (one word is often the tail of a longer name: "… de la Santé (DGS)"; a name whose letters
            # do not spell the acronym is someone else's: "Christophe X (TF1)" is a journalist of TF1)

    def _description_gender(self, src: Source) -> str | None:
        """The gender the words of the description ``src`` show ("la femme politique": f)."""
        if src.start is None:
            return None
        a, b = self.doc.token_index_from(src.start), self.doc.token_index_from(src.end)
        words = [key(t) for t in self.toks[a:b] if t.is_word]
        return parse_description(words, person_nouns(self.res), self.lx).gender if words else None

    def _holder_in_time(self, src: Source) -> bool:
        """The description ``src`` places its role's holder in time right after its determiner ("le
        nouveau Premier ministre", "la future présidente"): it tells a holder apart from another of the
        same office (not "le leader du nouveau parti", where the adjective is the complement's). The
        span may leave its determiner out."""
        a, b = self.doc.token_index_from(src.start), self.doc.token_index_from(src.end)
        words = [key(t) for t in self.toks[a:b] if t.is_word]
        i = 1 if words and words[0] in _NP_OPENERS else 0
        return i < len(words) and words[i] in ROLE_TIME_ADJECTIVES

    def _current_speaker(self, src: Source, offset: int) -> Source | None:
        """A description given by mere recency to a person named in passing yields to the speaker of
        the latest attribution nearby, gender permitting ("X plaide pour … -un point commun avec Y-
        … martèle le fils d'ouvrier" → X): a text goes on about the person it is quoting. Not when the
        recency reading's person was named as a subject since."""
        ent = self.entities.entity(src.name)
        if src.start is not None and self._holder_in_time(src):
            return None  # "a précisé le nouveau ministre": a holder set apart from the last speaker
        for off, h in reversed(self.history):
            if off >= offset:
                continue
            if self.narrated_chars(off, offset) > _ROLE_FALLBACK_CHARS or h.name == src.name:
                return None
            if h.stype not in ("person", "expert") or h.kind not in ("person", "role") \
                    or _plural_name(h.name) or self.entities.entity(h.name) is None:
                return None
            g1, g2 = self.entities.gender_of(h.name), self._description_gender(src)
            if g2 and g1 != g2:
                return None  # (a gendered description keeps the person whose gender is known to agree)
            if ent is not None and any(off < s < offset and s in self.entities.subject_mentions for s in ent.mentions):
                return None
            return Source(h.name, h.stype, src.start, src.end, "role", METHOD_SALIENCE)
        return None

    def _fuller_mention(self, src: Source) -> Source | None:
        """"le ministère", "le parc aquatique" → the fuller mention written before with the same head
        ("Le ministère russe des Affaires étrangères a convoqué…", "Le parc aquatique de Shuiyun"):
        a short definite description of an organisation refers back to it."""
        toks = self.toks
        a = self.doc.token_index_from(src.start)
        b = self.doc.token_index_from(src.end)
        words = [key(t) for t in toks[a:b] if t.is_word or key(t) == "l'"]
        # (a contracted article is a definite one: "un communiqué du ministère")
        if not words or key(toks[a - 1] if a > 0 else toks[a]) not in _DEFINITE_OR_CONTRACTED and words[0] not in (
                "le", "la", "l'", "les"):
            return None
        head = [w for w in words if w not in DEFINITE_ARTICLES]
        if not head or len(head) > 2 or any(t.text[:1].isupper() for t in toks[a:b] if key(t) in head) \
                or head[0] in self.lx.person_nouns:
            return None  # (people are resolved as persons, not as organisations)
        floor = max(0, a - _MAX_LOOKBACK * 8)
        if len(head) == 1 and head[0] in self.organisation_nouns:
            return self._organisation_opening(src, a, floor)
        # the fuller mention before; else, the text naming it in full only later ("a annoncé la police.
        # … a écrit la police de Valmont"), the first one after, within the same reach
        keys = token_keys(self.doc)
        ceiling = min(len(toks) - 1, b + _MAX_LOOKBACK * 8)
        loose = None
        for k in [*range(a - 2, floor, -1), *range(b + 1, ceiling)]:
            if keys[k] != head[0] or keys[k - 1] not in _DEFINITE_OR_CONTRACTED:
                continue
            if self.quote_at(toks[k].start) is not None or a <= k < b:
                continue
            ka, kb = self.np_after(k)
            found = [key(t) for t in toks[ka:kb] if t.is_word]
            if found[:1] != head[:1] or len(found) <= len(head) or not self.idx.names_in(ka, kb):
                continue
            if _in_order(head, found):
                # (adjectives may stand between: "l'agence nord-coréenne" after "L'agence officielle
                # nord-coréenne KCNA")
                return Source(self._apposed_name(ka, kb), src.stype, src.start, src.end, "np", "same_head")
            if loose is None and k < a and len(head) == 2 and toks[k].text[:1].isupper():
                # failing that, a proper name before with the head noun, which the description's adjective
                # classes ("La Société française de botanique … la société savante")
                loose = Source(self._apposed_name(ka, kb), src.stype, src.start, src.end, "np", "same_head")
        if loose is None and len(head) == 1:
            return self._institution_of_office(src, head[0], a, floor)
        return loose

    def _institution_of_office(self, src: Source, head: str, a: int, floor: int) -> Source | None:
        """"le ministère" after "le ministre de l'Intérieur X" → "ministère de l'Intérieur": an
        institution noun refers back to the institution the text placed through its office holder
        (``office_institutions.tsv``), the complement naming it kept as written."""
        office = self._offices().get(head)
        if office is None:
            return None
        toks, keys = self.toks, token_keys(self.doc)
        forms = {office, office + "s"}
        for k in range(a - 2, floor, -1):
            if keys[k] not in forms or keys[k + 1] not in ("de", "du", "d'", "des") \
                    or self.quote_at(toks[k].start) is not None:
                continue
            end = self._capitalised_complement(k + 2)
            if end is not None:
                return Source(head + self.text[toks[k].end:toks[end - 1].end], src.stype, src.start, src.end,
                              "np", "same_head")
        return None

    def _capitalised_complement(self, j: int) -> int | None:
        """End of the capitalised words after an article at token ``j`` ("l'Intérieur", "la
        Santé"), stopping before a person's name ("ministre de l'Intérieur X Y"); None if none."""
        toks, n = self.toks, len(self.toks)
        if j < n and key(toks[j]) in DEFINITE_ARTICLES:
            j += 1
        start = j
        while j < n and j - start < 4 and toks[j].is_word and toks[j].text[:1].isupper() \
                and not (self.idx.by_token.get(j) is not None and self.idx.by_token[j].person is not None):
            j += 1
        return j if j > start else None

    def _offices(self) -> dict[str, str]:
        return self.res.memo("attribution.offices", lambda: {
            word_key(e["term"]): word_key(e["office"]) for e in self.res.lexicon(
                "office_institutions", required=("office",)).entries})

    def _apposed_name(self, ka: int, kb: int) -> str:
        """The name closing a description in apposition ("l'agence officielle nord-coréenne KCNA" ->
        KCNA), else the whole phrase ("ministère russe des Affaires étrangères": a complement)."""
        toks = self.toks
        last = self.idx.names_in(ka, kb)[-1]
        before = key(toks[last.first - 1]) if last.first > ka else ""
        # (after "de" and an article the name is a complement: "ministère de la Justice")
        of_article = before in DEFINITE_ARTICLES and last.first - 2 >= ka and key(toks[last.first - 2]) in _OF_WORDS
        if last.last == kb and last.first > ka and before not in _OF_WORDS and not of_article \
                and toks[last.first - 1].is_word and toks[last.first - 1].text[:1].islower():
            return _plain(last.text)
        return _plain(self.text[toks[ka].start:toks[kb - 1].end])

    def np_after(self, j: int, limit: int = 20) -> tuple[int, int]:
        """Token range of a noun phrase starting at ``j`` (stops at clause punctuation/prepositions)."""
        toks = self.toks
        n = len(toks)
        if j >= n:
            return j, j
        sent = toks[j].sent
        k = j
        depth = 0
        while k < n and k - j < limit and toks[k].sent == sent:
            w = key(toks[k])
            if toks[k].text in QUOTE_OPEN and k == j or (toks[k].text in QUOTE_OPEN and depth == 0 and k > j
                                                           and toks[k - 1].text in ("le", "la", "les", "l'")):
                depth += 1
                k += 1
                continue
            if depth and toks[k].text in QUOTE_CLOSE:
                depth -= 1
                k += 1
                continue
            if k > j and _title_dot(toks, k, self.lx.titles):
                k += 1
                continue
            if k > j and (w in _AFTER_STOP and not (w == "et" and k + 1 < n and toks[k + 1].text[:1].isupper())):
                break
            if k > j and _time_demonstrative(toks, k):
                break  # "a réagi l'Élysée ce mardi matin": the time adverbial is not part of the name
            if k > j and (w in _VERB_STOP or _inflected_verb(toks[k]) and key(toks[k - 1]) not in _NOUN_DETERMINERS):
                break  # "la déclaration du Kremlin est tombée": the phrase ends before the verb
            k += 1
        return j, k

    def subject_before(self, cue: Cue) -> tuple[int, int] | None:
        """Token range of the subject written before ``cue`` (apposition-aware)."""
        toks = self.toks
        sent = self.doc.sentences[toks[cue.first].sent]
        j = cue.first - 1
        if j < sent.first:
            return None
        k = j
        while k > sent.first and key(toks[k]) in _OBJECT_CLITICS:
            k -= 1  # "les critiques qui lui reprochaient": the clitic is the verb's object
        if key(toks[k]) == "qui":
            j = k
        if key(toks[k]) in _SUBJECT_CLITICS and k > sent.first and key(toks[k - 1]) in _RELATIVE_PRONOUNS:
            return k, k + 1  # "un discours au cours duquel il a dénoncé": the clitic is the subject
        if key(toks[j]) == "qui" and j - 1 >= sent.first and toks[j - 1].text == ",":
            # "la Russie, qui avait nié": the noun phrase before the comma; with an apposition
            # ("Kim Yo Jong, la cadette du dirigeant, qui"), the name before it
            end = j - 1
            a = end - 1
            while a >= max(sent.first, end - 12) and toks[a].text not in (",", ";", ":") and \
                    key(toks[a]) not in _ANTECEDENT_STOP and not _inflected_verb(toks[a]):
                a -= 1
            c1 = (a + 1, end)
            if a >= sent.first and toks[a].text == ",":
                b = a - 1
                while b >= max(sent.first, a - 8) and toks[b].text not in (",", ";", ":") and \
                        key(toks[b]) not in _ANTECEDENT_STOP:
                    b -= 1
                c0 = (b + 1, a)
                if self.idx.persons_in(*c0) and c1[1] > c1[0] and key(toks[c1[0]]) in ("le", "la", "l'", "les", "un", "une"):
                    return c0
            return c1 if c1[1] > c1[0] else None
        if key(toks[j]) == "qui":
            # the antecedent: the noun phrase right before "qui" (after an agent "par")
            end = j
            a = end - 1
            while a >= max(sent.first, j - 7) and key(toks[a]) not in _BOUNDARY and key(toks[a]) != "qui" \
                    and key(toks[a]) not in _ANTECEDENT_STOP and not _inflected_verb(toks[a]) \
                    and not (toks[a].lemma != key(toks[a]) and key(toks[a]).endswith(("é", "ée", "és", "ées"))):
                a -= 1  # (nor a participle: "a indiqué KCNA qui mentionne")
            start = self._past_adverbial_head(a + 1, end)
            for k in range(end - 1, start - 1, -1):
                if key(toks[k]) == "par" or key(toks[k]) in _PREPOSITIONS_BEFORE_ANTECEDENT \
                        and self._names_people(k + 1, end):
                    # "…par X qui", "face au cousin qui": the antecedent is the preposition's object
                    # (a person; not "les opposants au glyphosate qui")
                    start = k + 1
                    break
            return start, end
        rng = self._chunked_subject(cue, sent)
        if rng is None:
            return None
        a, b = rng
        while b > a and key(toks[b - 1]) in _OBJECT_CLITICS:
            b -= 1  # "certains experts la soupçonnent": the clitic is the verb's object
        if b <= a:
            return None
        if cue.form in ("gerund", "inf"):
            return a, b  # their subject is the sentence's, before its main verb
        rng = self._clause_tail((a, b))
        if rng is not None and key(toks[rng[0]]) in PREPOSITIONS and not toks[rng[0]].text[:1].isupper():
            return None  # "… que de centre-gauche révèlent": a prepositional phrase is no subject
        return rng

    def _clause_tail(self, rng: tuple[int, int]) -> tuple[int, int] | None:
        """The subject at the end of ``rng`` when a clause precedes it in the same chunk.

        "Navalny a été transféré en Allemagne où [les médecins] disent…", "L'UE a évoqué
        des sanctions et [Berlin] a indiqué…": the phrase starts after the last verb or
        clause word, and after a clause-joining "et" that follows a verb.
        """
        toks = self.toks
        a, b = rng
        if key(toks[a]) in _LEADING_ADVERBIAL or key(toks[a]) in ("à", "a", "chaque"):
            # "A chaque fois Moscou a rejeté", "Dans un communiqué le Kremlin a dit": the
            # subject is the name after the leading adverbial (with its determiner)
            for k in range(a + 1, b):
                if toks[k].text[:1].isupper() and toks[k].is_word:
                    a = k - 1 if key(toks[k - 1]) in _NP_STARTS else k
                    break
        cut = a
        for k in range(b - 1, a - 1, -1):
            t = toks[k]
            w = key(t)
            if w in _CLAUSE_WORDS:
                cut = k + 1
                break
            if w in _VERB_STOP or _inflected_verb(t) or is_infinitive(t):
                cut = k + 1
                for m in range(b - 1, cut - 1, -1):
                    if key(toks[m]) == "et":
                        cut = m + 1
                        break
                break
        if cut >= b or not self._looks_np((cut, b)):
            # nothing that looks like a subject after the clause: the verbs share the
            # subject before them ("Poutine le reconnaisse et s'en félicite")
            return a, b
        return cut, b

    def _chunked_subject(self, cue: Cue, sent) -> tuple[int, int] | None:
        toks = self.toks
        chunks: list[tuple[int, int]] = []
        end = cue.first
        a = end - 1
        floor = max(sent.first, cue.first - _MAX_LOOKBACK)
        while a >= floor and len(chunks) < 3:
            opening = self._title_before(a, floor)
            if opening is not None:
                a = opening - 1  # ("connue pour son roman "La Maison aux esprits" et …": a title)
                continue
            opening = self._parenthesis_before(a, floor)
            if opening is not None:
                a = opening - 1  # ("X, élu maire de Lille (Nord), assure": a bracketed aside is transparent)
                continue
            opening = self._quote_in_relative(a, floor)
            if opening is not None:
                a = opening - 1  # ("X, qui s'est dit « honoré », a fait savoir": words quoted in a relative)
                continue
            if key(toks[a]) in _BOUNDARY or toks[a].text in _BOUNDARY:
                chunks.append((a + 1, end))
                if toks[a].text != ",":
                    break
                end = a
            a -= 1
        else:
            if len(chunks) < 3:
                chunks.append((floor, end))
        if not chunks:
            return None
        c0 = chunks[0]
        if c0[1] > c0[0]:
            # "sud-coréen et ukraine ont déclaré": a chunk starting lowercase without a
            # determiner continues the previous one (coordinated adjectives)
            first_tok = toks[c0[0]]
            if (len(chunks) > 1 and not first_tok.text[:1].isupper()
                    and key(first_tok) not in ("le", "la", "l'", "les", "des", "un", "une", "ce", "ces", "cette",
                                               "plusieurs", "certains", "ses", "son", "sa", "leurs", "leur",
                                               "il", "elle", "ils", "elles", "on", "je", "nous", "vous")):
                return chunks[1][0], c0[1]
            if len(chunks) > 1 and any(key(t) == "et" for t in toks[c0[0]:c0[1]]) and \
                    0 < chunks[1][1] - chunks[1][0] <= 4 and self._looks_np(chunks[1]):
                return chunks[1][0], c0[1]  # "les Ukrainiens, les sud-Coréens et les occidentaux"
            return c0
        # empty chunk: "X, apposition, a déclaré"
        cands = [c for c in chunks[1:] if c[1] > c[0]]
        if not cands:
            return None
        relative = next((i for i, c in enumerate(cands[:2]) if key(toks[c[0]]) in _RELATIVES), None)
        if relative is not None:
            # "L'entreprise, qui s'associe avec X, acteur du secteur, propose": a relative clause (and
            # what follows it) describes the subject written before it, never is the subject
            return self._chunk_before(cands[relative][0], floor)
        # "X, avocat des parents de Y, a déclaré": the chunk naming a person as its head, not the
        # apposition where a name hangs on "de"
        for c in cands[:2]:
            if self._heads_a_person(c):
                return c
        for c in cands[:2]:
            if self.idx.persons_in(*c):
                return c
        if len(cands) > 1 and self._apposed_name_chunk(cands[0], cands[1]):
            return cands[0]  # "le groupe terroriste, Daesh, a revendiqué": the name in apposition
        return cands[1] if len(cands) > 1 and self._looks_np(cands[1]) else cands[0]

    def _apposed_name_chunk(self, name: tuple[int, int], before: tuple[int, int]) -> bool:
        """``name`` is one capitalised name alone, set in apposition after a definite description
        naming nothing (``before``): the name is what the description describes."""
        names = self.idx.names_in(*name)
        return len(names) == 1 and (names[0].first, names[0].last) == name \
            and key(self.toks[before[0]]) in DEFINITE_ARTICLES and not self.idx.names_in(*before)

    def _parenthesis_before(self, close: int, floor: int) -> int | None:
        """The opening bracket of a short bracketed aside closed at ``close`` (a place, an acronym, an
        age, a party and group: "X (RN, non-inscrit) a salué"), else None."""
        toks = self.toks
        if toks[close].text != ")":
            return None
        for k in range(close - 1, max(floor, close - 8) - 1, -1):
            if toks[k].text == "(":
                return k if k > floor else None
            if toks[k].text in (")", ";", ":") or toks[k].text in QUOTE_OPEN:
                return None
        return None

    def _quote_in_relative(self, close: int, floor: int) -> int | None:
        """The opening mark of the quotation closed at token ``close`` when it lies inside a relative
        clause set off by a comma ("X, qui s'est dit « honoré » de « … », a fait savoir"): such quoted
        words are part of the clause, not a boundary of the subject; else None."""
        toks = self.toks
        if toks[close].text not in QUOTE_CLOSE:
            return None
        q = self.quote_at(toks[close].start)
        if q is None or q.end != toks[close].end:
            return None
        a = self.doc.token_index_from(q.start)
        while a > floor:  # back over the clause, across other quotations, to its opening
            prev = self.quote_at(toks[a - 1].start) if toks[a - 1].text in QUOTE_CLOSE else None
            if prev is not None and prev.end == toks[a - 1].end:
                a = self.doc.token_index_from(prev.start)
                continue
            if key(toks[a - 1]) in _BOUNDARY or toks[a - 1].text in _BOUNDARY:
                break
            a -= 1
        if a <= floor or key(toks[a]) != "qui" or toks[a - 1].text != ",":
            return None
        return self.doc.token_index_from(q.start)

    def _chunk_before(self, start: int, floor: int) -> tuple[int, int] | None:
        """The comma-delimited chunk ending right before the comma at ``start - 1``."""
        toks = self.toks
        end = start - 1
        if end <= floor or toks[end].text != ",":
            return None
        a = end - 1
        while a >= floor and key(toks[a]) not in _BOUNDARY and toks[a].text not in _BOUNDARY:
            a -= 1
        return (a + 1, end) if end > a + 1 else None

    def _title_before(self, close: int, floor: int) -> int | None:
        """The opening mark of a short title in marks closed at ``close`` and written inside a noun
        phrase (a word on each side: "son roman « La Maison aux esprits » et …"), else None."""
        toks = self.toks
        if toks[close].text not in QUOTE_CLOSE or close + 1 >= len(toks) or not toks[close + 1].is_word:
            return None
        for k in range(close - 1, max(floor, close - _TITLE_WORDS - 2) - 1, -1):
            if toks[k].text in QUOTE_OPEN or toks[k].text == toks[close].text:
                inner = toks[k + 1:close]
                ok = inner and inner[0].text[:1].isupper() and k > floor and toks[k - 1].is_word \
                    and key(toks[k - 1]) not in _BOUNDARY
                return k if ok else None
            if not toks[k].is_word:
                return None
        return None

    def _names_people(self, a: int, b: int) -> bool:
        """``tokens[a:b]`` name a person or open on a noun for people (after its determiner)."""
        words = [key(t) for t in self.toks[a:b] if t.is_word and key(t) not in _SUBJECT_DET]
        return bool(self.idx.persons_in(a, b)) or bool(words) and words[0] in self.lx.person_nouns

    def _heads_a_person(self, c: tuple[int, int]) -> bool:
        """A person is named in ``c`` outside a ``de`` complement ("avocat des parents de Y" names none)."""
        toks = self.toks
        for m in self.idx.persons_in(*c):
            lead = [key(t) for t in toks[c[0]:m.first] if t.is_word]
            if not any(w in ("de", "du", "des", "d'") for w in lead):
                return True
        return False

    def _name_in_marks(self, close: int) -> bool:
        """The quotation closed at token ``close`` holds only capitalised words (a name, a nickname)."""
        q = self.quote_at(self.toks[close].start)
        if q is not None:
            words = _WORDS_RE.findall(self.text[q.start:q.end])
        else:  # (marks read as no quotation: a nickname after a verb of naming, « Mamie Rock »)
            k = next((k for k in range(close - 1, max(-1, close - 7), -1) if self.toks[k].text in QUOTE_OPEN), None)
            words = [t.text for t in self.toks[k + 1:close] if t.is_word] if k is not None else []
        return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words)

    def _organisation_name(self, close: int) -> bool:
        """The marks closed at token ``close`` hold an organisation's name, right after its noun
        ("le collectif « Terre vivante » a déploré": the subject ends there, the verb is no incise)."""
        toks = self.toks
        k = next((k for k in range(close - 1, max(-1, close - 9), -1) if toks[k].text in QUOTE_OPEN), None)
        if k is None or self.quote_at(toks[k].start) is not None:
            return False
        inner = self.text[toks[k].end:toks[close].start]
        return names_an_organisation(self.res, self.text, toks[k].start, inner, _WORDS_RE.findall(inner))

    def _named_before_apposition(self, chunk: tuple[int, int], a: int) -> bool:
        """"la FNPC, fédération qui regroupe 300 ports, conteste …": a short phrase naming a body, then
        an apposition opened by a noun (its relative clause aside): the subject stands before, the verb is
        no incise."""
        toks = self.toks
        name = (a, chunk[0] - 1)
        if not 0 < name[1] - name[0] <= 4 or not self.idx.names_in(*name) or self._has_verb(name) \
                or not self._looks_np(name) or toks[chunk[0]].text[:1].isupper():
            return False
        rel = next((k for k in range(chunk[0], chunk[1]) if key(toks[k]) in _RELATIVES), chunk[1])
        return rel > chunk[0] and not self._has_verb((chunk[0], rel))

    def _has_verb(self, c: tuple[int, int]) -> bool:
        """A finite verb in ``c``: a clause ("X a avoué …, ont annoncé ses avocats"), not an apposition."""
        return any(key(t) in _VERB_STOP or _inflected_verb(t) for t in self.toks[c[0]:c[1]])

    def _looks_np(self, c: tuple[int, int]) -> bool:
        t = self.toks[c[0]]
        return t.text[:1].isupper() or key(t) in _NP_STARTS or key(t) in ("il", "elle", "ils", "elles", "on")

    def subject_start_after(self, cue: Cue) -> int | None:
        """First token of an inverted subject: skips ``jeudi``, ``sur Facebook``, ``à des journalistes``."""
        toks = self.toks
        n = len(toks)
        j = cue.last
        sent = toks[cue.head].sent
        guard = j + 8
        while j < n and j < guard and toks[j].sent == sent:
            w = key(toks[j])
            if _time_demonstrative(toks, j):
                j += 2  # "a annoncé cette nuit le bureau": a time adverbial before the subject
                continue
            if w == "de" and j + 2 < n and key(toks[j + 2]) in ("côté", "part"):
                j += 3  # "lançait de son côté X"
                continue
            if w in _SKIP_BEFORE_SUBJECT and not (w in ("son", "sa", "leur", "ses", "leurs") and j + 1 < n
                                                   and key(toks[j + 1]) not in ("part", "côté", "tour")):
                j += 1  # (", a expliqué son entourage": a possessive opening a noun phrase is the subject)
                continue
            m = addressee_length(toks, j, _SUBJECT_DET) or adverbial_length(toks, j)
            if m:
                j += m  # "a annoncé à l'AFP le scénariste", "a demandé très clairement le journaliste"
                continue
            if w == "," and j > cue.last and j + 1 < n:
                j += 1  # ", a déclaré lundi, Leonor Briones, …": the comma closing the adverbial
                continue
            detached = _detached_attribute(toks, j) if w == "," else 0
            if detached:
                j += detached  # "a affirmé, émue, la directrice": an attribute of the subject
                continue
            if w[:1].isdigit() and j + 1 < n and key(toks[j + 1]) in MONTHS:
                j += 2  # "a déclaré ce mardi 23 mai le président": a date
                continue
            if w.endswith("ment") and j + 1 < n and (toks[j + 1].text[:1].isupper() or key(toks[j + 1]) in _SUBJECT_DET):
                j += 1  # "poursuit sobrement Meghan Markle": an adverb (a noun would need its determiner)
                continue
            if w in ("en", "avec"):
                j += 2  # the preposition and the first word of its object
                while j < n and j < guard and toks[j].is_word and not toks[j].text[:1].isupper() \
                        and key(toks[j]) not in _SUBJECT_DET:
                    j += 1
                continue
            break
        if j >= n or toks[j].sent != sent or not toks[j].is_word:
            return None
        if toks[j].text[:1].isupper() or key(toks[j]) in _SUBJECT_DET:
            return j
        return None

    def is_incise(self, cue: Cue) -> bool:
        """``, a déclaré X`` / ``» a-t-il dit`` / ``comme le rapporte X``: the subject follows."""
        toks = self.toks
        if cue.first == 0 or cue.agent is not None:
            return False
        if self.parsed:
            # the parse says where the subject is: before the verb, no inserted clause
            subj = syntax.subject_of(self.doc, toks[cue.head])
            if subj is not None and subj.i < cue.first and subj.sent == toks[cue.head].sent:
                return False
        p = toks[cue.first - 1]
        if key(p) == "comme" or (key(p) in ("le", "l'") and cue.first > 1 and key(toks[cue.first - 2]) == "comme"):
            return True
        if p.text not in (",",) and p.text not in QUOTE_CLOSE:
            return False
        if p.text in QUOTE_CLOSE and (self._name_in_marks(cue.first - 1) or self._organisation_name(cue.first - 1)):
            return False  # "Celle que l'on surnomme « Mamie Rock » évoque…": a name in marks, no speech
        if cue.form not in ("finite", "ppart"):
            return False
        nxt = toks[cue.last] if cue.last < len(toks) else None
        if nxt is not None and nxt.sent == toks[cue.head].sent and (
                _complement_names_source(toks, cue) is not None or self._inverted_on(cue)
                and self._on_complement(cue) is not None):
            # ", a-t-on appris auprès des pompiers", ", précise-t-on au Vatican": the source follows
            return True
        if nxt is None or key(nxt) in ("que", "qu'") or self.subject_start_after(cue) is None:
            return False
        if p.text == ",":
            # "X, porte-parole du Pentagone, a déclaré": an apposition, the subject is before
            sent = self.doc.sentences[toks[cue.first].sent]
            a = cue.first - 2
            lo = max(sent.first, cue.first - _MAX_LOOKBACK)
            while a >= lo and toks[a].text not in (",", ";", ":") and toks[a].text not in QUOTE_CLOSE:
                a -= 1
            chunk = (a + 1, cue.first - 1)
            if chunk[1] - chunk[0] <= 10:
                prev_chunk_end = a
                b = a - 1
                while b >= lo and toks[b].text not in (",", ";", ":"):
                    b -= 1
                if (self.idx.persons_in(*chunk) and not self._has_verb(chunk)) or (
                        a >= sent.first and toks[a].text == "," and (self.idx.persons_in(b + 1, prev_chunk_end)
                                                                     or self._named_before_apposition(chunk, b + 1))):
                    return False
        return True

    # --- sources -----------------------------------------------------------
    def source_of(self, cue: Cue, prev_in_sentence: Source | None) -> Source | None:
        toks = self.toks
        start = toks[cue.first].start
        if cue.kind == "verb" and self.parsed:
            # the parse, when the input has one (CoNLL-U, stanza): the subject of a
            # reporting verb is its speaker; the surface rules are the fallback
            src = self.parsed_source(cue)
            if src is not None:
                return src
        if cue.kind == "prep" and any(key(t) in POSSESSIVES_3 for t in toks[cue.first:cue.last]):
            return self._possessor(cue)
        if cue.kind == "prep":
            return self._prep_source(cue, start)
        if cue.kind == "noun":
            return self._noun_source(cue, start)
        if cue.agent is not None:
            a, b = self.np_after(cue.agent + 1)
            # (the label may come before the agent: "qualifié de « parodie » par les organisations de défense…")
            labelled = any(key(t) in ("de", "d'") for t in toks[cue.head + 1:cue.agent])
            b = self._agent_end(a, b, "" if labelled else cue.lemma)
            return self.finish(self._citing_medium(cue, describe_source(self.doc, self.res, a, b), a, b), start)
        if cue.form == "passive":
            return None  # "Il est accusé de…": accused by no one named (the subject is the accused)
        complement = self._source_complement(cue)
        if complement is not None:
            return complement
        if cue.inverted:
            for t in toks[cue.first:cue.last]:
                if key(t) in _PRONOUNS or key(t) in ("-t-on", "-on"):
                    if key(t) in ("-t-on", "-on"):
                        return self._on_complement(cue) or Source("on", "anonymous", t.start, t.end, "np")
                    return self.resolve_pronoun(start, key(t))
        if cue.lemma == "citer" and cue.last < len(toks) and toks[cue.last].text[:1].isupper():
            a, b = self.np_after(cue.last)
            src = describe_source(self.doc, self.res, a, b)
            if src is not None and src.kind in ("person", "role"):
                return self.finish(src, start)
        if self.is_incise(cue):
            found, src = self._incise_source(cue, start)
            if found:
                return src
        modified = self._noun_before_participle(cue) or self._participle_own_subject(cue) \
            if cue.form == "gerund" else None
        if modified is not None:
            return self.finish(modified, start)
        if (cue.form in ("gerund", "inf") or cue.form == "ppart" and cue.first == cue.head
                or cue.form == "finite" and cue.first > 0 and key(toks[cue.first - 1]) in ("et", "mais", "puis")) \
                and prev_in_sentence is not None:
            # (a participle without its auxiliary is coordinated: "X a salué … et estimé que"; so is a
            # verb right after a conjunction: "Le couple nie …, mais reconnaît …")
            return prev_in_sentence
        if cue.form == "finite" and self._after_conjunction_and_clitics(cue):
            # "X, qui se dit fatigué, l'aborde et lui demande de…": the coordinated verb's subject is
            # the sentence's, not the words before the conjunction
            shared = self._coordinated_subject(cue)
            if shared is not None:
                return shared
        rng = self.subject_before(cue)
        if rng is not None and cue.form in ("gerund", "inf"):
            persons = self.idx.persons_in(*rng)
            rng = (rng[0], persons[-1].last) if persons else None
        if rng is None and cue.form == "gerund":
            # "elle a réaffirmé ce qu'elle écrivait, assurant que…": the subject pronoun of the sentence
            for t in toks[self.doc.sentences[toks[cue.first].sent].first:cue.first]:
                if key(t) in ("il", "elle", "ils", "elles") and self.quote_at(t.start) is None:
                    return self.resolve_pronoun(t.start, key(t))
        if rng is None and cue.form == "gerund" and cue.first > 0:
            rng = self.sentence_subject(cue)  # (", critiquant…", "s'est montré confiant disant :")
        if rng is None and cue.form == "finite":
            rng = self._demonstrative_subject(cue)
        if rng is not None:
            src = describe_source(self.doc, self.res, *rng)
            if src is not None:
                return self.finish(src, start)
        if cue.form in ("gerund", "inf"):
            governed = self._infinitive_subject(cue) if rng is None else None
            return governed or self.latest_source(start, within=_PARTICIPLE_FALLBACK_CHARS)
        if cue.form in ("finite", "ppart") and cue.first > 0 and key(toks[cue.first - 1]) in ("et", "mais", "puis"):
            return self._coordinated_subject(cue)
        return None

    def _participle_own_subject(self, cue: Cue) -> Source | None:
        """A participial clause with its own subject: the person named right before the participle
        ("…, X (MCD) se félicitant que …"); or, for a participle opening its sentence ("Saluant un
        « pas décisif », les riverains se sont …"), the noun phrase after the clause's comma, up to a clitic."""
        toks = self.toks
        sent = self.doc.sentences[toks[cue.first].sent]
        k = cue.first - 1
        if k >= sent.first and key(toks[k]) in ("se", "s'"):
            k -= 1
        if k >= sent.first and toks[k].text == ")":
            opening = self._parenthesis_before(k, sent.first)
            k = opening - 1 if opening is not None else k
        if k >= sent.first:
            named = [m for m in self.idx.persons_in(max(sent.first, k - 6), k + 1) if m.last == k + 1]
            if named and self.quote_at(named[0].start) is None:
                return describe_source(self.doc, self.res, named[0].first, named[0].last)
            return None
        j = cue.last
        while j < sent.last and j - cue.last < _MAX_CONTENT:
            if toks[j].text == "," and self.quote_at(toks[j].start) is None:
                a, b = self.np_after(j + 1)
                b = next((k for k in range(a + 1, b) if key(toks[k]) in _PREVERBAL_CLITICS), b)
                opens_np = toks[a].text[:1].isupper() or key(toks[a]) in _NP_OPENERS_OR_QUANTIFIERS
                if b > a and opens_np and self._verb_after(b, sent.last):
                    return describe_source(self.doc, self.res, a, b)
            j += 1
        return None

    def _verb_after(self, b: int, end: int) -> bool:
        """A finite verb follows token ``b`` (the end of a noun phrase), past one aside between commas
        ("la plupart des élus, comme X, se sont refusés"): the phrase is the clause's subject."""
        toks = self.toks
        if b < end and toks[b].text == ",":
            b = next((k + 1 for k in range(b + 1, min(end, b + 12)) if toks[k].text == ","), end)
        if b >= end:
            return False
        w = key(toks[b])
        return w in _PREVERBAL_CLITICS or w in FINITE_VERB_MARKERS or _inflected_verb(toks[b])

    def _infinitive_subject(self, cue: Cue) -> Source | None:
        """The speaker of an infinitive cue with no subject before it: a finite verb's subject ("X
        venait de déclarer"), or the dative of a causative ("fait dire à X")."""
        if cue.form != "inf":
            return None
        return self._finite_subject(cue) or self._infinitive_speaker(cue)

    def _infinitive_speaker(self, cue: Cue) -> Source | None:
        """"Un succès qui fait dire à X : « … »": the causative "faire" + infinitive of saying makes the
        person after "à" the speaker."""
        toks, k = self.toks, cue.first - 1
        while k >= 0 and key(toks[k]) in _CAUSATIVE_ADVERBS:
            k -= 1
        j = cue.last
        if k < 0 or toks[k].lemma != "faire" or j >= len(toks) or key(toks[j]) not in ("à", "au", "aux"):
            return None
        a, b = self.np_after(j + 1)
        src = describe_source(self.doc, self.res, a, b) if b > a else None
        return self.finish(src, toks[cue.first].start) if src is not None and src.kind in ("person", "role") \
            else None

    def _after_finite_verb(self, cue: Cue) -> bool:
        """"X venait de déclarer", "X a tenu à rappeler": an infinitive right after a finite verb and
        its "de"/"à" shares that verb's subject."""
        toks, k = self.toks, cue.first - 1
        if k >= 0 and key(toks[k]) in ("de", "d'", "à"):
            k -= 1
        return k >= 0 and _inflected_verb(toks[k])

    def _finite_subject(self, cue: Cue) -> Source | None:
        """The person subject opening the sentence of an infinitive cue ("Le chef du parti, X, qui …,
        venait de déclarer"): a role subject gives way to the name in apposition after it."""
        if not self._after_finite_verb(cue):
            return None
        rng = self.sentence_subject(cue)
        src = describe_source(self.doc, self.res, *rng) if rng is not None else None
        if src is None or src.kind not in ("person", "role"):
            return None
        if src.kind == "role":
            src = _name_apposed_to_role(self, rng[1], cue.first) or src
        return self.finish(src, self.toks[cue.first].start)

    def _noun_before_participle(self, cue: Cue) -> Source | None:
        """A present participle right after a noun phrase, no comma between, qualifies that noun (an
        adjectival participle): "face aux reproches des syndicats dénonçant la lenteur" → the
        unions, not the sentence's speaker. Only a phrase that can speak: a name, a person noun
        or a source cue (an institution, a group); not after "en" (a gerund shares the subject)."""
        toks = self.toks
        k = cue.first
        if k < 2 or not toks[k - 1].is_word or key(toks[cue.head]) != key(toks[k]):
            return None
        for a in range(k - 1, max(-1, k - 5), -1):
            w = key(toks[a])
            if w in _NP_STARTS:
                break
            if not toks[a].is_word or w in _OF_OR_ARTICLE or _inflected_verb(toks[a]):
                return None
        else:
            return None
        keys = [key(t) for t in toks[a:k]]
        if not (self.idx.names_in(a, k) or cue_stype(keys, self.lx) not in (None, "anonymous")
                or parse_description(keys, person_nouns(self.res), self.lx).names_person):
            return None
        return describe_source(self.doc, self.res, a, k)

    def _citing_medium(self, cue: Cue, src: Source | None, a: int, b: int) -> Source | None:
        """"X, cité par Y": the one who cites a speaker's words to the reader is a medium (codebook:
        media for "cité par <outlet>"); an organisation name no cue word types is that outlet, not
        an institution by default."""
        if cue.lemma != "citer" or src is None or src.kind != "np" or src.stype != "institution" \
                or cue_stype([key(t) for t in self.toks[a:b]], self.lx) is not None:
            return src
        return Source(src.name, "media", src.start, src.end, src.kind, src.method)

    def _agent_end(self, a: int, b: int, lemma: str = "") -> int:
        """End of the agent ``[a, b)`` of a passive cue, before what follows it in the clause: its
        predicate ("désigné par des responsables [comme un membre…]"), the content of an accusation
        ("accusé par l'opposition [de mentir]"), a participle of its own ("des témoins [interrogés
        par la police]")."""
        toks = self.toks
        label = None
        for k in range(a + 1, b):
            w = key(toks[k])
            if w == "comme" or w in ("de", "d'") and infinitive_after(self.doc, k + 1) == k + 1 or \
                    k + 1 < b and key(toks[k + 1]) == "par" and w.endswith(("é", "és", "ée", "ées")):
                return k
            if lemma in _DE_LABEL_VERBS and w in ("de", "d'") and k + 1 < len(toks) and _label_word(toks[k + 1]):
                # a label after the last "de" ("qualifié par l'opposition [de mascarade]"; an earlier one
                # belongs to the name: "les organisations de défense des droits de l'homme")
                label = k
        return label if label is not None else b

    def _source_complement(self, cue: Cue) -> Source | None:
        """A cue ending in the preposition that names where the news came from ("a-t-on appris
        auprès des pompiers", "apprend-on de source policière"): that complement is the source,
        not the "on" of the writer."""
        toks = self.toks
        where = _complement_names_source(toks, cue)
        if where is None:
            return None
        a, b = self.np_after(where)
        src = describe_source(self.doc, self.res, a, b) if b > a else None
        return self.finish(src, toks[cue.first].start) if src is not None else None

    def _inverted_on(self, cue: Cue) -> bool:
        return cue.inverted and any(key(t) in ("-t-on", "-on") for t in self.toks[cue.first:cue.last])

    def _on_complement(self, cue: Cue) -> Source | None:
        """The place an inverted "on" speaks from ("précise-t-on au Vatican", "dit-on à l'Élysée",
        "a-t-on indiqué de même source", "a-t-on précisé de source policière", "lit-on dans le
        Journal du soir", where a publication is read): that named
        institution or source stands for "on"."""
        toks = self.toks
        n = len(toks)
        j = cue.last
        while j < n and key(toks[j]) in TIME_WORDS:
            j += 1
        w = [key(t) for t in toks[j:j + 3]]
        start = toks[cue.first].start
        if any(t.lemma == "lire" for t in toks[cue.first:cue.last]) and (j >= n or toks[j].text in (".", "!", "?", ";")):
            return self._publisher_before(start)  # "« … », peut-on lire.": in what was just published
        if w == ["de", "même", "source"]:
            return self.latest_source(start)
        if w[:2] in (["de", "source"], ["de", "sources"]):
            a = j + 1
        elif w[:1] and w[0] in ("au", "aux", "chez", "à", "dans") or w[:2] in (["auprès", "de"], ["auprès", "du"],
                                                                       ["auprès", "des"]):
            a = j + (2 if w[0] == "auprès" else 1)
            nxt = a + (1 if a < n and key(toks[a]) in ("l'", "la", "le", "les") else 0)
            circle = w[0] == "dans" and len(w) > 1 and w[1] in POSSESSIVES_3  # "dans son entourage"
            if w[0] != "auprès" and not circle and not (nxt < n and toks[nxt].text[:1].isupper()):
                return None  # "dit-on à la légère": a named place or body only
        else:
            return None
        a, b = self.np_after(a)
        if b <= a or toks[a].sent != toks[cue.head].sent:
            return None
        return self.finish(describe_source(self.doc, self.res, a, b), start)

    def _publisher_before(self, offset: int) -> Source | None:
        """"X a posté une photo. « … », peut-on lire": with nowhere named to read it in, the words were
        read in what the subject of the sentence before the quotation published (a named source)."""
        rng = self._sentence_before(offset)
        sent = self.doc.sentence_of(rng[0]) if rng is not None else None
        if sent is None:
            return None
        opening = self.subject_opening(sent.i, sent.last - 1)
        if opening is not None:  # (the whole noun phrase, past an elided article: "le ministère de l'Intérieur")
            opening = opening[0], max(opening[1], min(self.np_after(opening[0])[1], sent.last - 1))
        src = describe_source(self.doc, self.res, *opening) if opening is not None else None
        src = self.finish(src, offset) if src is not None and src.kind != "pronoun" else None
        return src if src is not None and src.stype != "anonymous" else None

    def _after_conjunction_and_clitics(self, cue: Cue) -> bool:
        """Only object clitics stand between a coordinating conjunction and the verb ("et lui
        demande", "puis leur a dit"): a verb coordinated with no subject of its own."""
        toks = self.toks
        j = cue.first - 1
        while j > 0 and key(toks[j]) in _OBJECT_CLITICS and cue.first - j <= 2:
            j -= 1
        return j < cue.first - 1 and key(toks[j]) in ("et", "mais", "puis")

    def _coordinated_subject(self, cue: Cue) -> Source | None:
        """"X « condamne fermement » les incidents … et déplore …": a verb coordinated with no subject
        of its own shares the subject of its sentence, the person named last in subject position
        before it (outside quotation marks), when no cue of the sentence gave one."""
        toks = self.toks
        sent = self.doc.sentences[toks[cue.first].sent]
        found = None
        for m in self.idx.persons_in(max(sent.first, cue.first - _MAX_LOOKBACK), cue.first):
            if m.start in self.entities.subject_mentions and self.quote_at(m.start) is None:
                found = m
        if found is None:
            if toks[cue.first - 1].text[:1].isupper():
                # "« … », a réagi l'Élysée. « … » Et a annoncé que…": a sentence opening on the
                # conjunction goes on with the speaker heard last
                return self.latest_source(toks[cue.first].start, within=_ROLE_FALLBACK_CHARS * 2)
            return None
        return Source(found.person.name, found.person.stype, found.start, found.end, "person")

    def _noun_source(self, cue: Cue, start: int) -> Source | None:
        """The source of a reporting noun: its possessor, or its "de X" complement."""
        toks = self.toks
        j = cue.last
        if key(toks[cue.first - 1]) in POSSESSIVES_3 and noun_content_follows(self.doc, j):
            # "sa promesse de supprimer l'article": the possessor, the sentence's subject first
            rng = self.sentence_subject(cue)
            src = describe_source(self.doc, self.res, *rng) if rng is not None else None
            return self.finish(src, start) if src is not None else self._possessor(cue)
        if j < len(toks) and key(toks[j]) in ("de", "du", "des", "d'"):
            # "de X" → X; "du Kremlin" → Kremlin
            a, b = self.np_after(j + 1)
            src = describe_source(self.doc, self.res, a, b)
            if src is not None and (src.kind in ("person", "role") or src.stype in ("institution", "media", "expert")
                                    and self.idx.names_in(a, min(b, a + 4)) and b - a <= 6):
                return self.finish(src, start)
        return None

    def _prep_source(self, cue: Cue, start: int) -> Source | None:
        """"selon X", "d'après X": the phrase after the preposition, up to the clause's end."""
        toks = self.toks
        if cue.last < len(toks) and key(toks[cue.last]) in _RELATIVES:
            return self._relative_antecedent(cue)  # "…, détaille X, selon qui …"
        a, b = cue.last, cue.last
        while b < len(toks) and b - a < 20 and toks[b].sent == toks[a].sent and \
                toks[b].text not in (",", ".", ";", ":", "!", "?") and key(toks[b]) not in ("que", "qu'"):
            b += 1
        if b > a and key(toks[a]) in PERSON_PRONOUNS:
            b = a + 1  # "selon lui de nature à retarder le chantier": a pronoun is the whole phrase
        sub = self._after_par(a, b)
        author = document_author(self.doc, self.res, a, sub[0] - 1) if sub[0] > a else None
        if author is not None:
            return self._cite(start, author)  # "selon une information BFMTV confirmée par un proche": the outlet's
        if [key(t) for t in toks[sub[0]:sub[1]] if t.is_word and key(t) not in DEFINITE_ARTICLES] \
                in (["même", "source"], ["même", "sources"]) and self.cited:
            # "selon la même source": the source cited last by a source preposition
            return self.cited[-1][1]
        src = self.finish(describe_source(self.doc, self.res, *sub), start)
        return self._cite(start, self._unsigned_document(cue, sub, src) or src)

    def _cite(self, offset: int, src: Source | None) -> Source | None:
        if src is not None and src.stype != "anonymous":
            self.cited.append((offset, src))
        return src

    def _past_adverbial_head(self, a: int, end: int) -> int:
        """The start of the noun phrase in the chunk ``toks[a:end]`` before a relative "qui": a chunk
        opening on a preposition is an adverbial ("…, en réponse aux formations qui accusent"), whose
        object, from its first determiner on, is the antecedent."""
        toks = self.toks
        if a >= end or key(toks[a]) not in ("en", "à", "pour", "face", "grâce", "suite", "par", "dans"):
            return a
        return next((k for k in range(a + 1, end) if key(toks[k]) in _NP_OPENERS), a)

    def _relative_antecedent(self, cue: Cue) -> Source | None:
        """"…, détaille la société X, selon qui …": a relative pronoun after a source preposition
        stands for the noun phrase closing the chunk before the comma (a name, else the phrase
        from its last determiner)."""
        toks = self.toks
        end = cue.first - 1
        if end < 1 or toks[end].text != ",":
            return None
        names = self.idx.names_in(max(0, end - 6), end)
        if names and names[-1].last == end:
            a = names[-1].first
        else:
            a = next((k for k in range(end - 1, max(-1, end - 8), -1) if key(toks[k]) in _NP_STARTS
                      or key(toks[k]) in _BOUNDARY or toks[k].text in _BOUNDARY), None)
            if a is None or key(toks[a]) not in _NP_STARTS:
                return None
        k = a - 1
        while k > 0 and key(toks[k]) in DEFINITE_ARTICLES:
            k -= 1
        heard_at, heard = next(self.heard_before(toks[cue.first].start, _ROLE_FALLBACK_CHARS), (-1, None))
        if k >= 0 and (key(toks[k]) in PREPOSITIONS or key(toks[k]) in ("de", "d'", "du", "depuis")) \
                and heard is not None and heard_at >= toks[k].start - _ROLE_FALLBACK_CHARS \
                and self.doc.sentence_of(heard_at) is self.doc.sentence_of(toks[cue.first].start):
            # the name closing the chunk is a prepositional complement ("a expliqué l'ancien ministre
            # depuis la préfecture de Y, selon qui"): the relative stands for the head, the one who spoke
            return heard
        return self.finish(describe_source(self.doc, self.res, a, end), toks[cue.first].start)

    def _demonstrative_subject(self, cue: Cue) -> tuple[int, int] | None:
        """"Celle que l'on surnomme « Mamie Rock » évoque…": a sentence opened by a demonstrative
        pronoun and its relative clause, whose marks hide the subject from the chunk rules."""
        sent = self.doc.sentences[self.toks[cue.first].sent]
        a = sent.first
        if a + 1 < cue.first and key(self.toks[a]) in DEMONSTRATIVE_PRONOUNS \
                and key(self.toks[a + 1]) in ("qui", "que", "qu'", "dont"):
            return a, a + 1
        return None

    def _unsigned_document(self, cue: Cue, sub: tuple[int, int], src: Source | None) -> Source | None:
        """A document named without its author is its author's (codebook): "selon leur étude" → the
        group "leur" stands for; "…, qui, selon un communiqué, …" → the subject of the sentence."""
        toks = self.toks
        a, b = sub
        words = [key(t) for t in toks[a:b] if t.is_word]
        while len(words) > 2 and words[-1] in _TIME_NOUNS:
            words.pop()  # "selon un communiqué mardi": a time adverbial, not part of the phrase
        if len(words) != 2 or words[1] not in self.lx.document_words:
            return None  # ("selon le décompte officiel": a document named for itself keeps its wording)
        if src is not None and src.stype not in ("anonymous", "institution", "media") or \
                src is not None and src.method not in ("anonymous", "wording", ""):
            return None
        start = toks[cue.first].start
        if words[0] in ("leur", "leurs", "son", "sa", "ses"):
            plural = words[0].startswith("leur")
            owner = self.resolve_pronoun(start, "ils" if plural else "il")
            # (only a group for "leur", a person or organisation for "son", never an unnamed voice)
            if owner is None or owner.stype == "anonymous" or plural != _plural_name(owner.name):
                return None
            return owner
        if words[0] not in ("un", "une"):
            return None
        rng = self.subject_opening(toks[cue.first].sent, cue.first)
        if rng is not None:
            # the whole noun phrase ("Le groupe de l'ameublement X va lancer"): past an elided article
            rng = rng[0], max(rng[1], min(self.np_after(rng[0])[1], cue.first))
        subject = describe_source(self.doc, self.res, *rng) if rng is not None else None
        if subject is None or subject.kind == "pronoun" or subject.stype == "anonymous":
            return None
        return self.finish(subject, start)

    def _incise_source(self, cue: Cue, start: int) -> tuple[bool, Source | None]:
        """``(found, source)``: the subject after an inserted reporting verb (", a déclaré le
        ministre, Taro Kono."); ``found`` is false when no phrase describes a source there."""
        toks = self.toks
        a, b = self.np_after(self.subject_start_after(cue) or cue.last)
        src = describe_source(self.doc, self.res, a, b)
        if src is not None and src.kind == "role" and b < len(toks) and toks[b].text == ",":
            # "a déclaré le ministre japonais des Affaires étrangères, Taro Kono.": the
            # name in apposition after the role
            names = self.idx.names_in(b + 1, min(len(toks), b + 5))
            if names and names[0].first == b + 1 and (names[0].last >= len(toks)
                                                      or toks[names[0].last].text in (".", ",", ";")):
                m = names[0]
                if m.person is not None:
                    return True, self.finish(Source(m.person.name, m.person.stype, m.start, m.end, "person"), start)
                if src.stype in ("person", "anonymous") and m.last - m.first >= 2:  # "Taro Kono": a full name
                    return True, self.finish(Source(m.text, "person", m.start, m.end, "person"), start)
        return (True, self.finish(src, start)) if src is not None else (False, None)

    def _tok_range(self, span: tuple[int, int]) -> tuple[int, int]:
        return self.doc.token_index_from(span[0]), self.doc.token_index_from(span[1])

    def parsed_source(self, cue: Cue) -> Source | None:
        """Source of a verb cue from the dependency parse: its subject, or the agent of a passive.

        ``Sabrina Singh, porte-parole du Pentagone, a révélé`` → the ``nsubj``
        (appositions are outside the mention); ``a été confirmé par le
        renseignement américain`` → the ``obl:agent``; ``la Russie, qui a nié``
        → the antecedent of ``qui``; ``le vice-ministre…, Andrei Rudenko, a
        déclaré`` → the proper name in apposition. Named entities, when
        present, type the source (PER → person). ``None`` when the parse has
        no subject or agent for the verb (the caller falls back to the
        surface rules).
        """
        doc = self.doc
        verb = self.toks[cue.head]
        who = syntax.agent_of(doc, verb)
        if who is None:
            content = syntax.verb_of(doc, verb)
            if syntax.children(doc, content, "aux:pass") or (content.feats or {}).get("Voice") == "Pass":
                return None  # "doit être traitée par un apport": no agent, and the subject is no speaker
            who = syntax.subject_of(doc, verb)
            if who is not None and ((who.deprel or "").startswith(("nsubj:pass", "csubj"))
                                    or syntax.rel_is(who, "csubj")):
                # "si elle est confirmée", "sont résumées par classes": a passive subject is
                # what is said, not who says it; a clausal subject is no speaker either
                return None
        if who is None or not who.is_word or who.upos in ("SCONJ", "VERB", "AUX"):
            return None
        if who.sent != verb.sent:
            return None
        if key(who) in ("on", "-t-on", "-on"):
            return Source("on", "anonymous", who.start, who.end, "np")
        start = self.toks[cue.first].start
        a, b = syntax.mention(doc, who)
        conj = [c for c in syntax.children(doc, who, "conj") if c.upos == "PROPN"] if who.upos == "PROPN" else []
        if conj:  # "écrite par Lewis Trondheim et Joann Sfar": coordinated sources are one group
            b = max(b, syntax.mention(doc, conj[-1])[1])
        src = describe_source(doc, self.res, *self._tok_range((a, b)))
        if src is None:
            return None
        if src.kind != "pronoun" and src.kind != "person":
            name = syntax.name_of(doc, who)
            if name is not None:
                named = describe_source(doc, self.res, *self._tok_range(name))
                if named is not None and named.kind == "person":
                    src = named
        src = self.finish(src, start)
        return _typed_by_entity(doc, src)

    def sentence_subject(self, cue: Cue) -> tuple[int, int] | None:
        """``Le régime a multiplié les attaques, critiquant…``: the noun phrase opening the sentence."""
        return self.subject_opening(self.toks[cue.first].sent, cue.first)

    def subject_opening(self, sent_i: int, limit: int) -> tuple[int, int] | None:
        """The noun phrase opening sentence ``sent_i`` (after a fronted adverbial), before token ``limit``."""
        toks = self.toks
        sent = self.doc.sentences[sent_i]
        a = sent.first
        pos = toks[limit].start if limit < len(toks) else len(self.text)
        # (a sentence running over a paragraph break starts on the quote's line; both scans bounded)
        line_start = self.text.rfind("\n", max(0, pos - _MAX_LINE_LOOKBACK), pos) + 1
        if toks[a].start < line_start:
            a = max(a, min(limit, self.doc.token_index_from(line_start)))
        if limit - a > _RUN_ON_TOKENS:
            a = limit - _MAX_LOOKBACK  # a run-on "sentence": its opening is out of reach (linear time)
        if a < limit and key(toks[a]) in _LEADING_ADVERBIAL:
            while a < limit and toks[a].text != ",":
                a += 1
            a += 1
        # (a second fronted phrase after the first: "Selon X, en privé, le président …")
        a = self._after_fronted(a, limit)
        b = a + 1 if a < limit and toks[a].is_word else a  # the first word (often a determiner) is kept
        while b < min(limit, a + 12) and (toks[b].is_word or b > a and _title_dot(toks, b, self.lx.titles)) \
                and key(toks[b]) not in _AUX_OR_CLITIC and not (b > a and _inflected_verb(toks[b])):
            b += 1  # (not at an adjective in -ère: "le ministère des Affaires étrangères a…"; through
            # a title's dot: "M. X a lancé")
        return (a, b) if b > a else None

    def _possessor(self, cue: Cue) -> Source | None:
        """Whom a possessive refers to ("à ses yeux", "de leur point de vue", "sa promesse de"),
        resolved like a subject pronoun (a possessive says nothing of gender)."""
        toks = self.toks
        start = toks[cue.first].start
        plural = any(key(t) in ("leur", "leurs") for t in toks[max(0, cue.first - 1):cue.last])
        return self.resolve_pronoun(start, "ils" if plural else "son") or self.latest_source(start) \
            or self._previous_subject(cue)

    def _previous_subject(self, cue: Cue) -> Source | None:
        """The subject opening the sentence before the cue's ("Les syndicats ont manifesté. De
        leur point de vue, …"), for a possessive with no source remembered."""
        sent_i = self.toks[cue.first].sent
        if sent_i == 0:
            return None
        prev = self.doc.sentences[sent_i - 1]
        rng = self.subject_opening(sent_i - 1, prev.last)
        src = describe_source(self.doc, self.res, *rng) if rng is not None else None
        return self.finish(src, self.toks[cue.first].start) if src is not None else None

    def _after_fronted(self, a: int, limit: int) -> int:
        """"Au même moment, X fait…", "Trois mois après le drame, sa mère revient…": a short fronted
        phrase (no verb, no person) before a comma and a noun phrase; the subject starts after it."""
        toks = self.toks
        comma = next((k for k in range(a + 1, min(limit, a + 8)) if toks[k].text == ","), None)
        if comma is None or comma + 1 >= limit or self.idx.persons_in(a, comma):
            return a
        if any(key(t) in _VERB_STOP or _inflected_verb(t) or not t.is_word for t in toks[a:comma]):
            return a
        nxt = toks[comma + 1]
        if key(nxt) in _SUBJECT_DET or key(nxt) in ("il", "elle", "ils", "elles", "on") or self.idx.names_in(
                comma + 1, comma + 2):
            return comma + 1  # (a name: a person, or an organisation "…, American Airlines a publié")
        return a

    def _after_par(self, a: int, b: int) -> tuple[int, int]:
        """``le bilan publié par le ministère`` → the agent ``le ministère``. A closing bracket ends
        the phrase ("(jusqu'à 20 %, selon X) par Y": the bracket's source is X, Y is outside)."""
        for k in range(a, b):
            if self.toks[k].text in (")", "]"):
                return a, k
            if key(self.toks[k]) == "par" and k + 1 < b:
                return k + 1, b
        return a, b

    def latest_source(self, offset: int, within: int = _HISTORY_CHARS) -> Source | None:
        for off, src in reversed(self.history):
            if off < offset:
                return src if offset - off <= within else None
        return None


def _title_dot(toks: list, k: int, titles: set[str]) -> bool:
    """Token ``k`` is the dot of an abbreviated title glued to it ("M. X", "Dr. Y"), part of a name phrase
    (``titles``: the kind=title words of lexicons/titles_roles.tsv, as ``Lexica.titles`` keys them)."""
    if toks[k].text != "." or k == 0 or not toks[k - 1].text[:1].isupper() or toks[k - 1].end != toks[k].start:
        return False
    w = word_key(toks[k - 1].text)
    return w in titles or w + "." in titles


def _label_word(t) -> bool:
    """A bare lower-case word or a quotation opening a label ("de mascarade", "de « traître »"),
    not the article of a name's complement ("de l'Intérieur", "de la République")."""
    return t.text in QUOTE_OPEN or t.is_word and t.text[:1].islower() and key(t) not in DEFINITE_ARTICLES \
        and key(t) not in POSSESSIVES_3


def _complement_names_source(toks: list, cue: Cue) -> int | None:
    """Start of the source named in the cue's closing complement ("appris auprès des [pompiers]",
    "appris de [source policière]"), else None."""
    words = [key(t) for t in toks[cue.first:cue.last]]
    if "auprès" in words[-2:]:
        return cue.last
    if words[-2:] in (["de", "source"], ["de", "sources"]):
        return cue.last - 1
    return None


def _side_named(doc: ParsedDocument, res: Resources, m) -> bool:
    """The name is a country or place of the actors file ("Chine", "Moscou"), not an organisation; a
    place closing a name is its complement ("Météo Alpes", "Radio Ruritanie": an organisation's name)."""
    actors = actors_if_readable(res)
    return actors is not None and any(getattr(x.item, "role", "") in _PLACE_ROLES and x.start == 0
                                      for x in actors.mentions(m.text))


def _typed_by_actor(res: Resources, src: Source | None) -> Source | None:
    """A named source of the actors file typed by what it is (codebook): outlets, platforms, state
    media and journalists are ``media``; analysts, think tanks and monitors ``expert``. Only a
    default type (institution, person) gives way; anonymous and cue types stay."""
    if src is None or src.stype not in ("institution", "person") or src.kind not in ("np", "person"):
        return src
    actors = actors_if_readable(res)
    actor = actors.resolve(src.name) if actors is not None else None
    if actor is None or actor.is_nationality:
        return src
    # (a named person stays a person unless an analyst: a state-media presenter speaks as a person)
    media = src.kind == "np" and (actor.camp == "media" or actor.role in _MEDIA_ROLES)
    stype = "media" if media else ("expert" if actor.camp == "expert" else None)
    if stype is None:
        return src
    return Source(src.name, stype, src.start, src.end, src.kind, src.method)


#: actors-file roles of media whatever their camp (state media keep their country's camp)
_MEDIA_ROLES = frozenset(("state_media", "newspaper", "platform", "journalist", "media"))
#: actors-file roles of places: a capital or country standing for its government, a place, a people
_PLACE_ROLES = frozenset(("government", "place", "nationality"))
_NER_STYPE = {"PER": "person", "ORG": "institution"}




def _typed_by_entity(doc: ParsedDocument, src: Source | None) -> Source | None:
    """Use the input's named entities to type a source the name rules left as a default.

    A PER entity makes a default ``institution`` a ``person`` (an unlisted
    first name); an ORG entity makes a guessed ``person`` np an
    ``institution``. Expert, media and anonymous types from the cue lexicons
    are kept: they say more than PER/ORG.
    """
    if src is None or src.start is None or not doc.has("ner"):
        return src
    ents = [e for e in syntax.entities(doc) if e.start < src.end and src.start < e.end]
    labels = {_NER_STYPE.get(e.label) for e in ents} - {None}
    if len(labels) != 1:
        return src
    typ = labels.pop()
    if typ == "person" and src.stype == "institution" and src.kind == "np":
        return Source(src.name, "person", src.start, src.end, "person")
    if typ == "institution" and src.stype == "person" and src.kind == "np":
        return Source(src.name, "institution", src.start, src.end, "np")
    return src


def _attrs_for(src: Source | None, link: str = "") -> dict:
    """``speaker``, ``speaker_span`` and ``speaker_method`` (how the cue was linked + how the source was resolved)."""
    if src is None:
        return {"speaker": "unknown", "speaker_method": "unknown"}
    out = {"speaker": src.speaker}
    if src.start is not None:
        out["speaker_span"] = [src.start, src.end]
    method = src.method or "wording"
    out["speaker_method"] = method if link in ("", method) else f"{link}+{method}"
    return out


def extract(doc: ParsedDocument, spans: list[Span], res: Resources) -> list[Span]:
    """ATTR and IQUOTE spans; QUOTE spans returned with ``speaker``/``speaker_span``."""
    at = _Attributor(doc, spans, res)
    text = doc.text
    toks = doc.tokens
    found = find_cues(doc, res) + _pour_cues(doc, res)
    covered = {i for c in found for i in range(c.first, c.last)}
    found += incise_cues(doc, [(q.start, q.end) for q in at.quotes], covered)  # « … », a terminé X
    cues = sorted(found, key=lambda c: c.first)
    attr_spans: list[tuple[Span, Source | None, Cue | None]] = []
    iquotes: list[Span] = []
    iq_starts: set[int] = set()
    at.cues = cues
    at.cue_firsts = [c.first for c in cues]
    last_sent, prev_src = -1, None
    quoted_reports: set[int] = set()  # ATTR starts of speech reported inside a quotation
    for cue in cues:
        c_start, c_end = cue.start(doc), cue.end(doc)
        in_quote = at.quote_at(c_start)
        if in_quote is not None and cue.kind != "prep" and not _inner_incise(at, cue, in_quote):
            if not _reported_inside(at, cue):
                continue
            quoted_reports.add(c_start)
        if cue.lemma == "exprimer" and any(key(t) in ("s'", "se") for t in toks[cue.first:cue.head]):
            continue  # "s'exprimant depuis Bruxelles": speaking, not reporting content
        if in_quote is None and cue.kind == "verb" and _in_named_words(at, c_start):
            continue  # 'son livre "Tout ce que je n'ai pas dit"': a title's words report nothing
        if in_quote is None and cue.kind == "verb" and cue.form in ("finite", "ppart") \
                and _first_person_subject(toks, cue):
            continue  # "Je pense que…" outside marks: the writer's or interviewee's own voice (codebook)
        sent = toks[cue.head].sent
        if sent != last_sent:
            prev_src = None
            last_sent = sent
        src = _typed_by_actor(res, at.source_of(cue, prev_src))
        if src is None and cue.kind in ("noun", "prep"):
            continue
        a = {"source": src.name if src else "unknown", "stype": src.stype if src else "anonymous",
             "verb_stance": cue.stance}
        if src is not None and src.start is not None:
            a["source_span"] = [src.start, src.end]
        a["speaker_method"] = (src.method or "wording") if src is not None else "unknown"
        span = Span.at(text, c_start, c_end, "ATTR", **a)
        attr_spans.append((span, src, cue))
        if src is not None and c_start not in quoted_reports:
            at.remember(c_start, src)
            prev_src = src
        if in_quote is None and cue.iquote != "no":
            rng = _content(at, cue)
            if rng is not None:
                s, e = rng
                if not _inside_one_quote(at, s, e) and s not in iq_starts:
                    iq_starts.add(s)
                    who = _attrs_for(src) if src is not None or cue.form not in ("passive", "bare_ppart") else \
                        {"speaker": "anonymous", "speaker_method": METHOD_ANONYMOUS}
                    # (an agentless participle, "accusées d'avoir menti": someone unnamed says it)
                    iquotes.append(Span.at(text, s, e, "IQUOTE", **who))
    # speakers of quotes (speech reported inside a quotation says nothing of the quote's speaker)
    attr_by_start = sorted((x for x in attr_spans if x[0].start not in quoted_reports), key=lambda x: x[0].start)
    starts = [x[0].start for x in attr_by_start]
    new_quotes: list[Span] = []
    name_line_attrs: list[Span] = []
    prev_q: tuple[Span, Source | None] | None = None
    quote_sources: list[tuple[Span, Source | None]] = []
    for q in at.quotes:
        src, extra, link = _speaker_of(at, q, attr_by_start, starts, prev_q)
        if extra is not None:
            name_line_attrs.append(extra)
        new_quotes.append(q.with_attrs(**_attrs_for(src, link if src is not None else "")))
        prev_q = (q, src)
        quote_sources.append((q, src))
        if src is not None:
            at.remember(q.start, src)
    iquotes += _interview_iquotes(at, iq_starts)
    others = [s for s in spans if s.label != "QUOTE"]
    attrs_out = [_first_person_to_speaker(at, x[0], quote_sources) if x[0].start in quoted_reports else x[0]
                 for x in attr_spans]
    return others + new_quotes + _one_type_per_source(attrs_out) + name_line_attrs + iquotes


def _one_type_per_source(attrs: list[Span]) -> list[Span]:
    """A source's type is a property of the source, not of one mention: an organisation typed
    ``institution`` by default at one cue ("la SFX reproche") and ``expert`` or ``media`` at another,
    where a cue word said what it is ("la société savante"), is that type everywhere in the document."""
    specific = {}
    for a in attrs:
        if a.attrs.get("stype") in ("expert", "media"):
            specific.setdefault(a.attrs.get("source"), a.attrs["stype"])
    return [a.with_attrs(stype=specific[a.attrs.get("source")])
            if a.attrs.get("stype") == "institution" and a.attrs.get("source") in specific else a for a in attrs]


def _interview_iquotes(at: _Attributor, iq_starts: set[int]) -> list[Span]:
    """The unmarked words after an interview label ("Question : …"): the labelled party's words
    given verbatim (IQUOTE verbatim=yes), said by the interviewer or the interviewee."""
    found = interview(at.doc, at.res)
    out = []
    for t in found.turns:
        if at.text[t.start] in "«“\"‹" or t.start in iq_starts:
            continue
        src = found.speakers.get(t.party)
        out.append(Span.at(at.text, t.start, t.end, "IQUOTE", verbatim="yes",
                           **_attrs_for(src, "interview" if src is not None else "")))
    return out


def _reported_inside(at: _Attributor, cue: Cue) -> bool:
    """A verb of saying inside a quotation that reports speech with its content frame
    ("Maman m'a dit de…", "J'ai demandé à…", "elle me dit : '…'", "comme cela a été dit"):
    an ATTR (codebook, Clarifications), no IQUOTE.

    Not the speaker's own view or act: verbs of belief or fear ("je pense que"), an
    infinitive ("je peux vous assurer que"), a first-person present ("Nous confirmons
    que", performative), nor a verb without a frame of speech ("ces exercices confirment
    le pivot": a verb of saying used of things).
    """
    if cue.kind != "verb" or cue.form in ("inf", "bare_ppart") or cue.lemma in _WISHES:
        return False  # (a wish, "M. X souhaite s'exprimer", is no report of speech)
    toks = at.toks
    if cue.iquote == "no":
        # a belief the speaker reports of a third person, with its que-clause ("« ceux dont il
        # pense qu'ils auront un rôle »"); not the speaker's own ("je pense que")
        return cue.form == "finite" and followed_by_que(at.doc, cue) is not None \
            and cue.first > 0 and key(toks[cue.first - 1]) in _THIRD_PERSON_SUBJECTS
    if cue.form == "passive":
        return any(key(t) == "comme" for t in toks[max(0, cue.first - 3):cue.first])
    if cue.form == "finite" and _first_person_subject(toks, cue):
        return False
    if cue.form != "gerund" and cue.first > 0 and _thing_subject(at, toks[cue.first - 1]):
        return False  # "« Les premières données indiquent que… »": things, not a speaker
    j = cue.last
    n = len(toks)
    if j >= n:
        return False
    nxt = toks[j]
    q = at.quote_at(toks[cue.first].start)
    if q is not None and nxt.end >= q.end:
        return False  # « … quand on lui parle »: the mark after the verb closes the quotation
    return (followed_by_que(at.doc, cue) is not None or nxt.text in (":",) or nxt.text in QUOTE_OPEN
            or nxt.text in ("'", "‘") or key(nxt) in _INTERROGATIVE_OPENERS or key(nxt) in ("si", "s'")
            or object_then_infinitive(at.doc, j) is not None
            or cue.lemma not in INTENTION_VERBS and infinitive_after(at.doc, j) is not None)  # "a reconnu avoir tué"


_THIRD_PERSON_SUBJECTS = frozenset("il elle ils elles on".split())
_WISHES = frozenset("souhaiter espérer vouloir".split())


def _in_named_words(at: _Attributor, offset: int) -> bool:
    """``offset`` lies inside a pair of quotation marks that made no QUOTE: a title, a name or a
    proposition put to respondents ("intitulé « Tout ce que je n'ai pas dit »"), whose verbs
    are no one's act of saying."""
    pairs = quote_pairs(at.doc)
    k = bisect.bisect_right(pairs, (offset, len(at.text) + 1)) - 1
    return k >= 0 and pairs[k][0] < offset < pairs[k][1] - 1


def _thing_subject(at: _Attributor, t) -> bool:
    """The word before the verb is a common noun naming no people ("données", "exercices")."""
    w = key(t)
    return (t.is_word and t.text[:1].islower() and w not in _PRONOUNS and w not in _SPEAKER_WORDS_BEFORE
            and w not in at.lx.person_nouns and not w.endswith(("ment",)) and t.lemma not in at.lx.person_nouns
            and w not in at.lx.role_words)


_SPEAKER_WORDS_BEFORE = frozenset("""qui je j' tu on nous vous moi toi eux lui leur me m' te t' se s' y en
le la les l' ne n' et puis alors ainsi aussi encore même bien""".split())


def _first_person_subject(toks: list, cue: Cue) -> bool:
    """"je confirme", "Nous confirmons", "je vous le dis": the verb's subject is the speaker."""
    lead = [key(t) for t in toks[max(0, cue.first - 1):cue.head]]
    if "je" in lead or "j'" in lead:
        return True
    if cue.form == "finite" and key(toks[cue.head]).endswith("ons"):
        return True  # the ending is the first person plural's: "Aujourd'hui nous annonçons", "Nous, syndicats, exigeons"
    k = cue.first if key(toks[cue.first]) == "nous" else cue.first - 1
    return k >= 0 and key(toks[k]) == "nous" and (k == 0 or not toks[k - 1].is_word
                                                   or key(toks[k - 1]) in ("et", "que", "qu'", "mais")) \
        and not _nous_object(toks, k)


def _nous_object(toks: list, k: int) -> bool:
    """"« … », nous explique-t-il", "nous a confié X": "nous" is the object clitic when the verb
    after it is not in the first person plural, whose forms end in -ons or -mes (avons, sommes, dîmes)."""
    j = k + 1
    while j < len(toks) and key(toks[j]) in VERB_CLITICS:
        j += 1
    if j >= len(toks) or not toks[j].is_word:
        return False
    w = key(toks[j])
    return not (w.endswith("ons") or w.endswith("mes"))


_FIRST_PERSON = frozenset("je j moi nous".split())  # (the regex reads "J'ai" as "J", "ai")


def _first_person_to_speaker(at: _Attributor, attr: Span, quotes: list[tuple[Span, Source | None]]) -> Span:
    """An ATTR inside a quotation whose subject is the speaker ("J'ai dit", "en disant"
    after "J'ai appelé"): its source is the quote's speaker."""
    if attr.attrs.get("source") != "unknown" and "source_span" in attr.attrs:
        return attr
    sent = at.doc.sentence_of(attr.start)
    lo = max(sent.start if sent else attr.start, attr.start - 200)
    before = [normalise(w) for w in _WORDS_RE.findall(at.text[lo:attr.start])]
    if not any(w in _FIRST_PERSON for w in before[-6:]):
        return attr
    k = bisect.bisect_right([q.start for q, _ in quotes], attr.start) - 1
    if k < 0 or not quotes[k][0].start <= attr.start < quotes[k][0].end or quotes[k][1] is None:
        return attr
    src = quotes[k][1]
    extra = {"source": src.name, "stype": src.stype, "speaker_method": "quote_speaker+" + (src.method or "wording")}
    if src.start is not None:
        extra["source_span"] = [src.start, src.end]
    return attr.with_attrs(**extra)


def _pour_cues(doc: ParsedDocument, res: Resources) -> list[Cue]:
    """Clause-initial ``Pour X,`` meaning "according to X": the decision shared with the
    hedges (:func:`.pour.pour_source`)."""
    # Python visits only the tokens whose key is "pour" (C-level map over the keys; speed)
    toks = doc.tokens
    return [Cue("prep", k, k + 1, k, "pour", "neutral", "que", False, "prep")
            for k in compress(count(), map("pour".__eq__, token_keys(doc)))
            if toks[k].is_word and pour_source(doc, res, k) is not None]


def _inner_incise(at: _Attributor, cue: Cue, q: Span) -> bool:
    """``"Compte tenu de…, explique la police locale, la section…"``: an attribution inside the marks."""
    toks = at.toks
    if cue.first == 0 or toks[cue.first - 1].text != "," or cue.form not in ("finite", "ppart"):
        return False
    if cue.inverted:
        # "« …, affirme-t-elle. Je crois… »", "« …, glisse-t-il lorsqu'on le croise »": a
        # comma, then a verb with its subject clitic inverted, is an inserted attribution
        return True
    if not at.is_incise(cue):
        return False
    a, b = at.np_after(at.subject_start_after(cue) or cue.last)
    # (the inserted clause may close the quote's first sentence: "« …, a souligné X. Nous… »")
    return b < len(toks) and toks[b].text in (",", ".") and toks[b].end < q.end - 1


_INTERROGATIVE_OPENERS = frozenset("quel quelle quels quelles comment pourquoi combien".split())
_CLAUSE_OPENERS = frozenset("où que qu' qui dont et mais car lorsque lorsqu' quand si puisque".split())
_FRAME_WORDS = frozenset("""le la les l un une des du de d au aux à en sa son ses leur leurs ce cet cette ces
pour par sur contre avec dans""".split())


def _inside_one_quote(at: _Attributor, s: int, e: int) -> bool:
    """True when the content ``[s, e)`` is one quotation, give or take two words.

    "a exprimé sa « profonde préoccupation »", "une « réaction allergique »":
    the quotation marks cover the reported content (codebook: a QUOTE and no
    IQUOTE); a longer frame around the quote is an IQUOTE holding it.
    """
    q = at.quote_at(s)
    if q is not None and e <= q.end + 1:
        return True
    k = bisect.bisect_left(at.q_starts, s)
    inside = [x for x in at.quotes[k:k + 4] if x.start < e and x.end <= e + 1]
    if not inside:
        return False
    # (only a determiner or a preposition outside the marks: codebook, Clarifications;
    # "son gouvernement « examinait … »" is reported speech holding a quote); quotations
    # joined by a conjunction are one quoted content ("un « jour historique » et un « pas décisif »")
    frame = _FRAME_WORDS if len(inside) == 1 else _FRAME_WORDS | _JOINING_WORDS
    cuts = [s] + [p for x in inside for p in (x.start, x.end)] + [e]
    outside = " ".join(at.text[a:b] for a, b in zip(cuts[::2], cuts[1::2]))
    return all(normalise(w) in frame for w in _WORDS_RE.findall(outside.replace("’", "'").replace("'", " ")))


_JOINING_WORDS = frozenset("et ou ni comme".split())


def _clause_end(at: _Attributor, j: int) -> int:
    """Token index ending the reported clause that starts at token ``j``."""
    toks = at.toks
    n = len(toks)
    if j >= n:
        return j
    sent = toks[j].sent
    k = j
    in_quote = False
    while k < n and toks[k].sent == sent and k - j < _MAX_CONTENT:
        t = toks[k]
        if t.text in QUOTE_OPEN and t.text != '"':
            in_quote = True
        elif t.text in QUOTE_CLOSE and t.text != '"':
            in_quote = False
        if not in_quote and t.text in (";",):
            break
        if not in_quote and t.text == "," and k + 1 < n:
            nx = toks[k + 1]
            w = key(nx)
            if nx.is_word and k + 2 < n and toks[k + 2].text.startswith("-") and len(toks[k + 2].text) > 2:
                break  # an inserted clause with its clitic subject inverted (", détaillent-ils")
            if w in ("selon", "d'", "a", "ont", "avait", "avaient", "affirme", "affirment", "explique",
                     "ajoute", "précise", "indique", "estime", "assure", "souligne") or \
                    (w.endswith("ant") and nx.lemma != w and len(w) > 5) or (w == "en" and k + 2 < n
                                                                         and key(toks[k + 2]).endswith("ant")):
                # (not "d'" without "après", nor an auxiliary without its participle or inverted subject)
                elision_alone = w == "d'" and not (k + 2 < n and key(toks[k + 2]) == "après")
                aux_alone = w in ("a", "ont", "avait", "avaient") and not (
                    k + 2 < n and (key(toks[k + 2]).startswith("-") or key(toks[k + 2]).endswith(("é", "it", "u", "is"))))
                if not (elision_alone or aux_alone):
                    break
        k += 1
    return k


def _content(at: _Attributor, cue: Cue) -> tuple[int, int] | None:
    """Character range of the reported content of ``cue``, if any."""
    doc, toks = at.doc, at.toks
    n = len(toks)
    sent = doc.sentences[toks[cue.head].sent]
    start_tok = None
    if cue.kind == "prep" and cue.last < n and key(toks[cue.last]) in _RELATIVES:
        # "…, selon qui [content]": the relative clause holds what the source says
        start_tok = cue.last + 1
    elif cue.kind == "prep":
        b = cue.last
        while b < n and b - cue.last < 30 and toks[b].sent == sent.i and toks[b].text not in (",", ".", ";", ":"):
            b += 1
        after = b < n and toks[b].text == "," and sum(1 for t in toks[b + 1:min(sent.last, b + 8)] if t.is_word) >= 3
        opened = after and cue.first >= 2 and key(toks[cue.first - 2]) in _CLAUSE_OPENERS
        if cue.first > sent.first + 1 and toks[cue.first - 1].text == "," and not opened:
            # ("…, et où, selon Paris Match, [du matériel aurait été livré]": after a clause
            # opener the content follows the source; "Alors qu'ils risquent, selon le code, dix ans…":
            # a subordinate clause cut in two hands on nothing)
            lo = _bracket_floor(toks, max(sent.first, cue.first - _MAX_CONTENT), cue.first)
            if _reports_speech(at, lo, cue.first - 1) or after and _concessive_at(toks, lo):
                return None
            if (before := _trim(at, lo, cue.first - 1)) is not None:
                return before
        if after:
            # "Selon X, [content]" (skipping an apposition "un groupe de réflexion basé à Washington,")
            b = cue.last
            while b < n and b - cue.last < 30 and toks[b].sent == sent.i and toks[b].text not in (",", ".", ";", ":"):
                b += 1
            if b < n and toks[b].text == ",":
                start_tok = _past_apposition(at, b + 1)
        elif cue.first > sent.first and toks[cue.first - 1].text == ",":
            # "[content], selon X."; inside brackets, the bracket's words only ("(jusqu'à 20 %, selon X)")
            lo = _bracket_floor(toks, max(sent.first, cue.first - _MAX_CONTENT), cue.first)
            if _reports_speech(at, lo, cue.first - 1):
                return None
            return _trim(at, lo, cue.first - 1)
        if start_tok is None:
            return None
    elif cue.kind == "noun":
        return None
    elif at.is_incise(cue) and toks[cue.first - 1].text == ",":
        if key(toks[cue.first - 1]) == "comme" or (cue.first > 1 and key(toks[cue.first - 2]) == "comme"):
            pass
        elif _colon_quote_before(at, cue.first - 1):
            return None  # ("Le geste est apprécié : « … », commentent des passants": the quote is the words)
        else:
            before, start_tok = _around_incise(at, cue, sent.first)
            if start_tok is None:
                return before
    elif at.is_incise(cue) and _opening_quotation_before(at, cue.first):
        # "« … » a déploré la maire du village": web copy leaves out the comma after the closing
        # mark; the quotation is the words and the noun phrase after the verb its inverted subject
        # (a marked word closing a subject, 'le porte-parole « écologiste » a déploré …', is no
        # quotation opening its sentence)
        return None
    if start_tok is None and (at.is_incise(cue) and (key(toks[cue.first - 1]) == "comme" or
                                                      (cue.first > 1 and key(toks[cue.first - 2]) == "comme"))):
        a, b = at.np_after(cue.last)
        if b < n and toks[b].text == ",":
            start_tok = b + 1
        else:
            return None
    if start_tok is None and cue.kind == "verb":
        start_tok = _verb_content_start(at, cue)
    if start_tok is None and cue.kind == "verb" and cue.iquote != "no":
        return _parsed_content(at, cue)
    if start_tok is None or start_tok >= n:
        return None
    if toks[start_tok].sent != toks[cue.head].sent and cue.kind != "prep":
        return None
    if cue.kind == "prep" and _concessive_at(toks, start_tok):
        return None  # "aux yeux de ses détracteurs, bien que la science…": a circumstance, not the view
    end_tok = _coordinated_cue_before(at, start_tok, _clause_end(at, start_tok))
    end_tok = _content_end(at, cue, start_tok, end_tok, sent.first)
    if _people_object(at, cue, start_tok, end_tok):
        return None
    return _trim(at, start_tok, end_tok)


def _content_end(at: _Attributor, cue: Cue, start_tok: int, end_tok: int, sent_first: int) -> int:
    """Where the content ``[start_tok, end_tok)`` of ``cue`` really ends, by the frame it is in."""
    toks = at.toks
    if cue.kind == "verb" and cue.form == "gerund" and _fronted(toks, cue, sent_first):
        end_tok = _before_main_clause(at, start_tok, end_tok)
    if cue.kind == "verb" and key(toks[start_tok - 1]) in ("comme", "étant") and (
            cue.form == "passive" or any(key(t) in ("se", "s'") for t in toks[cue.first:cue.head])):
        # (after an active verb, "comme" may compare: "dénonçant comme une partie des Républicains…")
        end_tok = _predicate_end(toks, start_tok, end_tok)
    if key(toks[start_tok]) in _INTERROGATIVE_OPENERS:
        # an indirect question ends at its first comma ("À X qui demandait quel …, Y a répondu")
        end_tok = next((k for k in range(start_tok, end_tok) if toks[k].text == ","), end_tok)
    if _noun_phrase_object(toks, cue, start_tok):
        end_tok = _object_end(at, start_tok, end_tok)  # (before a colon, after its quotation)
    return end_tok


def _around_incise(at: _Attributor, cue: Cue, sent_first: int) -> tuple[tuple[int, int] | None, int | None]:
    """The content of an inserted clause of attribution: the words before it (a range), or, when
    it opens its sentence, the first token of the words after it."""
    lo = _after_leading_source(at, max(sent_first, cue.first - _MAX_CONTENT), cue.first - 1)
    before = _trim(at, lo, cue.first - 1)
    return before, None if before is not None else _after_leading_incise(at, cue, lo)


def _after_leading_incise(at: _Attributor, cue: Cue, lo: int) -> int | None:
    """First token of the content after an inserted clause that opens its sentence, a connective
    at most before it ("Mais, nuance le politologue, [les dynamiques locales…]"): nothing before
    the clause is reported, the words after its subject and comma are."""
    toks = at.toks
    if any(t.is_word and key(t) not in _LEADING_CONNECTIVES for t in toks[lo:cue.first - 1]):
        return None
    b = cue.last if cue.inverted else at.np_after(at.subject_start_after(cue) or cue.last)[1]
    if b + 1 < len(toks) and toks[b].text == "," and toks[b + 1].sent == toks[cue.head].sent:
        return b + 1
    return None


_LEADING_CONNECTIVES = frozenset("mais et or pourtant enfin surtout donc aussi ensuite puis cependant".split())


def _opening_quotation_before(at: _Attributor, k: int) -> bool:
    """Token ``k`` comes right after the closing mark of a quotation that opens its sentence (or
    follows a colon or a dash): a statement quoted whole, not marked words inside a phrase."""
    toks = at.toks
    if k == 0 or toks[k - 1].text not in QUOTE_CLOSE:
        return False
    q = at.quote_at(toks[k - 1].start)
    if q is None:
        return False
    first = at.doc.token_index_from(q.start)
    return first == 0 or toks[first - 1].sent != toks[first].sent or toks[first - 1].text in (":", "—", "–", "-")


def _colon_quote_before(at: _Attributor, comma: int) -> bool:
    """A quotation introduced by a colon (or a few in a row) ends right before the inserted clause's comma: the
    inserted verb attributes that quotation, and the writer's lead before the colon is no speech."""
    toks = at.toks
    if comma == 0 or toks[comma - 1].text not in QUOTE_CLOSE:
        return False
    q = at.quote_at(toks[comma - 1].start)
    for _ in range(4):  # (through a few quotations in a row: "… : « A », « B », commentent-ils")
        if q is None:
            return False
        k = at.doc.token_index_from(q.start) - 1
        if k < 0 or toks[k].sent != toks[comma].sent:
            return False
        if toks[k].text == ":":
            return True
        if not (toks[k].text == "," or key(toks[k]) == "et") or k == 0 or toks[k - 1].text not in QUOTE_CLOSE:
            return False
        q = at.quote_at(toks[k - 1].start)
    return False


def _fronted(toks: list, cue: Cue, first: int) -> bool:
    """A participle opening its sentence ("Estimant que …, les syndicats ont appelé…"), maybe after
    "En" or a short adverbial ("Mardi, jugeant que …")."""
    k = cue.first - (1 if cue.first > first and key(toks[cue.first - 1]) == "en" else 0)
    return k == first or k - first <= 3 and toks[k - 1].text == ","


def _before_main_clause(at: _Attributor, a: int, b: int) -> int:
    """A fronted participle's content ends at the comma before the main clause it is detached
    from ("Estimant que [la réforme est injuste], les syndicats ont appelé à la grève")."""
    for k in range(a, b):
        if at.toks[k].text == "," and not at.quote_at(at.toks[k].start):
            return k
    return b


def _noun_phrase_object(toks: list, cue: Cue, a: int) -> bool:
    """The content at ``a`` is the verb's noun-phrase object ("a promis [une réponse ferme]"),
    not a que-clause, an infinitive or a statement after a colon."""
    if cue.iquote != "obj" or a == 0 or key(toks[a - 1]) in ("que", "qu'", ":") or is_infinitive(toks[a]):
        return False
    return toks[a].text in QUOTE_OPEN or key(toks[a]) in _OBJECT_OPENERS


def _people_object(at: _Attributor, cue: Cue, a: int, b: int) -> bool:
    """The object ``[a, b)`` names the people or the body the verb is aimed at, not words of theirs
    ("a vivement critiqué [le président] après…", "a salué les personnes présentes", "fustigeant
    les adversaires du candidat"): a name, or a person noun after its determiner, heads it. An
    object holding a quotation or a relative clause still says something of them ("fustigeant
    des élus qui « exhibent … »", "critiquant les opposants qui cherchaient à…")."""
    toks = at.toks
    if cue.iquote != "obj" or a == 0 or key(toks[a - 1]) in ("que", "qu'", ":", "comme", "de", "d'", "à") \
            or any(t.text in QUOTE_OPEN or key(t) in ("qui", "dont") for t in toks[a:b]):
        return False
    k = a + 1 if key(toks[a]) in _OBJECT_OPENERS and a + 1 < b else a
    named = at.idx.by_token.get(k)
    if named is not None and named.first == k:
        return True
    return k > a and (key(toks[k]) in at.people_nouns or toks[k].lemma in at.people_nouns)


_OBJECT_OPENERS = DEFINITE_ARTICLES | INDEFINITE_ARTICLES | POSSESSIVES_3 | _words("""du des ce cet cette ces
tout toute tous toutes aucun aucune plusieurs""")
# prepositions that open an adverbial after a quoted object, not the object's complement
# ("a promis « une réponse ferme » après les incidents"; "« l'impudeur » de la cohorte" goes on)
_ADVERBIAL_PREPOSITIONS = _words("après avant lors pendant durant depuis dans en à au aux face devant")


def _object_end(at: _Attributor, a: int, b: int) -> int:
    """End of a noun-phrase object ``[a, b)``: before a colon (what follows is the quotation or the
    statement the colon introduces: "a évoqué sa lassitude : « … »"), and right after a quoted
    object followed by an adverbial ("a promis « une réponse ferme » après les incidents": the marks
    cover the reported content, codebook Clarifications)."""
    toks = at.toks
    for k in range(a, b):
        if toks[k].text == ":":
            return k
    if toks[a].text in QUOTE_OPEN:
        q = at.quote_at(toks[a].start)
        if q is not None:
            c = at.doc.token_index_from(q.end)
            if a < c < b and key(toks[c]) in _ADVERBIAL_PREPOSITIONS:
                return c
    return b


def _past_apposition(at: _Attributor, k: int) -> int:
    """Token ``k``, or the token after an apposition opening there and closed by a comma ("Selon X,
    un groupe de réflexion, …", "…, directeur du Centre…, …", "Selon le secrétaire d'État, Y
    X, …": the name of the person described)."""
    toks, n = at.toks, len(at.toks)
    named = at.idx.by_token.get(k)
    if k < n and (key(toks[k]) in ("un", "une", "qui", "dont", "lequel", "laquelle") or key(toks[k]) in at.lx.role_words
                  or named is not None and named.person is not None and named.first == k and named.last < n
                  and toks[named.last].text == ","):
        c = k
        while c < n and c - k < 24 and toks[c].text not in (",", ".", ";"):
            c += 1
        if c < n and toks[c].text == ",":
            return c + 1
    return k


def _bracket_floor(toks: list, lo: int, k: int) -> int:
    """``lo``, or the token after a bracket opened before ``k`` and not closed: content read back from
    a cue inside brackets stays inside them."""
    depth = 0
    for i in range(k - 1, lo - 1, -1):
        if toks[i].text == ")":
            depth += 1
        elif toks[i].text == "(":
            if depth == 0:
                return i + 1
            depth -= 1
    return lo


def _predicate_end(toks: list, a: int, b: int) -> int:
    """End of a predicative after "comme" (a noun phrase or an adjective): it stops at a comma,
    the agent or the clause's own verb ("présentée comme [un barrage], avait pourtant été…",
    "identifiés comme [autochtones] par l'Office", "qui se présentait comme [une femme] a reconnu")."""
    for k in range(a + 1, b):
        if toks[k].text in (",", ";", "(") or key(toks[k]) in _PREDICATE_STOPS or \
                _inflected_verb(toks[k]) and not toks[k].lemma.endswith("re"):
            return k
    return b


_PREDICATE_STOPS = frozenset("par a ont avait avaient est sont était étaient".split())


def _coordinated_cue_before(at: _Attributor, a: int, b: int) -> int:
    """End of content ``[a, b)`` before a second reporting verb coordinated with its own
    ("nie [avoir tué la jeune femme], mais reconnaît avoir brûlé son corps"): an IQUOTE covers
    the content of its own cue only (codebook, Clarifications)."""
    toks = at.toks
    k = bisect.bisect_right(at.cue_firsts, a)
    while k < len(at.cues) and at.cues[k].first < b:
        c = at.cues[k]
        # the coordinator right before the verb, or before its short subject ("et Berlin a indiqué")
        for j in range(c.first - 1, max(a, c.first - 4), -1):
            if c.kind == "verb" and key(toks[j]) in _COORDINATORS:
                return j - 1 if toks[j - 1].text == "," else j
            if not toks[j].is_word:
                break
        k += 1
    return b


_COORDINATORS = frozenset("mais et puis".split())


def _after_leading_source(at: _Attributor, a: int, b: int) -> int:
    """Start of the content ``[a, b)`` after a leading "Selon X," that introduces it too
    ("Selon les avocats, [le cousin…], ont-ils affirmé"): the source is no reported content."""
    toks = at.toks
    if key(toks[a]) not in SOURCE_PREPOSITIONS:
        return a
    for j in range(a + 1, min(b, a + 20)):
        if toks[j].text == ",":
            return j + 1
    return a




def _concessive_at(toks: list, j: int) -> bool:
    """A subordinate clause opens at ``j`` ("bien que", "alors que", "même si", "lorsque")."""
    w = key(toks[j])
    nxt = key(toks[j + 1]) if j + 1 < len(toks) else ""
    return w in _SUBORDINATORS or (w in ("bien", "alors", "tandis", "parce", "même") and nxt in ("que", "qu'", "si"))


_SUBORDINATORS = frozenset("lorsque lorsqu' quand puisque puisqu' quoique si s' comme".split())


def _verb_content_start(at: _Attributor, cue: Cue) -> int | None:
    """First token of a reporting verb's content: after "que", an infinitive, or the object."""
    doc, toks = at.doc, at.toks
    n = len(toks)
    q = followed_by_que(doc, cue)
    if q is not None:
        return q + 1
    if cue.last < n and key(toks[cue.last]) in _INTERROGATIVE_OPENERS:
        return cue.last  # an indirect question: "lui demandait [quel était son roman préféré]"
    if (k := question_after_addressee(toks, cue.last)) is not None and key(toks[k]) in _INTERROGATIVE_OPENERS:
        return k  # "a demandé au député [pourquoi il…]"
    if cue.iquote == "que" and cue.lemma not in INTENTION_VERBS \
            and (inf := infinitive_after(doc, cue.last)) is not None:
        return inf  # "a annoncé mardi [avoir retiré un réseau]", "disent [avoir trouvé…]"
    if cue.iquote == "que" and cue.lemma not in INTENTION_VERBS and not cue.inverted and _addressed(toks, cue) \
            and (de := object_then_infinitive(doc, cue.last, need_object=not dative_clitic(toks, cue, third_person=True))) is not None:
        return de + 1  # a request to someone: "a demandé aux parents de [garder leurs enfants…]"
    if (c := _colon_content(at, cue)) is not None:
        return c
    if (c := _self_description(at, cue)) is not None:
        return c
    if cue.last + 1 < n and _DEMAND_FRAMES.get(cue.lemma) == key(toks[cue.last]) and not cue.inverted \
            and toks[cue.last + 1].is_word:
        return cue.last + 1  # a demand's prepositional object: "a plaidé pour [une baisse des impôts]"
    j = cue.last
    if cue.iquote == "obj" and cue.agent is not None and cue.agent < cue.last and comme_after_agent(doc, cue):
        # "désigné par des responsables turcs comme [un membre du réseau]": the view after the agent
        j = next(k for k in range(cue.last, n) if key(toks[k]) == "comme")
    elif not (cue.iquote == "obj" and not cue.inverted and (cue.agent is None or cue.agent > cue.last)):
        return None
    while j < n and key(toks[j]) in _SKIP_BEFORE_CONTENT and j - cue.last < 4:
        j += 1
    if j + 1 < n and key(toks[j]) == "comme":
        # a predicative right after the verb is the view ("se présente comme étant [un candidat
        # anti-système]", "identifiés comme [les commanditaires]")
        j += 2 if key(toks[j + 1]) == "étant" else 1
        if key(toks[j]) == "des" and toks[j].sent == toks[cue.head].sent:
            return j  # "présentés comme [des membres du groupe]": an indefinite article, no "de" complement
    if cue.lemma in reporting_lexicon(at.res).object_then_de:  # "a accusé X de [fournir…]" (frame=obj_de)
        # (searched from the verb: in "accusés d'être à l'origine", the "d'" is it)
        k = cue.last
        while k < n and k - cue.last < 6 and key(toks[k]) not in ("de", "d'", "à") and toks[k].is_word:
            k += 1
        if k < n and key(toks[k]) in ("de", "d'", "à"):
            j = k + 1
    # (an object may open with a quotation: "a dénoncé « l'impudeur absolue » de la cohorte")
    if j < n and (toks[j].is_word or toks[j].text in QUOTE_OPEN) and toks[j].sent == toks[cue.head].sent and \
            key(toks[j]) not in ("de", "d'", "que", "qu'", "qui", "par") \
            and (key(toks[j]) not in ("des", "du") or _indefinite_object(at, cue, j)):
        return j
    return None


def _addressed(toks: list, cue: Cue) -> bool:
    """The verb has a person as its indirect object: "à"/"aux" after it ("a demandé aux parents")
    or a dative clitic before it ("leur a demandé", "lui demande"), so a "de" + infinitive after it is what
    that person is asked or told to do, not a noun's complement ("explique son envie de partir")."""
    after = key(toks[cue.last]) if cue.last < len(toks) else ""
    return after in ("à", "au", "aux") or dative_clitic(toks, cue, third_person=True)


def _self_description(at: _Attributor, cue: Cue) -> int | None:
    """The attribute of a reflexive verb of saying: what the speaker says of themself ("s'est dit
    [« très fier » du travail des équipes]", "se déclare [favorable à la réforme]"); the verbs are
    those of reporting_verbs.tsv with describes_self=yes."""
    toks = at.toks
    if cue.lemma not in reporting_lexicon(at.res).describes_self or cue.inverted or \
            not any(key(t) in ("se", "s'") for t in toks[cue.first:cue.head]):
        return None
    j = cue.last
    while j < len(toks) and key(toks[j]) in _SKIP_BEFORE_CONTENT - {"à", "de", "d'"} and j - cue.last < 3:
        j += 1
    if j >= len(toks) or toks[j].sent != toks[cue.head].sent or not (toks[j].is_word or toks[j].text in QUOTE_OPEN) \
            or key(toks[j]) in _NOT_ATTRIBUTE_STARTS or is_infinitive(toks[j]):
        return None
    return j


_NOT_ATTRIBUTE_STARTS = frozenset("que qu' de d' du des à au aux par pour sur dans en avec le la les l' un une".split())


def _indefinite_object(at: _Attributor, cue: Cue, j: int) -> bool:
    """"des"/"du" right after the verb opens its indefinite object ("promet [des mesures]"), unless
    the noun names people ("a appelé des candidats": the people called, no content)."""
    toks = at.toks
    return j == cue.last and j + 1 < len(toks) and toks[j + 1].is_word \
        and key(toks[j + 1]) not in at.lx.person_nouns and toks[j + 1].lemma not in at.lx.person_nouns


def _colon_content(at: _Attributor, cue: Cue) -> int | None:
    """First token of a statement after a colon closing the cue's clause, given without
    quotation marks ("dressent un constat sans appel : [deux enfants sont tués…]",
    "propose un pacte au salarié : [en échange, l'État…]"): verbatim content (codebook)."""
    toks = at.toks
    n = len(toks)
    for j in range(cue.last, min(n, cue.last + _COLON_WINDOW)):
        t = toks[j]
        if t.sent != toks[cue.head].sent or t.text in (".", ";", "?", "!") or t.text in QUOTE_OPEN \
                or key(t) in ("que", "qu'"):
            return None
        if t.text == ":":
            nxt = j + 1
            if nxt >= n or not toks[nxt].is_word or toks[nxt].sent != t.sent or _names_list(toks, nxt):
                return None
            return nxt
    return None


def _names_list(toks: list, j: int) -> bool:
    """An enumeration of names opens at ``j`` ("… : Marie Dupont, Jean Martin, …"), not a statement."""
    words = toks[j:j + 3]
    return len(words) == 3 and words[0].text[:1].isupper() and words[1].text[:1].isupper() \
        and any(t.text == "," and k + 1 < len(toks) and toks[k + 1].text[:1].isupper()
                for k, t in enumerate(toks[j:j + 12], start=j))


_COLON_WINDOW = 12


def _parsed_content(at: _Attributor, cue: Cue) -> tuple[int, int] | None:
    """The ``ccomp`` of the verb when the surface rules found no content (parsed input only).

    The complementiser is left out (``que``/``qu'``), as in the surface rule.
    """
    span = syntax.complement_clause(at.doc, at.toks[cue.head])
    if span is None:
        return None
    a, b = at.doc.token_index_from(span[0]), at.doc.token_index_from(span[1])
    if a < b and key(at.toks[a]) in ("que", "qu'", "si", "s'"):
        a += 1
    return _trim(at, a, b) if a < b else None


def _reports_speech(at: _Attributor, a: int, b: int) -> bool:
    """True when tokens ``[a, b)`` hold a reporting verb with its own content.

    In "Le ministre a affirmé que « … », selon un communiqué", the minister's
    words are the content of "a affirmé"; "selon" hands on the whole report,
    so it gets no reported content of its own (which would swallow the
    speaker and the verb).
    """
    for h in at.content_verbs[bisect.bisect_left(at.content_verbs, a):]:
        if h >= b:
            break
        return True
    return False


def _trim(at: _Attributor, a: int, b: int) -> tuple[int, int] | None:
    toks = at.toks
    while a < b and not toks[a].is_word and toks[a].text not in QUOTE_OPEN:
        a += 1
    while b > a and not toks[b - 1].is_word and toks[b - 1].text not in QUOTE_CLOSE:
        b -= 1
    if sum(1 for t in toks[a:b] if t.is_word) < 3 or key(toks[b - 1]) in _DANGLING_END:
        return None  # "l'ambassadeur qui, selon un communiqué, …": not a clause
    return toks[a].start, toks[b - 1].end


def _speaker_of(at: _Attributor, q: Span, attrs: list, starts: list[int],
                prev_q: tuple[Span, Source | None] | None) -> tuple[Source | None, Span | None, str]:
    """The speaker of ``q``, an ATTR for a name line under it (or None), and how the quote was linked
    to its speaker (``cue_after``, ``inserted``, ``cue_before``, ``continuation``, ``cue_later``, ``lead``,
    ``colon_lead``, ``name_line``, ``subject``, ``context``, ``floor``, ``previous_subject``, ``next_sentence``,
    ``interviewee``, ``slogan``, ``interview``): the first part of ``speaker_method``."""
    text, doc = at.text, at.doc
    labelled = _labelled_speaker(at, q)
    if labelled is not None:
        return labelled, None, labelled.method
    # 1. attribution right after the closing mark
    k = bisect.bisect_left(starts, q.end)
    if k < len(attrs) and cue_follows(text, q.end, starts[k]) \
            and not (q.attrs.get("mixed") == "yes" and attrs[k][2] is not None
                     and (attrs[k][2].kind == "prep" or attrs[k][2].form == "passive")
                     and _verb_cue_before(at, q, attrs, starts)):
        # (a woven quote after "X a affirmé que" is X's, even with ", selon Y" after it; in
        # "X a protesté contre « les accusations » lancées par Y", the participle describes
        # the quoted words, which are X's)
        return attrs[k][1], None, "cue_after"
    inserted, impersonal = _inserted_source(q, attrs, starts)
    if inserted is not None:
        return inserted, None, "inserted"  # an inserted attribution inside the marks
    sent = doc.sentence_of(q.start)
    line_a, line_end = line_bounds(doc, q.start, q.end)
    s_start = max(sent.start if sent else line_a, line_a)
    # 2./3. a cue earlier in the sentence (colon lead, or woven quote)
    before, cue_in_sentence = _cue_before(at, q, attrs, starts, s_start)
    if before is not None:
        return before, None, "cue_before"
    if impersonal is not None:
        return impersonal, None, "inserted"
    # split quote continuation; or a quote right after another's closing mark, nothing in between
    # ("« … », confie X. « … »" then "« … »"): the same speaker goes on
    if prev_q is not None and prev_q[1] is not None and (not text[prev_q[0].end:q.start].strip() or (
            q.start - prev_q[0].end <= 80 and not STOP_OR_BREAK_RE.search(text[prev_q[0].end:q.start])
            and any(prev_q[0].end <= s < q.start for s in starts[max(0, k - 3):k + 1]))):
        return prev_q[1], None, "continuation"
    # a cue later in the same sentence ("« … » de soldats, a affirmé X")
    last_sent = doc.sentence_of(max(q.start, q.end - 1))  # (a quote of several sentences closes in its last)
    s_end = last_sent.end if last_sent else q.end
    if k < len(attrs) and attrs[k][0].start < s_end and attrs[k][1] is not None:
        return attrs[k][1], None, "cue_later"
    # 4. "X : « … »"
    lead = text[max(line_a, q.start - 200):q.start]
    line_a = max(line_a, q.start - 200)
    if not cue_in_sentence:
        src = _colon_lead_source(at, lead, line_a)
        if src is not None:
            return src, _turn_attr(at, q, src, lead, line_a), "lead"
    # 4b. "X, l'humoriste, n'a pas été tendre … : « … »": the person subject of the lead sentence
    if lead.rstrip().endswith(":") and not cue_in_sentence and sent is not None:
        rng = at.subject_opening(sent.i, doc.token_index_from(q.start))
        src = describe_source(doc, at.res, *rng) if rng is not None else None
        if src is not None and src.kind == "role":
            src = _name_apposed_to_role(at, rng[1], doc.token_index_from(q.start)) or src
        if src is not None and src.kind == "pronoun" and key(at.toks[rng[0]]) in _SUBJECT_CLITICS:
            # "Elle était l'invitée de la radio, où elle a raconté …: « … »": the person the pronoun
            # subject stands for
            src = at.finish(src, at.toks[rng[0]].start)
            if src is not None and src.stype in ("person", "expert") and src.kind != "pronoun":
                return src, None, "colon_lead"
        elif src is not None and src.kind in ("person", "role") and src.stype != "anonymous":
            return at.finish(src, q.start), None, "colon_lead"
    # 5. a name line under a quote paragraph
    found = _name_line_source(at, q, line_a, line_end)
    if found is not None:
        return found[0], found[1], "name_line"
    # 5b. a woven quote with no cue in its sentence: the person the sentence is about
    if q.attrs.get("mixed") == "yes" and not cue_in_sentence and sent is not None:
        if _topic_shift(at, sent):
            talking = _recent_speaker(at, q, line_bounds(doc, q.start, q.end)[0])
            if talking is not None:
                return talking, None, "context"  # ("Quant à X, elle incarne « … »": X is talked about)
        subject = _sentence_person(at, sent, q)
        if subject is not None:
            return subject, None, "subject"
    return _context_speaker(at, q, line_a)


def _cue_before(at: _Attributor, q: Span, attrs: list, starts: list[int], s_start: int) -> tuple[Source | None, bool]:
    """The source of the latest cue before ``q`` in its sentence (outside quotations), and whether
    the sentence has a cue at all. Before a colon, a reporting noun in a verb's object ("X condamne
    les propos de Y : « … »") names speech referred to: the verb's subject speaks, if it has one."""
    j = bisect.bisect_left(starts, q.start) - 1
    j_floor = j - 20
    found, noun_cue = False, None
    while j >= 0 and j > j_floor and attrs[j][0].start >= s_start:
        if at.quote_at(attrs[j][0].start) is None:
            if attrs[j][1] is not None and attrs[j][2] is not None and attrs[j][2].kind == "noun" \
                    and lead_colon(at.text, q.start):
                noun_cue = noun_cue or attrs[j][1]
            elif attrs[j][1] is not None:
                return attrs[j][1], True
            found = True
        j -= 1
    return noun_cue, found


def lead_colon(text: str, start: int) -> bool:
    """The quotation at ``start`` follows a colon (a lead announcing it)."""
    return text[max(0, start - 4):start].rstrip().endswith(":")


def _topic_shift(at: _Attributor, sent) -> bool:
    """"Quant à X, elle incarne « … »": the sentence opens on a new topic, X, whom the speaker of the
    paragraph goes on talking about; X is no speaker of the woven words."""
    words = tuple(map(key, at.toks[sent.first:min(sent.last, sent.first + 2)]))
    return words in TOPIC_SHIFTERS


def _context_speaker(at: _Attributor, q: Span, line_a: int) -> tuple[Source | None, Span | None, str]:
    """The speaker of a quote nothing in its sentence attributes, from the sentences around it."""
    # 5c. the person a sentence just gave the floor to ("X a été invité à réagir. « … »")
    given = _floor_given(at, q)
    if given is not None:
        return given, None, "floor"
    # 6. the latest speaker of the previous two paragraphs (a woven quote: of its own paragraph)
    recent = _recent_speaker(at, q, line_a)
    if recent is not None:
        return recent, None, "context"
    # 7./8. a quote opening its sentence after a sentence about a person, or opening its paragraph
    # before a sentence naming one ("« … » Ce 26 mai, X s'adressait…"): that person's words
    subject = _previous_subject(at, q)
    if subject is not None and not _named_inside(at, q, subject):
        return subject, None, "previous_subject"
    nxt = _next_sentence_person(at, q)
    if nxt is None and q.attrs.get("mixed") != "yes":
        interviewee = _lead_interviewee(at) or _main_voice(at, q.start)
        if interviewee is not None:
            return interviewee, None, "interviewee"
    return nxt, None, "next_sentence"


def _named_inside(at: _Attributor, q: Span, src: Source) -> bool:
    """The quotation names ``src`` itself ("« Je rappelle simplement à X que ses chiffres
    sont faux »"): a speaker addresses or talks about others in their words, not themselves."""
    a, b = at.doc.token_index_from(q.start), at.doc.token_index_from(q.end)
    return any(m.person.name == src.name for m in at.idx.persons_in(a, b))


def _main_voice(at: _Attributor, offset: int) -> Source | None:
    """The person the text has quoted most before ``offset`` (at least twice, more than all others
    together): a feature built on one voice gives it the bare quotes nothing else attributes."""
    counts = Counter(h.name for off, h in at.history if off < offset and h.stype in ("person", "expert")
                     and h.name in at.entities.by_name)
    if not counts:
        return None
    (name, n), = counts.most_common(1)
    if n < 2 or n <= sum(counts.values()) - n:
        return None
    last = next(h for off, h in reversed(at.history) if off < offset and h.name == name)
    return Source(last.name, last.stype, None, None, "person", "name")


def _lead_interviewee(at: _Attributor) -> Source | None:
    """The person the lead gives the floor to as the object of a verb of asking ("La radio a interrogé
    le docteur X, urgentiste", ``lexicons/quote_cues.tsv`` kind=floor): in a feature built on one
    interview, the bare quotes nothing else attributes are that person's."""
    toks = at.toks
    first_break = at.text.find("\n")
    end = at.doc.token_index_from(first_break) if first_break >= 0 else len(toks)
    floor = quote_cues(at.res).floor_lemmas
    for k in range(min(end, _LEAD_TOKENS)):
        if toks[k].lemma in floor and toks[k].text[:1].islower() and k > 0 and key(toks[k - 1]) in _AUX_AVOIR:
            persons = at.idx.persons_in(k + 1, min(end, k + 1 + _OBJECT_TOKENS))
            if persons and at.quote_at(persons[0].start) is None:
                p = persons[0].person
                ent = at.entities.entity(p.name)
                return Source(p.name, ent.stype if ent is not None else p.stype, persons[0].start, persons[0].end,
                              "person", "name")
            return None
    return None


_LEAD_TOKENS = 120  # the lead's first tokens, where a feature says whom it interviewed
_OBJECT_TOKENS = 4  # a determiner and a title or role noun before the name ("le docteur X")
_AUX_AVOIR = frozenset(("a", "ont", "avait", "avaient"))


def _floor_given(at: _Attributor, q: Span) -> Source | None:
    """A quote opening its sentence, with no cue of its own, right after a sentence whose subject is a
    named person given the floor by a verb of being asked, solicited or reacting ("L'acteur X a été
    invité à réagir sur le plateau.\n« … »", "Interrogé par la radio, X a refusé de commenter. « … »";
    ``lexicons/quote_cues.tsv`` kind=floor): that person's words, even across a paragraph break,
    which the frame licenses (a bare quote is otherwise no one's after another paragraph)."""
    doc = at.doc
    sent = doc.sentence_of(q.start)
    if q.attrs.get("mixed") == "yes" or sent is None or sent.i == 0 \
            or re.search(r"\w", at.text[sent.start:q.start]):
        return None
    prev = doc.sentences[sent.i - 1]
    if at.text.count("\n", prev.end, q.start) > 2 or at.quote_at(prev.start) is not None:
        return None  # (one blank line at most; not a sentence that is itself inside a quotation)
    toks = at.toks[prev.first:prev.last]
    floor = quote_cues(at.res).floor_lemmas
    if not any(t.lemma in floor for t in toks) \
            or any(t.text in QUOTE_OPEN and at.quote_at(t.start) is not None for t in toks):
        return None  # (a sentence quoting someone gave that quotation its speaker; a title in marks does not)
    rng = at.subject_opening(prev.i, prev.last - 1)  # (its final stop: the scan stays on its line)
    if rng is None or not at.idx.persons_in(*rng):
        return None
    src = describe_source(doc, at.res, *rng)
    if src is None or src.kind not in ("person", "role") or src.stype == "anonymous":
        return None
    src = at.finish(src, at.toks[rng[0]].start)
    return src if src is not None and src.stype in ("person", "expert") else None


def _name_apposed_to_role(at: _Attributor, j: int, limit: int) -> Source | None:
    """The person named in apposition after a role subject ("Le député du Val-de-Loire, Jean
    Martin a une autre explication : « … »"): the role phrase runs to a comma (through a
    hyphenated place name the subject reader stops in), and the name follows it directly."""
    toks = at.toks
    end = min(limit, j + 8)
    while j < end and toks[j].text != ",":
        j += 1
    if j >= end:
        return None
    for m in at.idx.persons_in(j + 1, min(limit, j + 6)):
        if m.first == j + 1:
            return Source(m.person.name, m.person.stype, m.start, m.end, "person", "name")
    return None


def _labelled_speaker(at: _Attributor, q: Span) -> Source | None:
    """A slogan, chant or banner is the crowd's words; "Réponse : « … »" the labelled party's
    (method ``slogan`` or ``interview``)."""
    if q.attrs.get("slogan") == "yes":
        return Source("anonymous", "anonymous", None, None, "np", "slogan")
    found = interview(at.doc, at.res).speaker_at(q.start)
    if found is None:
        return None
    return Source(found.name, found.stype, found.start, found.end, found.kind, "interview+" + found.method)


def _inserted_source(q: Span, attrs: list, starts: list[int]) -> tuple[Source | None, Source | None]:
    """The source of a verb of saying inserted inside the marks, or (None, the impersonal "on" of
    "« … », admet-on. »": the organisation that speaks so is the one named before the marks)."""
    j = bisect.bisect_left(starts, q.start)
    impersonal = None
    while j < len(attrs) and attrs[j][0].start < q.end:
        if attrs[j][1] is not None and attrs[j][2] is not None and attrs[j][2].kind == "verb":
            if attrs[j][1].name != "on":
                return attrs[j][1], None
            impersonal = impersonal or attrs[j][1]
        j += 1
    return None, impersonal


def _colon_lead_source(at: _Attributor, lead: str, line_a: int) -> Source | None:
    """The source of "X : « … »": a short named or role phrase before a colon."""
    doc = at.doc
    m = _COLON_LABEL.search(lead)
    if not m:
        return None
    a = doc.token_index_from(line_a + m.start(1))
    b = doc.token_index_from(line_a + m.end(1))
    words = [t for t in at.toks[a:b] if t.is_word]
    initials = _person_of_initials(at, words[0].text) if len(words) == 1 else None
    if initials is not None:
        return Source(initials, "person", words[0].start, words[0].end, "person", "initials")
    if len(words) <= 6 and (at.idx.names_in(a, b) or any(key(t) in at.lx.role_words for t in words)):
        src = describe_source(doc, at.res, a, b)
        if src is not None and src.method == METHOD_SALIENCE:
            # a transcript labels a known person by name or by the role the text gave them; a label
            # matching neither ("L'expert : « … »") is someone the text leaves unnamed
            wording = doc.text[at.toks[a].start:at.toks[b - 1].end].strip()
            return Source(wording, "anonymous", at.toks[a].start, at.toks[b - 1].end, "role", METHOD_ANONYMOUS)
        if src is not None and src.kind != "pronoun":
            return src
    return None


_TURN_LINE = re.compile(r"[ \t\u00a0]*(?:(?:M|MM|Dr|Pr|Me)\.[ \u00a0]*)?[A-ZÀ-Ý][^\n:.!?«»\"“”]{1,40}?"
                        r"[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]*[«“\"]")
_LABEL_OPENERS = DEFINITE_ARTICLES | INDEFINITE_ARTICLES | frozenset(("m", "m.", "mme", "mm.", "dr", "pr", "me"))
def _person_of_initials(at: _Attributor, label: str) -> str | None:
    """A transcript labelling its speakers by initials ("EZ : « … »"): the one person the text
    names whose name parts begin with those letters, in order."""
    if not (2 <= len(label) <= 4 and label.isalpha() and label.isupper()):
        return None
    found = [name for name in at.entities.by_name
             if "".join(w[:1] for w in re.split(r"[\s-]+", name) if w[:1].isupper()) == label]
    return found[0] if len(found) == 1 else None


def _is_label(at: _Attributor, ls: int, le: int) -> bool:
    """A speaker label is a short noun phrase: a name, or a determiner or title opening it ("Le
    député", "M. Lefort"), not a clause ("Puis la journaliste le relance :")."""
    a, b = at.doc.token_index_from(ls), at.doc.token_index_from(le)
    words = [t for t in at.toks[a:b] if t.is_word]
    if not words or len(words) > 6:
        return False
    names = at.idx.names_in(a, b)
    w = key(words[0])
    return w in _LABEL_OPENERS or w in at.lx.role_words or w in at.lx.person_nouns \
        or bool(names) and names[0].first == words[0].i


_TURN_END = re.compile(r"[.!?…][ \u00a0\u202f]*[»”\"]?[ \u00a0\u202f]*$")


def _turn_attr(at: _Attributor, q: Span, src: Source, lead: str, line_a: int) -> Span | None:
    """The ATTR of a transcript turn "Label : « … »" in the body: the label is the attribution
    (codebook). Not for a headline or subheading of that form (no ATTR there): the label opens a
    line that is not the text's first, and the turn belongs to a run of such lines or ends as a
    sentence does, which a heading does not."""
    text = at.text
    m = _COLON_LABEL.search(lead)
    ls, le = line_a + m.start(1), line_a + m.end(1)
    if not _is_label(at, ls, le):
        return None
    line_start = text.rfind("\n", 0, ls) + 1
    same_line = text[line_start:ls].rstrip(" .!?…\t\u00a0\u202f")
    if same_line and not same_line.endswith(("»", "”", '"')) or not text[:line_start].strip():
        return None  # (a turn after another on its line: "… » Jean Martin : « … »")
    line_end = text.find("\n", q.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[q.end:line_end].strip(" \t\u00a0\u202f.!?…")
    if rest and not _TURN_LINE.match(rest):
        return None  # the line goes on after the quote: a colon lead inside running text
    before = text[:line_start].rstrip().rsplit("\n", 1)[-1]
    after = text[line_end:].lstrip().split("\n", 1)[0]
    in_run = bool(same_line) or any(_TURN_LINE.match(x) for x in (before, after)) \
        or bool(rest)
    if not (in_run or _TURN_END.search(text[q.start:line_end].rstrip())):
        return None
    return Span.at(text, ls, le, "ATTR", source=src.name, stype=src.stype, verb_stance="neutral",
                   source_span=[src.start, src.end] if src.start is not None else [ls, le],
                   speaker_method=_attrs_for(src, "lead")["speaker_method"])


def _name_line_source(at: _Attributor, q: Span, line_a: int, line_b: int) -> tuple[Source, Span] | None:
    """A quote paragraph signed by a short name line under it: the source and that line's ATTR."""
    text, doc = at.text, at.doc
    if not (line_b < len(text) and not text[line_a:q.start].strip(" \t-–—")
            and not text[q.end:line_b].strip(" \t.,;:!?")):
        return None
    nl_a = line_b + 1
    nl_b = line_bounds(doc, nl_a, nl_a)[1]
    line = text[nl_a:min(nl_b, nl_a + 200)]
    words = re.findall(r"\w+", line)
    if not (1 <= len(words) <= 10 and not re.search(r"[.!?:;«»\"“”]\s*$", line.strip())):
        return None
    a = doc.token_index_from(nl_a)
    b = doc.token_index_from(nl_b)
    has_role = any(key(t) in at.lx.role_words for t in at.toks[a:b])
    if not (at.idx.persons_in(a, b) or has_role):
        return None
    src = describe_source(doc, at.res, a, b)
    if src is None or src.kind not in ("person", "role"):
        return None
    ls = nl_a + (len(line) - len(line.lstrip()))
    le = nl_a + len(line.rstrip())
    attr = Span.at(text, ls, le, "ATTR", source=src.name, stype=src.stype,
                   verb_stance="neutral", source_span=[src.start, src.end],
                   speaker_method=_attrs_for(src, "name_line")["speaker_method"])
    return src, attr


def _recent_speaker(at: _Attributor, q: Span, line_a: int) -> Source | None:
    """The latest speaker of the previous two paragraphs (a woven quote: of its own paragraph)."""
    if q.attrs.get("mixed") == "yes":
        # (the paragraph's own start: ``line_a`` may have been brought within a lead's reach)
        para_floor = min(line_a, line_bounds(at.doc, q.start, q.end)[0])
    else:
        para_floor = max(previous_line_start(at.doc, q.start, 2), q.start - _HISTORY_CHARS)
    for off, s in reversed(at.history):
        if off < q.start:
            return s if off >= para_floor else None
    return None


def _sentence_person(at: _Attributor, sent, q: Span) -> Source | None:
    """The person subject of the quote's own sentence ("En pleine nuit, Marie a pris la décision de
    rentrer, « malgré douleurs »"), named before the quote."""
    rng = at.subject_opening(sent.i, at.doc.token_index_from(q.start))
    if rng is None:
        return None
    src = describe_source(at.doc, at.res, *rng)
    if src is None or src.kind not in ("person", "pronoun") or src.stype == "anonymous":
        return None
    src = at.finish(src, at.toks[rng[0]].start)
    return src if src is not None and src.stype in ("person", "expert") else None


def _previous_subject(at: _Attributor, q: Span) -> Source | None:
    """The person subject of the sentence just before a quote that opens its own sentence in the
    same paragraph ("X, la secrétaire d'État, a défendu l'article. « Pour celles et ceux… »"): news
    gives a bare quotation to the person the previous sentence is about. Not a woven quote."""
    doc = at.doc
    sent = doc.sentence_of(q.start)
    if q.attrs.get("mixed") == "yes" or sent is None or sent.i == 0:
        return None
    if re.search(r"\w", at.text[sent.start:q.start]):
        return None  # the quote does not open its sentence
    prev = doc.sentences[sent.i - 1]
    if "\n" in at.text[prev.start:q.start]:
        return None  # another paragraph
    rng = at.subject_opening(prev.i, prev.last)
    src = describe_source(doc, at.res, *rng) if rng is not None else None
    if src is None or src.kind not in ("person", "role", "pronoun") or src.stype == "anonymous":
        return None
    src = at.finish(src, at.toks[rng[0]].start)
    return src if src is not None and src.stype in ("person", "expert") else None


def _next_sentence_person(at: _Attributor, q: Span) -> Source | None:
    """The person named first in the sentence after a quote that opens its paragraph and is
    attributed by nothing else ("« Emmanuel Macron, c'est l'homme sans projet. » Cette phrase est
    signée de l'actuel ministre, X", "« … » Ce 26 mai, X s'adressait aux diplômées"): news names
    the speaker of a leading quotation right after it. Not a woven quote."""
    doc, text = at.doc, at.text
    if q.attrs.get("mixed") == "yes" or text[line_bounds(doc, q.start, q.start)[0]:q.start].strip():
        return None
    sent = doc.sentence_of(max(q.start, q.end - 1))
    if sent is None:
        return None
    nxt = sent if sent.end > q.end + 1 else (doc.sentences[sent.i + 1] if sent.i + 1 < len(doc.sentences) else None)
    if nxt is None or "\n" in text[q.end:nxt.start]:
        return None
    persons = [m for m in at.idx.persons_in(doc.token_index_from(q.end), nxt.last)
               if at.quote_at(m.start) is None]
    if not persons:
        return None
    p = persons[0].person
    return Source(p.name, p.stype, persons[0].start, persons[0].end, "person", "name")


def _verb_cue_before(at: _Attributor, q: Span, attrs: list, starts: list[int]) -> bool:
    """True when a reporting verb with a known source precedes ``q`` in its sentence and frames it
    (a que-clause, a colon or the marks themselves after the verb: "X a affirmé que « … »"); not a
    verb whose object comes between ("a appelé des candidats « pour échanger » selon un ami")."""
    sent = at.doc.sentence_of(q.start)
    s_start = sent.start if sent else q.start
    j = bisect.bisect_left(starts, q.start) - 1
    j_floor = j - 20  # bounded: a giant "sentence" must not make this quadratic
    while j >= 0 and j > j_floor and attrs[j][0].start >= s_start:
        if attrs[j][1] is not None and attrs[j][2] is not None and attrs[j][2].kind == "verb":
            if _frames(at, attrs[j][0].end, q.start):
                return True
            # a partial quote inside the verb's own reported content ("avaient promis dans leur
            # courrier [de revenir « au plus vite »]") is that verb's source's words too
            content = _content(at, attrs[j][2])
            return content is not None and content[0] <= q.start and q.end <= content[1]
        j -= 1
    return False


def _frames(at: _Attributor, cue_end: int, q_start: int) -> bool:
    """The words between a verb of saying and a quotation open its content: que, a colon, nothing
    but adverbs and clitics, or a preposition of its object ("a dénoncé « … »", "a parlé d'« … »")."""
    between = at.text[cue_end:q_start]
    if re.search(r"\bqu(?:e\b|['’])|:", between):
        return True
    return len(re.findall(r"\w+", between)) <= 2



#: nouns that describe any organisation ("l'établissement a déclaré", "la plateforme a fait savoir")
#: prepositions (not "de", which holds complements inside a noun phrase) whose object is the
#: antecedent of a following "qui"
_PREPOSITIONS_BEFORE_ANTECEDENT = frozenset("""à au aux pour avec contre chez sans sur vers""".split())
#: verbs of demand and the preposition introducing what they demand: the object is the content
_DEMAND_FRAMES = {"plaider": "pour", "militer": "pour", "appeler": "à", "exhorter": "à", "inviter": "à"}
_CARDINALS = frozenset(("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"))
#: determiners opening an indefinite plural group of people ("des milliers de manifestants", "plusieurs
#: élus", "de nombreux habitants"): a plural pronoun after them takes the group up
_INDEFINITE_PLURALS = frozenset(("des", "plusieurs", "quelques", "nombreux", "nombreuses"))
_MANY = frozenset(("nombreux", "nombreuses"))
#: words after which a cardinal is inside a phrase, not opening a counted group ("les deux", "à trois")
_OF_OR_ARTICLE = DEFINITE_ARTICLES | PREPOSITIONS | frozenset(("des", "de", "d'", "du", "aux", "ces", "ses",
                                                                "leurs", "nos", "vos", "mes"))
_RELATIVES = frozenset(("qui", "que", "qu'", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"))
_DEFINITE_OR_CONTRACTED = DEFINITE_ARTICLES | frozenset(("du", "au", "aux"))
#: determiners of a singular description of someone unnamed ("un passant", "son père", "cette maman")
_FEMININE_DETERMINERS = frozenset(("une", "sa", "cette", "la"))
_MASCULINE_DETERMINERS = frozenset(("un", "son", "ce", "cet", "le"))
_UNNAMED_DETERMINERS = _FEMININE_DETERMINERS | _MASCULINE_DETERMINERS | frozenset(("l'", "leur"))


def _spells(acronym: str, name: str) -> bool:
    """The acronym's letters occur in order in the name ("XR" in "Extinction Rebellion")."""
    rest = iter(name.lower())
    return all(c in rest for c in acronym.lower() if c.isalpha())


#: words an acronym may leave out: articles, prepositions, conjunctions ("Office national de lutte contre la
#: fraude" → ONLF)
_ACRONYM_FILLERS = frozenset("""de du des d la le l les et pour en à au aux contre sur sous par avec""".split())
#: articles a spelled-out name follows (words split on the apostrophe: "l", not "l'")
_ACRONYM_ARTICLES = frozenset(("la", "le", "l", "les", "du", "des", "au", "aux"))
_ACRONYM_USE = re.compile(r"(?<![\w-])([A-Z]{3,8})(?![\w-])")
_ACRONYM_IN_BRACKETS = re.compile(r"\(\s*([A-Z][A-Z0-9&-]{1,7})\s*\)")
_NAME_WORD = re.compile(r"[^\W\d_][\w-]*")
_NAME_BREAK = re.compile(r"[.;:!?()«»\"\n]")
#: how many words a spelled-out name may have; how far back (words) a bare acronym's name is looked for
_MAX_NAME_WORDS = 14
_ACRONYM_LOOKBACK = 2000


_FIRST_CHAR = operator.itemgetter(slice(0, 1))


def _initial(word: str) -> str:
    return fold_accents(word[:1]).lower()


def _spelled_by_initials(letters: str, words: list[str]) -> bool:
    """Every word gives the next letter of the acronym by its initial, except fillers, which may give none
    ("préfecture de police" → PP, "Haute instance pour la qualité de l'eau" → HIQE)."""
    def walk(i: int, j: int) -> bool:
        if i == len(words):
            return j == len(letters)
        w = words[i]
        if j < len(letters) and _initial(w) == letters[j] and walk(i + 1, j + 1):
            return True
        return w.lower() in _ACRONYM_FILLERS and walk(i + 1, j)
    return len(words) <= _MAX_NAME_WORDS and walk(0, 0)


def acronyms_by_initials(text: str) -> dict[str, str]:
    """Acronyms and the names whose initials spell them: written just before the acronym in brackets
    ("la préfecture de police (PP)"), or, for an acronym of three letters or more used bare, a name
    the text gives earlier after an article ("La Fédération nationale des pêcheurs côtiers
    … la FNPC"). Articles and prepositions of the name may be left out of the acronym."""
    bracketed = list(_ACRONYM_IN_BRACKETS.finditer(text))
    bare = list(_ACRONYM_USE.finditer(text))
    if not bracketed and not bare:
        return {}  # most texts: no word list to build (speed, issue 15)
    # (apostrophes become spaces, one character for one: offsets stay those of the text)
    # (each word's text, start and end gathered by C-level maps over the matches; speed, issue 15)
    found = list(_NAME_WORD.finditer(text.replace("’", " ").replace("'", " ")))
    starts = list(map(re.Match.start, found))
    words = list(zip(map(re.Match.group, found), starts, map(re.Match.end, found)))
    out: dict[str, str] = {}
    for m in bracketed:
        k = bisect.bisect_left(starts, m.start())
        name = _name_spelling(text, words, max(0, k - _MAX_NAME_WORDS), k, m.group(1), to_end=True)
        if name:
            out.setdefault(m.group(1), name)
    tried: set[str] = set()
    by_initial = _capitalised_by_initial(words) if bare else {}
    for m in bare:
        acr = m.group(1)
        if acr in out or acr in tried:
            continue
        tried.add(acr)
        k = bisect.bisect_left(starts, m.start())
        name = _bare_acronym_name(text, words, by_initial.get(_initial(acr), []), k, acr)
        if name:
            out[acr] = name
    return out


def _capitalised_by_initial(words: list) -> dict[str, list[int]]:
    """Positions of the capitalised words of ``words``, in order, by their folded initial: a bare
    acronym's name is looked for only among the words its first letter can open (speed, issue 15)."""
    by: dict[str, list[int]] = {}
    texts = [w for w, _, _ in words]
    # (Python visits only the capitalised words, picked by C-level passes)
    for i in compress(count(), map(str.isupper, map(_FIRST_CHAR, texts))):
        by.setdefault(_initial(texts[i]), []).append(i)
    return by


def _bare_acronym_name(text: str, words: list, candidates: list[int], k: int, acr: str) -> str | None:
    """The first name spelling ``acr`` that opens at one of ``candidates`` in the lookback before word ``k``."""
    lo = bisect.bisect_left(candidates, max(0, k - _ACRONYM_LOOKBACK))
    for i in candidates[lo:bisect.bisect_left(candidates, k)]:
        name = _name_spelling(text, words, i, min(k, i + _MAX_NAME_WORDS), acr, to_end=False)
        if name:
            return name
    return None


def _name_spelling(text: str, words: list, lo: int, hi: int, acr: str, to_end: bool) -> str | None:
    """The name among ``words[lo:hi]`` spelling ``acr``: the longest one ending at ``hi`` (``to_end``: the
    words before a bracketed acronym), else the shortest one starting at ``lo``, after an article."""
    letters = "".join(c for c in fold_accents(acr).lower() if c.isalpha())
    spans = [(i, hi) for i in range(lo, hi)] if to_end else [(lo, j) for j in range(lo + 1, hi + 1)]
    for i, j in spans:
        chunk = words[i:j]
        first = chunk[0][0]
        if first.lower() in _ACRONYM_FILLERS or chunk[-1][0].lower() in _ACRONYM_FILLERS:
            continue
        after_article = i > 0 and words[i - 1][0].lower() in _ACRONYM_ARTICLES
        if not (after_article or to_end and first[:1].isupper()):
            continue  # a name opens a noun phrase: after its article, or with its capital
        if _NAME_BREAK.search(text, chunk[0][1], chunk[-1][2]) or len(chunk) < 2:
            continue
        if _spelled_by_initials(letters, [w for w, _, _ in chunk]):
            return _plain(text[chunk[0][1]:chunk[-1][2]])
    return None


#: a name of capitalised words (linked by de/du/des/d'/la/le/et) and the acronym defined after it in brackets
_ACRONYM_DEFINED = re.compile(
    r"\b([A-ZÀ-Ý][\w’'-]+(?:\s+(?:(?:de|du|des|d'|d’|la|le|l'|l’|et|pour)\s*)?[A-ZÀ-Ý][\w’'-]+){0,6})"
    r"\s*\(\s*([A-Z][A-Z0-9&-]{1,7})\s*\)")


def _in_order(words: list[str], found: list[str]) -> bool:
    """``words`` occur in ``found`` in the same order (other words may stand between)."""
    it = iter(found)
    return all(w in it for w in words)


def _plural_name(name: str) -> bool:
    """A source named as a group: coordinated ("X et Y"), "les …", or a plural common noun head
    ("critiques", "médecins allemands")."""
    words = name.split()
    if " et " in name or not words or words[0].lower() in ("les", "des", "ces", "aux"):
        return True
    head = words[0]
    return head[:1].islower() and head.endswith(("s", "x")) and len(head) > 3


def _plain(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


def features(ctx) -> dict[str, float]:
    """Attribution profile: density, source types, verb stances, indirect speech, quoted words, speakers."""
    attrs = ctx.label("ATTR")
    quotes = ctx.label("QUOTE")
    iq = ctx.label("IQUOTE")
    n_attr = len(attrs)
    out: dict[str, float] = {
        "attr_per_100_sentences": 100.0 * n_attr / ctx.n_sentences if ctx.n_sentences else 0.0,
        "attr_sentence_share": ctx.sentence_share(attrs),
    }
    st = Counter(a.attrs.get("stype") for a in attrs)
    for s in SOURCE_TYPES:
        out[f"attr_{s}_share"] = st[s] / n_attr if n_attr else 0.0
    vs = Counter(a.attrs.get("verb_stance") for a in attrs)
    for s in VERB_STANCES:
        out[f"verb_stance_{s}_share"] = vs[s] / n_attr if n_attr else 0.0
    out["iquote_per_1k"] = ctx.per_1k(len(iq))
    # words inside QUOTE or IQUOTE, nested spans counted once
    merged = IntervalSet((s.start, s.end) for s in list(quotes) + list(iq))
    quoted = 0
    if merged:
        # a word counts when it lies inside a merged range; only the words starting
        # in one are counted (words are in document order; speed, issue 9), their
        # ends compared by a C-level pass (issue 15)
        word_starts, word_ends = ctx.doc.word_offsets()
        for a, b in zip(merged.starts, merged.ends):
            lo, hi = bisect.bisect_left(word_starts, a), bisect.bisect_right(word_starts, b)
            quoted += sum(map(b.__ge__, word_ends[lo:hi]))
    out["quoted_word_share"] = quoted / ctx.n_words if ctx.n_words else 0.0
    speakers = {s.attrs.get("speaker") for s in list(quotes) + list(iq)}
    speakers -= {None, "unknown", ""}
    out["n_speakers"] = float(len(speakers))
    out["n_attributions"] = float(n_attr)
    return out
