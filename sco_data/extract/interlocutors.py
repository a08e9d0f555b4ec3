"""Counterparts a release names apart from the clause that joins them to the SCO side.

Reports of talks often name the other side in a sentence of its own: the meeting is reported
with the people by office only ("The President of Kyrgyzstan received the Secretary-General"),
then "Sadyr Japarov noted ..."; or the other side is the subject who speaks to the official
("Sergei Lavrov informed Zhang Ming ...", "Muhammad Rafiuddin Shah, head of policy at the
Committee, noted ..."); or the clause names an office ("met with the Director of the UNESCAP
Secretariat's Transport Department") that another sentence gives with its holder's name ("Li
Yuwei, Director of UNESCAP Secretariat's Transport Department"). These count only where the
release reports talks (a meeting, a call, a video call): at a forum, a speaker is a
co-participant, not a counterpart.
"""

from __future__ import annotations

import re

from sco_data.extract.clauses import LEAD_PREFIX, people_in
from sco_data.extract.counterparts import is_counterpart
from sco_data.extract.findings import Finding, in_text
from sco_data.extract.names import person_key
from sco_data.extract.officials import Official
from sco_data.extract.people import person_from, split_title_name
from sco_data.extract.segment import PROSE, Document
from sco_data.schema import Person

# Why such a counterpart may be wrong, as the review queue says it.
DOUBT_SPEAKER = "a counterpart is named only as a speaker in a sentence of their own"
DOUBT_OFFICE_HOLDER = "a counterpart's name comes from another sentence that gives the same office"
# What the other side does in a sentence of its own: speaks, informs, thanks, hands over.
SPEAKING = re.compile(
    r"\s+(?:also\s+|further\s+|in\s+turn\s+|for\s+(?:his|her)\s+part\s+)?(?:noted|said|stressed|emphasi[sz]ed|"
    r"informed|thanked|congratulated|expressed|praised|briefed|welcomed|highlighted|pointed\s+out|underlined|"
    r"underscored|confirmed|reaffirmed|commended|conveyed|assured|invited|proposed|suggested|shared|"
    r"told(?!\s+(?:journalists|reporters|the\s+(?:media|press)))|"
    r"recalled|outlined|handed|presented|called\s+for|spoke\s+about|drew\s+attention)\b")
# How a sentence turns to another matter than the talks ("Separately, the Minister told ...").
OTHER_MATTER = ("Separately", "Meanwhile", "In other news")
# A name needs two capitalised words in a row (an initial counts).
TWO_CAPITALISED = re.compile(r"[A-Z][\w'’\-.]*\s+[A-Z][\w'’\-]+")
# How many sentences from the top are read for the other side speaking: reports of talks give
# the other side's words early, and what comes later (background, other events) names others.
SPEAKER_SENTENCES = 12
# How far into a sentence its subject may run.
SUBJECT_MAX_CHARS = 200


def _speaker(sentence: str, official: Official) -> Person | None:
    """The person a sentence opens with, when what follows is a verb of speaking (the SCO
    official, "He" or "The Ambassador" are looked at no further); not one who spoke to the press
    or of another matter."""
    verb = SPEAKING.search(sentence, 0, SUBJECT_MAX_CHARS)
    if verb is None or sentence.startswith(OTHER_MATTER):
        return None
    subject = LEAD_PREFIX.sub("", sentence[:verb.start()])
    if not subject[:1].isupper() or TWO_CAPITALISED.search(subject) is None \
            or (official.name and official.name in subject):
        return None
    people = people_in(subject)
    return people[0] if len(people) == 1 else None


def _mentioned_before(name: str, known: set[str]) -> bool:
    """A second mention: a surname alone ("Mr Norov"), or words of a name already known ("Ishaq
    Dar" after "Mohammad Ishaq Dar")."""
    words = set((person_key(name) or "").split())
    return len(words) < 2 or any(words <= set(key.split()) for key in known if key)


def speakers(document: Document, official: Official, known: set[str]) -> list[tuple[Person, int, int]]:
    """People who speak in the release in sentences of their own, with their spans; the SCO
    side, journalists and those already `known` (by name key) left out."""
    found: list[tuple[Person, int, int]] = []
    for sentence in document.sentences[:SPEAKER_SENTENCES]:
        if document.kinds[sentence.paragraph] != PROSE:
            continue
        text = document.sentence_text(sentence)
        person = _speaker(text, official)
        if person is None or _mentioned_before(person.name, known | {person_key(official.name or "")}) \
                or not is_counterpart(person, official):
            continue
        known.add(person_key(person.name))
        position = text.find(person.name)
        start = sentence.start + max(position, 0)
        found.append((person, start, start + len(person.name)))
    return found


def _office_pattern(office: str) -> re.Pattern[str]:
    """An office as another sentence may write it: "the" and a possessive optional."""
    words = [re.escape(word) for word in office.split() if word.lower() != "the"]
    return re.compile(r"\b" + r"\s+(?:the\s+)?".join(words) + r"\b")


def holder_of(document: Document, office: str) -> tuple[Person, int, int] | None:
    """The person another sentence names with this office: "<Name>, <office>" or "<office> <Name>"."""
    if len(office.split()) < 3:
        return None
    text = document.text
    for match in _office_pattern(office).finditer(text):
        before = re.search(r"([A-Z][\w'’\-.]+(?:\s+[A-Z][\w'’\-.]+){1,3}),\s*(?:the\s+)?$", text[max(0, match.start() - 60):match.start()])
        after = re.match(r"\s+([A-Z][\w'’\-.]+(?:\s+[A-Z][\w'’\-.]+){1,3})", text[match.end():match.end() + 60])
        for found, start in ((before, match.start() - 60), (after, match.end())):
            if found is None:
                continue
            _, name = split_title_name(found.group(1))
            if name is not None:
                begin = max(0, start) + found.start(1) + found.group(1).find(name)
                return person_from(name, office), begin, begin + len(name)
    return None


def add_office_holders(people: Finding[tuple[Person, ...]], offices: tuple[str, ...], document: Document,
                       official: Official) -> Finding[tuple[Person, ...]]:
    """The counterparts, with the holders of offices the clauses named without a name."""
    known = {person_key(person.name) for person in people.value or ()}
    added: list[tuple[Person, int, int]] = []
    for office in offices:
        holder = holder_of(document, office)
        if holder is not None and person_key(holder[0].name) not in known and is_counterpart(holder[0], official):
            known.add(person_key(holder[0].name))
            added.append(holder)
    return _with(people, added, DOUBT_OFFICE_HOLDER)


def add_speakers(people: Finding[tuple[Person, ...]], document: Document, official: Official,
                 offices: tuple[str, ...]) -> Finding[tuple[Person, ...]]:
    """The counterparts of talks, with the people who speak to the official in sentences of
    their own. One speaker with no title or a part of it, where the clauses named one office
    no sentence gives a holder of, holds that office ("The President of Kazakhstan received the
    Secretary-General ... Kassym-Jomart Tokayev noted ...", "... Ambassador Bishnu Pukar
    Shrestha expressed ...")."""
    known = {person_key(person.name) for person in people.value or ()}
    added = speakers(document, official, known)
    if len(added) == 1 and offices:
        open_offices = [office for office in offices if holder_of(document, office) is None]
        if len(open_offices) == 1 and open_offices[0].startswith(added[0][0].title or ""):
            person, start, end = added[0]
            added = [(person_from(person.name, open_offices[0]), start, end)]
    return _with(people, added, DOUBT_SPEAKER)


def _with(people: Finding[tuple[Person, ...]], added: list[tuple[Person, int, int]],
          doubt: str) -> Finding[tuple[Person, ...]]:
    if not added:
        return people
    evidence = tuple(in_text(start, end).evidence("counterparts", person.name) for person, start, end in added)
    return Finding((*(people.value or ()), *(person for person, _, _ in added)), people.evidence + evidence,
                   people.warnings, (*people.doubts, doubt))
