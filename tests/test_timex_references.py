"""The temporal tagger on expressions that refer back or stay vague: anaphoric periods, clock
times with weekdays, decades, holidays, sets, seasons and the spans TimeML gives them."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.timex import tag_timexes

PUBLISHED = date(2025, 4, 5)  # a Saturday


def values(text: str, language: str, reference: date = PUBLISHED) -> list[tuple[str, str]]:
    """Tag a text as TimeML scoring sees it; return (span, value) pairs."""
    found = tag_timexes(text, language=language, reference=reference, merge_ranges=False)
    return [(t.text, t.value) for t in found]


def test_quarter_anaphora_follows_the_quarter_the_story_names() -> None:
    """ "the quarter" and "a year earlier" in a results story refer to its quarter."""
    text = (
        "The group reported third-quarter profit of $5 million. Sales in the quarter rose 3%, "
        "compared with $4 million a year earlier. In the year-ago quarter it lost money."
    )
    assert values(text, "en", date(2025, 10, 20)) == [
        ("third-quarter", "2025-Q3"),
        ("the quarter", "2025-Q3"),
        ("a year earlier", "2024-Q3"),
        ("the year-ago quarter", "2024-Q3"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The reform speaks to today's youth.", []),
        ("en", "Today's talks ended early.", [("Today", "2025-04-05")]),
        ("fr", "La réforme parle à la jeunesse d'aujourd'hui.", []),
        ("fr", "La réunion d'aujourd'hui a été brève.", [("aujourd'hui", "2025-04-05")]),
    ],
)
def test_today_speaking_of_our_times_is_no_date(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    """ "today's youth" and "la jeunesse d'aujourd'hui" mean our times, not the publication day."""
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The talks failed. Now, the envoy says, a truce is out of reach.", []),
        ("en", "The talks failed. Now the envoy wants a truce.", [("Now", "PRESENT_REF")]),
        ("en", "The envoy now wants a truce.", [("now", "PRESENT_REF")]),
        ("fr", "Les pourparlers ont échoué. Maintenant, dit l'envoyé, la trêve est loin.", []),
        ("fr", "L'envoyé veut maintenant la paix.", [("maintenant", "PRESENT_REF")]),
    ],
)
def test_now_opening_a_sentence_before_a_comma_is_a_discourse_marker(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    """ "Now, he says, …" turns to a new point; "now" elsewhere names the present."""
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Three envoys were expelled, most recently last October.", [("last October", "2024-10")]),
        ("en", "The envoy recently resigned.", [("recently", "PAST_REF")]),
        ("fr", "Trois diplomates ont été expulsés, tout récemment en mars 2024.", [("mars 2024", "2024-03")]),
    ],
)
def test_recently_before_a_date_leaves_the_time_to_the_date(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    """ "most recently last October": the date carries the time; "recently" alone names the past."""
    assert values(text, language) == expected


def test_a_year_ago_without_a_quarter_is_last_year() -> None:
    """Outside a results story "a year ago" keeps its plain reading."""
    assert values("The border was closed a year ago.", "en") == [("a year ago", "2024")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Le traité a été signé le 3 mars 2024. Le lendemain, les troupes sont parties.", "2024-03-04"),
        ("en", "The accord was signed on 3 March 2024. The next day, the troops left.", "2024-03-04"),
        ("en", "Talks began in June 2019 and collapsed later that year.", "2019"),
    ],
)
def test_anaphoric_days_and_years_follow_the_last_date_named(language: str, text: str, expected: str) -> None:
    """ "le lendemain", "the next day", "later that year" count from the date just named."""
    assert values(text, language)[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoy arrived on 2 March. The ceasefire broke down in January, and the camp was "
            "shelled that same day.",
            "2025-01-XX",
        ),
        (
            "The ceasefire broke down in January. The envoy arrived on 2 March and left that day.",
            "2025-03-02",
        ),
    ],
)
def test_that_day_after_a_month_is_a_day_of_that_month(text: str, expected: str) -> None:
    """ "broke down in January … that same day" is a January day, not the older 2 March."""
    assert values(text, "en")[-1][1] == expected


def test_the_eve_of_an_event_is_not_dated_from_the_previous_date() -> None:
    """ "à la veille du sommet" is anchored to the summit, which is not a date."""
    text = "Le vote est prévu le 30 août, à la veille de l'expiration du mandat."
    assert values(text, "fr") == [("le 30 août", "2025-08-30")]


def test_a_clock_time_joins_the_weekday_written_beside_it_in_english() -> None:
    """ "10 p.m. Wednesday" is one TIME, even though "p.m." ends with a full stop."""
    assert values("He was seized at 10 p.m. Wednesday, police said.", "en") == [
        ("10 p.m. Wednesday", "2025-04-02T22:00")
    ]


def test_french_keeps_the_day_and_the_clock_time_apart() -> None:
    """French annotation tags "samedi 5 avril" and "17 h" separately; the time takes the day."""
    assert values("La cérémonie aura lieu samedi 12 avril à 17 h.", "fr") == [
        ("samedi 12 avril", "2025-04-12"),
        ("17 h", "2025-04-12T17:00"),
    ]


def test_an_age_in_apposition_is_not_a_duration() -> None:
    """ "Marie Durand, 54 ans, a été blessée" gives an age, not a DURATION."""
    assert values("Marie Durand, 54 ans, a été blessée hier.", "fr") == [("hier", "2025-04-04")]


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("fr", "Le quartier a été construit dans les années 60.", "196X"),
        ("en", "It was built in the 1960s.", "196"),
    ],
)
def test_decades_follow_each_language_s_annotation(language: str, text: str, value: str) -> None:
    """TimeML writes the 1960s "196"; the French TimeBank writes "196X"."""
    assert values(text, language)[-1][1] == value


def test_as_early_as_points_a_weekday_forward() -> None:
    """ "as early as Tuesday" is the coming Tuesday, though the sentence has no future verb."""
    assert values("The envoy could arrive as early as Tuesday.", "en") == [("Tuesday", "2025-04-08")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports fell in March; for the full year the deficit will double.", ("the full year", "2025")),
        ("Talks began in June 2019 and collapsed later that year.", ("later that year", "2019")),
        ("Revenue for the year ended March 31 rose 4%.", ("the year", "P1Y")),
        ("Talks could resume in the near future.", ("the near future", "FUTURE_REF")),
        ("The border has been closed for the past four years.", ("the past four years", "P4Y")),
    ],
)
def test_the_year_and_vague_references(text: str, expected: tuple[str, str]) -> None:
    """ "the full year" is the publication's; "later that year" the story's; a fiscal year is a
    duration; "the near future" is vague."""
    assert expected in values(text, "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La population a augmenté de 0,4 % par an.", [("an", "P1Y")]),
        ("Les ventes augmentent en été.", [("été", "XXXX-SU")]),
        ("Des élections auront lieu à l'automne.", [("l'automne", "2025-FA")]),
    ],
)
def test_french_rates_and_seasons(text: str, expected: list[tuple[str, str]]) -> None:
    """ "par an" is a SET on its unit; "en été" any summer; "à l'automne" this year's."""
    assert values(text, "fr") == expected


def test_a_deadline_weeks_ahead_wins_over_the_past_tense() -> None:
    """ "a donné jusqu'au 30 mai" in an April article is next month, not last year's May."""
    assert values("Le médiateur a donné jusqu'au 30 mai aux deux camps.", "fr") == [("30 mai", "2025-05-30")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le prochain sommet se tiendra à Dakar.", ("prochain", "FUTURE_REF")),
        ("Ces derniers jours, les combats ont repris.", ("Ces derniers jours", "PXD")),
        ("Il défend un quinquennat de réformes.", ("quinquennat", "P5Y")),
        ("La réunion aura lieu lundi prochain.", ("lundi prochain", "2025-04-07")),
    ],
)
def test_french_vague_references_and_terms(text: str, expected: tuple[str, str]) -> None:
    """ "le prochain sommet" looks ahead; a "quinquennat" lasts five years; dates keep "prochain"."""
    assert values(text, "fr") == [expected]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The ceasefire held over Christmas 2024.", ("Christmas 2024", "2024-12-25")),
        ("en", "The boy was rescued last Thanksgiving.", ("last Thanksgiving", "2024-11-28")),
        ("fr", "Le scrutin aura lieu à la Pentecôte.", ("la Pentecôte", "2025-06-08")),
        ("fr", "Les troupes sont rentrées pour Noël 2023.", ("Noël 2023", "2023-12-25")),
    ],
)
def test_holidays_are_dated(language: str, text: str, expected: tuple[str, str]) -> None:
    """Fixed and movable holidays (Easter-based, nth weekday) get their day."""
    assert values(text, language) == [expected]


def test_a_holiday_inside_a_name_is_not_dated() -> None:
    """ "Noël Mamère" is a person."""
    assert values("Noël Mamère a réagi.", "fr") == []


def test_a_vague_time_ago_is_past_ref_in_english_and_a_duration_in_french() -> None:
    """ "several years ago" has no date; the French annotation keeps "quelques mois" a duration."""
    assert values("The plant closed several years ago.", "en") == [("several years ago", "PAST_REF")]
    assert values("L'usine a fermé il y a quelques mois.", "fr") == [("quelques mois", "PXM")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Prices fell in the last twenty-four hours.", ("the last twenty-four hours", "PT24H")),
        ("fr", "Il dirige le pays depuis vingt-cinq ans.", ("vingt-cinq ans", "P25Y")),
    ],
)
def test_compound_number_words(language: str, text: str, expected: tuple[str, str]) -> None:
    """Tens and units written as two words make one number."""
    assert values(text, language) == [expected]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The forum meets each July in Geneva.", ("each July", "XXXX-07")),
        ("fr", "Le conseil se réunit chaque mars.", ("chaque mars", "XXXX-03")),
    ],
)
def test_a_month_every_year_is_a_set(language: str, text: str, expected: tuple[str, str]) -> None:
    """ "each July" recurs: a SET, not this year's July."""
    assert values(text, language) == [expected]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The process began in February this year.", ("February this year", "2025-02")),
        ("en", "They will join in April next year.", ("April next year", "2026-04")),
        ("fr", "Il est arrivé en mars de l'année dernière.", ("mars de l'année dernière", "2024-03")),
    ],
)
def test_a_month_with_a_relative_year_is_one_expression(
    language: str, text: str, expected: tuple[str, str]
) -> None:
    """ "February this year" is one month, not a month and a year."""
    assert values(text, language) == [expected]


def test_a_year_less_month_without_tense_cue_is_the_last_one() -> None:
    """News reports what happened: "in March" with no tense cue in a November story is last March."""
    assert values("The chairman stepped down in March for health reasons.", "en", date(2025, 11, 2)) == [
        ("March", "2025-03")
    ]


def test_an_anaphoric_period_inside_a_compound_is_not_an_expression() -> None:
    """ "the quarter-to-quarter comparison" names no quarter."""
    assert values("Third-quarter sales rose; the quarter-to-quarter comparison is flattering.", "en") == [
        ("Third-quarter", "2024-Q3")
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Talks stalled last May.", "last May"),
        ("Talks stalled in May.", "May"),
        ("Profit fell in the third quarter.", "the third quarter"),
        ("Envoys met over the weekend.", "the weekend"),
        ("Talks may resume in the future.", "the future"),
    ],
)
def test_spans_keep_modifiers_and_leave_prepositions_out(text: str, span: str) -> None:
    """TimeML spans: "last", "the" belong to the expression; "in", "over" do not."""
    assert [found for found, _ in values(text, "en")] == [span]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a été élu le 3 mai dernier.", ("le 3 mai dernier", "2024-05-03")),
        ("Le vote aura lieu en juin prochain.", ("juin prochain", "2025-06")),
        ("La réunion est fixée au samedi 12 avril.", ("samedi 12 avril", "2025-04-12")),
        ("Rendez-vous le samedi 12 avril.", ("le samedi 12 avril", "2025-04-12")),
    ],
)
def test_french_dates_with_direction_and_article(text: str, expected: tuple[str, str]) -> None:
    """ "dernier" and "prochain" after a date set its year; "le samedi 12 avril" keeps its article."""
    assert values(text, "fr") == [expected]


def test_french_month_noun_and_this_weekday_are_in_the_span() -> None:
    """ "au mois de juin" is the month "mois de juin"; "Ce dimanche" keeps "Ce"."""
    assert values("Il est parti au mois de juin.", "fr", date(2025, 7, 18)) == [("mois de juin", "2025-06")]
    assert values("Ce dimanche, le club organise un tournoi.", "fr", date(2025, 7, 20)) == [
        ("Ce dimanche", "2025-07-20")
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The talks lasted more than two years.", ("more than two years", "P2Y")),
        ("en", "The siege lasted about a year.", ("about a year", "P1Y")),
        ("en", "The minister resigned late yesterday.", ("late yesterday", "2025-04-04")),
        ("fr", "Le conflit dure depuis plus de vingt ans.", ("plus de vingt ans", "P20Y")),
    ],
)
def test_approximate_durations_and_modified_days_keep_their_modifier(
    language: str, text: str, expected: tuple[str, str]
) -> None:
    """ "more than two years", "late yesterday": the modifier is part of the expression."""
    assert values(text, language) == [expected]
