"""Two periods side by side: the headline figures, the engagement types and the counterparts met
most often in each, under the same filters.

Each period is the page's filters with their date range replaced by the period's days; the
undated engagements belong to neither (the page says how many). By default the corpus's last
twelve months are compared with the twelve before them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from sco_data.explore.aggregations import Headline, headline_metrics
from sco_data.explore.dating import UNDATED_BY_RANGE
from sco_data.explore.filtering import Filters
from sco_data.explore.people import top_counterparts
from sco_data.explore.profiles import type_counts
from sco_data.schema import ENGAGEMENT_LABELS

Span = tuple[dt.date, dt.date]
TOP_COUNTERPARTS = 10


def default_periods(first: dt.date | None, last: dt.date | None) -> tuple[Span, Span] | None:
    """The corpus's last twelve months and the twelve before them (both cut to the corpus);
    None for a corpus without dates."""
    if first is None or last is None:
        return None
    year_before = _years_back(last, 1) + dt.timedelta(days=1)
    second = (max(year_before, first), last)
    earlier_end = second[0] - dt.timedelta(days=1)
    first_span = (max(_years_back(earlier_end, 1) + dt.timedelta(days=1), first), max(earlier_end, first))
    return first_span, second


def _years_back(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def span_label(span: Span) -> str:
    """'2021', 'Jan–Jun 2021' or '1 Jan 2020 – 15 Mar 2021': a period as the page names it."""
    first, last = span
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return str(first.year)
    if first.day == 1 and (last + dt.timedelta(days=1)).day == 1 and first.year == last.year:
        return f"{first:%b}–{last:%b %Y}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


def period_filters(filters: Filters, span: Span) -> Filters:
    """The page's filters for one period: its days in place of the date range."""
    return dataclasses.replace(filters, date_from=span[0], date_to=span[1], undated=UNDATED_BY_RANGE)


def figures_side_by_side(first: Headline, second: Headline, labels: tuple[str, str]) -> pd.DataFrame:
    """The headline counts of both periods and the change: Figure, <first>, <second>, Change."""
    rows = []
    counts = [(figures.engagements, figures.counterparts, figures.countries, figures.organisations)  # in their order
              for figures in (first, second)]
    for (name, a, _), (_, b, _), before, after in zip(headline_metrics(first), headline_metrics(second), *counts):
        change = f"{after - before:+,}" + (f" ({(after - before) / before:+.0%})" if before else "")
        rows.append((name, a, b, change))
    return pd.DataFrame(rows, columns=["Figure", *labels, "Change"])


def types_side_by_side(first: pd.DataFrame, second: pd.DataFrame, labels: tuple[str, str]) -> pd.DataFrame:
    """Engagements of each type in each period: engagement_type, label, period, count; a type
    that occurs in either has a row for both (zero included)."""
    counts = [type_counts(releases).set_index("engagement_type")["count"] for releases in (first, second)]
    present = [kind for kind in ENGAGEMENT_LABELS if any(kind in c.index for c in counts)]
    rows = [(kind, ENGAGEMENT_LABELS[kind], label, int(c.get(kind, 0)))
            for label, c in zip(labels, counts) for kind in present]
    return pd.DataFrame(rows, columns=["engagement_type", "label", "period", "count"])


def counterparts_side_by_side(first: pd.DataFrame, second: pd.DataFrame, labels: tuple[str, str],
                              n: int = TOP_COUNTERPARTS) -> pd.DataFrame:
    """The counterparts met most often in each period, rank by rank: '#', <first>, <second>,
    each cell 'Name (engagements)', a dash where a period has fewer."""
    tops = [top_counterparts(people, n) for people in (first, second)]
    width = max(len(top) for top in tops)
    columns = {"#": list(range(1, width + 1))}
    for label, top in zip(labels, tops):
        cells = [f"{name} ({count})" for name, count in zip(top["name"], top["engagements"])]
        columns[label] = cells + ["–"] * (width - len(cells))
    return pd.DataFrame(columns)
