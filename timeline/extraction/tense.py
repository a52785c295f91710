"""Reading the tense of the sentence around a position, from per-language cue patterns.

The tagger needs it for bare weekdays ("lundi") and year-less dates ("le 3 avril"): past tense
points back from the publication date, future tense forward.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, cached_property

from timeline.extraction.calendar import Tense
from timeline.extraction.lexicon import Lexicon
from timeline.extraction.pattern_scan import PatternScan

SENTENCE_END = re.compile(r"[.!?]\s|\n")
SENTENCE_END_AHEAD = re.compile(rf"(?={SENTENCE_END.pattern})")
"""Finds every position a sentence end starts at, even inside another one: a full stop before a
line break is an end, and so is the line break."""
LOCAL_WINDOW = 80
GOVERNED_GAP = 12
"""A participle this close after a future auxiliary belongs to it: "will be held", "sera signé"."""


class TenseReader:
    """Answers "what tense is the sentence around this position in?" for one text."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self._text = text
        self._lexicon = lexicon
        self._tense_cues = (*lexicon.future_cues, *lexicon.past_cues, *lexicon.weak_past_cues)
        self._kinds = (
            ("future",) * len(lexicon.future_cues)
            + ("past",) * len(lexicon.past_cues)
            + ("weak",) * len(lexicon.weak_past_cues)
        )
        self._cues: dict[int, dict[str, list[tuple[int, int]]]] = {}

    def _cue_spans(self, start: int, end: int, kind: str) -> list[tuple[int, int]]:
        """Cue matches of one kind in the sentence [start, end), relative to it (one pass finds
        every kind, kept per sentence)."""
        if start not in self._cues:
            found: dict[str, list[tuple[int, int]]] = {"future": [], "past": [], "weak": []}
            for index, match in _scan(self._tense_cues).matches(self._text[start:end]):
                found[self._kinds[index]].append(match.span())
            self._cues[start] = found
        return self._cues[start][kind]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        """Where the sentences after the first start: just after each sentence end, scanning the
        text from its beginning."""
        return [match.end() for match in SENTENCE_END.finditer(self._text)]

    @cached_property
    def _end_positions(self) -> list[int]:
        """Every position a search from anywhere could find a sentence end at."""
        return [match.start() for match in SENTENCE_END_AHEAD.finditer(self._text)]

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence containing `position`: it starts after the last
        sentence end before `position` and ends with the first one that starts from it."""
        before = bisect_right(self._sentence_starts, position)
        start = self._sentence_starts[before - 1] if before else 0
        following = bisect_left(self._end_positions, position)
        end = self._end_positions[following] + 1 if following < len(self._end_positions) else len(self._text)
        return start, end

    def tense_at(self, position: int, *, firm_only: bool = False) -> Tense:
        """Return the tense governing `position`: a future cue before it wins unless a firm past
        cue ("met", "a signé") stands between them; otherwise the nearest cue decides ("present"
        when the sentence has none). `firm_only` ignores suffix cues such as "-ed", for choices
        where a wrong past reading costs more than none (the year of "le 3 avril")."""
        start, end = self.sentence_bounds(position)
        offset = position - start
        futures = self._cue_spans(start, end, "future")
        firm_pasts = [
            span
            for span in self._cue_spans(start, end, "past")
            if not any(0 <= span[0] - future_end <= GOVERNED_GAP for _, future_end in futures)
        ]
        futures_before = [span for span in futures if span[1] <= offset]
        if futures_before:
            last_future_end = max(span[1] for span in futures_before)
            if not any(last_future_end <= past_start < offset for past_start, _ in firm_pasts):
                return "future"
        candidates = [
            *((span, "future") for span in futures),
            *((span, "past") for span in firm_pasts),
            *((span, "past") for span in ([] if firm_only else self._cue_spans(start, end, "weak"))),
        ]
        if not candidates:
            return "present"
        _, tense = min(candidates, key=lambda item: min(abs(item[0][0] - offset), abs(item[0][1] - offset)))
        return tense  # type: ignore[return-value]

    def local_tense(self, start: int, end: int) -> Tense:
        """The tense of the verb right next to an expression (within `LOCAL_WINDOW` characters),
        "present" if none: for a bare weekday, the verb it modifies is the one beside it
        ("said on Monday", "se rendra lundi"). Measured on TempEval-3 and the French TimeBank,
        this beats the sentence-level reading."""
        sentence_start, sentence_end = self.sentence_bounds(start)
        spans = [
            *((span, "future") for span in self._cue_spans(sentence_start, sentence_end, "future")),
            *((span, "past") for span in self._cue_spans(sentence_start, sentence_end, "past")),
            *((span, "past") for span in self._cue_spans(sentence_start, sentence_end, "weak")),
        ]
        local_start, local_end = start - sentence_start, end - sentence_start
        near = []
        for (a, b), tense in spans:
            # the verb an adverbial modifies usually comes before it ("met … on Thursday, in talks
            # that … will"): a cue after the expression counts double its distance
            distance = local_start - b if b <= local_start else 2 * max(0, a - local_end)
            if distance <= LOCAL_WINDOW:
                near.append((distance, tense))
        return min(near)[1] if near else "present"  # type: ignore[return-value]

    def has_tensed_verb(self, start: int, end: int) -> bool:
        """Tell whether the text between start and end has a verb with a tense cue (a clause that
        says something happened or will happen, rather than a caption or a dateline)."""
        return _scan(self._tense_cues).search_any(self._text, start, end)

    def is_reported(self, start: int, end: int) -> bool:
        """Tell whether the text between start and end reports hearsay ("selon", "reportedly")."""
        return _scan(self._lexicon.reported_cues).search_any(self._text, start, end)


@cache
def _scan(cues: tuple[re.Pattern[str], ...]) -> PatternScan:
    """One scanner per cue list of a lexicon, built on first use."""
    return PatternScan(cues)
