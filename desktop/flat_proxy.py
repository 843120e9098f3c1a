"""A filtering, sorting proxy for flat tables of many rows.

QSortFilterProxyModel calls back into Python for every row it filters and
every comparison it sorts: seconds at 100,000 rows. This proxy asks its source
for the sort keys of a column once, sorts them in one ``sorted`` call, caches
the order, and filters with list comprehensions.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class FlatTable(Protocol):
    """What the proxy needs of its source, beyond QAbstractItemModel."""

    def cell(self, position: int, column: int, role: int) -> Any: ...
    def sort_keys(self, column: int) -> list[Any]: ...
    def position_of(self, application_id: int) -> int | None: ...


class FlatProxy(QAbstractProxyModel):
    """Proxy row ``i`` shows source row ``self._rows[i]``.

    Any change of the source recomputes the mapping and resets the proxy, in
    step with the source's own reset, so a view remembering its selection at
    ``modelAboutToBeReset`` still reads the old rows through the old mapping.
    Subclasses say which rows to keep in ``_select``.
    """

    source_type: type[QAbstractItemModel] = QAbstractItemModel

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._rows: list[int] = []
        self._inverse: list[int] | None = None
        self._orders: dict[tuple[int, Qt.SortOrder], list[int]] = {}

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        if not isinstance(source, self.source_type):
            raise TypeError(
                f"{type(self).__name__} shows a {self.source_type.__name__}"
            )
        if self.sourceModel() is not None:
            raise RuntimeError("the source model is set once")
        self.beginResetModel()
        super().setSourceModel(source)
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._source_reset)
        for signal in (
            source.rowsInserted,
            source.rowsRemoved,
            source.layoutChanged,
            source.dataChanged,
        ):
            signal.connect(self._source_changed)
        self._rows = self._compute()
        self.endResetModel()

    def table(self) -> Any:
        return self.sourceModel()

    def sort(
        self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        # QTableView.sortByColumn asks twice for the same sort.
        if (column, order) != (self._sort_column, self._sort_order):
            self._sort_column, self._sort_order = column, order
            self._refilter()

    def sort_column(self) -> int:
        return self._sort_column

    def application_id(self, row: int) -> int:
        raise NotImplementedError

    def row_of(self, application_id: int) -> int | None:
        """The proxy row showing ``application_id``, or None when filtered out."""
        position = self.table().position_of(application_id)
        if position is None:
            return None
        row = self._inverse_map()[position]
        return row if row >= 0 else None

    # Qt's interface ---------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        source = self.sourceModel()
        return 0 if parent.isValid() or source is None else source.columnCount()

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if parent.isValid() or not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index | None = None) -> Any:
        # Without an argument this is QObject.parent(); rows have no parent.
        return super().parent() if child is None else QModelIndex()

    def hasChildren(self, parent: Index = ROOT) -> bool:
        return not parent.isValid()

    def mapToSource(self, proxy: Index) -> QModelIndex:
        if not proxy.isValid() or self.sourceModel() is None:
            return QModelIndex()
        return self.table().index(self._rows[proxy.row()], proxy.column())

    def mapFromSource(self, source: Index) -> QModelIndex:
        if not source.isValid():
            return QModelIndex()
        row = self._inverse_map()[source.row()]
        return self.createIndex(row, source.column()) if row >= 0 else QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Straight to the row: the base class would map every call through
        # mapToSource, twice the Python calls for each painted cell.
        if not index.isValid():
            return None
        return self.table().cell(self._rows[index.row()], index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and self.sourceModel():
            return self.table().headerData(section, orientation, role)
        return None

    # For subclasses ---------------------------------------------------------

    def _select(self, order: list[int]) -> list[int]:
        """The rows of ``order`` to show, in that order."""
        return order

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._compute()
        self._inverse = None
        self.endResetModel()

    # Internals --------------------------------------------------------------

    def _source_changed(self, *_args: Any) -> None:
        self._orders.clear()
        self._refilter()

    def _source_reset(self) -> None:
        self._orders.clear()
        self._rows = self._compute()
        self._inverse = None
        self.endResetModel()

    def _compute(self) -> list[int]:
        return self._select(self._order())

    def _order(self) -> list[int]:
        table = self.table()
        if self._sort_column < 0:
            return list(range(table.rowCount()))
        key = (self._sort_column, self._sort_order)
        cached = self._orders.get(key)
        if cached is None:
            cached = self._orders[key] = sorted_rows(
                table.sort_keys(self._sort_column),
                self._sort_order is Qt.SortOrder.DescendingOrder,
            )
        return cached

    def _inverse_map(self) -> list[int]:
        if self._inverse is None:
            inverse = [-1] * self.table().rowCount()
            for proxy_row, source_row in enumerate(self._rows):
                inverse[source_row] = proxy_row
            self._inverse = inverse
        return self._inverse


def sorted_rows(keys: list[Any], descending: bool) -> list[int]:
    """Row numbers ordered by ``keys``; rows without a value go last either way."""
    if None not in keys:
        return sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
    present = [i for i, k in enumerate(keys) if k is not None]
    absent = [i for i, k in enumerate(keys) if k is None]
    present.sort(key=keys.__getitem__, reverse=descending)
    return present + absent


def selected_id(view: QAbstractItemView, proxy: FlatProxy) -> int | None:
    """The application of the row selected in ``view``, shown through ``proxy``."""
    rows = view.selectionModel().selectedRows()
    return proxy.application_id(rows[0].row()) if rows else None


def select_id(view: QAbstractItemView, proxy: FlatProxy, application_id: int) -> bool:
    """Select and show the row of ``application_id`` if the filter shows it."""
    row = proxy.row_of(application_id)
    if row is None:
        return False
    index = proxy.index(row, 0)
    view.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(index)
    return True
