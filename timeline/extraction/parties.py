"""Who a sentence names (gazetteer matches and people introduced by a title) and who of them
takes part in its happening: countries, organisations and people, with the country each person
represents."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.extraction.dateline import within
from timeline.extraction.gazetteer import Entity, EntityMatch, load_gazetteer
from timeline.extraction.location import introduces_place
from timeline.extraction.pattern_scan import any_within
from timeline.extraction.people import titled_people
from timeline.extraction.places import is_post
from timeline.extraction.sentences import Sentence


def sentence_entities(
    sentence: Sentence, language: str, title_starts: Sequence[int], datelines: Sequence[tuple[int, int]]
) -> list[EntityMatch]:
    """Gazetteer matches plus people introduced by a title, without overlaps; a dateline's city
    is where the report was filed, so it is none of them."""
    gazetteer = load_gazetteer()
    found = list(gazetteer.find(sentence.text))
    if datelines:
        found = [m for m in found if not within(datelines, sentence.start + m.start)]
    if not any_within(title_starts, sentence.start, sentence.end):
        return found  # no title, and the gazetteer gives its matches in order
    for person in titled_people(sentence.text, language, gazetteer):
        if all(person.end <= m.start or person.start >= m.end for m in found):
            found.append(person)
    return sorted(found, key=lambda m: m.start)


def sentence_actors(
    text: str,
    entities: list[EntityMatch],
    location: Entity | None,
    language: str,
    referred: tuple[Entity, ...] = (),
) -> tuple[Entity, ...]:
    """Countries, organisations and people taking part, with the country each person represents;
    a capital not used as a place stands for its government ("Moscou a salué…"), and so does the
    capital an envoy is posted to ("son ambassadeur à Bamako"), but one written as a place
    ("Speaking in Dakar, …", "puis à Libreville") stands for no one."""
    gazetteer = load_gazetteer()
    actors: dict[tuple[str, str | None], Entity] = {}
    for match in entities:
        entity = match.entity
        if entity.kind == "city":
            if match.role != "capital" or entity is location or entity.code is None:
                continue
            if introduces_place(text, match) and not is_post(text, match.start, language):
                continue
            entity = gazetteer.by_code.get(entity.code, entity)
        if location is not None and entity is location:
            continue
        actors.setdefault((entity.kind, entity.code if entity.kind != "person" else entity.name), entity)
        represented = gazetteer.by_code.get(entity.country or "") if entity.kind == "person" else None
        if represented is not None:  # Lavrov speaks for Russia
            actors.setdefault((represented.kind, represented.code), represented)
    for country in referred:  # "les deux pays"
        actors.setdefault((country.kind, country.code), country)
    return tuple(actors.values())
