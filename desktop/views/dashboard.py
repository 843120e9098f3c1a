"""The dashboard: every attempt of the signed-in educator, filtered and sorted."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.flat_proxy import select_id, selected_id
from desktop.item_models import (
    ApplicationFilterProxy,
    ApplicationTableModel,
    StatusFilter,
    short_date,
    status_text,
    waiting_to_send_text,
)
from desktop.keyboard import chain
from desktop.tasks import run_in_background
from model.enums import Role, Status
from model.records import ApplicationRecord, DashboardRow

logger = logging.getLogger(__name__)

# Changes arriving within this many milliseconds are shown in one update, so an
# autosave every second of typing does not reload the dashboard each time.
REFRESH_DELAY_MS = 250
# Room on either side of a cell's text.
CELL_PADDING = 24


def dashboard_row(record: ApplicationRecord) -> DashboardRow:
    return DashboardRow(
        record.id,
        record.credential.title,
        record.attempt,
        record.status,
        record.submitted_at,
        record.decision_due,
        record.decided_at,
    )


class DashboardView(QWidget):
    """The educator's applications: status filter, title search and the table."""

    openRequested = Signal(int)
    newApplicationRequested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = ApplicationTableModel(
            context.language, lambda: context.clock().date(), self
        )
        self.proxy = ApplicationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._selected_id: int | None = None
        self._pending: set[int] = set()
        self._complete = True
        self._waiting_asked = False
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._update_pending)

        self._build()
        self.proxy.modelAboutToBeReset.connect(self._remember_selection)
        self.proxy.modelReset.connect(self._after_reset)
        context.changes.applicationChanged.connect(self.schedule_update)
        context.changes.attemptCreated.connect(self._attempt_created)

    def _build(self) -> None:
        heading = QLabel(self.tr("Your applications"), self)
        heading.setObjectName("dashboardHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)

        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        for choice in StatusFilter:
            self.status_filter.addItem(choice.label(), choice)
        self.status_filter.setAccessibleName(self.tr("Show applications"))
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        show_label = QLabel(self.tr("&Show:"), self)
        show_label.setBuddy(self.status_filter)

        self.search = QLineEdit(self)
        self.search.setObjectName("dashboardSearch")
        self.search.setPlaceholderText(self.tr("Search by title"))
        self.search.setAccessibleName(self.tr("Search by title"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.setMaximumWidth(420)
        self.search.textChanged.connect(self._search_changed)

        self.new_button = QPushButton(self.tr("New application…"), self)
        self.new_button.setObjectName("newApplicationButton")
        self.new_button.clicked.connect(self.newApplicationRequested)

        bar = QHBoxLayout()
        bar.addWidget(show_label)
        bar.addWidget(self.status_filter)
        bar.addSpacing(12)
        bar.addWidget(self.search, 1)
        bar.addStretch(1)
        bar.addWidget(self.new_button)

        self.table = self._build_table()
        self.empty = QLabel(self)
        self.empty.setObjectName("dashboardEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.summary = QLabel(self)
        self.summary.setObjectName("dashboardSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        title_row = QHBoxLayout()
        title_row.addWidget(heading)
        title_row.addSpacing(12)
        title_row.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignBottom)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        # The list comes before the button that adds to it.
        chain((self.status_filter, self.search, self.table, self.new_button))
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(
            lambda: self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        )
        self.search.setToolTip(
            self.tr("Search by title (%1)").replace(
                "%1", find.key().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("dashboardTable")
        table.setAccessibleName(self.tr("Your applications"))
        table.setAccessibleDescription(
            self.tr("Press Enter to open the selected application in a new tab.")
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
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(
            ApplicationTableModel.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self._size_columns(table)
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
            ApplicationTableModel.ATTEMPT: "888",
            ApplicationTableModel.STATUS: status_text(Status.IN_REVIEW),
            ApplicationTableModel.SUBMITTED: a_date,
            ApplicationTableModel.DUE: self.model.overdue_text(a_date),
            ApplicationTableModel.DECIDED: a_date,
        }
        for column, sample in samples.items():
            # Room for the sort arrow beside the header text.
            width = max(
                metrics.horizontalAdvance(sample),
                metrics.horizontalAdvance(headers[column]) + 20,
            )
            table.setColumnWidth(column, width + CELL_PADDING)

    # Data -------------------------------------------------------------------

    def load(self) -> None:
        """Read every row now, on this thread (at start, before the window shows)."""
        rows = self.context.store.dashboard_rows(self.context.user.id)
        self.show_rows(rows)
        logger.debug("Dashboard shows %d attempts", len(rows))

    def show_rows(self, rows: list[DashboardRow], complete: bool = True) -> None:
        """Show ``rows``; when not ``complete``, they are the newest ones only."""
        self._complete = complete
        self.model.set_rows(rows)
        if not self._waiting_asked:
            # Once: every change after that brings the set up to date.
            self._waiting_asked = True
            QTimer.singleShot(0, self, self._load_waiting)

    def _load_waiting(self) -> None:
        """Find the submissions still on this computer, on a worker."""
        context = self.context
        user_id = context.user.id

        def work() -> set[int]:
            return context.store.waiting_to_send(user_id)

        run_in_background(work, self._show_waiting, self._update_failed)

    def _show_waiting(self, application_ids: set[int]) -> None:
        if shiboken6.isValid(self):
            self._set_waiting(application_ids)

    def _set_waiting(self, application_ids: set[int]) -> None:
        self.model.set_waiting(application_ids)
        if application_ids:
            # Only then: without a server the column stays as narrow as before.
            width = self.table.fontMetrics().horizontalAdvance(waiting_to_send_text())
            column = ApplicationTableModel.STATUS
            if self.table.columnWidth(column) < width + CELL_PADDING:
                self.table.setColumnWidth(column, width + CELL_PADDING)

    def load_in_background(self) -> None:
        """Read every row on a worker, then show them all."""
        context = self.context
        user_id = context.user.id

        def work() -> list[DashboardRow]:
            return context.store.dashboard_rows(user_id)

        def done(rows: list[DashboardRow]) -> None:
            if shiboken6.isValid(self):
                self.show_rows(rows)
                logger.debug("Dashboard shows all %d attempts", len(rows))

        run_in_background(work, done, self._update_failed)

    def schedule_update(self, application_id: int) -> None:
        """Show the current state of one attempt a moment from now."""
        self._pending.add(application_id)
        self._refresh_timer.start()

    def _attempt_created(self, new_id: int, previous_id: int) -> None:
        self.schedule_update(new_id)
        self.schedule_update(previous_id)

    def _update_pending(self) -> None:
        ids, self._pending = sorted(self._pending), set()
        store = self.context.store
        user_id = self.context.user.id

        def work() -> tuple[list[DashboardRow], set[int]]:
            records = (store.application(i) for i in ids)
            rows = [dashboard_row(r) for r in records if r.educator_id == user_id]
            # A submission, or a sync that sent one, changes the set.
            return rows, store.waiting_to_send(user_id)

        run_in_background(work, self._apply_updates, self._update_failed)

    def _apply_updates(self, update: tuple[list[DashboardRow], set[int]]) -> None:
        if not shiboken6.isValid(self):
            return
        rows, waiting = update
        for row in rows:
            self.model.upsert(row)
        self._set_waiting(waiting)

    def _update_failed(self, error: BaseException) -> None:
        logger.warning("The dashboard could not show a change: %s", error)

    # Filter, search, selection ----------------------------------------------

    def _filter_changed(self, _index: int) -> None:
        self.proxy.set_status_filter(self.status_filter.currentData())

    def set_status_filter(self, choice: StatusFilter) -> None:
        self.status_filter.setCurrentIndex(self.status_filter.findData(choice))

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)

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
        self._show_empty_state()

    def _show_summary(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        number = QLocale().toString
        text = self.tr("Attempts: {count}").format(count=number(total))
        if not self._complete:
            text = self.tr("Attempts: loading…")
        elif shown != total:
            text = self.tr("Attempts: {shown} of {count}").format(
                shown=number(shown), count=number(total)
            )
        overdue = self.model.overdue_count()
        if overdue:
            text += " · " + self.tr("Past the decision date: {count}").format(
                count=number(overdue)
            )
        self.summary.setText(text)

    def _show_empty_state(self) -> None:
        self._show_summary()
        if self.proxy.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
            return
        if self.model.rowCount() > 0:
            text = self.tr("No application matches this filter and search.")
        elif self.context.user.role is Role.EDUCATOR:
            text = self.tr(
                "You have no applications yet.\n"
                "Choose “New application…” to start one from the catalog."
            )
        else:
            text = self.tr(
                "You have no applications of your own.\n"
                "The assessment queue, where assessors review submitted"
                " applications, comes in a later version of Insignia."
            )
        self.empty.setText(text)
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
