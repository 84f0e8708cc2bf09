"""Shared, read-only resources of an analysis: lexicons, matchers, actors.

Built lazily and once per configuration (``--lexicon-dir``, ``--actors``), then
reused for every document of a run, so no lexicon is read or compiled twice.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

from .lexicons import Lexicon, PhraseMatcher, load_lexicon


@dataclass(frozen=True)
class Config:
    """What changes results: user lexicon directories, an actors file, the backend."""

    lexicon_dirs: tuple[str, ...] = ()
    actors: str | None = None
    backend: str = "builtin"


class Resources:
    """Lexicons and compiled matchers for one :class:`Config`."""

    def __init__(self, config: Config):
        self.config = config
        self._memo: dict[Any, Any] = {}

    def lexicon(self, name: str, required: Sequence[str] = ()) -> Lexicon:
        key = ("lex", name, tuple(required))
        if key not in self._memo:
            self._memo[key] = load_lexicon(name, self.config.lexicon_dirs, required)
        return self._memo[key]

    def matcher(self, name: str, required: Sequence[str] = ()) -> PhraseMatcher:
        """The compiled matcher over lexicon ``name`` (built once per configuration)."""
        key = ("matcher", name, tuple(required))
        if key not in self._memo:
            self._memo[key] = PhraseMatcher(self.lexicon(name, required).entries)
        return self._memo[key]

    def memo(self, key: Any, build: Callable[[], Any]) -> Any:
        """Build-once storage for extractor-specific compiled data."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def loaded_lexicons(self) -> list[Lexicon]:
        return [v for k, v in self._memo.items() if k[0] == "lex"]

    def provenance(self) -> list[dict[str, Any]]:
        """Name, file, entries, version, licence and hash of every data file used so far.

        Lexicons, plus any other memoised resource that describes itself (the
        actors file), one entry per (name, hash), sorted by name.
        """
        found = {}
        for lex in self.loaded_lexicons():
            d = lex.describe()
            found[(d["name"], d["sha256"])] = d
        for value in list(self._memo.values()):
            if hasattr(value, "provenance"):
                d = value.provenance()
                found[(d["name"], d["sha256"])] = d
        return sorted(found.values(), key=lambda d: d["name"])


@lru_cache(maxsize=16)
def get_resources(config: Config) -> Resources:
    return Resources(config)


def default_config(lexicon_dirs: Sequence[str | os.PathLike] = (), actors: str | None = None,
                   backend: str = "builtin") -> Config:
    return Config(tuple(os.fspath(d) for d in lexicon_dirs), os.fspath(actors) if actors else None, backend)
