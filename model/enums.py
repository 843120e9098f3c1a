"""The named states of the domain, importable without SQLAlchemy."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    EDUCATOR = "educator"
    ASSESSOR = "assessor"
    ADMIN = "admin"


class Status(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    DENIED = "denied"


class PartKind(enum.StrEnum):
    OVERVIEW = "overview"
    EVIDENCE = "evidence"
    REFLECTION = "reflection"


class Verdict(enum.StrEnum):
    MEETS = "meets"
    NEEDS_ATTENTION = "needs_attention"


class NotificationKind(enum.StrEnum):
    DECIDED = "decided"


class QueueFilter(enum.StrEnum):
    """Which applications of the assessor queue to list."""

    ALL = "all"
    ASSIGNED_TO_ME = "assigned_to_me"
    UNASSIGNED = "unassigned"
    OVERDUE = "overdue"
