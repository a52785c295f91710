"""A sentence's clauses, so that each dated happening in it takes what its own clause says.

"Vautrin doit se rendre vendredi à Dakar, puis à Libreville samedi" holds two visits: Saturday's
is in Libreville, not Dakar. Clauses part at coordinators ("puis", "while", ";"), around relative
clauses ("Timor-Leste, which joined in October 2025, will attend…") and before a closing reporting
clause (", the ministry said on Friday"). The markers of each language are in
`data/lexicons/clauses.json`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from itertools import groupby, pairwise

from timeline.config import data_dir
from timeline.extraction.lexicon import load_lexicon

SEPARATOR = re.compile(r"[,;()]")
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Clauses:
    """Which clause each character of a sentence belongs to."""

    owners: tuple[int, ...]
    """The clause of each character; an embedded clause interrupts the one around it."""
    reporting: frozenset[int]
    """The reporting clauses: a closing one (", the ministry said on Friday") or one followed by
    what it reports ("Faye said on Friday that…")."""
    subjects: tuple[tuple[int, int], ...]
    """Per clause, the span where its subject would stand: before the opening clause's first
    verb, right after a coordinator's marker."""
    antecedents: tuple[tuple[int, int] | None, ...]
    """Per clause, for a relative clause, the words it hangs on ("Faye, whom leaders asked")."""

    @property
    def count(self) -> int:
        return max(self.owners, default=0) + 1

    def clause_at(self, position: int) -> int:
        """The clause holding the character at `position` (the last one past the end)."""
        return self.owners[min(position, len(self.owners) - 1)] if self.owners else 0

    def keep(self, text: str, clauses: Collection[int]) -> str:
        """`text` with every character outside `clauses` blanked: offsets stay those of the
        sentence, so what is found in the result is found where it is in the sentence."""
        parts = []
        position = 0
        for owner, run in groupby(self.owners):
            length = len(list(run))
            chunk = text[position : position + length]
            parts.append(chunk if owner in clauses else " " * length)
            position += length
        return "".join(parts)


@dataclass(frozen=True)
class _Markers:
    coordinators: re.Pattern[str]
    complements: tuple[re.Pattern[str], ...]
    """A reporting verb and the clause it reports, which opens at the group "at"."""
    relatives: re.Pattern[str]
    attributions: re.Pattern[str]
    determiners: frozenset[str]


@cache
def _markers(language: str) -> _Markers | None:
    raw = json.loads((data_dir() / "lexicons" / "clauses.json").read_text(encoding="utf-8"))
    words = raw.get(language)
    if words is None:
        return None

    def joined(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{pattern})" for pattern in words[key]), re.IGNORECASE)

    complements = tuple(re.compile(pattern, re.IGNORECASE) for pattern in words["complements"])
    return _Markers(
        joined("coordinators"),
        complements,
        joined("relatives"),
        joined("attributions"),
        frozenset(words["determiners"]),
    )


def split_clauses(sentence: str, language: str) -> Clauses:
    """Assign each character of `sentence` to a clause; a sentence with no marker is one clause.

    Args:
        sentence: one sentence.
        language: an ISO 639-1 code; a language without markers is never split.

    Returns:
        The clause of every character, clause 0 being the one the sentence opens with.
    """
    markers = _markers(language)
    owners = [0] * len(sentence)
    if markers is None:
        return Clauses(tuple(owners), frozenset(), ((0, 0),), (None,))
    marker_ends = {m.start(): m.end() for m in markers.coordinators.finditer(sentence)}
    starts = set(marker_ends)
    complements = {m.start("at") for pattern in markers.complements for m in pattern.finditer(sentence)}
    attribution = markers.attributions.search(sentence)
    closing = attribution.start() if attribution is not None and attribution.start() > 0 else None
    end = len(sentence) if closing is None else closing
    ordered = sorted(start for start in starts | complements if 0 < start < end)
    if closing is not None:
        ordered.append(closing)
    reporting = set()
    clause = 0
    for clause, start in enumerate(ordered, start=1):
        owners[start:] = [clause] * (len(sentence) - start)
        if start in complements:
            reporting.add(clause - 1)  # "X said on Friday | that…" speaks about what follows
    if closing is not None:
        reporting.add(clause)
    antecedents: list[tuple[int, int] | None] = [None] * (clause + 1)
    for relative in markers.relatives.finditer(sentence):
        clause += 1
        enclosing = owners[relative.start()]
        head = max((m.end() for m in SEPARATOR.finditer(sentence, 0, relative.start())), default=0)
        head = max(head, owners.index(enclosing))
        antecedents.append((head, relative.start()))
        stop = _relative_end(sentence, relative.end(), language)
        owners[relative.start() : stop] = [clause] * (stop - relative.start())
    subjects = [_opening_subject(sentence, owners, language)]
    subjects += [_subject(sentence, marker_ends.get(start, start), markers) for start in ordered]
    subjects += [(0, 0)] * (clause + 1 - len(subjects))
    return Clauses(tuple(owners), frozenset(reporting), tuple(subjects), tuple(antecedents))


def _relative_end(sentence: str, start: int, language: str) -> int:
    """A relative clause ends at the separator after which the clause around it resumes with a
    verb ("Faye, whom leaders asked in 2024 to mediate, said on Friday"); a phrase with no verb
    after a comma still belongs to it ("qui ont siégé samedi, sous la présidence de…")."""
    separators = [m.start() for m in SEPARATOR.finditer(sentence, start)] + [len(sentence)]
    for here, following in pairwise(separators):
        if sentence[here] != "," or _verb_at(sentence, here, following, language) is not None:
            return here
    return len(sentence)


def _opening_subject(sentence: str, owners: list[int], language: str) -> tuple[int, int]:
    """The span from the sentence's start to its first verb, fronted phrases included."""
    end = next((i for i, owner in enumerate(owners) if owner != 0), len(owners))
    verb = _verb_at(sentence, 0, end, language)
    return 0, end if verb is None else verb


def _subject(sentence: str, start: int, markers: _Markers) -> tuple[int, int]:
    """The span from a clause's marker to its first lower-case word other than a determiner:
    "while Indonesia's minister Sugiono is…" names its subject, "before hosting Benin's
    president" and "puis à Libreville" name none."""
    for word in WORD.finditer(sentence, start):
        if word.group().islower() and word.group().lower() not in markers.determiners:
            return start, word.start()
    return start, len(sentence)


def _verb_at(sentence: str, start: int, end: int, language: str) -> int | None:
    """Where the first tensed verb between start and end is, if any."""
    lexicon = load_lexicon(language)
    found = [
        match.start()
        for cue in (*lexicon.future_cues, *lexicon.past_cues)
        if (match := cue.search(sentence, start, end)) is not None
    ]
    return min(found, default=None)
