"""How fast a desktop syncs with a server that holds many applications.

    python -m bench.sync --applications 10000

Starts a real ``insignia-server`` on 127.0.0.1 (SQLite in a new folder, or
the database given with --database-url), writes that many applications of
one educator, with their answers, straight into its database, then
measures, in this one run and on this machine:

- the baseline, ``raw_s``: every page of that educator's change feed
  fetched over loopback with httpx, the bytes read and nothing parsed;
- ``pull_s``: a new data folder's first round (``SyncEngine.run_once``),
  the same pages parsed and written to its database;
- ``noop_ms``: a round with nothing to do on that folder (median);
- ``p50_ms``, ``p99_ms``, ``errors``: many clients, each on its own
  connection, syncing at the same moment with nothing to do (one request
  for the end of the feed), in several waves: the morning every desktop
  starts, or a server back after a restart.

It prints a table and, last, one JSON line with the figures. ``--profile``
also prints where the first round spends its time.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import pstats
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent
API = "/api/v1"
TARGETS = {
    "pull_s": "≤ 2× raw_s",
    "noop_ms": "≤ 50 ms",
    "p50_ms": "",
    "p99_ms": "≤ 250 ms",
    "errors": "0",
}
CURSOR = re.compile(rb'^\{"cursor":"([0-9.]+)"')
PROFILED = r"(model|sqlalchemy/orm/session|pydantic/main|httpx/_client)"
SERVED = re.compile(r"GET /api/v1/sync/changes 200 ([0-9.]+)ms")


@dataclass(frozen=True)
class Server:
    base_url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass(frozen=True)
class Seeded:
    username: str
    token: str
    applications: int
    changes: int


# The server -----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(database_url: str, folder: Path) -> Server:
    """``insignia-server serve`` on a free port, once it answers."""
    port = free_port()
    log_path = folder / "server.log"
    env = {
        **os.environ,
        "INSIGNIA_DATA_DIR": str(folder),
        "INSIGNIA_ARGON2_TIME_COST": "1",
        "INSIGNIA_ARGON2_MEMORY_KIB": "1024",
    }
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                str(BIN / "insignia-server"),
                "serve",
                "--database-url",
                database_url,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log_path)
    deadline = time.monotonic() + 60
    with httpx.Client(base_url=server.base_url, timeout=2, verify=False) as client:
        while True:
            if process.poll() is not None:
                raise RuntimeError(log_path.read_text(errors="replace"))
            try:
                if client.get("/openapi.json").is_success:
                    return server
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                server.stop()
                raise RuntimeError("the server did not start")
            time.sleep(0.1)


def _answer(words: int, seed: int) -> str:
    """An answer of ``words`` words, different for each application."""
    return " ".join(f"evidence{(seed + i * 7) % 997}" for i in range(words))


def seed(database_url: str, count: int) -> Seeded:
    """The catalog, one educator with a token, and ``count`` applications.

    Written in bulk, as the server's own operations would have left them:
    each application with its uid, every answer with its text version, a
    link as evidence, and its one row in the change feed.
    """
    from sqlalchemy import insert, select, text
    from sqlalchemy.orm import selectinload

    from model.catalog import SAMPLE_CATALOG, read_catalog
    from model.entities import (
        Answer,
        Application,
        Attachment,
        MicroCredential,
        Part,
        Role,
        Status,
    )
    from model.sync_protocol import ChangeKind
    from server.accounts import create_user, issue_token
    from server.catalog import publish
    from server.database import Database
    from server.entities import ApplicationUid, SyncChange, TextVersion
    from server.payloads import answer_field
    from server.security import Passwords

    db = Database(database_url)
    try:
        db.upgrade()
        with db.writing() as session:
            publish(session, read_catalog(SAMPLE_CATALOG))
            username = "bench-educator"
            educator = create_user(
                session,
                Passwords(time_cost=1, memory_kib=1024),
                username,
                secrets.token_urlsafe(16),
                Role.EDUCATOR,
                "Bench Educator",
            )
            token, _ = issue_token(session, educator.id, timedelta(days=1))
            credentials = session.scalars(
                select(MicroCredential).options(
                    selectinload(MicroCredential.parts).selectinload(Part.questions)
                )
            ).all()
            educator_id = educator.id

        start = datetime(2026, 1, 5, 9, 0)
        with db.writing() as session:
            txid = (
                session.scalar(text("SELECT pg_current_xact_id()::text::bigint"))
                if db.is_postgresql
                else 0
            )
            for first in range(0, count, 1000):
                numbers = range(first, min(first + 1000, count))
                chosen = [credentials[n % len(credentials)] for n in numbers]
                rows = []
                for n, credential in zip(numbers, chosen, strict=True):
                    created = start + timedelta(minutes=n)
                    submitted = n % 3 == 0
                    rows.append(
                        {
                            "code": f"MC-B{n:07d}",
                            "credential_id": credential.id,
                            "educator_id": educator_id,
                            "attempt": 1,
                            "status": Status.SUBMITTED if submitted else Status.DRAFT,
                            "created_at": created,
                            "updated_at": created,
                            "submitted_at": created if submitted else None,
                            "decision_due": (
                                (created + timedelta(days=20)).date()
                                if submitted
                                else None
                            ),
                            "confirm_ready": submitted,
                            "confirm_disclosure": submitted,
                            "confirm_own_work": submitted,
                            "resubmission_note": "",
                        }
                    )
                ids = list(
                    session.scalars(
                        insert(Application).returning(
                            Application.id, sort_by_parameter_order=True
                        ),
                        rows,
                    )
                )
                uids, answers, versions, links, changes = [], [], [], [], []
                for n, application_id, credential in zip(
                    numbers, ids, chosen, strict=True
                ):
                    created = start + timedelta(minutes=n)
                    uids.append({"application_id": application_id, "uid": uuid.uuid4()})
                    questions = [q for p in credential.parts for q in p.questions]
                    for question in questions:
                        answers.append(
                            {
                                "application_id": application_id,
                                "question_id": question.id,
                                "text": _answer(question.min_words + 20, n),
                                "updated_at": created,
                            }
                        )
                        versions.append(
                            {
                                "application_id": application_id,
                                "field": answer_field(question.id),
                                "version": 1,
                            }
                        )
                    evidence = next(p for p in credential.parts if p.evidence_required)
                    links.append(
                        {
                            "application_id": application_id,
                            "part_id": evidence.id,
                            "filename": "Lesson video",
                            "url": f"https://example.org/lessons/{n}",
                            "size": 0,
                            "media_type": "text/uri-list",
                            "added_at": created,
                        }
                    )
                    changes.append(
                        {
                            "kind": ChangeKind.APPLICATION.value,
                            "entity_id": application_id,
                            "version": 2 + len(questions),
                            "txid": txid,
                        }
                    )
                session.execute(insert(ApplicationUid), uids)
                session.execute(insert(Answer), answers)
                session.execute(insert(TextVersion), versions)
                session.execute(insert(Attachment), links)
                session.execute(insert(SyncChange), changes)
        return Seeded(username, token, count, count + len(credentials))
    finally:
        db.close()


# Measures ---------------------------------------------------------------------


def raw_pull(base_url: str, token: str, page_size: int) -> tuple[float, int, str]:
    """Seconds to read every page, the bytes read and the last cursor.

    Only the cursor at the start of a page and ``"more"`` at its end are
    looked at, to ask for the next page.
    """
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(
        base_url=base_url + API, headers=headers, timeout=120, verify=False
    ) as client:
        cursor, read = "", 0
        began = time.perf_counter()
        while True:
            response = client.get(
                "/sync/changes", params={"cursor": cursor, "limit": page_size}
            )
            body = response.content
            if response.status_code != 200:
                raise RuntimeError(f"the feed answered {response.status_code}")
            read += len(body)
            match = CURSOR.match(body)
            if match is None:
                raise RuntimeError("a page without a cursor")
            cursor = match.group(1).decode()
            if not body.endswith(b'"more":true}'):
                return time.perf_counter() - began, read, cursor


def first_pull(
    base_url: str, seeded: Seeded, folder: Path, page_size: int, profile: bool
) -> tuple[float, list[float], str]:
    """Seconds for a new folder's first round, no-op rounds in ms, a profile."""
    from model.enums import Role
    from model.store import Store
    from model.sync.account import Account, connect
    from model.sync.client import ServerClient
    from model.sync.engine import SyncEngine

    store = Store(folder)
    try:
        user = connect(
            store, Account(base_url, seeded.username), Role.EDUCATOR, "Bench Educator"
        )
        with ServerClient(base_url, seeded.token, timeout=120) as client:
            engine = SyncEngine(store, client, user.id, page_size=page_size)
            profiler = cProfile.Profile() if profile else None
            began = time.perf_counter()
            if profiler is not None:
                profiler.enable()
            result = engine.run_once()
            if profiler is not None:
                profiler.disable()
            pull_s = time.perf_counter() - began
            if result.received != seeded.changes:
                raise RuntimeError(f"received {result.received} of {seeded.changes}")
            noops = []
            for _ in range(7):
                began = time.perf_counter()
                if engine.run_once().received:
                    raise RuntimeError("a round with nothing to do received changes")
                noops.append((time.perf_counter() - began) * 1000)
    finally:
        store.close()
    report = ""
    if profiler is not None:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
        stats.print_stats(PROFILED, 40)
        report = out.getvalue()
    return pull_s, noops, report


async def _client(
    base_url: str,
    token: str,
    cursor: str,
    waves: int,
    barrier: asyncio.Barrier,
    latencies: list[float],
    errors: list[str],
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    params: dict[str, str | int] = {"cursor": cursor, "limit": 200}
    async with httpx.AsyncClient(
        base_url=base_url + API, headers=headers, timeout=30, verify=False
    ) as client:
        # A connected desktop: its connection is open before the wave. Every
        # client goes on to the barrier, so that one failure stops no wave.
        try:
            await client.get("/sync/changes", params=params)
        except httpx.HTTPError as error:
            errors.append(type(error).__name__)
        for _ in range(waves):
            await barrier.wait()
            began = time.perf_counter()
            try:
                response = await client.get("/sync/changes", params=params)
                if response.status_code != 200 or b'"changes":[]' not in (
                    response.content
                ):
                    errors.append(str(response.status_code))
            except httpx.HTTPError as error:
                errors.append(type(error).__name__)
            latencies.append((time.perf_counter() - began) * 1000)
            await barrier.wait()


async def _crowd(
    base_url: str, token: str, cursor: str, clients: int, waves: int
) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    barrier = asyncio.Barrier(clients)
    await asyncio.wait_for(
        asyncio.gather(
            *(
                _client(base_url, token, cursor, waves, barrier, latencies, errors)
                for _ in range(clients)
            )
        ),
        timeout=300,
    )
    return latencies, errors


def crowd(
    base_url: str, token: str, cursor: str, clients: int, waves: int
) -> tuple[list[float], list[str]]:
    """Request latencies (ms) and errors of ``clients`` syncing at once."""
    return asyncio.run(_crowd(base_url, token, cursor, clients, waves))


def server_times(log_path: Path, offset: int) -> list[float]:
    """Milliseconds the server spent on each feed request logged after ``offset``."""
    with log_path.open("rb") as log:
        log.seek(offset)
        lines = log.read().decode(errors="replace").splitlines()
    return [
        float(match.group(1))
        for line in lines
        if (match := SERVED.search(line)) is not None
    ]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# The run -----------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--waves", type=int, default=5)
    parser.add_argument(
        "--page-size", type=int, default=200, help="the engine's (default 200)"
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="an empty PostgreSQL database (default: SQLite in a new folder)",
    )
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="insignia-bench-sync-"))
    database_url = args.database_url or f"sqlite:///{folder / 'server.db'}"
    began = time.perf_counter()
    seeded = seed(database_url, args.applications)
    print(
        f"seeded {seeded.applications} applications"
        f" in {time.perf_counter() - began:.1f} s"
    )
    server = start_server(database_url, folder)
    try:
        warm_s, size, cursor = raw_pull(server.base_url, seeded.token, args.page_size)
        pull_s, noops, report = first_pull(
            server.base_url, seeded, folder / "desktop", args.page_size, args.profile
        )
        raw_s, _, _ = raw_pull(server.base_url, seeded.token, args.page_size)
        raw_s = min(raw_s, warm_s)
        logged = server.log_path.stat().st_size
        latencies, errors = crowd(
            server.base_url, seeded.token, cursor, args.clients, args.waves
        )
    finally:
        server.stop()
    served = server_times(server.log_path, logged)
    shutil.rmtree(folder, ignore_errors=True)

    figures: dict[str, float] = {
        "pull_s": pull_s,
        "raw_s": raw_s,
        "noop_ms": statistics.median(noops),
        "p50_ms": percentile(latencies, 0.50),
        "p99_ms": percentile(latencies, 0.99),
        "errors": len(errors),
    }
    if report:
        print(report)
    print(
        f"feed: {seeded.changes} changes, {size / 1e6:.1f} MB in pages of"
        f" {args.page_size}; {args.clients} clients x {args.waves} waves,"
        f" the server spending {statistics.median(served or [0]):.1f} ms"
        f" (median) on each of {len(served)} requests"
    )
    print(f"{'measure':<24}{'value':>12}  target")
    print(f"{'raw_s (baseline)':<24}{raw_s:>12.3f}")
    for key, target in TARGETS.items():
        decimals = 0 if key == "errors" else 3
        print(f"{key:<24}{figures[key]:>12.{decimals}f}  {target}")
    print(f"{'pull / raw':<24}{pull_s / raw_s:>12.2f}  ≤ 2")
    print(json.dumps({k: round(v, 3) for k, v in figures.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
