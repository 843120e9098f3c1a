"""The dashboard's table model and proxy, without any widget."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt

from desktop.item_models import (
    ApplicationFilterProxy,
    ApplicationTableModel,
    ObjectRole,
    SortRole,
    StatusFilter,
)
from model.entities import Status
from model.records import DashboardRow

TODAY = date(2026, 3, 16)
FEEDBACK = {"en": "Formative Feedback", "es": "Retroalimentación formativa"}
FAMILIES = {"en": "Two-Way Communication with Families", "es": "Familias"}
VOICE = {"en": "Student Voice", "es": "La voz del alumnado"}

Title, Attempt, StatusColumn, Submitted, Due, Decided = range(6)


def row(
    id: int,
    title: dict[str, str],
    status: Status,
    attempt: int = 1,
    submitted: datetime | None = None,
    due: date | None = None,
    decided: datetime | None = None,
) -> DashboardRow:
    return DashboardRow(id, title, attempt, status, submitted, due, decided)


def sample_rows() -> list[DashboardRow]:
    return [
        row(7, VOICE, Status.DRAFT),
        row(6, FEEDBACK, Status.DRAFT, attempt=3),
        row(
            5,
            FAMILIES,
            Status.SUBMITTED,
            submitted=datetime(2026, 2, 20, 10),
            due=date(2026, 3, 12),
        ),
        row(
            4,
            VOICE,
            Status.IN_REVIEW,
            submitted=datetime(2026, 3, 10, 9),
            due=date(2026, 3, 30),
        ),
        row(
            3,
            FEEDBACK,
            Status.DENIED,
            attempt=2,
            submitted=datetime(2026, 1, 5),
            due=date(2026, 1, 23),
            decided=datetime(2026, 1, 20),
        ),
        row(
            2,
            FAMILIES,
            Status.APPROVED,
            submitted=datetime(2025, 11, 3),
            due=date(2025, 11, 21),
            decided=datetime(2025, 11, 14),
        ),
        row(
            1,
            FEEDBACK,
            Status.DENIED,
            submitted=datetime(2025, 10, 1),
            due=date(2025, 10, 21),
            decided=datetime(2025, 10, 15),
        ),
    ]


@pytest.fixture(autouse=True)
def us_dates() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def table(qapp: object) -> ApplicationTableModel:
    model = ApplicationTableModel("en", lambda: TODAY)
    model.set_rows(sample_rows())
    return model


@pytest.fixture
def proxy(table: ApplicationTableModel) -> ApplicationFilterProxy:
    proxy = ApplicationFilterProxy()
    proxy.setSourceModel(table)
    return proxy


def column(model: ApplicationFilterProxy, col: int, role: int = 0) -> list[object]:
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def ids(model: ApplicationFilterProxy) -> list[int]:
    return [model.application_id(r) for r in range(model.rowCount())]


def test_columns_and_headers(table: ApplicationTableModel) -> None:
    headers = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == [
        "Title",
        "Attempt",
        "Status",
        "Submitted on",
        "Decision due",
        "Decided on",
    ]
    assert table.rowCount() == 7


def test_status_in_words_and_dates_in_the_locale(table: ApplicationTableModel) -> None:
    statuses = [table.index(r, StatusColumn).data() for r in range(7)]
    assert statuses == [
        "Draft",
        "Draft",
        "Submitted",
        "In review",
        "Denied",
        "Approved",
        "Denied",
    ]
    denied = table.index(4, 0)
    assert table.index(4, Title).data() == "Formative Feedback"
    assert table.index(4, Attempt).data() == "2"
    assert table.index(4, Submitted).data() == "1/5/26"
    assert table.index(4, Decided).data() == "1/20/26"
    assert denied.data(ObjectRole).id == 3
    assert table.index(0, Submitted).data() == ""


def test_titles_follow_the_interface_language(qapp: object) -> None:
    model = ApplicationTableModel("es", lambda: TODAY)
    model.set_rows(sample_rows())
    assert model.index(1, Title).data() == "Retroalimentación formativa"


def test_an_overdue_decision_is_marked_in_words_and_colour(
    table: ApplicationTableModel,
) -> None:
    overdue = table.index(2, Due)
    assert overdue.data() == "3/12/26 — overdue"
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "3/12/26" in overdue.data(Qt.ItemDataRole.ToolTipRole)

    in_time = table.index(3, Due)
    assert in_time.data() == "3/30/26"
    assert in_time.data(Qt.ItemDataRole.ForegroundRole) is None

    # A decided attempt is never overdue, however old its due date.
    assert table.index(4, Due).data() == "1/23/26"
    assert table.overdue_count() == 1


def test_sort_role_gives_raw_values(table: ApplicationTableModel) -> None:
    assert table.index(4, Attempt).data(SortRole) == 2
    assert table.index(4, Due).data(SortRole) == date(2026, 1, 23)
    assert table.index(0, Submitted).data(SortRole) is None


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (StatusFilter.ALL, [7, 6, 5, 4, 3, 2, 1]),
        (StatusFilter.DRAFTS, [7, 6]),
        (StatusFilter.SUBMITTED, [5, 4]),
        (StatusFilter.APPROVED, [2]),
        (StatusFilter.DENIED, [3, 1]),
    ],
)
def test_status_filter(
    proxy: ApplicationFilterProxy, choice: StatusFilter, expected: list[int]
) -> None:
    proxy.set_status_filter(choice)
    assert ids(proxy) == expected


def test_filter_labels() -> None:
    assert [c.label() for c in StatusFilter] == [
        "All",
        "Drafts",
        "Submitted",
        "Approved",
        "Denied",
    ]


def test_search_is_case_insensitive_and_combines_with_the_filter(
    proxy: ApplicationFilterProxy,
) -> None:
    proxy.set_search("  FORMATIVE feed ")
    assert ids(proxy) == [6, 3, 1]
    proxy.set_status_filter(StatusFilter.DENIED)
    assert ids(proxy) == [3, 1]
    proxy.set_search("nothing like this")
    assert proxy.rowCount() == 0
    proxy.set_search("")
    assert ids(proxy) == [3, 1]


def test_sort_by_attempt(proxy: ApplicationFilterProxy) -> None:
    proxy.sort(Attempt, Qt.SortOrder.DescendingOrder)
    assert column(proxy, Attempt) == ["3", "2", "1", "1", "1", "1", "1"]
    proxy.sort(Attempt, Qt.SortOrder.AscendingOrder)
    assert column(proxy, Attempt)[-1] == "3"


def test_sort_by_date_uses_dates_not_text_and_puts_empty_last(
    proxy: ApplicationFilterProxy,
) -> None:
    # As text "3/30/26" < "3/12/26" would be false and "10/…" < "3/…" true.
    proxy.sort(Submitted, Qt.SortOrder.AscendingOrder)
    assert ids(proxy) == [1, 2, 3, 5, 4, 7, 6]
    proxy.sort(Submitted, Qt.SortOrder.DescendingOrder)
    assert ids(proxy) == [4, 5, 3, 2, 1, 7, 6]
    proxy.sort(Due, Qt.SortOrder.AscendingOrder)
    assert ids(proxy)[:5] == [1, 2, 3, 5, 4]


def test_sort_by_title_and_status(proxy: ApplicationFilterProxy) -> None:
    proxy.sort(Title, Qt.SortOrder.AscendingOrder)
    assert column(proxy, Title)[:3] == ["Formative Feedback"] * 3
    assert column(proxy, Title)[-1] == "Two-Way Communication with Families"
    proxy.sort(StatusColumn, Qt.SortOrder.AscendingOrder)
    assert column(proxy, StatusColumn) == [
        "Draft",
        "Draft",
        "Submitted",
        "In review",
        "Approved",
        "Denied",
        "Denied",
    ]


def test_sorting_keeps_the_filter(proxy: ApplicationFilterProxy) -> None:
    proxy.set_status_filter(StatusFilter.DENIED)
    proxy.sort(Submitted, Qt.SortOrder.AscendingOrder)
    assert ids(proxy) == [1, 3]


def test_mapping_between_proxy_and_source(
    table: ApplicationTableModel, proxy: ApplicationFilterProxy
) -> None:
    proxy.set_status_filter(StatusFilter.DENIED)
    assert proxy.row_of(1) == 1
    assert proxy.row_of(7) is None
    assert proxy.mapToSource(proxy.index(1, Due)).row() == 6
    assert proxy.mapFromSource(table.index(6, Due)).row() == 1
    assert not proxy.mapFromSource(table.index(0, Due)).isValid()


def test_upsert_updates_a_row_and_adds_a_new_one(
    table: ApplicationTableModel, proxy: ApplicationFilterProxy
) -> None:
    proxy.set_status_filter(StatusFilter.DRAFTS)
    submitted = row(
        7, VOICE, Status.SUBMITTED, submitted=datetime(2026, 3, 16), due=TODAY
    )
    table.upsert(submitted)
    assert ids(proxy) == [6]

    table.upsert(row(8, FEEDBACK, Status.DRAFT, attempt=4))
    assert ids(proxy) == [8, 6]
    assert table.rowCount() == 8
    assert table.index(0, Attempt).data() == "4"


def test_many_rows(proxy: ApplicationFilterProxy, table: ApplicationTableModel) -> None:
    start = datetime(2020, 1, 1)
    statuses = list(Status)
    rows = [
        row(
            i,
            (FEEDBACK, FAMILIES, VOICE)[i % 3],
            statuses[i % 5],
            attempt=1 + i % 4,
            submitted=start + timedelta(minutes=i),
            due=(start + timedelta(days=i % 400)).date(),
        )
        for i in range(100_000, 0, -1)
    ]
    table.set_rows(rows)
    assert proxy.rowCount() == 100_000

    proxy.set_status_filter(StatusFilter.SUBMITTED)
    assert proxy.rowCount() == 40_000
    proxy.sort(Submitted, Qt.SortOrder.AscendingOrder)
    assert [proxy.application_id(r) for r in range(3)] == [1, 2, 6]
