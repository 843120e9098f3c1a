"""A draft being written: every part, the resubmission note, the confirmations."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.widgets.answer_edit import AnswerEdit
from desktop.widgets.application_header import ApplicationHeader, CompetencySection
from desktop.widgets.autosave import Autosaver, SaveStatusLabel
from desktop.widgets.common import INFO, Panel, heading, muted, plain_label, primary
from desktop.widgets.confirmation_panel import ConfirmationPanel
from desktop.widgets.part_editor import PartEditor
from model.errors import WorkflowError
from model.records import ApplicationRecord

CONTENT_SPACING = 16


class ApplicationEditor(QWidget):
    """The editable page of a draft; edits save through ``autosaver``.

    For a resubmission it opens with a reminder of what to do and ends with
    the "What's changed" note, as the resubmission guide describes.
    """

    openRequested = Signal(int)
    submitRequested = Signal()

    def __init__(
        self,
        context: AppContext,
        record: ApplicationRecord,
        autosaver: Autosaver,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("applicationEditor")
        self.context = context
        self.record = record
        self._autosaver = autosaver
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(CONTENT_SPACING)

        header = ApplicationHeader(context, record, self)
        header.actions.addWidget(
            SaveStatusLabel(autosaver, self), 0, Qt.AlignmentFlag.AlignTop
        )
        layout.addWidget(header)
        if record.attempt > 1:
            layout.addWidget(self._resubmission_hint())
        competency = CompetencySection(context, record, self)
        competency.openRequested.connect(self.openRequested)
        layout.addWidget(competency)

        self.part_editors: list[PartEditor] = []
        for part in record.credential.parts:
            editor = PartEditor(context, record, part, autosaver, self)
            editor.recordChanged.connect(self._record_changed)
            layout.addWidget(editor)
            self.part_editors.append(editor)

        self.note: AnswerEdit | None = None
        if record.attempt > 1:
            layout.addWidget(self._note_section(record.resubmission_note))
        self.confirmations = ConfirmationPanel(record, self)
        self.confirmations.toggled.connect(self._confirm)
        layout.addWidget(self.confirmations)
        layout.addLayout(self._submit_row())
        layout.addStretch(1)

    def _resubmission_hint(self) -> QWidget:
        frame = Panel("nextStepCard", self, tone=INFO)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(16, 12, 16, 12)
        text = self.tr(
            "Every part must be complete again. Parts you passed are carried over "
            "and locked; leave them as they are. Parts marked “This area may need "
            "more attention” need changes: review the questions, the rubric and the "
            "feedback. Your previous attempt is beside this one for reference."
        )
        layout.addWidget(plain_label(text, frame))
        return frame

    def _note_section(self, text: str) -> QWidget:
        frame = Panel("noteCard", self)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        title = heading(self.tr("What's changed"), 2, frame)
        layout.addWidget(title)
        help_text = self.tr(
            "Tell the assessor what you changed since your previous attempt and "
            "why, especially in response to their feedback. For example: “I added "
            "information about the technology we used and the reasons we chose it "
            "for our work.”"
        )
        layout.addWidget(muted(plain_label(help_text, frame)))
        self.note = AnswerEdit(text, min_lines=4, max_lines=12, parent=frame)
        self.note.setObjectName("resubmissionNote")
        self.note.setAccessibleName(self.tr("What's changed"))
        self.note.setPlaceholderText(self.tr("What did you change, and why?"))
        title.setBuddy(self.note)
        self.note.edited.connect(self._schedule_note)
        self.note.focusLost.connect(self._autosaver.try_flush)
        layout.addWidget(self.note)
        return frame

    def _submit_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        hint = self.tr("After you submit, the application cannot be changed.")
        row.addWidget(muted(plain_label(hint, self)), 1)
        self.submit_button = primary(QPushButton(self.tr("Submit Application"), self))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.clicked.connect(self.submitRequested)
        row.addWidget(self.submit_button)
        return row

    def _schedule_note(self) -> None:
        self._autosaver.schedule("note", self._save_note)

    def _save_note(self) -> bool:
        assert self.note is not None
        text = self.note.answer_text()
        if text == self.note.saved_text:
            return False
        self.context.store.save_note(self.record.id, text)
        self.note.saved_text = text
        return True

    def _confirm(self, name: str, value: bool) -> None:
        try:
            self.context.store.set_confirmation(self.record.id, name, value)
        except WorkflowError as error:
            box = self.confirmations.boxes[name]
            box.blockSignals(True)
            box.setChecked(not value)
            box.blockSignals(False)
            QMessageBox.warning(self, self.tr("Not saved"), str(error))
            return
        self._autosaver.report_saved()

    def _record_changed(self, record: ApplicationRecord) -> None:
        self.record = record
