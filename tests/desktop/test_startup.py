"""Starting on a data folder: one Insignia at a time, damage, first start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import app
from desktop.app import LOCK_NAME, UnknownUser, create_window
from desktop.main_window import MainWindow
from desktop.tasks import wait_for_background
from desktop.views.welcome import WelcomeDialog
from model.database import DATABASE_NAME, DatabaseDamaged
from model.demo import seed_demo
from model.enums import Role
from model.store import Store
from tests.damage import damage_tables


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box shown, as (title, text)."""
    shown: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, *_args: object) -> int:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


@pytest.fixture
def no_window(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_options: object) -> MainWindow:
        raise AssertionError("a window was opened")

    monkeypatch.setattr(app, "create_window", refuse)


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        window.close()
    wait_for_background()


def demo_folder(folder: Path) -> Path:
    store = Store(folder)
    seed_demo(store)
    store.close()
    return folder / DATABASE_NAME


def test_a_second_insignia_on_the_same_folder_says_so_and_exits(
    qapp: QApplication, tmp_path: Path, boxes: list, no_window: None
) -> None:
    held = QLockFile(str(tmp_path / LOCK_NAME))
    assert held.tryLock(0)
    try:
        assert app.main(["--data-dir", str(tmp_path)]) == 1
    finally:
        held.unlock()
    assert boxes == [
        (
            "Insignia is already open",
            f"Insignia is already open on this data folder: {tmp_path}. Switch to"
            " that window.",
        )
    ]


def test_the_lock_is_released_at_exit_and_a_stale_one_taken_over(
    qapp: QApplication, tmp_path: Path
) -> None:
    lock = app.lock_data_folder(tmp_path)
    assert lock is not None
    assert app.lock_data_folder(tmp_path) is None
    lock.unlock()

    # Left by an Insignia that crashed: a process that no longer exists.
    (tmp_path / LOCK_NAME).write_text("999999999\ninsignia\n\n")
    again = app.lock_data_folder(tmp_path)
    assert again is not None
    again.unlock()


def test_a_damaged_page_is_named_and_the_file_left_untouched(
    qapp: QApplication, tmp_path: Path, boxes: list
) -> None:
    database = demo_folder(tmp_path)
    damaged = damage_tables(database, "users", "applications", "micro_credentials")

    with pytest.raises(DatabaseDamaged) as raised:
        create_window(tmp_path)
    assert raised.value.path == database
    assert database.read_bytes() == damaged

    assert app.main(["--data-dir", str(tmp_path)]) == 1
    ((title, text),) = boxes
    assert title == "Insignia cannot start"
    assert f"The file\n{database}\nis not an Insignia database, or it is damaged" in (
        text
    )
    assert database.read_bytes() == damaged


def test_damage_found_after_the_first_paint_is_shown(
    qtbot: QtBot, tmp_path: Path, boxes: list, windows: list[MainWindow]
) -> None:
    database = demo_folder(tmp_path)
    # The dashboard paints without the questions; the store needs them next.
    damaged = damage_tables(database, "questions")

    window = create_window(tmp_path)
    windows.append(window)
    window.show()
    qtbot.waitUntil(lambda: bool(boxes), timeout=10_000)
    ((title, text),) = boxes
    assert title == "Insignia cannot use its data"
    assert str(database) in text and "damaged" in text
    qtbot.waitUntil(lambda: not window.isVisible())
    assert database.read_bytes() == damaged


def test_a_folder_that_cannot_be_written_is_said_before_the_window(
    qapp: QApplication, tmp_path: Path, boxes: list, no_window: None
) -> None:
    (tmp_path / "file").write_text("a file, not a folder")
    folder = tmp_path / "file" / "data"

    assert app.main(["--data-dir", str(folder)]) == 1
    ((_title, text),) = boxes
    assert text.startswith(f"Insignia cannot write to the data folder {folder}.")
    assert "Errno" not in text


def test_the_welcome_asks_a_name_and_a_valid_email(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = WelcomeDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Welcome to Insignia"

    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.text() == "Write your name."

    qtbot.keyClicks(dialog.name, "  Ana   Ruiz ")
    qtbot.keyClicks(dialog.email, "ana@school")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.text().startswith("Write a valid e-mail address")

    dialog.email.clear()
    qtbot.keyClicks(dialog.email, "ana.ruiz@school.org")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.display_name(), dialog.email_address()) == (
        "Ana Ruiz",
        "ana.ruiz@school.org",
    )


def test_a_first_start_creates_the_educator_who_is_then_signed_in(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    windows: list[MainWindow],
) -> None:
    def fill_in(dialog: WelcomeDialog) -> int:
        dialog.name.setText("Ana Ruiz")
        dialog.email.setText("ana@school.org")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(WelcomeDialog, "exec", fill_in)
    monkeypatch.setattr(app, "login_name", lambda: "Ana.Ruiz@LAPTOP")
    assert app.folder_is_new(tmp_path)

    assert app.first_start(tmp_path) == "ana.ruiz-laptop"
    assert not app.folder_is_new(tmp_path)
    window = create_window(tmp_path)
    windows.append(window)
    user = window.context.user
    assert (user.username, user.display_name, user.role) == (
        "ana.ruiz-laptop",
        "Ana Ruiz",
        Role.EDUCATOR,
    )
    assert window.context.store.credentials()


def test_closing_the_welcome_creates_nothing(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(WelcomeDialog, "exec", lambda _dialog: 0)
    assert app.first_start(tmp_path) is None
    assert app.folder_is_new(tmp_path)


@pytest.mark.parametrize("through_store", [True, False])
def test_without_user_the_folders_only_educator_signs_in(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    windows: list[MainWindow],
    through_store: bool,
) -> None:
    store = Store(tmp_path)
    store.set_up_first_educator("ana", "Ana Ruiz", "ana@school.org")
    store.create_user("morgan", "Morgan Lee", Role.ASSESSOR)
    store.close()
    if through_store:
        # As for an older database, which the store opens (and upgrades) first.
        monkeypatch.setattr(app.FirstLook, "open", lambda _folder: None)

    window = create_window(tmp_path)
    windows.append(window)
    assert window.context.user.username == "ana"


def test_without_user_two_educators_need_a_choice(
    qapp: QApplication, tmp_path: Path
) -> None:
    store = Store(tmp_path)
    store.set_up_first_educator("ana", "Ana Ruiz", "ana@school.org")
    store.create_user("bo", "Bo Chen", Role.EDUCATOR)
    store.close()
    with pytest.raises(UnknownUser):
        create_window(tmp_path)
