"""Tables only the server has: accounts, tokens, the change feed, the mail outbox.

They live on a declarative base of their own, so that importing the server
never adds tables to ``model.entities.Base`` (whose metadata the desktop's
migrations describe). Foreign keys point at the model's tables by column.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from model.entities import NAMING_CONVENTION, Application, User

# SQLite only gives AUTOINCREMENT (ids never reused) to an INTEGER primary key.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON}


class Account(ServerBase):
    """The sign-in side of a user: an argon2 password hash, never the password.

    ``language`` (``en`` or ``es``) is the language of the e-mails they get.
    """

    __tablename__ = "accounts"

    user_id: Mapped[int] = mapped_column(ForeignKey(User.id), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    language: Mapped[str] = mapped_column(String(2), default="en", server_default="en")


class AccessToken(ServerBase):
    """A bearer token, kept only as its SHA-256: a stolen table signs nobody in."""

    __tablename__ = "access_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(User.id), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ApplicationUid(ServerBase):
    """The UUID a client gave an application, so offline drafts can be named."""

    __tablename__ = "application_uids"

    application_id: Mapped[int] = mapped_column(
        ForeignKey(Application.id), primary_key=True
    )
    uid: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)


class TextVersion(ServerBase):
    """The version of one text of an application: ``note`` or ``q:<question id>``."""

    __tablename__ = "text_versions"

    application_id: Mapped[int] = mapped_column(
        ForeignKey(Application.id), primary_key=True
    )
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class SyncChange(ServerBase):
    """The last change of one entity, at its place in the change feed.

    One row per entity: a change deletes the entity's row and inserts a new
    one, further on in the feed. ``txid`` is the writing transaction's id on
    PostgreSQL (0 on SQLite); see ``server.changes`` for why the feed is read
    in (txid, id) order.
    """

    __tablename__ = "sync_changes"
    __table_args__ = (
        UniqueConstraint("kind", "entity_id"),
        Index("ix_sync_changes_position", "txid", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    txid: Mapped[int] = mapped_column(BigInteger, default=0)
    kind: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)


class SyncOperation(ServerBase):
    """A pushed operation's outcome, recorded so a retry never applies twice."""

    __tablename__ = "sync_operations"

    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(User.id), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    applied_at: Mapped[datetime] = mapped_column(DateTime)


class Blob(ServerBase):
    """An uploaded file, stored under its SHA-256 in the attachments folder."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(120))
    uploaded_by: Mapped[int] = mapped_column(ForeignKey(User.id))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime)


class OutgoingMail(ServerBase):
    """An e-mail waiting to be sent, sent, or given up on (see ``server.mail``).

    Unsent while ``sent_at`` is empty: due at ``next_attempt_at``, or given up
    after too many attempts when that is empty too.
    """

    __tablename__ = "mail_outbox"
    __table_args__ = (Index("ix_mail_outbox_unsent", "sent_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(600))
    language: Mapped[str] = mapped_column(String(2))
    subject: Mapped[str] = mapped_column(String(400))
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
