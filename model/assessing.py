"""The assessor's desk: the queue, claiming, verdicts and the decision.

An assessor works through a queue of submitted applications. Opening one
claims it; from then on only that assessor may change its verdicts, and every
change names the revision it was based on, so two windows (or two assessors)
never overwrite each other's work in silence. The decision follows the
workflow rules and leaves a notification for the educator.

Assessment is double-blind: everything handed to the assessor names the
application by its code, never its educator, and the educator's records and
notifications never name the assessor.

Every method is a unit of work of its own and returns frozen records, like
the store's, so a view may call it from a worker thread.

QueueFilter, HeldByAnother and StaleAssessment are defined in ``model.enums``
and ``model.errors``, the queue's query and ``business_days_left`` in
``model.quickread``: the desktop uses them before SQLAlchemy is loaded. They
are re-exported here.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from model import workflow
from model.entities import (
    Application,
    Assessment,
    Notification,
    NotificationKind,
    OutboxOperation,
    Part,
    PartVerdict,
    Role,
    Status,
    SyncConflict,
    User,
    Verdict,
)
from model.enums import QueueFilter
from model.errors import HeldByAnother, NotFound, StaleAssessment
from model.quickread import (
    WAITING,
    business_days_left,  # noqa: F401 (re-exported)
    read_queue_rows,
)
from model.records import (
    AssessmentRecord,
    CredentialRecord,
    DecisionPreview,
    NotificationRecord,
    QueueRow,
    RelatedRecord,
    UserRecord,
    VerdictRecord,
)
from model.store import Store, _attachment_record
from model.sync import outbox
from model.sync.local import verdict_of
from model.sync_protocol import OperationKind

logger = logging.getLogger(__name__)


class AssessorDesk:
    """What one assessor can see and do; refuses anyone who is not an assessor."""

    def __init__(self, store: Store, assessor: UserRecord) -> None:
        if assessor.role is not Role.ASSESSOR:
            raise workflow.DecisionRefused(f"{assessor.username} is not an assessor")
        self.store = store
        self.assessor = assessor

    # The queue ----------------------------------------------------------------

    def queue(
        self, filter: QueueFilter = QueueFilter.ALL, limit: int | None = None
    ) -> list[QueueRow]:
        """Applications waiting for a decision, the earliest due first.

        One query, whatever the size: never the assessor's own applications.
        At 100,000 rows it takes a few hundred milliseconds, so a view should
        call it from a worker; ``limit`` gives the first rows sooner, to paint
        while the whole list loads.
        """
        # The bare driver connection: SQLAlchemy's rows would cost more than
        # the query itself at 100,000 rows.
        connection = self.store.engine.raw_connection()
        try:
            return read_queue_rows(
                connection,
                self.assessor.id,
                self.store.clock().date(),
                self.store.calendar(),
                filter,
                limit,
            )
        finally:
            connection.close()

    # Claiming and reading ---------------------------------------------------

    def open_for_assessment(self, application_id: int) -> AssessmentRecord:
        """The application with its assessment, claimed for this assessor.

        A waiting application nobody holds is claimed: it goes in review and
        parts carried over approved arrive with their verdict set. A decided
        one opens read-only. Raises HeldByAnother when another assessor holds
        it, DecisionRefused for the assessor's own application, and NotFound
        for a draft.
        """
        try:
            with self.store._unit() as session:
                application = self._readable(session, application_id)
                if application.assessment is None and application.status in WAITING:
                    self._claim(session, application)
                return self._record(session, application)
        except IntegrityError:
            # Another window claimed it between our read and our write.
            logger.debug("Lost the race to claim application %s", application_id)
            with self.store._unit() as session:
                application = self._readable(session, application_id)
                return self._record(session, application)

    def assessment(self, application_id: int) -> AssessmentRecord:
        """The stored state, without claiming: to refresh after a refusal."""
        with self.store._unit() as session:
            return self._record(session, self._readable(session, application_id))

    # Changing ---------------------------------------------------------------

    def save_verdict(
        self,
        application_id: int,
        part_id: int,
        verdict: Verdict | None,
        feedback: str,
        base_revision: int,
    ) -> int:
        """Store one part's verdict and feedback; returns the new revision.

        Cheap enough to autosave on every pause in typing. Feedback may stay
        empty while work goes on; the decision requires it where a part needs
        more attention. Raises StaleAssessment when ``base_revision`` is not
        the stored one, HeldByAnother, or NotEditable once decided.
        """
        with self.store._unit() as session:
            assessment_id, revision = self._advance(
                session, application_id, base_revision
            )
            credential_id = session.execute(
                select(Application.credential_id).where(
                    Application.id == application_id
                )
            ).scalar_one()
            credential = self.store.credential(credential_id)
            if all(p.id != part_id for p in credential.parts):
                raise NotFound(f"part {part_id} of application {application_id}")
            row = session.scalar(
                select(PartVerdict).where(
                    PartVerdict.assessment_id == assessment_id,
                    PartVerdict.part_id == part_id,
                )
            )
            if row is None:
                row = PartVerdict(assessment_id=assessment_id, part_id=part_id)
                session.add(row)
            row.verdict = verdict
            row.feedback = feedback
            self._queue_verdict(session, application_id, part_id, verdict, feedback)
            return revision

    def copy_previous_feedback(
        self, application_id: int, part_id: int, base_revision: int
    ) -> int:
        """Replace a part's feedback with the previous attempt's; the new revision.

        The verdict stays as it is. The view should ask before replacing
        feedback that is not empty. Raises NotFound when the previous attempt
        left no feedback on that part.
        """
        record = self.assessment(application_id)
        previous = record.previous_verdicts.get(part_id)
        if previous is None or not previous.feedback.strip():
            raise NotFound(f"no previous feedback on part {part_id}")
        current = record.verdict(part_id)
        return self.save_verdict(
            application_id, part_id, current.verdict, previous.feedback, base_revision
        )

    def decide(self, application_id: int, base_revision: int) -> Status:
        """Make the final decision and tell the educator; returns it.

        Approved only when every part meets the rubric, denied otherwise; the
        time and the micro-credential version judged are recorded. Raises
        DecisionRefused while a part lacks a verdict or needed feedback, and
        StaleAssessment, HeldByAnother or NotEditable like ``save_verdict``.
        """
        now = self.store.clock()
        with self.store._unit() as session:
            self._advance(session, application_id, base_revision)
            application = self.store._load(session, application_id)
            assessment = application.assessment
            if assessment is None:  # _advance found it; only a deletion races
                raise NotFound(f"assessment of application {application_id}")
            if session.scalar(
                select(SyncConflict.id).where(
                    SyncConflict.application_id == application_id,
                    SyncConflict.field.like("verdict:%"),
                )
            ):
                raise workflow.DecisionRefused(
                    "a part was also assessed on another device: choose which"
                    " verdict to keep first"
                )
            decision = workflow.decide(application, assessment, self.assessor.id, now)
            outbox.record(
                session, application, self.assessor.id, OperationKind.DECIDE, {}, now
            )
            session.add(
                Notification(
                    user_id=application.educator_id,
                    application_id=application.id,
                    kind=NotificationKind.DECIDED,
                    created_at=now,
                )
            )
            logger.info(
                "Decided %s, attempt %d: %s",
                application.code,
                application.attempt,
                decision,
            )
            return decision

    # Versions from another device --------------------------------------------

    def sync_conflicts(self, application_id: int) -> dict[int, VerdictRecord]:
        """Parts saved differently on another device: the server's version.

        This computer keeps its own verdict and feedback until the assessor
        chooses with ``resolve_sync_conflict``; no decision until then.
        """
        with self.store._unit() as session:
            rows = session.scalars(
                select(SyncConflict).where(
                    SyncConflict.application_id == application_id,
                    SyncConflict.field.like("verdict:%"),
                )
            )
            found = {}
            for row in rows:
                part_id = int(row.field.split(":", 1)[1])
                verdict, feedback = verdict_of(row.theirs)
                found[part_id] = VerdictRecord(part_id, verdict, feedback)
            return found

    def resolve_sync_conflict(
        self, application_id: int, part_id: int, *, keep_mine: bool
    ) -> None:
        """Keep this computer's verdict (sent again), or take the other one."""
        field = outbox.verdict_field(part_id)
        with self.store._unit() as session:
            conflict = session.scalar(
                select(SyncConflict).where(
                    SyncConflict.application_id == application_id,
                    SyncConflict.field == field,
                )
            )
            if conflict is None:
                return
            session.delete(conflict)
            row = session.scalar(
                select(PartVerdict)
                .join(Assessment, PartVerdict.assessment_id == Assessment.id)
                .where(
                    Assessment.application_id == application_id,
                    PartVerdict.part_id == part_id,
                )
            )
            if keep_mine:
                self._queue_verdict(
                    session,
                    application_id,
                    part_id,
                    row.verdict if row else None,
                    row.feedback if row else "",
                )
                return
            session.execute(
                delete(OutboxOperation).where(
                    OutboxOperation.application_id == application_id,
                    OutboxOperation.field == field,
                )
            )
            if row is not None:
                row.verdict, row.feedback = verdict_of(conflict.theirs)

    def _queue_verdict(
        self,
        session: Session,
        application_id: int,
        part_id: int,
        verdict: Verdict | None,
        feedback: str,
    ) -> None:
        """Record a part's verdict for the server, when this folder has one."""
        application = self.store._load(session, application_id)
        credential = self.store.credential(application.credential_id)
        outbox.record(
            session,
            application,
            self.assessor.id,
            OperationKind.SAVE_VERDICT,
            {
                "part_key": credential.part(part_id).key,
                "verdict": None if verdict is None else verdict.value,
                "feedback": feedback,
            },
            self.store.clock(),
            field=outbox.verdict_field(part_id),
        )

    # Internals ----------------------------------------------------------------

    def _readable(self, session: Session, application_id: int) -> Application:
        """The application, if this assessor may see it at all."""
        application = self.store._load(session, application_id)
        if application.educator_id == self.assessor.id:
            raise workflow.DecisionRefused(
                "an assessor cannot assess their own application"
            )
        if application.status is Status.DRAFT:
            raise NotFound(application_id)
        assessment = application.assessment
        if (
            assessment is not None
            and assessment.decided_at is None
            and assessment.assessor_id != self.assessor.id
        ):
            raise HeldByAnother(self._name_of(session, assessment.assessor_id))
        return application

    def _claim(self, session: Session, application: Application) -> None:
        now = self.store.clock()
        assessment = Assessment(assessor_id=self.assessor.id, started_at=now)
        unchanged = {
            s.part_id
            for s in application.part_states
            if s.carried_over and not s.unlocked
        }
        previous = _previous_verdicts(session, application)
        assessment.verdicts = [
            PartVerdict(
                part_id=part_id,
                verdict=Verdict.MEETS,
                feedback=previous[part_id].feedback if part_id in previous else "",
            )
            for part_id in sorted(unchanged)
        ]
        application.assessment = assessment
        application.status = Status.IN_REVIEW
        application.updated_at = now
        session.flush()
        outbox.record(
            session, application, self.assessor.id, OperationKind.CLAIM, {}, now
        )
        logger.info(
            "Assessor %s opened %s for assessment",
            self.assessor.username,
            application.code,
        )

    def _advance(
        self, session: Session, application_id: int, base_revision: int
    ) -> tuple[int, int]:
        """Move this assessor's undecided assessment past ``base_revision``.

        One conditional update, so two writers based on the same revision can
        never both succeed. Returns the assessment's id and new revision, or
        raises why the change is refused.
        """
        row = session.execute(
            update(Assessment)
            .where(
                Assessment.application_id == application_id,
                Assessment.assessor_id == self.assessor.id,
                Assessment.decided_at.is_(None),
                Assessment.revision == base_revision,
            )
            .values(revision=Assessment.revision + 1)
            .returning(Assessment.id, Assessment.revision)
            .execution_options(synchronize_session=False)
        ).first()
        if row is not None:
            return int(row[0]), int(row[1])

        application = self._readable(session, application_id)
        assessment = application.assessment
        if assessment is None:
            raise workflow.DecisionRefused("open the application for assessment first")
        if assessment.decided_at is not None:
            raise workflow.NotEditable(f"application {application.code} is decided")
        raise StaleAssessment(self._record(session, application))

    def _name_of(self, session: Session, user_id: int) -> str:
        return session.scalar(select(User.display_name).where(User.id == user_id)) or ""

    def _record(self, session: Session, application: Application) -> AssessmentRecord:
        credential = self.store.credential(application.credential_id)
        chain = self.store._chain(session, application)
        previous = next((a for a in chain if a.id == application.previous_id), None)
        assessment = application.assessment
        verdicts = {
            v.part_id: VerdictRecord(v.part_id, v.verdict, v.feedback)
            for v in (assessment.verdicts if assessment else [])
        }
        return AssessmentRecord(
            application_id=application.id,
            code=application.code,
            credential=credential,
            attempt=application.attempt,
            status=application.status,
            submitted_at=application.submitted_at,
            decision_due=application.decision_due,
            resubmission_note=application.resubmission_note,
            answers={a.question_id: a.text for a in application.answers},
            attachments=tuple(_attachment_record(a) for a in application.attachments),
            related=tuple(
                RelatedRecord(a.id, a.attempt, a.status, a.submitted_at, a.decided_at)
                for a in chain
                if a.attempt < application.attempt
            ),
            verdicts=verdicts,
            previous_verdicts=_previous_verdicts(session, application),
            previous_answers={a.question_id: a.text for a in previous.answers}
            if previous
            else {},
            unchanged=frozenset(
                s.part_id
                for s in application.part_states
                if s.carried_over and not s.unlocked
            ),
            revision=assessment.revision if assessment else 0,
            started_at=assessment.started_at if assessment else None,
            decided_at=assessment.decided_at if assessment else None,
            credential_version=assessment.credential_version if assessment else None,
            preview=preview_decision(credential, verdicts.values()),
        )


def preview_decision(
    credential: CredentialRecord, verdicts: Iterable[VerdictRecord]
) -> DecisionPreview:
    """What deciding with these verdicts would do, by the workflow's own rules.

    A view can call it on the verdicts it shows, to enable its decide button
    and word the confirmation, without a round trip to the database.
    """
    assessment = Assessment(
        verdicts=[
            PartVerdict(part_id=v.part_id, verdict=v.verdict, feedback=v.feedback)
            for v in verdicts
        ]
    )
    parts = [Part(id=p.id) for p in credential.parts]
    blockers = tuple(workflow.decision_blockers(assessment, parts))
    given = {v.part_id: v.verdict for v in assessment.verdicts}
    failing = tuple(
        p.id for p in credential.parts if given.get(p.id) is Verdict.NEEDS_ATTENTION
    )
    if blockers:
        return DecisionPreview(blockers, None, failing)
    return DecisionPreview((), workflow.derived_decision(assessment), failing)


# The educator's side: notifications of decisions --------------------------------


def notifications(store: Store, user_id: int) -> list[NotificationRecord]:
    """The user's notifications, newest first. None of them names an assessor."""
    with store._unit() as session:
        rows = session.execute(
            select(Notification, Application)
            .join(Application, Application.id == Notification.application_id)
            .where(Notification.user_id == user_id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
        ).all()
        return [
            NotificationRecord(
                id=notification.id,
                kind=notification.kind,
                application_id=application.id,
                code=application.code,
                title=store.credential(application.credential_id).title,
                attempt=application.attempt,
                status=application.status,
                created_at=notification.created_at,
                read_at=notification.read_at,
            )
            for notification, application in rows
        ]


def unread_count(store: Store, user_id: int) -> int:
    with store._unit() as session:
        count = session.scalar(
            select(func.count(Notification.id)).where(
                Notification.user_id == user_id, Notification.read_at.is_(None)
            )
        )
        return int(count or 0)


def mark_read(store: Store, notification_id: int) -> None:
    """Mark one notification read; marking it again keeps the first time."""
    with store._unit() as session:
        notification = session.get(Notification, notification_id)
        if notification is None:
            raise NotFound(notification_id)
        if notification.read_at is None:
            notification.read_at = store.clock()


def mark_all_read(store: Store, user_id: int) -> None:
    with store._unit() as session:
        session.execute(
            update(Notification)
            .where(Notification.user_id == user_id, Notification.read_at.is_(None))
            .values(read_at=store.clock())
        )


def _previous_verdicts(
    session: Session, application: Application
) -> dict[int, VerdictRecord]:
    """The decided verdicts of the attempt before ``application``, by part."""
    if application.previous_id is None:
        return {}
    assessment = session.scalar(
        select(Assessment).where(
            Assessment.application_id == application.previous_id,
            Assessment.decided_at.is_not(None),
        )
    )
    if assessment is None:
        return {}
    return {
        v.part_id: VerdictRecord(v.part_id, v.verdict, v.feedback)
        for v in assessment.verdicts
    }


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value
