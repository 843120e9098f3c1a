"""The readiness panel and the last look before submitting, on a resubmission."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)

from desktop.context import AppContext, Changes
from desktop.tasks import wait_for_background
from desktop.views.application import ApplicationPage
from desktop.views.settings import SettingsDialog
from desktop.views.submit_check import SubmitCheckDialog
from desktop.widgets import readiness_panel
from desktop.widgets.answer_edit import AnswerEdit
from desktop.widgets.findings import FINDING_ROLE, TITLE_ROLE, FindingsModel
from desktop.widgets.part_editor import PartEditor
from desktop.widgets.readiness_panel import ReadinessPanel
from model.demo import seed_demo
from model.entities import Status
from model.readiness import Finding, FindingKind
from model.store import Store

GENERAL = (
    "Teachers should always use exit tickets. It is important that students must "
    "reflect on feedback every day in every classroom."
)
PERSONAL = (
    "In my classroom I read every exit ticket the same afternoon. My students "
    "reflect on my feedback the next morning, and I regroup them by what they wrote."
)
ENOUGH_WORDS = " ".join(["Students moved from not yet to got it"] * 12)
CHECK_MS = 5000


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    store = Store(tmp_path)
    seed_demo(store)
    yield AppContext(store, store.user("educator"), "en", Changes())
    wait_for_background()
    store.close()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of the message boxes shown; questions are answered Yes."""
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> int:
        shown.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "question", record)
    return shown


@pytest.fixture
def page(qtbot, context: AppContext) -> ApplicationPage:
    """The new draft after reapplying on the demo's denied attempt 2, on screen."""
    rows = context.store.dashboard_rows(context.user.id)
    denied = max(
        (r for r in rows if r.status is Status.DENIED), key=lambda r: r.attempt
    )
    page = ApplicationPage(context, context.store.reapply(denied.id))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def reflection(page: ApplicationPage) -> PartEditor:
    editors = page.findChildren(PartEditor, "partEditor")
    return next(e for e in editors if e.part.key == "reflection")


def answer(page: ApplicationPage, number: int) -> AnswerEdit:
    part = reflection(page)
    return part.editors[part.part.questions[number - 1].id]


def panel(page: ApplicationPage) -> ReadinessPanel:
    found = page.findChild(ReadinessPanel, "readinessPanel")
    assert found is not None
    return found


def wait_for(qtbot, page: ApplicationPage, test: Callable[[list[Finding]], bool]):
    qtbot.waitUntil(
        lambda: panel(page).checked and test(panel(page).findings), timeout=CHECK_MS
    )


def kinds(findings: list[Finding], question_id: int | None = None) -> set[str]:
    return {
        f.kind for f in findings if question_id is None or f.question_id == question_id
    }


def finding_index(page: ApplicationPage, kind: FindingKind) -> QModelIndex:
    model = panel(page).model
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(FINDING_ROLE).kind is kind:
                return index
    raise AssertionError(f"no {kind} in the panel")


def submit_dialog(page: ApplicationPage) -> SubmitCheckDialog:
    dialog = page.findChild(SubmitCheckDialog, "submitCheckDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def dialog_texts(dialog: SubmitCheckDialog) -> list[str]:
    model = dialog.model
    return [
        model.index(row, 0, model.index(group, 0)).data()
        for group in range(model.rowCount())
        for row in range(model.rowCount(model.index(group, 0)))
    ]


def complete(page: ApplicationPage, first_answer: str) -> None:
    """Everything the workflow requires, with ``first_answer`` in question 1."""
    answer(page, 1).setPlainText(first_answer)
    answer(page, 2).setPlainText(ENOUGH_WORDS)
    page.findChild(QPlainTextEdit, "resubmissionNote").setPlainText(
        "I added results from my follow-up exit ticket."
    )
    for name in ("confirmReady", "confirmDisclosure", "confirmOwnWork"):
        page.findChild(QCheckBox, name).setChecked(True)


# The panel --------------------------------------------------------------------


def test_an_unchanged_failed_part_is_flagged_until_it_is_rewritten(
    qtbot, page, messages
):
    part_id = reflection(page).part.id
    wait_for(qtbot, page, lambda f: FindingKind.UNANSWERED in kinds(f))

    reflection(page).findChild(QPushButton, "copyPreviousButton").click()
    wait_for(qtbot, page, lambda f: FindingKind.UNCHANGED_FAILED_PART in kinds(f))

    unchanged = finding_index(page, FindingKind.UNCHANGED_FAILED_PART)
    assert unchanged.data(FINDING_ROLE).part_id == part_id
    assert "needed more attention last time" in unchanged.data()
    assert unchanged.parent().data() == "Part 3: Reflection"
    # Locked, carried-over parts are not checked.
    assert {f.part_id for f in panel(page).findings} == {part_id}

    answer(page, 1).setPlainText(PERSONAL)
    wait_for(qtbot, page, lambda f: FindingKind.UNCHANGED_FAILED_PART not in kinds(f))


def test_a_general_paragraph_is_flagged_and_clears_when_made_personal(qtbot, page):
    editor = answer(page, 2)
    question_id = reflection(page).part.questions[1].id
    wait_for(qtbot, page, lambda f: bool(f))

    editor.setFocus()
    qtbot.keyClicks(editor, GENERAL)
    wait_for(qtbot, page, lambda f: FindingKind.GENERAL_VOICE in kinds(f, question_id))

    count = len(panel(page).findings)
    title = panel(page).findChild(QLabel, "readinessTitle").text()
    assert title == f"Readiness check — {count} suggestions"
    voice = finding_index(page, FindingKind.GENERAL_VOICE)
    assert voice.data(TITLE_ROLE) == "Question 2 · General, not about your classroom"
    assert "your own practice" in voice.data()
    # Folded away, the title still gives the count.
    panel(page).toggle.click()
    assert not panel(page).view.isVisible()
    assert panel(page).findChild(QLabel, "readinessTitle").isVisible()
    panel(page).toggle.click()

    editor.setPlainText(PERSONAL)
    wait_for(
        qtbot, page, lambda f: FindingKind.GENERAL_VOICE not in kinds(f, question_id)
    )


def test_with_nothing_to_suggest_the_panel_says_so(qtbot, page, monkeypatch):
    monkeypatch.setattr(readiness_panel, "check_application", lambda *_args: [])

    panel(page).schedule(0)
    wait_for(qtbot, page, lambda f: f == [])

    assert panel(page).findChild(QLabel, "readinessEmpty").isVisible()
    assert not panel(page).view.isVisible()
    assert panel(page).findChild(QLabel, "readinessTitle").text() == "Readiness check"


def test_clicking_a_finding_highlights_its_passage_without_selecting(qtbot, page):
    editor = answer(page, 2)
    editor.setPlainText(PERSONAL + "\n\n" + GENERAL)
    wait_for(qtbot, page, lambda f: FindingKind.GENERAL_VOICE in kinds(f))
    view = panel(page).view
    index = finding_index(page, FindingKind.GENERAL_VOICE)
    view.scrollTo(index)

    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )

    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    cursor = editor.textCursor()
    assert not cursor.hasSelection()
    assert cursor.position() == len(PERSONAL + "\n\n")
    marked = editor.extraSelections()
    assert len(marked) == 1 and marked[0].cursor.selectedText() == GENERAL

    # Typing adds to the passage (nothing was selected) and clears the mark.
    qtbot.keyClicks(editor, "In my class ")
    assert editor.answer_text() == PERSONAL + "\n\nIn my class " + GENERAL
    assert editor.extraSelections() == []


def test_a_result_overtaken_by_typing_is_dropped(qtbot, context, monkeypatch):
    started: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []
    monkeypatch.setattr(
        readiness_panel,
        "run_in_background",
        lambda work, done, _failed: started.append((work, done)),
    )
    rows = context.store.dashboard_rows(context.user.id)
    record = context.store.application(rows[0].id)
    shown = ReadinessPanel(context, lambda: record)
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: len(started) == 1)

    shown.schedule(0)  # typing goes on while the first check runs
    qtbot.wait(50)
    assert len(started) == 1  # one check at a time
    work, done = started[0]
    done(work())

    assert not shown.checked  # the stale result was dropped...
    assert len(started) == 2  # ...and a fresh check started at once
    work, done = started[1]
    done(work())
    assert shown.checked and shown.findings == work()


# Submitting ---------------------------------------------------------------------


def test_missing_items_are_named_first_without_the_last_look(qtbot, page, messages):
    answer(page, 1).setPlainText("Ms. Rivera's class " + ENOUGH_WORDS)

    page.findChild(QPushButton, "submitButton").click()

    assert len(messages) == 1 and "complete these items" in messages[0]
    assert page.findChild(SubmitCheckDialog, "submitCheckDialog") is None


def test_a_privacy_match_is_named_and_go_back_submits_nothing(
    qtbot, page, context, messages, monkeypatch, tmp_path
):
    lesson = tmp_path / "rivera-lesson.txt"
    lesson.write_text("Exit ticket, names removed.", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(lesson)], "")
    )
    reflection(page).findChild(QPushButton, "attachButton").click()
    qtbot.waitUntil(lambda: reflection(page).attachments.count() == 1)
    text = "In my classroom, Ms. Rivera’s exit tickets. " + ENOUGH_WORDS
    complete(page, text)

    page.findChild(QPushButton, "submitButton").click()

    dialog = submit_dialog(page)
    texts = dialog_texts(dialog)
    assert "Part 3 · Question 1: your name “Rivera”" in texts
    assert "Attachment “rivera-lesson.txt”: your name" in texts
    groups = [dialog.model.index(row, 0).data() for row in range(2)]
    assert groups[0].startswith("Privacy") and groups[1] == "Part 3: Reflection"
    assert dialog.back_button.isDefault()

    dialog.back_button.click()

    assert messages == []
    record = context.store.application(page.application_id)
    assert record.status is Status.DRAFT
    editor = answer(page, 1)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    assert not editor.textCursor().hasSelection()
    assert editor.textCursor().position() == text.index("Rivera")
    assert [m.cursor.selectedText() for m in editor.extraSelections()] == ["Rivera"]


def test_submit_anyway_submits(qtbot, page, context, messages):
    context.store.set_setting("privacy_words", "Lincoln Middle")
    complete(page, "At Lincoln Middle School I " + ENOUGH_WORDS)

    page.findChild(QPushButton, "submitButton").click()
    dialog = submit_dialog(page)
    assert (
        "Part 3 · Question 1: “Lincoln Middle”, from your privacy words"
        in dialog_texts(dialog)
    )
    dialog.submit_button.click()

    assert messages == []
    record = context.store.application(page.application_id)
    assert record.status is Status.SUBMITTED
    assert page.findChild(QPushButton, "submitButton") is None


def test_privacy_words_are_kept_one_per_line(qtbot, context, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(context, settings)
    qtbot.addWidget(dialog)
    words = dialog.findChild(QPlainTextEdit, "privacyWords")

    words.setPlainText("Lincoln Middle\n\n  Oak Park  \n")
    dialog.accept()

    assert context.store.setting("privacy_words") == "Lincoln Middle\nOak Park"
    again = SettingsDialog(context, settings)
    qtbot.addWidget(again)
    shown = again.findChild(QPlainTextEdit, "privacyWords").toPlainText()
    assert shown == "Lincoln Middle\nOak Park"


def test_findings_model_groups_by_part_without_a_widget(qtbot, context):
    rows = context.store.dashboard_rows(context.user.id)
    record = context.store.application(rows[0].id)
    first, last = record.credential.parts[0], record.credential.parts[-1]
    findings = [
        Finding(FindingKind.UNANSWERED, first.id, first.questions[0].id),
        Finding(FindingKind.NO_EVIDENCE, last.id),
        Finding(FindingKind.TOO_SHORT, first.id, first.questions[-1].id, words=3),
    ]
    model = FindingsModel()

    model.set_findings(record.credential, "es", findings)

    assert model.rowCount() == 2 and model.count() == 3
    assert model.index(0, 0).data() == first.title["es"]
    assert model.rowCount(model.index(0, 0)) == 2
    assert model.index(0, 0, model.index(1, 0)).data().startswith("Esta parte")
    assert model.findings()[0] is findings[0]
