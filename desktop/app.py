"""Starting Insignia: the command line, the data folder and the main window.

``create_window`` is the entry for tests and tools; ``main`` is the console
script ``insignia``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.context import AppContext, Changes, PendingStore
from desktop.errors import store_error_text
from desktop.main_window import MainWindow
from desktop.tasks import run_in_background
from desktop.views.settings import (
    APPLICATION,
    ORGANIZATION,
    interface_language,
    ui_settings,
)
from model.errors import NotFound, StoreError
from model.quickread import FirstLook

logger = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).with_name("resources") / "translations"
DEFAULT_USER = "educator"
# The dashboard paints with the newest attempts; the rest follow from a worker.
FIRST_PAGE = 500

# Installed translators, kept referenced (Qt does not own them) and replaced
# when another window is created in the same process.
_translators: list[QTranslator] = []


class UnknownUser(LookupError):
    """No user of that name in the data folder."""

    def __init__(self, username: str, data_dir: Path) -> None:
        super().__init__(f"no user {username!r} in {data_dir}")
        self.username = username
        self.data_dir = data_dir


def unknown_user_text(error: UnknownUser) -> str:
    return QCoreApplication.translate(
        "app",
        "There is no user “{name}” in the data folder\n{folder}\n\n"
        "Start with --user and the name of a user of that folder. A new folder"
        " started with --demo has the users educator and assessor.",
    ).format(name=error.username, folder=error.data_dir)


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("Insignia"))


def install_translators(language: str) -> None:
    """Load Insignia's and Qt's translations for ``language`` when they exist."""
    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"insignia_{language}", str(TRANSLATIONS)),
        (f"qtbase_{language}", qt_translations),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            logger.debug("No translation %s in %s", name, folder)
    # Dates follow the system's regional format unless the interface was set
    # to another language than the system's.
    system = QLocale.system()
    if not system.name().startswith(language):
        QLocale.setDefault(QLocale(language))
    else:
        QLocale.setDefault(system)


def create_window(
    data_dir: Path, *, demo: bool = False, username: str | None = None
) -> MainWindow:
    """The main window on ``data_dir``, signed in, not yet shown.

    A ``QApplication`` must exist. StoreError says why the folder or its
    database cannot be used (the file is then left as it was); UnknownUser
    says the user is not in this folder.
    """
    data_dir = Path(data_dir)
    name = username or DEFAULT_USER
    settings = ui_settings()
    language = interface_language(settings)
    install_translators(language)

    first = FirstLook.open(data_dir)
    if first is None or (demo and first.is_empty()):
        if first is not None:
            first.close()
        window = _open_with_store(data_dir, demo, name, language, settings)
    else:
        window = _open_from_first_look(first, data_dir, name, language, settings)
    window.restore_state()
    logger.info("Signed in as %s on %s", name, data_dir)
    return window


def _open_with_store(
    data_dir: Path, demo: bool, name: str, language: str, settings: QSettings
) -> MainWindow:
    """Open, create or upgrade the store first: a new or older database."""
    from model.store import Store

    store = Store(data_dir)
    try:
        if demo and store.is_empty():
            # Imported here: the demo reads the catalog with pydantic, which a
            # normal start does not need.
            from model.demo import seed_demo

            seed_demo(store)
        try:
            user = store.user(name)
        except NotFound:
            raise UnknownUser(name, store.data_dir) from None
    except BaseException:
        store.close()
        raise
    window = MainWindow(AppContext(store, user, language, Changes()), settings)
    window.dashboard.load()
    return window


def _open_from_first_look(
    first: FirstLook, data_dir: Path, name: str, language: str, settings: QSettings
) -> MainWindow:
    """Paint from a quick read; the store opens on a worker meanwhile."""
    try:
        user = first.user(name)
        if user is None:
            raise UnknownUser(name, data_dir)
        rows = first.dashboard_rows(user.id, FIRST_PAGE + 1)
    finally:
        first.close()
    pending = PendingStore(data_dir)
    window = MainWindow(AppContext(pending, user, language, Changes()), settings)
    complete = len(rows) <= FIRST_PAGE
    window.dashboard.show_rows(rows[:FIRST_PAGE], complete)

    def after_first_paint() -> None:
        # Work on other threads still competes for the interpreter: it starts
        # once the window had its chance to paint.
        pending.start()
        if not complete:
            window.dashboard.load_in_background()
        run_in_background(lambda: _warm_up(pending, rows[0].id if rows else None))

    QTimer.singleShot(0, window, after_first_paint)
    return window


def _warm_up(pending: PendingStore, application_id: int | None) -> None:
    """Load what the first application tab needs while the dashboard is read.

    The page's modules and SQLAlchemy's first queries would otherwise be paid
    by the first click on an application.
    """
    import desktop.views.application  # noqa: F401

    store = pending.result()
    store.credentials()
    if application_id is not None:
        store.application(application_id)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="insignia",
        description="Draft, submit and resubmit educator micro-credentials.",
        epilog="Also: insignia import-catalog FILE [--data-dir DIR]",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="the folder of the local database (default: the user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="fill a new data folder with sample micro-credentials and users",
    )
    parser.add_argument(
        "--user", default=None, help=f"the user to sign in as (default: {DEFAULT_USER})"
    )
    parser.add_argument(
        "url", nargs="?", help="a link insignia://applications/<id> to open"
    )
    return parser


def import_catalog_command(argv: Sequence[str]) -> int:
    """``insignia import-catalog FILE``: add or update micro-credentials."""
    parser = argparse.ArgumentParser(
        prog="insignia import-catalog",
        description="Import a catalog of micro-credentials (docs/catalog-format.md).",
    )
    parser.add_argument("file", type=Path)
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args(list(argv))

    from model.catalog import CatalogError, read_catalog

    try:
        # A bad file is refused before the data folder is created or opened.
        read_catalog(args.file)
        from model.store import Store

        store = Store(args.data_dir or default_data_dir())
    except CatalogError as error:
        print(f"insignia import-catalog: {error}", file=sys.stderr)
        return 1
    except StoreError as error:
        print(store_error_text(error), file=sys.stderr)
        return 1
    try:
        codes = store.import_catalog(args.file)
    finally:
        store.close()
    for code in codes:
        print(code)
    return 0


def _startup_error(title: str, text: str) -> int:
    print(text, file=sys.stderr)
    QMessageBox.critical(None, title, text)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if arguments[:1] == ["import-catalog"]:
        return import_catalog_command(arguments[1:])
    args = build_parser().parse_args(arguments)

    app = QApplication.instance() or QApplication(sys.argv[:1] or ["insignia"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("insignia")
    title = QCoreApplication.translate("app", "Insignia cannot start")
    try:
        window = create_window(
            args.data_dir or default_data_dir(), demo=args.demo, username=args.user
        )
    except StoreError as error:
        logger.error("Cannot open the data folder: %s", error)
        return _startup_error(title, store_error_text(error))
    except UnknownUser as error:
        logger.error("Cannot sign in: %s", error)
        return _startup_error(title, unknown_user_text(error))

    window.show()
    if args.url:
        # A link is not yet handed over to an Insignia that is already running:
        # each start opens a window of its own.
        QTimer.singleShot(0, lambda: window.open_url(args.url))
    status = app.exec()
    window.context.store.close()
    return status
