"""Date bounds for filters: `2025`, `2025-04`, `2025-04-03`, or phrases such as "last month"."""

from __future__ import annotations

import re
from datetime import date

from timeline.errors import TimelineError

PARTIAL_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def parse_bound(value: str, *, today: date, end: bool) -> date:
    """Turn a filter bound into a date: the first day of the period it names for `--from`,
    the last day for `--to`.

    Raises:
        TimelineError: the value names no date.
    """
    text = value.strip()
    iso = PARTIAL_ISO.match(text)
    if iso:
        from timeline.extraction import calendar as cal

        year, month, day = (int(part) if part else None for part in iso.groups())
        try:
            if day is not None and month is not None:
                period = cal.day_period(date(year, month, day))  # type: ignore[arg-type]
            elif month is not None:
                period = cal.month_period(year, month)  # type: ignore[arg-type]
            else:
                period = cal.year_period(year)  # type: ignore[arg-type]
        except ValueError as error:
            raise TimelineError(f"invalid date {value!r}: {error}") from error
        return period.end if end else period.start
    from timeline.extraction.lexicon import supported_languages
    from timeline.extraction.timex import tag_timexes

    for language in ("en", *supported_languages()):
        for timex in tag_timexes(text, language=language, reference=today):
            if timex.period is not None and timex.end - timex.start >= len(text) // 2:
                return timex.period.end if end else timex.period.start
    raise TimelineError(f"cannot read {value!r} as a date (try 2025-04-03, 2025-04, 2025 or 'last month')")
