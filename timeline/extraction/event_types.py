"""Event types from keyword lexicons (`data/lexicons/event_types.json`), with PLOVER codes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
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


@cache
def event_types() -> dict[str, EventType]:
    """Return every known event type by name, "other" included."""
    raw = json.loads((data_dir() / "lexicons" / "event_types.json").read_text(encoding="utf-8"))
    types = {t["type"]: EventType(t["type"], t["plover"], t["mode"], t["label"]) for t in raw["types"]}
    types[OTHER] = EventType(OTHER, "OTHER", None, "Event")
    return types


@dataclass(frozen=True)
class _Keywords:
    """The keyword patterns of one language, one per type in lexicon priority order."""

    types: tuple[EventType, ...]
    scan: PatternScan


@cache
def _keywords(language: str) -> _Keywords:
    raw = json.loads((data_dir() / "lexicons" / "event_types.json").read_text(encoding="utf-8"))
    known = event_types()
    patterns = []
    for entry in raw["types"]:
        keywords = [_inflectable(k) for k in entry.get(language) or entry.get("en", [])]
        alternation = "|".join(sorted(keywords, key=len, reverse=True))
        patterns.append(re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE))
    return _Keywords(tuple(known[entry["type"]] for entry in raw["types"]), PatternScan(patterns))


def _inflectable(keyword: str) -> str:
    """Let a participle agree: "rencontré" also matches "rencontrées", "signé" "signés"."""
    return keyword + "(?:e|s|es)?" if keyword.endswith("é") else keyword


def find_type_keywords(sentence: str, language: str) -> list[TypeMatch]:
    """Return every event-type keyword in a sentence, in lexicon priority order."""
    keywords = _keywords(language)
    return [
        TypeMatch(keywords.types[index], match.start(), match.end())
        for index, match in keywords.scan.matches(sentence)
    ]


def nearest_type(matches: list[TypeMatch], start: int, end: int) -> EventType | None:
    """Choose the type whose keyword is closest to the span [start, end); earlier types win ties."""
    best: tuple[int, int, EventType] | None = None
    for priority, match in enumerate(matches):
        distance = max(0, match.start - end, start - match.end)
        if best is None or (distance, priority) < best[:2]:
            best = (distance, priority, match.event_type)
    return best[2] if best else None
