"""The timeline table: one row per event, fed page by page, with a month column that marks
where each month starts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from timeline.console import safe
from timeline.presentation import date_label
from timeline.queries import EventRow

PREFETCH_MARGIN = 30
WIDE_TABLE = 120
COLUMNS = (
    ("marks", "●✔★"),
    ("month", "month"),
    ("date", "date"),
    ("type", "type"),
    ("summary", "summary"),
    ("countries", "countries"),
    ("place", "place"),
    ("src", "src"),
)
WIDE_ONLY = (("first", "1st report"),)
"""Columns shown only when the table is wide enough."""


class EventTable(DataTable[Text]):
    """Events in date order; keeps the rows it shows and the researcher's selection."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="table.up"),
    ]

    @dataclass
    class NeedMore(Message):
        """The cursor is near the last loaded row: fetch the next page."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.wide_layout = False
        self.rows_by_id: dict[int, EventRow] = {}
        self.order: list[int] = []
        self.selected: set[int] = set()

    def on_mount(self) -> None:
        self.wide_layout = False
        self._add_columns()
        self.fit_columns()

    def _add_columns(self) -> None:
        for key, label in (*COLUMNS, *(WIDE_ONLY if self.wide_layout else ())):
            self.add_column(label, width=4, key=key)

    def fit_columns(self) -> None:
        """Share the width: fixed columns first, then the summary takes what is left; a wide
        table also shows when each event was first reported."""
        width = self.size.width or 80
        wide = width >= WIDE_TABLE
        if wide != self.wide_layout:
            self.wide_layout = wide
            rows = [self.rows_by_id[event_id] for event_id in self.order]
            cursor = self.cursor_row
            self.clear(columns=True)
            self._add_columns()
            self.rows_by_id.clear()
            self.order.clear()
            self.show_rows(rows, append=False)
            if rows:
                self.move_cursor(row=min(cursor, len(rows) - 1))
        widths = {"marks": 3, "month": 7, "date": 22 if wide else 10, "type": 11 if wide else 8, "src": 3}
        widths |= {"countries": 14 if wide else 8, "place": 14 if wide else 8}
        if wide:
            widths["first"] = 10
        used = sum(widths.values()) + 2 * self.cell_padding * (len(widths) + 1) + 2
        widths["summary"] = max(12, width - used)
        for key, column_width in widths.items():
            self.columns[key].width = column_width  # type: ignore[index]
        self._require_update_dimensions = True
        self.refresh()

    def on_resize(self) -> None:
        self.fit_columns()

    def show_rows(self, rows: list[EventRow], *, append: bool) -> None:
        """Replace the rows, or add a page after them."""
        if not append:
            self.clear()
            self.rows_by_id.clear()
            self.order.clear()
        previous_month = self._month_of(self.order[-1]) if self.order else None
        for row in rows:
            if row.event_id in self.rows_by_id:
                continue
            month = row.date_start.isoformat()[:7]
            self.rows_by_id[row.event_id] = row
            self.order.append(row.event_id)
            self.add_row(*self._cells(row, month if month != previous_month else ""), key=str(row.event_id))
            previous_month = month

    def refresh_rows(self, rows: list[EventRow]) -> None:
        """Redraw events whose annotation or values changed."""
        for row in rows:
            if row.event_id not in self.rows_by_id:
                continue
            index = self.order.index(row.event_id)
            month_cell = self.get_row_at(index)[1]
            self.rows_by_id[row.event_id] = row
            for column, cell in zip(self.columns, self._cells(row, month_cell.plain), strict=True):
                self.update_cell(str(row.event_id), column, cell)

    @property
    def current_event(self) -> EventRow | None:
        """The highlighted event."""
        if not self.order or self.cursor_row >= len(self.order):
            return None
        return self.rows_by_id[self.order[self.cursor_row]]

    def target_ids(self) -> list[int]:
        """The selection, or the highlighted event when nothing is selected."""
        if self.selected:
            return [event_id for event_id in self.order if event_id in self.selected]
        current = self.current_event
        return [current.event_id] if current else []

    def toggle_selection(self) -> None:
        """Select or unselect the highlighted event."""
        current = self.current_event
        if current is None:
            return
        self.selected ^= {current.event_id}
        self.update_cell(str(current.event_id), "marks", self._marks(current))

    def clear_selection(self) -> None:
        """Forget the selection."""
        cleared, self.selected = self.selected, set()
        for event_id in cleared:
            if event_id in self.rows_by_id:
                self.update_cell(str(event_id), "marks", self._marks(self.rows_by_id[event_id]))

    def move_to(self, event_id: int) -> bool:
        """Put the cursor on an event if it is loaded."""
        if event_id not in self.rows_by_id:
            return False
        self.move_cursor(row=self.order.index(event_id))
        return True

    @property
    def near_end(self) -> bool:
        """Whether the cursor is close enough to the last loaded row to fetch the next page."""
        return bool(self.order) and self.cursor_row >= len(self.order) - PREFETCH_MARGIN

    def watch_cursor_coordinate(self, old: object, new: object) -> None:
        super().watch_cursor_coordinate(old, new)  # type: ignore[arg-type]
        if self.near_end:
            self.post_message(self.NeedMore())

    def _month_of(self, event_id: int) -> str:
        return self.rows_by_id[event_id].date_start.isoformat()[:7]

    def _cells(self, row: EventRow, month: str) -> tuple[Text, ...]:
        date_cell = date_label(row) + (" ✎" if row.is_corrected else "") + (" ⚠" if row.date_conflict else "")
        return (
            self._marks(row),
            Text(month, style="bold"),
            Text(date_cell),
            Text(row.event_type),
            safe(row.summary),
            safe(", ".join(row.countries)),
            safe(row.location or ""),
            Text(str(row.sources)),
            *(
                (Text(row.first_reported.isoformat() if row.first_reported else ""),)
                if self.wide_layout
                else ()
            ),
        )

    def _marks(self, row: EventRow) -> Text:
        """Selection, status and star in three characters."""
        marks = Text()
        marks.append("●" if row.event_id in self.selected else " ", style="bold")
        marks.append(
            {"confirmed": "✔", "rejected": "✘"}.get(row.status, " "),
            style="green" if row.status == "confirmed" else "red",
        )
        marks.append("★" if row.starred else " ", style="bold yellow")
        return marks
