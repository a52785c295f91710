"""Where a happening took place: not where someone is posted or based, but a city given by one
of its parts or its seat of government, and the country of a national vote."""

from __future__ import annotations

from datetime import date

import pytest
from extracted import codes, dated


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ghana recalled its ambassador in Lomé on 31 March for consultations.", "en"),
        ("Le Ghana a rappelé le 31 mars son ambassadeur à Lomé pour consultations.", "fr"),
    ],
)
def test_an_envoys_post_is_a_party_not_the_place(text: str, language: str) -> None:
    """The recall happens in Accra's ministry, not in Lomé; Togo is the party it is aimed at."""
    recall = dated(text, language, date(2025, 3, 31))
    assert recall.location is None
    assert {"GHA", "TGO"} <= codes(recall)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A diplomat based in Accra said the talks would open in Cotonou on 10 April.", "en"),
        (
            "Un diplomate en poste à Accra a indiqué que les pourparlers s'ouvriraient à Cotonou le 10 avril.",
            "fr",
        ),
    ],
)
def test_where_a_source_is_based_is_not_the_place(text: str, language: str) -> None:
    """The talks are in Cotonou, whichever city the source speaks from."""
    assert dated(text, language, date(2025, 4, 10)).location == "Cotonou"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ghana's president visited the White House on 2 April.", "en"),
        ("Le président ghanéen a été reçu le 2 avril à la Maison-Blanche.", "fr"),
    ],
)
def test_a_seat_of_government_written_as_a_place_gives_its_city(text: str, language: str) -> None:
    """The White House is in Washington."""
    assert dated(text, language, date(2025, 4, 2)).location == "Washington"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Kremlin welcomed the agreement on 2 April.", "en"),
        ("Le Kremlin a salué l'accord le 2 avril.", "fr"),
    ],
)
def test_a_seat_of_government_as_a_subject_is_no_place(text: str, language: str) -> None:
    """ "The Kremlin welcomed" speaks for a government, from no place in particular."""
    assert dated(text, language, date(2025, 4, 2)).location is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police arrested two men in east Accra on 2 April.", "en"),
        ("La police a arrêté deux hommes le 2 avril dans la banlieue d'Accra.", "fr"),
    ],
)
def test_a_part_of_a_city_places_the_happening_in_it(text: str, language: str) -> None:
    """East Accra and its suburbs are in Accra."""
    assert dated(text, language, date(2025, 4, 2)).location == "Accra"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The envoys met President Mahama at Jubilee House, Accra, on 2 April.", "en"),
        ("Les envoyés ont rencontré le président Mahama au palais du Jubilé, Accra, le 2 avril.", "fr"),
    ],
)
def test_a_site_followed_by_its_city_places_the_happening_in_the_city(text: str, language: str) -> None:
    """A site is no place to report; the city after it is."""
    assert dated(text, language, date(2025, 4, 2)).location == "Accra"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Ghana's electoral commission confirmed the results on Friday. Observers said the presidential "
            "election held on 2 March 2025 was calm.",
            "en",
        ),
        (
            "La commission électorale du Ghana a confirmé vendredi les résultats. Selon les observateurs, "
            "l'élection présidentielle du 2 mars 2025 s'est déroulée dans le calme.",
            "fr",
        ),
    ],
)
def test_a_national_vote_takes_place_in_its_country(text: str, language: str) -> None:
    """A sentence that names no country still places the vote in the article's country."""
    assert dated(text, language, date(2025, 3, 2)).location == "Ghana"
