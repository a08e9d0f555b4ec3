"""Periods the charts group by (month, quarter, year): names, labels and bucketing."""

from __future__ import annotations

import pandas as pd

PERIODS: tuple[str, ...] = ("month", "quarter", "year")
PERIOD_LABELS: dict[str, str] = {"month": "Month", "quarter": "Quarter", "year": "Year"}
PERIOD_FREQ = {"month": "M", "quarter": "Q", "year": "Y"}


def period_column(period: str) -> str:
    """Name of the helper column holding each release's period start."""
    return f"_{period}"


def period_starts(releases: pd.DataFrame, period: str) -> pd.Series:
    """Each release's period start: the prepared column when there is one."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {PERIODS}, not {period!r}")
    column = period_column(period)
    if column in releases.columns:
        return releases[column]
    dates = pd.to_datetime(releases["event_date"], errors="coerce")
    return dates.dt.to_period(PERIOD_FREQ[period]).dt.start_time
