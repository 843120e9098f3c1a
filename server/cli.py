"""``insignia-server``: serve the API, create users, import a catalog, e-mail."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from model.enums import Role
from server.settings import MIN_PASSWORD_LENGTH, Settings, default_database_url

if TYPE_CHECKING:
    from server.database import Database
    from server.entities import OutgoingMail

logger = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="insignia-server", description="The server Insignia's desktops sync with."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help)
        sub.add_argument(
            "--database-url",
            default=None,
            help="sqlite:///FILE or postgresql+psycopg://USER:PASSWORD@HOST/DB "
            "(default: $INSIGNIA_DATABASE_URL, else a SQLite file in the "
            "server's data folder)",
        )
        return sub

    serve = command("serve", "serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)

    create_user = command("create-user", "add an account")
    create_user.add_argument("username")
    create_user.add_argument(
        "--role", required=True, choices=[r.value for r in Role], type=str
    )
    create_user.add_argument("--display-name", default="")
    create_user.add_argument("--email", default="")
    create_user.add_argument(
        "--language",
        choices=["en", "es"],
        default="en",
        help="the language of the e-mails the user gets (default: en)",
    )

    import_catalog = command("import-catalog", "publish micro-credentials")
    import_catalog.add_argument("file", type=Path)

    mail_queue = command("mail-queue", "list the e-mails not sent yet")
    mail_queue.add_argument(
        "--retry", action="store_true", help="try to send each of them now"
    )

    reminders = command(
        "send-reminders",
        "e-mail assessors and administrators the decisions overdue or due "
        "within two business days",
    )
    reminders.add_argument(
        "--date",
        type=date.fromisoformat,
        default=None,
        help="as if today were this date, YYYY-MM-DD (default: today)",
    )
    return parser


def _configure_logging() -> None:
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)


def _serve(url: str, host: str, port: int) -> int:
    import uvicorn

    from server.app import create_app

    app = create_app(url)
    # Our own request log replaces uvicorn's, which would print query strings.
    uvicorn.run(app, host=host, port=port, access_log=False, log_config=None)
    return 0


def _password() -> str:
    password = os.environ.get("INSIGNIA_PASSWORD")
    if password:
        return password
    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Password again: "):
        raise SystemExit("The passwords differ.")
    return password


def _create_user(url: str, args: argparse.Namespace) -> int:
    password = _password()
    if len(password) < MIN_PASSWORD_LENGTH:
        print(
            f"The password needs {MIN_PASSWORD_LENGTH} characters or more.",
            file=sys.stderr,
        )
        return 2

    from server import accounts
    from server.database import Database
    from server.security import Passwords

    settings = Settings.from_environment()
    db = Database(url)
    try:
        db.upgrade()
        passwords = Passwords(settings.argon2_time_cost, settings.argon2_memory_kib)
        with db.writing() as session:
            user = accounts.create_user(
                session,
                passwords,
                args.username,
                password,
                Role(args.role),
                args.display_name,
                args.email,
                args.language,
            )
            print(f"Created {user.username} ({user.role}), id {user.id}")
    except accounts.UsernameTaken:
        print(f"The username {args.username} is taken.", file=sys.stderr)
        return 1
    finally:
        db.close()
    return 0


def _import_catalog(url: str, path: Path) -> int:
    from model.catalog import CatalogError, read_catalog
    from server.catalog import publish
    from server.database import Database

    try:
        catalog = read_catalog(path)
    except CatalogError as error:
        print(error, file=sys.stderr)
        return 1
    db = Database(url)
    try:
        db.upgrade()
        with db.writing() as session:
            codes = publish(session, catalog)
    finally:
        db.close()
    print(f"Imported {len(codes)} micro-credential(s): {', '.join(codes)}")
    return 0


def _open(url: str) -> Database:
    from server.database import Database

    db = Database(url)
    db.upgrade()
    return db


def _send_all(db: Database, settings: Settings) -> str:
    from server import mail

    delivery = mail.deliver_due(db, settings)
    if not delivery.failed:
        return f"{delivery.sent} e-mail(s) sent."
    return (
        f"{delivery.sent} e-mail(s) sent, {delivery.failed} not: see "
        "insignia-server mail-queue."
    )


def _describe(row: OutgoingMail) -> list[str]:
    when = "%Y-%m-%d %H:%M UTC"
    state = (
        f"next attempt {row.next_attempt_at.strftime(when)}"
        if row.next_attempt_at is not None
        else "given up, send again with --retry"
    )
    lines = [
        f"#{row.id} to {row.recipient}, queued {row.created_at.strftime(when)}",
        f"    subject: {row.subject}",
        f"    attempts: {row.attempts}, {state}",
    ]
    if row.last_error:
        lines.append(f"    last error: {row.last_error}")
    return lines


def _mail_queue(url: str, retry: bool) -> int:
    from server import mail
    from server.accounts import utcnow

    settings = Settings.from_environment()
    db = _open(url)
    try:
        if retry:
            count = mail.retry_unsent(db, utcnow())
            print(f"Trying {count} e-mail(s) again. {_send_all(db, settings)}")
        with db.reading() as session:
            rows = mail.unsent(session)
    finally:
        db.close()
    if not rows:
        print("Every e-mail has been sent.")
        return 0
    print(f"{len(rows)} e-mail(s) not sent yet:")
    print("\n".join(line for row in rows for line in _describe(row)))
    return 0


def _send_reminders(url: str, day: date | None) -> int:
    from model.calendar import BusinessCalendar
    from server.accounts import utcnow
    from server.notices import queue_reminders

    settings = Settings.from_environment()
    calendar = BusinessCalendar(settings.holiday_country, settings.holiday_subdivision)
    db = _open(url)
    try:
        with db.writing() as session:
            queued = queue_reminders(session, calendar, day or date.today(), utcnow())
        if not queued:
            print("No reminder to send: no decision is overdue or due soon.")
            return 0
        print(f"Queued {queued} reminder(s). {_send_all(db, settings)}")
    finally:
        db.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _configure_logging()
    url = args.database_url or default_database_url()
    if args.command == "serve":
        return _serve(url, args.host, args.port)
    if args.command == "create-user":
        return _create_user(url, args)
    if args.command == "mail-queue":
        return _mail_queue(url, args.retry)
    if args.command == "send-reminders":
        return _send_reminders(url, args.date)
    return _import_catalog(url, args.file)


if __name__ == "__main__":
    raise SystemExit(main())
