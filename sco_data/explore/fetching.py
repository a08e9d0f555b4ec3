"""What the page needs to fetch new releases into its folder: whether it may, when the folder was
last fetched, and a run of the fetch (sco_data.fetch, the same code as `sco-data fetch`) with
the options of the folder's last run, reported in a sentence and a progress share.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sco_data.fetch import FetchOptions, fetch_folder, last_fetch
from sco_data.fetch.discover import UrlListError
from sco_data.fetch.manifest import FetchBusy
from sco_data.fetch.run import FETCHING, FolderError
from sco_data.fetch.sources import SourcesError


def fetch_offered(folder: Path, bundled: Path, read_only: bool, locked: bool) -> bool:
    """Whether the page offers "Fetch new releases": not when started read-only or locked (a
    shared page must not let visitors fill its folder), not for the bundled sample (it belongs
    to the program), and only for a folder it can write."""
    if read_only or locked or folder.resolve() == bundled.resolve():
        return False
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def last_fetched(folder: Path) -> str | None:
    """'Last fetched 2026-05-01 10:22 UTC.' for a folder `sco-data fetch` has filled."""
    last = last_fetch(folder)
    return f"Last fetched {last[0]:%Y-%m-%d %H:%M} UTC." if last else None


def fetch_new(folder: Path, progress: Callable[[float, str], None]) -> str:
    """Fetch new releases into the folder as its last fetch did (the bundled sources when it has
    none); the outcome in a sentence. `progress(share, text)` follows the run."""
    last = last_fetch(folder)

    def report(stage: str, done: int, total: int | None) -> None:
        if stage == FETCHING and total:
            progress(done / total, f"Fetching page {min(done + 1, total):,} of {total:,}")
        else:
            progress(0.0, f"Finding releases: {done:,} found")

    try:
        result = fetch_folder(folder, last[1] if last else FetchOptions(), progress=report)
    except FetchBusy:
        return "Not fetched: another fetch is filling this folder; try again when it is done."
    except (SourcesError, UrlListError):  # their messages name the server's files: not for visitors
        return "Not fetched: the sources or address list of the folder's last fetch cannot be read."
    except FolderError:
        return "Not fetched: the folder cannot be written, or its manifest is damaged."
    problems = len(result.pages) + len(result.problems)
    return f"Fetched {result.summary()}." + (
        f" {problems} not fetched or not found: sco-data fetch on the folder prints why." if problems else "")
