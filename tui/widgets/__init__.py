"""Widgets of the timeline screen."""

from tui.widgets.event_table import EventTable
from tui.widgets.filter_panel import FilterPanel
from tui.widgets.keys_footer import KeysFooter
from tui.widgets.month_chart import MonthChart

__all__ = ["EventTable", "FilterPanel", "KeysFooter", "MonthChart"]
