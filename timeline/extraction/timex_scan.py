"""Every tagger rule's matches in a text, found with one shared scan instead of one pass per rule.

Most rules open with optional words ("in", "the", "last"…) or digits before the month, weekday
or number they are about, so Python's `re` can skip to no particular character and tries each
rule at every position. The parsed rule tells every way one of its matches can begin (which
`pattern_scan.literal_starts`, reading plain literal openings only, cannot), and `PatternScan`
then tries each rule only where one of those beginnings occurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

# The parser `re.compile` itself uses gives a pattern's structure without re-reading regex syntax
# here. It is private, but has kept this shape since Python 3.11 (the oldest we support).
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from timeline.extraction.pattern_scan import PatternScan, union

Beginning = tuple[tuple[str, ...], bool, tuple[str, ...]]
"""A way a match can begin: the characters it begins with, each a regex piece matching one
character (a literal, or a class such as a digit or whitespace), whether they are all that was
consumed so far (so that what follows extends them), and the word-start tests made before the
first one."""

NOTHING_YET: list[Beginning] = [((), True, ())]
MAX_LENGTH = 6
"""Pieces per beginning: enough to see past "the " or a year to the next word, which tells most
rules opening with the same word apart ("the we", "the 3r", "2024 b"); 8 spares a quarter of
the tries but doubles the time to work beginnings out (alternations multiply)."""
DISPATCH_WIDTH = MAX_LENGTH
"""Characters at a possible start that choose the rules tried there: "the we" or "2024 p" tries
only the rules whose beginnings fit, "the " alone would try the 18 that may begin with "the"."""
SCAN_WIDTH = 4
"""Characters of a beginning the shared scan looks for; the dispatch checks the rest. All 6
find 92 places per article instead of 159 but take as long, and their pattern (57,000
characters instead of 11,000) takes 0.2 s longer to build. Each new 6-character head is matched
against every rule once: on the evaluation articles 32 per article come up (15 with all 6,
48 with 3)."""
MAX_BEGINNINGS = 400
"""More beginnings than this are blurred into fewer (alternations multiply fast)."""
ASCII_DIGITS = "0123456789"
OTHER_DIGITS = re.compile(r"[^\D0-9]")
"""What `\\d` matches besides 0-9 (Arabic-Indic digits…): beginnings read `\\d` as 0-9 only, so
a text holding one of these is scanned rule by rule."""
WORD_CLASS = (sre.CATEGORY, sre.CATEGORY_WORD)
WORD_OR_DOT = {WORD_CLASS, (sre.LITERAL, ord("."))}


class RuleScan:
    """Rule patterns, each matched as its own `finditer` would, with one shared scan."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._patterns = tuple(patterns)
        self._scan = PatternScan(
            self._patterns, starts=rule_starts, dispatch_width=DISPATCH_WIDTH, scan_width=SCAN_WIDTH
        )

    def matches(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """Yield (pattern index, match) for every pattern in order, each pattern's matches as
        `pattern.finditer(text)` yields them."""
        if OTHER_DIGITS.search(text) is None:
            yield from self._scan.matches(text)
            return
        for index, pattern in enumerate(self._patterns):
            for match in pattern.finditer(text):
                yield index, match


def rule_starts(source: str) -> list[tuple[str, ...]] | None:
    """The starts one of which every match of a regex source begins with, in the form of
    `pattern_scan.literal_starts` (word-start tests, one escaped character, then one regex piece
    per character), None when a match may begin with any character, or no start at all when no
    match is possible (a lexicon list left empty). `\\d` is read as 0-9 (see `OTHER_DIGITS`)."""
    beginnings = _sequence(_parser.parse(source).data, NOTHING_YET)
    if beginnings is None or any(not pieces for pieces, _, _ in beginnings):
        return None
    starts: set[tuple[str, ...]] = set()
    for pieces, _, tests in beginnings:
        # the first character leads the shared scan to its places, so it is one character
        firsts = _piece_chars(pieces[0])
        if firsts is None:
            return None
        starts |= {(*_tests_before(char, tests), re.escape(char), *pieces[1:]) for char in firsts}
    return sorted(starts)


@cache
def _piece_chars(piece: str) -> list[str] | None:
    """The characters a piece matches, or None when they are too many to list (whitespace)."""
    [(op, av)] = _parser.parse(piece).data
    return [chr(av)] if op is sre.LITERAL else _class_chars(av)


def _tests_before(char: str, tests: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct word-start tests before `char`; before a word character "\\b" is "(?<!\\w)",
    written once, so starts share more of the trie."""
    if char.isalnum() or char == "_":
        tests = tuple("(?<!\\w)" if test == "\\b" else test for test in tests)
    return tuple(dict.fromkeys(tests))


def _sequence(items: Any, beginnings: list[Beginning] | None) -> list[Beginning] | None:
    """`beginnings` extended by the items of a parsed sequence, one after another."""
    for op, av in items:
        if beginnings is None or not any(extensible for _, extensible, _ in beginnings):
            break
        beginnings = _extend(beginnings, _item(op, av))
    return beginnings


def _extend(beginnings: list[Beginning], item: list[Beginning] | None) -> list[Beginning] | None:
    """Each extensible beginning followed by each way `item` begins (None: by anything)."""
    extended: set[Beginning] = set()
    for pieces, extensible, tests in beginnings:
        if not extensible:
            extended.add((pieces, False, tests))
        elif item is None:
            if not pieces:
                return None
            extended.add((pieces, False, tests))
        else:
            for more, complete, more_tests in item:
                joined = pieces + more
                fits = complete and len(joined) < MAX_LENGTH
                extended.add((joined[:MAX_LENGTH], fits, tests if pieces else tests + more_tests))
    for kept in range(MAX_LENGTH - 1, 0, -1):
        if len(extended) <= MAX_BEGINNINGS:
            break
        extended = _blur(extended, kept)
    return list(extended)


def _blur(beginnings: set[Beginning], kept: int) -> set[Beginning]:
    """Fewer beginnings, each piece after the first `kept` one class of what the beginnings
    sharing those had there: "the\\sJ", "the\\sM" become "the\\s[JM]", which still tells "the
    March" from "the report" (cutting them to "the\\s" would not)."""
    groups: dict[tuple[tuple[str, ...], int, bool, tuple[str, ...]], list[tuple[str, ...]]] = {}
    for pieces, extensible, tests in beginnings:
        groups.setdefault((pieces[:kept], len(pieces), extensible, tests), []).append(pieces)
    return {
        (head + _unions(pieces[kept:] for pieces in members), extensible, tests)
        for (head, _, extensible, tests), members in groups.items()
    }


def _unions(tails: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    """Per position, one piece matching what any of the equally long `tails` has there."""
    return tuple(map(union, zip(*tails, strict=True)))


def _item(op: Any, av: Any) -> list[Beginning] | None:
    """The ways one parsed item begins, or None when it may begin with anything."""
    if op is sre.LITERAL:
        return [((re.escape(chr(av)),), True, ())]
    if op is sre.IN:
        piece = _class_piece(av)
        return None if piece is None else [((piece,), True, ())]
    if op is sre.BRANCH:
        branches = [_sequence(branch.data, NOTHING_YET) for branch in av[1]]
        return None if any(b is None for b in branches) else [x for b in branches if b for x in b]
    if op is sre.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _sequence(av[3].data, NOTHING_YET)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        return _repeat(*av)
    if op is sre.AT:
        return [((), True, ("\\b",) if av is sre.AT_BOUNDARY else ())]
    if op is sre.ASSERT_NOT:
        direction, pattern = av
        if not pattern.data:  # "(?!)": the lexicon has no word for this place
            return []
        test = _word_test(pattern.data) if direction < 0 else None
        return [((), True, (test,) if test else ())]
    if op is sre.ASSERT:
        direction, pattern = av
        after_non_word = direction < 0 and _ends_with_non_word(pattern.data)
        return [((), True, ("(?<!\\w)",))] if after_non_word else NOTHING_YET
    return None


def _repeat(least: int, most: int, pattern: Any) -> list[Beginning] | None:
    """The ways `least` to `most` repetitions begin: the first `least` extend one another, and
    then comes the next item, or one more and then the next item, or (when `most` allows) two
    more and then anything: "the\\s*" is "the", "the " or "the  ", the first two followed by
    the next item (seeing "the March" apart from "the report")."""
    once = _sequence(pattern.data, NOTHING_YET)
    beginnings: list[Beginning] | None = NOTHING_YET
    for _ in range(least):
        if beginnings is None:
            return None
        beginnings = _extend(beginnings, once)
    if beginnings is None or most == least:
        return beginnings
    further = _extend(beginnings, once)
    if further is None:
        return None
    if most > least + 1:
        more = _extend(further, once)
        if more is None:
            return None
        further += [(pieces, False, tests) for pieces, _, tests in more]
    return list({*beginnings, *further})


def _class_piece(members: Any) -> str | None:
    """A parsed class as one regex piece, or None for a negated or open-ended one. Whitespace
    stays `\\s` (Unicode has many spaces), digits are 0-9 (see `OTHER_DIGITS`)."""
    spaces = [(op, av) for op, av in members if op is sre.CATEGORY and av is sre.CATEGORY_SPACE]
    chars = _class_chars([member for member in members if member not in spaces])
    if chars is None:
        return None
    if len(chars) == 1 and not spaces:
        return re.escape(chars[0])
    return "[" + "\\s" * bool(spaces) + "".join(map(re.escape, chars)) + "]"


def _class_chars(members: Any) -> list[str] | None:
    """The characters of a parsed class, or None for a negated or open-ended one."""
    chars: list[str] = []
    for op, av in members:
        if op is sre.LITERAL:
            chars.append(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < 256:
            chars.extend(map(chr, range(av[0], av[1] + 1)))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.extend(ASCII_DIGITS)
        else:
            return None
    return chars


def _ends_with_non_word(items: Any) -> bool:
    """Tell whether a parsed lookbehind ends with a character that is no word character, so
    that what follows it starts a word: "(?<=\\d{4}-)" before a year implies "(?<!\\w)"."""
    return bool(items) and items[-1][0] is sre.LITERAL and re.match(r"\w", chr(items[-1][1])) is None


def _word_test(items: Any) -> str | None:
    """The word-start test a parsed lookbehind implies, in a form `PatternScan` knows: one that
    rejects a word character before (and perhaps more, as "(?<![\\w:])" does) implies "(?<!\\w)"."""
    if len(items) != 1 or items[0][0] is not sre.IN or WORD_CLASS not in items[0][1]:
        return None
    return "(?<![\\w.])" if set(items[0][1]) == WORD_OR_DOT else "(?<!\\w)"
