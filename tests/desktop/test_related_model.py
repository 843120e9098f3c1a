"""The Related submissions table model, without any widget."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt

from desktop.widgets.related_submissions import ID_ROLE, RelatedSubmissionsModel
from model.entities import Status
from model.records import RelatedRecord

FIRST = RelatedRecord(
    11, 1, Status.DENIED, datetime(2026, 3, 2, 10, 30), datetime(2026, 3, 16, 9, 0)
)
SECOND = RelatedRecord(12, 2, Status.IN_REVIEW, datetime(2026, 4, 1, 8, 0), None)


def cells(model: RelatedSubmissionsModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_rows_are_the_earlier_attempts_oldest_first(qapp):
    model = RelatedSubmissionsModel([SECOND, FIRST], "en")

    assert model.rowCount() == 2
    assert cells(model, 0) == ["Attempt 1", "Mar 2, 2026", "Denied", "Mar 16, 2026"]
    assert cells(model, 1) == ["Attempt 2", "Apr 1, 2026", "Pending (In review)", "—"]
    assert model.index(1, 3).data(ID_ROLE) == 12
    assert model.application_id(0) == 11


def test_headers_name_the_columns(qapp):
    model = RelatedSubmissionsModel([FIRST], "en")
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(model.columnCount())
    ]
    assert headers == ["Attempt", "Submitted on", "Decision", "Decided on"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_dates_follow_the_language(qapp):
    model = RelatedSubmissionsModel([FIRST], "es")
    assert model.index(0, 1).data() == "2 mar 2026"


def test_no_children_and_a_reset_replaces_the_rows(qapp):
    model = RelatedSubmissionsModel([], "en")
    assert model.rowCount() == 0
    assert model.rowCount(model.index(0, 0)) == 0

    model.set_related([FIRST])
    assert model.rowCount() == 1
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None
