"""What every screen needs: the store, the signed-in user and the language."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from model.records import UserRecord, pick
from model.store import Store


class Changes(QObject):
    """Typed notifications after a change; screens redraw from these."""

    # The id of the application that changed (answers, status, attempts).
    applicationChanged = Signal(int)
    # A new attempt was created: its id and the id of the one it follows.
    attemptCreated = Signal(int, int)


@dataclass
class AppContext:
    store: Store
    user: UserRecord
    language: str
    changes: Changes

    def text(self, texts: dict[str, str]) -> str:
        """A catalog text in the interface language."""
        return pick(texts, self.language)
