"""Story-independent roles and countries of speakers, and camps derived from them.

A speaker the actors file does not name can still be placed from what the text
says about them: "le ministre néerlandais" is a government official of the
Netherlands, "la porte-parole de la CGT" a trade unionist in France, "une
chercheuse du CNRS" a researcher, "un riverain" a citizen. This module reads
such descriptions with three conflict-independent lexicons:

* ``role_classes.tsv`` — role nouns -> role class (``government``,
  ``politician``, ``union_ngo``, ``company``, ``researcher``, ``media``,
  ``citizen``, ``public_figure``, ``professional``, ``international``,
  ``anonymous``); head nouns ("président", "porte-parole", "directeur") take
  the class of the first class noun of their complement ("président de
  l'association" -> union_ngo);
* ``countries.tsv`` — country names (CLDR) and nationality adjectives ->
  ISO code, with EU/NATO membership;
* ``institutions.tsv`` — institutions, parties, unions, research bodies ->
  country and class ("l'Elysée" -> FR government, "le CNRS" -> FR researcher);

and ``outlets.tsv`` for the outlet's home country: an unqualified domestic
institution ("le préfet", "le ministère") is of the country of the outlet that
writes about it (the document's ``country`` metadata, else the outlet's row,
else the web domain's country suffix, else the table's ``default_country``).

The **camp** is the study's mapping of (role class, country) to sides, read
from the actors file's header::

    # country_camps: RU=russia UA=ukraine ... eu=nato_eu nato=nato_eu *=other
    # role_camps: government=country politician=country researcher=expert ...

``country`` means "the camp of the speaker's country" (an ISO code, or a
membership group in lower case; ``*`` any other country). A file without these
lines gets the shipped role mapping restricted to its own camps and no country
mapping, so political roles stay ``unknown`` in another study unless it says
which country is which side.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Sequence
from urllib.parse import urlparse

from ..actors import UNKNOWN, ActorIndex, PhraseIndex, name_key
from ..grammar import POSSESSIVES_3
from ..lexicons import LexiconError
from ..resources import Resources
from .interviewers import INTERVIEWER_RE
from .speaker_text import SPEECH, mention_of, name_of, text_after_name, text_before_name

# precompiled: these run per name or quote, and re's own cache look-up costs as much (speed, issue 15)
_LEADING_ARTICLE = re.compile(r"^(?:la|le|les|l['’])\s*", re.IGNORECASE)
_COUNTRY_DOMAIN = re.compile(r"\.([a-z]{2})/?$")
_COMPLEMENT = re.compile(r"\s+(?:de|du|des|d['’])")

ROLE_CLASSES = ("government", "politician", "union_ngo", "company", "researcher", "media", "citizen",
                "public_figure", "professional", "international", "anonymous")
#: classes whose camp is that of their country
POLITICAL = frozenset({"government", "politician"})
#: the country code institutions.tsv gives a generic domestic institution ("le Sénat")
HOME = "HOME"
DEFAULT_ROLE_CAMPS = {"government": "country", "politician": "country", "researcher": "expert",
                      "media": "media", "union_ngo": "other", "company": "other", "citizen": "other",
                      "public_figure": "other", "professional": "other", "international": "other",
                      "anonymous": UNKNOWN}
#: an adjective qualifies a role noun or institution when at most this many words, none of them a
#: preposition or determiner, separate them ("le ministre néerlandais", "la police locale
#: britannique"; not "un spécialiste des études nord-coréennes")
ADJECTIVE_REACH = 1
#: nouns of a learned specialist: -logue/-logues ("toxicologue", "cardiologues"), a general French suffix
_LEARNED_SUFFIX = re.compile(r"(?<![\w-])\w{3,}logues?(?![\w-])", re.IGNORECASE)
#: "l'ancienne journaliste", "un ex-chercheur": the role is past
_FORMER = re.compile(r"(?:\b(?:ancien|ancienne|anciens|anciennes)\s+|\bex-?\s*)$", re.IGNORECASE)
_LINK_WORDS = frozenset("de des du d' la le les l' et à au aux en".split())
#: determiners that tie a circle noun to a person named before: possessives and "les mêmes"
_CIRCLE_DETERMINERS = POSSESSIVES_3 | frozenset({"même", "mêmes"})
#: web domains' country suffixes (an outlet's home country when no row names it)
DOMAIN_COUNTRY = {"fr": "FR", "be": "BE", "ch": "CH", "ca": "CA", "lu": "LU"}


@dataclass(frozen=True)
class RoleFinding:
    """A speaker's role class and country, and where they were read."""

    role: str = ""
    country: str = ""
    evidence: str = ""  # actor | institution | description | name

    def merged(self, other: "RoleFinding") -> "RoleFinding":
        """This finding, completed by ``other`` where it says nothing."""
        return RoleFinding(self.role or other.role, self.country or other.country,
                           self.evidence or other.evidence)


class RoleLexicon:
    """The role, country, institution and outlet tables of one run."""

    def __init__(self, res: Resources):
        nouns: list = []
        actor_roles: dict[str, str] = {}
        person_classes: dict[str, str] = {}
        circle: set[str] = set()
        qualifiers: list = []
        for e in res.lexicon("role_classes").entries:
            cls = e.get("class", "")
            if cls and cls not in ROLE_CLASSES:
                raise LexiconError(f"role_classes.tsv: class {cls!r} of {e['term']!r} is not one of "
                                   f"{', '.join(ROLE_CLASSES)}")
            if e.get("applies") == "actor_role":
                actor_roles[e["term"].lower()] = cls
            elif e.get("applies") == "person_class":
                person_classes[e["term"].lower()] = cls
            elif e.get("applies") == "circle":
                circle.add(e["term"].lower())
            elif e.get("applies") in ("around", "organisation", "eponym"):
                continue  # read by entities.py, attribution.py and speakers.py, not role nouns
            elif e.get("applies") == "qualifier":
                qualifiers.append((e["term"], (cls, False)))
            else:
                nouns.append((e["term"], (cls, e.get("head") == "yes")))
        self.actor_roles = actor_roles
        self.person_classes = person_classes
        #: nouns of a person's circle ("son entourage", "ses proches"): see :meth:`speaks_for_someone`
        self.circle = frozenset(circle)
        self.nouns = PhraseIndex(nouns)
        #: relational adjectives ("judiciaire"): a class only right after a head noun ("une source judiciaire")
        self.qualifiers = PhraseIndex(qualifiers)
        countries = res.lexicon("countries", required=("code", "kind"))
        self.groups: dict[str, frozenset[str]] = {}
        for e in countries.entries:
            self.groups.setdefault(e["code"], frozenset(e.get("groups", "").split()))
        self.countries = PhraseIndex((e["term"], (e["code"], e["kind"])) for e in countries.entries)
        self.institutions = PhraseIndex(
            (form, (e.get("country", ""), e.get("class", "")))
            for e in res.lexicon("institutions", required=("country",)).entries
            for a in (e.get("aliases") or e["term"]).split("|") if a.strip()
            for form in _with_contracted_article(a.strip()))
        outlets = res.lexicon("outlets", required=("country",))
        self.default_country = outlets.header.get("default_country", "")
        self.outlets = {name_key(a.strip()): e["country"] for e in outlets.entries
                        for a in (e.get("aliases") or e["term"]).split("|") if a.strip()}
        #: what, right after a country's name, makes it part of another name ("Ruritanie 2", "Ruritanie
        #: Inter"): a number, or a capitalised word continuing a country's name in an outlet's or an
        #: institution's name (outlets.tsv, institutions.tsv)
        self.name_after_country = _name_after_country(
            [e["term"] for e in countries.entries if e["kind"] in PLACE_KINDS],
            [a for name in ("outlets", "institutions") for e in res.lexicon(name).entries
             for a in [e["term"], *(e.get("aliases") or "").split("|")]])
        # read() is a function of its text alone, and descriptions recur (a quarter of
        # the calls on corpus-b are new): memoised by value, bounded (speed, issue 15)
        self._read_memo = lru_cache(maxsize=20_000)(self._read)

    # -- descriptions ----------------------------------------------------------
    def read(self, text: str) -> RoleFinding:
        """Role class and country said by a short description ("le ministre néerlandais")."""
        return self._read_memo(text)

    def _read(self, text: str) -> RoleFinding:
        if not text or not text.strip():
            return RoleFinding()
        marks = []  # (start, end, class, head, country)
        for s, e, (country, cls) in self.institutions.find(text):
            marks.append((s, e, cls, False, country))
        taken = [(s, e) for s, e, *_ in marks]
        for s, e, (cls, head) in self.nouns.find(text):
            if any(a < e and s < b for a, b in taken):
                continue
            if cls not in POLITICAL and _FORMER.search(text[max(0, s - 12):s]):
                continue  # a former journalist or researcher no longer speaks as one (a former minister stays a politician)
            marks.append((s, e, cls, head, ""))
        for s, e, (cls, _h) in self.qualifiers.find(text):
            if any(m[3] and m[1] <= s and not text[m[1]:s].strip() for m in marks):
                marks.append((s, e, cls, False, ""))  # "une source judiciaire": the source's domain
        for m in _LEARNED_SUFFIX.finditer(text):  # -logue nouns name specialists (toxicologue, cardiologue)
            if not any(a < m.end() and m.start() < b for a, b, *_ in marks):
                marks.append((m.start(), m.end(), "researcher", False, ""))
        marks.sort()
        role = _role_of(marks)
        country = next((m[4] for m in marks if m[4]), "")
        if not country:
            country = self._country_near(text, marks)
        how = "institution" if any(m[4] for m in marks) else "description" if role or country else ""
        return RoleFinding(role, country, how)

    def speaks_for_someone(self, text: str) -> bool:
        """True when ``text`` names a person's circle through an anaphoric determiner: "son
        entourage", "l'un de ses conseillers", "les mêmes proches" (one adjective may come between)."""
        words = re.findall(r"[\w’'-]+", (text or "").lower())[:8]
        for i, w in enumerate(words):
            if w in self.circle and any(words[j] in _CIRCLE_DETERMINERS for j in range(max(0, i - 2), i)):
                return True
        return False

    def _country_near(self, text: str, marks: list) -> str:
        for s, e, (code, kind) in self.countries.find(text):
            if kind in PLACE_KINDS:
                if self.name_after_country.match(text, e):
                    continue  # a name built on the country's ("Ruritanie 2", "Ruritanie Inter") is not the country
                return code  # a country named in a description is its country ("ministre de la Défense du Japon")
            if any(m[1] <= s and len(text[m[1]:s].split()) <= ADJECTIVE_REACH
                   and not _LINK_WORDS.intersection(text[m[1]:s].lower().split()) for m in marks):
                return code
        return ""

    def institution_name(self, text: str) -> RoleFinding | None:
        """The finding of ``text`` when it is, whole, the name of an institution of
        ``institutions.tsv`` ("Météo Ruritanie", "Santé publique Ruritanie"), else None: a country's
        name inside an institution's name is part of the name, not the speaker's side."""
        key = _LEADING_ARTICLE.sub("", text.strip())
        found = self.institutions.find(key)
        if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(key) and found[0][2][1]:
            country, cls = found[0][2]
            return RoleFinding(cls, country, "institution")
        return None

    def country_name(self, text: str) -> str:
        """The ISO code when ``text`` is a country's name ("la Suède"), else ''."""
        key = _LEADING_ARTICLE.sub("", text.strip())
        found = self.countries.find(key)
        if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(key) and found[0][2][1] == "country":
            return found[0][2][0]
        return ""

    def is_outlet(self, name: str) -> bool:
        """True when ``name`` is an outlet of ``outlets.tsv`` ("Paris Match", "le Parisien")."""
        key = _LEADING_ARTICLE.sub("", (name or "").strip())
        return bool(key) and (name_key(key) in self.outlets or name_key(name or "") in self.outlets)

    def of_actor(self, role: str, country: str) -> RoleFinding:
        cls = self.actor_roles.get((role or "").lower(), "")
        return RoleFinding(cls, country or "", "actor")

    # -- home country -----------------------------------------------------------
    def home_country(self, meta: dict | None) -> str:
        """The outlet's home country: metadata ``country`` > outlet row > web domain > default."""
        meta = meta if isinstance(meta, dict) else {}
        if "country" in meta and meta["country"] is not None:
            return str(meta["country"]).strip().upper()
        for key in ("outlet", "site"):
            v = str(meta.get(key) or "").strip()
            if v and name_key(v) in self.outlets:
                return self.outlets[name_key(v)]
        for key in ("url", "outlet", "site"):
            host = str(meta.get(key) or "").strip().lower()
            host = urlparse(host).hostname or host if "//" in host else host
            m = _COUNTRY_DOMAIN.search(host)
            if m and m.group(1) in DOMAIN_COUNTRY:
                return DOMAIN_COUNTRY[m.group(1)]
        return self.default_country


#: a name opening with "Les"/"Le" loses its article to a contraction after à and de
#: ("le patron des Républicains", "au Parisien")
_CONTRACTIONS = {"les": ("des", "aux"), "le": ("du", "au")}


def _with_contracted_article(alias: str) -> list[str]:
    """The alias, and its forms after a contracted article when it opens with "Les"/"Le"
    ("Les Républicains" -> "des Républicains", "aux Républicains")."""
    keep = alias.startswith("=")
    word, _, rest = alias.lstrip("=").partition(" ")
    if word.lower() not in _CONTRACTIONS or not rest:
        return [alias]
    return [alias, *(("=" if keep else "") + f"{c} {rest}" for c in _CONTRACTIONS[word.lower()])]


def _role_of(marks: list) -> str:
    """The class of a description: the first class noun; a head noun defers to a class noun after it."""
    for i, (_s, _e, cls, head, _c) in enumerate(marks):
        if not head:
            if cls:
                return cls
            continue
        later = next((m[2] for m in marks[i + 1:] if not m[3] and m[2]), "")
        return later or cls
    return ""


def role_lexicon(res: Resources) -> RoleLexicon:
    """The role tables of this run (built once per configuration)."""
    return res.memo(("role_lexicon",), lambda: RoleLexicon(res))


# --- camps from roles -------------------------------------------------------

class CampMap:
    """The study's mapping of (role class, country) to camps (see the module docstring)."""

    def __init__(self, idx: ActorIndex, groups: dict[str, frozenset[str]]):
        self.idx, self.groups = idx, groups
        self.role_camps = {r: c for r, c in DEFAULT_ROLE_CAMPS.items() if c == "country" or idx.has_camp(c)}
        self.country_camps: dict[str, str] = {}
        header = idx.header
        for key, target in (("role_camps", self.role_camps), ("country_camps", self.country_camps)):
            for pair in header.get(key, "").split():
                k, _, v = pair.partition("=")
                if k and v and (v == "country" or idx.has_camp(v)):
                    target[k] = v

    def country_camp(self, country: str) -> str:
        if not country or country == "INT":
            return "other" if country == "INT" and self.idx.has_camp("other") else UNKNOWN
        cc = self.country_camps
        if country in cc:
            return cc[country]
        for g in sorted(self.groups.get(country, ())):
            if g in cc:
                return cc[g]
        return cc.get("*", UNKNOWN)

    def camp(self, finding: RoleFinding) -> str:
        """The camp of a role finding, ``unknown`` when the mapping says nothing."""
        how = self.role_camps.get(finding.role, "") if finding.role else ("country" if finding.country else "")
        if how == "country":
            return self.country_camp(finding.country)
        return how or UNKNOWN


def camp_map(res: Resources, idx: ActorIndex) -> CampMap:
    return res.memo(("camp_map", idx.path, idx.sha256), lambda: CampMap(idx, role_lexicon(res).groups))


def describe_all(lex: RoleLexicon, texts: Sequence[str]) -> RoleFinding:
    """The first description of ``texts`` giving a role, completed by a country from the others."""
    found = RoleFinding()
    fuller = [u.lower() for u in texts if " " in u]
    for t in texts:
        if " " not in t and any(u.startswith(t.lower() + " d") for u in fuller):
            continue  # "président" alone yields to "président de l'université": the complement decides
        f = RoleFinding(t[1:], "", "entity") if t.startswith("=") and t[1:] in ROLE_CLASSES else lex.read(t)
        if f.role and not found.role:
            found = RoleFinding(f.role, found.country or f.country, found.evidence or f.evidence)
        elif f.country and not found.country and (f.role == found.role or not f.role):
            found = RoleFinding(found.role, f.country, found.evidence or f.evidence)
        if found.role and found.country:
            break
    return found


# --- speakers of a document ---------------------------------------------------

#: a description after a name counts when a role noun starts within this many words
#: (", chercheuse au CNRS", ", l'un des porte-parole du collectif")
APPOSITION_WORDS = 3
#: how many sentences after a person's introduction a description may take the name up
ANAPHOR_SENTENCES = 2
#: a sentence whose subject is a definite description, after an optional opening adverbial
#: ("Samedi 30 septembre, la députée de la France insoumise a fait …"): the description, up to the verb
_SUBJECT_DESCRIPTION = re.compile(
    r"^\s*(?:[^,.;:«»\"]{0,40},\s*)?((?:[Ll]e|[Ll]a|[Ll]['’])\s*[^\W\d][^,.;:«»\"]{2,80}?)"
    r"\s+(?:a|ont|avait|avaient|est|sont|était|sera|va|vient|doit|aurait|se|s['’]|n['’]|ne)\b")
#: a capitalised word that is not a sentence's first word: another name
_CAPITALISED_NAME = re.compile(r"(?<=[\w,’'] )[A-ZÀ-Ý][a-zà-ÿ]+|(?<=[’'])[A-ZÀ-Ý][a-zà-ÿ]+")
#: a person's full name (two capitalised words) just after a title, or just before it and a comma
_FULL_NAME_NEXT = re.compile(r"^[\s_]*(?:[\w’'_-]+\s+){0,2}?[A-ZÀ-Ý][\w’'-]+\s+[A-ZÀ-Ý][\w’'-]+")
_FULL_NAME_BEFORE = re.compile(r"[A-ZÀ-Ý][\w’'-]+\s+[A-ZÀ-Ý][\w’'-]+\s*,\s*(?:[\w’'-]+\s+){0,1}$")
#: kinds of countries.tsv rows that name a place of the country (a region is a state of a
#: federation: "le gouverneur de" a federated state is of its federation); adjectives count only after a role noun
PLACE_KINDS = frozenset({"country", "region"})


def _name_after_country(places: Sequence[str], names: Sequence[str]) -> re.Pattern:
    """The pattern of what follows a country's name inside another name: a number ("Ruritanie 24"), or
    a capitalised word following a place's name in one of ``names`` ("Ruritanie Inter", "Ruritanie
    Travail"), a final s optional ("Ruritanie Télévision")."""
    places = {p.lstrip("=").strip() for p in places}
    words = set()
    for name in names:
        name = name.lstrip("=").strip()
        for place in places:
            if name.startswith(place + " ") and (word := name[len(place) + 1:].split()[0])[:1].isupper():
                words.add(word)
    alts = [re.escape(w[:-1]) + "s?" if w.endswith("s") else re.escape(w) for w in sorted(words)]
    return re.compile(r"\s*(?:\d" + "".join("|" + a + r"\b" for a in alts) + ")")


#: a foreign country named this many times (and more than the home country) makes a story foreign
STORY_MIN = 2


#: an acronym: two to six capitals ("PP", "HATVP"), possibly with digits after the first
_ACRONYM = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý0-9]{1,5}")
#: at most this many words before "(ACRONYM)" are read as its expansion
ACRONYM_WORDS = 12


def acronym_definitions(lex: RoleLexicon, text: str, name: str) -> list[str]:
    """The expansions a text gives an acronym speaker: news spells a body out once and names it by
    its acronym in parentheses, then by the acronym alone ("la préfecture de police (PP) indique…",
    later "selon la PP"). The expansion is the shortest run of words ending at the parenthesis
    that the role reader places, so a title earlier in the sentence is not read as its role."""
    if not _ACRONYM.fullmatch(name or ""):
        return []
    out = []
    for m in re.finditer(rf"\(\s*{re.escape(name)}\s*[),]", text):
        before = re.split(r"[.;:!?()«»\"“”\n]", text[max(0, m.start() - 200):m.start()])[-1].split()
        for k in range(1, min(len(before), ACRONYM_WORDS) + 1):
            phrase = " ".join(before[-k:])
            if lex.read(phrase).role:
                out.append(phrase)
                break
        if len(out) >= 3:
            break
    return out


class SpeakerRoles:
    """Role, country and role-derived camp of the speakers of one document.

    Reads the same places as the camp resolver (:class:`framing.extract.camps.CampResolver`,
    passed in): the speaker name, its mention, the reporting cue's source for an
    unnamed speaker, and the titles and appositions around every mention of the name.
    """

    def __init__(self, resolver, lex: RoleLexicon, cmap: CampMap, home: str):
        self.r, self.lex, self.cmap, self.home = resolver, lex, cmap, home
        self._memo: dict[str, RoleFinding] = {}
        self._story: str | None = None

    def finding(self, span) -> RoleFinding:
        """The role class and country of a QUOTE, IQUOTE or ATTR span's speaker."""
        name = name_of(span)
        anonymous = name.lower() in ("", "anonymous", "unknown")
        key = self._key(span)
        if key not in self._memo:
            self._memo[key] = self._find(span, name, mention_of(span), anonymous)
        return self._memo[key]

    @staticmethod
    def _key(span) -> str:
        name = name_of(span)
        return name if name.lower() not in ("", "anonymous", "unknown") else f"\0{span.start}"

    def _find(self, span, name: str, mention, anonymous: bool) -> RoleFinding:
        from ..actors import is_pronoun

        r, text = self.r, self.r.text
        texts: list[str] = []
        if not anonymous:
            if self.lex.is_outlet(name):
                return RoleFinding("media", "", "outlet")
            actor = r.idx.resolve(name)
            if actor is not None and not actor.is_nationality:
                found = self.lex.of_actor(actor.role, actor.country)
                if found.role:
                    return found
            code = self.lex.country_name(name)
            if code:
                return RoleFinding("government", code, "name")
            texts.append(name)
            texts += self._entity_roles(name)
            texts += acronym_definitions(self.lex, text, name)
        spots = [mention] if mention else []
        if anonymous and span.label in SPEECH:
            link = r._linked_attr(span)
            if link is not None and name_of(link).lower() not in ("", "anonymous", "unknown"):
                texts.append(name_of(link))
                if mention_of(link):
                    spots.append(mention_of(link))
        texts += [text[a:b] for a, b in spots if not is_pronoun(text[a:b])]
        if not anonymous:
            spots = list(dict.fromkeys(spots + r.mentions.get(name, []) + r._occurrences(name)))
        for a, b in spots:
            if not is_pronoun(text[a:b]):
                # a description that names the speaker elsewhere ("pour le toxicologue") is one too
                texts += [text[a:b], *self._windows(a, b)]
        return describe_all(self.lex, texts)

    def _entity_roles(self, name: str) -> list[str]:
        """Role nouns the document's entity table wrote beside the person's mentions (entities.py)."""
        table = self.r.doc.cache.get("entities.table")
        entity = table.entity(name) if table is not None and hasattr(table, "entity") else None
        out = []
        for word in sorted(getattr(entity, "roles", ()) or ()):
            if self.lex.read(word).role:
                out.append(word)
                continue
            found = table.nouns.lookup(word) if hasattr(table, "nouns") else None
            cls = self.lex.person_classes.get(found[2], "") if found else ""
            if cls:
                out.append(f"={cls}")  # read by describe_all as the class itself
        return out

    def _windows(self, a: int, b: int) -> list[str]:

        lo, hi = self.r._sentence_bounds(a, b)
        after = text_after_name(self.r.text, b, hi)
        if after and not _COMPLEMENT.match(after):
            marks = self.lex.nouns.find(after) + self.lex.institutions.find(after)
            if not marks or len(after[:min(m[0] for m in marks)].split()) >= APPOSITION_WORDS:
                after = ""
        return [text_before_name(self.r.text, a, lo), after]

    def _private_person(self, span) -> bool:
        """A person named in full to whom the document gives no role at all (no title, apposition,
        description or actor row): news introduces those who speak for a government, a party, a
        research body or an outlet by their function, so such a person speaks as a private one."""
        name = str(span.attrs.get("source" if span.label == "ATTR" else "speaker", "") or "").strip()
        if name.lower() in ("", "anonymous", "unknown") or self.r.idx.resolve(name) is not None:
            return False
        table = self.r.doc.cache.get("entities.table")
        entity = table.entity(name) if table is not None and hasattr(table, "entity") else None
        if entity is not None:
            return getattr(entity, "stype", "person") == "person"  # its roles were read above and gave no class
        words = name.split()
        return len(words) >= 2 and all(w[:1].isupper() for w in words) and not self.lex.read(name).role

    def _anaphoric_description(self, name: str) -> RoleFinding:
        """The role of a definite description that takes up a person just introduced by name.

        News introduces a person by name and names them next by their function, as the
        subject of one of the next two sentences: "Raquel Garrido persiste et signe. Samedi,
        la députée de la France insoumise a fait des vagues". Read only when the description's
        noun is new (not met before the name's sentence ends: not someone else already in the
        story) and no other capitalised name comes between.
        """
        text, doc = self.r.text, self.r.doc
        k = text.find(name) if len(name) >= 3 else -1
        sent = doc.sentence_of(k) if k >= 0 else None
        if sent is None or _CAPITALISED_NAME.search(text[k + len(name):sent.end]):
            return RoleFinding()  # another name after it in its sentence: the description could be theirs
        for nxt in doc.sentences[sent.i + 1:sent.i + 1 + ANAPHOR_SENTENCES]:
            chunk = text[nxt.start:nxt.end]
            m = _SUBJECT_DESCRIPTION.match(chunk)
            if m is None:
                if _CAPITALISED_NAME.search(chunk):
                    break  # someone else comes in
                continue
            desc = m.group(1)
            marks = self.lex.nouns.find(desc)
            if not marks:
                continue
            noun = desc[marks[0][0]:marks[0][1]]
            if re.search(rf"(?<![\w-]){re.escape(noun)}(?![\w-])", text[:sent.end], re.IGNORECASE):
                break  # the noun names someone met before
            found = self.lex.read(desc)
            return RoleFinding(found.role, found.country, "description") if found.role else RoleFinding()
        return RoleFinding()

    def _holds_interviews(self, name: str) -> bool:
        """True when the person is named right after a phrase that introduces an interview ("au micro
        de Jean Martin", "invitée de Paul Durand", "interrogé par X"): the one who asks
        the questions is a journalist or host (interviewers.py), whom news names without a title."""
        text = self.r.text
        for a, _b in self.r._occurrences(name):
            m = INTERVIEWER_RE.search(text, max(0, a - 60), a)
            while m is not None:
                if m.end() == a:
                    return True
                m = INTERVIEWER_RE.search(text, m.end(), a)
        return False

    def _in_politics(self, name: str) -> bool:
        """True when a sentence that names the person names a party or a politician's office too.

        News quotes the politicians its readers know by name alone ("Jean Martin estime que
        le parti a changé", "Paul Durand (LR) a invité…"), while it introduces private people by
        what they are (age, residence, kinship): a person with no role whose own sentences speak
        of parties, elected offices or candidates is of politics, not a private person.
        """
        text, doc = self.r.text, self.r.doc
        seen: set[int] = set()
        words = name.split()
        # the person is taken up by surname alone ("M. Bertrand", "Bertrand a ajouté")
        surname = words[-1] if len(words) >= 2 and len(words[-1]) >= 4 else ""
        for a, _b in self.r._occurrences(name) + (self.r._occurrences(surname) if surname else []):
            sent = doc.sentence_of(a)
            if sent is None or sent.start in seen:
                continue
            seen.add(sent.start)
            if self._political_marks(text[sent.start:sent.end], surname or name):
                return True
        return False

    def _political_marks(self, chunk: str, name: str) -> bool:
        """A party or politician's office in ``chunk`` that is no title of another person named there
        ("au député LR Jean Martin", "Paul Durand, maire de la commune")."""
        found = self.lex.institutions.find(chunk)
        insts = [(s, e) for s, e, _v in found]
        marks = [(s, e) for s, e, (cls, _h) in self.lex.nouns.find(chunk) if cls == "politician"]
        marks += [(s, e) for s, e, (_c, cls) in found if cls == "politician"]
        blanked = chunk.replace(name, "_" * len(name))
        for s, e in insts:  # a party's capitalised name is not a person's
            blanked = blanked[:s] + "_" * (e - s) + blanked[e:]
        for s, e in marks:
            if not (_FULL_NAME_NEXT.match(blanked[e:e + 60]) or _FULL_NAME_BEFORE.search(blanked[max(0, s - 40):s])):
                return True
        return False

    def outlet_camp(self, name: str) -> str | None:
        """``media`` for a speaker named by an outlet of ``outlets.tsv`` that the actors file does not
        list under that exact name (so "Paris Match" is not Paris, but RT stays its state's)."""
        if not self.lex.is_outlet(name) or not self.r.idx.has_camp("media"):
            return None
        exact = self.r.idx.resolve(name)
        if exact is not None and any(name_key(a.lstrip("=")) == name_key(name) for a in exact.aliases):
            return None
        return "media"

    def camp(self, span, pos: int) -> tuple[str, str, RoleFinding]:
        """``(camp, method, finding)`` from the speaker's role; camp ``unknown`` when it says nothing.

        A political role with no country takes the side of the previous
        institutional speaker (as a bare office does in the camp resolver),
        else the outlet's home country.
        """
        f = self.at_home(self.finding(span))
        private = not f.role and self._private_person(span)
        if private:
            # before calling them private: a definite description that takes the name up
            found = self._anaphoric_description(name_of(span))
            if not found.role and self._holds_interviews(name_of(span)):
                found = RoleFinding("media", f.country, "interviewer")
            if not found.role and self._in_politics(name_of(span)):
                found = RoleFinding("politician", f.country, "politics")
            if found.role:
                f = self._memo[self._key(span)] = found
        if not f.role:  # a country alone ("de Ruritanie 2", "ruritanienne") says nothing of the speaker's side
            if private:
                f = self._memo[self._key(span)] = RoleFinding("citizen", f.country, "no-role")
                return self.cmap.camp(f), "person-no-role", f
            return UNKNOWN, "", f
        if f.role in POLITICAL and not f.country:
            # a bare office ("le ministère") is the previous institutional speaker's; a named
            # person is not (the previous speaker of a story is as often an opponent)
            named = str(span.attrs.get("source" if span.label == "ATTR" else "speaker", "")).lower() \
                not in ("", "anonymous", "unknown") and f.evidence not in ("description", "institution")
            prev = self.r._previous_speaker(pos) if not named else None
            if prev:
                return prev, "context", f
            country = self.sentence_country(pos) or self.story_country()
            if country:
                f = RoleFinding(f.role, country, "story" if country != self.home else "home")
                return self.cmap.camp(f), ("story-country" if country != self.home else "home-country"), f
            return UNKNOWN, "", f
        camp = self.cmap.camp(f)
        return camp, ("role+country" if f.role in POLITICAL else "role"), f

    def at_home(self, f: RoleFinding) -> RoleFinding:
        """``institutions.tsv`` writes HOME for a generic domestic institution ("le Sénat", "le
        Conseil des ministres"): it is the outlet's home country's."""
        if f.country != HOME:
            return f
        return RoleFinding(f.role, self.home, "home") if self.home else RoleFinding(f.role, "", f.evidence)

    def sentence_country(self, pos: int) -> str:
        """The country named (by its name, not an adjective) nearest ``pos`` in its sentence.

        "…dans le sud-ouest de l'Angleterre, où la police doit…": the police is England's.
        """
        sent = self.r.doc.sentence_of(pos)
        if sent is None:
            return ""
        found = [(abs(sent.start + s0 - pos), code) for s0, _e, (code, kind)
                 in self.lex.countries.find(self.r.text[sent.start:sent.end])
                 if kind in PLACE_KINDS and code not in ("EU", "INT")]
        return min(found)[1] if found else ""

    def story_country(self) -> str:
        """The country of an unqualified office: the outlet's home country, unless the story is abroad.

        A story is abroad when one foreign country is named (names and adjectives)
        at least :data:`STORY_MIN` times and more often than the home country: "le
        ministre de la Santé" of a story about Ukraine is Ukraine's.
        """
        if self._story is None:
            counts: dict[str, int] = {}
            for _s, _e, (code, _kind) in self.lex.countries.find(self.r.text):
                if code not in ("EU", "INT"):
                    counts[code] = counts.get(code, 0) + 1
            home_n = counts.pop(self.home, 0) if self.home else 0
            top = max(counts, key=lambda c: (counts[c], c), default="")
            self._story = top if top and counts[top] >= STORY_MIN and counts[top] > home_n else self.home
        return self._story

    def role_label(self, span) -> str:
        """The span's ``role`` attribute: a role class, ``anonymous`` or ``unknown``."""
        f = self.finding(span)
        if f.role:
            return f.role
        name = str(span.attrs.get("source" if span.label == "ATTR" else "speaker", "") or "").lower()
        return "anonymous" if name == "anonymous" else UNKNOWN


def speaker_roles(doc, resolver, res: Resources, idx: ActorIndex) -> SpeakerRoles:
    """The speaker-role reader of one document (home country from its metadata)."""
    lex = role_lexicon(res)
    return SpeakerRoles(resolver, lex, camp_map(res, idx), lex.home_country(getattr(doc, "meta", None)))
