"""A `sco-data fetch` killed with -9 half-way, then run again: each page is fetched once in all,
and the manifest matches the folder, byte for byte. (test_fetch.py ingests a fetched folder.)"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from fake_web import FakeWeb
from sco_data.fetch import FetchOptions, fetch_folder
from sco_data.fetch.manifest import MANIFEST_NAME
from sco_data.fetch.pages import digest
from sco_data.fetch.run import NEW

ROOT = Path(__file__).resolve().parent.parent


def saved_files(folder: Path) -> dict[str, str]:
    with sqlite3.connect(folder / MANIFEST_NAME) as db:
        return dict(db.execute("SELECT file, digest FROM pages WHERE state = 'saved'"))


def files_on_disk(folder: Path) -> dict[str, str]:
    return {path.name: digest(path.read_bytes()) for path in folder.iterdir() if not path.name.startswith(".")}


def test_a_run_killed_half_way_resumes_and_fetches_each_page_once(tmp_path):
    web = FakeWeb().build()
    try:
        sources = web.sources(tmp_path)
        folder = tmp_path / "fetched"
        # The run is killed while it waits for the 30th page it asks the live site for.
        newest_first = sorted((page for page in web.listed if page is not web.gone), key=lambda p: p.day, reverse=True)
        web.site.hold = newest_first[30].path
        process = subprocess.Popen([sys.executable, "-m", "sco_data.cli", "fetch", str(folder), "--sources", str(sources),
                                    "--max-mb", "0.05"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert web.site.holding.wait(60), "the run never reached the page it is to be killed on"
            os.kill(process.pid, signal.SIGKILL)
            assert process.wait(10) == -signal.SIGKILL
        finally:
            process.kill()
            web.site.release.set()
        half = saved_files(folder)
        assert 25 <= len(half) < len(web.pages)
        assert files_on_disk(folder) == half

        result = fetch_folder(folder, FetchOptions(sources=str(sources), max_mb=0.05))
        assert result.counts[NEW] == len(web.listed) + 4 - len(half) - 1  # the gone page comes from the archive
        releases = [page for page in web.pages if not page.old and page is not web.gone]
        assert [web.site.served[page.path] for page in releases] == [1] * len(releases)
        assert web.site.hits[web.site.hold] == 2  # asked for in both runs, answered once
        copies = [path for path in web.archive.served if path.startswith("/web/")]
        assert len(copies) == 21 and all(web.archive.served[path] == 1 for path in copies)
        assert files_on_disk(folder) == saved_files(folder) and len(saved_files(folder)) == len(web.pages)
    finally:
        web.close()
