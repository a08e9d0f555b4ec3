"""sco_data.explore.dating: each engagement's date for the filter and the time axes, the undated
ones counted apart and kept or listed on request, a stray date kept off the axes."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from test_query import frames, ids, release

from sco_data.explore import aggregations, dating, filtering, urlstate
from sco_data.explore.filtering import Filters


@pytest.fixture()
def dated_and_not():
    """Four releases: two dated in 2020 and 2021, one undated, one dated 2004 (misread: no
    Secretary-General's term covers it)."""
    return frames([
        release("a", "2020-04-29", "phone_call", [("Le Yucheng", "Vice Minister", "China")]),
        release("b", "2021-05-09", "meeting", [("He Jinping", "Vice Governor", "China")]),
        release("u", None, "meeting", [("Anon Person", "Envoy", "Iran")]),
        release("x", "2004-05-12", "meeting", [("Old Friend", "Ambassador", "India")]),
    ])


def test_each_release_is_dated_by_its_engagement_or_not_at_all(dated_and_not):
    dates, how = dating.engagement_dates(dated_and_not[0])
    assert dates.dt.date.tolist()[:2] == [dt.date(2020, 4, 29), dt.date(2021, 5, 9)]
    assert pd.isna(dates.iloc[2])
    assert how.tolist() == ["event", "event", "none", "event"]


def test_the_terms_span_from_the_first_secretary_general_to_today():
    first, last = dating.terms_span(dt.date(2026, 3, 1))
    assert first == pd.Timestamp("2016-01-01") and last == pd.Timestamp("2026-03-01")


def test_a_date_outside_every_term_has_no_place_on_the_time_axes(dated_and_not):
    prepared = filtering.prepare(dated_and_not[0])
    assert prepared[filtering.AXIS_DATE].isna().tolist() == [False, False, True, True]
    assert prepared["_year"].dt.year.tolist()[:2] == [2020, 2021] and prepared["_year"].isna().sum() == 2
    off = dating.left_off_axes(prepared, filtering.DATE, filtering.AXIS_DATE)
    assert off == dating.OffAxis(undated=1, outside=(dt.date(2004, 5, 12),))
    # The charts' periods run from 2020 to 2021, not from 2004.
    counts = aggregations.engagements_over_time(prepared, "year")
    assert sorted(set(counts["period"].dt.year)) == [2020, 2021]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["a", "b", "u", "x"]),
        (Filters(date_from=dt.date(2020, 1, 1)), ["a", "b"]),
        (Filters(date_from=dt.date(2020, 1, 1), undated="include"), ["a", "b", "u"]),
        (Filters(date_to=dt.date(2020, 12, 31), undated="include"), ["a", "u", "x"]),
        (Filters(undated="only"), ["u"]),
        (Filters(date_from=dt.date(2020, 1, 1), undated="only"), ["u"]),
        (Filters(undated="only", engagement_types=("phone_call",)), []),
    ],
)
def test_undated_engagements_are_left_out_kept_or_listed_alone(dated_and_not, filters, expected):
    assert ids(filtering.apply_filters(dated_and_not, filters)[0]) == expected


def test_only_the_undated_is_a_filter_and_the_others_are_not_on_their_own():
    assert Filters(undated="only").is_active and Filters(undated="only").dates_narrowed
    assert not Filters(undated="include").is_active
    with pytest.raises(ValueError, match="undated"):
        Filters(undated="sometimes")


def test_the_undated_choice_lives_in_the_link(dated_and_not):
    options = filtering.filter_options(*dated_and_not)
    assert options.undated == 1
    assert urlstate.filters_to_query_params(Filters(undated="only")) == {"undated": "only"}
    assert urlstate.filters_to_query_params(Filters()) == {}
    read, notices = urlstate.filters_from_query_params({"undated": "include", "from": "2020-01-01"}, options)
    assert read == Filters(undated="include", date_from=dt.date(2020, 1, 1)) and notices == []
    _, notices = urlstate.filters_from_query_params({"undated": "sometimes"}, options)
    assert notices == ["Ignored undated 'sometimes' from the link: use 'range' or 'include' or 'only'."]
