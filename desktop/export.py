"""The printable version of an application on pages: a PDF, or a printer.

``write_pdf`` lays the document of ``desktop.export_document`` out on A4 or
Letter pages, with the application's code and attempt in a header and
"Page 3 of 7" in a footer on every page. It runs on a worker thread: it
creates its own document, writer and painter there, which Qt allows for
QTextDocument, QPdfWriter and QPainter. ``paint_pages`` does the same on a
QPrinter set up by the system's print dialog.
"""

from __future__ import annotations

import errno
import logging
import os
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QLineF,
    QLocale,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from desktop.export_document import (
    INK,
    KEEP_WITH_NEXT,
    MUTED,
    NO_LIGATURES,
    PAPER,
    RULE,
    build_document,
)
from desktop.widgets.common import format_date
from model.records import ApplicationRecord, pick

logger = logging.getLogger(__name__)

RESOLUTION = 300
PAGE_MARGINS_MM = QMarginsF(18, 14, 18, 14)
# The bands above and below the body that hold the page's header and footer.
HEADER_PT = 26.0
FOOTER_PT = 26.0
# Paper follows the system's region: Letter where it is the usual size.
LETTER_TERRITORIES = frozenset(
    {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.PuertoRico,
        QLocale.Country.Philippines,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
        QLocale.Country.CostaRica,
        QLocale.Country.DominicanRepublic,
        QLocale.Country.Guatemala,
        QLocale.Country.Panama,
        QLocale.Country.ElSalvador,
        QLocale.Country.Venezuela,
    }
)

Progress = Callable[[int, int], None]
translate = QCoreApplication.translate
AUTO_BREAK = QTextFormat.PageBreakFlag.PageBreak_Auto
BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def paper_size(locale: QLocale | None = None) -> QPageSize:
    """A4, or Letter where the region of ``locale`` (the system's) uses it."""
    territory = (locale or QLocale.system()).territory()
    if territory in LETTER_TERRITORIES:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def suggested_filename(record: ApplicationRecord) -> str:
    """``formative-feedback-attempt-2-K7Q2M9.pdf``: safe on every file system."""
    code = re.sub(r"[^A-Za-z0-9_-]+", "-", record.code).strip("-")
    name = f"{record.credential.code}-attempt-{record.attempt}-{code}"
    return f"{name}.pdf"


def header_text(record: ApplicationRecord) -> str:
    """The running header: which application and attempt a loose page is from."""
    return (
        translate("export", "Application %1 · Attempt %2")
        .replace("%1", record.code)
        .replace("%2", str(record.attempt))
    )


def page_text(number: int, count: int) -> str:
    return (
        translate("export", "Page %1 of %2")
        .replace("%1", str(number))
        .replace("%2", str(count))
    )


def paint_pages(
    document: QTextDocument,
    device: QPagedPaintDevice,
    record: ApplicationRecord,
    language: str,
    *,
    pages: Iterable[int] | None = None,
    on_page: Progress | None = None,
) -> int:
    """Lay ``document`` out on ``device``'s pages and paint them; the page count.

    ``pages`` are zero-based page numbers to paint (a print range), all by
    default. ``on_page(done, count)`` follows each page.
    """
    dpi = device.logicalDpiY()
    scale = dpi / 72.0
    area = device.pageLayout().paintRectPixels(dpi)
    body = QRectF(
        0,
        HEADER_PT * scale,
        area.width(),
        area.height() - (HEADER_PT + FOOTER_PT) * scale,
    )
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(QSizeF(body.width(), body.height()))
    _keep_with_next(document, body.height(), scale)
    _split_across_pages(document, body.height())
    count = document.pageCount()
    chosen = [p for p in (range(count) if pages is None else pages) if 0 <= p < count]
    created = format_date(datetime.now(), language)

    painter = QPainter()
    if not painter.begin(device):
        raise OSError(errno.EIO, "the PDF could not be started")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for done, index in enumerate(chosen, start=1):
            if done > 1 and not device.newPage():
                raise OSError(errno.EIO, "a new page could not be started")
            _paint_chrome(
                painter,
                area.width(),
                area.height(),
                scale,
                record,
                language,
                created,
                index + 1,
                count,
            )
            painter.save()
            painter.translate(body.left(), body.top() - index * body.height())
            _draw_page(document, painter, body, index, scale)
            painter.restore()
            if on_page is not None:
                on_page(done, len(chosen))
    finally:
        painter.end()
    return count


def _keep_with_next(document: QTextDocument, page: float, scale: float) -> None:
    """Move a heading to the next page when what follows it would not fit.

    Qt breaks pages between lines and knows no "keep with next"; each marked
    block that sits too near the bottom of its page starts the next one.
    """
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        block_format = block.blockFormat()
        keep = block_format.property(KEEP_WITH_NEXT)
        if keep and block_format.pageBreakPolicy() == AUTO_BREAK:
            rect = layout.blockBoundingRect(block)
            top_on_page = rect.top() % page
            page_end = rect.top() - top_on_page + page
            if top_on_page > 1 and rect.bottom() + float(keep) * scale > page_end:
                block_format.setPageBreakPolicy(BREAK_BEFORE)
                QTextCursor(block).setBlockFormat(block_format)
                # Qt's incremental relayout loses the blocks after a frame;
                # lay the whole document out again before looking further.
                document.markContentsDirty(0, document.characterCount())
        block = block.next()


def _split_across_pages(document: QTextDocument, page: float) -> None:
    """Make the paragraphs that run over a page break two paragraphs.

    QTextLayout.draw also paints the last line above its clip, so a
    paragraph that goes on over the next page would have its last line of
    the previous page painted again on the next one: invisible under the
    clip, but there for copying, searching and screen readers. Split at the
    same line break, the text lays out exactly as before.
    """
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        start = _first_line_on_next_page(layout.blockBoundingRect(block), block, page)
        if start is not None:
            _split_block(document, block, start)
        block = block.next()


def _first_line_on_next_page(
    rect: QRectF, block: QTextBlock, page: float
) -> int | None:
    """The text position where ``block`` crosses onto another page, if it does."""
    text_layout = block.layout()
    if text_layout.lineCount() < 2:
        return None
    top = rect.top() - text_layout.boundingRect().top()
    first_page = int((top + text_layout.lineAt(0).y()) // page)
    for index in range(1, text_layout.lineCount()):
        line = text_layout.lineAt(index)
        if int((top + line.y()) // page) != first_page:
            return block.position() + line.textStart()
    return None


def _split_block(document: QTextDocument, block: QTextBlock, position: int) -> None:
    block_format = QTextBlockFormat(block.blockFormat())
    block_format.setTopMargin(0)
    block_format.setPageBreakPolicy(AUTO_BREAK)
    block_format.clearProperty(KEEP_WITH_NEXT)
    text_list = block.textList()
    if text_list is not None:
        # The rest of a list item is no new item: no bullet, same indent.
        block_format.setObjectIndex(-1)
        block_format.setIndent(text_list.format().indent())
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    cursor.insertBlock(block_format, cursor.charFormat())
    document.markContentsDirty(0, document.characterCount())


def _draw_page(
    document: QTextDocument, painter: QPainter, body: QRectF, index: int, scale: float
) -> None:
    """Page ``index`` of the laid-out document, in our colours.

    ``drawContents`` would take the rules' colour from the application's
    palette, which a worker thread should not read.
    """
    clip = QRectF(0, index * body.height(), body.width(), body.height())
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    palette = QPalette(INK, PAPER)
    palette.setColor(QPalette.ColorRole.Text, INK)
    palette.setColor(QPalette.ColorRole.Dark, RULE)
    context.palette = palette
    painter.setClipRect(clip)
    document.documentLayout().draw(painter, context)


def _paint_chrome(
    painter: QPainter,
    width: float,
    height: float,
    scale: float,
    record: ApplicationRecord,
    language: str,
    created: str,
    number: int,
    count: int,
) -> None:
    """The running header and footer of one page, with a thin rule each."""
    font = QFont()
    font.setPointSizeF(8)
    for tag, value in NO_LIGATURES.items():
        font.setFeature(tag, value)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    line = metrics.height()
    half = width / 2 - 6 * scale
    title = metrics.elidedText(
        pick(record.credential.title, language), Qt.TextElideMode.ElideRight, half
    )
    left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    top = QRectF(0, 0, width, line)
    bottom = QRectF(0, height - line, width, line)

    painter.setPen(QPen(MUTED))
    painter.drawText(
        top, int(left | Qt.AlignmentFlag.AlignVCenter), header_text(record)
    )
    painter.drawText(top, int(right | Qt.AlignmentFlag.AlignVCenter), title)
    painter.drawText(
        bottom,
        int(left | Qt.AlignmentFlag.AlignVCenter),
        translate("export", "Created with Insignia on %1").replace("%1", created),
    )
    painter.drawText(
        bottom, int(right | Qt.AlignmentFlag.AlignVCenter), page_text(number, count)
    )
    painter.setPen(QPen(RULE, 0.6 * scale))
    below_header = line + 4 * scale
    above_footer = height - line - 4 * scale
    painter.drawLine(QLineF(0, below_header, width, below_header))
    painter.drawLine(QLineF(0, above_footer, width, above_footer))


def render_pdf(
    record: ApplicationRecord,
    language: str,
    page_size: QPageSize | None = None,
    on_page: Progress | None = None,
) -> tuple[bytes, int]:
    """The PDF of ``record`` as bytes, and its page count."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            page_size or paper_size(),
            QPageLayout.Orientation.Portrait,
            PAGE_MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    title = pick(record.credential.title, language)
    writer.setTitle(f"{title} — {header_text(record)}")
    writer.setCreator("Insignia")
    document = build_document(record, language)
    count = paint_pages(document, writer, record, language, on_page=on_page)
    del writer
    data = bytes(buffer.data().data())
    buffer.close()
    return data, count


def write_pdf(
    record: ApplicationRecord,
    language: str,
    path: Path,
    page_size: QPageSize | None = None,
    on_page: Progress | None = None,
) -> int:
    """Save the PDF of ``record`` at ``path``; the number of pages.

    The file appears whole or not at all: it is written next to ``path`` and
    renamed, so a full disk never leaves half a PDF (or a broken earlier
    one). Raises OSError when the folder cannot be written to.
    """
    data, count = render_pdf(record, language, page_size, on_page)
    partial = path.with_name(f".{path.name}.part")
    try:
        with open(partial, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
    logger.info("Exported application %s to a PDF of %s pages", record.id, count)
    return count


def export_error_text(error: BaseException, path: Path) -> str:
    """Why the PDF was not saved, in words that say what to do about it."""
    number = error.errno if isinstance(error, OSError) else None
    if number in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        text = translate(
            "export",
            "There is not enough free space to save “{name}”. Free some space on"
            " the disk or choose another folder.",
        )
    elif number in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = translate(
            "export",
            "Insignia may not write to the folder {folder}. Choose a folder of"
            " your own, such as Documents.",
        )
    elif number in (errno.ENOENT, errno.ENOTDIR):
        text = translate(
            "export",
            "The folder {folder} does not exist any more. Choose another folder.",
        )
    else:
        text = translate("export", "“{name}” could not be saved: {error}")
    return text.format(name=path.name, folder=path.parent, error=error)
