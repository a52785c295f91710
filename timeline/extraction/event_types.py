"""Event types from keyword lexicons (`data/lexicons/event_types.json`), with PLOVER codes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache

from timeline.config import data_dir
from timeline.extraction.pattern_scan import PatternScan

OTHER = "other"


@dataclass(frozen=True)
class EventType:
    """One event type: its name, PLOVER code and mode, and a readable label."""

    name: str
    plover: str
    mode: str | None
    label: str


@dataclass(frozen=True)
class TypeMatch:
    """A keyword for an event type found in a sentence."""

    event_type: EventType
    start: int
    end: int
    attribution: tuple[int, int] | None = None
    """The span of the attribution clause holding the keyword (", the coast guard said", "selon
    un communiqué"), if it is in one."""


@cache
def event_types() -> dict[str, EventType]:
    """Return every known event type by name, "other" included."""
    raw = json.loads((data_dir() / "lexicons" / "event_types.json").read_text(encoding="utf-8"))
    types = {t["type"]: EventType(t["type"], t["plover"], t["mode"], t["label"]) for t in raw["types"]}
    types.setdefault(OTHER, EventType(OTHER, "OTHER", None, "Event"))
    return types


@dataclass(frozen=True)
class _Keywords:
    """The keyword patterns of one language, one per type in lexicon priority order."""

    types: tuple[EventType, ...]
    scan: PatternScan
    attribution: re.Pattern[str] | None
    """Clauses that say who reported a happening rather than what happened."""


@cache
def _keywords(language: str) -> _Keywords:
    raw = json.loads((data_dir() / "lexicons" / "event_types.json").read_text(encoding="utf-8"))
    known = event_types()
    patterns = []
    for entry in raw["types"]:
        keywords = [_inflectable(k) for k in entry.get(language) or entry.get("en", [])]
        alternation = "|".join(sorted(keywords, key=len, reverse=True))
        patterns.append(re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE))
    clauses = raw.get("attribution", {}).get(language) or []
    attribution = re.compile("|".join(f"(?:{c})" for c in clauses), re.IGNORECASE) if clauses else None
    return _Keywords(
        tuple(known[entry["type"]] for entry in raw["types"]), PatternScan(patterns), attribution
    )


def _inflectable(keyword: str) -> str:
    """Let a participle agree: "rencontré" also matches "rencontrées", "signé" "signés"."""
    return keyword + "(?:e|s|es)?" if keyword.endswith("é") else keyword


def find_type_keywords(sentence: str, language: str) -> list[TypeMatch]:
    """Return every event-type keyword in a sentence, in lexicon priority order."""
    keywords = _keywords(language)
    found = [
        TypeMatch(keywords.types[index], match.start(), match.end())
        for index, match in keywords.scan.matches(sentence)
    ]
    if not found or keywords.attribution is None:
        return found
    clauses = [clause.span() for clause in keywords.attribution.finditer(sentence)]
    return [
        replace(match, attribution=clause)
        if (clause := next((c for c in clauses if c[0] <= match.start and match.end <= c[1]), None))
        else match
        for match in found
    ]


def nearest_type(matches: list[TypeMatch], start: int, end: int) -> EventType | None:
    """Choose the type whose keyword is closest to the span [start, end); earlier types win ties.

    Where keywords of two types cover the same words, the longer, more specific one stands
    ("business forum" is cooperation, though "forum" alone is a summit). Keywords apart from each other
    are not compared by length: "a accueilli en 2024 le sommet" is a summit, though "accueilli"
    is longer than "sommet". A keyword in an attribution clause (", the coast guard said")
    names who reported the happening, so it types only a date in that clause itself.
    """
    candidates = _told(matches, start)
    best: tuple[int, int, EventType] | None = None
    for priority, match in enumerate(candidates):
        if any(_covers(other, match) for other in candidates):
            continue
        distance = max(0, match.start - end, start - match.end)
        if best is None or (distance, priority) < best[:2]:
            best = (distance, priority, match.event_type)
    return best[2] if best else None


def _told(matches: list[TypeMatch], start: int) -> list[TypeMatch]:
    """The keywords that may type a date starting at `start`.

    A keyword in an attribution clause names who reported a happening, not what happened
    ("…, selon un communiqué"): it types only a date in that clause ("…, the ministry said on
    Monday"), never one of the happening it reports.
    """
    return [m for m in matches if m.attribution is None or m.attribution[0] <= start < m.attribution[1]]


def _covers(longer: TypeMatch, match: TypeMatch) -> bool:
    """Whether `longer` is a longer keyword over some of the same words as `match`."""
    overlaps = longer.start < match.end and match.start < longer.end
    return overlaps and longer.end - longer.start > match.end - match.start
