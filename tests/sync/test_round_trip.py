"""Educators and assessors on different computers, through a real server."""

from __future__ import annotations

from collections.abc import Callable

from model.assessing import AssessorDesk
from model.enums import Status, Verdict
from model.records import ApplicationRecord, CredentialRecord
from model.store import Store
from tests.server.conftest import RunningServer
from tests.sync.conftest import Device

CODE = "formative-feedback"


def words(n: int, marker: str = "idea") -> str:
    return " ".join(f"{marker}{i}" for i in range(n))


def credential_of(device: Device) -> CredentialRecord:
    return credential_in(device.store)


def credential_in(store: Store) -> CredentialRecord:
    return next(c for c in store.credentials() if c.code == CODE)


def fill(device: Device, application_id: int, marker: str = "idea") -> None:
    fill_store(device.store, application_id, marker)


def fill_store(store: Store, application_id: int, marker: str = "idea") -> None:
    """Answer every question, attach evidence, tick the confirmations."""
    record = store.application(application_id)
    for part in record.credential.parts:
        if part.id in record.carried_over and part.id not in record.unlocked:
            continue
        for question in part.questions:
            store.save_answer(
                application_id, question.id, words(question.min_words + 5, marker)
            )
        if part.evidence_required:
            store.add_link(application_id, part.id, "https://example.org/x", "Plan")
    for name in ("confirm_ready", "confirm_disclosure", "confirm_own_work"):
        store.set_confirmation(application_id, name, True)


def only(device: Device) -> ApplicationRecord:
    rows = device.store.dashboard_rows(device.user.id)
    assert len(rows) == 1, rows
    return device.store.application(rows[0].id)


def test_a_deny_reapply_approve_round_through_the_server(
    sync_server: RunningServer, make_device: Callable[..., Device]
) -> None:
    educator = make_device(sync_server.user("educator"))
    assessor = make_device(sync_server.user("assessor"))
    educator.sync()
    assessor.sync()

    draft = educator.store.start_application(
        educator.user.id, credential_of(educator).id
    )
    fill(educator, draft)
    educator.store.submit(draft)
    result = educator.sync()
    assert result.refused == 0 and result.conflicts == 0
    assert result.waiting == 0
    submitted = educator.store.application(draft)
    assert submitted.status is Status.SUBMITTED
    assert submitted.decision_due is not None

    assessor.sync()
    desk = AssessorDesk(assessor.store, assessor.user)
    (row,) = [r for r in desk.queue() if r.code == submitted.code]
    record = desk.open_for_assessment(row.application_id)
    revision = record.revision
    parts = record.credential.parts
    for part in parts:
        verdict = Verdict.NEEDS_ATTENTION if part.key == "reflection" else Verdict.MEETS
        revision = desk.save_verdict(
            row.application_id, part.id, verdict, "Say more.", revision
        )
    assert desk.decide(row.application_id, revision) is Status.DENIED
    result = assessor.sync()
    assert result.refused == 0 and result.conflicts == 0, result

    result = educator.sync()
    assert result.decided == [draft]
    denied = educator.store.application(draft)
    assert denied.status is Status.DENIED
    reflection = next(p for p in denied.credential.parts if p.key == "reflection")
    assert denied.verdicts[reflection.id].feedback == "Say more."
    assert reflection.id in denied.attention

    second = educator.store.reapply(draft)
    fill(educator, second, marker="better")
    educator.store.save_note(second, "I rewrote the reflection.")
    educator.store.submit(second)
    result = educator.sync()
    assert result.refused == 0, educator.store.application(second)

    assessor.sync()
    again = queued(desk, educator.store.application(second).code)
    record = desk.open_for_assessment(again)
    assert record.resubmission_note == "I rewrote the reflection."
    revision = record.revision
    for part in record.credential.parts:
        if part.id not in record.unchanged:
            revision = desk.save_verdict(again, part.id, Verdict.MEETS, "", revision)
    assert desk.decide(again, revision) is Status.APPROVED
    assessor.sync()

    educator.sync()
    assert educator.store.application(second).status is Status.APPROVED


def queued(desk: AssessorDesk, code: str) -> int:
    """The local id of the application ``code`` in the assessor's queue."""
    (row,) = [r for r in desk.queue() if r.code == code]
    return row.application_id
