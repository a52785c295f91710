"""Extraction and ingest speed, each beside its reference in the same run (the figures of
`python -m benchmarks`)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.ingest.readers import RawArticle


def extraction_rates(folder: Path, limit: int) -> tuple[float, float]:
    """Articles per second: the full extractor, and plain search_dates on the same articles."""
    from timeline.extraction import extract
    from timeline.ingest.readers import RawArticle, read_path

    articles = [
        a for p in sorted(folder.glob("*.txt"))[:limit] for a in read_path(p) if isinstance(a, RawArticle)
    ]
    # one article per language first, for both: each loads its rules or language data once per
    # process, which an archive-sized run pays once
    warm_up = list({a.language: a for a in articles}.values())
    for a in warm_up:
        extract(a.text, published=a.published, language=a.language)
    started = time.perf_counter()
    for a in articles:
        extract(a.text, published=a.published, language=a.language)
    ours = len(articles) / (time.perf_counter() - started)
    sample = articles[: max(10, limit // 5)]
    for a in warm_up:
        _search_dates(a)
    started = time.perf_counter()
    for a in sample:
        _search_dates(a)
    reference = len(sample) / (time.perf_counter() - started)
    return ours, reference


def _search_dates(article: RawArticle) -> None:
    """Plain dateparser on one article, its language given, relative to its publication day."""
    from dateparser.search import search_dates

    base = datetime.combine(article.published, datetime.min.time()) if article.published else None
    search_dates(
        article.text, languages=[article.language or "en"], settings={"RELATIVE_BASE": base} if base else {}
    )


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
