"""The sync endpoints: pull the change feed, push local operations."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Query, status

from model.sync_protocol import (
    ApplicationChange,
    Change,
    ChangeKind,
    ChangePage,
    CredentialChange,
    PushRequest,
    PushResponse,
)
from server import operations
from server.changes import MAX_PAGE, BadCursor, Cursor, read_changes
from server.deps import API_PREFIX, CurrentUser, OperationContext, State, api_error
from server.payloads import PayloadBuilder, credential_payload
from server.schemas import ErrorPublic

logger = logging.getLogger(__name__)

router = APIRouter(
    prefix=f"{API_PREFIX}/sync", tags=["sync"], responses={401: {"model": ErrorPublic}}
)


@router.get("/changes", responses={422: {"model": ErrorPublic}})
def read_changes_page(
    state: State,
    user: CurrentUser,
    cursor: Annotated[str, Query(max_length=64)] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 200,
) -> ChangePage:
    """What changed since ``cursor`` that this user may see, a page at a time.

    Start with no cursor; pass back the cursor of each page while ``more``.
    """
    try:
        after = Cursor.parse(cursor)
    except BadCursor as error:
        raise api_error(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "bad_cursor", "Unknown cursor."
        ) from error

    with state.db.snapshot() as session:
        rows, next_cursor, more = read_changes(session, user, after, limit)
        builder = PayloadBuilder(session, user)
        application_ids = [
            r.entity_id for r in rows if r.kind is ChangeKind.APPLICATION
        ]
        applications = builder.applications(builder.load(application_ids))
        credentials = builder.credentials(
            r.entity_id for r in rows if r.kind is ChangeKind.CREDENTIAL
        )
        changes: list[Change] = []
        for row in rows:
            if row.kind is ChangeKind.APPLICATION and row.entity_id in applications:
                changes.append(
                    ApplicationChange(
                        id=row.entity_id,
                        version=row.version,
                        payload=applications[row.entity_id],
                    )
                )
            elif row.kind is ChangeKind.CREDENTIAL and row.entity_id in credentials:
                changes.append(
                    CredentialChange(
                        id=row.entity_id,
                        version=row.version,
                        payload=credential_payload(credentials[row.entity_id]),
                    )
                )
    return ChangePage(cursor=str(next_cursor), changes=changes, more=more)


@router.post("/push", responses={422: {"model": ErrorPublic}})
def push(body: PushRequest, context: OperationContext, state: State) -> PushResponse:
    """Apply the operations in order, each once, and say what became of each.

    Each operation is its own transaction: one refused does not undo the
    others. A retried ``op_id`` gets the result recorded the first time.
    """
    results = [operations.push(state.db, context, op) for op in body.operations]
    applied = sum(r.status == "applied" for r in results)
    logger.info(
        "User %s pushed %d operation(s), %d applied",
        context.user.id,
        len(results),
        applied,
    )
    return PushResponse(results=results)
