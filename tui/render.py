"""Turning read models into Rich `Text`: article text is data, never markup, and terminal
control sequences are stripped before display."""

from __future__ import annotations

from rich.text import Text

from timeline.console import facts_text, safe
from timeline.presentation import date_label
from timeline.service import EventDetail


def detail_text(detail: EventDetail) -> Text:
    """The detail pane: what, when, the evidence in its paragraph, the article, the annotation."""
    row = detail.row
    text = Text()
    text.append(date_label(row), style="bold")
    text.append(f"  {row.event_type} · {row.modality}")
    if row.is_corrected:
        text.append("  ✎ corrected", style="italic")
    if row.is_manual:
        text.append("  ✚ added by hand", style="italic")
    if row.date_conflict:
        text.append("  ⚠ sources disagree on the date", style="bold red")
    text.append("\n")
    text.append_text(safe(row.summary, "bold"))
    text.append("\n\n")
    context = detail.context
    if context is not None and context.paragraph:
        paragraph = safe(context.paragraph)
        paragraph.stylize("bold underline", *context.sentence)
        if context.date_expression[1] > context.date_expression[0]:
            paragraph.stylize("reverse", *context.date_expression)
        text.append_text(paragraph)
        text.append("\n")
        if context.date_text:
            text.append_text(safe(f"date “{context.date_text}” — {context.derivation}\n", "dim"))
    elif row.evidence:
        text.append_text(safe(row.evidence))
        text.append("\n")
    text.append("\n")
    text.append_text(facts_text(row))
    if len(detail.mentions) > 1 or row.sources > 1:
        earliest = f" · first reported {row.first_reported}" if row.first_reported else ""
        text.append(
            f"\nreported by {row.sources} source(s) in {len(detail.mentions)} article(s){earliest}\n",
            style="dim",
        )
        for mention in detail.mentions:
            when = mention.date_text or str(mention.date_start)
            text.append_text(safe(f"  {mention.outlet or '?'} · {when} · {mention.language} — ", "bold"))
            text.append_text(safe(mention.evidence[:160]))
            text.append("\n")
    if detail.siblings:
        text.append("\nalso in this article\n", style="dim")
        for sibling in detail.siblings[:8]:
            text.append(f"  {date_label(sibling):<12} ")
            text.append_text(safe(sibling.summary))
            text.append("\n")
    return text
