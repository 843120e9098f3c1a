"""The change feed: where each entity last changed, read in commit order.

Why not a plain autoincrement id as the cursor: on PostgreSQL, ids are handed
out when rows are inserted, not when their transactions commit. A writer that
took id 10 and commits after the writer that took id 11 makes row 10 appear
after a reader has already moved its cursor past 11, and the change is never
served.

So each row also records the id of the transaction that wrote it
(``pg_current_xact_id()``), and a reader serves only rows whose transaction
id is below the "xmin horizon" of its snapshot
(``pg_snapshot_xmin(pg_current_snapshot())``): every transaction below that
has finished, so no row below it can still appear. The feed is ordered by
(txid, id), and the cursor is the last position served. A row written by a
transaction still running, or by one that started after it, always lands
after the cursor. A long transaction holds the horizon back: the feed then
waits for it rather than skip.

On SQLite, writers are serialized (``BEGIN IMMEDIATE``), so ids follow commit
order; txid is always 0 there.

Each entity has one row: a change deletes it and inserts a new one, so the
feed grows with the number of entities, not with the number of edits.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, delete, insert, literal_column, or_, select, text, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from model.entities import Application, MicroCredential, Role, Status
from model.sync_protocol import ChangeKind
from server.accounts import Principal
from server.entities import SyncChange

MAX_PAGE = 1000


class BadCursor(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Cursor:
    txid: int = 0
    id: int = 0

    @classmethod
    def parse(cls, value: str | None) -> Cursor:
        if not value:
            return cls()
        try:
            txid, _, id_ = value.partition(".")
            cursor = cls(int(txid), int(id_))
        except ValueError as error:
            raise BadCursor(value) from error
        if not (0 <= cursor.txid < 2**63 and 0 <= cursor.id < 2**63):
            raise BadCursor(value)
        return cursor

    def __str__(self) -> str:
        return f"{self.txid}.{self.id}"


def _txid(session: Session) -> object:
    if session.get_bind().dialect.name == "postgresql":
        return literal_column("pg_current_xact_id()::text::bigint")
    return 0


def record_change(session: Session, kind: ChangeKind, entity_id: int) -> int:
    """Move the entity to the end of the feed; returns its new version.

    The caller holds a lock on the entity's row (on PostgreSQL), so two
    writers of one entity never compute the same version.
    """
    version = session.scalar(
        select(SyncChange.version).where(
            SyncChange.kind == kind.value, SyncChange.entity_id == entity_id
        )
    )
    new = (version or 0) + 1
    session.execute(
        delete(SyncChange).where(
            SyncChange.kind == kind.value, SyncChange.entity_id == entity_id
        )
    )
    session.execute(
        insert(SyncChange).values(
            kind=kind.value, entity_id=entity_id, version=new, txid=_txid(session)
        )
    )
    return new


def version_of(session: Session, kind: ChangeKind, entity_id: int) -> int:
    version = session.scalar(
        select(SyncChange.version).where(
            SyncChange.kind == kind.value, SyncChange.entity_id == entity_id
        )
    )
    return version or 0


def lock_credential(session: Session, credential_id: int) -> None:
    session.execute(
        select(MicroCredential.id)
        .where(MicroCredential.id == credential_id)
        .with_for_update()
    )


@dataclass(frozen=True)
class ChangeRow:
    kind: ChangeKind
    entity_id: int
    version: int


def read_changes(
    session: Session, viewer: Principal, after: Cursor, limit: int
) -> tuple[list[ChangeRow], Cursor, bool]:
    """Up to ``limit`` changes ``viewer`` may see after ``after``.

    Returns the rows, the cursor to pass next time and whether more rows are
    ready. On PostgreSQL the session must be one snapshot (REPEATABLE READ),
    so the horizon and the rows are read from the same moment.
    """
    conditions = [tuple_(SyncChange.txid, SyncChange.id) > (after.txid, after.id)]
    if session.get_bind().dialect.name == "postgresql":
        horizon = session.scalar(
            text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
        )
        conditions.append(SyncChange.txid < horizon)

    query = (
        select(
            SyncChange.kind,
            SyncChange.entity_id,
            SyncChange.version,
            SyncChange.txid,
            SyncChange.id,
        )
        .outerjoin(
            Application,
            and_(
                SyncChange.kind == ChangeKind.APPLICATION.value,
                Application.id == SyncChange.entity_id,
            ),
        )
        .where(*conditions, _visible(viewer))
        .order_by(SyncChange.txid, SyncChange.id)
        .limit(limit + 1)
    )
    rows = session.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = Cursor(rows[-1].txid, rows[-1].id) if rows else after
    return (
        [ChangeRow(ChangeKind(r.kind), r.entity_id, r.version) for r in rows],
        cursor,
        more,
    )


def _visible(viewer: Principal) -> ColumnElement[bool]:
    credential = SyncChange.kind == ChangeKind.CREDENTIAL.value
    if viewer.role is Role.EDUCATOR:
        return or_(credential, Application.educator_id == viewer.id)
    if viewer.role is Role.ASSESSOR:
        return or_(
            credential,
            and_(
                Application.status != Status.DRAFT,
                Application.educator_id != viewer.id,
            ),
        )
    return credential
