"""Windows signed in to a real ``insignia-server``, with a keyring of the test's own.

Loaded by the sync, sign-in and keyring tests with ``pytest_plugins``, so the
server starts once for all of them. ``MemoryKeyring`` stands in for the
system keyring; ``BrokenKeyring`` is one that cannot be used. ``Cable`` sits
between the windows and the server, and can be unplugged: the server stays
up, the window cannot reach it.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import secrets
from desktop.app import create_window
from desktop.main_window import MainWindow, _switched_windows
from desktop.sync import SyncState
from desktop.tasks import wait_for_background
from desktop.views.sign_in import SignInDialog
from model.enums import Role
from model.store import Store
from model.sync.account import Account as SyncAccount
from model.sync.account import connect
from tests.keyrings import MemoryKeyring
from tests.server.conftest import (
    Account,
    RunningServer,
    free_port,
    start_server,
    stop_server,
)

# A round on loopback takes well under a second; the first waits 1.5 s.
ROUND_MS = 15_000


# Keyrings -------------------------------------------------------------------------


class BrokenKeyring(KeyringBackend):
    """A keyring that refuses everything with ``error``, as a missing one does."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


UseKeyring = Callable[[KeyringBackend], None]


@pytest.fixture
def use_keyring() -> Iterator[UseKeyring]:
    """Sets the keyring for the test, on a fresh session; the previous one after.

    The tokens this process keeps for itself (``desktop.secrets``) are
    forgotten before and after, as at a new start.
    """
    previous = keyring.get_keyring()
    secrets._this_session.clear()
    yield keyring.set_keyring
    keyring.set_keyring(previous)
    secrets._this_session.clear()


@pytest.fixture
def memory_keyring(use_keyring: UseKeyring) -> MemoryKeyring:
    backend = MemoryKeyring()
    use_keyring(backend)
    return backend


@pytest.fixture
def broken_keyring(
    request: pytest.FixtureRequest, use_keyring: UseKeyring
) -> BrokenKeyring:
    """A keyring answering each call with the error given by indirect parametrize."""
    backend = BrokenKeyring(request.param)
    use_keyring(backend)
    return backend


# The server and the cable to it ---------------------------------------------------


@pytest.fixture(scope="session")
def insignia_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningServer]:
    """One server on SQLite for the desktop's sync tests; each makes its users."""
    data_dir = tmp_path_factory.mktemp("desktop-sync-server")
    running = start_server(
        "sqlite", f"sqlite:///{data_dir / 'insignia-server.db'}", data_dir
    )
    try:
        yield running
    finally:
        stop_server(running)


class Cable:
    """A TCP relay to the server on a port of its own, unplugged at will.

    Unplugged, nothing listens on its port (a connection is refused, as when
    the network is gone) and connections in flight are cut.
    """

    def __init__(self, target_port: int) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._target = ("127.0.0.1", target_port)
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._stop = threading.Event()
        self._accepting: threading.Thread | None = None
        self.plug()

    def plug(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        listener.settimeout(0.05)
        self._listener = listener
        self._stop = threading.Event()
        self._accepting = threading.Thread(
            target=self._accept, args=(listener, self._stop), daemon=True
        )
        self._accepting.start()

    def unplug(self) -> None:
        self._stop.set()
        if self._accepting is not None:
            self._accepting.join()
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        with self._lock:
            cut, self._sockets = self._sockets, set()
        for connection in cut:
            _close(connection)

    def _accept(self, listener: socket.socket, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            try:
                upstream = socket.create_connection(self._target, timeout=5)
            except OSError:
                _close(client)
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets |= {client, upstream}
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(
                    target=self._pump, args=(source, target), daemon=True
                ).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            _close(source)
            _close(target)
            with self._lock:
                self._sockets -= {source, target}


def _close(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)
    connection.close()


@pytest.fixture
def cable(insignia_server: RunningServer) -> Iterator[Cable]:
    port = int(insignia_server.base_url.rsplit(":", 1)[1])
    relay = Cable(port)
    yield relay
    relay.unplug()


# Windows --------------------------------------------------------------------------


class Desktop:
    """Builds and drives main windows; closes them, and those they reopened, after.

    Tests reach the helpers through the ``desktop`` fixture, so this module
    is imported once, as a plugin (its asserts rewritten).
    """

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.opened: list[MainWindow] = []

    # Data folders ---------------------------------------------------------------

    @staticmethod
    def first_start_folder(folder: Path, username: str = "local-name") -> Path:
        """A data folder as the first start leaves it: one local educator."""
        folder.mkdir(parents=True, exist_ok=True)
        store = Store(folder)
        try:
            store.set_up_first_educator(username, "Name", "a@b.org")
        finally:
            store.close()
        return folder

    @staticmethod
    def connected_folder(folder: Path, server: str, account: Account) -> Path:
        """A data folder already syncing with ``account``, its token in the keyring."""
        folder.mkdir(parents=True, exist_ok=True)
        store = Store(folder)
        try:
            sync_account = SyncAccount(server, account.username)
            connect(store, sync_account, Role(account.role), account.username.title())
        finally:
            store.close()
        secrets.save_token(sync_account.name, account.token)
        return folder

    # Windows --------------------------------------------------------------------

    def open(self, folder: Path, username: str | None = None) -> MainWindow:
        """``create_window`` on ``folder``, shown: its first round starts soon."""
        window = create_window(folder, username=username)
        self.qtbot.addWidget(window)
        self.opened.append(window)
        window.show()
        self.qtbot.waitExposed(window)
        return window

    def reopened(self, before: int) -> MainWindow:
        """The window a sign-in opened in place of another.

        ``before`` is how many windows had been reopened before the sign-in.
        """
        self.qtbot.waitUntil(lambda: len(_switched_windows) > before)
        window = _switched_windows[-1]
        self.qtbot.addWidget(window)
        self.opened.append(window)
        return window

    def close_all(self) -> None:
        for window in self.opened:
            window.close()
            if window in _switched_windows:
                _switched_windows.remove(window)
        self.opened.clear()
        wait_for_background()

    # Sign-in and sync -------------------------------------------------------------

    @staticmethod
    def status(window: MainWindow) -> str:
        """What the ``syncStatus`` button in the status bar says."""
        button = window.findChild(QToolButton, "syncStatus")
        assert button is not None
        return button.text()

    def sign_in(
        self,
        window: MainWindow,
        address: str,
        username: str,
        password: str,
        *,
        opened: Callable[[SignInDialog], None] | None = None,
        seen: Callable[[SignInDialog], None] | None = None,
    ) -> str:
        """File ▸ Sign in to a server…, the fields typed and Sign in pressed.

        Returns "" once the dialog closed accepted, else the error it shows;
        the dialog is then cancelled. ``opened`` has a look at the dialog as
        it opens, ``seen`` at the error.
        """
        qtbot = self.qtbot
        outcome: list[str] = []

        def fill() -> None:
            dialog = _shown_sign_in_dialog()
            try:
                if opened is not None:
                    opened(dialog)
                for name, text in (
                    ("serverAddress", address),
                    ("serverUsername", username),
                    ("serverPassword", password),
                ):
                    field = dialog.findChild(QLineEdit, name)
                    assert field is not None
                    field.clear()
                    qtbot.keyClicks(field, text)
                button = dialog.findChild(QPushButton, "signInButton")
                error = dialog.findChild(QLabel, "signInError")
                assert button is not None and error is not None
                button.click()

                def answered() -> bool:
                    return not dialog.isVisible() or (
                        button.isEnabled() and error.text() != "Signing in…"
                    )

                qtbot.waitUntil(answered, timeout=20_000)
                if dialog.isVisible() and seen is not None:
                    seen(dialog)
            finally:
                # Never left open: exec() would wait for it for ever.
                if dialog.isVisible():
                    shown = dialog.findChild(QLabel, "signInError")
                    outcome.append(shown.text() if shown is not None else "")
                    dialog.reject()

        QTimer.singleShot(0, fill)
        action = window.findChild(QAction, "signInAction")
        assert action is not None
        action.trigger()
        return outcome[0] if outcome else ""

    def wait_for_status(self, window: MainWindow, text: str) -> None:
        def shown() -> None:
            assert self.status(window) == text, window.sync.details()

        self.qtbot.waitUntil(shown, timeout=ROUND_MS)

    def sync_round(self, window: MainWindow) -> str:
        """File ▸ Sync now, and the status once the round ended."""
        sync = window.sync
        ended: list[SyncState] = []

        def state_changed() -> None:
            if sync.state is not SyncState.SYNCING:
                ended.append(sync.state)

        sync.stateChanged.connect(state_changed)
        try:
            action = window.findChild(QAction, "syncNowAction")
            assert action is not None and action.isEnabled()
            action.trigger()
            # A round already running ends first, then runs again for this one.
            self.qtbot.waitUntil(
                lambda: bool(ended) and sync._thread is None, timeout=ROUND_MS
            )
        finally:
            sync.stateChanged.disconnect(state_changed)
        return self.status(window)

    # Applications -----------------------------------------------------------------

    def submit(self, page: QWidget) -> None:
        """Submit Application, past the last look at the readiness suggestions."""
        button = page.findChild(QPushButton, "submitButton")
        assert button is not None and button.isEnabled()
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        check = page.findChild(QDialog, "submitCheckDialog")
        if check is not None and check.isVisible():
            anyway = check.findChild(QPushButton, "submitAnywayButton")
            assert anyway is not None
            self.qtbot.mouseClick(anyway, Qt.MouseButton.LeftButton)

    def confirm(self, page: QWidget) -> None:
        """Tick the three confirmations of a draft."""
        for name in ("confirmReady", "confirmDisclosure", "confirmOwnWork"):
            box = page.findChild(QCheckBox, name)
            assert box is not None
            if not box.isChecked():
                self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton)


def _shown_sign_in_dialog() -> SignInDialog:
    """The sign-in dialog on screen (run by exec(): modal, on top)."""
    modal = QApplication.activeModalWidget()
    if isinstance(modal, SignInDialog):
        return modal
    shown = [
        widget
        for widget in QApplication.allWidgets()
        if isinstance(widget, SignInDialog) and widget.isVisible()
    ]
    assert shown, "the sign-in dialog is not open"
    return shown[-1]


@pytest.fixture
def desktop(qtbot: QtBot) -> Iterator[Desktop]:
    driver = Desktop(qtbot)
    yield driver
    driver.close_all()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box shown, as "title: text"; questions are answered Yes."""
    shown: list[str] = []

    def static(_parent: object, title: str, text: str, *_args: object) -> int:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Yes

    def exec_box(box: QMessageBox) -> int:
        shown.append(f"{box.windowTitle()}: {box.text()}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    for name in ("warning", "question", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, static)
    return shown
