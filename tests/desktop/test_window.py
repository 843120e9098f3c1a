"""The main window on a real data folder: dashboard, tabs, start-up errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QTableView,
    QTabWidget,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from desktop import app
from desktop.app import UnknownUser, create_window
from desktop.errors import store_error_text
from desktop.item_models import ApplicationTableModel
from desktop.main_window import MainWindow
from desktop.tasks import wait_for_background
from desktop.views.application import ApplicationPage
from desktop.views.catalog import CatalogDialog
from desktop.views.settings import SettingsDialog, interface_language
from model.catalog import SAMPLE_CATALOG
from model.database import DATABASE_NAME, DatabaseDamaged, DataFolderNotWritable
from model.store import Store

Open = Callable[..., MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path) -> Iterator[Open]:
    """Builds windows on ``tmp_path`` (the demo by default) and closes them."""
    windows: list[MainWindow] = []

    def build(data_dir: Path = tmp_path, **options: object) -> MainWindow:
        options.setdefault("demo", True)
        window = create_window(data_dir, **options)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()
    wait_for_background()


def table_of(window: MainWindow) -> QTableView:
    table = window.findChild(QTableView, "dashboardTable")
    assert table is not None
    return table


def tabs_of(window: MainWindow) -> QTabWidget:
    tabs = window.findChild(QTabWidget, "workspaceTabs")
    assert tabs is not None
    return tabs


def shown(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def row_of(table: QTableView, title: str, attempt: str) -> int:
    titles = shown(table, ApplicationTableModel.TITLE)
    attempts = shown(table, ApplicationTableModel.ATTEMPT)
    return next(
        r
        for r in range(len(titles))
        if titles[r].startswith(title) and attempts[r] == attempt
    )


def open_ids(window: MainWindow) -> list[int]:
    return [page.application_id for page in window.pages()]


def test_the_dashboard_lists_every_demo_attempt(open_window: Open) -> None:
    window = open_window()
    table = table_of(window)

    assert tabs_of(window).tabText(0) == "Dashboard"
    assert table.model().rowCount() == 7
    assert sorted(set(shown(table, ApplicationTableModel.STATUS))) == [
        "Approved",
        "Denied",
        "Draft",
        "In review",
        "Submitted",
    ]
    due = shown(table, ApplicationTableModel.DUE)
    assert sum(text.endswith("— overdue") for text in due) == 1
    status = window.findChild(QToolButton, "syncStatus")
    assert status is not None and "not synced" in status.text()


def test_the_denied_filter_shows_the_two_denied_attempts(open_window: Open) -> None:
    window = open_window()
    table = table_of(window)
    choice = window.findChild(QComboBox, "statusFilter")
    assert choice is not None

    items = [choice.itemText(i) for i in range(choice.count())]
    assert items == ["All", "Drafts", "Submitted", "Approved", "Denied"]
    choice.setCurrentIndex(items.index("Denied"))
    assert shown(table, ApplicationTableModel.STATUS) == ["Denied", "Denied"]
    assert sorted(shown(table, ApplicationTableModel.ATTEMPT)) == ["1", "2"]

    choice.setCurrentIndex(items.index("Submitted"))
    assert sorted(shown(table, ApplicationTableModel.STATUS)) == [
        "In review",
        "Submitted",
    ]


def test_search_by_title(open_window: Open, qtbot: QtBot) -> None:
    window = open_window()
    search = window.findChild(QLineEdit, "dashboardSearch")
    assert search is not None
    qtbot.keyClicks(search, "exit tickets")
    titles = shown(table_of(window), ApplicationTableModel.TITLE)
    assert len(titles) == 2
    assert all("Exit Tickets" in title for title in titles)


def test_double_click_and_enter_open_a_tab_once(
    open_window: Open, qtbot: QtBot
) -> None:
    window = open_window()
    table, tabs = table_of(window), tabs_of(window)

    row = row_of(table, "Formative Feedback", "2")
    cell = table.visualRect(table.model().index(row, 0)).center()
    # Qt's test double-click needs the press before it to reach the view.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert tabs.count() == 2
    page = tabs.currentWidget()
    assert isinstance(page, ApplicationPage)
    assert "Attempt 2" in tabs.tabText(1)

    window.show_dashboard()
    table.selectRow(row)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert tabs.count() == 2
    assert tabs.currentWidget() is page

    window.show_dashboard()
    table.selectRow(row_of(table, "Two-Way", "1"))
    qtbot.keyClick(table, Qt.Key.Key_Enter)
    assert tabs.count() == 3


def test_the_dashboard_tab_stays_and_application_tabs_close(
    open_window: Open, qtbot: QtBot
) -> None:
    window = open_window()
    tabs = tabs_of(window)
    first = window.dashboard.model.row(0).id
    window.open_application(first)

    assert not window.close_tab(0)
    assert window.close_tab(1)
    assert tabs.count() == 1
    assert tabs.currentWidget() is window.dashboard


def test_reapply_opens_the_new_attempt_beside_the_denied_one(
    open_window: Open, qtbot: QtBot
) -> None:
    window = open_window()
    table, tabs = table_of(window), tabs_of(window)
    denied = window.dashboard.proxy.application_id(row_of(table, "Formative", "2"))
    page = window.open_application(denied)

    reapply = page.findChild(QAbstractButton, "reapplyButton")
    assert reapply is not None
    qtbot.mouseClick(reapply, Qt.MouseButton.LeftButton)

    assert tabs.count() == 3
    assert tabs.widget(1) is page
    new_page = tabs.currentWidget()
    assert isinstance(new_page, ApplicationPage)
    assert new_page.application_id != denied
    assert "Attempt 3" in tabs.tabText(2)
    qtbot.waitUntil(lambda: table.model().rowCount() == 8)
    assert "3" in shown(table, ApplicationTableModel.ATTEMPT)


def test_the_window_reopens_its_tabs(open_window: Open, tmp_path: Path) -> None:
    window = open_window()
    ids = [window.dashboard.model.row(r).id for r in (1, 4)]
    for application_id in ids:
        window.open_application(application_id)
    tabs_of(window).setCurrentIndex(1)
    window.close()

    again = open_window(tmp_path, demo=False)
    assert open_ids(again) == ids
    assert tabs_of(again).currentIndex() == 1

    other = open_window(tmp_path / "other")
    assert open_ids(other) == []


def test_a_new_application_from_the_catalog(open_window: Open, qtbot: QtBot) -> None:
    window = open_window()
    window.new_application()
    dialog = window.findChild(CatalogDialog)
    assert dialog is not None
    assert dialog.view.model.rowCount() >= 3

    dialog.view.start_application()
    page = tabs_of(window).currentWidget()
    assert isinstance(page, ApplicationPage)
    qtbot.waitUntil(lambda: table_of(window).model().rowCount() == 8)
    assert window.dashboard.model.row(0).id == page.application_id


def test_an_assessor_starts_on_the_assessment_queue(
    open_window: Open, qtbot: QtBot
) -> None:
    window = open_window(username="assessor")
    queue = window.findChild(QTableView, "assessmentQueue")
    assert tabs_of(window).tabText(0) == "Assessment queue"
    assert queue is not None
    qtbot.waitUntil(queue.isVisible)
    assert not table_of(window).isVisible()


def test_an_unknown_user_is_refused(open_window: Open, tmp_path: Path) -> None:
    with pytest.raises(UnknownUser) as raised:
        open_window(username="nobody")
    assert "nobody" in app.unknown_user_text(raised.value)


def test_a_damaged_database_is_named_and_left_untouched(
    qapp: object, tmp_path: Path
) -> None:
    database = tmp_path / DATABASE_NAME
    damaged = b"not a database" * 100
    database.write_bytes(damaged)

    with pytest.raises(DatabaseDamaged) as raised:
        create_window(tmp_path, demo=True)
    assert database.read_bytes() == damaged
    assert str(database) in store_error_text(raised.value)


def test_a_data_folder_that_cannot_be_created(qapp: object, tmp_path: Path) -> None:
    # Tests may run as root, whom permissions do not stop: a folder inside a
    # regular file cannot be created by anyone.
    (tmp_path / "file").write_text("a file, not a folder")
    folder = tmp_path / "file" / "data"

    with pytest.raises(DataFolderNotWritable) as raised:
        create_window(folder, demo=True)
    assert str(folder) in store_error_text(raised.value)


def test_the_settings_dialog_checks_the_holiday_region(
    open_window: Open, tmp_path: Path
) -> None:
    window = open_window()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(window.context, settings, window)
    dialog.show()

    dialog.country.setText("XX")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "XX" in dialog.error.text()
    assert window.context.store.setting("holiday_country") == "US"

    dialog.country.setText("us")
    dialog.subdivision.setText("PR")
    dialog.max_size.setValue(25)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.accept()
    assert not dialog.isVisible()
    store = window.context.store
    assert store.setting("holiday_subdivision") == "PR"
    assert store.setting("max_attachment_bytes") == str(25 * 1024 * 1024)
    assert interface_language(settings) == "es"


def test_import_catalog_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "catalog.json"
    bad.write_text('{"format": "insignia-catalog/1", "micro_credentials": []}')
    folder = tmp_path / "data"

    assert app.main(["import-catalog", str(bad), "--data-dir", str(folder)]) == 1
    error = capsys.readouterr().err
    assert "catalog.json" in error and "micro_credentials" in error
    assert not folder.exists()

    arguments = ["import-catalog", str(SAMPLE_CATALOG), "--data-dir", str(folder)]
    assert app.main(arguments) == 0
    printed = capsys.readouterr().out.split()
    assert "formative-feedback" in printed
    store = Store(folder)
    assert len(store.credentials()) == len(printed)
    store.close()


def test_a_change_keeps_the_selected_row(open_window: Open, qtbot: QtBot) -> None:
    window = open_window()
    table, dashboard = table_of(window), window.dashboard
    chosen = dashboard.proxy.application_id(row_of(table, "Two-Way", "1"))
    assert dashboard.select(chosen)
    first = dashboard.model.row(0)

    with qtbot.waitSignal(dashboard.proxy.modelReset, timeout=3000):
        window.context.changes.applicationChanged.emit(first.id)
    assert dashboard.selected_id() == chosen
