"""Checks: an analyst marks a release read and right with a corrections row of field `checked`;
the releases table says so, and a release's doubts follow what the analyst did."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

import sco_data
from sco_data.cli import main
from sco_data.corpus.corrections import InvalidCorrection, effective_corrections, parse_correction, read_corrections
from sco_data.corpus.corrections_file import save_correction, undo_correction
from sco_data.evaluate import evaluate_corrections
from sco_data.extract.counterparts import DOUBT_NO_COUNTRY, DOUBT_NONE_NAMED
from sco_data.extract.dates import DOUBT_FROM_HEADLINE
from sco_data.extract.engagement import DOUBT_WEAK
from sco_data.schema import CORRECTABLE_FIELDS, CORRECTION_FIELDS, Doubt, doubts_from_text

SEEDS = Path(__file__).resolve().parent.parent / "data" / "releases"
CALL = "rb04e3d5bc8e0bc74"  # the seed phone call with Le Yucheng, 29 April 2020: no doubts
# A release we wrote whose date is only in its headline, whose lead names no one met, and whose
# type rests on "met" alone: three doubts the extractor states.
DOUBTED_TEXT = """SCO Secretary-General Zhang Ming meets with Ambassador Petrov on 12 March 2022

SCO Secretary-General Zhang Ming met with Ambassador Petrov in Beijing.

The parties discussed cooperation in trade and the economy within the SCO.
"""
DOUBTED = "r61864ab11e2300dc"
DATE_DOUBT = f"event_date: {DOUBT_FROM_HEADLINE}"
TYPE_DOUBT = f"engagement_type: {DOUBT_WEAK}"
PEOPLE_DOUBT = f"counterparts: {DOUBT_NONE_NAMED}"
WHEN = "2026-01-02T03:04:05+00:00"


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(SEEDS, folder)
    (folder / "doubted.txt").write_text(DOUBTED_TEXT, encoding="utf-8")
    return folder


def load(folder: Path, **options: object) -> sco_data.Corpus:
    return sco_data.load_corpus(folder, use_cache=False, **options)


def cells(corpus: sco_data.Corpus, release_id: str, *columns: str) -> tuple:
    return tuple(corpus.releases.set_index("release_id").loc[release_id, list(columns)])


def test_the_doubted_release_carries_the_three_doubts(data: Path) -> None:
    release = sco_data.parse_release(DOUBTED_TEXT)
    assert (release.release_id, release.event_date.isoformat(), release.counterparts) == (DOUBTED, "2022-03-12", ())
    assert release.doubts == (Doubt("event_date", DOUBT_FROM_HEADLINE), Doubt("engagement_type", DOUBT_WEAK),
                              Doubt("counterparts", DOUBT_NONE_NAMED))
    corpus = load(data)
    assert cells(corpus, DOUBTED, "doubts", "checked") == (f"{DATE_DOUBT}; {TYPE_DOUBT}; {PEOPLE_DOUBT}", False)
    assert doubts_from_text(cells(corpus, DOUBTED, "doubts")[0]) == release.doubts


def test_a_counterpart_of_no_known_country_is_doubted() -> None:
    lead = "On 3 March 2024, SCO Secretary-General Zhang Ming met with {}."
    unknown = sco_data.parse_release(lead.format("Chairman of the Board Ivan Petrovsky"))
    known = sco_data.parse_release(lead.format("Ambassador of Kazakhstan to China Shahrat Nuryshev"))
    assert [(person.name, person.country) for person in unknown.counterparts] == [("Ivan Petrovsky", None)]
    assert unknown.doubts == (Doubt("counterparts", DOUBT_NO_COUNTRY),)
    assert known.doubts == ()


def test_a_topic_named_once_as_a_subject_and_otherwise_inside_names_is_doubted() -> None:
    lead = ("On 3 March 2024, SCO Secretary-General Zhang Ming visited the Ministry of Culture of Tajikistan in "
            "Dushanbe and met with Minister of Culture Matlubakhon Sattoriyon.")
    once = sco_data.parse_release(f"{lead}\nHe also praised the cultural ties of the two peoples.")
    never = sco_data.parse_release(f"{lead}\nHe also praised the ties of the two peoples.")
    assert once.topics == never.topics == ()
    assert once.doubts == (Doubt("topics", "'Culture and humanitarian ties' is named 3 times, but all except one "
                                           "inside names, lists of who attended or words for a place"),)
    assert never.doubts == ()


def test_a_doubts_cell_is_cut_only_where_a_field_begins() -> None:
    assert doubts_from_text("topics: 'A; B' rests on 1 passing mentions; location_city: x") == (
        Doubt("topics", "'A; B' rests on 1 passing mentions"), Doubt("location_city", "x"))
    assert doubts_from_text("") == doubts_from_text(None) == ()


def test_checked_is_a_field_of_the_file_not_one_to_correct() -> None:
    assert "checked" not in CORRECTABLE_FIELDS and CORRECTION_FIELDS == (*CORRECTABLE_FIELDS, "checked")
    check = parse_correction(CALL, "checked", "", "read it", WHEN)
    assert (check.field, check.value, check.action, check.target, check.key) == (
        "checked", "", "set", True, (CALL, "checked"))
    assert parse_correction(CALL, " checked ", "  ").field == "checked"
    assert parse_correction(CALL, "checked", "UNDO").action == "undo"
    with pytest.raises(InvalidCorrection, match=r"^checked takes no value \(leave it empty; undo withdraws the check\)$"):
        parse_correction(CALL, "checked", "yes")
    with pytest.raises(InvalidCorrection, match="^'undo' of checked takes nothing after it$"):
        parse_correction(CALL, "checked", "undo: everything")


def test_save_and_undo_a_check(data: Path) -> None:
    path = data / "sco-corrections.csv"
    save_correction(path, CALL, "checked", "", "read against the text", corrected_at=WHEN)
    corpus = load(data)
    assert corpus.releases["checked"].dtype == bool
    assert corpus.releases.set_index("release_id")["checked"].to_dict() == {
        "rb9b699944301547f": False, CALL: True, "r89edcce67822133e": False, DOUBTED: False}
    assert cells(corpus, CALL, "corrected_fields", "event_date") == ("", pd.Timestamp("2020-04-29"))
    assert corpus.corrections.values.tolist() == [[CALL, "checked", "", "read against the text", WHEN, "", 2]]
    assert corpus.report["reason"].iloc[-1] == "corrections file: 1 correction applied to 1 release"

    undo_correction(path, CALL, "checked", note="not sure after all", corrected_at=WHEN)
    assert path.read_text(encoding="utf-8").splitlines()[1:] == [
        f"{CALL},checked,,read against the text,{WHEN}", f"{CALL},checked,undo,not sure after all,{WHEN}"]
    corpus = load(data)
    assert not corpus.releases["checked"].any() and corpus.corrections.empty

    save_correction(path, CALL, "checked", "", corrected_at=WHEN)
    assert cells(load(data), CALL, "checked") == (True,)
    assert [c.line for c in effective_corrections(read_corrections(path).corrections)] == [4]


def test_a_check_clears_every_doubt_and_its_undo_brings_them_back(data: Path) -> None:
    path = data / "sco-corrections.csv"
    save_correction(path, DOUBTED, "checked", "", corrected_at=WHEN)
    corpus = load(data)
    assert cells(corpus, DOUBTED, "doubts", "checked", "corrected_fields") == ("", True, "")
    assert cells(corpus, DOUBTED, "event_date", "engagement_type") == (pd.Timestamp("2022-03-12"), "meeting")
    undo_correction(path, DOUBTED, "checked", corrected_at=WHEN)
    assert cells(load(data), DOUBTED, "doubts", "checked") == (f"{DATE_DOUBT}; {TYPE_DOUBT}; {PEOPLE_DOUBT}", False)


def test_a_corrected_field_loses_its_doubts_and_the_others_stay(data: Path) -> None:
    path = data / "sco-corrections.csv"
    save_correction(path, DOUBTED, "event_date", "2022-03-11", "the headline gives the publication day",
                    corrected_at=WHEN)
    corpus = load(data)
    assert cells(corpus, DOUBTED, "event_date", "corrected_fields", "doubts", "checked") == (
        pd.Timestamp("2022-03-11"), "event_date", f"{TYPE_DOUBT}; {PEOPLE_DOUBT}", False)

    save_correction(path, DOUBTED, "counterparts", "add: Ivan Petrov | Ambassador | Russia", corrected_at=WHEN)
    corpus = load(data)
    assert cells(corpus, DOUBTED, "counterparts", "corrected_fields", "doubts") == (
        "Ivan Petrov", "event_date; counterparts", TYPE_DOUBT)

    save_correction(path, DOUBTED, "checked", "", corrected_at=WHEN)  # a check after corrections
    corpus = load(data)
    assert cells(corpus, DOUBTED, "event_date", "counterparts", "corrected_fields", "doubts", "checked") == (
        pd.Timestamp("2022-03-11"), "Ivan Petrov", "event_date; counterparts", "", True)
    assert corpus.corrections[["field", "extracted", "line"]].values.tolist() == [
        ["event_date", "2022-03-12", 2], ["counterparts", "", 3], ["checked", "", 4]]

    undo_correction(path, DOUBTED, "event_date", corrected_at=WHEN)
    undo_correction(path, DOUBTED, "checked", corrected_at=WHEN)
    assert cells(load(data), DOUBTED, "event_date", "doubts") == (
        pd.Timestamp("2022-03-12"), f"{DATE_DOUBT}; {TYPE_DOUBT}")


def test_a_check_survives_reparsing_the_release_in_another_file(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    save_correction(data / "sco-corrections.csv", DOUBTED, "checked", "", corrected_at=WHEN)
    assert cells(sco_data.load_corpus(data, cache), DOUBTED, "checked", "doubts") == (True, "")
    (data / "doubted.txt").unlink()
    (data / "renamed.txt").write_bytes(DOUBTED_TEXT.replace("\n", "\r\n").encode("utf-8"))
    corpus = sco_data.load_corpus(data, cache)
    assert corpus.parsed_files == 1  # the new file was read anew
    assert cells(corpus, DOUBTED, "source", "checked", "doubts") == ("renamed.txt", True, "")
    assert cells(load(data, corrections=False), DOUBTED, "checked") == (False,)


def test_a_check_of_a_release_not_in_the_corpus_is_an_invalid_row(data: Path) -> None:
    path = data / "sco-corrections.csv"
    save_correction(path, "rgone", "checked", "", corrected_at=WHEN)
    corpus = load(data)
    assert corpus.report.values.tolist()[-1] == [
        "sco-corrections.csv, line 2", "invalid", "checked: release rgone is not in the corpus; not applied", "rgone"]
    assert not corpus.releases["checked"].any()


def test_uploads_and_empty_loads_have_the_column(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    save_correction(folder / "sco-corrections.csv", CALL, "checked", "", corrected_at=WHEN)
    corpus = load(folder, extra_files=[("up.txt", DOUBTED_TEXT.encode())])
    assert corpus.releases[["release_id", "checked"]].values.tolist() == [
        ["rb9b699944301547f", False], [CALL, True], ["r89edcce67822133e", False], [DOUBTED, False]]
    assert cells(corpus, DOUBTED, "doubts") == (f"{DATE_DOUBT}; {TYPE_DOUBT}; {PEOPLE_DOUBT}",)
    empty = load(tmp_path / "nothing-here")
    assert list(empty.releases.columns[26:28]) == ["corrected_fields", "checked"]
    assert empty.releases["checked"].dtype == bool and empty.releases.empty


def test_evaluate_counts_a_checked_release_as_confirming_every_field(data: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = data / "sco-corrections.csv"
    for release_id, field, value in [(CALL, "checked", ""), (DOUBTED, "event_date", "2022-03-11"),
                                     (DOUBTED, "checked", ""), ("rb9b699944301547f", "checked", ""),
                                     ("rb9b699944301547f", "checked", "undo"), ("rgone", "checked", "")]:
        save_correction(path, release_id, field, value, corrected_at=WHEN)
    result = evaluate_corrections(path, [data])
    assert result.checked == 2
    # The call confirms all seven fields; the doubted release the six its correction leaves.
    assert dict(result.confirmed) == {"event_date": 1, **{name: 2 for name in CORRECTABLE_FIELDS[1:]}}
    assert (dict(result.corrected), dict(result.agreed)) == ({"event_date": 1}, {"event_date": 0})
    assert [(c.release_id, c.field) for c in result.not_found] == [("rgone", "checked")]
    assert main(["evaluate", "--corrections", str(path), str(data)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Corrections: sco-corrections.csv, 1 corrected values and 2 checked releases (13 values their checks "
        "confirm) in releases found",
        "",
        "field                     extractor agrees",
        "event_date                1 of 2",
        "engagement_type           2 of 2",
        "sco_official              2 of 2",
        "counterparts              2 of 2",
        "location_city             2 of 2",
        "occasion                  2 of 2",
        "topics                    2 of 2",
        "all                       13 of 14",
        "",
        "disagreements (1)",
        f"  line 3: {DOUBTED}: event_date: corrected 2022-03-11, extracted 2022-03-12",
        "",
        "releases not found (1)",
        "  line 7: rgone: checked"]


def test_stats_counts_doubts_per_field_and_checks(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(data), "--no-cache"]) == 0
    printed = capsys.readouterr().out
    assert ("Releases with doubts, by field\n  event_date            1\n  engagement_type       1\n"
            "  sco_official          0\n  counterparts          1\n  location_city         0\n"
            "  topics                0\n  any field             1\n\n0 of 4 releases checked\n") in printed
    path = data / "sco-corrections.csv"
    save_correction(path, DOUBTED, "event_date", "2022-03-11", corrected_at=WHEN)
    save_correction(path, CALL, "checked", "", corrected_at=WHEN)
    assert main(["stats", str(data), "--no-cache"]) == 0
    printed = capsys.readouterr().out
    assert "  event_date            0\n  engagement_type       1\n" in printed
    assert "  any field             1\n\n1 of 4 releases checked\n" in printed
    save_correction(path, DOUBTED, "checked", "", corrected_at=WHEN)
    assert main(["stats", str(data), "--no-cache"]) == 0
    assert "  any field             0\n\n2 of 4 releases checked\n" in capsys.readouterr().out


def test_the_releases_csv_carries_doubts_and_checked(data: Path, tmp_path: Path) -> None:
    save_correction(data / "sco-corrections.csv", DOUBTED, "counterparts", "add: Ivan Petrov | Ambassador",
                    corrected_at=WHEN)
    save_correction(data / "sco-corrections.csv", CALL, "checked", "", corrected_at=WHEN)
    expected = [["rb9b699944301547f", "", "", "False"], [CALL, "", "", "True"], ["r89edcce67822133e", "", "", "False"],
                [DOUBTED, f"{DATE_DOUBT}; {TYPE_DOUBT}", "counterparts", "False"]]
    columns = ["release_id", "doubts", "corrected_fields", "checked"]
    exported = pd.read_csv(io.BytesIO(sco_data.to_csv_bytes(load(data).releases)), encoding="utf-8-sig",
                           keep_default_na=False, dtype=str)
    assert exported[columns].values.tolist() == expected
    out = tmp_path / "out.csv"
    assert main(["ingest", str(data), "-o", str(out), "--no-cache"]) == 0
    assert pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False, dtype=str)[columns].values.tolist() == expected
    assert b"\r\nrb04e3d5bc8e0bc74," in out.read_bytes() and b",,True," in out.read_bytes()
    parquet = tmp_path / "out.parquet"
    assert main(["ingest", str(data), "-o", str(parquet), "--no-cache"]) == 0
    assert pd.read_parquet(parquet)["checked"].tolist() == [False, True, False, False]
