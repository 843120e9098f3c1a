"""Writing what the server sends into the local database, and undoing refusals.

The server's copy wins for everything the user has not changed here since
the last sync. An application with local changes still waiting to be sent
is left as it is: its server copy waits in ``SyncLink.deferred`` and is
applied once the changes are answered. A text with an unresolved conflict
keeps the local version; the conflict takes the server's newest text.

Educators stay anonymous to assessors here too: an application someone
else wrote belongs to a stand-in user, and an assessor holding it is a
stand-in with the display name the server gives.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from model.catalog import CatalogSpec as _CatalogSpec
from model.catalog import CredentialSpec, import_spec
from model.entities import (
    Answer,
    Application,
    Assessment,
    Attachment,
    MicroCredential,
    Notification,
    NotificationKind,
    OutboxOperation,
    Part,
    PartState,
    PartVerdict,
    Role,
    Status,
    SyncConflict,
    SyncLink,
    SyncText,
    User,
    Verdict,
)
from model.store import new_code
from model.sync import outbox
from model.sync_protocol import (
    ApplicationChange,
    ApplicationPayload,
    AssessmentPayload,
    CredentialPayload,
    OperationKind,
)

SOMEONE = "~educator"
AN_ASSESSOR = "~assessor"


def local_time(value: datetime) -> datetime:
    """A server time (aware, UTC) as the local database keeps times."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone().replace(tzinfo=None, microsecond=0)


def maybe_local(value: datetime | None) -> datetime | None:
    return None if value is None else local_time(value)


def stand_in(session: Session, username: str, display_name: str, role: Role) -> int:
    """The id of a stand-in user for someone this computer must not name."""
    user_id = session.scalar(select(User.id).where(User.username == username))
    if user_id is None:
        user = User(username=username, display_name=display_name, role=role)
        session.add(user)
        session.flush()
        user_id = user.id
    return user_id


# The catalog ------------------------------------------------------------------


def apply_credential(session: Session, payload: CredentialPayload) -> None:
    """Add or update one version of a micro-credential from the server."""
    spec = CredentialSpec.model_validate(
        {
            "code": payload.code,
            "version": payload.version,
            "title": payload.title,
            "competency": payload.competency,
            "key_method": payload.key_method,
            "parts": [
                {
                    "key": part.key,
                    "kind": part.kind.value,
                    "title": part.title,
                    "instructions": part.instructions,
                    "evidence_required": part.evidence_required,
                    "questions": [
                        {
                            "key": q.key,
                            "prompt": q.prompt,
                            "min_words": q.min_words,
                            "max_words": q.max_words,
                        }
                        for q in sorted(part.questions, key=lambda q: q.position)
                    ],
                    "rubric": [
                        {"key": c.key, "text": c.text, "look_for": c.look_for}
                        for c in sorted(part.criteria, key=lambda c: c.position)
                    ],
                }
                for part in sorted(payload.parts, key=lambda p: p.position)
            ],
        }
    )
    import_spec(
        session,
        _CatalogSpec(format="insignia-catalog/1", micro_credentials=[spec]),
    )


class _Keys:
    """A local micro-credential's parts and questions, found by their keys."""

    def __init__(self, credential: MicroCredential) -> None:
        self.parts: dict[str, Part] = {p.key: p for p in credential.parts}
        self.questions: dict[tuple[str, str], int] = {
            (p.key, q.key): q.id for p in credential.parts for q in p.questions
        }


# Applications -----------------------------------------------------------------


class Applier:
    """Applies the change feed for one local user, in one transaction.

    ``page`` reads what it needs of the local database for a whole page in a
    few queries, writes without autoflush, and inserts the new applications
    together: a first pull of thousands of applications would otherwise spend
    its time in a flush per row read.
    """

    def __init__(self, session: Session, me: int, *, notify: bool) -> None:
        self.session = session
        self.me = me
        self.notify = notify
        self.decided: list[int] = []
        self.changed: set[int] = set()
        self._keys: dict[tuple[str, int], _Keys] = {}
        self._stand_ins: dict[str, int] = {}
        self._links: dict[str, SyncLink] = {}
        self._applications: dict[int, Application] = {}
        self._texts: dict[tuple[int, str], SyncText] = {}
        self._conflicts: dict[int, dict[str, SyncConflict]] = {}
        self._waiting: dict[int, set[str]] = {}
        self._codes: dict[str, int | None] = {}
        # Written for applications new here, once they have their ids.
        self._new: list[tuple[Application, ApplicationChange, dict[str, int]]] = []

    def keys(self, code: str, version: int) -> _Keys | None:
        if (code, version) not in self._keys:
            credential = self.session.scalar(
                select(MicroCredential)
                .where(MicroCredential.code == code, MicroCredential.version == version)
                .options(
                    selectinload(MicroCredential.parts).selectinload(Part.questions)
                )
            )
            if credential is None:
                return None
            self._keys[(code, version)] = _Keys(credential)
        return self._keys[(code, version)]

    def stand_in(self, username: str, display_name: str, role: Role) -> int:
        if username not in self._stand_ins:
            self._stand_ins[username] = stand_in(
                self.session, username, display_name, role
            )
        return self._stand_ins[username]

    # A page at a time ---------------------------------------------------------

    def page(self, changes: list[ApplicationChange]) -> None:
        session = self.session
        with session.no_autoflush:
            self._prefetch(changes)
            for change in changes:
                link = self._links.get(str(change.payload.uid))
                if link is not None and MOVES & self._waiting.get(
                    link.application_id, set()
                ):
                    link.deferred = change.model_dump(mode="json")
                    continue
                self._write(change, link)
        self.finish()

    def write(self, change: ApplicationChange, link: SyncLink | None) -> None:
        """Apply one change now, whatever waits locally (deferred copies)."""
        with self.session.no_autoflush:
            self._prefetch([change])
            self._write(change, link)
        self.finish()

    def _prefetch(self, changes: list[ApplicationChange]) -> None:
        session = self.session
        uids = [str(c.payload.uid) for c in changes]
        uids += [str(c.payload.previous_uid) for c in changes if c.payload.previous_uid]
        wanted = [u for u in set(uids) if u not in self._links]
        for link in session.scalars(select(SyncLink).where(SyncLink.uid.in_(wanted))):
            self._links[link.uid] = link
        ids = [
            self._links[str(c.payload.uid)].application_id
            for c in changes
            if str(c.payload.uid) in self._links
        ]
        ids = [i for i in ids if i not in self._applications]
        if ids:
            for application in session.scalars(
                select(Application)
                .where(Application.id.in_(ids))
                .options(
                    selectinload(Application.answers),
                    selectinload(Application.attachments),
                    selectinload(Application.part_states),
                    selectinload(Application.assessment).selectinload(
                        Assessment.verdicts
                    ),
                )
            ):
                self._applications[application.id] = application
            for text in session.scalars(
                select(SyncText).where(SyncText.application_id.in_(ids))
            ):
                self._texts[(text.application_id, text.field)] = text
            for conflict in session.scalars(
                select(SyncConflict).where(SyncConflict.application_id.in_(ids))
            ):
                self._conflicts.setdefault(conflict.application_id, {})[
                    conflict.field
                ] = conflict
            for application_id, field, kind in session.execute(
                select(
                    OutboxOperation.application_id,
                    OutboxOperation.field,
                    OutboxOperation.kind,
                ).where(OutboxOperation.application_id.in_(ids))
            ):
                found = self._waiting.setdefault(application_id, set())
                found.add(kind)
                if field:
                    found.add(field)
        codes = [c.payload.code for c in changes if c.payload.code not in self._codes]
        for code in codes:
            self._codes[code] = None
        for code, application_id in session.execute(
            select(Application.code, Application.id).where(Application.code.in_(codes))
        ):
            self._codes[code] = application_id

    def _write(self, change: ApplicationChange, link: SyncLink | None) -> None:
        session = self.session
        payload = change.payload
        keys = self.keys(payload.credential.code, payload.credential.version)
        if keys is None:
            return  # its micro-credential comes first in the feed; never seen
        application = (
            None if link is None else self._applications.get(link.application_id)
        )
        if link is not None and application is None:
            application = session.get(Application, link.application_id)
        was_decided = application is not None and application.decided_at is not None
        waiting = (
            set() if link is None else self._waiting.get(link.application_id, set())
        )
        educator_id = (
            self.me if payload.mine else self.stand_in(SOMEONE, "", Role.EDUCATOR)
        )
        previous = self._links.get(str(payload.previous_uid))
        holder = self._codes.get(payload.code)
        if application is None:
            code_free = holder is None
            application = Application(
                code=payload.code if code_free else new_code(),
                answers=[],
                attachments=[],
                part_states=[],
                assessment=None,
                resubmission_note="",
            )
            session.add(application)
            if code_free:
                self._codes[payload.code] = -1
        elif holder is None:
            application.code = payload.code
        application.credential_id = next(iter(keys.parts.values())).credential_id
        application.educator_id = educator_id
        application.attempt = payload.attempt
        application.previous_id = None if previous is None else previous.application_id
        application.status = payload.status
        application.created_at = local_time(payload.created_at)
        application.updated_at = local_time(payload.updated_at)
        application.submitted_at = maybe_local(payload.submitted_at)
        application.decision_due = payload.decision_due
        application.decided_at = maybe_local(payload.decided_at)
        for name in ("confirm_ready", "confirm_disclosure", "confirm_own_work"):
            if outbox.confirmation_field(name) not in waiting:
                setattr(application, name, getattr(payload, name))

        versions: dict[str, int] = {}
        conflicts = {} if link is None else self._conflicts.get(link.application_id, {})
        self._text(
            application,
            outbox.NOTE,
            payload.resubmission_note.text,
            payload.resubmission_note.version,
            conflicts,
            waiting,
            versions,
        )
        self._answers(application, payload, keys, conflicts, waiting, versions)
        if not waiting & ATTACHMENT_CHANGES:
            self._attachments(application, payload, keys)
        if OperationKind.UNLOCK_PART.value not in waiting:
            self._part_states(application, payload, keys)
        self._assessment(application, payload.assessment, keys, conflicts)

        if link is None:
            self._new.append((application, change, versions))
            return
        self._link(link, change)
        for field, version in versions.items():
            self._set_version(link.application_id, field, version)
        self.changed.add(application.id)
        if (
            self.notify
            and payload.mine
            and not was_decided
            and application.decided_at is not None
        ):
            self._notify(application.id)

    def finish(self) -> None:
        """Insert the new applications together, then what needs their ids."""
        if not self._new:
            return
        self.session.flush()
        for application, change, versions in self._new:
            link = SyncLink(
                application_id=application.id,
                uid=str(change.payload.uid),
                version=0,
                assessment_revision=0,
            )
            self.session.add(link)
            self._links[link.uid] = link
            self._applications[application.id] = application
            self._link(link, change)
            for field, version in versions.items():
                self._set_version(application.id, field, version)
            self.changed.add(application.id)
        self._new.clear()

    def _link(self, link: SyncLink, change: ApplicationChange) -> None:
        payload = change.payload
        link.server_id = payload.id
        link.version = change.version
        link.deferred = None
        assessment = payload.assessment
        link.assessment_revision = assessment.revision if assessment else 0
        if link.refusal and payload.status is not Status.DRAFT:
            # A submission refused because another device had already sent it.
            items = [
                item
                for item in link.refusal.get("items", [])
                if (item.get("kind"), item.get("reason")) != ("submit", "not_editable")
            ]
            link.refusal = {"items": items} if items else None

    def _set_version(self, application_id: int, field: str, version: int) -> None:
        row = self._texts.get((application_id, field))
        if row is None:
            row = SyncText(application_id=application_id, field=field, version=0)
            self.session.add(row)
            self._texts[(application_id, field)] = row
        row.version = version

    def _notify(self, application_id: int) -> None:
        self.session.add(
            Notification(
                user_id=self.me,
                application_id=application_id,
                kind=NotificationKind.DECIDED,
                created_at=datetime.now().replace(microsecond=0),
            )
        )
        self.decided.append(application_id)

    def _text(
        self,
        application: Application,
        field: str,
        text: str,
        version: int,
        conflicts: dict[str, SyncConflict],
        waiting: set[str],
        versions: dict[str, int],
    ) -> None:
        """Take the server's text, unless a conflict or an edit keeps the local one.

        A local edit still to be sent keeps its text and the version it was
        based on: the server decides when it arrives.
        """
        conflict = conflicts.get(field)
        if conflict is not None:
            conflict.theirs = text
            conflict.their_version = version
            return
        if field in waiting:
            return
        versions[field] = version
        if field == outbox.NOTE:
            application.resubmission_note = text
            return
        question_id = int(field.split(":", 1)[1])
        answer = next(
            (a for a in application.answers if a.question_id == question_id), None
        )
        if answer is None:
            application.answers.append(
                Answer(
                    question_id=question_id,
                    text=text,
                    updated_at=application.updated_at,
                )
            )
        elif answer.text != text:
            answer.text = text
            answer.updated_at = application.updated_at

    def _answers(
        self,
        application: Application,
        payload: ApplicationPayload,
        keys: _Keys,
        conflicts: dict[str, SyncConflict],
        waiting: set[str],
        versions: dict[str, int],
    ) -> None:
        for answer in payload.answers:
            question_id = keys.questions.get((answer.part_key, answer.question_key))
            if question_id is not None:
                self._text(
                    application,
                    outbox.answer_field(question_id),
                    answer.text,
                    answer.version,
                    conflicts,
                    waiting,
                    versions,
                )

    def _attachments(
        self, application: Application, payload: ApplicationPayload, keys: _Keys
    ) -> None:
        wanted = {}
        for item in payload.attachments:
            part = keys.parts.get(item.part_key)
            if part is not None:
                wanted[(part.id, item.sha256, item.url)] = item
        kept = []
        for attachment in application.attachments:
            key = (attachment.part_id, attachment.sha256, attachment.url)
            if key in wanted:
                kept.append(attachment)
                del wanted[key]
        for (part_id, sha256, url), item in wanted.items():
            kept.append(
                Attachment(
                    part_id=part_id,
                    filename=item.filename,
                    sha256=sha256,
                    url=url,
                    size=item.size,
                    media_type=item.media_type,
                    added_at=local_time(item.added_at),
                )
            )
        application.attachments = kept

    def _part_states(
        self, application: Application, payload: ApplicationPayload, keys: _Keys
    ) -> None:
        states = {s.part_id: s for s in application.part_states}
        wanted = []
        for item in payload.part_states:
            part = keys.parts.get(item.part_key)
            if part is None:
                continue
            state = states.get(part.id) or PartState(part_id=part.id)
            state.carried_over = item.carried_over
            state.unlocked = item.unlocked
            wanted.append(state)
        application.part_states = wanted

    def _assessment(
        self,
        application: Application,
        payload: AssessmentPayload | None,
        keys: _Keys,
        conflicts: dict[str, SyncConflict],
    ) -> None:
        session = self.session
        if payload is None:
            if application.assessment is not None:
                session.delete(application.assessment)
                application.assessment = None
            return
        if payload.held_by_me:
            assessor_id = self.me
        elif payload.held_by:
            assessor_id = self.stand_in(
                f"{AN_ASSESSOR}:{payload.held_by}"[:80], payload.held_by, Role.ASSESSOR
            )
        else:
            assessor_id = self.stand_in(AN_ASSESSOR, "", Role.ASSESSOR)
        assessment = application.assessment
        if assessment is None:
            assessment = Assessment(
                assessor_id=assessor_id, started_at=datetime.now(), verdicts=[]
            )
            application.assessment = assessment
        assessment.assessor_id = assessor_id
        assessment.started_at = local_time(payload.started_at)
        assessment.decided_at = maybe_local(payload.decided_at)
        assessment.credential_version = payload.credential_version
        assessment.revision = payload.revision
        verdicts = {v.part_id: v for v in assessment.verdicts}
        wanted = []
        for item in payload.verdicts:
            part = keys.parts.get(item.part_key)
            if part is None:
                continue
            verdict = verdicts.pop(part.id, None) or PartVerdict(part_id=part.id)
            conflict = conflicts.get(outbox.verdict_field(part.id))
            if conflict is not None:
                # This computer's feedback stays until the assessor chooses.
                conflict.theirs = verdict_text(item.verdict, item.feedback)
                conflict.their_version = payload.revision
            else:
                verdict.verdict = item.verdict
                verdict.feedback = item.feedback
            wanted.append(verdict)
        wanted.extend(
            v
            for part_id, v in verdicts.items()
            if outbox.verdict_field(part_id) in conflicts
        )
        assessment.verdicts = wanted


def verdict_text(verdict: Verdict | None, feedback: str) -> str:
    """A verdict and its feedback as a conflict keeps them."""
    return json.dumps(
        {"verdict": verdict.value if verdict else None, "feedback": feedback}
    )


def verdict_of(text: str) -> tuple[Verdict | None, str]:
    try:
        value = json.loads(text)
        verdict = value.get("verdict")
        return (Verdict(verdict) if verdict else None), str(value.get("feedback", ""))
    except (ValueError, AttributeError):
        return None, text


# What a local change waiting to be sent keeps from the server's copy ----------

ATTACHMENT_CHANGES = frozenset(
    {OperationKind.ADD_ATTACHMENT.value, OperationKind.REMOVE_ATTACHMENT.value}
)
# Changes of state: until they are answered, the server's copy waits whole.
MOVES = frozenset(
    {
        OperationKind.START_APPLICATION.value,
        OperationKind.SUBMIT.value,
        OperationKind.REAPPLY.value,
        OperationKind.CLAIM.value,
        OperationKind.SAVE_VERDICT.value,
        OperationKind.DECIDE.value,
    }
)


def _moves_on(session: Session, application_id: int) -> bool:
    """True while a change of the application's state waits to be sent."""
    return (
        session.scalar(
            select(OutboxOperation.id)
            .where(
                OutboxOperation.application_id == application_id,
                OutboxOperation.kind.in_(MOVES),
            )
            .limit(1)
        )
        is not None
    )


def apply_deferred(session: Session, applier: Applier) -> None:
    """Apply the server copies that waited for local changes now answered.

    Only after a pull: a copy deferred earlier is older than what this
    computer has just sent, and the pull brings the newer one.
    """
    links = session.scalars(select(SyncLink).where(SyncLink.deferred.is_not(None)))
    for link in list(links):
        if link.deferred is None or _moves_on(session, link.application_id):
            continue
        change = ApplicationChange.model_validate(link.deferred)
        applier.write(change, link)


# Undoing what the server refused ----------------------------------------------


def undo_submit(session: Session, application_id: int) -> None:
    """A submission the server did not take goes back to being a draft."""
    application = session.get(Application, application_id)
    if application is not None and application.status is Status.SUBMITTED:
        application.status = Status.DRAFT
        application.submitted_at = None
        application.decision_due = None


def undo_decision(session: Session, application_id: int) -> None:
    """A decision the server did not take goes back to being in review."""
    application = session.get(Application, application_id)
    if application is None or application.assessment is None:
        return
    if application.status in (Status.APPROVED, Status.DENIED):
        application.status = Status.IN_REVIEW
        application.decided_at = None
        application.assessment.decided_at = None
        application.assessment.credential_version = None
        session.execute(
            delete(Notification).where(Notification.application_id == application_id)
        )
