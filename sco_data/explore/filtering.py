"""Filters and apply_filters: which releases and participants the page shows.

Pure pandas. `prepare` adds helper columns once, so that filtering 100,000 releases stays a
handful of vectorised operations (the dashboard prepares once per corpus: explore.prepared):
- `_search`, title and text joined and kept in pandas' text dtype: the search box keeps the
  releases in which every one of its words appears, as a case-insensitive substring test
  (`str.contains(case=False)`); nothing is lower-cased in advance;
- `_counterparts`, the counterparts' names with white space collapsed, lower-cased (a short
  column): the counterpart box's text, lower-cased likewise, must appear in it;
- `_cp_countries`, the counterpart countries as '; A; B; ': a chosen country matches whole
  with one substring test ('Africa' is not in 'South Africa');
- `_month`, `_quarter`, `_year`: each release's period start (explore.periods).
The engagement type becomes a categorical; a topic filter reads the topic_<id> flag columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from sco_data.explore.periods import PERIOD_FREQ, period_column
from sco_data.schema import (
    ENGAGEMENT_TYPES,
    LIST_SEPARATOR,
    topic_flag_column,
    topic_mentions_column,
)

TOPIC_MODES: tuple[str, ...] = ("any", "all")

# Helper columns added by prepare(); all start with "_" so drop_prepared() can remove them.
PREPARED_MARK = "_search"
_SEARCH = "_search"
_COUNTERPARTS = "_counterparts"
_CP_COUNTRIES = "_cp_countries"
PERSON_KEY = "_key"
PERSON_NAME = "_name"


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


def plain_text(series: pd.Series) -> pd.Series:
    """The column as plain text with missing values as empty strings."""
    return series.astype(object).where(series.notna(), "").astype(str)


def blank_to_none(series: pd.Series) -> pd.Series:
    """The column as objects with empty strings and missing values as None."""
    values = series.astype(object)
    return values.where(values.notna() & (values != ""), None)


def flag_array(series: pd.Series) -> np.ndarray:
    """A topic flag column as a numpy bool array, missing as False."""
    return series.to_numpy(dtype=bool, na_value=False)


def _pad(series: pd.Series) -> pd.Series:
    """'a; b' -> '; a; b; ' so that an item matches exactly with one substring test."""
    return LIST_SEPARATOR + plain_text(series) + LIST_SEPARATOR


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
        plain_text(out["engagement_type"]), categories=list(ENGAGEMENT_TYPES)
    )
    # Kept in pandas' own text dtype: on pandas 3 that is Arrow-backed, and a case-insensitive
    # contains() over it is faster than lower-casing 300 MB once and searching that.
    out[_SEARCH] = out["title"].fillna("") + "\n" + out["text"].fillna("")
    out[_COUNTERPARTS] = plain_text(out["counterparts"]).str.replace(r"\s+", " ", regex=True).str.lower()
    out[_CP_COUNTRIES] = _pad(out["counterpart_countries"])
    for period, freq in PERIOD_FREQ.items():
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
    items = plain_text(series).str.split(LIST_SEPARATOR).explode().str.strip()
    return sorted({item for item in items if item})


def filter_options(
    releases: pd.DataFrame, taxonomy: Any = None
) -> FilterOptions:
    """What each sidebar filter can offer for this corpus."""
    labels = topic_labels(taxonomy, releases)
    dates = pd.to_datetime(releases["event_date"], errors="coerce").dropna()
    officials = sorted({name for name in plain_text(releases["sco_official"]) if name})
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
            flag_array(releases[topic_flag_column(t)])
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
