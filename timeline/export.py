"""Writing event rows as CSV, JSON or JSON Lines to an open stream, one row at a time.

The CLI and the TUI share these writers; memory stays flat because rows are never collected.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TextIO

from timeline.queries import EventRow

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
    iso = day.isoformat()
    return {"year": iso[:4], "month": iso[:7]}.get(precision, iso)


def format_date_end(row: EventRow) -> str:
    """The end of a row's range, or "" when the event fits in the unit its date names."""
    return date_end_label(row.date_start, row.date_end, row.precision)


def date_end_label(start: date, end: date, precision: str) -> str:
    """The end of a range cut to `precision`, or "" when the range is the unit `start` names."""
    if precision == "year" and end == start.replace(month=12, day=31):
        return ""
    if precision == "day" and end == start:
        return ""
    written_end = format_date(end, precision)
    return "" if written_end == format_date(start, precision) else written_end


def row_record(row: EventRow) -> dict[str, Any]:
    """The export columns of one row, as typed values (lists stay lists)."""
    return {
        "event_id": row.event_id,
        "date": format_date(row.date_start, row.precision),
        "date_end": format_date_end(row),
        "precision": row.precision,
        "event_type": row.event_type,
        "summary": row.summary,
        "actors": list(row.actors),
        "countries": list(row.countries),
        "people": list(row.people),
        "location": row.location or "",
        "evidence": row.evidence,
        "article_title": row.article_title,
        "article_url": row.article_url or "",
        "article_published": row.article_published.isoformat() if row.article_published else "",
        "language": row.language,
        "confidence": row.confidence,
        "status": row.status,
        "starred": row.starred,
        "tags": list(row.tags),
        "note": row.note,
        "sources": row.sources,
        "source_urls": list(row.source_urls),
    }


def neutralise_formula(cell: str) -> str:
    """Prefix a cell that a spreadsheet would run as a formula with a quote (OWASP guidance)."""
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) else cell


def _csv_cell(value: Any) -> str:
    if isinstance(value, list):
        value = MULTI_VALUE_SEPARATOR.join(str(item) for item in value)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    return neutralise_formula(str(value))


def write_csv(rows: Iterable[EventRow], out: TextIO, *, bom: bool = False) -> int:
    """Write a header and one line per row; return the number of rows written."""
    return write_csv_records((row_record(row) for row in rows), CSV_COLUMNS, out, bom=bom)


def write_csv_records(
    records: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO, *, bom: bool = False
) -> int:
    """Write records as CSV with the given columns, cells neutralised against formulas."""
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for record in records:
        writer.writerow([_csv_cell(record.get(column, "")) for column in columns])
        count += 1
    return count


def write_json(rows: Iterable[EventRow], out: TextIO) -> int:
    """Write a JSON array, streamed element by element; return the number of rows written."""
    count = 0
    out.write("[")
    for row in rows:
        out.write(("\n  " if count == 0 else ",\n  ") + json.dumps(row_record(row), ensure_ascii=False))
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
    if fmt == "csv":
        return write_csv(rows, out, bom=bom)
    return writers[fmt](rows, out)
