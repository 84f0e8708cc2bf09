"""Who is speaking: person and organisation names, short mentions, source noun phrases.

Everything here works offline on the builtin tokens (forms, lemmas, offsets):

* a *name* is a run of capitalised word tokens that is not a capitalised
  function word; it is a *person* when it starts with a known first name
  (``lexicons/first_names.tsv``), with an East Asian family name written first
  (Kim Jong Un), or follows a title or role word (``M.``, ``le porte-parole``);
* a person's later *short mentions* (``Singh``, ``M. Zelensky``, ``Kim``) are
  linked to the nearest full name written before them (else the first after);
* a person's *roles* (words around the full name: ``l'analyste militaire
  Ruslan Leviev``, ``Valery Gerasimov, chef d'état-major``) are recorded, so
  that ``explique l'analyste militaire`` resolves to that person and an
  analyst is an ``expert`` source;
* :func:`describe_source` turns a source noun phrase (token range) into a
  canonical name, a source type and the mention's offsets.

The results are memoised per document in ``doc.cache`` (derived views only).
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count

from ..document import ParsedDocument, Token
from ..grammar import (CONTRACTED_ARTICLES, DEFINITE_ARTICLES, collective_head, DEMONSTRATIVES, DEMONSTRATIVE_PRONOUNS,
                       DEMONSTRATIVE_PRONOUNS_SG,
                       INDEFINITE_ARTICLES, MONTHS, NUMBER_WORDS, PERSON_PRONOUNS_PL, PROPORTION_NOUNS, PERSON_PRONOUNS_SG, POSSESSIVES,
                       POSSESSIVES_3, SUBJECT_PRONOUNS_3, WEEKDAYS, AVOIR_FORMS, ETRE_FORMS, FINITE_AUXILIARIES, ROLE_TIME_ADJECTIVES, fold_accents,
                       token_keys, words as _words)
from ..lexicons import normalise
from ..resources import Resources

#: Capitalised words that never start a name (sentence-initial function words, months...).
FUNCTION_WORDS = (POSSESSIVES | MONTHS | WEEKDAYS | DEFINITE_ARTICLES | CONTRACTED_ARTICLES | DEMONSTRATIVES
                  | SUBJECT_PRONOUNS_3 | DEMONSTRATIVE_PRONOUNS | _words("""un
une de ça mais et ou où donc or ni car si lorsque quand comme alors ainsi aussi puis enfin pourtant
toutefois cependant néanmoins on nous vous je tu me se te lui eux moi toi y en ne que qui quoi dont
lequel laquelle selon pour par dans sur sous avec sans entre vers chez contre depuis pendant avant après
malgré lors dès jusque à effet voilà voici bon bref oui non merci tout toute tous toutes chaque plusieurs
certains certaines aucun aucune autre autres même quelque quelques plus moins très bien peu beaucoup trop
déjà encore toujours jamais ici là hier aujourd'hui demain désormais cela ceci est sont a ont été était
étaient sera seront fait faut peut doit d'après entre-temps ensuite surtout c' d' j' jusqu' m' n' qu' s'"""))

#: Capitalised at the start of a sentence, never the first word of a name (measured on UD
#: French dev: the most frequent sentence-initial false names); kept apart from
#: FUNCTION_WORDS, which also decides what an empty source phrase is.
_NEVER_NAME_START = frozenset("""
pourquoi comment combien quant quel quelle quels quelles lequel celui-ci celle-ci ceux-ci celles-ci
au-delà contrairement conformément outre parmi environ également notamment peut-être vraiment
simultanément historiquement finalement actuellement seul seule seuls seules voir lire rappelons quelqu'
m. mm. dr. pr. mgr. me. st.
""".split())  # titles with their dot are one token in CoNLL-U input ("M. Ping" → Ping)

#: words that may follow a subject name: auxiliaries, clitics, negation ("X a dit", "X n'a pas", "X s'est")
_SUBJECT_VERB_STARTS = frozenset("a ont avait est était sera ne n' s' se l' le la les lui y en".split())
_NO_CONTINUE = DEFINITE_ARTICLES | CONTRACTED_ARTICLES | _words("""de
et à en selon pour par dans sur d' mais""")
_ANAPHORS = DEMONSTRATIVE_PRONOUNS
_PRE_ADJ = ROLE_TIME_ADJECTIVES | _words("ancien ancienne ex haut haute premier première grand grande vice")
_PRONOUNS_SG = PERSON_PRONOUNS_SG
_PRONOUNS_PL = PERSON_PRONOUNS_PL
#: "ce dernier", "cette dernière", "ces derniers", "ces dernières": the latter
_LATTER = frozenset(("dernier", "dernière", "derniers", "dernières"))
_LATTER_PRONOUNS = {"celui-ci": "dernier", "celle-ci": "dernière", "ceux-ci": "derniers", "celles-ci": "dernières"}
_PERSON_PARTICLES = frozenset(("de", "du", "d'", "von", "van", "der", "den", "al", "bin", "ben", "ibn", "da", "di", "le", "la"))
_DETERMINERS = DEFINITE_ARTICLES | _words("""l’""")
#: the determiners before the common noun of an eponym ("la loi X", "du procès X")
_EPONYM_DETERMINERS = _DETERMINERS | {"du", "des", "au", "aux"}
_JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|ed|as|es|ash|ach|az|ar|an|at|ul)-[A-ZÀ-Ý]\w")
# unions used for every source phrase, built once (speed, issue 9)
_PRONOUNS = _PRONOUNS_SG | _PRONOUNS_PL
_PRONOUN_OR_ANAPHOR = _PRONOUNS | _ANAPHORS
_ROLE_DETERMINERS = _DETERMINERS | {"ce", "cet", "cette", "notre", "son", "sa"}
_INDEFINITE = INDEFINITE_ARTICLES | _words("""plusieurs
certains certaines nombreux nombreuses quelques d'autres divers diverses aucun aucune quelqu' quelqu'un
quelqu'une""")  # (the indefinite pronoun names someone unnamed: "quelqu'un a crié")
_LEADING_PREPS = frozenset(("aux", "au", "auprès", "si", "s'", "quand", "lorsque", "lorsqu'", "puisque", "puisqu'", "tandis", "avec", "de", "d'", "pour", "par", "à", "dans", "sur", "chez", "selon", "et",
                            "mais", "or", "donc", "car", "puis", "ainsi", "alors", "aussi", "même", "tandis",
                            "ensuite", "enfin", "pourtant", "toutefois", "cependant", "néanmoins", "comme"))


#: a nickname given to someone: "surnommé(e) « X »", "que l'on surnomme « X »", "dit(e) « X »"
_NICKNAME = re.compile(r"\b(?:surnomm\w*|dite?|appel(?:é|ée|ent|le))\s+[«\"“]\s*([^»\"”\n]{2,40}?)\s*[»\"”]")


@lru_cache(maxsize=200_000)
def word_key(s: str) -> str:
    # cached (bounded): it runs on most tokens of every document and forms repeat (speed, issue 9)
    return normalise(s).strip()


@dataclass
class Person:
    """A person named in full somewhere in the document."""

    name: str
    start: int
    end: int
    roles: set[str] = field(default_factory=set)
    stype: str = "person"


@dataclass(frozen=True)
class NameMention:
    """A capitalised run ``tokens[first:last]``; ``person`` is set when it names a person."""

    first: int
    last: int
    start: int
    end: int
    text: str
    person: Person | None


@dataclass(frozen=True)
class Source:
    """A described source: canonical name, source type, mention offsets and kind."""

    name: str
    stype: str
    start: int | None
    end: int | None
    kind: str = "np"  # np | person | pronoun | role
    #: how the source was found (``speaker_method``; see :mod:`framing.extract.entities`)
    method: str = ""

    @property
    def speaker(self) -> str:
        return "anonymous" if self.stype == "anonymous" else self.name

    def span(self) -> list[int] | None:
        return [self.start, self.end] if self.start is not None else None


class Lexica:
    """The name-related lexicons, compiled once per :class:`Resources`."""

    def __init__(self, res: Resources):
        names = res.lexicon("first_names")
        self.first = {word_key(e["term"]) for e in names.entries if e.get("kind") == "first"}
        self.surname_first = {word_key(e["term"]) for e in names.entries if e.get("kind") == "surname_first"}
        self.surnames = {word_key(e["term"]) for e in names.entries if e.get("kind") == "surname"}
        # given names of a general resource (nam_dict, by country and sex): their usual gender too
        self.first_gender: dict[str, str] = {}
        for e in res.lexicon("first_names_namdict").entries:
            k = word_key(e["term"])
            if k not in self.surnames and k not in self.surname_first:
                self.first.add(k)
                if e.get("gender"):
                    self.first_gender[k] = e["gender"]
        roles = res.lexicon("titles_roles")
        self.titles = {word_key(e["term"]) for e in roles.entries if e.get("kind") == "title"}
        self.role_words: dict[str, str] = {}
        #: titles kept in the name of a person known by a given name alone ("pape X"; given_name=yes)
        self.name_titles = {word_key(e["term"]) for e in roles.entries if e.get("given_name") == "yes"}
        for e in roles.entries:
            if e.get("kind") == "role":
                self.role_words[word_key(e["term"].split()[0])] = e.get("stype") or "person"
        # nouns naming people by function ("l'humoriste X", "X, animatrice de …"): a capitalised
        # run beside one is a person (lexicons/person_nouns.tsv, singular and plural forms)
        self.person_nouns: set[str] = set()
        # relational nouns naming a private person through another ("le père de Léo", "l'avocat de
        # X", "un voisin de Y"): whoever they name is not the complement's referent. Not the roles of a
        # spokesperson or an official, who may speak for the one named ("le porte-parole de X").
        self.relatives: set[str] = set()
        for e in res.lexicon("person_nouns", required=("feminine", "class")).entries:
            for w in (word_key(e["term"]), word_key(e["feminine"])):
                self.person_nouns |= {w, w + "s", w + "x"}
                if e.get("relation") == "yes" and e["class"] not in ("official", "politician"):
                    self.relatives |= {w, w + "s", w + "x"}
        cues = res.lexicon("source_cues")
        self.cues: list[tuple[tuple[str, ...], str]] = [(_split_keys(e["term"]), e["stype"]) for e in cues.entries]
        self.cue_words = {t[0] for t, _ in self.cues}
        # outlets by name and alias ("Le Parisien", "BFM TV"), as token keys, and the capitalised
        # media names of the cue lexicon ("BBC", "Reuters"): a phrase naming one is that outlet
        self.outlets: set[tuple[str, ...]] = {_split_keys(a) for e in res.lexicon("outlets").entries
                                              for a in (e.get("aliases") or e["term"]).split("|") if a.strip()}
        self.outlets |= {_split_keys(e["term"]) for e in cues.entries
                         if e["stype"] == "media" and e["term"][:1].isupper()}
        # the outlets by first key: a phrase is compared only with those its word can open (speed, issue 15)
        self.outlets_by_first: dict[str, list[tuple[str, ...]]] = {}
        for o in self.outlets:
            if o:
                self.outlets_by_first.setdefault(o[0], []).append(o)
        self.outlet_first = set(self.outlets_by_first)
        # nouns naming documents ("rapport", "enquête"): typed by their author, not by themselves
        self.document_words = {word_key(e["term"]) for e in res.lexicon("document_nouns").entries}
        # nouns of what may be named after someone ("le centre Paul Arnaud", "la rue Louise Mercier"):
        # role_classes.tsv, applies=eponym or organisation; never a noun naming people
        self.eponym_nouns = {word_key(e["term"]) for e in res.lexicon("role_classes").entries
                             if e.get("applies") in ("eponym", "organisation") and " " not in e["term"]} \
            - self.person_nouns
        # country names ("le grand rabbin de France X": a place closing an office, not part of the name)
        self.countries = {word_key(e["term"].lstrip("=")) for e in res.lexicon("countries").entries
                          if e.get("kind") == "country"}
        # the cues by first word (None for an empty cue), in file order (speed, issue 9)
        self.cues_by_first: dict[str | None, list[tuple[tuple[str, ...], str]]] = {}
        for toks, stype in self.cues:
            self.cues_by_first.setdefault(toks[0] if toks else None, []).append((toks, stype))


def _split_keys(term: str) -> tuple[str, ...]:
    """A lexicon term as the token keys of document text ("l'AFP" -> ("l'", "afp"))."""
    return tuple(word_key(w) for w in term.replace("'", "' ").replace("’", "' ").split())


def lexica(res: Resources) -> Lexica:
    return res.memo(("speakers", "lexica"), lambda: Lexica(res))


_FIRST_CHAR = operator.itemgetter(slice(0, 1))


def _is_cap(t: Token) -> bool:
    c = t.text[:1]
    if not (t.is_word and c.isupper() and len(t.text) > 1 and not t.text.isdigit()):
        return False
    k = word_key(t.text)
    return k not in FUNCTION_WORDS and k not in _NEVER_NAME_START


def _tokkey(t: Token) -> str:
    return word_key(t.text)


def word_keys(doc: ParsedDocument) -> list[str]:
    """:func:`word_key` of every token of ``doc``, by token index (a per-document memo): the name rules
    read ``keys[i]`` instead of calling :func:`_tokkey` per token (speed, issue 15). ``word_key`` is
    ``normalise`` then ``strip``: a C-level ``strip`` over the document's shared token keys. Shared: a
    caller must not change it."""
    return doc.memo("speakers.word_keys", lambda: list(map(str.strip, token_keys(doc))))


#: tokens of a function fronted before a name ("Gardien du musée, X Y")
_FRONTED_FUNCTION_TOKENS = 8


class NameIndex:
    """Capitalised runs of a document, persons and their short mentions."""

    def __init__(self, doc: ParsedDocument, lx: Lexica):
        self.doc = doc
        self.lx = lx
        self.mentions: list[NameMention] = []
        self.by_token: dict[int, NameMention] = {}
        self.persons: list[Person] = []
        self._short: dict[str, list[Person]] = {}
        self._given: dict[str, list[Person]] = {}
        #: first tokens of the runs naming a place or body after someone ("centre [Paul Arnaud]")
        self.eponym_starts: set[int] = set()
        self._build()

    # ------------------------------------------------------------------
    def _runs(self) -> list[tuple[int, int]]:
        toks = self.doc.tokens
        wk = word_keys(self.doc)
        out = []
        n = len(toks)
        j = 0
        # the cheap half of _is_cap first, at C speed: Python visits only the tokens
        # starting with a capital letter (speed, issue 9)
        for k in compress(count(), map(str.isupper, map(_FIRST_CHAR, self.doc.forms()))):
            if k < j:
                continue  # inside the run found last
            t0 = toks[k]
            if not t0.is_word or not _is_cap(t0):
                continue
            j = k + 1
            while j < n:
                t = toks[j]
                if t.sent != toks[k].sent:
                    break
                if (_is_cap(t) or (t.is_word and t.text[:1].isupper() and len(t.text) > 1
                                   and word_key(t.text) not in _NO_CONTINUE)) and t.start - toks[j - 1].end <= 1:
                    j += 1
                    continue
                # particles inside a person name: "Charles de Gaulle", "Ursula von der Leyen"
                if (wk[j] in _PERSON_PARTICLES and j + 1 < n and _is_cap(toks[j + 1])
                        and word_key(toks[k].text) in self.lx.first):
                    j += 2
                    continue
                # an Arabic article joined to a surname by a hyphen ("Karim al-Nadi", "Samir el-Amin")
                if _JOINED_PARTICLE.match(t.text) and t.start - toks[j - 1].end <= 1:
                    j += 1
                    continue
                break
            out.append((k, j))
        return out

    def _build(self) -> None:
        toks = self.doc.tokens
        text = self.doc.text
        lx = self.lx
        pending: list[tuple[int, int]] = []
        by_name: dict[str, Person] = {}
        wk = word_keys(self.doc)
        for first, last in self._runs():
            run_first = first
            first = self._name_start(first, last)
            head = wk[first]
            n = last - first
            prev = toks[first - 1] if first > 0 else None
            prev_key = wk[first - 1] if prev is not None else ""
            if n == 1 and head in self._short:
                # the surname of a person named in full before ("M. X, retraité, …" after "Anne Marie X")
                # is that person, however it is introduced this time: linked in the second pass
                pending.append((first, last))
                continue
            is_person = False
            if n >= 2 and (head in lx.first or head in lx.surname_first or head.split("-")[0] in lx.first):
                is_person = True
            elif self._apposed_person(first, last):
                is_person = True  # "Leif-Eric Easley, professeur à l'université…", "Zineb, étudiante en…"
            elif 2 <= n <= 3 and (prev is None or prev.sent != toks[first].sent) and last < len(toks) \
                    and self._opens_like_a_person(first, last):
                is_person = True  # "Raquel Garrido persiste et signe.": a two-word name opening a sentence
            elif n == 1 and (head in lx.first or head.split("-")[0] in lx.first) and head not in lx.surnames \
                    and (prev is None or prev_key not in _DETERMINERS):
                is_person = True  # a first name alone ("Antoine", "Marie-Pierre") names a person
            elif n == 1 and self._described_next(first, last):
                is_person = True  # "… avec Pasiphae. Cette jeune fille de 20 ans étudie…"
            elif n >= 2 and n <= 3 and prev is not None and (prev_key in lx.role_words or prev_key in lx.titles
                                                             or prev_key in lx.person_nouns
                                                             or self._role_before(first)
                                                             or self._office_place(first - 1)):
                is_person = not any(self._cue_at(i) for i in range(first, last))
            if is_person and self._named_after_someone(run_first, first, last):
                self._add_eponym(run_first, last)  # "le centre Paul Arnaud": no person of the document
                continue
            if is_person:
                name = text[toks[first].start:toks[last - 1].end]
                if n == 1 and prev_key in lx.name_titles and head in lx.first:
                    name = f"{prev.text} {name}"  # "le pape X": known by a given name, the title is in the name
                p = by_name.get(name)
                if p is None:
                    p = Person(name, toks[first].start, toks[last - 1].end)
                    by_name[name] = p
                    self.persons.append(p)
                p.roles |= self._roles_around(first, last)
                if any(lx.role_words.get(r) == "expert" for r in p.roles):
                    p.stype = "expert"
                if head not in lx.first and n >= 2:
                    # a name's first word that is no known first name ("Raoni Metuktire" → "Raoni")
                    self._given.setdefault(head, []).append(p)
                key_tok = toks[first] if head in lx.surname_first else toks[last - 1]
                self._short.setdefault(_tokkey(key_tok), []).append(p)
                if head in lx.surname_first:
                    self._short.setdefault(_tokkey(toks[last - 1]), []).append(p)
                m = NameMention(first, last, toks[first].start, toks[last - 1].end, name, p)
            else:
                pending.append((first, last))
                continue
            self.mentions.append(m)
        self._link_short_mentions(pending)
        self._merge_given_names()
        self.mentions.sort(key=lambda m: m.first)
        for m in self.mentions:
            for i in range(m.first, m.last):
                self.by_token[i] = m

    def _name_start(self, first: int, last: int) -> int:
        """Where the name of the capitalised run ``[first, last)`` starts: past leading role words
        written with a capital ("Président X"), a participle opening the sentence ("Prénommée
        Julie, elle …"), a country completing an office ("le grand rabbin de France X Y"), and
        organisation words before a first name ("la Défense X Y")."""
        toks, lx = self.doc.tokens, self.lx
        while last - first > 1 and _tokkey(toks[first]) in lx.role_words:
            first += 1
        if last - first > 1 and self._participle_before_name(first):
            first += 1
        if last - first > 2 and self._office_place(first):
            first += 1
        for j in range(first + 1, last - 1):
            if _tokkey(toks[j]) in lx.first and _tokkey(toks[first]) not in lx.first \
                    and _tokkey(toks[first]) not in lx.surname_first:
                return j
        return first

    def _office_place(self, k: int) -> bool:
        """Token ``k`` is a country completing the office noun before it ("le maire de France", "le
        rabbin de France"), followed by a name of its own."""
        toks = self.doc.tokens
        return k >= 2 and _tokkey(toks[k]) in self.lx.countries and _tokkey(toks[k - 1]) in ("de", "d'", "du") \
            and (_tokkey(toks[k - 2]) in self.lx.person_nouns or _tokkey(toks[k - 2]) in self.lx.role_words)

    def _participle_before_name(self, k: int) -> bool:
        """A capitalised past participle opening a sentence before a first name ("Prénommée Julie,
        elle …"): the lemmatiser reads it as an inflected verb or adjective in -é, and it is no
        first name itself (Aimée, René)."""
        toks = self.doc.tokens
        t, w = toks[k], _tokkey(toks[k])
        return (k == 0 or toks[k - 1].sent != t.sent) and w.endswith(("é", "ée", "és", "ées")) \
            and t.lemma != w and w not in self.lx.first and _tokkey(toks[k + 1]) in self.lx.first

    def _nicknames(self) -> dict[str, Person]:
        """Nicknames given in the text ("Celle que l'on surnomme « Mamie Rock »", "dit « le Chinois »"):
        folded nickname -> the person named in full last before it (the one being described)."""
        toks = self.doc.tokens
        # persons named in full at the opening of a sentence: the ones a text goes on describing
        openers = [m for m in self.mentions if m.person is not None and " " in m.person.name
                   and (m.first == 0 or toks[m.first - 1].sent != toks[m.first].sent)]
        out: dict[str, Person] = {}
        for found in _NICKNAME.finditer(self.doc.text):
            before = [m for m in openers if m.start < found.start()]
            if before:
                out[fold_accents(" ".join(found.group(1).split()))] = before[-1].person
        return out

    def _link_short_mentions(self, pending: list[tuple[int, int]]) -> None:
        """Second pass: the capitalised runs naming no person by themselves, linked to the persons found."""
        toks, text = self.doc.tokens, self.doc.text
        wk = word_keys(self.doc)
        nicknames = self._nicknames() if pending else {}
        for first, last in pending:
            p = nicknames.get(fold_accents(text[toks[first].start:toks[last - 1].end]))
            if p is not None:
                self.mentions.append(NameMention(first, last, toks[first].start, toks[last - 1].end, p.name, p))
                continue
            key = wk[last - 1]
            if self._eponym(first, last):
                self.mentions.append(NameMention(first, last, toks[first].start, toks[last - 1].end,
                                                 text[toks[first].start:toks[last - 1].end], None))
                continue
            cand = self._short.get(key) or self._short.get(wk[first]) \
                or (self._given.get(key) if last - first == 1 else None)
            if cand and self._relative_of(cand, first, last):
                # "Alexia Daval" after "Jonathann Daval": another given name, another person of the family
                p = Person(text[toks[first].start:toks[last - 1].end], toks[first].start, toks[last - 1].end)
                self.persons.append(p)
            elif cand:
                p = self._nearest(cand, toks[first].start)
            elif (first > 0 and wk[first - 1] in ("m.", "mme", "m", "mlle", "dr", "pr", "dr.", "pr.", "mm.")
                  or (first > 1 and toks[first - 1].text == "." and toks[first - 2].text in ("M", "Dr", "Pr"))):
                # "M. Pompeo" with no full name: the surname is the name
                p = Person(text[toks[first].start:toks[last - 1].end], toks[first].start, toks[last - 1].end)
                self.persons.append(p)
                self._short.setdefault(key, []).append(p)
            name = text[toks[first].start:toks[last - 1].end]
            self.mentions.append(NameMention(first, last, toks[first].start, toks[last - 1].end, name, p))

    def _merge_given_names(self) -> None:
        """A given name used alone ("Marie-Pierre", "Raoni") is the person named in full with it
        ("Marie-Pierre Dausse"), the nearest before, else the first after; not when two full names
        share it."""
        full: dict[str, list[Person]] = {}
        for p in self.persons:
            words = p.name.split()
            if len(words) >= 2:
                full.setdefault(fold_accents(words[0]), []).append(p)
        merged: dict[int, Person] = {}
        for p in self.persons:
            cands = full.get(fold_accents(p.name)) if " " not in p.name else None
            if cands and len({c.name for c in cands}) == 1:
                merged[id(p)] = self._nearest(cands, p.start)
        if not merged:
            return
        self.persons = [p for p in self.persons if id(p) not in merged]
        self.mentions = [NameMention(m.first, m.last, m.start, m.end, m.text, merged[id(m.person)])
                         if m.person is not None and id(m.person) in merged else m for m in self.mentions]

    def _apposed_person(self, first: int, last: int) -> bool:
        """A name followed by an apposition naming a function: two or three words with a role or person
        noun among the next three ("X Y, professeur à…"), or one name-shaped word with a person noun
        right after the comma ("Zineb, étudiante en lettres")."""
        toks, lx = self.doc.tokens, self.lx
        n = last - first
        if 2 <= n <= 3 and self._function_fronted(first) and not any(self._cue_at(i) for i in range(first, last)):
            return True
        if not (1 <= n <= 3 and last + 1 < len(toks) and toks[last].text == ","):
            return False
        if any(self._cue_at(i) for i in range(first, last)):
            return False
        if n == 1:
            w = toks[first].text
            return w[:1].isupper() and w[1:2].islower() and _tokkey(toks[last + 1]) in lx.person_nouns
        if self._age_after(last + 1):
            return True
        return any(_tokkey(x) in lx.role_words or _tokkey(x) in lx.person_nouns for x in toks[last + 1:last + 4])

    def _age_after(self, k: int) -> bool:
        """An age in apposition at token ``k`` ("X Y, 55 ans, guide"): a person's."""
        toks = self.doc.tokens
        return k + 1 < len(toks) and toks[k].text.isdigit() and len(toks[k].text) <= 3 \
            and _tokkey(toks[k + 1]) == "ans" and (k + 2 >= len(toks) or toks[k + 2].text in (",", ")", ".", ";", "et"))

    def _function_fronted(self, first: int) -> bool:
        """A name after a function fronted in apposition at the opening of its sentence ("Gardien du
        musée, X Y observe …", "Père de six enfants, X Y …"): the fronted noun phrase describes a person."""
        toks, lx = self.doc.tokens, self.lx
        if first < 2 or toks[first - 1].text != ",":
            return False
        sent = self.doc.sentences[toks[first].sent]
        k = first - 2
        while k > sent.first and toks[k - 1].text not in (",", ":", ";") and first - k <= _FRONTED_FUNCTION_TOKENS:
            k -= 1  # back to the opening of the sentence or of the clause a colon opens ("« … » : gardien…")
        if first - k > _FRONTED_FUNCTION_TOKENS or k > sent.first and toks[k - 1].text != ":":
            return False
        w = _tokkey(toks[k])
        return toks[k].is_word and (w in lx.person_nouns or w in lx.role_words)

    def _add_eponym(self, first: int, last: int) -> None:
        """A name that is part of an organisation's or a place's name ("le centre Paul Arnaud", "la
        Fondation Robert Martin"): a mention of no person, and no short mention to link."""
        toks = self.doc.tokens
        self.eponym_starts.add(first)
        self.mentions.append(NameMention(first, last, toks[first].start, toks[last - 1].end,
                                         self.doc.text[toks[first].start:toks[last - 1].end], None))

    def _named_after_someone(self, run_first: int, first: int, last: int) -> bool:
        """A person's name of two words or more right after a noun of a place or body ("le centre Jean
        Arnaud de Lyon", "rue Louise Mercier"), also when the noun opens the run ("la Fondation Robert
        Martin"); not when that noun completes a definite person noun ("le directeur de l'institut X",
        "le patron du groupe X": X may be the one described; not "une enseignante de l'université X")."""
        toks, nouns = self.doc.tokens, self.lx.eponym_nouns
        if last - first < 2 or first == 0:
            return False
        prev = toks[first - 1]
        if _tokkey(prev) not in nouns or not prev.is_word or prev.sent != toks[first].sent \
                or not (prev.text[:1].islower() or first - 1 >= run_first):
            return False
        j = first - 2
        if j >= 0 and _tokkey(toks[j]) in _DETERMINERS:
            j -= 1  # "de l'institut", "de la fondation"
        if j >= 2 and _tokkey(toks[j]) in ("de", "d'", "du", "des") and _tokkey(toks[j - 2]) in _DETERMINERS:
            k = _tokkey(toks[j - 1])
            return k not in self.lx.person_nouns and k not in self.lx.role_words
        return True

    def _eponym(self, first: int, last: int) -> bool:
        """A surname naming a thing after a person ("la loi Macron", "l'affaire Grégory"): right after a
        determiner and a common noun that names no person, it mentions no one."""
        if last - first != 1 or first < 2:
            return False
        toks, lx = self.doc.tokens, self.lx
        wk = word_keys(self.doc)
        noun, det = toks[first - 1], wk[first - 2]
        k = wk[first - 1]
        return (noun.is_word and noun.text[:1].islower() and det in _EPONYM_DETERMINERS
                and k not in lx.role_words and k not in lx.titles and k not in lx.person_nouns
                and k not in _PRE_ADJ)

    def _relative_of(self, cands: list[Person], first: int, last: int) -> bool:
        """``First Surname`` whose surname is a known person's but whose first word is another given
        name (name-shaped, no role, title or organisation word): a different person."""
        toks = self.doc.tokens
        if last - first != 2 or toks[first + 1].text != self.doc.text[cands[0].end - len(toks[first + 1].text):cands[0].end]:
            return False
        w = toks[first].text
        k = _tokkey(toks[first])
        if not (w[:1].isupper() and w[1:2].islower()) or k in self.lx.role_words or k in self.lx.titles \
                or self._cue_at(first) or k in self.lx.person_nouns:
            return False
        given = fold_accents(w)
        return all(fold_accents(p.name.split()[0]) != given for p in cands)

    def _opens_like_a_person(self, first: int, last: int) -> bool:
        """Name-shaped words (Xxxx, no organisation cue, no acronym) followed by a verb or an apposition."""
        toks = self.doc.tokens
        for i in range(first, last):
            w = toks[i].text
            if not (w[:1].isupper() and w[1:2].islower()) or self._cue_at(i):
                return False
        nxt = toks[last]
        if nxt.text == ",":
            return True
        k = _tokkey(nxt)
        return nxt.is_word and nxt.text[:1].islower() and (k in _SUBJECT_VERB_STARTS or nxt.lemma != k)

    def _described_next(self, first: int, last: int) -> bool:
        """A name-shaped word inside a sentence, whose sentence ends right after it and the next opens
        on a demonstrative description of a person ("Cette jeune fille", "Ce militant"): the text
        goes on describing someone it has just named."""
        toks = self.doc.tokens
        w = toks[first].text
        if not (w[:1].isupper() and w[1:].islower()) or first == 0 or toks[first - 1].sent != toks[first].sent \
                or last + 3 >= len(toks) or toks[last].text not in (".", "!") or self._cue_at(first):
            return False
        nxt = [_tokkey(t) for t in toks[last + 1:last + 4]]
        return nxt[0] in ("ce", "cet", "cette") and any(k in self.lx.person_nouns for k in nxt[1:])

    def _cue_at(self, i: int) -> bool:
        return _tokkey(self.doc.tokens[i]) in self.lx.cue_words

    def _role_before(self, first: int) -> bool:
        """A role word among the three tokens before (``le président ukrainien X``)."""
        toks = self.doc.tokens
        for j in range(first - 1, max(-1, first - 4), -1):
            if toks[j].sent != toks[first].sent or not toks[j].is_word:
                return False
            if _tokkey(toks[j]) in self.lx.role_words:
                return True
        return False

    def _roles_around(self, first: int, last: int) -> set[str]:
        """Role words just before the name or in an apposition right after it."""
        toks = self.doc.tokens
        out: set[str] = set()
        for j in range(first - 1, max(-1, first - 5), -1):
            t = toks[j]
            if t.sent != toks[first].sent or not t.is_word:
                break
            k = _tokkey(t)
            if k in self.lx.role_words:
                out.add(k)
                out |= {_tokkey(x) for x in toks[j + 1:first] if x.is_word}
        if last < len(toks) and toks[last].text == ",":
            for j in range(last + 1, min(len(toks), last + 8)):
                t = toks[j]
                if not t.is_word or t.sent != toks[first].sent:
                    break
                k = _tokkey(t)
                if k in self.lx.role_words:
                    if heads_main_clause(toks, j):
                        break
                    out.add(k)
                    out |= {_tokkey(x) for x in toks[j + 1:min(len(toks), j + 3)] if x.is_word}
                    break
        return out

    @staticmethod
    def _nearest(cands: list[Person], offset: int) -> Person:
        before = [p for p in cands if p.start <= offset]
        return before[-1] if before else cands[0]

    # ------------------------------------------------------------------
    def persons_in(self, first: int, last: int) -> list[NameMention]:
        seen, out = set(), []
        for i in range(first, last):
            m = self.by_token.get(i)
            if m is not None and m.person is not None and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out

    def names_in(self, first: int, last: int) -> list[NameMention]:
        seen, out = set(), []
        for i in range(first, last):
            m = self.by_token.get(i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out

    def person_by_role(self, role_keys: set[str], offset: int) -> Person | None:
        """The nearest person before ``offset`` described with these role words."""
        best, best_score = None, 0
        for p in self.persons:
            if p.start >= offset:
                break
            shared = p.roles & role_keys
            score = len(shared)
            # (a role word in common, not only a function word: "la présidente du parti" is not "le
            # secrétaire général du syndicat")
            if score and score >= best_score and shared - FUNCTION_WORDS:
                best, best_score = p, score
        return best


def name_index(doc: ParsedDocument, res: Resources) -> NameIndex:
    idx = doc.cache.get("speakers.names")
    if idx is None:
        idx = NameIndex(doc, lexica(res))
        doc.cache["speakers.names"] = idx
    return idx


# --- source noun phrases ----------------------------------------------------

# what follows a present participle taking an object ("soignant l'opposant")
_PARTICIPLE_OBJECT_STARTS = POSSESSIVES_3 | DEFINITE_ARTICLES | INDEFINITE_ARTICLES | _words("""ce
cette ces""")


_AUXILIARY_FORMS = AVOIR_FORMS | ETRE_FORMS


def heads_main_clause(toks: list[Token], j: int) -> bool:
    """The role noun ``toks[j]``, after a name and its comma, is the subject of the main clause when a
    finite auxiliary follows it ("…de X, la journaliste a eu du mal"): no apposition to the name."""
    return j + 1 < len(toks) and _tokkey(toks[j + 1]) in FINITE_AUXILIARIES


def _auxiliary_participle(t: Token) -> bool:
    """"ayant", "étant": an auxiliary's present participle always opens a participial clause
    ("une habitante ayant assisté à la scène"), whatever follows it."""
    return t.text.endswith("ant") and _tokkey(t) in _AUXILIARY_FORMS


def trim_np(doc: ParsedDocument, first: int, last: int) -> tuple[int, int]:
    """Trim punctuation, leading conjunctions/prepositions and trailing relatives."""
    toks = doc.tokens
    wk = word_keys(doc)
    while first < last and (not toks[first].is_word and toks[first].text not in ("«", "“", '"')
                            or wk[first] in _LEADING_PREPS):
        first += 1
    # cut at a relative pronoun or a present participle ("les médecins allemands
    # soignant l'opposant": the participle starts a modifier, not the name)
    for k in range(first + 1, last):
        t = toks[k]
        if wk[k] in ("qui", "dont", "que", "qu'", "lequel", "laquelle", "lesquels") or _auxiliary_participle(t) or (
                t.text.endswith("ant") and t.text[:1].islower() and k + 1 < last
                and (wk[k + 1] in _PARTICIPLE_OBJECT_STARTS
                     # "les médecins traitant M. X" (after a determiner, "l'opposant X" is a noun)
                     or toks[k + 1].text[:1].isupper() and wk[k - 1] not in _ROLE_DETERMINERS)):
            last = k
            break
    while last > first and (not toks[last - 1].is_word and toks[last - 1].text not in ("»", "”", '"', "]", ")")):
        last -= 1
    return first, last


def _np_text(doc: ParsedDocument, first: int, last: int) -> str:
    s = doc.text[doc.tokens[first].start:doc.tokens[last - 1].end]
    for q in "«»“”\"":
        s = s.replace(q, "")
    return " ".join(s.replace("\u00a0", " ").replace("\u202f", " ").split())


def cue_stype(keys: list[str], lx: Lexica) -> str | None:
    """The source type named by the cues inside the phrase ``keys``.

    An anonymous cue anywhere wins ("un responsable sous couvert d'anonymat"); else the first cue
    in word order, the phrase's head in French ("le bureau d'enquête" is an institution), a
    document noun giving way to the cue of its author ("le rapport du ministère").
    """
    by_first = lx.cues_by_first
    # (position, -length, first word, type): at one position the longest cue ("Washington Post")
    found: list[tuple[int, int, str, str]] = [(-1, 0, "", stype) for _, stype in by_first.get(None, ())]
    for i, k in enumerate(keys):
        for toks, stype in by_first.get(k, ()):
            if tuple(keys[i:i + len(toks)]) == toks:
                found.append((i, -len(toks), k, stype))
    if not found:
        return None
    if any(f[3] == "anonymous" for f in found):
        return "anonymous"
    # a document noun as a modifier after "de" ("le bureau d'enquête") says nothing of the source
    found = [f for f in found if not (f[2] in lx.document_words and f[0] > 0 and keys[f[0] - 1] in ("de", "d'"))]
    if not found:
        return None
    authored = [f for f in found if f[2] not in lx.document_words]
    return min(authored or found)[3]


def outlet_in(keys: list[str], lx: Lexica) -> tuple[int, int] | None:
    """``(i, j)``: the longest outlet name ``keys[i:j]`` of the phrase (first one found), if any."""
    for i, k in enumerate(keys):
        if k not in lx.outlet_first:
            continue
        best = max((len(o) for o in lx.outlets_by_first[k] if tuple(keys[i:i + len(o)]) == o), default=0)
        if best:
            return i, i + best
    return None


def _names_people(words: list[str], lx: Lexica) -> bool:
    """The head of a demonstrative phrase names people ("cette mère de huit enfants", "ce proche du
    président", "cet ancien ministre") or a document, which goes to its author ("ce document", "cette
    étude"), not another thing ("ce statut")."""
    for w in words:
        if w in lx.person_nouns or w in lx.role_words or w in lx.document_words:
            return True
        if w not in _PRE_ADJ:
            return False
    return False


def _pronoun_source(doc: ParsedDocument, idx: NameIndex, words: list[str], first: int,
                    last: int, lx: Lexica) -> Source | None:
    """A pronoun, or a phrase resolved like one (``ce proche du président``, ``celles qui…``)."""
    toks = doc.tokens
    if len(words) == 1 and words[0] in _PRONOUNS:
        return Source(words[0], "person", toks[first].start, toks[last - 1].end, "pronoun")
    if len(words) == 2 and words[0] in ("ce", "cette", "ces") and words[1] in _LATTER:
        # "ce dernier", "ces dernières": the latter, the last mentioned of its gender and number
        return Source(words[1], "person", toks[first].start, toks[last - 1].end, "pronoun")
    if words[-1] in _LATTER_PRONOUNS and (len(words) == 1 or "," in [_tokkey(t) for t in toks[first:last]]):
        # "celui-ci", "celle-ci" (after a fronted phrase: "Un brin moqueur, celui-ci a rétorqué"):
        # the latter, like "ce dernier"
        t = next(t for t in reversed(toks[first:last]) if t.is_word)
        return Source(_LATTER_PRONOUNS[words[-1]], "person", t.start, t.end, "pronoun")
    if words[0] in ("ce", "cet", "cette") and not idx.names_in(first, last) and _names_people(words[1:3], lx):
        # "ce proche du président russe", "cette femme": an anaphoric description, resolved like a
        # pronoun of its gender
        return Source("elle" if words[0] == "cette" else "il", "person", toks[first].start, toks[last - 1].end,
                      "pronoun")
    if words[0] in DEMONSTRATIVE_PRONOUNS:
        # "celui qui dirige l'agence": resolved like a pronoun, of its number ("celles qui…" is plural)
        singular = "elle" if words[0].startswith("celle") else "il"
        return Source(singular if words[0] in DEMONSTRATIVE_PRONOUNS_SG else "ceux", "person", toks[first].start,
                      toks[last - 1].end, "pronoun")
    return None


def _person_source(doc: ParsedDocument, lx: Lexica, idx: NameIndex, keys: list[str], first: int,
                   last: int) -> Source | None:
    """The named person(s) of the phrase: one person, or two coordinated ones as one group."""
    toks = doc.tokens
    persons = idx.persons_in(first, last)
    if len(persons) >= 2:
        # "Valeriy Gerassimov et Vladimir Poutine": coordinated persons are one group source
        between = [_tokkey(t) for t in toks[persons[0].last:persons[1].first]]
        if between in (["et"], [","]):
            names = [m.person.name for m in persons[:2]]
            return Source(" et ".join(names), "person", persons[0].start, persons[1].end, "person")
    if persons and (len(persons) == 1 or not any(k == "et" for k in keys)):
        m = persons[0]
        stype = m.person.stype
        if any(lx.role_words.get(k) == "expert" for k in keys):
            stype = "expert"
        return Source(m.person.name, stype, m.start, m.end, "person")
    return None


def _relative_source(doc: ParsedDocument, lx: Lexica, idx: NameIndex, keys: list[str], first: int,
                     last: int) -> Source | None:
    """"le père de Léo", "la sœur de la victime", "son avocat": someone unnamed, known only by a relation
    to another referent, is anonymous (codebook: "son avocat"), not the person named in the complement."""
    k = 0
    while k < len(keys) and (keys[k] in _ROLE_DETERMINERS or keys[k] in POSSESSIVES or keys[k] in _PRE_ADJ):
        k += 1
    if k == 0 or k + 1 >= len(keys) or keys[k] not in lx.relatives or keys[k + 1] not in ("de", "du", "d'"):
        return None
    if not idx.persons_in(first + k + 1, last):
        return None
    toks = doc.tokens
    lead = first + 1 if keys[0] in _DETERMINERS else first
    return Source(_np_text(doc, lead, last), "anonymous", toks[lead].start, toks[last - 1].end, "np")


def _outlet_source(doc: ParsedDocument, lx: Lexica, keys: list[str], first: int) -> Source | None:
    """An outlet named by the phrase: "Le Parisien de ce mardi", "le site Internet de la BBC", "une
    information BFMTV" (codebook: a document or medium is typed by its author). Not when a person
    noun heads the phrase ("un journaliste de l'AFP" is a person)."""
    span = outlet_in(keys, lx)
    toks = doc.tokens
    if span is not None and not any(t.text[:1].isupper() for t in toks[first + span[0]:first + span[1]]):
        # an outlet is named with its capitals: "le quotidien" is a common noun, not "Le Quotidien"
        rest = outlet_in(keys[span[1]:], lx)
        span = (rest[0] + span[1], rest[1] + span[1]) if rest is not None else None
    if span is None:
        return None
    i, j = span
    if any(k in lx.person_nouns or k in lx.role_words for k in keys[:i]):
        return None
    a, b = toks[first + i], toks[first + j - 1]
    return Source(_np_text(doc, first + i, first + j), "media", a.start, b.end, "np", "outlet")


_OF_GROUP = frozenset(("de", "des", "d'", "du"))


def _is_number(key: str) -> bool:
    return key[:1].isdigit() or key in NUMBER_WORDS


def proportion_at(keys: list[str]) -> int | None:
    """Where a share of a group starts in the phrase: "64 % des Français", "six Français sur dix", "la
    majorité des sondés". Those who answered a poll or form a share: people counted, none named (the
    codebook's unnamed individuals), whatever group and subject the phrase also holds."""
    for i, k in enumerate(keys):
        nxt = keys[i + 1:i + 4]
        if _is_number(k) and (nxt[:1] == ["%"] and nxt[1:2] and nxt[1] in _OF_GROUP
                              or nxt[:2] == ["pour", "cent"] and nxt[2:3] and nxt[2] in _OF_GROUP):
            return i
        if _is_number(k) and i == 0 and (keys[1:] == ["%"] or keys[1:] == ["pour", "cent"]):
            return i  # "si 64 % considèrent que…": a bare share, of the respondents just counted
        if _is_number(k) and len(nxt) >= 3 and nxt[1] == "sur" and _is_number(nxt[2]) and not nxt[0][:1].isdigit():
            return i  # "six Français sur dix", "un sur deux" is no share of people named
        if k in PROPORTION_NOUNS and i > 0 and keys[i - 1] in ("la", "une", "les") and nxt[:1] \
                and nxt[0] in _OF_GROUP:
            return i - 1
    return None


def _proportion_source(doc: ParsedDocument, keys: list[str], first: int, last: int) -> Source | None:
    """A share of a group as the source ("62 % des Européens estiment"): anonymous respondents.
    A phrase cut after the sign ("des Européens" after "62 %", the sign being no word) is widened to it."""
    toks = doc.tokens
    if keys and keys[0] in _OF_GROUP and first >= 2 and toks[first - 1].text == "%":
        first -= 2
        keys = [_tokkey(toks[first]), "%"] + keys
    if len(keys) == 1 and _is_number(keys[0]) and last < len(toks) and toks[last].text == "%":
        last += 1  # "64" cut before its sign, the sign being no word
        keys = keys + ["%"]
    i = proportion_at(keys)
    if i is None:
        return None
    return Source(_np_text(doc, first + i, last), "anonymous", toks[first + i].start, toks[last - 1].end, "np")


_PARTITIVE_PRONOUNS = frozenset(("eux", "elles", "nous", "vous"))


def _partitive_source(doc: ParsedDocument, words: list[str], first: int, last: int) -> Source | None:
    """Some members of a group given by a pronoun ("certains d'entre eux", "l'un d'eux", "deux d'entre
    elles"): unnamed individuals, not the group nor a name."""
    if len(words) < 3 or len(words) > 5 or words[-1] not in _PARTITIVE_PRONOUNS:
        return None
    if not (words[-2] == "entre" and words[-3] in _OF_GROUP or words[-2] in _OF_GROUP):
        return None
    toks = doc.tokens
    return Source(_np_text(doc, first, last), "anonymous", toks[first].start, toks[last - 1].end, "np")


def _role_head(keys: list[str], lx: Lexica) -> str | None:
    """The role noun heading the phrase ("porte-parole", "le président", "l'ancien ministre",
    "l'ex-ministre": the prefix is no part of the role)."""
    keys = [k[3:] if k.startswith("ex-") and len(k) > 4 else k for k in keys[:3]]
    if keys[0] in lx.role_words:
        return keys[0]
    if keys[0] in _ROLE_DETERMINERS and len(keys) > 1:
        if keys[1] in lx.role_words:
            return keys[1]
        if len(keys) > 2 and keys[1] in _PRE_ADJ and keys[2] in lx.role_words:
            return keys[2]
    return None


def _counted_group(words: list[str]) -> bool:
    """A group given by a collective number ("les centaines de personnes", "des milliers d'habitants"):
    unnamed people, no institution."""
    i = 1 if words and words[0] in _DETERMINERS else 0
    return collective_head(words, i) != i


def describe_source(doc: ParsedDocument, res: Resources, first: int, last: int) -> Source | None:
    """Canonical source of the noun phrase ``tokens[first:last]``.

    Returns ``None`` for an empty phrase. A pronoun gives ``kind="pronoun"``
    (resolve it with the discourse history); a role description with no name
    (``le président ukrainien``) gives ``kind="role"``. Descriptions are resolved
    to the document's persons by :func:`framing.extract.entities.describe_source`.
    """
    first, last = trim_np(doc, first, last)
    if last <= first or last - first > 25:
        return None
    toks = doc.tokens
    lx = lexica(res)
    idx = name_index(doc, res)
    keys = word_keys(doc)[first:last]
    words = [k for k, t in zip(keys, toks[first:last]) if t.is_word]
    if not words or all(w in FUNCTION_WORDS and w not in _PRONOUN_OR_ANAPHOR for w in words):
        return None  # nothing but determiners or function words ("confirmé par le" at the end of a text)
    found = _proportion_source(doc, keys, first, last) or _partitive_source(doc, words, first, last) \
        or _pronoun_source(doc, idx, words, first, last, lx) or _outlet_source(doc, lx, keys, first) \
        or _relative_source(doc, lx, idx, keys, first, last) or _person_source(doc, lx, idx, keys, first, last)
    if found is not None:
        return found
    head = keys[0]
    indefinite = head in _INDEFINITE or (head == "de" and len(keys) > 1 and keys[1] == "nombreux")
    stype = cue_stype(keys, lx)
    names = idx.names_in(first, last)
    # strip a leading definite determiner / possessive ("la SNCF" -> "SNCF", "le ministère russe" ->
    # "ministère russe"), but a lone common noun keeps it ("le témoin", "la mairie"), as do short
    # plural groups ("les syndicats", "les officiels russes")
    f2 = first
    if keys[0] in _DETERMINERS or keys[0] in ("ses", "son", "sa", "leur", "leurs"):
        lone_noun = len(words) == 2 and toks[last - 1].text[:1].islower() and keys[0] in _DETERMINERS
        if not (lone_noun or keys[0] == "les" and len(words) <= 3) and first + 1 < last:
            f2 = first + 1
    name = _np_text(doc, f2, last)
    start, end = toks[f2].start, toks[last - 1].end
    if indefinite and not names:
        return Source(_np_text(doc, first, last), "anonymous", toks[first].start, end, "np")
    if stype == "anonymous":
        return Source(name, "anonymous", start, end, "np")
    # "[GUR]", "(AIEA)": an acronym in brackets names the source
    for k in range(first, last - 2):
        if toks[k].text in ("[", "(") and toks[k + 2].text in ("]", ")") and toks[k + 1].text.isupper():
            return Source(toks[k + 1].text, stype or "institution", toks[k + 1].start, toks[k + 1].end, "np")
    # "l'agence officielle nord-coréenne KCNA", "l'agence russe Ria Novosti": a proper
    # name closing a described phrase is the source's canonical name (not after a
    # preposition: "le porte-parole du Kremlin" is the spokesman)
    r = last
    while r > f2 + 1 and toks[r - 1].is_word and toks[r - 1].text[:1].isupper():
        r -= 1
    if r < last and r not in idx.eponym_starts and toks[r - 1].is_word and toks[r - 1].text[:1].islower() \
            and keys[r - 1 - first] not in FUNCTION_WORDS and keys[r - 1 - first] not in _LEADING_PREPS \
            and keys[0] not in lx.role_words and keys[f2 - first] not in lx.role_words:
        return Source(_np_text(doc, r, last), stype or "institution", toks[r].start, end, "np")
    role_head = _role_head(keys, lx)
    if role_head is not None and len(words) <= 10:
        p = idx.person_by_role(set(words) | {role_head}, toks[first].start)
        if p is not None:
            return Source(p.name, p.stype, toks[first].start, end, "role")
        return Source(name, lx.role_words.get(role_head, "person"), start, end, "role")
    if stype is None and _counted_group(words):
        return Source(name, "anonymous", start, end, "np")  # "les centaines de personnes mobilisées"
    if stype is None:
        if names and len(words) == 1 and len(names) == 1 and (_tokkey(toks[names[0].first]) in lx.surnames
                                                          or _tokkey(toks[names[0].first]) in lx.surname_first):
            # a well-known surname used alone (Poutine, Trump): a person
            return Source(name, "person", start, end, "person")
        stype = "institution"
    return Source(name, stype, start, end, "np")
