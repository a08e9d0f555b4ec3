"""The benchmark's synthetic corpus: deterministic, contained, and parseable as intended."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

SYNTHETIC_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "synthetic.py"
_spec = importlib.util.spec_from_file_location("synthetic", SYNTHETIC_PATH)
synthetic = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synthetic)


def _first_index_per_template(limit: int = 3000) -> list[int]:
    """The first release of every template, so a small sample covers them all."""
    seen: dict[str, int] = {}
    for index in range(1, limit):
        name = synthetic.generate_release(index)[1]["template"]
        seen.setdefault(name, index)
    return sorted(seen.values())


# One release per template (17) and three more ordinary ones: 20 in all.
SAMPLE = _first_index_per_template() + [101, 202, 303]


def test_generator_writes_count_files_named_in_order(tmp_path):
    paths = synthetic.write_synthetic_corpus(tmp_path / "corpus", 25)
    assert [p.name for p in paths] == [f"synthetic_{i:06d}.txt" for i in range(1, 26)]
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == [p.name for p in paths]


def test_same_seed_gives_same_bytes_and_other_seed_differs(tmp_path):
    first = synthetic.write_synthetic_corpus(tmp_path / "a", 30, seed=7)
    second = synthetic.write_synthetic_corpus(tmp_path / "b", 30, seed=7)
    other = synthetic.write_synthetic_corpus(tmp_path / "c", 30, seed=8)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_small_corpus_is_the_start_of_a_larger_one(tmp_path):
    small = synthetic.write_synthetic_corpus(tmp_path / "small", 10)
    large = synthetic.write_synthetic_corpus(tmp_path / "large", 40)
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in large[:10]]


def test_generator_writes_nothing_outside_its_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "nested" / "corpus"
    paths = synthetic.write_synthetic_corpus(target, 15)
    everything = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    expected = ["nested", "nested/corpus"] + [f"nested/corpus/{p.name}" for p in paths]
    assert everything == sorted(expected)


def test_texts_are_sized_like_the_seed_releases():
    sizes = [len(synthetic.generate_release(i)[0].encode("utf-8")) for i in range(1, 401)]
    assert 2500 <= sum(sizes) / len(sizes) <= 3500
    assert min(sizes) >= 1500 and max(sizes) <= 5000


def test_intended_values_agree_with_the_text_and_the_terms_of_office():
    terms = {"Rashid Alimov": (2016, 2018), "Vladimir Norov": (2019, 2021),
             "Zhang Ming": (2022, 2024), "Nurlan Yermekbayev": (2025, 2026)}
    for index in range(1, 301):
        text, expected = synthetic.generate_release(index)
        date = expected["event_date"]
        first, last = terms[expected["sco_official"]]
        assert first <= date.year <= last
        lead = f"On {date.day} {synthetic.MONTHS[date.month - 1]} {date.year}, "
        assert lead in text
        assert expected["sco_official"] in text
        for person in expected["counterparts"]:
            assert f"{person['title']} {person['name']}" in text
        if expected["title"] is None:
            assert text.startswith("On ")
        else:
            assert text.startswith(expected["title"] + "\n")


def test_every_engagement_type_and_a_repeated_headline_occur():
    releases = [synthetic.generate_release(i) for i in range(1, 501)]
    types = {expected["engagement_type"] for _text, expected in releases}
    assert types == {"meeting", "phone_call", "video_call", "event", "other"}
    assert any(text.count(exp["title"]) >= 2 for text, exp in releases if exp["title"])
    assert any(re.search("[А-Яа-я]", text) for text, _exp in releases)


def test_index_round_trips_through_the_file_name():
    assert synthetic.index_from_name(synthetic.file_name(42, 100)) == 42
    assert synthetic.file_name(7, 2_000_000) == "synthetic_0000007.txt"


@pytest.mark.parametrize("index", SAMPLE)
def test_parse_release_finds_the_intended_date_official_and_type(index):
    sco_data = pytest.importorskip("sco_data")
    if not hasattr(sco_data, "parse_release"):
        pytest.skip("sco_data.parse_release is not available yet")
    text, expected = synthetic.generate_release(index)
    release = sco_data.parse_release(text, source=synthetic.file_name(index, 1))
    found = (release.event_date, release.sco_official, release.engagement_type)
    intended = (expected["event_date"], expected["sco_official"], expected["engagement_type"])
    assert found == intended, expected["template"]
