"""One assessor, two computers: an assessment is never overwritten by a stale copy."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from model.assessing import AssessorDesk
from model.enums import Status, Verdict
from model.errors import WorkflowError
from tests.server.conftest import RunningServer
from tests.sync.conftest import Device
from tests.sync.test_round_trip import credential_of, fill, queued


def test_feedback_written_on_two_computers_waits_for_the_assessors_choice(
    sync_server: RunningServer, make_device: Callable[..., Device]
) -> None:
    educator = make_device(sync_server.user("educator"))
    account = sync_server.user("assessor")
    office, home = make_device(account), make_device(account)
    educator.sync()
    draft = educator.store.start_application(
        educator.user.id, credential_of(educator).id
    )
    fill(educator, draft)
    educator.store.submit(draft)
    educator.sync()
    code = educator.store.application(draft).code

    office.sync()
    at_office = AssessorDesk(office.store, office.user)
    on_office = queued(at_office, code)
    record = at_office.open_for_assessment(on_office)
    part = record.credential.parts[0].id
    office.sync()
    home.sync()
    at_home = AssessorDesk(home.store, home.user)
    on_home = queued(at_home, code)
    home_record = at_home.open_for_assessment(on_home)

    at_office.save_verdict(
        on_office, part, Verdict.MEETS, "Written at the office.", record.revision
    )
    at_home.save_verdict(
        on_home,
        part,
        Verdict.NEEDS_ATTENTION,
        "Written at home.",
        home_record.revision,
    )
    assert office.sync().conflicts == 0
    assert home.sync().conflicts == 1

    # Home keeps its own text; the office's waits beside it.
    assert at_home.assessment(on_home).verdict(part).feedback == "Written at home."
    theirs = at_home.sync_conflicts(on_home)
    assert theirs[part].feedback == "Written at the office."
    assert theirs[part].verdict is Verdict.MEETS
    home.sync()
    assert at_home.assessment(on_home).verdict(part).feedback == "Written at home."
    with pytest.raises(WorkflowError):
        at_home.decide(on_home, at_home.assessment(on_home).revision)

    at_home.resolve_sync_conflict(on_home, part, keep_mine=True)
    assert home.sync().conflicts == 0
    office.sync()
    kept = at_office.assessment(on_office).verdict(part)
    assert (kept.verdict, kept.feedback) == (
        Verdict.NEEDS_ATTENTION,
        "Written at home.",
    )

    # Deciding from the office now goes through.
    current = at_office.assessment(on_office)
    revision = current.revision
    for other in current.credential.parts[1:]:
        revision = at_office.save_verdict(
            on_office, other.id, Verdict.MEETS, "", revision
        )
    assert at_office.decide(on_office, revision) is Status.DENIED
    assert office.sync().refused == 0
    educator.sync()
    assert educator.store.application(draft).status is Status.DENIED
