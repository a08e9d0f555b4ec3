"""sco_data.explore.charts: each figure's traces, values, titles and empty state."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from sco_data.explore import aggregations, charts, filtering, people


def dated(*rows, topics=()):
    """A releases frame with what the time aggregations read: (day, engagement type[, topics])."""
    frame = pd.DataFrame(
        {"event_date": pd.to_datetime([row[0] for row in rows]),
         "engagement_type": [row[1] for row in rows]}
    )
    for topic in topics:
        frame[f"topic_{topic}"] = [topic in (row[2] if len(row) > 2 else ()) for row in rows]
    return frame


def test_engagements_over_time_stacks_one_trace_per_type_in_type_order():
    releases = dated(
        ("2020-04-15", "phone_call"), ("2020-05-02", "phone_call"), ("2019-05-26", "meeting"),
        *[("2020-07-01", "meeting")] * 3,
    )
    fig = charts.engagements_over_time_figure(
        aggregations.engagements_over_time(releases, "quarter"), "quarter"
    )
    assert [trace.name for trace in fig.data] == ["Meeting", "Phone call"]
    labels = ["2019 Q2", "2019 Q3", "2019 Q4", "2020 Q1", "2020 Q2", "2020 Q3"]
    assert list(fig.data[0].x) == labels
    assert list(fig.data[0].y) == [1, 0, 0, 0, 0, 3]
    assert list(fig.data[1].y) == [0, 0, 0, 0, 2, 0]
    assert fig.layout.barmode == "stack"
    assert fig.layout.title.text == "Engagements per quarter, by type"
    assert fig.layout.xaxis.title.text == "Quarter"
    assert fig.layout.yaxis.title.text == "Engagements"
    assert "Phone call: %{y}" in fig.data[1].hovertemplate
    assert fig.data[0].marker.color == charts.ENGAGEMENT_COLOURS["meeting"]


@pytest.mark.parametrize(
    ("period", "labels"),
    [("month", ["Dec 2019", "Jan 2020", "Feb 2020"]), ("year", ["2019", "2020"])],
)
def test_engagements_over_time_labels_every_period(period, labels):
    releases = dated(("2019-12-01", "event"), ("2020-02-01", "event"))
    fig = charts.engagements_over_time_figure(
        aggregations.engagements_over_time(releases, period), period
    )
    assert list(fig.data[0].x) == labels


def assert_empty(fig: go.Figure, title: str, message: str) -> None:
    assert charts.is_empty_figure(fig)
    assert fig.layout.title.text == title
    assert [a.text for a in fig.layout.annotations] == [message]


def test_every_builder_has_an_empty_state(seed_corpus):
    releases = filtering.prepare(seed_corpus.releases).iloc[:0]
    participants = seed_corpus.participants.iloc[:0]
    assert_empty(
        charts.engagements_over_time_figure(aggregations.engagements_over_time(releases), "month"),
        "Engagements per month, by type", charts.EMPTY_MESSAGE,
    )
    assert_empty(
        charts.topic_frequencies_figure(aggregations.topic_frequencies(releases)),
        "Topics: releases that discuss each", "No topic is discussed in the releases that match.",
    )
    assert_empty(
        charts.topics_over_time_figure(aggregations.topics_over_time(releases, "year"), "year"),
        "Topics per year", "No topic is discussed in the releases that match.",
    )
    assert_empty(
        charts.top_counterparts_figure(people.top_counterparts(participants)),
        "Counterparts met most often", charts.EMPTY_MESSAGE,
    )
    assert_empty(
        charts.top_countries_figure(people.top_countries(participants)),
        "Counterpart countries",
        "No counterpart country is known for the releases that match.",
    )
    assert_empty(
        charts.engagement_map_figure(aggregations.place_counts(releases)),
        "Where engagements took place", "No engagement with a known place matches the filters.",
    )


def test_topic_frequencies_bars_hide_absent_topics_and_carry_mentions():
    table = pd.DataFrame(
        {
            "topic": ["health", "women", "energy"],
            "label": ["Health", "Women", "Energy"],
            "releases": [2, 1, 0],
            "mentions": [9, 12, 0],
        }
    )
    fig = charts.topic_frequencies_figure(table)
    (bars,) = fig.data
    assert bars.orientation == "h"
    assert list(bars.y) == ["Health", "Women"]
    assert list(bars.x) == [2, 1]
    assert bars.customdata.tolist() == [[9], [12]]
    assert "Mentions: %{customdata[0]}" in bars.hovertemplate
    assert fig.layout.xaxis.title.text == "Releases"
    assert fig.layout.yaxis.title.text == "Topic"


def test_topics_over_time_heatmap_fills_missing_periods_and_drops_silent_topics():
    releases = dated(
        ("2019-03-01", "meeting", {"health"}), ("2019-08-01", "event", {"health"}),
        ("2021-01-05", "meeting", {"health"}), topics=("health", "energy"),
    )
    table = aggregations.topics_over_time(releases, "year", {"health": "Health", "energy": "Energy"})
    fig = charts.topics_over_time_figure(table, "year")
    (heat,) = fig.data
    assert isinstance(heat, go.Heatmap)
    assert list(heat.x) == ["2019", "2020", "2021"]
    assert list(heat.y) == ["Health"]
    assert [list(row) for row in heat.z] == [[2, 0, 1]]
    assert fig.layout.title.text == "Topics per year"
    assert "Releases: %{z}" in heat.hovertemplate


def test_top_counterparts_bars_hover_title_and_country():
    table = pd.DataFrame(
        {
            "name": ["Le Yucheng", "He Jinping"],
            "title": ["Vice Minister", None],
            "country": ["China", "China"],
            "engagements": [2, 1],
            "first": pd.to_datetime(["2020-04-29", "2021-05-09"]),
            "last": pd.to_datetime(["2021-06-01", "2021-05-09"]),
        }
    )
    (bars,) = charts.top_counterparts_figure(table).data
    assert list(bars.y) == ["Le Yucheng", "He Jinping"]
    assert list(bars.x) == [2, 1]
    assert bars.customdata.tolist() == [["Vice Minister", "China"], ["unknown", "China"]]


def test_top_countries_bars():
    table = pd.DataFrame({"country": ["China", "Iran"], "engagements": [4, 1], "people": [3, 1]})
    fig = charts.top_countries_figure(table)
    (bars,) = fig.data
    assert list(bars.y) == ["China", "Iran"] and list(bars.x) == [4, 1]
    assert fig.layout.xaxis.title.text == "Engagements"


def test_map_is_scattergeo_sized_by_count_with_place_hover():
    places = pd.DataFrame(
        {
            "place": ["Beijing, China", "Tashkent, Uzbekistan"],
            "city": ["Beijing", "Tashkent"],
            "country": ["China", "Uzbekistan"],
            "latitude": [39.9, 41.3],
            "longitude": [116.4, 69.2],
            "engagements": [4, 1],
        }
    )
    fig = charts.engagement_map_figure(places)
    (points,) = fig.data
    assert isinstance(points, go.Scattergeo)
    assert list(points.text) == ["Beijing, China", "Tashkent, Uzbekistan"]
    assert list(points.lat) == [39.9, 41.3]
    assert points.customdata.tolist() == [[4], [1]]
    size = charts.MAP_MIN_MARKER + charts.MAP_MARKER_SCALE
    assert list(points.marker.size) == [charts.MAP_MIN_MARKER + 2 * charts.MAP_MARKER_SCALE, size]
    assert "Engagements: %{customdata[0]}" in points.hovertemplate
    # Both coordinates span less than the smallest area shown: widened around their middle.
    lon_half, lat_half = (span / 2 for span in charts.MAP_MIN_SPAN_DEGREES)
    assert list(fig.layout.geo.lonaxis.range) == pytest.approx([92.8 - lon_half, 92.8 + lon_half])
    assert list(fig.layout.geo.lataxis.range) == pytest.approx([40.6 - lat_half, 40.6 + lat_half])


def test_map_keeps_a_wide_spread_of_places_with_a_margin():
    places = pd.DataFrame(
        {"place": ["Lima, Peru", "Beijing, China"], "city": ["Lima", "Beijing"],
         "country": ["Peru", "China"], "latitude": [-12.0, 39.9], "longitude": [-77.0, 116.4],
         "engagements": [1, 1]}
    )
    geo = charts.engagement_map_figure(places).layout.geo
    margin = charts.MAP_MARGIN_DEGREES
    assert list(geo.lonaxis.range) == pytest.approx([-77.0 - margin, 116.4 + margin])
    assert list(geo.lataxis.range) == pytest.approx([-12.0 - margin, 39.9 + margin])


def test_seed_figures_show_the_three_releases(seed_corpus):
    releases = filtering.prepare(seed_corpus.releases)
    fig = charts.engagements_over_time_figure(aggregations.engagements_over_time(releases, "year"), "year")
    assert [(t.name, list(t.y)) for t in fig.data] == [
        ("Meeting", [1, 0, 1]), ("Phone call", [0, 1, 0]),
    ]
    places = charts.engagement_map_figure(aggregations.place_counts(releases)).data[0]
    assert sorted(places.text) == ["Fangchenggang, China", "Zhengzhou, China"]


def test_map_without_outlines_needs_no_outline_file_and_labels_points():
    places = pd.DataFrame(
        {"place": ["Beijing, China"], "city": ["Beijing"], "country": ["China"],
         "latitude": [39.9], "longitude": [116.4], "engagements": [2]}
    )
    with_outlines = charts.engagement_map_figure(places)
    assert with_outlines.layout.geo.showland and with_outlines.layout.geo.showcountries
    offline = charts.engagement_map_figure(places, outlines=False)
    geo = offline.layout.geo
    layers = [geo.showland, geo.showocean, geo.showcoastlines, geo.showcountries, geo.showlakes,
              geo.showrivers, geo.showsubunits]
    assert layers == [False] * 7
    assert offline.data[0].mode == "markers+text"
    assert geo.lataxis.showgrid and geo.lonaxis.showgrid
