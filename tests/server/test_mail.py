"""E-mail: what a real SMTP server on 127.0.0.1 receives, and what it could not.

An aiosmtpd server stands in for the school's mail server. Time is driven
with the sender's clock, never by sleeping through a backoff.
"""

from __future__ import annotations

import email
import email.policy
import random
import re
import secrets
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select, update

from model.entities import Application
from model.enums import Verdict
from server import letters, mail, operations
from server.cli import main
from server.entities import OutgoingMail
from server.settings import Settings
from tests.server.conftest import (
    POSTGRES_URL,
    SKIP_POSTGRES,
    RunningServer,
    free_port,
    fresh_postgres_database,
    server_environment,
    start_server,
    stop_server,
)
from tests.server.helpers import application_id, assess, claim, judge, submitted

MEETS, NEEDS_ATTENTION = Verdict.MEETS, Verdict.NEEDS_ATTENTION
FEEDBACK = "Say how the <b>tickets</b> changed the lesson & why.\nCite one."
ESCAPED = "Say how the &lt;b&gt;tickets&lt;/b&gt; changed the lesson &amp; why."
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql", marks=pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_POSTGRES)
    ),
]


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(
            envelope.original_content, policy=email.policy.default
        )
        assert isinstance(message, EmailMessage)
        with self._lock:
            self.messages.append(message)
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        with self._lock:
            return [m for m in self.messages if address in str(m["To"])]

    def wait_for(self, address: str) -> EmailMessage:
        deadline = time.monotonic() + 10
        while not self.to(address):
            assert time.monotonic() < deadline, f"no e-mail to {address}"
            time.sleep(0.05)
        (message,) = self.to(address)
        return message


class SmtpServer:
    """aiosmtpd on a free port of 127.0.0.1; ``down()`` closes it for a while."""

    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @contextmanager
    def down(self) -> Iterator[None]:
        """Nothing listens on the port: connections are refused."""
        self.stop()
        try:
            yield
        finally:
            self.start()

    @property
    def environment(self) -> dict[str, str]:
        return {
            "INSIGNIA_SMTP_HOST": "127.0.0.1",
            "INSIGNIA_SMTP_PORT": str(self.port),
            "INSIGNIA_SMTP_TLS": "none",
            "INSIGNIA_MAIL_FROM": "Insignia <insignia@school.example>",
            "INSIGNIA_MAIL_POLL_SECONDS": "0.1",
            "INSIGNIA_MAIL_MAX_ATTEMPTS": "3",
        }


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module", params=BACKENDS)
def mailing(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    smtp: SmtpServer,
) -> Iterator[RunningServer]:
    """A server of its own, whose e-mail goes to ``smtp``."""
    data_dir = tmp_path_factory.mktemp(f"mail-{request.param}")
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{data_dir / 'insignia-server.db'}"
        else:
            url = stack.enter_context(fresh_postgres_database())
        running = start_server(request.param, url, data_dir, smtp.environment)
        stack.callback(stop_server, running)
        yield running


@pytest.fixture
def inbox(smtp: SmtpServer) -> Inbox:
    return smtp.inbox


class Commands:
    """``insignia-server`` commands run in this process, on one server's database."""

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        server: RunningServer,
        environment: dict[str, str],
    ) -> None:
        self.capsys = capsys
        self.url = server.database_url
        variables = server_environment(server.data_dir) | environment
        for name, value in variables.items():
            if name.startswith("INSIGNIA_"):
                monkeypatch.setenv(name, value)

    def __call__(self, *args: str) -> str:
        """What the command printed; it must succeed."""
        self.capsys.readouterr()
        assert main([*args, "--database-url", self.url]) == 0
        return self.capsys.readouterr().out


def address() -> str:
    return f"teacher-{secrets.token_hex(4)}@school.example"


def bodies(message: EmailMessage) -> tuple[str, str]:
    """The plain text and the HTML, each on one line: wrapping aside."""
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and html is not None
    return " ".join(plain.get_content().split()), " ".join(html.get_content().split())


def status(server: RunningServer, uid: uuid.UUID) -> str:
    with server.database().reading() as session:
        row = session.get_one(Application, application_id_of(server, uid))
        return row.status.value


def application_id_of(server: RunningServer, uid: uuid.UUID) -> int:
    with server.database().reading() as session:
        found = operations.application_id_of(session, uid)
    assert found is not None
    return found


def _row(server: RunningServer, to: str) -> OutgoingMail:
    with server.database().reading() as session:
        return session.scalars(
            select(OutgoingMail).where(OutgoingMail.recipient.contains(to))
        ).one()


def test_an_account_keeps_the_language_of_its_email(server: RunningServer) -> None:
    educator = server.user("educator", language="es")
    with server.client(server.admin) as client:
        users = client.get("/api/v1/users").json()
        assert next(u for u in users if u["id"] == educator.id)["language"] == "es"
        path = f"/api/v1/users/{educator.id}"
        assert client.patch(path, json={"language": "en"}).json()["language"] == "en"
        assert client.patch(path, json={"language": "fr"}).status_code == 422


def test_every_wording_is_in_both_languages() -> None:
    assert set(letters.WORDS) == set(letters.LANGUAGES)
    assert set(letters.WORDS["en"]) == set(letters.WORDS["es"])
    assert letters.long_date(date(2026, 12, 3), "es") == "3 de diciembre de 2026"
    assert letters.long_date(date(2026, 12, 3), "en") == "December 3, 2026"


# The decision -------------------------------------------------------------------

SUBJECTS = {
    ("en", True): "Approved: Formative Feedback with Exit Tickets",
    ("en", False): "Denied: Formative Feedback with Exit Tickets",
    ("es", True): "Aprobada: Retroalimentación formativa con boletos de salida",
    ("es", False): "Denegada: Retroalimentación formativa con boletos de salida",
}
WORDS = {
    "en": ("These parts need more attention:", "Part 2: Evidence", "Part 1: Overview"),
    "es": ("Estas partes necesitan mayor atención:", "Parte 2: Evidencia", "Parte 1:"),
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_denial_is_mailed_in_the_educators_language_with_the_parts_to_improve(
    mailing: RunningServer, inbox: Inbox, language: str
) -> None:
    to = address()
    educator = mailing.user("educator", email=to, language=language)
    uid = submitted(mailing, educator)
    verdicts = {
        "overview": (MEETS, ""),
        "evidence": (NEEDS_ATTENTION, FEEDBACK),
        "reflection": (MEETS, "Clear."),
    }
    judge(mailing, mailing.user("assessor"), uid, verdicts)

    message = inbox.wait_for(to)
    assert message["Subject"] == SUBJECTS[language, False]
    assert message["From"] == "Insignia <insignia@school.example>"
    assert message["Content-Language"] == language
    text, html = bodies(message)
    attention, failed_part, passed_part = WORDS[language]
    for body in (text, html):
        assert f"insignia://applications/{uid}" in body
        assert attention in body
        assert failed_part in body
        assert passed_part not in body
        assert "Clear." not in body
    assert FEEDBACK.splitlines()[0] in text
    assert ESCAPED in html
    assert "<b>tickets</b>" not in html
    assert f'href="insignia://applications/{uid}"' in html
    assert status(mailing, uid) == "denied"
    assert FEEDBACK.splitlines()[0] not in mailing.log()


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_approval_is_mailed_in_the_educators_language(
    mailing: RunningServer, inbox: Inbox, language: str
) -> None:
    to = address()
    educator = mailing.user("educator", email=to, language=language)
    uid = submitted(mailing, educator)
    assess(mailing, mailing.user("assessor"), uid, MEETS)

    message = inbox.wait_for(to)
    assert message["Subject"] == SUBJECTS[language, True]
    text, html = bodies(message)
    (link,) = set(re.findall(r"insignia://applications/[0-9a-f-]+", text))
    assert link == f"insignia://applications/{uid}"
    assert link in html
    approved = {"en": "was approved", "es": "fue aprobada"}[language]
    assert approved in text and approved in html
    assert WORDS[language][0] not in text


def test_an_educator_without_an_address_gets_no_email(
    mailing: RunningServer,
) -> None:
    educator = mailing.user("educator")
    uid = submitted(mailing, educator)
    assess(mailing, mailing.user("assessor"), uid, NEEDS_ATTENTION)
    assert status(mailing, uid) == "denied"
    with mailing.database().reading() as session:
        recipients = session.scalars(select(OutgoingMail.recipient)).all()
    assert not any(educator.username in r for r in recipients)


def test_without_an_smtp_host_the_email_is_only_logged_without_its_text(
    server: RunningServer,
) -> None:
    to = address()
    educator = server.user("educator", email=to)
    uid = submitted(server, educator)
    secret = f"feedback-{secrets.token_hex(6)}"
    verdicts = {
        "overview": (NEEDS_ATTENTION, secret),
        "evidence": (MEETS, ""),
        "reflection": (MEETS, ""),
    }
    judge(server, server.user("assessor"), uid, verdicts)

    deadline = time.monotonic() + 15
    while _row(server, to).sent_at is None:
        assert time.monotonic() < deadline, server.log()[-2000:]
        time.sleep(0.1)
    line = f"E-mail not sent, no SMTP host is set: to .*{re.escape(to)}"
    assert re.search(line, server.log())
    assert secret not in server.log()
    assert secret in _row(server, to).text


# A mail server that cannot be reached -------------------------------------------


def test_a_refused_connection_is_retried_and_the_decision_stands(
    mailing: RunningServer,
    smtp: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    to = address()
    educator = mailing.user("educator", email=to)
    uid = submitted(mailing, educator)
    with smtp.down():
        assess(mailing, mailing.user("assessor"), uid, NEEDS_ATTENTION)
        with mailing.client(educator) as client:
            own = client.get(f"/api/v1/applications/{application_id(client, uid)}")
        assert own.json()["status"] == "denied"

        deadline = time.monotonic() + 10
        while _row(mailing, to).attempts < 1:
            assert time.monotonic() < deadline, mailing.log()[-2000:]
            time.sleep(0.05)
        first = _row(mailing, to)
        assert first.sent_at is None
        assert "ConnectionRefusedError" in first.last_error
        assert first.next_attempt_at is not None

        # The server tries again in a minute or so; this sender's clock gets
        # there at once, and no further.
        settings = Settings(
            data_dir=tmp_path,
            smtp_host="127.0.0.1",
            smtp_port=smtp.port,
            smtp_tls="none",
            mail_max_attempts=3,
        )
        db, due = mailing.database(), first.next_attempt_at
        early = mail.deliver_due(db, settings, clock=lambda: due - timedelta(seconds=1))
        assert early == mail.Delivery(sent=0, failed=0)
        assert mail.deliver_due(db, settings, clock=lambda: due) == mail.Delivery(
            sent=0, failed=1
        )
        second = _row(mailing, to)
        assert second.attempts == 2 and second.next_attempt_at is not None
        later = second.next_attempt_at
        assert later - due >= timedelta(seconds=60)
        mail.deliver_due(db, settings, clock=lambda: later)
        given_up = _row(mailing, to)
        assert (given_up.attempts, given_up.next_attempt_at) == (3, None)

        command = Commands(monkeypatch, capsys, mailing, smtp.environment)
        listed = command("mail-queue")
        assert f"to Educator {educator.username} <{to}>" in listed
        assert "attempts: 3, given up" in listed
        assert "last error: ConnectionRefusedError" in listed
        assert status(mailing, uid) == "denied"

    # The mail server is back: the administrator has it all tried again.
    assert "Trying 1 e-mail(s) again." in command("mail-queue", "--retry")
    message = smtp.inbox.wait_for(to)
    assert f"insignia://applications/{uid}" in bodies(message)[0]
    deadline = time.monotonic() + 10
    while "Every e-mail has been sent." not in command("mail-queue"):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert smtp.inbox.to(to) == [message]


def test_backoff_doubles_with_jitter_up_to_two_hours() -> None:
    settings = Settings(data_dir=Path("."), mail_retry_seconds=60)
    rng = random.Random(7)
    for attempts in range(1, 12):
        longest = min(60 * 2 ** (attempts - 1), 7200)
        wait = mail.backoff(settings, attempts, rng).total_seconds()
        assert longest / 2 <= wait <= longest


# Reminders of decisions due -----------------------------------------------------


def _set_due(server: RunningServer, uid: uuid.UUID, due: date) -> None:
    with server.database().writing() as session:
        session.execute(
            update(Application)
            .where(Application.id == application_id_of(server, uid))
            .values(decision_due=due)
        )


def test_reminders_list_overdue_and_soon_due_decisions_in_each_language(
    mailing: RunningServer,
    smtp: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    es, en = address(), address()
    assessor = mailing.user("assessor", email=es, language="es")
    mailing.user("admin", email=en, language="en")
    mailing.user("assessor")
    educator = mailing.user("educator")
    soon, late, later, decided = (submitted(mailing, educator) for _ in range(4))
    claim(mailing, assessor, late)
    assess(mailing, mailing.user("assessor"), decided, MEETS)
    # Thursday 3 December 2026: Monday the 7th is two business days ahead.
    dues = {
        soon: date(2026, 12, 7),
        late: date(2026, 11, 30),
        later: date(2026, 12, 8),
        decided: date(2026, 11, 30),
    }
    codes = {}
    with mailing.client(educator) as client:
        for uid, due in dues.items():
            _set_due(mailing, uid, due)
            own = client.get(f"/api/v1/applications/{application_id(client, uid)}")
            codes[uid] = own.json()["code"]

    command = Commands(monkeypatch, capsys, mailing, smtp.environment)
    nothing = command("send-reminders", "--date", "2026-01-05")
    assert "No reminder to send" in nothing
    assert "Queued 2 reminder(s)" in command("send-reminders", "--date", "2026-12-03")

    spanish, english = smtp.inbox.wait_for(es), smtp.inbox.wait_for(en)
    assert spanish["Subject"] == "Decisiones pendientes — vencidas: 1, por vencer: 1"
    assert english["Subject"] == "Decisions due — overdue: 1, due soon: 1"
    text, html = bodies(spanish)
    for body in (text, html):
        assert codes[soon] in body and codes[late] in body
        assert codes[later] not in body and codes[decided] not in body
        assert f"insignia://applications/{soon}" in body
        assert f"insignia://applications/{late}" in body
        assert "vencida hace 3 días hábiles" in body
        assert "Plazo de decisión: 7 de diciembre de 2026" in body
        assert f"abierta por Assessor {assessor.username}" in body
        assert "Ningún asesor la ha abierto todavía" in body
        assert educator.username not in body
    text, _html = bodies(english)
    assert "overdue by 3 business days" in text
    assert "Decision due December 7, 2026" in text
    assert text.index(codes[late]) < text.index(codes[soon])
