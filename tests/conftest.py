"""Shared fixtures: an isolated data folder, CLI runner helpers and small article files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from timeline.cli import cli
from timeline.config import data_dir

SEED = data_dir() / "demo" / "aes-russia-2025-04.txt"


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep every test away from the user's real database and data folder."""
    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    yield


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A fresh database path for one test."""
    return str(tmp_path / "timeline.db")


def run(*args: str, input: str | None = None) -> Result:
    """Invoke the CLI in-process and return its result (exceptions propagate)."""
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def export_rows(db: str, *args: str) -> list[dict[str, object]]:
    """Export as JSON with extra arguments and parse the rows."""
    result = run("export", "--db", db, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def write_article(folder: Path, name: str, body: str, **header: str) -> Path:
    """Write a text article with an optional header block."""
    lines = [f"{key.capitalize()}: {value}" for key, value in header.items()]
    content = ("\n".join(lines) + "\n\n" if lines else "") + body
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path
