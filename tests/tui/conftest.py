"""TUI fixtures: a demo database built once and copied per test, and a helper that waits for
the app's workers instead of sleeping."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from timeline.config import data_dir
from timeline.db import open_database
from timeline.ingest import ingest
from tui.app import TimelineApp, make_app


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus ingested once for the whole test session."""
    path = tmp_path_factory.mktemp("template") / "demo.db"
    engine = open_database(f"sqlite:///{path}")
    ingest(engine, [str(data_dir() / "demo")])
    engine.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> str:
    """A private copy of the demo database for one test."""
    target = tmp_path / "demo.db"
    shutil.copy(demo_template, target)
    return str(target)


@pytest.fixture(autouse=True)
def no_debounce(monkeypatch: pytest.MonkeyPatch) -> None:
    """Apply filters on the next tick, so tests wait for workers rather than for time."""
    monkeypatch.setattr("tui.screens.timeline_screen.FILTER_DEBOUNCE_SECONDS", 0)


@pytest.fixture
def app(demo_db: str) -> TimelineApp:
    """The app on a copy of the demo database."""
    return make_app(f"sqlite:///{demo_db}")


async def settle(app: TimelineApp, pilot: Pilot) -> None:
    """Wait until every worker is done and every message is handled (bounded, no sleeping).

    The app must be quiet twice in a row: the screen starts some queries only after the next
    refresh (the first page, the count after the rows), one pause after asking for them."""
    quiet = 0
    for _ in range(50):
        await pilot.pause()
        with contextlib.suppress(WorkerCancelled):  # a newer query replaced it: wait for that one
            await app.workers.wait_for_complete()
        await pilot.pause()
        timeline = app.timeline
        busy = any(not worker.is_finished for worker in app.workers)
        if timeline is None or busy or getattr(timeline, "debounce_timer", None) is not None:
            quiet = 0
            continue
        quiet += 1
        if quiet == 2:
            return
