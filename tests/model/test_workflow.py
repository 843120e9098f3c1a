"""The workflow rules, on entities built in memory (no database)."""

from datetime import date, datetime

import pytest

from model import workflow
from model.calendar import BusinessCalendar
from model.entities import (
    Answer,
    Application,
    Assessment,
    Attachment,
    MicroCredential,
    Part,
    PartKind,
    PartVerdict,
    Question,
    Status,
    Verdict,
)
from model.workflow import Missing

NOW = datetime(2026, 3, 2, 9, 0)


def make_credential() -> MicroCredential:
    credential = MicroCredential(id=1, code="c", version=3, title={"en": "C"})
    for index, (kind, evidence) in enumerate(
        [
            (PartKind.OVERVIEW, False),
            (PartKind.EVIDENCE, True),
            (PartKind.REFLECTION, False),
        ]
    ):
        part = Part(
            id=10 + index,
            key=kind.value,
            position=index,
            kind=kind,
            evidence_required=evidence,
        )
        part.questions = [
            Question(id=100 + 10 * index + q, position=q, max_words=20)
            for q in range(2)
        ]
        credential.parts.append(part)
    return credential


def make_application(**fields: object) -> Application:
    values: dict[str, object] = {
        "id": 1,
        "code": "MC-TEST",
        "educator_id": 7,
        "attempt": 1,
        "status": Status.DRAFT,
        "resubmission_note": "",
        "confirm_ready": False,
        "confirm_disclosure": False,
        "confirm_own_work": False,
    }
    application = Application(**(values | fields))
    application.credential = make_credential()
    return application


def complete(application: Application) -> Application:
    for part in application.credential.parts:
        for question in part.questions:
            application.answers.append(
                Answer(question_id=question.id, text="In my classroom we…")
            )
    application.attachments.append(
        Attachment(part_id=11, filename="plan.pdf", sha256="ab" * 32)
    )
    application.confirm_ready = True
    application.confirm_disclosure = True
    application.confirm_own_work = True
    return application


def decided(application: Application, failed: set[int], status: Status) -> None:
    application.status = status
    application.decided_at = NOW
    application.assessment = Assessment(
        assessor_id=2,
        decided_at=NOW,
        verdicts=[
            PartVerdict(
                part_id=p.id,
                verdict=Verdict.NEEDS_ATTENTION if p.id in failed else Verdict.MEETS,
                feedback="Say more about your own students." if p.id in failed else "",
            )
            for p in application.credential.parts
        ],
    )


def test_count_words_counts_any_script_and_ignores_markup_punctuation() -> None:
    assert workflow.count_words("") == 0
    assert workflow.count_words("In my classroom, we use exit-tickets.") == 6
    assert workflow.count_words("Mis estudiantes día a día 🎉") == 5
    assert workflow.count_words("طلابي يتعلمون") == 2


def test_an_empty_draft_names_every_missing_item() -> None:
    missing = workflow.missing_items(make_application())
    kinds = [item.kind for item in missing]
    assert kinds.count(Missing.ANSWER) == 6
    assert Missing.EVIDENCE in kinds
    assert {Missing.CONFIRM_READY, Missing.CONFIRM_DISCLOSURE} <= set(kinds)
    assert Missing.CONFIRM_OWN_WORK in kinds
    assert Missing.RESUBMISSION_NOTE not in kinds
    assert {item.question_id for item in missing if item.question_id} == {
        100,
        101,
        110,
        111,
        120,
        121,
    }


def test_a_resubmission_needs_its_note() -> None:
    application = complete(make_application(attempt=2))
    assert [i.kind for i in workflow.missing_items(application)] == [
        Missing.RESUBMISSION_NOTE
    ]
    application.resubmission_note = "   "
    assert workflow.missing_items(application)
    application.resubmission_note = "I added my students' work."
    assert workflow.missing_items(application) == []


def test_an_answer_over_its_limit_blocks_submit_with_the_counts() -> None:
    application = complete(make_application())
    application.answers[0].text = "word " * 25
    (item,) = workflow.missing_items(application)
    assert (item.kind, item.words, item.limit) == (Missing.TOO_LONG, 25, 20)


def test_submit_sets_the_due_date_and_then_nothing_changes() -> None:
    application = complete(make_application())
    workflow.submit(application, NOW, BusinessCalendar("US"))
    assert application.status is Status.SUBMITTED
    assert application.decision_due == date(2026, 3, 20)
    with pytest.raises(workflow.NotEditable):
        workflow.ensure_editable(application)
    with pytest.raises(workflow.NotEditable):
        workflow.submit(application, NOW, BusinessCalendar("US"))


def test_submit_refused_lists_everything() -> None:
    with pytest.raises(workflow.SubmitRefused) as refused:
        workflow.submit(make_application(), NOW, BusinessCalendar("US"))
    assert len(refused.value.missing) == 10


def test_reapply_only_on_the_newest_denied_attempt() -> None:
    first = complete(make_application(id=1))
    decided(first, {10}, Status.DENIED)
    second = complete(make_application(id=2, attempt=2))
    second.previous_id = 1
    decided(second, {10}, Status.DENIED)
    chain = [first, second]
    assert not workflow.can_reapply(first, chain)
    assert workflow.can_reapply(second, chain)
    with pytest.raises(workflow.ReapplyRefused):
        workflow.reapply(first, chain, NOW, "MC-NEW")


def test_reapply_is_refused_unless_denied() -> None:
    approved = complete(make_application())
    decided(approved, set(), Status.APPROVED)
    assert not workflow.can_reapply(approved, [approved])
    draft = make_application()
    assert not workflow.can_reapply(draft, [draft])


def test_reapply_carries_over_approved_parts_locked() -> None:
    denied = complete(make_application())
    decided(denied, {10}, Status.DENIED)
    attempt = workflow.reapply(denied, [denied], NOW, "MC-NEW")

    assert (attempt.attempt, attempt.previous_id, attempt.status) == (
        2,
        1,
        Status.DRAFT,
    )
    assert {a.question_id for a in attempt.answers} == {110, 111, 120, 121}
    assert [a.filename for a in attempt.attachments] == ["plan.pdf"]
    assert {s.part_id for s in attempt.part_states if s.carried_over} == {11, 12}
    assert not attempt.confirm_ready and attempt.resubmission_note == ""

    attempt.credential = denied.credential
    with pytest.raises(workflow.PartLocked):
        workflow.ensure_part_editable(attempt, 11)
    workflow.ensure_part_editable(attempt, 10)
    attempt.part_states[0].unlocked = True
    workflow.ensure_part_editable(attempt, attempt.part_states[0].part_id)


def test_failed_parts_are_those_not_meeting_the_rubric() -> None:
    denied = complete(make_application())
    decided(denied, {10, 12}, Status.DENIED)
    assert workflow.failed_part_ids(denied) == {10, 12}
    assert workflow.approved_part_ids(denied) == {11}


def submitted_with_assessment(verdicts: dict[int, tuple[Verdict | None, str]]):
    application = complete(make_application())
    application.status = Status.SUBMITTED
    assessment = Assessment(
        assessor_id=2,
        verdicts=[
            PartVerdict(part_id=p, verdict=v, feedback=f)
            for p, (v, f) in verdicts.items()
        ],
    )
    application.assessment = assessment
    return application, assessment


def test_approved_only_when_every_part_meets_the_rubric() -> None:
    meets = (Verdict.MEETS, "")
    application, assessment = submitted_with_assessment(
        {10: meets, 11: meets, 12: meets}
    )
    assert workflow.decide(application, assessment, 2, NOW) is Status.APPROVED
    assert assessment.credential_version == 3
    assert application.decided_at == NOW

    application, assessment = submitted_with_assessment(
        {10: meets, 11: (Verdict.NEEDS_ATTENTION, "Add a sample."), 12: meets}
    )
    assert workflow.decide(application, assessment, 2, NOW) is Status.DENIED


def test_deciding_needs_every_verdict_and_feedback_on_failures() -> None:
    meets = (Verdict.MEETS, "")
    application, assessment = submitted_with_assessment(
        {10: meets, 11: (Verdict.NEEDS_ATTENTION, "  "), 12: (None, "")}
    )
    assert workflow.decision_blockers(assessment, application.credential.parts) == [
        11,
        12,
    ]
    with pytest.raises(workflow.DecisionRefused):
        workflow.decide(application, assessment, 2, NOW)
    assert application.status is Status.SUBMITTED


def test_an_assessor_cannot_decide_their_own_application() -> None:
    meets = (Verdict.MEETS, "")
    application, assessment = submitted_with_assessment(
        {10: meets, 11: meets, 12: meets}
    )
    with pytest.raises(workflow.DecisionRefused, match="own"):
        workflow.decide(application, assessment, application.educator_id, NOW)
