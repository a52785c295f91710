"""Changing what is stored: re-extraction of an article (keeping researchers' work), lookups.

New articles are written by `article_writer.ArticleWriter`. Each function works inside the
caller's session and leaves committing to the caller.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlmodel import Session, col, delete, select

from timeline import sqlite_features
from timeline.article_writer import ArticleWriter, article_facts, mention_values
from timeline.events import refresh_event, refresh_events
from timeline.extraction import EXTRACTOR_VERSION, ExtractedMention, Extraction
from timeline.models import (
    MANUAL_EXTRACTOR,
    Annotation,
    Article,
    Event,
    EventActor,
    Mention,
    MentionActor,
)


@dataclass
class ReextractReport:
    """What re-extracting one article changed."""

    kept: int = 0
    added: int = 0
    removed: int = 0
    orphaned_annotations: list[int] = field(default_factory=list)
    """Ids of annotations whose event disappeared; they are kept, detached, for review."""


def now() -> datetime:
    """The current time in UTC, the only clock the store uses."""
    return datetime.now(UTC)


def stored_hashes(session: Session, content_hashes: list[str]) -> set[str]:
    """Which of these content hashes stored articles have."""
    if not content_hashes:
        return set()
    query = select(Article.content_hash).where(col(Article.content_hash).in_(content_hashes))
    return set(session.exec(query))


def reextract_article(session: Session, article: Article, extraction: Extraction) -> ReextractReport:
    """Replace an article's mentions with a new extraction, keeping researchers' work.

    A new mention with the same dates and sentence as an old one keeps the old event (and so its
    annotation). An event left without mentions is deleted, but its annotation is detached and
    kept; it reattaches when a later extraction finds the same dates and evidence again.
    """
    assert article.id is not None
    report = ReextractReport()
    article.language = extraction.language
    extracted_before = select(Mention).where(
        Mention.article_id == article.id, Mention.extractor_version != MANUAL_EXTRACTOR
    )
    old = {_mention_key(m): m for m in session.exec(extracted_before)}
    writer = ArticleWriter(session)
    touched: set[int] = set()
    added: list[ExtractedMention] = []
    for extracted in extraction.mentions:
        existing = old.pop(_mention_key(extracted), None)
        if existing is None:
            added.append(extracted)
        else:
            _update_mention(writer, existing, extracted)
            touched.add(existing.event_id)
    touched |= writer.store_mentions(article_facts(article), article.language, added)
    report.added, report.kept = len(added), len(extraction.mentions) - len(added)
    refresh_events(session, touched)
    for stale in old.values():
        report.orphaned_annotations += _delete_mention(session, stale)
        report.removed += 1
    _reattach_annotations(session, article)
    report.orphaned_annotations = [
        annotation_id
        for annotation_id in report.orphaned_annotations
        if (annotation := session.get(Annotation, annotation_id)) is not None and annotation.event_id is None
    ]
    return report


def _mention_key(mention: Mention | ExtractedMention) -> tuple[object, ...]:
    return (mention.date_start, mention.date_end, mention.sentence_char_start, mention.sentence_char_end)


def _update_mention(writer: ArticleWriter, mention: Mention, extracted: ExtractedMention) -> None:
    for name, value in mention_values(extracted).items():
        setattr(mention, name, value)
    mention.extractor_version = EXTRACTOR_VERSION
    assert mention.id is not None
    writer.session.exec(delete(MentionActor).where(col(MentionActor.mention_id) == mention.id))
    writer.session.flush()
    writer.link_actors({mention.id: extracted.actors})


def _delete_mention(session: Session, mention: Mention) -> list[int]:
    """Delete a mention, and its event if nothing else reports it; return detached annotations."""
    event_id = mention.event_id
    session.exec(delete(MentionActor).where(col(MentionActor.mention_id) == mention.id))
    session.delete(mention)
    session.flush()
    if session.exec(select(Mention.id).where(Mention.event_id == event_id)).first() is not None:
        return []
    detached = []
    for annotation in session.exec(select(Annotation).where(Annotation.event_id == event_id)):
        annotation.event_id = None
        session.add(annotation)
        assert annotation.id is not None
        detached.append(annotation.id)
    session.flush()
    session.exec(delete(EventActor).where(col(EventActor.event_id) == event_id))
    sqlite_features.unindex_events(session, [event_id])
    event = session.get(Event, event_id)
    if event is not None:
        session.delete(event)
    session.flush()
    return detached


def _reattach_annotations(session: Session, article: Article) -> None:
    detached = session.exec(
        select(Annotation).where(
            Annotation.anchor_article_id == article.id, col(Annotation.event_id).is_(None)
        )
    ).all()
    for annotation in detached:
        candidate = session.exec(
            select(Mention.event_id).where(
                Mention.article_id == article.id,
                Mention.date_start == annotation.anchor_date_start,
                Mention.date_end == annotation.anchor_date_end,
                Mention.evidence == annotation.anchor_evidence,
            )
        ).first()
        taken = (
            candidate is not None
            and session.exec(select(Annotation.id).where(Annotation.event_id == candidate)).first()
        )
        if candidate is not None and not taken:
            annotation.event_id = candidate
            session.add(annotation)
            session.flush()
            refresh_event(session, candidate)
    session.flush()


def articles_to_reextract(session: Session, batch_size: int = 200) -> Iterable[int]:
    """Yield every stored article id, in batches, without loading texts."""
    last_id = 0
    while True:
        ids = session.exec(
            select(Article.id).where(col(Article.id) > last_id).order_by(col(Article.id)).limit(batch_size)
        ).all()
        if not ids:
            return
        yield from (article_id for article_id in ids if article_id is not None)
        last_id = ids[-1] or last_id
