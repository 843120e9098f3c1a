"""Two devices of one educator edit the same draft offline; nothing is lost."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from model.errors import Missing, SubmitRefused
from model.records import CredentialRecord
from tests.server.conftest import RunningServer
from tests.sync.conftest import Device

CODE = "formative-feedback"


def credential_of(device: Device) -> CredentialRecord:
    return next(c for c in device.store.credentials() if c.code == CODE)


def the_same_draft(
    sync_server: RunningServer, make_device: Callable[..., Device]
) -> tuple[Device, Device, int, int, int]:
    account = sync_server.user("educator")
    laptop, desktop = make_device(account), make_device(account)
    laptop.sync()
    draft = laptop.store.start_application(laptop.user.id, credential_of(laptop).id)
    question = credential_of(laptop).parts[0].questions[0].id
    laptop.store.save_answer(draft, question, "First words.")
    laptop.sync()
    desktop.sync()
    (row,) = desktop.store.dashboard_rows(desktop.user.id)
    return laptop, desktop, draft, row.id, question


def test_the_text_that_lost_is_kept_beside_mine_until_resolved(
    sync_server: RunningServer, make_device: Callable[..., Device]
) -> None:
    laptop, desktop, on_laptop, on_desktop, question = the_same_draft(
        sync_server, make_device
    )
    laptop.store.save_answer(on_laptop, question, "Written on the laptop.")
    desktop.store.save_answer(on_desktop, question, "Written at the desk.")
    assert laptop.sync().conflicts == 0
    assert desktop.sync().conflicts == 1

    notes = desktop.store.sync_notes(on_desktop)
    (conflict,) = notes.conflicts
    assert conflict.mine == "Written at the desk."
    assert conflict.theirs == "Written on the laptop."
    assert desktop.store.application(on_desktop).answers[question] == (
        "Written at the desk."
    )
    # A later sync keeps both, and the draft cannot go while they differ.
    desktop.sync()
    assert len(desktop.store.sync_notes(on_desktop).conflicts) == 1
    with pytest.raises(SubmitRefused) as refused:
        desktop.store.submit(on_desktop)
    assert Missing.CONFLICT in {item.kind for item in refused.value.missing}

    desktop.store.resolve_conflict(on_desktop, conflict.field, keep_mine=True)
    assert desktop.sync().conflicts == 0
    laptop.sync()
    assert laptop.store.application(on_laptop).answers[question] == (
        "Written at the desk."
    )
    assert desktop.store.sync_notes(on_desktop).conflicts == ()


def test_taking_the_other_devices_text_replaces_mine(
    sync_server: RunningServer, make_device: Callable[..., Device]
) -> None:
    laptop, desktop, on_laptop, on_desktop, question = the_same_draft(
        sync_server, make_device
    )
    laptop.store.save_answer(on_laptop, question, "The laptop's version.")
    desktop.store.save_answer(on_desktop, question, "The desk's version.")
    laptop.sync()
    desktop.sync()
    (conflict,) = desktop.store.sync_notes(on_desktop).conflicts

    desktop.store.resolve_conflict(on_desktop, conflict.field, keep_mine=False)
    assert desktop.store.application(on_desktop).answers[question] == (
        "The laptop's version."
    )
    result = desktop.sync()
    assert result.conflicts == 0 and result.waiting == 0
    # Typing on continues from the laptop's version without a new conflict.
    desktop.store.save_answer(on_desktop, question, "The laptop's version, and more.")
    assert desktop.sync().conflicts == 0
    laptop.sync()
    assert laptop.store.application(on_laptop).answers[question] == (
        "The laptop's version, and more."
    )


def test_a_submission_behind_a_conflict_waits_as_a_draft(
    sync_server: RunningServer, make_device: Callable[..., Device]
) -> None:
    laptop, desktop, on_laptop, on_desktop, question = the_same_draft(
        sync_server, make_device
    )
    laptop.store.save_answer(on_laptop, question, "Laptop text.")
    laptop.sync()
    desktop.store.save_answer(on_desktop, question, "Desk text.")
    record = desktop.store.application(on_desktop)
    # Fill the rest so the desk can submit offline.
    for part in record.credential.parts:
        for q in part.questions:
            if q.id != question:
                words = " ".join(f"w{i}" for i in range(q.min_words + 1))
                desktop.store.save_answer(on_desktop, q.id, words)
        if part.evidence_required:
            desktop.store.add_link(on_desktop, part.id, "https://example.org", "Plan")
    for name in ("confirm_ready", "confirm_disclosure", "confirm_own_work"):
        desktop.store.set_confirmation(on_desktop, name, True)
    first_question = record.credential.parts[0].questions[0]
    if len(record.credential.parts[0].questions) and first_question.min_words:
        desktop.store.save_answer(
            on_desktop,
            question,
            " ".join(f"desk{i}" for i in range(first_question.min_words + 1)),
        )
    desktop.store.submit(on_desktop)
    assert desktop.store.sync_notes(on_desktop).waiting_to_send

    result = desktop.sync()
    assert result.conflicts == 1
    after = desktop.store.application(on_desktop)
    assert after.status.value == "draft"
    notes = desktop.store.sync_notes(on_desktop)
    assert not notes.waiting_to_send
    assert notes.refusals and notes.refusals[0].reason == "conflict"
    assert after.answers[question].startswith("desk0")
