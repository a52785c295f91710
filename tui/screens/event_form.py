"""The form for correcting an event or adding one by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label

from timeline.dates import parse_bound
from timeline.errors import TimelineError
from timeline.models import PRECISIONS


@dataclass(frozen=True)
class EventValues:
    """What the researcher typed; dates are already checked."""

    date_start: date
    date_end: date
    precision: str
    event_type: str
    location: str | None
    actors: tuple[str, ...]
    summary: str


class EventForm(ModalScreen[EventValues | None]):
    """Date, precision, type, actors, place (and a summary for new events)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save the event"),
    ]

    def __init__(self, title: str, initial: dict[str, str], *, types: list[str], actors: list[str]) -> None:
        super().__init__()
        self.form_title = title
        self.initial = initial
        self.types = types
        self.actor_names = actors

    def compose(self) -> ComposeResult:
        suggesters = {
            "type": SuggestFromList(self.types, case_sensitive=False),
            "precision": SuggestFromList(list(PRECISIONS)),
            "actors": SuggestFromList(self.actor_names, case_sensitive=False),
        }
        with Vertical(classes="dialog dialog-tall"):
            yield Label(self.form_title + " — ctrl+s to save, Esc to cancel", classes="dialog-title")
            with Grid(id="form-grid"):
                for key, label in (
                    ("date", "date"),
                    ("end", "end date"),
                    ("precision", "precision (blank: as written)"),
                    ("type", "type"),
                    ("actors", "actors (; between)"),
                    ("location", "place"),
                    ("summary", "summary"),
                ):
                    yield Label(label)
                    yield Input(self.initial.get(key, ""), id=f"form-{key}", suggester=suggesters.get(key))
            yield Label("", id="form-error")
            yield Button("Save", id="form-save", variant="primary")

    @on(Button.Pressed, "#form-save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        values = {key: self.query_one(f"#form-{key}", Input).value.strip() for key in self.initial_keys()}
        try:
            start = parse_bound(values["date"], today=date.today(), end=False)
            end = parse_bound(values["end"] or values["date"], today=date.today(), end=True)
        except TimelineError as error:
            self.query_one("#form-error", Label).update(str(error))
            return
        precision = values["precision"] or _precision_of(values["date"])
        if precision not in PRECISIONS:
            self.query_one("#form-error", Label).update(f"precision must be one of {', '.join(PRECISIONS)}")
            return
        actors = tuple(name.strip() for name in values["actors"].split(";") if name.strip())
        self.dismiss(
            EventValues(
                start,
                max(start, end),
                precision,
                values["type"] or "other",
                values["location"] or None,
                actors,
                values["summary"],
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    @staticmethod
    def initial_keys() -> tuple[str, ...]:
        return ("date", "end", "precision", "type", "actors", "location", "summary")


def _precision_of(written: str) -> str:
    """`2025` is a year, `2025-04` a month, anything else a day."""
    digits = written.strip()
    if len(digits) == 4 and digits.isdigit():
        return "year"
    if len(digits) == 7 and digits[4] == "-":
        return "month"
    return "day"
