"""Running the sync engine for a window: when, on which thread, and what it says.

``SyncController`` syncs at start, every few minutes, soon after local
changes, and on "Sync now"; one round at a time, on a thread of its own. Its
state and the words for it are what the ``syncStatus`` button shows. After
a failure it waits longer each time (``Backoff``); a sign-in that the server
no longer accepts stops the timer until the user signs in again.
"""

from __future__ import annotations

import enum
import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from desktop.context import AppContext
from desktop.secrets import KeyringUnavailable, load_token

if TYPE_CHECKING:
    from model.sync.account import Account
    from model.sync.engine import Progress, RoundResult

logger = logging.getLogger(__name__)

translate = QCoreApplication.translate

INTERVAL_MS = 3 * 60 * 1000
# Local changes are sent this long after the last one: typing is not chatty.
AFTER_CHANGE_MS = 4000


class SyncState(enum.Enum):
    LOCAL_ONLY = "local_only"
    SYNCED = "synced"
    SYNCING = "syncing"
    OFFLINE = "offline"
    SIGN_IN_NEEDED = "sign_in_needed"
    ERROR = "error"


@dataclass(frozen=True)
class _Outcome:
    account: Account | None
    result: RoundResult | None
    failure: BaseException | None
    keyring_missing: bool = False
    waiting: int = 0


class SyncController(QObject):
    """One window's sync with the server its data folder is connected to."""

    stateChanged = Signal()
    # A decision on one of the user's applications arrived: its local id.
    decisionArrived = Signal(int)
    _finished = Signal(object)
    _progressed = Signal(object)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state = SyncState.LOCAL_ONLY
        self.reason = ""
        self.account: Account | None = None
        self.last_synced: datetime | None = None
        self.progress: tuple[int, int] = (0, 0)
        self.waiting = 0
        self.keyring_missing = False
        self._thread: threading.Thread | None = None
        self._again = False
        self._emitting = False
        self._stopped = False
        from model.sync.backoff import Backoff

        self._backoff = Backoff()
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.sync_now)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self.sync_now)
        self._soon = QTimer(self, singleShot=True, interval=AFTER_CHANGE_MS)
        self._soon.timeout.connect(self.sync_now)
        self._finished.connect(self._round_ended)
        self._progressed.connect(self._show_progress)
        context.changes.applicationChanged.connect(self._changed_here)

    # Starting and stopping --------------------------------------------------

    def start(self) -> None:
        """Sync now and then regularly, if the folder is connected to a server."""
        self._timer.start()
        self.sync_now()

    def stop(self, timeout: float = 5.0) -> None:
        """No more rounds; wait a moment for one that is running."""
        self._stopped = True
        for timer in (self._timer, self._retry, self._soon):
            timer.stop()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    @Slot()
    def sync_now(self) -> None:
        if self._stopped:
            return
        if self._thread is not None:
            self._again = True
            return
        self._retry.stop()
        self._soon.stop()
        self._thread = threading.Thread(
            target=self._run, name="insignia-sync", daemon=True
        )
        self._thread.start()

    @Slot(int)
    def _changed_here(self, _application_id: int) -> None:
        if self.account is not None and not self._emitting:
            self._soon.start()

    # The round, on its own thread --------------------------------------------

    def _run(self) -> None:
        try:
            outcome = self._round()
        except BaseException as error:  # reported on the GUI thread
            outcome = _Outcome(self.account, None, error, waiting=self._waiting())
        self._finished.emit(outcome)

    def _waiting(self) -> int:
        """How many local changes wait for the server (0 when it cannot say)."""
        from model.sync import outbox

        try:
            with self.context.store._unit() as session:
                return outbox.waiting_count(session, self.context.user.id)
        except Exception as error:  # the count only adds to a tooltip
            logger.debug("Could not count the waiting changes: %s", error)
            return 0

    def _round(self) -> _Outcome:
        from model.sync.account import current_account
        from model.sync.client import ServerClient, SignInNeeded
        from model.sync.engine import SyncEngine

        store = self.context.store
        account = current_account(store)
        if account is None or account.username != self.context.user.username:
            return _Outcome(None, None, None)
        try:
            token = load_token(account.name)
        except KeyringUnavailable:
            return _Outcome(account, None, SignInNeeded("no keyring"), True)
        if not token:
            return _Outcome(account, None, SignInNeeded("no token"))
        self._progressed.emit(None)
        with ServerClient(account.server, token) as client:
            engine = SyncEngine(
                store, client, self.context.user.id, progress=self._progressed.emit
            )
            result = engine.run_once()
            return _Outcome(account, result, None, waiting=result.waiting)

    # Back on the GUI thread -------------------------------------------------

    @Slot(object)
    def _show_progress(self, progress: Progress | None) -> None:
        self.state = SyncState.SYNCING
        self.progress = (progress.done, progress.total) if progress else (0, 0)
        self.stateChanged.emit()

    @Slot(object)
    def _round_ended(self, outcome: _Outcome) -> None:
        from model.sync.client import Offline, ServerRefused, SignInNeeded

        if self._thread is not None:
            self._thread.join()
        self._thread = None
        self.account = outcome.account
        self.keyring_missing = outcome.keyring_missing
        self.waiting = outcome.waiting
        failure = outcome.failure
        if outcome.account is None and failure is None:
            self.state = SyncState.LOCAL_ONLY
        elif failure is None:
            assert outcome.result is not None
            self._backoff.reset()
            self.state = SyncState.SYNCED
            self.reason = ""
            self.last_synced = datetime.now()
            self._announce(outcome.result)
        elif isinstance(failure, SignInNeeded):
            self.state = SyncState.SIGN_IN_NEEDED
            self.reason = str(failure)
        elif isinstance(failure, Offline):
            self.state = SyncState.OFFLINE
            self.reason = str(failure)
            self._retry.start(int(self._backoff.next_delay() * 1000))
        else:
            self.state = SyncState.ERROR
            self.reason = (
                str(failure)
                if isinstance(failure, ServerRefused)
                else failure_text(failure)
            )
            logger.warning("Sync failed: %s", failure)
            self._retry.start(int(self._backoff.next_delay() * 1000))
        self.stateChanged.emit()
        if self._again and not self._stopped:
            self._again = False
            self.sync_now()

    def _announce(self, result: RoundResult) -> None:
        """Tell the screens what changed, and the user what was decided."""
        self._emitting = True
        try:
            for application_id in sorted(result.changed):
                self.context.changes.applicationChanged.emit(application_id)
        finally:
            self._emitting = False
        for application_id in result.decided:
            self.decisionArrived.emit(application_id)

    # Words ------------------------------------------------------------------

    def text(self) -> str:
        if self.state is SyncState.LOCAL_ONLY:
            return translate("sync", "Local database — not synced")
        if self.state is SyncState.SYNCING:
            done, total = self.progress
            if total:
                return translate("sync", "Syncing {done} of {total}…").format(
                    done=done, total=total
                )
            return translate("sync", "Syncing…")
        if self.state is SyncState.OFFLINE:
            return translate("sync", "Offline — changes wait here")
        if self.state is SyncState.SIGN_IN_NEEDED:
            return translate("sync", "Sign-in needed")
        if self.state is SyncState.ERROR:
            return translate("sync", "Sync error")
        return translate("sync", "Synced")

    def details(self) -> str:
        """The tooltip: which server, when, and the reason for a failure."""
        folder = str(self.context.data_dir)
        if self.account is None:
            return translate(
                "sync",
                "Insignia works on the database in {folder}. Sign in to a server"
                " (File menu) to share your work with assessors.",
            ).format(folder=folder)
        lines = [
            translate("sync", "Server: {server} as {user}").format(
                server=self.account.server, user=self.account.username
            )
        ]
        if self.last_synced is not None:
            lines.append(
                translate("sync", "Last synced at {time}").format(
                    time=self.last_synced.strftime("%H:%M")
                )
            )
        if self.state is SyncState.OFFLINE:
            lines.append(
                translate(
                    "sync",
                    "The server cannot be reached. Your work is kept on this"
                    " computer and sent when it can be.",
                )
            )
        elif self.state is SyncState.SIGN_IN_NEEDED:
            lines.append(
                translate(
                    "sync",
                    "No keyring is available to keep your sign-in: sign in"
                    " again each time Insignia starts.",
                )
                if self.keyring_missing
                else translate(
                    "sync", "Your sign-in has expired or was revoked. Sign in again."
                )
            )
        elif self.state is SyncState.ERROR:
            lines.append(self.reason)
        if self.waiting:
            lines.append(self.tr("%n change(s) waiting to be sent", "", self.waiting))
        return "\n".join(lines)


def failure_text(error: BaseException) -> str:
    from model.sync.client import ServerFailed

    if isinstance(error, ServerFailed):
        return translate("sync", "The server had a problem: {reason}").format(
            reason=str(error)
        )
    if isinstance(error, OSError):
        return translate(
            "sync", "This computer could not save what arrived: {reason}"
        ).format(reason=error.strerror or str(error))
    return translate("sync", "Something went wrong while syncing: {reason}").format(
        reason=str(error) or type(error).__name__
    )
