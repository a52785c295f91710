"""Calendar arithmetic for temporal expressions: periods, parts of periods, anchoring.

Every function is pure and takes the reference date explicitly, so results never depend on the
machine's clock.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

Tense = Literal["past", "future", "present"]
PAST_TENSE_SLACK_DAYS = 62
FUTURE_TENSE_SLACK_DAYS = 31
PERIODS_HELD = 4096
"""Months or years remembered at most (4,096 months are over three centuries)."""


@dataclass(frozen=True)
class Period:
    """A calendar range with the precision at which it was stated and its TIMEX3 value."""

    start: date
    end: date
    precision: str
    value: str


def day_period(day: date) -> Period:
    """Return the one-day period of `day`."""
    return Period(day, day, "day", day.isoformat())


@lru_cache(maxsize=PERIODS_HELD)
def month_period(year: int, month: int) -> Period:
    """Return the whole month (a period is immutable, so the months and years articles keep
    naming are built once)."""
    last = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last), "month", f"{year:04d}-{month:02d}")


@lru_cache(maxsize=PERIODS_HELD)
def year_period(year: int) -> Period:
    """Return the whole year."""
    return Period(date(year, 1, 1), date(year, 12, 31), "year", f"{year:04d}")


def week_period(day: date) -> Period:
    """Return the ISO week (Monday to Sunday) containing `day`."""
    monday = day - timedelta(days=day.weekday())
    iso_year, iso_week, _ = day.isocalendar()
    return Period(monday, monday + timedelta(days=6), "day", f"{iso_year:04d}-W{iso_week:02d}")


def quarter_period(year: int, quarter: int) -> Period:
    """Return a quarter of a year, at month precision."""
    first_month = 3 * (quarter - 1) + 1
    start = month_period(year, first_month).start
    end = month_period(year, first_month + 2).end
    return Period(start, end, "month", f"{year:04d}-Q{quarter}")


def shift_months(day: date, months: int) -> date:
    """Move a date by whole months, clamping the day to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def relative_period(reference: date, unit: str, offset: int) -> Period:
    """Return the week, month, quarter or year `offset` units away from `reference`."""
    if unit == "D":
        return day_period(reference + timedelta(days=offset))
    if unit == "W":
        return week_period(reference + timedelta(weeks=offset))
    if unit == "M":
        shifted = shift_months(reference, offset)
        return month_period(shifted.year, shifted.month)
    if unit == "Q":
        shifted = shift_months(reference, 3 * offset)
        return quarter_period(shifted.year, (shifted.month - 1) // 3 + 1)
    return year_period(reference.year + offset)


def part_of_period(period: Period, part: str) -> Period:
    """Narrow a month or year to its early / mid / late part (or keep it whole).

    A month splits into days 1-10, 11-20 and 21-end; a year into January-April, May-August and
    September-December, matching how researchers read "début avril" or "fin 2024".
    """
    if part == "whole":
        return period
    if period.precision == "month" and period.start.month == period.end.month:
        bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, period.end.day)}
        bounds |= {"firsthalf": (1, 15), "secondhalf": (16, period.end.day)}
        first, last = bounds[part]
        start = period.start.replace(day=first)
        return Period(start, period.start.replace(day=last), "day", period.value)
    if period.precision == "year":
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "firsthalf": (1, 6)}
        months["secondhalf"] = (7, 12)
        first, last = months[part]
        year = period.start.year
        start = date(year, first, 1)
        return Period(start, month_period(year, last).end, "month", period.value)
    return period


def nearest_year(
    month: int, day: int | None, reference: date, tense: Tense, *, written: bool = False
) -> int | None:
    """Choose the year for a year-less date: the nearest to `reference` in the tense's direction
    (`written`: a direction the expression states, "le 6 mai dernier", which nothing overrides).

    Returns None when the day does not exist in any candidate year (such as 31 February).
    """
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day or 1))
        except ValueError:
            continue
    if not candidates:
        return None
    reference = reference if day else reference.replace(day=1)
    return nearest_occurrence(candidates, reference, tense, written=written).year


def nearest_occurrence(
    candidates: list[date], reference: date, tense: Tense, *, written: bool = False
) -> date:
    """Choose among the yearly occurrences of a date (3 April, Easter) the nearest to
    `reference` in the tense's direction; without a tense, news reports what happened, so the
    past. A direction the expression writes ("last", "dernier") gets no slack."""
    nearest = min(candidates, key=lambda c: abs((c - reference).days))
    if tense == "future":
        chosen = min([c for c in candidates if c >= reference] or candidates)
    else:
        chosen = max([c for c in candidates if c <= reference] or candidates)
    # A date a few weeks ahead beats one nearly a year back: in a past-tense sentence the tense cue
    # is the weaker evidence ("said the dividend is payable Nov. 6", "a donné jusqu'au 30 juin").
    # A future tense about a date already gone is rarer, so it gets less slack.
    slack = FUTURE_TENSE_SLACK_DAYS if tense == "future" else PAST_TENSE_SLACK_DAYS
    if not written and abs((nearest - reference).days) <= slack and abs((chosen - reference).days) > 183:
        return nearest
    return chosen


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 for the last) given weekday (0 = Monday) of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def anchor_weekday(weekday: int, reference: date, offset: int | None, tense: Tense) -> date:
    """Resolve a weekday (0 = Monday) against the reference date.

    An explicit offset ("last" = -1, "next" = +1, "this" = 0) wins; otherwise the sentence's
    tense decides: past means the most recent such day on or before the reference, future the
    next one after it; without a tense, news reports what happened, so the past.
    """
    days_back = (reference.weekday() - weekday) % 7
    days_ahead = (weekday - reference.weekday()) % 7
    if offset == -1:
        return reference - timedelta(days=days_back or 7)
    if offset == 1:
        return reference + timedelta(days=days_ahead or 7)
    if offset == 0:
        return reference - timedelta(days=reference.weekday()) + timedelta(days=weekday)
    if tense == "future":
        return reference + timedelta(days=days_ahead or 7)
    return reference - timedelta(days=days_back)
