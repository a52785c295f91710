"""Export writers: exact CSV columns and bytes, escaping, BOM, JSON formats, date precision."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from timeline.export import CSV_COLUMNS, write_csv, write_json
from timeline.queries import EventRow

from conftest import SEED, run

ROW = EventRow(
    event_id=7,
    date_start=date(2025, 4, 3),
    date_end=date(2025, 4, 3),
    precision="day",
    event_type="meeting",
    modality="occurred",
    summary="Meeting — Russia, Alliance of Sahel States in Moscow",
    location="Moscow",
    confidence=0.9,
    article_id=1,
    article_title="Une alliance",
    article_url="https://example.org/a",
    article_source="a.txt",
    article_published=date(2025, 4, 5),
    outlet="Express",
    language="fr",
    status="confirmed",
    starred=True,
    note='He said "yes",\nthen left',
    actors=("Russia", "Alliance of Sahel States"),
    countries=("RUS",),
    people=("Sergei Lavrov", "Abdoulaye Diop"),
    tags=("aes", "moscow"),
    evidence="Le 03 avril 2025, les ministres…",
)


def test_csv_header_is_exactly_the_documented_columns() -> None:
    """The header names the 20 columns of #2 in order, then sources and source_urls; an empty
    export is header-only."""
    out = io.StringIO()
    assert write_csv([], out) == 0
    assert out.getvalue() == ",".join(CSV_COLUMNS) + "\r\n"
    assert CSV_COLUMNS[:3] == ("event_id", "date", "date_end") and CSV_COLUMNS[19] == "note"
    assert CSV_COLUMNS[20:] == ("sources", "source_urls")


def test_csv_row_bytes_are_pinned() -> None:
    """Multi-value cells are joined by "; ", quotes and newlines are escaped, booleans spelt out."""
    out = io.StringIO()
    write_csv([ROW], out)
    line = out.getvalue().split("\r\n", 1)[1]
    assert line == (
        '7,2025-04-03,,day,meeting,"Meeting — Russia, Alliance of Sahel States in Moscow",'
        "Russia; Alliance of Sahel States,RUS,Sergei Lavrov; Abdoulaye Diop,Moscow,"
        "Le 03 avril 2025, les ministres…,Une alliance,https://example.org/a,2025-04-05,fr,0.9,"
        'confirmed,true,aes; moscow,"He said ""yes"",\nthen left",1,\r\n'
    ).replace("Le 03 avril 2025, les ministres…", '"Le 03 avril 2025, les ministres…"')


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_look_like_formulas_are_neutralised(dangerous: str) -> None:
    """A cell starting with = + - @ tab or CR gets a leading quote so spreadsheets show text."""
    out = io.StringIO()
    write_csv([replace(ROW, summary=dangerous, note=dangerous)], out)
    record = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert record["summary"] == "'" + dangerous
    assert record["note"] == "'" + dangerous


@pytest.mark.parametrize(
    ("precision", "start", "end", "expected_date", "expected_end"),
    [
        ("day", date(2025, 4, 3), date(2025, 4, 3), "2025-04-03", ""),
        ("day", date(2025, 4, 3), date(2025, 4, 5), "2025-04-03", "2025-04-05"),
        ("month", date(2025, 4, 1), date(2025, 4, 30), "2025-04", ""),
        ("month", date(2025, 5, 1), date(2025, 7, 31), "2025-05", "2025-07"),
        ("year", date(2023, 1, 1), date(2023, 12, 31), "2023", ""),
        ("month", date(2024, 9, 1), date(2024, 12, 31), "2024-09", "2024-12"),
    ],
)
def test_dates_are_cut_to_their_precision(
    precision: str, start: date, end: date, expected_date: str, expected_end: str
) -> None:
    """Dates are ISO 8601 at their precision; date_end only when the range goes further."""
    out = io.StringIO()
    write_csv([replace(ROW, precision=precision, date_start=start, date_end=end)], out)
    record = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (record["date"], record["date_end"]) == (expected_date, expected_end)


def test_json_carries_lists_and_types() -> None:
    """The JSON export keeps lists as arrays and booleans and numbers as such."""
    out = io.StringIO()
    write_json([ROW, ROW], out)
    array = json.loads(out.getvalue())
    assert len(array) == 2 and array[0]["people"] == ["Sergei Lavrov", "Abdoulaye Diop"]
    assert array[0]["starred"] is True and array[0]["confidence"] == 0.9
    empty = io.StringIO()
    write_json([], empty)
    assert json.loads(empty.getvalue()) == []


def test_cli_export_to_file_with_bom(db: str, tmp_path: Path) -> None:
    """`export -o FILE --bom` writes a UTF-8 BOM then the CSV; stdout stays empty."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    target = tmp_path / "out.csv"
    result = run("export", "--db", db, "--bom", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfevent_id,date,")
    assert data.count(b"\r\n") == 2


def test_extract_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`timeline extract` goes from articles to CSV through a temporary database it removes."""
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    result = run("extract", "--published", "2025-04-05", "--format", "csv", str(SEED))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["date"] for row in rows] == ["2025-04-03"]
    assert list((tmp_path / "tmp").iterdir()) == []


def test_cli_export_to_dash_writes_stdout(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`-o -` is standard output, as for most tools, not a file named "-"."""
    monkeypatch.chdir(tmp_path)
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    events = run("export", "--db", db, "-o", "-")
    annotations = run("annotations", "export", "--db", db, "-o", "-")
    assert events.exit_code == 0 and events.stdout.startswith("event_id,date,")
    assert annotations.exit_code == 0
    assert not (tmp_path / "-").exists()
