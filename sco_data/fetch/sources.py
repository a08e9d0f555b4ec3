"""sources.toml -> Sources: the site's hosts and release address shapes, its listing pages,
sitemaps and feeds, the archive's endpoints, and how politely to ask.

A release is known by its canonical address: lower-case host without its default port, the
site's own scheme on the site's hosts, no fragment, and no query on a release page (a
release's http:// and https:// addresses, or one with a tracking query, are one release).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sco_data.fetch.client import Politeness, host_of

class SourcesError(ValueError):
    """A sources file that cannot be used; the message names the file and the reason."""


@dataclass(frozen=True)
class Sources:
    hosts: tuple[str, ...]
    scheme: str
    release_paths: tuple[re.Pattern[str], ...]
    listing_pages: tuple[str, ...]
    listing_follow: re.Pattern[str]
    max_listing_pages: int
    sitemaps: tuple[str, ...]
    feeds: tuple[str, ...]
    archive_index: str
    archive_copy: str
    archive_prefixes: tuple[str, ...]
    archive_page_size: int
    politeness: Politeness
    recheck_days: float
    path: Path | None = None

    def canonical(self, url: str) -> str | None:
        """The address that stands for the page (None for anything but an http(s) address)."""
        url = url.strip()
        try:
            parts, host = urlsplit(url), host_of(url)
        except ValueError:
            return None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
        scheme, path, query = parts.scheme, parts.path or "/", parts.query
        if host in self.hosts:
            scheme = self.scheme
            query = "" if self._shape(path) else query
        return urlunsplit((scheme, host, path, query, ""))

    def release_date(self, url: str) -> dt.date | None:
        """The date in a release address of the site (None for any other address)."""
        parts = urlsplit(url)
        match = self._shape(parts.path) if parts.netloc in self.hosts else None
        if match is None:
            return None
        try:
            return dt.datetime.strptime(match["date"], "%Y%m%d").date()
        except ValueError:
            return None

    def is_release(self, url: str) -> bool:
        return self.release_date(url) is not None

    def on_site(self, url: str) -> bool:
        return urlsplit(url).netloc in self.hosts

    def archive_hosts(self) -> set[str]:
        return {urlsplit(self.archive_index).netloc, urlsplit(self.archive_copy.split("{", 1)[0]).netloc}

    def copy_url(self, timestamp: str, url: str) -> str:
        """The address of the archive's unmodified copy of a capture."""
        return self.archive_copy.format(timestamp=timestamp, url=url)

    def _shape(self, path: str) -> re.Match[str] | None:
        return next((m for pattern in self.release_paths if (m := pattern.match(path))), None)


def default_sources_path() -> Path:
    return Path(str(resources.files(__package__).joinpath("sources.toml")))


def load_sources(path: str | Path | None = None) -> Sources:
    """The sources file at `path` (default: the bundled sources.toml); SourcesError says what
    is wrong with one that cannot be used."""
    path = Path(path) if path is not None else default_sources_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SourcesError(f"{path}: cannot read: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SourcesError(f"{path}: not a TOML file: {error}") from None
    table = _Table(data, path)
    release_paths = tuple(table.pattern(f"site.release_paths[{i}]", text)
                          for i, text in enumerate(table.get("site.release_paths", list)))
    for index, pattern in enumerate(release_paths):
        if "date" not in pattern.groupindex:
            raise SourcesError(f"{path}: site.release_paths[{index}] has no group named date")
    fetch = table.get("fetch", dict)
    table.get("fetch.user_agent", str)
    for key, value in fetch.items():
        if key != "user_agent" and (not isinstance(value, (int, float)) or isinstance(value, bool)):
            raise SourcesError(f"{path}: fetch.{key} must be a number")
    politeness = Politeness(**{key: fetch[key] for key in Politeness.__dataclass_fields__ if key in fetch})
    if politeness.rate <= 0 or politeness.tries < 1:
        raise SourcesError(f"{path}: fetch.rate must be above 0 and fetch.tries at least 1")
    return Sources(
        hosts=tuple(host.lower() for host in table.get("site.hosts", list)),
        scheme=table.get("site.scheme", str).lower(),
        release_paths=release_paths,
        listing_pages=tuple(table.get("site.listing.pages", list)),
        listing_follow=table.pattern("site.listing.follow", table.get("site.listing.follow", str)),
        max_listing_pages=table.get("site.listing.max_pages", int),
        sitemaps=tuple(table.get("site.listing.sitemaps", list)),
        feeds=tuple(table.get("site.listing.feeds", list)),
        archive_index=table.get("archive.index", str),
        archive_copy=table.get("archive.copy", str),
        archive_prefixes=tuple(table.get("archive.prefixes", list)),
        archive_page_size=table.get("archive.page_size", int),
        politeness=politeness,
        recheck_days=float(fetch.get("recheck_days", 30)),
        path=path,
    )


class _Table:
    """Typed look-ups in a parsed sources file, by dotted key, failing with the file's name."""

    def __init__(self, data: dict[str, Any], path: Path) -> None:
        self.data, self.path = data, path

    def get(self, key: str, kind: type) -> Any:
        value: Any = self.data
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                raise SourcesError(f"{self.path}: missing {key}")
            value = value[part]
        if not isinstance(value, kind):
            raise SourcesError(f"{self.path}: {key} must be a {kind.__name__}")
        return value

    def pattern(self, key: str, text: Any) -> re.Pattern[str]:
        try:
            return re.compile(str(text))
        except re.error as error:
            raise SourcesError(f"{self.path}: {key} is no regular expression: {error}") from None
