"""Event-type rules between keywords of one sentence, typed through the public extractor."""

from __future__ import annotations

import pytest
from extracted import typed


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
        ("The president left the OPEC summit early on Monday.", "en", "Monday", "summit"),
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
        ("The Security Council is expected to vote on the draft on Friday.", "en", "Friday", "other"),
        ("Le Conseil de sécurité doit voter vendredi sur le projet français.", "fr", "vendredi", "other"),
        # a presidential vote is still an election
        ("Voters elected a new president on Sunday.", "en", "Sunday", "election"),
    ],
)
def test_council_votes_are_not_elections(text: str, language: str, date_text: str, expected: str) -> None:
    """A Security Council vote or resolution is neither an election nor an agreement."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        ("Ecuador announced on Monday its withdrawal from the regional bloc.", "en", "Monday", "rupture"),
        ("Le Burundi a annoncé mardi son retrait de la commission du bassin.", "fr", "mardi", "rupture"),
        ("Japan announced on Friday a new aid package for Sudan.", "en", "Friday", "cooperation"),
        (
            "Le ministre a annoncé jeudi à Oslo une aide de 20 millions pour le Sahel.",
            "fr",
            "jeudi",
            "cooperation",
        ),
        # announcing a visit or a summit only schedules it
        (
            "The palace announced on Monday that the king would pay a state visit to Japan.",
            "en",
            "Monday",
            "statement",
        ),
        ("L'Élysée a annoncé lundi la tenue d'un sommet à Nice.", "fr", "lundi", "statement"),
        # a clause break ends what is announced
        (
            "The ministry announced on Monday new visa rules, and Rwanda expelled two diplomats.",
            "en",
            "Monday",
            "statement",
        ),
    ],
)
def test_announcing_a_decision_enacts_it(text: str, language: str, date_text: str, expected: str) -> None:
    """ "Announced its withdrawal" dates the withdrawal; "announced a visit" only schedules one."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        (
            "In a speech on Sunday, the president said the talks had stalled and accused Kigali of bad faith.",
            "en",
            "Sunday",
            "accusation",
        ),
        (
            "Dans un communiqué publié jeudi, le gouvernement a rappelé sa position, accusant Niamey de duplicité.",
            "fr",
            "jeudi",
            "accusation",
        ),
        # accusations only mentioned, or denied, are the statement's topic
        ("The embassy said on Monday that the accusations were baseless.", "en", "Monday", "statement"),
        ("Le ministère a démenti jeudi les accusations de Niamey.", "fr", "jeudi", "statement"),
    ],
)
def test_a_statement_that_accuses_is_an_accusation(
    text: str, language: str, date_text: str, expected: str
) -> None:
    """The verb of accusing, anywhere in the statement's sentence, tells what kind of statement it is."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        ("The next round of negotiations is expected in Geneva in March.", "en", "March", "meeting"),
        ("La prochaine réunion du comité est attendue à Genève en mars.", "fr", "mars", "meeting"),
        ("The Chinese premier is expected in Nairobi on Tuesday for talks.", "en", "Tuesday", "visit"),
        ("Le Premier ministre est quant à lui attendu mardi à Dakar.", "fr", "mardi", "visit"),
        (
            "The summit of the African Union was held on 15 February in Addis Ababa.",
            "en",
            "15 February",
            "summit",
        ),
        (
            "Le sommet de l'Union africaine (UA), qui s'est tenu le 15 février à Addis-Abeba, a élu son président.",
            "fr",
            "le 15 février",
            "summit",
        ),
        ("Talks were held in Doha on Monday.", "en", "Monday", "meeting"),
    ],
)
def test_held_and_expected_take_the_type_of_their_subject(
    text: str, language: str, date_text: str, expected: str
) -> None:
    """ "Was held" or "is expected in" says when and where; its subject says what."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        ("Leaders will hold a summit on climate financing in Nairobi in May.", "en", "May", "summit"),
        (
            "Un sommet extraordinaire, consacré au financement de la transition, aura lieu en juin.",
            "fr",
            "juin",
            "summit",
        ),
        ("The ministers held talks on Tuesday on a new trade deal.", "en", "Tuesday", "meeting"),
        ("Les ministres se sont réunis mardi sur la coopération sécuritaire.", "fr", "mardi", "meeting"),
        # what a gathering did is no theme of it
        ("The summit on Friday adopted a roadmap.", "en", "Friday", "agreement"),
        ("La réunion a débouché mardi sur un accord de cessez-le-feu.", "fr", "mardi", "agreement"),
    ],
)
def test_a_gathering_outranks_its_theme(text: str, language: str, date_text: str, expected: str) -> None:
    """ "A summit on financing" is a summit: the words after "on" or "consacré au" name its theme."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        ("Election observers will be deployed from 3 to 9 May.", "en", "from 3 to 9 May", "other"),
        ("Les observateurs seront déployés du 3 au 9 mai dans tout le pays.", "fr", "du 3 au 9 mai", "other"),
        ("Troops were deployed on Monday along the border.", "en", "Monday", "security"),
        ("La CEDEAO a appelé vendredi les deux camps à la retenue.", "fr", "vendredi", "statement"),
    ],
)
def test_observers_and_appeals(text: str, language: str, date_text: str, expected: str) -> None:
    """Deployed observers are no security event; an appeal for restraint is a statement."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        (
            "The two countries have negotiated a fisheries deal since March, when Ruto visited Accra.",
            "en",
            "March",
            "visit",
        ),
        (
            "Il n'y a plus d'aide depuis juillet 2023, lorsque le Niger a expulsé l'ambassadeur de France.",
            "fr",
            "juillet 2023",
            "rupture",
        ),
        (
            "The bloc has barred the generals from its meetings since May, when it excluded them from a summit.",
            "en",
            "May",
            "rupture",
        ),
        # a when-clause without a keyword leaves the date to the rest of the sentence
        (
            "In 2019, when Oslo chaired the council, the mission was deployed to Goma.",
            "en",
            "2019",
            "security",
        ),
    ],
)
def test_a_when_clause_says_what_happened_at_its_date(
    text: str, language: str, date_text: str, expected: str
) -> None:
    """ "Since March, when Ruto visited Accra" dates the visit, not the deal negotiated since."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text"),
    [
        (
            "The three states, which joined the union in May 2019, announced on Monday that they would leave it, "
            "accusing Brussels of bias.",
            "en",
            "May 2019",
        ),
        (
            "Les trois pays, qui avaient rejoint l'union en mai 2019, ont annoncé lundi leur départ, "
            "accusant Bruxelles de partialité.",
            "fr",
            "mai 2019",
        ),
    ],
)
def test_a_light_keyword_gives_way_only_for_its_own_dates(text: str, language: str, date_text: str) -> None:
    """A date in another phrase (", which joined the union in May 2019,") belongs to another verb."""
    assert typed(text, language, date_text) != "accusation"


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        (
            "Mali, Niger and Burkina Faso formed their own confederation in July 2024.",
            "en",
            "July 2024",
            "cooperation",
        ),
        (
            "Les trois pays ont fondé leur propre confédération en juillet 2024.",
            "fr",
            "juillet 2024",
            "cooperation",
        ),
    ],
)
def test_forming_an_alliance_is_cooperation(text: str, language: str, date_text: str, expected: str) -> None:
    """A bloc or alliance founded is cooperation between its members."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        (
            "On 2 May, Hanoi sent a formal letter to Washington requesting negotiations.",
            "en",
            "2 May",
            "statement",
        ),
        (
            "Le 2 mai, Dakar a adressé une lettre à Bruxelles pour demander des négociations.",
            "fr",
            "Le 2 mai",
            "statement",
        ),
        (
            "The panel will present its report to the General Assembly in October.",
            "en",
            "October",
            "statement",
        ),
        (
            "La ministre présentera ses priorités devant le Conseil permanent le 9 janvier.",
            "fr",
            "le 9 janvier",
            "statement",
        ),
        ("12 June 2024: the two sides sign the Lomé Declaration.", "en", "12 June 2024", "agreement"),
        ("The activist was shot dead on 3 March outside his home.", "en", "3 March", "security"),
        ("Le militant a été abattu le 3 mars devant son domicile.", "fr", "le 3 mars", "security"),
        ("Coast guards boarded the cargo ship Vega on Tuesday.", "en", "Tuesday", "security"),
        ("La marine a arraisonné mardi un cargo au large de Dakar.", "fr", "mardi", "security"),
        ("The French army handed over its last base in Chad on 30 January.", "en", "30 January", "security"),
        ("Le 30 janvier, la France rétrocède sa base de Faya.", "fr", "Le 30 janvier", "security"),
        ("The junta ended the defence agreement with Washington in 2024.", "en", "2024", "rupture"),
        (
            "Le 30 janvier, l'armée française a rétrocédé sa dernière base au Tchad.",
            "fr",
            "Le 30 janvier",
            "security",
        ),
        (
            "In March the bloc's leaders asked President Mahama to act as a mediator with the juntas.",
            "en",
            "March",
            "appointment",
        ),
        (
            "En mars, les chefs d'État ont chargé le président Mahama de jouer le rôle de médiateur.",
            "fr",
            "mars",
            "appointment",
        ),
    ],
)
def test_letters_reports_signings_killings_boardings_and_mediators(
    text: str, language: str, date_text: str, expected: str
) -> None:
    """Lexicon phrases that named no type, or the wrong one, before."""
    assert typed(text, language, date_text) == expected


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        (
            "Ministers of the 27 states gathered on 4 May in Rome for the annual conference.",
            "en",
            "4 May",
            "summit",
        ),
        (
            "Les ministres se sont réunis le 4 mai à Rome pour la conférence annuelle.",
            "fr",
            "le 4 mai",
            "summit",
        ),
        # a bilateral meeting at a summit stays a meeting
        ("Modi met Xi on 23 October at the BRICS summit in Kazan.", "en", "23 October", "meeting"),
    ],
)
def test_gathering_for_a_summit_is_the_summit(
    text: str, language: str, date_text: str, expected: str
) -> None:
    """Ministers who met for a conference attended the conference; two who met at one held talks."""
    assert typed(text, language, date_text) == expected
