#!/usr/bin/env python3
"""Validate the Diplomatic Timeline clustering (consolidation) test set.

Usage: python3 data/clusters/validate.py   (from anywhere)
Exits with status 1 if any check fails.
"""

import collections
import datetime as dt
import difflib
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ART = HERE / "articles"
GOLD = HERE / "gold.jsonl"
HEADER_KEYS = ["Title", "Source", "URL", "Published", "Language", "Note"]
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

errors = []


def err(msg):
    errors.append(msg)


def parse(path):
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n\n")
    if not sep:
        err(f"{path.name}: no blank line after header")
    header = {}
    for line in head.splitlines():
        key, colon, value = line.partition(": ")
        if not colon:
            err(f"{path.name}: bad header line {line!r}")
            continue
        header[key] = value
    if list(header) != HEADER_KEYS:
        err(f"{path.name}: header keys {list(header)} != {HEADER_KEYS}")
    try:
        dt.date.fromisoformat(header.get("Published", ""))
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", header.get("Published", "")):
            raise ValueError
    except ValueError:
        err(f"{path.name}: Published is not an ISO date: {header.get('Published')!r}")
    if header.get("Language") not in {"fr", "en"}:
        err(f"{path.name}: Language must be fr or en")
    if not header.get("URL", "").startswith("https://example.org/"):
        err(f"{path.name}: URL must start with https://example.org/")
    m = re.match(r"\d{4}-\d{2}-\d{2}-(fr|en)-", path.name)
    if (
        not m
        or not path.name.startswith(header.get("Published", "?"))
        or m.group(1) != header.get("Language")
    ):
        err(f"{path.name}: file name does not start with <Published>-<Language>-")
    return header, body.strip("\n")


articles = {p.name: parse(p) for p in sorted(ART.glob("*.txt"))}
for name, (_header, body) in articles.items():
    n = len(body.split())
    if not 120 <= n <= 350:
        err(f"{name}: body has {n} words (expected 120-350)")
if len(articles) < 32:
    err(f"only {len(articles)} articles (expected at least 32)")

clusters = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
if len(clusters) < 10:
    err(f"only {len(clusters)} clusters (expected at least 10)")

seen_ids = set()
seen_mentions = {}
used_files = set()
conflicts = 0
for c in clusters:
    cid = c.get("cluster")
    if cid in seen_ids:
        err(f"duplicate cluster id {cid}")
    seen_ids.add(cid)
    try:
        date = dt.date.fromisoformat(c["date"])
        if not cid.endswith(c["date"]):
            err(f"{cid}: id does not end with its date")
        if date.year != 2025:
            err(f"{cid}: happening is not in 2025")
    except (KeyError, ValueError):
        err(f"{cid}: bad date {c.get('date')!r}")
    if c.get("type") not in TYPES:
        err(f"{cid}: unknown type {c.get('type')!r}")
    if c.get("countries") != sorted(c.get("countries", [])) or not c.get("countries"):
        err(f"{cid}: countries missing or not sorted")
    if c.get("date_conflict"):
        conflicts += 1
    files = [m["file"] for m in c.get("mentions", [])]
    if not 2 <= len(set(files)) <= 6:
        err(f"{cid}: {len(set(files))} distinct files (expected 2-6)")
    for m in c["mentions"]:
        f, ev = m["file"], m["evidence"]
        used_files.add(f)
        if f not in articles:
            err(f"{cid}: file {f} does not exist")
            continue
        if ev not in articles[f][1]:
            err(f"{cid}: evidence not found verbatim in {f}: {ev[:60]!r}")
        key = (f, ev)
        if key in seen_mentions:
            err(f"{cid}: mention ({f}, {ev[:40]!r}) already in cluster {seen_mentions[key]}")
        seen_mentions[key] = cid

for name in articles:
    if name not in used_files:
        err(f"{name}: article is not a mention of any cluster")
if conflicts != 1:
    err(f"expected exactly one cluster with date_conflict, found {conflicts}")

# Republished wire stories: pairs of bodies that are almost identical.
names = sorted(articles)
dupes = []
for i, a in enumerate(names):
    for b in names[i + 1 :]:
        ratio = difflib.SequenceMatcher(None, articles[a][1], articles[b][1]).ratio()
        if ratio > 0.9:
            dupes.append((a, b, ratio))
            if (
                articles[a][0]["Source"] == articles[b][0]["Source"]
                or articles[a][0]["URL"] == articles[b][0]["URL"]
            ):
                err(f"republished pair {a} / {b} must have different Source and URL")
if len(dupes) != 1:
    err(f"expected exactly one near-verbatim republished pair, found {len(dupes)}")

langs = collections.Counter(h["Language"] for h, _ in articles.values())
sizes = collections.Counter(len({m["file"] for m in c["mentions"]}) for c in clusters)
print(f"articles: {len(articles)} ({dict(sorted(langs.items()))})")
print(f"clusters: {len(clusters)}; mentions: {len(seen_mentions)}; sizes: {dict(sorted(sizes.items()))}")
print(f"types: {dict(collections.Counter(c['type'] for c in clusters))}")
for a, b, r in dupes:
    print(f"republished pair: {a} / {b} (similarity {r:.3f})")
if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("OK")
