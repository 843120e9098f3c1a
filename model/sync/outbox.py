"""Recording local changes for the server, inside the change's own transaction.

Nothing is recorded until the data folder is connected to a server (the
``sync.account`` setting): an Insignia used only on this computer keeps no
outbox. Each record is one operation of ``model.sync_protocol``, kept with
the local ids it concerns; the engine turns it into the protocol's form
when it sends it.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.entities import (
    Application,
    OutboxOperation,
    Setting,
    SyncLink,
)
from model.sync_protocol import OperationKind

ACCOUNT = "sync.account"
SERVER = "sync.server"
USERNAME = "sync.username"
CURSOR = "sync.cursor"
NOTE = "note"

# Operations sent alone, after what came before them has been answered: a
# submission or a decision must not go out when a change before it conflicted.
FINAL = frozenset({OperationKind.SUBMIT, OperationKind.REAPPLY, OperationKind.DECIDE})


def answer_field(question_id: int) -> str:
    return f"answer:{question_id}"


def verdict_field(part_id: int) -> str:
    return f"verdict:{part_id}"


def confirmation_field(name: str) -> str:
    return f"confirm:{name}"


def enabled(session: Session) -> bool:
    """True when this data folder is connected to a server."""
    row = session.get(Setting, ACCOUNT)
    return bool(row and row.value)


def link_of(session: Session, application_id: int) -> SyncLink:
    """The application's link, made (with a new uid) the first time it is asked."""
    link = session.get(SyncLink, application_id)
    if link is None:
        link = SyncLink(
            application_id=application_id,
            uid=str(uuid.uuid4()),
            version=0,
            assessment_revision=0,
        )
        session.add(link)
        session.flush()
    return link


def record(
    session: Session,
    application: Application,
    user_id: int,
    kind: OperationKind,
    payload: dict[str, Any],
    now: datetime,
    *,
    field: str | None = None,
) -> None:
    """Queue ``kind`` for the server; a waiting edit of ``field`` is replaced."""
    if not enabled(session):
        return
    session.flush()
    link_of(session, application.id)
    if field is not None:
        waiting = session.scalar(
            select(OutboxOperation).where(
                OutboxOperation.application_id == application.id,
                OutboxOperation.field == field,
                OutboxOperation.sent.is_(False),
            )
        )
        if waiting is not None:
            waiting.payload = payload
            return
    session.add(
        OutboxOperation(
            op_id=str(uuid.uuid4()),
            user_id=user_id,
            application_id=application.id,
            kind=kind.value,
            field=field,
            payload=payload,
            sent=False,
            created_at=now,
        )
    )


def waiting_count(session: Session, user_id: int) -> int:
    return (
        session.scalar(
            select(func.count(OutboxOperation.id)).where(
                OutboxOperation.user_id == user_id
            )
        )
        or 0
    )
