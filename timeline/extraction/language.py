"""Language identification with py3langid: small, fast, offline, and maintained by trafilatura's
author. It knows 97 languages; extraction then runs only where a lexicon exists."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from typing import Any

UNDETERMINED = "und"


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


CLOSE_CALL = 0.02
"""When a language we have a lexicon for scores within this share of the winner, it is taken:
on a short English text, Nigerian Pidgin or Scots can edge out English by a hair."""


def detect_language(text: str, preferred: Collection[str] = ()) -> str:
    """Return the ISO 639-1 code of the text's language, or "und" for an empty text; a
    `preferred` language wins a close call."""
    sample = text[:5000]
    if not any(char.isalpha() for char in sample):
        return UNDETERMINED
    ranking = _identifier().rank(sample)
    best, best_score = ranking[0]
    for language, score in ranking:
        if language in preferred:
            if best_score - score <= CLOSE_CALL * abs(best_score):
                return str(language)
            break
    return str(best)


def normalise_language(code: str | None) -> str | None:
    """Turn "fr-FR", "FR" or "French" into "fr"; None stays None."""
    if not code or not code.strip():
        return None
    code = code.strip().lower().replace("_", "-")
    names = {"french": "fr", "français": "fr", "francais": "fr", "english": "en", "anglais": "en"}
    return names.get(code, code.split("-")[0])
