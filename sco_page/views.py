"""The views beside the overview: a profile, the Secretaries-General side by side, two periods
side by side, and who met whom."""

from __future__ import annotations

import streamlit as st

from sco_data.explore import aggregations, charts, comparison, network, profiles, wording
from sco_data.explore.filtering import DATE
from sco_data.explore.markup import escape_markdown
from sco_data.explore.wording import CAPTIONS, plural
from sco_page import release
from sco_page.overview import PERIOD_RADIO
from sco_page.widgets import Shown, chart, off_axis_note, static_table, table


def show_profile(shown: Shown) -> None:
    """One country, organisation or person: engagements over time, by type and topic, and a
    timeline whose rows open their release."""
    data = shown.data
    profile = st.selectbox("Profile of", options=list(data.profiles), format_func=data.profiles.get,
                           index=None, key="profile", placeholder="Choose a country, organisation or person")
    if profile is None:
        return st.info(CAPTIONS["no_profile"])
    mine = shown.cached(("profile", profile), lambda: profiles.profile_releases(shown.kept, shown.people, profile))
    st.caption(wording.profile_caption(len(mine), escape_markdown(data.profiles[profile])))
    period = st.radio(**PERIOD_RADIO)
    over_time = shown.cached(("profile_over_time", profile, period),
                             lambda: aggregations.engagements_over_time(mine, period))
    chart(st, charts.engagements_over_time_figure(over_time, period), "profile_engagements", data.options)
    off_axis_note(shown, mine, "profile_engagements")
    left, right = st.columns(2)
    types = shown.cached(("profile_types", profile), lambda: profiles.type_counts(mine))
    topics = shown.cached(("profile_topics", profile), lambda: aggregations.topic_frequencies(mine, data.taxonomy))
    chart(left, charts.type_counts_figure(types), "profile_types", data.options)
    chart(right, charts.topic_frequencies_figure(topics), "profile_topics", data.options)
    st.subheader("Timeline")
    st.caption(CAPTIONS["timeline"])
    timeline = shown.cached(("profile_timeline", profile),
                            lambda: profiles.profile_timeline(mine, shown.people, profile, data.taxonomy))
    table(st, timeline, profiles.TIMELINE_COLUMNS, key="profile_timeline", wrap=True, pick=list(timeline["release_id"]))
    if not mine.empty:
        release.show(shown, mine)


def show_officials(shown: Shown) -> None:
    """The Secretaries-General side by side over their terms, on one scale, each column filled."""
    options, filters = shown.data.options, shown.filters
    figure = shown.cached(("officials",), lambda: charts.months_of_term_figure(
        profiles.months_of_term(shown.kept, options.date_max)))
    chart(st, figure, "officials", options)
    off_axis_note(shown, shown.kept, "officials")
    summary = shown.cached(("officials_summary",), lambda: profiles.officials_summary(
        shown.kept, shown.people, shown.data.taxonomy, within=(filters.date_from, filters.date_to),
        corpus_start=options.date_min, corpus_end=options.date_max))
    st.caption(CAPTIONS["officials_summary"])
    static_table(st, summary, {column: column or " " for column in summary.columns})


def show_compare(shown: Shown) -> None:
    """Two periods side by side under the sidebar's filters: headline figures, types and the
    counterparts met most often."""
    options = shown.data.options
    defaults = comparison.default_periods(options.date_min, options.date_max)
    if defaults is None:
        return st.info("No release in this corpus has a known date: there are no periods to compare.")
    pickers = st.columns(2)
    spans = []
    for column, key, default, name in zip(pickers, ("period_a", "period_b"), defaults, ("A", "B")):
        if key not in st.session_state:
            st.session_state[key] = default
        column.date_input(f"Period {name}", key=key, min_value=min(options.date_min, *st.session_state[key]),
                          max_value=max(options.date_max, *st.session_state[key]), help=CAPTIONS["compare_period"])
        days = tuple(st.session_state[key])
        spans.append(days if len(days) == 2 else default)
    labels = tuple(f"{name}: {comparison.span_label(span)}" for name, span in zip("AB", spans))
    parts = [shown.data.filtered(comparison.period_filters(shown.filters, span)) for span in spans]
    st.caption(CAPTIONS["compare"])
    figures = shown.cached(("compare_figures", *spans), lambda: comparison.figures_side_by_side(
        *(aggregations.headline_figures(kept, people) for kept, people in parts), labels))
    static_table(st, figures, {column: column for column in figures.columns})
    if undated := int(shown.kept[DATE].isna().sum()):
        st.caption(f"{plural(undated, 'engagement')} without a date {'is' if undated == 1 else 'are'} in neither period.")
    types = shown.cached(("compare_types", *spans),
                         lambda: comparison.types_side_by_side(parts[0][0], parts[1][0], labels))
    links = [f"from={a.isoformat()}&to={b.isoformat()}" for a, b in spans]
    chart(st, charts.types_side_by_side_figure(types, list(zip(labels, links))), "compare_types", options)
    st.subheader("Counterparts met most often")
    top = shown.cached(("compare_top", *spans),
                       lambda: comparison.counterparts_side_by_side(parts[0][1], parts[1][1], labels))
    static_table(st, top, {column: column for column in top.columns})


def show_network(shown: Shown) -> None:
    """Who met whom: officials, the counterparts met most often and their organisations; a
    click on a node filters the page to it."""
    nodes, edges = shown.cached(("network",), lambda: network.engagement_network(shown.people))
    laid_out = shown.cached(("network_layout",), lambda: network.network_layout(nodes, edges))
    st.caption(wording.network_caption(network.TOP_COUNTERPARTS))
    chart(st, charts.network_figure(laid_out, edges), "network", shown.data.options)

