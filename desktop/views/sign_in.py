"""Signing in to an Insignia server: address, username, password.

The password goes to the server and nowhere else; the token it answers
with goes to the system keyring (``desktop.secrets``). The data folder then
syncs with that account, as the local user of the same name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.secrets import KeyringUnavailable, save_token
from desktop.tasks import run_in_background
from model.enums import Role
from model.records import UserRecord

if TYPE_CHECKING:
    from model.store import Store

logger = logging.getLogger(__name__)

translate = QCoreApplication.translate


@dataclass(frozen=True)
class SignedIn:
    user: UserRecord
    server: str
    # False when no keyring could keep the token: asked again next start.
    remembered: bool


class AdminAccount(Exception):
    """Administrators manage the server; the desktop is for the others."""


class SignInDialog(QDialog):
    """Asks for the server and the account; accepted once the server agrees."""

    def __init__(
        self,
        store: Callable[[], Store],
        parent: QWidget | None = None,
        *,
        server: str = "",
        username: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to a server"))
        self._store = store
        self.result_: SignedIn | None = None

        intro = QLabel(
            self.tr(
                "Your work stays on this computer and is shared with the server,"
                " so assessors receive your submissions and you receive their"
                " decisions. Without a connection Insignia keeps working and"
                " catches up later."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.server = QLineEdit(server, self)
        self.server.setObjectName("serverAddress")
        self.server.setPlaceholderText(self.tr("https://insignia.school.org"))
        self.username = QLineEdit(username, self)
        self.username.setObjectName("serverUsername")
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Se&rver address:"), self.server)
        form.addRow(self.tr("&Username:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        for field, name in (
            (self.server, self.tr("Server address")),
            (self.username, self.tr("Username")),
            (self.password, self.tr("Password")),
        ):
            field.setAccessibleName(name)

        self.error = QLabel(self)
        self.error.setObjectName("signInError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Sign in"))
        self.ok.setObjectName("signInButton")
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        (self.password if server and username else self.server).setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        for widget in (self.server, self.username, self.password, self.ok):
            widget.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Signing in…"))
            self.error.show()

    def sign_in(self) -> None:
        from model.sync.client import normalized_server

        try:
            server = normalized_server(self.server.text())
        except ValueError:
            self.show_error(
                self.tr(
                    "“{address}” is not a server address. Type it as your"
                    " school gave it, for example https://insignia.school.org."
                ).format(address=self.server.text().strip())
            )
            self.server.setFocus()
            return
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            self.show_error(self.tr("Type your username and password."))
            (self.password if username else self.username).setFocus()
            return
        self._busy(True)
        store = self._store()
        run_in_background(
            lambda: _sign_in(store, server, username, password),
            self._signed_in,
            self._failed,
        )

    def _signed_in(self, result: SignedIn) -> None:
        self.password.clear()
        self.result_ = result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.password.clear()
        self.show_error(sign_in_error_text(error, self.server.text().strip()))
        self.password.setFocus()


def _sign_in(store: Store, server: str, username: str, password: str) -> SignedIn:
    """On a worker: ask the server, keep the token, connect the data folder."""
    from model.sync.account import Account, connect
    from model.sync.client import ServerClient

    with ServerClient(server, timeout=15) as client:
        token = client.sign_in(username, password)
        me = client.me()
    role = Role(me["role"])
    if role is Role.ADMIN:
        with ServerClient(server, token, timeout=5) as client:
            client.sign_out()
        raise AdminAccount(username)
    account = Account(server, str(me["username"]))
    remembered = True
    try:
        save_token(account.name, token)
    except KeyringUnavailable:
        remembered = False
    user = connect(
        store,
        account,
        role,
        str(me.get("display_name") or ""),
        str(me.get("email") or ""),
    )
    logger.info("Signed in to %s as %s", server, account.username)
    return SignedIn(user, server, remembered)


def sign_in_error_text(error: BaseException, server: str) -> str:
    from model.sync.client import Offline, ServerRefused, SignInNeeded

    if isinstance(error, SignInNeeded):
        return translate("SignInDialog", "The username or password is not right.")
    if isinstance(error, Offline):
        return translate(
            "SignInDialog",
            "The server at {server} cannot be reached. Check the address and"
            " your connection, then try again.",
        ).format(server=server)
    if isinstance(error, AdminAccount):
        return translate(
            "SignInDialog",
            "This is an administrator's account. Administrators manage the"
            " server with insignia-server; sign in here as an educator or an"
            " assessor.",
        )
    if isinstance(error, ServerRefused):
        return translate("SignInDialog", "The server refused: {reason}").format(
            reason=str(error)
        )
    return translate("SignInDialog", "Signing in failed: {reason}").format(
        reason=str(error) or type(error).__name__
    )
