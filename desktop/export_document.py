"""The printable version of an application as a QTextDocument.

``build_document`` writes a frozen ``ApplicationRecord`` with QTextCursor
and formats, in the order the screens show it. Every text an educator, an
assessor or the catalog wrote goes in with ``insertText``, never as HTML, so
"<b>" in an answer prints as "<b>". ``desktop.export`` lays it out on pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextListFormat,
    QTextOption,
    QTextTableFormat,
)

from desktop.item_models import status_text
from desktop.widgets.common import format_date
from model.enums import Status, Verdict
from model.records import ApplicationRecord, AttachmentRecord, PartRecord, pick

translate = QCoreApplication.translate

INK = QColor("#1B1F24")
PAPER = QColor("white")
MUTED = QColor("#5A6270")
RULE = QColor("#C9CED6")
# Answers sit in white boxes: Qt closes a box's border at a page break but
# fills its background to the end of the page, which a tint would show.
ANSWER_FILL = PAPER
ATTENTION_FILL, ATTENTION_EDGE, ATTENTION_INK = "#FFF4D6", "#D99A00", "#3D2E00"
MEETS_FILL, MEETS_EDGE, MEETS_INK = "#EAF6EC", "#5FA86F", "#173D20"
ATTENTION_SYMBOL = "⚠"
MEETS_SYMBOL = "✓"
LAYOUT_DPI = 96.0
NO_LIGATURES = {QFont.Tag("liga"): 0, QFont.Tag("clig"): 0}
# A block marked with this property keeps that many points of what follows
# on its page, so a heading never ends a page alone (see desktop.export).
KEEP_WITH_NEXT = QTextFormat.Property.UserProperty + 1
# setLineHeight takes the height type as a plain int in PySide6.
PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
FIXED_HEIGHT = QTextBlockFormat.LineHeightTypes.FixedHeight.value


def verdict_text(verdict: Verdict) -> str:
    if verdict is Verdict.MEETS:
        return translate("export", "Meets the rubric")
    return translate("export", "Needs more attention")


class _Builder:
    """Appends the record's sections to a document, one block at a time.

    Lengths are given in points. Qt measures margins, paddings and borders in
    pixels at 96 dpi and scales them to the paint device itself.
    """

    def __init__(self, document: QTextDocument, language: str) -> None:
        self.document = document
        self.language = language
        self.cursor = QTextCursor(document)
        self._fresh = True

    def pt(self, points: float) -> float:
        return points * LAYOUT_DPI / 72.0

    # Formats ----------------------------------------------------------------

    def chars(
        self,
        size: float = 10.0,
        *,
        bold: bool = False,
        italic: bool = False,
        colour: QColor | str = INK,
    ) -> QTextCharFormat:
        char = QTextCharFormat()
        char.setFontPointSize(size)
        char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        char.setFontItalic(italic)
        char.setForeground(QBrush(QColor(colour)))
        # Ligatures would copy out of the PDF as "ﬁ" and "ﬂ", which searches,
        # screen readers and pdftotext do not read as "fi" and "fl".
        char.setFontFeatures(NO_LIGATURES)
        return char

    def block(
        self, before: float = 0.0, after: float = 4.0, *, keep: float = 0.0
    ) -> QTextBlockFormat:
        """Spacing in points; ``keep`` points of what follows stay on its page."""
        block = QTextBlockFormat()
        block.setTopMargin(self.pt(before))
        block.setBottomMargin(self.pt(after))
        if keep:
            block.setProperty(KEEP_WITH_NEXT, keep)
        block.setLineHeight(115.0, PROPORTIONAL)
        return block

    # Writing ----------------------------------------------------------------

    def paragraph(
        self,
        text: str,
        char: QTextCharFormat | None = None,
        block: QTextBlockFormat | None = None,
    ) -> None:
        """``text`` as typed, in one block per line (never read as markup)."""
        char = char or self.chars()
        block = block or self.block()
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for line in lines:
            if self._fresh:
                self.cursor.setBlockFormat(block)
                self.cursor.setBlockCharFormat(char)
                self._fresh = False
            else:
                self.cursor.insertBlock(block, char)
            self.cursor.insertText(line, char)

    def heading(self, text: str, size: float = 12.0, before: float = 12.0) -> None:
        block = self.block(before, 4, keep=48)
        self.paragraph(text, self.chars(size, bold=True), block)

    def label(self, text: str, before: float = 8.0) -> None:
        """A small heading inside a part: Evidence, Rubric."""
        char = self.chars(8.5, bold=True, colour=MUTED)
        char.setFontCapitalization(QFont.Capitalization.AllUppercase)
        char.setFontLetterSpacing(104)
        self.paragraph(text, char, self.block(before, 3, keep=30))

    def muted(self, text: str, after: float = 4.0) -> None:
        self.paragraph(
            text, self.chars(9.5, italic=True, colour=MUTED), self.block(0, after)
        )

    def rule(self, before: float = 14.0) -> None:
        block = self.block(before, 2, keep=110)
        block.setProperty(
            QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
            QTextLength(QTextLength.Type.PercentageLength, 100),
        )
        self.paragraph("", self.chars(2), block)

    def box(self, fill: QColor | str, edge: QColor | str, border: float = 0.75) -> None:
        """Open a framed box below the text; write in it, then ``close_box``."""
        frame = QTextFrameFormat()
        frame.setBackground(QColor(fill))
        frame.setBorder(self.pt(border))
        frame.setBorderBrush(QColor(edge))
        frame.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        frame.setPadding(self.pt(7))
        frame.setTopMargin(self.pt(3))
        frame.setBottomMargin(self.pt(6))
        self._before_object()
        self.cursor.insertFrame(frame)
        self._fresh = True

    def close_box(self) -> None:
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self._fresh = True

    def table(
        self, rows: list[list[tuple[str, QTextCharFormat]]], widths: list[float]
    ) -> None:
        """A borderless grid of short texts; ``widths`` in percent of the page."""
        table_format = QTextTableFormat()
        table_format.setBorder(0)
        table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        table_format.setCellPadding(self.pt(1.5))
        table_format.setCellSpacing(0)
        table_format.setTopMargin(self.pt(4))
        table_format.setBottomMargin(self.pt(8))
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, w) for w in widths]
        )
        self._before_object()
        table = self.cursor.insertTable(len(rows), len(widths), table_format)
        for r, row in enumerate(rows):
            for c, (text, char) in enumerate(row):
                cell = table.cellAt(r, c).firstCursorPosition()
                cell.setBlockFormat(self.block(0, 0))
                cell.insertText(text, char)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self._fresh = True

    def _before_object(self) -> None:
        """Shrink the empty block Qt keeps before a frame or table."""
        if self._fresh:
            spacer = QTextBlockFormat()
            spacer.setLineHeight(0.0, FIXED_HEIGHT)
            self.cursor.setBlockFormat(spacer)
            tiny = QTextCharFormat()
            tiny.setFontPointSize(1)
            self.cursor.setBlockCharFormat(tiny)
            self._fresh = False

    def bullets(self, items: Iterable[str]) -> None:
        items = list(items)
        if not items:
            return
        list_format = QTextListFormat()
        list_format.setStyle(QTextListFormat.Style.ListDisc)
        list_format.setIndent(1)
        # One block per item: a line break inside one would end the item.
        items = [" ".join(item.split()) for item in items]
        self.paragraph(items[0], self.chars(), self.block(0, 2))
        text_list = self.cursor.createList(list_format)
        for item in items[1:]:
            self.paragraph(item, self.chars(), self.block(0, 2))
            text_list.add(self.cursor.block())


class _RecordWriter:
    """The sections of the printable version, in the order the screens show."""

    def __init__(self, builder: _Builder, record: ApplicationRecord) -> None:
        self.b = builder
        self.record = record
        self.language = builder.language

    def text(self, texts: dict[str, str]) -> str:
        return pick(texts, self.language)

    def date(self, value: date | datetime | None) -> str:
        return format_date(value, self.language)

    def write(self) -> None:
        record, b = self.record, self.b
        b.label(translate("export", "Micro-credential application"), before=0)
        b.paragraph(
            self.text(record.credential.title),
            b.chars(19, bold=True),
            b.block(0, 6),
        )
        self.details()
        self.summary()
        b.heading(translate("export", "Competency"))
        b.paragraph(self.text(record.credential.competency))
        self.related()
        b.heading(translate("export", "Key method"))
        for paragraph in _paragraphs(self.text(record.credential.key_method)):
            b.paragraph(paragraph, b.chars(), b.block(0, 5))
        if record.attempt > 1:
            self.note()
        for part in record.credential.parts:
            self.part(part)

    def details(self) -> None:
        record, b = self.record, self.b
        label, value = b.chars(9, colour=MUTED), b.chars(10)
        strong = b.chars(10, bold=True)
        if record.status is Status.DRAFT:
            dates = [
                (translate("export", "Started on"), self.date(record.created_at)),
                (translate("export", "Last changed"), self.date(record.updated_at)),
                ("", ""),
            ]
        else:
            dates = [
                (translate("export", "Submitted on"), self.date(record.submitted_at)),
                (translate("export", "Decision due"), self.date(record.decision_due)),
                (translate("export", "Decided on"), self.date(record.decided_at)),
            ]
        left = [
            (translate("export", "Status"), status_text(record.status)),
            (translate("export", "Attempt"), str(record.attempt)),
            (translate("export", "Application code"), record.code),
        ]
        rows = [
            [
                (left_name, label),
                (left_value, strong if index == 0 else value),
                (right_name, label),
                (right_value, value),
            ]
            for index, (
                (left_name, left_value),
                (right_name, right_value),
            ) in enumerate(zip(left, dates, strict=True))
        ]
        b.table(rows, [21, 29, 21, 29])

    def summary(self) -> None:
        record, b = self.record, self.b
        if record.status is Status.DRAFT:
            b.muted(
                translate(
                    "export",
                    "This is a draft: it has not been submitted and may still change.",
                )
            )
        elif record.status in (Status.SUBMITTED, Status.IN_REVIEW):
            b.muted(
                translate(
                    "export",
                    "Submitted applications cannot change. The assessor's"
                    " decision is pending.",
                )
            )
        elif record.status is Status.APPROVED:
            b.muted(translate("export", "Approved: every part meets the rubric."))
        elif record.status is Status.DENIED:
            failing = [
                self.text(p.title)
                for p in record.credential.parts
                if (v := record.verdicts.get(p.id))
                and v.verdict is Verdict.NEEDS_ATTENTION
            ]
            text = translate("export", "Denied. Parts that need more attention: %1")
            b.muted(text.replace("%1", "; ".join(failing) or "—"))

    def related(self) -> None:
        record, b = self.record, self.b
        if not record.related:
            return
        b.heading(translate("export", "Related submissions"), size=11, before=8)
        head = b.chars(9, bold=True, colour=MUTED)
        rows = [
            [
                (translate("export", "Attempt"), head),
                (translate("export", "Submitted on"), head),
                (translate("export", "Decision"), head),
                (translate("export", "Decided on"), head),
            ]
        ]
        for earlier in record.related:
            rows.append(
                [
                    (str(earlier.attempt), b.chars(9.5)),
                    (self.date(earlier.submitted_at), b.chars(9.5)),
                    (status_text(earlier.status), b.chars(9.5)),
                    (self.date(earlier.decided_at), b.chars(9.5)),
                ]
            )
        b.table(rows, [16, 28, 28, 28])

    def note(self) -> None:
        b = self.b
        b.heading(translate("export", "What's changed"))
        b.muted(translate("export", "Resubmission note"), after=2)
        self.answer(self.record.resubmission_note, translate("export", "No note yet."))

    def answer(self, text: str, empty: str) -> None:
        b = self.b
        if not text.strip():
            b.muted(empty)
            return
        b.box(ANSWER_FILL, RULE)
        b.paragraph(text.strip("\n"), b.chars(10), b.block(0, 3))
        b.close_box()

    def part(self, part: PartRecord) -> None:
        record, b = self.record, self.b
        b.rule()
        b.heading(self.text(part.title), size=14, before=4)
        attention = record.attention.get(part.id)
        if attention is not None:
            self.banner(attention)
        if record.is_locked(part.id):
            carried = translate("export", "Carried over unchanged from attempt %1.")
            b.muted(carried.replace("%1", str(record.attempt - 1)))
        instructions = self.text(part.instructions)
        if instructions:
            b.muted(instructions)
        for number, question in enumerate(part.questions, start=1):
            b.paragraph(
                f"{number}. {self.text(question.prompt)}",
                b.chars(10, bold=True),
                b.block(8, 3, keep=40),
            )
            self.answer(
                record.answers.get(question.id, ""), translate("export", "No answer.")
            )
        self.evidence(part)
        b.label(translate("export", "Rubric"))
        b.bullets(self.text(c.text) for c in part.criteria)
        self.verdict(part, attention)

    def banner(self, feedback: str) -> None:
        b = self.b
        b.box(ATTENTION_FILL, ATTENTION_EDGE, border=1.5)
        words = translate("export", "This area may need more attention")
        title = f"{ATTENTION_SYMBOL}  {words}"
        b.paragraph(
            title, b.chars(10.5, bold=True, colour=ATTENTION_INK), b.block(0, 3)
        )
        if feedback.strip():
            b.paragraph(
                translate("export", "Assessor's feedback:"),
                b.chars(9, bold=True, colour=ATTENTION_INK),
                b.block(0, 1),
            )
            b.paragraph(
                feedback.strip(), b.chars(10, colour=ATTENTION_INK), b.block(0, 2)
            )
        b.close_box()

    def evidence(self, part: PartRecord) -> None:
        b = self.b
        attachments = self.record.attachments_of(part.id)
        if not attachments and not part.evidence_required:
            return
        b.label(translate("export", "Evidence"))
        if not attachments:
            b.muted(translate("export", "No files attached."))
            return
        b.bullets(self.attachment(a) for a in attachments)

    def attachment(self, attachment: AttachmentRecord) -> str:
        if attachment.url:
            return f"{attachment.filename} — {attachment.url}"
        size = QLocale(self.language).formattedDataSize(
            attachment.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
        )
        return f"{attachment.filename} ({size})"

    def verdict(self, part: PartRecord, shown_feedback: str | None) -> None:
        record, b = self.record, self.b
        verdict = record.verdicts.get(part.id)
        if verdict is None or verdict.verdict is None:
            if record.status in (Status.SUBMITTED, Status.IN_REVIEW):
                b.label(translate("export", "Verdict"))
                b.muted(translate("export", "Not assessed yet."))
            return
        meets = verdict.verdict is Verdict.MEETS
        fill, edge, ink = (
            (MEETS_FILL, MEETS_EDGE, MEETS_INK)
            if meets
            else (ATTENTION_FILL, ATTENTION_EDGE, ATTENTION_INK)
        )
        symbol = MEETS_SYMBOL if meets else ATTENTION_SYMBOL
        b.box(fill, edge)
        words = translate("export", "Assessor's verdict: %1").replace(
            "%1", verdict_text(verdict.verdict)
        )
        b.paragraph(
            f"{symbol}  {words}", b.chars(10, bold=True, colour=ink), b.block(0, 2)
        )
        feedback = verdict.feedback.strip()
        if feedback and verdict.feedback == shown_feedback:
            b.paragraph(
                translate("export", "The feedback is shown above."),
                b.chars(9.5, colour=ink),
            )
        elif feedback:
            b.paragraph(feedback, b.chars(10, colour=ink), b.block(0, 2))
        b.close_box()


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def build_document(record: ApplicationRecord, language: str) -> QTextDocument:
    """The printable version of ``record``, ready to lay out on pages.

    Build it on the thread that will paint it: a QTextDocument belongs to the
    thread that created it.
    """
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setUndoRedoEnabled(False)
    font = QFont()
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    option = QTextOption()
    # Long links and file names break anywhere rather than run off the page.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle,
        pick(record.credential.title, language),
    )
    _RecordWriter(_Builder(document, language), record).write()
    return document
