"""The main window: the home tab and a workspace tab per open application.

The home tab is the dashboard of one's own applications, or for an assessor
the assessment queue; an assessor's application tabs are assessment pages.

Window geometry, open tabs and splitter positions are kept in QSettings, the
tabs per data folder and user so two folders (or two users) never mix their
tabs.
"""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

from desktop.context import AppContext
from desktop.errors import not_allowed_text
from desktop.keyboard import announce, focus_first, move_to_section
from desktop.links import NotALink, bring_to_front, parse_link
from desktop.preferences import interface_language, ui_settings
from desktop.sync import SyncController
from desktop.tasks import run_in_background
from desktop.views.dashboard import DashboardView
from desktop.views.notifications import NotificationsDialog, button_text
from model.enums import Role
from model.errors import NotAllowed, NotFound

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon

    from desktop.export_actions import ExportController

    # Imported when the first application opens: the dashboard paints sooner.
    from desktop.views.application import ApplicationPage
    from desktop.views.assessment import AssessmentPage
    from desktop.views.queue import QueueView
    from model.store import Store
    from model.sync.account import Account

    Page = ApplicationPage | AssessmentPage

logger = logging.getLogger(__name__)

# Changes arriving within this many milliseconds recount notifications once.
NOTIFICATIONS_DELAY_MS = 400
# The first sync starts this long after the window is shown.
SYNC_DELAY_MS = 1500


def workspace_group(context: AppContext) -> str:
    """The QSettings group of one user's open tabs in one data folder.

    Per user too: after File ▸ Switch user, the other user must not reopen
    tabs of applications that are not theirs.
    """
    key = f"{context.data_dir.resolve()}\n{context.user.username}"
    return "workspaces/" + hashlib.sha256(key.encode()).hexdigest()[:16]


def role_text(role: Role) -> str:
    translate = QCoreApplication.translate
    return {
        Role.EDUCATOR: translate("Role", "Educator"),
        Role.ASSESSOR: translate("Role", "Assessor"),
        Role.ADMIN: translate("Role", "Administrator"),
    }[role]


# Windows opened by File ▸ Switch user, kept referenced while they are open.
_switched_windows: list[MainWindow] = []


class MainWindow(QMainWindow):
    """The home tab first, then one closable tab per open application."""

    def __init__(
        self,
        context: AppContext,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Insignia"))
        self.context = context
        self.settings = settings or ui_settings()
        self._splitter_states: dict[int, QByteArray] = {}
        self._dialog: QWidget | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.tabBar().setAccessibleName(self.tr("Open tabs"))
        self.setCentralWidget(self.tabs)

        self.dashboard = DashboardView(context, self)
        self.dashboard.openRequested.connect(self.open_application)
        self.dashboard.newApplicationRequested.connect(self.new_application)
        self.queue: QueueView | None = None
        self.home: QWidget = self.dashboard
        if self.is_assessor():
            from desktop.views.queue import QueueView

            self.queue = QueueView(context, self)
            self.queue.openRequested.connect(self.open_application)
            self.home = self.queue
            # Start-up paints window.dashboard; an assessor's stays out of sight.
            self.dashboard.hide()
            self.tabs.addTab(self.queue, self.tr("Assessment queue"))
            self.queue.start()
        else:
            self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        for side in (QTabBar.ButtonPosition.LeftSide, QTabBar.ButtonPosition.RightSide):
            self.tabs.tabBar().setTabButton(0, side, None)

        self.notifications_button: QToolButton | None = None
        self._tray: QSystemTrayIcon | None = None
        self._tray_application = 0
        self._notifications_timer = QTimer(
            self, singleShot=True, interval=NOTIFICATIONS_DELAY_MS
        )
        self._notifications_timer.timeout.connect(self.refresh_notifications)
        self._build_menus()
        self._build_status_bar()
        context.changes.applicationChanged.connect(self._retitle)
        context.changes.attemptCreated.connect(self._attempt_created)
        self.resize(1280, 820)

    def is_assessor(self) -> bool:
        return self.context.user.role is Role.ASSESSOR

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(
            self.tr("&New application…"), "Ctrl+N", self.new_application
        )
        file_menu.addAction(self.new_action)
        # Assessors judge applications; they do not write them.
        self.new_action.setEnabled(not self.is_assessor())
        file_menu.addAction(
            self._action(self.tr("&Settings…"), "Ctrl+,", self.open_settings)
        )
        file_menu.addSeparator()
        self._build_export_actions(file_menu)
        file_menu.addSeparator()
        self.sync_now_action = self._action(self.tr("S&ync now"), "F5", self.sync_now)
        self.sync_now_action.setObjectName("syncNowAction")
        self.sign_in_action = self._action(
            self.tr("Sign &in to a server…"), None, self.sign_in
        )
        self.sign_in_action.setObjectName("signInAction")
        self.sign_out_action = self._action(self.tr("Sign &out"), None, self.sign_out)
        self.sign_out_action.setObjectName("signOutAction")
        for action in (self.sync_now_action, self.sign_in_action, self.sign_out_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.switch_user_action = self._action(
            self.tr("S&witch user…"), None, self.switch_user
        )
        self.switch_user_action.setObjectName("switchUserAction")
        file_menu.addAction(self.switch_user_action)
        file_menu.addSeparator()
        quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        home = self.tr("&Assessment queue") if self.is_assessor() else None
        view_menu.addAction(
            self._action(home or self.tr("&Dashboard"), "Ctrl+1", self.show_dashboard)
        )
        view_menu.addAction(
            self._action(self.tr("&Close tab"), "Ctrl+W", self.close_current_tab)
        )
        self._build_keyboard_actions(view_menu)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = self._action(self.tr("&About Insignia"), None, self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)

    def _build_keyboard_actions(self, view_menu: QMenu) -> None:
        """Tab to tab in View, and the current page's actions in Application.

        Shown in menus so they can be found; each works from anywhere in the
        window, a text editor included.
        """
        view_menu.addSeparator()
        for text, keys, step in (
            (self.tr("Next &tab"), QKeySequence.StandardKey.NextChild, 1),
            (self.tr("Pre&vious tab"), QKeySequence.StandardKey.PreviousChild, -1),
        ):
            action = self._action(text, None, lambda _=False, s=step: self._step_tab(s))
            action.setShortcuts(keys)
            view_menu.addAction(action)

        menu = self.menuBar().addMenu(self.tr("&Application"))
        submit = (
            self.tr("&Record decision…") if self.is_assessor() else self.tr("S&ubmit")
        )
        self.page_actions: list[QAction] = []
        for text, keys, slot in (
            (self.tr("&Save now"), ["Ctrl+S"], self.save_now),
            (submit, ["Ctrl+Return", "Ctrl+Enter"], self._activate_primary),
            (self.tr("&Next part"), ["Ctrl+PgDown", "Alt+Down"], self.next_part),
            (self.tr("&Previous part"), ["Ctrl+PgUp", "Alt+Up"], self.previous_part),
        ):
            action = self._action(text, None, slot)
            action.setShortcuts([QKeySequence(k) for k in keys])
            menu.addAction(action)
            self.page_actions.append(action)
        self.save_action, self.submit_action = self.page_actions[:2]
        self.save_action.setObjectName("saveNowAction")
        self.submit_action.setObjectName("submitAction")
        self.tabs.currentChanged.connect(self._enable_page_actions)
        self._enable_page_actions()

    def _build_export_actions(self, file_menu: QMenu) -> None:
        """Export PDF and Print, on the application of the current tab.

        The PDF machinery loads on first use: the window paints sooner.
        """
        from desktop.export_names import EXPORT_ACTION, PRINT_ACTION, PRINT_SUPPORT

        self._exporter: ExportController | None = None
        self.export_action = self._action(
            self.tr("&Export PDF…"), "Ctrl+Shift+E", self.export_current_pdf
        )
        self.export_action.setObjectName(EXPORT_ACTION)
        self.print_action = self._action(self.tr("&Print…"), None, self.print_current)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setObjectName(PRINT_ACTION)
        file_menu.addAction(self.export_action)
        if PRINT_SUPPORT:
            file_menu.addAction(self.print_action)
        else:
            # Without Qt's print support the PDF is the printable version.
            self.print_action.setVisible(False)
        self.tabs.currentChanged.connect(self._enable_export_actions)
        self._enable_export_actions()

    def _enable_export_actions(self, _index: int = 0) -> None:
        page = self.tabs.currentWidget()
        printable = page is not self.home and getattr(page, "record", None) is not None
        self.export_action.setEnabled(printable)
        self.print_action.setEnabled(printable and self.print_action.isVisible())

    def _action(self, text: str, shortcut: str | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_status_bar(self) -> None:
        user = self.context.user
        signed_in = QLabel(
            self.tr("{name} · {role}").format(
                name=user.display_name, role=role_text(user.role)
            ),
            self,
        )
        signed_in.setObjectName("signedInUser")
        signed_in.setTextFormat(Qt.TextFormat.PlainText)
        signed_in.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addWidget(signed_in)
        if user.role is Role.EDUCATOR:
            self._build_notifications_button()
        self.statusBar().addPermanentWidget(self._build_sync_button())

    # Sync -------------------------------------------------------------------

    def _build_sync_button(self) -> QToolButton:
        """The sync state in words; its menu syncs, signs in and out."""
        self.sync = self._new_sync()
        self._sync_started = False
        button = QToolButton(self)
        button.setObjectName("syncStatus")
        button.setAutoRaise(True)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.addAction(self.sync_now_action)
        menu.addSeparator()
        menu.addAction(self.sign_in_action)
        menu.addAction(self.sign_out_action)
        button.setMenu(menu)
        self.sync_button = button
        self._show_sync_state()
        return button

    def _show_sync_state(self) -> None:
        from desktop.sync import SyncState

        state = self.sync.state
        text = self.sync.text()
        self.sync_button.setText(text)
        self.sync_button.setToolTip(self.sync.details())
        self.sync_button.setAccessibleName(self.tr("Sync: {state}").format(state=text))
        self.sync_button.setAccessibleDescription(self.sync.details())
        connected = self.sync.account is not None
        self.sync_now_action.setEnabled(connected)
        self.sign_out_action.setEnabled(connected)
        font = self.sync_button.font()
        font.setBold(state in (SyncState.SIGN_IN_NEEDED, SyncState.ERROR))
        self.sync_button.setFont(font)

    def start_sync(self) -> None:
        """Sync now and from time to time, if the data folder has a server."""
        if not self._sync_started:
            self._sync_started = True
            self.sync.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sync_started:
            # After the first paint: the sync's imports compete with it.
            QTimer.singleShot(SYNC_DELAY_MS, self, self.start_sync)

    def sync_now(self) -> None:
        if self.sync.account is None:
            self.sign_in()
            return
        self.sync.sync_now()

    def sign_in(self) -> None:
        """Ask for a server account; the window then syncs with it."""
        from desktop.views.sign_in import SignInDialog

        account = self.sync.account
        dialog = SignInDialog(
            lambda: self.context.store,
            self,
            server=account.server if account else "",
            username=account.username if account else "",
        )
        self._dialog = dialog
        if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.result_ is None:
            return
        signed_in = dialog.result_
        if not signed_in.remembered:
            QMessageBox.information(
                self,
                self.tr("Signed in for this session"),
                self.tr(
                    "This computer has no keyring Insignia can use to keep your"
                    " sign-in safely, so it is not saved: Insignia will ask you"
                    " to sign in again the next time it starts."
                ),
            )
        if signed_in.user.username != self.context.user.username:
            self.reopen(signed_in.user.username, self.tr("Cannot sign in"))
            return
        self._sync_started = True
        self.sync.start()

    def sign_out(self) -> None:
        """Stop syncing; the work stays here, and what waits is sent next time."""
        account = self.sync.account
        if account is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Sign out"),
            self.tr(
                "Sign out of {server}? Your work stays on this computer;"
                " changes not yet sent are sent when you sign in again."
            ).format(server=account.server),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.sync.stop()
        store = self.context.store
        run_in_background(
            lambda: _sign_out(store, account),
            lambda _none: self._signed_out(),
            lambda error: self._signed_out(),
        )

    def _new_sync(self) -> SyncController:
        sync = SyncController(self.context, self)
        sync.stateChanged.connect(self._show_sync_state)
        sync.decisionArrived.connect(self._decision_arrived)
        return sync

    def _signed_out(self) -> None:
        self.sync.deleteLater()
        self.sync = self._new_sync()
        self._show_sync_state()
        self.statusBar().showMessage(self.tr("Signed out"), 4000)

    def _decision_arrived(self, application_id: int) -> None:
        """A decision came through sync: a tray message, where there is a tray."""
        from PySide6.QtWidgets import QSystemTrayIcon

        self._notifications_timer.start()
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(self.windowIcon(), self)
            self._tray.setToolTip(self.tr("Insignia"))
            self._tray.messageClicked.connect(
                lambda: self.open_application(self._tray_application)
            )
            self._tray.activated.connect(lambda _reason: bring_to_front(self))
            self._tray.show()
        self._tray_application = application_id
        self._tray.showMessage(
            self.tr("A decision on your application"),
            self.tr("Your application has been decided. Open it to read the feedback."),
        )

    def _build_notifications_button(self) -> None:
        button = QToolButton(self)
        button.setObjectName("notificationsButton")
        button.setText(button_text(0))
        button.setAutoRaise(True)
        button.setToolTip(self.tr("Decisions on your applications"))
        button.clicked.connect(self.show_notifications)
        self.statusBar().addPermanentWidget(button)
        self.notifications_button = button
        self.context.changes.applicationChanged.connect(self._notifications_timer.start)
        self.refresh_notifications()

    # Tabs -------------------------------------------------------------------

    def pages(self) -> list[Page]:
        widgets = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [cast("Page", w) for w in widgets if w is not self.home]

    def page_of(self, application_id: int) -> Page | None:
        return next(
            (p for p in self.pages() if p.application_id == application_id), None
        )

    def open_application(
        self, application_id: int, beside: QWidget | None = None
    ) -> Page | None:
        """Show the application's tab, opening it (after ``beside``) if needed.

        An assessor gets an assessment page, which claims the application.
        None, after saying why, when the signed-in user may not open it.
        """
        page = self.page_of(application_id)
        if page is None:
            refusal = self._refusal(application_id)
            if isinstance(refusal, NotAllowed):
                self._refuse(refusal)
                return None
            page = self._new_page(application_id)
            page.openRequested.connect(self._open_requested)
            state = self._splitter_states.get(application_id)
            if state is not None:
                page.restore_splitter_state(state)
            position = self.tabs.count()
            if beside is not None and self.tabs.indexOf(beside) > 0:
                position = self.tabs.indexOf(beside) + 1
            self.tabs.insertTab(position, page, page.title())
            self.tabs.setTabToolTip(self.tabs.indexOf(page), page.title())
            logger.debug("Opened application %s in a tab", application_id)
            self.tabs.setCurrentWidget(page)
            # A new tab starts at its first control, wherever the focus was.
            focus_first(page)
        self.tabs.setCurrentWidget(page)
        return page

    def _new_page(self, application_id: int) -> Page:
        if self.is_assessor():
            from desktop.views.assessment import AssessmentPage

            return AssessmentPage(self.context, application_id, self.tabs)
        from desktop.views.application import ApplicationPage

        return ApplicationPage(self.context, application_id, self.tabs)

    def _open_requested(self, application_id: int) -> None:
        sender = self.sender()
        beside = sender if sender in self.pages() else None
        self.open_application(application_id, beside)
        # A page asks to open a new attempt after Reapply: list it at once.
        self.dashboard.schedule_update(application_id)

    def open_url(self, url: str) -> bool:
        """Come forward and open the application a link names.

        ``insignia://applications/<id>``, by local id or uid (desktop.links).
        False, after saying why, when the link names nothing the user may open.
        """
        bring_to_front(self)
        try:
            application_id = parse_link(url).resolve(self.context.store)
            if isinstance(self._refusal(application_id), NotFound):
                raise NotFound(application_id)
        except NotALink:
            text = self.tr("This link is not an Insignia application link:\n{url}")
        except NotFound:
            text = self.tr(
                "Insignia cannot open “{url}”: there is no such application"
                " in this data folder."
            )
        else:
            return self.open_application(application_id) is not None
        logger.warning("Cannot open the link %s", url)
        QMessageBox.warning(self, self.tr("Cannot open the link"), text.format(url=url))
        return False

    def _refusal(self, application_id: int) -> NotFound | NotAllowed | None:
        """Why the signed-in user cannot open the application; None if they can.

        Educators open their own applications; assessors open other
        educators' submitted ones, as assessment pages (model.workflow).
        """
        try:
            self.context.store.ensure_may_read(application_id, self.context.user.id)
        except (NotFound, NotAllowed) as refusal:
            return refusal
        return None

    def _refuse(self, refusal: NotAllowed) -> None:
        logger.warning(
            "%s may not open application %s: %s",
            self.context.user.username,
            refusal.application_id,
            refusal.reason,
        )
        QMessageBox.warning(
            self, self.tr("Cannot open the application"), not_allowed_text(refusal)
        )

    def close_tab(self, index: int) -> bool:
        """Save the page's pending edits, then close its tab."""
        page = self.tabs.widget(index)
        if page is None or page is self.home:
            return False
        if not self._flush(page):
            return False
        state = page.splitter_state()
        if state is not None:
            self._splitter_states[page.application_id] = state
        self.tabs.removeTab(index)
        page.deleteLater()
        return True

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    # Keyboard actions on the current tab -----------------------------------

    def current_page(self) -> Page | None:
        widget = self.tabs.currentWidget()
        return None if widget is None or widget is self.home else cast("Page", widget)

    def _enable_page_actions(self, _index: int = 0) -> None:
        # Disabled on the home tab, so its keys (Alt+Down in a list) work there.
        on_page = self.current_page() is not None
        for action in self.page_actions:
            action.setEnabled(on_page)

    def _export_page(self) -> Page | None:
        """The current application, saved first so the PDF has the last edits."""
        widget = self.tabs.currentWidget()
        if widget is None or widget is self.home:
            return None
        page = cast("Page", widget)
        try:
            page.flush()
        except Exception as error:
            logger.warning("Could not save before exporting: %s", error)
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr(
                    "Your last changes could not be saved, so they would be missing"
                    " from the printed application:"
                )
                + "\n\n"
                + str(error),
            )
            return None
        return page

    @property
    def exporter(self) -> ExportController:
        if self._exporter is None:
            from desktop.export_actions import ExportController

            self._exporter = ExportController(self, self.context, self.settings)
        return self._exporter

    def export_current_pdf(self) -> None:
        page = self._export_page()
        if page is not None:
            self.exporter.export_pdf(page.application_id)

    def print_current(self) -> None:
        page = self._export_page()
        if page is not None:
            self.exporter.print_application(page.application_id)

    def _step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def save_now(self) -> None:
        """Save the current page's pending edits now, and say so."""
        page = self.current_page()
        if page is None:
            return
        try:
            page.save_now()
        except Exception as error:
            logger.warning(
                "Could not save application %s: %s", page.application_id, error
            )
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("Insignia could not save your last changes:")
                + "\n\n"
                + str(error),
            )
            return
        saved = self.tr("Saved")
        self.statusBar().showMessage(saved, 3000)
        announce(self, saved)

    def _activate_primary(self) -> None:
        page = self.current_page()
        if page is not None:
            page.activate_primary()

    def next_part(self) -> None:
        """Focus the next part of the current application and show it."""
        page = self.current_page()
        if page is not None:
            move_to_section(page.keyboard_sections(), 1)

    def previous_part(self) -> None:
        page = self.current_page()
        if page is not None:
            move_to_section(page.keyboard_sections(), -1)

    def show_dashboard(self) -> None:
        """Show the home tab: the dashboard, or an assessor's queue."""
        self.tabs.setCurrentWidget(self.home)
        home = self.queue or self.dashboard
        home.table.setFocus()

    def _retitle(self, application_id: int) -> None:
        page = self.page_of(application_id)
        if page is not None and shiboken6.isValid(page):
            index = self.tabs.indexOf(page)
            self.tabs.setTabText(index, page.title())
            self.tabs.setTabToolTip(index, page.title())

    def _attempt_created(self, new_id: int, previous_id: int) -> None:
        self._retitle(previous_id)

    def _flush(self, page: Page) -> bool:
        """Save the page now; True when saved or when the user lets it go."""
        try:
            page.flush()
        except Exception as error:
            logger.warning(
                "Could not save application %s: %s", page.application_id, error
            )
            answer = QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr(
                    "Insignia could not save your last changes to “{title}”:\n{error}"
                    "\n\nClose anyway and lose them?"
                ).format(title=page.title(), error=error),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            return answer == QMessageBox.StandardButton.Discard
        return True

    # Dialogs ----------------------------------------------------------------

    def new_application(self) -> None:
        from desktop.views.catalog import CatalogDialog

        dialog = CatalogDialog(self.context, self)
        dialog.applicationStarted.connect(self.open_application)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    def open_settings(self) -> None:
        from desktop.views.settings import SettingsDialog

        dialog = SettingsDialog(self.context, self.settings, self)
        dialog.accepted.connect(self._language_chosen)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    def show_notifications(self) -> None:
        """The list of decisions; opening one shows its application."""
        dialog = NotificationsDialog(self.context, self)
        dialog.openRequested.connect(self.open_application)
        dialog.openRequested.connect(dialog.accept)
        dialog.unreadChanged.connect(self._show_unread)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.show()

    def refresh_notifications(self) -> None:
        """Count the unread notifications on a worker and show the count."""
        if self.notifications_button is None:
            return
        context = self.context
        user_id = context.user.id

        def work() -> int:
            from model.assessing import unread_count

            return unread_count(context.store, user_id)

        run_in_background(work, self._show_unread, self._count_failed)

    def _show_unread(self, count: int) -> None:
        button = self.notifications_button
        if button is not None and shiboken6.isValid(button):
            button.setText(button_text(count))
            button.setAccessibleName(button.text())
            font = button.font()
            font.setBold(count > 0)
            button.setFont(font)

    def _count_failed(self, error: BaseException) -> None:
        logger.warning("Could not count the notifications: %s", error)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._notifications_timer.start()

    def switch_user(self) -> None:
        """Reopen the window as another user of this data folder."""
        me = self.context.user
        others = [u for u in self.context.store.users() if u.id != me.id]
        if not others:
            QMessageBox.information(
                self,
                self.tr("Switch user"),
                self.tr("There is no other user in this data folder."),
            )
            return
        choices = [
            self.tr("{name} — {role} ({username})").format(
                name=u.display_name, role=role_text(u.role), username=u.username
            )
            for u in others
        ]
        choice, accepted = QInputDialog.getItem(
            self, self.tr("Switch user"), self.tr("Sign in as:"), choices, 0, False
        )
        if not accepted or choice not in choices:
            return
        user = others[choices.index(choice)]
        if self.reopen(user.username, self.tr("Cannot switch user")) is not None:
            logger.info("Switched user from %s to %s", me.username, user.username)

    def _language_chosen(self) -> None:
        """Show the window in the language just chosen in Settings."""
        if interface_language(self.settings) != self.context.language:
            # Once the dialog has closed: its window is about to be replaced.
            QTimer.singleShot(0, self, self._change_language)

    def _change_language(self) -> None:
        name = self.context.user.username
        if self.reopen(name, self.tr("Cannot change the language")) is not None:
            logger.info("Interface language changed to %s", interface_language())

    def reopen(self, username: str, failure_title: str) -> MainWindow | None:
        """A new window in place of this one: same folder, ``username``, and
        the interface language now chosen.

        Pending edits are saved first and the open tabs reopen in the new
        window, so no work is lost. None when it could not be done (the user
        kept unsaved changes, or the new window could not open).
        """
        if not all(self._flush(page) for page in self.pages()):
            return None
        self.save_state()
        from desktop.app import create_window, install_translators

        try:
            window = create_window(self.context.data_dir, username=username)
        except Exception as error:
            logger.warning("Could not reopen the window as %s: %s", username, error)
            install_translators(self.context.language)
            QMessageBox.warning(self, failure_title, str(error))
            return None
        _switched_windows.append(window)
        window.show()
        if self in _switched_windows:
            _switched_windows.remove(self)
        self.close()
        return window

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Insignia"),
            self.tr(
                "Insignia\n\nDraft, submit and resubmit educator micro-credentials,"
                " on this computer's own database.\n\nData folder: {folder}"
            ).format(folder=self.context.data_dir),
        )

    # State between runs -----------------------------------------------------

    def save_state(self) -> None:
        """Keep the geometry, the open tabs and their splitters for next time."""
        settings = self.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        group = workspace_group(self.context)
        settings.remove(group)
        settings.setValue(f"{group}/folder", str(self.context.data_dir))
        pages = self.pages()
        settings.setValue(
            f"{group}/tabs", ",".join(str(p.application_id) for p in pages)
        )
        settings.setValue(f"{group}/current", self.tabs.currentIndex())
        for page in pages:
            state = page.splitter_state()
            if state is not None and not state.isEmpty():
                settings.setValue(f"{group}/splitters/{page.application_id}", state)
        settings.sync()

    def restore_state(self) -> None:
        """Reopen what ``save_state`` kept; applications gone since are skipped."""
        settings = self.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

        group = workspace_group(self.context)
        settings.beginGroup(f"{group}/splitters")
        for key in settings.childKeys():
            value = settings.value(key)
            if key.isdigit() and isinstance(value, QByteArray):
                self._splitter_states[int(key)] = value
        settings.endGroup()

        saved = str(settings.value(f"{group}/tabs", "") or "")
        for part in saved.split(","):
            # Gone since, or not this user's to open: skipped.
            if part.strip().isdigit() and self._refusal(int(part)) is None:
                self.open_application(int(part))
        current = int(settings.value(f"{group}/current", 0) or 0)
        self.tabs.setCurrentIndex(current if 0 <= current < self.tabs.count() else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(self._flush(page) for page in self.pages()):
            event.ignore()
            return
        self.sync.stop()
        self.save_state()
        logger.debug("Window closed; state saved")
        event.accept()


def _sign_out(store: Store, account: Account) -> None:
    """On a worker: revoke the token on the server if it answers, forget it here."""
    from desktop.secrets import KeyringUnavailable, delete_token, load_token
    from model.sync.account import disconnect
    from model.sync.client import ServerClient, SyncFailure

    try:
        token = load_token(account.name)
    except KeyringUnavailable:
        token = None
    if token:
        try:
            with ServerClient(account.server, token, timeout=5) as client:
                client.sign_out()
        except SyncFailure as error:
            logger.info("The server did not take the sign-out: %s", error)
    delete_token(account.name)
    disconnect(store)
