"""The user's seed article: the first bar the extractor must clear."""

from __future__ import annotations

from conftest import SEED, export_rows, run


def test_seed_article_gives_the_moscow_meeting_and_nothing_else(db: str) -> None:
    """Ingested with its publication date, the seed yields exactly the 3 April 2025 meeting."""
    result = run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    assert result.exit_code == 0, result.output
    rows = export_rows(db)
    assert len(rows) == 1
    (event,) = rows
    assert event["date"] == "2025-04-03"
    assert event["precision"] == "day"
    assert event["event_type"] in {"meeting", "consultation"}
    assert event["location"] == "Moscow"
    assert "Russia" in event["actors"]
    assert "Alliance of Sahel States" in event["actors"]
    assert "RUS" in event["countries"]
    assert str(event["evidence"]).startswith("Le 03 avril 2025, les ministres")


def test_seed_article_has_no_event_from_ordinary_words(db: str) -> None:
    """Words such as "sa" and "des" never become dates, whatever the language setting."""
    run("ingest", "--db", db, "--published", "2025-04-05", "--lang", "fr", str(SEED))
    rows = export_rows(db)
    assert [row["date"] for row in rows] == ["2025-04-03"]


def test_people_named_outside_the_dated_sentence_are_found_by_text_search(db: str) -> None:
    """Lavrov and Diop are named in later sentences, not in the dated one: the text search still
    finds the meeting by their names, as the person filter does."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    for name in ("Lavrov", "Abdoulaye Diop"):
        assert [row["date"] for row in export_rows(db, "--query", name)] == ["2025-04-03"]
