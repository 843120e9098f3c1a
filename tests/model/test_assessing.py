"""The assessor's desk on a real SQLite file: queue, claims, verdicts, decisions."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from model import workflow
from model.assessing import (
    AssessorDesk,
    HeldByAnother,
    QueueFilter,
    StaleAssessment,
    business_days_left,
    mark_all_read,
    mark_read,
    notifications,
    unread_count,
)
from model.calendar import BusinessCalendar
from model.catalog import SAMPLE_CATALOG
from model.demo import seed_demo
from model.diff import Change, word_diff
from model.entities import NotificationKind, Role, Status, Verdict
from model.records import UserRecord
from model.store import NotFound, Store


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 2, 9, 30))  # a Monday


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    store = Store(tmp_path / "data", clock=clock)
    store.import_catalog(SAMPLE_CATALOG)
    yield store
    store.close()


@pytest.fixture
def educator(store: Store) -> UserRecord:
    return store.create_user(
        "alex", "Alex Rivera", Role.EDUCATOR, "alex.rivera@example.org"
    )


@pytest.fixture
def morgan(store: Store) -> AssessorDesk:
    user = store.create_user("morgan", "Morgan Lee", Role.ASSESSOR, "m@example.org")
    return AssessorDesk(store, user)


@pytest.fixture
def sam(store: Store) -> AssessorDesk:
    user = store.create_user("sam", "Sam Okafor", Role.ASSESSOR, "s@example.org")
    return AssessorDesk(store, user)


def submitted(
    store: Store, educator_id: int, evidence: Path, credential_index: int = 0
) -> int:
    """A complete application, submitted at the store's current time."""
    credential = store.credentials()[credential_index]
    application_id = store.start_application(educator_id, credential.id)
    fill(store, application_id, evidence)
    store.submit(application_id)
    return application_id


def fill(store: Store, application_id: int, evidence: Path) -> None:
    record = store.application(application_id)
    for part in record.credential.parts:
        for question in part.questions:
            if question.id in record.answers:
                continue
            words = " ".join(["palabra"] * max(question.min_words, 1))
            store.save_answer(application_id, question.id, words)
        if part.evidence_required and not record.attachments_of(part.id):
            store.add_attachment(application_id, part.id, evidence)
    for name in ("confirm_ready", "confirm_disclosure", "confirm_own_work"):
        store.set_confirmation(application_id, name, True)


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    path = tmp_path / "lesson plan.txt"
    path.write_text("Exit ticket: what surprised you today?")
    return path


def judge_all(
    desk: AssessorDesk, application_id: int, failing: dict[int, str] | None = None
) -> int:
    """Give every part a verdict; returns the revision after the last save."""
    record = desk.open_for_assessment(application_id)
    revision = record.revision
    failing = failing or {}
    for part in record.credential.parts:
        if part.id in failing:
            verdict, feedback = Verdict.NEEDS_ATTENTION, failing[part.id]
        else:
            verdict, feedback = Verdict.MEETS, ""
        revision = desk.save_verdict(
            application_id, part.id, verdict, feedback, revision
        )
    return revision


def strings_in(value: Any) -> Iterator[str]:
    """Every string anywhere inside a record, dictionary keys included."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings_in(getattr(value, field.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, str):
        yield value


def assert_anonymous(record: Any) -> None:
    """No text of the record names the educator, and no field holds their id."""
    for text in strings_in(record):
        for leak in ("Alex", "Rivera", "@"):
            assert leak.casefold() not in text.casefold(), (leak, text)
    if isinstance(record, tuple):
        names = list(record._fields)  # type: ignore[attr-defined]
    else:
        names = [f.name for f in dataclasses.fields(record)]
    assert names and all("educator" not in name for name in names)


# The queue ----------------------------------------------------------------------


def test_the_queue_is_ordered_by_due_date_and_filtered(
    store: Store,
    clock: Clock,
    educator: UserRecord,
    morgan: AssessorDesk,
    sam: AssessorDesk,
    evidence: Path,
) -> None:
    late = submitted(store, educator.id, evidence, 0)
    clock.now += timedelta(days=14)
    middle = submitted(store, educator.id, evidence, 1)
    clock.now += timedelta(days=7)
    fresh = submitted(store, educator.id, evidence, 2)
    clock.now = datetime(2026, 3, 25, 9, 0)  # a Wednesday, past the first due date

    rows = morgan.queue()
    assert [r.application_id for r in rows] == [late, middle, fresh]
    assert morgan.queue(limit=2) == rows[:2]
    first = rows[0]
    assert first.overdue and first.business_days_left is not None
    assert first.business_days_left < 0
    assert first.decision_due == date(2026, 3, 20)
    assert first.business_days_left == -3
    assert rows[1].decision_due == date(2026, 4, 3)
    assert not rows[1].overdue and rows[1].business_days_left == 7
    assert rows[0].title == store.credentials()[0].title
    assert rows[0].status is Status.SUBMITTED and rows[0].attempt == 1

    morgan.open_for_assessment(middle)
    sam.open_for_assessment(fresh)
    rows = {r.application_id: r for r in morgan.queue()}
    assert rows[middle].held_by == "Morgan Lee" and rows[middle].held_by_me
    assert rows[fresh].held_by == "Sam Okafor" and not rows[fresh].held_by_me
    assert rows[late].held_by is None and rows[late].status is Status.SUBMITTED
    assert rows[middle].status is Status.IN_REVIEW

    def ids(filter: QueueFilter) -> list[int]:
        return [r.application_id for r in morgan.queue(filter)]

    assert ids(QueueFilter.ASSIGNED_TO_ME) == [middle]
    assert ids(QueueFilter.UNASSIGNED) == [late]
    assert ids(QueueFilter.OVERDUE) == [late]
    assert [r.application_id for r in sam.queue(QueueFilter.ASSIGNED_TO_ME)] == [fresh]


def test_a_decided_application_leaves_the_queue(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    revision = judge_all(morgan, application_id)
    assert [r.application_id for r in morgan.queue()] == [application_id]
    morgan.decide(application_id, revision)
    assert morgan.queue() == []


def test_business_days_left_are_counted_once_per_date() -> None:
    calendar = BusinessCalendar("US")
    today = date(2026, 3, 4)  # a Wednesday
    dues = [date(2026, 3, 4), date(2026, 3, 9), date(2026, 3, 2), date(2025, 12, 31)]
    left = business_days_left(calendar, today, dues * 1000)
    for due in dues:
        assert left[due] == calendar.business_days_between(today, due)
    assert left[date(2026, 3, 9)] == 3
    assert left[date(2026, 3, 2)] == -2


def test_an_assessor_never_sees_or_assesses_their_own_application(
    store: Store, educator: UserRecord, sam: AssessorDesk, evidence: Path
) -> None:
    also_teaches = store.create_user("kim", "Kim Park", Role.ASSESSOR, "k@example.org")
    own = submitted(store, also_teaches.id, evidence)
    other = submitted(store, educator.id, evidence)
    kim = AssessorDesk(store, also_teaches)

    assert [r.application_id for r in kim.queue()] == [other]
    with pytest.raises(workflow.DecisionRefused):
        kim.open_for_assessment(own)
    assert store.application(own).status is Status.SUBMITTED
    assert own in [r.application_id for r in sam.queue()]


def test_only_assessors_get_a_desk(store: Store, educator: UserRecord) -> None:
    with pytest.raises(workflow.DecisionRefused):
        AssessorDesk(store, educator)


def test_a_draft_cannot_be_opened(
    store: Store, educator: UserRecord, morgan: AssessorDesk
) -> None:
    draft = store.start_application(educator.id, store.credentials()[0].id)
    with pytest.raises(NotFound):
        morgan.open_for_assessment(draft)
    assert morgan.queue() == []


def test_nothing_the_assessor_gets_names_the_educator(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    for row in morgan.queue():
        assert_anonymous(row)
    record = morgan.open_for_assessment(application_id)
    assert_anonymous(record)
    assert record.code.startswith("MC-")
    for row in morgan.queue():
        assert_anonymous(row)


# Claiming -----------------------------------------------------------------------


def test_opening_claims_and_another_assessor_is_told_who_holds_it(
    store: Store,
    clock: Clock,
    educator: UserRecord,
    morgan: AssessorDesk,
    sam: AssessorDesk,
    evidence: Path,
) -> None:
    application_id = submitted(store, educator.id, evidence)
    record = morgan.open_for_assessment(application_id)
    assert record.status is Status.IN_REVIEW and record.editable
    assert record.started_at == clock.now
    assert record.revision == 1
    assert store.application(application_id).status is Status.IN_REVIEW

    with pytest.raises(HeldByAnother) as held:
        sam.open_for_assessment(application_id)
    assert held.value.holder == "Morgan Lee"
    with pytest.raises(HeldByAnother):
        sam.save_verdict(application_id, record.credential.parts[0].id, None, "", 1)

    again = morgan.open_for_assessment(application_id)
    assert (again.revision, again.started_at) == (1, record.started_at)


def test_the_educator_never_learns_who_assesses(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    revision = judge_all(morgan, application_id)
    morgan.decide(application_id, revision)
    seen = [store.application(application_id), *notifications(store, educator.id)]
    for record in seen:
        for text in strings_in(record):
            for leak in ("Morgan", "Lee", "m@example.org", "assessor"):
                assert leak.casefold() not in text.casefold(), (leak, text)


# Saving -------------------------------------------------------------------------


def test_a_stale_save_is_refused_and_both_texts_survive(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    first_window = morgan.open_for_assessment(application_id)
    second_window = morgan.open_for_assessment(application_id)
    part = first_window.credential.parts[0]

    revision = morgan.save_verdict(
        application_id,
        part.id,
        Verdict.NEEDS_ATTENTION,
        "Name the exit tickets you used.",
        first_window.revision,
    )
    assert revision == first_window.revision + 1
    with pytest.raises(StaleAssessment) as stale:
        morgan.save_verdict(
            application_id,
            part.id,
            Verdict.MEETS,
            "Clear overview.",
            second_window.revision,
        )
    current = stale.value.current
    assert current.revision == revision
    assert current.verdict(part.id).feedback == "Name the exit tickets you used."
    assert current.verdict(part.id).verdict is Verdict.NEEDS_ATTENTION

    revision = morgan.save_verdict(
        application_id, part.id, Verdict.MEETS, "Clear overview.", current.revision
    )
    stored = morgan.assessment(application_id)
    assert stored.revision == revision
    assert stored.verdict(part.id) == current.verdict(part.id).__class__(
        part.id, Verdict.MEETS, "Clear overview."
    )


def test_every_save_moves_the_revision_on(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    record = morgan.open_for_assessment(application_id)
    part = record.credential.parts[0]
    revision = record.revision
    for text in ("N", "Na", "Nam", "Name the"):
        revision = morgan.save_verdict(
            application_id, part.id, Verdict.NEEDS_ATTENTION, text, revision
        )
    assert revision == record.revision + 4
    assert morgan.assessment(application_id).verdict(part.id).feedback == "Name the"


def test_a_part_of_another_credential_is_refused(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    record = morgan.open_for_assessment(application_id)
    foreign = store.credentials()[1].parts[0].id
    with pytest.raises(NotFound):
        morgan.save_verdict(application_id, foreign, Verdict.MEETS, "", 1)
    assert morgan.assessment(application_id).revision == record.revision


def test_saving_before_opening_is_refused(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    part = store.application(application_id).credential.parts[0]
    with pytest.raises(workflow.DecisionRefused):
        morgan.save_verdict(application_id, part.id, Verdict.MEETS, "", 0)


# Deciding -----------------------------------------------------------------------


def test_feedback_is_required_where_a_part_needs_attention(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    parts = store.application(application_id).credential.parts
    revision = judge_all(morgan, application_id, {parts[0].id: "  "})

    record = morgan.assessment(application_id)
    assert record.preview.blockers == (parts[0].id,)
    assert record.preview.outcome is None
    with pytest.raises(workflow.DecisionRefused):
        morgan.decide(application_id, revision)
    after = morgan.assessment(application_id)
    assert after.revision == revision
    assert after.status is Status.IN_REVIEW and after.decided_at is None


def test_a_part_without_a_verdict_blocks_the_decision(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    record = morgan.open_for_assessment(application_id)
    part = record.credential.parts[0]
    revision = morgan.save_verdict(
        application_id, part.id, Verdict.MEETS, "", record.revision
    )
    blockers = morgan.assessment(application_id).preview.blockers
    assert set(blockers) == {p.id for p in record.credential.parts[1:]}
    with pytest.raises(workflow.DecisionRefused):
        morgan.decide(application_id, revision)


def test_every_part_meeting_the_rubric_approves(
    store: Store,
    clock: Clock,
    educator: UserRecord,
    morgan: AssessorDesk,
    evidence: Path,
) -> None:
    application_id = submitted(store, educator.id, evidence)
    revision = judge_all(morgan, application_id)
    assert morgan.assessment(application_id).preview.outcome is Status.APPROVED
    clock.now += timedelta(days=2)

    assert morgan.decide(application_id, revision) is Status.APPROVED
    record = morgan.assessment(application_id)
    assert record.decided_at == clock.now
    assert record.credential_version == record.credential.version
    assert not record.editable
    educator_view = store.application(application_id)
    assert educator_view.status is Status.APPROVED
    assert educator_view.decided_at == clock.now
    assert educator_view.attention == {}


def test_one_failing_part_denies_and_the_educator_sees_the_feedback(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    parts = store.application(application_id).credential.parts
    feedback = "Describe how the exit tickets changed your next lesson."
    revision = judge_all(morgan, application_id, {parts[-1].id: feedback})
    preview = morgan.assessment(application_id).preview
    assert (preview.outcome, preview.failing) == (Status.DENIED, (parts[-1].id,))

    assert morgan.decide(application_id, revision) is Status.DENIED
    educator_view = store.application(application_id)
    assert educator_view.status is Status.DENIED
    assert educator_view.attention == {parts[-1].id: feedback}
    assert educator_view.can_reapply


def test_a_decided_assessment_never_changes_again(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    revision = judge_all(morgan, application_id)
    morgan.decide(application_id, revision)
    part = store.application(application_id).credential.parts[0]
    current = morgan.assessment(application_id).revision
    with pytest.raises(workflow.NotEditable):
        morgan.save_verdict(application_id, part.id, None, "", current)
    with pytest.raises(workflow.NotEditable):
        morgan.decide(application_id, current)


def test_a_stale_decision_is_refused(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    revision = judge_all(morgan, application_id)
    with pytest.raises(StaleAssessment):
        morgan.decide(application_id, revision - 1)
    assert store.application(application_id).status is Status.IN_REVIEW


# Notifications -------------------------------------------------------------------


def test_a_decision_notifies_the_educator(
    store: Store,
    clock: Clock,
    educator: UserRecord,
    morgan: AssessorDesk,
    evidence: Path,
) -> None:
    first = submitted(store, educator.id, evidence, 0)
    second = submitted(store, educator.id, evidence, 1)
    assert unread_count(store, educator.id) == 0

    morgan.decide(first, judge_all(morgan, first))
    clock.now += timedelta(hours=1)
    morgan.decide(second, judge_all(morgan, second))

    assert unread_count(store, educator.id) == 2
    assert unread_count(store, morgan.assessor.id) == 0
    newest, oldest = notifications(store, educator.id)
    assert (newest.application_id, oldest.application_id) == (second, first)
    assert newest.kind is NotificationKind.DECIDED
    assert newest.status is Status.APPROVED and newest.unread
    assert newest.code == store.application(second).code

    mark_read(store, newest.id)
    mark_read(store, newest.id)
    assert unread_count(store, educator.id) == 1
    assert not notifications(store, educator.id)[0].unread
    mark_all_read(store, educator.id)
    assert unread_count(store, educator.id) == 0
    with pytest.raises(NotFound):
        mark_read(store, 999)


# Resubmissions -------------------------------------------------------------------


def test_a_resubmission_shows_the_previous_attempt_beside_each_part(
    store: Store,
    clock: Clock,
    educator: UserRecord,
    morgan: AssessorDesk,
    sam: AssessorDesk,
    evidence: Path,
) -> None:
    first = submitted(store, educator.id, evidence)
    parts = store.application(first).credential.parts
    failed = parts[0]
    feedback = "Say which of your classes this is about."
    morgan.decide(first, judge_all(morgan, first, {failed.id: feedback}))

    clock.now += timedelta(days=20)
    second = store.reapply(first)
    store.copy_previous_answers(second, failed.id)
    question = failed.questions[0]
    old_text = store.application(first).answers[question.id]
    new_text = old_text + " in my third period class"
    store.save_answer(second, question.id, new_text)
    store.save_note(second, "I named my class.")
    fill(store, second, evidence)
    store.submit(second)

    record = sam.open_for_assessment(second)
    assert record.attempt == 2
    assert record.resubmission_note == "I named my class."
    assert [(r.id, r.attempt, r.status) for r in record.related] == [
        (first, 1, Status.DENIED)
    ]
    assert record.previous_verdicts[failed.id].feedback == feedback
    assert record.previous_verdicts[failed.id].verdict is Verdict.NEEDS_ATTENTION
    assert record.unchanged == {p.id for p in parts if p.id != failed.id}
    for part_id in record.unchanged:
        assert record.verdict(part_id).verdict is Verdict.MEETS
    assert record.verdict(failed.id).verdict is None
    assert record.preview.blockers == (failed.id,)

    changes = word_diff(
        record.previous_answers[question.id], record.answers[question.id]
    )
    assert [s.text for s in changes if s.kind is Change.INSERT] == [
        " in my third period class"
    ]

    revision = sam.copy_previous_feedback(second, failed.id, record.revision)
    copied = sam.assessment(second).verdict(failed.id)
    assert (copied.verdict, copied.feedback) == (None, feedback)
    revision = sam.save_verdict(second, failed.id, Verdict.MEETS, "", revision)
    assert sam.decide(second, revision) is Status.APPROVED
    assert store.application(second).status is Status.APPROVED


def test_copying_feedback_needs_previous_feedback(
    store: Store, educator: UserRecord, morgan: AssessorDesk, evidence: Path
) -> None:
    application_id = submitted(store, educator.id, evidence)
    record = morgan.open_for_assessment(application_id)
    with pytest.raises(NotFound):
        morgan.copy_previous_feedback(
            application_id, record.credential.parts[0].id, record.revision
        )


# The demo -------------------------------------------------------------------------


def test_the_demo_queue_shows_what_is_held_and_by_whom(tmp_path: Path) -> None:
    store = Store(tmp_path, clock=lambda: datetime(2026, 12, 3, 11, 0))
    try:
        seed_demo(store)
        desk = AssessorDesk(store, store.user("assessor"))
        rows = desk.queue()
        assert rows == sorted(rows, key=lambda r: r.decision_due or date.max)
        held = {r.held_by for r in rows}
        assert {"Morgan Lee", "Sam Okafor", None} <= held
        assert any(r.overdue for r in rows)
        assert [r.held_by_me for r in desk.queue(QueueFilter.ASSIGNED_TO_ME)] == [True]
        for row in rows:
            assert_anonymous(row)
        mine = desk.queue(QueueFilter.ASSIGNED_TO_ME)[0]
        record = desk.open_for_assessment(mine.application_id)
        assert record.status is Status.IN_REVIEW
        theirs = next(r for r in rows if r.held_by == "Sam Okafor")
        with pytest.raises(HeldByAnother):
            desk.open_for_assessment(theirs.application_id)
    finally:
        store.close()
