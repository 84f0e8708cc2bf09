"""Lexicon files: loading, validation and one-pass phrase matching.

A lexicon is a UTF-8 tab-separated file in ``lexicons/`` with a header of
``# key: value`` lines, then one entry per line::

    # name: hedges
    # source: written for the framing project
    # license: CC0-1.0
    # version: 1.0
    # columns: term	type	match
    selon	source	form
    probablement	epistemic	form

``source``, ``license``, ``version`` and ``columns`` are required. ``term`` is
a word or a multi-word expression; it is tokenised like document text, so
``d'après`` is the two tokens ``d'`` ``après``. ``match`` says whether the
entry matches word forms (``form``, the default) or lemmas (``lemma``, so one
entry covers every inflection). Blank lines and lines starting with ``#`` are
ignored. Files are read and validated once per process (:func:`load_lexicon`
is cached); errors name the file and line.

Users add their own files with ``--lexicon-dir DIR``: a file in DIR with the
same name as a shipped file adds entries to it, and an entry with the same
term overrides the shipped one.
"""
from __future__ import annotations

import hashlib
import os
import threading
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import ahocorasick

from .grammar import normalise, token_keys

REQUIRED_HEADERS = ("source", "license", "version", "columns")


class LexiconError(ValueError):
    """A lexicon file is malformed; ``str()`` is ``file:line: message``."""


@dataclass(frozen=True)
class Lexicon:
    """A validated lexicon: header metadata and entries (dicts keyed by column)."""

    name: str
    path: str
    header: dict[str, str]
    columns: tuple[str, ...]
    entries: tuple[dict[str, str], ...]
    sha256: str
    lines: tuple[int, ...] = field(default=(), compare=False)

    @property
    def version(self) -> str:
        return self.header.get("version", "")

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "file": display_path(self.path), "entries": len(self.entries),
                "version": self.version, "license": self.header.get("license", ""),
                "source": self.header.get("source", ""), "sha256": self.sha256[:12]}


def display_path(path: str) -> str:
    """``lexicons/NAME.tsv`` for shipped files (no install path in reports); others as given.

    A merged lexicon's path is ``shipped+user1+user2``: each part is shown this way.
    """
    base = str(shipped_dir())
    parts = []
    for part in str(path).split("+"):
        parts.append("lexicons/" + Path(part).name if part.startswith(base) else part)
    return "+".join(parts)


def shipped_dir() -> Path:
    """The directory of lexicons shipped with the package.

    In an installed wheel the files live in ``framing/lexicons``; in a source
    checkout (or an editable install) they are the top-level ``lexicons/``.
    """
    pkg = Path(str(resources.files("framing"))) / "lexicons"
    if pkg.is_dir():
        return pkg
    return Path(__file__).resolve().parent.parent / "lexicons"


def read_table(text: str, path: str, error: type[LexiconError] = LexiconError,
               report: Callable[[str], None] | None = None
               ) -> tuple[dict[str, str], tuple[str, ...], list[tuple[int, dict[str, str]]]]:
    """Header, columns and ``(line number, row)`` pairs of a header-plus-TSV data file.

    The shared reader of every data file in ``lexicons/`` (lexicons, the actors
    file): ``# key: value`` header lines, then tab-separated rows; missing
    trailing cells are empty strings. Malformed rows raise ``error`` with
    ``file:line``; with ``report``, every problem is passed to it instead and
    reading goes on (``framing lexicons check`` lists all of a file's errors).
    """
    def problem(message: str) -> None:
        if report is None:
            raise error(message)
        report(message)

    header: dict[str, str] = {}
    rows: list[tuple[int, dict[str, str]]] = []
    columns: tuple[str, ...] = ()
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            if not rows and ":" in line:
                key, _, value = line[1:].partition(":")
                key = key.strip().lower()
                if key and " " not in key:
                    header[key] = value.strip()
                    if key == "columns":
                        columns = tuple(c.strip() for c in value.replace(",", "\t").split() if c.strip())
            continue
        if not columns:
            missing = [h for h in REQUIRED_HEADERS if h not in header]
            problem(f"{path}:{n}: header is missing {', '.join(missing)} "
                    f"(expected '# key: value' lines before the entries)")
            break  # without columns the rows cannot be read
        cells = line.split("\t")
        if len(cells) > len(columns):
            problem(f"{path}:{n}: {len(cells)} tab-separated cells, "
                    f"but the header declares {len(columns)} columns ({', '.join(columns)})")
            continue
        cells += [""] * (len(columns) - len(cells))
        rows.append((n, {c: v.strip() for c, v in zip(columns, cells)}))
    return header, columns, rows


def parse_lexicon(text: str, path: str, required: Sequence[str] = (),
                  report: Callable[[str], None] | None = None) -> Lexicon:
    """Parse and validate lexicon ``text``; ``required`` columns must be non-empty.

    The first problem raises :class:`LexiconError`; with ``report``, every
    problem goes to it, bad rows are left out and parsing goes on.
    """
    def problem(message: str) -> None:
        if report is None:
            raise LexiconError(message)
        report(message)

    header, columns, rows = read_table(text, path, report=report)
    entries: list[dict[str, str]] = []
    lines: list[int] = []
    for n, entry in rows:
        empty = [col for col in ("term", *required) if col in entry and not entry[col]]
        for col in empty:
            problem(f"{path}:{n}: empty '{col}'")
        if entry.get("match", "form") not in ("form", "lemma", ""):
            problem(f"{path}:{n}: match must be 'form' or 'lemma', not {entry['match']!r}")
        elif not empty:
            entries.append(entry)
            lines.append(n)
    missing = [h for h in REQUIRED_HEADERS if h not in header]
    if missing:
        problem(f"{path}:1: header is missing {', '.join(missing)}")
    for col in ("term", *required):
        if columns and col not in columns:
            problem(f"{path}:1: columns must include '{col}' (has {', '.join(columns)})")
    name = header.get("name") or Path(path).name.split(".")[0]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Lexicon(name, path, header, columns, tuple(entries), digest, tuple(lines))


def read_data_file(path: str, error: type[LexiconError] = LexiconError) -> str:
    """The UTF-8 text of a data file; unreadable or non-UTF-8 files raise ``error`` (``file:1: …``)."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise error(f"{path}:1: not UTF-8 ({e.reason})") from None
    except OSError as e:
        raise error(f"{path}:1: cannot read ({e.strerror})") from None


@lru_cache(maxsize=None)
def _parse_file(path: str) -> Lexicon:
    """A lexicon file read and parsed once per process, whatever columns its users require."""
    return parse_lexicon(read_data_file(path), path)


def _load_file(path: str, required: tuple[str, ...]) -> Lexicon:
    """The parsed file, its ``required`` columns checked (the check is the caller's, the parse shared)."""
    lex = _parse_file(path)
    for col in required:
        if lex.columns and col not in lex.columns:
            raise LexiconError(f"{path}:1: columns must include '{col}' (has {', '.join(lex.columns)})")
        for entry, n in zip(lex.entries, lex.lines):
            if col in entry and not entry[col]:
                raise LexiconError(f"{path}:{n}: empty '{col}'")
    return lex


def load_lexicon(name: str, extra_dirs: Sequence[str | os.PathLike] = (),
                 required: Sequence[str] = ()) -> Lexicon:
    """Load shipped lexicon ``name`` (file ``lexicons/NAME.tsv``), merged with user files.

    A file of the same name in any of ``extra_dirs`` adds its entries; an
    entry whose ``term`` (and first non-term column) equals a shipped one
    replaces it.
    """
    base = _load_file(str(shipped_dir() / f"{name}.tsv"), tuple(required))
    extras = [Path(d) / f"{name}.tsv" for d in extra_dirs]
    extras = [p for p in extras if p.is_file()]
    if not extras:
        return base
    merged: dict[str, dict[str, str]] = {_entry_key(e): e for e in base.entries}
    digest = hashlib.sha256(base.sha256.encode())
    for p in extras:
        user = _load_file(str(p), tuple(required))
        digest.update(user.sha256.encode())
        for e in user.entries:
            full = {c: e.get(c, "") for c in base.columns}
            merged[_entry_key(full)] = full
    return Lexicon(base.name, base.path + "".join(f"+{p}" for p in extras), base.header,
                   base.columns, tuple(merged.values()), digest.hexdigest())


def _entry_key(entry: dict[str, str]) -> str:
    return normalise(entry.get("term", ""))


def phrase_tokens(phrase: str) -> list:
    """The tokens of a lexicon phrase, cut as running text is by the builtin tokenizer.

    Lexicon phrases are always tokenised this way, whatever backend parses the
    documents, so that a phrase's words are the same for every configuration.
    """
    from .backends.builtin import tokenize

    return tokenize(phrase)


#: View parts of the strings seen so far (bounded: cleared past _VIEW_MEMO_MAX).
_view_memo: dict[str, str] = {}
_VIEW_MEMO_MAX = 200_000


def _view_parts(strings: list[str]) -> list[str]:
    """Each string as a token of a matcher view: normalised, inner spaces (``12 000``)
    made no-break so that the space stays the token separator.

    Looked up in a plain dict by a C-level map, and Python computes only the
    strings not seen before, found by ``list.index`` (speed, issue 9).
    """
    memo = _view_memo
    if len(memo) > _VIEW_MEMO_MAX:
        memo.clear()
    parts = list(map(memo.get, strings))
    i = -1
    try:
        while True:
            i = parts.index(None, i + 1)
            s = strings[i]
            parts[i] = memo[s] = normalise(s).replace(" ", "\u00a0")
    except ValueError:  # no (more) unseen strings
        return parts


def _form_view(keys: list[str]) -> str:
    """The form view of a document from its token keys (``grammar.token_keys``, shared
    with the rules): the keys are the normalised forms, so only a key with an inner
    space (``12 000``), rare, needs its part made (speed, issue 15)."""
    if not keys:
        return " "
    joined = " ".join(keys)
    if joined.count(" ") != len(keys) - 1:  # some key holds a space
        joined = " ".join(k.replace(" ", "\u00a0") for k in keys)
    return " " + joined + " "


def iter_lexicon_files(directory: str | os.PathLike) -> Iterable[Path]:
    return sorted(Path(directory).glob("*.tsv"))


#: an entry check: returns why a row is invalid, or None
EntryValidator = Callable[[dict[str, str]], "str | None"]


def validate_polarity_entry(entry: dict[str, str]) -> str | None:
    """Why a ``polarity.tsv`` row is invalid: ``polarity`` must be a number in [-1, 1]."""
    raw = entry.get("polarity", "")
    try:
        value = float(raw)
    except ValueError:
        return f"polarity must be a number between -1 and 1, not {raw!r}"
    if not -1.0 <= value <= 1.0:
        return f"polarity must be between -1 and 1, not {value}"
    return None


def check_file(path: str | os.PathLike, validators: dict[str, EntryValidator] | None = None) -> list[str]:
    """Validate one lexicon file; every problem as ``file:line: message``.

    Checks the header and cells (:func:`parse_lexicon`, every error of the
    file, not only the first), duplicate rows (every cell equal), and rows
    against ``validators[name]`` when the lexicon's name has one.

    Parameters
    ----------
    path : path-like
        A ``.tsv`` lexicon file.
    validators : dict, optional
        Lexicon name -> function returning an error message for a bad row.

    Returns
    -------
    list of str
        Empty when the file is valid.
    """
    path = os.fspath(path)
    errors: list[str] = []
    try:
        lex = parse_lexicon(read_data_file(path), path, report=errors.append)
    except LexiconError as e:  # unreadable, not UTF-8
        return [str(e)]
    seen: dict[tuple[str, ...], int] = {}
    check = (validators or {}).get(lex.name)
    for entry, line in zip(lex.entries, lex.lines):
        key = tuple(entry.get(c, "") for c in lex.columns)
        if key in seen:
            errors.append(f"{path}:{line}: duplicate entry {entry['term']!r} (same as line {seen[key]})")
        else:
            seen[key] = line
        problem = check(entry) if check else None
        if problem:
            errors.append(f"{path}:{line}: {problem}")
    # in file order (header problems are reported on line 1)
    return sorted(errors, key=lambda e: int(e[len(path) + 1:].split(":", 1)[0]))


def check_directory(directory: str | os.PathLike,
                    validators: dict[str, EntryValidator] | None = None) -> list[str]:
    """Validate every ``*.tsv`` lexicon in ``directory`` (see :func:`check_file`).

    Returns
    -------
    list of str
        ``file:line: message`` errors, file by file; empty when all are valid.
    """
    errors: list[str] = []
    for path in iter_lexicon_files(directory):
        errors.extend(check_file(path, validators))
    return errors


# --- matching --------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Match:
    """Tokens ``[first, last)`` matched ``entry`` (a lexicon row)."""

    first: int
    last: int
    entry: dict[str, str]


class PhraseMatcher:
    """Match many single- and multi-word entries in one Aho-Corasick pass.

    Entries are tokenised with the builtin tokenizer, so a term and the text
    agree on token boundaries. Each entry matches either word forms or lemmas
    (its ``match`` column). Matching is over the token sequence, never inside a
    token: ``selon`` does not match ``selonnais``. Overlapping matches are all
    returned; :meth:`find_longest` keeps the longest, leftmost ones.

    Every matcher of the process is scanned for in the same pass: a document's
    view is read once per mode (forms, lemmas) for all lexicons together, and
    the hits are shared out (:class:`_PhraseScan`).
    """

    def __init__(self, entries: Iterable[dict[str, str]]):
        from .backends.builtin import tokenize
        from .grammar import lemma_of

        # per mode: view key -> (number of tokens, entries with that key)
        self._keys: dict[str, dict[str, tuple[int, list[dict[str, str]]]]] = {}
        for entry in entries:
            mode = entry.get("match") or "form"
            term = entry["term"]
            if term.rstrip().endswith(("'", "’")):
                # a final elision ("il est possible qu'", "aux dires d'") is one token in
                # running text, where a word follows it: tokenise it with one after it
                toks = tokenize(term.rstrip() + "x")[:-1]
            else:
                toks = tokenize(term)
            if not toks:
                continue
            if mode == "lemma":
                parts = [lemma_of(t.text) if t.is_word else t.text for t in toks]
            else:
                parts = [t.text for t in toks]
            key = " " + " ".join(normalise(p) for p in parts) + " "
            keys = self._keys.setdefault(mode, {})
            found = keys.get(key)
            if found is None:
                keys[key] = (len(toks), [entry])
            else:
                found[1].append(entry)
        _SCAN.register(self)

    def __bool__(self) -> bool:
        return bool(self._keys)

    @staticmethod
    def _view(doc, mode: str) -> str:
        """``doc``'s tokens (forms or lemmas) normalised and joined by single spaces, with a space at each end.

        Built once per document and mode (cached in ``doc.cache``) and shared
        by every matcher. A part never contains a space (inner spaces are made
        no-break), so the token a view position falls in is the number of
        spaces before it, minus one.
        """
        key = "phrase_view:" + mode
        cached = doc.cache.get(key)
        if cached is not None:
            return cached
        if mode == "form":
            view = _form_view(token_keys(doc))
        else:
            parts = _view_parts([t.lemma for t in doc.tokens])
            view = " " + " ".join(parts) + " " if parts else " "
        doc.cache[key] = view
        return view

    def find(self, doc) -> list[Match]:
        """All matches in ``doc``, in document order."""
        hits = _SCAN.hits(doc)
        out: list[Match] = []
        for mode in self._keys:  # this matcher's own mode order: ties keep it after the sort
            found = hits.get((id(self), mode))
            if found:
                out.extend(found)
        out.sort(key=lambda m: (m.first, -(m.last - m.first)))
        return out

    def find_longest(self, doc) -> list[Match]:
        """Non-overlapping matches, preferring the longest at each position."""
        out: list[Match] = []
        taken_until = -1
        for m in self.find(doc):
            if m.first >= taken_until:
                out.append(m)
                taken_until = m.last
        return out


class _PhraseScan:
    """One Aho-Corasick automaton per view mode over the keys of every live :class:`PhraseMatcher`.

    Speed (issue 9): hedges, boosters, loaded vocabulary and stance cues are
    separate lexicons, and scanning each document's views once per lexicon and
    mode cost seven passes. Here a document is scanned once per mode and each
    hit is filed under the matcher (and mode) it belongs to; a matcher's
    :meth:`~PhraseMatcher.find` reads its own hits, in the order its own
    automaton gave them (keys ending at one position come longest first in
    both). The automata are rebuilt when a matcher is created or freed, a
    handful of times per process.
    """

    def __init__(self) -> None:
        self._matchers: dict[int, weakref.ref] = {}
        self._automata: dict[str, ahocorasick.Automaton] | None = None
        self._version = 0
        # threads (dask workers, --jobs with threads) register matchers while others scan:
        # one re-entrant lock (a weakref callback may fire inside a build) keeps the registry
        # and the automata consistent
        self._lock = threading.RLock()

    def register(self, matcher: PhraseMatcher) -> None:
        key = id(matcher)
        with self._lock:
            self._matchers[key] = weakref.ref(matcher, lambda _ref, key=key: self._forget(key))
            self._automata = None

    def _forget(self, key: int) -> None:
        with self._lock:
            self._matchers.pop(key, None)
            self._automata = None

    def _build(self) -> dict[str, ahocorasick.Automaton]:
        with self._lock:
            if self._automata is not None:  # built by another thread meanwhile
                return self._automata
            return self._build_locked()

    def _build_locked(self) -> dict[str, ahocorasick.Automaton]:
        merged: dict[str, dict[str, list[tuple[int, str, int, list[dict[str, str]]]]]] = {}
        for key, ref in list(self._matchers.items()):
            matcher = ref()
            if matcher is None:
                continue
            for mode, keys in matcher._keys.items():
                by_key = merged.setdefault(mode, {})
                for phrase, (n_tokens, entries) in keys.items():
                    by_key.setdefault(phrase, []).append((key, mode, n_tokens, entries))
        automata = {}
        for mode, by_key in merged.items():
            auto = automata[mode] = ahocorasick.Automaton()
            for phrase, owners in by_key.items():
                auto.add_word(phrase, owners)
            auto.make_automaton()
        self._version += 1
        self._automata = automata
        return automata

    def hits(self, doc) -> dict[tuple[int, str], list[Match]]:
        """Matches of every matcher in ``doc``, by (matcher id, mode), unsorted (memoised per document)."""
        automata = self._automata if self._automata is not None else self._build()
        cached = doc.cache.get("phrase_scan")
        if cached is not None and cached[0] == self._version:
            return cached[1]
        found: dict[tuple[int, str], list[Match]] = {}
        for mode, auto in automata.items():
            string = PhraseMatcher._view(doc, mode)
            # Hits come in order of their end; the spaces before a hit's end, counted
            # on from the previous hit (one pass over the view in all, at C speed),
            # give its last token: the view's first space, then one after each token
            # (no list of token offsets to build; speed, issue 9).
            spaces, counted_to = 0, 0
            for end_pos, owners in auto.iter(string):
                # end_pos is the trailing space of the last token
                spaces += string.count(" ", counted_to, end_pos)
                counted_to = end_pos
                last_tok = spaces - 1
                for owner, owner_mode, n_tokens, entries in owners:
                    first = last_tok - n_tokens + 1
                    if first < 0:
                        continue
                    out = found.setdefault((owner, owner_mode), [])
                    for entry in entries:
                        out.append(Match(first, last_tok + 1, entry))
        doc.cache["phrase_scan"] = (self._version, found)
        return found


_SCAN = _PhraseScan()


@lru_cache(maxsize=1)
def ud_forms() -> dict[str, str]:
    """``form → UPOS`` of ``framing/data/ud_french_forms.tsv`` (French forms seen in UD treebanks)."""
    text = resources.files("framing").joinpath("data", "ud_french_forms.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    if not lines or lines[0].split("\t")[:2] != ["form", "upos"]:
        raise ValueError("framing/data/ud_french_forms.tsv: missing 'form\\tupos' header")
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0]:
            raise ValueError(f"framing/data/ud_french_forms.tsv: bad row {n}: {line!r}")
        out[cols[0]] = cols[1]
    return out
