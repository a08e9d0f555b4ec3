"""Places named as the host of something other than the engagement: a coming event ("the summit
to be held in Tianjin"), one the engagement came after or before ("a week after the summit in
Astana"), an event dated otherwise in its clause, or a plan ("proposed to hold a presentation at
the SCO Secretariat"). places.py sets them aside.
"""

from __future__ import annotations

import datetime as dt
import re

from sco_data.extract.dates import find_dates, to_date
from sco_data.extract.pattern_shortcuts import starting_with

# What ends the clause before a place: a place dated in another clause is not dated by it.
CLAUSE_MARKS = (". ", ": ", "; ", ", ")
# The host of a coming event, just before its city: "the summit to be held in", "which will take
# place in", "scheduled to be held in".
COMING_HOST = starting_with("stw", r"\b(?:to\s+be|will\s+be|scheduled\s+to\s+be)\s+(?:held|hosted)\s+in\s+(?:the\s+)?$"
                                   r"|\b(?:to|will)\s+take\s+place\s+in\s+(?:the\s+)?$")
COMING_HOST_WINDOW = 40
# The host of an event the engagement came after or before: "A week after the SCO summit in",
# "ahead of the Council session in" (not "on the sidelines of the summit in", where it was; nor
# "following the talks in", which may be the engagement itself).
OTHER_EVENTS_HOST = re.compile(r"\b(?:after|following|since|before|ahead\s+of)\s+(?:the\s+|its\s+|his\s+|her\s+)?"
                               r"(?:[\w'’-]+\s+){0,4}(?:summit|session|forum|conference|council)"
                               r"\s+(?:in|at)\s+(?:the\s+)?$", re.I)
OTHER_EVENTS_HOST_WINDOW = 80
# What makes a place in the body that of something planned ("proposed to hold a presentation at
# the SCO Secretariat", "invited him to visit"), looked for in its sentence before it.
PLANNED = re.compile(r"\b(?:propos(?:ed|es|al|ing)|plann(?:ed|ing)|plans?\s+to|intend(?:s|ed)?\s+to|agreed\s+to|"
                     r"invited\s+\w+\s+to|upcoming|future|to\s+(?:hold|organi[sz]e|host|open))\b", re.I)
PLANNED_WINDOW = 100


def is_background(text: str, position: int, event_date: dt.date | None, strict: bool = False) -> bool:
    """The place stands in a clause dated otherwise than the engagement ("the summit that took
    place on 8-9 June 2017 in Astana"), or is the host of a coming event ("the summit to be held
    in Tianjin") or of one the engagement came after or before ("a week after the summit in
    Astana"): the host of another event. `strict`: any date but the engagement's, known or
    not, makes it so."""
    if COMING_HOST.search(text, max(0, position - COMING_HOST_WINDOW), position) or \
            OTHER_EVENTS_HOST.search(text, max(0, position - OTHER_EVENTS_HOST_WINDOW), position):
        return True
    if event_date is None and not strict:
        return False
    start = max(text.rfind(mark, 0, position) for mark in CLAUSE_MARKS) + 1
    ends = [end for end in (text.find(mark, position) for mark in CLAUSE_MARKS) if end >= 0]
    sentence = text[start:min(ends, default=len(text))]
    days = [to_date(mention) for mention in find_dates(sentence) if mention.year is not None or mention.iso]
    return any(day is not None and day != event_date for day in days) and event_date not in days


def is_planned(text: str, position: int) -> bool:
    """The place stands in a sentence about something planned, before it."""
    start = max(text.rfind(". ", 0, position) + 1, position - PLANNED_WINDOW, 0)
    return PLANNED.search(text, start, position) is not None
