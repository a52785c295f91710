"""Countries, organisations, cities and people, and finding them in text.

Names come from pycountry (ISO 3166 names and their translations) and from our own files in
`data/gazetteer/` (short forms, demonyms, capitals, organisations with dated membership,
cities, people with aliases). Matching works on word tokens folded for case and accents, so
"Etats-Unis", "États-Unis" and "ÉTATS-UNIS" are one key, and "Sergueï LAVROV" finds Lavrov.
"""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from timeline.config import data_dir

TOKEN = re.compile(r"\w+")
JOINER = re.compile(r"^[\s\-'’.]{0,3}$")
MAX_TOKENS = 8
DOTTED_BEFORE = re.compile(r"\w\.$")
DOTTED_AFTER = re.compile(r"\.\w")
WORD_BEFORE = re.compile(r"(\w+)[\s'’]+$")


@dataclass(frozen=True)
class Entity:
    """A canonical actor or place."""

    name: str
    kind: str
    """country | organization | person | city"""
    code: str | None
    """ISO alpha-3 for countries, our code for organisations, the country of a city or person;
    for a capital, the government it stands for ("Brussels" stands for the EU)."""
    country: str | None = None
    members: tuple[tuple[str, str | None, str | None], ...] = ()
    """For organisations: (country code, from, to) with ISO dates or None."""


@dataclass(frozen=True)
class EntityMatch:
    """One occurrence of an entity in a text."""

    start: int
    end: int
    entity: Entity
    role: str
    """How it was written: name | acronym | demonym | capital | city | person."""


@dataclass(frozen=True)
class _Surface:
    entity: Entity
    role: str
    acronym: bool
    after: frozenset[str] | None = None
    """For a name that is also a common word, the words it must come right after."""
    bounded: bool = False
    """A country's or organisation's name, which must not end a longer unknown name."""


@dataclass
class _Node:
    """A node of the token trie: the forms continuing with each next token, and the form that
    ends here, if any."""

    next: dict[str, _Node] = field(default_factory=dict)
    surface: _Surface | None = None


@dataclass
class Gazetteer:
    """Lookup of written forms (as folded token tuples) to entities."""

    surfaces: dict[tuple[str, ...], _Surface] = field(default_factory=dict)
    by_code: dict[str, Entity] = field(default_factory=dict)
    capitals: dict[str, Entity] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    """Written forms by canonical name, for autocompletion."""
    trie: _Node = field(default_factory=_Node)
    """The forms of `surfaces` by token: `find` follows a text's tokens only as far as some form
    does, instead of looking up every length at every token."""
    needs_article: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    """Names that are also common words ("Réunion de haut niveau"), with the folded words that
    must come right before them for them to be names ("la Réunion")."""
    determiners: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    place_prefixes: frozenset[str] = frozenset()

    def add(self, written: str, entity: Entity, role: str) -> None:
        """Register a written form; the first registration of a form wins."""
        key = tuple(fold(token) for token in TOKEN.findall(written))
        if not key or len(key) > MAX_TOKENS:
            return
        acronym = written.replace(".", "").isupper() and len(written.replace(".", "")) <= 6
        bounded = role == "name" and not acronym and entity.kind in ("country", "organization")
        surface = self.surfaces.setdefault(
            key, _Surface(entity, role, acronym, self.needs_article.get(key), bounded)
        )
        node = self.trie
        for token in key:
            node = node.next.setdefault(token, _Node())
        node.surface = surface
        if role != "demonym":
            self.aliases.setdefault(entity.name, set()).add(written)

    def find(self, text: str) -> Iterator[EntityMatch]:
        """Yield the longest non-overlapping entity mentions in `text`, in order."""
        folded = list(map(fold, TOKEN.findall(text)))
        # the tokens' offsets are found only once a walk needs them: most sentences need none
        tokens: list[re.Match[str]] = []
        first_tokens = self.trie.next
        resume = previous = 0
        for index, token in enumerate(folded):
            if index < resume or token not in first_tokens:
                continue
            node = first_tokens[token]
            # most words that begin a name ("le", "the") begin none here: no walk for them
            if node.surface is None and (index + 1 == len(folded) or folded[index + 1] not in node.next):
                continue
            tokens = tokens or list(TOKEN.finditer(text))
            match = self._longest_at(text, tokens, folded, index, range(previous, resume))
            if match is not None:
                found, consumed = match
                yield found
                previous, resume = index, index + consumed

    def _longest_at(
        self, text: str, tokens: list[re.Match[str]], folded: list[str], index: int, matched: range
    ) -> tuple[EntityMatch, int] | None:
        """The longest form starting at token `index` that is written as a name; `matched` holds
        the tokens of the match before it."""
        ending: list[tuple[int, _Surface]] = []
        node: _Node | None = self.trie.next[folded[index]]
        length = 1
        while node is not None:
            if node.surface is not None:
                ending.append((length, node.surface))
            node = node.next.get(folded[index + length]) if index + length < len(folded) else None
            length += 1
        for length, surface in reversed(ending):
            last = index + length - 1
            if last > index and any(
                not JOINER.match(text[tokens[i].end() : tokens[i + 1].start()]) for i in range(index, last)
            ):
                continue
            start, end = tokens[index].start(), tokens[last].end()
            if (
                not _written_acceptably(text[start:end], surface)
                or (surface.acronym and not _whole_acronym(text, start, end))
                or (surface.after is not None and self._word_before(text, start) not in surface.after)
                or (
                    surface.bounded
                    and index
                    and self._part_of_longer_name(surface, tokens, folded, index, matched)
                )
            ):
                continue
            return EntityMatch(start, end, surface.entity, surface.role), length
        return None

    @staticmethod
    def _word_before(text: str, start: int) -> str:
        found = WORD_BEFORE.search(text, max(0, start - 24), start)
        return fold(found[1]) if found else ""

    def _part_of_longer_name(
        self, surface: _Surface, tokens: list[re.Match[str]], folded: list[str], index: int, matched: range
    ) -> bool:
        """Whether a name ends a longer capitalised name we do not know, which names something
        else: "Haut Conseil de sécurité" or "Mediation and Security Council" is not the UN
        Security Council, "Northern Ireland" or "Nouveau-Mexique" not the country."""

        if surface.entity.kind == "country":
            return folded[index - 1] in self.place_prefixes and self._unknown_capitalised(
                tokens, folded, index - 1, matched
            )
        if self._unknown_capitalised(tokens, folded, index - 1, matched):
            return True
        return (
            index >= 3
            and folded[index - 1] in self.connectors
            and self._unknown_capitalised(tokens, folded, index - 2, matched)
        )

    def _unknown_capitalised(
        self, tokens: list[re.Match[str]], folded: list[str], position: int, matched: range
    ) -> bool:
        return (
            tokens[position].group()[:1].isupper()
            and folded[position] not in self.determiners
            and position not in matched
        )


def _whole_acronym(text: str, start: int, end: int) -> bool:
    """An acronym is written whole: "A U.S. official" holds neither "A U" nor the "S" of
    "U.S.", so a dotted abbreviation is never read as a shorter code."""
    return not (
        any(char.isspace() for char in text[start:end])
        or DOTTED_BEFORE.search(text, max(0, start - 2), start)
        or DOTTED_AFTER.match(text, end)
    )


def _written_acceptably(written: str, surface: _Surface) -> bool:
    """Acronyms must be upper case ("us" is not the US); names must start with a capital."""
    if surface.acronym:
        return written.replace(".", "").isupper()
    if surface.role == "demonym":
        return True
    return written[:1].isupper()


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Fold case and accents: the lookup key of a token (cached: news repeats its words)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process from pycountry and `data/gazetteer/`."""
    folder = data_dir() / "gazetteer"
    matching = json.loads((folder / "matching.json").read_text(encoding="utf-8"))
    gazetteer = Gazetteer(
        needs_article={
            tuple(map(fold, TOKEN.findall(name))): frozenset(map(fold, before))
            for name, before in matching["needs_article"].items()
        },
        determiners=frozenset(matching["determiners"]),
        connectors=frozenset(matching["connectors"]),
        place_prefixes=frozenset(matching["place_prefixes"]),
    )
    people = _read(folder / "people.json")
    for person in people:
        entity = Entity(person["name"], "person", person.get("country"), person.get("country"))
        for written in [person["name"], *person.get("aliases", [])]:
            gazetteer.add(written, entity, "person")
    for organisation in _read(folder / "organizations.json"):
        members = tuple(
            (member["country"], member.get("from"), member.get("to"))
            for member in organisation.get("members", [])
        )
        names = [
            name for language in ("en", "fr") for name in organisation.get(language, {}).get("names", [])
        ]
        entity = Entity(names[0] if names else organisation["code"], "organization", organisation["code"])
        entity = Entity(entity.name, entity.kind, entity.code, members=members)
        gazetteer.by_code[organisation["code"]] = entity
        for written in names:
            gazetteer.add(written, entity, "name")
    _add_countries(gazetteer, _read(folder / "countries.json"))
    for city in _read(folder / "cities.json"):
        forms = [*city.get("en", []), *city.get("fr", [])]
        if forms:
            entity = Entity(forms[0], "city", city["country"], city["country"])
            for written in forms:
                gazetteer.add(written, entity, "city")
    return gazetteer


def _add_countries(gazetteer: Gazetteer, countries: list[dict[str, Any]]) -> None:
    import pycountry

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    extra = {country["code"]: country for country in countries}
    for record in pycountry.countries:
        data = extra.get(record.alpha_3, {})
        english = data.get("en", {}).get("names") or []
        canonical = getattr(record, "common_name", None) or (english[0] if english else record.name)
        entity = Entity(canonical, "country", record.alpha_3, record.alpha_3)
        gazetteer.by_code[record.alpha_3] = entity
        iso_names = [
            record.name,
            getattr(record, "common_name", None),
            getattr(record, "official_name", None),
        ]
        iso_names = [name for name in iso_names if name]
        written_names = [*english, *data.get("fr", {}).get("names", [])]
        written_names += [form for name in iso_names for form in _iso_name_forms(name)]
        written_names += [form for name in iso_names for form in _iso_name_forms(french.gettext(name))]
        for written in written_names:
            gazetteer.add(written, entity, "name")
        for language in ("en", "fr"):
            section = data.get(language, {})
            for demonym in section.get("demonyms", []):
                gazetteer.add(demonym, entity, "demonym")
            if section.get("capital"):
                # the capital stands for its government, or for the body seated there (Brussels)
                government = data.get("capital_stands_for", record.alpha_3)
                name = data["en"].get("capital") or section["capital"]
                capital = gazetteer.capitals.setdefault(
                    record.alpha_3, Entity(name, "city", government, record.alpha_3)
                )
                gazetteer.add(section["capital"], capital, "capital")
    for code, data in extra.items():  # places pycountry lacks, such as Kosovo
        if code not in gazetteer.by_code and data.get("en", {}).get("names"):
            entity = Entity(data["en"]["names"][0], "country", code, code)
            gazetteer.by_code[code] = entity
            for written in [*data["en"]["names"], *data.get("fr", {}).get("names", [])]:
                gazetteer.add(written, entity, "name")


def _iso_name_forms(name: str) -> list[str]:
    """ISO writes "Russie, Fédération de" and "Iran, Islamic Republic of": return usable forms."""
    name = re.sub(r"\s*\(.*?\)", "", name)
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    return [head, f"{tail} {head}".replace("' ", "'")]


def _read(path: Any) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))
