"""Scanning a text for many regular expressions with one pass instead of one pass each.

The lexicons hold dozens of patterns (event-type keywords, tense cues) and most of them start
with a literal word. Python's `re` tries the alternatives of a pattern one by one at every
position, so scanning a sentence once per pattern costs far more than the few places where any
of them can match. `PatternScan` finds those places with one pattern built as a trie of the
literal starts, then runs each pattern only there, giving exactly what each pattern's own
`finditer` would give.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

METACHARACTERS = frozenset("\\()[].^$|?*+{")
OPTIONAL = frozenset("?*{")
LOOKBEHINDS = ("(?<!", "(?<=")
WORD_START_TESTS = ("\\b", "(?<!\\w)", "(?<![\\w.])")
"""Zero-width tests before a first literal that the trie keeps: they reject most positions at
once, and case flags do not change them. Other lookbehinds are skipped, which only lets the
trie accept more places, never fewer."""
CLASS_MEMBER = re.compile(r"\\.|.", re.DOTALL)
"""One member of a class piece: an escaped character (or `\\s`), or a plain one."""
HEADS_HELD = 50_000
"""Heads whose patterns are remembered at most (a few MB): an archive keeps bringing new ones."""
CASELESS_GROUP = 8
CASED_GROUP = 20
"""Branches per group in a scan's alternation (see `_grouped`), with and without IGNORECASE:
on news articles they take a quarter off the event-type and tagger scans, which try dozens of
first characters at every gap."""
DISPATCH_WIDTH = 4
"""How many characters at a possible start choose the patterns tried there: one character
would send a start such as "visited" to every pattern with a word in "v"."""


class PatternScan:
    """A sequence of patterns, each matched as its own `finditer` would, with one shared pass."""

    def __init__(
        self,
        patterns: Iterable[re.Pattern[str]],
        starts: Callable[[str], list[tuple[str, ...]] | None] | None = None,
        dispatch_width: int = DISPATCH_WIDTH,
        scan_width: int | None = None,
    ) -> None:
        """`starts` reads a pattern source's starts in the form of `literal_starts` (the default,
        which understands plain literal openings only; an empty list tells that the pattern
        matches nowhere); `dispatch_width` replaces `DISPATCH_WIDTH` for starts long enough to
        use more characters; `scan_width` limits the characters of each start that the shared
        pass looks for (None: all of them), leaving the rest to the dispatch."""
        self._patterns = tuple(patterns)
        self._dispatch_width = dispatch_width
        self._heads: list[re.Pattern[str] | None] = []
        """Per pattern, what the first `dispatch_width` characters at a possible start must begin
        with (None: no literal start, or no match at all)."""
        self._firsts: list[re.Pattern[str] | None] = []
        """Per pattern, what the first character at a possible start must be (None as above)."""
        self._by_first: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {}
        self._by_head: dict[str, tuple[int, ...]] = {}
        unanchored = []
        trie: dict[str, Any] = {}
        for index, pattern in enumerate(self._patterns):
            prefixes = None if pattern.flags & re.VERBOSE else (starts or literal_starts)(pattern.pattern)
            heads: dict[str, Any] = {}
            # with ASCII or LOCALE, \b is not the word boundary the trie would test
            tested = not pattern.flags & (re.ASCII | re.LOCALE)
            for prefix in prefixes or ():
                kept = [piece for piece in prefix if tested or piece not in WORD_START_TESTS]
                _insert(trie, _shortened(kept, scan_width))
                literal = [piece for piece in prefix if piece not in WORD_START_TESTS]
                _insert(heads, literal[:dispatch_width])
            # the pattern's own flags decide which characters its literal start accepts
            self._heads.append(re.compile(_trie_pattern(heads), pattern.flags) if prefixes else None)
            self._firsts.append(re.compile("|".join(heads), pattern.flags) if prefixes else None)
            if prefixes is None:
                unanchored.append(index)
        self._unanchored = frozenset(unanchored)
        """The patterns without a literal start, which scan every text themselves (a lexicon list
        left empty gives a rule that matches nowhere and scans nothing)."""
        ignore_case = any(pattern.flags & re.IGNORECASE for pattern in self._patterns)
        self._starts = _Starts(trie, re.IGNORECASE if ignore_case else 0) if trie else None

    def matches(
        self, text: str, start: int = 0, end: int = sys.maxsize
    ) -> Iterator[tuple[int, re.Match[str]]]:
        """Yield (pattern index, match) for every pattern in order, each pattern's matches as
        `pattern.finditer(text, start, end)` yields them."""
        places: dict[int, list[int]] = {}
        by_head, width = self._by_head, self._dispatch_width
        for position in self._starts.positions(text, start, end) if self._starts is not None else ():
            head = text[position : position + width]
            indexes = by_head.get(head)
            for index in self._patterns_for(head) if indexes is None else indexes:
                if index in places:
                    places[index].append(position)
                else:
                    places[index] = [position]
        # only the patterns that may match somewhere are visited: most sentences hold few
        for index in sorted(places.keys() | self._unanchored) if self._unanchored else sorted(places):
            pattern = self._patterns[index]
            if index in self._unanchored:
                for match in pattern.finditer(text, start, end):
                    yield index, match
                continue
            resume = start
            for position in places[index]:
                # a match spends its literal start, so it is never empty and finditer resumes at its end
                found = pattern.match(text, position, end) if position >= resume else None
                if found is not None:
                    yield index, found
                    resume = found.end()

    def search_any(self, text: str, start: int = 0, end: int = sys.maxsize) -> bool:
        """Tell whether any pattern's `search(text, start, end)` finds something."""
        return next(self.matches(text, start, end), None) is not None

    def possible_starts(self, text: str) -> Sequence[int]:
        """Where in `text` a match of some pattern may start, in order (every position when a
        pattern has no literal start). A match of `matches(text, start, end)`, or of
        `matches(text[start:end])` when whitespace precedes `start`, starts at one of them: a
        text scanned once tells which of its sentences need no scan."""
        if self._unanchored:
            return range(len(text))
        return self._starts.positions(text) if self._starts is not None else []

    def _patterns_for(self, head: str) -> tuple[int, ...]:
        """The patterns whose literal start may begin `head` (worked out once per head, among
        the patterns whose start may begin with its first character: real articles bring
        dozens of new heads each)."""
        first = head[0]
        if first not in self._by_first:
            self._by_first[first] = tuple(
                (index, pattern_head)
                for index, (pattern_first, pattern_head) in enumerate(
                    zip(self._firsts, self._heads, strict=True)
                )
                if pattern_first is not None and pattern_head is not None and pattern_first.match(first)
            )
        if len(self._by_head) >= HEADS_HELD:
            self._by_head.clear()
        self._by_head[head] = tuple(
            index for index, pattern_head in self._by_first[first] if pattern_head.match(head)
        )
        return self._by_head[head]


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern behind a lookahead for the characters its matches begin with, when some
    start opens with a word-start test (itself otherwise, or when `literal_starts` cannot tell
    them): `re` tries such a pattern at every position, and one class test there rejects most
    positions before any alternative is tried."""
    source = pattern.pattern
    starts = None if pattern.flags & re.VERBOSE or _literal_prefix(source) else literal_starts(source)
    # a pattern whose every start opens with a character lets `re` skip to those characters
    if not starts or all(start[0] not in WORD_START_TESTS for start in starts):
        return pattern
    literals = [[piece for piece in start if piece not in WORD_START_TESTS] for start in starts]
    if not all(literals):
        return pattern
    firsts = [pieces[0] for pieces in literals]
    return re.compile(f"(?={union(firsts)})(?:{source})", pattern.flags)


def any_within(starts: Sequence[int], start: int, end: int) -> bool:
    """Tell whether one of the ordered `starts` lies in [start, end)."""
    index = bisect_left(starts, start)
    return index < len(starts) and starts[index] < end


def literal_starts(source: str) -> list[tuple[str, ...]] | None:
    """The starts one of which every match of a regex source begins with, each as regex pieces
    (word-start tests, then one escaped character per piece), or None when the source does not
    start with literals this reading understands."""
    alternatives = _top_level_split(source)
    if len(alternatives) > 1:
        starts = [literal_starts(alternative) for alternative in alternatives]
        return None if any(s is None for s in starts) else [p for s in starts if s for p in s]
    test_end = _group_end(source, 0) if source.startswith(LOOKBEHINDS) else 2 * source.startswith("\\b")
    if test_end is None:
        return None
    if test_end:
        rest = literal_starts(source[test_end:])
        kept = (source[:test_end],) if source[:test_end] in WORD_START_TESTS else ()
        return None if rest is None else [(*kept, *start) for start in rest]
    content_start = _group_content_start(source)
    if content_start is not None:
        close = _group_end(source, 0)
        if close is None or source[close : close + 1] in OPTIONAL:
            return None
        return literal_starts(source[content_start : close - 1])
    prefix = _literal_prefix(source)
    return [tuple(re.escape(char) for char in prefix)] if prefix else None


def _literal_prefix(source: str) -> str:
    """The characters a source starts with literally, up to the first special or optional one."""
    chars = []
    index = 0
    while index < len(source):
        char, width = source[index], 1
        if char == "\\":
            escaped = source[index + 1 : index + 2]
            if not escaped or (escaped.isascii() and escaped.isalnum()):  # \b, \w, \1…
                break
            char, width = escaped, 2
        elif char in METACHARACTERS:
            break
        if source[index + width : index + width + 1] in OPTIONAL:
            break
        chars.append(char)
        index += width
    return "".join(chars)


def _group_content_start(source: str) -> int | None:
    """Where the content of a group opening `source` starts: "(", "(?:" or "(?P<name>"."""
    if source.startswith("(?:"):
        return 3
    if source.startswith("(?P<"):
        return source.index(">") + 1
    return 1 if source.startswith("(") and not source.startswith("(?") else None


def _group_end(source: str, opening: int) -> int | None:
    """The index just after the parenthesis closing the group opened at `opening`."""
    for index, char, depth in _structure(source, opening):
        if char == ")" and depth == 0:
            return index + 1
    return None


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each character of a regex source outside escapes and character classes, with the group
    depth once it is read (an opening parenthesis counts itself, a closing one does not)."""
    depth = 0
    index = start
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class_end(source, index)
            continue
        depth += (char == "(") - (char == ")")
        yield index, char, depth
        index += 1


def _class_end(source: str, opening: int) -> int:
    """The index just after the character class opened at `opening` (a leading "]" or "^]" is
    a literal "]")."""
    index = opening + 1
    if source[index : index + 1] == "^":
        index += 1
    if source[index : index + 1] == "]":
        index += 1
    while index < len(source) and source[index] != "]":
        index += 2 if source[index] == "\\" else 1
    return index + 1


def _top_level_split(source: str) -> list[str]:
    """Split a regex source at its "|" outside groups and classes."""
    parts = []
    part_start = 0
    for index, char, depth in _structure(source):
        if char == "|" and depth == 0:
            parts.append(source[part_start:index])
            part_start = index + 1
    return [*parts, source[part_start:]]


def _shortened(prefix: list[str], width: int | None) -> list[str]:
    """A prefix cut to its word-start tests and its first `width` characters (None: whole)."""
    if width is None:
        return prefix
    return prefix[: sum(piece in WORD_START_TESTS for piece in prefix) + width]


def _insert(trie: dict[str, Any], pieces: Sequence[str]) -> None:
    """Add a prefix to a trie of regex pieces, its end marked by an empty piece."""
    node = trie
    for piece in pieces:
        node = node.setdefault(piece, {})
    node[""] = {}


class _Starts:
    """Where some prefix of a trie may start in a text, found by two scans that let `re` skip to
    the few characters where a match can begin.

    `re` skips quickly to the characters that can begin a pattern (with IGNORECASE too, when
    they are a class such as `\\W`), and tries the pattern at each of them. Prefixes behind a
    word-start test begin with most letters, but follow a non-word character, and words are
    skipped over: they are found by that character (`_after_gap`). Their first character is
    consumed, so that `re` tells the branches apart by it at once. The other prefixes are found
    by their own first character (`_others`), a word-start test before it becoming a lookbehind
    over it: `\\b-` reads `-(?<=\\w[\\s\\S])`.
    """

    def __init__(self, trie: dict[str, Any], flags: int) -> None:
        by_tests: dict[tuple[str, ...], list[tuple[str, dict[str, Any]]]] = {}
        _first_chars(trie, (), by_tests)
        behind_tests: list[tuple[str, str]] = []
        others: list[str] = []
        for tests, firsts in by_tests.items():
            for piece, child in firsts:  # pieces are escaped characters: "\\-" is "-"
                if tests and re.match(r"\w", piece[-1]):
                    # before a word character, every test rejects a word character before it
                    dot = r"(?<!\.[\s\S])" if "(?<![\\w.])" in tests else ""
                    behind_tests.append((piece, piece + dot + _ahead(child)))
                else:
                    others.append(piece + _tests_after(tests, piece[-1]) + _ahead(child))
        after_gap = rf"\W(?:{_grouped(behind_tests, flags)})" if behind_tests else None
        self._after_gap = re.compile(after_gap, flags) if after_gap else None
        self._others = re.compile("|".join(others), flags) if others else None

    def positions(self, text: str, start: int = 0, end: int = sys.maxsize) -> list[int]:
        """The possible starts in text[start:end], in order."""
        found = []
        if (after_gap := self._after_gap) is not None:
            found = [gap.start() + 1 for gap in after_gap.finditer(text, start, end)]
            # the scan from `start` cannot see the character before it: `start` is tried apart,
            # a space standing in for the text's start, which nothing precedes
            before = after_gap.match(text, start - 1, end) if start else after_gap.match(" " + text[:end])
            if before is not None:
                found.insert(0, start)
        if self._others is None:
            return found
        others = [possible.start() for possible in self._others.finditer(text, start, end)]
        return sorted({*found, *others}) if found else others


def _grouped(branches: list[tuple[str, str]], flags: int) -> str:
    """An alternation of (first character, branch) pairs, in groups behind a lookahead for their
    first characters: `re` tries every branch at every gap, and a group whose first characters
    differ from the one after the gap is passed over at once. Without IGNORECASE, `re` tells a
    branch's first character apart quickly, so groups pay off only for longer alternations."""
    size = CASELESS_GROUP if flags & re.IGNORECASE else CASED_GROUP
    if len(branches) <= size:
        return "|".join(branch for _, branch in branches)
    groups = [branches[index : index + size] for index in range(0, len(branches), size)]
    return "|".join(
        f"(?={union(first for first, _ in group)})(?:{'|'.join(branch for _, branch in group)})"
        for group in groups
    )


def _first_chars(
    node: dict[str, Any],
    tests: tuple[str, ...],
    by_tests: dict[tuple[str, ...], list[tuple[str, dict[str, Any]]]],
) -> None:
    """Gather the first characters of a trie (escaped, with what follows them) by the word-start
    tests before them."""
    for piece, child in node.items():
        if piece in WORD_START_TESTS:
            _first_chars(child, (*tests, piece), by_tests)
        else:
            by_tests.setdefault(tests, []).append((piece, child))


def _ahead(node: dict[str, Any]) -> str:
    """A lookahead for the rest of a prefix after its first character (nothing if it ends)."""
    ahead = _trie_pattern(node)
    return f"(?={ahead})" if ahead else ""


def _tests_after(tests: tuple[str, ...], char: str) -> str:
    return "".join(_test_after(test, char) for test in tests)


def _test_after(test: str, char: str) -> str:
    """The lookbehind that, just after `char`, tells what a word-start test told just before it."""
    if test == "\\b" and not re.match(r"\w", char):
        return r"(?<=\w[\s\S])"  # a boundary before a non-word character follows a word
    before = r"[\w.]" if test == "(?<![\\w.])" else r"\w"
    return rf"(?<!{before}[\s\S])"


def _trie_pattern(node: dict[str, Any]) -> str:
    """A regex matching any prefix of a trie, branching one character at a time; the characters
    after which the same prefixes follow share one class ("J(?:an|uly)" and "j(?:an|uly)" are
    "[Jj](?:an|uly)"), which keeps the regex small when starts differ only in case or digits."""
    if "" in node:  # a prefix ends here: a longer one adds nothing to "may start here"
        return ""
    by_rest: dict[str, list[str]] = {}
    for piece, child in node.items():
        by_rest.setdefault(_trie_pattern(child), []).append(piece)
    branches = [union(pieces) + rest for rest, pieces in by_rest.items()]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def union(pieces: Iterable[str]) -> str:
    """One regex piece matching what any of `pieces` (each one character, escaped, or a class)
    matches."""
    distinct = set(pieces)
    if len(distinct) == 1:
        return distinct.pop()
    inners = (piece[1:-1] if piece.startswith("[") else piece for piece in distinct)
    members = {member for inner in inners for member in CLASS_MEMBER.findall(inner)}
    return "[" + "".join(sorted(members)) + "]"
