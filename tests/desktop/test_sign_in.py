"""Signing in to a server from the window, and out again, against a real server.

What a refused sign-in leaves behind is checked where it would be: the
keyring, the tokens this process keeps, and the data folder's settings.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
from keyring.errors import NoKeyringError
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from desktop import secrets
from desktop.main_window import MainWindow, _switched_windows
from desktop.views.sign_in import SignInDialog
from model.sync import outbox
from tests.server.conftest import ADMIN_PASSWORD, RunningServer, free_port

if TYPE_CHECKING:
    from tests.desktop.sync_fixtures import Desktop, MemoryKeyring, UseKeyring

pytest_plugins = ["tests.desktop.sync_fixtures"]

SYNCED = "Synced"
LOCAL_ONLY = "Local database — not synced"
WRONG_PASSWORD = "The username or password is not right."
ADMIN_REFUSED = (
    "This is an administrator's account. Administrators manage the server with"
    " insignia-server; sign in here as an educator or an assessor."
)


@pytest.fixture
def window(tmp_path: Path, desktop: Desktop) -> MainWindow:
    """A window on a folder as the first start leaves it, not signed in."""
    window = desktop.open(desktop.first_start_folder(tmp_path / "folder"))
    assert desktop.status(window) == LOCAL_ONLY
    return window


def assert_nothing_kept(window: MainWindow, keyring: MemoryKeyring) -> None:
    """No token anywhere, the folder not connected, and nobody new in it."""
    assert keyring.entries == {}
    assert secrets._this_session == {}
    store = window.context.store
    for key in (outbox.ACCOUNT, outbox.SERVER, outbox.USERNAME):
        assert store.setting(key) == "", key
    assert [u.username for u in store.users()] == ["local-name"]
    assert window.sync.account is None


def password_field(dialog: SignInDialog) -> str:
    field = dialog.findChild(QLineEdit, "serverPassword")
    assert field is not None
    return field.text()


def test_a_wrong_password_is_said_and_nothing_is_kept(
    insignia_server: RunningServer,
    memory_keyring: MemoryKeyring,
    desktop: Desktop,
    window: MainWindow,
) -> None:
    account = insignia_server.user("educator")
    left_in_field: list[str] = []
    shown = desktop.sign_in(
        window,
        insignia_server.base_url,
        account.username,
        "not-the-password",
        seen=lambda dialog: left_in_field.append(password_field(dialog)),
    )
    assert shown == WRONG_PASSWORD
    assert left_in_field == [""]
    assert_nothing_kept(window, memory_keyring)
    assert desktop.status(window) == LOCAL_ONLY


def test_an_unreachable_server_is_said_clearly(
    memory_keyring: MemoryKeyring, desktop: Desktop, window: MainWindow
) -> None:
    nobody = f"http://127.0.0.1:{free_port()}"
    shown = desktop.sign_in(window, nobody, "someone", "a-password")
    assert shown == (
        f"The server at {nobody} cannot be reached. Check the address and your"
        " connection, then try again."
    )
    assert_nothing_kept(window, memory_keyring)


def test_an_administrator_is_sent_to_the_server_tools(
    insignia_server: RunningServer,
    memory_keyring: MemoryKeyring,
    desktop: Desktop,
    window: MainWindow,
) -> None:
    shown = desktop.sign_in(window, insignia_server.base_url, "admin", ADMIN_PASSWORD)
    assert shown == ADMIN_REFUSED
    assert_nothing_kept(window, memory_keyring)


@pytest.mark.parametrize(
    "address",
    [
        "ftp://insignia.school.org",
        "https://insignia.school.org/login",
        "https://insignia.school.org?next=1",
        "http://",
        "insignia school.org",
        "https://insignia.school.org:99999",
    ],
)
def test_a_bad_address_is_said_before_anything_is_sent(
    address: str,
    memory_keyring: MemoryKeyring,
    desktop: Desktop,
    window: MainWindow,
) -> None:
    shown = desktop.sign_in(window, address, "someone", "a-password")
    assert shown == (
        f"“{address}” is not a server address. Type it as your school gave it,"
        " for example https://insignia.school.org."
    )
    assert_nothing_kept(window, memory_keyring)


def test_signing_out_forgets_the_token_and_revokes_it(
    tmp_path: Path,
    insignia_server: RunningServer,
    memory_keyring: MemoryKeyring,
    desktop: Desktop,
    messages: list[str],
) -> None:
    account = insignia_server.user("educator")
    server = insignia_server.base_url
    # The local educator has the server account's name: no new window opens.
    folder = desktop.first_start_folder(tmp_path / "folder", account.username)
    window = desktop.open(folder)
    assert desktop.sign_in(window, server, account.username, account.password) == ""
    desktop.wait_for_status(window, SYNCED)
    entry = (secrets.SERVICE, f"{account.username}@{server}")
    assert list(memory_keyring.entries) == [entry]
    token = memory_keyring.entries[entry]
    with httpx.Client(base_url=server, timeout=10) as client:
        me = client.get(
            "/api/v1/users/me", headers={"Authorization": f"Bearer {token}"}
        )
    assert me.status_code == 200 and me.json()["username"] == account.username

    sign_out = window.findChild(QAction, "signOutAction")
    assert sign_out is not None and sign_out.isEnabled()
    sign_out.trigger()
    assert messages == [
        f"Sign out: Sign out of {server}? Your work stays on this"
        " computer; changes not yet sent are sent when you sign"
        " in again."
    ]
    desktop.wait_for_status(window, LOCAL_ONLY)

    assert memory_keyring.entries == {}
    assert secrets._this_session == {}
    store = window.context.store
    assert store.setting(outbox.SERVER) == store.setting(outbox.USERNAME) == ""
    sync_now = window.findChild(QAction, "syncNowAction")
    assert sync_now is not None and not sync_now.isEnabled()
    assert not sign_out.isEnabled()
    with httpx.Client(base_url=server, timeout=10) as client:
        revoked = client.get(
            "/api/v1/users/me", headers={"Authorization": f"Bearer {token}"}
        )
        other = client.get("/api/v1/users/me", headers=account.headers)
    assert revoked.status_code == 401
    # Only this computer's sign-in is revoked.
    assert other.status_code == 200


# Nothing secret written down --------------------------------------------------------


def files_holding(root: Path, *secrets_: str) -> list[str]:
    """Every file under ``root`` holding one of ``secrets_``, as "path: secret"."""
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for secret in secrets_:
            if secret.encode() in data or secret.encode("utf-16-le") in data:
                found.append(f"{path}: {secret[:4]}…")
    return found


@pytest.mark.parametrize("keyring_works", [True, False], ids=["keyring", "no keyring"])
def test_neither_the_token_nor_the_password_is_written_down(
    keyring_works: bool,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
    insignia_server: RunningServer,
    use_keyring: UseKeyring,
    desktop: Desktop,
    messages: list[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    # Imported here, where the plugin is loaded: its asserts are rewritten.
    from tests.desktop.sync_fixtures import BrokenKeyring, MemoryKeyring

    memory = MemoryKeyring()
    use_keyring(memory if keyring_works else BrokenKeyring(NoKeyringError()))
    server = insignia_server.base_url
    account = insignia_server.user("educator")
    wrong = f"wrong-{account.password}"
    folder = desktop.first_start_folder(tmp_path / "folder")

    # A wrong password first, then the right one, through the dialog.
    window = desktop.open(folder)
    assert desktop.sign_in(window, server, account.username, wrong) == WRONG_PASSWORD
    before = len(_switched_windows)
    assert desktop.sign_in(window, server, account.username, account.password) == ""
    signed_in = desktop.reopened(before)
    desktop.wait_for_status(signed_in, SYNCED)
    name = f"{account.username}@{server}"
    if keyring_works:
        token = memory.entries.get((secrets.SERVICE, name), "")
    else:
        token = secrets._this_session.get(name, "")
    assert token, "no token was kept"

    # Some work, sent, so the database and its WAL have been written.
    store, user = signed_in.context.store, signed_in.context.user
    credential = store.credentials()[0]
    draft = store.start_application(user.id, credential.id)
    question = credential.parts[0].questions[0]
    store.save_answer(draft, question.id, "Some words of an answer.", actor_id=user.id)
    assert desktop.sync_round(signed_in) == SYNCED
    assert (folder / "insignia.db-wal").exists()
    secret_values = (token, account.password, wrong)
    assert files_holding(folder, *secret_values) == []

    # Closed: the database checkpointed, the window's state in QSettings.
    desktop.close_all()
    settings = Path(QSettings("Insignia", "Insignia").fileName())
    home = Path(os.environ["HOME"])
    assert settings.is_file() and home in settings.parents
    assert files_holding(folder, *secret_values) == []
    assert files_holding(home, *secret_values) == []
    for secret in secret_values:
        assert secret not in caplog.text
        for record in caplog.records:
            assert secret not in record.getMessage()


def test_a_revoked_sign_in_asks_for_a_new_one(
    tmp_path: Path,
    insignia_server: RunningServer,
    memory_keyring: MemoryKeyring,
    desktop: Desktop,
    messages: list[str],
) -> None:
    server = insignia_server.base_url
    account = insignia_server.user("educator")
    window = desktop.open(
        desktop.connected_folder(tmp_path / "folder", server, account)
    )
    desktop.wait_for_status(window, SYNCED)

    # Signed out elsewhere (or expired): the server no longer takes the token.
    with httpx.Client(base_url=server, timeout=10) as client:
        assert client.post("/api/v1/auth/logout", headers=account.headers).is_success
    assert desktop.sync_round(window) == "Sign-in needed"
    assert "Your sign-in has expired or was revoked." in window.sync.details()

    # Signing in again, as the same user: the same window syncs on.
    assert desktop.sign_in(window, server, account.username, account.password) == ""
    desktop.wait_for_status(window, SYNCED)
    (token,) = memory_keyring.entries.values()
    assert token != account.token
    assert messages == []
