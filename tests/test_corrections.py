"""Corrections: the file's grammar, applied on load to every table, reported when they cannot
be, listed and scored by the command line."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

import sco_data
from sco_data.cli import main
from sco_data.corpus.corrections import (
    CORRECTIONS_ENV,
    InvalidCorrection,
    effective_corrections,
    parse_correction,
    read_corrections,
)
from sco_data.evaluate import evaluate_corrections
from sco_data.explore.aggregations import (
    engagements_over_time,
    headline_figures,
    place_counts,
    topic_frequencies,
)
from sco_data.explore.people import top_countries, top_organisations
from sco_data.extract.gazetteer import find_city

SEEDS = Path(__file__).resolve().parent.parent / "data" / "releases"
# The seed releases' ids (they depend on the text alone).
WOMEN = "rb9b699944301547f"  # 26 May 2019, meeting Shen Yueyue in Fangchenggang
CALL = "rb04e3d5bc8e0bc74"  # 29 April 2020, phone call with Le Yucheng
HENAN = "r89edcce67822133e"  # 9 May 2021, meeting He Jinping in Zhengzhou


def write_corrections(path: Path, rows: list[tuple[str, str, str]], header: str = "release_id,field,value,note,corrected_at") -> Path:
    out = io.StringIO()
    out.write(header + "\n")
    writer = csv.writer(out, lineterminator="\n")
    for number, (release_id, field, value) in enumerate(rows):
        writer.writerow([release_id, field, value, f"note {number}", f"2026-01-01T10:{number:02d}:00"])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(SEEDS, folder)
    return folder


def corrected(data: Path, rows: list[tuple[str, str, str]]) -> sco_data.Corpus:
    write_corrections(data / "sco-corrections.csv", rows)
    return sco_data.load_corpus(data, use_cache=False)


def row_of(corpus: sco_data.Corpus, release_id: str) -> pd.Series:
    return corpus.releases.set_index("release_id").loc[release_id]


def people_of(corpus: sco_data.Corpus, release_id: str) -> list[tuple]:
    rows = corpus.participants[corpus.participants["release_id"] == release_id]
    return [(row.name, row.title, row.country, row.affiliation_type, row.role, str(row.event_date.date()))
            for row in rows.itertuples(index=False)]


def test_a_corrected_date_moves_the_release_its_people_and_the_chart(data: Path) -> None:
    corpus = corrected(data, [(CALL, "event_date", "2020-05-03")])
    assert row_of(corpus, CALL)["event_date"] == pd.Timestamp("2020-05-03")
    assert people_of(corpus, CALL) == [
        ("Vladimir Norov", "Secretary-General", "SCO", "organisation", "sco", "2020-05-03"),
        ("Le Yucheng", "Vice Minister of Foreign Affairs of China", "China", "state", "counterpart", "2020-05-03")]
    months = engagements_over_time(corpus.releases, "month").set_index(["period_label", "engagement_type"])["count"]
    assert months[("Apr 2020", "phone_call")] == 0 and months[("May 2020", "phone_call")] == 1
    assert row_of(corpus, CALL)["corrected_fields"] == "event_date"
    exported = pd.read_csv(io.BytesIO(sco_data.to_csv_bytes(corpus.releases)), encoding="utf-8-sig",
                           keep_default_na=False)
    assert exported[["event_date", "corrected_fields"]].values.tolist() == [
        ["2019-05-26", ""], ["2020-05-03", "event_date"], ["2021-05-09", ""]]


def test_a_date_can_be_cleared(data: Path) -> None:
    corpus = corrected(data, [(CALL, "event_date", "")])
    assert pd.isna(row_of(corpus, CALL)["event_date"])
    assert headline_figures(corpus.releases, corpus.participants).undated == 1


def test_engagement_type_by_id_or_label(data: Path) -> None:
    corpus = corrected(data, [(CALL, "engagement_type", "video_call"), (WOMEN, "engagement_type", "Event")])
    assert corpus.releases["engagement_type"].tolist() == ["event", "video_call", "meeting"]
    assert corpus.releases["corrected_fields"].tolist() == ["engagement_type", "engagement_type", ""]


def test_official_with_and_without_a_role(data: Path) -> None:
    corpus = corrected(data, [(WOMEN, "sco_official", "Zhang Ming | Deputy Secretary-General"),
                              (CALL, "sco_official", "Mr Rashid Alimov")])
    assert (row_of(corpus, WOMEN)["sco_official"], row_of(corpus, WOMEN)["sco_role"]) == \
        ("Zhang Ming", "Deputy Secretary-General")
    assert (row_of(corpus, CALL)["sco_official"], row_of(corpus, CALL)["sco_role"]) == ("Rashid Alimov", "Secretary-General")
    assert people_of(corpus, WOMEN)[0] == ("Zhang Ming", "Deputy Secretary-General", "SCO", "organisation", "sco",
                                           "2019-05-26")
    cleared = corrected(data, [(HENAN, "sco_official", "")])
    assert pd.isna(row_of(cleared, HENAN)["sco_official"]) and pd.isna(row_of(cleared, HENAN)["sco_role"])
    assert [person[4] for person in people_of(cleared, HENAN)] == ["counterpart"]


def test_counterparts_added_removed_and_changed_keep_countries_coherent(data: Path) -> None:
    corpus = corrected(data, [
        (CALL, "counterparts", "add: Antonio Guterres | Secretary-General of the United Nations"),
        (CALL, "counterparts", "add: Ivan Petrov | Ambassador | Russian Federation"),
        (CALL, "counterparts", "change: Le Yucheng -> Le Yu Cheng | Minister of Foreign Affairs of Kazakhstan |"),
        (WOMEN, "counterparts", "remove: Shen Yueyue"),
        (HENAN, "counterparts", "change: He Jinping -> | | UN"),
    ])
    call = row_of(corpus, CALL)
    assert call["counterparts"] == "Le Yu Cheng; Antonio Guterres; Ivan Petrov"
    assert call["counterpart_countries"] == "Kazakhstan; United Nations; Russia"
    assert call["counterpart_affiliations"] == "state; organisation; state"
    assert call["counterpart_titles"] == ("Minister of Foreign Affairs of Kazakhstan; "
                                          "Secretary-General of the United Nations; Ambassador")
    assert people_of(corpus, CALL)[1:] == [
        ("Le Yu Cheng", "Minister of Foreign Affairs of Kazakhstan", "Kazakhstan", "state", "counterpart", "2020-04-29"),
        ("Antonio Guterres", "Secretary-General of the United Nations", "United Nations", "organisation", "counterpart",
         "2020-04-29"),
        ("Ivan Petrov", "Ambassador", "Russia", "state", "counterpart", "2020-04-29")]
    assert row_of(corpus, WOMEN)["counterparts"] == "" and len(people_of(corpus, WOMEN)) == 1
    assert people_of(corpus, HENAN)[1] == ("He Jinping", "Vice Governor of the Henan Province", "United Nations",
                                           "organisation", "counterpart", "2021-05-09")
    countries = top_countries(corpus.participants).set_index("affiliation")["engagements"].to_dict()
    assert countries == {"Kazakhstan": 1, "Russia": 1}
    organisations = top_organisations(corpus.participants).set_index("affiliation")["engagements"].to_dict()
    assert organisations == {"United Nations": 2}
    assert headline_figures(corpus.releases, corpus.participants).counterparts == 4


def test_a_new_title_alone_brings_its_country(data: Path) -> None:
    corpus = corrected(data, [(CALL, "counterparts", "change: Le Yucheng -> | Ambassador of Iran to China")])
    assert people_of(corpus, CALL)[1][:4] == ("Le Yucheng", "Ambassador of Iran to China", "Iran", "state")
    kept = corrected(data, [(CALL, "counterparts", "change: Le Yucheng -> | Vice Minister")])
    assert people_of(kept, CALL)[1][:4] == ("Le Yucheng", "Vice Minister", "China", "state")


def test_a_city_brings_its_country_and_coordinates(data: Path) -> None:
    corpus = corrected(data, [(CALL, "location_city", "Nur-Sultan"), (WOMEN, "location_city", "")])
    astana = find_city("Astana")
    call = row_of(corpus, CALL)
    assert (call["location_city"], call["location_key"], call["location_country"], call["latitude"],
            call["longitude"]) == ("Nur-Sultan", "Astana", "Kazakhstan", astana.latitude, astana.longitude)
    women = row_of(corpus, WOMEN)
    assert women[["location_city", "location_key", "location_country", "latitude", "longitude"]].isna().all()
    # One place, named as the releases now write it (the gazetteer's key stays Astana).
    assert place_counts(corpus.releases)["place"].tolist() == ["Nur-Sultan, Kazakhstan",
                                                               "Zhengzhou, China"]


def test_occasion_set_and_cleared(data: Path) -> None:
    corpus = corrected(data, [(CALL, "occasion", "SCO Forum of Heads of Regions"), (HENAN, "occasion", "")])
    assert row_of(corpus, CALL)["occasion"] == "SCO Forum of Heads of Regions"
    assert pd.isna(row_of(corpus, HENAN)["occasion"])


def test_topics_added_and_removed_in_the_column_the_flags_and_the_chart(data: Path) -> None:
    corpus = corrected(data, [(CALL, "topics", "add: women"), (CALL, "topics", "remove: COVID-19"),
                              (CALL, "topics", "add: Security")])
    call = row_of(corpus, CALL)
    assert call["topics"] == "health; women; security"
    assert (call["topic_women"], call["topic_covid19"], call["topic_security"]) == (True, False, True)
    assert call["topic_covid19_mentions"] > 0  # the text still mentions it; the mention count is the text's
    counts = topic_frequencies(corpus.releases).set_index("topic")["releases"]
    assert (counts["women"], counts["covid19"], counts["security"]) == (2, 0, 1)


def test_corrected_tables_keep_their_dtypes_and_leave_other_rows_alone(data: Path) -> None:
    plain = sco_data.load_corpus(data, use_cache=False)
    corpus = corrected(data, [(CALL, "event_date", "2020-05-03"), (CALL, "counterparts", "remove: Le Yucheng"),
                              (CALL, "location_city", "Beijing"), (CALL, "topics", "add: energy"),
                              (CALL, "sco_official", "Zhang Ming"), (CALL, "occasion", "x"),
                              (CALL, "engagement_type", "meeting")])
    assert corpus.releases.dtypes.to_dict() == plain.releases.dtypes.to_dict()
    assert corpus.participants.dtypes.to_dict() == plain.participants.dtypes.to_dict()
    others = corpus.releases["release_id"] != CALL
    pd.testing.assert_frame_equal(corpus.releases[others], plain.releases[others])
    assert corpus.participants["release_id"].tolist() == [WOMEN, WOMEN, CALL, HENAN, HENAN]
    assert row_of(corpus, CALL)["corrected_fields"] == ("event_date; engagement_type; sco_official; counterparts; "
                                                        "location_city; occasion; topics")


def test_no_corrections_file_gives_an_empty_corrected_fields_column_and_no_report_row(data: Path) -> None:
    corpus = sco_data.load_corpus(data, use_cache=False)
    assert corpus.releases["corrected_fields"].tolist() == ["", "", ""]
    assert corpus.corrections.empty and list(corpus.corrections.columns) == [
        "release_id", "field", "value", "note", "corrected_at", "extracted", "line"]
    assert len(corpus.report) == 3 and corpus.notices == ()


def test_corpus_corrections_list_what_was_extracted_beside_the_correction(data: Path) -> None:
    corpus = corrected(data, [(CALL, "event_date", "2020-05-03"), (CALL, "counterparts", "add: Ivan Petrov"),
                              (WOMEN, "topics", "remove: women")])
    listed = corpus.corrections[["release_id", "field", "value", "extracted", "note", "line"]]
    assert listed.values.tolist() == [
        [CALL, "event_date", "2020-05-03", "2020-04-29", "note 0", 2],
        [CALL, "counterparts", "add: Ivan Petrov", "Le Yucheng", "note 1", 3],
        [WOMEN, "topics", "remove: women", "health; women; culture_humanitarian", "note 2", 4]]


def test_later_rows_win_and_undo_restores_the_extracted_value(data: Path) -> None:
    corpus = corrected(data, [
        (CALL, "event_date", "2020-05-01"), (CALL, "event_date", "2020-05-02"),  # the later wins
        (HENAN, "occasion", "A forum"), (HENAN, "occasion", "undo"),  # undone
        (CALL, "topics", "add: women"), (CALL, "topics", "remove: women"),  # removed again
        (WOMEN, "counterparts", "add: Ivan Petrov"), (WOMEN, "counterparts", "add: Anna Ivanova"),
        (WOMEN, "counterparts", "undo: Ivan Petrov"),  # only his row is taken back
        (WOMEN, "topics", "add: energy"), (WOMEN, "topics", "add: tourism"), (WOMEN, "topics", "undo"),
    ])
    assert row_of(corpus, CALL)["event_date"] == pd.Timestamp("2020-05-02")
    assert row_of(corpus, HENAN)["occasion"] == "fifth global conference on cross-border e-commerce"
    assert row_of(corpus, HENAN)["corrected_fields"] == ""
    assert row_of(corpus, CALL)["topics"] == "health; covid19"
    assert row_of(corpus, WOMEN)["counterparts"] == "Shen Yueyue; Anna Ivanova"
    assert row_of(corpus, WOMEN)["topics"] == "health; women; culture_humanitarian"
    assert row_of(corpus, WOMEN)["corrected_fields"] == "counterparts"


@pytest.mark.parametrize(("release_id", "field", "value", "reason"), [
    (CALL, "engagement_type", "meting",
     "engagement_type: unknown engagement type 'meting' (one of meeting, phone_call, video_call, event, other)"),
    (CALL, "event_date", "2020-02-30", "event_date: bad date '2020-02-30' (write YYYY-MM-DD, or leave empty to clear)"),
    (CALL, "event_date", "30 April 2020", "event_date: bad date '30 April 2020' (write YYYY-MM-DD, or leave empty to clear)"),
    (CALL, "colour", "blue", "colour: unknown field 'colour' (fields that can be corrected: event_date, "
                             "engagement_type, sco_official, counterparts, location_city, occasion, topics; or checked, "
                             "with no value)"),
    (CALL, "topics", "add: sport", "topics: unknown topic 'sport' (topics: health, covid19, ecommerce, women, "
                                   "security, economy_trade, culture_humanitarian, transport_logistics, digital_tech, "
                                   "agriculture, tourism, education_science, energy)"),
    (CALL, "topics", "health", "topics: a topics correction starts with add:, remove: or undo"),
    (CALL, "location_city", "Xyzzyville", "location_city: unknown city 'Xyzzyville' (not in the gazetteer)"),
    (CALL, "counterparts", "remove: Nobody Here", "counterparts: no counterpart named 'Nobody Here' in this release"),
    (CALL, "counterparts", "change: Nobody -> Somebody", "counterparts: no counterpart named 'Nobody' in this release"),
    (CALL, "counterparts", "add: X Y | Envoy | Atlantis Republic",
     "counterparts: unknown country or organisation 'Atlantis Republic'"),
    (CALL, "counterparts", "add: A | B | C | D", "counterparts: too many '|' in 'A | B | C | D' "
                                                 "(write add: Name | Title | Country)"),
    (CALL, "counterparts", "change: Le Yucheng", "counterparts: write change: Name -> New name | Title | Country"),
    (CALL, "occasion", "undo: this", "occasion: 'undo' of occasion takes nothing after it"),
    ("r0000000000000000", "occasion", "Forum", "occasion: release r0000000000000000 is not in the corpus"),
])
def test_a_correction_that_cannot_be_applied_is_an_invalid_report_row(data: Path, release_id: str, field: str,
                                                                     value: str, reason: str) -> None:
    plain = sco_data.load_corpus(data, use_cache=False)
    corpus = corrected(data, [(HENAN, "occasion", "Applied"), (release_id, field, value)])
    report = corpus.report.values.tolist()
    assert report[3:] == [
        ["sco-corrections.csv", "corrections",
         "corrections file: 1 correction applied to 1 release; 1 row not applied (listed as invalid)", None],
        ["sco-corrections.csv, line 3", "invalid", f"{reason}; not applied", release_id]]
    unchanged = corpus.releases["release_id"] != HENAN
    pd.testing.assert_frame_equal(corpus.releases[unchanged], plain.releases[unchanged])


def test_a_bad_corrected_at_is_invalid() -> None:
    with pytest.raises(InvalidCorrection, match="corrected_at 'yesterday' is not an ISO timestamp"):
        parse_correction(CALL, "occasion", "x", corrected_at="yesterday")


def test_the_corrections_file_has_a_row_of_its_own_kind_and_its_lock_file_none(data: Path) -> None:
    """The report lists release files: the corrections file is not read as one (nor skipped as
    a .csv), and its lock file is no file of the corpus at all."""
    (data / ".sco-corrections.csv.lock").write_bytes(b"")
    corpus = corrected(data, [(CALL, "occasion", "A forum")])
    assert ".sco-corrections.csv.lock" not in set(corpus.report["path"])
    assert corpus.report.values.tolist()[-1] == ["sco-corrections.csv", "corrections",
                                                 "corrections file: 1 correction applied to 1 release", None]
    assert corpus.report["status"].tolist()[:-1] == ["ok", "ok", "ok"]


@pytest.mark.parametrize(("content", "reason"), [
    (b"release_id,field,value\nx,occasion,y\n", "not a corrections file: no column note, corrected_at in its first line"),
    (b"release_id,field,value,note,corrected_at\n\xff\xfe,occasion,y,,\n",
     "not UTF-8 text (invalid start byte at byte 41)"),
])
def test_a_file_that_is_no_corrections_file_is_rejected_and_nothing_applied(data: Path, content: bytes,
                                                                             reason: str) -> None:
    plain = sco_data.load_corpus(data, use_cache=False)
    (data / "sco-corrections.csv").write_bytes(content)
    corpus = sco_data.load_corpus(data, use_cache=False)
    assert corpus.report.values.tolist()[-1] == ["sco-corrections.csv", "corrections",
                                                 f"corrections file not read: {reason}", None]
    pd.testing.assert_frame_equal(corpus.releases, plain.releases)


def test_where_the_file_is_found(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = write_corrections(tmp_path / "mine.csv", [(CALL, "occasion", "Named")])
    write_corrections(data / "sco-corrections.csv", [(CALL, "occasion", "Default")])
    assert row_of(sco_data.load_corpus(data, use_cache=False), CALL)["occasion"] == "Default"
    named = sco_data.load_corpus(data, corrections=elsewhere, use_cache=False)
    assert row_of(named, CALL)["occasion"] == "Named"
    assert named.report.values.tolist()[-1][:2] == ["mine.csv", "corrections"]
    assert named.report["path"].tolist().count("sco-corrections.csv") == 1  # the default file: skipped, not applied
    assert pd.isna(row_of(sco_data.load_corpus(data, corrections=False, use_cache=False), CALL)["occasion"])
    monkeypatch.setenv(CORRECTIONS_ENV, str(elsewhere))
    assert row_of(sco_data.load_corpus(data, use_cache=False), CALL)["occasion"] == "Named"
    missing = sco_data.load_corpus(data, corrections=tmp_path / "none.csv", use_cache=False)
    assert missing.notices == (f"No corrections file at {tmp_path / 'none.csv'}; no corrections were applied.",)


def test_corrections_survive_the_cache_and_a_new_copy_of_the_text(data: Path, tmp_path: Path) -> None:
    """Keyed by release id, which depends on the text alone: a cached parse, a re-parse and the
    same release saved with other line endings all get the correction."""
    write_corrections(data / "sco-corrections.csv", [(CALL, "event_date", "2020-05-03")])
    cache = tmp_path / "cache"
    first = sco_data.load_corpus(data, cache)
    again = sco_data.load_corpus(data, cache)
    assert again.parsed_files == 0
    pd.testing.assert_frame_equal(again.releases, first.releases)
    pd.testing.assert_frame_equal(again.participants, first.participants)
    call = next(SEEDS.glob("003_*.txt"))
    (data / call.name).unlink()
    (data / "renamed.txt").write_bytes(call.read_bytes().replace(b"\n", b"\r\n"))
    moved = sco_data.load_corpus(data, cache)
    assert row_of(moved, CALL)["event_date"] == pd.Timestamp("2020-05-03")


def test_effective_corrections_keep_the_order_of_their_latest_rows() -> None:
    rows = [parse_correction(release_id, field, value, line=line) for line, (release_id, field, value) in enumerate([
        (CALL, "occasion", "a"), (WOMEN, "occasion", "b"), (CALL, "occasion", "c"),
        (CALL, "counterparts", "add: X Y"), (CALL, "counterparts", "remove: X Y"), (CALL, "counterparts", "add: X Y"),
    ], start=2)]
    assert [(c.release_id, c.value, c.line) for c in effective_corrections(rows)] == [
        (WOMEN, "b", 3), (CALL, "c", 4), (CALL, "remove: X Y", 6), (CALL, "add: X Y", 7)]


def test_read_corrections_numbers_lines_of_multi_line_values(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text('release_id,field,value,note,corrected_at\n'
                    f'{CALL},occasion,x,"a note\nover two lines",\n\n{CALL},engagement_type,nope,,\n', encoding="utf-8")
    read = read_corrections(path)
    assert [(c.line, c.note) for c in read.corrections] == [(2, "a note\nover two lines")]
    assert [(p.line, p.field) for p in read.problems] == [(5, "engagement_type")]


def test_ingest_applies_corrections_and_lists_invalid_ones(data: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = write_corrections(tmp_path / "fixes.csv", [(CALL, "engagement_type", "video_call"), ("rnope", "occasion", "x")])
    out = tmp_path / "out.csv"
    assert main(["ingest", str(data), "-o", str(out), "--corrections", str(path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[:3] == [
        "3 files: 3 ok, 0 warning, 0 rejected, 0 skipped; 1 corrections not applied (invalid)",
        "  corrections fixes.csv: corrections file: 1 correction applied to 1 release; 1 row not applied (listed as invalid)",
        "  invalid  fixes.csv, line 3: occasion: release rnope is not in the corpus; not applied"]
    releases = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    assert releases[["engagement_type", "corrected_fields"]].values.tolist() == [
        ["meeting", ""], ["video_call", "engagement_type"], ["meeting", ""]]
    assert main(["ingest", str(data), "-o", str(out), "--no-corrections"]) == 0
    assert pd.read_csv(out, encoding="utf-8-sig")["engagement_type"].tolist()[1] == "phone_call"


def test_ingest_refuses_a_corrections_file_it_cannot_use(data: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.csv"
    assert main(["ingest", str(data), "-o", str(out), "--corrections", str(tmp_path / "none.csv")]) == 2
    assert capsys.readouterr().err.strip() == f"sco-data: error: corrections file not found: {tmp_path / 'none.csv'}"
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["stats", str(data), "--corrections", str(tmp_path / "bad.csv")]) == 2
    assert "not a corrections file" in capsys.readouterr().err
    assert not out.exists()


def test_corrections_list_prints_one_line_per_row(data: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    write_corrections(data / "sco-corrections.csv", [(CALL, "occasion", "A forum"), (CALL, "occasion", "undo"),
                                                      (CALL, "topics", "add: sport")])
    assert main(["corrections", "list", str(data)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "line\trelease_id\tfield\tvalue\tnote\tcorrected_at\tproblem",
        f"2\t{CALL}\toccasion\tA forum\tnote 0\t2026-01-01T10:00:00\t",
        f"3\t{CALL}\toccasion\tundo\tnote 1\t2026-01-01T10:01:00\t",
        f"4\t{CALL}\ttopics\tadd: sport\t\t\tinvalid: unknown topic 'sport' (topics: health, covid19, ecommerce, "
        "women, security, economy_trade, culture_humanitarian, transport_logistics, digital_tech, agriculture, "
        "tourism, education_science, energy)",
        f"3 rows in {data / 'sco-corrections.csv'}: 0 corrections stand (later rows replace earlier ones, "
        "undo takes them back), 1 invalid"]
    monkeypatch.chdir(data)
    assert main(["corrections", "list"]) == 0
    assert main(["corrections", "list", "elsewhere.csv"]) == 2
    assert "corrections file not found: elsewhere.csv" in capsys.readouterr().err


def test_evaluate_counts_corrections_the_extractor_now_agrees_with(data: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = write_corrections(tmp_path / "fixes.csv", [
        (CALL, "event_date", "2020-04-29"),  # the extractor reads this date itself now
        (CALL, "engagement_type", "video_call"),  # it still says phone_call
        (WOMEN, "counterparts", "add: Shen Yueyue | | China"),  # found, with that country
        (WOMEN, "counterparts", "remove: Ivan Petrov"),  # not found: agrees
        (HENAN, "location_city", "Zhengzhou"), (HENAN, "topics", "remove: tourism"),
        ("rgone", "occasion", "x"), (CALL, "field", "x")])
    result = evaluate_corrections(path, [data])
    assert dict(result.agreed) == {"event_date": 1, "engagement_type": 0, "counterparts": 2, "location_city": 1,
                                   "topics": 0}
    assert [(c.field, extracted) for c, extracted in result.disagreements] == [
        ("engagement_type", "phone_call"), ("topics", "ecommerce; economy_trade; culture_humanitarian; "
                                                      "transport_logistics; digital_tech; agriculture; tourism")]
    assert main(["evaluate", "--corrections", str(path), str(data)]) == 0
    printed = capsys.readouterr().out
    assert "all                       4 of 6" in printed
    assert f"  line 3: {CALL}: engagement_type: corrected video_call, extracted phone_call (note 1)" in printed
    assert "releases not found (1)\n  line 8: rgone: occasion" in printed
    assert "invalid rows (1)\n  line 9: unknown field 'field'" in printed
    assert main(["evaluate", "--corrections", str(tmp_path / "none.csv"), str(data)]) == 2
