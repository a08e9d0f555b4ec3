"""sco_data.explore.comparison: two periods side by side under the same filters."""

from __future__ import annotations

import datetime as dt

import pytest
from test_query import frames, release

from sco_data.explore import aggregations, charts, comparison, filtering, palette
from sco_data.explore.filtering import Filters


@pytest.fixture()
def two_years():
    return frames([
        release("a", "2020-03-01", "meeting", [("Le Yucheng", "Vice Minister", "China")]),
        release("b", "2020-09-01", "phone_call", [("Le Yucheng", "Vice Minister", "China")]),
        release("c", "2021-02-01", "meeting", [("He Jinping", "Vice Governor", "China")]),
        release("d", "2021-05-01", "meeting", [("Naledi Pandor", "Minister", "South Africa")]),
        release("e", "2021-06-01", "video_call", [("Naledi Pandor", "Minister", "South Africa")]),
        release("u", None, "meeting", [("Anon Person", "Envoy", "Iran")]),
    ])


def test_the_default_periods_are_the_last_twelve_months_and_the_twelve_before():
    assert comparison.default_periods(dt.date(2016, 1, 11), dt.date(2026, 4, 30)) == (
        (dt.date(2024, 5, 1), dt.date(2025, 4, 30)), (dt.date(2025, 5, 1), dt.date(2026, 4, 30)))
    # A corpus shorter than two years: both periods stay inside it.
    assert comparison.default_periods(dt.date(2021, 1, 1), dt.date(2021, 6, 30)) == (
        (dt.date(2021, 1, 1), dt.date(2021, 1, 1)), (dt.date(2021, 1, 1), dt.date(2021, 6, 30)))
    assert comparison.default_periods(None, None) is None


@pytest.mark.parametrize(("span", "label"), [
    ((dt.date(2021, 1, 1), dt.date(2021, 12, 31)), "2021"),
    ((dt.date(2021, 1, 1), dt.date(2021, 6, 30)), "Jan–Jun 2021"),
    ((dt.date(2020, 1, 5), dt.date(2021, 3, 15)), "5 Jan 2020 – 15 Mar 2021"),
])
def test_a_period_is_named_briefly(span, label):
    assert comparison.span_label(span) == label


def test_figures_types_and_counterparts_side_by_side(two_years):
    spans = ((dt.date(2020, 1, 1), dt.date(2020, 12, 31)), (dt.date(2021, 1, 1), dt.date(2021, 12, 31)))
    labels = ("A: 2020", "B: 2021")
    # A type filter applies to both; the undated release is in neither period.
    parts = [filtering.apply_filters(two_years, comparison.period_filters(Filters(undated="include"), span))
             for span in spans]
    assert [sorted(kept["release_id"]) for kept, _ in parts] == [["a", "b"], ["c", "d", "e"]]
    figures = comparison.figures_side_by_side(*(aggregations.headline_figures(*part) for part in parts), labels)
    assert figures.values.tolist()[:2] == [["Engagements", "2", "3", "+1 (+50%)"],
                                          ["Counterparts", "1", "2", "+1 (+100%)"]]
    types = comparison.types_side_by_side(parts[0][0], parts[1][0], labels)
    assert types[["engagement_type", "period", "count"]].values.tolist() == [
        ["meeting", "A: 2020", 1], ["phone_call", "A: 2020", 1], ["video_call", "A: 2020", 0],
        ["meeting", "B: 2021", 2], ["phone_call", "B: 2021", 0], ["video_call", "B: 2021", 1]]
    top = comparison.counterparts_side_by_side(parts[0][1], parts[1][1], labels)
    assert top.values.tolist() == [[1, "Le Yucheng (2)", "Naledi Pandor (2)"], [2, "–", "He Jinping (1)"]]
    fig = charts.types_side_by_side_figure(types, [(labels[0], "from=2020-01-01&to=2020-12-31"),
                                                   (labels[1], "from=2021-01-01&to=2021-12-31")])
    first, second = fig.data
    assert list(first.marker.color) == [palette.ENGAGEMENT_COLOURS[k] for k in ("meeting", "phone_call", "video_call")]
    assert first.marker.pattern.shape == "/" and second.marker.pattern.shape == ""
    assert first.customdata[1][0] == "type=phone_call&from=2020-01-01&to=2020-12-31"
