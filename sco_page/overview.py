"""The overview: one tab per section, and only the open tab is computed and drawn (Streamlit's
tabs with `on_change="rerun"` say which is open); the section is in the link (`section`)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sco_data.explore import aggregations, charts, export, filtering, maps, people
from sco_data.explore.periods import PERIOD_LABELS, PERIODS
from sco_data.explore.viewstate import SECTIONS
from sco_data.explore.wording import CAPTIONS, plural
from sco_page import release
from sco_page.widgets import Shown, chart, off_axis_note, ranked, table

TOP_N = 10
EAGER_CSV_ROWS = 5_000  # up to this many releases the CSV files are written at once
DOWNLOAD_ICON = ":material/download:"
PARTICIPANT_ROWS = 12  # the participants table shows this many rows at once
RELEASE_ROWS = 8  # ... and the releases table, above the release picked
PERIOD_RADIO = {"label": "Group by", "options": PERIODS, "format_func": PERIOD_LABELS.get,
                "horizontal": True, "key": "period"}


def show(shown: Shown) -> None:
    """The section tabs; the open one is drawn."""
    tabs = st.tabs(list(SECTIONS.values()), key="section", on_change="rerun")
    for tab, section in zip(tabs, SECTIONS):
        if tab.open:
            with tab:
                SECTION_PAGES[section](shown)


def show_time(shown: Shown) -> None:
    period = st.radio(**PERIOD_RADIO)
    figure = shown.cached(("time", period), lambda: charts.engagements_over_time_figure(
        aggregations.engagements_over_time(shown.kept, period), period))
    chart(st, figure, "engagements", shown.data.options)
    off_axis_note(shown, shown.kept, "engagements")


def show_topics(shown: Shown) -> None:
    tax = shown.data.taxonomy
    frequencies = shown.cached(("topic_frequencies",), lambda: aggregations.topic_frequencies(shown.kept, tax))
    chart(st, charts.topic_frequencies_figure(frequencies), "topics", shown.data.options)
    period = st.radio(**PERIOD_RADIO)
    heatmap = shown.cached(("topics_time", period), lambda: charts.topics_over_time_figure(
        aggregations.topics_over_time(shown.kept, period, tax), period, frequencies["topic"]))
    chart(st, heatmap, "topics_time", shown.data.options)
    off_axis_note(shown, shown.kept, "topics_time")


def show_people(shown: Shown) -> None:
    top = shown.cached(("top_counterparts",), lambda: people.top_counterparts(shown.people, TOP_N))
    ranked(shown, top, charts.top_counterparts_figure(top), "counterparts",
           {k: people.PEOPLE_COLUMNS[k] for k in ("name", "affiliation", "engagements")})
    for kind, count in (("countries", people.top_countries), ("organisations", people.top_organisations)):
        counts = shown.cached((kind,), lambda count=count: count(shown.people, TOP_N))
        ranked(shown, counts, charts.affiliations_figure(counts, kind), kind, people.AFFILIATION_COLUMNS)
    st.caption(CAPTIONS["places_table"])
    table(st, place_counts(shown), {"place": "Place", "engagements": "Engagements"}, "places_table")


def place_counts(shown: Shown) -> pd.DataFrame:
    """Engagements per place of the filtered releases, worked out once for the table and the map."""
    return shown.cached(("places",), lambda: aggregations.place_counts(shown.kept))


def show_map(shown: Shown) -> None:
    figure = shown.cached(("map",), lambda: maps.engagement_map_figure(
        place_counts(shown), people.affiliation_counts(shown.people, "state")))
    chart(st, figure, "map", shown.data.options, maps.MAP_CONFIG)


def show_participants(shown: Shown) -> None:
    st.caption(CAPTIONS["participants"])
    participants = shown.cached(("participants",), lambda: people.participants_table(shown.people).replace(
        {"role": people.ROLE_LABELS}))
    table(st, participants, people.PEOPLE_COLUMNS, "participants_table", wrap=True, paged="participant",
          rows=PARTICIPANT_ROWS)


def show_releases(shown: Shown) -> None:
    listed = shown.cached(("releases",), lambda: aggregations.releases_table(shown.kept, shown.data.taxonomy))
    if listed.empty:
        return
    st.caption(CAPTIONS["releases"])
    table(st, listed, aggregations.RELEASE_TABLE_COLUMNS, key="releases_table", wrap=True, paged="release",
          pick=list(listed["release_id"]), rows=RELEASE_ROWS)
    release.show(shown, shown.kept)


def show_downloads(shown: Shown) -> None:
    """Download buttons for the filtered releases and participants as CSV."""
    data, kept, people_kept, filters = shown.data, shown.kept, shown.people, shown.filters
    st.caption(CAPTIONS["downloads"])
    cite = st.checkbox("Add the sentence each value was read from", key="csv_sentences",
                       help=CAPTIONS["sentences"])
    # Kept per corpus, filters and choice, so reruns that change none of them write nothing; above
    # EAGER_CSV_ROWS releases (about a second per 10,000, texts included) only when asked for.
    written = st.session_state.pop("csv", None)
    if written is None or written[0] != (data, filters, cite):
        if len(kept) > EAGER_CSV_ROWS and not st.button(
                f"Prepare CSV files ({plural(len(kept), 'release')})", key="prepare_csv"):
            return
        whole = filtering.apply_filters((data.releases, data.participants), filters)  # texts included
        written = ((data, filters, cite), *export.filtered_csv(*whole, cite))
    st.session_state["csv"] = written
    for column, name, rows, content in zip(st.columns(2), ("releases", "participants"),
                                           (len(kept), len(people_kept)), written[1:]):
        column.download_button(f"{name.capitalize()} ({plural(rows, 'row')})", data=content, mime="text/csv",
                               file_name=f"sco_{name}.csv", key=f"download_{name}", icon=DOWNLOAD_ICON)


def show_report(shown: Shown | None = None, data=None) -> None:
    """The ingest report: counts per status, every file (what needs attention first), and
    the report as CSV. Drawn as a section, or alone when the folder gave no release."""
    data = data or shown.data
    st.caption(CAPTIONS["report"])
    if data.report.empty:
        return st.info("No files were handed in.")
    counts = aggregations.report_counts(data.report)
    for column, (label, count) in zip(st.columns(len(counts)), counts.items()):
        column.metric(label, count)
    rows = data.report_rows
    content = data.remember(("report_csv",), lambda: export.to_csv_bytes(rows))
    st.download_button(f"Ingest report ({plural(len(rows), 'row')})", data=content, mime="text/csv",
                       file_name="sco_ingest_report.csv", key="download_report", icon=DOWNLOAD_ICON)
    table(st, rows, aggregations.REPORT_HEADINGS, "report_table", paged="file")


SECTION_PAGES = {"time": show_time, "topics": show_topics, "people": show_people, "map": show_map,
                 "participants": show_participants, "releases": show_releases, "download": show_downloads,
                 "report": show_report}
