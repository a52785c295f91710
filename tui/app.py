"""The Textual app: a first timeline screen over the query API (issue #4 builds it out)."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from timeline.config import describe_db
from timeline.export import format_date, format_date_end
from timeline.queries import EventRow
from timeline.text_safety import strip_controls
from tui.messages import EventsLoaded

FIRST_PAGE = 200


class TimelineApp(App[None]):
    """Browse the events of one database."""

    CSS_PATH = "app.tcss"
    TITLE = "Diplomatic Timeline"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave the timeline"),
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
    ]

    def __init__(self, db_url: str) -> None:
        super().__init__()
        self.db_url = db_url

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="events", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = describe_db(self.db_url)
        table = self.query_one("#events", DataTable)
        table.add_columns("date", "type", "summary", "countries", "place", "src", "status", "★")
        self.load_events()

    @work(thread=True, exclusive=True, exit_on_error=False, group="events")
    def load_events(self) -> None:
        """Fetch the first page of events and the total in a thread."""
        from sqlmodel import Session

        from timeline import queries
        from timeline.db import open_database

        engine = open_database(self.db_url)
        with Session(engine) as session:
            rows = queries.list_events(session, limit=FIRST_PAGE)
            total = queries.count_events(session)
        self.post_message(EventsLoaded(rows=rows, total=total))

    @on(EventsLoaded)
    def show_events(self, message: EventsLoaded) -> None:
        table = self.query_one("#events", DataTable)
        table.clear()
        for row in message.rows:
            table.add_row(*_cells(row), key=str(row.event_id))
        self.sub_title = f"{describe_db(self.db_url)} — {len(message.rows)} of {message.total} events"
        self._rows = {str(row.event_id): row for row in message.rows}

    @on(DataTable.RowHighlighted)
    def show_detail(self, event: DataTable.RowHighlighted) -> None:
        row = getattr(self, "_rows", {}).get(event.row_key.value if event.row_key else "")
        detail = self.query_one("#detail", Static)
        detail.update(_detail_text(row) if row else "")

    def action_cursor_down(self) -> None:
        self.query_one("#events", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#events", DataTable).action_cursor_up()


def _cells(row: EventRow) -> tuple[str, ...]:
    end = format_date_end(row)
    when = format_date(row.date_start, row.precision) + (f"→{end}" if end else "")
    return (
        when,
        row.event_type,
        strip_controls(row.summary),
        strip_controls(", ".join(row.countries)),
        strip_controls(row.location or ""),
        "1",
        row.status,
        "★" if row.starred else "",
    )


def _detail_text(row: EventRow) -> object:
    from rich.text import Text

    text = Text()
    text.append(strip_controls(row.summary) + "\n", style="bold")
    text.append(strip_controls(row.evidence) + "\n")
    text.append(
        strip_controls(f"{row.article_title} — {row.outlet or ''} {row.article_published or ''}"), style="dim"
    )
    return text


def make_app(db_url: str) -> TimelineApp:
    """Build the app for a database URL; used by `timeline tui`, `timeline demo` and tests."""
    return TimelineApp(db_url)
