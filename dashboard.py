"""SCO engagements dashboard: `streamlit run dashboard.py [-- --data DIR]`.

Thin by design: sidebar widgets -> sco_data.query (filter, aggregate) -> sco_data.charts
(figures) and sco_data.export (CSV) -> the page. The data source is, in order of precedence,
the folder typed in the sidebar, `--data DIR`, the SCO_DATA_DIR environment variable, or the
bundled sample in data/releases/ next to this file. Parsed files are cached where the library
puts them (SCO_DATA_CACHE_DIR, else the user cache folder). SCO_MAP_OUTLINES=0 draws the map without country outlines,
which the viewer's browser would otherwise fetch from the plotly CDN.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

import pandas as pd
import streamlit as st

import sco_data
from sco_data.corpus.discovery import DEFAULT_MAX_FILE_BYTES
from sco_data.explore import (
    aggregations,
    charts,
    evidence,
    filtering,
    people,
    periods,
    urlstate,
)
from sco_data.explore.export import to_csv_bytes
from sco_data.schema import ENGAGEMENT_LABELS, ENGAGEMENT_TYPES, REPORT_COLUMNS

BUNDLED_DATA = Path(__file__).resolve().parent / "data" / "releases"
UPLOAD_TYPES = ["txt", "htm", "html"]
TOP_N = 10
# Pixels: tall enough for every row of the extracted-fields table without scrolling.
FIELDS_TABLE_HEIGHT = 680
# Up to this many filtered releases the CSV downloads are written at once; above, on request.
EAGER_CSV_ROWS = 5_000

# Widget keys of the filters; urlstate.PARAM_NAMES gives the matching URL parameter names.
FILTER_KEYS = {
    "dates": "f_dates",
    "engagement_types": "f_types",
    "topics": "f_topics",
    "topic_mode": "f_topic_mode",
    "officials": "f_officials",
    "countries": "f_countries",
    "counterpart": "f_counterpart",
    "search": "f_search",
}


# ASCII punctuation that CommonMark, GitHub-flavoured markdown or Streamlit give a meaning:
# emphasis, code, links, headings, lists, tables, HTML, entities, LaTeX ($), directives and
# emoji shortcodes (:), strikethrough (~), e-mail autolinks (@). CommonMark lets any ASCII
# punctuation be backslash-escaped.
MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-.!|<>$~:&^=@")

# Streamlit background colour of each evidence label (colours available since Streamlit 1.40).
LABEL_COLOURS: dict[str, str] = {
    evidence.LABEL_DATE: "blue",
    evidence.LABEL_OFFICIAL: "violet",
    evidence.LABEL_COUNTERPART: "orange",
    evidence.LABEL_PLACE: "green",
    evidence.LABEL_TOPIC: "gray",
}


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


# --- data source -------------------------------------------------------------------------


def launch_data_dir() -> str:
    """The folder given by `-- --data DIR`, else SCO_DATA_DIR, else '' (the bundled sample)."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--data")
    known, _ = parser.parse_known_args(sys.argv[1:])
    return known.data or os.environ.get("SCO_DATA_DIR") or ""


def describe_source(data_dir: str) -> str:
    """How the caption names the folder: the bundled sample by name, others as given."""
    return "the bundled sample (data/releases)" if not data_dir else data_dir


@st.cache_data(show_spinner="Reading releases…", max_entries=4)
def load_frames(
    data_dir: str, uploads: tuple[tuple[str, bytes], ...]
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read the folder plus uploaded files: releases, participants, ingest report."""
    corpus = sco_data.load_corpus(
        Path(data_dir),
        extra_files=uploads,
        max_file_bytes=DEFAULT_MAX_FILE_BYTES,
    )
    return corpus.releases, corpus.participants, corpus.report


@st.cache_resource(show_spinner="Preparing the tables…", max_entries=4)
def load_prepared(
    data_dir: str, uploads: tuple[tuple[str, bytes], ...]
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The loaded frames with filtering.prepare()'s columns; shared read-only, never copied."""
    releases, participants, report = load_frames(data_dir, uploads)
    return filtering.prepare(releases), people.prepare_participants(participants), report


@st.cache_resource
def taxonomy() -> sco_data.Taxonomy:
    return sco_data.load_taxonomy()


@st.cache_resource(max_entries=4, show_spinner=False)
def filter_options(data_dir: str, uploads: tuple[tuple[str, bytes], ...]) -> filtering.FilterOptions:
    """What each sidebar filter offers for this corpus (computed once per corpus)."""
    return filtering.filter_options(load_prepared(data_dir, uploads)[0], taxonomy())


@st.cache_data(max_entries=8, show_spinner=False)
def csv_downloads(
    data_dir: str, uploads: tuple[tuple[str, bytes], ...], filters: filtering.Filters
) -> tuple[bytes, bytes]:
    """CSV of the filtered releases and participants, computed once per filter state."""
    kept, people = filtering.apply_filters(load_prepared(data_dir, uploads)[:2], filters)
    return to_csv_bytes(filtering.drop_prepared(kept)), to_csv_bytes(filtering.drop_prepared(people))


# --- filters <-> widgets <-> URL ----------------------------------------------------------


def seed_filters_from_url(options: filtering.FilterOptions) -> None:
    """On a session's first run, put the link's filters into the widgets' state."""
    if "url_loaded" in st.session_state:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    filters, notices = urlstate.filters_from_query_params(params, options)
    st.session_state["url_loaded"] = filters
    st.session_state["url_notices"] = notices
    state = st.session_state
    if options.date_min is not None:
        start = filters.date_from or options.date_min
        end = filters.date_to or options.date_max
        state[FILTER_KEYS["dates"]] = (start, end)
    for name in ("engagement_types", "topics", "officials", "countries"):
        state[FILTER_KEYS[name]] = list(getattr(filters, name))
    state[FILTER_KEYS["topic_mode"]] = filters.topic_mode
    state[FILTER_KEYS["counterpart"]] = filters.counterpart
    state[FILTER_KEYS["search"]] = filters.search


def keep_state_valid(options: filtering.FilterOptions) -> None:
    """Drop widget values the current corpus cannot offer (the data source may change)."""
    state = st.session_state
    for name in ("engagement_types", "topics", "officials", "countries"):
        key, allowed = FILTER_KEYS[name], set(getattr(options, name))
        state[key] = [v for v in state.get(key, []) if v in allowed]
    if state.get(FILTER_KEYS["topic_mode"]) not in filtering.TOPIC_MODES:
        state[FILTER_KEYS["topic_mode"]] = "any"
    for name in ("counterpart", "search"):
        state.setdefault(FILTER_KEYS[name], "")
    if options.date_min is not None:
        span = (options.date_min, options.date_max)
        dates = list(state.get(FILTER_KEYS["dates"]) or span)
        # An end left at the corpus's first or last day follows that day when the corpus
        # changes (a folder switched, a file uploaded), so no new release is cut off.
        old_min, old_max = state.get("date_span", span)
        if dates[0] == old_min:
            dates[0] = options.date_min
        if len(dates) > 1 and dates[1] == old_max:
            dates[1] = options.date_max
        low, high = date_bounds(options)
        state[FILTER_KEYS["dates"]] = tuple(min(max(day, low), high) for day in dates)
        state["date_span"] = span


def date_bounds(options: filtering.FilterOptions) -> tuple[dt.date, dt.date]:
    """The date widget's limits: the corpus span, widened to any date a link asked for."""
    loaded = st.session_state.get("url_loaded") or filtering.Filters()
    days = [d for d in (options.date_min, options.date_max, loaded.date_from, loaded.date_to) if d]
    return min(days), max(days)


def clear_filters(options: filtering.FilterOptions) -> None:
    """Button callback: every filter back to 'show everything'."""
    state = st.session_state
    for name in ("engagement_types", "topics", "officials", "countries"):
        state[FILTER_KEYS[name]] = []
    state[FILTER_KEYS["topic_mode"]] = "any"
    state[FILTER_KEYS["counterpart"]] = ""
    state[FILTER_KEYS["search"]] = ""
    if options.date_min is not None:
        state[FILTER_KEYS["dates"]] = (options.date_min, options.date_max)


def sidebar_filters(sb, options: filtering.FilterOptions) -> filtering.Filters:
    """Draw the filter widgets into the sidebar area `sb`; return what they say as Filters."""
    sb.header("Filters")
    date_from = date_to = None
    if options.date_min is not None:
        low, high = date_bounds(options)
        picked = tuple(
            sb.date_input(
                "Engagement date",
                min_value=low,
                max_value=high,
                key=FILTER_KEYS["dates"],
                help="Releases with no known date are shown only while the full span is selected.",
            )
        )
        # The full span means "no date filter", so undated releases stay in view.
        if picked and picked[0] != options.date_min:
            date_from = picked[0]
        if len(picked) > 1 and picked[1] != options.date_max:
            date_to = picked[1]
    else:
        sb.caption("No release in this corpus has a known date.")
    types = sb.multiselect(
        "Engagement type",
        options=list(ENGAGEMENT_TYPES),
        format_func=lambda value: ENGAGEMENT_LABELS.get(value, value),
        key=FILTER_KEYS["engagement_types"],
        placeholder="All types",
    )
    topics = sb.multiselect(
        "Topics",
        options=list(options.topics),
        format_func=lambda value: options.topic_labels.get(value, value),
        key=FILTER_KEYS["topics"],
        placeholder="All topics",
    )
    mode = sb.radio(
        "Releases with",
        options=list(filtering.TOPIC_MODES),
        format_func=lambda value: {"any": "any chosen topic", "all": "all chosen topics"}[value],
        key=FILTER_KEYS["topic_mode"],
        horizontal=True,
    )
    officials = sb.multiselect(
        "SCO official", options=list(options.officials), key=FILTER_KEYS["officials"],
        placeholder="All officials",
    )
    countries = sb.multiselect(
        "Counterpart country", options=list(options.countries), key=FILTER_KEYS["countries"],
        placeholder="All countries",
    )
    counterpart = sb.text_input(
        "Counterpart name contains", key=FILTER_KEYS["counterpart"], placeholder="e.g. Le Yucheng"
    )
    search = sb.text_input(
        "Search titles and texts",
        key=FILTER_KEYS["search"],
        placeholder="e.g. vaccine",
        help="Every word must appear; case is ignored.",
    )
    sb.button("Clear filters", key="clear_filters", on_click=clear_filters, args=(options,))
    return filtering.Filters(
        date_from=date_from,
        date_to=date_to,
        engagement_types=tuple(types),
        topics=tuple(topics),
        topic_mode=mode or "any",
        officials=tuple(officials),
        countries=tuple(countries),
        counterpart=counterpart or "",
        search=search or "",
    )


def mirror_to_url(chosen: filtering.Filters) -> None:
    """Write the filters into the page URL, so the view can be shared as a link."""
    wanted = {
        key: value if isinstance(value, list) else [value]
        for key, value in urlstate.filters_to_query_params(chosen).items()
    }
    current = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    if wanted != current:
        st.query_params.from_dict(urlstate.filters_to_query_params(chosen))


# --- sections ----------------------------------------------------------------------------


def data_source_widgets() -> tuple[str, tuple[tuple[str, bytes], ...]]:
    """The folder box and the upload field; returns the folder and the uploaded files."""
    sb = st.sidebar
    sb.header("Data")
    st.session_state.setdefault("data_dir", launch_data_dir())
    data_dir = sb.text_input(
        "Folder of releases",
        key="data_dir",
        placeholder="Bundled sample (data/releases)",
        help="A folder of .txt/.htm/.html releases on the machine running the dashboard. "
        "Leave empty for the bundled sample.",
    )
    files = sb.file_uploader(
        "Add release files",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key="uploads",
        help="Uploaded files join the folder's releases for this session only.",
    ) or []
    uploads = tuple((f.name, f.getvalue()) for f in files)
    sb.button(
        "Reload the folder",
        key="reload_data",
        on_click=forget_loaded_data,
        help="Read the folder again, for files added or changed since it was loaded.",
    )
    return (data_dir or "").strip(), uploads


def forget_loaded_data() -> None:
    """Button callback: drop every cached corpus so the next run reads the files again."""
    for cached in (load_frames, load_prepared, filter_options, csv_downloads):
        cached.clear()


def show_report(report: pd.DataFrame) -> None:
    """The ingest report: counts per status, then every file that was not simply read."""
    st.header("Ingest report")
    st.caption(
        "Every file handed in, and what became of it. Rejected files are not in any chart."
    )
    if report.empty:
        st.info("No files were handed in.")
        return
    counts = report["status"].value_counts()
    cols = st.columns(4)
    for col, (status, label) in zip(
        cols, [("ok", "Read"), ("warning", "With warnings"), ("rejected", "Rejected"),
               ("skipped", "Skipped")]
    ):
        col.metric(label, int(counts.get(status, 0)))
    order = {"rejected": 0, "warning": 1, "skipped": 2, "ok": 3}
    table = report[list(REPORT_COLUMNS)].sort_values(
        "status", key=lambda s: s.map(order).fillna(9), kind="stable"
    )
    st.dataframe(
        table,
        hide_index=True,
        key="report_table",
        column_config={"path": "File", "status": "Status", "reason": "Reason",
                       "release_id": "Release id"},
    )


def explain_empty_source(folder: Path, shown: str, report: pd.DataFrame) -> None:
    """Say in words why there is nothing to show (a missing folder is reported by main)."""
    if not folder.exists():
        return
    if folder.is_dir() and report.empty:
        st.warning(
            f"The folder {escape_markdown(shown)} holds no release files (.txt, .htm, .html). "
            "Add some, pick another folder, or upload files in the sidebar."
        )
    elif not report.empty and (report["status"] == "rejected").all():
        st.error("None of the files could be read as a release; the report below says why.")
    else:
        st.warning("No releases were found. Pick a folder or upload files in the sidebar.")


def show_headline(releases: pd.DataFrame, participants: pd.DataFrame) -> None:
    figures = aggregations.headline_figures(releases, participants)
    cols = st.columns([1, 1, 1, 2])
    cols[0].metric("Engagements", f"{figures.engagements:,}", help="Releases that match.")
    cols[1].metric("Counterparts", f"{figures.counterparts:,}", help="Distinct people met.")
    cols[2].metric("Countries", f"{figures.countries:,}", help="Countries of the counterparts.")
    if figures.first_date is None:
        span = "no dates"
    elif figures.first_date == figures.last_date:
        span = figures.first_date.strftime("%d %b %Y")
    else:
        span = f"{figures.first_date:%b %Y} – {figures.last_date:%b %Y}"
    undated = f" {figures.undated} release(s) have no known date." if figures.undated else ""
    cols[3].metric("Date span", span, help="First and last engagement date." + undated)


def show_charts(releases: pd.DataFrame, participants: pd.DataFrame, tax) -> None:
    st.header("Engagements over time")
    period = st.radio(
        "Group by",
        options=list(periods.PERIODS),
        format_func=periods.PERIOD_LABELS.get,
        index=periods.PERIODS.index("quarter"),
        horizontal=True,
        key="period",
    )
    st.caption("How many engagements the releases report per period, split by how they took place.")
    st.plotly_chart(
        charts.engagements_over_time_figure(aggregations.engagements_over_time(releases, period), period),
        key="chart_engagements",
    )

    st.header("Topics")
    left, right = st.columns(2)
    with left:
        st.caption("Releases that discuss each topic; hover for the number of mentions.")
        st.plotly_chart(
            charts.topic_frequencies_figure(aggregations.topic_frequencies(releases, tax)),
            key="chart_topics",
        )
    with right:
        st.caption(f"Releases per topic and {period}: darker cells, more releases.")
        st.plotly_chart(
            charts.topics_over_time_figure(aggregations.topics_over_time(releases, period, tax), period),
            key="chart_topics_time",
        )

    st.header("People and places")
    left, right = st.columns(2)
    with left:
        st.caption(f"The {TOP_N} counterparts met most often (by number of releases).")
        st.plotly_chart(
            charts.top_counterparts_figure(people.top_counterparts(participants, TOP_N)),
            key="chart_counterparts",
        )
    with right:
        st.caption("Countries the counterparts represent, by number of engagements.")
        st.plotly_chart(
            charts.top_countries_figure(people.top_countries(participants, TOP_N)),
            key="chart_countries",
        )
    places = aggregations.place_counts(releases)
    left, right = st.columns([2, 1])
    with left:
        st.caption("Where engagements took place; larger points, more engagements.")
        outlines = os.environ.get("SCO_MAP_OUTLINES", "1") != "0"
        st.plotly_chart(charts.engagement_map_figure(places, outlines), key="chart_map")
    with right:
        st.caption("The same places as a table.")
        if places.empty:
            st.info("No engagement with a known place matches the filters.")
        else:
            st.dataframe(
                places[["place", "engagements"]],
                hide_index=True,
                key="places_table",
                column_config={"place": "Place", "engagements": "Engagements"},
            )

    st.subheader("Participants")
    st.caption(
        "Everyone named in the matching releases, one row per person. Click a header to sort."
    )
    table = people.participants_table(participants)
    if table.empty:
        st.info("No participants in the releases that match.")
    else:
        table["role"] = table["role"].map({"sco": "SCO", "counterpart": "Counterpart"})
        st.dataframe(
            table,
            hide_index=True,
            key="participants_table",
            column_config={
                "name": "Name",
                "title": st.column_config.TextColumn("Latest title", width="medium"),
                "country": "Country",
                "role": "Side",
                "engagements": st.column_config.NumberColumn("Engagements"),
                "first": st.column_config.DateColumn("First", format="YYYY-MM-DD"),
                "last": st.column_config.DateColumn("Last", format="YYYY-MM-DD"),
            },
        )


def show_releases(releases: pd.DataFrame, tax) -> None:
    st.header("Releases")
    table = aggregations.releases_table(releases, tax)
    if table.empty:
        st.info("No releases match the current filters.")
        return
    st.caption("Select a row to read the release with what was extracted from it marked.")
    event = st.dataframe(
        table.drop(columns="release_id"),
        hide_index=True,
        key="releases_table",
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "event_date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
            "engagement": "Type",
            "sco_official": "SCO official",
            "counterparts": "Counterparts",
            "counterpart_countries": "Counterpart countries",
            "location_city": "City",
            "location_country": "Country of the place",
            "topics": "Topics",
            "title": st.column_config.TextColumn("Title", width="medium"),
        },
    )
    rows = list(event.selection.rows) if event is not None else []
    picked = rows[0] if rows and rows[0] < len(table) else 0
    release_id = table["release_id"].iloc[picked]
    release = releases[releases["release_id"] == release_id].iloc[0]
    show_release(release, tax, chosen=bool(rows))


def show_release(release: pd.Series, tax, chosen: bool) -> None:
    """Every extracted field, then the text with the extracted values marked in place."""
    title = evidence.as_text(release.get("title")) or "(release without a headline)"
    st.subheader(escape_markdown(title), anchor=False)
    if not chosen:
        st.caption("Showing the newest matching release; select a row above to show another.")
    fields, text = st.columns([2, 3])
    with fields:
        st.dataframe(
            evidence.release_fields(release, tax),
            hide_index=True,
            key="release_fields",
            height=FIELDS_TABLE_HEIGHT,
            column_config={"field": "Field", "value": "Extracted value"},
        )
    with text:
        st.markdown("Marked in the text: " + legend_markdown())
        with st.container(height=FIELDS_TABLE_HEIGHT - 40, border=True):
            st.markdown(paragraphs_markdown(evidence.release_paragraphs(release, tax)))


def show_downloads(folder: str, uploads, filters: filtering.Filters, counts: tuple[int, int]) -> None:
    """Download buttons for the filtered releases and participants as CSV."""
    st.header("Download")
    st.caption(
        "The filtered rows as CSV (UTF-8, opens in any spreadsheet; cells that could run as a "
        "formula start with a quote)."
    )
    n_releases, n_people = counts
    # Writing CSV costs about a second per 10,000 releases (their full text is included), so
    # large selections are written when asked for, not on every change of a filter.
    ready = n_releases <= EAGER_CSV_ROWS or st.session_state.get("csv_for") == filters
    if not ready:
        if not st.button(f"Prepare CSV files ({n_releases:,} releases)", key="prepare_csv"):
            return
        st.session_state["csv_for"] = filters
    releases_csv, participants_csv = csv_downloads(folder, uploads, filters)
    left, right = st.columns(2)
    left.download_button(
        f"Releases ({n_releases:,} rows)",
        data=releases_csv,
        file_name="sco_releases.csv",
        mime="text/csv",
        key="download_releases",
        icon=":material/download:",
    )
    right.download_button(
        f"Participants ({n_people:,} rows)",
        data=participants_csv,
        file_name="sco_participants.csv",
        mime="text/csv",
        key="download_participants",
        icon=":material/download:",
    )


# --- page --------------------------------------------------------------------------------


def main() -> None:
    st.set_page_config(page_title="SCO engagements", page_icon="🤝", layout="wide")
    st.title("SCO Secretariat engagements")
    # Filters go above the data source in the sidebar, but need the loaded corpus first.
    filter_area = st.sidebar.container()
    data_dir, uploads = data_source_widgets()
    folder = data_dir or str(BUNDLED_DATA)
    releases, participants, report = load_prepared(folder, uploads)
    source = describe_source(data_dir)
    extra = f" and {len(uploads)} uploaded file(s)" if uploads else ""
    st.caption(
        f"Who the SCO Secretary-General and deputies met, when, where, how and about what, "
        f"from {len(releases):,} news release(s) in {escape_markdown(source)}{extra}."
    )
    if not Path(folder).exists():
        st.error(
            f"The folder {escape_markdown(source)} does not exist. "
            "Type another folder in the sidebar, or upload files."
        )
    if releases.empty:
        explain_empty_source(Path(folder), source, report)
        show_report(report)
        return

    tax = taxonomy()
    options = filter_options(folder, uploads)
    seed_filters_from_url(options)
    keep_state_valid(options)
    filters = sidebar_filters(filter_area, options)
    mirror_to_url(filters)
    if filters == st.session_state.get("url_loaded"):
        for notice in st.session_state.get("url_notices", []):
            st.warning(escape_markdown(notice), icon="⚠️")

    kept, people = filtering.apply_filters((releases, participants), filters)
    show_headline(kept, people)
    if kept.empty:
        st.info(
            "No releases match the current filters. Widen the date range or clear a filter "
            "in the sidebar."
        )
    show_charts(kept, people, tax)
    show_releases(kept, tax)
    show_downloads(folder, uploads, filters, (len(kept), len(people)))
    show_report(report)


if __name__ == "__main__":  # run by Streamlit; imported by the tests for its functions
    main()
