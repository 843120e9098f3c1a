"""The educator's notifications: decisions on their applications.

A list model of the notifications, newest first, and a small window over it.
Activating one marks it read and opens its application. The assessor is
never named: the records hold no assessor.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.item_models import status_text
from desktop.tasks import run_in_background
from desktop.widgets.common import format_date, muted, plain_label
from model.records import NotificationRecord, pick

logger = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
NotificationRole = Qt.ItemDataRole.UserRole


translate = QCoreApplication.translate


def notification_text(record: NotificationRecord, language: str) -> str:
    """One line saying what happened, without naming who decided."""
    title = pick(record.title, language)
    return (
        translate("notifications", "%1 · attempt %2: %3")
        .replace("%1", title)
        .replace("%2", str(record.attempt))
        .replace("%3", status_text(record.status))
    )


def button_text(unread: int) -> str:
    """The window's notifications button: "Notifications (2)"."""
    if unread <= 0:
        return translate("notifications", "Notifications")
    return translate("notifications", "Notifications (%1)").replace("%1", str(unread))


class NotificationTableModel(QAbstractTableModel):
    """Notifications, newest first; unread ones in bold."""

    STATE, WHAT, CODE, WHEN = range(4)

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[NotificationRecord] = []

    def set_rows(self, rows: Sequence[NotificationRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> NotificationRecord:
        return self._rows[row]

    def unread(self) -> int:
        return sum(1 for r in self._rows if r.unread)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
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
                translate("notifications", "State"),
                translate("notifications", "Decision"),
                translate("notifications", "Code"),
                translate("notifications", "Decided on"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == NotificationRole:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.STATE:
                return (
                    translate("notifications", "New")
                    if record.unread
                    else translate("notifications", "Read")
                )
            if column == self.WHAT:
                return notification_text(record, self.language)
            if column == self.CODE:
                return record.code
            return format_date(record.created_at, self.language)
        if role == Qt.ItemDataRole.FontRole and record.unread:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("notifications", "Open the application and its feedback")
        return None


class NotificationsDialog(QDialog):
    """The list of notifications; ``openRequested`` carries an application id."""

    openRequested = Signal(int)
    # The unread count after a change made here.
    unreadChanged = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationsDialog")
        self.setWindowTitle(self.tr("Notifications"))
        self.context = context
        self.model = NotificationTableModel(context.language, self)

        self.table = QTableView(self)
        self.table.setObjectName("notificationsList")
        self.table.setAccessibleName(self.tr("Notifications"))
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            NotificationTableModel.WHAT, QHeaderView.ResizeMode.Stretch
        )
        self.table.activated.connect(self._activated)

        self.empty = muted(plain_label(self.tr("No notifications yet."), self))
        hint = muted(
            plain_label(
                self.tr("Press Enter or double-click a decision to open it."), self
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.mark_all = QPushButton(self.tr("Mark all as read"), self)
        self.mark_all.setObjectName("markAllReadButton")
        buttons.addButton(self.mark_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.mark_all.clicked.connect(self._mark_all)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(640, 360)
        self.reload()

    def reload(self) -> None:
        """Read the notifications on a worker and show them."""
        store, user_id = self.context.store, self.context.user.id

        def work() -> list[NotificationRecord]:
            from model.assessing import notifications

            return notifications(store, user_id)

        run_in_background(work, self._show, self._failed)

    def _show(self, rows: list[NotificationRecord]) -> None:
        if not shiboken6.isValid(self):
            return
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.mark_all.setEnabled(self.model.unread() > 0)
        if rows:
            self.table.selectRow(0)
        self.unreadChanged.emit(self.model.unread())

    def _failed(self, error: BaseException) -> None:
        logger.warning("Notifications could not be read: %s", error)

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        record: NotificationRecord = index.data(NotificationRole)
        if record.unread:
            from model.assessing import mark_read

            # One small write: done here so the count is right at once.
            mark_read(self.context.store, record.id)
            self.reload()
        self.openRequested.emit(record.application_id)

    def _mark_all(self) -> None:
        from model.assessing import mark_all_read

        mark_all_read(self.context.store, self.context.user.id)
        self.reload()
