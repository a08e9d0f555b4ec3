"""Aggregations behind the charts and headline figures: filtered frames in, small tables out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sco_data.explore.dating import OffAxis, axis_dates, engagement_dates, left_off_axes
from sco_data.explore.display import date_text
from sco_data.explore.filtering import (
    AXIS_DATE,
    DATE,
    axis_dates_of,
    flag_array,
    is_prepared,
    labels_of,
    topic_labels,
)
from sco_data.explore.identity import plain_text
from sco_data.explore.people import distinct_affiliations, distinct_counterparts
from sco_data.explore.periods import period_labels, period_range, period_starts
from sco_data.explore.places import place_keys, place_label, place_spellings
from sco_data.explore.review import checked_flags, doubted_fields
from sco_data.explore.wording import days_text, plural
from sco_data.schema import (
    AFFILIATION_ORGANISATION,
    AFFILIATION_STATE,
    ENGAGEMENT_LABELS,
    ENGAGEMENT_TYPES,
    LIST_SEPARATOR,
    REPORT_COLUMNS,
    REPORT_CORRECTIONS,
    REPORT_INVALID,
    REPORT_OK,
    REPORT_REJECTED,
    REPORT_SKIPPED,
    REPORT_WARNING,
    topic_flag_column,
    topic_mentions_column,
)


def engagements_over_time(releases: pd.DataFrame, period: str = "month") -> pd.DataFrame:
    """Releases per period and engagement type, every period from the first to the last.

    Columns: period (its start), period_label, engagement_type, label, count. Each engagement
    type that occurs has a row in every period, zero where it has none, so a chart of the
    frame shows gaps as gaps; undated releases are in no period.
    """
    types = releases["engagement_type"]
    if not isinstance(types.dtype, pd.CategoricalDtype):  # prepare() makes it one
        types = pd.Categorical(plain_text(types), categories=list(ENGAGEMENT_TYPES))
    starts = period_starts(releases, period)
    frame = pd.DataFrame({"period": starts, "engagement_type": types}).dropna()
    wide = frame.groupby(["period", "engagement_type"], observed=True).size().unstack(fill_value=0)
    present = [t for t in ENGAGEMENT_TYPES if t in wide.columns]
    wide = wide.reindex(index=period_range(frame["period"], period), columns=present, fill_value=0)
    counts = wide.rename_axis(index="period", columns="engagement_type").stack().rename("count")
    counts = counts.reset_index()
    counts["period_label"] = period_labels(counts["period"], period)
    counts["engagement_type"] = counts["engagement_type"].astype(str)
    counts["label"] = counts["engagement_type"].map(ENGAGEMENT_LABELS)
    counts["count"] = counts["count"].astype("int64")
    return counts[["period", "period_label", "engagement_type", "label", "count"]]


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
                "releases": int(flag_array(releases[flag]).sum()),
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
    """Releases with each topic per period, every period from the first to the last.

    Columns: period (its start), period_label, topic, label, releases; a row for every topic
    in every period (zeros included), periods in order, topics in taxonomy order within each.
    """
    labels = topic_labels(taxonomy, releases)
    flags = {t: topic_flag_column(t) for t in labels if topic_flag_column(t) in releases.columns}
    starts = period_starts(releases, period)
    has_date = starts.notna().to_numpy()
    dated = pd.DataFrame(
        {t: flag_array(releases[c])[has_date] for t, c in flags.items()},
        index=releases.index[has_date],
    )
    wide = dated.groupby(starts[has_date]).sum()
    wide = wide.reindex(period_range(starts, period), fill_value=0).rename_axis("period")
    long = wide.reset_index().melt(id_vars="period", var_name="topic", value_name="releases")
    long["label"] = long["topic"].map(labels)
    long["releases"] = long["releases"].astype("int64")
    # melt stacks topic by topic in taxonomy order; a stable sort by period keeps that order.
    long = long.sort_values("period", kind="stable").reset_index(drop=True)
    long["period_label"] = period_labels(long["period"], period)
    return long[["period", "period_label", "topic", "label", "releases"]]


def place_counts(releases: pd.DataFrame) -> pd.DataFrame:
    """Engagements per place with known coordinates, a renamed city counted as one place.

    Columns: key (the gazetteer's name), place ('Astana (also Nur-Sultan), Kazakhstan'),
    country, latitude, longitude, engagements; busiest first.
    """
    frame = pd.DataFrame(
        {
            "key": place_keys(releases),
            "country": plain_text(releases["location_country"]),
            "latitude": pd.to_numeric(releases["latitude"], errors="coerce"),
            "longitude": pd.to_numeric(releases["longitude"], errors="coerce"),
        }
    ).dropna(subset=["latitude", "longitude"])
    frame = frame[frame["key"] != ""]
    grouped = frame.groupby("key")
    counts = grouped[["country", "latitude", "longitude"]].first()
    counts["engagements"] = grouped.size().astype("int64")
    counts = counts.reset_index()
    labels = {key: place_label(names) for key, names in place_spellings(releases).items()}
    counts["place"] = [
        ", ".join(part for part in (labels.get(key, key), country) if part)
        for key, country in zip(counts["key"], counts["country"])
    ]
    counts = counts.sort_values(["engagements", "place"], ascending=[False, True])
    return counts[["key", "place", "country", "latitude", "longitude", "engagements"]].reset_index(
        drop=True
    )


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the page for the filtered set."""

    engagements: int
    counterparts: int
    countries: int
    organisations: int
    first_date: dt.date | None
    last_date: dt.date | None
    undated: int
    outside: tuple[dt.date, ...] = ()  # dates outside every Secretary-General's term
    checked: int = 0  # releases an analyst marked checked

    @property
    def span_text(self) -> str:
        """The date span in words: 'May 2019 – May 2021', '29 Apr 2020' or 'none known'."""
        if self.first_date is None or self.last_date is None:
            return "none known"
        if self.first_date == self.last_date:
            return self.first_date.strftime("%d %b %Y")
        return f"{self.first_date:%b %Y} – {self.last_date:%b %Y}"


def headline_figures(releases: pd.DataFrame, participants: pd.DataFrame) -> Headline:
    """Engagements and the date span (release-level); distinct counterparts, the countries and
    the organisations they represent (counterpart-level: the participants apply_filters kept).
    The span is that of the time axes: a date outside every term is counted apart, as are the
    undated (explore.dating)."""
    off = off_axis(releases)
    known = axis_dates_of(releases).dropna()
    return Headline(
        engagements=len(releases),
        counterparts=distinct_counterparts(participants),
        countries=distinct_affiliations(participants, AFFILIATION_STATE),
        organisations=distinct_affiliations(participants, AFFILIATION_ORGANISATION),
        first_date=known.min().date() if len(known) else None,
        last_date=known.max().date() if len(known) else None,
        undated=off.undated,
        outside=off.outside,
        checked=int(checked_flags(releases).sum()),
    )


def off_axis(releases: pd.DataFrame) -> OffAxis:
    """What the time axes of these releases cannot show: the undated and the misdated."""
    if is_prepared(releases):
        return left_off_axes(releases, DATE, AXIS_DATE)
    dates = engagement_dates(releases)[0]
    return left_off_axes(pd.DataFrame({DATE: dates, AXIS_DATE: axis_dates(dates)}), DATE, AXIS_DATE)


# The releases table's columns, most useful first, with the heading the page gives each.
RELEASE_TABLE_COLUMNS: dict[str, str] = {
    "date": "Date",
    "release": "Release",
    "source": "File",
    "engagement": "Type",
    "sco_official": "SCO official",
    "counterparts": "Counterparts",
    "counterpart_countries": "Their countries and organisations",
    "place": "Place",
    "topics": "Topics",
    "doubts": "Doubted fields",
    "release_id": "Release id",
}


def releases_table(releases: pd.DataFrame, taxonomy: Any = None) -> pd.DataFrame:
    """The releases as the page lists them, newest first, each named by its headline or the
    first words of its text and by its file, dates as days (flagged when outside every term),
    readable labels, the fields the extractor still doubts (none once a release is checked),
    no missing text (an empty cell, never 'None'). With a taxonomy (or an
    id -> label mapping), topic ids are shown as their labels. `event_date` (the sort key)
    stays for the page to leave out."""
    city, country = plain_text(releases["location_city"]), plain_text(releases["location_country"])
    dates = pd.to_datetime(releases["event_date"], errors="coerce")
    table = pd.DataFrame(
        {
            "event_date": dates,
            "date": date_text(dates, axis_dates_of(releases)),
            "release": labels_of(releases),
            "source": plain_text(releases["source"]).astype(object),
            "engagement": plain_text(releases["engagement_type"]).map(ENGAGEMENT_LABELS).fillna(""),
            "sco_official": plain_text(releases["sco_official"]),
            "counterparts": plain_text(releases["counterparts"]),
            "counterpart_countries": plain_text(releases["counterpart_countries"]),
            # "City, Country", or whichever of the two is known: one vectorised pass.
            "place": city.str.cat(country, sep=", ").where((city != "") & (country != ""), city + country),
            "topics": plain_text(releases["topics"]),
            "doubts": doubted_fields(releases),
            "release_id": releases["release_id"].astype(object),
        },
        index=releases.index,
    )
    if taxonomy is not None:  # each distinct list of topics is labelled once
        labels = topic_labels(taxonomy)
        codes, distinct = pd.factorize(table["topics"])
        labelled = [LIST_SEPARATOR.join(labels.get(t, t) for t in text.split(LIST_SEPARATOR) if t)
                    for text in distinct]
        table["topics"] = pd.array(labelled, dtype=table["topics"].dtype).take(codes)
    table = table.sort_values("event_date", ascending=False, na_position="last", kind="stable")
    return table.reset_index(drop=True)


# The ingest report's statuses as the page names them, in the order it counts them.
REPORT_STATUS_LABELS: dict[str, str] = {
    REPORT_OK: "Read",
    REPORT_WARNING: "With warnings",
    REPORT_REJECTED: "Rejected",
    REPORT_SKIPPED: "Skipped",
    REPORT_INVALID: "Corrections not applied",
    REPORT_CORRECTIONS: "Corrections file",
}
# Statuses counted only when some row has them: they are not about release files.
OCCASIONAL_STATUSES = (REPORT_INVALID, REPORT_CORRECTIONS)
# The report table lists what needs attention first.
REPORT_STATUS_ORDER: tuple[str, ...] = (REPORT_REJECTED, REPORT_INVALID, REPORT_WARNING, REPORT_CORRECTIONS,
                                        REPORT_SKIPPED, REPORT_OK)
REPORT_HEADINGS: dict[str, str] = dict(zip(REPORT_COLUMNS, ("File", "Status", "Reason", "Release id")))


def report_counts(report: pd.DataFrame) -> dict[str, int]:
    """Files per status, every status named as the page names it (zero included), but for
    the corrections file and its rows not applied, counted only when there are some."""
    counts = report["status"].value_counts()
    return {label: int(counts.get(status, 0)) for status, label in REPORT_STATUS_LABELS.items()
            if status not in OCCASIONAL_STATUSES or counts.get(status, 0)}


def report_table(report: pd.DataFrame) -> pd.DataFrame:
    """The ingest report's rows, what needs attention first, otherwise in the order read."""
    rank = {status: i for i, status in enumerate(REPORT_STATUS_ORDER)}
    return report[list(REPORT_COLUMNS)].sort_values(
        "status", key=lambda s: s.map(rank).fillna(len(rank)), kind="stable"
    )


def headline_metrics(figures: Headline) -> list[tuple[str, str, str]]:
    """The headline's counts as (label, value, help) triples, in the order the page shows
    them; the date span goes in a sentence below (dates_sentence), where it is never cut."""
    return [
        ("Engagements", f"{figures.engagements:,}",
         f"Releases that match the filters; {figures.checked:,} of them checked by an analyst."),
        ("Counterparts", f"{figures.counterparts:,}", "Distinct people met."),
        ("Countries", f"{figures.countries:,}", "States the counterparts represent."),
        ("Organisations", f"{figures.organisations:,}",
         "International and regional organisations the counterparts represent."),
    ]


def dates_sentence(figures: Headline) -> str:
    """'Engagement dates: May 2019 – May 2021; 1 release has no known date; 1 is dated outside
    every Secretary-General's term (12 May 2004).'"""
    undated = f"; {plural(figures.undated, 'release has', 'releases have')} no known date" \
        if figures.undated else ""
    outside = f"; {outside_terms(figures.outside)}" if figures.outside else ""
    return f"Engagement dates: {figures.span_text}{undated}{outside}."


def checked_sentence(figures: Headline) -> str:
    """'12 of 103 engagements checked by an analyst.' when any is; else ''."""
    if not figures.checked:
        return ""
    return f"{figures.checked:,} of {plural(figures.engagements, 'engagement')} checked by an analyst."


def outside_terms(days: tuple[dt.date, ...]) -> str:
    """'2 are dated outside every Secretary-General's term (12 May 2004, 1 Jan 2099)'."""
    verb = "is" if len(days) == 1 else "are"
    return f"{len(days):,} {verb} dated outside every Secretary-General's term ({days_text(days)})"


def source_problem(folder: Path, source: str, releases: pd.DataFrame,
                   report: pd.DataFrame) -> tuple[str, str] | None:
    """What keeps releases from the page, in words, with how loud to say it ('error' or
    'warning'); None when there are releases. `source` names the folder as the page shows it."""
    if not folder.exists():
        return "error", (f"The folder {source} does not exist. "
                         "Type another folder in the sidebar, or upload files.")
    if not releases.empty:
        return None
    if folder.is_dir() and report.empty:
        return "warning", (f"The folder {source} holds no release files (.txt, .htm, .html). "
                           "Add some, pick another folder, or upload files in the sidebar.")
    if not report.empty and (report["status"] == REPORT_REJECTED).all():
        return "error", "None of the files could be read as a release; the report below says why."
    return "warning", "No releases were found. Pick a folder or upload files in the sidebar."
