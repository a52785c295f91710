"""Normalisers for lengths of time: durations ("three weeks", "2 1/2 years", "for years"),
nouns that name a length ("le quinquennat") and the ages that look like durations."""

from __future__ import annotations

import re

from timeline.extraction.lexicon import ARTICLES
from timeline.extraction.timex_types import Context, Found

YEARS_PER_UNIT = {"DE": 10, "CE": 100}
HALF_DURATIONS = {
    "Y": "P{n}Y6M",
    "M": "P{n}M15D",
    "W": "P{week_days}DT12H",
    "D": "P{n}DT12H",
    "TH": "PT{n}H30M",
    "TM": "PT{n}M30S",
    "DE": "P{half_years}Y",
    "CE": "P{half_years}Y",
}
"""TIMEX3 values of "N and a half" units: the half is written in the next smaller unit, as
TimeML does ("2 1/2 years" is P2Y6M)."""


def duration(m: re.Match[str], ctx: Context) -> Found | None:
    amount = ctx.lexicon.number(m["n"])
    unit = ctx.lexicon.unit(m["unit"])
    # "37 years old" is an age; "$1.76 a year" a rate, but "about a year", "for a year" durations
    groups = m.groupdict()  # `ahead` hands its matches over too, without these groups
    half = bool(groups.get("half") or groups.get("half_after"))
    quantified = groups.get("approx") or half or _after_preposition(m, ctx)
    if _is_age(m, ctx) or (m["n"].lower() in ARTICLES and not quantified):
        return None
    if m["unit"][:1].isupper() and not m["n"][:1].isupper():
        return None  # "CBS's 60 Minutes": a capitalised unit after a plain number is a title
    if half and amount is not None:
        years = YEARS_PER_UNIT.get(unit, 0)
        value = HALF_DURATIONS[unit].format(
            n=amount, week_days=7 * amount + 3, half_years=years * amount + years // 2
        )
        return Found("DURATION", value, None, "explicit")
    return Found("DURATION", duration_value(amount, unit), None, "explicit")


def vague_duration(m: re.Match[str], ctx: Context) -> Found | None:
    unit = ctx.lexicon.unit(m["unit"])
    if m["unit"] == m["unit"].rstrip("s") and not m["unit"].endswith(("mois", "ans")):
        return None  # "the past week" is a period, handled elsewhere; only plurals are vague
    return Found("DURATION", duration_value(None, unit), None, "explicit")


def duration_value(amount: int | None, unit: str) -> str:
    """TIMEX3 duration: P3D, P2W, PT4H, P20Y for two decades, PXY when vague. Decades and
    centuries are written in years, vague ones too: TempEval-3 writes "decades-long" PXY."""
    written = "X" if amount is None else str(amount)
    if unit.startswith("T"):
        return f"PT{written}{unit[1]}"
    if unit in YEARS_PER_UNIT:
        return "PXY" if amount is None else f"P{amount * YEARS_PER_UNIT[unit]}Y"
    return f"P{written}{unit}"


def _is_age(m: re.Match[str], ctx: Context) -> bool:
    """ "37 years old", "Jean Burget, 87 ans," and "un chauffeur de 38 ans" give ages."""
    if ctx.lexicon.unit(m["unit"]) != "Y":
        return False
    after = ctx.text[m.end() : m.end() + 6].lstrip()
    before = ctx.text[max(0, m.start() - 16) : m.start()].rstrip()
    if any(before.endswith(word) for word in ctx.lexicon["age_exclusions"]):
        return False
    if re.search(ctx.lexicon["age_of_pattern"], before):  # "un chauffeur de 38 ans a été…"
        return not any(after.startswith(word) for word in ctx.lexicon["age_of_exclusion_after"])
    return any(after.startswith(word) for word in ctx.lexicon["age_after"]) or any(
        re.search(rf"(?<!\w){re.escape(word)}$" if word[:1].isalnum() else rf"{re.escape(word)}$", before)
        for word in ctx.lexicon["age_before"]
    )


def _after_preposition(m: re.Match[str], ctx: Context) -> bool:
    before = ctx.text[max(0, m.start() - 14) : m.start()].rstrip().lower()
    return any(
        re.search(rf"(?<!\w){re.escape(word)}$", before)
        for word in ctx.lexicon["duration_article_prepositions"]
    )


def duration_noun(m: re.Match[str], ctx: Context) -> Found | None:
    """ "le quinquennat": a noun that names a fixed length of time."""
    return Found("DURATION", ctx.lexicon["duration_nouns"][m["noun"]], None, "explicit")
