"""The sync protocol against a real server: pull pages, push once, keep both texts."""

from __future__ import annotations

import threading
import uuid

from sqlalchemy import func, select

from model.enums import Verdict
from model.sync_protocol import (
    ApplicationChange,
    CredentialChange,
    NoteChange,
    OperationKind,
    Reapplication,
    ReapplyOp,
    SaveNoteOp,
    SubmitOp,
    TextConflict,
)
from server.entities import SyncOperation
from tests.server.conftest import RunningServer
from tests.server.helpers import (
    answer_op,
    assess,
    credential,
    fill,
    pull_all,
    push,
    start,
    submitted,
)


def _application(changes: list[object], uid: uuid.UUID) -> ApplicationChange:
    found = [
        c for c in changes if isinstance(c, ApplicationChange) and c.payload.uid == uid
    ]
    assert len(found) == 1, found
    return found[0]


def test_a_first_pull_brings_the_catalog_and_own_applications(
    server: RunningServer,
) -> None:
    educator, other = server.user("educator"), server.user("educator")
    with server.client(other) as client:
        others = start(client)
    with server.client(educator) as client:
        mine = start(client)
        changes, _cursor = pull_all(client)
    codes = {c.payload.code for c in changes if isinstance(c, CredentialChange)}
    assert "formative-feedback" in codes
    uids = {c.payload.uid for c in changes if isinstance(c, ApplicationChange)}
    assert mine in uids
    assert others not in uids
    assert _application(changes, mine).payload.mine is True


def test_the_feed_comes_in_pages_without_gaps_or_repeats(server: RunningServer) -> None:
    educator = server.user("educator")
    with server.client(educator) as client:
        _, cursor = pull_all(client)
        made = [start(client) for _ in range(7)]
        seen: list[uuid.UUID] = []
        pages = 0
        while True:
            response = client.get(
                "/api/v1/sync/changes", params={"cursor": cursor, "limit": 3}
            )
            body = response.json()
            pages += 1
            seen.extend(uuid.UUID(c["payload"]["uid"]) for c in body["changes"])
            cursor = body["cursor"]
            if not body["more"]:
                break
        assert seen == made
        assert pages == 3
        again = client.get("/api/v1/sync/changes", params={"cursor": cursor}).json()
        assert again == {"cursor": cursor, "changes": [], "more": False}


def test_a_changed_entity_comes_again_with_a_higher_version(
    server: RunningServer,
) -> None:
    educator = server.user("educator")
    with server.client(educator) as client:
        uid = start(client)
        first, cursor = pull_all(client)
        before = _application(first, uid)
        (saved,) = push(client, answer_op(uid, "overview", "context", "Grade 4.", 0))
        assert saved.status == "applied" and saved.server_version == 1
        later, _ = pull_all(client, cursor)
    after = _application(later, uid)
    assert after.version == before.version + 1
    (answer,) = after.payload.answers
    assert (answer.question_key, answer.text, answer.version) == (
        "context",
        "Grade 4.",
        1,
    )


def test_a_retried_operation_applies_once(server: RunningServer) -> None:
    educator = server.user("educator")
    with server.client(educator) as client:
        uid = start(client)
        operation = SaveNoteOp(
            op_id=uuid.uuid4(),
            application=uid,
            kind=OperationKind.SAVE_NOTE,
            base_version=0,
            payload=NoteChange(text="What changed."),
        )
        (first,) = push(client, operation)
        (second,) = push(client, operation)
        changes, _ = pull_all(client)
    assert first.status == "applied"
    assert second == first
    note = _application(changes, uid).payload.resubmission_note
    assert (note.text, note.version) == ("What changed.", 1)


def test_the_same_operation_pushed_twice_at_once_applies_once(
    server: RunningServer,
) -> None:
    educator = server.user("educator")
    with server.client(educator) as client:
        uid = start(client)
        operation = answer_op(uid, "overview", "context", "Twice at once.", 0)
        results = []

        def send() -> None:
            with server.client(educator) as own:
                results.extend(push(own, operation))

        threads = [threading.Thread(target=send) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        changes, _ = pull_all(client)
    assert [r.status for r in results] == ["applied"] * 4
    assert {r.server_version for r in results} == {1}
    assert _application(changes, uid).payload.answers[0].version == 1
    with server.database().reading() as session:
        count = session.scalar(
            select(func.count()).where(SyncOperation.op_id == operation.op_id)
        )
    assert count == 1


def test_an_edit_from_a_stale_version_keeps_both_texts(server: RunningServer) -> None:
    educator = server.user("educator")
    with server.client(educator) as client:
        uid = start(client)
        laptop = answer_op(uid, "overview", "context", "Written on the laptop.", 0)
        tablet = answer_op(uid, "overview", "context", "Written on the tablet.", 0)
        (won,) = push(client, laptop)
        (lost,) = push(client, tablet)
        assert won.status == "applied"
        assert lost.status == "conflict" and lost.reason == "stale"
        assert lost.server_payload == TextConflict(
            text="Written on the laptop.", version=1
        )
        assert lost.server_version == 1

        merged = answer_op(uid, "overview", "context", "Laptop, then tablet.", 1)
        (resolved,) = push(client, merged)
        assert resolved.status == "applied" and resolved.server_version == 2
        # The same text from a stale base is no conflict: nothing to lose.
        (same,) = push(
            client, answer_op(uid, "overview", "context", "Laptop, then tablet.", 0)
        )
        assert same.status == "applied"


def test_other_answers_do_not_conflict(server: RunningServer) -> None:
    educator = server.user("educator")
    with server.client(educator) as client:
        uid = start(client)
        results = push(
            client,
            answer_op(uid, "overview", "context", "One device.", 0),
            answer_op(uid, "overview", "students", "Another device.", 0),
        )
    assert [r.status for r in results] == ["applied", "applied"]


def test_a_refused_submit_names_what_is_missing_and_keeps_the_draft(
    server: RunningServer,
) -> None:
    educator = server.user("educator")
    with server.client(educator) as client:
        uid = start(client)
        push(client, answer_op(uid, "overview", "context", "Only this.", 0))
        (result,) = push(
            client,
            SubmitOp(op_id=uuid.uuid4(), application=uid, kind=OperationKind.SUBMIT),
        )
        changes, _ = pull_all(client)
    assert (result.status, result.reason) == ("rejected", "submit_refused")
    kinds = {m.kind for m in result.missing}
    assert {"answer", "confirm_ready", "confirm_own_work"} <= kinds
    assert any(m.question_key == "students" for m in result.missing)
    payload = _application(changes, uid).payload
    assert payload.status == "draft"
    assert payload.answers[0].text == "Only this."


def test_a_submitted_application_never_changes(server: RunningServer) -> None:
    educator = server.user("educator")
    uid = submitted(server, educator)
    with server.client(educator) as client:
        (result,) = push(client, answer_op(uid, "overview", "context", "Later.", 99))
    assert (result.status, result.reason) == ("rejected", "not_editable")


def test_assessors_see_submitted_applications_only(server: RunningServer) -> None:
    educator, assessor = server.user("educator"), server.user("assessor")
    with server.client(educator) as client:
        draft = start(client)
        fill(client, draft)
    sent = submitted(server, educator)
    with server.client(assessor) as client:
        changes, _ = pull_all(client)
    uids = {c.payload.uid for c in changes if isinstance(c, ApplicationChange)}
    assert sent in uids
    assert draft not in uids
    assert _application(changes, sent).payload.mine is False


def test_deny_reapply_approve_through_the_feed(server: RunningServer) -> None:
    educator, assessor = server.user("educator"), server.user("assessor")
    first = submitted(server, educator)
    assess(server, assessor, first, Verdict.NEEDS_ATTENTION)

    second = uuid.uuid4()
    with server.client(educator) as client:
        (reapplied,) = push(
            client,
            ReapplyOp(
                op_id=uuid.uuid4(),
                application=first,
                kind=OperationKind.REAPPLY,
                payload=Reapplication(new_uid=second),
            ),
        )
        assert reapplied.status == "applied"
        fill(client, second, marker="better")
        push(
            client,
            SaveNoteOp(
                op_id=uuid.uuid4(),
                application=second,
                kind=OperationKind.SAVE_NOTE,
                base_version=0,
                payload=NoteChange(text="More detail on every part."),
            ),
        )
        (sent,) = push(
            client,
            SubmitOp(op_id=uuid.uuid4(), application=second, kind=OperationKind.SUBMIT),
        )
        assert sent.status == "applied", sent
    assess(server, assessor, second, Verdict.MEETS)

    with server.client(educator) as client:
        changes, _ = pull_all(client)
        parts = len(credential(client)["parts"])
    denied = _application(changes, first).payload
    approved = _application(changes, second).payload
    assert denied.status == "denied"
    assert approved.status == "approved"
    assert approved.attempt == 2 and approved.previous_uid == first
    assert approved.assessment is not None
    assert len(approved.assessment.verdicts) == parts


def test_a_bad_cursor_is_refused(server: RunningServer) -> None:
    educator = server.user("educator")
    with server.client(educator) as client:
        response = client.get("/api/v1/sync/changes", params={"cursor": "yesterday"})
    assert response.status_code == 422
    assert response.json()["detail"]["code"] == "bad_cursor"
