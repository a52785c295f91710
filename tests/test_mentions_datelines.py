"""Wire datelines: where and when a report was filed, which dates no event and names no party."""

from __future__ import annotations

from datetime import date

import pytest
from extracted import codes

from timeline.extraction import ExtractedMention, extract

PUBLISHED = date(2025, 10, 16)


def mentions(text: str, language: str) -> tuple[ExtractedMention, ...]:
    """The mentions of `text`, published on Thursday 16 October 2025."""
    return extract(text, published=PUBLISHED, language=language).mentions


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ACCRA, Oct. 16 (GNA) – Ghana and Togo signed a border agreement in Lomé on Tuesday.", "en"),
        ("ACCRA, October 16 – Ghana and Togo signed a border agreement in Lomé on Tuesday.", "en"),
        ("ACCRA, 16 octobre (GNA) – Le Ghana et le Togo ont signé mardi à Lomé un accord frontalier.", "fr"),
        (
            "Accra, le 16 octobre 2025 – Le Ghana et le Togo ont signé mardi à Lomé un accord frontalier.",
            "fr",
        ),
    ],
)
def test_a_datelines_date_is_no_event_and_its_city_no_place(text: str, language: str) -> None:
    """Only Tuesday's signing is an event, placed in Lomé, not in the city the report came from."""
    (mention,) = mentions(text, language)
    assert mention.date_start == date(2025, 10, 14)
    assert mention.location == "Lomé"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ROME (ANS) – Libya and Egypt agreed on Monday to reopen their shared border crossing.", "en"),
        ("ROME (ANS) – La Libye et l'Égypte sont convenues lundi de rouvrir leur poste-frontière.", "fr"),
    ],
)
def test_a_datelines_city_is_not_a_party(text: str, language: str) -> None:
    """A report filed from Rome does not make Italy a party to an agreement between two others."""
    (mention,) = mentions(text, language)
    assert codes(mention) == {"LBY", "EGY"}
    assert mention.location is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Paris – Berlin: the two capitals signed a treaty on 3 March 2025.", "en"),
        ("Paris – Berlin : les deux capitales ont signé un traité le 3 mars 2025.", "fr"),
    ],
)
def test_a_line_opening_with_a_name_and_a_dash_is_no_dateline(text: str, language: str) -> None:
    """A dateline's place is in capitals or comes with an agency or a numbered date."""
    (mention,) = mentions(text, language)
    assert {"FRA", "DEU"} <= codes(mention)
