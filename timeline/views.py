"""Saved views: a named filter set, stored in the database so every client can recall it."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import date

from sqlmodel import Session, col, select

from timeline.errors import TimelineError
from timeline.models import SavedView
from timeline.queries import EventFilters


def filters_to_json(filters: EventFilters) -> str:
    """Serialise filters (dates as ISO strings, tuples as lists)."""
    values = asdict(filters)
    for name in ("date_from", "date_to"):
        if values[name] is not None:
            values[name] = values[name].isoformat()
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def filters_from_json(text: str) -> EventFilters:
    """Read filters written by `filters_to_json`; unknown keys are ignored."""
    raw = json.loads(text)
    known = {field.name for field in fields(EventFilters)}
    values = {key: value for key, value in raw.items() if key in known}
    for name in ("date_from", "date_to"):
        if values.get(name):
            values[name] = date.fromisoformat(values[name])
    for key, value in values.items():
        if isinstance(value, list):
            values[key] = tuple(value)
    return EventFilters(**values)


def save_view(session: Session, name: str, filters: EventFilters) -> None:
    """Save (or replace) a view under a name."""
    name = name.strip()
    if not name:
        raise TimelineError("a saved view needs a name")
    view = session.get(SavedView, name) or SavedView(name=name, filters="")
    view.filters = filters_to_json(filters)
    session.add(view)
    session.flush()


def list_views(session: Session) -> list[str]:
    """Names of the saved views, sorted."""
    return list(session.exec(select(SavedView.name).order_by(col(SavedView.name))).all())


def load_view(session: Session, name: str) -> EventFilters:
    """The filters of a saved view."""
    view = session.get(SavedView, name)
    if view is None:
        raise TimelineError(f"no saved view named {name!r}")
    return filters_from_json(view.filters)
