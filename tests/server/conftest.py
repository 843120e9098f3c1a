"""A real ``insignia-server`` on 127.0.0.1, on SQLite and (when given) PostgreSQL.

One server per database for the whole session: each test makes its own
users, so no test sees another's applications (assessors see every
submitted one, so their tests look only at what they made). Set
INSIGNIA_TEST_POSTGRES_URL to a database the tests may create databases
next to (``postgresql+psycopg://USER:PASSWORD@HOST/DB``); each session then
creates a fresh database and drops it at the end.
"""

from __future__ import annotations

import itertools
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from model.catalog import SAMPLE_CATALOG, read_catalog
from model.enums import Role
from server.accounts import create_user
from server.catalog import publish
from server.database import Database
from server.security import Passwords

POSTGRES_URL = os.environ.get("INSIGNIA_TEST_POSTGRES_URL", "")
SKIP_POSTGRES = "set INSIGNIA_TEST_POSTGRES_URL to run on PostgreSQL"
BIN = Path(sys.executable).parent
MAX_ATTACHMENT_BYTES = 256 * 1024
ADMIN_PASSWORD = "admin-password-1"
_names = itertools.count(1)


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    password: str
    role: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class RunningServer:
    """A started server, its database, data folder and log file."""

    backend: str
    base_url: str
    database_url: str
    data_dir: Path
    log_path: Path
    process: subprocess.Popen[bytes]
    admin: Account | None = None
    _db: Database | None = field(default=None, repr=False)

    def client(self, account: Account | None = None) -> httpx.Client:
        headers = account.headers if account else {}
        # Plain HTTP on loopback: no TLS context to build (40 ms a client).
        return httpx.Client(
            base_url=self.base_url, headers=headers, timeout=30, verify=False
        )

    def database(self) -> Database:
        """The same database, opened from the test process."""
        if self._db is None:
            self._db = Database(self.database_url)
        return self._db

    def login(self, username: str, password: str) -> str:
        with self.client() as client:
            response = client.post(
                "/api/v1/auth/token", json={"username": username, "password": password}
            )
        response.raise_for_status()
        return str(response.json()["access_token"])

    def user(
        self,
        role: str,
        *,
        name: str | None = None,
        email: str = "",
        language: str = "en",
    ) -> Account:
        """A new user of ``role``, created by the administrator, signed in."""
        assert self.admin is not None
        username = name or f"{role}{next(_names)}-{secrets.token_hex(3)}"
        password = f"pw-{secrets.token_hex(8)}"
        with self.client(self.admin) as client:
            response = client.post(
                "/api/v1/users",
                json={
                    "username": username,
                    "password": password,
                    "role": role,
                    "display_name": f"{role.title()} {username}",
                    "email": email,
                    "language": language,
                },
            )
        response.raise_for_status()
        user_id = int(response.json()["id"])
        return Account(
            user_id, username, password, role, self.login(username, password)
        )

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_environment(data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "INSIGNIA_DATA_DIR": str(data_dir),
        "INSIGNIA_MAX_ATTACHMENT_BYTES": str(MAX_ATTACHMENT_BYTES),
        # Cheap argon2 keeps the suite fast; production keeps the defaults.
        "INSIGNIA_ARGON2_TIME_COST": "1",
        "INSIGNIA_ARGON2_MEMORY_KIB": "1024",
        "INSIGNIA_PASSWORD": ADMIN_PASSWORD,
        # E-mail leaves soon after a decision, not within the default 5 s.
        "INSIGNIA_MAIL_POLL_SECONDS": "0.2",
    }


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "insignia-server"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database beside the given one, dropped after."""
    import psycopg

    url = make_url(POSTGRES_URL)
    name = f"insignia_test_{secrets.token_hex(4)}"
    admin_dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin_dsn, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    with fresh_postgres_database() as url:
        yield url


def bootstrap(database_url: str) -> None:
    """An administrator and the sample catalog, as the CLI would add them.

    Done in this process: the CLI's own test runs the commands themselves.
    """
    db = Database(database_url)
    try:
        db.upgrade()
        with db.writing() as session:
            create_user(
                session,
                Passwords(time_cost=1, memory_kib=1024),
                "admin",
                ADMIN_PASSWORD,
                Role.ADMIN,
                "Admin",
            )
            publish(session, read_catalog(SAMPLE_CATALOG))
    finally:
        db.close()


def start_server(
    backend: str,
    database_url: str,
    data_dir: Path,
    environment: dict[str, str] | None = None,
) -> RunningServer:
    """A server on a free port; ``environment`` adds to its variables."""
    env = server_environment(data_dir) | (environment or {})
    bootstrap(database_url)

    port = free_port()
    log_path = data_dir / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                str(BIN / "insignia-server"),
                "serve",
                "--database-url",
                database_url,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = RunningServer(
        backend, f"http://127.0.0.1:{port}", database_url, data_dir, log_path, process
    )
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped:\n{server.log()}")
        try:
            probe = httpx.get(
                f"{server.base_url}/openapi.json", timeout=1, verify=False
            )
            if probe.is_success:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the server did not start:\n{server.log()}")
        time.sleep(0.1)
    token = server.login("admin", ADMIN_PASSWORD)
    with server.client() as client:
        me = client.get(
            "/api/v1/users/me", headers={"Authorization": f"Bearer {token}"}
        )
    server.admin = Account(me.json()["id"], "admin", ADMIN_PASSWORD, "admin", token)
    return server


def stop_server(running: RunningServer) -> None:
    running.process.terminate()
    try:
        running.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        running.process.kill()
    if running._db is not None:
        running._db.close()


@pytest.fixture(
    scope="session",
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_POSTGRES),
        ),
    ],
)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    backend: str = request.param
    data_dir = tmp_path_factory.mktemp(f"server-{backend}")
    if backend == "sqlite":
        url = f"sqlite:///{data_dir / 'insignia-server.db'}"
    else:
        url = request.getfixturevalue("postgres_database")
    running = start_server(backend, url, data_dir)
    try:
        yield running
    finally:
        stop_server(running)


@pytest.fixture
def postgres_server(server: RunningServer) -> RunningServer:
    if server.backend != "postgresql":
        pytest.skip("needs PostgreSQL: concurrent writers are serialized on SQLite")
    return server
