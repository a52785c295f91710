"""What deriving an event reads (its row, its mentions, their articles and its actors), held in
memory for the events an ingest keeps adding to: an event reported all along is then derived
again from what is held, not read back in full at every transaction.

Only complete knowledge is held: an event this writer started, or one it read whole from the
database; a mention joining an event not held is not recorded (the event is read when derived).
Like the candidate index, it is valid only while nobody else writes to the database.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from heapq import merge
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from timeline.extraction import ExtractedMention


class HeldMention(NamedTuple):
    """A mention as deriving its event reads it (the columns of `events.MENTION_COLUMNS`)."""

    id: int
    event_id: int
    article_id: int
    date_start: date
    date_end: date
    precision: str
    event_type: str
    location: str | None
    modality: str
    summary: str
    confidence: float
    evidence: str


def held_mention(mention_id: int, event_id: int, article_id: int, extracted: ExtractedMention) -> HeldMention:
    """An extracted mention as deriving its event reads it (ids of 0 before it is stored)."""
    return HeldMention(
        mention_id,
        event_id,
        article_id,
        extracted.date_start,
        extracted.date_end,
        extracted.precision,
        extracted.event_type,
        extracted.location,
        extracted.modality,
        extracted.summary,
        extracted.confidence,
        extracted.evidence,
    )


@dataclass
class HeldEvent:
    """An event's stored row and everything it is derived from."""

    values: dict[str, Any]
    mentions: list[Any] = field(default_factory=list)
    """Its mentions in ascending id order (`HeldMention`s or rows of the same columns)."""
    actors: set[int] = field(default_factory=set)
    """The actors its mentions name."""


MOST_HELD = 5_000
"""Mentions held at most, with their events' rows (about 1.5 KB an event): past it the least
recently derived events go and are read again when needed. Ingest mostly adds to the events of
the last few chunks: 5,000 writes as fast as 50,000 did, and ingesting 5,000 articles peaked at
171 MB instead of 212 MB."""
ARTICLES_HELD = 10_000
"""Articles held at most; past it they are all let go (those needed are read again)."""


class HeldEvents:
    """Held events by id, least recently used first, with the articles their mentions come
    from."""

    def __init__(self) -> None:
        self._events: OrderedDict[int, HeldEvent] = OrderedDict()
        self._mentions = 0
        self.articles: dict[int, Any] = {}
        """Articles as deriving reads them (`events.ArticleFacts` or rows of its columns)."""
        self.actor_ids: dict[tuple[str, str], int] = {}
        """Stored actors' ids by kind and code (or name): a few hundred, looked up at every
        transaction otherwise."""

    def get(self, event_id: int) -> HeldEvent | None:
        held = self._events.get(event_id)
        if held is not None:
            self._events.move_to_end(event_id)
        return held

    def hold(self, event_id: int, event: HeldEvent) -> None:
        """Hold an event whose whole knowledge is given (replacing what was held of it)."""
        self.forget(event_id)
        self._events[event_id] = event
        self._mentions += len(event.mentions)
        while self._mentions > MOST_HELD and len(self._events) > 1:
            dropped_id = next(iter(self._events))
            self.forget(dropped_id)
        self._forget_unused_articles()

    def joined(self, event_id: int, mention: HeldMention, actors: Iterable[int]) -> None:
        """A new mention of an event (with a larger id than its others): recorded if the event
        is held."""
        held = self._events.get(event_id)
        if held is not None:
            held.mentions.append(mention)
            held.actors.update(actors)
            self._mentions += 1

    def merged(self, kept: int, dropped: int) -> None:
        """Follow a merge: the kept event has both events' mentions (held only if both were)."""
        first, second = self._events.get(kept), self._events.get(dropped)
        self.forget(dropped)
        if first is None or second is None:
            self.forget(kept)
            return
        first.mentions = list(merge(first.mentions, second.mentions, key=lambda m: m.id))
        first.actors |= second.actors
        self._mentions += len(second.mentions)

    def updated(self, event_id: int, values: dict[str, Any]) -> None:
        """The event's row as just written."""
        held = self._events.get(event_id)
        if held is not None:
            held.values = values

    def forget(self, event_id: int) -> None:
        held = self._events.pop(event_id, None)
        if held is not None:
            self._mentions -= len(held.mentions)

    def _forget_unused_articles(self) -> None:
        if len(self.articles) > ARTICLES_HELD:
            self.articles.clear()
