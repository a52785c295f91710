"""Event types from keyword lexicons (`data/lexicons/event_types.json`), with PLOVER codes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from timeline.config import data_dir
from timeline.extraction.lexicon_files import any_of
from timeline.extraction.pattern_scan import PatternScan

OTHER = "other"
PHRASE_BREAK = re.compile(r"[,;:—–]")
"""Punctuation between phrases, in any of the languages written with it."""
GATHERING = "CONSULT"
"""The PLOVER code of the types that gather people (summits, meetings, visits, calls)."""


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
    when: int | None = None
    """Where the clause holding the keyword opens, if it says what happened at a date just
    before it ("since February, when Modi visited", "en 2019, lorsque")."""
    yields_to: tuple[TypeMatch, ...] = ()
    """For a light keyword, which names no happening of its own kind ("announced its
    withdrawal", "the summit, which was held"), the keywords it gives way to, nearest first."""
    reach: tuple[tuple[int, int], ...] = ()
    """For a light keyword, where the dates it gives way for lie: its own phrase between
    punctuation, and the sentence's opening phrase ("In a statement on Sunday, …")."""
    theme: bool = False
    """Whether the keyword names the theme of a gathering ("a summit on financing", "une
    réunion consacrée à la coopération") rather than a happening."""


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
    when: re.Pattern[str] | None
    """Clauses saying what happened at the date just before them (", when Modi visited")."""
    yields: tuple[_Yield, ...]
    clause_break: re.Pattern[str] | None
    theme: re.Pattern[str] | None
    """What lies between a gathering keyword and a keyword naming its theme ("…, consacré au")."""


@dataclass(frozen=True)
class _Yield:
    """Keywords of one type that give way to keywords of other types within a scope."""

    source: str
    light: re.Pattern[str] | None
    """Which of the source type's keywords give way; None for all of them."""
    targets: frozenset[str]
    target: re.Pattern[str] | None
    """Which of the target types' keywords they give way to; None for all of them."""
    scope: str
    """Where the targets are looked for: "after" or "before" the light keyword in its clause,
    or anywhere in the "sentence"."""


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
    attribution = any_of(clauses) if clauses else None
    yields = raw.get("yields", {})
    return _Keywords(
        tuple(known[entry["type"]] for entry in raw["types"]),
        PatternScan(patterns),
        attribution,
        _optional_pattern(raw.get("when_clause", {}).get(language)),
        tuple(rule for raw_rule in yields.get("rules", []) if (rule := _yield(raw_rule, language))),
        _optional_pattern(yields.get("clause_break", {}).get(language)),
        _optional_pattern(raw.get("themes", {}).get(language)),
    )


def _yield(rule: dict[str, Any], language: str) -> _Yield | None:
    """A rule of the lexicon for one language; None when it lists light keywords for others only."""
    if "keywords" in rule and language not in rule["keywords"]:
        return None
    return _Yield(
        rule["from"],
        _any_of((rule.get("keywords") or {}).get(language)),
        frozenset(rule["to"]),
        _any_of((rule.get("to_keywords") or {}).get(language)),
        rule["scope"],
    )


def _any_of(keywords: list[str] | None) -> re.Pattern[str] | None:
    """One pattern for a list of whole keywords, None for no list."""
    if not keywords:
        return None
    return re.compile("|".join(f"(?:{_inflectable(k)})" for k in keywords), re.IGNORECASE)


def _optional_pattern(source: str | None) -> re.Pattern[str] | None:
    return re.compile(source, re.IGNORECASE) if source else None


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
    if not found:
        return found
    if keywords.attribution is not None:
        found = _attributed(found, sentence, keywords.attribution)
    if keywords.when is not None:
        found = _in_when_clauses(found, sentence, keywords.when)
    if len(found) < 2:
        return found  # no keyword to give way to, no gathering with a theme
    if keywords.theme is not None:
        found = _themed(found, sentence, keywords.theme)
    names = {match.event_type.name for match in found}
    if any(rule.source in names and rule.targets & names for rule in keywords.yields):
        found = _yielding(found, sentence, keywords)
    return found


def _attributed(found: list[TypeMatch], sentence: str, attribution: re.Pattern[str]) -> list[TypeMatch]:
    """Mark the keywords that lie in an attribution clause."""
    clauses = [clause.span() for clause in attribution.finditer(sentence)]
    if not clauses:
        return found
    return [replace(m, attribution=span) if (span := _holding(clauses, m)) else m for m in found]


def _in_when_clauses(found: list[TypeMatch], sentence: str, when: re.Pattern[str]) -> list[TypeMatch]:
    """Mark the keywords that lie in a clause saying what happened at a date just before it."""
    clauses = [clause.span() for clause in when.finditer(sentence)]
    if not clauses:
        return found
    return [replace(m, when=span[0]) if (span := _holding(clauses, m)) else m for m in found]


def _holding(spans: list[tuple[int, int]], match: TypeMatch) -> tuple[int, int] | None:
    """The first span that holds a keyword."""
    return next((s for s in spans if s[0] <= match.start and match.end <= s[1]), None)


def _themed(found: list[TypeMatch], sentence: str, theme: re.Pattern[str]) -> list[TypeMatch]:
    """Mark the keywords that name the theme of a gathering keyword before them: a summit "on
    financing" or "consacré au financement" is a summit, whatever its theme."""
    gatherings = [m for m in found if m.event_type.plover == GATHERING]
    if not gatherings or len(gatherings) == len(found):
        return found
    return [
        replace(match, theme=True)
        if match.event_type.plover != GATHERING
        and any(g.end <= match.start and theme.match(sentence, g.end, match.start) for g in gatherings)
        else match
        for match in found
    ]


def _yielding(found: list[TypeMatch], sentence: str, keywords: _Keywords) -> list[TypeMatch]:
    """Give each light keyword the keywords it yields to, nearest first."""
    breaks: list[tuple[int, int]] | None = None
    marked = []
    for match in found:
        name = match.event_type.name
        rules = [r for r in keywords.yields if r.source == name and _whole(r.light, match, sentence)]
        if rules and breaks is None:
            pattern = keywords.clause_break
            breaks = [b.span() for b in pattern.finditer(sentence)] if pattern is not None else []
        targets = [
            t
            for rule in rules
            for t in found
            if _in_scope(rule, match, t, breaks or []) and _whole(rule.target, t, sentence)
        ]
        if targets:
            targets.sort(key=lambda t: max(t.start - match.end, match.start - t.end))
            match = replace(match, yields_to=tuple(targets), reach=_reach(sentence, match))
        marked.append(match)
    return marked


def _reach(sentence: str, match: TypeMatch) -> tuple[tuple[int, int], ...]:
    """The phrase holding a keyword and the sentence's opening phrase: a date elsewhere, as in
    ", which formed the AES in 2023, announced…", belongs to another verb."""
    stops = [p.start() for p in PHRASE_BREAK.finditer(sentence)]
    start = max((stop + 1 for stop in stops if stop < match.start), default=0)
    end = min((stop for stop in stops if stop >= match.end), default=len(sentence))
    return (start, end), (0, stops[0] if stops else len(sentence))


def _whole(keywords: re.Pattern[str] | None, match: TypeMatch, sentence: str) -> bool:
    """Whether a keyword is one of `keywords` (any keyword is, for None)."""
    return keywords is None or keywords.fullmatch(sentence, match.start, match.end) is not None


def _in_scope(rule: _Yield, light: TypeMatch, target: TypeMatch, breaks: list[tuple[int, int]]) -> bool:
    """Whether `target` is a keyword `light` yields to under `rule`."""
    if target.event_type.name not in rule.targets or target.theme:
        return False
    if rule.scope == "after":
        return light.end <= target.start and _unbroken(breaks, light.end, target.start)
    if rule.scope == "before":
        return target.end <= light.start and _unbroken(breaks, target.end, light.start)
    return True


def _unbroken(breaks: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether no clause break lies between `start` and `end`."""
    return not any(start <= b_start and b_end <= end for b_start, b_end in breaks)


def nearest_type(matches: list[TypeMatch], start: int, end: int) -> EventType | None:
    """Choose the type whose keyword is closest to the span [start, end); earlier types win ties.

    Where keywords of two types cover the same words, the longer, more specific one stands
    ("business forum" is cooperation, though "forum" alone is a summit). Keywords apart from each other
    are not compared by length: "a accueilli en 2024 le sommet" is a summit, though "accueilli"
    is longer than "sommet". A keyword in an attribution clause (", the coast guard said")
    names who reported the happening, so it types only a date in that clause itself. A date
    followed by a when-clause ("since March, when Ruto visited Accra") takes that clause's
    keywords first; a keyword naming a gathering's theme ("a summit on financing") does not
    count; and a light keyword chosen gives way to the keyword it introduces ("announced its
    withdrawal" is a rupture).
    """
    candidates = _told(matches, start)
    standing = [m for m in candidates if not m.theme and not any(_covers(other, m) for other in candidates)]
    standing = [m for m in standing if m.when is not None and 0 <= m.when - end <= 1] or standing
    best: tuple[int, int, TypeMatch] | None = None
    for priority, match in enumerate(standing):
        distance = max(0, match.start - end, start - match.end)
        if best is None or (distance, priority) < best[:2]:
            best = (distance, priority, match)
    if best is None:
        return None
    chosen = best[2]
    if not any(a <= start < b for a, b in chosen.reach):
        return chosen.event_type
    yielded = next((t for t in chosen.yields_to if any(t is m for m in standing)), chosen)
    return yielded.event_type


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
