"""Property-based tests: whatever text arrives, extraction and reading behave."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extraction import extract
from timeline.extraction.timex import tag_timexes
from timeline.ingest.readers import RawArticle, ReadFailure, read_bytes

WORDS = [
    "avril",
    "mars",
    "2025",
    "hier",
    "le",
    "May",
    "Monday",
    "3",
    "sa",
    "des",
    "12/04/2025",
    "à",
    "in",
    "Mali",
]
NEWSY = st.lists(st.sampled_from([*WORDS, ".", ",", "\n\n", "’"]), max_size=80).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSY)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=ANY_TEXT,
    language=st.sampled_from(["fr", "en"]),
    published=st.dates(date(1900, 1, 1), date(2100, 12, 31)),
)
def test_extraction_never_raises_and_stays_inside_the_text(text: str, language: str, published: date) -> None:
    """Spans lie inside the text and name exactly their text; dates are real dates in order."""
    for timex in tag_timexes(text, language=language, reference=published):
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        if timex.period is not None:
            assert timex.period.start <= timex.period.end
    for mention in extract(text, published=published, language=language).mentions:
        assert 0 <= mention.sentence_char_start < mention.sentence_char_end <= len(text)
        assert mention.evidence == text[mention.sentence_char_start : mention.sentence_char_end]
        assert mention.date_start <= mention.date_end
        assert date.fromisoformat(mention.date_start.isoformat()) == mention.date_start


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=2000),
    suffix=st.sampled_from(["", ".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".rss", ".xml"]),
)
def test_readers_never_raise_on_arbitrary_bytes(data: bytes, suffix: str) -> None:
    """Any bytes give articles or one-line failures, never an exception."""
    for item in read_bytes(data, source="fuzz", suffix=suffix):
        assert isinstance(item, RawArticle | ReadFailure)
        if isinstance(item, ReadFailure):
            assert "\n" not in item.reason


@settings(max_examples=80, deadline=None)
@given(
    header=st.dictionaries(
        st.sampled_from(["Title", "URL", "Published", "Language", "Source", "Note"]), st.text(max_size=40)
    ),
    body=ANY_TEXT,
)
def test_header_blocks_of_any_content(header: dict[str, str], body: str) -> None:
    """Header values of any content never break reading; the body is what follows them."""
    lines = "".join(
        f"{key}: {value.splitlines()[0] if value.splitlines() else ''}\n" for key, value in header.items()
    )
    for item in read_bytes((lines + "\n" + body).encode("utf-8", "replace"), source="h.txt", suffix=".txt"):
        assert isinstance(item, RawArticle | ReadFailure)
