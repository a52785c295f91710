"""Consolidation: a new mention joins the existing event that reports the same happening.

Candidates share a compatible date (same day, a day inside a month, or one day apart across
time zones and "hier" reporting), overlapping countries, compatible types and, when both have
one, the same place; the text of the evidence (or, across languages, the normalised summary)
confirms. Every threshold lives in `THRESHOLDS`, and every merge keeps its reason.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from rapidfuzz import fuzz
from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from timeline.extraction import ExtractedMention
from timeline.models import Actor, Article, Mention, MentionActor

TYPE_FAMILIES = (
    frozenset({"meeting", "visit", "summit", "call"}),
    frozenset({"accusation", "rupture", "sanction", "statement"}),
    frozenset({"agreement", "cooperation", "appointment", "recognition"}),
)


@dataclass(frozen=True)
class Thresholds:
    """Every knob of the clustering, in one place."""

    day_tolerance: int = 1
    minimum_score: float = 0.62
    weights: tuple[float, float, float, float, float] = (0.35, 0.25, 0.1, 0.1, 0.2)
    """Weights of date, countries, type, place and text in the score."""
    country_free_text_minimum: float = 0.8
    """Without countries on both sides, the evidence sentences must be this alike."""
    loose_date_text_minimum: float = 0.35
    """A neighbouring day or a day inside a month also needs this much textual agreement."""
    coarse_text_minimum: float = 0.6
    """Month- or year-precision mentions must agree this much in wording (same language)."""
    cross_language_text: float = 0.5
    """The text score given when the mentions are in different languages."""


THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class MergeReason:
    """Why a mention joined an event: each field's agreement and the overall score."""

    event_id: int
    score: float
    date: float
    countries: float
    type: float
    place: float
    text: float

    def to_json(self) -> str:
        """The reason as stored beside the mention."""
        return json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in vars(self).items()})


@dataclass(slots=True)
class StoredMention:
    """An already stored mention, as clustering compares it (no ORM object: thousands are held)."""

    id: int
    event_id: int
    article_id: int
    language: str
    date_start: date
    date_end: date
    precision: str
    event_type: str
    location: str | None
    evidence: str
    countries: frozenset[str]


ONE_DAY = timedelta(days=1)
LONGEST_RANGE = timedelta(days=400)
"""Stored mentions spanning longer than this are not candidates: a range of more than a year
cannot pin a happening down (a year-precision date already scores nothing)."""


@dataclass
class _Dated:
    """The stored mentions of one date or range (and precision), also by the countries they
    name and by type: on a busy day a mention only needs those sharing one of its countries
    (and, on its very dates, those naming none), and a vague date only those of its type."""

    by_type: dict[str | None, list[StoredMention]] = field(default_factory=dict)
    """Every mention under None, and under its type."""
    nameless: dict[str | None, list[StoredMention]] = field(default_factory=dict)
    by_country: dict[tuple[str, str | None], list[StoredMention]] = field(default_factory=dict)

    def add(self, record: StoredMention) -> None:
        for kind in (None, record.event_type):
            self.by_type.setdefault(kind, []).append(record)
            if not record.countries:
                self.nameless.setdefault(kind, []).append(record)
            for code in record.countries:
                self.by_country.setdefault((code, kind), []).append(record)

    def keep_possible(
        self, kept: dict[int, StoredMention], same_dates: bool, countries: frozenset[str], kind: str | None
    ) -> None:
        """Add the mentions that may match one of these dates and countries, of type `kind` when
        given (see `_score`)."""
        if not countries:
            if same_dates:
                kept.update((record.id, record) for record in self.by_type.get(kind, ()))
            return
        for code in countries:
            kept.update((record.id, record) for record in self.by_country.get((code, kind), ()))
        if same_dates:
            kept.update((record.id, record) for record in self.nameless.get(kind, ()))


@dataclass
class _Month:
    """A month's stored mentions: one-day mentions of day precision by day (most of them),
    others by range and precision."""

    first: date
    last: date
    days: dict[date, _Dated] = field(default_factory=dict)
    spans: dict[tuple[date, date, str], _Dated] = field(default_factory=dict)

    def records(self) -> Iterator[StoredMention]:
        """Every mention held for the month (a range's once per range)."""
        for dated in (*self.days.values(), *self.spans.values()):
            yield from dated.by_type.get(None, ())

    def add(self, record: StoredMention) -> None:
        if record.date_start == record.date_end and record.precision == "day":
            self.days.setdefault(record.date_start, _Dated()).add(record)
        else:
            key = (record.date_start, record.date_end, record.precision)
            self.spans.setdefault(key, _Dated()).add(record)


MOST_HELD = 50_000
"""Stored mentions held in memory at most (about 60 MB): past it the least recently read months go."""


class CandidateIndex:
    """Stored mentions by month and day, each month read from the database once, then kept
    current as mentions are added and events merged.

    It is valid for the transaction it was filled in; a writer may carry it into its next
    transaction only when nobody else wrote in between (see `sqlite_features.data_version`).
    """

    def __init__(self, session: Session, thresholds: Thresholds = THRESHOLDS) -> None:
        self.session = session
        self._slack = timedelta(days=thresholds.day_tolerance)
        self._months: OrderedDict[tuple[int, int], _Month] = OrderedDict()
        self._held: dict[int, StoredMention] = {}
        self._by_event: dict[int, list[StoredMention]] = {}
        self._forwarded: dict[int, int] = {}
        """Merged events whose mentions the database does not show moved yet: dropped → kept."""

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
        seen: dict[int, StoredMention] = {}
        for month in _months(low, high):
            held = self._month(month)
            day, last_day = max(low, held.first), min(high, held.last)
            while day <= last_day:
                if day in held.days:
                    held.days[day].keep_possible(seen, day == start == end, countries, kind)
                day += ONE_DAY
            for (first, last, precision), dated in held.spans.items():
                if first <= high and last >= low and (precision == "day" or extracted.event_type != "other"):
                    of_kind = kind if precision == "day" else extracted.event_type
                    dated.keep_possible(seen, first == start and last == end, countries, of_kind)
        return list(seen.values())

    def add(self, record: StoredMention) -> None:
        """Hold a newly stored mention in every month already read (others will read it)."""
        self._hold(record)
        for month in _months(record.date_start, record.date_end):
            if month in self._months:
                self._months[month].add(record)
        self._make_room()

    def merged(self, kept_event: int, dropped_event: int) -> None:
        """Follow a merge: mentions of the dropped event now belong to the kept one (also those read
        from the database before the writer stores the merge)."""
        self._forwarded[dropped_event] = kept_event
        moved = self._by_event.pop(dropped_event, [])
        for record in moved:
            record.event_id = kept_event
        self._by_event.setdefault(kept_event, []).extend(moved)

    def joined_near(self, placed: Sequence[StoredMention], start: date, end: date) -> set[int]:
        """The events (as merged since) that mentions not yet stored joined, near these dates."""
        low, high = start - self._slack, end + self._slack
        return {self._current(r.event_id) for r in placed if r.date_start <= high and r.date_end >= low}

    def merges_stored(self) -> None:
        """The database now shows every merge followed so far."""
        self._forwarded.clear()

    def _month(self, month: tuple[int, int]) -> _Month:
        if month in self._months:
            self._months.move_to_end(month)
        else:
            self._make_room()
            held = _Month(_first_day(month), _last_day(month))
            for record in _load_month(self.session, month):
                held.add(self._hold(record))
            self._months[month] = held
        return self._months[month]

    def _make_room(self) -> None:
        """Let the least recently read months go while too many mentions are held (the database
        still has them): memory stays flat however large the archive."""
        while len(self._held) > MOST_HELD and len(self._months) > 1:
            _, dropped = self._months.popitem(last=False)
            for record in dropped.records():
                if record.id in self._held and not any(
                    month in self._months for month in _months(record.date_start, record.date_end)
                ):
                    del self._held[record.id]
                    self._by_event[record.event_id].remove(record)

    def _current(self, event_id: int) -> int:
        while event_id in self._forwarded:
            event_id = self._forwarded[event_id]
        return event_id

    def _hold(self, record: StoredMention) -> StoredMention:
        """One object per mention, whichever months it spans, so a merge updates it once."""
        held = self._held.setdefault(record.id, record)
        if held is record:
            record.event_id = self._current(record.event_id)
            self._by_event.setdefault(record.event_id, []).append(record)
        return held


def _months(start: date, end: date) -> list[tuple[int, int]]:
    if end - start > LONGEST_RANGE:
        return []
    months, (year, month) = [], (start.year, start.month)
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _first_day(month: tuple[int, int]) -> date:
    return date(*month, 1)


def _last_day(month: tuple[int, int]) -> date:
    return date(month[0] + (month[1] == 12), month[1] % 12 + 1, 1) - timedelta(days=1)


_IN_MONTH = (
    col(Mention.date_start) <= bindparam("last"),
    col(Mention.date_start) >= bindparam("earliest"),
    col(Mention.date_end) >= bindparam("first"),
)
_MONTH_MENTIONS = (
    select(
        Mention.id,
        Mention.event_id,
        Mention.article_id,
        Article.language,
        Mention.date_start,
        Mention.date_end,
        Mention.precision,
        Mention.event_type,
        Mention.location,
        Mention.evidence,
    )
    .join(Article, col(Article.id) == col(Mention.article_id))
    .where(*_IN_MONTH)
)
_MONTH_COUNTRIES = (
    select(MentionActor.mention_id, Actor.code)
    .join(Actor, col(Actor.id) == col(MentionActor.actor_id))
    .join(Mention, col(Mention.id) == col(MentionActor.mention_id))
    .where(*_IN_MONTH, col(Actor.kind) == "country")
)


def _load_month(session: Session, month: tuple[int, int]) -> list[StoredMention]:
    first, last = _first_day(month), _last_day(month)
    bounds = {"first": first, "last": last, "earliest": first - LONGEST_RANGE}
    connection = session.connection()
    countries: dict[int, set[str]] = {}
    for mention_id, code in connection.execute(_MONTH_COUNTRIES, bounds):
        if code:
            countries.setdefault(mention_id, set()).add(code)
    return [
        StoredMention(*row, countries=frozenset(countries.get(row[0], ())))
        for row in connection.execute(_MONTH_MENTIONS, bounds)
    ]


def country_codes(extracted: ExtractedMention) -> frozenset[str]:
    """The ISO codes of the countries a mention names."""
    return frozenset(a.code for a in extracted.actors if a.kind == "country" and a.code)


def find_events(
    index: CandidateIndex,
    article_id: int,
    language: str,
    extracted: ExtractedMention,
    earlier: Sequence[StoredMention] = (),
    thresholds: Thresholds = THRESHOLDS,
) -> list[MergeReason]:
    """The existing events this mention reports, best first, each with its reason. `earlier` are
    the article's mentions placed before it and not yet stored: one article reports a happening
    once, so the events they joined on neighbouring dates are not candidates.

    A mention is compared with every stored mention of a compatible date (single linkage), so the
    result does not depend on which article of a happening came first; when it links several
    events, they are one happening and the caller merges them. The countries an event's mentions
    name around these dates must agree with the mention's too, and merged events' with each
    other: otherwise a mention naming one country ("Mali said…") would bridge every happening
    of that country into one event.
    """
    countries = country_codes(extracted)
    reported = index.near(extracted, countries)
    same_article = {r.event_id for r in reported if r.article_id == article_id}
    same_article |= index.joined_near(earlier, extracted.date_start, extracted.date_end)
    parties: dict[int, frozenset[str]] = {}
    for record in reported:
        parties[record.event_id] = parties.get(record.event_id, frozenset()) | record.countries
    best: dict[int, MergeReason] = {}
    for other in reported:
        if other.event_id in same_article or not parties_agree(countries, parties[other.event_id]):
            continue  # one article reports a happening once; two of its sentences are two happenings
        reason = _score(other, language, extracted, countries, thresholds)
        if reason is not None and (other.event_id not in best or reason.score > best[other.event_id].score):
            best[other.event_id] = reason
    ranked = sorted(best.values(), key=lambda reason: (-reason.score, reason.event_id))
    linked, named = ranked[:1], countries | parties[ranked[0].event_id] if ranked else countries
    for reason in ranked[1:]:
        if parties_agree(named, parties[reason.event_id]):
            linked.append(reason)
            named |= parties[reason.event_id]
    return linked


def parties_agree(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two sets of named countries may be one happening's: one names no country, one
    holds the other (a report naming fewer parties), or they share at least half of them."""
    if not first or not second or first <= second or second <= first:
        return True
    return len(first & second) / len(first | second) >= 0.5


def _score(
    other: StoredMention,
    language: str,
    extracted: ExtractedMention,
    countries: frozenset[str],
    thresholds: Thresholds,
) -> MergeReason | None:
    coarse = other.precision != "day" or extracted.precision != "day"
    if coarse and (other.event_type != extracted.event_type or other.event_type == "other"):
        return None  # "en 2023" and "in July" are vague: only the same type may make them one happening
    date_score = _date_agreement(other, extracted, thresholds)
    type_score = _type_agreement(other.event_type, extracted.event_type)
    place_score = _place_agreement(other.location, extracted.location)
    overlap = countries & other.countries
    if not (date_score and place_score and parties_agree(countries, other.countries)):
        return None
    both_named = bool(countries and other.countries)
    country_bound = len(overlap) / len(countries | other.countries) if both_named else 0.5
    if date_score < 1.0 and not (overlap and type_score >= 0.5):
        return None  # a neighbouring day or a day inside a longer range needs the same parties
    if coarse and country_bound < 0.5:
        return None  # and the same parties
    same_language = other.language == language
    best_text = 1.0 if same_language else thresholds.cross_language_text
    if (
        _weighted(thresholds, date_score, country_bound, type_score, place_score, best_text)
        < thresholds.minimum_score
    ):
        return None  # even identical wording could not make it: spare the text comparison
    text = (
        (
            fuzz.token_set_ratio(other.evidence, extracted.evidence, processor=str.casefold)
            + fuzz.token_sort_ratio(other.evidence, extracted.evidence, processor=str.casefold)
        )
        / 200
        if same_language
        else None  # across languages the normalised fields above carry the match
    )
    if both_named:
        country_score = country_bound
    elif text is not None and text >= thresholds.country_free_text_minimum:
        country_score = 0.5  # no countries to compare: the same sentence, nearly, must say it
    else:
        return None
    if date_score < 1.0 and text is not None and text < thresholds.loose_date_text_minimum:
        return None
    if coarse and text is not None and text < thresholds.coarse_text_minimum:
        return None
    text_score = text if text is not None else thresholds.cross_language_text
    score = _weighted(thresholds, date_score, country_score, type_score, place_score, text_score)
    if score < thresholds.minimum_score:
        return None
    return MergeReason(other.event_id, score, date_score, country_score, type_score, place_score, text_score)


def _weighted(
    thresholds: Thresholds, date_score: float, countries: float, kind: float, place: float, text: float
) -> float:
    """The match score: date, countries, type, place and text agreement, weighted."""
    w = thresholds.weights
    return w[0] * date_score + w[1] * countries + w[2] * kind + w[3] * place + w[4] * text


def _date_agreement(event: StoredMention, extracted: ExtractedMention, thresholds: Thresholds) -> float:
    same_range = event.date_start == extracted.date_start and event.date_end == extracted.date_end
    if same_range:
        return 1.0
    event_day = event.precision == "day" and event.date_start == event.date_end
    mention_day = extracted.precision == "day" and extracted.date_start == extracted.date_end
    if event_day and mention_day:
        gap = abs((event.date_start - extracted.date_start).days)
        return 0.7 if gap <= thresholds.day_tolerance else 0.0
    if "year" in (event.precision, extracted.precision):
        return 0.0  # a year is too vague to hold a dated happening
    inside = (event.date_start <= extracted.date_start and extracted.date_end <= event.date_end) or (
        extracted.date_start <= event.date_start and event.date_end <= extracted.date_end
    )
    return 0.6 if inside else 0.0


@cache
def _type_agreement(event_type: str, mention_type: str) -> float:
    """Types are the weakest evidence (one article's "visit" is another's "talks"): families of
    types agree partly, and a mismatch lowers the score without vetoing the match."""
    if event_type == mention_type:
        return 1.0
    if any({event_type, mention_type} <= family for family in TYPE_FAMILIES):
        return 0.7
    if {"other", "statement"} & {event_type, mention_type}:
        return 0.5
    return 0.2


def _place_agreement(event_place: str | None, mention_place: str | None) -> float:
    if not event_place or not mention_place:
        return 0.7
    return 1.0 if event_place.casefold() == mention_place.casefold() else 0.0
