"""Both sides through the real window: an assessor decides, the educator sees it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from desktop.app import create_window
from desktop.item_models import ApplicationTableModel, short_date
from desktop.main_window import MainWindow, _switched_windows
from desktop.queue_model import QueueTableModel
from desktop.tasks import wait_for_background
from desktop.views.application import ApplicationPage
from desktop.views.assessment import AssessmentPage, UnresolvedConflict
from desktop.widgets.attention_banner import AttentionBanner
from desktop.widgets.diff_view import DiffView
from desktop.widgets.verdict_panel import VerdictPanel
from model.assessing import AssessorDesk
from model.demo import seed_demo
from model.enums import Status, Verdict
from model.store import Store

Open = Callable[..., MainWindow]
FEEDBACK = "Add numbers from your follow-up exit ticket: how many moved to got it?"


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path) -> Iterator[Open]:
    """Builds windows on ``tmp_path`` (the demo) and closes them at the end."""
    windows: list[MainWindow] = []

    def build(username: str) -> MainWindow:
        window = create_window(tmp_path, demo=True, username=username)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()
    wait_for_background()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message shown, as its text; confirmations are accepted."""
    shown: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        shown.append(box.text() + "\n" + box.informativeText())
        return QMessageBox.StandardButton.Yes

    def static(_parent: object, title: str, text: str, *_args: object) -> int:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    for name in ("warning", "question", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, static)
    return shown


def demo_store(folder: Path) -> Store:
    store = Store(folder)
    seed_demo(store)
    return store


def educators_waiting(window: MainWindow) -> int:
    """The demo educator's application waiting for a decision, nobody holding it."""
    store = window.context.store
    educator = store.user("educator")
    rows = store.dashboard_rows(educator.id)
    return next(r.id for r in rows if r.status is Status.SUBMITTED)


def wait_for_queue(qtbot: QtBot, window: MainWindow) -> QTableView:
    assert window.queue is not None
    qtbot.waitUntil(window.queue.is_complete)
    table = window.findChild(QTableView, "assessmentQueue")
    assert table is not None
    return table


def open_from_queue(
    qtbot: QtBot, window: MainWindow, application_id: int
) -> AssessmentPage:
    """Select the application's row in the queue and press Enter."""
    table = wait_for_queue(qtbot, window)
    assert window.queue is not None and window.queue.select(application_id)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    page = window.page_of(application_id)
    assert isinstance(page, AssessmentPage)
    return page


def panels(page: AssessmentPage) -> list[VerdictPanel]:
    return page.findChildren(VerdictPanel)


def judge(qtbot: QtBot, panel: VerdictPanel, feedback: str | None) -> None:
    """Meets the rubric, or needs more attention with ``feedback`` typed."""
    if feedback is None:
        panel.findChild(QRadioButton, "verdictMeets").click()
        return
    panel.findChild(QRadioButton, "verdictNeedsAttention").click()
    editor = panel.findChild(QPlainTextEdit, "feedbackEditor")
    qtbot.keyClicks(editor, feedback)


def decide_button(page: AssessmentPage) -> QPushButton:
    button = page.findChild(QPushButton, "decideButton")
    assert button is not None
    return button


def notifications_text(window: MainWindow) -> str:
    button = window.findChild(QToolButton, "notificationsButton")
    assert button is not None
    return button.text()


def dashboard_cells(window: MainWindow, application_id: int) -> list[str]:
    model = window.dashboard.proxy
    row = model.row_of(application_id)
    assert row is not None
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_an_assessor_denies_with_feedback_and_the_educator_sees_it(
    open_window: Open, qtbot: QtBot, dialogs: list[str]
) -> None:
    assessor = open_window("assessor")
    application_id = educators_waiting(assessor)
    page = open_from_queue(qtbot, assessor, application_id)

    header = page.findChild(QLabel, "applicationCode")
    assert header is not None and header.text().startswith("MC-")
    shown = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "Alex" not in shown and "Rivera" not in shown and "@" not in shown
    first, *others = panels(page)
    assert not decide_button(page).isEnabled()

    for panel in others:
        judge(qtbot, panel, None)
    first.findChild(QRadioButton, "verdictNeedsAttention").click()
    assert not decide_button(page).isEnabled()  # feedback is still missing
    qtbot.keyClicks(first.findChild(QPlainTextEdit, "feedbackEditor"), FEEDBACK)
    assert decide_button(page).isEnabled()

    decide_button(page).click()
    part_title = page.record.credential.parts[0].title["en"]
    assert dialogs[-1].startswith("Deny ") and part_title in dialogs[-1]
    banner = page.findChild(QLabel, "decisionBannerTitle")
    assert banner is not None and banner.text().startswith("Denied on")
    assert not decide_button(page).isVisible()
    assert all(not p.meets.isEnabled() for p in panels(page))
    queue = assessor.queue
    assert queue is not None
    qtbot.waitUntil(lambda: queue.proxy.row_of(application_id) is None)
    assessor.close()

    educator = open_window("educator")
    cells = dashboard_cells(educator, application_id)
    assert cells[ApplicationTableModel.STATUS] == "Denied"
    assert cells[ApplicationTableModel.DECIDED] == short_date(date.today())
    qtbot.waitUntil(lambda: notifications_text(educator) == "Notifications (1)")
    opened = educator.open_application(application_id)
    assert isinstance(opened, ApplicationPage)
    banners = opened.findChildren(AttentionBanner, "attentionBanner")
    assert [b.feedback for b in banners] == [FEEDBACK]
    shown = " ".join(label.text() for label in opened.findChildren(QLabel))
    assert "Morgan" not in shown and "Lee" not in shown


def test_the_educator_opens_a_decision_from_the_notifications(
    open_window: Open, qtbot: QtBot, dialogs: list[str]
) -> None:
    assessor = open_window("assessor")
    application_id = educators_waiting(assessor)
    page = open_from_queue(qtbot, assessor, application_id)
    for panel in panels(page):
        judge(qtbot, panel, None)
    decide_button(page).click()
    assert dialogs[-1].startswith("Approve ")
    assessor.close()

    educator = open_window("educator")
    qtbot.waitUntil(lambda: notifications_text(educator) == "Notifications (1)")
    educator.findChild(QToolButton, "notificationsButton").click()
    listing = educator.findChild(QTableView, "notificationsList")
    assert listing is not None
    qtbot.waitUntil(lambda: listing.model().rowCount() == 1)
    assert "Approved" in listing.model().index(0, 1).data()
    listing.activated.emit(listing.model().index(0, 0))
    assert educator.page_of(application_id) is not None
    qtbot.waitUntil(lambda: notifications_text(educator) == "Notifications")


def resubmission(folder: Path) -> int:
    """The demo's newest denied attempt, reapplied, revised and submitted."""
    store = demo_store(folder)
    try:
        educator = store.user("educator")
        rows = store.dashboard_rows(educator.id)
        denied = max(
            (r for r in rows if r.status is Status.DENIED), key=lambda r: r.attempt
        )
        new_id = store.reapply(denied.id)
        record, previous = store.application_with_previous(new_id)
        assert previous is not None
        for part in record.credential.parts:
            if record.is_locked(part.id):
                continue
            for question in part.questions:
                text = previous.answers.get(question.id, "")
                store.save_answer(
                    new_id, question.id, text + " After the retake, 21 of 28 got it."
                )
        store.save_note(new_id, "I added the numbers from my follow-up ticket.")
        for name in ("confirm_ready", "confirm_disclosure", "confirm_own_work"):
            store.set_confirmation(new_id, name, True)
        store.submit(new_id)
        return new_id
    finally:
        store.close()


def test_an_assessor_approves_a_resubmission_and_the_educator_sees_it(
    open_window: Open, qtbot: QtBot, tmp_path: Path, dialogs: list[str]
) -> None:
    application_id = resubmission(tmp_path)
    assessor = open_window("assessor")
    table = wait_for_queue(qtbot, assessor)
    assert assessor.queue is not None
    row = assessor.queue.proxy.row_of(application_id)
    assert row is not None
    assert table.model().index(row, QueueTableModel.ATTEMPT).data() == "3"
    page = open_from_queue(qtbot, assessor, application_id)
    record = page.record
    assert record is not None and record.attempt == 3

    assert page.findChild(QTableView, "relatedSubmissionsTable") is not None
    note = page.findChild(QLabel, "applicationCode")
    assert note is not None and note.text() == record.code
    diffs = page.findChildren(DiffView)
    assert diffs and all(d.added > 0 for d in diffs)
    assert "21 of 28 got it" in diffs[0].plain_text()
    chips = [w.text() for w in page.findChildren(QLabel, "unchangedChip")]
    assert chips and all(c == "Unchanged — approved in attempt 2" for c in chips)

    # The part that failed last time starts from its previous feedback.
    failed = next(p for p in panels(page) if p.copy_button.isVisibleTo(page))
    failed.copy_button.click()
    previous = record.previous_verdicts[failed.part_id].feedback
    assert failed.feedback.answer_text() == previous
    for panel in panels(page):
        judge(qtbot, panel, None)
    assert decide_button(page).isEnabled()
    decide_button(page).click()
    assert dialogs[-1].startswith("Approve ")
    assert page.findChild(QLabel, "decisionBannerTitle").text().startswith("Approved")
    assessor.close()

    educator = open_window("educator")
    cells = dashboard_cells(educator, application_id)
    assert cells[ApplicationTableModel.STATUS] == "Approved"
    assert cells[ApplicationTableModel.ATTEMPT] == "3"


def test_a_second_assessor_is_told_who_holds_it(
    open_window: Open, qtbot: QtBot, dialogs: list[str]
) -> None:
    morgan = open_window("assessor")
    application_id = educators_waiting(morgan)
    open_from_queue(qtbot, morgan, application_id)

    sam = open_window("assessor2")
    table = wait_for_queue(qtbot, sam)
    assert sam.queue is not None
    row = sam.queue.proxy.row_of(application_id)
    assert row is not None
    assert table.model().index(row, QueueTableModel.HELD_BY).data() == "Morgan Lee"
    page = open_from_queue(qtbot, sam, application_id)
    assert page.held_by == "Morgan Lee"
    banner = page.findChild(QLabel, "heldBannerTitle")
    assert banner is not None and banner.text() == "Held by Morgan Lee"
    assert page.findChild(QPlainTextEdit, "feedbackEditor") is None
    assert not decide_button(page).isVisible()
    assert page.findChildren(QPlainTextEdit)  # the answers can be read


def test_two_windows_of_one_assessor_never_lose_either_text(
    open_window: Open, qtbot: QtBot, dialogs: list[str]
) -> None:
    first = open_window("assessor")
    application_id = educators_waiting(first)
    page_a = open_from_queue(qtbot, first, application_id)
    second = open_window("assessor")
    page_b = open_from_queue(qtbot, second, application_id)
    panel_a, panel_b = panels(page_a)[0], panels(page_b)[0]

    judge(qtbot, panel_a, "Text from the first window.")
    page_a.flush()
    judge(qtbot, panel_b, "Text from the second window.")
    with pytest.raises(UnresolvedConflict):
        page_b.flush()

    conflict = panel_b.findChild(QLabel, "conflictMessage")
    assert conflict is not None and conflict.isVisibleTo(page_b)
    assert conflict.text() == "Someone else saved this assessment meanwhile."
    theirs = panel_b.findChild(QPlainTextEdit, "theirFeedback")
    assert theirs.toPlainText() == "Text from the first window."
    assert panel_b.feedback.answer_text() == "Text from the second window."
    assert not decide_button(page_b).isEnabled()

    panel_b.findChild(QPushButton, "keepMineButton").click()
    assert not panel_b.in_conflict()
    page_b.flush()
    stored = first.context.store.application(application_id)
    assert stored.status is Status.IN_REVIEW
    desk = AssessorDesk(first.context.store, first.context.user)
    saved = desk.assessment(application_id).verdict(panel_a.part_id)
    assert (saved.verdict, saved.feedback) == (
        Verdict.NEEDS_ATTENTION,
        "Text from the second window.",
    )

    # The first window learns of it at its next save, and keeps its own text.
    qtbot.keyClicks(panel_a.feedback, " More.")
    with pytest.raises(UnresolvedConflict):
        page_a.flush()
    assert panel_a.theirs() is not None
    assert panel_a.theirs().feedback == "Text from the second window."
    assert panel_a.feedback.answer_text() == "Text from the first window. More."
    panel_a.findChild(QPushButton, "useTheirsButton").click()
    assert panel_a.feedback.answer_text() == "Text from the second window."
    page_a.flush()


def test_a_change_of_another_part_is_taken_in_without_a_conflict(
    open_window: Open, qtbot: QtBot, dialogs: list[str]
) -> None:
    first = open_window("assessor")
    application_id = educators_waiting(first)
    page_a = open_from_queue(qtbot, first, application_id)
    second = open_window("assessor")
    page_b = open_from_queue(qtbot, second, application_id)

    judge(qtbot, panels(page_a)[0], None)
    page_a.flush()
    judge(qtbot, panels(page_b)[1], "Say more about the groups.")
    page_b.flush()
    assert not any(p.in_conflict() for p in panels(page_b))
    assert panels(page_b)[0].verdict() is Verdict.MEETS


def test_switch_user_reopens_the_window_as_another_user(
    open_window: Open, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    educator = open_window("educator")
    action = educator.findChild(type(educator.switch_user_action), "switchUserAction")
    assert action is not None

    def pick(
        _parent: object, _title: str, _label: str, items: list[str], *_a: object
    ) -> tuple[str, bool]:
        return next(i for i in items if "(assessor)" in i), True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    action.trigger()
    assert not educator.isVisible()
    switched = _switched_windows[-1]
    qtbot.addWidget(switched)
    assert switched.context.user.username == "assessor"
    assert switched.queue is not None
    wait_for_queue(qtbot, switched)
    switched.close()
