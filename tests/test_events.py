"""Event extraction: happenings per sentence, modality, derivation, people, places, context."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from timeline.extraction import extract
from timeline.extraction.pattern_scan import PatternScan, literal_starts

from conftest import SEED, export_rows, run, write_article

PUBLISHED = date(2025, 4, 5)


def events(text: str, language: str) -> list:
    """The mentions extracted from a text published on 5 April 2025."""
    return list(extract(text, published=PUBLISHED, language=language).mentions)


def test_a_sentence_with_two_dated_happenings_gives_two_events() -> None:
    """Each distinct date in a sentence is its own happening."""
    found = events(
        "Le Mali a quitté la CEDEAO le 29 janvier 2025, après avoir annoncé son retrait le 28 janvier 2024.",
        "fr",
    )
    assert sorted(m.date_start.isoformat() for m in found) == ["2024-01-28", "2025-01-29"]


def test_planned_and_reported_events_are_marked() -> None:
    """Future events are planned (and dated in the future); hearsay is reported."""
    (planned,) = events("The foreign minister will visit Dakar next Tuesday.", "en")
    assert (planned.modality, planned.date_start.isoformat()) == ("planned", "2025-04-08")
    (reported,) = events("Selon des sources locales, des soldats auraient attaqué le village hier.", "fr")
    assert reported.modality == "reported"
    (occurred,) = events("The ministers met in Accra yesterday.", "en")
    assert occurred.modality == "occurred"


def test_derivation_is_recorded() -> None:
    """Explicit dates, relative ones and year-less ones say how they were dated."""
    derivations = {
        m.date_text: m.date_derivation
        for m in events(
            "Ils se sont rencontrés hier. Ils avaient signé un accord le 3 mars. Le traité date du 2 mai 2019.",
            "fr",
        )
    }
    assert derivations == {"hier": "relative", "le 3 mars": "inferred_year", "2 mai 2019": "explicit"}


def test_people_introduced_by_titles_are_found_even_if_unknown() -> None:
    """A title introduces a person the gazetteer does not know; upper-case surnames are normalised."""
    (mention,) = events(
        "On Monday, Guyanese Foreign Minister Hugh Todd met his counterpart in Brasília.", "en"
    )
    assert "Hugh Todd" in {a.name for a in mention.actors if a.kind == "person"}
    (mention,) = events(
        "Le 2 avril 2025, le ministre togolais des Affaires étrangères, Robert DUSSEY, a reçu la délégation.",
        "fr",
    )
    assert "Robert Dussey" in {a.name for a in mention.actors if a.kind == "person"}


def test_titles_and_hearsay_are_read_in_every_sentence_of_an_article() -> None:
    """A title opening a later paragraph introduces its person, and hearsay marks only its own
    sentence (the article is scanned once for them, then each sentence is read)."""
    text = (
        "The delegation arrived in Dakar on 2 April 2025.\n\n"
        "Foreign Minister Hugh Todd met his counterpart on 3 April 2025. "
        "The ministers, according to officials, reportedly signed an agreement on 4 April 2025."
    )
    found = {m.date_start.day: m for m in events(text, "en")}
    assert [a.name for a in found[3].actors if a.kind == "person"] == ["Hugh Todd"]
    assert [found[day].modality for day in (2, 3, 4)] == ["occurred", "occurred", "reported"]


def test_references_to_the_two_countries_use_the_article_context() -> None:
    """ "les deux pays" means the countries the article is about."""
    text = (
        "Le Sénégal et la Gambie ont signé un accord à Banjul.\n\n"
        "Le 3 mars 2025, les deux pays avaient déjà tenu une réunion technique."
    )
    dated = [m for m in events(text, "fr") if m.date_start == date(2025, 3, 3)]
    assert {a.code for a in dated[0].actors} >= {"SEN", "GMB"}


def test_places_after_to_and_unknown_places_are_locations() -> None:
    """ "travelled to Kyiv" and "met in Argyle" give the place."""
    (kyiv,) = events("Last week, the minister travelled to Kyiv for talks.", "en")
    assert kyiv.location == "Kyiv"
    (argyle,) = events(
        "On 14 December 2023, the two presidents met in Argyle and signed a declaration.", "en"
    )
    assert argyle.location == "Argyle"


def test_seed_meeting_gathers_the_people_of_its_paragraphs(db: str) -> None:
    """Lavrov and Diop, named in the sentences about the meeting, are among its people."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    (row,) = export_rows(db)
    assert {"Sergei Lavrov", "Abdoulaye Diop"} <= set(row["people"])


def test_show_tells_how_the_date_was_derived(db: str) -> None:
    """`timeline show` prints the date expression and its derivation."""
    run("ingest", "--db", db, "--published", "2025-04-05", str(SEED))
    result = run("show", "--db", db, "1")
    assert "date: 'Le 03 avril 2025' (explicit)" in result.stdout
    assert "Moscou" in result.stdout


def test_eval_scores_the_bundled_gold_set_above_target() -> None:
    """`timeline eval` on data/eval reaches the event-date F1 target of 0.95."""
    from timeline.config import data_dir

    result = run(
        "eval",
        "--no-baseline",
        str(data_dir() / "eval" / "gold.jsonl"),
        str(data_dir() / "eval" / "articles"),
    )
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if line.startswith("timeline"))
    date_f1 = float(re.split(r"\s+", line)[3])
    assert date_f1 >= 0.95


def test_dates_command_outputs_timexes_as_json_lines() -> None:
    """`timeline dates` reads {"doc_id","lang","dct","text"} lines and writes TIMEX3 timexes."""
    import json

    line = json.dumps(
        {"doc_id": "d1", "lang": "fr", "dct": "2025-04-05", "text": "Il est arrivé hier, pour trois jours."}
    )
    result = run("dates", input=line + "\n")
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert output["doc_id"] == "d1"
    assert [(t["text"], t["type"], t["value"]) for t in output["timexes"]] == [
        ("hier", "DATE", "2025-04-04"),
        ("trois jours", "DURATION", "P3D"),
    ]
    assert all(t["start"] < t["end"] for t in output["timexes"])


SCAN_TEXT = (
    "Xwill will, he'll plan plans to; ACCORD accord d'accord ÉTAT état Etat "
    "a signé; a été signé hier. Foreign Minister Ana Diaz met x-ray 12 COP28 ab abab cd. x.ab (ab"
)
SCAN_RANGES = [
    (0, len(SCAN_TEXT)),
    (3, 40),
    (20, 21),
    # a range starting right after a stop, inside a word, and at a word right after a dot
    (SCAN_TEXT.index(" Foreign"), len(SCAN_TEXT)),
    (SCAN_TEXT.index("abab") + 2, len(SCAN_TEXT)),
    (SCAN_TEXT.index("x.ab") + 2, len(SCAN_TEXT)),
]


@pytest.mark.parametrize(
    "sources",
    [
        [r"\bwill\b", r"\b'll\b", r"\bplans? to\b", r"\b\w{3,}ed\b"],
        [r"(?<!\w)(?:accord|état|d'accord)(?!\w)", r"(?<!\w)(?:COP\d+|[ÉE]tat)(?!\w)"],
        [r"\b(?:a|ont)\s+(?:\w+\s+)?\w+é\b", r"\ba\b", r"(?<=x)-ray|met"],
        [r"(?<![\w.])(?P<title>Foreign\ Minister|Minister)\s+(?P<name>[A-Z]\w+)", r"(ab)+|cd", r"a(?:b|)"],
        [r"\b(?:x|y)?ray", r"[A-Z]\w+", r"\d{2}", r"(?i)accord", r"(?x) a b"],
        # starts sharing their first characters, shorter and longer than the dispatch width
        [r"\bplans? to\b", r"\bplan\b", r"\bpl", r"\bhe'll\b", r"\bhe\b", r"(?<!\w)(?:a s|a é|ab)", r"cd\."],
        # word-start tests stacked, at the very start of the text, and before a non-word character
        [r"\b(?<!\w)Xwill", r"(?<![\w.])ab", r"\b'll", r"\b,", r"(?<!\w)\d"],
    ],
)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_pattern_scan_finds_what_each_pattern_finds_alone(sources: list[str], flags: int) -> None:
    """One shared pass gives, pattern by pattern, exactly the matches of each pattern's finditer."""
    patterns = [re.compile(source, flags) for source in sources]
    scan = PatternScan(patterns)
    for start, end in SCAN_RANGES:
        expected = [(i, m.span()) for i, p in enumerate(patterns) for m in p.finditer(SCAN_TEXT, start, end)]
        assert [(i, m.span()) for i, m in scan.matches(SCAN_TEXT, start, end)] == expected
        assert scan.search_any(SCAN_TEXT, start, end) == any(
            p.search(SCAN_TEXT, start, end) for p in patterns
        )


@pytest.mark.parametrize(
    ("source", "starts"),
    [
        (r"\bwill\b", [("\\b", "w", "i", "l", "l")]),
        (r"(?<=x)\bab|cd", [("\\b", "a", "b"), ("c", "d")]),
        (r"plans? to", [("p", "l", "a", "n")]),
        (r"Foreign\ Minister", [(*"Foreign", "\\ ", *"Minister")]),
        (r"\b(?:a|b)?c", None),
        (r"[ab]c", None),
        (r"(?i)abc", None),
    ],
)
def test_literal_starts_are_what_every_match_begins_with(source: str, starts: list | None) -> None:
    """Optional parts end a literal start; a pattern without one is scanned on its own."""
    assert literal_starts(source) == starts


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Qatar hosted talks between Mali and Niger in Doha on 26 March 2025.", "en"),
        ("Le ministre a reçu son homologue malien à Dakar le 3 avril.", "fr"),
        ("Der Bundeskanzler traf am 3. April 2025 in Berlin den französischen Präsidenten.", "de"),
    ],
)
def test_language_is_detected_even_on_one_sentence(text: str, language: str) -> None:
    """A short English sentence is English, not a close neighbour without a lexicon; a clearly
    German one stays German."""
    assert extract(text, published=date(2025, 4, 5)).language == language


def test_a_presidential_palace_is_not_an_election() -> None:
    """ "presidential" names an election only with the word for one; a meeting at the palace is a
    meeting."""
    text = "A meeting with President Erdoğan is scheduled for 4 April 2025 at the presidential complex in Ankara."
    (mention,) = extract(text, published=date(2025, 4, 1), language="en").mentions
    assert mention.event_type == "meeting"


def test_an_abbreviation_inside_a_sentence_keeps_its_event_whole() -> None:
    """ "Gen." and "a.m." end no sentence: the event keeps its verb, its future and its evidence."""
    text = "Mr. Haddad will meet Gen. Mbeki at 10 a.m. on Thursday in Khartoum."
    (found,) = events(text, "en")
    assert (found.date_start.isoformat(), found.modality, found.evidence) == ("2025-04-10", "planned", text)


@pytest.mark.parametrize(
    ("language", "text", "start", "end"),
    [
        (
            "en",
            "From 1 January to 31 December 2023, Mali and Niger held joint patrols.",
            "2023-01-01",
            "2023-12-31",
        ),
        (
            "en",
            "The ministers of Ghana and Togo met from December 28 to January 3, 2025.",
            "2024-12-28",
            "2025-01-03",
        ),
        (
            "fr",
            "Du 1er janvier au 31 décembre 2023, le Mali et le Niger ont mené des patrouilles conjointes.",
            "2023-01-01",
            "2023-12-31",
        ),
        (
            "fr",
            "De janvier à décembre 2023, le Mali et le Niger ont tenu des réunions.",
            "2023-01-01",
            "2023-12-31",
        ),
        (
            "fr",
            "Le ministre sénégalais s'est rendu au Ghana du 28 décembre au 3 janvier 2025.",
            "2024-12-28",
            "2025-01-03",
        ),
    ],
)
def test_a_range_whose_second_end_carries_the_year_is_one_event_over_it(
    language: str, text: str, start: str, end: str
) -> None:
    """The year written after a range dates its first end too, so the event spans the range."""
    (mention,) = events(text, language)
    assert (mention.date_start.isoformat(), mention.date_end.isoformat()) == (start, end)


def test_an_ingested_range_is_exported_with_its_two_ends(db: str, tmp_path: Path) -> None:
    """Ingest and export keep "du 1er janvier au 31 décembre 2023" as 2023-01-01 to 2023-12-31."""
    article = write_article(
        tmp_path,
        "patrouilles.txt",
        "Du 1er janvier au 31 décembre 2023, le Mali et le Niger ont mené des patrouilles conjointes.",
        published="2025-05-13",
        language="fr",
    )
    run("ingest", "--db", db, str(article))
    (row,) = export_rows(db)
    assert (row["date"], row["date_end"]) == ("2023-01-01", "2023-12-31")
