"""Backends turn text into a :class:`~framing.document.ParsedDocument`.

``builtin`` (default) is a fast, offline French pipeline. ``stanza`` uses
stanza's French models when they are installed (issue 8); ``conllu`` reads
pre-parsed CoNLL-U.
"""
from __future__ import annotations

from typing import Protocol

from ..document import ParsedDocument


class Backend(Protocol):
    """What a backend provides: a name and ``parse(text) -> ParsedDocument``."""

    name: str

    def parse(self, text: str) -> ParsedDocument:  # pragma: no cover - protocol
        ...


class BackendError(RuntimeError):
    """A backend cannot run (e.g. models missing); the message is for the user."""


_BACKENDS: dict[str, Backend] = {}


def get_backend(name: str = "builtin") -> Backend:
    """Return the backend called ``name``, built once per process and reused."""
    if name in _BACKENDS:
        return _BACKENDS[name]
    if name == "builtin":
        from .builtin import BuiltinBackend
        backend: Backend = BuiltinBackend()
    elif name == "stanza":
        from .stanza_backend import StanzaBackend
        backend = StanzaBackend()
    else:
        raise BackendError(f"unknown backend {name!r} (choose builtin or stanza)")
    _BACKENDS[name] = backend
    return backend
