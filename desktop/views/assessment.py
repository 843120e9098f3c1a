"""The assessment tab: one application judged part by part, then decided.

Opening the tab claims the application for the signed-in assessor. Each part
shows what the educator wrote beside the assessor's verdict and feedback,
which autosave like a draft. Every save names the revision it was based on:
when another window saved in between, the page takes in what changed and,
where both sides changed one part, shows both texts until the assessor
chooses. Nothing is overwritten in silence.

Assessment is double-blind: the page knows the application by its code and
never shows the educator's name or e-mail (the records it reads hold none).
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.errors import workflow_error_text
from desktop.item_models import status_text
from desktop.keyboard import Section, chain
from desktop.queue_model import days_left_text
from desktop.tasks import run_in_background
from desktop.views.queue import assessor_desk
from desktop.widgets.answer_edit import AnswerEdit
from desktop.widgets.attachment_list import ID_ROLE, AttachmentList, _named_copy
from desktop.widgets.attention_banner import ICON_SIZE
from desktop.widgets.autosave import Autosaver, SaveStatusLabel
from desktop.widgets.common import (
    INFO,
    SUCCESS,
    Panel,
    Tone,
    bold,
    format_date,
    heading,
    muted,
    plain_label,
    primary,
    status_chip,
)
from desktop.widgets.diff_view import DELETED, INSERTED, DiffView
from desktop.widgets.related_submissions import RelatedSubmissionsTable
from desktop.widgets.rubric_panel import RubricPanel
from desktop.widgets.verdict_panel import VerdictPanel, previous_verdict_box
from model.diff import word_diff
from model.enums import Status
from model.errors import (
    DecisionRefused,
    HeldByAnother,
    NotEditable,
    NotFound,
    StaleAssessment,
    WorkflowError,
)
from model.records import (
    AssessmentRecord,
    DecisionPreview,
    PartRecord,
    VerdictRecord,
)
from model.text import count_words

logger = logging.getLogger(__name__)

CONTENT_MAX_WIDTH = 1240
DENIED = Tone("#FBE3E1", "#E3A39C", "#5C130C")


class UnresolvedConflict(WorkflowError):
    """A part shows two versions; the assessor has not chosen one yet."""


class AssessmentPage(QWidget):
    """One application in a workspace tab, as its assessor sees it.

    ``openRequested`` asks the window to open another application (an earlier
    attempt from Related submissions) in its own tab.
    """

    openRequested = Signal(int)

    def __init__(
        self, context: AppContext, application_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentPage")
        self.context = context
        self.application_id = application_id
        self.record: AssessmentRecord | None = None
        # The name of the assessor holding the application, when not this one.
        self.held_by: str | None = None
        self._revision = 0
        self._panels: dict[int, VerdictPanel] = {}
        self._from_other_device: set[int] = set()
        # What the store held for each part when this page last read or wrote it.
        self._base: dict[int, VerdictRecord] = {}
        self._autosaver = Autosaver(parent=self)
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._build()

    # The contract with the window ------------------------------------------

    def title(self) -> str:
        """The tab's text: the application's code and attempt."""
        if self.record is None:
            return self.tr("Assessment")
        return (
            self.tr("%1 · Attempt %2")
            .replace("%1", self.record.code)
            .replace("%2", str(self.record.attempt))
        )

    def flush(self) -> None:
        """Save every pending verdict and feedback now.

        Raises what stopped a save, such as a part still showing two versions;
        the text stays on screen.
        """
        self._autosaver.flush()

    def splitter_state(self) -> QByteArray | None:
        # The page has no splitter: the verdict sits beside each part.
        return None

    def restore_splitter_state(self, state: QByteArray) -> None:
        del state

    @property
    def read_only(self) -> bool:
        record = self.record
        return record is None or self.held_by is not None or not record.editable

    # Building ---------------------------------------------------------------

    def _build(self) -> None:
        if self._content is not None:
            self._content.hide()
            self._content.setParent(None)
            self._content.deleteLater()
        self._panels.clear()
        self._base.clear()
        try:
            self.record = self._open()
        except NotFound:
            self.record = None
            self._content = self._message(self.tr("This application cannot be found."))
        except DecisionRefused:
            self.record = None
            self._content = self._message(
                self.tr("You cannot assess your own application.")
            )
        else:
            self._revision = self.record.revision
            self._content = self._make_content(self.record)
            self._show_sync_conflicts()
        self._layout.addWidget(self._content)
        if self._panels and not self.read_only:
            # The decision comes after the verdicts, though it sits at the top.
            last = list(self._panels.values())[-1]
            after = last.findChild(QPushButton, "keepMineButton") or last.feedback
            chain((after, self.decide_button))

    def _open(self) -> AssessmentRecord:
        """The application, claimed; read-only when another assessor holds it."""
        self.held_by = None
        try:
            record = assessor_desk(self.context).open_for_assessment(
                self.application_id
            )
        except HeldByAnother as held:
            self.held_by = held.holder
            return self._record_without_claim()
        if record.editable:
            # The queue shows who holds it; tell it once the tab is built.
            QTimer.singleShot(0, self._announce_claim)
        return record

    def _announce_claim(self) -> None:
        if shiboken6.isValid(self):
            self.context.changes.applicationChanged.emit(self.application_id)

    def _record_without_claim(self) -> AssessmentRecord:
        """What an assessor may read of an application another one holds.

        The holder's work in progress is not shown; the previous attempt's
        decided verdicts are.
        """
        from model.assessing import preview_decision

        store = self.context.store
        application, previous = store.application_with_previous(
            self.application_id, actor_id=self.context.user.id
        )
        return AssessmentRecord(
            application_id=application.id,
            code=application.code,
            credential=application.credential,
            attempt=application.attempt,
            status=application.status,
            submitted_at=application.submitted_at,
            decision_due=application.decision_due,
            resubmission_note=application.resubmission_note,
            answers=application.answers,
            attachments=application.attachments,
            related=application.related,
            verdicts={},
            previous_verdicts=previous.verdicts if previous else {},
            previous_answers=previous.answers if previous else {},
            unchanged=application.carried_over - application.unlocked,
            revision=0,
            started_at=None,
            decided_at=application.decided_at,
            credential_version=None,
            preview=preview_decision(application.credential, ()),
        )

    def _message(self, text: str) -> QWidget:
        label = plain_label(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _make_content(self, record: AssessmentRecord) -> QWidget:
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header(record))
        line = QFrame(content)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)

        body = QWidget()
        body.setObjectName("assessmentBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        for banner in self._banners(record):
            column.addWidget(banner)
        if record.attempt > 1 and record.resubmission_note.strip():
            column.addWidget(self._note(record))
        if record.related:
            column.addWidget(self._related(record))
        column.addWidget(self._competency(record))
        for part in record.credential.parts:
            column.addWidget(self._part(record, part))
        column.addStretch(1)
        layout.addWidget(_scrolling(body), 1)
        self._update_decision()
        return content

    def _header(self, record: AssessmentRecord) -> QWidget:
        header = QWidget(self)
        header.setObjectName("assessmentHeader")
        text = QVBoxLayout()
        text.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(10)
        code = heading(record.code, 1, header)
        code.setObjectName("applicationCode")
        top.addWidget(code)
        chip = status_chip(status_text(record.status), record.status.value, header)
        chip.setAccessibleName(self.tr("Status: %1").replace("%1", chip.text()))
        top.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)
        attempt = self.tr("Attempt %1").replace("%1", str(record.attempt))
        top.addWidget(plain_label(attempt, header, wrap=False))
        top.addStretch(1)
        text.addLayout(top)
        title = plain_label(self.context.text(record.credential.title), header)
        title.setObjectName("credentialTitle")
        text.addWidget(bold(title))
        text.addWidget(muted(plain_label(self._dates(record), header)))

        actions = QVBoxLayout()
        actions.setSpacing(4)
        self.decide_button = primary(QPushButton(self.tr("&Record decision…"), header))
        self.decide_button.setObjectName("decideButton")
        self.decide_button.clicked.connect(self.decide)
        self.decide_button.setVisible(not self.read_only)
        self.decision_status = plain_label("", header, wrap=False)
        self.decision_status.setObjectName("decisionStatus")
        self.decision_status.setVisible(not self.read_only)
        save_status = SaveStatusLabel(self._autosaver, header)
        save_status.setVisible(not self.read_only)
        right = Qt.AlignmentFlag.AlignRight
        actions.addWidget(self.decide_button, 0, right)
        actions.addWidget(self.decision_status, 0, right)
        actions.addWidget(save_status, 0, right)

        row = QHBoxLayout(header)
        row.setContentsMargins(28, 16, 28, 12)
        row.addLayout(text, 1)
        row.addLayout(actions)
        return header

    def _dates(self, record: AssessmentRecord) -> str:
        language = self.context.language
        parts = [
            self.tr("Submitted on %1").replace(
                "%1", format_date(record.submitted_at, language)
            ),
            self.tr("Decision due %1").replace(
                "%1", format_date(record.decision_due, language)
            ),
        ]
        if record.decided_at is not None:
            parts.append(
                self.tr("Decided on %1").replace(
                    "%1", format_date(record.decided_at, language)
                )
            )
        elif record.decision_due is not None:
            parts.append(days_left_text(self._days_left(record)))
        return "  ·  ".join(parts)

    def _days_left(self, record: AssessmentRecord) -> int | None:
        from model.assessing import business_days_left

        due = record.decision_due
        if due is None:
            return None
        today = self.context.clock().date()
        return business_days_left(self.context.store.calendar(), today, [due])[due]

    def _banners(self, record: AssessmentRecord) -> list[QWidget]:
        language = self.context.language
        if self.held_by is not None:
            return [
                _banner(
                    "heldBanner",
                    INFO,
                    QStyle.StandardPixmap.SP_MessageBoxInformation,
                    self.tr("Held by %1").replace("%1", self.held_by),
                    self.tr(
                        "Another assessor opened this application first: only they"
                        " can assess it. You can read it here."
                    ),
                    self,
                )
            ]
        if record.status in (Status.APPROVED, Status.DENIED):
            approved = record.status is Status.APPROVED
            title = (
                self.tr("Approved on %1") if approved else self.tr("Denied on %1")
            ).replace("%1", format_date(record.decided_at, language))
            text = self.tr("The decision is final; the educator has been notified.")
            if not approved:
                failing = [
                    self.context.text(p.title)
                    for p in record.credential.parts
                    if p.id in record.preview.failing
                ]
                text = (
                    self.tr("Parts that need more attention: %1").replace(
                        "%1", "; ".join(failing)
                    )
                    + "\n"
                    + text
                )
            icon = (
                QStyle.StandardPixmap.SP_DialogApplyButton
                if approved
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            tone = SUCCESS if approved else DENIED
            return [_banner("decisionBanner", tone, icon, title, text, self)]
        return []

    def _note(self, record: AssessmentRecord) -> QWidget:
        frame = Panel("resubmissionNoteView", self)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        layout.addWidget(heading(self.tr("What's changed, in the educator's words"), 3))
        note = AnswerEdit(
            record.resubmission_note,
            read_only=True,
            min_lines=2,
            max_lines=10,
            parent=frame,
        )
        note.setAccessibleName(self.tr("What's changed"))
        layout.addWidget(note)
        return frame

    def _related(self, record: AssessmentRecord) -> QWidget:
        frame = Panel("relatedSubmissions", self)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        layout.addWidget(heading(self.tr("Related submissions"), 3, frame))
        hint = self.tr(
            "Earlier attempts of this application. Open one to read it with its"
            " verdicts and feedback (read-only)."
        )
        layout.addWidget(muted(plain_label(hint, frame)))
        table = RelatedSubmissionsTable(record.related, self.context.language, frame)
        table.openRequested.connect(self.openRequested)
        layout.addWidget(table)
        return frame

    def _competency(self, record: AssessmentRecord) -> QWidget:
        frame = Panel("competencySection", self)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        credential = record.credential
        layout.addWidget(heading(self.tr("Competency"), 3, frame))
        layout.addWidget(plain_label(self.context.text(credential.competency), frame))
        layout.addSpacing(6)
        layout.addWidget(heading(self.tr("Key method"), 3, frame))
        layout.addWidget(plain_label(self.context.text(credential.key_method), frame))
        return frame

    # One part ---------------------------------------------------------------

    def _part(self, record: AssessmentRecord, part: PartRecord) -> QWidget:
        frame = Panel("partAssessment", self)
        frame.setAccessibleName(self.context.text(part.title))
        row = QHBoxLayout(frame)
        row.setContentsMargins(20, 18, 20, 18)
        row.setSpacing(20)
        row.addLayout(self._part_reading(record, part, frame), 3)

        previous = record.previous_verdicts.get(part.id)
        if self.held_by is not None:
            side = QVBoxLayout()
            if previous is not None and previous.verdict is not None:
                side.addWidget(previous_verdict_box(previous, record.attempt - 1))
            side.addStretch(1)
            row.addLayout(side, 2)
            return frame
        value = record.verdict(part.id)
        panel = VerdictPanel(
            part.id,
            value,
            previous=previous,
            previous_attempt=record.attempt - 1,
            editable=not self.read_only,
            parent=frame,
        )
        panel.setAccessibleName(
            self.tr("Verdict on %1").replace("%1", self.context.text(part.title))
        )
        # The same words on every part: say which part they judge.
        for control in (panel.meets, panel.needs_attention, panel.copy_button):
            control.setAccessibleDescription(panel.accessibleName())
        panel.feedback.setAccessibleDescription(panel.accessibleName())
        self._panels[part.id] = panel
        self._base[part.id] = value
        panel.edited.connect(partial(self._edited, part.id))
        panel.verdictChosen.connect(self._autosaver.try_flush)
        panel.focusLost.connect(self._autosaver.try_flush)
        panel.copyPreviousRequested.connect(partial(self._copy_previous, part.id))
        panel.keepMineRequested.connect(partial(self._keep_mine, part.id))
        panel.useTheirsRequested.connect(partial(self._use_theirs, part.id))
        row.addWidget(panel, 2, Qt.AlignmentFlag.AlignTop)
        return frame

    def _part_reading(
        self, record: AssessmentRecord, part: PartRecord, parent: QWidget
    ) -> QVBoxLayout:
        layout = QVBoxLayout()
        layout.setSpacing(8)
        layout.addWidget(heading(self.context.text(part.title), 2, parent, wrap=True))
        unchanged = part.id in record.unchanged
        if unchanged:
            text = self.tr("Unchanged — approved in attempt %1").replace(
                "%1", str(record.attempt - 1)
            )
            chip = status_chip(text, Status.APPROVED.value, parent)
            chip.setObjectName("unchangedChip")
            layout.addWidget(chip, 0, Qt.AlignmentFlag.AlignLeft)
        instructions = self.context.text(part.instructions)
        if instructions:
            layout.addWidget(muted(plain_label(instructions, parent)))

        compare = record.attempt > 1 and not unchanged and bool(record.related)
        for question in part.questions:
            layout.addSpacing(6)
            prompt = plain_label(self.context.text(question.prompt), parent)
            layout.addWidget(bold(prompt))
            answer = record.answers.get(question.id, "")
            previous = record.previous_answers.get(question.id, "")
            if compare and previous != answer:
                layout.addWidget(self._changes(previous, answer, record, parent))
            else:
                self._add_answer(
                    layout, answer, parent, self.context.text(question.prompt)
                )
                if compare:
                    since = str(record.attempt - 1)
                    same = self.tr("No changes since attempt %1.").replace("%1", since)
                    layout.addWidget(muted(plain_label(same, parent, wrap=False)))
            if answer.strip():
                words = self.tr("Words: %1").replace("%1", str(count_words(answer)))
                count = muted(plain_label(words, parent, wrap=False))
                layout.addWidget(count, 0, Qt.AlignmentFlag.AlignRight)

        attachments = record.attachments_of(part.id)
        if attachments or part.evidence_required:
            layout.addSpacing(6)
            layout.addWidget(heading(self.tr("Evidence"), 3, parent))
            if attachments:
                files = _BackgroundAttachmentList(self.context, parent)
                files.set_attachments(attachments)
                layout.addWidget(files)
            else:
                none = plain_label(self.tr("No files attached."), parent, wrap=False)
                layout.addWidget(muted(none))
        criteria = [self.context.text(c.text) for c in part.criteria]
        rubric = RubricPanel(criteria, expanded=not unchanged, parent=parent)
        rubric.toggle.setAccessibleName(
            self.tr("Rubric of %1").replace("%1", self.context.text(part.title))
        )
        layout.addWidget(rubric)
        layout.addStretch(1)
        return layout

    def _add_answer(
        self, layout: QVBoxLayout, text: str, parent: QWidget, question: str = ""
    ) -> None:
        if not text.strip():
            layout.addWidget(muted(plain_label(self.tr("No answer."), parent)))
            return
        answer = AnswerEdit(
            text, read_only=True, min_lines=2, max_lines=20, parent=parent
        )
        # Read aloud as its question; "Answer" says what it is.
        answer.setAccessibleName(question or self.tr("Answer"))
        answer.setAccessibleDescription(self.tr("Answer"))
        layout.addWidget(answer)

    def _changes(
        self, previous: str, answer: str, record: AssessmentRecord, parent: QWidget
    ) -> QWidget:
        """A changed answer: its word-level changes, or its final text."""
        box = QWidget(parent)
        box.setObjectName("answerChanges")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        diff = DiffView(word_diff(previous, answer), parent=box)
        final = AnswerEdit(
            answer, read_only=True, min_lines=2, max_lines=20, parent=box
        )
        final.setAccessibleName(self.tr("Answer"))
        final.hide()

        title = self.tr("Changes since attempt %1").replace(
            "%1", str(record.attempt - 1)
        )
        counts = (
            self.tr("%n word(s) added", "", diff.added)
            + ", "
            + self.tr("%n removed", "", diff.removed)
        )
        toggle = QToolButton(box)
        toggle.setObjectName("finalTextToggle")
        toggle.setCheckable(True)
        toggle.setText(self.tr("Show final text"))
        toggle.setToolTip(self.tr("Switch between the changes and the answer as sent"))

        def switch(final_shown: bool) -> None:
            # Not a stacked widget: it would be as tall as the taller view.
            diff.setVisible(not final_shown)
            final.setVisible(final_shown)
            toggle.setText(
                self.tr("Show changes") if final_shown else self.tr("Show final text")
            )

        toggle.toggled.connect(switch)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(bold(plain_label(title, box, wrap=False)))
        row.addWidget(muted(plain_label(counts, box, wrap=False)))
        row.addStretch(1)
        row.addWidget(_legend(self.tr("added"), INSERTED, underline=True, parent=box))
        row.addWidget(_legend(self.tr("removed"), DELETED, underline=False, parent=box))
        row.addWidget(toggle)
        layout.addLayout(row)
        layout.addWidget(diff)
        layout.addWidget(final)
        return box

    # Keyboard ---------------------------------------------------------------

    def keyboard_sections(self) -> list[Section]:
        """Where Next part and Previous part go: each part's verdict."""
        sections: list[Section] = []
        for frame in self.findChildren(QWidget, "partAssessment"):
            panel = frame.findChild(VerdictPanel)
            target = None
            if panel is not None:
                checked = panel.needs_attention.isChecked()
                target = panel.needs_attention if checked else panel.meets
            sections.append((frame, target))
        return sections

    def save_now(self) -> None:
        """Save every pending verdict now and say so; raises what stopped it."""
        self._autosaver.flush()
        self._autosaver.report_saved()

    def activate_primary(self) -> bool:
        """Record the decision, as its button does; False when it cannot."""
        button = getattr(self, "decide_button", None)
        if button is None or not button.isVisible() or not button.isEnabled():
            return False
        button.click()
        return True

    # Saving -----------------------------------------------------------------

    def _edited(self, part_id: int) -> None:
        self._autosaver.schedule(part_id, partial(self._save, part_id))
        self._update_decision()

    def _save(self, part_id: int) -> bool:
        """Write one part's verdict and feedback; False when nothing changed."""
        panel = self._panels[part_id]
        desk = assessor_desk(self.context)
        # A refusal takes in the stored state; a second try saves on top of it.
        for _attempt in range(3):
            self._raise_if_conflict(part_id)
            mine = panel.value()
            if mine == self._base[part_id]:
                return False
            try:
                self._revision = desk.save_verdict(
                    self.application_id,
                    part_id,
                    mine.verdict,
                    mine.feedback,
                    self._revision,
                )
            except StaleAssessment as stale:
                logger.info(
                    "Assessment of %s changed meanwhile; reconciling",
                    self.application_id,
                )
                self._absorb(stale.current)
                continue
            except NotEditable:
                raise NotEditable(
                    self.tr(
                        "This application was decided meanwhile, in another window."
                        " Your last change was not saved."
                    )
                ) from None
            self._base[part_id] = mine
            return True
        raise UnresolvedConflict(
            self.tr("Someone else keeps saving this assessment; try again.")
        )

    def _raise_if_conflict(self, part_id: int) -> None:
        if self._panels[part_id].in_conflict():
            part = self.record.credential.part(part_id) if self.record else None
            name = self.context.text(part.title) if part else ""
            raise UnresolvedConflict(
                self.tr(
                    "Someone else saved this assessment meanwhile. On “%1”, choose"
                    " “Use theirs” or “Keep mine”."
                ).replace("%1", name)
            )

    def _absorb(self, current: AssessmentRecord) -> None:
        """Take in the stored state after a refused save, losing no text.

        A part this page did not change takes the stored value; a part both
        sides changed, differently, shows the stored one beside the editor.
        """
        self._revision = current.revision
        for part_id, panel in self._panels.items():
            stored = current.verdict(part_id)
            base = self._base[part_id]
            if stored == base:
                continue
            mine = panel.value()
            if mine == base:
                panel.set_value(stored)
                self._base[part_id] = stored
            elif mine == stored:
                self._base[part_id] = stored
            else:
                panel.show_conflict(stored)
        self._update_decision()

    def _show_sync_conflicts(self) -> None:
        """Verdicts saved differently on another device, beside this one's."""
        if self.read_only or not self._panels:
            return
        theirs = assessor_desk(self.context).sync_conflicts(self.application_id)
        for part_id, verdict in theirs.items():
            panel = self._panels.get(part_id)
            if panel is not None:
                panel.show_conflict(verdict)
        self._from_other_device = set(theirs)

    def _settle_sync_conflict(self, part_id: int, *, keep_mine: bool) -> None:
        if part_id in self._from_other_device:
            self._from_other_device.discard(part_id)
            assessor_desk(self.context).resolve_sync_conflict(
                self.application_id, part_id, keep_mine=keep_mine
            )

    def _keep_mine(self, part_id: int) -> None:
        self._settle_sync_conflict(part_id, keep_mine=True)
        panel = self._panels[part_id]
        theirs = panel.theirs()
        panel.clear_conflict()
        if theirs is not None:
            self._base[part_id] = theirs
        self._edited(part_id)
        self._autosaver.try_flush()

    def _use_theirs(self, part_id: int) -> None:
        self._settle_sync_conflict(part_id, keep_mine=False)
        panel = self._panels[part_id]
        theirs = panel.theirs()
        panel.clear_conflict()
        if theirs is not None:
            panel.set_value(theirs)
            self._base[part_id] = theirs
        self._update_decision()
        # Any save still pending for the part now finds nothing to write.
        self._autosaver.try_flush()

    def _copy_previous(self, part_id: int) -> None:
        assert self.record is not None
        previous = self.record.previous_verdicts.get(part_id)
        panel = self._panels[part_id]
        if previous is None or not previous.feedback.strip():
            return
        current = panel.feedback.answer_text()
        if current.strip() and current != previous.feedback:
            answer = QMessageBox.question(
                self,
                self.tr("Replace your feedback?"),
                self.tr(
                    "Replace the feedback you wrote on this part with the feedback"
                    " of attempt %1?"
                ).replace("%1", str(self.record.attempt - 1)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        # As if typed: the panel reports the edit and it autosaves.
        panel.feedback.setPlainText(previous.feedback)
        self._autosaver.try_flush()

    # Deciding ---------------------------------------------------------------

    def preview(self) -> DecisionPreview | None:
        """What deciding now would do with the verdicts on screen."""
        from model.assessing import preview_decision

        if self.record is None:
            return None
        values = [panel.value() for panel in self._panels.values()]
        return preview_decision(self.record.credential, values)

    def _update_decision(self) -> None:
        if self.read_only or not hasattr(self, "decide_button"):
            return
        preview = self.preview()
        assert preview is not None and self.record is not None
        conflicts = [p for p in self._panels.values() if p.in_conflict()]
        ready = preview.outcome is not None and not conflicts
        self.decide_button.setEnabled(ready)
        names = {p.id: self.context.text(p.title) for p in self.record.credential.parts}
        if conflicts:
            text = self.tr("Choose between the two versions first")
            tip = "\n".join(names[p.part_id] for p in conflicts)
        elif preview.outcome is Status.APPROVED:
            text = self.tr("Ready to approve: every part meets the rubric")
            tip = ""
        elif preview.outcome is Status.DENIED:
            text = self.tr(
                "Ready to deny: %n part(s) need(s) more attention",
                "",
                len(preview.failing),
            )
            tip = "\n".join(names[i] for i in preview.failing)
        else:
            text = self.tr("To do: %n part(s)", "", len(preview.blockers))
            tip = "\n".join(
                self._blocker_text(names[i], self._panels[i]) for i in preview.blockers
            )
        self.decision_status.setText(text)
        self.decide_button.setAccessibleDescription(text)
        self.decision_status.setToolTip(tip)
        self.decide_button.setToolTip(
            tip
            if not ready
            else self.tr("Approve or deny; the educator is notified at once.")
        )

    def _blocker_text(self, name: str, panel: VerdictPanel) -> str:
        if panel.verdict() is None:
            return self.tr("%1 — no verdict yet").replace("%1", name)
        return self.tr("%1 — feedback needed").replace("%1", name)

    def decide(self) -> None:
        """Confirm with a summary, then record the decision; it is final."""
        record = self.record
        if record is None or self.read_only:
            return
        try:
            self._autosaver.flush()
        except Exception as error:
            QMessageBox.warning(
                self,
                self.tr("Decision not recorded"),
                self.tr("Your last changes could not be saved:") + "\n\n" + str(error),
            )
            return
        preview = self.preview()
        if preview is None or preview.outcome is None:
            return
        if not self._confirm(record, preview):
            return
        try:
            assessor_desk(self.context).decide(self.application_id, self._revision)
        except StaleAssessment as stale:
            self._absorb(stale.current)
            QMessageBox.warning(
                self,
                self.tr("Decision not recorded"),
                self.tr(
                    "Someone else saved this assessment meanwhile. Review the parts"
                    " that changed, then record the decision again."
                ),
            )
            return
        except WorkflowError as error:
            QMessageBox.warning(
                self, self.tr("Decision not recorded"), workflow_error_text(error)
            )
            return
        logger.info("Recorded the decision on application %s", self.application_id)
        self._build()
        self.context.changes.applicationChanged.emit(self.application_id)

    def _confirm(self, record: AssessmentRecord, preview: DecisionPreview) -> bool:
        approve = preview.outcome is Status.APPROVED
        what = self.tr("%1, attempt %2 (%3)")
        what = (
            what.replace("%1", record.code)
            .replace("%2", str(record.attempt))
            .replace("%3", self.context.text(record.credential.title))
        )
        if approve:
            text = self.tr("Approve %1?").replace("%1", what)
            details = self.tr("Every part meets the rubric.")
        else:
            text = self.tr("Deny %1?").replace("%1", what)
            failing = [
                "•  " + self.context.text(record.credential.part(i).title)
                for i in preview.failing
            ]
            details = (
                self.tr("These parts need more attention:")
                + "\n"
                + "\n".join(failing)
                + "\n\n"
                + self.tr("The educator sees your feedback on them and can reapply.")
            )
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Record the decision"))
        box.setText(text)
        box.setInformativeText(
            details
            + "\n\n"
            + self.tr("The decision is final: the educator is notified at once.")
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Approve") if approve else self.tr("Deny"))
        result = box.exec()
        return QMessageBox.StandardButton(result) == QMessageBox.StandardButton.Yes


class _BackgroundAttachmentList(AttachmentList):
    """The attachment list, preparing a file to open on a worker.

    The stored file gets a link under its own name (so the system picks the
    right viewer) off the GUI thread; the viewer is launched back on it.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context.store, context.language, parent)

    def _open(self, item: QListWidgetItem) -> None:
        attachment = self._attachments[int(item.data(ID_ROLE))]
        if attachment.url or not attachment.sha256:
            super()._open(item)
            return
        store, sha256 = self._store, attachment.sha256

        def prepare() -> str:
            return str(_named_copy(store.attachment_path(sha256), attachment))

        def show(path: str) -> None:
            if shiboken6.isValid(self):
                self.open_file(Path(path), attachment)

        run_in_background(prepare, show)


def _banner(
    object_name: str,
    tone: Tone,
    icon: QStyle.StandardPixmap,
    title: str,
    text: str,
    parent: QWidget,
) -> QWidget:
    frame = Panel(object_name, parent, tone=tone, radius=6)
    row = QHBoxLayout(frame)
    row.setContentsMargins(18, 12, 14, 12)
    row.setSpacing(12)
    picture = QLabel(frame)
    picture.setPixmap(parent.style().standardIcon(icon).pixmap(ICON_SIZE, ICON_SIZE))
    picture.setFixedSize(ICON_SIZE, ICON_SIZE)
    row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
    words = QVBoxLayout()
    words.setSpacing(4)
    heading_label = bold(plain_label(title, frame))
    heading_label.setObjectName(object_name + "Title")
    words.addWidget(heading_label)
    words.addWidget(plain_label(text, frame))
    row.addLayout(words, 1)
    frame.setAccessibleName(title)
    frame.setAccessibleDescription(text)
    return frame


def _legend(
    text: str, colours: tuple[str, str], *, underline: bool, parent: QWidget
) -> QLabel:
    """A small sample of how added or removed words look."""
    label = plain_label(text, parent, wrap=False)
    font = label.font()
    font.setUnderline(underline)
    font.setStrikeOut(not underline)
    label.setFont(font)
    label.setStyleSheet(
        f"QLabel {{ color: {colours[0]}; background: {colours[1]};"
        " padding: 0 4px; border-radius: 3px; }"
    )
    return label


def _scrolling(body: QWidget) -> QScrollArea:
    """``body`` in a scroll area, in a centred column of a readable width."""
    canvas = QWidget()
    canvas.setObjectName("pageCanvas")
    row = QHBoxLayout(canvas)
    row.setContentsMargins(28, 20, 28, 32)
    row.addStretch(0)
    body.setMaximumWidth(CONTENT_MAX_WIDTH)
    row.addWidget(body, 1)
    row.addStretch(0)
    area = QScrollArea()
    area.setObjectName("assessmentScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # Sideways only when a very large font leaves no other way to show it all.
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(canvas)
    # Not a Tab stop: it draws no focus frame, and Tab scrolls to each control.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area
