from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.calendar import BusinessCalendar, validate_region

US = BusinessCalendar("US")
PR = BusinessCalendar("US", "PR")
dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


def test_a_plain_fortnight_skips_two_weekends() -> None:
    # Monday 2026-03-02: 14 business days later is Friday 2026-03-20.
    assert US.decision_due(datetime(2026, 3, 2, 15, 0)) == date(2026, 3, 20)


def test_public_holidays_do_not_count() -> None:
    # Thanksgiving (Thu 26 Nov 2026) pushes the due date one day later.
    assert US.decision_due(date(2026, 11, 20)) == date(2026, 12, 11)
    assert not US.is_business_day(date(2026, 11, 26))


def test_puerto_rico_has_holidays_of_its_own() -> None:
    # 6 January (Three Kings' Day) is a holiday in Puerto Rico only.
    assert not PR.is_business_day(date(2026, 1, 6))
    assert US.is_business_day(date(2026, 1, 6))
    assert PR.decision_due(date(2026, 1, 2)) > US.decision_due(date(2026, 1, 2))


def test_unknown_regions_are_refused_with_their_name() -> None:
    validate_region("US", "PR")
    with pytest.raises(ValueError, match="XX"):
        validate_region("XX", None)
    with pytest.raises(ValueError, match="ZZ"):
        validate_region("US", "ZZ")


@given(dates, st.integers(min_value=0, max_value=60))
def test_adding_business_days_lands_on_a_business_day(start: date, n: int) -> None:
    due = US.add_business_days(start, n)
    assert due >= start
    if n:
        assert US.is_business_day(due)
    assert US.business_days_between(start, due) == n


@given(dates)
def test_the_decision_is_due_within_three_calendar_weeks_or_so(start: date) -> None:
    due = US.decision_due(start)
    # 14 business days span two full weekends at least; the year-end cluster
    # (Christmas, New Year, Martin Luther King Jr. Day) stretches them furthest.
    assert timedelta(days=18) <= due - start <= timedelta(days=27)
    assert due.weekday() < 5


@given(dates, dates)
def test_days_between_is_antisymmetric(a: date, b: date) -> None:
    assert US.business_days_between(a, b) == -US.business_days_between(b, a)
