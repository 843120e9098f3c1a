"""The application tab: a draft's editor or a submitted attempt, read-only.

A resubmission in progress opens side by side with the attempt it follows,
as the resubmission guide recommends: the editor on the left, the denied
attempt with its feedback on the right, each scrolling on its own.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop import errors
from desktop.context import AppContext
from desktop.keyboard import Section, chain
from desktop.views.submit_check import SubmitCheckDialog
from desktop.widgets.application_editor import ApplicationEditor
from desktop.widgets.autosave import Autosaver
from desktop.widgets.common import plain_label
from desktop.widgets.readiness_panel import ReadinessPanel
from desktop.widgets.submission_view import SubmissionView
from desktop.widgets.sync_notes import SyncBanners
from model.errors import (
    MissingItem,
    NotAllowed,
    NotFound,
    SubmitRefused,
    WorkflowError,
)
from model.privacy import WORDS_SETTING, application_findings, words_from_setting
from model.readiness import check_application
from model.records import ApplicationRecord, SyncNotes

logger = logging.getLogger(__name__)

CONTENT_MAX_WIDTH = 940
CONTENT_SPACING = 16
TITLE_CHARS = 22
PAGE_MARGINS = (28, 24, 28, 32)


class ApplicationPage(QWidget):
    """One application in a workspace tab.

    ``openRequested`` asks the window to open another application (an earlier
    attempt, or the new one after Reapply) in its own tab.

    After a sync changed the application, the page shows the stored state
    again, unless the educator is typing: then only what the sync says
    (conflicts, refusals) is shown, and the typing carries on.
    """

    openRequested = Signal(int)

    def __init__(
        self, context: AppContext, application_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("applicationPage")
        self.context = context
        self.application_id = application_id
        self.record: ApplicationRecord | None = None
        self._autosaver = Autosaver(parent=self)
        self._splitter_state: QByteArray | None = None
        self._content: QWidget | None = None
        self.editor: ApplicationEditor | None = None
        self.readiness: ReadinessPanel | None = None
        self.banners: SyncBanners | None = None
        self.notes = SyncNotes()
        # True while the page itself says the application changed.
        self._announcing = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        context.changes.attemptCreated.connect(self._attempt_created)
        context.changes.applicationChanged.connect(self._application_changed)
        self._build()

    # The contract with the window ------------------------------------------

    def title(self) -> str:
        """The tab's text: the micro-credential, shortened, and the attempt."""
        if self.record is None:
            return self.tr("Application")
        name = self.context.text(self.record.credential.title)
        if len(name) > TITLE_CHARS:
            name = name[: TITLE_CHARS - 1].rstrip() + "…"
        return (
            self.tr("%1 · Attempt %2")
            .replace("%1", name)
            .replace("%2", str(self.record.attempt))
        )

    def flush(self) -> None:
        """Save every pending edit now; returns when it is on disk.

        Raises what stopped a save (the edit stays pending and on screen).
        """
        self._autosaver.flush()

    def splitter_state(self) -> QByteArray | None:
        splitter = self.findChild(QSplitter, "resubmissionSplitter")
        return splitter.saveState() if splitter is not None else self._splitter_state

    def restore_splitter_state(self, state: QByteArray) -> None:
        self._splitter_state = state
        splitter = self.findChild(QSplitter, "resubmissionSplitter")
        if splitter is not None and not state.isEmpty():
            splitter.restoreState(state)

    # Building ---------------------------------------------------------------

    def _build(self) -> None:
        """(Re)build the page for the stored state of the application."""
        self._autosaver.try_flush()
        if self._content is not None:
            self._splitter_state = self.splitter_state()
            # Detached at once so nothing finds the old widgets; deleted later
            # because the click that asked for the rebuild may still run.
            self._content.hide()
            self._content.setParent(None)
            self._content.deleteLater()
            self.editor = self.readiness = self.banners = None
        try:
            store = self.context.store
            self.record, previous = store.application_with_previous(
                self.application_id, actor_id=self.context.user.id
            )
        except NotFound:
            logger.warning("Application %s not found", self.application_id)
            self.record = None
            self._content = plain_label(self.tr("This application no longer exists."))
            self._content.setAlignment(Qt.AlignmentFlag.AlignCenter)
        except NotAllowed as refused:
            self.record = None
            self._content = plain_label(errors.not_allowed_text(refused))
            self._content.setAlignment(Qt.AlignmentFlag.AlignCenter)
        else:
            self._content = self._make_content(self.record, previous)
            self._show_notes()
        self._layout.addWidget(self._content)
        if self.editor is not None and self.readiness is not None:
            # The suggestions are a last look before submitting: Tab reaches
            # them after Submit, not before the draft.
            readiness = self.readiness
            chain((self.editor.submit_button, readiness.toggle, readiness.view))

    def _make_content(
        self, record: ApplicationRecord, previous: ApplicationRecord | None
    ) -> QWidget:
        self.banners = SyncBanners(self)
        self.banners.dismissRequested.connect(self._dismiss_refusals)
        if not record.editable:
            view = SubmissionView(self.context, record, parent=self)
            view.openRequested.connect(self.openRequested)
            view.reapplyRequested.connect(self._reapply)
            return _scrolling(_below(self.banners, view), "submissionScroll")

        editor = ApplicationEditor(self.context, record, self._autosaver, self)
        editor.openRequested.connect(self.openRequested)
        editor.submitRequested.connect(self._submit)
        editor.conflictChosen.connect(self._resolve)
        readiness = ReadinessPanel(self.context, editor.draft, previous, self)
        editor.draftChanged.connect(readiness.schedule)
        readiness.findingActivated.connect(editor.reveal)
        readiness.findingsChanged.connect(editor.findings_updated)
        self.editor, self.readiness = editor, readiness
        page = _scrolling(_below(self.banners, editor), "editorScroll")
        left = _with_panel(readiness, page)
        if previous is None:
            return left

        reference = SubmissionView(self.context, previous, reference=True, parent=self)
        reference.openRequested.connect(self.openRequested)
        splitter = _Columns(self)
        splitter.setObjectName("resubmissionSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(_scrolling(reference, "previousScroll"))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        if self._splitter_state is not None and not self._splitter_state.isEmpty():
            splitter.restoreState(self._splitter_state)
        return splitter

    # Keyboard ---------------------------------------------------------------

    def keyboard_sections(self) -> list[Section]:
        """Where Next part and Previous part go: the parts of this attempt."""
        if self.editor is not None:
            return self.editor.keyboard_sections()
        return [(part, None) for part in self.findChildren(QWidget, "partView")]

    def save_now(self) -> None:
        """Save every pending edit now and say so; raises what stopped a save."""
        self._autosaver.flush()
        self._autosaver.report_saved()

    def activate_primary(self) -> bool:
        """Submit a draft, as its Submit button does; False when not a draft."""
        button = self.editor.submit_button if self.editor is not None else None
        if button is None or not button.isVisible() or not button.isEnabled():
            return False
        button.click()
        return True

    # Actions ----------------------------------------------------------------

    def _reapply(self) -> None:
        try:
            new_id = self.context.store.reapply(
                self.application_id, actor_id=self.context.user.id
            )
        except WorkflowError as error:
            logger.warning("Reapply refused: %s", error)
            QMessageBox.warning(
                self,
                self.tr("Cannot reapply"),
                self.tr(
                    "Only the newest denied attempt can be reapplied. Open the "
                    "newest attempt from Related submissions or the dashboard."
                ),
            )
            return
        self.context.changes.attemptCreated.emit(new_id, self.application_id)
        self.openRequested.emit(new_id)

    def _submit(self) -> None:
        """Submit after the workflow's checks, then a last look at the findings.

        What the workflow requires comes first and blocks; readiness and
        privacy findings only warn, in one dialog, before anything is sent.
        """
        assert self.record is not None
        try:
            self._autosaver.flush()
        except Exception as error:
            QMessageBox.warning(
                self,
                self.tr("Not submitted"),
                self.tr("Your last changes could not be saved, so nothing was sent:")
                + "\n\n"
                + str(error),
            )
            return
        store, user = self.context.store, self.context.user
        missing = store.missing_items(self.application_id, actor_id=user.id)
        if missing:
            self._refused(missing)
            return
        # The stored draft, just flushed. The check takes a few milliseconds
        # even on a long application (bench.readiness), so it runs here.
        record, previous = store.application_with_previous(
            self.application_id, actor_id=user.id
        )
        findings = check_application(record, self.context.language, previous)
        words = words_from_setting(store.setting(WORDS_SETTING))
        privacy = application_findings(record, user.display_name, user.email, words)
        if not findings and not privacy:
            self._send()
            return
        dialog = SubmitCheckDialog(
            record.credential, self.context.language, findings, privacy, self
        )
        dialog.finished.connect(lambda result: self._checked(dialog, result))
        dialog.open()

    def _checked(self, dialog: SubmitCheckDialog, result: int) -> None:
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self._send()
        elif dialog.chosen is not None and self.editor is not None:
            self.editor.reveal(dialog.chosen)

    def _refused(self, missing: Sequence[MissingItem]) -> None:
        assert self.record is not None
        credential, language = self.record.credential, self.context.language
        items = [
            "•  " + errors.missing_item_text(item, credential, language)
            for item in missing
        ]
        QMessageBox.warning(
            self,
            self.tr("Not submitted yet"),
            self.tr("Before you submit, complete these items:")
            + "\n\n"
            + "\n".join(items),
        )

    def _send(self) -> None:
        try:
            self.context.store.submit(
                self.application_id, actor_id=self.context.user.id
            )
        except SubmitRefused as refusal:
            self._refused(refusal.missing)
            return
        except WorkflowError as error:
            QMessageBox.warning(
                self, self.tr("Not submitted"), errors.workflow_error_text(error)
            )
            return
        self._build()
        self._announce_change()

    def _announce_change(self) -> None:
        """Tell the other screens (and the sync) that this application changed."""
        self._announcing = True
        try:
            self.context.changes.applicationChanged.emit(self.application_id)
        finally:
            self._announcing = False

    def _attempt_created(self, _new_id: int, previous_id: int) -> None:
        # The denied attempt loses its Reapply button and points to the new one.
        if previous_id == self.application_id:
            self._build()

    # What syncing left ------------------------------------------------------

    def _show_notes(self) -> None:
        """Show the banners and conflicts the store keeps for this application."""
        if self.record is None or self.banners is None:
            return
        try:
            self.notes = self.context.store.sync_notes(
                self.application_id, actor_id=self.context.user.id
            )
        except (NotFound, NotAllowed) as error:
            logger.warning("No sync notes for %s: %s", self.application_id, error)
            return
        self.banners.show_notes(
            self.notes, self.record.credential, self.context.language
        )
        if self.editor is not None:
            self.editor.show_conflicts(self.notes.conflicts)

    def _application_changed(self, application_id: int) -> None:
        """Show the application as stored now, after a sync changed it."""
        if application_id != self.application_id or self._announcing:
            return
        if self._autosaver.has_pending():
            # The typed text stays as it is, and is saved as usual.
            self._show_notes()
            return
        if not self._show_stored_in_place():
            self._build()

    def _show_stored_in_place(self) -> bool:
        """Update the open draft's editors; False when the page must be rebuilt.

        Rebuilding would take the educator's place and focus in the draft.
        """
        if self.editor is None:
            return False
        try:
            record = self.context.store.application(
                self.application_id, actor_id=self.context.user.id
            )
        except (NotFound, NotAllowed):
            return False
        if not record.editable:
            return False
        self.record = record
        self.editor.show_stored(record)
        self._show_notes()
        return True

    def _resolve(self, field: str, keep_mine: bool) -> None:
        """Keep this computer's text or take the other device's, as chosen."""
        conflict = next((c for c in self.notes.conflicts if c.field == field), None)
        if conflict is None or self.editor is None:
            return
        try:
            # What was typed last is "mine"; none of it may be saved over
            # the other version afterwards.
            self._autosaver.flush()
        except Exception as error:
            QMessageBox.warning(
                self,
                self.tr("Not changed"),
                self.tr(
                    "Your last changes could not be saved, so both versions are "
                    "kept for now:"
                )
                + "\n\n"
                + str(error),
            )
            return
        store, user_id = self.context.store, self.context.user.id
        try:
            store.resolve_conflict(
                self.application_id, field, keep_mine=keep_mine, actor_id=user_id
            )
            record = store.application(self.application_id, actor_id=user_id)
        except WorkflowError as error:
            QMessageBox.warning(
                self, self.tr("Not changed"), errors.workflow_error_text(error)
            )
            return
        self.record = self.editor.record = record
        editor = self.editor.text_editor(conflict.question_id)
        if not keep_mine and editor is not None:
            if conflict.question_id is None:
                editor.set_text(record.resubmission_note)
            else:
                editor.set_text(record.answers.get(conflict.question_id, ""))
            self.editor.draftChanged.emit()
        self._show_notes()
        self._autosaver.report_saved()
        # Keeping mine sends it again: the sync need not wait for its timer.
        self._announce_change()
        if editor is not None:
            # The panel that had the focus is gone; the text it was about stays.
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _dismiss_refusals(self) -> None:
        try:
            self.context.store.dismiss_refusals(
                self.application_id, actor_id=self.context.user.id
            )
        except WorkflowError as error:
            QMessageBox.warning(
                self, self.tr("Not changed"), errors.workflow_error_text(error)
            )
            return
        self._show_notes()


class _PageScroll(QScrollArea):
    """A scroll area that takes its content when first shown.

    Handing a long page to a scroll area lays it out at the area's current
    size; before the tab is shown that is a default hundred pixels, and the
    page would be laid out twice. The content is already a child, so it can
    be found and used before then.
    """

    def __init__(self, content: QWidget, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # Sideways only when a very large font leaves no other way to show it.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # Not a Tab stop: it draws no focus frame, and Tab scrolls to each
        # control it reaches.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A scroll bar that appears after the first layout narrows the page
        # and lays it all out again; pages are long, so it is always there.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._content: QWidget | None = content
        content.setParent(self.viewport())
        content.hide()

    def showEvent(self, event: QShowEvent) -> None:
        if self._content is not None:
            self.setWidget(self._content)
            self._content = None
        super().showEvent(event)

    def needed_width(self) -> int:
        """The width that shows the page without scrolling sideways."""
        content = self.widget() or self._content
        bar = self.verticalScrollBar().sizeHint().width()
        return content.minimumSizeHint().width() + bar + 2 * self.frameWidth()


class _Columns(QSplitter):
    """The draft and the previous attempt side by side, sized once shown.

    Unless widths saved from before are restored, each column gets the width
    its page needs, when the window has it: at a large font the 3:2 split
    alone would make a column scroll sideways. The draft comes first, since
    it is where the educator types.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._sized = False

    def restoreState(self, state: QByteArray | bytes) -> bool:
        self._sized = True
        return super().restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            self._fit()

    def _fit(self) -> None:
        sizes = self.sizes()
        areas = [
            w if isinstance(w, _PageScroll) else w.findChild(_PageScroll)
            for w in map(self.widget, range(self.count()))
        ]
        if len(sizes) != 2 or None in areas:
            return
        total = sum(sizes)
        draft, previous = (area.needed_width() for area in areas)
        if sizes[0] < draft:
            left = min(draft, max(sizes[0], total - previous, 2 * total // 3))
            self.setSizes([left, total - left])
        elif sizes[1] < previous and total - previous >= draft:
            self.setSizes([total - previous, previous])


def _scrolling(content: QWidget, object_name: str) -> QScrollArea:
    """``content`` in a scroll area of its own, in a centred readable column."""
    canvas = QWidget()
    canvas.setObjectName("pageCanvas")
    row = QHBoxLayout(canvas)
    row.setContentsMargins(*PAGE_MARGINS)
    row.addStretch(0)
    content.setMaximumWidth(CONTENT_MAX_WIDTH)
    row.addWidget(content, 1)
    row.addStretch(0)
    return _PageScroll(canvas, object_name)


def _below(banners: QWidget, view: QWidget) -> QWidget:
    """``view`` with ``banners`` above it, in one column."""
    column = QWidget()
    column.setObjectName("pageColumn")
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(CONTENT_SPACING)
    layout.addWidget(banners)
    layout.addWidget(view)
    return column


def _with_panel(panel: QWidget, page: QScrollArea) -> QWidget:
    """``panel`` pinned above ``page``, in line with the page's column.

    It stays in view while the page scrolls, so suggestions clear in sight
    of the text being rewritten.
    """
    column = QWidget()
    column.setObjectName("editorColumn")
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    row = QHBoxLayout()
    left, top, right, _bottom = PAGE_MARGINS
    # The page's scroll bar is always there; the panel leaves room for it too.
    scroll_bar = page.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    row.setContentsMargins(left, top // 2, right + scroll_bar, 0)
    row.addStretch(0)
    panel.setMaximumWidth(CONTENT_MAX_WIDTH)
    # The page decides the column's width (and the splitter's first sizes).
    panel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    row.addWidget(panel, 1)
    row.addStretch(0)
    layout.addLayout(row)
    layout.addWidget(page, 1)
    return column
