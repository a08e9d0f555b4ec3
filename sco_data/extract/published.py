"""When a release was published, and which of its dates may stand for a date it leaves open.

A release's publication shows in a stamp (the page store's "date 2023-05-04" before the text, a
page's printed "17:56, 28 April 2025"), in a saved page's metadata, or in a news agency's
dateline. None of them is the engagement's date, nor lends its year to a date the lead gives
without one: only a full date in the headline does ("(20 January 2025)", a speech's title). A
"today" or "on Saturday" is read against the page's own printed date: its dateline, else a
stamp line of the page (not the store's). A dateline without a year ("BEIJING, Nov 18
(Xinhua) --") takes its year from the publication date (a stamp, the store's included, or the
page's metadata), which is close enough to be sure of the year though not of the day.
"""

from __future__ import annotations

import datetime as dt

from sco_data.extract.dates import find_dates, parse_date_text, to_date
from sco_data.extract.datelines import parse_stamp_date, stamp_date
from sco_data.extract.segment import Document


# How far a dateline's day may lie after the publication date (time zones) and before it (a
# page published late): further off, the two are not of the same report.
STAMP_SLACK_AFTER = dt.timedelta(days=1)
STAMP_SLACK_BEFORE = dt.timedelta(days=31)


def _dateline_day(document: Document) -> dt.date | None:
    dateline = document.dateline
    return dateline.date if dateline is not None else None


def _yearless_dateline_day(document: Document, published: dt.date | None) -> dt.date | None:
    """A dateline's day written without a year, in the year that puts it on or just before
    the publication date (a dateline of 30 Dec under a stamp of 2 January is of the year
    before); none if no year puts it within a month of it."""
    dateline = document.dateline
    if dateline is None or dateline.date is not None or not dateline.written or published is None:
        return None
    for year in (published.year, published.year - 1):
        day = parse_stamp_date(dateline.written, year)
        if day is not None and published - STAMP_SLACK_BEFORE <= day <= published + STAMP_SLACK_AFTER:
            return day
    return None


def extract_published(document: Document, page_published: str | None = None) -> dt.date | None:
    """The publication date: a stamp (segment read it), the page's metadata, else a dateline
    that has a year."""
    if document.published is not None:
        return document.published
    day = parse_date_text(page_published) if page_published else None
    return day or _dateline_day(document)


def year_source(document: Document) -> dt.date | None:
    """A full date in the headline, whose year a date without one in the lead may take."""
    for mention in find_dates(document.title or ""):
        day = to_date(mention)
        if day is not None:
            return day
    return None


def printed_day(document: Document, published: dt.date | None) -> dt.date | None:
    """The page's own printed date, against which "today" and weekdays are read; `published`
    (extract_published's) lends a dateline without a year its year."""
    day = _dateline_day(document) or _yearless_dateline_day(document, published)
    if day is not None:
        return day
    for line in document.date_lines:
        day = stamp_date(line)
        if day is not None:
            return day
    return None
