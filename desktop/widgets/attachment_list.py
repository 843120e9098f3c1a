"""The evidence attached to a part: file names and sizes, opened on activation."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from model.records import AttachmentRecord

if TYPE_CHECKING:
    from model.store import Store

logger = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 6


class AttachmentList(QListWidget):
    """A short list of attachments; Enter or a double-click opens one.

    A part holds a handful of files, so the list shows them all without an
    inner scroll bar up to a few rows.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentList")
        self.setAccessibleName(self.tr("Attachments"))
        self._store = store
        self._attachments: dict[int, AttachmentRecord] = {}
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        self.itemActivated.connect(self._open)
        self.set_attachments(())

    def set_attachments(self, attachments: Sequence[AttachmentRecord]) -> None:
        self.clear()
        self._attachments = {a.id: a for a in attachments}
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        link_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon)
        locale = QLocale()
        for attachment in attachments:
            if attachment.url:
                text = f"{attachment.filename} — {attachment.url}"
                item = QListWidgetItem(link_icon, text)
            else:
                size = locale.formattedDataSize(
                    attachment.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
                )
                item = QListWidgetItem(file_icon, f"{attachment.filename} — {size}")
            item.setData(ID_ROLE, attachment.id)
            item.setToolTip(self.tr("Double-click to open"))
            self.addItem(item)
        self.setVisible(bool(attachments))
        rows = max(1, min(len(attachments), VISIBLE_ROWS))
        row_height = max(self.sizeHintForRow(0), self.iconSize().height(), 16) + 6
        self.setFixedHeight(rows * row_height + 2 * self.frameWidth() + 6)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if len(attachments) > VISIBLE_ROWS
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )

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
                QDesktopServices.openUrl(url)
            return
        if attachment.sha256:
            path = _named_copy(
                self._store.attachment_path(attachment.sha256), attachment
            )
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


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
