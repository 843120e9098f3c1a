"""A first look at the local database with the standard library only.

The window paints the dashboard from this before SQLAlchemy is imported; the
full store opens in the background right after. Only a database already at
the current schema is read this way: anything else goes through the store,
which creates or upgrades it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from model.database import DATABASE_NAME, HEAD_REVISION, current_revision
from model.enums import Role, Status
from model.records import DashboardRow, UserRecord

_STATUS = {s.value: s for s in Status}


def read_dashboard_rows(
    connection: Any, educator_id: int, limit: int | None = None
) -> list[DashboardRow]:
    """Attempts of one educator, newest first, from a DB-API connection."""
    cursor = connection.cursor()
    try:
        cursor.execute("SELECT id, title FROM micro_credentials")
        titles = {row[0]: _json(row[1]) for row in cursor.fetchall()}
        cursor.execute(
            "SELECT id, credential_id, attempt, status, submitted_at,"
            " decision_due, decided_at FROM applications"
            " WHERE educator_id = ? ORDER BY id DESC LIMIT ?",
            (educator_id, -1 if limit is None else limit),
        )
        rows = cursor.fetchall()
    finally:
        cursor.close()
    parse_time = datetime.fromisoformat
    parse_date = date.fromisoformat
    return [
        DashboardRow(
            row[0],
            titles[row[1]],
            row[2],
            _STATUS[row[3]],
            parse_time(row[4]) if row[4] else None,
            parse_date(row[5]) if row[5] else None,
            parse_time(row[6]) if row[6] else None,
        )
        for row in rows
    ]


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


class FirstLook:
    """Read-only access to a current database, for the first paint."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    @classmethod
    def open(cls, folder: Path) -> FirstLook | None:
        """None when the database is missing or not at the current schema."""
        path = folder / DATABASE_NAME
        if not path.is_file() or current_revision(path) != HEAD_REVISION:
            return None
        uri = f"{path.resolve().as_uri()}?mode=ro"
        return cls(sqlite3.connect(uri, uri=True))

    def close(self) -> None:
        self._connection.close()

    def is_empty(self) -> bool:
        return (
            self._connection.execute("SELECT 1 FROM users LIMIT 1").fetchone() is None
        )

    def user(self, username: str) -> UserRecord | None:
        row = self._connection.execute(
            "SELECT id, username, display_name, email, role FROM users"
            " WHERE username = ?",
            (username,),
        ).fetchone()
        if row is None:
            return None
        return UserRecord(row[0], row[1], row[2], row[3], Role(row[4]))

    def dashboard_rows(
        self, educator_id: int, limit: int | None = None
    ) -> list[DashboardRow]:
        return read_dashboard_rows(self._connection, educator_id, limit)
