"""Which server account a data folder syncs with, and the local user it maps to.

The account is named ``<username>@<server>`` everywhere: in the settings of
the data folder and as the keyring entry of its token. The token itself
never reaches the database (see ``desktop`` for the keyring).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from model.entities import Role, Setting, User
from model.records import UserRecord
from model.store import Store, _user_record
from model.sync import outbox
from model.sync.engine import clear_server_state


@dataclass(frozen=True)
class Account:
    server: str
    username: str

    @property
    def name(self) -> str:
        """``username@server-address``, the keyring's account name."""
        return f"{self.username}@{self.server}"


def current_account(store: Store) -> Account | None:
    server = store.setting(outbox.SERVER)
    username = store.setting(outbox.USERNAME)
    if not server or not username:
        return None
    return Account(server, username)


def connect(
    store: Store, account: Account, role: Role, display_name: str, email: str = ""
) -> UserRecord:
    """Make this folder sync with ``account``; returns its local user.

    The local user of the same name is used (made when missing) and takes
    the server's role and name. Signing in to another account than before
    forgets what was waiting for the old one: its outbox cannot be sent
    under another name.
    """
    with store._unit() as session:
        previous = session.get(Setting, outbox.ACCOUNT)
        if previous is not None and previous.value != account.name:
            clear_server_state(session)
        user = session.scalar(select(User).where(User.username == account.username))
        if user is None:
            user = User(username=account.username, display_name="", role=role)
            session.add(user)
        user.role = role
        user.display_name = display_name or user.display_name or account.username
        if email:
            user.email = email
        for key, value in (
            (outbox.ACCOUNT, account.name),
            (outbox.SERVER, account.server),
            (outbox.USERNAME, account.username),
        ):
            session.merge(Setting(key=key, value=value))
        session.flush()
        return _user_record(user)


def disconnect(store: Store) -> None:
    """Stop syncing: what waits in the outbox stays for the next sign-in."""
    with store._unit() as session:
        for key in (outbox.SERVER, outbox.USERNAME):
            session.merge(Setting(key=key, value=""))
