"""Qt item models of the dashboard: the attempts table and its filter/sort proxy.

Both must stay instant with 100,000 attempts. ``QSortFilterProxyModel`` calls
back into Python for every row it filters and every comparison it sorts: on
100,000 rows a sort took 19 s on a developer laptop. So the proxy here keeps
its own row mapping and filters and sorts it with Python's ``sorted`` on keys
the table model computes once per refresh; Qt only asks for the visible rows.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.flat_proxy import FlatProxy
from model.enums import Status
from model.records import DashboardRow, pick

Index = QModelIndex | QPersistentModelIndex
# The invisible root: Qt's default "parent" argument, shared so as not to
# build one per call.
ROOT = QModelIndex()

ObjectRole = Qt.ItemDataRole.UserRole
SortRole = Qt.ItemDataRole.UserRole + 1

# Workflow order, so "sort by status" follows the life of an application.
STATUS_ORDER = {status: rank for rank, status in enumerate(Status)}
WAITING = (Status.SUBMITTED, Status.IN_REVIEW)
ITEM_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ObjectRole,
        SortRole,
    }
)


def status_text(status: Status) -> str:
    """The status in words, as every screen shows it."""
    translate = QCoreApplication.translate
    return {
        Status.DRAFT: translate("Status", "Draft"),
        Status.SUBMITTED: translate("Status", "Submitted"),
        Status.IN_REVIEW: translate("Status", "In review"),
        Status.APPROVED: translate("Status", "Approved"),
        Status.DENIED: translate("Status", "Denied"),
    }[status]


def waiting_to_send_text() -> str:
    """The status of a submission made here that the server has not received."""
    return QCoreApplication.translate("Status", "Submitted · waiting to send")


def short_date(value: date | datetime | None) -> str:
    """A date in the user's locale, short form; empty for no date."""
    if value is None:
        return ""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def warning_color() -> QColor:
    """A red readable on the window's base colour, light or dark."""
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    return QColor("#ff8a80") if base.lightness() < 128 else QColor("#b3261e")


class ApplicationTableModel(QAbstractTableModel):
    """One row per attempt, as the educator's dashboard lists them."""

    TITLE, ATTEMPT, STATUS, SUBMITTED, DUE, DECIDED = range(6)
    COLUMN_COUNT = 6

    def __init__(
        self,
        language: str = "en",
        today: Callable[[], date] = date.today,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.today = today
        self._rows: list[DashboardRow] = []
        self._titles: list[str] = []
        self._ranks: list[int] = []
        self._overdue: int | None = None
        self._row_of_id: dict[int, int] = {}
        # Submitted on this computer, not on the server yet.
        self._waiting: frozenset[int] = frozenset()
        self._today = today()

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

    # For the dashboard and the proxy ----------------------------------------

    def cell(self, position: int, column: int, role: int) -> Any:
        """What ``data`` answers, by row number (the proxy calls this directly)."""
        if role not in ROLES:
            return None
        row = self._rows[position]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, position, column)
        if role == ObjectRole:
            return row
        if role == SortRole:
            return self._raw(row, position, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return warning_color() if self._is_overdue(row, column) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if column == self.ATTEMPT:  # TextAlignmentRole
            return Qt.AlignmentFlag.AlignCenter
        return None

    def column_titles(self) -> list[str]:
        translate = QCoreApplication.translate
        return [
            translate("dashboard", "Title"),
            translate("dashboard", "Attempt"),
            translate("dashboard", "Status"),
            translate("dashboard", "Submitted on"),
            translate("dashboard", "Decision due"),
            translate("dashboard", "Decided on"),
        ]

    def set_rows(self, rows: Sequence[DashboardRow]) -> None:
        """Replace every row (a fresh load from the store)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._today = self.today()
        self._overdue = None
        self._titles = self._title_texts(self._rows)
        self._ranks = [STATUS_ORDER[row.status] for row in self._rows]
        self._row_of_id = {row.id: i for i, row in enumerate(self._rows)}
        self.endResetModel()

    def upsert(self, row: DashboardRow) -> None:
        """Show the new state of one attempt, adding it first if it is new."""
        self._overdue = None
        position = self._row_of_id.get(row.id)
        if position is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, row)
            self._titles.insert(0, pick(row.title, self.language))
            self._ranks.insert(0, STATUS_ORDER[row.status])
            self._row_of_id = {r.id: i for i, r in enumerate(self._rows)}
            self.endInsertRows()
            return
        self._rows[position] = row
        self._titles[position] = pick(row.title, self.language)
        self._ranks[position] = STATUS_ORDER[row.status]
        self.dataChanged.emit(
            self.index(position, 0), self.index(position, self.COLUMN_COUNT - 1)
        )

    def set_waiting(self, application_ids: set[int] | frozenset[int]) -> None:
        """Say "waiting to send" for these submissions, and only these."""
        changed = self._waiting ^ application_ids
        self._waiting = frozenset(application_ids)
        for application_id in changed:
            position = self._row_of_id.get(application_id)
            if position is not None:
                index = self.index(position, self.STATUS)
                self.dataChanged.emit(index, index)

    def is_waiting(self, row: DashboardRow) -> bool:
        """Submitted on this computer, and not yet sent to the server."""
        return row.status is Status.SUBMITTED and row.id in self._waiting

    def row(self, position: int) -> DashboardRow:
        return self._rows[position]

    def rows(self) -> Sequence[DashboardRow]:
        """Every row, in source order (read-only: use set_rows or upsert)."""
        return self._rows

    def position_of(self, application_id: int) -> int | None:
        return self._row_of_id.get(application_id)

    def titles(self) -> list[str]:
        """Each row's title in the interface language, by row."""
        return self._titles

    def status_ranks(self) -> list[int]:
        """Each row's status as its place in STATUS_ORDER, by row."""
        return self._ranks

    def sort_keys(self, column: int) -> list[Any]:
        """Each row's raw value in ``column``, by row; None where there is none."""
        rows = self._rows
        if column == self.TITLE:
            return self._title_ranks()
        if column == self.ATTEMPT:
            return [r.attempt for r in rows]
        if column == self.STATUS:
            return self._ranks
        if column == self.SUBMITTED:
            return [r.submitted_at for r in rows]
        if column == self.DUE:
            return [r.decision_due for r in rows]
        if column == self.DECIDED:
            return [r.decided_at for r in rows]
        raise IndexError(column)

    @staticmethod
    def overdue_text(shown_date: str) -> str:
        """A due date with its marker, so overdue never relies on colour alone."""
        return QCoreApplication.translate("dashboard", "{date} — overdue").format(
            date=shown_date
        )

    def overdue_count(self) -> int:
        """Attempts waiting past their decision date (counted once per change)."""
        if self._overdue is None:
            self._overdue = sum(1 for row in self._rows if self.is_overdue(row))
        return self._overdue

    def is_overdue(self, row: DashboardRow) -> bool:
        """Waiting for a decision whose due date has passed."""
        return (
            row.status in WAITING
            and row.decision_due is not None
            and row.decision_due < self._today
        )

    # Internals --------------------------------------------------------------

    def _title_texts(self, rows: list[DashboardRow]) -> list[str]:
        # The store shares one title dict per micro-credential between its
        # rows, so picking the language once per dict keeps 100,000 rows cheap.
        picked: dict[int, str] = {}
        texts = []
        for row in rows:
            text = picked.get(id(row.title))
            if text is None:
                text = picked[id(row.title)] = pick(row.title, self.language)
            texts.append(text)
        return texts

    def _title_ranks(self) -> list[int]:
        collator = QCollator(QLocale())
        collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        unique = sorted(set(self._titles), key=functools.cmp_to_key(collator.compare))
        rank = {title: i for i, title in enumerate(unique)}
        return [rank[title] for title in self._titles]

    def _display(self, row: DashboardRow, position: int, column: int) -> str:
        if column == self.TITLE:
            return self._titles[position]
        if column == self.ATTEMPT:
            return str(row.attempt)
        if column == self.STATUS:
            return (
                waiting_to_send_text()
                if self.is_waiting(row)
                else status_text(row.status)
            )
        if column == self.SUBMITTED:
            return short_date(row.submitted_at)
        if column == self.DECIDED:
            return short_date(row.decided_at)
        if self.is_overdue(row):
            return self.overdue_text(short_date(row.decision_due))
        return short_date(row.decision_due)

    def _raw(self, row: DashboardRow, position: int, column: int) -> Any:
        if column == self.TITLE:
            return self._titles[position]
        values = (
            row.attempt,
            STATUS_ORDER[row.status],
            row.submitted_at,
            row.decision_due,
            row.decided_at,
        )
        return values[column - 1]

    def _is_overdue(self, row: DashboardRow, column: int) -> bool:
        return column == self.DUE and self.is_overdue(row)

    def _tooltip(self, row: DashboardRow, column: int) -> str | None:
        if column == self.STATUS and self.is_waiting(row):
            return QCoreApplication.translate(
                "dashboard",
                "Submitted on this computer. It goes to the server as soon as"
                " Insignia can reach it.",
            )
        if self._is_overdue(row, column):
            return QCoreApplication.translate(
                "dashboard",
                "The decision was due on {date} and has not arrived yet.",
            ).format(date=short_date(row.decision_due))
        if column == self.DUE and row.status in WAITING:
            return QCoreApplication.translate(
                "dashboard", "A decision is due 14 business days after submission."
            )
        return None


class StatusFilter(enum.Enum):
    """The dashboard's status filter; Submitted includes In review."""

    ALL = None
    DRAFTS = frozenset({Status.DRAFT})
    SUBMITTED = frozenset(WAITING)
    APPROVED = frozenset({Status.APPROVED})
    DENIED = frozenset({Status.DENIED})

    def label(self) -> str:
        translate = QCoreApplication.translate
        return {
            StatusFilter.ALL: translate("dashboard", "All"),
            StatusFilter.DRAFTS: translate("dashboard", "Drafts"),
            StatusFilter.SUBMITTED: translate("dashboard", "Submitted"),
            StatusFilter.APPROVED: translate("dashboard", "Approved"),
            StatusFilter.DENIED: translate("dashboard", "Denied"),
        }[self]


class ApplicationFilterProxy(FlatProxy):
    """The table model filtered by status and title, sorted on raw values.

    The dashboard keeps its selection across the proxy's resets by
    application id.
    """

    source_type = ApplicationTableModel

    def __init__(self, parent: Any = None) -> None:
        self._status = StatusFilter.ALL
        self._search = ""
        super().__init__(parent)

    def table(self) -> ApplicationTableModel:
        source = self.sourceModel()
        assert isinstance(source, ApplicationTableModel)
        return source

    def status_filter(self) -> StatusFilter:
        return self._status

    def set_status_filter(self, status: StatusFilter) -> None:
        if status is not self._status:
            self._status = status
            self._refilter()

    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._search:
            self._search = needle
            self._refilter()

    def application_id(self, row: int) -> int:
        return self.table().row(self._rows[row]).id

    def _select(self, order: list[int]) -> list[int]:
        table = self.table()
        allowed = self._status.value
        needle = self._search
        if allowed is None and not needle:
            return order
        titles = table.titles()
        if needle:
            matching = {t for t in set(titles) if needle in t.casefold()}
            order = [i for i in order if titles[i] in matching]
        if allowed is not None:
            # Ranks are ints: comparing enum members here would cost a
            # Python-level hash per row.
            ranks = table.status_ranks()
            wanted = {STATUS_ORDER[status] for status in allowed}
            order = [i for i in order if ranks[i] in wanted]
        return order
