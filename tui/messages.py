"""Messages that workers post to the screens; handlers own all state."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from timeline.queries import EventRow, FacetCount
from timeline.service import EventDetail


@dataclass
class PageLoaded(Message):
    """A page of events for one generation of filters arrived."""

    generation: int
    rows: list[EventRow]
    append: bool
    last: bool
    """No events follow these."""


@dataclass
class CountLoaded(Message):
    """The number of matching events and the events per month arrived."""

    generation: int
    total: int
    months: list[FacetCount]


@dataclass
class DetailLoaded(Message):
    """The detail of the highlighted event arrived."""

    event_id: int
    detail: EventDetail | None


@dataclass
class RowsChanged(Message):
    """Events changed (annotated, corrected, added) and must be redrawn."""

    rows: list[EventRow]
