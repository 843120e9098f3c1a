"""The workflow rules of an application, as plain functions.

The desktop calls these before it writes, and a server calls the same ones
before it accepts anything from a client: the rules live here once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from model.calendar import BusinessCalendar
from model.errors import (
    DecisionRefused,
    Missing,
    MissingItem,
    NotAllowed,
    NotEditable,
    PartLocked,
    ReapplyRefused,
    SubmitRefused,
    WorkflowError,
)
from model.text import count_words

__all__ = [
    "DecisionRefused",
    "Missing",
    "MissingItem",
    "NotAllowed",
    "NotEditable",
    "PartLocked",
    "ReapplyRefused",
    "SubmitRefused",
    "WorkflowError",
    "count_words",
]
from model.entities import (
    Answer,
    Application,
    Assessment,
    Attachment,
    Part,
    PartState,
    Role,
    Status,
    Verdict,
)


def ensure_may_read(application: Application, user_id: int, role: Role) -> None:
    """NotAllowed unless the user may see ``application``.

    An educator sees their own applications. An assessor sees other
    educators' applications once submitted (waiting, in review or decided),
    never their own: what an assessor opens is assessed.
    """
    if role is Role.ASSESSOR:
        if application.educator_id == user_id:
            raise NotAllowed(NotAllowed.OWN_APPLICATION, application.id)
        if application.status is Status.DRAFT:
            raise NotAllowed(NotAllowed.NOT_SUBMITTED, application.id)
    elif application.educator_id != user_id:
        raise NotAllowed(NotAllowed.OTHER_EDUCATOR, application.id)


def ensure_may_change(application: Application, user_id: int) -> None:
    """NotAllowed unless the user is the educator of ``application``.

    Assessors change nothing of an application: they judge it on their desk.
    """
    if application.educator_id != user_id:
        raise NotAllowed(NotAllowed.OTHER_EDUCATOR, application.id)


def ensure_editable(application: Application) -> None:
    if application.status is not Status.DRAFT:
        raise NotEditable(f"application {application.code} is {application.status}")


def is_part_locked(state: PartState | None) -> bool:
    return state is not None and state.carried_over and not state.unlocked


def ensure_part_editable(application: Application, part_id: int) -> None:
    ensure_editable(application)
    state = next((s for s in application.part_states if s.part_id == part_id), None)
    if is_part_locked(state):
        raise PartLocked(f"part {part_id} was approved and is locked")


def missing_items(application: Application) -> list[MissingItem]:
    """Everything that must be done before ``application`` can be submitted."""
    answers = {a.question_id: a.text for a in application.answers}
    evidence_parts = {a.part_id for a in application.attachments}
    missing: list[MissingItem] = []
    for part in application.credential.parts:
        for question in part.questions:
            text = answers.get(question.id, "")
            words = count_words(text)
            if words == 0:
                missing.append(MissingItem(Missing.ANSWER, part.id, question.id))
            elif question.max_words and words > question.max_words:
                missing.append(
                    MissingItem(
                        Missing.TOO_LONG,
                        part.id,
                        question.id,
                        words,
                        question.max_words,
                    )
                )
        if part.evidence_required and part.id not in evidence_parts:
            missing.append(MissingItem(Missing.EVIDENCE, part.id))
    if application.attempt > 1 and not application.resubmission_note.strip():
        missing.append(MissingItem(Missing.RESUBMISSION_NOTE))
    for flag, kind in (
        (application.confirm_ready, Missing.CONFIRM_READY),
        (application.confirm_disclosure, Missing.CONFIRM_DISCLOSURE),
        (application.confirm_own_work, Missing.CONFIRM_OWN_WORK),
    ):
        if not flag:
            missing.append(MissingItem(kind))
    return missing


def submit(application: Application, now: datetime, calendar: BusinessCalendar) -> None:
    """Submit a complete draft and set the date its decision is due."""
    ensure_editable(application)
    missing = missing_items(application)
    if missing:
        raise SubmitRefused(missing)
    application.status = Status.SUBMITTED
    application.submitted_at = now
    application.updated_at = now
    application.decision_due = calendar.decision_due(now)


def newest_attempt(chain: Iterable[Application]) -> Application:
    return max(chain, key=lambda a: a.attempt)


def can_reapply(application: Application, chain: Iterable[Application]) -> bool:
    """Reapply is offered on the newest attempt of a chain, when it was denied."""
    return (
        application.status is Status.DENIED
        and newest_attempt(chain).id == application.id
    )


def approved_part_ids(application: Application) -> set[int]:
    assessment = application.assessment
    if assessment is None or assessment.decided_at is None:
        return set()
    return {v.part_id for v in assessment.verdicts if v.verdict is Verdict.MEETS}


def failed_part_ids(application: Application) -> set[int]:
    """Parts that did not meet the rubric in this decided attempt."""
    if application.status is not Status.DENIED or application.assessment is None:
        return set()
    approved = approved_part_ids(application)
    return {p.id for p in application.credential.parts if p.id not in approved}


def reapply(
    denied: Application, chain: Iterable[Application], now: datetime, code: str
) -> Application:
    """Start the next attempt after ``denied``, carrying over its approved parts.

    Approved parts arrive with their answers and attachments and are locked;
    the others start empty, with the previous answer one action away.
    """
    if not can_reapply(denied, chain):
        raise ReapplyRefused(f"application {denied.code} cannot be reapplied")
    attempt = Application(
        code=code,
        credential_id=denied.credential_id,
        educator_id=denied.educator_id,
        attempt=denied.attempt + 1,
        previous_id=denied.id,
        status=Status.DRAFT,
        created_at=now,
        updated_at=now,
        resubmission_note="",
    )
    approved = approved_part_ids(denied)
    question_part = {q.id: p.id for p in denied.credential.parts for q in p.questions}
    attempt.answers = [
        Answer(question_id=a.question_id, text=a.text, updated_at=now)
        for a in denied.answers
        if question_part.get(a.question_id) in approved
    ]
    attempt.attachments = [
        Attachment(
            part_id=a.part_id,
            filename=a.filename,
            sha256=a.sha256,
            url=a.url,
            size=a.size,
            media_type=a.media_type,
            added_at=now,
        )
        for a in denied.attachments
        if a.part_id in approved
    ]
    attempt.part_states = [
        PartState(part_id=part_id, carried_over=True, unlocked=False)
        for part_id in sorted(approved)
    ]
    return attempt


def decision_blockers(assessment: Assessment, parts: Sequence[Part]) -> list[int]:
    """Ids of parts without a verdict, or failing without feedback."""
    verdicts = {v.part_id: v for v in assessment.verdicts}
    blockers = []
    for part in parts:
        verdict = verdicts.get(part.id)
        if verdict is None or verdict.verdict is None:
            blockers.append(part.id)
        elif (
            verdict.verdict is Verdict.NEEDS_ATTENTION and not verdict.feedback.strip()
        ):
            blockers.append(part.id)
    return blockers


def derived_decision(assessment: Assessment) -> Status:
    """Approved only when every verdict meets the rubric; denied otherwise."""
    if assessment.verdicts and all(
        v.verdict is Verdict.MEETS for v in assessment.verdicts
    ):
        return Status.APPROVED
    return Status.DENIED


def decide(
    application: Application, assessment: Assessment, assessor_id: int, now: datetime
) -> Status:
    """Record the final decision on ``application`` and return it."""
    if application.educator_id == assessor_id:
        raise DecisionRefused("an assessor cannot assess their own application")
    if application.status not in (Status.SUBMITTED, Status.IN_REVIEW):
        raise DecisionRefused(f"application {application.code} is {application.status}")
    blockers = decision_blockers(assessment, application.credential.parts)
    if blockers:
        raise DecisionRefused(f"{len(blockers)} part(s) lack a verdict or feedback")
    decision = derived_decision(assessment)
    application.status = decision
    application.decided_at = now
    application.updated_at = now
    assessment.decided_at = now
    assessment.credential_version = application.credential.version
    return decision
