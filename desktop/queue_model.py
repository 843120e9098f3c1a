"""Qt item models of the assessor queue: the table and its flat filter proxy.

The queue can hold 100,000 applications. Like the dashboard's, the proxy keeps
its own row mapping and filters and sorts it in Python on values computed once
per load, instead of ``QSortFilterProxyModel`` calling back into Python for
every row and comparison; Qt only asks for the rows it paints.

Assessment is double-blind: a row names the application by its code and the
assessor holding it, never its educator (``QueueRow`` has no such field).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop.flat_proxy import FlatProxy
from desktop.item_models import (
    ITEM_FLAGS,
    ROOT,
    Index,
    ObjectRole,
    short_date,
    warning_color,
)
from model.enums import QueueFilter
from model.records import QueueRow, pick

ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ObjectRole,
    }
)


translate = QCoreApplication.translate


def days_left_text(days: int | None) -> str:
    """Business days to the decision in words; overdue says by how much."""
    if days is None:
        return ""
    # Plural forms come from the translations, English included; lupdate
    # marks them only on tr(), hence the model's own context.
    if days < 0:
        return QueueTableModel.tr("Overdue by %n business day(s)", "", -days)
    if days == 0:
        return translate("queue", "Due today")
    return QueueTableModel.tr("%n business day(s) left", "", days)


def held_by_text(row: QueueRow) -> str:
    """Who holds the application: an assessor's name, never the educator's."""
    if row.held_by is None:
        return ""
    if row.held_by_me:
        return translate("queue", "{name} (you)").format(name=row.held_by)
    return row.held_by


def filter_label(choice: QueueFilter) -> str:
    return {
        QueueFilter.ALL: translate("queue", "All"),
        QueueFilter.ASSIGNED_TO_ME: translate("queue", "Assigned to me"),
        QueueFilter.UNASSIGNED: translate("queue", "Unassigned"),
        QueueFilter.OVERDUE: translate("queue", "Overdue"),
    }[choice]


class QueueTableModel(QAbstractTableModel):
    """The applications waiting for a decision, in the desk's order (due first)."""

    CODE, TITLE, ATTEMPT, SUBMITTED, DUE, DAYS_LEFT, HELD_BY = range(7)
    COLUMN_COUNT = 7

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[QueueRow] = []
        self._titles: list[str] = []
        self._row_of_id: dict[int, int] = {}
        self._warning: QIcon | None = None

    # Qt's interface ---------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ITEM_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    # For the view and the proxy ---------------------------------------------

    def column_titles(self) -> list[str]:
        return [
            translate("queue", "Code"),
            translate("queue", "Micro-credential"),
            translate("queue", "Attempt"),
            translate("queue", "Submitted on"),
            translate("queue", "Due on"),
            translate("queue", "Business days left"),
            translate("queue", "Held by"),
        ]

    def set_rows(self, rows: Sequence[QueueRow]) -> None:
        """Replace every row (a fresh read of the queue)."""
        self.beginResetModel()
        self._rows = list(rows)
        # The desk shares one title dict per micro-credential between rows.
        picked: dict[int, str] = {}
        self._titles = [
            picked.get(id(r.title)) or picked.setdefault(id(r.title), self._pick(r))
            for r in self._rows
        ]
        self._row_of_id = {r.application_id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def rows(self) -> Sequence[QueueRow]:
        """Every row, in the desk's order (read-only: use set_rows)."""
        return self._rows

    def row(self, position: int) -> QueueRow:
        return self._rows[position]

    def position_of(self, application_id: int) -> int | None:
        return self._row_of_id.get(application_id)

    def cell(self, position: int, column: int, role: int) -> Any:
        """What ``data`` answers, by row number (the proxy calls this directly)."""
        if role not in ROLES:
            return None
        row = self._rows[position]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, position, column)
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            late = row.overdue and column in (self.DUE, self.DAYS_LEFT)
            return warning_color() if late else None
        if role == Qt.ItemDataRole.DecorationRole:
            if row.overdue and column == self.DAYS_LEFT:
                return self._warning_icon()
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if column == self.ATTEMPT:  # TextAlignmentRole
            return Qt.AlignmentFlag.AlignCenter
        return None

    def sort_keys(self, column: int) -> list[Any]:
        """Each row's raw value in ``column``, by row; None where there is none."""
        rows = self._rows
        if column == self.DUE:
            # The desk's own order: due date, then submission, then id.
            return list(range(len(rows)))
        if column == self.CODE:
            return [r.code for r in rows]
        if column == self.TITLE:
            return self._title_ranks()
        if column == self.ATTEMPT:
            return [r.attempt for r in rows]
        if column == self.SUBMITTED:
            return [r.submitted_at for r in rows]
        if column == self.DAYS_LEFT:
            return [r.business_days_left for r in rows]
        if column == self.HELD_BY:
            return [r.held_by.casefold() if r.held_by else None for r in rows]
        raise IndexError(column)

    def overdue_count(self) -> int:
        return sum(1 for r in self._rows if r.overdue)

    # Internals --------------------------------------------------------------

    def _pick(self, row: QueueRow) -> str:
        return pick(row.title, self.language)

    def _display(self, row: QueueRow, position: int, column: int) -> str:
        if column == self.CODE:
            return row.code
        if column == self.TITLE:
            return self._titles[position]
        if column == self.ATTEMPT:
            return str(row.attempt)
        if column == self.SUBMITTED:
            return short_date(row.submitted_at)
        if column == self.DUE:
            return short_date(row.decision_due)
        if column == self.DAYS_LEFT:
            return days_left_text(row.business_days_left)
        return held_by_text(row)

    def _tooltip(self, row: QueueRow, column: int) -> str | None:
        if column == self.DAYS_LEFT and row.overdue:
            return translate(
                "queue",
                "The decision was due on {date}: 14 business days after submission.",
            ).format(date=short_date(row.decision_due))
        if column == self.HELD_BY and row.held_by is None:
            return translate(
                "queue", "Nobody has opened it yet. Opening it assigns it to you."
            )
        if column == self.HELD_BY and not row.held_by_me:
            return translate(
                "queue", "Held by {name}: only they can assess it."
            ).format(name=row.held_by)
        return None

    def _warning_icon(self) -> QIcon:
        if self._warning is None:
            warning = QStyle.StandardPixmap.SP_MessageBoxWarning
            self._warning = QApplication.style().standardIcon(warning)
        return self._warning

    def _title_ranks(self) -> list[int]:
        collator = QCollator(QLocale())
        collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        unique = sorted(set(self._titles), key=functools.cmp_to_key(collator.compare))
        rank = {title: i for i, title in enumerate(unique)}
        return [rank[title] for title in self._titles]


class QueueFilterProxy(FlatProxy):
    """The queue filtered by a QueueFilter and sorted on raw values."""

    source_type = QueueTableModel

    def __init__(self, parent: Any = None) -> None:
        self._filter = QueueFilter.ALL
        super().__init__(parent)

    def table(self) -> QueueTableModel:
        source = self.sourceModel()
        assert isinstance(source, QueueTableModel)
        return source

    def queue_filter(self) -> QueueFilter:
        return self._filter

    def set_queue_filter(self, choice: QueueFilter) -> None:
        if choice is not self._filter:
            self._filter = choice
            self._refilter()

    def queue_row(self, row: int) -> QueueRow:
        return self.table().row(self._rows[row])

    def application_id(self, row: int) -> int:
        return self.queue_row(row).application_id

    def _select(self, order: list[int]) -> list[int]:
        if self._filter is QueueFilter.ALL:
            return order
        # The same rules as the desk's query, on the rows already read.
        rows = self.table().rows()
        if self._filter is QueueFilter.ASSIGNED_TO_ME:
            return [i for i in order if rows[i].held_by_me]
        if self._filter is QueueFilter.UNASSIGNED:
            return [i for i in order if rows[i].held_by is None]
        return [i for i in order if rows[i].overdue]
