"""Which line of a release is its headline.

A saved release may open with page furniture (the site's name, "All news", a language switch),
with its headline (once or several times, maybe under a subtitle), or with no headline at all:
its lead. Whether the first line ends in a full stop does not decide it. A headline is one
sentence of at most a few lines that does not open as a lead does (with the engagement's date,
"On 3 March 2021, ...", or a news agency's dateline) and reads as a headline: a noun phrase or
the present tense ("meets", "takes part"), or followed by a lead that opens with its date.
"""

from __future__ import annotations

import re

from sco_data.extract.datelines import MONTH_WORD, read_dateline
from sco_data.extract.paragraphs import QUESTION, SALUTATION, split_sentences

HEADLINE_MAX_CHARS = 260
# Among several lines above the lead, the headline is the first with at least this many words
# of letters (shorter ones are a site's name, a section or a language switch: "Home | World |
# Asia"), else the longest.
HEADLINE_MIN_WORDS = 5
WORD = re.compile(r"[^\W\d_]")
# A heading that quotes someone: 'Rashid Alimov: "Women are the driving force ..."'.
QUOTED_HEADING = re.compile(r"^[A-Z][\w'’.\- ]{2,60}:\s*[\"“«][^\"”»]{3,300}[\"”»][.!?]?$")
# How a lead opens with the engagement's date: "On 3 March 2021,", "From 8 to 11 August",
# "Between 23 and 26 July", "On January 2, 2017".
DATE_OPENER = re.compile(
    rf"^(?:On|From|Between|As\s+of)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*\d{{1,2}})?\s+"
    rf"{MONTH_WORD}|{MONTH_WORD}\s+\d{{1,2}})\b")
# A verb in the past tense, as a lead reports what happened ("met", "held talks", "took part");
# not a participle that a headline uses as an adjective ("Forum held in Astana").
PAST_TENSE = re.compile(
    r"\b(?:met|held|had|took|was|were|sent|made|gave|spoke|paid|led|told|said|became|began|wrote|read|"
    r"[a-z]{2,}ed)\b(?!\s+(?:in|at|on|between|by|for|during|under|within|to|from|as|ambassador)\b)")
PARTICIPLES = frozenset({"appointed", "elected", "designated", "dedicated", "devoted", "related", "based",
                         "named", "titled", "entitled", "united", "limited", "advanced", "renewed", "expanded",
                         "enlarged", "extended", "planned", "scheduled", "proposed"})


def opens_as_lead(paragraph: str) -> bool:
    """The paragraph opens with the engagement's date or a dateline, as a lead does."""
    return DATE_OPENER.match(paragraph) is not None or read_dateline(paragraph) is not None


def _past_tense(paragraph: str) -> bool:
    return any(match.group() not in PARTICIPLES for match in PAST_TENSE.finditer(paragraph))


def may_be_headline(paragraph: str) -> bool:
    """Short enough, and no form of address, question or list."""
    return len(paragraph) <= HEADLINE_MAX_CHARS and not SALUTATION.match(paragraph) \
        and not QUESTION.match(paragraph) and not paragraph.endswith((",", ":", ";"))


def reads_as_headline(first: str, second: str, second_is_prose: bool) -> bool:
    """Whether a release's first paragraph of prose is its headline, whatever it ends with: it
    does not open as a lead, and a lead that does or a subtitle follows it, or it is one
    sentence that reports nothing in the past tense."""
    if not may_be_headline(first) or opens_as_lead(first):
        return False
    if opens_as_lead(second) or not second_is_prose:
        return True
    if len(split_sentences(first)) > 1 and not QUOTED_HEADING.match(first):
        return False
    return not _past_tense(first)


def choose_title(candidates: list[str]) -> int | None:
    """Of the lines that may be the headline, in order, the index of the one that is: the first
    with HEADLINE_MIN_WORDS words or more, else the longest."""
    if not candidates:
        return None
    for index, line in enumerate(candidates):
        if sum(WORD.search(word) is not None for word in line.split()) >= HEADLINE_MIN_WORDS:
            return index
    return max(range(len(candidates)), key=lambda index: len(candidates[index]))
