"""Language identification with py3langid: small, fast, offline, and maintained by trafilatura's
author. It knows 97 languages; extraction then runs only where a lexicon exists."""

from __future__ import annotations

from functools import cache
from typing import Any

UNDETERMINED = "und"


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the text's language, or "und" for an empty text."""
    sample = text[:5000]
    if not any(char.isalpha() for char in sample):
        return UNDETERMINED
    language, _probability = _identifier().classify(sample)
    return str(language)


def normalise_language(code: str | None) -> str | None:
    """Turn "fr-FR", "FR" or "French" into "fr"; None stays None."""
    if not code or not code.strip():
        return None
    code = code.strip().lower().replace("_", "-")
    names = {"french": "fr", "français": "fr", "francais": "fr", "english": "en", "anglais": "en"}
    return names.get(code, code.split("-")[0])
