"""The bundled gold sets stay consistent with their articles."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from timeline.config import data_dir
from timeline.ingest.readers import RawArticle, read_path

ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def body(path: Path) -> str:
    """The body of an article file, as the reader sees it."""
    article = next(read_path(path))
    assert isinstance(article, RawArticle), article
    return article.text


@pytest.mark.parametrize("name", ["eval", "clusters"])
def test_every_evidence_sentence_is_in_its_article(name: str) -> None:
    """Gold evidence is copied verbatim from the article body."""
    folder = data_dir() / name
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        items = record["events"] if name == "eval" else record["mentions"]
        for item in items:
            file = record["file"] if name == "eval" else item["file"]
            assert item["evidence"] in body(folder / "articles" / file), (file, item["evidence"][:60])


def test_eval_gold_dates_are_iso_at_their_precision() -> None:
    """Dates are ISO cut to precision; an end is never before its start."""
    for line in (data_dir() / "eval" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        for event in json.loads(line)["events"]:
            assert ISO.match(event["date"]), event["date"]
            if event.get("date_end"):
                assert ISO.match(event["date_end"]) and event["date_end"] >= event["date"]


def test_cluster_gold_has_two_to_six_articles_per_happening() -> None:
    """Each happening is reported by several articles; one has a date conflict."""
    clusters = [
        json.loads(line) for line in (data_dir() / "clusters" / "gold.jsonl").read_text().splitlines()
    ]
    assert len(clusters) >= 8
    assert all(2 <= len({m["file"] for m in c["mentions"]}) <= 6 for c in clusters)
    assert sum(bool(c.get("date_conflict")) for c in clusters) == 1
    assert all(date.fromisoformat(c["date"]) for c in clusters)
