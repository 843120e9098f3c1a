"""The catalog: choose a micro-credential and start an application for it."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from model.records import CredentialRecord, pick

logger = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ObjectRole = Qt.ItemDataRole.UserRole


class CredentialListModel(QAbstractListModel):
    """The micro-credentials of the catalog, by title in the interface language."""

    def __init__(
        self,
        credentials: Sequence[CredentialRecord],
        language: str,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self._credentials = sorted(
            credentials, key=lambda c: pick(c.title, language).casefold()
        )

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._credentials)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        credential = self._credentials[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return pick(credential.title, self.language)
        if role == ObjectRole:
            return credential
        return None

    def credential(self, row: int) -> CredentialRecord:
        return self._credentials[row]


def _plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    # Catalog texts are shown as written, never interpreted as markup.
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class CatalogView(QWidget):
    """The list of micro-credentials and what the selected one asks for."""

    applicationStarted = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = CredentialListModel(
            context.store.credentials(), context.language, self
        )

        self.list = QListView(self)
        self.list.setObjectName("catalogList")
        self.list.setAccessibleName(self.tr("Micro-credentials"))
        self.list.setTabKeyNavigation(False)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setMinimumWidth(320)
        self.list.setMaximumWidth(380)
        self.list.selectionModel().currentChanged.connect(self._show_current)
        self.list.doubleClicked.connect(self.start_application)

        self.title = _plain_label(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.competency = _plain_label(self)
        self.method = _plain_label(self)
        self.parts = _plain_label(self)

        self.start_button = QPushButton(self.tr("Start application"), self)
        self.start_button.setObjectName("startApplicationButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_application)

        self._layout()
        if self.model.rowCount():
            self.list.selectionModel().setCurrentIndex(
                self.model.index(0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
        else:
            self.title.setText(
                self.tr(
                    "The catalog is empty. Import one with"
                    " “insignia import-catalog FILE”."
                )
            )
            self.start_button.setEnabled(False)

    def _layout(self) -> None:
        details = QWidget(self)
        column = QVBoxLayout(details)
        column.addWidget(self.title)
        for heading, label in (
            (self.tr("Competency"), self.competency),
            (self.tr("Key method"), self.method),
            (self.tr("Parts"), self.parts),
        ):
            box = QGroupBox(heading, details)
            QVBoxLayout(box).addWidget(label)
            column.addWidget(box)
        column.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidget(details)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)

    def current(self) -> CredentialRecord | None:
        index = self.list.currentIndex()
        return self.model.credential(index.row()) if index.isValid() else None

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        credential = self.model.credential(current.row())
        text = self.context.text
        self.title.setText(text(credential.title))
        self.competency.setText(text(credential.competency))
        self.method.setText(text(credential.key_method))
        # Part titles carry their own numbers ("Part 1: Overview questions").
        self.parts.setText("\n".join("•  " + text(p.title) for p in credential.parts))

    def start_application(self) -> None:
        """Start a draft of the selected micro-credential and announce it."""
        credential = self.current()
        if credential is None:
            return
        application_id = self.context.store.start_application(
            self.context.user.id, credential.id
        )
        self.context.changes.applicationChanged.emit(application_id)
        self.applicationStarted.emit(application_id)


class CatalogDialog(QDialog):
    """The catalog in its own window; closes once an application is started."""

    applicationStarted = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogDialog")
        self.setWindowTitle(self.tr("New application"))
        self.view = CatalogView(context, self)
        self.view.applicationStarted.connect(self._started)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(980, 600)

    def _started(self, application_id: int) -> None:
        self.applicationStarted.emit(application_id)
        self.accept()
