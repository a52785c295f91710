"""The keys, on one screen."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = (
    ("Navigate", ""),
    ("↑ ↓  j k", "previous / next event"),
    ("PgUp PgDn", "page up / down"),
    ("g  G", "first / last event"),
    ("o", "open the article, events highlighted (n / p to jump)"),
    ("Filter", ""),
    ("/", "search text (Enter applies and returns to the table)"),
    ("f", "filter panel: dates, actor, country, type, language, source, status, tag, starred"),
    ("Esc", "clear the focused filter"),
    ("Annotate (saved at once)", ""),
    ("s", "star / unstar"),
    ("c  x", "confirm / reject (again to reset)"),
    ("t", "tags: +add -remove"),
    ("n", "note"),
    ("e", "correct date, precision, type, actors, place"),
    ("a", "add an event by hand to this article"),
    ("space", "select for bulk s / c / x / t, or for m"),
    ("m", "merge the selected events into one"),
    ("S", "split a mention out into its own event"),
    ("u", "undo the last change (annotation, merge or split)"),
    ("Other", ""),
    ("ctrl+p", "commands: export view, jump to date, saved views, switch database"),
    ("?", "this help"),
    ("q", "quit"),
)


class HelpScreen(ModalScreen[None]):
    """Every key of the timeline screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for key, meaning in KEYS:
            if meaning:
                table.add_row(key, meaning)
            else:
                table.add_row(f"[underline]{key}[/]", "")
        with VerticalScroll(classes="dialog dialog-tall"):
            yield Static("Diplomatic Timeline — keys", classes="dialog-title")
            yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)
