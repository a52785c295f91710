"""Names told from ordinary words: dotted abbreviations, common words that are also place names,
longer names we do not know, and capitals that stand for the body seated there."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction import extract
from timeline.extraction.gazetteer import load_gazetteer


def codes(text: str) -> list[str | None]:
    """Codes of the entities found in a text, in order."""
    return [match.entity.code for match in load_gazetteer().find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A U.S. delegation arrived late.", ["USA"]),
        ("Un diplomate des U.S.A. est arrivé.", ["USA"]),
        ("A U.N. envoy and an A.U. observer spoke.", ["UN", "AU"]),
        ("The A U team", []),
    ],
)
def test_dotted_abbreviations_are_read_whole(text: str, expected: list[str]) -> None:
    """ "A U.S." holds no "A U" (the African Union): an acronym is written whole."""
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Réunion de crise au ministère ce matin.", []),
        ("Une nouvelle Réunion de travail est prévue.", []),
        ("Le ministre s'est rendu à la Réunion.", ["REU"]),
        ("La Réunion accueille le forum.", ["REU"]),
        ("Dominique Martin a signé le texte.", []),
        ("Le président de la Dominique est arrivé.", ["DMA"]),
    ],
)
def test_names_that_are_common_words_need_their_article(text: str, expected: list[str]) -> None:
    """A capital letter is no evidence for a word that is also a common noun or a first name."""
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Peace and Security Council of the bloc met.", []),
        ("Its Defence and Security Council met.", []),
        ("Le Haut Conseil de sécurité s'est réuni.", []),
        ("Le Conseil national de sécurité et le Haut Conseil de Sécurité ont siégé.", []),
        ("The Security Council voted.", ["UNSC"]),
        ("Le Conseil de sécurité a voté.", ["UNSC"]),
        ("France and Security Council members agreed.", ["FRA", "UNSC"]),
    ],
)
def test_an_organisation_is_matched_by_its_whole_name(text: str, expected: list[str]) -> None:
    """The end of a longer capitalised name we do not know names another body."""
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wildfires spread across British Columbia.", ["CAN"]),
        ("Des incendies ravagent la Colombie-Britannique.", ["CAN"]),
        ("Elections were held in Northern Ireland.", ["GBR"]),
        ("Il vit au Nouveau-Mexique.", ["USA"]),
        ("The New Guinea highlands and Ireland", ["IRL"]),
        ("Les hauts plateaux de Nouvelle-Guinée et l'Irlande", ["IRL"]),
    ],
)
def test_a_longer_place_name_wins_over_its_parts(text: str, expected: list[str]) -> None:
    """ "Colombie-Britannique" is neither Colombia nor Britain; "New Guinea" is not Guinea."""
    assert [match.entity.country for match in load_gazetteer().find(text)] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On 4 March 2025, Moscow criticised Brussels over the new tariffs.", "en"),
        ("Le 4 mars 2025, Moscou a critiqué Bruxelles pour ses nouveaux tarifs.", "fr"),
    ],
)
def test_brussels_as_a_government_is_the_eu(text: str, language: str) -> None:
    """The capital stands for the body seated there: Brussels for the EU, Moscow for Russia."""
    (mention,) = extract(text, published=date(2025, 3, 5), language=language).mentions
    assert {actor.code for actor in mention.actors} == {"RUS", "EU"}
