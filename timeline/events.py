"""Deriving an event from its mentions and the researcher's corrections.

Machine values live in the mentions and are never overwritten; corrections live in the
annotation. The event row holds the values to show and filter on: the first mention's, with
each corrected field replacing its machine value.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from rapidfuzz import fuzz
from sqlalchemy.orm import defer
from sqlmodel import Session, col, delete, select

from timeline import sqlite_features
from timeline.extraction.gazetteer import TOKEN, Entity, fold, load_gazetteer
from timeline.models import Actor, Annotation, Article, Event, EventActor, Mention, MentionActor

ACTOR_SEPARATOR = "; "
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
REPUBLISHED_SIMILARITY = 90
"""Article texts this similar (rapidfuzz ratio, 0-100) are one story republished."""
SOURCE_TEXT_SAMPLE = 3000


def refresh_event(session: Session, event_id: int) -> Event | None:
    """Recompute an event's values, actors and search entry from its mentions and corrections."""
    event = session.get(Event, event_id)
    if event is None:
        return None
    ordered = select(Mention).where(Mention.event_id == event_id).order_by(col(Mention.id))
    mentions = list(session.exec(ordered).all())
    if mentions:
        _derive_from_mentions(session, event, mentions)
    annotation = session.exec(select(Annotation).where(Annotation.event_id == event_id)).first()
    event.is_corrected = _apply_corrections(event, annotation)
    session.add(event)
    session.flush()
    _relink_actors(session, event, mentions, annotation)
    article = session.get(Article, event.article_id)
    evidence = " ".join(mention.evidence for mention in mentions)
    sqlite_features.index_events(
        session, [(event_id, article.title if article else "", event.summary, evidence)]
    )
    return event


def _derive_from_mentions(session: Session, event: Event, mentions: list[Mention]) -> None:
    """The most specific date most mentions agree on, the majority type, place and modality."""
    finest = min(PRECISION_RANK[m.precision] for m in mentions)
    specific = [m for m in mentions if PRECISION_RANK[m.precision] == finest]
    votes = Counter((m.date_start, m.date_end) for m in specific)
    (start, end), _ = max(votes.items(), key=lambda item: (item[1], -_first_index(specific, item[0])))
    chosen = next(m for m in specific if (m.date_start, m.date_end) == (start, end))
    event.date_start, event.date_end, event.precision = start, end, chosen.precision
    event.date_conflict = finest == 0 and len({m.date_start for m in specific}) > 1
    event.event_type = (
        _majority([m.event_type for m in mentions if m.event_type != "other"]) or chosen.event_type
    )
    event.location = _majority([m.location for m in mentions if m.location]) or None
    event.modality = _majority([m.modality for m in mentions]) or chosen.modality
    event.summary = chosen.summary
    event.confidence = max(m.confidence for m in mentions)
    article_ids = {m.article_id for m in mentions}
    articles = list(
        session.exec(
            select(Article).where(col(Article.id).in_(article_ids)).options(defer(Article.text))
        ).all()
    )
    published = [a.published for a in articles if a.published]
    event.first_reported = min(published) if published else None
    first = min(articles, key=lambda a: (a.published or date.max, a.id or 0))
    event.article_id = first.id or event.article_id
    event.sources = count_sources(session, articles)


def _first_index(mentions: list[Mention], dates: tuple[date, date]) -> int:
    return next(i for i, m in enumerate(mentions) if (m.date_start, m.date_end) == dates)


def _majority(values: list[str]) -> str | None:
    """The most frequent value; ties go to the one seen first."""
    counts = Counter(values)
    if not counts:
        return None
    return max(counts, key=lambda value: (counts[value], -values.index(value)))


def count_sources(session: Session, articles: list[Article]) -> int:
    """Distinct sources: outlets, with a wire story republished near-verbatim counted once."""
    groups: list[tuple[set[str], str]] = []
    for article in articles:
        outlet = (article.outlet or article.url or article.source or "").casefold()
        text = session.exec(select(Article.text).where(Article.id == article.id)).one()[:SOURCE_TEXT_SAMPLE]
        for outlets, sample in groups:
            if outlet in outlets or fuzz.ratio(sample, text) >= REPUBLISHED_SIMILARITY:
                outlets.add(outlet)
                break
        else:
            groups.append(({outlet}, text))
    return max(1, len(groups))


def _apply_corrections(event: Event, annotation: Annotation | None) -> bool:
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
    for name, value in applied.items():
        setattr(event, name, value)
    if event.date_end < event.date_start:
        event.date_end = event.date_start
    return bool(applied) or annotation.corrected_actors is not None


def _relink_actors(
    session: Session, event: Event, mentions: list[Mention], annotation: Annotation | None
) -> None:
    session.exec(delete(EventActor).where(col(EventActor.event_id) == event.id))
    if annotation is not None and annotation.corrected_actors is not None:
        names = [name.strip() for name in annotation.corrected_actors.split(ACTOR_SEPARATOR.strip())]
        actor_ids = {ensure_actor(session, resolve_actor(name)) for name in names if name}
    else:
        mention_ids = [mention.id for mention in mentions]
        actor_ids = set(
            session.exec(
                select(MentionActor.actor_id).where(col(MentionActor.mention_id).in_(mention_ids))
            ).all()
        )
    assert event.id is not None
    for actor_id in actor_ids:
        session.add(EventActor(event_id=event.id, actor_id=actor_id))
    session.flush()


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
