"""The gold-set evaluator: exact scores on small hand-made gold files, and the accuracy gate."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sco_data.evaluate import (
    CHECK,
    TUNE,
    EvaluationResult,
    evaluate_gold,
    evaluate_parts,
    format_evaluation,
    format_parts,
    normalise_name,
    precision_recall_f1,
    read_gold,
    split_parts,
)
from sco_data.extract.topics import load_taxonomy
from sco_data.schema import Person, Release

GOLD_PATH = Path(__file__).parent / "gold" / "gold.jsonl"
SECOND_GOLD_PATH = Path(__file__).parent / "second_gold" / "gold.jsonl"
PROBE_GOLD_PATH = Path(__file__).parent / "probe_gold" / "gold.jsonl"

# Scores measured on each gold set, each pinned about 0.03 below its measured value (in the
# comment), so that a real regression fails and noise does not. Raise a minimum when the
# extractor improves; never lower one without saying why in the commit.
# tests/gold/: 104 releases written with the extractor, modelled on the seeds and real releases.
MINIMUMS: dict[str, float] = {
    "date": 0.97,  # 1.000
    "engagement_type": 0.97,  # 1.000
    "official": 0.97,  # 1.000
    "city": 0.97,  # 1.000
    "counterpart_precision": 0.97,  # 1.000
    "counterpart_recall": 0.97,  # 1.000
    "counterpart_f1": 0.97,  # 1.000
    "counterpart_country": 0.97,  # 1.000
    "topic_f1": 0.91,  # 0.933
    "user_topic_f1": 0.92,  # 0.951
    "topic_f1_health": 0.81,  # 0.842
    "topic_f1_covid19": 0.97,  # 1.000
    "topic_f1_ecommerce": 0.97,  # 1.000
    "topic_f1_women": 0.97,  # 1.000
    "topic_f1_security": 0.94,  # 0.968
    "topic_f1_economy_trade": 0.88,  # 0.914
    "topic_f1_culture_humanitarian": 0.94,  # 0.971
    "topic_f1_transport_logistics": 0.89,  # 0.920
    "topic_f1_digital_tech": 0.88,  # 0.917
    "topic_f1_agriculture": 0.87,  # 0.900
    "topic_f1_tourism": 0.88,  # 0.917: one cooperation programme among a summit's documents reads as tourism
    "topic_f1_education_science": 0.90,  # 0.933
    "topic_f1_energy": 0.87,  # 0.903
}
# tests/second_gold/: 30 releases written and annotated by a second annotator who had not read
# the extractor.
SECOND_MINIMUMS: dict[str, float] = {
    "date": 0.97,  # 1.000
    "engagement_type": 0.97,  # 1.000
    "official": 0.97,  # 1.000
    "city": 0.97,  # 1.000
    "counterpart_precision": 0.97,  # 1.000
    "counterpart_recall": 0.97,  # 1.000
    "counterpart_f1": 0.97,  # 1.000
    "counterpart_country": 0.97,  # 1.000
    "topic_f1": 0.90,  # 0.934
    "user_topic_f1": 0.82,  # 0.857
    "topic_f1_health": 0.97,  # 1.000
    "topic_f1_covid19": 0.82,  # 0.857
    "topic_f1_ecommerce": 0.77,  # 0.800
    "topic_f1_women": 0.63,  # 0.667
    "topic_f1_security": 0.97,  # 1.000
    "topic_f1_economy_trade": 0.91,  # 0.941
    "topic_f1_culture_humanitarian": 0.97,  # 1.000
    "topic_f1_transport_logistics": 0.97,  # 1.000
    "topic_f1_digital_tech": 0.82,  # 0.857
    "topic_f1_agriculture": 0.97,  # 1.000
    "topic_f1_tourism": 0.80,  # 0.833
    "topic_f1_education_science": 0.83,  # 0.857
    "topic_f1_energy": 0.97,  # 1.000
}
# tests/probe_gold/: 308 texts helper sessions wrote to probe the extractor in news-agency and
# Secretariat styles, each annotated before the extractor ran (see its README). Rules were changed
# where they showed general misses, so these are held as a regression floor, not as unseen data.
PROBE_MINIMUMS: dict[str, float] = {
    "date": 0.95,  # 0.977
    "engagement_type": 0.96,  # 0.987
    "official": 0.97,  # 0.993
    "city": 0.95,  # 0.977
    "counterpart_precision": 0.96,  # 0.987
    "counterpart_recall": 0.92,  # 0.949
    "counterpart_f1": 0.94,  # 0.968
    "counterpart_country": 0.92,  # 0.942
    "topic_f1": 0.91,  # 0.931
    "user_topic_f1": 0.90,  # 0.927
    "topic_f1_health": 0.89,  # 0.912
    "topic_f1_covid19": 0.94,  # 0.963
    "topic_f1_ecommerce": 0.81,  # 0.839
    "topic_f1_women": 0.98,  # 1.000
    "topic_f1_security": 0.95,  # 0.979
    "topic_f1_economy_trade": 0.86,  # 0.886
    "topic_f1_culture_humanitarian": 0.88,  # 0.903
    "topic_f1_transport_logistics": 0.92,  # 0.944
    "topic_f1_digital_tech": 0.87,  # 0.898
    "topic_f1_agriculture": 0.92,  # 0.947
    "topic_f1_tourism": 0.94,  # 0.964
    "topic_f1_education_science": 0.87,  # 0.893
    "topic_f1_energy": 0.95,  # 0.974
}
GOLD_SETS = {"gold": (GOLD_PATH, MINIMUMS), "second_gold": (SECOND_GOLD_PATH, SECOND_MINIMUMS),
             "probe_gold": (PROBE_GOLD_PATH, PROBE_MINIMUMS)}


def make_release(source: str, **fields: object) -> Release:
    """A Release with empty defaults, overridden by `fields`."""
    values: dict[str, object] = {
        "release_id": source, "source": source, "title": None, "event_date": None,
        "engagement_type": "other", "sco_official": None, "sco_role": None, "counterparts": (),
        "location_city": None, "location_country": None, "latitude": None, "longitude": None,
        "occasion": None, "topics": (), "countries_mentioned": (), "text": "", "warnings": (),
    }
    values.update(fields)
    return Release(**values)


def gold_row(file: str, **fields: object) -> dict[str, object]:
    """A gold line with empty defaults, overridden by `fields`."""
    row: dict[str, object] = {"file": file, "event_date": None, "engagement_type": "other",
                              "sco_official": None, "counterparts": [], "location_city": None, "topics": []}
    row.update(fields)
    return row


def person(name: str, country: str | None = None) -> dict[str, str | None]:
    return {"name": name, "title": "Minister", "country": country}


def write_gold(folder: Path, rows: list[dict[str, object]]) -> Path:
    """gold.jsonl plus one release file per row under releases/; returns the JSONL path."""
    (folder / "releases").mkdir()
    for row in rows:
        (folder / "releases" / str(row["file"])).write_text(f"text of {row['file']}\n", encoding="utf-8")
    gold_path = folder / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return gold_path


def fake_parser(releases: list[Release]):
    """A parse_release stand-in returning the prepared Release for each file name."""
    by_source = {release.source: release for release in releases}
    return lambda text, source=None: by_source[source]


def evaluate(tmp_path: Path, rows: list[dict[str, object]], releases: list[Release]) -> EvaluationResult:
    return evaluate_gold(write_gold(tmp_path, rows), parse=fake_parser(releases))


def test_perfect_extraction_scores_one_everywhere_and_has_no_errors(tmp_path: Path) -> None:
    rows = [gold_row("a.txt", event_date="2021-05-09", engagement_type="meeting", sco_official="Vladimir Norov",
                     counterparts=[person("He Jinping", "China")], location_city="Zhengzhou",
                     topics=["ecommerce", "agriculture"])]
    releases = [make_release("a.txt", event_date=dt.date(2021, 5, 9), engagement_type="meeting",
                             sco_official="Vladimir Norov", counterparts=(Person("He Jinping", country="China"),),
                             location_city="Zhengzhou", topics=("ecommerce", "agriculture"))]
    result = evaluate(tmp_path, rows, releases)
    assert result.release_count == 1
    assert result.errors == []
    assert set(result.scores.values()) == {1.0}


def test_field_accuracy_is_the_share_of_releases_right(tmp_path: Path) -> None:
    rows = [gold_row(f"{n}.txt", event_date="2020-04-29", engagement_type="phone_call",
                     sco_official="Vladimir Norov", location_city=None) for n in range(4)]
    releases = [
        make_release("0.txt", event_date=dt.date(2020, 4, 29), engagement_type="phone_call",
                     sco_official="Vladimir Norov"),
        make_release("1.txt", event_date=dt.date(2020, 4, 29), engagement_type="video_call",
                     sco_official="vladimir  NOROV"),
        make_release("2.txt", event_date=dt.date(2020, 4, 1), engagement_type="phone_call",
                     sco_official="Rashid Alimov", location_city="Beijing"),
        make_release("3.txt", event_date=None, engagement_type="meeting", sco_official="Vladimir Norov"),
    ]
    scores = evaluate(tmp_path, rows, releases).scores
    assert scores["date"] == 0.5
    assert scores["engagement_type"] == 0.5
    assert scores["official"] == 0.75
    assert scores["city"] == 0.75


def test_city_matches_ignoring_case_spacing_and_quote_style(tmp_path: Path) -> None:
    rows = [gold_row("a.txt", location_city="Xi'an"), gold_row("b.txt", location_city="New York")]
    releases = [make_release("a.txt", location_city="xi’an"), make_release("b.txt", location_city="New  York")]
    assert evaluate(tmp_path, rows, releases).scores["city"] == 1.0


def test_counterparts_match_by_name_ignoring_honorifics_case_and_spacing(tmp_path: Path) -> None:
    rows = [gold_row("a.txt", counterparts=[person("Le Yucheng", "China"), person("Lim Jock Hoi", "ASEAN"),
                                            person("Khek Sovann", "Cambodia")])]
    found = (Person("Mr  le yucheng", country="China"), Person("H.E. Dato Lim Jock Hoi", country="Brunei"),
             Person("Wang Yi", country="China"))
    scores = evaluate(tmp_path, rows, [make_release("a.txt", counterparts=found)]).scores
    assert scores["counterpart_precision"] == pytest.approx(2 / 3)
    assert scores["counterpart_recall"] == pytest.approx(2 / 3)
    assert scores["counterpart_f1"] == pytest.approx(2 / 3)
    assert scores["counterpart_country"] == 0.5


def test_counterpart_precision_and_recall_are_pooled_over_releases(tmp_path: Path) -> None:
    rows = [gold_row("a.txt", counterparts=[person("Le Yucheng", "China")]),
            gold_row("b.txt", counterparts=[person("Shen Yueyue", "China"), person("He Jinping", "China")]),
            gold_row("c.txt")]
    releases = [make_release("a.txt", counterparts=(Person("Le Yucheng", country="China"),)),
                make_release("b.txt", counterparts=(Person("Shen Yueyue", country="China"),)),
                make_release("c.txt", counterparts=(Person("Xi Jinping", country="China"),))]
    scores = evaluate(tmp_path, rows, releases).scores
    assert scores["counterpart_precision"] == pytest.approx(2 / 3)
    assert scores["counterpart_recall"] == pytest.approx(2 / 3)
    assert scores["counterpart_country"] == 1.0


def test_a_name_written_twice_matches_only_once(tmp_path: Path) -> None:
    rows = [gold_row("a.txt", counterparts=[person("Le Yucheng", "China")])]
    found = (Person("Le Yucheng", country="China"), Person("Mr Le Yucheng", country="China"))
    scores = evaluate(tmp_path, rows, [make_release("a.txt", counterparts=found)]).scores
    assert (scores["counterpart_precision"], scores["counterpart_recall"]) == (0.5, 1.0)


def test_no_counterparts_expected_and_none_found_scores_one(tmp_path: Path) -> None:
    scores = evaluate(tmp_path, [gold_row("a.txt")], [make_release("a.txt")]).scores
    assert [scores[name] for name in ("counterpart_precision", "counterpart_recall", "counterpart_f1",
                                      "counterpart_country")] == [1.0, 1.0, 1.0, 1.0]


def test_counterpart_country_is_zero_when_no_expected_person_was_found(tmp_path: Path) -> None:
    rows = [gold_row("a.txt", counterparts=[person("Le Yucheng", "China")])]
    scores = evaluate(tmp_path, rows, [make_release("a.txt")]).scores
    assert (scores["counterpart_recall"], scores["counterpart_country"]) == (0.0, 0.0)


def test_topic_f1_is_micro_averaged_and_given_per_topic(tmp_path: Path) -> None:
    rows = [gold_row("a.txt", topics=["health", "covid19"]), gold_row("b.txt", topics=["security"])]
    releases = [make_release("a.txt", topics=("covid19",)),
                make_release("b.txt", topics=("security", "economy_trade"))]
    scores = evaluate(tmp_path, rows, releases).scores
    assert scores["topic_f1"] == pytest.approx(2 / 3)
    assert scores["topic_f1_health"] == 0.0
    assert scores["topic_f1_covid19"] == 1.0
    assert scores["topic_f1_security"] == 1.0
    assert scores["topic_f1_economy_trade"] == 0.0
    assert scores["topic_f1_women"] == 1.0  # never expected, never found: no mistake made


def test_every_taxonomy_topic_gets_a_score_in_taxonomy_order(tmp_path: Path) -> None:
    scores = evaluate(tmp_path, [gold_row("a.txt")], [make_release("a.txt")]).scores
    per_topic = [name.removeprefix("topic_f1_") for name in scores if name.startswith("topic_f1_")]
    assert per_topic == list(load_taxonomy().ids)


def test_errors_name_the_file_field_expected_and_found_values(tmp_path: Path) -> None:
    rows = [gold_row("a.txt", event_date="2020-04-29", counterparts=[person("Le Yucheng", "China"),
                                                                   person("Wang Yi", "China")],
                     topics=["health", "covid19"])]
    found = (Person("Le Yucheng", country="Iran"), Person("Sun Weidong", country="China"))
    releases = [make_release("a.txt", event_date=None, counterparts=found, topics=("covid19",))]
    errors = [str(error) for error in evaluate(tmp_path, rows, releases).errors]
    assert errors == [
        "a.txt: event_date: expected 2020-04-29, found none",
        "a.txt: counterpart_country (Le Yucheng): expected China, found Iran",
        "a.txt: counterpart: expected Wang Yi, found none",
        "a.txt: counterpart: expected none, found Sun Weidong",
        "a.txt: topics: expected health, covid19, found covid19",
    ]


def test_evaluate_reads_each_release_as_utf8_and_passes_its_file_name(tmp_path: Path) -> None:
    gold_path = write_gold(tmp_path, [gold_row("a.txt")])
    (tmp_path / "releases" / "a.txt").write_bytes("Встреча – Xi’an\n".encode("utf-8"))
    calls = []

    def recording_parser(text: str, source: str | None = None) -> Release:
        calls.append((text, source))
        return make_release("a.txt")

    evaluate_gold(gold_path, parse=recording_parser)
    assert calls == [("Встреча – Xi’an\n", "a.txt")]


def test_a_release_missing_from_the_folder_is_reported_by_name(tmp_path: Path) -> None:
    gold_path = write_gold(tmp_path, [gold_row("a.txt")])
    (tmp_path / "releases" / "a.txt").unlink()
    with pytest.raises(FileNotFoundError, match="a.txt"):
        evaluate_gold(gold_path, parse=fake_parser([]))


@pytest.mark.parametrize(("line", "problem"), [
    ('{"file": "a.txt"}', "keys must be"),
    (json.dumps(gold_row("a.txt", engagement_type="visit")), "unknown engagement_type"),
    (json.dumps(gold_row("a.txt", event_date="26 May 2019")), "Invalid isoformat"),
    (json.dumps(gold_row("a.txt", counterparts=[{"name": "Le Yucheng"}])), "counterpart keys"),
    ("{not json", "line 2"),
])
def test_read_gold_names_the_bad_line(tmp_path: Path, line: str, problem: str) -> None:
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(gold_row("ok.txt")) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2") as raised:
        read_gold(gold_path)
    assert problem in str(raised.value)


def test_read_gold_skips_blank_lines(tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("\n" + json.dumps(gold_row("a.txt", event_date="2019-05-26")) + "\n\n", encoding="utf-8")
    assert [(gold.key, gold.event_date) for gold in read_gold(gold_path)] == [("a.txt", dt.date(2019, 5, 26))]


@pytest.mark.parametrize(("name", "expected"), [
    ("Le Yucheng", "le yucheng"),
    ("Mr Le Yucheng", "le yucheng"),
    ("Mr. Le  Yucheng", "le yucheng"),
    ("H.E. Mr Khek Sovann", "khek sovann"),
    ("Dato Ahmad Kamil Rahman", "ahmad kamil rahman"),
    ("Datuk Nor Hayati Ismail", "nor hayati ismail"),
    ("Dr Aigerim Bekova", "aigerim bekova"),
    ("O’tkir Sa’dullayev", "o'tkir sa'dullayev"),
    ("Marie-Claire Dubois-Lefèvre", "marie-claire dubois-lefèvre"),
    ("Mrinal Sen", "mrinal sen"),  # a name starting with honorific letters keeps them
    (None, None),
])
def test_normalise_name(name: str | None, expected: str | None) -> None:
    assert normalise_name(name) == expected


@pytest.mark.parametrize(("counts", "expected"), [
    ((0, 0, 0), (1.0, 1.0, 1.0)),
    ((2, 0, 0), (1.0, 1.0, 1.0)),
    ((1, 1, 0), (0.5, 1.0, 2 / 3)),
    ((1, 0, 3), (1.0, 0.25, 0.4)),
    ((0, 2, 0), (0.0, 0.0, 0.0)),
    ((0, 0, 2), (0.0, 0.0, 0.0)),
])
def test_precision_recall_f1(counts: tuple[int, int, int], expected: tuple[float, float, float]) -> None:
    assert precision_recall_f1(*counts) == pytest.approx(expected)


def test_format_evaluation_shows_scores_then_every_error(tmp_path: Path) -> None:
    rows = [gold_row("a.txt", event_date="2020-04-29", topics=["health"]), gold_row("b.txt")]
    releases = [make_release("a.txt", topics=("health",)), make_release("b.txt")]
    report = format_evaluation(evaluate(tmp_path, rows, releases))
    lines = report.splitlines()
    assert lines[0] == "Gold set: 2 releases"
    assert "event date                0.500" in lines
    assert "engagement type           1.000" in lines
    assert "  F1                      1.000" in lines
    assert "  health                  1.000   1" in lines
    assert lines[-2:] == ["errors (1)", "  a.txt: event_date: expected 2020-04-29, found none"]


def test_format_evaluation_says_when_there_are_no_errors(tmp_path: Path) -> None:
    report = format_evaluation(evaluate(tmp_path, [gold_row("a.txt")], [make_release("a.txt")]))
    assert report.splitlines()[-2:] == ["errors (0)", "  none"]


# The gold set itself and the accuracy gate.

@pytest.mark.parametrize("gold_set", GOLD_SETS)
def test_gold_set_lists_every_release_file_once(gold_set: str) -> None:
    path, _ = GOLD_SETS[gold_set]
    listed = [gold.key for gold in read_gold(path)]
    on_disk = sorted(file.name for file in (path.parent / "releases").glob("*.txt"))
    assert sorted(listed) == on_disk
    assert len(listed) >= 30


@pytest.mark.parametrize("gold_set", GOLD_SETS)
def test_gold_set_topics_are_taxonomy_ids_in_taxonomy_order(gold_set: str) -> None:
    ids = list(load_taxonomy().ids)
    for gold in read_gold(GOLD_SETS[gold_set][0]):
        assert all(topic in ids for topic in gold.topics), gold.key
        assert list(gold.topics) == sorted(gold.topics, key=ids.index), gold.key


@pytest.mark.parametrize("gold_set", GOLD_SETS)
def test_minimums_cover_every_score(gold_set: str) -> None:
    path, minimums = GOLD_SETS[gold_set]
    assert sorted(minimums) == sorted(evaluate_gold(path).scores)


@pytest.mark.parametrize("gold_set", GOLD_SETS)
def test_extraction_meets_the_pinned_minimums_on_the_gold_set(gold_set: str) -> None:
    path, minimums = GOLD_SETS[gold_set]
    result = evaluate_gold(path)
    below = [f"{name}: {result.scores[name]:.3f} < {minimum:.2f}"
             for name, minimum in minimums.items() if result.scores[name] < minimum]
    errors = "\n".join(str(error) for error in result.errors)
    assert not below, "scores below their minimum:\n" + "\n".join(below) + "\n\nerrors:\n" + errors


# Gold lines that name their text by id, and the judgement calls a line may leave open.

def write_id_gold(folder: Path, rows: list[dict[str, object]]) -> tuple[Path, Path]:
    """A dev-style gold file (lines with an `id`) and a folder of `<id>.txt` texts."""
    texts = folder / "texts"
    texts.mkdir()
    for row in rows:
        (texts / f"{row['id']}.txt").write_text(f"text of {row['id']}\n", encoding="utf-8")
    gold_path = folder / "dev.jsonl"
    gold_path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return gold_path, texts


def id_row(key: str, **fields: object) -> dict[str, object]:
    row = gold_row(key, **fields)
    del row["file"]
    return {"id": key, "url": f"https://example.org/{key}", "query": "q", "notes": "n", **row}


def test_id_lines_read_their_text_from_the_texts_folder(tmp_path: Path) -> None:
    gold_path, texts = write_id_gold(tmp_path, [id_row("p1", event_date="2021-05-09")])
    calls = []

    def recording_parser(text: str, source: str | None = None) -> Release:
        calls.append((text, source))
        return make_release("p1", event_date=dt.date(2021, 5, 9))

    result = evaluate_gold(gold_path, parse=recording_parser, texts=texts)
    assert calls == [("text of p1\n", "p1")]
    assert result.scores["date"] == 1.0


def test_id_lines_without_a_texts_folder_are_refused_by_name(tmp_path: Path) -> None:
    gold_path, _ = write_id_gold(tmp_path, [id_row("p1")])
    with pytest.raises(ValueError, match="--texts"):
        evaluate_gold(gold_path, parse=fake_parser([]))


def test_optional_fields_names_and_topics_are_not_scored(tmp_path: Path) -> None:
    rows = [id_row("p1", event_date="2021-05-09", location_city="Beijing", optional=["event_date"],
                   counterparts=[person("Le Yucheng", "China")], counterparts_optional=["Mr Wang Yi"],
                   topics=["health"], topics_optional=["covid19"]),
            id_row("p2", event_date="2021-05-10", location_city="Tashkent")]
    found = (Person("Le Yucheng", country="China"), Person("Wang Yi", country="China"))
    releases = [make_release("p1", event_date=None, location_city="Beijing", counterparts=found,
                             topics=("health", "covid19")),
                make_release("p2", event_date=dt.date(2021, 5, 9), location_city="Tashkent")]
    gold_path, texts = write_id_gold(tmp_path, rows)
    result = evaluate_gold(gold_path, parse=fake_parser(releases), texts=texts)
    assert result.scores["date"] == 0.0  # only p2 is scored for its date, and p2 is wrong
    assert result.scores["city"] == 1.0
    assert (result.scores["counterpart_precision"], result.scores["counterpart_recall"]) == (1.0, 1.0)
    assert result.scores["topic_f1"] == 1.0
    assert [str(error) for error in result.errors] == ["p2: event_date: expected 2021-05-10, found 2021-05-09"]


def test_user_topic_f1_pools_the_four_user_topics(tmp_path: Path) -> None:
    rows = [gold_row("a.txt", topics=["health", "security"]), gold_row("b.txt", topics=["women"])]
    releases = [make_release("a.txt", topics=("health",)), make_release("b.txt", topics=("women", "ecommerce"))]
    scores = evaluate(tmp_path, rows, releases).scores
    assert scores["user_topic_f1"] == pytest.approx(0.8)  # tp 2, fp 1 (ecommerce), fn 0
    assert scores["topic_f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))


def test_the_split_is_fixed_by_the_keys_and_keeps_a_third_of_each_kind_for_checking() -> None:
    keys = [f"p{number:03d}" for number in range(90)] + [f"q{number:03d}" for number in range(30)]
    parts = split_parts(keys)
    assert parts == split_parts(list(reversed(keys)))
    assert sum(parts[key] == CHECK for key in keys if key.startswith("p")) == 30
    assert sum(parts[key] == CHECK for key in keys if key.startswith("q")) == 10
    assert [parts[f"p{number:03d}"] for number in range(6)] != [CHECK, TUNE, TUNE] * 2  # by hash, not by order


def test_a_split_report_scores_both_parts_and_lists_only_the_tune_parts_errors(tmp_path: Path) -> None:
    keys = [f"k{number}" for number in range(12)]
    rows = [id_row(key, event_date="2021-05-09") for key in keys]
    releases = [make_release(key, event_date=None) for key in keys]
    gold_path, texts = write_id_gold(tmp_path, rows)
    results = evaluate_parts(gold_path, parse=fake_parser(releases), texts=texts)
    tune = [key for key in keys if split_parts(keys)[key] == TUNE]
    assert results[TUNE].release_count == len(tune) and results[CHECK].release_count == 12 - len(tune)
    assert {part: result.scores["date"] for part, result in results.items()} == {"all": 0.0, TUNE: 0.0, CHECK: 0.0}
    report = format_parts(results)
    assert "event date                0.000   0.000   0.000" in report.splitlines()
    listed = [line.split(":")[0].strip() for line in report.splitlines() if ": event_date:" in line]
    assert listed == tune
    assert f"errors in the tune part ({len(tune)}; the check part has {12 - len(tune)}, not listed)" in report
