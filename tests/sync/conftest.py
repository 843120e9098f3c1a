"""Local data folders syncing through a real ``insignia-server`` on 127.0.0.1.

The server runs on SQLite here, one per test session; the server's own suite
covers PostgreSQL. Each test makes its own server accounts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from model.enums import Role
from model.records import UserRecord
from model.store import Store
from model.sync.account import Account as SyncAccount
from model.sync.account import connect
from model.sync.client import ServerClient
from model.sync.engine import RoundResult, SyncEngine
from tests.server.conftest import (
    Account,
    RunningServer,
    start_server,
    stop_server,
)


@pytest.fixture(scope="session")
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    data_dir = tmp_path_factory.mktemp("sync-server")
    running = start_server(
        "sqlite", f"sqlite:///{data_dir / 'insignia-server.db'}", data_dir
    )
    try:
        yield running
    finally:
        stop_server(running)


@dataclass
class Device:
    """One data folder signed in to one server account."""

    store: Store
    user: UserRecord
    account: Account
    server: RunningServer

    def client(self) -> ServerClient:
        return ServerClient(self.server.base_url, self.account.token, timeout=10)

    def sync(self) -> RoundResult:
        with self.client() as client:
            return SyncEngine(self.store, client, self.user.id).run_once()


@pytest.fixture
def make_device(
    sync_server: RunningServer, tmp_path: Path
) -> Iterator[Callable[[Account], Device]]:
    stores: list[Store] = []

    def make(account: Account) -> Device:
        folder = tmp_path / f"device-{len(stores)}"
        folder.mkdir()
        store = Store(folder)
        stores.append(store)
        user = connect(
            store,
            SyncAccount(sync_server.base_url, account.username),
            Role(account.role),
            account.username.title(),
        )
        return Device(store, user, account, sync_server)

    yield make
    for store in stores:
        store.close()
