"""The place a sentence's happening took place in, from the places it names and how it names
them ("à Moscou", "in east London", "the New Delhi summit", "à l'hôtel Radisson de Bamako"),
not every place named."""

from __future__ import annotations

import re

from timeline.extraction.gazetteer import TOKEN, Entity, EntityMatch, fold, load_gazetteer
from timeline.extraction.lexicon import load_lexicon
from timeline.extraction.pattern_scan import guarded
from timeline.extraction.places import in_area_of, is_elsewhere, landmark_city

LOCATION_PREPOSITION = guarded(
    re.compile(
        r"(?:\b(?:à|au|aux|en|in|at|near|près de|to|into|visited|visiting|visite|sommet de|summit in|"
        r"conférence de|dans la ville de|in the town of|in the city of)\s+)$",
        re.IGNORECASE,
    )
)
VENUE_AFTER = re.compile(r"\s+(?:summit|conference|talks|meeting)\b")
UNKNOWN_PLACE = guarded(
    re.compile(
        r"(?:\b(?:à|in|at)\s+)(?P<place>[A-ZÀ-Þ][\w-]+(?:\s+(?:de\s+|del\s+|do\s+)?[A-ZÀ-Þ][\w-]+){0,2})(?![\w'’])"
    )
)
FACILITY_NOUNS = frozenset(
    {
        "airbase",
        "airport",
        "base",
        "barracks",
        "camp",
        "center",
        "centre",
        "embassy",
        "hall",
        "hospital",
        "hotel",
        "house",
        "palace",
        "prison",
        "stadium",
        "university",
        "aéroport",
        "ambassade",
        "caserne",
        "hôpital",
        "hôtel",
        "maison",
        "palais",
        "stade",
        "université",
    }
)
"""Words that make a capitalised name a building or site ("Air Base", "Koulouba Palace", "Palais
de Koulouba", "Hôtel Ivoire"), which is not the city or area an event is placed in."""
FACILITY_OF = guarded(
    re.compile(
        rf"\b(?:{'|'.join(sorted(FACILITY_NOUNS - {'embassy', 'ambassade'}))})\b[\w\s'’-]{{0,40}}?"
        r"(?:\s(?:de|of)\s+|\sd['’]|,\s*)$",
        re.IGNORECASE,
    )
)
"""A facility named before the city it stands in, which places it: "à l'hôtel Radisson de
Bamako", "à l'aéroport d'Abidjan", "at State House, Nairobi" (an embassy "of France" stands
elsewhere)."""
CLAUSE_BREAK = re.compile(r"[,;:()]")
NUMBER_AFTER = re.compile(r"\s+(?:No\.?\s*|n°\s*)?\d")
NOT_PLACES = {
    "the",
    "this",
    "that",
    "a",
    "an",
    "la",
    "le",
    "les",
    "l",
    "un",
    "une",
    "his",
    "her",
    "its",
    "their",
}


def sentence_location(sentence: str, entities: list[EntityMatch], language: str) -> Entity | None:
    """Where it happened: a known city, else a seat of government ("the White House"), else an
    unknown capitalised place, else a country, right after "à", "in", "at", "to", "visited", in a
    part of a city ("in east London"), named with the summit ("the New Delhi summit") or after a
    site in it ("à l'hôtel Radisson de Bamako"); a site itself ("Air Base 101") is none, and
    neither is where someone is posted or based ("son ambassadeur à Bamako")."""
    for match in entities:
        if match.entity.kind != "city" or match.role == "demonym":
            continue
        if (
            introduces_place(sentence, match)
            or FACILITY_OF.search(sentence, max(0, match.start - 60), match.start)
            or in_area_of(sentence, match.start, language)
        ) and not is_elsewhere(sentence, match.start, language):
            return match.entity
    landmark = landmark_city(sentence, language)
    if landmark is not None:
        return _city_named(landmark)
    unknown = _unknown_place(sentence, entities, language)
    if unknown is not None:
        return unknown
    # how a country is introduced is read only once no city or other place has been found
    for match in entities:
        if match.entity.kind != "country" or match.role == "demonym":
            continue
        if introduces_place(sentence, match) and not is_elsewhere(sentence, match.start, language):
            return match.entity
    return None


def _city_named(name: str) -> Entity:
    """The gazetteer's city of that name, or a new one."""
    surface = load_gazetteer().surfaces.get(tuple(fold(token) for token in TOKEN.findall(name)))
    if surface is not None and surface.entity.kind == "city":
        return surface.entity
    return Entity(name, "city", None)


def introduces_place(sentence: str, match: EntityMatch) -> bool:
    before = sentence[max(0, match.start - 16) : match.start]
    after = sentence[match.end : match.end + 10]
    return bool(LOCATION_PREPOSITION.search(before) or VENUE_AFTER.match(after))


def _unknown_place(sentence: str, entities: list[EntityMatch], language: str) -> Entity | None:
    lexicon = load_lexicon(language)
    for match in UNKNOWN_PLACE.finditer(sentence):
        name = match["place"]
        first = name.split()[0].lower().rstrip(".")
        if lexicon.month_number(first) or lexicon.weekday_number(first) or first in NOT_PLACES:
            continue
        if any(m.start < match.end("place") and match.start("place") < m.end for m in entities):
            continue
        if is_elsewhere(sentence, match.start("place"), language):
            continue
        if _is_facility(sentence, name, match.end("place")):
            # "at Air Base 101 in the capital": the site is no place to report, a city beside it is
            city = _city_in_clause(sentence, entities, match.start("place"))
            if city is not None:
                return city
            continue
        return Entity(name, "city", None)
    return None


def _is_facility(sentence: str, name: str, end: int) -> bool:
    """A building or site rather than a place: numbered ("Camp 4", "Gate 3") or headed by a
    facility noun ("Air Base", "Koulouba Palace", "Hôtel Ivoire")."""
    words = name.lower().split()
    return (
        bool(NUMBER_AFTER.match(sentence, end)) or words[0] in FACILITY_NOUNS or words[-1] in FACILITY_NOUNS
    )


def _city_in_clause(sentence: str, entities: list[EntityMatch], position: int) -> Entity | None:
    """The known city named in the clause around `position`, if any."""
    breaks = [b.start() for b in CLAUSE_BREAK.finditer(sentence)]
    start = max((b for b in breaks if b < position), default=-1)
    end = min((b for b in breaks if b >= position), default=len(sentence))
    for match in entities:
        if (
            start < match.start
            and match.end <= end
            and match.entity.kind == "city"
            and match.role != "demonym"
        ):
            return match.entity
    return None
