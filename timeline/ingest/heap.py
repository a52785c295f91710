"""Handing memory freed during a long ingest back to the system.

Ingest frees about as much as it allocates (articles read, mentions compared, rows written),
but glibc's allocator keeps freed pages inside its heap, between the blocks still in use: at
the end of a 20,000-article ingest it held 50 MB of them. `malloc_trim` gives them back; called
after each transaction, it lowered that ingest's peak RSS from 199 to 186 MB, at no cost in
time. Other C libraries have no such call; nothing is done there.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from functools import cache


def release_free_memory() -> None:
    """Give the allocator's free pages back to the system, where it can (a few ms)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim  # glibc
    except (AttributeError, OSError, TypeError):  # another C library, or no C library to load
        return None
