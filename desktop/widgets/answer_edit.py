"""The plain-text editor of an answer, and its live word count.

Answers are plain text kept exactly as typed: a QPlainTextEdit never renders
markup, and it stays quick with a megabyte of text where a QTextEdit or a
word-wrapped QLabel would not.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QTextEdit, QWidget

from model.text import count_words

# Counting words and measuring lines is instant for an ordinary answer; past
# this many characters counting waits until typing pauses and the box simply
# takes its largest height, so a huge answer does not slow every keystroke.
LONG_TEXT_CHARS = 20_000
COUNT_DELAY_MS = 400
PARAGRAPH_SEPARATOR = "\u2029"
# A light background that stays visible when the editor loses focus.
HIGHLIGHT = "#FFE7A3"


class AnswerEdit(QPlainTextEdit):
    """A plain-text editor that grows with its text up to ``max_lines``.

    Its height comes from measuring the wrapped lines at a given width
    (``heightForWidth``), so the page is laid out in one pass; resizing to
    the line count after the editor's own layout made a long page lay itself
    out again for every editor.

    ``edited`` fires when the user changes the text (not when it is loaded),
    ``focusLost`` lets the page save at once when the user moves on, and
    ``wordsChanged`` reports the word count, debounced for long texts.
    """

    edited = Signal()
    focusLost = Signal()
    wordsChanged = Signal(int)

    def __init__(
        self,
        text: str = "",
        *,
        read_only: bool = False,
        min_lines: int = 4,
        max_lines: int = 18,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("answerEditor")
        self._min_lines = min_lines
        self._max_lines = max_lines
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._lines: dict[int, int] = {}
        self._last_width = -1
        self._loading = True
        self.setPlainText(text)
        self._loading = False
        self.saved_text = text
        self.setReadOnly(read_only)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count)
        self.textChanged.connect(self._text_changed)

    def setReadOnly(self, read_only: bool) -> None:
        """Read-only text sits on the window colour, so it does not look editable."""
        super().setReadOnly(read_only)
        palette = self.palette()
        source = self.parentWidget().palette() if self.parentWidget() else palette
        role = QPalette.ColorRole.Window if read_only else QPalette.ColorRole.Base
        palette.setColor(QPalette.ColorRole.Base, source.color(role))
        self.setPalette(palette)

    def set_text(self, text: str) -> None:
        """Replace the text as loaded from the store (so it counts as saved)."""
        self.saved_text = text
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        self.updateGeometry()

    def answer_text(self) -> str:
        """The text exactly as typed.

        ``toPlainText()`` turns no-break spaces into plain ones; the raw text
        keeps them, and only the editor's paragraph marks become newlines.
        """
        return self.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")

    def words(self) -> int:
        return count_words(self.answer_text())

    def highlight(self, start: int, end: int) -> None:
        """Select and highlight ``answer_text()[start:end]``, showing its start.

        The highlight follows the text as it is edited (its cursor moves with
        the document) until ``clear_highlight()``.
        """
        text = self.answer_text()
        last = self.document().characterCount() - 1
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(_utf16_length(text[:end]), last))
        cursor.setPosition(
            min(_utf16_length(text[:start]), last), QTextCursor.MoveMode.KeepAnchor
        )
        marked = QTextEdit.ExtraSelection()
        marked.cursor = QTextCursor(cursor)
        char_format = QTextCharFormat()
        char_format.setBackground(QColor(HIGHLIGHT))
        marked.format = char_format
        self.setExtraSelections([marked])
        self.setTextCursor(cursor)

    def clear_highlight(self) -> None:
        self.setExtraSelections([])

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height_of(self._estimated_lines(width))

    def sizeHint(self) -> QSize:
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(max(self.width(), width)))

    def minimumSizeHint(self) -> QSize:
        width = super().minimumSizeHint().width()
        return QSize(width, self._height_of(self._min_lines))

    def _text_changed(self) -> None:
        width = self._last_width
        before = self._lines.get(width)
        self._lines.clear()
        if not self._loading:
            self.edited.emit()
            # Grow or shrink only when the text gains or loses a line: every
            # geometry change lays the whole page out again.
            if width > 0 and self._estimated_lines(width) != before:
                self.updateGeometry()
        if self.document().characterCount() < LONG_TEXT_CHARS:
            self._count()
        else:
            self._count_timer.start()

    def _count(self) -> None:
        self.wordsChanged.emit(self.words())

    def _estimated_lines(self, width: int) -> int:
        self._last_width = width
        cached = self._lines.get(width)
        if cached is not None:
            return cached
        if self.document().characterCount() >= LONG_TEXT_CHARS:
            lines = self._max_lines
        else:
            chrome = 2 * (self.frameWidth() + int(self.document().documentMargin()))
            lines = self._wrapped_lines(self.answer_text(), width - chrome)
            if lines > self._max_lines:
                lines = self._max_lines
        lines = max(self._min_lines, lines)
        self._lines[width] = lines
        return lines

    def _wrapped_lines(self, text: str, width: int) -> int:
        """Lines ``text`` takes at ``width``, wrapped as the editor wraps it."""
        option = QTextOption()
        option.setWrapMode(self.wordWrapMode())
        lines = 0
        for paragraph in text.split("\n"):
            layout = QTextLayout(paragraph, self.font())
            layout.setTextOption(option)
            layout.beginLayout()
            count = 0
            while (line := layout.createLine()).isValid():
                line.setLineWidth(max(1, width))
                count += 1
            layout.endLayout()
            lines += max(1, count)
            if lines > self._max_lines:
                break
        return lines

    def _height_of(self, lines: int) -> int:
        margins = self.contentsMargins()
        return (
            lines * self.fontMetrics().lineSpacing()
            + 2 * int(self.document().documentMargin())
            + 2 * self.frameWidth()
            + margins.top()
            + margins.bottom()
            + 2
        )


class WordCountLabel(QLabel):
    """The live count under an answer, such as "143 / 300 words".

    Past the maximum it turns red and starts with a warning sign; under the
    minimum it says how many words are expected.
    """

    COLOURS = {"over": "#B3261E", "under": "#8A5A00"}

    def __init__(
        self, min_words: int, max_words: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wordCount")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.min_words = min_words
        self.max_words = max_words
        self.words = 0
        self.state = "ok"
        self._palette = self.palette()

    def set_words(self, words: int) -> None:
        self.words = words
        limit = self.max_words or 0
        state = "ok"
        if limit and words > limit:
            text = self.tr("⚠ %1 / %2 words: over the limit")
            state = "over"
        elif 0 < words < self.min_words:
            text = self.tr("%1 / %2 words: at least %3 expected")
            state = "under"
        elif limit:
            text = self.tr("%1 / %2 words")
        else:
            text = self.tr("Words: %1")
        text = text.replace("%1", str(words)).replace("%2", str(limit))
        self.setText(text.replace("%3", str(self.min_words)))
        self.setAccessibleName(self.text())
        if state != self.state:
            self.state = state
            palette = QPalette(self._palette)
            if state in self.COLOURS:
                colour = QColor(self.COLOURS[state])
                palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)
            font = self.font()
            font.setBold(state == "over")
            self.setFont(font)


def _utf16_length(text: str) -> int:
    """Python counts code points; Qt's document positions count UTF-16 units."""
    return len(text.encode("utf-16-le")) // 2
