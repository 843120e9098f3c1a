"""The interface's own preferences (language, window state) in QSettings.

Kept apart from the settings dialog so the window can read them at start-up
without loading the dialog. QSettings never holds data of a folder or secrets.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

ORGANIZATION = "Insignia"
APPLICATION = "Insignia"
LANGUAGE_KEY = "language"
SUPPORTED_LANGUAGES = ("en", "es")


def ui_settings() -> QSettings:
    """This user's interface state; never data of the folder, never a secret."""
    return QSettings(ORGANIZATION, APPLICATION)


def interface_language(settings: QSettings | None = None) -> str:
    """The chosen language, or the system's when it is Spanish, else English."""
    chosen = str((settings or ui_settings()).value(LANGUAGE_KEY, "") or "")
    if chosen in SUPPORTED_LANGUAGES:
        return chosen
    return "es" if QLocale.system().name().startswith("es") else "en"
