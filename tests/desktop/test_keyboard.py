"""Keyboard and screen readers: a resubmission with the keys alone, names for
every control, and pages that still fit with the text twice as large."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import create_window
from desktop.keyboard import without_mnemonic
from desktop.main_window import MainWindow
from desktop.tasks import wait_for_background
from desktop.views.application import ApplicationPage
from desktop.views.assessment import AssessmentPage
from desktop.views.submit_check import SubmitCheckDialog
from desktop.widgets.part_editor import PartEditor
from model.enums import Status
from model.store import Store

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TYPED = " In my classroom I now return every exit ticket the next morning."
NOTE = "I added what my students did with the feedback."
NAMED = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Native message boxes cannot be driven by keys here: record them."""
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> int:
        shown.append(text)
        return QMessageBox.StandardButton.Yes

    for name in ("warning", "question", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """Windows on the demo in ``tmp_path``, 1400 × 900, active; closed after."""
    windows: list[MainWindow] = []

    def build(username: str = "educator") -> MainWindow:
        window = create_window(tmp_path, demo=True, username=username)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()
    wait_for_background()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifiers)


def tab_to(
    qtbot: QtBot, wanted: Callable[[QWidget], bool], back: bool = False
) -> QWidget:
    """Press Tab (or Shift+Tab) until the focus is on a widget ``wanted`` accepts."""
    seen = []
    for _ in range(60):
        if wanted(focused()):
            return focused()
        seen.append(focused().objectName() or type(focused()).__name__)
        if back:
            press(qtbot, Key.Key_Backtab, SHIFT)
        else:
            press(qtbot, Key.Key_Tab)
    raise AssertionError("Tab never got there; it went through " + ", ".join(seen))


def named(name: str) -> Callable[[QWidget], bool]:
    return lambda widget: widget.objectName() == name


def stored(folder: Path, application_id: int):
    store = Store(folder)
    try:
        return store.application(application_id)
    finally:
        store.close()


def test_a_resubmission_with_the_keyboard_alone(
    qtbot: QtBot, open_window, messages: list[str], tmp_path: Path
) -> None:
    window = open_window()
    tabs = window.tabs

    # The dashboard: Ctrl+1 puts the focus in the table of applications.
    qtbot.keyClick(window, Key.Key_1, CTRL)
    table = window.dashboard.table
    assert focused() is table

    # Alt+S reaches the status filter; End chooses its last entry, Denied.
    press(qtbot, Key.Key_S, ALT)
    status_filter = window.findChild(QComboBox, "statusFilter")
    assert focused() is status_filter
    press(qtbot, Key.Key_End)
    assert status_filter.currentText() == "Denied"
    model = table.model()
    assert model.rowCount() == 2

    # Tab: the search, then the table; the newest denied attempt, then Enter.
    tab_to(qtbot, lambda w: w is table)
    newest = max(range(2), key=lambda row: int(model.index(row, 1).data()))
    press(qtbot, Key.Key_Home, CTRL)
    for _ in range(newest):
        press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Return)
    denied = tabs.currentWidget()
    assert isinstance(denied, ApplicationPage)
    assert denied.isAncestorOf(focused())

    # Tab to Reapply and press Space: the new attempt opens in a new tab.
    tab_to(qtbot, named("reapplyButton"))
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: tabs.count() == 3)
    page = tabs.currentWidget()
    assert isinstance(page, ApplicationPage) and page is not denied
    assert page.editor is not None and page.editor.isAncestorOf(focused())

    # Next part (Ctrl+PgDown) until the part that failed, whose first answer
    # gets the focus; Shift+Tab goes back to "Copy my previous answer".
    failed = next(
        p for p in page.editor.part_editors if p.findChild(QWidget, "attentionBanner")
    )
    for _ in page.editor.part_editors:
        if failed.isAncestorOf(focused()):
            break
        press(qtbot, Key.Key_PageDown, CTRL)
    assert focused() is failed.first_editor()
    assert "This area may need more attention" in focused().accessibleDescription()
    tab_to(qtbot, named("copyPreviousButton"), back=True)
    press(qtbot, Key.Key_Space)
    assert all(editor.answer_text() for editor in failed.editors.values())

    # Into the answer: add a sentence at its end, then save with Ctrl+S.
    editor = tab_to(qtbot, lambda w: w is failed.first_editor())
    press(qtbot, Key.Key_End, CTRL)
    qtbot.keyClicks(editor, TYPED)
    press(qtbot, Key.Key_S, CTRL)
    assert page.findChild(QLabel, "saveStatus").text().startswith("Saved")
    answers = stored(tmp_path, page.application_id).answers
    assert any(text.endswith(TYPED) for text in answers.values())

    # Tab leaves the answer (it does not type a tab) and reaches the note.
    note = tab_to(qtbot, named("resubmissionNote"))
    assert "\t" not in editor.toPlainText()
    qtbot.keyClicks(note, NOTE)

    # The three confirmations follow, each checked with Space.
    for name in ("confirmReady", "confirmDisclosure", "confirmOwnWork"):
        press(qtbot, Key.Key_Tab)
        assert focused().objectName() == name
        press(qtbot, Key.Key_Space)
        assert page.findChild(QCheckBox, name).isChecked()

    # Ctrl+Enter submits; the last look before sending starts on "Go back and
    # edit", and Tab then Space chooses "Submit anyway".
    press(qtbot, Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: (
            window.findChild(SubmitCheckDialog) is not None
            or stored(tmp_path, page.application_id).status is Status.SUBMITTED
        )
    )
    check = window.findChild(SubmitCheckDialog)
    if check is not None:
        qtbot.waitUntil(check.isVisible)
        # What the window manager does for a new dialog.
        check.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is check.back_button)
        tab_to(qtbot, lambda w: w is check.submit_button)
        press(qtbot, Key.Key_Space)

    record = stored(tmp_path, page.application_id)
    assert record.status is Status.SUBMITTED
    assert record.attempt == 3
    assert record.resubmission_note.startswith(NOTE)
    assert messages == []


def test_tab_and_shortcuts_reach_every_tab_and_part(
    qtbot: QtBot, open_window, messages: list[str]
) -> None:
    window = open_window()
    denied = sorted(
        (r for r in window.context.store.dashboard_rows(window.context.user.id)),
        key=lambda r: (r.status is Status.DENIED, r.attempt),
    )[-1]
    page = window.open_application(denied.id)
    tabs = window.tabs

    # Ctrl+Tab and Ctrl+Shift+Tab, even from inside an answer.
    answer = page.findChild(QPlainTextEdit, "answerEditor")
    answer.setFocus()
    press(qtbot, Key.Key_Tab, CTRL)
    assert tabs.currentIndex() == 0
    press(qtbot, Key.Key_Backtab, CTRL | SHIFT)
    assert tabs.currentWidget() is page

    # Next and previous part walk the parts of a read-only attempt, in order.
    parts = [s for s, _t in page.keyboard_sections()]
    assert len(parts) >= 3
    visited = []
    for _ in parts:
        press(qtbot, Key.Key_PageDown, CTRL)
        visited.append(next(p for p in parts if p.isAncestorOf(focused())))
    assert visited == parts
    press(qtbot, Key.Key_Up, ALT)
    assert parts[-2].isAncestorOf(focused())

    # On the dashboard the part keys are off: Alt+Down is the list's own.
    qtbot.keyClick(window, Key.Key_1, CTRL)
    assert not any(action.isEnabled() for action in window.page_actions)
    for action in window.page_actions:
        assert action.shortcut().toString(), action.text()
    assert messages == []


def part_of_another(widget: QWidget) -> bool:
    """A piece of a control (a list's popup, a search box's clear button)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(page: QWidget) -> list[str]:
    """Controls a screen reader would announce without a name."""
    missing = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, NAMED) or isinstance(widget, QHeaderView):
            continue
        if widget.objectName().startswith("qt_") or part_of_another(widget):
            continue
        name = widget.accessibleName().strip()
        if not name and isinstance(widget, QAbstractButton):
            name = without_mnemonic(widget.text()).strip()
        if not name:
            missing.append(f"{type(widget).__name__}#{widget.objectName()}")
    return missing


def test_every_control_has_a_name(
    qtbot: QtBot, open_window, messages: list[str]
) -> None:
    window = open_window()
    rows = window.context.store.dashboard_rows(window.context.user.id)
    newest_denied = max(
        (r for r in rows if r.status is Status.DENIED), key=lambda r: r.attempt
    )
    denied = window.open_application(newest_denied.id)
    assert unnamed(denied) == []
    assert unnamed(window.dashboard) == []

    denied.findChild(QPushButton, "reapplyButton").click()
    side_by_side = window.tabs.currentWidget()
    assert side_by_side.findChild(QWidget, "resubmissionSplitter") is not None
    assert unnamed(side_by_side) == []
    for part in side_by_side.findChildren(PartEditor):
        copy = part.copy_button
        assert part.part.title["en"] in copy.accessibleName()

    assessor = open_window("assessor")
    queue = assessor.queue
    assert queue is not None
    qtbot.waitUntil(queue.is_complete)
    assert unnamed(queue) == []
    application_id = queue.proxy.application_id(0)
    assessment = assessor.open_application(application_id)
    assert isinstance(assessment, AssessmentPage)
    assert unnamed(assessment) == []
    assert assessment.findChild(QWidget, "verdictMeets").accessibleDescription()


@pytest.fixture
def double_font(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal = app.font()
    large = app.font()
    large.setPointSizeF(normal.pointSizeF() * 2)
    app.setFont(large)
    yield
    app.setFont(normal)


def sideways(page: QWidget) -> list[str]:
    """Scroll areas whose page is wider than they are, at the current size."""
    return [
        f"{area.objectName()}: {area.widget().minimumSizeHint().width()} > "
        f"{area.viewport().width()}"
        for area in page.findChildren(QScrollArea)
        if area.widget() is not None
        and area.widget().minimumSizeHint().width() > area.viewport().width()
    ]


def test_pages_fit_with_text_twice_as_large(
    qtbot: QtBot, open_window, double_font: None, tmp_path: Path
) -> None:
    grabs = tmp_path / "grabs"
    grabs.mkdir()
    window = open_window()
    rows = window.context.store.dashboard_rows(window.context.user.id)
    newest_denied = max(
        (r for r in rows if r.status is Status.DENIED), key=lambda r: r.attempt
    )
    pages = {"dashboard": window.dashboard}
    pages["denied"] = window.open_application(newest_denied.id)
    pages["denied"].findChild(QPushButton, "reapplyButton").click()
    pages["side-by-side"] = window.tabs.currentWidget()
    assessor = open_window("assessor")
    assert assessor.queue is not None
    qtbot.waitUntil(assessor.queue.is_complete)
    pages["queue"] = assessor.queue
    pages["assessment"] = assessor.open_application(
        assessor.queue.proxy.application_id(0)
    )

    for name, page in pages.items():
        page.window().tabs.setCurrentWidget(page)
        qtbot.waitUntil(page.isVisible)
        QApplication.processEvents()
        page.window().grab().save(str(grabs / f"{name}.png"))
        assert page.minimumSizeHint().width() <= 1400, name
        # Nothing is cut off on the right, and nothing needs scrolling sideways.
        assert sideways(page) == [], name
