"""The cache never half-written, never in the way: kills, full disks, read-only and foreign
folders, eviction, edits in place, uploads; and workers that never outlive their parent."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import sco_data
from sco_data.corpus.ingest import content_hash
from sco_data.corpus.store import DATABASE_NAME, cache_contents

SEEDS = Path(__file__).resolve().parent.parent / "data" / "releases"
PHONE_SEED = SEEDS / "003_9d2223d45b28a80f.txt"


def _letters(value: object) -> str:
    """A tag or an index written in lower-case letters (digits never stand in a person's name)."""
    return "".join(chr(ord("a") + int(digit)) if digit.isdigit() else digit for digit in str(value))


def write_releases(folder: Path, count: int, tag: str = "") -> list[Path]:
    """`count` distinct releases (the phone-call seed with its counterpart renamed and redated)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = PHONE_SEED.read_text(encoding="utf-8")
    paths = []
    for index in range(count):
        text = base.replace("Le Yucheng", f"Le Yucheng{_letters(tag)}{_letters(index)}").replace(
            "29 April 2020", f"{1 + index % 28} April {2019 + index % 5}")
        path = folder / f"release_{index:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def assert_same_corpus(got: sco_data.Corpus, expected: sco_data.Corpus) -> None:
    pd.testing.assert_frame_equal(got.releases, expected.releases)
    pd.testing.assert_frame_equal(got.participants, expected.participants)
    pd.testing.assert_frame_equal(got.report, expected.report)


def test_cached_rows_are_the_rows_of_a_run_without_cache(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / "page.html").write_text("<html><body><article><p>" + PHONE_SEED.read_text(encoding="utf-8")
                                      .replace("Le Yucheng", "Ma Zhaoxu").replace("\n", "</p><p>")
                                      + "</p></article></body></html>", encoding="utf-8")
    (folder / "recipe.txt").write_text("Mix flour and water.", encoding="utf-8")
    plain = sco_data.load_corpus(folder, use_cache=False)
    cold = sco_data.load_corpus(folder, tmp_path / "cache")
    warm = sco_data.load_corpus(folder, tmp_path / "cache")
    assert (cold.parsed_files, warm.parsed_files, warm.notices) == (5, 0, ())
    assert plain.releases["event_date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2019-05-26", "2020-04-29", "2021-05-09", "2020-04-29"]
    assert_same_corpus(cold, plain)
    assert_same_corpus(warm, plain)


# A child that, for each N from 1 on, copies the old cache into cache-N and forks a load that
# dies (os._exit: as abrupt as kill -9) just before the N-th SQL statement it runs; it stops
# when a load runs to the end and prints how many statements that load ran.
KILL_AT_EACH_STATEMENT = """
import os, shutil, sqlite3, sys
import sco_data
folder, old, caches = sys.argv[1:4]
count, kill_at = 0, 0
def trace(statement):
    global count
    count += 1
    if count == kill_at:
        os._exit(9)
connect = sqlite3.connect
def traced_connect(*args, **kwargs):
    connection = connect(*args, **kwargs)
    connection.set_trace_callback(trace)
    return connection
sqlite3.connect = traced_connect
while True:
    kill_at += 1
    cache = os.path.join(caches, str(kill_at))
    shutil.copytree(old, cache)
    child = os.fork()
    if child == 0:
        sco_data.load_corpus(folder, cache)
        os._exit(0)
    if os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) == 0:
        print(kill_at - 1)
        break
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks a load per kill point")
def test_a_kill_before_any_statement_of_a_load_leaves_the_old_state_or_the_new(tmp_path: Path) -> None:
    folder, old = tmp_path / "corpus", tmp_path / "old-cache"
    write_releases(folder, 4)
    sco_data.load_corpus(folder, old)  # the old state: four files
    write_releases(folder, 8)
    for path in sorted(folder.iterdir())[:2]:
        path.write_text(path.read_text(encoding="utf-8").replace("telephone", "phone"), encoding="utf-8")
    expected = sco_data.load_corpus(folder, use_cache=False)
    caches = tmp_path / "caches"
    caches.mkdir()
    child = subprocess.run([sys.executable, "-c", KILL_AT_EACH_STATEMENT, str(folder), str(old), str(caches)],
                           capture_output=True, text=True, timeout=300)
    assert child.returncode == 0, child.stderr
    statements = int(child.stdout)
    assert statements > 15
    for kill_at in range(1, statements + 1):
        cache = caches / str(kill_at)
        again = sco_data.load_corpus(folder, cache)
        assert again.notices == ()
        assert again.parsed_files == 6, kill_at  # nothing of the killed load was kept
        assert_same_corpus(again, expected)
        assert sco_data.load_corpus(folder, cache).parsed_files == 0


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough files for a parallel ingest."""
    from sco_data.corpus.load import PARALLEL_MIN_FILES

    folder = tmp_path_factory.mktemp("big") / "corpus"
    write_releases(folder, PARALLEL_MIN_FILES + 200)
    return folder


def start_ingest(folder: Path, cache: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "sco_data.cli", "ingest", str(folder), "-o", str(out),
                             "--cache-dir", str(cache)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def test_kill_9_of_a_parallel_ingest_at_random_moments_leaves_a_whole_store(tmp_path: Path, big_folder: Path) -> None:
    expected = sco_data.load_corpus(big_folder, use_cache=False)
    cache = tmp_path / "cache"
    rng = random.Random(10)
    for delay in sorted(rng.uniform(0.3, 2.5) for _ in range(4)):
        ingest = start_ingest(big_folder, cache, tmp_path / "out.csv")
        time.sleep(delay)
        os.killpg(ingest.pid, signal.SIGKILL)
        ingest.wait()
        again = sco_data.load_corpus(big_folder, cache)
        assert again.notices == ()
        assert_same_corpus(again, expected)


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def is_running(pid: int) -> bool:
    """Alive and not a zombie (an exited child nobody reaped yet)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_workers_die_with_their_parent(tmp_path: Path, big_folder: Path) -> None:
    ingest = start_ingest(big_folder, tmp_path / "cache", tmp_path / "out.csv")
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and ingest.poll() is None:
        time.sleep(0.05)
        workers = children_of(ingest.pid)
    assert len(workers) >= 2, "the ingest never started its workers"
    os.kill(ingest.pid, signal.SIGKILL)  # the parent only, not its process group
    ingest.wait()
    deadline = time.monotonic() + 10
    while any(is_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in workers if is_running(pid)] == []


@pytest.fixture()
def small_mount(tmp_path: Path):
    """A 1 MB tmpfs, as root; yields its folder and unmounts it afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    folder = tmp_path / "mount"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


def test_a_full_disk_at_any_point_of_the_write_degrades_and_leaves_nothing_behind(tmp_path: Path,
                                                                                 small_mount: Path) -> None:
    folder = tmp_path / "corpus"
    write_releases(folder, 300)
    expected = sco_data.load_corpus(folder, use_cache=False)
    cache = small_mount / "cache"
    filler = small_mount / "filler"
    for free_kb in (0, 4, 12, 24, 48, 96, 160):
        shutil.rmtree(cache, ignore_errors=True)
        filler.unlink(missing_ok=True)
        with filler.open("wb") as handle:
            handle.write(b"\0" * (1024 * (1024 - free_kb)))
        full = sco_data.load_corpus(folder, cache)
        assert_same_corpus(full, expected)
        assert len(full.notices) == 1, free_kb
        assert "full" in full.notices[0] or "No space left" in full.notices[0], full.notices
        filler.unlink()
        after = sco_data.load_corpus(folder, cache)
        assert after.notices == ()
        assert_same_corpus(after, expected)
        assert sco_data.load_corpus(folder, cache).parsed_files == 0


def test_a_read_only_cache_folder_degrades_with_one_notice(tmp_path: Path, small_mount: Path) -> None:
    folder = tmp_path / "corpus"
    write_releases(folder, 5)
    expected = sco_data.load_corpus(folder, use_cache=False)
    subprocess.run(["mount", "-o", "remount,ro", str(small_mount)], check=True)
    empty = sco_data.load_corpus(folder, small_mount / "cache")
    assert_same_corpus(empty, expected)
    assert len(empty.notices) == 1 and "cannot be used (Read-only file system)" in empty.notices[0]

    subprocess.run(["mount", "-o", "remount,rw", str(small_mount)], check=True)
    sco_data.load_corpus(folder, small_mount / "cache")
    subprocess.run(["mount", "-o", "remount,ro", str(small_mount)], check=True)
    kept = sco_data.load_corpus(folder, small_mount / "cache")
    assert_same_corpus(kept, expected)
    assert kept.parsed_files == 0  # read from the cache it cannot write to
    assert len(kept.notices) == 1 and "could not be updated" in kept.notices[0]


def test_the_cli_prints_the_notice_and_succeeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    from sco_data.cli import main

    assert main(["ingest", str(SEEDS), "-o", str(tmp_path / "out.csv"), "--cache-dir", str(blocked / "cache")]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("3 files: 3 ok")
    assert captured.err.count("sco-data: warning: The cache in") == 1


@pytest.mark.parametrize("damage", ["garbage", "foreign database", "truncated"])
def test_foreign_or_damaged_files_in_the_cache_folder_are_never_read_as_ours(tmp_path: Path, damage: str) -> None:
    folder, cache = tmp_path / "corpus", tmp_path / "cache"
    write_releases(folder, 4)
    expected = sco_data.load_corpus(folder, use_cache=False)
    sco_data.load_corpus(folder, cache)
    database = cache / DATABASE_NAME
    pd.DataFrame({"content_hash": [1, 2], "status": [0.5, 0.25]}).to_parquet(cache / "outcomes-0001.parquet")
    (cache / "v1-abc").mkdir()
    pd.DataFrame({"path": ["x"], "size": [1]}).to_parquet(cache / "v1-abc" / "manifest-1.parquet")
    (cache / "notes.txt").write_text("mine")
    if damage == "garbage":
        database.write_bytes(b"this is not a database at all " * 100)
    elif damage == "foreign database":
        database.unlink()
        with sqlite3.connect(database) as other:
            other.execute("CREATE TABLE entries (content_hash INTEGER, batch_id TEXT)")
    else:
        database.write_bytes(database.read_bytes()[:1500])
    again = sco_data.load_corpus(folder, cache)
    assert_same_corpus(again, expected)
    assert len(again.notices) == 1 and "started afresh" in again.notices[0]
    assert (cache / "notes.txt").read_text() == "mine"
    later = sco_data.load_corpus(folder, cache)
    assert (later.parsed_files, later.notices) == (0, ())
    assert_same_corpus(later, expected)


def test_least_recently_used_files_are_evicted_past_the_size_bound(tmp_path: Path) -> None:
    folders = {name: tmp_path / name for name in "ABC"}
    for name, folder in folders.items():
        write_releases(folder, 3, tag=name)
    sco_data.load_corpus(folders["A"], tmp_path / "cache")
    one_batch = cache_contents(tmp_path / "cache")["batch_bytes"].iloc[0]
    bound_mb = 2.5 * one_batch / 1e6

    def load(name: str) -> sco_data.Corpus:
        return sco_data.load_corpus(folders[name], tmp_path / "cache", cache_max_mb=bound_mb)

    assert load("B").parsed_files == 3
    assert load("A").parsed_files == 0  # A is now the most recently used
    assert load("C").parsed_files == 3  # B, the least recently used, makes room
    held = set(cache_contents(tmp_path / "cache")["content_hash"])
    hashes = {name: {content_hash(path.read_bytes()) for path in folder.iterdir()} for name, folder in folders.items()}
    assert held == hashes["A"] | hashes["C"]
    assert (load("A").parsed_files, load("B").parsed_files) == (0, 3)


def test_a_file_edited_in_place_with_its_old_time_is_read_again(tmp_path: Path) -> None:
    folder, cache = tmp_path / "corpus", tmp_path / "cache"
    path = write_releases(folder, 2)[0]
    before = path.stat()
    time.sleep(0.3)  # past the window in which a just-written file's stat key is not trusted
    assert sco_data.load_corpus(folder, cache).parsed_files == 2
    text = path.read_text(encoding="utf-8")
    edited = text.replace("1 April 2019", "2 April 2019")
    assert edited != text and len(edited) == len(text)
    with path.open("r+", encoding="utf-8") as handle:  # same file, same size, same inode
        handle.write(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns, path.stat().st_ino) == (
        before.st_size, before.st_mtime_ns, before.st_ino)
    again = sco_data.load_corpus(folder, cache)
    assert again.parsed_files == 1
    assert again.releases["event_date"].dt.strftime("%Y-%m-%d").tolist()[0] == "2019-04-02"


def test_uploads_are_never_written_to_the_cache(tmp_path: Path) -> None:
    folder, cache = tmp_path / "corpus", tmp_path / "cache"
    on_disk = write_releases(folder, 2)
    upload = PHONE_SEED.read_bytes().replace(b"Le Yucheng", b"Wang Yi")
    copy_of_a_folder_file = on_disk[0].read_bytes()
    corpus = sco_data.load_corpus(folder, cache, extra_files=[("upload.txt", upload),
                                                              ("copy.txt", copy_of_a_folder_file)])
    assert corpus.report["status"].tolist() == ["ok", "ok", "ok", "rejected"]
    assert "Wang Yi" in corpus.releases["counterparts"].tolist()
    held = set(cache_contents(cache)["content_hash"])
    assert held == {content_hash(path.read_bytes()) for path in on_disk}
    only_uploads = sco_data.load_corpus([], tmp_path / "cache-2", extra_files=[("upload.txt", upload)])
    assert only_uploads.releases["counterparts"].tolist() == ["Wang Yi"]
    assert cache_contents(tmp_path / "cache-2").empty
    with sqlite3.connect(tmp_path / "cache-2" / DATABASE_NAME) as database:
        assert database.execute("SELECT count(*) FROM files").fetchone() == (0,)


def test_a_file_over_the_time_limit_is_rejected_and_the_others_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write_releases(folder, 3)
    paragraph = PHONE_SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]
    (folder / "long.txt").write_text(PHONE_SEED.read_text(encoding="utf-8") + "\n\n" + paragraph * 1500,
                                     encoding="utf-8")
    assert 2_000_000 < (folder / "long.txt").stat().st_size < 5_000_000
    corpus = sco_data.load_corpus(folder, tmp_path / "cache", time_limit=0.2)
    report = dict(zip(corpus.report["path"], corpus.report["reason"]))
    assert report["long.txt"] == "took longer than 0.2 s to read"
    assert corpus.report["status"].tolist() == ["rejected", "ok", "ok", "ok"]
    assert len(corpus.releases) == 3
    again = sco_data.load_corpus(folder, tmp_path / "cache", time_limit=0.2)
    assert (again.parsed_files, dict(zip(again.report["path"], again.report["reason"]))["long.txt"]) == (
        0, "took longer than 0.2 s to read")
