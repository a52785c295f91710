"""Snapshots of the screens at 80×24 and 160×48 (pytest-textual-snapshot)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

import pytest
from textual.pilot import Pilot

from tui.app import TimelineApp

from conftest import settle

SIZES = [(80, 24), (160, 48)]


SHOWN_EVENT = (date(2025, 4, 3), "Ankara")
"""An event whose article has a URL (a file's path differs between checkouts)."""


def after(*keys: str, event: tuple[date, str] | None = None) -> Callable[[Pilot], Awaitable[None]]:
    """Wait for the data, optionally jump to an event's date and move to it (the event of that
    date and place), then press keys."""

    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        assert isinstance(app, TimelineApp)
        await settle(app, pilot)
        if event is not None:
            app.timeline.jump_to(event[0])
            await settle(app, pilot)
            table = app.timeline.table
            rows = table.rows_by_id
            table.move_to(next(i for i in table.order if (rows[i].date_start, rows[i].location) == event))
            await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)

    return run_before


@pytest.fixture(autouse=True)
def dark_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots do not depend on the terminal's colour hints."""
    monkeypatch.delenv("COLORFGBG", raising=False)


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, app: TimelineApp, size: tuple[int, int]) -> None:
    """The timeline as it opens."""
    assert snap_compare(app, terminal_size=size, run_before=after())


@pytest.mark.parametrize("size", SIZES)
def test_detail_pane_of_an_event(snap_compare, app: TimelineApp, size: tuple[int, int]) -> None:
    """The detail pane of an event: its evidence highlighted in its article."""
    assert snap_compare(app, terminal_size=size, run_before=after(event=SHOWN_EVENT))


@pytest.mark.parametrize("size", SIZES)
def test_article_screen(snap_compare, app: TimelineApp, size: tuple[int, int]) -> None:
    """The whole article with its events highlighted."""
    assert snap_compare(app, terminal_size=size, run_before=after("o", event=SHOWN_EVENT))


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, app: TimelineApp, size: tuple[int, int]) -> None:
    """The keys."""
    assert snap_compare(app, terminal_size=size, run_before=after("question_mark"))
