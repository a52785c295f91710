"""Ingest: find files, read articles, extract, store chunks of articles (one transaction each).

Progress is reported through a callback so the CLI can draw a Rich bar or print plain lines
while this module stays free of any terminal code.
"""

from __future__ import annotations

import hashlib
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from timeline import sources, sqlite_features, store
from timeline.article_writer import ArticleWriter
from timeline.candidates import CandidateIndex
from timeline.events import refresh_events
from timeline.extraction import Extraction, extract
from timeline.extraction.language import normalise_language
from timeline.extraction.lexicon import supported_languages
from timeline.held_events import HeldEvents
from timeline.ingest.heap import release_free_memory
from timeline.ingest.ordering import by_publication
from timeline.ingest.readers import (
    MAX_BATCH_BYTES,
    RawArticle,
    ReadFailure,
    read_bytes,
    read_path,
    with_overrides,
)
from timeline.models import Article

ARTICLE_SUFFIXES = {
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xhtml",
    ".json",
    ".jsonl",
    ".ndjson",
    ".csv",
    ".rss",
    ".atom",
    ".xml",
}
SKIPPED_NAMES = ("readme", "license", "licence", "changelog")
STDIN = "-"


@dataclass
class IngestSummary:
    """What an ingest run did, for the closing summary and the exit status."""

    files: int = 0
    articles: int = 0
    duplicates: int = 0
    events: int = 0
    reextracted: int = 0
    orphaned_annotations: list[int] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)


ProgressCallback = Callable[[str, IngestSummary, str], None]
"""Called with (what happened, running totals, source): what is one of "file", "article",
"duplicate", "failure", "reextracted"."""


def discover(paths: Sequence[str]) -> Iterator[str]:
    """Expand paths: files as given, folders recursively (articles only, hidden files, READMEs
    and licences skipped, symlinked folders not followed so loops cannot happen), `-` as is."""
    for given in paths:
        if given == STDIN:
            yield STDIN
            continue
        path = Path(given)
        if not path.is_dir():
            yield given
            continue
        for root, folders, files in os.walk(path, followlinks=False):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in sorted(files):
                candidate = Path(root) / name
                if _is_article_file(candidate):
                    yield str(candidate)


def _is_article_file(path: Path) -> bool:
    name = path.name.lower()
    return (
        not name.startswith(".")
        and path.suffix.lower() in ARTICLE_SUFFIXES
        and not name.startswith(SKIPPED_NAMES)
    )


def content_hash(text: str) -> str:
    """Hash the article text so the same content from any file or format is stored once."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def ingest(
    engine: Engine,
    paths: Sequence[str],
    *,
    published: date | None = None,
    language: str | None = None,
    progress: ProgressCallback | None = None,
    jobs: int = 1,
) -> IngestSummary:
    """Ingest every article found under `paths`; a bad file is reported and skipped.

    With `jobs` > 1, extraction (a pure function) runs in that many worker processes, a chunk of
    articles at a time, while this process alone writes to the database. Articles are written in
    publication order (see `timeline.ingest.ordering`).
    """
    summary = IngestSummary()
    report = progress or (lambda _what, _summary, _source: None)
    pool = _worker_pool(jobs)
    seen: set[str] = set()
    writer = ChunkWriter(engine)
    try:
        chunk: list[tuple[RawArticle, str]] = []
        writing: Chunk | None = None
        for raw in by_publication(_articles(paths, summary, report, published, language)):
            digest = content_hash(raw.text)
            if digest in seen:
                _duplicate(raw, summary, report)
                continue
            seen.add(digest)
            chunk.append((raw, digest))
            if len(chunk) >= CHUNK_SIZE * max(jobs, 1):
                chunk = _not_stored(engine, chunk, summary, report)
                writing = _write_and_advance(writer, writing, _extracting(pool, chunk), summary, report)
                chunk = []
        chunk = _not_stored(engine, chunk, summary, report)
        writing = _write_and_advance(writer, writing, _extracting(pool, chunk), summary, report)
        _write_and_advance(writer, writing, None, summary, report)
    finally:
        if pool is not None:
            pool.shutdown()
    return summary


WARM_UP_TEXT = "Le 1er janvier 2025, Paris et Dakar ont signé un accord. On 1 January, they met."
"""What a worker extracts before its first article, to load the rules it needs."""
WORKER_NICENESS = 10
"""How much lower the extraction workers' priority is than the writer's: the writer is what
ingest waits for, and with as many workers as cores it competed with them for the CPU
(`--jobs 2` on two cores: 2,000 articles in 11.0 s, 10.3 s at this niceness)."""
CHUNK_SIZE = 32
"""Articles per worker handed out at a time, and per write transaction with one worker: enough
to keep workers busy and commits few (an event reported all along is derived again once per
transaction), few enough to keep memory flat and locks under a second."""

Chunk = tuple[list[tuple[RawArticle, str]], Iterator[Extraction]]
"""Articles with their content hashes, and their extractions (possibly still running)."""


def _extracting(pool: Executor | None, chunk: list[tuple[RawArticle, str]]) -> Chunk:
    """Start extracting a chunk: in the workers at once, or lazily in this process."""
    raws = [raw for raw, _ in chunk]
    if pool is None:
        return chunk, map(extract_article, raws)
    return chunk, iter(pool.map(extract_article, raws, chunksize=CHUNK_SIZE))


def _write_and_advance(
    writer: ChunkWriter,
    writing: Chunk | None,
    following: Chunk | None,
    summary: IngestSummary,
    report: ProgressCallback,
) -> Chunk | None:
    """Store the chunk whose extraction is under way while the workers start on the next one."""
    if writing is not None:
        chunk, extractions = writing
        writer.write(list(zip(chunk, extractions, strict=True)), summary, report)
    return following


def _articles(
    paths: Sequence[str],
    summary: IngestSummary,
    report: ProgressCallback,
    published: date | None,
    language: str | None,
) -> Iterator[RawArticle]:
    """Every readable article under `paths`, with the overrides applied; failures reported."""
    for source in discover(paths):
        summary.files += 1
        report("file", summary, source)
        try:
            for item in _read(source):
                if isinstance(item, ReadFailure):
                    summary.failures.append(item)
                    report("failure", summary, item.source)
                    continue
                yield with_overrides(item, published=published, language=normalise_language(language))
        except Exception as error:  # a reader bug or library failure must not stop the batch
            summary.failures.append(ReadFailure(source, f"unexpected error: {type(error).__name__}: {error}"))
            report("failure", summary, source)


def _worker_pool(jobs: int) -> Executor | None:
    if jobs <= 1:
        return None
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker)
    pool.submit(int)  # the workers start now and warm up while this process reads the articles
    return pool


def _start_worker() -> None:
    """Run a worker at a lower priority (where the system has priorities), with the rules of
    every language loaded before its first article: about a second, otherwise spent after the
    articles are read, while the writer waits."""
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)
    for language in supported_languages():
        with suppress(Exception):  # only a head start: a failure here would break the whole pool
            extract(WARM_UP_TEXT, published=date(2025, 1, 2), language=language)


def extract_article(raw: RawArticle) -> Extraction:
    """Extraction of one read article: the pure function workers run."""
    return extract(raw.text, published=raw.published, language=normalise_language(raw.language))


class ChunkWriter:
    """Stores chunks of extracted articles, one write transaction each; a failing article is
    reported and skipped while the others are committed.

    What it learnt of the stored mentions (the clustering candidates, and what deriving the
    events it writes reads) is carried from one chunk to the next as long as nobody else wrote
    to the database in between.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._carried: tuple[CandidateIndex, HeldEvents] | None = None
        self._version: object | None = None

    def write(
        self,
        extracted: list[tuple[tuple[RawArticle, str], Extraction]],
        summary: IngestSummary,
        report: ProgressCallback,
    ) -> None:
        """Store one chunk and report each article.

        The chunk is first written without savepoints (most chunks have no failing article);
        if anything fails, it is rolled back and written again with a savepoint per article, so
        only the failing article is skipped."""
        if not extracted:
            return
        stored = self._write_at_once(extracted) or self._write_each(extracted, summary, report)
        release_free_memory()
        for raw, events in stored:
            summary.articles += 1
            summary.events += events
            report("article", summary, raw.source)

    def _write_at_once(
        self, extracted: list[tuple[tuple[RawArticle, str], Extraction]]
    ) -> list[tuple[RawArticle, int]]:
        """Store the whole chunk in one transaction; nothing (an empty list) if anything failed."""
        with Session(self.engine) as session:
            writer = ArticleWriter(session, *self._carried_into(session))
            try:
                touched: set[int] = set()
                for (raw, digest), extraction in extracted:
                    touched |= writer.add_article(_article_values(raw, digest, extraction), extraction)
                refresh_events(session, touched, writer.held)
                session.commit()
            except Exception:  # the slower path below finds and reports the failing article
                session.rollback()
                self._forget()
                return []
            self._carried = (writer.candidates, writer.held)
            self._version = sqlite_features.data_version(session)
        return [(raw, len(extraction.mentions)) for (raw, _), extraction in extracted]

    def _write_each(
        self,
        extracted: list[tuple[tuple[RawArticle, str], Extraction]],
        summary: IngestSummary,
        report: ProgressCallback,
    ) -> list[tuple[RawArticle, int]]:
        """Store the chunk with a savepoint per article; report and skip an article that fails."""
        stored: list[tuple[RawArticle, int]] = []
        touched: set[int] = set()
        with Session(self.engine) as session:
            writer = ArticleWriter(session)
            for (raw, digest), extraction in extracted:
                try:
                    with session.begin_nested():
                        touched |= writer.add_article(_article_values(raw, digest, extraction), extraction)
                except Exception as error:  # a failed article must never stop the batch
                    self._forget()
                    writer = ArticleWriter(session)  # what it held may have been rolled back
                    summary.failures.append(ReadFailure(raw.source, f"could not store: {error}"))
                    report("failure", summary, raw.source)
                    continue
                stored.append((raw, len(extraction.mentions)))
            try:
                refresh_events(session, touched, writer.held)
                session.commit()
            except Exception as error:
                session.rollback()
                self._forget()
                for raw, _ in stored:
                    summary.failures.append(ReadFailure(raw.source, f"could not store: {error}"))
                    report("failure", summary, raw.source)
                return []
            self._carried = (writer.candidates, writer.held)
            self._version = sqlite_features.data_version(session)
        return stored

    def _forget(self) -> None:
        """After a rollback: ids may be given again to other rows, so nothing remembered holds."""
        self._carried = None
        sources.forget()

    def _carried_into(self, session: Session) -> tuple[CandidateIndex, HeldEvents] | tuple[()]:
        """What the last transaction learnt, if it still holds in this one."""
        if (
            self._carried is None
            or self._version is None
            or sqlite_features.data_version(session) != self._version
        ):
            return ()
        self._carried[0].session = session
        return self._carried


def _not_stored(
    engine: Engine, chunk: list[tuple[RawArticle, str]], summary: IngestSummary, report: ProgressCallback
) -> list[tuple[RawArticle, str]]:
    """The articles of a chunk whose content is not stored yet (the others are reported)."""
    with Session(engine) as session:
        stored = store.stored_hashes(session, [digest for _, digest in chunk])
    for raw, digest in chunk:
        if digest in stored:
            _duplicate(raw, summary, report)
    return [(raw, digest) for raw, digest in chunk if digest not in stored]


def _duplicate(raw: RawArticle, summary: IngestSummary, report: ProgressCallback) -> None:
    summary.duplicates += 1
    report("duplicate", summary, raw.source)


def _read(source: str) -> Iterator[RawArticle | ReadFailure]:
    if source == STDIN:
        data = sys.stdin.buffer.read(MAX_BATCH_BYTES + 1)
        if len(data) > MAX_BATCH_BYTES:
            yield ReadFailure("<stdin>", f"too large (over {MAX_BATCH_BYTES / 1e6:.0f} MB)")
            return
        head = data.lstrip()[:1]
        suffix = {b"[": ".json", b"{": ".jsonl", b"<": ".html"}.get(head, ".txt")
        yield from read_bytes(data, source="<stdin>", suffix=suffix)
        return
    path = Path(source)
    if not path.exists():
        reason = f"broken link to {path.readlink()}" if path.is_symlink() else "no such file or folder"
        yield ReadFailure(source, reason)
        return
    yield from read_path(path)


def _article_values(raw: RawArticle, digest: str, extraction: Extraction) -> dict[str, object]:
    """The stored columns of a new article."""
    return {
        "source": raw.source,
        "url": raw.url,
        "title": raw.title,
        "outlet": raw.outlet,
        "published": raw.published,
        "language": extraction.language,
        "content_hash": digest,
        "text": raw.text,
        "ingested_at": store.now(),
    }


def reextract(engine: Engine, progress: ProgressCallback | None = None) -> IngestSummary:
    """Re-run extraction on every stored article, keeping annotations (see `store.reextract_article`)."""
    summary = IngestSummary()
    report = progress or (lambda _what, _summary, _source: None)
    with Session(engine) as session:
        article_ids = list(store.articles_to_reextract(session))
    for article_id in article_ids:
        with Session(engine) as session:
            article = session.get(Article, article_id)
            if article is None:
                continue
            language = normalise_language(article.language) if article.language != "und" else None
            extraction = extract(article.text, published=article.published, language=language)
            result = store.reextract_article(session, article, extraction)
            session.commit()
            summary.reextracted += 1
            summary.events += result.kept + result.added
            summary.orphaned_annotations += result.orphaned_annotations
            report("reextracted", summary, article.source)
    return summary
