"""Consolidation: a new mention joins the existing event that reports the same happening.

Candidates share a compatible date (same day, a day inside a month, or one day apart across
time zones and "hier" reporting), overlapping countries, compatible types and, when both have
one, the same place; the text of the evidence (or, across languages, the normalised summary)
confirms. Every threshold lives in `THRESHOLDS`, and every merge keeps its reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from timeline.candidates import CandidateIndex
from timeline.extraction import ExtractedMention
from timeline.stored_mentions import StoredMention

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
    # one article reports a happening once (two of its sentences are two happenings)
    same_article = index.joined_near(earlier, extracted.date_start, extracted.date_end)
    parties: dict[int, set[str]] = {}
    for record in reported:
        named = parties.get(record.event_id)
        if named is None:
            parties[record.event_id] = set(record.countries)
        else:
            named |= record.countries
        if record.article_id == article_id:
            same_article.add(record.event_id)
    possible = {
        e for e, named in parties.items() if e not in same_article and parties_agree(countries, named)
    }
    place = extracted.location.casefold() if extracted.location else None
    best: dict[int, MergeReason] = {}
    for other in reported:
        if other.event_id not in possible:
            continue
        if place is not None and other.location and other.location.casefold() != place:
            continue  # another place, as most candidates of a busy day have: no match (see `_score`)
        reason = _score(other, language, extracted, countries, thresholds, index.evidence)
        if reason is not None and (other.event_id not in best or reason.score > best[other.event_id].score):
            best[other.event_id] = reason
    ranked = sorted(best.values(), key=lambda reason: (-reason.score, reason.event_id))
    linked, named = ranked[:1], countries | parties[ranked[0].event_id] if ranked else countries
    for reason in ranked[1:]:
        if parties_agree(named, parties[reason.event_id]):
            linked.append(reason)
            named |= parties[reason.event_id]
    return linked


def parties_agree(first: Set[str], second: Set[str]) -> bool:
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
    evidence_of: Callable[[StoredMention], str],
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
        _text_agreement(evidence_of(other), extracted.evidence)
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


def _text_agreement(first: str, second: str) -> float:
    """How alike two evidence sentences are in wording, in [0, 1]."""
    return (
        fuzz.token_set_ratio(first, second, processor=str.casefold)
        + fuzz.token_sort_ratio(first, second, processor=str.casefold)
    ) / 200


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
