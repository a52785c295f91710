"""Ingest: article files in, articles and events stored."""

from __future__ import annotations

from timeline.ingest.pipeline import IngestSummary, discover, ingest, reextract

__all__ = ["IngestSummary", "discover", "ingest", "reextract"]
