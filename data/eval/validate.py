#!/usr/bin/env python3
"""Validate the Diplomatic Timeline evaluation (gold) set.

Usage: python3 data/eval/validate.py   (from anywhere)
Exits with status 1 if any check fails.
"""

import collections
import datetime as dt
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ART = HERE / "articles"
GOLD = HERE / "gold.jsonl"

TYPES = {
    "meeting",
    "visit",
    "summit",
    "call",
    "agreement",
    "cooperation",
    "recognition",
    "appointment",
    "statement",
    "accusation",
    "rupture",
    "sanction",
    "security",
    "election",
    "other",
}
MODALITIES = {"occurred", "planned", "reported"}
ORGS = {
    "AES",
    "ECOWAS",
    "AU",
    "UN",
    "UNSC",
    "UNGA",
    "EU",
    "NATO",
    "BRICS",
    "SCO",
    "G7",
    "G20",
    "OPEC",
    "ASEAN",
    "ARAB_LEAGUE",
    "OIC",
    "GCC",
    "CSTO",
    "OSCE",
    "IMF",
    "WORLD_BANK",
    "WTO",
    "WHO",
    "IAEA",
    "ICC",
    "ICJ",
    "SADC",
    "EAC",
    "IGAD",
    "ECCAS",
    "WAEMU",
    "MINUSMA",
    "MONUSCO",
    "OIF",
}
HEADER_KEYS = ["Title", "Source", "URL", "Published", "Language", "Note"]

errors = []


def err(msg):
    errors.append(msg)


def parse_date(s):
    """Return (precision, first_day, last_day) or None."""
    if not isinstance(s, str):
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            d = dt.date.fromisoformat(s)
            return "day", d, d
        if re.fullmatch(r"\d{4}-\d{2}", s):
            y, m = map(int, s.split("-"))
            first = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return "month", first, nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", s):
            y = int(s)
            return "year", dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None
    return None


def read_article(path):
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n\n")
    if not sep:
        err(f"{path.name}: no blank line after header")
    header = {}
    lines = head.split("\n")
    for i, line in enumerate(lines):
        key, _, val = line.partition(": ")
        header[key] = val
        if i >= len(HEADER_KEYS) or key != HEADER_KEYS[i]:
            err(f"{path.name}: unexpected header line {i + 1}: {line!r}")
    if header.get("Note") != "Fictional article written for the Diplomatic Timeline project.":
        err(f"{path.name}: bad Note line")
    return header, body


def main():
    rows = []
    for n, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"gold.jsonl line {n}: invalid JSON ({e})")
    files_in_gold = [r.get("file") for r in rows]
    for f, c in collections.Counter(files_in_gold).items():
        if c > 1:
            err(f"{f}: {c} gold lines")
    articles = sorted(p.name for p in ART.glob("*.txt"))
    for a in articles:
        if a not in files_in_gold:
            err(f"{a}: article has no gold line")

    stats = collections.Counter()
    per_lang = collections.defaultdict(lambda: collections.Counter())
    types = collections.Counter()
    precisions = collections.Counter()
    modalities = collections.Counter()
    words = {}
    for r in rows:
        f = r.get("file")
        path = ART / str(f)
        if not path.exists():
            err(f"{f}: file does not exist")
            continue
        header, body = read_article(path)
        if header.get("Published") != r.get("published"):
            err(f"{f}: published mismatch header={header.get('Published')} gold={r.get('published')}")
        if header.get("Language") != r.get("lang") or r.get("lang") not in ("fr", "en"):
            err(f"{f}: language mismatch")
        if parse_date(r.get("published"))[0] != "day":
            err(f"{f}: published is not a day date")
        nwords = len(body.split())
        words[f] = nwords
        if not 150 <= nwords <= 500:
            err(f"{f}: body has {nwords} words (expected 150-500)")
        evs = r.get("events") or []
        if not evs:
            err(f"{f}: no events")
        per_lang[r["lang"]]["articles"] += 1
        per_lang[r["lang"]]["events"] += len(evs)
        for i, e in enumerate(evs):
            tag = f"{f} event {i}"
            if set(e) != {"date", "date_end", "type", "modality", "actors", "people", "location", "evidence"}:
                err(f"{tag}: unexpected keys {sorted(e)}")
            pd = parse_date(e.get("date"))
            if not pd:
                err(f"{tag}: invalid date {e.get('date')!r}")
                continue
            precisions[pd[0]] += 1
            if e.get("date_end") is not None:
                pe = parse_date(e["date_end"])
                if not pe:
                    err(f"{tag}: invalid date_end {e['date_end']!r}")
                elif pe[0] != pd[0]:
                    err(f"{tag}: date and date_end precision differ")
                elif pe[1] <= pd[1]:
                    err(f"{tag}: date_end not after date")
                else:
                    stats["ranges"] += 1
            if e.get("type") not in TYPES:
                err(f"{tag}: bad type {e.get('type')!r}")
            types[e.get("type")] += 1
            if e.get("modality") not in MODALITIES:
                err(f"{tag}: bad modality {e.get('modality')!r}")
            modalities[e.get("modality")] += 1
            actors = e.get("actors")
            if not isinstance(actors, list) or actors != sorted(actors):
                err(f"{tag}: actors must be a sorted list")
            for a in actors or []:
                if a not in ORGS and not re.fullmatch(r"[A-Z]{3}", a):
                    err(f"{tag}: bad actor code {a!r}")
            people = e.get("people")
            if not isinstance(people, list) or people != sorted(people):
                err(f"{tag}: people must be a sorted list")
            if e.get("location") is not None and not isinstance(e.get("location"), str):
                err(f"{tag}: location must be a string or null")
            ev = e.get("evidence")
            if not isinstance(ev, str) or not ev or ev not in body:
                err(f"{tag}: evidence not found verbatim in body: {ev!r}")
            if e.get("modality") == "planned" and pd[2] < dt.date.fromisoformat(
                r["published"]
            ) - dt.timedelta(days=0):
                err(f"{tag}: planned event ends before publication date")

    total_events = sum(v["events"] for v in per_lang.values())
    print(f"articles: {len(rows)}  events: {total_events}  ranges: {stats['ranges']}")
    for lang in sorted(per_lang):
        print(f"  {lang}: {per_lang[lang]['articles']} articles, {per_lang[lang]['events']} events")
    print("types:", dict(sorted(types.items())))
    print("precision:", dict(precisions))
    print("modality:", dict(modalities))
    print(f"body words: min {min(words.values())}, max {max(words.values())}")
    multi = sum(1 for r in rows if len(r["events"]) >= 2)
    print(f"articles with >=2 events: {multi}")
    if errors:
        print(f"\n{len(errors)} ERROR(S):")
        for m in errors:
            print("  -", m)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
