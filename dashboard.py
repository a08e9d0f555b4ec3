"""SCO engagements dashboard: `streamlit run dashboard.py [-- --data DIR]`; docs/dashboard.md.

A wiring diagram: widgets (filters declared in sco_data.explore.fields, the rest in viewstate)
<-> session state <-> URL; one cached, prepared corpus -> the filters -> the chosen view, drawn by
its module of sco_page (the overview draws only its open section).
"""

from __future__ import annotations

import dataclasses
import inspect
import os
import sys
from functools import partial
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import sco_data
from sco_data.corpus import roots
from sco_data.explore import aggregations, correcting, fetching, fields, filtering, sessions, urlstate, viewstate, wording
from sco_data.explore.dating import UNDATED_BY_RANGE, UNDATED_ONLY
from sco_data.explore.markup import escape_markdown
from sco_data.explore.prepared import PreparedCorpus, configure_page_process, prepare_corpus
from sco_data.explore.wording import CAPTIONS
from sco_page import overview, review, views
from sco_page.widgets import Shown

BUNDLED_DATA = Path(__file__).resolve().parent / "data" / "releases"
UPLOAD_TYPES = ["txt", "htm", "html"]
# The Streamlit widget that draws each kind of filter field.
WIDGETS = {fields.DATE_RANGE: "date_input", fields.CHOICES: "multiselect", fields.MODE: "radio",
           fields.TEXT: "text_input"}
# A typed name selects only what was picked: no "Select all matches" entry, where Streamlit has
# one (1.63 on; before it, typing and Enter pick the highlighted option alone).
PICK_ONLY = {"select_all": False} if "select_all" in inspect.signature(st.multiselect).parameters else {}
# Each view's page (viewstate.VIEWS names them); a new view plugs in here and in VIEWS.
VIEW_PAGES = {"overview": overview.show, "profile": views.show_profile, "officials": views.show_officials,
              "compare": views.show_compare, "network": views.show_network, "review": review.show}
# Widgets whose value must outlive a run that does not draw them (another view or section, no corpus).
KEPT_KEYS = [*(field.key for field in fields.FILTER_FIELDS), "period", "profile", "view", "section",
             "period_a", "period_b"]


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


def fetch_widgets(folder: Path, offered: bool, read_from: str) -> None:
    """When the folder was last fetched; where the page may write it, a button that fetches new
    releases into it (sco_data.fetch, as `sco-data fetch` does) with a progress bar, then reads it
    again (`read_from`: the folder's key in the shared cache; other folders stay cached)."""
    sb = st.sidebar
    if when := fetching.last_fetched(folder):
        sb.caption(when)
    if offered and sb.button("Fetch new releases", key="fetch_new", help=CAPTIONS["fetch_new"]):
        bar = sb.progress(0.0, text="Finding releases")
        st.session_state["fetched"] = fetching.fetch_new(folder, lambda share, text: bar.progress(share, text=text))
        load.clear(read_from)
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
    spans = {name: viewstate.parse_span(getattr(view, name)) for name in ("period_a", "period_b")}
    st.session_state.update(url_loaded=filters, url_notices=notices + more + checked,
                            view=view.view, period=view.period, profile=view.profile or None,
                            section=viewstate.SECTIONS[view.section], release=view.release, review=view.review,
                            **{name: span for name, span in spans.items() if span},
                            **fields.widget_values(filters, data.options))


def sidebar_filters(sb, options: filtering.FilterOptions) -> filtering.Filters:
    """Draw one widget per filter field into the sidebar area `sb`; return what they say."""
    asked = st.session_state.get("url_loaded") or filtering.Filters()
    st.session_state.update(fields.valid_widget_values(st.session_state, options, asked))
    sb.header("Filters")
    for field in fields.FILTER_FIELDS:
        if field.kind == fields.DATE_RANGE and options.date_min is None:
            sb.caption("No release in this corpus has a known date.")
        elif field.name != "undated" or options.undated:  # nothing to choose without undated releases
            extra = PICK_ONLY if field.kind == fields.CHOICES else {}
            getattr(sb, WIDGETS[field.kind])(field.label, **fields.widget_arguments(field, options, asked), **extra)
        if field.name == "undated" and options.undated:
            sb.caption(wording.undated_in_corpus(options.undated))
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


def headline(shown: Shown) -> None:
    """The figures for the filtered set, the dates they span and what the dates leave out."""
    figures = shown.cached(("headline",), lambda: aggregations.headline_figures(shown.kept, shown.people))
    for column, (label, value, note) in zip(st.columns(4), aggregations.headline_metrics(figures)):
        column.metric(label, value, help=note)
    checked = aggregations.checked_sentence(figures)
    st.caption(f"**{aggregations.dates_sentence(figures)}{' ' + checked if checked else ''}** {CAPTIONS['headline']}")
    filters = shown.filters
    if filters.undated == UNDATED_BY_RANGE and filters.dates_narrowed and shown.data.options.undated:
        left_out = shown.cached(("undated_left_out",), lambda: shown.data.count(
            dataclasses.replace(filters, undated=UNDATED_ONLY)))
        if left_out:
            st.caption(wording.undated_left_out(left_out))
    if shown.kept.empty:
        st.info(CAPTIONS["no_match"])


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
    shown_folder = Path(folder or access.start)
    read_from = folder or str(access.start)  # the shared cache's key for this folder
    fetch_widgets(shown_folder, fetching.fetch_offered(shown_folder, BUNDLED_DATA, launch.read_only, access.locked),
                  read_from)
    data, uploads_read = session_data(load(read_from), files)
    st.session_state["corrections_target"] = correcting.corrections_target(shown_folder, BUNDLED_DATA, launch.read_only)
    releases, report = data.releases, data.report
    source = escape_markdown(folder or start or "the bundled sample (data/releases)")
    st.caption(wording.source_caption(len(releases), source, uploads_read))
    for notice in data.notices:
        st.warning(escape_markdown(notice), icon="⚠️")
    if problem := aggregations.source_problem(shown_folder, source, releases, report):
        getattr(st, problem[0])(problem[1])
    if releases.empty:
        st.header("Ingest report")
        return overview.show_report(data=data)
    seed_from_url(data)
    filters = sidebar_filters(filter_area, data.options)
    view = st.radio("View", options=list(viewstate.VIEWS), format_func=viewstate.VIEWS.get,
                    horizontal=True, key="view", label_visibility="collapsed")
    mirror_to_url(filters, start)
    if filters == st.session_state.get("url_loaded"):
        for notice in st.session_state.get("url_notices", []):
            st.warning(escape_markdown(notice), icon="⚠️")
    shown = Shown(data, *data.filtered(filters), filters, reload=partial(load.clear, read_from))
    headline(shown)
    VIEW_PAGES[view](shown)


if __name__ == "__main__":  # run by Streamlit; imported by the tests for its functions
    main()
