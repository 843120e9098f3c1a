"""What a newcomer's QA pass found in the widgets, each kept fixed.

A megabyte answer types as quickly as a short one; a suggestion marks its
passage without selecting it; Tab leaves every list and table; attachment
sizes read as people write them, and a file no program opens says where it
is; the settings and a part keep their boxes apart as texts grow.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMessageBox,
    QTableView,
    QWidget,
)

from desktop.context import AppContext, Changes
from desktop.tasks import wait_for_background
from desktop.views.application import ApplicationPage
from desktop.views.catalog import CatalogDialog
from desktop.views.dashboard import DashboardView
from desktop.views.notifications import NotificationsDialog
from desktop.views.queue import QueueView
from desktop.views.settings import SettingsDialog
from desktop.widgets import answer_edit
from desktop.widgets.answer_edit import AnswerEdit
from desktop.widgets.attachment_list import size_text
from desktop.widgets.findings import FINDING_ROLE
from desktop.widgets.part_editor import PartEditor
from desktop.widgets.readiness_panel import ReadinessPanel
from model.demo import seed_demo
from model.entities import Status
from model.readiness import FindingKind
from model.store import Store
from model.text import count_words

# About a megabyte and 190,000 words, in paragraphs as pasted from a document.
MEGABYTE = (
    "Students in my class read the text aloud and then wrote a short "
    "reflection about it. " * 6 + "\n"
) * 2000
PERSONAL = (
    "In my classroom I read every exit ticket the same afternoon. My students "
    "reflect on my feedback the next morning, and I regroup them by what they wrote."
)


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    store = Store(tmp_path / "data")
    seed_demo(store)
    yield AppContext(store, store.user("educator"), "en", Changes())
    wait_for_background()
    store.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every warning shown, as (title, text)."""
    shown: list[tuple[str, str]] = []

    def warning(_parent: object, title: str, text: str, *_args: object) -> int:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def denied_ids(context: AppContext) -> list[int]:
    rows = context.store.dashboard_rows(context.user.id)
    denied = sorted(
        (r for r in rows if r.status is Status.DENIED), key=lambda r: r.attempt
    )
    return [r.id for r in denied]


def shown_page(qtbot, context: AppContext, application_id: int) -> ApplicationPage:
    page = ApplicationPage(context, application_id)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def resubmission(qtbot, context: AppContext) -> ApplicationPage:
    """The new draft after reapplying on the demo's denied attempt 2."""
    return shown_page(qtbot, context, context.store.reapply(denied_ids(context)[-1]))


def reflection(page: ApplicationPage) -> PartEditor:
    editors = page.findChildren(PartEditor, "partEditor")
    return next(e for e in editors if e.part.key == "reflection")


def stored_answer(context: AppContext, page: ApplicationPage, question_id: int):
    return context.store.application(page.application_id).answers.get(question_id)


# 1. A megabyte answer ---------------------------------------------------------


def test_typing_in_a_megabyte_answer_counts_only_the_paragraph_typed_in(
    qtbot, context, monkeypatch
):
    page = resubmission(qtbot, context)
    part = reflection(page)
    question_id, editor = next(iter(part.editors.items()))
    count = part.counts[question_id]
    editor.setFocus()
    QGuiApplication.clipboard().setText(MEGABYTE)
    editor.paste()
    qtbot.waitUntil(lambda: count.words == count_words(MEGABYTE), timeout=5000)
    counted: list[int] = []

    def counting(text: str) -> int:
        counted.append(len(text))
        return count_words(text)

    monkeypatch.setattr(answer_edit, "count_words", counting)
    middle = MEGABYTE.index("\n", len(MEGABYTE) // 2)
    cursor = editor.textCursor()
    cursor.setPosition(middle)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " Exit tickets, wk 3.")

    expected = MEGABYTE[:middle] + " Exit tickets, wk 3." + MEGABYTE[middle:]
    assert editor.answer_text() == expected
    qtbot.waitUntil(lambda: count.words == count_words(expected), timeout=3000)
    assert counted and max(counted) < 1000  # one paragraph, never the megabyte
    qtbot.waitUntil(
        lambda: stored_answer(context, page, question_id) == expected, timeout=5000
    )


def test_the_word_count_follows_every_kind_of_edit(qtbot):
    editor = AnswerEdit("First paragraph here.\nSecond one.\n\nThird, well-known.")
    qtbot.addWidget(editor)
    editor.show()
    chance = random.Random(7)
    for _step in range(300):
        last = editor.document().characterCount() - 1
        cursor = editor.textCursor()
        cursor.setPosition(chance.randint(0, last))
        if chance.random() < 0.3:
            anchor = chance.randint(0, last)
            cursor.setPosition(anchor, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        action = chance.random()
        if action < 0.4:
            qtbot.keyClicks(editor, chance.choice(["a", "b c", " ", "x-y", "don't"]))
        elif action < 0.55:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        elif action < 0.7:
            qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        elif action < 0.8:
            qtbot.keyClick(editor, Qt.Key.Key_Delete)
        elif action < 0.9:
            editor.insertPlainText("pasted words\nand a new paragraph\n")
        elif action < 0.95:
            editor.undo()
        else:
            editor.redo()
        assert editor.words() == count_words(editor.answer_text())


# 2. A suggestion marks its passage --------------------------------------------


def finding_index(panel: ReadinessPanel, kind: FindingKind) -> QModelIndex:
    model = panel.model
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(FINDING_ROLE).kind is kind:
                return index
    raise AssertionError(f"no {kind} in the panel")


def test_clicking_a_suggestion_about_the_whole_answer_keeps_the_answer(qtbot, context):
    page = resubmission(qtbot, context)
    question_id, editor = next(iter(reflection(page).editors.items()))
    editor.setPlainText(PERSONAL)
    panel = page.findChild(ReadinessPanel, "readinessPanel")
    qtbot.waitUntil(
        lambda: any(
            f.kind is FindingKind.TOO_SHORT and f.question_id == question_id
            for f in panel.findings
        ),
        timeout=5000,
    )
    index = finding_index(panel, FindingKind.TOO_SHORT)
    panel.view.scrollTo(index)

    qtbot.mouseClick(
        panel.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.view.visualRect(index).center(),
    )
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)

    assert not editor.textCursor().hasSelection()
    marked = editor.extraSelections()
    assert [m.cursor.selectedText() for m in marked] == [PERSONAL]
    qtbot.keyClicks(editor, "X")
    assert editor.answer_text() == "X" + PERSONAL
    assert editor.extraSelections() == []


def test_a_marked_passage_clears_by_itself(qtbot, monkeypatch):
    monkeypatch.setattr(answer_edit, "HIGHLIGHT_MS", 50)
    editor = AnswerEdit("Exit tickets every Friday.")
    qtbot.addWidget(editor)

    editor.highlight(5, 12)

    assert editor.textCursor().position() == 5
    assert not editor.textCursor().hasSelection()
    assert editor.extraSelections()[0].cursor.selectedText() == "tickets"
    qtbot.waitUntil(lambda: editor.extraSelections() == [], timeout=2000)
    assert editor.answer_text() == "Exit tickets every Friday."


# 3. Tab leaves lists and tables -----------------------------------------------


def test_tab_and_shift_tab_leave_the_dashboard_table(qtbot, context):
    dashboard = DashboardView(context)
    qtbot.addWidget(dashboard)
    dashboard.load()
    dashboard.show()
    qtbot.waitExposed(dashboard)
    dashboard.activateWindow()
    table = dashboard.table

    for key, lands_on in (
        (Qt.Key.Key_Tab, dashboard.new_button),
        (Qt.Key.Key_Backtab, dashboard.search),
    ):
        table.setFocus()
        table.setCurrentIndex(dashboard.proxy.index(0, 0))
        qtbot.waitUntil(table.hasFocus)
        qtbot.keyClick(table, key)
        assert QApplication.focusWidget() is lands_on
    # The arrow keys still move inside it.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == 1


def test_no_list_or_table_keeps_tab_to_itself(qtbot, context, tmp_path):
    second = denied_ids(context)[-1]
    draft = context.store.reapply(second)
    plan = tmp_path / "plan.txt"
    plan.write_text("Week 3 plan", encoding="utf-8")
    part = next(
        p
        for p in context.store.application(draft).credential.parts
        if p.key == "reflection"
    )
    context.store.add_attachment(draft, part.id, plan)
    assessor = AppContext(
        context.store, context.store.user("assessor"), "en", Changes()
    )
    screens: list[QWidget] = [
        DashboardView(context),
        ApplicationPage(context, draft),
        ApplicationPage(context, second),
        CatalogDialog(context),
        NotificationsDialog(context),
        QueueView(assessor),
    ]
    views: list[QAbstractItemView] = []
    for screen in screens:
        qtbot.addWidget(screen)
        views += screen.findChildren(QAbstractItemView)
    kinds = {type(v).__name__ for v in views}

    assert {"FindingsView", "AttachmentList", "RelatedSubmissionsTable"} <= kinds
    assert {"QTableView", "QListView"} <= kinds
    assert [v.objectName() for v in views if v.tabKeyNavigation()] == []


def test_one_click_on_an_attempt_link_opens_it(qtbot, context):
    first, second = denied_ids(context)
    page = shown_page(qtbot, context, second)
    table = page.findChild(QTableView, "relatedSubmissionsTable")
    opened: list[int] = []
    page.openRequested.connect(opened.append)

    date_cell = table.visualRect(table.model().index(0, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=date_cell)
    assert opened == []
    assert table.selectionModel().isRowSelected(0, QModelIndex())

    link_cell = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=link_cell)
    assert opened == [first]


# 4. Attachments ---------------------------------------------------------------


def test_sizes_read_as_people_write_them():
    assert [size_text(n, "en") for n in (0, 1, 2, 1023)] == [
        "0 bytes",
        "1 byte",
        "2 bytes",
        "1023 bytes",
    ]
    assert size_text(1536, "en") == "1.5 kB"
    assert size_text(1536, "es") == "1,5 kB"
    assert size_text(5 * 1024 * 1024, "es") == "5,0 MB"


def attached(qtbot, context: AppContext, tmp_path: Path) -> ApplicationPage:
    """A draft on screen whose reflection has a one-byte "plan.txt"."""
    plan = tmp_path / "plan.txt"
    plan.write_text("x", encoding="utf-8")
    page = resubmission(qtbot, context)
    part = reflection(page)
    context.store.add_attachment(page.application_id, part.part.id, plan)
    part.apply(context.store.application(page.application_id))
    return page


def test_a_file_lists_with_its_size_in_words(qtbot, context, tmp_path):
    page = attached(qtbot, context, tmp_path)
    files = reflection(page).attachments
    assert files.item(0).text() == "plan.txt — 1 byte"


def test_a_file_no_program_opens_says_where_it_is(
    qtbot, context, tmp_path, monkeypatch, warnings
):
    page = attached(qtbot, context, tmp_path)
    files = reflection(page).attachments
    asked: list[QUrl] = []

    def no_launcher(url: QUrl) -> bool:
        asked.append(url)
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", no_launcher)

    files.itemActivated.emit(files.item(0))

    assert len(asked) == 1 and len(warnings) == 1
    path = Path(asked[0].toLocalFile())
    title, text = warnings[0]
    assert title == "Cannot open the file"
    assert text.startswith(
        "Insignia could not open “plan.txt”: no program on this computer opens"
        " this kind of file."
    )
    assert text.endswith(f"It is stored at {path}")
    assert path.read_text(encoding="utf-8") == "x"


# 5. Boxes stay apart ------------------------------------------------------------


def assert_apart(above: QWidget, below: QWidget) -> None:
    """``below`` starts under ``above`` ends, in their window's coordinates."""
    bottom = above.mapTo(above.window(), above.rect().bottomLeft()).y()
    top = below.mapTo(below.window(), below.rect().topLeft()).y()
    assert bottom < top, f"{above.objectName()} overlaps {below.objectName()}"


def test_a_region_error_pushes_the_settings_apart(qtbot, context, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(context, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    dialog.country.setText("ZZ")
    dialog.accept()
    error = dialog.findChild(QLabel, "settingsError")
    qtbot.waitUntil(error.isVisible)
    qtbot.wait(50)

    assert "“ZZ” is not a country code" in error.text()
    hint = next(
        label
        for label in dialog.findChildren(QLabel)
        if label.text().startswith("One word or phrase per line")
    )
    assert_apart(dialog.privacy_words, hint)
    assert_apart(hint, error)
    assert dialog.height() >= dialog.heightForWidth(dialog.width())


def test_a_big_paste_keeps_the_evidence_above_its_buttons(qtbot, context, tmp_path):
    page = attached(qtbot, context, tmp_path)
    part = reflection(page)
    question_id, editor = next(iter(part.editors.items()))
    editor.setFocus()
    QGuiApplication.clipboard().setText(MEGABYTE[:20_000])

    editor.paste()
    qtbot.wait(100)

    assert_apart(editor, part.counts[question_id])
    assert_apart(part.attachments, part.attach_button)
    assert editor.height() == editor.heightForWidth(editor.width())
