"""How an event reads to a person, shared by the CLI's `show` and the TUI's detail pane."""

from __future__ import annotations

from timeline.export import format_date, format_date_end
from timeline.queries import EventRow

STATUS_MARKS = {"confirmed": "✔ confirmed", "rejected": "✘ rejected", "unreviewed": "unreviewed"}


def date_label(row: EventRow) -> str:
    """The date as written at its precision, with the end of a range."""
    end = format_date_end(row)
    return format_date(row.date_start, row.precision) + (f"→{end}" if end else "")


def event_facts(row: EventRow) -> list[tuple[str, str]]:
    """Labelled facts about an event and its article; empty values are left out."""
    facts = [
        ("article", row.article_title),
        (
            "source",
            " · ".join(p for p in (row.outlet or "", str(row.article_published or ""), row.language) if p),
        ),
        ("url", row.article_url or row.article_source),
        ("actors", "; ".join(row.actors)),
        ("people", "; ".join(row.people)),
        ("place", row.location or ""),
        ("confidence", f"{row.confidence:.2f}"),
        ("status", STATUS_MARKS.get(row.status, row.status) + ("  ★ starred" if row.starred else "")),
        ("tags", ", ".join(row.tags)),
        ("note", row.note),
    ]
    return [(label, value) for label, value in facts if value]
