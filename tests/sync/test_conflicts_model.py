"""Two devices of one educator changing the same draft offline, in the model.

These tests check what is kept when the devices meet again, before the
owner chooses: both texts survive a conflict (the device's own in the
answer, the other device's in ``sync_conflicts``), and a submission the
server will not take comes back as a draft with the server's reason beside
it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from model.entities import SyncConflict, SyncLink
from model.enums import Status
from model.errors import Missing, SubmitRefused
from model.records import ApplicationRecord
from model.sync import outbox
from tests.server.conftest import Account, RunningServer
from tests.sync.conftest import Device
from tests.sync.test_faults import local_contents, server_contents, server_payloads
from tests.sync.test_round_trip import credential_of, fill

MakeDevice = Callable[[Account], Device]


def two_devices(
    make_device: MakeDevice, account: Account, *, complete: bool = False
) -> tuple[Device, Device, int, int]:
    """Devices A and B with the same draft, synced; returns its id on each."""
    a = make_device(account)
    a.sync()
    draft_a = a.store.start_application(a.user.id, credential_of(a).id)
    if complete:
        fill(a, draft_a)
    a.sync()
    b = make_device(account)
    b.sync()
    (row,) = b.store.dashboard_rows(b.user.id)
    return a, b, draft_a, row.id


def first_question(record: ApplicationRecord) -> int:
    return record.credential.parts[0].questions[0].id


def conflicts(device: Device) -> list[tuple[int, str, str, int]]:
    with Session(device.store.engine) as session:
        return [
            (c.application_id, c.field, c.theirs, c.their_version)
            for c in session.scalars(select(SyncConflict).order_by(SyncConflict.id))
        ]


def refusals(device: Device, application_id: int) -> list[dict[str, Any]]:
    with Session(device.store.engine) as session:
        link = session.get(SyncLink, application_id)
        assert link is not None
        return list((link.refusal or {}).get("items", []))


def server_answer(server: RunningServer, account: Account, key: str) -> str:
    (payload,) = server_payloads(server, account).values()
    return next(a.text for a in payload.answers if a.question_key == key)


def test_the_same_answer_edited_on_two_devices_keeps_both_texts(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    account = sync_server.user("educator")
    a, b, draft_a, draft_b = two_devices(make_device, account)
    question_a = first_question(a.store.application(draft_a))
    record_b = b.store.application(draft_b)
    question_b = first_question(record_b)
    other_b = record_b.credential.parts[0].questions[1].id
    key = record_b.credential.parts[0].questions[0].key

    a.store.save_answer(draft_a, question_a, "Written on the laptop.")
    b.store.save_answer(draft_b, question_b, "Written on the desktop.")
    b.store.save_answer(draft_b, other_b, "Only the desktop wrote this.")
    assert a.sync().conflicts == 0

    result = b.sync()
    assert result.conflicts == 1
    assert result.refused == 0 and result.waiting == 0
    answers = b.store.application(draft_b).answers
    assert answers[question_b] == "Written on the desktop."
    assert answers[other_b] == "Only the desktop wrote this."
    field = outbox.answer_field(question_b)
    assert conflicts(b) == [(draft_b, field, "Written on the laptop.", 1)]
    assert server_answer(sync_server, account, key) == "Written on the laptop."

    # The laptop writes again: the desktop keeps its text and learns the new one.
    a.store.save_answer(draft_a, question_a, "Rewritten on the laptop.")
    a.sync()
    assert b.sync().conflicts == 0
    assert b.store.application(draft_b).answers[question_b] == (
        "Written on the desktop."
    )
    assert conflicts(b) == [(draft_b, field, "Rewritten on the laptop.", 2)]
    # The text the desktop did not share arrived on the laptop.
    assert a.store.application(draft_a).answers == {
        question_a: "Rewritten on the laptop.",
        a.store.application(draft_a).credential.parts[0].questions[1].id: (
            "Only the desktop wrote this."
        ),
    }


def test_a_submission_behind_a_conflict_returns_to_draft_with_both_texts(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    account = sync_server.user("educator")
    a, b, draft_a, draft_b = two_devices(make_device, account, complete=True)
    question_a = first_question(a.store.application(draft_a))
    question_b = first_question(b.store.application(draft_b))
    mine = " ".join(["desktop"] * 60)
    theirs = " ".join(["laptop"] * 60)

    a.store.save_answer(draft_a, question_a, theirs)
    a.sync()
    b.store.save_answer(draft_b, question_b, mine)
    assert b.store.submit(draft_b).status is Status.SUBMITTED

    result = b.sync()
    assert result.conflicts == 1
    record = b.store.application(draft_b)
    assert record.status is Status.DRAFT
    assert record.answers[question_b] == mine
    assert [c[2] for c in conflicts(b)] == [theirs]
    assert [r["reason"] for r in refusals(b, draft_b)] == ["conflict"]
    (payload,) = server_payloads(sync_server, account).values()
    assert payload.status is Status.DRAFT


def test_an_offline_submission_the_server_refuses_returns_to_draft(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    """The laptop unticks a confirmation; the desktop, offline, submits."""
    account = sync_server.user("educator")
    a, b, draft_a, draft_b = two_devices(make_device, account, complete=True)
    a.store.set_confirmation(draft_a, "confirm_own_work", False)
    a.sync()
    answers = b.store.application(draft_b).answers
    assert b.store.submit(draft_b).status is Status.SUBMITTED

    result = b.sync()
    assert result.refused == 1 and result.conflicts == 0
    record = b.store.application(draft_b)
    assert record.status is Status.DRAFT
    assert record.submitted_at is None and record.decision_due is None
    assert record.answers == answers
    assert not record.confirm_own_work
    (refusal,) = refusals(b, draft_b)
    assert (refusal["kind"], refusal["reason"]) == ("submit", "submit_refused")
    assert [m["kind"] for m in refusal["missing"]] == ["confirm_own_work"]
    assert local_contents(b.store) == server_contents(sync_server, account)


def test_a_submission_after_another_device_submitted_keeps_the_late_edit(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    """The desktop submits first; the laptop's late edit and submission arrive.

    The server's copy stays the submitted one, so the laptop shows what was
    submitted. Its late text waits in a refusal for its owner to read; the
    refused submission itself needs no word, the application being sent.
    """
    account = sync_server.user("educator")
    a, b, draft_a, draft_b = two_devices(make_device, account, complete=True)
    question_a = first_question(a.store.application(draft_a))
    submitted_answers = a.store.application(draft_a).answers
    late = " ".join(["late"] * 60)
    a.store.save_answer(draft_a, question_a, late)
    a.store.submit(draft_a)
    b.store.submit(draft_b)
    assert b.sync().refused == 0

    result = a.sync()
    assert result.refused == 2 and result.conflicts == 0
    record = a.store.application(draft_a)
    assert record.status is Status.SUBMITTED
    assert record.answers == submitted_answers
    (kept,) = refusals(a, draft_a)
    assert (kept["kind"], kept["reason"]) == ("save_answer", "not_editable")
    assert kept["payload"]["text"] == late
    assert local_contents(a.store) == server_contents(sync_server, account)


def test_no_submission_while_a_conflict_is_open(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    """Submitting then would send the other device's text as the answer."""
    account = sync_server.user("educator")
    a, b, draft_a, draft_b = two_devices(make_device, account, complete=True)
    question_a = first_question(a.store.application(draft_a))
    question_b = first_question(b.store.application(draft_b))
    a.store.save_answer(draft_a, question_a, " ".join(["laptop"] * 60))
    a.sync()
    b.store.save_answer(draft_b, question_b, " ".join(["desktop"] * 60))
    assert b.sync().conflicts == 1

    with pytest.raises(SubmitRefused) as refused:
        b.store.submit(draft_b)
    assert [m.kind for m in refused.value.missing] == [Missing.CONFLICT]
    assert b.sync().sent == 0
    (payload,) = server_payloads(sync_server, account).values()
    assert payload.status is Status.DRAFT


def test_an_open_conflict_holds_back_only_its_own_text(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    """While the owner has not chosen, the other texts keep arriving."""
    account = sync_server.user("educator")
    a, b, draft_a, draft_b = two_devices(make_device, account)
    questions_a = a.store.application(draft_a).credential.parts[0].questions
    questions_b = b.store.application(draft_b).credential.parts[0].questions
    a.store.save_answer(draft_a, questions_a[0].id, "Written on the laptop.")
    a.sync()
    b.store.save_answer(draft_b, questions_b[0].id, "Written on the desktop.")
    assert b.sync().conflicts == 1

    b.store.save_answer(draft_b, questions_b[0].id, "The desktop writes on.")
    a.store.save_answer(draft_a, questions_a[0].id, "The laptop writes on.")
    a.store.save_answer(draft_a, questions_a[1].id, "A second answer.")
    a.sync()

    b.sync()
    answers = b.store.application(draft_b).answers
    assert answers[questions_b[0].id] == "The desktop writes on."
    assert answers.get(questions_b[1].id) == "A second answer."
    assert [c[2] for c in conflicts(b)] == ["The laptop writes on."]
