"""Insignia in Spanish: every screen of both journeys, with no English left.

The interface language is chosen the way a user chooses it (the "language"
setting); the texts each screen shows are collected and compared with the
English source texts of the translations. A text still in English means a
string escaped ``tr()`` or a translation is missing: run ``make translations``
and translate what is new.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import TRANSLATIONS, create_window, install_translators
from desktop.item_models import ApplicationTableModel
from desktop.main_window import MainWindow, _switched_windows
from desktop.queue_model import QueueTableModel
from desktop.tasks import wait_for_background
from desktop.views.application import ApplicationPage
from desktop.views.assessment import AssessmentPage
from desktop.views.catalog import CatalogDialog
from desktop.views.notifications import NotificationsDialog
from desktop.views.settings import LANGUAGE_KEY, SettingsDialog, ui_settings
from desktop.views.submit_check import SubmitCheckDialog
from desktop.widgets.attention_banner import AttentionBanner
from desktop.widgets.verdict_panel import VerdictPanel
from model.demo import seed_demo
from model.enums import Status
from model.records import QueueRow
from model.store import Store
from tests.desktop.conftest import tool

ROOT = Path(__file__).resolve().parents[2]
TS_ES = TRANSLATIONS / "insignia_es.ts"
TS_EN = TRANSLATIONS / "insignia_en.ts"

# Written the same in both languages: a name, language names, units, layouts.
SAME_IN_BOTH = frozenset(
    {
        "Insignia",
        "English",
        "Español",
        " MB",
        "{size} MB",
        "%n byte(s)",
        "{name} · {role}",
        "{name} — {role} ({username})",
    }
)
# Qt's own buttons say these until qtbase_es is loaded.
QT_ENGLISH = frozenset(
    {"OK", "&OK", "Cancel", "&Cancel", "Close", "&Close", "Yes", "&Yes", "Apply"}
)
PLACEHOLDER = re.compile(r"%n|%\d|\{\w+\}")
SPANISH_DATE = re.compile(
    r"\b\d{1,2} (?:ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic) \d{4}\b"
)
ENGLISH_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* \d{1,2}, \d{4}\b"
)
DAYS_LEFT_ES = re.compile(
    r"Vence hoy|Queda 1 día hábil|Quedan \d+ días hábiles"
    r"|Vencida hace 1 día hábil|Vencida hace \d+ días hábiles"
)
FILTERS_ES = ["Todas", "Borradores", "Enviadas", "Aprobadas", "Denegadas"]


# The translation files ---------------------------------------------------------


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]
    numerus: bool
    unfinished: bool


def read_ts(path: Path) -> list[Message]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = translation.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
            found.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    tuple(texts),
                    message.get("numerus") == "yes",
                    translation.get("type") in ("unfinished", "vanished", "obsolete"),
                )
            )
    return found


def lupdate(target: Path, *options: str) -> list[Message]:
    """What lupdate finds in the code today, in a fresh file."""
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    command = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", *options]
    subprocess.run(
        [*command, *sources, "-ts", str(target)],
        check=True,
        cwd=ROOT,
    )
    return read_ts(target)


def without_mnemonic(text: str) -> str:
    return re.sub(r"&(&?)", r"\1", text)


def template(text: str) -> re.Pattern[str]:
    """``text`` with each placeholder matching anything, as it is shown filled."""
    pieces = PLACEHOLDER.split(without_mnemonic(text))
    return re.compile("(?s:.+)".join(re.escape(p) for p in pieces))


@cache
def english_templates() -> tuple[re.Pattern[str], ...]:
    sources = {m.source for m in read_ts(TS_ES) if m.source not in SAME_IN_BOTH}
    plurals = {
        form
        for m in read_ts(TS_EN)
        if m.source not in SAME_IN_BOTH
        for form in m.translations
    }
    return tuple(template(text) for text in sorted(sources | plurals))


# What a screen shows -----------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    where: str
    text: str


def texts_of(root: QWidget) -> list[Shown]:
    """Every text ``root`` and its children show or tell a screen reader.

    Hidden widgets count too: they show their texts at another moment.
    """
    found: list[Shown] = []
    models: set[int] = set()

    def add(owner: object, what: str, text: object) -> None:
        if isinstance(text, str) and text.strip():
            name = owner.objectName() if isinstance(owner, QWidget) else ""
            found.append(Shown(f"{type(owner).__name__}#{name} {what}", text))

    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isWindow():
            add(widget, "window title", widget.windowTitle())
        add(widget, "tooltip", widget.toolTip())
        add(widget, "accessible name", widget.accessibleName())
        add(widget, "accessible description", widget.accessibleDescription())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, "text", widget.text())
        if isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(widget, "tab", widget.tabText(i))
                add(widget, "tab tooltip", widget.tabToolTip(i))
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget, "item", widget.itemText(i))
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            add(widget, "placeholder", widget.placeholderText())
        if isinstance(widget, QSpinBox):
            add(widget, "suffix", widget.suffix())
        if isinstance(widget, QMenu):
            add(widget, "menu", widget.title())
        if isinstance(widget, QAbstractItemView):
            model = widget.model()
            if model is not None and id(model) not in models:
                models.add(id(model))
                found += model_texts(model, widget)
    for action in root.findChildren(QAction):
        add(action, "action", action.text())
    return found


def model_texts(model: QAbstractItemModel, view: QWidget) -> list[Shown]:
    where = f"{type(view).__name__}#{view.objectName()}"
    flat = isinstance(model, QAbstractListModel)  # its columnCount is private
    found = []
    for section in range(1 if flat else model.columnCount(QModelIndex())):
        header = model.headerData(section, Qt.Orientation.Horizontal)
        if isinstance(header, str) and header:
            found.append(Shown(f"{where} header", header))

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(1 if flat else model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str) and value:
                        found.append(Shown(f"{where} cell", value))
            first = model.index(row, 0, parent)
            if not flat and model.rowCount(first) > 0:
                walk(first)

    walk(QModelIndex())
    return found


def in_english(shown: list[Shown]) -> list[Shown]:
    """The texts that are an English source text (filled in) or Qt's English."""
    templates = english_templates()
    left = []
    for item in shown:
        lines = [item.text, *(line.lstrip("• ") for line in item.text.splitlines())]
        for line in (without_mnemonic(text).strip() for text in lines):
            if line in QT_ENGLISH or any(t.fullmatch(line) for t in templates):
                left.append(item)
                break
    return left


def report(left: list[Shown]) -> str:
    return "still in English:\n" + "\n".join(f"  {s.where}: {s.text!r}" for s in left)


# Fixtures -------------------------------------------------------------------------


@pytest.fixture
def spanish(qapp: object) -> Iterator[None]:
    """The interface language set to Spanish in the (test's own) settings."""
    settings = ui_settings()
    settings.setValue(LANGUAGE_KEY, "es")
    settings.sync()
    yield
    settings.remove(LANGUAGE_KEY)
    settings.sync()
    install_translators("en")


@pytest.fixture
def windows(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """Opens windows on the demo in ``tmp_path``; closes them at the end."""
    opened: list[MainWindow] = []
    earlier = {id(w) for w in _switched_windows}

    def open_window(username: str = "educator") -> MainWindow:
        window = create_window(tmp_path, demo=True, username=username)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield open_window
    replacements = [w for w in _switched_windows if id(w) not in earlier]
    for window in opened + replacements:
        if shiboken6.isValid(window):
            window.close()
    wait_for_background()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[Shown]:
    """The texts of every message box shown; each is answered Yes."""
    shown: list[Shown] = []

    def static(_parent: object, title: str, text: str, *_args: Any) -> Any:
        shown.extend([Shown("message box title", title), Shown("message box", text)])
        return QMessageBox.StandardButton.Yes

    def exec_box(box: QMessageBox) -> int:
        shown.extend(texts_of(box))
        shown.append(Shown("message box details", box.informativeText()))
        return QMessageBox.StandardButton.Yes

    for name in ("warning", "question", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, static)
    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return shown


def tabs_of(window: MainWindow) -> QTabWidget:
    tabs = window.findChild(QTabWidget, "workspaceTabs")
    assert tabs is not None
    return tabs


def column(model: QAbstractItemModel, number: int) -> list[str]:
    return [model.index(r, number).data() for r in range(model.rowCount())]


def labels(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


# The educator ---------------------------------------------------------------------


def test_the_educators_journey_is_in_spanish(
    spanish: None,
    windows: Callable[..., MainWindow],
    qtbot: QtBot,
    boxes: list[Shown],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = windows()
    shown: list[Shown] = []
    assert window.context.language == "es"
    assert tabs_of(window).tabText(0) == "Panel de control"

    # The dashboard, with each filter.
    choice = window.findChild(QComboBox, "statusFilter")
    assert choice is not None
    assert [choice.itemText(i) for i in range(choice.count())] == FILTERS_ES
    for index in range(choice.count()):
        choice.setCurrentIndex(index)
        shown += texts_of(window)
    choice.setCurrentIndex(FILTERS_ES.index("Denegadas"))
    proxy = window.dashboard.proxy
    assert column(proxy, ApplicationTableModel.STATUS) == ["Denegada", "Denegada"]
    choice.setCurrentIndex(0)
    assert set(column(proxy, ApplicationTableModel.STATUS)) == {
        "Borrador",
        "Enviada",
        "En revisión",
        "Aprobada",
        "Denegada",
    }

    # Every application, read-only or draft; the catalog's Spanish titles.
    store = window.context.store
    rows = store.dashboard_rows(window.context.user.id)
    for row in rows:
        page = window.open_application(row.id)
        assert row.title["es"] in labels(page)
        shown += texts_of(page)
    assert any(SPANISH_DATE.search(s.text) for s in shown)

    # The denied attempt: banners, related submissions, Reapply.
    denied = max(
        (r for r in rows if r.status is Status.DENIED), key=lambda r: r.attempt
    )
    page = window.open_application(denied.id)
    banners = page.findChildren(AttentionBanner, "attentionBanner")
    assert banners
    for banner in banners:
        title = banner.findChild(QLabel, "attentionTitle")
        assert title is not None
        assert title.text() == "Esta área puede necesitar mayor atención"
    assert "Envíos relacionados" in labels(page)
    related = page.findChild(QTableView, "relatedSubmissionsTable")
    assert related is not None
    assert related.model().headerData(0, Qt.Orientation.Horizontal) == "Intento"
    assert related.model().index(0, 0).data() == "Intento 1"
    reapply = page.findChild(QPushButton, "reapplyButton")
    assert reapply is not None
    assert without_mnemonic(reapply.text()) == "Volver a solicitar"

    # Reapply: the new attempt beside the denied one.
    qtbot.mouseClick(reapply, Qt.MouseButton.LeftButton)
    draft = tabs_of(window).currentWidget()
    assert isinstance(draft, ApplicationPage) and draft.editor is not None
    assert draft.findChild(QSplitter, "resubmissionSplitter") is not None
    readiness = draft.readiness
    assert readiness is not None
    qtbot.waitUntil(lambda: readiness.checked, timeout=10_000)
    shown += texts_of(draft)
    assert "Qué ha cambiado" in labels(draft)
    submit = draft.findChild(QPushButton, "submitButton")
    assert submit is not None
    assert without_mnemonic(submit.text()) == "Enviar solicitud"

    # Submitting too early: the message names what is missing, in Spanish.
    submit.click()
    refusal = boxes[-1].text
    assert refusal.startswith("Antes de enviar, complete lo siguiente:")
    assert "Confirme la divulgación" in refusal

    # Unlock a carried-over part; copy the failed parts; fill in the rest.
    editor = draft.editor
    locked = next(p for p in editor.part_editors if p.unlock_button.isVisibleTo(draft))
    locked.unlock_button.click()
    for part in editor.part_editors:
        if part.copy_button.isVisibleTo(draft):
            part.copy_button.click()
    assert editor.note is not None
    qtbot.keyClicks(editor.note, "Agregue los datos del segundo boleto de salida.")
    for box in editor.confirmations.boxes.values():
        box.setChecked(True)
    shown += texts_of(draft)

    # The last look before submitting: readiness findings, in Spanish.
    submit.click()
    check = draft.findChild(SubmitCheckDialog)
    assert check is not None
    shown += texts_of(check)
    check.reject()

    # Settings, catalog, notifications, about, switch user.
    window.open_settings()
    settings = window.findChild(SettingsDialog)
    assert settings is not None
    buttons = settings.findChild(QDialogButtonBox)
    assert buttons is not None
    texts = {without_mnemonic(b.text()) for b in buttons.buttons()}
    assert texts == {"Aceptar", "Cancelar"}
    shown += texts_of(settings)
    settings.reject()

    window.new_application()
    catalog = window.findChild(CatalogDialog)
    assert catalog is not None
    current = catalog.view.current()
    assert current is not None
    assert catalog.view.title.text() == current.title["es"]
    assert catalog.view.competency.text() == current.competency["es"]
    shown += texts_of(catalog)
    catalog.reject()

    window.show_notifications()
    notifications = window.findChild(NotificationsDialog)
    assert notifications is not None
    qtbot.waitSignal(notifications.unreadChanged, timeout=5000).wait()
    shown += texts_of(notifications)
    notifications.reject()

    window.show_about()

    def pick(
        _parent: object, title: str, label: str, items: list[str], *_a: object
    ) -> tuple[str, bool]:
        shown.extend(Shown("switch user", text) for text in [title, label, *items])
        return "", False

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    window.switch_user()
    assert any("Asesor" in s.text for s in shown if s.where == "switch user")

    shown += texts_of(window) + boxes
    assert not [s for s in shown if ENGLISH_DATE.search(s.text)]
    assert not in_english(shown), report(in_english(shown))


# The assessor ---------------------------------------------------------------------


def resubmit(folder: Path) -> int:
    """The demo's newest denied attempt, reapplied, revised and submitted."""
    store = Store(folder)
    try:
        seed_demo(store)
        educator = store.user("educator")
        rows = store.dashboard_rows(educator.id)
        denied = max(
            (r for r in rows if r.status is Status.DENIED), key=lambda r: r.attempt
        )
        new_id = store.reapply(denied.id)
        record, previous = store.application_with_previous(new_id)
        assert previous is not None
        for part in record.credential.parts:
            if not record.is_locked(part.id):
                for question in part.questions:
                    text = previous.answers.get(question.id, "")
                    store.save_answer(new_id, question.id, text + " 21 de 28.")
        store.save_note(new_id, "Añadí los datos del segundo boleto de salida.")
        for name in ("confirm_ready", "confirm_disclosure", "confirm_own_work"):
            store.set_confirmation(new_id, name, True)
        store.submit(new_id)
        return new_id
    finally:
        store.close()


def open_from_queue(
    qtbot: QtBot, window: MainWindow, application_id: int
) -> AssessmentPage:
    assert window.queue is not None
    qtbot.waitUntil(window.queue.is_complete)
    assert window.queue.select(application_id)
    table = window.findChild(QTableView, "assessmentQueue")
    assert table is not None
    qtbot.keyClick(table, Qt.Key.Key_Return)
    page = window.page_of(application_id)
    assert isinstance(page, AssessmentPage)
    return page


def test_the_assessors_journey_is_in_spanish(
    spanish: None,
    windows: Callable[..., MainWindow],
    qtbot: QtBot,
    tmp_path: Path,
    boxes: list[Shown],
) -> None:
    resubmitted = resubmit(tmp_path)
    window = windows("assessor")
    shown: list[Shown] = []
    assert tabs_of(window).tabText(0) == "Cola de evaluación"
    queue = window.queue
    assert queue is not None
    qtbot.waitUntil(queue.is_complete)

    # The queue, with each filter; business days in words.
    choice = window.findChild(QComboBox, "queueFilter")
    assert choice is not None
    items = [choice.itemText(i) for i in range(choice.count())]
    assert items == ["Todas", "Asignadas a mí", "Sin asignar", "Vencidas"]
    for index in range(choice.count()):
        choice.setCurrentIndex(index)
        shown += texts_of(window)
    choice.setCurrentIndex(0)
    days = column(queue.proxy, QueueTableModel.DAYS_LEFT)
    assert days and all(DAYS_LEFT_ES.fullmatch(text) for text in days)

    # A resubmission: what changed, related submissions, previous verdicts.
    page = open_from_queue(qtbot, window, resubmitted)
    assert "Envíos relacionados" in labels(page)
    assert any(text.startswith("Cambios desde el intento") for text in labels(page))
    shown += texts_of(page)

    # A first attempt, judged and denied.
    store = window.context.store
    educator = store.user("educator")
    first = next(
        r.id for r in store.dashboard_rows(educator.id) if r.status is Status.SUBMITTED
    )
    page = open_from_queue(qtbot, window, first)
    panels = page.findChildren(VerdictPanel)
    for panel in panels[1:]:
        panel.findChild(QRadioButton, "verdictMeets").click()
    panels[0].findChild(QRadioButton, "verdictNeedsAttention").click()
    shown += texts_of(page)
    feedback = panels[0].findChild(QPlainTextEdit, "feedbackEditor")
    qtbot.keyClicks(feedback, "Agregue los datos del segundo boleto.")
    status = page.findChild(QLabel, "decisionStatus")
    assert status is not None
    assert status.text() == "Lista para denegar: 1 parte necesita mayor atención"
    shown += texts_of(page)

    # Held by this assessor: another one reads it only.
    other = windows("assessor2")
    held = open_from_queue(qtbot, other, first)
    title = held.findChild(QLabel, "heldBannerTitle")
    assert title is not None and title.text() == "Asignada a Morgan Lee"
    shown += texts_of(held)
    other.close()

    # The decision, confirmed.
    decide = page.findChild(QPushButton, "decideButton")
    assert decide is not None
    decide.click()
    confirmation = [s.text for s in boxes]
    assert any(text.startswith("¿Denegar ") for text in confirmation)
    assert {"Denegar", "Cancelar"} <= {without_mnemonic(t) for t in confirmation}
    banner = page.findChild(QLabel, "decisionBannerTitle")
    assert banner is not None and banner.text().startswith("Denegada el ")
    shown += texts_of(page) + texts_of(window)
    window.close()

    # The educator is told.
    educator_window = windows("educator")
    button = educator_window.findChild(QToolButton, "notificationsButton")
    assert button is not None
    qtbot.waitUntil(lambda: button.text() == "Notificaciones (1)")
    educator_window.show_notifications()
    notifications = educator_window.findChild(NotificationsDialog)
    assert notifications is not None
    qtbot.waitUntil(lambda: notifications.model.rowCount() == 1)
    assert "Denegada" in notifications.model.index(0, 1).data()
    shown += texts_of(notifications)
    notifications.reject()

    shown += boxes
    assert not [s for s in shown if ENGLISH_DATE.search(s.text)]
    assert not in_english(shown), report(in_english(shown))


# Plural forms ---------------------------------------------------------------------


def queue_row(application_id: int, days_left: int) -> QueueRow:
    return QueueRow(
        application_id=application_id,
        code=f"MC-{application_id:06d}",
        title={"en": "Formative Feedback", "es": "Retroalimentación formativa"},
        attempt=1,
        status=Status.SUBMITTED,
        submitted_at=datetime(2026, 10, 15, 9),
        decision_due=date(2026, 11, 5),
        business_days_left=days_left,
        overdue=days_left < 0,
        held_by=None,
        held_by_me=False,
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "es",
            [
                "Queda 1 día hábil",
                "Quedan 3 días hábiles",
                "Vence hoy",
                "Vencida hace 1 día hábil",
                "Vencida hace 3 días hábiles",
            ],
        ),
        (
            "en",
            [
                "1 business day left",
                "3 business days left",
                "Due today",
                "Overdue by 1 business day",
                "Overdue by 3 business days",
            ],
        ),
    ],
)
def test_the_queue_says_business_days_in_the_right_plural(
    qapp: object, language: str, expected: list[str]
) -> None:
    install_translators(language)
    try:
        model = QueueTableModel(language)
        model.set_rows([queue_row(i, d) for i, d in enumerate((1, 3, 0, -1, -3))])
        assert column(model, QueueTableModel.DAYS_LEFT) == expected
    finally:
        install_translators("en")


# Changing the language ------------------------------------------------------------


def test_the_language_changes_at_once_and_keeps_the_open_work(
    qapp: object, windows: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    settings = ui_settings()
    settings.remove(LANGUAGE_KEY)
    try:
        window = windows()
        assert tabs_of(window).tabText(0) == "Dashboard"
        rows = window.context.store.dashboard_rows(window.context.user.id)
        draft_id = next(r.id for r in rows if r.status is Status.DRAFT)
        denied_id = next(r.id for r in rows if r.status is Status.DENIED)
        draft = window.open_application(draft_id)
        assert isinstance(draft, ApplicationPage) and draft.editor is not None
        answer = next(iter(draft.editor.part_editors[0].editors.items()))
        question_id, editor = answer
        qtbot.keyClicks(editor, "Mis estudiantes de septimo grado")
        window.open_application(denied_id)

        spanish = choose_language(qtbot, window, "es")
        assert not window.isVisible()
        assert spanish.context.language == "es"
        tabs = tabs_of(spanish)
        assert tabs.tabText(0) == "Panel de control"
        assert [p.application_id for p in spanish.pages()] == [draft_id, denied_id]
        assert tabs.currentIndex() == 2
        assert "Intento" in tabs.tabText(1)
        typed = spanish.context.store.application(draft_id).answers[question_id]
        assert "Mis estudiantes de septimo grado" in typed
        reopened = spanish.page_of(draft_id)
        assert isinstance(reopened, ApplicationPage) and reopened.editor is not None
        shown = reopened.editor.part_editors[0].editors[question_id]
        assert shown.answer_text() == typed

        # Back to the system's language (English in the tests).
        english = choose_language(qtbot, spanish, "")
        assert tabs_of(english).tabText(0) == "Dashboard"
        assert english.context.language == "en"
    finally:
        settings.remove(LANGUAGE_KEY)
        install_translators("en")


def choose_language(qtbot: QtBot, window: MainWindow, code: str) -> MainWindow:
    """Choose ``code`` in Settings, OK; the window that replaces ``window``."""
    earlier = {id(w) for w in _switched_windows}
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.language.setCurrentIndex(dialog.language.findData(code))
    dialog.accept()

    def replacements() -> list[MainWindow]:
        return [w for w in _switched_windows if id(w) not in earlier]

    qtbot.waitUntil(lambda: bool(replacements()))
    replaced = replacements()[0]
    qtbot.addWidget(replaced)
    qtbot.waitExposed(replaced)
    return replaced


# The translation files ------------------------------------------------------------


def test_every_message_is_translated() -> None:
    for path in (TS_ES, TS_EN):
        for message in read_ts(path):
            where = f"{path.name} {message.context}: {message.source!r}"
            assert not message.unfinished, where
            assert all(text.strip() for text in message.translations), where
            if message.numerus:
                assert len(message.translations) == 2, where


def test_lupdate_finds_no_string_left_to_translate(tmp_path: Path) -> None:
    committed = {(m.context, m.source): m for m in read_ts(TS_ES)}
    found = lupdate(
        tmp_path / "insignia_es.ts", "-source-language", "en", "-target-language", "es"
    )
    missing = [
        f"{m.context}: {m.source!r}"
        for m in found
        if (m.context, m.source) not in committed
        or committed[(m.context, m.source)].numerus != m.numerus
    ]
    assert not missing, "run `make translations`, then translate:\n" + "\n".join(
        missing
    )

    plurals = {(m.context, m.source) for m in read_ts(TS_EN)}
    found = lupdate(
        tmp_path / "insignia_en.ts", "-pluralonly", "-target-language", "en"
    )
    missing = [
        f"{m.context}: {m.source!r}"
        for m in found
        if (m.context, m.source) not in plurals
    ]
    assert not missing, "English plural forms missing:\n" + "\n".join(missing)


def test_translations_keep_placeholders_and_mnemonics() -> None:
    for message in read_ts(TS_ES) + read_ts(TS_EN):
        wanted = sorted(PLACEHOLDER.findall(message.source))
        for text in message.translations:
            where = f"{message.context}: {message.source!r} → {text!r}"
            assert sorted(PLACEHOLDER.findall(text)) == wanted, where
            assert text.count("&") == message.source.count("&"), where


def test_only_names_and_units_read_the_same_in_spanish() -> None:
    same = {m.source for m in read_ts(TS_ES) if message_is_copied(m)}
    assert same <= SAME_IN_BOTH, sorted(same - SAME_IN_BOTH)


def message_is_copied(message: Message) -> bool:
    return any(text == message.source for text in message.translations)
