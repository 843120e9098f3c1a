"""The demo data: a catalog, an educator, assessors and applications in every state.

Dates are relative to the store's clock, so the overdue application stays
overdue and the fresh one stays fresh whenever the demo is created.
"""

from __future__ import annotations

import json
import logging
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from model.catalog import SAMPLE_CATALOG
from model.entities import (
    Answer,
    Application,
    Assessment,
    Attachment,
    MicroCredential,
    PartState,
    PartVerdict,
    Role,
    Status,
    Verdict,
)
from model.store import Store, new_code

logger = logging.getLogger(__name__)

DEMO_CONTENT = SAMPLE_CATALOG.with_name("demo-content.json")

# (credential code, attempts: each a status, business days since submission,
# and the parts that failed)
Plan = list[tuple[str, list[tuple[Status, int, set[str]]]]]

EDUCATOR_PLAN: Plan = [
    (
        "formative-feedback",
        [
            (Status.DENIED, 40, {"overview", "reflection"}),
            (Status.DENIED, 18, {"reflection"}),
        ],
    ),
    ("learner-variability-technology", [(Status.APPROVED, 30, set())]),
    ("family-two-way-communication", [(Status.SUBMITTED, 19, set())]),
    ("student-voice-projects", [(Status.IN_REVIEW, 3, set())]),
    ("academic-discourse", [(Status.DRAFT, 0, set())]),
    ("data-driven-small-groups", [(Status.DRAFT, 0, set())]),
]

# The colleague's application in review is held by the second assessor, so the
# demo assessor's queue shows one held by someone else.
COLLEAGUE_PLAN: Plan = [
    ("formative-feedback", [(Status.SUBMITTED, 12, set())]),
    ("academic-discourse", [(Status.SUBMITTED, 1, set())]),
    ("student-voice-projects", [(Status.IN_REVIEW, 8, set())]),
]


def seed_demo(store: Store) -> None:
    """Fill an empty store with the demo; a store with users is left alone."""
    if not store.is_empty():
        logger.debug("Store already has data; demo not seeded")
        return
    store.import_catalog(SAMPLE_CATALOG)
    content = json.loads(DEMO_CONTENT.read_text(encoding="utf-8"))
    educator = store.create_user(
        "educator", "Alex Rivera", Role.EDUCATOR, "alex.rivera@example.org"
    )
    colleague = store.create_user(
        "jordan", "Jordan Ortiz", Role.EDUCATOR, "jordan.ortiz@example.org"
    )
    assessor = store.create_user(
        "assessor", "Morgan Lee", Role.ASSESSOR, "morgan.lee@example.org"
    )
    assessor2 = store.create_user(
        "assessor2", "Sam Okafor", Role.ASSESSOR, "sam@example.org"
    )
    store.create_user("admin", "Insignia Admin", Role.ADMIN, "admin@example.org")
    files = _write_files(store, content)
    for user_id, plan, holder in (
        (educator.id, EDUCATOR_PLAN, assessor.id),
        (colleague.id, COLLEAGUE_PLAN, assessor2.id),
    ):
        for code, attempts in plan:
            _seed_chain(store, user_id, holder, code, attempts, content, files)
    logger.info("Demo data created in %s", store.data_dir)


def _write_files(store: Store, content: dict[str, Any]) -> dict[str, list[Any]]:
    """Store the demo's evidence files and return them by credential code."""
    attachments = store.attachment_store()
    stored: dict[str, list[Any]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for code, parts in content["files"].items():
            for spec in parts.get("evidence", []):
                path = Path(folder) / spec["name"]
                path.write_text(spec["text"], encoding="utf-8")
                stored.setdefault(code, []).append(attachments.add(path))
    return stored


def _seed_chain(
    store: Store,
    educator_id: int,
    assessor_id: int,
    code: str,
    attempts: list[tuple[Status, int, set[str]]],
    content: dict[str, Any],
    files: dict[str, list[Any]],
) -> None:
    now = store.clock()
    calendar = store.calendar()
    previous: Application | None = None
    failed_before: set[str] = set()
    with store._unit() as session:
        credential = session.scalar(
            select(MicroCredential).where(MicroCredential.code == code)
        )
        if credential is None:
            raise LookupError(f"the demo needs {code} in the sample catalog")
        texts = content["answers"][code]
        for number, (status, days_ago, failed) in enumerate(attempts, start=1):
            submitted = _business_days_before(calendar, now, days_ago)
            application = Application(
                code=new_code(),
                credential=credential,
                educator_id=educator_id,
                attempt=number,
                previous=previous,
                status=Status.DRAFT,
                created_at=submitted - timedelta(days=6),
                updated_at=submitted,
                resubmission_note="",
            )
            session.add(application)
            draft = status is Status.DRAFT
            for part in credential.parts:
                version = "first" if part.key in failed else "revised"
                if draft and part.position > 0:
                    continue
                for question in part.questions:
                    if draft and question.position > 0 and code != "academic-discourse":
                        continue
                    application.answers.append(
                        Answer(
                            question_id=question.id,
                            text=texts[part.key][question.key][version],
                            updated_at=submitted,
                        )
                    )
                if part.evidence_required and not draft:
                    for stored in files.get(code, []):
                        application.attachments.append(
                            Attachment(
                                part_id=part.id,
                                filename=stored.filename,
                                sha256=stored.sha256,
                                size=stored.size,
                                media_type=stored.media_type,
                                added_at=submitted,
                            )
                        )
            if number > 1:
                application.resubmission_note = (
                    "I rewrote the overview about my own classroom: my three sections,"
                    " the exit tickets I use and why I chose them."
                )
                carried = {p.id for p in credential.parts if p.key not in failed_before}
                application.part_states = [
                    PartState(part_id=part_id, carried_over=True) for part_id in carried
                ]
            if not draft:
                application.confirm_ready = True
                application.confirm_disclosure = True
                application.confirm_own_work = True
                application.status = Status.SUBMITTED
                application.submitted_at = submitted
                application.decision_due = calendar.decision_due(submitted)
            if status is Status.IN_REVIEW:
                application.status = status
                application.assessment = Assessment(
                    assessor_id=assessor_id, started_at=now - timedelta(hours=3)
                )
            if status in (Status.APPROVED, Status.DENIED):
                decided = _business_days_before(calendar, now, max(days_ago - 9, 0))
                feedback = content["feedback"].get(code, {})
                application.status = status
                application.decided_at = decided
                application.assessment = Assessment(
                    assessor_id=assessor_id,
                    started_at=decided - timedelta(days=1),
                    decided_at=decided,
                    credential_version=credential.version,
                    verdicts=[
                        PartVerdict(
                            part_id=part.id,
                            verdict=Verdict.NEEDS_ATTENTION
                            if part.key in failed
                            else Verdict.MEETS,
                            feedback=feedback.get(part.key, [""] * number)[number - 1]
                            if part.key in failed
                            else "",
                        )
                        for part in credential.parts
                    ],
                )
            session.flush()
            previous = application
            failed_before = failed


def _business_days_before(calendar: Any, now: datetime, days: int) -> datetime:
    moment = now
    while days > 0:
        moment -= timedelta(days=1)
        if calendar.is_business_day(moment.date()):
            days -= 1
    return moment.replace(hour=10, minute=30, second=0, microsecond=0)
