"""A first look at the local database with the standard library only.

The window paints the dashboard (or the assessor queue) from this before
SQLAlchemy is imported; the full store opens in the background right after.
Only a database already at the current schema is read this way: anything
else goes through the store, which creates or upgrades it.

The store reads its dashboard and queue with the same functions, on its own
driver connection, so both paths list exactly the same rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from model.calendar import BusinessCalendar
from model.database import (
    DATABASE_NAME,
    HEAD_REVISION,
    current_revision,
    ensure_writable,
    is_damage,
)
from model.enums import QueueFilter, Role, Status
from model.errors import DatabaseDamaged
from model.records import DashboardRow, QueueRow, UserRecord

_STATUS = {s.value: s for s in Status}
WAITING = (Status.SUBMITTED, Status.IN_REVIEW)


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


def read_queue_rows(
    connection: Any,
    assessor_id: int,
    today: date,
    calendar: BusinessCalendar,
    filter: QueueFilter = QueueFilter.ALL,
    limit: int | None = None,
) -> list[QueueRow]:
    """Applications waiting for a decision, the earliest due first.

    One query, whatever the size, from a DB-API connection: never the
    assessor's own applications. At 100,000 rows it takes a few hundred
    milliseconds; ``limit`` gives the first rows sooner.
    """
    me = assessor_id
    sql = (
        "SELECT a.id, a.code, a.credential_id, a.attempt,"
        " a.status = 'in_review', a.submitted_at, a.decision_due, s.assessor_id"
        " FROM applications a"
        " LEFT JOIN assessments s ON s.application_id = a.id"
        " WHERE a.status IN (?, ?) AND a.educator_id != ?"
    )
    parameters: list[Any] = [*(s.value for s in WAITING), me]
    if filter is QueueFilter.ASSIGNED_TO_ME:
        sql += " AND s.assessor_id = ?"
        parameters.append(me)
    elif filter is QueueFilter.UNASSIGNED:
        sql += " AND s.id IS NULL"
    elif filter is QueueFilter.OVERDUE:
        sql += " AND a.decision_due < ?"
        parameters.append(today.isoformat())
    sql += " ORDER BY a.decision_due, a.submitted_at, a.id"
    if limit is not None:
        sql += " LIMIT ?"
        parameters.append(limit)

    cursor = connection.cursor()
    try:
        cursor.execute("SELECT id, title FROM micro_credentials")
        titles = {row[0]: _json(row[1]) for row in cursor.fetchall()}
        cursor.execute(
            "SELECT DISTINCT u.id, u.display_name FROM assessments s"
            " JOIN users u ON u.id = s.assessor_id WHERE s.decided_at IS NULL"
        )
        names = dict(cursor.fetchall())
        cursor.execute(sql, parameters)
        rows = cursor.fetchall()
    finally:
        cursor.close()

    dues = {text: date.fromisoformat(text) for text in {r[6] for r in rows} if text}
    left = business_days_left(calendar, today, dues.values())
    status = (Status.SUBMITTED, Status.IN_REVIEW)
    parse = datetime.fromisoformat
    # tuple.__new__ is what QueueRow._make uses, without its overhead.
    new = tuple.__new__
    return [
        new(
            QueueRow,
            (
                row[0],
                row[1],
                titles[row[2]],
                row[3],
                status[row[4]],
                parse(row[5]) if row[5] else None,
                due := dues.get(row[6]),
                left[due] if due else None,
                due is not None and due < today,
                names.get(row[7]),
                row[7] == me,
            ),
        )
        for row in rows
    ]


def business_days_left(
    calendar: BusinessCalendar, today: date, dues: Iterable[date]
) -> dict[date, int]:
    """Business days from ``today`` to each due date, negative when overdue.

    The distinct dates are walked in order from today, so the calendar is
    asked about each day between them once, however many rows share a date.
    """
    left: dict[date, int] = {}
    distinct = set(dues)
    for later, sign in ((True, 1), (False, -1)):
        side = sorted((d for d in distinct if (d >= today) is later), reverse=not later)
        count, reached = 0, today
        for due in side:
            if later:
                count += calendar.business_days_between(reached, due)
            else:
                count += calendar.business_days_between(due, reached)
            left[due] = sign * count
            reached = due
    return left


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


class FirstLook:
    """Read-only access to a current database, for the first paint.

    A damaged file (a sound header, broken pages further in) raises
    DatabaseDamaged naming it, from whichever read meets the damage; the file
    is opened read-only and left as it is.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._connection = connection
        self.path = path

    @classmethod
    def open(cls, folder: Path) -> FirstLook | None:
        """None when the database is missing or not at the current schema.

        Raises DataFolderNotWritable first when the folder cannot be written:
        the window would open, and then nothing could be saved.
        """
        ensure_writable(folder)
        path = folder / DATABASE_NAME
        if not path.is_file() or current_revision(path) != HEAD_REVISION:
            return None
        uri = f"{path.resolve().as_uri()}?mode=ro"
        return cls(sqlite3.connect(uri, uri=True), path)

    def close(self) -> None:
        self._connection.close()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self._connection
        except sqlite3.DatabaseError as error:
            if is_damage(error):
                raise DatabaseDamaged(str(error), self.path) from error
            raise

    def is_empty(self) -> bool:
        with self._reading() as connection:
            return connection.execute("SELECT 1 FROM users LIMIT 1").fetchone() is None

    def user(self, username: str) -> UserRecord | None:
        with self._reading() as connection:
            row = connection.execute(
                "SELECT id, username, display_name, email, role FROM users"
                " WHERE username = ?",
                (username,),
            ).fetchone()
        if row is None:
            return None
        return UserRecord(row[0], row[1], row[2], row[3], Role(row[4]))

    def users(self) -> list[UserRecord]:
        with self._reading() as connection:
            rows = connection.execute(
                "SELECT id, username, display_name, email, role FROM users"
                " WHERE username NOT LIKE '~%' ORDER BY id"
            ).fetchall()
        return [UserRecord(r[0], r[1], r[2], r[3], Role(r[4])) for r in rows]

    def setting(self, key: str) -> str:
        with self._reading() as connection:
            row = connection.execute(
                "SELECT value FROM settings WHERE key = ?", (key,)
            ).fetchone()
        return str(row[0]) if row else ""

    def dashboard_rows(
        self, educator_id: int, limit: int | None = None
    ) -> list[DashboardRow]:
        with self._reading() as connection:
            return read_dashboard_rows(connection, educator_id, limit)

    def calendar(self) -> BusinessCalendar:
        """The business-day calendar the settings name (the store's defaults)."""
        with self._reading() as connection:
            stored = dict(
                connection.execute(
                    "SELECT key, value FROM settings"
                    " WHERE key IN ('holiday_country', 'holiday_subdivision')"
                ).fetchall()
            )
        return BusinessCalendar(
            stored.get("holiday_country") or BusinessCalendar.country,
            stored.get("holiday_subdivision") or None,
        )

    def queue_rows(
        self, assessor_id: int, today: date, limit: int | None = None
    ) -> list[QueueRow]:
        """The first rows of the queue, as ``AssessorDesk.queue`` lists them."""
        calendar = self.calendar()
        with self._reading() as connection:
            return read_queue_rows(
                connection, assessor_id, today, calendar, limit=limit
            )
