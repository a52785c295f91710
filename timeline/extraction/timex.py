"""The temporal tagger: finds temporal expressions with exact spans and normalises them.

Candidates come from per-language patterns (see `lexicon.py`), so ordinary words ("sa", "des",
"may") never become dates; each candidate is normalised to a TIMEX3 value and, when it names a
calendar range, to a `Period`. Relative expressions resolve against the reference (publication)
date; bare weekdays and year-less dates follow the tense of their sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from itertools import zip_longest

from timeline.extraction import calendar as cal
from timeline.extraction.lexicon import Lexicon, load_lexicon
from timeline.extraction.tense import TenseReader
from timeline.extraction.timex_ranges import (
    merge_ranges_of,
    share_range_years,
    shift_years,
    split_day_ranges,
)
from timeline.extraction.timex_relative import resolve_anaphora
from timeline.extraction.timex_rules import build_rules
from timeline.extraction.timex_scan import RuleScan
from timeline.extraction.timex_types import INVALID, Context, Found, Rule, Timex, words

Candidate = tuple[int, int, int, Found]

NARRATIVE_REACH = 200
"""How far back (in characters) an explicit date lends its year to a year-less one."""
WEEK_OPENER_REACH = 20
"""How far before a day "the week of" or "the day before" may start."""
CLOCK_DAY_REACH = 1000
"""How far back (in characters) a clock time written without a day looks for the story's day."""
PARENTHETICAL = r"[^()\n]{1,20}"
"""A short aside between a clock time and its day: "(0735 GMT)", "(4 a.m. EDT"."""
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
APOSTROPHE_VARIANTS = re.compile("[’ʼ‘]")


def tag_timexes(
    text: str, *, language: str, reference: date | None, merge_ranges: bool = True
) -> list[Timex]:
    """Find and normalise the temporal expressions of `text`.

    Args:
        text: the article text.
        language: a language with a lexicon in `data/lexicons/timex/`.
        reference: the publication date; relative expressions stay unresolved without it.
        merge_ranges: join "du 3 mars au 5 avril" into one range (events want that; TIMEX3
            scoring wants the two ends apart).

    Returns:
        Timexes in text order, never overlapping.
    """
    lexicon = load_lexicon(language)
    # one normalisation of apostrophes keeps offsets: each is one character for another
    matched_text = text.translate(APOSTROPHES) if APOSTROPHE_VARIANTS.search(text) else text
    context = Context(matched_text, reference, lexicon, TenseReader(matched_text, lexicon))
    chosen = _longest_first(_candidates(context, _rules(language)))
    founds = resolve_anaphora([found for *_, found in chosen])
    timexes = [
        Timex(s, e, text[s:e], f.type, f.value, f.period, f.derivation)
        for (s, e, _, _), f in zip(chosen, founds, strict=True)
    ]
    timexes = _drop_adverbs_before_dates(timexes, text, lexicon)
    timexes = _follow_narrative_year(timexes, text)
    timexes = share_range_years(timexes, text, lexicon)
    timexes = _name_weeks_of_days(timexes, text, lexicon)
    timexes = _shift_days_named_from_days(timexes, text, lexicon)
    timexes = _attach_clock_times(timexes, text, context.tenses, lexicon)
    if merge_ranges:
        return merge_ranges_of(timexes, text, lexicon)
    return split_day_ranges(timexes, text, lexicon)


def _candidates(context: Context, rules: Rules) -> list[Candidate]:
    """Every match of every rule that its normaliser accepts, as (start, end, priority, found)."""
    candidates: list[Candidate] = []
    for priority, match in rules.scan.matches(context.text):
        rule = rules.rules[priority]
        found = rule.handler(match, context)
        if found is not None:
            start, end = match.span(rule.span_group)
            candidates.append((start, end, priority, found))
    return candidates


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidates (then the earliest rule) that overlap no longer one, in text
    order, dropping the impossible dates that only claimed their span."""
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    starts: list[int] = []
    kept: list[Candidate] = []
    for candidate in candidates:
        start, end = candidate[0], candidate[1]
        index = bisect_right(starts, start)
        # kept spans never overlap, so only the neighbours on either side can overlap this one
        if index and kept[index - 1][1] > start:
            continue
        if index < len(kept) and kept[index][0] < end:
            continue
        starts.insert(index, start)
        kept.insert(index, candidate)
    return [c for c in kept if c[3] is not INVALID]


def _drop_adverbs_before_dates(timexes: list[Timex], text: str, lexicon: Lexicon) -> list[Timex]:
    """ "killed, most recently last October": the date that follows carries the time, the adverb
    only says it is the latest, so the date alone is tagged (as AQUAINT does)."""
    adverbs, gap = lexicon["adverbs_before_dates"], re.compile(lexicon["adverb_date_gap"])
    return [
        timex
        for timex, following in zip_longest(timexes, timexes[1:])
        if following is None
        or timex.text not in adverbs
        or not gap.fullmatch(text, timex.end, following.start)
    ]


def _follow_narrative_year(timexes: list[Timex], text: str) -> list[Timex]:
    """A year-less date right after an explicit date of the same month in the same paragraph
    shares its year: "En janvier 2017, … le 19 janvier" is 19 January 2017."""
    result = list(timexes)
    for index, timex in enumerate(result):
        if timex.derivation != "inferred_year" or timex.period is None:
            continue
        for previous in reversed(result[:index]):
            if "\n\n" in text[previous.end : timex.start] or timex.start - previous.end > NARRATIVE_REACH:
                break
            if previous.derivation != "explicit" or previous.period is None:
                continue
            if (
                previous.period.precision in ("day", "month")
                and previous.period.start.month == timex.period.start.month
            ):
                shift = previous.period.start.year - timex.period.start.year
                if shift:
                    result[index] = shift_years(timex, shift)
                break
    return result


def _name_weeks_of_days(timexes: list[Timex], text: str, lexicon: Lexicon) -> list[Timex]:
    """ "the week of March 6", "la semaine du 6 mars": TIMEX3 gives the ISO week of that day."""
    opener = re.compile(rf"(?:{lexicon['week_of_day']})$")
    return _join_openers_to_days(
        timexes, text, opener, lambda day, _opened: cal.week_period(day), derivation=None
    )


def _shift_days_named_from_days(timexes: list[Timex], text: str, lexicon: Lexicon) -> list[Timex]:
    """ "the day before last Tuesday", "the day after Christmas": one expression, the day next
    to the one written."""
    days_from_day = lexicon["days_from_day"]
    return _join_openers_to_days(
        timexes,
        text,
        _day_shift_opener(lexicon.language),
        lambda day, opened: cal.day_period(day + timedelta(days=days_from_day[opened["rel"]])),
        derivation="relative",
    )


@cache
def _day_shift_opener(language: str) -> re.Pattern[str]:
    """ "the day before ", "the day after " ending a text, built once per language: the
    alternation of the lexicon's words takes longer to build than one article to search."""
    return re.compile(rf"(?P<rel>{words(load_lexicon(language)['days_from_day'])})\s+$")


def _join_openers_to_days(
    timexes: list[Timex],
    text: str,
    opener: re.Pattern[str],
    period_named: Callable[[date, re.Match[str]], cal.Period],
    *,
    derivation: str | None,
) -> list[Timex]:
    """A one-day date with `opener` ending just before it becomes one DATE with it, naming
    `period_named(day, opened)`; the opener's own words read apart ("la semaine") give way.

    Args:
        timexes: the timexes of `text`, in text order.
        text: the article text.
        opener: a pattern anchored at its end, searched up to `WEEK_OPENER_REACH` before the day.
        period_named: the period the opener and its day name together.
        derivation: the joined expression's derivation; None keeps the day's.
    """
    result: list[Timex] = []
    for timex in timexes:
        period = timex.period
        opened = None
        if timex.type == "DATE" and period is not None and period.start == period.end:
            opened = opener.search(text, max(0, timex.start - WEEK_OPENER_REACH), timex.start)
        if opened is None or period is None:
            result.append(timex)
            continue
        start = opened.start()
        while result and result[-1].end > start:
            result.pop()
        named = period_named(period.start, opened)
        result.append(
            Timex(
                start,
                timex.end,
                text[start : timex.end],
                "DATE",
                named.value,
                named,
                timex.derivation if derivation is None else derivation,
            )
        )
    return result


def _attach_clock_times(
    timexes: list[Timex], text: str, tenses: TenseReader, lexicon: Lexicon
) -> list[Timex]:
    """A clock time takes the day written next to it ("4 h mardi", "10 p.m. Wednesday"), or
    else the day of its sentence ("samedi … à 22 h"), or else the day the story last named.
    Where the language's annotation joins them (English), a time written next to its day becomes
    one TIME expression with it."""
    link = rf"[\s,]*(?:{lexicon['clock_day_links']})?[\s,]*"
    adjacent = re.compile(link)
    # "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. Thursday)": the day stays apart
    aside = re.compile(rf"{link}\({PARENTHETICAL}\){link}|\s*\({PARENTHETICAL}")
    days = [t for t in timexes if t.period and t.period.start == t.period.end]
    result: list[Timex] = []
    merged_days: set[int] = set()
    for timex in timexes:
        if timex.type != "TIME" or timex.period is not None:
            result.append(timex)
            continue
        day = _day_beside(timex, days, text, adjacent)
        beside = day is not None
        if day is None:
            day = _day_beside(timex, days, text, aside, after_only=True)
        if day is None:
            sentence = tenses.sentence_bounds(timex.start)
            in_sentence = [t for t in days if sentence[0] <= t.start < sentence[1]]
            day = min(in_sentence, key=lambda t: _distance(t, timex), default=None)
        if day is None:
            day = _narrative_day(timex, days, text)
        if day is None:
            result.append(timex)
            continue
        assert day.period is not None
        value = day.period.start.isoformat() + timex.value[timex.value.index("T") :]
        if beside and lexicon["join_clock_time_to_day"] and id(day) not in merged_days:
            merged_days.add(id(day))
            start, end = min(day.start, timex.start), max(day.end, timex.end)
            result.append(Timex(start, end, text[start:end], "TIME", value, day.period, day.derivation))
        else:
            result.append(replace(timex, value=value))
    kept = [t for t in result if id(t) not in merged_days]
    return sorted(kept, key=lambda t: t.start)


def _day_beside(
    timex: Timex, days: list[Timex], text: str, adjacent: re.Pattern[str], *, after_only: bool = False
) -> Timex | None:
    for day in days:
        if after_only and day.start < timex.end:
            continue
        gap = text[day.end : timex.start] if day.end <= timex.start else text[timex.end : day.start]
        if adjacent.fullmatch(gap):
            return day
    return None


def _narrative_day(timex: Timex, days: list[Timex], text: str) -> Timex | None:
    """The day the story last named before a clock time written without one ("Tuesday's vote
    … Polls closed at 8 p.m."): TimeML anchors it on the narrative's day, not the publication's."""
    before = [day for day in days if day.end <= timex.start]
    if before and timex.start - before[-1].end <= CLOCK_DAY_REACH:
        return before[-1]
    return None


def _distance(a: Timex, b: Timex) -> int:
    return min(abs(a.start - b.end), abs(b.start - a.end))


@dataclass(frozen=True)
class Rules:
    """A language's rules in priority order, and the scan that matches them all at once."""

    rules: tuple[Rule, ...]
    scan: RuleScan


@cache
def _rules(language: str) -> Rules:
    rules = build_rules(load_lexicon(language))
    return Rules(rules, RuleScan([rule.pattern for rule in rules]))
