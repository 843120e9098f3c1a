"""The resubmission guide's seven steps, end to end in the real main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import create_window
from desktop.main_window import MainWindow
from desktop.tasks import wait_for_background
from model.enums import Status
from model.store import Store


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of the message boxes shown; questions are answered Yes."""
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> int:
        shown.append(text)
        return QMessageBox.StandardButton.Yes

    for name in ("warning", "question", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    window = create_window(tmp_path, demo=True)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    wait_for_background()


def visible_text(widget: QWidget) -> str:
    labels = widget.findChildren(QLabel)
    return "\n".join(label.text() for label in labels)


def current_page(window: MainWindow) -> QWidget:
    tabs = window.findChild(QTabWidget, "workspaceTabs")
    return tabs.currentWidget()


def editor_side(page: QWidget) -> QWidget:
    """The draft's own column, not the previous attempt beside it."""
    editor = page.findChild(QWidget, "applicationEditor")
    assert editor is not None
    return editor


def test_the_guide_from_denied_to_resubmitted(
    qtbot: QtBot, window: MainWindow, messages: list[str], tmp_path: Path
) -> None:
    tabs = window.findChild(QTabWidget, "workspaceTabs")
    table = window.findChild(QTableView, "dashboardTable")

    # Steps 1–2: on the dashboard, All > Denied lists the denied attempts.
    status_filter = window.findChild(QComboBox, "statusFilter")
    status_filter.setCurrentIndex(status_filter.findText("Denied"))
    model = table.model()
    assert model.rowCount() == 2
    statuses = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert statuses == {"Denied"}

    # Open the newest denied attempt with the keyboard.
    newest = max(range(2), key=lambda r: int(model.index(r, 1).data()))
    table.setFocus()
    table.selectRow(newest)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert tabs.count() == 2
    denied_page = current_page(window)

    # The assessor's feedback sits beside a banner on the failed part only.
    banners = denied_page.findChildren(QWidget, "attentionBanner")
    assert len(banners) == 1
    banner_text = visible_text(banners[0])
    assert "This area may need more attention" in banner_text
    store = Store(tmp_path)
    try:
        denied_id = denied_page.application_id
        feedback = next(iter(store.application(denied_id).attention.values()))
    finally:
        store.close()
    assert feedback.split()[0] in banner_text

    # Related submissions opens the earlier attempt, read-only, in a new tab.
    related = denied_page.findChild(QTableView, "relatedSubmissionsTable")
    assert related.model().rowCount() == 1
    related.setFocus()
    related.selectRow(0)
    qtbot.keyClick(related, Qt.Key.Key_Return)
    assert tabs.count() == 3
    assert current_page(window).findChild(QPushButton, "submitButton") is None
    tabs.setCurrentWidget(denied_page)

    # Step 3: Reapply opens the new attempt in a new tab; the denied one stays.
    qtbot.mouseClick(
        denied_page.findChild(QPushButton, "reapplyButton"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: tabs.count() == 4)
    resubmission = current_page(window)
    assert resubmission is not denied_page
    assert tabs.indexOf(denied_page) >= 0

    # Step 4: the denied attempt is beside the new one.
    assert resubmission.findChild(QWidget, "resubmissionSplitter") is not None
    editor = editor_side(resubmission)

    # Step 5: approved parts are carried over; the failed one starts from a copy.
    assert len(editor.findChildren(QWidget, "attentionBanner")) == 1
    copy_buttons = [
        b
        for b in editor.findChildren(QPushButton, "copyPreviousButton")
        if b.isVisibleTo(editor)
    ]
    assert len(copy_buttons) == 1
    qtbot.mouseClick(copy_buttons[0], Qt.MouseButton.LeftButton)
    editors = [
        e
        for e in editor.findChildren(QPlainTextEdit, "answerEditor")
        if not e.isReadOnly()
    ]
    assert editors and all(e.toPlainText() for e in editors)
    editors[0].setPlainText(
        editors[0].toPlainText()
        + "\n\nIn my classroom I now return every exit ticket the next morning."
    )

    # Submitting too early names what is missing and keeps everything.
    submit = editor.findChild(QPushButton, "submitButton")
    qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)
    assert any("What's changed" in text for text in messages)

    # Step 6: describe the changes.
    note = editor.findChild(QPlainTextEdit, "resubmissionNote")
    note.setFocus()
    qtbot.keyClicks(note, "I added what my students did with the feedback.")

    # Step 7: confirm the three statements and submit.
    for name in ("confirmReady", "confirmDisclosure", "confirmOwnWork"):
        box = editor.findChild(QCheckBox, name)
        box.setChecked(True)
    messages.clear()
    qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)
    # A last look at the readiness suggestions: they warn, they never block.
    check = window.findChild(QDialog, "submitCheckDialog")
    assert check is not None and check.isVisible()
    anyway = check.findChild(QPushButton, "submitAnywayButton")
    qtbot.mouseClick(anyway, Qt.MouseButton.LeftButton)
    resubmitted_id = resubmission.application_id

    store = Store(tmp_path)
    try:
        record = store.application(resubmitted_id)
    finally:
        store.close()
    assert record.status is Status.SUBMITTED
    assert record.attempt == 3
    assert record.resubmission_note.startswith("I added what my students did")
    assert record.decision_due is not None

    # The dashboard lists the new attempt as submitted.
    status_filter.setCurrentIndex(status_filter.findText("Submitted"))
    qtbot.waitUntil(
        lambda: any(model.index(r, 1).data() == "3" for r in range(model.rowCount()))
    )


def test_typing_survives_a_killed_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    table = window.findChild(QTableView, "dashboardTable")
    status_filter = window.findChild(QComboBox, "statusFilter")
    status_filter.setCurrentIndex(status_filter.findText("Drafts"))
    table.selectRow(0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    page = current_page(window)
    editor = next(
        e
        for e in page.findChildren(QPlainTextEdit, "answerEditor")
        if not e.isReadOnly()
    )
    editor.setFocus()
    qtbot.keyClicks(editor, " Typed just before the crash.")
    typed = editor.toPlainText()
    application_id = page.application_id

    # No close, no flush: only the autosave a moment after typing stops.
    def stored() -> bool:
        store = Store(tmp_path)
        try:
            return typed in store.application(application_id).answers.values()
        finally:
            store.close()

    qtbot.waitUntil(stored, timeout=3000)
