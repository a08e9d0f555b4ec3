"""Periods the charts group by (month, quarter, year): the one table of their names,
frequencies and labels, and the turning of a period start into its label."""

from __future__ import annotations

import pandas as pd

from sco_data.explore.dating import axis_dates, engagement_dates

PERIODS: tuple[str, ...] = ("month", "quarter", "year")
# What the period is called on the page (the Group by control and the charts' axes).
PERIOD_LABELS: dict[str, str] = {"month": "Month", "quarter": "Quarter", "year": "Year"}
# pandas period frequency of each period.
PERIOD_FREQ: dict[str, str] = {"month": "M", "quarter": "Q", "year": "Y"}
# How one period is written on an axis: 'May 2019', '2019 Q2', '2019' (pandas Period.strftime).
PERIOD_FORMATS: dict[str, str] = {"month": "%b %Y", "quarter": "%F Q%q", "year": "%Y"}


def _checked(period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"period must be one of {PERIODS}, not {period!r}")
    return period


def period_column(period: str) -> str:
    """Name of the helper column holding each release's period start."""
    return f"_{period}"


def period_starts(releases: pd.DataFrame, period: str) -> pd.Series:
    """Each release's period start on a time axis (NaT for a release that has no place on it,
    explore.dating): the prepared column when there is one."""
    column = period_column(_checked(period))
    if column in releases.columns:
        return releases[column]
    return axis_dates(engagement_dates(releases)[0]).dt.to_period(PERIOD_FREQ[period]).dt.start_time


def period_range(starts: pd.Series, period: str) -> pd.DatetimeIndex:
    """Every period start from the earliest to the latest of `starts`, gaps included."""
    freq = PERIOD_FREQ[_checked(period)]
    known = starts.dropna()
    if known.empty:
        return pd.DatetimeIndex([])
    first, last = known.min().to_period(freq), known.max().to_period(freq)
    return pd.period_range(first, last, freq=freq).start_time


def period_labels(starts: pd.Series | pd.DatetimeIndex, period: str) -> pd.Index:
    """'May 2019', '2019 Q2' or '2019' for each period start."""
    index = pd.DatetimeIndex(starts).to_period(PERIOD_FREQ[_checked(period)])
    return index.strftime(PERIOD_FORMATS[period])


def period_ends(starts: pd.Series | pd.DatetimeIndex, period: str) -> pd.DatetimeIndex:
    """The last day of each period that starts at `starts`."""
    index = pd.DatetimeIndex(starts).to_period(PERIOD_FREQ[_checked(period)])
    return index.end_time.normalize()
