"""The one way Insignia runs slow work off the GUI thread.

``run_in_background(work, on_done, on_error)`` runs ``work`` on Qt's global
thread pool and calls back on the GUI thread. Errors reach ``on_error``, or a
message box by default, so a failing task is never silent.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

logger = logging.getLogger(__name__)

_running: set[_Task] = set()
_waits_at_quit = False


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:
            logger.warning("Background task failed: %s", traceback.format_exc())
            self._report(self.signals.failed, error)
        else:
            self._report(self.signals.done, result)

    def _report(self, signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The application is shutting down and took the receiver with it.
            logger.debug("A background task ended after the application quit")


def _show_error(error: BaseException, parent: QWidget | None = None) -> None:
    QMessageBox.warning(
        parent or QApplication.activeWindow(),
        QApplication.translate("tasks", "Something went wrong"),
        str(error),
    )


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``work`` on the thread pool; callbacks run on the GUI thread."""
    task = _Task(work)
    _running.add(task)

    @Slot(object)
    def finished(result: Any) -> None:
        _running.discard(task)
        if on_done is not None:
            on_done(result)

    @Slot(object)
    def failed(error: BaseException) -> None:
        _running.discard(task)
        (on_error or _show_error)(error)

    task.signals.done.connect(finished)
    task.signals.failed.connect(failed)
    _wait_at_quit()
    QThreadPool.globalInstance().start(task)


def _wait_at_quit() -> None:
    """Let running tasks end before the application's objects are deleted."""
    global _waits_at_quit
    app = QCoreApplication.instance()
    if app is not None and not _waits_at_quit:
        app.aboutToQuit.connect(lambda: wait_for_background(10_000))
        _waits_at_quit = True


def wait_for_background(timeout_ms: int = 5000) -> bool:
    """Block until every background task ended (for shutdown and tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
