"""The Textual app: opens the database in a worker, shows the timeline screen, and offers the
command palette's commands (export, jump to date, saved views, switch database, theme)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from timeline.config import resolve_db_url
from timeline.dates import parse_bound
from timeline.errors import TimelineError
from timeline.service import TimelineService
from tui.screens.dialogs import ChoicePrompt, TextPrompt
from tui.screens.timeline_screen import TimelineScreen


def terminal_prefers_light() -> bool:
    """Read the terminal's background from COLORFGBG ("15;0" is light text on dark)."""
    background = os.environ.get("COLORFGBG", "").split(";")[-1]
    return background.isdigit() and int(background) in (7, 15)


class TimelineApp(App[None]):
    """Browse, filter, annotate and export the timeline of one database."""

    CSS_PATH = "app.tcss"
    TITLE = "Diplomatic Timeline"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave the timeline"),
    ]

    def __init__(self, db_url: str) -> None:
        super().__init__()
        self.db_url = db_url
        self.service: TimelineService | None = None
        if terminal_prefers_light():
            self.theme = "textual-light"

    def on_mount(self) -> None:
        self.sub_title = "opening…"
        self.open_database(self.db_url)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def open_database(self, db_url: str) -> None:
        """Open the database off the UI thread, then show its timeline."""
        try:
            service = TimelineService.open(db_url)
            service.warm_up()
        except TimelineError as error:
            self.call_from_thread(self.notify, str(error), severity="error", timeout=10)
            return
        self.call_from_thread(self._show, service)

    def _show(self, service: TimelineService) -> None:
        self.service = service
        self.db_url = str(service.engine.url)
        self.switch_screen(TimelineScreen(service)) if self._has_timeline() else self.push_screen(
            TimelineScreen(service)
        )

    def _has_timeline(self) -> bool:
        return any(isinstance(screen, TimelineScreen) for screen in self.screen_stack)

    @property
    def timeline(self) -> TimelineScreen | None:
        """The timeline screen, once the database is open."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, TimelineScreen):
                return screen
        return None

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.timeline is None:
            return
        yield SystemCommand("Export view to CSV", "Write the events shown to a CSV file", self.export_csv)
        yield SystemCommand("Export view to JSON", "Write the events shown to a JSON file", self.export_json)
        yield SystemCommand("Jump to date", "Show events from a date on", self.ask_jump)
        yield SystemCommand("Save view", "Name the current filters", self.ask_save_view)
        yield SystemCommand("Load saved view", "Recall named filters", self.ask_load_view)
        yield SystemCommand("Switch database", "Open another database file or URL", self.ask_database)

    def export_csv(self) -> None:
        self.ask_export("csv")

    def export_json(self) -> None:
        self.ask_export("json")

    def ask_export(self, fmt: str) -> None:
        default = f"timeline-{datetime.now():%Y%m%d-%H%M%S}.{fmt}"

        def export(path: str | None) -> None:
            if path:
                self.export_view(Path(path).expanduser(), fmt)

        self.push_screen(TextPrompt(f"Export the current view as {fmt.upper()} to", value=default), export)

    @work(thread=True, exit_on_error=False, group="export")
    def export_view(self, path: Path, fmt: str) -> None:
        """Write the current view through the CLI's writer."""
        timeline = self.timeline
        if timeline is None or self.service is None:
            return
        try:
            count = self.service.export(timeline.filters, path, fmt)
        except OSError as error:
            self.call_from_thread(self.notify, f"{path}: {error.strerror}", severity="error")
            return
        self.call_from_thread(self.notify, f"{count} events written to {path}")

    def ask_jump(self) -> None:
        def jump(answer: str | None) -> None:
            timeline = self.timeline
            if not answer or timeline is None:
                return
            try:
                timeline.jump_to(parse_bound(answer, today=date.today(), end=False))
            except TimelineError as error:
                self.notify(str(error), severity="error")

        self.push_screen(TextPrompt("Jump to date (2025-04-03, 2025-04, last month)"), jump)

    def ask_save_view(self) -> None:
        def save(name: str | None) -> None:
            timeline = self.timeline
            if name and timeline is not None and self.service is not None:
                self.service.save_view(name, timeline.filters)
                self.notify(f"view “{name}” saved")

        self.push_screen(TextPrompt("Name this view"), save)

    def ask_load_view(self) -> None:
        if self.service is None:
            return
        names = self.service.views()
        if not names:
            self.notify("No saved views yet")
            return

        def load(name: str | None) -> None:
            timeline = self.timeline
            if name and timeline is not None and self.service is not None:
                timeline.use_filters(self.service.load_view(name))

        self.push_screen(ChoicePrompt("Saved views", names), load)

    def ask_database(self) -> None:
        def switch(answer: str | None) -> None:
            if answer:
                self.open_database(resolve_db_url(answer))

        self.push_screen(TextPrompt("Database file or SQLAlchemy URL"), switch)


def make_app(db_url: str) -> TimelineApp:
    """Build the app for a database URL; used by `timeline tui`, `timeline demo` and tests."""
    return TimelineApp(db_url)
