"""sco_data.explore: filtering, URL parameters, aggregations and people, checked row by row."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sco_data.explore import aggregations, filtering, identity, people, urlstate
from sco_data.explore.filtering import FilterOptions, Filters
from sco_data.extract import names as extract_names
from sco_data.schema import (
    ENGAGEMENT_TYPES,
    PARTICIPANT_COLUMNS,
    RELEASE_COLUMNS,
    topic_flag_column,
    topic_mentions_column,
)

TOPICS = ("health", "covid19", "ecommerce", "women")
LABELS = {"health": "Health", "covid19": "COVID-19", "ecommerce": "E-commerce", "women": "Women"}


def release(release_id, day, engagement, people=(), *, official="Vladimir Norov", city=None,
            country=None, lat=np.nan, lon=np.nan, topics=None, title=None, text=""):
    """One Corpus.releases row; people are (name, title, country) triples."""
    topics = topics or {}
    row = dict.fromkeys(RELEASE_COLUMNS, "")
    row.update(
        release_id=release_id, source=f"{release_id}.txt", title=title,
        event_date=pd.Timestamp(day) if day else pd.NaT, engagement_type=engagement,
        sco_official=official, sco_role="Secretary-General" if official else None,
        counterparts="; ".join(p[0] for p in people),
        counterpart_titles="; ".join(p[1] for p in people),
        counterpart_countries="; ".join(p[2] for p in people),
        location_city=city, location_country=country, latitude=lat, longitude=lon,
        topics="; ".join(topics), text=text, foreign_line_count=0,
    )
    for topic in TOPICS:
        row[topic_flag_column(topic)] = topic in topics
        row[topic_mentions_column(topic)] = topics.get(topic, 0)
    return row


def frames(rows):
    """Releases and participants frames shaped like a Corpus."""
    releases = pd.DataFrame(rows)
    releases["event_date"] = pd.to_datetime(releases["event_date"])
    people = []
    for row in rows:
        if row["sco_official"]:
            people.append([row["release_id"], row["event_date"], row["sco_official"],
                           row["sco_role"], "SCO Secretariat", "SCO", "organisation", "sco"])
        names = [n for n in row["counterparts"].split("; ") if n]
        for name, title, country in zip(names, row["counterpart_titles"].split("; "),
                                        row["counterpart_countries"].split("; ")):
            people.append([row["release_id"], row["event_date"], name, title, None,
                           country or None, "state" if country else None, "counterpart"])
    return releases, pd.DataFrame(people, columns=list(PARTICIPANT_COLUMNS))


@pytest.fixture()
def sample():
    """Five releases, one undated, with the name and country traps the filters must handle."""
    return frames([
        release("a", "2019-05-26", "meeting", [("Shen Yueyue", "President", "China")],
                city="Fangchenggang", country="China", lat=21.77, lon=108.36,
                topics={"health": 4, "women": 12}, title="Norov meets Shen Yueyue",
                text="On 26 May 2019 they discussed healthcare."),
        release("b", "2020-04-29", "phone_call", [("Mr Le Yucheng", "Vice Minister", "China")],
                topics={"health": 5, "covid19": 9}, title="Telephone conversation",
                text="The officials exchanged views on the pandemic."),
        release("c", "2021-05-09", "meeting", [("He Jinping", "Vice Governor", "China")],
                city="Zhengzhou", country="China", lat=34.76, lon=113.65,
                topics={"ecommerce": 1}, text="Cross-border E-commerce conference."),
        release("d", "2021-06-01", "video_call",
                [("Le  Yucheng", "Executive Vice Minister", "China"),
                 ("Naledi Pandor", "Minister", "South Africa")],
                official="Zhang Ming", text="Talks by videoconference."),
        release("e", None, "other", [("Anon Person", "Envoy", "")], official=None,
                text="A letter of greetings."),
    ])


def ids(releases: pd.DataFrame) -> list[str]:
    return sorted(releases["release_id"])


# --- prepare and filters -----------------------------------------------------------------


def test_prepare_adds_helpers_without_touching_the_input(sample):
    releases, _ = sample
    before = releases.copy()
    prepared = filtering.prepare(releases)
    pd.testing.assert_frame_equal(releases, before)
    assert filtering.is_prepared(prepared) and not filtering.is_prepared(releases)
    assert filtering.prepare(prepared) is prepared
    assert list(filtering.drop_prepared(prepared).columns) == list(releases.columns)
    assert prepared["_year"].tolist()[:2] == [pd.Timestamp("2019"), pd.Timestamp("2020")]
    assert pd.isna(prepared["_month"].iloc[4])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["a", "b", "c", "d", "e"]),
        (Filters(engagement_types=("phone_call",)), ["b"]),
        (Filters(engagement_types=("meeting", "video_call")), ["a", "c", "d"]),
        (Filters(topics=("health",)), ["a", "b"]),
        (Filters(topics=("women", "covid19")), ["a", "b"]),
        (Filters(topics=("health", "covid19"), topic_mode="all"), ["b"]),
        (Filters(topics=("no_such_topic",), topic_mode="all"), []),
        (Filters(date_from=dt.date(2020, 4, 29)), ["b", "c", "d"]),
        (Filters(date_to=dt.date(2020, 4, 29)), ["a", "b"]),
        (Filters(date_from=dt.date(2020, 1, 1), date_to=dt.date(2020, 12, 31)), ["b"]),
        (Filters(officials=("Zhang Ming",)), ["d"]),
        (Filters(countries=("South Africa",)), ["d"]),
        (Filters(countries=("Africa",)), []),
        (Filters(countries=("China", "South Africa")), ["a", "b", "c", "d"]),
        (Filters(counterpart="yucheng"), ["b", "d"]),
        (Filters(counterpart="le yucheng"), ["b", "d"]),
        (Filters(counterpart="  HE   jinping "), ["c"]),
        (Filters(search="PANDEMIC"), ["b"]),
        (Filters(search="telephone"), ["b"]),
        (Filters(search="e-commerce"), ["c"]),
        (Filters(search="healthcare 2019"), ["a"]),
        (Filters(search="healthcare pandemic"), []),
        (Filters(search="[(*"), []),
        (Filters(engagement_types=("meeting",), topics=("ecommerce",)), ["c"]),
    ],
)
def test_apply_filters_keeps_the_expected_releases(sample, filters, expected):
    releases, participants = sample
    kept, people = filtering.apply_filters((releases, participants), filters)
    assert ids(kept) == expected
    assert sorted(set(people["release_id"])) == expected
    assert filtering.count_kept((releases, participants), filters) == len(expected)


def test_apply_filters_accepts_a_corpus_like_object(sample):
    class Corpus:
        releases, participants = sample

    kept, people = filtering.apply_filters(Corpus, Filters(engagement_types=("phone_call",)))
    assert ids(kept) == ["b"]
    assert people["name"].tolist() == ["Vladimir Norov", "Mr Le Yucheng"]


def test_the_page_filters_without_the_texts_and_searches_them_all_the_same(sample):
    releases, participants = sample
    kept, people_kept = filtering.apply_filters(sample, Filters(search="pandemic"), filtering.ONE_RELEASE_COLUMNS)
    whole, whole_people = filtering.apply_filters(sample, Filters(search="pandemic"))
    assert kept["release_id"].tolist() == whole["release_id"].tolist() == ["b"]
    assert not set(filtering.ONE_RELEASE_COLUMNS) & set(kept.columns) and "text" in whole.columns
    pd.testing.assert_frame_equal(kept, whole.drop(columns=list(filtering.ONE_RELEASE_COLUMNS)))
    pd.testing.assert_frame_equal(people_kept, whole_people)
    everything, _ = filtering.apply_filters(sample, Filters(), filtering.ONE_RELEASE_COLUMNS)
    assert len(everything) == len(releases) and "text" not in everything.columns


def test_filters_normalise_sequences_and_text():
    filters = Filters(topics=["health"], search="  covid  ")
    assert filters.topics == ("health",) and filters.search == "covid"
    assert hash(filters) == hash(Filters(topics=("health",), search="covid"))
    assert not Filters(topic_mode="all").is_active
    assert Filters(counterpart="x").is_active
    with pytest.raises(ValueError, match="topic_mode"):
        Filters(topic_mode="some")


def test_seed_corpus_phone_call_is_the_2020_release(seed_corpus):
    kept, people = filtering.apply_filters(seed_corpus, Filters(engagement_types=("phone_call",)))
    assert kept["event_date"].tolist() == [pd.Timestamp("2020-04-29")]
    assert "Le Yucheng" in people["name"].tolist()


@pytest.mark.parametrize(
    ("filters", "days"),
    [
        (Filters(topics=("women",)), ["2019-05-26"]),
        (Filters(topics=("ecommerce",)), ["2021-05-09"]),
        (Filters(topics=("health", "covid19"), topic_mode="all"), ["2020-04-29"]),
        (Filters(date_from=dt.date(2020, 1, 1), date_to=dt.date(2020, 12, 31)), ["2020-04-29"]),
        (Filters(search="zhengzhou"), ["2021-05-09"]),
        (Filters(search="Fangchenggang"), ["2019-05-26"]),
        (Filters(counterpart="shen"), ["2019-05-26"]),
    ],
)
def test_seed_corpus_filters(seed_corpus, filters, days):
    kept, _ = filtering.apply_filters(seed_corpus, filters)
    assert sorted(kept["event_date"].dt.strftime("%Y-%m-%d")) == days


# --- options and the URL -----------------------------------------------------------------


def test_filter_options_of_the_sample(sample):
    options = filtering.filter_options(sample[0], sample[1], LABELS)
    assert options.officials == ("Vladimir Norov", "Zhang Ming")
    assert options.countries == ("China", "South Africa")
    assert options.organisations == ()
    assert options.places == ("Fangchenggang", "Zhengzhou")
    assert options.topics == TOPICS
    assert (options.date_min, options.date_max) == (dt.date(2019, 5, 26), dt.date(2021, 6, 1))


def test_query_params_leave_defaults_out():
    assert urlstate.filters_to_query_params(Filters()) == {}
    filters = Filters(date_from=dt.date(2020, 1, 2), engagement_types=("phone_call",),
                      topics=("health", "covid19"), topic_mode="all", search="vaccine")
    assert urlstate.filters_to_query_params(filters) == {
        "from": "2020-01-02", "type": ["phone_call"], "topic": ["health", "covid19"],
        "topic_mode": "all", "q": "vaccine",
    }


OPTIONS = FilterOptions(topics=TOPICS, officials=("Vladimir Norov", "Zhang Ming"),
                        countries=("China", "South Africa"), topic_labels=LABELS)


@settings(max_examples=150, deadline=None)
@given(
    date_from=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2010, 1, 1)),
    date_to=st.none() | st.dates(dt.date(2010, 1, 2), dt.date(2030, 1, 1)),
    types=st.lists(st.sampled_from(ENGAGEMENT_TYPES), unique=True),
    topics=st.lists(st.sampled_from(TOPICS), unique=True),
    mode=st.sampled_from(filtering.TOPIC_MODES),
    officials=st.lists(st.sampled_from(OPTIONS.officials), unique=True),
    countries=st.lists(st.sampled_from(OPTIONS.countries), unique=True),
    counterpart=st.text(max_size=30).map(str.strip),
    search=st.text(max_size=30).map(str.strip),
)
def test_query_params_round_trip(date_from, date_to, types, topics, mode, officials,
                                 countries, counterpart, search):
    filters = Filters(date_from=date_from, date_to=date_to, engagement_types=tuple(types),
                      topics=tuple(topics), topic_mode=mode, officials=tuple(officials),
                      countries=tuple(countries), counterpart=counterpart, search=search)
    back, notices = urlstate.filters_from_query_params(
        urlstate.filters_to_query_params(filters), OPTIONS
    )
    assert (back, notices) == (filters, [])


def test_the_doubts_and_checks_filter_keeps_doubted_checked_or_unchecked_releases(sample):
    releases, participants = sample
    releases = releases.assign(doubts=["", "event_date: the date comes from the headline", "", "", ""],
                               checked=[False, False, True, False, True])
    kept = {mode: ids(filtering.apply_filters((releases, participants), Filters(checks=mode))[0])
            for mode in ("all", "doubted", "checked", "unchecked")}
    assert kept == {"all": ["a", "b", "c", "d", "e"], "doubted": ["b"], "checked": ["c", "e"],
                    "unchecked": ["a", "b", "d"]}
    # With the other filters: the checked phone calls are none, the unchecked meetings one.
    assert ids(filtering.apply_filters((releases, participants), Filters(
        checks="unchecked", engagement_types=("meeting",)))[0]) == ["a"]
    # In the link: left out at its default, read back, a bad value ignored with a notice.
    assert urlstate.filters_to_query_params(Filters(checks="doubted")) == {"checks": "doubted"}
    assert urlstate.filters_from_query_params({"checks": "Checked"}, OPTIONS) == (Filters(checks="checked"), [])
    assert urlstate.filters_from_query_params({"checks": "maybe"}, OPTIONS) == (Filters(), [
        "Ignored checks 'maybe' from the link: use 'all' or 'doubted' or 'checked' or 'unchecked'."])
    with pytest.raises(ValueError, match="checks must be one of"):
        Filters(checks="maybe")


def test_query_params_accept_labels_and_any_case():
    filters, notices = urlstate.filters_from_query_params(
        {"type": ["Phone call", "MEETING"], "topic": "covid-19", "country": "china"}, OPTIONS
    )
    assert notices == []
    assert filters == Filters(engagement_types=("phone_call", "meeting"), topics=("covid19",),
                              countries=("China",))


def test_bad_query_params_are_ignored_with_notices():
    filters, notices = urlstate.filters_from_query_params(
        {"type": ["phone_call", "telepathy"], "from": "2020-13-45", "topic_mode": "most",
         "topic": "astrology", "q": "x" * 500, "unknown": "1"},
        OPTIONS,
    )
    assert filters == Filters(engagement_types=("phone_call",), search="x" * urlstate.MAX_TEXT_PARAM)
    assert notices == [
        "Ignored engagement type 'telepathy' from the link: no such engagement type.",
        "Ignored topic 'astrology' from the link: no such topic.",
        "Ignored date '2020-13-45' from the link: expected YYYY-MM-DD.",
        "Ignored topic mode 'most' from the link: use 'any' or 'all'.",
        "Shortened the search text from the link to 200 characters.",
    ]


def test_reversed_date_range_in_a_link_is_swapped_with_a_notice():
    filters, notices = urlstate.filters_from_query_params({"from": "2021-01-01", "to": "2019-01-01"},
                                                       OPTIONS)
    assert (filters.date_from, filters.date_to) == (dt.date(2019, 1, 1), dt.date(2021, 1, 1))
    assert notices == ["The date range from the link ended before it started: swapped to "
                       "2019-01-01 – 2021-01-01."]


def test_a_bad_value_repeated_900_times_gives_one_notice():
    filters, notices = urlstate.filters_from_query_params(
        {"type": ["telepathy"] * 900 + ["phone_call"], "topic": ["astrology", "tarot"] * 450}, OPTIONS)
    assert filters == Filters(engagement_types=("phone_call",))
    assert notices == [
        "Ignored engagement type 'telepathy' from the link: no such engagement type.",
        "Ignored 2 values of topic from the link ('astrology', 'tarot'): no such topic.",
    ]


def test_a_notice_names_a_few_of_many_bad_values():
    _, notices = urlstate.filters_from_query_params({"country": [f"Land {i}" for i in range(50)]},
                                                    OPTIONS)
    assert notices == ["Ignored 50 values of counterpart country from the link ('Land 0', 'Land 1', "
                       "'Land 2' and 47 more): no such counterpart country."]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(
    st.sampled_from([*urlstate.PARAM_NAMES.values(), "junk"]),
    st.text(max_size=20) | st.lists(st.text(max_size=20), max_size=3),
))
def test_any_query_params_give_filters_never_an_exception(params):
    filters, notices = urlstate.filters_from_query_params(params, OPTIONS)
    assert isinstance(filters, Filters)
    assert all(isinstance(n, str) for n in notices)


# --- aggregations ------------------------------------------------------------------------


def test_engagements_over_time_by_year(sample):
    counts = aggregations.engagements_over_time(filtering.prepare(sample[0]), "year")
    assert counts.values.tolist() == [
        [pd.Timestamp("2019"), "2019", "meeting", "Meeting", 1],
        [pd.Timestamp("2019"), "2019", "phone_call", "Phone call", 0],
        [pd.Timestamp("2019"), "2019", "video_call", "Video call", 0],
        [pd.Timestamp("2020"), "2020", "meeting", "Meeting", 0],
        [pd.Timestamp("2020"), "2020", "phone_call", "Phone call", 1],
        [pd.Timestamp("2020"), "2020", "video_call", "Video call", 0],
        [pd.Timestamp("2021"), "2021", "meeting", "Meeting", 1],
        [pd.Timestamp("2021"), "2021", "phone_call", "Phone call", 0],
        [pd.Timestamp("2021"), "2021", "video_call", "Video call", 1],
    ]
    assert list(counts.columns) == ["period", "period_label", "engagement_type", "label", "count"]


@pytest.mark.parametrize(("period", "first"), [("month", "2019-05-01"), ("quarter", "2019-04-01")])
def test_engagements_over_time_buckets_unprepared_frames(sample, period, first):
    counts = aggregations.engagements_over_time(sample[0], period)
    assert counts["period"].iloc[0] == pd.Timestamp(first)
    assert counts["count"].sum() == 4  # the undated release is in no period


def test_unknown_period_is_an_error(sample):
    with pytest.raises(ValueError, match="period"):
        aggregations.engagements_over_time(sample[0], "week")


def test_topic_frequencies(sample):
    table = aggregations.topic_frequencies(sample[0], LABELS)
    assert table.to_dict("records") == [
        {"topic": "health", "label": "Health", "releases": 2, "mentions": 9},
        {"topic": "women", "label": "Women", "releases": 1, "mentions": 12},
        {"topic": "covid19", "label": "COVID-19", "releases": 1, "mentions": 9},
        {"topic": "ecommerce", "label": "E-commerce", "releases": 1, "mentions": 1},
    ]


def test_topic_frequencies_without_taxonomy_uses_the_columns(sample):
    assert aggregations.topic_frequencies(sample[0])["label"].tolist()[0] == "Health"


def test_topics_over_time(sample):
    table = aggregations.topics_over_time(sample[0], "year", LABELS)
    assert len(table) == 3 * len(TOPICS)
    year_2020 = table[table["period"] == pd.Timestamp("2020-01-01")]
    assert year_2020[["topic", "releases"]].values.tolist() == [
        ["health", 1], ["covid19", 1], ["ecommerce", 0], ["women", 0],
    ]
    assert aggregations.topics_over_time(sample[0].iloc[:0], "year", LABELS).empty


def test_topics_over_time_has_every_period_between_the_first_and_the_last(sample):
    table = aggregations.topics_over_time(sample[0], "quarter", LABELS)
    quarters = table.drop_duplicates("period")["period_label"].tolist()
    assert quarters == ["2019 Q2", "2019 Q3", "2019 Q4", "2020 Q1", "2020 Q2", "2020 Q3",
                        "2020 Q4", "2021 Q1", "2021 Q2"]
    health = table[table["topic"] == "health"]["releases"].tolist()
    assert health == [1, 0, 0, 0, 1, 0, 0, 0, 0]


def test_participants_table_merges_honorifics_and_spacing(sample):
    table = people.participants_table(sample[1])
    le = table[table["name"] == "Le Yucheng"]
    assert le.to_dict("records") == [{
        "name": "Le Yucheng", "role": "counterpart", "title": "Executive Vice Minister",
        "affiliation": "China", "engagements": 2, "first": pd.Timestamp("2020-04-29"),
        "last": pd.Timestamp("2021-06-01"),
    }]
    # A missing title or affiliation is an empty cell, never None.
    assert table[table["name"] == "Anon Person"][["title", "affiliation"]].values.tolist() == [
        ["Envoy", ""]]
    # Most engagements first, then the most recent, then by name; undated people last.
    assert table["name"].tolist() == [
        "Vladimir Norov", "Le Yucheng", "Naledi Pandor", "Zhang Ming", "He Jinping",
        "Shen Yueyue", "Anon Person",
    ]
    assert table["engagements"].tolist() == [3, 2, 1, 1, 1, 1, 1]


@pytest.mark.parametrize(
    "name",
    ["Le Yucheng", "Mr Le Yucheng", "Mr. Le Yucheng", "H.E. Mr. Le Yucheng", "le  YUCHENG ",
     "His Excellency Le Yucheng"],
)
def test_normalise_name(name):
    assert identity.normalise_name(pd.Series([name])).tolist() == ["le iucheng"]


def test_one_person_whatever_the_honorific_or_apostrophe_and_as_the_extractor_compares():
    names = pd.Series(["Dato Lim Jock Hoi", "Lim Jock Hoi", "Mr O’Brien", "O'Brien", None])
    assert identity.normalise_name(names).tolist() == ["lim jock hoi", "lim jock hoi", "obrien", "obrien", ""]
    assert identity.display_name(names).tolist() == ["Lim Jock Hoi", "Lim Jock Hoi", "O’Brien", "O'Brien", ""]
    assert identity.normalise_name(names).iloc[:4].tolist() == [extract_names.person_key(n) for n in names.iloc[:4]]
    assert identity.normalise_query("  O’BRIEN ") == "obrien"
    assert identity.normalise_query("Dato Lim") == "lim" and identity.normalise_query("Dato") == "dato"


@pytest.mark.parametrize(("first", "second"), [
    ("Sergey Lavrov", "Sergei Lavrov"), ("Nurlan Yermekbayev", "Nurlan Ermekbaev"), ("Miroslav Jenča", "Miroslav Jenca"),
    ("Ali Keshavarz-Zadeh", "Ali Keshavarz Zadeh"), ("Shri Piyush Goyal", "Piyush Goyal"),
    ("Dmitriy Medvedev", "Dmitri Medvedev"), ("Aleksandr Lukashenko", "Alexandr Lukashenko"),
])
def test_spellings_of_one_person_share_a_key(first, second):
    assert extract_names.person_key(first) == extract_names.person_key(second)
    assert identity.normalise_query(first[:-2]) in identity.normalise_name(pd.Series([second])).iloc[0]


def test_a_name_written_with_initials_is_the_one_full_name_they_begin():
    names = pd.Series(["S Jaishankar", "Subrahmanyam Jaishankar", "S. Jaishankar", "I Petrov", "Ivan Petrov",
                       "Igor Petrov", "Wang Yi", "Yi Gang", "Ivan Gang", None])
    keys = identity.initials_resolved(names, identity.normalise_name(names)).tolist()
    assert keys[:3] == [extract_names.person_key("Subrahmanyam Jaishankar")] * 3
    assert keys[3] == extract_names.person_key("I Petrov")  # Ivan or Igor: left alone
    assert keys[6:] == [extract_names.person_key(name) for name in ("Wang Yi", "Yi Gang", "Ivan Gang")] + [""]
    prepared = identity.prepare_participants(pd.DataFrame({"name": names.iloc[:3]}))
    assert prepared[identity.PERSON_KEY].nunique() == 1


def test_different_people_keep_different_keys():
    keys = {extract_names.person_key(name) for name in ("Wang Yi", "Wang Yu", "Zhang Ming", "Jang Ming", "Li Hui", "Li Hu")}
    assert len(keys) == 6


def test_top_counterparts_and_countries(sample):
    top = people.top_counterparts(sample[1], n=2)
    assert top[["name", "engagements"]].values.tolist() == [["Le Yucheng", 2], ["Naledi Pandor", 1]]
    countries = people.top_countries(sample[1])
    assert countries.to_dict("records") == [
        {"affiliation": "China", "engagements": 4, "people": 3},
        {"affiliation": "South Africa", "engagements": 1, "people": 1},
    ]
    assert people.top_organisations(sample[1]).empty


def test_place_counts(sample):
    places = aggregations.place_counts(sample[0])
    assert places[["place", "engagements"]].values.tolist() == [
        ["Fangchenggang, China", 1], ["Zhengzhou, China", 1],
    ]
    assert places["latitude"].tolist() == [21.77, 34.76]


def test_headline_figures(sample):
    figures = aggregations.headline_figures(*sample)
    assert figures == aggregations.Headline(
        engagements=5, counterparts=5, countries=2, organisations=0, first_date=dt.date(2019, 5, 26),
        last_date=dt.date(2021, 6, 1), undated=1,
    )


def test_headline_figures_of_nothing(sample):
    figures = aggregations.headline_figures(sample[0].iloc[:0], sample[1].iloc[:0])
    assert figures == aggregations.Headline(0, 0, 0, 0, None, None, 0)
    assert figures.span_text == "none known"


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (dt.date(2019, 5, 26), dt.date(2021, 5, 9), "May 2019 – May 2021"),
        (dt.date(2020, 4, 29), dt.date(2020, 4, 29), "29 Apr 2020"),
        (dt.date(2020, 4, 1), dt.date(2020, 4, 29), "Apr 2020 – Apr 2020"),
    ],
)
def test_date_span_in_words(first, last, text):
    assert aggregations.Headline(1, 0, 0, 0, first, last, 0).span_text == text


def test_the_headline_counts_and_its_dates_sentence():
    figures = aggregations.Headline(1, 1, 1, 0, dt.date(2020, 4, 29), dt.date(2020, 4, 29), 1)
    assert [label for label, _, _ in aggregations.headline_metrics(figures)] == [
        "Engagements", "Counterparts", "Countries", "Organisations"]
    assert aggregations.dates_sentence(figures) == (
        "Engagement dates: 29 Apr 2020; 1 release has no known date.")
    assert aggregations.dates_sentence(aggregations.Headline(2, 0, 0, 0, None, None, 0)) == (
        "Engagement dates: none known.")


def test_report_counts_every_status_and_lists_problems_first():
    report = pd.DataFrame({
        "path": ["a.txt", "b.txt", "c.pdf", "d.txt", "e.txt"],
        "status": ["ok", "rejected", "skipped", "warning", "rejected"],
        "reason": ["", "empty file", "not a release file (.pdf)", "no place found", "binary"],
        "release_id": ["r1", None, None, "r4", None],
    })
    assert aggregations.report_counts(report) == {
        "Read": 1, "With warnings": 1, "Rejected": 2, "Skipped": 1,
    }
    assert aggregations.report_table(report)["path"].tolist() == [
        "b.txt", "e.txt", "d.txt", "c.pdf", "a.txt",
    ]
    assert aggregations.report_counts(report.iloc[:0]) == dict.fromkeys(
        ["Read", "With warnings", "Rejected", "Skipped"], 0)
    with_fixes = pd.concat([report, pd.DataFrame({
        "path": ["sco-corrections.csv"], "status": ["corrections"],
        "reason": ["corrections file: 2 corrections applied to 1 release"], "release_id": [None]})])
    assert aggregations.report_counts(with_fixes)["Corrections file"] == 1
    assert aggregations.report_counts(with_fixes)["Read"] == 1  # not counted as a release file read


def test_seed_headline(seed_corpus):
    figures = aggregations.headline_figures(seed_corpus.releases, seed_corpus.participants)
    assert (figures.engagements, figures.counterparts, figures.countries) == (3, 3, 1)
    assert (figures.first_date, figures.last_date) == (dt.date(2019, 5, 26), dt.date(2021, 5, 9))


def test_releases_table_is_newest_first_with_labels(sample):
    table = aggregations.releases_table(sample[0])
    assert table["release_id"].tolist() == ["d", "c", "b", "a", "e"]
    assert table["engagement"].tolist() == [
        "Video call", "Meeting", "Phone call", "Meeting", "Other",
    ]
    assert list(table.columns) == ["event_date", *aggregations.RELEASE_TABLE_COLUMNS]
    # Each row names its release: the headline, else the first words of the text; and its file.
    assert table["release"].tolist() == ["Talks by videoconference.", "Cross-border E-commerce conference.",
                                         "Telephone conversation", "Norov meets Shen Yueyue", "A letter of greetings."]
    assert table["source"].tolist() == ["d.txt", "c.txt", "b.txt", "a.txt", "e.txt"]
    assert table["date"].tolist() == ["2021-06-01", "2021-05-09", "2020-04-29", "2019-05-26", "–"]


def test_empty_inputs_give_empty_tables(sample):
    releases, participants = sample[0].iloc[:0], sample[1].iloc[:0]
    assert aggregations.engagements_over_time(releases).empty
    assert people.participants_table(participants).columns.tolist() == list(people.PEOPLE_COLUMNS)
    assert people.top_countries(participants).empty
    assert aggregations.place_counts(releases).empty
    assert aggregations.topic_frequencies(releases, LABELS)["releases"].sum() == 0


def test_releases_table_shows_topic_labels_with_a_taxonomy(sample):
    table = aggregations.releases_table(sample[0], LABELS)
    assert table["topics"].tolist() == ["", "E-commerce", "Health; COVID-19", "Health; Women", ""]


def test_prepared_participants_give_the_same_tables(sample):
    releases, participants = sample
    prepared = identity.prepare_participants(participants)
    assert identity.prepare_participants(prepared) is prepared
    assert list(filtering.drop_prepared(prepared).columns) == list(participants.columns)
    pd.testing.assert_frame_equal(
        people.participants_table(prepared), people.participants_table(participants)
    )
    pd.testing.assert_frame_equal(people.top_countries(prepared), people.top_countries(participants))
    headline = aggregations.headline_figures(releases, prepared)
    assert headline == aggregations.headline_figures(releases, participants)


def test_no_active_filter_returns_the_frames_without_copying(sample):
    releases, participants = sample
    prepared = filtering.prepare(releases)
    kept, people = filtering.apply_filters((prepared, participants), Filters(topic_mode="all"))
    assert kept is prepared and people is participants


@pytest.mark.parametrize("dtype", ["str", object])
def test_kept_ids_are_looked_up_in_any_text_dtype_even_when_none_are_kept(dtype):
    ids = pd.Series(["a", "b", "c"], dtype=dtype)
    assert filtering._among(ids, pd.Series(["c", "a", "z"], dtype=dtype)).tolist() == [True, False, True]
    assert filtering._among(ids, pd.Series([], dtype=dtype)).tolist() == [False, False, False]
    assert filtering._among(ids, pd.Series([], dtype=object)).tolist() == [False, False, False]
    assert filtering._among(pd.Series([None, None], dtype=object), ids).tolist() == [False, False]
