"""Writing new mentions: each joins the event reporting the same happening or starts one.

Clustering decides where every mention of an article goes first; then new events (written whole,
with their actors and search entry), mentions, actor links and merges are each one statement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlmodel import Session, select

from timeline import sources, sqlite_features
from timeline.candidates import CandidateIndex
from timeline.clustering import THRESHOLDS, MergeReason, country_codes, find_events
from timeline.consolidation import absorb_events, kept_apart
from timeline.events import ArticleFacts, ensure_actor, new_event_values
from timeline.extraction import EXTRACTOR_VERSION, ExtractedMention, Extraction
from timeline.extraction.gazetteer import Entity
from timeline.held_events import HeldEvent, HeldEvents, HeldMention, held_mention
from timeline.models import Article, Event, EventActor, Mention, MentionActor, SplitPair
from timeline.sqlite_features import SearchEntry
from timeline.stored_mentions import StoredMention

ARTICLES = Article.__table__  # type: ignore[attr-defined]
EVENTS = Event.__table__  # type: ignore[attr-defined]
MENTIONS = Mention.__table__  # type: ignore[attr-defined]
EVENT_ACTORS = EventActor.__table__  # type: ignore[attr-defined]
MENTION_ACTORS = MentionActor.__table__  # type: ignore[attr-defined]
MENTION_FIELDS = (
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
)


class ArticleWriter:
    """Stores extracted mentions into events inside one transaction.

    The stored mentions clustering compares against and the actor ids already seen are held in
    memory for the transaction, so each mention costs a few inserts rather than a dozen queries.
    Throw the writer away when its transaction (or a savepoint in it) rolls back.
    """

    def __init__(
        self, session: Session, candidates: CandidateIndex | None = None, held: HeldEvents | None = None
    ) -> None:
        self.session = session
        self.candidates = candidates or CandidateIndex(session, THRESHOLDS.day_tolerance)
        self.held = held or HeldEvents()
        """What deriving the events it writes reads, for `refresh_events`."""
        self._actors = self.held.actor_ids
        self._any_split = session.exec(select(SplitPair.mention_a).limit(1)).first() is not None

    def add_article(self, article: dict[str, object], extraction: Extraction) -> set[int]:
        """Store a new article (its column values) and its mentions; return the existing events
        they joined, which the caller derives again (`refresh_events`) once, after all the
        articles of its transaction."""
        connection = self.session.connection()
        (article_id,) = sqlite_features.insert_rows_returning_ids(connection, ARTICLES, [article])
        sources.remember_opening(self.session, article_id, str(article["text"]))
        facts = ArticleFacts(
            article_id,
            str(article["title"]),
            article["published"],  # type: ignore[arg-type]
            article["outlet"],  # type: ignore[arg-type]
            article["url"],  # type: ignore[arg-type]
            str(article["source"]),
        )
        return self.store_mentions(facts, str(article["language"]), extraction.mentions)

    def store_mentions(
        self, article: ArticleFacts, language: str, mentions: Sequence[ExtractedMention]
    ) -> set[int]:
        """Store an article's new mentions; return the existing events they joined (the events
        they start are written whole).

        Each mention joins the event reporting the same happening, or starts one. If it links
        several events, they report one happening and are merged (unless a researcher split them
        apart)."""
        placed: list[tuple[ExtractedMention, StoredMention, MergeReason | None]] = []
        merges: list[tuple[int, int]] = []
        for extracted in mentions:
            earlier = [record for _, record, reason in placed if reason]
            reasons = find_events(self.candidates, article.id, language, extracted, earlier)
            record = _record(article.id, language, extracted, reasons[0].event_id if reasons else 0)
            placed.append((extracted, record, reasons[0] if reasons else None))
            for other in reasons[1:]:
                if self._any_split and self._kept_apart(merges, record.event_id, other.event_id):
                    continue
                merges.append((record.event_id, other.event_id))
                self.candidates.merged(record.event_id, other.event_id)
        connection = self.session.connection()
        starting = [(extracted, record) for extracted, record, reason in placed if reason is None]
        new_events = [new_event_values(self.session, article, extracted) for extracted, _ in starting]
        new_ids = sqlite_features.insert_rows_returning_ids(connection, EVENTS, new_events)
        for (_, record), event_id in zip(starting, new_ids, strict=True):
            record.event_id = event_id
        new_mentions = [
            {
                "event_id": record.event_id,
                "article_id": article.id,
                "extractor_version": EXTRACTOR_VERSION,
                "merge_reason": reason.to_json() if reason else None,
                **mention_values(extracted),
            }
            for extracted, record, reason in placed
        ]
        mention_ids = sqlite_features.insert_rows_returning_ids(connection, MENTIONS, new_mentions)
        actors = self.link_actors({m: e.actors for m, (e, _, _) in zip(mention_ids, placed, strict=True)})
        self._complete(
            article,
            starting,
            new_events,
            [actors[m] for m, (_, _, r) in zip(mention_ids, placed, strict=True) if r is None],
        )
        for mention_id, (extracted, record, _) in zip(mention_ids, placed, strict=True):
            record.id = mention_id
            self.candidates.add(record, extracted.evidence)
        self._hold(article, placed, new_events, actors)
        self._absorb(merges)
        return {record.event_id for _, record, reason in placed if reason}

    def _hold(
        self,
        article: ArticleFacts,
        placed: list[tuple[ExtractedMention, StoredMention, MergeReason | None]],
        new_events: list[dict[str, object]],
        actors: dict[int, list[int]],
    ) -> None:
        """Hold the events this article starts (written whole) and its mentions of held events."""
        self.held.articles[article.id] = article
        starting = [(extracted, record) for extracted, record, reason in placed if reason is None]
        for (extracted, record), values in zip(starting, new_events, strict=True):
            event = HeldEvent(
                {**values, "id": record.event_id}, [_held(extracted, record)], set(actors[record.id])
            )
            self.held.hold(record.event_id, event)
        for extracted, record, reason in placed:
            if reason is not None:
                self.held.joined(record.event_id, _held(extracted, record), actors[record.id])

    def _absorb(self, merges: list[tuple[int, int]]) -> None:
        """Store merges (the kept event takes the dropped one's mentions)."""
        absorb_events(self.session, merges)
        for kept, dropped in merges:
            self.held.merged(kept, dropped)
        self.candidates.merges_stored()

    def _complete(
        self,
        article: ArticleFacts,
        starting: list[tuple[ExtractedMention, StoredMention]],
        values: list[dict[str, object]],
        actors: list[list[int]],
    ) -> None:
        """Give new events their actors and search entries (what deriving them would add)."""
        links = [
            {"event_id": record.event_id, "actor_id": actor_id}
            for (_, record), ids in zip(starting, actors, strict=True)
            for actor_id in ids
        ]
        sqlite_features.insert_rows(self.session.connection(), EVENT_ACTORS, links)
        sqlite_features.index_events(
            self.session,
            [
                SearchEntry(
                    record.event_id,
                    article.title,
                    str(event["summary"]),
                    extracted.evidence,
                    " ".join(dict.fromkeys(entity.name for entity in extracted.actors)),
                )
                for (extracted, record), event in zip(starting, values, strict=True)
            ],
            new=True,
        )

    def _kept_apart(self, pending: list[tuple[int, int]], first_event: int, second_event: int) -> bool:
        """Whether a researcher split these events apart; pending merges are stored first so the
        database shows each event's mentions (the events are no longer held: this article's
        mentions of them are not stored yet)."""
        for event_id in (event for merge in pending for event in merge):
            self.held.forget(event_id)
        absorb_events(self.session, pending)
        pending.clear()
        self.candidates.merges_stored()
        return kept_apart(self.session, first_event, second_event)

    def link_actors(self, actors_by_mention: Mapping[int, Sequence[Entity]]) -> dict[int, list[int]]:
        """Record the actors of stored mentions (actor ids seen once are remembered); return each
        mention's actor ids, in order."""
        linked: dict[int, list[int]] = {}
        for mention_id, entities in actors_by_mention.items():
            ids = set()
            for entity in entities:
                kind, code = entity.kind, entity.code
                key = (kind, code if kind != "person" and code else entity.name)
                if key not in self._actors:
                    self._actors[key] = ensure_actor(self.session, entity)
                ids.add(self._actors[key])
            linked[mention_id] = sorted(ids)
        rows = [{"mention_id": m, "actor_id": a} for m, ids in linked.items() for a in ids]
        sqlite_features.insert_rows(self.session.connection(), MENTION_ACTORS, rows)
        return linked


def article_facts(article: Article) -> ArticleFacts:
    """What deriving an event reads of a stored article."""
    assert article.id is not None
    return ArticleFacts(
        article.id, article.title, article.published, article.outlet, article.url, article.source
    )


def mention_values(extracted: ExtractedMention) -> dict[str, object]:
    """The stored columns of a mention that come from the extraction."""
    return {name: getattr(extracted, name) for name in MENTION_FIELDS}


def _held(extracted: ExtractedMention, record: StoredMention) -> HeldMention:
    """A stored mention as deriving its event reads it."""
    return held_mention(record.id, record.event_id, record.article_id, extracted)


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
        country_codes(extracted),
    )
