"""The assessor queue's table model and proxy, without any widget."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from desktop.item_models import ObjectRole, warning_color
from desktop.queue_model import (
    QueueFilterProxy,
    QueueTableModel,
    days_left_text,
    held_by_text,
)
from model.enums import QueueFilter, Status
from model.records import QueueRow

FEEDBACK = {"en": "Formative Feedback", "es": "Retroalimentación formativa"}
VOICE = {"en": "Student Voice", "es": "La voz del alumnado"}

Code, Title, Attempt, Submitted, Due, DaysLeft, HeldBy = range(7)


def row(
    id: int,
    due: date,
    left: int,
    title: dict[str, str] = FEEDBACK,
    held_by: str | None = None,
    mine: bool = False,
    attempt: int = 1,
) -> QueueRow:
    return QueueRow(
        application_id=id,
        code=f"MC-{id:06d}",
        title=title,
        attempt=attempt,
        status=Status.IN_REVIEW if held_by else Status.SUBMITTED,
        submitted_at=datetime(2026, 2, 1, 9),
        decision_due=due,
        business_days_left=left,
        overdue=left < 0,
        held_by=held_by,
        held_by_me=mine,
    )


def desk_rows() -> list[QueueRow]:
    """As the desk hands them over: the earliest decision due first."""
    return [
        row(4, date(2026, 3, 2), -3),
        row(2, date(2026, 3, 4), -1, VOICE, held_by="Sam Okafor"),
        row(9, date(2026, 3, 5), 0, held_by="Morgan Lee", mine=True),
        row(1, date(2026, 3, 20), 11, VOICE, attempt=2),
    ]


@pytest.fixture
def proxy(qapp: object) -> QueueFilterProxy:
    model = QueueTableModel("en")
    model.set_rows(desk_rows())
    proxy = QueueFilterProxy(model)
    proxy.setSourceModel(model)
    return proxy


def column(proxy: QueueFilterProxy, number: int) -> list[str]:
    return [proxy.index(r, number).data() for r in range(proxy.rowCount())]


def ids(proxy: QueueFilterProxy) -> list[int]:
    return [proxy.application_id(r) for r in range(proxy.rowCount())]


def test_rows_keep_the_desk_order_by_due_date(proxy: QueueFilterProxy) -> None:
    assert ids(proxy) == [4, 2, 9, 1]
    assert column(proxy, Code) == ["MC-000004", "MC-000002", "MC-000009", "MC-000001"]
    assert column(proxy, Title)[1] == "Student Voice"
    assert column(proxy, Attempt) == ["1", "1", "1", "2"]


def test_overdue_rows_say_by_how_much_and_are_coloured(
    proxy: QueueFilterProxy,
) -> None:
    assert column(proxy, DaysLeft) == [
        "Overdue by 3 business days",
        "Overdue by 1 business day",
        "Due today",
        "11 business days left",
    ]
    late = proxy.index(0, DaysLeft)
    assert late.data(Qt.ItemDataRole.ForegroundRole) == warning_color()
    assert late.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "was due on" in late.data(Qt.ItemDataRole.ToolTipRole)
    on_time = proxy.index(3, DaysLeft)
    assert on_time.data(Qt.ItemDataRole.ForegroundRole) is None
    assert on_time.data(Qt.ItemDataRole.DecorationRole) is None


def test_held_by_names_the_assessor(proxy: QueueFilterProxy) -> None:
    assert column(proxy, HeldBy) == ["", "Sam Okafor", "Morgan Lee (you)", ""]
    assert held_by_text(desk_rows()[1]) == "Sam Okafor"
    assert proxy.index(0, HeldBy).data(ObjectRole).held_by is None


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (QueueFilter.ALL, [4, 2, 9, 1]),
        (QueueFilter.ASSIGNED_TO_ME, [9]),
        (QueueFilter.UNASSIGNED, [4, 1]),
        (QueueFilter.OVERDUE, [4, 2]),
    ],
)
def test_filters(
    proxy: QueueFilterProxy, choice: QueueFilter, expected: list[int]
) -> None:
    proxy.set_queue_filter(choice)
    assert ids(proxy) == expected
    assert proxy.row_of(expected[0]) == 0


def test_a_filtered_out_row_has_no_proxy_row(proxy: QueueFilterProxy) -> None:
    proxy.set_queue_filter(QueueFilter.ASSIGNED_TO_ME)
    assert proxy.row_of(4) is None
    assert proxy.row_of(12345) is None


def test_sorting_by_a_column_and_back_to_the_due_date(proxy: QueueFilterProxy) -> None:
    proxy.sort(DaysLeft, Qt.SortOrder.DescendingOrder)
    assert ids(proxy) == [1, 9, 2, 4]
    proxy.sort(Title, Qt.SortOrder.AscendingOrder)
    assert column(proxy, Title) == ["Formative Feedback"] * 2 + ["Student Voice"] * 2
    proxy.sort(Due, Qt.SortOrder.AscendingOrder)
    assert ids(proxy) == [4, 2, 9, 1]
    proxy.set_queue_filter(QueueFilter.OVERDUE)
    proxy.sort(Due, Qt.SortOrder.DescendingOrder)
    assert ids(proxy) == [2, 4]


def test_a_new_load_replaces_the_rows(proxy: QueueFilterProxy) -> None:
    proxy.set_queue_filter(QueueFilter.UNASSIGNED)
    proxy.table().set_rows([row(7, date(2026, 4, 1), 20)])
    assert ids(proxy) == [7]
    proxy.table().set_rows([])
    assert proxy.rowCount() == 0


def test_the_selection_survives_a_reload_by_id(proxy: QueueFilterProxy) -> None:
    remembered: list[int] = []
    proxy.modelAboutToBeReset.connect(
        lambda: remembered.append(proxy.application_id(proxy.rowCount() - 1))
    )
    proxy.table().set_rows(desk_rows()[2:])
    assert remembered == [1]
    assert proxy.row_of(1) == 1


def test_titles_follow_the_interface_language(qapp: object) -> None:
    model = QueueTableModel("es")
    model.set_rows(desk_rows())
    assert model.index(1, Title).data() == "La voz del alumnado"


def test_days_left_words() -> None:
    assert days_left_text(None) == ""
    assert days_left_text(1) == "1 business day left"
    assert days_left_text(-12) == "Overdue by 12 business days"


def test_a_row_carries_no_educator() -> None:
    assert not any("educator" in name for name in QueueRow._fields)
