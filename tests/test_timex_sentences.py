"""Sentence ends for the tagger and the event pipeline: an abbreviation's full stop ("a.m.",
"Gen.", "Jan.", "M.", "av. J.-C.") ends no sentence, so a date after one reads the tense of its
own clause."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.lexicon import load_lexicon
from timeline.extraction.sentences import split_sentences
from timeline.extraction.tense import TenseReader
from timeline.extraction.timex import tag_timexes

PUBLISHED = date(2025, 4, 5)  # a Saturday


def sentences(text: str, language: str) -> list[str]:
    """The sentences of a text, as the event pipeline and the tense reader split it."""
    return [sentence.text for sentence in split_sentences(text, language)]


def values(text: str, language: str) -> list[tuple[str, str]]:
    """Tag a text as TimeML scoring sees it; return (span, value) pairs."""
    found = tag_timexes(text, language=language, reference=PUBLISHED, merge_ranges=False)
    return [(t.text, t.value) for t in found]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The delegates will gather at 9 a.m. Monday in the old town hall.", "en"),
        ("Voting closes at 8 p.m. and counting starts at once.", "en"),
        ("Mr. Ortega and Dr. Lindqvist met Gen. Okafor near St. Andrew's chapel.", "en"),
        ("The U.S. envoy and the U.N. mediator will meet on Sept. 14 in Muscat.", "en"),
        ("The accord of Jan. 9 covers ports, railways, airfields, etc. and several bridges.", "en"),
        ("Clause No. 4 of the treaty names George W. Bush as a witness.", "en"),
        ("M. Lefèvre et Mme Diallo accueilleront le Gén. Barry à Conakry.", "fr"),
        ("La cité fut fondée en 52 av. J.-C. par des marchands grecs.", "fr"),
        ("« Pourquoi maintenant ? » a demandé le porte-parole.", "fr"),
    ],
)
def test_an_abbreviation_does_not_end_a_sentence(text: str, language: str) -> None:
    """Titles, initials, acronyms, month names, clock times and "etc." keep their sentence whole."""
    assert sentences(text, language) == [text]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The ceasefire began at 6 a.m. The guns fell silent soon after.",
            "en",
            ["The ceasefire began at 6 a.m.", "The guns fell silent soon after."],
        ),
        (
            "The mission moved its office to the U.S. It reopened in spring.",
            "en",
            ["The mission moved its office to the U.S.", "It reopened in spring."],
        ),
        (
            "Ils ont parlé de commerce, de pêche, etc. Le communiqué est bref.",
            "fr",
            ["Ils ont parlé de commerce, de pêche, etc.", "Le communiqué est bref."],
        ),
        (
            "Sommet régional\nLes ministres arrivent.",
            "fr",
            ["Sommet régional", "Les ministres arrivent."],
        ),
    ],
)
def test_an_abbreviation_before_a_sentence_opening_word_ends_its_sentence(
    text: str, language: str, expected: list[str]
) -> None:
    """ "at 6 a.m. The guns": a word that opens sentences after the stop starts a new one."""
    assert sentences(text, language) == expected


def test_the_tense_reader_and_the_event_pipeline_share_sentence_bounds() -> None:
    """The tense reader's sentence around a position is the splitter's sentence."""
    text = "Lt. Moreau will brief Sen. Abara at 4 p.m. Tuesday. The press may attend."
    reader = TenseReader(text, load_lexicon("en"))
    first, second = split_sentences(text, "en")
    start, end = reader.sentence_bounds(text.index("Tuesday"))
    assert text[start:end].strip() == first.text
    start, end = reader.sentence_bounds(text.index("press"))
    assert text[start:end].strip() == second.text


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The talks will resume at 10 a.m. on Tuesday in Vienna.",
            "en",
            [("10 a.m. on Tuesday", "2025-04-08T10:00")],
        ),
        ("Mr. Haddad will fly to Geneva with Gen. Mbeki on Thursday.", "en", [("Thursday", "2025-04-10")]),
        (
            "Le ministre se rendra à Rome avec M. Dupont et le Gén. Martin mardi.",
            "fr",
            [("mardi", "2025-04-08")],
        ),
        (
            "La ministre partira avec Mme Leroy et M. Diallo le 3 février.",
            "fr",
            [("le 3 février", "2026-02-03")],
        ),
    ],
)
def test_a_date_after_an_abbreviation_reads_the_tense_of_its_clause(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    """A future verb before "Gen." or "a.m." still governs the date after it."""
    assert values(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"The convoy will leave for the northern border crossing on Friday," he said.',
        "The convoy will leave for the northern border crossing on Friday, he said.",
    ],
)
def test_a_trailing_reporting_verb_does_not_set_the_tense_of_the_clause_before_it(text: str) -> None:
    """ "'… will leave … on Friday,' he said": the reported verb, not "said", dates Friday."""
    assert values(text, "en") == [("Friday", "2025-04-11")]


def test_next_to_is_a_place_not_a_future_cue() -> None:
    """ "next to the embassy" says where, so a weekday beside it stays in the past."""
    text = "Two people were hurt in a blast next to the embassy in the capital Friday."
    assert values(text, "en") == [("Friday", "2025-04-04")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The agency has given the families until 9 a.m. Tuesday to reply.",
            [("9 a.m. Tuesday", "2025-04-08T09:00")],
        ),
        ("Bidders have until Thursday to file their offers.", [("Thursday", "2025-04-10")]),
        ("Shareholders tendered their stock by the Friday deadline.", [("Friday", "2025-04-04")]),
    ],
)
def test_a_weekday_after_a_deadline_preposition_lies_ahead(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """ "until 9 a.m. Tuesday" in a clause without tense is a deadline to come; "by the Friday
    deadline" in a past clause stays in the past."""
    assert values(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "On Tuesday, the National Council of Coastal and Inland Fishing Associations plans to meet.",
            "en",
            [("Tuesday", "2025-04-08")],
        ),
        (
            "Mardi, la commission régionale des pêches maritimes et des cultures marines tiendra sa séance.",
            "fr",
            [("Mardi", "2025-04-08")],
        ),
    ],
)
def test_a_date_opening_its_sentence_reads_the_tense_of_the_verb_after_it(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    """ "On Tuesday, <a long subject> plans to…": a fronted date modifies the main verb after it."""
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Observers can attend the closing session in November.", [("November", "2025-11")]),
        ("The two envoys may meet again in December.", [("December", "2025-12")]),
        ("The rebels stepped down from the council in November.", [("November", "2024-11")]),
    ],
)
def test_a_modal_points_a_year_less_month_ahead(text: str, expected: list[tuple[str, str]]) -> None:
    """ "can attend … in November" speaks of what is possible, so of a November to come; a clause
    without any tense cue still reports the past."""
    assert values(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Friday, after a hastily planned trip to the border, the envoy returned to the capital.",
            [("Friday", "2025-04-04")],
        ),
        ("A second round of talks is planned for Friday in Doha.", [("Friday", "2025-04-11")]),
    ],
)
def test_planned_before_a_noun_describes_it_and_points_nowhere(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """ "planned for Friday" schedules something; "a hastily planned trip" only describes a trip,
    so the weekday follows the clause's own verb."""
    assert values(text, "en") == expected
