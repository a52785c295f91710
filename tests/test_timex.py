"""The temporal tagger: every date form in both languages, false positives, tense-driven weekdays."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.timex import tag_timexes

PUBLISHED = date(2025, 4, 5)  # a Saturday


def only(text: str, language: str, reference: date = PUBLISHED) -> tuple[str, str, str, str]:
    """Tag a text that must hold exactly one DATE; return (span, value, start, end)."""
    found = [t for t in tag_timexes(text, language=language, reference=reference) if t.type == "DATE"]
    assert len(found) == 1, found
    (timex,) = found
    assert timex.period is not None
    assert text[timex.start : timex.end] == timex.text
    return timex.text, timex.value, timex.period.start.isoformat(), timex.period.end.isoformat()


@pytest.mark.parametrize(
    ("language", "text", "span", "start", "end"),
    [
        (
            "fr",
            "Le 03 avril 2025, les ministres se sont réunis.",
            "Le 03 avril 2025",
            "2025-04-03",
            "2025-04-03",
        ),
        ("fr", "Ils se sont vus le 3 avril.", "le 3 avril", "2025-04-03", "2025-04-03"),
        ("fr", "La rencontre a eu lieu jeudi 3 avril.", "jeudi 3 avril", "2025-04-03", "2025-04-03"),
        ("fr", "Signé à Bamako le 03/04/2025.", "03/04/2025", "2025-04-03", "2025-04-03"),
        ("fr", "Signé le 2025-04-03 à Bamako.", "2025-04-03", "2025-04-03", "2025-04-03"),
        (
            "fr",
            "Le 1er mars 2024, le Mali a annoncé son retrait.",
            "Le 1er mars 2024",
            "2024-03-01",
            "2024-03-01",
        ),
        ("en", "On 3 April 2025 the ministers met.", "3 April 2025", "2025-04-03", "2025-04-03"),
        ("en", "On April 3, 2025 the ministers met.", "April 3, 2025", "2025-04-03", "2025-04-03"),
        ("en", "The ministers met on Thursday, April 3.", "Thursday, April 3", "2025-04-03", "2025-04-03"),
        ("en", "The deal was signed on 2025-04-03.", "2025-04-03", "2025-04-03", "2025-04-03"),
    ],
)
def test_absolute_dates(language: str, text: str, span: str, start: str, end: str) -> None:
    """Absolute dates in all common forms get exact spans and day precision."""
    found_span, _value, found_start, found_end = only(text, language)
    assert (found_span, found_start, found_end) == (span, start, end)


@pytest.mark.parametrize(
    ("language", "text", "value", "start", "end"),
    [
        ("fr", "Le sommet s'est tenu en avril 2025.", "2025-04", "2025-04-01", "2025-04-30"),
        ("fr", "Le Mali a quitté l'organisation en 2023.", "2023", "2023-01-01", "2023-12-31"),
        ("fr", "La mission est arrivée début avril.", "2025-04", "2025-04-01", "2025-04-10"),
        ("fr", "Les pourparlers ont repris à la mi-avril.", "2025-04", "2025-04-11", "2025-04-20"),
        ("fr", "Les troupes sont parties fin 2024.", "2024", "2024-09-01", "2024-12-31"),
        ("en", "The talks took place in March.", "2025-03", "2025-03-01", "2025-03-31"),
        ("en", "A delegation will travel early next month.", "2025-05", "2025-05-01", "2025-05-10"),
        ("en", "The accord was signed in 2023.", "2023", "2023-01-01", "2023-12-31"),
    ],
)
def test_partial_dates_keep_their_precision(
    language: str, text: str, value: str, start: str, end: str
) -> None:
    """Months, years and early/mid/late parts become ranges."""
    _span, found_value, found_start, found_end = only(text, language)
    assert (found_value, found_start, found_end) == (value, start, end)


@pytest.mark.parametrize(
    ("language", "text", "start", "end"),
    [
        ("fr", "Le forum se tiendra du 3 au 5 avril 2025 à Dakar.", "2025-04-03", "2025-04-05"),
        ("fr", "Des élections auront lieu entre mai et juillet.", "2025-05-01", "2025-07-31"),
        ("en", "The forum ran from 12 to 14 March in Dakar.", "2025-03-12", "2025-03-14"),
        ("en", "Elections will be held between May and July.", "2025-05-01", "2025-07-31"),
        ("en", "The visit took place on 3-5 April.", "2025-04-03", "2025-04-05"),
        ("fr", "La conférence s'est tenue du 28 février au 2 mars 2025.", "2025-02-28", "2025-03-02"),
    ],
)
def test_ranges(language: str, text: str, start: str, end: str) -> None:
    """Day and month ranges are one expression with a start and an end."""
    _span, _value, found_start, found_end = only(text, language)
    assert (found_start, found_end) == (start, end)


@pytest.mark.parametrize(
    ("language", "text", "start", "end"),
    [
        ("fr", "Le ministre est arrivé hier à Niamey.", "2025-04-04", "2025-04-04"),
        ("fr", "Le ministre est arrivé avant-hier à Niamey.", "2025-04-03", "2025-04-03"),
        ("fr", "Le ministre est attendu aujourd'hui à Niamey.", "2025-04-05", "2025-04-05"),
        ("fr", "Le ministre arrivera demain à Niamey.", "2025-04-06", "2025-04-06"),
        ("fr", "Le ministre est arrivé lundi dernier à Niamey.", "2025-03-31", "2025-03-31"),
        ("fr", "Le ministre arrivera mardi prochain à Niamey.", "2025-04-08", "2025-04-08"),
        ("fr", "Le ministre est venu la semaine dernière.", "2025-03-24", "2025-03-30"),
        ("fr", "Le ministre viendra le mois prochain.", "2025-05-01", "2025-05-31"),
        ("fr", "Le ministre est arrivé il y a trois jours.", "2025-04-02", "2025-04-02"),
        ("fr", "Le ministre arrivera dans deux semaines.", "2025-04-19", "2025-04-19"),
        ("en", "The envoy left three weeks ago.", "2025-03-15", "2025-03-15"),
        ("en", "The envoy left six weeks ago.", "2025-02-17", "2025-02-23"),
        ("fr", "L'envoyé arrivera dans cinq semaines.", "2025-05-05", "2025-05-11"),
        ("en", "The minister arrived yesterday.", "2025-04-04", "2025-04-04"),
        ("en", "The minister arrived on Monday.", "2025-03-31", "2025-03-31"),
        ("en", "The minister arrived last week.", "2025-03-24", "2025-03-30"),
        ("en", "The minister arrived earlier this month.", "2025-04-01", "2025-04-30"),
        ("en", "The minister arrived two days ago.", "2025-04-03", "2025-04-03"),
        ("en", "The minister will arrive next Tuesday.", "2025-04-08", "2025-04-08"),
        ("en", "The minister will visit this year.", "2025-01-01", "2025-12-31"),
    ],
)
def test_relative_expressions_resolve_against_publication(
    language: str, text: str, start: str, end: str
) -> None:
    """Relative days, weekdays, weeks, months and offsets count from the publication date."""
    _span, _value, found_start, found_end = only(text, language)
    assert (found_start, found_end) == (start, end)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Le ministre a rencontré son homologue lundi.", "2025-03-31"),
        ("fr", "Le ministre rencontrera son homologue lundi.", "2025-04-07"),
        ("en", "The minister met his counterpart on Friday.", "2025-04-04"),
        ("en", "The minister will meet his counterpart on Friday.", "2025-04-11"),
        ("en", "The minister met his counterpart on Saturday.", "2025-04-05"),
    ],
)
def test_bare_weekday_follows_the_tense(language: str, text: str, expected: str) -> None:
    """Past tense: the most recent such day on or before publication; future: the next one."""
    assert only(text, language)[2] == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Le ministre s'est rendu à Dakar le 20 décembre.", "2024-12-20"),
        ("fr", "Le ministre se rendra à Dakar le 20 décembre.", "2025-12-20"),
        ("fr", "Le ministre se rendra à Dakar le 2 mars.", "2026-03-02"),
        ("en", "The minister visited Dakar on 2 March.", "2025-03-02"),
    ],
)
def test_year_less_dates_take_the_nearest_year_in_the_tense_direction(
    language: str, text: str, expected: str
) -> None:
    """ "le 20 décembre" in an April article is last December in the past tense, next in the future."""
    assert only(text, language)[2] == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Lors de sa création, des pays ont salué sa décision."),
        ("fr", "Le Conseil a adopté la résolution 2719 à l'unanimité."),
        ("fr", "La croissance a atteint 15 % et 2 000 soldats sont partis à 15 h."),
        ("fr", "Le budget s'élève à 2025 millions de francs CFA."),
        ("fr", "La sonde Mars a été lancée par le G20 ; appelez le 01 45 67 89 10."),
        ("en", "Theresa May said she may march on Sa."),
        ("en", "We paid $2,025 and 1,999 people attended at 10:30."),
        ("en", "Resolution 2719 passed; the G20 met; sales rose 12%."),
    ],
)
def test_no_false_positives(language: str, text: str) -> None:
    """Ordinary words, numbers, money, times, resolution numbers, G20 and names are not dates."""
    found = [t for t in tag_timexes(text, language=language, reference=PUBLISHED) if t.type == "DATE"]
    assert found == []


def test_durations_are_found_but_have_no_calendar_date() -> None:
    """ "pendant trois jours" is a DURATION P3D and never an event date."""
    (timex,) = tag_timexes("La visite a duré pendant trois jours.", language="fr", reference=PUBLISHED)
    assert (timex.type, timex.value, timex.period) == ("DURATION", "P3D", None)


def test_relative_dates_stay_unresolved_without_publication_date() -> None:
    """Without a reference date "hier" is not silently dated."""
    assert [t for t in tag_timexes("Il est arrivé hier.", language="fr", reference=None) if t.period] == []


def test_impossible_and_far_dates() -> None:
    """31 February is rejected; 1066 and 2999 are valid explicit dates."""
    assert tag_timexes("Le 31 février 2025 n'existe pas.", language="fr", reference=PUBLISHED) == []
    assert only("La bataille eut lieu le 14 octobre 1066.", "fr")[2] == "1066-10-14"
    assert only("The treaty expires on 1 January 2999.", "en")[2] == "2999-01-01"
