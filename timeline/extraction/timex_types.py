"""The types the tagger's rules share: a normalised candidate, the context normalisers see,
and a compiled rule."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from timeline.extraction import calendar as cal
from timeline.extraction.lexicon import Lexicon, alternation
from timeline.extraction.tense import TenseReader


@dataclass(frozen=True)
class Anaphor:
    """How an expression such as "the quarter" or "le lendemain" depends on the period the text
    is talking about: that period's unit (D, M, Q, Y) and a shift (in units; in years for Q)."""

    unit: str
    shift: int
    year: int | None = None
    """A year written in the expression ("the 1988 quarter")."""


@dataclass(frozen=True)
class Found:
    """A normalised candidate, before spans are settled."""

    type: str
    value: str
    period: cal.Period | None
    derivation: str
    anaphor: Anaphor | None = None
    """Set when the value is a fallback from the reference date, to be replaced by one read from
    the period the text last named (see `timex_relative.resolve_anaphora`)."""


@dataclass
class Context:
    """What normalisers may look at: the text, the reference date, the language."""

    text: str
    reference: date | None
    lexicon: Lexicon
    tenses: TenseReader


Handler = Callable[[re.Match[str], Context], Found | None]

INVALID = Found("INVALID", "", None, "explicit")
"""Returned for a well-formed but impossible date ("31 février"): it claims its span so that no
shorter reading ("février 2025") is taken instead, and then yields nothing."""


@dataclass(frozen=True)
class Rule:
    """A compiled pattern, its normaliser and the group whose span is the expression."""

    pattern: re.Pattern[str]
    handler: Handler
    span_group: str | int = 0


def words(items: list[str] | dict[str, object]) -> str:
    """A non-capturing alternation of lexicon words, longest first (never matching if empty)."""
    return "(?:" + alternation(list(items)) + ")" if items else "(?!)"


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in a text."""

    start: int
    end: int
    text: str
    type: str
    """TIMEX3 type: DATE, TIME, DURATION or SET."""
    value: str
    """TIMEX3 value: `2025-04-03`, `2025-W14`, `P3D`, `PRESENT_REF`…"""
    period: cal.Period | None
    """The calendar range it names, or None (durations, unresolved or vague expressions)."""
    derivation: str
    """`explicit`, `relative` or `inferred_year`."""
