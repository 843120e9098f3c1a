"""The top of an application: title, status and dates; competency and history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.export_actions import export_buttons
from desktop.item_models import status_text
from desktop.widgets.common import (
    Panel,
    format_date,
    heading,
    muted,
    plain_label,
    status_chip,
)
from desktop.widgets.related_submissions import RelatedSubmissionsTable
from model.enums import Status
from model.records import ApplicationRecord


class ApplicationHeader(QWidget):
    """Title, attempt and status in words, and the dates that matter.

    ``actions`` is a row on the right of the title where the page puts its
    buttons (Reapply) or the save status. Unless ``exportable`` is off (the
    previous attempt shown for reference), it starts with Export PDF and Print.
    """

    def __init__(
        self,
        context: AppContext,
        record: ApplicationRecord,
        parent: QWidget | None = None,
        *,
        exportable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("applicationHeader")
        title = context.text(record.credential.title)

        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(heading(title, 1, self, wrap=True), 1)
        self.actions = QHBoxLayout()
        self.actions.setSpacing(8)
        if exportable:
            for button in export_buttons(self):
                self.actions.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addLayout(self.actions)

        status_row = QHBoxLayout()
        status_row.setSpacing(10)
        chip = status_chip(status_text(record.status), record.status.value, self)
        chip.setAccessibleName(self.tr("Status: %1").replace("%1", chip.text()))
        status_row.addWidget(chip)
        attempt = self.tr("Attempt %1").replace("%1", str(record.attempt))
        status_row.addWidget(plain_label(attempt, self, wrap=False))
        status_row.addWidget(muted(plain_label(f"· {record.code}", self, wrap=False)))
        status_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(title_row)
        layout.addLayout(status_row)
        layout.addSpacing(4)
        layout.addLayout(self._dates(record, context.language))

    def _dates(self, record: ApplicationRecord, language: str) -> QGridLayout:
        if record.status is Status.DRAFT:
            dates = [
                (self.tr("Started on"), record.created_at),
                (self.tr("Last changed"), record.updated_at),
            ]
        else:
            dates = [
                (self.tr("Submitted on"), record.submitted_at),
                (self.tr("Decision due"), record.decision_due),
                (self.tr("Decided on"), record.decided_at),
            ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(2)
        for column, (name, value) in enumerate(dates):
            grid.addWidget(muted(plain_label(name, self, wrap=False)), 0, column)
            shown = format_date(value, language)
            grid.addWidget(plain_label(shown, self, wrap=False), 1, column)
        grid.setColumnStretch(len(dates), 1)
        return grid


class CompetencySection(Panel):
    """The competency, the Related submissions right after it, the key method."""

    openRequested = Signal(int)

    def __init__(
        self,
        context: AppContext,
        record: ApplicationRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("competencySection", parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)

        credential = record.credential
        layout.addWidget(heading(self.tr("Competency"), 3, self))
        layout.addWidget(plain_label(context.text(credential.competency), self))
        if record.related:
            layout.addSpacing(8)
            layout.addWidget(heading(self.tr("Related submissions"), 3, self))
            hint = self.tr(
                "Your earlier attempts. Open one to see its answers and feedback."
            )
            layout.addWidget(muted(plain_label(hint, self)))
            table = RelatedSubmissionsTable(record.related, context.language, self)
            table.openRequested.connect(self.openRequested)
            layout.addWidget(table)
        layout.addSpacing(8)
        layout.addWidget(heading(self.tr("Key method"), 3, self))
        layout.addWidget(plain_label(context.text(credential.key_method), self))
