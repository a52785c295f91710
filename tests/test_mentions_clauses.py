"""Two dated happenings in one sentence: each takes the place, parties and tense of its clause."""

from __future__ import annotations

from datetime import date

import pytest
from extracted import codes, dated


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The minister will travel to Accra on 7 April, then to Lomé on 8 April.", "en"),
        ("Le ministre doit se rendre le 7 avril à Accra, puis à Lomé le 8 avril.", "fr"),
    ],
)
def test_each_leg_of_a_trip_keeps_its_own_city(text: str, language: str) -> None:
    """Tuesday's leg is in Lomé, and Monday's does not make Togo a party."""
    monday, tuesday = dated(text, language, date(2025, 4, 7)), dated(text, language, date(2025, 4, 8))
    assert (monday.location, tuesday.location) == ("Accra", "Lomé")
    assert "TGO" not in codes(monday)
    assert "GHA" not in codes(tuesday)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Croatia, which joined the euro zone in January 2023, will host the meeting in June.", "en"),
        ("La Croatie, qui a intégré la zone euro en janvier 2023, accueillera la réunion en juin.", "fr"),
    ],
)
def test_a_past_relative_clause_is_not_planned_by_the_main_verb(text: str, language: str) -> None:
    """The accession happened; only the meeting is planned."""
    assert dated(text, language, date(2023, 1, 1)).modality == "occurred"
    assert dated(text, language, date(2025, 6, 1)).modality == "planned"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Ghana and Togo will sign the accord in Lomé on Friday, the Ghanaian foreign ministry said on Tuesday.",
            "en",
        ),
        (
            "Le Ghana et le Togo signeront l'accord vendredi à Lomé, a annoncé mardi le ministère ghanéen "
            "des Affaires étrangères.",
            "fr",
        ),
    ],
)
def test_a_closing_reporting_clause_is_not_placed_where_the_news_is(text: str, language: str) -> None:
    """The announcement has no place of its own but keeps the parties it speaks about."""
    announcement = dated(text, language, date(2025, 4, 1))
    assert announcement.location is None
    assert {"GHA", "TGO"} <= codes(announcement)
    assert dated(text, language, date(2025, 4, 11)).location == "Lomé"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Ghana signed a trade accord with Togo on Monday, before hosting Benin's president on Tuesday.",
            "en",
        ),
        (
            "Le Ghana a signé lundi un accord commercial avec le Togo, avant d'accueillir mardi le président béninois.",
            "fr",
        ),
    ],
)
def test_a_clause_without_a_subject_of_its_own_shares_the_sentences(text: str, language: str) -> None:
    """Ghana hosts on Tuesday; Togo, a party to Monday's accord only, is not Tuesday's."""
    tuesday = dated(text, language, date(2025, 4, 1))
    assert {"GHA", "BEN"} <= codes(tuesday)
    assert "TGO" not in codes(tuesday)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Ghana votes on Monday. EU observers, who have been in the country since 1 March, "
            "said on 3 April that the campaign was calm.",
            "en",
        ),
        (
            "Le Ghana vote lundi. Les observateurs de l'UE, qui sont dans le pays depuis le 1er mars, "
            "ont indiqué le 3 avril que la campagne était calme.",
            "fr",
        ),
    ],
)
def test_a_country_referred_to_in_one_clause_concerns_the_whole_sentence(text: str, language: str) -> None:
    """ "The country" is the article's, whichever clause names it."""
    assert "GHA" in codes(dated(text, language, date(2025, 4, 3)))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ministers will attend the ECOWAS summit, which will include talks in Abuja on 10 April.", "en"),
        (
            "Les ministres assisteront au sommet de la CEDEAO, qui comprendra des pourparlers à Abuja le 10 avril.",
            "fr",
        ),
    ],
)
def test_a_relative_clause_is_typed_by_the_words_it_hangs_on(text: str, language: str) -> None:
    """The clause tells when the summit is; its own "talks" are part of it."""
    assert dated(text, language, date(2025, 4, 10)).event_type == "summit"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Britain has expelled a Russian diplomat, the Foreign Office said on Wednesday.", "en", "rupture"),
        ("Le Mali a expulsé un diplomate français, a annoncé mercredi le gouvernement.", "fr", "rupture"),
        (
            "The two countries will sign a border agreement, the ministry said on Wednesday.",
            "en",
            "statement",
        ),
        ("Les deux pays signeront un accord frontalier, a indiqué mercredi le ministère.", "fr", "statement"),
    ],
)
def test_a_report_dates_what_has_happened_but_not_what_will(text: str, language: str, expected: str) -> None:
    """A closing ", the ministry said on Wednesday" dates the happening it reports, when that has
    happened already; an announced plan stays a statement."""
    assert dated(text, language, date(2025, 4, 2)).event_type == expected
