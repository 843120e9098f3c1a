"""Small shared pieces of the application screens: labels, panels and dates.

Every text a user typed or a catalog holds is shown as plain text, never as
markup, so "<b>" in an answer stays "<b>" on screen.

Panels paint themselves and labels take their colours from palettes instead
of a style sheet: a style sheet over a whole page made opening it three times
slower. Every state shown in colour also has words or an icon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QPushButton, QWidget

from desktop.keyboard import without_mnemonic

_DATE_FORMATS = {"es": "d MMM yyyy"}
_DEFAULT_DATE_FORMAT = "MMM d, yyyy"
_HEADING_SCALE = {1: 1.6, 2: 1.25, 3: 1.05}
RADIUS = 8.0

PRIMARY_BUTTON_STYLE = """
QPushButton {
    background: #1F6FEB; color: white; border: 1px solid #1A5FD0;
    border-radius: 6px; padding: 7px 20px; font-weight: 600;
}
QPushButton:hover { background: #1A5FD0; }
QPushButton:focus { border: 2px solid #0B3D91; }
QPushButton:disabled { background: #8FB4F2; border-color: #8FB4F2; }
"""


@dataclass(frozen=True)
class Tone:
    """The colours of a coloured panel; its text is always dark enough to read."""

    fill: str
    border: str
    text: str
    accent: str | None = None


INFO = Tone("#E8F1FB", "#9DBFE6", "#10243E")
ATTENTION = Tone("#FFF4D6", "#D99A00", "#3D2E00", accent="#D99A00")
SUCCESS = Tone("#EAF6EC", "#8CC79A", "#173D20")
STATUS_TONES = {
    "draft": Tone("#E7E9EC", "#E7E9EC", "#2B3138"),
    "submitted": Tone("#E5EEFB", "#E5EEFB", "#1C4A8A"),
    "in_review": Tone("#E5EEFB", "#E5EEFB", "#1C4A8A"),
    "approved": Tone("#E2F4E6", "#E2F4E6", "#1D5E2C"),
    "denied": Tone("#FBE3E1", "#FBE3E1", "#8A1C12"),
}


def format_date(value: date | datetime | None, language: str) -> str:
    """A date as people read it in ``language``; an em dash when there is none."""
    if value is None:
        return "—"
    pattern = _DATE_FORMATS.get(language, _DEFAULT_DATE_FORMAT)
    return QLocale(language).toString(
        QDate(value.year, value.month, value.day), pattern
    )


def plain_label(
    text: str, parent: QWidget | None = None, *, wrap: bool = True
) -> QLabel:
    """A label that shows ``text`` literally and can be selected.

    Wrap only texts that may run long: a wrapping label costs about three
    times as much to lay out as one that does not.
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def heading(
    text: str, level: int, parent: QWidget | None = None, *, wrap: bool = False
) -> QLabel:
    """A bold plain-text label, larger for lower levels (1 is the page title)."""
    label = plain_label(text, parent, wrap=wrap)
    bold(label, QFont.Weight.Bold if level == 1 else QFont.Weight.DemiBold)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * _HEADING_SCALE.get(level, 1.0))
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def bold(widget: QWidget, weight: QFont.Weight = QFont.Weight.DemiBold) -> QWidget:
    font = widget.font()
    font.setWeight(weight)
    widget.setFont(font)
    return widget


def muted(label: QLabel) -> QLabel:
    """Secondary text: the text colour halfway towards the background."""
    palette = label.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    grey = QColor(
        (2 * text.red() + back.red()) // 3,
        (2 * text.green() + back.green()) // 3,
        (2 * text.blue() + back.blue()) // 3,
    )
    palette.setColor(QPalette.ColorRole.WindowText, grey)
    label.setPalette(palette)
    return label


def coloured(label: QLabel, colour: str) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    return label


def primary(button: QPushButton) -> QPushButton:
    """The one prominent action of a screen (Reapply, Submit Application)."""
    button.setStyleSheet(PRIMARY_BUTTON_STYLE)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class Panel(QFrame):
    """A rounded panel that paints itself: a card, or a coloured ``tone``."""

    def __init__(
        self,
        object_name: str,
        parent: QWidget | None = None,
        *,
        tone: Tone | None = None,
        radius: float = RADIUS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.tone = tone
        self.radius = radius
        if tone is not None:
            palette = self.palette()
            for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
                palette.setColor(role, QColor(tone.text))
            self.setPalette(palette)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        if self.tone is None:
            fill = self.palette().color(QPalette.ColorRole.Base)
            border = self.palette().color(QPalette.ColorRole.Midlight)
        else:
            fill, border = QColor(self.tone.fill), QColor(self.tone.border)
        painter.setPen(QPen(border, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, self.radius, self.radius)
        if self.tone is not None and self.tone.accent:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.tone.accent))
            bar = QRectF(rect.left(), rect.top(), 6, rect.height())
            painter.drawRoundedRect(bar, 3, 3)


def status_chip(text: str, status: str, parent: QWidget | None = None) -> QLabel:
    """The status of an attempt in words, on a small coloured pill."""
    tone = STATUS_TONES.get(status, STATUS_TONES["draft"])
    chip = plain_label(text, parent, wrap=False)
    chip.setObjectName("statusChip")
    chip.setStyleSheet(
        f"QLabel {{ background: {tone.fill}; color: {tone.text}; "
        "border-radius: 9px; padding: 2px 10px; font-weight: 600; }"
    )
    return chip


class ButtonLabel(QLabel):
    """The words of a check box or toggle, beside it, wrapping at any font size.

    A button's own text never wraps, and at a large font a long one would be
    cut off. A click on the words clicks the button; their mnemonic focuses it.
    The button keeps the words as its accessible name.
    """

    def __init__(self, text: str, button: QAbstractButton, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setBuddy(button)
        self._button = button
        button.setAccessibleName(without_mnemonic(text))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton and self._button.isEnabled():
            self._button.click()
        super().mouseReleaseEvent(event)
