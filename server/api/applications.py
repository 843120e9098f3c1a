"""Applications: an educator's own attempts, or the assessor queue.

Every change goes through ``server.operations``, like a pushed operation,
so the REST endpoints and the sync push obey the same rules.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status
from sqlalchemy import select

from model.entities import Application, MicroCredential, Role, Status
from model.sync_protocol import (
    AddAttachmentOp,
    AnswerChange,
    ApplicationPayload,
    AttachmentAdd,
    ConfirmationChange,
    CredentialRef,
    NoteChange,
    OperationKind,
    Reapplication,
    ReapplyOp,
    SaveAnswerOp,
    SaveNoteOp,
    SetConfirmationOp,
    StartApplication,
    StartApplicationOp,
    SubmitOp,
)
from server.api.common import (
    REFUSALS,
    not_found,
    perform,
    read_application,
    read_by_uid,
    uid_of,
)
from server.deps import API_PREFIX, Educator, Id, OperationContext, Reader, State
from server.entities import ApplicationUid
from server.payloads import maybe_aware
from server.schemas import (
    AnswerUpdate,
    ApplicationCreate,
    ApplicationSummary,
    ConfirmationUpdate,
    NoteUpdate,
    ReapplyCreate,
    SavedPublic,
)

router = APIRouter(
    prefix=f"{API_PREFIX}/applications", tags=["applications"], responses=REFUSALS
)


@router.get("")
def list_applications(state: State, user: Reader) -> list[ApplicationSummary]:
    """An educator's own attempts, newest first; for an assessor, the queue:
    applications waiting for a decision, never their own, earliest due first.
    """
    query = (
        select(Application, ApplicationUid.uid, MicroCredential)
        .join(ApplicationUid, ApplicationUid.application_id == Application.id)
        .join(MicroCredential, MicroCredential.id == Application.credential_id)
    )
    if user.role is Role.EDUCATOR:
        query = query.where(Application.educator_id == user.id).order_by(
            Application.created_at.desc(), Application.id.desc()
        )
    else:
        query = query.where(
            Application.status.in_([Status.SUBMITTED, Status.IN_REVIEW]),
            Application.educator_id != user.id,
        ).order_by(Application.decision_due, Application.submitted_at, Application.id)
    with state.db.reading() as session:
        return [
            ApplicationSummary(
                id=a.id,
                uid=uid,
                code=a.code,
                credential=CredentialRef(id=c.id, code=c.code, version=c.version),
                attempt=a.attempt,
                status=a.status,
                submitted_at=maybe_aware(a.submitted_at),
                decision_due=a.decision_due,
                decided_at=maybe_aware(a.decided_at),
            )
            for a, uid, c in session.execute(query).tuples()
        ]


@router.post("", status_code=status.HTTP_201_CREATED)
def create_application(
    body: ApplicationCreate, state: State, _user: Educator, context: OperationContext
) -> ApplicationPayload:
    """Start a draft; ``uid`` names it in later sync operations."""
    with state.db.reading() as session:
        credential = session.get(MicroCredential, body.credential_id)
        if credential is None:
            raise not_found()
        code, version = credential.code, credential.version
    uid = body.uid or uuid.uuid4()
    perform(
        state,
        context,
        StartApplicationOp(
            op_id=uuid.uuid4(),
            application=uid,
            kind=OperationKind.START_APPLICATION,
            payload=StartApplication(credential_code=code, credential_version=version),
        ),
    )
    return read_by_uid(state, context.user, uid)


@router.get("/{application_id}")
def read_one(application_id: Id, state: State, user: Reader) -> ApplicationPayload:
    with state.db.reading() as session:
        return read_application(session, user, application_id)


@router.put("/{application_id}/answers")
def save_answer(
    application_id: Id,
    body: AnswerUpdate,
    state: State,
    _user: Educator,
    context: OperationContext,
) -> SavedPublic:
    """Save one answer; 409 with the server's text when ``base_version`` is stale."""
    result = perform(
        state,
        context,
        SaveAnswerOp(
            op_id=uuid.uuid4(),
            application=uid_of(state, application_id),
            kind=OperationKind.SAVE_ANSWER,
            base_version=body.base_version,
            payload=AnswerChange(
                part_key=body.part_key, question_key=body.question_key, text=body.text
            ),
        ),
    )
    return SavedPublic(version=result.server_version or 0)


@router.put("/{application_id}/note")
def save_note(
    application_id: Id,
    body: NoteUpdate,
    state: State,
    _user: Educator,
    context: OperationContext,
) -> SavedPublic:
    """Save the resubmission note ("What's changed")."""
    result = perform(
        state,
        context,
        SaveNoteOp(
            op_id=uuid.uuid4(),
            application=uid_of(state, application_id),
            kind=OperationKind.SAVE_NOTE,
            base_version=body.base_version,
            payload=NoteChange(text=body.text),
        ),
    )
    return SavedPublic(version=result.server_version or 0)


@router.put("/{application_id}/confirmations")
def set_confirmation(
    application_id: Id,
    body: ConfirmationUpdate,
    state: State,
    _user: Educator,
    context: OperationContext,
) -> SavedPublic:
    result = perform(
        state,
        context,
        SetConfirmationOp(
            op_id=uuid.uuid4(),
            application=uid_of(state, application_id),
            kind=OperationKind.SET_CONFIRMATION,
            payload=ConfirmationChange(name=body.name, value=body.value),
        ),
    )
    return SavedPublic(version=result.server_version or 0)


@router.post("/{application_id}/attachments")
def add_attachment(
    application_id: Id,
    body: AttachmentAdd,
    state: State,
    _user: Educator,
    context: OperationContext,
) -> SavedPublic:
    """Attach a file uploaded to /attachments/{sha256} before, or a link."""
    result = perform(
        state,
        context,
        AddAttachmentOp(
            op_id=uuid.uuid4(),
            application=uid_of(state, application_id),
            kind=OperationKind.ADD_ATTACHMENT,
            payload=body,
        ),
    )
    return SavedPublic(version=result.server_version or 0)


@router.post("/{application_id}/submit")
def submit(
    application_id: Id, state: State, _user: Educator, context: OperationContext
) -> ApplicationPayload:
    """Submit; 422 naming every missing item when the draft is not complete."""
    uid = uid_of(state, application_id)
    perform(
        state,
        context,
        SubmitOp(op_id=uuid.uuid4(), application=uid, kind=OperationKind.SUBMIT),
    )
    return read_by_uid(state, context.user, uid)


@router.post("/{application_id}/reapply", status_code=status.HTTP_201_CREATED)
def reapply(
    application_id: Id,
    body: ReapplyCreate,
    state: State,
    _user: Educator,
    context: OperationContext,
) -> ApplicationPayload:
    """Start the next attempt after this denied one; returns the new attempt."""
    new_uid = body.uid or uuid.uuid4()
    perform(
        state,
        context,
        ReapplyOp(
            op_id=uuid.uuid4(),
            application=uid_of(state, application_id),
            kind=OperationKind.REAPPLY,
            payload=Reapplication(new_uid=new_uid),
        ),
    )
    return read_by_uid(state, context.user, new_uid)
