"""Sentence splitting with character offsets, tuned for news prose in European languages.

One splitter serves the event pipeline (`split_sentences`) and the tense reader
(`sentence_starts`), so both agree on where a sentence ends. A line break always ends one; a
full stop, "!", "?" or "…" ends one before anything but a lower-case word. The full stop of an
abbreviation ends none, unless it is not a title and a word that usually opens a sentence follows
("at 10 a.m. The talks", but "10 a.m. Tuesday", "Jan. 5", "Mr. Smith"). The abbreviations of
each language are listed in `data/lexicons/abbreviations.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from timeline.config import data_dir

BOUNDARY = re.compile(r"\n|[.!?…](?:[\"”’)\]]|\s?»)*(?=\s)")
"""A line break, or the end of a sentence's punctuation and closing quotes (a French "»" after a
space). Starting with the punctuation rather than a lookbehind for it lets `re` skip to each
stop quickly."""
NEXT_WORD = re.compile(r"\s*[«\"“‘(\[]*\s*(?P<word>[^\W\d_]*)(?P<rest>\S?)")
"""What follows a stop: the letters of the next word (empty before a digit or a symbol)."""
ABBREVIATION_REACH = 16
"""More characters than any abbreviation and its dot: searching just that far back before a
stop finds the same abbreviations as searching the whole sentence so far."""
LETTER_BEFORE = r"(?<![^\W\d_])(?<![.'’-])"
"""An abbreviation starts a word: "Gen." but not "Agen.", "U.S." but not its "S."."""
TYPOGRAPHIC_ABBREVIATIONS = r"[A-ZÀ-ÖØ-Þ]|(?:[A-Z]\.)+[A-Z]"
"""Abbreviations in every language written with Latin capitals: an initial ("George W. Bush",
"M. Dupont") and a dotted acronym ("U.S.", "U.N.")."""
TYPOGRAPHIC_FIRSTS = "A-ZÀ-ÖØ-Þ"
"""The characters those abbreviations begin with, as a class's content."""


@dataclass(frozen=True)
class Sentence:
    """A sentence and where it sits in the article."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Rules:
    """The abbreviations of one language, compiled."""

    title: re.Pattern[str]
    abbreviation: re.Pattern[str]
    sentence_starters: frozenset[str]


@cache
def _rules(language: str) -> _Rules:
    raw = json.loads((data_dir() / "lexicons" / "abbreviations.json").read_text(encoding="utf-8"))
    words = raw.get(language) or raw["en"]

    def ending(key: str, typographic: bool = False) -> re.Pattern[str]:
        listed = sorted(words[key], key=len, reverse=True)
        alternatives = "|".join(map(re.escape, listed))
        firsts = "".join(sorted({re.escape(word[0]) for word in listed if word}))
        if typographic:
            alternatives, firsts = f"{alternatives}|{TYPOGRAPHIC_ABBREVIATIONS}", firsts + TYPOGRAPHIC_FIRSTS
        # most places before a stop begin no abbreviation: testing the first characters there
        # spares `re` trying each one (an empty word, which may begin anywhere, leaves no test)
        guard = f"(?=[{firsts}])" if listed and all(listed) else ""
        return re.compile(rf"{guard}{LETTER_BEFORE}(?:{alternatives})$")

    return _Rules(
        title=ending("titles"),
        abbreviation=ending("abbreviations", typographic=True),
        sentence_starters=frozenset(words["sentence_starters"]),
    )


def sentence_starts(text: str, language: str) -> list[int]:
    """Return where each sentence of `text` after the first starts, in order.

    Args:
        text: any text; the sentences cover all of it, whitespace between them included.
        language: an ISO 639-1 code; its abbreviations decide which full stops end nothing.

    Returns:
        The offsets just after each sentence's last stop or closing quote, or after its line
        break; the whitespace between two sentences opens the second.
    """
    return list(_sentence_starts(text, language))


@lru_cache(maxsize=4)
def _sentence_starts(text: str, language: str) -> tuple[int, ...]:
    """`sentence_starts`, kept for the last texts: the tense reader and the sentence splitter
    of one article split the same text."""
    rules = _rules(language)
    starts: list[int] = []
    for stop in BOUNDARY.finditer(text):
        if stop.group() == "\n":
            starts.append(stop.end())
            continue
        following = NEXT_WORD.match(text, stop.end())
        assert following is not None  # every part of it may be empty
        if (following["word"] or following["rest"]).islower():
            continue  # "« Pourquoi ? » a-t-il demandé", "10 a.m. on Friday"
        if text[stop.start()] == "." and not _ends_sentence(text, stop.start(), following["word"], rules):
            continue
        starts.append(stop.end())
    return tuple(starts)


def _ends_sentence(text: str, dot: int, next_word: str, rules: _Rules) -> bool:
    """Tell whether the full stop at `dot` ends a sentence before `next_word`."""
    reach = max(0, dot - ABBREVIATION_REACH)
    if rules.title.search(text, reach, dot):
        return False
    if rules.abbreviation.search(text, reach, dot):
        return next_word in rules.sentence_starters
    return True


def split_sentences(text: str, language: str) -> list[Sentence]:
    """Split text into sentences, without the whitespace around them.

    Args:
        text: an article, or any text.
        language: an ISO 639-1 code (see `sentence_starts`).

    Returns:
        The non-blank sentences, in order.
    """
    sentences: list[Sentence] = []
    cuts = [0, *_sentence_starts(text, language), len(text)]
    for start, end in pairwise(cuts):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append(Sentence(start, end, text[start:end]))
    return sentences
