"""Server tokens in the keyring: a stand-in one, a broken one, and the real thing.

The real one is the Secret Service of the D-Bus session (gnome-keyring on
Debian). Without an unlocked one the test is skipped, and says why; in CI
(``CI=true``) it fails instead, so a missing keyring cannot pass unseen.
"""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, NoKeyringError
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QToolButton

from desktop import secrets
from desktop.main_window import _switched_windows
from desktop.secrets import KeyringUnavailable, delete_token, load_token, save_token
from desktop.views.sign_in import SignInDialog
from tests.server.conftest import RunningServer

if TYPE_CHECKING:
    from tests.desktop.sync_fixtures import (
        BrokenKeyring,
        Desktop,
        MemoryKeyring,
        UseKeyring,
    )

pytest_plugins = ["tests.desktop.sync_fixtures"]

SYNCED = "Synced"
SIGN_IN_NEEDED = "Sign-in needed"
LOCAL_ONLY = "Local database — not synced"
ACCOUNT = "educator@https://insignia.school.org"
FAILURES = [
    pytest.param(NoKeyringError("No recommended backend was available."), id="none"),
    pytest.param(KeyringLocked("Failed to unlock the keyring!"), id="locked"),
]


# The stand-in keyring --------------------------------------------------------------


def test_a_token_is_kept_under_the_service_and_the_account(
    memory_keyring: MemoryKeyring,
) -> None:
    save_token(ACCOUNT, "the-token")
    assert memory_keyring.entries == {("Insignia", ACCOUNT): "the-token"}

    secrets._this_session.clear()  # as at the next start
    assert load_token(ACCOUNT) == "the-token"
    assert load_token("someone@https://insignia.school.org") is None

    delete_token(ACCOUNT)
    assert memory_keyring.entries == {}
    assert load_token(ACCOUNT) is None
    delete_token(ACCOUNT)  # gone already: nothing to say


@pytest.mark.parametrize("broken_keyring", FAILURES, indirect=True)
def test_a_keyring_that_cannot_be_used_keeps_the_token_for_this_session_only(
    broken_keyring: BrokenKeyring,
) -> None:
    with pytest.raises(KeyringUnavailable) as raised:
        save_token(ACCOUNT, "the-token")
    assert str(raised.value) == str(broken_keyring.error)
    assert load_token(ACCOUNT) == "the-token"

    secrets._this_session.clear()  # the next start
    with pytest.raises(KeyringUnavailable):
        load_token(ACCOUNT)
    delete_token(ACCOUNT)  # logged, not raised: signing out still works


@pytest.mark.parametrize("broken_keyring", FAILURES, indirect=True)
def test_without_a_keyring_the_sign_in_lasts_the_session_and_the_user_is_told(
    tmp_path: Path,
    insignia_server: RunningServer,
    broken_keyring: BrokenKeyring,
    desktop: Desktop,
    messages: list[str],
) -> None:
    account = insignia_server.user("educator")
    folder = desktop.first_start_folder(tmp_path / "folder")
    window = desktop.open(folder)
    before = len(_switched_windows)
    shown = desktop.sign_in(
        window, insignia_server.base_url, account.username, account.password
    )
    assert shown == ""
    (told,) = messages
    assert told.startswith("Signed in for this session: ")
    assert "keyring" in told and "sign in again the next time" in told

    # This session syncs with the token it holds.
    signed_in = desktop.reopened(before)
    desktop.wait_for_status(signed_in, SYNCED)

    # The next start has no token: it asks for a sign-in, and says why.
    desktop.close_all()
    secrets._this_session.clear()
    again = desktop.open(folder)
    assert again.context.user.username == account.username
    desktop.wait_for_status(again, SIGN_IN_NEEDED)
    button = again.findChild(QToolButton, "syncStatus")
    assert button is not None
    assert "No keyring is available to keep your sign-in" in button.toolTip()

    # Signing in again: the dialog knows the server and the account.
    prefilled: list[str] = []

    def look(dialog: SignInDialog) -> None:
        for name in ("serverAddress", "serverUsername", "serverPassword"):
            field = dialog.findChild(QLineEdit, name)
            assert field is not None
            prefilled.append(field.text())

    messages.clear()
    shown = desktop.sign_in(
        again,
        insignia_server.base_url,
        account.username,
        account.password,
        opened=look,
    )
    assert shown == ""
    assert prefilled == [insignia_server.base_url, account.username, ""]
    assert len(messages) == 1 and "keyring" in messages[0]
    desktop.wait_for_status(again, SYNCED)


# The real keyring: the Secret Service of this D-Bus session -----------------------


def secret_service() -> KeyringBackend:
    """keyring's Secret Service backend, on an unlocked collection.

    Skips with the reason when there is none; fails in CI. Called in the
    test itself, so CI reports a failed test rather than a fixture error.
    """
    try:
        import secretstorage
        from keyring.backends import SecretService

        SecretService.Keyring.priority  # noqa: B018 - raises when none is running
        # Asked without unlocking: an unlock would prompt on a desktop.
        with closing(secretstorage.dbus_init()) as bus:
            if secretstorage.get_default_collection(bus).is_locked():
                raise RuntimeError("its default collection is locked")
    except Exception as error:
        reason = (
            "no unlocked Secret Service on a D-Bus session"
            f" ({type(error).__name__}: {error}); run the tests under"
            " dbus-run-session with gnome-keyring-daemon --unlock"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must provide a keyring: {reason}")
        pytest.skip(reason)
    return SecretService.Keyring()


def test_the_system_keyring_keeps_the_sign_in_between_starts(
    tmp_path: Path,
    insignia_server: RunningServer,
    use_keyring: UseKeyring,
    desktop: Desktop,
    messages: list[str],
) -> None:
    real_keyring = secret_service()
    use_keyring(real_keyring)
    server = insignia_server.base_url
    account = insignia_server.user("educator")
    name = f"{account.username}@{server}"
    try:
        folder = desktop.first_start_folder(tmp_path / "folder")
        window = desktop.open(folder)
        before = len(_switched_windows)
        assert desktop.sign_in(window, server, account.username, account.password) == ""
        assert messages == []  # nothing to tell: the keyring took it
        desktop.wait_for_status(desktop.reopened(before), SYNCED)
        token = real_keyring.get_password(secrets.SERVICE, name)
        assert token

        # The next start reads it back from the keyring, and syncs.
        desktop.close_all()
        secrets._this_session.clear()
        again = desktop.open(folder)
        desktop.wait_for_status(again, SYNCED)

        # Signing out takes it out of the keyring.
        sign_out = again.findChild(QAction, "signOutAction")
        assert sign_out is not None
        sign_out.trigger()
        desktop.wait_for_status(again, LOCAL_ONLY)
        assert real_keyring.get_password(secrets.SERVICE, name) is None
    finally:
        if real_keyring.get_password(secrets.SERVICE, name) is not None:
            real_keyring.delete_password(secrets.SERVICE, name)


def test_the_system_keyring_keeps_a_token_and_forgets_it(
    use_keyring: UseKeyring,
) -> None:
    real_keyring = secret_service()
    use_keyring(real_keyring)
    account = f"educator-{os.getpid()}@https://insignia.school.org"
    try:
        save_token(account, "the-token")
        assert real_keyring.get_password(secrets.SERVICE, account) == "the-token"
        secrets._this_session.clear()
        assert load_token(account) == "the-token"
        delete_token(account)
        assert real_keyring.get_password(secrets.SERVICE, account) is None
    finally:
        if real_keyring.get_password(secrets.SERVICE, account) is not None:
            real_keyring.delete_password(secrets.SERVICE, account)
