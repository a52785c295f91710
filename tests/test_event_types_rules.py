"""Event-type rules between keywords of one sentence, typed through the public extractor."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction import extract

PUBLISHED = date(2025, 4, 5)


def typed(text: str, language: str, date_text: str) -> str:
    """The event type of the mention dated by `date_text` in a text published on 5 April 2025."""
    mentions = extract(text, published=PUBLISHED, language=language).mentions
    (mention,) = [m for m in mentions if m.date_text == date_text]
    return mention.event_type


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        (
            "Two fishermen were released on Tuesday near the border, the navy said.",
            "en",
            "Tuesday",
            "other",
        ),
        (
            "Deux pêcheurs ont été libérés mardi près de la frontière, selon un communiqué de la marine.",
            "fr",
            "mardi",
            "other",
        ),
        # the report's own date is still the report's
        ("The border stayed open, the ministry said on Monday.", "en", "Monday", "statement"),
        ("La frontière reste ouverte, a indiqué lundi le ministère.", "fr", "lundi", "statement"),
    ],
)
def test_a_report_types_no_date_of_what_it_reports(
    text: str, language: str, date_text: str, expected: str
) -> None:
    """ "…, the navy said" tells who reported a release, not that the release was a statement."""
    assert typed(text, language, date_text) == expected
