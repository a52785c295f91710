"""Reading the tense of the sentence around a position, from per-language cue patterns.

The tagger needs it for bare weekdays ("lundi") and year-less dates ("le 3 avril"): past tense
points back from the publication date, future tense forward.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from timeline.extraction.calendar import Tense
from timeline.extraction.lexicon import Lexicon
from timeline.extraction.pattern_scan import PatternScan
from timeline.extraction.sentences import sentence_starts

LOCAL_WINDOW = 80
QUOTE_MARK = re.compile(r"[\"“”«»]|''|``")
"""A quotation mark: it parts a quoted expression from the verb outside that reports it."""
CLAUSE_BREAK = re.compile(r"[,;:()]")
FRONTED = re.compile(r"\W*(?:\w+\W+)?$")
"""What may stand before an expression that opens its sentence: a preposition at most."""
GOVERNED_GAP = 12
"""A participle this close after a future auxiliary belongs to it: "will be held", "sera signé"."""


@dataclass(frozen=True)
class _Cues:
    """The tense cues of one sentence, relative to its start."""

    future: list[tuple[int, int]]
    past: list[tuple[int, int]]
    weak: list[tuple[int, int]]
    firm_past: list[tuple[int, int]]
    """Past cues not governed by a future auxiliary just before them."""


class _TextIndex:
    """What every reading of one text shares: its sentence bounds and each sentence's cues (the
    tagger and the mention builder both read the tenses of the same article)."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lexicon = lexicon
        self.tense_scan = _scan((*lexicon.future_cues, *lexicon.past_cues, *lexicon.weak_past_cues))
        self.reported_scan = _scan(lexicon.reported_cues)
        self.kinds = (
            ("future",) * len(lexicon.future_cues)
            + ("past",) * len(lexicon.past_cues)
            + ("weak",) * len(lexicon.weak_past_cues)
        )
        self.sentence_starts = sentence_starts(text, lexicon.language)
        """Where the sentences after the first start, as the event pipeline splits them."""
        self.cues: dict[tuple[int, int], _Cues] = {}

    def cues_in(self, start: int, end: int) -> _Cues:
        """The cues of the sentence [start, end), found in one pass over it."""
        if (start, end) not in self.cues:
            found: dict[str, list[tuple[int, int]]] = {"future": [], "past": [], "weak": []}
            for index, match in self.tense_scan.matches(self.text[start:end]):
                found[self.kinds[index]].append(match.span())
            firm_past = [
                span
                for span in found["past"]
                if not any(0 <= span[0] - future_end <= GOVERNED_GAP for _, future_end in found["future"])
            ]
            self.cues[start, end] = _Cues(found["future"], found["past"], found["weak"], firm_past)
        return self.cues[start, end]


_recent: list[_TextIndex] = []
"""The last texts read: the tagger's reader and the mention builder's reader of one article
share an index (a lexicon holds a dict, so it cannot key an lru_cache)."""


def _text_index(text: str, lexicon: Lexicon) -> _TextIndex:
    for index in _recent:
        if index.lexicon is lexicon and index.text == text:
            return index
    index = _TextIndex(text, lexicon)
    _recent[:] = [index, *_recent[:1]]
    return index


class TenseReader:
    """Answers "what tense is the sentence around this position in?" for one text."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self._index = _text_index(text, lexicon)

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence containing `position`."""
        starts = self._index.sentence_starts
        following = bisect_right(starts, position)
        start = starts[following - 1] if following else 0
        end = starts[following] if following < len(starts) else len(self._index.text)
        return start, end

    def tense_at(self, position: int, *, firm_only: bool = False) -> Tense:
        """Return the tense governing `position`: a future cue before it wins unless a firm past
        cue ("met", "a signé") stands between them; otherwise the nearest cue decides ("present"
        when the sentence has none). `firm_only` ignores suffix cues such as "-ed", for choices
        where a wrong past reading costs more than none (the year of "le 3 avril")."""
        start, end = self.sentence_bounds(position)
        offset = position - start
        cues = self._index.cues_in(start, end)
        futures_before = [span for span in cues.future if span[1] <= offset]
        if futures_before:
            last_future_end = max(span[1] for span in futures_before)
            if not any(last_future_end <= past_start < offset for past_start, _ in cues.firm_past):
                return "future"
        candidates = [
            *((span, "future") for span in cues.future),
            *((span, "past") for span in cues.firm_past),
            *((span, "past") for span in ([] if firm_only else cues.weak)),
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
        cues = self._index.cues_in(sentence_start, sentence_end)
        spans = [
            *((span, "future") for span in cues.future),
            *((span, "past") for span in cues.past),
            *((span, "past") for span in cues.weak),
        ]
        local_start, local_end = start - sentence_start, end - sentence_start
        sentence = self._index.text[sentence_start:sentence_end]
        after_weight = 1 if FRONTED.match(sentence, 0, local_start) else 2
        near: list[tuple[int, str]] = []
        beyond_clause: list[tuple[int, str]] = []
        for (a, b), tense in spans:
            if QUOTE_MARK.search(sentence, b, local_start) or QUOTE_MARK.search(sentence, local_end, a):
                continue  # a quotation and the verb that reports it ("'… Thursday,' he said")
            # the verb an adverbial modifies usually comes before it ("met … on Thursday, in talks
            # that … will"): unless the expression is fronted, a cue after it counts double its
            # distance
            distance = local_start - b if b <= local_start else after_weight * max(0, a - local_end)
            if distance > LOCAL_WINDOW:
                continue
            if a >= local_end and CLAUSE_BREAK.search(sentence, local_end, a):
                beyond_clause.append((distance, tense))
            else:
                near.append((distance, tense))
        near = near or beyond_clause
        return min(near)[1] if near else "present"  # type: ignore[return-value]

    def has_tensed_verb(self, start: int, end: int) -> bool:
        """Tell whether the text between start and end has a verb with a tense cue (a clause that
        says something happened or will happen, rather than a caption or a dateline)."""
        return self._index.tense_scan.search_any(self._index.text, start, end)

    def is_reported(self, start: int, end: int) -> bool:
        """Tell whether the text between start and end reports hearsay ("selon", "reportedly"):
        asked of a few dated sentences, a scan of each costs less than one of the whole text."""
        return self._index.reported_scan.search_any(self._index.text, start, end)


@cache
def _scan(cues: tuple[re.Pattern[str], ...]) -> PatternScan:
    """One scanner per cue list of a lexicon, built on first use."""
    return PatternScan(cues)
