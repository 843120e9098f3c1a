"""Saving a draft a moment after typing stops, and saying so."""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable

from PySide6.QtCore import QLocale, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.widgets.common import muted

logger = logging.getLogger(__name__)

SAVE_DELAY_MS = 800

# Writes the pending edit and tells whether anything changed on disk.
SaveAction = Callable[[], bool]


class Autosaver(QObject):
    """Collects pending saves and runs them after a pause, or on ``flush()``.

    Each edited field schedules one save under its own key; typing again
    restarts the pause, so a burst of keystrokes becomes one quick write. A
    save that fails stays pending, so the edit is tried again at the next
    pause, focus change or close, and is never silently dropped.
    """

    # "saving" while edits wait, "saved" after a write, "failed" with a reason.
    stateChanged = Signal(str, str)

    def __init__(
        self, delay_ms: int = SAVE_DELAY_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pending: dict[Hashable, SaveAction] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.try_flush)

    def schedule(self, key: Hashable, save: SaveAction) -> None:
        if not self._pending:
            self.stateChanged.emit("saving", "")
        self._pending[key] = save
        self._timer.start()

    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> None:
        """Run every pending save now; raise the first failure after trying all."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        wrote = False
        failure: Exception | None = None
        for key, save in pending.items():
            try:
                wrote = save() or wrote
            except Exception as error:
                self._pending[key] = save
                failure = failure or error
        if failure is not None:
            self.stateChanged.emit("failed", str(failure))
            raise failure
        if pending:
            self.stateChanged.emit("saved", "written" if wrote else "unchanged")

    def try_flush(self) -> bool:
        """Flush, logging a failure instead of raising it (timers, focus changes)."""
        try:
            self.flush()
        except Exception as error:
            logger.warning("An edit could not be saved yet: %s", error)
            return False
        return True

    def report_saved(self) -> None:
        """Say that a direct write (a checkbox, an attachment) just happened."""
        self.stateChanged.emit("saved", "")


class SaveStatusLabel(QLabel):
    """The small "Saving…" / "Saved at 14:32" note of an editor."""

    def __init__(self, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        muted(self)
        self.setText(self.tr("All changes saved"))
        autosaver.stateChanged.connect(self._show)

    def _show(self, state: str, detail: str) -> None:
        if state == "saving":
            self.setText(self.tr("Saving…"))
        elif state == "saved" and detail == "unchanged":
            self.setText(self.tr("All changes saved"))
        elif state == "saved":
            time = QLocale().toString(
                QTime.currentTime(), QLocale.FormatType.ShortFormat
            )
            self.setText(self.tr("Saved at %1").replace("%1", time))
        else:
            self.setText(self.tr("Not saved yet — will try again"))
            self.setToolTip(detail)
        self.setAccessibleName(self.text())
