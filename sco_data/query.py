"""Filters, apply_filters, the page-URL form of filters, and the aggregations the charts show.

Pure pandas (no Streamlit). `prepare` adds helper columns once (lower-cased search text,
period buckets, padded lists) so that filtering and aggregating 100,000 releases stays a
handful of vectorised operations; the dashboard caches its result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from sco_data.schema import (
    ENGAGEMENT_LABELS,
    ENGAGEMENT_TYPES,
    LIST_SEPARATOR,
    ROLE_COUNTERPART,
    topic_flag_column,
    topic_mentions_column,
)

PERIODS: tuple[str, ...] = ("month", "quarter", "year")
PERIOD_LABELS: dict[str, str] = {"month": "Month", "quarter": "Quarter", "year": "Year"}
_PERIOD_FREQ = {"month": "M", "quarter": "Q", "year": "Y"}

TOPIC_MODES: tuple[str, ...] = ("any", "all")

# Helper columns added by prepare(); all start with "_" so drop_prepared() can remove them.
PREPARED_MARK = "_search"
_SEARCH = "_search"
_COUNTERPARTS = "_counterparts"
_CP_COUNTRIES = "_cp_countries"
_PERSON_KEY = "_key"
_PERSON_NAME = "_name"


def period_column(period: str) -> str:
    """Name of the helper column holding each release's period start."""
    return f"_{period}"


# Honorifics written before a name ("Mr Le Yucheng", "H.E. Mr. Sun Zhuangzhi"); removed when
# deciding whether two rows name the same person.
HONORIFIC_PATTERN = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|mx|mister|madam|madame|mme|dr|prof|professor|sir|dame"
    r"|h\.\s*e|his excellency|her excellency|excellency)\.?\s+)+",
    re.IGNORECASE,
)

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


@dataclass(frozen=True)
class Filters:
    """What the user asked to see; empty fields filter nothing. Hashable, so cacheable."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    engagement_types: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    topic_mode: str = "any"
    officials: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    counterpart: str = ""
    search: str = ""

    def __post_init__(self) -> None:
        for name in ("engagement_types", "topics", "officials", "countries"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        for name in ("counterpart", "search"):
            object.__setattr__(self, name, (getattr(self, name) or "").strip())
        if self.topic_mode not in TOPIC_MODES:
            raise ValueError(f"topic_mode must be one of {TOPIC_MODES}, not {self.topic_mode!r}")

    @property
    def is_active(self) -> bool:
        """True when any field narrows the corpus."""
        return self != Filters(topic_mode=self.topic_mode)


@dataclass(frozen=True)
class FilterOptions:
    """The values a filter may take for a corpus: what the sidebar offers and links may name."""

    engagement_types: tuple[str, ...] = ENGAGEMENT_TYPES
    topics: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    date_min: dt.date | None = None
    date_max: dt.date | None = None
    topic_labels: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)


# --- preparation -------------------------------------------------------------------------


def _text(series: pd.Series) -> pd.Series:
    """The column as plain text with missing values as empty strings."""
    return series.astype(object).where(series.notna(), "").astype(str)


def _blank_to_none(series: pd.Series) -> pd.Series:
    """The column as objects with empty strings and missing values as None."""
    values = series.astype(object)
    return values.where(values.notna() & (values != ""), None)


def _flags(series: pd.Series) -> np.ndarray:
    """A topic flag column as a numpy bool array, missing as False."""
    return series.to_numpy(dtype=bool, na_value=False)


def _pad(series: pd.Series) -> pd.Series:
    """'a; b' -> '; a; b; ' so that an item matches exactly with one substring test."""
    return LIST_SEPARATOR + _text(series) + LIST_SEPARATOR


def is_prepared(releases: pd.DataFrame) -> bool:
    """True when prepare() has already run on the frame."""
    return PREPARED_MARK in releases.columns


def prepare(releases: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of the releases with the helper columns filtering and charts use."""
    if is_prepared(releases):
        return releases
    out = releases.copy()
    dates = pd.to_datetime(out["event_date"], errors="coerce")
    out["event_date"] = dates
    out["engagement_type"] = pd.Categorical(
        _text(out["engagement_type"]), categories=list(ENGAGEMENT_TYPES)
    )
    # Kept in pandas' own text dtype: on pandas 3 that is Arrow-backed, and a case-insensitive
    # contains() over it is faster than lower-casing 300 MB once and searching that.
    out[_SEARCH] = out["title"].fillna("") + "\n" + out["text"].fillna("")
    out[_COUNTERPARTS] = _text(out["counterparts"]).str.replace(r"\s+", " ", regex=True).str.lower()
    out[_CP_COUNTRIES] = _pad(out["counterpart_countries"])
    for period, freq in _PERIOD_FREQ.items():
        out[period_column(period)] = dates.dt.to_period(freq).dt.start_time
    return out


def drop_prepared(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame without prepare()'s helper columns (for tables and downloads)."""
    return frame.drop(columns=[c for c in frame.columns if str(c).startswith("_")])


def topic_ids(releases: pd.DataFrame) -> tuple[str, ...]:
    """Topic ids present as topic_<id> flag columns, in column order."""
    found = []
    for column in releases.columns:
        name = str(column)
        if name.startswith("topic_") and not name.endswith("_mentions"):
            topic = name[len("topic_"):]
            if topic_mentions_column(topic) in releases.columns:
                found.append(topic)
    return tuple(found)


def topic_labels(taxonomy: Any = None, releases: pd.DataFrame | None = None) -> dict[str, str]:
    """Topic id -> label from a Taxonomy, a mapping, or (failing those) the frame's columns."""
    if taxonomy is not None and hasattr(taxonomy, "topics"):
        return {topic.id: topic.label for topic in taxonomy.topics}
    if isinstance(taxonomy, Mapping):
        return dict(taxonomy)
    if releases is not None:
        return {topic: topic.replace("_", " ").capitalize() for topic in topic_ids(releases)}
    return {}


def _split_unique(series: pd.Series) -> list[str]:
    """Distinct non-empty items of a '; '-joined column, sorted."""
    items = _text(series).str.split(LIST_SEPARATOR).explode().str.strip()
    return sorted({item for item in items if item})


def filter_options(
    releases: pd.DataFrame, taxonomy: Any = None
) -> FilterOptions:
    """What each sidebar filter can offer for this corpus."""
    labels = topic_labels(taxonomy, releases)
    dates = pd.to_datetime(releases["event_date"], errors="coerce").dropna()
    officials = sorted({name for name in _text(releases["sco_official"]) if name})
    return FilterOptions(
        topics=tuple(labels),
        officials=tuple(officials),
        countries=tuple(_split_unique(releases["counterpart_countries"])),
        date_min=dates.min().date() if len(dates) else None,
        date_max=dates.max().date() if len(dates) else None,
        topic_labels=labels,
    )


# --- filtering ---------------------------------------------------------------------------


def _unpack(corpus_or_frames: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    if isinstance(corpus_or_frames, tuple):
        releases, participants = corpus_or_frames
    else:
        releases, participants = corpus_or_frames.releases, corpus_or_frames.participants
    return releases, participants


def _contains_any(column: pd.Series, needles: Iterable[str]) -> np.ndarray:
    hit = np.zeros(len(column), dtype=bool)
    for needle in needles:
        hit |= column.str.contains(needle, regex=False).to_numpy(dtype=bool)
    return hit


def release_mask(releases: pd.DataFrame, filters: Filters) -> np.ndarray:
    """Boolean mask of the prepared releases that pass every filter."""
    keep = np.ones(len(releases), dtype=bool)
    dates = releases["event_date"]
    if filters.date_from is not None:
        keep &= (dates >= pd.Timestamp(filters.date_from)).to_numpy(dtype=bool)
    if filters.date_to is not None:
        keep &= (dates <= pd.Timestamp(filters.date_to)).to_numpy(dtype=bool)
    if filters.engagement_types:
        keep &= releases["engagement_type"].isin(filters.engagement_types).to_numpy(dtype=bool)
    if filters.topics:
        flags = [
            _flags(releases[topic_flag_column(t)])
            if topic_flag_column(t) in releases.columns
            else np.zeros(len(releases), dtype=bool)
            for t in filters.topics
        ]
        combine = np.logical_or if filters.topic_mode == "any" else np.logical_and
        keep &= combine.reduce(flags)
    if filters.officials:
        keep &= releases["sco_official"].isin(filters.officials).to_numpy(dtype=bool)
    if filters.countries:
        padded = [LIST_SEPARATOR + c + LIST_SEPARATOR for c in filters.countries]
        keep &= _contains_any(releases[_CP_COUNTRIES], padded)
    if filters.counterpart:
        needle = " ".join(filters.counterpart.lower().split())
        keep &= releases[_COUNTERPARTS].str.contains(needle, regex=False).to_numpy(dtype=bool)
    for term in filters.search.lower().split():
        # Each word must appear somewhere in the title or the text.
        keep &= releases[_SEARCH].str.contains(term, case=False, regex=False).to_numpy(dtype=bool)
    return keep


def apply_filters(
    corpus_or_frames: Any, filters: Filters
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the releases passing the filters and the participants of those releases.

    Accepts a Corpus or a (releases, participants) pair; unprepared releases are prepared
    first (the dashboard prepares once and caches).
    """
    releases, participants = _unpack(corpus_or_frames)
    releases = prepare(releases)
    if not filters.is_active:
        return releases, participants
    keep = release_mask(releases, filters)
    if keep.all():
        return releases, participants
    kept = releases[keep]
    people = participants[participants["release_id"].isin(kept["release_id"])]
    return kept, people


# --- the page URL ------------------------------------------------------------------------


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


# --- aggregations ------------------------------------------------------------------------


def _bucket(releases: pd.DataFrame, period: str) -> pd.Series:
    if period not in PERIODS:
        raise ValueError(f"period must be one of {PERIODS}, not {period!r}")
    column = period_column(period)
    if column in releases.columns:
        return releases[column]
    dates = pd.to_datetime(releases["event_date"], errors="coerce")
    return dates.dt.to_period(_PERIOD_FREQ[period]).dt.start_time


def engagements_over_time(releases: pd.DataFrame, period: str = "month") -> pd.DataFrame:
    """Releases per period and engagement type: period, engagement_type, label, count."""
    types = releases["engagement_type"]
    if not isinstance(types.dtype, pd.CategoricalDtype):  # prepare() makes it one
        types = pd.Categorical(_text(types), categories=list(ENGAGEMENT_TYPES))
    frame = pd.DataFrame({"period": _bucket(releases, period), "engagement_type": types}).dropna()
    counts = (
        frame.groupby(["period", "engagement_type"], observed=True)
        .size()
        .rename("count")
        .reset_index()
    )
    counts["engagement_type"] = counts["engagement_type"].astype(str)
    counts["label"] = counts["engagement_type"].map(ENGAGEMENT_LABELS)
    counts["count"] = counts["count"].astype("int64")
    return counts[["period", "engagement_type", "label", "count"]]


def topic_frequencies(releases: pd.DataFrame, taxonomy: Any = None) -> pd.DataFrame:
    """Per topic: topic, label, releases (with the topic), mentions (total); most frequent first."""
    labels = topic_labels(taxonomy, releases)
    rows = []
    for order, (topic, label) in enumerate(labels.items()):
        flag, mentions = topic_flag_column(topic), topic_mentions_column(topic)
        if flag not in releases.columns:
            continue
        rows.append(
            {
                "topic": topic,
                "label": label,
                "releases": int(_flags(releases[flag]).sum()),
                "mentions": int(pd.to_numeric(releases[mentions], errors="coerce").fillna(0).sum())
                if mentions in releases.columns
                else 0,
                "_order": order,
            }
        )
    table = pd.DataFrame(rows, columns=["topic", "label", "releases", "mentions", "_order"])
    table = table.sort_values(["releases", "mentions", "_order"], ascending=[False, False, True])
    return table.drop(columns="_order").reset_index(drop=True)


def topics_over_time(
    releases: pd.DataFrame, period: str = "year", taxonomy: Any = None
) -> pd.DataFrame:
    """Releases with each topic per period (zeros included): period, topic, label, releases."""
    labels = topic_labels(taxonomy, releases)
    flags = {t: topic_flag_column(t) for t in labels if topic_flag_column(t) in releases.columns}
    bucket = _bucket(releases, period)
    has_date = bucket.notna().to_numpy()
    dated = pd.DataFrame(
        {t: _flags(releases[c])[has_date] for t, c in flags.items()},
        index=releases.index[has_date],
    )
    if dated.empty:
        return pd.DataFrame(
            {
                "period": pd.Series([], dtype="datetime64[ns]"),
                "topic": pd.Series([], dtype=object),
                "label": pd.Series([], dtype=object),
                "releases": pd.Series([], dtype="int64"),
            }
        )
    wide = dated.groupby(bucket[has_date]).sum()
    long = wide.rename_axis("period").reset_index().melt(
        id_vars="period", var_name="topic", value_name="releases"
    )
    long["label"] = long["topic"].map(labels)
    long["releases"] = long["releases"].astype("int64")
    # melt stacks topic by topic in taxonomy order; a stable sort by period keeps that order.
    long = long.sort_values("period", kind="stable")
    return long[["period", "topic", "label", "releases"]].reset_index(drop=True)


def normalise_name(names: pd.Series) -> pd.Series:
    """Matching key for a person's name: no honorifics, one space, case folded."""
    text = _text(names).str.replace(r"\s+", " ", regex=True).str.strip()
    return text.str.replace(HONORIFIC_PATTERN, "", regex=True).str.strip().str.casefold()


def display_name(names: pd.Series) -> pd.Series:
    """A person's name for tables: honorifics removed, spacing tidied, case kept."""
    text = _text(names).str.replace(r"\s+", " ", regex=True).str.strip()
    return text.str.replace(HONORIFIC_PATTERN, "", regex=True).str.strip()


def prepare_participants(participants: pd.DataFrame) -> pd.DataFrame:
    """A copy of the participants with each person's matching key and display name added."""
    if _PERSON_KEY in participants.columns:
        return participants
    out = participants.copy()
    out[_PERSON_KEY] = normalise_name(out["name"])
    out[_PERSON_NAME] = display_name(out["name"])
    return out


def _person_keys(participants: pd.DataFrame) -> pd.Series:
    if _PERSON_KEY in participants.columns:
        return participants[_PERSON_KEY]
    return normalise_name(participants["name"])


PEOPLE_COLUMNS = ("name", "title", "country", "role", "engagements", "first", "last")


def participants_table(participants: pd.DataFrame) -> pd.DataFrame:
    """One row per person: name, latest title, country, role, engagements, first, last date."""
    if participants.empty:
        return pd.DataFrame(
            {
                "name": pd.Series([], dtype=object),
                "title": pd.Series([], dtype=object),
                "country": pd.Series([], dtype=object),
                "role": pd.Series([], dtype=object),
                "engagements": pd.Series([], dtype="int64"),
                "first": pd.Series([], dtype="datetime64[ns]"),
                "last": pd.Series([], dtype="datetime64[ns]"),
            }
        )
    people = pd.DataFrame(
        {
            "key": _person_keys(participants),
            "name": participants[_PERSON_NAME]
            if _PERSON_NAME in participants.columns
            else display_name(participants["name"]),
            "title": _blank_to_none(participants["title"]),
            "country": _blank_to_none(participants["country"]),
            "role": participants["role"].astype(object),
            "release_id": participants["release_id"].astype(object),
            "date": pd.to_datetime(participants["event_date"], errors="coerce"),
        }
    )
    people = people[people["key"] != ""]
    # Latest last: groupby.last() then takes each column's most recent known value.
    people = people.sort_values(["key", "date"], na_position="first", kind="stable")
    grouped = people.groupby("key", sort=False)
    table = grouped[["name", "title", "country", "role"]].last()
    table["engagements"] = grouped["release_id"].nunique().astype("int64")
    table["first"] = grouped["date"].min()
    table["last"] = grouped["date"].max()
    table = table.reset_index(drop=True)
    table = table.sort_values(
        ["engagements", "last", "name"], ascending=[False, False, True], na_position="last"
    )
    return table[list(PEOPLE_COLUMNS)].reset_index(drop=True)


def top_counterparts(participants: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The n counterparts met most often (participants_table rows, counterparts only)."""
    counterparts = participants[participants["role"] == ROLE_COUNTERPART]
    return participants_table(counterparts).head(n).drop(columns="role")


def top_countries(participants: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Counterpart countries by engagements: country, engagements, people."""
    rows = participants[participants["role"] == ROLE_COUNTERPART]
    country = _text(rows["country"]).str.strip()
    rows = pd.DataFrame(
        {
            "country": country,
            "release_id": rows["release_id"].astype(object),
            "key": _person_keys(rows),
        }
    )[country != ""]
    grouped = rows.groupby("country")
    table = pd.DataFrame(
        {
            "engagements": grouped["release_id"].nunique().astype("int64"),
            "people": grouped["key"].nunique().astype("int64"),
        }
    ).reset_index()
    table["country"] = table["country"].astype(object)
    table = table.sort_values(["engagements", "people", "country"], ascending=[False, False, True])
    return table.head(n).reset_index(drop=True)


def place_counts(releases: pd.DataFrame) -> pd.DataFrame:
    """Engagements per place with known coordinates.

    Columns: place, city, country, latitude, longitude, engagements; busiest first.
    """
    frame = pd.DataFrame(
        {
            "city": _text(releases["location_city"]),
            "country": _text(releases["location_country"]),
            "latitude": pd.to_numeric(releases["latitude"], errors="coerce"),
            "longitude": pd.to_numeric(releases["longitude"], errors="coerce"),
        }
    ).dropna(subset=["latitude", "longitude"])
    counts = (
        frame.groupby(["city", "country", "latitude", "longitude"])
        .size()
        .rename("engagements")
        .reset_index()
    )
    counts["engagements"] = counts["engagements"].astype("int64")
    counts["place"] = [
        ", ".join(part for part in (city, country) if part)
        for city, country in zip(counts["city"], counts["country"])
    ]
    counts = counts.sort_values(["engagements", "place"], ascending=[False, True])
    return counts[["place", "city", "country", "latitude", "longitude", "engagements"]].reset_index(
        drop=True
    )


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the page for the filtered set."""

    engagements: int
    counterparts: int
    countries: int
    first_date: dt.date | None
    last_date: dt.date | None
    undated: int


def headline_figures(releases: pd.DataFrame, participants: pd.DataFrame) -> Headline:
    """Engagements, distinct counterparts, counterpart countries and the date span."""
    counterparts = participants[participants["role"] == ROLE_COUNTERPART]
    keys = _person_keys(counterparts)
    countries = _text(counterparts["country"]).str.strip()
    dates = pd.to_datetime(releases["event_date"], errors="coerce")
    known = dates.dropna()
    return Headline(
        engagements=len(releases),
        counterparts=int(keys[keys != ""].nunique()),
        countries=int(countries[countries != ""].nunique()),
        first_date=known.min().date() if len(known) else None,
        last_date=known.max().date() if len(known) else None,
        undated=int(dates.isna().sum()),
    )


RELEASE_TABLE_COLUMNS = (
    "event_date",
    "engagement",
    "sco_official",
    "counterparts",
    "counterpart_countries",
    "location_city",
    "location_country",
    "topics",
    "title",
    "release_id",
)


def releases_table(releases: pd.DataFrame, taxonomy: Any = None) -> pd.DataFrame:
    """The releases as the page lists them, newest first, with readable labels.

    With a taxonomy (or an id -> label mapping), topic ids are shown as their labels.
    """
    table = pd.DataFrame(
        {
            "event_date": pd.to_datetime(releases["event_date"], errors="coerce"),
            "engagement": _text(releases["engagement_type"]).map(ENGAGEMENT_LABELS),
        },
        index=releases.index,
    )
    for column in RELEASE_TABLE_COLUMNS[2:]:
        table[column] = releases[column]
    if taxonomy is not None:
        labels = topic_labels(taxonomy)
        table["topics"] = [
            LIST_SEPARATOR.join(labels.get(t, t) for t in text.split(LIST_SEPARATOR) if t)
            for text in _text(releases["topics"])
        ]
    table = table.sort_values("event_date", ascending=False, na_position="last", kind="stable")
    return table.reset_index(drop=True)


