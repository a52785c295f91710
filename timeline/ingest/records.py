"""What readers produce: an article as read, or the reason a file or record could not be read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RawArticle:
    """An article as read, before extraction."""

    source: str
    text: str
    title: str = ""
    url: str | None = None
    published: date | None = None
    language: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class ReadFailure:
    """Something that could not be read, with where and why, for a one-line report."""

    source: str
    reason: str
