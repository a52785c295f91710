"""Articles given back in publication order, however the files of an archive are ordered.

Clustering compares a new mention with the stored mentions of its dates, held in memory while
ingest writes near them. An archive read in file order (names, not dates) jumps across years
from one article to the next, so those mentions had to be read again and again, or held by the
hundred thousand. In publication order ingest moves forward through the dates: what it holds
stays few and is rarely read again. A large archive is read once and spooled to a temporary
file, memory holding only each article's date and place in it.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain, islice

from timeline.ingest.readers import RawArticle

HELD_IN_MEMORY = 1_000
"""Articles sorted in memory; a larger input is spooled (a thousand articles are a few MB)."""
OFFSET_BITS = 40
"""Bits of a sort key for the article's place in the spool (up to 1 TB), the rest for its day."""


def by_publication(articles: Iterable[RawArticle]) -> Iterator[RawArticle]:
    """The articles in publication order, undated ones last, in the order given where dates
    are equal. All of them are read before the first is given."""
    articles = iter(articles)
    first = list(islice(articles, HELD_IN_MEMORY))
    following = next(articles, None)
    if following is None:
        yield from sorted(first, key=_day)
        return
    with tempfile.TemporaryFile(prefix="timeline-ingest-") as spool:
        keys = array("q")
        for raw in chain(_given_up(first), [following], articles):
            keys.append(_key(raw, spool.tell()))
            pickle.dump(raw, spool, protocol=pickle.HIGHEST_PROTOCOL)
        for key in sorted(keys):
            spool.seek(key & ((1 << OFFSET_BITS) - 1))
            yield pickle.load(spool)


def _given_up(held: list[RawArticle]) -> Iterator[RawArticle]:
    """The articles held, in order, each let go as it is given (they are spooled)."""
    held.reverse()
    while held:
        yield held.pop()


def _day(raw: RawArticle) -> date:
    return raw.published or date.max


def _key(raw: RawArticle, offset: int) -> int:
    """A sort key: the day, then the place in the spool (the order given)."""
    return _day(raw).toordinal() << OFFSET_BITS | offset
