"""Ranges of dates, which events and TIMEX3 want differently: events want "du 3 mars au 5 avril"
as one range, TIMEX3 annotation tags each end on its own ("April 24" and "25")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from timeline.extraction import calendar as cal
from timeline.extraction.lexicon import Lexicon
from timeline.extraction.timex_rules import DAY
from timeline.extraction.timex_types import Timex


def merge_ranges_of(timexes: list[Timex], text: str, lexicon: Lexicon) -> list[Timex]:
    """Join two dates written as the ends of one range ("from March 3 to April 5") into one."""
    opener = re.compile(rf"(?:{lexicon['range_from']})\s+$")
    joiner = re.compile(rf"^\s*(?:{lexicon['range_to']}|[-–])\s*$")
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
        rf"(?:(?:{lexicon['range_from']})\s+)?(?P<first>.*?(?<!\d){DAY}{suffix})\s*"
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
