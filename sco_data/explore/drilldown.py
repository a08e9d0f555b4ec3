"""Drill-down: a click on a chart becomes a change of the filters.

Every chart point that can be clicked carries, as the first item of its plotly `customdata`,
a link: the URL parameters (explore.urlstate's names) that filter the page to that point, such
as "type=phone_call&from=2020-04-01&to=2020-06-30". A selection of points is read back through
the same URL parser, so a click can only ask for what a link could, and is checked the same way.
Each field a selection names replaces that field of the current filters (several points give
all their values, and a date range from the first start to the last end); other fields stay.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pandas as pd

from sco_data.explore.fields import DATE_ATTRIBUTES, filters_from_widgets, widget_values
from sco_data.explore.filtering import FilterOptions, Filters
from sco_data.explore.periods import period_ends
from sco_data.explore.urlstate import PARAM_NAMES, filters_from_query_params

FROM, TO = (PARAM_NAMES[name] for name in DATE_ATTRIBUTES)


def link(**params: str) -> str:
    """The URL parameters of one chart point, e.g. link(type="phone_call")."""
    return urlencode({PARAM_NAMES[name]: value for name, value in params.items()})


def period_links(starts: pd.Series, period: str, **params: Any) -> list[str]:
    """One link per period start: the period's first and last day, plus `params` (a value
    for all, or a sequence with one value per start)."""
    ends = period_ends(starts, period)
    links = []
    for index, (start, end) in enumerate(zip(pd.DatetimeIndex(starts), ends)):
        values = {name: value if isinstance(value, str) else value[index]
                  for name, value in params.items()}
        links.append(link(**values, date_from=start.date().isoformat(), date_to=end.date().isoformat()))
    return links


def _payloads(points: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """URL parameters of the selected points, values in the order clicked."""
    params: dict[str, list[str]] = {}
    for point in points:
        data = point.get("customdata")
        first = data[0] if isinstance(data, (list, tuple)) and data else data
        if not isinstance(first, str):
            continue
        for key, value in parse_qsl(first):
            if value not in params.setdefault(key, []):
                params[key].append(value)
    return params


def filters_after_selection(points: Iterable[Mapping[str, Any]], filters: Filters,
                            options: FilterOptions) -> Filters:
    """The filters once the selected chart points are drilled into (unchanged for none)."""
    params = _payloads(points)
    if not params:
        return filters
    # Several periods: from the earliest first day to the latest last day (ISO days sort).
    for key, pick in ((FROM, min), (TO, max)):
        if key in params:
            params[key] = [pick(params[key])]
    chosen, _ = filters_from_query_params(params, options)
    names = [name for name, param in PARAM_NAMES.items() if param in params]
    updates = {name: getattr(chosen, name) for name in names}
    # A period reaching past the corpus's first or last day filters nothing on that side.
    low, high = updates.get("date_from"), updates.get("date_to")
    if low and options.date_min and low <= options.date_min:
        updates["date_from"] = None
    if high and options.date_max and high >= options.date_max:
        updates["date_to"] = None
    return dataclasses.replace(filters, **updates)


def widget_updates(points: Iterable[Mapping[str, Any]], state: Mapping[str, Any],
                   options: FilterOptions) -> dict[str, Any]:
    """The filter widgets' new state once the selected points are drilled into."""
    now = filters_from_widgets(state, options)
    return widget_values(filters_after_selection(points, now, options), options)
