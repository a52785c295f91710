"""Extraction and ingest speed, each beside its reference in the same run (the figures of
`python -m benchmarks`)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path


def extraction_rates(folder: Path, limit: int) -> tuple[float, float]:
    """Articles per second: the full extractor, and plain search_dates on the same articles."""
    from dateparser.search import search_dates

    from timeline.extraction import extract
    from timeline.ingest.readers import RawArticle, read_path

    articles = [
        a for p in sorted(folder.glob("*.txt"))[:limit] for a in read_path(p) if isinstance(a, RawArticle)
    ]
    extract(articles[0].text, published=articles[0].published, language=articles[0].language)
    started = time.perf_counter()
    for a in articles:
        extract(a.text, published=a.published, language=a.language)
    ours = len(articles) / (time.perf_counter() - started)
    sample = articles[: max(10, limit // 5)]
    started = time.perf_counter()
    for a in sample:
        base = datetime.combine(a.published, datetime.min.time()) if a.published else None
        search_dates(a.text, languages=[a.language or "en"], settings={"RELATIVE_BASE": base} if base else {})
    reference = len(sample) / (time.perf_counter() - started)
    return ours, reference


def ingest_rate(folder: Path, jobs: int) -> tuple[float, int]:
    """Articles per second of `timeline ingest --jobs N` end to end, and its peak RSS in KB."""
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "bench.db"
        command = [
            sys.executable,
            "-m",
            "timeline",
            "ingest",
            "--quiet",
            "--jobs",
            str(jobs),
            "--db",
            str(db),
            str(folder),
        ]
        started = time.perf_counter()
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True, check=False
        )
        elapsed = time.perf_counter() - started
        rss = int(result.stderr.strip().splitlines()[-1]) if result.stderr.strip() else 0
    return len(list(folder.glob("*.txt"))) / elapsed, rss
