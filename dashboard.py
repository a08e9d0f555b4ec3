"""SCO engagements dashboard: `streamlit run dashboard.py [-- --data DIR]`; docs/dashboard.md.

A wiring diagram: widgets (filters declared in sco_data.explore.fields, the rest in viewstate)
<-> session state <-> URL; one cached, prepared corpus -> sco_data.explore -> the page.
"""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import sco_data
from sco_data.corpus import roots
from sco_data.explore import (aggregations, charts, correcting, drilldown, evidence, export, fetching, fields,
                              filtering, maps, paging, people, profiles, sessions, urlstate, viewstate, wording)
from sco_data.explore.markup import escape_markdown, visible, visible_column
from sco_data.explore.periods import PERIOD_LABELS, PERIODS
from sco_data.explore.prepared import PreparedCorpus, configure_page_process, prepare_corpus
from sco_data.explore.wording import CAPTIONS, plural
from sco_data.schema import CORRECTABLE_FIELDS

BUNDLED_DATA = Path(__file__).resolve().parent / "data" / "releases"
UPLOAD_TYPES = ["txt", "htm", "html"]
TOP_N = 10
WRAPPED_ROW_HEIGHT = 72  # pixels: Streamlit wraps a cell's text from about 70 on (three lines)
TEXT_WIDTHS = {"title": "large", "title_then": "large", "value": "large", "engagement": "small"}  # else medium
TEXT_HEIGHT = 480  # pixels: the release text scrolls inside a box of this height
EAGER_CSV_ROWS = 5_000  # up to this many releases the CSV files are written at once
DOWNLOAD_ICON = ":material/download:"
# Streamlit colour of each kind of evidence mark (the theme in .streamlit/config.toml sets
# their backgrounds dark enough to see).
KIND_COLOURS = {evidence.KIND_DATE: "blue", evidence.KIND_OFFICIAL: "violet", evidence.KIND_COUNTERPART: "orange",
                evidence.KIND_PLACE: "green", evidence.KIND_TOPIC: "red", evidence.KIND_OCCASION: "gray"}
# The Streamlit widget that draws each kind of filter field.
WIDGETS = {fields.DATE_RANGE: "date_input", fields.CHOICES: "multiselect", fields.MODE: "radio",
           fields.TEXT: "text_input"}
PERIOD_RADIO = {"label": "Group by", "options": PERIODS, "format_func": PERIOD_LABELS.get,
                "horizontal": True, "key": "period"}
# Widgets whose value must outlive a run that does not draw them (another view, no corpus).
KEPT_KEYS = [*(field.key for field in fields.FILTER_FIELDS), "period", "profile", "view"]


def marked(text: str, kind: str | None, tag: str | None = None) -> str:
    """Escaped text, on its evidence kind's background, followed by its tag as a badge."""
    escaped = escape_markdown(text)
    if kind is None:
        return escaped
    badge = f":{KIND_COLOURS[kind]}-badge[{escape_markdown(tag)}]" if tag else ""
    return f":{KIND_COLOURS[kind]}-background[{escaped}]{badge}"


def paragraphs_markdown(paragraphs: list[list[evidence.Segment]]) -> str:
    """Safe markdown of evidence paragraphs: literal text, extracted values marked and tagged."""
    return "\n\n".join("".join(marked(*piece) for piece in p) for p in paragraphs)


@st.cache_resource(show_spinner="Reading releases…", max_entries=4)
def load(folder: str) -> PreparedCorpus:
    """The folder's releases, prepared once and shared read-only by every session (a visitor's
    uploads join them in that visitor's session only: explore.sessions)."""
    return prepare_corpus(sco_data.load_corpus(Path(folder)))


def reload_folder(folder: str) -> None:
    """The reload button's callback: the folder read again (the cache parses what changed),
    at most once every sessions.RELOAD_INTERVAL_S seconds whoever asks."""
    if sessions.RELOADS.allow(folder):
        return load.clear(folder)
    st.toast(CAPTIONS["reload_wait"])


def session_data(data: PreparedCorpus, files: list) -> tuple[PreparedCorpus, int]:
    """The folder's shared corpus joined to this session's uploads, how many were read; unread ones let go."""
    with st.spinner("Reading your uploaded files…"):
        shown = sessions.with_session_uploads(st.session_state, data, files)
    for file in shown.refused if st.runtime.exists() else ():
        st.runtime.get_instance().uploaded_file_mgr.remove_file(get_script_run_ctx().session_id, file.file_id)
    return shown.data, shown.read


def data_source_widgets(access: roots.FolderAccess, start: str, read_only: bool) -> tuple[str, list]:
    """The folder box (none when locked), the upload field, the reload button (none when locked or
    read-only); returns the folder to read ('' for the one started with) and the uploaded files."""
    sb = st.sidebar
    sb.header("Data")
    folder = ""
    if access.offers_folder_box:
        sb.text_input("Folder of releases", key="data_dir", placeholder=start or "Bundled sample",
                      help=CAPTIONS["data_dir"])
        folder, refused = viewstate.readable_folder(access, st.session_state.get("data_dir", ""), start)
        if refused:
            sb.error(escape_markdown(refused) + " " + CAPTIONS["folder_refused"], icon="🚫")
    files = sb.file_uploader("Add release files", type=UPLOAD_TYPES, accept_multiple_files=True,
                             key="uploads", help=CAPTIONS["uploads"]) or []
    if not (access.locked or read_only):
        sb.button("Reload the folder", key="reload_data", on_click=reload_folder, args=(folder or str(access.start),),
                  help=CAPTIONS["reload_data"])
    return folder, files


def fetch_widgets(folder: Path, offered: bool) -> None:
    """When the folder was last fetched; where the page may write it, a button that fetches new
    releases into it (sco_data.fetch, as `sco-data fetch` does) with a progress bar, then reads it again."""
    sb = st.sidebar
    if when := fetching.last_fetched(folder):
        sb.caption(when)
    if offered and sb.button("Fetch new releases", key="fetch_new", help=CAPTIONS["fetch_new"]):
        bar = sb.progress(0.0, text="Finding releases")
        st.session_state["fetched"] = fetching.fetch_new(folder, lambda share, text: bar.progress(share, text=text))
        load.clear()
        st.rerun()
    if outcome := st.session_state.pop("fetched", None):
        sb.info(escape_markdown(outcome))


def seed_from_url(data: PreparedCorpus) -> None:
    """On a session's first run with a corpus, put the link's filters and view into the state."""
    if "url_loaded" in st.session_state:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    filters, notices = urlstate.filters_from_query_params(params, data.options)
    view, more = viewstate.view_from_query_params(params)
    view, checked = viewstate.checked(view, set(data.releases["release_id"]), data.profiles)
    st.session_state.update(url_loaded=filters, url_notices=notices + more + checked,
                            view=view.view, period=view.period, profile=view.profile or None,
                            release=view.release, **fields.widget_values(filters, data.options))


def sidebar_filters(sb, options: filtering.FilterOptions) -> filtering.Filters:
    """Draw one widget per filter field into the sidebar area `sb`; return what they say."""
    asked = st.session_state.get("url_loaded") or filtering.Filters()
    st.session_state.update(fields.valid_widget_values(st.session_state, options, asked))
    sb.header("Filters")
    for field in fields.FILTER_FIELDS:
        if field.kind == fields.DATE_RANGE and options.date_min is None:
            sb.caption("No release in this corpus has a known date.")
        else:
            getattr(sb, WIDGETS[field.kind])(field.label, **fields.widget_arguments(field, options, asked))
    sb.button("Clear filters", key="clear_filters", on_click=st.session_state.update,
              args=(fields.widget_values(filtering.Filters(), options),))  # every filter: show everything
    return fields.filters_from_widgets(st.session_state, options)


def mirror_to_url(chosen: filtering.Filters, start: str) -> None:
    """Write the filters and the view into the page URL, so the view can be shared as a link."""
    view = viewstate.state_of(st.session_state, start)
    wanted = {**urlstate.filters_to_query_params(chosen), **viewstate.view_to_query_params(view)}
    if {k: v if isinstance(v, list) else [v] for k, v in wanted.items()} != {
            key: st.query_params.get_all(key) for key in st.query_params}:
        st.query_params.from_dict(wanted)


def drill(key: str, options: filtering.FilterOptions) -> None:
    """A chart's selection callback: filter the page to the clicked points."""
    event = st.session_state.get(key)
    st.session_state.update(drilldown.widget_updates(event.selection.points if event else [],
                                                     st.session_state, options))
    st.session_state["drill"] = st.session_state.get("drill", 0) + 1  # fresh charts, no selection


def chart(area, figure, name: str, options: filtering.FilterOptions, config: dict | None = None) -> None:
    """A figure whose bars, cells, countries and points filter the page when clicked."""
    if name in CAPTIONS:
        area.caption(CAPTIONS[name])
    key = f"chart_{name}_{st.session_state.get('drill', 0)}"
    area.plotly_chart(figure, key=key, on_select=partial(drill, key, options), selection_mode="points",
                      config=config)


def table(area, frame: pd.DataFrame, headings: dict[str, str], key: str, wrap: bool = False, paged: str = "",
          pick: list[str] | None = None, **kwargs):
    """A table: readable headings, dates as days; `wrap`s long text; `paged`; `pick`: its rows' release ids."""
    frame, first = paging.on_page(frame, paged, lambda box: area.number_input(**box, key=f"{key}_page"))
    key = paging.widget_key(key, first)
    kwargs |= {"selection_mode": "single-row", "on_select": partial(pick_release, key, pick, first)} if pick else {}
    dated = {c for c in headings if pd.api.types.is_datetime64_any_dtype(frame[c])}
    shown = frame[list(headings)].apply(lambda c: c.dt.date if c.name in dated else visible_column(c))
    config = {c: st.column_config.TextColumn(h, width=TEXT_WIDTHS.get(c, "medium")) if wrap and c not in dated
              and not pd.api.types.is_numeric_dtype(frame[c]) else h for c, h in headings.items()}
    return area.dataframe(shown, hide_index=True, key=key, column_config=config,
                          row_height=WRAPPED_ROW_HEIGHT if wrap else None, **kwargs)


def pick_release(key: str, ids: list[str], first: int) -> None:
    """A table's selection callback: show the selected row's release (the page starts at `first`)."""
    rows = [first + row for row in st.session_state[key].selection.rows]
    st.session_state["release"] = ids[rows[0]] if rows and rows[0] < len(ids) else ""


def show_report(data: PreparedCorpus) -> None:
    """The ingest report: counts per status, then every file, what needs attention first."""
    st.header("Ingest report")
    st.caption(CAPTIONS["report"])
    if data.report.empty:
        return st.info("No files were handed in.")
    counts = aggregations.report_counts(data.report)
    for column, (label, count) in zip(st.columns(len(counts)), counts.items()):
        column.metric(label, count)
    table(st, data.report_rows, aggregations.REPORT_HEADINGS, "report_table", paged="file")


def ranked(frame: pd.DataFrame, figure, name: str, options, headings: dict[str, str]) -> None:
    """A ranked chart when the values rank something, else the same rows as a table."""
    if frame.empty or people.ranks_something(frame["engagements"]):  # empty: the figure says so
        chart(st, figure, name, options)
    else:
        st.caption(wording.listed_not_ranked(figure.layout.title.text))
        table(st, frame, headings, f"{name}_table")


def show_overview(data: PreparedCorpus, kept: pd.DataFrame, people_kept: pd.DataFrame,
                  filters: filtering.Filters) -> None:
    """Charts, people and places, the releases with their evidence, downloads and the report."""
    options, tax = data.options, data.taxonomy
    st.header("Engagements over time")
    period = st.radio(**PERIOD_RADIO)
    chart(st, charts.engagements_over_time_figure(aggregations.engagements_over_time(kept, period), period),
          "engagements", options)
    st.header("Topics")
    frequencies = aggregations.topic_frequencies(kept, tax)
    chart(st, charts.topic_frequencies_figure(frequencies), "topics", options)
    topics = aggregations.topics_over_time(kept, period, tax)
    chart(st, charts.topics_over_time_figure(topics, period, frequencies["topic"]), "topics_time", options)
    st.header("Who was met, and where")
    top = people.top_counterparts(people_kept, TOP_N)
    ranked(top, charts.top_counterparts_figure(top), "counterparts", options,
           {k: people.PEOPLE_COLUMNS[k] for k in ("name", "affiliation", "engagements")})
    for kind, counts in (("countries", people.top_countries(people_kept, TOP_N)),
                         ("organisations", people.top_organisations(people_kept, TOP_N))):
        ranked(counts, charts.affiliations_figure(counts, kind), kind, options, people.AFFILIATION_COLUMNS)
    places = aggregations.place_counts(kept)
    st.caption(CAPTIONS["places_table"])
    table(st, places, {"place": "Place", "engagements": "Engagements"}, "places_table")
    states = people.affiliation_counts(people_kept, "state")
    chart(st, maps.engagement_map_figure(places, states), "map", options, maps.MAP_CONFIG)
    st.subheader("Participants")
    st.caption(CAPTIONS["participants"])
    participants = people.participants_table(people_kept).replace({"role": people.ROLE_LABELS})
    table(st, participants, people.PEOPLE_COLUMNS, "participants_table", wrap=True, paged="participant")
    st.header("Releases")
    listed = aggregations.releases_table(kept, tax)
    if not listed.empty:
        st.caption(CAPTIONS["releases"])
        table(st, listed, aggregations.RELEASE_TABLE_COLUMNS, key="releases_table", wrap=True, paged="release",
              pick=list(listed["release_id"]))
        show_release(data, kept)
    show_downloads(data, kept, people_kept, filters)
    show_report(data)


def show_release(data: PreparedCorpus, shown: pd.DataFrame) -> None:
    """The selected release (else the newest shown) with what was extracted marked in place."""
    release, how = evidence.release_to_show(data.releases, shown, st.session_state.get("release"))
    title = evidence.title_segments(release, data.taxonomy)
    st.subheader(paragraphs_markdown([title]) if title else "(release without a headline)", anchor=False)
    if how != evidence.SHOWN_PICKED:
        st.caption(CAPTIONS[how])
    st.markdown("Marked in the text and the headline: "
                + " ".join(marked(name, kind) for kind, name in evidence.LEGEND))
    with st.container(height=TEXT_HEIGHT, border=True):
        st.markdown(paragraphs_markdown(evidence.release_paragraphs(release, data.taxonomy)))
    lines, count = evidence.foreign_lines(release), int(release.get("foreign_line_count") or 0)
    if lines or count:
        st.caption(wording.foreign_lines_note(len(lines) or count, kept=bool(lines)))
    if lines:
        st.text(visible("\n".join(lines)))
    extracted = evidence.release_fields(release, data.taxonomy)  # every row in sight, none scrolled
    table(st, extracted, {"field": "Field", "value": "Value"}, "release_fields", wrap=True,
          height=(len(extracted) + 1) * WRAPPED_ROW_HEIGHT)
    show_corrections(data, release["release_id"])


def show_corrections(data: PreparedCorpus, release_id: str) -> None:
    """The release's corrections beside what was extracted, and a box to add or take one back."""
    uploaded = {upload.name for upload in st.session_state.get("uploads") or []}
    path, why_not = correcting.target_for(st.session_state["corrections_target"], release_id, data.report, uploaded)
    standing = correcting.side_by_side(data.corrections, release_id)
    if not standing.empty:
        st.caption(CAPTIONS["corrections"])
        table(st, standing, correcting.SIDE_BY_SIDE_COLUMNS, "corrections_table", wrap=True)
    if path is None:
        return st.caption(escape_markdown(wording.no_editing(why_not)))
    with st.expander("Correct this release", expanded=bool(st.session_state.get("fix_error"))):
        field = st.selectbox("Field", CORRECTABLE_FIELDS, format_func=correcting.FIELD_LABELS.get, key="fix_field")
        st.text_input("Corrected value", key="fix_value", placeholder=correcting.VALUE_HINTS[field],
                      help=correcting.VALUE_HINTS[field])
        st.text_input("Note", key="fix_note", placeholder="why, or where the right value comes from")
        if error := st.session_state.get("fix_error"):
            st.error(escape_markdown(error))
        save, undo = st.columns(2)
        save.button("Save the correction", key="fix_save", on_click=correct, args=(path, release_id, data.taxonomy))
        if field in correcting.corrected_fields(data.corrections, release_id):
            undo.button(f"Undo the corrections of {correcting.FIELD_LABELS[field].lower()}", key="fix_undo",
                        on_click=correct, args=(path, release_id, data.taxonomy, True))


def correct(path: Path, release_id: str, taxonomy, undo: bool = False) -> None:
    """A correction button's callback: write the row (or the undo), then read the folder again."""
    error = correcting.save_from_form(path, release_id, st.session_state, taxonomy, undo)
    st.session_state.update(fix_error=error or "", **({} if error else {"fix_value": "", "fix_note": ""}))
    if error is None:
        load.clear()


def show_downloads(data: PreparedCorpus, kept: pd.DataFrame, people_kept: pd.DataFrame,
                   filters: filtering.Filters) -> None:
    """Download buttons for the filtered releases and participants as CSV."""
    st.header("Download")
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


def show_profile(data: PreparedCorpus, kept: pd.DataFrame, people_kept: pd.DataFrame, _: filtering.Filters) -> None:
    """One country, organisation or person: engagements over time, by type and topic, and a
    timeline whose rows open their release."""
    profile = st.selectbox("Profile of", options=list(data.profiles), format_func=data.profiles.get,
                           index=None, key="profile", placeholder="Choose a country, organisation or person")
    if profile is None:
        return st.info(CAPTIONS["no_profile"])
    mine = profiles.profile_releases(kept, people_kept, profile)
    st.caption(wording.profile_caption(len(mine), escape_markdown(data.profiles[profile])))
    period = st.radio(**PERIOD_RADIO)
    chart(st, charts.engagements_over_time_figure(aggregations.engagements_over_time(mine, period), period),
          "profile_engagements", data.options)
    left, right = st.columns(2)
    chart(left, charts.type_counts_figure(profiles.type_counts(mine)), "profile_types", data.options)
    chart(right, charts.topic_frequencies_figure(aggregations.topic_frequencies(mine, data.taxonomy)),
          "profile_topics", data.options)
    st.subheader("Timeline")
    st.caption(CAPTIONS["timeline"])
    timeline = profiles.profile_timeline(mine, people_kept, profile, data.taxonomy)
    table(st, timeline, profiles.TIMELINE_COLUMNS, key="profile_timeline", wrap=True, pick=list(timeline["release_id"]))
    if not mine.empty:
        show_release(data, mine)


def show_officials(data: PreparedCorpus, kept: pd.DataFrame, people_kept: pd.DataFrame,
                   filters: filtering.Filters) -> None:
    """The Secretaries-General side by side over their terms."""
    end = data.options.date_max
    chart(st, charts.months_of_term_figure(profiles.months_of_term(kept, end)), "officials", data.options)
    summary = profiles.officials_summary(kept, people_kept, data.taxonomy, within=(filters.date_from, filters.date_to),
                                         corpus_end=end)
    for column, name in zip(st.columns(max(len(summary.columns) - 1, 1)), summary.columns[1:]):
        column.markdown(f"**{escape_markdown(name)}**\n\n" + "\n\n".join(
            escape_markdown(f"{label}: {value}") for label, value in zip(summary[""], summary[name])))


def main() -> None:
    configure_page_process()
    st.set_page_config(page_title="SCO engagements", page_icon="🤝", layout="wide")
    st.title("SCO Secretariat engagements")
    for key in [k for k in KEPT_KEYS if k in st.session_state]:
        st.session_state[key] = st.session_state[key]  # keep a value its widget is not drawn for
    launch = viewstate.launch_options(sys.argv[1:], os.environ)
    start, access = launch.data, roots.folder_access(launch.data, BUNDLED_DATA, lock=launch.lock)
    if "data_dir" not in st.session_state:  # a link's folder, else the one started with
        st.session_state["data_dir"] = (st.query_params.get_all("folder") or [start])[-1]
    filter_area = st.sidebar.container()  # filters above the data source, drawn once loaded
    folder, files = data_source_widgets(access, start, launch.read_only)
    shown = Path(folder or access.start)
    fetch_widgets(shown, fetching.fetch_offered(shown, BUNDLED_DATA, launch.read_only, access.locked))
    data, uploads_read = session_data(load(folder or str(access.start)), files)
    st.session_state["corrections_target"] = correcting.corrections_target(
        Path(folder or access.start), BUNDLED_DATA, launch.read_only)
    releases, report = data.releases, data.report
    source = escape_markdown(folder or start or "the bundled sample (data/releases)")
    st.caption(wording.source_caption(len(releases), source, uploads_read))
    for notice in data.notices:
        st.warning(escape_markdown(notice), icon="⚠️")
    if problem := aggregations.source_problem(Path(folder or access.start), source, releases, report):
        getattr(st, problem[0])(problem[1])
    if releases.empty:
        return show_report(data)
    seed_from_url(data)
    filters = sidebar_filters(filter_area, data.options)
    view = st.radio("View", options=list(viewstate.VIEWS), format_func=viewstate.VIEWS.get,
                    horizontal=True, key="view", label_visibility="collapsed")
    mirror_to_url(filters, start)
    if filters == st.session_state.get("url_loaded"):
        for notice in st.session_state.get("url_notices", []):
            st.warning(escape_markdown(notice), icon="⚠️")
    kept, people_kept = filtering.apply_filters((releases, data.participants), filters, filtering.ONE_RELEASE_COLUMNS)
    figures = aggregations.headline_figures(kept, people_kept)
    for column, (label, value, note) in zip(st.columns(4), aggregations.headline_metrics(figures)):
        column.metric(label, value, help=note)
    st.caption(f"**{aggregations.dates_sentence(figures)}** {CAPTIONS['headline']}")
    if kept.empty:
        st.info(CAPTIONS["no_match"])
    {"overview": show_overview, "profile": show_profile, "officials": show_officials}[view](
        data, kept, people_kept, filters)


if __name__ == "__main__":  # run by Streamlit; imported by the tests for its functions
    main()
