"""The temporal tagger on TimeML normalisation conventions: vague and fractional durations,
offsets with a modifier or a larger unit, weeks named by a day, clock times written in words,
historical years and prefixed years."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.timex import tag_timexes

PUBLISHED = date(2025, 4, 5)  # a Saturday


def values(text: str, language: str, reference: date = PUBLISHED) -> list[tuple[str, str]]:
    """Tag a text as TimeML scoring sees it; return (span, value) pairs."""
    found = tag_timexes(text, language=language, reference=reference, merge_ranges=False)
    return [(t.text, t.value) for t in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two villages have quarrelled for years.", [("years", "PXY")]),
        ("Relief could arrive within weeks, aid workers said.", [("weeks", "PXW")]),
        ("After months of talks, the envoys signed.", [("months", "PXM")]),
        ("The fort guarded the pass for centuries.", [("centuries", "PXY")]),
        ("For a week the border stayed shut.", [("a week", "P1W")]),
        ("Exports rose for the first time in years.", [("years", "PXY")]),
    ],
)
def test_a_bare_plural_unit_after_a_preposition_is_a_vague_duration(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """ "for years", "within weeks": TimeML writes an unknown number of units as X."""
    assert values(text, "en") == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Over the years the two capitals drifted apart.", [("the years", "PXY")]),
        ("en", "In the years that followed, the truce held.", [("the years", "PXY")]),
        ("en", "Envoys will meet in the weeks ahead.", [("the weeks ahead", "PXW")]),
        ("en", "Troops massed in the weeks before the invasion.", []),
        ("fr", "Les émissaires se verront dans les semaines à venir.", [("les semaines à venir", "PXW")]),
        ("fr", "Le port reste calme pendant les mois d'hiver.", []),
    ],
)
def test_the_plural_unit_after_a_preposition_is_a_vague_duration_unless_an_event_anchors_it(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    """ "over the years", "in the weeks ahead" are lengths of time; "the weeks before the
    invasion" is a date anchored on an event, which the tagger cannot place."""
    assert values(text, language) == expected


def test_within_a_number_of_units_is_a_duration_not_a_date() -> None:
    """ "within two weeks" bounds a length of time; it names no calendar date."""
    assert values("The council must answer within two weeks.", "en") == [("two weeks", "P2W")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The envoy stayed 3 1/2 hours in the capital.", ("3 1/2 hours", "PT3H30M")),
        ("en", "The truce held for two and a half years.", ("two and a half years", "P2Y6M")),
        ("en", "The vote took a minute and a half.", ("a minute and a half", "PT1M30S")),
        ("en", "Refugees waited 4 1/2 days at the crossing.", ("4 1/2 days", "P4DT12H")),
        ("fr", "La mission a duré deux ans et demi.", ("deux ans et demi", "P2Y6M")),
        ("fr", "La réunion a duré une heure et demie.", ("une heure et demie", "PT1H30M")),
    ],
)
def test_half_units_are_written_in_the_next_smaller_unit(
    language: str, text: str, expected: tuple[str, str]
) -> None:
    """ "2 1/2 years" is P2Y6M in TimeML, never "2 years" read from the fraction."""
    assert values(text, language) == [expected]


def test_a_fraction_outside_a_duration_is_not_read_as_one() -> None:
    """Share prices such as "dropped 3 1/2 to 41" hold no time unit and give nothing."""
    assert values("The stock dropped 3 1/2 to 41 on the news.", "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam burst almost three years ago.", ("almost three years ago", "2022")),
        ("A decade ago the province was at war.", ("A decade ago", "2015")),
        ("The treaty was first proposed two centuries ago.", ("two centuries ago", "1825")),
    ],
)
def test_offsets_back_keep_their_modifier_and_count_decades_in_years(
    text: str, expected: tuple[str, str]
) -> None:
    """ "almost three years ago" is a date (with a modifier); a decade back is ten years back."""
    assert values(text, "en") == [expected]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The hearing is set for the week of May 12.", ("the week of May 12", "2025-W20")),
        ("fr", "Le vote aura lieu la semaine du 12 mai.", ("la semaine du 12 mai", "2025-W20")),
    ],
)
def test_the_week_of_a_day_is_that_day_s_iso_week(
    language: str, text: str, expected: tuple[str, str]
) -> None:
    """ "the week of May 12" names a week, not the 12th."""
    assert values(text, language) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The convoy will leave at 5 in the morning.", ("5 in the morning", "2025-04-05T05:00")),
        ("The vote closes at 8 in the evening.", ("8 in the evening", "2025-04-05T20:00")),
        ("The ministers met at midday.", ("midday", "2025-04-05T12:00")),
    ],
)
def test_clock_times_written_in_words(text: str, expected: tuple[str, str]) -> None:
    """ "5 in the morning" is 05:00 and "midday" 12:00, not just a part of the day."""
    assert values(text, "en") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The port was ceded in 1842 after a short war.", ("1842", "1842")),
        ("Exiles remember the post-1962 purges.", ("post-1962", "1962")),
        ("The pre-1914 borders were redrawn.", ("pre-1914", "1914")),
    ],
)
def test_historical_and_prefixed_years(text: str, expected: tuple[str, str]) -> None:
    """A year before 1900 after "in", and "post-1962", are years."""
    assert values(text, "en") == [expected]


def test_a_number_after_in_is_not_a_year_before_a_measure() -> None:
    """ "in 1500 metres" is a distance, whatever the preposition."""
    assert values("The team ran in 1500 metres heats.", "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The lease runs for at least 30 more years.", ("at least 30 more years", "P30Y")),
        ("Talks need two additional weeks.", ("two additional weeks", "P2W")),
        ("The summit was a day-long affair.", ("day-long", "P1D")),
    ],
)
def test_durations_with_more_units_or_a_length_adjective(text: str, expected: tuple[str, str]) -> None:
    """ "30 more years" and "day-long" are lengths of time."""
    assert values(text, "en") == [expected]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The two clans ended a decades-long feud.", ("decades-long", "PXY")),
        ("en", "The port reopened after a years-old blockade.", ("years-old", "PXY")),
        ("en", "Monks keep a centuries-old rite.", ("centuries-old", "PXY")),
        ("en", "Tensions have grown over the past decade.", ("past decade", "P10Y")),
        ("fr", "Les tensions ont grandi au cours de la décennie écoulée.", ("décennie écoulée", "P10Y")),
    ],
)
def test_decades_and_centuries_are_lengths_written_in_years(
    language: str, text: str, expected: tuple[str, str]
) -> None:
    """ "decades-long" and "the past decade" (the ten years up to now) are lengths of time, which
    TempEval-3 writes in years (PXY, P10Y), as it writes "two decades" P20Y."""
    assert values(text, language) == [expected]


def test_the_coming_weeks_are_a_vague_duration() -> None:
    """TimeML annotates "in the coming weeks" as a length of unknown weeks."""
    assert values("Talks will resume in the coming weeks.", "en") == [("coming weeks", "PXW")]


def test_a_capitalised_word_ending_in_ed_is_no_past_tense() -> None:
    """ "United States" is no past-tense verb: the future auxiliary sets the weekday ahead."""
    text = "The minister said the envoy would be flying to the United States Thursday."
    assert values(text, "en", date(2025, 4, 2)) == [("Thursday", "2025-04-03")]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        (
            "The ferry sank at 6:20 a.m. (0420 GMT) Monday, officials said.",
            date(2025, 4, 8),
            [("6:20 a.m.", "2025-04-07T06:20"), ("Monday", "2025-04-07")],
        ),
        (
            "The envoy will fly out at 5 in the morning (5 a.m. EDT Friday), aides said.",
            date(2025, 4, 9),
            [("5 in the morning", "2025-04-11T05:00"), ("5 a.m. EDT Friday", "2025-04-11T05:00")],
        ),
    ],
)
def test_a_clock_time_takes_the_day_written_after_an_aside(
    text: str, reference: date, expected: list[tuple[str, str]]
) -> None:
    """A short parenthesis between a clock time and its day does not part them."""
    assert values(text, "en", reference) == expected


def test_a_weekday_after_a_clock_time_reads_the_tense_of_the_clock_times_clause() -> None:
    """ "will sail at 9 a.m. Thursday": the abbreviation's full stop ends no clause."""
    text = "The convoy will sail at 9 a.m. Thursday, the navy said."
    assert values(text, "en", date(2025, 4, 8)) == [("9 a.m. Thursday", "2025-04-10T09:00")]


def test_a_possessive_weekday_names_a_day_gone_by() -> None:
    """ "Wednesday's ruling" reports what happened, even in a clause about what will follow."""
    text = "The lawyers would appeal Wednesday's ruling within days."
    assert values(text, "en", date(2025, 4, 11))[0] == ("Wednesday", "2025-04-09")


def test_current_alone_refers_to_the_present() -> None:
    """TimeML tags "current" as PRESENT_REF; "the current year" stays a date."""
    assert values("The current talks stalled.", "en") == [("current", "PRESENT_REF")]
    assert values("The current year was hard.", "en") == [("The current year", "2025")]


@pytest.mark.parametrize(
    ("language", "text", "ends", "whole"),
    [
        (
            "en",
            "The ministers will meet on June 12 and 13 in Oslo.",
            [("June 12", "2025-06-12"), ("13", "2025-06-13")],
            "June 12 and 13",
        ),
        (
            "fr",
            "Le salon se tiendra du 14 au 16 mai à Lyon.",
            [("14", "2025-05-14"), ("16 mai", "2025-05-16")],
            "du 14 au 16 mai",
        ),
    ],
)
def test_each_end_of_a_range_of_days_is_its_own_timex(
    language: str, text: str, ends: list[tuple[str, str]], whole: str
) -> None:
    """TimeML tags "June 12 and 13" as two dates; events keep the range whole."""
    assert values(text, language) == ends
    assert [t.text for t in tag_timexes(text, language=language, reference=PUBLISHED)] == [whole]


def test_easter_week_is_the_week_of_easter() -> None:
    """ "Easter week" names the ISO week Easter Sunday falls in (20 April 2025: week 16)."""
    assert values("Pilgrims will arrive during Easter week.", "en") == [("Easter week", "2025-W16")]


def test_a_capitalised_month_before_of_or_for_and_a_name_is_a_march() -> None:
    """ "the March for Peace" is a demonstration; "in March" stays a month."""
    assert values("Thousands joined the March for Peace in March.", "en") == [("March", "2025-03")]


def test_a_month_after_by_in_a_present_clause_is_a_deadline_ahead() -> None:
    """ "to repay the loan by February": a deadline lies ahead of the publication date."""
    text = "The plan is to repay the loan by February."
    assert values(text, "en", date(2025, 10, 20)) == [("February", "2026-02")]


def test_as_long_as_a_unit_is_a_duration() -> None:
    """ "as long as a month" measures a length of time, as "for a month" does."""
    assert values("The appeal could take as long as a month.", "en") == [("a month", "P1M")]


def test_a_clock_time_takes_the_day_of_a_part_of_day_in_its_sentence() -> None:
    """ "dimanche soir, à partir de 22 h": the evening names the day of the clock time."""
    found = values("Dimanche soir, à partir de 22 h, un bal aura lieu.", "fr", date(2025, 4, 9))
    assert found[-1] == ("22 h", "2025-04-13T22:00")


def test_a_clock_time_without_a_day_takes_the_day_the_story_last_named() -> None:
    """TimeML anchors "at 8 p.m." in a later sentence on the narrative's day, not the publication's."""
    text = "The vote was held on Tuesday. Polls closed at 8 p.m. amid heavy rain."
    assert values(text, "en", date(2025, 4, 10))[-1] == ("8 p.m.", "2025-04-08T20:00")


def test_the_day_before_a_day_is_one_expression_for_the_day_next_to_it() -> None:
    """ "the day before last Friday's summit" names the Thursday: the anchor joins the span."""
    text = "The envoys met the day before last Friday's summit."
    assert values(text, "en") == [("day before last Friday", "2025-04-03")]


def test_a_capitalised_unit_after_a_plain_number_is_a_title() -> None:
    """ "told CBS's 60 Minutes" names a programme; "for 60 minutes" is a duration."""
    assert values("He told CBS's 60 Minutes he would stay.", "en") == []
    assert values("He spoke for 60 minutes.", "en") == [("60 minutes", "PT60M")]
