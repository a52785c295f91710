"""The whole article with every event highlighted; n / p jump between them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from timeline.browse import ArticleView
from timeline.console import safe


class ArticleScreen(Screen[int | None]):
    """Read an article; Enter returns to the timeline on the event under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_event", "Next event", id="article.next", tooltip="Jump to the next event"),
        Binding("p", "previous_event", "Previous event", id="article.previous"),
        Binding("enter", "choose", "Go to event", id="article.choose"),
        Binding("escape,o", "close", "Back", id="article.close"),
    ]

    def __init__(self, article: ArticleView, current_event_id: int | None) -> None:
        super().__init__()
        self.article = article
        self.marks = [mark for mark in article.events if mark.sentence[1] > mark.sentence[0]]
        ids = [mark.event_id for mark in self.marks]
        self.position = ids.index(current_event_id) if current_event_id in ids else 0

    def compose(self) -> ComposeResult:
        header = Text()
        header.append_text(safe(self.article.title, "bold"))
        header.append("\n")
        meta = " · ".join(
            part
            for part in (
                self.article.outlet,
                str(self.article.published or ""),
                self.article.url or self.article.source,
            )
            if part
        )
        header.append_text(safe(meta, "dim"))
        yield Static(header, id="article-header")
        with VerticalScroll(id="article-scroll"):
            yield Static(id="article-body")
        yield Footer()

    def on_mount(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Highlight every event; the current one stands out."""
        body = safe(self.article.text)
        for index, mark in enumerate(self.marks):
            current = index == self.position
            body.stylize("bold reverse" if current else "underline", *mark.sentence)
            if mark.date_expression[1] > mark.date_expression[0]:
                body.stylize("bold yellow", *mark.date_expression)
        self.query_one("#article-body", Static).update(body)
        if self.marks:
            line = self.article.text.count("\n", 0, self.marks[self.position].sentence[0])
            self.query_one("#article-scroll", VerticalScroll).scroll_to(y=max(0, line - 2), animate=False)
            self.sub_title = (
                f"event {self.position + 1} of {len(self.marks)}: {self.marks[self.position].summary}"
            )

    def action_next_event(self) -> None:
        if self.marks:
            self.position = (self.position + 1) % len(self.marks)
            self.redraw()

    def action_previous_event(self) -> None:
        if self.marks:
            self.position = (self.position - 1) % len(self.marks)
            self.redraw()

    def action_choose(self) -> None:
        self.dismiss(self.marks[self.position].event_id if self.marks else None)

    def action_close(self) -> None:
        self.dismiss(None)
