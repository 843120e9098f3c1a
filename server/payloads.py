"""What a reader may see of the catalog and of applications, as protocol payloads.

Applications never name their educator. An educator sees the assessment of
their attempt only once it is decided, and never who assessed it; an
assessor sees who holds an assessment, and the verdicts of one in progress
only when it is theirs.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from model.entities import (
    Application,
    Assessment,
    MicroCredential,
    Part,
    Role,
    User,
)
from model.sync_protocol import (
    AnswerPayload,
    ApplicationPayload,
    AssessmentPayload,
    AttachmentPayload,
    CredentialPayload,
    CredentialRef,
    CriterionPayload,
    PartPayload,
    PartStatePayload,
    QuestionPayload,
    TextPayload,
    VerdictPayload,
)
from server.accounts import Principal
from server.entities import ApplicationUid, TextVersion

NOTE = "note"


def answer_field(question_id: int) -> str:
    return f"q:{question_id}"


def aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)


def maybe_aware(value: datetime | None) -> datetime | None:
    return None if value is None else value.replace(tzinfo=UTC)


def application_options() -> list[ORMOption]:
    return [
        selectinload(Application.answers),
        selectinload(Application.attachments),
        selectinload(Application.part_states),
        selectinload(Application.assessment).selectinload(Assessment.verdicts),
    ]


def credential_payload(credential: MicroCredential) -> CredentialPayload:
    return CredentialPayload(
        id=credential.id,
        code=credential.code,
        version=credential.version,
        title=dict(credential.title),
        competency=dict(credential.competency),
        key_method=dict(credential.key_method),
        parts=[
            PartPayload(
                id=p.id,
                key=p.key,
                position=p.position,
                kind=p.kind,
                title=dict(p.title),
                instructions=dict(p.instructions),
                evidence_required=p.evidence_required,
                questions=[
                    QuestionPayload(
                        id=q.id,
                        key=q.key,
                        position=q.position,
                        prompt=dict(q.prompt),
                        min_words=q.min_words,
                        max_words=q.max_words,
                    )
                    for q in p.questions
                ],
                criteria=[
                    CriterionPayload(
                        id=c.id,
                        key=c.key,
                        position=c.position,
                        text=dict(c.text),
                        look_for={k: list(v) for k, v in c.look_for.items()},
                    )
                    for c in p.criteria
                ],
            )
            for p in credential.parts
        ],
    )


def load_credentials(
    session: Session, ids: Iterable[int]
) -> dict[int, MicroCredential]:
    rows = session.scalars(
        select(MicroCredential)
        .where(MicroCredential.id.in_(set(ids)))
        .options(
            selectinload(MicroCredential.parts).selectinload(Part.questions),
            selectinload(MicroCredential.parts).selectinload(Part.criteria),
        )
    ).all()
    return {c.id: c for c in rows}


class _Keys:
    """Catalog keys of one credential's parts and questions, by id."""

    def __init__(self, credential: MicroCredential) -> None:
        self.part = {p.id: p.key for p in credential.parts}
        self.question = {
            q.id: (p.key, q.key) for p in credential.parts for q in p.questions
        }


class PayloadBuilder:
    """Builds the payloads one reader may see, a page of applications at a time."""

    def __init__(self, session: Session, viewer: Principal) -> None:
        self.session = session
        self.viewer = viewer
        self._credentials: dict[int, MicroCredential] = {}

    def credentials(self, ids: Iterable[int]) -> dict[int, MicroCredential]:
        wanted = set(ids) - self._credentials.keys()
        if wanted:
            self._credentials.update(load_credentials(self.session, wanted))
        return self._credentials

    def load(self, ids: Sequence[int]) -> list[Application]:
        if not ids:
            return []
        rows = self.session.scalars(
            select(Application)
            .where(Application.id.in_(ids))
            .options(*application_options())
        ).all()
        return list(rows)

    def applications(
        self, applications: Sequence[Application]
    ) -> dict[int, ApplicationPayload]:
        if not applications:
            return {}
        ids = {a.id for a in applications} | {
            a.previous_id for a in applications if a.previous_id
        }
        uids = dict(
            self.session.execute(
                select(ApplicationUid.application_id, ApplicationUid.uid).where(
                    ApplicationUid.application_id.in_(ids)
                )
            )
            .tuples()
            .all()
        )
        versions: dict[tuple[int, str], int] = {
            (row.application_id, row.field): row.version
            for row in self.session.scalars(
                select(TextVersion).where(
                    TextVersion.application_id.in_([a.id for a in applications])
                )
            )
        }
        holders = self._holder_names(applications)
        credentials = self.credentials(a.credential_id for a in applications)
        return {
            a.id: self._application(
                a, uids, versions, holders, credentials[a.credential_id]
            )
            for a in applications
        }

    def application(self, application: Application) -> ApplicationPayload:
        return self.applications([application])[application.id]

    def assessment(self, application: Application) -> AssessmentPayload | None:
        credential = self.credentials([application.credential_id])
        keys = _Keys(credential[application.credential_id])
        return self._assessment(application, keys, self._holder_names([application]))

    def _holder_names(self, applications: Sequence[Application]) -> dict[int, str]:
        if self.viewer.role is not Role.ASSESSOR:
            return {}
        holder_ids = {a.assessment.assessor_id for a in applications if a.assessment}
        if not holder_ids:
            return {}
        return dict(
            self.session.execute(
                select(User.id, User.display_name).where(User.id.in_(holder_ids))
            )
            .tuples()
            .all()
        )

    def _application(
        self,
        application: Application,
        uids: dict[int, uuid.UUID],
        versions: dict[tuple[int, str], int],
        holders: dict[int, str],
        credential: MicroCredential,
    ) -> ApplicationPayload:
        keys = _Keys(credential)
        version = versions.get
        return ApplicationPayload(
            id=application.id,
            uid=uids[application.id],
            code=application.code,
            credential=CredentialRef(
                id=credential.id, code=credential.code, version=credential.version
            ),
            attempt=application.attempt,
            previous_uid=uids.get(application.previous_id)
            if application.previous_id
            else None,
            status=application.status,
            created_at=aware(application.created_at),
            updated_at=aware(application.updated_at),
            submitted_at=maybe_aware(application.submitted_at),
            decision_due=application.decision_due,
            decided_at=maybe_aware(application.decided_at),
            confirm_ready=application.confirm_ready,
            confirm_disclosure=application.confirm_disclosure,
            confirm_own_work=application.confirm_own_work,
            resubmission_note=TextPayload(
                text=application.resubmission_note,
                version=version((application.id, NOTE), 0),
            ),
            answers=[
                AnswerPayload(
                    part_key=keys.question[a.question_id][0],
                    question_key=keys.question[a.question_id][1],
                    question_id=a.question_id,
                    text=a.text,
                    version=version((application.id, answer_field(a.question_id)), 0),
                )
                for a in sorted(application.answers, key=lambda a: a.question_id)
            ],
            attachments=[
                AttachmentPayload(
                    part_key=keys.part[a.part_id],
                    filename=a.filename,
                    sha256=a.sha256,
                    url=a.url,
                    size=a.size,
                    media_type=a.media_type,
                    added_at=aware(a.added_at),
                )
                for a in application.attachments
            ],
            part_states=[
                PartStatePayload(
                    part_key=keys.part[s.part_id],
                    carried_over=s.carried_over,
                    unlocked=s.unlocked,
                )
                for s in sorted(application.part_states, key=lambda s: s.part_id)
            ],
            assessment=self._assessment(application, keys, holders),
            mine=application.educator_id == self.viewer.id,
        )

    def _assessment(
        self, application: Application, keys: _Keys, holders: dict[int, str]
    ) -> AssessmentPayload | None:
        assessment = application.assessment
        if assessment is None:
            return None
        decided = assessment.decided_at is not None
        if self.viewer.role is Role.EDUCATOR:
            if not decided:
                return None
            held_by, held_by_me = None, False
        else:
            held_by = holders.get(assessment.assessor_id)
            held_by_me = assessment.assessor_id == self.viewer.id
        show_verdicts = decided or held_by_me
        return AssessmentPayload(
            revision=assessment.revision,
            started_at=aware(assessment.started_at),
            decided_at=maybe_aware(assessment.decided_at),
            credential_version=assessment.credential_version,
            verdicts=[
                VerdictPayload(
                    part_key=keys.part[v.part_id],
                    verdict=v.verdict,
                    feedback=v.feedback,
                )
                for v in sorted(assessment.verdicts, key=lambda v: v.part_id)
            ]
            if show_verdicts
            else [],
            held_by=held_by,
            held_by_me=held_by_me,
        )
