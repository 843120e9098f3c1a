"""The persistent domain entities, as typed SQLAlchemy 2 mappings.

Texts of the catalog are kept per language in JSON objects (``{"en": …, "es": …}``)
so a micro-credential imported once can be shown in either language.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Re-exported: the entities' enums are part of this module's interface.
from model.enums import NotificationKind as NotificationKind
from model.enums import PartKind as PartKind
from model.enums import Role as Role
from model.enums import Status as Status
from model.enums import Verdict as Verdict

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Localized = dict[str, str]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, Localized: JSON}


def _enum(kind: type[enum.Enum]) -> Enum:
    return Enum(
        kind,
        values_callable=lambda e: [m.value for m in e],
        length=20,
        native_enum=False,
        validate_strings=True,
    )


class User(Base):
    """Someone who signs in: an educator, an assessor or an administrator."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), default="")
    role: Mapped[Role] = mapped_column(_enum(Role))


class MicroCredential(Base):
    """A published micro-credential: competency, key method and ordered parts."""

    __tablename__ = "micro_credentials"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[Localized] = mapped_column(JSON)
    competency: Mapped[Localized] = mapped_column(JSON)
    key_method: Mapped[Localized] = mapped_column(JSON)

    parts: Mapped[list[Part]] = relationship(
        back_populates="credential",
        order_by="Part.position",
        cascade="all, delete-orphan",
    )


class Part(Base):
    """One part of a micro-credential (overview, evidence, reflection…)."""

    __tablename__ = "parts"
    __table_args__ = (UniqueConstraint("credential_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    credential_id: Mapped[int] = mapped_column(ForeignKey("micro_credentials.id"))
    key: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[PartKind] = mapped_column(_enum(PartKind))
    title: Mapped[Localized] = mapped_column(JSON)
    instructions: Mapped[Localized] = mapped_column(JSON)
    evidence_required: Mapped[bool] = mapped_column(Boolean, default=False)

    credential: Mapped[MicroCredential] = relationship(back_populates="parts")
    questions: Mapped[list[Question]] = relationship(
        order_by="Question.position", cascade="all, delete-orphan"
    )
    criteria: Mapped[list[RubricCriterion]] = relationship(
        order_by="RubricCriterion.position", cascade="all, delete-orphan"
    )


class Question(Base):
    """A question of a part, with the word range an answer should keep to."""

    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("part_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    key: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer)
    prompt: Mapped[Localized] = mapped_column(JSON)
    min_words: Mapped[int] = mapped_column(Integer, default=0)
    max_words: Mapped[int | None] = mapped_column(Integer, nullable=True)


class RubricCriterion(Base):
    """What a passing answer to a part does, with terms that suggest it does."""

    __tablename__ = "rubric_criteria"
    __table_args__ = (UniqueConstraint("part_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    key: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[Localized] = mapped_column(JSON)
    look_for: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Application(Base):
    """One attempt at a micro-credential; resubmissions link to the previous one."""

    __tablename__ = "applications"
    __table_args__ = (
        Index("ix_applications_educator_status", "educator_id", "status"),
        # The dashboard reads an educator's newest attempts first.
        Index("ix_applications_educator_newest", "educator_id", "id"),
        # The assessor queue reads waiting applications from this index alone.
        Index(
            "ix_applications_queue",
            "status",
            "decision_due",
            "submitted_at",
            "educator_id",
            "credential_id",
            "attempt",
            "code",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    credential_id: Mapped[int] = mapped_column(ForeignKey("micro_credentials.id"))
    educator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id"), nullable=True, index=True
    )
    status: Mapped[Status] = mapped_column(_enum(Status), default=Status.DRAFT)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    decision_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    confirm_ready: Mapped[bool] = mapped_column(Boolean, default=False)
    confirm_disclosure: Mapped[bool] = mapped_column(Boolean, default=False)
    confirm_own_work: Mapped[bool] = mapped_column(Boolean, default=False)
    resubmission_note: Mapped[str] = mapped_column(Text, default="")

    credential: Mapped[MicroCredential] = relationship()
    educator: Mapped[User] = relationship()
    previous: Mapped[Application | None] = relationship(remote_side=[id])
    answers: Mapped[list[Answer]] = relationship(cascade="all, delete-orphan")
    attachments: Mapped[list[Attachment]] = relationship(
        order_by="Attachment.id", cascade="all, delete-orphan"
    )
    part_states: Mapped[list[PartState]] = relationship(cascade="all, delete-orphan")
    assessment: Mapped[Assessment | None] = relationship(
        back_populates="application", cascade="all, delete-orphan"
    )


class Answer(Base):
    """The educator's text for one question of one attempt."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("application_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class PartState(Base):
    """Per attempt and part: whether it was carried over approved, and unlocked."""

    __tablename__ = "part_states"
    __table_args__ = (UniqueConstraint("application_id", "part_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    carried_over: Mapped[bool] = mapped_column(Boolean, default=False)
    unlocked: Mapped[bool] = mapped_column(Boolean, default=False)


class Attachment(Base):
    """Evidence attached to a part: a file stored under its SHA-256, or a link."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id"), index=True
    )
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    media_type: Mapped[str] = mapped_column(String(120), default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)


class Assessment(Base):
    """An assessor's judgement of one attempt: a verdict and feedback per part."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id"), unique=True
    )
    assessor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    credential_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)

    application: Mapped[Application] = relationship(back_populates="assessment")
    verdicts: Mapped[list[PartVerdict]] = relationship(cascade="all, delete-orphan")


class PartVerdict(Base):
    """Whether one part meets the rubric, with the assessor's feedback."""

    __tablename__ = "part_verdicts"
    __table_args__ = (UniqueConstraint("assessment_id", "part_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"))
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    verdict: Mapped[Verdict | None] = mapped_column(_enum(Verdict), nullable=True)
    feedback: Mapped[str] = mapped_column(Text, default="")


class Notification(Base):
    """Something the user should learn of, such as a decision on their application.

    It names the application only: the educator never learns who assessed it.
    """

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id"), index=True
    )
    kind: Mapped[NotificationKind] = mapped_column(_enum(NotificationKind))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    read_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Setting(Base):
    """A key/value setting of this data folder (holiday country, size limits…)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# What the sync engine keeps about the server, in the local database only ------


class LocalBase(DeclarativeBase):
    """Tables only the desktop's database has; the server's schema lacks them."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON}


class SyncLink(LocalBase):
    """How a local application is known to the server.

    ``uid`` names the application on every machine; the server gives it its
    own ``server_id`` and a ``version`` that grows with each change there.
    ``deferred`` holds the server's newest copy while local changes to the
    application still wait to be sent; it is applied once they are. A
    refusal of the server (a submission it would not take, say) waits in
    ``refusal`` until the owner has read it.
    """

    __tablename__ = "sync_links"

    application_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    server_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    assessment_revision: Mapped[int] = mapped_column(Integer, default=0)
    deferred: Mapped[dict[str, Any] | None] = mapped_column(
        JSON(none_as_null=True), nullable=True
    )
    refusal: Mapped[dict[str, Any] | None] = mapped_column(
        JSON(none_as_null=True), nullable=True
    )


class SyncText(LocalBase):
    """The server's version that a local text (an answer, the note) is based on."""

    __tablename__ = "sync_texts"

    application_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    field: Mapped[str] = mapped_column(String(80), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class OutboxOperation(LocalBase):
    """A local change waiting to be sent, in the order it was made.

    ``op_id`` is the change's own id, so sending it twice applies it once.
    Typing into one answer updates its waiting operation (``field`` names
    the text) until a push takes it (``sent``); from then on it is frozen
    and a later edit waits in a new one.
    """

    __tablename__ = "sync_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    user_id: Mapped[int] = mapped_column(Integer)
    application_id: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    field: Mapped[str | None] = mapped_column(String(80), nullable=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    sent: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SyncConflict(LocalBase):
    """The server's text that lost against a local edit, kept until resolved.

    ``field`` names the text as ``SyncText`` does; ``theirs`` is the text
    another device saved, at ``their_version``.
    """

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(Integer, index=True)
    field: Mapped[str] = mapped_column(String(80))
    theirs: Mapped[str] = mapped_column(Text)
    their_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
