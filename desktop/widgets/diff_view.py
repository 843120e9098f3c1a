"""A word-level "changes since the last attempt" view of one answer.

The document is built with a text cursor and character formats, never from
HTML: the answer is the educator's text and must show literally, "<b>"
included. Added words are underlined on green and removed words struck
through on red, so colour is never the only sign of a change.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from model.diff import Change, DiffSegment

INSERTED = ("#14532D", "#DCF3E3")
DELETED = ("#8A1C12", "#FBE3E1")
# Past this many characters the view takes its largest height without laying
# out a copy of the text first: measuring a 20,000-word answer would cost more
# than building it.
MEASURE_CHARS = 8_000


def change_format(kind: Change) -> QTextCharFormat:
    """How a segment of ``kind`` looks: plain, underlined green, struck red."""
    text_format = QTextCharFormat()
    if kind is Change.INSERT:
        text_format.setFontUnderline(True)
        text_format.setForeground(QColor(INSERTED[0]))
        text_format.setBackground(QColor(INSERTED[1]))
    elif kind is Change.DELETE:
        text_format.setFontStrikeOut(True)
        text_format.setForeground(QColor(DELETED[0]))
        text_format.setBackground(QColor(DELETED[1]))
    return text_format


def word_counts(segments: Sequence[DiffSegment]) -> tuple[int, int]:
    """Words added and words removed."""
    added = sum(len(s.text.split()) for s in segments if s.kind is Change.INSERT)
    removed = sum(len(s.text.split()) for s in segments if s.kind is Change.DELETE)
    return added, removed


class DiffView(QPlainTextEdit):
    """Read-only text of an answer with its insertions and deletions marked.

    It grows with its text from ``min_lines`` up to ``max_lines`` and scrolls
    inside beyond that. A plain-text editor still shows character formats, and
    it lays out only what it paints: a QTextEdit laid out all of a
    20,000-word answer when given it, eight times slower.
    """

    def __init__(
        self,
        segments: Sequence[DiffSegment] = (),
        *,
        min_lines: int = 2,
        max_lines: int = 16,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diffView")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(self.tr("Changes since the last attempt"))
        self._min_lines = min_lines
        self._max_lines = max_lines
        self._formats = {kind: change_format(kind) for kind in Change}
        self._heights: dict[int, int] = {}
        self.added = 0
        self.removed = 0
        self.set_segments(segments)

    def set_segments(self, segments: Sequence[DiffSegment]) -> None:
        """Show ``segments`` (from ``model.diff.word_diff``) in place of the text."""
        document = QTextDocument(self)
        document.setDocumentLayout(QPlainTextDocumentLayout(document))
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self.font())
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        formats = self._formats
        for kind, text in segments:
            cursor.insertText(text, formats[kind])
        cursor.endEditBlock()
        # The editor deletes the document it replaces when it is its parent.
        self.setDocument(document)

        self._heights.clear()
        self.added, self.removed = word_counts(segments)
        self.setAccessibleDescription(
            self.tr("%n word(s) added", "", self.added)
            + ", "
            + self.tr("%n word(s) removed", "", self.removed)
        )
        self.updateGeometry()

    def plain_text(self) -> str:
        """Every character shown, removed ones included."""
        return self.document().toRawText().replace("\u2029", "\n")

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        cached = self._heights.get(width)
        if cached is None:
            cached = self._heights[width] = self._height_at(width)
        return cached

    def sizeHint(self) -> QSize:
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(max(self.width(), width)))

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        return QSize(super().minimumSizeHint().width(), self._chrome() + line)

    def _chrome(self) -> int:
        margin = int(self.document().documentMargin())
        return 2 * self.frameWidth() + 2 * margin + 2

    def _height_at(self, width: int) -> int:
        line = self.fontMetrics().lineSpacing()
        document = self.document()
        if document.characterCount() > MEASURE_CHARS:
            lines = self._max_lines
        else:
            # A copy, so the shown document keeps the width the view gives it.
            copy = document.clone()
            copy.setTextWidth(max(1, width - self._chrome()))
            height = copy.size().height() - 2 * copy.documentMargin()
            lines = max(1, round(height / line))
        lines = min(self._max_lines, max(self._min_lines, lines))
        return lines * line + self._chrome()
