"""Hedging and certainty: HEDGE (cond, source, epistemic, approx) and BOOST spans.

What this stage adds (codebook, sections HEDGE and BOOST):

* ``HEDGE type=cond`` — every verb in the conditional mood
  (:mod:`framing.extract.conditional`), with ``use=reportive`` (hearsay,
  unconfirmed claims, conditionals inside reported speech) or
  ``use=hypothetical`` (si-clauses, counterfactuals, politeness, "il
  faudrait", the writer's own speculation); a reportive conditional sharing
  its sentence with "selon X" / "d'après X" or an ATTR source gets
  ``source`` = that source's text.
* ``HEDGE type=source|epistemic|approx`` from ``lexicons/hedges.tsv`` and
  ``BOOST`` from ``lexicons/boosters.tsv``: one Aho-Corasick pass each, entries
  filtered by their ``condition`` column (a figure must follow "plus de", an
  adjectival participle must not follow "avoir"…), longest match wins.
* ``HEDGE type=scare`` comes from the quotes stage; it is only counted here.

The ``use`` decision, in order (first rule that applies):

1. reported speech → reportive: the verb lies inside an IQUOTE or a partial
   QUOTE, or after a reporting verb + "que" in its sentence ("a déclaré que …"),
   or before an inserted reporting clause (", a-t-il affirmé"). Inside direct
   speech (a whole QUOTE) the conditional is the speaker's own: rules 2–3, then
   reportive only with a source hedge inside the quotation, else hypothetical
   (the blind gold: « cela permettrait d'éviter 300 morts », a-t-il dit);
2. the verb itself says hypothetical → hypothetical: 1st/2nd person forms
   (-rais, -rions, -riez) or a je/tu/on/nous/vous subject, wish and politeness
   verbs (vouloir, aimer, souhaiter, préférer), "il faudrait/vaudrait/
   suffirait", "ce serait"/"ç'aurait", modal past "aurait pu/dû";
3. the sentence is a hypothesis → hypothetical: a si-clause (not "même si",
   "comme si"), a counterfactual "sans eux/ça/leur aide", "au cas où",
   "sinon", "à moins que", "ce serait" elsewhere in the sentence…;
4. hearsay cues → reportive: a source hedge ("selon X") or ATTR span in the
   sentence, a compound form ("aurait déployé", "seraient parvenues"),
   "il y aurait", "sembler"/"paraître", "devoir" ("devrait recevoir" = is
   expected to, per sources), être/avoir with a noun or pronoun subject ("le
   bilan serait lourd"), "il s'agirait", "s'élèverait à";
5. otherwise hypothetical (the writer's own conjecture: "pourrait").
"""
from __future__ import annotations

import bisect

from ..document import ParsedDocument, Sentence, Token
from ..grammar import (DEFINITE_ARTICLES, DEMONSTRATIVES, ETRE_FORMS, INDEFINITE_ARTICLES, MONTHS, NUMBER_WORDS,
                       FIGURE_RE, POSSESSIVES, POSSESSIVES_3, SUBJECT_PRONOUNS_3, VERB_CLITICS, WEEKDAYS,
                       is_infinitive, is_past_participle, looks_like_participle, normalise, words as _words)
from ..lexicons import LexiconError, Match
from ..resources import Resources
from ..spans import HEDGE_TYPES, Span
from .positions import IntervalSet, group_by_sentence
from .conditional import conditional_tokens
from .pour import pour_source
from .reporting import lexicon as reporting_lexicon

# --- word classes used by the conditions (closed-class French, not lexicon data) ----------

_NUMBER_WORDS = NUMBER_WORDS
_MONTHS = MONTHS
_FRACTION_DETS = DEFINITE_ARTICLES | _words("""un
deux trois""")
_FRACTIONS = frozenset({"moitié", "tiers", "quart", "quarts", "majorité", "totalité"})
_UNITS = frozenset("""seconde secondes minute minutes heure heures jour jours journée journées nuit
    nuits semaine semaines mois an ans année années décennie décennies siècle siècles millénaire
    mètre mètres m km kilomètre kilomètres centimètre centimètres mile miles kilo kilos kg
    kilogramme kilogrammes gramme grammes tonne tonnes litre litres hectare hectares euro euros
    dollar dollars roubles rouble wons won livres yuans cents centimes pour-cent points %
    millions milliards milliers centaines dizaines""".split())
_PUNCT_STOP = frozenset(",.;:!?()[]«»\"“”—–…")
_PUBLICATION_NEXT = MONTHS | WEEKDAYS | DEFINITE_ARTICLES | _words("""en
au aux dans chez ce cette cet sur à par début fin demain hier aujourd'hui chaque tous""")
_SUBJECT_1_2 = frozenset({"je", "j'", "tu", "on", "nous", "vous"})
_SUBJECT_3 = SUBJECT_PRONOUNS_3 | _words("""on
qui ce c' cela ça""")
_CE = frozenset({"ce", "c'", "ç'", "cela", "ça"})
_CLITICS = VERB_CLITICS
_ELISIONS_INTO_SPAN = frozenset({"n'", "ç'", "c'"})
_SI_SUBJECT_NEXT = POSSESSIVES_3 | DEFINITE_ARTICLES | SUBJECT_PRONOUNS_3 | INDEFINITE_ARTICLES | _words("""on
je tu nous vous cela ça ce cette ces mon ma mes notre nos personne rien tout jamais besoin nécessaire
possible demain aucun aucune c' j'""")
_SANS_PRONOUNS = frozenset({"eux", "elle", "elles", "lui", "ça", "cela", "ceci", "nous", "vous", "moi",
                            "toi"})
_MODAL_PAST = frozenset({"pu", "dû"})
_ADVERBS_IN_COMPOUND = frozenset("""pas plus jamais rien point guère déjà également bien même
    peut-être aussi encore ainsi alors toujours tous toutes tout sans doute aucun aucune vraiment
    ensuite enfin d'abord notamment en effet effectivement par ailleurs ailleurs finalement vite
    beaucoup peu trop très mal mieux souvent parfois longtemps récemment secrètement""".split())



# --- lexicon matching ---------------------------------------------------------------------

def _prev_word(doc: ParsedDocument, k: int) -> Token | None:
    """The token before index ``k`` in the same sentence (clitic "-t-il" skipped)."""
    if k <= 0:
        return None
    sent = doc.tokens[k].sent if k < len(doc.tokens) else doc.tokens[-1].sent
    j = k - 1
    while j >= 0 and doc.tokens[j].sent == sent:
        t = doc.tokens[j]
        if not t.text.startswith("-"):
            return t
        j -= 1
    return None


def _next_token(doc: ParsedDocument, k: int, sent: int) -> Token | None:
    if k < len(doc.tokens) and doc.tokens[k].sent == sent:
        return doc.tokens[k]
    return None


def _is_figure(doc: ParsedDocument, k: int, sent: int) -> bool:
    """A figure starts at token ``k``: digits, a number word, or "la moitié"."""
    t = _next_token(doc, k, sent)
    if t is not None and normalise(t.text) in ("«", '"', "“"):
        k += 1  # 'plus de "3.000 ballons"'
        t = _next_token(doc, k, sent)
    if t is None:
        return False
    low = normalise(t.text)
    if FIGURE_RE.match(low):
        after = _next_token(doc, k + 1, sent)
        # a date is no quantity: "jusqu'à 26 septembre"
        return after is None or normalise(after.text) not in _MONTHS
    if low in ("un", "une"):
        # the article far more often than the number: a figure only before a unit or a
        # quantity noun ("près d'un an", "près d'un million"; not "près d'une voie ferrée")
        nxt = _next_token(doc, k + 1, sent)
        return nxt is not None and (normalise(nxt.text) in _UNITS or normalise(nxt.text) in _NUMBER_WORDS)
    if low.split("-")[0] in _NUMBER_WORDS:
        return True
    if low in _FRACTION_DETS:
        nxt = _next_token(doc, k + 1, sent)
        return nxt is not None and normalise(nxt.text) in _FRACTIONS
    return False


def _is_avoir(t: Token | None, aux_etre: bool = False) -> bool:
    if t is None:
        return False
    lemmas = ("avoir", "être") if aux_etre else ("avoir",)
    low = normalise(t.text)
    return t.lemma in lemmas or low in ("a", "ont", "avait", "avaient", "aura", "auront") or (
        aux_etre and low in ("est", "sont", "été", "était", "étaient", "sera", "seront"))


#: words after which an adverbial phrase opens its clause ("et, de fait, …")
_CLAUSE_OPENERS = _words("et mais or car donc puis")
#: what a confirming "bien" stands before: a noun phrase or a name ("c'est bien lui", "il y a bien un")
_CONFIRMED_OPENERS = DEFINITE_ARTICLES | INDEFINITE_ARTICLES | POSSESSIVES | DEMONSTRATIVES \
    | _words("du des au aux lui elle eux ce ça cela là")


#: the finite forms of être a confirming "bien" follows
_FINITE_ETRE = ETRE_FORMS - _words("être étant été")


def _confirms(doc: ParsedDocument, m: Match, sent: int) -> bool:
    """A "bien" that vouches for what follows (codebook Clarifications: "bien" confirming): right
    after a finite form of être or "il y a", before a noun phrase, a name, a figure or "de" + noun
    ("c'est bien le cas", "il y a bien eu", "sera bien d'ordre technique"); not the adverb of manner
    ("il est bien placé"), the judgement "c'est bien de partir" nor the quantifier "bien des"."""
    prev = _prev_word(doc, m.first)
    if prev is None:
        return False
    low = normalise(prev.text)
    before_prev = _prev_word(doc, prev.i) if low in ("a", "avait") else None
    if not (low in _FINITE_ETRE or before_prev is not None and normalise(before_prev.text) == "y"):
        return False
    t = _next_token(doc, m.last, sent)
    if t is None:
        return False
    nxt = normalise(t.text)
    if nxt == "des":
        return False  # (the quantifier "bien des" = "many": "il y a bien des raisons", "il est bien des cas")
    if nxt in ("de", "d'"):
        after = _next_token(doc, m.last + 1, sent)
        return after is not None and after.is_word and not is_infinitive(after)
    return nxt in _CONFIRMED_OPENERS or nxt == "eu" or t.text[:1].isupper() or _is_figure(doc, m.last, sent)


def _condition_holds(doc: ParsedDocument, m: Match, res: Resources) -> tuple[bool, int]:
    """Whether a match's ``condition`` holds, and the (possibly extended) last token."""
    cond = (m.entry.get("condition") or "").strip()
    if not cond:
        return True, m.last
    sent = doc.tokens[m.first].sent
    if cond == "figure":
        if _is_figure(doc, m.last, sent):
            return True, m.last
        # "qui a au moins fait cinq morts", "a presque coûté 3 milliards": the figure
        # after the participle the approximator sits before
        t = _next_token(doc, m.last, sent)
        return (t is not None and is_past_participle(t) and _is_figure(doc, m.last + 1, sent)), m.last
    if cond == "digits":
        t = _next_token(doc, m.last, sent)
        return (t is not None and t.text[:1].isdigit()), m.last
    if cond == "figure_or_unit":
        if _is_figure(doc, m.last, sent):
            return True, m.last
        t = _next_token(doc, m.last, sent)
        if t is not None and normalise(t.text) in _UNITS:
            return True, m.last + 1  # "quelques semaines": the span takes the unit
        return False, m.last
    if cond == "np":
        t = _next_token(doc, m.last, sent)
        return (t is not None and t.is_word
                and normalise(t.text) not in ("que", "qu'", "guerre")), m.last
    if cond == "no_avoir":
        return not _is_avoir(_prev_word(doc, m.first)), m.last
    if cond == "no_aux":
        return not _is_avoir(_prev_word(doc, m.first), aux_etre=True), m.last
    if cond == "not_publication":
        t = _next_token(doc, m.last, sent)
        prev = _prev_word(doc, m.first)
        if prev is not None and normalise(prev.text) == "à":
            return False, m.last  # "à paraître"
        return (t is not None and normalise(t.text) not in _PUBLICATION_NEXT
                and normalise(t.text) not in _PUNCT_STOP), m.last
    if cond == "pour_np_comma":
        # the decision shared with attribution: "Pour X," is both a source HEDGE and an ATTR
        return pour_source(doc, res, m.first) is not None, m.last
    if cond == "confirming":
        return _confirms(doc, m, sent), m.last
    if cond == "clause_start":
        prev = _prev_word(doc, m.first)
        return (prev is None or not prev.is_word or normalise(prev.text) in _CLAUSE_OPENERS
                or _is_avoir(prev, aux_etre=True)), m.last
    if cond == "block":
        return True, m.last
    if cond.startswith("not_after="):
        words = {normalise(w) for w in cond.split("=", 1)[1].split("|")}
        prev = _prev_word(doc, m.first)
        return prev is None or normalise(prev.text) not in words, m.last
    return True, m.last


def _select(doc: ParsedDocument, matches: list[Match], res: Resources) -> list[tuple[Match, int]]:
    """Matches whose condition holds; on overlap the longest (then leftmost) wins.

    Entries with condition ``block`` are exclusions: they win the overlap
    like any entry ("comme bon lui semble" over "sembler") and are then dropped.
    """
    ok = []
    for m in matches:
        holds, last = _condition_holds(doc, m, res)
        if holds:
            ok.append((m, last))
    ok.sort(key=lambda ml: (-(ml[1] - ml[0].first), ml[0].first))
    taken: set[int] = set()
    out = []
    for m, last in ok:
        idx = range(m.first, last)
        if any(i in taken for i in idx):
            continue
        taken.update(idx)
        out.append((m, last))
    out = [(m, last) for m, last in out if (m.entry.get("condition") or "").strip() != "block"]
    out.sort(key=lambda ml: ml[0].first)
    return out


def lexicon_hedges(doc: ParsedDocument, res: Resources) -> list[Span]:
    """``HEDGE`` source / epistemic / approx spans from ``lexicons/hedges.tsv``.

    Parameters
    ----------
    doc : ParsedDocument
        The parsed document.
    res : Resources
        Shared resources (the compiled matcher is built once per process).

    Returns
    -------
    list of Span
        One span per cue, ``attrs["type"]`` set.
    """
    matcher = res.matcher("hedges", required=("type",))
    out = []
    for m, last in _select(doc, matcher.find(doc), res):
        start, end = doc.tokens[m.first].start, doc.tokens[last - 1].end
        out.append(Span.at(doc.text, start, end, "HEDGE", type=m.entry["type"]))
    return out


def boosters(doc: ParsedDocument, res: Resources) -> list[Span]:
    """``BOOST`` spans (certainty markers) from ``lexicons/boosters.tsv``."""
    matcher = res.matcher("boosters")
    out = []
    for m, last in _select(doc, matcher.find(doc), res):
        start, end = doc.tokens[m.first].start, doc.tokens[last - 1].end
        out.append(Span.at(doc.text, start, end, "BOOST"))
    return out


# --- conditional: use and source ------------------------------------------------------

#: kinds of lexicons/conditional_uses.tsv (see its header)
CONDITIONAL_USE_KINDS = ("wish", "impersonal", "hearsay", "hearsay_reflexive", "support_noun", "hypothesis")


def conditional_uses(res: Resources) -> dict[str, frozenset[str]]:
    """The terms of lexicons/conditional_uses.tsv by kind (lower-cased)."""
    def build() -> dict[str, frozenset[str]]:
        lex = res.lexicon("conditional_uses", required=("kind",))
        by_kind: dict[str, set[str]] = {k: set() for k in CONDITIONAL_USE_KINDS}
        for e in lex.entries:
            if e["kind"] not in by_kind:
                raise LexiconError(f"{lex.path}: kind {e['kind']!r} of {e['term']!r} is not one of "
                                   f"{', '.join(CONDITIONAL_USE_KINDS)}")
            by_kind[e["kind"]].add(normalise(e["term"]))
        return {k: frozenset(v) for k, v in by_kind.items()}
    return res.memo(("hedges", "conditional_uses"), build)


def _reporting_forms(res: Resources) -> tuple[frozenset[str], frozenset[str]]:
    """Lemmas and word forms of the single-word reporting verbs (the reporting stage's lexicon)."""
    return reporting_lexicon(res).single_word_forms


def _is_reporting(t: Token, reporting: tuple[frozenset[str], frozenset[str]]) -> bool:
    lemmas, forms = reporting
    return t.is_word and (t.lemma in lemmas or normalise(t.text) in forms)


def _subject_before(doc: ParsedDocument, k: int, first: int) -> Token | None:
    """The word before the verb at ``k``, skipping negation and object clitics."""
    j = k - 1
    while j >= first:
        t = doc.tokens[j]
        low = normalise(t.text)
        if low in _CLITICS and low not in ("nous", "vous"):
            j -= 1
            continue
        if low in ("nous", "vous") and j - 1 >= first and normalise(doc.tokens[j - 1].text) in (
                _SUBJECT_3 | {"je", "j'", "tu"}):
            j -= 1  # object pronoun: "il nous aurait dit"
            continue
        return t
    return None


def _participle_after(doc: ParsedDocument, k: int, last: int) -> Token | None:
    """The past participle of a compound form ("aurait [probablement] déployé").

    Only adverbs (``-ment`` words, negation, "sans doute"…) may stand between
    the auxiliary and the participle.
    """
    j = k + 1
    while j < last and j <= k + 5:
        t = doc.tokens[j]
        low = normalise(t.text)
        if t.upos is not None and t.feats is not None:
            if t.upos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Part":
                return t
        elif looks_like_participle(low):
            return t
        if not (low in _ADVERBS_IN_COMPOUND or (low.endswith("ment") and len(low) > 5)):
            return None
        j += 1
    return None


class _SpanLookup:
    """Per-document indexes of the earlier stages' spans (built once per document).

    Reported-speech regions as an interval set, ATTR spans and hedge sources by
    sentence, and the sentence-level hypothesis test memoised: classifying every
    conditional stays linear in the document's length.
    """

    def __init__(self, doc: ParsedDocument, spans: list[Span], hedge_sources: list[Span]):
        self.reported = IntervalSet((s.start, s.end) for s in spans if s.label in ("QUOTE", "IQUOTE"))
        # direct speech: a whole quotation in the speaker's own words, not a partial quote inside reported
        # speech; its conditionals are the speaker's own mood
        indirect = IntervalSet((s.start, s.end) for s in spans if s.label == "IQUOTE")
        self.direct = IntervalSet((s.start, s.end) for s in spans if s.label == "QUOTE"
                                  and s.attrs.get("mixed") != "yes" and not indirect.covers(s.start, s.end))
        self.attrs_by_sent = group_by_sentence(doc, [s for s in spans if s.label == "ATTR"])
        self.sources_by_sent = group_by_sentence(doc, hedge_sources)
        self.hypothesis: dict[int, bool] = {}
        self.linked: dict[int, tuple] = {}  # sentence -> _sentence_source(...)


def _in_reporting_frame(doc: ParsedDocument, k: int, sent: Sentence, reporting) -> bool:
    """A reporting verb + "que" before the verb, or an inserted ", a déclaré X" after it."""
    toks = doc.tokens
    for j in range(sent.first, k):
        if _is_reporting(toks[j], reporting):
            for q in range(j + 1, min(j + 8, k)):
                low = normalise(toks[q].text)
                if low in ("que", "qu'"):
                    return True
                if low in (".", ";", ":", "?", "!"):
                    break
    # inserted clause: ", a-t-il affirmé", ", affirme le ministre", ", selon lui"
    for j in range(k + 1, sent.last):
        if normalise(toks[j].text) != ",":
            continue
        for q in range(j + 1, min(j + 4, sent.last)):
            if _is_reporting(toks[q], reporting):
                return True
    return False


def _sentence_hypothesis(doc: ParsedDocument, sent: Sentence, cond_idx: set[int],
                         uses: dict[str, frozenset[str]]) -> bool:
    """The sentence states a hypothesis: si-clause, counterfactual "sans", "ce serait"…"""
    toks = doc.tokens[sent.first:sent.last]
    lows = [normalise(t.text) for t in toks]
    for n, low in enumerate(lows):
        prev = lows[n - 1] if n else ""
        nxt = lows[n + 1] if n + 1 < len(lows) else ""
        if low == "si" and prev not in ("même", "comme", "que", "qu'") and (
                nxt in _SI_SUBJECT_NEXT or (n + 1 < len(toks) and toks[n + 1].text[:1].isupper())):
            return True
        if low == "s'" and nxt in ("il", "ils") and prev not in ("même", "comme"):
            return True
        if low == "sans" and (nxt in _SANS_PRONOUNS or (
                n + 2 < len(lows) and lows[n + 2] in uses["support_noun"])):
            return True
        if low in _CE and n + 1 < len(toks):
            # "ce serait", "ç'aurait", "cela n'aurait"
            j = n + 1
            while j < len(toks) and lows[j] in ("n'", "ne", "y", "en"):
                j += 1
            if j < len(toks) and sent.first + j in cond_idx:
                return True
    joined = " " + " ".join(lows) + " "
    return any(f" {p} " in joined for p in uses["hypothesis"])


def classify_use(doc: ParsedDocument, tok: Token, spans: list[Span], hedge_sources: list[Span],
                 cond_idx: set[int], res: Resources, lookup: "_SpanLookup | None" = None) -> str:
    """``reportive`` or ``hypothetical`` for conditional verb ``tok`` (rules in the module doc)."""
    sent = doc.sentences[tok.sent]
    reporting = _reporting_forms(res)
    uses = conditional_uses(res)
    lookup = lookup or _SpanLookup(doc, spans, hedge_sources)
    # 1. reported speech; in direct speech the conditional is the speaker's own (codebook gold: « cela
    # permettrait d'éviter… » is hypothetical), reportive only with a hearsay source inside the quotation
    direct = lookup.direct.covers(tok.start, tok.end)
    if not direct and lookup.reported.covers(tok.start, tok.end):
        return "reportive"
    if not direct and _in_reporting_frame(doc, tok.i, sent, reporting):
        return "reportive"
    # 2. the verb itself
    low = normalise(tok.text)
    subj = _subject_before(doc, tok.i, sent.first)
    subj_low = normalise(subj.text) if subj is not None else ""
    part = _participle_after(doc, tok.i, sent.last)
    if low.endswith(("rais", "rions", "riez")) or subj_low in _SUBJECT_1_2 or subj_low in _CE:
        return "hypothetical"
    if tok.lemma in uses["wish"]:
        return "hypothetical"
    if tok.lemma in uses["impersonal"] and subj_low == "il":
        return "hypothetical"
    if part is not None and normalise(part.text) in _MODAL_PAST:
        return "hypothetical"  # "aurait pu", "aurait dû": counterfactual
    # 3. the sentence
    if sent.i not in lookup.hypothesis:
        lookup.hypothesis[sent.i] = _sentence_hypothesis(doc, sent, cond_idx, uses)
    if lookup.hypothesis[sent.i]:
        return "hypothetical"
    if direct:
        quoted_source = any(lookup.direct.covers(h.start, h.end) for h in lookup.sources_by_sent.get(sent.i, ()))
        return "reportive" if quoted_source else "hypothetical"
    # 4. hearsay cues
    if lookup.sources_by_sent.get(sent.i):
        return "reportive"
    if lookup.attrs_by_sent.get(sent.i):
        return "reportive"
    if part is not None or tok.lemma in uses["hearsay"] or tok.lemma == "devoir":
        return "reportive"
    prev = normalise(doc.tokens[tok.i - 1].text) if tok.i > 0 else ""
    if prev in ("s'", "se") and tok.lemma in uses["hearsay_reflexive"]:
        return "reportive"  # "il s'agirait d'un accident", "le bilan s'élèverait à 30 morts"
    if tok.lemma in ("être", "avoir") and subj_low not in ("qui", "que", "qu'") and subj is not None \
            and subj.is_word:
        return "reportive"  # "le bilan serait lourd", "la Russie aurait 10 000 soldats"
    if subj_low == "y" or (tok.i >= 2 and normalise(doc.tokens[tok.i - 1].text) == "y"
                           and normalise(doc.tokens[tok.i - 2].text) == "il"):
        return "reportive"  # "il y aurait"
    return "hypothetical"


def _source_phrase(doc: ParsedDocument, hedge: Span) -> str:
    """The noun phrase after "selon"/"d'après": up to punctuation, at most 10 words."""
    k = doc.token_index_from(hedge.end)
    tok0 = doc.token_at(hedge.start)
    if tok0 is None:
        return ""
    sent = doc.sentences[tok0.sent]
    end = None
    start = None
    for j in range(k, min(k + 10, sent.last)):
        t = doc.tokens[j]
        if normalise(t.text) in _PUNCT_STOP:
            break
        if start is None:
            start = t.start
        end = t.end
    return doc.text[start:end] if start is not None else ""


def _link_source(doc: ParsedDocument, tok: Token, spans: list[Span], hedge_sources: list[Span],
                 lookup: "_SpanLookup | None" = None) -> str:
    """The source of a reportive conditional's sentence ("" when none)."""
    lookup = lookup or _SpanLookup(doc, spans, hedge_sources)
    linked = lookup.linked.get(tok.sent)
    if linked is None:
        # what depends on the sentence alone is decided once per sentence (a very
        # long sentence with many conditionals stays linear)
        linked = lookup.linked[tok.sent] = _sentence_source(doc, tok.sent, lookup)
    found, attrs = linked
    if found is not None:
        return found
    if attrs:
        return str(attrs.nearest(tok.start).attrs["source"])
    return ""


def _sentence_source(doc: ParsedDocument, sent: int, lookup: "_SpanLookup") -> tuple["str | None", "_Nearest"]:
    """The source named by a "selon" of sentence ``sent`` (None if none), and its sourced ATTRs."""
    attrs = [s for s in lookup.attrs_by_sent.get(sent, []) if s.attrs.get("source")]
    heds = lookup.sources_by_sent.get(sent, [])
    found = None
    for h in heds:  # an ATTR on the same "selon" carries the canonical name
        for a in attrs:
            if a.overlaps(h.start, h.end):
                found = str(a.attrs["source"])
                break
        if found is not None:
            break
    if found is None:
        for h in heds:
            phrase = _source_phrase(doc, h)
            if phrase:
                found = phrase
                break
    return found, _Nearest(attrs)


class _Nearest:
    """``min(spans, key=distance of start to x)`` by bisection: the first in list order on ties."""

    def __init__(self, spans: list[Span]):
        self.spans = spans
        self.order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self.starts = [spans[i].start for i in self.order]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def nearest(self, x: int) -> Span:
        if len(self.spans) <= 16:
            return min(self.spans, key=lambda a: abs(a.start - x))
        starts = self.starts
        k = bisect.bisect_left(starts, x)
        d = min(abs(starts[j] - x) for j in (k - 1, k) if 0 <= j < len(starts))
        best = None
        for value in {x - d, x + d}:
            lo, hi = bisect.bisect_left(starts, value), bisect.bisect_right(starts, value)
            for j in range(lo, hi):
                if best is None or self.order[j] < best:
                    best = self.order[j]
        return self.spans[best]


def conditional_hedges(doc: ParsedDocument, spans: list[Span], hedge_sources: list[Span],
                       res: Resources) -> list[Span]:
    """``HEDGE type=cond`` spans with ``use`` (and ``source`` when linked).

    The span is the finite verb (the auxiliary of a compound form), extended
    to a directly attached elided "n'", "ç'" or "c'" ("ç'aurait").
    """
    toks = conditional_tokens(doc)
    cond_idx = {t.i for t in toks}
    lookup = _SpanLookup(doc, spans, hedge_sources)
    out = []
    for t in toks:
        start = t.start
        if t.i > 0:
            prev = doc.tokens[t.i - 1]
            if prev.end == t.start and normalise(prev.text) in _ELISIONS_INTO_SPAN:
                start = prev.start
        use = classify_use(doc, t, spans, hedge_sources, cond_idx, res, lookup)
        attrs = {"type": "cond", "use": use}
        if use == "reportive":
            source = _link_source(doc, t, spans, hedge_sources, lookup)
            if source:
                attrs["source"] = source
        out.append(Span.at(doc.text, start, t.end, "HEDGE", **attrs))
    return out


def extract(doc: ParsedDocument, spans: list[Span], res: Resources) -> list[Span]:
    """Add HEDGE (cond, source, epistemic, approx) and BOOST spans to ``spans``.

    Parameters
    ----------
    doc : ParsedDocument
        The parsed document (builtin tokens suffice; ``feats`` are used when present).
    spans : list of Span
        Spans of the earlier stages (QUOTE/IQUOTE and ATTR inform ``use`` and ``source``).
    res : Resources
        Shared lexicons and matchers.

    Returns
    -------
    list of Span
        ``spans`` plus this stage's spans.
    """
    lex = lexicon_hedges(doc, res)
    sources = [s for s in lex if s.attrs.get("type") == "source"]
    conds = conditional_hedges(doc, spans, sources, res)
    return list(spans) + lex + conds + boosters(doc, res)


def features(ctx) -> dict[str, float]:
    """Hedging and certainty features of a document.

    ``hedge_boost_ratio`` is Laplace-smoothed, ``(n_hedges + 1) / (n_boosts + 1)``:
    1.0 when a text has neither, above 1 when it hedges more than it vouches.
    """
    hedges = ctx.label("HEDGE")
    boosts = ctx.label("BOOST")
    conds = [s for s in hedges if s.attrs.get("type") == "cond"]
    out = {"hedge_per_1k": ctx.per_1k(len(hedges))}
    for t in HEDGE_TYPES:
        out[f"hedge_{t}_per_1k"] = ctx.per_1k(sum(1 for s in hedges if s.attrs.get("type") == t))
    out["hedge_cond_reportive_per_1k"] = ctx.per_1k(sum(1 for s in conds if s.attrs.get("use") == "reportive"))
    out["hedge_cond_hypothetical_per_1k"] = ctx.per_1k(
        sum(1 for s in conds if s.attrs.get("use") == "hypothetical"))
    out["hedge_sentence_share"] = ctx.sentence_share(hedges)
    out["boost_per_1k"] = ctx.per_1k(len(boosts))
    out["hedge_boost_ratio"] = (len(hedges) + 1) / (len(boosts) + 1)
    out["n_hedges"] = float(len(hedges))
    out["n_boosts"] = float(len(boosts))
    return out
