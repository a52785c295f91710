"""Where a happening took place, beyond "à X" / "in X": places that are not the happening's
("son ambassadeur à Bamako", "en poste à Dakar"), places given by a part of a city ("in east
London") or by a seat of government ("visited the White House"), and votes held across a
country. The words of each language are in `data/lexicons/places.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.extraction.lexicon_files import any_of, language_part

REACH = 48
"""More characters than any cue before a place ("high commissioners to ")."""


@dataclass(frozen=True)
class _Rules:
    posts: re.Pattern[str]
    elsewhere: re.Pattern[str]
    areas: re.Pattern[str]
    place_words: re.Pattern[str]
    landmarks: re.Pattern[str] | None
    landmark_names: re.Pattern[str] | None
    """The names alone, as plain text, searched for first: most sentences name none, and one
    pass for the bare names costs less than the pattern (or an `in` test per name)."""
    landmark_cities: dict[str, str]
    national_votes: re.Pattern[str]


@cache
def _rules(language: str) -> _Rules | None:
    words = language_part("places.json", language)
    if words is None:
        return None
    names = sorted(words["landmarks"], key=len, reverse=True)
    landmarks = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None
    return _Rules(
        any_of(words["posts"]),
        any_of(words["elsewhere"]),
        any_of(words["areas"]),
        any_of(words["place_words"]),
        landmarks,
        re.compile("|".join(map(re.escape, names))) if names else None,
        {name.casefold(): city for name, city in words["landmarks"].items()},
        any_of(words["national_votes"]),
    )


def _before(sentence: str, start: int) -> str:
    return sentence[max(0, start - REACH) : start]


def is_post(sentence: str, start: int, language: str) -> bool:
    """Tell whether the place at `start` is where someone is posted ("ambassador to Mali"):
    not where the happening is, but the host country is a party to it."""
    rules = _rules(language)
    return rules is not None and rules.posts.search(_before(sentence, start)) is not None


def is_elsewhere(sentence: str, start: int, language: str) -> bool:
    """Tell whether the place at `start` is not the happening's: where someone is posted or
    based, or where a text was published ("en poste à Dakar", "communiqué publié à Bamako")."""
    rules = _rules(language)
    if rules is None:
        return False
    before = _before(sentence, start)
    return rules.posts.search(before) is not None or rules.elsewhere.search(before) is not None


def in_area_of(sentence: str, start: int, language: str) -> bool:
    """Tell whether the city at `start` is named for a part of it ("in east London", "dans la
    banlieue de Dakar"): the happening is in that city."""
    rules = _rules(language)
    return rules is not None and rules.areas.search(_before(sentence, start)) is not None


def landmark_city(sentence: str, language: str) -> str | None:
    """The city of a seat of government written as a place ("visited the White House", "reçu
    à l'Élysée"); a seat written as a subject ("the Kremlin said") is a government, not a place."""
    rules = _rules(language)
    if rules is None or rules.landmarks is None:
        return None
    if rules.landmark_names is None or not rules.landmark_names.search(sentence):
        return None
    for match in rules.landmarks.finditer(sentence):
        if rules.place_words.search(_before(sentence, match.start())):
            return rules.landmark_cities[match.group().casefold()]
    return None


def is_national_vote(sentence: str, language: str) -> bool:
    """Tell whether a sentence speaks of a vote held across a country (a general election, a
    referendum, a president elected), whose place is that country."""
    rules = _rules(language)
    return rules is not None and rules.national_votes.search(sentence) is not None
