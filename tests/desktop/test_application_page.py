"""The application tab on the demo data: reading feedback, reapplying, resubmitting."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
)

from desktop.context import AppContext, Changes
from desktop.tasks import wait_for_background
from desktop.views.application import ApplicationPage
from desktop.views.submit_check import SubmitCheckDialog
from desktop.widgets.answer_edit import AnswerEdit
from desktop.widgets.application_header import CompetencySection
from desktop.widgets.attachment_list import AttachmentList
from desktop.widgets.attention_banner import AttentionBanner
from desktop.widgets.part_editor import PartEditor
from desktop.widgets.part_view import PartView
from desktop.widgets.submission_view import SubmissionView
from model.demo import seed_demo
from model.entities import Status
from model.records import pick
from model.store import Store

ENOUGH_WORDS = " ".join(["Students moved from not yet to got it"] * 12)


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    store = Store(tmp_path)
    seed_demo(store)
    yield AppContext(store, store.user("educator"), "en", Changes())
    wait_for_background()
    store.close()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every warning shown, as (title, text); questions are answered Yes."""
    shown: list[tuple[str, str]] = []

    def warning(_parent: object, title: str, text: str, *_args: object) -> int:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    def question(_parent: object, title: str, text: str, *_args: object) -> int:
        shown.append((title, text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "question", question)
    return shown


def denied_chain(context: AppContext) -> tuple[int, int]:
    """The ids of the demo's two denied attempts of one micro-credential."""
    rows = context.store.dashboard_rows(context.user.id)
    denied = sorted(
        (r for r in rows if r.status is Status.DENIED), key=lambda r: r.attempt
    )
    return denied[0].id, denied[1].id


def open_page(qtbot, context: AppContext, application_id: int) -> ApplicationPage:
    page = ApplicationPage(context, application_id)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    return page


def part_editors(page: ApplicationPage) -> dict[str, PartEditor]:
    return {e.part.key: e for e in page.findChildren(PartEditor, "partEditor")}


def resubmission(qtbot, context: AppContext) -> ApplicationPage:
    _first, second = denied_chain(context)
    return open_page(qtbot, context, context.store.reapply(second))


def test_denied_attempt_shows_reapply_and_one_banner_with_feedback(qtbot, context):
    first, second = denied_chain(context)
    page = open_page(qtbot, context, second)
    record = context.store.application(second)

    assert page.findChild(QPushButton, "reapplyButton") is not None
    banners = page.findChildren(AttentionBanner, "attentionBanner")
    assert len(banners) == 1
    reflection = next(p for p in record.credential.parts if p.key == "reflection")
    feedback = record.verdicts[reflection.id].feedback
    assert feedback and feedback in banners[0].text()
    assert "This area may need more attention" in banners[0].text()
    assert banners[0].accessibleName() == "This area may need more attention"
    assert "Attempt 2" in page.title()

    older = open_page(qtbot, context, first)
    assert older.findChild(QPushButton, "reapplyButton") is None
    assert older.findChild(QPushButton, "openNewerButton") is not None


def test_related_submissions_lists_earlier_attempts_and_opens_them(qtbot, context):
    first, second = denied_chain(context)
    page = open_page(qtbot, context, second)
    table = page.findChild(QTableView, "relatedSubmissionsTable")

    assert table.model().rowCount() == 1
    assert table.model().index(0, 0).data() == "Attempt 1"
    assert table.model().index(0, 2).data() == "Denied"
    table.setCurrentIndex(table.model().index(0, 1))
    with qtbot.waitSignal(page.openRequested) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [first]
    assert (
        open_page(qtbot, context, first).findChild(
            QTableView, "relatedSubmissionsTable"
        )
        is None
    )


def test_reapply_creates_the_next_attempt_and_asks_to_open_it(qtbot, context):
    _first, second = denied_chain(context)
    page = open_page(qtbot, context, second)
    created: list[tuple[int, int]] = []
    context.changes.attemptCreated.connect(lambda new, old: created.append((new, old)))

    with qtbot.waitSignal(page.openRequested) as opened:
        page.findChild(QPushButton, "reapplyButton").click()

    new_id = opened.args[0]
    assert created == [(new_id, second)]
    record = context.store.application(new_id)
    assert (record.attempt, record.status, record.previous_id) == (
        3,
        Status.DRAFT,
        second,
    )
    # The denied page now points to the new attempt instead of offering Reapply.
    assert page.findChild(QPushButton, "reapplyButton") is None


def test_resubmission_opens_side_by_side_with_approved_parts_locked(qtbot, context):
    page = resubmission(qtbot, context)
    splitter = page.findChild(QSplitter, "resubmissionSplitter")

    assert splitter is not None and splitter.count() == 2
    assert page.findChildren(PartView, "partView")
    editors = part_editors(page)
    for key in ("overview", "evidence"):
        assert all(e.isReadOnly() for e in editors[key].editors.values())
        assert editors[key].findChild(QPushButton, "copyPreviousButton").isHidden()
    assert not any(e.isReadOnly() for e in editors["reflection"].editors.values())
    banners = editors["reflection"].findChildren(AttentionBanner, "attentionBanner")
    assert len(banners) == 1
    assert page.findChild(QPlainTextEdit, "resubmissionNote") is not None

    page.show()
    qtbot.waitExposed(page)
    splitter.setSizes([800, 600])
    sizes = splitter.sizes()
    state = page.splitter_state()
    splitter.setSizes([1000, 400])
    page.restore_splitter_state(state)
    assert splitter.sizes() == sizes


def test_unlocking_an_approved_part_asks_first(qtbot, context, messages):
    page = resubmission(qtbot, context)
    overview = part_editors(page)["overview"]

    overview.findChild(QPushButton, "unlockButton").click()

    assert "it will be assessed again" in messages[-1][1]
    assert not any(e.isReadOnly() for e in overview.editors.values())
    assert (
        context.store.application(page.application_id).is_locked(overview.part.id)
        is False
    )


def test_copy_previous_answer_fills_the_failed_part(qtbot, context, messages):
    page = resubmission(qtbot, context)
    reflection = part_editors(page)["reflection"]
    previous = context.store.application(denied_chain(context)[1])

    reflection.findChild(QPushButton, "copyPreviousButton").click()

    assert messages == []  # nothing to overwrite, so nothing to ask
    for question_id, editor in reflection.editors.items():
        assert editor.answer_text() == previous.answers[question_id]
    stored = context.store.application(page.application_id)
    assert all(stored.answers[q] == previous.answers[q] for q in reflection.editors)


def test_submit_names_every_missing_item_and_keeps_the_draft(qtbot, context, messages):
    page = resubmission(qtbot, context)

    page.findChild(QPushButton, "submitButton").click()

    assert len(messages) == 1
    text = messages[0][1]
    record = context.store.application(page.application_id)
    reflection = next(p for p in record.credential.parts if p.key == "reflection")
    assert text.count("no answer yet") == len(reflection.questions)
    assert "What's changed" in text
    assert "ready for assessment" in text
    assert "disclosure" in text
    assert "own work" in text
    assert record.status is Status.DRAFT
    assert page.findChild(QPushButton, "submitButton") is not None


def test_a_complete_resubmission_is_submitted_and_shown_read_only(
    qtbot, context, messages
):
    page = resubmission(qtbot, context)
    changed: list[int] = []
    context.changes.applicationChanged.connect(changed.append)
    for editor in part_editors(page)["reflection"].editors.values():
        editor.setPlainText(ENOUGH_WORDS)
    page.findChild(QPlainTextEdit, "resubmissionNote").setPlainText(
        "I added results from my follow-up exit ticket."
    )
    for name in ("confirmReady", "confirmDisclosure", "confirmOwnWork"):
        page.findChild(QCheckBox, name).setChecked(True)

    page.findChild(QPushButton, "submitButton").click()
    # The repeated sample text leaves readiness suggestions: they only warn.
    check = page.findChild(SubmitCheckDialog, "submitCheckDialog")
    check.findChild(QPushButton, "submitAnywayButton").click()

    assert messages == []
    record = context.store.application(page.application_id)
    assert record.status is Status.SUBMITTED
    assert record.decision_due is not None
    assert changed == [page.application_id]
    assert page.findChild(QPushButton, "submitButton") is None
    assert page.findChild(QSplitter, "resubmissionSplitter") is None
    assert page.findChildren(PartView, "partView")


def test_typed_text_survives_a_restart_after_flush(qtbot, context, tmp_path):
    page = resubmission(qtbot, context)
    editor = next(iter(part_editors(page)["reflection"].editors.values()))
    question_id = next(iter(part_editors(page)["reflection"].editors))

    qtbot.keyClicks(editor, "Exit tickets showed 21 of 28 got it")
    page.flush()

    reopened = Store(tmp_path)
    try:
        answer = reopened.application(page.application_id).answers[question_id]
        assert answer == "Exit tickets showed 21 of 28 got it"
    finally:
        reopened.close()


def test_answers_save_a_moment_after_typing_stops(qtbot, context):
    page = resubmission(qtbot, context)
    reflection = part_editors(page)["reflection"]
    question_id, editor = next(iter(reflection.editors.items()))

    qtbot.keyClicks(editor, "Regrouped")

    def saved() -> bool:
        return (
            context.store.application(page.application_id).answers.get(question_id)
            == "Regrouped"
        )

    assert not saved()
    qtbot.waitUntil(saved, timeout=3000)


def test_word_count_follows_the_limits(qtbot, context):
    page = resubmission(qtbot, context)
    reflection = part_editors(page)["reflection"]
    question = reflection.part.questions[0]
    editor = reflection.editors[question.id]
    count = reflection.counts[question.id]

    editor.setPlainText("one two three")
    assert count.text() == f"3 / {question.max_words} words: at least 50 expected"
    editor.setPlainText(ENOUGH_WORDS)
    assert count.text() == f"96 / {question.max_words} words"
    editor.setPlainText("word " * (question.max_words + 1))
    assert "over the limit" in count.text()
    assert count.text().startswith("⚠")


@pytest.mark.parametrize(
    "text",
    [
        "Paragraph with words.\n" * 46_000,  # about 1 MB
        "Great week 👩🏽‍🏫🎉 — students cheered",
        "שלום, עברית מימין לשמאל ومرحبا بالعربية",
        "<b>bold</b> &amp; <script>alert(1)</script>",
        "no\u00a0break and trailing spaces   \n\n",
    ],
    ids=["1MB", "emoji", "rtl", "html", "spaces"],
)
def test_answers_round_trip_exactly_and_show_literally(qtbot, context, text):
    page = resubmission(qtbot, context)
    reflection = part_editors(page)["reflection"]
    question_id, editor = next(iter(reflection.editors.items()))

    editor.setPlainText(text)
    page.flush()

    record = context.store.application(page.application_id)
    assert record.answers[question_id] == text
    again = open_page(qtbot, context, page.application_id)
    assert part_editors(again)["reflection"].editors[question_id].answer_text() == text
    shown = dataclasses.replace(record, answers={question_id: text})
    view = PartView(context, shown, record.credential.part(reflection.part.id))
    qtbot.addWidget(view)
    answers = view.findChildren(AnswerEdit)
    assert answers[0].answer_text() == text
    assert answers[0].document().toPlainText().replace("\u00a0", " ") == (
        text.replace("\u00a0", " ")
    )


def test_oversized_attachment_is_refused_with_a_message(
    qtbot, context, messages, monkeypatch, tmp_path
):
    context.store.set_setting("max_attachment_bytes", "10")
    big = tmp_path / "lesson-plan.pdf"
    big.write_bytes(b"x" * 100)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(big)], "")
    )
    page = resubmission(qtbot, context)
    reflection = part_editors(page)["reflection"]
    before = context.store.application(page.application_id).attachments

    reflection.findChild(QPushButton, "attachButton").click()
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)

    assert "lesson-plan.pdf" in messages[0][1]
    assert "larger than the limit" in messages[0][1]
    assert context.store.application(page.application_id).attachments == before
    assert reflection.attachments.count() == 0


def test_attached_file_is_listed_under_its_part(
    qtbot, context, messages, monkeypatch, tmp_path
):
    notes = tmp_path / "student-work.txt"
    notes.write_text("Three samples, names removed.", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(notes)], "")
    )
    page = resubmission(qtbot, context)
    reflection = part_editors(page)["reflection"]

    reflection.findChild(QPushButton, "attachButton").click()
    qtbot.waitUntil(lambda: reflection.attachments.count() == 1, timeout=5000)

    assert messages == []
    assert "student-work.txt" in reflection.attachments.item(0).text()
    stored = context.store.application(page.application_id)
    names = [a.filename for a in stored.attachments_of(reflection.part.id)]
    assert names == ["student-work.txt"]


def test_related_submissions_come_right_after_the_competency(qtbot, context):
    _first, second = denied_chain(context)
    page = open_page(qtbot, context, second)
    view = page.findChild(SubmissionView, "submissionView")
    section = view.findChild(CompetencySection, "competencySection")
    table = page.findChild(QTableView, "relatedSubmissionsTable")
    layout = view.layout()
    order = [layout.itemAt(i).widget() for i in range(layout.count())]

    assert table.parentWidget() is section
    assert order.index(section) < order.index(view.findChild(PartView, "partView"))
    competency = pick(context.store.application(second).credential.competency, "en")
    labels = [label.text() for label in section.findChildren(QLabel)]
    assert labels.index(competency) < labels.index("Related submissions")


def test_missing_application_says_so(qtbot, context):
    page = open_page(qtbot, context, 99_999)
    assert page.record is None
    assert page.title() == "Application"


def test_tab_title_is_short(qtbot, context):
    _first, second = denied_chain(context)
    title = open_page(qtbot, context, second).title()
    assert title.endswith("· Attempt 2")
    assert len(title) < 40


def test_an_edit_that_cannot_be_saved_stays_pending(qtbot, context, monkeypatch):
    page = resubmission(qtbot, context)
    question_id, editor = next(iter(part_editors(page)["reflection"].editors.items()))
    store = context.store
    save_answer = store.save_answer

    def locked(*_args: object, **_options: object) -> None:
        raise OSError("database is locked")

    monkeypatch.setattr(store, "save_answer", locked)
    editor.setPlainText("Kept while the disk is busy")
    with pytest.raises(OSError):
        page.flush()

    monkeypatch.setattr(store, "save_answer", save_answer)
    page.flush()
    answers = store.application(page.application_id).answers
    assert answers[question_id] == "Kept while the disk is busy"


def test_opening_an_attachment_hands_the_file_to_the_system(
    qtbot, context, monkeypatch
):
    _first, second = denied_chain(context)
    page = open_page(qtbot, context, second)
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    files = next(
        f for f in page.findChildren(AttachmentList, "attachmentList") if f.count()
    )
    record = context.store.application(second)
    attachment = next(a for a in record.attachments if a.sha256)

    files.itemActivated.emit(files.item(0))

    path = Path(opened[0].toLocalFile())
    assert path.name == attachment.filename
    stored = context.store.attachment_path(attachment.sha256)
    assert path.resolve() == stored.resolve()
