"""sco_data.explore.places: one place per city, labelled as English releases write it, found by
any of its names in a link whichever spelling the corpus uses."""

from __future__ import annotations

import pandas as pd
import pytest
from test_query import frames, release

from sco_data.explore import aggregations, filtering, places, urlstate
from sco_data.explore.filtering import Filters


def placed(*cities: tuple[str, str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One release per (written name, gazetteer key, country)."""
    releases, participants = frames([
        release(f"r{i}", f"2021-0{i + 1}-01", "meeting", city=city, country=country, lat=40.0 + i, lon=60.0 + i)
        for i, (city, _, country) in enumerate(cities)])
    releases["location_key"] = [key for _, key, _ in cities]
    return releases, participants


def test_a_place_is_labelled_as_the_releases_write_it_not_in_the_gazetteers_local_form():
    releases, participants = placed(("Khiva", "Xiva", "Uzbekistan"), ("Khiva", "Xiva", "Uzbekistan"),
                         ("Ulaanbaatar", "Ulan Bator", "Mongolia"), ("Nur-Sultan", "Astana", "Kazakhstan"),
                         ("Astana", "Astana", "Kazakhstan"), ("Nur-Sultan", "Astana", "Kazakhstan"))
    assert places.place_spellings(releases) == {
        "Astana": ["Astana", "Nur-Sultan"], "Ulan Bator": ["Ulaanbaatar"], "Xiva": ["Khiva"]}
    counted = aggregations.place_counts(releases)
    assert counted[["key", "place", "engagements"]].values.tolist() == [
        ["Astana", "Astana (also Nur-Sultan), Kazakhstan", 3], ["Xiva", "Khiva, Uzbekistan", 2],
        ["Ulan Bator", "Ulaanbaatar, Mongolia", 1]]
    options = filtering.filter_options(releases, participants)
    assert options.place_labels["Xiva"] == "Khiva" and options.place_names["Khiva"] == "Xiva"


@pytest.mark.parametrize(("written", "asked"), [("Astana", "Nur-Sultan"), ("Nur-Sultan", "Astana"),
                                                ("Astana", "nur-sultan"), ("Nur-Sultan", "Akmola")])
def test_a_renamed_city_in_a_link_finds_the_place_whichever_name_the_corpus_uses(written, asked):
    releases, participants = placed((written, "Astana", "Kazakhstan"), ("Tashkent", "Tashkent", "Uzbekistan"))
    options = filtering.filter_options(releases, participants)
    read, notices = urlstate.filters_from_query_params({"place": asked}, options)
    assert read == Filters(places=("Astana",)) and notices == []
    assert filtering.apply_filters((releases, participants), read)[0]["release_id"].tolist() == ["r0"]
    _, notices = urlstate.filters_from_query_params({"place": "Atlantis"}, options)
    assert notices == ["Ignored place 'Atlantis' from the link: no such place."]
