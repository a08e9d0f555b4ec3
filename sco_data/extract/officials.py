"""The SCO side of an engagement: the Secretary-General, a deputy or an adviser, by name and role.

Every mention of an SCO office with a name beside it is collected ("SCO Secretary-General
Zhang Ming", "Deputy Secretary-General of the SCO Sohail Khan", "Zhang Ming, SCO
Secretary-General", "SCO Secretariat adviser Habib Munir"). The principal is the first named
in the lead, else in the headline, else in the body; but when the Secretary-General only sends a
message that a deputy or adviser reads out, or the deputy acts on his behalf, the deputy is the
principal. A release that names no one falls back on "Mr Norov", then on an unnamed Secretariat
delegation, then on the office alone (its holder on the release's date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from sco_data.extract.findings import Finding, Span, in_text, in_title
from sco_data.extract.lexicon import load
from sco_data.extract.names import is_name_word
from sco_data.extract.pattern_shortcuts import CuedPattern, starting_with
from sco_data.extract.segment import RECAP_LINE, Document

SCO = r"(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation(?:\s*\(SCO\))?)"
SG = r"Secretary[\s-]+General"
# Forms of address that may stand between an office and its holder ("SG H.E. Mr. Vladimir Norov").
ADDRESS = r"(?:(?:H\.\s?E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|His\s+Excellency|Her\s+Excellency|Shri|Smt\.?)\s+)*"
# Up to four capitalised words or initials; which of them are a name is checked word by word.
NAME = r"(?P<name>[A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+)){1,3})"
DEPUTY = r"(?:Deputy\s+)?"
ADVISER = r"[Aa]dvis[eo]r"

# A word without which no text names an SCO office, and how far before and after it the office
# and its holder's name may reach ("Shanghai Cooperation Organisation (SCO) Deputy Secretary-General
# H.E. Mr. Vladimir I. Norov").
OFFICE_WORD = CuedPattern(("Secretary", "dvis"), r"Secretary|[Aa]dvis[eo]r")
WINDOW_BEFORE = 90
WINDOW_AFTER = 130
# The office and its holder, in the orders releases use.
OFFICE_FIRST: tuple[re.Pattern[str], ...] = (
    re.compile(rf"{SCO}(?:'s|’s)?\s+{DEPUTY}{SG},?\s+{ADDRESS}{NAME}"),
    re.compile(rf"{DEPUTY}{SCO}\s+{SG},?\s+{ADDRESS}{NAME}"),
    re.compile(rf"{DEPUTY}{SG}\s+of\s+(?:the\s+)?{SCO},?\s+{ADDRESS}{NAME}"),
    re.compile(rf"{SCO}\s+Secretariat(?:'s)?\s+{ADVISER},?\s+{ADDRESS}{NAME}"),
    re.compile(rf"{ADVISER}\s+(?:of|to|at)\s+the\s+{SCO}\s+(?:Secretariat|{SG}),?\s+{ADDRESS}{NAME}"),
    # "Secretary-General Zhang Ming" without "SCO": not after another body's name.
    re.compile(rf"(?:^|(?<=[.;:(,]\s)|\b(?:[Tt]he|to|by|with|and|of|from|that|as)\s+){DEPUTY}{SG},?\s+{ADDRESS}{NAME}"),
)
NAME_FIRST = re.compile(
    rf"(?:^(?!By\s)|(?<=[,;(]\s)|(?<=\b[Bb]y\s)|(?<=\band\s)|(?<=\bto\s)|(?<=\bwith\s)){NAME},\s+(?:the\s+)?{DEPUTY}(?:{SCO}\s+{DEPUTY}{SG}|{SG}\s+of\s+(?:the\s+)?{SCO})"
    # not when the office goes on to name its own holder: "to <A>, SCO Secretary-General <B> said"
    rf"(?!,?\s+{ADDRESS}[A-Z][\w'’\-]+\s+[A-Z])")
# How far around a mention its sentence is looked for (enough for any real sentence).
CONTEXT_CHARS = 300
# Days either side of a term that an engagement of its holder may still be dated (an official
# elect, a farewell).
TERM_SLACK_DAYS = 60
# A letter's signature: the office on the line under the name.
SIGNATURE_OFFICE = re.compile(rf"(?:^|(?<=\s))(?:{SCO}\s+)?(?:Deputy\s+)?{SG}(?:\s+of\s+the\s+{SCO})?[\"”]?$")
SIGNATURE_MAX_CHARS = 60
# All of them as one pattern (one pass over a text), each order's name in a group of its own.
# A match begins with a capital (the SCO, an office, a name) or with one of the little words
# before a bare office ("the", "to", "by", "with", "and", "of", "from", "that", "as", "adviser").
NAME_GROUPS = tuple(f"name{index}" for index in range(len(OFFICE_FIRST) + 1))
ANY_OFFICIAL = starting_with("A-Zabfotw", "|".join(f"(?:{pattern.pattern.replace('(?P<name>', f'(?P<{group}>')})"
                                                   for pattern, group in zip((*OFFICE_FIRST, NAME_FIRST), NAME_GROUPS)))
# The office without a name: "the Secretary-General", "SCO Deputy Secretary-General", "the head of
# the SCO Secretariat".
OFFICE_ONLY = re.compile(
    rf"(?:\b{SCO}(?:'s|’s)?\s+|\b[Tt]he\s+)(?:Deputy\s+)?(?:{SCO}\s+)?{SG}\b(?!\s+of\s+the\s+(?!{SCO}))"
    rf"|\bDeputy\s+{SCO}\s+{SG}\b|\b(?:Deputy\s+)?{SG}\s+of\s+(?:the\s+)?{SCO}"
    rf"|\b[Hh]ead\s+of\s+the\s+{SCO}\s+Secretariat\b")
DELEGATION = re.compile(
    rf"\b(?:{SCO}\s+Secretariat(?:'s)?\s+delegation|delegation\s+(?:of|from)\s+the\s+{SCO}\s+Secretariat|"
    rf"(?:representatives|delegates|officials|staff)\s+(?:of|from)\s+the\s+{SCO}\s+Secretariat|"
    rf"{SCO}\s+Secretariat\s+(?:takes|took)\s+part|{SCO}\s+Secretariat\s+(?:attends|attended))")
# The Secretary-General present only through a message someone else reads out, or represented.
REPRESENTED = starting_with("cgilmors", 
    r"\b(?:on\s+(?:behalf\s+of|(?:his|her)\s+behalf)|read\s+out|convey(?:ed|s)?|sent\s+(?:a|his|her)\s+(?:\w+\s+){0,2}(?:message|greetings?|letter)|"
    r"in\s+(?:his|her)\s+(?:\w+\s+){0,2}(?:message|letter)|"
    r"(?:message|greetings?|letter)\s+(?:\w+\s+){0,4}(?:was|were)\s+(?:read|delivered|conveyed))\b", re.I)


# Why the SCO side may be wrong, as the review queue says it.
DOUBT_BY_TERM = "the official is not named; taken as the office's holder on the date"
DOUBT_UNNAMED = "the official is not named"
DOUBT_UNNAMED_DELEGATION = "the Secretariat's delegation is led by no one named"
DOUBT_NAMED_BARE = "the official is named only in the body, without the office"


@dataclass(frozen=True)
class Official:
    """An SCO official as a release names them: canonical name (None when unnamed) and role."""

    name: str | None
    role: str | None


@dataclass(frozen=True)
class _Mention:
    name: str
    role: str
    span: Span
    represented: bool


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    return dict(load("officials")["roles"])


@lru_cache(maxsize=1)
def _secretaries_general() -> tuple[dict, ...]:
    return tuple(load("officials")["secretaries_general"])


def secretary_general_on(day: dt.date | None) -> str | None:
    """Who held the office on a day."""
    if day is None:
        return None
    for holder in _secretaries_general():
        if holder["first"] <= day and ("last" not in holder or day <= holder["last"]):
            return holder["name"]
    return None


def fits_term(name: str | None, day: dt.date, slack_days: int = TERM_SLACK_DAYS) -> bool:
    """Whether a day falls within the term of a named Secretary-General (give or take the slack);
    True for anyone whose term the lexicon does not know."""
    for holder in _secretaries_general():
        if holder["name"] == name:
            slack = dt.timedelta(days=slack_days)
            return holder["first"] - slack <= day and ("last" not in holder or day <= holder["last"] + slack)
    return True


@lru_cache(maxsize=1)
def _short_forms() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"\b{re.escape(form)}\b"), holder["name"])
                 for holder in _secretaries_general() for form in holder["short_forms"])


def canonical_name(name: str) -> str:
    """A Secretary-General's name however written ("Vladimir I. Norov") as usually spelt."""
    for pattern, full in _short_forms():
        if pattern.search(name):
            return full
    return name


def _clean_name(raw: str) -> str | None:
    """The name words at the start of a candidate (a headline's "Zhang Ming Meets ..." loses
    "Meets ..."); None unless at least two words remain, or it is a known holder's short form."""
    words: list[str] = []
    for word in raw.split():
        if not is_name_word(word, not words):
            break
        words.append(word)
    if not words:
        return None
    name = " ".join(words)
    canonical = canonical_name(name)
    return canonical if canonical != name or len(words) >= 2 else None


def _role(match: re.Match[str], group: str) -> str:
    """The office a match names, from its words other than the name."""
    office = match.group()[:match.start(group) - match.start()] + match.group()[match.end(group) - match.start():]
    if "advis" in office.lower():
        return _roles()["adviser"]
    return _roles()["deputy"] if "Deputy" in office else _roles()["secretary_general"]


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence a stretch of text stands in, looked for within CONTEXT_CHARS either side."""
    lower = max(0, start - CONTEXT_CHARS)
    opening = text.rfind(". ", lower, start)
    closing = text.find(". ", end, end + CONTEXT_CHARS)
    return text[opening + 2 if opening >= 0 else lower:closing if closing >= 0 else end + CONTEXT_CHARS]


def _mentions(text: str, offset: int, title: bool) -> list[_Mention]:
    """Every named SCO official in a text, in order of position."""
    found: dict[int, _Mention] = {}
    for low, high in _windows(text):
        _add_mentions(found, text, offset, title, low, high)
    return [found[start] for start in sorted(found)]


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of a text around each office word, merged where they overlap: the patterns
    need look only there (an office and its holder's name stand within these bounds)."""
    windows: list[tuple[int, int]] = []
    for match in OFFICE_WORD.finditer(text):
        low, high = max(0, match.start() - WINDOW_BEFORE), min(len(text), match.end() + WINDOW_AFTER)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def _add_mentions(found: dict[int, _Mention], text: str, offset: int, title: bool, low: int, high: int) -> None:
    for match in ANY_OFFICIAL.finditer(text, low, high):
        group = next(name for name in NAME_GROUPS if match.group(name) is not None)
        raw = match.group(group)
        name = _clean_name(raw)
        start = match.start(group)
        if name is None or start in found:
            continue
        span = in_title(start, start + len(raw)) if title else in_text(offset + start, offset + start + len(raw))
        context = _sentence_around(text, match.start(), match.end())
        found[start] = _Mention(name, _role(match, group), span, REPRESENTED.search(context) is not None)


def _principal(mentions: list[_Mention]) -> _Mention | None:
    """The first mention, unless the Secretary-General is only represented by someone named: the
    sentence naming him says so, or the stand-in's own does ("Read out by Deputy Secretary-General
    Grigory Logvinov" under the message's title)."""
    if not mentions:
        return None
    secretary = _roles()["secretary_general"]
    stand_ins = [m for m in mentions if m.role != secretary]
    if mentions[0].role == secretary and stand_ins and (mentions[0].represented or stand_ins[0].represented):
        return stand_ins[0]
    return mentions[0]


def _signature(document: Document) -> _Mention | None:
    """A letter's signature: a line that is only a name, followed by a line that is the office,
    or both on one line (a page that lost the line break)."""
    paragraphs = document.paragraphs
    for index, paragraph in enumerate(paragraphs):
        if len(paragraph) > 2 * SIGNATURE_MAX_CHARS:
            continue
        office = SIGNATURE_OFFICE.match(paragraphs[index + 1]) if index + 1 < len(paragraphs) else None
        name_line = paragraph
        if office is None:
            office = SIGNATURE_OFFICE.search(paragraph)
            name_line = paragraph[:office.start()].rstrip(" ,") if office is not None and office.start() else ""
        name_line = name_line.strip("\"“”,")  # "Vladimir Norov," over the office
        name = _clean_name(name_line) if office and 0 < len(name_line) <= SIGNATURE_MAX_CHARS else None
        if name is not None and len(name.split()) == len(name_line.split()):
            start = document.paragraph_starts[index] + paragraph.find(name_line)
            role = _roles()["deputy"] if "Deputy" in office.group() else _roles()["secretary_general"]
            return _Mention(name, role, in_text(start, start + len(name_line)), False)
    return None


def extract_official(document: Document, event_date: dt.date | None) -> Finding[Official]:
    """The SCO side's principal, with the spans where they are named."""
    lead = document.lead
    sources: list[tuple[str, int, bool]] = []
    if lead is not None:
        sources.append((document.lead_text, document.paragraph_starts[lead], False))
    if document.title:
        sources.append((document.title, 0, True))
    heads = [(p, document.paragraph_starts[i], False) for i, p in enumerate(document.paragraphs)
             if lead is None or i < lead]
    body = [(p, document.paragraph_starts[i], False) for i, p in enumerate(document.paragraphs)
            if lead is not None and i > lead and document.kinds[i] != RECAP_LINE]
    everywhere: list[_Mention] = []
    for group in (sources, heads, body):
        for text, offset, title in group:
            everywhere += _mentions(text, offset, title)
    principal = _principal(everywhere) or _signature(document)
    if principal is not None:
        spans = tuple(m.span.evidence("sco_official", principal.name) for m in everywhere if m.name == principal.name)
        return Finding(Official(principal.name, principal.role), spans)
    return _unnamed(document, sources, event_date)


def _named_further_down(document: Document, event_date: dt.date | None,
                        doubts: tuple[str, ...]) -> Finding[Official] | None:
    """A Secretary-General named bare in the body ("Vladimir Norov opened the tournament"), in
    office on the engagement's date: the holder of an office the release names without a name,
    or else (with `doubts`) maybe only someone it mentions."""
    for pattern, full in _short_forms() if event_date is not None else ():
        match = pattern.search(document.reported_text)
        if match is not None and fits_term(full, event_date, 0):
            return Finding(Official(full, _roles()["secretary_general"]),
                           (in_text(*match.span()).evidence("sco_official", full),), (), doubts)
    return None


def _unnamed(document: Document, sources: list[tuple[str, int, bool]], event_date: dt.date | None) -> Finding[Official]:
    """No office with a name beside it: "Mr Norov", a delegation, the office alone (its holder
    named bare in the body, or else the holder of the day)."""
    secretary = _roles()["secretary_general"]
    for text, offset, title in sources:
        for pattern, full in _short_forms():
            match = pattern.search(text)
            if match is not None:
                span = in_title(*match.span()) if title else in_text(offset + match.start(), offset + match.end())
                return Finding(Official(full, secretary), (span.evidence("sco_official", full),))
    for text, _, _ in sources:
        if DELEGATION.search(text) and not OFFICE_ONLY.search(text):
            return Finding(Official(None, _roles()["delegation"]), (), (), (DOUBT_UNNAMED_DELEGATION,))
    for text, _, _ in [*sources, (document.reported_text, 0, False)]:
        match = OFFICE_ONLY.search(text)
        if match is not None:
            if "Deputy" in match.group():
                return Finding(Official(None, _roles()["deputy"]), (), (), (DOUBT_UNNAMED,))
            return _named_further_down(document, event_date, ()) or \
                Finding(Official(secretary_general_on(event_date), secretary), (), (), (DOUBT_BY_TERM,))
    bare = _named_further_down(document, event_date, (DOUBT_NAMED_BARE,))
    if bare is not None:
        return bare
    for text, _, _ in sources:
        if DELEGATION.search(text):
            return Finding(Official(None, _roles()["delegation"]), (), (), (DOUBT_UNNAMED_DELEGATION,))
    return Finding(Official(None, None), (), ("no SCO official found",))
