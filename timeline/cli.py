"""The `timeline` command: a thin click group over the library.

Heavy modules (extraction, dateparser, Textual) are imported inside the commands that need
them, so `timeline --help` and `timeline list` start fast.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

import click

from timeline import __version__
from timeline.cli_options import (
    CONTEXT,
    STDOUT,
    build_filters,
    db_option,
    export_options,
    filter_options,
    handle_errors,
    open_engine,
)
from timeline.config import data_dir, describe_db, resolve_db_url
from timeline.errors import TimelineError


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="timeline")
def cli() -> None:
    """Diplomatic Timeline: turn news articles about diplomacy into a dated, searchable,
    annotated timeline of events."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--published", metavar="DATE", help="Publication date for every article read (overrides the file)."
)
@click.option(
    "--lang", "language", metavar="CODE", help="Language of every article read (overrides the file)."
)
@click.option(
    "--reextract", is_flag=True, help="Re-run extraction on every stored article, keeping annotations."
)
@click.option("--quiet", is_flag=True, help="No progress output, only errors and the summary.")
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Extraction processes."
)
@db_option
@handle_errors
def ingest(
    paths: tuple[str, ...],
    published: str | None,
    language: str | None,
    reextract: bool,
    quiet: bool,
    jobs: int,
    db: str | None,
) -> None:
    """Ingest article files, folders (recursively) or - for standard input.

    Formats: plain text and Markdown (optional Title/URL/Published/Language/Source header),
    HTML, JSON Lines, JSON arrays and CSV. Exits 1 if any file failed.
    """
    from timeline import console
    from timeline.ingest import discover
    from timeline.ingest import ingest as run_ingest
    from timeline.ingest import reextract as run_reextract
    from timeline.ingest.readers import parse_published

    if not paths and not reextract:
        raise click.UsageError("give at least one PATH (or --reextract)")
    engine = open_engine(db)
    published_date = parse_published(published, "--published") if published else None
    files = list(discover(paths))
    failures = 0
    if files:
        with console.ingest_progress(len(files), quiet) as progress:
            summary = run_ingest(
                engine, files, published=published_date, language=language, progress=progress, jobs=jobs
            )
        failures = len(summary.failures)
        _print_summary(console, summary, quiet)
    if reextract:
        with console.ingest_progress(0, quiet) as progress:
            summary = run_reextract(engine, progress=progress)
        _print_summary(console, summary, quiet)
    sys.exit(1 if failures else 0)


def _print_summary(console: Any, summary: Any, quiet: bool) -> None:
    if quiet:
        for failure in summary.failures:
            click.echo(f"failed: {failure.source}: {failure.reason}", err=True)
    click.echo(console.summary_line(summary), err=True)
    for annotation_id in summary.orphaned_annotations:
        click.echo(
            f"annotation {annotation_id}: its event vanished on re-extraction; kept, detached", err=True
        )


@cli.command("list")
@filter_options()
@db_option
@handle_errors
def list_command(db: str | None, limit: int | None, sort: str, **options: Any) -> None:
    """List events as a table (50 by default; --limit 0 for all)."""
    from rich.console import Console
    from sqlmodel import Session

    from timeline import console, queries

    engine = open_engine(db)
    filters = build_filters(options)
    with Session(engine) as session:
        total = queries.count_events(session, filters)
        effective_limit = 50 if limit is None else (limit or None)
        rows = list(queries.iter_events(session, filters, sort=sort, limit=effective_limit))
    shown = f"{len(rows)} of {total} events" if len(rows) < total else f"{total} events"
    out = Console()
    out.print(console.safe(f"{shown} — {describe_db(str(engine.url))}"), soft_wrap=True)
    out.print(console.events_table(rows))


@cli.command()
@filter_options()
@export_options
@db_option
@handle_errors
def export(db: str | None, limit: int | None, sort: str, **options: Any) -> None:
    """Export events as CSV, JSON, JSON Lines (PLOVER fields) or TimelineJS CSV, streamed to
    stdout or a file; `--mentions` writes one row per article mention instead."""
    engine = open_engine(db)
    _export(engine, build_filters(options), options, limit, sort)


def _export(engine: Any, filters: Any, options: dict[str, Any], limit: int | None, sort: str) -> int:
    from sqlmodel import Session

    from timeline import interchange, queries
    from timeline.export import write_rows

    fmt, output, bom = options["fmt"], options["output"], options["bom"]
    if options["mentions"] and fmt != "csv":
        raise TimelineError("--mentions writes CSV; drop --format or use --format csv")
    with Session(engine) as session:

        def write(out: TextIO) -> int:
            if options["mentions"]:
                mentions = queries.iter_mentions(session, filters, sort=sort, limit=limit)  # type: ignore[arg-type]
                return interchange.write_mentions_csv(mentions, out, bom=bom)
            rows = queries.iter_events(session, filters, sort=sort, limit=limit)  # type: ignore[arg-type]
            return write_rows(rows, out, fmt, bom=bom)

        if output in (None, STDOUT):
            return write(_stdout())
        with Path(output).open("w", encoding="utf-8", newline="") as out:
            return write(out)


def _stdout() -> TextIO:
    stream = sys.stdout
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(newline="")  # the csv module writes its own \r\n
    return stream


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", metavar="DATE", help="Publication date for every article read.")
@click.option("--lang", "language", metavar="CODE", help="Language of every article read.")
@filter_options(language_filter=False)
@export_options
@handle_errors
def extract(
    paths: tuple[str, ...],
    published: str | None,
    language: str | None,
    limit: int | None,
    sort: str,
    **options: Any,
) -> None:
    """Articles in, timeline out: ingest into a temporary database, export, leave nothing behind."""
    from timeline.db import open_database
    from timeline.ingest import ingest as run_ingest
    from timeline.ingest.readers import parse_published

    folder = Path(tempfile.mkdtemp(prefix="timeline-extract-"))
    try:
        engine = open_database(f"sqlite:///{folder / 'extract.db'}")
        published_date = parse_published(published, "--published") if published else None
        summary = run_ingest(engine, list(paths), published=published_date, language=language)
        for failure in summary.failures:
            click.echo(f"failed: {failure.source}: {failure.reason}", err=True)
        _export(engine, build_filters(options), options, limit, sort)
        engine.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(1 if summary.failures else 0)


@cli.command()
@click.argument("event_id", type=int)
@db_option
@handle_errors
def show(event_id: int, db: str | None) -> None:
    """Show one event, its annotation, and its evidence highlighted in its paragraph."""
    from rich.console import Console
    from sqlmodel import Session

    from timeline import browse, console, queries

    with Session(open_engine(db)) as session:
        row = queries.get_event(session, event_id)
        context = browse.evidence_context(session, event_id)
    if row is None:
        raise TimelineError(f"no event with id {event_id}")
    if context is None:
        Console().print(console.event_panel(row, row.evidence, (0, 0), (0, 0)))
        return
    panel = console.event_panel(row, context.paragraph, context.sentence, context.date_expression)
    Console().print(panel)
    click.echo(f"date: {context.date_text!r} ({context.derivation})")


@cli.command()
@db_option
@handle_errors
def stats(db: str | None) -> None:
    """Count events by year, type, country, language and source."""
    from rich.columns import Columns
    from rich.console import Console
    from sqlmodel import Session

    from timeline import browse, console, queries

    facets = ("year", "type", "country", "language", "source")
    with Session(open_engine(db)) as session:
        total = queries.count_events(session)
        tables = [
            console.facets_table(f"by {facet}", browse.facet_counts(session, facet)) for facet in facets
        ]
    out = Console()
    out.print(f"{total} events")
    out.print(Columns(tables, padding=(0, 4)))


@cli.command()
@click.argument("event_ids", nargs=-1, type=int, required=True)
@click.option("--status", type=click.Choice(["unreviewed", "confirmed", "rejected"]))
@click.option("--star/--unstar", default=None, help="Star or unstar.")
@click.option("--tag", "add_tags", multiple=True, help="Add a tag; repeatable.")
@click.option("--untag", "remove_tags", multiple=True, help="Remove a tag; repeatable.")
@click.option("--note", help="Replace the note.")
@db_option
@handle_errors
def annotate(
    event_ids: tuple[int, ...],
    status: str | None,
    star: bool | None,
    add_tags: tuple[str, ...],
    remove_tags: tuple[str, ...],
    note: str | None,
    db: str | None,
) -> None:
    """Confirm, reject, star, tag or annotate events from scripts."""
    from sqlmodel import Session

    from timeline.annotations import annotate as run_annotate

    with Session(open_engine(db)) as session:
        for event_id in event_ids:
            run_annotate(
                session,
                event_id,
                status=status,
                starred=star,
                add_tags=add_tags,
                remove_tags=remove_tags,
                note=note,
            )
        session.commit()
    click.echo(f"annotated {len(event_ids)} event(s)", err=True)


@cli.command()
@db_option
@handle_errors
def tui(db: str | None) -> None:
    """Open the terminal UI on a database."""
    from tui.app import make_app  # deferred: only this command needs Textual

    make_app(resolve_db_url(db)).run()


@cli.command()
@click.option("--no-tui", is_flag=True, help="Only ingest and print where the database is.")
@db_option
@handle_errors
def demo(no_tui: bool, db: str | None) -> None:
    """Ingest the bundled demo corpus into a fresh demo database and open the terminal UI."""
    from timeline import console
    from timeline.config import default_db_path
    from timeline.db import open_database
    from timeline.ingest import ingest as run_ingest

    target = Path(db) if db else default_db_path().with_name("demo.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    url = resolve_db_url(str(target))
    engine = open_database(url)
    summary = run_ingest(engine, [str(data_dir() / "demo")])
    click.echo(console.summary_line(summary))
    click.echo(f"demo database: {target}")
    click.echo(f"try: timeline list --db {target}")
    if not no_tui and sys.stdout.isatty() and sys.stdin.isatty():
        from tui.app import make_app  # deferred: only the interactive demo needs Textual

        make_app(url).run()


def _register_research_commands() -> None:
    from timeline.cli_data import annotations_group, backup, db_group
    from timeline.cli_research import dates, evaluate

    for command in (dates, evaluate, backup, db_group, annotations_group):
        cli.add_command(command)


_register_research_commands()
