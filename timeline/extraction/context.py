"""What a whole article is about, for sentences that refer back to it: "les deux pays",
"the country", "la capitale", and the people of the paragraphs that elaborate on an event."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from timeline.extraction.gazetteer import Entity, EntityMatch, Gazetteer, load_gazetteer
from timeline.extraction.pattern_scan import PatternScan
from timeline.extraction.people import context_lexicon


@dataclass(frozen=True)
class ArticleContext:
    """The countries an article is mainly about, most mentioned first."""

    countries: tuple[Entity, ...]
    capital: Entity | None


def article_context(matches: list[EntityMatch], gazetteer: Gazetteer) -> ArticleContext:
    """Rank the article's countries by mentions (names, demonyms, capitals, people's countries)."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for match in matches:
        entity = match.entity
        code = entity.code if entity.kind == "country" else entity.country
        if code and code in gazetteer.by_code and gazetteer.by_code[code].kind == "country":
            counts[code] += 1
            first_seen.setdefault(code, match.start)
    ranked = sorted(counts, key=lambda code: (-counts[code], first_seen[code]))
    countries = tuple(gazetteer.by_code[code] for code in ranked)
    capital = gazetteer.capitals.get(ranked[0]) if ranked else None
    return ArticleContext(countries, capital)


PAIR, COUNTRY, CAPITAL = range(3)
"""The kinds of referring phrases, in the order `_phrase_scan` holds their patterns."""


@cache
def _phrase_scan(language: str) -> PatternScan:
    lexicon = context_lexicon(language)

    def compile_(key: str) -> re.Pattern[str]:
        words = sorted(lexicon[key], key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)

    return PatternScan(compile_(key) for key in ("pair_phrases", "country_phrases", "capital_phrases"))


@lru_cache(maxsize=16)
def _phrase_ends(sentence: str, language: str) -> tuple[int | None, ...]:
    """Where the first phrase of each kind ends in a sentence (None: it holds none): one pass
    finds the three kinds, and a sentence's actors and its place ask about the same text."""
    ends: list[int | None] = [None, None, None]
    for kind, match in _phrase_scan(language).matches(sentence):
        if ends[kind] is None:
            ends[kind] = match.end()
    return tuple(ends)


def referred_countries(sentence: str, language: str, context: ArticleContext) -> tuple[Entity, ...]:
    """Countries a sentence refers to without naming them ("les deux pays", "the country")."""
    ends = _phrase_ends(sentence, language)
    if ends[PAIR] is not None:
        return context.countries[:2]
    if ends[COUNTRY] is not None:
        return context.countries[:1]
    return ()


CAPITAL_OWNER_REACH = 5
"""Characters from "la capitale" / "the capital" to the country named after it: "la capitale
malienne", "la capitale du Mali", "the capital of Mali"."""


def referred_capital(
    sentence: str, language: str, context: ArticleContext, found: Sequence[EntityMatch] = ()
) -> Entity | None:
    """The capital a sentence means by "la capitale" / "the capital": that of the country named
    right after it (among the sentence's matches `found`), else of the article's main country."""
    phrase_end = _phrase_ends(sentence, language)[CAPITAL]
    if phrase_end is None:
        return None
    for match in found:
        if match.entity.kind == "country" and 0 <= match.start - phrase_end <= CAPITAL_OWNER_REACH:
            return load_gazetteer().capitals.get(match.entity.code or "", context.capital)
    return context.capital


@cache
def _background(language: str) -> PatternScan | None:
    """The background cues, scanned together: each cue is tried only where its first words
    occur, instead of their alternation at every position of every sentence."""
    cues = context_lexicon(language).get("background_cues") or []
    return PatternScan(re.compile(cue, re.IGNORECASE) for cue in cues) if cues else None


def reads_as_background(sentence: str, language: str) -> bool:
    """Whether a sentence tells what came before rather than more of the event before it
    ("Morsi had been ousted…", "Il y a dix ans, les deux pays…")."""
    background = _background(language)
    return background is not None and background.search_any(sentence)
