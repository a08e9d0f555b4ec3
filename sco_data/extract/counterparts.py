"""Counterparts: the people the SCO side met, talked with, phoned, wrote to or was received by.

Every sentence of the release is read (not only the lead): a visit's agenda, "The SCO
delegation also met with ...", "That same day, he met ..." name counterparts too. A sentence
yields people only through a clause that joins the SCO side to them by a verb of meeting,
talking or writing; people merely mentioned, speakers and chairs of a multilateral event, and
journalists who interview the official are never counterparts. The people in the clause are
read by `people.read_people`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import compress

from sco_data.extract.findings import Finding, in_text, in_title
from sco_data.extract.gazetteer import City, cities
from sco_data.extract.names import normalise_name
from sco_data.extract.officials import Official
from sco_data.extract.people import (
    affiliation_of,
    person_from,
    read_people,
    split_title_name,
)
from sco_data.extract.places import visited_country
from sco_data.extract.paragraphs import QUOTE_OPENERS, SALUTATION_PERSON
from sco_data.extract.segment import SALUTATION_LINE, Document
from sco_data.schema import (
    AFFILIATION_COMPANY,
    AFFILIATION_ORGANISATION,
    AFFILIATION_STATE,
    Person,
)

SCO = r"(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)"
# An office's holder written after it: "SCO Secretary-General H.E. Mr. Vladimir Norov".
HOLDER = r"(?:,?\s+(?:(?:H\.\s?E\.|Mr\.?|Ms\.?|Mrs\.?)\s+)*[A-Z][\w'’\-.]+(?:\s+[A-Z][\w'’\-.]+){0,3})?"
# How a sentence refers to the SCO side besides the official's own name.
SCO_SIDE_FORMS = (
    rf"{SCO}(?:'s|’s)?\s+(?:Deputy\s+)?Secretary[\s-]+General{HOLDER}",
    rf"\b[Tt]he\s+(?:Deputy\s+)?Secretary[\s-]+General\b(?!\s+of\s+the\s+(?!SCO|Shanghai)){HOLDER}",
    rf"\bDeputy\s+{SCO}\s+Secretary[\s-]+General{HOLDER}",
    rf"\b(?:Deputy\s+)?Secretary[\s-]+General\s+of\s+the\s+{SCO}{HOLDER}",
    rf"\b(?:[Tt]he\s+)?{SCO}\s+(?:Secretariat|delegation|Observer\s+Mission|Mission)\b",
    r"\b[Tt]he\s+(?:SCO\s+)?(?:Secretariat(?:'s)?\s+)?delegation\b",
    r"\b[Tt]he\s+Secretariat\b",
    r"\bdelegation\s+of\s+the\s+SCO\b",
    r"^(?:[Hh]e|[Ss]he|[Tt]hey)\b",
)
# A verb of meeting or talking, up to the "with" that introduces the people.
MEETING_WITH = re.compile(
    r"\b(?:met|meets|meet|meeting|meetings|talks|conversation|consultations|discussion|discussions|"
    r"conferred|confers|spoke|speaks|talked|videoconference|video\s+conference|video\s+call|phone\s+call|"
    r"telephone\s+call|exchange\s+of\s+(?:views|opinions)|exchanged\s+(?:views|opinions))\b[^.;]{0,60}?\bwith\s+"
    r"(?:the\s+)?")
# Receiving someone: the people follow directly.
RECEIVED = re.compile(
    r"\b(?:received|receives|welcomed|welcomes)\s+(?!(?:an?|the)\s+(?:[\w-]+\s+)?(?:message|letter|delegation\s+of\s+(?:students|experts))|"
    r"(?:congratulat|greeting|message|letter|invitation|award|certificate|participants|guests)\w*)")
# The people as the subject, the SCO side as the object: "<Ambassador X> paid a courtesy call on
# the Secretary-General", "<President X> received the Secretary-General".
SUBJECT_VERB = re.compile(
    r"\s+(?:today\s+|also\s+|yesterday\s+)?(?:paid\s+(?:a|an|his|her)\s+(?:[\w-]+\s+){0,2}(?:call|visit)\s+(?:on|to)"
    r"|received|receives|welcomed|welcomes|met\s+with|meets\s+with|hosted|"
    r"(?:held|had)\s+(?:a\s+)?(?:meeting|talks|consultations|(?:telephone\s+)?conversation)\s+with|"
    r"phoned|called)\s+")
# The same in a release about messages: "<President X> also congratulated the Secretary-General".
SUBJECT_WROTE = re.compile(r"\s+(?:also\s+)?(?:congratulated|congratulates|wrote\s+to|sent\s+(?:a\s+)?(?:\w+\s+)?"
                           r"(?:message|letter|telegram)\s+to)\s+")
# Messages exchanged: "sent a message to <P>", "greetings to <P>", "a message from <P>".
MESSAGE_TO = re.compile(
    r"\b(?:message|letter|greetings|congratulations|condolences|telegram)\b[^.;]{0,40}?\b(?:to|addressed\s+to)\s+"
    r"(?:the\s+)?(?=[A-Z])")
CALL_FROM = re.compile(r"\b(?:call|message|letter|greetings)\b[^.;]{0,90}?\bfrom\s+(?:the\s+)?(?=[A-Z])")
MESSAGE_FROM = re.compile(
    r"\b(?:(?:message|letter|greetings|congratulations|telegram)s?\s+(?:from|by)|In\s+(?:his|her)\s+"
    r"(?:\w+\s+){0,2}(?:message|letter))\s*,?\s*(?:the\s+)?(?=[A-Z])")
# A reception given for someone, or at their invitation.
HOSTED_BY = re.compile(
    r"\b(?:at\s+the\s+invitation\s+of|in\s+honou?r\s+of|farewell\s+(?:reception|dinner|lunch)\s+for|"
    r"in\s+connection\s+with)\s+(?:the\s+)?(?=[A-Z])")
# "between <SCO side> and <people>", "<SCO side> and <people> held talks".
BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?")
AND = re.compile(r",\s*|\s+and\s+")
JOINT_SUBJECT = re.compile(r"\s+and\s+")
JOINT_VERBS = re.compile(r"\s+(?:held|had|met|discussed|signed|exchanged|talked)\b")
# How far the second subject of "<SCO side> and <people> held talks" may run.
JOINT_MAX_CHARS = 200
# How far a list of people may run: longer runs are not a list of counterparts, and bounding
# them keeps the cost of a sentence linear in its length, however many clauses it has.
MAX_CHAIN_CHARS = 500
RECEIVED_BY = re.compile(r"\bwas\s+received\s+by\s+(?:the\s+)?")
# The meeting reported as the subject: "The main meeting of the visit, with <people>, took place".
MEETING_SUBJECT = re.compile(r"^(?:The|During\s+the|At\s+the)\s+(?:\w+\s+){0,3}?(?:meeting|talks|negotiations|conversation)"
                             r"\b[^.;]{0,40}?\bwith\s+(?:the\s+)?")
# Where and how, between the verb and the people: "received at the SCO Secretariat X".
LEADING_CIRCUMSTANCE = re.compile(
    r"^(?:(?:at|in)\s+the\s+(?:SCO\s+)?(?:Secretariat|[Hh]eadquarters)(?:\s+of\s+the\s+SCO)?|in\s+[A-Z][\w'’\-]+|"
    r"(?:via|by)\s+(?:video\s*conference|video\s+link|videoconference)|online|today|yesterday)\s*,?\s+")
# "<Name> on his election as <title>": the title follows.
ELECTED_AS = re.compile(r"\s+on\s+(?:his|her)\s+(?:re-?)?(?:election|appointment)\s+as\s+(?:the\s+)?")
# A visit's programme: "The agenda included meetings with <people>".
AGENDA = re.compile(r"\b(?:agenda|programme|program|schedule|visit)\b[^.;]{0,80}\b(?:included|includes|featured)\b")
# Every clause that, after the SCO side, introduces the people: one pattern, one pass.
AFTER_SIDE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in
                                 (MEETING_WITH, RECEIVED, MESSAGE_TO, HOSTED_BY, RECEIVED_BY)))
# "The meeting was attended by <people>", "<people> headed the delegation": only where the release
# reports a meeting.
ATTENDED_BY = re.compile(r"\b(?:meeting|talks|conversation)\s+(?:was|were)\s+(?:also\s+)?attended\s+by\s+")
HEADED_DELEGATION = re.compile(r"\s+(?:headed|led)\s+the\s+(?:[\w'’-]+\s+){0,4}delegation\b")
# What opens a sentence before its subject: "On 3 March 2023, ", "In Tashkent, ".
LEAD_PREFIX = re.compile(
    r"^(?:(?:[Oo]n|[Ii]n|[Ff]rom|[Dd]uring|[Aa]t|[Bb]etween|[Aa]fter|[Bb]efore|[Ll]ater|That\s+same\s+day|Also)\b"
    r"[^,]{0,60},\s+|"
    r"[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?,\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?\s*[-–—/,]\s*)+")
# Words without which no sentence joins the SCO side to people: sentences that lack all of
# them are not read further.
TRIGGER_WORDS = frozenset("""
    met meet meets meeting meetings talks conversation consultations discussion discussions conferred confers
    spoke speaks talked videoconference video phone telephone call exchange exchanged received receives
    welcomed welcomes message messages letter letters greetings congratulations congratulated congratulates
    congratulatory condolences telegram invitation honour honor farewell connection between agenda programme
    program schedule attended headed led paid phoned called wrote sent dear
""".split())
# Where the list of people ends.
CHAIN_END = re.compile(
    r"\s+(?:on\s+the\s+(?:sidelines|margins)|in\s+the\s+city|at|here|today|yesterday|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?<!well\s)as\s+(?!well\s+as)|during|via|to\s+the\s+(?:SCO\s+)?(?:Secretariat|[Hh]eadquarters)|"
    r"by\s+(?:video|phone|telephone)|on\s+(?=\d)|on\s+(?:the|[A-Z][a-z]+\s+\d)|to\s+discuss|who|where|which|"
    r"within|in\s+order|in\s+connection|in\s+the\s+framework|in\s+the\s+format|online|in\s+an?\s+(?:online|video)|"
    r"and\s+(?:discussed|exchanged|noted|thanked|spoke|talked|agreed)|to\s+exchange|regarding|about|following|after|"
    r"before|ahead\s+of|upon|under|while|from\s+(?=\d)|in\s+(?=\d)|in\s+(?:early|mid|late)\b|this\s+|last\s+|"
    r"completing|on\s+(?:his|her|their|the\s+occasion))\b"
    r"|,\s+to\s+the\s+(?:SCO\s+)?(?:Secretariat|[Hh]eadquarters)|[;:]|\((?![A-Z][A-Za-z]{1,9}\))|\s+(?:is|are|was|were|had|has|have|said|says|noted|took|gave|made|told|"
    r"held|met|led|spoke|sent|paid|will|would|also)\b"
    # A verb in the past tense right after a name ends the list: "... Emomali Rahmon offered"
    # (not "the newly appointed Ambassador").
    r"|\b[A-Z][\w'’\-]*[a-z](?P<verb>\s+)(?=[a-z]+ed\b)")
# "a delegation of <body> led by <title> <Name>": the people come after "led by".
LED_BY = re.compile(r"\b(?:led|headed)\s+by\s+(?:its\s+|their\s+|the\s+)?")
BODY_ONLY = re.compile(r"^(?:a\s+|the\s+)?(?:delegation|delegations|representatives|members|group|participants|"
                       r"students|staff|heads|leadership|experts|journalists|officials)\b", re.I)
# Titles of the SCO side itself, and of journalists: never counterparts.
SCO_TITLE = re.compile(rf"{SCO}\s+(?:Deputy\s+)?Secretary|Secretary[\s-]+General\s+of\s+the\s+{SCO}|"
                       rf"{SCO}\s+Secretariat|^(?:Deputy\s+)?Secretary[\s-]+General(?:\s+and\b|$)")
PRESS_TITLE = re.compile(r"\b(?:correspondent|journalist|reporter|editor|News\s+Agency|TASS|Xinhua|"
                         r"RIA\s+Novosti|Sputnik|newspaper|magazine)\b", re.I)
# A letter: the release reports a message written by or to the SCO side.
LETTER_CUE = re.compile(r"\b(?:wrote|letter|message|condolences|congratulat\w*|greetings|telegram)\b", re.I)


def _side_pattern(official: Official) -> re.Pattern[str]:
    forms = list(SCO_SIDE_FORMS)
    if official.name:
        forms.append(rf"\b{re.escape(official.name)}\b")
        surname = official.name.split()[-1]
        if len(official.name.split()) > 1 and len(surname) > 3:
            forms.append(rf"\b(?:Mr\.?|Ms\.?|Mrs\.?)\s+{re.escape(surname)}\b|\b{re.escape(surname)}\b")
    return re.compile("|".join(f"(?:{form})" for form in forms))


def _cut(chain: str) -> str:
    """The list of people in a chain, without the circumstances around it."""
    chain = LEADING_CIRCUMSTANCE.sub("", chain)
    end = CHAIN_END.search(chain)
    if end is not None:
        chain = chain[:end.start("verb") if end.group("verb") else end.start()]
    return _cut_at_city(chain).strip(" ,.")


def _cut_at_city(chain: str) -> str:
    """Cut "... He Jinping in Zhengzhou": a trailing "in <City>" says where, not who."""
    for match in re.finditer(r"\s+in\s+([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)", chain):
        if isinstance(cities().get(match.group(1)), City):
            return chain[:match.start()]
    return chain


def _clauses(sentence: str, side: re.Pattern[str], letters: bool) -> Iterator[tuple[str, bool]]:
    """The text after each clause of a sentence that joins the SCO side to people, and whether
    the clause names them only as attending (which counts only where a meeting is reported)."""
    text = LEAD_PREFIX.sub("", sentence)
    side_match = side.search(text)
    if side_match is not None:
        for match in AFTER_SIDE.finditer(text, side_match.end()):
            yield text[match.end():match.end() + MAX_CHAIN_CHARS], False
        # Apart, as it overlaps the others: "a message addressed to <the SCO side> from <people>".
        for match in CALL_FROM.finditer(text, side_match.end()):
            yield text[match.end():match.end() + MAX_CHAIN_CHARS], False
        joint = JOINT_SUBJECT.match(text, side_match.end())
        if joint is not None:
            rest = text[joint.end():joint.end() + JOINT_MAX_CHARS]
            verb = JOINT_VERBS.search(rest)
            if verb is not None:
                yield rest[:verb.start()], False
    for match in BETWEEN.finditer(text):
        first = side.match(text, match.end())
        joiner = AND.match(text, first.end()) if first is not None else None
        if joiner is not None:
            yield text[joiner.end():joiner.end() + MAX_CHAIN_CHARS], False
    for pattern in (SUBJECT_VERB, SUBJECT_WROTE) if letters else (SUBJECT_VERB,):
        verb = pattern.search(text)
        if verb is not None and side.search(text, verb.end()) and not side.search(text, 0, verb.start()):
            yield text[max(0, verb.start() - MAX_CHAIN_CHARS):verb.start()], False
    if letters:
        for match in MESSAGE_FROM.finditer(sentence):
            yield sentence[match.end():match.end() + MAX_CHAIN_CHARS], False
    meeting = MEETING_SUBJECT.match(text)
    if meeting is not None:
        yield text[meeting.end():meeting.end() + MAX_CHAIN_CHARS], False
    if AGENDA.search(text):
        for match in MEETING_WITH.finditer(text):
            yield text[match.end():match.end() + MAX_CHAIN_CHARS], False
    for match in ATTENDED_BY.finditer(text):
        yield text[match.end():match.end() + MAX_CHAIN_CHARS], True
    headed = HEADED_DELEGATION.search(text)
    if headed is not None and not side.search(text, 0, headed.start()):
        yield text[max(0, headed.start() - MAX_CHAIN_CHARS):headed.start()], True


def _people(chain: str) -> list[Person]:
    chain = ELECTED_AS.sub(", ", LEADING_CIRCUMSTANCE.sub("", chain), count=1)
    body = None
    led_by = LED_BY.search(chain)
    if led_by is not None and BODY_ONLY.match(chain):
        body, chain = chain[:led_by.start()], chain[led_by.end():]
    chain = _cut(chain)
    if not chain or BODY_ONLY.match(chain):
        return []
    people = read_people(chain)
    if body:
        people = [_with_body(person, *affiliation_of(body)) for person in people]
    return people


def _with_body(person: Person, country: str | None, kind: str | None) -> Person:
    """A delegation's head represents the delegation's body when their own title names no
    country, or names an organisation the body's name makes more precise ("OSCE" -> "OSCE PA")."""
    if country is None:
        return person
    if person.country is None or (person.affiliation_type == kind == AFFILIATION_ORGANISATION):
        return replace(person, country=country, affiliation_type=kind)
    return person


def _is_counterpart(person: Person, official: Official) -> bool:
    if official.name and normalise_name(person.name) == normalise_name(official.name):
        return False
    if person.title and (SCO_TITLE.search(person.title) or PRESS_TITLE.search(person.title)):
        return False
    return True


def _reports_letters(document: Document) -> bool:
    """The headline or the opening paragraphs report a letter or message."""
    return LETTER_CUE.search(" ".join([document.title or "", *document.paragraphs[:2]])) is not None


def _letter_salutations(document: Document) -> list[tuple[Person, int, int]]:
    """"Dear Mr. Wang Yi," in a letter the release quotes: its addressee ("Dear Mr
    Secretary-General," names an office, not a person)."""
    if not _reports_letters(document):
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
        chain = _cut(document.lead_text[match.end():match.end() + MAX_CHAIN_CHARS])
        if chain and not read_people(chain):
            return chain
    return None


@dataclass(frozen=True)
class Counterparts:
    """The people a release's clauses name: those met, and those named only as attending,
    who count where the release reports a meeting."""

    met: Finding[tuple[Person, ...]]
    attending: Finding[tuple[Person, ...]]

    def people(self, meeting: bool) -> Finding[tuple[Person, ...]]:
        if not meeting or not self.attending.value:
            return self.met
        known = {normalise_name(person.name) for person in self.met.value or ()}
        extra = tuple(person for person in self.attending.value if normalise_name(person.name) not in known)
        return Finding((*(self.met.value or ()), *extra), self.met.evidence + self.attending.evidence)


def _candidate_sentences(document: Document) -> list[tuple[str, int, bool]]:
    """The body sentences, then the headline, that hold a word of meeting or writing (most do
    not, and reading them would cost all the patterns for nothing)."""
    tokens = document.tokens
    starts = document.sentence_starts
    title_end = document.text_offset
    hits: set[int] = set()
    in_title_hit = False
    for index in compress(range(len(tokens)), map(TRIGGER_WORDS.__contains__, tokens.folded)):
        position = tokens.span(index)[0]
        if position < title_end:
            in_title_hit = True
        else:
            hits.add(bisect.bisect_right(starts, position - title_end) - 1)
    found: list[tuple[str, int, bool]] = []
    for index in sorted(hits):
        sentence = document.sentences[index]
        text = document.sentence_text(sentence)
        if document.kinds[sentence.paragraph] == SALUTATION_LINE or text.startswith(QUOTE_OPENERS):
            continue
        found.append((text, sentence.start, False))
    if document.title and in_title_hit:
        found.append((document.title, 0, True))  # last: the body names people with their full titles
    return found


def extract_counterparts(document: Document, official: Official) -> Counterparts:
    """Everyone the SCO side met, talked with, phoned, wrote to or was received by, in order of
    first mention, with the spans naming them."""
    side = _side_pattern(official)
    letters = _reports_letters(document)
    found: dict[bool, dict[str, Person]] = {False: {}, True: {}}
    evidence: dict[bool, list] = {False: [], True: []}
    for text, offset, title in _candidate_sentences(document):
        for chain, attending in _clauses(text, side, letters):
            for person in _people(chain):
                if not _is_counterpart(person, official):
                    continue
                people = found[attending]
                key = normalise_name(person.name) or person.name
                known = people.get(key)
                if known is None or (known.title is None and person.title):
                    people[key] = person
                position = text.find(person.name)
                if position >= 0:
                    start = offset + position
                    span = in_title(start, start + len(person.name)) if title else in_text(start, start + len(person.name))
                    evidence[attending].append(span.evidence("counterparts", person.name))
    met = _without_short_forms(found[False])
    for person, start, end in _letter_salutations(document):
        key = normalise_name(person.name) or person.name
        if key not in met and _is_counterpart(person, official):
            met[key] = person
            evidence[False].append(in_text(start, end).evidence("counterparts", person.name))
    return Counterparts(Finding(tuple(met.values()), tuple(evidence[False])),
                        Finding(tuple(_without_short_forms(found[True]).values()), tuple(evidence[True])))


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
# Diplomatic Academy"): met on a visit with no country named, they are the host's.
HOST_OFFICIAL = re.compile(r"\b(?:Minister|Ministry|Governor|Mayor|Prime|Speaker|Chairman|Akim|Hokim)\b|\s+of\s+")


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
