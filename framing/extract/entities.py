"""Who the people of a document are: one entity table per document, and reference to it.

Built once per document (memoised in ``doc.cache``) from the name index of
:mod:`framing.extract.speakers`, before attribution, and read by every later
stage:

* **entities** — one per person named in full; a name's later forms (surname,
  ``M. X``, title + surname) are already linked to it by the name index;
* **roles** — role words written around a mention (``Marie X, présidente de
  l'association``, ``le député LR X``);
* **gender** — from the document only: a title (``M.``, ``Mme``), a determiner
  or adjective agreeing with a role noun beside a mention (``la ministre X``,
  ``X, l'ancienne ministre``), or a feminine past participle right after a
  mention (``X s'est dite``, ``X est arrivée``);
* **reference** — :meth:`EntityTable.resolve` gives a description (``la
  candidate``, ``l'ancien Premier ministre``, ``l'humoriste``) or a pronoun
  the most salient compatible person mentioned before it: one described with
  the same role noun first, else the most recent mention, skipping persons of
  the other gender (and singular/plural mismatches).

Descriptions are parsed by :func:`parse_description`: its determiner
(definite, indefinite or possessive), gender and number, and its head noun,
looked up in ``lexicons/person_nouns.tsv`` (a noun naming people by their
function, with its feminine form and a role class) or recognised by an agent
suffix (``-eur``, ``-trice``, ``-iste``, ``-logue``, ``-ien``…). An indefinite
or possessive person description (``un proche``, ``son avocat``, ``une
source``) is an unnamed individual: ``anonymous``.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import compress, count, islice
from dataclasses import dataclass, field

from .. import grammar
from ..actors import ActorIndex, load_actors
from ..document import ParsedDocument
from ..resources import Resources
from . import speakers
from .quotes import quote_pairs
from .interviewers import interviewing_person
from .speakers import Lexica, NameIndex, Source, lexica, name_index, trim_np, word_key

#: methods recorded as ``speaker_method`` (how a source was found)
METHOD_NAME = "name"            # the source phrase holds the full name
METHOD_SHORT = "short_name"     # a later form of a name (surname, M. X) linked to the full name
METHOD_ROLE = "role"            # a description matching a role written beside a name
METHOD_SALIENCE = "salience"    # a description given the most salient compatible person
METHOD_PRONOUN = "pronoun"      # a pronoun or inverted clitic resolved
METHOD_ANONYMOUS = "anonymous"  # an unnamed individual or group
METHOD_WORDING = "wording"      # a group, institution or description kept in the text's words
METHOD_PAIR = "pair"  # "le couple": the two persons named last as coordinated
METHOD_INTERVIEWER = "interviewer"  # a journalist's description: the one the text says holds the interview

_DEFINITE = grammar.DEFINITE_ARTICLES | grammar.DEMONSTRATIVES  # the shared closed classes
# indefinite articles and the indefinite quantifiers that open a noun phrase the same way
_INDEFINITE = grammar.INDEFINITE_ARTICLES | frozenset(("plusieurs", "certains", "certaines", "quelques", "d'autres",
                                                       "nombre", "divers", "diverses", "aucun", "aucune"))
_POSSESSIVE = grammar.POSSESSIVES
_FEMININE_DET = frozenset(("la", "une", "cette", "sa", "ma", "ta", "notre", "votre", "leur"))
_MASCULINE_DET = frozenset(("le", "un", "ce", "cet", "son", "mon", "ton"))
_PLURAL_DET = frozenset(("les", "des", "ces", "ses", "leurs", "plusieurs", "certains", "certaines", "quelques",
                         "nos", "vos", "mes", "d'autres", "divers", "diverses"))
#: adjectives written before a role noun, by gender ("l'ancienne ministre", "le nouveau maire")
_PRE_ADJECTIVES = {"ancien": "m", "ancienne": "f", "nouveau": "m", "nouvel": "m", "nouvelle": "f",
                   "futur": "m", "future": "f", "actuel": "m", "actuelle": "f", "premier": "m", "première": "f",
                   "jeune": None, "célèbre": None, "même": None, "mêmes": None, "seul": "m", "seule": "f",
                   "ex": None, "vieux": "m", "vieille": "f", "haut": "m", "haute": "f", "grand": "m",
                   "grande": "f", "principal": "m", "principale": "f", "éternel": "m", "éternelle": "f"}
#: agent-noun endings naming people (the feminine ones first), with their gender
_AGENT_SUFFIXES = (("trice", "f"), ("euse", "f"), ("ienne", "f"), ("iste", None), ("logue", None),
                   ("teur", "m"), ("eur", "m"), ("ien", "m"), ("aire", None))
#: endings of the names of sciences' practitioners: an expert ("toxicologue", "climatologue")
_EXPERT_SUFFIXES = ("logue", "logues")
_TITLE_GENDER = {"m.": "m", "monsieur": "m", "mm.": "m", "mme": "f", "madame": "f", "mlle": "f",
                 "mademoiselle": "f", "mmes": "f"}
_TITLES = tuple(_TITLE_GENDER)  # (str.endswith takes a tuple)
_PRONOUN_GENDER = {"il": "m", "-t-il": "m", "-il": "m", "ils": "m", "-ils": "m", "-t-ils": "m", "lui": "m",
                   "eux": "m", "elle": "f", "-t-elle": "f", "-elle": "f", "elles": "f", "-elles": "f",
                   "-t-elles": "f"}
_NOT_IN_SUBJECT_LEAD = frozenset("""a ont avait avaient est sont était étaient sera seront fut c' ce ça
de du des d' à au aux par pour avec sans sur sous dans chez entre vers contre selon après avant que qu' qui
dont où et ou mais""".split())
#: how far back (characters) a subject mention outranks a more recent mention in passing
_SUBJECT_WINDOW = 600
#: mentions looked at backwards from a description (bounds the cost on adversarial text)
_MAX_LOOKBACK_MENTIONS = 200
#: how far ahead (characters) a description with no antecedent looks for a person with its role
_CATAPHORA_WINDOW = 1500
#: tokens read after a name's comma for the body the person belongs to
_APPOSITION_TOKENS = 14
_AUX_AFTER_NAME = frozenset(("est", "s'est", "s'", "se", "a", "été", "était", "sera", "avait", "fut", "s'était"))


@dataclass
class Entity:
    """A person of the document: canonical name, type, what is known of it, where it is mentioned."""

    name: str
    stype: str
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)  # start offsets, in text order
    countries: set[str] = field(default_factory=set)  # nationality adjectives written beside a mention


@dataclass(frozen=True)
class Description:
    """A noun phrase read as a description of a person (or not: ``head_class`` is None)."""

    determiner: str        # definite | indefinite | possessive | none
    gender: str | None     # m | f | None (unknown or epicene)
    plural: bool
    head: str              # the head noun, normalised ("" when none)
    head_class: str | None  # role class of a person noun, None when the head names no person
    country: str | None = None  # a nationality adjective in the phrase ("le président français" → FR)

    @property
    def names_person(self) -> bool:
        return self.head_class is not None


class PersonNouns:
    """``lexicons/person_nouns.tsv`` with derived plural forms: form -> (masculine lemma, gender, class)."""

    def __init__(self, res: Resources):
        lex = res.lexicon("person_nouns", required=("feminine", "class"))
        self.forms: dict[str, tuple[str, str | None, str]] = {}
        #: forms of relational nouns ("mère", "avocats", "porte-parole"): column ``relation``
        self.relational: set[str] = set()
        #: nouns naming two people together ("couple", "duo"): column ``relation`` = pair
        self.pairs: set[str] = set()
        #: members of an elected assembly ("député", "sénateur"): column ``relation`` = body
        self.members: set[str] = set()
        for e in lex.entries:
            masc, fem, cls = word_key(e["term"]), word_key(e["feminine"]), e["class"]
            if e.get("relation") == "yes":
                self.relational |= {masc, fem, plural_of(masc), plural_of(fem)}
            elif e.get("relation") == "pair":
                self.pairs.add(masc)
            elif e.get("relation") == "body":
                self.members.add(masc)
            epicene = masc == fem
            for form, gender in ((masc, None if epicene else "m"), (fem, None if epicene else "f")):
                for f in (form, plural_of(form)):
                    self.forms.setdefault(f, (masc, gender, cls))
        #: nouns heading an organisation or speaking for it ("président", "directeur", "porte-parole";
        #: lexicons/role_classes.tsv, head=yes)
        self.heads = {word_key(e["term"]) for e in res.lexicon("role_classes").entries if e.get("head") == "yes"}
        #: nouns naming people around someone ("un proche de X", "l'entourage de X"; role_classes.tsv,
        #: applies=around): a name in their complement is not the source
        self.around = {word_key(e["term"]) for e in res.lexicon("role_classes").entries if e.get("applies") == "around"}
        # nouns the source lexicon types as media or institutions ("quotidien", "conseil"): no agent
        # nouns, whatever their ending
        self.not_agents = {word_key(e["term"]) for e in res.lexicon("source_cues").entries
                           if e["stype"] in ("media", "institution") and " " not in e["term"]}
        #: nationality adjectives, all inflections -> country code (lexicons/countries.tsv, kind=adjective)
        self.nationalities = {word_key(e["term"]): e["code"] for e in res.lexicon("countries").entries
                              if e.get("kind") == "adjective"}
        # a function of the word alone, asked again and again: memoised, bounded (speed, issue 15)
        self._lookup_memo = lru_cache(maxsize=50_000)(self._lookup)
        #: :func:`parse_description` by (words, role lexica): bounded memo (speed, issue 15)
        self.description_memo: dict[tuple, Description] = {}

    def lookup(self, word: str) -> tuple[str, str | None, str] | None:
        """The noun's (masculine form, gender, class), or None when the word names no person."""
        return self._lookup_memo(word)

    def _lookup(self, word: str) -> tuple[str, str | None, str] | None:
        w = word[3:] if word.startswith("ex-") else word
        found = self.forms.get(w)
        if found is not None:
            return found
        if w.endswith(("eure", "eures")):
            # the feminine in -eure of a noun in -eur ("auteure", "professeure", "docteure"), in use
            # beside the older feminine the lexicon lists (autrice, doctoresse)
            masc = self.forms.get(w[:w.rindex("eure")] + "eur")
            if masc is not None:
                return masc[0], "f", masc[2]
        sing = w[:-1] if w.endswith(("s", "x")) and len(w) > 4 else w
        if sing in self.not_agents or w in self.not_agents:
            return None
        for suffix, gender in _AGENT_SUFFIXES:
            if sing.endswith(suffix) and len(sing) > len(suffix) + 3:
                return sing, gender, "expert" if sing.endswith(_EXPERT_SUFFIXES) else "person"
        return None


def plural_of(word: str) -> str:
    """Regular French plural of a noun (enough for person nouns)."""
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    if word.endswith(("eau", "eu")):
        return word + "x"
    return word + "s"


def person_nouns(res: Resources) -> PersonNouns:
    return res.memo(("entities", "person_nouns"), lambda: PersonNouns(res))


def parse_description(words: list[str], nouns: PersonNouns, lx: Lexica | None = None) -> Description:
    """:func:`_parse_description` with the nationality adjective the phrase holds, if any.

    A function of the words and the two lexicon sets alone, asked again for the same phrases:
    memoised on ``nouns`` (bounded; a :class:`Description` is frozen, so it is shared) (speed, issue 15)."""
    memo = nouns.description_memo
    k = (tuple(words), lx)
    d = memo.get(k)
    if d is None:
        if len(memo) > 50_000:
            memo.clear()
        d = memo[k] = _description_with_country(words, nouns, lx)
    return d


def _description_with_country(words: list[str], nouns: PersonNouns, lx: Lexica | None) -> Description:
    d = _parse_description(words, nouns, lx)
    country = next((nouns.nationalities[w] for w in words if w in nouns.nationalities), None)
    return Description(d.determiner, d.gender, d.plural, d.head, d.head_class, country) if country else d


#: number words that count a group ("six sénateurs", "les deux cousins"): not the article "un"
_COUNTING_WORDS = grammar.NUMBER_WORDS - {"un", "une"}


def _counts(w: str) -> bool:
    """A number word or digits that count a group."""
    return w in _COUNTING_WORDS or w.isdigit()


def _parse_description(words: list[str], nouns: PersonNouns, lx: Lexica | None = None) -> Description:
    """Determiner, gender, number and head noun of the normalised words of a noun phrase.

    ``["la", "candidate", "du", "fn"]`` → definite, feminine, singular, head ``candidat``
    (class ``politician``); ``["un", "proche", "du", "rockeur"]`` → indefinite, head ``proche``.
    """
    det, gender, plural = "none", None, False
    i = 0
    # "l'ex-Première ministre" is written as one word: the prefix is the adjective "ex"
    words = [x for w in words for x in (("ex", w[3:]) if w.startswith("ex-") and len(w) > 4 else (w,))]
    if words and (words[0] in _DEFINITE or words[0] in _INDEFINITE or words[0] in _POSSESSIVE):
        w = words[0]
        det = "definite" if w in _DEFINITE else ("indefinite" if w in _INDEFINITE else "possessive")
        gender = "f" if w in _FEMININE_DET else ("m" if w in _MASCULINE_DET else None)
        plural = w in _PLURAL_DET
        i = 1
    elif len(words) > 1 and words[0] == "de" and words[1] in ("nombreux", "nombreuses"):
        det, plural, i = "indefinite", True, 2
    elif len(words) > 1 and (words[0] in _COUNTING_WORDS or words[0].isdigit()):
        plural, i = True, 1  # a counted group with no article ("six sénateurs républicains")
    if det != "none" and i < len(words) - 1 and _counts(words[i]):
        # a cardinal between determiner and noun ("les deux cousins"), or a collective number whose
        # complement is the head ("des milliers de manifestants")
        plural = True
        h = grammar.collective_head(words, i, is_number=_counts)
        i = h if h > i else i + 1
    while i < len(words) - 1 and (words[i] in _PRE_ADJECTIVES or words[i].rstrip("-") == "ex"):
        if words[i] in ("premier", "première") and words[i + 1] == "ministre":
            break  # "le Premier ministre": one role, not a minister
        g = _PRE_ADJECTIVES.get(words[i])
        gender = gender or g
        i += 1
    if i >= len(words):
        return Description(det, gender, plural, "", None)
    head = words[i]
    if head in ("premier", "première") and i + 1 < len(words) and words[i + 1] == "ministre":
        # ("Premier" agrees with the holder: "la Première ministre" is a woman, "le Premier ministre" a man)
        return Description(det, gender or ("f" if head == "première" else "m"), plural, "premier ministre",
                           "official")
    for size in (4, 3):  # a person noun of several words ("garde des sceaux", "chef de l' état")
        if i + size <= len(words) and (many := nouns.forms.get(" ".join(words[i:i + size]))) is not None:
            return Description(det, gender or many[1], plural, many[0], many[2])
    found = nouns.lookup(head)
    if found is None and lx is not None and head in lx.role_words:
        found = (head, None, "official")
    if found is None:
        return Description(det, gender, plural, head, None)
    lemma, noun_gender, cls = found
    if noun_gender is not None and gender is None:
        gender = noun_gender
    if head != lemma and head.endswith(("s", "x")) and not lemma.endswith(("s", "x")):
        plural = plural or det == "none"
    return Description(det, gender, plural, lemma, cls)


class EntityTable:
    """The persons of one document, with gender and roles, and reference resolution to them."""

    def __init__(self, doc: ParsedDocument, res: Resources):
        self.doc = doc
        self.nouns = person_nouns(res)
        self.lx = lexica(res)
        idx: NameIndex = name_index(doc, res)
        self.by_name: dict[str, Entity] = {}
        self._mentions: list[tuple[int, Entity]] = []
        self.subject_mentions: set[int] = set()  # starts of mentions in subject position
        # starts of mentions inside quotation marks: someone's words name them, the writer's
        # discourse does not make them salient (a description never goes to them by recency)
        self.quoted_mentions: set[int] = set()
        quoted = self.quoted = quote_pairs(doc)
        q_starts = self._q_starts = [a for a, _ in quoted]
        agreed_names: set[str] = set()  # persons whose gender a determiner or adjective agreeing shows
        for m in idx.mentions:
            if m.person is None:
                continue
            j = bisect.bisect_right(q_starts, m.start) - 1
            if j >= 0 and quoted[j][0] < m.start < quoted[j][1]:
                self.quoted_mentions.add(m.start)
            elif self._subject_position(m.first) or self._incise_subject(m.first):
                self.subject_mentions.add(m.start)
            p = m.person
            ent = self.by_name.get(p.name)
            if ent is None:
                ent = self.by_name[p.name] = Entity(p.name, p.stype)
            ent.mentions.append(m.start)
            ent.roles |= {self._role_lemma(r) for r in p.roles} | self._roles_at(m.first, m.last)
            if ent.stype == "person" and (any((self.nouns.lookup(r) or ("", None, ""))[2] == "expert"
                                              for r in ent.roles) or self._member_of_expert_body(m.last)):
                ent.stype = "expert"  # "le toxicologue X", "X, politologue": an expert source
            ent.countries |= self._countries_at(m.first, m.last)
            g, agreed = self._gender_at(m.first, m.last)
            if g is not None and ent.gender is None:
                ent.gender = g
            if agreed and g == ent.gender:
                agreed_names.add(ent.name)
            self._mentions.append((m.start, ent))
        self._mentions.sort(key=lambda x: x[0])
        self._starts = [s for s, _ in self._mentions]
        for ent in self.by_name.values():
            given = self._given_name_gender(ent.name.split()[0])
            if ent.gender is None or (ent.gender == "m" and given == "f" and not self._titled(ent)
                                      and ent.name not in agreed_names):
                # the text said nothing, or only an unmarked masculine noun ("Marie-Pierre X, professeur
                # d'histoire"), not a determiner agreeing with it ("le docteur X"): the usual gender of
                # the given name (nam_dict lexicon)
                ent.gender = given or ent.gender

    def _given_name_gender(self, word: str) -> str | None:
        """The usual gender of a given name; a compound one not listed has its first element's
        ("Jean-Jacques" m, "Anne-Élisabeth" f, "Jean-Marie" m: French compounds follow the first)."""
        key = word_key(word)
        gender = self.lx.first_gender.get(key)
        if gender is None and "-" in key:
            gender = self.lx.first_gender.get(key.split("-")[0])
        return gender

    def _titled(self, ent: Entity) -> bool:
        """A title says the gender of one of the entity's mentions ("M. X", "Mme X")."""
        text = self.doc.text
        return any(text[max(0, s - 10):s].rstrip().lower().endswith(_TITLES) for s in ent.mentions)

    def _subject_position(self, first: int) -> bool:
        """The mention opens its sentence or clause: before it, after the last comma, only a
        determiner, title, role noun or adjective ("Devant les députés, le Premier ministre X")."""
        toks = self.doc.tokens
        sent = self.doc.sentences[toks[first].sent]
        lead = toks[max(sent.first, first - 12):first]  # (bounded: a longer lead is no subject's anyway)
        commas = [i for i, t in enumerate(lead) if t.text == ","]
        if commas:
            lead = lead[commas[-1] + 1:]
        lead = self._office_complement_skipped(lead)
        if len(lead) > 5:
            return False
        for t in lead:
            w = word_key(t.text)
            if not t.is_word or w in _NOT_IN_SUBJECT_LEAD or (t.lemma != w and t.text[:1].islower()
                                                              and t.lemma.endswith(("er", "ir", "re", "oir"))):
                return False
        return True

    def _office_complement_skipped(self, lead: list) -> list:
        """The words before a name in subject position, without the complement of the office noun
        heading them ("le préfet de la région X", "la ministre de la Santé X": the name is the
        office holder's, the complement only places the office); not after a relational noun (in "la
        mère de la victime X" the name may be the complement's)."""
        keys = [word_key(t.text) for t in lead]
        for i, w in enumerate(keys[:3]):
            if w in _OF:
                break
            found = self.nouns.lookup(w)
            if (found is not None and found[2] != "family" or w in self.lx.role_words) \
                    and w not in self.nouns.relational and i + 1 < len(keys) and keys[i + 1] in _OF \
                    and keys[-1] not in _OF and all(t.is_word for t in lead):
                return lead[:i + 1]
        return lead

    def _incise_subject(self, first: int) -> bool:
        """The mention is the inverted subject of an inserted verb after a quotation ("« … », a répété
        X"): the speaker just quoted, as salient as a subject written before its verb."""
        toks = self.doc.tokens
        k = first - 1
        lo = max(0, first - 5)
        while k >= lo and toks[k].is_word and toks[k].text[:1].islower() and word_key(toks[k].text) not in _OF \
                and word_key(toks[k].text) not in _PREPOSITIONS_BEFORE_NAME and word_key(toks[k].text) not in _DEFINITE:
            k -= 1
        if k == first - 1 or k < 0:
            return False  # (no verb between: a name right after a comma is no inverted subject)
        if toks[k].text == ",":
            k -= 1
        return k >= 0 and toks[k].text in _QUOTE_CLOSE

    def _countries_at(self, first: int, last: int) -> set[str]:
        """Nationality adjectives of the role words right before a mention or of an apposition after it
        ("le Premier ministre indien X", "X, le président français")."""
        toks = self.doc.tokens
        sent = toks[first].sent
        near = [t for t in toks[max(0, first - 3):first] if t.sent == sent]
        if last < len(toks) and toks[last].text == ",":
            near += [t for t in toks[last + 1:last + 5] if t.sent == sent]
        nat = self.nouns.nationalities
        return {nat[word_key(t.text)] for t in near if word_key(t.text) in nat}

    def _member_of_expert_body(self, last: int) -> bool:
        """The apposition or relative clause after a name places the person in a research body ("X,
        directrice de programme à l'institut Y", "X, qui dirige le pôle Asie du centre d'études Z"):
        a member of a think tank, a university or an institute speaks as an expert (codebook)."""
        toks = self.doc.tokens
        if last >= len(toks) or toks[last].text != ",":
            return False
        keys = []
        for t in toks[last + 1:last + 1 + _APPOSITION_TOKENS]:
            if t.sent != toks[last].sent or t.text in (",", ";", ":", "(", ")") or t.text in _QUOTE_CLOSE or t.text in ("«", "“"):
                break
            keys.append(word_key(t.text))
        if not keys or keys[0] != "qui" and not parse_description(keys[:4], self.nouns, self.lx).names_person:
            return False  # (no apposition describing the person: "X, est de son côté…", "X, son goût…")
        return speakers.cue_stype(keys, self.lx) == "expert"

    def _role_lemma(self, word: str) -> str:
        found = self.nouns.lookup(word)
        return found[0] if found else word

    def _roles_at(self, first: int, last: int) -> set[str]:
        """Person nouns written right before a mention or heading an apposition after it.

        "l'humoriste Charline X", "Thierry X, animateur de l'émission", "X, la présidente de …".
        """
        toks = self.doc.tokens
        sent = toks[first].sent
        out = set()
        before: list[str] = []
        for t in reversed(toks[max(0, first - 3):first]):
            if not t.is_word or t.sent != sent:
                break  # "… entre les femmes et les hommes, X": a noun across a comma is no title of X
            before.insert(0, word_key(t.text))
        if before and before[-1] in _OF:
            before = []  # "la mère d'Ophélia": the name is the noun's complement, not its holder
        for i, w in enumerate(before):
            if w in ("premier", "première") and i + 1 < len(before) and before[i + 1] == "ministre":
                out.add("premier ministre")
                break
            found = self.nouns.lookup(w)
            if found is not None:
                out.add(found[0])
        if last + 1 < len(toks) and toks[last].text == ",":
            after = [word_key(t.text) for t in toks[last + 1:last + 5] if t.is_word and t.sent == sent]
            d = parse_description(after, self.nouns, self.lx)
            if d.names_person and d.head and not self._subject_of_verb(last + 1, sent, d.head):
                out.add(d.head)
        return out

    def _gender_at(self, first: int, last: int) -> tuple[str | None, bool]:
        """Gender shown by the words around the mention ``tokens[first:last]``, and whether a word
        agreeing with the name shows it (title, determiner, adjective, participle) rather than only
        a role noun's own gender ("X, professeur": the masculine is also the unmarked form)."""
        toks = self.doc.tokens
        sent = toks[first].sent
        before = [word_key(t.text) for t in toks[max(0, first - 4):first] if t.sent == sent]
        if len(before) >= 2 and before[-1] == "." and before[-2] + "." in _TITLE_GENDER:
            before[-2:] = [before[-2] + "."]  # "M ." tokenised apart
        if before and before[-1] in _TITLE_GENDER:
            return _TITLE_GENDER[before[-1]], True
        # "la ministre X", "l'ancienne présidente X": determiner/adjective + role noun before the name
        for k in range(len(before) - 1, -1, -1):
            if before[k] in _PREPOSITIONS_BEFORE_NAME:
                break  # "la candidate battue par X": the noun describes someone else than X
            found = self.nouns.lookup(before[k]) if before[k] not in _TITLE_GENDER else None
            if found is not None or before[k] in self.lx.role_words:
                lead = before[max(0, k - 2):k]
                # the description opens on its determiner ("a interrogé le docteur X": not "interrogé")
                dets = [i for i, w in enumerate(lead) if w in _DEFINITE or w in _INDEFINITE or w in _POSSESSIVE]
                lead = lead[dets[-1]:] if dets else lead
                d = parse_description(lead + [before[k]], self.nouns, self.lx)
                if d.gender is not None and not d.plural:
                    return d.gender, d.determiner != "none" or any(_PRE_ADJECTIVES.get(w) for w in lead)
                break
        # "X, la présidente de …", "X, ancienne ministre": an apposition after the name
        if last + 1 < len(toks) and toks[last].text == "," and toks[last + 1].sent == sent:
            after = [word_key(t.text) for t in toks[last + 1:last + 5] if t.is_word]
            d = parse_description(after, self.nouns, self.lx)
            if d.names_person and d.gender is not None and not d.plural:
                return d.gender, d.determiner != "none"
        # "X s'est dite …", "X est arrivée": a feminine participle agreeing with the name
        j = last
        while j < len(toks) and j < last + 3 and word_key(toks[j].text) in _AUX_AFTER_NAME:
            j += 1
        if j > last and j < len(toks) and toks[j].sent == sent:
            w = word_key(toks[j].text)
            if w.endswith(("ée", "ite", "ise")) and toks[j].lemma != w and len(w) >= 4:
                return "f", True
        return None, False

    def in_quotes(self, offset: int) -> bool:
        """``offset`` lies inside a pair of quotation marks."""
        j = bisect.bisect_right(self._q_starts, offset) - 1
        return j >= 0 and self.quoted[j][0] < offset < self.quoted[j][1]

    # ------------------------------------------------------------------
    def entity(self, name: str) -> Entity | None:
        return self.by_name.get(name)

    def gender_of(self, name: str) -> str | None:
        ent = self.by_name.get(name)
        return ent.gender if ent is not None else None

    def recent(self, offset: int, limit: int = 0, skip: set[int] = frozenset()) -> list[tuple[int, Entity]]:
        """Persons mentioned before ``offset``, most recent first (each once), within ``limit`` chars if > 0,
        leaving out the mentions starting at ``skip``."""
        k = bisect.bisect_left(self._starts, offset)
        seen: set[str] = set()
        out = []
        for i in range(k - 1, max(-1, k - 1 - _MAX_LOOKBACK_MENTIONS), -1):  # bounded: linear time on any text
            s, ent = self._mentions[i]
            if limit and offset - s > limit:
                break
            if s in skip:
                continue
            if ent.name not in seen:
                seen.add(ent.name)
                out.append((s, ent))
        return out

    def resolve(self, offset: int, desc: Description, limit: int = 3000,
                by_salience: bool = True) -> tuple[Entity | None, str]:
        """The person a definite description or pronoun at ``offset`` refers to, and how it was found.

        A person described earlier with the same role noun wins; else (``by_salience``) the most
        recent person mentioned, skipping the other gender. ``(None, "")`` when none fits.
        """
        if desc.plural:
            return None, ""
        cands = [(s, e) for s, e in self.recent(offset) if self.fits(desc, e)]
        if desc.head:
            for s, e in cands:
                if desc.head in e.roles:
                    return e, METHOD_ROLE
        if not by_salience:
            return None, ""
        unquoted = [(s, e) for s, e in self.recent(offset, skip=self.quoted_mentions) if self.fits(desc, e)]
        cands = unquoted
        if not cands and desc.head:
            return self._named_after(offset, desc)
        if not cands or offset - cands[0][0] > limit:
            return None, ""
        if cands[0][0] not in self.subject_mentions:
            # a person named as a subject shortly before outranks one named in passing since
            # ("Quand X se place dans les pas de Y. … l'ancien Premier ministre" → X)
            for i in range(bisect.bisect_left(self._starts, offset) - 1, -1, -1):
                s, ent = self._mentions[i]
                if offset - s > _SUBJECT_WINDOW:
                    break
                if s in self.subject_mentions and self.fits(desc, ent):
                    return ent, METHOD_SALIENCE
            if desc.head and not self._same_class(desc, cands[0][1]):
                # only persons named in passing before: a person named after with this role, or as a
                # subject with no other role, is the better reading (cataphora); not when the person
                # before was given a role of the description's class ("Pour X, auteure chilienne, …
                # L'écrivaine de 77 ans")
                ent, how = self._named_after(offset, desc) if self._in_lead(offset) \
                    else self.named_after_with_role(offset, desc)
                if ent is not None:
                    return ent, how
        return cands[0][1], METHOD_SALIENCE

    def _in_lead(self, offset: int) -> bool:
        """``offset`` lies in the text's first paragraph: the lead, where a news text may describe
        someone before naming them ("Le Premier ministre a annoncé … Manuel Valls s'est entretenu");
        past it, a description with no role match refers back, not forward to any subject."""
        first_break = self.doc.text.find("\n")
        return first_break < 0 or offset < first_break

    def _same_class(self, desc: Description, ent: Entity) -> bool:
        """One of the person's roles is of the description's role class (auteure, écrivaine: culture)."""
        return desc.head_class is not None and any(
            (self.nouns.lookup(r) or ("", None, ""))[2] == desc.head_class for r in ent.roles)

    @staticmethod
    def fits(desc: Description, ent: Entity) -> bool:
        """Gender agreement, and nationality ("le président français" is not "le Premier ministre
        indien X"), when both are known."""
        return not (desc.gender and ent.gender and desc.gender != ent.gender) \
            and not (desc.country and ent.countries and desc.country not in ent.countries)

    def _named_after(self, offset: int, desc: Description) -> tuple[Entity | None, str]:
        """Cataphora: a description opening the text ("Pour le Premier ministre, … Edouard
        Philippe, …") refers to the first person named after it with the same role."""
        k = bisect.bisect_right(self._starts, offset)
        end = bisect.bisect_right(self._starts, offset + _CATAPHORA_WINDOW)
        after = [(s, e) for s, e in self._mentions[k:end]
                 if s not in self.quoted_mentions and not (desc.gender and e.gender and desc.gender != e.gender)]
        for s, e in after:
            if desc.head in e.roles:
                return e, METHOD_ROLE
        for s, e in after:  # else the first person named as a subject whose known roles do not conflict
            if s in self.subject_mentions and not e.roles:
                return e, METHOD_SALIENCE
        return None, ""

    def named_after_with_role(self, offset: int, desc: Description) -> tuple[Entity | None, str]:
        """The first person named after ``offset`` (within the cataphora window) with the description's
        role, gender permitting."""
        k = bisect.bisect_right(self._starts, offset)
        end = bisect.bisect_right(self._starts, offset + _CATAPHORA_WINDOW)
        for s, e in self._mentions[k:end]:
            if s not in self.quoted_mentions and self.fits(desc, e) and desc.head in e.roles:
                return e, METHOD_ROLE
        return None, ""

    def pronoun_gender(self, word: str) -> str | None:
        return _PRONOUN_GENDER.get(word)

    def _subject_of_verb(self, first: int, sent: int, head: str) -> bool:
        """"Face au dirigeant du parti de X, la journaliste a eu du mal": the description from token
        ``first`` (after a name and a comma) whose head noun an auxiliary follows is the subject of the
        main clause, no apposition to X. The head is matched on its own word (or a form of it)."""
        toks = self.doc.tokens
        j = next((j for j in range(first, min(len(toks), first + 4)) if toks[j].is_word and toks[j].sent == sent
                  and self._is_head(word_key(toks[j].text), head)), None)
        return j is not None and speakers.heads_main_clause(toks, j)

    def _is_head(self, word: str, head: str) -> bool:
        return word == head or (found := self.nouns.lookup(word)) is not None and found[0] == head


def entity_table(doc: ParsedDocument, res: Resources) -> EntityTable:
    """The document's entity table (built once per document)."""
    return doc.memo("entities.table", lambda: EntityTable(doc, res))


_OF = frozenset(("de", "du", "d'", "des"))
_QUOTE_CLOSE = frozenset(("»", "”", '"'))
_PAIR_LOOKBACK = 400  # tokens back to the coordinated pair a "couple" refers to
_PREPOSITIONS_BEFORE_NAME = _OF | frozenset(("par", "à", "au", "aux", "pour", "avec", "contre", "face", "chez", "sans",
                                             "sur", "selon", "entre", "vers", "envers", "après", "avant"))


def _wording(doc: ParsedDocument, first: int, last: int) -> str:
    toks = doc.tokens
    s = doc.text[toks[first].start:toks[last - 1].end]
    for q in "«»“”\"":
        s = s.replace(q, "")
    return " ".join(s.split())


def _name_is_complement(doc: ParsedDocument, nouns: PersonNouns, lx: Lexica, first: int, name_first: int) -> bool:
    """``un porte-parole du maire X``, ``les proches de X``: the name hangs on ``de``, it is not the head."""
    toks = doc.tokens
    k = name_first - 1
    while k > first and k >= name_first - 4:
        w = word_key(toks[k].text)
        if w in _OF:
            return True
        if w in _TITLE_GENDER or w.rstrip(".") + "." in _TITLE_GENDER or w in lx.titles or w == ".":
            k -= 1  # "les proches de M. Navalny": a title before the name
            continue
        if toks[k].is_word and toks[k].text[:1].islower() and (
                w in lx.role_words or nouns.lookup(w) is not None or w in _PRE_ADJECTIVES or not w.endswith("s")):
            k -= 1  # a role noun or an adjective between "de" and the name ("du maire", "du président russe")
            continue
        return False
    return False


def document_nouns(res: Resources) -> frozenset[str]:
    return res.memo(("entities", "document_nouns"), lambda: frozenset(
        word_key(e["term"]) for e in res.lexicon("document_nouns").entries))


def document_author(doc: ParsedDocument, res: Resources, first: int, last: int) -> Source | None:
    """The named author of a document phrase: "les dernières données de l'APIB" → APIB,
    "une enquête de Reuters" → Reuters, "une information BFMTV" → BFMTV (codebook: a
    document is typed by its author). ``None`` when the phrase names no document and author."""
    toks = doc.tokens
    docs = document_nouns(res)
    head = next((k for k in range(first, min(last, first + 4)) if toks[k].is_word
                 and word_key(toks[k].text) in docs), None)
    if head is None:
        return None
    lx = lexica(res)
    author = _author_noun(doc, lx, head, last)
    if author is not None:
        return author
    m = _author_name(doc, res, docs, head, last)
    if m is None:
        return None
    if m.person is not None:
        return Source(m.person.name, m.person.stype, m.start, m.end, "person", METHOD_NAME)
    keys = [word_key(t.text) for t in toks[m.first:m.last]]
    return Source(m.text, speakers.cue_stype(keys, lexica(res)) or "institution", m.start, m.end, "np",
                  "document")


def _channel_nouns(res: Resources) -> frozenset[str]:
    return res.memo(("entities", "channel_nouns"), lambda: frozenset(
        word_key(e["term"]) for e in res.lexicon("document_nouns").entries if e.get("channel") == "yes"))


def _author_name(doc: ParsedDocument, res: Resources, docs: frozenset[str], head: int, last: int):
    """The name that says whose the document headed at ``head`` is: a name after "de" that hangs on
    the document or its channel ("une enquête de Reuters", "les images diffusées sur le compte
    Twitter de XR"), else the name right after the noun ("une information BFMTV", "un sondage
    Viavoice"). ``None`` when the name hangs on another noun ("un bilan du ministère de la Santé")
    or other words come between."""
    toks = doc.tokens
    direct = None
    for m in name_index(doc, res).names_in(head + 1, last):
        k = m.first - 1
        while k > head and word_key(toks[k].text) in ("l'", "la", "le", "les"):
            k -= 1  # "de l'APIB"
        if k == head:
            if not (word_key(toks[head].text) in _channel_nouns(res) and m.last < last
                    and word_key(toks[m.last].text) in _OF):
                direct = direct or m  # (not "la page Facebook du ministère": the platform of a channel)
            continue
        owner = toks[k - 1] if k - 1 > head else toks[head]
        if word_key(toks[k].text) not in _OF or not (
                k - 1 == head or word_key(owner.text) in docs or owner.text[:1].isupper()):
            continue  # "du ministère de la Santé": Santé completes ministère, not the document
        between = [t for t in toks[head + 1:m.first] if t.is_word]
        if len(between) <= 7 and all(_between_document_and_author(word_key(t.text), t, docs) for t in between):
            return m
    return direct


def _between_document_and_author(w: str, t, docs: frozenset[str]) -> bool:
    """A word that may stand between a document noun and its author: "de", an article, an adjective
    or participle ("dernières", "diffusées"), "sur"/"par" and a channel ("sur le compte Twitter")."""
    return (w in _OF or w in ("l'", "la", "le", "les", "sur", "par") or w in docs or t.text[:1].isupper()
            or w.endswith(("é", "ée", "és", "ées", "e", "s")))


def _author_noun(doc: ParsedDocument, lx: Lexica, head: int, last: int) -> Source | None:
    """"le rapport du ministère de l'Intérieur" → the institution noun phrase after ``de``, with the
    name it holds; ``None`` when no source noun opens the complement."""
    toks = doc.tokens
    k = head + 1
    if k >= last or word_key(toks[k].text) not in _OF:
        return None
    k += 1
    while k < last and word_key(toks[k].text) in ("l'", "la", "le", "les"):
        k += 1
    if k >= last or toks[k].text[:1].isupper() or word_key(toks[k].text) not in lx.cue_words:
        return None
    keys = [word_key(t.text) for t in toks[k:last]]
    stype = speakers.cue_stype(keys, lx) or "institution"
    r = last
    while r > k + 1 and toks[r - 1].is_word and toks[r - 1].text[:1].isupper():
        r -= 1
    if r < last and toks[r - 1].is_word and toks[r - 1].text[:1].islower() \
            and word_key(toks[r - 1].text) not in speakers.FUNCTION_WORDS | _OF | _PREPOSITIONS_BEFORE_NAME:
        k = r  # "une étude du quotidien spécialisé X": the name closing the described phrase
    return Source(_wording(doc, k, last), stype, toks[k].start, toks[last - 1].end, "np", "document")


def refer(doc: ParsedDocument, res: Resources, first: int, last: int, src):
    """``src`` (from :func:`speakers.describe_source`) with its reference resolved and ``method`` set.

    A definite person description goes to the person it refers back to (entity table);
    an unresolved one, an indefinite or possessive one, or a person named only as a
    complement (``un proche de X``) is an unnamed source: ``anonymous``.
    """
    if src is None or src.kind == "pronoun" or last <= first or src.method == "outlet":
        return src
    if src.kind != "person":
        author = document_author(doc, res, first, last)
        if author is not None:
            return author
    toks = doc.tokens
    nouns, lx = person_nouns(res), lexica(res)
    words = [word_key(t.text) for t in toks[first:last] if t.is_word]
    desc = parse_description(words, nouns, lx)
    if src.kind == "person":
        return _named_person(doc, res, first, last, src, words, desc)
    if desc.head in nouns.pairs and desc.determiner in ("definite", "demonstrative") and not desc.plural \
            or _two_of_them(words, desc):
        # "le couple", "les deux cousins": the two persons last named together
        pair = _coordinated_pair_before(doc, res, first)
        if pair is not None:
            return Source(pair, "person", src.start, src.end, "role", METHOD_PAIR)
    named = _named_before_comma(doc, res, desc, first, last) if desc.names_person else None
    if named is not None:  # "Anne X, une enseignante de…, a reconnu": the apposition describes the name
        return named
    if src.stype == "anonymous":
        return Source(src.name, src.stype, src.start, src.end, src.kind, METHOD_ANONYMOUS)
    table = entity_table(doc, res)
    if src.kind == "role" and src.name in table.by_name:
        return Source(src.name, src.stype, src.start, src.end, src.kind, METHOD_ROLE)
    if not desc.names_person:
        national = _national_described(doc, table, words, first)
        if national is not None:
            return Source(national.name, national.stype, src.start, src.end, "role", METHOD_ROLE)
        return Source(src.name, src.stype, src.start, src.end, src.kind, METHOD_WORDING)
    if desc.determiner == "none" and not desc.plural and desc.head_class == "family" \
            and not name_index(doc, res).persons_in(first, last):
        # "Maman m'a dit…": a kin term used as a name is someone unnamed
        return Source(src.name, "anonymous", src.start, src.end, "np", METHOD_ANONYMOUS)
    named = _named_in_apposition(doc, res, nouns, lx, first, last)
    if named is not None:  # "le médecin Douglas Yanai": the role noun describes the name after it
        m = named
        stype = "expert" if desc.head_class == "expert" else "person"
        return Source(m.text, stype, m.start, m.end, "person", METHOD_NAME)
    named = _named_after_comma(doc, res, desc, last) or _assembly(src, desc, nouns)
    if named is not None:
        return named
    asker = _interviewer_described(doc, res, desc, table)
    if asker is not None:
        return Source(asker, "person", src.start, src.end, "role", METHOD_INTERVIEWER)
    if desc.determiner == "definite" and not desc.plural:
        ent, how = table.resolve(toks[first].start, desc, by_salience=_resolved_by_salience(doc, res, words, first))
        if ent is not None:
            return Source(ent.name, ent.stype, src.start, src.end, "role", how)
    if desc.determiner == "possessive" and not desc.plural:
        # "sa mère" after "Stéphanie X, la mère d'Ophélia": the person described so earlier, never by salience
        ent, how = table.resolve(toks[first].start, desc, by_salience=False)
        if ent is None and desc.head:
            # "sa mère revient sur ce jour … Stéphanie X, la mère d'Ophélia": the person the text names
            # a little later with the same role (cataphora)
            ent, how = table.named_after_with_role(toks[first].start, desc)
        if ent is not None:
            return Source(ent.name, ent.stype, src.start, src.end, "role", how)
    if desc.determiner in ("definite", "possessive"):
        # "ont annoncé ses avocats" … "ont indiqué ses avocats X et Y": the same words name them elsewhere
        found = _named_elsewhere(doc, res, first, last)
        if found is not None:
            return Source(found, "person", src.start, src.end, "person", METHOD_ROLE)
    if desc.plural and desc.determiner != "indefinite" and _names_a_side(doc, res, first, last):
        # "les médecins allemands", "les responsables ukrainiens": a group standing for a side (no article)
        return Source(_without_article(src.name), src.stype, src.start, src.end, src.kind, METHOD_WORDING)
    if desc.determiner in ("definite", "indefinite", "possessive") or desc.plural:
        # (kind "role": an apposition after it may still name the person, "le ministre, X,")
        return Source(_wording(doc, first, last), "anonymous", toks[first].start, toks[last - 1].end,
                      "np" if desc.plural or desc.determiner != "definite" else "role", METHOD_ANONYMOUS)
    return Source(src.name, src.stype, src.start, src.end, src.kind, METHOD_WORDING)


def _national_described(doc: ParsedDocument, table: EntityTable, words: list[str], first: int) -> Entity | None:
    """"le jeune Français", "l'Américaine" after "le Français X", "l'astronaute américaine Y": a singular
    definite description headed by a nationality noun is the person named last with that nationality
    (gender permitting; nationalities from countries.tsv)."""
    if len(words) < 2 or len(words) > 3 or words[0] not in ("le", "la", "l'") \
            or (len(words) == 3 and words[1] not in _PRE_ADJECTIVES):
        return None
    code = table.nouns.nationalities.get(words[-1])
    if code is None or words[-1].endswith("s") and not words[-1].endswith("ais"):
        return None  # (a plural, "les Américains", is a people, not a person)
    gender = {"la": "f", "le": "m"}.get(words[0]) or ("f" if words[-1].endswith(("aise", "ine", "ienne", "ane"))
                                                     else "m" if words[-1].endswith(("ais", "ain", "ien", "an"))
                                                     else None)
    for _, ent in table.recent(doc.tokens[first].start):
        if code in ent.countries and not (gender and ent.gender and gender != ent.gender):
            return ent
    return None


def _named_person(doc: ParsedDocument, res: Resources, first: int, last: int, src: Source, words: list[str],
                  desc: Description) -> Source:
    """A phrase naming a person: that person (typed by the entity table), unless the name is only the
    complement of an unnamed one (``un proche de X``, ``les avocats de X``): anonymous."""
    toks = doc.tokens
    nouns, lx = person_nouns(res), lexica(res)
    cue_anonymous = any(w in nouns.around for w in words[:3])  # around someone, definite or not: unnamed
    persons = name_index(doc, res).persons_in(first, last)
    if persons and (cue_anonymous or desc.names_person and (desc.determiner != "definite" or desc.plural)) \
            and _name_is_complement(doc, nouns, lx, first, persons[0].first):
        return Source(_wording(doc, first, last), "anonymous", toks[first].start, toks[last - 1].end, "np",
                      METHOD_ANONYMOUS)
    full = src.start is not None and doc.text[src.start:src.end] == src.name
    ent = entity_table(doc, res).entity(src.name)
    stype = ent.stype if ent is not None and src.stype == "person" else src.stype
    return Source(src.name, stype, src.start, src.end, src.kind, METHOD_NAME if full else METHOD_SHORT)


def _without_article(name: str) -> str:
    """A group noun without its article ("autorités russes"); a proper name keeps it ("les États-Unis")."""
    head, _, rest = name.partition(" ")
    return rest if rest[:1].islower() and head.lower() == "les" else name


def _two_of_them(words: list[str], desc: Description) -> bool:
    """"les deux cousins", "ces deux hommes": a definite plural person noun counted as two."""
    return desc.plural and desc.names_person and len(words) >= 3 and words[0] in ("les", "ces") \
        and words[1] == "deux"


def _coordinated_pair_before(doc: ParsedDocument, res: Resources, first: int) -> str | None:
    """"X et Y" for the two persons named last before token ``first`` as coordinated in one sentence
    ("Les suspects, X, 40 ans, et Y 34 ans, …"), with no other person between them."""
    toks = doc.tokens
    names = name_index(doc, res).names_in(max(0, first - _PAIR_LOOKBACK), first)
    for m1, m2 in reversed(list(zip(names, names[1:]))):
        # (one of the two may be a name the index did not know for a person: "X, 40 ans, et Y")
        if m1.person is None and m2.person is None or m1.last - m1.first < 2 or m2.last - m2.first < 2:
            continue
        between = [word_key(t.text) for t in toks[m1.last:m2.first]]
        n1, n2 = (m.person.name if m.person is not None else m.text for m in (m1, m2))
        if toks[m1.first].sent == toks[m2.first].sent and "et" in between and len(between) <= 8 and n1 != n2:
            return f"{n1} et {n2}"
    return None


def _named_after_comma(doc: ParsedDocument, res: Resources, desc: Description, last: int) -> Source | None:
    """A singular definite description followed by a full name between commas ("Selon le secrétaire
    d'État aux Transports, Y X, 14 passagers…"): the name in apposition is the person described."""
    toks = doc.tokens
    if desc.determiner != "definite" or desc.plural or last + 2 >= len(toks) or toks[last].text != ",":
        return None
    m = name_index(doc, res).by_token.get(last + 1)
    if m is None or m.person is None or m.first != last + 1 or m.last - m.first < 2 or m.last >= len(toks) \
            or toks[m.last].text not in (",", ".", ";") or toks[m.last].sent != toks[last].sent:
        return None
    ent = entity_table(doc, res).entity(m.person.name)
    return Source(m.person.name, ent.stype if ent is not None else m.person.stype, m.start, m.end, "person",
                  METHOD_NAME)


def _named_before_comma(doc: ParsedDocument, res: Resources, desc: Description, first: int,
                        last: int) -> Source | None:
    """A singular description between commas right after a full name opening its clause ("…, Anne
    X, une enseignante de l'université Y, a reconnu"): an apposition describing the person named."""
    toks = doc.tokens
    if desc.plural or first < 3 or last >= len(toks) or toks[first - 1].text != "," or toks[last].text != ",":
        return None
    m = name_index(doc, res).by_token.get(first - 2)
    if m is None or m.person is None or m.last != first - 1 or m.last - m.first < 2:
        return None
    if m.first > 0 and toks[m.first - 1].sent == toks[first].sent and toks[m.first - 1].text not in (",", ":"):
        return None  # "Interrogé par Anne X, un témoin a dit": the name closes another phrase
    ent = entity_table(doc, res).entity(m.person.name)
    if ent is None or desc.gender and ent.gender and desc.gender != ent.gender:
        return None
    return Source(ent.name, ent.stype, m.start, m.end, "person", METHOD_NAME)


def _assembly(src: Source, desc: Description, nouns: PersonNouns) -> Source | None:
    """"les législateurs républicains", "six sénateurs": members of an elected assembly acting together
    speak as a body of the state, an institution described in the text's words (codebook: group
    sources keep their wording)."""
    if desc.plural and desc.head in nouns.members and desc.determiner in ("definite", "none"):
        return Source(src.name, "institution", src.start, src.end, "np", METHOD_WORDING)
    return None


def _interviewer_described(doc: ParsedDocument, res: Resources, desc: Description, table: EntityTable) -> str | None:
    """"le journaliste", "le présentateur", "l'animatrice": the journalist the text names as holding
    the interview ("Interrogée par X, …"), not the latest person named (often the interviewee)."""
    if desc.determiner != "definite" or desc.plural or desc.head_class != "media":
        return None
    m = interviewing_person(doc, res)
    if m is None:
        return None
    ent = table.entity(m.person.name)
    if ent is not None and not table.fits(desc, ent):
        return None
    return m.person.name


def _resolved_by_salience(doc: ParsedDocument, res: Resources, words: list[str], first: int) -> bool:
    """Whether a definite description may go to the most salient person when no role matches.

    Not a relational description with its own complement ("la mère de la jeune femme", "le
    porte-parole du gouvernement", "le journaliste de BFMTV"): it names someone through another
    referent, and is that salient person only when described so earlier (role match). Nor a
    description inside quotation marks: the quoted speaker's words, not the writer's discourse,
    whose salience ranks the persons.
    """
    nouns = person_nouns(res)
    rel = next((i for i, w in enumerate(words) if w in nouns.relational or _reporter_of(nouns, words, i)), None)
    if rel is not None and words[rel + 1:rel + 2] and words[rel + 1] in _OF \
            and not words[rel + 2:rel + 3] == [] and not words[rel + 2][:1].isdigit() \
            and not (words[rel + 1] in ("de", "d'") and _bare_noun_complement(doc, first, rel + 2)):
        return False
    if _office_of_acronym(doc, nouns, first, len(words)):
        return False
    return not entity_table(doc, res).in_quotes(doc.tokens[first].start) or _inserted_clause_subject(doc, first)


def _office_of_acronym(doc: ParsedDocument, nouns: PersonNouns, first: int, n_words: int) -> bool:
    """"le président de l'AMF", "le directeur du FMI": the head of an organisation named by its acronym
    picks out its own holder, the salient person only when described so earlier (role match); a member
    ("la candidate du FN") is described by the organisation, not picked out by it."""
    toks = [t for t in doc.tokens[first:first + n_words + 2] if t.is_word][:n_words]
    for i, t in enumerate(toks[1:-1], 1):
        if word_key(t.text) in _OF and word_key(toks[i - 1].text) in nouns.heads:
            nxt = toks[i + 1] if word_key(toks[i + 1].text) not in ("l'", "la", "le", "les") or i + 2 >= len(toks) \
                else toks[i + 2]
            w = nxt.text.rstrip(".")
            return len(w) >= 2 and w.isalpha() and w.isupper()
    return False


def _inserted_clause_subject(doc: ParsedDocument, first: int) -> bool:
    """Token ``first`` opens the inverted subject of a clause inserted between commas ("« …, explique
    le médecin. … »"): the writer's words inside the marks, naming the speaker, not the quoted words."""
    toks = doc.tokens
    k = first - 1
    while k >= max(0, first - 3) and toks[k].is_word and toks[k].text[:1].islower():
        k -= 1
    if k == first - 1 or k < 0 or toks[k].text != ",":
        return False
    verb = toks[k + 1:first][-1]
    return verb.lemma != word_key(verb.text) and verb.lemma.endswith(("er", "ir", "re", "oir"))


def _bare_noun_complement(doc: ParsedDocument, first: int, i: int) -> bool:
    """The ``i``-th word from token ``first`` is a common noun with no determiner ("le fils d'immigré",
    "la fille de paysans"): the complement names a kind, not another referent, so the description
    classifies its holder and may refer back to a salient person like any description."""
    toks = [t for t in doc.tokens[first:first + i + 4] if t.is_word]
    if i >= len(toks):
        return False
    t = toks[i]
    w = word_key(t.text)
    return t.text[:1].islower() and w not in _DEFINITE and w not in _INDEFINITE and w not in _POSSESSIVE


def _reporter_of(nouns: PersonNouns, words: list[str], i: int) -> bool:
    """A working journalist of an outlet ("le journaliste de BFMTV", "le reporter de la chaîne"): named
    through the outlet, like a relational noun; a former one ("l'ancienne journaliste de France 2")
    is described by a past career, as the persons a story is about are."""
    found = nouns.lookup(words[i])
    return found is not None and found[2] == "media" and not any(
        w.rstrip("-") in ("ancien", "ancienne", "ex") or w.startswith("ex-") for w in words[:i + 1])


def _named_elsewhere(doc: ParsedDocument, res: Resources, first: int, last: int) -> str | None:
    """The person(s) the document names right after the same words ("ses avocats Ornella X et
    Randall Y"): their names, coordinated. ``None`` when the words never precede a person's name."""
    toks = doc.tokens
    keys = [word_key(t.text) for t in toks[first:last]]
    if not 2 <= len(keys) <= 4:
        return None
    idx = name_index(doc, res)
    n = len(keys)
    # the word keys of the document, once; the places of the first word found by a C-level scan
    # (one or two descriptions a document: no index to build; speed, issue 15)
    doc_keys = speakers.word_keys(doc)
    for k in islice(compress(count(), map(keys[0].__eq__, doc_keys)), _MAX_LOOKBACK_MENTIONS):
        if k == first or k + n >= len(toks) or doc_keys[k:k + n] != keys:
            continue
        m = idx.by_token.get(k + n)
        if m is None or m.person is None or m.first != k + n:
            continue
        names = [m.person.name]
        if m.last + 1 < len(toks) and word_key(toks[m.last].text) in ("et", ","):
            m2 = idx.by_token.get(m.last + 1)
            if m2 is not None and m2.person is not None and m2.first == m.last + 1:
                names.append(m2.person.name)
        return " et ".join(names)
    return None


def _named_in_apposition(doc: ParsedDocument, res: Resources, nouns: PersonNouns, lx: Lexica, first: int,
                         last: int):
    """The capitalised name right after the role noun(s) of a description (not a ``de`` complement)."""
    names = name_index(doc, res).names_in(first, last)
    if not names:
        return None
    m = names[0]
    if m.last - m.first < 2 or _name_is_complement(doc, nouns, lx, first, m.first):
        return None
    toks = doc.tokens
    between = [word_key(t.text) for t in toks[first:m.first] if t.is_word]
    if len(between) > 4 or any(w in _OF for w in between):
        return None
    return m


def actors_if_readable(res: Resources) -> ActorIndex | None:
    """The actors of this run, memoised under the key the camps stage uses; None when the
    file cannot be read (the camps stage reports it, the reference rules go on without it)."""
    cfg = res.config
    try:
        return res.memo(("actors", cfg.actors, cfg.lexicon_dirs), lambda: load_actors(cfg.actors, cfg.lexicon_dirs))
    except Exception:  # a broken actors file is reported by the camps stage
        return None


def _names_a_side(doc: ParsedDocument, res: Resources, first: int, last: int) -> bool:
    """The phrase holds a country, nationality or institution of the actors file."""
    actors = actors_if_readable(res)
    if actors is None:
        return False
    toks = doc.tokens
    return bool(actors.mentions(doc.text[toks[first].start:toks[last - 1].end]))


def describe_source(doc: ParsedDocument, res: Resources, first: int, last: int) -> Source | None:
    """:func:`speakers.describe_source` with the description resolved by :func:`refer`.

    ``la candidate`` → the person it refers back to, ``un proche de X`` → anonymous;
    every source gets its ``method``.
    """
    first, last = trim_np(doc, first, last)
    return refer(doc, res, first, last, speakers.describe_source(doc, res, first, last))
