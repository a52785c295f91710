"""Moving a researcher's work between databases: annotations exported with anchors that do not
depend on row ids (the article's content hash, the event's dates and evidence)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from timeline.annotations import CORRECTION_FIELDS, annotate, tags_of
from timeline.events import refresh_event
from timeline.models import Annotation, Article, Mention


def export_annotations(session: Session) -> Iterator[dict[str, Any]]:
    """Every annotation with its anchor, as JSON-ready records."""
    for annotation in session.exec(select(Annotation).order_by(col(Annotation.id))).all():
        article = session.get(Article, annotation.anchor_article_id)
        if article is None or annotation.id is None:
            continue
        record: dict[str, Any] = {
            "article_hash": article.content_hash,
            "article_title": article.title,
            "date_start": annotation.anchor_date_start.isoformat(),
            "date_end": annotation.anchor_date_end.isoformat(),
            "evidence": annotation.anchor_evidence,
            "status": annotation.status,
            "starred": annotation.starred,
            "note": annotation.note,
            "tags": tags_of(session, annotation.id),
            "updated_at": annotation.updated_at.isoformat(),
        }
        for name in CORRECTION_FIELDS:
            value = getattr(annotation, name)
            record[name] = value.isoformat() if isinstance(value, date) else value
        yield record


@dataclass
class ImportReport:
    """What an import did."""

    applied: int = 0
    unmatched: list[str] | None = None


def import_annotations(session: Session, lines: Iterable[str]) -> ImportReport:
    """Apply exported annotations to the events they anchor to; report those with no match."""
    report = ImportReport(unmatched=[])
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        event_id = _anchored_event(session, record)
        if event_id is None:
            report.unmatched.append(
                f"line {number}: {record.get('article_title', '')[:60]!r} {record['date_start']}"
            )  # type: ignore[union-attr]
            continue
        current = set(tags_of(session, annotate(session, event_id).id or 0))
        annotation = annotate(
            session,
            event_id,
            status=record["status"],
            starred=record["starred"],
            note=record["note"],
            add_tags=set(record["tags"]) - current,
        )
        for name in CORRECTION_FIELDS:
            value = record.get(name)
            if value is not None and name in ("corrected_date_start", "corrected_date_end"):
                value = date.fromisoformat(value)
            setattr(annotation, name, value)
        session.add(annotation)
        session.flush()
        refresh_event(session, event_id)
        report.applied += 1
    return report


def _anchored_event(session: Session, record: dict[str, Any]) -> int | None:
    article = session.exec(select(Article).where(Article.content_hash == record["article_hash"])).first()
    if article is None:
        return None
    return session.exec(
        select(Mention.event_id).where(
            Mention.article_id == article.id,
            Mention.date_start == date.fromisoformat(record["date_start"]),
            Mention.date_end == date.fromisoformat(record["date_end"]),
            Mention.evidence == record["evidence"],
        )
    ).first()
