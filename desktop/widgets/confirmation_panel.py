"""The three confirmations an educator gives before submitting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop.widgets.common import ButtonLabel, Panel, heading, muted, plain_label
from model.records import ApplicationRecord


class ConfirmationPanel(Panel):
    """Ready for assessment, disclosure, own work; ``toggled`` names the field."""

    toggled = Signal(str, bool)

    def __init__(
        self, record: ApplicationRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__("confirmationPanel", parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(heading(self.tr("Before you submit"), 2, self))
        hint = self.tr(
            "Check that you answered every question and addressed all the "
            "feedback, then confirm:"
        )
        layout.addWidget(muted(plain_label(hint, self)))

        self.boxes: dict[str, QCheckBox] = {}
        for name, object_name, text, value in (
            (
                "confirm_ready",
                "confirmReady",
                self.tr("This application is &ready for assessment"),
                record.confirm_ready,
            ),
            (
                "confirm_disclosure",
                "confirmDisclosure",
                self.tr(
                    "I have &permission to share this evidence, and I removed "
                    "students' names and faces"
                ),
                record.confirm_disclosure,
            ),
            (
                "confirm_own_work",
                "confirmOwnWork",
                self.tr("This is my &own work"),
                record.confirm_own_work,
            ),
        ):
            box = QCheckBox(self)
            box.setObjectName(object_name)
            box.setChecked(value)
            box.toggled.connect(lambda on, name=name: self.toggled.emit(name, on))
            row = QHBoxLayout()
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            # The words wrap beside the box, so they stay whole at any size.
            row.addWidget(ButtonLabel(text, box, self), 1)
            layout.addLayout(row)
            self.boxes[name] = box
