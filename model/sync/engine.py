"""One round of sync: send files, push the outbox, pull the change feed.

``SyncEngine.run_once`` does a whole round and returns what happened, or
raises a ``SyncFailure`` (see ``model.sync.client``) when it cannot go on;
whatever it finished before that is kept, and the next round carries on
from there. ``Backoff`` says how long to wait before the next try. The
engine is plain Python: the desktop runs it on a worker thread.

What makes a repeat harmless: each outbox operation keeps its ``op_id``
until the server has answered it, and the server answers a repeat with the
result it recorded the first time; the pull cursor is stored in the same
transaction as the page it read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from pydantic import TypeAdapter
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from model.entities import (
    Attachment,
    OutboxOperation,
    Setting,
    SyncConflict,
    SyncLink,
    SyncText,
)
from model.store import Store
from model.sync import local, outbox
from model.sync.backoff import Backoff as Backoff
from model.sync.client import ServerClient, ServerRefused
from model.sync_protocol import (
    MAX_OPERATIONS,
    AssessmentConflict,
    CredentialChange,
    Operation,
    OperationKind,
    OperationResult,
    OperationStatus,
    Reason,
    TextConflict,
)

logger = logging.getLogger(__name__)

_operation = TypeAdapter[Operation](Operation)
ASSESSMENT_KINDS = frozenset(
    {OperationKind.CLAIM, OperationKind.SAVE_VERDICT, OperationKind.DECIDE}
)
TEXT_KINDS = frozenset({OperationKind.SAVE_ANSWER, OperationKind.SAVE_NOTE})


@dataclass(frozen=True)
class Progress:
    """Where a round is: ``stage`` is "files", "sending" or "receiving"."""

    stage: str
    done: int
    total: int


@dataclass
class RoundResult:
    sent: int = 0
    received: int = 0
    conflicts: int = 0
    refused: int = 0
    decided: list[int] = field(default_factory=list)
    # Local ids of the applications this round changed here.
    changed: set[int] = field(default_factory=set)
    waiting: int = 0
    files_missing: int = 0


@dataclass(frozen=True)
class _Batch:
    rows: list[OutboxOperation]
    operations: list[Operation]


class SyncEngine:
    """Syncs one local user's work with their account on the server."""

    def __init__(
        self,
        store: Store,
        client: ServerClient,
        user_id: int,
        *,
        progress: Callable[[Progress], None] | None = None,
        page_size: int = 200,
    ) -> None:
        self.store = store
        self.client = client
        self.user_id = user_id
        self._progress = progress or (lambda _p: None)
        self.page_size = page_size

    @contextmanager
    def _unit(self) -> Iterator[Session]:
        with self.store._unit() as session:
            yield session

    def run_once(self) -> RoundResult:
        result = RoundResult()
        self._upload_files()
        self._push(result)
        self._pull(result)
        self._download_files(result)
        with self._unit() as session:
            result.waiting = outbox.waiting_count(session, self.user_id)
        return result

    # Files ----------------------------------------------------------------

    def _upload_files(self) -> None:
        with self._unit() as session:
            rows = session.scalars(
                select(OutboxOperation)
                .where(
                    OutboxOperation.user_id == self.user_id,
                    OutboxOperation.kind == OperationKind.ADD_ATTACHMENT.value,
                )
                .order_by(OutboxOperation.id)
            ).all()
            todo = [
                (row.id, row.payload["sha256"], row.payload.get("media_type", ""))
                for row in rows
                if row.payload.get("sha256") and not row.payload.get("uploaded")
            ]
        files = self.store.attachment_store()
        for done, (row_id, sha256, media_type) in enumerate(todo):
            self._progress(Progress("files", done, len(todo)))
            path = files.path_of(sha256)
            try:
                if not path.is_file():
                    raise ServerRefused("missing", "the file is gone", 0)
                self.client.upload(sha256, path, media_type)
            except ServerRefused as refusal:
                with self._unit() as session:
                    row = session.get(OutboxOperation, row_id)
                    if row is not None:
                        self._refuse(session, row, refusal.code, str(refusal))
                        session.delete(row)
                continue
            with self._unit() as session:
                row = session.get(OutboxOperation, row_id)
                if row is not None:
                    row.payload = {**row.payload, "uploaded": True}

    def _download_files(self, result: RoundResult) -> None:
        files = self.store.attachment_store()
        with self._unit() as session:
            wanted = sorted(
                {
                    sha256
                    for sha256 in session.scalars(select(Attachment.sha256))
                    if sha256
                }
            )
        missing = [s for s in wanted if s and not files.path_of(s).is_file()]
        for done, sha256 in enumerate(missing):
            self._progress(Progress("files", done, len(missing)))
            target = files.path_of(sha256)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                self.client.download(sha256, target)
            except ServerRefused as refusal:
                logger.info("A file could not be downloaded: %s", refusal.code)
                result.files_missing += 1

    # Pushing ----------------------------------------------------------------

    def _push(self, result: RoundResult) -> None:
        while True:
            batch = self._next_batch()
            if not batch.operations:
                return
            self._progress(
                Progress("sending", result.sent, result.sent + len(batch.rows))
            )
            response = self.client.push(batch.operations)
            with self._unit() as session:
                answers = {r.op_id: r for r in response.results}
                for row in batch.rows:
                    answer = answers.get(UUID(row.op_id))
                    stored = session.get(OutboxOperation, row.id)
                    if answer is None or stored is None:
                        continue
                    if answer.status is not OperationStatus.APPLIED:
                        result.changed.add(stored.application_id)
                    self._answered(session, stored, answer, result)
            result.sent += len(batch.rows)

    def _next_batch(self) -> _Batch:
        """The next operations to send, and marks them sent in the database.

        A batch holds one change per text, stops before a submission,
        reapplication or decision (sent alone once what came before is
        answered), and skips texts with an unresolved conflict.
        """
        with self._unit() as session:
            # Take the write lock before reading: an autosave must not change a
            # row between being read here and being marked sent.
            session.execute(
                update(OutboxOperation)
                .where(OutboxOperation.id < 0)
                .values(sent=OutboxOperation.sent)
            )
            held = {
                (c.application_id, c.field)
                for c in session.scalars(select(SyncConflict))
            }
            rows = session.scalars(
                select(OutboxOperation)
                .where(OutboxOperation.user_id == self.user_id)
                .order_by(OutboxOperation.id)
            ).all()
            chosen: list[OutboxOperation] = []
            operations: list[Operation] = []
            fields: set[tuple[int, str]] = set()
            revisions: dict[int, int] = {}
            for row in rows:
                kind = OperationKind(row.kind)
                if row.field is not None:
                    key = (row.application_id, row.field)
                    if key in held:
                        continue
                    if key in fields:
                        break
                    fields.add(key)
                if kind in outbox.FINAL and chosen:
                    break
                operation = self._operation(session, row, kind, revisions)
                if operation is None:
                    continue
                chosen.append(row)
                operations.append(operation)
                row.sent = True
                if kind in outbox.FINAL or len(chosen) >= MAX_OPERATIONS:
                    break
            return _Batch(chosen, operations)

    def _operation(
        self,
        session: Session,
        row: OutboxOperation,
        kind: OperationKind,
        revisions: dict[int, int],
    ) -> Operation | None:
        link = session.get(SyncLink, row.application_id)
        if link is None:
            session.delete(row)
            return None
        base: int | None = None
        if kind in TEXT_KINDS and row.field is not None:
            text = session.get(SyncText, (row.application_id, row.field))
            base = text.version if text else 0
        elif kind in ASSESSMENT_KINDS:
            revision = revisions.get(row.application_id, link.assessment_revision)
            if kind is OperationKind.CLAIM:
                revisions[row.application_id] = max(revision, 1)
            else:
                base = revision
                revisions[row.application_id] = revision + 1
        payload = {k: v for k, v in row.payload.items() if k != "uploaded"}
        return _operation.validate_python(
            {
                "op_id": row.op_id,
                "kind": kind.value,
                "application": link.uid,
                "base_version": base,
                "payload": payload,
            }
        )

    def _answered(
        self,
        session: Session,
        row: OutboxOperation,
        answer: OperationResult,
        result: RoundResult,
    ) -> None:
        kind = OperationKind(row.kind)
        if answer.status is OperationStatus.APPLIED:
            self._applied(session, row, kind, answer)
        elif answer.status is OperationStatus.CONFLICT:
            result.conflicts += 1
            self._conflict(session, row, kind, answer)
        else:
            result.refused += 1
            reason = answer.reason.value if answer.reason else Reason.INVALID.value
            self._refuse(
                session,
                row,
                reason,
                answer.message or "",
                [m.model_dump(mode="json") for m in answer.missing],
            )
        session.delete(row)

    def _applied(
        self,
        session: Session,
        row: OutboxOperation,
        kind: OperationKind,
        answer: OperationResult,
    ) -> None:
        version = answer.server_version
        if version is None:
            return
        if kind in TEXT_KINDS and row.field is not None:
            text = session.get(SyncText, (row.application_id, row.field))
            if text is None:
                session.add(
                    SyncText(
                        application_id=row.application_id,
                        field=row.field,
                        version=version,
                    )
                )
            else:
                text.version = version
        elif kind in ASSESSMENT_KINDS:
            link = session.get(SyncLink, row.application_id)
            if link is not None:
                link.assessment_revision = version

    def _conflict(
        self,
        session: Session,
        row: OutboxOperation,
        kind: OperationKind,
        answer: OperationResult,
    ) -> None:
        server = answer.server_payload
        conflicts: list[tuple[str, str, int]] = []
        if isinstance(server, TextConflict) and row.field is not None:
            conflicts.append((row.field, server.text, server.version))
        elif isinstance(server, AssessmentConflict):
            conflicts.extend(self._assessment_conflicts(session, row, server))
            if kind is OperationKind.DECIDE:
                local.undo_decision(session, row.application_id)
        for field_name, theirs, version in conflicts:
            existing = session.scalar(
                select(SyncConflict).where(
                    SyncConflict.application_id == row.application_id,
                    SyncConflict.field == field_name,
                )
            )
            if existing is None:
                session.add(
                    SyncConflict(
                        application_id=row.application_id,
                        field=field_name,
                        theirs=theirs,
                        their_version=version,
                        created_at=self.store.clock(),
                    )
                )
            else:
                existing.theirs, existing.their_version = theirs, version
        # A submission waiting behind a conflict would send the other text.
        waiting_submit = session.scalars(
            select(OutboxOperation).where(
                OutboxOperation.application_id == row.application_id,
                OutboxOperation.kind == OperationKind.SUBMIT.value,
            )
        ).all()
        for submit in waiting_submit:
            session.delete(submit)
            local.undo_submit(session, row.application_id)
            _note_refusal(
                session,
                row.application_id,
                "conflict",
                "An answer was also changed on another device.",
            )

    def _assessment_conflicts(
        self, session: Session, row: OutboxOperation, server: AssessmentConflict
    ) -> Iterator[tuple[str, str, int]]:
        if row.kind != OperationKind.SAVE_VERDICT.value or row.field is None:
            return
        part_key = row.payload.get("part_key")
        theirs = next(
            (v for v in server.assessment.verdicts if v.part_key == part_key), None
        )
        yield (
            row.field,
            local.verdict_text(
                theirs.verdict if theirs else None, theirs.feedback if theirs else ""
            ),
            server.assessment.revision,
        )

    def _refuse(
        self,
        session: Session,
        row: OutboxOperation,
        reason: str,
        message: str,
        missing: list[dict[str, Any]] | None = None,
    ) -> None:
        kind = OperationKind(row.kind)
        if kind is OperationKind.SUBMIT:
            local.undo_submit(session, row.application_id)
        elif kind is OperationKind.DECIDE:
            local.undo_decision(session, row.application_id)
        kept = {k: v for k, v in row.payload.items() if k != "uploaded"}
        _note_refusal(
            session, row.application_id, reason, message, missing, kind.value, kept
        )
        logger.info("The server refused a %s: %s", kind.value, reason)

    # Pulling ----------------------------------------------------------------

    def _pull(self, result: RoundResult) -> None:
        # The first pull of a folder brings old decisions: no news to announce.
        with self._unit() as session:
            row = session.get(Setting, outbox.CURSOR)
            first_pull = not (row and row.value)
        while True:
            with self._unit() as session:
                row = session.get(Setting, outbox.CURSOR)
                cursor = row.value if row else ""
            page = self.client.changes(cursor, self.page_size)
            with self._unit() as session:
                applier = local.Applier(session, self.user_id, notify=not first_pull)
                # A page lists a micro-credential before the applications of it.
                for change in page.changes:
                    if isinstance(change, CredentialChange):
                        local.apply_credential(session, change.payload)
                        session.flush()
                applier.page(
                    [c for c in page.changes if not isinstance(c, CredentialChange)]
                )
                session.merge(Setting(key=outbox.CURSOR, value=page.cursor))
                local.apply_deferred(session, applier)
                result.decided.extend(applier.decided)
                result.changed |= applier.changed
            if any(isinstance(c, CredentialChange) for c in page.changes):
                self.store._credentials.clear()
            result.received += len(page.changes)
            self._progress(Progress("receiving", result.received, 0))
            if not page.more:
                return


def _note_refusal(
    session: Session,
    application_id: int,
    reason: str,
    message: str,
    missing: list[dict[str, Any]] | None = None,
    kind: str = "",
    payload: dict[str, Any] | None = None,
) -> None:
    """Keep the server's refusal on the application until its owner reads it."""
    link = session.get(SyncLink, application_id)
    if link is None:
        return
    items = list((link.refusal or {}).get("items", []))
    items.append(
        {
            "kind": kind,
            "reason": reason,
            "message": message,
            "missing": missing or [],
            "payload": payload or {},
        }
    )
    link.refusal = {"items": items[-20:]}


def clear_server_state(session: Session) -> None:
    """Forget the outbox, conflicts and cursor: a new account starts afresh."""
    session.execute(delete(OutboxOperation))
    session.execute(delete(SyncConflict))
    session.execute(delete(Setting).where(Setting.key == outbox.CURSOR))
