"""The window opens only what the signed-in user may see, by any path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import create_window
from desktop.main_window import MainWindow, workspace_group
from desktop.tasks import wait_for_background
from desktop.views.assessment import AssessmentPage
from model.enums import Status
from model.errors import NotAllowed

Open = Callable[..., MainWindow]
ANOTHER_EDUCATOR = "You cannot open this application: it belongs to another educator."


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path) -> Iterator[Open]:
    windows: list[MainWindow] = []

    def build(username: str = "educator") -> MainWindow:
        window = create_window(tmp_path, demo=True, username=username)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()
    wait_for_background()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> int:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def jordans_draft(window: MainWindow) -> int:
    store = window.context.store
    credential = store.credentials()[0]
    return store.start_application(store.user("jordan").id, credential.id)


def test_an_educator_cannot_open_or_edit_anothers_draft(
    open_window: Open, warnings: list[str]
) -> None:
    window = open_window()
    draft = jordans_draft(window)

    assert not window.open_url(f"insignia://applications/{draft}")
    assert warnings == [ANOTHER_EDUCATOR]
    assert window.open_application(draft) is None
    assert window.pages() == []

    store, me = window.context.store, window.context.user.id
    question = store.application(draft).credential.parts[0].questions[0]
    with pytest.raises(NotAllowed):
        store.save_answer(draft, question.id, "not mine to write", actor_id=me)
    with pytest.raises(NotAllowed):
        store.application(draft, actor_id=me)
    assert store.application(draft).answers == {}


def test_tabs_of_another_educator_are_not_restored(
    open_window: Open, warnings: list[str]
) -> None:
    window = open_window()
    draft = jordans_draft(window)
    own = window.dashboard.model.row(0).id
    group = workspace_group(window.context)
    window.settings.setValue(f"{group}/tabs", f"{draft},{own}")

    window.restore_state()
    assert [page.application_id for page in window.pages()] == [own]
    assert warnings == []


def test_an_assessor_opens_submitted_applications_of_others_only(
    open_window: Open, warnings: list[str]
) -> None:
    window = open_window("assessor")
    draft = jordans_draft(window)
    assert not window.open_url(f"insignia://applications/{draft}")
    assert warnings == [
        "You cannot open this application: it has not been submitted for"
        " assessment yet."
    ]

    rows = window.context.store.dashboard_rows(window.context.store.user("jordan").id)
    submitted = next(r.id for r in rows if r.status is Status.SUBMITTED)
    assert window.open_url(f"insignia://applications/{submitted}")
    assert isinstance(window.current_page(), AssessmentPage)
