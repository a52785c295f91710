"""The timeline screen driven by its Pilot: loading, filters, navigation, article and help."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from timeline import queries
from timeline.db import open_database
from timeline.queries import EventFilters
from tui.app import TimelineApp
from tui.screens.article_screen import ArticleScreen
from tui.screens.help_screen import HelpScreen
from tui.screens.timeline_screen import PAGE_SIZE

from conftest import settle


def expected_ids(db: str, filters: EventFilters) -> list[int]:
    """What the query API answers for the same filters (the CLI uses the same function)."""
    with Session(open_database(f"sqlite:///{db}")) as session:
        return [row.event_id for row in queries.iter_events(session, filters)]


async def test_opening_shows_every_event_in_date_order(app: TimelineApp, demo_db: str) -> None:
    """The table lists the events sorted by date and the header says "N of M events"."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.timeline.table
        assert table.order == expected_ids(demo_db, EventFilters())[: len(table.order)]
        total = len(expected_ids(demo_db, EventFilters()))
        assert f"{total:,} of {total:,} events" in app.sub_title
        dates = [table.rows_by_id[i].date_start for i in table.order]
        assert dates == sorted(dates)


@pytest.mark.parametrize(
    ("field", "value", "filters"),
    [
        ("from", "2025-04", EventFilters(date_from=date(2025, 4, 1))),
        ("to", "2024", EventFilters(date_to=date(2024, 12, 31))),
        ("actor", "Russie", EventFilters(actors=("Russie",))),
        ("country", "NER", EventFilters(countries=("NER",))),
        ("type", "summit", EventFilters(event_types=("summit",))),
        ("lang", "fr", EventFilters(languages=("fr",))),
        ("source", "Ledger", EventFilters(sources=("Ledger",))),
    ],
)
async def test_each_filter_field_filters_live(
    app: TimelineApp, demo_db: str, field: str, value: str, filters: EventFilters
) -> None:
    """Typing in a filter field gives the rows the CLI gives for the same filter."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        app.timeline.query_one(f"#filter-{field}").focus()
        await pilot.press(*value)
        await settle(app, pilot)
        expected = expected_ids(demo_db, filters)
        assert expected, "the demo corpus must have events for this filter"
        shown = app.timeline.table.order
        assert shown == expected[: len(shown)]
        assert len(shown) == min(len(expected), PAGE_SIZE)  # a first page, or every match
        assert f"{len(expected):,} of" in app.sub_title


async def test_text_query_applies_on_enter_and_returns_to_the_table(app: TimelineApp, demo_db: str) -> None:
    """`/` focuses the search; typing filters; Enter gives the focus back to the table."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Moscou", "enter")
        await settle(app, pilot)
        assert app.timeline.table.order == expected_ids(demo_db, EventFilters(query="Moscou"))
        assert app.focused is app.timeline.table
        assert "“Moscou”" in str(app.timeline.query_one("#active-filters").render())


async def test_status_tag_and_starred_filters(app: TimelineApp, demo_db: str) -> None:
    """Annotation filters follow what was annotated."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        first = app.timeline.table.current_event.event_id
        await pilot.press("s", "c", "t")
        await pilot.press(*"+checked", "enter")
        await settle(app, pilot)
        await pilot.press("f")
        app.timeline.query_one("#filter-status").focus()
        await pilot.press(*"confirmed")
        await settle(app, pilot)
        assert app.timeline.table.order == [first]
        await pilot.press("escape")
        app.timeline.query_one("#filter-tag").focus()
        await pilot.press(*"checked")
        await settle(app, pilot)
        assert app.timeline.table.order == [first]
        await pilot.press("escape")
        app.timeline.query_one("#filter-starred").focus()
        await pilot.press("space")
        await settle(app, pilot)
        assert app.timeline.table.order == [first]


async def test_escape_clears_the_focused_filter(app: TimelineApp, demo_db: str) -> None:
    """Esc empties the field and the table shows everything again."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f", *"2025-05")
        await settle(app, pilot)
        narrowed = app.timeline.table.order[:]
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.timeline.query_one("#filter-from").value == ""
        shown = app.timeline.table.order
        assert shown != narrowed
        assert shown == expected_ids(demo_db, EventFilters())[: len(shown)]


async def test_navigation_keys(app: TimelineApp) -> None:
    """j / k move one row; G goes to the last event, g back to the first."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.timeline.table
        await pilot.press("j", "j", "k")
        assert table.cursor_row == 1
        first_id = table.order[0]
        await pilot.press("G")
        await settle(app, pilot)
        last = table.current_event
        assert last is not None and last.date_start == max(
            table.rows_by_id[i].date_start for i in table.order
        )
        await pilot.press("g")
        await settle(app, pilot)
        assert table.current_event.event_id == first_id


async def test_detail_pane_shows_the_evidence_and_article(app: TimelineApp) -> None:
    """The highlighted event's sentence, date expression, derivation and article are shown."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Moscou", "enter")
        await settle(app, pilot)
        table = app.timeline.table
        seed = next(i for i in table.order if table.rows_by_id[i].date_start == date(2025, 4, 3))
        table.move_to(seed)
        await settle(app, pilot)
        detail = str(app.timeline.query_one("#detail-text").render())
        assert "Le 03 avril 2025, les ministres" in detail
        assert "“Le 03 avril 2025” — explicit" in detail
        assert "Express" in detail


async def test_article_screen_highlights_events_and_jumps(app: TimelineApp) -> None:
    """`o` opens the article; n moves to the next event; Enter returns on that event."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Ankara", "enter")
        await settle(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert len(screen.marks) >= 2
        start = screen.position
        await pilot.press("n")
        assert screen.position == (start + 1) % len(screen.marks)
        chosen = screen.marks[screen.position].event_id
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is app.timeline
        if chosen in app.timeline.table.rows_by_id:
            assert app.timeline.table.current_event.event_id == chosen


async def test_help_screen_lists_the_keys(app: TimelineApp) -> None:
    """`?` shows the keys; Esc closes it."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is app.timeline


async def test_jump_to_date_from_the_palette_command(app: TimelineApp) -> None:
    """The jump command shows events from that date on."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.ask_jump()
        await pilot.pause()
        await pilot.press(*"2025-04-03", "enter")
        await settle(app, pilot)
        assert app.timeline.table.current_event.date_start >= date(2025, 4, 3)


async def test_article_text_is_never_interpreted_as_markup(tmp_path) -> None:
    """Markup and escape sequences in an article are shown as text."""
    from click.testing import CliRunner

    from timeline.cli import cli
    from tui.app import make_app

    db = str(tmp_path / "hostile.db")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Title: [bold red]Injected[/] [@click=app.quit]x[/]\nPublished: 2025-04-05\n\n"
        "Le 3 avril 2025, le Mali et le Niger ont signé un accord [@click=app.quit]clic[/] \x1b]8;;http://x\x07lien\x1b]8;;\x07 à Niamey.",
        encoding="utf-8",
    )
    CliRunner().invoke(cli, ["ingest", "--db", db, str(hostile)], catch_exceptions=False)
    app = make_app(f"sqlite:///{db}")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        detail = str(app.timeline.query_one("#detail-text").render())
        assert "[@click=app.quit]clic[/]" in detail
        assert "[bold red]Injected[/]" in detail
        assert "\x1b" not in detail
        await pilot.click("#detail-text")
        assert app.is_running


async def test_switch_database_from_the_palette_command(app: TimelineApp, tmp_path) -> None:
    """Switching to another (here empty) database shows its events instead."""
    other = tmp_path / "other.db"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.timeline.table.row_count > 0
        app.ask_database()
        await pilot.pause()
        await pilot.press(*str(other), "enter")
        for _ in range(10):
            await settle(app, pilot)
            if app.timeline.service.name == "other.db":
                break
        assert app.timeline.service.name == "other.db"
        assert app.timeline.table.row_count == 0
        assert "0 of 0 events" in app.sub_title


async def test_palette_lists_the_timeline_commands(app: TimelineApp) -> None:
    """ctrl+p offers export, jump, saved views and switching database."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {
            "Export view to CSV",
            "Export view to JSON",
            "Jump to date",
            "Save view",
            "Load saved view",
            "Switch database",
        } <= titles


async def test_wide_table_shows_sources_and_earliest_report(app: TimelineApp) -> None:
    """On a wide terminal the table adds when each event was first reported, beside its sources."""
    async with app.run_test(size=(220, 40)) as pilot:
        await settle(app, pilot)
        table = app.timeline.table
        assert table.wide_layout
        labels = [str(column.label) for column in table.columns.values()]
        assert labels[-2:] == ["src", "1st report"]
        row = table.current_event
        cells = table.get_row_at(0)
        assert str(cells[-2]) == str(row.sources)
        assert str(cells[-1]) == row.first_reported.isoformat()
