"""Scoring the extractor against a gold file of dated events, beside plain `search_dates`.

Gold format, one line per article: `{"file", "published", "lang", "events": [{"date",
"date_end", "type", "actors", "people", "location", "evidence"}]}` with dates cut to precision.
Event dates are scored per article as the set of distinct (date, date_end) pairs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from timeline.export import date_end_label, format_date
from timeline.extraction import ExtractedMention, extract
from timeline.extraction.gazetteer import fold
from timeline.ingest.readers import RawArticle, read_path

DatePair = tuple[str, str | None]


@dataclass
class Counts:
    """True positives, false positives and false negatives, with derived scores."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def add(self, predicted: set[Any], gold: set[Any]) -> None:
        """Count one comparison of a predicted set against a gold set."""
        self.true_positives += len(predicted & gold)
        self.false_positives += len(predicted - gold)
        self.false_negatives += len(gold - predicted)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Scores:
    """Event-date P/R/F1 and, on matched dates, actor F1, type and location accuracy."""

    dates: Counts = field(default_factory=Counts)
    actors: Counts = field(default_factory=Counts)
    type_hits: int = 0
    location_hits: int = 0
    matched: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def type_accuracy(self) -> float:
        return self.type_hits / self.matched if self.matched else 0.0

    @property
    def location_accuracy(self) -> float:
        return self.location_hits / self.matched if self.matched else 0.0


@dataclass(frozen=True)
class GoldArticle:
    """One gold line with its article read from disk."""

    article: RawArticle
    published: date
    language: str
    events: list[dict[str, Any]]


def load_gold(gold_path: Path, articles_dir: Path) -> list[GoldArticle]:
    """Read a gold file and the articles it names."""
    items = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        read = next(read_path(articles_dir / record["file"]))
        if not isinstance(read, RawArticle):
            raise ValueError(f"{record['file']}: {read.reason}")
        published = date.fromisoformat(record["published"])
        items.append(GoldArticle(read, published, record["lang"], record["events"]))
    return items


def score_extractor(gold: Iterable[GoldArticle]) -> Scores:
    """Score the full extractor on every gold article."""
    scores = Scores()
    for item in gold:
        mentions = extract(item.article.text, published=item.published, language=item.language).mentions
        predicted = {_pair(m): m for m in mentions}
        expected = {(e["date"], e.get("date_end")): e for e in item.events}
        scores.dates.add(set(predicted), set(expected))
        for pair in sorted(set(predicted) - set(expected), key=str):
            scores.errors.append(f"{item.article.source}: spurious {pair}: {predicted[pair].evidence[:90]}")
        for pair in sorted(set(expected) - set(predicted), key=str):
            scores.errors.append(f"{item.article.source}: missed {pair}: {expected[pair]['evidence'][:90]}")
        for pair in set(predicted) & set(expected):
            _score_match(scores, predicted[pair], expected[pair])
    return scores


def score_search_dates(gold: Iterable[GoldArticle]) -> Scores:
    """Score plain `dateparser.search_dates(text, languages=[lang])`, each hit a day-precision event."""
    from dateparser.search import search_dates

    scores = Scores()
    for item in gold:
        base = datetime.combine(item.published, datetime.min.time())
        found = search_dates(item.article.text, languages=[item.language], settings={"RELATIVE_BASE": base})
        predicted = {(value.date().isoformat(), None) for _text, value in (found or [])}
        scores.dates.add(predicted, {(e["date"], e.get("date_end")) for e in item.events})
    return scores


def _pair(mention: ExtractedMention) -> DatePair:
    end = date_end_label(mention.date_start, mention.date_end, mention.precision)
    return format_date(mention.date_start, mention.precision), end or None


def _score_match(scores: Scores, mention: ExtractedMention, gold: dict[str, Any]) -> None:
    scores.matched += 1
    predicted_actors = {actor.code for actor in mention.actors if actor.kind != "person" and actor.code}
    predicted_actors |= {fold(actor.name) for actor in mention.actors if actor.kind == "person"}
    gold_actors = set(gold.get("actors", [])) | {fold(person) for person in gold.get("people", [])}
    scores.actors.add(predicted_actors, gold_actors)
    scores.type_hits += mention.event_type == gold.get("type")
    gold_location = gold.get("location")
    predicted_location = mention.location
    scores.location_hits += fold(predicted_location or "") == fold(gold_location or "")


@dataclass
class ClusterScores:
    """Pairwise precision and recall of the clustering over the gold mentions."""

    pairs: Counts = field(default_factory=Counts)
    found_mentions: int = 0
    gold_mentions: int = 0
    errors: list[str] = field(default_factory=list)


def score_clusters(gold_path: Path, articles_dir: Path, *, order_seed: int | None = None) -> ClusterScores:
    """Ingest the articles (in a shuffled order when a seed is given) into a temporary database
    and compare its events with the gold clusters, pair of mentions by pair of mentions."""
    import random
    import shutil
    import tempfile
    from itertools import combinations

    from sqlmodel import Session, select

    from timeline.db import open_database
    from timeline.ingest import ingest
    from timeline.models import Article, Mention

    clusters = [
        json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    files = sorted(str(path) for path in articles_dir.glob("*.txt"))
    if order_seed is not None:
        random.Random(order_seed).shuffle(files)
    folder = Path(tempfile.mkdtemp(prefix="timeline-clusters-"))
    scores = ClusterScores()
    try:
        engine = open_database(f"sqlite:///{folder / 'clusters.db'}")
        ingest(engine, files)
        with Session(engine) as session:
            stored = session.exec(
                select(Mention, Article).join(Article, Article.id == Mention.article_id)
            ).all()
            by_sentence: dict[tuple[str, str], set[int]] = {}
            for mention, article in stored:
                key = (Path(article.source).name, mention.evidence.strip())
                by_sentence.setdefault(key, set()).add(mention.event_id)
        engine.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    gold_of: dict[tuple[str, str], str] = {}
    predicted: dict[tuple[str, str], set[int]] = {}
    for cluster in clusters:
        for mention in cluster["mentions"]:
            key = (mention["file"], mention["evidence"].strip())
            gold_of[key] = cluster["cluster"]
            predicted[key] = by_sentence.get(key, set())
            scores.gold_mentions += 1
            scores.found_mentions += bool(predicted[key])
            if not predicted[key]:
                scores.errors.append(f"not extracted: {key[0]}: {key[1][:80]}")
    for a, b in combinations(sorted(gold_of), 2):
        same_gold = gold_of[a] == gold_of[b]
        same_predicted = bool(predicted[a] & predicted[b])  # a sentence may hold two happenings
        if same_gold and same_predicted:
            scores.pairs.true_positives += 1
        elif same_predicted:
            scores.pairs.false_positives += 1
            scores.errors.append(f"merged apart: {gold_of[a]} / {gold_of[b]}: {a[0]} + {b[0]}")
        elif same_gold:
            scores.pairs.false_negatives += 1
            scores.errors.append(f"kept apart: {gold_of[a]}: {a[0]} + {b[0]}")
    return scores
