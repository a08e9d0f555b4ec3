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

from sco_data.explore.filtering import affiliations, topic_labels
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
PROFILE_SEPARATOR = ":"

# The timeline's columns, in order, with the heading the page gives each.
TIMELINE_COLUMNS: dict[str, str] = {
    "event_date": "Date",
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
    """One row per engagement of the profile, newest first: date, type, who was met, the title
    they held then, the SCO official, topics (labels) and the release id. No missing text."""
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
    """'China (4); Iran (2)': the n largest counts, ties in alphabetical order."""
    ranked = sorted(((-int(count), str(name)) for name, count in counts.items() if count > 0))[:n]
    return "; ".join(f"{name} ({-count})" for count, name in ranked)


def _months(first: pd.Timestamp, last: pd.Timestamp) -> int:
    """Calendar months from the month of `first` to that of `last`, both counted."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _per_month(count: int, term: tuple[pd.Timestamp, pd.Timestamp], within: tuple[Any, Any]) -> str:
    """Engagements per month of the term, or of its part within the dates in view (a date
    filter): 29 releases of a 36-month term is 0.8, but 10 of them in a filter's one year is
    10 over 12 months, not over 36."""
    start = max(term[0], pd.Timestamp(within[0])) if within[0] else term[0]
    end = min(term[1], pd.Timestamp(within[1])) if within[1] else term[1]
    if end < start:
        return "–"
    months = _months(start, end)
    return f"{count / months:.1f}" + ("" if (start, end) == term else f" (over {months} months in view)")


def officials_summary(releases: pd.DataFrame, participants: pd.DataFrame, taxonomy: Any = None,
                      n: int = 5, within: tuple[Any, Any] = (None, None), corpus_end: Any = None) -> pd.DataFrame:
    """The Secretaries-General side by side: one column per official (in order of office),
    rows Term, Engagements, Engagements per month, Types, Top countries, Top topics.

    `within` is the date filter's (from, to), either may be None: the monthly rate counts
    the months of the term inside it. A term still running ends at `corpus_end` (the last
    date of the whole corpus, so that filters do not move it), else at the releases' last date.
    """
    labels = topic_labels(taxonomy, releases)
    dates = pd.to_datetime(releases["event_date"], errors="coerce")
    columns: dict[str, list[str]] = {}
    for name, first, last in secretaries_general():
        end = pd.Timestamp(last or corpus_end or dates.max())
        if pd.isna(end) or end < pd.Timestamp(first):
            continue
        mine = releases[_in_term(releases, dates, name, pd.Timestamp(first), end)]
        types = type_counts(mine)
        states = affiliations(participants[participants["release_id"].isin(mine["release_id"])],
                              AFFILIATION_STATE)
        countries = pd.DataFrame({"country": states, "release_id": participants.loc[states.index, "release_id"]})
        countries = countries[countries["country"] != ""].drop_duplicates()
        topics = pd.Series({labels[t]: int(mine[topic_flag_column(t)].fillna(False).astype(bool).sum())
                            for t in labels if topic_flag_column(t) in mine.columns}, dtype="int64")
        columns[name] = [
            f"{first:%b %Y} – {end:%b %Y}" + ("" if last else " (in office)"),
            f"{len(mine):,}",
            _per_month(len(mine), (pd.Timestamp(first), end), within),
            "; ".join(f"{label} ({count})" for label, count in zip(types["label"], types["count"])),
            _top(countries["country"].value_counts(), n),
            _top(topics, n),
        ]
    index = ["Term", "Engagements", "Engagements per month", "Types", "Top countries", "Top topics"]
    return pd.DataFrame(columns, index=index).rename_axis("").reset_index()
