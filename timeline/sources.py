"""Counting an event's distinct sources: outlets, with a wire story that several outlets
republished near-verbatim counted once.

An event reported by hundreds of articles is derived again each time one more arrives, so the
grouping of its articles is remembered per event and only extended with the newcomers; article
openings and text comparisons are remembered too (texts never change).
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import count
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz
from sqlalchemy import Row, bindparam, func
from sqlmodel import Session, col, select

from timeline.models import Article

REPUBLISHED_SIMILARITY = 90
"""Article openings this similar (rapidfuzz ratio, 0-100) are one story republished."""
SOURCE_TEXT_SAMPLE = 1000
"""Characters of each article compared: a republished wire story keeps its lead (two or three
paragraphs) while outlets trim or extend what follows, and the comparison costs the square of
this length."""
REMEMBERED_EVENTS = 5_000
REMEMBERED_SAMPLES = 1_000
"""About 1 MB of article openings at most: memory stays flat however large the archive."""
REMEMBERED_COMPARISONS = 20_000


@dataclass(slots=True)
class _Grouping:
    """An event's first `seen` articles (ascending ids) grouped by source: each group's outlets
    and the article whose text stands for it. Their ids are kept as a fingerprint only (the ids
    themselves took megabytes across thousands of remembered events)."""

    seen: int = 0
    fingerprint: int = hash(())
    groups: list[tuple[list[str], int]] = field(default_factory=list)
    """Outlets in lists of interned names: a group has one or two, and sets of them took
    megabytes too."""


_GROUPINGS: OrderedDict[tuple[int, int], _Grouping] = OrderedDict()
_SAMPLES: OrderedDict[tuple[int, int], str] = OrderedDict()
_REPUBLISHED: OrderedDict[tuple[int, int, int], bool] = OrderedDict()
_ENGINES: WeakKeyDictionary[object, int] = WeakKeyDictionary()
"""A serial number per open engine: what is remembered of one database never applies to another,
even one later created at the same path."""
_SERIALS = count()


def count_sources(session: Session, event_id: int, articles: Sequence[Row]) -> int:
    """Distinct sources among an event's articles (rows with id, outlet, url, source), given in
    ascending id order."""
    if len(articles) == 1:
        return 1  # most events; nothing to remember
    database = _database(session)
    ids = [article.id for article in articles]
    grouping = _GROUPINGS.pop((database, event_id), None)
    if grouping is None or grouping.fingerprint != hash(tuple(ids[: grouping.seen])):
        grouping = _Grouping()
    for article in articles[grouping.seen :]:
        _place(session, database, grouping, article)
    grouping.seen, grouping.fingerprint = len(ids), hash(tuple(ids))
    _remember(_GROUPINGS, (database, event_id), grouping, REMEMBERED_EVENTS)
    return max(1, len(grouping.groups))


def remember_opening(session: Session, article_id: int, text: str) -> None:
    """Remember the opening of an article being stored (the next events it reports compare it)."""
    _remember(_SAMPLES, (_database(session), article_id), text[:SOURCE_TEXT_SAMPLE], REMEMBERED_SAMPLES)


def _database(session: Session) -> int:
    engine = session.get_bind()
    if engine not in _ENGINES:
        _ENGINES[engine] = next(_SERIALS)
    return _ENGINES[engine]


def forget() -> None:
    """Drop everything remembered: after a rollback, ids may be given again to other articles
    and events."""
    _GROUPINGS.clear()
    _SAMPLES.clear()
    _REPUBLISHED.clear()


def _outlet_of(article: Row) -> str:
    """The outlet an article counts for: its outlet name, else its URL or file."""
    return sys.intern((article.outlet or article.url or article.source or "").casefold())


def _place(session: Session, database: int, grouping: _Grouping, article: Row) -> None:
    outlet = _outlet_of(article)
    for outlets, _ in grouping.groups:
        if outlet in outlets:
            return
    for outlets, representative in grouping.groups:
        if _republished(session, database, representative, article.id):
            outlets.append(outlet)
            return
    grouping.groups.append(([outlet], article.id))


def _republished(session: Session, database: int, first: int, second: int) -> bool:
    key = (database, first, second)
    if key in _REPUBLISHED:
        _REPUBLISHED.move_to_end(key)
    else:
        texts = _openings(session, database, [first, second])
        similar = bool(fuzz.ratio(texts[0], texts[1], score_cutoff=REPUBLISHED_SIMILARITY))
        _remember(_REPUBLISHED, key, similar, REMEMBERED_COMPARISONS)
    return _REPUBLISHED[key]


_OPENING_QUERY = select(func.substr(Article.text, 1, SOURCE_TEXT_SAMPLE)).where(
    col(Article.id) == bindparam("id")
)
"""Built once: a large archive reads openings again tens of thousands of times, and building
(and compiling) a query each time cost ten times the reading."""


def _openings(session: Session, database: int, article_ids: list[int]) -> list[str]:
    found = []
    for article_id in article_ids:
        key = (database, article_id)
        if key in _SAMPLES:
            _SAMPLES.move_to_end(key)
            found.append(_SAMPLES[key])
            continue
        text = session.connection().execute(_OPENING_QUERY, {"id": article_id}).scalar()
        if text is not None:  # an article not stored (any more) has no opening to remember
            _remember(_SAMPLES, key, text, REMEMBERED_SAMPLES)
        found.append(text or "")
    return found


def _remember(memory: OrderedDict, key: object, value: object, limit: int) -> None:
    memory[key] = value
    if len(memory) > limit:
        memory.popitem(last=False)
