"""Reading the tense of the sentence around a position, from per-language cue patterns.

The tagger needs it for bare weekdays ("lundi") and year-less dates ("le 3 avril"): past tense
points back from the publication date, future tense forward.
"""

from __future__ import annotations

import re

from timeline.extraction.calendar import Tense
from timeline.extraction.lexicon import Lexicon

SENTENCE_END = re.compile(r"[.!?]\s|\n")
GOVERNED_GAP = 12
"""A participle this close after a future auxiliary belongs to it: "will be held", "sera signé"."""


class TenseReader:
    """Answers "what tense is the sentence around this position in?" for one text."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self._text = text
        self._lexicon = lexicon

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence containing `position`."""
        starts = [m.end() for m in SENTENCE_END.finditer(self._text, 0, position)]
        start = starts[-1] if starts else 0
        following = SENTENCE_END.search(self._text, position)
        end = following.start() + 1 if following else len(self._text)
        return start, end

    def tense_at(self, position: int) -> Tense:
        """Return the tense of the cue nearest to `position` in its sentence ("present" if none)."""
        start, end = self.sentence_bounds(position)
        sentence = self._text[start:end]
        offset = position - start
        futures = [m.span() for cue in self._lexicon.future_cues for m in cue.finditer(sentence)]
        pasts = [
            m.span()
            for cue in self._lexicon.past_cues
            for m in cue.finditer(sentence)
            if not any(0 <= m.start() - end <= GOVERNED_GAP for _, end in futures)
        ]
        nearest: tuple[int, Tense] | None = None
        for tense, spans in (("future", futures), ("past", pasts)):
            for span_start, span_end in spans:
                distance = min(abs(span_start - offset), abs(span_end - offset))
                if nearest is None or distance < nearest[0]:
                    nearest = (distance, tense)  # type: ignore[assignment]
        return nearest[1] if nearest else "present"

    def is_reported(self, start: int, end: int) -> bool:
        """Tell whether the text between start and end reports hearsay ("selon", "reportedly")."""
        return any(cue.search(self._text, start, end) for cue in self._lexicon.reported_cues)
