"""Who may do what: every endpoint, every role, someone else's data.

Educators reach only their own applications (someone else's answer 404, as
if it did not exist); assessors read submitted applications without their
educator's identity, never their own, and only they assess; administrators
manage accounts and the catalog and read no applications.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from model.catalog import SAMPLE_CATALOG
from model.enums import Verdict
from model.sync_protocol import AnswerChange, OperationKind, SaveAnswerOp
from tests.server.conftest import Account, RunningServer
from tests.server.helpers import (
    application_id,
    assess,
    credential,
    push,
    start,
    submitted,
    upload,
)


@dataclass
class World:
    server: RunningServer
    accounts: dict[str, Account]
    ids: dict[str, int]
    uids: dict[str, uuid.UUID]
    part: str
    question: str
    credential_id: int
    draft_file: str
    other_user_id: int

    def revision(self, key: str) -> int:
        with self.server.client(self.accounts["assessor"]) as client:
            response = client.get(f"/api/v1/applications/{self.ids[key]}")
        return int(response.json()["assessment"]["revision"])


@pytest.fixture(scope="module")
def world(server: RunningServer) -> Iterator[World]:
    assert server.admin is not None
    accounts = {
        "owner": server.user("educator"),
        "educator": server.user("educator"),
        "assessor": server.user("assessor"),
        "other_assessor": server.user("assessor"),
        "admin": server.admin,
    }
    owner = accounts["owner"]
    uids = {
        "submitted": submitted(server, owner),
        "held": submitted(server, owner),
        "denied": submitted(server, owner),
    }
    assess(server, accounts["other_assessor"], uids["denied"], Verdict.NEEDS_ATTENTION)
    with server.client(owner) as client:
        uids["draft"] = start(client)
        draft_file = upload(client, b"a draft's evidence " + uuid.uuid4().bytes)
        ids = {name: application_id(client, uid) for name, uid in uids.items()}
        credential_payload = credential(client)
        response = client.post(
            f"/api/v1/applications/{ids['draft']}/attachments",
            json={
                "part_key": credential_payload["parts"][1]["key"],
                "filename": "plan.txt",
                "sha256": draft_file,
            },
        )
        assert response.status_code == 200, response.text
    with server.client(accounts["assessor"]) as client:
        claimed = client.post(f"/api/v1/assessments/{ids['held']}/claim")
        assert claimed.status_code == 200, claimed.text
    part = credential_payload["parts"][0]
    yield World(
        server,
        accounts,
        ids,
        uids,
        part["key"],
        part["questions"][0]["key"],
        credential_payload["id"],
        draft_file,
        accounts["educator"].id,
    )


Body = Callable[[World], Any]


@dataclass(frozen=True)
class Case:
    method: str
    path: str
    actor: str
    expected: int
    body: Body | None = None
    content: bytes | None = None

    def __str__(self) -> str:
        return f"{self.actor}-{self.method}-{self.path}-{self.expected}"


def _answer(w: World) -> dict[str, Any]:
    return {
        "part_key": w.part,
        "question_key": w.question,
        "text": "My own words.",
        "base_version": 0,
    }


def _verdict(w: World) -> dict[str, Any]:
    return {
        "verdict": "meets",
        "feedback": "",
        "base_revision": w.revision("held"),
    }


def _decision(w: World) -> dict[str, Any]:
    return {"base_revision": w.revision("held")}


def _new_user(_w: World) -> dict[str, Any]:
    name = f"made-{uuid.uuid4().hex[:8]}"
    return {"username": name, "password": "a-password-1", "role": "educator"}


def _catalog(_w: World) -> Any:
    import json

    return json.loads(SAMPLE_CATALOG.read_text(encoding="utf-8"))


NEW_FILE = b"a new upload " + uuid.uuid4().bytes
NEW_FILE_SHA = hashlib.sha256(NEW_FILE).hexdigest()
LINK = {"part_key": "overview", "filename": "A video", "url": "https://example.org/v"}
NOTE = {"text": "What changed.", "base_version": 0}
CONFIRM = {"name": "confirm_ready", "value": True}

EVERYONE = ("owner", "educator", "assessor", "admin")
CASES = [
    *(Case("GET", "/users/me", who, 200) for who in EVERYONE),
    *(Case("GET", "/users", who, 403) for who in ("owner", "assessor")),
    Case("GET", "/users", "admin", 200),
    *(Case("POST", "/users", who, 403, _new_user) for who in ("owner", "assessor")),
    Case("POST", "/users", "admin", 201, _new_user),
    Case("PATCH", "/users/{other_user_id}", "owner", 403, lambda w: {"email": "x"}),
    Case("PATCH", "/users/{other_user_id}", "assessor", 403, lambda w: {"email": "x"}),
    Case("PATCH", "/users/{other_user_id}", "admin", 200, lambda w: {"email": "e@x"}),
    *(Case("GET", "/catalog/credentials", who, 200) for who in EVERYONE),
    *(
        Case("GET", "/catalog/credentials/{credential_id}", who, 200)
        for who in EVERYONE
    ),
    *(Case("POST", "/catalog", who, 403, _catalog) for who in ("owner", "assessor")),
    Case("POST", "/catalog", "admin", 200, _catalog),
    Case("GET", "/applications", "admin", 403),
    Case(
        "POST",
        "/applications",
        "owner",
        201,
        lambda w: {"credential_id": w.credential_id},
    ),
    *(
        Case(
            "POST",
            "/applications",
            who,
            403,
            lambda w: {"credential_id": w.credential_id},
        )
        for who in ("assessor", "admin")
    ),
    # Reading one application.
    Case("GET", "/applications/{draft}", "owner", 200),
    Case("GET", "/applications/{draft}", "educator", 404),
    Case("GET", "/applications/{draft}", "assessor", 404),
    Case("GET", "/applications/{draft}", "admin", 403),
    Case("GET", "/applications/{submitted}", "owner", 200),
    Case("GET", "/applications/{submitted}", "educator", 404),
    Case("GET", "/applications/{submitted}", "assessor", 200),
    Case("GET", "/applications/{submitted}", "admin", 403),
    Case("GET", "/applications/999999", "owner", 404),
    # Changing a draft.
    Case("PUT", "/applications/{draft}/answers", "owner", 200, _answer),
    Case("PUT", "/applications/{draft}/answers", "educator", 404, _answer),
    Case("PUT", "/applications/{draft}/answers", "assessor", 403, _answer),
    Case("PUT", "/applications/{draft}/answers", "admin", 403, _answer),
    Case("PUT", "/applications/{submitted}/answers", "owner", 409, _answer),
    Case("PUT", "/applications/{draft}/note", "owner", 200, lambda w: NOTE),
    Case("PUT", "/applications/{draft}/note", "educator", 404, lambda w: NOTE),
    Case("PUT", "/applications/{draft}/note", "assessor", 403, lambda w: NOTE),
    Case("PUT", "/applications/{draft}/confirmations", "owner", 200, lambda w: CONFIRM),
    Case(
        "PUT", "/applications/{draft}/confirmations", "educator", 404, lambda w: CONFIRM
    ),
    Case(
        "PUT", "/applications/{draft}/confirmations", "assessor", 403, lambda w: CONFIRM
    ),
    Case("POST", "/applications/{draft}/attachments", "owner", 200, lambda w: LINK),
    Case("POST", "/applications/{draft}/attachments", "educator", 404, lambda w: LINK),
    Case("POST", "/applications/{draft}/attachments", "assessor", 403, lambda w: LINK),
    Case("POST", "/applications/{draft}/submit", "owner", 422),
    Case("POST", "/applications/{draft}/submit", "educator", 404),
    Case("POST", "/applications/{draft}/submit", "assessor", 403),
    Case("POST", "/applications/{submitted}/submit", "owner", 409),
    Case("POST", "/applications/{denied}/reapply", "educator", 404, lambda w: {}),
    Case("POST", "/applications/{denied}/reapply", "assessor", 403, lambda w: {}),
    Case("POST", "/applications/{denied}/reapply", "admin", 403, lambda w: {}),
    Case("POST", "/applications/{denied}/reapply", "owner", 201, lambda w: {}),
    Case("POST", "/applications/{submitted}/reapply", "owner", 409, lambda w: {}),
    # Assessing.
    Case("POST", "/assessments/{held}/claim", "assessor", 200),
    Case("POST", "/assessments/{held}/claim", "other_assessor", 409),
    Case("POST", "/assessments/{held}/claim", "owner", 403),
    Case("POST", "/assessments/{held}/claim", "educator", 403),
    Case("POST", "/assessments/{held}/claim", "admin", 403),
    Case("POST", "/assessments/{draft}/claim", "assessor", 404),
    Case("POST", "/assessments/{denied}/claim", "assessor", 409),
    Case("PUT", "/assessments/{held}/verdicts/overview", "assessor", 200, _verdict),
    Case(
        "PUT", "/assessments/{held}/verdicts/overview", "other_assessor", 409, _verdict
    ),
    Case("PUT", "/assessments/{held}/verdicts/overview", "owner", 403, _verdict),
    Case("PUT", "/assessments/{held}/verdicts/overview", "admin", 403, _verdict),
    Case(
        "PUT", "/assessments/{submitted}/verdicts/overview", "assessor", 409, _verdict
    ),
    Case("POST", "/assessments/{held}/decision", "other_assessor", 409, _decision),
    Case("POST", "/assessments/{held}/decision", "owner", 403, _decision),
    Case("POST", "/assessments/{held}/decision", "educator", 403, _decision),
    # Incomplete: only one part has a verdict.
    Case("POST", "/assessments/{held}/decision", "assessor", 409, _decision),
    # Sync is for everyone; what each sees is tested in test_sync.
    *(Case("GET", "/sync/changes", who, 200) for who in EVERYONE),
    *(
        Case("POST", "/sync/push", who, 200, lambda w: {"operations": []})
        for who in EVERYONE
    ),
    # Files.
    Case("PUT", f"/attachments/{NEW_FILE_SHA}", "owner", 201, content=NEW_FILE),
    Case("PUT", f"/attachments/{NEW_FILE_SHA}", "assessor", 403, content=NEW_FILE),
    Case("PUT", f"/attachments/{NEW_FILE_SHA}", "admin", 403, content=NEW_FILE),
    Case("GET", "/attachments/{draft_file}", "owner", 200),
    Case("GET", "/attachments/{draft_file}", "educator", 404),
    Case("GET", "/attachments/{draft_file}", "assessor", 404),
    Case("GET", "/attachments/{draft_file}", "admin", 404),
    Case("GET", f"/attachments/{NEW_FILE_SHA}", "owner", 404),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_endpoint_by_role(world: World, case: Case) -> None:
    values = {**world.ids, "other_user_id": world.other_user_id}
    values.update(credential_id=world.credential_id, draft_file=world.draft_file)
    path = "/api/v1" + case.path.format(**values)
    with world.server.client(world.accounts[case.actor]) as client:
        if case.content is not None:
            response = client.request(
                case.method,
                path,
                content=case.content,
                headers={"Content-Type": "text/plain"},
            )
        else:
            json = case.body(world) if case.body else None
            response = client.request(case.method, path, json=json)
    assert response.status_code == case.expected, response.text
    if response.status_code >= 400:
        assert response.json()["detail"]["code"]


def test_every_endpoint_needs_a_token(server: RunningServer) -> None:
    with server.client() as client:
        paths = client.get("/openapi.json").json()["paths"]
        checked = 0
        for template, methods in paths.items():
            if template == "/api/v1/auth/token":
                continue
            path = template.replace("{sha256}", "0" * 64)
            path = path.replace("{part_key}", "overview")
            path = path.replace("{application_id}", "1").replace("{user_id}", "1")
            path = path.replace("{credential_id}", "1")
            for method in methods:
                response = client.request(method.upper(), path)
                assert response.status_code == 401, (method, template)
                checked += 1
    assert checked >= 24


def test_an_assessor_reads_without_the_educators_identity(world: World) -> None:
    owner = world.accounts["owner"]
    with world.server.client(world.accounts["assessor"]) as client:
        for name in ("submitted", "held"):
            response = client.get(f"/api/v1/applications/{world.ids[name]}")
            assert response.status_code == 200
            assert owner.username not in response.text
            assert "educator" not in response.text
            assert response.json()["mine"] is False
        queue = client.get("/api/v1/applications").json()
    listed = {row["id"] for row in queue}
    assert world.ids["submitted"] in listed
    assert world.ids["draft"] not in listed
    assert world.ids["denied"] not in listed


def test_an_educator_lists_only_their_own(world: World) -> None:
    with world.server.client(world.accounts["educator"]) as client:
        listed = client.get("/api/v1/applications").json()
    assert not {row["id"] for row in listed} & set(world.ids.values())


def test_the_educator_sees_no_assessor_and_no_verdict_before_the_decision(
    world: World,
) -> None:
    with world.server.client(world.accounts["owner"]) as client:
        held = client.get(f"/api/v1/applications/{world.ids['held']}").json()
        denied = client.get(f"/api/v1/applications/{world.ids['denied']}").json()
    assert held["status"] == "in_review"
    assert held["assessment"] is None
    assert denied["assessment"]["verdicts"]
    assert denied["assessment"]["held_by"] is None
    assert world.accounts["other_assessor"].username not in str(denied)


def test_an_assessor_never_reaches_their_own_application(
    server: RunningServer,
) -> None:
    assert server.admin is not None
    turncoat = server.user("educator")
    uid = submitted(server, turncoat)
    with server.client(turncoat) as client:
        own_id = application_id(client, uid)
    with server.client(server.admin) as admin:
        response = admin.patch(
            f"/api/v1/users/{turncoat.id}", json={"role": "assessor"}
        )
        assert response.status_code == 200
    with server.client(turncoat) as client:
        assert client.get(f"/api/v1/applications/{own_id}").status_code == 404
        assert own_id not in {
            r["id"] for r in client.get("/api/v1/applications").json()
        }
        assert client.post(f"/api/v1/assessments/{own_id}/claim").status_code == 404


def test_a_push_on_someone_elses_application_is_rejected(world: World) -> None:
    operation = SaveAnswerOp(
        op_id=uuid.uuid4(),
        application=world.uids["draft"],
        kind=OperationKind.SAVE_ANSWER,
        base_version=0,
        payload=AnswerChange(
            part_key=world.part, question_key=world.question, text="x"
        ),
    )
    with world.server.client(world.accounts["educator"]) as client:
        (result,) = push(client, operation)
    assert (result.status, result.reason) == ("rejected", "not_found")
    with world.server.client(world.accounts["assessor"]) as client:
        (result,) = push(client, operation.model_copy(update={"op_id": uuid.uuid4()}))
    assert (result.status, result.reason) == ("rejected", "forbidden")
