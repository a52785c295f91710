"""Every filter of `list`/`export`, through the CLI, on a small corpus with known answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline import sqlite_features
from timeline.config import data_dir
from timeline.errors import QueryAbandoned
from timeline.queries import EventFilters
from timeline.service import TimelineService

from conftest import export_rows, run, write_article

ARTICLES = [
    (
        "visit.txt",
        "fr",
        "2025-04-05",
        "Sahel Dépêche",
        "Le Premier ministre du Niger a effectué une visite officielle à Ankara le 3 avril 2025.",
    ),
    (
        "sanction.txt",
        "en",
        "2025-02-25",
        "Eurasia Desk",
        "The European Union adopted new sanctions against Russia in Brussels on 24 February 2025.",
    ),
    (
        "call.txt",
        "en",
        "2025-02-12",
        "West Africa Ledger",
        "Vladimir Putin and Ibrahim Traoré held a phone call on 11 February 2025 about grain deliveries to Burkina Faso.",
    ),
    (
        "summit.txt",
        "en",
        "2024-12-16",
        "West Africa Ledger",
        "ECOWAS leaders held a summit in Abuja on 15 December 2024 with Nigeria as host; 100% of members attended.",
    ),
]


@pytest.fixture
def corpus_db(db: str, tmp_path: Path) -> str:
    """A database with four events of known date, type, actors, language and source."""
    for name, language, published, source, body in ARTICLES:
        write_article(tmp_path, name, body, title=name, published=published, language=language, source=source)
    result = run("ingest", "--db", db, str(tmp_path))
    assert result.exit_code == 0, result.output
    return db


def titles(db: str, *args: str) -> list[str]:
    """The article titles of the exported events, in export order."""
    return [str(row["article_title"]) for row in export_rows(db, *args)]


def test_no_filter_lists_everything_in_date_order(corpus_db: str) -> None:
    """Without filters every event is exported, oldest first."""
    assert titles(corpus_db) == ["summit.txt", "call.txt", "sanction.txt", "visit.txt"]


def test_sort_descending(corpus_db: str) -> None:
    """--sort -date puts the newest first."""
    assert titles(corpus_db, "--sort", "-date") == ["visit.txt", "sanction.txt", "call.txt", "summit.txt"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--from", "2025-02"), ["call.txt", "sanction.txt", "visit.txt"]),
        (("--to", "2025-02-11"), ["summit.txt", "call.txt"]),
        (("--from", "2025", "--to", "2025-03"), ["call.txt", "sanction.txt"]),
        (("--actor", "Russie"), ["call.txt", "sanction.txt"]),
        (("--actor", "Sergueï Poutine"), []),
        (("--actor", "Poutine"), ["call.txt"]),
        (("--actor", "BFA", "--actor", "Russia"), ["call.txt"]),
        (("--actor", "CEDEAO"), ["summit.txt"]),
        (("--type", "visit"), ["visit.txt"]),
        (("--type", "sanction", "--type", "summit"), ["summit.txt", "sanction.txt"]),
        (("--lang", "fr"), ["visit.txt"]),
        (("--source", "ledger"), ["summit.txt", "call.txt"]),
        (("--query", "Ankara"), ["visit.txt"]),
        (("--query", "grain deliv"), ["call.txt"]),
        (("--limit", "2"), ["summit.txt", "call.txt"]),
    ],
)
def test_each_filter_selects_the_expected_events(
    corpus_db: str, args: tuple[str, ...], expected: list[str]
) -> None:
    """Each filter, alone or combined, keeps exactly the matching events."""
    assert titles(corpus_db, *args) == expected


def test_relative_date_phrase_is_accepted(corpus_db: str) -> None:
    """--from accepts phrases such as "last year" (resolved against today)."""
    result = run("export", "--db", corpus_db, "--from", "last year", "--format", "jsonl")
    assert result.exit_code == 0


def test_unreadable_date_is_a_one_line_error(corpus_db: str) -> None:
    """A --from value that names no date is refused with a clear message."""
    result = CliResult = run("export", "--db", corpus_db, "--from", "someday")
    assert CliResult.exit_code == 1
    assert "cannot read 'someday' as a date" in result.stderr


def test_annotation_filters(corpus_db: str) -> None:
    """--status, --tag and --starred follow the researcher's annotations."""
    first, second, *_ = export_rows(corpus_db)
    run("annotate", "--db", corpus_db, str(first["event_id"]), "--status", "confirmed", "--star")
    run("annotate", "--db", corpus_db, str(second["event_id"]), "--status", "rejected", "--tag", "check")
    assert titles(corpus_db, "--starred") == ["summit.txt"]
    assert titles(corpus_db, "--status", "confirmed") == ["summit.txt"]
    assert titles(corpus_db, "--status", "rejected") == ["call.txt"]
    assert titles(corpus_db, "--status", "unreviewed") == ["sanction.txt", "visit.txt"]
    assert titles(corpus_db, "--tag", "check") == ["call.txt"]


@pytest.mark.parametrize("hostile", ["O'Brien", "100%", "_", ";--", '"', "a' OR '1'='1", "NEAR(", "*"])
def test_filter_values_are_data_not_sql(corpus_db: str, hostile: str) -> None:
    """Quotes, LIKE wildcards, comment markers and FTS syntax in filters match literally."""
    for option in ("--source", "--query", "--actor", "--tag"):
        result = run("export", "--db", corpus_db, option, hostile, "--format", "jsonl")
        assert result.exit_code == 0, (option, hostile, result.output)
    assert titles(corpus_db, "--source", "%") == []
    assert titles(corpus_db, "--query", "100%") == ["summit.txt"]


def test_list_shows_a_table_with_counts(corpus_db: str) -> None:
    """`timeline list` prints the events and "N of M events"."""
    result = run("list", "--db", corpus_db, "--limit", "1")
    assert result.exit_code == 0
    assert "1 of 4 events" in result.stdout
    assert "Abuja" in result.stdout


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo corpus ingested once for this module."""
    target = str(tmp_path_factory.mktemp("demo") / "demo.db")
    assert run("ingest", "--quiet", "--db", target, str(data_dir() / "demo")).exit_code == 0
    return target


@pytest.mark.parametrize("words", ["les", "l", "accord", "le Mali", "Sénégal", "senegal"])
def test_every_search_plan_finds_the_same_events(demo_db: str, words: str) -> None:
    """A common word is answered by walking events in date order and probing the index, a rare
    one by collecting matches; paging the export (probing) and counting (collecting) agree, and
    the pages come in date order."""
    header = run("list", "--db", demo_db, "-q", words, "--limit", "1").stdout
    total = int(re.match(r"\d+ of (\d+) events", header).group(1))
    rows = export_rows(demo_db, "-q", words)
    assert len(rows) == total > 0
    starts = [str(r["date"]) + "-01-01"[len(str(r["date"])) - 4 :] for r in rows]
    assert starts == sorted(starts)


@pytest.mark.parametrize("asking", ["page", "count", "months"])
def test_a_query_no_longer_wanted_stops(demo_db: str, asking: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The TUI abandons the queries of filters a researcher already replaced: they stop with
    QueryAbandoned instead of running on, while a wanted query answers in full. (The demo's
    queries are short: they are checked for being wanted every 100 steps here.)"""
    monkeypatch.setattr(sqlite_features, "STEPS_BETWEEN_CHECKS", 100)
    service = TimelineService.open(f"sqlite:///{demo_db}")
    ask = getattr(service, asking)
    with pytest.raises(QueryAbandoned):
        ask(EventFilters(), unwanted=lambda: True)
    answer = ask(EventFilters(), unwanted=lambda: False)
    assert answer == ask(EventFilters())
    assert answer
