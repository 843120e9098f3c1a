"""A draft being written: every part, the resubmission note, the confirmations."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.errors import workflow_error_text
from desktop.keyboard import Section, without_mnemonic
from desktop.widgets.answer_edit import AnswerEdit
from desktop.widgets.application_header import ApplicationHeader, CompetencySection
from desktop.widgets.autosave import Autosaver, SaveStatusLabel
from desktop.widgets.common import INFO, Panel, heading, muted, plain_label, primary
from desktop.widgets.confirmation_panel import ConfirmationPanel
from desktop.widgets.part_editor import PartEditor
from desktop.widgets.sync_notes import ConflictPanel, place_conflict
from model.errors import WorkflowError
from model.privacy import PrivacyFinding
from model.readiness import Finding, FindingKind
from model.records import ApplicationRecord, ConflictRecord

CONTENT_SPACING = 16
# A revealed passage lands this far down the visible page, below its context.
REVEAL_FRACTION = 4
PART_TOP_MARGIN = 12


class ApplicationEditor(QWidget):
    """The editable page of a draft; edits save through ``autosaver``.

    For a resubmission it opens with a reminder of what to do and ends with
    the "What's changed" note, as the resubmission guide describes.
    """

    openRequested = Signal(int)
    submitRequested = Signal()
    # An answer was typed, or the draft changed (copy, unlock, attachments).
    draftChanged = Signal()
    # A text changed on another device too: its field, and True to keep mine.
    conflictChosen = Signal(str, bool)

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
        self._highlighted: tuple[Finding | PrivacyFinding, AnswerEdit] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(CONTENT_SPACING)

        header = ApplicationHeader(context, record, self)
        save_status = SaveStatusLabel(autosaver, self)
        # It may wrap, so that at a large font the draft's column stays narrow
        # enough to sit beside the previous attempt.
        save_status.setWordWrap(True)
        header.actions.addWidget(save_status, 0, Qt.AlignmentFlag.AlignTop)
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
            editor.conflictChosen.connect(self.conflictChosen)
            for answer in editor.editors.values():
                answer.edited.connect(self.draftChanged)
            layout.addWidget(editor)
            self.part_editors.append(editor)

        self.note: AnswerEdit | None = None
        self.note_conflict: ConflictPanel | None = None
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
        title = heading(self.tr("What's &changed"), 2, frame)
        title.setAccessibleName(without_mnemonic(title.text()))
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
        self.note.setAccessibleDescription(help_text)
        self._note_frame = frame
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
        self.submit_button.setAccessibleDescription(hint)
        self.submit_button.setToolTip(self.tr("Submit the application (Ctrl+Enter)"))
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
        self.context.store.save_note(
            self.record.id, text, actor_id=self.context.user.id
        )
        self.note.saved_text = text
        return True

    def _confirm(self, name: str, value: bool) -> None:
        try:
            self.context.store.set_confirmation(
                self.record.id, name, value, actor_id=self.context.user.id
            )
        except WorkflowError as error:
            box = self.confirmations.boxes[name]
            box.blockSignals(True)
            box.setChecked(not value)
            box.blockSignals(False)
            QMessageBox.warning(self, self.tr("Not saved"), workflow_error_text(error))
            return
        self._autosaver.report_saved()

    def _record_changed(self, record: ApplicationRecord) -> None:
        self.record = record
        self.draftChanged.emit()

    # What happened elsewhere -------------------------------------------------

    def show_stored(self, record: ApplicationRecord) -> None:
        """Show ``record`` as stored, after a change made elsewhere (a sync).

        Only while no edit waits to be saved: the texts that changed replace
        what the editors show.
        """
        self.record = record
        for part in self.part_editors:
            part.show_stored(record)
        if self.note is not None and record.resubmission_note != self.note.saved_text:
            self.note.set_text(record.resubmission_note)
        for name, box in self.confirmations.boxes.items():
            box.blockSignals(True)
            box.setChecked(bool(getattr(record, name)))
            box.blockSignals(False)
        self.draftChanged.emit()

    def text_editor(self, question_id: int | None) -> AnswerEdit | None:
        """The editor of the answer to ``question_id``, or (``None``) of the note."""
        if question_id is None:
            return self.note
        return next(
            (
                p.editors[question_id]
                for p in self.part_editors
                if question_id in p.editors
            ),
            None,
        )

    def show_conflicts(self, conflicts: Sequence[ConflictRecord]) -> None:
        """A panel with the other device's text below each text in ``conflicts``."""
        by_question = {conflict.question_id: conflict for conflict in conflicts}
        for part in self.part_editors:
            part.show_conflicts(by_question)
        if self.note is not None:
            self.note_conflict = place_conflict(
                self.note_conflict,
                by_question.get(None),
                self.note,
                self.conflictChosen,
            )

    def keyboard_sections(self) -> list[Section]:
        """Where Next part and Previous part go: parts, note, confirmations."""
        sections: list[Section] = [(p, p.focus_target()) for p in self.part_editors]
        if self.note is not None:
            sections.append((self._note_frame, self.note))
        boxes = list(self.confirmations.boxes.values())
        sections.append((self.confirmations, boxes[0] if boxes else None))
        return sections

    # Findings ---------------------------------------------------------------

    def draft(self) -> ApplicationRecord:
        """The draft as it stands on screen: the stored one with the typed texts."""
        typed = {
            question_id: answer.answer_text()
            for part in self.part_editors
            for question_id, answer in part.editors.items()
        }
        return dataclasses.replace(
            self.record, answers={**self.record.answers, **typed}
        )

    def reveal(self, finding: Finding | PrivacyFinding) -> None:
        """Scroll to what ``finding`` is about, focus it and mark its passage."""
        part = next(
            (e for e in self.part_editors if e.part.id == finding.part_id), None
        )
        if part is None:
            return
        self._clear_highlight()
        answer = part.editors.get(finding.question_id or -1)
        if answer is not None and finding.start is not None:
            end = finding.end if finding.end is not None else finding.start
            answer.highlight(finding.start, end)
            answer.setFocus(Qt.FocusReason.OtherFocusReason)
            self._highlighted = (finding, answer)
            self._scroll_to(answer.viewport(), answer.cursorRect(), REVEAL_FRACTION)
            return
        if isinstance(finding, PrivacyFinding):
            attachment_id, filename = None, finding.filename
        else:
            attachment_id, filename = finding.attachment_id, None
        if (attachment_id or filename) and part.select_attachment(
            attachment_id, filename
        ):
            self._scroll_to(part.attachments, part.attachments.rect(), REVEAL_FRACTION)
            return
        if isinstance(finding, Finding) and finding.kind is FindingKind.NO_EVIDENCE:
            target: QWidget | None = part.attach_button
        else:
            target = answer or part.first_editor()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        # The part's title and banner first: the finding is about all of it.
        self._scroll_to(part, QRect(0, 0, 1, 1), 0, PART_TOP_MARGIN)

    def findings_updated(self, findings: list[Finding]) -> None:
        """Drop the highlight of a passage whose finding has been fixed."""
        if self._highlighted is None:
            return
        shown = self._highlighted[0]
        if not isinstance(shown, Finding):
            return
        if not any(
            (f.kind, f.part_id, f.question_id)
            == (shown.kind, shown.part_id, shown.question_id)
            for f in findings
        ):
            self._clear_highlight()

    def _clear_highlight(self) -> None:
        if self._highlighted is not None:
            self._highlighted[1].clear_highlight()
            self._highlighted = None

    def _scroll_to(
        self, widget: QWidget, rect: QRect, fraction: int, margin: int = 0
    ) -> None:
        """Bring ``rect`` of ``widget`` into view in the page's scroll area.

        When it is not already in view, it lands ``1/fraction`` down the
        visible height (or ``margin`` pixels down, with ``fraction`` 0).
        """
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is None or area.widget() is None:
            return
        top = widget.mapTo(area.widget(), rect.topLeft()).y()
        bar = area.verticalScrollBar()
        height = area.viewport().height()
        visible = bar.value() <= top and top + rect.height() <= bar.value() + height
        if fraction and visible:
            return
        offset = height // fraction if fraction else margin
        bar.setValue(max(0, top - offset))
