"""Stored mentions as clustering compares them, read from the database in the buckets the
candidate index holds (see `candidates`): a day's one-day mentions, the ranges of days
overlapping a month, a month's month-precision mentions of one type, a year's of one type; and
of days let go, only the one-day mentions naming some countries (or none).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Exists, Select, bindparam, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from timeline.models import Actor, Article, Mention, MentionActor


@dataclass(slots=True, eq=False)
class StoredMention:
    """An already stored mention, as clustering compares it (no ORM object: thousands are held;
    one object per mention, compared by identity). Its evidence sentence is not held with it
    (see `CandidateIndex.evidence`)."""

    id: int
    event_id: int
    article_id: int
    language: str
    date_start: date
    date_end: date
    precision: str
    event_type: str
    location: str | None
    countries: frozenset[str]


LONGEST_RANGE = timedelta(days=400)
"""Stored mentions spanning longer than this are not candidates: a range of more than a year
cannot pin a happening down (a year-precision date already scores nothing)."""


def months_of(start: date, end: date) -> list[tuple[int, int]]:
    if end - start > LONGEST_RANGE:
        return []
    months, (year, month) = [], (start.year, start.month)
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def first_day(month: tuple[int, int]) -> date:
    return date(*month, 1)


def last_day(month: tuple[int, int]) -> date:
    return date(month[0] + (month[1] == 12), month[1] % 12 + 1, 1) - timedelta(days=1)


_MENTION_COLUMNS = (
    Mention.id,
    Mention.event_id,
    Mention.article_id,
    Article.language,
    Mention.date_start,
    Mention.date_end,
    Mention.precision,
    Mention.event_type,
    Mention.location,
)
_IN_MONTH = (
    col(Mention.date_start) <= bindparam("last"),
    col(Mention.date_start) >= bindparam("earliest"),
    col(Mention.date_end) >= bindparam("first"),
)
_RANGES_IN_MONTH = (
    *_IN_MONTH,
    col(Mention.precision).not_in(("month", "year")),
    or_(col(Mention.date_end) != col(Mention.date_start), col(Mention.precision) != "day"),
)
_OF_TYPE_IN_MONTH = (
    *_IN_MONTH,
    col(Mention.precision) == "month",
    col(Mention.event_type) == bindparam("kind"),
)
_ONE_DAY_IN = (
    col(Mention.date_start) >= bindparam("first"),
    col(Mention.date_start) <= bindparam("last"),
    col(Mention.date_end) == col(Mention.date_start),
    col(Mention.precision) == "day",
)
_OF_YEAR = (
    col(Mention.date_start) == bindparam("first"),
    col(Mention.date_end) == bindparam("last"),
    col(Mention.precision) == "year",
    col(Mention.event_type) == bindparam("kind"),
)


def load_month(
    session: Session, known: Mapping[int, StoredMention], month: tuple[int, int], kind: str | None
) -> list[StoredMention]:
    """The ranges of days overlapping a month, or its month-precision mentions of a type."""
    first, last = first_day(month), last_day(month)
    bounds = {"first": first, "last": last, "earliest": first - LONGEST_RANGE}
    if kind is None:
        return _load(session, known, _RANGES_QUERIES, bounds)
    return _load(session, known, _OF_TYPE_QUERIES, {**bounds, "kind": kind})


def load_days(
    session: Session,
    known: Mapping[int, StoredMention],
    first: date,
    last: date,
    codes: frozenset[str] | None = None,
) -> list[StoredMention]:
    """The one-day mentions of day precision between two days; with `codes`, only those naming
    one of these countries or none."""
    if codes is None:
        return _load(session, known, _ONE_DAY_QUERIES, {"first": first, "last": last})
    bounds = {"first": first, "last": last, "codes": sorted(codes)}
    return _load(session, known, _ONE_DAY_SHARING_QUERIES, bounds)


def load_year(
    session: Session, known: Mapping[int, StoredMention], first: date, last: date, kind: str
) -> list[StoredMention]:
    return _load(session, known, _OF_YEAR_QUERIES, {"first": first, "last": last, "kind": kind})


def _queries(where: tuple) -> tuple[Select, Select]:
    """The countries named by the mentions meeting `where`, and those mentions (built once: a
    query built anew costs more than a day's reading)."""
    named = (
        select(MentionActor.mention_id, Actor.code)
        .join(Actor, col(Actor.id) == col(MentionActor.actor_id))
        .join(Mention, col(Mention.id) == col(MentionActor.mention_id))
        .where(*where, col(Actor.kind) == "country")
    )
    mentions = (
        select(*_MENTION_COLUMNS).join(Article, col(Article.id) == col(Mention.article_id)).where(*where)
    )
    return named, mentions


def _names_country(of_codes: bool) -> Exists:
    """Whether a mention (of the enclosing query) names a country, one of `codes` if asked;
    under aliases of its own, as the queries it is put in read mention actors and actors too."""
    named, actor = aliased(MentionActor), aliased(Actor)
    query = (
        select(named.mention_id)
        .join(actor, col(actor.id) == col(named.actor_id))
        .where(col(named.mention_id) == col(Mention.id), col(actor.kind) == "country")
    )
    if of_codes:
        query = query.where(col(actor.code).in_(bindparam("codes", expanding=True)))
    return query.exists()


_ONE_DAY_SHARING = (*_ONE_DAY_IN, or_(_names_country(of_codes=True), ~_names_country(of_codes=False)))
_RANGES_QUERIES = _queries(_RANGES_IN_MONTH)
_OF_TYPE_QUERIES = _queries(_OF_TYPE_IN_MONTH)
_ONE_DAY_QUERIES = _queries(_ONE_DAY_IN)
_OF_YEAR_QUERIES = _queries(_OF_YEAR)
_ONE_DAY_SHARING_QUERIES = _queries(_ONE_DAY_SHARING)


def _load(
    session: Session,
    known: Mapping[int, StoredMention],
    queries: tuple[Select, Select],
    bounds: dict[str, object],
) -> list[StoredMention]:
    """The stored mentions a pair of `_queries` reads, with the countries they name (those
    already held are not built again)."""
    connection = session.connection()
    named, mentions = queries
    countries: dict[int, set[str]] = {}
    for mention_id, code in connection.execute(named, bounds):
        if code:
            countries.setdefault(mention_id, set()).add(code)
    return [
        known.get(row[0]) or StoredMention(*row, countries=frozenset(countries.get(row[0], ())))
        for row in connection.execute(mentions, bounds)
    ]


_EVIDENCE_QUERY = select(Mention.evidence).where(col(Mention.id) == bindparam("id"))


def read_evidence(session: Session, mention_id: int) -> str:
    """A stored mention's evidence sentence."""
    return session.connection().execute(_EVIDENCE_QUERY, {"id": mention_id}).scalar_one()
