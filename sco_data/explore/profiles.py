"""Profiles: everything about one country, organisation or counterpart, and the
Secretaries-General side by side over their terms.

A profile is named by a short text, "country:Kazakhstan", "organisation:United Nations" or
"person:le yucheng" (a person's key, explore.identity), which is also its URL form. Its
engagements are the filtered releases in which a counterpart of that country or organisation,
or that person, took part; its timeline lists them with the title the counterpart held then.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from sco_data.explore.display import release_labels
from sco_data.explore.filtering import LABEL, affiliations, topic_labels
from sco_data.explore.identity import person_keys, person_names, plain_text
from sco_data.explore.markup import visible
from sco_data.explore.periods import period_starts
from sco_data.extract.lexicon import load
from sco_data.extract.names import person_key
from sco_data.schema import (
    AFFILIATION_ORGANISATION,
    AFFILIATION_STATE,
    ENGAGEMENT_LABELS,
    LIST_SEPARATOR,
    ROLE_COUNTERPART,
    topic_flag_column,
)

PROFILE_KINDS: tuple[str, ...] = ("country", "organisation", "person")
# What a summary cell says when there is nothing to list.
NONE = "none"
# The rows of the Secretaries-General's summary.
SUMMARY_ROWS = ("Term", "Engagements", "Engagements per month", "Types", "Top countries", "Top topics",
                "Not counted")
PROFILE_SEPARATOR = ":"

# The timeline's columns, in order, with the heading the page gives each.
TIMELINE_COLUMNS: dict[str, str] = {
    "event_date": "Date",
    "release": "Release",
    "engagement": "Type",
    "counterpart": "Met",
    "title_then": "Title held then",
    "sco_official": "SCO official",
    "topics": "Topics",
    "release_id": "Release id",
}


def profile_name(kind: str, name: str) -> str:
    """The profile's short text: 'country:Kazakhstan'."""
    return f"{kind}{PROFILE_SEPARATOR}{name}"


def split_profile(profile: str) -> tuple[str, str] | None:
    """(kind, name) of a profile's text, or None when it names no kind of profile."""
    kind, found, name = profile.partition(PROFILE_SEPARATOR)
    return (kind, name) if found and kind in PROFILE_KINDS and name else None


def canonical_profile(profile: str) -> str:
    """A profile as the page keys it: a person by their name key, however a link spells them
    ("person:Sergei Lavrov" and "person:sergey lavrov" are one profile)."""
    kind, name = split_profile(profile) or ("", "")
    return profile_name(kind, person_key(name) or name) if kind == "person" else profile


def profile_options(participants: pd.DataFrame) -> dict[str, str]:
    """Every profile the participants offer -> how the page names it: countries, then
    organisations, then counterparts, each sorted."""
    options: dict[str, str] = {}
    for kind, affiliation_type in (("country", AFFILIATION_STATE),
                                   ("organisation", AFFILIATION_ORGANISATION)):
        for name in sorted(set(affiliations(participants, affiliation_type).unique()) - {""}):
            options[profile_name(kind, name)] = f"{visible(name)} ({kind})"
    counterparts = participants[participants["role"] == ROLE_COUNTERPART]
    people = pd.DataFrame({"key": person_keys(counterparts), "name": person_names(counterparts)})
    people = people[people["key"] != ""].drop_duplicates("key").sort_values("name")
    for key, name in zip(people["key"], people["name"]):
        options[profile_name("person", key)] = f"{visible(name)} (person)"
    return options


def profile_participants(participants: pd.DataFrame, profile: str) -> pd.DataFrame:
    """The counterpart rows that belong to the profile."""
    kind, name = split_profile(canonical_profile(profile)) or ("", "")
    if kind == "person":
        rows = (participants["role"] == ROLE_COUNTERPART) & (person_keys(participants) == name)
    elif kind:
        affiliation_type = AFFILIATION_STATE if kind == "country" else AFFILIATION_ORGANISATION
        rows = affiliations(participants, affiliation_type) == name
    else:
        rows = pd.Series(False, index=participants.index)
    return participants[rows.to_numpy(dtype=bool)]


def profile_releases(releases: pd.DataFrame, participants: pd.DataFrame, profile: str) -> pd.DataFrame:
    """The releases in which the profile's counterparts took part."""
    rows = profile_participants(participants, profile)
    return releases[releases["release_id"].isin(rows["release_id"])]


def profile_timeline(releases: pd.DataFrame, participants: pd.DataFrame, profile: str,
                     taxonomy: Any = None) -> pd.DataFrame:
    """One row per engagement of the profile, newest first: date, the release (its headline or
    first words), type, who was met, the title they held then, the SCO official, topics
    (labels) and the release id. No missing text."""
    rows = profile_participants(participants, profile)
    met = pd.DataFrame({"release_id": rows["release_id"].astype(object),
                        "counterpart": person_names(rows).astype(object),
                        "title_then": plain_text(rows["title"]).astype(object)})
    met = met.groupby("release_id", sort=False).agg(LIST_SEPARATOR.join).reset_index()
    chosen = releases[releases["release_id"].isin(met["release_id"])]
    labels = topic_labels(taxonomy, releases)
    table = pd.DataFrame({
        "release_id": chosen["release_id"].astype(object),
        "event_date": pd.to_datetime(chosen["event_date"], errors="coerce"),
        "release": chosen[LABEL].astype(object) if LABEL in chosen.columns else release_labels(chosen),
        "engagement": plain_text(chosen["engagement_type"]).map(ENGAGEMENT_LABELS).fillna(""),
        "sco_official": plain_text(chosen["sco_official"]),
        "topics": [LIST_SEPARATOR.join(labels.get(t, t) for t in text.split(LIST_SEPARATOR) if t)
                   for text in plain_text(chosen["topics"])],
    }).merge(met, on="release_id", how="left")
    table = table.sort_values("event_date", ascending=False, na_position="last", kind="stable")
    return table[list(TIMELINE_COLUMNS)].reset_index(drop=True)


def type_counts(releases: pd.DataFrame) -> pd.DataFrame:
    """Engagements of each type that occurs: engagement_type, label, count; in type order."""
    counts = plain_text(releases["engagement_type"]).value_counts()
    rows = [(kind, label, int(counts[kind])) for kind, label in ENGAGEMENT_LABELS.items()
            if counts.get(kind, 0)]
    return pd.DataFrame(rows, columns=["engagement_type", "label", "count"])


# --- the Secretaries-General side by side ------------------------------------------------


def secretaries_general() -> list[tuple[str, dt.date, dt.date | None]]:
    """(name, first day, last day or None while in office), from the officials lexicon."""
    return [(entry["name"], entry["first"], entry.get("last"))
            for entry in load("officials")["secretaries_general"]]


def _in_term(releases: pd.DataFrame, dates: pd.Series, name: str, first: pd.Timestamp,
             end: pd.Timestamp) -> pd.Series:
    """The releases of the official `name` dated within their term."""
    return (releases["sco_official"] == name).fillna(False) & (dates >= first) & (dates <= end)


def months_of_term(releases: pd.DataFrame, corpus_end: Any = None) -> pd.DataFrame:
    """Engagements of each Secretary-General per month of their term and engagement type.

    Columns: official, month (1 = the term's first month), engagement_type, count; every month
    of each term from the first to the last (`corpus_end`, else the releases' last date, for a
    term still running)
    with a row per type that the official's releases have, zeros included. Releases dated
    outside the official's term are left out, and so are officials with no release.
    """
    dates = pd.to_datetime(releases["event_date"], errors="coerce")
    frames = []
    for name, first, last in secretaries_general():
        end = pd.Timestamp(last or corpus_end or dates.max())
        if pd.isna(end) or end < pd.Timestamp(first):
            continue
        mine = _in_term(releases, dates, name, pd.Timestamp(first), end)
        if not mine.any():
            continue
        starts = period_starts(releases[mine], "month")
        month = (starts.dt.year - first.year) * 12 + starts.dt.month - first.month + 1
        frame = pd.DataFrame({"month": month, "engagement_type": plain_text(releases[mine]["engagement_type"])})
        months = _months(pd.Timestamp(first), end)
        wide = frame.groupby(["month", "engagement_type"]).size().unstack(fill_value=0)
        present = [kind for kind in ENGAGEMENT_LABELS if kind in wide.columns]
        wide = wide.reindex(index=range(1, months + 1), columns=present, fill_value=0)
        long = wide.rename_axis(index="month", columns="engagement_type").stack().rename("count")
        frames.append(long.reset_index().assign(official=name))
    if not frames:
        return pd.DataFrame({"official": [], "month": [], "engagement_type": [], "count": []})
    table = pd.concat(frames, ignore_index=True)
    table["count"] = table["count"].astype("int64")
    return table[["official", "month", "engagement_type", "count"]]


def _top(counts: pd.Series, n: int) -> str:
    """'China (4); Iran (2)': the n largest counts, ties in alphabetical order; 'none' for none."""
    ranked = sorted(((-int(count), str(name)) for name, count in counts.items() if count > 0))[:n]
    return "; ".join(f"{name} ({-count})" for count, name in ranked) or NONE


def _months(first: pd.Timestamp, last: pd.Timestamp) -> int:
    """Calendar months from the month of `first` to that of `last`, both counted."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _covered(term: tuple[pd.Timestamp, pd.Timestamp], *spans: tuple[Any, Any]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The part of the term inside every span (from, to; either may be None)."""
    start, end = term
    for first, last in spans:
        start = max(start, pd.Timestamp(first)) if first is not None else start
        end = min(end, pd.Timestamp(last)) if last is not None else end
    return start, end


def _per_month(count: int, term: tuple[pd.Timestamp, pd.Timestamp], covered: tuple[pd.Timestamp, pd.Timestamp]) -> str:
    """Engagements per month of the part of the term the corpus covers and the dates in view
    take in: 29 releases of a 36-month term is 0.8, but 10 of them in a filter's one year is
    10 over 12 months, not over 36; a corpus that starts in May 2019 covers 32 of Norov's."""
    start, end = covered
    if end < start:
        return "–"
    months = _months(start, end)
    return f"{count / months:.1f}" + ("" if (start, end) == term else f" (over {months} months in view)")


def _countries(participants: pd.DataFrame, release_ids: pd.Series) -> pd.Series:
    """Releases per country of the state counterparts in the given releases."""
    rows = participants[participants["release_id"].isin(release_ids)]
    states = affiliations(rows, AFFILIATION_STATE).to_numpy()
    pairs = pd.DataFrame({"country": states, "release_id": rows["release_id"].to_numpy()})
    return pairs[pairs["country"] != ""].drop_duplicates()["country"].value_counts()


def _not_counted(undated: int, outside: int) -> str:
    """'2 without a date; 1 dated outside the term', or 'none'."""
    parts = [f"{undated:,} without a date"] * bool(undated) + [f"{outside:,} dated outside the term"] * bool(outside)
    return "; ".join(parts) or NONE


def officials_summary(releases: pd.DataFrame, participants: pd.DataFrame, taxonomy: Any = None,
                      n: int = 5, within: tuple[Any, Any] = (None, None), corpus_end: Any = None,
                      corpus_start: Any = None) -> pd.DataFrame:
    """The Secretaries-General side by side: one column per official (in order of office),
    rows Term, Engagements, Engagements per month, Types, Top countries, Top topics and Not
    counted (the official's releases without a date or dated outside the term). Every cell
    says something: 'none' where there is nothing to list.

    `within` is the date filter's (from, to), either may be None; `corpus_start` and
    `corpus_end` are the first and last dates of the whole corpus (so that filters do not move
    them). The monthly rate counts the months of the term that the corpus covers and the
    filter takes in. A term still running ends at `corpus_end`, else at the releases' last date.
    """
    labels = topic_labels(taxonomy, releases)
    dates = pd.to_datetime(releases["event_date"], errors="coerce")
    columns: dict[str, list[str]] = {}
    for name, first, last in secretaries_general():
        end = pd.Timestamp(last or corpus_end or dates.max())
        if pd.isna(end) or end < pd.Timestamp(first):
            continue
        term = (pd.Timestamp(first), end)
        in_term = _in_term(releases, dates, name, *term)
        mine = releases[in_term]
        theirs = (releases["sco_official"] == name).fillna(False).to_numpy(dtype=bool)
        undated = int((theirs & dates.isna().to_numpy()).sum())
        types = type_counts(mine)
        topics = pd.Series({labels[t]: int(mine[topic_flag_column(t)].fillna(False).astype(bool).sum())
                            for t in labels if topic_flag_column(t) in mine.columns}, dtype="int64")
        columns[name] = [
            f"{first:%b %Y} – {end:%b %Y}" + ("" if last else " (in office)"),
            f"{len(mine):,}",
            _per_month(len(mine), term, _covered(term, (corpus_start, corpus_end), within)),
            "; ".join(f"{label} ({count})" for label, count in zip(types["label"], types["count"])) or NONE,
            _top(_countries(participants, mine["release_id"]), n),
            _top(topics, n),
            _not_counted(undated, int(theirs.sum()) - undated - len(mine)),
        ]
    return pd.DataFrame(columns, index=list(SUMMARY_ROWS)).rename_axis("").reset_index()
