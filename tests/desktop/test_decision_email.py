"""A denial through the server reaches the educator's inbox; its link opens it.

A real server on 127.0.0.1 sends through a real SMTP server (aiosmtpd); the
link from the e-mail goes to a second ``insignia`` process, which hands it to
the running window: the denied application opens there, with its banners.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from desktop import app
from desktop.main_window import MainWindow
from desktop.secrets import KeyringUnavailable, save_token
from desktop.tasks import wait_for_background
from desktop.views.application import ApplicationPage
from desktop.widgets.attention_banner import AttentionBanner
from model.assessing import AssessorDesk
from model.enums import Role, Status, Verdict
from model.store import Store
from model.sync.account import Account as SyncAccount
from model.sync.account import connect
from model.sync.client import ServerClient
from model.sync.engine import SyncEngine
from tests.desktop.test_links import SECOND_START_MS, insignia, wait_for_exit
from tests.server.conftest import Account, RunningServer, start_server, stop_server
from tests.server.test_mail import SmtpServer
from tests.sync.test_round_trip import credential_in, fill_store

LINK = re.compile(r"insignia://applications/[0-9a-f-]{36}")
FEEDBACK = "Show what your students did with the feedback."


@pytest.fixture
def mailing(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[RunningServer, SmtpServer]]:
    smtp = SmtpServer()
    smtp.start()
    data_dir = tmp_path_factory.mktemp("mail-server")
    server = start_server(
        "sqlite",
        f"sqlite:///{data_dir / 'insignia-server.db'}",
        data_dir,
        smtp.environment,
    )
    try:
        yield server, smtp
    finally:
        stop_server(server)
        smtp.stop()


def sign_in(folder: Path, server: RunningServer, account: Account) -> Store:
    """A data folder connected to ``account``, its token kept for this run."""
    folder.mkdir()
    store = Store(folder)
    connect(
        store,
        SyncAccount(server.base_url, account.username),
        Role(account.role),
        account.username,
    )
    # Without a keyring the token is kept for this process: enough here.
    with contextlib.suppress(KeyringUnavailable):
        save_token(f"{account.username}@{server.base_url}", account.token)
    return store


def sync(store: Store, server: RunningServer, account: Account) -> None:
    user = store.user(account.username)
    with ServerClient(server.base_url, account.token) as client:
        SyncEngine(store, client, user.id).run_once()


def sync_status(window: MainWindow) -> str:
    button = window.findChild(QToolButton, "syncStatus")
    assert button is not None
    return button.text()


def test_the_link_in_a_denial_email_opens_the_denied_application(
    qtbot: QtBot, tmp_path: Path, mailing: tuple[RunningServer, SmtpServer]
) -> None:
    server, smtp = mailing
    address = f"teacher-{secrets.token_hex(3)}@school.example"
    educator = server.user("educator", email=address)
    assessor = server.user("assessor")

    folder = tmp_path / "educator"
    store = sign_in(folder, server, educator)
    sync(store, server, educator)
    draft = store.start_application(
        store.user(educator.username).id, credential_in(store).id
    )
    fill_store(store, draft)
    store.submit(draft)
    sync(store, server, educator)
    code = store.application(draft).code
    store.close()

    desk_store = sign_in(tmp_path / "assessor", server, assessor)
    try:
        sync(desk_store, server, assessor)
        desk = AssessorDesk(desk_store, desk_store.user(assessor.username))
        (row,) = [r for r in desk.queue() if r.code == code]
        record = desk.open_for_assessment(row.application_id)
        revision = record.revision
        for part in record.credential.parts:
            needs = part.key == "reflection"
            revision = desk.save_verdict(
                row.application_id,
                part.id,
                Verdict.NEEDS_ATTENTION if needs else Verdict.MEETS,
                FEEDBACK if needs else "",
                revision,
            )
        assert desk.decide(row.application_id, revision) is Status.DENIED
        sync(desk_store, server, assessor)
    finally:
        desk_store.close()

    message = smtp.inbox.wait_for(address)
    body = message.get_body(("plain",))
    assert body is not None
    (link,) = set(LINK.findall(body.get_content()))

    lock = app.lock_data_folder(folder)
    assert lock is not None
    window = app.create_window(folder)
    links = app.listen_for_links(folder, window)
    try:
        window.show()
        qtbot.waitExposed(window)
        window.sync.sync_now()
        qtbot.waitUntil(lambda: sync_status(window) == "Synced", timeout=15_000)
        second = insignia("--data-dir", str(folder), link)
        try:
            qtbot.waitUntil(
                lambda: isinstance(window.current_page(), ApplicationPage),
                timeout=SECOND_START_MS,
            )
        finally:
            errors = wait_for_exit(qtbot, second)
        assert second.returncode == 0, errors
        page = window.current_page()
        assert isinstance(page, ApplicationPage)
        assert page.record is not None and page.record.status is Status.DENIED
        banners = page.findChildren(AttentionBanner, "attentionBanner")
        assert [b.feedback for b in banners] == [FEEDBACK]
    finally:
        links.close()
        window.close()
        wait_for_background()
        lock.unlock()
