"""The three seed releases parsed end to end, every field asserted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sco_data
from sco_data.schema import Person

SEEDS = Path(__file__).resolve().parent.parent / "data" / "releases"


def parse(name: str) -> sco_data.Release:
    return sco_data.parse_release((SEEDS / name).read_text(encoding="utf-8"), source=name)


def test_seed_women_federation_meeting() -> None:
    release = parse("000_fc200e737405b811.txt")
    assert release.title == ("SCO Secretary-General Vladimir Norov meets with President of the "
                             "All-China Women’s Federation Shen Yueyue")
    assert release.text.count("SCO Secretary-General Vladimir Norov meets with") == 0
    assert release.event_date == dt.date(2019, 5, 26)
    assert release.engagement_type == "meeting"
    assert (release.sco_official, release.sco_role) == ("Vladimir Norov", "Secretary-General")
    assert release.counterparts == (Person(
        name="Shen Yueyue",
        title="Vice-Chairperson of the Standing Committee of the National People's Congress (NPC) "
              "and President of the All-China Women's Federation",
        organisation="All-China Women's Federation",
        country="China",
        affiliation_type="state"),)
    assert (release.location_city, release.location_country) == ("Fangchenggang", "China")
    assert release.latitude == pytest.approx(21.77, abs=0.01)
    assert release.longitude == pytest.approx(108.36, abs=0.01)
    assert release.occasion == "International Medical Innovation and Cooperation Forum"
    assert release.topics == ("health", "women", "culture_humanitarian")
    assert dict(release.topic_mentions)["women"] == 12
    assert release.countries_mentioned == ("China", "Uzbekistan")
    assert release.warnings == ()
    assert release.foreign_lines == ()


def test_seed_telephone_conversation() -> None:
    release = parse("003_9d2223d45b28a80f.txt")
    assert release.title == "SCO Secretary-General has a telephone conversation with Vice Minister of Foreign Affairs of China"
    assert release.event_date == dt.date(2020, 4, 29)
    assert release.engagement_type == "phone_call"
    assert release.sco_official == "Vladimir Norov"
    assert release.counterparts == (Person("Le Yucheng", "Vice Minister of Foreign Affairs of China", None, "China", "state"),)
    assert (release.location_city, release.location_country, release.latitude) == (None, None, None)
    assert release.occasion is None
    assert release.topics == ("health", "covid19")
    assert release.countries_mentioned == ("China", "Russia")


def test_seed_henan_meeting_without_headline() -> None:
    release = parse("004_ab8b35423e3036f0.txt")
    assert release.title is None
    assert release.event_date == dt.date(2021, 5, 9)
    assert release.engagement_type == "meeting"
    assert release.sco_official == "Vladimir Norov"
    assert release.counterparts == (Person("He Jinping", "Vice Governor of the Henan Province", None, "China", "state"),)
    assert (release.location_city, release.location_country) == ("Zhengzhou", "China")
    assert release.occasion == "fifth global conference on cross-border e-commerce"
    assert "ecommerce" in release.topics
    assert not {"health", "covid19", "women"} & set(release.topics)
    # "the economy and trade, smart agriculture, transport, logistics, digital technologies, and
    # tourism" is a list of the areas of cooperation discussed: each of them is a topic.
    assert release.topics == ("ecommerce", "economy_trade", "culture_humanitarian", "transport_logistics",
                              "digital_tech", "agriculture", "tourism")
    assert dict(release.topic_mentions)["transport_logistics"] == 2
    assert len(release.foreign_lines) == 2
    assert "Генерального" not in release.text
    assert release.foreign_lines[0].startswith("В Чжэнчжоу")


def test_seed_ids_are_stable_and_distinct() -> None:
    ids = [parse(path.name).release_id for path in sorted(SEEDS.glob("*.txt"))]
    assert ids == ["rb9b699944301547f", "rb04e3d5bc8e0bc74", "r89edcce67822133e"]


def test_seed_corpus_tables(seed_corpus: sco_data.Corpus) -> None:
    releases = seed_corpus.releases
    assert releases["event_date"].dt.strftime("%Y-%m-%d").tolist() == ["2019-05-26", "2020-04-29", "2021-05-09"]
    assert releases["engagement_type"].tolist() == ["meeting", "phone_call", "meeting"]
    assert releases["counterparts"].tolist() == ["Shen Yueyue", "Le Yucheng", "He Jinping"]
    assert releases["topic_women"].tolist() == [True, False, False]
    assert releases["topic_covid19_mentions"].tolist() == [0, 9, 1]
    assert releases["foreign_line_count"].tolist() == [0, 0, 2]
    people = seed_corpus.participants
    assert people[people["role"] == "counterpart"]["country"].tolist() == ["China"] * 3
    assert people[people["role"] == "sco"]["name"].tolist() == ["Vladimir Norov"] * 3
    assert seed_corpus.report["status"].tolist() == ["ok", "ok", "ok"]
