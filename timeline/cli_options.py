"""Options and helpers shared by the `timeline` commands."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from timeline.config import resolve_db_url
from timeline.errors import TimelineError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Report a `TimelineError` or a database failure as one line and exit 1, never with a
    traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from sqlalchemy.exc import DBAPIError

        try:
            return command(*args, **kwargs)
        except TimelineError as error:
            raise click.ClickException(str(error)) from error
        except DBAPIError as error:
            reason = str(error.orig).splitlines()[0] if error.orig else type(error).__name__
            raise click.ClickException(f"database error: {reason}") from error

    return wrapper


def db_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """The `--db` option every command takes."""
    return click.option(
        "--db",
        "db",
        metavar="PATH_OR_URL",
        help="Database file or SQLAlchemy URL (default: $TIMELINE_DB, else the user data folder).",
    )(command)


def filter_options(*, language_filter: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The filters shared by `list`, `export` and `extract` (where `--lang` sets the articles'
    language instead of filtering on it)."""
    options = [
        click.option(
            "--from", "date_from", metavar="DATE", help="Events ending on or after (2025-04, 'last month')."
        ),
        click.option("--to", "date_to", metavar="DATE", help="Events starting on or before."),
        click.option(
            "--actor",
            multiple=True,
            help="Country, organisation or person (any alias); repeat: all must take part.",
        ),
        click.option(
            "--type",
            "event_types",
            multiple=True,
            help="Event type (meeting, visit, agreement…); repeatable.",
        ),
        click.option(
            "--source", "sources", multiple=True, help="Outlet, URL or file path contains this; repeatable."
        ),
        click.option(
            "--status", "statuses", multiple=True, type=click.Choice(["unreviewed", "confirmed", "rejected"])
        ),
        click.option("--tag", "tags", multiple=True, help="Has this tag; repeatable."),
        click.option("--starred", is_flag=True, default=False, help="Starred events only."),
        click.option(
            "--query", "-q", help="Full-text search in titles, summaries, evidence and actors' names."
        ),
        click.option("--limit", type=click.IntRange(min=0), help="At most this many events."),
        click.option("--sort", type=click.Choice(["date", "-date"]), default="date", show_default=True),
    ]
    if language_filter:
        options.insert(
            4, click.option("--lang", "languages", multiple=True, help="Article language code; repeatable.")
        )

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def build_filters(options: dict[str, Any]) -> Any:
    """Turn the shared filter options into `EventFilters`."""
    from timeline.dates import parse_bound
    from timeline.queries import EventFilters

    today = date.today()
    return EventFilters(
        date_from=parse_bound(options["date_from"], today=today, end=False) if options["date_from"] else None,
        date_to=parse_bound(options["date_to"], today=today, end=True) if options["date_to"] else None,
        actors=tuple(options["actor"]),
        event_types=tuple(options["event_types"]),
        languages=tuple(options.get("languages", ())),
        sources=tuple(options["sources"]),
        statuses=tuple(options["statuses"]),
        tags=tuple(options["tags"]),
        starred=True if options["starred"] else None,
        query=options["query"] or None,
    )


def open_engine(db: str | None) -> Any:
    """Open the database named by `--db`, `TIMELINE_DB` or the default."""
    from timeline.db import open_database

    return open_database(resolve_db_url(db))


STDOUT = "-"
"""The output file name that means standard output, as most command-line tools read it."""


def export_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Format, output file, BOM and mentions, shared by `export` and `extract`."""
    from timeline.export import FORMATS

    options = [
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True),
        click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, writable=True),
            help="File to write (default, or -: stdout).",
        ),
        click.option("--bom", is_flag=True, help="Start CSV with a UTF-8 byte order mark (for Excel)."),
        click.option("--mentions", is_flag=True, help="One CSV row per article mention, with its event_id."),
    ]
    for option in reversed(options):
        command = option(command)
    return command
