"""Business days: the 14-business-day promise for a decision.

Weekends and the public holidays of the configured country (and subdivision,
such as ``PR`` for Puerto Rico) do not count. Holidays come from the
``holidays`` package, which knows the rules for each year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

DECISION_BUSINESS_DAYS = 14


@dataclass(frozen=True)
class BusinessCalendar:
    """Weekdays that are not public holidays in ``country``/``subdivision``."""

    country: str = "US"
    subdivision: str | None = None

    @cached_property
    def _holidays(self) -> Any:
        import holidays

        return holidays.country_holidays(self.country, subdiv=self.subdivision)

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def add_business_days(self, start: date, count: int) -> date:
        """The business day ``count`` business days after ``start``."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        while count:
            day += timedelta(days=1)
            if self.is_business_day(day):
                count -= 1
        return day

    def business_days_between(self, start: date, end: date) -> int:
        """Business days after ``start`` up to and including ``end``.

        Negative when ``end`` comes before ``start``, so an overdue decision has a
        negative number of days left.
        """
        if end < start:
            return -self.business_days_between(end, start)
        return sum(
            1
            for offset in range(1, (end - start).days + 1)
            if self.is_business_day(start + timedelta(days=offset))
        )

    def decision_due(self, submitted_at: datetime | date) -> date:
        """When the decision on an application submitted then is due."""
        start = (
            submitted_at.date() if isinstance(submitted_at, datetime) else submitted_at
        )
        return self.add_business_days(start, DECISION_BUSINESS_DAYS)


def validate_region(country: str, subdivision: str | None) -> None:
    """Raise ValueError naming the problem when the holiday region is unknown."""
    import holidays

    supported = holidays.list_supported_countries()
    if country not in supported:
        raise ValueError(f"Unknown country code: {country}")
    if subdivision and subdivision not in supported[country]:
        raise ValueError(f"Unknown subdivision {subdivision} for {country}")
