"""Which folders a visitor can make the running page read (AppTest): only those inside the
allowed roots, whatever the folder box, a link or a symlink says; none but its own when locked."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sco_data.explore.markup import WORD_JOINER
from test_app import HOSTILE_RELEASE, messages, metric, open_section, run_app

SEED_ENGAGEMENTS = "3"


@pytest.fixture(autouse=True)
def bundled_data(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("SCO_DATA_DIR", "SCO_DATA_ROOTS", "SCO_DATA_LOCK"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])


def refusals(at) -> str:
    """The sidebar's error messages as a reader sees them (without markdown's escapes)."""
    return messages(at, "sidebar.error").replace("\\", "").replace(WORD_JOINER, "")


def report_paths(at) -> list[str]:
    """The files of the ingest report (its section opened where the folder gave releases)."""
    if at.metric and at.metric[0].label == "Engagements":
        open_section(at, "Ingest report")
    frames = [d.value for d in at.dataframe if "status" in d.value.columns]
    return sorted(frames[0]["path"]) if frames else []


def test_a_system_folder_in_the_box_is_refused_and_nothing_of_it_is_listed():
    at = run_app()
    at.text_input(key="data_dir").input("/etc").run()
    assert not at.exception
    assert "Not reading /etc: outside the allowed folders" in refusals(at)
    assert metric(at, "Engagements") == SEED_ENGAGEMENTS  # still the sample it started with
    assert all(not path.startswith(("/etc", "passwd", "hosts")) for path in report_paths(at))


def test_a_folder_outside_the_roots_is_refused_whether_or_not_it_exists(tmp_path):
    at = run_app()
    for typed in (str(tmp_path), str(tmp_path / "no-such-folder")):
        at.text_input(key="data_dir").input(typed).run()
        assert "outside the allowed folders" in refusals(at), typed


def test_dot_dot_out_of_an_allowed_root_is_refused(monkeypatch, tmp_path):
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "note.txt").write_text(HOSTILE_RELEASE)
    monkeypatch.setenv("SCO_DATA_ROOTS", str(allowed))
    at = run_app()
    at.text_input(key="data_dir").input(str(allowed / ".." / "private")).run()
    assert "outside the allowed folders" in refusals(at)
    assert metric(at, "Engagements") == SEED_ENGAGEMENTS


def test_a_symlink_inside_a_root_that_leads_out_is_refused(monkeypatch, tmp_path):
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    private = tmp_path / "private"
    private.mkdir()
    (private / "note.txt").write_text(HOSTILE_RELEASE)
    os.symlink(private, allowed / "shortcut")
    monkeypatch.setenv("SCO_DATA_ROOTS", str(allowed))
    at = run_app()
    at.text_input(key="data_dir").input(str(allowed / "shortcut")).run()
    assert "outside the allowed folders" in refusals(at)
    assert "note.txt" not in report_paths(at)


def test_a_folder_inside_a_listed_root_is_read(monkeypatch, tmp_path):
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "only.txt").write_text(HOSTILE_RELEASE)
    monkeypatch.setenv("SCO_DATA_ROOTS", str(tmp_path))
    at = run_app()
    at.text_input(key="data_dir").input(str(tmp_path / "inner")).run()
    assert refusals(at) == ""
    assert metric(at, "Engagements") == "1"
    assert report_paths(at) == ["only.txt"]


def test_a_link_naming_a_system_folder_is_refused_too():
    at = run_app({"folder": "/etc"})
    assert "Not reading /etc: outside the allowed folders" in refusals(at)
    assert metric(at, "Engagements") == SEED_ENGAGEMENTS


@pytest.mark.parametrize("how", ["argv", "environment"])
def test_a_locked_dashboard_offers_no_folder_box_and_ignores_a_link(monkeypatch, how):
    seeds = Path(__file__).resolve().parent.parent / "data" / "releases"
    if how == "argv":
        monkeypatch.setattr(sys, "argv", ["dashboard.py", "--data", str(seeds), "--lock"])
    else:
        monkeypatch.setenv("SCO_DATA_DIR", str(seeds))
        monkeypatch.setenv("SCO_DATA_LOCK", "1")
    at = run_app({"folder": "/etc"})
    assert "data_dir" not in [box.key for box in at.text_input]
    assert refusals(at) == ""
    assert metric(at, "Engagements") == SEED_ENGAGEMENTS


@pytest.mark.parametrize("folder", ["\x00", "/etc\x00", "/etc\x00/passwd", "\x1b[2J/etc", "/" + "x" * 10_000])
def test_a_nul_byte_or_a_control_character_in_a_link_or_the_box_is_refused_not_a_crash(folder):
    """?folder=%00 replaced the page with Streamlit's error screen (ValueError: embedded null
    byte), and the box kept the value, so the page stayed broken."""
    at = run_app({"folder": folder})
    assert "outside the allowed folders" in refusals(at)
    assert metric(at, "Engagements") == SEED_ENGAGEMENTS
    assert len(refusals(at)) < 400  # a huge value is named by its start
    at.text_input(key="data_dir").input("/tmp\x00").run()
    assert not at.exception
    assert "Not reading /tmp⟨U+0000⟩: outside the allowed folders" in refusals(at)
    at.text_input(key="data_dir").input("").run()
    assert refusals(at) == "" and metric(at, "Engagements") == SEED_ENGAGEMENTS


def test_a_symlink_loop_outside_the_roots_gets_the_same_answer_as_any_folder_there(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "real").mkdir()
    at = run_app()
    answers = []
    for typed in ("loop", "real", "missing"):
        at.text_input(key="data_dir").input(str(tmp_path / typed)).run()
        answers.append(refusals(at).replace(str(tmp_path / typed), "FOLDER"))
    assert answers == ["Not reading FOLDER: outside the allowed folders. The page shows the folder it was "
                       "started with."] * 3
