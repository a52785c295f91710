"""The researcher's side: status, star, tags and note on an event, saved at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, delete, select, update

from timeline.errors import AnnotationConflict, TimelineError
from timeline.events import ACTOR_SEPARATOR, refresh_event
from timeline.models import (
    MANUAL_EXTRACTOR,
    PRECISIONS,
    STATUSES,
    Annotation,
    AnnotationTag,
    Article,
    Event,
    Mention,
)
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
    expected_revision: int | None = None,
) -> Annotation:
    """Change an event's annotation; only the arguments given change. The caller commits.

    With `expected_revision` (the revision the client last saw), the change is refused with
    `AnnotationConflict` if someone else saved in between: the later save wins only if it saw
    the earlier one.
    """
    if status is not None and status not in STATUSES:
        raise TimelineError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
    annotation = annotation_for(session, event_id)
    assert annotation.id is not None
    claimed = session.exec(  # compare-and-set: atomic even against another process
        update(Annotation)
        .where(col(Annotation.id) == annotation.id)
        .where(
            col(Annotation.revision)
            == (annotation.revision if expected_revision is None else expected_revision)
        )
        .values(revision=col(Annotation.revision) + 1)
    )
    if claimed.rowcount == 0:
        session.refresh(annotation)
        raise AnnotationConflict(event_id, describe(session, annotation))
    session.refresh(annotation)
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


def describe(session: Session, annotation: Annotation) -> str:
    """A one-line account of an annotation, for conflict messages."""
    assert annotation.id is not None
    parts = [annotation.status, "starred" if annotation.starred else "not starred"]
    tags = tags_of(session, annotation.id)
    if tags:
        parts.append("tags " + ", ".join(tags))
    if annotation.note:
        parts.append(f"note “{annotation.note[:60]}”")
    return "; ".join(parts)


def tags_of(session: Session, annotation_id: int) -> list[str]:
    """Return an annotation's tags, sorted."""
    return sorted(
        session.exec(select(AnnotationTag.tag).where(AnnotationTag.annotation_id == annotation_id)).all()
    )


def detached_annotations(session: Session) -> list[Annotation]:
    """Annotations whose event disappeared on re-extraction, kept for the researcher to review."""
    return list(session.exec(select(Annotation).where(col(Annotation.event_id).is_(None))).all())


def all_tags(session: Session) -> list[str]:
    """Every tag in use, for autocompletion."""
    return sorted(set(session.exec(select(AnnotationTag.tag)).all()))


@dataclass(frozen=True)
class AnnotationState:
    """An annotation's researcher-editable values, for undo."""

    status: str
    starred: bool
    note: str
    tags: tuple[str, ...]
    corrections: tuple[object, ...]


CORRECTION_FIELDS = (
    "corrected_date_start",
    "corrected_date_end",
    "corrected_precision",
    "corrected_type",
    "corrected_location",
    "corrected_actors",
)


def snapshot(session: Session, event_id: int) -> AnnotationState:
    """Capture an event's annotation so a change can be undone."""
    annotation = annotation_for(session, event_id)
    assert annotation.id is not None
    return AnnotationState(
        annotation.status,
        annotation.starred,
        annotation.note,
        tuple(tags_of(session, annotation.id)),
        tuple(getattr(annotation, name) for name in CORRECTION_FIELDS),
    )


def restore(session: Session, event_id: int, state: AnnotationState) -> None:
    """Put an annotation back as `snapshot` captured it."""
    annotation = annotation_for(session, event_id)
    assert annotation.id is not None
    current = set(tags_of(session, annotation.id))
    annotate(
        session,
        event_id,
        status=state.status,
        starred=state.starred,
        note=state.note,
        add_tags=set(state.tags) - current,
        remove_tags=current - set(state.tags),
    )
    for name, value in zip(CORRECTION_FIELDS, state.corrections, strict=True):
        setattr(annotation, name, value)
    session.add(annotation)
    session.flush()
    refresh_event(session, event_id)


@dataclass(frozen=True)
class Correction:
    """Researcher's values for an event; None keeps the extracted value."""

    date_start: date | None = None
    date_end: date | None = None
    precision: str | None = None
    event_type: str | None = None
    location: str | None = None
    actors: tuple[str, ...] | None = None


def correct(session: Session, event_id: int, correction: Correction) -> None:
    """Store corrections beside the machine values (which stay in the mentions) and apply them."""
    if correction.precision is not None and correction.precision not in PRECISIONS:
        raise TimelineError(f"unknown precision {correction.precision!r}")
    annotation = annotation_for(session, event_id)
    annotation.corrected_date_start = correction.date_start
    annotation.corrected_date_end = correction.date_end or correction.date_start
    annotation.corrected_precision = correction.precision
    annotation.corrected_type = correction.event_type
    annotation.corrected_location = correction.location
    annotation.corrected_actors = (
        ACTOR_SEPARATOR.join(correction.actors) if correction.actors is not None else None
    )
    annotation.updated_at = now()
    session.add(annotation)
    session.flush()
    refresh_event(session, event_id)


def add_manual_event(
    session: Session,
    article_id: int,
    *,
    date_start: date,
    date_end: date | None = None,
    precision: str = "day",
    event_type: str = "other",
    summary: str = "",
    location: str | None = None,
    actors: tuple[str, ...] = (),
) -> int:
    """Add an event a researcher found by hand; re-extraction never removes it."""
    article = session.get(Article, article_id)
    if article is None:
        raise TimelineError(f"no article with id {article_id}")
    end = date_end or date_start
    event = Event(article_id=article_id, date_start=date_start, date_end=end, is_manual=True)
    session.add(event)
    session.flush()
    assert event.id is not None
    session.add(
        Mention(
            event_id=event.id,
            article_id=article_id,
            date_start=date_start,
            date_end=end,
            precision=precision,
            date_text="",
            date_char_start=0,
            date_char_end=0,
            date_derivation=MANUAL_EXTRACTOR,
            sentence_char_start=0,
            sentence_char_end=0,
            evidence=summary,
            summary=summary or event_type.capitalize(),
            event_type=event_type,
            modality="occurred",
            location=location,
            confidence=1.0,
            extractor_version=MANUAL_EXTRACTOR,
        )
    )
    session.flush()
    if actors:
        correct(session, event.id, Correction(actors=actors))
    else:
        refresh_event(session, event.id)
    return event.id
