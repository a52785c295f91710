"""Writing to the store: articles with their mentions and events, re-extraction, actors.

Each function works inside the caller's session and leaves committing to the caller (ingest
commits a chunk of articles, each in a savepoint).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, Insert, insert
from sqlmodel import Session, col, delete, select

from timeline import sqlite_features
from timeline.candidates import CandidateIndex, StoredMention
from timeline.clustering import THRESHOLDS, MergeReason, country_codes, find_events
from timeline.consolidation import absorb_events, kept_apart
from timeline.events import ensure_actor, refresh_event, refresh_events
from timeline.extraction import EXTRACTOR_VERSION, ExtractedMention, Extraction
from timeline.extraction.gazetteer import Entity
from timeline.models import (
    MANUAL_EXTRACTOR,
    Annotation,
    Article,
    Event,
    EventActor,
    Mention,
    MentionActor,
    SplitPair,
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


def article_by_hash(session: Session, content_hash: str) -> Article | None:
    """Return the stored article with this content hash, if any."""
    return session.exec(select(Article).where(Article.content_hash == content_hash)).first()


ARTICLE_INSERT = insert(Article.__table__)  # type: ignore[attr-defined]
EVENT_INSERT = insert(Event.__table__)  # type: ignore[attr-defined]
MENTION_INSERT = insert(Mention.__table__)  # type: ignore[attr-defined]
MENTION_ACTOR_INSERT = insert(MentionActor.__table__)  # type: ignore[attr-defined]


class ArticleWriter:
    """Stores extracted mentions into events inside one transaction.

    The stored mentions clustering compares against and the actor ids already seen are held in
    memory for the transaction, so each mention costs a few inserts rather than a dozen queries.
    Throw the writer away when its transaction (or a savepoint in it) rolls back.
    """

    def __init__(self, session: Session, candidates: CandidateIndex | None = None) -> None:
        self.session = session
        self.candidates = candidates or CandidateIndex(session, THRESHOLDS.day_tolerance)
        self._actors: dict[tuple[str, str], int] = {}
        self._any_split = session.exec(select(SplitPair.mention_a).limit(1)).first() is not None

    def add_article(self, article: dict[str, object], extraction: Extraction) -> set[int]:
        """Store a new article (its column values) and its mentions; return the events they
        touched, which the caller derives (`refresh_events`) once, after all the articles of its
        transaction."""
        (article_id,) = _inserted_ids(self.session.connection(), ARTICLE_INSERT, [article])
        return self.store_mentions(article_id, str(article["language"]), extraction.mentions)

    def store_mentions(
        self, article_id: int, language: str, mentions: Sequence[ExtractedMention]
    ) -> set[int]:
        """Store an article's new mentions and return their events' ids.

        Each mention joins the event reporting the same happening, or starts one. If it links
        several events, they report one happening and are merged (unless a researcher split them
        apart). Clustering decides every mention first; then new events, mentions, actor links
        and merges are each written in one statement. The caller refreshes the events."""
        placed: list[tuple[ExtractedMention, StoredMention, MergeReason | None]] = []
        merges: list[tuple[int, int]] = []
        for extracted in mentions:
            earlier = [record for _, record, reason in placed if reason]
            reasons = find_events(self.candidates, article_id, language, extracted, earlier)
            record = _record(article_id, language, extracted, reasons[0].event_id if reasons else 0)
            placed.append((extracted, record, reasons[0] if reasons else None))
            for other in reasons[1:]:
                if self._any_split and self._kept_apart(merges, record.event_id, other.event_id):
                    continue
                merges.append((record.event_id, other.event_id))
                self.candidates.merged(record.event_id, other.event_id)
        connection = self.session.connection()
        starts = [
            {"article_id": article_id, "date_start": record.date_start, "date_end": record.date_end}
            for _, record, reason in placed
            if reason is None
        ]
        created = iter(_inserted_ids(connection, EVENT_INSERT, starts))
        for _, record, reason in placed:
            record.event_id = record.event_id if reason else next(created)
        new_mentions = [
            {
                "event_id": record.event_id,
                "article_id": article_id,
                "extractor_version": EXTRACTOR_VERSION,
                "merge_reason": reason.to_json() if reason else None,
                **_mention_values(extracted),
            }
            for extracted, record, reason in placed
        ]
        mention_ids = _inserted_ids(connection, MENTION_INSERT, new_mentions)
        self.link_actors(
            {m: extracted.actors for m, (extracted, _, _) in zip(mention_ids, placed, strict=True)}
        )
        touched = {record.event_id for _, record, _ in placed}
        for mention_id, (_, record, _) in zip(mention_ids, placed, strict=True):
            record.id = mention_id
            self.candidates.add(record)
        absorb_events(self.session, merges)
        self.candidates.merges_stored()
        return touched

    def _kept_apart(self, pending: list[tuple[int, int]], first_event: int, second_event: int) -> bool:
        """Whether a researcher split these events apart; pending merges are stored first so the
        database shows each event's mentions."""
        absorb_events(self.session, pending)
        pending.clear()
        self.candidates.merges_stored()
        return kept_apart(self.session, first_event, second_event)

    def link_actors(self, actors_by_mention: dict[int, Sequence[Entity]]) -> None:
        """Record the actors of stored mentions (actor ids seen once are remembered)."""
        rows = []
        for mention_id, entities in actors_by_mention.items():
            ids = set()
            for entity in entities:
                kind, code = entity.kind, entity.code
                key = (kind, code if kind != "person" and code else entity.name)
                if key not in self._actors:
                    self._actors[key] = ensure_actor(self.session, entity)
                ids.add(self._actors[key])
            rows += [{"mention_id": mention_id, "actor_id": actor_id} for actor_id in sorted(ids)]
        if rows:
            self.session.connection().execute(MENTION_ACTOR_INSERT, rows)


def _record(article_id: int, language: str, extracted: ExtractedMention, event_id: int) -> StoredMention:
    """A mention as clustering holds it; its id (and a new event's id) are set once inserted."""
    return StoredMention(
        0,
        event_id,
        article_id,
        language,
        extracted.date_start,
        extracted.date_end,
        extracted.precision,
        extracted.event_type,
        extracted.location,
        extracted.evidence,
        country_codes(extracted),
    )


def _inserted_ids(connection: Connection, statement: Insert, rows: list[dict[str, object]]) -> list[int]:
    """Insert rows in one statement and return their new ids, in the rows' order."""
    if not rows:
        return []
    returning = statement.returning(statement.table.c.id, sort_by_parameter_order=True)
    return list(connection.execute(returning, rows).scalars())


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
    touched |= writer.store_mentions(article.id, article.language, added)
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
    for name, value in _mention_values(extracted).items():
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


def _mention_values(extracted: ExtractedMention) -> dict[str, object]:
    names = [
        "date_start",
        "date_end",
        "precision",
        "date_text",
        "date_char_start",
        "date_char_end",
        "date_derivation",
        "sentence_char_start",
        "sentence_char_end",
        "evidence",
        "summary",
        "event_type",
        "modality",
        "location",
        "confidence",
    ]
    return {name: getattr(extracted, name) for name in names}


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
