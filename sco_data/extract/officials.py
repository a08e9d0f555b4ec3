"""The SCO side of an engagement: the Secretary-General or a deputy, by name and role."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

SECRETARY_GENERAL = "Secretary-General"
DEPUTY_SECRETARY_GENERAL = "Deputy Secretary-General"
SECRETARIAT_DELEGATION = "SCO Secretariat delegation"

# Secretaries-General by term (first and last year in office; None while in office).
SECRETARIES_GENERAL: tuple[tuple[str, int, int | None], ...] = (
    ("Rashid Alimov", 2016, 2018),
    ("Vladimir Norov", 2019, 2021),
    ("Zhang Ming", 2022, 2024),
    ("Nurlan Yermekbayev", 2025, None),
)
# How releases refer to them on second mention ("Mr Norov").
SURNAMES: dict[str, str] = {
    "Alimov": "Rashid Alimov",
    "Norov": "Vladimir Norov",
    "Zhang Ming": "Zhang Ming",
    "Yermekbayev": "Nurlan Yermekbayev",
}

SCO = r"(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation(?:\s*\(SCO\))?)"
ROLE = r"(?P<deputy>Deputy\s+)?Secretary[\s-]+General"
NAME = r"(?P<name>\b(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)){0,3})"

# The office and its holder, in the orders releases use:
# "SCO Secretary-General Zhang Ming", "Secretary-General of the SCO Zhang Ming",
# "Zhang Ming, SCO Secretary-General", "Zhang Ming, Secretary-General of the SCO".
OFFICIAL_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"{SCO}(?:'s|’s)?\s+{ROLE},?\s+{NAME}"),
    re.compile(rf"{ROLE}\s+of\s+the\s+{SCO},?\s+{NAME}"),
    re.compile(rf"{NAME},\s+(?:the\s+)?{SCO}\s+{ROLE}"),
    re.compile(rf"{NAME},\s+(?:the\s+)?{ROLE}\s+of\s+the\s+{SCO}"),
)
# The office without a name: "the Secretary-General", "SCO Secretary General".
OFFICE_ONLY = re.compile(rf"(?:{SCO}\s+|\bthe\s+){ROLE}|\bSecretary[\s-]+General\b")
DELEGATION = re.compile(rf"\b{SCO}\s+Secretariat(?:'s)?\s+delegation|\bdelegation\s+of\s+the\s+{SCO}\s+Secretariat")
SURNAME_MENTION = re.compile(r"\b(?:Alimov|Norov|Zhang Ming|Yermekbayev)\b")

# Capitalised words that can follow a name in a headline and are not part of it.
NOT_NAME_WORDS = frozenset({
    "Meets", "Met", "Meet", "Holds", "Held", "Has", "Had", "Takes", "Took", "Receives",
    "Received", "Speaks", "Spoke", "Attends", "Attended", "Visits", "Visited", "Participates",
    "Sends", "Congratulates", "Addresses", "Delivers", "Gives", "Talks", "Calls", "Opens",
    "Hosts", "On", "In", "At", "And", "The", "With", "Of", "During", "As", "To", "For", "Said",
    "Noted", "SCO", "Secretary-General", "Deputy", "Secretary", "General",
})


@dataclass(frozen=True)
class Official:
    name: str | None
    role: str | None
    start: int = -1
    end: int = -1


def secretary_general_on(day: dt.date | None) -> str | None:
    """Who held the office on a day."""
    if day is None:
        return None
    for name, first, last in SECRETARIES_GENERAL:
        if first <= day.year and (last is None or day.year <= last):
            return name
    return None


def _clean_name(raw: str) -> str | None:
    words: list[str] = []
    for word in raw.split():
        if word in NOT_NAME_WORDS:
            break
        words.append(word)
    if not words:
        return None
    name = " ".join(words[:3])
    for surname, full in SURNAMES.items():
        if surname in name:
            return full
    return name if len(words) >= 2 else None


def find_named_official(text: str) -> Official | None:
    """The first official named together with the SCO office in a text."""
    found: list[Official] = []
    for pattern in OFFICIAL_PATTERNS:
        for match in pattern.finditer(text):
            name = _clean_name(match.group("name"))
            if name is None:
                continue
            is_deputy = bool(match.group("deputy")) and name not in SURNAMES.values()
            role = DEPUTY_SECRETARY_GENERAL if is_deputy else SECRETARY_GENERAL
            found.append(Official(name, role, match.start("name"), match.start("name") + len(name)))
            break
    return min(found, key=lambda official: official.start) if found else None


def find_official(lead: str, title: str | None, body: str, event_date: dt.date | None) -> Official:
    """The SCO side's principal: named in the lead, headline or body, else inferred from the term."""
    for text in (lead, title or "", body):
        official = find_named_official(text)
        if official is not None:
            return official
    for text in (lead, title or "", body):
        match = SURNAME_MENTION.search(text)
        if match is not None:
            return Official(SURNAMES[match.group()], SECRETARY_GENERAL)
    for text in (lead, title or ""):
        if DELEGATION.search(text) and not OFFICE_ONLY.search(text):
            return Official(None, SECRETARIAT_DELEGATION)
    for text in (lead, title or "", body):
        match = OFFICE_ONLY.search(text)
        if match is not None:
            role = DEPUTY_SECRETARY_GENERAL if match.group("deputy") else SECRETARY_GENERAL
            name = secretary_general_on(event_date) if role == SECRETARY_GENERAL else None
            return Official(name, role)
    return Official(None, None)
