"""Errors the tool reports to the user as one clear line."""

from __future__ import annotations


class TimelineError(Exception):
    """Base class: anything the CLI prints as a one-line error instead of a traceback."""


class SchemaTooNewError(TimelineError):
    """The database was written by a newer version of the tool."""


class InputError(TimelineError):
    """An input file cannot be read or parsed."""
