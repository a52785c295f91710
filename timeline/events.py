"""Deriving an event from its mentions and the researcher's corrections.

Machine values live in the mentions and are never overwritten; corrections live in the
annotation. The event row holds the values to show and filter on: the first mention's, with
each corrected field replacing its machine value.
"""

from __future__ import annotations

from sqlmodel import Session, col, delete, select

from timeline import sqlite_features
from timeline.extraction.gazetteer import TOKEN, Entity, fold, load_gazetteer
from timeline.models import Actor, Annotation, Article, Event, EventActor, Mention, MentionActor

ACTOR_SEPARATOR = "; "


def refresh_event(session: Session, event_id: int) -> Event | None:
    """Recompute an event's values, actors and search entry from its mentions and corrections."""
    event = session.get(Event, event_id)
    if event is None:
        return None
    mentions = session.exec(
        select(Mention).where(Mention.event_id == event_id).order_by(col(Mention.id))
    ).all()
    if mentions:
        first = mentions[0]
        event.date_start, event.date_end, event.precision = first.date_start, first.date_end, first.precision
        event.event_type, event.modality, event.location = first.event_type, first.modality, first.location
        event.summary, event.confidence = first.summary, first.confidence
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
