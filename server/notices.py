"""Who the server e-mails, and about what: decisions and decisions due.

The educator learns of the decision on their application; assessors and
administrators get a digest of the applications whose decision is overdue or
due within two business days. Everyone reads them in their account's
language, and only people with an e-mail address get any.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime
from email.errors import HeaderParseError
from email.headerregistry import Address

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from model.calendar import BusinessCalendar
from model.entities import Application, Role, Status, User, Verdict
from model.records import pick
from server import letters, mail
from server.entities import Account, ApplicationUid
from server.letters import Decision, Digest, PartFeedback, WaitingApplication

logger = logging.getLogger(__name__)

UNDECIDED = (Status.SUBMITTED, Status.IN_REVIEW)
REMIND_BUSINESS_DAYS = 2


def link(uid: uuid.UUID) -> str:
    """The address that opens the application in the desktop app."""
    return f"insignia://applications/{uid}"


def _address(user: User) -> str | None:
    """The user's name and e-mail address for a To header, if they have one."""
    if not user.email.strip():
        return None
    try:
        return str(Address(display_name=user.display_name, addr_spec=user.email))
    except (ValueError, HeaderParseError):
        logger.warning("User %d has an e-mail address that cannot be used", user.id)
        return None


def _known(language: str) -> str:
    return language if language in letters.LANGUAGES else letters.DEFAULT_LANGUAGE


def _language(session: Session, user_id: int) -> str:
    account = session.get(Account, user_id)
    return _known(account.language) if account else letters.DEFAULT_LANGUAGE


def _uid(session: Session, application_id: int) -> uuid.UUID | None:
    return session.scalar(
        select(ApplicationUid.uid).where(
            ApplicationUid.application_id == application_id
        )
    )


# The decision -----------------------------------------------------------------


def queue_decision(session: Session, application: Application, now: datetime) -> None:
    """Queue the e-mail of a decision just taken, in the decision's transaction.

    A failure here leaves the decision as it is, without its e-mail: the
    e-mail is queued in a savepoint of its own.
    """
    session.flush()
    try:
        with session.begin_nested():
            _queue_decision(session, application, now)
    except Exception as error:
        # Only the kind of error: its text could quote the e-mail's body.
        logger.warning(
            "No e-mail for the decision on %s (%s)",
            application.code,
            type(error).__name__,
        )


def _queue_decision(session: Session, application: Application, now: datetime) -> None:
    educator = session.get_one(User, application.educator_id)
    recipient = _address(educator)
    uid = _uid(session, application.id)
    if recipient is None or uid is None:
        logger.debug("No e-mail for the decision on %s", application.code)
        return
    language = _language(session, educator.id)
    assessment = application.assessment
    attention = {
        v.part_id: v.feedback
        for v in (assessment.verdicts if assessment is not None else [])
        if v.verdict is Verdict.NEEDS_ATTENTION
    }
    decision = Decision(
        educator_name=educator.display_name,
        credential=pick(application.credential.title, language),
        code=application.code,
        attempt=application.attempt,
        approved=application.status is Status.APPROVED,
        needs_attention=tuple(
            PartFeedback(pick(p.title, language), attention[p.id])
            for p in application.credential.parts
            if p.id in attention
        ),
        link=link(uid),
    )
    letter = letters.decision_letter(decision, language)
    mail.queue(session, recipient, language, letter, now)
    logger.info("Queued the e-mail of the decision on %s", application.code)


# Decisions due ------------------------------------------------------------------


def _waiting(
    session: Session, calendar: BusinessCalendar, today: date
) -> list[tuple[Application, uuid.UUID]]:
    """Undecided applications due by the reminder horizon, soonest first."""
    horizon = calendar.add_business_days(today, REMIND_BUSINESS_DAYS)
    rows = session.execute(
        select(Application, ApplicationUid.uid)
        .join(ApplicationUid, ApplicationUid.application_id == Application.id)
        .where(Application.status.in_(UNDECIDED), Application.decision_due <= horizon)
        .order_by(Application.decision_due, Application.submitted_at, Application.id)
        .options(
            selectinload(Application.credential),
            selectinload(Application.assessment),
        )
    )
    return [(application, uid) for application, uid in rows]


def _digest(
    name: str,
    waiting: list[tuple[Application, uuid.UUID]],
    assessors: dict[int, str],
    calendar: BusinessCalendar,
    today: date,
    language: str,
) -> Digest:
    overdue: list[WaitingApplication] = []
    due_soon: list[WaitingApplication] = []
    for application, uid in waiting:
        due = application.decision_due
        assert due is not None
        assessment = application.assessment
        entry = WaitingApplication(
            code=application.code,
            credential=pick(application.credential.title, language),
            attempt=application.attempt,
            due=due,
            held_by=assessors.get(assessment.assessor_id) if assessment else None,
            business_days_late=calendar.business_days_between(due, today),
            link=link(uid),
        )
        (overdue if due < today else due_soon).append(entry)
    return Digest(name, tuple(overdue), tuple(due_soon))


def queue_reminders(
    session: Session, calendar: BusinessCalendar, today: date, now: datetime
) -> int:
    """Queue today's digest for every assessor and administrator; how many.

    Nothing is queued when no decision is overdue or due soon.
    """
    waiting = _waiting(session, calendar, today)
    if not waiting:
        return 0
    holders = {a.assessment.assessor_id for a, _uid in waiting if a.assessment}
    assessors = {
        user_id: name
        for user_id, name in session.execute(
            select(User.id, User.display_name).where(User.id.in_(holders))
        )
    }
    recipients = session.execute(
        select(User, Account.language)
        .join(Account, Account.user_id == User.id)
        .where(
            User.role.in_([Role.ASSESSOR, Role.ADMIN]),
            User.email != "",
            Account.disabled.is_(False),
        )
        .order_by(User.id)
    )
    queued = 0
    for user, chosen in recipients:
        recipient = _address(user)
        if recipient is None:
            continue
        language = _known(chosen)
        digest = _digest(
            user.display_name, waiting, assessors, calendar, today, language
        )
        mail.queue(
            session, recipient, language, letters.digest_letter(digest, language), now
        )
        queued += 1
    logger.info(
        "Queued %d reminder(s) of %d application(s) to decide", queued, len(waiting)
    )
    return queued
