"""What the model refuses, and why: importable without SQLAlchemy.

The user interface words these in the user's language from their fields.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model.records import AssessmentRecord


class NotFound(LookupError):
    """No such record (or not one this user may see)."""


class StoreError(Exception):
    """The local data cannot be used; ``path`` names the file or folder."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class DataFolderNotWritable(StoreError):
    pass


class DatabaseDamaged(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class Missing(enum.StrEnum):
    """Why an application cannot be submitted yet."""

    ANSWER = "answer"
    TOO_LONG = "too_long"
    EVIDENCE = "evidence"
    CONFIRM_READY = "confirm_ready"
    CONFIRM_DISCLOSURE = "confirm_disclosure"
    CONFIRM_OWN_WORK = "confirm_own_work"
    RESUBMISSION_NOTE = "resubmission_note"
    # Changed here and on another device: the owner chooses which text stays.
    CONFLICT = "conflict"


@dataclass(frozen=True)
class MissingItem:
    """One thing that stands between a draft and its submission.

    ``part_id`` and ``question_id`` say where, when the item belongs to a part;
    the user interface words the message in the user's language.
    """

    kind: Missing
    part_id: int | None = None
    question_id: int | None = None
    words: int = 0
    limit: int = 0


class WorkflowError(Exception):
    """A workflow rule refused the action."""


class NotEditable(WorkflowError):
    """The application was submitted: it never changes again."""


class SubmitRefused(WorkflowError):
    """Submit was refused; ``missing`` names every missing item."""

    def __init__(self, missing: Sequence[MissingItem]) -> None:
        super().__init__(f"{len(missing)} item(s) missing")
        self.missing = tuple(missing)


class ReapplyRefused(WorkflowError):
    """Only the newest denied attempt of a chain can be reapplied."""


class PartLocked(WorkflowError):
    """An approved part carried over must be unlocked before it changes."""


class DecisionRefused(WorkflowError):
    """The assessment is incomplete, or the assessor may not decide it."""


class NotAllowed(WorkflowError):
    """The acting user may not see or change this application; ``reason`` says why.

    Educators see and change only their own applications. Assessors see other
    educators' applications once submitted, to assess them, never their own.
    """

    OTHER_EDUCATOR = "other_educator"
    OWN_APPLICATION = "own_application"
    NOT_SUBMITTED = "not_submitted"

    def __init__(self, reason: str, application_id: int) -> None:
        super().__init__(f"{reason}: application {application_id}")
        self.reason = reason
        self.application_id = application_id


class HeldByAnother(WorkflowError):
    """Another assessor opened this application first; ``holder`` is their name."""

    def __init__(self, holder: str) -> None:
        super().__init__(f"held by {holder}")
        self.holder = holder


class StaleAssessment(WorkflowError):
    """The change was based on an older revision; ``current`` is what is stored.

    Nothing was written: the view keeps its own text and can show both.
    """

    def __init__(self, current: AssessmentRecord) -> None:
        super().__init__(f"assessment of {current.code} is at {current.revision}")
        self.current = current
