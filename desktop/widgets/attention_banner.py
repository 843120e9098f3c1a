"""The "This area may need more attention" banner of a part that failed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from desktop.widgets.common import ATTENTION, Panel, bold, plain_label

ICON_SIZE = 28


class AttentionBanner(Panel):
    """A warning icon, the banner's words and the assessor's feedback beside them.

    Colour is never the only signal: the icon and the heading say it too, and
    the accessible name and description carry the message for screen readers.
    """

    def __init__(self, feedback: str, parent: QWidget | None = None) -> None:
        super().__init__("attentionBanner", parent, tone=ATTENTION, radius=6)
        self.feedback = feedback
        title_text = self.tr("This area may need more attention")

        icon = QLabel(self)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(ICON_SIZE, ICON_SIZE))
        icon.setFixedSize(ICON_SIZE, ICON_SIZE)

        text = QVBoxLayout()
        text.setSpacing(4)
        title = plain_label(title_text, self)
        title.setObjectName("attentionTitle")
        text.addWidget(bold(title))
        if feedback.strip():
            body = plain_label(feedback, self)
            body.setObjectName("attentionFeedback")
            body.setAccessibleName(self.tr("Assessor's feedback"))
            text.addWidget(body)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 12, 14, 12)
        layout.setSpacing(12)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)

        self.setAccessibleName(title_text)
        self.setAccessibleDescription(
            self.tr("Assessor's feedback: %1").replace("%1", feedback)
        )

    def text(self) -> str:
        """Everything the banner says, as one string."""
        labels = self.findChildren(QLabel)
        return "\n".join(label.text() for label in labels if label.text())
