"""Links that open Insignia, and handing them to the Insignia already open.

``insignia://applications/<id>`` names an application by its local id or by
the uid the server knows it by (the id in the server's e-mails). One Insignia
works on a data folder at a time (``app.lock_data_folder``): a later start on
that folder gives its link to the first over a local socket and exits, and
the first opens the link and comes forward.

The socket is named after the data folder and the login, so two folders, or
two people on one computer, never reach each other's Insignia.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from model.store import Store

logger = logging.getLogger(__name__)

URL_SCHEME = "insignia"
# How long a later start waits for the first Insignia to take its link.
HAND_OVER_TIMEOUT_MS = 2000
# Longer messages are not links: the connection is dropped.
MAX_MESSAGE_BYTES = 4096
_RECEIVED = b"ok\n"
_LOCAL_ID = re.compile(r"[0-9]{1,18}")
_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class NotALink(ValueError):
    """The text is not an ``insignia://applications/<id>`` link."""


@dataclass(frozen=True)
class ApplicationLink:
    """The application a link names: by its local id, or by its uid."""

    application_id: int | None = None
    uid: str | None = None

    def resolve(self, store: Store) -> int:
        """The local id; NotFound when this data folder has no such uid."""
        if self.application_id is not None:
            return self.application_id
        assert self.uid is not None
        return store.application_for_uid(self.uid)


def parse_link(text: str) -> ApplicationLink:
    """The application ``insignia://applications/<id>`` names.

    ``<id>`` is a local id (digits) or a uid (a UUID, any letter case); one
    trailing slash is allowed. Anything else, a query or a fragment
    included, raises NotALink.
    """
    try:
        parts = urlsplit(text.strip())
    except ValueError as error:  # a malformed address
        raise NotALink(text) from error
    if (
        parts.scheme != URL_SCHEME
        or parts.netloc.lower() != "applications"
        or parts.query
        or parts.fragment
    ):
        raise NotALink(text)
    segments = parts.path.split("/")
    if segments[-1] == "":
        segments.pop()
    if len(segments) != 2 or segments[0] != "":
        raise NotALink(text)
    name = segments[1]
    if _LOCAL_ID.fullmatch(name):
        return ApplicationLink(application_id=int(name))
    if _UID.fullmatch(name.lower()):
        return ApplicationLink(uid=name.lower())
    raise NotALink(text)


def server_name(data_dir: Path) -> str:
    """The local socket of the Insignia open on ``data_dir`` for this login."""
    try:
        login = getpass.getuser()
    except OSError:  # no login name in the environment or the user database
        login = ""
    key = f"{Path(data_dir).resolve()}\n{login}\n{Path.home()}"
    return "insignia-" + hashlib.sha256(key.encode()).hexdigest()[:24]


def hand_over(
    data_dir: Path, url: str | None, timeout_ms: int = HAND_OVER_TIMEOUT_MS
) -> bool:
    """Give ``url`` to the Insignia open on ``data_dir``, which comes forward.

    Without ``url`` it only comes forward. False when no Insignia took it
    within ``timeout_ms``: none listens, or it does not answer.
    """
    message = (url or "").strip().encode()
    if b"\n" in message or len(message) >= MAX_MESSAGE_BYTES:
        logger.warning("Not handing over a link of %s bytes", len(message))
        return False
    deadline = time.monotonic() + timeout_ms / 1000

    def remaining_ms() -> int:
        return max(0, int((deadline - time.monotonic()) * 1000))

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(remaining_ms()):
        logger.debug("No Insignia listens for links: %s", socket.errorString())
        return False
    socket.write(message + b"\n")
    while not socket.canReadLine():
        if not socket.waitForReadyRead(remaining_ms()):
            logger.warning("The open Insignia did not take the link in time")
            socket.abort()
            return False
    answer = bytes(socket.readLine(len(_RECEIVED) + 1).data())
    socket.disconnectFromServer()
    return answer == _RECEIVED


class LinkServer(QObject):
    """Takes the links that later starts on the same data folder hand over.

    ``received`` carries each link as it was given, or an empty text when a
    later start had none and only asks the window to come forward.
    """

    received = Signal(str)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server = QLocalServer(self)
        # Only this login may connect.
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; False, with a warning logged, when it cannot.

        A live Insignia on the name keeps it (listening could replace its
        socket); one left behind by an Insignia that crashed is removed.
        """
        if _answers(self.name):
            logger.warning("Another Insignia takes the links of this data folder")
            return False
        if self._server.listen(self.name):
            return True
        logger.info("Removing the stale link socket %s", self.name)
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        logger.warning(
            "Later starts cannot hand links to this Insignia: %s",
            self._server.errorString(),
        )
        return False

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() >= MAX_MESSAGE_BYTES:
                logger.warning("Dropped a link message that is too long")
                socket.abort()
            return
        line = bytes(socket.readLine(MAX_MESSAGE_BYTES).data())
        socket.write(_RECEIVED)
        socket.flush()
        socket.disconnectFromServer()
        url = line.decode("utf-8", "replace").strip()
        logger.info("A later start handed over %s", url or "no link")
        self.received.emit(url)


def _answers(name: str) -> bool:
    """Whether a live Insignia listens on ``name``."""
    probe = QLocalSocket()
    probe.connectToServer(name)
    alive = probe.waitForConnected(HAND_OVER_TIMEOUT_MS // 4)
    probe.abort()
    return alive


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` above the others, restored if it was minimized.

    The window system decides in the end: some only flash the window's
    entry in the task bar instead of raising it over the active one.
    """
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState(state & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
