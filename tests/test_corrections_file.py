"""Saving corrections: appended atomically, never lost between concurrent writers, never half
written when a writer is killed, and a clear error where the folder cannot be written."""

from __future__ import annotations

import fcntl
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import sco_data
from sco_data.corpus.corrections import InvalidCorrection, lock_path, read_corrections
from sco_data.corpus.corrections_file import (
    CorrectionNotSaved,
    why_corrections_unsaveable,
    save_correction,
    undo_correction,
)

SEEDS = Path(__file__).resolve().parent.parent / "data" / "releases"
CALL = "rb04e3d5bc8e0bc74"  # the seed phone call with Le Yucheng, 29 April 2020
HEADER = b"release_id,field,value,note,corrected_at\n"
WHEN = "2026-01-02T03:04:05+00:00"


def notes(path: Path) -> list[str]:
    read = read_corrections(path)
    assert read.problems == ()
    return [correction.note for correction in read.corrections]


def test_a_save_creates_the_file_with_its_header_and_appends_rows(tmp_path: Path) -> None:
    path = tmp_path / "sco-corrections.csv"
    save_correction(path, CALL, "occasion", "Forum, with a comma", "first", corrected_at=WHEN)
    save_correction(path, CALL, "counterparts", 'add: Ivan "Vanya" Petrov | Ambassador | Russia', "second",
                    corrected_at=WHEN)
    assert path.read_bytes() == HEADER + (
        f'{CALL},occasion,"Forum, with a comma",first,{WHEN}\n'
        f'{CALL},counterparts,"add: Ivan ""Vanya"" Petrov | Ambassador | Russia",second,{WHEN}\n').encode()
    assert sorted(entry.name for entry in tmp_path.iterdir()) == [".sco-corrections.csv.lock", "sco-corrections.csv"]


def test_a_save_stamps_the_time_in_utc(tmp_path: Path) -> None:
    correction = save_correction(tmp_path / "c.csv", CALL, "occasion", "x")
    assert correction.corrected_at.endswith("+00:00")
    assert abs(pd.Timestamp(correction.corrected_at) - pd.Timestamp.now(tz="UTC")) < pd.Timedelta(minutes=1)


def test_an_invalid_value_is_refused_and_the_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    save_correction(path, CALL, "occasion", "x", corrected_at=WHEN)
    before = path.read_bytes()
    with pytest.raises(InvalidCorrection, match="unknown engagement type 'meting'"):
        save_correction(path, CALL, "engagement_type", "meting")
    assert path.read_bytes() == before


def test_a_save_keeps_the_files_own_columns_bom_and_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    old = "\ufeffnote,release_id,field,value,corrected_at,reviewer\r\nold,r1,occasion,y,,ann".encode()
    path.write_bytes(old)
    save_correction(path, CALL, "occasion", "x", "new", corrected_at=WHEN)
    assert path.read_bytes() == old + f"\r\nnew,{CALL},occasion,x,{WHEN},\r\n".encode()  # a CRLF file stays CRLF
    save_correction(path, CALL, "occasion", "y", "newer", corrected_at=WHEN)
    assert path.read_bytes().endswith(f"\r\nnewer,{CALL},occasion,y,{WHEN},\r\n".encode())
    assert b"\n" not in path.read_bytes().replace(b"\r\n", b"")
    assert notes(path) == ["old", "new", "newer"]


def test_a_file_that_is_no_corrections_file_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"name,age\nann,3\n")
    with pytest.raises(CorrectionNotSaved, match=r"not a corrections file \(no column release_id, field, value, "
                                                 r"note, corrected_at in its first line\)"):
        save_correction(path, CALL, "occasion", "x")
    assert path.read_bytes() == b"name,age\nann,3\n"


def test_undo_takes_back_a_whole_field_or_one_person(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SEEDS, data)
    path = data / "sco-corrections.csv"
    save_correction(path, CALL, "event_date", "2020-05-01")
    save_correction(path, CALL, "counterparts", "add: Ivan Petrov")
    save_correction(path, CALL, "counterparts", "change: Le Yucheng -> Le Yu Cheng")
    undo_correction(path, CALL, "event_date")
    undo_correction(path, CALL, "counterparts", "change: Le Yucheng -> Le Yu Cheng", "wrong after all")
    assert [c.value for c in read_corrections(path).corrections][-2:] == ["undo", "undo: Le Yucheng"]
    release = sco_data.load_corpus(data, use_cache=False).releases.set_index("release_id").loc[CALL]
    assert (release["event_date"], release["counterparts"], release["corrected_fields"]) == \
        (pd.Timestamp("2020-04-29"), "Le Yucheng; Ivan Petrov", "counterparts")


def test_two_threads_saving_at_once_lose_no_row(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    start = threading.Barrier(2)

    def saves(writer: str) -> None:
        start.wait()
        for number in range(40):
            save_correction(path, CALL, "occasion", f"{writer} {number}", f"{writer} {number}")

    threads = [threading.Thread(target=saves, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = notes(path)
    assert sorted(saved) == sorted(f"{writer} {number}" for writer in "ab" for number in range(40))
    assert [note for note in saved if note.startswith("a")] == [f"a {number}" for number in range(40)]


WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sco_data.corpus.corrections_file import save_correction
    path, name, count, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    number = 0
    while count < 0 or number < count:
        save_correction(path, "r1", "occasion", f"{name} {number}", f"{name} {number}")
        number += 1
""")


def start_writer(path: Path, name: str, count: int, go: Path) -> subprocess.Popen:
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(count), str(go)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "ready"
    return writer


def test_two_processes_saving_at_once_lose_no_row(tmp_path: Path) -> None:
    path, go = tmp_path / "c.csv", tmp_path / "go"
    writers = [start_writer(path, name, 25, go) for name in ("a", "b")]
    go.touch()
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    assert sorted(notes(path)) == sorted(f"{name} {number}" for name in "ab" for number in range(25))


KILLED_AT = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from sco_data.corpus.corrections_file import save_correction

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    point = sys.argv[2]
    real_flock, real_fdopen, real_replace = __import__("fcntl").flock, os.fdopen, os.replace
    if point == "locked":
        import fcntl
        fcntl.flock = lambda *args: (real_flock(*args), die())
    elif point == "half_written":
        class HalfFile:
            def __init__(self, handle):
                self.handle = handle
            def __enter__(self):
                return self
            def __exit__(self, *args):
                return False
            def fileno(self):
                return self.handle.fileno()
            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
                die()
        os.fdopen = lambda *args, **kwargs: HalfFile(real_fdopen(*args, **kwargs))
    elif point == "before_sync":
        os.fsync = lambda handle: die()
    elif point == "before_replace":
        os.replace = lambda *args: die()
    elif point == "after_replace":
        os.replace = lambda *args: (real_replace(*args), die())
    save_correction(Path(sys.argv[1]), "r1", "occasion", "killed", "killed", corrected_at="2026-01-01T00:00:00")
""")


@pytest.mark.parametrize("point", ["locked", "half_written", "before_sync", "before_replace", "after_replace"])
def test_a_kill_during_a_save_leaves_the_file_whole(tmp_path: Path, point: str) -> None:
    path = tmp_path / "c.csv"
    save_correction(path, "r1", "occasion", "kept", "kept", corrected_at=WHEN)
    before = path.read_bytes()
    child = subprocess.run([sys.executable, "-c", KILLED_AT, str(path), point], timeout=120)
    assert child.returncode == -signal.SIGKILL
    if point == "after_replace":
        assert path.read_bytes() == before + b"r1,occasion,killed,killed,2026-01-01T00:00:00\n"
    else:
        assert path.read_bytes() == before
    leftovers = list(tmp_path.glob(".c.csv.*.tmp"))
    assert len(leftovers) == (1 if point in ("half_written", "before_sync", "before_replace") else 0)
    save_correction(path, "r1", "occasion", "after", "after", corrected_at=WHEN)  # the lock died with the writer
    assert notes(path)[-1] == "after" and notes(path)[0] == "kept"
    assert list(tmp_path.glob(".c.csv.*.tmp")) == []


def test_a_writer_killed_at_random_moments_never_leaves_a_broken_file(tmp_path: Path) -> None:
    path, go = tmp_path / "c.csv", tmp_path / "go"
    go.touch()
    chance = random.Random(14)
    for attempt in range(6):
        writer = start_writer(path, f"w{attempt}", -1, go)
        time.sleep(chance.uniform(0.05, 0.4))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        saved = notes(path)  # every row complete, the file a valid corrections file
        mine = [note for note in saved if note.startswith(f"w{attempt} ")]
        assert mine == [f"w{attempt} {number}" for number in range(len(mine))]
    assert len(notes(path)) > 6


def test_a_save_waits_for_the_lock_and_gives_up_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    with open(lock_path(path), "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(CorrectionNotSaved, match=r"another save to c.csv did not finish within 0.2 s"):
            save_correction(path, CALL, "occasion", "x", lock_timeout=0.2)
    assert not path.exists()
    save_correction(path, CALL, "occasion", "x")
    assert len(notes(path)) == 1


@pytest.fixture()
def small_mount(tmp_path: Path):
    """A 256 KB tmpfs, as root; yields its folder and unmounts it afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    folder = tmp_path / "mount"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


@pytest.fixture()
def read_only_folder(tmp_path: Path):
    """A folder holding a corrections file that cannot be written: a read-only mount as root
    (root ignores permission bits), a folder without write permission otherwise."""
    if os.geteuid() == 0:
        folder = tmp_path / "mount"
        folder.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)]).returncode != 0:
            pytest.skip("cannot mount a tmpfs here")
        save_correction(folder / "c.csv", CALL, "occasion", "kept", "kept", corrected_at=WHEN)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
        subprocess.run(["umount", "-l", str(folder)], check=True)
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        save_correction(folder / "c.csv", CALL, "occasion", "kept", "kept", corrected_at=WHEN)
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


def test_a_read_only_folder_gives_a_clear_error_and_is_not_offered_for_editing(read_only_folder: Path) -> None:
    path = read_only_folder / "c.csv"
    before = path.read_bytes()
    assert why_corrections_unsaveable(path) == "the folder of c.csv cannot be written"
    with pytest.raises(CorrectionNotSaved, match=rf"^cannot save corrections in {read_only_folder}: "
                                                 r"the folder is read-only \("):
        save_correction(path, CALL, "occasion", "x")
    assert path.read_bytes() == before


def test_a_full_disk_gives_a_clear_error_and_keeps_the_file(small_mount: Path) -> None:
    path = small_mount / "c.csv"
    save_correction(path, CALL, "occasion", "kept", "kept", corrected_at=WHEN)
    before = path.read_bytes()
    with open(small_mount / "filler", "wb", buffering=0) as filler:
        with pytest.raises(OSError):
            while True:
                filler.write(b"\0" * 4096)
    with pytest.raises(CorrectionNotSaved, match=rf"^cannot save corrections in {small_mount}: the disk is full$"):
        save_correction(path, CALL, "occasion", "x" * 2000)
    assert path.read_bytes() == before
    assert list(small_mount.glob(".c.csv.*.tmp")) == []


def test_can_save_where_the_folder_is_writable(tmp_path: Path) -> None:
    assert why_corrections_unsaveable(tmp_path / "c.csv") is None
    assert why_corrections_unsaveable(tmp_path / "missing" / "c.csv") == "the folder of c.csv cannot be written"
    (tmp_path / "linked.csv").symlink_to(tmp_path / "c.csv")
    assert why_corrections_unsaveable(tmp_path / "linked.csv") == (
        "linked.csv is a symbolic link; corrections are kept only in a file of the folder itself")
    with pytest.raises(CorrectionNotSaved, match=r"the folder .*missing does not exist"):
        save_correction(tmp_path / "missing" / "c.csv", CALL, "occasion", "x")
