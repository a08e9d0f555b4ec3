"""The page URL's form of Filters: parameters out, and parameters in with a notice for each bad value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sco_data.explore.filtering import TOPIC_MODES, Filters
from sco_data.schema import ENGAGEMENT_LABELS

# Text typed into the page or a link beyond this length is cut (a guard, not a feature).
MAX_TEXT_PARAM = 200

# Page-URL parameter names, one per Filters field.
PARAM_NAMES: dict[str, str] = {
    "date_from": "from",
    "date_to": "to",
    "engagement_types": "type",
    "topics": "topic",
    "topic_mode": "topic_mode",
    "officials": "official",
    "countries": "country",
    "counterpart": "counterpart",
    "search": "q",
}


def filters_to_query_params(filters: Filters) -> dict[str, str | list[str]]:
    """The filters as URL parameters; fields at their default are left out."""
    params: dict[str, str | list[str]] = {}
    for name, key in PARAM_NAMES.items():
        value = getattr(filters, name)
        if name == "topic_mode":
            if value != "any":
                params[key] = value
        elif isinstance(value, dt.date):
            params[key] = value.isoformat()
        elif isinstance(value, tuple):
            if value:
                params[key] = list(value)
        elif value:
            params[key] = str(value)
    return params


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _option(options: Any, name: str) -> Any:
    return options.get(name) if isinstance(options, Mapping) else getattr(options, name, None)


def _canonical(allowed: Iterable[str], labels: Mapping[str, str]) -> dict[str, str]:
    """Lower-cased id or label -> id, so links may say 'phone_call' or 'Phone call'."""
    lookup = {}
    for value in allowed:
        lookup[value.lower()] = value
        if value in labels:
            lookup[labels[value].lower()] = value
    return lookup


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def filters_from_query_params(
    params: Mapping[str, Any], valid_options: Any
) -> tuple[Filters, list[str]]:
    """Read filters from URL parameters; every unusable value is dropped with a notice.

    `params` maps a parameter name to a string or a list of strings; `valid_options` is a
    FilterOptions (or a mapping with the same keys). Never raises for any parameter value.
    """
    notices: list[str] = []
    values: dict[str, Any] = {}
    list_fields = {
        "engagement_types": ("engagement type", ENGAGEMENT_LABELS),
        "topics": ("topic", dict(_option(valid_options, "topic_labels") or {})),
        "officials": ("SCO official", {}),
        "countries": ("counterpart country", {}),
    }
    for name, (what, labels) in list_fields.items():
        raw = _as_list(params.get(PARAM_NAMES[name]))
        lookup = _canonical(_option(valid_options, name) or (), labels)
        chosen: list[str] = []
        for item in raw:
            match = lookup.get(item.strip().lower())
            if match is None:
                notices.append(f"Ignored {what} {item!r} from the link: no such {what}.")
            elif match not in chosen:
                chosen.append(match)
        values[name] = tuple(chosen)

    for name in ("date_from", "date_to"):
        raw = _as_list(params.get(PARAM_NAMES[name]))
        if raw:
            day = _parse_date(raw[-1])
            if day is None:
                notices.append(
                    f"Ignored date {raw[-1]!r} from the link: expected YYYY-MM-DD."
                )
            values[name] = day
    start, end = values.get("date_from"), values.get("date_to")
    if start and end and start > end:
        notices.append("Ignored the date range from the link: it ends before it starts.")
        values["date_from"] = values["date_to"] = None

    mode = _as_list(params.get(PARAM_NAMES["topic_mode"]))
    if mode:
        if mode[-1].strip().lower() in TOPIC_MODES:
            values["topic_mode"] = mode[-1].strip().lower()
        else:
            notices.append(f"Ignored topic mode {mode[-1]!r} from the link: use 'any' or 'all'.")

    for name in ("counterpart", "search"):
        raw = _as_list(params.get(PARAM_NAMES[name]))
        if raw:
            text = raw[-1]
            if len(text) > MAX_TEXT_PARAM:
                notices.append(
                    f"Shortened the {name} text from the link to {MAX_TEXT_PARAM} characters."
                )
                text = text[:MAX_TEXT_PARAM]
            values[name] = text
    return Filters(**values), notices
