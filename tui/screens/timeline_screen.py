"""The main screen: search line, active filters, months chart, the table, the detail pane and
the filter panel. Queries run in thread workers; stale answers are dropped by generation."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Static
from textual.worker import Worker, WorkerState, get_current_worker

from timeline.errors import QueryAbandoned
from timeline.queries import EventFilters
from timeline.service import TimelineService
from tui.messages import CountLoaded, DetailLoaded, PageLoaded, RowsChanged
from tui.render import detail_text
from tui.screens.annotation_actions import AnnotationActions
from tui.widgets import EventTable, FilterPanel, KeysFooter, MonthChart

PAGE_SIZE = 50
"""Rows fetched at a time, or the screen's height if taller: the next page comes as the cursor
nears the end. (100 rows took 30% longer than 50 to appear after a filter on a million events.)"""
WIDE_SCREEN = 140
"""From this width the detail pane sits beside the table instead of below it."""
FILTER_DEBOUNCE_SECONDS = 0.15
COUNT_DELAY_SECONDS = 0.1
"""Counting every match (a fifth of a second on a million events) starts once a page of rows has
stayed this long: a researcher typing a query does not pay for counts of what it passes through."""


class TimelineScreen(AnnotationActions, Screen[None]):
    """Browse, filter and annotate the events of one database."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="search", tooltip="Type a full-text query"),
        Binding("f", "toggle_filters", "Filters", id="filters", tooltip="Show the filter panel"),
        Binding("g", "first", "First", show=False, id="first"),
        Binding("G", "last", "Last", show=False, id="last"),
        Binding("o", "open_article", "Article", id="article", tooltip="Read the whole article"),
        Binding("question_mark", "help", "Help", id="help"),
        *AnnotationActions.ANNOTATION_BINDINGS,
    ]
    AUTO_FOCUS = "#events"  # not the search line first: each change of focus rebuilds the footer

    def __init__(self, service: TimelineService) -> None:
        super().__init__()
        self.service = service
        self.filters = EventFilters()
        self.generation = 0
        self.shown_generation = 0
        """The generation whose rows the table shows (lags `generation` while a query runs)."""
        self.total = 0
        self.all_events = 0
        self.suggestions: dict[str, list[str]] = {}
        self.suggestions_asked = False
        self.exhausted = False
        self.loading_more = False
        self.sort: str = "date"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="search-bar"):
            yield Input(placeholder="/ search titles, summaries, evidence, actors", id="query", compact=True)
            yield Static("", id="active-filters")
        yield MonthChart(id="months")
        with Horizontal(id="body"):
            yield FilterPanel(id="filters")
            with Vertical(id="main"):
                yield EventTable(id="events")
                with VerticalScroll(id="detail"):
                    yield Static("", id="detail-text")
        yield KeysFooter()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE_SCREEN, "-wide")

    def on_show(self) -> None:
        """Ask for the first page once the empty screen has been drawn (Show comes after the
        frame): the query then never slows that frame down, nor lands before it."""
        if self.generation == 0:
            self.reload()

    @property
    def table(self) -> EventTable:
        return self.query_one(EventTable)

    # Loading -------------------------------------------------------------------------------

    def reload(self, *, start_after: tuple[date, int] | None = None, sort: str = "date") -> None:
        """Start a new generation of results for the current filters."""
        self.generation += 1
        self.exhausted = False
        self.loading_more = False
        self.sort = sort
        self.table.clear_selection()
        self.fetch_page(
            self.generation, self.filters, start_after, append=False, sort=sort, limit=self.page_size
        )
        self.show_active_filters()

    @property
    def page_size(self) -> int:
        """Rows to fetch at a time: at least a screenful."""
        return max(PAGE_SIZE, self.size.height)

    @work(thread=True, exclusive=True, exit_on_error=False, group="page")
    def fetch_page(
        self,
        generation: int,
        filters: EventFilters,
        after: tuple[date, int] | None,
        *,
        append: bool,
        sort: str,
        limit: int,
    ) -> None:
        try:
            rows = self.service.page(
                filters,
                after=after,
                limit=limit,
                sort=sort,  # type: ignore[arg-type]
                unwanted=self._outdated(generation),
            )
        except QueryAbandoned:
            return
        if sort == "-date":
            rows.reverse()
        self.post_message(PageLoaded(generation, rows, append, last=len(rows) < limit))

    @work(thread=True, exclusive=True, exit_on_error=False, group="count")
    def fetch_count(self, generation: int, filters: EventFilters) -> None:
        unwanted = self._outdated(generation)
        with suppress(QueryAbandoned):
            total = self.service.count(filters, unwanted=unwanted)
            months = self.service.months(filters, unwanted=unwanted)
            self.post_message(CountLoaded(generation, total, months))

    def _count_if_current(self, generation: int, filters: EventFilters) -> None:
        if generation == self.generation:
            self.fetch_count(generation, filters)

    def _outdated(self, generation: int) -> Callable[[], bool]:
        """Whether newer filters, or quitting (it cancels the worker), made the running query moot."""
        worker = get_current_worker()
        return lambda: generation != self.generation or worker.is_cancelled

    @work(thread=True, exclusive=True, exit_on_error=False, group="detail")
    def fetch_detail(self, event_id: int) -> None:
        self.post_message(DetailLoaded(event_id, self.service.detail(event_id)))

    @work(thread=True, exit_on_error=False, group="suggestions")
    def load_suggestions(self) -> None:
        suggestions = self.service.suggestions()
        self.app.call_from_thread(self.query_one(FilterPanel).set_suggestions, suggestions)
        self.suggestions = suggestions

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A query or a save that failed is said, never swallowed."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.app.notify(
                f"{type(event.worker.error).__name__}: {event.worker.error}", severity="error", timeout=10
            )

    @on(PageLoaded)
    def show_page(self, message: PageLoaded) -> None:
        if message.generation != self.generation:
            return  # a newer filter already asked
        self.loading_more = False
        self.shown_generation = message.generation
        self.exhausted = message.last or self.sort == "-date"
        self.table.show_rows(message.rows, append=message.append)
        if not message.append:  # counting all matches waits until the rows have stayed a moment
            generation, filters = message.generation, self.filters
            self.set_timer(COUNT_DELAY_SECONDS, lambda: self._count_if_current(generation, filters))
            if not self.suggestions_asked:  # so do the filter panel's suggestions
                self.suggestions_asked = True
                self.call_after_refresh(self.load_suggestions)
        if not message.append and self.table.row_count:
            self.table.move_cursor(row=self.table.row_count - 1 if self.sort == "-date" else 0)
            wanted = getattr(self, "focus_after_reload", None)
            if wanted is not None:
                self.focus_after_reload = None
                self.table.move_to(wanted)
        if not self.table.row_count:
            self.query_one("#detail-text", Static).update("No events match these filters.")
        self.update_title()

    @on(CountLoaded)
    def show_count(self, message: CountLoaded) -> None:
        if message.generation != self.generation:
            return
        self.total = message.total
        if self.filters.is_empty():
            self.all_events = message.total
        self.query_one(MonthChart).show(message.months)
        self.update_title()

    @on(EventTable.NeedMore)
    def load_more(self) -> None:
        if self.exhausted or self.loading_more or not self.table.near_end:
            return  # (asked while the rows were being added, the cursor is not near the end now)
        self.loading_more = True
        last = self.table.rows_by_id[self.table.order[-1]]
        after = (last.date_start, last.event_id)
        self.fetch_page(self.generation, self.filters, after, append=True, sort="date", limit=self.page_size)

    @on(EventTable.RowHighlighted)
    def highlight(self) -> None:
        current = self.table.current_event
        if current is not None:
            self.fetch_detail(current.event_id)

    @on(DetailLoaded)
    def show_detail(self, message: DetailLoaded) -> None:
        current = self.table.current_event
        if current is None or current.event_id != message.event_id or message.detail is None:
            return
        self.query_one("#detail-text", Static).update(detail_text(message.detail))

    @on(RowsChanged)
    def redraw_rows(self, message: RowsChanged) -> None:
        self.table.refresh_rows(message.rows)
        self.highlight()

    def update_title(self) -> None:
        self.app.title = "Diplomatic Timeline"
        self.app.sub_title = f"{self.service.name} — {self.total:,} of {self.all_events:,} events"

    # Filters -------------------------------------------------------------------------------

    def show_active_filters(self) -> None:
        parts = []
        f = self.filters
        if f.date_from:
            parts.append(f"from {f.date_from}")
        if f.date_to:
            parts.append(f"to {f.date_to}")
        for label, values in (
            ("actor", f.actors),
            ("country", f.countries),
            ("type", f.event_types),
            ("lang", f.languages),
            ("source", f.sources),
            ("status", f.statuses),
            ("tag", f.tags),
        ):
            if values:
                parts.append(f"{label} {'|'.join(values)}")
        if f.starred:
            parts.append("★")
        if f.query:
            parts.append(f"“{f.query}”")
        self.query_one("#active-filters", Static).update(Text(" · ".join(parts) or "no filters", style="dim"))

    @on(FilterPanel.Changed)
    def filters_changed(self, message: FilterPanel.Changed) -> None:
        self.apply_filters(message.filters)

    def apply_filters(self, filters: EventFilters) -> None:
        """Debounce keystrokes: only the last filter of a burst queries."""
        self.pending_filters = filters
        if getattr(self, "debounce_timer", None) is not None:
            self.debounce_timer.stop()
        if FILTER_DEBOUNCE_SECONDS <= 0:
            self.debounce_timer = None
            self._apply_pending()
            return
        self.debounce_timer = self.set_timer(FILTER_DEBOUNCE_SECONDS, self._apply_pending)

    def _apply_pending(self) -> None:
        self.debounce_timer = None
        if self.pending_filters != self.filters:
            self.filters = self.pending_filters
            self.reload()

    @on(Input.Changed, "#query")
    def query_changed(self, event: Input.Changed) -> None:
        panel = self.query_one(FilterPanel)
        panel.query_text = event.value.strip()
        panel.notify_changed()

    @on(Input.Submitted, "#query")
    def query_submitted(self) -> None:
        self.table.focus()

    def action_search(self) -> None:
        self.query_one("#query", Input).focus()

    def action_toggle_filters(self) -> None:
        panel = self.query_one(FilterPanel)
        panel.display = not panel.display
        if panel.display:
            panel.query_one("#filter-from", Input).focus()
        else:
            self.table.focus()

    def use_filters(self, filters: EventFilters) -> None:
        """Show a saved view."""
        self.query_one(FilterPanel).load(filters)
        with self.prevent(Input.Changed):
            self.query_one("#query", Input).value = filters.query or ""
        self.filters = filters
        self.reload()

    # Navigation ----------------------------------------------------------------------------

    def action_first(self) -> None:
        if self.sort != "date":
            self.reload()
        elif self.table.row_count:
            self.table.move_cursor(row=0)

    def action_last(self) -> None:
        if self.exhausted and self.sort == "date":
            self.table.move_cursor(row=self.table.row_count - 1)
        else:
            self.reload(sort="-date")

    def jump_to(self, day: date) -> None:
        """Show events from a date on."""
        self.reload(start_after=(day - timedelta(days=1), 2**62))

    def action_open_article(self) -> None:
        current = self.table.current_event
        if current is None:
            return
        article = self.service.article(current.article_id)
        if article is None:
            return
        from tui.screens.article_screen import ArticleScreen

        def back(event_id: int | None) -> None:
            if event_id is not None:
                self.table.move_to(event_id)

        self.app.push_screen(ArticleScreen(article, current.event_id), back)

    def action_help(self) -> None:
        from tui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen())
