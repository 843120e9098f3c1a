"""One part of a submitted attempt, read-only, with the assessor's verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.widgets.answer_edit import AnswerEdit
from desktop.widgets.attachment_list import AttachmentList
from desktop.widgets.attention_banner import AttentionBanner
from desktop.widgets.common import (
    ATTENTION,
    SUCCESS,
    Panel,
    Tone,
    bold,
    heading,
    muted,
    plain_label,
)
from desktop.widgets.rubric_panel import RubricPanel
from model.enums import Verdict
from model.records import ApplicationRecord, PartRecord, VerdictRecord
from model.text import count_words

VERDICT_ICON = 18
# The verdict box reuses the banner's colours without its accent bar.
NEEDS_ATTENTION = Tone(ATTENTION.fill, ATTENTION.border, ATTENTION.text)


class PartView(Panel):
    """Questions and answers, evidence, rubric and verdict of one part.

    Answers sit in read-only plain-text editors: they are shown literally and
    a very long one scrolls inside its box instead of stretching the page.
    As the ``reference`` beside a resubmission, its banner is named apart
    from the banners of the attempt being written.
    """

    def __init__(
        self,
        context: AppContext,
        record: ApplicationRecord,
        part: PartRecord,
        parent: QWidget | None = None,
        reference: bool = False,
    ) -> None:
        super().__init__("partView", parent)
        title = context.text(part.title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(8)

        layout.addWidget(heading(title, 2, self, wrap=True))
        banner_feedback = record.attention.get(part.id)
        if banner_feedback is not None:
            banner = AttentionBanner(banner_feedback, self)
            if reference:
                # Only the attempt being written carries the "attentionBanner"s.
                banner.setObjectName("previousAttentionBanner")
            layout.addWidget(banner)
        if record.is_locked(part.id):
            note = self.tr("Carried over unchanged from attempt %1.")
            note = note.replace("%1", str(record.attempt - 1))
            layout.addWidget(muted(plain_label(note, self)))
        instructions = context.text(part.instructions)
        if instructions:
            layout.addWidget(muted(plain_label(instructions, self)))
        for question in part.questions:
            layout.addSpacing(6)
            prompt = plain_label(context.text(question.prompt), self)
            layout.addWidget(bold(prompt))
            answer = record.answers.get(question.id, "")
            self._add_answer(layout, answer, context.text(question.prompt))

        attachments = record.attachments_of(part.id)
        if attachments or part.evidence_required:
            layout.addSpacing(6)
            layout.addWidget(heading(self.tr("Evidence"), 3, self))
            if attachments:
                files = AttachmentList(context.store, context.language, self)
                files.set_attachments(attachments)
                layout.addWidget(files)
            else:
                none = plain_label(self.tr("No files attached."), self, wrap=False)
                layout.addWidget(muted(none))

        criteria = [context.text(c.text) for c in part.criteria]
        failed = banner_feedback is not None
        rubric = RubricPanel(criteria, expanded=failed, parent=self)
        rubric.toggle.setAccessibleName(self.tr("Rubric of %1").replace("%1", title))
        layout.addWidget(rubric)
        verdict = record.verdicts.get(part.id)
        if verdict is not None and verdict.verdict is not None:
            layout.addWidget(self._verdict(verdict, banner_feedback))

    def _add_answer(self, layout: QVBoxLayout, text: str, question: str) -> None:
        if not text.strip():
            layout.addWidget(
                muted(plain_label(self.tr("No answer."), self, wrap=False))
            )
            return
        answer = AnswerEdit(
            text, read_only=True, min_lines=2, max_lines=24, parent=self
        )
        # Read aloud as its question, as the draft's editors are.
        answer.setAccessibleName(question)
        answer.setAccessibleDescription(self.tr("Answer"))
        layout.addWidget(answer)
        words = self.tr("Words: %1").replace("%1", str(count_words(text)))
        count = muted(plain_label(words, self, wrap=False))
        layout.addWidget(count, 0, Qt.AlignmentFlag.AlignRight)

    def _verdict(self, verdict: VerdictRecord, shown_feedback: str | None) -> QWidget:
        meets = verdict.verdict is Verdict.MEETS
        box = Panel("verdictBox", self, tone=SUCCESS if meets else NEEDS_ATTENTION)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)

        row = QHBoxLayout()
        icon = QLabel(box)
        pixmap = (
            QStyle.StandardPixmap.SP_DialogApplyButton
            if meets
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        icon.setPixmap(self.style().standardIcon(pixmap).pixmap(VERDICT_ICON))
        row.addWidget(icon)
        words = (
            self.tr("Assessor's verdict: meets the rubric")
            if meets
            else self.tr("Assessor's verdict: needs more attention")
        )
        row.addWidget(bold(plain_label(words, box)), 1)
        layout.addLayout(row)
        feedback = verdict.feedback.strip()
        if feedback and verdict.feedback != shown_feedback:
            layout.addWidget(plain_label(verdict.feedback, box))
        elif feedback:
            above = plain_label(
                self.tr("The feedback is shown above."), box, wrap=False
            )
            layout.addWidget(above)
        box.setAccessibleName(words)
        return box
