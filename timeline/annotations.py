"""The researcher's side: status, star, tags and note on an event, saved at once."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, delete, select

from timeline.errors import TimelineError
from timeline.models import STATUSES, Annotation, AnnotationTag, Event, Mention
from timeline.store import now


def annotation_for(session: Session, event_id: int) -> Annotation:
    """Return the event's annotation, creating an unreviewed one anchored to its first mention."""
    annotation = session.exec(select(Annotation).where(Annotation.event_id == event_id)).first()
    if annotation is not None:
        return annotation
    event = session.get(Event, event_id)
    if event is None:
        raise TimelineError(f"no event with id {event_id}")
    mention = session.exec(
        select(Mention).where(Mention.event_id == event_id).order_by(col(Mention.id))
    ).first()
    annotation = Annotation(
        event_id=event_id,
        anchor_article_id=event.article_id,
        anchor_date_start=mention.date_start if mention else event.date_start,
        anchor_date_end=mention.date_end if mention else event.date_end,
        anchor_evidence=mention.evidence if mention else "",
        updated_at=now(),
    )
    session.add(annotation)
    session.flush()
    return annotation


def annotate(
    session: Session,
    event_id: int,
    *,
    status: str | None = None,
    starred: bool | None = None,
    add_tags: Iterable[str] = (),
    remove_tags: Iterable[str] = (),
    note: str | None = None,
) -> Annotation:
    """Change an event's annotation; only the arguments given change. The caller commits."""
    if status is not None and status not in STATUSES:
        raise TimelineError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
    annotation = annotation_for(session, event_id)
    assert annotation.id is not None
    if status is not None:
        annotation.status = status
    if starred is not None:
        annotation.starred = starred
    if note is not None:
        annotation.note = note
    existing = set(tags_of(session, annotation.id))
    for tag in {t.strip() for t in add_tags if t.strip()} - existing:
        session.add(AnnotationTag(annotation_id=annotation.id, tag=tag))
    removed = [t.strip() for t in remove_tags]
    if removed:
        session.exec(
            delete(AnnotationTag).where(
                col(AnnotationTag.annotation_id) == annotation.id, col(AnnotationTag.tag).in_(removed)
            )
        )
    annotation.updated_at = now()
    session.add(annotation)
    session.flush()
    return annotation


def tags_of(session: Session, annotation_id: int) -> list[str]:
    """Return an annotation's tags, sorted."""
    return sorted(
        session.exec(select(AnnotationTag.tag).where(AnnotationTag.annotation_id == annotation_id)).all()
    )


def detached_annotations(session: Session) -> list[Annotation]:
    """Annotations whose event disappeared on re-extraction, kept for the researcher to review."""
    return list(session.exec(select(Annotation).where(col(Annotation.event_id).is_(None))).all())
