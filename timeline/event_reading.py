"""Reading events as plain data: the columns of an event row, the related rows of a page of
events, and EventRow's fields built from both without the ORM (a million-row export builds no
objects it does not need)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam
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
    col(Annotation.status),
    col(Annotation.starred),
    col(Annotation.note),
    col(Annotation.revision).label("annotation_revision"),
)
"""What an event row reads, as plain columns: a million rows export without building objects."""
_ROW_FIELDS = tuple(column.key for column in ROW_COLUMNS)


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
    themselves on a large export."""
    related = Related()
    ids = [event_id for event_id in event_ids if event_id is not None]
    if not ids:
        return related
    connection = session.connection()
    page = {"event_ids": ids}
    tagged = ids if annotated is None else annotated
    for event_id, name, kind, code in connection.execute(_ACTORS_OF_PAGE, page).all():
        if kind == "person":
            related.people[event_id].append(name)
            continue
        related.actors[event_id].append(name)
        if kind == "country" and code:
            related.countries[event_id].append(code)
    tag_rows = connection.execute(_TAGS_OF_PAGE, {"event_ids": tagged}).all() if tagged else []
    for event_id, tag in tag_rows:
        related.tags[event_id].append(tag)
    for event_id, evidence, url, source, date_text in connection.execute(_MENTIONS_OF_PAGE, page).all():
        if event_id not in related.evidence:
            related.evidence[event_id] = evidence
            related.date_texts[event_id] = date_text
        related.urls[event_id][url or source] = None
    return related


def event_fields(row: Any, related: Related) -> dict[str, Any]:
    """EventRow's fields for a row of `ROW_COLUMNS`, as a plain dict (cheaper than the model)."""
    fields = dict(zip(_ROW_FIELDS, row, strict=True))
    event_id = fields["event_id"]
    fields["status"] = fields["status"] or "unreviewed"
    fields["starred"] = bool(fields["starred"])
    fields["note"] = fields["note"] or ""
    fields["annotation_revision"] = fields["annotation_revision"] or 0
    fields["actors"] = tuple(related.actors.get(event_id, ()))
    fields["countries"] = tuple(related.countries.get(event_id, ()))
    fields["people"] = tuple(related.people.get(event_id, ()))
    fields["tags"] = tuple(related.tags.get(event_id, ()))
    fields["evidence"] = related.evidence.get(event_id, "")
    fields["source_urls"] = tuple(related.urls.get(event_id, ()))
    fields["date_text"] = related.date_texts.get(event_id, "")
    return fields
