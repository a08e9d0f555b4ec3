"""Where the engagement took place: a city, read from the lead and the headline.

A city counts only where the text says the engagement happened there: "in <City>", "to
<City>", "visited <City>", "<City> hosted", "On 12 July 2017, <City>, ... hosted", "in the city
of <City>", a dateline, a venue that implies its city ("at the Diaoyutai State Guesthouse",
"at the Beijing International Horticultural Exhibition"), an embassy in a country (its
capital), or the SCO Secretariat (Beijing). A city that is only
mentioned ("recalled the Moscow summit", "Vice Mayor of the City of Beijing") is not the place.
Calls, letters and online events have none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sco_data.extract.countries import affiliation_index, capitals, country_index, country_named
from sco_data.extract.engagement import EVENT, MEETING, is_online
from sco_data.extract.event_hosts import is_background, is_planned
from sco_data.extract.findings import Finding, Span, in_text, in_title
from sco_data.extract.datelines import Dateline, read_dateline
from sco_data.extract.gazetteer import (
    City,
    city_index,
    find_city,
    is_ambiguous,
    province_country,
    subdivision_countries,
    venue_index,
)
from sco_data.extract.lexicon import load, words
from sco_data.extract.pattern_shortcuts import CuedPattern, starting_with
from sco_data.extract.phrases import Tokens, tokenize
from sco_data.extract.segment import RECAP_LINE, Document
from sco_data.schema import AFFILIATION_STATE

# "At the SCO Secretariat", "the SCO headquarters hosted", "the Secretariat was the venue".
SCO = r"(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)"
SECRETARIAT = starting_with("HSaiotv",  # where one of its words can begin
    rf"(?<!according\s)\b(?:at|in|to|visited|visits|on)\s+the\s+(?:SCO\s+)?(?:Secretariat(?:'s)?|[Hh]eadquarters)\b"
    rf"(?!\s+of\s+(?!the\s+{SCO}))(?!\s+in\s+[A-Z])"
    rf"|\b(?:SCO\s+(?:Secretariat|[Hh]eadquarters)|(?:Secretariat|Headquarters)\s+of\s+the\s+{SCO})"
    r"\s+(?:hosted|hosts|held|organi[sz]ed|was\s+the\s+venue|marks|marked|celebrated)\b")
# The words around a city's name that make it the engagement's place (lexicon places.toml).
CITY_CUE_WORDS = words("places", "city_cue_words")
HOST_WORDS = words("places", "host_words")
HOST_PHRASES = tuple(tuple(phrase.split()) for phrase in load("places")["host_phrases"])
EVENT_NAME_NOUNS = words("places", "event_name_nouns")
VENUE_JOINERS = words("places", "venue_joiners")
AFFILIATED_AT_WORDS = words("places", "affiliated_at_words")
ROOM_OR_AUDIENCE_WORDS = words("places", "room_or_audience_words")
# What follows "Shanghai" in the organisation's own name.
SCO_NAME_TAILS = frozenset({("cooperation", "organisation"), ("cooperation", "organization")})
# A city named after a description of it that a cue opens: "in the second largest city in Anhui
# Province, Wuhu", "visited the capital of Kazakhstan, Astana"; matched on the text before the city.
DESCRIBED_CITY = re.compile(r"\b(?:in|to|visited|visits|visiting)\s+the\s+[^,.;:()]{0,60}?\b(?:city|capital|town)\b"
                            r"[^,.;:()]{0,40},\s*$")
DESCRIBED_CITY_WINDOW = 120
EVENT_NAME_MAX_WORDS = 6
# Only a sizeable city names an event ("the Spring Festival" is no town's festival).
EVENT_CITY_MIN_POPULATION = 100_000
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
# The city as the subject after a lead's date: "On 12-13 July 2017, Hohhot, the capital ...",
# "On 25 December, Beijing was the venue", "On 17 May 2018, Tianjin in the PRC hosted".
CITY_AFTER_DATE = re.compile(r"^(?:On|From|Between)\s+[^,]{1,40},\s+(?P<city>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)"
                             r"(?=,|\s+in\s+|\s+(?:hosted|hosts|was|is|will|has|became|welcomed)\b)")
# A country's capital named by the country: "in the Kazakh capital", "in the capital of
# Kazakhstan" (not "in the capital of Kazakhstan, Astana", where the city itself is named).
CAPITAL_OF = CuedPattern(("capital",), r"\bin\s+the\s+(?:(?P<demonym>[A-Z][\w'’-]+)\s+capital|capital\s+of\s+(?:the\s+)?"
                         r"(?P<country>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}))\b(?!\s*,?\s*[A-Z])")
# "a (working|official) visit to <Country>": its cities named later in the release are the place.
VISIT_COUNTRY = CuedPattern(("visit",), r"\bvisit\s+to\s+(?:the\s+)?(?P<country>[A-Z][\w'’\-]+(?:\s+(?:of\s+)?[A-Z][\w'’\-]+){0,3})")
# A speech's title line: "(12 October 2023, Bishkek)", "(3 July 2022, Tsinghua University, Beijing)",
# "(Bishkek, 12 October 2023)".
SPEECH_PLACE = re.compile(r"\((?:[^()]{0,40}?\d{4},\s*(?:[^(),]{1,60},\s*)?(?P<after>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)|"
                          r"(?P<before>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?),\s*[^()]{0,30}?\d{4})\s*\)")
# Why a place may be wrong, as the review queue says it.
DOUBT_DATELINE = "the place is only the news agency's dateline"
DOUBT_AMBIGUOUS = "the place's name is shared by places in several countries"
DOUBT_LATER_PARAGRAPH = "the place comes from a paragraph after the lead"
DOUBT_SECRETARIAT_IN_BODY = "the place is the Secretariat's city, named only in the body"
# Where a meeting or event is said to be held, in the paragraph after the lead.
HELD_IN = starting_with("htw", r"\b(?:held|took\s+place|takes\s+place|was\s+organi[sz]ed)\s+in\s+(?:the\s+city\s+of\s+)?"
                                r"(?P<city>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)")
EMBASSY = re.compile(r"\bEmbassy\b(?:\s+of\s+[^,.;]{1,60}?)?\s+in\s+(?:the\s+)?(?=[A-Z])")
EMBASSY_COUNTRY_MAX_CHARS = 60


@dataclass(frozen=True)
class Location:
    """The city an engagement took place in: the name the release used, and the gazetteer's city."""

    written: str
    city: City


def _continues_name(tokens: Tokens, last: int) -> bool:
    """The next word is capitalised and nothing but a space stands between."""
    if last + 1 >= len(tokens) or not tokens.words[last + 1][:1].isupper():
        return False
    return tokens.span(last + 1)[0] - tokens.span(last)[1] == 1


def _names_a_venue(tokens: Tokens, last: int) -> bool:
    """The city starts the capitalised name of an event or a site: "St Petersburg International
    Economic Forum", "Shanghai International Studies University"."""
    for index in range(last + 1, min(last + 1 + EVENT_NAME_MAX_WORDS, len(tokens))):
        word = tokens.words[index]
        if not word[:1].isupper():
            return False
        if word.casefold() in EVENT_NAME_NOUNS:
            return True
    return False


def _ends_a_venue(tokens: Tokens, first: int, last: int) -> bool:
    """The city closes the capitalised name of a site the engagement was at: "at the Institute
    of Strategic Studies Islamabad", "in the Diplomatic Academy Tashkent"; not where the site is
    then placed elsewhere ("the Centre for International Studies Shanghai in Beijing")."""
    if _continues_name(tokens, last) or tokens.folded[last + 1:last + 2] == ["in"]:
        return False
    index, named = first - 1, False
    while index >= 0 and first - index <= EVENT_NAME_MAX_WORDS + 2:
        word = tokens.words[index]
        if word[:1].isupper():
            named = named or word.casefold() in EVENT_NAME_NOUNS
        elif tokens.folded[index] not in VENUE_JOINERS:
            break
        index -= 1
    return named and index >= 1 and tokens.folded[index] == "the" and tokens.folded[index - 1] in {"at", "in"}


def _in_a_title(tokens: Tokens, first: int) -> bool:
    """A site named as part of someone's title or affiliation ("Rector of Peking University", "a
    professor at Moscow State University", "a delegation from ...", "at the invitation of ..."),
    not as where the engagement was; a room or an audience of it ("the gymnasium of", "students
    of") leaves it the venue."""
    before = first - 1 if first > 0 and tokens.folded[first - 1] != "the" else first - 2
    if before < 0:
        return False
    word = tokens.folded[before]
    owner = tokens.folded[before - 1] if before > 0 else ""
    if word == "of":
        return owner not in ROOM_OR_AUDIENCE_WORDS
    return word == "from" or (word == "at" and owner in AFFILIATED_AT_WORDS)


def _after_the(tokens: Tokens, first: int) -> bool:
    """"the" stands just before, an ordinal allowed between ("the 21st St Petersburg ...")."""
    before = first - 1
    if before >= 0 and ORDINAL.match(tokens.words[before]):
        before -= 1
    return before >= 0 and tokens.folded[before] == "the"


def _cued_cities(tokens: Tokens) -> list[tuple[int, int, City]]:
    """Cities in a text that the words around them make the engagement's place."""
    found = []
    words = tokens.folded
    for match in city_index().find(tokens):
        index, last = match.first_token, match.last_token
        before = words[index - 1] if index > 0 else ""
        two_before = words[index - 2] if index > 1 else ""
        after = tuple(words[last + 1:last + 4])
        if tuple(words[last + 1:last + 3]) in SCO_NAME_TAILS:
            continue  # "Shanghai Cooperation Organisation" names the organisation, not a place
        venue = _names_a_venue(tokens, last)
        if index == last and _continues_name(tokens, last) and not venue:
            continue  # "Central Asia", "Moscow Region": part of a longer name
        if match.value.population >= EVENT_CITY_MIN_POPULATION and _ends_a_venue(tokens, index, last):
            found.append((match.start, match.end, match.value))
            continue
        city_of = before == "of" and two_before == "city" and index > 3 and words[index - 4] in CITY_CUE_WORDS
        venue_named = venue and (_after_the(tokens, index) or before == "at") and not _in_a_title(tokens, index) \
            and match.value.population >= EVENT_CITY_MIN_POPULATION
        if before.endswith("'s") and country_named(tokens.words[index - 1][:-2]) is not None:
            before = two_before
        if before in CITY_CUE_WORDS or after[:1] and after[0] in HOST_WORDS or after in HOST_PHRASES \
                or city_of or venue_named \
                or DESCRIBED_CITY.search(tokens.text, max(0, match.start - DESCRIBED_CITY_WINDOW), match.start):
            found.append((match.start, match.end, match.value))
    return found


def _named_city(written: str) -> Location | None:
    name = _in_name_case(written)
    city = find_city(name)
    return Location(name, city) if city is not None else None


def _in_name_case(name: str) -> str:
    """A city's name as prose writes it: a dateline's capitals ("MOSCOW", "XI'AN", "NUR-SULTAN")
    become "Moscow", "Xi'an", "Nur-Sultan", so that one city is written one way."""
    if not name.isupper():
        return name
    return re.sub(r"(^|[\s-])(\w)", lambda match: match.group(1) + match.group(2).upper(), name.lower())


def _capital_of(written: str) -> City | None:
    """The capital of the country a name or nationality word stands for ("Kazakh", "Kazakhstan")."""
    matches = affiliation_index().find(tokenize(written))
    whole = len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(written)
    return _capital(matches[0].value[1]) if whole and matches[0].value[0] == AFFILIATION_STATE else None


def _capital(country: str) -> City | None:
    capital = capitals().get(country)
    return find_city(capital) if capital else None


def _in_text(text: str, span_of) -> list[tuple[int, Location, Span]]:
    """Every place a text gives for the engagement, with its position."""
    found: list[tuple[int, Location, Span]] = []
    secretariat = SECRETARIAT.search(text)
    if secretariat is not None:
        city = find_city(load("places")["secretariat_city"])
        if city is not None:
            found.append((secretariat.start(), Location(city.name, city), span_of(*secretariat.span())))
    for match in SPEECH_PLACE.finditer(text):
        group = "after" if match.group("after") else "before"
        city = find_city(match.group(group))
        if city is not None:
            found.append((match.start(group), Location(match.group(group), city), span_of(*match.span(group))))
    after_date = CITY_AFTER_DATE.match(text)
    location = _named_city(after_date.group("city")) if after_date is not None else None
    if location is not None:
        found.append((after_date.start("city"), location, span_of(*after_date.span("city"))))
    tokens = tokenize(text)
    # A venue first: where its name opens with a city's old name ("Peking University"), the
    # venue's city is the one to take.
    for match in venue_index().find(tokens):
        if not _in_a_title(tokens, match.first_token):
            found.append((match.start, Location(match.value.name, match.value), span_of(match.start, match.end)))
    for start, end, city in _cued_cities(tokens):
        found.append((start, Location(text[start:end], city), span_of(start, end)))
    for match in CAPITAL_OF.finditer(text):
        group = "demonym" if match.group("demonym") else "country"
        capital = _capital_of(match.group(group))
        if capital is not None:
            found.append((match.start(group), Location(capital.name, capital), span_of(*match.span(group))))
    for match in EMBASSY.finditer(text):
        countries = country_index().find(tokenize(text[match.end():match.end() + EMBASSY_COUNTRY_MAX_CHARS]))
        city = _capital(countries[0].value) if countries and countries[0].first_token == 0 else None
        if city is not None:
            found.append((match.start(), Location(city.name, city), span_of(match.start(), match.end())))
    return sorted(found, key=lambda item: item[0])


def visited_country(text: str) -> str | None:
    """The country of "a working visit to <Country>" in the lead, if any, or of "a working
    visit to Yunnan Province (of China)", a province of one country."""
    visit = VISIT_COUNTRY.search(text)
    if visit is None:
        return None
    named = visit.group("country")
    return country_named(named) or province_country(named.split(" of ")[0])


def _province_named(location: Location, document: Document) -> bool:
    """The name is also a province or state of a country the release names, other than the
    town's ("Goa": a state of India, and a town of the Philippines): the release means the
    province, which is no city."""
    country = subdivision_countries().get(location.written)
    if not country or country == location.city.country:
        return False
    return any(match.value == country for match in country_index().find(document.tokens))


def _dateline_city(dateline: Dateline | None) -> Location | None:
    """The city of a dateline, if the gazetteer knows it."""
    return _named_city(dateline.city) if dateline is not None else None


def _held_after_lead(document: Document, event_date: dt.date | None) -> Finding[Location] | None:
    """The city of "held in <City>" in the paragraph after the lead ("During a meeting held in
    Tashkent, the sides discussed ...")."""
    after_lead = document.after_lead
    if after_lead is None:
        return None
    paragraph = document.paragraphs[after_lead]
    held = HELD_IN.search(paragraph)
    if held is None or is_background(paragraph, held.start("city"), event_date, strict=True):
        return None
    city = find_city(held.group("city"))
    if city is None:
        return None
    start = document.paragraph_starts[after_lead] + held.start("city")
    return Finding(Location(held.group("city"), city),
                   (in_text(start, start + len(held.group("city"))).evidence("location_city", held.group("city")),),
                   (), (DOUBT_LATER_PARAGRAPH,))


def _place_finding(location: Location, span: Span, doubts: tuple[str, ...] = ()) -> Finding[Location]:
    if is_ambiguous(location.written):
        doubts = (*doubts, DOUBT_AMBIGUOUS)
    return Finding(location, (span.evidence("location_city", location.written),), (), doubts)


def extract_place(document: Document, engagement_type: str, event_date: dt.date | None = None) -> Finding[Location]:
    """The city of the engagement; none for calls, letters and online events."""
    if engagement_type not in {MEETING, EVENT}:
        return Finding(None)
    first = document.lead_sentence
    sources: list[tuple[str, object]] = []
    if document.lead is not None:
        start = document.paragraph_starts[document.lead]
        sources.append((document.lead_text, lambda a, b, s=start: in_text(s + a, s + b)))
    if document.title:
        sources.append((document.title, in_title))
    for index, heading in enumerate(document.paragraphs[:document.lead or 0]):
        start = document.paragraph_starts[index]
        sources.append((heading, lambda a, b, s=start: in_text(s + a, s + b)))
    opening = (document.sentence_text(first) if first is not None else "") + " " + (document.title or "")
    if engagement_type == EVENT and is_online(opening):
        return Finding(None)
    for index, (text, span_of) in enumerate(sources):
        found = [item for item in _in_text(text, span_of)
                 if not is_background(text, item[0], event_date) and not _province_named(item[1], document)]
        in_lead = index == 0 and document.lead is not None
        dateline = document.dateline if in_lead else read_dateline(text)
        location = _dateline_city(dateline)
        if location is not None:
            # Where the agency wrote from: the place, unless the dateline's own sentence or the
            # next paragraph says the engagement was elsewhere (later sentences of the lead
            # speak of other things: "Han said China supports the summit in Astana").
            span = span_of(0, len(dateline.city))
            own_end = first.end - document.paragraph_starts[document.lead] if in_lead and first else len(text)
            elsewhere = [other for position, other, _ in found if other.city != location.city and position < own_end]
            named_again = any(other.city == location.city for _, other, _ in found)
            held = None if elsewhere or named_again else _held_after_lead(document, event_date)
            if elsewhere:
                found = [item for item in found if item[1] in elsewhere]
            elif held is not None and held.value.city != location.city:
                return held
            else:
                return _place_finding(location, span, () if named_again else (DOUBT_DATELINE,))
        if found:
            _, location, span = found[0]
            return _place_finding(location, span)
    held = _held_after_lead(document, event_date)
    if held is not None:
        return held
    for line in document.date_lines:
        location = _dateline_city(read_dateline(line))
        if location is not None:  # the dateline stands apart from the text, so no span to show
            return Finding(location, (), (), (DOUBT_DATELINE,))
    visited = visited_country(document.lead_text)
    if visited is not None:
        for index in range((document.lead or 0) + 1, min(len(document.paragraphs), (document.lead or 0) + 3)):
            if document.kinds[index] == RECAP_LINE:
                continue
            start, paragraph = document.paragraph_starts[index], document.paragraphs[index]
            for position, location, span in _in_text(paragraph, lambda a, b, s=start: in_text(s + a, s + b)):
                if location.city.country == visited and not is_planned(paragraph, position):
                    return Finding(location, (span.evidence("location_city", location.written),), (),
                                   (DOUBT_LATER_PARAGRAPH,))
    if engagement_type == MEETING:
        secretariat = next((match for match in SECRETARIAT.finditer(document.text)
                            if not is_planned(document.text, match.start())), None)
        city = find_city(load("places")["secretariat_city"])
        if secretariat is not None and city is not None:
            return Finding(Location(city.name, city), (in_text(*secretariat.span()).evidence("location_city", city.name),),
                           (), (DOUBT_SECRETARIAT_IN_BODY,))
    return Finding(None, (), ("no place found",))
