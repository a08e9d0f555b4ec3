"""The manifest of a fetched folder: one SQLite database in it (`.sco-fetch.sqlite`) with a row
per release address found, and a row per run.

A page row says where the saved page came from (the live site, or the archive and the capture's
timestamp), the last HTTP status, the ETag and Last-Modified that make the next request
conditional, when it was fetched and checked, its file and the hash of the file's bytes; or why
it was skipped or failed. Each page is recorded in a transaction of its own, after its bytes are
on disk in a temporary file and before the file is renamed into place: `recover`, at the start
of every run, finishes the rename of a page the manifest recorded and drops one it did not, so a
kill at any moment loses at most the page in flight and the manifest always matches the folder.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sco_data.fetch.pages import address_hash, digest, file_name, leftover_temps, temp_path
from sco_data.schema import FETCH_FILE_PREFIX

MANIFEST_NAME = f"{FETCH_FILE_PREFIX}.sqlite"
LOCK_NAME = f"{FETCH_FILE_PREFIX}.lock"
SAVED, WAITING, SKIPPED, FAILED = "saved", "waiting", "skipped", "failed"
LIVE, ARCHIVE = "live", "archive"

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,     -- the release's canonical address
    capture TEXT,             -- timestamp of a capture in the archive, when one is known
    state TEXT NOT NULL,      -- saved, waiting (found, not saved yet), skipped (robots.txt), failed
    reason TEXT,              -- why skipped or failed, or what the last check found
    file TEXT UNIQUE,         -- the saved page, in the folder
    source TEXT,              -- where the saved page came from: live or archive
    captured TEXT,            -- for a page from the archive: the capture's timestamp
    http_status INTEGER,      -- of the last answer
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT,          -- when the saved page was fetched (UTC)
    checked_at TEXT,          -- when the page was last asked for (UTC)
    digest TEXT               -- hash of the saved file's bytes
);
CREATE TABLE IF NOT EXISTS runs (
    started_at TEXT NOT NULL,
    finished_at TEXT,
    summary TEXT,
    options TEXT              -- the run's options (JSON), which the dashboard's fetch repeats
);
"""


class FetchBusy(Exception):
    """Another fetch is filling the folder."""


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's fetch lock for a run; FetchBusy when another run holds it."""
    with open(folder / LOCK_NAME, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise FetchBusy(f"another fetch is filling {folder}") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Manifest:
    """A folder's manifest, open for a run (`read_only` for a dry run or the dashboard)."""

    def __init__(self, folder: Path, read_only: bool = False) -> None:
        self.folder = folder
        path = folder / MANIFEST_NAME
        if read_only:
            self.db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) if path.is_file() else \
                sqlite3.connect(":memory:")
        else:
            self.db = sqlite3.connect(path)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA busy_timeout = 5000")
        if not read_only or not path.is_file():
            self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def recover(self) -> None:
        """Finish what a killed run left half done (see the module's docstring)."""
        for row in self.db.execute("SELECT url, file, digest FROM pages WHERE state = ?", (SAVED,)).fetchall():
            temp = temp_path(self.folder, row["file"])
            if temp.is_file():
                if digest(temp.read_bytes()) == row["digest"]:
                    os.replace(temp, self.folder / row["file"])
                else:
                    temp.unlink()
            if not (self.folder / row["file"]).is_file():
                self._update(row["url"], state=WAITING, reason="its file was missing", digest=None)
        for temp in leftover_temps(self.folder):
            temp.unlink()

    def row(self, url: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM pages WHERE url = ?", (url,)).fetchone()

    def known(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT url FROM pages")}

    def unsaved(self) -> list[str]:
        """Addresses found by earlier runs that are still to be fetched."""
        return [row[0] for row in self.db.execute("SELECT url FROM pages WHERE state != ?", (SAVED,))]

    def saved_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM pages WHERE state = ?", (SAVED,)).fetchone()[0]

    def add_found(self, captures: dict[str, str | None]) -> None:
        """Record newly found addresses (with the archive capture of each, when known)."""
        with self.db:
            self.db.executemany("INSERT OR IGNORE INTO pages (url, capture, state) VALUES (?, ?, ?)",
                                [(url, capture, WAITING) for url, capture in captures.items()])
            self.db.executemany("UPDATE pages SET capture = ? WHERE url = ? AND capture IS NULL",
                                [(capture, url) for url, capture in captures.items() if capture])

    def file_for(self, url: str) -> str:
        """The page's file name: the one it has, else one from its address that no other page has."""
        row = self.row(url)
        if row is not None and row["file"]:
            return row["file"]
        name = file_name(url)
        taken = self.db.execute("SELECT 1 FROM pages WHERE file = ? AND url != ?", (name, url)).fetchone()
        return f"{name.removesuffix('.html')}-{address_hash(url)}.html" if taken else name

    def record_saved(self, url: str, file: str, data_digest: str, source: str, captured: str | None,
                     status: int, etag: str | None, last_modified: str | None) -> None:
        stamp = now()
        self._update(url, state=SAVED, reason=None, file=file, source=source, captured=captured, http_status=status,
                     etag=etag, last_modified=last_modified, fetched_at=stamp, checked_at=stamp, digest=data_digest)

    def record_checked(self, url: str, status: int, reason: str | None = None, **validators: str | None) -> None:
        """A saved page asked for again and kept as it is."""
        self._update(url, http_status=status, checked_at=now(), reason=reason,
                     **{key: value for key, value in validators.items() if value})

    def record_problem(self, url: str, state: str, reason: str, status: int | None = None) -> None:
        self._update(url, state=state, reason=reason, http_status=status, checked_at=now())

    def start_run(self, options: dict[str, Any]) -> int:
        with self.db:
            return self.db.execute("INSERT INTO runs (started_at, options) VALUES (?, ?)",
                                   (now(), json.dumps(options))).lastrowid

    def finish_run(self, run: int, summary: str) -> None:
        with self.db:
            self.db.execute("UPDATE runs SET finished_at = ?, summary = ? WHERE rowid = ?", (now(), summary, run))

    def last_run(self) -> sqlite3.Row | None:
        """The last run that finished."""
        return self.db.execute("SELECT * FROM runs WHERE finished_at IS NOT NULL ORDER BY rowid DESC LIMIT 1").fetchone()

    def _update(self, url: str, **values: Any) -> None:
        columns = ", ".join(f"{column} = ?" for column in values)
        with self.db:
            self.db.execute(f"UPDATE pages SET {columns} WHERE url = ?", (*values.values(), url))
