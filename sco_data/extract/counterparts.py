"""Counterparts: the people the SCO side met, talked with, phoned, wrote to or was received by.

Every sentence of the release is read (not only the lead): a visit's agenda, "The SCO
delegation also met with ...", "That same day, he met ..." name counterparts too. A sentence
yields people only through a clause that joins the SCO side to them by a verb of meeting,
talking or writing (`clauses`); people merely mentioned, speakers and chairs of a multilateral
event, and journalists who interview the official are never counterparts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import compress

from sco_data.extract.clauses import (
    MAX_CHAIN_CHARS,
    MEAL_WORDS,
    MESSAGE_TO,
    SCO,
    clauses,
    cut,
    office_only,
    people_in,
    side_pattern,
)
from sco_data.extract.findings import Finding, in_text, in_title
from sco_data.extract.names import person_key
from sco_data.extract.officials import Official
from sco_data.extract.paragraphs import QUOTE_OPENERS, SALUTATION_PERSON, SENTENCE_END
from sco_data.extract.pattern_shortcuts import starting_with
from sco_data.extract.people import person_from, read_people, split_title_name
from sco_data.extract.places import visited_country
from sco_data.extract.segment import RECAP_LINE, SALUTATION_LINE, Document
from sco_data.schema import AFFILIATION_COMPANY, AFFILIATION_STATE, Person

# Paragraphs whose people were met on no occasion this release reports: a speech's salutations
# and a news report's recall of earlier news.
OTHER_OCCASIONS = frozenset({SALUTATION_LINE, RECAP_LINE})
# Why counterparts may be wrong, as the review queue says it.
DOUBT_ATTENDING = "a counterpart is named only as attending the meeting"
DOUBT_NONE_NAMED = "an engagement verb with no named counterpart"
DOUBT_SHORT_NAME = "a counterpart's name is one word or an initial, maybe cut short"
DOUBT_NO_COUNTRY = "no country or organisation is found for a counterpart"
# Titles of the SCO side itself (not a member state's envoy "to the SCO Secretariat"), and of
# journalists: never counterparts.
SCO_TITLE = re.compile(rf"{SCO}\s+(?:Deputy\s+)?Secretary|Secretary[\s-]+General\s+of\s+the\s+{SCO}|"
                       rf"(?<!to\sthe\s){SCO}\s+Secretariat|^(?:Deputy\s+)?Secretary[\s-]+General(?:\s+and\b|$)")
PRESS_TITLE = re.compile(r"\b(?:correspondent|journalist|reporter|editor|News\s+Agency|TASS|Xinhua|"
                         r"RIA\s+Novosti|Sputnik|newspaper|magazine)\b", re.I)
# A letter: the release reports a message written by or to the SCO side.
LETTER_CUE = starting_with("cglmtw",
                           r"\b(?:wrote|letter|message|condolences|congratulat\w*|greetings|telegram)\b", re.I)


# Words without which no sentence joins the SCO side to people: sentences that lack all of
# them are not read further.
TRIGGER_WORDS = frozenset("""
    met meet meets meeting meetings talks conversation consultations discussion discussions conferred confers
    spoke speaks talked videoconference video phone telephone call exchange exchanged received receives
    welcomed welcomes message messages letter letters greetings congratulations congratulated congratulates
    congratulatory condolences telegram invitation honour honor farewell connection between agenda programme
    program schedule attended headed led paid phoned called wrote sent dear discussed wished wishes hosted hosts
    greeted signed accepted credentials present attending
""".split()) | frozenset(MEAL_WORDS)


def is_counterpart(person: Person, official: Official) -> bool:
    if official.name and person_key(person.name) == person_key(official.name):
        return False
    if person.title and (SCO_TITLE.search(person.title) or PRESS_TITLE.search(person.title)):
        return False
    return True


def _reports_letters(document: Document) -> bool:
    """The headline or the opening paragraphs report a letter or message."""
    return LETTER_CUE.search(" ".join([document.title or "", *document.paragraphs[:2]])) is not None


def _letter_salutations(document: Document, letters: bool) -> list[tuple[Person, int, int]]:
    """"Dear Mr. Wang Yi," in a letter the release quotes (`letters`: the release reports one):
    its addressee ("Dear Mr Secretary-General," names an office, not a person)."""
    if not letters:
        return []
    found = []
    for index, (paragraph, kind) in enumerate(zip(document.paragraphs, document.kinds)):
        match = SALUTATION_PERSON.match(paragraph) if kind == SALUTATION_LINE else None
        if match is not None and split_title_name(match.group("name").strip())[1] is not None:
            start = document.paragraph_starts[index] + match.start("name")
            person = person_from(match.group("name").strip(), _addressee_title(document))
            found.append((person, start, start + len(match.group("name"))))
    return found[:1] if len(found) == 1 else []


def _addressee_title(document: Document) -> str | None:
    """The office a letter is addressed to, when the lead names it without a name ("sent a
    letter of condolences to the Minister of Foreign Affairs of Pakistan")."""
    for match in MESSAGE_TO.finditer(document.lead_text):
        chain = cut(document.lead_text[match.end():match.end() + MAX_CHAIN_CHARS])
        if chain and not read_people(chain):
            return chain
    return None


@dataclass(frozen=True)
class Counterparts:
    """The people a release's clauses name: those met, and those named only as attending,
    who count where the release reports a meeting."""

    met: Finding[tuple[Person, ...]]
    attending: Finding[tuple[Person, ...]]
    offices: tuple[str, ...] = ()  # offices met, written without their holder's name

    def people(self, meeting: bool) -> Finding[tuple[Person, ...]]:
        if not meeting or not self.attending.value:
            return self.met
        known = {person_key(person.name) for person in self.met.value or ()}
        extra = tuple(person for person in self.attending.value if person_key(person.name) not in known)
        return Finding((*(self.met.value or ()), *extra), self.met.evidence + self.attending.evidence, (),
                       (DOUBT_ATTENDING,) if extra else ())


def _candidate_sentences(document: Document) -> list[tuple[str, int, bool]]:
    """The body sentences, then the headline, that hold a word of meeting or writing (most do
    not, and reading them would cost all the patterns for nothing)."""
    tokens = document.tokens
    starts = document.sentence_starts
    title_end = document.text_offset
    hits: set[int] = set()
    in_title_hit = False
    offsets = tokens.offsets
    for index in compress(range(len(tokens)), map(TRIGGER_WORDS.__contains__, tokens.folded)):
        position = offsets[2 * index]  # where the word starts
        if position < title_end:
            in_title_hit = True
        else:
            hits.add(bisect.bisect_right(starts, position - title_end) - 1)
    found: list[tuple[str, int, bool]] = []
    for index in sorted(hits):
        sentence = document.sentences[index]
        text = document.sentence_text(sentence)
        if document.kinds[sentence.paragraph] in OTHER_OCCASIONS or text.startswith(QUOTE_OPENERS):
            continue
        found.append((text, sentence.start, False))
    if document.title and in_title_hit:
        found.append((document.title, 0, True))  # last: the body names people with their full titles
    return found


def extract_counterparts(document: Document, official: Official) -> Counterparts:
    """Everyone the SCO side met, talked with, phoned, wrote to or was received by, in order of
    first mention, with the spans naming them."""
    side = side_pattern(official)
    letters = _reports_letters(document)
    found: dict[bool, dict[str, Person]] = {False: {}, True: {}}
    evidence: dict[bool, list] = {False: [], True: []}
    offices: dict[str, None] = {}
    for text, offset, title in _candidate_sentences(document):
        for chain, attending in clauses(text, side, letters):
            named = people_in(chain)
            office = None if named or attending or title else office_only(chain)
            if office is not None:
                offices[office] = None
            for person in named:
                position = text.find(person.name)
                if not is_counterpart(person, official) or _cut_off(document, title, offset + position + len(person.name)):
                    continue
                people = found[attending]
                key = person_key(person.name) or person.name
                known = people.get(key)
                if known is None or (known.title is None and person.title):
                    people[key] = person
                if position >= 0:
                    start = offset + position
                    span = in_title(start, start + len(person.name)) if title else in_text(start, start + len(person.name))
                    evidence[attending].append(span.evidence("counterparts", person.name))
    met = _without_short_forms(found[False])
    for person, start, end in _letter_salutations(document, letters):
        key = person_key(person.name) or person.name
        if key not in met and is_counterpart(person, official):
            met[key] = person
            evidence[False].append(in_text(start, end).evidence("counterparts", person.name))
    return Counterparts(Finding(tuple(met.values()), tuple(evidence[False])),
                        Finding(tuple(_without_short_forms(found[True]).values()), tuple(evidence[True])),
                        tuple(offices))


def _cut_off(document: Document, in_headline: bool, end: int) -> bool:
    """A name that runs to the end of a text cut off mid-word ("Alibaba Grou"): no name at all."""
    return not in_headline and end == len(document.text) and not document.text.endswith(SENTENCE_END)


def _without_short_forms(people: dict[str, Person]) -> dict[str, Person]:
    """Drop a one-word name that is part of another counterpart's name ("Mr. Xiaoming" after
    "Liu Xiaoming")."""
    words = {word for key in people if " " in key for word in key.split()}
    return {key: person for key, person in people.items() if " " in key or key not in words}


def first_counterpart_sentence(document: Document, counterparts: tuple[Person, ...]) -> str | None:
    """The body sentence that first names a counterpart (for the date of talks during a visit)."""
    if not counterparts:
        return None
    for sentence in document.sentences:
        text = document.sentence_text(sentence)
        if any(person.name in text for person in counterparts):
            return text
    return None


# Titles of a government's own officials, or of the head of a named body ("Rector of the
# Diplomatic Academy"): met on a visit with no country named, they are the host's ("Foreign
# Secretary", "Joint Secretary"). Not a president: a visiting head of state, or a company's or
# bank's, is met as often as the host's; nor a Secretary-General, an organisation's.
HOST_OFFICIAL = re.compile(r"\b(?:Minister|Ministry|Secretary(?![-\s]General)|Governor|Mayor|Prime|Speaker|Chairman|Akim|Hokim)\b"
                           r"|\s+of\s+")


def assign_host_country(counterparts: tuple[Person, ...], document: Document,
                        place_country: str | None) -> tuple[Person, ...]:
    """A minister, a governor or the head of a body, with no country in the title, met where the
    engagement took place or on a visit to a country, is that country's; a company's people
    stay without one."""
    host = place_country or visited_country(document.lead_text)
    if host is None:
        return counterparts
    return tuple(replace(person, country=host, affiliation_type=AFFILIATION_STATE)
                 if person.country is None and person.title and HOST_OFFICIAL.search(person.title)
                 and person.affiliation_type != AFFILIATION_COMPANY else person
                 for person in counterparts)
