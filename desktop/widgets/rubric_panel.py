"""The rubric criteria of a part, in a panel that folds away."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.common import ButtonLabel, bold, plain_label


class RubricPanel(QFrame):
    """A toggle over the criteria, one per line.

    The criteria are built the first time the panel opens: most parts are
    read with their rubric folded, and a page opens faster without them.
    """

    def __init__(
        self,
        criteria: Sequence[str],
        *,
        expanded: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rubricPanel")
        self.criteria = tuple(criteria)
        self.body: QWidget | None = None

        self.toggle = QToolButton(self)
        self.toggle.setObjectName("rubricToggle")
        self.toggle.setAutoRaise(True)
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        # The words sit beside the arrow and wrap: a large font never cuts them.
        title = ButtonLabel(
            self.tr("Rubric: what a passing answer does"), self.toggle, self
        )
        title.setCursor(Qt.CursorShape.PointingHandCursor)
        bold(title)
        self._expanded = False

        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(title, 1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addLayout(row)
        self.toggle.clicked.connect(lambda: self.set_expanded(not self._expanded))
        self.set_expanded(expanded)

    def is_expanded(self) -> bool:
        return self._expanded

    def set_expanded(self, expanded: bool) -> None:
        self._expanded = expanded
        self.toggle.setAccessibleDescription(
            self.tr("Expanded") if expanded else self.tr("Collapsed")
        )
        self.toggle.setArrowType(
            Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        )
        if expanded and self.body is None:
            self.body = self._build_body()
            self._layout.addWidget(self.body)
        if self.body is not None:
            self.body.setVisible(expanded)

    def _build_body(self) -> QWidget:
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(8, 2, 4, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        for row, text in enumerate(self.criteria):
            grid.addWidget(QLabel("•", body), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(plain_label(text, body), row, 1)
        grid.setColumnStretch(1, 1)
        return body
