"""Writing event rows as CSV, JSON or JSON Lines to an open stream, one row at a time.

The CLI and the TUI share these writers; memory stays flat because rows are never collected.
"""

from __future__ import annotations

import csv
import gc
import json
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, TextIO

from timeline.event_reading import RELATED_FIELDS
from timeline.queries import EventRow, EventStream

CSV_COLUMNS = (
    "event_id",
    "date",
    "date_end",
    "precision",
    "event_type",
    "summary",
    "actors",
    "countries",
    "people",
    "location",
    "evidence",
    "article_title",
    "article_url",
    "article_published",
    "language",
    "confidence",
    "status",
    "starred",
    "tags",
    "note",
    "sources",
    "source_urls",
)
FORMATS = ("csv", "json", "jsonl", "timelinejs")
MULTI_VALUE_SEPARATOR = "; "
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def format_date(day: date, precision: str) -> str:
    """ISO 8601 cut to its precision: `2025-04-03`, `2025-04` or `2025`."""
    return day.isoformat()[: _PRECISION_LENGTHS.get(precision, 10)]


_PRECISION_LENGTHS = {"year": 4, "month": 7}


def format_date_end(row: EventRow) -> str:
    """The end of a row's range, or "" when the event fits in the unit its date names."""
    return date_end_label(row.date_start, row.date_end, row.precision)


def date_end_label(start: date, end: date, precision: str) -> str:
    """The end of a range cut to `precision`, or "" when the range is the unit `start` names."""
    return _iso_end_label(start.isoformat(), end.isoformat(), precision)


def _iso_end_label(start: str, end: str, precision: str) -> str:
    if precision == "year" and end == start[:4] + "-12-31":
        return ""
    if precision == "day" and end == start:
        return ""
    length = _PRECISION_LENGTHS.get(precision, 10)
    return "" if end[:length] == start[:length] else end[:length]


def _iso(day: date | str) -> str:
    """A date as ISO text; a database driver may give it as text already (SQLite does)."""
    return day if isinstance(day, str) else day.isoformat()


RECORD_SOURCE_FIELDS = tuple(
    "date_start" if column == "date" else column for column in CSV_COLUMNS if column not in RELATED_FIELDS
)
"""The event row fields an export record reads, in `record_values`' order (related fields follow)."""
_record_source = operator.itemgetter(*RECORD_SOURCE_FIELDS, *RELATED_FIELDS)


def record_values(values: Sequence[Any]) -> tuple[Any, ...]:
    """The export columns of one event in `CSV_COLUMNS` order, as typed values (lists stay
    sequences). `values` are `RECORD_SOURCE_FIELDS` then `RELATED_FIELDS`; dates may be ISO
    text, as a stream's raw values are."""
    (
        event_id, start, end, precision, event_type, summary, location, title, url, published,
        language, confidence, status, starred, note, sources,
        actors, countries, people, tags, evidence, source_urls,
    ) = values  # fmt: skip
    start, end = _iso(start), _iso(end)
    return (
        event_id,
        start[: _PRECISION_LENGTHS.get(precision, 10)],
        _iso_end_label(start, end, precision),
        precision,
        event_type,
        summary,
        actors,
        countries,
        people,
        location or "",
        evidence,
        title,
        url or "",
        _iso(published) if published else "",
        language,
        confidence,
        status,
        bool(starred),
        tags,
        note,
        sources,
        source_urls,
    )


def row_record(row: EventRow) -> dict[str, Any]:
    """The export columns of one row by name, as typed values (lists stay sequences)."""
    return dict(zip(CSV_COLUMNS, record_values(_record_source(vars(row))), strict=True))


def record_sources(rows: Iterable[EventRow]) -> Iterator[Sequence[Any]]:
    """What `record_values` reads for each row; a stream from the database gives it as plain
    tuples without building the read models."""
    if isinstance(rows, EventStream):
        return rows.values(RECORD_SOURCE_FIELDS)
    return map(_record_source, map(vars, rows))


def neutralise_formula(cell: str) -> str:
    """Prefix a cell that a spreadsheet would run as a formula with a quote (OWASP guidance)."""
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) else cell


def _joined_cell(values: Sequence[Any]) -> str:
    return neutralise_formula(MULTI_VALUE_SEPARATOR.join(map(str, values))) if values else ""


def _flag_cell(flag: bool) -> str:
    return "true" if flag else "false"


def _any_cell(value: Any) -> str:
    return neutralise_formula(str(value))


_CELL_BY_TYPE: dict[type, Callable[[Any], str]] = {tuple: _joined_cell, list: _joined_cell, bool: _flag_cell}


def _csv_cells(values: Iterable[Any]) -> list[Any]:
    """A row's cells: multi-value cells joined, booleans spelt out, formulas disarmed. Text that
    cannot be a formula and whole numbers that are not negative (most cells) go to the csv
    module as they are (it writes an int as `str()` does), without a call per cell."""
    return [
        value
        if (type(value) is str and not value.startswith(FORMULA_TRIGGERS))
        or (type(value) is int and value >= 0)
        else _CELL_BY_TYPE.get(type(value), _any_cell)(value)
        for value in values
    ]


def write_csv(rows: Iterable[EventRow], out: TextIO, *, bom: bool = False) -> int:
    """Write a header and one line per row; return the number of rows written."""
    return _write_csv_lines(map(record_values, record_sources(rows)), CSV_COLUMNS, out, bom=bom)


def write_csv_records(
    records: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO, *, bom: bool = False
) -> int:
    """Write records as CSV with the given columns, cells neutralised against formulas."""
    lines = ([record.get(column, "") for column in columns] for record in records)
    return _write_csv_lines(lines, columns, out, bom=bom)


def _write_csv_lines(
    lines: Iterable[Sequence[Any]], columns: Sequence[str], out: TextIO, *, bom: bool
) -> int:
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for values in lines:
        writer.writerow(_csv_cells(values))
        count += 1
    return count


def write_json(rows: Iterable[EventRow], out: TextIO) -> int:
    """Write a JSON array, streamed element by element; return the number of rows written."""
    count = 0
    out.write("[")
    for values in record_sources(rows):
        record = dict(zip(CSV_COLUMNS, record_values(values), strict=True))
        out.write(("\n  " if count == 0 else ",\n  ") + json.dumps(record, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_rows(rows: Iterable[EventRow], out: TextIO, fmt: str, *, bom: bool = False) -> int:
    """Write rows in one of `FORMATS`; the BOM applies to CSV only. JSON Lines follows PLOVER's
    field names; JSON keeps the CSV column names."""
    from timeline import interchange

    writers: dict[str, Callable[..., int]] = {
        "json": write_json,
        "jsonl": interchange.write_plover_jsonl,
        "timelinejs": interchange.write_timelinejs,
    }
    with _collector_paused():
        if fmt == "csv":
            return write_csv(rows, out, bom=bom)
        return writers[fmt](rows, out)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while rows stream: they hold no reference cycles, and
    the collections their allocations set off took a tenth of a large export's time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
