"""Filters and apply_filters: which releases and participants the page shows.

Two levels of filter, and the page says which figure follows which:
- release-level filters (dates, type, topics, official, place, search, doubts and checks) keep
  releases;
- counterpart-level filters (country, organisation, counterpart name) keep the counterparts
  that match all of them, and the releases in which at least one such counterpart took part.
  The participants handed on are then the SCO side of the kept releases and only the matching
  counterparts, so "countries" under a country filter counts that country alone.

Pure pandas. `prepare` adds helper columns once, so that filtering 100,000 releases stays a
handful of vectorised operations (the dashboard prepares once per corpus: explore.prepared):
- no search column: the search box keeps the releases in which every one of its words appears
  in the title or the text, as a case-insensitive substring test (`str.contains(case=False)`)
  on the columns as they are, in pandas' text dtype (Arrow-backed on pandas 3): nothing is
  lower-cased or joined in advance, which at 100,000 releases would copy 300 MB of text;
- `_place`, the place's gazetteer key (one for "Astana" and "Nur-Sultan"), and `_place_names`,
  every name the corpus writes that place with: a search word found there finds the release
  too, so either name of a renamed city finds both;
- `_date`, each release's date as the date filter sees it, and `_axis_date`, as the time axes
  do (explore.dating: the one place that decides both; an undated release, or one dated
  outside every Secretary-General's term, has no axis date);
- `_month`, `_quarter`, `_year`: each release's period start on the time axes (explore.periods);
- `_label`, the release's headline or the first words of its text (explore.display), so the
  tables name every release without reading the texts the page filters without.
The engagement type becomes a categorical; a topic filter reads the topic_<id> flag columns.
Counterpart names are matched on the participants' person key (explore.people).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sco_data.corpus.tables import select_rows
from sco_data.explore.dating import UNDATED_BY_RANGE, UNDATED_MODES, UNDATED_ONLY, axis_dates, engagement_dates, in_range
from sco_data.explore.display import release_labels
from sco_data.explore.identity import normalise_query, person_keys, plain_text
from sco_data.explore.places import place_keys, place_label, place_spellings
from sco_data.explore.periods import PERIOD_FREQ, period_column
from sco_data.explore.review import CHECK_MODES, CHECKS_ALL, checks_mask
from sco_data.schema import (
    AFFILIATION_ORGANISATION,
    AFFILIATION_STATE,
    ENGAGEMENT_TYPES,
    ROLE_COUNTERPART,
    topic_flag_column,
    topic_mentions_column,
)

TOPIC_MODES: tuple[str, ...] = ("any", "all")

# Helper columns added by prepare(); all start with "_" so drop_prepared() can remove them.
PLACE = "_place"
PLACE_NAMES = "_place_names"
DATE = "_date"
AXIS_DATE = "_axis_date"
LABEL = "_label"
PREPARED_MARK = PLACE_NAMES
# The columns the search box looks in, besides the names of the release's place.
SEARCHED = ("title", "text")
# The columns read one release at a time (the evidence view) or for a download, never by a
# chart or a figure: the page filters without them and looks them up when it needs them.
ONE_RELEASE_COLUMNS = ("text", "evidence", "foreign_lines")

# The tuple fields of Filters, and those that filter counterparts rather than releases.
CHOICE_FIELDS = ("engagement_types", "topics", "officials", "countries", "organisations", "places")
COUNTERPART_FIELDS = ("countries", "organisations", "counterpart")


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
    organisations: tuple[str, ...] = ()
    counterpart: str = ""
    places: tuple[str, ...] = ()
    search: str = ""
    undated: str = UNDATED_BY_RANGE
    checks: str = CHECKS_ALL

    def __post_init__(self) -> None:
        for name in CHOICE_FIELDS:
            object.__setattr__(self, name, tuple(getattr(self, name)))
        for name in ("counterpart", "search"):
            object.__setattr__(self, name, (getattr(self, name) or "").strip())
        if self.topic_mode not in TOPIC_MODES:
            raise ValueError(f"topic_mode must be one of {TOPIC_MODES}, not {self.topic_mode!r}")
        if self.undated not in UNDATED_MODES:
            raise ValueError(f"undated must be one of {UNDATED_MODES}, not {self.undated!r}")
        if self.checks not in CHECK_MODES:
            raise ValueError(f"checks must be one of {CHECK_MODES}, not {self.checks!r}")

    @property
    def dates_narrowed(self) -> bool:
        """True when a date range leaves some dates out (or only the undated are asked for)."""
        return self.date_from is not None or self.date_to is not None or self.undated == UNDATED_ONLY

    @property
    def is_active(self) -> bool:
        """True when any field narrows the corpus."""
        return self != Filters(topic_mode=self.topic_mode, undated=self.undated) or self.undated == UNDATED_ONLY

    @property
    def narrows_counterparts(self) -> bool:
        """True when a counterpart-level field (country, organisation, name) is set."""
        return any(getattr(self, name) for name in COUNTERPART_FIELDS)


@dataclass(frozen=True)
class FilterOptions:
    """The values a filter may take for a corpus: what the sidebar offers and links may name."""

    engagement_types: tuple[str, ...] = ENGAGEMENT_TYPES
    topics: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date_min: dt.date | None = None
    date_max: dt.date | None = None
    undated: int = field(default=0, compare=False, hash=False)  # releases without a date
    topic_labels: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    # Place key -> "Astana (also Nur-Sultan)"; and every written name of a place -> its key.
    place_labels: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    place_names: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)


# --- preparation -------------------------------------------------------------------------


def flag_array(series: pd.Series) -> np.ndarray:
    """A topic flag column as a numpy bool array, missing as False."""
    return series.to_numpy(dtype=bool, na_value=False)


def is_prepared(releases: pd.DataFrame) -> bool:
    """True when prepare() has already run on the frame."""
    return PREPARED_MARK in releases.columns


def axis_dates_of(releases: pd.DataFrame) -> pd.Series:
    """Each release's date on the time axes: prepare()'s column, else worked out as it does."""
    return releases[AXIS_DATE] if is_prepared(releases) else axis_dates(engagement_dates(releases)[0])


def labels_of(releases: pd.DataFrame) -> pd.Series:
    """Each release's label: prepare()'s column, else worked out as it does."""
    return releases[LABEL].astype(object) if is_prepared(releases) else release_labels(releases)


def prepare(releases: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of the releases with the helper columns filtering and charts use."""
    if is_prepared(releases):
        return releases
    out = releases.copy()
    out["event_date"] = pd.to_datetime(out["event_date"], errors="coerce")
    out[DATE], _ = engagement_dates(out)
    out[AXIS_DATE] = dates = axis_dates(out[DATE])
    out["engagement_type"] = pd.Categorical(
        plain_text(out["engagement_type"]), categories=list(ENGAGEMENT_TYPES)
    )
    out[LABEL] = release_labels(out)
    out[PLACE] = place_keys(out)
    names = {key: " | ".join(dict.fromkeys([key, *spelled])) for key, spelled in place_spellings(out).items()}
    out[PLACE_NAMES] = out[PLACE].map(names).astype(out[PLACE].dtype).fillna("")
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


def affiliations(participants: pd.DataFrame, affiliation_type: str) -> pd.Series:
    """The counterpart rows' country or organisation where it is of the given type, else ''."""
    country = plain_text(participants["country"]).str.strip()
    wanted = participants["role"] == ROLE_COUNTERPART
    if "affiliation_type" in participants.columns:
        wanted &= participants["affiliation_type"] == affiliation_type
    elif affiliation_type != AFFILIATION_STATE:
        wanted &= False
    return country.where(wanted.to_numpy(dtype=bool, na_value=False), "")


def _distinct(values: pd.Series) -> tuple[str, ...]:
    return tuple(sorted(set(values.unique()) - {""}))


def filter_options(
    releases: pd.DataFrame, participants: pd.DataFrame, taxonomy: Any = None
) -> FilterOptions:
    """What each sidebar filter can offer for this corpus."""
    labels = topic_labels(taxonomy, releases)
    every, _ = engagement_dates(releases)
    dates = every.dropna()
    spellings = place_spellings(releases)
    return FilterOptions(
        topics=tuple(labels),
        officials=_distinct(plain_text(releases["sco_official"])),
        countries=_distinct(affiliations(participants, AFFILIATION_STATE)),
        organisations=_distinct(affiliations(participants, AFFILIATION_ORGANISATION)),
        places=tuple(sorted(spellings)),
        date_min=dates.min().date() if len(dates) else None,
        date_max=dates.max().date() if len(dates) else None,
        undated=int(every.isna().sum()),
        topic_labels=labels,
        place_labels={key: place_label(names) for key, names in spellings.items()},
        place_names={name: key for key, names in spellings.items() for name in (key, *names)},
    )


# --- filtering ---------------------------------------------------------------------------


def _unpack(corpus_or_frames: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    if isinstance(corpus_or_frames, tuple):
        releases, participants = corpus_or_frames
    else:
        releases, participants = corpus_or_frames.releases, corpus_or_frames.participants
    return releases, participants


def _contains(column: pd.Series, needle: str) -> np.ndarray:
    return column.str.contains(needle, case=False, regex=False).to_numpy(dtype=bool, na_value=False)


def release_mask(releases: pd.DataFrame, filters: Filters) -> np.ndarray:
    """Boolean mask of the prepared releases that pass every release-level filter."""
    keep = np.ones(len(releases), dtype=bool)
    dates = releases[DATE]
    if filters.undated == UNDATED_ONLY:
        keep &= dates.isna().to_numpy(dtype=bool)
    elif filters.date_from is not None or filters.date_to is not None:
        dated = in_range(dates, filters.date_from, filters.date_to)
        keep &= (dated | dates.isna() if filters.undated != UNDATED_BY_RANGE else dated).to_numpy(dtype=bool)
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
    if filters.places:
        keep &= releases[PLACE].isin(filters.places).to_numpy(dtype=bool)
    if filters.checks != CHECKS_ALL:
        keep &= checks_mask(releases, filters.checks)
    for term in filters.search.split():
        # Each word must appear in the title or the text, or in a name of the release's place.
        found = _contains(releases[PLACE_NAMES], term)
        for column in SEARCHED:
            found = found | _contains(releases[column], term)
        keep &= found
    return keep


def counterpart_mask(participants: pd.DataFrame, filters: Filters) -> np.ndarray:
    """Boolean mask of the participant rows that are counterparts matching every
    counterpart-level filter: a chosen country or organisation (either), and the name text."""
    keep = (participants["role"] == ROLE_COUNTERPART).to_numpy(dtype=bool, na_value=False, copy=True)
    chosen = filters.countries + filters.organisations
    if chosen:
        keep &= participants["country"].isin(chosen).to_numpy(dtype=bool)
    if filters.counterpart:
        needle = normalise_query(filters.counterpart)
        keep &= person_keys(participants).str.contains(needle, regex=False).to_numpy(dtype=bool)
    return keep


def _among(values: pd.Series, allowed: pd.Series) -> np.ndarray:
    """values.isin(allowed) as a mask, for a long `allowed` (ids of kept releases). pandas first
    turns Arrow-backed text into a list of Python strings (a quarter of a second for 50,000
    ids); Arrow's is_in hashes it as it is."""
    if values.empty or allowed.empty:
        return np.zeros(len(values), dtype=bool)
    haystack, wanted = pa.array(values, from_pandas=True), pa.array(allowed, from_pandas=True)
    if isinstance(wanted, pa.ChunkedArray):
        wanted = wanted.combine_chunks()
    if pa.types.is_null(haystack.type):  # object columns of None only: Arrow's null type
        haystack = haystack.cast(wanted.type)
    elif wanted.type != haystack.type:
        wanted = wanted.cast(haystack.type)
    return np.asarray(pc.is_in(haystack, value_set=wanted), dtype=bool)


def count_kept(corpus_or_frames: Any, filters: Filters) -> int:
    """How many releases the filters keep, without making the frames apply_filters returns."""
    releases, participants = _unpack(corpus_or_frames)
    return int(_masks(prepare(releases), participants, filters)[0].sum())


def _masks(releases: pd.DataFrame, participants: pd.DataFrame, filters: Filters) -> tuple[np.ndarray, np.ndarray]:
    """The releases and the participants the filters keep, as masks; under a counterpart-level
    filter, the releases keep only those with a matching counterpart, and the participants the
    SCO side and the matching counterparts."""
    keep = release_mask(releases, filters)
    people_keep = np.ones(len(participants), dtype=bool)
    if filters.narrows_counterparts:
        matching = counterpart_mask(participants, filters)
        keep &= _among(releases["release_id"], participants["release_id"][matching])
        people_keep = matching | (participants["role"] != ROLE_COUNTERPART).to_numpy(dtype=bool)
    return keep, people_keep


def apply_filters(
    corpus_or_frames: Any, filters: Filters, without: tuple[str, ...] = ()
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the releases passing the filters and the participants the page counts in them.

    Accepts a Corpus or a (releases, participants) pair; unprepared releases are prepared
    first (the dashboard prepares once and caches). Under a counterpart-level filter, the
    participants are the SCO side of the kept releases and the matching counterparts only.
    The kept releases lack the columns named in `without` (the page leaves out
    ONE_RELEASE_COLUMNS: a copy of the kept rows' texts costs half a second at 100,000
    releases, and memory per visitor, for columns no chart reads).
    """
    releases, participants = _unpack(corpus_or_frames)
    releases = prepare(releases)
    # A new frame over the same columns: under copy-on-write nothing is copied.
    left_out = [c for c in without if c in releases.columns]
    shown = releases.drop(columns=left_out) if left_out else releases
    if not filters.is_active:
        return shown, participants
    keep, people_keep = _masks(releases, participants, filters)
    if keep.all() and people_keep.all():
        return shown, participants
    kept = select_rows(shown, keep)
    people_keep &= _among(participants["release_id"], kept["release_id"])
    return kept, select_rows(participants, people_keep)

