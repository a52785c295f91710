"""Article text is inert: markup and escape sequences never act in `list` or `show`, and no
spreadsheet format lets a formula through."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import export_rows, run, write_article

HOSTILE_TITLE = "[bold red]Injected[/] [link=http://evil.example]here[/link] \x1b[31mred\x1b[0m"
HOSTILE_BODY = (
    "Le 3 avril 2025, le Mali et le Niger ont signé un accord [@click=app.quit]clic[/] "
    "\x1b]8;;http://evil.example\x07lien\x1b]8;;\x07 à Niamey."
)


@pytest.fixture
def hostile_db(db: str, tmp_path: Path) -> str:
    write_article(tmp_path, "hostile.txt", HOSTILE_BODY, title=HOSTILE_TITLE, published="2025-04-05")
    assert run("ingest", "--db", db, str(tmp_path / "hostile.txt")).exit_code == 0
    return db


def test_list_drops_escapes(hostile_db: str) -> None:
    """The table lists the event and no escape or bell character reaches the terminal."""
    result = run("list", "--db", hostile_db)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "Agreement" in result.output and "Mali, Niger in" in result.output


def test_show_prints_markup_literally_and_drops_escapes(hostile_db: str) -> None:
    """`show` prints the title and evidence with their brackets and without control characters."""
    (row,) = export_rows(hostile_db)
    result = run("show", "--db", hostile_db, str(row["event_id"]))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    flat = " ".join(result.output.split())
    assert "[@click=app.quit]clic[/]" in flat
    assert "[bold red]Injected[/]" in flat
    assert "[link=http://evil.example]here[/link]" in flat


@pytest.mark.parametrize("fmt", [["--format", "csv"], ["--mentions"], ["--format", "timelinejs"]])
def test_no_spreadsheet_format_lets_a_formula_through(db: str, tmp_path: Path, fmt: list[str]) -> None:
    """Every CSV the tool writes disarms cells a spreadsheet would run (OWASP CSV injection)."""
    write_article(
        tmp_path,
        "formula.txt",
        '=HYPERLINK("http://evil.example","clic") Le 3 avril 2025, le Mali et le Niger ont signé un accord à Niamey.',
        title="@SUM(A1:A9)",
        source="+cmd|' /C calc'!A0",
        published="2025-04-05",
    )
    assert run("ingest", "--db", db, str(tmp_path / "formula.txt")).exit_code == 0
    (event,) = export_rows(db)
    run("annotate", "--db", db, str(event["event_id"]), "--note", "-2+3", "--tag", "=cmd")
    rows = list(csv.reader(io.StringIO(run("export", "--db", db, *fmt).stdout)))
    cells = [cell for row in rows[1:] for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
