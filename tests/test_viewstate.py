"""sco_data.explore.viewstate: view, grouping, release, profile and folder in the link."""

from __future__ import annotations

import datetime as dt

from sco_data.explore import viewstate
from sco_data.explore.viewstate import ViewState


def test_defaults_are_left_out_of_the_link():
    assert viewstate.view_to_query_params(ViewState()) == {}
    state = ViewState(view="profile", period="year", release="r1a2", profile="country:Iran", folder="/data")
    assert viewstate.view_to_query_params(state) == {
        "view": "profile", "period": "year", "release": "r1a2", "profile": "country:Iran",
        "folder": "/data"}
    # A profile chosen earlier is left out while another view is shown.
    assert "profile" not in viewstate.view_to_query_params(ViewState(profile="country:Iran"))


def test_the_link_round_trips():
    state = ViewState(view="officials", period="month", release="r9", folder="releases")
    assert viewstate.view_from_query_params(viewstate.view_to_query_params(state)) == (state, [])


def test_bad_values_are_dropped_with_a_notice_each():
    state, notices = viewstate.view_from_query_params(
        {"view": ["map"] * 900, "period": "week", "profile": "planet:Mars"})
    assert state == ViewState()
    assert notices == [
        "Ignored view 'map' from the link: use 'overview', 'profile', 'officials', 'compare', 'network', "
        "'review'.",
        "Ignored period 'week' from the link: use 'month', 'quarter', 'year'.",
        "Ignored profile 'planet:Mars' from the link: write it as country:NAME, organisation:NAME "
        "or person:NAME.",
    ]


def test_a_release_or_profile_the_corpus_lacks_is_dropped():
    state = ViewState(view="profile", release="r404", profile="country:Atlantis")
    checked, notices = viewstate.checked(state, {"r1"}, {"country:Iran": "Iran (country)"})
    assert checked == ViewState(view="profile")
    assert len(notices) == 2 and "r404" in notices[0] and "Atlantis" in notices[1]
    kept = ViewState(release="r1", profile="country:Iran")
    assert viewstate.checked(kept, {"r1"}, {"country:Iran": "Iran"}) == (kept, [])


def test_the_folder_box_falls_back_to_the_folder_started_with():
    assert viewstate.chosen_folder("  /mine ", "/started") == "/mine"
    assert viewstate.chosen_folder("", "/started") == "/started"
    assert viewstate.chosen_folder("", "") == ""
    assert viewstate.folder_in_link("/started", "/started") == ""
    assert viewstate.folder_in_link("/other", "/started") == "/other"


def test_state_of_a_session():
    session = {"view": "profile", "period": None, "profile": "person:le yucheng", "data_dir": "/x"}
    assert viewstate.state_of(session, "/x") == ViewState(view="profile", profile="person:le yucheng")


def test_a_section_and_two_periods_live_in_the_link_while_their_view_is_shown():
    state = ViewState(section="map")
    assert viewstate.view_to_query_params(state) == {"section": "map"}
    assert viewstate.view_to_query_params(ViewState(view="officials", section="map")) == {"view": "officials"}
    compare = ViewState(view="compare", period_a="2020-01-01..2020-12-31", period_b="2021-01-01..2021-12-31")
    assert viewstate.view_from_query_params(viewstate.view_to_query_params(compare)) == (compare, [])
    # Days out of order are put in order; a span that is none is dropped with a notice.
    read, notices = viewstate.view_from_query_params(
        {"view": "compare", "period_a": "2021-12-31..2021-01-01", "period_b": "last year", "section": "charts"})
    assert read == ViewState(view="compare", period_a="2021-01-01..2021-12-31")
    assert notices == ["Ignored section 'charts' from the link: use 'time', 'topics', 'people', 'map', "
                       "'participants', 'releases', 'download', 'report'.",
                       "Ignored period_b 'last year' from the link: write it as YYYY-MM-DD..YYYY-MM-DD."]


def test_the_session_holds_a_tab_label_and_pairs_of_days():
    session = {"view": "compare", "section": "Map", "period_a": (dt.date(2020, 1, 1), dt.date(2020, 6, 30))}
    assert viewstate.state_of(session, "") == ViewState(view="compare", section="map",
                                                       period_a="2020-01-01..2020-06-30")
    assert viewstate.section_id(None) == "time"


def test_the_release_under_review_lives_in_the_link_while_the_review_is_shown():
    state = ViewState(view="review", review="r1a2")
    assert viewstate.view_to_query_params(state) == {"view": "review", "review": "r1a2"}
    assert viewstate.view_from_query_params({"view": "review", "review": "r1a2"}) == (state, [])
    assert viewstate.view_to_query_params(ViewState(review="r1a2")) == {}  # the overview: left out
    assert viewstate.state_of({"view": "review", "review": "r1a2"}, "") == state
    # One the corpus lacks is dropped with a notice, like a picked release.
    checked, notices = viewstate.checked(ViewState(view="review", review="r404", release="r1"), {"r1"}, {})
    assert checked == ViewState(view="review", release="r1")
    assert notices == ["Ignored review 'r404' from the link: no such release here."]
