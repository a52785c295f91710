"""A sentence's clauses, so that each dated happening in it takes what its own clause says.

"Vautrin doit se rendre vendredi à Dakar, puis à Libreville samedi" holds two visits: Saturday's
is in Libreville, not Dakar. Clauses part at coordinators ("puis", "while", ";"), around relative
clauses ("Timor-Leste, which joined in October 2025, will attend…") and before a closing reporting
clause (", the ministry said on Friday"). The markers of each language are in
`data/lexicons/clauses.json`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import groupby, pairwise

from timeline.extraction.lexicon import load_lexicon
from timeline.extraction.lexicon_files import any_of, language_part
from timeline.extraction.pattern_scan import PatternScan

SEPARATOR = re.compile(r"[,;()]")
CLAUSE_SEPARATOR = re.compile(r"[,;]")
"""What may stand before a relative clause's antecedent, whose own brackets it keeps ("le sommet
de la CEEAC (…), qui s'est tenu…")."""
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
    """Per clause after the first, the span where its subject would stand: right after its
    marker."""
    antecedents: tuple[tuple[int, int] | None, ...]
    """Per clause, for a relative clause, the words it hangs on ("Faye, whom leaders asked")."""

    sentence: str = ""
    language: str = ""

    @property
    def count(self) -> int:
        return len(self.subjects) + 1

    @cached_property
    def opening_subject(self) -> tuple[int, int]:
        """The span from the sentence's start to its first verb, fronted phrases included
        (worked out only for a sentence whose later clauses need it)."""
        end = next((i for i, owner in enumerate(self.owners) if owner != 0), len(self.owners))
        verb = _verb_at(self.sentence, 0, end, self.language)
        return 0, end if verb is None else verb

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


ONE_CLAUSE = Clauses((), frozenset(), (), (None,))
"""A sentence with no marker: every position is in clause 0."""


@dataclass(frozen=True)
class _Markers:
    coordinators: PatternScan
    """Scanned together: each is tried only where its first word occurs."""
    complements: PatternScan
    """A reporting verb and the clause it reports, which opens at the group "at"."""
    relatives: re.Pattern[str]
    attributions: re.Pattern[str]
    determiners: frozenset[str]


@cache
def _markers(language: str) -> _Markers | None:
    words = language_part("clauses.json", language)
    if words is None:
        return None

    def scan(key: str) -> PatternScan:
        return PatternScan(re.compile(pattern, re.IGNORECASE) for pattern in words[key])

    return _Markers(
        scan("coordinators"),
        scan("complements"),
        any_of(words["relatives"]),
        any_of(words["attributions"]),
        frozenset(words["determiners"]),
    )


def split_clauses(sentence: str, language: str, *, relatives_only: bool = False) -> Clauses:
    """Assign each character of `sentence` to a clause; a sentence with no marker is one clause.

    Args:
        sentence: one sentence.
        language: an ISO 639-1 code; a language without markers is never split.
        relatives_only: part only relative clauses and a closing reporting clause off, the
            cheapest split: a sentence with one dated happening needs no more than keeping a
            relative clause's tense apart ("Timor-Leste, which joined in 2025, will attend…")
            and telling a happening from the report that dates it (", the ministry said on
            Wednesday").

    Returns:
        The clause of every character, clause 0 being the one the sentence opens with.
    """
    markers = _markers(language)
    if markers is None:
        return ONE_CLAUSE
    marker_ends: dict[int, int] = {}
    complements: set[int] = set()
    if not relatives_only:
        marker_ends = {m.start(): m.end() for _, m in markers.coordinators.matches(sentence)}
        complements = {m.start("at") for _, m in markers.complements.matches(sentence)}
    attribution = markers.attributions.search(sentence)
    closing = attribution.start() if attribution is not None and attribution.start() > 0 else None
    end = len(sentence) if closing is None else closing
    ordered = sorted(start for start in {*marker_ends, *complements} if 0 < start < end)
    if closing is not None:
        ordered.append(closing)
    relatives = list(markers.relatives.finditer(sentence))
    if not ordered and not relatives:
        return ONE_CLAUSE
    owners = [0] * len(sentence)
    reporting = set()
    clause = 0
    for clause, start in enumerate(ordered, start=1):
        owners[start:] = [clause] * (len(sentence) - start)
        if start in complements:
            reporting.add(clause - 1)  # "X said on Friday | that…" speaks about what follows
    if closing is not None:
        reporting.add(clause)
    antecedents: list[tuple[int, int] | None] = [None] * (clause + 1)
    for relative in relatives:
        clause += 1
        enclosing = owners[relative.start()]
        antecedents.append(_antecedent(sentence, owners.index(enclosing), relative.start(), language))
        stop = _relative_end(sentence, relative.end(), language)
        owners[relative.start() : stop] = [clause] * (stop - relative.start())
    subjects = [_subject(sentence, marker_ends.get(start, start), markers) for start in ordered]
    subjects += [(0, 0)] * (clause - len(subjects))
    return Clauses(
        tuple(owners), frozenset(reporting), tuple(subjects), tuple(antecedents), sentence, language
    )


def _antecedent(sentence: str, clause_start: int, marker: int, language: str) -> tuple[int, int]:
    """The words a relative clause hangs on: those after the last comma and the last verb before
    it ("the results system, which collapsed" hangs on "the results system", not on the
    "statement" the sentence opened with)."""
    head = max(
        (m.end() for m in CLAUSE_SEPARATOR.finditer(sentence, clause_start, marker)), default=clause_start
    )
    verbs = [m.end() for m in _tense_cues(language, "any").finditer(sentence, head, marker)]
    return (verbs[-1] if verbs else head), marker


def _relative_end(sentence: str, start: int, language: str) -> int:
    """A relative clause ends at the separator after which the clause around it resumes with a
    verb ("Faye, whom leaders asked in 2024 to mediate, said on Friday"); a phrase with no verb
    after a comma still belongs to it ("qui ont siégé samedi, sous la présidence de…")."""
    separators = [m.start() for m in SEPARATOR.finditer(sentence, start)] + [len(sentence)]
    for here, following in pairwise(separators):
        if sentence[here] != "," or _verb_at(sentence, here, following, language) is not None:
            return here
    return len(sentence)


def _subject(sentence: str, start: int, markers: _Markers) -> tuple[int, int]:
    """The span from a clause's marker to its first lower-case word other than a determiner:
    "while Indonesia's minister Sugiono is…" names its subject, "before hosting Benin's
    president" and "puis à Libreville" name none."""
    for word in WORD.finditer(sentence, start):
        if word.group().islower() and word.group().lower() not in markers.determiners:
            return start, word.start()
    return start, len(sentence)


def clause_tense(clause_text: str, language: str) -> str | None:
    """The tense of a clause by its own verbs: "future" if it has a future cue, "past" if only
    past ones, None if it has neither (a verbless "puis à Libreville samedi")."""
    if _tense_cues(language, "future").search(clause_text):
        return "future"
    if _tense_cues(language, "past").search(clause_text):
        return "past"
    return None


def _verb_at(sentence: str, start: int, end: int, language: str) -> int | None:
    """Where the first tensed verb between start and end is, if any."""
    match = _tense_cues(language, "any").search(sentence, start, end)
    return match.start() if match else None


@cache
def _tense_cues(language: str, tense: str) -> re.Pattern[str]:
    """A language's future cues, past cues (suffix ones included) or the firm ones of both, as
    one pattern: one search instead of one per cue."""
    lexicon = load_lexicon(language)
    cues = {
        "future": lexicon.future_cues,
        "past": (*lexicon.past_cues, *lexicon.weak_past_cues),
        "any": (*lexicon.future_cues, *lexicon.past_cues),
    }[tense]
    return re.compile("|".join(f"(?:{cue.pattern})" for cue in cues))
