"""Export PDF and Print, for one window: dialogs, progress and the outcome.

The PDF is laid out and written on a worker (``desktop.export.write_pdf``)
while the status bar shows its progress; the end says where it was saved and
offers to open it, or says in plain words why it was not.

Printing goes through the system's print dialog and paints on the GUI
thread: a QPrinter may only be driven from the thread of the dialog that set
it up (the native print engines of Windows and macOS), and an application of
a few pages lays out and paints in a small fraction of a second.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.context import AppContext
from desktop.export import (
    export_error_text,
    paint_pages,
    paper_size,
    suggested_filename,
    write_pdf,
)
from desktop.export_document import build_document
from desktop.export_names import EXPORT_ACTION, PRINT_ACTION, PRINT_SUPPORT
from desktop.tasks import run_in_background
from model.records import ApplicationRecord

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

logger = logging.getLogger(__name__)

translate = QCoreApplication.translate
FOLDER_SETTING = "export/folder"
# How long "Saved … Open" stays in the status bar.
OUTCOME_MS = 30_000
SECONDARY_BUTTON_STYLE = """
QPushButton {
    background: palette(base); color: palette(text); border: 1px solid #B8BEC6;
    border-radius: 6px; padding: 7px 14px;
}
QPushButton:hover { background: palette(alternate-base); }
QPushButton:focus { border: 2px solid #0B3D91; }
"""


class _Progress(QObject):
    """Pages painted so far, sent from the worker to the GUI thread."""

    advanced = Signal(int, int)


class ExportController(QObject):
    """Exports and prints the applications of one window.

    ``exportFinished`` carries the saved file's path once it is on disk.
    """

    exportFinished = Signal(str)

    def __init__(
        self, window: QMainWindow, context: AppContext, settings: QSettings
    ) -> None:
        super().__init__(window)
        self.setObjectName("exportController")
        self.window = window
        self.context = context
        self.settings = settings
        self._running = False
        self._progress = _Progress(self)
        self._progress.advanced.connect(self._advanced)
        self._status: QWidget | None = None
        self._bar: QProgressBar | None = None
        self._timer = QTimer(self, singleShot=True, interval=OUTCOME_MS)
        self._timer.timeout.connect(self._clear_status)

    @property
    def running(self) -> bool:
        return self._running

    # Export PDF -------------------------------------------------------------

    def export_pdf(self, application_id: int, path: Path | None = None) -> None:
        """Ask where (unless ``path`` is given), then write the PDF on a worker."""
        if self._running:
            self.window.statusBar().showMessage(
                translate(
                    "export", "A PDF is already being saved. Try again when it is done."
                ),
                5000,
            )
            return
        if path is None:
            path = self._ask_path(self.context.store.application(application_id))
            if path is None:
                return
        store, language = self.context.store, self.context.language
        size, progress = paper_size(), self._progress

        def work() -> int:
            record = store.application(application_id)
            return write_pdf(record, language, path, size, progress.advanced.emit)

        self._running = True
        self._show_progress(path)
        logger.debug("Exporting application %s to %s", application_id, path)
        run_in_background(
            work,
            lambda pages: self._saved(path, pages),
            lambda error: self._failed(path, error),
        )

    def _ask_path(self, record: ApplicationRecord) -> Path | None:
        folder = str(self.settings.value(FOLDER_SETTING, "") or "")
        if not folder or not Path(folder).is_dir():
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window,
            translate("export", "Export PDF"),
            str(Path(folder) / suggested_filename(record)),
            translate("export", "PDF documents (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.settings.setValue(FOLDER_SETTING, str(path.parent))
        return path

    def _show_progress(self, path: Path) -> None:
        label = QLabel(translate("export", "Saving “{name}”…").format(name=path.name))
        bar = QProgressBar()
        bar.setObjectName("exportProgress")
        bar.setAccessibleName(translate("export", "Saving the PDF"))
        bar.setMaximumWidth(140)
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        self._bar = bar
        self._set_status([label, bar])

    def _advanced(self, done: int, count: int) -> None:
        if self._bar is not None and shiboken6.isValid(self._bar):
            self._bar.setRange(0, count)
            self._bar.setValue(done)

    def _saved(self, path: Path, pages: int) -> None:
        self._running = False
        if not shiboken6.isValid(self):
            return
        label = QLabel(translate("export", "Saved “{name}”").format(name=path.name))
        label.setObjectName("exportOutcome")
        label.setToolTip(str(path))
        open_button = QPushButton(translate("export", "Open"))
        open_button.setObjectName("openExportButton")
        open_button.setFlat(True)
        open_button.setAccessibleName(translate("export", "Open the PDF"))
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        )
        self._set_status([label, open_button])
        self._timer.start()
        logger.debug("Saved a PDF of %s pages", pages)
        self.exportFinished.emit(str(path))

    def _failed(self, path: Path, error: BaseException) -> None:
        self._running = False
        if not shiboken6.isValid(self):
            return
        self._clear_status()
        logger.warning("Could not save the PDF %s: %s", path, error)
        QMessageBox.warning(
            self.window,
            translate("export", "PDF not saved"),
            export_error_text(error, path),
        )

    def _set_status(self, widgets: list[QWidget]) -> None:
        self._clear_status()
        box = QWidget()
        box.setObjectName("exportStatus")
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 0, 8, 0)
        row.setSpacing(6)
        for widget in widgets:
            row.addWidget(widget)
        self.window.statusBar().insertPermanentWidget(0, box)
        self._status = box

    def _clear_status(self) -> None:
        self._timer.stop()
        if self._status is not None and shiboken6.isValid(self._status):
            self.window.statusBar().removeWidget(self._status)
            self._status.deleteLater()
        self._status = self._bar = None

    # Print ------------------------------------------------------------------

    def print_application(self, application_id: int) -> None:
        """The system's print dialog, then the application on the chosen printer."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        record = self.context.store.application(application_id)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(suggested_filename(record).removesuffix(".pdf"))
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(translate("export", "Print application"))
        # exec(): the native dialogs of Windows and macOS are modal anyway.
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.print_to(printer, application_id)

    def print_to(self, printer: QPrinter, application_id: int) -> int:
        """Print on ``printer`` as the dialog left it; the page count."""
        from PySide6.QtPrintSupport import QPrinter

        record = self.context.store.application(application_id)
        language = self.context.language
        pages = None
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            pages = range(printer.fromPage() - 1, printer.toPage())
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            document = build_document(record, language)
            count = paint_pages(document, printer, record, language, pages=pages)
        except OSError as error:
            logger.warning("Could not print application %s: %s", application_id, error)
            QMessageBox.warning(
                self.window,
                translate("export", "Not printed"),
                translate(
                    "export", "The printer did not accept the application: {error}"
                ).format(error=error),
            )
            return 0
        finally:
            QGuiApplication.restoreOverrideCursor()
        logger.info("Printed application %s, %s pages", application_id, count)
        return count


def export_buttons(parent: QWidget) -> list[QPushButton]:
    """Export PDF and Print buttons that run the window's menu actions.

    They find the actions when clicked, so a header built before it joins a
    window (or outside one, in a test) needs nothing wired.
    """
    choices = [(EXPORT_ACTION, translate("export", "Export PDF…"))]
    if PRINT_SUPPORT:
        choices.append((PRINT_ACTION, translate("export", "Print…")))
    buttons = []
    for name, text in choices:
        button = QPushButton(text, parent)
        button.setObjectName(name.replace("Action", "Button"))
        button.setAutoDefault(False)
        # As tall as the page's primary button beside them (Reapply).
        button.setStyleSheet(SECONDARY_BUTTON_STYLE)
        button.clicked.connect(lambda _=False, n=name, b=button: _trigger(b, n))
        buttons.append(button)
    return buttons


def _trigger(widget: QWidget, action_name: str) -> None:
    action = widget.window().findChild(QAction, action_name)
    if action is not None and action.isEnabled():
        action.trigger()
