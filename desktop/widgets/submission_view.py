"""A submitted attempt, read-only, with the assessor's feedback on each part."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.widgets.answer_edit import AnswerEdit
from desktop.widgets.application_header import ApplicationHeader, CompetencySection
from desktop.widgets.common import (
    INFO,
    Panel,
    Tone,
    heading,
    muted,
    plain_label,
    primary,
)
from desktop.widgets.part_view import PartView
from model.enums import Status
from model.records import ApplicationRecord

CONTENT_SPACING = 16


class SubmissionView(QWidget):
    """Header, competency, Related submissions, then every part read-only.

    On the newest denied attempt it offers Reapply; an older attempt points to
    the newer one. As the ``reference`` beside a resubmission it shows neither,
    and it adds the parts after the first one in the next turns of the event
    loop: they start below the fold, and the resubmission opens faster.
    """

    openRequested = Signal(int)
    reapplyRequested = Signal()

    def __init__(
        self,
        context: AppContext,
        record: ApplicationRecord,
        *,
        reference: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("submissionView")
        self.record = record
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(CONTENT_SPACING)

        if reference:
            caption = self.tr("Your previous attempt, for reference (read-only)")
            layout.addWidget(muted(plain_label(caption, self)))
        header = ApplicationHeader(context, record, self, exportable=not reference)
        layout.addWidget(header)
        if not reference:
            self._add_next_step(header, layout)
        if record.attempt > 1 and record.resubmission_note.strip():
            layout.addWidget(self._note(record.resubmission_note))
        # Beside a resubmission the editor already shows the competency and
        # the Related submissions; the reference keeps to answers and feedback.
        if not reference:
            competency = CompetencySection(context, record, self)
            competency.openRequested.connect(self.openRequested)
            layout.addWidget(competency)
        self._context = context
        self._reference = reference
        self._pending = list(record.credential.parts)
        layout.addStretch(1)
        self._add_part()
        if reference:
            QTimer.singleShot(0, self._add_remaining_parts)
        else:
            while self._pending:
                self._add_part()

    def _add_part(self) -> None:
        part = self._pending.pop(0)
        view = PartView(self._context, self.record, part, self, self._reference)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, view)

    def _add_remaining_parts(self) -> None:
        if not shiboken6.isValid(self):
            return
        if self._pending:
            self._add_part()
            QTimer.singleShot(0, self._add_remaining_parts)

    def _add_next_step(self, header: ApplicationHeader, layout: QVBoxLayout) -> None:
        record = self.record
        if record.can_reapply:
            button = primary(QPushButton(self.tr("&Reapply"), self))
            button.setObjectName("reapplyButton")
            button.setToolTip(
                self.tr("Start a new attempt; the parts you passed are carried over.")
            )
            button.setAccessibleDescription(button.toolTip())
            button.clicked.connect(self.reapplyRequested)
            header.actions.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            text = self.tr(
                "This application was denied. Read the assessor's feedback on each "
                "part below, then choose Reapply to start a new attempt. Parts you "
                "passed are carried over; you can submit as many times as you need."
            )
            layout.addWidget(self._callout(text, None))
        elif record.newer_attempt_id is not None:
            text = self.tr("There is a newer attempt of this application.")
            label = self.tr("Open attempt %1").replace("%1", str(record.attempt + 1))
            layout.addWidget(self._callout(text, label))
        elif record.status is Status.APPROVED:
            text = self.tr(
                "This application was approved: every part meets the rubric."
            )
            layout.addWidget(self._callout(text, None))
        elif record.status in (Status.SUBMITTED, Status.IN_REVIEW):
            text = self.tr(
                "Submitted applications cannot change. The decision is due within "
                "14 business days of submission."
            )
            layout.addWidget(self._callout(text, None))

    def _callout(
        self, text: str, button_text: str | None, tone: Tone = INFO
    ) -> QWidget:
        frame = Panel("nextStepCard", self, tone=tone)
        row = QHBoxLayout(frame)
        row.setContentsMargins(16, 12, 16, 12)
        row.addWidget(plain_label(text, frame), 1)
        if button_text is not None and self.record.newer_attempt_id is not None:
            newer = self.record.newer_attempt_id
            button = QPushButton(button_text, frame)
            button.setObjectName("openNewerButton")
            button.clicked.connect(lambda: self.openRequested.emit(newer))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return frame

    def _note(self, text: str) -> QWidget:
        frame = Panel("noteCard", self)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        layout.addWidget(heading(self.tr("What's changed"), 3, frame))
        note = AnswerEdit(text, read_only=True, min_lines=2, max_lines=10, parent=frame)
        note.setAccessibleName(self.tr("What's changed"))
        layout.addWidget(note)
        return frame
