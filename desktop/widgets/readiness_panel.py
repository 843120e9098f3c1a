"""The readiness check beside a draft: suggestions that update as the educator writes.

The check runs on a worker a moment after typing stops, on the texts in the
editors (saved or not), so typing never waits for it. One check runs at a
time; a result computed from text that has changed since is dropped, and a
fresh check follows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.tasks import run_in_background
from desktop.widgets.common import Panel, bold, muted, plain_label
from desktop.widgets.findings import FINDING_ROLE, FindingsModel, FindingsView
from model.readiness import Finding, check_application
from model.records import ApplicationRecord, CredentialRecord

logger = logging.getLogger(__name__)

CHECK_DELAY_MS = 600
# The list shows a few findings at a time; more scroll, so the editor below
# keeps most of the height.
MAX_LIST_HEIGHT = 170
TEXT_LINES = 2

# The draft as it stands in the editors, typed text included.
Snapshot = Callable[[], ApplicationRecord]


class ReadinessPanel(Panel):
    """Suggestions for a draft, grouped by part; a click shows the passage.

    ``snapshot`` returns the draft with the texts currently in the editors;
    ``previous`` is the denied attempt it follows, if any, so unchanged
    failed parts are flagged. Call ``schedule()`` after every edit.
    ``findingActivated`` carries the clicked ``Finding``; ``findingsChanged``
    the list after each check.
    """

    findingActivated = Signal(object)
    findingsChanged = Signal(list)

    def __init__(
        self,
        context: AppContext,
        snapshot: Snapshot,
        previous: ApplicationRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("readinessPanel", parent)
        self.context = context
        self.findings: list[Finding] = []
        self.checked = False
        self._snapshot = snapshot
        self._previous = previous
        self._generation = 0
        self._running = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        self.setAccessibleName(self.tr("Readiness check"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.setSpacing(4)
        layout.addLayout(self._header())
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        # In line with the title, right of the toggle.
        body.setContentsMargins(self.toggle.sizeHint().width() + 6, 0, 0, 0)
        body.setSpacing(6)
        hint = self.tr("These are suggestions; they do not block submitting.")
        body.addWidget(muted(plain_label(hint, self.body)))
        self.empty = plain_label(
            self.tr("No suggestions: every part looks ready."), self.body
        )
        self.empty.setObjectName("readinessEmpty")
        self.empty.hide()
        body.addWidget(self.empty)
        self.model = FindingsModel(self)
        self.view = FindingsView(TEXT_LINES, self.body)
        self.view.setObjectName("readinessFindings")
        self.view.setFrameShape(FindingsView.Shape.NoFrame)
        # Its rows wrap to any width: the panel must not widen the page.
        self.view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.view.setAccessibleName(self.tr("Readiness suggestions"))
        self.view.setAccessibleDescription(
            self.tr("Press Enter on a suggestion to go to the passage it is about.")
        )
        self.view.setModel(self.model)
        self.view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.view.hide()
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.view.widthChanged.connect(self._fit_list)
        body.addWidget(self.view)
        layout.addWidget(self.body)
        self.schedule(0)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("readinessToggle")
        self.toggle.setAutoRaise(True)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAccessibleName(self.tr("Show or hide the suggestions"))
        self.toggle.clicked.connect(lambda: self.set_expanded(not self.expanded()))
        self.title = bold(plain_label(self.tr("Readiness check"), self, wrap=False))
        self.title.setObjectName("readinessTitle")
        self.status = muted(plain_label(self.tr("Checking…"), self, wrap=False))
        row.addWidget(self.toggle)
        row.addWidget(self.title)
        row.addStretch(1)
        row.addWidget(self.status)
        return row

    # Checking ---------------------------------------------------------------

    def schedule(self, delay_ms: int = CHECK_DELAY_MS) -> None:
        """Check again once ``delay_ms`` pass without another call."""
        self._generation += 1
        self._timer.start(delay_ms)

    def _start(self) -> None:
        if self._running:
            self._again = True
            return
        try:
            draft = self._snapshot()
        except Exception as error:
            logger.warning("The readiness check could not read the draft: %s", error)
            return
        generation, previous = self._generation, self._previous
        language = self.context.language
        self._running = True
        self.status.setText(self.tr("Checking…"))
        run_in_background(
            lambda: check_application(draft, language, previous),
            lambda findings: self._checked(generation, draft.credential, findings),
            self._failed,
        )

    def _checked(
        self, generation: int, credential: CredentialRecord, findings: list[Finding]
    ) -> None:
        if not shiboken6.isValid(self):
            return
        self._running = False
        if generation == self._generation:
            self._show(credential, findings)
        if self._again:
            self._again = False
            self._start()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._running = False
        # A suggestion that cannot be computed is not worth a dialog.
        logger.warning("The readiness check failed: %s", error)
        self.status.setText(self.tr("Not checked"))

    # Showing ----------------------------------------------------------------

    def _show(self, credential: CredentialRecord, findings: list[Finding]) -> None:
        self.findings = findings
        self.checked = True
        self.model.set_findings(credential, self.context.language, findings)
        self.view.expandAll()
        count = len(findings)
        if count == 0:
            title = self.tr("Readiness check")
        else:
            title = self.tr("Readiness check — %n suggestion(s)", "", count)
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.status.setText("")
        self.empty.setVisible(count == 0)
        self.view.setVisible(count > 0)
        self._fit_list()
        self.findingsChanged.emit(findings)

    def _fit_list(self) -> None:
        if self.view.isVisibleTo(self):
            self.view.setFixedHeight(min(self.view.content_height(), MAX_LIST_HEIGHT))

    def expanded(self) -> bool:
        return not self.body.isHidden()

    def set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle.setArrowType(
            Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        )
        self.toggle.setAccessibleDescription(
            self.tr("Expanded") if expanded else self.tr("Collapsed")
        )

    def _activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if isinstance(finding, Finding):
            self.findingActivated.emit(finding)
