"""Extraction: one pure function from an article's text to the mentions of dated events in it.

Nothing here touches the database, so archive-scale runs can call `extract` over batches of
articles in worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.extraction.mentions import ExtractedMention, extract_mentions

EXTRACTOR_VERSION = "rules-0.1"
"""Stored with every mention, so re-extraction can tell what produced a row."""


@dataclass(frozen=True)
class Extraction:
    """What extraction found in one article."""

    language: str
    mentions: tuple[ExtractedMention, ...]


def extract(text: str, *, published: date | None, language: str | None = None) -> Extraction:
    """Find the dated events of an article.

    Args:
        text: the article body (the title may be prepended; it is treated as a sentence).
        published: the publication date; relative dates ("hier") need it and are skipped
            without it.
        language: an ISO 639-1 code, detected from the text when None.

    Returns:
        The language used and the mentions found, in text order.
    """
    from timeline.extraction.language import detect_language
    from timeline.extraction.lexicon import supported_languages

    language = language or detect_language(text, preferred=supported_languages())
    return Extraction(language, tuple(extract_mentions(text, published, language)))


__all__ = ["EXTRACTOR_VERSION", "ExtractedMention", "Extraction", "extract"]
