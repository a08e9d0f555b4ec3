"""When a release was published, and which of its dates may stand for a date it leaves open.

A release's publication shows in a stamp (the page store's "date 2023-05-04" before the text, a
page's printed "17:56, 28 April 2025"), in a saved page's metadata, or in a news agency's
dateline. None of them is the engagement's date, nor lends its year to a date the lead gives
without one: only a full date in the headline does ("(20 January 2025)", a speech's title). A
"today" or "on Saturday" is read against the page's own printed date: its dateline, else a
stamp line of the page (not the store's). A dateline without a year ("BEIJING, Nov 18
(Xinhua) --") takes the year of the store's stamp, which is close enough to be sure of the year
though not of the day.
"""

from __future__ import annotations

import datetime as dt

from sco_data.extract.dates import find_dates, parse_date_text, to_date
from sco_data.extract.datelines import parse_stamp_date
from sco_data.extract.segment import Document


# How far a dateline's day may lie after the store's stamp (time zones, a late stamp).
STAMP_SLACK = dt.timedelta(days=1)


def _dateline_day(document: Document) -> dt.date | None:
    dateline = document.dateline
    return dateline.date if dateline is not None else None


def _yearless_dateline_day(document: Document) -> dt.date | None:
    """A dateline's day written without a year, in the year that puts it on or just before
    the store's stamp (a dateline of 30 Dec under a stamp of 2 January is of the year before)."""
    dateline, stamp = document.dateline, document.published
    if dateline is None or dateline.date is not None or not dateline.written or stamp is None:
        return None
    for year in (stamp.year, stamp.year - 1):
        day = parse_stamp_date(dateline.written, year)
        if day is not None and day <= stamp + STAMP_SLACK:
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


def printed_day(document: Document) -> dt.date | None:
    """The page's own printed date, against which "today" and weekdays are read."""
    day = _dateline_day(document) or _yearless_dateline_day(document)
    if day is not None:
        return day
    for line in document.date_lines:
        day = parse_date_text(line)
        if day is not None:
            return day
    return None
