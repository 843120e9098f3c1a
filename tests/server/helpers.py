"""Driving a server the way a desktop's sync engine would: with protocol models."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import httpx

from model.enums import Verdict
from model.sync_protocol import (
    AddAttachmentOp,
    AnswerChange,
    AttachmentAdd,
    ChangePage,
    ClaimOp,
    Confirmation,
    ConfirmationChange,
    DecideOp,
    OperationKind,
    OperationResult,
    PushRequest,
    PushResponse,
    SaveAnswerOp,
    SaveVerdictOp,
    SetConfirmationOp,
    StartApplication,
    StartApplicationOp,
    SubmitOp,
    VerdictChange,
)
from tests.server.conftest import Account, RunningServer

CODE = "formative-feedback"


def push(client: httpx.Client, *operations: Any) -> list[OperationResult]:
    body = PushRequest(operations=list(operations)).model_dump(mode="json")
    response = client.post("/api/v1/sync/push", json=body)
    assert response.status_code == 200, response.text
    return PushResponse.model_validate(response.json()).results


def pull_all(
    client: httpx.Client, cursor: str = "", limit: int = 200
) -> tuple[list[Any], str]:
    """Every change after ``cursor``, page by page; returns them and the last cursor."""
    changes: list[Any] = []
    while True:
        response = client.get(
            "/api/v1/sync/changes", params={"cursor": cursor, "limit": limit}
        )
        assert response.status_code == 200, response.text
        page = ChangePage.model_validate(response.json())
        changes.extend(page.changes)
        cursor = page.cursor
        if not page.more:
            return changes, cursor


def credential(client: httpx.Client, code: str = CODE) -> dict[str, Any]:
    response = client.get("/api/v1/catalog/credentials")
    assert response.status_code == 200, response.text
    found: dict[str, Any] = next(c for c in response.json() if c["code"] == code)
    return found


def start(client: httpx.Client, code: str = CODE) -> uuid.UUID:
    uid = uuid.uuid4()
    (result,) = push(
        client,
        StartApplicationOp(
            op_id=uuid.uuid4(),
            application=uid,
            kind=OperationKind.START_APPLICATION,
            payload=StartApplication(credential_code=code, credential_version=1),
        ),
    )
    assert result.status == "applied", result
    return uid


def answer_op(
    uid: uuid.UUID, part: str, question: str, text: str, base: int
) -> SaveAnswerOp:
    return SaveAnswerOp(
        op_id=uuid.uuid4(),
        application=uid,
        kind=OperationKind.SAVE_ANSWER,
        base_version=base,
        payload=AnswerChange(part_key=part, question_key=question, text=text),
    )


def upload(client: httpx.Client, data: bytes, media_type: str = "text/plain") -> str:
    sha256 = hashlib.sha256(data).hexdigest()
    response = client.put(
        f"/api/v1/attachments/{sha256}",
        content=data,
        headers={"Content-Type": media_type},
    )
    assert response.status_code == 201, response.text
    return sha256


def fill(client: httpx.Client, uid: uuid.UUID, marker: str = "") -> None:
    """Answer every question, attach evidence where needed, tick the confirmations."""
    operations: list[Any] = []
    for part in credential(client)["parts"]:
        for question in part["questions"]:
            words = max(question["min_words"], 1)
            text = " ".join([marker or "palabra"] * words)
            operations.append(answer_op(uid, part["key"], question["key"], text, 0))
        if part["evidence_required"]:
            sha256 = upload(client, f"evidence {uuid.uuid4()}".encode())
            operations.append(
                AddAttachmentOp(
                    op_id=uuid.uuid4(),
                    application=uid,
                    kind=OperationKind.ADD_ATTACHMENT,
                    payload=AttachmentAdd(
                        part_key=part["key"], filename="plan.txt", sha256=sha256
                    ),
                )
            )
    for name in Confirmation:
        operations.append(
            SetConfirmationOp(
                op_id=uuid.uuid4(),
                application=uid,
                kind=OperationKind.SET_CONFIRMATION,
                payload=ConfirmationChange(name=name, value=True),
            )
        )
    results = push(client, *operations)
    assert all(r.status == "applied" for r in results), results


def submitted(server: RunningServer, educator: Account, marker: str = "") -> uuid.UUID:
    """A complete application of ``educator``, submitted."""
    with server.client(educator) as client:
        uid = start(client)
        fill(client, uid, marker)
        (result,) = push(
            client,
            SubmitOp(op_id=uuid.uuid4(), application=uid, kind=OperationKind.SUBMIT),
        )
    assert result.status == "applied", result
    return uid


def application_id(client: httpx.Client, uid: uuid.UUID) -> int:
    response = client.get("/api/v1/applications")
    assert response.status_code == 200, response.text
    return int(next(a["id"] for a in response.json() if a["uid"] == str(uid)))


def claim(server: RunningServer, assessor: Account, uid: uuid.UUID) -> int:
    """Open ``uid`` for assessment; returns the assessment's revision."""
    with server.client(assessor) as client:
        (claimed,) = push(
            client,
            ClaimOp(op_id=uuid.uuid4(), application=uid, kind=OperationKind.CLAIM),
        )
    assert claimed.status == "applied", claimed
    return claimed.server_version or 0


def judge(
    server: RunningServer,
    assessor: Account,
    uid: uuid.UUID,
    verdicts: dict[str, tuple[Verdict, str]],
) -> None:
    """Claim, give each part (by key) its verdict and feedback, and decide."""
    revision = claim(server, assessor, uid)
    with server.client(assessor) as client:
        for part_key, (verdict, feedback) in verdicts.items():
            (saved,) = push(
                client,
                SaveVerdictOp(
                    op_id=uuid.uuid4(),
                    application=uid,
                    kind=OperationKind.SAVE_VERDICT,
                    base_version=revision,
                    payload=VerdictChange(
                        part_key=part_key, verdict=verdict, feedback=feedback
                    ),
                ),
            )
            assert saved.status == "applied", saved
            revision = saved.server_version or 0
        (decided,) = push(
            client,
            DecideOp(
                op_id=uuid.uuid4(),
                application=uid,
                kind=OperationKind.DECIDE,
                base_version=revision,
            ),
        )
        assert decided.status == "applied", decided


def assess(
    server: RunningServer, assessor: Account, uid: uuid.UUID, verdict: Verdict
) -> None:
    """Claim, give every part ``verdict`` (with feedback) and decide."""
    with server.client(assessor) as client:
        parts = [part["key"] for part in credential(client)["parts"]]
    judge(server, assessor, uid, {key: (verdict, "Add detail.") for key in parts})
