"""Sentence splitting with character offsets, tuned for news prose in European languages."""

from __future__ import annotations

import re
from dataclasses import dataclass

PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r\n\s*\r\n")
BOUNDARY = re.compile(r"[.!?…](?P<gap>[»\"”’)]*\s+)(?=[«\"“(]?\s*[A-ZÀ-ÖØ-Þ0-9])")
"""The end of a sentence and the gap after it; the gap is the boundary. Starting with the
punctuation rather than a lookbehind for it lets `re` skip to each stop quickly."""
ABBREVIATION = re.compile(
    r"(?:\b(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Mr|Mrs|Ms|St|Ste|Gen|Gén|Lt|Col|Sgt|Capt|Prof|Sen|Rep|Gov|Jr|Sr|"
    r"No|n°|art|vol|p|pp|cf|etc|vs|av|apr|J\.-C|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"janv|févr|avr|juil|déc|Inc|Ltd|Co|Corp)|\b[A-Z])\.$"
)

ABBREVIATION_REACH = 16
"""More characters than any abbreviation and its dot: searching just that far back before a
boundary finds the same abbreviations as searching the whole sentence so far."""


@dataclass(frozen=True)
class Sentence:
    """A sentence and where it sits in the article."""

    start: int
    end: int
    text: str
    paragraph_start: int
    paragraph_end: int


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; paragraph breaks always end a sentence."""
    sentences: list[Sentence] = []
    paragraph_start = 0
    for paragraph_end, next_start in [*_paragraph_breaks(text), (len(text), len(text))]:
        sentence_start = paragraph_start
        for boundary in BOUNDARY.finditer(text, paragraph_start, paragraph_end):
            gap_start = boundary.start("gap")
            reach = max(sentence_start, gap_start - ABBREVIATION_REACH)
            if ABBREVIATION.search(text, reach, gap_start):
                continue
            _append(sentences, text, sentence_start, gap_start, paragraph_start, paragraph_end)
            sentence_start = boundary.end()
        _append(sentences, text, sentence_start, paragraph_end, paragraph_start, paragraph_end)
        paragraph_start = next_start
    return sentences


def _paragraph_breaks(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PARAGRAPH_BREAK.finditer(text)]


def _append(sentences: list[Sentence], text: str, start: int, end: int, p_start: int, p_end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end], p_start, p_end))
