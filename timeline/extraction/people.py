"""People introduced by a title ("Foreign Minister Hugh Todd", "le ministre togolais des Affaires
étrangères, Robert Dussey", "SEM Sergueï LAVROV", "Presidents Ana Ruiz and Tomás Vidal"), whether or
not the gazetteer knows them, and the surname-only mentions that refer back to them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from timeline.config import data_dir
from timeline.extraction.gazetteer import TOKEN, Entity, EntityMatch, Gazetteer, fold
from timeline.extraction.lexicon import load_lexicon
from timeline.extraction.pattern_scan import PatternScan

NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w'’-]+"
"""Two letters at least: the "M" of "M." is no name."""
PARTICLE = r"(?:de|da|del|della|di|do|dos|du|van|von|bin|ben|ould|al|el|le|la)"
NAME = rf"(?P<name>{NAME_TOKEN}(?:\s+(?:{PARTICLE}\s+)?{NAME_TOKEN}){{0,3}})"
ADJECTIVE = r"(?P<adjective>[a-zà-öø-ÿ][\w-]*)"
"""A demonym between a title and the name: "le Premier ministre haïtien Garry Conille"."""


@dataclass(frozen=True)
class _Patterns:
    titled: PatternScan
    """A title, then the name right after it ("Minister Hugh Todd", "le ministre haïtien Garry
    Conille") or after an apposition ("le ministre … des Affaires étrangères, Robert Dussey"),
    with no honorific in the name ("Son Excellence Monsieur Li Wei" is Li Wei)."""
    next_in_list: re.Pattern[str]
    """The next name of a list after a plural title ("Presidents Ana Ruiz and Tomás Vidal")."""
    honorifics: frozenset[str]
    """Titles after which a single word is a name ("M. Sánchez")."""
    plural_titles: frozenset[str]
    title_first: re.Pattern[str]
    """A name that is a title followed by a name ("Prime Minister Tomás Vidal" in a list)."""


@cache
def context_lexicon(language: str) -> dict[str, list[str]]:
    """The titles and referring phrases of a language (English when it has none)."""
    raw = json.loads((data_dir() / "lexicons" / "people_context.json").read_text(encoding="utf-8"))
    return raw.get(language) or raw["en"]


@cache
def _patterns(language: str) -> _Patterns:
    lexicon = context_lexicon(language)
    titles = tuple(sorted([*lexicon["titles"], *lexicon["plural_titles"]], key=len, reverse=True))
    title = "(?P<title>" + _alternation(titles) + ")"
    lead = rf"(?P<lead>(?:(?:{_alternation(lexicon['name_honorifics'])})\s+)*)"
    direct = re.compile(rf"(?<![\w.]){title}\s+{lead}{NAME}")
    with_demonym = re.compile(rf"(?<![\w.]){title}\s+{ADJECTIVE}\s+{lead}{NAME}")
    appositive = re.compile(rf"(?<![\w.]){title}\b[^,.;:()«»\"]{{0,70}},\s+{lead}{NAME}")
    return _Patterns(
        PatternScan((direct, with_demonym, appositive)),
        re.compile(_next_in_list(lexicon) + lead + NAME),
        frozenset(lexicon["honorifics"]),
        frozenset(lexicon["plural_titles"]),
        re.compile(rf"(?:{_alternation(titles)})\s"),
    )


def _next_in_list(lexicon: dict[str, list[str]]) -> str:
    """What comes between two names of a list: where the first is posted, then a comma or a
    joiner ("Christopher Cooter à New Delhi et Dinesh Patnaik", "Ana Ruiz, Tomás Vidal and…")."""
    joiner = _alternation(lexicon["list_joiners"])
    place = rf"(?:\s+(?:{_alternation(lexicon['list_places'])})\s+{NAME_TOKEN}(?:\s+{NAME_TOKEN})?)?"
    return place + rf"(?:\s*,\s*(?:(?:{joiner})\s+)?|\s+(?:{joiner})\s+)"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def title_starts(text: str, language: str) -> Sequence[int]:
    """Where a title may start in `text`: most sentences hold none and need no scan of their own."""
    return _patterns(language).titled.possible_starts(text)


def titled_people(sentence: str, language: str, gazetteer: Gazetteer) -> Iterator[EntityMatch]:
    """Yield people written after a title, resolved to the gazetteer where it knows them; after a
    plural title, each person of the list that follows."""
    patterns = _patterns(language)
    seen: set[tuple[int, int]] = set()
    for _, match in patterns.titled.matches(sentence):
        adjective = match.groupdict().get("adjective")
        if adjective and not _is_demonym(adjective, gazetteer):
            continue
        single_ok = match["title"] in patterns.honorifics
        while match is not None:
            person = _person(match, single_ok or bool(match["lead"]), patterns, gazetteer)
            if person is None or (person.start, person.end) in seen:
                break
            seen.add((person.start, person.end))
            yield person
            if match.re is patterns.next_in_list or match["title"] in patterns.plural_titles:
                match = patterns.next_in_list.match(sentence, person.end)
            else:
                match = None


def _person(
    match: re.Match[str], single_ok: bool, patterns: _Patterns, gazetteer: Gazetteer
) -> EntityMatch | None:
    """The person a match names, if its name reads as one ("Prime Minister Ana" after a list
    joiner is the next title, not a name)."""
    name = _trim(match["name"])
    tokens = name.split()
    if not tokens or (len(tokens) == 1 and not (single_ok or tokens[0].isupper())):
        return None
    if patterns.title_first.match(name):
        return None
    entity = _resolve(name, gazetteer)
    start = match.start("name")
    return EntityMatch(start, start + len(name), entity, "person") if entity is not None else None


def _is_demonym(word: str, gazetteer: Gazetteer) -> bool:
    surface = gazetteer.surfaces.get((fold(word),))
    return surface is not None and surface.role == "demonym"


def _trim(name: str) -> str:
    """Drop a trailing particle or a capitalised sentence word caught after the name."""
    tokens = name.split()
    while tokens and re.fullmatch(PARTICLE, tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def _resolve(name: str, gazetteer: Gazetteer) -> Entity | None:
    key = tuple(fold(token) for token in TOKEN.findall(name))
    surface = gazetteer.surfaces.get(key)
    if surface is not None:
        return surface.entity if surface.entity.kind == "person" else None
    first = gazetteer.surfaces.get((fold(name.split()[0]),))
    if first is not None and first.entity.kind not in ("person", "city"):
        return None  # "Minister Mali" is not a person; "Sofia" or "Victoria" are also first names
    return Entity(canonical_person_name(name), "person", None)


def canonical_person_name(written: str) -> str:
    """Normalise upper-case surnames: "Bakary Yaou SANGARÉ" -> "Bakary Yaou Sangaré"."""
    return " ".join(
        "-".join(part.capitalize() for part in token.split("-"))
        if token.isupper() and len(token) > 1
        else token
        for token in written.split()
    )


SURNAME_CONTINUES = re.compile(r"[\s-]+[A-ZÀ-ÖØ-Þ]")
"""A capitalised word right after a surname makes it part of another name ("Ali Hassan")."""
SURNAME_ENDS = re.compile(rf"(?:[-'’]|\b{PARTICLE}\s+)$")
"""A hyphen or a particle right before a surname makes it the end of another name ("Lula da
Silva" is no Marina Silva, "camp Thomas-d'Aquin-Ouattara" no Mr Ouattara)."""


def linked_people(
    sentences: Sequence[str], found: Sequence[list[EntityMatch]], language: str
) -> list[list[EntityMatch]]:
    """Link surname-only mentions ("M. Sánchez", "Sánchez said", "Mme Fall") to the full name
    the same article gives, anywhere in it: news names a person in full once, then by surname.

    `found` holds each sentence's matches; a surname shared by two full names, or that is also
    a month ("Theresa May", "in May"), is left alone.
    """
    surnames = _article_surnames(found, language)
    if not surnames:
        return list(found)
    # plain substring tests pick the few sentences worth a closer look
    written = {
        form
        for person in surnames.values()
        for form in (_surname(person), _surname(person).upper(), fold(_surname(person)).capitalize())
        if form[:1].isupper()
    }
    return [
        _linked(sentence, matches, surnames, written)
        if any(form in sentence for form in written)
        else matches
        for sentence, matches in zip(sentences, found, strict=True)
    ]


def _surname(person: Entity) -> str:
    return TOKEN.findall(person.name)[-1]


def _article_surnames(found: Sequence[list[EntityMatch]], language: str) -> dict[str, Entity]:
    """The full names of an article's people by folded surname, where that surname is theirs alone."""
    lexicon = load_lexicon(language)
    by_surname: dict[str, set[Entity]] = {}
    people = {match.entity for matches in found for match in matches if match.entity.kind == "person"}
    for person in people:
        surname = _surname(person)
        if " " in person.name and not lexicon.month_number(surname):
            by_surname.setdefault(fold(surname), set()).add(person)
    return {surname: next(iter(people)) for surname, people in by_surname.items() if len(people) == 1}


def _linked(
    sentence: str, matches: list[EntityMatch], surnames: dict[str, Entity], written: set[str]
) -> list[EntityMatch]:
    """A sentence's matches with its surname-only people given their full names, and the
    capitalised surnames nothing matched added as people."""
    linked = [_full_name(match, surnames) for match in matches]
    for start, end in _occurrences(sentence, written):
        if (
            SURNAME_CONTINUES.match(sentence, end)
            or SURNAME_ENDS.search(sentence, max(0, start - 8), start)
            or any(m.start < end and start < m.end for m in linked)
        ):
            continue
        linked.append(EntityMatch(start, end, surnames[fold(sentence[start:end])], "person"))
    return sorted(linked, key=lambda m: m.start)


def _occurrences(sentence: str, forms: set[str]) -> Iterator[tuple[int, int]]:
    """Where any of `forms` stands as a whole word in `sentence`."""
    for form in forms:
        start = sentence.find(form)
        while start != -1:
            end = start + len(form)
            if not (start and sentence[start - 1].isalnum()) and not sentence[end : end + 1].isalnum():
                yield start, end
            start = sentence.find(form, end)


def _full_name(match: EntityMatch, surnames: dict[str, Entity]) -> EntityMatch:
    """A person known by surname alone ("M. Sánchez") under the full name the article gives."""
    person = match.entity
    if person.kind != "person" or " " in person.name or fold(person.name) not in surnames:
        return match
    return EntityMatch(match.start, match.end, surnames[fold(person.name)], match.role)
