"""One object over a database for interactive clients (the TUI): every call opens a short
session, so calls are safe from worker threads and never hold a write lock for long."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from timeline import annotations, browse, consolidation, queries, sqlite_features, views
from timeline.config import describe_db
from timeline.event_reading import load_related
from timeline.export import write_rows
from timeline.queries import EventFilters, EventRow, FacetCount

Unwanted = Callable[[], bool]
"""Tells a running query that its answer is no longer wanted."""


@dataclass(frozen=True)
class EventDetail:
    """Everything the detail pane shows about one event."""

    row: EventRow
    context: browse.EvidenceContext | None
    siblings: list[EventRow]
    mentions: list[queries.MentionRow]


class TimelineService:
    """Queries and annotation changes for one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, db_url: str) -> TimelineService:
        """Open (creating if needed) the database at a URL."""
        from timeline.db import open_database

        return cls(open_database(db_url))

    def warm_up(self) -> None:
        """Compile the statements of a page of events (SQLAlchemy's cache, and the page query
        prepared on the pooled connection) so that a client's first page costs only its SQL and
        its rows: compiling took longer than the query itself. Reads no rows."""
        with Session(self.engine) as session:
            queries.list_events(session, EventFilters(), limit=0)
            load_related(session, [-1])  # no event has this id: the related queries only compile

    @property
    def name(self) -> str:
        """A short name for headers: the file name, or the password-free URL."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite" and url.database:
            return Path(url.database).name
        return describe_db(str(url))

    def page(
        self,
        filters: EventFilters,
        *,
        after: tuple[date, int] | None = None,
        sort: queries.Sort = "date",
        limit: int = 200,
        unwanted: Unwanted | None = None,
    ) -> list[EventRow]:
        """One keyset page of events."""
        with self._reading(unwanted) as session:
            return queries.list_events(session, filters, sort=sort, limit=limit, after=after)

    def count(self, filters: EventFilters | None = None, unwanted: Unwanted | None = None) -> int:
        """How many events match."""
        with self._reading(unwanted) as session:
            return queries.count_events(session, filters or EventFilters())

    def months(self, filters: EventFilters, unwanted: Unwanted | None = None) -> list[FacetCount]:
        """Events per month for the filters."""
        with self._reading(unwanted) as session:
            return browse.month_counts(session, filters)

    @contextmanager
    def _reading(self, unwanted: Unwanted | None) -> Iterator[Session]:
        """A session whose queries stop (`QueryAbandoned`) once `unwanted()` says so."""
        with Session(self.engine) as session:
            if unwanted is None:
                yield session
                return
            with sqlite_features.abandoned_when(session, unwanted):
                yield session

    def event(self, event_id: int) -> EventRow | None:
        """One event."""
        with Session(self.engine) as session:
            return queries.get_event(session, event_id)

    def detail(self, event_id: int) -> EventDetail | None:
        """An event with its evidence in context and the other events of its article."""
        with Session(self.engine) as session:
            row = queries.get_event(session, event_id)
            if row is None:
                return None
            context = browse.evidence_context(session, event_id)
            siblings = [r for r in browse.article_events(session, row.article_id) if r.event_id != event_id]
            mentions = list(queries.mentions_of(session, [event_id]))
        return EventDetail(row, context, siblings, mentions)

    def merge(self, event_ids: list[int]) -> tuple[int, dict[int, list[int]]]:
        """Merge events into the first; return it and, per merged event, the mentions it gave."""
        keep, *others = event_ids
        with Session(self.engine) as session:
            moved = {other: consolidation.merge_events(session, keep, other) for other in others}
            session.commit()
        return keep, moved

    def split(self, mention_ids: list[int]) -> int:
        """Give mentions an event of their own; return its id."""
        with Session(self.engine) as session:
            event_id = consolidation.split_mentions(session, mention_ids)
            session.commit()
            return event_id

    def forget_split(self, mention_ids: list[int], event_id: int) -> None:
        """Undo a split: merge the split-off event back and forget that it was split."""
        with Session(self.engine) as session:
            consolidation.unsplit(session, mention_ids, event_id)
            session.commit()

    def article(self, article_id: int) -> browse.ArticleView | None:
        """An article with its events marked."""
        with Session(self.engine) as session:
            return browse.article_view(session, article_id)

    def annotate(
        self, event_ids: Iterable[int], *, seen: dict[int, int] | None = None, **changes: object
    ) -> list[EventRow]:
        """Apply the same annotation change to events; return them as they now are.

        `seen` maps event ids to the annotation revision the client showed; if any changed
        meanwhile, nothing is saved and `AnnotationConflict` says what the other save was.
        """
        ids = list(event_ids)
        with Session(self.engine) as session:
            for event_id in ids:
                expected = (seen or {}).get(event_id)
                annotations.annotate(session, event_id, expected_revision=expected, **changes)  # type: ignore[arg-type]
            session.commit()
            return [row for event_id in ids if (row := queries.get_event(session, event_id))]

    def rows(self, event_ids: Iterable[int]) -> list[EventRow]:
        """Events as they are now."""
        with Session(self.engine) as session:
            return [row for event_id in event_ids if (row := queries.get_event(session, event_id))]

    def snapshot(self, event_ids: Iterable[int]) -> dict[int, annotations.AnnotationState]:
        """The annotations of events as they are, for undo."""
        with Session(self.engine) as session:
            states = {event_id: annotations.snapshot(session, event_id) for event_id in event_ids}
            session.commit()
            return states

    def restore(self, states: dict[int, annotations.AnnotationState]) -> list[EventRow]:
        """Put annotations back as a snapshot captured them."""
        with Session(self.engine) as session:
            for event_id, state in states.items():
                annotations.restore(session, event_id, state)
            session.commit()
            return [row for event_id in states if (row := queries.get_event(session, event_id))]

    def correct(self, event_id: int, correction: annotations.Correction) -> EventRow | None:
        """Store a researcher's correction beside the machine values."""
        with Session(self.engine) as session:
            annotations.correct(session, event_id, correction)
            session.commit()
            return queries.get_event(session, event_id)

    def add_manual_event(self, article_id: int, **values: object) -> EventRow | None:
        """Add an event by hand to an article."""
        with Session(self.engine) as session:
            event_id = annotations.add_manual_event(session, article_id, **values)  # type: ignore[arg-type]
            session.commit()
            return queries.get_event(session, event_id)

    def tags(self) -> list[str]:
        """Tags in use."""
        with Session(self.engine) as session:
            return annotations.all_tags(session)

    def suggestions(self) -> dict[str, list[str]]:
        """Values for autocompletion: actors, countries, types, languages, sources, tags."""
        with Session(self.engine) as session:
            return {
                "actor": browse.actor_suggestions(session),
                "country": browse.country_codes(session),
                "type": browse.distinct_values(session, "event_type"),
                "lang": browse.distinct_values(session, "language"),
                "source": browse.distinct_values(session, "outlet"),
                "tag": annotations.all_tags(session),
            }

    def save_view(self, name: str, filters: EventFilters) -> None:
        """Save the current filters under a name."""
        with Session(self.engine) as session:
            views.save_view(session, name, filters)
            session.commit()

    def views(self) -> list[str]:
        """Names of saved views."""
        with Session(self.engine) as session:
            return views.list_views(session)

    def load_view(self, name: str) -> EventFilters:
        """The filters of a saved view."""
        with Session(self.engine) as session:
            return views.load_view(session, name)

    def export(self, filters: EventFilters, path: Path, fmt: str) -> int:
        """Write the events matching `filters` to a file with the CLI's writer."""
        with Session(self.engine) as session, path.open("w", encoding="utf-8", newline="") as out:
            return write_rows(queries.iter_events(session, filters), out, fmt)
