"""Read-only snapshots the store hands out: frozen, safe to pass between threads.

Views never hold ORM objects; they get these records and call the store again
to change anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from model.entities import PartKind, Role, Status, Verdict


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
