"""The mail outbox: e-mails queued with the change that causes them, sent after.

``queue`` adds a message in the caller's transaction, so a decision and its
e-mail are committed together or not at all, and sending never holds up or
undoes the decision. ``deliver_due`` sends what is due, outside any request.
It claims a message by moving its next attempt a lease ahead, so several
server workers, or a command run beside them, do not send it twice at once.
A failed attempt is tried again later, waiting twice as long each time (with
jitter), up to ``mail_max_attempts`` attempts; then the message is given up
on and stays listed, unsent, for an administrator
(``insignia-server mail-queue``, ``--retry`` to try again).
"""

from __future__ import annotations

import logging
import random
import smtplib
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Any, Protocol, cast

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.orm import Session

from server.accounts import utcnow
from server.database import Database
from server.entities import OutgoingMail
from server.letters import Letter
from server.settings import Settings

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]

# Longer than any one SMTP conversation: a claimed message is not sent again
# before it has run out, unless its sender died.
CLAIM_LEASE = timedelta(minutes=10)
LONGEST_WAIT = timedelta(hours=2)
KEEP_SENT = timedelta(days=30)
BATCH = 50


class Transport(Protocol):
    """Hands one message on, or raises."""

    def send(self, message: EmailMessage) -> None: ...


class LogTransport:
    """No SMTP host is set: the message is logged, never its body, as if sent."""

    def send(self, message: EmailMessage) -> None:
        logger.info(
            "E-mail not sent, no SMTP host is set: to %s, subject %r",
            message["To"],
            message["Subject"],
        )


class SmtpTransport:
    """One SMTP connection per message: plain, STARTTLS or TLS from the start."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def _connect(self) -> smtplib.SMTP:
        settings = self.settings
        host, port = settings.smtp_host, settings.smtp_port_or_default
        timeout = settings.smtp_timeout_seconds
        if settings.smtp_tls == "ssl":
            context = ssl.create_default_context()
            return smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        smtp = smtplib.SMTP(host, port, timeout=timeout)
        if settings.smtp_tls == "starttls":
            smtp.starttls(context=ssl.create_default_context())
        return smtp

    def send(self, message: EmailMessage) -> None:
        with self._connect() as smtp:
            if self.settings.smtp_username:
                smtp.login(self.settings.smtp_username, self.settings.smtp_password)
            smtp.send_message(message)


def transport_for(settings: Settings) -> Transport:
    return SmtpTransport(settings) if settings.smtp_host else LogTransport()


def queue(
    session: Session, recipient: str, language: str, letter: Letter, now: datetime
) -> OutgoingMail:
    """Add ``letter`` to the outbox, due now, in the caller's transaction."""
    row = OutgoingMail(
        recipient=recipient,
        language=language,
        subject=letter.subject,
        text=letter.text,
        html=letter.html,
        created_at=now,
        attempts=0,
        next_attempt_at=now,
        last_error="",
    )
    session.add(row)
    return row


def compose(row: OutgoingMail, settings: Settings, now: datetime) -> EmailMessage:
    """The message of an outbox row: plain text, with an HTML alternative."""
    domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "localhost"
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = row.recipient
    message["Subject"] = row.subject
    message["Date"] = format_datetime(now.replace(tzinfo=UTC))
    # The same id on every attempt, so a receiver can drop a repeated delivery.
    stamp = int(row.created_at.replace(tzinfo=UTC).timestamp())
    message["Message-ID"] = f"<insignia.{row.id}.{stamp}@{domain}>"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(row.text, cte="quoted-printable")
    message.add_alternative(row.html, subtype="html", cte="quoted-printable")
    # After the bodies: setting a body clears the Content-* headers.
    message["Content-Language"] = row.language
    return message


def backoff(settings: Settings, attempts: int, rng: random.Random) -> timedelta:
    """How long to wait after the ``attempts``-th failure: doubling, with jitter."""
    first = settings.mail_retry_seconds
    longest = LONGEST_WAIT.total_seconds()
    wait = min(first * 2 ** min(attempts - 1, 30), longest)
    return timedelta(seconds=wait / 2 + rng.uniform(0, wait / 2))


@dataclass(frozen=True)
class Delivery:
    """What one round of sending did."""

    sent: int = 0
    failed: int = 0


def _due_ids(db: Database, now: datetime) -> list[int]:
    with db.reading() as session:
        return list(
            session.scalars(
                select(OutgoingMail.id)
                .where(
                    OutgoingMail.sent_at.is_(None),
                    OutgoingMail.next_attempt_at <= now,
                )
                .order_by(OutgoingMail.next_attempt_at, OutgoingMail.id)
                .limit(BATCH)
            )
        )


def _claim(db: Database, row_id: int, now: datetime) -> OutgoingMail | None:
    """The message, now ours to send; None when another sender took it first."""
    with db.writing() as session:
        result = session.execute(
            update(OutgoingMail)
            .where(
                OutgoingMail.id == row_id,
                OutgoingMail.sent_at.is_(None),
                OutgoingMail.next_attempt_at <= now,
            )
            .values(next_attempt_at=now + CLAIM_LEASE)
        )
        if cast(CursorResult[Any], result).rowcount != 1:
            return None
        return session.get_one(OutgoingMail, row_id)


def _record(
    db: Database,
    settings: Settings,
    row_id: int,
    error: Exception | None,
    now: datetime,
    rng: random.Random,
) -> None:
    with db.writing() as session:
        row = session.get_one(OutgoingMail, row_id)
        row.attempts += 1
        if error is None:
            row.sent_at = now
            row.next_attempt_at = None
            logger.info("Sent e-mail %d, attempt %d", row.id, row.attempts)
            return
        row.last_error = f"{type(error).__name__}: {error}"[:500]
        if row.attempts >= settings.mail_max_attempts:
            row.next_attempt_at = None
            logger.warning(
                "Gave up on e-mail %d after %d attempts: %s",
                row.id,
                row.attempts,
                row.last_error,
            )
            return
        row.next_attempt_at = now + backoff(settings, row.attempts, rng)
        logger.warning(
            "Could not send e-mail %d (attempt %d), trying again at %s: %s",
            row.id,
            row.attempts,
            row.next_attempt_at.isoformat(timespec="seconds"),
            row.last_error,
        )


def deliver_due(
    db: Database,
    settings: Settings,
    transport: Transport | None = None,
    clock: Clock = utcnow,
    rng: random.Random | None = None,
) -> Delivery:
    """Send every message that is due, each tried once at most.

    A failure is recorded on its message, never raised.
    """
    transport = transport or transport_for(settings)
    rng = rng or random.Random()
    sent = failed = 0
    tried: set[int] = set()
    while due := [i for i in _due_ids(db, clock()) if i not in tried]:
        for row_id in due:
            tried.add(row_id)
            row = _claim(db, row_id, clock())
            if row is None:
                continue
            error: Exception | None = None
            try:
                transport.send(compose(row, settings, clock()))
            except Exception as failure:
                error = failure
            _record(db, settings, row_id, error, clock(), rng)
            sent, failed = (sent + 1, failed) if error is None else (sent, failed + 1)
    return Delivery(sent, failed)


def unsent(session: Session) -> list[OutgoingMail]:
    """Every message not sent yet, waiting or given up on, oldest first."""
    return list(
        session.scalars(
            select(OutgoingMail)
            .where(OutgoingMail.sent_at.is_(None))
            .order_by(OutgoingMail.id)
        )
    )


def retry_unsent(db: Database, now: datetime) -> int:
    """Make every unsent message due now, given up on or not; how many there are."""
    with db.writing() as session:
        result = session.execute(
            update(OutgoingMail)
            .where(OutgoingMail.sent_at.is_(None))
            .values(next_attempt_at=now)
        )
        return int(cast(CursorResult[Any], result).rowcount)


def prune_sent(db: Database, now: datetime) -> None:
    """Forget messages sent long ago: they hold feedback, and serve no one now."""
    with db.writing() as session:
        session.execute(
            delete(OutgoingMail).where(OutgoingMail.sent_at < now - KEEP_SENT)
        )


class MailSender:
    """Sends the outbox from a server process, on a thread of its own."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        transport: Transport | None = None,
        clock: Clock = utcnow,
    ) -> None:
        self.db = db
        self.settings = settings
        self.transport = transport or transport_for(settings)
        self.clock = clock
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="mail-sender", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        pruned: datetime | None = None
        while not self._stopping.is_set():
            try:
                deliver_due(self.db, self.settings, self.transport, self.clock)
                now = self.clock()
                if pruned is None or now - pruned > timedelta(hours=1):
                    prune_sent(self.db, now)
                    pruned = now
            except Exception as error:
                # Only the kind of error: a database error's text may quote
                # the message's body.
                logger.warning(
                    "The mail outbox could not be read (%s); trying again soon",
                    type(error).__name__,
                )
            self._stopping.wait(self.settings.mail_poll_seconds)
