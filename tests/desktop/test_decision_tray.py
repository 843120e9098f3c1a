"""A decision arriving through sync: a tray message, and the notification count."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon, QToolButton
from pytestqt.qtbot import QtBot

from desktop.app import create_window
from desktop.main_window import MainWindow
from desktop.tasks import wait_for_background
from desktop.views.application import ApplicationPage
from model.enums import Status


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    window = create_window(tmp_path, demo=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    wait_for_background()


def denied(window: MainWindow) -> int:
    rows = window.context.store.dashboard_rows(window.context.user.id)
    return next(r.id for r in rows if r.status is Status.DENIED)


def test_a_decision_that_arrives_shows_a_tray_message_that_opens_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True)
    )
    monkeypatch.setattr(
        QSystemTrayIcon,
        "showMessage",
        lambda _self, title, text, *_args: shown.append((title, text)),
    )
    application_id = denied(window)

    window.sync.decisionArrived.emit(application_id)

    assert shown == [
        (
            "A decision on your application",
            "Your application has been decided. Open it to read the feedback.",
        )
    ]
    tray = window.findChild(QSystemTrayIcon)
    assert tray is not None
    tray.messageClicked.emit()
    page = window.current_page()
    assert isinstance(page, ApplicationPage)
    assert page.application_id == application_id


def test_without_a_tray_the_notification_count_still_tells(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from model.assessing import mark_all_read
    from model.entities import Notification, NotificationKind

    monkeypatch.setattr(
        QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False)
    )
    button = window.findChild(QToolButton, "notificationsButton")
    assert button is not None
    store, me = window.context.store, window.context.user.id
    mark_all_read(store, me)
    window.refresh_notifications()
    qtbot.waitUntil(lambda: button.text() == "Notifications")

    # What a sync leaves when a decision arrives: a notification, then the signal.
    application_id = denied(window)
    with store._unit() as session:
        session.add(
            Notification(
                user_id=me,
                application_id=application_id,
                kind=NotificationKind.DECIDED,
                created_at=store.clock(),
            )
        )
    window.sync.decisionArrived.emit(application_id)

    qtbot.waitUntil(lambda: button.text() == "Notifications (1)")
    assert window.findChild(QSystemTrayIcon) is None
