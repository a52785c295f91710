"""The tagger's rules: one pattern and one normaliser per form of temporal expression.

Patterns are assembled from a language's lexicon, so the same rules serve every language.
Each normaliser returns None to reject a candidate (an impossible date, a resolution number).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.extraction import calendar as cal
from timeline.extraction.lexicon import Lexicon, alternation
from timeline.extraction.tense import TenseReader

DAY = r"(?:[12]\d|3[01]|0?[1-9])"
YEAR = r"(?:1\d{3}|2\d{3})"
BARE_YEAR = r"(?:19|20)\d\d"
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
END = r"(?!\w)"


@dataclass(frozen=True)
class Found:
    """A normalised candidate, before spans are settled."""

    type: str
    value: str
    period: cal.Period | None
    derivation: str


@dataclass
class Context:
    """What normalisers may look at: the text, the reference date, the language."""

    text: str
    reference: date | None
    lexicon: Lexicon
    tenses: TenseReader


Handler = Callable[[re.Match[str], Context], Found | None]

INVALID = Found("INVALID", "", None, "explicit")
"""Returned for a well-formed but impossible date ("31 février"): it claims its span so that no
shorter reading ("février 2025") is taken instead, and then yields nothing."""


@dataclass(frozen=True)
class Rule:
    """A compiled pattern, its normaliser and the group whose span is the expression."""

    pattern: re.Pattern[str]
    handler: Handler
    span_group: str | int = 0


def words(items: list[str] | dict[str, object]) -> str:
    """A non-capturing alternation of lexicon words, longest first (never matching if empty)."""
    return "(?:" + alternation(list(items)) + ")" if items else "(?!)"


def build_rules(lex: Lexicon) -> tuple[Rule, ...]:
    """Compile every rule for one language, in priority order (earlier wins ties)."""
    month, weekday, number = lex.month_pattern, lex.weekday_pattern, lex.number_pattern
    suffix, of = lex["day_suffix"], lex["month_of"]
    parts = words(lex["period_parts"])
    links = lex["period_part_links"]
    units = words(lex["period_units"])
    offset_units = words(lex["offset_units"])
    rel_days = words(lex["relative_days"])
    times_of_day = words(lex["times_of_day"])
    specs: list[tuple[str, Handler, str | int]] = [
        (r"(?<![\w/.-])(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\w-])", _iso, 0),
        (
            r"(?<![\w/.,-])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>\d{4})(?![\w/]|\.\d)",
            _numeric,
            0,
        ),
        (
            rf"(?:(?:{lex['range_from']})\s+)?(?:{weekday}\s+)?(?P<d1>{DAY}){suffix}\s*"
            rf"(?:{lex['range_to']}|[-–])\s*(?:{weekday}\s+)?(?P<d2>{DAY}){suffix}\s+{of}"
            rf"(?P<m>{month})(?:,?\s+(?P<y>{YEAR}))?{END}",
            _day_range,
            0,
        ),
        (
            rf"(?:(?P<w>{weekday}),?\s+)?(?:{lex['day_article']}\s+)?(?P<d>{DAY}){suffix}\s+{of}"
            rf"(?P<m>{month})(?:,?\s+(?P<y>{YEAR}))?{END}",
            _day_month,
            0,
        ),
        (
            rf"(?P<part>{parts})\s*{links}(?P<m>{month})(?:\s+{of}(?P<y>{YEAR}))?{END}",
            _part_month,
            0,
        ),
        (rf"(?P<part>{parts})\s*{links}(?P<y>{YEAR}){END}", _part_year, 0),
        (
            rf"(?:{lex['range_from']})\s+(?P<m1>{month})\s+(?:{lex['range_to']}|[-–])\s+(?P<m>{month})"
            rf"(?:\s+{of}(?P<y>{YEAR}))?{END}",
            _month_range,
            0,
        ),
        (rf"(?P<m>{month})\s+{of}(?P<y>{YEAR}){END}", _month_year, 0),
        (
            rf"(?:{words(lex['month_prepositions'])})\s*(?P<m>{month})(?!\s*\d){END}",
            _month_alone,
            "m",
        ),
        (rf"(?:{words(lex['year_prepositions'])})\s+(?P<y>{BARE_YEAR}){END}", _year, "y"),
        (rf"(?<![\w$€£.,/-])(?P<y>{BARE_YEAR})(?![\w%/-]|[.,]\d)", _bare_year, 0),
        (rf"(?<!\w)(?P<rel>{rel_days})(?:\s+(?P<tod>{times_of_day}))?{END}", _relative_day, 0),
        (
            rf"(?:(?P<pre>{words(lex['weekday_before'])})\s+)?(?<!\w)(?P<w>{weekday})"
            rf"(?:\s+(?P<post>{words(lex['weekday_after'])}))?(?:\s+(?P<tod>{times_of_day}))?{END}",
            _weekday,
            0,
        ),
        (
            rf"(?:(?P<part>{parts})\s*{links})?(?:{lex['period_articles']}\s*)?"
            rf"(?:(?P<pre>{words(lex['period_before'])})\s+)?(?<!\w)(?P<unit>{units})"
            rf"(?:\s*(?P<post>{words(lex['period_after'])}))?{END}",
            _period,
            0,
        ),
        (
            rf"(?<!\w)(?P<n>{number})[\s-]+(?P<unit>{offset_units})\s+(?:{words(lex['ago_after'])}){END}",
            _ago,
            0,
        ),
        (
            rf"(?:{words(lex['ago_before'])})\s+(?P<n>{number})\s+(?P<unit>{offset_units}){END}",
            _ago,
            0,
        ),
        (
            rf"(?:{words(lex['ahead_before'])})\s+(?P<n>{number})\s+(?P<unit>{offset_units}){END}",
            _ahead,
            0,
        ),
        (rf"(?<!\w)(?P<n>{number})[\s-]+(?P<unit>{offset_units}){END}", _duration, 0),
        (
            rf"(?:(?P<link>{lex['season_links']}))?(?<!\w)(?P<s>{words(lex['seasons'])})"
            rf"(?:\s+{of}(?P<y>{YEAR})|\s+(?P<post>{words(lex['period_after'])}))?{END}",
            _season,
            0,
        ),
        (rf"(?<!\w)(?P<rel>{words(lex['relative_times'])}){END}", _relative_time, 0),
        (
            rf"(?<!\w)(?P<ord>{words(lex['quarter_ordinals'])})[\s-]+(?:{lex['quarter_words']})"
            rf"(?:\s+{of}(?P<y>{YEAR}))?{END}",
            _quarter,
            0,
        ),
        (rf"(?<!\w)(?:{words(lex['present_words'])}){END}", _present, 0),
    ]
    if lex["date_order"] == "MDY":
        specs.insert(
            3,
            (
                rf"(?:(?P<w>{weekday}),?\s+)?(?<!\w)(?P<m>{month})\s+(?P<d>{DAY}){suffix}(?!\s*[-–]\s*\d)"
                rf"(?:,?\s+(?P<y>{YEAR}))?{END}",
                _day_month,
                0,
            ),
        )
        specs.insert(
            3,
            (
                rf"(?<!\w)(?P<m>{month})\s+(?P<d1>{DAY}){suffix}\s*(?:{lex['range_to']}|[-–])\s*"
                rf"(?P<d2>{DAY}){suffix}(?:,?\s+(?P<y>{YEAR}))?{END}",
                _day_range,
                0,
            ),
        )
    specs += [(rf"(?<![\w:]){pattern}", _time, 0) for pattern in lex["time_patterns"]]
    return tuple(Rule(re.compile(p), handler, group) for p, handler, group in specs)


def _explicit(period: cal.Period) -> Found:
    return Found("DATE", period.value, period, "explicit")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(m: re.Match[str], _ctx: Context) -> Found | None:
    day = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _explicit(cal.day_period(day)) if day else INVALID


def _numeric(m: re.Match[str], ctx: Context) -> Found | None:
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
    year = cal.nearest_year(month, day, ctx.reference, ctx.tenses.tense_at(m.start()))
    return (year, "inferred_year") if year else None


def _day_range(m: re.Match[str], ctx: Context) -> Found | None:
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


def _day_month(m: re.Match[str], ctx: Context) -> Found | None:
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


def _month_year(m: re.Match[str], ctx: Context) -> Found | None:
    found = _month_period(m, ctx)
    return Found("DATE", found[0].value, found[0], found[1]) if found else None


def _month_alone(m: re.Match[str], ctx: Context) -> Found | None:
    if not ctx.lexicon["capitalised_names"] and m["m"][:1].isupper():
        return None  # French months are lower case: "la sonde Mars" names something else
    return _month_year(m, ctx)


def _month_range(m: re.Match[str], ctx: Context) -> Found | None:
    last = _month_period(m, ctx)
    first_month = ctx.lexicon.month_number(m["m1"])
    if last is None or first_month is None or first_month > last[0].start.month:
        return None
    first = cal.month_period(last[0].start.year, first_month)
    period = cal.Period(first.start, last[0].end, "month", first.value)
    return Found("DATE", first.value, period, last[1])


def _part_month(m: re.Match[str], ctx: Context) -> Found | None:
    found = _month_period(m, ctx)
    if found is None:
        return None
    part = ctx.lexicon["period_parts"][m["part"]]
    return Found("DATE", found[0].value, cal.part_of_period(found[0], part), found[1])


def _part_year(m: re.Match[str], ctx: Context) -> Found | None:
    part = ctx.lexicon["period_parts"][m["part"]]
    period = cal.part_of_period(cal.year_period(int(m["y"])), part)
    return Found("DATE", m["y"], period, "explicit")


def _year(m: re.Match[str], _ctx: Context) -> Found | None:
    return _explicit(cal.year_period(int(m["y"])))


def _bare_year(m: re.Match[str], ctx: Context) -> Found | None:
    before = ctx.text[max(0, m.start() - 20) : m.start()]
    after = ctx.text[m.end() : m.end() + 20]
    last_word = re.search(r"(\S+)\s*$", before)
    if last_word and last_word.group(1).rstrip(".:") in ctx.lexicon["numeric_reference_words"]:
        return None
    if re.search(r"\d[\s\u00a0\u202f]$", before):  # "2 000": a thousands separator, not a year
        return None
    next_word = re.match(r"\s*([^\s,.;:)]+)", after)
    if next_word and next_word.group(1) in ctx.lexicon["non_date_followers"]:
        return None
    return _year(m, ctx)


def _relative_day(m: re.Match[str], ctx: Context) -> Found | None:
    offset = ctx.lexicon["relative_days"][m["rel"]]
    if ctx.reference is None:
        return None
    day = ctx.reference + timedelta(days=offset)
    return _with_time_of_day(cal.day_period(day), m, ctx)


def _with_time_of_day(period: cal.Period, m: re.Match[str], ctx: Context) -> Found:
    if m["tod"]:
        return Found("TIME", f"{period.value}T{ctx.lexicon['times_of_day'][m['tod']]}", period, "relative")
    return Found("DATE", period.value, period, "relative")


def _weekday(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.reference is None:
        return None
    offset = None
    if m["pre"]:
        offset = ctx.lexicon["weekday_before"][m["pre"]]
    elif m["post"]:
        offset = ctx.lexicon["weekday_after"][m["post"]]
    weekday = ctx.lexicon.weekday_number(m["w"])
    day = cal.anchor_weekday(weekday, ctx.reference, offset, ctx.tenses.tense_at(m.start()))
    return _with_time_of_day(cal.day_period(day), m, ctx)


def _relative_time(m: re.Match[str], ctx: Context) -> Found | None:
    offset, time_of_day = ctx.lexicon["relative_times"][m["rel"]]
    if ctx.reference is None:
        return None
    period = cal.day_period(ctx.reference + timedelta(days=offset))
    return Found("TIME", f"{period.value}T{time_of_day}", period, "relative")


def _period(m: re.Match[str], ctx: Context) -> Found | None:
    if not (m["pre"] or m["post"]) or ctx.reference is None:
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


def _ago(m: re.Match[str], ctx: Context) -> Found | None:
    amount = _offset_amount(m, ctx)
    if amount is None or ctx.reference is None:
        return None
    return _offset_period(ctx.reference, ctx.lexicon["offset_units"][m["unit"]], -amount)


def _offset_period(reference: date, unit: str, amount: int) -> Found:
    """ "il y a trois semaines", "in two weeks": weeks count in days from the reference."""
    if unit == "W":
        unit, amount = "D", amount * 7
    period = cal.relative_period(reference, unit, amount)
    return Found("DATE", period.value, period, "relative")


def _ahead(m: re.Match[str], ctx: Context) -> Found | None:
    amount = _offset_amount(m, ctx)
    if amount is None or ctx.reference is None:
        return None
    if ctx.tenses.tense_at(m.start()) == "past":
        return _duration(m, ctx)
    return _offset_period(ctx.reference, ctx.lexicon["offset_units"][m["unit"]], amount)


def _duration(m: re.Match[str], ctx: Context) -> Found | None:
    amount = _offset_amount(m, ctx)
    unit = ctx.lexicon["offset_units"][m["unit"]]
    return Found("DURATION", f"P{amount if amount is not None else 'X'}{unit}", None, "explicit")


def _season(m: re.Match[str], ctx: Context) -> Found | None:
    code = ctx.lexicon["seasons"][m["s"]]
    deictic = (m["link"] or "").strip() in ctx.lexicon["period_before"] or m["post"]
    if m["y"]:
        year, derivation = int(m["y"]), "explicit"
    elif deictic and ctx.reference is not None:  # "this summer", "l'été dernier"; "in winter" is generic
        offset = ctx.lexicon["period_after"].get(m["post"], 0) if m["post"] else 0
        offset = (
            ctx.lexicon["period_before"].get((m["link"] or "").strip(), offset) if not m["post"] else offset
        )
        year, derivation = ctx.reference.year + offset, "relative"
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


def _quarter(m: re.Match[str], ctx: Context) -> Found | None:
    quarter = ctx.lexicon["quarter_ordinals"][m["ord"]]
    if m["y"]:
        year, derivation = int(m["y"]), "explicit"
    elif ctx.reference is not None:
        year, derivation = ctx.reference.year, "relative"
    else:
        return None
    period = cal.quarter_period(year, quarter)
    return Found("DATE", period.value, period, derivation)


def _present(_m: re.Match[str], _ctx: Context) -> Found | None:
    return Found("DATE", "PRESENT_REF", None, "relative")


def _time(m: re.Match[str], ctx: Context) -> Found | None:
    hour = int(m["h"])
    ampm = m.groupdict().get("ampm")
    if ampm and ampm.lower().startswith("p") and hour < 12:
        hour += 12
    minutes = m["mi"] or "00"
    day = ctx.reference.isoformat() if ctx.reference else "XXXX-XX-XX"
    return Found("TIME", f"{day}T{hour:02d}:{minutes}", None, "relative")
