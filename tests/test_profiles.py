"""sco_data.explore.profiles: a country, organisation or person over time, and the
Secretaries-General side by side; on the gold folder, checked against its releases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sco_data
from sco_data.explore import profiles
from sco_data.explore.prepared import prepare_corpus

GOLD = Path(__file__).resolve().parent / "gold" / "releases"


@pytest.fixture(scope="module")
def gold():
    return prepare_corpus(sco_data.load_corpus(GOLD, use_cache=False), sco_data.load_taxonomy())


def test_profile_names_round_trip_and_bad_ones_are_refused():
    assert profiles.split_profile(profiles.profile_name("country", "Iran")) == ("country", "Iran")
    assert profiles.split_profile("person:le yucheng") == ("person", "le yucheng")
    assert profiles.split_profile("planet:Mars") is None
    assert profiles.split_profile("country:") is None
    assert profiles.split_profile("Iran") is None


def test_every_country_organisation_and_counterpart_has_a_profile(gold):
    kinds = [key.split(":")[0] for key in gold.profiles]
    assert kinds.count("country") == 18 and kinds.count("organisation") == 10
    assert kinds.count("person") == 77
    assert gold.profiles["organisation:United Nations"] == "United Nations (organisation)"
    assert gold.profiles["person:shavkat mirzioev"] == "Shavkat Mirziyoyev (person)"
    # A link may spell the person as the releases do, or otherwise: it is one profile.
    assert profiles.canonical_profile("person:Shavkat Mirziyoev") == "person:shavkat mirzioev"


def test_a_country_timeline_lists_each_engagement_with_the_title_held_then(gold):
    timeline = profiles.profile_timeline(gold.releases, gold.participants, "country:Uzbekistan", gold.taxonomy)
    assert list(timeline.columns) == list(profiles.TIMELINE_COLUMNS)
    assert len(timeline) == 8  # the eight releases with an Uzbek counterpart
    assert timeline["event_date"].is_monotonic_decreasing
    norov = timeline[timeline["counterpart"] == "Vladimir Norov"]
    assert norov[["title_then", "sco_official"]].values.tolist() == [
        ["Acting Minister of Foreign Affairs of the Republic of Uzbekistan", "Zhang Ming"]]
    assert not timeline.isna().any().any()  # empty cells, never None
    assert timeline["release"].str.len().min() > 10  # each row names its release


def test_a_person_profile_follows_that_person_only(gold):
    mine = profiles.profile_releases(gold.releases, gold.participants, "person:shavkat mirziyoyev")
    assert len(mine) == 3
    timeline = profiles.profile_timeline(mine, gold.participants, "person:shavkat mirziyoyev")
    assert set(timeline["title_then"]) == {"President of the Republic of Uzbekistan"}
    counts = profiles.type_counts(mine)
    assert counts["count"].sum() == 3 and list(counts.columns) == ["engagement_type", "label", "count"]


def test_an_unknown_profile_has_no_engagements(gold):
    assert profiles.profile_releases(gold.releases, gold.participants, "country:Atlantis").empty
    assert profiles.profile_releases(gold.releases, gold.participants, "nonsense").empty


def test_the_secretaries_general_side_by_side(gold):
    summary = profiles.officials_summary(gold.releases, gold.participants, gold.taxonomy)
    assert list(summary.columns) == ["", "Rashid Alimov", "Vladimir Norov", "Zhang Ming", "Nurlan Yermekbayev"]
    rows = summary.set_index("")
    assert rows.loc["Term", "Vladimir Norov"] == "Jan 2019 – Dec 2021"
    assert rows.loc["Term", "Nurlan Yermekbayev"].endswith("(in office)")
    # Norov's 30 releases as Secretary-General, three of them undated (g29, a date with no year;
    # g56 and h08, whose year only a date line gives) and so in no month of his term: 27 in 36.
    assert rows.loc["Engagements", "Vladimir Norov"] == "27"
    assert rows.loc["Engagements per month", "Vladimir Norov"] == "0.8"
    assert rows.loc["Top countries", "Vladimir Norov"].startswith("China (4); Kazakhstan (3)")
    months = profiles.months_of_term(gold.releases)
    norov = months[months["official"] == "Vladimir Norov"]
    assert norov["count"].sum() == 27 and norov["month"].max() == 36


def test_under_a_date_filter_the_monthly_rate_counts_the_months_in_view(gold):
    dates = gold.releases["event_date"]
    in_2021 = gold.releases[(dates >= "2021-01-01") & (dates <= "2021-12-31")]
    people = gold.participants[gold.participants["release_id"].isin(in_2021["release_id"])]
    corpus_end = dates.max().date()
    summary = profiles.officials_summary(in_2021, people, gold.taxonomy, within=(dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
                                         corpus_end=corpus_end).set_index("")
    norov_2021 = int(((in_2021["sco_official"] == "Vladimir Norov")).sum())
    assert summary.loc["Engagements", "Vladimir Norov"] == str(norov_2021)
    assert summary.loc["Engagements per month", "Vladimir Norov"] == f"{norov_2021 / 12:.1f} (over 12 months in view)"
    assert summary.loc["Engagements per month", "Rashid Alimov"] == "–"  # his term ended in 2018
    # The term of the Secretary-General in office ends where the corpus does, whatever the filter.
    whole = profiles.officials_summary(gold.releases, gold.participants, gold.taxonomy).set_index("")
    assert summary.loc["Term", "Nurlan Yermekbayev"] == whole.loc["Term", "Nurlan Yermekbayev"]


def test_every_cell_of_the_summary_says_something_and_rates_count_the_months_covered(gold):
    """An official met only organisations has 'none' for top countries, not a blank; a corpus
    that starts in 2020 covers 24 of Norov's 36 months; his undated releases are counted apart."""
    releases, participants = gold.releases, gold.participants
    norov = releases[releases["sco_official"] == "Vladimir Norov"]
    alone = participants[participants["release_id"].isin(norov["release_id"])
                         & ((participants["role"] == "sco") | (participants["affiliation_type"] == "organisation"))]
    summary = profiles.officials_summary(norov, alone, gold.taxonomy, corpus_start=dt.date(2020, 1, 1),
                                         corpus_end=dt.date(2026, 4, 30)).set_index("")
    assert list(summary.index) == list(profiles.SUMMARY_ROWS)
    column = summary["Vladimir Norov"]
    assert column["Top countries"] == "none"
    assert column["Engagements per month"] == "1.1 (over 24 months in view)"  # 27 over 2020-2021
    assert column["Not counted"] == "3 without a date"
    assert summary.loc["Top topics", "Zhang Ming"] == "none" and summary.loc["Types", "Zhang Ming"] == "none"
    assert "" not in set(summary.to_numpy().ravel())
