"""Starting Insignia: the command line, the data folder and the main window.

``create_window`` is the entry for tests and tools; ``main`` is the console
script ``insignia``.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QLockFile,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.context import AppContext, Changes, PendingStore
from desktop.errors import store_error_text
from desktop.links import LinkServer, bring_to_front, hand_over
from desktop.main_window import MainWindow
from desktop.preferences import (
    APPLICATION,
    ORGANIZATION,
    interface_language,
    ui_settings,
)
from desktop.tasks import run_in_background
from model.database import DATABASE_NAME, ensure_writable
from model.enums import Role
from model.errors import DataFolderNotWritable, NotFound, StoreError
from model.quickread import FirstLook
from model.records import UserRecord

logger = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).with_name("resources") / "translations"
DEFAULT_USER = "educator"
LOCK_NAME = "insignia.lock"
# The setting naming the server account's user (see model.sync.outbox).
SYNCED_USER = "sync.username"
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
    says the user is not in this folder. Without ``username``, the user is
    ``educator`` when the folder has one, else its only educator.
    """
    data_dir = Path(data_dir)
    settings = ui_settings()
    language = interface_language(settings)
    install_translators(language)

    first = FirstLook.open(data_dir)
    if first is None or (demo and first.is_empty()):
        if first is not None:
            first.close()
        window = _open_with_store(data_dir, demo, username, language, settings)
    else:
        window = _open_from_first_look(first, data_dir, username, language, settings)
    window.restore_state()
    logger.info("Signed in as %s on %s", window.context.user.username, data_dir)
    return window


def sign_in_user(
    username: str | None,
    find: Callable[[str], UserRecord | None],
    users: Callable[[], list[UserRecord]],
    data_dir: Path,
    synced: str = "",
) -> UserRecord:
    """``username``; without one, the user the folder syncs as (``synced``),
    ``educator``, else the folder's only educator.

    A folder set up at the first start has one educator, named after the
    computer's login, so a plain ``insignia`` signs them in.
    """
    user = find(synced) if username is None and synced else None
    user = user or find(username or DEFAULT_USER)
    if user is None and username is None:
        educators = [u for u in users() if u.role is Role.EDUCATOR]
        user = educators[0] if len(educators) == 1 else None
    if user is None:
        raise UnknownUser(username or DEFAULT_USER, data_dir)
    return user


def _open_with_store(
    data_dir: Path,
    demo: bool,
    username: str | None,
    language: str,
    settings: QSettings,
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

        def find(name: str) -> UserRecord | None:
            try:
                return store.user(name)
            except NotFound:
                return None

        user = sign_in_user(
            username, find, store.users, store.data_dir, store.setting(SYNCED_USER)
        )
    except BaseException:
        store.close()
        raise
    window = MainWindow(AppContext(store, user, language, Changes()), settings)
    window.dashboard.load()
    return window


def _open_from_first_look(
    first: FirstLook,
    data_dir: Path,
    username: str | None,
    language: str,
    settings: QSettings,
) -> MainWindow:
    """Paint from a quick read; the store opens on a worker meanwhile."""
    try:
        user = sign_in_user(
            username, first.user, first.users, data_dir, first.setting(SYNCED_USER)
        )
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
        run_in_background(
            lambda: _warm_up(pending, rows[0].id if rows else None),
            None,
            lambda error: _store_failed(window, error),
        )

    QTimer.singleShot(0, window, after_first_paint)
    return window


def _store_failed(window: MainWindow, error: BaseException) -> None:
    """The store did not open after the first paint: say why, and close.

    Nothing could be saved in that window: every action needs the store.
    """
    if not isinstance(error, StoreError):
        # Warming up is only a head start; the click that needs it will say.
        logger.warning("Could not prepare the first application: %s", error)
        return
    logger.error("Cannot open the data folder: %s", error)
    QMessageBox.critical(
        window,
        QCoreApplication.translate("app", "Insignia cannot use its data"),
        store_error_text(error),
    )
    window.close()


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
        "--user",
        default=None,
        help=f"the user to sign in as (default: {DEFAULT_USER}, or the folder's"
        " only educator)",
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
    except CatalogError as error:
        # A published version whose structure changed: nothing was imported.
        print(f"insignia import-catalog: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    for code in codes:
        print(code)
    return 0


def lock_data_folder(data_dir: Path) -> QLockFile | None:
    """This process's hold on ``data_dir``; None while another Insignia has it.

    Two Insignias on one folder would each autosave over the other's text.
    A lock left behind by an Insignia that crashed is taken over: QLockFile
    sees that its process is gone. Raises DataFolderNotWritable when the lock
    file cannot be written.
    """
    ensure_writable(data_dir)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    # Never stale by age, only when its process is gone: a session lasts days.
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    if lock.error() is QLockFile.LockError.LockFailedError:
        return None
    raise DataFolderNotWritable(f"cannot create {LOCK_NAME}", data_dir)


def folder_is_new(data_dir: Path) -> bool:
    """Whether the data folder has no user yet (nor, maybe, a database)."""
    first = FirstLook.open(data_dir)
    if first is not None:
        try:
            return first.is_empty()
        finally:
            first.close()
    if not (data_dir / DATABASE_NAME).exists():
        return True
    from model.store import Store

    # An older database: upgraded now, as the window would upgrade it.
    store = Store(data_dir)
    try:
        return store.is_empty()
    finally:
        store.close()


def login_name() -> str:
    try:
        return getpass.getuser()
    except OSError:  # no login name in the environment or the user database
        return ""


def first_start(data_dir: Path) -> str | None:
    """Welcome the educator of a new folder and create their local user.

    Returns the new username, or None when they closed the welcome.
    """
    from desktop.views.welcome import WelcomeDialog
    from model.store import Store, local_username

    dialog = WelcomeDialog(data_dir)
    choice = dialog.exec()
    if choice == WelcomeDialog.SIGN_IN:
        return _first_sign_in(data_dir)
    if choice != WelcomeDialog.DialogCode.Accepted:
        return None
    store = Store(data_dir)
    try:
        user = store.set_up_first_educator(
            local_username(login_name()), dialog.display_name(), dialog.email_address()
        )
    finally:
        store.close()
    return user.username


def _first_sign_in(data_dir: Path) -> str | None:
    """A new folder for a server account: its user comes from the server."""
    from desktop.views.sign_in import SignInDialog
    from model.store import Store

    store = Store(data_dir)
    try:
        dialog = SignInDialog(lambda: store)
        if dialog.exec() != SignInDialog.DialogCode.Accepted or not dialog.result_:
            return None
        return dialog.result_.user.username
    finally:
        store.close()


def _startup_error(text: str) -> int:
    print(text, file=sys.stderr)
    # Translated here: main installed the translators first.
    title = QCoreApplication.translate("app", "Insignia cannot start")
    QMessageBox.critical(None, title, text)
    return 1


def _already_open(data_dir: Path, url: str | None) -> int:
    """Hand ``url`` to the Insignia open on ``data_dir``; say so if it won't take it."""
    if hand_over(data_dir, url):
        logger.info("Handed %s to the Insignia open on %s", url or "no link", data_dir)
        return 0
    text = QCoreApplication.translate(
        "app",
        "Insignia is already open on this data folder: {folder}. Switch to that"
        " window.",
    ).format(folder=data_dir)
    logger.error("Another Insignia holds %s", data_dir / LOCK_NAME)
    print(text, file=sys.stderr)
    QMessageBox.information(
        None, QCoreApplication.translate("app", "Insignia is already open"), text
    )
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
    install_translators(interface_language(ui_settings()))
    data_dir = args.data_dir or default_data_dir()
    try:
        lock = lock_data_folder(data_dir)
    except StoreError as error:
        logger.error("Cannot open the data folder: %s", error)
        return _startup_error(store_error_text(error))
    if lock is None:
        return _already_open(data_dir, args.url)
    try:
        return _run(app, data_dir, args)
    finally:
        lock.unlock()


def _run(app: QApplication, data_dir: Path, args: argparse.Namespace) -> int:
    """The welcome on a new folder, then the window until it closes."""
    username = args.user
    try:
        if not args.demo and folder_is_new(data_dir):
            username = first_start(data_dir)
            if username is None:
                logger.info("The welcome was closed; nothing was created")
                return 0
        window = create_window(data_dir, demo=args.demo, username=username)
    except StoreError as error:
        logger.error("Cannot open the data folder: %s", error)
        return _startup_error(store_error_text(error))
    except UnknownUser as error:
        logger.error("Cannot sign in: %s", error)
        return _startup_error(unknown_user_text(error))

    window.show()
    links = listen_for_links(data_dir, window)
    if args.url:
        open_when_ready(window, args.url)
    try:
        status = app.exec()
    finally:
        links.close()
    try:
        window.context.store.close()
    except StoreError:
        logger.debug("The store never opened; its failure was shown then")
    return status


def listen_for_links(data_dir: Path, window: MainWindow) -> LinkServer:
    """Take the links later starts on ``data_dir`` hand over, from now on.

    Each opens in the window shown then (after File ▸ Switch user, the one
    that replaced ``window``); a start without a link brings it forward.
    """
    server = LinkServer(data_dir, window)

    def follow(url: str) -> None:
        shown = _current_window(window)
        if url:
            open_when_ready(shown, url)
        else:
            bring_to_front(shown)

    server.received.connect(follow)
    server.listen()
    return server


def open_when_ready(window: MainWindow, url: str) -> None:
    """Open the link once the window's store is open.

    At start-up the store may still be opening on a worker: waiting for it
    there keeps the window painting meanwhile.
    """

    def opened(_store: object) -> None:
        if window.isVisible():
            window.open_url(url)

    run_in_background(
        lambda: window.context.store,
        opened,
        # The store's failure is shown and closes the window (_store_failed).
        lambda error: logger.warning("Cannot open %s: %s", url, error),
    )


def _current_window(first: MainWindow) -> MainWindow:
    """``first``, or the window that replaced it (File ▸ Switch user)."""
    if first.isVisible():
        return first
    replacements = [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, MainWindow)
        and widget.isVisible()
        and widget.context.data_dir == first.context.data_dir
    ]
    return replacements[-1] if replacements else first
