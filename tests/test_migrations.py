"""Opening databases made by earlier versions: upgraded in place, nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from timeline import migrations, models
from timeline.db import open_database

from conftest import export_rows

V1 = Path(__file__).parent / "fixtures" / "schema-v1.db"


def test_a_version_1_database_opens_with_its_annotations(tmp_path: Path) -> None:
    """The database of the first release (kept as a fixture) opens and keeps its work."""
    db = tmp_path / "v1.db"
    shutil.copy(V1, db)
    (row,) = export_rows(str(db))
    assert (row["date"], row["starred"], row["tags"], row["note"]) == (
        "2025-04-03",
        True,
        ["v1"],
        "made by schema version 1",
    )


def test_an_older_database_is_upgraded_step_by_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A future version with one more step: opening the version 1 database applies every step
    once and records the new version; the data is intact."""
    db = tmp_path / "v1.db"
    shutil.copy(V1, db)
    future = models.SCHEMA_VERSION + 1
    calls = []

    def add_reviewer(connection) -> None:
        calls.append(future)
        connection.execute(text("ALTER TABLE annotation ADD COLUMN reviewer VARCHAR DEFAULT ''"))

    monkeypatch.setattr(models, "SCHEMA_VERSION", future)
    monkeypatch.setitem(migrations.MIGRATIONS, future, add_reviewer)
    engine = open_database(f"sqlite:///{db}")
    with engine.connect() as connection:
        version = connection.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar()
        assert version == str(future)
        assert connection.execute(text("SELECT reviewer FROM annotation")).scalar() == ""
    engine.dispose()
    open_database(f"sqlite:///{db}").dispose()
    assert calls == [future]
    (row,) = export_rows(str(db))
    assert row["note"] == "made by schema version 1"


def test_mentions_are_indexed_by_dates_precision_and_type(tmp_path: Path) -> None:
    """Clustering reads mentions by dates, precision and type: the upgraded database has the
    index a new one has, and no longer the indexes it replaces (versions 2 and 3)."""
    db = tmp_path / "v1.db"
    shutil.copy(V1, db)
    upgraded, fresh = open_database(f"sqlite:///{db}"), open_database(f"sqlite:///{tmp_path / 'new.db'}")
    for engine in (upgraded, fresh):
        with engine.connect() as connection:
            listed = text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mention'")
            indexes = dict(connection.execute(listed).all())
        wanted = indexes.get("ix_mention_dates_types", "")
        assert "(date_start, date_end, precision, event_type)" in wanted.replace('"', "")
        assert "ix_mention_date_start" not in indexes and "ix_mention_dates" not in indexes
        engine.dispose()


def test_version_2_searches_actors_names(tmp_path: Path) -> None:
    """The upgraded search index holds each event's actors: a name found only among them (not in
    the title, summary or evidence) finds the event."""
    db = tmp_path / "v1.db"
    shutil.copy(V1, db)
    assert [row["date"] for row in export_rows(str(db), "--query", "Lavrov")] == ["2025-04-03"]
