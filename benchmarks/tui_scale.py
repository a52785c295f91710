"""The terminal UI on a database of a million events, for `python -m benchmarks`: the database
(synthetic rows written straight into the project's tables, built once and reused), the TUI's
timings through its Pilot, and the bare SQL query each is compared with.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.db import open_database

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.app import App
    from textual.screen import Screen

TYPES = ["meeting", "visit", "summit", "call", "agreement", "cooperation", "statement", "security", "rupture"]
COUNTRIES = ["RUS", "MLI", "BFA", "NER", "FRA", "USA", "CHN", "TUR", "SEN", "NGA", "DZA", "MAR", "GHA", "CIV"]
WORDS = [
    "ministre",
    "réunion",
    "accord",
    "coopération",
    "sécurité",
    "visite",
    "sommet",
    "Moscou",
    "Bamako",
    "Niamey",
    "Paris",
    "talks",
]
EVENTS_PER_ARTICLE = 20


def build(path: Path, events: int, seed: int = 7) -> None:
    """Create the schema with the project's code, then bulk-insert synthetic rows (into a side
    file renamed at the end, so an interrupted build leaves nothing that looks finished)."""
    final, path = path, path.with_name(path.name + ".partial")
    path.unlink(missing_ok=True)
    open_database(f"sqlite:///{path}").dispose()
    rng = random.Random(seed)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA journal_mode = WAL")
    actor_ids = {}
    for index, code in enumerate(COUNTRIES, start=1):
        connection.execute(
            "INSERT INTO actor (id, name, kind, code) VALUES (?, ?, 'country', ?)", (index, code, code)
        )
        actor_ids[code] = index
    articles = events // EVENTS_PER_ARTICLE + 1
    start = date(1990, 1, 1)
    connection.executemany(
        "INSERT INTO article (id, source, title, outlet, published, language, content_hash, text, "
        "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2025-01-01 00:00:00')",
        (
            (
                i,
                f"synthetic/{i}.txt",
                f"Article {i}",
                f"Outlet {i % 40}",
                str(start + timedelta(days=i % 12000)),
                "fr" if i % 2 else "en",
                f"hash{i}",
                "Synthetic article.",
            )
            for i in range(1, articles + 1)
        ),
    )
    rows = []
    for event_id in range(1, events + 1):
        day = start + timedelta(days=rng.randrange(12000))
        words = " ".join(rng.choice(WORDS) for _ in range(8))
        rows.append((event_id, event_id // EVENTS_PER_ARTICLE + 1, str(day), rng.choice(TYPES), words))
    connection.executemany(
        "INSERT INTO event (id, article_id, date_start, date_end, precision, event_type, modality, "
        "summary, location, confidence, is_manual, is_corrected, date_conflict, sources) "
        "VALUES (?, ?, ?, ?, 'day', ?, 'occurred', ?, NULL, 0.8, 0, 0, 0, 1)",
        ((i, a, d, d, t, w) for i, a, d, t, w in rows),
    )
    connection.executemany(
        "INSERT INTO mention (id, event_id, article_id, date_start, date_end, precision, date_text, "
        "date_char_start, date_char_end, date_derivation, sentence_char_start, sentence_char_end, "
        "evidence, summary, event_type, modality, location, confidence, extractor_version) "
        "VALUES (?, ?, ?, ?, ?, 'day', '', 0, 0, 'explicit', 0, 0, ?, ?, ?, 'occurred', NULL, 0.8, "
        "'synthetic')",
        ((i, i, a, d, d, w, w, t) for i, a, d, t, w in rows),
    )
    named = {i: sorted({rng.choice(COUNTRIES) for _ in range(2)}) for i, *_ in rows}
    connection.executemany(
        "INSERT INTO eventactor (event_id, actor_id) VALUES (?, ?)",
        ((i, actor_ids[code]) for i, codes in named.items() for code in codes),
    )
    connection.executemany(
        "INSERT INTO event_fts (rowid, title, summary, evidence, actors) VALUES (?, ?, ?, ?, ?)",
        ((i, f"Article {a}", w, w, " ".join(named[i])) for i, a, _d, _t, w in rows),
    )
    connection.commit()
    connection.execute("ANALYZE")
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    path.rename(final)


def bare_sql(path: Path, where: str, params: tuple[object, ...]) -> float:
    """Seconds for the first page of the equivalent hand-written SQL."""
    connection = sqlite3.connect(path)
    started = time.perf_counter()
    connection.execute(
        f"SELECT event.* FROM event JOIN article ON article.id = event.article_id {where} "
        "ORDER BY event.date_start, event.id LIMIT 200",
        params,
    ).fetchall()
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


SETTLE_SECONDS = 0.5
"""How long the rows of one search stay before the next is typed (the count and the months
chart of the last search are computed meanwhile, as they are while a researcher reads)."""


async def measure_tui(path: Path) -> dict[str, list[float]]:
    """Drive the app with its Pilot and time what a researcher waits for.

    Start-up is timed by the frames the app renders on its own (see `_frames`): the first frame
    of the timeline screen, then the first that shows rows, their drawing included (rows merely
    added to the table are not seen yet). Polling with `pilot.pause` timed the harness instead:
    each pause waits for every widget to drain its messages and then forces a repaint, tens of
    milliseconds after the app's own frame, and it could miss the frame with an empty table."""
    import tui.screens.timeline_screen as timeline_screen
    from tui.app import make_app

    timeline_screen.FILTER_DEBOUNCE_SECONDS = 0  # measure the query, not the typing pause
    figures: dict[str, list[float]] = {
        "first screen": [],
        "screen before rows": [],
        "first rows": [],
        "filter → rows": [],
    }
    for _ in range(3):
        app = make_app(f"sqlite:///{path}")
        frames, rows_drawn = _frames(app)
        started = time.perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:
            await rows_drawn.wait()
            drawn, rows = frames[0]
            figures["first screen"].append(drawn - started)
            figures["screen before rows"].append(float(rows == 0))
            figures["first rows"].append(next(at for at, shown in frames if shown) - drawn)
            del app._display  # frames are timed for start-up only: timing them cost each search 12 ms
            screen = app.timeline
            for word in ("Moscou", "Bamako", "accord", "sommet", "Niamey", "visite"):
                # a researcher reads what is shown before typing again: the app is idle by then
                await pilot.pause(SETTLE_SECONDS)
                await app.workers.wait_for_complete()
                before = screen.generation
                typed = time.perf_counter()
                screen.query_one("#query").value = word
                # until the new filter has been applied and its rows shown (the change is a message)
                while screen.generation == before or screen.shown_generation != screen.generation:
                    await pilot.pause(0.001)
                figures["filter → rows"].append(time.perf_counter() - typed)
    return figures


def _frames(app: App[None]) -> tuple[list[tuple[float, int]], asyncio.Event]:
    """Record when each frame of the timeline screen is rendered, with the rows it shows, and
    an event set once a frame shows rows.

    A frame is timed when the app hands it to its terminal driver (`App._display`, private in
    the pinned Textual; a headless app renders the frame all the same and skips only the
    write), so the figures are the app's own refreshes, made when its screen asks for them."""
    from tui.screens.timeline_screen import TimelineScreen

    frames: list[tuple[float, int]] = []
    rows_drawn = asyncio.Event()
    display = app._display

    def timed_display(screen: Screen, renderable: RenderableType | None) -> None:
        display(screen, renderable)
        if renderable is None or not isinstance(screen, TimelineScreen):
            return
        rows = _shown_rows(app) or 0
        frames.append((time.perf_counter(), rows))
        if rows:
            rows_drawn.set()

    app._display = timed_display  # type: ignore[method-assign]
    return frames, rows_drawn


def _shown_rows(app: object) -> int | None:
    """Rows in the table; None while the screen is still being built."""
    from textual.css.query import NoMatches

    timeline = getattr(app, "timeline", None)
    try:
        return timeline.table.row_count if timeline is not None else None
    except NoMatches:
        return None
