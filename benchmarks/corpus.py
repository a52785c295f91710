"""A generator of realistic articles of the project's own making, for speed measurements: any
number, deterministic for a seed, French and English mixed, 2-6 KB each, with the date forms the
extractor handles. Written for the Diplomatic Timeline project."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

CITIES = [
    "Bamako",
    "Niamey",
    "Ouagadougou",
    "Dakar",
    "Abidjan",
    "Paris",
    "Ankara",
    "Rabat",
    "N'Djamena",
    "Conakry",
    "Nouakchott",
    "Accra",
    "Abuja",
    "Lomé",
    "Cotonou",
    "Berlin",
    "Rome",
    "Doha",
    "New Delhi",
    "Tokyo",
    "Nairobi",
    "Tunis",
    "Madrid",
]
"""Cities spelt alike in French and English."""
PLACES = {
    "fr": [*CITIES, "Moscou", "Alger", "Pékin", "Riyad", "Le Caire", "Addis-Abeba"],
    "en": [*CITIES, "Moscow", "Algiers", "Beijing", "Riyadh", "Cairo", "Addis Ababa"],
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
        "le Tchad",
        "la Guinée",
        "la Mauritanie",
        "le Ghana",
        "le Nigeria",
        "le Togo",
        "le Bénin",
        "l'Algérie",
        "le Maroc",
        "la Chine",
        "l'Allemagne",
        "l'Italie",
        "le Qatar",
        "l'Arabie saoudite",
        "l'Inde",
        "le Japon",
        "le Brésil",
        "l'Égypte",
        "l'Éthiopie",
        "le Kenya",
        "la Tunisie",
        "l'Espagne",
    ],
    "en": [
        "Mali",
        "Niger",
        "Burkina Faso",
        "Senegal",
        "Côte d'Ivoire",
        "Russia",
        "France",
        "Turkey",
        "Chad",
        "Guinea",
        "Mauritania",
        "Ghana",
        "Nigeria",
        "Togo",
        "Benin",
        "Algeria",
        "Morocco",
        "China",
        "Germany",
        "Italy",
        "Qatar",
        "Saudi Arabia",
        "India",
        "Japan",
        "Brazil",
        "Egypt",
        "Ethiopia",
        "Kenya",
        "Tunisia",
        "Spain",
    ],
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


CONTEXT = {
    "fr": [
        "Les discussions ont porté sur la sécurité régionale, le commerce et la coopération énergétique.",
        "« Nous sommes déterminés à approfondir ce partenariat », a déclaré un haut responsable de {c1}.",
        "Plusieurs analystes y voient un repositionnement stratégique de {c1} dans la région.",
        "La délégation comprenait des représentants des ministères de la Défense et de l'Économie.",
        "Les autorités de {c2} n'ont pas souhaité commenter ces informations.",
        "Le communiqué final insiste sur le respect de la souveraineté et de l'intégrité des États.",
        "Des experts des deux pays doivent encore préciser les modalités de mise en œuvre.",
        "L'opposition a critiqué le manque de transparence entourant les négociations.",
        "Les échanges commerciaux entre {c1} et {c2} restent modestes mais progressent.",
        "Sur le terrain, la situation sécuritaire demeure préoccupante dans les zones frontalières.",
        "Les partenaires techniques et financiers suivent de près l'évolution du dossier.",
        "Un diplomate en poste à {p} parle d'une « étape importante » pour la stabilité régionale.",
    ],
    "en": [
        "The talks covered regional security, trade and energy cooperation.",
        '"We are determined to deepen this partnership," a senior official from {c1} said.',
        "Several analysts see it as a strategic repositioning by {c1} in the region.",
        "The delegation included officials from the defence and economy ministries.",
        "The authorities in {c2} declined to comment on the reports.",
        "The final communique stresses respect for the sovereignty and integrity of states.",
        "Experts from both countries have yet to settle how the plan will be carried out.",
        "The opposition criticised the lack of transparency surrounding the negotiations.",
        "Trade between {c1} and {c2} remains modest but is growing.",
        "On the ground, security remains a concern in several border areas.",
        "Donors and technical partners are following the matter closely.",
        'A diplomat based in {p} called it "an important step" for regional stability.',
    ],
}
"""Sentences without dates: most of a news article's sentences, between the dated ones."""


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
        paragraphs.append(_paragraph(rng, language, published))
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


def _paragraph(rng: random.Random, language: str, published: date) -> str:
    """A sentence of a template (most of them dated) and one to three undated ones, about the
    same two countries and place."""
    c1, c2 = rng.sample(COUNTRIES[language], 2)
    names = {"c1": c1, "C1": c1[:1].upper() + c1[1:], "c2": c2, "p": rng.choice(PLACES[language])}
    happened = _happened(rng, published)
    day = min(happened.day, 25)
    dates = {
        "d": day,
        "d2": day + 2,
        "m": MONTHS[language][happened.month - 1],
        "y": happened.year,
        "y0": rng.randint(1960, 2020),
    }
    sentences = [rng.choice(SENTENCES[language]).format(**names, **dates)]
    sentences += [t.format(**names) for t in rng.sample(CONTEXT[language], rng.randint(1, 3))]
    return " ".join(sentences).replace(" de le ", " du ").replace(" à le ", " au ")


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
