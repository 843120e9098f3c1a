"""Syncing through failures: lost answers, cut connections, a server that stops.

Every test ends where the user wants to be: nothing lost, nothing applied
twice, and the device holding what the server holds. "Applied once" is
checked on the server's own tables: each local operation is recorded there
under its own id, and moved its application exactly one version on.
"""

from __future__ import annotations

import itertools
import random
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from model.entities import Application, Notification, OutboxOperation, SyncLink
from model.enums import Role, Status, Verdict
from model.store import Store
from model.sync.account import Account as SyncAccount
from model.sync.account import connect
from model.sync.backoff import Backoff
from model.sync.client import Offline, ServerClient
from model.sync.engine import Progress, RoundResult, SyncEngine
from model.sync_protocol import (
    ApplicationChange,
    ApplicationPayload,
    ChangeKind,
    Confirmation,
    ConfirmationChange,
    OperationKind,
    SetConfirmationOp,
    SubmitOp,
)
from server.entities import SyncChange, SyncOperation
from tests.server.conftest import (
    BIN,
    POSTGRES_URL,
    SKIP_POSTGRES,
    Account,
    RunningServer,
    free_port,
    fresh_postgres_database,
    server_environment,
    start_server,
    stop_server,
)
from tests.server.helpers import answer_op, judge, pull_all, push, start, submitted
from tests.server.helpers import fill as fill_on_server
from tests.sync.conftest import Device
from tests.sync.test_round_trip import credential_of, fill, words

CONFIRMATIONS = ("confirm_ready", "confirm_disclosure", "confirm_own_work")
MakeDevice = Callable[[Account], Device]


# What each side holds --------------------------------------------------------


@dataclass(frozen=True)
class Content:
    """What a reader sees of one application, named by catalog keys."""

    code: str
    status: Status
    note: str
    answers: frozenset[tuple[str, str, str]]
    attachments: tuple[tuple[str, str, str | None, str | None], ...]
    confirmations: tuple[bool, bool, bool]


def local_contents(store: Store) -> dict[str, Content]:
    """Every application of the data folder, by the uid the server knows it by."""
    with Session(store.engine) as session:
        links = session.execute(select(SyncLink.uid, SyncLink.application_id)).all()
    contents = {}
    for uid, application_id in links:
        record = store.application(application_id)
        keys = {
            question.id: (part.key, question.key)
            for part in record.credential.parts
            for question in part.questions
        }
        parts = {part.id: part.key for part in record.credential.parts}
        contents[uid] = Content(
            code=record.code,
            status=record.status,
            note=record.resubmission_note,
            answers=frozenset(
                (*keys[question_id], text)
                for question_id, text in record.answers.items()
                if text
            ),
            attachments=tuple(
                sorted(
                    (parts[a.part_id], a.filename, a.sha256, a.url)
                    for a in record.attachments
                )
            ),
            confirmations=(
                record.confirm_ready,
                record.confirm_disclosure,
                record.confirm_own_work,
            ),
        )
    return contents


def server_payloads(
    server: RunningServer, account: Account
) -> dict[str, ApplicationPayload]:
    """Every application ``account`` may see, read afresh from the change feed."""
    with server.client(account) as client:
        changes, _ = pull_all(client, limit=1000)
    return {
        str(c.payload.uid): c.payload
        for c in changes
        if isinstance(c, ApplicationChange)
    }


def server_contents(server: RunningServer, account: Account) -> dict[str, Content]:
    return {
        uid: Content(
            code=payload.code,
            status=payload.status,
            note=payload.resubmission_note.text,
            answers=frozenset(
                (a.part_key, a.question_key, a.text) for a in payload.answers if a.text
            ),
            attachments=tuple(
                sorted(
                    (a.part_key, a.filename, a.sha256, a.url)
                    for a in payload.attachments
                )
            ),
            confirmations=(
                payload.confirm_ready,
                payload.confirm_disclosure,
                payload.confirm_own_work,
            ),
        )
        for uid, payload in server_payloads(server, account).items()
    }


def assert_in_step(device: Device) -> None:
    """The device holds exactly what the server shows its account."""
    assert local_contents(device.store) == server_contents(
        device.server, device.account
    )


def outbox_ids(store: Store) -> set[str]:
    with Session(store.engine) as session:
        return set(session.scalars(select(OutboxOperation.op_id)))


def assert_applied_once(
    server: RunningServer, account: Account, op_ids: set[str]
) -> None:
    """Each operation reached the server once, under its own id, and was applied.

    Every operation made here changes its application, so the versions of
    the account's applications add up to the number of operations: an
    operation applied twice, under any id, would add one more.
    """
    with server.database().reading() as session:
        recorded = session.execute(
            select(SyncOperation.op_id, SyncOperation.result).where(
                SyncOperation.user_id == account.id
            )
        ).all()
        versions = session.scalar(
            select(func.coalesce(func.sum(SyncChange.version), 0))
            .join(Application, Application.id == SyncChange.entity_id)
            .where(
                SyncChange.kind == ChangeKind.APPLICATION.value,
                Application.educator_id == account.id,
            )
        )
    assert {str(op_id) for op_id, _ in recorded} == op_ids
    refused = [result for _, result in recorded if result["status"] != "applied"]
    assert refused == []
    assert versions == len(op_ids)


def assert_files_present(device: Device) -> None:
    files = device.store.attachment_store()
    for content in local_contents(device.store).values():
        for *_, sha256, _url in content.attachments:
            if sha256 is not None:
                assert files.path_of(sha256).is_file(), sha256


# Failing networks ------------------------------------------------------------


class Flaky(httpx.HTTPTransport):
    """Passes ``healthy`` requests on to the server; every later one fails.

    Only requests whose path holds ``only`` count and fail. ``lose_answer``
    false: the request never leaves (the network is gone). True: the server
    gets the request and does its work, but the answer never comes back, as
    when a connection drops mid-response.
    """

    def __init__(
        self, healthy: int = 0, *, lose_answer: bool = False, only: str = ""
    ) -> None:
        super().__init__(verify=False)  # plain HTTP on loopback: no TLS to set up
        self.healthy = healthy
        self.lose_answer = lose_answer
        self.only = only
        self.counted = 0
        self.failed: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.only not in request.url.path:
            return super().handle_request(request)
        self.counted += 1
        if self.counted <= self.healthy:
            return super().handle_request(request)
        self.failed.append(label(request))
        if not self.lose_answer:
            raise httpx.ConnectError("the network is unreachable", request=request)
        response = super().handle_request(request)
        response.read()
        response.close()
        raise httpx.ReadError("the connection dropped", request=request)


def label(request: httpx.Request) -> str:
    """``PUT /attachments``, ``GET /sync/changes``: a request without its values."""
    path = request.url.path.removeprefix("/api/v1")
    if path.startswith("/attachments/"):
        path = "/attachments"
    return f"{request.method} {path}"


class Twice(httpx.HTTPTransport):
    """Sends every push twice, as a proxy retrying on its own would."""

    def __init__(self) -> None:
        super().__init__(verify=False)
        self.first_answers: list[bytes] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/sync/push"):
            return super().handle_request(request)
        first = super().handle_request(request)
        self.first_answers.append(first.read())
        first.close()
        return super().handle_request(request)


def sync_through(
    device: Device,
    transport: httpx.BaseTransport | None = None,
    *,
    address: str = "",
    page_size: int = 200,
    progress: Callable[[Progress], None] | None = None,
) -> RoundResult:
    """One round through ``transport``, at ``address`` (the device's server)."""
    with ServerClient(
        address or device.server.base_url,
        device.account.token,
        timeout=10,
        transport=transport,
    ) as client:
        engine = SyncEngine(
            device.store, client, device.user.id, page_size=page_size, progress=progress
        )
        return engine.run_once()


def assert_clean(result: RoundResult) -> None:
    assert (result.refused, result.conflicts, result.waiting) == (0, 0, 0), result


# Local work ------------------------------------------------------------------


def source(device: Device, name: str, text: str = "") -> Path:
    """A file to attach, beside the device's data folder, unique in content."""
    folder = device.store.data_dir.parent / "sources"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text or f"{name} {uuid.uuid4()}\n", encoding="utf-8")
    return path


def complete_with_file(device: Device, application_id: int, marker: str) -> None:
    """Answer everything, attach a file as the evidence, tick the confirmations."""
    store = device.store
    record = store.application(application_id)
    for part in record.credential.parts:
        for question in part.questions:
            store.save_answer(
                application_id, question.id, words(question.min_words + 3, marker)
            )
        if part.evidence_required:
            store.add_attachment(
                application_id, part.id, source(device, f"{marker}-{part.key}.txt")
            )
    for name in CONFIRMATIONS:
        store.set_confirmation(application_id, name, True)


def synced_educator(make_device: MakeDevice, account: Account) -> Device:
    device = make_device(account)
    device.sync()
    return device


# A push whose answer is lost -------------------------------------------------


def test_a_push_whose_answer_was_lost_is_applied_once_when_sent_again(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    device = synced_educator(make_device, sync_server.user("educator"))
    store = device.store
    draft = store.start_application(device.user.id, credential_of(device).id)
    first_ops = outbox_ids(store)
    assert_clean(device.sync())

    record = store.application(draft)
    question = record.credential.parts[0].questions[0]
    evidence_part = next(p for p in record.credential.parts if p.evidence_required)
    store.save_answer(draft, question.id, "Written on the train.")
    store.add_attachment(draft, evidence_part.id, source(device, "plan.txt"))
    waiting = outbox_ids(store)

    lost = Flaky(lose_answer=True, only="/sync/push")
    with pytest.raises(Offline):
        sync_through(device, lost)
    assert lost.failed == ["POST /sync/push"]
    # The server did the work; the device does not know it yet.
    assert outbox_ids(store) == waiting
    (payload,) = server_payloads(sync_server, device.account).values()
    assert [a.text for a in payload.answers] == ["Written on the train."]
    assert [a.version for a in payload.answers] == [1]

    assert_clean(device.sync())
    (payload,) = server_payloads(sync_server, device.account).values()
    assert [a.version for a in payload.answers] == [1]
    assert len(payload.attachments) == 1

    complete_with_file(device, draft, "final")
    store.submit(draft)
    before_submit = outbox_ids(store)
    lost = Flaky(healthy=1, lose_answer=True, only="/sync/push")
    with pytest.raises(Offline):
        sync_through(device, lost)
    # The answers went through; the submission's answer was lost.
    assert lost.failed == ["POST /sync/push"]
    (payload,) = server_payloads(sync_server, device.account).values()
    assert payload.status is Status.SUBMITTED

    result = device.sync()
    assert_clean(result)
    with Session(store.engine) as session:
        link = session.get(SyncLink, draft)
        assert link is not None and link.refusal is None
    assert store.application(draft).status is Status.SUBMITTED
    assert_in_step(device)
    assert_applied_once(
        sync_server, device.account, first_ops | waiting | before_submit
    )


@pytest.mark.parametrize("lose_answer", [False, True], ids=["cut", "answer-lost"])
def test_a_round_failing_at_any_request_finishes_on_the_next(
    sync_server: RunningServer, make_device: MakeDevice, lose_answer: bool
) -> None:
    """Fail the first request of a round, then the second, and so on.

    Each time the device has new work of the same shape: two drafts with an
    evidence file each, pushed in one batch and pulled back a page at a time.
    (A lost submission has a test of its own, above.)
    """
    account = sync_server.user("educator")
    device = synced_educator(make_device, account)
    store = device.store
    credential = credential_of(device)
    question = credential.parts[0].questions[0].id
    evidence_part = credential.parts[1].id
    sent: set[str] = set()
    failures = []

    for healthy in itertools.count():
        for name in ("first", "second"):
            draft = store.start_application(device.user.id, credential.id)
            store.save_answer(draft, question, f"The {name} draft, round {healthy}.")
            store.add_attachment(
                draft, evidence_part, source(device, f"{name}{healthy}.txt")
            )
        sent |= outbox_ids(store)

        flaky = Flaky(healthy, lose_answer=lose_answer)
        try:
            sync_through(device, flaky, page_size=1)
        except Offline:
            failures.extend(flaky.failed)
            assert_clean(sync_through(device, page_size=1))
            assert outbox_ids(store) == set()
        else:
            assert flaky.failed == []
            break

    # Every request of a round failed once: files, the push and the pages.
    assert failures == [
        "PUT /attachments",
        "PUT /attachments",
        "POST /sync/push",
        "GET /sync/changes",
        "GET /sync/changes",
    ]
    assert_in_step(device)
    assert_applied_once(sync_server, account, sent)

    # A second computer of the same educator: rounds that fail later each time
    # until one gets through, while pulling pages and while downloading files.
    other = make_device(account)
    failures = []
    for healthy in itertools.count():
        flaky = Flaky(healthy, lose_answer=lose_answer)
        try:
            result = sync_through(other, flaky, page_size=4)
        except Offline:
            failures.extend(flaky.failed)
            continue
        break
    assert set(failures) == {"GET /sync/changes", "GET /attachments"}
    assert_clean(result)
    assert local_contents(other.store) == local_contents(store)
    assert_files_present(other)


# A cut connection ------------------------------------------------------------


def test_a_cut_connection_loses_no_local_change(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    account = sync_server.user("educator")
    device = synced_educator(make_device, account)
    store = device.store
    draft = store.start_application(device.user.id, credential_of(device).id)
    record = store.application(draft)
    first, second = record.credential.parts[0].questions[:2]
    store.save_answer(draft, first.id, "Before the cut.")
    store.save_note(draft, "A note.")
    store.add_attachment(draft, record.credential.parts[1].id, source(device, "a.txt"))
    waiting = outbox_ids(store)

    with pytest.raises(Offline):
        sync_through(device, Flaky())
    assert outbox_ids(store) == waiting

    # This time the file goes up and the push is what never leaves.
    cut = Flaky(only="/sync/push")
    with pytest.raises(Offline):
        sync_through(device, cut)
    assert cut.failed == ["POST /sync/push"]
    assert outbox_ids(store) == waiting
    assert server_payloads(sync_server, account) == {}

    # Typing goes on while offline: the edit after the cut is kept too.
    store.save_answer(draft, first.id, "After the cut.")
    store.save_answer(draft, second.id, "Another answer.")
    waiting |= outbox_ids(store)
    answers = store.application(draft).answers
    assert answers[first.id] == "After the cut."

    assert_clean(device.sync())
    assert store.application(draft).answers == answers
    assert_in_step(device)
    assert_applied_once(sync_server, account, waiting)
    (payload,) = server_payloads(sync_server, account).values()
    versions = {a.question_key: a.version for a in payload.answers}
    assert versions == {first.key: 2, second.key: 1}


# Typing while a round runs ---------------------------------------------------


def test_an_edit_typed_during_a_pull_survives_a_round_cut_before_its_pull(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    """A server copy that waited behind an edit never writes over the edit."""
    account = sync_server.user("educator")
    laptop = synced_educator(make_device, account)
    credential = credential_of(laptop)
    first, second, third = (q.id for q in credential.parts[0].questions)
    other = laptop.store.start_application(laptop.user.id, credential.id)
    draft = laptop.store.start_application(laptop.user.id, credential.id)
    laptop.store.save_answer(draft, first, "first")
    laptop.sync()
    desktop = synced_educator(make_device, account)
    (here,) = [
        row.id
        for row in desktop.store.dashboard_rows(desktop.user.id)
        if desktop.store.application(row.id).answers
    ]
    laptop.store.save_answer(other, second, "The other draft changes first.")
    laptop.store.save_answer(draft, third, "Then this one.")
    laptop.sync()

    def type_after_the_first_page(progress: Progress) -> None:
        if progress.stage == "receiving" and progress.done == 1:
            desktop.store.save_answer(here, first, "second")

    sync_through(desktop, page_size=1, progress=type_after_the_first_page)
    with pytest.raises(Offline):
        sync_through(desktop, Flaky(only="/sync/changes"))
    assert desktop.store.application(here).answers[first] == "second"

    desktop.store.save_answer(here, first, "third")
    assert desktop.sync().conflicts == 0


def test_an_edit_saved_just_as_a_round_takes_the_outbox_is_sent(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    """An autosave landing while a round takes the outbox is sent, not dropped."""
    account = sync_server.user("educator")
    device = synced_educator(make_device, account)
    store = device.store
    draft = store.start_application(device.user.id, credential_of(device).id)
    question = credential_of(device).parts[0].questions[0].id
    store.save_answer(draft, question, "Typed before the sync.")
    typed: list[str] = []

    def autosave_first(*args: Any) -> None:
        # The window's autosave, landing between the engine's read and write.
        statement = args[2]
        if statement.startswith("UPDATE sync_outbox SET sent") and not typed:
            typed.append(statement)
            store.save_answer(draft, question, "Typed as the sync began.")

    event.listen(store.engine, "before_cursor_execute", autosave_first)
    try:
        assert_clean(device.sync())
    finally:
        event.remove(store.engine, "before_cursor_execute", autosave_first)
    assert typed
    assert_clean(device.sync())
    assert store.application(draft).answers[question] == "Typed as the sync began."
    assert_in_step(device)


# What a round costs ----------------------------------------------------------


def statements_of_a_round(device: Device) -> int:
    """How many SQL statements a round runs on the device's database."""
    count = 0

    def counted(*_args: Any) -> None:
        nonlocal count
        count += 1

    event.listen(device.store.engine, "before_cursor_execute", counted)
    try:
        assert_clean(device.sync())
    finally:
        event.remove(device.store.engine, "before_cursor_execute", counted)
    return count


def test_a_round_with_nothing_to_do_costs_the_same_with_more_applications(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    """Applications made on another computer, as a new folder's first pull has."""
    account = sync_server.user("educator")
    laptop = synced_educator(make_device, account)
    desktop = synced_educator(make_device, account)
    credential = credential_of(laptop).id

    def add(count: int) -> None:
        for _ in range(count):
            laptop.store.start_application(laptop.user.id, credential)
        assert_clean(laptop.sync())
        assert_clean(desktop.sync())

    add(2)
    with_two = statements_of_a_round(desktop)
    add(6)
    assert statements_of_a_round(desktop) == with_two


# Waiting between rounds ------------------------------------------------------


def test_the_wait_after_a_long_outage_stays_at_the_cap() -> None:
    """A weekend offline with the window open: a thousand failures and more."""
    backoff = Backoff(rng=random.Random(7))
    delays = [backoff.next_delay() for _ in range(1100)]
    assert max(delays) <= backoff.cap
    assert min(delays[10:]) >= backoff.cap / 2


# A push repeated -------------------------------------------------------------


def test_a_push_sent_twice_is_applied_once(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    account = sync_server.user("educator")
    device = synced_educator(make_device, account)
    store = device.store
    draft = store.start_application(device.user.id, credential_of(device).id)
    fill(device, draft)
    store.add_attachment(
        draft, credential_of(device).parts[1].id, source(device, "plan.txt")
    )
    store.submit(draft)
    sent = outbox_ids(store)

    twice = Twice()
    assert_clean(sync_through(device, twice))
    # The engine pushed a batch, then the submission alone, each twice.
    assert len(twice.first_answers) == 2
    assert store.application(draft).status is Status.SUBMITTED
    assert_in_step(device)
    assert_applied_once(sync_server, account, sent)


# A server that stops between two pages ---------------------------------------


@dataclass
class ServerProcess:
    """Another ``insignia-server`` process serving the same database."""

    base_url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + 30
        with httpx.Client(base_url=self.base_url, timeout=1, verify=False) as client:
            while True:
                if self.process.poll() is not None:
                    raise RuntimeError(self.log_path.read_text(errors="replace"))
                try:
                    if client.get("/openapi.json").is_success:
                        return
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("the second server process did not start")
                time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def second_process(sync_server: RunningServer) -> Iterator[ServerProcess]:
    """A second server process on the session's database, started meanwhile."""
    port = free_port()
    log_path = sync_server.data_dir / f"server-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                str(BIN / "insignia-server"),
                "serve",
                "--database-url",
                sync_server.database_url,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=server_environment(sync_server.data_dir),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    second = ServerProcess(f"http://127.0.0.1:{port}", process, log_path)
    yield second
    second.stop()


def test_the_server_stopping_between_two_pages_of_a_pull(
    sync_server: RunningServer, make_device: MakeDevice, second_process: ServerProcess
) -> None:
    """The server process stops after the first page; another one serves the rest."""
    account = sync_server.user("educator")
    writer = synced_educator(make_device, account)
    credential = credential_of(writer).id
    for number in range(12):
        draft = writer.store.start_application(writer.user.id, credential)
        question = credential_of(writer).parts[0].questions[0]
        writer.store.save_answer(draft, question.id, f"Draft {number}.")
    assert_clean(writer.sync())

    reader = make_device(account)
    second_process.wait_until_up()

    def stop_after_the_first_page(progress: Progress) -> None:
        if progress.stage == "receiving" and second_process.process.poll() is None:
            second_process.stop()

    with pytest.raises(Offline):
        sync_through(
            reader,
            address=second_process.base_url,
            page_size=5,
            progress=stop_after_the_first_page,
        )
    # The first page held five of the six micro-credentials, which come first.
    assert len(reader.store.credentials()) == 5
    assert local_contents(reader.store) == {}

    draft = writer.store.start_application(writer.user.id, credential)
    writer.store.save_note(draft, "Written while the reader was away.")
    assert_clean(writer.sync())

    result = sync_through(reader, page_size=5)
    assert_clean(result)
    assert result.received == 1 + 13
    assert len(reader.store.credentials()) == 6
    assert_in_step(reader)
    assert local_contents(reader.store) == local_contents(writer.store)
    assert sync_through(reader, page_size=5).received == 0


def test_a_first_pull_of_many_pages_announces_no_decision(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    """Decisions made before the folder was connected are not news to it."""
    educator = sync_server.user("educator")
    assessor = sync_server.user("assessor")
    meets = {key: (Verdict.MEETS, "") for key in ("overview", "evidence", "reflection")}
    for _ in range(2):
        judge(sync_server, assessor, submitted(sync_server, educator), meets)

    device = make_device(educator)
    # Six micro-credentials take the first three pages; the decisions come after.
    result = sync_through(device, page_size=2)
    assert len(local_contents(device.store)) == 2
    with Session(device.store.engine) as session:
        notifications = session.scalars(select(Notification)).all()
    assert (result.decided, notifications) == ([], [])


# A week offline --------------------------------------------------------------


def test_a_week_of_offline_work_arrives_whole_in_one_sync(
    sync_server: RunningServer, make_device: MakeDevice
) -> None:
    """Three drafts started offline, worked on every day, one of them submitted."""
    account = sync_server.user("educator")
    laptop = synced_educator(make_device, account)
    store = laptop.store
    drafts = [
        store.start_application(laptop.user.id, c.id) for c in store.credentials()[:3]
    ]
    to_submit = drafts[0]

    for day in range(1, 8):
        for number, draft in enumerate(drafts):
            record = store.application(draft)
            if not record.editable:
                continue
            # A part a day, so that by the fifth every part has its answers.
            for question in record.credential.parts[day % 3].questions:
                text = words(question.min_words + day, f"d{day}")
                store.save_answer(draft, question.id, text)
            store.save_note(draft, f"Day {day}: what changed in draft {number}.")
            evidence_part = record.credential.parts[1]
            store.add_attachment(
                draft, evidence_part.id, source(laptop, f"day{day}-{number}.txt")
            )
            if day == 2:
                store.add_link(
                    draft, evidence_part.id, f"https://example.org/{number}", "Video"
                )
            if day == 3:
                first_file = next(a for a in record.attachments if a.sha256)
                store.remove_attachment(draft, first_file.id)
            if day == 4:
                store.set_confirmation(draft, "confirm_ready", True)
        if day == 5:
            for name in CONFIRMATIONS:
                store.set_confirmation(to_submit, name, True)
            store.submit(to_submit)

    sent = outbox_ids(store)
    assert len(sent) > 50
    assert_clean(laptop.sync())
    assert store.application(to_submit).status is Status.SUBMITTED
    assert_in_step(laptop)
    assert_applied_once(sync_server, account, sent)
    payloads = server_payloads(sync_server, account)
    assert {p.resubmission_note.version for p in payloads.values()} == {1}
    assert {a.version for p in payloads.values() for a in p.answers} == {1}
    assert sorted(len(p.attachments) for p in payloads.values()) == [5, 7, 7]

    desktop = make_device(account)
    assert_clean(desktop.sync())
    assert local_contents(desktop.store) == local_contents(store)
    assert_files_present(desktop)


# Concurrent writers on PostgreSQL --------------------------------------------


@pytest.fixture(scope="module")
def postgres_sync_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningServer]:
    if not POSTGRES_URL:
        pytest.skip(SKIP_POSTGRES)
    folder = tmp_path_factory.mktemp("sync-postgres")
    with fresh_postgres_database() as url:
        running = start_server("postgresql", url, folder)
        try:
            yield running
        finally:
            stop_server(running)


def device_on(server: RunningServer, account: Account, folder: Path) -> Device:
    """A data folder connected to ``account`` on a server of the test's own."""
    folder.mkdir(parents=True)
    store = Store(folder)
    user = connect(
        store,
        SyncAccount(server.base_url, account.username),
        Role(account.role),
        account.username.title(),
    )
    return Device(store, user, account, server)


WRITERS_PER_EDUCATOR = 2
APPLICATIONS_PER_WRITER = 3


def write_applications(
    server: RunningServer, account: Account, seed: int, failures: list[BaseException]
) -> None:
    """Start drafts, answer, edit older ones, submit every third: many pushes."""
    rng = random.Random(seed)
    try:
        with server.client(account) as client:
            mine: list[uuid.UUID] = []
            for number in range(APPLICATIONS_PER_WRITER):
                uid = start(client)
                mine.append(uid)
                if number % 3 == 0:
                    fill_on_server(client, uid, f"w{seed}n{number}")
                    push(client, submit_op(uid))
                    continue
                push(client, answer_op(uid, "overview", "context", f"s{seed}", 0))
                older = rng.choice(mine)
                push(client, confirmation_op(older))
    except BaseException as error:
        failures.append(error)


def submit_op(uid: uuid.UUID) -> Any:
    return SubmitOp(op_id=uuid.uuid4(), application=uid, kind=OperationKind.SUBMIT)


def confirmation_op(uid: uuid.UUID) -> Any:
    return SetConfirmationOp(
        op_id=uuid.uuid4(),
        application=uid,
        kind=OperationKind.SET_CONFIRMATION,
        payload=ConfirmationChange(name=Confirmation.READY, value=True),
    )


def test_devices_pulling_while_many_write_on_postgresql_miss_nothing(
    postgres_sync_server: RunningServer, tmp_path: Path
) -> None:
    server = postgres_sync_server
    educators = [server.user("educator") for _ in range(2)]
    assessor = server.user("assessor")
    readers = [
        device_on(server, educators[0], tmp_path / "educator"),
        device_on(server, assessor, tmp_path / "assessor"),
    ]
    failures: list[BaseException] = []
    writers = [
        threading.Thread(
            target=write_applications, args=(server, account, seed, failures)
        )
        for seed, account in enumerate(educators * WRITERS_PER_EDUCATOR)
    ]
    try:
        for writer in writers:
            writer.start()
        rounds = 0
        while any(w.is_alive() for w in writers):
            for reader in readers:
                sync_through(reader, page_size=3)
            rounds += 1
        for writer in writers:
            writer.join()
        assert failures == []
        assert rounds > 1, "the devices never pulled while the writers wrote"

        for reader in readers:
            sync_through(reader, page_size=3)
            assert_in_step(reader)
        mine = local_contents(readers[0].store)
        assert len(mine) == WRITERS_PER_EDUCATOR * APPLICATIONS_PER_WRITER
        submitted = local_contents(readers[1].store)
        assert len(submitted) == len(educators) * WRITERS_PER_EDUCATOR
        assert {c.status for c in submitted.values()} == {Status.SUBMITTED}
    finally:
        for reader in readers:
            reader.store.close()
