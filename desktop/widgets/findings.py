"""Readiness and privacy findings as a Qt item model, and the list that shows them.

Findings are grouped under their part (privacy matches under a group of their
own, first). Each finding row carries the finding itself in ``FINDING_ROLE``
so a click can move to the passage; its short title ("Question 2 · General
voice") and its explanation are painted by ``FindingDelegate``, wrapped to the
list's width.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from model.privacy import PrivacyFinding, PrivacyMatch
from model.readiness import Finding, FindingKind, explain
from model.records import CredentialRecord, pick

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3

ICON_SIZE = 16
PADDING = 6
GAP = 8

# (colour, glyph) of a finding's badge. Every row also names its kind in
# words, so the colour is never the only signal.
_ATTENTION = ("#C98A00", "!")
_ANSWER = ("#1F6FEB", "i")
_EVIDENCE = ("#2E7D5B", "+")
_PRIVACY = ("#B3261E", "!")
_BADGES = {
    FindingKind.UNCHANGED_FAILED_PART: _ATTENTION,
    FindingKind.GENERAL_VOICE: _ATTENTION,
    FindingKind.TOO_LONG: _ATTENTION,
    FindingKind.UNANSWERED: _ANSWER,
    FindingKind.FAR_UNDER: _ANSWER,
    FindingKind.TOO_SHORT: _ANSWER,
    FindingKind.CRITERION_NOT_ADDRESSED: _ANSWER,
    FindingKind.NO_EVIDENCE: _EVIDENCE,
    FindingKind.BAD_LINK: _EVIDENCE,
}


translate = QCoreApplication.translate


def kind_label(kind: FindingKind) -> str:
    """A finding's kind in a few words, as the list's row titles show it."""
    labels = {
        FindingKind.UNANSWERED: translate("findings", "No answer yet"),
        FindingKind.FAR_UNDER: translate("findings", "Far too short"),
        FindingKind.TOO_SHORT: translate("findings", "A little short"),
        FindingKind.TOO_LONG: translate("findings", "Over the word limit"),
        FindingKind.CRITERION_NOT_ADDRESSED: translate(
            "findings", "Rubric element not addressed"
        ),
        FindingKind.GENERAL_VOICE: translate(
            "findings", "General, not about your classroom"
        ),
        FindingKind.NO_EVIDENCE: translate("findings", "No evidence yet"),
        FindingKind.BAD_LINK: translate("findings", "Incomplete link"),
        FindingKind.UNCHANGED_FAILED_PART: translate(
            "findings", "Unchanged since the feedback"
        ),
    }
    return labels[kind]


def question_number(
    credential: CredentialRecord, part_id: int, question_id: int
) -> int:
    part = credential.part(part_id)
    return next(i for i, q in enumerate(part.questions, 1) if q.id == question_id)


def part_number(credential: CredentialRecord, part_id: int) -> int:
    return next(i for i, p in enumerate(credential.parts, 1) if p.id == part_id)


def privacy_text(finding: PrivacyFinding, credential: CredentialRecord) -> str:
    """Where a privacy match is and what it is, in one line.

    "Part 2 · Question 1: your name “Rivera”", or
    "Attachment “rivera-lesson.pdf”: your e-mail".
    """
    if finding.filename is not None:
        where = translate("findings", "Attachment “%1”").replace("%1", finding.filename)
        what = {
            PrivacyMatch.NAME: translate("findings", "your name"),
            PrivacyMatch.EMAIL: translate("findings", "your e-mail"),
            PrivacyMatch.WORD: translate("findings", "“%1”, from your privacy words"),
        }[finding.kind]
    else:
        assert finding.part_id is not None and finding.question_id is not None
        where = (
            translate("findings", "Part %1 · Question %2")
            .replace("%1", str(part_number(credential, finding.part_id)))
            .replace(
                "%2",
                str(question_number(credential, finding.part_id, finding.question_id)),
            )
        )
        what = {
            PrivacyMatch.NAME: translate("findings", "your name “%1”"),
            PrivacyMatch.EMAIL: translate("findings", "your e-mail “%1”"),
            PrivacyMatch.WORD: translate("findings", "“%1”, from your privacy words"),
        }[finding.kind]
    return where + ": " + what.replace("%1", finding.found)


@cache
def badge(colour: str, glyph: str) -> QIcon:
    """A small round badge with a one-character glyph, drawn once per kind."""
    scale = 2
    pixmap = QPixmap(ICON_SIZE * scale, ICON_SIZE * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(0, 0, ICON_SIZE, ICON_SIZE)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(11)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(
        QRect(0, 0, ICON_SIZE, ICON_SIZE), Qt.AlignmentFlag.AlignCenter, glyph
    )
    painter.end()
    return QIcon(pixmap)


class FindingsModel(QStandardItemModel):
    """Findings grouped by part: group rows at the top level, findings below."""

    def set_findings(
        self,
        credential: CredentialRecord,
        language: str,
        findings: Sequence[Finding],
        privacy: Sequence[PrivacyFinding] = (),
    ) -> None:
        self.clear()
        root = self.invisibleRootItem()
        if privacy:
            group = self._group(self.tr("Privacy: may tell the assessor who you are"))
            for match in privacy:
                group.appendRow(self._privacy_item(match, credential))
            root.appendRow(group)
        groups: dict[int, QStandardItem] = {}
        for finding in findings:
            if finding.part_id not in groups:
                title = pick(credential.part(finding.part_id).title, language)
                groups[finding.part_id] = self._group(title)
                root.appendRow(groups[finding.part_id])
            item = self._finding_item(finding, credential, language)
            groups[finding.part_id].appendRow(item)

    def count(self) -> int:
        """How many findings (not groups) the model holds."""
        root = self.invisibleRootItem()
        return sum(root.child(row).rowCount() for row in range(root.rowCount()))

    def first_index(self) -> QModelIndex:
        """The first finding, or an invalid index when there is none."""
        group = self.index(0, 0)
        return self.index(0, 0, group) if group.isValid() else QModelIndex()

    def findings(self) -> list[Finding | PrivacyFinding]:
        root = self.invisibleRootItem()
        return [
            root.child(g).child(row).data(FINDING_ROLE)
            for g in range(root.rowCount())
            for row in range(root.child(g).rowCount())
        ]

    def _group(self, title: str) -> QStandardItem:
        item = QStandardItem(title)
        item.setData(True, GROUP_ROLE)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setAccessibleText(title)
        return item

    def _finding_item(
        self, finding: Finding, credential: CredentialRecord, language: str
    ) -> QStandardItem:
        text = explain(finding, credential, language)
        title = kind_label(finding.kind)
        if finding.question_id is not None:
            number = question_number(credential, finding.part_id, finding.question_id)
            title = self.tr("Question %1").replace("%1", str(number)) + " · " + title
        item = QStandardItem(badge(*_BADGES[finding.kind]), text)
        item.setData(title, TITLE_ROLE)
        item.setData(finding, FINDING_ROLE)
        item.setToolTip(text)
        item.setAccessibleText(title + ". " + text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        return item

    def _privacy_item(
        self, finding: PrivacyFinding, credential: CredentialRecord
    ) -> QStandardItem:
        text = privacy_text(finding, credential)
        item = QStandardItem(badge(*_PRIVACY), text)
        item.setData(finding, FINDING_ROLE)
        item.setToolTip(text)
        item.setAccessibleText(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        return item


Index = QModelIndex | QPersistentModelIndex


class FindingDelegate(QStyledItemDelegate):
    """Paints a group as a heading, a finding as badge, bold title and text.

    ``max_lines`` limits a finding's text (the rest is elided, and the whole
    text is in its tooltip); None shows it all.
    """

    def __init__(self, max_lines: int | None, parent: QTreeView) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self._view = parent

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._text_width(index)
        bold = self._bold(option.font)
        if index.data(GROUP_ROLE):
            return QSize(width, QFontMetrics(bold).height() + 2 * PADDING + 4)
        height = 0
        title = index.data(TITLE_ROLE)
        if title:
            height += QFontMetrics(bold).height() + 2
        lines = _lines(str(index.data()), option.font, width)
        if self.max_lines is not None:
            lines = lines[: self.max_lines]
        height += len(lines) * QFontMetrics(option.font).lineSpacing()
        return QSize(width, max(height, ICON_SIZE) + 2 * PADDING)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> None:
        painter.save()
        rect = QRect(option.rect)
        palette = option.palette
        if index.data(GROUP_ROLE):
            self._paint_group(painter, option, index)
            painter.restore()
            return
        style = self._view.style()
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self._view
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        painter.setPen(palette.color(role))
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        left = rect.left() + PADDING
        top = rect.top() + PADDING
        if isinstance(icon, QIcon):
            icon.paint(painter, QRect(left, top + 1, ICON_SIZE, ICON_SIZE))
        x = left + ICON_SIZE + GAP
        width = rect.right() - PADDING - x
        title = index.data(TITLE_ROLE)
        if title:
            bold = self._bold(option.font)
            painter.setFont(bold)
            metrics = QFontMetrics(bold)
            shown = metrics.elidedText(str(title), Qt.TextElideMode.ElideRight, width)
            painter.drawText(x, top + metrics.ascent(), shown)
            top += metrics.height() + 2
        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        lines = _lines(str(index.data()), option.font, width)
        if self.max_lines is not None and len(lines) > self.max_lines:
            rest = " ".join(lines[self.max_lines - 1 :])
            lines = lines[: self.max_lines - 1]
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        for line in lines:
            painter.drawText(x, top + metrics.ascent(), line)
            top += metrics.lineSpacing()
        painter.restore()

    def _paint_group(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = QRect(option.rect).adjusted(0, 4, 0, 0)
        palette = option.palette
        painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        bold = self._bold(option.font)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        metrics = QFontMetrics(bold)
        text_rect = rect.adjusted(PADDING, 0, -PADDING, 0)
        shown = metrics.elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            shown,
        )

    def _text_width(self, index: Index) -> int:
        width = self._view.viewport().width()
        if index.data(GROUP_ROLE):
            return width
        return max(40, width - 2 * PADDING - ICON_SIZE - GAP)

    @staticmethod
    def _bold(font: QFont) -> QFont:
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        return bold


def _lines(text: str, font: QFont, width: int) -> list[str]:
    """``text`` wrapped at word boundaries to ``width`` pixels, line by line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            start = line.textStart()
            lines.append(paragraph[start : start + line.textLength()].rstrip())
        layout.endLayout()
    return lines or [""]


class FindingsView(QTreeView):
    """A flat-looking tree of findings that re-wraps its rows when resized.

    ``widthChanged`` tells its owner that the rows' heights changed with it.
    """

    widthChanged = Signal()

    def __init__(self, max_lines: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the list; the arrow keys move between findings.
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(FindingDelegate(max_lines, self))
        self._width = -1

    def content_height(self) -> int:
        """The height every row needs at the current width, frame included."""
        model = self.model()
        if model is None:
            return 0
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegate()
        total = 0
        for group_row in range(model.rowCount()):
            group = model.index(group_row, 0)
            total += delegate.sizeHint(option, group).height()
            for row in range(model.rowCount(group)):
                total += delegate.sizeHint(option, model.index(row, 0, group)).height()
        return total + 2 * self.frameWidth()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._width = self.viewport().width()
            # Row heights depend on the width the text wraps to.
            self.scheduleDelayedItemsLayout()
            self.widthChanged.emit()
