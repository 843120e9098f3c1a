"""The evidence attached to a part: file names and sizes, opened on activation."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QLocale,
    QSize,
    QStandardPaths,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSizePolicy,
    QStyle,
    QWidget,
)

from model.records import AttachmentRecord

if TYPE_CHECKING:
    from model.store import Store

logger = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 6
KILOBYTE = 1024


def size_text(size: int, language: str) -> str:
    """A file's size as ``language`` writes it: "1 byte", "12 bytes", "1.5 MB".

    Qt's own sizes say "1 bytes", so sizes under a kilobyte are plurals of
    their own.
    """
    if size < KILOBYTE:
        return AttachmentList.tr("%n byte(s)", "", size)
    return QLocale(language).formattedDataSize(
        size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


class AttachmentList(QListWidget):
    """A short list of attachments; Enter or a double-click opens one.

    A part holds a handful of files, so the list shows them all without an
    inner scroll bar up to a few rows.
    """

    def __init__(
        self, store: Store, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentList")
        self.setAccessibleName(self.tr("Attachments"))
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._store = store
        self._language = language
        self._attachments: dict[int, AttachmentRecord] = {}
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        # As tall as its rows (sizeHint), however long the page around it.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.itemActivated.connect(self._open)
        self.set_attachments(())

    def set_attachments(self, attachments: Sequence[AttachmentRecord]) -> None:
        self.clear()
        self._attachments = {a.id: a for a in attachments}
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        link_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon)
        for attachment in attachments:
            if attachment.url:
                text = f"{attachment.filename} — {attachment.url}"
                item = QListWidgetItem(link_icon, text)
            else:
                size = size_text(attachment.size, self._language)
                item = QListWidgetItem(file_icon, f"{attachment.filename} — {size}")
            item.setData(ID_ROLE, attachment.id)
            item.setToolTip(self.tr("Double-click to open"))
            self.addItem(item)
        self.setVisible(bool(attachments))
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if len(attachments) > VISIBLE_ROWS
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """Room for every row up to ``VISIBLE_ROWS``, in the current font."""
        rows = max(1, min(self.count(), VISIBLE_ROWS))
        row_height = max(self.sizeHintForRow(0), self.iconSize().height(), 16) + 6
        height = rows * row_height + 2 * self.frameWidth() + 6
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def selected(self) -> AttachmentRecord | None:
        item = self.currentItem()
        if item is None or not item.isSelected():
            return None
        return self._attachments[int(item.data(ID_ROLE))]

    def _open(self, item: QListWidgetItem) -> None:
        attachment = self._attachments[int(item.data(ID_ROLE))]
        if attachment.url:
            url = QUrl(attachment.url)
            if url.scheme() in ("http", "https"):
                self._open_link(url)
            return
        if attachment.sha256:
            path = _named_copy(
                self._store.attachment_path(attachment.sha256), attachment
            )
            self.open_file(path, attachment)

    def open_file(self, path: Path, attachment: AttachmentRecord) -> None:
        """Hand ``path`` to the system's viewer, or say where the file is.

        Without a program for its kind of file (on Linux, "Unable to detect a
        launcher") the file is still there, and the user can open it from
        any program that reads it.
        """
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return
        logger.warning("No program opens %s files", path.suffix or "extensionless")
        text = self.tr(
            "Insignia could not open “%1”: no program on this computer opens"
            " this kind of file. It is stored at %2"
        )
        # In one pass: the path holds the file name, which may hold "%1".
        values = {"%1": attachment.filename, "%2": str(path)}
        text = re.sub("%[12]", lambda found: values[found.group()], text)
        QMessageBox.warning(self, self.tr("Cannot open the file"), text)

    def _open_link(self, url: QUrl) -> None:
        if QDesktopServices.openUrl(url):
            return
        logger.warning("No web browser opened a link")
        QMessageBox.warning(
            self,
            self.tr("Cannot open the link"),
            self.tr(
                "Insignia could not open %1: no web browser is set up on this"
                " computer. Copy the address into a browser to open it."
            ).replace("%1", url.toString()),
        )


def _named_copy(stored: Path, attachment: AttachmentRecord) -> Path:
    """A link to the stored file under its own name, so the system picks the app.

    Stored files are named by their hash, without an extension. The links live
    in the user's own cache folder; where one cannot be made, the stored file
    is opened as it is.
    """
    cache = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.CacheLocation
    )
    if not cache or not attachment.sha256:
        return stored
    link = Path(cache) / "open" / attachment.sha256 / attachment.filename
    try:
        if link.is_symlink() and Path(os.readlink(link)) != stored:
            link.unlink()
        if not link.is_symlink():
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(stored)
        return link
    except OSError as error:
        logger.debug("Opening %s directly: %s", stored, error)
        return stored
