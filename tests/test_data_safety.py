"""Nothing lost: backups, integrity checks, moving annotations, kill -9, two writers at once."""

from __future__ import annotations

import json
import random
import re
import signal
import sqlite3
import time
from pathlib import Path

from background import ingest_in_background
from conftest import SEED, export_rows, run, write_article

ARTICLE = (
    "Title: Article {n}\nPublished: 2025-04-05\n\n"
    "Le {day} mars 2025, les ministres du Mali et du Niger se sont réunis à Niamey pour la session {n}.\n\n"
    "Le {day} février 2025, le Burkina Faso et le Ghana avaient signé un accord commercial numéro {n}.\n"
)


def write_corpus(folder: Path, count: int) -> Path:
    """Many small distinct articles."""
    folder.mkdir(exist_ok=True)
    for n in range(count):
        (folder / f"a{n:04d}.txt").write_text(ARTICLE.format(n=n, day=1 + n % 27), encoding="utf-8")
    return folder


def test_backup_copies_a_database_in_use(db: str, tmp_path: Path) -> None:
    """`timeline backup` makes a complete, valid copy."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    target = tmp_path / "copy.db"
    assert run("backup", "--db", db, str(target)).exit_code == 0
    assert [r["event_id"] for r in export_rows(str(target))] == [r["event_id"] for r in export_rows(db)]
    assert run("backup", "--db", db, str(target)).exit_code == 1


def test_db_check_reports_ok_and_corruption(db: str, tmp_path: Path) -> None:
    """`timeline db check` says ok on a sound database and fails on a broken foreign key."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    assert run("db", "check", "--db", db).exit_code == 0
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("UPDATE mention SET article_id = 999")
    connection.commit()
    connection.close()
    result = run("db", "check", "--db", db)
    assert result.exit_code == 1 and "mention row" in result.stdout


def test_annotations_move_between_databases(db: str, tmp_path: Path) -> None:
    """Export annotations, ingest the same article elsewhere, import: the work is there."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    (row,) = export_rows(db)
    run(
        "annotate",
        "--db",
        db,
        str(row["event_id"]),
        "--status",
        "confirmed",
        "--star",
        "--tag",
        "aes",
        "--note",
        "vu",
    )
    dump = tmp_path / "annotations.jsonl"
    assert run("annotations", "export", "--db", db, "-o", str(dump)).exit_code == 0
    assert json.loads(dump.read_text().splitlines()[0])["tags"] == ["aes"]
    other = str(tmp_path / "other.db")
    run("ingest", "--db", other, "--published", "2025-04-05", str(SEED))
    result = run("annotations", "import", "--db", other, str(dump))
    assert "1 annotation(s) applied, 0 unmatched" in result.stderr
    (moved,) = export_rows(other)
    assert (moved["status"], moved["starred"], moved["tags"], moved["note"]) == (
        "confirmed",
        True,
        ["aes"],
        "vu",
    )


def test_kill_9_during_ingest_loses_nothing_and_duplicates_nothing(tmp_path: Path) -> None:
    """Kill the ingest at random moments, run it again: integrity holds, every article is whole
    and stored once, and annotations made in between are intact."""
    corpus = write_corpus(tmp_path / "corpus", 150)
    db = str(tmp_path / "crash.db")
    run("ingest", "--db", db, str(corpus / "a0000.txt"))
    (first,) = [r for r in export_rows(db) if r["article_title"] == "Article 0" and r["date"] == "2025-03-01"]
    run("annotate", "--db", db, str(first["event_id"]), "--star", "--note", "before the crash")
    rng = random.Random(5)
    for _ in range(3):
        process = ingest_in_background(db, corpus)
        time.sleep(rng.uniform(1.0, 3.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert run("ingest", "--quiet", "--db", db, str(corpus)).exit_code == 0
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM article").fetchone() == (
        150,
        150,
    )
    per_article = connection.execute(
        "SELECT article.id, COUNT(mention.id) FROM article LEFT JOIN mention ON mention.article_id = article.id "
        "GROUP BY article.id"
    ).fetchall()
    assert {count for _, count in per_article} == {2}
    connection.close()
    row = next(r for r in export_rows(db) if r["event_id"] == first["event_id"])
    assert (row["starred"], row["note"]) == (True, "before the crash")


def test_annotating_while_an_ingest_runs(tmp_path: Path) -> None:
    """A researcher annotating during an ingest sees no lock error and loses nothing."""
    corpus = write_corpus(tmp_path / "corpus", 120)
    db = str(tmp_path / "busy.db")
    run("ingest", "--db", db, str(corpus / "a0000.txt"))
    event_ids = [r["event_id"] for r in export_rows(db)]
    process = ingest_in_background(db, corpus)
    notes = []
    while process.poll() is None and len(notes) < 40:
        note = f"note {len(notes)}"
        result = run("annotate", "--db", db, str(event_ids[len(notes) % len(event_ids)]), "--note", note)
        assert result.exit_code == 0, result.output
        notes.append(note)
    _, stderr = process.communicate(timeout=300)
    assert "locked" not in stderr
    assert process.returncode == 0
    assert notes, "the ingest finished before any annotation"
    by_id = {r["event_id"]: r["note"] for r in export_rows(db)}
    assert by_id[event_ids[(len(notes) - 1) % len(event_ids)]] == notes[-1]


def test_an_article_the_database_refuses_is_skipped_and_the_rest_stored(db: str, tmp_path: Path) -> None:
    """A write failure on one article (here a trigger refusing it) is one line naming its file;
    the other articles of its chunk are stored with their events."""
    assert run("db", "check", "--db", db).exit_code == 0  # creates the schema
    with sqlite3.connect(db) as connection:
        connection.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON article WHEN NEW.title = 'Refused' "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, title, day in [("a.txt", "Kept one", 3), ("b.txt", "Refused", 4), ("c.txt", "Kept two", 5)]:
        body = f"The foreign ministers of Mali and Niger met in Bamako on {day} March 2025."
        write_article(folder, name, body, title=title, published="2025-03-10", language="en")
    result = run("ingest", "--db", db, str(folder))
    assert result.exit_code == 1
    assert re.search(r"b\.txt: could not store: .*refused by the test", result.stderr)
    assert sorted(row["date"] for row in export_rows(db)) == ["2025-03-03", "2025-03-05"]
    assert {row["article_title"] for row in export_rows(db)} == {"Kept one", "Kept two"}
