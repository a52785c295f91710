"""Commands for measuring the extractor: `timeline dates` (the temporal tagger, as scored on
TempEval) and `timeline eval` (events against a gold file)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from timeline.cli_options import handle_errors
from timeline.errors import TimelineError


@click.command()
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--published", metavar="DATE", help="Reference date for a plain text file.")
@click.option("--lang", "language", metavar="CODE", help="Language of a plain text file.")
@click.option("--doc-id", default="doc", show_default=True, help="Document id for a plain text file.")
@handle_errors
def dates(source: Any, published: str | None, language: str | None, doc_id: str) -> None:
    """Tag temporal expressions: JSON Lines {"doc_id", "lang", "dct", "text"} in (or a plain
    text file with --published and --lang), JSON Lines {"doc_id", "timexes"} out."""
    from datetime import date

    from timeline.extraction.timex import tag_timexes

    if published or language:
        if not (published and language):
            raise TimelineError("a plain text file needs both --published and --lang")
        documents: Any = [{"doc_id": doc_id, "lang": language, "dct": published, "text": source.read()}]
    else:
        documents = (json.loads(line) for line in source if line.strip())
    for document in documents:
        reference = date.fromisoformat(str(document["dct"])[:10]) if document.get("dct") else None
        timexes = tag_timexes(
            document["text"], language=document["lang"], reference=reference, merge_ranges=False
        )
        found = [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in timexes
        ]
        sys.stdout.write(
            json.dumps({"doc_id": document["doc_id"], "timexes": found}, ensure_ascii=False) + "\n"
        )


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("articles_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--errors", "show_errors", is_flag=True, help="List every missed and spurious event date.")
@click.option("--no-baseline", is_flag=True, help="Skip the plain search_dates comparison.")
@click.option("--clusters", is_flag=True, help="GOLD lists clusters: score consolidation pair by pair.")
@click.option(
    "--shuffle", "shuffle_seed", type=int, help="With --clusters: ingest in an order shuffled by SEED."
)
@handle_errors
def evaluate(
    gold: Path,
    articles_dir: Path,
    show_errors: bool,
    no_baseline: bool,
    clusters: bool,
    shuffle_seed: int | None,
) -> None:
    """Score event extraction against a gold file, beside plain dateparser.search_dates; with
    --clusters, score how mentions were consolidated into events (pairwise P/R/F1)."""
    from timeline import evaluation

    if clusters:
        scores = evaluation.score_clusters(gold, articles_dir, order_seed=shuffle_seed)
        pairs = scores.pairs
        click.echo(f"{scores.found_mentions} of {scores.gold_mentions} gold mentions extracted")
        click.echo(f"pairwise precision {pairs.precision:.3f}  recall {pairs.recall:.3f}  F1 {pairs.f1:.3f}")
        if show_errors:
            for line in scores.errors:
                click.echo(line)
        return

    items = evaluation.load_gold(gold, articles_dir)
    ours = evaluation.score_extractor(items)
    rows = [("timeline", ours)]
    if not no_baseline:
        rows.append(("search_dates", evaluation.score_search_dates(items)))
    click.echo(f"{len(items)} articles, {sum(len(i.events) for i in items)} gold events")
    click.echo(
        f"{'system':<14}{'date P':>8}{'date R':>8}{'date F1':>9}"
        f"{'actor F1':>10}{'type acc':>10}{'place acc':>10}"
    )
    for name, scores in rows:
        extras = (
            f"{scores.actors.f1:>10.3f}{scores.type_accuracy:>10.3f}{scores.location_accuracy:>10.3f}"
            if name == "timeline"
            else f"{'':>10}{'':>10}{'':>10}"
        )
        dates_ = scores.dates
        click.echo(f"{name:<14}{dates_.precision:>8.3f}{dates_.recall:>8.3f}{dates_.f1:>9.3f}{extras}")
    if show_errors:
        for line in ours.errors:
            click.echo(line)
