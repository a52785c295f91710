"""A generator of realistic articles of the project's own making, for speed measurements: any
number, deterministic for a seed, French and English mixed, 2-6 KB each, with the date forms the
extractor handles. Written for the Diplomatic Timeline project."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

PLACES = {
    "fr": [
        "Bamako",
        "Niamey",
        "Ouagadougou",
        "Dakar",
        "Abidjan",
        "Moscou",
        "Paris",
        "Ankara",
        "Alger",
        "Rabat",
    ],
    "en": [
        "Bamako",
        "Niamey",
        "Ouagadougou",
        "Dakar",
        "Abidjan",
        "Moscow",
        "Paris",
        "Ankara",
        "Algiers",
        "Rabat",
    ],
}
COUNTRIES = {
    "fr": [
        "le Mali",
        "le Niger",
        "le Burkina Faso",
        "le Sénégal",
        "la Côte d'Ivoire",
        "la Russie",
        "la France",
        "la Turquie",
    ],
    "en": ["Mali", "Niger", "Burkina Faso", "Senegal", "Côte d'Ivoire", "Russia", "France", "Turkey"],
}
MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
SENTENCES = {
    "fr": [
        "Le {d} {m} {y}, les ministres des Affaires étrangères de {c1} et de {c2} se sont réunis à {p}.",
        "Hier, le président de {c1} a reçu à {p} une délégation de {c2} pour des consultations.",
        "{C1} et {c2} ont signé un accord de coopération sécuritaire du {d} au {d2} {m} {y}.",
        "La semaine dernière, {c1} a annoncé le rappel de son ambassadeur en poste dans {c2}.",
        "Une nouvelle session de la commission mixte se tiendra le mois prochain à {p}.",
        "Selon un communiqué publié mardi, {c1} entend renforcer ses échanges avec {c2} avant fin {y}.",
        "Les deux pays avaient déjà établi des relations diplomatiques en {y0}, rappelle le ministère.",
        "Le budget de la force conjointe atteint 120 milliards de francs CFA, soit 15 % de plus qu'en {y0}.",
    ],
    "en": [
        "On {d} {m} {y}, the foreign ministers of {c1} and {c2} met in {p}.",
        "Yesterday, the president of {c1} received a delegation from {c2} in {p} for consultations.",
        "{C1} and {c2} signed a security cooperation agreement from {d} to {d2} {m} {y}.",
        "Last week, {c1} recalled its ambassador to {c2}, the foreign ministry said.",
        "A new session of the joint commission will be held next month in {p}.",
        "In a statement on Tuesday, {c1} said it would expand trade with {c2} before the end of {y}.",
        "The two countries established diplomatic relations in {y0}, the ministry recalled.",
        "The joint force's budget reached $200 million, 15% more than in {y0}, at 10:30 on Monday.",
    ],
}


OUTLETS = [
    "Sahel Dispatch",
    "Niamey Observer",
    "Le Courrier de Bamako",
    "Ouaga Hebdo",
    "Dakar Matin",
    "Abidjan Express",
    "Gulf Policy Wire",
    "Bosphorus Bulletin",
    "Maghreb Review",
    "Continental Affairs",
    "La Lettre diplomatique",
    "West Africa Monitor",
]


def article(rng: random.Random, number: int) -> str:
    """One article with a header, 2-6 KB."""
    language = rng.choice(["fr", "en"])
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
    paragraphs = []
    while sum(len(p) for p in paragraphs) < rng.randint(2000, 5800):
        sentence, aside = (_sentence(rng, language, published) for _ in range(2))
        paragraphs.append(" ".join([sentence, aside.split(",")[0].rstrip(".") + "."]))
    header = (
        f"Title: Synthetic dispatch {number}\nPublished: {published}\nLanguage: {language}\n"
        f"Source: {rng.choice(OUTLETS)}\n"
    )
    return (
        header
        + "Note: Generated for the Diplomatic Timeline benchmarks.\n\n"
        + "\n\n".join(paragraphs)
        + "\n"
    )


def _sentence(rng: random.Random, language: str, published: date) -> str:
    """One sentence of a template, filled in (French articles contracted: "de le" is "du")."""
    c1, c2 = rng.sample(COUNTRIES[language], 2)
    happened = _happened(rng, published)
    day = min(happened.day, 25)
    sentence = rng.choice(SENTENCES[language]).format(
        d=day,
        d2=day + 2,
        m=MONTHS[language][happened.month - 1],
        y=happened.year,
        y0=rng.randint(1960, 2020),
        c1=c1,
        C1=c1[:1].upper() + c1[1:],
        c2=c2,
        p=rng.choice(PLACES[language]),
    )
    return sentence.replace(" de le ", " du ").replace(" à le ", " au ")


def _happened(rng: random.Random, published: date) -> date:
    """The day a dated sentence reports: as in news, mostly the weeks before publication, now
    and then further back."""
    if rng.random() < 0.85:
        return published - timedelta(days=rng.randrange(30))
    return published - timedelta(days=rng.randrange(30, 400))


def write_corpus(folder: Path, count: int, seed: int = 1) -> Path:
    """Write `count` articles into `folder` (deterministic for a seed)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for number in range(count):
        (folder / f"article-{number:06d}.txt").write_text(article(rng, number), encoding="utf-8")
    return folder
