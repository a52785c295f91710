"""Assembling event mentions: a dated expression in a sentence, with its type, actors and place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from timeline.extraction.event_types import OTHER, event_types, find_type_keywords, nearest_type
from timeline.extraction.gazetteer import Entity, EntityMatch, load_gazetteer
from timeline.extraction.lexicon import load_lexicon, supported_languages
from timeline.extraction.sentences import Sentence, split_sentences
from timeline.extraction.tense import TenseReader
from timeline.extraction.timex import Timex, tag_timexes

POSSESSIVE = re.compile(r"['’]s\b")
LOCATION_PREPOSITION = re.compile(r"(?:\b(?:à|a|au|aux|en|in|at|near|près de)\s+)$", re.IGNORECASE)


@dataclass(frozen=True)
class ExtractedMention:
    """A dated happening found in one sentence."""

    date_start: date
    date_end: date
    precision: str
    date_text: str
    date_char_start: int
    date_char_end: int
    date_derivation: str
    sentence_char_start: int
    sentence_char_end: int
    evidence: str
    event_type: str
    modality: str
    location: str | None
    confidence: float
    summary: str
    actors: tuple[Entity, ...]


def extract_mentions(text: str, published: date | None, language: str) -> Iterator[ExtractedMention]:
    """Yield one mention per distinct dated happening in each sentence of `text`."""
    if language not in supported_languages():
        return
    timexes = [
        t
        for t in tag_timexes(text, language=language, reference=published)
        if t.period and t.type in ("DATE", "TIME")
    ]
    tenses = TenseReader(text, load_lexicon(language))
    gazetteer = load_gazetteer()
    for sentence in split_sentences(text):
        in_sentence = _event_dates(
            text, [t for t in timexes if sentence.start <= t.start and t.end <= sentence.end]
        )
        if not in_sentence:
            continue
        entities = list(gazetteer.find(sentence.text))
        keywords = find_type_keywords(sentence.text, language)
        seen_periods: set[tuple[date, date]] = set()
        for timex in in_sentence:
            assert timex.period is not None
            key = (timex.period.start, timex.period.end)
            if key in seen_periods:
                continue
            mention = _mention(sentence, timex, entities, keywords, published, tenses)
            if mention is not None:
                seen_periods.add(key)
                yield mention


def _event_dates(text: str, timexes: list[Timex]) -> list[Timex]:
    """Keep the timexes of a sentence that date a happening: not a possessive ("this year's
    plan"), and not a coarse relative period around a finer date of the same sentence ("cette
    année" in a sentence dated "les 6 et 7 octobre"; "en janvier 2017" stays a happening)."""
    kept = []
    for timex in timexes:
        if POSSESSIVE.match(text, timex.end):
            continue
        assert timex.period is not None
        period = timex.period
        if timex.derivation == "relative" and any(
            other is not timex
            and other.period is not None
            and period.start <= other.period.start
            and other.period.end <= period.end
            and (other.period.end - other.period.start) < (period.end - period.start)
            for other in timexes
        ):
            continue
        kept.append(timex)
    return kept


def _mention(
    sentence: Sentence,
    timex: Timex,
    entities: list[EntityMatch],
    keywords: list,
    published: date | None,
    tenses: TenseReader,
) -> ExtractedMention | None:
    assert timex.period is not None
    local_start, local_end = timex.start - sentence.start, timex.end - sentence.start
    event_type = nearest_type(keywords, local_start, local_end)
    location = _location(sentence.text, entities)
    actors = _actors(entities, location)
    if event_type is None and not actors and not tenses.has_tensed_verb(sentence.start, sentence.end):
        return None
    type_name = event_type.name if event_type else OTHER
    modality = _modality(timex, published, tenses, sentence)
    confidence = 0.35 + (0.25 if timex.derivation == "explicit" else 0.15)
    confidence += (0.2 if event_type else 0.0) + min(len(actors), 2) * 0.1
    return ExtractedMention(
        date_start=timex.period.start,
        date_end=timex.period.end,
        precision=timex.period.precision,
        date_text=timex.text,
        date_char_start=timex.start,
        date_char_end=timex.end,
        date_derivation=timex.derivation,
        sentence_char_start=sentence.start,
        sentence_char_end=sentence.end,
        evidence=sentence.text,
        event_type=type_name,
        modality=modality,
        location=location.name if location else None,
        confidence=round(min(confidence, 1.0), 2),
        summary=_summary(type_name, actors, location),
        actors=actors,
    )


def _location(sentence: str, entities: list[EntityMatch]) -> Entity | None:
    """The place where it happened: a city, or else a country, right after "à", "in", "at"."""
    placed = [m for m in entities if LOCATION_PREPOSITION.search(sentence[max(0, m.start - 12) : m.start])]
    for kinds in (("city",), ("country",)):
        for match in placed:
            if match.entity.kind in kinds and match.role != "demonym":
                return match.entity
    return None


def _actors(entities: list[EntityMatch], location: Entity | None) -> tuple[Entity, ...]:
    """Countries, organisations and people taking part, with the country each person represents;
    a capital not used as the place stands for its government ("Moscou a salué…")."""
    gazetteer = load_gazetteer()
    actors: dict[tuple[str, str | None], Entity] = {}
    for match in entities:
        entity = match.entity
        if entity.kind == "city":
            if match.role != "capital" or entity is location or entity.code is None:
                continue
            entity = gazetteer.by_code.get(entity.code, entity)
        if location is not None and entity is location:
            continue
        actors.setdefault((entity.kind, entity.code if entity.kind != "person" else entity.name), entity)
        represented = gazetteer.by_code.get(entity.country or "") if entity.kind == "person" else None
        if represented is not None:  # Lavrov speaks for Russia
            actors.setdefault((represented.kind, represented.code), represented)
    return tuple(actors.values())


def _modality(timex: Timex, published: date | None, tenses: TenseReader, sentence: Sentence) -> str:
    assert timex.period is not None
    if published is not None and timex.period.start > published:
        return "planned"
    if tenses.tense_at(timex.start) == "future":
        return "planned"
    if tenses.is_reported(sentence.start, sentence.end):
        return "reported"
    return "occurred"


def _summary(type_name: str, actors: tuple[Entity, ...], location: Entity | None) -> str:
    label = event_types()[type_name].label
    names = ", ".join(actor.name for actor in actors if actor.kind != "person")
    people = ", ".join(actor.name for actor in actors if actor.kind == "person")
    parts = [label]
    if names or people:
        parts.append(" — " + "; ".join(part for part in (names, people) if part))
    if location:
        parts.append(f" in {location.name}")
    return "".join(parts)
