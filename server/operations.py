"""Applying the clients' operations, by the model's workflow rules.

Every change to an application, whether pushed by the sync engine or made
through the REST endpoints, goes through ``apply``: the server checks who
may do it and asks ``model.workflow`` whether it is allowed, on the stored
state, never on what the client says the state is. ``push`` adds the
once-only guarantee: each operation's outcome is stored under its ``op_id``
in the same transaction as its effect, and a retry gets that outcome back.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from model import workflow
from model.calendar import BusinessCalendar
from model.entities import (
    Answer,
    Application,
    Assessment,
    Attachment,
    MicroCredential,
    Notification,
    NotificationKind,
    Part,
    PartVerdict,
    Question,
    Role,
    Status,
    Verdict,
)
from model.errors import HeldByAnother, MissingItem
from model.sync_protocol import (
    AddAttachmentOp,
    AssessmentConflict,
    ChangeKind,
    ClaimOp,
    DecideOp,
    MissingItemPayload,
    Operation,
    OperationResult,
    OperationStatus,
    ReapplyOp,
    Reason,
    RemoveAttachmentOp,
    SaveAnswerOp,
    SaveNoteOp,
    SaveVerdictOp,
    SetConfirmationOp,
    StartApplicationOp,
    SubmitOp,
    TextConflict,
    UnlockPartOp,
)
from server import notices
from server.accounts import Principal, utcnow
from server.changes import record_change, version_of
from server.database import Database
from server.entities import ApplicationUid, Blob, SyncOperation, TextVersion
from server.payloads import NOTE, PayloadBuilder, answer_field, application_options

logger = logging.getLogger(__name__)

URI_LIST = "text/uri-list"


class Refused(Exception):
    """The operation is not applied; ``reason`` says why, for the client."""

    def __init__(
        self,
        reason: Reason,
        message: str,
        missing: list[MissingItemPayload] | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.missing = missing or []


@dataclass(frozen=True)
class Context:
    user: Principal
    calendar: BusinessCalendar


def new_code() -> str:
    """A short code that names an application without naming its educator."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "MC-" + "".join(secrets.choice(alphabet) for _ in range(6))


# Entry points -----------------------------------------------------------------


def push(db: Database, context: Context, operation: Operation) -> OperationResult:
    """Apply ``operation`` once: a repeated ``op_id`` gets the recorded result."""
    try:
        with db.writing() as session:
            recorded = _recorded(session, context, operation.op_id)
            if recorded is not None:
                return recorded
            result = _apply_in_savepoint(session, context, operation)
            session.add(
                SyncOperation(
                    op_id=operation.op_id,
                    user_id=context.user.id,
                    kind=operation.kind.value,
                    result=result.model_dump(mode="json"),
                    applied_at=utcnow(),
                )
            )
            return result
    except IntegrityError:
        # The same op_id pushed twice at once: the other push committed first.
        with db.reading() as session:
            recorded = _recorded(session, context, operation.op_id)
        if recorded is None:
            raise
        return recorded


def apply(db: Database, context: Context, operation: Operation) -> OperationResult:
    """Apply ``operation`` without recording it: for the REST endpoints."""
    with db.writing() as session:
        return _apply_in_savepoint(session, context, operation)


def _recorded(
    session: Session, context: Context, op_id: uuid.UUID
) -> OperationResult | None:
    row = session.get(SyncOperation, op_id)
    if row is None:
        return None
    if row.user_id != context.user.id:
        return OperationResult(
            op_id=op_id,
            status=OperationStatus.REJECTED,
            reason=Reason.OP_ID_REUSED,
            message="this operation id was already used",
        )
    return OperationResult.model_validate(row.result)


def _apply_in_savepoint(
    session: Session, context: Context, operation: Operation
) -> OperationResult:
    savepoint = session.begin_nested()
    try:
        result = HANDLERS[type(operation)](session, context, operation)
    except Refused as refusal:
        savepoint.rollback()
        logger.debug("Refused %s: %s", operation.kind, refusal.reason)
        return OperationResult(
            op_id=operation.op_id,
            status=OperationStatus.REJECTED,
            reason=refusal.reason,
            message=refusal.message,
            missing=refusal.missing,
        )
    except IntegrityError:
        savepoint.rollback()
        return OperationResult(
            op_id=operation.op_id,
            status=OperationStatus.REJECTED,
            reason=Reason.ALREADY_EXISTS,
            message="it already exists",
        )
    if result.status is OperationStatus.APPLIED:
        savepoint.commit()
    else:
        savepoint.rollback()
    return result


def _applied(operation: Operation, version: int) -> OperationResult:
    return OperationResult(
        op_id=operation.op_id, status=OperationStatus.APPLIED, server_version=version
    )


# Loading and checking ---------------------------------------------------------


def application_id_of(session: Session, uid: uuid.UUID) -> int | None:
    return session.scalar(
        select(ApplicationUid.application_id).where(ApplicationUid.uid == uid)
    )


def _load(session: Session, uid: uuid.UUID) -> Application:
    """The application, locked until the end of the transaction (PostgreSQL)."""
    application_id = application_id_of(session, uid)
    application = (
        None
        if application_id is None
        else session.get(
            Application,
            application_id,
            with_for_update=True,
            options=application_options(),
            populate_existing=True,
        )
    )
    if application is None:
        raise Refused(Reason.NOT_FOUND, "no such application")
    return application


def _own(session: Session, context: Context, uid: uuid.UUID) -> Application:
    """An application of the educator calling; others' do not exist for them."""
    if context.user.role is not Role.EDUCATOR:
        raise Refused(Reason.FORBIDDEN, "only educators change applications")
    application = _load(session, uid)
    if application.educator_id != context.user.id:
        raise Refused(Reason.NOT_FOUND, "no such application")
    return application


def _assessable(session: Session, context: Context, uid: uuid.UUID) -> Application:
    """A submitted application of someone else, for the assessor calling."""
    if context.user.role is not Role.ASSESSOR:
        raise Refused(Reason.FORBIDDEN, "only assessors assess")
    application = _load(session, uid)
    if application.educator_id == context.user.id or application.status is Status.DRAFT:
        raise Refused(Reason.NOT_FOUND, "no such application")
    return application


def _held(
    session: Session, context: Context, uid: uuid.UUID
) -> tuple[Application, Assessment]:
    application = _assessable(session, context, uid)
    assessment = application.assessment
    if assessment is None:
        raise Refused(Reason.NOT_CLAIMED, "open the application for assessment first")
    if assessment.decided_at is not None:
        raise Refused(Reason.NOT_EDITABLE, "the application is decided")
    if assessment.assessor_id != context.user.id:
        raise Refused(Reason.HELD_BY_ANOTHER, "another assessor holds it")
    return application, assessment


def _part(application: Application, key: str) -> Part:
    part = next((p for p in application.credential.parts if p.key == key), None)
    if part is None:
        raise Refused(Reason.INVALID, f"no part {key!r} in this micro-credential")
    return part


def _question(part: Part, key: str) -> Question:
    question = next((q for q in part.questions if q.key == key), None)
    if question is None:
        raise Refused(Reason.INVALID, f"no question {key!r} in part {part.key!r}")
    return question


def _workflow(action: Callable[[], Any]) -> Any:
    """Run a workflow rule, turning its refusal into the protocol's."""
    try:
        return action()
    except workflow.PartLocked as error:
        raise Refused(Reason.PART_LOCKED, str(error)) from error
    except workflow.NotEditable as error:
        raise Refused(Reason.NOT_EDITABLE, str(error)) from error
    except workflow.ReapplyRefused as error:
        raise Refused(Reason.REAPPLY_REFUSED, str(error)) from error
    except workflow.DecisionRefused as error:
        raise Refused(Reason.DECISION_REFUSED, str(error)) from error
    except HeldByAnother as error:
        raise Refused(Reason.HELD_BY_ANOTHER, str(error)) from error


def _changed(session: Session, application: Application) -> int:
    session.flush()
    return record_change(session, ChangeKind.APPLICATION, application.id)


def _text_version(session: Session, application_id: int, field: str) -> TextVersion:
    row = session.get(TextVersion, (application_id, field))
    if row is None:
        row = TextVersion(application_id=application_id, field=field, version=0)
        session.add(row)
    return row


def _save_text(
    session: Session,
    operation: SaveAnswerOp | SaveNoteOp,
    application: Application,
    field: str,
    current: str,
    write: Callable[[str], None],
) -> OperationResult:
    """Write a text unless it was changed from a stale base: then a conflict."""
    if operation.base_version is None:
        raise Refused(Reason.INVALID, "base_version is required")
    text = operation.payload.text
    version = _text_version(session, application.id, field)
    if text == current:
        return _applied(operation, version.version)
    if operation.base_version != version.version:
        return OperationResult(
            op_id=operation.op_id,
            status=OperationStatus.CONFLICT,
            reason=Reason.STALE,
            message="changed elsewhere since this edit began",
            server_version=version.version,
            server_payload=TextConflict(text=current, version=version.version),
        )
    write(text)
    version.version += 1
    application.updated_at = utcnow()
    _changed(session, application)
    return _applied(operation, version.version)


# The educator's operations ----------------------------------------------------


def _start(
    session: Session, context: Context, op: StartApplicationOp
) -> OperationResult:
    if context.user.role is not Role.EDUCATOR:
        raise Refused(Reason.FORBIDDEN, "only educators start applications")
    if application_id_of(session, op.application) is not None:
        raise Refused(Reason.ALREADY_EXISTS, "an application with this uid exists")
    credential_id = session.scalar(
        select(MicroCredential.id).where(
            MicroCredential.code == op.payload.credential_code,
            MicroCredential.version == op.payload.credential_version,
        )
    )
    if credential_id is None:
        raise Refused(Reason.NOT_FOUND, "no such micro-credential")
    now = utcnow()
    application = Application(
        code=new_code(),
        credential_id=credential_id,
        educator_id=context.user.id,
        attempt=1,
        status=Status.DRAFT,
        created_at=now,
        updated_at=now,
        resubmission_note="",
    )
    session.add(application)
    session.flush()
    session.add(ApplicationUid(application_id=application.id, uid=op.application))
    logger.info("Started application %s", application.code)
    return _applied(op, _changed(session, application))


def _save_answer(
    session: Session, context: Context, op: SaveAnswerOp
) -> OperationResult:
    application = _own(session, context, op.application)
    part = _part(application, op.payload.part_key)
    question = _question(part, op.payload.question_key)
    _workflow(lambda: workflow.ensure_part_editable(application, part.id))
    answer = next(
        (a for a in application.answers if a.question_id == question.id), None
    )

    def write(text: str) -> None:
        if answer is None:
            application.answers.append(
                Answer(question_id=question.id, text=text, updated_at=utcnow())
            )
        else:
            answer.text = text
            answer.updated_at = utcnow()

    current = answer.text if answer else ""
    return _save_text(
        session, op, application, answer_field(question.id), current, write
    )


def _save_note(session: Session, context: Context, op: SaveNoteOp) -> OperationResult:
    application = _own(session, context, op.application)
    _workflow(lambda: workflow.ensure_editable(application))

    def write(text: str) -> None:
        application.resubmission_note = text

    current = application.resubmission_note
    return _save_text(session, op, application, NOTE, current, write)


def _set_confirmation(
    session: Session, context: Context, op: SetConfirmationOp
) -> OperationResult:
    application = _own(session, context, op.application)
    _workflow(lambda: workflow.ensure_editable(application))
    if getattr(application, op.payload.name.value) == op.payload.value:
        return _applied(op, version_of(session, ChangeKind.APPLICATION, application.id))
    setattr(application, op.payload.name.value, op.payload.value)
    application.updated_at = utcnow()
    return _applied(op, _changed(session, application))


def _unlock(session: Session, context: Context, op: UnlockPartOp) -> OperationResult:
    application = _own(session, context, op.application)
    part = _part(application, op.payload.part_key)
    _workflow(lambda: workflow.ensure_editable(application))
    state = next((s for s in application.part_states if s.part_id == part.id), None)
    if state is None or state.unlocked:
        return _applied(op, version_of(session, ChangeKind.APPLICATION, application.id))
    state.unlocked = True
    application.updated_at = utcnow()
    return _applied(op, _changed(session, application))


def _add_attachment(
    session: Session, context: Context, op: AddAttachmentOp
) -> OperationResult:
    application = _own(session, context, op.application)
    part = _part(application, op.payload.part_key)
    payload = op.payload
    _workflow(lambda: workflow.ensure_part_editable(application, part.id))
    if (payload.sha256 is None) == (payload.url is None):
        raise Refused(Reason.INVALID, "give either sha256 or url")
    same = next(
        (
            a
            for a in application.attachments
            if a.part_id == part.id
            and (a.sha256, a.url) == (payload.sha256, payload.url)
        ),
        None,
    )
    if same is not None:
        return _applied(op, version_of(session, ChangeKind.APPLICATION, application.id))

    if payload.sha256 is not None:
        blob = session.get(Blob, payload.sha256)
        if blob is None:
            raise Refused(
                Reason.ATTACHMENT_NOT_UPLOADED, "upload the file before attaching it"
            )
        size, media_type = blob.size, blob.media_type
    else:
        size, media_type = 0, URI_LIST
    application.attachments.append(
        Attachment(
            part_id=part.id,
            filename=payload.filename,
            sha256=payload.sha256,
            url=payload.url,
            size=size,
            media_type=media_type,
            added_at=utcnow(),
        )
    )
    application.updated_at = utcnow()
    return _applied(op, _changed(session, application))


def _remove_attachment(
    session: Session, context: Context, op: RemoveAttachmentOp
) -> OperationResult:
    application = _own(session, context, op.application)
    part = _part(application, op.payload.part_key)
    _workflow(lambda: workflow.ensure_part_editable(application, part.id))
    target = (op.payload.sha256, op.payload.url)
    kept = [
        a
        for a in application.attachments
        if not (a.part_id == part.id and (a.sha256, a.url) == target)
    ]
    if len(kept) == len(application.attachments):
        return _applied(op, version_of(session, ChangeKind.APPLICATION, application.id))
    application.attachments = kept
    application.updated_at = utcnow()
    return _applied(op, _changed(session, application))


def _missing(application: Application, item: MissingItem) -> MissingItemPayload:
    parts = {p.id: p for p in application.credential.parts}
    part = parts.get(item.part_id) if item.part_id is not None else None
    question = (
        next((q for q in part.questions if q.id == item.question_id), None)
        if part is not None
        else None
    )
    return MissingItemPayload(
        kind=item.kind,
        part_key=part.key if part else None,
        question_key=question.key if question else None,
        words=item.words,
        limit=item.limit,
    )


def _submit(session: Session, context: Context, op: SubmitOp) -> OperationResult:
    application = _own(session, context, op.application)
    try:
        _workflow(lambda: workflow.submit(application, utcnow(), context.calendar))
    except workflow.SubmitRefused as error:
        missing = [_missing(application, item) for item in error.missing]
        raise Refused(Reason.SUBMIT_REFUSED, str(error), missing) from error
    logger.info("Submitted %s, attempt %d", application.code, application.attempt)
    return _applied(op, _changed(session, application))


def chain_of(session: Session, application: Application) -> list[Application]:
    """Every attempt linked to ``application``, oldest first."""
    first = application
    while first.previous_id is not None:
        previous = session.get(Application, first.previous_id)
        if previous is None:
            break
        first = previous
    chain = [first]
    while True:
        following = session.scalar(
            select(Application).where(Application.previous_id == chain[-1].id)
        )
        if following is None:
            return chain
        chain.append(following)


def _reapply(session: Session, context: Context, op: ReapplyOp) -> OperationResult:
    denied = _own(session, context, op.application)
    if application_id_of(session, op.payload.new_uid) is not None:
        raise Refused(Reason.ALREADY_EXISTS, "an application with this uid exists")
    chain = chain_of(session, denied)
    attempt = _workflow(lambda: workflow.reapply(denied, chain, utcnow(), new_code()))
    session.add(attempt)
    session.flush()
    session.add(ApplicationUid(application_id=attempt.id, uid=op.payload.new_uid))
    logger.info("Reapplied %s as attempt %d", denied.code, attempt.attempt)
    return _applied(op, _changed(session, attempt))


# The assessor's operations ----------------------------------------------------


def _claim(session: Session, context: Context, op: ClaimOp) -> OperationResult:
    application = _assessable(session, context, op.application)
    assessment = application.assessment
    if assessment is not None:
        if assessment.decided_at is not None:
            raise Refused(Reason.NOT_EDITABLE, "the application is decided")
        if assessment.assessor_id != context.user.id:
            raise Refused(Reason.HELD_BY_ANOTHER, "another assessor holds it")
        return _applied(op, assessment.revision)

    now = utcnow()
    previous = _previous_feedback(session, application)
    unchanged = sorted(
        s.part_id for s in application.part_states if s.carried_over and not s.unlocked
    )
    assessment = Assessment(assessor_id=context.user.id, started_at=now, revision=1)
    assessment.verdicts = [
        PartVerdict(
            part_id=part_id, verdict=Verdict.MEETS, feedback=previous.get(part_id, "")
        )
        for part_id in unchanged
    ]
    application.assessment = assessment
    application.status = Status.IN_REVIEW
    application.updated_at = now
    _changed(session, application)
    logger.info("Assessor %s opened %s", context.user.id, application.code)
    return _applied(op, assessment.revision)


def _previous_feedback(session: Session, application: Application) -> dict[int, str]:
    if application.previous_id is None:
        return {}
    assessment = session.scalar(
        select(Assessment).where(
            Assessment.application_id == application.previous_id,
            Assessment.decided_at.is_not(None),
        )
    )
    if assessment is None:
        return {}
    return {v.part_id: v.feedback for v in assessment.verdicts}


def _stale(
    session: Session,
    context: Context,
    op: SaveVerdictOp | DecideOp,
    application: Application,
) -> OperationResult | None:
    assessment = application.assessment
    assert assessment is not None
    if op.base_version is None:
        raise Refused(Reason.INVALID, "base_version is required")
    if op.base_version == assessment.revision:
        return None
    current = PayloadBuilder(session, context.user).assessment(application)
    assert current is not None
    return OperationResult(
        op_id=op.op_id,
        status=OperationStatus.CONFLICT,
        reason=Reason.STALE,
        message="the assessment was saved elsewhere since this change began",
        server_version=assessment.revision,
        server_payload=AssessmentConflict(assessment=current),
    )


def _save_verdict(
    session: Session, context: Context, op: SaveVerdictOp
) -> OperationResult:
    application, assessment = _held(session, context, op.application)
    part = _part(application, op.payload.part_key)
    stale = _stale(session, context, op, application)
    if stale is not None:
        return stale
    row = next((v for v in assessment.verdicts if v.part_id == part.id), None)
    if row is None:
        row = PartVerdict(part_id=part.id)
        assessment.verdicts.append(row)
    row.verdict = op.payload.verdict
    row.feedback = op.payload.feedback
    assessment.revision += 1
    _changed(session, application)
    return _applied(op, assessment.revision)


def _decide(session: Session, context: Context, op: DecideOp) -> OperationResult:
    application, assessment = _held(session, context, op.application)
    stale = _stale(session, context, op, application)
    if stale is not None:
        return stale
    now = utcnow()
    decision = _workflow(
        lambda: workflow.decide(application, assessment, context.user.id, now)
    )
    assessment.revision += 1
    session.add(
        Notification(
            user_id=application.educator_id,
            application_id=application.id,
            kind=NotificationKind.DECIDED,
            created_at=now,
        )
    )
    notices.queue_decision(session, application, now)
    _changed(session, application)
    logger.info(
        "Decided %s, attempt %d: %s", application.code, application.attempt, decision
    )
    return _applied(op, assessment.revision)


Handler = Callable[[Session, Context, Any], OperationResult]

HANDLERS: dict[type[Any], Handler] = {
    StartApplicationOp: _start,
    SaveAnswerOp: _save_answer,
    SaveNoteOp: _save_note,
    SetConfirmationOp: _set_confirmation,
    UnlockPartOp: _unlock,
    AddAttachmentOp: _add_attachment,
    RemoveAttachmentOp: _remove_attachment,
    SubmitOp: _submit,
    ReapplyOp: _reapply,
    ClaimOp: _claim,
    SaveVerdictOp: _save_verdict,
    DecideOp: _decide,
}
