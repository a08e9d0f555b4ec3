"""When each engagement happened, as the date filter and every time axis see it: decided here,
in one place, so that nothing undated or stray vanishes without a word.

- `engagement_dates` gives each release its date and how that date is known. Today that is
  the engagement's own date (`event_date`) or none (DATED_BY_NONE). It is the one place where
  an undated engagement could be placed another way, e.g. by the release's publication date
  (a `published` column), marked with a kind of its own so the page can say so.
- `terms_span` is the span of the Secretaries-General's terms (the officials lexicon): an
  engagement dated outside every term is most likely misdated (a 2004 in a corpus of
  2016-2026), so it is flagged and kept off the time axes rather than stretching them.
- `axis_dates` is the date a time axis places a release at: its date when inside the terms,
  else none. `left_off_axes` counts what a time chart cannot show, for its caption.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from sco_data.extract.lexicon import load

# How a release's date is known.
DATED_BY_EVENT = "event"   # the engagement's own date, read from the release (or corrected)
DATED_BY_NONE = "none"     # no date: the release is counted apart wherever dates apply

# The undated engagements under a date filter (Filters.undated): left out by a date range
# (the default: with the full span nothing is left out), kept whatever the range, or alone.
UNDATED_BY_RANGE = "range"
UNDATED_INCLUDED = "include"
UNDATED_ONLY = "only"
UNDATED_MODES: tuple[str, ...] = (UNDATED_BY_RANGE, UNDATED_INCLUDED, UNDATED_ONLY)
UNDATED_LABELS: dict[str, str] = {
    UNDATED_BY_RANGE: "left out by a date range",
    UNDATED_INCLUDED: "always included",
    UNDATED_ONLY: "only these",
}


def engagement_dates(releases: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each release's date for the date filter and the time axes (a Timestamp, or NaT), and how
    it is known (DATED_BY_EVENT or DATED_BY_NONE).

    The one place to extend for a date from elsewhere: a release without an engagement date
    could take its `published` date here, with a kind of its own (the charts, the filter and
    the counts below all follow this function)."""
    dates = pd.to_datetime(releases["event_date"], errors="coerce")
    how = pd.Series(DATED_BY_EVENT, index=releases.index, dtype=object).where(dates.notna(), DATED_BY_NONE)
    return dates, how


def terms_span(today: dt.date | None = None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From the first Secretary-General's first day to the last one's last day; a term still
    running ends today (an engagement dated in the future is misdated too)."""
    terms = load("officials")["secretaries_general"]
    first = min(entry["first"] for entry in terms)
    ends = [entry.get("last") for entry in terms]
    last = (today or dt.date.today()) if any(end is None for end in ends) else max(ends)
    return pd.Timestamp(first), pd.Timestamp(last)


def axis_dates(dates: pd.Series, span: tuple[pd.Timestamp, pd.Timestamp] | None = None) -> pd.Series:
    """The dates a time axis shows: those inside the terms' span; NaT for the undated and for
    those outside every term."""
    first, last = span or terms_span()
    return dates.where((dates >= first) & (dates <= last))


@dataclass(frozen=True)
class OffAxis:
    """What a time chart of some releases cannot show: how many have no date, and the dates of
    those dated outside every Secretary-General's term (oldest first)."""

    undated: int
    outside: tuple[dt.date, ...]

    def __bool__(self) -> bool:
        return bool(self.undated or self.outside)


def left_off_axes(releases: pd.DataFrame, dates_column: str, axis_column: str) -> OffAxis:
    """Count the releases whose date (`dates_column`) is missing or whose axis date
    (`axis_column`, axis_dates of it) is not, in a prepared frame."""
    dates, on_axis = releases[dates_column], releases[axis_column]
    outside = dates[dates.notna() & on_axis.isna()]
    return OffAxis(int(dates.isna().sum()), tuple(sorted(day.date() for day in outside)))


def in_range(dates: pd.Series, date_from: Any, date_to: Any) -> pd.Series:
    """Which dates lie within [date_from, date_to] (either end may be None); NaT never does."""
    keep = dates.notna()
    if date_from is not None:
        keep &= dates >= pd.Timestamp(date_from)
    if date_to is not None:
        keep &= dates <= pd.Timestamp(date_to)
    return keep
