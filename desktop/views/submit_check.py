"""The last look before submitting: privacy matches and readiness suggestions.

Neither blocks the submission (only the workflow's rules do): the educator
goes back to fix them, or submits anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.common import ATTENTION, Panel, heading, muted, plain_label
from desktop.widgets.findings import FINDING_ROLE, FindingsModel, FindingsView
from model.privacy import PrivacyFinding
from model.readiness import Finding
from model.records import CredentialRecord

LIST_MIN_HEIGHT = 120
LIST_MAX_HEIGHT = 420
DIALOG_WIDTH = 620


class SubmitCheckDialog(QDialog):
    """Lists what was found; "Go back and edit" is the default.

    Accepted means "Submit anyway". Rejected means go back: ``chosen`` is the
    finding to show then, the first one unless the educator activated another.
    """

    def __init__(
        self,
        credential: CredentialRecord,
        language: str,
        findings: Sequence[Finding],
        privacy: Sequence[PrivacyFinding],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("submitCheckDialog")
        self.setWindowTitle(self.tr("Before you submit"))
        self.model = FindingsModel(self)
        self.model.set_findings(credential, language, findings, privacy)
        items = self.model.findings()
        self.chosen: Finding | PrivacyFinding | None = items[0] if items else None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Look at these before you submit"), 2, self))
        intro = self.tr(
            "They do not stop you from submitting. Go back to fix them, or submit "
            "your application as it is. Double-click one to go straight to it."
        )
        layout.addWidget(muted(plain_label(intro, self)))
        if privacy:
            layout.addWidget(self._privacy_note())

        self.view = FindingsView(None, self)
        self.view.setObjectName("submitFindings")
        self.view.setAccessibleName(self.tr("Findings"))
        self.view.setAccessibleDescription(
            self.tr("Press Enter on one to go back and edit that passage.")
        )
        self.view.setMinimumHeight(LIST_MIN_HEIGHT)
        self.view.setModel(self.model)
        self.view.expandAll()
        self.view.activated.connect(self._go_to)
        layout.addWidget(self.view, 1)

        buttons = QDialogButtonBox(self)
        self.back_button = QPushButton(self.tr("&Go back and edit"), self)
        self.back_button.setObjectName("goBackButton")
        self.submit_button = QPushButton(self.tr("&Submit anyway"), self)
        self.submit_button.setObjectName("submitAnywayButton")
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setAutoDefault(False)
        self.back_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.resize(DIALOG_WIDTH, self.sizeHint().height())
        self.back_button.setFocus()

    def _privacy_note(self) -> QWidget:
        note = Panel("privacyNote", self, tone=ATTENTION, radius=6)
        row = QVBoxLayout(note)
        row.setContentsMargins(18, 10, 12, 10)
        text = self.tr(
            "Assessment is anonymous: the assessor should not learn your name, your "
            "e-mail or your school. Remove them from your answers and file names."
        )
        row.addWidget(plain_label(text, note))
        return note

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Rows wrap to the list's width, known only now: grow to show them all,
        # up to a height that leaves the dialog on a small screen.
        wanted = min(self.view.content_height(), LIST_MAX_HEIGHT)
        if wanted > self.view.height():
            self.resize(self.width(), self.height() + wanted - self.view.height())

    def _go_to(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.chosen = finding
            self.reject()
