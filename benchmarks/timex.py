"""Score `timeline dates` on the TempEval-3 (TimeBank, AQUAINT) and French TimeBank sets in
`../shared/eval/` with the TempEval-3 measures, beside plain dateparser.search_dates and the
published HeidelTime figures.

Run from the repository root: `python -m benchmarks.timex [--errors CORPUS]`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
CORPORA = {
    "TimeBank": ("te3_timebank.jsonl", (91.57, 79.24)),
    "AQUAINT": ("te3_aquaint.jsonl", (91.78, 72.95)),
    "FR TimeBank": ("fr_timebank.jsonl", (90.97, 73.63)),
}


@dataclass
class Score:
    """TempEval-3 strict and relaxed span F1 and value F1."""

    strict: float
    relaxed: float
    value: float
    precision: float
    recall: float


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold_docs: list[dict[str, Any]], system: dict[str, list[dict[str, Any]]]) -> Score:
    """Compare system timexes with gold timexes document by document."""
    n_gold = n_sys = strict_hits = relaxed_sys = relaxed_gold = value_hits = 0
    for doc in gold_docs:
        gold = doc["timexes"]
        found = system.get(doc["doc_id"], [])
        n_gold += len(gold)
        n_sys += len(found)
        for timex in found:
            overlapping = [g for g in gold if g["start"] < timex["end"] and timex["start"] < g["end"]]
            if overlapping:
                relaxed_sys += 1
                strict_hits += any(
                    g["start"] == timex["start"] and g["end"] == timex["end"] for g in overlapping
                )
                value_hits += any(g["value"] == timex["value"] for g in overlapping)
        relaxed_gold += sum(any(t["start"] < g["end"] and g["start"] < t["end"] for t in found) for g in gold)
    strict = f1(strict_hits / n_sys if n_sys else 0, strict_hits / n_gold if n_gold else 0)
    precision = relaxed_sys / n_sys if n_sys else 0
    recall = relaxed_gold / n_gold if n_gold else 0
    value = f1(value_hits / n_sys if n_sys else 0, value_hits / n_gold if n_gold else 0)
    return Score(strict, f1(precision, recall), value, precision, recall)


def run_timeline(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Pipe the documents through `python -m timeline dates`."""
    payload = "".join(
        json.dumps({k: d[k] for k in ("doc_id", "lang", "dct", "text")}, ensure_ascii=False) + "\n"
        for d in docs
    )
    output = subprocess.run(
        [sys.executable, "-m", "timeline", "dates"], input=payload, capture_output=True, text=True, check=True
    ).stdout
    results = [json.loads(line) for line in output.splitlines()]
    return {r["doc_id"]: r["timexes"] for r in results}


def run_search_dates(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Plain dateparser.search_dates with the language and the DCT as relative base."""
    from dateparser.search import search_dates

    system = {}
    for doc in docs:
        base = datetime.fromisoformat(doc["dct"][:19])
        found = search_dates(doc["text"], languages=[doc["lang"]], settings={"RELATIVE_BASE": base}) or []
        timexes, cursor = [], 0
        for text, value in found:
            start = doc["text"].find(text, cursor)
            if start < 0:
                continue
            cursor = start + len(text)
            timexes.append(
                {
                    "start": start,
                    "end": cursor,
                    "text": text,
                    "type": "DATE",
                    "value": value.date().isoformat(),
                }
            )
        system[doc["doc_id"]] = timexes
    return system


def print_errors(docs: list[dict[str, Any]], system: dict[str, list[dict[str, Any]]], limit: int) -> None:
    """Print misses, spurious spans and wrong values, for development."""
    shown = 0
    for doc in docs:
        found = system.get(doc["doc_id"], [])
        for g in doc["timexes"]:
            match = [t for t in found if t["start"] < g["end"] and g["start"] < t["end"]]
            if not match:
                print(f"MISS  {doc['dct'][:10]} {g['type']:<8} {g['text']!r:<30} {g['value']}")
            elif all(t["value"] != g["value"] for t in match):
                ours = [t["value"] for t in match]
                print(f"VALUE {doc['dct'][:10]} {g['text']!r:<30} gold {g['value']} ours {ours}")
            else:
                continue
            shown += 1
        for t in found:
            if not any(t["start"] < g["end"] and g["start"] < t["end"] for g in doc["timexes"]):
                context = doc["text"][max(0, t["start"] - 30) : t["end"] + 30].replace("\n", " ")
                print(f"SPUR  {doc['dct'][:10]} {t['text']!r:<30} {t['value']:<12} …{context}…")
                shown += 1
        if shown > limit:
            return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", choices=list(CORPORA), help="List errors for one corpus.")
    parser.add_argument("--no-baseline", action="store_true", help="Skip search_dates (slow).")
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    if not EVAL_DIR.is_dir():
        sys.exit(f"evaluation data not found at {EVAL_DIR}")
    columns = ("strict F1", "relaxed F1", "value F1", "P", "R", "secs")
    print(f"{'corpus':<12} {'system':<13} " + " ".join(f"{c:>10}" for c in columns))
    for name, (filename, (heidel_relaxed, heidel_value)) in CORPORA.items():
        docs = [json.loads(line) for line in (EVAL_DIR / filename).read_text(encoding="utf-8").splitlines()]
        systems = [("timeline", run_timeline)] + (
            [] if args.no_baseline else [("search_dates", run_search_dates)]
        )
        for system_name, runner in systems:
            started = time.perf_counter()
            output = runner(docs)
            elapsed = time.perf_counter() - started
            s = score(docs, output)
            figures = (s.strict, s.relaxed, s.value, s.precision, s.recall)
            print(
                f"{name:<12} {system_name:<13} "
                + " ".join(f"{f:>10.3f}" for f in figures)
                + f" {elapsed:>10.1f}"
            )
            if args.errors == name and system_name == "timeline":
                print_errors(docs, output, args.limit)
        published = f"{'':>10} {heidel_relaxed / 100:>10.3f} {heidel_value / 100:>10.3f}"
        print(f"{name:<12} {'HeidelTime':<13} {published}   (published)")


if __name__ == "__main__":
    main()
