"""Settings: the interface language, the holiday calendar, attachment size, privacy.

The language is a preference of this computer's user and lives in QSettings
with the rest of the window state; the holiday region, the size limit and the
privacy words belong to the data folder and live in its database.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext

# Re-exported: they lived here before the window needed them at start-up.
from desktop.preferences import APPLICATION as APPLICATION
from desktop.preferences import LANGUAGE_KEY as LANGUAGE_KEY
from desktop.preferences import ORGANIZATION as ORGANIZATION
from desktop.preferences import SUPPORTED_LANGUAGES as SUPPORTED_LANGUAGES
from desktop.preferences import interface_language as interface_language
from desktop.preferences import ui_settings as ui_settings
from desktop.widgets.answer_edit import AnswerEdit
from model.calendar import validate_region
from model.privacy import WORDS_SETTING, words_from_setting

logger = logging.getLogger(__name__)

MEGABYTE = 1024 * 1024
MAX_ATTACHMENT_MB = 10 * 1024


def language_choices() -> list[tuple[str, str]]:
    """(code, name) pairs; an empty code follows the system."""
    translate = QCoreApplication.translate
    return [
        ("", translate("settings", "System")),
        # Language names are written in their own language.
        ("en", translate("settings", "English")),
        ("es", translate("settings", "Español")),
    ]


class SettingsDialog(QDialog):
    """Edits the settings; OK saves them only when every field is valid."""

    def __init__(
        self,
        context: AppContext,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.context = context
        self.settings = settings or ui_settings()
        store = context.store

        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        for code, name in language_choices():
            self.language.addItem(name, code)
        current = str(self.settings.value(LANGUAGE_KEY, "") or "")
        self.language.setCurrentIndex(max(self.language.findData(current), 0))

        self.country = QLineEdit(store.setting("holiday_country"), self)
        self.country.setObjectName("holidayCountry")
        self.country.setPlaceholderText(self.tr("for example US"))
        self.subdivision = QLineEdit(store.setting("holiday_subdivision"), self)
        self.subdivision.setObjectName("holidaySubdivision")
        self.subdivision.setPlaceholderText(self.tr("optional, for example PR"))

        self.max_size = QSpinBox(self)
        self.max_size.setObjectName("maxAttachmentSize")
        self.max_size.setRange(1, MAX_ATTACHMENT_MB)
        self.max_size.setSuffix(self.tr(" MB"))
        limit = int(store.setting("max_attachment_bytes") or 0)
        self.max_size.setValue(max(1, round(limit / MEGABYTE)))

        # Grows with the list (and the font) up to a few lines, then scrolls.
        self.privacy_words = AnswerEdit(
            "\n".join(words_from_setting(store.setting(WORDS_SETTING))),
            min_lines=4,
            max_lines=8,
            parent=self,
        )
        self.privacy_words.setObjectName("privacyWords")
        self.privacy_words.setPlaceholderText(
            self.tr("For example, the name of your school")
        )

        self.error = QLabel(self)
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._language_box())
        layout.addWidget(self._calendar_box())
        layout.addWidget(self._attachments_box())
        layout.addWidget(self._privacy_box())
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_content()
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_content()

    def _fit_content(self) -> None:
        """Stay tall enough for every wrapped text at the current width.

        Qt sizes a window by its texts' unwrapped shape, so the notes, the
        privacy words and an error that wraps under them would be squeezed
        into each other; the height they need at this width is the least.
        """
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def _note(self, text: str) -> QLabel:
        note = QLabel(text, self)
        note.setWordWrap(True)
        note.setEnabled(False)
        return note

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Language"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("&Interface language:"), self.language)
        form.addRow(
            self._note(
                self.tr(
                    "The language changes as soon as you choose OK; open"
                    " applications stay open."
                )
            )
        )
        return box

    def _calendar_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Public holidays"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("&Country code:"), self.country)
        form.addRow(self.tr("S&ubdivision code:"), self.subdivision)
        form.addRow(
            self._note(
                self.tr(
                    "A decision is due 14 business days after submission;"
                    " weekends and these public holidays do not count."
                    " A change applies to applications submitted from now on."
                )
            )
        )
        return box

    def _attachments_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Attachments"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("&Largest file:"), self.max_size)
        return box

    def _privacy_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Privacy"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("P&rivacy words:"), self.privacy_words)
        form.addRow(
            self._note(
                self.tr(
                    "One word or phrase per line. Before you submit, Insignia looks"
                    " for these, your name and your e-mail in your answers and file"
                    " names, because assessment is anonymous."
                )
            )
        )
        return box

    def region_error(self, country: str, subdivision: str) -> str | None:
        """Why the holiday region cannot be used, or None when it can."""
        try:
            validate_region(country, None)
        except ValueError:
            return self.tr(
                "“{country}” is not a country code Insignia knows the holidays of."
                " Use a two-letter code such as US or ES."
            ).format(country=country)
        try:
            validate_region(country, subdivision or None)
        except ValueError:
            return self.tr(
                "“{subdivision}” is not a subdivision of {country} that Insignia"
                " knows. Leave it empty, or use a code such as PR for Puerto Rico."
            ).format(subdivision=subdivision, country=country)
        return None

    def accept(self) -> None:
        country = self.country.text().strip().upper()
        subdivision = self.subdivision.text().strip().upper()
        error = self.region_error(country, subdivision)
        if error is not None:
            self.error.setText(error)
            self.error.show()
            self.country.setFocus()
            return

        store = self.context.store
        store.set_setting("holiday_country", country)
        store.set_setting("holiday_subdivision", subdivision)
        store.set_setting("max_attachment_bytes", str(self.max_size.value() * MEGABYTE))
        words = words_from_setting(self.privacy_words.toPlainText())
        store.set_setting(WORDS_SETTING, "\n".join(words))
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        logger.info(
            "Settings saved: holidays of %s %s, attachments up to %d MB",
            country,
            subdivision or "(whole country)",
            self.max_size.value(),
        )
        super().accept()
