"""Everything SQLite-specific: pragmas, the FTS5 index and its query syntax.

Other modules stay portable SQLModel/SQLAlchemy so that a PostgreSQL URL keeps working; they call
these functions, which do nothing (or fall back) on other databases.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

from sqlalchemy import Table, insert, text
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from timeline.errors import QueryAbandoned

BUSY_TIMEOUT_MS = 10_000
STEPS_BETWEEN_CHECKS = 200_000
"""SQLite virtual-machine steps between two looks at whether a running query is still wanted: at
most a twentieth of a second of the heaviest queries (a full-text probe per event runs about 4,000
steps a millisecond). Each look needs the interpreter lock, which the terminal UI's drawing holds:
every 1,000 steps, they made a filter's rows appear a fifth later."""


def is_sqlite(engine_or_session: Engine | Session) -> bool:
    """Tell whether the engine (or the session's bind) is SQLite."""
    bind = engine_or_session.get_bind() if isinstance(engine_or_session, Session) else engine_or_session
    return bind.dialect.name == "sqlite"


def configure_connections(engine: Engine) -> None:
    """Put every new SQLite connection in WAL mode with a busy timeout and foreign keys on."""
    if not is_sqlite(engine):
        return

    @sa_event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()


def insert_rows(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows (all with the same keys) in one executemany.

    On SQLite the values go to the driver as they are once each column's type has converted
    them: SQLAlchemy's general path costs more than the inserts themselves on this hot path."""
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    convert = [(name, table.c[name].type.bind_processor(connection.dialect)) for name in names]
    values = [
        tuple(row[name] if to_driver is None else to_driver(row[name]) for name, to_driver in convert)
        for row in rows
    ]
    columns, slots = ", ".join(names), ", ".join("?" * len(names))
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({slots})", values)


def insert_rows_returning_ids(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> list[int]:
    """Insert rows without ids (see `insert_rows`) and return the ids they were given, in order.

    SQLite gives a row inserted without an id the table's largest id plus one, and an insert
    holds the write lock until the transaction ends: the new rows are the last ids of the table.
    Other databases return them with the rows."""
    if not rows:
        return []
    if connection.dialect.name != "sqlite":
        returning = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(connection.execute(returning, list(rows)).scalars())
    insert_rows(connection, table, rows)
    last = connection.exec_driver_sql(f"SELECT max(id) FROM {table.name}").scalar_one()
    return list(range(last - len(rows) + 1, last + 1))


SEARCH_COLUMNS = "title, summary, evidence, actors, tokenize = 'unicode61 remove_diacritics 2'"


class SearchEntry(NamedTuple):
    """What the search index holds of an event: its article's title, its summary, the wordings
    that report it and the names of its actors (a person named outside the dated sentence is
    still found)."""

    event_id: int
    title: str
    summary: str
    evidence: str
    actors: str


def create_search_index(engine: Engine) -> None:
    """Create the FTS5 table over event title, summary, evidence and actors (SQLite only)."""
    if not is_sqlite(engine):
        return
    with engine.begin() as connection:
        _create_search_tables(connection)


def _create_search_tables(connection: Connection) -> None:
    connection.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS event_fts USING fts5({SEARCH_COLUMNS})"))
    connection.execute(
        text("CREATE VIRTUAL TABLE IF NOT EXISTS event_fts_vocab USING fts5vocab(event_fts, 'row')")
    )


def rebuild_search_index(connection: Connection) -> None:
    """Make the search index again from the stored events (after its columns changed)."""
    if connection.dialect.name != "sqlite":
        return
    connection.execute(text("DROP TABLE IF EXISTS event_fts_vocab"))
    connection.execute(text("DROP TABLE IF EXISTS event_fts"))
    _create_search_tables(connection)
    connection.execute(
        text(
            "INSERT INTO event_fts(rowid, title, summary, evidence, actors) "
            "SELECT e.id, coalesce(a.title, ''), e.summary, "
            " coalesce((SELECT group_concat(evidence, ' ') FROM (SELECT m.evidence FROM mention m"
            "  WHERE m.event_id = e.id GROUP BY m.evidence ORDER BY min(m.id))), ''), "
            " coalesce((SELECT group_concat(actor.name, ' ') FROM eventactor"
            "  JOIN actor ON actor.id = eventactor.actor_id WHERE eventactor.event_id = e.id), '') "
            "FROM event e LEFT JOIN article a ON a.id = e.article_id"
        )
    )
    connection.execute(text("INSERT INTO event_fts(event_fts) VALUES ('optimize')"))  # one segment


def index_events(session: Session, entries: Iterable[SearchEntry], *, new: bool = False) -> None:
    """Add or replace events' rows in the search index (`new` events have none to replace)."""
    if not is_sqlite(session):
        return
    params = [entry._asdict() for entry in entries]
    if not params:
        return
    if not new:
        unindex_events(session, [row["event_id"] for row in params])
    session.execute(
        text(
            "INSERT INTO event_fts(rowid, title, summary, evidence, actors) "
            "VALUES (:event_id, :title, :summary, :evidence, :actors)"
        ),
        params,
    )


def unindex_events(session: Session, event_ids: Iterable[int]) -> None:
    """Remove events from the search index."""
    if not is_sqlite(session):
        return
    params = [{"id": event_id} for event_id in event_ids]
    if params:
        session.execute(text("DELETE FROM event_fts WHERE rowid = :id"), params)


def fts_query(user_text: str, prefix_terms: list[str] | None = None) -> str:
    """Turn free text into an FTS5 query: every word must appear (prefix match on the last).

    Quoting each token keeps FTS5 operators and punctuation in user input from being parsed.
    With `prefix_terms` (the indexed words the last one begins), the prefix is spelled out as
    those words, which FTS5 can test row by row far faster than a prefix.
    """
    tokens = re.findall(r"\w+", user_text)
    if not tokens:
        return '""'
    quoted = [f'"{token}"' for token in tokens]
    if prefix_terms is None:
        quoted[-1] += "*"
        return " ".join(quoted)
    quoted[-1] = "(" + " OR ".join(f'"{term}"' for term in prefix_terms) + ")"
    return " AND ".join(quoted)


COMMON_MATCH_SHARE = 0.1
"""A search expected to match more than this share of events is answered by walking events in
date order and probing the index for each (a page fills within a few hundred rows); a rarer one
by collecting its matches first (walking in date order could cross the whole table)."""
PROBED_PREFIX_TERMS = 8
"""A prefix that begins more indexed words than this is collected, not probed."""
COLLECTED = "event.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH :fts_query)"
PROBED = "EXISTS (SELECT 1 FROM event_fts WHERE event_fts MATCH :fts_query AND event_fts.rowid = event.id)"


def search_condition(session: Session, user_text: str, *, probe_if_common: bool) -> Any | None:
    """The condition on `event.id` for a full-text search, or None off SQLite (the caller then
    falls back to LIKE). With `probe_if_common` (one page in date order is wanted), the plan is
    chosen by how common the words are (read from the index's vocabulary, which costs next to
    nothing); counts and full listings always collect matches first."""
    if not is_sqlite(session):
        return None
    words = [_folded(token) for token in re.findall(r"\w+", user_text)]
    if probe_if_common and words:
        terms = _prefix_terms(session, words[-1])
        indexed = session.execute(text("SELECT coalesce(max(rowid), 0) FROM event_fts")).scalar_one()
        if terms and _expected_share(session, words[:-1], terms, indexed) > COMMON_MATCH_SHARE:
            return text(PROBED).bindparams(fts_query=fts_query(user_text, terms))
    return text(COLLECTED).bindparams(fts_query=fts_query(user_text))


def _folded(word: str) -> str:
    """A word as the index stores it: lower case, without diacritics."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def _prefix_terms(session: Session, prefix: str) -> list[str] | None:
    """The indexed words that begin with `prefix`, if there are only a few."""
    terms = (
        session.execute(
            text("SELECT term FROM event_fts_vocab WHERE term >= :low AND term < :high LIMIT :limit"),
            {"low": prefix, "high": prefix + "\U0010ffff", "limit": PROBED_PREFIX_TERMS + 1},
        )
        .scalars()
        .all()
    )
    return list(terms) if 0 < len(terms) <= PROBED_PREFIX_TERMS else None


def _expected_share(session: Session, words: list[str], last_terms: list[str], indexed: int) -> float:
    """The share of rows expected to hold every word, taking the words as independent."""
    share = min(1.0, _rows_with(session, last_terms) / max(indexed, 1))
    for word in words:
        share *= _rows_with(session, [word]) / max(indexed, 1)
    return share


def _rows_with(session: Session, terms: list[str]) -> int:
    listed = "SELECT value FROM json_each(:terms)"
    found = session.execute(
        text(f"SELECT coalesce(sum(doc), 0) FROM event_fts_vocab WHERE term IN ({listed})"),
        {"terms": json.dumps(terms)},
    ).scalar_one()
    return int(found)


@contextmanager
def abandoned_when(session: Session, unwanted: Callable[[], bool]) -> Iterator[None]:
    """Stop the session's running query as soon as `unwanted()` is true, raising
    `QueryAbandoned`: a browser that moved on to new filters frees the database and the CPU at
    once. Off SQLite the query runs to its end."""
    if not is_sqlite(session):
        yield
        return
    driver = session.connection().connection.driver_connection
    driver.set_progress_handler(lambda: int(unwanted()), STEPS_BETWEEN_CHECKS)  # type: ignore[union-attr]
    try:
        yield
    except OperationalError as error:
        if unwanted():
            raise QueryAbandoned from error
        raise
    finally:
        driver.set_progress_handler(None, 0)  # type: ignore[union-attr]


def data_version(session: Session) -> tuple[int, int] | None:
    """A token that changes whenever another connection commits to the database (SQLite's
    `PRAGMA data_version` counts per connection, so the connection is part of the token); None
    off SQLite, where the caller must assume anything may have changed."""
    if not is_sqlite(session):
        return None
    connection = session.connection()
    version = connection.exec_driver_sql("PRAGMA data_version").scalar_one()
    return id(connection.connection.driver_connection), int(version)


def backup(engine: Engine, target: str) -> None:
    """Copy a live database with SQLite's online backup API (safe while others write)."""
    import sqlite3

    if not is_sqlite(engine):
        raise ValueError("backup works on SQLite databases; use your server's tools for others")
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(target)
        with destination:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
        destination.close()
    finally:
        raw.close()


def check(engine: Engine) -> list[str]:
    """Problems found by `PRAGMA integrity_check` and `PRAGMA foreign_key_check`; empty if none."""
    if not is_sqlite(engine):
        return []
    with engine.connect() as connection:
        integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
        problems = [] if integrity == ["ok"] else integrity
        for table, rowid, parent, _ in connection.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"{table} row {rowid} points to a missing {parent}")
    return problems
