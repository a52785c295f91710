"""The annotation keys of the timeline screen: star, confirm, reject, tags, note, correct,
add by hand, select for bulk actions, undo. Every change is saved at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.binding import Binding, BindingType

from timeline.annotations import Correction
from timeline.errors import AnnotationConflict
from timeline.export import format_date
from timeline.extraction.event_types import event_types
from tui.messages import RowsChanged
from tui.screens.dialogs import ChoicePrompt, NoteEditor, TextPrompt
from tui.screens.event_form import EventForm, EventValues

UndoStep = tuple[str, Any]
"""("annotation", states) | ("merge", (kept event, moved mentions by event)) |
("split", (mentions, original event))."""

if TYPE_CHECKING:
    from timeline.service import TimelineService
    from tui.widgets import EventTable


class AnnotationActions:
    """Mixed into the timeline screen, which provides `service`, `table` and `suggestions`."""

    service: TimelineService
    suggestions: dict[str, list[str]]
    undo_stack: list[UndoStep]
    table: EventTable

    ANNOTATION_BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "star", "Star", id="star", tooltip="Star or unstar (selection or current)"),
        Binding("c", "confirm", "Confirm", id="confirm", tooltip="Confirm the event"),
        Binding("x", "reject", "Reject", id="reject", tooltip="Reject the event"),
        Binding("t", "tags", "Tags", id="tags", tooltip="Add (+tag) or remove (-tag) tags"),
        Binding("n", "note", "Note", id="note", tooltip="Edit the note"),
        Binding("e", "correct", "Correct", id="correct", tooltip="Correct date, type, actors, place"),
        Binding("a", "add_event", "Add", show=False, id="add", tooltip="Add an event by hand"),
        Binding("space", "select", "Select", show=False, id="select", tooltip="Select for bulk actions"),
        Binding("m", "merge", "Merge", id="merge", tooltip="Merge the selected events into one"),
        Binding("S", "split", "Split", show=False, id="split", tooltip="Split a mention out of the event"),
        Binding("u", "undo", "Undo", id="undo", tooltip="Undo the last change"),
    ]

    def _targets(self) -> list[int]:
        return self.table.target_ids()

    @work(thread=True, exit_on_error=False, group="annotate")
    def save_annotation(self, event_ids: list[int], changes: dict[str, Any]) -> None:
        """Snapshot for undo, apply, and redraw the rows."""
        seen = {
            i: self.table.rows_by_id[i].annotation_revision for i in event_ids if i in self.table.rows_by_id
        }
        before = self.service.snapshot(event_ids)
        try:
            rows = self.service.annotate(event_ids, seen=seen, **changes)
        except AnnotationConflict as conflict:
            # show theirs in the table, and say what was not saved
            self.post_message(RowsChanged(self.service.rows(event_ids)))  # type: ignore[attr-defined]
            yours = ", ".join(f"{key} {value}" for key, value in changes.items() if value not in ((), None))
            message = f"{conflict} — yours was: {yours}"
            self.app.call_from_thread(self.app.notify, message, severity="warning", timeout=15)  # type: ignore[attr-defined]
            return
        self._remember(("annotation", before))
        self.post_message(RowsChanged(rows))  # type: ignore[attr-defined]

    def _remember(self, step: UndoStep) -> None:
        if not hasattr(self, "undo_stack"):
            self.undo_stack = []
        self.undo_stack.append(step)

    def action_select(self) -> None:
        self.table.toggle_selection()
        self.table.action_cursor_down()

    def action_star(self) -> None:
        ids = self._targets()
        if ids:
            starred = not all(self.table.rows_by_id[i].starred for i in ids if i in self.table.rows_by_id)
            self.save_annotation(ids, {"starred": starred})

    def _toggle_status(self, status: str) -> None:
        ids = self._targets()
        if ids:
            already = all(
                self.table.rows_by_id[i].status == status for i in ids if i in self.table.rows_by_id
            )
            self.save_annotation(ids, {"status": "unreviewed" if already else status})

    def action_confirm(self) -> None:
        self._toggle_status("confirmed")

    def action_reject(self) -> None:
        self._toggle_status("rejected")

    def action_tags(self) -> None:
        ids = self._targets()
        if not ids:
            return
        current = self.table.rows_by_id.get(ids[0])
        existing = " ".join(f"+{tag}" for tag in current.tags) if current and len(ids) == 1 else ""
        tags = self.service.tags()
        suggestions = [f"+{t}" for t in tags] + [f"-{t}" for t in tags]

        def apply(answer: str | None) -> None:
            if not answer:
                return
            words = answer.replace(",", " ").split()
            add = [w.lstrip("+") for w in words if not w.startswith("-")]
            remove = [w[1:] for w in words if w.startswith("-")]
            self.save_annotation(ids, {"add_tags": add, "remove_tags": remove})

        prompt = TextPrompt("Tags: +tag adds, -tag removes", value=existing, suggestions=suggestions)
        self.app.push_screen(prompt, apply)  # type: ignore[attr-defined]

    def action_note(self) -> None:
        current = self.table.current_event
        if current is None:
            return

        def apply(note: str | None) -> None:
            if note is not None:
                self.save_annotation([current.event_id], {"note": note})

        self.app.push_screen(NoteEditor(current.note), apply)  # type: ignore[attr-defined]

    def action_correct(self) -> None:
        current = self.table.current_event
        if current is None:
            return
        initial = {
            "date": format_date(current.date_start, current.precision),
            "end": format_date(current.date_end, current.precision)
            if current.date_end != current.date_start
            else "",
            "precision": "",
            "type": current.event_type,
            "actors": "; ".join((*current.actors, *current.people)),
            "location": current.location or "",
            "summary": current.summary,
        }

        def apply(values: EventValues | None) -> None:
            if values is not None:
                self.save_correction(current.event_id, values)

        self.app.push_screen(self._form("Correct the event", initial), apply)  # type: ignore[attr-defined]

    @work(thread=True, exit_on_error=False, group="annotate")
    def save_correction(self, event_id: int, values: EventValues) -> None:
        before = self.service.snapshot([event_id])
        correction = Correction(
            values.date_start,
            values.date_end,
            values.precision,
            values.event_type,
            values.location,
            values.actors,
        )
        row = self.service.correct(event_id, correction)
        self._remember(("annotation", before))
        self.post_message(RowsChanged([row] if row else []))  # type: ignore[attr-defined]

    def action_add_event(self) -> None:
        current = self.table.current_event
        if current is None:
            return
        initial = {
            "date": "",
            "precision": "",
            "type": "other",
            "actors": "",
            "location": "",
            "summary": "",
        }

        def apply(values: EventValues | None) -> None:
            if values is not None:
                self.save_manual_event(current.article_id, values)

        self.app.push_screen(self._form("Add an event to this article", initial), apply)  # type: ignore[attr-defined]

    @work(thread=True, exit_on_error=False, group="annotate")
    def save_manual_event(self, article_id: int, values: EventValues) -> None:
        self.service.add_manual_event(
            article_id,
            date_start=values.date_start,
            date_end=values.date_end,
            precision=values.precision,
            event_type=values.event_type,
            summary=values.summary,
            location=values.location,
            actors=values.actors,
        )
        self.app.call_from_thread(self.reload)  # type: ignore[attr-defined]

    def action_merge(self) -> None:
        ids = self.table.target_ids()
        if len(ids) < 2:
            self.app.notify("Select two or more events (space) to merge them")  # type: ignore[attr-defined]
            return
        self.merge_events(ids)

    @work(thread=True, exit_on_error=False, group="annotate")
    def merge_events(self, event_ids: list[int]) -> None:
        keep, moved = self.service.merge(event_ids)
        self._remember(("merge", (keep, moved)))
        self.app.call_from_thread(self._after_structure_change, keep)  # type: ignore[attr-defined]

    def action_split(self) -> None:
        current = self.table.current_event
        if current is None:
            return
        detail = self.service.detail(current.event_id)
        if detail is None or len(detail.mentions) < 2:
            self.app.notify("This event has a single mention")  # type: ignore[attr-defined]
            return
        choices = [
            f"{m.mention_id}: {m.outlet or '?'} · {m.date_text or m.date_start} — {m.evidence[:70]}"
            for m in detail.mentions
        ]

        def split(choice: str | None) -> None:
            if choice:
                self.split_mention(int(choice.split(":", 1)[0]), current.event_id)

        self.app.push_screen(ChoicePrompt("Split which mention into its own event?", choices), split)  # type: ignore[attr-defined]

    @work(thread=True, exit_on_error=False, group="annotate")
    def split_mention(self, mention_id: int, event_id: int) -> None:
        new_event = self.service.split([mention_id])
        self._remember(("split", ([mention_id], event_id)))
        self.app.call_from_thread(self._after_structure_change, new_event)  # type: ignore[attr-defined]

    def _after_structure_change(self, event_id: int) -> None:
        self.focus_after_reload = event_id
        self.reload()  # type: ignore[attr-defined]

    def action_undo(self) -> None:
        if not getattr(self, "undo_stack", None):
            self.app.notify("Nothing to undo")  # type: ignore[attr-defined]
            return
        self.undo_step(self.undo_stack.pop())

    @work(thread=True, exit_on_error=False, group="annotate")
    def undo_step(self, step: UndoStep) -> None:
        kind, payload = step
        if kind == "annotation":
            self.post_message(RowsChanged(self.service.restore(payload)))  # type: ignore[arg-type, attr-defined]
            return
        if kind == "merge":
            keep, moved = payload  # type: ignore[misc]
            for mentions in moved.values():
                if mentions:
                    self.service.split(mentions)
            self.app.call_from_thread(self._after_structure_change, keep)  # type: ignore[attr-defined]
            return
        mentions, event_id = payload  # type: ignore[misc]
        self.service.forget_split(mentions, event_id)
        self.app.call_from_thread(self._after_structure_change, event_id)  # type: ignore[attr-defined]

    def _form(self, title: str, initial: dict[str, str]) -> EventForm:
        types = sorted(event_types())
        return EventForm(title, initial, types=types, actors=self.suggestions.get("actor", []))
