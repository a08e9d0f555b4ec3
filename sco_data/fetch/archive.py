"""The Internet Archive's index of captures (the Wayback Machine's CDX API) -> release addresses
and a capture of each.

The index is asked, for each address prefix of sources.toml, for the captures that were a
page served whole (status 200, HTML), one per address (`collapse=urlkey`), as JSON, a page
of `page_size` captures at a time (`showResumeKey`, then `resumeKey`). `from=` skips captures
made before --since (a release cannot be captured before it is published); the addresses'
own dates are filtered here, before anything is downloaded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from urllib.parse import urlencode

from sco_data.fetch.client import Client, NotFetched
from sco_data.fetch.sources import Sources

FIELDS = ("timestamp", "original")
FILTERS = ("statuscode:200", "mimetype:text/html")


class BadIndexAnswer(NotFetched):
    """The index answered with something that is not a list of captures."""


def archived_releases(client: Client, sources: Sources, within: Callable[[str], bool],
                      since: dt.date | None = None) -> tuple[dict[str, str], list[str]]:
    """Release addresses in the archive's index that `within` keeps -> the timestamp of a
    capture of each; and what went wrong, one line each."""
    found: dict[str, str] = {}
    problems: list[str] = []
    for prefix in sources.archive_prefixes:
        query = {"url": prefix, "matchType": "prefix", "output": "json", "fl": ",".join(FIELDS),
                 "filter": list(FILTERS), "collapse": "urlkey", "limit": sources.archive_page_size,
                 "showResumeKey": "true"}
        if since is not None:
            query["from"] = since.strftime("%Y%m%d")
        while True:
            try:
                captures, resume = read_index(client.get(_address(sources, query), obey_robots=False, kinds=None).body)
            except NotFetched as error:
                problems.append(f"the archive's index ({prefix}): {error}")
                break
            for timestamp, original in captures:
                url = sources.canonical(original)
                if url and sources.is_release(url) and within(url):
                    found.setdefault(url, timestamp)
            if not resume:
                break
            query["resumeKey"] = resume
    return found, problems


def latest_capture(client: Client, sources: Sources, url: str) -> str | None:
    """The timestamp of the archive's latest whole capture of one address (None: it has none)."""
    query = {"url": url, "output": "json", "fl": ",".join(FIELDS), "filter": list(FILTERS), "limit": -1}
    captures, _ = read_index(client.get(_address(sources, query), obey_robots=False, kinds=None).body)
    return captures[-1][0] if captures else None


def read_index(body: bytes) -> tuple[list[tuple[str, str]], str | None]:
    """The index's JSON answer -> (timestamp, original address) per capture, and the resume key
    when more captures follow. The answer is a list of rows: the field names, the captures,
    then (when more follow) an empty row and a row holding the resume key."""
    try:
        rows = json.loads(body or b"[]")
    except (ValueError, UnicodeDecodeError):
        raise BadIndexAnswer("the archive's index did not answer with JSON") from None
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise BadIndexAnswer("the archive's index answered with something other than a list of captures")
    if not rows:
        return [], None
    header, rows = rows[0], rows[1:]
    resume = None
    if [] in rows:
        at = rows.index([])
        rows, tail = rows[:at], rows[at + 1:]
        resume = str(tail[0][0]) if tail and tail[0] else None
    try:
        columns = [header.index(name) for name in FIELDS]
    except ValueError:
        raise BadIndexAnswer("the archive's index answered without timestamps and addresses") from None
    return [(str(row[columns[0]]), str(row[columns[1]])) for row in rows if len(row) == len(header)], resume


def _address(sources: Sources, query: dict) -> str:
    return f"{sources.archive_index}?{urlencode(query, doseq=True)}"
