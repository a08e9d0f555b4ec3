"""sco_data.explore.charts: each figure's traces, values, titles and empty state."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

import sco_data
from sco_data.explore import aggregations, charts, filtering, maps, palette, people, profiles


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
    assert fig.data[0].marker.color == palette.ENGAGEMENT_COLOURS["meeting"]
    # Each bar drills into its quarter and type.
    assert fig.data[1].customdata[4][0] == "type=phone_call&from=2020-04-01&to=2020-06-30"


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
    """A figure of charts.empty_figure: no traces, the title, and the message as one line."""
    assert len(fig.data) == 0
    assert fig.layout.title.text == title
    assert " ".join(a.text.replace("<br>", " ") for a in fig.layout.annotations) == message
    assert all(len(line) <= charts.MESSAGE_LINE_CHARS for line in fig.layout.annotations[0].text.split("<br>"))


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
        charts.affiliations_figure(people.top_countries(participants), "countries"),
        "Countries whose representatives were met",
        "No counterpart from a country is known for the releases that match.",
    )
    assert_empty(
        charts.affiliations_figure(people.top_organisations(participants), "organisations"),
        "Organisations whose representatives were met",
        "No counterpart from an international organisation in the releases that match.",
    )
    assert_empty(
        maps.engagement_map_figure(aggregations.place_counts(releases),
                                   people.affiliation_counts(participants, "state")),
        maps.TITLE, "No engagement with a known place or country matches the filters.",
    )
    assert_empty(charts.type_counts_figure(profiles.type_counts(releases)), "Engagements by type",
                 charts.EMPTY_MESSAGE)
    assert_empty(charts.months_of_term_figure(profiles.months_of_term(releases)),
                 "Engagements per month of term, by type",
                 "No release of a Secretary-General within their term matches.")


TOPIC_TABLE = pd.DataFrame({
    "topic": ["health", "women", "energy"],
    "label": ["Health", "Women", "Energy"],
    "releases": [2, 1, 0],
    "mentions": [9, 12, 0],
})


def test_topic_frequencies_bars_hide_absent_topics_and_carry_mentions():
    fig = charts.topic_frequencies_figure(TOPIC_TABLE)
    (bars,) = fig.data
    assert bars.orientation == "h"
    assert list(bars.y) == ["Health", "Women"]
    assert list(bars.x) == [2, 1]
    assert [list(row) for row in bars.customdata] == [["topic=health", 9], ["topic=women", 12]]
    assert "Mentions: %{customdata[1]}" in bars.hovertemplate
    assert fig.layout.xaxis.title.text == "Releases"
    assert fig.layout.yaxis.title.text == "Topic"


def test_a_topic_has_one_colour_in_every_chart():
    bars = charts.topic_frequencies_figure(TOPIC_TABLE).data[0]
    assert list(bars.marker.color) == [palette.TOPIC_COLOURS["health"], palette.TOPIC_COLOURS["women"]]
    releases = dated(("2020-01-01", "meeting", {"health"}), ("2020-02-01", "event", {"women"}),
                     topics=("health", "women"))
    profile_bars = charts.topic_frequencies_figure(
        aggregations.topic_frequencies(releases, {"health": "Health", "women": "Women"})).data[0]
    assert list(profile_bars.marker.color) == list(bars.marker.color)


def test_an_engagement_type_has_one_colour_in_every_chart():
    releases = dated(("2020-01-01", "meeting"), ("2020-02-01", "phone_call"), ("2020-02-03", "phone_call"))
    over_time = charts.engagements_over_time_figure(aggregations.engagements_over_time(releases), "month")
    by_type = charts.type_counts_figure(profiles.type_counts(releases)).data[0]
    assert [t.marker.color for t in over_time.data] == list(by_type.marker.color) == [
        palette.ENGAGEMENT_COLOURS["meeting"], palette.ENGAGEMENT_COLOURS["phone_call"]]


def test_the_palette_gives_each_colour_one_meaning():
    types = set(palette.ENGAGEMENT_COLOURS.values())
    topics = set(palette.TOPIC_COLOURS.values())
    assert len(types) == len(palette.ENGAGEMENT_COLOURS) and len(topics) == len(palette.TOPIC_COLOURS)
    assert not types & topics and palette.NEUTRAL not in types | topics
    assert set(palette.TOPIC_COLOURS) == set(sco_data.load_taxonomy().ids)
    colours = palette.topic_colours(["health", "mine", "yours"])
    assert colours == {"health": palette.TOPIC_COLOURS["health"],
                       "mine": palette.EXTRA_TOPIC_COLOURS[0], "yours": palette.EXTRA_TOPIC_COLOURS[1]}
    # However the topics are ranked (a filter changes their order), each keeps its colour.
    assert palette.topic_colours(["yours", "health", "mine"]) == colours


def test_topics_over_time_heatmap_fills_missing_periods_and_drops_silent_topics():
    releases = dated(
        ("2019-03-01", "meeting", {"health"}), ("2019-08-01", "event", {"health"}),
        ("2021-01-05", "meeting", {"health"}), topics=("health", "energy"),
    )
    table = aggregations.topics_over_time(releases, "year", {"health": "Health", "energy": "Energy"})
    fig = charts.topics_over_time_figure(table, "year")
    heat, cells = fig.data
    assert isinstance(heat, go.Heatmap)
    assert list(heat.x) == ["2019", "2020", "2021"]
    assert list(heat.y) == ["Health"]
    assert [list(row) for row in heat.z] == [[2, 0, 1]]
    assert fig.layout.title.text == "Topics per year"
    # Cells are clicked through invisible points at their centres, one per cell with releases.
    assert list(cells.x) == ["2019", "2021"] and list(cells.y) == ["Health"] * 2
    assert [row[0] for row in cells.customdata] == [
        "topic=health&from=2019-01-01&to=2019-12-31", "topic=health&from=2021-01-01&to=2021-12-31"]
    # A taxonomy's label is a user's text: plotly is given it with its markup written as entities.
    table = aggregations.topics_over_time(releases, "year", {"health": "<b>Health</b> & care"})
    heat, cells = charts.topics_over_time_figure(table, "year").data
    assert list(heat.y) == ["&lt;b&gt;Health&lt;/b&gt; &amp; care"] and set(cells.y) == set(heat.y)
    assert "Releases: %{customdata[1]}" in cells.hovertemplate


def test_heatmap_rows_follow_the_order_asked_for():
    releases = dated(("2019-03-01", "meeting", {"health"}), ("2019-08-01", "event", {"health", "women"}),
                     topics=("health", "women"))
    table = aggregations.topics_over_time(releases, "year", {"health": "Health", "women": "Women"})
    assert list(charts.topics_over_time_figure(table, "year").data[0].y) == ["Health", "Women"]
    assert list(charts.topics_over_time_figure(table, "year", ["women", "health"]).data[0].y) == [
        "Women", "Health"]


def test_top_counterparts_bars_hover_title_and_affiliation():
    table = pd.DataFrame(
        {
            "name": ["Le Yucheng", "He Jinping"],
            "title": ["Vice Minister", ""],
            "affiliation": ["China", "China"],
            "engagements": [2, 1],
            "first": pd.to_datetime(["2020-04-29", "2021-05-09"]),
            "last": pd.to_datetime(["2021-06-01", "2021-05-09"]),
        }
    )
    (bars,) = charts.top_counterparts_figure(table).data
    assert list(bars.y) == ["Le Yucheng", "He Jinping"]
    assert list(bars.x) == [2, 1]
    assert [list(row) for row in bars.customdata] == [["counterpart=Le+Yucheng", "Vice Minister", "China"],
                                        ["counterpart=He+Jinping", "title unknown", "China"]]
    assert bars.marker.color == palette.NEUTRAL


def test_affiliation_bars_drill_into_their_filter():
    table = pd.DataFrame({"affiliation": ["China", "Iran"], "engagements": [4, 1], "people": [3, 1]})
    fig = charts.affiliations_figure(table, "countries")
    (bars,) = fig.data
    assert list(bars.y) == ["China", "Iran"] and list(bars.x) == [4, 1]
    assert [row[0] for row in bars.customdata] == ["country=China", "country=Iran"]
    assert fig.layout.xaxis.title.text == "Engagements"
    organisations = charts.affiliations_figure(table.assign(affiliation=["United Nations", "CIS"]),
                                               "organisations")
    assert organisations.data[0].customdata[0][0] == "organisation=United+Nations"


def test_seed_figures_show_the_three_releases(seed_corpus):
    releases = filtering.prepare(seed_corpus.releases)
    fig = charts.engagements_over_time_figure(aggregations.engagements_over_time(releases, "year"), "year")
    assert [(t.name, list(t.y)) for t in fig.data] == [
        ("Meeting", [1, 0, 1]), ("Phone call", [0, 1, 0]),
    ]


def test_months_of_term_puts_the_officials_side_by_side():
    releases = dated(("2019-01-20", "meeting"), ("2019-03-02", "phone_call"), ("2022-02-01", "event"),
                     ("2018-06-01", "meeting"))
    releases["sco_official"] = ["Vladimir Norov", "Vladimir Norov", "Zhang Ming", "Vladimir Norov"]
    months = profiles.months_of_term(releases)
    norov = months[months["official"] == "Vladimir Norov"]
    assert norov["month"].max() == 36  # 2019-2021, the whole term
    assert norov[norov["count"] > 0][["month", "engagement_type", "count"]].values.tolist() == [
        [1, "meeting", 1], [3, "phone_call", 1]]  # the 2018 release is outside his term
    zhang = months[months["official"] == "Zhang Ming"]
    assert zhang["month"].max() == 36  # 2022-2024
    assert set(months["official"]) == {"Vladimir Norov", "Zhang Ming"}  # Alimov has no release
    fig = charts.months_of_term_figure(months)
    assert [a.text for a in fig.layout.annotations] == ["Vladimir Norov", "Zhang Ming"]
    assert [t.name for t in fig.data] == ["Meeting", "Phone call", "Event"]  # one trace per type
    # One x scale for every official: a block of 36 months each, a gap of 6 between them, so a
    # month of term sits at the same place in each block.
    meeting, call, event = fig.data
    assert [row for row in meeting.customdata if row[0] == "Vladimir Norov"][0] == ["Vladimir Norov", 1]
    assert meeting.x[0] == 1 and event.x[list(event.y).index(1)] == 42 + 2  # Zhang Ming's month 2
    assert tuple(fig.layout.xaxis.range) == (0.5, 42 + 36.5) and "xaxis2" not in fig.to_plotly_json()["layout"]
    assert list(fig.layout.xaxis.ticktext) == ["1", "12", "24", "36"] * 2
