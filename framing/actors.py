"""Actors of a conflict and the side ("camp") each one belongs to.

The actors file (shipped: ``lexicons/actors.tsv``; a study of another conflict
passes its own with ``--actors FILE``, which replaces it) is a lexicon-style
TSV: header lines ``# source:``, ``# license:``, ``# version:``,
``# columns: term aliases camp role country``, and optionally

* ``# camps: russia ukraine ... unknown`` — the camps of the study, in order
  (also the feature columns ``voice_{camp}_share``); without it, the camps are
  those used in the file plus ``unknown``;
* ``# sides: russia north_korea | ukraine usa nato_eu south_korea`` — groups of
  allied camps, used by the stance rules (optional).

``term`` is the canonical name (a ``canonical`` column is accepted too);
``aliases`` are ``|``-separated spellings, transliteration variants
included. Aliases are matched on whole words, case- and accent-insensitively,
with a hyphen equal to a space ("Kim Jong-un" = "Kim Jong Un"); an alias
written ``=Alias`` is matched case-sensitively (``=du Nord`` is not "du nord
de l'Ukraine"). When ``aliases`` is empty the canonical name is the alias.
``role`` is free text except ``nationality``: such rows are gentilés and
adjectives ("ukrainien", "russes") that give a side to a description.

Role nouns ("porte-parole", "analyste", "déserteur") live in the separate,
conflict-independent lexicon ``lexicons/roles.tsv`` (columns ``term kind
camp``, extendable with ``--lexicon-dir``).

>>> idx = load_actors()
>>> idx.resolve("Guerassimov").canonical
'Valeri Guerassimov'
>>> idx.resolve("Moscou").camp
'russia'
>>> idx.describe("porte-parole du Pentagone")
('usa', 'actor')
"""
from __future__ import annotations

import bisect
import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from .grammar import byte_table, fold, fold_char, translate_chars
from .lexicons import LexiconError, display_path, load_lexicon, read_data_file, read_table, shipped_dir

# precompiled: these run per name or quote, and re's own cache look-up costs as much (speed, issue 15)
_APOSTROPHE_SPACES = re.compile(r"'\s+")

UNKNOWN = "unknown"
#: in a description, a nationality adjective counts when at most this many words separate
#: it from a role noun before it ("le vice-ministre russe", "responsables militaires et du
#: renseignement ukrainiens"), not when it qualifies something else ("études nord-coréennes")
NATIONALITY_REACH = 1
#: roles.tsv kinds
ROLE_KINDS = ("office", "expert", "media", "state_media", "defector", "group")
_PRONOUNS = frozenset("il elle ils elles on lui eux celui-ci celle-ci ce dernier cette dernière "
                      "je nous vous".split(" "))


class ActorsError(LexiconError):
    """The actors file is malformed; ``str()`` is ``file:line: message``."""


@dataclass(frozen=True)
class Actor:
    """One actor: a person, an institution, a place standing for a government, a gentilé."""

    canonical: str
    aliases: tuple[str, ...]
    camp: str
    role: str = ""
    country: str = ""

    @property
    def is_nationality(self) -> bool:
        return self.role == "nationality"


@dataclass(frozen=True)
class Role:
    """A role noun of ``roles.tsv``: ``kind`` and, for expert/media/defector, a camp."""

    term: str
    kind: str
    camp: str = ""


@dataclass(frozen=True)
class Mention:
    """``text[start:end]`` names ``item`` (an :class:`Actor` or a :class:`Role`)."""

    start: int
    end: int
    item: Actor | Role


# --- normalisation and matching --------------------------------------------


@lru_cache(maxsize=50_000)  # names recur within and across documents (speed, issue 15)
def name_key(text: str, lower: bool = True) -> str:
    """Comparison key of a name: folded, hyphens as spaces, single spaces."""
    s = fold(text, lower).replace("-", " ")
    s = _APOSTROPHE_SPACES.sub("'", s)
    return " ".join(s.split())


_SEP = r"[\s\-]+"
_WORD_EDGE_L = r"(?<![\w\-])"
_WORD_EDGE_R = r"(?![\w\-])"


def _alias_pattern(key: str) -> str:
    parts = []
    for word in key.split(" "):
        parts.append(r"'\s*".join(re.escape(p) for p in word.split("'")))
    return _SEP.join(parts)


# Separator runs as the alias patterns see them: whitespace (``\s``) and hyphens.
_SEPARATORS = frozenset(chr(i) for i in range(0x3001) if chr(i).isspace()) | {"-"}
# Runs of spaces that are squeezed: two or more, or any after an apostrophe. Written
# to start with a literal space, which the regular-expression engine then searches for
# directly instead of trying a look-behind at every position (speed, issue 9); the
# matches are those of ``(?<=') +| {2,}``.
_SQUEEZE = re.compile(r" (?:(?<=' ) *| +)")


class _FoldSpaceTable(dict):
    """``str.translate`` table: :func:`fold`, then every separator as one space (filled on first sight)."""

    def __init__(self, lower: bool):
        super().__init__()
        self.lower = lower

    def __missing__(self, code: int) -> str:
        c = fold_char(chr(code), self.lower)
        value = self[code] = " " if c in _SEPARATORS else c
        return value


_FOLD_SPACE_TABLES = {True: _FoldSpaceTable(True), False: _FoldSpaceTable(False)}
_FOLD_SPACE_BYTES = {lower: byte_table(table) for lower, table in _FOLD_SPACE_TABLES.items()}


def _is_edge_char(c: str) -> bool:
    """A word character or a hyphen (a match may not start after or end before one)."""
    return c.isalnum() or c == "_" or c == "-"


def _squeeze_separators(text: str, lower: bool) -> tuple[str, list[int], list[int]]:
    r"""``fold(text, lower)`` with each separator run as one space, and none after an apostrophe.

    This is the text the alias keys are written in (``name_key``), so a key
    occurs in it where its pattern (``[\s\-]+`` between words, ``'\s*``)
    matches the folded text. From normalised index ``breaks[i]`` on, the index
    in ``text`` is the normalised index plus ``deltas[i]``.
    """
    lower = bool(lower)
    spaced = translate_chars(text, _FOLD_SPACE_TABLES[lower], _FOLD_SPACE_BYTES[lower])  # same length as text
    pieces: list[str] = []
    breaks, deltas = [0], [0]
    if "  " not in spaced and "' " not in spaced:  # nothing to squeeze (speed, issue 9)
        return spaced, breaks, deltas
    prev = delta = 0
    for m in _SQUEEZE.finditer(spaced):
        a, b = m.span()
        after_apostrophe = a > 0 and spaced[a - 1] == "'"
        repl = "" if after_apostrophe and "-" not in fold(text[a:b], lower) else " "
        pieces.append(spaced[prev:a])
        pieces.append(repl)
        breaks.append(a - delta + len(repl))
        delta += (b - a) - len(repl)
        deltas.append(delta)
        prev = b
    if not pieces:
        return spaced, breaks, deltas
    pieces.append(spaced[prev:])
    return "".join(pieces), breaks, deltas


def _squeezed(text: str) -> tuple[str, list[int], list[int]]:
    """``_squeeze_separators(text, True)``, memoised: a document's text is searched by several
    indexes in turn (actor names, countries), each squeezing it (speed, issue 15). A short
    string is memoised by value (:func:`_squeezed_short`), an article in a small LRU memo, a
    huge text not at all (it is not held on to). The result is shared: read it only."""
    if len(text) <= 200:
        return _squeezed_short(text)
    if len(text) > 200_000:
        return _squeeze_separators(text, True)
    return _squeezed_article(text)


@lru_cache(maxsize=4)  # the texts of the documents being analysed (one per thread at most)
def _squeezed_article(text: str) -> tuple[str, list[int], list[int]]:
    return _squeeze_separators(text, True)


# names and descriptions, by value: each is searched by several indexes in turn (actors, roles, countries)
@lru_cache(maxsize=20_000)
def _squeezed_short(text: str) -> tuple[str, list[int], list[int]]:
    return _squeeze_separators(text, True)


def _case_kept(text: str, norm: str, start: int, key: str, breaks: list[int], deltas: list[int]) -> bool:
    """True when the case-kept squeezed text reads ``key`` from ``start`` (``norm`` is the lower-cased one).

    A space of ``norm`` is a space in both; any other character is the text's
    character folded, its case kept.
    """
    for k, kc in enumerate(key):
        j = start + k
        if norm[j] == " ":
            continue
        orig = j + deltas[bisect.bisect_right(breaks, j) - 1]
        if fold_char(text[orig], False) != kc:
            return False
    return True


def _leftmost_longest(f: tuple[int, int, object]) -> tuple[int, int]:
    """Sort key of a match ``(start, end, payload)``: leftmost first, then longest."""
    return f[0], f[0] - f[1]


class PhraseIndex:
    """Whole-word matching of many phrases in a string, leftmost-longest.

    Phrases are compared with :func:`name_key` (accents, case, hyphens);
    a phrase starting with ``=`` keeps its case.
    """

    def __init__(self, phrases: Iterable[tuple[str, object]]):
        self._payload: dict[tuple[bool, str], object] = {}
        # results on short strings (names, noun phrases) by string, bounded (speed, issue 9)
        self._short_memo: dict[str, tuple[tuple[int, int, object], ...]] = {}
        pats: dict[bool, set[str]] = {True: set(), False: set()}
        for phrase, payload in phrases:
            lower = not phrase.startswith("=")
            key = name_key(phrase.lstrip("="), lower)
            if not key:
                continue
            self._payload.setdefault((lower, key), payload)
            pats[lower].add(_alias_pattern(key))
        self._regex: dict[bool, re.Pattern[str]] = {}
        for lower, ps in pats.items():
            if ps:
                alt = "|".join(sorted(ps, key=lambda p: (-len(p), p)))
                self._regex[lower] = re.compile(f"{_WORD_EDGE_L}(?:{alt}){_WORD_EDGE_R}")
        # Speed (issue 9): the alternation of ~1,000 aliases cost ~2 ms per document.
        # An Aho-Corasick automaton over the text with separator runs squeezed finds
        # the same matches (tested against the regular expression); the expression
        # stays for keys ending in an apostrophe, whose `'\s*` may swallow spaces.
        # Both automata read the lower-cased squeezed text (one fold of the text, not
        # two): a case-kept key occurs in the case-kept squeezed text only where its
        # lower-cased form occurs in the lower-cased one, at the same place (folding
        # then lower-casing is folding lower-cased, character by character, and
        # separators and apostrophes are the same in both), so the automaton of
        # case-kept keys holds their lower-cased forms and each hit is checked
        # against the text's own letters (:func:`_case_kept`). The two sets of keys
        # share one automaton (one pass over the text instead of two: speed, issue 15);
        # a word's payload lists its keys of each set, and the hits of each set come
        # in the order its own automaton would give them (by end, longest first).
        self._automata: tuple[object, tuple[bool, ...]] | None = None
        if not any(key.endswith("'") for _, key in self._payload):
            import ahocorasick

            flags: list[bool] = []  # the sets in the order their matches are listed in
            words: dict[str, dict[bool, list[tuple[str, object]]]] = {}
            for (lower, key), payload in self._payload.items():
                if lower not in flags:
                    flags.append(lower)
                word = key if lower else "".join(c.lower()[0] for c in key)
                words.setdefault(word, {}).setdefault(lower, []).append((key, payload))
            auto = ahocorasick.Automaton()
            for word, by_flag in words.items():
                auto.add_word(word, (len(word), tuple(tuple(by_flag.get(f, ())) for f in flags)))
            auto.make_automaton()
            self._automata = (auto, tuple(flags))

    def _find_automaton(self, text: str) -> list[tuple[int, int, object]]:
        """What ``finditer`` of each expression gives, from the automaton."""
        auto, flags = self._automata
        norm, breaks, deltas = _squeezed(text)
        n_norm, n_text = len(norm), len(text)
        shifted = len(breaks) > 1  # else nothing was squeezed: offsets in norm are offsets in text
        by_flag: list[list[tuple[int, int, object]]] = [[] for _ in flags]
        for end, (size, keys_by_flag) in auto.iter(norm):
            start = end - size + 1
            # Most hits are inside a longer word. A character of the squeezed text
            # other than a space next to the hit is the folded text character next
            # to the match, so the word-edge test can be read there first, without
            # mapping offsets back (speed, issue 9); spaces (a hyphen, maybe) are
            # left to the test on the text below.
            if start > 0:
                c = norm[start - 1]
                if c != " " and (c.isalnum() or c == "_"):
                    continue
            if end + 1 < n_norm:
                c = norm[end + 1]
                if c != " " and (c.isalnum() or c == "_"):
                    continue
            if shifted:
                a = start + deltas[bisect.bisect_right(breaks, start) - 1]
                b = end + deltas[bisect.bisect_right(breaks, end) - 1] + 1
            else:
                a, b = start, end + 1
            for lower, keys, cands in zip(flags, keys_by_flag, by_flag):
                if not keys or (a > 0 and _is_edge_char(fold_char(text[a - 1], lower))) or (
                        b < n_text and _is_edge_char(fold_char(text[b], lower))):
                    continue
                for key, payload in keys:
                    if lower or _case_kept(text, norm, start, key, breaks, deltas):
                        cands.append((a, b, payload))
        found = []
        for cands in by_flag:
            if len(cands) < 2:  # most searched strings are short names with at most one hit
                found += cands
                continue
            # finditer: leftmost match, the longest alternative there (longer
            # patterns come first), then on from its end
            cands.sort(key=_leftmost_longest)
            until = -1
            for c in cands:
                if c[0] >= until:
                    found.append(c)
                    until = c[1]
        return found

    def find(self, text: str) -> list[tuple[int, int, object]]:
        """Non-overlapping ``(start, end, payload)`` in ``text``, leftmost-longest first."""
        if len(text) <= 200:  # names and noun phrases recur: memoised (bounded), issue 9
            memo = self._short_memo
            cached = memo.get(text)
            if cached is None:
                if len(memo) > 20_000:
                    memo.clear()
                cached = memo[text] = tuple(self._find(text))
            return list(cached)
        return self._find(text)

    def _find(self, text: str) -> list[tuple[int, int, object]]:
        if self._automata is not None:
            found = self._find_automaton(text)
        else:
            found = []
            for lower, rx in self._regex.items():
                folded = fold(text, lower)
                for m in rx.finditer(folded):
                    payload = self._payload.get((lower, name_key(m.group(), lower)))
                    if payload is not None:
                        found.append((m.start(), m.end(), payload))
        if len(found) < 2:  # nothing to order or to overlap
            return found
        found.sort(key=_leftmost_longest)
        out, until = [], -1
        for f in found:
            if f[0] >= until:
                out.append(f)
                until = f[1]
        return out

    def get(self, phrase: str) -> object | None:
        """The payload of exactly ``phrase`` (case-insensitive entries first)."""
        return (self._payload.get((True, name_key(phrase, True)))
                or self._payload.get((False, name_key(phrase, False))))


# --- the index --------------------------------------------------------------

_DETERMINERS = re.compile(r"^(?:les|le|la|l'|des|du|de la|de l'|de|d'|un|une|ses|son|sa|leurs?)\s*",
                          re.IGNORECASE)


class ActorIndex:
    """Actors and role patterns of one study, with name resolution.

    Parameters
    ----------
    actors : sequence of Actor
    camps : sequence of str
        The study's camps; ``unknown`` is always among them.
    sides : sequence of sequence of str
        Groups of allied camps (may be empty).
    roles : sequence of Role
        Role nouns (``lexicons/roles.tsv``).
    path, sha256 : str
        Provenance of the actors file.
    header : dict, optional
        The file's ``# key: value`` header (source, license, version…).
    """

    def __init__(self, actors: Sequence[Actor], camps: Sequence[str], sides: Sequence[Sequence[str]] = (),
                 roles: Sequence[Role] = (), path: str = "", sha256: str = "",
                 header: dict[str, str] | None = None):
        self.actors = tuple(actors)
        self.header = dict(header or {})
        camps = list(dict.fromkeys(camps))
        if UNKNOWN not in camps:
            camps.append(UNKNOWN)
        self.camps = tuple(camps)
        self.sides = tuple(tuple(s) for s in sides)
        # a role whose camp this study lacks (no "expert" camp, say) still marks a
        # description, like an office
        self.roles = tuple(r if not r.camp or r.camp in self.camps else Role(r.term, "office", "")
                           for r in roles)
        self.path = path
        self.sha256 = sha256
        self._names = PhraseIndex((a, actor) for actor in self.actors for a in actor.aliases)
        self._roles = PhraseIndex((r.term, r) for r in self.roles)
        # bounded memos of resolve() and describe(), by value (speed, issue 9)
        self._resolve_memo: dict[str, Actor | None] = {}
        self._describe_memo: dict[str, tuple[str | None, str]] = {}

    def provenance(self) -> dict[str, object]:
        """Provenance in the shape of :meth:`framing.lexicons.Lexicon.describe` (for reports)."""
        return {"name": "actors", "file": display_path(self.path), "entries": len(self.actors),
                "version": self.header.get("version", ""), "license": self.header.get("license", ""),
                "source": self.header.get("source", ""), "sha256": self.sha256[:12]}

    # -- lookups --
    def has_camp(self, camp: str | None) -> bool:
        return bool(camp) and camp in self.camps

    def side_of(self, camp: str) -> int | None:
        """Index of the group of allies holding ``camp`` (``None`` when not in any)."""
        for i, group in enumerate(self.sides):
            if camp in group:
                return i
        return None

    def relation(self, a: str, b: str) -> str:
        """``same``, ``ally``, ``opponent`` or ``none`` between two camps."""
        if a == b:
            return "same"
        sa, sb = self.side_of(a), self.side_of(b)
        if sa is None or sb is None:
            return "none"
        return "ally" if sa == sb else "opponent"

    def mentions(self, text: str) -> list[Mention]:
        """Actor mentions in ``text`` (offsets into ``text``), document order."""
        return [Mention(s, e, a) for s, e, a in self._names.find(text)]

    def role_mentions(self, text: str) -> list[Mention]:
        """Role-noun mentions in ``text``."""
        return [Mention(s, e, r) for s, e, r in self._roles.find(text)]

    def resolve(self, name: str | None) -> Actor | None:
        """The actor a name or mention text refers to, or ``None``.

        An exact alias (after dropping a leading determiner) wins; otherwise the
        first actor mentioned inside ``name`` ("Valeriy Gerassimov et Vladimir
        Poutine" → Guerassimov; "responsables du renseignement américain" → the
        American intelligence row). Pronouns and ``anonymous``/``unknown`` give
        ``None``: an unknown speaker is never guessed.
        """
        if not name:
            return None
        # names recur across quotes and documents: memoised by value, bounded (speed, issue 9)
        memo = self._resolve_memo
        if name in memo:
            return memo[name]
        if len(memo) > 20_000:
            memo.clear()
        found = memo[name] = self._resolve(name)
        return found

    def _resolve(self, name: str) -> Actor | None:
        name = name.strip()
        if name.lower() in ("anonymous", "unknown") or name.lower() in _PRONOUNS:
            return None
        for candidate in (name, _DETERMINERS.sub("", name)):
            hit = self._names.get(candidate)
            if hit is not None:
                return hit  # type: ignore[return-value]
        found = self.mentions(name)
        return found[0].item if found else None  # type: ignore[return-value]

    def describe(self, text: str) -> tuple[str | None, str]:
        """The camp a description of a speaker gives, and how it was decided.

        ``("other", "role:defector")`` for "un déserteur ayant servi dans
        l'armée nord-coréenne"; ``("expert", "role:expert")`` for "un analyste
        militaire"; ``("usa", "actor")`` for "porte-parole du Pentagone";
        ``(None, "role:state_media")`` for "les médias d'État" (the caller looks
        for the country around); ``(None, "role:office")`` for a bare role ("le
        porte-parole"); ``(None, "")`` when nothing is said.
        """
        # descriptions recur (the same apposition for each quote of a speaker):
        # memoised by value, bounded (speed, issue 9)
        memo = self._describe_memo
        found = memo.get(text)
        if found is None:
            if len(memo) > 20_000:
                memo.clear()
            found = memo[text] = self._describe(text)
        return found

    def _describe(self, text: str) -> tuple[str | None, str]:
        roles = self.role_mentions(text)
        kinds = {m.item.kind for m in roles}  # type: ignore[union-attr]
        for kind in ("defector", "expert", "media"):
            for m in roles:
                r: Role = m.item  # type: ignore[assignment]
                if r.kind == kind and r.camp and self.has_camp(r.camp):
                    return r.camp, f"role:{kind}"
        names = [m for m in self.mentions(text)
                 if m.item.role != "place"  # type: ignore[union-attr]  # (a place name listed to block a
                 # shorter match, "Irlande du Nord" for "Nord", speaks for no one)
                 and (not m.item.is_nationality  # type: ignore[union-attr]
                      or any(r.end <= m.start and len(text[r.end:m.start].split()) <= NATIONALITY_REACH
                             for r in roles))]
        if names:
            return names[0].item.camp, "actor"  # type: ignore[union-attr]
        if "state_media" in kinds:
            return None, "role:state_media"
        if "office" in kinds:
            return None, "role:office"
        if "group" in kinds:
            return None, "role:group"
        return None, ""


# --- loading ----------------------------------------------------------------

def default_actors_path() -> Path:
    return shipped_dir() / "actors.tsv"


def parse_actors(text: str, path: str, roles: Sequence[Role] = ()) -> ActorIndex:
    """Parse and validate an actors file (see the module docstring)."""
    header, columns, rows = read_table(text, path, ActorsError)
    for h in ("source", "license", "version", "columns"):
        if h not in header:
            raise ActorsError(f"{path}:1: header is missing '# {h}:'")
    name_col = "canonical" if "canonical" in columns else "term"
    for col in (name_col, "camp"):
        if col not in columns:
            raise ActorsError(f"{path}:1: columns must include '{col}' (has {', '.join(columns)})")
    declared = header.get("camps", "").replace(",", " ").split()
    camps = list(declared)
    actors: list[Actor] = []
    seen: dict[str, tuple[str, int]] = {}
    for n, row in rows:
        canonical, camp = row.get(name_col, ""), row.get("camp", "")
        if not canonical:
            raise ActorsError(f"{path}:{n}: empty '{name_col}'")
        if not camp:
            raise ActorsError(f"{path}:{n}: empty 'camp' for {canonical!r}")
        if declared and camp not in declared:
            raise ActorsError(f"{path}:{n}: camp {camp!r} is not in the '# camps:' header ({' '.join(declared)})")
        if camp not in camps:
            camps.append(camp)
        aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip()) or (canonical,)
        for a in aliases:
            k = ("=" if a.startswith("=") else "") + name_key(a.lstrip("="), not a.startswith("="))
            prev = seen.get(k)
            if prev and prev[0] != camp:
                raise ActorsError(f"{path}:{n}: alias {a!r} is already given camp {prev[0]!r} on line {prev[1]}")
            seen[k] = (camp, n)
        actors.append(Actor(canonical, aliases, camp, row.get("role", ""), row.get("country", "")))
    sides = []
    for group in header.get("sides", "").split("|"):
        members = group.replace(",", " ").split()
        for c in members:
            if c not in camps:
                raise ActorsError(f"{path}:1: '# sides:' names camp {c!r}, which no actor has")
        if members:
            sides.append(members)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return ActorIndex(actors, camps, sides, roles, path, digest, header)


def load_roles(lexicon_dirs: Sequence[str | os.PathLike] = ()) -> list[Role]:
    """Role nouns from ``lexicons/roles.tsv`` (plus same-named files in ``lexicon_dirs``)."""
    lex = load_lexicon("roles", lexicon_dirs, required=("kind",))
    out = []
    for e, line in zip(lex.entries, lex.lines or [0] * len(lex.entries)):
        kind = e.get("kind", "")
        if kind not in ROLE_KINDS:
            raise LexiconError(f"{lex.path}:{line}: kind must be one of {', '.join(ROLE_KINDS)}, not {kind!r}")
        out.append(Role(e["term"], kind, e.get("camp", "")))
    return out


@lru_cache(maxsize=16)
def _load(path: str, mtime: float, lexicon_dirs: tuple[str, ...]) -> ActorIndex:
    return parse_actors(read_data_file(path, ActorsError), path, load_roles(lexicon_dirs))


def load_actors(path: str | os.PathLike | None = None,
                lexicon_dirs: Sequence[str | os.PathLike] = ()) -> ActorIndex:
    """Load an actors file (default: the shipped ``lexicons/actors.tsv``).

    Parameters
    ----------
    path : path, optional
        A user actors file; it REPLACES the shipped one (another conflict).
    lexicon_dirs : sequence of paths
        User lexicon directories: a ``roles.tsv`` there adds role nouns.

    Returns
    -------
    ActorIndex
        Cached per file (and modification time).
    """
    p = os.fspath(path) if path else str(default_actors_path())
    try:
        mtime = os.path.getmtime(p)
    except OSError:
        mtime = 0.0
    return _load(p, mtime, tuple(os.fspath(d) for d in lexicon_dirs))


def is_pronoun(text: str) -> bool:
    return text.strip().lower().lstrip("-").removeprefix("t-") in _PRONOUNS
