"""People introduced by a title ("Foreign Minister Hugh Todd", "le ministre togolais des Affaires
étrangères, Robert Dussey", "SEM Sergueï LAVROV"), whether or not the gazetteer knows them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from timeline.config import data_dir
from timeline.extraction.gazetteer import TOKEN, Entity, EntityMatch, Gazetteer, fold
from timeline.extraction.pattern_scan import PatternScan

NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
PARTICLE = r"(?:de|da|del|della|di|do|dos|du|van|von|bin|ben|ould|al|el|le|la)"
NAME = rf"(?P<name>{NAME_TOKEN}(?:\s+(?:{PARTICLE}\s+)?{NAME_TOKEN}){{0,3}})"


@dataclass(frozen=True)
class _Patterns:
    titled: PatternScan
    """A title, then the name right after it ("Minister Hugh Todd") or after an apposition
    ("le ministre … des Affaires étrangères, Robert Dussey")."""
    honorifics: frozenset[str]


@cache
def context_lexicon(language: str) -> dict[str, list[str]]:
    """The titles and referring phrases of a language (English when it has none)."""
    raw = json.loads((data_dir() / "lexicons" / "people_context.json").read_text(encoding="utf-8"))
    return raw.get(language) or raw["en"]


@cache
def _patterns(language: str) -> _Patterns:
    titles = sorted(context_lexicon(language)["titles"], key=len, reverse=True)
    title = "(?P<title>" + "|".join(re.escape(t) for t in titles) + ")"
    direct = re.compile(rf"(?<![\w.]){title}\s+{NAME}")
    appositive = re.compile(rf"(?<![\w.]){title}\b[^,.;:()«»\"]{{0,70}},\s+{NAME}")
    return _Patterns(PatternScan((direct, appositive)), frozenset(context_lexicon(language)["honorifics"]))


def title_starts(text: str, language: str) -> Sequence[int]:
    """Where a title may start in `text`: most sentences hold none and need no scan of their own."""
    return _patterns(language).titled.possible_starts(text)


def titled_people(sentence: str, language: str, gazetteer: Gazetteer) -> Iterator[EntityMatch]:
    """Yield people written after a title, resolved to the gazetteer where it knows them."""
    patterns = _patterns(language)
    seen: set[tuple[int, int]] = set()
    for _, match in patterns.titled.matches(sentence):
        name = _trim(match["name"])
        tokens = name.split()
        single_ok = match["title"] in patterns.honorifics or tokens[0].isupper()
        if not tokens or (len(tokens) == 1 and not single_ok):
            continue
        start = match.start("name")
        span = (start, start + len(name))
        if span in seen:
            continue
        seen.add(span)
        entity = _resolve(name, gazetteer)
        if entity is not None:
            yield EntityMatch(span[0], span[1], entity, "person")


def _trim(name: str) -> str:
    """Drop a trailing particle or a capitalised sentence word caught after the name."""
    tokens = name.split()
    while tokens and re.fullmatch(PARTICLE, tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def _resolve(name: str, gazetteer: Gazetteer) -> Entity | None:
    key = tuple(fold(token) for token in TOKEN.findall(name))
    surface = gazetteer.surfaces.get(key)
    if surface is not None:
        return surface.entity if surface.entity.kind == "person" else None
    first = gazetteer.surfaces.get((fold(name.split()[0]),))
    if first is not None and first.entity.kind != "person":
        return None  # "Minister Moscow" is not a person
    return Entity(canonical_person_name(name), "person", None)


def canonical_person_name(written: str) -> str:
    """Normalise upper-case surnames: "Bakary Yaou SANGARÉ" -> "Bakary Yaou Sangaré"."""
    return " ".join(
        "-".join(part.capitalize() for part in token.split("-"))
        if token.isupper() and len(token) > 1
        else token
        for token in written.split()
    )
