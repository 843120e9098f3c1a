"""The first start on a data folder without users: who is the educator?

Without a server there is no account to sign in to: the educator of this
computer gives a name and an e-mail (the privacy check looks for both in the
answers before submitting), and Insignia creates a local user from them.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

# Something, an @, something with a dot: the mistakes people make when
# typing, not the whole of RFC 5322.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def is_email(text: str) -> bool:
    return _EMAIL.match(text.strip()) is not None


class WelcomeDialog(QDialog):
    """Asks the educator's name and e-mail; accepted only when both are valid.

    Ends with ``SIGN_IN`` instead when the user has an account on a server.
    """

    SIGN_IN = 2

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to Insignia"))

        intro = QLabel(
            self.tr(
                "Insignia keeps your micro-credential applications on this"
                " computer, in {folder}. Tell it who you are to start."
            ).format(folder=data_dir),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.name = QLineEdit(self)
        self.name.setObjectName("welcomeName")
        self.email = QLineEdit(self)
        self.email.setObjectName("welcomeEmail")
        self.email.setPlaceholderText(self.tr("name@school.org"))
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow(self.tr("Your &e-mail:"), self.email)

        self.error = QLabel(self)
        self.error.setObjectName("welcomeError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Start"))
        ok.setObjectName("welcomeStart")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        server = buttons.addButton(
            self.tr("Sign in to a &server instead…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        server.setObjectName("welcomeSignIn")
        server.setToolTip(
            self.tr("Your school runs an Insignia server: use your account there")
        )
        server.clicked.connect(lambda: self.done(self.SIGN_IN))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def display_name(self) -> str:
        return " ".join(self.name.text().split())

    def email_address(self) -> str:
        return self.email.text().strip()

    def problem(self) -> tuple[str, QLineEdit] | None:
        """What is wrong with the fields, and which to fix; None when nothing."""
        if not self.display_name():
            return self.tr("Write your name."), self.name
        if not is_email(self.email_address()):
            return (
                self.tr("Write a valid e-mail address, such as name@school.org."),
                self.email,
            )
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            text, field = problem
            self.error.setText(text)
            self.error.show()
            field.setFocus()
            return
        super().accept()
