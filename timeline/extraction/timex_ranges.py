"""Ranges of dates, which events and TIMEX3 want differently: events want "du 3 mars au 5 avril"
as one range, TIMEX3 annotation tags each end on its own ("April 24" and "25")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from timeline.extraction import calendar as cal
from timeline.extraction.lexicon import Lexicon
from timeline.extraction.timex_rules import DAY, range_opener
from timeline.extraction.timex_types import Timex

YEAR_LESS_PRECISIONS = ("day", "month")


def share_range_years(timexes: list[Timex], text: str, lexicon: Lexicon) -> list[Timex]:
    """A year-less first end of a range takes the year of its second end: "from 1 January to
    31 December 2023" starts in 2023. A first end that would then fall after the second end lies
    in the year before ("du 28 décembre au 3 janvier 2025"); likewise a year-less second end
    takes the first end's year or the next ("from 1 July 2025 to 30 June"). Only an end whose
    year is written lends it, and the end that takes it is then derived as that end was."""
    joiner = re.compile(rf"\s*(?:{lexicon['range_to']}|[-–])\s*")
    weekday = re.compile(rf"(?<!\w){lexicon.weekday_pattern}(?!\w)")
    month = re.compile(rf"(?<!\w){lexicon.month_pattern}(?!\w)")
    result = list(timexes)
    for index in range(len(result) - 1):
        first, second = result[index], result[index + 1]
        if second.derivation == "inferred_year" and _names_its_year(first, month):
            result[index + 1] = _year_after(second, first, joiner, weekday, text)
            continue
        if first.derivation != "inferred_year" or not _names_its_year(second, month):
            continue
        periods = _range_end_periods(first, second, joiner, text)
        if periods is None or weekday.search(first.text):  # "Friday 28 December": the weekday chose its year
            continue
        first_period, second_period = periods
        year = second_period.start.year
        if first_period.start.replace(year=2000) > second_period.end.replace(year=2000):
            year -= 1  # leap year 2000 compares 29 February too
        shifted = shift_years(first, year - first_period.start.year)
        if shifted.period is None or shifted.period.start.year != year:
            continue  # 29 February in a year without one
        # the year now comes from the text as much as the second end's does
        result[index] = replace(shifted, derivation=second.derivation)
    return result


def _names_its_year(timex: Timex, month: re.Pattern[str]) -> bool:
    """Whether a date's year is written ("2023", "last year") with its month, so that it can lend
    it: "Friday to December's figures" is no range of "Friday"'s year."""
    return timex.derivation == "explicit" or (
        timex.derivation == "relative" and month.search(timex.text) is not None
    )


def _year_after(
    second: Timex, first: Timex, joiner: re.Pattern[str], weekday: re.Pattern[str], text: str
) -> Timex:
    """A year-less second end takes the year of the first ("from 1 July 2025 to 30 June"), or
    the year after when it would otherwise come before the first."""
    periods = _range_end_periods(first, second, joiner, text)
    if periods is None or weekday.search(second.text):
        return second
    first_period, second_period = periods
    year = first_period.end.year
    if second_period.end.replace(year=2000) < first_period.end.replace(year=2000):
        year += 1
    shifted = shift_years(second, year - second_period.end.year)
    if shifted.period is None or shifted.period.end.year != year:
        return second
    return replace(shifted, derivation=first.derivation)


def _range_end_periods(
    first: Timex, second: Timex, joiner: re.Pattern[str], text: str
) -> tuple[cal.Period, cal.Period] | None:
    """The periods of two DATEs that `joiner` joins as the ends of one range, when both are
    stated at a precision that may leave the year out (a day or a month), else None."""
    if (
        first.type != "DATE"
        or second.type != "DATE"
        or first.period is None
        or second.period is None
        or first.period.precision not in YEAR_LESS_PRECISIONS
        or second.period.precision not in YEAR_LESS_PRECISIONS
        or not joiner.fullmatch(text[first.end : second.start])
    ):
        return None
    return first.period, second.period


def shift_years(timex: Timex, years: int) -> Timex:
    """The same expression `years` later (or earlier); 29 February without one keeps its year."""
    if timex.period is None or not years:
        return timex
    try:
        start = timex.period.start.replace(year=timex.period.start.year + years)
        end = timex.period.end.replace(year=timex.period.end.year + years)
    except ValueError:  # 29 February in a year without one: keep the first reading
        return timex
    value = f"{start.year:04d}{timex.value[4:]}"
    return replace(timex, value=value, period=cal.Period(start, end, timex.period.precision, value))


def merge_ranges_of(timexes: list[Timex], text: str, lexicon: Lexicon) -> list[Timex]:
    """Join two dates written as the ends of one range ("from March 3 to April 5") into one;
    two dates joined by "and" are a range only after "between" or when they follow each other
    ("on Wednesday and Thursday"): "on March 3 and April 5" are two days."""
    opener = re.compile(rf"{range_opener(lexicon)}$")
    joiner = re.compile(rf"^\s*(?:{lexicon['range_to']}|[-–])\s*$")
    listing = re.compile(rf"\s*(?:{lexicon['range_and']})\s*")
    merged: list[Timex] = []
    for timex in timexes:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.period is not None
            and timex.period is not None
            and previous.type == timex.type == "DATE"
            and joiner.match(text[previous.end : timex.start])
            and previous.period.start <= timex.period.end
        ):
            opened = opener.search(text[: previous.start])
            if (
                opened is None
                and listing.fullmatch(text[previous.end : timex.start])
                and timex.period.start - previous.period.end > timedelta(days=1)
            ):
                merged.append(timex)
                continue
            start = opened.start() if opened else previous.start
            period = cal.Period(
                previous.period.start, timex.period.end, previous.period.precision, previous.value
            )
            merged[-1] = Timex(
                start,
                timex.end,
                text[start : timex.end],
                "DATE",
                previous.value,
                period,
                previous.derivation,
            )
        else:
            merged.append(timex)
    return merged


def split_day_ranges(timexes: list[Timex], text: str, lexicon: Lexicon) -> list[Timex]:
    """Split a range of days in one month ("April 24 and 25", "du 19 au 23 juillet") into its
    two ends, as TIMEX3 annotation tags them: "April 24" and "25", "19" and "23 juillet"."""
    suffix = lexicon["day_suffix"]
    days = re.compile(
        rf"(?:{range_opener(lexicon)})?(?P<first>.*?(?<!\d){DAY}{suffix})\s*"
        rf"(?:{lexicon['range_to']}|[-–])\s*(?P<second>(?:{lexicon.weekday_pattern}\s+)?{DAY}(?!\d).*)",
        re.DOTALL,
    )
    result: list[Timex] = []
    for timex in timexes:
        period = timex.period
        parts = days.fullmatch(timex.text) if _is_day_range(timex) else None
        if parts is None or period is None:
            result.append(timex)
            continue
        first_start, first_end = (timex.start + offset for offset in parts.span("first"))
        second_start = timex.start + parts.start("second")
        first, last = cal.day_period(period.start), cal.day_period(period.end)
        result.append(
            replace(timex, start=first_start, end=first_end, text=text[first_start:first_end], period=first)
        )
        result.append(
            replace(
                timex,
                start=second_start,
                text=text[second_start : timex.end],
                value=last.value,
                period=last,
            )
        )
    return result


def _is_day_range(timex: Timex) -> bool:
    period = timex.period
    return (
        timex.type == "DATE"
        and period is not None
        and period.precision == "day"
        and timex.value == period.start.isoformat()
        and timedelta(0) < period.end - period.start < timedelta(days=31)
    )
