"""What syncing left for the owner of an application to see or decide.

A text changed here and on another device shows the other version below the
editor, until the owner keeps one of the two; a submission still on this
computer, and a change the server would not take, each get a banner at the
top of the page. Every text from the server or another device is shown as
plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import missing_item_text
from desktop.keyboard import chain
from desktop.widgets.answer_edit import AnswerEdit
from desktop.widgets.common import ATTENTION, INFO, Panel, Tone, bold, plain_label
from model.records import (
    ConflictRecord,
    CredentialRecord,
    RefusalRecord,
    SyncNotes,
)

ICON_SIZE = 24
# Unlike the assessor's "needs more attention": this one asks for a choice.
CONFLICT = Tone("#F1EBFA", "#8E6CC8", "#2B1B47", accent="#7A52C7")
# The server's reason when a submission went back to draft behind a conflict.
CONFLICT_REASON = "conflict"
# ``OperationKind.SUBMIT`` of model.sync_protocol, which would import pydantic.
SUBMIT_KIND = "submit"


def _icon(parent: QWidget, pixmap: QStyle.StandardPixmap) -> QLabel:
    icon = QLabel(parent)
    image = parent.style().standardIcon(pixmap)
    icon.setPixmap(image.pixmap(ICON_SIZE, ICON_SIZE))
    icon.setFixedSize(ICON_SIZE, ICON_SIZE)
    return icon


class ConflictPanel(Panel):
    """The other device's version of a text, and the choice of which one stays.

    ``chosen`` carries the text's field and True for "Keep mine", False for
    "Use this version".
    """

    chosen = Signal(str, bool)

    def __init__(self, conflict: ConflictRecord, parent: QWidget | None = None) -> None:
        super().__init__("conflictPanel", parent, tone=CONFLICT, radius=6)
        self.field = conflict.field
        title_text = self.tr("Changed on another device")
        help_text = self.tr(
            "This text was also changed on another device, and the server keeps "
            "that version, below. Your text stays above until you choose."
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 14, 12)
        layout.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(
            _icon(self, QStyle.StandardPixmap.SP_MessageBoxWarning),
            0,
            Qt.AlignmentFlag.AlignTop,
        )
        title = bold(plain_label(title_text, self))
        title.setObjectName("conflictTitle")
        row.addWidget(title, 1)
        layout.addLayout(row)
        layout.addWidget(plain_label(help_text, self))

        self.theirs = AnswerEdit(
            conflict.theirs, read_only=True, min_lines=2, max_lines=10, parent=self
        )
        self.theirs.setObjectName("otherDeviceText")
        self.theirs.setAccessibleName(self.tr("The other device's version"))
        layout.addWidget(self.theirs)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.use_theirs = QPushButton(self.tr("Use this version"), self)
        self.use_theirs.setObjectName("useTheirsButton")
        self.use_theirs.setAccessibleDescription(
            self.tr("Replace your text with the other device's version")
        )
        self.use_theirs.clicked.connect(lambda: self.chosen.emit(self.field, False))
        self.keep_mine = QPushButton(self.tr("Keep mine"), self)
        self.keep_mine.setObjectName("keepMineButton")
        self.keep_mine.setAccessibleDescription(
            self.tr("Keep your text; it replaces the other version on the server")
        )
        self.keep_mine.clicked.connect(lambda: self.chosen.emit(self.field, True))
        buttons.addWidget(self.use_theirs)
        buttons.addWidget(self.keep_mine)
        layout.addLayout(buttons)

        self.setAccessibleName(title_text)
        self.setAccessibleDescription(help_text)

    def show_theirs(self, text: str) -> None:
        """The other version again, when a later sync brought a newer one."""
        if text != self.theirs.saved_text:
            self.theirs.set_text(text)


def place_conflict(
    panel: ConflictPanel | None,
    conflict: ConflictRecord | None,
    editor: QWidget,
    chosen: SignalInstance,
    *,
    after: QWidget | None = None,
) -> ConflictPanel | None:
    """Show ``conflict`` in a panel below ``editor``; remove it once resolved.

    The panel goes right after ``after`` (the editor's word count, say;
    the editor itself by default) in their parent's box layout, and Tab
    reaches it right after the editor. ``chosen`` relays the panel's
    choice. Returns the panel now shown, if any.
    """
    after = after or editor
    parent = after.parentWidget()
    assert parent is not None
    layout = parent.layout()
    assert isinstance(layout, QBoxLayout)
    if conflict is None:
        if panel is not None:
            layout.removeWidget(panel)
            panel.hide()
            # Later: the panel's own button may be calling this.
            panel.deleteLater()
        return None
    if panel is not None:
        panel.show_theirs(conflict.theirs)
        return panel
    panel = ConflictPanel(conflict, parent)
    panel.chosen.connect(chosen)
    layout.insertWidget(layout.indexOf(after) + 1, panel)
    # A widget added to a page already shown waits for an explicit show.
    panel.show()
    chain((editor, panel.theirs, panel.use_theirs, panel.keep_mine))
    return panel


class WaitingToSendBanner(Panel):
    """A submission made on this computer that the server has not received yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("waitingToSendBanner", parent, tone=INFO, radius=6)
        title_text = self.tr("Submitted on this computer — waiting to send.")
        body_text = self.tr("It goes to the server as soon as Insignia can reach it.")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 14, 10)
        layout.setSpacing(12)
        layout.addWidget(
            _icon(self, QStyle.StandardPixmap.SP_MessageBoxInformation),
            0,
            Qt.AlignmentFlag.AlignTop,
        )
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(bold(plain_label(title_text, self)))
        text.addWidget(plain_label(body_text, self))
        layout.addLayout(text, 1)
        self.setAccessibleName(title_text)
        self.setAccessibleDescription(body_text)

    def text(self) -> str:
        """Everything the banner says, as one string."""
        labels = self.findChildren(QLabel)
        return "\n".join(label.text() for label in labels if label.text())


class SyncRefusalBanner(Panel):
    """What the server would not take, in words, with a Dismiss button.

    The draft itself is untouched: a refused submission is a draft again.
    """

    dismissRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("syncRefusalBanner", parent, tone=ATTENTION, radius=6)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 12, 14, 12)
        layout.setSpacing(12)
        layout.addWidget(
            _icon(self, QStyle.StandardPixmap.SP_MessageBoxWarning),
            0,
            Qt.AlignmentFlag.AlignTop,
        )
        self.message = plain_label("", self)
        self.message.setObjectName("syncRefusalText")
        layout.addWidget(self.message, 1)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setObjectName("dismissRefusalsButton")
        self.dismiss_button.setAccessibleDescription(
            self.tr("Hide this message; the draft stays as it is")
        )
        self.dismiss_button.clicked.connect(self.dismissRequested)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(self.tr("Not accepted by the server"))

    def show_refusals(
        self,
        refusals: Sequence[RefusalRecord],
        credential: CredentialRecord,
        language: str,
    ) -> None:
        text = "\n\n".join(
            self._refusal_text(refusal, credential, language) for refusal in refusals
        )
        self.message.setText(text)
        self.setAccessibleDescription(text)

    def text(self) -> str:
        return self.message.text()

    def _refusal_text(
        self, refusal: RefusalRecord, credential: CredentialRecord, language: str
    ) -> str:
        if refusal.reason == CONFLICT_REASON:
            return self.tr(
                "Not sent: an answer was also changed on another device. Choose "
                "which text to keep, then submit again."
            )
        if refusal.kind != SUBMIT_KIND:
            return self.tr("The server did not accept a change: {message}").format(
                message=refusal.message
            )
        if refusal.missing:
            # The items say it in the user's language; the server's words do not.
            text = self.tr(
                "The server did not accept the submission. Still missing there:"
            )
        else:
            text = self.tr(
                "The server did not accept the submission: {message}"
            ).format(message=refusal.message)
        items = [
            "•  " + missing_item_text(item, credential, language)
            for item in refusal.missing
        ]
        return "\n".join([text, *items])


class SyncBanners(QWidget):
    """The banners at the top of an application page; hidden when none applies."""

    dismissRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncBanners")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.waiting = WaitingToSendBanner(self)
        self.refusal = SyncRefusalBanner(self)
        self.refusal.dismissRequested.connect(self.dismissRequested)
        layout.addWidget(self.waiting)
        layout.addWidget(self.refusal)
        for widget in (self.waiting, self.refusal, self):
            widget.hide()

    def show_notes(
        self, notes: SyncNotes, credential: CredentialRecord, language: str
    ) -> None:
        """Show the banners ``notes`` call for; ``credential`` names the parts."""
        self.waiting.setVisible(notes.waiting_to_send)
        if notes.refusals:
            self.refusal.show_refusals(notes.refusals, credential, language)
        self.refusal.setVisible(bool(notes.refusals))
        self.setVisible(notes.waiting_to_send or bool(notes.refusals))
