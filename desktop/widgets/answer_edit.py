"""The plain-text editor of an answer, and its live word count.

Answers are plain text kept exactly as typed: a QPlainTextEdit never renders
markup, and it stays quick with a megabyte of text where a QTextEdit or a
word-wrapped QLabel would not.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QTextEdit, QWidget

from model.text import count_words

logger = logging.getLogger(__name__)

# Past this many characters the count waits until typing pauses (a paragraph
# of a megabyte takes a while to count again), and a box not yet laid out
# takes its largest height without measuring: no width shows it in fewer lines.
LONG_TEXT_CHARS = 20_000
COUNT_DELAY_MS = 250
PARAGRAPH_SEPARATOR = "\u2029"
# A light background that stays visible when the editor loses focus.
HIGHLIGHT = "#FFE7A3"
# A revealed passage stays marked this long, unless an edit clears it first.
HIGHLIGHT_MS = 4000
UNCOUNTED = -1


class AnswerEdit(QPlainTextEdit):
    """A plain-text editor that grows with its text up to ``max_lines``.

    Its height (``heightForWidth``) is the line count of the editor's own
    text layout once it is laid out at that width; before then, the first
    lines are measured at the width asked, so a page is laid out in one pass
    instead of once more for every editor. Either way only the first
    ``max_lines`` lines are looked at, so a keystroke in a long answer costs
    the same as in a short one.

    Tab moves on to the next control, as in a form on the web, so the
    keyboard never gets stuck in an answer; a tab character can be pasted.

    ``edited`` fires when the user changes the text (not when it is loaded),
    ``focusLost`` lets the page save at once when the user moves on, and
    ``wordsChanged`` reports the word count, debounced for long texts.

    A single paragraph of hundreds of thousands of characters (a megabyte
    pasted without line breaks) is still slow to type in: Qt lays out a whole
    paragraph again on every keystroke, about half a second for a megabyte.
    Text with line breaks is laid out paragraph by paragraph and is not.
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
        self._loading = True
        self.setPlainText(text)
        self._loading = False
        self.saved_text = text
        self.setReadOnly(read_only)
        self._tally = WordTally(self.document())

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count)
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(HIGHLIGHT_MS)
        self._highlight_timer.timeout.connect(self.clear_highlight)
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
        """The number of words, counting only the paragraphs changed since."""
        return self._tally.count()

    def highlight(self, start: int, end: int) -> None:
        """Mark ``answer_text()[start:end]`` and put the cursor at its start.

        Nothing is selected, so the next keystroke adds to the answer instead
        of replacing the passage (a finding may be about all of it). The mark
        goes at the next edit, or after ``HIGHLIGHT_MS``.
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
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self._highlight_timer.start()

    def clear_highlight(self) -> None:
        self._highlight_timer.stop()
        if self.extraSelections():
            self.setExtraSelections([])

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height_of(self._lines_at(width))

    def sizeHint(self) -> QSize:
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(max(self.width(), width)))

    def minimumSizeHint(self) -> QSize:
        width = super().minimumSizeHint().width()
        return QSize(width, self._height_of(self._min_lines))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Laid out at its new width: its own line count replaces the estimate.
        self._refit()

    def _text_changed(self) -> None:
        self.clear_highlight()
        if not self._loading:
            self.edited.emit()
        self._refit()
        if self.document().characterCount() < LONG_TEXT_CHARS:
            self._count()
        else:
            self._count_timer.start()

    def _count(self) -> None:
        self.wordsChanged.emit(self.words())

    def _refit(self) -> None:
        """Ask for a new height only when the text gains or loses a shown line.

        Every geometry change lays the whole page out again.
        """
        width = self.width()
        before = self._lines.get(width)
        self._lines.clear()
        if self._lines_at(width) != before:
            self.updateGeometry()

    def _lines_at(self, width: int) -> int:
        """Lines the box shows at ``width``: the text's, within the limits."""
        lines = self._lines.get(width)
        if lines is None:
            if self._laid_out_at(width):
                lines = self._laid_out_lines()
            elif self.document().characterCount() >= LONG_TEXT_CHARS:
                lines = self._max_lines
            else:
                lines = self._measured_lines(width)
            lines = max(self._min_lines, min(lines, self._max_lines))
            self._lines[width] = lines
        return lines

    def _laid_out_at(self, width: int) -> bool:
        """The editor's own layout wraps the text at ``width`` now.

        A shown editor has had its resize events, each of which lays the text
        out again at the new width; a hidden one may have them pending.
        """
        return width == self.width() and self.isVisible()

    def _laid_out_lines(self) -> int:
        """The first lines of the editor's own layout, up to one past the most.

        Qt lays out the paragraphs it shows; a paragraph it has not laid out
        since the width changed is laid out here, as showing it would.
        """
        layout = self.document().documentLayout()
        lines = 0
        block = self.document().firstBlock()
        while block.isValid() and lines <= self._max_lines:
            layout.blockBoundingRect(block)
            lines += block.lineCount()
            block = block.next()
        return lines

    def _measured_lines(self, width: int) -> int:
        """The first lines the text takes at ``width``, wrapped as the editor wraps.

        Only for a width the editor is not laid out at yet (as the page is
        first laid out), and only for a text under ``LONG_TEXT_CHARS``.
        """
        chrome = 2 * (self.frameWidth() + int(self.document().documentMargin()))
        option = QTextOption()
        option.setWrapMode(self.wordWrapMode())
        lines = 0
        block = self.document().firstBlock()
        while block.isValid() and lines <= self._max_lines:
            text_layout = QTextLayout(block.text(), self.font())
            text_layout.setTextOption(option)
            text_layout.beginLayout()
            count = 0
            while (
                count <= self._max_lines
                and (line := text_layout.createLine()).isValid()
            ):
                line.setLineWidth(max(1, width - chrome))
                count += 1
            text_layout.endLayout()
            lines += max(1, count)
            block = block.next()
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


class WordTally(QObject):
    """The word count of a document, kept paragraph by paragraph.

    Each paragraph (a ``QTextBlock``) has its own count, and an edit marks
    only the paragraphs it replaced as uncounted, so counting after a
    keystroke in a megabyte reads one paragraph, not the megabyte. Words
    never span paragraphs, so the counts add up to ``count_words`` of the
    whole text.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._document = document
        # One count per block, in order, or UNCOUNTED.
        self._counts = [UNCOUNTED] * document.blockCount()
        self._total = 0
        document.contentsChange.connect(self._changed)

    def count(self) -> int:
        counts = self._counts
        number = _index(counts, UNCOUNTED, 0)
        while number >= 0:
            block = self._document.findBlockByNumber(number)
            while number < len(counts) and counts[number] == UNCOUNTED:
                counts[number] = count_words(block.text())
                self._total += counts[number]
                number += 1
                block = block.next()
            number = _index(counts, UNCOUNTED, number)
        return self._total

    def _changed(self, position: int, _removed: int, added: int) -> None:
        """Replace the counts of the blocks an edit replaced with uncounted ones.

        The blocks before ``position`` are untouched, and so are those after
        the change; the difference in the number of blocks says how many the
        change replaced.
        """
        document = self._document
        blocks = document.blockCount()
        first = max(0, document.findBlock(position).blockNumber())
        end = document.findBlock(position + added)
        new = (end.blockNumber() if end.isValid() else blocks - 1) - first + 1
        old = new + len(self._counts) - blocks
        if old < 0 or first + old > len(self._counts):
            logger.debug("Counting every paragraph again after an odd change")
            self._counts, self._total = [UNCOUNTED] * blocks, 0
            return
        replaced = self._counts[first : first + old]
        self._total -= sum(c for c in replaced if c != UNCOUNTED)
        self._counts[first : first + old] = [UNCOUNTED] * new


def _index(items: list[int], value: int, start: int) -> int:
    """Where ``value`` first is in ``items`` from ``start`` on, or -1."""
    try:
        return items.index(value, start)
    except ValueError:
        return -1


def _utf16_length(text: str) -> int:
    """Python counts code points; Qt's document positions count UTF-16 units."""
    return len(text.encode("utf-16-le")) // 2
