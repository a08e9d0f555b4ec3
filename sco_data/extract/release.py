"""Clean text -> Release: parse_release joins one small extractor per field."""

from __future__ import annotations

from sco_data.extract.counterparts import (
    DOUBT_NONE_NAMED,
    DOUBT_NO_COUNTRY,
    DOUBT_SHORT_NAME,
    assign_host_country,
    extract_counterparts,
    first_counterpart_sentence,
)
from sco_data.extract.countries import country_index
from sco_data.extract.dates import choose_event_date, event_date_candidates, refine_event_date
from sco_data.extract.engagement import EVENT, MEETING, PHONE_CALL, VIDEO_CALL, extract_engagement_type
from sco_data.extract.findings import Finding
from sco_data.extract.interlocutors import add_office_holders, add_speakers
from sco_data.extract.name_shapes import ONE_WORD_NAME
from sco_data.extract.occasion import extract_occasion
from sco_data.extract.officials import extract_official, fits_term
from sco_data.extract.phrases import Tokens
from sco_data.extract.places import extract_place
from sco_data.extract.published import extract_published, printed_day, year_source
from sco_data.extract.segment import Document, segment
from sco_data.extract.topics import Taxonomy, load_taxonomy
from sco_data.schema import Doubt, Evidence, Person, Release


# Engagements that are talks with people: the other side may be named apart from the clause.
TALKS = frozenset({MEETING, PHONE_CALL, VIDEO_CALL})


def extract_countries(tokens: Tokens) -> tuple[str, ...]:
    """Countries named anywhere, in order of first mention."""
    seen: dict[str, None] = {}
    for match in country_index().find(tokens):
        seen.setdefault(match.value, None)
    return tuple(seen)


def counterpart_doubts(kind: str, counterparts: tuple[Person, ...], people: Finding) -> list[str]:
    """Why the counterparts may be wrong: talks with no one named, a name that may be cut short,
    a counterpart of no known country (a sign the title around the name was misread), and what
    the rules that found them doubt."""
    reasons = list(people.doubts)
    if kind in TALKS and not counterparts:
        reasons.append(DOUBT_NONE_NAMED)
    if any((len(person.name.split()) < 2 and not ONE_WORD_NAME.match(person.name))
           or any(len(word.rstrip(".")) == 1 for word in person.name.split()) for person in counterparts):
        reasons.append(DOUBT_SHORT_NAME)
    if any(person.country is None for person in counterparts):
        reasons.append(DOUBT_NO_COUNTRY)
    return reasons


def _named_in_lead(document: Document, found: Finding) -> bool:
    """Whether any evidence of a finding lies in the headline or the lead paragraph."""
    if document.lead is None:
        return any(item.in_title for item in found.evidence)
    start = document.paragraph_starts[document.lead]
    end = start + len(document.lead_text)
    return any(item.in_title or start <= item.start < end for item in found.evidence)


def _topic_evidence(document: Document, matches: list[tuple[int, int, str]]) -> list[Evidence]:
    """Topic words that counted, as evidence in the title or the text."""
    title_length = len(document.title) + 1 if document.title else 0
    evidence = []
    for start, end, topic_id in matches:
        if start < title_length:
            evidence.append(Evidence("topic", topic_id, start, end, True))
        else:
            evidence.append(Evidence("topic", topic_id, start - title_length, end - title_length))
    return evidence


def parse_release(text: str, source: str | None = None, *, published: str | None = None,
                  taxonomy: Taxonomy | None = None) -> Release:
    """Parse one release's text into a Release; never raises for any string."""
    taxonomy = taxonomy or load_taxonomy()
    document = segment(text)
    published_on = extract_published(document, published)
    dates = event_date_candidates(document, year_source(document), printed_day(document, published_on))
    official = extract_official(document, choose_event_date(dates).value or published_on)
    name = official.value.name if official.value else None
    date = choose_event_date(dates, lambda day: fits_term(name, day))
    found = extract_counterparts(document, official.value)
    kind = extract_engagement_type(document, _named_in_lead(document, found.met), bool(found.met.value))
    people = add_office_holders(found.people(kind.value in {MEETING, VIDEO_CALL}), found.offices, document, official.value)
    if kind.value in TALKS:
        people = add_speakers(people, document, official.value, found.offices)
    place = extract_place(document, kind.value, date.value)
    city = place.value.city if place.value else None
    # Met where no city is found (a province, a venue no gazetteer knows), a host's official
    # is of the country the report's dateline names (not on a call: the dateline may be the
    # SCO side's, "BEIJING (Xinhua) -- ... held a telephone conversation with ...").
    dateline = document.dateline if kind.value in {MEETING, EVENT} else None
    host = city.country if city else (dateline.country if dateline else None)
    counterparts = assign_host_country(people.value or (), document, host)
    event_date = refine_event_date(date.value, first_counterpart_sentence(document, counterparts)) \
        if kind.value == MEETING else date.value
    occasion = extract_occasion(document)

    warnings = [*date.warnings, *official.warnings]
    if kind.value in {"meeting", "phone_call", "video_call"} and not counterparts:
        warnings.append("no named counterpart found")
    if kind.value in {MEETING, EVENT}:
        warnings += place.warnings

    full_text = document.full_text
    lead_end = document.text_offset + (document.paragraph_starts[document.lead] + len(document.lead_text)
                                       if document.lead is not None else 0)
    tokens = document.tokens
    asides = tuple((start + document.text_offset, end + document.text_offset) for start, end in document.recaps)
    counts = taxonomy.count(full_text, tokens, lead_end, len(document.title or ""), asides)
    topics = taxonomy.topics_of(counts)
    topic_matches = [match for match in counts.counted if match[2] in topics]
    evidence = (*date.evidence, *official.evidence, *people.evidence, *place.evidence, *occasion.evidence,
                *_topic_evidence(document, topic_matches))
    official_value = official.value
    doubts = [Doubt("event_date", reason) for reason in date.doubts]
    doubts += [Doubt("engagement_type", reason) for reason in kind.doubts]
    doubts += [Doubt("sco_official", reason) for reason in official.doubts]
    doubts += [Doubt("counterparts", reason) for reason in counterpart_doubts(kind.value, counterparts, people)]
    doubts += [Doubt("location_city", reason) for reason in place.doubts]
    doubts += [Doubt("topics", reason) for reason in taxonomy.doubts(counts, topics)]
    return Release(
        release_id=document.release_id,
        source=source,
        title=document.title,
        event_date=event_date,
        engagement_type=kind.value,
        sco_official=official_value.name if official_value else None,
        sco_role=official_value.role if official_value else None,
        counterparts=counterparts,
        location_city=place.value.written if place.value else None,
        location_country=city.country if city else None,
        latitude=city.latitude if city else None,
        longitude=city.longitude if city else None,
        occasion=occasion.value,
        topics=topics,
        countries_mentioned=extract_countries(tokens),
        text=document.text,
        published=published_on,
        warnings=tuple(warnings),
        doubts=tuple(doubts),
        topic_mentions=tuple((topic_id, counts.total[topic_id]) for topic_id in taxonomy.ids),
        foreign_lines=document.foreign_lines,
        evidence=tuple(evidence),
        location_key=city.name if city else None,
    )


# A short release that passes through every extractor, so that each loads its lexicons and
# indexes (the gazetteer takes about a second) before any real file is timed.
WARM_UP_TEXT = ("SCO Secretary-General meets Ambassador\n\nOn 3 March 2021, in Beijing, SCO Secretary-General "
                "Vladimir Norov met with Ambassador of India to China Vikram Misri at the SCO Secretariat. "
                "They discussed trade, energy and transport.")


def warm_up(taxonomy: Taxonomy | None = None) -> None:
    """Load everything the extractor looks up, once per process."""
    parse_release(WARM_UP_TEXT, taxonomy=taxonomy)
