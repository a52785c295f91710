"""Round trips with arbitrary text: a researcher's work survives export and import, and the CSV
export says what the JSON export says."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEED, export_rows, run

FREE_TEXT = st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=200)
TAG = st.text(
    st.characters(exclude_characters="\x00", exclude_categories=("Cs", "Z", "Cc")), min_size=1, max_size=20
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article ingested once; each example works on copies."""
    path = tmp_path_factory.mktemp("seeded") / "seed.db"
    assert run("ingest", "--db", str(path), "--published", "2025-04-05", str(SEED)).exit_code == 0
    return path


def copy_of(seeded: Path, tmp_path: Path, name: str) -> str:
    """A copy made with `timeline backup` (a file copy could miss pages still in the WAL), in a
    folder of its own for each example."""
    target = Path(tempfile.mkdtemp(dir=tmp_path)) / name
    assert run("backup", "--db", str(seeded), str(target)).exit_code == 0
    return target


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=FREE_TEXT, tags=st.lists(TAG, max_size=3, unique=True), starred=st.booleans())
def test_annotations_survive_export_and_import(
    seeded: Path, tmp_path: Path, note: str, tags: list[str], starred: bool
) -> None:
    """Whatever a researcher typed arrives unchanged in another database."""
    source, target = copy_of(seeded, tmp_path, "source.db"), copy_of(seeded, tmp_path, "target.db")
    (event,) = export_rows(source)
    options = ["--note", note, *(f"--tag={tag}" for tag in tags), "--star" if starred else "--unstar"]
    assert run("annotate", "--db", source, str(event["event_id"]), *options).exit_code == 0
    dump = Path(source).with_suffix(".jsonl")
    assert run("annotations", "export", "--db", source, "-o", str(dump)).exit_code == 0
    assert run("annotations", "import", "--db", target, str(dump)).exit_code == 0
    (before,) = export_rows(source)
    (after,) = export_rows(target)
    fields = ("status", "starred", "tags", "note")
    assert [after[f] for f in fields] == [before[f] for f in fields]
    assert before["starred"] is starred


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=FREE_TEXT)
def test_csv_export_reads_back_as_the_json_export(seeded: Path, tmp_path: Path, note: str) -> None:
    """A spreadsheet-safe CSV cell reads back as the JSON value, less the quote that disarms a
    formula."""
    db = copy_of(seeded, tmp_path, "notes.db")
    (event,) = export_rows(db)
    run("annotate", "--db", db, str(event["event_id"]), "--note", note)
    (row,) = export_rows(db)
    csv_text = run("export", "--db", db, "--format", "csv").stdout
    (cells,) = list(csv.DictReader(io.StringIO(csv_text, newline="")))
    expected = row["note"]
    if expected[:1] in ("=", "+", "-", "@", "\t", "\r"):
        expected = "'" + expected
    assert cells["note"] == expected
