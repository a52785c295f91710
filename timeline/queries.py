"""Reading the timeline: one filter set shared by `list`, `export`, `stats` and the TUI.

Queries return plain read models (`EventRow`), never live ORM objects, and stream in keyset
pages so that a million rows never sit in memory at once.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import and_, func, or_, tuple_
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from timeline import sqlite_features
from timeline.event_reading import ROW_COLUMNS, ROW_FIELDS, Related, driver_rows, event_fields, load_related
from timeline.models import Actor, Annotation, AnnotationTag, Article, Event, EventActor, Mention

PAGE_SIZE = 1000
_REVISION = ROW_FIELDS.index("annotation_revision")
Sort = Literal["date", "-date"]


@dataclass(frozen=True)
class EventFilters:
    """Which events to show. Empty fields do not filter; several values in a field mean "any of",
    except `actors`, where every actor named must take part."""

    date_from: date | None = None
    date_to: date | None = None
    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    starred: bool | None = None
    query: str | None = None
    countries: tuple[str, ...] = ()
    """Country codes or names; any of them must take part."""

    def is_empty(self) -> bool:
        """True when no filter is set."""
        return self == EventFilters()


@dataclass(frozen=True)
class EventRow:
    """One event as the CLI, the exporters and the TUI see it."""

    event_id: int
    date_start: date
    date_end: date
    precision: str
    event_type: str
    modality: str
    summary: str
    location: str | None
    confidence: float
    article_id: int
    article_title: str
    article_url: str | None
    article_source: str
    article_published: date | None
    outlet: str | None
    language: str
    status: str
    starred: bool
    note: str
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    evidence: str = ""
    is_corrected: bool = False
    is_manual: bool = False
    sources: int = 1
    source_urls: tuple[str, ...] = ()
    date_conflict: bool = False
    first_reported: date | None = None
    date_text: str = ""
    annotation_revision: int = 0


@dataclass(frozen=True)
class FacetCount:
    """How many events have one value of a field."""

    value: str
    count: int


class EventStream(Iterator[EventRow]):
    """The events matching a filter, fetched page by page as they are consumed.

    Iterating gives read models. `fields()` gives the same events as plain dicts of EventRow's
    fields, and `values()` as plain tuples of chosen fields, which spares an export of a million
    rows building a million objects. Consume a stream in one of these ways only.
    """

    def __init__(self, session: Session, filters: EventFilters, *, sort: Sort, limit: int | None) -> None:
        self._session, self._filters, self._sort, self._limit = session, filters, sort, limit
        self._fields: Iterator[dict[str, Any]] | None = None

    def __next__(self) -> EventRow:
        return EventRow(**next(self.fields()))

    def fields(self) -> Iterator[dict[str, Any]]:
        """The remaining events as dicts of EventRow's fields, in the same order."""
        if self._fields is None:
            pages = _pages(self._session, self._filters, self._sort, self._limit, raw=False)
            self._fields = (event_fields(row, related) for rows, related in pages for row in rows)
        return self._fields

    def values(self, row_fields: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        """The events as tuples: the named fields of the event row (`ROW_FIELDS`), then
        `RELATED_FIELDS`. Row values are as the database driver gives them, not converted to
        Python types (SQLite gives dates as ISO text): the cheapest form for a large export."""
        pick = operator.itemgetter(*(ROW_FIELDS.index(name) for name in row_fields))
        pages = _pages(self._session, self._filters, self._sort, self._limit, raw=True)
        return (pick(row) + related.values_of(row[0]) for rows, related in pages for row in rows)


def iter_events(
    session: Session, filters: EventFilters = EventFilters(), *, sort: Sort = "date", limit: int | None = None
) -> EventStream:
    """Yield the events matching `filters`, in date order, fetched page by page."""
    return EventStream(session, filters, sort=sort, limit=limit)


def _pages(
    session: Session, filters: EventFilters, sort: Sort, limit: int | None, *, raw: bool
) -> Iterator[tuple[Sequence[Any], Related]]:
    """Keyset pages of rows of `ROW_COLUMNS` with their related rows."""
    remaining = limit
    after: tuple[date, int] | None = None
    while remaining is None or remaining > 0:
        page_size = PAGE_SIZE if remaining is None else min(PAGE_SIZE, remaining)
        rows, related = _page(session, filters, sort=sort, limit=page_size, after=after, raw=raw)
        yield rows, related
        if len(rows) < page_size:
            return
        event_id, start = rows[-1][:2]
        after = (date.fromisoformat(start) if isinstance(start, str) else start, event_id)
        if remaining is not None:
            remaining -= len(rows)


def list_events(
    session: Session,
    filters: EventFilters = EventFilters(),
    *,
    sort: Sort = "date",
    limit: int = 100,
    after: tuple[date, int] | None = None,
) -> list[EventRow]:
    """Return one page of events; `after` is the (date_start, event_id) of the previous page's
    last row (keyset pagination: constant cost however deep the page)."""
    rows, related = _page(session, filters, sort=sort, limit=limit, after=after)
    return [to_row(row, related) for row in rows]


def _page(
    session: Session,
    filters: EventFilters,
    *,
    sort: Sort,
    limit: int,
    after: tuple[date, int] | None,
    raw: bool = False,
) -> tuple[Sequence[Any], Related]:
    """One page of rows of `ROW_COLUMNS` with their related rows; `raw` rows are the driver's
    (see `driver_rows`)."""
    statement = filtered_select(session, filters, page_in_date_order=True)
    if after is not None:
        key = tuple_(col(Event.date_start), col(Event.id))
        statement = statement.where(key < tuple_(*after) if sort == "-date" else key > tuple_(*after))
    if sort == "-date":
        statement = statement.order_by(col(Event.date_start).desc(), col(Event.id).desc())
    else:
        statement = statement.order_by(col(Event.date_start), col(Event.id))
    connection = session.connection()
    statement = statement.limit(limit)
    rows = driver_rows(connection, statement, {}) if raw else connection.execute(statement).all()
    annotated = [row[0] for row in rows if row[_REVISION] is not None]
    return rows, load_related(session, [row[0] for row in rows], annotated=annotated)


def count_events(session: Session, filters: EventFilters = EventFilters()) -> int:
    """Count the events matching `filters`."""
    statement = filtered_select(session, filters).with_only_columns(func.count(col(Event.id)))
    return int(session.exec(statement).one()[0])


def filtered_select(session: Session, filters: EventFilters, *, page_in_date_order: bool = False) -> Any:
    """The select of event rows (`ROW_COLUMNS`) matching `filters`, unordered.

    `page_in_date_order` says the caller wants one page in date order (not a count or every
    row), which lets a very common search word probe the index row by row."""
    statement = (
        select(*ROW_COLUMNS)
        .select_from(Event)
        .join(Article, col(Article.id) == col(Event.article_id))
        .outerjoin(Annotation, col(Annotation.event_id) == col(Event.id))
    )
    conditions = []
    if filters.date_from:
        conditions.append(col(Event.date_end) >= filters.date_from)
    if filters.date_to:
        conditions.append(col(Event.date_start) <= filters.date_to)
    for actor in filters.actors:
        actor_ids = select(Actor.id).where(_actor_matches(actor))
        events = select(EventActor.event_id).where(col(EventActor.actor_id).in_(actor_ids))
        conditions.append(col(Event.id).in_(events))
    if filters.countries:
        country_ids = select(Actor.id).where(
            col(Actor.kind) == "country", or_(*(_actor_matches(country) for country in filters.countries))
        )
        events = select(EventActor.event_id).where(col(EventActor.actor_id).in_(country_ids))
        conditions.append(col(Event.id).in_(events))
    if filters.event_types:
        conditions.append(col(Event.event_type).in_(filters.event_types))
    if filters.languages:
        conditions.append(col(Article.language).in_(filters.languages))
    if filters.sources:
        conditions.append(or_(*(_source_matches(source) for source in filters.sources)))
    if filters.statuses:
        conditions.append(func.coalesce(col(Annotation.status), "unreviewed").in_(filters.statuses))
    if filters.tags:
        tagged = select(AnnotationTag.annotation_id).where(col(AnnotationTag.tag).in_(filters.tags))
        conditions.append(col(Annotation.id).in_(tagged))
    if filters.starred is not None:
        conditions.append(func.coalesce(col(Annotation.starred), False) == filters.starred)
    if filters.query:
        conditions.append(_text_matches(session, filters.query, page_in_date_order))
    return statement.where(and_(*conditions)) if conditions else statement


def like_pattern(value: str) -> str:
    """A LIKE pattern matching `value` anywhere, with its own % and _ taken literally."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _source_matches(source: str) -> Any:
    pattern = like_pattern(source.lower())
    columns = (Article.outlet, Article.url, Article.source)
    return or_(*(func.lower(col(column)).like(pattern, escape="\\") for column in columns))


def _actor_matches(name: str) -> Any:
    from timeline.extraction.gazetteer import TOKEN, fold, load_gazetteer

    surface = load_gazetteer().surfaces.get(tuple(fold(token) for token in TOKEN.findall(name)))
    wanted = name.strip().lower()
    conditions = [func.lower(col(Actor.name)) == wanted, func.lower(col(Actor.code)) == wanted]
    if surface is not None:
        conditions.append(col(Actor.name) == surface.entity.name)
        if surface.entity.kind != "person" and surface.entity.code:
            conditions.append(and_(col(Actor.code) == surface.entity.code, col(Actor.kind) != "person"))
    return or_(*conditions)


def _text_matches(session: Session, query: str, page_in_date_order: bool) -> Any:
    condition = sqlite_features.search_condition(session, query, probe_if_common=page_in_date_order)
    if condition is not None:
        return condition
    pattern = like_pattern(query.lower())
    return or_(
        func.lower(col(Event.summary)).like(pattern, escape="\\"),
        func.lower(col(Article.title)).like(pattern, escape="\\"),
    )


def to_row(row: Any, related: Related) -> EventRow:
    """Build the read model of one event from a row of `ROW_COLUMNS`."""
    return EventRow(**event_fields(row, related))


def get_event(session: Session, event_id: int) -> EventRow | None:
    """Return one event by id, or None."""
    statement = filtered_select(session, EventFilters()).where(col(Event.id) == event_id)
    result = session.exec(statement).first()
    if result is None:
        return None
    return to_row(result, load_related(session, [event_id]))


@dataclass(frozen=True)
class MentionRow:
    """One report of an event: what one article said, for the `--mentions` export."""

    event_id: int
    mention_id: int
    date_start: date
    date_end: date
    precision: str
    event_type: str
    date_text: str
    date_derivation: str
    evidence: str
    confidence: float
    merge_reason: str | None
    article_title: str
    article_url: str | None
    article_published: date | None
    outlet: str | None
    language: str


def iter_mentions(
    session: Session, filters: EventFilters | None = None, *, sort: Sort = "date", limit: int | None = None
) -> Iterator[MentionRow]:
    """Yield the mentions of the events matching `filters`, event by event."""
    page: list[int] = []
    for row in iter_events(session, filters or EventFilters(), sort=sort, limit=limit):
        page.append(row.event_id)
        if len(page) == PAGE_SIZE:
            yield from mentions_of(session, page)
            page = []
    yield from mentions_of(session, page)


def mentions_of(session: Session, event_ids: list[int]) -> Iterator[MentionRow]:
    """The mentions of some events, in the events' order."""
    if not event_ids:
        return
    rows = session.exec(
        select(Mention, Article)
        .join(Article, col(Article.id) == col(Mention.article_id))
        .where(col(Mention.event_id).in_(event_ids))
        .options(defer(Article.text))
    ).all()
    order = {event_id: index for index, event_id in enumerate(event_ids)}
    for mention, article in sorted(rows, key=lambda pair: (order[pair[0].event_id], pair[0].id or 0)):
        assert mention.id is not None
        yield MentionRow(
            mention.event_id,
            mention.id,
            mention.date_start,
            mention.date_end,
            mention.precision,
            mention.event_type,
            mention.date_text,
            mention.date_derivation,
            mention.evidence,
            mention.confidence,
            mention.merge_reason,
            article.title,
            article.url,
            article.published,
            article.outlet,
            article.language,
        )
