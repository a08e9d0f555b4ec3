"""sco_data.explore.drilldown: a clicked chart point becomes filters, as a link would."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sco_data.explore import aggregations, charts, drilldown, fields
from sco_data.explore.filtering import FilterOptions, Filters

OPTIONS = FilterOptions(topics=("health", "covid19"), countries=("China", "Iran"),
                        organisations=("United Nations",), places=("Astana",),
                        date_min=dt.date(2019, 1, 1), date_max=dt.date(2022, 12, 31),
                        topic_labels={"health": "Health", "covid19": "COVID-19"},
                        place_names={"Nur-Sultan": "Astana"})


def point(link: str, *more) -> dict:
    """A point as Streamlit's plotly selection event gives it."""
    return {"curve_number": 0, "point_index": 0, "customdata": [link, *more]}


def test_a_bar_of_the_time_chart_filters_to_its_period_and_type():
    releases = pd.DataFrame({"event_date": pd.to_datetime(["2020-04-15", "2020-05-02", "2021-01-01"]),
                             "engagement_type": ["phone_call", "phone_call", "meeting"]})
    fig = charts.engagements_over_time_figure(aggregations.engagements_over_time(releases, "quarter"),
                                              "quarter")
    calls = next(trace for trace in fig.data if trace.name == "Phone call")
    clicked = point(*calls.customdata[0])  # 2020 Q2
    chosen = drilldown.filters_after_selection([clicked], Filters(search="vaccine"), OPTIONS)
    assert chosen == Filters(date_from=dt.date(2020, 4, 1), date_to=dt.date(2020, 6, 30),
                             engagement_types=("phone_call",), search="vaccine")


def test_each_kind_of_point_sets_its_own_filter_and_keeps_the_others():
    now = Filters(topics=("covid19",), countries=("Iran",))
    cases = [
        ("topic=health", Filters(topics=("health",), countries=("Iran",))),
        ("country=China", Filters(topics=("covid19",), countries=("China",))),
        ("organisation=United+Nations", Filters(topics=("covid19",), countries=("Iran",),
                                                organisations=("United Nations",))),
        ("counterpart=Le+Yucheng", Filters(topics=("covid19",), countries=("Iran",), counterpart="Le Yucheng")),
        ("place=Nur-Sultan", Filters(topics=("covid19",), countries=("Iran",), places=("Astana",))),
    ]
    for link, expected in cases:
        assert drilldown.filters_after_selection([point(link, 3)], now, OPTIONS) == expected, link


def test_several_points_give_all_their_values_and_the_whole_span():
    points = [point("topic=health&from=2020-01-01&to=2020-03-31"),
              point("topic=covid19&from=2021-01-01&to=2021-03-31")]
    chosen = drilldown.filters_after_selection(points, Filters(), OPTIONS)
    assert chosen == Filters(topics=("health", "covid19"), date_from=dt.date(2020, 1, 1),
                             date_to=dt.date(2021, 3, 31))


def test_a_period_past_the_corpus_edges_filters_nothing_on_that_side():
    chosen = drilldown.filters_after_selection([point("from=2018-10-01&to=2019-03-31")], Filters(), OPTIONS)
    assert (chosen.date_from, chosen.date_to) == (None, dt.date(2019, 3, 31))


def test_points_without_a_link_and_bad_links_change_nothing():
    now = Filters(topics=("health",))
    assert drilldown.filters_after_selection([], now, OPTIONS) == now
    assert drilldown.filters_after_selection([{"x": 1}, point("")], now, OPTIONS) == now
    # A value a link could not name is dropped as the link parser drops it.
    assert drilldown.filters_after_selection([point("country=Atlantis")], now, OPTIONS) == now


def test_widget_updates_are_the_widgets_state_of_the_new_filters():
    state = fields.widget_values(Filters(), OPTIONS)
    updates = drilldown.widget_updates([point("country=China")], state, OPTIONS)
    assert updates["f_countries"] == ["China"]
    assert fields.filters_from_widgets({**state, **updates}, OPTIONS) == Filters(countries=("China",))
