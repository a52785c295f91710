"""Schema upgrades: each release that changes the tables adds one step here, and opening an
older database applies the missing steps in order, inside one transaction."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from timeline import sqlite_features
from timeline.models import MENTION_DATES_COLUMNS, MENTION_DATES_INDEX

Migration = Callable[[Connection], None]


def _version_2(connection: Connection) -> None:
    """Version 2: mentions are indexed by start and end date together (clustering reads the
    mentions overlapping a month from it alone), and the search index holds actors' names."""
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_mention_dates ON mention (date_start, date_end)"))
    connection.execute(text("DROP INDEX IF EXISTS ix_mention_date_start"))
    sqlite_features.rebuild_search_index(connection)


def _version_3(connection: Connection) -> None:
    """Version 3: the dates index also holds precision and type, so clustering reads one day's
    mentions, or the longer ones of one precision (and type), without visiting the others."""
    columns = ", ".join(MENTION_DATES_COLUMNS)
    connection.execute(text(f"CREATE INDEX IF NOT EXISTS {MENTION_DATES_INDEX} ON mention ({columns})"))
    connection.execute(text("DROP INDEX IF EXISTS ix_mention_dates"))


MIGRATIONS: dict[int, Migration] = {2: _version_2, 3: _version_3}
"""The step that brings a database to each version, keyed by that version (1 is the first
release, which needs none)."""


def upgrade(engine: Engine, found: int, target: int) -> list[int]:
    """Apply the steps from `found` to `target`; return the versions applied."""
    applied = []
    with engine.begin() as connection:
        for version in range(found + 1, target + 1):
            step = MIGRATIONS.get(version)
            if step is not None:
                step(connection)
            applied.append(version)
        if applied:
            connection.execute(
                text("UPDATE meta SET value = :version WHERE key = 'schema_version'"),
                {"version": str(target)},
            )
    return applied
