"""Article text is data: strip terminal control sequences before anything displays it."""

from __future__ import annotations

import re

ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Remove ANSI/OSC escape sequences and control characters, keeping newlines and tabs."""
    return CONTROL.sub("", ESCAPE_SEQUENCE.sub("", text))
