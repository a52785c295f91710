"""Event types from keyword lexicons (`data/lexicons/event_types.json`), with PLOVER codes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from timeline.config import data_dir

OTHER = "other"
METACHARACTERS = frozenset("\\()[].^$|?*+{")
OPTIONAL = ("?", "*", "{")


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
    """The keyword patterns of one language."""

    by_type: tuple[tuple[EventType, re.Pattern[str]], ...]
    """One pattern per type, in lexicon priority order."""
    anywhere: re.Pattern[str]
    """Matches (empty) where a keyword of some type may start: one scan finds the few places
    worth trying each type's pattern, instead of one scan of the whole sentence per type."""


@cache
def _keywords(language: str) -> _Keywords:
    raw = json.loads((data_dir() / "lexicons" / "event_types.json").read_text(encoding="utf-8"))
    known = event_types()
    by_type = []
    prefixes: dict[str, Any] = {}
    for entry in raw["types"]:
        keywords = [_inflectable(k) for k in entry.get(language) or entry.get("en", [])]
        alternation = "|".join(sorted(keywords, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
        by_type.append((known[entry["type"]], pattern))
        for keyword in keywords:
            node = prefixes
            for char in _literal_prefix(keyword):
                node = node.setdefault(char, {})
            node[""] = {}
    anywhere = re.compile(rf"(?<!\w)(?={_trie_pattern(prefixes)})", re.IGNORECASE)
    return _Keywords(tuple(by_type), anywhere)


def _literal_prefix(keyword: str) -> str:
    """The literal characters that every match of a keyword pattern starts with."""
    for index, char in enumerate(keyword):
        if char in METACHARACTERS or keyword[index + 1 : index + 2] in OPTIONAL:
            return keyword[:index]
    return keyword


def _trie_pattern(node: dict[str, Any]) -> str:
    """A regex matching any of the prefixes in a trie, branching one character at a time (the
    regex engine tries alternatives one by one, so a flat list of hundreds is slow)."""
    if "" in node:  # a prefix ends here: any longer one adds nothing to "may start here"
        return ""
    return "(?:" + "|".join(re.escape(char) + _trie_pattern(child) for char, child in node.items()) + ")"


def _inflectable(keyword: str) -> str:
    """Let a participle agree: "rencontré" also matches "rencontrées", "signé" "signés"."""
    return keyword + "(?:e|s|es)?" if keyword.endswith("é") else keyword


def find_type_keywords(sentence: str, language: str) -> list[TypeMatch]:
    """Return every event-type keyword in a sentence, in lexicon priority order."""
    keywords = _keywords(language)
    starts = [match.start() for match in keywords.anywhere.finditer(sentence)]
    found = []
    for event_type, pattern in keywords.by_type if starts else ():
        # what `pattern.finditer` would give: a type's matches never overlap one another
        resume = 0
        for start in starts:
            match = pattern.match(sentence, start) if start >= resume else None
            if match is not None:
                found.append(TypeMatch(event_type, match.start(), match.end()))
                resume = match.end()
    return found


def nearest_type(matches: list[TypeMatch], start: int, end: int) -> EventType | None:
    """Choose the type whose keyword is closest to the span [start, end); earlier types win ties."""
    best: tuple[int, int, EventType] | None = None
    for priority, match in enumerate(matches):
        distance = max(0, match.start - end, start - match.end)
        if best is None or (distance, priority) < best[:2]:
            best = (distance, priority, match.event_type)
    return best[2] if best else None
