"""What every backend provides, and the error a backend raises when it cannot run."""
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
