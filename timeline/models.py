"""SQLModel tables and the read models that queries hand to the CLI, export and TUI.

An *Article* is what was ingested. A *Mention* is what the extractor found in one article (a
date expression in a sentence, with its extracted values). An *Event* is the happening a
researcher curates: today one mention makes one event; consolidation will attach many mentions
to one event. The event's fields are derived from its mentions and stored for fast filtering.
An *Annotation* is the researcher's work on an event; it carries an anchor (article, dates,
evidence) so it can find its event again after re-extraction and is never deleted with it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

SCHEMA_VERSION = 3
"""Bumped whenever the tables change; a database with a higher version is refused."""
MENTION_DATES_INDEX = "ix_mention_dates_types"
MENTION_DATES_COLUMNS = ("date_start", "date_end", "precision", "event_type")


class Meta(SQLModel, table=True):
    """Key/value facts about the database itself, such as the schema version."""

    key: str = Field(primary_key=True)
    value: str


class Article(SQLModel, table=True):
    """One ingested article, stored whole so evidence can always be shown in context."""

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(description="The file path or URL the article was read from.")
    url: str | None = None
    title: str = ""
    outlet: str | None = Field(default=None, index=True)
    published: date | None = Field(default=None, index=True)
    language: str = Field(default="und", index=True)
    content_hash: str = Field(unique=True)
    text: str
    ingested_at: datetime


class Event(SQLModel, table=True):
    """A dated happening, with values derived from its mentions (denormalised for filtering)."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    date_start: date = Field(index=True)
    date_end: date = Field(index=True)
    precision: str = "day"
    event_type: str = Field(default="other", index=True)
    modality: str = "occurred"
    summary: str = ""
    location: str | None = None
    confidence: float = 0.0
    is_manual: bool = False
    is_corrected: bool = False
    """True when a researcher's correction overrides some of the extracted values."""
    date_conflict: bool = False
    """True when the mentions of this event disagree on its day."""
    sources: int = 1
    """Distinct sources reporting it: outlets, a republished wire story counted once."""
    first_reported: date | None = None


class Mention(SQLModel, table=True):
    """What the extractor found: one date expression in one sentence of one article."""

    __table_args__ = (Index(MENTION_DATES_INDEX, *MENTION_DATES_COLUMNS),)
    """Clustering reads the mentions of some days, or the longer ones of a precision (and type)
    overlapping a month: everything but the start date is checked in the index."""

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    date_start: date
    date_end: date
    precision: str
    date_text: str
    date_char_start: int
    date_char_end: int
    date_derivation: str
    sentence_char_start: int
    sentence_char_end: int
    evidence: str
    summary: str
    event_type: str
    modality: str
    location: str | None = None
    confidence: float
    extractor_version: str
    merge_reason: str | None = None
    """Why this mention joined its event (JSON: fields matched, score); None if it started it."""


class Actor(SQLModel, table=True):
    """A country, organisation or person under its canonical name."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    kind: str = Field(description="country | organization | person")
    code: str | None = Field(default=None, index=True)


class MentionActor(SQLModel, table=True):
    """Actors the extractor found in a mention's sentence."""

    mention_id: int = Field(foreign_key="mention.id", primary_key=True)
    actor_id: int = Field(foreign_key="actor.id", primary_key=True)


class EventActor(SQLModel, table=True):
    """Actors of an event: the union over its mentions, stored for the actor filter."""

    event_id: int = Field(foreign_key="event.id", primary_key=True)
    actor_id: int = Field(foreign_key="actor.id", primary_key=True, index=True)


class Annotation(SQLModel, table=True):
    """A researcher's review of one event; survives re-extraction through its anchor."""

    id: int | None = Field(default=None, primary_key=True)
    event_id: int | None = Field(default=None, foreign_key="event.id", unique=True)
    anchor_article_id: int = Field(foreign_key="article.id", index=True)
    anchor_date_start: date
    anchor_date_end: date
    anchor_evidence: str
    status: str = Field(default="unreviewed", index=True)
    starred: bool = Field(default=False, index=True)
    note: str = ""
    updated_at: datetime
    revision: int = 0
    """Bumped by every change: a client that saw an older revision must not overwrite a newer one."""
    corrected_date_start: date | None = None
    corrected_date_end: date | None = None
    corrected_precision: str | None = None
    corrected_type: str | None = None
    corrected_location: str | None = None
    corrected_actors: str | None = None
    """Actor names joined by "; ", replacing the extracted actors when set."""


class AnnotationTag(SQLModel, table=True):
    """One tag on one annotation."""

    annotation_id: int = Field(foreign_key="annotation.id", primary_key=True)
    tag: str = Field(primary_key=True, index=True)


class SplitPair(SQLModel, table=True):
    """Two mentions a researcher split apart; clustering never puts them together again."""

    mention_a: int = Field(primary_key=True)
    mention_b: int = Field(primary_key=True)


class SavedView(SQLModel, table=True):
    """A named filter set a researcher can recall."""

    name: str = Field(primary_key=True)
    filters: str
    """The filters as JSON."""


STATUSES = ("unreviewed", "confirmed", "rejected")
PRECISIONS = ("day", "month", "year")
MANUAL_EXTRACTOR = "manual"
"""The extractor version of mentions a researcher added by hand; re-extraction keeps them."""
