"""Actors and places: aliases across languages, demonyms, capitals as places and as governments."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction import extract
from timeline.extraction.gazetteer import load_gazetteer


def names(text: str) -> list[str]:
    """Canonical names of the entities found in a text, in order."""
    return [match.entity.name for match in load_gazetteer().find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("la Fédération de Russie", "Russia"),
        ("la Russie", "Russia"),
        ("les États-Unis", "United States"),
        ("les Etats-Unis", "United States"),
        ("la Côte d’Ivoire", "Côte d'Ivoire"),
        ("l'AES", "Alliance of Sahel States"),
        ("la CEDEAO", "Economic Community of West African States"),
        ("ECOWAS", "Economic Community of West African States"),
        ("l'OTAN", "North Atlantic Treaty Organization"),
        ("les Nigériens", "Niger"),
        ("le gouvernement nigérian", "Nigeria"),
        ("la diplomatie russe", "Russia"),
        ("Moscou", "Moscow"),
        ("Sergueï LAVROV", "Sergei Lavrov"),
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("Sergei Lavrov", "Sergei Lavrov"),
        ("Vladimir POUTINE", "Vladimir Putin"),
    ],
)
def test_aliases_resolve_to_canonical_names(text: str, expected: str) -> None:
    """Every written form finds the same canonical entity."""
    assert expected in names(text)


@pytest.mark.parametrize("text", ["us", "un accord", "eu égard", "ue", "the chad of it", "Nigeriaville"])
def test_acronyms_and_names_need_their_case_and_whole_words(text: str) -> None:
    """Lower-case "us", "un" and "eu" are words, not the US, the UN or the EU."""
    assert names(text) == []


def test_capital_after_a_preposition_is_the_place_not_an_actor() -> None:
    """ "à Moscou" is where it happened; Russia is an actor only if named as one."""
    (mention,) = extract(
        "Le 3 avril 2025, les ministres du Mali et du Niger se sont réunis à Moscou.",
        published=date(2025, 4, 5),
        language="fr",
    ).mentions
    assert mention.location == "Moscow"
    assert {actor.code for actor in mention.actors} == {"MLI", "NER"}


def test_capital_as_subject_stands_for_its_government() -> None:
    """ "Moscou a salué…" makes Russia an actor."""
    (mention,) = extract(
        "Le 3 avril 2025, Moscou a salué la décision du Niger.", published=date(2025, 4, 5), language="fr"
    ).mentions
    assert {actor.code for actor in mention.actors} >= {"RUS", "NER"}
