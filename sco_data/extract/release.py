"""Clean text -> Release: parse_release joins one small extractor per field."""

from __future__ import annotations

from sco_data.extract import dates
from sco_data.extract.counterparts import assign_host_country, extract_counterparts
from sco_data.extract.countries import country_index
from sco_data.extract.dates import (
    extract_event_date,
    extract_release_date,
    refine_event_date,
)
from sco_data.extract.engagement import extract_engagement_type
from sco_data.extract.occasion import extract_occasion
from sco_data.extract.officials import find_official
from sco_data.extract.phrases import Tokens, tokenize
from sco_data.extract.places import extract_place
from sco_data.extract.segment import clean_text, find_lead, release_id_for
from sco_data.extract.topics import Taxonomy, load_taxonomy
from sco_data.schema import Release


def extract_countries(tokens: Tokens) -> tuple[str, ...]:
    """Countries named anywhere, in order of first mention."""
    seen: dict[str, None] = {}
    for match in country_index().find(tokens):
        seen.setdefault(match.value, None)
    return tuple(seen)


def parse_release(text: str, source: str | None = None, *, published: str | None = None,
                  taxonomy: Taxonomy | None = None) -> Release:
    """Parse one release's text into a Release; never raises for any string."""
    taxonomy = taxonomy or load_taxonomy()
    clean = clean_text(text, dates.is_date_line)
    warnings: list[str] = []
    lead = find_lead(clean)
    release_date = extract_release_date(clean, published)
    event_date = extract_event_date(lead, clean.title, release_date, warnings)
    official = find_official(lead.paragraph if lead else "", clean.title, clean.body, event_date or release_date)
    counterparts, counterpart_sentence = extract_counterparts(lead, clean, official)
    event_date = refine_event_date(event_date, lead, counterpart_sentence)
    engagement_type = extract_engagement_type(lead, clean.title, counterparts)
    place = extract_place(lead, clean.title, engagement_type)
    counterparts = assign_host_country(counterparts, lead, place)
    if official.role is None:
        warnings.append("no SCO official found")
    if engagement_type in {"meeting", "phone_call", "video_call"} and not counterparts:
        warnings.append("no named counterpart found")
    if engagement_type in {"meeting", "event"} and place is None:
        warnings.append("no place found")

    title_part = f"{clean.title}\n" if clean.title else ""
    full_text = f"{title_part}{clean.body}"
    lead_end = len(title_part) + (len("\n".join(clean.paragraphs[: lead.index + 1])) if lead else 0)
    tokens = tokenize(full_text)
    counts = taxonomy.count(full_text, tokens, lead_end)
    topics = tuple(topic_id for topic_id in taxonomy.ids if taxonomy.has_topic(counts, topic_id))

    return Release(
        release_id=release_id_for(clean.title, clean.body),
        source=source,
        title=clean.title,
        event_date=event_date,
        engagement_type=engagement_type,
        sco_official=official.name,
        sco_role=official.role,
        counterparts=counterparts,
        location_city=place.name if place else None,
        location_country=place.country if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        occasion=extract_occasion(lead),
        topics=topics,
        countries_mentioned=extract_countries(tokens),
        text=clean.body,
        warnings=tuple(warnings),
        topic_mentions=tuple((topic_id, counts.total[topic_id]) for topic_id in taxonomy.ids),
        foreign_lines=clean.foreign_lines,
    )
