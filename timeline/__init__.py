"""Diplomatic Timeline: dated, searchable, annotated timelines from diplomatic news."""

__version__ = "0.1.0"
