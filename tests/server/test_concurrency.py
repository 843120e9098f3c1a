"""Concurrent writers on PostgreSQL while a client pulls: no change is skipped.

Each writer changes applications in transactions that stay open a random
moment after they wrote, so transactions commit in another order than they
took their ids. A cursor on the plain id would move past a row whose
transaction had not committed yet, and never serve it.
"""

from __future__ import annotations

import random
import threading
import time
import uuid

from sqlalchemy import select

from model.entities import Application
from model.sync_protocol import (
    ApplicationChange,
    ChangeKind,
    ChangePage,
    OperationKind,
    StartApplication,
    StartApplicationOp,
)
from server.changes import record_change
from tests.server.conftest import RunningServer
from tests.server.helpers import CODE, push

WRITERS = 8
APPLICATIONS_PER_WRITER = 8
# Every application changes twice: half of all changes are an application's
# last, the one a skipping cursor would lose for good.
ROUNDS = 3


def test_no_change_is_skipped_while_writers_commit_out_of_order(
    postgres_server: RunningServer,
) -> None:
    server = postgres_server
    educator = server.user("educator")
    with server.client(educator) as client:
        push(client, *(_start_op() for _ in range(WRITERS * APPLICATIONS_PER_WRITER)))
    db = server.database()
    with db.reading() as session:
        ids = sorted(
            session.scalars(
                select(Application.id).where(Application.educator_id == educator.id)
            )
        )
    assert len(ids) == WRITERS * APPLICATIONS_PER_WRITER

    final: dict[int, int] = {}
    failures: list[BaseException] = []
    writing = threading.Event()
    writing.set()

    def write(own: list[int], seed: int) -> None:
        rng = random.Random(seed)
        try:
            order = own * ROUNDS
            rng.shuffle(order)
            for application_id in order:
                with db.writing() as session:
                    session.execute(
                        select(Application.id)
                        .where(Application.id == application_id)
                        .with_for_update()
                    )
                    version = record_change(
                        session, ChangeKind.APPLICATION, application_id
                    )
                    time.sleep(rng.uniform(0, 0.04))
                final[application_id] = version
        except BaseException as error:
            failures.append(error)

    seen: dict[int, int] = {}
    pulls = 0

    def pull(cursor: str) -> tuple[str, bool]:
        nonlocal pulls
        response = client.get(
            "/api/v1/sync/changes", params={"cursor": cursor, "limit": 50}
        )
        assert response.status_code == 200, response.text
        page = ChangePage.model_validate(response.json())
        for change in page.changes:
            if isinstance(change, ApplicationChange):
                assert change.version >= seen.get(change.id, 0)
                seen[change.id] = change.version
        pulls += 1
        return page.cursor, page.more

    with server.client(educator) as client:
        cursor, more = pull("")
        while more:
            cursor, more = pull(cursor)
        writers = [
            threading.Thread(target=write, args=(ids[i::WRITERS], i))
            for i in range(WRITERS)
        ]
        for thread in writers:
            thread.start()
        while any(thread.is_alive() for thread in writers):
            cursor, _ = pull(cursor)
        for thread in writers:
            thread.join()
        assert not failures, failures
        more = True
        while more:
            cursor, more = pull(cursor)

    assert pulls > 10, "the client should pull while the writers write"
    assert {i: seen[i] for i in final} == final


def _start_op() -> StartApplicationOp:
    return StartApplicationOp(
        op_id=uuid.uuid4(),
        application=uuid.uuid4(),
        kind=OperationKind.START_APPLICATION,
        payload=StartApplication(credential_code=CODE, credential_version=1),
    )
