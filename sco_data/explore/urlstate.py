"""The page URL's form of Filters: parameters out, and parameters in with a notice for each bad value.

The parameter names come from the filter fields' declaration (explore.fields).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sco_data.explore.fields import (
    CHOICES,
    DATE_ATTRIBUTES,
    DATE_RANGE,
    FILTER_FIELDS,
    MODE,
    TEXT,
    fields_of,
    offered,
    value_labels,
)
from sco_data.explore.filtering import FilterOptions, Filters
from sco_data.explore.places import gazetteer_key

# Text typed into the page or a link beyond this length is cut (a guard, not a feature).
MAX_TEXT_PARAM = 200
# A notice about unknown values names at most this many of them.
MAX_NAMED_VALUES = 3

# Page-URL parameter name of each Filters field.
PARAM_NAMES: dict[str, str] = {
    name: param
    for field in FILTER_FIELDS
    for name, param in zip(DATE_ATTRIBUTES if field.kind == DATE_RANGE else (field.name,),
                           field.params)
}


def filters_to_query_params(filters: Filters) -> dict[str, str | list[str]]:
    """The filters as URL parameters; fields at their default are left out."""
    params: dict[str, str | list[str]] = {}
    for name, key in PARAM_NAMES.items():
        value = getattr(filters, name)
        if value == getattr(Filters, name, None):  # at its default: left out
            continue
        if isinstance(value, dt.date):
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


def _canonical(allowed: Iterable[str], labels: Mapping[str, str],
               aliases: Mapping[str, str]) -> dict[str, str]:
    """Lower-cased id, label or other name -> id, so links may say 'phone_call' or 'Phone call',
    and 'Nur-Sultan' for the place Astana."""
    lookup = {}
    allowed = tuple(allowed)
    for name, value in aliases.items():
        if value in allowed:
            lookup[name.lower()] = value
    for value in allowed:
        lookup[value.lower()] = value
        if value in labels:
            lookup[labels[value].lower()] = value
    return lookup


def _unknown_notice(noun: str, unknown: list[str]) -> str:
    """One notice for every unknown value a link gives one field, however often it repeats."""
    distinct = list(dict.fromkeys(unknown))
    shown = ", ".join(repr(value) for value in distinct[:MAX_NAMED_VALUES])
    more = len(distinct) - MAX_NAMED_VALUES
    if more > 0:
        shown += f" and {more} more"
    if len(distinct) == 1:
        return f"Ignored {noun} {shown} from the link: no such {noun}."
    return f"Ignored {len(distinct)} values of {noun} from the link ({shown}): no such {noun}."


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def filters_from_query_params(
    params: Mapping[str, Any], options: FilterOptions
) -> tuple[Filters, list[str]]:
    """Read filters from URL parameters; every unusable value is dropped with a notice.

    `params` maps a parameter name to a string or a list of strings; `options` says which
    values this corpus offers. Never raises for any parameter value.
    """
    notices: list[str] = []
    values: dict[str, Any] = {}
    for field in fields_of(CHOICES):
        aliases = options.place_names if field.name == "places" else {}
        lookup = _canonical(offered(field, options), value_labels(field, options), aliases)
        chosen: list[str] = []
        unknown: list[str] = []
        for item in _as_list(params.get(field.params[0])):
            match = lookup.get(item.strip().lower())
            if match is None and field.name == "places":  # a spelling this corpus does not use
                match = lookup.get((gazetteer_key(item) or "").lower())
            if match is None:
                unknown.append(item)
            elif match not in chosen:
                chosen.append(match)
        if unknown:
            notices.append(_unknown_notice(field.noun, unknown))
        values[field.name] = tuple(chosen)

    for field in fields_of(DATE_RANGE):
        for name, param in zip(DATE_ATTRIBUTES, field.params):
            raw = _as_list(params.get(param))
            if raw:
                day = _parse_date(raw[-1])
                if day is None:
                    notices.append(
                        f"Ignored {field.noun} {raw[-1]!r} from the link: expected YYYY-MM-DD."
                    )
                values[name] = day
    start, end = values.get("date_from"), values.get("date_to")
    if start and end and start > end:
        notices.append(f"The date range from the link ended before it started: swapped to "
                       f"{end.isoformat()} – {start.isoformat()}.")
        values["date_from"], values["date_to"] = end, start

    for field in fields_of(MODE):
        mode = _as_list(params.get(field.params[0]))
        if mode:
            if mode[-1].strip().lower() in offered(field, options):
                values[field.name] = mode[-1].strip().lower()
            else:
                allowed = " or ".join(repr(m) for m in offered(field, options))
                notices.append(f"Ignored {field.noun} {mode[-1]!r} from the link: use {allowed}.")

    for field in fields_of(TEXT):
        raw = _as_list(params.get(field.params[0]))
        if raw:
            text = raw[-1]
            if len(text) > MAX_TEXT_PARAM:
                notices.append(
                    f"Shortened the {field.noun} text from the link to {MAX_TEXT_PARAM} characters."
                )
                text = text[:MAX_TEXT_PARAM]
            values[field.name] = text
    return Filters(**values), notices
