"""Commands that keep a researcher's data safe: backup, check, and moving annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from timeline.cli_options import STDOUT, db_option, handle_errors, open_engine
from timeline.errors import TimelineError


@click.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@handle_errors
def backup(target: Path, db: str | None) -> None:
    """Copy the database to TARGET while it is in use (SQLite online backup)."""
    from timeline import sqlite_features

    if target.exists():
        raise TimelineError(f"{target} already exists; choose a new file")
    try:
        sqlite_features.backup(open_engine(db), str(target))
    except ValueError as error:
        raise TimelineError(str(error)) from error
    click.echo(f"backed up to {target}", err=True)


@click.group("db")
def db_group() -> None:
    """Database maintenance."""


@db_group.command("check")
@db_option
@handle_errors
def db_check(db: str | None) -> None:
    """Check integrity and foreign keys; exit 1 if anything is wrong."""
    from timeline import sqlite_features

    problems = sqlite_features.check(open_engine(db))
    for problem in problems:
        click.echo(problem)
    click.echo("ok" if not problems else f"{len(problems)} problem(s)", err=True)
    sys.exit(1 if problems else 0)


@click.group("annotations")
def annotations_group() -> None:
    """Move annotations between databases."""


@annotations_group.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File (default, or -: stdout).")
@db_option
@handle_errors
def annotations_export(output: str | None, db: str | None) -> None:
    """Write every annotation, anchored to its article and evidence, as JSON Lines."""
    from sqlmodel import Session

    from timeline.annotation_transfer import export_annotations

    with Session(open_engine(db)) as session:
        lines = [json.dumps(record, ensure_ascii=False) + "\n" for record in export_annotations(session)]
    if output in (None, STDOUT):
        sys.stdout.writelines(lines)
    else:
        Path(output).write_text("".join(lines), encoding="utf-8")
    click.echo(f"{len(lines)} annotation(s) exported", err=True)


@annotations_group.command("import")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@db_option
@handle_errors
def annotations_import(source: click.File, db: str | None) -> None:
    """Apply annotations exported from another database to the same articles here."""
    from sqlmodel import Session

    from timeline.annotation_transfer import import_annotations

    with Session(open_engine(db)) as session:
        report = import_annotations(session, source)  # type: ignore[arg-type]
        session.commit()
    for line in report.unmatched or []:
        click.echo(f"no matching event: {line}", err=True)
    click.echo(f"{report.applied} annotation(s) applied, {len(report.unmatched or [])} unmatched", err=True)


@annotations_group.command("detached")
@db_option
@handle_errors
def annotations_detached(db: str | None) -> None:
    """List annotations whose event vanished on re-extraction (kept, waiting to reattach)."""
    from sqlmodel import Session

    from timeline.annotations import detached_annotations

    with Session(open_engine(db)) as session:
        found = detached_annotations(session)
        for annotation in found:
            click.echo(
                f"annotation {annotation.id}: article {annotation.anchor_article_id}, "
                f"{annotation.anchor_date_start}, {annotation.status}, "
                f"note {annotation.note[:60]!r}, evidence {annotation.anchor_evidence[:60]!r}"
            )
    click.echo(f"{len(found)} detached annotation(s)", err=True)
