"""Where things live: the default database and the bundled data folder."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV_VAR = "TIMELINE_DB"


def data_dir() -> Path:
    """Return the folder of gazetteers, lexicons and the demo corpus.

    An installed wheel carries it as `timeline/_data`; a source checkout has it at the top.
    """
    packaged = Path(__file__).parent / "_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "data"


def default_db_path() -> Path:
    """Return the database file used when neither `--db` nor `TIMELINE_DB` is given."""
    from platformdirs import user_data_path

    return user_data_path("diplomatic-timeline", appauthor=False) / "timeline.db"


def resolve_db_url(db: str | None) -> str:
    """Turn a `--db` value (path or SQLAlchemy URL), `TIMELINE_DB` or the default into a URL."""
    value = db or os.environ.get(DB_ENV_VAR) or str(default_db_path())
    if "://" in value:
        return value
    path = Path(value).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def describe_db(url: str) -> str:
    """Return a short, password-free name for a database URL, for headers and messages."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
