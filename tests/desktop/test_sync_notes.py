"""What a sync leaves on an application, as its owner sees it and acts on it.

No server is needed: each test writes into the local database what a sync
would have left there (a conflict, a refusal, a submission still in the
outbox), with the folder connected to an account so that changes are kept
for the server, then drives the page through its object names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app import create_window, install_translators
from desktop.context import AppContext, Changes
from desktop.errors import missing_item_text
from desktop.item_models import ApplicationTableModel, StatusFilter
from desktop.main_window import MainWindow
from desktop.tasks import wait_for_background
from desktop.views.application import ApplicationPage
from desktop.views.settings import LANGUAGE_KEY, ui_settings
from desktop.widgets.autosave import SAVE_DELAY_MS
from desktop.widgets.part_editor import PartEditor
from model.demo import seed_demo
from model.entities import OutboxOperation, SyncConflict
from model.enums import Status
from model.errors import Missing, MissingItem
from model.store import Store
from model.sync import local, outbox
from model.sync_protocol import OperationKind
from tests.desktop.test_spanish import in_english, report, texts_of

ACCOUNT = "educator@http://127.0.0.1:1"
MINE = "Mine: written on this computer."
# Markup stays text: it must show as typed, never as bold.
THEIRS = "Theirs: written on the <b>laptop</b>."
ENOUGH_WORDS = " ".join(["Students moved from not yet to got it"] * 12)
WAITING_TEXT = (
    "Submitted on this computer — waiting to send.\n"
    "It goes to the server as soon as Insignia can reach it."
)


# Setting up what a sync would leave ---------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """The demo, connected to an account: changes wait in the outbox."""
    store = Store(tmp_path)
    seed_demo(store)
    store.set_setting(outbox.ACCOUNT, ACCOUNT)
    yield store
    wait_for_background()
    store.close()


@pytest.fixture
def context(store: Store) -> AppContext:
    return AppContext(store, store.user("educator"), "en", Changes())


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every warning shown, as (title, text)."""
    shown: list[tuple[str, str]] = []

    def warning(_parent: object, title: str, text: str, *_args: object) -> int:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def rows_by_status(store: Store, status: Status) -> list[int]:
    educator = store.user("educator")
    rows = store.dashboard_rows(educator.id)
    return [row.id for row in rows if row.status is status]


def a_draft(store: Store) -> tuple[int, int]:
    """A first-attempt draft of the demo and the first question it answered."""
    draft = min(rows_by_status(store, Status.DRAFT))
    record = store.application(draft)
    question = record.credential.parts[0].questions[0].id
    return draft, question


def conflict_on(store: Store, application_id: int, field: str, theirs: str) -> None:
    """What a sync leaves when ``field`` was changed on another device too."""
    with store._unit() as session:
        outbox.link_of(session, application_id)
        session.add(
            SyncConflict(
                application_id=application_id,
                field=field,
                theirs=theirs,
                their_version=3,
                created_at=datetime(2026, 12, 3, 9, 0),
            )
        )


def refusal_on(store: Store, application_id: int, *items: dict[str, object]) -> None:
    with store._unit() as session:
        outbox.link_of(session, application_id).refusal = {"items": list(items)}


def waiting_operations(store: Store, application_id: int) -> list[OutboxOperation]:
    with store._unit() as session:
        rows = session.scalars(
            select(OutboxOperation).where(
                OutboxOperation.application_id == application_id
            )
        ).all()
        session.expunge_all()
        return list(rows)


def resubmitted_offline(store: Store) -> int:
    """The demo's denied attempt, reapplied, completed and submitted here."""
    denied = max(rows_by_status(store, Status.DENIED))
    new_id = store.reapply(denied)
    record = store.application(new_id)
    for part in record.credential.parts:
        if not record.is_locked(part.id):
            for question in part.questions:
                store.save_answer(new_id, question.id, ENOUGH_WORDS)
    store.save_note(new_id, "I added the second exit ticket's results.")
    for name in ("confirm_ready", "confirm_disclosure", "confirm_own_work"):
        store.set_confirmation(new_id, name, True)
    store.submit(new_id)
    return new_id


def open_page(
    qtbot: QtBot, context: AppContext, application_id: int
) -> ApplicationPage:
    page = ApplicationPage(context, application_id)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def shown_panels(page: ApplicationPage) -> list[QWidget]:
    return [p for p in page.findChildren(QWidget, "conflictPanel") if p.isVisible()]


def part_of(page: ApplicationPage, question_id: int) -> PartEditor:
    assert page.editor is not None
    return next(p for p in page.editor.part_editors if question_id in p.editors)


def button(widget: QWidget, name: str) -> QPushButton:
    found = widget.findChild(QPushButton, name)
    assert found is not None, name
    return found


def banner(page: ApplicationPage, name: str) -> QWidget:
    found = page.findChild(QWidget, name)
    assert found is not None, name
    return found


# Conflicts ------------------------------------------------------------------------


def test_the_other_devices_text_shows_below_its_answer_until_resolved(
    qtbot: QtBot, store: Store, context: AppContext
) -> None:
    draft, question = a_draft(store)
    store.save_answer(draft, question, MINE)
    conflict_on(store, draft, outbox.answer_field(question), THEIRS)

    page = open_page(qtbot, context, draft)

    (panel,) = shown_panels(page)
    part = part_of(page, question)
    layout = part.layout()
    # Right below the answer and its word count, inside the answer's part.
    assert panel.parentWidget() is part
    assert layout.indexOf(panel) == layout.indexOf(part.counts[question]) + 1
    other = panel.findChild(QPlainTextEdit, "otherDeviceText")
    assert other is not None and other.isReadOnly()
    assert other.toPlainText() == THEIRS
    assert "Changed on another device" in [
        label.text() for label in panel.findChildren(QLabel)
    ]
    assert part.editors[question].answer_text() == MINE
    assert button(panel, "useTheirsButton").text() == "Use this version"
    assert button(panel, "keepMineButton").text() == "Keep mine"
    # Tab goes from the answer to the choice about it.
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    part.editors[question].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is part.editors[question])
    reached = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    names = [w.objectName() for w in reached if w is not None]
    assert names == ["otherDeviceText", "useTheirsButton", "keepMineButton"]

    # Still there when the application is opened again.
    page.close()
    again = open_page(qtbot, context, draft)
    assert len(shown_panels(again)) == 1


def test_keep_mine_keeps_the_editors_text_and_sends_it_again(
    qtbot: QtBot, store: Store, context: AppContext
) -> None:
    draft, question = a_draft(store)
    store.save_answer(draft, question, MINE)
    conflict_on(store, draft, outbox.answer_field(question), THEIRS)
    page = open_page(qtbot, context, draft)
    editor = part_of(page, question).editors[question]
    changed: list[int] = []
    context.changes.applicationChanged.connect(changed.append)

    qtbot.mouseClick(
        button(shown_panels(page)[0], "keepMineButton"), Qt.MouseButton.LeftButton
    )

    assert shown_panels(page) == []
    assert editor.answer_text() == MINE
    assert store.application(draft).answers[question] == MINE
    assert store.sync_notes(draft).conflicts == ()
    sent = [
        op.payload["text"]
        for op in waiting_operations(store, draft)
        if op.field == outbox.answer_field(question)
    ]
    assert sent == [MINE]
    # The window's sync hears of it, and sends it soon.
    assert changed == [draft]


def test_use_this_version_replaces_the_text_for_good(
    qtbot: QtBot, store: Store, context: AppContext
) -> None:
    draft, question = a_draft(store)
    store.save_answer(draft, question, MINE)
    conflict_on(store, draft, outbox.answer_field(question), THEIRS)
    page = open_page(qtbot, context, draft)
    part = part_of(page, question)
    editor = part.editors[question]
    # Typed just before choosing: waiting for the autosave.
    qtbot.keyClicks(editor, " And more")

    qtbot.mouseClick(
        button(shown_panels(page)[0], "useTheirsButton"), Qt.MouseButton.LeftButton
    )

    assert shown_panels(page) == []
    assert editor.answer_text() == THEIRS
    assert store.application(draft).answers[question] == THEIRS
    # Later saves, of another answer too, leave the other version in place.
    other_question = next(q for q in part.editors if q != question)
    part.editors[other_question].setPlainText("Another answer, typed on.")
    qtbot.wait(SAVE_DELAY_MS + 300)
    page.flush()
    stored = store.application(draft).answers
    assert stored[question] == THEIRS
    assert stored[other_question] == "Another answer, typed on."
    fields = {op.field for op in waiting_operations(store, draft)}
    assert outbox.answer_field(question) not in fields


def test_the_resubmission_note_has_its_own_conflict(
    qtbot: QtBot, store: Store, context: AppContext
) -> None:
    denied = max(rows_by_status(store, Status.DENIED))
    draft = store.reapply(denied)
    store.save_note(draft, "My note.")
    conflict_on(store, draft, outbox.NOTE, "The laptop's note.")
    page = open_page(qtbot, context, draft)
    assert page.editor is not None and page.editor.note is not None
    note = page.editor.note

    (panel,) = shown_panels(page)
    layout = note.parentWidget().layout()
    assert layout.indexOf(panel) == layout.indexOf(note) + 1

    qtbot.mouseClick(button(panel, "useTheirsButton"), Qt.MouseButton.LeftButton)
    assert note.answer_text() == "The laptop's note."
    page.flush()
    assert store.application(draft).resubmission_note == "The laptop's note."
    assert shown_panels(page) == []


def test_submit_names_the_conflict_as_an_item_to_settle(
    qtbot: QtBot,
    store: Store,
    context: AppContext,
    messages: list[tuple[str, str]],
) -> None:
    draft, question = a_draft(store)
    store.save_answer(draft, question, MINE)
    conflict_on(store, draft, outbox.answer_field(question), THEIRS)
    page = open_page(qtbot, context, draft)
    part = part_of(page, question).part

    button(page, "submitButton").click()

    (title, text), *_ = messages
    assert title == "Not submitted yet"
    assert (
        f"{part.title['en']} · Question 1 — changed on another device too: "
        "choose which text to keep"
    ) in text
    assert store.application(draft).status is Status.DRAFT


def test_a_conflict_on_the_note_is_worded_by_name(store: Store) -> None:
    credential = store.credentials()[0]
    item = MissingItem(Missing.CONFLICT)
    assert missing_item_text(item, credential, "en") == (
        "What's changed — changed on another device too: choose which text to keep"
    )


# After a sync ---------------------------------------------------------------------


def test_a_sync_that_changed_the_draft_shows_it_without_losing_typing(
    qtbot: QtBot, store: Store, context: AppContext
) -> None:
    draft, question = a_draft(store)
    page = open_page(qtbot, context, draft)
    editor = page.editor
    part = part_of(page, question)
    typed_in, changed_there, conflicted = list(part.editors)[:3]
    part.editors[typed_in].setPlainText("Typing, not saved yet.")

    # Another device changed one answer; a second one conflicted.
    store.save_answer(draft, changed_there, "Saved on the other device.")
    conflict_on(store, draft, outbox.answer_field(conflicted), THEIRS)
    context.changes.applicationChanged.emit(draft)

    assert page.editor is editor
    assert len(shown_panels(page)) == 1
    assert part.editors[typed_in].answer_text() == "Typing, not saved yet."
    assert part.editors[changed_there].answer_text() != "Saved on the other device."

    # Once the typing is saved, the next change shows the stored texts.
    page.flush()
    context.changes.applicationChanged.emit(draft)
    assert page.editor is editor
    assert part.editors[changed_there].answer_text() == "Saved on the other device."
    assert part.editors[typed_in].answer_text() == "Typing, not saved yet."
    assert len(shown_panels(page)) == 1


def test_a_submission_sent_back_behind_a_conflict_is_a_draft_again(
    qtbot: QtBot, store: Store, context: AppContext
) -> None:
    submitted = resubmitted_offline(store)
    page = open_page(qtbot, context, submitted)
    waiting = banner(page, "waitingToSendBanner")
    assert waiting.isVisible()
    assert waiting.text() == WAITING_TEXT  # type: ignore[attr-defined]
    record = store.application(submitted)
    question = next(
        q.id
        for p in record.credential.parts
        if not record.is_locked(p.id)
        for q in p.questions
    )

    # What the sync does when the server kept another device's answer.
    with store._unit() as session:
        for operation in session.scalars(
            select(OutboxOperation).where(
                OutboxOperation.kind == OperationKind.SUBMIT.value
            )
        ):
            session.delete(operation)
        local.undo_submit(session, submitted)
    conflict_on(store, submitted, outbox.answer_field(question), THEIRS)
    refusal_on(
        store,
        submitted,
        {"kind": "", "reason": "conflict", "message": "Also changed elsewhere."},
    )
    context.changes.applicationChanged.emit(submitted)

    # The page is built again, as a draft; it shows once Qt lays it out.
    assert page.editor is not None
    refusal = banner(page, "syncRefusalBanner")
    qtbot.waitUntil(refusal.isVisible)
    assert not banner(page, "waitingToSendBanner").isVisible()
    assert refusal.text() == (  # type: ignore[attr-defined]
        "Not sent: an answer was also changed on another device. Choose which "
        "text to keep, then submit again."
    )
    (panel,) = shown_panels(page)
    assert part_of(page, question).conflicts[question] is panel
    assert part_of(page, question).editors[question].answer_text() == ENOUGH_WORDS


# Refusals -------------------------------------------------------------------------


def test_a_refused_submission_is_explained_and_can_be_dismissed(
    qtbot: QtBot, store: Store, context: AppContext
) -> None:
    draft, question = a_draft(store)
    record = store.application(draft)
    evidence = next(p for p in record.credential.parts if p.evidence_required)
    refusal_on(
        store,
        draft,
        {
            "kind": "submit",
            "reason": "submit_refused",
            "message": "1 item(s) missing",
            "missing": [{"kind": "evidence", "part_key": evidence.key}],
        },
        {"kind": "save_answer", "reason": "part_locked", "message": "Part locked."},
    )
    page = open_page(qtbot, context, draft)

    refusal = banner(page, "syncRefusalBanner")
    assert refusal.isVisible()
    item = missing_item_text(
        MissingItem(Missing.EVIDENCE, part_id=evidence.id), record.credential, "en"
    )
    assert refusal.text() == (  # type: ignore[attr-defined]
        "The server did not accept the submission. Still missing there:\n"
        f"•  {item}\n\n"
        "The server did not accept a change: Part locked."
    )
    assert not banner(page, "waitingToSendBanner").isVisible()

    qtbot.mouseClick(
        button(refusal, "dismissRefusalsButton"), Qt.MouseButton.LeftButton
    )

    assert not refusal.isVisible()
    assert store.sync_notes(draft).refusals == ()
    editor = part_of(page, question).editors[question]
    assert not editor.isReadOnly()
    assert editor.answer_text() == record.answers[question]
    assert store.application(draft).answers == record.answers


# The window: the dashboard and the page -----------------------------------------


@pytest.fixture
def open_window(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> Iterator[Callable[[], MainWindow]]:
    windows: list[MainWindow] = []

    def build() -> MainWindow:
        window = create_window(tmp_path, demo=True)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()
    wait_for_background()


def status_of(window: MainWindow, application_id: int) -> str:
    table = window.findChild(QTableView, "dashboardTable")
    assert table is not None
    model = table.model()
    for row in range(model.rowCount()):
        if window.dashboard.proxy.application_id(row) == application_id:
            return str(model.index(row, ApplicationTableModel.STATUS).data())
    return ""


def test_a_submission_waiting_to_send_says_so_on_the_dashboard_and_its_page(
    qtbot: QtBot, store: Store, open_window: Callable[[], MainWindow]
) -> None:
    waiting = resubmitted_offline(store)
    sent = next(i for i in rows_by_status(store, Status.SUBMITTED) if i != waiting)
    window = open_window()

    qtbot.waitUntil(lambda: status_of(window, waiting) == "Submitted · waiting to send")
    assert status_of(window, sent) == "Submitted"
    shown = {status_of(window, i) for i in rows_by_status(store, Status.DRAFT)}
    assert shown == {"Draft"}
    window.dashboard.set_status_filter(StatusFilter.SUBMITTED)
    assert status_of(window, waiting) == "Submitted · waiting to send"
    assert status_of(window, sent) == "Submitted"
    assert all(status_of(window, i) == "" for i in rows_by_status(store, Status.DRAFT))

    page = window.open_application(waiting)
    assert isinstance(page, ApplicationPage)
    assert banner(page, "waitingToSendBanner").isVisible()
    other = window.open_application(sent)
    assert isinstance(other, ApplicationPage)
    assert not banner(other, "waitingToSendBanner").isVisible()

    # The sync sends it: the banner and the words go.
    with store._unit() as session:
        for operation in session.scalars(select(OutboxOperation)):
            session.delete(operation)
    window.context.changes.applicationChanged.emit(waiting)
    assert banner(page, "waitingToSendBanner").isHidden()
    qtbot.waitUntil(lambda: status_of(window, waiting) == "Submitted")


# In Spanish -------------------------------------------------------------------------


@pytest.fixture
def spanish(qapp: object) -> Iterator[None]:
    settings = ui_settings()
    settings.setValue(LANGUAGE_KEY, "es")
    settings.sync()
    yield
    settings.remove(LANGUAGE_KEY)
    settings.sync()
    install_translators("en")


def test_conflicts_and_refusals_speak_spanish(
    qtbot: QtBot, store: Store, spanish: None, open_window: Callable[[], MainWindow]
) -> None:
    draft, question = a_draft(store)
    store.save_answer(draft, question, MINE)
    conflict_on(store, draft, outbox.answer_field(question), THEIRS)
    refusal_on(
        store,
        draft,
        {"kind": "", "reason": "conflict", "message": "Also changed elsewhere."},
    )
    waiting = resubmitted_offline(store)
    window = open_window()
    assert window.context.language == "es"

    page = window.open_application(draft)
    assert isinstance(page, ApplicationPage)
    (panel,) = shown_panels(page)
    assert button(panel, "keepMineButton").text() == "Conservar la mía"
    assert button(panel, "useTheirsButton").text() == "Usar esta versión"
    assert (
        banner(page, "syncRefusalBanner")
        .text()
        .startswith(  # type: ignore[attr-defined]
            "No se envió"
        )
    )
    qtbot.waitUntil(
        lambda: status_of(window, waiting) == "Enviada · pendiente de subir"
    )
    shown = texts_of(page) + texts_of(window.open_application(waiting))
    assert not in_english(shown), report(in_english(shown))
