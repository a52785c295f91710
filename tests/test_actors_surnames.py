"""People named in full once, then by surname alone: the surname links to the full name given
in the same article."""

from __future__ import annotations

from datetime import date

from timeline.extraction import extract
from timeline.extraction.gazetteer import load_gazetteer
from timeline.extraction.people import linked_people, titled_people
from timeline.extraction.sentences import split_sentences


def people_by_sentence(text: str, language: str) -> list[list[str]]:
    """The people of each sentence of an article once surnames are linked."""
    gazetteer = load_gazetteer()
    sentences = [sentence.text for sentence in split_sentences(text, language)]
    found = []
    for sentence in sentences:
        matches = list(gazetteer.find(sentence))
        titled = titled_people(sentence, language, gazetteer)
        matches += [p for p in titled if all(p.end <= m.start or p.start >= m.end for m in matches)]
        found.append(sorted(matches, key=lambda m: m.start))
    linked = linked_people(sentences, found, language)
    return [[m.entity.name for m in matches if m.entity.kind == "person"] for matches in linked]


def test_a_surname_after_an_honorific_links_to_the_full_name() -> None:
    text = (
        "La ministre ghanéenne des Affaires étrangères, Efua Mensah, est arrivée lundi. "
        "Mme Mensah a ensuite rencontré la presse."
    )
    assert people_by_sentence(text, "fr") == [["Efua Mensah"], ["Efua Mensah"]]


def test_a_bare_surname_links_to_the_full_name() -> None:
    text = "Foreign Minister Jonas Lindqvist arrived on Monday. Lindqvist then met the press."
    assert people_by_sentence(text, "en") == [["Jonas Lindqvist"], ["Jonas Lindqvist"]]


def test_a_surname_shared_by_two_people_stays_unlinked() -> None:
    text = "Le ministre Paul Mensah et l'ambassadeur Kofi Mensah sont arrivés. M. Mensah a pris la parole."
    assert people_by_sentence(text, "fr")[1] == ["Mensah"]


def test_a_surname_inside_another_name_or_a_month_is_not_the_person() -> None:
    text = (
        "Minister Carla Silva and Minister Dana June spoke. "
        "Later in June, Paulo da Silva arrived near Fort-Silva."
    )
    assert people_by_sentence(text, "en")[1] == []


def test_the_extractor_gives_a_later_surname_its_full_name() -> None:
    text = (
        "La ministre ghanéenne des Affaires étrangères, Efua Mensah, est arrivée lundi à Accra. "
        "Mercredi, Mme Mensah a rencontré son homologue togolais à Lomé."
    )
    mentions = extract(text, published=date(2025, 4, 5), language="fr").mentions
    (wednesday,) = [m for m in mentions if m.date_text == "Mercredi"]
    assert "Efua Mensah" in {a.name for a in wednesday.actors if a.kind == "person"}
