"""SCO engagements dashboard: `streamlit run dashboard.py [-- --data DIR]`.

A wiring diagram: widgets (the filters declared once in sco_data.explore.fields) -> one
cached, prepared corpus -> sco_data.explore (filter, aggregate, chart, evidence, CSV) -> page.
Data: the sidebar's folder, else `--data DIR`, else SCO_DATA_DIR, else the bundled sample in
data/releases/. SCO_MAP_OUTLINES=0 draws the map without the country outlines the viewer's
browser would otherwise fetch from the plotly CDN. docs/dashboard.md describes the page.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd
import streamlit as st

import sco_data
from sco_data.explore import (aggregations, charts, evidence, fields, filtering, people, periods,
                              urlstate)
from sco_data.explore.export import to_csv_bytes
from sco_data.explore.prepared import PreparedCorpus, prepare_corpus
from sco_data.schema import REPORT_REJECTED

BUNDLED_DATA = Path(__file__).resolve().parent / "data" / "releases"
UPLOAD_TYPES = ["txt", "htm", "html"]
TOP_N = 10
# Pixels: tall enough for every row of the extracted-fields table without scrolling.
FIELDS_TABLE_HEIGHT = 680
# Up to this many filtered releases the CSV downloads are written at once; above, on request.
EAGER_CSV_ROWS = 5_000
DOWNLOAD_ICON = ":material/download:"
DAY_FORMAT = "YYYY-MM-DD"

# ASCII punctuation that CommonMark, GitHub-flavoured markdown or Streamlit give a meaning
# (emphasis, code, links, headings, lists, tables, HTML, entities, $ LaTeX, : directives and
# emoji, ~ strikethrough, @ autolinks); CommonMark lets any ASCII punctuation be escaped.
MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-.!|<>$~:&^=@")
# Streamlit background colour of each evidence label (colours available since Streamlit 1.40).
LABEL_COLOURS = {evidence.LABEL_DATE: "blue", evidence.LABEL_OFFICIAL: "violet",
                 evidence.LABEL_COUNTERPART: "orange", evidence.LABEL_PLACE: "green",
                 evidence.LABEL_TOPIC: "gray"}


def escape_markdown(text: str) -> str:
    """The text with every markdown-active character backslash-escaped: it shows literally."""
    return "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in text)


def marked(text: str, label: str | None) -> str:
    """Escaped text, on the background colour of its evidence label when it has one."""
    escaped = escape_markdown(text)
    return escaped if label is None else f":{LABEL_COLOURS[label]}-background[{escaped}]"


def paragraphs_markdown(paragraphs: list[list[evidence.Segment]]) -> str:
    """Safe markdown of evidence paragraphs: literal text, extracted values coloured."""
    return "\n\n".join("".join(marked(text, label) for text, label in p) for p in paragraphs)


def legend_markdown() -> str:
    """One line naming each evidence colour."""
    return " ".join(marked(name, label) for label, name in evidence.LEGEND)


# --- data --------------------------------------------------------------------------------
def launch_data_dir() -> str:
    """The folder given by `-- --data DIR`, else SCO_DATA_DIR, else '' (the bundled sample)."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--data")
    known, _ = parser.parse_known_args(sys.argv[1:])
    return known.data or os.environ.get("SCO_DATA_DIR") or ""


@st.cache_resource(show_spinner="Reading releases…", max_entries=4)
def load(folder: str, uploads: tuple[tuple[str, bytes], ...]) -> PreparedCorpus:
    """The folder plus uploaded files, prepared once and shared read-only by every session."""
    return prepare_corpus(sco_data.load_corpus(Path(folder), extra_files=uploads))


def data_source_widgets() -> tuple[str, tuple[tuple[str, bytes], ...]]:
    """The folder box and the upload field; returns the folder and the uploaded files."""
    sb = st.sidebar
    sb.header("Data")
    st.session_state.setdefault("data_dir", launch_data_dir())
    data_dir = sb.text_input(
        "Folder of releases", key="data_dir", placeholder="Bundled sample (data/releases)",
        help="A folder of .txt/.htm/.html releases on the machine running the dashboard. "
        "Leave empty for the bundled sample.",
    )
    files = sb.file_uploader(
        "Add release files", type=UPLOAD_TYPES, accept_multiple_files=True, key="uploads",
        help="Uploaded files join the folder's releases for this session only.",
    ) or []
    sb.button("Reload the folder", key="reload_data", on_click=load.clear,
              help="Read the folder again, for files added or changed since it was loaded.")
    return (data_dir or "").strip(), tuple((f.name, f.getvalue()) for f in files)


# --- filters: widgets <-> session state <-> URL -------------------------------------------
def seed_filters_from_url(options: filtering.FilterOptions) -> None:
    """On a session's first run, put the link's filters into the widgets' state."""
    if "url_loaded" in st.session_state:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    filters, notices = urlstate.filters_from_query_params(params, options)
    st.session_state.update(url_loaded=filters, url_notices=notices)
    st.session_state.update(fields.widget_values(filters, options))


def sidebar_filters(sb, options: filtering.FilterOptions) -> filtering.Filters:
    """Draw one widget per filter field into the sidebar area `sb`; return what they say."""
    asked = st.session_state.get("url_loaded") or filtering.Filters()
    st.session_state.update(fields.valid_widget_values(st.session_state, options, asked))
    sb.header("Filters")
    for field in fields.FILTER_FIELDS:
        common = {"key": field.key, "help": field.help}
        labels = fields.value_labels(field, options)
        if field.kind == fields.DATE_RANGE and options.date_min is None:
            sb.caption("No release in this corpus has a known date.")
        elif field.kind == fields.DATE_RANGE:
            low, high = fields.date_bounds(options, asked)
            sb.date_input(field.label, min_value=low, max_value=high, **common)
        elif field.kind == fields.CHOICES:
            sb.multiselect(field.label, options=fields.offered(field, options),
                           format_func=lambda v, labels=labels: labels.get(v, v),
                           placeholder=field.placeholder, **common)
        elif field.kind == fields.MODE:
            sb.radio(field.label, options=fields.offered(field, options), horizontal=True,
                     format_func=labels.get, **common)
        else:
            sb.text_input(field.label, placeholder=field.placeholder, **common)
    cleared = fields.widget_values(filtering.Filters(), options)  # every filter: show everything
    sb.button("Clear filters", key="clear_filters", on_click=st.session_state.update,
              args=(cleared,))
    return fields.filters_from_widgets(st.session_state, options)


def mirror_to_url(chosen: filtering.Filters) -> None:
    """Write the filters into the page URL, so the view can be shared as a link."""
    wanted = urlstate.filters_to_query_params(chosen)
    current = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    if {k: v if isinstance(v, list) else [v] for k, v in wanted.items()} != current:
        st.query_params.from_dict(wanted)


# --- sections ----------------------------------------------------------------------------
def show_report(report: pd.DataFrame) -> None:
    """The ingest report: counts per status, then every file, what needs attention first."""
    st.header("Ingest report")
    st.caption("Every file handed in, and what became of it. Rejected files are not in any chart.")
    if report.empty:
        st.info("No files were handed in.")
        return
    counts = aggregations.report_counts(report)
    for column, (label, count) in zip(st.columns(len(counts)), counts.items()):
        column.metric(label, count)
    st.dataframe(aggregations.report_table(report), hide_index=True, key="report_table",
                 column_config=aggregations.REPORT_HEADINGS)


def explain_source(folder: Path, source: str, releases: pd.DataFrame, report: pd.DataFrame) -> None:
    """Say in words what keeps releases from the page; `source` names the folder, escaped."""
    if not folder.exists():
        st.error(f"The folder {source} does not exist. "
                 "Type another folder in the sidebar, or upload files.")
    elif not releases.empty:
        return
    elif folder.is_dir() and report.empty:
        st.warning(f"The folder {source} holds no release files (.txt, .htm, .html). "
                   "Add some, pick another folder, or upload files in the sidebar.")
    elif not report.empty and (report["status"] == REPORT_REJECTED).all():
        st.error("None of the files could be read as a release; the report below says why.")
    else:
        st.warning("No releases were found. Pick a folder or upload files in the sidebar.")


def show_headline(releases: pd.DataFrame, participants: pd.DataFrame) -> None:
    figures = aggregations.headline_figures(releases, participants)
    cols = st.columns([1, 1, 1, 2])
    cols[0].metric("Engagements", f"{figures.engagements:,}", help="Releases that match.")
    cols[1].metric("Counterparts", f"{figures.counterparts:,}", help="Distinct people met.")
    cols[2].metric("Countries", f"{figures.countries:,}", help="Countries of the counterparts.")
    undated = f" {figures.undated} release(s) have no known date." if figures.undated else ""
    cols[3].metric("Date span", figures.span_text, help="First and last engagement date." + undated)


def chart(area, caption: str, figure, key: str) -> None:
    area.caption(caption)
    area.plotly_chart(figure, key=key)


def show_charts(releases: pd.DataFrame, participants: pd.DataFrame, tax) -> None:
    st.header("Engagements over time")
    period = st.radio("Group by", options=periods.PERIODS, format_func=periods.PERIOD_LABELS.get,
                      index=periods.PERIODS.index("quarter"), horizontal=True, key="period")
    over_time = aggregations.engagements_over_time(releases, period)
    chart(st, "How many engagements the releases report per period, split by how they took place.",
          charts.engagements_over_time_figure(over_time, period), "chart_engagements")
    st.header("Topics")
    left, right = st.columns(2)
    chart(left, "Releases that discuss each topic; hover for the number of mentions.",
          charts.topic_frequencies_figure(aggregations.topic_frequencies(releases, tax)),
          "chart_topics")
    topics = aggregations.topics_over_time(releases, period, tax)
    chart(right, f"Releases per topic and {period}: darker cells, more releases.",
          charts.topics_over_time_figure(topics, period), "chart_topics_time")
    st.header("People and places")
    left, right = st.columns(2)
    chart(left, f"The {TOP_N} counterparts met most often (by number of releases).",
          charts.top_counterparts_figure(people.top_counterparts(participants, TOP_N)),
          "chart_counterparts")
    chart(right, "Countries the counterparts represent, by number of engagements.",
          charts.top_countries_figure(people.top_countries(participants, TOP_N)),
          "chart_countries")
    places = aggregations.place_counts(releases)
    left, right = st.columns([2, 1])
    outlines = os.environ.get("SCO_MAP_OUTLINES", "1") != "0"
    chart(left, "Where engagements took place; larger points, more engagements.",
          charts.engagement_map_figure(places, outlines), "chart_map")
    right.caption("The same places as a table.")
    if places.empty:
        right.info("No engagement with a known place matches the filters.")
    else:
        right.dataframe(places[["place", "engagements"]], hide_index=True, key="places_table",
                        column_config={"place": "Place", "engagements": "Engagements"})
    show_participants(participants)


def show_participants(participants: pd.DataFrame) -> None:
    st.subheader("Participants")
    st.caption("Everyone named in the matching releases, one row per person. "
               "Click a header to sort.")
    table = people.participants_table(participants)
    if table.empty:
        st.info("No participants in the releases that match.")
        return
    headings = people.PEOPLE_COLUMNS
    st.dataframe(table.assign(role=table["role"].map(people.ROLE_LABELS)), hide_index=True,
                 key="participants_table", column_config={
        **headings, "title": st.column_config.TextColumn(headings["title"], width="medium"),
        "engagements": st.column_config.NumberColumn(headings["engagements"]),
        "first": st.column_config.DateColumn(headings["first"], format=DAY_FORMAT),
        "last": st.column_config.DateColumn(headings["last"], format=DAY_FORMAT),
    })


def show_releases(releases: pd.DataFrame, tax) -> None:
    st.header("Releases")
    table = aggregations.releases_table(releases, tax)
    if table.empty:
        st.info("No releases match the current filters.")
        return
    st.caption("Select a row to read the release with what was extracted from it marked.")
    headings = aggregations.RELEASE_TABLE_COLUMNS
    event = st.dataframe(
        table.drop(columns="release_id"), hide_index=True, key="releases_table",
        on_select="rerun", selection_mode="single-row", column_config={
            **headings, "title": st.column_config.TextColumn(headings["title"], width="medium"),
            "event_date": st.column_config.DateColumn(headings["event_date"], format=DAY_FORMAT),
        },
    )
    rows = list(event.selection.rows) if event is not None else []
    picked = rows[0] if rows and rows[0] < len(table) else 0
    release = releases[releases["release_id"] == table["release_id"].iloc[picked]].iloc[0]
    title = evidence.as_text(release.get("title")) or "(release without a headline)"
    st.subheader(escape_markdown(title), anchor=False)
    if not rows:
        st.caption("Showing the newest matching release; select a row above to show another.")
    fields_column, text_column = st.columns([2, 3])
    fields_column.dataframe(evidence.release_fields(release, tax), hide_index=True,
                            key="release_fields", height=FIELDS_TABLE_HEIGHT,
                            column_config={"field": "Field", "value": "Extracted value"})
    text_column.markdown("Marked in the text: " + legend_markdown())
    with text_column.container(height=FIELDS_TABLE_HEIGHT - 40, border=True):
        st.markdown(paragraphs_markdown(evidence.release_paragraphs(release, tax)))


def show_downloads(data: PreparedCorpus, kept: pd.DataFrame, people_kept: pd.DataFrame,
                   filters: filtering.Filters) -> None:
    """Download buttons for the filtered releases and participants as CSV."""
    st.header("Download")
    st.caption("The filtered rows as CSV (UTF-8, opens in any spreadsheet; cells that could run "
               "as a formula start with a quote).")
    # The session keeps the files written for one corpus and filter state, so reruns that
    # change neither (a row picked, the period switched) do not write them again.
    written = st.session_state.pop("csv", None)
    if written is None or written[:2] != (data, filters):
        # Writing CSV costs about a second per 10,000 releases (their full text is included),
        # so large selections are written when asked for, not on every change of a filter.
        if len(kept) > EAGER_CSV_ROWS and not st.button(
            f"Prepare CSV files ({len(kept):,} releases)", key="prepare_csv"
        ):
            return
        written = (data, filters, to_csv_bytes(filtering.drop_prepared(kept)),
                   to_csv_bytes(filtering.drop_prepared(people_kept)))
    st.session_state["csv"] = written
    left, right = st.columns(2)
    left.download_button(f"Releases ({len(kept):,} rows)", data=written[2], mime="text/csv",
                         file_name="sco_releases.csv", key="download_releases", icon=DOWNLOAD_ICON)
    right.download_button(f"Participants ({len(people_kept):,} rows)", data=written[3],
                          mime="text/csv", file_name="sco_participants.csv",
                          key="download_participants", icon=DOWNLOAD_ICON)


# --- page --------------------------------------------------------------------------------
def main() -> None:
    st.set_page_config(page_title="SCO engagements", page_icon="🤝", layout="wide")
    st.title("SCO Secretariat engagements")
    # Filters go above the data source in the sidebar, but need the loaded corpus first.
    filter_area = st.sidebar.container()
    data_dir, uploads = data_source_widgets()
    folder = data_dir or str(BUNDLED_DATA)
    data = load(folder, uploads)
    releases, participants, report = data.releases, data.participants, data.report
    source = escape_markdown(data_dir or "the bundled sample (data/releases)")
    extra = f" and {len(uploads)} uploaded file(s)" if uploads else ""
    st.caption(
        f"Who the SCO Secretary-General and deputies met, when, where, how and about what, "
        f"from {len(releases):,} news release(s) in {source}{extra}."
    )
    explain_source(Path(folder), source, releases, report)
    if releases.empty:
        show_report(report)
        return

    seed_filters_from_url(data.options)
    filters = sidebar_filters(filter_area, data.options)
    mirror_to_url(filters)
    if filters == st.session_state.get("url_loaded"):
        for notice in st.session_state.get("url_notices", []):
            st.warning(escape_markdown(notice), icon="⚠️")

    kept, people_kept = filtering.apply_filters((releases, participants), filters)
    show_headline(kept, people_kept)
    if kept.empty:
        st.info("No releases match the current filters. "
                "Widen the date range or clear a filter in the sidebar.")
    show_charts(kept, people_kept, data.taxonomy)
    show_releases(kept, data.taxonomy)
    show_downloads(data, kept, people_kept, filters)
    show_report(report)


if __name__ == "__main__":  # run by Streamlit; imported by the tests for its functions
    main()
