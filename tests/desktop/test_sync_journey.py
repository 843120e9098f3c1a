"""Two computers, an educator's and an assessor's, through a real server.

Each has its own data folder and its own window; nothing passes between them
but the server. Rounds are started with File ▸ Sync now and followed on the
``syncStatus`` button. Bulk answers go through the store; the rest is done
as a user does it: the sign-in dialog, Submit, the verdicts, Reapply.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.item_models import ApplicationTableModel
from desktop.main_window import MainWindow, _switched_windows
from desktop.views.application import ApplicationPage
from desktop.views.assessment import AssessmentPage
from desktop.widgets.attention_banner import AttentionBanner
from desktop.widgets.verdict_panel import VerdictPanel
from model.assessing import AssessorDesk
from model.enums import Role, Status
from model.records import ApplicationRecord
from model.store import Store
from model.sync.account import Account as SyncAccount
from model.sync.account import connect
from model.sync.client import ServerClient
from model.sync.engine import RoundResult, SyncEngine
from model.sync_protocol import ApplicationChange
from tests.server.conftest import Account, RunningServer
from tests.server.helpers import pull_all

if TYPE_CHECKING:
    from tests.desktop.sync_fixtures import Cable, Desktop, MemoryKeyring

pytest_plugins = ["tests.desktop.sync_fixtures"]

CODE = "formative-feedback"
FEEDBACK = "Say what the students did with the feedback the next day."
SYNCED = "Synced"
OFFLINE = "Offline — changes wait here"


# The educator's work, through the store and the page -----------------------------


def words(n: int, marker: str) -> str:
    return " ".join(f"{marker}{i}" for i in range(n))


def start_draft(window: MainWindow) -> int:
    store, user = window.context.store, window.context.user
    credential = next(c for c in store.credentials() if c.code == CODE)
    application_id = store.start_application(user.id, credential.id)
    window.context.changes.applicationChanged.emit(application_id)
    return application_id


def fill(window: MainWindow, application_id: int, marker: str) -> None:
    """Every open part answered and its evidence linked, through the store.

    The page then shows what the store holds, as after any change.
    """
    store, user = window.context.store, window.context.user
    record = store.application(application_id, actor_id=user.id)
    for part in record.credential.parts:
        if record.is_locked(part.id):
            continue
        for question in part.questions:
            text = words(question.min_words + 5, marker)
            store.save_answer(application_id, question.id, text, actor_id=user.id)
        if part.evidence_required:
            store.add_link(
                application_id,
                part.id,
                "https://example.org/plan",
                "Plan",
                actor_id=user.id,
            )
    window.context.changes.applicationChanged.emit(application_id)


def open_page(window: MainWindow, application_id: int) -> ApplicationPage:
    page = window.open_application(application_id)
    assert isinstance(page, ApplicationPage)
    return page


def complete_draft(
    desktop: Desktop, window: MainWindow, marker: str = "idea"
) -> tuple[int, ApplicationPage]:
    """A new draft, every part answered, the confirmations ticked, open."""
    draft = start_draft(window)
    page = open_page(window, draft)
    fill(window, draft, marker)
    desktop.confirm(page)
    page.flush()
    return draft, page


def stored(window: MainWindow, application_id: int) -> ApplicationRecord:
    return window.context.store.application(application_id)


def status_cell(window: MainWindow, application_id: int) -> str:
    proxy = window.dashboard.proxy
    row = proxy.row_of(application_id)
    assert row is not None, f"application {application_id} is not on the dashboard"
    return str(proxy.index(row, ApplicationTableModel.STATUS).data())


def banner(page: ApplicationPage, name: str) -> QWidget | None:
    """The page's banner of that object name, when it is shown."""
    found = page.findChild(QWidget, name)
    return found if found is not None and found.isVisibleTo(page) else None


# The assessor's work, in the window ----------------------------------------------


def open_from_queue(qtbot: QtBot, window: MainWindow, code: str) -> AssessmentPage:
    """The application of ``code``, selected in the assessor's queue, Enter."""
    queue = window.queue
    assert queue is not None
    desk = AssessorDesk(window.context.store, window.context.user)
    (row,) = [r for r in desk.queue() if r.code == code]
    qtbot.waitUntil(lambda: queue.proxy.row_of(row.application_id) is not None)
    assert queue.select(row.application_id)
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    page = window.page_of(row.application_id)
    assert isinstance(page, AssessmentPage)
    return page


def judge(qtbot: QtBot, page: AssessmentPage, failing: set[str]) -> None:
    """Meets the rubric, but the parts keyed in ``failing`` need more, then Decide."""
    assert page.record is not None
    keys = {part.id: part.key for part in page.record.credential.parts}
    for panel in page.findChildren(VerdictPanel):
        if keys[panel.part_id] in failing:
            panel.findChild(QRadioButton, "verdictNeedsAttention").click()
            editor = panel.findChild(QPlainTextEdit, "feedbackEditor")
            qtbot.keyClicks(editor, FEEDBACK)
        else:
            meets = panel.findChild(QRadioButton, "verdictMeets")
            if meets.isEnabled():
                meets.click()
    decide = page.findChild(QPushButton, "decideButton")
    assert decide is not None and decide.isEnabled()
    qtbot.mouseClick(decide, Qt.MouseButton.LeftButton)


# The round -----------------------------------------------------------------------


def test_a_deny_reapply_approve_round_between_two_windows(
    qtbot: QtBot,
    tmp_path: Path,
    insignia_server: RunningServer,
    memory_keyring: MemoryKeyring,
    desktop: Desktop,
    messages: list[str],
) -> None:
    server = insignia_server.base_url
    educator_account = insignia_server.user("educator")
    assessor_account = insignia_server.user("assessor")

    # The educator's computer, as after the first start, signs in by the dialog
    # and reopens as the server's user.
    local = desktop.open(desktop.first_start_folder(tmp_path / "educator"))
    assert local.context.user.username == "local-name"
    before = len(_switched_windows)
    shown = desktop.sign_in(
        local, server, educator_account.username, educator_account.password
    )
    assert shown == ""
    educator = desktop.reopened(before)
    assert educator.context.user.username == educator_account.username
    desktop.wait_for_status(educator, SYNCED)

    # The assessor's computer was connected before; its window syncs at start.
    assessor = desktop.open(
        desktop.connected_folder(tmp_path / "assessor", server, assessor_account)
    )
    assert assessor.context.user.username == assessor_account.username
    desktop.wait_for_status(assessor, SYNCED)

    # Attempt 1, submitted with the button and sent.
    first, page = complete_draft(desktop, educator)
    desktop.submit(page)
    assert stored(educator, first).status is Status.SUBMITTED
    assert desktop.sync_round(educator) == SYNCED
    assert educator.sync.waiting == 0
    code = stored(educator, first).code

    # The assessor receives it and denies it: the reflection needs more.
    assert desktop.sync_round(assessor) == SYNCED
    review = open_from_queue(qtbot, assessor, code)
    judge(qtbot, review, failing={"reflection"})
    assert messages[-1].startswith("Record the decision: Deny ")
    assert desktop.sync_round(assessor) == SYNCED
    assert assessor.sync.waiting == 0

    # The educator's next round brings the denial, with the feedback.
    assert desktop.sync_round(educator) == SYNCED
    qtbot.waitUntil(lambda: status_cell(educator, first) == "Denied")
    page = open_page(educator, first)
    reapply = page.findChild(QPushButton, "reapplyButton")
    assert reapply is not None and reapply.isVisibleTo(page)
    banners = page.findChildren(AttentionBanner, "attentionBanner")
    assert [b.feedback for b in banners] == [FEEDBACK]
    texts = " ".join(label.text() for label in banners[0].findChildren(QLabel))
    assert "This area may need more attention" in texts

    # Reapply: attempt 2 in a new tab, revised, explained and submitted.
    tabs = educator.tabs.count()
    qtbot.mouseClick(reapply, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: educator.tabs.count() == tabs + 1)
    second_page = educator.tabs.currentWidget()
    assert isinstance(second_page, ApplicationPage)
    second = second_page.application_id
    assert stored(educator, second).attempt == 2
    fill(educator, second, "better")
    note = second_page.findChild(QPlainTextEdit, "resubmissionNote")
    assert note is not None
    note.setFocus()
    qtbot.keyClicks(note, "I rewrote the reflection with what happened next.")
    desktop.confirm(second_page)
    desktop.submit(second_page)
    assert stored(educator, second).status is Status.SUBMITTED
    assert desktop.sync_round(educator) == SYNCED
    assert educator.sync.waiting == 0

    # The assessor approves attempt 2.
    assert desktop.sync_round(assessor) == SYNCED
    again = open_from_queue(qtbot, assessor, stored(educator, second).code)
    assert again.record is not None and again.record.attempt == 2
    judge(qtbot, again, failing=set())
    assert messages[-1].startswith("Record the decision: Approve ")
    assert desktop.sync_round(assessor) == SYNCED

    # The educator sees it approved; the denied attempt stays denied.
    assert desktop.sync_round(educator) == SYNCED
    qtbot.waitUntil(lambda: status_cell(educator, second) == "Approved")
    assert stored(educator, second).status is Status.APPROVED
    assert status_cell(educator, first) == "Denied"
    # Nothing went wrong on the way: the only questions were the two decisions.
    assert [m.split(":")[0] for m in messages] == ["Record the decision"] * 2


# Offline, and refused ------------------------------------------------------------


class Device:
    """Another computer of the same educator, synced at store level."""

    def __init__(self, folder: Path, server: str, account: Account) -> None:
        folder.mkdir()
        self.store = Store(folder)
        self.server = server
        self.account = account
        sync_account = SyncAccount(server, account.username)
        self.user = connect(
            self.store, sync_account, Role(account.role), account.username
        )

    def sync(self) -> RoundResult:
        with ServerClient(self.server, self.account.token, timeout=10) as client:
            result = SyncEngine(self.store, client, self.user.id).run_once()
        assert result.refused == 0 and result.conflicts == 0, result
        return result

    def application(self, code: str) -> ApplicationRecord:
        rows = self.store.dashboard_rows(self.user.id)
        (row,) = [r for r in rows if self.store.application(r.id).code == code]
        return self.store.application(row.id)

    def close(self) -> None:
        self.store.close()


def on_server(server: RunningServer, account: Account, code: str) -> Status:
    """The application's status as the server holds it."""
    with server.client(account) as client:
        changes, _ = pull_all(client, limit=1000)
    (status,) = {
        c.payload.status
        for c in changes
        if isinstance(c, ApplicationChange) and c.payload.code == code
    }
    return status


def test_a_submission_made_offline_waits_and_goes_once_the_server_is_back(
    qtbot: QtBot,
    tmp_path: Path,
    insignia_server: RunningServer,
    cable: Cable,
    memory_keyring: MemoryKeyring,
    desktop: Desktop,
    messages: list[str],
) -> None:
    account = insignia_server.user("educator")
    folder = desktop.connected_folder(tmp_path / "educator", cable.base_url, account)
    window = desktop.open(folder)
    desktop.wait_for_status(window, SYNCED)
    draft, page = complete_draft(desktop, window)
    assert desktop.sync_round(window) == SYNCED
    code = stored(window, draft).code

    # The network goes; the window says so and keeps working.
    cable.unplug()
    assert desktop.sync_round(window) == OFFLINE
    assert "cannot be reached" in window.sync.details()
    desktop.submit(page)
    assert stored(window, draft).status is Status.SUBMITTED
    qtbot.waitUntil(lambda: banner(page, "waitingToSendBanner") is not None)
    qtbot.waitUntil(lambda: status_cell(window, draft) == "Submitted · waiting to send")
    waiting = banner(page, "waitingToSendBanner")
    assert "waiting to send" in waiting.text()  # type: ignore[union-attr]
    assert desktop.sync_round(window) == OFFLINE
    assert banner(page, "waitingToSendBanner") is not None
    assert on_server(insignia_server, account, code) is Status.DRAFT

    # It comes back: the round sends the submission and the banner goes.
    cable.plug()
    assert desktop.sync_round(window) == SYNCED
    assert window.sync.waiting == 0
    assert on_server(insignia_server, account, code) is Status.SUBMITTED
    qtbot.waitUntil(lambda: banner(page, "waitingToSendBanner") is None)
    assert stored(window, draft).status is Status.SUBMITTED
    qtbot.waitUntil(lambda: status_cell(window, draft) == "Submitted")
    assert not messages


def test_a_submission_the_server_refuses_comes_back_as_a_message_on_the_draft(
    qtbot: QtBot,
    tmp_path: Path,
    insignia_server: RunningServer,
    memory_keyring: MemoryKeyring,
    desktop: Desktop,
    messages: list[str],
) -> None:
    """The evidence was removed on the educator's other computer meanwhile."""
    server = insignia_server.base_url
    account = insignia_server.user("educator")
    window = desktop.open(
        desktop.connected_folder(tmp_path / "laptop", server, account)
    )
    desktop.wait_for_status(window, SYNCED)
    draft, page = complete_draft(desktop, window)
    assert desktop.sync_round(window) == SYNCED
    code = stored(window, draft).code
    answers = stored(window, draft).answers

    other = Device(tmp_path / "desktop-computer", server, account)
    try:
        other.sync()
        there = other.application(code)
        for attachment in there.attachments:
            other.store.remove_attachment(there.id, attachment.id)
        other.sync()
    finally:
        other.close()

    # Submitted here before this computer heard of it: the server says no.
    desktop.submit(page)
    assert stored(window, draft).status is Status.SUBMITTED
    assert desktop.sync_round(window) == SYNCED
    qtbot.waitUntil(lambda: banner(page, "syncRefusalBanner") is not None)
    refusal = banner(page, "syncRefusalBanner")
    assert refusal is not None
    text = refusal.text()  # type: ignore[attr-defined]
    assert text.startswith("The server did not accept the submission. Still missing")
    assert text.endswith(
        "\n•  Part 2: Evidence — attach at least one piece of evidence"
    )

    # A draft again, every answer as typed, and Submit offered again.
    record = stored(window, draft)
    assert record.status is Status.DRAFT
    assert record.answers == answers
    qtbot.waitUntil(lambda: status_cell(window, draft) == "Draft")
    submit = page.findChild(QPushButton, "submitButton")
    assert submit is not None and submit.isVisibleTo(page)
    assert on_server(insignia_server, account, code) is Status.DRAFT
    assert not messages


def test_offline_the_status_tooltip_counts_what_waits_to_be_sent(
    tmp_path: Path,
    insignia_server: RunningServer,
    cable: Cable,
    memory_keyring: MemoryKeyring,
    desktop: Desktop,
    messages: list[str],
) -> None:
    account = insignia_server.user("educator")
    folder = desktop.connected_folder(tmp_path / "educator", cable.base_url, account)
    window = desktop.open(folder)
    desktop.wait_for_status(window, SYNCED)
    _, page = complete_draft(desktop, window)
    assert desktop.sync_round(window) == SYNCED

    cable.unplug()
    desktop.submit(page)
    assert desktop.sync_round(window) == OFFLINE
    button = window.findChild(QToolButton, "syncStatus")
    assert button is not None
    assert "waiting to be sent" in button.toolTip()
