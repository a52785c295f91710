"""Reading article files of every supported format into `RawArticle` records.

A reader yields either articles or `ReadFailure`s, so one bad line in a batch never stops the
others, and a bad file never stops the folder.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from timeline.errors import InputError
from timeline.ingest.feeds import FEED_SUFFIXES, read_feed
from timeline.ingest.records import RawArticle, ReadFailure

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
BATCH_SUFFIXES = {*JSONL_SUFFIXES, ".json", ".csv", *FEED_SUFFIXES}
STREAMED_SUFFIXES = {*JSONL_SUFFIXES, ".csv"}
MAX_ARTICLE_BYTES = 5_000_000
"""No news article is this long; a file or a batch record this size is a mistake (or an attack)."""
MAX_BATCH_BYTES = 2_000_000_000
"""The largest JSON document read whole; JSON Lines and CSV batches are streamed, of any size."""
SNIFF_BYTES = 65_536
HEADER_KEYS = {
    "title": "title",
    "url": "url",
    "link": "url",
    "published": "published",
    "date": "published",
    "language": "language",
    "lang": "language",
    "source": "outlet",
    "outlet": "outlet",
    "author": None,
    "note": None,
}
HEADER_LINE = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$")
HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
BATCH_FIELDS = ("title", "url", "published", "language", "source", "text")


def read_path(path: Path) -> Iterator[RawArticle | ReadFailure]:
    """Read one file (any supported format) into articles or failures.

    Memory stays bounded whatever arrives: a single article larger than `MAX_ARTICLE_BYTES` is
    refused before it is read; JSON Lines and CSV batches are streamed record by record, with
    the same limit on each record; a JSON document is read whole, up to `MAX_BATCH_BYTES`.
    """
    suffix = path.suffix.lower()
    limit = MAX_BATCH_BYTES if suffix in BATCH_SUFFIXES else MAX_ARTICLE_BYTES
    try:
        size = path.stat().st_size
        if suffix in STREAMED_SUFFIXES:
            yield from _read_stream(path, suffix)
            return
        if size > limit:
            yield ReadFailure(
                str(path), f"too large ({size / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB)"
            )
            return
        data = path.read_bytes()
    except OSError as error:
        yield ReadFailure(str(path), error.strerror or str(error))
        return
    yield from read_bytes(data, source=str(path), suffix=suffix)


def _read_stream(path: Path, suffix: str) -> Iterator[RawArticle | ReadFailure]:
    """Read a JSON Lines or CSV batch of any size one record at a time."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"
        elif b"\x00" in head:
            yield ReadFailure(str(path), "binary file, not text")
            return
        else:
            encoding = _sniff_encoding(head)
        handle.seek(0)
        text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
        if suffix == ".csv":
            yield from _read_csv(text, str(path))
        else:
            yield from _read_jsonl(_bounded_lines(text), str(path))


def _sniff_encoding(head: bytes) -> str:
    """UTF-8 when the opening bytes are UTF-8 (a character cut at the end is fine), else what
    charset-normalizer detects there."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(head).best()
        return best.encoding if best is not None else "utf-8"


def _bounded_lines(text: TextIO) -> Iterator[str | None]:
    """The lines of a stream, with None for a line too long to be an article (its text is
    skipped, never held)."""
    while line := text.readline(MAX_ARTICLE_BYTES + 1):
        if len(line) <= MAX_ARTICLE_BYTES or line.endswith("\n"):
            yield line
            continue
        while (rest := text.readline(1 << 20)) and not rest.endswith("\n"):
            pass
        yield None


def read_bytes(data: bytes, *, source: str, suffix: str = "") -> Iterator[RawArticle | ReadFailure]:
    """Read the content of one file whose format is given by its suffix (or sniffed)."""
    if suffix in FEED_SUFFIXES:
        yield from read_feed(data, source)
        return
    try:
        content = decode(data)
    except InputError as error:
        yield ReadFailure(source, str(error))
        return
    stripped = content.lstrip()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(iter(content.splitlines()), source)
    elif suffix == ".json":
        yield from _read_json(content, source)
    elif suffix == ".csv":
        yield from _read_csv(io.StringIO(content, newline=""), source)
    elif suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and stripped[:1] == "<"):
        yield _guard(source, lambda: read_html(content, source))
    else:
        yield _guard(source, lambda: read_text(content, source))


def _guard(source: str, read: Any) -> RawArticle | ReadFailure:
    try:
        return read()
    except InputError as error:
        return ReadFailure(source, str(error))


def decode(data: bytes) -> str:
    """Decode bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, else detected.

    Raises:
        InputError: the bytes are binary (a PDF, an image) or in no recognisable encoding.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("not text in any known encoding")
    return str(best)


def read_text(content: str, source: str) -> RawArticle:
    """Read plain text or Markdown, with an optional `Key: value` header block."""
    lines = content.replace("\r\n", "\n").split("\n")
    fields: dict[str, str] = {}
    body_start = 0
    first = HEADER_LINE.match(lines[0]) if lines else None
    if first and first.group(1).lower() in HEADER_KEYS:
        for index, line in enumerate(lines):
            if not line.strip():
                body_start = index + 1
                break
            header = HEADER_LINE.match(line)
            if not header or header.group(1).lower() not in HEADER_KEYS:
                body_start = index
                break
            key = HEADER_KEYS[header.group(1).lower()]
            if key:
                fields[key] = header.group(2)
        else:
            body_start = len(lines)
    body = "\n".join(lines[body_start:]).strip()
    if not body:
        raise InputError("no article text")
    title = fields.get("title") or body.split("\n", 1)[0].lstrip("# ").strip()
    return RawArticle(
        source=source,
        text=body,
        title=title[:500],
        url=fields.get("url") or None,
        published=parse_published(fields.get("published"), source),
        language=fields.get("language") or None,
        outlet=fields.get("outlet") or None,
    )


def read_html(content: str, source: str) -> RawArticle:
    """Extract the main text and metadata of an HTML page with trafilatura (boilerplate
    such as menus, cookie notices and comment forms is dropped)."""
    import trafilatura

    document = trafilatura.bare_extraction(content, with_metadata=True, include_comments=False)
    if document is None or not (document.text or "").strip():
        raise InputError("no article text found in the HTML")
    body = re.sub(r"\n+", "\n\n", document.text.strip())
    lang = HTML_LANG.search(content[:5000])
    return RawArticle(
        source=source,
        text=body,
        title=(document.title or body.split("\n", 1)[0])[:500],
        url=document.url or None,
        published=parse_published(document.date, source),
        language=lang.group(1).lower() if lang else None,
        outlet=document.sitename or None,
    )


def parse_published(value: str | None, source: str) -> date | None:
    """Parse a publication date written as ISO 8601 or in any form dateparser understands."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True})
    if parsed is None:
        raise InputError(f"unreadable publication date {value!r}")
    return parsed.date()


def _record_article(record: dict[str, Any], source: str) -> RawArticle:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("missing 'text'")
    values = {key: record.get(key) for key in BATCH_FIELDS}
    if any(value is not None and not isinstance(value, str) for value in values.values()):
        raise InputError("every field must be a string")
    return RawArticle(
        source=source,
        text=text.strip(),
        title=(values["title"] or text.strip().split("\n", 1)[0])[:500],
        url=values["url"] or None,
        published=parse_published(values["published"], source),
        language=values["language"] or None,
        outlet=values["source"] or None,
    )


def _records(records: Iterator[tuple[str, Any]]) -> Iterator[RawArticle | ReadFailure]:
    for source, record in records:
        if not isinstance(record, dict):
            yield ReadFailure(source, "not a JSON object")
            continue
        yield _guard(source, lambda record=record, source=source: _record_article(record, source))


def _read_jsonl(lines: Iterator[str | None], source: str) -> Iterator[RawArticle | ReadFailure]:
    for number, line in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if line is None:
            yield ReadFailure(where, f"line too long (over {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadFailure(where, f"invalid JSON ({error.msg})")
            continue
        yield from _records(iter([(where, record)]))


def _read_json(content: str, source: str) -> Iterator[RawArticle | ReadFailure]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        yield ReadFailure(source, f"invalid JSON ({error.msg} at line {error.lineno})")
        return
    items = data if isinstance(data, list) else [data]
    yield from _records((f"{source}#{index}", item) for index, item in enumerate(items, start=1))


def _read_csv(text: TextIO, source: str) -> Iterator[RawArticle | ReadFailure]:
    csv.field_size_limit(MAX_ARTICLE_BYTES)
    reader = csv.DictReader(text)
    try:
        if not reader.fieldnames or "text" not in [name.strip().lower() for name in reader.fieldnames]:
            yield ReadFailure(source, "CSV has no 'text' column")
            return
        for row in reader:
            where = f"{source}:{reader.line_num}"
            cleaned = {(key or "").strip().lower(): value for key, value in row.items() if key is not None}
            yield from _records(iter([(where, cleaned)]))
    except csv.Error as error:
        yield ReadFailure(f"{source}:{reader.line_num}", f"malformed CSV ({error})")


def with_overrides(article: RawArticle, *, published: date | None, language: str | None) -> RawArticle:
    """Apply `--published` and `--lang`, which win over what the file says."""
    return replace(
        article,
        published=published or article.published,
        language=language or article.language,
    )
