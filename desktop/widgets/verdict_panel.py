"""The assessor's verdict and feedback on one part, beside the part itself.

It shows the previous attempt's verdict and feedback (for a resubmission),
the two verdicts, and the feedback, which is required when the part needs
more attention. When someone else saved this part meanwhile, both texts stay
on screen: the assessor's own in the editor and the stored one beside it,
until the assessor chooses which to keep.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.answer_edit import AnswerEdit
from desktop.widgets.common import (
    ATTENTION,
    SUCCESS,
    Panel,
    Tone,
    bold,
    coloured,
    heading,
    muted,
    plain_label,
)
from model.enums import Verdict
from model.records import VerdictRecord

NEEDS_ATTENTION = Tone(ATTENTION.fill, ATTENTION.border, ATTENTION.text)
REQUIRED_COLOUR = "#B3261E"


def verdict_text(verdict: Verdict | None) -> str:
    translate = QCoreApplication.translate
    if verdict is Verdict.MEETS:
        return translate("VerdictPanel", "Meets the rubric")
    if verdict is Verdict.NEEDS_ATTENTION:
        return translate("VerdictPanel", "Needs more attention")
    return translate("VerdictPanel", "No verdict yet")


def previous_verdict_box(
    previous: VerdictRecord, attempt: int, parent: QWidget | None = None
) -> QWidget:
    """The verdict and feedback a part got in attempt ``attempt``."""
    translate = QCoreApplication.translate
    meets = previous.verdict is Verdict.MEETS
    box = Panel("previousVerdict", parent, tone=SUCCESS if meets else NEEDS_ATTENTION)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.setSpacing(4)
    words = (
        translate("VerdictPanel", "Attempt %1: meets the rubric")
        if meets
        else translate("VerdictPanel", "Attempt %1: needs more attention")
    ).replace("%1", str(attempt))
    layout.addWidget(bold(plain_label(words, box)))
    if previous.feedback.strip():
        feedback = plain_label(previous.feedback, box)
        feedback.setObjectName("previousFeedback")
        layout.addWidget(feedback)
    box.setAccessibleName(words)
    return box


class VerdictPanel(Panel):
    """Verdict radio buttons and a feedback editor for one part.

    ``edited`` fires when the assessor changes the verdict or the feedback
    (not when a value is loaded); ``verdictChosen`` fires for a click on a
    verdict, which the page saves at once; ``focusLost`` when the feedback
    editor loses focus. ``copyPreviousRequested``, ``keepMineRequested`` and
    ``useTheirsRequested`` are the panel's buttons.
    """

    edited = Signal()
    verdictChosen = Signal()
    focusLost = Signal()
    copyPreviousRequested = Signal()
    keepMineRequested = Signal()
    useTheirsRequested = Signal()

    def __init__(
        self,
        part_id: int,
        value: VerdictRecord,
        *,
        previous: VerdictRecord | None = None,
        previous_attempt: int = 0,
        editable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("verdictPanel", parent)
        self.part_id = part_id
        self._editable = editable
        self._loading = False
        self._theirs: VerdictRecord | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)

        if previous is not None and previous.verdict is not None:
            layout.addWidget(previous_verdict_box(previous, previous_attempt, self))

        title = self.tr("Your verdict") if editable else self.tr("Verdict")
        layout.addWidget(heading(title, 3, self))
        self.meets = QRadioButton(self.tr("Meets the rubric"), self)
        self.meets.setObjectName("verdictMeets")
        self.needs_attention = QRadioButton(self.tr("Needs more attention"), self)
        self.needs_attention.setObjectName("verdictNeedsAttention")
        self._group = QButtonGroup(self)
        for button in (self.meets, self.needs_attention):
            self._group.addButton(button)
            button.setEnabled(editable)
            layout.addWidget(button)
        self._group.buttonClicked.connect(self._verdict_clicked)

        layout.addSpacing(4)
        feedback_row = QHBoxLayout()
        feedback_label = bold(plain_label(self.tr("Feedback"), self, wrap=False))
        feedback_row.addWidget(feedback_label)
        feedback_row.addStretch(1)
        self.copy_button = QPushButton(self.tr("Copy previous feedback"), self)
        self.copy_button.setObjectName("copyPreviousFeedbackButton")
        self.copy_button.setToolTip(
            self.tr("Start from the feedback given on this part in the last attempt")
        )
        self.copy_button.clicked.connect(self.copyPreviousRequested)
        has_previous = previous is not None and bool(previous.feedback.strip())
        self.copy_button.setVisible(editable and has_previous)
        feedback_row.addWidget(self.copy_button)
        layout.addLayout(feedback_row)

        self.feedback = AnswerEdit(
            value.feedback,
            read_only=not editable,
            min_lines=4,
            max_lines=14,
            parent=self,
        )
        self.feedback.setObjectName("feedbackEditor")
        self.feedback.setAccessibleName(self.tr("Feedback to the educator"))
        self.feedback.setPlaceholderText(
            self.tr("What meets the rubric, and what should change?")
        )
        self.feedback.edited.connect(self._feedback_edited)
        self.feedback.focusLost.connect(self.focusLost)
        feedback_label.setBuddy(self.feedback)
        layout.addWidget(self.feedback)

        self.requirement = plain_label("", self)
        self.requirement.setObjectName("feedbackRequirement")
        self._plain = QPalette(self.requirement.palette())
        layout.addWidget(self.requirement)

        self.conflict = self._conflict_panel()
        self.conflict.hide()
        layout.addWidget(self.conflict)

        self._set_verdict(value.verdict)
        self._show_requirement()

    # Values -----------------------------------------------------------------

    def verdict(self) -> Verdict | None:
        if self.meets.isChecked():
            return Verdict.MEETS
        if self.needs_attention.isChecked():
            return Verdict.NEEDS_ATTENTION
        return None

    def value(self) -> VerdictRecord:
        """What the panel shows now."""
        return VerdictRecord(self.part_id, self.verdict(), self.feedback.answer_text())

    def set_value(self, value: VerdictRecord) -> None:
        """Show ``value`` as stored (not an edit of the assessor's)."""
        self._loading = True
        try:
            self._set_verdict(value.verdict)
            if value.feedback != self.feedback.answer_text():
                self.feedback.set_text(value.feedback)
        finally:
            self._loading = False
        self._show_requirement()

    def missing_feedback(self) -> bool:
        return (
            self.verdict() is Verdict.NEEDS_ATTENTION
            and not self.feedback.answer_text().strip()
        )

    # Conflicts --------------------------------------------------------------

    def in_conflict(self) -> bool:
        return self._theirs is not None

    def theirs(self) -> VerdictRecord | None:
        """The stored version shown beside the editor, while in conflict."""
        return self._theirs

    def show_conflict(self, theirs: VerdictRecord) -> None:
        """Show the stored version beside the editor; the editor keeps its text."""
        self._theirs = theirs
        self.their_verdict.setText(
            self.tr("Their verdict: %1").replace("%1", verdict_text(theirs.verdict))
        )
        shown = theirs.feedback if theirs.feedback.strip() else self.tr("(no feedback)")
        self.their_feedback.set_text(shown)
        self.conflict.show()

    def clear_conflict(self) -> None:
        self._theirs = None
        self.conflict.hide()

    # Internals --------------------------------------------------------------

    def _conflict_panel(self) -> QWidget:
        box = Panel("conflictPanel", self, tone=ATTENTION)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(18, 10, 12, 10)
        layout.setSpacing(6)
        message = bold(
            plain_label(self.tr("Someone else saved this assessment meanwhile."), box)
        )
        message.setObjectName("conflictMessage")
        layout.addWidget(message)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Your text is kept in the editor above and was not saved. Their"
                    " version is below: choose which one to keep."
                ),
                box,
            )
        )
        self.their_verdict = plain_label("", box, wrap=False)
        layout.addWidget(bold(self.their_verdict))
        self.their_feedback = AnswerEdit(
            "", read_only=True, min_lines=2, max_lines=10, parent=box
        )
        self.their_feedback.setObjectName("theirFeedback")
        self.their_feedback.setAccessibleName(self.tr("Their feedback"))
        layout.addWidget(self.their_feedback)
        row = QHBoxLayout()
        row.addStretch(1)
        theirs = QPushButton(self.tr("Use theirs"), box)
        theirs.setObjectName("useTheirsButton")
        theirs.clicked.connect(self.useTheirsRequested)
        mine = QPushButton(self.tr("Keep mine"), box)
        mine.setObjectName("keepMineButton")
        mine.clicked.connect(self.keepMineRequested)
        row.addWidget(theirs)
        row.addWidget(mine)
        layout.addLayout(row)
        return box

    def _set_verdict(self, verdict: Verdict | None) -> None:
        # An exclusive group cannot uncheck its last button: lift it for a moment.
        self._group.setExclusive(False)
        self.meets.setChecked(verdict is Verdict.MEETS)
        self.needs_attention.setChecked(verdict is Verdict.NEEDS_ATTENTION)
        self._group.setExclusive(True)

    def _verdict_clicked(self) -> None:
        self._show_requirement()
        if not self._loading:
            self.edited.emit()
            self.verdictChosen.emit()

    def _feedback_edited(self) -> None:
        self._show_requirement()
        if not self._loading:
            self.edited.emit()

    def _show_requirement(self) -> None:
        label = self.requirement
        if not self._editable:
            label.hide()
            return
        label.show()
        label.setPalette(self._plain)
        if self.verdict() is Verdict.NEEDS_ATTENTION:
            if self.missing_feedback():
                text = self.tr(
                    "Required: tell the educator what to change in this part."
                )
                coloured(label, REQUIRED_COLOUR)
            else:
                text = self.tr("Required for “needs more attention”: given.")
                muted(label)
        else:
            text = self.tr(
                "Optional when the part meets the rubric; required when it needs"
                " more attention."
            )
            muted(label)
        label.setText(text)
