"""The folder rule a running dashboard applies: only folders inside its allowed roots, after links."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sco_data.corpus.roots import NOT_A_FOLDER, OUTSIDE, acceptable_text, folder_access


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """start/ (the --data folder) with sub/, a sample/, an extra/ root, and secret/ outside all."""
    for name in ("start/sub", "sample", "extra/deep", "secret"):
        (tmp_path / name).mkdir(parents=True)
    (tmp_path / "start" / "notes.txt").write_text("a file, not a folder")
    return tmp_path


def test_folders_inside_the_roots_are_allowed_resolved(tree: Path) -> None:
    access = folder_access(tree / "start", tree / "sample",
                           environ={"SCO_DATA_ROOTS": f"{tree / 'extra'}{os.pathsep}{os.pathsep}"})
    assert access.roots == (tree / "start", tree / "sample", tree / "extra")
    assert access.check(tree / "start" / "sub").folder == tree / "start" / "sub"
    assert access.check(f"{tree}/start/sub/../sub").folder == tree / "start" / "sub"
    assert access.check(tree / "extra" / "deep").folder == tree / "extra" / "deep"
    assert access.check(tree / "sample").folder == tree / "sample"
    assert access.offers_folder_box


@pytest.mark.parametrize("requested", ["/etc", "{tree}/secret", "{tree}/start/../secret", "{tree}/start/sub/../../secret",
                                       "{tree}/startling", "{tree}/secret/not-there", "/", "~"])
def test_folders_outside_the_roots_are_refused_whether_or_not_they_exist(tree: Path, requested: str) -> None:
    access = folder_access(tree / "start", tree / "sample", environ={})
    check = access.check(requested.format(tree=tree))
    assert (check.folder, check.reason) == (None, OUTSIDE)


def test_a_link_inside_a_root_that_leads_outside_is_refused(tree: Path) -> None:
    (tree / "start" / "escape").symlink_to(tree / "secret")
    (tree / "start" / "inner").symlink_to(tree / "start" / "sub")
    access = folder_access(tree / "start", tree / "sample", environ={})
    assert access.check(tree / "start" / "escape").reason == OUTSIDE
    assert access.check(tree / "start" / "inner").folder == tree / "start" / "sub"


def test_a_root_reached_through_a_link_is_compared_resolved(tree: Path) -> None:
    (tree / "start-link").symlink_to(tree / "start")
    access = folder_access(tree / "start-link", tree / "sample", environ={})
    assert access.start == tree / "start"
    assert access.check(tree / "start" / "sub").folder == tree / "start" / "sub"
    assert access.check(tree / "start-link" / "sub").folder == tree / "start" / "sub"


@pytest.mark.parametrize(("requested", "reason"), [
    ("", "no folder given"),
    ("{tree}/start/missing", NOT_A_FOLDER),
    ("{tree}/start/notes.txt", NOT_A_FOLDER),
    ("{tree}/start/" + "x" * 300, NOT_A_FOLDER),  # a name longer than a file system allows
])
def test_other_refusals_say_why(tree: Path, requested: str, reason: str) -> None:
    access = folder_access(tree / "start", tree / "sample", environ={})
    assert access.check(requested.format(tree=tree)).reason == reason


def test_a_symlink_loop_inside_a_root_is_not_a_folder(tree: Path) -> None:
    (tree / "start" / "loop").symlink_to(tree / "start" / "loop")
    access = folder_access(tree / "start", tree / "sample", environ={})
    assert access.check(tree / "start" / "loop") == access.check(tree / "start" / "loop" / "deeper")
    assert access.check(tree / "start" / "loop").reason == NOT_A_FOLDER


def test_a_symlink_loop_outside_the_roots_is_outside_like_any_path_there(tree: Path) -> None:
    """It answered "cannot open this folder (Symlink loop ...)", telling a visitor it exists."""
    (tree / "secret" / "loop").symlink_to(tree / "secret" / "loop")
    (tree / "secret" / "a").symlink_to(tree / "secret" / "b")
    (tree / "secret" / "b").symlink_to(tree / "secret" / "a")
    access = folder_access(tree / "start", tree / "sample", environ={})
    for requested in ("secret/loop", "secret/loop/deeper", "secret/a", "secret/no-loop-here"):
        assert access.check(tree / requested).reason == OUTSIDE, requested


@pytest.mark.parametrize("requested", ["\x00", "/etc\x00", "{tree}/start\x00", "{tree}/start/sub\x00/x",
                                       "{tree}/start/\x1b[31m", "{tree}/start/s\nub", "{tree}/start/\x7f",
                                       "{tree}/start/\ud800", "{tree}/start/" + "x/" * 3000])
def test_a_nul_byte_a_control_character_or_a_huge_path_is_outside_never_an_error(tree: Path,
                                                                                  requested: str) -> None:
    """A NUL byte raised ValueError in the rule (which caught only OSError and RuntimeError),
    replacing the page with Streamlit's error screen."""
    access = folder_access(tree / "start", tree / "sample", environ={})
    check = access.check(requested.format(tree=tree))
    assert (check.folder, check.reason) == (None, OUTSIDE)


def test_acceptable_text_is_printable_valid_and_short() -> None:
    assert acceptable_text("Отчёт 2021 (copy).txt")
    assert not acceptable_text("a\x00b") and not acceptable_text("a\tb") and not acceptable_text("\x85")
    assert not acceptable_text("\udc80") and not acceptable_text("x" * 300, limit=255)


def test_no_start_folder_means_the_bundled_sample(tree: Path) -> None:
    access = folder_access("", tree / "sample", environ={})
    assert access.start == tree / "sample"
    assert access.roots == (tree / "sample",)


@pytest.mark.parametrize(("lock", "environ", "locked"), [
    (True, {}, True), (False, {"SCO_DATA_LOCK": "1"}, True), (False, {"SCO_DATA_LOCK": "0"}, False), (False, {}, False),
])
def test_a_locked_dashboard_offers_no_folder_box_and_reads_only_its_folder(tree: Path, lock: bool, environ: dict,
                                                                          locked: bool) -> None:
    access = folder_access(tree / "start", tree / "sample", lock=lock, environ=environ)
    assert (access.locked, access.offers_folder_box) == (locked, not locked)
    assert access.check(tree / "start").folder == tree / "start"
    expected = "this dashboard is locked to its folder" if locked else None
    assert access.check(tree / "start" / "sub").reason == expected
