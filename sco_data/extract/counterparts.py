"""Counterparts: the people the SCO official met or spoke with, split out of title chains.

A lead names counterparts in two orders: title first ("Vice Minister of Foreign Affairs of
China Le Yucheng") and name first ("Lim Jock Hoi, Secretary-General of ASEAN"). A name is a
run of capitalised words that are not title, organisation or place words, standing at the
edge of a part of the chain; whatever precedes it in its part is its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from sco_data.extract.countries import affiliation_index
from sco_data.extract.officials import Official
from sco_data.extract.phrases import tokenize
from sco_data.extract.places import Place, cities, city_index, region_index
from sco_data.extract.segment import CleanText, Lead, split_sentences
from sco_data.schema import Person

# Words of titles, offices and bodies: never part of a person's name.
TITLE_WORDS = frozenset("""
President Vice Vice-President Minister Ministers Deputy Prime First Chairman Chairwoman Chairperson
Vice-Chairman Vice-Chairperson Chair Secretary Secretary-General General Ambassador Ambassadors
Extraordinary Plenipotentiary Envoy Special Representative Representatives Permanent Director
Director-General Directors Head Heads Chief Executive Governor Vice-Governor Mayor Vice-Mayor
Rector Vice-Rector Professor Dean Editor Editor-in-Chief Chargé Charge d'Affaires d’Affaires
Affaires Counsellor Counselor Adviser Advisor Assistant Speaker Member Members Senator
Commissioner Founder Co-Founder Leader Coordinator Consul Consul-General Attaché Officer Manager
Partner Board CEO Chancellor King Queen Prince Princess Emir Sultan Premier Commander Justice
Judge Prosecutor Auditor Inspector Spokesperson Spokesman Delegate Delegation Observer Expert
Analyst Researcher Scholar Fellow Curator Administrator Party Secretary-General's Acting Honorary
Former Ministry Ministries Committee Commission Council Federation Association Union Institute
University Academy Centre Center Chamber Bank Fund Foundation Agency Service Office Department
Administration Province Provincial Region Regional City Municipal Municipality Republic Kingdom
State States Organisation Organization Group Company Corporation Forum Assembly Parliament Senate
Duma Congress Affairs Development Cooperation Co-operation Relations Security Economy Economic
Trade Commerce Industry Industries Health Culture Cultural Education Science Sciences
Technology Technologies Research Information News Television Media Society Network School
College Court Police Army Forces Defence Defense Customs Tax Finance Financial Energy Transport
Agriculture Tourism Sports Youth Women Women's Secretariat Mission Embassy Consulate Studies
Affairs Foreign Internal Interior Justice Labour Labor Social Emergency Emergencies Investment
Investments Economics Planning National International Global Standing Executive Central
Eastern Western Southern Northern Far Middle Asian European African Pacific Eurasian People's
All-China Joint Supreme High Higher Public Political Strategic Friendship Peace Partnership
Business Businesses Council's Authority Authorities Bureau Directorate Division Section Team
Staff Commerce Holding Holdings Enterprise Enterprises Ltd LLC Inc Co Group's Press Radio
Newspaper Daily Times Post Herald Agency's Institute's Museum Library Hospital Zone Park Port
Airport Railway Railways Road Roads Autonomous Special Administrative District County Oblast
Territory Capital Secretariat's RATS Structure Anti-Terrorist Regional Observers
Extraordinary-and-Plenipotentiary Ombudsman Procurator Prosecutor-General Attorney-General
""".split())

# Words that precede a name and are not part of it ("Mr Le Yucheng", "H.E. Dato Lim Jock Hoi").
HONORIFICS = frozenset({
    "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "H.E.", "HE", "Dato", "Dato'", "Dato’",
    "Datuk", "Datin", "Tan", "Sri", "Sir", "Madam", "Madame", "Mme", "Prof.", "Academician",
    "His", "Her", "Excellency", "Honourable", "Hon.", "Mister", "Sheikh", "Shaikh", "Shri", "Smt",
    "Smt.", "Dr.", "Sayyid",
})
# Lower-case particles that may stand inside a name ("Abdullah bin Ahmad", "Ahmad al-Sabah").
NAME_PARTICLES = frozenset({"bin", "binti", "bint", "ibn", "al", "el", "de", "da", "van", "von",
                            "der", "ul", "ud", "di", "la", "le", "du", "dos", "das"})
MAX_NAME_WORDS = 5
# A capitalised word with a lower-case letter in it (any script's letters), an initial ("A."),
# or a prefixed surname ("al-Sabah").
NAME_WORD = re.compile(r"^(?:[^\W\d_a-z][\w'’\-]*|[A-Z]\.|[a-z]{1,3}-[A-Z][\w'’\-]+)$")

# Verbs and phrases that introduce the people met, ending just before the first of them.
COUNTERPART_CUES = re.compile(
    r"\b(?:met|meets|meet|meeting|meetings|talks|conversation|consultations|call|spoke|speaks|talked|"
    r"interview|discussion|discussions|videoconference|video\s+conference|video\s+call|conferred|confers)\b"
    r"[^.;]{0,70}?\bwith\s+(?:the\s+)?"
    r"|\b(?:call|message|letter)\b[^.;]{0,50}?\bfrom\s+(?:the\s+)?"
    r"|\b(?:received|receives|welcomed|welcomes|hosted|hosts)\s+(?!an?\s+(?!delegation)|the\s+(?:SCO|participants)\b)"
    r"|\bwas\s+received\s+by\s+"
)
# The counterpart as the sentence's subject: "<Ambassador X> paid a courtesy call on the SCO
# Secretary-General", "<President X> received the Secretary-General".
SUBJECT_VERB = re.compile(
    r"\s+(?:today\s+|also\s+|yesterday\s+)?(?:paid\s+(?:a|an|his|her)\s+(?:[\w-]+\s+){0,2}(?:call|visit)\s+(?:on|to)"
    r"|received|receives|welcomed|welcomes|met\s+with|meets\s+with|visited|visits|"
    r"(?:held|had)\s+(?:a\s+)?(?:meeting|talks|consultations|(?:telephone\s+)?conversation)\s+with)\s+")
# What opens a lead before its subject: "On 3 March 2023, ", "In Tashkent, ", "Tashkent, 13 May 2025 - ".
LEAD_PREFIX = re.compile(
    r"^(?:(?:On|In|From|During|At)\s+[^,]{1,60},\s+|[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?,\s+\d{1,2}\s+[A-Z][a-z]+"
    r"\s+\d{4}\s*[-–—]\s*)+")
# Where the chain of counterparts ends.
CHAIN_END = re.compile(
    r"\s+(?:on\s+the\s+sidelines|in\s+the\s+city|at\s+the|at\s+(?=[A-Z])|as\s+part|during|via|"
    r"by\s+(?:video|phone|telephone)|on\s+(?=\d)|on\s+(?:the|[A-Z][a-z]+\s+\d)|to\s+discuss|who|"
    r"where|which|within|in\s+order|in\s+connection|in\s+the\s+framework|in\s+the\s+format|"
    r"online|in\s+an?\s+(?:online|video)|and\s+discussed|to\s+exchange|regarding|about|"
    r"following|after|before|ahead\s+of|upon|under|while|from\s+(?=\d)|in\s+(?=\d)|"
    r"in\s+(?:early|mid|late)\b|this\s+|last\s+)\b|(?<!\s[A-Z])(?<!\.[A-Z])(?<!^[A-Z])(?<!\ba\.i)\.(?=\s|$)|[;:]|\((?![A-Z][A-Za-z]{1,9}\))|\s+(?:is|was|had|has|have)\b"
)
# Where and how, when they stand between the verb and the people: "received at the SCO Secretariat X".
LEADING_CIRCUMSTANCE = re.compile(
    r"^(?:(?:at|in)\s+the\s+(?:SCO\s+)?(?:Secretariat|headquarters|Headquarters)(?:\s+of\s+the\s+SCO)?|"
    r"in\s+[A-Z][\w'’\-]+|(?:via|by)\s+(?:video\s*conference|video\s+link|videoconference)|online)\s*,?\s+")
# Words that begin a new title, so a title-only part after a finished person starts someone else's.
TITLE_HEADS = frozenset({"Minister", "Ambassador", "President", "Chairman", "Chairperson", "Chairwoman",
                         "Director", "Director-General", "Head", "Deputy", "Vice", "Governor", "Mayor",
                         "Secretary", "Secretary-General", "Executive", "Chief", "Prime", "First",
                         "Rector", "Speaker", "Permanent", "Special", "Chargé", "Charge", "Consul"})
# "delegation of X", "representatives of X": a body, not a named person.
BODY_ONLY = re.compile(r"^(?:a\s+|the\s+)?(?:delegation|delegations|representatives|members|group|"
                       r"participants|students|staff|heads|leadership|experts|journalists)\b", re.I)
BETWEEN = re.compile(r"\bbetween\s+(.+?)\s+and\s+(.+)$")
PART_SPLIT = re.compile(r"\s*(,?\s+as\s+well\s+as\s+(?:with\s+)?|,\s*and\s+(?:with\s+)?|,\s+|\s+and\s+(?:with\s+)?)")
# "a delegation of X led by <title> <Name>": the people are after "led by".
LED_BY = re.compile(r"\b(?:led|headed)\s+by\s+(?:its\s+|their\s+|the\s+)?")
# Places a city must have this many people to count as a place word at the start of a name.
CITY_WORD_MIN_POPULATION = 100_000


@dataclass
class _Pending:
    name: str
    title: str | None


def find_counterparts(sentence: str, official_name: str | None) -> tuple[Person, ...]:
    """The people met or spoken with, from the sentence that reports the engagement."""
    found = _counterpart_chain(sentence, official_name)
    if found is None:
        return ()
    chain, body = found
    people = _split_chain(chain)
    body_country = country_of(body) if body else None
    if body_country:
        people = [person if person.country else replace(person, country=body_country) for person in people]
    excluded = {official_name} if official_name else set()
    return tuple(person for person in people if person.name not in excluded)


SCO_OFFICE = re.compile(r"(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)\s+(?:Deputy\s+)?Secretary|"
                        r"Secretary[\s-]+General\s+of\s+the\s+(?:SCO|Shanghai)|SCO\s+Secretariat")


def _is_sco_side(text: str, official_name: str | None) -> bool:
    return bool(official_name and official_name in text) or SCO_OFFICE.search(text) is not None


def _subject_chain(sentence: str, official_name: str | None) -> str | None:
    """The people before the verb when the SCO official is its object."""
    verb = SUBJECT_VERB.search(sentence)
    if verb is None:
        return None
    subject = LEAD_PREFIX.sub("", sentence[: verb.start()])
    after = sentence[verb.end():]
    if not subject or _is_sco_side(subject, official_name) \
            or not (_is_sco_side(after, official_name) or "Secretary-General" in after):
        return None
    return subject


def _joint_subject_chain(sentence: str, official_name: str | None) -> str | None:
    """"<SCO official> and <title> <Name> held a meeting": the second subject."""
    if not official_name:
        return None
    match = re.search(rf"{re.escape(official_name)}\s+and\s+(.+?)\s+(?:held|had|met|discussed|signed|exchanged|talked)\b",
                      sentence)
    return match.group(1) if match else None


def _counterpart_chain(sentence: str, official_name: str | None) -> tuple[str, str | None] | None:
    """The text naming the counterparts, and the body they lead when it is a delegation."""
    chain = _subject_chain(sentence, official_name) or _joint_subject_chain(sentence, official_name)
    if chain is None:
        between = BETWEEN.search(sentence)
        if between and _is_sco_side(between.group(1), official_name):
            chain = between.group(2)
        else:
            cue = COUNTERPART_CUES.search(sentence)
            if cue is None:
                return None
            chain = sentence[cue.end():]
    chain = LEADING_CIRCUMSTANCE.sub("", chain)
    body = None
    led_by = LED_BY.search(chain)
    if led_by and BODY_ONLY.match(chain):
        body, chain = chain[: led_by.start()], chain[led_by.end():]
    end = CHAIN_END.search(chain)
    chain = chain[: end.start()] if end else chain
    chain = _cut_at_city(chain).strip(" ,")
    if not chain or BODY_ONLY.match(chain):
        return None
    return chain, body


def _cut_at_city(chain: str) -> str:
    """Cut "... He Jinping in Zhengzhou": a trailing "in <City>" says where, not who."""
    for match in re.finditer(r"\s+in\s+([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)", chain):
        if match.group(1) in cities():
            return chain[: match.start()]
    return chain


def _split_chain(chain: str) -> list[Person]:
    """Walk the chain's parts: a part ending in a name closes a person with the title before it;
    a bare name opens a name-first person whose title follows after a comma."""
    pieces = PART_SPLIT.split(chain)
    parts = pieces[0::2]
    separators = [""] + pieces[1::2]
    people: list[Person] = []
    pending: _Pending | None = None
    title_buffer = ""

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            people.append(_person(pending.name, pending.title))
            pending = None

    buffer_separator = ""
    for part, separator in zip(parts, separators):
        part = part.strip()
        if not part:
            continue
        prefix, name = _split_title_name(part)
        if name is not None:
            flush()
            title = f"{title_buffer}{separator}{prefix}" if title_buffer and prefix else (prefix or title_buffer)
            title_buffer = ""
            if title:
                people.append(_person(name, title))
            else:
                pending = _Pending(name, None)
        elif pending is not None and pending.title is None and separator.strip() == ",":
            pending.title = part
        elif pending is not None and pending.title is not None and not title_buffer \
                and part.split()[0] not in TITLE_HEADS:
            pending.title = f"{pending.title}{separator}{part}"
        else:
            if pending is not None and pending.title is None:
                flush()
            if not title_buffer:
                buffer_separator = separator
            title_buffer = f"{title_buffer}{separator}{part}" if title_buffer else part
    if pending is not None and pending.title is not None and title_buffer:
        pending.title = f"{pending.title}{buffer_separator}{title_buffer}"
    flush()
    return people


def _split_title_name(part: str) -> tuple[str, str | None]:
    """Split "<title> <Name>" or a bare "<Name>"; the name is None when the part ends otherwise."""
    words = part.split()
    end = len(words)
    start = end
    while start > 0 and end - start < MAX_NAME_WORDS and _is_name_word(words[start - 1], start - 1 == 0):
        start -= 1
    while start < end and words[start] in NAME_PARTICLES:
        start += 1
    name_words = words[start:end]
    if name_words and name_words[0] in place_words() and len(name_words) >= 3 \
            and start > 0 and words[start - 1] in {"of", "the", "in"}:
        name_words = name_words[1:]
        start += 1
    prefix_words = words[:start]
    while prefix_words and prefix_words[-1].rstrip(",") in HONORIFICS:
        prefix_words.pop()
    if len(name_words) < 2 and not (len(name_words) == 1 and words[:start] and words[start - 1] in HONORIFICS):
        return part, None
    if any(word in place_words() for word in name_words[-1:]):
        return part, None
    return " ".join(prefix_words).strip(" ,"), " ".join(name_words)


def _is_name_word(word: str, is_first: bool) -> bool:
    if word in NAME_PARTICLES:
        return not is_first
    if word in TITLE_WORDS or word in HONORIFICS or word in affiliation_words():
        return False
    if "-" in word and any(part in TITLE_WORDS for part in word.split("-")):
        return False
    if NAME_WORD.match(word) is None:
        return False
    return (word[0].isupper() and any(char.islower() for char in word)
            or len(word) == 2 and word[1] == "." or word[0].islower() and "-" in word)


@lru_cache(maxsize=1)
def affiliation_words() -> frozenset[str]:
    """Single words that name a country, nationality or organisation."""
    return frozenset(word for phrase in affiliation_index().phrases() for word in phrase
                     if word[:1].isupper())


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Names of sizeable cities and of provinces: they end titles, never start names."""
    words = {name for name, place in cities().items()
             if place.population >= CITY_WORD_MIN_POPULATION and " " not in name}
    return frozenset(words | region_index().single_words())


def _person(name: str, title: str | None) -> Person:
    title = _clean_title(title)
    return Person(name=name, title=title, organisation=organisation_of(title),
                  country=country_of(title))


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    words = title.strip(" ,").split()
    while words and words[0].lower() in {"the", "a", "an"}:
        words.pop(0)
    while words and words[-1] in HONORIFICS:
        words.pop()
    cleaned = " ".join(words).strip(" ,")
    return cleaned or None


# A word before a place that says the place is a destination or host, not the person's own.
FOREIGN_PLACE_CUES = frozenset({"to", "in", "at", "for"})
ORGANISATION_NOUNS = ("Federation", "Ministry", "Committee", "University", "Institute", "Company",
                      "Corporation", "Bank", "Association", "Council", "Agency", "Centre", "Center",
                      "Chamber", "Academy", "Fund", "Foundation", "Group", "Union", "Organisation",
                      "Organization", "Commission", "Service", "Office", "Party", "Parliament",
                      "Assembly", "Congress", "Secretariat", "Structure", "Holding", "Agency",
                      "Society", "Network", "Forum", "Administration", "Bureau", "Court", "Museum")
OF_SPLIT = re.compile(r"\s+of\s+(?:the\s+)?")


def organisation_of(title: str | None) -> str | None:
    """The body a title names ("President of the All-China Women's Federation" -> the federation).

    The title is cut at each "of"; the last piece naming a body, with what qualifies it after
    it ("Institute of Far Eastern Studies"), is the organisation.
    """
    if not title:
        return None
    pieces = OF_SPLIT.split(title)
    for index in range(len(pieces) - 1, 0, -1):
        words = pieces[index].split()
        if any(word.strip(",") in ORGANISATION_NOUNS for word in words):
            return " of ".join(pieces[index:]).strip(" ,")
    return None


def country_of(title: str | None) -> str | None:
    """The country (or international organisation) a person represents, read from the title."""
    if not title:
        return None
    tokens = tokenize(title)
    candidates: list[tuple[int, str]] = []
    for index, kind in ((affiliation_index(), "affiliation"), (region_index(), "region"),
                        (city_index(), "city")):
        for match in index.find(tokens):
            before = tokens.folded[match.first_token - 1] if match.first_token > 0 else ""
            if before == "the" and match.first_token > 1:
                before = tokens.folded[match.first_token - 2]
            if before in FOREIGN_PLACE_CUES:
                continue
            if kind == "affiliation":
                candidates.append((match.start, match.value[1]))
            elif kind == "region":
                candidates.append((match.start, match.value))
            elif match.value.country and match.value.population >= CITY_WORD_MIN_POPULATION:
                candidates.append((match.start, match.value.country))
    if not candidates:
        return None
    return min(candidates)[1]


# --- the field extractor ------------------------------------------------------------

# "a (working|official) visit to <Country>": the country hosting the engagement.
VISIT_COUNTRY = re.compile(r"\bvisit\s+to\s+(?:the\s+)?([A-Z][\w'’\-]+(?:\s+(?:of\s+)?[A-Z][\w'’\-]+){0,3})")
# Titles of a government's own officials: met on a visit with no country named, they are the host's.
HOST_OFFICIAL = re.compile(r"\b(?:Minister|Ministry|Governor|Mayor|President|Prime|Chairman|Speaker|Akim|Hokim)\b")


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


def _unique(people: tuple[Person, ...]) -> tuple[Person, ...]:
    seen: set[str] = set()
    kept: list[Person] = []
    for person in people:
        if person.name not in seen:
            seen.add(person.name)
            kept.append(person)
    return tuple(kept)


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

