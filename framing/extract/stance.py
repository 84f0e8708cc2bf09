"""Stance of quoted speech: supportive, critical or neutral, toward which camp.

For a QUOTE or IQUOTE whose speaker camp is known (:mod:`framing.extract.camps`):

**target** — the camp the quoted words are about:

1. a quote nested in reported speech ("a qualifié … « un acte contre
   l'humanité »") and the parts of a split quote (« Ce déploiement, » a déclaré
   Singh, « révèle … ») are decided together with their enclosing / sibling
   span;
2. the first side named in the quote (actors, metonymies, gentilés of the
   actors file), preferring one other than the speaker's own camp;
3. no side named: a self-reference ("ses troupes", "lui-même", "notre
   pays") → the speaker's camp; else the nearest side named in the preceding
   context that is not the speaker's; else the speaker's camp.

**stance** — a signed score over the quote's evaluative words: the codebook's
LOADED spans (glorification +1; pejorative, moral, violence, fear, weakness −1),
``lexicons/stance_cues.tsv`` (praise, support, success +1; blame, failure,
danger, doubt −1) with ``lexicons/stance_verbs_verbenet.tsv`` (verbs of
judgement of Verb∋Net, polarity from vaderSentiment-fr), and the evaluative
reporting verb that introduces the quote ("ont dénoncé", "se féliciter") — or,
when no reporting cue carries one, a verb of blame or praise of the words that
introduce it (its sentence before it, the previous sentence when the quote
opens its own: "X s'en est pris à Y. « … »"). Pronominal cues match their
compound tenses and present forms ("s'en est pris", "s'alarme"). The strong entries of ``lexicons/polarity.tsv``
are recorded as evidence (the classifier's ``broad_*`` features) but not summed
by the rules: general sentiment words ("une bonne nuit", "super peur") say how a
speaker feels, not what they think of a side.
Negation (ne…pas, jamais, aucun, sans) within three words and in the same clause
(not across a comma or a conjunction; "pas seulement", "pas le seul" restrict; the noun
"pas" of "un pas décisif" is no negation)
turns a positive cue negative and cancels a negative one ("ne suffiront pas" is critical, "si ce
n'est pas une escalade" is not praise). Weakness and failure words about the
speaker's own side or an ally are reporting, not criticism, and count 0; so do
fear and danger words ("le chaos", "dangereux") about one's own side.
When the quote carries no evaluative word and no verb of blame or praise, a
**denial** decides: a negated predication ("il ne défend pas les intérêts du
peuple", "cela ne changera rien", "n'a pas été probant") disputes what it is
about and scores −1; the existential "il n'y a pas / aucun …" (an absence,
"il n'y a pas de risque") and a restrictive "pas seulement" do not count, nor a
negation in the imperfect or the conditional (narration: "elle n'était pas rentrée"),
nor the speaker's denial of themselves ("je ne toucherai pas") unless its verb is one
of opinion, acceptance or wish ("je ne pense pas": ``cat=opinion``).
Not counted either: a verb of blame as a bare participle ("condamnés pour recel") or as the
verb of a relative clause of subject ("les militants qui réclament l'arrêt des vols"), a
cue inside a proper name ("l'Arc de triomphe"), a success verb or a ``use=finite`` cue
("pardonner") in the infinitive (an aim), a ``use=predicate`` cue outside the predicate of a copula, a cue that is the
reporting verb itself read as another word ("lâche" of *lâcher*). The speaker's own
reporting verb, when it carries a polarity, decides alone: the quote is its object.
Score > 0 → supportive, < 0 → critical, 0 → neutral.

``stance_method`` says what decided: ``lexicon``, ``lexicon+negation``,
``verb`` (only the reporting verb), ``denial`` (no cue, a negated predication),
``default-neutral`` (no cue), with a
``nested:`` / ``split:`` prefix when inherited, or ``classifier`` when a
trained model (``framing train-stance``) is loaded.
"""
from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, Sequence

from ..actors import UNKNOWN, ActorIndex
from ..document import TOKEN_IS_WORD, ParsedDocument
from ..grammar import (AVOIR_FORMS, DEFINITE_ARTICLES, DEMONSTRATIVES, ETRE_FORMS, FIRST_PERSON_SUBJECTS,
                       INDEFINITE_ARTICLES,
                       NEGATION_FIRST, NEGATION_SECOND, PASSIVE_ETRE, POSSESSIVES, POSSESSIVES_3,
                       PRENOMINAL_ADJECTIVES_M, QUOTE_OPEN, REFLEXIVE_CLITICS, VERB_CLITICS, before_attribute,
                       er_verb_forms, reflexive_at, self_described, words as _words)
from ..lexicons import LexiconError, PhraseMatcher
from ..resources import Resources
from ..spans import QUOTE_STANCES, Span
from .positions import IntervalSet, PositionIndex, lower_forms, lower_forms_between, lower_forms_of
from .stance_evidence import LOADED_POLARITY, NEGATORS, NON_POLITICAL, Cue, StanceEvidence
from .stance_model import context_features, load as load_model

STANCES = QUOTE_STANCES
SELF_REFERENCE = POSSESSIVES_3 | _words("""notre
nos nous lui-même elle-même eux-mêmes elles-mêmes patrie""")


class CueMatch(NamedTuple):
    """A ``stance_cues.tsv`` (or ``polarity.tsv``) match of a document, as the rules read it."""
    first: int
    last: int
    polarity: int
    cat: str
    #: from the broad polarity lexicon (evidence for the classifier, not for the rules)
    broad: bool
    #: an aim, not an act: a success (or a use=finite verb) in the infinitive
    aim: bool
    #: the row's ``use`` column ("" when none)
    use: str


@dataclass(frozen=True)
class StanceDecision:
    stance: str
    target: str
    method: str
    target_method: str = ""


class StanceScorer:
    """Rule-based stance (and target) of quoted speech; see the module docstring.

    Parameters
    ----------
    idx : ActorIndex
        Actors and camps of the study.
    cues : PhraseMatcher
        ``stance_cues.tsv`` (and ``polarity.tsv``) entries with a ``polarity`` column.
    model : optional
        A trained stance classifier (:mod:`framing.cli.train_stance`); when given,
        it decides the stance from the same evidence.
    """

    def __init__(self, idx: ActorIndex, cues: PhraseMatcher | None, model: Any = None,
                 opinion: frozenset[str] = frozenset(), describes_self: frozenset[str] = frozenset()):
        self.idx, self.cues, self.model, self.opinion = idx, cues, model, opinion
        #: verbs whose reflexive takes the subject's attribute ("s'est dit honoré"; reporting_verbs.tsv)
        self.describes_self = describes_self

    # -- evidence ----------------------------------------------------------
    def index(self, doc: ParsedDocument, spans: Sequence[Span]) -> "_StanceIndex":
        """Position indexes of ``spans`` and this scorer's cue matches in ``doc``.

        Built once per stance pass (``decide_all``) and handed down, so no memo has to be keyed
        by object identity (an id can be reused by a later list or scorer)."""
        return _StanceIndex(doc, spans, self._cue_matches(doc))

    def _cue_matches(self, doc: ParsedDocument) -> list[CueMatch]:
        found: list[CueMatch] = []
        if self.cues:
            for m in self.cues.find_longest(doc):
                pol = _polarity(m.entry.get("polarity", ""))
                if m.entry.get("use") == "predicate" and not _predicative(doc, m.first):
                    continue  # "régler leurs problèmes" names a matter; "c'est un problème" judges
                if pol and not _reflexive_use(doc, m.first, m.entry):
                    broad = m.entry.get("_from") == "polarity"
                    cat = m.entry.get("cat") or "polarity"
                    # a success, or a use=finite verb, in the infinitive is an aim, not an act
                    aim = (cat == "success" or m.entry.get("use") == "finite") and _infinitive(doc, m.first, m.last)
                    found.append(CueMatch(m.first, m.last, pol, cat, broad, aim, m.entry.get("use", "")))
        return found

    def _negated(self, doc: ParsedDocument, first: int, last: int) -> bool:
        """A negation within three words of the cue, in its clause: not across a comma or a
        conjunction ("il ne voulait pas et il regrette"), and not a restrictive "pas seulement",
        "pas le seul" (which affirm: "n'est pas le seul fautif"), nor "pas sans"."""
        sent = doc.tokens[first].sent
        lo, hi = max(0, first - 3), min(len(doc.tokens), last + 3)
        window = [t for t in doc.tokens[lo:hi] if t.sent == sent and not (first <= t.i < last)]
        lows = [t.text.lower() for t in window]
        for k, w in enumerate(lows):
            if w not in NEGATORS:
                continue
            if w == "pas" and k + 1 < len(lows) and (lows[k + 1] == "sans" or lows[k + 1] in _RESTRICTIVE
                                                     or " ".join(lows[k + 1:k + 3]) in _RESTRICTIVE):
                continue  # "pas sans", "pas seulement", "pas le seul" affirm
            if w == "sans" and k > 0 and lows[k - 1] == "pas":
                continue
            if w == "pas" and _noun_pas(doc, window[k].i):
                continue  # "un pas décisif", "ce premier pas": the noun (a step), not the negation
            # (the lower-cased words between, a slice of the document's view, tested at C level)
            lows_doc = lower_forms(doc)
            between = lows_doc[window[k].i + 1:first] if window[k].i < first else lows_doc[last:window[k].i]
            if not _CLAUSE_BREAKS.isdisjoint(between):
                continue
            return True
        return False

    def cues_in(self, doc: ParsedDocument, regions: Sequence[tuple[int, int]],
                ix: "_StanceIndex") -> list[Cue]:
        """Evaluative cues inside ``regions``: LOADED spans and lexicon cues, one per token."""
        by_token: dict[int, Cue] = {}
        inside = IntervalSet(regions)
        loaded = {id(s): s for a, b in regions for s in ix.loaded.starting_in(a, b)}
        for s in sorted(loaded.values(), key=lambda x: x.start):
            if inside.covers(s.start, s.end):
                pol = LOADED_POLARITY.get(str(s.attrs.get("cat", "")), 0)
                toks = doc.tokens_between(s.start, s.end)
                if pol and toks:
                    cat = "weakness" if s.attrs.get("cat") == "weakness" else str(s.attrs.get("cat"))
                    by_token[toks[0].i] = Cue(toks[0].i, pol, cat, self._negated(doc, toks[0].i, toks[-1].i + 1),
                                              "loaded")
        cues = {c[0]: c for a, b in regions for c in ix.cues.starting_in(a, b)}
        for first, last, pol, cat, _broad, aim, use in (cues[k] for k in sorted(cues)):
            t0, t1 = doc.tokens[first], doc.tokens[last - 1]
            if not inside.covers(t0.start, t1.end):
                continue
            if any(first <= k < last for k in by_token):
                continue
            if cat == "verb" and _bare_participle(doc, first):
                continue  # "condamnés pour recel", "sentie interpellée par": someone was blamed, by no one here
            if cat == "verb" and _passive(doc, first, self.describes_self):
                continue  # "je suis profondément honoré", "ils ont été condamnés": the subject undergoes it
            if cat == "verb" and _relative_subject(doc, first):
                continue  # "les militants qui réclament l'arrêt du trafic": what others do, told, not done here
            if aim:
                continue  # "appelle Macron à reprendre …", "nul n'a le droit de pardonner": an aim, not an act
            if _in_proper_name(doc, first):
                continue  # "l'Arc de triomphe", "le journal Libération": a name judges nothing
            by_token[first] = Cue(first, pol, cat, self._negated(doc, first, last), use=use)
        return sorted(by_token.values(), key=lambda c: c.token)

    def verb_cues(self, doc: ParsedDocument, span: Span, ix: "_StanceIndex") -> list[Cue]:
        """Evaluative reporting verbs introducing the quote.

        ATTR cues of the same speaker in the quote's sentence, before it or
        just after it ("« … », a dénoncé X"), plus stance cues right after the
        cue ("a exprimé de vives inquiétudes"); never words inside quoted
        speech, and never the broad polarity lexicon.
        """
        speaker = str(span.attrs.get("speaker", ""))
        sent = doc.sentence_of(span.start)
        lo = sent.start if sent else span.start - 200
        out: dict[int, Cue] = {}
        for a in ix.attrs.starting_in(lo, span.end + 41):
            if span.start <= a.start and a.end <= span.end:
                continue  # reporting inside the quote is the quoted speaker's business
            src = str(a.attrs.get("source", ""))
            if speaker not in ("", "anonymous", "unknown") and src and src != speaker:
                continue
            hi = a.end + 30
            nxt = ix.speech.first_start_at_or_after(a.end)
            if nxt is not None:
                hi = min(hi, nxt)
            for first, last, pol, cat, broad, _aim, use in ix.cues.starting_in(a.start, hi):
                t0, t1 = doc.tokens[first], doc.tokens[last - 1]
                if broad or not (a.start <= t0.start and t1.end <= hi):
                    continue
                if ix.speech_union.covers(t0.start, t1.end):
                    continue
                if cat != "verb" and t0.start < a.end:
                    continue  # the reporting verb read as another word ("lâche le ministre" is lâcher, not lâche)
                out[first] = Cue(first, pol, cat, False, "verb", use)
        if not out:
            for first, pol, cat, use in self._intro_cues(doc, span, ix):
                out[first] = Cue(first, pol, cat, False, "intro", use)
        return sorted(out.values(), key=lambda c: c.token)

    def _intro_cues(self, doc: ParsedDocument, span: Span, ix: "_StanceIndex") -> list[tuple[int, int, str, str]]:
        """Evaluative verbs of the words that introduce a quote when no reporting cue carries one.

        News introduces a quote with a sentence that says how the speaker spoke ("X s'en est
        pris à Y. « … »", "Il égratigne Z, qui « … »"): the verbs of blame or praise
        (``stance_cues.tsv`` ``cat=verb``) of the quote's sentence before it, and of the
        previous sentence when the quote opens its own or follows a short frame of attribution
        ("Elle a attaqué. Pour elle, « … »") and nobody else speaks there, outside any quoted speech.
        """
        sent = doc.sentence_of(span.start)
        if sent is None:
            return []
        lo = sent.start
        prefix = doc.text[sent.start:span.start].strip(" \t\n\u00a0-–—«“\"'")
        # a quote that opens its sentence is introduced by the sentence before; so is one after a
        # short frame ("Pour elle, « … »", "X estime que, …"), unless someone else speaks there
        if sent.i > 0:
            prev = doc.sentences[sent.i - 1]
            speaker = span.attrs.get("speaker")
            if not prefix or (prefix[-1] in ",:" and len(prefix.split()) <= _FRAME_WORDS and not any(
                    s.attrs.get("speaker") != speaker for s in ix.speech.starting_in(prev.start, sent.start))):
                lo = prev.start
        out = []
        for first, last, pol, cat, broad, _aim, use in ix.cues.starting_in(lo, span.start):
            t0, t1 = doc.tokens[first], doc.tokens[last - 1]
            if broad or cat != "verb" or t1.end > span.start or ix.speech_union.covers(t0.start, t1.end):
                continue
            if self._negated(doc, first, last) or not _speaker_verb(doc, first):
                continue
            out.append((first, pol, cat, use))
        return out

    # -- target --------------------------------------------------------------
    def _political(self, camp: str) -> bool:
        return camp not in NON_POLITICAL and self.idx.has_camp(camp)

    def target_of(self, doc: ParsedDocument, regions: Sequence[tuple[int, int]], speaker_camp: str,
                  exclude: Sequence[tuple[int, int]] = ()) -> tuple[str, str]:
        """``(target camp, how)`` — see the module docstring."""
        named: list[str] = []
        mentions = doc_mentions(doc, self.idx)
        for a, b in regions:
            for m in mentions_between(mentions, a, b):
                s, e = m.start, m.end
                if any(x <= s and e <= y for x, y in exclude):
                    continue
                camp = m.item.camp  # type: ignore[union-attr]
                if self._political(camp) or camp == "other":
                    named.append(camp)
        political = [c for c in named if self._political(c)] or named
        if political:
            # the first named side that is not the speaker's (measured against "first named side"
            # and, for no side named, against "always the speaker's camp": docs/camps.md)
            others = [c for c in political if c != speaker_camp]
            return (others[0] if others else political[0]), "mention"
        # stops at the first self-reference, and only looks when it would decide (speed, issue 9)
        # (a C-level test of each region's lower-cased words, read from the document's view)
        if self._political(speaker_camp) and any(not SELF_REFERENCE.isdisjoint(lower_forms_between(doc, a, b))
                                                 for a, b in regions):
            return speaker_camp, "self-reference"
        start = min(a for a, _ in regions)
        lo = max(0, start - _CONTEXT)
        for m in reversed(mentions_between(mentions, lo, start)):
            s, e = m.start, m.end
            if any(x <= s and e <= y for x, y in exclude):
                continue
            camp = m.item.camp  # type: ignore[union-attr]
            if self._political(camp) and camp != speaker_camp:
                return camp, "context"
        if self._political(speaker_camp):
            return speaker_camp, "speaker"
        return UNKNOWN, "none"

    # -- decision -------------------------------------------------------------
    def evidence(self, doc: ParsedDocument, group: Sequence[Span], speaker_camp: str,
                 ix: "_StanceIndex") -> StanceEvidence:
        """The evidence for one quote (or split quote) ``group``; ``ix`` = :meth:`index` of the
        document's spans."""
        regions = [(s.start, s.end) for s in group]
        exclude = []
        for s in group:
            v = s.attrs.get("speaker_span")
            if isinstance(v, (list, tuple)) and len(v) == 2:
                exclude.append((int(v[0]), int(v[1])))
        # the speaker's own mentions near the quote are not its target; target_of reads
        # only the quote and the 400 characters before it, so nearer cues suffice
        speaker = group[0].attrs.get("speaker")
        lo = min(a for a, _ in regions) - _CONTEXT - _CUE_REACH
        hi = max(b for _, b in regions) + _CUE_REACH
        for a in ix.attrs.starting_in(lo, hi):
            if a.attrs.get("source") == speaker and isinstance(a.attrs.get("source_span"), (list, tuple)):
                exclude.append(tuple(int(x) for x in a.attrs["source_span"]))  # type: ignore[arg-type]
        target, how = self.target_of(doc, regions, speaker_camp, exclude)
        relation = self.idx.relation(speaker_camp, target) if target != UNKNOWN else "none"
        n_words = sum(sum(map(TOKEN_IS_WORD, doc.tokens_between(a, b))) for a, b in regions)  # C-level count
        sent = doc.sentence_of(group[0].start)
        near = ix.attrs.starting_in(sent.start if sent else group[0].start - 200, max(b for _, b in regions) + 41)
        return StanceEvidence(regions, speaker_camp, target, how, relation,
                              self.cues_in(doc, regions, ix), self.verb_cues(doc, group[0], ix), n_words,
                              context_features(doc, group, ix.spans, near), denials(doc, regions, self.opinion))

    def decide_evidence(self, ev: StanceEvidence) -> StanceDecision:
        if self.model is not None:
            try:
                stance = self.model.predict(ev)
                return StanceDecision(stance, ev.target, "classifier", ev.target_method)
            except Exception as e:  # a broken model falls back to the rules, saying so
                warnings.warn(f"stance model failed ({type(e).__name__}: {e}); stance decided by the rules",
                              RuntimeWarning, stacklevel=2)
        score, negation = ev.score()
        if score > 0:
            stance = "supportive"
        elif score < 0:
            stance = "critical"
        else:
            stance = "neutral"
        cues = ev.rule_cues
        if not cues and not ev.verb_cues:
            method = "denial" if score < 0 else "default-neutral"
        elif not cues:
            method = "verb"
        else:
            method = "lexicon+negation" if negation else "lexicon"
        return StanceDecision(stance, ev.target, method, ev.target_method)

    def decide_all(self, doc: ParsedDocument, speech: Sequence[tuple[Span, str]],
                   spans: Sequence[Span]) -> list[StanceDecision]:
        """Decisions for ``speech`` = [(QUOTE/IQUOTE span, speaker camp)], in the same order."""
        n = len(speech)
        if not n:
            return []  # no quote: the cue matches are not needed
        order = sorted(range(n), key=lambda i: (speech[i][0].start, -speech[i][0].end))
        parent: dict[int, int] = {}
        iquotes = PositionIndex([j for j in range(n) if speech[j][0].label == "IQUOTE"],
                                lambda j: speech[j][0].start)
        for i in order:
            s = speech[i][0]
            # enclosing IQUOTEs start at or before s; look back over a bounded number of them
            k = bisect.bisect_right(iquotes.starts, s.start)
            for j in iquotes.items[max(0, k - 64):k]:
                p = speech[j][0]
                if j != i and p.start <= s.start and s.end <= p.end \
                        and (p.end - p.start) > (s.end - s.start):
                    if i not in parent or (speech[parent[i]][0].end - speech[parent[i]][0].start) > p.end - p.start:
                        parent[i] = j
        # split quotes: consecutive QUOTEs of one speaker with only an attribution between them
        groups: dict[int, list[int]] = {}
        prev = None
        for i in order:
            if i in parent:
                continue
            s = speech[i][0]
            if prev is not None:
                p = speech[prev][0]
                gap = doc.text[p.end:s.start]
                if (s.label == p.label == "QUOTE" and 0 <= len(gap) <= 80 and "\n" not in gap
                        and s.attrs.get("speaker") == p.attrs.get("speaker")
                        and str(s.attrs.get("speaker")) not in ("", "unknown", "anonymous")
                        and not re.search(r"[.!?]\s*$", doc.text[p.start:p.end].rstrip("»”\"' \u00a0\u202f"))):
                    head = next(h for h, g in groups.items() if prev in g)
                    groups[head].append(i)
                    prev = i
                    continue
            groups[i] = [i]
            prev = i
        decided: dict[int, StanceDecision] = {}
        ix = self.index(doc, spans)
        for head, members in groups.items():
            ev = self.evidence(doc, [speech[m][0] for m in members], speech[head][1], ix)
            d = self.decide_evidence(ev)
            record = doc.cache.setdefault("stance.evidence", {})  # read by stance_model (training)
            for m in members:
                record[(speech[m][0].start, speech[m][0].end, speech[m][0].label)] = ev
            for k, m in enumerate(members):
                decided[m] = d if k == 0 else StanceDecision(d.stance, d.target, "split:" + d.method, d.target_method)
        for i in order:  # parents come first in this order
            if i in parent:
                root = parent[i]
                while root in parent:
                    root = parent[root]
                d = decided[root]
                rs = speech[root][0]
                record = doc.cache.setdefault("stance.evidence", {})
                own = speech[i][0]
                if (rs.start, rs.end, rs.label) in record:
                    record[(own.start, own.end, own.label)] = record[(rs.start, rs.end, rs.label)]
                decided[i] = StanceDecision(d.stance, d.target, "nested:" + d.method.split(":")[-1],
                                            d.target_method)
        return [decided[i] for i in range(n)]


#: words after "pas" that restrict rather than negate ("pas seulement", "pas le seul fautif")
_RESTRICTIVE = _words("seulement uniquement que qu' simplement juste") | frozenset(
    {"le seul", "la seule", "les seuls", "les seules"})
#: "ne … plus que", "ne … jamais que" restrict ("on n'entend plus que les oiseaux": now only the
#: birds), like "ne … que": they say what remains, not what is denied
_ONLY_BEFORE_QUE = _words("plus jamais")
_QUE = _words("que qu' qu’")
#: the preposition of a possessive absence ("n'a pas de solution"), not counted as a denial
_DE = _words("de d' d’")
#: a negation does not reach a cue across these (another clause)
_CLAUSE_BREAKS = _words(", ; : et mais ou car donc puis qui que qu' lorsque quand si")
#: object and reflexive clitics and negation between a subject and its verb ("qui lui réclamait")
_CLITICS = VERB_CLITICS
#: a bare past participle without auxiliary is passive or adjectival ("un article très critiqué par …"):
#: its agent is not the subject of the sentence
_PARTICIPLE_END = ("é", "ée", "és", "ées")


def denials(doc: ParsedDocument, regions: Sequence[tuple[int, int]],
            opinion: frozenset[str] = frozenset()) -> list[int]:
    """Token indices of the ``ne``/``n'`` of each negated predication in ``regions``.

    A quote that denies something of its subject ("il ne défend pas les intérêts du peuple",
    "cela n'a pas été probant", "ne montrent rien") disputes it; the existential "il n'y a
    pas / aucun …" states an absence ("il n'y a pas de risque"), as does its possessive ("le
    conflit n'a pas de solution"): not counted, nor a restrictive "pas seulement". The second part of the negation stands within four words
    of ``ne``, in its clause. Neither are a negation in the imperfect or the conditional
    (:func:`_narrative_tense`) nor the speaker's denial of themselves (:func:`_self_denial`),
    unless its verb is one of ``opinion`` (lemmas of opinion, acceptance and wish).
    """
    found = []
    for a, b in regions:
        toks = doc.tokens_between(a, b)
        lows = lower_forms_of(doc, toks)
        for k, w in enumerate(lows):
            if w not in NEGATION_FIRST:
                continue
            if k + 2 < len(lows) and lows[k + 1] == "y" and lows[k + 2] in AVOIR_FORMS:
                continue  # existential "il n'y a pas"
            if lows[k + 1:k + 2] and lows[k + 1] in AVOIR_FORMS and lows[k + 3:k + 4] and lows[k + 3] in _DE:
                continue  # possessive absence "le conflit n'a pas de solution"
            if _narrative_tense(toks, k):
                continue  # "elle n'était pas rentrée", "il a dit qu'il ne toucherait pas": a past or reported state
            if _self_denial(lows, k) and _negated_lemma(toks, k) not in opinion:
                continue  # "je ne toucherai pas l'indemnité", "assure ne pas être un enfant gâté"
            for j in range(k + 1, min(len(lows), k + 5)):
                if lows[j] in _CLAUSE_BREAKS:
                    break
                if lows[j] in NEGATION_SECOND:
                    if not (lows[j] == "pas" and (lows[j + 1:j + 2] and lows[j + 1] in _RESTRICTIVE
                                                  or " ".join(lows[j + 1:j + 3]) in _RESTRICTIVE)
                            or lows[j] in _ONLY_BEFORE_QUE and lows[j + 1:j + 2] and lows[j + 1] in _QUE):
                        found.append(toks[k].i)
                    break
    return found


_IF = _words("si s' s’")


def _self_denial(lows: list[str], k: int) -> bool:
    """True when the negation at ``k`` is the speaker's about themselves: its subject is the first
    person ("je ne toucherai pas", "nous ne savons pas"), or it opens the reported content as an
    infinitive, whose subject is the speaker ("X assure ne pas être un enfant gâté"); not in a
    condition ("si nous ne mobilisons pas maintenant, …"), which warns of its consequence."""
    if k > 1 and lows[k - 2] in _IF:
        return False  # "si nous ne mobilisons pas, …": a condition, its consequence is the point
    return (k > 0 and lows[k - 1] in FIRST_PERSON_SUBJECTS) or (k == 0 and lows[1:2] == ["pas"])


def _negated_lemma(toks, k: int) -> str:
    """The lemma of the verb after the ``ne`` at ``k`` (past its clitics and a "pas" before an infinitive)."""
    j = k + 1
    while j < len(toks) and (toks[j].text.lower() in _CLITICS or toks[j].text.lower() == "pas"):
        j += 1
    return (toks[j].lemma or "").lower() if j < len(toks) else ""


#: the endings of the imperfect and the conditional (je/tu/il/ils: "était", "allais", "toucherait", "seraient")
_IMPERFECT_ENDINGS = ("ais", "ait", "aient")
#: lemmas whose present has those endings ("fait", "plaît", "connais")
_PRESENT_IN_AI = ("aire", "aître", "aitre")


def _narrative_tense(toks, k: int) -> bool:
    """True when the verb negated by ``toks[k]`` (``ne``) is in the imperfect or the conditional.

    A negation in those tenses tells a past state or a reported, hypothetical one ("sa femme
    n'était pas rentrée", "il a annoncé qu'il ne toucherait pas ses indemnités", "tu n'avais pas
    recherché ce rôle"): narration, not a dispute of what the quote is about. The ending is read
    on the form; a stem of one letter or none is a present ("fait", "sait", "vais") or the
    subjunctive "ait".
    """
    j = k + 1
    while j < len(toks) and toks[j].text.lower() in _CLITICS:
        j += 1
    if j >= len(toks):
        return False
    form, lemma = toks[j].text.lower(), (toks[j].lemma or "").lower()
    ending = next((e for e in _IMPERFECT_ENDINGS if form.endswith(e)), None)
    return ending is not None and len(form) - len(ending) >= 2 and not lemma.endswith(_PRESENT_IN_AI)


#: words before "pas" that make it the noun (a step): determiners and adjectives placed before a noun
_PAS_NOUN_BEFORE = DEFINITE_ARTICLES | INDEFINITE_ARTICLES | DEMONSTRATIVES | POSSESSIVES | PRENOMINAL_ADJECTIVES_M


def _noun_pas(doc: ParsedDocument, i: int) -> bool:
    """True when "pas" at ``i`` is the noun, not the negation: it follows a determiner or an
    adjective of a step ("un pas décisif", "ce premier pas", "à grands pas") and no "ne" before it."""
    k = i - 1
    while k >= 0 and doc.tokens[k].text in QUOTE_OPEN:
        k -= 1  # un « pas décisif »
    if k < 0 or doc.tokens[k].sent != doc.tokens[i].sent or doc.tokens[k].text.lower() not in _PAS_NOUN_BEFORE:
        return False
    return not any(t.text.lower() in NEGATION_FIRST for t in doc.tokens[max(0, i - 4):i])


def _reflexive_use(doc: ParsedDocument, first: int, entry: dict[str, str]) -> bool:
    """True when a verb cue that is not pronominal is used pronominally: the pronominal verb is
    another verb ("s'attaquer à un problème" is to tackle it, not to attack anyone; "je me suis
    doutée que" is to suspect, not to doubt), in any person."""
    term = entry.get("term", "")
    if _PRONOMINAL.match(term) or first == 0 or not (entry.get("cat") == "verb" or _VERB_LEMMA.match(term)):
        return False
    k = first - 1
    if doc.tokens[k].lemma in ("avoir", "être") and k > 0:
        k -= 1  # compound tense: "s'est attaqué"
    return doc.tokens[k].text.lower() in REFLEXIVE_CLITICS


#: a one-word lemma of a verb (infinitive ending), for cues of other categories than ``verb``
_VERB_LEMMA = re.compile(r"^\w+(?:er|ir|re)$")


#: the prepositions that join the words of a name ("l'Arc de triomphe", "la place de la Victoire")
_NAME_JOINERS = _words("de du des d' d’ la l' l’")


def _in_proper_name(doc: ParsedDocument, first: int) -> bool:
    """True when the word at ``first`` is part of a proper name: capitalised inside its sentence
    ("Libération"), or joined by "de" to a capitalised word before it ("l'Arc de triomphe")."""
    def capital_inside(i: int) -> bool:
        t = doc.tokens[i]
        if not t.text[:1].isupper() or i == 0 or doc.tokens[i - 1].sent != t.sent:
            return False
        return doc.tokens[i - 1].text not in ("«", "“", '"', "(", "-", "—", "–", ":", "'")
    if capital_inside(first):
        return True
    k = first - 1
    while k >= 0 and first - k <= 2 and doc.tokens[k].text.lower() in _NAME_JOINERS:
        k -= 1
    return k < first - 1 and k >= 0 and capital_inside(k)


#: the verbs that link a subject to its predicate ("c'est un problème", "ça devient un problème")
_COPULAS = ETRE_FORMS | _words("""devient deviennent devenu devenue devenir reste restent demeure
constitue constituent représente représentent""")
#: words that may stand between a copula and its predicate noun or adjective
_PREDICATE_GAP = _words("""un une des le la l' l’ pas sans très si trop vraiment bien plus moins assez tout toute
vrai véritable gros grand""")


def _predicative(doc: ParsedDocument, first: int) -> bool:
    """True when the word at ``first`` is the predicate of a copula, at most three words after it."""
    k = first - 1
    while k >= 0 and first - k <= 3 and doc.tokens[k].text.lower() in _PREDICATE_GAP:
        k -= 1
    return k >= 0 and doc.tokens[k].text.lower() in _COPULAS


#: the most words of a frame before a quote ("Pour elle,", "Xavier Bertrand estime que,")
_FRAME_WORDS = 4


def _infinitive(doc: ParsedDocument, first: int, last: int) -> bool:
    """True when the one-word cue at ``first`` is a verb in the infinitive (its form is its lemma)."""
    t = doc.tokens[first]
    return last - first == 1 and t.text.lower() == (t.lemma or "") and bool(_VERB_LEMMA.match(t.lemma or ""))


def _bare_participle(doc: ParsedDocument, first: int) -> bool:
    """True when the verb at ``first`` is a past participle without auxiliary: passive or adjectival,
    it says what was done to someone, not what the speaker does."""
    form = doc.tokens[first].text.lower()
    if not form.endswith(_PARTICIPLE_END) or form == doc.tokens[first].lemma:
        return False
    k = first - 1
    while k >= 0 and doc.tokens[k].text.lower() in _CLITICS:
        k -= 1
    return k < 0 or doc.tokens[k].lemma not in ("avoir", "être")


def _passive(doc: ParsedDocument, first: int, describes_self: frozenset[str] = frozenset()) -> bool:
    """True when the verb at ``first`` is a past participle in the passive voice ("je suis honoré",
    "ils ont été condamnés", "est vivement critiqué"): its subject undergoes the praise or blame, the
    speaker does not give it; so is one after the reflexive of a verb of ``describes_self`` ("s'est
    dit « profondément honoré »": the speaker's own state). Not the compound tense of a pronominal
    verb ("s'est félicité")."""
    if not doc.tokens[first].text.lower().endswith(_PARTICIPLE_END):
        return False
    if self_described(doc.tokens, first, describes_self):
        return True  # "s'est dit « profondément honoré »": the speaker's own state
    k = before_attribute(doc.tokens, first)  # adverbs between: "est très critiqué", "a été vivement salué"
    if k < 0 or doc.tokens[k].text.lower() not in PASSIVE_ETRE:
        return False
    j = k - 1
    if doc.tokens[k].text.lower() == "été" and j >= 0 and doc.tokens[j].lemma == "avoir":
        j -= 1
    while j >= 0 and doc.tokens[j].text.lower() in NEGATION_FIRST:
        j -= 1
    return not reflexive_at(doc.tokens, j)


def _relative_subject(doc: ParsedDocument, first: int) -> bool:
    """True when the verb at ``first`` is the verb of a relative clause of subject ("les militants qui
    réclament", "ceux qui dénoncent"): it tells what someone the quote speaks of does."""
    k = first - 1
    while k >= 0 and doc.tokens[k].text.lower() in _CLITICS:
        k -= 1
    return k >= 0 and doc.tokens[k].text.lower() == "qui"


def _speaker_verb(doc: ParsedDocument, first: int) -> bool:
    """False when a verb of the introducing words is not said of the sentence's subject: a verb
    of a relative clause ("une étudiante qui lui réclamait") or a participle without auxiliary."""
    k = first - 1
    while k >= 0 and doc.tokens[k].text.lower() in _CLITICS:
        k -= 1
    before = doc.tokens[k] if k >= 0 else None
    if before is not None and before.text.lower() in ("qui", "que", "qu'", "qu’", "dont"):
        return False
    form = doc.tokens[first].text.lower()
    if form.endswith(_PARTICIPLE_END) and form != doc.tokens[first].lemma:
        return before is not None and before.lemma in ("avoir", "être")
    return True


def _polarity(v: str) -> int:
    v = (v or "").strip().lower()
    if not v:
        return 0
    if v in ("positive", "pos", "+", "+1", "1"):
        return 1
    if v in ("negative", "neg", "-", "-1"):
        return -1
    try:
        f = float(v)
    except ValueError:
        return 0
    return 1 if f > 0 else -1 if f < 0 else 0


#: characters before a quote read for its target when the quote names no side
_CONTEXT = 400
#: how far an ATTR cue may stand from the source mention it names
_CUE_REACH = 300


class _StanceIndex:
    """Spans and cue matches of one document, indexed by position."""

    def __init__(self, doc: ParsedDocument, spans: Sequence[Span], cue_matches: list):
        self.spans = spans
        self.loaded = PositionIndex([s for s in spans if s.label == "LOADED"], lambda s: s.start)
        self.attrs = PositionIndex([s for s in spans if s.label == "ATTR"], lambda s: s.start)
        speech = [s for s in spans if s.label in ("QUOTE", "IQUOTE")]
        self.speech = PositionIndex(speech, lambda s: s.start)
        self.speech_union = IntervalSet((s.start, s.end) for s in speech)
        self.cues = PositionIndex(cue_matches, lambda c: doc.tokens[c[0]].start)


def doc_mentions(doc: ParsedDocument, idx: ActorIndex) -> PositionIndex:
    """Actor mentions of the whole document by position, found once (per-document memo)."""
    key = ("actors.mentions", idx.path, idx.sha256)
    found = doc.cache.get(key)
    if found is None:
        found = doc.cache[key] = PositionIndex(idx.mentions(doc.text), lambda m: m.start)
    return found


def mentions_between(mentions: PositionIndex, start: int, end: int) -> list:
    """The mentions lying entirely within ``[start, end)``, in order."""
    return [m for m in mentions.starting_in(start, end) if m.end <= end]


#: a polarity.tsv entry counts when |polarity| and subjectivity reach these (textblob-fr scale)
POLARITY_MIN, SUBJECTIVITY_MIN = 0.5, 0.6


def _strong(entry: dict[str, str]) -> bool:
    try:
        pol = float(entry.get("polarity", "0") or 0)
        subj = float(entry.get("subjectivity", "1") or 1)
    except ValueError:
        return _polarity(entry.get("polarity", "")) != 0
    return abs(pol) >= POLARITY_MIN and subj >= SUBJECTIVITY_MIN


#: a pronominal verb's clitics: "se", "s'" and the adverbial pronouns after them ("s'en prendre")
_PRONOMINAL = re.compile(r"^(s['’]|se\s+)((?:en|y)\s+)?", re.IGNORECASE)


#: -er verbs whose stem vowel changes in the present ("élever" → "élève", "inquiéter" → "inquiète")
_STEM_CHANGE = re.compile(r"[eé][^aeiouyéèêàâîôû\s]+er$")


def compound_forms(entry: dict[str, str]) -> list[dict[str, str]]:
    """An entry and, for a pronominal verb matched on lemmas, its compound tenses.

    French pronominal verbs form their compound tenses with *être* between the clitics and
    the participle ("s'en prendre" → "s'en est pris", "s'insurger" → "se sont insurgés"):
    matched on lemmas, that is the entry with "être" after its clitics.
    """
    m = _PRONOMINAL.match(entry.get("term", ""))
    if not m or (entry.get("match") or "form") != "lemma":
        return [entry]
    head = m.group(1).strip() + ("" if m.group(1).endswith(("'", "’")) else " ") + (m.group(2) or "")
    rest = entry["term"][m.end():]
    out = [entry, {**entry, "term": f"{head.rstrip()} être {rest}"}]
    verb, _, tail = rest.partition(" ")
    if verb.endswith("er") and not m.group(2) and not _STEM_CHANGE.search(verb):
        # the present of a verb in -er is often also a noun the lemmatiser prefers ("s'alarme",
        # "s'inquiète"): after the clitic it is the verb, matched on its forms
        for form in sorted(er_verb_forms(verb, ("e", "ent"))):  # ("…e" before "…ent")
            if m.group(1).startswith("s") and m.group(1).rstrip().endswith(("'", "’")):
                out.append({**entry, "term": f"s'{form} {tail}".strip(), "match": "form"})
            else:
                out.append({**entry, "term": f"se {form} {tail}".strip(), "match": "form"})
    return out


def _cue_entries(res: Resources) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = []
    for name in ("stance_cues", "stance_verbs_verbenet"):  # the hand-written file first: it wins
        try:
            lex = res.lexicon(name, required=("polarity",))
        except (LexiconError, OSError):
            continue
        own = {e["term"].lower() for e in entries}
        entries.extend(e for entry in lex.entries if entry["term"].lower() not in own
                       for e in compound_forms(entry))
    try:  # the broad polarity lexicon (textblob-fr), when installed: strong, subjective entries only
        lex = res.lexicon("polarity")
    except (LexiconError, OSError):
        lex = None
    if lex is not None and "polarity" in lex.columns:
        own = {e["term"].lower() for e in entries}
        for e in lex.entries:
            if e["term"].lower() in own or not _strong(e):
                continue
            entries.append({**e, "cat": "polarity", "_from": "polarity"})
    return entries


def stance_scorer(res: Resources, idx: ActorIndex) -> StanceScorer:
    """The stance scorer of this run (lexicons compiled once), with a trained model if one is installed."""
    def build() -> StanceScorer:
        try:
            model = find_model(res.config.lexicon_dirs)
        except (OSError, ValueError):
            model = None
        return StanceScorer(idx, cue_matcher(res), model, opinion_lemmas(res), self_describing_verbs(res))

    return res.memo(("stance_scorer", idx.path, idx.sha256), build)


# --- optional classifier ------------------------------------------------------
#
# The classifier (features, model format, loading) lives in
# :mod:`framing.extract.stance_model`, its training in :mod:`framing.stance_training`.
# The stage uses a model only when a ``stance_model.json`` is installed (a
# ``--lexicon-dir`` or the shipped ``lexicons/``); none is shipped while the
# rules score better on held-out documents (docs/stance.md).

MODEL_FILE = "stance_model.json"


def find_model(lexicon_dirs: Sequence[str] = ()):
    """The installed stance model: ``stance_model.json`` in a user lexicon dir, else shipped, else ``None``."""
    from ..lexicons import shipped_dir

    for d in [*lexicon_dirs, shipped_dir()]:
        p = Path(d) / MODEL_FILE
        if p.is_file():
            return load_model(p)
    return None


def opinion_lemmas(res: Resources) -> frozenset[str]:
    """The verbs of opinion, acceptance and wish of ``stance_cues.tsv`` (``cat=opinion``): their
    negation in the first person is disagreement ("je ne crois pas", "nous n'acceptons pas")."""
    try:
        lex = res.lexicon("stance_cues", required=("polarity",))
    except (LexiconError, OSError):
        return frozenset()
    return frozenset(e["term"].lower() for e in lex.entries if e.get("cat") == "opinion")


def self_describing_verbs(res: Resources) -> frozenset[str]:
    """The verbs whose reflexive takes the speaker's attribute (reporting_verbs.tsv ``describes_self``)."""
    from .reporting import lexicon as reporting_lexicon

    try:
        return reporting_lexicon(res).describes_self
    except (LexiconError, OSError):
        return frozenset()


def cue_matcher(res: Resources) -> PhraseMatcher | None:
    entries = _cue_entries(res)
    return PhraseMatcher(entries) if entries else None
