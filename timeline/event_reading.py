"""Reading events as plain data: the columns of an event row, the related rows of a page of
events, and EventRow's fields built from both without the ORM (a million-row export builds no
objects it does not need)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, false, func
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from timeline.models import Actor, Annotation, AnnotationTag, Article, Event, EventActor, Mention

ROW_COLUMNS = (
    col(Event.id).label("event_id"),
    col(Event.date_start),
    col(Event.date_end),
    col(Event.precision),
    col(Event.event_type),
    col(Event.modality),
    col(Event.summary),
    col(Event.location),
    col(Event.confidence),
    col(Event.is_corrected),
    col(Event.is_manual),
    col(Event.sources),
    col(Event.date_conflict),
    col(Event.first_reported),
    col(Article.id).label("article_id"),
    col(Article.title).label("article_title"),
    col(Article.url).label("article_url"),
    col(Article.source).label("article_source"),
    col(Article.published).label("article_published"),
    col(Article.outlet),
    col(Article.language),
    func.coalesce(col(Annotation.status), "unreviewed").label("status"),
    func.coalesce(col(Annotation.starred), false()).label("starred"),
    func.coalesce(col(Annotation.note), "").label("note"),
    col(Annotation.revision).label("annotation_revision"),
)
"""What an event row reads, as plain columns (the event id and start date first: the keyset of
a page); a million rows export without building objects."""
ROW_FIELDS = tuple(column.key for column in ROW_COLUMNS)
RELATED_FIELDS = ("actors", "countries", "people", "tags", "evidence", "source_urls")
"""EventRow's fields read from other tables, in the order `Related.values_of` gives them."""


@dataclass
class Related:
    """What a page of events reads from other tables, by event id."""

    actors: defaultdict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    countries: defaultdict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    people: defaultdict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    tags: defaultdict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    evidence: dict[int, str] = field(default_factory=dict)
    date_texts: dict[int, str] = field(default_factory=dict)
    urls: defaultdict[int, dict[str, None]] = field(default_factory=lambda: defaultdict(dict))
    """Distinct source URLs (or paths) in mention order, as dict keys."""

    def values_of(self, event_id: int) -> tuple[Any, ...]:
        """The `RELATED_FIELDS` of one event, in that order."""
        return (
            tuple(self.actors.get(event_id, ())),
            tuple(self.countries.get(event_id, ())),
            tuple(self.people.get(event_id, ())),
            tuple(self.tags.get(event_id, ())),
            self.evidence.get(event_id, ""),
            tuple(self.urls.get(event_id, ())),
        )


_PAGE_IDS = bindparam("event_ids", expanding=True)
_ACTORS_OF_PAGE = (
    select(EventActor.event_id, Actor.name, Actor.kind, Actor.code)
    .join(Actor, col(Actor.id) == col(EventActor.actor_id))
    .where(col(EventActor.event_id).in_(_PAGE_IDS))
    .order_by(col(Actor.kind), col(Actor.name))
)
_TAGS_OF_PAGE = (
    select(Annotation.event_id, AnnotationTag.tag)
    .join(AnnotationTag, col(AnnotationTag.annotation_id) == col(Annotation.id))
    .where(col(Annotation.event_id).in_(_PAGE_IDS))
    .order_by(col(AnnotationTag.tag))
)
_MENTIONS_OF_PAGE = (
    select(Mention.event_id, Mention.evidence, Article.url, Article.source, Mention.date_text)
    .join(Article, col(Article.id) == col(Mention.article_id))
    .where(col(Mention.event_id).in_(_PAGE_IDS))
    .order_by(col(Mention.id))
)


def load_related(
    session: Session, event_ids: Sequence[int | None], *, annotated: Sequence[int] | None = None
) -> Related:
    """Actors, tags, first evidence and source URLs of a page of events, in three queries.

    `annotated` names the events known to have an annotation (only they can have tags; the tag
    query is skipped when there are none); None when that is not known. The queries run on the
    session's connection without the ORM: its per-row loading cost more than the queries
    themselves on a large export, and so did SQLAlchemy's building of rows (plain values here)."""
    related = Related()
    ids = [event_id for event_id in event_ids if event_id is not None]
    if not ids:
        return related
    connection = session.connection()
    page = {"event_ids": ids}
    tagged = ids if annotated is None else annotated
    for event_id, name, kind, code in driver_rows(connection, _ACTORS_OF_PAGE, page):
        if kind == "person":
            related.people[event_id].append(name)
            continue
        related.actors[event_id].append(name)
        if kind == "country" and code:
            related.countries[event_id].append(code)
    tag_rows = driver_rows(connection, _TAGS_OF_PAGE, {"event_ids": tagged}) if tagged else []
    for event_id, tag in tag_rows:
        related.tags[event_id].append(tag)
    for event_id, evidence, url, source, date_text in driver_rows(connection, _MENTIONS_OF_PAGE, page):
        if event_id not in related.evidence:
            related.evidence[event_id] = evidence
            related.date_texts[event_id] = date_text
        related.urls[event_id][url or source] = None
    return related


def driver_rows(connection: Connection, statement: Any, parameters: dict[str, Any]) -> list[Any]:
    """The rows of a statement as the database driver gives them (plain tuples, values not
    converted to Python types: SQLite gives dates as ISO text). SQLAlchemy still compiles and
    binds the statement; only its per-row work is skipped."""
    result = connection.execute(statement, parameters)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def event_fields(row: Any, related: Related) -> dict[str, Any]:
    """EventRow's fields for a row of `ROW_COLUMNS`, as a plain dict (cheaper than the model)."""
    fields = dict(zip(ROW_FIELDS, row, strict=True))
    event_id = fields["event_id"]
    fields["annotation_revision"] = fields["annotation_revision"] or 0
    fields.update(zip(RELATED_FIELDS, related.values_of(event_id), strict=True))
    fields["date_text"] = related.date_texts.get(event_id, "")
    return fields
