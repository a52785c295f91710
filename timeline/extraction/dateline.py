"""Wire datelines ("DAKAR, March 9 (Agency) –", "Bamako, 14 mai (APS) –", "NOUAKCHOTT (ASI) –").

A dateline says where and when a report was filed, not what happened: its date dates no
happening, and its city is neither a party nor, by itself, the place of the first sentence's
happening. The extractor leaves out everything inside one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’.]*"
DATELINE = re.compile(
    rf"^[ \t]*(?P<city>{CAPITALISED}(?:[ -]{CAPITALISED}){{0,3}})"
    rf"(?:,[ \t]*{CAPITALISED}(?:[ \t]{CAPITALISED}){{0,2}})?"  # "CEBU, Philippines"
    r"(?:,[ \t]*(?P<date>[^\s(–—-][^()\n–—]{0,30}?))?"  # "March 9", "le 14 mai 2026"
    r"[ \t]*(?P<agency>\([^()\n]{1,40}\))?"
    r"[ \t]*[–—-]{1,2}[ \t]",
    re.MULTILINE,
)
"""A line that opens with a place, an optional region, date and agency, then a dash."""
NEWLINE = re.compile("\n")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each dateline opening a line of `text`, in order.

    Args:
        text: an article body; a dateline opens its first paragraph, or any paragraph of a
            digest of dispatches.

    Returns:
        The spans from the dateline's first letter to just after its dash.
    """
    # a dateline never spans lines, so trying each line start finds what a scan of every
    # position would, without `re` testing "^" at every character
    matches = (DATELINE.match(text, start) for start in _line_starts(text))
    return [(match.start("city"), match.end()) for match in matches if match and _is_dateline(match)]


def _line_starts(text: str) -> list[int]:
    return [0, *(newline.end() for newline in NEWLINE.finditer(text))]


def _is_dateline(match: re.Match[str]) -> bool:
    """A place in capitals, an agency, or a numbered date tells a dateline from a sentence that
    opens with a name and a dash ("Paris – Berlin : …")."""
    if match["city"].isupper() or match["agency"]:
        return True
    return bool(match["date"]) and any(char.isdigit() for char in match["date"])


def within(spans: Sequence[tuple[int, int]], position: int) -> bool:
    """Tell whether `position` falls inside one of `spans` (an article has one dateline or a few)."""
    return any(start <= position < end for start, end in spans)
