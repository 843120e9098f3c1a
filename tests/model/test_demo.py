"""The demo data: every state, and the resubmission flow it exists to show."""

from datetime import date, datetime
from pathlib import Path

import pytest

from model import workflow
from model.demo import seed_demo
from model.entities import Status
from model.store import Store

NOW = datetime(2026, 12, 3, 11, 0)


@pytest.fixture
def demo(tmp_path: Path) -> Store:
    store = Store(tmp_path, clock=lambda: NOW)
    seed_demo(store)
    yield store
    store.close()


def denied_chain(store: Store):
    educator = store.user("educator")
    rows = [r for r in store.dashboard_rows(educator.id) if r.status is Status.DENIED]
    return sorted(rows, key=lambda r: r.attempt)


def test_the_educator_has_applications_in_every_state(demo: Store) -> None:
    rows = demo.dashboard_rows(demo.user("educator").id)
    statuses = [r.status for r in rows]
    for status in Status:
        assert status in statuses
    assert statuses.count(Status.DENIED) == 2
    assert statuses.count(Status.DRAFT) >= 2


def test_one_submitted_application_is_overdue(demo: Store) -> None:
    rows = demo.dashboard_rows(demo.user("educator").id)
    waiting = [r for r in rows if r.status in (Status.SUBMITTED, Status.IN_REVIEW)]
    assert any(r.decision_due and r.decision_due < NOW.date() for r in waiting)
    assert any(r.decision_due and r.decision_due >= NOW.date() for r in waiting)


def test_the_newest_denied_attempt_carries_feedback_and_related_rows(
    demo: Store,
) -> None:
    first, second = denied_chain(demo)
    record = demo.application(second.id)
    assert record.can_reapply
    assert not demo.application(first.id).can_reapply
    assert [r.attempt for r in record.related] == [1]
    assert record.related[0].status is Status.DENIED
    (failed,) = record.attention
    assert record.attention[failed].strip()
    approved = [p.id for p in record.credential.parts if p.id not in record.attention]
    assert approved


def test_reapply_opens_a_draft_that_carries_over_approved_parts(demo: Store) -> None:
    _, denied = denied_chain(demo)
    new_id = demo.reapply(denied.id)
    record = demo.application(new_id)
    previous = demo.application(denied.id)
    assert (record.attempt, record.previous_id, record.status) == (
        3,
        denied.id,
        Status.DRAFT,
    )
    assert [r.attempt for r in record.related] == [1, 2]
    assert record.attention == previous.attention
    for part in record.credential.parts:
        if part.id in previous.attention:
            assert not record.is_locked(part.id)
            assert all(q.id not in record.answers for q in part.questions)
        else:
            assert record.is_locked(part.id)
            for q in part.questions:
                assert record.answers[q.id] == previous.answers[q.id]
    assert not demo.application(denied.id).can_reapply
    with pytest.raises(workflow.ReapplyRefused):
        demo.reapply(denied.id)


def test_a_locked_part_must_be_unlocked_before_it_changes(demo: Store) -> None:
    _, denied = denied_chain(demo)
    record = demo.application(demo.reapply(denied.id))
    locked = next(p for p in record.credential.parts if record.is_locked(p.id))
    question = locked.questions[0]
    with pytest.raises(workflow.PartLocked):
        demo.save_answer(record.id, question.id, "changed")
    demo.unlock_part(record.id, locked.id)
    demo.save_answer(record.id, question.id, "changed")
    assert demo.application(record.id).answers[question.id] == "changed"


def test_copy_previous_answer_fills_a_failed_part(demo: Store) -> None:
    _, denied = denied_chain(demo)
    record = demo.application(demo.reapply(denied.id))
    (failed,) = record.attention
    demo.copy_previous_answers(record.id, failed)
    copied = demo.application(record.id)
    previous = demo.application(denied.id)
    part = copied.credential.part(failed)
    assert all(copied.answers[q.id] == previous.answers[q.id] for q in part.questions)


def test_the_full_resubmission_submits_with_a_due_date(demo: Store) -> None:
    _, denied = denied_chain(demo)
    new_id = demo.reapply(denied.id)
    (failed,) = demo.application(new_id).attention
    demo.copy_previous_answers(new_id, failed)
    with pytest.raises(workflow.SubmitRefused) as refused:
        demo.submit(new_id)
    kinds = {item.kind for item in refused.value.missing}
    assert workflow.Missing.RESUBMISSION_NOTE in kinds
    demo.save_note(new_id, "I added my students' exit tickets and what I changed.")
    for name in ("confirm_ready", "confirm_disclosure", "confirm_own_work"):
        demo.set_confirmation(new_id, name, True)
    record = demo.submit(new_id)
    assert record.status is Status.SUBMITTED
    assert record.decision_due == date(2026, 12, 23)


def test_an_existing_folder_is_never_seeded_again(demo: Store) -> None:
    before = len(demo.dashboard_rows(demo.user("educator").id))
    seed_demo(demo)
    assert len(demo.dashboard_rows(demo.user("educator").id)) == before
