"""Rich rendering for the CLI: tables, the event view, ingest progress. Text from articles is
always passed as `Text` objects (never parsed as markup) after stripping control sequences."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from timeline.ingest import IngestSummary
from timeline.presentation import date_label, event_facts
from timeline.queries import EventRow, FacetCount
from timeline.text_safety import strip_controls

err_console = Console(stderr=True)


def safe(value: object, style: str = "") -> Text:
    """Article-derived text as an inert Rich `Text`: no markup parsing, no control sequences."""
    return Text(strip_controls(str(value)), style=style)


def facts_text(row: EventRow, label_width: int = 10) -> Text:
    """The labelled facts of an event, one per line."""
    text = Text()
    for label, value in event_facts(row):
        text.append(f"{label:>{label_width}}  ", style="dim")
        text.append_text(safe(value))
        text.append("\n")
    return text


def events_table(rows: Iterable[EventRow]) -> Table:
    """A Rich table of events for `timeline list`."""
    table = Table(expand=True, show_lines=False)
    table.add_column("id", justify="right", style="dim", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("summary", ratio=3)
    table.add_column("countries", ratio=1, min_width=9)
    table.add_column("place", ratio=1, min_width=8)
    table.add_column("status", no_wrap=True)
    table.add_column("★", no_wrap=True)
    for row in rows:
        table.add_row(
            str(row.event_id),
            date_label(row),
            row.event_type,
            safe(row.summary),
            safe(", ".join(row.countries)),
            safe(row.location or ""),
            row.status,
            "★" if row.starred else "",
        )
    return table


def event_panel(
    row: EventRow, paragraph: str, sentence: tuple[int, int], date_span: tuple[int, int]
) -> Panel:
    """The event with its evidence sentence highlighted in its paragraph."""
    body = Text()
    body.append(f"{date_label(row)}  {row.event_type}  ({row.modality})\n", style="bold")
    body.append_text(safe(row.summary))
    body.append("\n\n")
    evidence = Text(strip_controls(paragraph))
    evidence.stylize("bold yellow", *sentence)
    evidence.stylize("bold reverse", *date_span)
    body.append_text(evidence)
    body.append("\n\n")
    body.append_text(facts_text(row))
    return Panel(body, title=f"event {row.event_id}", expand=True)


def facets_table(title: str, counts: list[FacetCount]) -> Table:
    """A two-column table of counts."""
    table = Table(title=title, show_header=False, box=None)
    table.add_column("value")
    table.add_column("count", justify="right")
    for facet in counts:
        table.add_row(safe(facet.value), str(facet.count))
    return table


def summary_line(summary: IngestSummary) -> str:
    """The closing line of an ingest run."""
    parts = [
        f"{summary.files} files",
        f"{summary.articles} articles added",
        f"{summary.duplicates} already stored",
        f"{summary.events} event mentions",
    ]
    if summary.reextracted:
        parts.append(f"{summary.reextracted} articles re-extracted")
    if summary.orphaned_annotations:
        parts.append(f"{len(summary.orphaned_annotations)} annotations detached from vanished events")
    parts.append(f"{len(summary.failures)} failed")
    return ", ".join(parts)


@contextmanager
def ingest_progress(total_files: int, quiet: bool) -> Iterator:
    """Yield a progress callback: a Rich bar on a terminal, plain lines otherwise, or nothing."""
    if quiet:
        yield None
        return
    if not sys.stderr.isatty():

        def plain(what: str, summary: IngestSummary, source: str) -> None:
            if what == "failure":
                reason = summary.failures[-1].reason if summary.failures else ""
                print(f"failed: {source}: {reason}", file=sys.stderr)
            elif what in ("article", "duplicate", "reextracted"):
                print(f"{what}: {source}", file=sys.stderr)

        yield plain
        return
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[articles]} articles · {task.fields[events]} events · {task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, transient=False) as progress:
        task = progress.add_task("ingest", total=total_files or None, articles=0, events=0, rate="")

        def bar(what: str, summary: IngestSummary, source: str) -> None:
            if what == "failure":
                reason = summary.failures[-1].reason if summary.failures else ""
                progress.console.print(Text(f"failed: {strip_controls(source)}: {reason}", style="red"))
            elapsed = progress.tasks[0].elapsed or 0.0
            rate = f"{summary.articles / elapsed:.1f}/s" if elapsed > 0 else ""
            done = summary.files - 1 if what == "file" else summary.files
            count = summary.articles + summary.reextracted
            progress.update(task, completed=max(done, 0), articles=count, events=summary.events, rate=rate)

        yield bar
        progress.update(task, completed=total_files)
