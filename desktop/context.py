"""What every screen needs: the store, the signed-in user and the language."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from model.records import UserRecord, pick

if TYPE_CHECKING:
    from model.store import Store

logger = logging.getLogger(__name__)


class Changes(QObject):
    """Typed notifications after a change; screens redraw from these."""

    # The id of the application that changed (answers, status, attempts).
    applicationChanged = Signal(int)
    # A new attempt was created: its id and the id of the one it follows.
    attemptCreated = Signal(int, int)


class PendingStore:
    """The store of a data folder, opening on a worker thread.

    Opening the store imports SQLAlchemy, which takes longer than painting the
    window; the window paints from a quick read and the store opens meanwhile.
    Asking for it before it is open waits for it (or opens it right there when
    the worker was never started).
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._future: Future[Store] = Future()
        self._lock = threading.Lock()
        self._started = False

    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._open, name="open-store", daemon=True).start()

    def result(self) -> Store:
        with self._lock:
            started, self._started = self._started, True
        if not started:
            self._open()
        return self._future.result()

    def _open(self) -> None:
        try:
            from model.store import Store

            self._future.set_result(Store(self.data_dir))
        except BaseException as error:
            logger.warning(
                "The store of %s could not be opened: %s", self.data_dir, error
            )
            self._future.set_exception(error)


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class AppContext:
    """The signed-in session of one window."""

    def __init__(
        self,
        store: Store | PendingStore,
        user: UserRecord,
        language: str,
        changes: Changes,
    ) -> None:
        self._store = store
        self.user = user
        self.language = language
        self.changes = changes
        self.data_dir: Path = store.data_dir
        # Tests give the store a fixed clock; a store still opening uses the
        # real time, which is what it would use too.
        self.clock: Callable[[], datetime] = getattr(store, "clock", _now)

    @property
    def store(self) -> Store:
        if isinstance(self._store, PendingStore):
            self._store = self._store.result()
        return self._store

    def text(self, texts: dict[str, str]) -> str:
        """A catalog text in the interface language."""
        return pick(texts, self.language)
