"""The sync protocol between the desktop and the server, defined once for both.

The desktop's sync engine pulls pages of changes (``ChangePage``) from
``GET /api/v1/sync/changes`` and pushes its outbox as ``PushRequest`` to
``POST /api/v1/sync/push``, which answers one ``OperationResult`` per
operation. Everything here is a pydantic model: no Qt, no FastAPI, no ORM.

Applications are named by ``uid``, a UUID the client makes when it starts a
draft (offline too), so an operation can refer to an application the server
has not seen yet. Parts and questions are named by their catalog keys, which
are the same on every machine, never by database ids.

Versions: every entity in the change feed has a version that grows by one on
each change. A text (an answer, the resubmission note) has its own version,
so two devices editing different answers never conflict; an assessment has a
revision. ``base_version`` in an operation is the version the client last saw
of what it changes; a stale one gives a conflict with the server's copy.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from model.enums import PartKind, Status, Verdict
from model.errors import Missing

Texts = dict[str, str]
Key = Annotated[str, Field(min_length=1, max_length=80, pattern=r"^[a-z0-9-]+$")]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]

# Longest text the server accepts in one answer, note or feedback: more than
# the desktop lets anyone type comfortably (a megabyte in one answer).
MAX_TEXT = 2_000_000
Text = Annotated[str, Field(max_length=MAX_TEXT)]


class _Message(BaseModel):
    """Something the server sends: unknown fields are ignored by older clients."""

    model_config = ConfigDict(frozen=True, extra="ignore")


class _Request(BaseModel):
    """Something a client sends: a misspelt field is an error, not a no-op."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# The catalog, as the change feed carries it -----------------------------------


class QuestionPayload(_Message):
    id: int
    key: str
    position: int
    prompt: Texts
    min_words: int
    max_words: int | None


class CriterionPayload(_Message):
    id: int
    key: str
    position: int
    text: Texts
    look_for: dict[str, list[str]]


class PartPayload(_Message):
    id: int
    key: str
    position: int
    kind: PartKind
    title: Texts
    instructions: Texts
    evidence_required: bool
    questions: list[QuestionPayload]
    criteria: list[CriterionPayload]


class CredentialPayload(_Message):
    """One version of a micro-credential with its parts, questions and rubric."""

    id: int
    code: str
    version: int
    title: Texts
    competency: Texts
    key_method: Texts
    parts: list[PartPayload]


# Applications, as the change feed carries them --------------------------------


class CredentialRef(_Message):
    id: int
    code: str
    version: int


class TextPayload(_Message):
    """A text with the version a change to it must name as its base."""

    text: str
    version: int


class AnswerPayload(_Message):
    part_key: str
    question_key: str
    question_id: int
    text: str
    version: int


class AttachmentPayload(_Message):
    """A file (by ``sha256``, downloaded from /attachments) or a link (``url``)."""

    part_key: str
    filename: str
    sha256: str | None
    url: str | None
    size: int
    media_type: str
    added_at: AwareDatetime


class PartStatePayload(_Message):
    part_key: str
    carried_over: bool
    unlocked: bool


class VerdictPayload(_Message):
    part_key: str
    verdict: Verdict | None
    feedback: str


class AssessmentPayload(_Message):
    """The assessment of an attempt, as far as the reader may see it.

    An educator gets it only once decided, and never learns who assessed.
    An assessor gets ``held_by`` (a display name) and ``held_by_me``; the
    verdicts of an undecided assessment are shown only to its holder.
    """

    revision: int
    started_at: AwareDatetime
    decided_at: AwareDatetime | None
    credential_version: int | None
    verdicts: list[VerdictPayload]
    held_by: str | None = None
    held_by_me: bool = False


class ApplicationPayload(_Message):
    """One attempt, as one reader may see it.

    It never names the educator: the owner knows it is theirs, and an
    assessor must not know whose it is.
    """

    id: int
    uid: UUID
    code: str
    credential: CredentialRef
    attempt: int
    previous_uid: UUID | None
    status: Status
    created_at: AwareDatetime
    updated_at: AwareDatetime
    submitted_at: AwareDatetime | None
    decision_due: date | None
    decided_at: AwareDatetime | None
    confirm_ready: bool
    confirm_disclosure: bool
    confirm_own_work: bool
    resubmission_note: TextPayload
    answers: list[AnswerPayload]
    attachments: list[AttachmentPayload]
    part_states: list[PartStatePayload]
    assessment: AssessmentPayload | None
    mine: bool


# The change feed ------------------------------------------------------------------


class ChangeKind(enum.StrEnum):
    CREDENTIAL = "credential"
    APPLICATION = "application"


class CredentialChange(_Message):
    kind: Literal[ChangeKind.CREDENTIAL] = ChangeKind.CREDENTIAL
    id: int
    version: int
    payload: CredentialPayload


class ApplicationChange(_Message):
    kind: Literal[ChangeKind.APPLICATION] = ChangeKind.APPLICATION
    id: int
    version: int
    payload: ApplicationPayload


Change = Annotated[CredentialChange | ApplicationChange, Field(discriminator="kind")]


class ChangePage(_Message):
    """One page of the change feed.

    Each entity appears with its state now, not with each step it went
    through: an entity changed twice since the cursor appears once. Pass
    ``cursor`` back to get the next page; ``more`` is true while pages
    remain. The cursor is opaque: store it as it is.
    """

    cursor: str
    changes: list[Change]
    more: bool


# Pushing operations -----------------------------------------------------------


class OperationKind(enum.StrEnum):
    START_APPLICATION = "start_application"
    SAVE_ANSWER = "save_answer"
    SAVE_NOTE = "save_note"
    SET_CONFIRMATION = "set_confirmation"
    UNLOCK_PART = "unlock_part"
    ADD_ATTACHMENT = "add_attachment"
    REMOVE_ATTACHMENT = "remove_attachment"
    SUBMIT = "submit"
    REAPPLY = "reapply"
    CLAIM = "claim"
    SAVE_VERDICT = "save_verdict"
    DECIDE = "decide"


class Confirmation(enum.StrEnum):
    READY = "confirm_ready"
    DISCLOSURE = "confirm_disclosure"
    OWN_WORK = "confirm_own_work"


class StartApplication(_Request):
    credential_code: Key
    credential_version: int = Field(ge=1)


class AnswerChange(_Request):
    part_key: Key
    question_key: Key
    text: Text


class NoteChange(_Request):
    text: Text


class ConfirmationChange(_Request):
    name: Confirmation
    value: bool


class PartRef(_Request):
    part_key: Key


class AttachmentAdd(_Request):
    """A file already uploaded under ``sha256``, or a link (``url``)."""

    part_key: Key
    filename: Annotated[str, Field(min_length=1, max_length=255)]
    sha256: Sha256 | None = None
    url: Annotated[str, Field(max_length=2000)] | None = None
    media_type: Annotated[str, Field(max_length=120)] = ""


class AttachmentRemove(_Request):
    """Remove the part's attachment with this ``sha256``, or with this ``url``."""

    part_key: Key
    sha256: Sha256 | None = None
    url: Annotated[str, Field(max_length=2000)] | None = None


class Reapplication(_Request):
    """The uid the client gave the new attempt it started offline."""

    new_uid: UUID


class VerdictChange(_Request):
    part_key: Key
    verdict: Verdict | None
    feedback: Text


class Empty(_Request):
    pass


class _Operation(_Request):
    """One local change, with the client's own id for it.

    ``op_id`` makes a retry safe: the server applies an operation once and
    answers a repeat with the result it recorded the first time.
    """

    op_id: UUID
    application: UUID
    base_version: int | None = Field(default=None, ge=0)


class StartApplicationOp(_Operation):
    kind: Literal[OperationKind.START_APPLICATION]
    payload: StartApplication


class SaveAnswerOp(_Operation):
    """``base_version``: the answer's version (0 for a first answer)."""

    kind: Literal[OperationKind.SAVE_ANSWER]
    payload: AnswerChange


class SaveNoteOp(_Operation):
    """``base_version``: the resubmission note's version."""

    kind: Literal[OperationKind.SAVE_NOTE]
    payload: NoteChange


class SetConfirmationOp(_Operation):
    kind: Literal[OperationKind.SET_CONFIRMATION]
    payload: ConfirmationChange


class UnlockPartOp(_Operation):
    kind: Literal[OperationKind.UNLOCK_PART]
    payload: PartRef


class AddAttachmentOp(_Operation):
    kind: Literal[OperationKind.ADD_ATTACHMENT]
    payload: AttachmentAdd


class RemoveAttachmentOp(_Operation):
    kind: Literal[OperationKind.REMOVE_ATTACHMENT]
    payload: AttachmentRemove


class SubmitOp(_Operation):
    kind: Literal[OperationKind.SUBMIT]
    payload: Empty = Empty()


class ReapplyOp(_Operation):
    """``application`` is the denied attempt; the payload names the new one."""

    kind: Literal[OperationKind.REAPPLY]
    payload: Reapplication


class ClaimOp(_Operation):
    """An assessor opens a waiting application: it goes in review, held by them."""

    kind: Literal[OperationKind.CLAIM]
    payload: Empty = Empty()


class SaveVerdictOp(_Operation):
    """``base_version``: the assessment's revision."""

    kind: Literal[OperationKind.SAVE_VERDICT]
    payload: VerdictChange


class DecideOp(_Operation):
    """``base_version``: the assessment's revision."""

    kind: Literal[OperationKind.DECIDE]
    payload: Empty = Empty()


Operation = Annotated[
    StartApplicationOp
    | SaveAnswerOp
    | SaveNoteOp
    | SetConfirmationOp
    | UnlockPartOp
    | AddAttachmentOp
    | RemoveAttachmentOp
    | SubmitOp
    | ReapplyOp
    | ClaimOp
    | SaveVerdictOp
    | DecideOp,
    Field(discriminator="kind"),
]

MAX_OPERATIONS = 200


class PushRequest(_Request):
    """Operations in the order they were made; the server applies them in order."""

    operations: Annotated[list[Operation], Field(max_length=MAX_OPERATIONS)]


class OperationStatus(enum.StrEnum):
    APPLIED = "applied"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class Reason(enum.StrEnum):
    """Why an operation was not applied; the client words it for the user."""

    STALE = "stale"  # a conflict: see server_version and server_payload
    NOT_FOUND = "not_found"  # no such application, or not one this user may see
    FORBIDDEN = "forbidden"  # the user's role may not do this
    NOT_EDITABLE = "not_editable"  # submitted or decided: it never changes again
    PART_LOCKED = "part_locked"
    SUBMIT_REFUSED = "submit_refused"  # see ``missing``
    REAPPLY_REFUSED = "reapply_refused"
    DECISION_REFUSED = "decision_refused"
    HELD_BY_ANOTHER = "held_by_another"
    NOT_CLAIMED = "not_claimed"
    ALREADY_EXISTS = "already_exists"
    ATTACHMENT_NOT_UPLOADED = "attachment_not_uploaded"
    INVALID = "invalid"
    OP_ID_REUSED = "op_id_reused"


class MissingItemPayload(_Message):
    """One item that stands between a draft and its submission."""

    kind: Missing
    part_key: str | None = None
    question_key: str | None = None
    words: int = 0
    limit: int = 0


class TextConflict(_Message):
    """The server's copy of a text the client changed from a stale base."""

    kind: Literal["text"] = "text"
    text: str
    version: int


class AssessmentConflict(_Message):
    """The server's copy of an assessment changed from a stale revision."""

    kind: Literal["assessment"] = "assessment"
    assessment: AssessmentPayload


ServerPayload = Annotated[
    TextConflict | AssessmentConflict, Field(discriminator="kind")
]


class OperationResult(_Message):
    """What became of one operation.

    ``server_version`` is the version after the operation of what its
    ``base_version`` refers to (the text, or the assessment's revision), or
    the application's version for the other kinds. On a conflict nothing was
    written and ``server_payload`` holds the server's copy: the client keeps
    its own text beside it for the user to resolve.
    """

    op_id: UUID
    status: OperationStatus
    reason: Reason | None = None
    message: str | None = None
    missing: list[MissingItemPayload] = Field(default_factory=list)
    server_version: int | None = None
    server_payload: ServerPayload | None = None


class PushResponse(_Message):
    results: list[OperationResult]
