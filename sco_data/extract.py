"""Clean text -> Release: one small function per field, joined by parse_release."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from sco_data import dates
from sco_data.counterparts import country_of, find_counterparts
from sco_data.countries import country_index
from sco_data.officials import Official, find_official
from sco_data.phrases import Tokens, tokenize
from sco_data.places import Place, city_index, find_city
from sco_data.schema import Person, Release
from sco_data.text import QUOTE_OPENERS, SENTENCE_END, CleanText, clean_text, release_id_for
from sco_data.topics import Taxonomy, load_taxonomy

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = ("Mr.", "Ms.", "Mrs.", "Dr.", "H.E.", "St.", "No.", "Prof.", "Jr.", "Sr.", "Gen.",
                 "vs.", "e.g.", "i.e.", "U.S.", "U.N.")
# A paragraph without a closing full stop is a subtitle unless it is at least this long.
LEAD_MIN_CHARS = 120
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“«])")

# Engagement cues, looked for in the lead sentence, then the headline.
PHONE_CUE = re.compile(
    r"\b(?:tele)?phone\s+(?:conversation|call|talks|conference)|\bby\s+(?:tele)?phone\b|\bphoned\b",
    re.I)
VIDEO_CUE = re.compile(
    r"\bvideo[\s-]*conferenc\w*|\bvideo\s+(?:link|call|format|mode|communication)|"
    r"\bonline\s+(?:meeting|talks|conversation|format|mode|conference|event|session|seminar|forum|"
    r"round\s+table|roundtable|lecture|briefing|exhibition|dialogue|ceremony|presentation|course)|"
    r"\bvirtual\s+(?:meeting|talks|format|conference)|\bvia\s+(?:zoom|video)|\bin\s+(?:an?\s+)?online\b|"
    r"\bremotely\b|\bwebinar\b",
    re.I)
LETTER_CUE = re.compile(
    r"\b(?:letter|message|congratulat\w*|greetings?|condolences?|telegram|statement|appeal|"
    r"(?:sent|sends|addressed|addresses)\s+(?:a\s+)?(?:letter|message|greetings))\b",
    re.I)
BILATERAL_CUE = re.compile(
    r"\b(?:met|meets|meet|held\s+(?:a\s+)?(?:meeting|talks|consultations)|had\s+(?:a\s+)?(?:meeting|talks)|"
    r"talks\s+with|meeting\s+with|meeting\s+between|received|receives|spoke\s+with|talked\s+with|"
    r"conferred|courtesy\s+call|introductory\s+visit|farewell\s+visit)\b")
EVENT_CUE = re.compile(
    r"\b(?:forum|conference|summit|session|council|ceremony|exhibition|expo|lecture|briefing|"
    r"webinar|seminar|symposium|round\s+table|roundtable|festival|visit|visited|visits|visiting|"
    r"took\s+part|take\s+part|takes\s+part|taking\s+part|participated|participates|attended|attends|"
    r"addressed|addresses|speech|spoke\s+at|speaks\s+at|address|opening|presentation|reception|"
    r"celebration|event|games|marathon|competition|contest|concert|congress|workshop|"
    r"dialogue|meeting\s+of|meetings\s+of|was\s+held|were\s+held|took\s+place|hosted|"
    r"presented|launched|opened|gave\s+a\s+lecture|delivered)\b",
    re.I)

# "At the SCO Secretariat", "the SCO headquarters hosted": the Secretariat is in Beijing.
SECRETARIAT_PLACE = re.compile(
    r"\b(?:at|in|to|visited|visits|on)\s+the\s+(?:SCO\s+)?(?:Secretariat(?:'s)?|headquarters|Headquarters)\b"
    r"(?!\s+of\s+(?!the\s+SCO))|\bSCO\s+(?:Secretariat|headquarters|Headquarters)\s+(?:hosted|held|organi[sz]ed)\b")
SECRETARIAT_CITY = "Beijing"
# An inline dateline opening the lead: "Tashkent, 13 May 2025 - ".
DATELINE_CITY = re.compile(r"^([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?),\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*[-–—]")
# "a (working|official) visit to <Country>": the country hosting the engagement.
VISIT_COUNTRY = re.compile(r"\bvisit\s+to\s+(?:the\s+)?([A-Z][\w'’\-]+(?:\s+(?:of\s+)?[A-Z][\w'’\-]+){0,3})")
# Titles of a government's own officials: met on a visit with no country named, they are the host's.
HOST_OFFICIAL = re.compile(r"\b(?:Minister|Ministry|Governor|Mayor|President|Prime|Chairman|Speaker|Akim|Hokim)\b")
# Words just before a city name that say the engagement happened there.
CITY_CUE_WORDS = frozenset({"in", "to", "visited", "visits", "visiting", "visit"})
# "in the city of X": the word before "of" must be "city" for "of" to count as a cue.

OCCASION_CUE = re.compile(
    r"\b(?:on\s+the\s+(?:sidelines|margins)\s+of|as\s+part\s+of(?:\s+(?:his|her|its|their|the))?"
    r"(?:\s+(?:participation|work)\s+(?:in|at)|\s+visit\s+to)?|(?:took|take|takes|taking)\s+part\s+in|"
    r"participated\s+in|participates\s+in|attended|attends|during|at|addressed|addresses|"
    r"spoke\s+at|speaks\s+at|(?:with)?in\s+the\s+framework\s+of|opened|opens|delivered\s+a\s+speech\s+at)"
    r"\s+(?:the\s+)?")
OCCASION_END = re.compile(
    r"\s+(?:in\s+the\s+city|in\s+(?=[A-Z])|held|which|where|who|on\s+(?=\d|the\s+\d|[A-Z][a-z]+\s+\d)|"
    r"organi[sz]ed|hosted|dedicated|devoted|and\s+(?:met|held|had|delivered|made|spoke|noted|"
    r"gave|visited)|via|by\s+video|online)\b|[,.;:(]|\s[-–—]\s")
OCCASION_NOUNS = re.compile(
    r"\b(?:forum|conference|summit|session|meeting|council|ceremony|exhibition|expo|lecture|"
    r"briefing|webinar|seminar|symposium|round\s+table|roundtable|festival|games|marathon|"
    r"competition|contest|concert|congress|workshop|dialogue|fair|week|days|celebration|"
    r"reception|olympiad|programme|program|course|event)\b",
    re.I)
OCCASION_MAX_CHARS = 140


@dataclass(frozen=True)
class Lead:
    paragraph: str
    sentence: str
    index: int


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, not broken after "Mr." or "H.E."."""
    pieces = SENTENCE_BREAK.split(paragraph)
    sentences: list[str] = []
    for piece in pieces:
        if sentences and sentences[-1].endswith(ABBREVIATIONS):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def find_lead(clean: CleanText) -> Lead | None:
    """The paragraph that reports the engagement: the first that reads as prose, not a pull
    quote or a subtitle."""
    for index, paragraph in enumerate(clean.paragraphs):
        if not paragraph.startswith(QUOTE_OPENERS) and (paragraph.endswith(SENTENCE_END)
                                                          or len(paragraph) > LEAD_MIN_CHARS):
            return Lead(paragraph, split_sentences(paragraph)[0], index)
    if clean.paragraphs:
        return Lead(clean.paragraphs[0], split_sentences(clean.paragraphs[0])[0], 0)
    return None


def extract_release_date(clean: CleanText, published: str | None) -> dt.date | None:
    """The release's own date: a dateline, a full date in the headline, or the page's metadata."""
    for line in clean.date_lines:
        day = dates.parse_date_text(line)
        if day is not None:
            return day
    if clean.title:
        for mention in dates.find_dates(clean.title):
            day = dates.to_date(mention)
            if day is not None:
                return day
    return dates.parse_date_text(published) if published else None


def extract_event_date(lead: Lead | None, title: str | None, release_date: dt.date | None,
                       warnings: list[str]) -> dt.date | None:
    """The engagement's day: from the lead, else the headline, else the release's own date."""
    sources = [lead.paragraph] if lead else []
    if title:
        sources.append(title)
    for text in sources:
        mention = dates.lead_date_mention(text)
        if mention is None:
            continue
        if mention.year is None and not mention.iso:
            day = dates.borrow_year(mention, release_date)
            if day is None:
                warnings.append(f"engagement date '{text[mention.start:mention.end]}' has no year "
                                "and the release gives none")
            return day
        day = dates.to_date(mention)
        if day is None:
            warnings.append(f"'{text[mention.start:mention.end]}' is not a calendar date")
        return day
    if release_date is not None:
        warnings.append("no engagement date in the lead; used the release date")
        return release_date
    warnings.append("no engagement date found")
    return None


def extract_engagement_type(lead: Lead | None, title: str | None,
                            counterparts: tuple[Person, ...]) -> str:
    """meeting, phone_call, video_call, event or other, from the lead sentence's cues."""
    texts = [text for text in ((lead.sentence if lead else None), title) if text]
    for text in texts:
        if PHONE_CUE.search(text):
            return "phone_call"
    for text in texts:
        bilateral = bool(counterparts) or BILATERAL_CUE.search(text) is not None
        letter = LETTER_CUE.search(text)
        if letter and not counterparts:
            return "other"
        if counterparts or (bilateral and not EVENT_CUE.search(text)):
            return "video_call" if VIDEO_CUE.search(text) else "meeting"
        if EVENT_CUE.search(text) or VIDEO_CUE.search(text):
            return "event"
        if bilateral:
            return "meeting"
    return "other"


def extract_counterparts(lead: Lead | None, clean: CleanText,
                         official: Official) -> tuple[tuple[Person, ...], str | None]:
    """People met or spoken with, from the first lead sentence that names any, else the
    headline; and the sentence they came from."""
    if lead is None:
        return (), None
    for sentence in split_sentences(lead.paragraph)[:2]:
        people = find_counterparts(sentence, official.name)
        if people:
            return _unique(people), sentence
    if clean.title:
        return _unique(find_counterparts(clean.title, official.name)), None
    return (), None


def refine_event_date(event_date: dt.date | None, lead: Lead | None, sentence: str | None) -> dt.date | None:
    """A visit's lead ("from 4 to 6 March") followed by "on 5 March, he held talks with ...":
    the talks' own date, when the sentence naming the counterparts gives one."""
    if event_date is None or lead is None or sentence is None or sentence == lead.sentence:
        return event_date
    mention = dates.lead_date_mention(sentence)
    if mention is None:
        return event_date
    day = dates.to_date(mention) if mention.year is not None else dates.borrow_year(mention, event_date)
    return day or event_date


def _unique(people: tuple[Person, ...]) -> tuple[Person, ...]:
    seen: set[str] = set()
    kept: list[Person] = []
    for person in people:
        if person.name not in seen:
            seen.add(person.name)
            kept.append(person)
    return tuple(kept)


def extract_place(lead: Lead | None, title: str | None, engagement_type: str) -> Place | None:
    """Where it happened: the Secretariat (Beijing) or a city named with "in"/"to"; none for calls."""
    if engagement_type in {"phone_call", "video_call", "other"}:
        return None
    texts = [lead.sentence, lead.paragraph] if lead else []
    if title:
        texts.append(title)
    for text in texts:
        if engagement_type == "event" and VIDEO_CUE.search(text):
            return None
        dateline = DATELINE_CITY.match(text)
        if dateline and find_city(dateline.group(1)):
            return find_city(dateline.group(1))
        secretariat = SECRETARIAT_PLACE.search(text)
        city = _first_cued_city(text)
        if secretariat and (city is None or secretariat.start() < city[0]):
            return find_city(SECRETARIAT_CITY)
        if city is not None:
            return city[1]
    return None


def assign_host_country(counterparts: tuple[Person, ...], lead: Lead | None,
                        place: Place | None) -> tuple[Person, ...]:
    """A minister or governor with no country in the title, met where the engagement took place
    or on a visit to a country, is that country's."""
    host = place.country if place else None
    if host is None and lead is not None:
        visit = VISIT_COUNTRY.search(lead.paragraph)
        host = country_of(visit.group(1)) if visit else None
    if host is None:
        return counterparts
    return tuple(replace(person, country=host)
                 if person.country is None and person.title and HOST_OFFICIAL.search(person.title) else person
                 for person in counterparts)


def _first_cued_city(text: str) -> tuple[int, Place] | None:
    tokens = tokenize(text)
    for match in city_index().find(tokens):
        before = tokens.folded[match.first_token - 1] if match.first_token > 0 else ""
        two_before = tokens.folded[match.first_token - 2] if match.first_token > 1 else ""
        if before in CITY_CUE_WORDS or (before == "of" and two_before == "city"):
            return match.start, match.value
    return None


def extract_occasion(lead: Lead | None) -> str | None:
    """The forum or event the engagement was part of, as the lead names it."""
    if lead is None:
        return None
    for cue in OCCASION_CUE.finditer(lead.sentence):
        rest = lead.sentence[cue.end():]
        end = OCCASION_END.search(rest)
        phrase = rest[: end.start()] if end else rest
        phrase = phrase.strip().rstrip(".")
        if phrase and len(phrase) <= OCCASION_MAX_CHARS and OCCASION_NOUNS.search(phrase) \
                and not phrase.startswith(("SCO Secretariat", "Secretariat")):
            return phrase
    return None


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
