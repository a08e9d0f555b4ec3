"""Date expressions: find them with compiled patterns, parse the cut with dateutil."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as date_parser

from sco_data.extract.segment import CleanText, Lead

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
RANGE_JOIN = r"\s*(?:-|–|—|to|and|until)\s*"
YEAR = r"(?:19|20)\d{2}"

# "26 May 2019", "3 March, 2021", "3-4 March", "From 3 to 6 March 2021", "26-29 May 2019",
# "31 August to 1 September 2025".
# Months must be capitalised so that the verb "may" never reads as a date.
DAY_MONTH_YEAR = (
    rf"(?P<dmy_day>{DAY})(?:{RANGE_JOIN}{DAY})?\s+(?P<dmy_month>{MONTH})"
    rf"(?:{RANGE_JOIN}{DAY}\s+{MONTH})?(?:,?\s+(?P<dmy_year>{YEAR}))?"
)
# "March 3, 2021", "March 3-4, 2021", "April 1".
MONTH_DAY_YEAR = (
    rf"(?P<mdy_month>{MONTH})\s+(?P<mdy_day>{DAY})(?:{RANGE_JOIN}(?:{DAY}))?(?![\d])"
    rf"(?:,?\s+(?P<mdy_year>{YEAR}))?"
)
# "12.03.2021" and "2021-03-12", used by datelines.
NUMERIC = r"(?P<num_a>\d{1,2})\.(?P<num_b>\d{1,2})\.(?P<num_year>\d{4})|(?P<iso>\d{4}-\d{2}-\d{2})"

DATE_PATTERN = re.compile(rf"\b(?:{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}|{NUMERIC})\b")
# What stands just before the engagement's own date in a lead: "On 3 March", "from 3 to".
LEAD_DATE_CUE = re.compile(r"(?:\b(?:On|on|From|from|Between|between)\s+(?:the\s+)?)$")
DATE_LINE = re.compile(rf"^\W*(?:{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}|{NUMERIC})\W*$")
# The pattern has already cut the day and month out; the month's first three letters name it.
MONTH_NUMBERS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
# Days a borrowed year may run ahead of the release date before it means the previous year.
BORROWED_YEAR_SLACK_DAYS = 7


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: str
    month: str
    year: int | None
    iso: str | None = None


def find_dates(text: str) -> list[DateMention]:
    mentions: list[DateMention] = []
    for match in DATE_PATTERN.finditer(text):
        groups = match.groupdict()
        if groups["iso"]:
            mentions.append(DateMention(match.start(), match.end(), "", "", None, groups["iso"]))
        elif groups["num_year"]:
            iso = f"{groups['num_year']}-{int(groups['num_b']):02d}-{int(groups['num_a']):02d}"
            mentions.append(DateMention(match.start(), match.end(), "", "", None, iso))
        elif groups["dmy_month"]:
            year = groups["dmy_year"]
            mentions.append(DateMention(match.start(), match.end(), groups["dmy_day"],
                                        groups["dmy_month"], int(year) if year else None))
        else:
            year = groups["mdy_year"]
            mentions.append(DateMention(match.start(), match.end(), groups["mdy_day"],
                                        groups["mdy_month"], int(year) if year else None))
    return mentions


def to_date(mention: DateMention, fallback_year: int | None = None) -> dt.date | None:
    """The calendar day a mention names, borrowing a year when it has none; None if impossible."""
    if mention.iso:
        return _parse_iso(mention.iso)
    year = mention.year if mention.year is not None else fallback_year
    if year is None:
        return None
    month = MONTH_NUMBERS.get(mention.month.rstrip(".")[:3].lower())
    try:
        return dt.date(year, month, int(mention.day.rstrip("stndrh")))
    except (TypeError, ValueError):
        return None


def _parse_iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _parse_any(text: str) -> dt.date | None:
    """Timestamps in page metadata come in many formats ("2021-03-04T10:00:00+08:00",
    "Thu, 04 Mar 2021 10:00:00 GMT"): dateutil reads them all."""
    try:
        return date_parser.parse(text, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def is_date_line(paragraph: str) -> bool:
    """A dateline: a paragraph that is nothing but a full date."""
    return len(paragraph) <= 40 and DATE_LINE.match(paragraph) is not None and any(
        mention.year is not None or mention.iso for mention in find_dates(paragraph)
    )


def parse_date_text(text: str) -> dt.date | None:
    """The first full date in a short text (a dateline or an HTML meta value)."""
    for mention in find_dates(text):
        day = to_date(mention)
        if day is not None:
            return day
    return _parse_any(text)


def borrow_year(mention: DateMention, release_date: dt.date | None) -> dt.date | None:
    """A year-less date takes the release's year (the previous one if it would lie in the future)."""
    if release_date is None:
        return None
    day = to_date(mention, release_date.year)
    if day is not None and (day - release_date).days > BORROWED_YEAR_SLACK_DAYS:
        day = to_date(mention, release_date.year - 1)
    return day


def lead_date_mention(text: str) -> DateMention | None:
    """The engagement's date in a lead: one introduced by "On"/"From", else the first."""
    mentions = find_dates(text)
    for mention in mentions:
        if LEAD_DATE_CUE.search(text[max(0, mention.start - 16):mention.start]):
            return mention
    return mentions[0] if mentions else None


# --- the release's and the engagement's day ---------------------------------------------


def extract_release_date(clean: CleanText, published: str | None) -> dt.date | None:
    """The release's own date: a dateline, a full date in the headline, or the page's metadata."""
    for line in clean.date_lines:
        day = parse_date_text(line)
        if day is not None:
            return day
    if clean.title:
        for mention in find_dates(clean.title):
            day = to_date(mention)
            if day is not None:
                return day
    return parse_date_text(published) if published else None


def extract_event_date(lead: Lead | None, title: str | None, release_date: dt.date | None,
                       warnings: list[str]) -> dt.date | None:
    """The engagement's day: from the lead, else the headline, else the release's own date."""
    sources = [lead.paragraph] if lead else []
    if title:
        sources.append(title)
    for text in sources:
        mention = lead_date_mention(text)
        if mention is None:
            continue
        if mention.year is None and not mention.iso:
            day = borrow_year(mention, release_date)
            if day is None:
                warnings.append(f"engagement date '{text[mention.start:mention.end]}' has no year "
                                "and the release gives none")
            return day
        day = to_date(mention)
        if day is None:
            warnings.append(f"'{text[mention.start:mention.end]}' is not a calendar date")
        return day
    if release_date is not None:
        warnings.append("no engagement date in the lead; used the release date")
        return release_date
    warnings.append("no engagement date found")
    return None


def refine_event_date(event_date: dt.date | None, lead: Lead | None, sentence: str | None) -> dt.date | None:
    """A visit's lead ("from 4 to 6 March") followed by "on 5 March, he held talks with ...":
    the talks' own date, when the sentence naming the counterparts gives one."""
    if event_date is None or lead is None or sentence is None or sentence == lead.sentence:
        return event_date
    mention = lead_date_mention(sentence)
    if mention is None:
        return event_date
    day = to_date(mention) if mention.year is not None else borrow_year(mention, event_date)
    return day or event_date

