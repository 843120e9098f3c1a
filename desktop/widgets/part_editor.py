"""One part of a draft: its banner, questions, evidence and rubric, editable."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop import errors
from desktop.context import AppContext
from desktop.tasks import run_in_background
from desktop.widgets.answer_edit import AnswerEdit, WordCountLabel
from desktop.widgets.attachment_list import ID_ROLE, AttachmentList
from desktop.widgets.attention_banner import AttentionBanner
from desktop.widgets.autosave import Autosaver
from desktop.widgets.common import SUCCESS, Panel, bold, heading, muted, plain_label
from desktop.widgets.rubric_panel import RubricPanel
from desktop.widgets.sync_notes import ConflictPanel, place_conflict
from model.attachments import AttachmentRefused
from model.errors import WorkflowError
from model.records import (
    ApplicationRecord,
    AttachmentRecord,
    ConflictRecord,
    PartRecord,
    QuestionRecord,
)

logger = logging.getLogger(__name__)


class PartEditor(Panel):
    """Editors for one part of a draft, saving through the page's autosaver.

    A part carried over approved arrives locked (read-only) until the educator
    unlocks it; any other part of a resubmission offers to copy the previous
    attempt's answer.
    """

    # A fresh record after this editor changed the application.
    recordChanged = Signal(object)
    # An answer's conflict: its field, and True to keep mine (False: theirs).
    conflictChosen = Signal(str, bool)

    def __init__(
        self,
        context: AppContext,
        record: ApplicationRecord,
        part: PartRecord,
        autosaver: Autosaver,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("partEditor", parent)
        self.context = context
        self.part = part
        self.application_id = record.id
        self._autosaver = autosaver
        self.editors: dict[int, AnswerEdit] = {}
        self.counts: dict[int, WordCountLabel] = {}
        self.conflicts: dict[int, ConflictPanel] = {}
        self._attachment_records: dict[int, AttachmentRecord] = {}
        title = context.text(part.title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(8)

        layout.addLayout(self._title_row(title))
        feedback = record.attention.get(part.id)
        if feedback is not None:
            layout.addWidget(AttentionBanner(feedback, self))
        self.lock_note = self._lock_note()
        layout.addWidget(self.lock_note)
        instructions = context.text(part.instructions)
        if instructions:
            layout.addWidget(muted(plain_label(instructions, self)))
        for question in part.questions:
            layout.addSpacing(6)
            self._add_question(layout, question, record)
        layout.addSpacing(6)
        self._add_evidence(layout)
        criteria = [context.text(c.text) for c in part.criteria]
        rubric = RubricPanel(criteria, expanded=feedback is not None, parent=self)
        rubric.toggle.setAccessibleName(self.tr("Rubric of %1").replace("%1", title))
        layout.addWidget(rubric)
        if feedback is not None:
            self._describe_attention(self.findChild(AttentionBanner))
        self.apply(record)

    # Building ---------------------------------------------------------------

    def _title_row(self, title: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(heading(title, 2, self, wrap=True), 1)
        self.copy_button = QPushButton(self.tr("Copy my previous answer"), self)
        self.copy_button.setObjectName("copyPreviousButton")
        self.copy_button.setToolTip(
            self.tr(
                "Fill this part with your answers and files from the previous attempt"
            )
        )
        self.copy_button.setAccessibleName(
            self.tr("Copy my previous answer to %1").replace("%1", title)
        )
        self.copy_button.setAccessibleDescription(self.copy_button.toolTip())
        self.copy_button.clicked.connect(self._copy_previous)
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _lock_note(self) -> Panel:
        note = Panel("carriedOverNote", self, tone=SUCCESS, radius=6)
        row = QHBoxLayout(note)
        row.setContentsMargins(12, 8, 12, 8)
        icon = QLabel(note)
        info = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        icon.setPixmap(info.pixmap(20, 20))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.lock_text = plain_label("", note)
        row.addWidget(self.lock_text, 1)
        self.unlock_button = QPushButton(self.tr("Unlock to edit"), note)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setAccessibleName(
            self.tr("Unlock %1 to edit").replace(
                "%1", self.context.text(self.part.title)
            )
        )
        self.unlock_button.clicked.connect(self._unlock)
        row.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return note

    def _add_question(
        self, layout: QVBoxLayout, question: QuestionRecord, record: ApplicationRecord
    ) -> None:
        prompt = self.context.text(question.prompt)
        label = bold(plain_label(prompt, self))
        layout.addWidget(label)
        editor = AnswerEdit(record.answers.get(question.id, ""), parent=self)
        editor.setAccessibleName(prompt)
        editor.setPlaceholderText(self.tr("Write about your own classroom…"))
        label.setBuddy(editor)
        layout.addWidget(editor)
        count = WordCountLabel(question.min_words, question.max_words, self)
        count.set_words(editor.words())
        layout.addWidget(count, 0, Qt.AlignmentFlag.AlignRight)

        editor.wordsChanged.connect(count.set_words)
        editor.edited.connect(lambda: self._schedule(question.id))
        editor.focusLost.connect(self._autosaver.try_flush)
        self.editors[question.id] = editor
        self.counts[question.id] = count

    def _add_evidence(self, layout: QVBoxLayout) -> None:
        title = (
            self.tr("Evidence (required)")
            if self.part.evidence_required
            else self.tr("Evidence (optional)")
        )
        layout.addWidget(heading(title, 3, self))
        self.attachments = AttachmentList(
            self.context.store, self.context.language, self
        )
        self.attachments.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.attachments)

        row = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("Attach files…"), self)
        self.attach_button.setObjectName("attachButton")
        part_title = self.context.text(self.part.title)
        self.attach_button.setAccessibleName(
            self.tr("Attach files to %1").replace("%1", part_title)
        )
        self.attach_button.clicked.connect(self._attach)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removeAttachmentButton")
        self.remove_button.setAccessibleName(
            self.tr("Remove the selected attachment from %1").replace("%1", part_title)
        )
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self._remove)
        self.progress = muted(plain_label("", self, wrap=False))
        row.addWidget(self.attach_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.progress, 1)
        layout.addLayout(row)

    # State ------------------------------------------------------------------

    def apply(self, record: ApplicationRecord) -> None:
        """Show lock state and attachments of ``record`` (answers stay as typed)."""
        locked = record.is_locked(self.part.id)
        carried = self.part.id in record.carried_over
        for editor in self.editors.values():
            editor.setReadOnly(locked)
        self.lock_note.setVisible(carried)
        self.unlock_button.setVisible(locked)
        if locked:
            text = self.tr(
                "Carried over — approved in attempt %n. It stays as it was unless "
                "you unlock it.",
                "",
                record.attempt - 1,
            )
        else:
            text = self.tr("Unlocked — this part will be assessed again.")
        self.lock_text.setText(text)
        self.copy_button.setVisible(record.previous_id is not None and not carried)
        self.attach_button.setVisible(not locked)
        self.remove_button.setVisible(not locked)
        attachments = record.attachments_of(self.part.id)
        self._attachment_records = {a.id: a for a in attachments}
        self.attachments.set_attachments(attachments)

    def show_stored(self, record: ApplicationRecord) -> None:
        """Show ``record`` as stored, answers too, after a change made elsewhere.

        Only for a draft with no edit waiting to be saved: an answer that
        changed is replaced in its editor.
        """
        for question_id, editor in self.editors.items():
            text = record.answers.get(question_id, "")
            if text != editor.saved_text:
                # The cursor stays about where it was, for whoever is reading.
                position = editor.textCursor().position()
                editor.set_text(text)
                cursor = editor.textCursor()
                cursor.setPosition(
                    min(position, editor.document().characterCount() - 1)
                )
                editor.setTextCursor(cursor)
        self.apply(record)

    def show_conflicts(self, conflicts: Mapping[int | None, ConflictRecord]) -> None:
        """Show the other device's text below each answer in ``conflicts``.

        ``conflicts`` is keyed by question; answers not in it lose their panel.
        """
        for question_id in self.editors:
            panel = place_conflict(
                self.conflicts.get(question_id),
                conflicts.get(question_id),
                self.editors[question_id],
                self.conflictChosen,
                after=self.counts[question_id],
            )
            if panel is None:
                self.conflicts.pop(question_id, None)
            else:
                self.conflicts[question_id] = panel

    def _describe_attention(self, banner: AttentionBanner | None) -> None:
        """Give the banner's words to the part's editors, for screen readers.

        The banner is not a Tab stop, so it would not be read on the way.
        """
        if banner is None:
            return
        said = banner.accessibleName() + ". " + banner.accessibleDescription()
        for editor in self.editors.values():
            editor.setAccessibleDescription(said)

    def focus_target(self) -> QWidget | None:
        """Where Next part lands: the first answer, editable if one is."""
        return self.first_editor() or next(iter(self.editors.values()), None)

    def first_editor(self) -> AnswerEdit | None:
        """The first answer that can be edited: where a part-wide finding points."""
        return next((e for e in self.editors.values() if not e.isReadOnly()), None)

    def select_attachment(
        self, attachment_id: int | None = None, filename: str | None = None
    ) -> bool:
        """Select and focus the attachment with that id or file name, if listed."""
        for row in range(self.attachments.count()):
            item = self.attachments.item(row)
            found = self._attachment_records.get(int(item.data(ID_ROLE)))
            if found is not None and (
                found.id == attachment_id or found.filename == filename
            ):
                self.attachments.setCurrentItem(item)
                self.attachments.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _reload(self) -> ApplicationRecord:
        record = self.context.store.application(
            self.application_id, actor_id=self.context.user.id
        )
        self.apply(record)
        self.recordChanged.emit(record)
        return record

    # Saving -----------------------------------------------------------------

    def _schedule(self, question_id: int) -> None:
        self._autosaver.schedule(
            ("answer", question_id), lambda: self._save(question_id)
        )

    def _save(self, question_id: int) -> bool:
        editor = self.editors[question_id]
        text = editor.answer_text()
        if text == editor.saved_text:
            return False
        self.context.store.save_answer(
            self.application_id, question_id, text, actor_id=self.context.user.id
        )
        editor.saved_text = text
        return True

    # Actions ----------------------------------------------------------------

    def _copy_previous(self) -> None:
        if any(e.toPlainText().strip() for e in self.editors.values()):
            answer = QMessageBox.question(
                self,
                self.tr("Replace your text?"),
                self.tr(
                    "This part already has text. Replace it with your answers "
                    "from the previous attempt?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._autosaver.try_flush()
        try:
            self.context.store.copy_previous_answers(
                self.application_id, self.part.id, actor_id=self.context.user.id
            )
        except WorkflowError as error:
            QMessageBox.warning(
                self, self.tr("Cannot copy"), errors.workflow_error_text(error)
            )
            return
        record = self._reload()
        for question_id, editor in self.editors.items():
            editor.set_text(record.answers.get(question_id, ""))
        self._autosaver.report_saved()

    def _unlock(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Unlock this part?"),
            self.tr(
                "This part was approved. If you change it, it will be assessed "
                "again. Unlock?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.context.store.unlock_part(
                self.application_id, self.part.id, actor_id=self.context.user.id
            )
        except WorkflowError as error:
            QMessageBox.warning(
                self, self.tr("Cannot unlock"), errors.workflow_error_text(error)
            )
            return
        self._reload()

    def _attach(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach evidence to %1").replace(
                "%1", self.context.text(self.part.title)
            ),
        )
        if not paths:
            return
        store, application_id, part_id = (
            self.context.store,
            self.application_id,
            self.part.id,
        )
        actor_id = self.context.user.id

        def work() -> list[Exception]:
            refused: list[Exception] = []
            for path in paths:
                try:
                    store.add_attachment(
                        application_id, part_id, Path(path), actor_id=actor_id
                    )
                except (AttachmentRefused, WorkflowError) as error:
                    refused.append(error)
            return refused

        self.attach_button.setEnabled(False)
        self.progress.setText(self.tr("Attaching files…"))
        run_in_background(work, self._attached, self._attach_failed)

    def _attached(self, refused: list[Exception]) -> None:
        if not shiboken6.isValid(self):
            return
        self._attach_done()
        self._reload()
        self._autosaver.report_saved()
        if refused:
            lines = "\n".join(f"•  {self._refusal_text(e)}" for e in refused)
            QMessageBox.warning(
                self,
                self.tr("Some files were not attached"),
                self.tr("These files were not attached:") + "\n\n" + lines,
            )

    def _attach_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._attach_done()
        self._reload()
        QMessageBox.warning(self, self.tr("Files not attached"), str(error))

    def _attach_done(self) -> None:
        self.attach_button.setEnabled(True)
        self.progress.setText("")

    def _refusal_text(self, error: Exception) -> str:
        if isinstance(error, AttachmentRefused):
            return errors.attachment_refused_text(error)
        return self.tr("This part cannot be changed now: %1").replace(
            "%1", errors.workflow_error_text(error)
        )

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.attachments.selected() is not None)

    def _remove(self) -> None:
        attachment = self.attachments.selected()
        if attachment is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove attachment?"),
            self.tr("Remove “%1” from this part?").replace("%1", attachment.filename),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.context.store.remove_attachment(
                self.application_id, attachment.id, actor_id=self.context.user.id
            )
        except WorkflowError as error:
            QMessageBox.warning(
                self, self.tr("Cannot remove"), errors.workflow_error_text(error)
            )
            return
        self._reload()
        self._autosaver.report_saved()
