"""Hearsay: what makes a happening "reported" rather than merely attributed to a source.

"Selon un communiqué" and "according to sources close to the talks" say where the news came from;
"auraient franchi", "reportedly" and witnesses say it is unverified. The words of each language
are in `data/lexicons/modality.json`.
"""

from __future__ import annotations

import json
import re
from functools import cache

from timeline.config import data_dir


@cache
def _hearsay(language: str) -> re.Pattern[str] | None:
    raw = json.loads((data_dir() / "lexicons" / "modality.json").read_text(encoding="utf-8"))
    cues = raw.get(language, {}).get("hearsay")
    return re.compile("|".join(f"(?:{cue})" for cue in cues), re.IGNORECASE) if cues else None


def is_hearsay(sentence: str, language: str) -> bool:
    """Tell whether a sentence that names its source also marks what it reports as unverified
    (a language without hearsay cues keeps every attributed happening reported)."""
    pattern = _hearsay(language)
    return pattern is None or pattern.search(sentence) is not None
