"""The temporal tagger finds an expression wherever its rule may start: the shared scan tries
each rule only where one of its first words or digits begins, and must miss none of them."""

from __future__ import annotations

import re
from datetime import date

import pytest

from timeline.extraction.pattern_scan import PatternScan
from timeline.extraction.timex import tag_timexes
from timeline.extraction.timex_scan import RuleScan, rule_starts

PUBLISHED = date(2025, 4, 5)  # a Saturday


def values(text: str, language: str) -> list[tuple[str, str]]:
    """Tag a text as TimeML scoring sees it; return (span, value) pairs."""
    found = tag_timexes(text, language=language, reference=PUBLISHED, merge_ranges=False)
    return [(t.text, t.value) for t in found]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "March 3, 2025: talks resumed in Niamey.", [("March 3, 2025", "2025-03-03")]),
        ("en", "Talks resumed (3 March 2025) after a pause.", [("3 March 2025", "2025-03-03")]),
        (
            "en",
            'He said "yesterday" twice;today he left.',
            [("yesterday", "2025-04-04"), ("today", "2025-04-05")],
        ),
        (
            "en",
            "They met in mid-March, setting pre-2020 plans aside.",
            [("mid-March", "2025-03"), ("pre-2020", "2020")],
        ),
        ("en", "Elections are planned for 2024-2025.", [("2024", "2024"), ("2025", "2025")]),
        (
            "en",
            "The accord of 12/03/2024 was signed at 10:30.",
            [("12/03/2024", "2024-12-03"), ("10:30", "2024-12-03T10:30")],
        ),
        (
            "fr",
            "«Mardi» dernier,le 3 mars,les ministres se sont vus.",
            [("Mardi", "2025-04-01"), ("le 3 mars", "2025-03-03")],
        ),
        (
            "fr",
            "L'accord, signé l'année dernière, entre en vigueur aujourd’hui.",
            [("l'année dernière", "2024"), ("aujourd’hui", "2025-04-05")],
        ),
    ],
)
def test_expressions_after_punctuation_hyphens_apostrophes_and_at_the_text_start(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    """A rule starting the text, or right after a bracket, quote, semicolon, comma, hyphen or
    apostrophe, is tried there."""
    assert values(text, language) == expected


def test_words_that_only_begin_like_a_date_are_not_dates() -> None:
    """ "Marchant", "Mayday" and "Sundays" start like a month or weekday but are other words."""
    assert values("The Marchant family met Mayday crews on Sundays.", "en") == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The yearly 2024 budget passed.", [("yearly", "P1Y"), ("2024", "2024")]),
        ("en", "A nearly 2025 plan.", [("2025", "2025")]),
        ("fr", "Le profil y a deux ans changé.", [("deux ans", "P2Y")]),
        ("fr", "Son projet démars 2024.", [("2024", "2024")]),
    ],
)
def test_words_that_only_end_like_an_opener_open_no_expression(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    """ "yearly" ends like "early", "profil" like "il", "démars" like "mars": a rule's first word
    starts a word, as the shared scan assumes."""
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Signed on ٢٠٢٥-03-05 in Abuja.", [("٢٠٢٥-03-05", "2025-03-05")]),
        ("Talks lasted ٣ days.", [("٣ days", "P3D")]),
    ],
)
def test_decimal_digits_other_than_ascii_start_expressions_too(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """`\\d` in a rule matches Arabic-Indic digits as well, so they start expressions as 0-9 do."""
    assert values(text, "en") == expected


def test_a_rule_whose_lexicon_list_is_empty_is_given_no_start() -> None:
    """An empty list reads as "(?!)": the rule matches nowhere, so it needs no scan of its own,
    and the other rules match as before."""
    assert rule_starts(r"(?<!\w)(?:(?!))\s+(?P<n>\d+)") == []
    scan = RuleScan([re.compile(r"(?<!\w)(?P<cur>(?!))(?!\w)"), re.compile(r"\d+")])
    assert [(index, match.group()) for index, match in scan.matches("in 2025")] == [(1, "2025")]


def test_an_opener_and_its_spaces_are_followed_by_what_comes_next() -> None:
    """ "the\\s*" before a month begins "theM…", "the M…" or "the  " (two spaces or more, then
    anything), so "the report" is not tried as a month."""
    starts = {"".join(start) for start in rule_starts(r"(?<!\w)the\s*(?:March|May)")}
    assert starts == {"(?<!\\w)theMar", "(?<!\\w)theMay", "(?<!\\w)the[\\s]Ma", "(?<!\\w)the[\\s][\\s]"}


def test_beginnings_too_many_to_list_are_merged_and_miss_no_match() -> None:
    """A hundred openers before a day and a month give more beginnings than are listed: they
    are merged into classes position by position, and every match is still found."""
    openers = "|".join(a + b for a in "abcdefghij" for b in "klmnopqrst")
    pattern = re.compile(rf"(?<!\w)(?:{openers})\s+\d{{1,2}}\s+(?:March|May|June)\b")
    assert len(rule_starts(pattern.pattern)) < 1000
    text = "ak 3 May, bs  21 June and jt 30 July; ak board, cq 5 p.m., dm 12 March."
    scan = RuleScan([pattern])
    assert [m.group() for _, m in scan.matches(text)] == ["ak 3 May", "bs  21 June", "dm 12 March"]


def test_a_scan_ignoring_case_dispatches_every_case_of_a_first_letter() -> None:
    """The dispatch picks the patterns to try by the first character of a place, with each
    pattern's own flags: the Kelvin sign and the long s are a "k" and an "s" to IGNORECASE."""
    patterns = [re.compile(word, re.IGNORECASE) for word in (r"\bkelvin", r"\bsigned", r"\bsummit")]
    text = "\u212aELVIN, \u017figned and Summit; kelvins"
    found = [(index, match.group()) for index, match in PatternScan(patterns).matches(text)]
    assert found == [(i, m.group()) for i, p in enumerate(patterns) for m in p.finditer(text)]
    assert len(found) == 4


def test_a_scan_forgetting_its_heads_still_finds_every_match(monkeypatch: pytest.MonkeyPatch) -> None:
    """The heads remembered are capped for archives: past the cap they are worked out again."""
    monkeypatch.setattr("timeline.extraction.pattern_scan.HEADS_HELD", 2)
    patterns = [re.compile(word) for word in (r"\bsigned", r"\bsummit", r"\bsummoned", r"\bvisit")]
    scan = PatternScan(patterns)
    text = "They signed at the summit, summoned envoys, then visited; signed again at a summit."
    for _ in range(2):
        found = [(index, match.span()) for index, match in scan.matches(text)]
        assert found == [(i, m.span()) for i, p in enumerate(patterns) for m in p.finditer(text)]
    assert len(found) == 6
