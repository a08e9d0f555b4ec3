"""Walking folders: symlink loops, deep and wide trees, never a traceback, never an endless walk."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest

import sco_data
from sco_data.cli import main as cli_main
from sco_data.corpus.discovery import discover

SEEDS = Path(__file__).resolve().parent.parent / "data" / "releases"


def report_of(corpus: sco_data.Corpus) -> list[tuple[str, str, str]]:
    return [(row.path, row.status, row.reason) for row in corpus.report.itertuples(index=False)]


def test_a_link_to_an_ancestor_is_reported_once_and_not_walked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder / "nested")
    (folder / "nested" / "up").symlink_to(folder)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    corpus = sco_data.load_corpus(folder, use_cache=False)
    assert report_of(corpus) == [
        ("nested/000_fc200e737405b811.txt", "ok", ""),
        ("nested/003_9d2223d45b28a80f.txt", "ok", ""),
        ("nested/004_ab8b35423e3036f0.txt", "ok", ""),
        ("nested/up/", "skipped", "link to a folder already read, not read again"),
        ("self.txt", "rejected", "cannot read file: Too many levels of symbolic links"),
    ]
    assert cli_main(["ingest", str(folder), "-o", str(tmp_path / "out.csv")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "5 files: 3 ok, 0 warning, 1 rejected, 1 skipped"


def test_links_that_lead_out_of_the_folder_are_reported_and_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text((SEEDS / "003_9d2223d45b28a80f.txt").read_text(encoding="utf-8"))
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / "away").symlink_to(outside)
    (folder / "copy.txt").symlink_to(outside / "secret.txt")
    (folder / "root").symlink_to("/")
    (folder / "same.txt").symlink_to(folder / "000_fc200e737405b811.txt")  # inside: read
    corpus = sco_data.load_corpus(folder, use_cache=False)
    assert report_of(corpus) == [
        ("000_fc200e737405b811.txt", "ok", ""),
        ("003_9d2223d45b28a80f.txt", "ok", ""),
        ("004_ab8b35423e3036f0.txt", "ok", ""),
        ("away", "skipped", "link to outside the folder, not followed"),
        ("copy.txt", "skipped", "link to outside the folder, not followed"),
        ("root", "skipped", "link to outside the folder, not followed"),
        ("same.txt", "rejected", "duplicate of 000_fc200e737405b811.txt"),
    ]
    # The folder itself may be reached through a link: what it holds is judged from where it is.
    (tmp_path / "shortcut").symlink_to(folder)
    assert report_of(sco_data.load_corpus(tmp_path / "shortcut", use_cache=False)) == report_of(corpus)


def test_a_looping_link_given_as_the_path_is_a_report_row(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    corpus = sco_data.load_corpus(tmp_path / "loop", use_cache=False)
    assert report_of(corpus) == [(str(tmp_path / "loop"), "rejected", "cannot read: Too many levels of symbolic links")]


def test_a_tree_deeper_than_the_recursion_limit_is_walked(tmp_path: Path) -> None:
    depth = sys.getrecursionlimit() + 100
    folder = tmp_path / "deep"
    current = folder
    for _ in range(depth // 50):  # create in steps: one path may not exceed PATH_MAX
        current = current.joinpath(*["d"] * 50)
        current.mkdir(parents=True)
    (current / "release.txt").write_text((SEEDS / "003_9d2223d45b28a80f.txt").read_text(encoding="utf-8"))
    try:
        inputs = discover(folder, 5)
    finally:  # bottom up: shutil.rmtree, and so pytest's clean-up, recurses and would fail here
        (current / "release.txt").unlink()
        while current != tmp_path:
            current.rmdir()
            current = current.parent
    assert [item.label.count("/") for item in inputs] == [depth // 50 * 50]


def test_walking_many_files_grows_linearly(tmp_path: Path) -> None:
    def walk_time(count: int) -> float:
        folder = tmp_path / f"wide-{count}"
        for index in range(count):
            sub = folder / f"group{index % 20:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"file{index:06d}.txt").write_bytes(b"x")
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            assert len(discover(folder, 5)) == count
            best = min(best, time.perf_counter() - start)
        return best

    small, large = walk_time(2000), walk_time(8000)
    assert large < 6 * small, (small, large)


def test_the_fetch_bookkeeping_files_are_no_input_but_other_hidden_files_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "fetched"
    shutil.copytree(SEEDS, folder)
    for name in (".sco-fetch.sqlite", ".sco-fetch.sqlite-journal", ".sco-fetch.lock", ".sco-fetch-tmp-page.html"):
        (folder / name).write_bytes(b"SQLite format 3\x00")
    (folder / ".notes.txt").write_text("mine")
    assert [(item.label, item.verdict) for item in discover(folder, 5.0)] == [
        (".notes.txt", ("skipped", "hidden file, not read")),
        ("000_fc200e737405b811.txt", None),
        ("003_9d2223d45b28a80f.txt", None),
        ("004_ab8b35423e3036f0.txt", None),
    ]
