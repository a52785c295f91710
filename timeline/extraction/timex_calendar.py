"""Normalisers for calendar expressions: explicit dates, months, years, parts of periods,
seasons and quarters. Each returns a `Found`, `INVALID` for an impossible date, or None to
reject the candidate."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.extraction import calendar as cal
from timeline.extraction.timex_types import INVALID, Context, Found

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
THOUSANDS_SEPARATOR = re.compile(r"\d[\s\u00a0\u202f]$")
"""A digit and a space before a number: "2 000" is a thousands separator, not a year."""
NEXT_WORD = re.compile(r"\s*([^\s,.;:)]+)")


def _explicit(period: cal.Period) -> Found:
    return Found("DATE", period.value, period, "explicit")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso_date(m: re.Match[str], _ctx: Context) -> Found | None:
    day = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _explicit(cal.day_period(day)) if day else INVALID


def numeric(m: re.Match[str], ctx: Context) -> Found | None:
    first, second = int(m["a"]), int(m["b"])
    day_first = ctx.lexicon["date_order"] == "DMY"
    if first > 12 >= second:
        day_first = True
    elif second > 12 >= first:
        day_first = False
    day_number, month_number = (first, second) if day_first else (second, first)
    day = _safe_date(int(m["y"]), month_number, day_number)
    return _explicit(cal.day_period(day)) if day else None


def _year_for(m: re.Match[str], ctx: Context, month: int, day: int | None) -> tuple[int, str] | None:
    written_year = m.groupdict().get("y")
    if written_year:
        return int(written_year), "explicit"
    if ctx.reference is None:
        return None
    if m.groupdict().get("ry"):
        return ctx.reference.year + ctx.lexicon["relative_years"][m["ry"]], "relative"
    if m.groupdict().get("post"):  # "le 6 mai dernier", "le 3 juin prochain"
        direction = "past" if ctx.lexicon["date_after"][m["post"]] < 0 else "future"
        year = cal.nearest_year(month, day, ctx.reference, direction, written=True)
        return (year, "relative") if year else None
    tense = ctx.tenses.tense_at(m.start(), firm_only=True)
    if tense == "present" and m.groupdict().get("prep") in ctx.lexicon["deadline_prepositions"]:
        tense = "future"  # "to repay the loan by February": a deadline lies ahead
    year = cal.nearest_year(month, day, ctx.reference, tense)
    return (year, "inferred_year") if year else None


def day_range(m: re.Match[str], ctx: Context) -> Found | None:
    month = ctx.lexicon.month_number(m["m"])
    first, last = int(m["d1"]), int(m["d2"])
    resolved = _year_for(m, ctx, month, first) if month and first < last else None
    if resolved is None:
        return None
    year, derivation = resolved
    start, end = _safe_date(year, month, first), _safe_date(year, month, last)
    if not (start and end):
        return None
    return Found("DATE", start.isoformat(), cal.Period(start, end, "day", start.isoformat()), derivation)


def day_month(m: re.Match[str], ctx: Context) -> Found | None:
    month = ctx.lexicon.month_number(m["m"])
    resolved = _year_for(m, ctx, month, int(m["d"])) if month else None
    written_weekday = ctx.lexicon.weekday_number(m["w"]) if m["w"] else None
    if resolved and resolved[1] == "inferred_year" and written_weekday is not None:
        resolved = _year_matching_weekday(resolved[0], month, int(m["d"]), written_weekday) or resolved
    if resolved is None:
        return _unresolved(m, ctx)
    year, derivation = resolved
    day = _safe_date(year, month, int(m["d"]))
    return Found("DATE", day.isoformat(), cal.day_period(day), derivation) if day else INVALID


def _year_matching_weekday(year: int, month: int, day: int, weekday: int) -> tuple[int, str] | None:
    """ "jeudi 3 avril" names its year: the nearest one in which 3 April is a Thursday."""
    for candidate in (year, year - 1, year + 1):
        written = _safe_date(candidate, month, day)
        if written and written.weekday() == weekday:
            return candidate, "inferred_year"
    return None


def _unresolved(m: re.Match[str], ctx: Context) -> Found | None:
    month = ctx.lexicon.month_number(m["m"])
    if month is None or ctx.reference is not None:
        return None
    return Found("DATE", f"XXXX-{month:02d}-{int(m['d']):02d}", None, "inferred_year")


def _month_period(m: re.Match[str], ctx: Context) -> tuple[cal.Period, str] | None:
    month = ctx.lexicon.month_number(m["m"])
    resolved = _year_for(m, ctx, month, None) if month else None
    if resolved is None:
        return None
    return cal.month_period(resolved[0], month), resolved[1]


def month_year(m: re.Match[str], ctx: Context) -> Found | None:
    found = _month_period(m, ctx)
    return Found("DATE", found[0].value, found[0], found[1]) if found else None


def month_alone(m: re.Match[str], ctx: Context) -> Found | None:
    if not (m["prep"] or m["mod"] or m["post"]):
        return None  # a month named alone is `bare_month`'s
    if not ctx.lexicon["capitalised_names"] and m["m"][:1].isupper():
        return None  # French months are lower case: "la sonde Mars" names something else
    offset = ctx.lexicon["period_before"].get(m["mod"]) if m["mod"] else None
    if m["post"]:  # "juin prochain", "en mai dernier"
        offset = ctx.lexicon["date_after"][m["post"]]
    month = ctx.lexicon.month_number(m["m"])
    if offset is None or ctx.reference is None or month is None:
        return month_year(m, ctx)
    # "this September" is this year's; "next May" the first after this month; "last May" the last before
    year = ctx.reference.year
    if offset > 0 and month <= ctx.reference.month:
        year += 1
    elif offset < 0 and month >= ctx.reference.month:
        year -= 1
    period = cal.month_period(year, month)
    return Found("DATE", period.value, period, "relative")


def bare_month(m: re.Match[str], ctx: Context) -> Found | None:
    """A month named alone ("January was cold"): only where month names are capitalised and
    unambiguous, so "May" the name and "mars" the planet stay out."""
    if not ctx.lexicon["capitalised_names"] or m["m"] in ctx.lexicon["bare_month_exclusions"]:
        return None
    if m["m"].endswith(".") or not m["m"][:1].isupper():
        return None
    if re.match(ctx.lexicon["month_as_name_after"], ctx.text[m.end() :]):
        return None  # "the March for Life", "the March of the Mothers": a march, not a month
    return month_year(m, ctx)


def decade(m: re.Match[str], ctx: Context) -> Found | None:
    """ "the 1990s", "les années 1990", "les années 90"."""
    digits = m["decade"]
    first_year = int(digits) * 10 if len(digits) == 3 else 1900 + int(digits) * 10
    start, end = cal.year_period(first_year).start, cal.year_period(first_year + 9).end
    # TimeML writes the 1990s "199"; the French TimeBank writes "199X"
    value = ctx.lexicon["decade_value"].format(decade=first_year // 10)
    return Found("DATE", value, cal.Period(start, end, "year", value), "explicit")


def month_range(m: re.Match[str], ctx: Context) -> Found | None:
    last = _month_period(m, ctx)
    first_month = ctx.lexicon.month_number(m["m1"])
    if last is None or first_month is None or first_month == last[0].start.month:
        return None
    # "from December to February 2025": a first month after the last lies in the year before
    first_year = last[0].start.year - (first_month > last[0].start.month)
    first = cal.month_period(first_year, first_month)
    period = cal.Period(first.start, last[0].end, "month", first.value)
    return Found("DATE", first.value, period, last[1])


def part_month(m: re.Match[str], ctx: Context) -> Found | None:
    found = _month_period(m, ctx)
    if found is None:
        return None
    part = ctx.lexicon["period_parts"][m["part"]]
    return Found("DATE", found[0].value, cal.part_of_period(found[0], part), found[1])


def part_year(m: re.Match[str], ctx: Context) -> Found | None:
    part = ctx.lexicon["period_parts"][m["part"]]
    period = cal.part_of_period(cal.year_period(int(m["y"])), part)
    return Found("DATE", m["y"], period, "explicit")


def year_date(m: re.Match[str], _ctx: Context) -> Found | None:
    return _explicit(cal.year_period(int(m["y"])))


def bare_year(m: re.Match[str], ctx: Context) -> Found | None:
    before = ctx.text[max(0, m.start() - 20) : m.start()]
    after = ctx.text[m.end() : m.end() + 20]
    last_word = before.rsplit(None, 1)  # its last run of non-spaces, as `\S+\s*$` finds it
    if last_word and last_word[-1].rstrip(".:") in ctx.lexicon["numeric_reference_words"]:
        return None
    # a match ends the window (or its final line break), so its last 3 characters hold it
    if THOUSANDS_SEPARATOR.search(before, max(0, len(before) - 3)):
        return None
    next_word = NEXT_WORD.match(after)
    if next_word and next_word.group(1) in ctx.lexicon["non_date_followers"]:
        return None
    return year_date(m, ctx)


def season(m: re.Match[str], ctx: Context) -> Found | None:
    """ "summer 2024", "this summer", "l'été dernier", "the summer" (this year's); "en été" is
    any summer."""
    code = ctx.lexicon["seasons"][m["s"]]
    link = re.sub(r"\s+", " ", m["link"] or "").strip()
    offsets = ctx.lexicon["period_before"] | ctx.lexicon["season_link_offsets"]
    if m["y"]:
        year, derivation = int(m["y"]), "explicit"
    elif (m["post"] or link in offsets) and ctx.reference is not None:
        offset = ctx.lexicon["period_after"].get(m["post"], 0) if m["post"] else offsets[link]
        year, derivation = ctx.reference.year + offset, "relative"
    elif m["generic"] and not link:
        return Found("DATE", f"XXXX-{code}", None, "explicit")
    else:
        return None
    first = cal.month_period(year, SEASON_MONTHS[code])
    last = cal.month_period(*((year + 1, 2) if code == "WI" else (year, SEASON_MONTHS[code] + 2)))
    return Found(
        "DATE",
        f"{year}-{code}",
        cal.Period(first.start, last.end, "month", f"{year}-{code}"),
        derivation,
    )


def holiday(m: re.Match[str], ctx: Context) -> Found | None:
    """ "Christmas 2024", "last Thanksgiving", "à Pâques": the day the holiday fell or falls on,
    in the year written or else the nearest in the direction of the tense or modifier."""
    rule = ctx.lexicon["holidays"][m["h"]]
    if m["y"]:
        day, derivation = _holiday_date(rule, int(m["y"])), "explicit"
    elif ctx.reference is not None:
        years = range(ctx.reference.year - 1, ctx.reference.year + 2)
        candidates = [_holiday_date(rule, year) for year in years]
        offset = ctx.lexicon["period_before"].get(m["pre"]) if m["pre"] else None
        tense = ctx.tenses.tense_at(m.start(), firm_only=True)
        if offset:
            tense = "past" if offset < 0 else "future"
        day = (
            candidates[1]
            if offset == 0
            else cal.nearest_occurrence(candidates, ctx.reference, tense, written=offset is not None)
        )
        derivation = "relative"
    else:
        return None
    if rule.get("week"):  # "Easter week": the ISO week the holiday falls in
        week = cal.week_period(day)
        return Found("DATE", week.value, week, derivation)
    return Found("DATE", day.isoformat(), cal.day_period(day), derivation)


def _holiday_date(rule: dict[str, int], year: int) -> date:
    if "easter" in rule:
        return cal.easter(year) + timedelta(days=rule["easter"])
    if "weekday" in rule:
        day = cal.nth_weekday(year, rule["month"], rule["weekday"], rule["nth"])
        return day + timedelta(days=rule.get("shift", 0))
    return date(year, rule["month"], rule["day"])


def quarter(m: re.Match[str], ctx: Context) -> Found | None:
    quarter = ctx.lexicon["quarter_ordinals"][m["ord"]]
    if m["y"] or m["yb"]:
        year, derivation = int(m["y"] or m["yb"]), "explicit"
    elif m["rel"] and ctx.reference is not None:  # "next year's first quarter", "the year-ago third quarter"
        year, derivation = ctx.reference.year + ctx.lexicon["quarter_year_before"][m["rel"]], "relative"
    elif ctx.reference is not None:
        # results are reported after the quarter: a quarter not yet begun is last year's
        current_quarter = (ctx.reference.month - 1) // 3 + 1
        future = ctx.tenses.tense_at(m.start(), firm_only=True) == "future"
        year = ctx.reference.year - (quarter > current_quarter and not future)
        derivation = "relative"
    else:
        return None
    period = cal.quarter_period(year, quarter)
    return Found("DATE", period.value, period, derivation)
