"""Read-only snapshots the store hands out: frozen, safe to pass between threads.

Views never hold ORM objects; they get these records and call the store again
to change anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from model.enums import NotificationKind, PartKind, Role, Status, Verdict
from model.errors import MissingItem


def pick(texts: dict[str, str], language: str) -> str:
    """The text in ``language``, falling back to English, then to any text."""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()), "")


@dataclass(frozen=True)
class UserRecord:
    id: int
    username: str
    display_name: str
    email: str
    role: Role


@dataclass(frozen=True)
class QuestionRecord:
    id: int
    key: str
    prompt: dict[str, str]
    min_words: int
    max_words: int | None


@dataclass(frozen=True)
class CriterionRecord:
    id: int
    key: str
    text: dict[str, str]
    look_for: dict[str, list[str]]


@dataclass(frozen=True)
class PartRecord:
    id: int
    key: str
    position: int
    kind: PartKind
    title: dict[str, str]
    instructions: dict[str, str]
    evidence_required: bool
    questions: tuple[QuestionRecord, ...]
    criteria: tuple[CriterionRecord, ...]


@dataclass(frozen=True)
class CredentialRecord:
    id: int
    code: str
    version: int
    title: dict[str, str]
    competency: dict[str, str]
    key_method: dict[str, str]
    parts: tuple[PartRecord, ...]

    def part(self, part_id: int) -> PartRecord:
        return next(p for p in self.parts if p.id == part_id)


@dataclass(frozen=True)
class AttachmentRecord:
    id: int
    part_id: int
    filename: str
    sha256: str | None
    url: str | None
    size: int
    media_type: str


@dataclass(frozen=True)
class VerdictRecord:
    part_id: int
    verdict: Verdict | None
    feedback: str


@dataclass(frozen=True)
class RelatedRecord:
    """An earlier attempt of the chain, as the Related submissions table shows it."""

    id: int
    attempt: int
    status: Status
    submitted_at: datetime | None
    decided_at: datetime | None


@dataclass(frozen=True)
class ApplicationRecord:
    """One attempt, with everything its screens show."""

    id: int
    code: str
    credential: CredentialRecord
    educator_id: int
    attempt: int
    previous_id: int | None
    status: Status
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    decision_due: date | None
    decided_at: datetime | None
    confirm_ready: bool
    confirm_disclosure: bool
    confirm_own_work: bool
    resubmission_note: str
    answers: dict[int, str]
    attachments: tuple[AttachmentRecord, ...]
    carried_over: frozenset[int]
    unlocked: frozenset[int]
    verdicts: dict[int, VerdictRecord]
    # Parts that failed in the most recent assessed attempt of the chain, with
    # that attempt's feedback: the "may need more attention" banners.
    attention: dict[int, str]
    related: tuple[RelatedRecord, ...]
    can_reapply: bool
    newer_attempt_id: int | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def editable(self) -> bool:
        return self.status is Status.DRAFT

    def is_locked(self, part_id: int) -> bool:
        return part_id in self.carried_over and part_id not in self.unlocked

    def attachments_of(self, part_id: int) -> list[AttachmentRecord]:
        return [a for a in self.attachments if a.part_id == part_id]


@dataclass(frozen=True)
class DashboardRow:
    """One attempt on the educator's dashboard."""

    id: int
    title: dict[str, str]
    attempt: int
    status: Status
    submitted_at: datetime | None
    decision_due: date | None
    decided_at: datetime | None


# The assessor's side. These records know an application by its code and never
# carry the educator's name, e-mail or id: assessment is double-blind.


class QueueRow(NamedTuple):
    """One application waiting for a decision, as the assessor queue lists it.

    ``business_days_left`` is negative once the decision is overdue;
    ``held_by`` is the display name of the assessor who opened it, if any.
    A named tuple rather than a frozen dataclass: the queue builds 100,000 of
    them at a time, and a tuple is built several times faster.
    """

    application_id: int
    code: str
    title: dict[str, str]
    attempt: int
    status: Status
    submitted_at: datetime | None
    decision_due: date | None
    business_days_left: int | None
    overdue: bool
    held_by: str | None
    held_by_me: bool


@dataclass(frozen=True)
class DecisionPreview:
    """What deciding now would do: parts still blocking it, or the outcome."""

    # Parts without a verdict, or needing attention without feedback.
    blockers: tuple[int, ...]
    # APPROVED or DENIED once nothing blocks the decision, otherwise None.
    outcome: Status | None
    # Parts that need more attention, for the confirmation's summary.
    failing: tuple[int, ...]


@dataclass(frozen=True)
class AssessmentRecord:
    """One attempt as its assessor sees it, with the work done on it so far.

    ``revision`` guards against silent overwrites: every change names the
    revision it was based on and is refused when someone saved in between.
    For attempt 2 or later, ``previous_verdicts`` and ``previous_answers`` hold
    the previous attempt's judgement and text (by part and by question), so a
    view can show them beside each part and mark what changed with
    ``model.diff.word_diff``. ``unchanged`` names the parts carried over
    approved and still locked: they arrive with their verdict already set.
    """

    application_id: int
    code: str
    credential: CredentialRecord
    attempt: int
    status: Status
    submitted_at: datetime | None
    decision_due: date | None
    resubmission_note: str
    answers: dict[int, str]
    attachments: tuple[AttachmentRecord, ...]
    related: tuple[RelatedRecord, ...]
    verdicts: dict[int, VerdictRecord]
    previous_verdicts: dict[int, VerdictRecord]
    previous_answers: dict[int, str]
    unchanged: frozenset[int]
    revision: int
    started_at: datetime | None
    decided_at: datetime | None
    credential_version: int | None
    preview: DecisionPreview

    @property
    def editable(self) -> bool:
        """Verdicts and feedback can still change: the decision is not made."""
        return self.status is Status.IN_REVIEW and self.decided_at is None

    def attachments_of(self, part_id: int) -> list[AttachmentRecord]:
        return [a for a in self.attachments if a.part_id == part_id]

    def verdict(self, part_id: int) -> VerdictRecord:
        """The current verdict on a part; an empty one when none was given."""
        return self.verdicts.get(part_id) or VerdictRecord(part_id, None, "")


# The educator's side of a decision. It names no assessor.


@dataclass(frozen=True)
class NotificationRecord:
    """Something the educator should learn of, such as a decision."""

    id: int
    kind: NotificationKind
    application_id: int
    code: str
    title: dict[str, str]
    attempt: int
    status: Status
    created_at: datetime
    read_at: datetime | None

    @property
    def unread(self) -> bool:
        return self.read_at is None


@dataclass(frozen=True)
class ConflictRecord:
    """A text changed here and on another device since they last agreed.

    ``mine`` is what this computer has; ``theirs`` what the server keeps.
    ``question_id`` is None for the resubmission note.
    """

    field: str
    question_id: int | None
    mine: str
    theirs: str


@dataclass(frozen=True)
class RefusalRecord:
    """A change the server would not take, and why, in the server's words."""

    kind: str
    reason: str
    message: str
    missing: tuple[MissingItem, ...] = ()


@dataclass(frozen=True)
class SyncNotes:
    """What the server has to say about one application, for its page."""

    waiting_to_send: bool = False
    conflicts: tuple[ConflictRecord, ...] = ()
    refusals: tuple[RefusalRecord, ...] = ()
