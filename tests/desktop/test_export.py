"""The printable version: PDFs of demo applications, read back with pdftotext."""

from __future__ import annotations

import errno
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from desktop import export_actions
from desktop.app import TRANSLATIONS, create_window, install_translators
from desktop.export import export_error_text, header_text, paper_size, write_pdf
from desktop.export_document import build_document
from desktop.main_window import MainWindow
from desktop.tasks import wait_for_background
from desktop.widgets.common import format_date
from model.demo import seed_demo
from model.enums import Status, Verdict
from model.records import ApplicationRecord, pick
from model.store import Store

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(
    PDFTOTEXT is None,
    reason="pdftotext is missing: apt-get install poppler-utils",
)
SPANISH_QM = TRANSLATIONS / "insignia_es.qm"


def flat(text: str) -> str:
    return " ".join(text.split())


def join_lines(lines: list[str]) -> str:
    """Lines as one text; a line broken after a hyphen ("8th-" "grade") joins up."""
    text = ""
    for line in (line.strip() for line in lines):
        glue = "" if not text or (text.endswith("-") and text[-2:-1].isalnum()) else " "
        text += glue + line
    return text


class Pdf:
    """A PDF's text as pdftotext reads it: each page's header and footer line,
    and the body of all pages as one line of words."""

    def __init__(self, path: Path) -> None:
        assert PDFTOTEXT is not None
        output = subprocess.run(
            [PDFTOTEXT, "-layout", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages = [p for p in output.split("\f") if p.strip()]
        self.headers: list[str] = []
        self.footers: list[str] = []
        bodies = []
        for page in pages:
            lines = [line for line in page.splitlines() if line.strip()]
            self.headers.append(flat(lines[0]))
            self.footers.append(flat(lines[-1]))
            bodies.extend(lines[1:-1])
        self.body = flat(join_lines(bodies))

    def __contains__(self, text: str) -> bool:
        return flat(text) in self.body


@pytest.fixture
def store(tmp_path: Path, qapp: QApplication) -> Iterator[Store]:
    store = Store(tmp_path / "data")
    seed_demo(store)
    yield store
    store.close()


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    """The interface in Spanish, installed as desktop.app does it."""
    install_translators("es")
    yield
    install_translators("en")


def application(
    store: Store, credential: str, check: Callable[[ApplicationRecord], bool]
) -> ApplicationRecord:
    educator = store.user("educator")
    for row in store.dashboard_rows(educator.id):
        record = store.application(row.id)
        if record.credential.code == credential and check(record):
            return record
    raise LookupError(credential)


def denied_attempt_2(store: Store) -> ApplicationRecord:
    return application(store, "formative-feedback", lambda r: r.attempt == 2)


def export(record: ApplicationRecord, language: str, tmp_path: Path) -> Pdf:
    path = tmp_path / f"{record.code}-{language}.pdf"
    pages = write_pdf(record, language, path)
    pdf = Pdf(path)
    assert len(pdf.footers) == pages
    return pdf


def assert_every_page_is_marked(pdf: Pdf, record: ApplicationRecord) -> None:
    count = len(pdf.footers)
    page = QCoreApplication.translate("export", "Page %1 of %2")
    for number, (header, footer) in enumerate(
        zip(pdf.headers, pdf.footers, strict=True), start=1
    ):
        assert header.startswith(flat(header_text(record))), header
        assert record.code in header
        assert footer.endswith(
            page.replace("%1", str(number)).replace("%2", str(count))
        ), footer


def assert_whole_application(
    pdf: Pdf, record: ApplicationRecord, language: str
) -> None:
    """Title, competency, every question and answer, evidence and rubric."""
    credential = record.credential
    assert pick(credential.title, language) in pdf
    assert pick(credential.competency, language) in pdf
    for part in credential.parts:
        assert pick(part.title, language) in pdf
        for question in part.questions:
            assert pick(question.prompt, language) in pdf
            answer = record.answers.get(question.id, "")
            if answer.strip():
                # Once: a paragraph over a page break is not painted twice.
                assert pdf.body.count(flat(answer)) == 1, answer[:40]
        for criterion in part.criteria:
            assert pick(criterion.text, language) in pdf
    for attachment in record.attachments:
        assert attachment.filename in pdf


def label(text: str) -> str:
    return QCoreApplication.translate("export", text)


# English --------------------------------------------------------------------


@needs_pdftotext
def test_a_denied_attempt_prints_with_its_banners_and_feedback(
    store: Store, tmp_path: Path
) -> None:
    record = denied_attempt_2(store)
    pdf = export(record, "en", tmp_path)

    assert_every_page_is_marked(pdf, record)
    assert pdf.headers[0] == flat(
        f"Application {record.code} · Attempt 2 Formative Feedback with Exit Tickets"
    )
    assert pdf.footers[0].endswith(f"Page 1 of {len(pdf.footers)}")
    assert_whole_application(pdf, record, "en")
    assert "Status Denied" in pdf
    assert f"Submitted on {format_date(record.submitted_at, 'en')}" in pdf
    assert f"Decision due {format_date(record.decision_due, 'en')}" in pdf
    assert f"Decided on {format_date(record.decided_at, 'en')}" in pdf
    assert "What's changed" in pdf and record.resubmission_note in pdf

    reflection = next(p for p in record.credential.parts if p.key == "reflection")
    feedback = record.attention[reflection.id]
    assert feedback.strip()
    assert f"⚠ This area may need more attention Assessor's feedback: {feedback}" in pdf
    assert pdf.body.count("This area may need more attention") == len(record.attention)
    verdicts = [v.verdict for v in record.verdicts.values()]
    assert pdf.body.count("Assessor's verdict: Meets the rubric") == verdicts.count(
        Verdict.MEETS
    )
    assert pdf.body.count(
        "⚠ Assessor's verdict: Needs more attention"
    ) == verdicts.count(Verdict.NEEDS_ATTENTION)
    assert "1.1 kB" in pdf or "1.0 kB" in pdf


@needs_pdftotext
def test_an_approved_application_has_every_verdict_and_no_banner(
    store: Store, tmp_path: Path
) -> None:
    record = application(
        store, "learner-variability-technology", lambda r: r.status is Status.APPROVED
    )
    pdf = export(record, "en", tmp_path)

    assert_every_page_is_marked(pdf, record)
    assert_whole_application(pdf, record, "en")
    assert "Status Approved" in pdf
    assert "This area may need more attention" not in pdf.body
    assert "Needs more attention" not in pdf.body
    assert pdf.body.count("✓ Assessor's verdict: Meets the rubric") == len(
        record.credential.parts
    )


@needs_pdftotext
def test_a_draft_prints_as_a_draft_and_markup_stays_literal(
    store: Store, tmp_path: Path
) -> None:
    educator = store.user("educator")
    credential = next(
        c for c in store.credentials() if c.code == "family-two-way-communication"
    )
    draft_id = store.start_application(educator.id, credential.id)
    question = credential.parts[0].questions[0]
    typed = "<b>bold</b> & <script>alert('x')</script> stay as typed.\nSecond line."
    store.save_answer(draft_id, question.id, typed)
    record = store.application(draft_id)

    pdf = export(record, "en", tmp_path)

    assert_every_page_is_marked(pdf, record)
    assert "<b>bold</b> & <script>alert('x')</script> stay as typed." in pdf
    assert "Second line." in pdf
    assert "Status Draft" in pdf
    assert f"Started on {format_date(record.created_at, 'en')}" in pdf
    assert "This is a draft: it has not been submitted and may still change." in pdf
    unanswered = sum(len(p.questions) for p in credential.parts) - 1
    assert pdf.body.count("No answer.") == unanswered
    assert "Assessor's verdict" not in pdf.body


def test_answers_go_in_as_text_never_as_markup(store: Store) -> None:
    educator = store.user("educator")
    credential = store.credentials()[0]
    draft_id = store.start_application(educator.id, credential.id)
    question = credential.parts[0].questions[0]
    store.save_answer(draft_id, question.id, "<b>bold</b> <img src=x onerror=y>")

    document = build_document(store.application(draft_id), "en")

    assert "<b>bold</b> <img src=x onerror=y>" in document.toPlainText()


def test_paper_follows_the_region() -> None:
    letter, a4 = QPageSize.PageSizeId.Letter, QPageSize.PageSizeId.A4
    assert paper_size(QLocale("en_US")).id() == letter
    assert paper_size(QLocale("es_MX")).id() == letter
    assert paper_size(QLocale("es_ES")).id() == a4
    assert paper_size(QLocale("en_GB")).id() == a4


# Spanish --------------------------------------------------------------------


@needs_pdftotext
@pytest.mark.usefixtures("spanish")
def test_a_denied_attempt_prints_in_spanish(store: Store, tmp_path: Path) -> None:
    record = denied_attempt_2(store)
    pdf = export(record, "es", tmp_path)

    assert_every_page_is_marked(pdf, record)
    assert_whole_application(pdf, record, "es")
    assert "Retroalimentación formativa con boletos de salida" in pdf
    for moment in (record.submitted_at, record.decision_due, record.decided_at):
        spanish_date = format_date(moment, "es")
        assert spanish_date != format_date(moment, "en")
        assert spanish_date in pdf
    reflection = next(p for p in record.credential.parts if p.key == "reflection")
    assert record.attention[reflection.id] in pdf


def test_spanish_labels_come_from_the_translation(
    store: Store, tmp_path: Path, spanish: None
) -> None:
    if not _translates_export_labels():
        pytest.skip(
            f"{SPANISH_QM.name} has no Spanish for the 'export' labels yet: run"
            " make translations, translate them, then make qm"
        )
    if PDFTOTEXT is None:
        pytest.skip("pdftotext is missing: install poppler-utils")
    record = denied_attempt_2(store)
    pdf = export(record, "es", tmp_path)

    assert "⚠ Esta área puede necesitar mayor atención" in pdf
    assert pdf.footers[0].endswith(f"Página 1 de {len(pdf.footers)}")
    assert "Denegada" in pdf
    assert "This area may need more attention" not in pdf.body


def _translates_export_labels() -> bool:
    translator = QTranslator()
    if not translator.load(str(SPANISH_QM)):
        return False
    return bool(translator.translate("export", "Page %1 of %2"))


# Errors ---------------------------------------------------------------------


def test_a_missing_folder_leaves_no_file_and_says_so(
    store: Store, tmp_path: Path
) -> None:
    record = denied_attempt_2(store)
    path = tmp_path / "gone" / "record.pdf"

    with pytest.raises(OSError) as raised:
        write_pdf(record, "en", path)

    assert not path.parent.exists()
    assert export_error_text(raised.value, path) == (
        f"The folder {path.parent} does not exist any more. Choose another folder."
    )


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOSPC, "There is not enough free space to save “record.pdf”."),
        (errno.EACCES, "Insignia may not write to the folder /media/usb."),
        (errno.EROFS, "Insignia may not write to the folder /media/usb."),
    ],
)
def test_disk_errors_are_worded_for_people(number: int, words: str) -> None:
    error = OSError(number, "low-level text")
    assert export_error_text(error, Path("/media/usb/record.pdf")).startswith(words)


# The window -----------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    window = create_window(tmp_path / "window", demo=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    wait_for_background()


def open_denied(window: MainWindow) -> ApplicationRecord:
    record = denied_attempt_2(window.context.store)
    window.open_application(record.id)
    return record


@needs_pdftotext
def test_export_pdf_from_the_file_menu_runs_in_the_background(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not window.export_action.isEnabled()
    assert window.export_action.shortcut().toString() == "Ctrl+Shift+E"
    record = open_denied(window)
    assert window.export_action.isEnabled() and window.print_action.isEnabled()
    target = tmp_path / "chosen" / "denied"
    target.parent.mkdir()
    monkeypatch.setattr(
        export_actions.QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(target), "PDF documents (*.pdf)"),
    )

    with qtbot.waitSignal(window.exporter.exportFinished, timeout=20_000) as done:
        window.export_action.trigger()
        assert window.statusBar().findChild(QProgressBar, "exportProgress")

    saved = Path(done.args[0])
    assert saved == target.with_name("denied.pdf")
    outcome = window.statusBar().findChild(QLabel, "exportOutcome")
    assert outcome is not None and outcome.text() == "Saved “denied.pdf”"
    assert window.statusBar().findChild(QPushButton, "openExportButton")
    pdf = Pdf(saved)
    assert_every_page_is_marked(pdf, record)
    assert "This area may need more attention" in pdf.body

    window.show_dashboard()
    assert not window.export_action.isEnabled()


def test_the_header_offers_export_and_a_failure_is_explained(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_denied(window)
    page = window.pages()[0]
    button = page.findChild(QPushButton, "exportPdfButton")
    assert button is not None and button.text() == "Export PDF…"
    assert page.findChild(QPushButton, "printButton") is not None
    missing = tmp_path / "no-such-folder" / "x.pdf"
    monkeypatch.setattr(
        export_actions.QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(missing), ""),
    )
    warnings: list[str] = []
    monkeypatch.setattr(
        export_actions.QMessageBox,
        "warning",
        lambda _parent, _title, text, *rest: (
            warnings.append(text) or QMessageBox.StandardButton.Ok
        ),
    )

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)

    assert warnings == [
        f"The folder {missing.parent} does not exist any more. Choose another folder."
    ]
    assert not window.exporter.running


@needs_pdftotext
def test_print_paints_the_same_pages_on_a_printer(
    window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    record = open_denied(window)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))

    pages = window.exporter.print_to(printer, record.id)

    pdf = Pdf(tmp_path / "printed.pdf")
    assert len(pdf.footers) == pages
    assert_every_page_is_marked(pdf, record)
    assert_whole_application(pdf, record, "en")
