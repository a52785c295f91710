"""Opening databases: schema version checks, SQLite settings, detached annotations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from timeline import store
from timeline.annotations import annotate, detached_annotations
from timeline.db import open_database
from timeline.extraction import Extraction, extract
from timeline.models import Article, Meta

from conftest import SEED, export_rows, run


def test_database_from_a_newer_version_is_refused_clearly(db: str) -> None:
    """A schema version above ours gives a one-line error, not a crash."""
    engine = open_database(f"sqlite:///{db}")
    with Session(engine) as session:
        meta = session.get(Meta, "schema_version")
        assert meta is not None
        meta.value = "999"
        session.add(meta)
        session.commit()
    engine.dispose()
    result = run("list", "--db", db)
    assert result.exit_code == 1
    assert "schema version 999 is newer than this tool supports" in result.stderr


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    """Pointing --db at a text file reports the problem in one line."""
    bogus = tmp_path / "notes.db"
    bogus.write_text("not sqlite at all " * 100)
    result = run("list", "--db", str(bogus))
    assert result.exit_code == 1
    assert "Error:" in result.stderr and "Traceback" not in result.output


def test_a_damaged_schema_gives_one_line_not_a_traceback(db: str) -> None:
    """A table missing a column (a hand-edited or half-copied database) is reported in one line."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    engine = open_database(f"sqlite:///{db}")
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE event DROP COLUMN date_conflict"))
    engine.dispose()
    result = run("export", "--db", db)
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: database error: no such column: event.date_conflict"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(db: str) -> None:
    """Readers never block the writer, and a busy database waits rather than failing."""
    engine = open_database(f"sqlite:///{db}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_annotation_of_a_vanished_event_is_kept_and_reattached(db: str) -> None:
    """If re-extraction loses an event, its annotation is detached (never deleted) and comes back
    when a later extraction finds the same dates and evidence."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    (row,) = export_rows(db)
    engine = open_database(f"sqlite:///{db}")
    with Session(engine) as session:
        annotate(session, int(row["event_id"]), starred=True, note="keep me")
        session.commit()
        article = session.get(Article, 1)
        assert article is not None
        report = store.reextract_article(session, article, Extraction("fr", ()))
        session.commit()
        assert report.removed == 1 and len(report.orphaned_annotations) == 1
        assert [a.note for a in detached_annotations(session)] == ["keep me"]
        listed = run("annotations", "detached", "--db", db)
        assert "note 'keep me'" in listed.stdout and "1 detached annotation(s)" in listed.stderr
        store.reextract_article(
            session, article, extract(article.text, published=date(2025, 4, 5), language="fr")
        )
        session.commit()
        assert detached_annotations(session) == []
    (after,) = export_rows(db)
    assert (after["starred"], after["note"]) == (True, "keep me")
