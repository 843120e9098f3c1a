"""Opening the local SQLite database: checks, WAL, and in-place upgrades.

An older database is copied aside before Alembic upgrades it, and a file that
is not an Insignia database is never touched.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    DataFolderNotWritable,
    StoreError,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

__all__ = [
    "DataFolderNotWritable",
    "DatabaseDamaged",
    "DatabaseTooNew",
    "StoreError",
]

logger = logging.getLogger(__name__)

DATABASE_NAME = "insignia.db"
HEAD_REVISION = "0005"
MIGRATIONS = Path(__file__).with_name("migrations")
# SQLite's primary result codes for a file that is damaged or not a database.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def is_damage(error: BaseException) -> bool:
    """Whether a driver error says the database file itself is damaged.

    Takes sqlite3's errors and SQLAlchemy's (through their ``orig``). A busy,
    locked or read-only database, or a broken constraint, is not damage.
    """
    error = getattr(error, "orig", None) or error
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return type(error) is sqlite3.DatabaseError
    return (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def ensure_writable(folder: Path) -> None:
    """Create ``folder`` if needed and check that a file can be written in it.

    Raises DataFolderNotWritable, naming the folder, when it cannot.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".insignia-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise DataFolderNotWritable(str(error), folder) from error


def current_revision(path: Path) -> str | None:
    """The schema revision of an existing file, or None for an empty file.

    Raises DatabaseDamaged for anything that is not a readable SQLite file or
    holds tables of something else.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            tables = {
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseDamaged("not an Insignia database", path)
                return None
            row = connection.execute(
                "SELECT version_num FROM alembic_version"
            ).fetchone()
    except sqlite3.DatabaseError as error:
        raise DatabaseDamaged(str(error), path) from error
    return str(row[0]) if row else None


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    # SQLAlchemy is imported on first use: the window paints before it is needed.
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    return engine


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open_database(folder: Path) -> Engine:
    """The engine of the database in ``folder``, created or upgraded as needed."""
    ensure_writable(folder)
    path = folder / DATABASE_NAME
    revision = current_revision(path)
    known = [p.stem.split("_")[0] for p in (MIGRATIONS / "versions").glob("*.py")]
    if revision is not None and revision not in known:
        raise DatabaseTooNew(f"schema {revision} is newer than this Insignia", path)

    if revision is not None and revision != HEAD_REVISION:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.name}.{revision}-{stamp}.bak")
        shutil.copy2(path, backup)
        logger.info("Copied the database aside to %s before upgrading it", backup)

    engine = make_engine(path)
    try:
        if revision != HEAD_REVISION:
            upgrade(engine)
            logger.info("Database %s upgraded from %s", path, revision or "nothing")
    except Exception as error:
        engine.dispose()
        from sqlalchemy.exc import DatabaseError

        if isinstance(error, DatabaseError):
            raise DatabaseDamaged(str(error.orig), path) from error
        raise
    return engine
