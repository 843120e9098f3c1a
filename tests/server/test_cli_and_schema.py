"""The ``insignia-server`` commands, and the first migration on an empty database."""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from model.catalog import SAMPLE_CATALOG
from model.entities import Base, MicroCredential, Role, User
from server.database import Database
from server.entities import Account, ServerBase
from tests.server.conftest import (
    POSTGRES_URL,
    SKIP_POSTGRES,
    fresh_postgres_database,
    run_cli,
    server_environment,
)


def test_create_user_and_import_catalog(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    env = server_environment(tmp_path) | {"INSIGNIA_PASSWORD": "a-long-password"}
    created = run_cli(
        "create-user",
        "ana",
        "--role",
        "assessor",
        "--display-name",
        "Ana Ruiz",
        "--email",
        "ana@example.org",
        "--language",
        "es",
        "--database-url",
        url,
        env=env,
    )
    assert created.returncode == 0, created.stderr
    assert "Created ana (assessor)" in created.stdout
    again = run_cli(
        "create-user", "ana", "--role", "educator", "--database-url", url, env=env
    )
    assert again.returncode == 1
    assert "taken" in again.stderr
    short = run_cli(
        "create-user",
        "bo",
        "--role",
        "educator",
        "--database-url",
        url,
        env=env | {"INSIGNIA_PASSWORD": "short"},
    )
    assert short.returncode == 2

    imported = run_cli(
        "import-catalog", str(SAMPLE_CATALOG), "--database-url", url, env=env
    )
    assert imported.returncode == 0, imported.stderr
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": "insignia-catalog/1"}))
    refused = run_cli("import-catalog", str(broken), "--database-url", url, env=env)
    assert refused.returncode == 1
    assert "micro_credentials" in refused.stderr

    db = Database(url)
    try:
        with db.reading() as session:
            user = session.scalars(select(User).where(User.username == "ana")).one()
            assert (user.role, user.display_name) == (Role.ASSESSOR, "Ana Ruiz")
            account = session.get(Account, user.id)
            assert account is not None
            assert account.password_hash.startswith("$argon2id$")
            assert (user.email, account.language) == ("ana@example.org", "es")
            assert "a-long-password" not in account.password_hash
            assert len(session.scalars(select(MicroCredential)).all()) == 6
    finally:
        db.close()


@pytest.mark.parametrize(
    "backend",
    [
        "sqlite",
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_POSTGRES),
        ),
    ],
)
def test_the_first_migration_builds_every_table_the_entities_describe(
    backend: str, tmp_path: Path
) -> None:
    with ExitStack() as stack:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path / 'empty.db'}"
        else:
            url = stack.enter_context(fresh_postgres_database())
        db = Database(url)
        stack.callback(db.close)
        db.upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection)
            differences = compare_metadata(
                context, [Base.metadata, ServerBase.metadata]
            )
    assert differences == []
