"""Reported or occurred: naming a source is not hearsay; a conditional, "reportedly" or
witnesses are."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction import extract

PUBLISHED = date(2025, 4, 5)


@pytest.mark.parametrize(
    ("text", "language", "modality"),
    [
        (
            "According to a government statement, Ghana released three detainees on 31 March.",
            "en",
            "occurred",
        ),
        (
            "Selon un communiqué du gouvernement, le Ghana a libéré le 31 mars trois détenus.",
            "fr",
            "occurred",
        ),
        ("Soldiers fired on protesters on 31 March, according to witnesses.", "en", "reported"),
        ("Soldiers reportedly fired on protesters on 31 March, according to local media.", "en", "reported"),
        ("Selon des habitants, des soldats auraient tiré le 31 mars sur des manifestants.", "fr", "reported"),
    ],
)
def test_a_named_source_is_not_hearsay(text: str, language: str, modality: str) -> None:
    """An official statement reports what occurred; hearsay stays unverified."""
    (mention,) = extract(text, published=PUBLISHED, language=language).mentions
    assert mention.modality == modality
