"""The "Related submissions" table: every earlier attempt of an application."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTableView,
    QWidget,
)

from desktop.item_models import status_text
from desktop.widgets.common import format_date
from model.enums import Status
from model.records import RelatedRecord

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 6


class RelatedSubmissionsModel(QAbstractTableModel):
    """Earlier attempts, oldest first: attempt, submitted on, decision, decided on."""

    ATTEMPT, SUBMITTED, DECISION, DECIDED = range(4)

    def __init__(
        self,
        related: Sequence[RelatedRecord] = (),
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows = sorted(related, key=lambda r: r.attempt)
        self._language = language

    def set_related(self, related: Sequence[RelatedRecord]) -> None:
        self.beginResetModel()
        self._rows = sorted(related, key=lambda r: r.attempt)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return (
                self.tr("Attempt"),
                self.tr("Submitted on"),
                self.tr("Decision"),
                self.tr("Decided on"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Open attempt %n read-only in a new tab", "", row.attempt)
        if role == Qt.ItemDataRole.FontRole and index.column() == self.ATTEMPT:
            font = QFont()
            font.setUnderline(True)
            return font
        return None

    def application_id(self, row: int) -> int:
        return self._rows[row].id

    def _display(self, row: RelatedRecord, column: int) -> str:
        if column == self.ATTEMPT:
            return self.tr("Attempt %n", "", row.attempt)
        if column == self.SUBMITTED:
            return format_date(row.submitted_at, self._language)
        if column == self.DECISION:
            if row.status in (Status.APPROVED, Status.DENIED):
                return status_text(row.status)
            return self.tr("Pending (%1)").replace("%1", status_text(row.status))
        return format_date(row.decided_at, self._language)


class RelatedSubmissionsTable(QTableView):
    """The table; Enter or a double-click on a row asks to open that attempt.

    The attempt is drawn as a link, and a single click on it opens it too.
    """

    openRequested = Signal(int)

    def __init__(
        self,
        related: Sequence[RelatedRecord],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("relatedSubmissionsTable")
        self.setModel(RelatedSubmissionsModel(related, language, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Related submissions"))
        # Tab leaves the table instead of walking its cells.
        self.setTabKeyNavigation(False)
        self.setAccessibleDescription(
            self.tr("Earlier attempts. Press Enter to open one in a new tab.")
        )
        self.activated.connect(self._open)
        self.clicked.connect(self._clicked)
        self._fit_height()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(index.data(ID_ROLE))

    def _clicked(self, index: QModelIndex) -> None:
        hint = QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick
        if self.style().styleHint(hint, None, self):
            return  # the click already activated it
        if index.column() == RelatedSubmissionsModel.ATTEMPT:
            self._open(index)

    def _fit_height(self) -> None:
        """Show up to a handful of rows without an inner scroll bar."""
        rows = min(self.model().rowCount(), VISIBLE_ROWS)
        row_height = self.verticalHeader().defaultSectionSize()
        frame = 2 * self.frameWidth()
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(header + max(rows, 1) * row_height + frame)
