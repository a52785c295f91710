"""Deriving an event from its mentions and the researcher's corrections.

Machine values live in the mentions and are never overwritten; corrections live in the
annotation. The event row holds the values to show and filter on: the first mention's, with
each corrected field replacing its machine value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Row, bindparam, update
from sqlmodel import Session, col, delete, select

from timeline import sqlite_features
from timeline.extraction import ExtractedMention
from timeline.extraction.gazetteer import TOKEN, Entity, fold, load_gazetteer
from timeline.held_events import HeldEvent, HeldEvents, HeldMention, held_mention
from timeline.models import Actor, Annotation, Article, Event, EventActor, Mention, MentionActor
from timeline.sources import count_sources
from timeline.sqlite_features import SearchEntry

ACTOR_SEPARATOR = "; "
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_Voted = TypeVar("_Voted", bound=Hashable)


REFRESH_BATCH = 500
"""Events derived per round of queries: few enough for any database's parameter limit."""
MENTION_COLUMNS = (
    Mention.id,
    Mention.event_id,
    Mention.article_id,
    Mention.date_start,
    Mention.date_end,
    Mention.precision,
    Mention.event_type,
    Mention.location,
    Mention.modality,
    Mention.summary,
    Mention.confidence,
    Mention.evidence,
)
ARTICLE_COLUMNS = (Article.id, Article.title, Article.published, Article.outlet, Article.url, Article.source)


_EVENT_UPDATE = (
    update(Event.__table__).where(Event.__table__.c.id == bindparam("event_key"))  # type: ignore[attr-defined]
)


class ArticleFacts(NamedTuple):
    """What deriving an event reads of an article (the columns of `ARTICLE_COLUMNS`)."""

    id: int
    title: str
    published: date | None
    outlet: str | None
    url: str | None
    source: str


def new_event_values(session: Session, article: ArticleFacts, mention: ExtractedMention) -> dict[str, Any]:
    """The values of an event only this mention reports, as `refresh_events` would derive them:
    ingest writes a new event whole rather than deriving it again after inserting it."""
    values: dict[str, Any] = {"article_id": article.id, "is_manual": False}
    _derive_from_mentions(
        session, 0, values, [held_mention(0, 0, article.id, mention)], {article.id: article}
    )
    values["is_corrected"] = _apply_corrections(values, None)
    return values


def refresh_event(session: Session, event_id: int) -> Event | None:
    """Recompute one event (see `refresh_events`) and return it."""
    refresh_events(session, [event_id])
    return session.get(Event, event_id)


def refresh_events(session: Session, event_ids: Iterable[int], held: HeldEvents | None = None) -> None:
    """Recompute events' values, actors and search entries from their mentions and corrections.

    Ingest touches hundreds of events per article batch, so this reads each table once per batch
    of events and writes with executemany; events that no longer exist are skipped. What `held`
    holds of an event is not read again, and what is read is held (see `timeline.held_events`).
    """
    ids = sorted(set(event_ids))
    session.flush()
    held = held or HeldEvents()
    for start in range(0, len(ids), REFRESH_BATCH):
        _refresh_batch(session, ids[start : start + REFRESH_BATCH], held)
    refreshed = set(ids)
    for stale in list(session.identity_map.values()):
        if isinstance(stale, Event) and stale.id in refreshed:
            session.expire(stale)


def _refresh_batch(session: Session, ids: list[int], held: HeldEvents) -> None:
    known = {event_id: event for event_id in ids if (event := held.get(event_id)) is not None}
    events = {event_id: dict(event.values) for event_id, event in known.items()}
    mentions = {event_id: event.mentions for event_id, event in known.items()}
    named = {event_id: event.actors for event_id, event in known.items()}
    read = _read_events(session, [event_id for event_id in ids if event_id not in known])
    for event_id, (values, rows, actors) in read.items():
        events[event_id], mentions[event_id], named[event_id] = values, rows, actors
    if not events:
        return
    events = dict(sorted(events.items()))  # rows written in id order, as they always were
    named = {event_id: named[event_id] for event_id in events}
    connection = session.connection()
    annotations = {
        a.event_id: a for a in session.exec(select(Annotation).where(col(Annotation.event_id).in_(events)))
    }
    articles = _articles(session, held, {m.article_id for rows in mentions.values() for m in rows})
    for event_id, values in events.items():
        if mentions[event_id]:
            _derive_from_mentions(session, event_id, values, mentions[event_id], articles)
        values["is_corrected"] = _apply_corrections(values, annotations.get(event_id))
    changes = [
        {"event_key": key, **{name: value for name, value in values.items() if name != "id"}}
        for key, values in events.items()
    ]
    connection.execute(_EVENT_UPDATE, changes)
    actors = _relink_actors(session, named, annotations)
    names = dict(
        connection.execute(
            select(Actor.id, Actor.name).where(col(Actor.id).in_({a for ids in actors.values() for a in ids}))
        ).all()
    )
    titles = _articles(session, held, {values["article_id"] for values in events.values()})
    sqlite_features.index_events(
        session,
        [
            SearchEntry(
                event_id,
                titles[values["article_id"]].title if values["article_id"] in titles else "",
                values["summary"],
                " ".join(dict.fromkeys(m.evidence for m in mentions[event_id])),  # each wording once
                " ".join(names[actor_id] for actor_id in sorted(actors[event_id])),
            )
            for event_id, values in events.items()
        ],
    )
    for event_id, values in events.items():
        if event_id in read:
            held.hold(event_id, HeldEvent(values, list(mentions[event_id]), set(named[event_id])))
        else:
            held.updated(event_id, values)


def _read_events(session: Session, ids: list[int]) -> dict[int, tuple[dict[str, Any], list[Row], set[int]]]:
    """Events as stored, in id order: their row, their mentions (ascending ids) and the actors
    their mentions name."""
    if not ids:
        return {}
    connection = session.connection()  # plain rows: no ORM objects to build for thousands of mentions
    table = Event.__table__  # type: ignore[attr-defined]
    read = {
        row.id: (dict(row._mapping), [], set())
        for row in connection.execute(select(table).where(table.c.id.in_(ids)).order_by(table.c.id))
    }
    for row in connection.execute(
        select(*MENTION_COLUMNS).where(col(Mention.event_id).in_(read)).order_by(col(Mention.id))
    ):
        read[row.event_id][1].append(row)
    for event_id, actor_id in connection.execute(
        select(Mention.event_id, MentionActor.actor_id)
        .join(Mention, col(Mention.id) == col(MentionActor.mention_id))
        .where(col(Mention.event_id).in_(read))
    ):
        read[event_id][2].add(actor_id)
    return read


def _articles(session: Session, held: HeldEvents, wanted: set[int]) -> dict[int, Any]:
    """These articles as deriving reads them: those held, the others read (and then held)."""
    found = {article_id: held.articles[article_id] for article_id in wanted if article_id in held.articles}
    missing = wanted - found.keys()
    if missing:
        for row in session.connection().execute(select(*ARTICLE_COLUMNS).where(col(Article.id).in_(missing))):
            found[row.id] = held.articles[row.id] = row
    return found


def _derive_from_mentions(
    session: Session,
    event_id: int,
    values: dict[str, Any],
    mentions: Sequence[Row | HeldMention],
    articles: Mapping[int, Row | ArticleFacts],
) -> None:
    """The most specific date most mentions agree on, the majority type, place and modality."""
    finest = min(PRECISION_RANK[m.precision] for m in mentions)
    specific = [m for m in mentions if PRECISION_RANK[m.precision] == finest]
    start, end = _most_voted([(m.date_start, m.date_end) for m in specific])
    chosen = next(m for m in specific if (m.date_start, m.date_end) == (start, end))
    values.update(date_start=start, date_end=end, precision=chosen.precision)
    values["date_conflict"] = finest == 0 and len({m.date_start for m in specific}) > 1
    values["event_type"] = (
        _majority([m.event_type for m in mentions if m.event_type != "other"]) or chosen.event_type
    )
    values["location"] = _majority([m.location for m in mentions if m.location]) or None
    values["modality"] = _majority([m.modality for m in mentions]) or chosen.modality
    values["summary"] = chosen.summary
    values["confidence"] = max(m.confidence for m in mentions)
    reporting = [articles[i] for i in sorted({m.article_id for m in mentions}) if i in articles]
    published = [a.published for a in reporting if a.published]
    values["first_reported"] = min(published) if published else None
    if reporting:
        values["article_id"] = min(reporting, key=lambda a: (a.published or date.max, a.id)).id
    values["sources"] = count_sources(session, event_id, reporting)


def _majority(values: list[str]) -> str | None:
    """The most frequent value, if any; ties go to the one seen first."""
    return _most_voted(values) if values else None


def _most_voted(values: list[_Voted]) -> _Voted:
    """The most frequent of some values; ties go to the one seen first."""
    if values.count(values[0]) == len(values):
        return values[0]  # the mentions agree, as most do: no counting
    counts = Counter(values)
    return max(counts, key=lambda value: (counts[value], -values.index(value)))


def _apply_corrections(values: dict[str, Any], annotation: Annotation | None) -> bool:
    if annotation is None:
        return False
    corrections = {
        "date_start": annotation.corrected_date_start,
        "date_end": annotation.corrected_date_end,
        "precision": annotation.corrected_precision,
        "event_type": annotation.corrected_type,
        "location": annotation.corrected_location,
    }
    applied = {name: value for name, value in corrections.items() if value is not None}
    values.update(applied)
    if values["date_end"] < values["date_start"]:
        values["date_end"] = values["date_start"]
    return bool(applied) or annotation.corrected_actors is not None


def _relink_actors(
    session: Session, named: Mapping[int, set[int]], annotations: dict[int | None, Annotation]
) -> dict[int, set[int]]:
    """Link each event to its actors, and return them: the researcher's corrected list, else
    those its mentions name (`named`)."""
    linked = {event_id: set(actors) for event_id, actors in named.items()}
    for event_id in linked:
        annotation = annotations.get(event_id)
        if annotation is not None and annotation.corrected_actors is not None:
            names = [name.strip() for name in annotation.corrected_actors.split(ACTOR_SEPARATOR.strip())]
            linked[event_id] = {ensure_actor(session, resolve_actor(name)) for name in names if name}
    connection = session.connection()
    connection.execute(delete(EventActor).where(col(EventActor.event_id).in_(linked)))
    rows = [{"event_id": e, "actor_id": a} for e in linked for a in sorted(linked[e])]
    sqlite_features.insert_rows(connection, EventActor.__table__, rows)  # type: ignore[attr-defined]
    return linked


def resolve_actor(name: str) -> Entity:
    """A name a researcher typed, as a gazetteer entity when it knows it (any alias)."""
    surface = load_gazetteer().surfaces.get(tuple(fold(token) for token in TOKEN.findall(name)))
    if surface is not None and surface.entity.kind != "city":
        return surface.entity
    return Entity(name.strip(), "person", None)


def ensure_actor(session: Session, entity: Entity) -> int:
    """Return the id of the stored actor for an entity, creating it on first sight."""
    query = select(Actor.id).where(Actor.kind == entity.kind, Actor.name == entity.name)
    if entity.kind != "person" and entity.code:
        query = select(Actor.id).where(Actor.kind == entity.kind, Actor.code == entity.code)
    actor_id = session.exec(query).first()
    if actor_id is not None:
        return actor_id
    code = entity.code if entity.kind != "person" else entity.country
    actor = Actor(name=entity.name, kind=entity.kind, code=code)
    session.add(actor)
    session.flush()
    assert actor.id is not None
    return actor.id
