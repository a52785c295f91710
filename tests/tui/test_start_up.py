"""Opening a database for the TUI: warming the first page's statements changes no answer."""

from __future__ import annotations

from pathlib import Path

from timeline.queries import EventFilters
from timeline.service import TimelineService


def test_warming_up_leaves_the_first_page_as_it_was(demo_db: str) -> None:
    """A warmed service answers the first page exactly as a cold one does."""
    cold = TimelineService.open(f"sqlite:///{demo_db}").page(EventFilters(), limit=50)
    warmed = TimelineService.open(f"sqlite:///{demo_db}")
    warmed.warm_up()
    assert warmed.page(EventFilters(), limit=50) == cold
    assert cold


def test_warming_up_an_empty_database_works(tmp_path: Path) -> None:
    """A new, empty database warms up and still has no events."""
    service = TimelineService.open(f"sqlite:///{tmp_path / 'new.db'}")
    service.warm_up()
    assert service.page(EventFilters()) == []
