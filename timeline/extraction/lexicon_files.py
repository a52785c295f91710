"""Reading the per-language lexicon files of `data/lexicons/` that hold lists of patterns."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from timeline.config import data_dir
from timeline.extraction.pattern_scan import guarded


def language_part(file_name: str, language: str) -> dict[str, Any] | None:
    """One language's words in a lexicon file (None when the file has none for it)."""
    raw = json.loads((data_dir() / "lexicons" / file_name).read_text(encoding="utf-8"))
    return raw.get(language)


def any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching where any of a lexicon's patterns does."""
    return guarded(re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE))
