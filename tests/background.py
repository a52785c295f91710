"""Running `timeline ingest` in another process, as a second user of the database would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def ingest_in_background(db: str, folder: Path) -> subprocess.Popen[str]:
    """Start an ingest of `folder` into `db`; its errors can be read from `stderr`."""
    return subprocess.Popen(
        [sys.executable, "-m", "timeline", "ingest", "--quiet", "--db", db, str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
