"""Working from the keyboard: tab order, the first focus of a page, part to part.

Pages list their sections (the parts of an application, then what follows
them) as ``(section, target)`` pairs; Next part and Previous part move the
focus to a section's target and scroll the section's top into view.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

# A section brought into view starts this far below the top of the page.
SECTION_MARGIN = 12

Section = tuple[QWidget, QWidget | None]


def chain(widgets: Iterable[QWidget | None]) -> None:
    """Tab moves through ``widgets`` in this order (None entries are skipped)."""
    present = [w for w in widgets if w is not None]
    for first, second in itertools.pairwise(present):
        QWidget.setTabOrder(first, second)


def takes_tab(widget: QWidget) -> bool:
    """Tab can stop on ``widget`` now."""
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def tab_stops(within: QWidget) -> list[QWidget]:
    """The widgets inside ``within`` that Tab stops on, in the order it does."""
    stops: list[QWidget] = []
    start = within.window()
    widget = start.nextInFocusChain()
    seen: set[int] = set()
    while widget is not start and id(widget) not in seen:
        seen.add(id(widget))
        if takes_tab(widget) and within.isAncestorOf(widget):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def focus_first(within: QWidget) -> bool:
    """Focus the first Tab stop inside ``within``; False when it has none."""
    stops = tab_stops(within)
    if not stops:
        return False
    stops[0].setFocus(Qt.FocusReason.TabFocusReason)
    return True


def move_to_section(sections: Sequence[Section], step: int) -> bool:
    """Focus the next (``step`` 1) or previous (-1) section's target.

    From inside a section it moves to its neighbour; from elsewhere on the
    page, to the nearest section below (or above) the focus. False at the
    first or last section.
    """
    sections = [(s, t) for s, t in sections if s.isVisible()]
    if not sections:
        return False
    focus = QApplication.focusWidget()
    current = next(
        (
            i
            for i, (section, _t) in enumerate(sections)
            if focus is not None and (section is focus or section.isAncestorOf(focus))
        ),
        None,
    )
    if current is not None:
        index = current + step
    elif focus is None:
        index = 0 if step > 0 else len(sections) - 1
    else:
        y = focus.mapToGlobal(QPoint(0, 0)).y()
        tops = [s.mapToGlobal(QPoint(0, 0)).y() for s, _t in sections]
        if step > 0:
            index = next((i for i, top in enumerate(tops) if top > y), len(sections))
        else:
            index = max((i for i, top in enumerate(tops) if top < y), default=-1)
    if not 0 <= index < len(sections):
        return False
    section, target = sections[index]
    if target is None or not takes_tab(target):
        stops = tab_stops(section)
        target = stops[0] if stops else None
    if target is None:
        return False
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)
    scroll_into_view(section, target)
    return True


def scroll_into_view(section: QWidget, target: QWidget) -> None:
    """Bring the top of ``section`` into view, and ``target`` with it if it fits."""
    area = section.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is None or area.widget() is None:
        return
    top = section.mapTo(area.widget(), QPoint(0, 0)).y()
    area.verticalScrollBar().setValue(max(0, top - SECTION_MARGIN))
    area.ensureWidgetVisible(target, 0, SECTION_MARGIN)


def without_mnemonic(text: str) -> str:
    """``text`` as read aloud: "&Reapply" is "Reapply", "&&" is "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say ``text`` (a change not shown by a focus move)."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
