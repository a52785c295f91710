"""The tagger's rules: one pattern per form of temporal expression, assembled from a language's
lexicon so that the same rules serve every language, each with its normaliser."""

from __future__ import annotations

import re

from timeline.extraction import timex_calendar as dates
from timeline.extraction import timex_durations as durations
from timeline.extraction import timex_relative as relative
from timeline.extraction.lexicon import Lexicon, any_case
from timeline.extraction.timex_types import Handler, Rule, words

DAY = r"(?:[12]\d|3[01]|0?[1-9])"
YEAR = r"(?:1\d{3}|2\d{3})"
BARE_YEAR = r"(?:19|20)\d\d"
PAST_YEAR = r"(?:1\d{3}|20\d\d)"
"""A year a preposition or prefix marks as one, so earlier centuries count ("in 1848")."""
END = r"(?!\w)"


def range_opener(lex: Lexicon) -> str:
    """The word opening a range ("from", "du", "d'avril") with the space after it (none after
    an elided "d'")."""
    return rf"(?<!\w)(?:{lex['range_from']})(?:\s+|(?<=['’]))"


def build_rules(lex: Lexicon) -> tuple[Rule, ...]:
    """Compile every rule for one language, in priority order (earlier wins ties)."""
    month, weekday = lex.month_pattern, lex.weekday_pattern
    number = lex.number_pattern
    suffix, of = lex["day_suffix"], lex["month_of"]
    parts = words(lex["period_parts"])
    links = lex["period_part_links"]
    units = words(lex["period_units"])
    offset_units = words([form for unit in lex["offset_units"] for form in any_case(unit)])
    rel_days = words(lex["relative_days"])
    times_of_day = words(lex["times_of_day"])
    rel_year = words(lex["relative_years"])  # "March this year", "en mars de l'année dernière"
    # what may follow a day or month: a year, a relative year or a direction ("le 6 mai dernier")
    year_part = rf"(?:,?\s+(?P<y>{YEAR})|\s+(?P<ry>{rel_year})|\s+(?P<post>{words(lex['date_after'])}))?"
    specs: list[tuple[str, Handler, str | int]] = [
        (r"(?<![\w/.-])(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\w-])", dates.iso_date, 0),
        (
            r"(?<![\w/.,-])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>\d{4})(?![\w/]|\.\d)",
            dates.numeric,
            0,
        ),
        (
            rf"\b(?:{range_opener(lex)})?(?:{weekday}\s+)?(?P<d1>{DAY}){suffix}\s*"
            rf"(?:{lex['range_to']}|[-–])\s*(?:{weekday}\s+)?(?P<d2>{DAY}){suffix}\s+{of}"
            rf"(?P<m>{month}){year_part}{END}",
            dates.day_range,
            0,
        ),
        (
            rf"\b(?:(?:{lex['day_article']}\s+)?(?P<w>{weekday}),?\s+)?(?:{lex['day_article']}\s+)?"
            rf"(?P<d>{DAY}){suffix}\s+{of}(?P<m>{month}){year_part}{END}",
            dates.day_month,
            0,
        ),
        (
            rf"(?<!\w)(?P<part>{parts})\s*{links}(?:{lex['month_noun']})?(?P<m>{month})"
            rf"(?:\s+{of}(?P<y>{YEAR})|\s+(?P<ry>{rel_year}))?{END}",
            dates.part_month,
            0,
        ),
        (
            # "fin 2024", "à la fin de l'année 2024", "the end of the year 2024"
            rf"(?<!\w)(?P<part>{parts})\s*{links}(?:{words(lex['year_nouns'])}\s+)?(?P<y>{YEAR}){END}",
            dates.part_year,
            0,
        ),
        (
            rf"{range_opener(lex)}(?P<m1>{month})\s+(?:{lex['range_to']}|[-–])\s+(?P<m>{month})"
            rf"(?:\s+{of}(?P<y>{YEAR})|\s+(?P<ry>{rel_year}))?{END}",
            dates.month_range,
            0,
        ),
        (rf"(?<!\w)(?P<m>{month})\s+(?:{of}(?P<y>{YEAR})|(?P<ry>{rel_year})){END}", dates.month_year, 0),
        (
            # "in May" leaves its preposition out of the span; "last May" keeps its modifier
            rf"\b(?:(?P<prep>{words(lex['month_prepositions'])})\s*)?"
            rf"(?P<expr>(?:(?P<mod>{words(lex['period_before'])})\s+)?(?:{lex['month_noun']})?"
            rf"(?P<m>{month})(?!\s*\d)"
            rf"(?:\s+(?P<post>{words(lex['date_after'])}))?){END}",
            dates.month_alone,
            "expr",
        ),
        (rf"(?<!\w)(?:{words(lex['year_prepositions'])})\s+(?P<y>{PAST_YEAR}){END}", dates.bare_year, "y"),
        # "post-1959", "pre-1914": the year with its prefix (TimeML keeps the prefix in the span)
        (rf"(?<!\w)(?:{words(lex['year_prefixes'])})(?P<y>{PAST_YEAR}){END}", dates.year_date, 0),
        (rf"(?<![\w.])(?P<m>{month})(?!\s*\d){END}", dates.bare_month, 0),
        (
            rf"(?:(?<![\w$€£.,/-])|(?<=\d{{4}}-))(?P<y>{BARE_YEAR})(?:(?![\w%/-]|[.,]\d)|(?=-\d{{4}}\b))",
            dates.bare_year,
            0,
        ),
        (
            rf"\b(?:(?:{lex['relative_day_modifiers']})\s+)?(?P<rel>{rel_days})(?:\s+(?P<tod>{times_of_day}))?{END}",
            relative.relative_day,
            0,
        ),
        (
            rf"\b(?:(?P<pre>{words(lex['weekday_before'])})\s+)?(?<!\w)(?P<w>{weekday})"
            rf"(?:\s+(?P<post>{words(lex['weekday_after'])}))?(?:\s+(?P<tod>{times_of_day}))?{END}",
            relative.weekday,
            0,
        ),
        (
            rf"\b(?:(?P<part>{parts})\s*{links})?(?:{lex['period_articles']}\s*)?"
            rf"(?:(?P<pre>{words(lex['period_before'])})\s+)?(?<!\w)(?P<unit>{units})"
            rf"(?:\s*(?P<post>{words(lex['period_after'])}))?{END}",
            relative.relative_period,
            0,
        ),
        (
            # "almost four years ago": the modifier joins the span (TimeML), the value is the offset
            rf"\b(?:(?:{words(lex['approximators'])})\s+)?(?<!/)(?P<n>{number})[\s-]+(?P<unit>{offset_units})"
            rf"\s+(?:{words(lex['ago_after'])}){END}",
            relative.ago,
            0,
        ),
        (
            rf"(?<!\w)(?:{words(lex['ago_before'])})\s+(?P<n>{number})\s+(?P<unit>{offset_units}){END}",
            relative.ago,
            0,
        ),
        (
            rf"(?<!\w)(?:{words(lex['ahead_before'])})\s+(?P<n>{number})\s+(?P<unit>{offset_units}){END}",
            relative.ahead,
            0,
        ),
        (
            # "the past two months", "more than two years": TimeML takes modifiers into the span
            rf"\b(?:(?:{lex['duration_before']})\s+)?(?:(?P<approx>{words(lex['approximators'])})\s+)?"
            rf"(?<!/)(?P<n>{number})(?P<half>{lex['half_before_unit']})?[\s-]+"
            rf"(?:(?:{lex['duration_increments']})\s+)?(?P<unit>{offset_units})"
            rf"(?P<half_after>{lex['half_after_unit']})?{END}",
            durations.duration,
            0,
        ),
        (
            rf"(?<!\w)(?:(?P<vague>{words(lex['vague_duration_words'])})\s+)(?P<unit>{offset_units}){END}",
            durations.vague_duration,
            0,
        ),
        (
            # "for years", "within weeks": a bare plural unit after a preposition is a vague length
            rf"(?<!\w)(?:{words(lex['vague_duration_prepositions'])})\s+(?P<unit>{offset_units}){END}",
            durations.vague_duration,
            "unit",
        ),
        (
            # "over the years", "in the weeks ahead"; "in the weeks before the shooting" is a date
            # anchored on the event, which the tagger cannot place
            rf"(?<!\w)(?:{words(lex['vague_period_prepositions'])})\s+"
            rf"(?P<expr>{lex['vague_period_article']}\s+(?P<unit>{offset_units})"
            rf"(?:\s+{words(lex['vague_period_after'])})?){END}(?!{lex['anaphor_anchor_after']}|\s+\d)",
            durations.vague_duration,
            "expr",
        ),
        (rf"(?<!\w)(?P<rel>{words(lex['weekend_words'])}){END}", relative.weekend, 0),
        (
            rf"\b(?:{'|'.join(lex['set_patterns'])}|{lex['set_weekday']}(?:(?P<w>{weekday})s?|(?P<m>{month}))){END}",
            relative.recurring,
            0,
        ),
        (
            rf"(?<!\w)(?:{lex['set_rate_before']})(?P<rate>{words(lex['set_rates'])}){END}",
            relative.rate,
            "rate",
        ),
        (rf"(?<!\w)(?P<noun>{words(lex['duration_nouns'])}){END}", durations.duration_noun, 0),
        (
            # "Good Friday Agreement", "Noël Mamère": a capitalised word after it makes a name
            rf"\b(?:(?P<pre>{words(lex['period_before'])})\s+)?(?P<h>{words(lex['holidays'])})"
            rf"(?:\s+{of}(?P<y>{YEAR}))?{END}(?!\s+[A-Z])",
            dates.holiday,
            0,
        ),
        (rf"\b{lex['decade_pattern']}{END}", dates.decade, 0),
        (
            rf"\b(?:(?P<generic>{words(lex['generic_season_links'])})\s+)?"
            rf"(?P<season>(?:(?P<link>{lex['season_links']}))?(?<!\w)(?P<s>{words(lex['seasons'])})"
            rf"(?:\s+{of}(?P<y>{YEAR})|\s+(?P<post>{words(lex['period_after'])}))?){END}",
            dates.season,
            "season",
        ),
        (rf"(?<!\w)(?P<rel>{words(lex['relative_times'])}){END}", relative.relative_time, 0),
        (rf"(?<!\w)(?P<part>{words(lex['day_parts'])}){END}", relative.day_part, 0),
        (
            rf"\b(?:(?:{lex['quarter_articles']})[\s-]+)?"
            rf"(?:(?:(?P<yb>{YEAR})|(?P<rel>{words(lex['quarter_year_before'])}))\s+)?"
            rf"(?<!\w)(?P<ord>{words(lex['quarter_ordinals'])})[\s-]+(?:{lex['quarter_words']})"
            rf"(?:\s+{of}(?P<y>{YEAR}))?{END}",
            dates.quarter,
            0,
        ),
        (
            # "la veille du sommet" is anchored to what follows, not to the last date
            rf"(?<!\w)(?P<ana>{words(lex['anaphoric_periods'])})(?:\s+(?P<tod>{times_of_day}))?{END}"
            rf"(?!{lex['anaphor_anchor_after']})",
            relative.anaphoric,
            0,
        ),
        (
            rf"(?<!\w)(?P<cur>{words(lex['current_periods'])}){END}(?!{lex['anaphor_anchor_after']})",
            relative.current_period,
            0,
        ),
        (
            rf"\b(?:{lex['period_articles']}\s+)?(?P<y>{YEAR})\s+(?:{words(lex['quarter_nouns'])}){END}",
            relative.year_quarter,
            0,
        ),
        (
            # "the past" alone; "the past four years" is a duration
            rf"(?<!\w)(?P<ref>{words(lex['reference_words'])}){END}(?![\s-]+(?:{number}|{offset_units}){END})",
            relative.reference_word,
            0,
        ),
    ]
    if lex["date_order"] == "MDY":
        specs.insert(
            3,
            (
                rf"\b(?:(?P<w>{weekday}),?\s+)?(?<!\w)(?P<m>{month})\s+(?P<d>{DAY}){suffix}(?!\s*[-–]\s*\d)"
                rf"(?:,?\s+(?P<y>{YEAR})|\s+(?P<ry>{rel_year}))?{END}",
                dates.day_month,
                0,
            ),
        )
        specs.insert(
            3,
            (
                rf"(?<!\w)(?P<m>{month})\s+(?P<d1>{DAY}){suffix}\s*(?:{lex['range_to']}|[-–])\s*"
                rf"(?P<d2>{DAY}){suffix}(?:,?\s+(?P<y>{YEAR})|\s+(?P<ry>{rel_year}))?{END}",
                dates.day_range,
                0,
            ),
        )
    specs += [(rf"(?<![\w:]){pattern}", relative.clock_time, 0) for pattern in lex["time_patterns"]]
    return tuple(Rule(re.compile(pattern), handler, group) for pattern, handler, group in specs)
