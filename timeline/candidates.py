"""The stored mentions clustering compares a new mention with, held in memory by date,
precision, country and type and kept current as mentions are added and events merged. They are
read from the database in buckets a mention needs whole: the one-day mentions of a day (a mention
only needs the days around its own), the ranges of days overlapping a month, the month-precision
mentions of one type overlapping a month (a vague date only matches its own type) and the
year-precision mentions of one type and year (which only ever match their very year). Memory
stays bounded by letting the least recently read buckets go.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from sqlmodel import Session

from timeline.extraction import ExtractedMention
from timeline.stored_mentions import (
    StoredMention,
    first_day,
    last_day,
    load_days,
    load_month,
    load_year,
    months_of,
    read_evidence,
)

Kept = dict[StoredMention, None]
"""Candidates found so far, each once, in the order found (a mention is one object, hashed by
identity: see `CandidateIndex._hold`)."""

SHORTEST_YEAR = timedelta(days=364)
"""A year-precision mention matches only another of the very same year (see `_score`): only a
mention spanning a whole year needs them."""


@dataclass(slots=True)
class _Dated:
    """The stored mentions of one date or range (and precision), also by the countries they
    name: on a busy day a mention only needs those sharing one of its countries (and, on its
    very dates, those naming none). A vague date only needs those of its type, picked out when
    asked: indexing by type as well took a fifth of the memory a held mention costs."""

    every: list[StoredMention] = field(default_factory=list)
    nameless: list[StoredMention] = field(default_factory=list)
    by_country: dict[str, list[StoredMention]] = field(default_factory=dict)

    def add(self, record: StoredMention) -> None:
        self.every.append(record)
        if not record.countries:
            self.nameless.append(record)
        for code in record.countries:
            if code in self.by_country:
                self.by_country[code].append(record)
            else:
                self.by_country[code] = [record]

    def keep_possible(
        self, kept: Kept, same_dates: bool, countries: frozenset[str], kind: str | None
    ) -> None:
        """Add the mentions that may match one of these dates and countries, of type `kind` when
        given (see `_score`)."""
        if not countries:
            if same_dates:
                kept.update(dict.fromkeys(_of_kind(self.every, kind)))
            return
        by_country = self.by_country
        for code in countries:
            if code in by_country:
                kept.update(dict.fromkeys(_of_kind(by_country[code], kind)))
        if same_dates and self.nameless:
            kept.update(dict.fromkeys(_of_kind(self.nameless, kind)))


def _of_kind(records: list[StoredMention], kind: str | None) -> list[StoredMention]:
    return records if kind is None else [record for record in records if record.event_type == kind]


PRECISIONS = ("day", "month", "year")
BucketKey = date | tuple[int, int] | tuple[int, int, str] | tuple[date, date, str]
"""A day, a month (year, month) for ranges of days, a month and a type for month-precision
mentions, or a year's first and last day and a type (see `_bucket_keys`)."""


@dataclass
class _Bucket:
    """A bucket of stored mentions: one-day mentions of day precision by day, others by range
    and precision."""

    first: date
    last: date
    days: dict[date, _Dated] = field(default_factory=dict)
    spans: dict[tuple[date, date, str], _Dated] = field(default_factory=dict)
    size: int = 0
    spared: bool = False
    """Passed over once when memory was made, for costing much to read again (see
    `CandidateIndex._make_room`); cleared when read from."""

    def records(self) -> Iterator[StoredMention]:
        """Every mention held for the month (a range's once per range)."""
        for dated in (*self.days.values(), *self.spans.values()):
            yield from dated.every

    def keep_range(self, kept: Kept, start: date, end: date, countries: frozenset[str], kind: str) -> None:
        """Add the mentions of exactly these dates that may match (see `_Dated.keep_possible`)."""
        for precision in PRECISIONS:
            dated = self.spans.get((start, end, precision))
            if dated is not None:
                dated.keep_possible(kept, True, countries, kind)

    def add(self, record: StoredMention) -> None:
        self.size += 1
        if _is_one_day(record):
            self.days.setdefault(record.date_start, _Dated()).add(record)
        else:
            key = (record.date_start, record.date_end, record.precision)
            self.spans.setdefault(key, _Dated()).add(record)


MOST_HELD = 100_000
"""Stored mentions held in memory at most (about 35 MB, some 350 bytes each): past it the least
recently read buckets go. On 5,000 articles, 60,000 wrote as fast and saved 4 MB of peak RSS,
20,000 took twice the time."""
COSTLY_BUCKET = 500
"""Buckets of this many mentions or more (a range a whole archive repeats, "d'ici la fin de
l'année") are passed over once when the least recently read are let go: reading them again
costs far more than reading the small ones behind them."""
EVIDENCE_HELD = 5_000
"""Evidence sentences held at most, those of the latest mentions stored or compared. Few
candidates get as far as the text comparison (fewer than one per new mention), mostly recent
ones, so the candidates themselves hold no sentence: that took a third of their memory."""


class CandidateIndex:
    """Stored mentions by day, month, precision and type, each bucket read from the database
    once, then kept current as mentions are added and events merged.

    It is valid for the transaction it was filled in; a writer may carry it into its next
    transaction only when nobody else wrote in between (see `sqlite_features.data_version`).
    """

    def __init__(self, session: Session, day_tolerance: int) -> None:
        self.session = session
        self._slack = timedelta(days=day_tolerance)
        self._buckets: OrderedDict[BucketKey, _Bucket] = OrderedDict()
        self._held: dict[int, StoredMention] = {}
        self._by_event: dict[int, StoredMention | list[StoredMention]] = {}
        """The held mentions of each event: most events have one, held without a list (a list
        per event took a fifth of a held mention's memory)."""
        self._shared: dict[object, object] = {}
        self._forwarded: dict[int, int] = {}
        """Merged events whose mentions the database does not show moved yet: dropped → kept."""
        self._evidence: OrderedDict[int, str] = OrderedDict()
        self._let_go_days: set[date] = set()
        """Days whose bucket was let go once (see `_days`)."""

    def near(self, extracted: ExtractedMention, countries: frozenset[str]) -> list[StoredMention]:
        """The stored mentions that may report the same happening as this mention (of these
        countries): those of the same dates whose countries do not differ, and those overlapping
        the dates widened by the day tolerance that share a country (a looser date needs the same
        parties); a pair of dates one of which is vague also needs the same type (see `_score`)."""
        start, end = extracted.date_start, extracted.date_end
        low, high = start - self._slack, end + self._slack
        vague = extracted.precision != "day"
        if vague and extracted.event_type == "other":
            return []
        kind = extracted.event_type if vague else None
        seen: Kept = {}
        if end - start >= SHORTEST_YEAR and extracted.event_type != "other":
            year = self._bucket((start, end, extracted.event_type))
            year.keep_range(seen, start, end, countries, extracted.event_type)
        if extracted.precision == "year":  # nothing but its very year can match it
            for month in months_of(start, end)[:1]:
                for held in self._longer(month, extracted.event_type):
                    held.keep_range(seen, start, end, countries, extracted.event_type)
            return list(seen)
        for month in months_of(low, high):
            ranges = self._bucket(month)
            for day in self._days(max(low, ranges.first), min(high, ranges.last), countries):
                dated = day.days.get(day.first)
                if dated is not None:
                    dated.keep_possible(seen, day.first == start == end, countries, kind)
            for held in self._longer(month, extracted.event_type):
                for (first, last, precision), dated in held.spans.items():
                    if first <= high and last >= low:
                        of_kind = kind if precision == "day" else extracted.event_type
                        dated.keep_possible(seen, first == start and last == end, countries, of_kind)
        return list(seen)

    def _longer(self, month: tuple[int, int], kind: str) -> list[_Bucket]:
        """The buckets of a month's mentions longer than a day that a mention of this type may
        match: ranges of days, and month-precision mentions of its type (not of type "other")."""
        if kind == "other":
            return [self._bucket(month)]
        return [self._bucket(month), self._bucket((*month, kind))]

    def add(self, record: StoredMention, evidence: str) -> None:
        """Hold a newly stored mention in its day, or every month (or its year), if already read
        (otherwise it is read with them: held in none, it would never be let go)."""
        self._remember_evidence(record.id, evidence)
        record.event_id = self._current(record.event_id)
        held = [self._buckets[key] for key in _bucket_keys(record) if key in self._buckets]
        if held:
            self._hold(record)
        for bucket in held:
            bucket.add(record)
        self._make_room()

    def evidence(self, record: StoredMention) -> str:
        """A stored mention's evidence sentence, read from the database unless held."""
        held = self._evidence.get(record.id)
        if held is None:
            held = read_evidence(self.session, record.id)
            self._remember_evidence(record.id, held)
        else:
            self._evidence.move_to_end(record.id)
        return held

    def _remember_evidence(self, mention_id: int, evidence: str) -> None:
        self._evidence[mention_id] = evidence
        if len(self._evidence) > EVIDENCE_HELD:
            self._evidence.popitem(last=False)

    def merged(self, kept_event: int, dropped_event: int) -> None:
        """Follow a merge: mentions of the dropped event now belong to the kept one (also those read
        from the database before the writer stores the merge)."""
        self._forwarded[dropped_event] = kept_event
        moved = self._by_event.pop(dropped_event, [])
        for record in moved if isinstance(moved, list) else [moved]:
            record.event_id = kept_event
            self._follow(record)

    def joined_near(self, placed: Sequence[StoredMention], start: date, end: date) -> set[int]:
        """The events (as merged since) that mentions not yet stored joined, near these dates."""
        low, high = start - self._slack, end + self._slack
        return {self._current(r.event_id) for r in placed if r.date_start <= high and r.date_end >= low}

    def merges_stored(self) -> None:
        """The database now shows every merge followed so far."""
        self._forwarded.clear()

    def _bucket(self, key: BucketKey) -> _Bucket:
        """A day's one-day mentions, a month's longer ones, or a year's year-precision mentions
        of one type (keyed by its first and last day and the type), read from the database on
        first use."""
        if key in self._buckets:
            self._buckets.move_to_end(key)
            held = self._buckets[key]
            held.spared = False
            return held
        self._make_room()
        if isinstance(key, date):
            return self._days(key, key)[0]
        if isinstance(key[0], date):
            first, last, kind = key  # type: ignore[misc]
            held, records = _Bucket(first, last), load_year(self.session, self._held, first, last, kind)
        else:
            month = (key[0], key[1])
            held = _Bucket(first_day(month), last_day(month))  # type: ignore[arg-type]
            kind = key[2] if len(key) == 3 else None  # type: ignore[misc]
            records = load_month(self.session, self._held, month, kind)  # type: ignore[arg-type]
        for record in records:
            held.add(self._hold(record))
        self._buckets[key] = held
        return held

    def _days(self, first: date, last: date, countries: frozenset[str] = frozenset()) -> list[_Bucket]:
        """The buckets of the days between these, in order; those not held are read in one
        query. A day let go before is only read for the mentions that may match one of these
        countries (see `_Dated.keep_possible`), and not held: a day that old is asked for now
        and then, by a mention of a past happening, and reading it whole, then letting go of
        another, cost most of the writing of a large archive."""
        buckets, days = self._buckets, _dates(first, last)
        found: dict[date, _Bucket] = {}
        for day in days:
            held = buckets.get(day)
            if held is not None:
                buckets.move_to_end(day)
                held.spared = False
                found[day] = held
        past = [day for day in days if day not in found and day in self._let_go_days] if countries else []
        if past:
            found.update(self._read_days(past, countries))
        if len(found) < len(days):
            self._make_room()
            missing = [day for day in days if day not in found]
            read = self._read_days(missing)
            buckets.update(read)
            found.update(read)
        return [found[day] for day in days]

    def _read_days(self, days: list[date], countries: frozenset[str] | None = None) -> dict[date, _Bucket]:
        """Days read from the database: whole and held, or only the mentions naming one of
        `countries` or none, not held."""
        read = {day: _Bucket(day, day) for day in days}
        for record in load_days(self.session, self._held, days[0], days[-1], countries):
            if record.date_start in read:
                if countries is None:
                    record = self._hold(record)
                elif record.id not in self._held:
                    record.event_id = self._current(record.event_id)
                read[record.date_start].add(record)
        return read

    def _make_room(self) -> None:
        """Let the least recently read days and months go while too many mentions are held (the
        database still has them): memory stays flat however large the archive."""
        while len(self._held) > MOST_HELD and len(self._buckets) > 1:
            key, dropped = self._buckets.popitem(last=False)
            if isinstance(key, date):
                self._let_go_days.add(key)
            if dropped.size >= COSTLY_BUCKET and not dropped.spared:
                dropped.spared = True
                self._buckets[key] = dropped
                continue
            for record in dropped.records():
                if record.id in self._held and not any(key in self._buckets for key in _bucket_keys(record)):
                    del self._held[record.id]
                    self._let_go(record)

    def _let_go(self, record: StoredMention) -> None:
        """Stop following a mention's event (and the event, once none of its mentions is held)."""
        followed = self._by_event[record.event_id]
        if not isinstance(followed, list):  # its only held mention
            del self._by_event[record.event_id]
            return
        followed.remove(record)
        if len(followed) == 1:
            self._by_event[record.event_id] = followed[0]

    def _current(self, event_id: int) -> int:
        while event_id in self._forwarded:
            event_id = self._forwarded[event_id]
        return event_id

    def _share_values(self, record: StoredMention) -> None:
        """Hold equal values once: tens of thousands of mentions share a few hundred dates,
        country sets and places (this halves the memory a mention takes)."""
        shared = self._shared
        record.date_start = shared.setdefault(record.date_start, record.date_start)
        record.date_end = shared.setdefault(record.date_end, record.date_end)
        record.countries = shared.setdefault(record.countries, record.countries)
        record.location = record.location and sys.intern(record.location)
        record.language = sys.intern(record.language)
        record.precision = sys.intern(record.precision)
        record.event_type = sys.intern(record.event_type)

    def _hold(self, record: StoredMention) -> StoredMention:
        """One object per mention, whichever months it spans, so a merge updates it once."""
        held = self._held.get(record.id)
        if held is None:
            self._held[record.id] = held = record
            record.event_id = self._current(record.event_id)
            self._share_values(record)
            self._follow(record)
        return held

    def _follow(self, record: StoredMention) -> None:
        """Follow a held mention's event (see `merged`)."""
        followed = self._by_event.get(record.event_id)
        if followed is None:
            self._by_event[record.event_id] = record
        elif isinstance(followed, list):
            followed.append(record)
        else:
            self._by_event[record.event_id] = [followed, record]


def _bucket_keys(record: StoredMention) -> list[BucketKey]:
    """Where a mention is held: its day if it is a day, its year and type if of year precision,
    else each month it spans (with its type if of month precision)."""
    if _is_one_day(record):
        return [record.date_start]
    if record.precision == "year":
        return [(record.date_start, record.date_end, record.event_type)]
    months = months_of(record.date_start, record.date_end)
    if record.precision == "month":
        return [(*month, record.event_type) for month in months]
    return list(months)


def _is_one_day(record: StoredMention) -> bool:
    return record.date_start == record.date_end and record.precision == "day"


@lru_cache(maxsize=4096)
def _dates(first: date, last: date) -> tuple[date, ...]:
    """The days from `first` to `last` (asked for again and again: each mention needs its days)."""
    return tuple(first + timedelta(days=offset) for offset in range((last - first).days + 1))
