"""The mentions the public extractor gives, as the extraction tests read them."""

from __future__ import annotations

from datetime import date

from timeline.extraction import ExtractedMention, extract

PUBLISHED = date(2025, 4, 5)
"""A Saturday."""


def dated(text: str, language: str, day: date) -> ExtractedMention:
    """The mention of `text`, published on `PUBLISHED`, that starts on `day`."""
    mentions = extract(text, published=PUBLISHED, language=language).mentions
    (mention,) = [m for m in mentions if m.date_start == day]
    return mention


def typed(text: str, language: str, date_text: str) -> str:
    """The event type of the mention dated by `date_text` in a text published on `PUBLISHED`."""
    mentions = extract(text, published=PUBLISHED, language=language).mentions
    (mention,) = [m for m in mentions if m.date_text == date_text]
    return mention.event_type


def codes(mention: ExtractedMention) -> set[str]:
    """The countries and organisations among a mention's actors."""
    return {actor.code or "" for actor in mention.actors if actor.kind != "person"}
