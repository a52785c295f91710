"""The filter panel: every CLI filter as a field, applied live as the researcher types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Label

from timeline.dates import parse_bound
from timeline.errors import TimelineError
from timeline.queries import EventFilters

FIELDS = (
    ("from", "from (2025-04, last month)"),
    ("to", "to"),
    ("actor", "actor (any alias)"),
    ("country", "country (code or name)"),
    ("type", "type"),
    ("lang", "language"),
    ("source", "source"),
    ("status", "status"),
    ("tag", "tag"),
)


class FilterPanel(VerticalScroll):
    """Filter fields; posts `Changed` with the filters they describe."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "clear_field", "Clear field", id="filters.clear", tooltip="Clear the focused filter"
        ),
    ]

    @dataclass
    class Changed(Message):
        """The fields now describe these filters."""

        filters: EventFilters

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.query_text = ""

    def compose(self) -> ComposeResult:
        for key, label in FIELDS:
            yield Label(label, classes="filter-label")
            yield Input(id=f"filter-{key}", placeholder=key, compact=True)
        yield Checkbox("starred only", id="filter-starred", compact=True)

    def set_suggestions(self, suggestions: dict[str, list[str]]) -> None:
        """Offer completions for the fields that have known values."""
        extra = {"status": ["unreviewed", "confirmed", "rejected"]}
        for key, values in {**suggestions, **extra}.items():
            for field in self.query(f"#filter-{key}").results(Input):
                field.suggester = SuggestFromList(values, case_sensitive=False)

    def filters(self, today: date) -> EventFilters:
        """The filters the fields describe; a field that cannot be read is ignored and marked."""
        values = {key: self.query_one(f"#filter-{key}", Input).value.strip() for key, _ in FIELDS}
        bounds = {}
        for key, end in (("from", False), ("to", True)):
            field = self.query_one(f"#filter-{key}", Input)
            try:
                bounds[key] = parse_bound(values[key], today=today, end=end) if values[key] else None
                field.remove_class("-invalid")
            except TimelineError:
                bounds[key] = None
                field.add_class("-invalid")
        return EventFilters(
            date_from=bounds["from"],
            date_to=bounds["to"],
            actors=_many(values["actor"]),
            countries=_many(values["country"]),
            event_types=_many(values["type"]),
            languages=_many(values["lang"]),
            sources=_many(values["source"]),
            statuses=_many(values["status"]),
            tags=_many(values["tag"]),
            starred=True if self.query_one("#filter-starred", Checkbox).value else None,
            query=self.query_text or None,
        )

    def load(self, filters: EventFilters) -> None:
        """Fill the fields from saved filters."""
        values = {
            "from": filters.date_from.isoformat() if filters.date_from else "",
            "to": filters.date_to.isoformat() if filters.date_to else "",
            "actor": ", ".join(filters.actors),
            "country": ", ".join(filters.countries),
            "type": ", ".join(filters.event_types),
            "lang": ", ".join(filters.languages),
            "source": ", ".join(filters.sources),
            "status": ", ".join(filters.statuses),
            "tag": ", ".join(filters.tags),
        }
        with self.prevent(Input.Changed, Checkbox.Changed):
            for key, value in values.items():
                self.query_one(f"#filter-{key}", Input).value = value
            self.query_one("#filter-starred", Checkbox).value = bool(filters.starred)
        self.query_text = filters.query or ""

    def notify_changed(self) -> None:
        """Tell the screen the filters changed."""
        self.post_message(self.Changed(self.filters(date.today())))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.notify_changed()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.notify_changed()

    def action_clear_field(self) -> None:
        focused = self.screen.focused
        if isinstance(focused, Input) and focused.value:
            focused.value = ""
        elif isinstance(focused, Checkbox):
            focused.value = False


def _many(value: str) -> tuple[str, ...]:
    """Comma-separated values: any of them."""
    return tuple(part.strip() for part in value.split(",") if part.strip())
