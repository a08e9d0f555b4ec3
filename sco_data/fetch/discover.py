"""Which release pages to fetch: the archive's index, the live site, a list of addresses, and
what earlier runs found but could not save; each address kept only when its date (the one in a
release address of the site) is within --since and --until.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sco_data.fetch.archive import archived_releases
from sco_data.fetch.client import Client
from sco_data.fetch.site import site_releases
from sco_data.fetch.sources import Sources


class UrlListError(ValueError):
    """A list of addresses that cannot be read; the message names the file and the reason."""


@dataclass(frozen=True)
class Window:
    """The dates a release address may carry: from `since` to `until`, both included."""

    since: dt.date | None = None
    until: dt.date | None = None

    def keeps(self, sources: Sources, url: str) -> bool:
        """Whether the address's date is within; an address without a date is kept."""
        day = sources.release_date(url)
        return day is None or ((self.since is None or day >= self.since) and (self.until is None or day <= self.until))


@dataclass
class Found:
    """Addresses to fetch -> the timestamp of a capture in the archive (None when none is known),
    and what went wrong while looking, one line each."""

    captures: dict[str, str | None] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, captures: dict[str, str | None], problems: list[str]) -> None:
        for url, capture in captures.items():
            if self.captures.get(url) is None:
                self.captures[url] = capture
        self.problems += problems


def find_releases(client: Client, sources: Sources, window: Window, *, archive: bool, site: bool,
                  url_list: Path | None, known: set[str],
                  progress: Callable[[int], None] = lambda found: None) -> Found:
    """Every release address the chosen sources give, within the window."""
    found = Found()

    def within(url: str) -> bool:
        return window.keeps(sources, url)

    def stale(url: str) -> bool:
        day = sources.release_date(url)
        return url in known or (window.since is not None and day is not None and day < window.since)

    if url_list is not None:
        urls, problems = listed_urls(url_list, sources, within)
        found.add(dict.fromkeys(urls), problems)
        progress(len(found.captures))
    if site:
        urls, problems = site_releases(client, sources, within, stale)
        found.add(dict.fromkeys(urls), problems)
        progress(len(found.captures))
    if archive:
        found.add(*archived_releases(client, sources, within, window.since))
        progress(len(found.captures))
    return found


def listed_urls(path: Path, sources: Sources, within: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """The addresses of a list (one a line; blank lines and lines starting with # ignored), and a
    line for each line that is no http(s) address. UrlListError when the file cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as error:
        raise UrlListError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise UrlListError(f"{path}: not UTF-8 text") from None
    urls: list[str] = []
    problems: list[str] = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url = sources.canonical(line)
        if url is None:
            problems.append(f"{path.name}, line {number}: not an http(s) address: {line[:80]}")
        elif within(url):
            urls.append(url)
    return urls, problems
