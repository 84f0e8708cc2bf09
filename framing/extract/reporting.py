"""Reporting cues: verbs of saying with their auxiliaries, reporting nouns, source prepositions.

Shared by the quote stage (is a short quotation someone's words or a scare
quote?) and the attribution stage (ATTR spans, sources, indirect speech).

A *verb cue* is a form of a verb of ``lexicons/reporting_verbs.tsv``: any
inflection (simplemma lemma, regular participles mapped back to the
infinitive, irregular ones listed in the lexicon), with its auxiliary,
reflexive clitic, adverbs and inverted subject clitic inside the span
("a déclaré", "a-t-il déclaré", "s'en est félicité", "a également confirmé").
Non-reporting uses are filtered:

* negated verbs ("n'a pas dit", "n'avait confirmé ni nié");
* fixed expressions ("c'est-à-dire", "vouloir dire", "à vrai dire");
* bare past participles used as adjectives ("l'opération dite", "déploiements
  signalés") and passives without an agent ("si elle est confirmée");
  a passive with ``par`` is a cue whose source follows ``par`` (with a
  parse, also a distant ``obl:agent``: "a été reconnu jeudi par le Kremlin");
* *strict* verbs (``ajouter``, ``assurer``, ``noter``...) only count with a
  que-clause, a nearby quotation mark, a colon, an infinitive complement
  ("les médecins disent avoir trouvé"), an object + de/à + infinitive
  ("soupçonnent Pyongyang de chercher"), or as an inserted clause (after a
  comma or a closing quotation mark, or with an inverted subject, adverbials
  skipped: ", rapporte lundi l'agence"); ``strict=name`` verbs (``rejeter``,
  ``juger``, ``qualifier``…) also with a name or subject pronoun right before
  them ("Moscou a rejeté toute responsabilité"); ``strict=content`` verbs (derived
  from Wiktionary) as ``yes`` but neither as a passive with ``par`` nor with "comme";
* negation drops a cue, except for verbs whose negation still reports a
  stance ("n'excluent pas que");
* forms simplemma reads as nouns ("estime", "relève", "appelant") are also
  tried as -er verbs, unless a determiner precedes them or punctuation
  follows ("le juge", "cette nouvelle menace,").

The result is memoised in ``doc.cache`` so both stages share one pass.
"""
from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, count, repeat

from .. import syntax
from ..document import TOKEN_IS_WORD, ParsedDocument, Token
from ..grammar import (AVOIR_FORMS, CONNECTIVE_ADVERBS, key_positions, CONTRACTED_ARTICLES, DEFINITE_ARTICLES, DEMONSTRATIVES,
                       INDEFINITE_ARTICLES, INVERTED_SUBJECT_CLITICS, NEGATION_WORDS, OBJECT_CLITICS, PASSIVE_ETRE,
                       POSSESSIVES_3, QUOTE_CLOSE, QUOTE_OPEN, ROLE_TIME_ADJECTIVES, SOURCE_PREPOSITIONS, SUBJECT_PRONOUNS_3, WEEKDAYS,
                       is_infinitive,
                       key, normalise, token_keys, words as _words)
from ..lexicons import LexiconError
from ..resources import Resources

_STRICT_LEVELS = ("no", "yes", "name", "comme", "content")
# What may separate a closing quotation mark from the attribution after it:
# ", a déclaré X", and ", comme l'a dit X", ", comme prévenait l'OMS".
_CUE_GAP_RE = re.compile(r"[\s\u00a0\u202f,]{0,4}|[\s\u00a0\u202f,]*comme\s+(?:l['’]\s*|le\s+|la\s+)?")


def cue_follows(text: str, end: int, cue_start: int) -> bool:
    """True when the cue at ``cue_start`` is attached to a quotation closing at ``end``."""
    return cue_start - end <= 16 and _CUE_GAP_RE.fullmatch(text, end, cue_start) is not None
#: Words that make a sentence-initial "Pour …," a circumstance, not a source
#: ("Pour la première fois,", "Pour les besoins de l'enquête,"): shared by the
#: hedges stage (HEDGE source) and the attribution stage (ATTR), so both agree.
POUR_NOT_SOURCE = frozenset("""rappel mémoire heure heures instant moment moments autant cela ça ceci
    part fois raison raisons reste essentiel anecdote occasion suite exemple preuve information
    informations année années mois semaine semaines jour jours soir matin période cause ailleurs
    principe comparaison commencer finir conclure résumer mémo info infos l'heure tout tous toutes
    première premier dernière dernier deuxième seconde l'instant quoi combien longtemps toujours
    rien nombre l'essentiel mémoire mieux début fin lors l'occasion cas défense compte but
    objectif tenter éviter savoir ce besoin besoins côté""".split())
_AGENTLESS_PASSIVES = frozenset(("accuser",))
#: Prepositions (not the articles "des", "du": "des responsables ont affirmé" has a subject).
PREPOSITIONS = frozenset("par de d' à au aux en pour sans avec sur dans sous entre vers chez contre".split())
# nouns and adjectives whose "de + infinitive" is a complement, not a report ("en train
# de clamer", "impossible de démontrer"); after a verb it may be one ("ne cesse de
# vanter", "avant de mettre en garde")
_DE_INF_GOVERNORS = frozenset("""train impossible possible difficile facile nécessaire important utile inutile
temps droit moyen façon manière besoin envie peur capable incapable chargé heureux fier l'occasion
occasion mission but objectif intention""".split())
_CONJUNCTION_BEFORE_QUE = frozenset("""alors tandis bien parce dès afin pendant avant après sans pour
lors même depuis ainsi tant""".split())
# verbs whose negation still reports a stance ("n'excluent pas que", "ne cache pas que")
_SAID_WHEN_NEGATED = frozenset(("exclure", "cacher"))

_AUX = AVOIR_FORMS | PASSIVE_ETRE
_ETRE = PASSIVE_ETRE  # (a compound passive: "avait été ajoutée")
_ADVERBS = WEEKDAYS | NEGATION_WORDS | CONNECTIVE_ADVERBS | _words("""récemment longtemps souvent
plus bien même publiquement officiellement ouvertement clairement explicitement hier soir matin
mardi-soir dimanche-soir lui-même elle-même eux-mêmes d'ailleurs néanmoins vivement fermement fortement
très vite tôt tard bientôt""")
_CLITICS_BEFORE = OBJECT_CLITICS | _words("me te nous m' t' vous")
_INV_CLITICS = INVERTED_SUBJECT_CLITICS | _words("-t-on -on")
_EUPHONIC_PIECES = frozenset(("-", "t", "t-", "-t"))  # pieces of "-t-" split by a stray space
_NEG = NEGATION_WORDS
_QUE = frozenset(("que", "qu'"))
_ALL_DETERMINERS = POSSESSIVES_3 | DEFINITE_ARTICLES | DEMONSTRATIVES | INDEFINITE_ARTICLES | _words("""du
de notre nos votre d' vos""")
# "le jour d'après", "le monde d'après": après is an adverb there, not a source preposition
_NOT_BEFORE_PREP = frozenset("""jour jours monde semaine semaines année années mois soir matin guerre temps
génération lendemain tour coup match étape page chapitre ligne phrase celui celle ceux""".split())
_REFLEXIVE_OK = frozenset(("féliciter", "dire", "exprimer"))  # plus the lexicon's "se …" terms
_MODALS = frozenset("""peut peuvent pourrait pourraient pouvait doit doivent devrait devraient faut faudrait
fallait veut veulent voudrait voudraient""".split())
# (no possessives: ", ont promis leur assistance" has an object there, not a subject)
_SUBJECT_STARTS = DEFINITE_ARTICLES | DEMONSTRATIVES | INDEFINITE_ARTICLES | _words("""m.
m mme mmes mm. plusieurs certains certaines deux trois""")
_PRENOMINAL_ADJECTIVES = _words("""autre autres même mêmes seul seule seuls seules nouvel nouveau nouvelle
nouveaux nouvelles premier première premiers premières dernier dernière derniers dernières""")
_NOUN_DETERMINERS = CONTRACTED_ARTICLES | DEMONSTRATIVES | _words("""un une ses son sa mes nos vos
quelques plusieurs""")


def line_bounds(doc: ParsedDocument, start: int, end: int) -> tuple[int, int]:
    """``(a, b)``: the start of the line holding ``start`` and the end of the line holding ``end``.

    Uses the document's newline offsets (computed once, memoised), so callers stay
    linear even on a text without line breaks.
    """
    nl = doc.cache.get("reporting.newlines")
    if nl is None:
        nl = [m.start() for m in re.finditer("\n", doc.text)]
        doc.cache["reporting.newlines"] = nl
    k = bisect.bisect_left(nl, start)
    a = nl[k - 1] + 1 if k > 0 else 0
    k2 = bisect.bisect_left(nl, end)
    b = nl[k2] if k2 < len(nl) else len(doc.text)
    return a, b


def previous_line_start(doc: ParsedDocument, offset: int, lines_back: int) -> int:
    """Start of the line ``lines_back`` non-blank lines above the one holding ``offset``."""
    line_bounds(doc, 0, 0)
    nl = doc.cache["reporting.newlines"]
    k = bisect.bisect_left(nl, offset) - 1
    text = doc.text
    seen = 0
    while k >= 0 and seen < lines_back:
        lo = nl[k - 1] + 1 if k > 0 else 0
        if text[lo:nl[k]].strip():
            seen += 1
        k -= 1
        if seen >= lines_back:
            return lo
    return 0


@dataclass(frozen=True)
class Cue:
    """A reporting cue over tokens ``[first, last)``.

    ``kind`` is ``verb``, ``noun`` or ``prep``; ``head`` the main token;
    ``form`` one of finite|ppart|inf|gerund|passive|noun|prep; ``inverted``
    is true with a subject clitic after the verb (``a-t-il déclaré``);
    ``agent`` is the index of ``par`` in a passive (``confirmé par``).
    """

    kind: str
    first: int
    last: int
    head: int
    lemma: str
    stance: str
    iquote: str
    strict: bool
    form: str
    inverted: bool = False
    agent: int | None = None
    #: the lexicon's ``strict`` value: "no", "yes", or "name" (also licensed by a
    #: named or pronoun subject right before the verb)
    strict_level: str = "no"

    def start(self, doc: ParsedDocument) -> int:
        return doc.tokens[self.first].start

    def end(self, doc: ParsedDocument) -> int:
        return doc.tokens[self.last - 1].end


def _organisation_nouns(res: Resources) -> frozenset[str]:
    """Nouns of organisations that speak (source_cues.tsv: "le gouvernement", "le syndicat"): a
    definite description of one, like one of a person, is a subject that licenses strict=name verbs."""
    return frozenset(normalise(e["term"]) for e in res.lexicon("source_cues", required=("stype",)).entries
                     if e["stype"] in ("institution", "media", "expert") and " " not in e["term"]
                     and e["term"][:1].islower())


class ReportingLexicon:
    def __init__(self, res: Resources):
        verbs = res.lexicon("reporting_verbs", required=("verb_stance",))
        # describes_self=state rows ("se sentir") name a state, not an act of saying: no cue
        self.state_verbs = frozenset(_base_verb(e["term"]) for e in verbs.entries if e.get("describes_self") == "state")
        self.verb_entries = [e for e in verbs.entries if e.get("describes_self") != "state"]
        self.verbs: dict[str, dict[str, str]] = {}
        self.multi: dict[str, list[tuple[tuple[str, ...], dict[str, str]]]] = {}
        self.participles: dict[str, str] = {}
        self.reflexive: set[str] = set(_REFLEXIVE_OK)
        self.reflexive_only: set[str] = set()
        merged = _merged_verb_entries(res, self.verb_entries)
        self.characterising = frozenset(_base_verb(e["term"]) for e in merged if _characterising(e))
        for e in merged:
            if (e.get("strict") or "no") not in _STRICT_LEVELS:
                raise LexiconError(f"{verbs.path}: {e['term']!r}: strict must be one of "
                                   f"{', '.join(_STRICT_LEVELS)}, not {e['strict']!r}")
            words = normalise(e["term"]).split()
            if words and (words[0] == "se" or words[0].startswith("s'")):
                words = words[1:] if words[0] == "se" else [words[0][2:]] + words[1:]
                self.reflexive.add(words[0])
                self.reflexive_only.add(words[0])
            lemma = words[0]
            if len(words) > 1:
                self.multi.setdefault(lemma, []).append((tuple(words[1:]), e))
            else:
                self.verbs[lemma] = e
            for pp in (e.get("participle") or "").split(","):
                pp = pp.strip()
                if pp:
                    for suf in ("", "e", "s", "es"):
                        self.participles[pp + suf] = lemma
        # nouns naming people (a definite description of one is a subject that licenses
        # strict=name verbs); singular and plural forms
        people = res.lexicon("person_nouns", required=("feminine", "class"))
        self.person_nouns = frozenset(w + suf for e in people.entries for w in (normalise(e["term"]), normalise(e["feminine"]))
                                      for suf in ("", "s"))
        self.subject_nouns = self.person_nouns | _organisation_nouns(res)
        self._read_nouns(res)
        # idioms that open with a source preposition but hedge without a source ("selon toute
        # vraisemblance", "d'après toute apparence"): the epistemic phrases of the hedges lexicon
        self.prep_idioms = frozenset(
            tuple(normalise(e["term"]).replace("'", "' ").split())
            for e in res.lexicon("hedges", required=("type",)).entries
            if e["type"] == "epistemic" and normalise(e["term"]).replace("'", "' ").split()[0]
            in {w[0] for w, _ in self.preps if w})
        self.norm_nouns = frozenset(normalise(e["term"]) for e in res.lexicon("norm_nouns").entries)  # _norm_after
        rites = res.lexicon("rite_nouns", required=("kind",)).entries  # _performs_rite
        self.rite_nouns = frozenset(normalise(e["term"]) for e in rites if e["kind"] == "noun")
        self.rite_verbs = frozenset(normalise(e["term"]) for e in rites if e["kind"] == "verb")
        # prepositions by first word, in lexicon order (speed, issue 9)
        self.preps_by_first: dict[str, list[tuple[tuple[str, ...], dict[str, str]]]] = {}
        for words, e in self.preps:
            self.preps_by_first.setdefault(words[0] if words else "", []).append((words, e))
        # memos by (form, lemma), bounded (cleared past 100,000): what a word may
        # start (find_cues) and its candidate verb lemmas (verb_lemmas)
        self.cue_plans: dict[tuple[str, str], tuple[str, str | None, bool, bool] | bool] = {}
        self._verb_lemmas_memo: dict[tuple[str, str], tuple[str, ...]] = {}


    def _read_nouns(self, res: Resources) -> None:
        """The nouns of saying of ``reporting_nouns.tsv`` by kind: source prepositions, light verbs
        and the nouns they govern, act and occasion nouns, plain nouns."""
        nouns = res.lexicon("reporting_nouns", required=("kind",))
        self.nouns: dict[str, dict[str, str]] = {}
        self.preps: list[tuple[tuple[str, ...], dict[str, str]]] = []
        # light verbs ("lancer", "dresser") and the nouns of saying that only report with one
        # ("un cri d'alarme", "un constat"): "lance un cri d'alarme" is a reporting cue
        self.light_verbs: dict[str, dict[str, str]] = {}
        self.light_preps: dict[str, str] = {}
        self.act_nouns: dict[str, dict[str, str]] = {}
        self.occasion_nouns: set[str] = set()
        self.derived_nouns: dict[str, dict[str, str]] = {}
        for e in nouns.entries:
            if e["kind"] == "prep":
                toks = tuple(normalise(e["term"]).replace("'", "' ").split())
                self.preps.append((toks, e))
            elif e["kind"] == "light":
                # (a light verb may govern its noun through a preposition: "arriver à la conclusion")
                verb, *prep = normalise(e["term"]).split()
                self.light_verbs[verb] = e
                if prep:
                    self.light_preps[verb] = prep[0]
            elif e["kind"] in ("act", "occasion"):
                self.act_nouns[normalise(e["term"])] = e
                if e["kind"] == "occasion":
                    self.occasion_nouns.add(normalise(e["term"]))
            else:
                self.nouns[normalise(e["term"])] = e

    @cached_property
    def describes_self(self) -> frozenset[str]:
        """Verbs whose reflexive takes the speaker's attribute of themself ("s'est dit très fier", "se
        sent trahi"; reporting_verbs.tsv, describes_self=yes, or state for a verb that says nothing)."""
        return self.state_verbs | frozenset(_base_verb(e["term"]) for e in self.verb_entries
                                            if e.get("describes_self") == "yes")

    @cached_property
    def object_then_de(self) -> frozenset[str]:
        """Verbs whose content is the de-complement after their object ("a accusé X de [fournir…]";
        reporting_verbs.tsv, frame=obj_de)."""
        return frozenset(_base_verb(e["term"]) for e in self.verb_entries if e.get("frame") == "obj_de")

    @cached_property
    def single_word_forms(self) -> tuple[frozenset[str], frozenset[str]]:
        """``(lemmas, forms)`` of the single-word, non-reflexive reporting verbs.

        The forms are the lexicon's participles plus the regular present, past
        participle, imperfect and simple-past forms of ``-er`` and ``-ir`` lemmas:
        what the hedge stage needs to see a reporting frame ("X, a-t-il expliqué")
        without the full cue search.
        """
        lemmas: set[str] = set()
        participles: set[str] = set()
        for e in self.verb_entries:
            term = e.get("term", "")
            if " " not in term and not term.startswith(("s'", "se ")):
                lemmas.add(term)
            for p in (e.get("participle") or "").split(","):
                if p.strip():
                    participles.add(p.strip())
        forms = set(participles)
        for lem in lemmas:
            if lem.endswith("er"):
                stem = lem[:-2]
                forms.update(stem + suf for suf in ("e", "es", "ent", "é", "ée", "és", "ées", "ant",
                                                   "ait", "aient", "a", "èrent"))
            elif lem.endswith("ir"):
                stem = lem[:-2]
                forms.update(stem + suf for suf in ("i", "ie", "is", "it", "issent", "issant", "issait"))
        return frozenset(lemmas), frozenset(forms)

    def verb_lemmas(self, t: Token) -> list[str]:
        # runs on every word of every document: memoised per (form, lemma), bounded (speed, issue 9)
        memo = self._verb_lemmas_memo
        found = memo.get((t.text, t.lemma))
        if found is None:
            if len(memo) > 100_000:
                memo.clear()
            found = memo[(t.text, t.lemma)] = tuple(self._verb_lemmas(t))
        return list(found)

    def _verb_lemmas(self, t: Token) -> list[str]:
        f = normalise(t.text)
        out = [t.lemma]
        if f in self.participles:
            out.append(self.participles[f])
        # present participles simplemma reads as adjectives or nouns ("soutenant",
        # "reconnaissant", "concluant", "répondant"): the infinitive of their conjugation
        # (every ending listed ends in -ant: other forms skip the loop)
        for suf, rep in _PRESENT_PARTICIPLES if f.endswith("ant") else ():
            if f.endswith(suf) and len(f) > len(suf) + 1:
                out.append(f[: -len(suf)] + rep)
                break
        if f.endswith(_IRREGULAR_PRESENT_ENDINGS):
            out.extend(_irregular_present(f))
        if f.endswith(("ait", "aitre")):
            # the 1990 spelling drops the circumflex of -aître verbs: "reconnait", "reconnaitre"
            out.append(f[: -3 if f.endswith("ait") else -5] + "aître")
        for suf, rep in _PARTICIPLES if f.endswith(_PARTICIPLE_ENDINGS) else ():
            if f.endswith(suf) and len(f) > len(suf) + 1:
                out.append(f[: -len(suf)] + rep)
                break
        # present and imperfect of -er verbs whose form simplemma reads as a noun
        # ("estime" → estime, "juge" → juge): the -er infinitive is a candidate too
        for suf in _ER_PRESENT_ENDINGS if f.endswith(_ER_PRESENT_ENDINGS) else ():
            if f.endswith(suf) and len(f) > len(suf) + 2:
                stem = f[: -len(suf)]
                out.append(stem + "er")
                if "è" in stem:  # "relève" → relever, "considère" → considérer
                    i = stem.rindex("è")
                    out.append(stem[:i] + "e" + stem[i + 1:] + "er")
                    out.append(stem[:i] + "é" + stem[i + 1:] + "er")
                break
        return out


# present indicative of the -tir/-mir verbs ("dément" ← démentir, "sent") and the -ettre
# verbs ("admet", "promettent"), which simplemma often reads as adjectives or nouns
_IRREGULAR_PRESENT_ENDINGS = ("tent", "ttent", "t")


def _irregular_present(f: str) -> list[str]:
    """Candidate infinitives of a present form ending in -t or -tent: "dément" → démentir,
    "démentent" → démentir, "admet" → admettre, "promettent" → promettre."""
    if len(f) < 4:
        return []
    if f.endswith("ent") and len(f) > 6:
        return [f[:-3] + "ir", f[:-3] + "re"]
    return [f + "ir", f + "tre"] if f.endswith("t") and not f.endswith(("ait", "it", "ut", "ot")) else []


# past participle ending -> infinitive ending (-er and -ir verbs), longest first
_PARTICIPLES = (("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"),
                ("ies", "ir"), ("is", "ir"), ("ie", "ir"), ("it", "ir"), ("i", "ir"))
_PARTICIPLE_ENDINGS = tuple(suf for suf, _ in _PARTICIPLES)  # one C-level test skips the loop
# present and imperfect endings of -er verbs, longest first
_ER_PRESENT_ENDINGS = ("aient", "ait", "ant", "ent", "es", "e")
# present participle ending -> infinitive ending, for the irregular conjugations (each ends in -ant)
_PRESENT_PARTICIPLES = (("enant", "enir"), ("aissant", "aître"), ("ondant", "ondre"), ("endant", "endre"),
                        ("uant", "ure"), ("ivant", "ire"), ("isant", "ire"), ("aignant", "aindre"),
                        ("eignant", "eindre"), ("ettant", "ettre"))


#: general resources after the hand-written lexicon, each adding only the verbs the files before
#: it lack (issue 16): Verb∋Net classes of communication, judgement, request and belief, then
#: verbs whose Wiktionary definition is headed by a verb of saying (tools/build_reporting_wiktionary.py)
_GENERAL_VERB_LEXICONS = ("reporting_verbs_verbenet", "reporting_verbs_wiktionary")


def _merged_verb_entries(res: Resources, entries: list[dict[str, str]]) -> list[dict[str, str]]:
    """The hand-written entries, then those of each general lexicon for verbs not yet held."""
    merged = list(entries)
    known = {_base_verb(e["term"]) for e in merged}
    for name in _GENERAL_VERB_LEXICONS:
        extra = [e for e in res.lexicon(name, required=("verb_stance",)).entries
                 if _base_verb(e["term"]) not in known]
        merged += extra
        known |= {_base_verb(e["term"]) for e in extra}
    return merged


def _characterising(e: dict[str, str]) -> bool:
    """A verb of characterising (Verb∋Net characterize-29.2, or a hand-written strict=comme verb
    taking an object): its passive with a predicative "comme" reports an unnamed source's view
    ("identifiés comme les commanditaires", "présenté comme un proche")."""
    return (e.get("class") or "").startswith("characterize-29.2") or \
        e.get("strict") == "comme" and e.get("iquote") == "obj"


def _base_verb(term: str) -> str:
    """The verb of a lexicon term without its reflexive clitic: "s'inquiéter" → "inquiéter"."""
    words = normalise(term).split()
    if words and words[0] == "se":
        words = words[1:]
    if words and words[0].startswith("s'"):
        words[0] = words[0][2:]
    return " ".join(words)


def lexicon(res: Resources) -> ReportingLexicon:
    return res.memo(("reporting", "lexicon"), lambda: ReportingLexicon(res))


# the irregular participles that are also the third person singular present: those of the -ire
# verbs ("dit", "écrit", "interdit") and of the -indre verbs ("craint", "plaint", "atteint")
_PRESENT_LIKE_PARTICIPLES = ("it", "int")


def _form_of(t: Token, lemma: str, has_aux: bool, participles: dict[str, str]) -> str:
    f = normalise(t.text)
    if f == lemma:
        return "inf"
    if f.endswith("ant") and not lemma.endswith("ant"):
        return "gerund"
    if has_aux:
        return "ppart"
    if f.endswith(("é", "ée", "és", "ées")) or (f in participles and not f.endswith(_PRESENT_LIKE_PARTICIPLES)):
        return "bare_ppart"  # "dit", "écrit", "craint" are also present tense ("il dit que", "il craint que")
    return "finite"


def find_cues(doc: ParsedDocument, res: Resources) -> list[Cue]:
    """All reporting cues of ``doc`` in document order (memoised)."""
    cached = doc.cache.get("reporting.cues")
    if cached is not None:
        return cached
    lx = lexicon(res)
    preps_by_first = lx.preps_by_first
    # What each (form, lemma) can start, decided once from the same tests as
    # below and memoised (bounded): True for a word that can start no cue at all
    # (no preposition starts with it, no reporting noun, no reporting verb: most
    # words, which skip the whole body), else its key, the reporting noun it may
    # be and whether it may be a reporting verb (speed, issue 9).
    plans = lx.cue_plans
    toks = doc.tokens
    keys = token_keys(doc)
    n = len(toks)
    cues: list[Cue] = []
    if len(plans) > 100_000:
        plans.clear()
    # the memo is read for every token (a list comprehension: on Python 3.11 it reads the
    # slot attributes faster than map(attrgetter) and zip; issue 15), and Python only
    # visits the tokens not already known to be inert
    known = [plans.get((t.text, t.lemma)) for t in toks]
    k = 0
    # (punctuation, never planned, is left out by the same C-level pass)
    for i in compress(count(), map(operator.and_, map(operator.is_not, known, repeat(True)), map(TOKEN_IS_WORD, toks))):
        if i < k:
            continue  # inside the cue found last
        k = i
        t = toks[k]
        plan = known[k]
        if plan is None:
            plan = plans[(t.text, t.lemma)] = _plan(t, lx, preps_by_first)
            if plan is True:
                continue
        kk, noun, maybe, light = plan
        # source prepositions
        matched = False
        for words, e in preps_by_first.get(kk, ()):
            m = len(words)
            # (kk is words[0]; the words after it compared as one tuple)
            if k + m < n and tuple(keys[k + 1:k + m]) == words[1:] \
                    and (toks[k + m].is_word or toks[k + m].text == "," and _possessive_phrase(words)) \
                    and not (k > 0 and keys[k - 1] in _NOT_BEFORE_PREP) \
                    and not _idiom_at(keys, k, lx.prep_idioms) \
                    and not _norm_after(keys, k + m, lx.norm_nouns):
                cues.append(Cue("prep", k, k + m, k, e["term"], e.get("verb_stance") or "neutral", "que",
                                False, "prep"))
                k += m
                matched = True
                break
        if matched:
            continue
        if noun is not None and k > 0 and keys[k - 1] in _ALL_DETERMINERS and (
                noun in lx.nouns or keys[k - 1] in POSSESSIVES_3 and noun_content_follows(doc, k + 1)):
            # a reporting noun needs a determiner ("la déclaration de X"); "a démenti" is a verb; a noun
            # derived from a reporting verb, a possessive and its content ("sa dénonciation de…")
            e = lx.nouns.get(noun) or lx.derived_nouns[noun]
            cues.append(Cue("noun", k, k + 1, k, noun, e.get("verb_stance") or "neutral", "no", True, "noun"))
            continue
        if noun is not None and noun not in lx.nouns and not maybe and not light:
            continue
        # most words are no reporting verb (``maybe`` is exactly whether _verb_cue
        # finds a lexicon entry; speed, issue 9)
        cue = _verb_cue(doc, lx, k) if maybe else None
        if cue is None and light:
            cue = _light_verb_cue(doc, lx, k)
        if cue is not None:
            cues.append(cue)
            k = max(k + 1, cue.last)
    cues = _colon_frame_cues(doc, _without_manner_gerunds(cues))
    doc.cache["reporting.cues"] = cues
    return cues


def _norm_after(keys: list[str], j: int, norms: frozenset[str]) -> bool:
    """True when the noun phrase at ``j`` (after a source preposition) is headed by a noun of a norm."""
    if j < len(keys) and keys[j] in _ALL_DETERMINERS:
        j += 1
    return j < len(keys) and keys[j] in norms


def _without_manner_gerunds(cues: list[Cue]) -> list[Cue]:
    """A gerund of a derived verb (strict=content, mostly verbs of manner of speaking) right
    after a verb cue names the manner of the same act of saying, not a second one: "a ironisé
    en criant à X : « … »" has one cue, "a ironisé". (The listed verbs keep theirs: "a réagi
    en dénonçant", "a répondu en précisant que" report twice.)"""
    return [c for i, c in enumerate(cues)
            if not (i and c.kind == "verb" and c.form == "gerund" and c.strict_level == "content"
                    and cues[i - 1].kind == "verb" and cues[i - 1].last == c.first)]


_COLON = frozenset((":",))


def _colon_frame_cues(doc: ParsedDocument, cues: list[Cue]) -> list[Cue]:
    """Verbs outside the lexicon in the frame of a quotation: a subject pronoun or a capitalised
    name, a finite verb (its reflexive or object clitic with it), a colon and an opening mark
    ("Elle se souvient : « … »", "Il poursuit : « … »"): the frame itself says someone's words
    follow (issue 16: cues by productive patterns, not by list growth). Not être or avoir."""
    toks = doc.tokens
    n = len(toks)
    heads = {c.head for c in cues}
    added: list[Cue] = []
    # Python visits only the words before a colon, from the document's key index (speed, issue 15)
    for colon in key_positions(doc, _COLON):
        k = colon - 1
        if not 2 <= k < n - 2 or toks[k + 2].text not in QUOTE_OPEN or k in heads:
            continue
        t = toks[k]
        w = key(t)
        if not (t.is_word and t.text[:1].islower() and t.lemma != w and t.lemma.endswith(("er", "ir", "re", "oir"))
                and t.lemma not in ("être", "avoir") and w not in _AUX and not w.endswith(("ant", "é", "ée"))):
            continue
        first = k
        while first > 0 and key(toks[first - 1]) in _CLITICS_BEFORE and k - first < 2:
            first -= 1
        subj = toks[first - 1] if first > 0 else None
        if subj is None or subj.sent != t.sent or not (key(subj) in SUBJECT_PRONOUNS_3 or subj.text[:1].isupper()
                                                        and subj.is_word and key(subj) not in _ALL_DETERMINERS):
            continue
        added.append(Cue("verb", first, k + 1, k, t.lemma, "neutral", "obj", False, "finite"))
    return sorted(cues + added, key=lambda c: c.first) if added else cues


def _possessive_phrase(words: tuple[str, ...]) -> bool:
    """A source phrase whose source is its possessive ("à ses yeux", "de leur point de vue")."""
    return any(w in POSSESSIVES_3 for w in words)


def _idiom_at(keys: list[str], k: int, idioms: frozenset[tuple[str, ...]]) -> bool:
    """An idiom of ``idioms`` (word tuples) starts at token ``k`` (``keys``: the document's token keys)."""
    return any(tuple(keys[k:k + len(w)]) == w for w in idioms)


def _plan(t: Token, lx: ReportingLexicon, preps_by_first: dict) -> tuple[str, str | None, bool, bool] | bool:
    """What ``find_cues`` may start at the word ``t`` (a function of its form and lemma).

    ``True`` when no cue can start there; otherwise the word's key, the
    reporting noun it may be (``None`` if none), whether it may be a
    reporting verb (a lexicon entry among its verb lemmas) and whether it may be
    a light verb before a noun of saying ("lance un cri d'alarme"). The caller
    memoises the result per (form, lemma).
    """
    # a capital "À" is often typed without its accent ("A en croire X"): the verb "a" starts
    # no declarative sentence, so a capital "A" is read as the preposition
    kk = "à" if t.text == "A" else key(t)
    noun = kk if kk in lx.nouns else (t.lemma if t.lemma in lx.nouns and not t.text[:1].isupper() else None)
    if noun is None and not t.text[:1].isupper() and _derived_noun(lx, kk):
        noun = kk
    lemmas = lx.verb_lemmas(t)
    maybe = any(c in lx.multi or c in lx.verbs for c in lemmas)
    light = any(c in lx.light_verbs for c in lemmas) and not t.text[:1].isupper()
    if kk not in preps_by_first and noun is None and not maybe and not light:
        return True
    return kk, noun, maybe, light


def _lexicon_entry(toks: list[Token], lx: ReportingLexicon, k: int) -> tuple[dict[str, str] | None, str, int]:
    """``(entry, lemma, extra words)`` of the reporting verb at token ``k`` (multi-word entries first)."""
    n = len(toks)
    for cand in lx.verb_lemmas(toks[k]):
        if cand in lx.multi:
            skip = _time_words_after(toks, k + 1) or _inverted_name_after(toks, k + 1)
            for rest, e in lx.multi[cand]:
                for gap in ((0, skip) if skip else (0,)):
                    # "a-t-on appris lundi auprès des pompiers": a day between the verb and its particle
                    if all(k + 1 + gap + j < n and key(toks[k + 1 + gap + j]) == w for j, w in enumerate(rest)):
                        return e, cand, gap + len(rest)
        if cand in lx.verbs:
            return lx.verbs[cand], cand, 0
    return None, "", 0


TIME_WORDS = WEEKDAYS | _words("hier aujourd'hui matin soir après-midi")


def _inverted_name_after(toks: list[Token], j: int) -> int:
    """How many words of a postposed named subject start at ``j`` ("a appris l'AFP de source sûre")."""
    m = 1 if j < len(toks) and key(toks[j]) in ("l'", "le", "la") else 0
    return m + 1 if j + m < len(toks) and toks[j + m].is_word and toks[j + m].text[:1].isupper() else 0


def _time_words_after(toks: list[Token], j: int) -> int:
    """How many words of a time adverbial ("lundi", "jeudi soir", "hier") start at ``j`` (at most 2)."""
    m = 0
    while m < 2 and j + m < len(toks) and key(toks[j + m]) in TIME_WORDS:
        m += 1
    return m


def _not_reporting_use(toks: list[Token], lx: ReportingLexicon, k: int, lemma: str, guessed: bool) -> bool:
    """True when the verb form at ``k`` is a noun reading or a fixed expression, not someone speaking."""
    n = len(toks)
    f = key(toks[k])
    gerund = k > 0 and key(toks[k - 1]) == "en" and f.endswith("ant")  # "en soutenant que"
    if guessed and (k > 0 and (key(toks[k - 1]) in _ALL_DETERMINERS or key(toks[k - 1]) in PREPOSITIONS)
                    and not gerund or k + 1 >= n or not toks[k + 1].is_word):
        # "le juge", "par avance", "cette nouvelle menace, …": simplemma's noun reading, not the verb
        # guessed from the ending (a finite reporting verb is followed by its complement)
        return True
    if k > 0 and key(toks[k - 1]) in _NOUN_DETERMINERS:
        return True  # "des craintes", "ses dires": a noun, not a verb
    # fixed expressions
    prev = key(toks[k - 1]) if k > 0 else ""
    prev2 = key(toks[k - 2]) if k > 1 else ""
    if prev in _PRENOMINAL_ADJECTIVES and prev2 in _ALL_DETERMINERS:
        return True  # "un autre invité", "le seul témoin": a determiner and an adjective open a noun

    if lemma == "dire" and f == "dire" and prev in ("que", "qu'", "à", "pour"):
        return True  # "que dire de…", "à dire vrai"
    if lemma == "parler" and prev in ("proprement", "autrement", "généralement"):
        return True  # "à proprement parler", "autrement parlé"
    if lemma in lx.reflexive_only and not any(key(x) in ("se", "s'") for x in toks[max(0, k - 4):k]):
        return True  # "porter plainte" is not "se plaindre"
    if lemma == "dire":
        if prev in ("vrai", "veut", "voulait", "voudrait", "voulu", "vouloir", "veulent", "ainsi") or \
                (prev2 in ("veut", "voulait", "voudrait", "vouloir") and prev in ("pas", "dire")):
            return True
        if f in ("dit", "dite", "dits", "dites") and prev in ("autrement", "soi", "le", "la", "ledit", "ladite"):
            return True
        if f in ("dit", "dite", "dits", "dites") and _nickname_apposition(toks, k):
            return True
    return lemma == "déclarer" and k + 2 < n and key(toks[k + 2]) in (
        "guerre", "cessez-le-feu", "état", "indépendance", "faillite", "forfait", "candidature")


def _nickname_apposition(toks: list[Token], k: int) -> bool:
    """"dit" between commas after a name and before a capitalised word closing the apposition
    ("Mohammed ben Salmane, dit MBS, a reçu…"): the participle "called", not "said"."""
    n = len(toks)
    if not (k > 1 and toks[k - 1].text == "," and toks[k - 2].text[:1].isupper()):
        return False
    j = k + 1
    while j < n and j - k <= 4 and toks[j].is_word and (toks[j].text[:1].isupper() or key(toks[j]) in ("de", "d'", "le", "la")):
        j += 1
    return j > k + 1 and toks[j - 1].text[:1].isupper() and (j >= n or not toks[j].is_word)


def _left_edge(toks: list[Token], k: int) -> tuple[int, bool, bool, bool, bool]:
    """``(first, has_aux, reflexive, negated, inverted)``: the cue extended left over
    auxiliaries, adverbs, negation and clitics (leading adverbs trimmed)."""
    sent = toks[k].sent
    first = k
    has_aux = reflexive = negated = inverted = False
    j = k - 1
    while j >= 0 and toks[j].sent == sent and k - j <= 6:
        w = key(toks[j])
        m = _adverbial_ending_at(toks, j)
        if m:
            j -= m  # "a pour sa part jugé", "a quant à lui déclaré" (before "lui" is read as a clitic)
            continue
        if w in _AUX:
            has_aux = True
            first = j
        elif w in _INV_CLITICS:
            inverted = True
            first = j
        elif inverted and first == j + 1 and w in _EUPHONIC_PIECES:
            first = j  # "a- t-on appris": the euphonic "t" typed apart, still the inversion
        elif w in _ADVERBS or _ment_adverb(w):
            # an adverb before a simple verb is not part of the cue, but the scan goes on for "ne"
            if w in _NEG:
                negated = True
            first = j if has_aux else first
        elif w in _CLITICS_BEFORE:
            if w in ("se", "s'"):
                reflexive = True
            first = j
        else:
            break
        j -= 1
    # the cue starts at the auxiliary or clitic chain; trim leading adverbs
    while first < k and key(toks[first]) in _ADVERBS and key(toks[first]) not in _NEG:
        first += 1
    if first < k and key(toks[first]) in ("l'", "le", "la", "les", "lui", "leur") and not has_aux:
        first = k
    return first, has_aux, reflexive, negated, inverted


def _complement_use(toks: list[Token], k: int, first: int, form: str) -> bool:
    """True for an infinitive that is a complement ("on peut penser que", "consiste à écrire")."""
    if form != "inf":
        return False
    if k > 0 and key(toks[k - 1]) in _MODALS:
        return True  # "on peut penser que", "il faut noter": the writer's own voice
    # "consiste à écrire", "en train de clamer", "impossible de démontrer": the verb
    # is a complement, no one is reported saying anything
    return first > 0 and (key(toks[first - 1]) in ("à", "sans") or (
        key(toks[first - 1]) in ("de", "d'") and first > 1 and key(toks[first - 2]) in _DE_INF_GOVERNORS)
        or _purpose_infinitive(toks, first))


#: verbs whose "à" + infinitive is an act their subject performs (aspect and insistence:
#: "a tenu à préciser que", "continue à nier", "s'est borné à rappeler que"), unlike "consiste
#: à dire", "vise à expliquer"
_PERFORMED_A_INFINITIVE = frozenset("""tenir continuer persister obstiner acharner commencer recommencer
mettre borner limiter attacher employer évertuer""".split())


def _performed_infinitive(lx: ReportingLexicon, toks: list[Token], first: int, form: str) -> bool:
    """The infinitive at ``first`` follows "à" after a verb of aspect or insistence: its
    subject says what the infinitive says ("Le ministre a tenu à préciser que…")."""
    if form != "inf" or first < 2 or key(toks[first - 1]) != "à":
        return False
    return any(c in _PERFORMED_A_INFINITIVE for c in lx.verb_lemmas(toks[first - 2]))


def _purpose_infinitive(toks: list[Token], first: int) -> bool:
    """An infinitive in a purpose adjunct that opens its clause ("Pour dénoncer la réforme, les
    syndicats…", "afin d'expliquer…"): an aim, not an act of saying reported as done."""
    p = key(toks[first - 1])
    if p in ("de", "d'") and first > 1 and key(toks[first - 2]) == "afin":
        return True
    if p != "pour":
        return False
    before = toks[first - 2] if first > 1 else None
    return before is None or before.sent != toks[first].sent or before.text in (",", ";", ":", "(", "-", "—")


def _passive_agent(doc: ParsedDocument, k: int, lemma: str, form: str, last: int,
                   passive_reading: bool, characterising: bool = False) -> tuple[int | None, str, int] | None:
    """``(agent, form, last)`` of the verb at ``k``; ``None`` for a passive or adjectival
    participle without its agent ("par X"), which reports no one."""
    toks = doc.tokens
    n = len(toks)
    t = toks[k]
    parsed_par = _parsed_agent(doc, t)  # None without a parse
    if parsed_par is not None and parsed_par != last:
        # "a été reconnu jeudi par le Kremlin": the parse links a distant agent
        return parsed_par, "passive", last
    if not (form in ("bare_ppart",) or passive_reading):
        return None, form, last
    # passive or adjectival participle: a cue only with its agent "par X"
    if last < n and key(toks[last]) == "par" and not _par_adverbial(toks, last):
        return last, "passive", last + 1
    if (far := _agent_after_complement(doc, last)) is not None or \
            (far := _agent_after_predicate(doc.tokens, last)) is not None:
        # "un scrutin qualifié de « mensonge » par l'opposition"
        return far, "passive", far + 1
    if form == "bare_ppart" and (_followed_by_que_at(doc, last, t.sent)
                                 or object_then_infinitive(doc, last, need_object=True) is not None):
        # a participle whose auxiliary came earlier ("a salué … et estimé que…", "ont,
        # comme Angela Merkel, appelé Moscou à établir la vérité"): active, not passive
        return None, "ppart", last
    if characterising and _predicative_comme(toks, last):
        # "ont été identifiés comme les commanditaires": a view whose holder is unnamed, unless
        # the agent closes the predicate ("désigné comme un membre du réseau par la police")
        return _agent_after_comme(toks, last), "passive", last
    if lemma in _AGENTLESS_PASSIVES and last < n and key(toks[last]) in ("de", "d'"):
        # "Il est accusé d'avoir soustrait…", "les Etats-Unis, accusés d'hypocrisie":
        # an accusation by unnamed accusers (no agent: the source stays unknown)
        return None, "passive", last
    return None


_DEGREE_ADVERBS = frozenset("très si trop assez peu plus moins aussi tellement fort".split())


def _performs_rite(toks: list[Token], lx: ReportingLexicon, first: int, last: int, form: str) -> bool:
    """A rite noun (rite_nouns.tsv) is the verb's passive subject, just before it ("une messe [qui]
    sera célébrée par"), or its object, after a determiner and at most one adjective ("a célébré
    la messe", "fêter son anniversaire")."""
    sent = toks[first].sent
    if form == "passive":
        # the word before, or the one before that across a relative or an adjective ("une messe
        # solennelle sera célébrée"), not across a determiner ("après la fête le champion a été…")
        before = [j for j in (first - 1, first - 2) if j >= 0 and toks[j].sent == sent and toks[j].is_word]
        if len(before) == 2 and key(toks[before[0]]) in _RITE_DETERMINERS:
            before = before[:1]
        return any(key(toks[j]) in lx.rite_nouns for j in before)
    after = [key(t) for t in toks[last:last + 3] if t.sent == sent]
    return bool(after) and after[0] in _RITE_DETERMINERS and any(w in lx.rite_nouns for w in after[1:])


# what opens the object of a verb performing a rite ("la messe", "son anniversaire", "une cérémonie")
_RITE_DETERMINERS = DEFINITE_ARTICLES | INDEFINITE_ARTICLES | DEMONSTRATIVES | POSSESSIVES_3 | _words("""du
des leur leurs notre nos""")


def _aux_before(toks: list[Token], k: int) -> bool:
    """An auxiliary right before token ``k``, adverbs skipped ("a très vite démenti")."""
    j = k - 1
    while j >= 0 and k - j <= 4 and (key(toks[j]) in _ADVERBS or _ment_adverb(key(toks[j]))):
        j -= 1
    return j >= 0 and key(toks[j]) in _AUX


def _par_adverbial(toks: list[Token], j: int) -> bool:
    """"par" at ``j`` opens an adverbial, not an agent: "confirmé par la suite", "par ailleurs"."""
    nxt = tuple(map(key, toks[j + 1:j + 3]))
    return any(nxt[:len(a)] == a for a in _PAR_ADVERBIALS)


_PAR_ADVERBIALS = tuple(tuple(a.split()) for a in ("la suite", "ailleurs", "exemple", "conséquent", "contre",
                                                      "hasard", "erreur", "avance", "écrit", "endroits",
                                                      "moments", "principe", "défaut", "précaution"))


def _verb_cue(doc: ParsedDocument, lx: ReportingLexicon, k: int) -> Cue | None:
    toks = doc.tokens
    n = len(toks)
    t = toks[k]
    if t.text[:1].isupper() and k > 0 and toks[k - 1].sent == t.sent:
        return None  # a capitalised word mid-sentence is a name, not a verb
    entry, lemma, extra = _lexicon_entry(toks, lx, k)
    if entry is None:
        return None
    f = key(t)
    if f in _AUX or f in ("est-à-dire",):
        return None
    # (an irregular participle right after its auxiliary is the verb: "avait écrit « … »")
    guessed = lemma != t.lemma and not f.endswith(("é", "ée", "és", "ées")) \
        and not (f in lx.participles and _aux_before(toks, k))
    if _not_reporting_use(toks, lx, k, lemma, guessed):
        return None
    first, has_aux, reflexive, negated, inverted = _left_edge(toks, k)
    last = k + 1 + extra
    if last < n and key(toks[last]) in _INV_CLITICS:
        inverted = True
        last += 1
    negated = negated or any(key(x) in ("ne", "n'") for x in toks[first:k]) \
        or last < n and key(toks[last]) in ("pas", "jamais") or (k > 0 and key(toks[k - 1]) == "ni")
    if negated and lemma not in _SAID_WHEN_NEGATED:
        return None
    if negated:
        # "ses médecins n'excluent pas qu'il…": the negation is part of the cue
        while last < n and key(toks[last]) in ("pas", "plus", "jamais") and last - k <= 2:
            last += 1
        while first > 0 and key(toks[first - 1]) in ("ne", "n'") and toks[first - 1].sent == t.sent:
            first -= 1
    if reflexive and lemma not in lx.reflexive and not (
            lemma in lx.characterising and _predicative_comme(toks, last)):
        # (a characterising verb's reflexive is its object: "se présente comme étant un candidat")
        return None  # "s'ajoute au traité", "se rappeler", "s'explique par"
    form = _form_of(t, lemma, has_aux, lx.participles)
    if _complement_use(toks, k, first, form) and not _performed_infinitive(lx, toks, first, form):
        return None
    if form == "gerund" and k > 0 and key(toks[k - 1]) in _DEGREE_ADVERBS:
        return None  # "s'est montré très confiant": an adjective, not "confier"
    # (a compound passive, "a été confirmée par", "ont été démenties", is passive too: été is in _ETRE)
    etre_aux = any(key(x) in _ETRE for x in toks[first:k])
    found = _passive_agent(doc, k, lemma, form, last, etre_aux and not reflexive and form == "ppart",
                           lemma in lx.characterising)
    if found is None:
        return None
    agent, form, last = found
    if agent is not None and _urging(entry) and not _request_content_after(doc, agent):
        return None  # "a été invité par le préfet à la cérémonie": hospitality, no request reported
    if lemma in lx.rite_verbs and _performs_rite(toks, lx, first, last, form):
        return None  # "une messe y sera célébrée par l'archevêque": performing a rite, no evaluation
    strict_level = entry.get("strict") or "no"
    strict = strict_level != "no"
    cue = Cue("verb", first, last, k, lemma, entry.get("verb_stance") or "neutral",
              entry.get("iquote") or "que", strict, form, inverted, agent, strict_level)
    # (a form read as a noun by simplemma needs more than a quotation nearby:
    # "lance l'opération « un tuba pour intuber »")
    if form == "passive" and (agent is None or agent > last) and lemma in lx.characterising:
        return cue  # "identifiés comme les commanditaires" (_passive_agent saw the "comme")
    if strict_level == "comme":
        # a verb that characterises only with "X comme Y": "présentait les tracts comme des
        # instruments de « guerre psychologique »", "la vivent comme une remise en cause"
        return cue if _comme_frame(doc, cue) or comme_after_agent(doc, cue) else None
    if strict and not _licensed(doc, cue, quote_nearby=not guessed, person_nouns=lx.subject_nouns) \
            and (strict_level == "content" or not _comme_frame(doc, cue)):
        return None
    return cue


# what may stand between a light verb and its noun of saying: a determiner, then at most one
# adjective ("lance un vibrant appel", "dresse un sévère constat")
_LIGHT_DETERMINERS = DEFINITE_ARTICLES | INDEFINITE_ARTICLES | DEMONSTRATIVES | POSSESSIVES_3 | _words("""du
de d' mon ma mes notre nos votre vos""")
_CONTRACTIONS = {"à": ("au", "aux"), "de": ("du", "des")}  # a preposition fused with its article
_FUSED_ARTICLES = frozenset(("au", "aux"))
_TRADE_COMPLEMENTS = frozenset("offres fonds candidatures projets".split())
# deverbal noun endings and the verb ending they come from: "avertissement" → avertir,
# "accusation" → accuser, "constat" → constater, "alerte" → alerter (zero derivation)
_DEVERBAL = (("issement", "ir"), ("ement", "er"), ("ation", "er"), ("e", "er"), ("", "er"))


#: what a noun (or its plural in -s, -x) ends with when one of the suffixed derivations of _DEVERBAL[:3] can
#: apply (each of their suffixes ends in -ement or -ation)
_SUFFIXED_ENDINGS = tuple(e + plural for e in ("ement", "ation") for plural in ("", "s", "x"))
assert all(suffix.endswith(("ement", "ation")) for suffix, _ in _DEVERBAL[:3])


def _derived_noun(lx: ReportingLexicon, w: str) -> bool:
    """``w`` is a noun derived by suffix from a reporting verb of content ("dénonciation" ←
    dénoncer, "avertissement" ← avertir); its entry is kept in ``lx.derived_nouns``."""
    if w in lx.derived_nouns:
        return True
    if not w.endswith(_SUFFIXED_ENDINGS):
        return False  # (one C-level test: no suffixed derivation can match; speed, issue 15)
    e = _deverbal_entry(lx, w, _DEVERBAL[:3])  # (the suffixed derivations, not zero derivation)
    if e is not None:
        lx.derived_nouns[w] = e
    return e is not None


def _deverbal_entry(lx: ReportingLexicon, w: str, derivations=_DEVERBAL) -> dict[str, str] | None:
    """The entry of the reporting verb of content that noun ``w`` (or its singular) derives from."""
    for w2 in (w, w[:-1] if w.endswith(("s", "x")) else w):
        for suffix, verb_end in derivations:
            if w2.endswith(suffix) and len(w2) - len(suffix) >= 3:
                e = lx.verbs.get(w2[:len(w2) - len(suffix)] + verb_end)
                # (not the verbs derived from Wiktionary, strict=content: "hurlements" ← hurler
                # would make "pousse des hurlements" a report)
                if e is not None and e.get("iquote") != "no" and e.get("strict") != "content":
                    return e
    return None


def noun_content_follows(doc: ParsedDocument, j: int) -> bool:
    """A noun of saying's content follows at ``j``: de + infinitive or a que-clause."""
    toks = doc.tokens
    return j < len(toks) and (key(toks[j]) in _QUE or key(toks[j]) in ("de", "d'")
                              and infinitive_after(doc, j + 1) is not None)


def saying_noun(lx: ReportingLexicon, w: str) -> dict[str, str] | None:
    """The entry of a noun of saying, judging, warning or asking: a reporting or act noun
    of the lexicon, or a noun derived from a reporting verb ("avertissement" ← avertir)."""
    return lx.act_nouns.get(w) or lx.nouns.get(w) or _deverbal_entry(lx, w)


def _light_verb_cue(doc: ParsedDocument, lx: ReportingLexicon, k: int) -> Cue | None:
    """A light verb with a noun of saying as its object: "lance un cri d'alarme", "a dressé
    un constat", "émettent des critiques" (a productive pattern, not a list of phrases)."""
    toks = doc.tokens
    n = len(toks)
    j = k + 1
    prep = next((lx.light_preps[c] for c in lx.verb_lemmas(toks[k]) if c in lx.light_preps), None)
    if prep is not None:
        if j >= n or key(toks[j]) not in (prep, *_CONTRACTIONS.get(prep, ())):
            return None  # "arrive à la conclusion que", "parvenu au constat que"
        # ("au constat": the fused form stands for the determiner too)
        j += key(toks[j]) == prep
    determiners = _LIGHT_DETERMINERS if prep is None else _LIGHT_DETERMINERS | _FUSED_ARTICLES
    if j >= n or key(toks[j]) not in determiners:
        return None  # a determiner is needed: "faire appel à" is no report
    noun_at = None
    for m in (j + 1, j + 2):
        if m < n and toks[m].is_word and toks[m].sent == toks[k].sent and saying_noun(lx, key(toks[m])):
            noun_at = m
            break
        if m >= n or not toks[m].is_word or key(toks[m]) in _LIGHT_DETERMINERS:
            break
    if noun_at is None:
        return None
    light = next(c for c in lx.verb_lemmas(toks[k]) if c in lx.light_verbs)
    if light == "avoir" and (k == 0 or key(toks[k - 1]) in ("y", "n'y")):
        return None  # "il y a des réserves": existential, no one holds a view
    noun = saying_noun(lx, key(toks[noun_at]))
    first, has_aux, reflexive, negated, inverted = _left_edge(toks, k)
    if negated or reflexive:
        return None
    last = noun_at + 1
    if last + 1 < n and key(toks[last]) in ("d'", "de") and toks[last + 1].is_word \
            and key(toks[last + 1]) not in _LIGHT_DETERMINERS and not is_infinitive(toks[last + 1]):
        if key(toks[last + 1]) in _TRADE_COMPLEMENTS:
            return None  # "un appel d'offres", "un appel de fonds": a call for bids, not words
        last += 2  # "cri d'alarme", "appel au calme" is left out (a preposition + article)
    if key(toks[noun_at]) in lx.occasion_nouns and not _statement_follows(toks, last):
        return None  # "a prononcé un discours devant les députés": an event, no content reported
    form = _form_of(toks[k], light, has_aux, lx.participles)
    if form in ("bare_ppart", "inf") and not has_aux:
        return None  # "le constat dressé", "pour lancer un appel": no one reporting here
    return Cue("verb", first, last, k, f"{light} {key(toks[noun_at])}", noun.get("verb_stance") or "neutral",
               "que", False, form, inverted)


def _in_clause(toks: list[Token], anchor: int, first: int, test) -> bool:
    """``test(k)`` holds for a token ``k`` from ``first`` on, within 12 tokens of ``anchor`` and
    before its clause ends (its sentence, or ". ; ? !")."""
    for k in range(first, min(len(toks), anchor + 12)):
        if toks[k].sent != toks[anchor].sent or toks[k].text in (".", ";", "?", "!"):
            return False
        if test(k):
            return True
    return False


def _statement_follows(toks: list[Token], j: int) -> bool:
    """A quotation, a colon or a que-clause follows in the clause from ``j``."""
    return _in_clause(toks, j, j, lambda k: toks[k].text in QUOTE_OPEN or toks[k].text == ":" or key(toks[k]) in _QUE)


# Multi-word adverbials that sit between an auxiliary and its participle or after a
# reporting verb ("a pour sa part jugé", "a par ailleurs qualifié", "rapporte lundi
# soir l'agence"), as word tuples.
_ADVERBIALS = tuple(tuple(normalise(p).split()) for p in (
    "pour sa part", "pour leur part", "pour ma part", "pour notre part", "par ailleurs", "en retour",
    "en effet", "de son côté", "de leur côté", "de nouveau", "à nouveau", "à son tour", "à leur tour",
    "à mon tour", "une nouvelle fois", "une fois de plus", "pour la première fois",
    "ce week-end", "cette semaine", "ce jour", "la semaine dernière", "le mois dernier", "lui aussi",
    "elle aussi", "eux aussi", "quant à lui", "quant à elle", "sans détour", "sans ambages", "à plusieurs reprises",
    "dans un communiqué", "dans un entretien", "dans une interview", "dans une déclaration",
    "aujourd'hui", "en outre", "de surcroît", "elle-même", "lui-même", "eux-mêmes", "en substance",
    "en somme", "en résumé", "en conclusion", "à demi-mot", "à mots couverts",
    # (the tokenizer splits the elided "d'": "d'abord" is two tokens)
    "qui plus est", "d' abord", "tout d' abord", "d' ailleurs", "par la suite", "plus tard", "peu après", "dans la foulée"))
# indexed by last and by first word, longest first (keys are normalised like ``key``)
_ADVERBIALS_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
_ADVERBIALS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _a in sorted(_ADVERBIALS, key=len, reverse=True):
    _ADVERBIALS_BY_LAST.setdefault(_a[-1], []).append(_a)
    _ADVERBIALS_BY_FIRST.setdefault(_a[0], []).append(_a)


def _adverbial_ending_at(toks: list[Token], j: int) -> int:
    """Length in tokens of a multi-word adverbial ending at token ``j`` (0 if none)."""
    for words in _ADVERBIALS_BY_LAST.get(key(toks[j]), ()):
        m = len(words)
        if j - m + 1 >= 0 and tuple(map(key, toks[j - m + 1:j + 1])) == words:
            return m
    return 0


#: prepositions of an addressee or a medium between an inserted verb and its subject
#: (", a dit à l'AFP le directeur", ", a déclaré sur France Inter le ministre")
ADDRESSEE_PREPOSITIONS = _words("à au aux sur dans devant auprès lors via par en")
#: lower-case words of an addressee or circumstance phrase: three alone, five when a subject follows
#: ("lors d'une réunion publique Jean Dupont")
ADDRESSEE_WORDS_BARE = 3
ADDRESSEE_WORDS = 5


def question_after_addressee(toks: list[Token], j: int) -> int | None:
    """Index of the word opening an indirect question after the person asked or told at ``j``
    ("a demandé [au député du Nord] pourquoi…", "a expliqué aux élèves comment…"), if any."""
    n = len(toks)
    if j >= n or key(toks[j]) not in ("à", "au", "aux"):
        return None
    for k in range(j + 1, min(n, j + 9)):
        t = toks[k]
        if t.sent != toks[j].sent or not t.is_word:
            return None
        if k > j + 1 and key(t) in _INTERROGATIVES:
            return k
        if key(t) in _QUE or key(t) in ("qui", "dont", "et", "ou", "mais"):
            return None
    return None


def addressee_length(toks: list[Token], j: int, subject_starts: frozenset[str]) -> int:
    """Length in tokens of "PREP [article] OBJECT" at ``j`` in an inserted clause, 0 if none.

    The object is a name (its capitalised words: "sur France Inter") or one to three lower-case
    words ("à la presse", "à des journalistes"). A name followed by another capitalised name takes
    one word only: in ", a dit à l'AFP Jean Dupont" the subject is "Jean Dupont".
    """
    n = len(toks)
    if j >= n or key(toks[j]) not in ADDRESSEE_PREPOSITIONS:
        return 0
    k = j + 1
    if k < n and key(toks[k]) in ("de", "d'"):
        k += 1  # "auprès de", "lors de", "lors d'une conférence de presse"
    if key(toks[j]) == "par" and k < n and not (toks[k].is_word and toks[k].text[:1].islower()
                                                 and key(toks[k]) not in subject_starts):
        return 0  # "par téléphone", "par écrit"; "par le ministre" is an agent, not a means
    if k < n and key(toks[k]) in _OBJECT_DETERMINERS:
        k += 1
    if k >= n or not toks[k].is_word or toks[k].sent != toks[j].sent:
        return 0
    if toks[k].text[:1].isupper():
        end = k + 1
        while end < n and toks[end].is_word and toks[end].text[:1].isupper() and toks[end].sent == toks[j].sent:
            end += 1
        return (end if end < n and key(toks[end]) in subject_starts else k + 1) - j
    end = k
    while end < n and end - k < ADDRESSEE_WORDS and toks[end].is_word and not toks[end].text[:1].isupper() \
            and key(toks[end]) not in subject_starts and not (end > k and key(toks[end]) in ADDRESSEE_PREPOSITIONS):
        if key(toks[end]) in ("de", "d'", "du", "des") and not (
                end + 1 < n and toks[end + 1].is_word and toks[end + 1].text[:1].islower()
                and key(toks[end + 1]) not in subject_starts):
            return 0  # "dans la déclaration de Rio": a noun and a named complement, no addressee
        end += 1  # (a lower-case complement is part of it: "lors d'une conférence de presse")
    if end + 1 < n and toks[end].is_word and toks[end].text[:1].isupper() and key(toks[end + 1]) in subject_starts:
        end += 1  # "sur son fil Facebook la préfecture": the name completes the phrase, the subject follows
    return end - j if end - k <= ADDRESSEE_WORDS_BARE or end < n and (
        toks[end].text[:1].isupper() or key(toks[end]) in subject_starts or key(toks[end]) in ADDRESSEE_PREPOSITIONS) else 0


def adverbial_length(toks: list[Token], j: int) -> int:
    """Length in tokens of an adverbial at token ``j`` (0 if none): one adverb ("lundi",
    "clairement", "très clairement") or a multi-word one ("d'abord", "quant à lui")."""
    if key(toks[j]) in _DEGREE_ADVERBS and j + 1 < len(toks) and _ment_adverb(key(toks[j + 1])):
        return 2
    return _adverbial_starting_at(toks, j)


#: the determiner of an addressee's noun phrase ("à l'AFP", "à des journalistes", "sur son compte")
_OBJECT_DETERMINERS = DEFINITE_ARTICLES | INDEFINITE_ARTICLES | POSSESSIVES_3


def _adverbial_starting_at(toks: list[Token], j: int) -> int:
    """Length in tokens of an adverbial (one word of _ADVERBS, or a multi-word one) at token ``j``."""
    w = key(toks[j])
    for words in _ADVERBIALS_BY_FIRST.get(w, ()):
        m = len(words)
        if tuple(map(key, toks[j:j + m])) == words:
            return m
    return 1 if (w in _ADVERBS or _ment_adverb(w)) and w not in _NEG else 0


def _ment_adverb(w: str) -> bool:
    """An adverb derived in -ment ("effectivement", "longuement"; not "gouvernement", "moment")."""
    return len(w) > 8 and w.endswith(("ement", "amment", "emment")) and w[-6:-4] not in ("ne", "se", "ie", "re") \
        or w.endswith(("ivement", "alement", "iquement", "èrement", "ellement", "ément"))

def _agent_after_complement(doc: ParsedDocument, j: int) -> int | None:
    """Index of ``par`` after a short "de …" complement at ``j`` ("qualifié de « mensonge » par")."""
    toks = doc.tokens
    n = len(toks)
    if j >= n or key(toks[j]) not in ("de", "d'"):
        return None
    for k in range(j + 1, min(n, j + 7)):
        w = key(toks[k])
        if w == "par":
            return k if k + 1 < n and toks[k + 1].is_word else None
        if w in (",", ".", ";", ":", "que", "qu'", "qui", "et") or toks[k].sent != toks[j].sent:
            return None
    return None


def _urging(e: dict[str, str]) -> bool:
    """A verb of urging or begging (Verb∋Net urge-58.1, beg-58.2: inviter, exhorter, supplier)."""
    return (e.get("class") or "").startswith(("urge-58.1", "beg-58.2"))


def _request_content_after(doc: ParsedDocument, j: int) -> bool:
    """What is asked follows within the clause after ``j``: "à" or "de" and an infinitive
    ("invités par le maire à quitter les lieux"), or a que-clause."""
    toks = doc.tokens
    return _in_clause(toks, j, j + 1, lambda k: key(toks[k]) in _QUE
                      or key(toks[k]) in ("à", "de", "d'") and infinitive_after(doc, k + 1) is not None)


def _agent_after_predicate(toks: list[Token], j: int) -> int | None:
    """Index of ``par`` after a short predicative adjective at ``j`` ("un raté jugé inadmissible
    par le syndicat", "rendu public mardi par…" is the agent's judgement): one to three lower-case
    words, no determiner (a determiner opens an object: "a qualifié le plan proposé par")."""
    n = len(toks)
    if j < n and key(toks[j]) == "comme":
        j += 1  # "désignée comme responsable par l'enquête"
    for k in range(j, min(n, j + 4)):
        w = key(toks[k])
        if w == "par" and k > j:
            return k if k + 1 < n and toks[k + 1].is_word and not _par_adverbial(toks, k) else None
        if not toks[k].is_word or toks[k].text[:1].isupper() or w in _ALL_DETERMINERS or w in PREPOSITIONS \
                or w in _COMME_STOPS or w in _AUX or toks[k].sent != toks[j].sent:
            return None
    return None


def _agent_after_comme(toks: list[Token], j: int) -> int | None:
    """Index of ``par`` closing a short predicative "comme …" at ``j`` ("désigné comme un membre
    du réseau par des responsables"): no punctuation, clause word or verb before it."""
    n = len(toks)
    for k in range(j + 1, min(n, j + 10)):
        w = key(toks[k])
        if w == "par":
            return k if k + 1 < n and toks[k + 1].is_word and not _par_adverbial(toks, k) else None
        if not toks[k].is_word or w in _COMME_STOPS or w in _AUX or toks[k].sent != toks[j].sent:
            return None
    return None


def comme_after_agent(doc: ParsedDocument, cue: Cue) -> bool:
    """A passive whose agent is followed by its predicative "comme" ("désigné par des responsables
    turcs comme un membre du réseau"): the agent characterises the subject."""
    toks = doc.tokens
    if cue.agent is None:
        return False
    for k in range(cue.agent + 1, min(len(toks), cue.agent + 10)):
        if key(toks[k]) == "comme":
            return _predicative_comme(toks, k)
        if not toks[k].is_word or key(toks[k]) in _COMME_STOPS or toks[k].sent != toks[cue.agent].sent:
            return False
    return False


def _followed_by_que_at(doc: ParsedDocument, j: int, sent: int) -> bool:
    toks = doc.tokens
    return j < len(toks) and toks[j].sent == sent and key(toks[j]) in _QUE


def _parsed_agent(doc: ParsedDocument, verb: Token) -> int | None:
    """Index of ``par`` introducing the ``obl:agent`` of ``verb``, when the input has a parse."""
    if not syntax.has_parse(doc):
        return None
    agent = syntax.agent_of(doc, verb)
    if agent is None:
        return None
    for c in syntax.children(doc, agent, "case"):
        if key(c) == "par" and c.i > verb.i:
            return c.i
    return None


def dative_clitic(toks: list[Token], cue: Cue, third_person: bool = False) -> bool:
    """A clitic indirect object of the verb: inside the cue ("m'a dit", "leur a demandé") or right
    before a simple tense the cue does not span ("Marie lui demande de partir"; there not "nous",
    "vous", which may be the subject). ``third_person``: only "lui", "leur", a third party addressed,
    not the writer or the reader ("vous propose de découvrir" asks the reader nothing)."""
    inside, before = (_THIRD_PERSON_DATIVES,) * 2 if third_person else (_OBJECT_CLITICS_DATIVE, _DATIVE_NOT_SUBJECT)
    return any(key(t) in inside for t in toks[cue.first:cue.head]) or \
        cue.first > 0 and key(toks[cue.first - 1]) in before


def _licensed(doc: ParsedDocument, cue: Cue, quote_nearby: bool = True,
              person_nouns: frozenset[str] = frozenset()) -> bool:
    """A strict verb needs a que-clause, a quotation, a colon or an inserted-clause position.

    Also an indirect question ("lui demandait quel était…", "se demande si…"), and, for
    ``strict=name`` verbs, a definite person description as subject ("le candidat a regretté").
    """
    toks = doc.tokens
    n = len(toks)
    if cue.last < n and key(toks[cue.last]) in _INTERROGATIVES and toks[cue.last].sent == toks[cue.head].sent:
        return True
    if question_after_addressee(toks, cue.last) is not None:
        return True  # "a demandé au député [pourquoi] il refusait…"
    if not cue.inverted and any(key(toks[j]) in _QUE and key(toks[j - 1]) == "ce"
                                for j in range(max(1, cue.first - 3), cue.first)):
        return False  # "a réaffirmé ce qu'elle écrivait": the verb's object is the relative "ce que"
    if cue.inverted or cue.agent is not None and cue.strict_level != "content":
        # (strict=content, the derived verbs of reporting_verbs_wiktionary.tsv: their passive
        # with "par" is mostly another sense, "convoqué par", "validé par")
        return True
    if cue.first > 0:
        p = toks[cue.first - 1]
        if p.text in (",",) or p.text in QUOTE_CLOSE or key(p) == "comme" or \
                (key(p) in ("le", "l'") and cue.first > 1 and key(toks[cue.first - 2]) == "comme"):
            # inserted clause: ", a-t-il ajouté", "» a déclaré X", "comme le rapporte X"
            if p.text != "," or _inverted_subject(doc, cue, person_nouns):
                return True
    if _followed_by_que(doc, cue):
        return True
    if cue.lemma in ("traiter", "qualifier") and _object_then_de_word(doc, cue.last):
        return True  # "On traite les juges de nazis", "qui le qualifient à leur tour de fou"
    if cue.lemma == "citer" and cue.form == "gerund" and cue.last < n and \
            (toks[cue.last].text[:1].isupper() or key(toks[cue.last]) in _SUBJECT_STARTS):
        return True  # "rapporte Yonhap en citant l'état-major": the cited source follows
    if cue.lemma not in INTENTION_VERBS:
        if cue.iquote in ("que", "no") and infinitive_after(doc, cue.last) is not None:
            return True  # "les médecins disent avoir trouvé", "pensaient avoir été recrutés"
        # "soupçonnent Pyongyang de chercher", "la soupçonnent de chercher", "a menacé de
        # renforcer", "appelant ses partisans à se mobiliser"; a que-verb needs the object
        # ("a demandé à Moscou d'enquêter", not "ont demandé à être rapatriés")
        # (a clitic object before the verb is its object: "maman m'a dit de la ramener")
        # (also right before a simple tense the cue does not span: "Marie lui demande de partir";
        # not "nous", "vous", which may be the subject there)
        clitic_object = dative_clitic(toks, cue)
        if object_then_infinitive(doc, cue.last, need_object=cue.iquote == "que" and not clitic_object) is not None:
            return True
    # (an object verb reports its object: "le ministre a parlé." reports nothing)
    if cue.strict_level == "name" and cue.form != "inf" \
            and (cue.iquote != "obj" or _has_complement(toks, cue.last)) \
            and (_named_subject(doc, cue) or _person_subject(doc, cue, person_nouns)
                 or _gerund_of_named_subject(doc, cue) or _fronted_participle(doc, cue, person_nouns)) \
            and not _inside_reported_content(doc, cue):
        return True  # "Moscou a rejeté toute responsabilité", "le Kremlin a jugé prématurées…"
    for j in range(cue.last, min(n, cue.last + 9)):
        w = toks[j]
        if w.sent != toks[cue.head].sent:
            break
        if (w.text in QUOTE_OPEN and (quote_nearby or j == cue.last)) or w.text == ":":
            return True
        if j == cue.last and w.text in _SINGLE_MARKS and j > 0 and w.start > toks[j - 1].end:
            return True  # a single quotation mark right after the verb: "a dit 'il y a eu un accident'"
        if w.text in (".", ";", "?", "!"):
            break
    return False


def _comme_frame(doc: ParsedDocument, cue: Cue) -> bool:
    """The verb takes an object and a predicative "comme" complement: "a présenté [les tracts]
    comme des instruments", "la vivent comme une remise en cause" (not "comme il l'a dit")."""
    toks = doc.tokens
    n = len(toks)
    if cue.form in ("inf", "passive"):
        return False
    j = cue.last
    while j < n and (m := _adverbial_starting_at(toks, j)) and j - cue.last < 4:
        j += m
    # (a clitic object right before a simple verb is left out of the cue: "la vivent")
    clitic = any(key(t) in ("le", "la", "les", "l'", "se", "s'") for t in toks[max(0, cue.first - 1):cue.head])
    if not clitic:
        if j >= n or key(toks[j]) not in _OBJECT_STARTS:
            return False
        k = j + 1
        while k < n and k - j <= 6 and toks[k].is_word and key(toks[k]) not in _COMME_STOPS:
            k += 1
        j = k
    if j + 1 >= n or key(toks[j]) != "comme" or toks[j].sent != toks[cue.head].sent:
        return False
    after = toks[j + 1]
    return (after.text in QUOTE_OPEN or after.is_word and key(after) not in SUBJECT_PRONOUNS_3
            and key(after) not in _COMME_CLAUSE_WORDS)


_OBJECT_STARTS = DEFINITE_ARTICLES | DEMONSTRATIVES | INDEFINITE_ARTICLES | POSSESSIVES_3 | _words("""ce
tout toute tous toutes""")
_COMME_STOPS = frozenset("comme que qu' qui dont et ou mais".split())
_COMME_CLAUSE_WORDS = frozenset("""je j' tu on nous vous cela ça ce c' le la les l' lui leur si prévu
convenu annoncé d'habitude souvent toujours""".split())


def _predicative_comme(toks: list[Token], j: int) -> bool:
    """A predicative "comme" at ``j`` (adverbials skipped) before a noun phrase or an adjective,
    "comme étant" too: "identifiés comme les commanditaires" (not a clause: "comme il l'a dit")."""
    n = len(toks)
    start = j
    while j < n and (m := _adverbial_starting_at(toks, j)) and j - start < 4:
        j += m
    if j + 1 >= n or key(toks[j]) != "comme" or toks[j + 1].sent != toks[j].sent:
        return False
    after = toks[j + 1]
    if key(after) in DEFINITE_ARTICLES and j + 2 < n and toks[j + 2].is_word:
        # an article after a participle ("comme les commanditaires"), not a clitic before a
        # verb ("comme l'a dit X", "comme le rapporte X")
        return key(toks[j + 2]) not in _AUX and not toks[j + 2].text[:1].isupper() \
            and not _verb_reading(toks[j + 2])
    return after.text in QUOTE_OPEN or after.is_word and key(after) not in SUBJECT_PRONOUNS_3 \
        and key(after) not in _COMME_CLAUSE_WORDS


def _verb_reading(t: Token) -> bool:
    """The word reads as a finite verb (lemma ending -er/-ir/-re, the form another, and not a
    noun's plural in -s): "rapporte", "a", not "commanditaires", "père"."""
    f = normalise(t.text)
    return t.lemma.endswith(("er", "ir", "re")) and f != t.lemma and not f.endswith(("s", "x"))


def _has_complement(toks: list[Token], j: int) -> bool:
    """A word follows at ``j`` (adverbials skipped): "le ministre a parlé." reports nothing said."""
    start = j
    while j < len(toks) and (m := _adverbial_starting_at(toks, j)) and j - start < 4:
        j += m
    return j < len(toks) and toks[j].is_word


def _inside_reported_content(doc: ParsedDocument, cue: Cue) -> bool:
    """The verb sits in content already attributed in its sentence: after a que-clause
    opener or a source preposition ("a déclaré qu'il doutait de…", "Selon les médias, Kim et
    Shoigu ont réaffirmé leur engagement"): one act of attribution, whose cue is the first."""
    toks = doc.tokens
    sent_first = doc.sentences[toks[cue.head].sent].first
    lo = max(sent_first, cue.first - _MAX_CLAUSE_BACK)
    return any(key(toks[j]) in SOURCE_PREPOSITIONS or key(toks[j]) in _QUE and _completive_que(toks, j)
               for j in range(lo, cue.first))


def _completive_que(toks: list[Token], j: int) -> bool:
    """"que" after a verb ("a déclaré qu'il"), not a conjunction ("depuis que") nor a relative
    after a comma or a noun phrase ("Navalny, que Washington estime")."""
    p = toks[j - 1] if j > 0 else None
    return p is not None and p.is_word and p.text[:1].islower() and key(p) not in _CONJUNCTION_BEFORE_QUE \
        and key(p) not in _ALL_DETERMINERS


_MAX_CLAUSE_BACK = 40


def infinitive_after(doc: ParsedDocument, j: int) -> int | None:
    """Index of an infinitive complement starting at token ``j`` (after adverbs, "ne pas", a clitic).

    "disent [avoir trouvé]", "a indiqué [ne pas exclure]", "martèle [organiser]".
    """
    toks = doc.tokens
    n = len(toks)
    start = j
    while j < n and (m := _adverbial_starting_at(toks, j)) and j - start < 4:
        j += m
    a = j
    if j + 1 < n and key(toks[j]) in ("ne", "n'") and key(toks[j + 1]) in ("pas", "plus", "jamais", "rien"):
        j += 2
    while j < n and key(toks[j]) in ("se", "s'", "y", "en", "le", "la", "les", "l'", "lui", "leur") and j - a < 3:
        j += 1
    if j < n and is_infinitive(toks[j]):
        return a
    return None


# Verbs whose infinitive complement is an intention or a wish, not reported content ("espérant
# servir", "réclame d'être entendu"). Promising and asking someone to act are speech acts: "en
# promettant de revenir", "lui demande de l'aider" report what was said (a request's bare "à" +
# infinitive, "ont demandé à être rapatriés", still needs an object, as every que-verb's).
INTENTION_VERBS = frozenset("espérer souhaiter réclamer".split())


def object_then_infinitive(doc: ParsedDocument, j: int, need_object: bool = False) -> int | None:
    """Index of "de"/"à" + infinitive after an optional short object at token ``j``.

    "soupçonnent Pyongyang [de] chercher", "a menacé [de] renforcer", "appelant ses
    partisans [à] se mobiliser", "a pressé la Russie [d']enquêter".
    """
    toks = doc.tokens
    n = len(toks)
    sent = toks[j].sent if j < n else -1
    for k in range(j, min(n, j + 7)):
        t = toks[k]
        if t.sent != sent or not t.is_word and t.text not in ("'", "’"):
            return None
        w = key(t)
        # (a que-verb's object is followed by "de": "a demandé à Moscou d'enquêter", while
        # "ont réaffirmé leur engagement à maintenir" holds a noun's complement)
        if (w in ("de", "d'") or w == "à" and not need_object) and (k > j or not need_object) \
                and infinitive_after(doc, k + 1) is not None:
            return k
        if k == j and need_object and w in ("à", "au", "aux"):
            continue  # the object may be indirect: "a demandé aux parents [de] garder…"
        if k > j + 1 and key(toks[j]) in ("à", "au", "aux") and w in _ALL_DETERMINERS:
            return None  # a direct object after it: "expliquer à tous [les raisons] d'être…"
        if w in _QUE or w in ("qui", "dont", "et", "ou", "mais", "de", "d'", "du", "des", "à", "au", "aux"):
            return None  # the object is a direct one: "doutait de la volonté de X de…" is not
    return None


def _object_then_de_word(doc: ParsedDocument, j: int) -> bool:
    """An optional short object, then "de"/"d'" and a word: "traite [les juges] de nazis"."""
    toks = doc.tokens
    n = len(toks)
    start = j
    while j < n and (m := _adverbial_starting_at(toks, j)) and j - start < 4:
        j += m  # "qui le qualifient [à leur tour] de fou"
    if j < n and key(toks[j]) not in ("de", "d'") and key(toks[j]) not in _SUBJECT_STARTS \
            and key(toks[j]) not in ("ses", "son", "sa", "leurs", "leur", "nos", "vos", "mes"):
        return False  # the object must open with a determiner ("pour traiter et prendre soin de…")
    for k in range(j, min(n, j + 6)):
        t = toks[k]
        if not t.is_word or key(t) in ("et", "ou", "qui", "que", "qu'"):
            return False
        if key(t) in ("de", "d'") and k + 1 < n and toks[k + 1].is_word:
            return True
    return False


def _named_subject(doc: ParsedDocument, cue: Cue) -> bool:
    """The word before the cue ends a name or is a subject pronoun ("Moscou a rejeté", "Il a qualifié")."""
    toks = doc.tokens
    j = cue.first - 1
    if j < 0:
        return False
    p = toks[j]
    if p.sent != toks[cue.head].sent or not p.is_word and p.text != ",":
        return False
    w = key(p)
    if w in ("il", "elle", "ils", "elles"):
        return True
    if p.text == "," and not _inverted_subject(doc, cue):
        return _named_before_apposition(doc, j)
    if w == "qui" and j > 0:
        j -= 1  # "KCNA qui mentionne aussi…": the antecedent
        p = toks[j]
        w = key(p)
    sent_first = doc.sentences[p.sent].first
    return p.text[:1].isupper() and (j > sent_first or w not in _SENTENCE_START_WORDS)


def _gerund_of_named_subject(doc: ParsedDocument, cue: Cue) -> bool:
    """"en" + present participle in a sentence opened by a name ("La compagnie Delta a publié un
    communiqué en condamnant la réaction"): the participle's subject is the sentence's."""
    toks = doc.tokens
    if cue.form != "gerund" or key(toks[cue.first]) != "en":
        return False
    sent_first = doc.sentences[toks[cue.head].sent].first
    words = [t for t in toks[sent_first:cue.first] if t.is_word][:4]
    return any(t.text[:1].isupper() and key(t) not in _SENTENCE_START_WORDS for t in words)


def _fronted_participle(doc: ParsedDocument, cue: Cue, person_nouns: frozenset[str]) -> bool:
    """A present participle of belief or fear opening its sentence whose clause, after the comma,
    has a person subject ("Craignant de nouvelles dégradations, le maire…"): the participle's
    subject is that person. (Not the verbs with content, whose object would run into the main
    clause: "Saluant le vice-premier ministre, la reine a dit" greets.)"""
    toks = doc.tokens
    sent_first = doc.sentences[toks[cue.head].sent].first
    if cue.form != "gerund" or cue.first != sent_first or cue.iquote != "no":
        return False
    comma = next((j for j in range(cue.last, min(len(toks), cue.last + 16))
                  if toks[j].text in (",", ".", ";", ":") or toks[j].sent != toks[cue.head].sent), None)
    if comma is None or toks[comma].text != "," or comma + 2 >= len(toks):
        return False
    subj, nxt = toks[comma + 1], toks[comma + 2]
    w = key(subj)
    if w in ("il", "elle", "ils", "elles") or subj.text[:1].isupper() and w not in _SENTENCE_START_WORDS:
        return True
    head = key(toks[comma + 3]) if key(nxt) in _PRE_ROLE_ADJECTIVES and comma + 3 < len(toks) else key(nxt)
    return w in ("le", "la", "l'", "les") and (head in person_nouns or nxt.text[:1].isupper())


def _named_before_apposition(doc: ParsedDocument, comma: int) -> bool:
    """``comma`` closes an apposition whose anchor or content is a name: "Edouard Philippe,
    Premier ministre, a répondu", "la secrétaire d'Etat, Marlène Schiappa, a répondu"."""
    toks = doc.tokens
    sent_first = doc.sentences[toks[comma].sent].first
    k = comma - 1
    while k > sent_first and comma - k < _APPOSITION_TOKENS and toks[k].text != ",":
        if not toks[k].is_word and toks[k].text not in ("'", "’", "-"):
            return False
        k -= 1
    if k <= sent_first or toks[k].text != "," or k + 1 >= comma:
        return False
    inside, anchor = toks[k + 1], toks[k - 1]
    return (inside.text[:1].isupper() and toks[comma - 1].text[:1].isupper()
            or anchor.text[:1].isupper() and anchor.is_word and k - 1 > sent_first)


_APPOSITION_TOKENS = 12


def _person_subject(doc: ParsedDocument, cue: Cue, person_nouns: frozenset[str]) -> bool:
    """The clause before the cue opens with a definite person description ("le candidat à la primaire a …")."""
    toks = doc.tokens
    sent_first = doc.sentences[toks[cue.head].sent].first
    a = cue.first - 1
    while a > sent_first and a > cue.first - 12 and toks[a - 1].text not in (",", ";", ":"):
        a -= 1
    words = [key(t) for t in toks[a:cue.first] if t.is_word]
    if len(words) < 2 or words[0] not in ("le", "la", "l'", "les"):
        return False
    head = words[2] if len(words) > 2 and words[1] in _PRE_ROLE_ADJECTIVES else words[1]
    return head in person_nouns or head.removeprefix("ex-") in person_nouns


_PRE_ROLE_ADJECTIVES = ROLE_TIME_ADJECTIVES | _words("ancien ancienne jeune")
_OBJECT_CLITICS_DATIVE = frozenset("m' me t' te lui leur nous vous".split())
_DATIVE_NOT_SUBJECT = frozenset("m' me t' te lui leur".split())
_THIRD_PERSON_DATIVES = frozenset(("lui", "leur"))
_POSSESSIVE_DETERMINERS = POSSESSIVES_3 | _words("mon ma mes notre nos votre vos")
_SINGLE_MARKS = frozenset("'‘")
_INTERROGATIVES = frozenset("si s' quel quelle quels quelles comment pourquoi combien".split())
_SENTENCE_START_WORDS = DEFINITE_ARTICLES | SUBJECT_PRONOUNS_3 | INDEFINITE_ARTICLES | _words("""ce
cette ces on nous vous mais et""")


def _followed_by_que(doc: ParsedDocument, cue: Cue, window: int = 8) -> int | None:
    """Index of the ``que`` opening the reported clause, within a few tokens."""
    toks = doc.tokens
    n = len(toks)
    start = cue.last
    while start < n and toks[start].sent == toks[cue.head].sent and (m := adverbial_length(toks, start)):
        start += m  # "a indiqué plus tard à la chaîne … que"
    if start < n and key(toks[start]) in ("à", "au", "aux"):
        window += 6  # "a rétorqué à la porte-parole de la France insoumise que …"
    for j in range(cue.last, min(n, start + window)):
        w = toks[j]
        if w.sent != toks[cue.head].sent:
            return None
        kw = key(w)
        if kw in _QUE:
            if j > cue.last and key(toks[j - 1]) in _CONJUNCTION_BEFORE_QUE:
                return None  # "a dénoncé une tentative alors que…": a conjunction, not a complement
            return j
        if kw == "qu" and j + 1 < n and toks[j + 1].text in ("'", "’"):
            return j + 1  # "qu’ «…»": the elision is split off before a space
        if w.text == "," and j + 2 < n and toks[j + 2].text == "," and \
                (key(toks[j + 1]) in _ADVERBS or _ment_adverb(key(toks[j + 1]))):
            continue  # "s'étonne, notamment, que…": an adverb between commas
        if j > cue.last and w.text == "," and toks[j - 2].text == "," and \
                (key(toks[j - 1]) in _ADVERBS or _ment_adverb(key(toks[j - 1]))):
            continue
        if w.text in (".", ";", ":", "?", "!", "«", "“", "»", "”", '"', ","):
            return None
        if kw in ("qui", "dont", "où", "lorsque", "quand", "si", "car", "mais"):
            return None
    return None


def skip_circumstances(toks: list[Token], j: int, subject_starts: frozenset[str]) -> int:
    """Index after the adverbials and the addressee or circumstance phrases at ``j`` that stand
    between an inserted verb and its postposed subject (", rapporte lundi l'agence", ", a ajouté
    jeudi soir le ministre", ", a dit à l'AFP X", ", a dit lors d'une réunion publique X")."""
    n = len(toks)
    while j < n and (m := _adverbial_starting_at(toks, j) or addressee_length(toks, j, subject_starts)):
        j += m
    return j


def _inverted_subject(doc: ParsedDocument, cue: Cue, person_nouns: frozenset[str] = frozenset()) -> bool:
    """``, a ajouté X.`` — a short noun phrase after the verb, then a clause end."""
    toks = doc.tokens
    n = len(toks)
    j = skip_circumstances(toks, cue.last, _SUBJECT_STARTS)
    if j >= n:
        return False
    first = toks[j]
    # (a possessive opens a subject when a noun for people follows: ", ont indiqué ses avocats";
    # ", ont promis leur assistance" has an object there)
    people = key(first) in _POSSESSIVE_DETERMINERS and j + 1 < n and key(toks[j + 1]) in person_nouns
    if not (first.text[:1].isupper() or key(first) in _SUBJECT_STARTS or people):
        return False
    for i in range(j, min(n, j + 20)):
        if toks[i].text in (".", ",", ";", "!", "?", "»", "”", '"', "«", "“") or toks[i].sent != first.sent:
            return True
    return False


def followed_by_que(doc: ParsedDocument, cue: Cue, window: int = 8) -> int | None:
    return _followed_by_que(doc, cue, window)
