"""People introduced by a title, whether or not the gazetteer knows them: honorifics are no part
of a name, a demonym may stand between title and name, and a plural title introduces a list."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction import extract


def people(text: str, language: str) -> list[str]:
    """The people of the single event dated in `text`."""
    (mention,) = extract(text, published=date(2025, 6, 30), language=language).mentions
    return [actor.name for actor in mention.actors if actor.kind == "person"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Le 3 juin 2025, le ministre a reçu Son Excellence Monsieur Zhou Hailin.", "fr", ["Zhou Hailin"]),
        ("Le 3 juin 2025, Madame Aïssata Konaté a rencontré l'ambassadeur.", "fr", ["Aïssata Konaté"]),
        ("Le 3 juin 2025, son homologue, M. Ousmane Dabo, a signé l'accord.", "fr", ["Ousmane Dabo"]),
        ("On 3 June 2025, the envoy met His Excellency Mr Tomasz Nowak.", "en", ["Tomasz Nowak"]),
        ("On 3 June 2025, her counterpart, Mrs. Grace Otieno, signed the deal.", "en", ["Grace Otieno"]),
    ],
)
def test_honorifics_are_no_part_of_a_name(text: str, language: str, expected: list[str]) -> None:
    """ "Monsieur", "M.", "Mrs." are dropped, and a bare "M." is never a person."""
    assert people(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Le 3 juin 2025, le Premier ministre malien Amadou Kéïta s'est rendu à Dakar.",
            "fr",
            ["Amadou Kéïta"],
        ),
        ("Le 3 juin 2025, la ministre sénégalaise Awa Ndiaye a signé l'accord.", "fr", ["Awa Ndiaye"]),
        ("On 3 June 2025, the minister said Moscow would reply.", "en", []),
    ],
)
def test_a_demonym_may_stand_between_title_and_name(text: str, language: str, expected: list[str]) -> None:
    """Only a demonym may: "the minister said Moscow" names no person."""
    assert people(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "On 3 June 2025, Presidents Ana Ruiz and Tomás Vidal met in Quito.",
            "en",
            ["Ana Ruiz", "Tomás Vidal"],
        ),
        (
            "On 3 June 2025, the new ambassadors, Peter Lind in Oslo and Jonas Berg, took office.",
            "en",
            ["Peter Lind", "Jonas Berg"],
        ),
        (
            "Le 3 juin 2025, leurs homologues, Karim Benali, Marta Ortega et Jan Kowal, ont signé.",
            "fr",
            ["Karim Benali", "Marta Ortega", "Jan Kowal"],
        ),
        (
            "On 3 June 2025, Presidents Ana Ruiz and Prime Minister Tomás Vidal met.",
            "en",
            ["Ana Ruiz", "Tomás Vidal"],
        ),
    ],
)
def test_a_plural_title_introduces_a_list_of_people(text: str, language: str, expected: list[str]) -> None:
    """Each name of the list is a person; a title in the list starts its own name."""
    assert people(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("On 3 June 2025, Foreign Secretary Liza Ramos chaired the talks.", "en", ["Liza Ramos"]),
        ("On 3 June 2025, its energy minister, Lars Holm Dahl, visited Lagos.", "en", ["Lars Holm Dahl"]),
        ("Le 3 juin 2025, le conseiller fédéral Beat Keller s'est rendu à Kiev.", "fr", ["Beat Keller"]),
    ],
)
def test_titles_introduce_people_the_gazetteer_does_not_know(
    text: str, language: str, expected: list[str]
) -> None:
    """The title, not the gazetteer, tells that a name is a person's."""
    assert people(text, language) == expected
