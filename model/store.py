"""The local store: the one door through which the desktop reads and writes.

Every method is a unit of work in its own session and returns frozen records,
never ORM objects, so callers may hand results to any thread.

The methods that read or change one application take the acting user as
``actor_id``: given, the store refuses (NotAllowed) what that user may not see
or change, whatever the caller asked for. The desktop always passes the
signed-in user; ``None`` is for code acting for no user (the demo, imports).
"""

from __future__ import annotations

import logging
import re
import secrets
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from model import workflow
from model.attachments import DEFAULT_MAX_BYTES, AttachmentRefused, AttachmentStore
from model.calendar import BusinessCalendar
from model.database import DATABASE_NAME, is_damage, open_database
from model.entities import (
    Answer,
    Application,
    Attachment,
    MicroCredential,
    Part,
    Role,
    Setting,
    Status,
    SyncLink,
    User,
)
from model.errors import (
    DatabaseDamaged,
    MissingItem,
    NotAllowed,
    NotFound,
    SubmitRefused,
)
from model.quickread import read_dashboard_rows
from model.records import (
    ApplicationRecord,
    AttachmentRecord,
    CredentialRecord,
    CriterionRecord,
    DashboardRow,
    PartRecord,
    QuestionRecord,
    RelatedRecord,
    SyncNotes,
    UserRecord,
    VerdictRecord,
)
from model.sync import outbox, review
from model.sync_protocol import OperationKind

logger = logging.getLogger(__name__)

__all__ = ["NotFound", "Store", "local_username", "new_code"]

T = TypeVar("T")
Clock = Callable[[], datetime]

CONFIRMATIONS = ("confirm_ready", "confirm_disclosure", "confirm_own_work")
DEFAULT_SETTINGS = {
    "holiday_country": "US",
    "holiday_subdivision": "",
    "max_attachment_bytes": str(DEFAULT_MAX_BYTES),
}


def new_code() -> str:
    """A short code that names an application without naming its educator."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "MC-" + "".join(secrets.choice(alphabet) for _ in range(6))


def local_username(login: str) -> str:
    """A username for this computer's user, made from their login name.

    Lower-case letters without accents, digits, dots, dashes and underscores;
    ``educator`` when nothing of the login is left.
    """
    plain = unicodedata.normalize("NFKD", login).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9._-]+", "-", plain.lower()).strip("-._")
    return name[:32] or "educator"


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class Store:
    """The local database and attachment files of one data folder."""

    def __init__(self, data_dir: Path, clock: Clock = _now) -> None:
        self.data_dir = data_dir
        self._path = data_dir / DATABASE_NAME
        self.engine = open_database(data_dir)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.clock = clock
        self._credentials: dict[int, CredentialRecord] = {}

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _unit(self) -> Iterator[Session]:
        with self._naming_damage(), self._sessions.begin() as session:
            yield session

    @contextmanager
    def _naming_damage(self) -> Iterator[None]:
        """A damaged file raises DatabaseDamaged naming it, not a driver error.

        A sound header opens; broken pages further in only show when read.
        """
        try:
            yield
        except (DBAPIError, sqlite3.DatabaseError) as error:
            if is_damage(error):
                reason = getattr(error, "orig", None) or error
                raise DatabaseDamaged(str(reason), self._path) from error
            raise

    # Settings ---------------------------------------------------------------

    def setting(self, key: str) -> str:
        with self._unit() as session:
            row = session.get(Setting, key)
            return row.value if row else DEFAULT_SETTINGS.get(key, "")

    def set_setting(self, key: str, value: str) -> None:
        with self._unit() as session:
            session.merge(Setting(key=key, value=value))

    def calendar(self) -> BusinessCalendar:
        subdivision = self.setting("holiday_subdivision") or None
        return BusinessCalendar(self.setting("holiday_country"), subdivision)

    def attachment_store(self) -> AttachmentStore:
        limit = int(self.setting("max_attachment_bytes") or DEFAULT_MAX_BYTES)
        return AttachmentStore(self.data_dir / "attachments", limit)

    def is_empty(self) -> bool:
        with self._unit() as session:
            return session.scalar(select(User.id).limit(1)) is None

    # Users ------------------------------------------------------------------

    def create_user(
        self, username: str, display_name: str, role: Role, email: str = ""
    ) -> UserRecord:
        with self._unit() as session:
            user = User(
                username=username, display_name=display_name, role=role, email=email
            )
            session.add(user)
            session.flush()
            return _user_record(user)

    def set_up_first_educator(
        self, username: str, display_name: str, email: str
    ) -> UserRecord:
        """The first user of a new folder: a local educator.

        A folder without micro-credentials gets the sample catalog too, so
        there is something to apply for. One unit of work: all or nothing.
        ValueError when the folder has users already.
        """
        from model.catalog import SAMPLE_CATALOG, import_catalog

        with self._unit() as session:
            if session.scalar(select(User.id).limit(1)) is not None:
                raise ValueError(f"{self.data_dir} has users already")
            if session.scalar(select(MicroCredential.id).limit(1)) is None:
                import_catalog(session, SAMPLE_CATALOG)
            user = User(
                username=username,
                display_name=display_name.strip(),
                role=Role.EDUCATOR,
                email=email.strip(),
            )
            session.add(user)
            session.flush()
            record = _user_record(user)
        self._credentials.clear()
        logger.info("Created the first educator, %s, in %s", username, self.data_dir)
        return record

    def user(self, username: str) -> UserRecord:
        with self._unit() as session:
            user = session.scalar(select(User).where(User.username == username))
            if user is None:
                raise NotFound(username)
            return _user_record(user)

    def users(self) -> list[UserRecord]:
        """The people of this folder; stand-ins for others' accounts are left out."""
        with self._unit() as session:
            return [
                _user_record(u)
                for u in session.scalars(
                    select(User).where(User.username.not_like("~%")).order_by(User.id)
                )
            ]

    # Catalog ----------------------------------------------------------------

    def import_catalog(self, path: Path) -> list[str]:
        from model.catalog import import_catalog

        with self._unit() as session:
            codes = import_catalog(session, path)
        self._credentials.clear()
        return codes

    def credentials(self) -> list[CredentialRecord]:
        """The newest version of every micro-credential."""
        with self._unit() as session:
            rows = session.scalars(
                select(MicroCredential).order_by(
                    MicroCredential.code, MicroCredential.version.desc()
                )
            ).all()
            newest: dict[str, int] = {}
            for row in rows:
                newest.setdefault(row.code, row.id)
        return [self.credential(i) for i in newest.values()]

    def credential(self, credential_id: int) -> CredentialRecord:
        cached = self._credentials.get(credential_id)
        if cached is None:
            with self._unit() as session:
                credential = session.scalar(
                    select(MicroCredential)
                    .where(MicroCredential.id == credential_id)
                    .options(
                        selectinload(MicroCredential.parts).selectinload(
                            Part.questions
                        ),
                        selectinload(MicroCredential.parts).selectinload(Part.criteria),
                    )
                )
                if credential is None:
                    raise NotFound(credential_id)
                cached = _credential_record(credential)
            self._credentials[credential_id] = cached
        return cached

    # Dashboard --------------------------------------------------------------

    def dashboard_rows(
        self, educator_id: int, limit: int | None = None
    ) -> list[DashboardRow]:
        """Every attempt of one educator (or the newest ``limit``), newest first."""
        with self._naming_damage():
            connection = self.engine.raw_connection()
            try:
                return read_dashboard_rows(connection, educator_id, limit)
            finally:
                connection.close()

    # Applications -----------------------------------------------------------

    def start_application(self, educator_id: int, credential_id: int) -> int:
        now = self.clock()
        with self._unit() as session:
            application = Application(
                code=new_code(),
                credential_id=credential_id,
                educator_id=educator_id,
                attempt=1,
                status=Status.DRAFT,
                created_at=now,
                updated_at=now,
                resubmission_note="",
            )
            session.add(application)
            session.flush()
            credential = self.credential(credential_id)
            self._queue(
                session,
                application,
                educator_id,
                OperationKind.START_APPLICATION,
                {
                    "credential_code": credential.code,
                    "credential_version": credential.version,
                },
            )
            logger.info("Started application %s", application.code)
            return application.id

    def application(
        self, application_id: int, *, actor_id: int | None = None
    ) -> ApplicationRecord:
        with self._unit() as session:
            application = self._load_as(session, application_id, actor_id)
            chain = self._chain(session, application)
            return self._record(application, chain)

    def application_for_uid(self, uid: str) -> int:
        """The local id of the application the server and links call ``uid``."""
        with self._unit() as session:
            application_id = session.scalar(
                select(SyncLink.application_id).where(SyncLink.uid == uid.lower())
            )
            if application_id is None:
                raise NotFound(uid)
            return application_id

    def ensure_may_read(self, application_id: int, user_id: int) -> None:
        """NotFound, or NotAllowed when the user may not open the application."""
        with self._unit() as session:
            self._load_as(session, application_id, user_id)

    def save_answer(
        self,
        application_id: int,
        question_id: int,
        text: str,
        *,
        actor_id: int | None = None,
    ) -> None:
        now = self.clock()
        with self._unit() as session:
            application = self._changed_by(session, application_id, actor_id)
            parts = self.credential(application.credential_id).parts
            part = next(
                p for p in parts if any(q.id == question_id for q in p.questions)
            )
            workflow.ensure_part_editable(application, part.id)
            answer = next(
                (a for a in application.answers if a.question_id == question_id), None
            )
            if answer is None:
                application.answers.append(
                    Answer(question_id=question_id, text=text, updated_at=now)
                )
            elif answer.text != text:
                answer.text = text
                answer.updated_at = now
            else:
                return
            application.updated_at = now
            self._queue_answer(session, application, actor_id, part, question_id, text)

    def save_note(
        self, application_id: int, text: str, *, actor_id: int | None = None
    ) -> None:
        with self._unit() as session:
            application = self._changed_by(session, application_id, actor_id)
            workflow.ensure_editable(application)
            if application.resubmission_note == text:
                return
            application.resubmission_note = text
            application.updated_at = self.clock()
            self._queue(
                session,
                application,
                actor_id,
                OperationKind.SAVE_NOTE,
                {"text": text},
                field=outbox.NOTE,
            )

    def set_confirmation(
        self,
        application_id: int,
        name: str,
        value: bool,
        *,
        actor_id: int | None = None,
    ) -> None:
        if name not in CONFIRMATIONS:
            raise ValueError(f"unknown confirmation {name}")
        with self._unit() as session:
            application = self._changed_by(session, application_id, actor_id)
            workflow.ensure_editable(application)
            setattr(application, name, value)
            application.updated_at = self.clock()
            self._queue(
                session,
                application,
                actor_id,
                OperationKind.SET_CONFIRMATION,
                {"name": name, "value": value},
                field=outbox.confirmation_field(name),
            )

    def unlock_part(
        self, application_id: int, part_id: int, *, actor_id: int | None = None
    ) -> None:
        """Allow changes to a carried-over approved part; it is assessed again."""
        with self._unit() as session:
            application = self._changed_by(session, application_id, actor_id)
            workflow.ensure_editable(application)
            for state in application.part_states:
                if state.part_id == part_id and not state.unlocked:
                    state.unlocked = True
                    part_key = self.credential(application.credential_id).part(part_id)
                    self._queue(
                        session,
                        application,
                        actor_id,
                        OperationKind.UNLOCK_PART,
                        {"part_key": part_key.key},
                    )

    def copy_previous_answers(
        self, application_id: int, part_id: int, *, actor_id: int | None = None
    ) -> None:
        """Fill one part with the previous attempt's answers and attachments."""
        now = self.clock()
        with self._unit() as session:
            application = self._changed_by(session, application_id, actor_id)
            workflow.ensure_part_editable(application, part_id)
            if application.previous_id is None:
                raise NotFound("no previous attempt")
            previous = self._load(session, application.previous_id)
            part = self.credential(application.credential_id).part(part_id)
            question_ids = {q.id for q in part.questions}
            mine = {a.question_id: a for a in application.answers}
            for old in previous.answers:
                if old.question_id not in question_ids:
                    continue
                if old.question_id in mine:
                    if mine[old.question_id].text == old.text:
                        continue
                    mine[old.question_id].text = old.text
                    mine[old.question_id].updated_at = now
                else:
                    application.answers.append(
                        Answer(
                            question_id=old.question_id, text=old.text, updated_at=now
                        )
                    )
                self._queue_answer(
                    session, application, actor_id, part, old.question_id, old.text
                )
            have = {(a.sha256, a.url) for a in application.attachments}
            for old_file in previous.attachments:
                if (
                    old_file.part_id == part_id
                    and (old_file.sha256, old_file.url) not in have
                ):
                    copy = _copy_attachment(old_file, now)
                    application.attachments.append(copy)
                    self._queue_attachment(session, application, actor_id, copy)
            application.updated_at = now

    def add_attachment(
        self,
        application_id: int,
        part_id: int,
        source: Path,
        *,
        actor_id: int | None = None,
    ) -> None:
        """Copy a file in as evidence; AttachmentRefused says why it cannot be.

        The same content twice on one part is refused as a duplicate.
        """
        self._check_part_editable(application_id, part_id, actor_id)
        stored = self.attachment_store().add(source)
        with self._unit() as session:
            application = self._changed_by(session, application_id, actor_id)
            workflow.ensure_part_editable(application, part_id)
            if any(
                a.part_id == part_id and a.sha256 == stored.sha256
                for a in application.attachments
            ):
                # The stored copy stays: the attachment already there uses it.
                raise AttachmentRefused(AttachmentRefused.DUPLICATE, source)
            attachment = Attachment(
                part_id=part_id,
                filename=stored.filename,
                sha256=stored.sha256,
                size=stored.size,
                media_type=stored.media_type,
                added_at=self.clock(),
            )
            application.attachments.append(attachment)
            application.updated_at = self.clock()
            self._queue_attachment(session, application, actor_id, attachment)

    def add_link(
        self,
        application_id: int,
        part_id: int,
        url: str,
        title: str,
        *,
        actor_id: int | None = None,
    ) -> None:
        with self._unit() as session:
            application = self._changed_by(session, application_id, actor_id)
            workflow.ensure_part_editable(application, part_id)
            attachment = Attachment(
                part_id=part_id,
                filename=title or url,
                url=url,
                media_type="text/uri-list",
                added_at=self.clock(),
            )
            application.attachments.append(attachment)
            self._queue_attachment(session, application, actor_id, attachment)

    def remove_attachment(
        self, application_id: int, attachment_id: int, *, actor_id: int | None = None
    ) -> None:
        with self._unit() as session:
            application = self._changed_by(session, application_id, actor_id)
            attachment = next(
                (a for a in application.attachments if a.id == attachment_id), None
            )
            if attachment is None:
                raise NotFound(attachment_id)
            workflow.ensure_part_editable(application, attachment.part_id)
            application.attachments.remove(attachment)
            part = self.credential(application.credential_id).part(attachment.part_id)
            self._queue(
                session,
                application,
                actor_id,
                OperationKind.REMOVE_ATTACHMENT,
                {
                    "part_key": part.key,
                    "sha256": attachment.sha256,
                    "url": attachment.url,
                },
            )

    def attachment_path(self, sha256: str) -> Path:
        return self.attachment_store().path_of(sha256)

    def submit(
        self, application_id: int, *, actor_id: int | None = None
    ) -> ApplicationRecord:
        """Submit, or raise SubmitRefused naming every missing item."""
        with self._unit() as session:
            application = self._changed_by(session, application_id, actor_id)
            credential = self.credential(application.credential_id)
            conflicts = review.conflict_items(session, application, credential)
            if conflicts:
                workflow.ensure_editable(application)
                raise SubmitRefused([*workflow.missing_items(application), *conflicts])
            workflow.submit(application, self.clock(), self.calendar())
            self._queue(session, application, actor_id, OperationKind.SUBMIT, {})
            logger.info(
                "Submitted %s, attempt %d", application.code, application.attempt
            )
        return self.application(application_id, actor_id=actor_id)

    def reapply(self, application_id: int, *, actor_id: int | None = None) -> int:
        """Start the next attempt after a denied one; returns its id."""
        with self._unit() as session:
            denied = self._changed_by(session, application_id, actor_id)
            chain = self._chain(session, denied)
            attempt = workflow.reapply(denied, chain, self.clock(), new_code())
            session.add(attempt)
            session.flush()
            if outbox.enabled(session):
                new_uid = outbox.link_of(session, attempt.id).uid
                self._queue(
                    session,
                    denied,
                    actor_id,
                    OperationKind.REAPPLY,
                    {"new_uid": new_uid},
                )
            logger.info("Reapplied %s as attempt %d", denied.code, attempt.attempt)
            return attempt.id

    def application_with_previous(
        self, application_id: int, *, actor_id: int | None = None
    ) -> tuple[ApplicationRecord, ApplicationRecord | None]:
        """An attempt and the one it follows, read together for side by side.

        One unit of work walks the chain once for both records.
        """
        with self._unit() as session:
            application = self._load_as(session, application_id, actor_id)
            chain = self._chain(session, application)
            previous = next((a for a in chain if a.id == application.previous_id), None)
            return (
                self._record(application, chain),
                None if previous is None else self._record(previous, chain),
            )

    def missing_items(
        self, application_id: int, *, actor_id: int | None = None
    ) -> list[MissingItem]:
        """What stands between a draft and its submission; empty when nothing."""
        with self._unit() as session:
            application = self._load_as(session, application_id, actor_id)
            credential = self.credential(application.credential_id)
            return [
                *workflow.missing_items(application),
                *review.conflict_items(session, application, credential),
            ]

    # What the server said -----------------------------------------------------

    def sync_notes(
        self, application_id: int, *, actor_id: int | None = None
    ) -> SyncNotes:
        """Waiting to send, conflicts to resolve and refusals to read."""
        with self._unit() as session:
            if session.get(SyncLink, application_id) is None:
                return SyncNotes()  # never synced: nothing to say, nothing to check
            application = self._load_as(session, application_id, actor_id)
            credential = self.credential(application.credential_id)
            return review.notes(session, application, credential)

    def resolve_conflict(
        self,
        application_id: int,
        field: str,
        *,
        keep_mine: bool,
        actor_id: int | None = None,
    ) -> None:
        """Keep this computer's text, or take the other device's, for ``field``."""
        with self._unit() as session:
            application = self._changed_by(session, application_id, actor_id)
            workflow.ensure_editable(application)
            review.resolve(
                session, application, field, keep_mine=keep_mine, now=self.clock()
            )
            application.updated_at = self.clock()
            if not keep_mine:
                return
            question_id = review.question_of(field)
            if question_id is None:
                self._queue(
                    session,
                    application,
                    actor_id,
                    OperationKind.SAVE_NOTE,
                    {"text": application.resubmission_note},
                    field=outbox.NOTE,
                )
                return
            part = next(
                p
                for p in self.credential(application.credential_id).parts
                if any(q.id == question_id for q in p.questions)
            )
            text = next(
                (a.text for a in application.answers if a.question_id == question_id),
                "",
            )
            self._queue_answer(session, application, actor_id, part, question_id, text)

    def dismiss_refusals(
        self, application_id: int, *, actor_id: int | None = None
    ) -> None:
        with self._unit() as session:
            self._load_as(session, application_id, actor_id)
            link = session.get(SyncLink, application_id)
            if link is not None:
                link.refusal = None

    def waiting_to_send(self, user_id: int) -> set[int]:
        """The user's applications submitted here and not yet on the server."""
        with self._unit() as session:
            return review.waiting_submissions(session, user_id)

    # The outbox -------------------------------------------------------------

    def _queue(
        self,
        session: Session,
        application: Application,
        actor_id: int | None,
        kind: OperationKind,
        payload: dict[str, Any],
        *,
        field: str | None = None,
    ) -> None:
        """Record the change for the server, when this folder has one."""
        user_id = application.educator_id if actor_id is None else actor_id
        outbox.record(
            session, application, user_id, kind, payload, self.clock(), field=field
        )

    def _queue_answer(
        self,
        session: Session,
        application: Application,
        actor_id: int | None,
        part: PartRecord,
        question_id: int,
        text: str,
    ) -> None:
        question = next(q for q in part.questions if q.id == question_id)
        self._queue(
            session,
            application,
            actor_id,
            OperationKind.SAVE_ANSWER,
            {"part_key": part.key, "question_key": question.key, "text": text},
            field=outbox.answer_field(question_id),
        )

    def _queue_attachment(
        self,
        session: Session,
        application: Application,
        actor_id: int | None,
        attachment: Attachment,
    ) -> None:
        part = self.credential(application.credential_id).part(attachment.part_id)
        payload: dict[str, Any] = {
            "part_key": part.key,
            "filename": attachment.filename,
        }
        if attachment.sha256 is not None:
            payload["sha256"] = attachment.sha256
            payload["media_type"] = attachment.media_type
        else:
            payload["url"] = attachment.url
        self._queue(
            session, application, actor_id, OperationKind.ADD_ATTACHMENT, payload
        )

    # Internals --------------------------------------------------------------

    def _check_part_editable(
        self, application_id: int, part_id: int, actor_id: int | None
    ) -> None:
        with self._unit() as session:
            application = self._changed_by(session, application_id, actor_id)
            workflow.ensure_part_editable(application, part_id)

    def _load_as(
        self, session: Session, application_id: int, actor_id: int | None
    ) -> Application:
        """The application, when ``actor_id`` (if given) may see it."""
        application = self._load(session, application_id)
        if actor_id is not None:
            actor = session.get(User, actor_id)
            if actor is None:
                raise NotAllowed(NotAllowed.OTHER_EDUCATOR, application_id)
            workflow.ensure_may_read(application, actor.id, actor.role)
        return application

    def _changed_by(
        self, session: Session, application_id: int, actor_id: int | None
    ) -> Application:
        """The application, when ``actor_id`` (if given) may change it."""
        application = self._load(session, application_id)
        if actor_id is not None:
            workflow.ensure_may_change(application, actor_id)
        return application

    def _load(self, session: Session, application_id: int) -> Application:
        application = session.get(
            Application,
            application_id,
            options=[
                selectinload(Application.answers),
                selectinload(Application.attachments),
                selectinload(Application.part_states),
                selectinload(Application.assessment),
            ],
        )
        if application is None:
            raise NotFound(application_id)
        return application

    def _chain(self, session: Session, application: Application) -> list[Application]:
        """Every attempt linked to ``application``, oldest first."""
        first = application
        while first.previous_id is not None:
            first = self._load(session, first.previous_id)
        chain = [first]
        while True:
            following = session.scalar(
                select(Application.id).where(Application.previous_id == chain[-1].id)
            )
            if following is None:
                return chain
            chain.append(self._load(session, following))

    def _record(
        self, application: Application, chain: list[Application]
    ) -> ApplicationRecord:
        credential = self.credential(application.credential_id)
        assessment = application.assessment
        verdicts = {}
        if assessment is not None and assessment.decided_at is not None:
            verdicts = {
                v.part_id: VerdictRecord(v.part_id, v.verdict, v.feedback)
                for v in assessment.verdicts
            }
        attention = _attention(application, chain)
        newer = [a.id for a in chain if a.attempt > application.attempt]
        return ApplicationRecord(
            id=application.id,
            code=application.code,
            credential=credential,
            educator_id=application.educator_id,
            attempt=application.attempt,
            previous_id=application.previous_id,
            status=application.status,
            created_at=application.created_at,
            updated_at=application.updated_at,
            submitted_at=application.submitted_at,
            decision_due=application.decision_due,
            decided_at=application.decided_at,
            confirm_ready=application.confirm_ready,
            confirm_disclosure=application.confirm_disclosure,
            confirm_own_work=application.confirm_own_work,
            resubmission_note=application.resubmission_note,
            answers={a.question_id: a.text for a in application.answers},
            attachments=tuple(_attachment_record(a) for a in application.attachments),
            carried_over=frozenset(
                s.part_id for s in application.part_states if s.carried_over
            ),
            unlocked=frozenset(
                s.part_id for s in application.part_states if s.unlocked
            ),
            verdicts=verdicts,
            attention=attention,
            related=tuple(
                RelatedRecord(a.id, a.attempt, a.status, a.submitted_at, a.decided_at)
                for a in chain
                if a.attempt < application.attempt
            ),
            can_reapply=workflow.can_reapply(application, chain),
            newer_attempt_id=min(newer) if newer else None,
        )


def _attention(application: Application, chain: list[Application]) -> dict[int, str]:
    """Failed parts of the most recent assessed attempt up to this one."""
    assessed = [
        a
        for a in chain
        if a.attempt <= application.attempt
        and a.status in (Status.APPROVED, Status.DENIED)
    ]
    if not assessed:
        return {}
    latest = max(assessed, key=lambda a: a.attempt)
    failed = workflow.failed_part_ids(latest)
    feedback = {}
    if latest.assessment is not None:
        feedback = {v.part_id: v.feedback for v in latest.assessment.verdicts}
    return {part_id: feedback.get(part_id, "") for part_id in failed}


def _copy_attachment(old: Attachment, now: datetime) -> Attachment:
    return Attachment(
        part_id=old.part_id,
        filename=old.filename,
        sha256=old.sha256,
        url=old.url,
        size=old.size,
        media_type=old.media_type,
        added_at=now,
    )


def _user_record(user: User) -> UserRecord:
    return UserRecord(user.id, user.username, user.display_name, user.email, user.role)


def _attachment_record(a: Attachment) -> AttachmentRecord:
    return AttachmentRecord(
        a.id, a.part_id, a.filename, a.sha256, a.url, a.size, a.media_type
    )


def _credential_record(credential: MicroCredential) -> CredentialRecord:
    return CredentialRecord(
        id=credential.id,
        code=credential.code,
        version=credential.version,
        title=dict(credential.title),
        competency=dict(credential.competency),
        key_method=dict(credential.key_method),
        parts=tuple(
            PartRecord(
                id=p.id,
                key=p.key,
                position=p.position,
                kind=p.kind,
                title=dict(p.title),
                instructions=dict(p.instructions),
                evidence_required=p.evidence_required,
                questions=tuple(
                    QuestionRecord(
                        q.id, q.key, dict(q.prompt), q.min_words, q.max_words
                    )
                    for q in p.questions
                ),
                criteria=tuple(
                    CriterionRecord(c.id, c.key, dict(c.text), dict(c.look_for))
                    for c in p.criteria
                ),
            )
            for p in credential.parts
        ),
    )
