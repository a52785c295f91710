"""Assembling event mentions: a dated expression in a sentence, with its type, actors and place."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, cached_property

from timeline.extraction.clauses import Clauses, clause_tense, split_clauses
from timeline.extraction.context import (
    ArticleContext,
    article_context,
    reads_as_background,
    referred_capital,
    referred_countries,
)
from timeline.extraction.dateline import dateline_spans, within
from timeline.extraction.event_types import OTHER, TypeMatch, event_types, find_type_keywords, nearest_type
from timeline.extraction.gazetteer import Entity, EntityMatch, load_gazetteer
from timeline.extraction.lexicon import load_lexicon, supported_languages
from timeline.extraction.location import sentence_location
from timeline.extraction.modality import is_hearsay
from timeline.extraction.parties import sentence_actors, sentence_entities
from timeline.extraction.people import context_lexicon, linked_people, title_starts
from timeline.extraction.places import is_national_vote
from timeline.extraction.sentences import Sentence, split_sentences
from timeline.extraction.tense import TenseReader
from timeline.extraction.timex import Timex, tag_timexes

SUMMARY_PARTIES = 4
ELECTION = "election"
STATEMENT = "statement"
POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class ExtractedMention:
    """A dated happening found in one sentence."""

    date_start: date
    date_end: date
    precision: str
    date_text: str
    date_char_start: int
    date_char_end: int
    date_derivation: str
    sentence_char_start: int
    sentence_char_end: int
    evidence: str
    event_type: str
    modality: str
    location: str | None
    confidence: float
    summary: str
    actors: tuple[Entity, ...]


def extract_mentions(text: str, published: date | None, language: str) -> Iterator[ExtractedMention]:
    """Yield one mention per distinct dated happening in each sentence of `text`, in order.

    Undated sentences that follow a meeting, visit, summit, call or agreement elaborate on it:
    the people they name join that event ("Du côté de l'AES, SEM Abdoulaye DIOP a salué…").
    That stops at a sentence that reads as background ("Morsi had been ousted…", "Il y a dix
    ans…").
    """
    if language not in _supported_languages():
        return
    datelines = dateline_spans(text)
    timexes = [
        t
        for t in tag_timexes(text, language=language, reference=published)
        if t.period and t.type in ("DATE", "TIME") and not within(datelines, t.start)
    ]
    starts = [t.start for t in timexes]  # in text order, as tag_timexes returns them
    tenses = TenseReader(text, load_lexicon(language))
    gazetteer = load_gazetteer()
    sentences = split_sentences(text, language)
    titles = title_starts(text, language)
    entities = linked_people(
        [sentence.text for sentence in sentences],
        [sentence_entities(sentence, language, titles, datelines) for sentence in sentences],
        language,
    )
    context = article_context([match for found in entities for match in found], gazetteer)
    elaboration_types = context_lexicon(language)["elaboration_types"]
    mentions: list[ExtractedMention] = []
    elaborated: list[int] = []
    unread: list[str] = []  # undated sentences not yet read for background, read once people come
    for sentence, found in zip(sentences, entities, strict=True):
        near = timexes[bisect_left(starts, sentence.start) : bisect_right(starts, sentence.end)]
        in_sentence = _event_dates(text, [t for t in near if t.end <= sentence.end]) if near else []
        if not in_sentence:
            unread.append(sentence.text)
            people = tuple(m.entity for m in found if m.entity.kind == "person")
            if people and elaborated:
                elaborated, unread = _still_elaborated(elaborated, unread, language), []
                for index in elaborated:
                    mentions[index] = _with_people(mentions[index], people)
            continue
        unread = []
        several_dates = len({(t.period.start, t.period.end) for t in in_sentence if t.period}) > 1
        scene = _scene(sentence, found, published, tenses, language, context, several_dates, entities)
        dated_clauses = frozenset(scene.clauses.clause_at(t.start - sentence.start) for t in in_sentence)
        seen_periods: set[tuple[date, date]] = set()
        elaborated = []
        for timex in in_sentence:
            assert timex.period is not None
            key = (timex.period.start, timex.period.end)
            if key in seen_periods:
                continue
            mention = _mention(scene, timex, dated_clauses)
            if mention is not None:
                seen_periods.add(key)
                if mention.event_type in elaboration_types:
                    elaborated.append(len(mentions))
                mentions.append(mention)
    yield from mentions


@cache
def _supported_languages() -> frozenset[str]:
    """The languages with a lexicon, listed once per process instead of a folder read per article."""
    return frozenset(supported_languages())


@dataclass(frozen=True)
class _Scene:
    """One sentence with what was found in it and around it; what depends on the sentence alone
    is worked out once for all its dates."""

    sentence: Sentence
    keywords: list[TypeMatch]
    published: date | None
    tenses: TenseReader
    location: Entity | None
    actors: tuple[Entity, ...]
    found: list[EntityMatch]
    language: str
    context: ArticleContext
    clauses: Clauses
    article_entities: Sequence[list[EntityMatch]] = ()
    """What every sentence of the article names, for the rare mention that needs it."""

    @cached_property
    def has_tensed_verb(self) -> bool:
        return self.tenses.has_tensed_verb(self.sentence.start, self.sentence.end)

    @cached_property
    def is_reported(self) -> bool:
        return self.tenses.is_reported(self.sentence.start, self.sentence.end)


def _scene(
    sentence: Sentence,
    found: list[EntityMatch],
    published: date | None,
    tenses: TenseReader,
    language: str,
    context: ArticleContext,
    several_dates: bool,
    article_entities: Sequence[list[EntityMatch]],
) -> _Scene:
    """Work out once what every date of a sentence shares: its type keywords, place and actors."""
    text = sentence.text
    location, actors = _parties(text, found, language, context)
    keywords = find_type_keywords(text, language)
    clauses = split_clauses(text, language, relatives_only=not several_dates)
    return _Scene(
        sentence,
        keywords,
        published,
        tenses,
        location,
        actors,
        found,
        language,
        context,
        clauses,
        article_entities,
    )


def _parties(
    text: str, found: list[EntityMatch], language: str, context: ArticleContext
) -> tuple[Entity | None, tuple[Entity, ...]]:
    """The place and the actors of a sentence, or of the clauses left unblanked in `text`."""
    location = _place(text, found, language, context)
    return location, sentence_actors(
        text, found, location, language, referred_countries(text, language, context)
    )


def _place(text: str, found: list[EntityMatch], language: str, context: ArticleContext) -> Entity | None:
    return sentence_location(text, found, language) or referred_capital(text, language, context, found)


@dataclass(frozen=True)
class _Attributes:
    """What a dated happening takes from its sentence: its place, actors and type keywords."""

    location: Entity | None
    actors: tuple[Entity, ...]
    keywords: list[TypeMatch]
    clause_text: str | None
    """Its own clause, the rest blanked, when the sentence has several; None when it has one."""


def _attributes(scene: _Scene, local_start: int, dated_clauses: frozenset[int]) -> _Attributes:
    """Each happening takes what its own clause says, then what the undated clauses say, never
    what another dated clause says ("…vendredi à Dakar, puis à Libreville samedi"). A clause
    keeps the subject it shares ("Anand s'est entretenue lundi…, et devrait se rendre…") and a
    relative clause the words it hangs on; a closing reporting clause (", the ministry said on
    Friday") speaks about the whole sentence, so its statement keeps the sentence's actors."""
    clauses = scene.clauses
    if clauses.count == 1 or dated_clauses == {0}:  # no other clause holds a date of its own
        return _Attributes(scene.location, scene.actors, scene.keywords, None)
    clause = clauses.clause_at(local_start)
    text = scene.sentence.text
    own = clauses.keep(text, {clause})
    keywords = _reported_keywords(scene, clause, dated_clauses) or _own_keywords(
        scene.keywords, clauses, clause
    )
    own_location = _place(own, _found_in(scene, clauses, {clause}), scene.language, scene.context)
    if dated_clauses == {clause} and clause not in clauses.reporting:  # the rest is all shared
        location = own_location or scene.location
        actors = tuple(actor for actor in scene.actors if actor is not location)
        return _Attributes(location, actors, keywords or scene.keywords, own)
    shared_clauses = set(range(clauses.count)) - (dated_clauses - {clause})
    location = own_location
    if location is None:
        shared = clauses.keep(text, shared_clauses)
        location = _place(shared, _found_in(scene, clauses, shared_clauses), scene.language, scene.context)
    parties_clauses = shared_clauses
    if clause in clauses.reporting:  # a statement is about what it reports, not what it hangs on
        parties_clauses = {
            c
            for c in range(clauses.count)
            if c not in dated_clauses - {clause} or clauses.antecedents[c] is None
        }
    found = _found_in(scene, clauses, parties_clauses)
    own_found = [m for m in found if clauses.clause_at(m.start) == clause]
    span = _borrowed_span(clauses, clause, own_found, local_start)
    found += [m for m in scene.found if m not in found and span[0] <= m.start < span[1]]
    found.sort(key=lambda m: m.start)
    parties_text = clauses.keep(text, parties_clauses)
    # "the country" and "les deux pays" refer to the article's countries, whichever clause
    # holds them: every happening of the sentence concerns them
    referred = referred_countries(text, scene.language, scene.context)
    actors = sentence_actors(parties_text, found, location, scene.language, referred)
    if clauses.antecedents[clause] is not None:  # a relative clause tells of what it hangs on alone
        return _Attributes(location, actors, keywords, own)
    keywords = keywords or [k for k in scene.keywords if clauses.clause_at(k.start) in shared_clauses]
    return _Attributes(location, actors, keywords or scene.keywords, own)


def _reported_keywords(scene: _Scene, clause: int, dated_clauses: frozenset[int]) -> list[TypeMatch]:
    """For a date in a closing reporting clause, the sentence's only one ("Britain has expelled a
    Russian diplomat, the Foreign Office said on Wednesday"), the type words of what it reports
    when that has happened already: news dates a happening by its announcement. What it says
    will happen stays a statement."""
    clauses = scene.clauses
    if clause not in clauses.reporting or dated_clauses != {clause}:
        return []
    reported = set(range(clauses.count)) - clauses.reporting
    if clause_tense(clauses.keep(scene.sentence.text, reported), scene.language) != "past":
        return []
    return [
        k
        for k in scene.keywords
        if clauses.clause_at(k.start) in reported and k.event_type.name not in (STATEMENT, OTHER)
    ]


def _own_keywords(keywords: list[TypeMatch], clauses: Clauses, clause: int) -> list[TypeMatch]:
    """The type keywords of a clause: for a relative clause, those of the words it hangs on
    first, since it tells when or where that happened ("the OSCE Ministerial Council, which will
    be held on 3-4 December" is a summit)."""
    antecedent = clauses.antecedents[clause]
    if antecedent is not None:
        named = [k for k in keywords if antecedent[0] <= k.start < antecedent[1]]
        if named:
            return named
    return [k for k in keywords if clauses.clause_at(k.start) == clause]


def _found_in(scene: _Scene, clauses: Clauses, kept: set[int]) -> list[EntityMatch]:
    """The sentence's entities that stand in the `kept` clauses."""
    return [m for m in scene.found if clauses.clause_at(m.start) in kept]


def _borrowed_span(
    clauses: Clauses, clause: int, in_own: list[EntityMatch], local_start: int
) -> tuple[int, int]:
    """Where the parties a clause takes from another stand: a relative clause's antecedent, or
    the sentence's opening subject for a clause that names no party of its own before its verb
    or date ("…, puis à Libreville samedi", "…, avant de rencontrer dimanche X")."""
    antecedent = clauses.antecedents[clause]
    if antecedent is not None:
        return antecedent
    if clause == 0 or clause in clauses.reporting:
        return (0, 0)
    start, end = clauses.subjects[clause - 1]
    end = min(end, local_start)
    if any(start <= m.start < end for m in in_own):
        return (0, 0)
    return clauses.opening_subject


def _still_elaborated(elaborated: list[int], sentences: list[str], language: str) -> list[int]:
    """The mentions undated sentences still elaborate on: none once one reads as background
    (they are read only when one names people to add: until then, the answer changes nothing).

    A sentence naming another kind of happening is not a stop: agreements are signed during
    a visit, and a meeting's people are named beside its "coopération" and "Force unifiée".
    """
    return [] if any(reads_as_background(sentence, language) for sentence in sentences) else elaborated


def _with_people(mention: ExtractedMention, people: tuple[Entity, ...]) -> ExtractedMention:
    names = [actor.name for actor in mention.actors if actor.kind == "person"]
    added = []
    for person in people:
        if person.name not in names:
            names.append(person.name)
            added.append(person)
    if not added:
        return mention
    actors = mention.actors + tuple(added)
    return replace(mention, actors=actors, summary=_summary(mention.event_type, actors, mention.location))


def _event_dates(text: str, timexes: list[Timex]) -> list[Timex]:
    """Keep the timexes of a sentence that date a happening: not a possessive ("this year's
    plan"), and not a coarse relative period around a finer date of the same sentence ("cette
    année" in a sentence dated "les 6 et 7 octobre"; "en janvier 2017" stays a happening)."""
    kept = []
    for timex in timexes:
        if POSSESSIVE.match(text, timex.end):
            continue
        assert timex.period is not None
        period = timex.period
        if timex.derivation == "relative" and any(
            other is not timex
            and other.period is not None
            and period.start <= other.period.start
            and other.period.end <= period.end
            and (other.period.end - other.period.start) < (period.end - period.start)
            for other in timexes
        ):
            continue
        kept.append(timex)
    return kept


def _mention(scene: _Scene, timex: Timex, dated_clauses: frozenset[int]) -> ExtractedMention | None:
    assert timex.period is not None
    sentence = scene.sentence
    local_start, local_end = timex.start - sentence.start, timex.end - sentence.start
    attributes = _attributes(scene, local_start, dated_clauses)
    event_type = nearest_type(attributes.keywords, local_start, local_end)
    location, actors = attributes.location, attributes.actors
    if event_type is None and not actors and not scene.has_tensed_verb:
        return None
    type_name = event_type.name if event_type else OTHER
    if location is None and type_name == ELECTION and is_national_vote(sentence.text, scene.language):
        location = _voting_country(scene)
    modality = _modality(timex, scene, attributes.clause_text)
    confidence = 0.35 + (0.25 if timex.derivation == "explicit" else 0.15)
    confidence += (0.2 if event_type else 0.0) + min(len(actors), 2) * 0.1
    return ExtractedMention(
        date_start=timex.period.start,
        date_end=timex.period.end,
        precision=timex.period.precision,
        date_text=timex.text,
        date_char_start=timex.start,
        date_char_end=timex.end,
        date_derivation=timex.derivation,
        sentence_char_start=sentence.start,
        sentence_char_end=sentence.end,
        evidence=sentence.text,
        event_type=type_name,
        modality=modality,
        location=location.name if location else None,
        confidence=round(min(confidence, 1.0), 2),
        summary=_summary(type_name, actors, location.name if location else None),
        actors=actors,
    )


def _countries_by_name(entities: Sequence[list[EntityMatch]]) -> tuple[Entity, ...]:
    """The article's countries, most mentioned first, a name counting twice: a capital or a
    demonym often names where some other happening was ("annoncé hier à Abuja")."""
    gazetteer = load_gazetteer()
    counts: dict[Entity, int] = {}
    for match in (m for found in entities for m in found):
        entity = match.entity
        country = entity if entity.kind == "country" else gazetteer.by_code.get(entity.country or "")
        if country is None or country.kind != "country":
            continue
        named = entity.kind == "country" and match.role != "demonym"
        counts[country] = counts.get(country, 0) + (2 if named else 1)
    return tuple(sorted(counts, key=lambda country: -counts[country]))


def _voting_country(scene: _Scene) -> Entity | None:
    """The country a national vote is held in: the one the sentence names, else that of a person
    it names ("M. Oligui Nguema a été élu président"), else the article's main country."""
    gazetteer = load_gazetteer()
    for match in scene.found:
        if match.entity.kind == "country":
            return match.entity
    for match in scene.found:
        if match.entity.kind == "person" and match.entity.country in gazetteer.by_code:
            return gazetteer.by_code[match.entity.country]
    countries = _countries_by_name(scene.article_entities) or scene.context.countries
    return countries[0] if countries else None


def _modality(timex: Timex, scene: _Scene, clause_text: str | None) -> str:
    """Planned when the date is ahead or its clause's verb is future; a clause with a verb of
    its own is not planned by another's ("Timor-Leste, which joined in 2025, will attend")."""
    assert timex.period is not None
    if scene.published is not None and timex.period.start > scene.published:
        return "planned"
    own_tense = clause_tense(clause_text, scene.language) if clause_text is not None else None
    if own_tense != "past" and scene.tenses.tense_at(timex.start) == "future":
        return "planned"
    if scene.is_reported and is_hearsay(scene.sentence.text, scene.language):
        return "reported"
    return "occurred"


def _summary(type_name: str, actors: tuple[Entity, ...], location: str | None) -> str:
    """ "Meeting — Russia, Alliance of Sahel States in Moscow": who, what, where, in one line.
    People are named only when no country or organisation is."""
    label = event_types()[type_name].label
    parties = [actor.name for actor in actors if actor.kind != "person"][:SUMMARY_PARTIES]
    if not parties:
        parties = [actor.name for actor in actors if actor.kind == "person"][:2]
    summary = label + (" — " + ", ".join(parties) if parties else "")
    return summary + (f" in {location}" if location else "")
