"""Export straight from a database: the exact CSV of events with actors, people, tags, notes,
several sources, multi-value and formula-like cells, through the CLI and the query API."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import Session

from timeline import queries
from timeline.db import open_database
from timeline.export import write_csv
from timeline.models import Actor, Annotation, AnnotationTag, Article, Event, EventActor, Mention
from timeline.queries import EventFilters, EventRow

from conftest import run

HEADER = (
    "event_id,date,date_end,precision,event_type,summary,actors,countries,people,location,evidence,"
    "article_title,article_url,article_published,language,confidence,status,starred,tags,note,"
    "sources,source_urls\r\n"
)
YEAR_ROW = "3,2024,,year,statement,'\tTabbed,,,,,,Une alliance,https://example.org/a,2025-04-05,fr,'-0.25,unreviewed,false,,,0,\r\n"
DAY_ROW = (
    '1,2025-04-03,,day,meeting,"Talks in Moscow, then a dinner",Niger; Russia,NER; RUS,Sergei Lavrov,'
    "Moscow,Le 3 avril les ministres,Une alliance,https://example.org/a,2025-04-05,fr,0.9,confirmed,"
    'true,\'+tag; sahel,"\'-1 said ""yes"",\nthen left",2,https://example.org/a; b.txt\r\n'
)
MONTH_ROW = (
    "2,2025-05,2025-07,month,agreement,'@SUM(A1),'=Evil Org,,,,'=cmd,b,,,en,0.5,unreviewed,false,,,1,"
    "b.txt\r\n"
)


def _mention(mention_id: int, event_id: int, article_id: int, evidence: str, day: date) -> Mention:
    return Mention(
        id=mention_id,
        event_id=event_id,
        article_id=article_id,
        date_start=day,
        date_end=day,
        precision="day",
        date_text="le 3 avril",
        date_char_start=0,
        date_char_end=10,
        date_derivation="explicit",
        sentence_char_start=0,
        sentence_char_end=len(evidence),
        evidence=evidence,
        summary="s",
        event_type="meeting",
        modality="occurred",
        confidence=0.9,
        extractor_version="test",
    )


@pytest.fixture
def seeded_db(tmp_path: Path) -> str:
    """Three events of every precision: one with actors, people, tags, a note and three mentions
    in two articles, one whose cells look like formulas, one with no mention at all."""
    path = tmp_path / "seeded.db"
    engine = open_database(f"sqlite:///{path}")
    now = datetime(2025, 4, 5, 12, 0, tzinfo=UTC)
    day = date(2025, 4, 3)
    with Session(engine) as session:
        session.add(
            Article(
                id=1,
                source="a.txt",
                url="https://example.org/a",
                title="Une alliance",
                published=date(2025, 4, 5),
                language="fr",
                content_hash="a",
                text="A",
                ingested_at=now,
            )
        )
        session.add(
            Article(
                id=2, source="b.txt", title="b", language="en", content_hash="b", text="B", ingested_at=now
            )
        )
        session.add_all(
            [
                Actor(id=1, name="Russia", kind="country", code="RUS"),
                Actor(id=2, name="Niger", kind="country", code="NER"),
                Actor(id=3, name="Sergei Lavrov", kind="person"),
                Actor(id=4, name="=Evil Org", kind="organization"),
            ]
        )
        session.add_all(
            [
                Event(
                    id=1,
                    article_id=1,
                    date_start=day,
                    date_end=day,
                    event_type="meeting",
                    summary="Talks in Moscow, then a dinner",
                    location="Moscow",
                    confidence=0.9,
                    sources=2,
                ),
                Event(
                    id=2,
                    article_id=2,
                    date_start=date(2025, 5, 1),
                    date_end=date(2025, 7, 31),
                    precision="month",
                    event_type="agreement",
                    summary="@SUM(A1)",
                    confidence=0.5,
                ),
                Event(
                    id=3,
                    article_id=1,
                    date_start=date(2024, 1, 1),
                    date_end=date(2024, 12, 31),
                    precision="year",
                    event_type="statement",
                    summary="\tTabbed",
                    confidence=-0.25,
                    sources=0,
                ),
            ]
        )
        session.flush()
        session.add_all(
            [
                _mention(1, 1, 1, "Le 3 avril les ministres", day),
                _mention(2, 1, 2, "Second report", day),
                _mention(3, 1, 1, "Third report", day),
                _mention(4, 2, 2, "=cmd", date(2025, 5, 1)),
            ]
        )
        session.add_all(
            [EventActor(event_id=1, actor_id=a) for a in (1, 2, 3)] + [EventActor(event_id=2, actor_id=4)]
        )
        session.add(
            Annotation(
                id=1,
                event_id=1,
                anchor_article_id=1,
                anchor_date_start=day,
                anchor_date_end=day,
                anchor_evidence="Le 3 avril les ministres",
                status="confirmed",
                starred=True,
                note='-1 said "yes",\nthen left',
                updated_at=now,
                revision=3,
            )
        )
        session.flush()
        session.add_all(
            [AnnotationTag(annotation_id=1, tag="sahel"), AnnotationTag(annotation_id=1, tag="+tag")]
        )
        session.commit()
    engine.dispose()
    return str(path)


def export_csv(db: str, *args: str) -> str:
    """The CSV the CLI writes to a file with extra arguments, decoded without translating
    line ends."""
    target = Path(db).with_suffix(".csv")
    result = run("export", "--db", db, "-o", str(target), *args)
    assert result.exit_code == 0, result.output
    return target.read_bytes().decode("utf-8")


def test_csv_export_of_a_database_is_pinned_byte_for_byte(seeded_db: str) -> None:
    """Rows in date order; lists joined in actor-kind and name order; distinct source URLs in
    mention order; quotes, commas and newlines escaped; formula-like cells (text, joined lists,
    negative numbers) prefixed with a quote."""
    assert export_csv(seeded_db) == HEADER + YEAR_ROW + DAY_ROW + MONTH_ROW


@pytest.mark.parametrize(
    ("args", "rows"),
    [
        (("--sort", "-date"), MONTH_ROW + DAY_ROW + YEAR_ROW),
        (("--tag", "sahel"), DAY_ROW),
        (("--starred",), DAY_ROW),
        (("--status", "unreviewed", "--limit", "1"), YEAR_ROW),
        (("--actor", "NER"), DAY_ROW),
        (("--from", "2025-04", "--type", "agreement"), MONTH_ROW),
    ],
    ids=["reverse", "tag", "starred", "status-limit", "actor", "period-type"],
)
def test_filtered_csv_exports_keep_the_same_row_bytes(
    seeded_db: str, args: tuple[str, ...], rows: str
) -> None:
    """Filters, limits and the reverse sort select whole rows without changing their bytes."""
    assert export_csv(seeded_db, *args) == HEADER + rows


def test_json_export_of_a_database_keeps_lists_and_types(seeded_db: str) -> None:
    """The JSON export reads the same values as the CSV, with arrays, booleans and numbers."""
    result = run("export", "--db", seeded_db, "--format", "json", "--tag", "sahel")
    record = json.loads(result.stdout)[0]
    assert record["actors"] == ["Niger", "Russia"] and record["people"] == ["Sergei Lavrov"]
    assert record["tags"] == ["+tag", "sahel"] and record["starred"] is True
    assert record["source_urls"] == ["https://example.org/a", "b.txt"] and record["sources"] == 2
    assert record["note"] == '-1 said "yes",\nthen left' and record["evidence"] == "Le 3 avril les ministres"


def test_streamed_events_are_the_read_models_the_tui_pages_and_gets(seeded_db: str) -> None:
    """Iterating the stream gives the same EventRows as a page of `list_events` and as
    `get_event`, with every field read from the database."""
    engine = open_database(f"sqlite:///{seeded_db}")
    with Session(engine) as session:
        streamed = list(queries.iter_events(session))
        paged = queries.list_events(session, EventFilters(), limit=10)
        fetched = [queries.get_event(session, row.event_id) for row in paged]
    engine.dispose()
    assert streamed == paged == fetched
    assert streamed[1] == EventRow(
        event_id=1,
        date_start=date(2025, 4, 3),
        date_end=date(2025, 4, 3),
        precision="day",
        event_type="meeting",
        modality="occurred",
        summary="Talks in Moscow, then a dinner",
        location="Moscow",
        confidence=0.9,
        article_id=1,
        article_title="Une alliance",
        article_url="https://example.org/a",
        article_source="a.txt",
        article_published=date(2025, 4, 5),
        outlet=None,
        language="fr",
        status="confirmed",
        starred=True,
        note='-1 said "yes",\nthen left',
        actors=("Niger", "Russia"),
        countries=("NER", "RUS"),
        people=("Sergei Lavrov",),
        tags=("+tag", "sahel"),
        evidence="Le 3 avril les ministres",
        sources=2,
        source_urls=("https://example.org/a", "b.txt"),
        date_text="le 3 avril",
        annotation_revision=3,
    )
    assert (streamed[0].status, streamed[0].starred, streamed[0].note, streamed[0].evidence) == (
        "unreviewed",
        False,
        "",
        "",
    )


def test_csv_from_read_models_matches_csv_streamed_from_the_database(seeded_db: str) -> None:
    """Read models and a stream's raw driver values (dates as ISO text) give the same CSV bytes."""
    engine = open_database(f"sqlite:///{seeded_db}")
    with Session(engine) as session:
        from_models, streamed = io.StringIO(newline=""), io.StringIO(newline="")
        write_csv(list(queries.iter_events(session)), from_models)
        write_csv(queries.iter_events(session), streamed)
    engine.dispose()
    assert from_models.getvalue() == streamed.getvalue() == HEADER + YEAR_ROW + DAY_ROW + MONTH_ROW


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_a_stream_pages_on_from_a_raw_key_without_losing_or_repeating_rows(
    seeded_db: str, sort: queries.Sort, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pages of one row, each page starts after the key of the raw row before it."""
    monkeypatch.setattr(queries, "PAGE_SIZE", 1)
    engine = open_database(f"sqlite:///{seeded_db}")
    with Session(engine) as session:
        out = io.StringIO(newline="")
        write_csv(queries.iter_events(session, sort=sort), out)
    engine.dispose()
    rows = YEAR_ROW + DAY_ROW + MONTH_ROW if sort == "date" else MONTH_ROW + DAY_ROW + YEAR_ROW
    assert out.getvalue() == HEADER + rows
