"""What the resource modules share: running an operation, finding applications."""

from __future__ import annotations

import uuid

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from model.entities import Application, Role, Status
from model.sync_protocol import (
    ApplicationPayload,
    Operation,
    OperationResult,
    OperationStatus,
    Reason,
)
from server import operations
from server.accounts import Principal
from server.deps import ServerState, api_error
from server.entities import ApplicationUid
from server.operations import Context
from server.payloads import PayloadBuilder, application_options
from server.schemas import ErrorPublic

HTTP_STATUS = {
    Reason.NOT_FOUND: status.HTTP_404_NOT_FOUND,
    Reason.FORBIDDEN: status.HTTP_403_FORBIDDEN,
    Reason.INVALID: status.HTTP_422_UNPROCESSABLE_CONTENT,
    Reason.SUBMIT_REFUSED: status.HTTP_422_UNPROCESSABLE_CONTENT,
    Reason.ATTACHMENT_NOT_UPLOADED: status.HTTP_422_UNPROCESSABLE_CONTENT,
}

REFUSALS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorPublic, "description": "Not signed in"},
    403: {"model": ErrorPublic, "description": "Not for this role"},
    404: {"model": ErrorPublic, "description": "No such application for this user"},
    409: {"model": ErrorPublic, "description": "Refused by the workflow, or stale"},
    422: {"model": ErrorPublic, "description": "Invalid, or incomplete for submit"},
}


def not_found() -> HTTPException:
    return api_error(status.HTTP_404_NOT_FOUND, "not_found", "No such application.")


def perform(
    state: ServerState, context: Context, operation: Operation
) -> OperationResult:
    """Apply an operation for a REST call, or raise the HTTP error it comes to."""
    result = operations.apply(state.db, context, operation)
    if result.status is OperationStatus.APPLIED:
        return result
    reason = result.reason or Reason.INVALID
    raise api_error(
        HTTP_STATUS.get(reason, status.HTTP_409_CONFLICT),
        reason.value,
        result.message or reason.value,
        missing=[m.model_dump(mode="json") for m in result.missing],
        server_version=result.server_version,
        server_payload=result.server_payload.model_dump(mode="json")
        if result.server_payload
        else None,
    )


def uid_of(state: ServerState, application_id: int) -> uuid.UUID:
    with state.db.reading() as session:
        uid = session.scalar(
            select(ApplicationUid.uid).where(
                ApplicationUid.application_id == application_id
            )
        )
    if uid is None:
        raise not_found()
    return uid


def may_read(user: Principal, application: Application) -> bool:
    if user.role is Role.EDUCATOR:
        return application.educator_id == user.id
    if user.role is Role.ASSESSOR:
        return (
            application.educator_id != user.id
            and application.status is not Status.DRAFT
        )
    return False


def read_application(
    session: Session, user: Principal, application_id: int
) -> ApplicationPayload:
    application = session.get(
        Application,
        application_id,
        options=application_options(),
    )
    if application is None or not may_read(user, application):
        raise not_found()
    return PayloadBuilder(session, user).application(application)


def read_by_uid(
    state: ServerState, user: Principal, uid: uuid.UUID
) -> ApplicationPayload:
    with state.db.reading() as session:
        application_id = operations.application_id_of(session, uid)
        if application_id is None:
            raise not_found()
        return read_application(session, user, application_id)
