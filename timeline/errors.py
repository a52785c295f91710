"""Errors the tool reports to the user as one clear line."""

from __future__ import annotations


class TimelineError(Exception):
    """Base class: anything the CLI prints as a one-line error instead of a traceback."""


class SchemaTooNewError(TimelineError):
    """The database was written by a newer version of the tool."""


class InputError(TimelineError):
    """An input file cannot be read or parsed."""


class AnnotationConflict(TimelineError):
    """Someone else changed the annotation since this client last read it."""

    def __init__(self, event_id: int, theirs: str) -> None:
        super().__init__(
            f"event {event_id} was changed elsewhere meanwhile ({theirs}); your change was not saved"
        )
        self.event_id = event_id
        self.theirs = theirs


class QueryAbandoned(TimelineError):
    """A query was stopped because its answer was no longer wanted (newer filters came)."""
