"""Reading RSS and Atom feeds: each entry is an article (its full content when the feed carries
it, else its summary).

feedparser copes with every feed dialect in use, with broken feeds and with dates in any RFC
form; it never expands entity declarations, so an entity bomb stays a short string.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from typing import Any

from timeline.errors import InputError
from timeline.ingest.records import RawArticle, ReadFailure

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
BLOCK_TAGS = ("p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def read_feed(data: bytes, source: str) -> Iterator[RawArticle | ReadFailure]:
    """Every entry of a feed given as bytes (never as a string: feedparser would take a string
    for a URL or a file name and fetch it)."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        yield ReadFailure(source, "not a feed, or a feed without entries")
        return
    channel = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{number}"
        try:
            yield _entry_article(entry, where, channel)
        except InputError as error:
            yield ReadFailure(where, str(error))


def _entry_article(entry: Any, source: str, channel: Any) -> RawArticle:
    contents = [c.get("value", "") for c in entry.get("content", [])]
    text = html_fragment_text(max(contents, key=len, default="") or entry.get("summary", ""))
    if not text:
        raise InputError("no article text")
    return RawArticle(
        source=source,
        text=text,
        title=(html_fragment_text(entry.get("title", "")) or text.split("\n", 1)[0])[:500],
        url=entry.get("link") or None,
        published=_entry_date(entry),
        language=(entry.get("language") or channel.get("language") or None),
        outlet=channel.get("title") or None,
    )


def _entry_date(entry: Any) -> date | None:
    struct: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(struct.tm_year, struct.tm_mon, struct.tm_mday) if struct else None


def html_fragment_text(fragment: str) -> str:
    """The text of an HTML fragment, a paragraph per line, entities decoded."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml rejects some fragments (only comments, control characters)
        return fragment.strip()
    for block in root.iter(*BLOCK_TAGS):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n\n".join(line for line in lines if line)
