"""The sidebar's filter fields, declared once, and the rules for the widgets' state.

`FILTER_FIELDS` names each filter's widget key, URL parameters, kind and label: the page draws
its widgets from it, urlstate reads and writes the URL with it, and the functions below move
between the widgets' state (any mapping of widget key -> value, such as Streamlit's session
state) and `Filters`. The rules live here so that unit tests reach them:
- the full date span means no date filter, so undated releases stay in view; under a narrower
  range the `undated` field says whether they are left out (the default), kept, or alone;
- a date range left at the corpus's first or last day follows the corpus when it changes;
- values the current corpus cannot offer are dropped from the state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sco_data.explore.dating import UNDATED_LABELS, UNDATED_MODES
from sco_data.explore.filtering import TOPIC_MODES, FilterOptions, Filters
from sco_data.explore.markup import visible
from sco_data.explore.review import CHECK_LABELS, CHECK_MODES
from sco_data.schema import ENGAGEMENT_LABELS

# Kinds of field: each has its widget, its URL form and its state.
DATE_RANGE = "date_range"  # a (first, last) pair of days
CHOICES = "choices"        # any number of the values the corpus offers
MODE = "mode"              # one of a few fixed values
TEXT = "text"              # free text

# The Filters attributes that the date range's two URL parameters hold.
DATE_ATTRIBUTES = ("date_from", "date_to")

# State key (not a widget) holding the corpus's date span the range was last checked against.
DATE_SPAN_KEY = "date_span"

TOPIC_MODE_LABELS: dict[str, str] = {"any": "any chosen topic", "all": "all chosen topics"}
# The values of each MODE field, the first its default, and how the widget names them.
MODES: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "topic_mode": (TOPIC_MODES, TOPIC_MODE_LABELS),
    "undated": (UNDATED_MODES, UNDATED_LABELS),
    "checks": (CHECK_MODES, CHECK_LABELS),
}


@dataclass(frozen=True)
class FilterField:
    """One sidebar filter: where its value lives in Filters, the widgets and the URL."""

    name: str                 # the Filters and FilterOptions attribute ("dates" for the range)
    key: str                  # the widget's key in the session state
    params: tuple[str, ...]   # URL parameter names
    kind: str                 # DATE_RANGE, CHOICES, MODE or TEXT
    label: str                # the widget's label
    noun: str                 # what a value is called in a notice about a link
    placeholder: str | None = None
    help: str | None = None


FILTER_FIELDS: tuple[FilterField, ...] = (
    FilterField("dates", "f_dates", ("from", "to"), DATE_RANGE, "Engagement date", "date",
                help="Releases with no known date are left out by a narrower range, unless the "
                "choice below keeps them."),
    FilterField("undated", "f_undated", ("undated",), MODE, "Engagements without a date", "undated",
                help="Under a date range: leave the releases with no known date out, keep them, or "
                "show only them (whatever the range)."),
    FilterField("engagement_types", "f_types", ("type",), CHOICES, "Engagement type",
                "engagement type", placeholder="All types"),
    FilterField("topics", "f_topics", ("topic",), CHOICES, "Topics", "topic",
                placeholder="All topics"),
    FilterField("topic_mode", "f_topic_mode", ("topic_mode",), MODE, "Releases with", "topic mode"),
    FilterField("officials", "f_officials", ("official",), CHOICES, "SCO official", "SCO official",
                placeholder="All officials"),
    FilterField("countries", "f_countries", ("country",), CHOICES, "Counterpart country",
                "counterpart country", placeholder="All countries",
                help="Counterpart-level: keeps the counterparts of these countries (or of the "
                "organisations below) and the releases in which they took part."),
    FilterField("organisations", "f_organisations", ("organisation",), CHOICES,
                "Counterpart organisation", "counterpart organisation",
                placeholder="All organisations",
                help="Counterpart-level: international and regional organisations, never "
                "counted as countries."),
    FilterField("counterpart", "f_counterpart", ("counterpart",), TEXT,
                "Counterpart name contains", "counterpart", placeholder="e.g. Le Yucheng",
                help="Counterpart-level: keeps the counterparts whose name contains the text."),
    FilterField("places", "f_places", ("place",), CHOICES, "Place", "place",
                placeholder="All places",
                help="A renamed city is one place: Astana and Nur-Sultan both find it."),
    FilterField("search", "f_search", ("q",), TEXT, "Search titles and texts", "search",
                placeholder="e.g. vaccine", help="Every word must appear; case is ignored."),
    FilterField("checks", "f_checks", ("checks",), MODE, "Doubts and checks", "checks",
                help="Only the releases with doubts left (the review queue), only those an analyst "
                "checked, or only those not checked yet."),
)


def fields_of(kind: str) -> tuple[FilterField, ...]:
    """The fields of one kind, in sidebar order."""
    return tuple(field for field in FILTER_FIELDS if field.kind == kind)


def offered(field: FilterField, options: FilterOptions) -> tuple[str, ...]:
    """The values a CHOICES or MODE field may take for this corpus."""
    return MODES[field.name][0] if field.kind == MODE else tuple(getattr(options, field.name))


def value_labels(field: FilterField, options: FilterOptions) -> Mapping[str, str]:
    """How the widget shows each value (a value without a label shows as itself)."""
    if field.name == "engagement_types":
        return ENGAGEMENT_LABELS
    if field.name == "topics":
        return options.topic_labels
    if field.name == "places":
        return options.place_labels
    if field.kind == MODE:
        return MODES[field.name][1]
    return {}


def widget_arguments(field: FilterField, options: FilterOptions, asked: Filters) -> dict[str, Any]:
    """What a field's widget is drawn with besides its label and key: the values it offers and
    how it shows them, its placeholder and help, and a date range's limits. A choice's box
    finds, as the user types, the values that contain the typed text: the widget's default,
    fuzzy matching, finds 'Aziz Nosirov' and 'Nurlan Akkoshkarov' for 'Norov'."""
    arguments: dict[str, Any] = {"key": field.key, "help": field.help}
    labels = value_labels(field, options)
    if field.kind == DATE_RANGE:
        arguments["min_value"], arguments["max_value"] = date_bounds(options, asked)
    elif field.kind in (CHOICES, MODE):
        arguments.update(options=offered(field, options), format_func=lambda v: visible(labels.get(v, v)))
    if field.kind == CHOICES:
        arguments["filter_mode"] = "contains"
    if field.kind == MODE:
        arguments["horizontal"] = True
    elif field.placeholder:
        arguments["placeholder"] = field.placeholder
    return arguments


# --- widget state <-> Filters ------------------------------------------------------------


def widget_values(filters: Filters, options: FilterOptions) -> dict[str, Any]:
    """The widgets' state that shows `filters` (Filters() clears every widget)."""
    values: dict[str, Any] = {}
    for field in FILTER_FIELDS:
        if field.kind == DATE_RANGE:
            if options.date_min is not None:
                values[field.key] = (filters.date_from or options.date_min,
                                     filters.date_to or options.date_max)
        elif field.kind == CHOICES:
            values[field.key] = list(getattr(filters, field.name))
        else:
            values[field.key] = getattr(filters, field.name)
    return values


def picked_dates(picked: Any, options: FilterOptions) -> dict[str, dt.date | None]:
    """date_from and date_to of a picked range; an end at the corpus's edge filters nothing.

    So the full span means no date filter, and undated releases stay in view.
    """
    days = tuple(picked or ())
    start = days[0] if days and days[0] != options.date_min else None
    end = days[1] if len(days) > 1 and days[1] != options.date_max else None
    return dict(zip(DATE_ATTRIBUTES, (start, end)))


def filters_from_widgets(state: Mapping[str, Any], options: FilterOptions) -> Filters:
    """What the widgets say, as Filters."""
    values: dict[str, Any] = {}
    for field in FILTER_FIELDS:
        value = state.get(field.key)
        if field.kind == DATE_RANGE:
            if options.date_min is not None:
                values.update(picked_dates(value, options))
        elif field.kind == CHOICES:
            values[field.name] = tuple(value or ())
        elif field.kind == MODE:
            values[field.name] = value or offered(field, options)[0]
        else:
            values[field.name] = value or ""
    return Filters(**values)


def date_bounds(options: FilterOptions, asked: Filters) -> tuple[dt.date, dt.date]:
    """The date widget's limits: the corpus span, widened to any day a link asked for."""
    days = [d for d in (options.date_min, options.date_max, asked.date_from, asked.date_to) if d]
    return min(days), max(days)


def valid_widget_values(
    state: Mapping[str, Any], options: FilterOptions, asked: Filters
) -> dict[str, Any]:
    """Updates to the widgets' state that keep it to what this corpus offers.

    Choices the corpus lacks are dropped; an unknown mode becomes the first; a missing text
    becomes empty. An end of the date range left at the corpus's first or last day (as last
    checked, DATE_SPAN_KEY) moves to the new corpus's first or last day, so that a folder
    switched or a file uploaded is not cut off; the range is then kept within date_bounds.
    """
    updates: dict[str, Any] = {}
    for field in FILTER_FIELDS:
        value = state.get(field.key)
        if field.kind == CHOICES:
            allowed = set(offered(field, options))
            updates[field.key] = [v for v in value or () if v in allowed]
        elif field.kind == MODE and value not in offered(field, options):
            updates[field.key] = offered(field, options)[0]
        elif field.kind == TEXT and value is None:
            updates[field.key] = ""
        elif field.kind == DATE_RANGE and options.date_min is not None:
            span = (options.date_min, options.date_max)
            days = list(value or span)
            old_min, old_max = state.get(DATE_SPAN_KEY, span)
            if days[0] == old_min:
                days[0] = options.date_min
            if len(days) > 1 and days[1] == old_max:
                days[1] = options.date_max
            low, high = date_bounds(options, asked)
            updates[field.key] = tuple(min(max(day, low), high) for day in days)
            updates[DATE_SPAN_KEY] = span
    return updates
