"""Annotation from the keyboard: saved at once, kept after reopening, seen by the CSV export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner
from sqlmodel import Session, select

from timeline.cli import cli
from timeline.db import open_database
from timeline.models import Mention
from tui.app import TimelineApp, make_app
from tui.screens.dialogs import NoteEditor, TextPrompt
from tui.screens.event_form import EventForm

from background import ingest_in_background
from conftest import settle


def exported(db: str, *args: str) -> list[dict[str, str]]:
    """The CSV export of the database, with extra filter arguments."""
    result = CliRunner().invoke(cli, ["export", "--db", db, *args], catch_exceptions=False)
    return list(csv.DictReader(io.StringIO(result.stdout)))


async def reopened_row(db: str, event_id: int) -> dict[str, str]:
    """The event as a fresh app and the CSV export see it."""
    app = make_app(f"sqlite:///{db}")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert event_id in app.timeline.table.rows_by_id
    return next(row for row in exported(db) if row["event_id"] == str(event_id))


async def test_star_confirm_reject_persist_and_export(app: TimelineApp, demo_db: str) -> None:
    """s stars, c confirms, x rejects; all saved at once and visible after reopening."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.timeline.table
        first, second = table.order[0], table.order[1]
        await pilot.press("s", "c")
        await pilot.press("j", "x")
        await settle(app, pilot)
        assert table.rows_by_id[first].starred and table.rows_by_id[first].status == "confirmed"
        assert table.rows_by_id[second].status == "rejected"
    row = await reopened_row(demo_db, first)
    assert (row["starred"], row["status"]) == ("true", "confirmed")
    assert next(r for r in exported(demo_db) if r["event_id"] == str(second))["status"] == "rejected"
    assert [r["event_id"] for r in exported(demo_db, "--starred")] == [str(first)]


async def test_tags_are_added_and_removed_with_completion(app: TimelineApp, demo_db: str) -> None:
    """t opens a prompt: +tag adds, -tag removes; existing tags are offered."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        event_id = app.timeline.table.current_event.event_id
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"+sahel +check", "enter")
        await settle(app, pilot)
        assert app.timeline.table.rows_by_id[event_id].tags == ("check", "sahel")
        await pilot.press("t")
        await pilot.pause()
        assert "+sahel" in app.screen.suggestions
        app.screen.query_one("#prompt-input").value = "-check"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.timeline.table.rows_by_id[event_id].tags == ("sahel",)
    assert (await reopened_row(demo_db, event_id))["tags"] == "sahel"


async def test_note_editor_saves_multiple_lines(app: TimelineApp, demo_db: str) -> None:
    """n opens a multi-line editor; ctrl+s saves the note."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        event_id = app.timeline.table.current_event.event_id
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"first line", "enter", *"second line", "ctrl+s")
        await settle(app, pilot)
    assert (await reopened_row(demo_db, event_id))["note"] == "first line\nsecond line"


async def test_undo_restores_the_previous_annotation(app: TimelineApp, demo_db: str) -> None:
    """u undoes the last change, in the database too."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        event_id = app.timeline.table.current_event.event_id
        await pilot.press("s")
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press("u")
        await settle(app, pilot)
        row = app.timeline.table.rows_by_id[event_id]
        assert (row.starred, row.status) == (True, "unreviewed")
        await pilot.press("u")
        await settle(app, pilot)
        assert app.timeline.table.rows_by_id[event_id].starred is False
    row = await reopened_row(demo_db, event_id)
    assert (row["starred"], row["status"]) == ("false", "unreviewed")


async def test_bulk_actions_on_a_selection(app: TimelineApp, demo_db: str) -> None:
    """space selects rows; c and t then apply to every selected event."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.timeline.table
        chosen = table.order[:3]
        await pilot.press("space", "space", "space")
        assert table.selected == set(chosen)
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press("t", *"+bulk", "enter")
        await settle(app, pilot)
        assert all(table.rows_by_id[i].status == "confirmed" for i in chosen)
        assert table.rows_by_id[table.order[3]].status == "unreviewed"
    rows = exported(demo_db, "--tag", "bulk")
    assert sorted(int(r["event_id"]) for r in rows) == sorted(chosen)


async def test_correction_is_stored_beside_the_machine_values(app: TimelineApp, demo_db: str) -> None:
    """e corrects date, type and place; the row shows ✎; the extracted mention is unchanged."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        current = app.timeline.table.current_event
        event_id, machine_type = current.event_id, current.event_type
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventForm)
        form.query_one("#form-date").value = "2025-04-03"
        form.query_one("#form-type").value = "summit"
        form.query_one("#form-location").value = "Niamey"
        form.query_one("#form-actors").value = "Niger; Mali"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        row = app.timeline.table.rows_by_id[event_id]
        assert (row.event_type, row.location, row.is_corrected) == ("summit", "Niamey", True)
        assert set(row.countries) == {"NER", "MLI"}
    exported_row = next(r for r in exported(demo_db) if r["event_id"] == str(event_id))
    assert (exported_row["date"], exported_row["event_type"]) == ("2025-04-03", "summit")
    with Session(open_database(f"sqlite:///{demo_db}")) as session:
        mention = session.exec(select(Mention).where(Mention.event_id == event_id)).first()
        assert mention is not None and mention.event_type == machine_type


async def test_manual_event_is_added_to_the_article(app: TimelineApp, demo_db: str) -> None:
    """a adds an event by hand to the highlighted article."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_events = [
            i
            for i, row in app.timeline.table.rows_by_id.items()
            if row.article_id == app.timeline.table.current_event.article_id
        ]
        before = len(exported(demo_db))
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#form-date").value = "2025-06"
        form.query_one("#form-type").value = "visit"
        form.query_one("#form-summary").value = "Researcher-added visit"
        form.query_one("#form-actors").value = "Senegal"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    rows = exported(demo_db)
    assert len(rows) == before + 1
    added = next(r for r in rows if r["summary"] == "Researcher-added visit")
    assert (added["date"], added["precision"], added["event_type"], added["countries"]) == (
        "2025-06",
        "month",
        "visit",
        "SEN",
    )
    assert (
        added["article_title"]
        == next(
            r for r in rows if r["event_id"] != added["event_id"] and int(r["event_id"]) in article_events
        )["article_title"]
    )


async def test_saved_views_are_named_and_recalled(app: TimelineApp) -> None:
    """A filter set saved under a name comes back from the saved views list."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Moscou", "enter")
        await settle(app, pilot)
        moscow = list(app.timeline.table.order)
        app.ask_save_view()
        await pilot.pause()
        await pilot.press(*"moscow", "enter")
        await pilot.pause()
        app.timeline.query_one("#query").value = ""
        await settle(app, pilot)
        assert len(app.timeline.table.order) > len(moscow)
        app.ask_load_view()
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.timeline.table.order == moscow
        assert app.timeline.query_one("#query").value == "Moscou"


async def test_export_of_the_current_view(app: TimelineApp, tmp_path: Path) -> None:
    """The export command writes the filtered view with the CLI's columns."""
    target = tmp_path / "view.csv"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Ankara", "enter")
        await settle(app, pilot)
        shown = [str(i) for i in app.timeline.table.order]
        app.ask_export("csv")
        await pilot.pause()
        app.screen.query_one("#prompt-input").value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [row["event_id"] for row in rows] == shown
    assert list(rows[0])[:3] == ["event_id", "date", "date_end"]


async def test_a_save_that_did_not_see_another_is_refused_and_both_are_shown(
    app: TimelineApp, demo_db: str
) -> None:
    """Two researchers on one event: the later save wins only if it saw the earlier one."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        event_id = app.timeline.table.current_event.event_id
        CliRunner().invoke(cli, ["annotate", "--db", demo_db, str(event_id), "--note", "from elsewhere"])
        await pilot.press("s")
        await settle(app, pilot)
        row = app.timeline.table.rows_by_id[event_id]
        assert (row.note, row.starred) == ("from elsewhere", False)
        messages = [notification.message for notification in app._notifications]
        assert any(
            "changed elsewhere" in m and "from elsewhere" in m and "starred True" in m for m in messages
        )
        await pilot.press("s")
        await settle(app, pilot)
        assert app.timeline.table.rows_by_id[event_id].starred is True
    row = await reopened_row(demo_db, event_id)
    assert (row["note"], row["starred"]) == ("from elsewhere", "true")


async def test_annotating_in_the_tui_while_an_ingest_runs(
    app: TimelineApp, demo_db: str, tmp_path: Path
) -> None:
    """A researcher stars events while another process ingests into the same database: no lock
    error reaches the screen and every star is kept."""
    corpus = tmp_path / "incoming"
    corpus.mkdir()
    for n in range(150):
        (corpus / f"a{n:03d}.txt").write_text(
            f"Published: 2025-06-05\n\nLe {1 + n % 27} mai 2025, le Ghana et le Togo ont signé l'accord {n} à Lomé.\n",
            encoding="utf-8",
        )
    ingest = ingest_in_background(demo_db, corpus)
    starred = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.timeline.table
        while ingest.poll() is None and len(starred) < 30:
            starred.append(table.current_event.event_id)
            await pilot.press("s", "j")
            await settle(app, pilot)
        assert starred, "the ingest finished before the first keystroke"
        messages = [str(notification.message) for notification in app._notifications]
        assert not [m for m in messages if "locked" in m or "rror" in m]
    _, stderr = ingest.communicate(timeout=300)
    assert ingest.returncode == 0 and "locked" not in stderr
    assert {int(r["event_id"]) for r in exported(demo_db, "--starred")} == set(starred)
