"""Assessing: claiming a waiting application, verdicts, and the decision.

Only assessors, never on their own applications; every change names the
revision it was based on and is refused (409) when it is stale.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path

from model.sync_protocol import (
    ApplicationPayload,
    ClaimOp,
    DecideOp,
    OperationKind,
    SaveVerdictOp,
    VerdictChange,
)
from server.api.common import REFUSALS, perform, read_by_uid, uid_of
from server.deps import API_PREFIX, Assessor, Id, OperationContext, State
from server.schemas import DecisionCreate, SavedPublic, VerdictUpdate

router = APIRouter(
    prefix=f"{API_PREFIX}/assessments", tags=["assessments"], responses=REFUSALS
)


@router.post("/{application_id}/claim")
def claim(
    application_id: Id, state: State, _user: Assessor, context: OperationContext
) -> ApplicationPayload:
    """Open a waiting application for assessment: it goes in review, held by you."""
    uid = uid_of(state, application_id)
    perform(
        state,
        context,
        ClaimOp(op_id=uuid.uuid4(), application=uid, kind=OperationKind.CLAIM),
    )
    return read_by_uid(state, context.user, uid)


@router.put("/{application_id}/verdicts/{part_key}")
def save_verdict(
    application_id: Id,
    part_key: Annotated[str, Path(pattern=r"^[a-z0-9-]+$", max_length=80)],
    body: VerdictUpdate,
    state: State,
    _user: Assessor,
    context: OperationContext,
) -> SavedPublic:
    """Save one part's verdict and feedback; returns the new revision."""
    result = perform(
        state,
        context,
        SaveVerdictOp(
            op_id=uuid.uuid4(),
            application=uid_of(state, application_id),
            kind=OperationKind.SAVE_VERDICT,
            base_version=body.base_revision,
            payload=VerdictChange(
                part_key=part_key, verdict=body.verdict, feedback=body.feedback
            ),
        ),
    )
    return SavedPublic(version=result.server_version or 0)


@router.post("/{application_id}/decision")
def decide(
    application_id: Id,
    body: DecisionCreate,
    state: State,
    _user: Assessor,
    context: OperationContext,
) -> ApplicationPayload:
    """Decide: approved only when every part meets the rubric, denied otherwise."""
    uid = uid_of(state, application_id)
    perform(
        state,
        context,
        DecideOp(
            op_id=uuid.uuid4(),
            application=uid,
            kind=OperationKind.DECIDE,
            base_version=body.base_revision,
        ),
    )
    return read_by_uid(state, context.user, uid)
