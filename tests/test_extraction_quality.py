"""Extraction quality on invented sentences: type tie-breaks and attribution clauses, facility
names as places, and which following sentences lend their people to an event."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction import ExtractedMention, extract
from timeline.extraction.context import reads_as_background

PUBLISHED = date(2025, 4, 5)


def dated(text: str, language: str, date_text: str) -> ExtractedMention:
    """The mention dated by `date_text` in a text published on 5 April 2025."""
    mentions = extract(text, published=PUBLISHED, language=language).mentions
    (mention,) = [m for m in mentions if m.date_text == date_text]
    return mention


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        # a reporting clause after a comma names the source, not the happening
        (
            "Rebels attacked a village in the north of the country early on Sunday, the army said.",
            "en",
            "Sunday",
            "security",
        ),
        (
            "Des rebelles ont lancé une attaque contre un village du nord du pays dimanche, a indiqué l'armée.",
            "fr",
            "dimanche",
            "security",
        ),
        # "according to" / "selon" clauses, even when they hold another type's keyword
        (
            "The foreign ministers held talks in the Omani capital on Tuesday, according to a statement.",
            "en",
            "Tuesday",
            "meeting",
        ),
        (
            "A new round of talks is planned in Doha next week, according to a statement released after the visit.",
            "en",
            "next week",
            "meeting",
        ),
        (
            "Une réunion des ministres de la Défense est prévue à Niamey le mois prochain, "
            "selon un communiqué publié après la visite du ministre.",
            "fr",
            "le mois prochain",
            "meeting",
        ),
        # the clause types only a date it holds: a reopening is no statement
        ("The border will reopen on Monday, the ministry said.", "en", "Monday", "other"),
        # a closing report holding the date dates the happening it reports
        ("Troops left the town, the ministry said on Monday.", "en", "Monday", "security"),
        ("La frontière rouvrira lundi, a annoncé le ministère.", "fr", "lundi", "other"),
        # the longer of two keywords over the same words wins: a business forum is no summit
        ("The investment forum in Lagos opened on Friday.", "en", "Friday", "cooperation"),
        ("Le forum économique de Lomé s'est ouvert vendredi.", "fr", "vendredi", "cooperation"),
        # keywords apart from each other are not compared by length
        ("Le Brésil a accueilli en 2024 le sommet du G20.", "fr", "2024", "summit"),
    ],
)
def test_the_type_comes_from_the_happening_not_its_source(
    text: str, language: str, date_text: str, expected: str
) -> None:
    """Attribution clauses and shorter overlapped keywords do not decide a date's type."""
    assert dated(text, language, date_text).event_type == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        # a numbered site is no place; a known city in its clause is
        ("The last convoy left at Camp 4 on Monday.", "en", "Monday", None),
        ("The two delegations crossed at Gate 3 on Monday.", "en", "Monday", None),
        ("The handover at Camp 4 outside Goma took place on Monday.", "en", "Monday", "Goma"),
        # a name headed by a facility noun, in either order
        ("The ministers met at Nsele Air Base outside Kinshasa on Monday.", "en", "Monday", "Kinshasa"),
        ("The ministers met at Lancaster House on Monday.", "en", "Monday", None),
        ("Les ministres se sont réunis lundi à Hôtel Ivoire.", "fr", "lundi", None),
        ("Le président a reçu mardi au Palais de Koulouba son homologue.", "fr", "mardi", None),
        # a site of a known city places the event in that city, an embassy of a country does not
        ("Les ministres se sont réunis lundi à l'hôtel Radisson de Bamako.", "fr", "lundi", "Bamako"),
        ("Les ministres se sont réunis lundi à la base aérienne 101 de Niamey.", "fr", "lundi", "Niamey"),
        ("Le chargé d'affaires de l'ambassade de France a été convoqué lundi.", "fr", "lundi", None),
        # real places are untouched
        ("The ministers met in Tamanrasset on Monday.", "en", "Monday", "Tamanrasset"),
    ],
)
def test_a_building_or_site_is_not_reported_as_the_place(
    text: str, language: str, date_text: str, expected: str | None
) -> None:
    """Facility names ("Air Base 101", "Palais de Koulouba") give way to the city they are in."""
    assert dated(text, language, date_text).location == expected


def people(mention: ExtractedMention) -> list[str]:
    """The people among a mention's actors, in order."""
    return [actor.name for actor in mention.actors if actor.kind == "person"]


@pytest.mark.parametrize(
    ("text", "language", "date_text", "linked", "not_linked"),
    [
        (
            "The foreign ministers of Ghana and Togo met in Accra on Monday. Foreign Minister Hugh Tandoh "
            "chaired the talks. President Kwame Oduro had been ousted by the army before the vote. "
            "Minister Ama Boateng was not consulted.",
            "en",
            "Monday",
            ["Hugh Tandoh"],
            ["Kwame Oduro", "Ama Boateng"],
        ),
        (
            "The two presidents signed a trade agreement in Lomé on Tuesday. Relations had been frozen "
            "for years after President Kwame Oduro closed the border.",
            "en",
            "Tuesday",
            [],
            ["Kwame Oduro"],
        ),
        (
            "Les ministres des deux pays se sont rencontrés lundi à Lomé. Le ministre Jean Dossou a salué "
            "des échanges fructueux. Le président Paul Kaboré avait été renversé par l'armée avant le scrutin.",
            "fr",
            "lundi",
            ["Jean Dossou"],
            ["Paul Kaboré"],
        ),
        # a past perfect in a relative clause does not make the sentence background
        (
            "Les chefs d'État se sont réunis samedi à Harare. M. Jean Dossou, qui avait fait le déplacement, "
            "a plaidé pour un mécanisme de suivi.",
            "fr",
            "samedi",
            ["Jean Dossou"],
            [],
        ),
        (
            "The ministers met in Accra on Monday. Minister Hugh Tandoh, who had travelled overnight, "
            "opened the session.",
            "en",
            "Monday",
            ["Hugh Tandoh"],
            [],
        ),
    ],
)
def test_a_background_sentence_ends_the_people_an_event_collects(
    text: str, language: str, date_text: str, linked: list[str], not_linked: list[str]
) -> None:
    """People named after an event join it until a sentence reads as background."""
    named = people(dated(text, language, date_text))
    assert all(person in named for person in linked)
    assert not any(person in named for person in not_linked)


@pytest.mark.parametrize(
    ("sentence", "language", "background"),
    [
        ("Morsi had been ousted in 2013.", "en", True),
        ("HISTORICALLY, the two capitals were close.", "en", True),
        ("Talks stalled decades ago.", "en", True),
        ("Minister Hugh Tandoh, who had travelled overnight, opened the session.", "en", False),
        ("Over the past week, the ministers met twice.", "en", False),
        ("Il y a dix ans, les deux pays avaient signé un accord.", "fr", True),
        ("Ces dernières années, Bamako s'est tourné vers Moscou.", "fr", True),
        ("Les ministres qu'il avait reçus ont salué l'accord.", "fr", False),
        ("Les ministres se sont réunis à Niamey.", "fr", False),
    ],
)
def test_a_sentence_reads_as_background_by_its_cues(sentence: str, language: str, background: bool) -> None:
    """Each cue is looked for wherever it may start, in any case, and its lookbehinds still
    exclude a relative clause ("who had travelled")."""
    assert reads_as_background(sentence, language) is background


@pytest.mark.parametrize(
    ("text", "language", "date_text", "place"),
    [
        (
            "Le Niger a salué l'accord. Ses ministres se sont réunis le 21 mai dans la capitale malienne.",
            "fr",
            "le 21 mai",
            "Bamako",
        ),
        (
            "Niger welcomed the deal. Its ministers met on 21 May in the capital of Mali.",
            "en",
            "21 May",
            "Bamako",
        ),
        # no country beside it: the capital of the country the article is about
        (
            "Le Niger a salué l'accord. Ses ministres se sont réunis le 21 mai dans la capitale.",
            "fr",
            "le 21 mai",
            "Niamey",
        ),
    ],
)
def test_the_capital_is_that_of_the_country_named_beside_it(
    text: str, language: str, date_text: str, place: str
) -> None:
    """ "La capitale malienne" in an article about Niger is Bamako, not Niamey."""
    assert dated(text, language, date_text).location == place
