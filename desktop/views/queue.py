"""The assessor's queue: submitted applications, the earliest decision due first.

The first rows are painted as soon as the store answers, and the rest of a
large queue follows from a worker. Filtering happens on the rows already read,
so switching between "Assigned to me" and "Overdue" is instant.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.flat_proxy import select_id, selected_id
from desktop.item_models import short_date
from desktop.keyboard import chain
from desktop.queue_model import (
    QueueFilterProxy,
    QueueTableModel,
    days_left_text,
    filter_label,
)
from desktop.tasks import run_in_background
from desktop.widgets.common import muted, plain_label
from model.enums import QueueFilter
from model.quickread import FirstLook
from model.records import QueueRow

if TYPE_CHECKING:
    from model.assessing import AssessorDesk

logger = logging.getLogger(__name__)

# The rows painted first; the rest of the queue follows from a worker.
FIRST_PAGE = 500
# Changes arriving within this many milliseconds reload the queue once.
REFRESH_DELAY_MS = 300


def _number(value: int) -> str:
    return QLocale().toString(value)


def assessor_desk(context: AppContext) -> AssessorDesk:
    """The signed-in assessor's desk (imports SQLAlchemy: call it off start-up)."""
    from model.assessing import AssessorDesk

    return AssessorDesk(context.store, context.user)


class QueueView(QWidget):
    """Filter, table and counts of the applications waiting for a decision.

    ``openRequested`` asks the window to open an application for assessment.
    """

    openRequested = Signal(int)
    # Emitted after each load is shown; ``complete`` once every row is in.
    loaded = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueView")
        self.context = context
        self.model = QueueTableModel(context.language, self)
        self.proxy = QueueFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._complete = False
        self._loading = False
        self._again = False
        self._generation = 0
        self._selected_id: int | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.reload)

        self._build()
        self.proxy.modelAboutToBeReset.connect(self._remember_selection)
        self.proxy.modelReset.connect(self._after_reset)
        context.changes.applicationChanged.connect(self.schedule_reload)
        self._show_state()

    def _build(self) -> None:
        heading = QLabel(self.tr("Assessment queue"), self)
        heading.setObjectName("queueHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.summary = plain_label("", self, wrap=False)
        self.summary.setObjectName("queueSummary")
        title_row = QHBoxLayout()
        title_row.addWidget(heading)
        title_row.addSpacing(12)
        title_row.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignBottom)

        self.filter = QComboBox(self)
        self.filter.setObjectName("queueFilter")
        for choice in QueueFilter:
            self.filter.addItem(filter_label(choice), choice)
        self.filter.setAccessibleName(self.tr("Show applications"))
        self.filter.currentIndexChanged.connect(self._filter_changed)
        show_label = QLabel(self.tr("&Show:"), self)
        show_label.setBuddy(self.filter)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("queueRefresh")
        self.refresh_button.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_button.setToolTip(self.tr("Read the queue again (F5)"))
        self.refresh_button.clicked.connect(self.reload)
        hint = muted(
            plain_label(
                self.tr(
                    "Assessment is double-blind: applications are known by their"
                    " code. Open one to assess it; it is then assigned to you."
                ),
                self,
            )
        )
        bar = QHBoxLayout()
        bar.addWidget(show_label)
        bar.addWidget(self.filter)
        bar.addSpacing(16)
        bar.addWidget(hint, 1)
        bar.addWidget(self.refresh_button)

        self.table = self._build_table()
        self.empty = plain_label("", self)
        self.empty.setObjectName("queueEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        chain((self.filter, self.table, self.refresh_button))

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("assessmentQueue")
        table.setAccessibleName(self.tr("Assessment queue"))
        table.setAccessibleDescription(
            self.tr("Press Enter to open the selected application and assess it.")
        )
        # Tab leaves the table instead of walking its cells.
        table.setTabKeyNavigation(False)
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(
            QueueTableModel.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self._size_columns(table)
        # The desk's order is the due date's: show it as the current sort.
        header.setSortIndicator(QueueTableModel.DUE, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)

        table.doubleClicked.connect(self._open_index)
        table.installEventFilter(self)
        return table

    def _size_columns(self, table: QTableView) -> None:
        """Widths from the font, not from measuring 100,000 rows of content."""
        metrics = table.fontMetrics()
        headers = self.model.column_titles()
        a_date = short_date(date(2026, 12, 31))
        samples = {
            QueueTableModel.CODE: "MC-WWWWWW",
            QueueTableModel.ATTEMPT: "888",
            QueueTableModel.SUBMITTED: a_date,
            QueueTableModel.DUE: a_date,
            QueueTableModel.DAYS_LEFT: days_left_text(-88),
            QueueTableModel.HELD_BY: QCoreApplication.translate(
                "queue", "{name} (you)"
            ).format(name="Alexandra Okafor"),
        }
        for column, sample in samples.items():
            extra = 24 + (20 if column == QueueTableModel.DAYS_LEFT else 0)
            width = max(
                metrics.horizontalAdvance(sample),
                metrics.horizontalAdvance(headers[column]) + 20,
            )
            table.setColumnWidth(column, width + extra)

    # Loading ----------------------------------------------------------------

    def is_complete(self) -> bool:
        """Every waiting application is listed (not only the first page)."""
        return self._complete

    def start(self) -> None:
        """Paint the first rows at once, then load the whole queue on a worker.

        The first rows come from a quick read with the standard library, on
        this thread, as the dashboard's do: the store is still opening, and
        SQLAlchemy takes longer to import than the window takes to paint.
        """
        first = FirstLook.open(self.context.data_dir)
        if first is None:  # a new or older database: the store prepares it
            self.reload()
            return
        try:
            today = self.context.clock().date()
            rows = first.queue_rows(self.context.user.id, today, FIRST_PAGE)
        finally:
            first.close()
        self._show(rows, complete=len(rows) < FIRST_PAGE)
        if not self._complete:
            self.reload()
        self._show_state()

    def reload(self) -> None:
        """Read the first page, show it, then read and show the whole queue."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._generation += 1
        generation = self._generation
        context = self.context
        first = self.model.rowCount() == 0

        def first_page() -> list[QueueRow]:
            return assessor_desk(context).queue(limit=FIRST_PAGE)

        def everything() -> list[QueueRow]:
            return assessor_desk(context).queue()

        def show_first(rows: list[QueueRow]) -> None:
            if not self._current(generation):
                return
            self._show(rows, complete=len(rows) < FIRST_PAGE)
            if not self._complete:
                run_in_background(everything, show_all, self._failed)
            else:
                self._finished()

        def show_all(rows: list[QueueRow]) -> None:
            if self._current(generation):
                self._show(rows, complete=True)
                self._finished()

        # A reload of a queue already shown skips the first page: the old
        # rows stay on screen until the new ones are all read.
        if first:
            run_in_background(first_page, show_first, self._failed)
        else:
            run_in_background(everything, show_all, self._failed)
        self._show_state()

    def schedule_reload(self, _application_id: int = 0) -> None:
        """Reload a moment from now (an application was opened or decided)."""
        self._refresh_timer.start()

    def _current(self, generation: int) -> bool:
        return shiboken6.isValid(self) and generation == self._generation

    def _show(self, rows: list[QueueRow], complete: bool) -> None:
        self._complete = complete
        self.model.set_rows(rows)
        self.loaded.emit(complete)
        logger.debug("Queue shows %d applications (complete: %s)", len(rows), complete)

    def _finished(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
        self._show_state()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        logger.warning("The queue could not be read: %s", error)
        self._loading = False
        self._complete = True
        self.empty.setText(
            self.tr("The queue could not be read:\n{error}").format(error=error)
        )
        self.stack.setCurrentWidget(self.empty)

    # Filter, selection, state -----------------------------------------------

    def _filter_changed(self, _index: int) -> None:
        # The combo box hands a string enum back as a plain string.
        self.proxy.set_queue_filter(QueueFilter(self.filter.currentData()))

    def set_queue_filter(self, choice: QueueFilter) -> None:
        self.filter.setCurrentIndex(self.filter.findData(choice))

    def selected_id(self) -> int | None:
        return selected_id(self.table, self.proxy)

    def select(self, application_id: int) -> bool:
        """Select and show the row of ``application_id`` if the filter shows it."""
        return select_id(self.table, self.proxy, application_id)

    def _remember_selection(self) -> None:
        self._selected_id = self.selected_id()

    def _after_reset(self) -> None:
        if self._selected_id is not None:
            self.select(self._selected_id)
        self._show_state()

    def _show_state(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if not self._complete:
            text = self.tr("Loading the queue…")
        else:
            text = self.tr("Waiting for a decision: {count}").format(
                count=_number(total)
            )
            overdue = self.model.overdue_count()
            if overdue:
                text += " · " + self.tr("Overdue: {count}").format(
                    count=_number(overdue)
                )
            if shown != total:
                text += " · " + self.tr("Shown: {count}").format(count=_number(shown))
        self.summary.setText(text)
        if shown:
            self.stack.setCurrentWidget(self.table)
            return
        if not self._complete:
            self.empty.setText(self.tr("Loading the queue…"))
        elif total:
            self.empty.setText(
                self.tr("No application in the queue matches this filter.")
            )
        else:
            self.empty.setText(self.tr("Nothing is waiting for a decision. Well done!"))
        self.stack.setCurrentWidget(self.empty)

    # Opening ----------------------------------------------------------------

    def _open_index(self, index: Any) -> None:
        if index.isValid():
            self.openRequested.emit(self.proxy.application_id(index.row()))

    def open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_current()
            return True
        return super().eventFilter(watched, event)
