"""A fetch run: find the release pages, then fetch each one the folder does not have (or has
not checked for a while) into it, the live page first and the archive's copy when the live one
is gone. `fetch_folder` is what `sco-data fetch` and the dashboard's button run.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from sco_data.fetch.archive import latest_capture
from sco_data.fetch.client import Answer, Client, Disallowed, NotFetched
from sco_data.fetch.discover import UrlListError, Window, find_releases
from sco_data.fetch.manifest import ARCHIVE, LIVE, MANIFEST_NAME, SAVED, SKIPPED, Manifest, folder_lock
from sco_data.fetch.manifest import FAILED as FAILED_STATE
from sco_data.fetch.pages import digest, put_in_place, with_address, write_temp
from sco_data.fetch.sources import Sources, load_sources
from sco_data.schema import BYTES_PER_MB

NEW, CHANGED, UNCHANGED, FROM_ARCHIVE = "new", "changed", "unchanged", "from the archive"
ALREADY, ROBOTS, FAILED = "already saved", "skipped by robots.txt", "failed"
OUTCOMES = (NEW, CHANGED, UNCHANGED, FROM_ARCHIVE, ALREADY, ROBOTS, FAILED)
IN_FOLDER = (NEW, CHANGED, UNCHANGED, FROM_ARCHIVE, ALREADY)
GONE_STATUSES = (404, 410)
# progress(stage, done, total): total is None while releases are being found.
FINDING, FETCHING = "finding releases", "fetching"
Progress = Callable[[str, int, "int | None"], None]


class FolderError(Exception):
    """The folder or its manifest cannot be written or read; the message says which and why."""


@dataclass(frozen=True)
class FetchOptions:
    """What a run fetches and how; None takes the sources file's value. Kept in the manifest,
    so that the dashboard's "Fetch new releases" repeats the folder's last run."""

    sources: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    urls: str | None = None
    archive: bool = True
    site: bool = True
    rate: float | None = None
    max_mb: float | None = None
    recheck_days: float | None = None

    def as_json(self) -> dict[str, Any]:
        return {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in asdict(self).items()}

    @classmethod
    def from_json(cls, values: dict[str, Any]) -> FetchOptions:
        known = {key: values[key] for key in cls.__dataclass_fields__ if key in values}
        for key in ("since", "until"):
            known[key] = dt.date.fromisoformat(known[key]) if known.get(key) else None
        return cls(**known)


@dataclass
class FetchResult:
    """What a run did: a count per outcome, a line per page skipped or failed, and what went
    wrong while finding pages; for a dry run, the pages it would fetch."""

    folder: Path
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)
    pages: list[tuple[str, str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    planned: list[tuple[str, str]] = field(default_factory=list)
    saved_before: int = 0

    def add(self, outcome: str, url: str, reason: str = "") -> None:
        self.counts[outcome] += 1
        if outcome in (ROBOTS, FAILED):
            self.pages.append((outcome, url, reason))

    @property
    def fetched_nothing(self) -> bool:
        """Nothing could be fetched at all: no page is in the folder, from this run or an
        earlier one, or none of this run's pages is and something went wrong."""
        if self.dry_run:
            return not self.planned and not self.counts[ALREADY] and bool(self.problems)
        in_folder = sum(self.counts[outcome] for outcome in IN_FOLDER)
        return in_folder == 0 and (bool(self.pages or self.problems) or not self.saved_before)

    def summary(self) -> str:
        if self.dry_run:
            return (f"{len(self.planned)} pages to fetch, {self.counts[ALREADY]} already saved, "
                    f"{self.counts[ROBOTS]} {ROBOTS} (dry run: nothing fetched)")
        return f"{sum(self.counts.values())} pages: " + ", ".join(f"{self.counts[o]} {o}" for o in OUTCOMES)

    def lines(self) -> list[str]:
        """The summary, then a line per page to fetch (dry run) or skipped or failed, and a line
        per problem in finding pages."""
        lines = [self.summary()]
        lines += [f"  {what:<9} {url}" for what, url in self.planned]
        lines += [f"  {'robots' if outcome == ROBOTS else outcome:<9} {url}: {reason}" for outcome, url, reason in self.pages]
        lines += [f"  problem   {problem}" for problem in self.problems]
        return lines


def fetch_folder(folder: str | Path, options: FetchOptions = FetchOptions(), *, dry_run: bool = False,
                 progress: Progress = lambda stage, done, total: None) -> FetchResult:
    """Fetch new and changed release pages into `folder` (created when missing). Raises
    SourcesError or UrlListError for files that cannot be used, FetchBusy when another run is
    filling the folder, FolderError when the folder cannot be written (a full disk) or its
    manifest is damaged."""
    folder = Path(folder)
    sources = load_sources(options.sources)
    if options.urls and not Path(options.urls).is_file():
        raise UrlListError(f"{options.urls}: cannot read: no such file")
    politeness = replace(sources.politeness, rate=options.rate or sources.politeness.rate,
                         max_bytes=int((options.max_mb or sources.politeness.max_bytes / BYTES_PER_MB) * BYTES_PER_MB))
    client = Client(politeness, hosts={*sources.hosts, *sources.archive_hosts()})
    try:
        return _fetch_or_plan(folder, client, sources, options, dry_run, progress)
    except OSError as error:
        raise FolderError(f"cannot write in {folder}: {error.strerror or error}") from None
    except sqlite3.Error as error:
        raise FolderError(f"the manifest in {folder} cannot be used ({error}); remove {MANIFEST_NAME} "
                          "to start it afresh (the pages already saved are fetched again)") from None
    finally:
        client.close()


def _fetch_or_plan(folder: Path, client: Client, sources: Sources, options: FetchOptions, dry_run: bool,
                   progress: Progress) -> FetchResult:
    if dry_run:
        manifest = Manifest(folder, read_only=True)
        try:
            return _plan(client, sources, manifest, options, progress)
        finally:
            manifest.close()
    folder.mkdir(parents=True, exist_ok=True)
    with folder_lock(folder):
        manifest = Manifest(folder)
        try:
            return _run(client, sources, manifest, options, progress)
        finally:
            manifest.close()


def _todo(client: Client, sources: Sources, manifest: Manifest, options: FetchOptions, progress: Progress,
          result: FetchResult) -> list[str]:
    """The addresses to look at, newest first: those found now, and those earlier runs found but
    could not save."""
    window = Window(options.since, options.until)
    found = find_releases(client, sources, window, archive=options.archive, site=options.site,
                          url_list=Path(options.urls) if options.urls else None, known=manifest.known(),
                          progress=lambda count: progress(FINDING, count, None))
    result.problems += found.problems
    if not result.dry_run:
        manifest.add_found(found.captures)
    todo = set(found.captures) | {url for url in manifest.unsaved() if window.keeps(sources, url)}
    return sorted(todo, key=lambda url: (sources.release_date(url) or dt.date.min, url), reverse=True)


def _run(client: Client, sources: Sources, manifest: Manifest, options: FetchOptions, progress: Progress) -> FetchResult:
    manifest.recover()
    result = FetchResult(manifest.folder, saved_before=manifest.saved_count())
    run = manifest.start_run(options.as_json())
    todo = _todo(client, sources, manifest, options, progress, result)
    pages = PageFetcher(client, sources, manifest, options)
    for done, url in enumerate(todo):
        progress(FETCHING, done, len(todo))
        outcome, reason = pages.fetch(url)
        result.add(outcome, url, reason)
    progress(FETCHING, len(todo), len(todo))
    manifest.finish_run(run, result.summary())
    return result


def _plan(client: Client, sources: Sources, manifest: Manifest, options: FetchOptions, progress: Progress) -> FetchResult:
    """A dry run: what would be fetched. Finds pages and reads robots.txt; fetches no page."""
    result = FetchResult(manifest.folder, dry_run=True)
    pages = PageFetcher(client, sources, manifest, options)
    for url in _todo(client, sources, manifest, options, progress, result):
        row = manifest.row(url)
        if pages.needs_no_check(row):
            result.add(ALREADY, url)
            continue
        try:
            client.check_robots(url)
        except Disallowed as error:
            result.add(ROBOTS, url, str(error))
            continue
        result.planned.append(("ask again" if row is not None and row["state"] == SAVED else "fetch", url))
    return result


class PageFetcher:
    """Fetches one page into the folder and records it; returns (outcome, reason)."""

    def __init__(self, client: Client, sources: Sources, manifest: Manifest, options: FetchOptions) -> None:
        self.client, self.sources, self.manifest, self.archive = client, sources, manifest, options.archive
        days = sources.recheck_days if options.recheck_days is None else options.recheck_days
        self.checked_since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)

    def needs_no_check(self, row: sqlite3.Row | None) -> bool:
        """A saved copy from the archive (captures never change), or a live page checked lately."""
        if row is None or row["state"] != SAVED:
            return False
        return row["source"] == ARCHIVE or dt.datetime.fromisoformat(row["checked_at"]) > self.checked_since

    def fetch(self, url: str) -> tuple[str, str]:
        row = self.manifest.row(url)
        if self.needs_no_check(row):
            return ALREADY, ""
        conditional = {}
        if row["state"] == SAVED:
            conditional = {name: row[key] for name, key in (("If-None-Match", "etag"),
                                                            ("If-Modified-Since", "last_modified")) if row[key]}
        try:
            answer = self.client.get(url, conditional=conditional)
        except Disallowed as error:
            return self._problem(url, row, ROBOTS, str(error))
        except NotFetched as error:
            if error.status in GONE_STATUSES:
                return self._gone(url, row, f"HTTP {error.status}", error.status)
            return self._problem(url, row, FAILED, str(error), error.status)
        if self.sources.on_site(url) and not self.sources.is_release(self.sources.canonical(answer.url) or ""):
            return self._gone(url, row, f"redirected to {answer.url}", answer.status)
        if answer.status == 304:
            self.manifest.record_checked(url, answer.status)
            return UNCHANGED, ""
        return self._save(url, row, answer, LIVE, None)

    def _gone(self, url: str, row: sqlite3.Row, why: str, status: int) -> tuple[str, str]:
        """The live page is gone: its copy from the archive (a saved copy is kept as it is)."""
        if row["state"] == SAVED or not self.archive:
            return self._problem(url, row, FAILED, f"gone from the live site ({why})", status)
        try:
            capture = row["capture"] or latest_capture(self.client, self.sources, url)
            if capture is None:
                return self._problem(url, row, FAILED, f"gone from the live site ({why}) and not in the archive", status)
            answer = self.client.get(self.sources.copy_url(capture, url), obey_robots=False)
        except NotFetched as error:
            return self._problem(url, row, FAILED, f"gone from the live site ({why}); the archive: {error}", error.status)
        return self._save(url, row, answer, ARCHIVE, capture)

    def _problem(self, url: str, row: sqlite3.Row, outcome: str, reason: str,
                 status: int | None = None) -> tuple[str, str]:
        """A page not fetched; one already saved keeps its copy (and the check's reason)."""
        if row["state"] == SAVED:
            self.manifest.record_checked(url, status or 0, reason=f"{reason}; the saved copy is kept")
            return ALREADY, ""
        self.manifest.record_problem(url, SKIPPED if outcome == ROBOTS else FAILED_STATE, reason, status)
        return outcome, reason

    def _save(self, url: str, row: sqlite3.Row, answer: Answer, source: str, capture: str | None) -> tuple[str, str]:
        """Write the page (its temporary file, the manifest's row, then the rename)."""
        data = with_address(answer.body, url)
        data_digest = digest(data)
        saved = row["state"] == SAVED
        if saved and data_digest == row["digest"]:
            self.manifest.record_checked(url, answer.status, etag=answer.etag, last_modified=answer.last_modified)
            return UNCHANGED, ""
        name = self.manifest.file_for(url)
        write_temp(self.manifest.folder, name, data)
        self.manifest.record_saved(url, name, data_digest, source, capture, answer.status, answer.etag,
                                   answer.last_modified)
        put_in_place(self.manifest.folder, name)
        return (FROM_ARCHIVE if source == ARCHIVE else CHANGED if saved else NEW), ""


def last_fetch(folder: str | Path) -> tuple[dt.datetime, FetchOptions] | None:
    """When the folder's last finished fetch ended, and its options (None: never fetched)."""
    try:
        manifest = Manifest(Path(folder), read_only=True)
    except sqlite3.Error:
        return None
    try:
        run = manifest.last_run()
    except sqlite3.Error:
        return None
    finally:
        manifest.close()
    if run is None:
        return None
    return dt.datetime.fromisoformat(run["finished_at"]), FetchOptions.from_json(json.loads(run["options"]))
