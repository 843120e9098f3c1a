"""Request and response bodies of the REST endpoints, named by purpose.

The sync endpoints' bodies, shared with the desktop, are in
``model.sync_protocol``; these are the server's own.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from model.enums import Role, Status, Verdict
from model.sync_protocol import (
    Confirmation,
    CredentialRef,
    Key,
    MissingItemPayload,
    Text,
)
from server.settings import MIN_PASSWORD_LENGTH

Username = Annotated[str, Field(min_length=1, max_length=80, pattern=r"^[\w.@+-]+$")]
Password = Annotated[str, Field(min_length=MIN_PASSWORD_LENGTH, max_length=1024)]
# The language of the e-mails a user gets.
Language = Literal["en", "es"]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(BaseModel):
    code: str
    message: str
    missing: list[MissingItemPayload] = Field(default_factory=list)


class ErrorPublic(BaseModel):
    """Every refusal: a stable ``code`` to act on and a ``message`` to show."""

    detail: ErrorDetail


# Auth ---------------------------------------------------------------------------


class TokenCreate(_Body):
    username: Annotated[str, Field(max_length=200)]
    password: Annotated[str, Field(max_length=1024)]


class TokenPublic(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: AwareDatetime


# Users --------------------------------------------------------------------------


class UserCreate(_Body):
    username: Username
    password: Password
    role: Role
    display_name: Annotated[str, Field(max_length=200)] = ""
    email: Annotated[str, Field(max_length=320)] = ""
    language: Language = "en"


class UserUpdate(_Body):
    """Only the fields given change; a new password or disabling signs out."""

    display_name: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    email: Annotated[str, Field(max_length=320)] | None = None
    language: Language | None = None
    role: Role | None = None
    password: Password | None = None
    disabled: bool | None = None


class UserPublic(BaseModel):
    id: int
    username: str
    display_name: str
    email: str
    language: Language
    role: Role
    disabled: bool


# Catalog ------------------------------------------------------------------------


class CatalogImportPublic(BaseModel):
    codes: list[str]


# Applications -------------------------------------------------------------------


class ApplicationCreate(_Body):
    credential_id: Annotated[int, Field(ge=1, le=2**31 - 1)]
    uid: UUID | None = None


class ApplicationSummary(BaseModel):
    """A row of a list: the educator's attempts, or the assessor queue."""

    id: int
    uid: UUID
    code: str
    credential: CredentialRef
    attempt: int
    status: Status
    submitted_at: AwareDatetime | None
    decision_due: date | None
    decided_at: AwareDatetime | None


class AnswerUpdate(_Body):
    part_key: Key
    question_key: Key
    text: Text
    base_version: Annotated[int, Field(ge=0)]


class NoteUpdate(_Body):
    text: Text
    base_version: Annotated[int, Field(ge=0)]


class ConfirmationUpdate(_Body):
    name: Confirmation
    value: bool


class ReapplyCreate(_Body):
    uid: UUID | None = None


class SavedPublic(BaseModel):
    """A change was stored; ``version`` is what the next change names as base."""

    version: int


# Assessments --------------------------------------------------------------------


class VerdictUpdate(_Body):
    verdict: Verdict | None
    feedback: Text = ""
    base_revision: Annotated[int, Field(ge=0)]


class DecisionCreate(_Body):
    base_revision: Annotated[int, Field(ge=0)]


# Attachments --------------------------------------------------------------------


class AttachmentPublic(BaseModel):
    sha256: str
    size: int
    media_type: str
