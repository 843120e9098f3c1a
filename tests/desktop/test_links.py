"""Links open the application, in the Insignia already open when there is one."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import app
from desktop.links import (
    ApplicationLink,
    LinkServer,
    NotALink,
    hand_over,
    parse_link,
    server_name,
)
from desktop.main_window import MainWindow
from desktop.tasks import wait_for_background
from model.database import DATABASE_NAME
from model.demo import seed_demo
from model.store import Store

ROOT = Path(__file__).resolve().parents[2]
DESKTOP_FILE = ROOT / "desktop" / "resources" / "insignia.desktop"
UID = "0f8fad5b-d9cb-469f-a165-70867728950e"
# A later start imports Qt and Insignia before it hands its link over.
SECOND_START_MS = 30_000


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("insignia://applications/42", ApplicationLink(application_id=42)),
        ("insignia://applications/42/", ApplicationLink(application_id=42)),
        ("  insignia://applications/7\n", ApplicationLink(application_id=7)),
        ("INSIGNIA://Applications/7", ApplicationLink(application_id=7)),
        (f"insignia://applications/{UID}", ApplicationLink(uid=UID)),
        (f"insignia://applications/{UID.upper()}", ApplicationLink(uid=UID)),
    ],
)
def test_a_link_names_an_application_by_id_or_uid(
    text: str, link: ApplicationLink
) -> None:
    assert parse_link(text) == link


@pytest.mark.parametrize(
    "text",
    [
        "",
        "42",
        "https://applications/42",
        "insignia:applications/42",
        "insignia://application/42",
        "insignia://applications/",
        "insignia://applications/x",
        "insignia://applications/-1",
        "insignia://applications/4 2",
        "insignia://applications/%34%32",
        "insignia://applications/42/43",
        "insignia://applications//42",
        "insignia://applications/42?tab=feedback",
        "insignia://applications/42#part-2",
        "insignia://someone@applications/42",
        "insignia://applications:8000/42",
        "insignia://[applications/42",
        "insignia://applications/" + UID.replace("-", ""),
        "insignia://applications/{" + UID + "}",
        "insignia://applications/" + "9" * 19,
    ],
)
def test_anything_else_is_not_a_link(text: str) -> None:
    with pytest.raises(NotALink):
        parse_link(text)


def test_each_data_folder_has_its_own_socket(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "also-a").symlink_to(tmp_path / "a")

    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "also-a")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "b" / ".." / "a")


@pytest.fixture
def held_folder(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """``tmp_path`` as the running Insignia holds it: locked."""
    lock = app.lock_data_folder(tmp_path)
    assert lock is not None
    yield tmp_path
    lock.unlock()


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        window.close()
    wait_for_background()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box shown, as (title, text)."""
    shown: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, *_args: object) -> int:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def demo_window(folder: Path, windows: list[MainWindow]) -> MainWindow:
    window = app.create_window(folder, demo=True)
    windows.append(window)
    window.show()
    return window


def own_application(window: MainWindow) -> int:
    store = window.context.store
    return store.dashboard_rows(window.context.user.id)[0].id


def insignia(*arguments: str) -> subprocess.Popen[str]:
    """A later start of the ``insignia`` command, in the tests' home."""
    script = Path(sys.executable).with_name("insignia")
    command = (
        [str(script)]
        if script.exists()
        else [
            sys.executable,
            "-c",
            "import sys, desktop.app; sys.exit(desktop.app.main())",
        ]
    )
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [*command, *arguments],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_exit(qtbot: QtBot, process: subprocess.Popen[str]) -> str:
    """The process's output, once it ended (killed if it did not in time)."""
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=SECOND_START_MS)
    finally:
        if process.poll() is None:
            process.kill()
        _out, errors = process.communicate()
    return errors


def test_a_second_start_hands_its_link_to_the_open_insignia(
    qtbot: QtBot, held_folder: Path, windows: list[MainWindow]
) -> None:
    window = demo_window(held_folder, windows)
    links = app.listen_for_links(held_folder, window)
    application_id = own_application(window)
    window.showMinimized()

    second = insignia(
        "--data-dir", str(held_folder), f"insignia://applications/{application_id}"
    )
    try:
        qtbot.waitUntil(
            lambda: window.page_of(application_id) is not None,
            timeout=SECOND_START_MS,
        )
    finally:
        errors = wait_for_exit(qtbot, second)
        links.close()
    assert second.returncode == 0, errors
    assert window.current_page() is window.page_of(application_id)
    assert not window.isMinimized()


def test_a_second_start_without_a_link_brings_the_window_forward(
    qtbot: QtBot, held_folder: Path, windows: list[MainWindow]
) -> None:
    window = demo_window(held_folder, windows)
    links = app.listen_for_links(held_folder, window)
    window.showMinimized()

    second = insignia("--data-dir", str(held_folder))
    try:
        errors = wait_for_exit(qtbot, second)
    finally:
        links.close()
    assert second.returncode == 0, errors
    assert not window.isMinimized()
    assert window.pages() == []


def test_without_an_insignia_that_answers_a_second_start_says_it_is_open(
    qapp: QApplication, held_folder: Path, boxes: list[tuple[str, str]]
) -> None:
    assert not hand_over(held_folder, "insignia://applications/1")
    assert app.main(["--data-dir", str(held_folder), "insignia://applications/1"]) == 1
    assert [title for title, _text in boxes] == ["Insignia is already open"]


def test_a_socket_left_by_a_crash_is_replaced_and_a_live_one_kept(
    qapp: QApplication, tmp_path: Path
) -> None:
    name = server_name(tmp_path)
    path = Path(QDir.tempPath()) / name
    # What a crashed Insignia leaves: a socket file nobody listens on.
    left = socket.socket(socket.AF_UNIX)
    left.bind(str(path))
    left.close()

    first = LinkServer(tmp_path)
    try:
        assert first.listen()
        second = LinkServer(tmp_path)
        assert not second.listen()
        probe = QLocalSocket()
        probe.connectToServer(name)
        assert probe.waitForConnected(1000)
        probe.abort()
    finally:
        first.close()
    assert not path.exists()


def test_a_link_given_at_start_waits_for_the_store(
    qtbot: QtBot, tmp_path: Path, windows: list[MainWindow]
) -> None:
    store = Store(tmp_path)
    seed_demo(store)
    educator = store.user("educator").id
    application_id = store.dashboard_rows(educator)[0].id
    store.close()

    # An existing folder: the window paints first, its store opens on a worker.
    window = app.create_window(tmp_path)
    windows.append(window)
    window.show()
    app.open_when_ready(window, f"insignia://applications/{application_id}")
    qtbot.waitUntil(lambda: window.page_of(application_id) is not None)
    assert window.current_page() is window.page_of(application_id)


def test_a_link_from_the_server_names_the_application_by_uid(
    qtbot: QtBot, tmp_path: Path, windows: list[MainWindow]
) -> None:
    window = demo_window(tmp_path, windows)
    application_id = own_application(window)
    # As the sync engine records an application the server knows.
    with sqlite3.connect(tmp_path / DATABASE_NAME) as database:
        database.execute(
            "INSERT INTO sync_links (application_id, uid, version,"
            " assessment_revision) VALUES (?, ?, 0, 0)",
            (application_id, UID),
        )
    database.close()

    assert window.open_url(f"insignia://applications/{UID.upper()}")
    assert window.current_page() is window.page_of(application_id)


def test_links_to_nothing_the_user_may_open_say_why(
    qtbot: QtBot,
    tmp_path: Path,
    windows: list[MainWindow],
    boxes: list[tuple[str, str]],
) -> None:
    window = demo_window(tmp_path, windows)
    store = window.context.store
    credential = store.credentials()[0]
    others = store.start_application(store.user("jordan").id, credential.id)
    unknown = uuid.uuid4()

    for link in (
        "insignia://applications/999999",
        f"insignia://applications/{unknown}",
        f"insignia://applications/{others}",
        "https://example.org/applications/1",
    ):
        assert not window.open_url(link)
    assert window.pages() == []
    assert boxes == [
        (
            "Cannot open the link",
            "Insignia cannot open “insignia://applications/999999”: there is no"
            " such application in this data folder.",
        ),
        (
            "Cannot open the link",
            f"Insignia cannot open “insignia://applications/{unknown}”: there is"
            " no such application in this data folder.",
        ),
        (
            "Cannot open the application",
            "You cannot open this application: it belongs to another educator.",
        ),
        (
            "Cannot open the link",
            "This link is not an Insignia application link:\n"
            "https://example.org/applications/1",
        ),
    ]


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is missing: install desktop-file-utils")
    return subprocess.run([tool, str(path)], capture_output=True, text=True)


def test_the_desktop_entry_validates_and_handles_insignia_links() -> None:
    result = validate(DESKTOP_FILE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout and "warning:" not in result.stdout
    text = DESKTOP_FILE.read_text(encoding="utf-8")
    assert "MimeType=x-scheme-handler/insignia;\n" in text
    assert "Exec=insignia %u\n" in text


def test_make_install_desktop_registers_the_venvs_insignia(tmp_path: Path) -> None:
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is missing")
    venv = Path(sys.prefix)
    # -o: the virtual environment running the tests counts as installed.
    subprocess.run(
        [make, "-s", f"VENV={venv}", "-o", f"{venv}/.installed", "install-desktop"],
        cwd=ROOT,
        env=dict(os.environ, XDG_DATA_HOME=str(tmp_path)),
        check=True,
        capture_output=True,
    )

    installed = tmp_path / "applications" / "insignia.desktop"
    result = validate(installed)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f'Exec="{venv}/bin/insignia" %u\n' in installed.read_text(encoding="utf-8")


def test_a_second_start_gives_up_on_an_insignia_that_does_not_answer(
    qapp: QApplication, tmp_path: Path
) -> None:
    # Listening, but busy: this thread does not return to its event loop.
    busy = LinkServer(tmp_path)
    assert busy.listen()
    try:
        assert not hand_over(tmp_path, "insignia://applications/1", timeout_ms=300)
    finally:
        busy.close()
