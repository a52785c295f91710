"""Consolidation: one happening reported by many articles is one event with many mentions."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from pathlib import Path

import pytest
from sqlmodel import Session, select

from timeline.config import data_dir
from timeline.consolidation import merge_events, split_mentions
from timeline.db import open_database
from timeline.ingest import ingest
from timeline.interchange import TIMELINEJS_COLUMNS
from timeline.models import Annotation, Article, Mention

from conftest import export_rows, run, write_article

CLUSTERS = data_dir() / "clusters"
GOLD = [
    json.loads(line) for line in (CLUSTERS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line
]


@pytest.fixture(scope="module")
def cluster_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The cluster corpus ingested in file-name order."""
    path = tmp_path_factory.mktemp("clusters") / "clusters.db"
    engine = open_database(f"sqlite:///{path}")
    ingest(engine, [str(CLUSTERS / "articles")])
    engine.dispose()  # the last connection closing folds the WAL in, so tests may copy the file
    return str(path)


def linked_pairs(db: str) -> set[frozenset[tuple[str, str]]]:
    """Pairs of gold mentions the database put in one event (a sentence holding two happenings
    belongs to two events, so sentences are linked when they share any event)."""
    wanted = {(m["file"], m["evidence"].strip()) for cluster in GOLD for m in cluster["mentions"]}
    events: dict[tuple[str, str], set[int]] = {}
    with Session(open_database(f"sqlite:///{db}")) as session:
        for mention, article in session.exec(select(Mention, Article).join(Article)).all():
            key = (Path(article.source).name, mention.evidence.strip())
            if key in wanted:
                events.setdefault(key, set()).add(mention.event_id)
    keys = sorted(events)
    return {frozenset((a, b)) for i, a in enumerate(keys) for b in keys[i + 1 :] if events[a] & events[b]}


def gold_pairs() -> set[frozenset[tuple[str, str]]]:
    pairs = set()
    for cluster in GOLD:
        keys = sorted((m["file"], m["evidence"].strip()) for m in cluster["mentions"])
        pairs |= {frozenset((a, b)) for i, a in enumerate(keys) for b in keys[i + 1 :]}
    return pairs


def test_cluster_corpus_is_consolidated_as_the_gold_says(cluster_db: str) -> None:
    """Every happening is one event; near misses (a week apart, same day elsewhere) stay apart."""
    assert linked_pairs(cluster_db) == gold_pairs()


@pytest.mark.parametrize("seed", [11, 23, 47])
def test_any_ingest_order_gives_the_same_clusters(tmp_path: Path, seed: int) -> None:
    """Shuffling the order of the articles does not change the events."""
    files = sorted(str(p) for p in (CLUSTERS / "articles").glob("*.txt"))
    random.Random(seed).shuffle(files)
    db = str(tmp_path / "shuffled.db")
    ingest(open_database(f"sqlite:///{db}"), files)
    assert linked_pairs(db) == gold_pairs()


def test_clusters_hold_when_memory_lets_months_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for only a few stored mentions in memory, months are let go and read again from
    the database (merges not yet stored included), and the events are the same."""
    monkeypatch.setattr("timeline.candidates.MOST_HELD", 3)
    files = sorted(str(p) for p in (CLUSTERS / "articles").glob("*.txt"))
    random.Random(5).shuffle(files)
    db = str(tmp_path / "tight.db")
    ingest(open_database(f"sqlite:///{db}"), files)
    assert linked_pairs(db) == gold_pairs()


def test_events_derived_from_what_the_writer_holds_equal_those_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ingest derives the events it keeps adding to from what it holds of them; in transactions
    of two articles, the events (values, actors, people, sources) are those derived from what
    is read back from the database when nothing is held."""
    monkeypatch.setattr("timeline.ingest.pipeline.CHUNK_SIZE", 2)
    files = sorted(str(p) for p in (CLUSTERS / "articles").glob("*.txt"))
    exports = []
    for most_held in (50_000, 0):
        monkeypatch.setattr("timeline.held_events.MOST_HELD", most_held)
        db = str(tmp_path / f"held-{most_held}.db")
        ingest(open_database(f"sqlite:///{db}"), files)
        exports.append(export_rows(db))
    assert exports[0] == exports[1]
    assert any(int(str(row["sources"])) > 1 for row in exports[0])  # events did gain reports


def test_eval_clusters_prints_pairwise_precision_and_recall() -> None:
    """`timeline eval --clusters` reports both at or above 0.95."""
    result = run("eval", "--clusters", str(CLUSTERS / "gold.jsonl"), str(CLUSTERS / "articles"))
    assert result.exit_code == 0, result.output
    precision, recall = map(float, re.findall(r"(?:precision|recall) ([\d.]+)", result.stdout))
    assert precision >= 0.95 and recall >= 0.95


def test_date_conflict_is_flagged_with_both_dates_and_sources(cluster_db: str) -> None:
    """3 June and 4 June for one call: flagged, the majority date kept, both dates exported."""
    (cluster,) = [c for c in GOLD if c.get("date_conflict")]
    rows = [r for r in export_rows(cluster_db) if set(cluster["countries"]) <= set(r["countries"])]
    event = next(r for r in rows if r["date"] == cluster["date"])
    with Session(open_database(f"sqlite:///{cluster_db}")) as session:
        dates = {
            m.date_start.isoformat()
            for m in session.exec(select(Mention).where(Mention.event_id == event["event_id"]))
        }
    assert {"2025-06-03", "2025-06-04"} <= dates
    result = run("export", "--db", cluster_db, "--format", "jsonl")
    record = next(
        json.loads(line) for line in result.stdout.splitlines() if json.loads(line)["id"] == event["event_id"]
    )
    assert record["date_conflict"] is True


def test_sources_count_outlets_and_a_republished_wire_once(cluster_db: str) -> None:
    """Four articles, two of them the same wire story in two papers: three sources."""
    files = {m["file"] for c in GOLD if c["date"] == "2025-05-12" for m in c["mentions"]}
    row = next(
        r
        for r in export_rows(cluster_db)
        if r["date"] == "2025-05-12" and len(r["source_urls"]) == len(files)
    )
    assert row["sources"] == len(files) - 1


def test_csv_appends_sources_and_mentions_export_rebuilds_events(cluster_db: str) -> None:
    """The event CSV ends with sources and source_urls; --mentions has one row per mention."""
    events = list(csv.DictReader(io.StringIO(run("export", "--db", cluster_db).stdout)))
    assert list(events[0])[-2:] == ["sources", "source_urls"]
    mentions = list(csv.DictReader(io.StringIO(run("export", "--db", cluster_db, "--mentions").stdout)))
    assert len(mentions) > len(events)
    assert {m["event_id"] for m in mentions} == {e["event_id"] for e in events}
    merged = [m for m in mentions if m["merge_reason"]]
    assert merged and all(json.loads(m["merge_reason"])["score"] >= 0.6 for m in merged)


def test_jsonl_uses_plover_fields(cluster_db: str) -> None:
    """JSON Lines export follows PLOVER field names."""
    record = json.loads(
        run("export", "--db", cluster_db, "--format", "jsonl", "--type", "call").stdout.splitlines()[0]
    )
    for field in (
        "id",
        "date",
        "enddate",
        "event",
        "mode",
        "actor",
        "recipient",
        "event_loc",
        "text",
        "text_info",
        "cite_info",
    ):
        assert field in record
    assert (record["event"], record["mode"]) == ("CONSULT", "phone")


def test_timelinejs_export_has_its_19_columns_and_display_dates(tmp_path: Path) -> None:
    """TimelineJS gets its own header; an approximate date goes to Display Date as written."""
    article = tmp_path / "a.txt"
    article.write_text(
        "Published: 2025-04-20\n\nLe Mali et le Niger ont tenu une réunion début avril 2025 à Niamey.",
        encoding="utf-8",
    )
    db = str(tmp_path / "t.db")
    run("ingest", "--db", db, str(article))
    rows = list(csv.reader(io.StringIO(run("export", "--db", db, "--format", "timelinejs").stdout)))
    assert tuple(rows[0]) == TIMELINEJS_COLUMNS
    values = dict(zip(rows[0], rows[1], strict=True))
    assert (values["Year"], values["Month"], values["Display Date"]) == ("2025", "4", "début avril 2025")


def test_annotations_survive_merges_and_splits(cluster_db: str, tmp_path: Path) -> None:
    """Merging combines annotations; splitting leaves the annotation on the original event."""
    import shutil

    db = str(tmp_path / "copy.db")
    shutil.copy(cluster_db, db)
    first, second = (r["event_id"] for r in export_rows(db)[:2])
    run("annotate", "--db", db, str(first), "--star", "--tag", "a")
    run("annotate", "--db", db, str(second), "--status", "confirmed", "--tag", "b", "--note", "kept")
    with Session(open_database(f"sqlite:///{db}")) as session:
        merge_events(session, first, second)
        session.commit()
        (annotation,) = session.exec(select(Annotation).where(Annotation.event_id == first)).all()
        assert (annotation.starred, annotation.status, annotation.note) == (True, "confirmed", "kept")
        moved = session.exec(select(Mention.id).where(Mention.event_id == first)).all()
        new_event = split_mentions(session, [moved[-1]])
        session.commit()
        assert session.exec(select(Annotation).where(Annotation.event_id == first)).first() is not None
        assert session.exec(select(Annotation).where(Annotation.event_id == new_event)).first() is None
    row = next(r for r in export_rows(db) if r["event_id"] == first)
    assert row["tags"] == ["a", "b"]


@pytest.mark.parametrize(
    ("parties", "events"),
    [
        (["Mali and France", "France and Senegal", "Senegal and Niger"], 3),
        (["Mali and France", "Mali, France and Senegal", "Senegal and Niger"], 2),
        (["Mali and France", "Mali", "Mali and Senegal"], 2),
    ],
)
def test_a_shared_party_alone_does_not_chain_happenings(
    tmp_path: Path, db: str, parties: list[str], events: int
) -> None:
    """Statements of the same day about Mali and France, then France and Senegal, then Senegal
    and Niger are three happenings, though each pair shares a country with the next and the
    wording is alike; a report naming Mali, France and Senegal can be the first one's; a report
    naming Mali alone joins one happening of Mali's but does not bridge two."""
    reports = [f"On 12 May 2025, {named} issued a joint statement on regional security." for named in parties]
    assert events_reported(tmp_path, db, reports) == events


@pytest.mark.parametrize(
    ("years", "events"),
    [(["2023", "2023"], 1), (["2023", "2024"], 2), (["2023", "between January and December 2023"], 1)],
)
def test_year_dated_reports_join_only_their_very_year(
    tmp_path: Path, db: str, years: list[str], events: int
) -> None:
    """Two reports of a happening dated only by its year are one event; another year is another
    happening, and a range spanning exactly that year is the same one."""
    reports = [
        f"In {when}, Mali and Niger signed a defence cooperation agreement in Niamey." for when in years
    ]
    assert events_reported(tmp_path, db, reports) == events


def events_reported(tmp_path: Path, db: str, reports: list[str]) -> int:
    """Ingest each report as an English article of its own outlet, published 13 May 2025; the
    number of events stored."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for number, body in enumerate(reports):
        write_article(
            folder, f"{number}.txt", body, published="2025-05-13", language="en", source=f"Outlet {number}"
        )
    assert run("ingest", "--quiet", "--db", db, str(folder)).exit_code == 0
    return len(export_rows(db))
