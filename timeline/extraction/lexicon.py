"""Per-language temporal lexicons: our JSON files in `data/lexicons/timex/` plus dateparser's
month and weekday names, compiled once into the regular expressions the tagger uses.

Adding a language means adding a JSON file; the month and weekday names come from dateparser.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from timeline.config import data_dir

MONTH_KEYS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAY_KEYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MIN_NAME_LENGTH = 3
ARTICLES = frozenset({"a", "an", "un", "une"})
"""Number words that are also articles: "a year" is one year, but "twenty a day" is no number."""


@dataclass(frozen=True)
class Lexicon:
    """Everything the tagger needs to know about one language."""

    language: str
    raw: dict[str, Any]
    month_numbers: dict[str, int]
    weekday_numbers: dict[str, int]
    month_pattern: str
    weekday_pattern: str
    number_pattern: str
    future_cues: tuple[re.Pattern[str], ...]
    past_cues: tuple[re.Pattern[str], ...]
    weak_past_cues: tuple[re.Pattern[str], ...]
    """Suffix cues such as English "-ed", which are often adjectives ("damaged cables")."""
    reported_cues: tuple[re.Pattern[str], ...]

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]

    def month_number(self, name: str) -> int | None:
        """Map a written month name (any case, optional trailing dot) to 1-12."""
        return self.month_numbers.get(name.lower().rstrip("."))

    def weekday_number(self, name: str) -> int | None:
        """Map a written weekday name to 0 (Monday) - 6."""
        return self.weekday_numbers.get(name.lower())

    def unit(self, written: str) -> str:
        """Map a written time unit ("semaines", "MOIS") to its code (W, M…)."""
        units = self.raw["offset_units"]
        return units.get(written) or units[written.lower()]

    def number(self, written: str) -> int | None:
        """Turn "3", "trois" or "twenty-four" into 3, 3 and 24."""
        if written.isdigit():
            return int(written)
        words = self.raw["number_words"]
        if written.lower() in words:
            return words[written.lower()]
        parts = re.split(r"[\s-]+", written.lower())
        if len(parts) == 2 and all(part in words for part in parts):
            return words[parts[0]] + words[parts[1]]
        return None


def alternation(words: list[str] | dict[str, Any]) -> str:
    """Build a regex alternation in which the longest written form wins.

    The words are factored into a trie ("J(?:anuary|u(?:ne|ly))"): Python's `re` tries the
    branches of an alternation one by one at every position of the text, so a flat list of
    fifty words costs fifty tests where the trie costs one or two. Trying longer continuations
    before a word's end keeps the longest-first preference of a flat list sorted by length.
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return (body if len(branches) > 1 else "(?:" + body + ")") + "?"


def supported_languages() -> tuple[str, ...]:
    """Return the languages that have a temporal lexicon."""
    folder = data_dir() / "lexicons" / "timex"
    return tuple(sorted(path.stem for path in folder.glob("*.json")))


@cache
def load_lexicon(language: str) -> Lexicon:
    """Load and compile the lexicon of `language` (cached: compiled once per process)."""
    path = data_dir() / "lexicons" / "timex" / f"{language}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    names = _dateparser_names(language)
    excluded = {name.lower() for name in raw["excluded_names"]}
    month_numbers = _name_table(names, MONTH_KEYS, excluded)
    weekday_numbers = {
        name: number for name, number in _name_table(names, WEEKDAY_KEYS, excluded).items() if len(name) >= 5
    }
    capitalised = raw["capitalised_names"]
    month_forms = []
    for name in month_numbers:
        full = max((n for n in month_numbers if month_numbers[n] == month_numbers[name]), key=len)
        dot = "" if name == full else "."  # abbreviations need their dot: "Jan." but never "jan"
        month_forms += [form + dot for form in _written_forms(name, capitalised)]
    weekday_forms = [f for name in weekday_numbers for f in _written_forms(name, capitalised)]
    # any case, as a headline may shout ("TROIS MOIS"), spelled out so the trie stays case-exact
    numbers = [form for word in (*raw["number_words"], *raw["vague_quantities"]) for form in any_case(word)]
    return Lexicon(
        language=language,
        raw=raw,
        month_numbers=month_numbers,
        weekday_numbers=weekday_numbers,
        month_pattern="(?:" + alternation(month_forms) + ")",
        weekday_pattern="(?:" + alternation(weekday_forms) + ")",
        number_pattern=rf"(?:\d{{1,3}}|{_compound_numbers(raw['number_words'])}|{alternation(numbers)})",
        # Case-sensitive: cues are verb forms, and "Ankara" must not read as a future tense.
        future_cues=tuple(re.compile(cue) for cue in raw["future_cues"]),
        past_cues=tuple(re.compile(cue) for cue in raw["past_cues"]),
        weak_past_cues=tuple(re.compile(cue) for cue in raw["weak_past_cues"]),
        reported_cues=tuple(re.compile(cue) for cue in raw["reported_cues"]),
    )


def _compound_numbers(number_words: dict[str, int]) -> str:
    """ "twenty four", "thirty-six": a word for tens, then one for units."""
    tens = [
        form for word, value in number_words.items() if value in range(20, 100, 10) for form in any_case(word)
    ]
    units = [
        form
        for word, value in number_words.items()
        if value in range(1, 10) and word not in ARTICLES and " " not in word
        for form in any_case(word)
    ]
    return rf"(?:{alternation(tens)})[\s-]+(?:{alternation(units)})"


def any_case(word: str) -> list[str]:
    """ "mois", "Mois", "MOIS": the ways a lower-case word is written in running text and titles."""
    return [word, word.capitalize(), word.upper()]


def _written_forms(name: str, capitalised: bool) -> list[str]:
    """Return the case forms a name may be written in: languages that capitalise month and
    weekday names (English) never accept the lowercase form, which is how "may" the verb and
    "march" the noun stay out."""
    forms = [name.capitalize(), name.upper()]
    return forms if capitalised else [name, *forms]


def _dateparser_names(language: str) -> dict[str, list[str]]:
    from dateparser.languages.loader import LocaleDataLoader

    info = LocaleDataLoader().get_locale(language).info
    return {key: info.get(key, []) for key in (*MONTH_KEYS, *WEEKDAY_KEYS)}


def _name_table(names: dict[str, list[str]], keys: list[str], excluded: set[str]) -> dict[str, int]:
    table: dict[str, int] = {}
    for number, key in enumerate(keys):
        for name in names[key]:
            lowered = name.lower()
            if len(lowered) >= MIN_NAME_LENGTH and lowered not in excluded:
                table[lowered] = number + 1 if keys is MONTH_KEYS else number
    return table
