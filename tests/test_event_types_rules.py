"""Event-type rules between keywords of one sentence, typed through the public extractor."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction import extract

PUBLISHED = date(2025, 4, 5)


def typed(text: str, language: str, date_text: str) -> str:
    """The event type of the mention dated by `date_text` in a text published on 5 April 2025."""
    mentions = extract(text, published=PUBLISHED, language=language).mentions
    (mention,) = [m for m in mentions if m.date_text == date_text]
    return mention.event_type


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        (
            "Two fishermen were released on Tuesday near the border, the navy said.",
            "en",
            "Tuesday",
            "other",
        ),
        (
            "Deux pêcheurs ont été libérés mardi près de la frontière, selon un communiqué de la marine.",
            "fr",
            "mardi",
            "other",
        ),
        # the report's own date is still the report's
        ("The border stayed open, the ministry said on Monday.", "en", "Monday", "statement"),
        ("La frontière reste ouverte, a indiqué lundi le ministère.", "fr", "lundi", "statement"),
    ],
)
def test_a_report_types_no_date_of_what_it_reports(
    text: str, language: str, date_text: str, expected: str
) -> None:
    """ "…, the navy said" tells who reported a release, not that the release was a statement."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        ("Ghana terminated the fisheries agreement with Spain on Thursday.", "en", "Thursday", "rupture"),
        ("On Monday Kenya scrapped its defence cooperation pact with Uganda.", "en", "Monday", "rupture"),
        (
            "Le Niger a mis fin lundi à l'accord de coopération militaire avec l'Italie.",
            "fr",
            "lundi",
            "rupture",
        ),
        ("En mars, Bamako a suspendu la convention fiscale qui le liait à Paris.", "fr", "mars", "rupture"),
        # ending something else is no rupture, and talks without an agreement stay talks
        ("The talks ended on Friday without an agreement.", "en", "Friday", "meeting"),
    ],
)
def test_ending_an_agreement_is_a_rupture(text: str, language: str, date_text: str, expected: str) -> None:
    """A termination verb over an agreement noun outranks the noun alone."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        ("The African Union condemned the coup in Niamey on Thursday.", "en", "Thursday", "statement"),
        (
            "Le Quai d'Orsay a condamné samedi les frappes contre le port de Hodeïda.",
            "fr",
            "samedi",
            "statement",
        ),
        ("Paris a fermement condamné l'attentat dès vendredi.", "fr", "vendredi", "statement"),
    ],
)
def test_what_is_condemned_is_the_topic(text: str, language: str, date_text: str, expected: str) -> None:
    """A condemnation dated on its own is the statement, not the attack it condemns."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        ("On Friday the prime minister received a call from the Emir of Qatar.", "en", "Friday", "call"),
        ("Le président a reçu vendredi un appel du roi du Maroc.", "fr", "vendredi", "call"),
        ("On 3 May Accra dispatched a delegation to Lomé to discuss the border.", "en", "3 May", "visit"),
        (
            "Le Togo a dépêché jeudi à Niamey une délégation conduite par son ministre.",
            "fr",
            "jeudi",
            "visit",
        ),
        ("Burkina Faso left ECOWAS in January 2025.", "en", "January 2025", "rupture"),
        (
            "On Tuesday London ordered two Iranian diplomats to leave the country.",
            "en",
            "Tuesday",
            "rupture",
        ),
    ],
)
def test_calls_delegations_and_departures(text: str, language: str, date_text: str, expected: str) -> None:
    """A call received, a delegation dispatched, a bloc left or diplomats ordered out."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        (
            "Le ministre a reçu en audience, ce lundi 2 juin, Mme Ana Costa, nouvelle ambassadrice "
            "du Portugal, venue lui remettre la copie figurée de ses lettres de créance.",
            "fr",
            "ce lundi 2 juin",
            "appointment",
        ),
        (
            "The foreign minister received in audience on Monday Mr Kofi Mensah, Ghana's new envoy, "
            "who presented a copy of his credentials.",
            "en",
            "Monday",
            "appointment",
        ),
    ],
)
def test_an_audience_for_credentials_is_an_appointment(
    text: str, language: str, date_text: str, expected: str
) -> None:
    """The credentials handed over, not the audience they were handed over in, are the happening."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        ("In July the UN Security Council voted to extend the mission by a year.", "en", "July", "other"),
        ("The council adopted on 4 March a resolution on Haiti.", "en", "4 March", "other"),
        ("Le Conseil de sécurité a adopté jeudi la résolution 2801 sur le Soudan.", "fr", "jeudi", "other"),
        # a presidential vote is still an election
        ("Voters elected a new president on Sunday.", "en", "Sunday", "election"),
    ],
)
def test_council_votes_are_not_elections(text: str, language: str, date_text: str, expected: str) -> None:
    """A Security Council vote or resolution is neither an election nor an agreement."""
    assert typed(text, language, date_text) == expected
