"""The first TUI screen, driven by its Pilot."""

from __future__ import annotations

from textual.widgets import DataTable

from tui.app import make_app

from conftest import SEED, run


async def test_the_table_shows_the_events_of_the_database(db: str) -> None:
    """Opening the app lists the stored events and says how many there are."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    app = make_app(f"sqlite:///{db}")
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.query_one("#events", DataTable)
        assert table.row_count == 1
        assert "2025-04-03" in str(table.get_row_at(0)[0])
        assert "1 of 1 events" in app.sub_title
        await pilot.press("q")
