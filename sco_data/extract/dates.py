"""Dates: find date expressions with compiled patterns, and choose the engagement's day.

Patterns cut a date out of the text; the cut is turned into a day directly (dateutil reads the
free-form timestamps of page metadata). Which date is the engagement's follows how releases
are written: the lead opens with it ("On 26 May 2019, ..."), or its first sentence carries it
("... was held in Vienna on 13 March 2017"); dates of background events, anniversaries and
incidents are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from dateutil import parser as date_parser

from sco_data.extract.datelines import RELATIVE_DAY_WORDS, WEEKDAY, WEEKDAY_NAMES, read_dateline
from sco_data.extract.findings import Finding, Span, in_text, in_title
from sco_data.extract.pattern_shortcuts import CuedPattern, starting_with
from sco_data.extract.segment import Document

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
RANGE_JOIN = r"\s*(?:-|–|—|to|and|until)\s*"
YEAR = r"(?:19|20)\d{2}"

# "26 May 2019", "3 March, 2021", "3-4 March", "From 3 to 6 March 2021", "26-29 May 2019",
# "31 August to 1 September 2025", "the 5th of June 2023".
# Months must be capitalised so that the verb "may" never reads as a date.
DAY_MONTH_YEAR = (
    rf"(?P<dmy_day>{DAY})(?:{RANGE_JOIN}{DAY})?\s+(?:of\s+)?(?P<dmy_month>{MONTH})"
    rf"(?:{RANGE_JOIN}{DAY}\s+{MONTH})?(?:,?\s+(?P<dmy_year>{YEAR}))?"
)
# "March 3, 2021", "March 3-4, 2021", "April 1".
MONTH_DAY_YEAR = (
    rf"(?P<mdy_month>{MONTH})\s+(?P<mdy_day>{DAY})(?:{RANGE_JOIN}(?:{DAY}))?(?![\d])"
    rf"(?:,?\s+(?P<mdy_year>{YEAR}))?"
)
# "12.03.2021" and "2021-03-12", used by datelines.
NUMERIC = r"(?P<num_a>\d{1,2})\.(?P<num_b>\d{1,2})\.(?P<num_year>\d{4})|(?P<iso>\d{4}-\d{2}-\d{2})"

# A date opens with a digit or a month's capital. It ends at a word's end, or at a capital run on
# to it where a space was lost between two sentences ("held on 25 November 2021The conference").
DATE_PATTERN = starting_with(r"\dADFJMNOS",
                             rf"\b(?:{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}|{NUMERIC})(?:\b|(?<=\d)(?=[A-Z]))")
# What opens a sentence with the engagement's own date: "On 3 March", "From 3 to 6 March",
# "Between 23 and 26 July", "Twenty years later, on 15 June 2021". Looked for just before a date.
OPENER_CUE = re.compile(r"(?:^|[.;]\s+|^[A-Z][A-Z\s'-]{1,30},\s+)(?:(?P<adverbial>[A-Z][\w'-]*(?:\s+[\w'-]+){0,3}),\s+)?"
                        r"(?(adverbial)(?:on|from|between)|(?:On|From|Between))\s+(?:the\s+)?$")
OPENER_WINDOW = 48
# The SCO side as a sentence's subject may name it.
SCO_SIDE = re.compile(r"\b(?:SCO|Shanghai\s+Cooperation|Secretary[- ]General|Secretariat)\b")
# What says a date is not the engagement's: history ("ago", "since"), documents and decisions
# ("signed", "adopted", "established"), plans ("scheduled for"), incidents ("attack on").
# Looked for in the words just before a date.
BACKGROUND_CUE = starting_with("abcdefiopstu",  # where one of its words can begin
    r"\b(?:ago|since|until|till|signed|adopted|approved|established|founded|endorsed|dated|"
    r"scheduled|planned|due|expected|upcoming|forthcoming|anniversary\s+of|attack|attacks|explosion|bombing|blast|"
    r"earthquake|flood|floods|crash|disaster|tragedy|incident|fire|outbreak|turned|born|died)\b"
    r"[^.;]{0,90}$", re.I)
BACKGROUND_WINDOW = 120
# The date of a coming event the engagement prepares ("in the run-up to the summit in Samarkand
# on 15-16 September"), or of what a relative clause tells ("Zhang Ming, who arrived in Astana on
# 1 July, met ..."): no comma between the words and the date. So is the date of an event held
# before it ("a week after the summit held on 4 July"), not "following the session on 3 July".
ASIDE_CUE = re.compile(r"(?:\b(?:run-up\s+to|ahead\s+of|on\s+the\s+eve\s+of)|,\s+who)\b[^.;,]{0,80}$"
                       r"|\b(?:after|following)\s+the\s+[^.;,]{0,60}\bheld\s+(?:in\s+[A-Z][\w'’-]+\s+)?on\s+$", re.I)
# A sentence of the lead that dates the engagement itself, looked for just before a date: "The
# meeting took place on", "The talks were held in Tashkent on", "The event, which took place on".
HELD = r"(?:took\s+place|was\s+held|were\s+held)"
ENGAGEMENT_HELD_ON = re.compile(
    r"(?:^|[.;]\s+)The\s+(?:meeting|talks|conversation|negotiations|visit|event|ceremony)(?:,\s+which)?\s+"
    rf"{HELD}\b[^.;]{{0,40}}?\bon\s+(?:the\s+)?$")
ENGAGEMENT_HELD_WINDOW = 90
# The words without which no paragraph dates the engagement so (a cheap look before the dates).
HELD_WORDS = re.compile(rf"\b{HELD}\b")
# A message dated in its own words, within the first paragraphs after the lead.
SENT_ON = CuedPattern(("sent", "dated", "written", "delivered"), r"\b(?:sent|dated|written|delivered)\s+on\s+")
SENT_ON_PARAGRAPHS = 3
# Why a date may be wrong, as the review queue says it.
DOUBT_NOT_A_DAY = "the lead's date is no calendar day"
DOUBT_BORROWED_YEAR = "the year is borrowed from another date (the headline's, or one just before)"
DOUBT_FROM_HEADLINE = "the date comes from the headline, not the lead"
DOUBT_SEVERAL_DATES = "the lead names several dates and none opens it"
DOUBT_RELATIVE_DAY = "the date is a weekday or 'today' read against the page's dateline"
DOUBT_MESSAGE_DATE = "the date is the day a message was sent"
DOUBT_CLOSING_LINE = "the date comes from the date line under the text"
DOUBT_OUT_OF_TERM = "a date in the lead is outside the official's term"
DOUBT_LATER_PARAGRAPH = "the date comes from the paragraph after the lead"
# A day named relative to the page's date: "today", "this morning", "on Saturday"; not the day
# a body reported the news ("the ministry said on Thursday"), which need not be the engagement's
# (where a person "said on Thursday, addressing the forum", it is).
WEEKDAYS = tuple(name.lower() for name in WEEKDAY_NAMES)
RELATIVE_DAY = re.compile(rf"\b(?:(?P<word>{RELATIVE_DAY_WORDS})"
                          rf"|on\s+(?P<weekday>{WEEKDAY}))\b", re.I)
PART_OF_DAY = re.compile(r"this\s|tonight", re.I)
REPORTED_BY_A_BODY = re.compile(r"\b(?:ministry|service|office|embassy|agency|website|secretariat|statement|report)"
                                r"\s+(?:said|says|reported|reports|announced|stated|informed)\s+$", re.I)
REPORTED_WINDOW = 40
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


def _opens_with(text: str, mention: DateMention) -> bool:
    """The date opens its sentence: "On 3 March", "From 3 to 6 March"; or, with its year, after a
    short adverbial that is no background, in a sentence whose subject is the SCO side
    ("Twenty years later, on 15 June 2021, SCO Secretary-General ...", not "Twenty years ago,
    on ..." nor "A year earlier, on 12 March 2022, the Ambassador presented ...")."""
    opener = OPENER_CUE.search(text, max(0, mention.start - OPENER_WINDOW), mention.start)
    if opener is None or opener.group("adverbial") is None:
        return opener is not None
    end = text.find(". ", mention.end)
    return mention.year is not None and BACKGROUND_CUE.search(opener.group("adverbial") + " ") is None \
        and SCO_SIDE.search(text, mention.end, end if end >= 0 else len(text)) is not None


def _dates_the_engagement(text: str, mention: DateMention) -> bool:
    """A later sentence dates the engagement itself: "The meeting took place on 11 December 2023"."""
    return ENGAGEMENT_HELD_ON.search(text, max(0, mention.start - ENGAGEMENT_HELD_WINDOW), mention.start) is not None


def _is_background(text: str, mention: DateMention) -> bool:
    """A cue before the date makes it another event's ("the summit scheduled for 3-4 July"); past
    an earlier date and a comma, the cue was that date's ("scheduled for 3-4 July 2024, he gave
    an interview on 28 June"), while dates joined by "and" share it ("ahead of the summit on 4
    July and the ministerial on 20 May")."""
    window = max(0, mention.start - BACKGROUND_WINDOW)
    earlier = find_dates(text[window:mention.start])
    if earlier and "," in text[window + earlier[-1].end:mention.start]:
        window += earlier[-1].end
    return BACKGROUND_CUE.search(text, window, mention.start) is not None or \
        ASIDE_CUE.search(text, window, mention.start) is not None


def lead_date_mention(text: str, first_sentence_end: int | None = None) -> DateMention | None:
    """The engagement's date in a lead paragraph: the first that opens a sentence ("On 3 March,
    ..."), else the first in the first sentence that is not a background date."""
    ordered = _mentions_in_order(text, first_sentence_end)
    return ordered[0] if ordered else None


def _sent_on(document: Document) -> tuple[DateMention, int] | None:
    """A message's own date, given near the top: "In the message, sent on 8 August 2020"."""
    first = document.lead if document.lead is not None else 0
    for index in range(first, min(first + SENT_ON_PARAGRAPHS, len(document.paragraphs))):
        paragraph = document.paragraphs[index]
        for match in SENT_ON.finditer(paragraph):
            mentions = find_dates(paragraph[match.end():match.end() + 40])
            if mentions and mentions[0].start == 0:
                mention = mentions[0]
                shifted = DateMention(match.end() + mention.start, match.end() + mention.end, mention.day,
                                      mention.month, mention.year, mention.iso)
                return shifted, document.paragraph_starts[index]
    return None


def _resolve(mention: DateMention, written: str, year_from: dt.date | None, span: Span,
             doubts: tuple[str, ...] = ()) -> Finding[dt.date]:
    """The day a date mention names, borrowing a year when it has none."""
    if mention.year is None and not mention.iso:
        day = borrow_year(mention, year_from)
        if day is None:
            return Finding(None, (), (f"engagement date '{written}' has no year and the release gives none",))
        doubts = (*doubts, DOUBT_BORROWED_YEAR)
    else:
        day = to_date(mention)
        if day is None:
            return Finding(None, (), (f"'{written}' is not a calendar date",), (DOUBT_NOT_A_DAY,))
    return Finding(day, (span.evidence("event_date", day.isoformat()),), (), doubts)


def _earlier_full_date(text: str, mention: DateMention, start: int) -> dt.date | None:
    """For a date without a year, a full date just before it in its sentence whose year puts it
    within a week after ("who arrived in Astana on 1 July 2024, met ... on 2 July")."""
    if mention.year is not None or mention.iso:
        return None
    sentence_start = max(text.rfind(". ", start, mention.start) + 1, start)
    for earlier in reversed(find_dates(text[sentence_start:mention.start])):
        day = to_date(earlier)
        later = to_date(mention, day.year) if day is not None else None
        if later is not None and 0 <= (later - day).days <= BORROWED_YEAR_SLACK_DAYS:
            return day
    return None


def _mentions_in_order(text: str, first_sentence_end: int | None, start: int = 0) -> list[DateMention]:
    """A lead's date mentions in the order they may be the engagement's: those opening a
    sentence, then those of the first sentence that are no background."""
    mentions = [mention for mention in find_dates(text) if mention.start >= start]
    opening = [mention for mention in mentions if _opens_with(text, mention)]
    limit = len(text) if first_sentence_end is None else first_sentence_end
    plain = [mention for mention in mentions if mention.start < limit and not _is_background(text, mention)
             and mention not in opening]
    stated = [mention for mention in mentions if mention.start >= limit and _dates_the_engagement(text, mention)
              and mention not in opening]
    return opening + plain + stated


def _dated_after_lead(document: Document, year_from: dt.date | None) -> list[Finding[dt.date]]:
    """The paragraph after the lead dating the engagement itself: "The meeting was held on 12 May
    2023 at the Secretariat"."""
    index = document.after_lead
    if index is None or not HELD_WORDS.search(document.paragraphs[index]):
        return []
    text, offset = document.paragraphs[index], document.paragraph_starts[index]
    return [_resolve(mention, text[mention.start:mention.end], year_from,
                     in_text(offset + mention.start, offset + mention.end), (DOUBT_LATER_PARAGRAPH,))
            for mention in find_dates(text) if _dates_the_engagement(text, mention) and not _is_background(text, mention)]


def _relative_day(document: Document, printed: dt.date | None) -> Finding[dt.date] | None:
    """"today", "this morning", "yesterday" or "on Saturday" in the lead's first sentence, read
    against the page's printed date (the weekday on or before it)."""
    first = document.lead_sentence
    text = document.sentence_text(first) if first is not None and printed else ""
    found = [match for match in RELATIVE_DAY.finditer(text)
             if not REPORTED_BY_A_BODY.search(text, max(0, match.start() - REPORTED_WINDOW), match.start())]
    # "this morning" or "tonight" yields to a plainer day ("who left this morning, met ... on Thursday").
    match = next((match for match in found if not PART_OF_DAY.match(match.group())), found[0] if found else None)
    if match is None:
        return None
    group = "word" if match.group("word") else "weekday"
    word = match.group(group).lower()
    if word == "yesterday":
        day = printed - dt.timedelta(days=1)
    elif group == "word":
        day = printed
    else:
        day = printed - dt.timedelta(days=(printed.weekday() - WEEKDAYS.index(word)) % 7)
    start = first.start + match.start(group)
    return Finding(day, (in_text(start, start + len(match.group(group))).evidence("event_date", day.isoformat()),),
                   (), (DOUBT_RELATIVE_DAY,))


def event_date_candidates(document: Document, year_from: dt.date | None = None,
                          printed: dt.date | None = None) -> list[Finding[dt.date]]:
    """Every day that may be the engagement's, most likely first: the lead's (after any
    dateline), the headline's (a speech's title), the lead's "today" or weekday read against the
    page's printed date, the next paragraph's "The meeting was held on", a message's "sent on",
    the date a statement was issued. A date without a year takes `year_from`'s. A publication
    stamp or a dateline is never one of them."""
    sources: list[tuple[str, int, bool, int | None, int]] = []
    if document.lead is not None:
        lead_start = document.paragraph_starts[document.lead]
        first = document.lead_sentence
        dateline = document.dateline
        sources.append((document.lead_text, lead_start, False, first.end - lead_start if first else None,
                        dateline.end if dateline else 0))
    if document.title:
        sources.append((document.title, 0, True, None, 0))
    # The bracketed line of date and place under a speech's title: "(12 October 2023, Bishkek)".
    for index, paragraph in enumerate(document.paragraphs[:document.lead or 0]):
        if paragraph.startswith("("):
            sources.append((paragraph, document.paragraph_starts[index], False, None, 0))
    found: list[Finding[dt.date]] = []
    for index, (text, offset, title, first_end, start) in enumerate(sources):
        ordered = _mentions_in_order(text, first_end, start)
        for mention in ordered:
            span = in_title(mention.start, mention.end) if title else \
                in_text(offset + mention.start, offset + mention.end)
            doubts = (DOUBT_FROM_HEADLINE,) if title else ()
            if index == 0 and not _opens_with(text, mention) and len({(m.day, m.month, m.year) for m in ordered}) > 1:
                doubts = (DOUBT_SEVERAL_DATES,)
            lends = year_from or _earlier_full_date(text, mention, start)
            found.append(_resolve(mention, text[mention.start:mention.end], lends, span, doubts))
    relative = _relative_day(document, printed)
    if relative is not None:
        found.append(relative)
    found += _dated_after_lead(document, year_from)
    sent = _sent_on(document)
    if sent is not None:
        mention, offset = sent
        written = document.text[offset + mention.start:offset + mention.end]
        found.append(_resolve(mention, written, year_from, in_text(offset + mention.start, offset + mention.end),
                              (DOUBT_MESSAGE_DATE,)))
    for line in document.closing_date_lines:
        day = parse_date_text(line)
        if day is not None:
            found.append(Finding(day, (), (), (DOUBT_CLOSING_LINE,)))
    return found


def choose_event_date(candidates: list[Finding[dt.date]], fits=lambda day: True) -> Finding[dt.date]:
    """The first candidate that names a day that `fits` (the official's term); a warning when
    none does. A candidate whose day cannot be read (no year to borrow) is kept with its warning
    when nothing better comes."""
    if not candidates:
        return Finding(None, (), ("no engagement date found",))
    rejected: list[str] = []
    for candidate in candidates:
        if candidate.value is None:
            if not rejected:
                return candidate
            continue
        if fits(candidate.value):
            return replace(candidate, doubts=(*candidate.doubts, DOUBT_OUT_OF_TERM)) if rejected else candidate
        rejected.append(candidate.value.isoformat())
    return Finding(None, (), (f"engagement date {rejected[0]} does not fit the official's term; no date taken",),
                   (DOUBT_OUT_OF_TERM,))


def refine_event_date(event_date: dt.date | None, sentence: str | None) -> dt.date | None:
    """A visit's lead ("from 4 to 6 March") followed by "on 5 March, he held talks with ...":
    the talks' own date, when the sentence naming the counterparts gives one."""
    if event_date is None or sentence is None:
        return event_date
    dateline = read_dateline(sentence)
    mentions = [mention for mention in find_dates(sentence)
                if not _is_background(sentence, mention) and mention.start >= (dateline.end if dateline else 0)]
    if not mentions:
        return event_date
    mention = mentions[0]
    day = to_date(mention) if mention.year is not None or mention.iso else borrow_year(mention, event_date)
    return day or event_date
