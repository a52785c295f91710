"""The tense that resolves bare weekdays and marks planned events: names that look like verb
endings, French obligation verbs, and adverbs between an auxiliary and its cue."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction import extract
from timeline.extraction.timex import tag_timexes

PUBLISHED = date(2025, 4, 5)  # a Saturday
LAST_MONDAY, NEXT_MONDAY = "2025-03-31", "2025-04-07"
LAST_TUESDAY, NEXT_TUESDAY = "2025-04-01", "2025-04-08"


def weekday(text: str, language: str) -> str:
    """The value of the last DATE in `text` (the one after any context sentence)."""
    dates = [t for t in tag_timexes(text, language=language, reference=PUBLISHED) if t.type == "DATE"]
    return dates[-1].value


def modality(text: str, language: str) -> str:
    """The modality of the one event extracted from `text`."""
    (mention,) = extract(text, published=PUBLISHED, language=language).mentions
    return mention.modality


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Invité au sommet, Narendra Modi s'est entretenu mardi avec le président.", LAST_TUESDAY),
        ("fr", "Alexandra Ferreira, la ministre, a signé mardi l'accord.", LAST_TUESDAY),
        ("fr", "Narendra Modi rencontrera mardi le président sénégalais.", NEXT_TUESDAY),
        ("fr", "Le sommet s'est ouvert. Viendra mardi une réunion des ministres.", NEXT_TUESDAY),
        ("en", "Mohammed bin Salman met the envoy on Tuesday.", LAST_TUESDAY),
        ("en", "Ahmed Attaf will receive the envoy on Tuesday.", NEXT_TUESDAY),
    ],
)
def test_a_name_is_not_a_verb_ending(language: str, text: str, expected: str) -> None:
    """ "Narendra" ends like "viendra" and "Ahmed" like "signed": a capitalised word inside a
    sentence is a name, so it tells no tense; a verb opening its sentence still does."""
    assert weekday(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Invité au sommet, Narendra Modi s'est entretenu mardi avec le président."),
        ("fr", "Reçu par Alexandra Ferreira, le ministre a signé mardi l'accord."),
        ("en", "Invited by Mohammed bin Salman, the envoy met officials on Tuesday."),
    ],
)
def test_a_name_does_not_make_an_event_planned(language: str, text: str) -> None:
    """The clause's own verbs are past; the name alone must not turn the event into a plan."""
    assert modality(text, language) == "occurred"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre doit se rendre lundi à Dakar.", NEXT_MONDAY),
        ("Les ministres doivent se retrouver lundi à Dakar.", NEXT_MONDAY),
        ("Le président devrait se rendre lundi à Dakar.", NEXT_MONDAY),
        ("Les chefs d'État devraient se réunir lundi à Dakar.", NEXT_MONDAY),
        ("Les ministres devront se retrouver lundi à Dakar.", NEXT_MONDAY),
        ("Le ministre est censé se rendre lundi à Dakar.", NEXT_MONDAY),
        ("Le ministre est attendu lundi à Dakar.", NEXT_MONDAY),
        ("Les chefs d'État sont attendus lundi à Dakar pour le sommet.", NEXT_MONDAY),
        ("La réunion doit avoir lieu lundi à Dakar.", NEXT_MONDAY),
        ("Le ministre a dû se rendre lundi à Dakar.", LAST_MONDAY),
        ("Le ministre devait se rendre lundi à Dakar.", LAST_MONDAY),
        ("Le ministre doit avoir quitté Dakar lundi.", LAST_MONDAY),
        ("Le ministre, qui était attendu lundi à Dakar, a annulé sa visite.", LAST_MONDAY),
        ("Le traité, qui a été signé lundi, doit être ratifié par le Parlement.", LAST_MONDAY),
    ],
)
def test_french_obligation_and_schedule_verbs_look_ahead(text: str, expected: str) -> None:
    """ "doit se rendre", "devra", "est censé", "est attendu": what is due lies ahead; the same
    verbs in a past form ("a dû", "devait", "était attendu") or with a past infinitive ("doit
    avoir quitté") do not."""
    assert weekday(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre est attendu lundi à Dakar.", "planned"),
        ("Les ministres devront se retrouver lundi à Dakar.", "planned"),
        ("Le ministre a dû se rendre lundi à Dakar.", "occurred"),
    ],
)
def test_french_obligation_verbs_make_an_event_planned(text: str, expected: str) -> None:
    """The clause's own future cue makes the event a plan."""
    assert modality(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India is also due to host the summit on Monday.", NEXT_MONDAY),
        ("The ministers are now due to meet in Dakar on Monday.", NEXT_MONDAY),
        ("The talks are still to resume on Monday.", NEXT_MONDAY),
        ("The minister is now expected to arrive in Dakar on Monday.", NEXT_MONDAY),
        ("The minister will also travel to Dakar on Monday.", NEXT_MONDAY),
        ("India was also due to host the summit on Monday.", LAST_MONDAY),
        ("The delay announced on Monday is also due to the strike.", LAST_MONDAY),
    ],
)
def test_an_adverb_between_auxiliary_and_cue_keeps_the_future(text: str, expected: str) -> None:
    """ "is also due to host" is as future as "is due to host"; "was also due to" is a past
    plan, and "due to the strike" gives a cause, not a schedule."""
    assert weekday(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India is also due to host the summit on Monday.", "planned"),
        ("The delay announced on Monday is also due to the strike.", "occurred"),
    ],
)
def test_an_adverb_between_auxiliary_and_cue_keeps_the_plan(text: str, expected: str) -> None:
    """The clause's own future cue makes the event a plan; a cause does not."""
    assert modality(text, "en") == expected
