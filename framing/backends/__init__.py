"""Backends turn text into a :class:`~framing.document.ParsedDocument`.

``builtin`` (default) is a fast, offline French pipeline. ``stanza`` uses
stanza's French models when they are installed (issue 8); ``conllu`` reads
pre-parsed CoNLL-U.
"""
from __future__ import annotations

from .base import Backend, BackendError

__all__ = ["Backend", "BackendError", "get_backend"]


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
