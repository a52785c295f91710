"""Hearsay: what makes a happening "reported" rather than merely attributed to a source.

"Selon un communiqué" and "according to sources close to the talks" say where the news came from;
"auraient franchi", "reportedly" and witnesses say it is unverified. The words of each language
are in `data/lexicons/modality.json`.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.extraction.lexicon_files import any_of, language_part


@cache
def _hearsay(language: str) -> re.Pattern[str] | None:
    cues = (language_part("modality.json", language) or {}).get("hearsay")
    return any_of(cues) if cues else None


def is_hearsay(sentence: str, language: str) -> bool:
    """Tell whether a sentence that names its source also marks what it reports as unverified
    (a language without hearsay cues keeps every attributed happening reported)."""
    pattern = _hearsay(language)
    return pattern is None or pattern.search(sentence) is not None
