"""Event-type lexicon cues: one invented sentence per cue, typed through the public extractor."""

from __future__ import annotations

import pytest
from extracted import typed


@pytest.mark.parametrize(
    ("text", "language", "date_text", "expected"),
    [
        # credentials received or presented, with the date between the verb and the credentials
        (
            "Le président a reçu mardi au palais les lettres de créance de trois nouveaux ambassadeurs.",
            "fr",
            "mardi",
            "appointment",
        ),
        (
            "The king received on Monday the credentials of the new envoys of Chile and Peru.",
            "en",
            "Monday",
            "appointment",
        ),
        # "nomination", not the misspelt "nommination"; new ambassadors in the plural
        (
            "Le gouvernement a procédé jeudi à la nomination de six consuls généraux.",
            "fr",
            "jeudi",
            "appointment",
        ),
        (
            "Les nouveaux ambassadeurs prendront leurs fonctions lundi prochain.",
            "fr",
            "lundi prochain",
            "appointment",
        ),
        # a trip to a business forum is a visit; a business forum is no summit
        ("La ministre doit se rendre demain à Lagos pour un forum d'affaires.", "fr", "demain", "visit"),
        ("The minister will travel to Lagos on Friday, his aides confirmed.", "en", "Friday", "visit"),
        (
            "Les délégués participeront vendredi à un forum d'affaires franco-ivoirien.",
            "fr",
            "vendredi",
            "cooperation",
        ),
        ("The Lagos business forum opened on Friday.", "en", "Friday", "cooperation"),
        # a dissolved national assembly is no summit
        ("L'Assemblée nationale a été dissoute en mars par le chef de l'État.", "fr", "mars", "other"),
        ("The National Assembly was dissolved in March by the president.", "en", "March", "other"),
        # the chiefs of staff are not heads of state
        ("Une réunion des chefs d'état-major est prévue en juin à Niamey.", "fr", "juin", "meeting"),
        # a ministerial council or conference of an organisation is multilateral
        (
            "The alliance's ministerial council will be held in Oslo on 3 December.",
            "en",
            "3 December",
            "summit",
        ),
        # a phone conversation with the date between the verb and "au téléphone" / "by phone"
        ("Le Premier ministre s'est entretenu lundi au téléphone avec son homologue.", "fr", "lundi", "call"),
        ("The two presidents spoke on Tuesday by phone about the crisis.", "en", "Tuesday", "call"),
        # organisation and ministry names do not make cooperation
        (
            "Le ministre des Affaires étrangères et de la Coopération était présent samedi à la cérémonie.",
            "fr",
            "samedi",
            "other",
        ),
        (
            "Delegates of the Gulf Cooperation Council were in the city on Sunday for the ceremony.",
            "en",
            "Sunday",
            "other",
        ),
        # a cooperation agreement is an agreement, whichever word is nearer the date
        (
            "The two ministers signed a memorandum on energy cooperation on Tuesday in Rome.",
            "en",
            "Tuesday",
            "agreement",
        ),
        (
            "Les deux pays ont conclu un accord de coopération militaire mercredi.",
            "fr",
            "mercredi",
            "agreement",
        ),
        # summoning a diplomat is a protest, not a meeting
        ("Rabat a convoqué lundi l'ambassadeur d'Algérie pour protester.", "fr", "lundi", "statement"),
        (
            "The ministry summoned the French ambassador on Monday over the remarks.",
            "en",
            "Monday",
            "statement",
        ),
        # "a rappelé" is "reminded"; recalling an ambassador is a rupture
        ("Le ministre a rappelé mardi que le dialogue restait ouvert.", "fr", "mardi", "statement"),
        ("Le Niger a rappelé vendredi son ambassadeur à Paris.", "fr", "vendredi", "rupture"),
        ("Lima recalled on Monday its ambassador in Mexico City.", "en", "Monday", "rupture"),
        # ranks and ceremonial honours are not fighting
        ("Le général d'armée était présent samedi au stade.", "fr", "samedi", "other"),
        # a coup, and a swearing-in in French
        ("Soldiers seized power in March 2021 and dissolved the government.", "en", "March 2021", "security"),
        ("Le nouveau président a prêté serment le 2 avril devant la Cour.", "fr", "le 2 avril", "election"),
        # courts hold hearings; the ministers meet
        ("The court will hold hearings on the case in June.", "en", "June", "other"),
        ("Les ministres se réunissent aujourd'hui à Accra.", "fr", "aujourd'hui", "meeting"),
        ("The president will hold meetings with investors on Thursday.", "en", "Thursday", "meeting"),
        # "selon" attributes, "s'exprimer" is a statement
        ("La présidente doit s'exprimer jeudi devant la presse.", "fr", "jeudi", "statement"),
        # a prisoner release or a surveillance flight is not cooperation
        ("The authorities released the detained fishermen on Sunday.", "en", "Sunday", "other"),
        ("Surveillance flights over the border began in 2019.", "en", "2019", "other"),
        # "in exchange for" and a draft resolution are no cooperation
        ("La France a présenté lundi un projet de résolution au Conseil.", "fr", "lundi", "other"),
        # plural accusations
        ("Le porte-parole a qualifié hier ces accusations de mensongères.", "fr", "hier", "accusation"),
    ],
)
def test_a_lexicon_cue_gives_its_event_type(text: str, language: str, date_text: str, expected: str) -> None:
    """Each cue types the mention dated in its sentence."""
    assert typed(text, language, date_text) == expected
