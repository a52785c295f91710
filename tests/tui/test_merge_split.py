"""Merging events and splitting mentions from the keyboard, with undo, kept across re-ingest."""

from __future__ import annotations

from click.testing import CliRunner
from sqlmodel import Session, select

from timeline.cli import cli
from timeline.config import data_dir
from timeline.db import open_database
from timeline.models import Mention
from tui.app import make_app
from tui.screens.dialogs import ChoicePrompt

from conftest import settle


def events_of(db: str) -> dict[int, set[int]]:
    """Event id -> its mention ids."""
    grouped: dict[int, set[int]] = {}
    with Session(open_database(f"sqlite:///{db}")) as session:
        for mention in session.exec(select(Mention)).all():
            grouped.setdefault(mention.event_id, set()).add(mention.id)
    return grouped


def ingest(db: str, *args: str) -> None:
    CliRunner().invoke(cli, ["ingest", "--db", db, *args], catch_exceptions=False)


async def test_merge_split_and_undo_persist_across_reingest(tmp_path) -> None:
    """m merges the selection, S splits a mention out, u undoes; re-ingest keeps the result."""
    db = str(tmp_path / "clusters.db")
    folder = str(data_dir() / "clusters" / "articles")
    ingest(db, folder)
    before = events_of(db)
    app = make_app(f"sqlite:///{db}")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.timeline.table
        first, second = table.order[0], table.order[1]
        await pilot.press("space", "space", "m")
        await settle(app, pilot)
        merged = events_of(db)
        assert merged[first] == before[first] | before[second] and second not in merged
        await pilot.press("u")
        await settle(app, pilot)
        assert sorted(map(sorted, events_of(db).values())) == sorted(map(sorted, before.values()))
        several = next(event_id for event_id, mentions in before.items() if len(mentions) > 1)
        table = app.timeline.table
        table.move_to(several)
        await settle(app, pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        after_split = events_of(db)
        assert len(after_split) == len(before) + 1
    ingest(db, folder)
    ingest(db, "--reextract")
    assert sorted(map(sorted, events_of(db).values())) == sorted(map(sorted, after_split.values()))
