"""Merging events that report one happening and splitting a mention out of an event.

Clustering merges automatically when a new mention links two events; researchers merge and split
by hand. Annotations belong to events and survive both: a merge combines them, a split leaves
the annotation with the event it was made on. A split pair is remembered and never merged again
automatically.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func
from sqlmodel import Session, col, delete, select

from timeline import sqlite_features
from timeline.errors import TimelineError
from timeline.events import refresh_event
from timeline.models import Annotation, AnnotationTag, Event, EventActor, Mention, SplitPair


def mention_ids(session: Session, event_id: int) -> set[int]:
    """The ids of an event's mentions."""
    return {m for m in session.exec(select(Mention.id).where(Mention.event_id == event_id)).all() if m}


def kept_apart(session: Session, first_event: int, second_event: int) -> bool:
    """True when a researcher split a mention of one event away from a mention of the other."""
    first, second = mention_ids(session, first_event), mention_ids(session, second_event)
    pairs = session.exec(
        select(SplitPair).where(
            col(SplitPair.mention_a).in_(first | second), col(SplitPair.mention_b).in_(first | second)
        )
    ).all()
    return any(
        (p.mention_a in first and p.mention_b in second) or (p.mention_a in second and p.mention_b in first)
        for p in pairs
    )


_EVENTS = Event.__table__  # type: ignore[attr-defined]
_MENTIONS = Mention.__table__  # type: ignore[attr-defined]
_BOTH_EXIST = (
    select(func.count()).select_from(_EVENTS).where(_EVENTS.c.id.in_(bindparam("ids", expanding=True)))
)
_MOVED = select(_MENTIONS.c.id).where(_MENTIONS.c.event_id == bindparam("drop"))
_MOVE = _MENTIONS.update().where(_MENTIONS.c.event_id == bindparam("drop")).values(event_id=bindparam("keep"))
_ANY_ANNOTATION = select(Annotation.__table__.c.id).where(  # type: ignore[attr-defined]
    Annotation.__table__.c.event_id.in_(bindparam("ids", expanding=True))  # type: ignore[attr-defined]
)
_UNLINK = EventActor.__table__.delete().where(EventActor.__table__.c.event_id == bindparam("drop"))  # type: ignore[attr-defined]
_DELETE = _EVENTS.delete().where(_EVENTS.c.id == bindparam("drop"))


def merge_events(session: Session, keep_id: int, drop_id: int) -> list[int]:
    """Move every mention of `drop_id` into `keep_id`, combine annotations, delete the emptied
    event and derive the kept one; return the moved mention ids (for undo)."""
    if keep_id == drop_id:
        return []
    session.flush()
    connection = session.connection()
    if connection.execute(_BOTH_EXIST, {"ids": [keep_id, drop_id]}).scalar_one() != 2:
        raise TimelineError(f"no event with id {keep_id} or {drop_id}")
    moved = sorted(connection.execute(_MOVED, {"drop": drop_id}).scalars())
    absorb_events(session, [(keep_id, drop_id)])
    refresh_event(session, keep_id)
    return moved


def absorb_events(session: Session, merges: list[tuple[int, int]]) -> None:
    """Apply (kept, dropped) merges in order, so a chain A into B, then B into C, ends in C.

    Ingest decides an article's merges while clustering and stores them here in a few statements;
    the caller derives the kept events afterwards."""
    if not merges:
        return
    session.flush()
    connection = session.connection()
    pairs = [{"keep": keep, "drop": drop} for keep, drop in merges]
    dropped = {drop for _, drop in merges}
    connection.execute(_MOVE, pairs)
    for held in list(session.identity_map.values()):
        if isinstance(held, Mention | Event) and dropped & {getattr(held, "event_id", None), held.id}:
            session.expire(held)
    if connection.execute(_ANY_ANNOTATION, {"ids": sorted(dropped)}).first() is not None:
        for keep, drop in merges:
            _combine_annotations(session, keep, drop)
    connection.execute(_UNLINK, pairs)
    sqlite_features.unindex_events(session, sorted(dropped))
    connection.execute(_DELETE, pairs)


def split_mentions(session: Session, moving: list[int]) -> int:
    """Give some mentions of one event an event of their own; remember the split. Return the new
    event's id. The original event keeps its annotation."""
    mentions = [session.get(Mention, mention_id) for mention_id in moving]
    if not mentions or any(m is None for m in mentions):
        raise TimelineError("no such mention")
    source_event = mentions[0].event_id  # type: ignore[union-attr]
    staying = mention_ids(session, source_event) - set(moving)
    if not staying:
        return source_event  # nothing to split from
    first = mentions[0]
    assert first is not None
    event = Event(article_id=first.article_id, date_start=first.date_start, date_end=first.date_end)
    session.add(event)
    session.flush()
    assert event.id is not None
    for mention in mentions:
        assert mention is not None
        mention.event_id = event.id
        mention.merge_reason = None
        session.add(mention)
    for moved in moving:
        for other in staying:
            a, b = sorted((moved, other))
            if session.get(SplitPair, (a, b)) is None:
                session.add(SplitPair(mention_a=a, mention_b=b))
    session.flush()
    refresh_event(session, source_event)
    refresh_event(session, event.id)
    return event.id


def _combine_annotations(session: Session, keep_id: int, drop_id: int) -> None:
    dropped = session.exec(select(Annotation).where(Annotation.event_id == drop_id)).first()
    if dropped is None:
        return
    kept = session.exec(select(Annotation).where(Annotation.event_id == keep_id)).first()
    if kept is None:
        dropped.event_id = keep_id
        session.add(dropped)
        session.flush()
        return
    kept.starred = kept.starred or dropped.starred
    if kept.status == "unreviewed":
        kept.status = dropped.status
    kept.note = "\n\n".join(note for note in (kept.note, dropped.note) if note)
    assert kept.id is not None and dropped.id is not None
    kept_tags = set(
        session.exec(select(AnnotationTag.tag).where(AnnotationTag.annotation_id == kept.id)).all()
    )
    for tag in session.exec(select(AnnotationTag.tag).where(AnnotationTag.annotation_id == dropped.id)).all():
        if tag not in kept_tags:
            session.add(AnnotationTag(annotation_id=kept.id, tag=tag))
    session.exec(delete(AnnotationTag).where(col(AnnotationTag.annotation_id) == dropped.id))
    session.add(kept)
    session.delete(dropped)
    session.flush()


def unsplit(session: Session, moved: list[int], event_id: int) -> None:
    """Undo a split: put the moved mentions back with the others and forget the split pairs."""
    split_off = {m.event_id for m in (session.get(Mention, i) for i in moved) if m is not None}
    for other in split_off:
        if other != event_id:
            merge_events(session, event_id, other)
    session.exec(
        delete(SplitPair).where(col(SplitPair.mention_a).in_(moved) | col(SplitPair.mention_b).in_(moved))
    )
    session.flush()
