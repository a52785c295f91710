"""Opening a database: engine, tables, search index and the schema version check."""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

from timeline import migrations, models, sqlite_features
from timeline.errors import SchemaTooNewError, TimelineError


def make_engine(url: str) -> Engine:
    """Build an engine for a SQLAlchemy URL; in-memory SQLite shares one connection."""
    kwargs: dict[str, object] = {}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs["poolclass"] = StaticPool
    engine = create_engine(url, **kwargs)
    sqlite_features.configure_connections(engine)
    return engine


def open_database(url: str) -> Engine:
    """Open (creating if needed) a timeline database and check its schema version.

    Raises:
        SchemaTooNewError: the database was made by a newer version of the tool.
        TimelineError: the file is not a database this tool can open.
    """
    engine = make_engine(url)
    try:
        existing_tables = set(inspect(engine).get_table_names())
    except Exception as error:  # the driver's error types vary: report them as one line
        raise TimelineError(f"cannot open database {url}: {error}") from error
    if "meta" in existing_tables:
        _check_schema_version(engine)
    elif existing_tables - {"event_fts"} and "article" not in existing_tables:
        raise TimelineError(f"{url} is not a Diplomatic Timeline database")
    SQLModel.metadata.create_all(engine)
    sqlite_features.create_search_index(engine)
    with Session(engine) as session:
        if session.get(models.Meta, "schema_version") is None:
            session.add(models.Meta(key="schema_version", value=str(models.SCHEMA_VERSION)))
            session.commit()
    return engine


def _check_schema_version(engine: Engine) -> None:
    """Refuse a newer database; upgrade an older one (see `timeline.migrations`)."""
    with Session(engine) as session:
        row = session.get(models.Meta, "schema_version")
    found = int(row.value) if row else 0
    if found > models.SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"database schema version {found} is newer than this tool supports "
            f"({models.SCHEMA_VERSION}); upgrade diplomatic-timeline"
        )
    if row is not None and found < models.SCHEMA_VERSION:
        migrations.upgrade(engine, found, models.SCHEMA_VERSION)
