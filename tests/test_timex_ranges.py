"""Ranges whose second end carries the year: the first end takes it (or the year before), both
as TimeML scores the two ends apart and as events keep the range whole."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.timex import tag_timexes

PUBLISHED = date(2025, 5, 13)
LATER = date(2026, 5, 13)
"""A year after the range: the year-less end cannot be right by the publication year alone."""


def ends(text: str, language: str, reference: date = PUBLISHED) -> list[tuple[str, str]]:
    """Tag a text as TimeML scoring sees it; return (span, value) pairs."""
    found = tag_timexes(text, language=language, reference=reference, merge_ranges=False)
    return [(t.text, t.value) for t in found]


def whole(text: str, language: str, reference: date = PUBLISHED) -> list[tuple[str, str, str]]:
    """Tag a text as events see it; return (span, first day, last day) triples."""
    found = tag_timexes(text, language=language, reference=reference)
    return [(t.text, str(t.period.start), str(t.period.end)) for t in found if t.period]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "From 1 January to 31 December 2023, the two armies patrolled together.",
            [("1 January", "2023-01-01"), ("31 December 2023", "2023-12-31")],
        ),
        (
            "en",
            "Envoys shuttled between the capitals March 3 to April 5, 2024.",
            [("March 3", "2024-03-03"), ("April 5, 2024", "2024-04-05")],
        ),
        (
            "en",
            "The border stayed shut 3 March–5 April 2024.",
            [("3 March", "2024-03-03"), ("5 April 2024", "2024-04-05")],
        ),
        (
            "fr",
            "Du 1er janvier au 31 décembre 2023, les deux armées ont patrouillé ensemble.",
            [("1er janvier", "2023-01-01"), ("31 décembre 2023", "2023-12-31")],
        ),
        (
            "fr",
            "La frontière est restée fermée entre le 3 mars et le 5 avril 2024.",
            [("le 3 mars", "2024-03-03"), ("le 5 avril 2024", "2024-04-05")],
        ),
    ],
)
def test_a_year_less_first_end_takes_the_year_of_the_second(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    """ "From 1 January to 31 December 2023": 1 January 2023, not of the publication year."""
    assert ends(text, language) == expected
    assert ends(text, language, LATER) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "The ceasefire held from December 28 to January 3, 2025.",
            [("December 28", "2024-12-28"), ("January 3, 2025", "2025-01-03")],
        ),
        (
            "en",
            "The ceasefire held from 28 December to 3 January 2025.",
            [("28 December", "2024-12-28"), ("3 January 2025", "2025-01-03")],
        ),
        (
            "fr",
            "La trêve a tenu du 28 décembre au 3 janvier 2025.",
            [("28 décembre", "2024-12-28"), ("3 janvier 2025", "2025-01-03")],
        ),
    ],
)
def test_a_first_end_later_in_the_calendar_lies_in_the_year_before(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    """ "du 28 décembre au 3 janvier 2025" starts on 28 December 2024."""
    assert ends(text, language, LATER) == expected
    assert ends(text, language, date(2023, 6, 1)) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "From January to December 2023, the council met monthly.",
            ("From January to December 2023", "2023-01-01", "2023-12-31"),
        ),
        (
            "en",
            "The mission ran between March and May 2024.",
            ("between March and May 2024", "2024-03-01", "2024-05-31"),
        ),
        (
            "en",
            "The mission ran from December to February 2025.",
            ("from December to February 2025", "2024-12-01", "2025-02-28"),
        ),
        (
            "fr",
            "De janvier à décembre 2023, le conseil s'est réuni chaque mois.",
            ("De janvier à décembre 2023", "2023-01-01", "2023-12-31"),
        ),
        (
            "fr",
            "La mission a duré d'avril à juin 2024.",
            ("d'avril à juin 2024", "2024-04-01", "2024-06-30"),
        ),
        (
            "fr",
            "La mission a eu lieu entre mars et mai 2024.",
            ("entre mars et mai 2024", "2024-03-01", "2024-05-31"),
        ),
        (
            "fr",
            "La mission a duré de décembre à février 2025.",
            ("de décembre à février 2025", "2024-12-01", "2025-02-28"),
        ),
    ],
)
def test_a_range_of_months_takes_the_year_of_its_last_month(
    language: str, text: str, expected: tuple[str, str, str]
) -> None:
    """ "de janvier à décembre 2023" is one range over 2023; December to February crosses a year."""
    assert whole(text, language, LATER) == [expected]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "From 1 January to 31 December 2023, the two armies patrolled together.",
            ("From 1 January to 31 December 2023", "2023-01-01", "2023-12-31"),
        ),
        (
            "en",
            "Envoys met from March 3 to April 5, 2024.",
            ("from March 3 to April 5, 2024", "2024-03-03", "2024-04-05"),
        ),
        (
            "en",
            "The border stayed shut 3 March–5 April 2024.",
            ("3 March–5 April 2024", "2024-03-03", "2024-04-05"),
        ),
        (
            "en",
            "The ceasefire held from December 28 to January 3, 2025.",
            ("from December 28 to January 3, 2025", "2024-12-28", "2025-01-03"),
        ),
        (
            "fr",
            "Du 1er janvier au 31 décembre 2023, les deux armées ont patrouillé ensemble.",
            ("Du 1er janvier au 31 décembre 2023", "2023-01-01", "2023-12-31"),
        ),
        (
            "fr",
            "La trêve a tenu du 28 décembre au 3 janvier 2025.",
            ("du 28 décembre au 3 janvier 2025", "2024-12-28", "2025-01-03"),
        ),
        (
            "fr",
            "La trêve a tenu du 28 décembre 2024 au 3 janvier 2025.",
            ("du 28 décembre 2024 au 3 janvier 2025", "2024-12-28", "2025-01-03"),
        ),
    ],
)
def test_events_keep_a_range_with_one_year_whole(
    language: str, text: str, expected: tuple[str, str, str]
) -> None:
    """The two ends of a range whose second end carries the year become one range."""
    assert whole(text, language, LATER) == [expected]


def test_the_first_end_of_a_range_is_dated_as_its_written_year_is() -> None:
    """A first end that took a written year is explicit, not inferred from the publication date."""
    found = tag_timexes(
        "From 1 January to 31 December 2023, the two armies patrolled together.",
        language="en",
        reference=PUBLISHED,
        merge_ranges=False,
    )
    assert [t.derivation for t in found] == ["explicit", "explicit"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "The envoy visited on March 3 and April 5, 2024.",
            [("March 3", "2024-03-03", "2024-03-03"), ("April 5, 2024", "2024-04-05", "2024-04-05")],
        ),
        (
            "fr",
            "L'envoyé est venu le 3 mars et le 5 avril 2024.",
            [("le 3 mars", "2024-03-03", "2024-03-03"), ("le 5 avril 2024", "2024-04-05", "2024-04-05")],
        ),
        (
            "en",
            "The council will meet on Wednesday and Thursday.",
            [("Wednesday and Thursday", "2025-05-14", "2025-05-15")],
        ),
    ],
)
def test_two_dates_joined_by_and_are_a_range_only_after_between_or_when_consecutive(
    language: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    """ "on March 3 and April 5, 2024" names two days of 2024, not the weeks between them."""
    assert whole(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The talks ran from 3 March to 5 April last year."),
        ("fr", "Les pourparlers ont duré du 3 mars au 5 avril de l'année dernière."),
    ],
)
def test_a_first_end_takes_a_relative_year_of_the_second(language: str, text: str) -> None:
    """ "from 3 March to 5 April last year": both ends in last year."""
    ((_, start, end),) = whole(text, language, LATER)
    assert (start, end) == ("2025-03-03", "2025-04-05")


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "The deal runs from 1 July 2025 to 30 June.",
            [("1 July 2025", "2025-07-01"), ("30 June", "2026-06-30")],
        ),
        (
            "fr",
            "L'accord court du 1er juillet 2025 au 30 juin.",
            [("1er juillet 2025", "2025-07-01"), ("30 juin", "2026-06-30")],
        ),
        (
            "en",
            "Talks ran from 28 December 2024 to 3 January.",
            [("28 December 2024", "2024-12-28"), ("3 January", "2025-01-03")],
        ),
    ],
)
def test_a_year_less_second_end_takes_the_year_of_the_first_or_the_next(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    """ "from 1 July 2025 to 30 June" ends on 30 June 2026."""
    assert ends(text, language, date(2023, 6, 1)) == expected


def test_a_weekday_lends_no_year_to_a_month_after_to() -> None:
    """ "a revision Friday to December's figures" is no range: December keeps its own year."""
    text = "After a small downward revision Friday to December's figures, jobs grew."
    assert ends(text, "en", date(1998, 2, 6)) == [("Friday", "1998-02-06"), ("December", "1997-12")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Les troupes sont parties à la fin de l'année 2024.",
            ("à la fin de l'année 2024", "2024-09-01", "2024-12-31"),
        ),
        (
            "fr",
            "En début d'année 2024, le Mali a signé.",
            ("début d'année 2024", "2024-01-01", "2024-04-30"),
        ),
        (
            "en",
            "At the end of the year 2024, Mali signed.",
            ("the end of the year 2024", "2024-09-01", "2024-12-31"),
        ),
        (
            "fr",
            "Les pourparlers ont eu lieu fin du mois de mars 2024.",
            ("fin du mois de mars 2024", "2024-03-21", "2024-03-31"),
        ),
        (
            "fr",
            "À la fin du mois de mars, le Mali a signé.",
            ("À la fin du mois de mars", "2025-03-21", "2025-03-31"),
        ),
    ],
)
def test_a_part_of_a_named_year_or_month_is_that_part(
    language: str, text: str, expected: tuple[str, str, str]
) -> None:
    """ "à la fin de l'année 2024" is late 2024, not late this year beside a bare 2024."""
    assert whole(text, language) == [expected]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "Le sommet s'est tenu du 3 au 5 avril 2024. Le lendemain, les ministres sont partis.",
            ("Le lendemain", "2024-04-06"),
        ),
        (
            "fr",
            "Le sommet s'est tenu du 3 au 5 avril 2024. La veille, les ministres sont arrivés.",
            ("La veille", "2024-04-02"),
        ),
        (
            "en",
            "The summit ran from 3 to 5 April 2024. The next day, the ministers left.",
            ("The next day", "2024-04-06"),
        ),
    ],
)
def test_the_day_after_a_range_of_days_follows_its_last_day(
    language: str, text: str, expected: tuple[str, str]
) -> None:
    """ "du 3 au 5 avril 2024 … le lendemain" is 6 April 2024, not the day after publication."""
    assert ends(text, language)[-1] == expected
