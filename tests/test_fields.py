"""sco_data.explore.fields: the one declaration of the filters, and the widgets' state rules."""

from __future__ import annotations

import datetime as dt

import pytest

from sco_data.explore import fields, filtering, urlstate
from sco_data.explore.fields import DATE_SPAN_KEY, FILTER_FIELDS
from sco_data.explore.filtering import FilterOptions, Filters
from sco_data.schema import ENGAGEMENT_LABELS

FIRST, LAST = dt.date(2019, 5, 26), dt.date(2021, 6, 1)
OPTIONS = FilterOptions(topics=("health", "covid19"), officials=("Vladimir Norov", "Zhang Ming"),
                        countries=("China", "South Africa"), date_min=FIRST, date_max=LAST,
                        topic_labels={"health": "Health", "covid19": "COVID-19"})
UNDATED = FilterOptions(officials=("Zhang Ming",))


def test_widget_keys_and_url_parameters_are_those_the_docs_name():
    assert [(f.key, f.params) for f in FILTER_FIELDS] == [
        ("f_dates", ("from", "to")), ("f_undated", ("undated",)), ("f_types", ("type",)), ("f_topics", ("topic",)),
        ("f_topic_mode", ("topic_mode",)), ("f_officials", ("official",)),
        ("f_countries", ("country",)), ("f_organisations", ("organisation",)),
        ("f_counterpart", ("counterpart",)), ("f_places", ("place",)), ("f_search", ("q",)),
        ("f_checks", ("checks",)),
    ]
    assert urlstate.PARAM_NAMES == {
        "date_from": "from", "date_to": "to", "engagement_types": "type", "topics": "topic",
        "topic_mode": "topic_mode", "officials": "official", "countries": "country",
        "organisations": "organisation", "counterpart": "counterpart", "places": "place",
        "search": "q", "undated": "undated", "checks": "checks",
    }


def test_every_field_but_the_dates_names_a_filters_attribute():
    names = {f.name for f in FILTER_FIELDS} - {"dates"}
    assert names | set(fields.DATE_ATTRIBUTES) == set(Filters.__dataclass_fields__)


def test_what_each_choice_offers_and_how_it_is_labelled():
    undated, types, topics, mode = (fields.FILTER_FIELDS[i] for i in (1, 2, 3, 4))
    assert fields.offered(undated, OPTIONS) == ("range", "include", "only")
    assert fields.value_labels(undated, OPTIONS)["only"] == "only these"
    assert fields.offered(topics, OPTIONS) == ("health", "covid19")
    assert fields.value_labels(topics, OPTIONS)["covid19"] == "COVID-19"
    assert fields.value_labels(types, OPTIONS) is ENGAGEMENT_LABELS
    assert fields.offered(mode, OPTIONS) == filtering.TOPIC_MODES
    assert fields.value_labels(mode, OPTIONS) == {"any": "any chosen topic",
                                                  "all": "all chosen topics"}


def test_cleared_widgets_show_everything():
    assert fields.widget_values(Filters(), OPTIONS) == {
        "f_dates": (FIRST, LAST), "f_types": [], "f_topics": [], "f_topic_mode": "any",
        "f_officials": [], "f_countries": [], "f_organisations": [], "f_counterpart": "",
        "f_places": [], "f_search": "", "f_undated": "range", "f_checks": "all",
    }
    assert "f_dates" not in fields.widget_values(Filters(), UNDATED)


def test_widgets_round_trip_any_filters_inside_the_span():
    chosen = Filters(date_from=dt.date(2020, 1, 1), engagement_types=("phone_call",),
                     topics=("health",), topic_mode="all", officials=("Zhang Ming",),
                     countries=("China",), counterpart="le", search="vaccine", checks="unchecked")
    state = fields.widget_values(chosen, OPTIONS)
    assert state["f_dates"] == (dt.date(2020, 1, 1), LAST)
    assert fields.filters_from_widgets(state, OPTIONS) == chosen


@pytest.mark.parametrize(
    ("picked", "dates"),
    [
        ((FIRST, LAST), (None, None)),
        ((FIRST, dt.date(2020, 12, 31)), (None, dt.date(2020, 12, 31))),
        ((dt.date(2020, 1, 1), LAST), (dt.date(2020, 1, 1), None)),
        ((dt.date(2020, 1, 1),), (dt.date(2020, 1, 1), None)),  # the end not picked yet
        ((), (None, None)),
    ],
)
def test_an_end_at_the_corpus_edge_is_no_date_filter(picked, dates):
    filters = fields.filters_from_widgets({"f_dates": picked}, OPTIONS)
    assert (filters.date_from, filters.date_to) == dates


def test_the_full_span_keeps_undated_releases_in_view(seed_corpus):
    releases = seed_corpus.releases.copy()
    releases.loc[releases.index[0], "event_date"] = None
    options = filtering.filter_options(releases, seed_corpus.participants)
    full = fields.filters_from_widgets({"f_dates": (options.date_min, options.date_max)}, options)
    assert len(filtering.apply_filters((releases, seed_corpus.participants), full)[0]) == 3
    narrowed = fields.filters_from_widgets(
        {"f_dates": (options.date_min, options.date_max - dt.timedelta(days=1))}, options
    )
    assert len(filtering.apply_filters((releases, seed_corpus.participants), narrowed)[0]) == 1


def test_dates_are_ignored_in_a_corpus_without_dates():
    assert fields.filters_from_widgets({"f_dates": (FIRST, LAST)}, UNDATED) == Filters()


def test_values_the_corpus_cannot_offer_are_dropped():
    state = {"f_types": ["phone_call", "telepathy"], "f_officials": ["Nobody", "Zhang Ming"],
             "f_countries": ["Mars"], "f_topic_mode": "most", "f_search": "kept", "f_undated": "only",
             "f_checks": "doubted"}
    updates = fields.valid_widget_values(state, OPTIONS, Filters())
    assert updates == {
        "f_dates": (FIRST, LAST), DATE_SPAN_KEY: (FIRST, LAST), "f_types": ["phone_call"],
        "f_topics": [], "f_topic_mode": "any", "f_officials": ["Zhang Ming"], "f_countries": [],
        "f_organisations": [], "f_counterpart": "", "f_places": [],
    }
    assert fields.valid_widget_values({"f_undated": "sometimes"}, OPTIONS, Filters())["f_undated"] == "range"
    assert fields.valid_widget_values({"f_checks": "maybe"}, OPTIONS, Filters())["f_checks"] == "all"


def test_a_valid_state_needs_no_change_but_the_lists_and_the_span():
    state = {**fields.widget_values(Filters(topics=("health",)), OPTIONS),
             DATE_SPAN_KEY: (FIRST, LAST)}
    updates = fields.valid_widget_values(state, OPTIONS, Filters())
    assert {key: value for key, value in updates.items() if state[key] != value} == {}


def grown(date_min=FIRST, date_max=LAST):
    return FilterOptions(date_min=date_min, date_max=date_max)


@pytest.mark.parametrize(
    ("range_before", "options", "range_after"),
    [
        # Left at both edges: follows a corpus grown at either end.
        ((FIRST, LAST), grown(date_max=dt.date(2022, 6, 1)), (FIRST, dt.date(2022, 6, 1))),
        ((FIRST, LAST), grown(date_min=dt.date(2018, 1, 1)), (dt.date(2018, 1, 1), LAST)),
        # One end moved by the user stays; the other follows.
        ((dt.date(2020, 1, 1), LAST), grown(date_max=dt.date(2022, 6, 1)),
         (dt.date(2020, 1, 1), dt.date(2022, 6, 1))),
        ((dt.date(2020, 1, 1), dt.date(2020, 12, 31)), grown(date_max=dt.date(2022, 6, 1)),
         (dt.date(2020, 1, 1), dt.date(2020, 12, 31))),
        # A corpus that shrank: an edge follows it, a chosen day outside it is brought inside.
        ((FIRST, LAST), grown(date_max=dt.date(2020, 6, 1)), (FIRST, dt.date(2020, 6, 1))),
        ((dt.date(2020, 1, 1), dt.date(2021, 3, 1)), grown(date_max=dt.date(2020, 6, 1)),
         (dt.date(2020, 1, 1), dt.date(2020, 6, 1))),
    ],
)
def test_a_date_range_at_the_corpus_edges_follows_the_corpus(range_before, options, range_after):
    state = {"f_dates": range_before, DATE_SPAN_KEY: (FIRST, LAST)}
    updates = fields.valid_widget_values(state, options, Filters())
    assert updates["f_dates"] == range_after
    assert updates[DATE_SPAN_KEY] == (options.date_min, options.date_max)


def test_a_first_run_gets_the_full_span():
    assert fields.valid_widget_values({}, OPTIONS, Filters())["f_dates"] == (FIRST, LAST)


def test_days_a_link_asked_for_widen_the_bounds():
    asked = Filters(date_from=dt.date(2010, 1, 1))
    assert fields.date_bounds(OPTIONS, asked) == (dt.date(2010, 1, 1), LAST)
    state = {**fields.widget_values(asked, OPTIONS), DATE_SPAN_KEY: (FIRST, LAST)}
    assert fields.valid_widget_values(state, OPTIONS, asked)["f_dates"] == (dt.date(2010, 1, 1), LAST)
    # Without the link's day in the bounds, the range is brought back inside the corpus span.
    assert fields.valid_widget_values(state, OPTIONS, Filters())["f_dates"] == (FIRST, LAST)


def test_widget_arguments_of_each_kind():
    dates, _, types, _, mode, *_, places, search, checks = fields.FILTER_FIELDS
    options = FilterOptions(places=("Astana",), place_labels={"Astana": "Astana (also Nur-Sultan)"},
                            date_min=FIRST, date_max=LAST)
    assert {k: v for k, v in fields.widget_arguments(dates, options, Filters()).items()
            if k in ("min_value", "max_value", "key")} == {"key": "f_dates", "min_value": FIRST,
                                                         "max_value": LAST}
    place = fields.widget_arguments(places, options, Filters())
    assert place["options"] == ("Astana",) and place["format_func"]("Astana") == "Astana (also Nur-Sultan)"
    assert place["placeholder"] == "All places"
    # Typing finds the options that contain what was typed, never a fuzzy neighbour.
    assert place["filter_mode"] == "contains"
    assert fields.widget_arguments(types, options, Filters())["format_func"]("phone_call") == "Phone call"
    assert fields.widget_arguments(mode, options, Filters())["horizontal"] is True
    assert set(fields.widget_arguments(search, options, Filters())) == {"key", "help", "placeholder"}
    review = fields.widget_arguments(checks, options, Filters())
    assert review["options"] == ("all", "doubted", "checked", "unchecked")
    assert [review["format_func"](v) for v in review["options"]] == ["all", "with doubts left", "checked", "not checked"]
