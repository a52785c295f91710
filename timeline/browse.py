"""Read functions for browsing: facets, months, the evidence in context, an article with its
events, and suggestions for autocompletion."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import String, func
from sqlmodel import Session, col, select

from timeline.models import Actor, Article, Event, EventActor, Mention
from timeline.queries import EventFilters, EventRow, FacetCount, filtered_select, load_related, to_row


def facet_counts(
    session: Session, facet: Literal["year", "type", "country", "language", "source"]
) -> list[FacetCount]:
    """Count events by one field, most frequent first."""
    if facet == "year":
        key: Any = func.substr(func.cast(col(Event.date_start), String), 1, 4)
        statement = select(key, func.count()).select_from(Event)
    elif facet == "type":
        key = col(Event.event_type)
        statement = select(key, func.count()).select_from(Event)
    elif facet == "country":
        key = col(Actor.code)
        statement = (
            select(key, func.count())
            .select_from(EventActor)
            .join(Actor, col(Actor.id) == col(EventActor.actor_id))
            .where(col(Actor.kind) == "country")
        )
    else:
        key = (
            col(Article.language) if facet == "language" else func.coalesce(col(Article.outlet), "(unknown)")
        )
        statement = (
            select(key, func.count())
            .select_from(Event)
            .join(Article, col(Article.id) == col(Event.article_id))
        )
    rows = session.exec(statement.group_by(key)).all()
    counts = [FacetCount(str(value), int(count)) for value, count in rows]
    return sorted(counts, key=lambda facet_count: (-facet_count.count, facet_count.value))


def month_counts(session: Session, filters: EventFilters | None = None) -> list[FacetCount]:
    """Events per month (YYYY-MM) for the current filters, in calendar order."""
    month = func.substr(func.cast(col(Event.date_start), String), 1, 7)
    statement = (
        filtered_select(session, filters or EventFilters())
        .with_only_columns(month, func.count())
        .group_by(month)
    )
    return [FacetCount(str(value), int(count)) for value, count in session.exec(statement).all()]


@dataclass(frozen=True)
class EvidenceContext:
    """An event's evidence in its paragraph, with offsets relative to the paragraph."""

    paragraph: str
    sentence: tuple[int, int]
    date_expression: tuple[int, int]
    derivation: str
    date_text: str


def evidence_context(session: Session, event_id: int) -> EvidenceContext | None:
    """Return the paragraph around an event's first mention, for highlighting."""
    found = session.exec(
        select(Mention, Article)
        .join(Article, col(Article.id) == col(Mention.article_id))
        .where(Mention.event_id == event_id)
        .order_by(col(Mention.id))
    ).first()
    if found is None:
        return None
    mention, article = found
    text_ = article.text
    start = text_.rfind("\n\n", 0, mention.sentence_char_start)
    start = 0 if start < 0 else start + 2
    end = text_.find("\n\n", mention.sentence_char_end)
    end = len(text_) if end < 0 else end
    return EvidenceContext(
        paragraph=text_[start:end],
        sentence=(mention.sentence_char_start - start, mention.sentence_char_end - start),
        date_expression=(mention.date_char_start - start, mention.date_char_end - start),
        derivation=mention.date_derivation,
        date_text=mention.date_text,
    )


@dataclass(frozen=True)
class MarkedEvent:
    """Where one event's evidence and date expression sit in its article."""

    event_id: int
    sentence: tuple[int, int]
    date_expression: tuple[int, int]
    summary: str


@dataclass(frozen=True)
class ArticleView:
    """An article with all its events marked, for the article screen."""

    article_id: int
    title: str
    outlet: str | None
    published: date | None
    url: str | None
    source: str
    text: str
    events: list[MarkedEvent]


def article_view(session: Session, article_id: int) -> ArticleView | None:
    """The article's text and where each of its events is, in text order."""
    article = session.get(Article, article_id)
    if article is None or article.id is None:
        return None
    rows = session.exec(
        select(Mention, Event)
        .join(Event, col(Event.id) == col(Mention.event_id))
        .where(Mention.article_id == article_id)
        .order_by(col(Mention.sentence_char_start), col(Mention.id))
    ).all()
    marks = [
        MarkedEvent(
            mention.event_id,
            (mention.sentence_char_start, mention.sentence_char_end),
            (mention.date_char_start, mention.date_char_end),
            event.summary,
        )
        for mention, event in rows
    ]
    return ArticleView(
        article.id,
        article.title,
        article.outlet,
        article.published,
        article.url,
        article.source,
        article.text,
        marks,
    )


def article_events(session: Session, article_id: int) -> list[EventRow]:
    """The events of one article, in date order."""
    statement = filtered_select(session, EventFilters()).where(col(Event.article_id) == article_id)
    results = session.exec(statement.order_by(col(Event.date_start), col(Event.id))).all()
    related = load_related(session, [row.event_id for row in results])
    return [to_row(row, related) for row in results]


def actor_suggestions(session: Session) -> list[str]:
    """Actor names and codes in the database, with the gazetteer's other names for them."""
    from timeline.extraction.gazetteer import load_gazetteer

    rows = session.exec(select(Actor.name, Actor.code)).all()
    names = {name for name, _ in rows} | {code for _, code in rows if code}
    aliases = load_gazetteer().aliases
    for name, _ in rows:
        names.update(aliases.get(name, ()))
    return sorted(names, key=str.casefold)


def country_codes(session: Session) -> list[str]:
    """Country codes that appear in events."""
    statement = (
        select(Actor.code)
        .where(col(Actor.kind) == "country", col(Actor.id).in_(select(EventActor.actor_id)))
        .distinct()
    )
    return sorted(code for code in session.exec(statement).all() if code)


def distinct_values(session: Session, field: Literal["language", "outlet", "event_type"]) -> list[str]:
    """Values in use for a field, for pick lists."""
    columns: dict[str, Any] = {
        "language": Article.language,
        "outlet": Article.outlet,
        "event_type": Event.event_type,
    }
    column = columns[field]
    return sorted(value for value in session.exec(select(column).distinct()).all() if value)
