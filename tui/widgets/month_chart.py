"""Events per month for the current filters, as a sparkline with its range and peak."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Sparkline, Static

from timeline.queries import FacetCount


def fill_months(counts: list[FacetCount]) -> list[tuple[str, int]]:
    """Every month from the first to the last, with zero where nothing happened."""
    known = {facet.value: facet.count for facet in counts if len(facet.value) == 7}
    if not known:
        return []
    first, last = min(known), max(known)
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last and len(months) < 1200:
        key = f"{year:04d}-{month:02d}"
        months.append((key, known.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class MonthChart(Horizontal):
    """A one-line histogram of events per month."""

    def compose(self) -> ComposeResult:
        yield Sparkline([], id="month-sparkline")
        yield Static("", id="month-label")

    def show(self, counts: list[FacetCount]) -> None:
        """Draw the months of the current filter."""
        months = fill_months(counts)
        self.query_one(Sparkline).data = [float(count) for _, count in months] or [0.0]
        if not months:
            self.query_one("#month-label", Static).update("no events")
            return
        peak = max(months, key=lambda item: item[1])
        label = f"{months[0][0]} → {months[-1][0]} · peak {peak[0]} ({peak[1]})"
        self.query_one("#month-label", Static).update(label)
