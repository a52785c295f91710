"""Normalisers for expressions that need the reference date: relative days and times,
weekdays, relative periods, offsets ("il y a trois jours") and clock times."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from timeline.extraction import calendar as cal
from timeline.extraction.timex_durations import YEARS_PER_UNIT, duration
from timeline.extraction.timex_types import Anaphor, Context, Found

QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
MONTH_VALUE = re.compile(r"\d{4}-\d\d")
SAME_DAY = Anaphor("D", 0)
WEEKS_COUNTED_IN_DAYS = 3
"""Up to this many weeks (within a month), an offset names a day ("three weeks ago"); more weeks
are a rough count ("six weeks ago"), so they name the ISO week."""
DEADLINE_REACH = 40
"""How far before a weekday its deadline preposition and clock time may start."""
SENTENCE_OPENERS = " \n\t\"'`“«"
"""What may stand between a sentence's start and its first word: space and quotation marks."""
GENERIC_DAY_REACH = 20
"""How far before "aujourd'hui" the noun it qualifies may start ("la jeunesse d'")."""
CLOCK_TOKEN = r"\d[\w.:]*|[a-z](?:\.[a-z])*\.?|[A-Z]{2,4}"
"""A word of a clock time written before its day: "9", "10:30", "a.m.", "h", "EST"."""


def relative_day(m: re.Match[str], ctx: Context) -> Found | None:
    offset = ctx.lexicon["relative_days"][m["rel"]]
    if ctx.reference is None or _is_generic_day(m, ctx):
        return None
    day = ctx.reference + timedelta(days=offset)
    return _with_time_of_day(cal.day_period(day), m, ctx)


def _is_generic_day(m: re.Match[str], ctx: Context) -> bool:
    """ "today's youth", "le monde d'aujourd'hui" speak of our times, not of the publication day
    (TimeBank and AQUAINT leave them untagged)."""
    after = re.compile(ctx.lexicon["generic_day_after"])
    before = re.compile(ctx.lexicon["generic_day_before"])
    reach = max(0, m.start() - GENERIC_DAY_REACH)
    return bool(after.match(ctx.text, m.end()) or before.search(ctx.text, reach, m.start()))


def _with_time_of_day(period: cal.Period, m: re.Match[str], ctx: Context) -> Found:
    if m["tod"]:
        return Found("TIME", f"{period.value}T{ctx.lexicon['times_of_day'][m['tod']]}", period, "relative")
    return Found("DATE", period.value, period, "relative")


def weekday(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.reference is None:
        return None
    offset = None
    if m["pre"]:
        offset = ctx.lexicon["weekday_before"][m["pre"]]
    elif m["post"]:
        offset = ctx.lexicon["weekday_after"][m["post"]]
    weekday = ctx.lexicon.weekday_number(m["w"])
    tense = ctx.tenses.local_tense(m.start(), m.end())
    if tense == "present" and _after_deadline(m, ctx):
        tense = "future"  # "has given them until 9 a.m. Tuesday": a deadline lies ahead
    if re.match(ctx.lexicon["weekday_possessive"], ctx.text[m.end() :]):
        tense = "past"  # "Wednesday's ruling" reports what happened, whatever verb governs it
    day = cal.anchor_weekday(weekday, ctx.reference, offset, tense)
    return _with_time_of_day(cal.day_period(day), m, ctx)


def _after_deadline(m: re.Match[str], ctx: Context) -> bool:
    """Tell whether a deadline preposition ("by", "until") stands before a weekday, perhaps with
    its clock time between ("until 9 a.m. EST Tuesday"; not "by the Tuesday deadline")."""
    before = ctx.text[max(0, m.start() - DEADLINE_REACH) : m.start()]
    deadline = "|".join(map(re.escape, ctx.lexicon["deadline_prepositions"]))
    return re.search(rf"(?<!\w)(?:{deadline})\s+(?:(?:{CLOCK_TOKEN})\s+){{0,3}}$", before) is not None


def relative_time(m: re.Match[str], ctx: Context) -> Found | None:
    offset, time_of_day = ctx.lexicon["relative_times"][m["rel"]]
    if ctx.reference is None:
        return None
    period = cal.day_period(ctx.reference + timedelta(days=offset))
    return Found("TIME", f"{period.value}T{time_of_day}", period, "relative")


def day_part(m: re.Match[str], ctx: Context) -> Found | None:
    """ "la nuit", "noon": a time of the day its sentence is about (see the tagger's anchoring)."""
    part = ctx.lexicon["day_parts"][m["part"]]
    day = ctx.reference.isoformat() if ctx.reference else "XXXX-XX-XX"
    return Found("TIME", f"{day}T{part}", None, "relative")


def relative_period(m: re.Match[str], ctx: Context) -> Found | None:
    if not (m["pre"] or m["post"] or m["part"]) or ctx.reference is None:
        return None
    offset = ctx.lexicon["period_before"].get(m["pre"], 0) if m["pre"] else 0
    if m["post"]:
        offset = ctx.lexicon["period_after"][m["post"]]
    unit = ctx.lexicon["period_units"][m["unit"]]
    period = cal.relative_period(ctx.reference, unit, offset)
    if m["part"]:
        period = cal.part_of_period(period, ctx.lexicon["period_parts"][m["part"]])
    return Found("DATE", period.value, period, "relative")


def _offset_amount(m: re.Match[str], ctx: Context) -> int | None:
    return ctx.lexicon.number(m["n"])


def ago(m: re.Match[str], ctx: Context) -> Found | None:
    amount = _offset_amount(m, ctx)
    if amount is None:
        # "several years ago" is some time back (TimeML); French annotation keeps "il y a
        # quelques mois" a duration, which the shorter match gives
        return Found("DATE", "PAST_REF", None, "relative") if ctx.lexicon["vague_ago_is_past"] else None
    if ctx.reference is None:
        return None
    unit = ctx.lexicon.unit(m["unit"])
    found = _offset_period(ctx.reference, unit, -amount)
    # "a year earlier" in a report on a quarter is that quarter a year before
    return replace(found, anaphor=Anaphor("Q", -1)) if (unit, amount) == ("Y", 1) else found


def _offset_period(reference: date, unit: str, amount: int) -> Found:
    """ "in two weeks", "il y a trois semaines": a few weeks count in days from the reference;
    "six weeks ago" names the ISO week of that day. "A century ago" is the year a hundred years
    back, too loose a reading to date an event by."""
    if unit in YEARS_PER_UNIT:
        year = cal.relative_period(reference, "Y", amount * YEARS_PER_UNIT[unit])
        return Found("DATE", year.value, None, "relative")
    if unit == "W":
        day = reference + timedelta(weeks=amount)
        period = cal.week_period(day) if abs(amount) > WEEKS_COUNTED_IN_DAYS else cal.day_period(day)
        return Found("DATE", period.value, period, "relative")
    period = cal.relative_period(reference, unit, amount)
    return Found("DATE", period.value, period, "relative")


def ahead(m: re.Match[str], ctx: Context) -> Found | None:
    amount = _offset_amount(m, ctx)
    if amount is None or ctx.reference is None:
        return None
    if ctx.tenses.tense_at(m.start()) == "past":
        return duration(m, ctx)
    return _offset_period(ctx.reference, ctx.lexicon.unit(m["unit"]), amount)


def weekend(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.reference is None:
        return None
    offset = ctx.lexicon["weekend_words"][m["rel"]]
    if offset == 0 and ctx.reference.weekday() < 5 and ctx.tenses.tense_at(m.start()) == "past":
        offset = -1  # "over the weekend" in a Monday report is the one just gone
    week = cal.week_period(ctx.reference + timedelta(weeks=offset))
    saturday = week.start + timedelta(days=5)
    return Found(
        "DATE", f"{week.value}-WE", cal.Period(saturday, week.end, "day", f"{week.value}-WE"), "relative"
    )


def recurring(m: re.Match[str], ctx: Context) -> Found | None:
    """ "chaque année", "every Thursday", "each July": a SET."""
    if m["w"]:
        return Found("SET", f"XXXX-WXX-{ctx.lexicon.weekday_number(m['w']) + 1}", None, "explicit")
    if m["m"]:
        return Found("SET", f"XXXX-{ctx.lexicon.month_number(m['m']):02d}", None, "explicit")
    for pattern, value in ctx.lexicon["set_patterns"].items():
        if re.fullmatch(pattern, m.group(0)):
            return Found("SET", value, None, "explicit")
    return None


def rate(m: re.Match[str], ctx: Context) -> Found | None:
    """ "0,4 % par an": a SET, the French annotation tagging only the unit."""
    return Found("SET", ctx.lexicon["set_rates"][m["rate"]], None, "explicit")


def reference_word(m: re.Match[str], ctx: Context) -> Found | None:
    if _is_discourse_marker(m, ctx):
        return None
    return Found("DATE", ctx.lexicon["reference_words"][m["ref"]], None, "relative")


def _is_discourse_marker(m: re.Match[str], ctx: Context) -> bool:
    """ "Now, he says, …": opening its sentence before a comma, "now" turns to a new point rather
    than naming the present (TimeBank and AQUAINT leave it untagged)."""
    if m["ref"] not in ctx.lexicon["discourse_markers"] or not ctx.text.startswith(",", m.end()):
        return False
    sentence_start, _ = ctx.tenses.sentence_bounds(m.start())
    return not ctx.text[sentence_start : m.start()].strip(SENTENCE_OPENERS)


def clock_time(m: re.Match[str], ctx: Context) -> Found | None:
    hour = int(m["h"])
    ampm = m.groupdict().get("ampm")
    if ampm and re.match(ctx.lexicon["afternoon_markers"], ampm.lower()) and hour < 12:
        hour += 12
    minutes = m.groupdict().get("mi") or "00"
    day = ctx.reference.isoformat() if ctx.reference else "XXXX-XX-XX"
    return Found("TIME", f"{day}T{hour:02d}:{minutes}", None, "relative")


def anaphoric(m: re.Match[str], ctx: Context) -> Found | None:
    """ "the quarter", "le lendemain", "that year": a period named by its relation to the one the
    text is talking about; until that is known, the reference date stands in for it."""
    if ctx.reference is None:
        return None
    anaphor = Anaphor(*ctx.lexicon["anaphoric_periods"][m["ana"]])
    found = _fallback(ctx.reference, anaphor)
    if m["tod"] and found.period is not None:
        found = _with_time_of_day(found.period, m, ctx)
    return replace(found, anaphor=anaphor)


def current_period(m: re.Match[str], ctx: Context) -> Found | None:
    """ "the year", "the week", "year-end": in news, the period of the publication date."""
    unit = ctx.lexicon["current_periods"][m["cur"]]
    if unit == "Y" and re.match(ctx.lexicon["year_as_duration_after"], ctx.text[m.end() :]):
        return Found("DURATION", "P1Y", None, "explicit")  # "the year ended March 31": a fiscal year
    if ctx.reference is None:
        return None
    period = cal.relative_period(ctx.reference, unit, 0)
    return Found("DATE", period.value, period, "relative")


def year_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    """ "the 1988 quarter": the quarter the text is talking about, in the year written."""
    if ctx.reference is None:
        return None
    anaphor = Anaphor("Q", 0, int(m["y"]))
    return replace(_fallback(ctx.reference, anaphor), anaphor=anaphor)


def _fallback(reference: date, anaphor: Anaphor) -> Found:
    if anaphor.unit == "Q" and (anaphor.shift == 0 or anaphor.year):
        # quarterly results are reported after the quarter: "the quarter" is the last one ended
        period = cal.relative_period(reference, "Q", -1)
        if anaphor.year:
            period = cal.quarter_period(anaphor.year, int(period.value[-1]))
    elif anaphor.unit == "Q":
        period = cal.year_period(reference.year + anaphor.shift)
    else:
        period = cal.relative_period(reference, anaphor.unit, anaphor.shift)
    return Found("DATE", period.value, period, "relative")


def resolve_anaphora(founds: list[Found]) -> list[Found]:
    """Resolve anaphoric expressions, in text order, against the period the text is talking
    about: for days, weeks, months and years the last one it named ("le 3 avril … le
    lendemain"); for quarters the first, as a results story names its quarter up front and
    mentions others only in comparison or outlook."""
    if all(found.anaphor is None for found in founds):
        return founds
    # per unit, the last period named that lies within one such unit (for Q, the first)
    focus: dict[str, cal.Period] = {}
    month_after_day: cal.Period | None = None  # named since the last day: "that day" lies in it
    resolved: list[Found] = []
    for found in founds:
        anaphor = found.anaphor
        if anaphor == SAME_DAY and month_after_day is not None:
            found = _day_of_month(found, month_after_day)
        elif anaphor is not None and anaphor.unit in focus:
            found = _shifted(found, focus[anaphor.unit], anaphor)
        resolved.append(found)
        period = found.period
        if period is None or (anaphor is not None and anaphor.unit == "Q"):
            continue  # "the year-ago quarter" compares; it does not move the story
        if QUARTER_VALUE.fullmatch(found.value) and found.derivation == "relative":
            focus.setdefault("Q", period)  # "third-quarter profit", not "the first quarter of 1984"
        if MONTH_VALUE.fullmatch(found.value):
            month_after_day = period
        if period.start == period.end or (
            period.precision == "day" and found.value == period.start.isoformat()
        ):
            focus["D"] = period  # a day or a range of days ("du 3 au 5 avril … le lendemain")
            month_after_day = None
        if period.end - period.start <= timedelta(days=6):
            focus["W"] = period
        if (period.start.year, period.start.month) == (period.end.year, period.end.month):
            focus["M"] = period
        if period.start.year == period.end.year:
            focus["Y"] = period
    return resolved


def _day_of_month(found: Found, month: cal.Period) -> Found:
    """ "last October, when … That same day": a day of that month, which one unknown."""
    return replace(found, value=f"{month.value}-XX{_time_of(found.value)}", period=month)


def _shifted(found: Found, period: cal.Period, anaphor: Anaphor) -> Found:
    if anaphor.unit == "Q":
        year = anaphor.year or period.start.year + anaphor.shift
        shifted = cal.quarter_period(year, (period.start.month - 1) // 3 + 1)
    elif anaphor.unit == "D":
        # the day after a range of days follows its last day; the day before precedes its first
        day = period.end if anaphor.shift > 0 else period.start
        shifted = cal.day_period(day + timedelta(days=anaphor.shift))
    else:
        shifted = cal.relative_period(period.start, anaphor.unit, anaphor.shift)
    return replace(found, value=shifted.value + _time_of(found.value), period=shifted)


def _time_of(value: str) -> str:
    """The time part of a TIMEX3 value ("T21:00", "TNI"), empty for a date."""
    return value[value.index("T") :] if "T" in value else ""
