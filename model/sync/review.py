"""What the owner of an application sees of sync: conflicts, refusals, waiting.

The store calls these inside its own units of work; they read and change
the local sync tables only through the session they are given.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from model.entities import (
    Answer,
    Application,
    OutboxOperation,
    SyncConflict,
    SyncLink,
    SyncText,
)
from model.errors import Missing, MissingItem
from model.records import (
    ConflictRecord,
    CredentialRecord,
    RefusalRecord,
    SyncNotes,
)
from model.sync import outbox
from model.sync_protocol import OperationKind


def question_of(field: str) -> int | None:
    if field.startswith("answer:"):
        return int(field.split(":", 1)[1])
    return None


def _mine(application: Application, field: str) -> str:
    if field == outbox.NOTE:
        return application.resubmission_note
    question_id = question_of(field)
    answer = next(
        (a for a in application.answers if a.question_id == question_id), None
    )
    return answer.text if answer else ""


def conflicts(session: Session, application: Application) -> list[ConflictRecord]:
    rows = session.scalars(
        select(SyncConflict)
        .where(
            SyncConflict.application_id == application.id,
            SyncConflict.field.not_like("verdict:%"),
        )
        .order_by(SyncConflict.id)
    )
    return [
        ConflictRecord(
            field=row.field,
            question_id=question_of(row.field),
            mine=_mine(application, row.field),
            theirs=row.theirs,
        )
        for row in rows
    ]


def conflict_items(
    session: Session, application: Application, credential: CredentialRecord
) -> list[MissingItem]:
    """The unresolved conflicts, as items that keep a draft from submission."""
    items = []
    for conflict in conflicts(session, application):
        part_id = None
        if conflict.question_id is not None:
            part_id = next(
                (
                    p.id
                    for p in credential.parts
                    if any(q.id == conflict.question_id for q in p.questions)
                ),
                None,
            )
        items.append(
            MissingItem(
                Missing.CONFLICT, part_id=part_id, question_id=conflict.question_id
            )
        )
    return items


def notes(
    session: Session, application: Application, credential: CredentialRecord
) -> SyncNotes:
    link = session.get(SyncLink, application.id)
    if link is None:
        return SyncNotes()
    waiting = (
        session.scalar(
            select(OutboxOperation.id)
            .where(
                OutboxOperation.application_id == application.id,
                OutboxOperation.kind == OperationKind.SUBMIT.value,
            )
            .limit(1)
        )
        is not None
    )
    return SyncNotes(
        waiting_to_send=waiting,
        conflicts=tuple(conflicts(session, application)),
        refusals=tuple(_refusals(link, credential)),
    )


def _refusals(link: SyncLink, credential: CredentialRecord) -> list[RefusalRecord]:
    questions = {
        (p.key, q.key): (p.id, q.id) for p in credential.parts for q in p.questions
    }
    parts = {p.key: p.id for p in credential.parts}
    records = []
    for item in (link.refusal or {}).get("items", []):
        missing = []
        for entry in item.get("missing", []):
            part_id, question_id = questions.get(
                (entry.get("part_key"), entry.get("question_key")),
                (parts.get(entry.get("part_key") or ""), None),
            )
            try:
                kind = Missing(entry.get("kind"))
            except ValueError:
                continue
            missing.append(
                MissingItem(
                    kind,
                    part_id=part_id,
                    question_id=question_id,
                    words=int(entry.get("words", 0)),
                    limit=int(entry.get("limit", 0)),
                )
            )
        records.append(
            RefusalRecord(
                kind=str(item.get("kind", "")),
                reason=str(item.get("reason", "")),
                message=str(item.get("message", "")),
                missing=tuple(missing),
            )
        )
    return records


def resolve(
    session: Session,
    application: Application,
    field: str,
    *,
    keep_mine: bool,
    now: datetime,
) -> str | None:
    """End a conflict; returns the text the local copy takes, if it changes.

    Keeping mine sends it again, now based on the other device's version,
    so it replaces that one on the server; using theirs replaces mine here.
    """
    conflict = session.scalar(
        select(SyncConflict).where(
            SyncConflict.application_id == application.id,
            SyncConflict.field == field,
        )
    )
    if conflict is None:
        return None
    version = session.get(SyncText, (application.id, field))
    if version is None:
        version = SyncText(application_id=application.id, field=field, version=0)
        session.add(version)
    version.version = conflict.their_version
    session.delete(conflict)
    if keep_mine:
        return None
    session.execute(
        delete(OutboxOperation).where(
            OutboxOperation.application_id == application.id,
            OutboxOperation.field == field,
        )
    )
    if field == outbox.NOTE:
        application.resubmission_note = conflict.theirs
        return conflict.theirs
    question_id = question_of(field)
    answer = next(
        (a for a in application.answers if a.question_id == question_id), None
    )
    if answer is None and question_id is not None:
        answer = Answer(question_id=question_id, text="", updated_at=now)
        application.answers.append(answer)
    if answer is not None:
        answer.text = conflict.theirs
    return conflict.theirs


def waiting_submissions(session: Session, user_id: int) -> set[int]:
    return set(
        session.scalars(
            select(OutboxOperation.application_id).where(
                OutboxOperation.user_id == user_id,
                OutboxOperation.kind == OperationKind.SUBMIT.value,
            )
        )
    )
