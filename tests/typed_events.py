"""Typing one dated mention through the public extractor, as the event-type tests read it."""

from __future__ import annotations

from datetime import date

from timeline.extraction import extract

PUBLISHED = date(2025, 4, 5)


def typed(text: str, language: str, date_text: str) -> str:
    """The event type of the mention dated by `date_text` in a text published on 5 April 2025."""
    mentions = extract(text, published=PUBLISHED, language=language).mentions
    (mention,) = [m for m in mentions if m.date_text == date_text]
    return mention.event_type
