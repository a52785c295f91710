"""Formats for other tools: PLOVER-style JSON Lines, TimelineJS CSV, and one row per mention.

PLOVER field names are used where they exist (`id`, `date`, `enddate`, `event`, `mode`, `actor`,
`recipient`, `event_loc`, `text`, `text_info`, `cite_info`); our own fields follow.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from timeline.export import date_end_label, format_date, row_record, write_csv_records
from timeline.queries import EventRow, MentionRow

TIMELINEJS_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Alt Text",
    "Type",
    "Group",
    "Background",
)
MENTION_COLUMNS = (
    "event_id",
    "mention_id",
    "date",
    "date_end",
    "precision",
    "event_type",
    "date_text",
    "date_derivation",
    "evidence",
    "article_title",
    "article_url",
    "article_published",
    "outlet",
    "language",
    "confidence",
    "merge_reason",
)


def plover_record(row: EventRow) -> dict[str, object]:
    """One event as a PLOVER-style record, followed by this tool's own fields."""
    from timeline.extraction.event_types import event_types

    kind = event_types().get(row.event_type)
    parties = [*row.actors, *row.people]
    record: dict[str, object] = {
        "id": row.event_id,
        "date": format_date(row.date_start, row.precision),
        "enddate": date_end_label(row.date_start, row.date_end, row.precision),
        "event": kind.plover if kind else "OTHER",
        "mode": kind.mode if kind and kind.mode else "",
        "actor": parties[0] if parties else "",
        "recipient": parties[1] if len(parties) > 1 else "",
        "event_loc": {"name": row.location or ""},
        "text": row.evidence,
        "text_info": {"language": row.language, "date_text": row.date_text},
        "cite_info": {
            "title": row.article_title,
            "url": row.article_url or "",
            "published": row.article_published.isoformat() if row.article_published else "",
            "outlet": row.outlet or "",
            "sources": row.sources,
            "source_urls": list(row.source_urls),
        },
    }
    own = row_record(row)
    for name in ("event_id", "date", "date_end", "evidence"):
        own.pop(name)
    return record | own | {"date_conflict": row.date_conflict}


def write_plover_jsonl(rows: Iterable[EventRow], out: TextIO) -> int:
    """JSON Lines with PLOVER field names."""
    count = 0
    for row in rows:
        out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_timelinejs(rows: Iterable[EventRow], out: TextIO) -> int:
    """TimelineJS's 19-column spreadsheet; approximate dates go to Display Date as written."""
    return write_csv_records((_timelinejs_record(row) for row in rows), TIMELINEJS_COLUMNS, out)


def _timelinejs_record(row: EventRow) -> dict[str, str]:
    start, end = row.date_start, row.date_end
    exact_day = row.precision == "day" and start == end
    return {
        "Year": str(start.year),
        "Month": str(start.month) if row.precision != "year" else "",
        "Day": str(start.day) if row.precision == "day" else "",
        "End Year": str(end.year) if end != start else "",
        "End Month": str(end.month) if end != start and row.precision != "year" else "",
        "End Day": str(end.day) if end != start and row.precision == "day" else "",
        "Display Date": "" if exact_day else row.date_text,
        "Headline": row.summary,
        "Text": row.evidence,
        "Media Credit": row.outlet or "",
        "Group": row.event_type,
    }


def write_mentions_csv(rows: Iterable[MentionRow], out: TextIO, *, bom: bool = False) -> int:
    """One row per mention, with its event id, so analysts can rebuild either view."""
    return write_csv_records((_mention_record(row) for row in rows), MENTION_COLUMNS, out, bom=bom)


def _mention_record(row: MentionRow) -> dict[str, object]:
    return {
        "event_id": row.event_id,
        "mention_id": row.mention_id,
        "date": format_date(row.date_start, row.precision),
        "date_end": date_end_label(row.date_start, row.date_end, row.precision),
        "precision": row.precision,
        "event_type": row.event_type,
        "date_text": row.date_text,
        "date_derivation": row.date_derivation,
        "evidence": row.evidence,
        "article_title": row.article_title,
        "article_url": row.article_url or "",
        "article_published": row.article_published.isoformat() if row.article_published else "",
        "outlet": row.outlet or "",
        "language": row.language,
        "confidence": row.confidence,
        "merge_reason": row.merge_reason or "",
    }
