"""Every speed figure of issue #6 in one table, each measured beside its reference in the same run
(so the ratio holds on a noisy machine), with its target.

Run from the repository root: `python -m benchmarks [--full]`. The default run takes a few
minutes on two cores and compares the memory of ingesting the issue's 1,000 articles with 5,000;
`--full` uses the issue's 20,000 (which takes much longer). The million-event database is built
once and kept (see `--db`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.speed import extraction_rates, ingest_rate
from benchmarks.tui_scale import bare_sql, build, measure_tui


@dataclass(frozen=True)
class Figure:
    """One line of the table: our figure, its reference, and whether the target holds."""

    measure: str
    ours: float
    reference: float
    unit: str
    target: str
    met: bool


def timed(action: Callable[[], object], repeat: int = 3) -> float:
    """Median seconds of `action`."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_rss_kb(command: list[str]) -> tuple[float, int]:
    """Seconds and peak resident memory (KB) of a command, measured by GNU time."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True, check=True)
    return time.perf_counter() - started, int(done.stderr.strip().splitlines()[-1])


def extraction_figures(folder: Path, articles: int) -> list[Figure]:
    ours, reference = extraction_rates(folder, articles)
    ratio = ours / reference
    return [Figure("extraction", ours, reference, "articles/s", "≥ 30× search_dates", ratio >= 30)]


def ingest_figures(folder: Path) -> list[Figure]:
    """`--jobs 2` against `--jobs 1`, each run a process of its own (start-up included: about a
    second of importing and building the date rules)."""
    one, _ = ingest_rate(folder, 1)
    two, _ = ingest_rate(folder, 2)
    measure = f"ingest --jobs 2 vs 1, {len(list(folder.glob('*.txt'))):,} articles"
    return [Figure(measure, two, one, "articles/s", "≥ 1.7×", two / one >= 1.7)]


def writer_figures(folder: Path) -> list[Figure]:
    """The writer alone (articles extracted beforehand) against what extraction on every core
    can feed it."""
    from timeline.db import open_database
    from timeline.ingest.pipeline import CHUNK_SIZE, ChunkWriter, IngestSummary, content_hash, extract_article
    from timeline.ingest.readers import RawArticle, read_path

    raws = [a for p in sorted(folder.glob("*.txt")) for a in read_path(p) if isinstance(a, RawArticle)]
    started = time.perf_counter()
    extracted = [((raw, content_hash(raw.text)), extract_article(raw)) for raw in raws]
    extraction_seconds = time.perf_counter() - started
    events = sum(len(extraction.mentions) for _, extraction in extracted)
    with tempfile.TemporaryDirectory() as scratch:
        engine = open_database(f"sqlite:///{Path(scratch) / 'writer.db'}")
        summary, writer = IngestSummary(), ChunkWriter(engine)
        started = time.perf_counter()
        for start in range(0, len(extracted), CHUNK_SIZE):  # as `ingest --jobs 1` writes them
            writer.write(extracted[start : start + CHUNK_SIZE], summary, lambda *_: None)
        writing_seconds = time.perf_counter() - started
        engine.dispose()
    writer = events / writing_seconds
    feed = events / extraction_seconds * (os.cpu_count() or 1)
    return [Figure("writer alone", writer, feed, "events/s", "≥ 5,000 and ≥ extraction", writer >= 5000)]


def memory_figures(scratch: Path, small: int, large: int) -> list[Figure]:
    """Peak RSS of ingesting a small and a large corpus with `--jobs 2`, then the speed-up of
    `--jobs 2` on the large one, where start-up weighs less."""
    rss = []
    for count in (small, large):
        folder = write_corpus(scratch / f"memory-{count}", count)
        rss.append(ingest_rate(folder, 2)[1])
    ratio = rss[1] / rss[0]
    measure = f"ingest peak RSS {large:,} vs {small:,}"
    memory = Figure(measure, rss[1] / 1024, rss[0] / 1024, "MB", "≤ 1.3×", ratio <= 1.3)
    return [memory, *ingest_figures(folder)]


EXPORT_SQL = """
SELECT e.id, e.date_start, e.date_end, e.precision, e.event_type, e.summary,
 (SELECT group_concat(a.name, '; ') FROM eventactor x JOIN actor a ON a.id = x.actor_id
   WHERE x.event_id = e.id AND a.kind != 'person'),
 (SELECT group_concat(a.code, '; ') FROM eventactor x JOIN actor a ON a.id = x.actor_id
   WHERE x.event_id = e.id AND a.kind = 'country'),
 (SELECT group_concat(a.name, '; ') FROM eventactor x JOIN actor a ON a.id = x.actor_id
   WHERE x.event_id = e.id AND a.kind = 'person'),
 e.location, (SELECT m.evidence FROM mention m WHERE m.event_id = e.id ORDER BY m.id LIMIT 1),
 r.title, r.url, r.published, r.language, e.confidence, coalesce(n.status, 'unreviewed'),
 coalesce(n.starred, 0), (SELECT group_concat(t.tag, '; ') FROM annotationtag t WHERE t.annotation_id = n.id),
 coalesce(n.note, ''), e.sources,
 (SELECT group_concat(coalesce(s.url, s.source), '; ') FROM mention m JOIN article s ON s.id = m.article_id
   WHERE m.event_id = e.id)
FROM event e JOIN article r ON r.id = e.article_id LEFT JOIN annotation n ON n.event_id = e.id
ORDER BY e.date_start, e.id
"""


def export_figures(small_db: Path, large_db: Path) -> list[Figure]:
    timeline = [sys.executable, "-m", "timeline", "export", "-o", os.devnull, "--db"]
    _, small_rss = peak_rss_kb([*timeline, str(small_db)])
    ours, large_rss = peak_rss_kb([*timeline, str(large_db)])
    started = time.perf_counter()
    with Path(os.devnull).open("w") as sink:
        subprocess.run(["sqlite3", "-csv", str(large_db), EXPORT_SQL], stdout=sink, check=True)
    reference = time.perf_counter() - started
    events = sqlite3.connect(large_db).execute("SELECT count(*) FROM event").fetchone()[0]
    return [
        Figure(
            f"export CSV {events:,} events",
            ours,
            reference,
            "s (sqlite3 -csv)",
            "≤ 2×",
            ours <= 2 * reference,
        ),
        Figure(
            "export peak RSS large vs 10,000",
            large_rss / 1024,
            small_rss / 1024,
            "MB",
            "≤ 1.3×",
            large_rss <= 1.3 * small_rss,
        ),
    ]


QUERY_CASES: list[tuple[str, dict[str, object], str, tuple[object, ...]]] = [
    ("no filter", {}, "", ()),
    (
        "date range",
        {"date_from": date(2000, 1, 1), "date_to": date(2000, 12, 31)},
        "WHERE event.date_end >= ? AND event.date_start <= ?",
        ("2000-01-01", "2000-12-31"),
    ),
    (
        "country",
        {"countries": ("NER",)},
        "WHERE event.id IN (SELECT event_id FROM eventactor WHERE actor_id IN "
        "(SELECT id FROM actor WHERE kind = 'country' AND code = ?))",
        ("NER",),
    ),
    ("type", {"event_types": ("summit",)}, "WHERE event.event_type = ?", ("summit",)),
    ("language", {"languages": ("fr",)}, "WHERE article.language = ?", ("fr",)),
    ("source", {"sources": ("outlet 7",)}, "WHERE lower(article.outlet) LIKE ?", ("%outlet 7%",)),
    (
        "text, common word",
        {"query": "Moscou"},
        "WHERE event.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)",
        ('"Moscou"',),
    ),
    (
        "text, rare words",
        {"query": "Moscou Paris sommet talks visite"},
        "WHERE event.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)",
        ('"Moscou" "Paris" "sommet" "talks" "visite"',),
    ),
]


def query_figures(db: Path) -> list[Figure]:
    """A page of `timeline list` (the query API it runs) with each filter, beside hand-written SQL."""
    from sqlmodel import Session

    from timeline.db import open_database
    from timeline.queries import EventFilters, list_events

    engine = open_database(f"sqlite:///{db}")
    figures = []
    with Session(engine) as session:
        for name, filters, where, params in QUERY_CASES:
            wanted = EventFilters(**filters)  # type: ignore[arg-type]
            ours = timed(lambda wanted=wanted: list_events(session, wanted, limit=50))
            reference = timed(lambda where=where, params=params: bare_sql(db, where, params))
            figures.append(
                Figure(f"list: {name}", ours * 1000, reference * 1000, "ms", "≤ 3×", ours <= 3 * reference)
            )
    engine.dispose()
    return figures


def tui_figures(db: Path) -> list[Figure]:
    measured = asyncio.run(measure_tui(db))
    fts = "WHERE event.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)"
    screen = statistics.median(measured["first screen"])
    first = statistics.median(measured["first rows"])
    bare_first = timed(lambda: bare_sql(db, "", ()))
    filtering = statistics.median(measured["filter → rows"])
    bare_filter = statistics.median(
        timed(lambda w=w: bare_sql(db, fts, (f'"{w}"',))) for w in ("Moscou", "accord")
    )
    return [
        Figure(
            "TUI first screen (start-up)",
            screen * 1000,
            first * 1000,
            "ms (then first rows)",
            "drawn before the query ends",
            min(measured["screen before rows"]) == 1.0,
        ),
        Figure(
            "TUI first rows after the screen",
            first * 1000,
            bare_first * 1000,
            "ms",
            "≤ 3×",
            first <= 3 * bare_first,
        ),
        Figure(
            "TUI filter → rows",
            filtering * 1000,
            bare_filter * 1000,
            "ms",
            "< 100 ms and ≤ 3×",
            filtering < 0.1 and filtering <= 3 * bare_filter,
        ),
    ]


def startup_figures() -> list[Figure]:
    """`timeline --help` and `timeline list` must not import dateparser or textual."""
    figures = []
    for args in (["--help"], ["list", "--db", os.devnull + ".db", "--limit", "1"]):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "timeline", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        ours = time.perf_counter() - started
        heavy = [
            m for m in ("dateparser", "textual") if f" {m}\n" in done.stderr or f"| {m}\n" in done.stderr
        ]
        reference = timed(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
        figures.append(
            Figure(
                f"timeline {args[0]} start-up" + (f" (imports {', '.join(heavy)})" if heavy else ""),
                ours * 1000,
                reference * 1000,
                "ms (python -c pass)",
                "no dateparser, no textual",
                not heavy,
            )
        )
    return figures


HEADER = f"{'measure':<40} {'ours':>10} {'reference':>10} {'ratio':>7}  {'unit':<20} {'target':<26} met"


def print_rows(figures: list[Figure]) -> None:
    """Print figures as soon as they are measured (a full run takes a while)."""
    for f in figures:
        ratio = f.ours / f.reference if f.reference else float("nan")
        met = "yes" if f.met else "NO"
        figures_text = f"{f.ours:>10.1f} {f.reference:>10.1f} {ratio:>6.2f}×"
        print(f"{f.measure:<40} {figures_text}  {f.unit:<20} {f.target:<26} {met}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true", help="the issue's scales (slow)")
    parser.add_argument("--articles", type=int, default=300, help="articles for extraction and ingest")
    parser.add_argument("--db", type=Path, default=Path("/tmp/timeline-bench-1m.db"))
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args()
    small, large = (1_000, 20_000) if args.full else (1_000, 5_000)
    print(f"cores: {os.cpu_count()}\n{HEADER}", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = write_corpus(Path(scratch) / "corpus", args.articles)
        print_rows(extraction_figures(folder, args.articles))
        print_rows(ingest_figures(folder))
        print_rows(writer_figures(folder))
        if not args.db.exists():
            build(args.db, args.events)
        small_db = Path(scratch) / "small.db"
        build(small_db, 10_000)
        print_rows(export_figures(small_db, args.db))
        print_rows(query_figures(args.db))
        print_rows(tui_figures(args.db))
        print_rows(startup_figures())
        print_rows(memory_figures(Path(scratch), small, large))


if __name__ == "__main__":
    main()
