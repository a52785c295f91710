"""App-wide messages posted by workers to the screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from timeline.queries import EventRow


@dataclass
class EventsLoaded(Message):
    """A page of events and the total count arrived from a worker."""

    rows: list[EventRow]
    total: int
