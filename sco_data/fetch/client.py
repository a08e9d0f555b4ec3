"""Polite HTTP: a requests session that names itself, asks each host at most `rate` times a
second, obeys robots.txt, tries again on 429 and 5xx with a growing wait (honouring
Retry-After), and reads a page only when it is HTML, within the size limit and in time.

Redirects are followed here, one hop at a time, so that each hop waits its turn, obeys
robots.txt and must stay on the allowed hosts; a loop or too many hops gives the page up.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import InvalidHeader, MaxRetryError, ResponseError
from urllib3.util.retry import Retry

from sco_data.schema import BYTES_PER_MB, DEFAULT_MAX_FILE_MB

HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK_BYTES = 64 * 1024
ROBOTS_MAX_BYTES = 500 * 1024  # what the robots.txt standard (RFC 9309) asks a crawler to read at least


@dataclass(frozen=True)
class Politeness:
    """How the fetch behaves towards the sites it reads (sources.toml's [fetch] table)."""

    user_agent: str
    rate: float = 1.0
    tries: int = 4
    backoff_s: float = 1.0
    longest_wait_s: float = 120.0
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    page_time_s: float = 120.0
    max_redirects: int = 5
    max_bytes: int = int(DEFAULT_MAX_FILE_MB * BYTES_PER_MB)


class NotFetched(Exception):
    """A page that could not be read; the message says why, in words."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


class Disallowed(NotFetched):
    """robots.txt does not let this tool read the page."""


@dataclass(frozen=True)
class Answer:
    """A page as read: `url` is where it was read from in the end (after redirects); `status`
    is 200, or 304 when a conditional request found it unchanged (and `body` is empty)."""

    url: str
    status: int
    body: bytes
    etag: str | None = None
    last_modified: str | None = None


class PoliteRetry(Retry):
    """urllib3's Retry, with the first retry waiting too (urllib3 retries at once), and a
    Retry-After longer than `backoff_max` giving up rather than holding the run that long."""

    def get_backoff_time(self) -> float:
        return max(super().get_backoff_time(), self.backoff_factor)

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        wait = retry_after(response) if response is not None else None
        if wait is not None and wait > self.backoff_max:
            raise MaxRetryError(_pool, url, ResponseError(f"asked to wait {wait:.0f} s"))
        return super().increment(method, url, response, error, _pool, _stacktrace)


def host_of(url: str) -> str:
    """'host' or 'host:port' of an address, the port only when it is not the scheme's own;
    ValueError for an address that is no address (a port that is no number)."""
    parts = urlsplit(url)
    own = {"http": 80, "https": 443}.get(parts.scheme)
    return (parts.hostname or "") + ("" if parts.port in (None, own) else f":{parts.port}")


def retry_after(response) -> float | None:
    """The wait a response's Retry-After asks for, in seconds (None when it asks none)."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return Retry().parse_retry_after(value)
    except InvalidHeader:
        return None


class Client:
    """One fetch run's connection to the web. `hosts` are those a redirect may lead to,
    besides the host of the page asked for."""

    def __init__(self, politeness: Politeness, hosts: Collection[str] = ()) -> None:
        self.politeness = politeness
        self.hosts = frozenset(hosts)
        self.session = requests.Session()
        self.session.headers["User-Agent"] = politeness.user_agent
        retries = PoliteRetry(total=politeness.tries - 1, status_forcelist=RETRY_STATUSES, allowed_methods={"GET"},
                              backoff_factor=politeness.backoff_s, backoff_max=politeness.longest_wait_s,
                              raise_on_status=False, respect_retry_after_header=True)
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, HTTPAdapter(max_retries=retries))
        self._next_turn: dict[str, float] = {}
        self._interval: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | str] = {}
        self._resting: dict[str, float] = {}

    def close(self) -> None:
        self.session.close()

    def get(self, url: str, *, obey_robots: bool = True, conditional: dict[str, str] | None = None,
            kinds: tuple[str, ...] | None = HTML_TYPES, max_bytes: int | None = None) -> Answer:
        """Read one page, following redirects; raises NotFetched (or Disallowed) saying why not."""
        allowed = self.hosts | {host_of(url)}
        seen: list[str] = []
        current = url
        while len(seen) <= self.politeness.max_redirects:
            try:
                host = host_of(current)
            except ValueError:
                host = ""
            if urlsplit(current).scheme not in ("http", "https") or not host:
                raise NotFetched(f"not an http(s) address: {current}")
            if host not in allowed:
                raise NotFetched(f"redirected to another host ({host})")
            if current in seen:
                raise NotFetched("redirect loop")
            seen.append(current)
            if obey_robots:
                self.check_robots(current)
            response = self._request(current, conditional or {})
            location = response.headers.get("Location")
            if response.status_code in REDIRECT_STATUSES and location:
                response.close()
                current = urljoin(current, location)
                continue
            return self._read(response, current, kinds, max_bytes or self.politeness.max_bytes)
        raise NotFetched(f"more than {self.politeness.max_redirects} redirects")

    def check_robots(self, url: str) -> None:
        """Raise Disallowed when the host's robots.txt keeps this tool from the page."""
        parts, host = urlsplit(url), host_of(url)
        rules = self._robots.get(host)
        if rules is None:
            rules = self._robots[host] = self._read_robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
        if isinstance(rules, str):
            raise Disallowed(rules)
        if not rules.can_fetch(self.politeness.user_agent, url):
            raise Disallowed("disallowed by robots.txt")

    def sitemaps(self, host: str) -> list[str]:
        """The sitemaps the host's robots.txt names (read this run by check_robots)."""
        rules = self._robots.get(host)
        return list(rules.site_maps() or []) if isinstance(rules, RobotFileParser) else []

    def _read_robots(self, url: str) -> RobotFileParser | str:
        """The host's rules; a robots.txt that cannot be read says why (a string). As Python's
        robotparser does: none (404) allows everything, 401 and 403 forbid everything; as the
        standard says: a server error or no answer forbids everything, for this run."""
        rules = RobotFileParser(url)
        try:
            answer = self.get(url, obey_robots=False, kinds=None, max_bytes=ROBOTS_MAX_BYTES)
        except NotFetched as error:
            if error.status in (401, 403):
                return f"robots.txt forbids all access (HTTP {error.status})"
            if error.status is not None and 400 <= error.status < 500:
                rules.allow_all = True
                return rules
            return f"robots.txt could not be read ({error})"
        rules.parse(answer.body.decode("utf-8", errors="replace").splitlines())
        delay = rules.crawl_delay(self.politeness.user_agent)
        if delay:
            self._interval[host_of(url)] = max(float(delay), 1 / self.politeness.rate)
        return rules

    def _request(self, url: str, headers: dict[str, str]) -> requests.Response:
        host = host_of(url)
        resting = self._resting.get(host, 0) - time.monotonic()
        if resting > self.politeness.longest_wait_s:
            raise NotFetched(f"{host} asked to wait {resting:.0f} s more")
        time.sleep(max(0.0, resting, self._next_turn.get(host, 0) - time.monotonic()))
        try:
            response = self.session.get(url, headers=headers, stream=True, allow_redirects=False,
                                        timeout=(self.politeness.connect_timeout_s, self.politeness.read_timeout_s))
        except requests.RequestException as error:
            raise NotFetched(self._failure(error)) from None
        finally:
            self._next_turn[host] = time.monotonic() + self._interval.get(host, 1 / self.politeness.rate)
        if response.status_code in RETRY_STATUSES:
            # Still refused after every try: the host is left alone as long as it asks (a 429 that
            # does not say how long, longest_wait_s): hosts that see their 429s ignored block.
            wait = retry_after(response) or (self.politeness.longest_wait_s if response.status_code == 429 else 0)
            self._resting[host] = time.monotonic() + wait
        return response

    def _read(self, response: requests.Response, url: str, kinds: tuple[str, ...] | None, limit: int) -> Answer:
        with response:
            status = response.status_code
            if status == 304:
                return Answer(url, status, b"", response.headers.get("ETag"), response.headers.get("Last-Modified"))
            if status != 200:
                raise NotFetched(self._status_reason(response), status)
            kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if kinds is not None and kind not in kinds:
                raise NotFetched(f"not HTML ({kind or 'no content type'})", status)
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > limit:
                raise NotFetched(f"too large ({int(length) / BYTES_PER_MB:g} MB > limit {limit / BYTES_PER_MB:g} MB)",
                                 status)
            body = self._body(response, limit)
            return Answer(url, status, body, response.headers.get("ETag"), response.headers.get("Last-Modified"))

    def _body(self, response: requests.Response, limit: int) -> bytes:
        """The body, read in chunks: never more than `limit` bytes, never longer than page_time_s."""
        deadline = time.monotonic() + self.politeness.page_time_s
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(CHUNK_BYTES):
                size += len(chunk)
                if size > limit:
                    raise NotFetched(f"too large (more than the limit of {limit / BYTES_PER_MB:g} MB)")
                if time.monotonic() > deadline:
                    raise NotFetched(f"took longer than {self.politeness.page_time_s:g} s to arrive")
                chunks.append(chunk)
        except requests.RequestException as error:
            raise NotFetched(self._failure(error)) from None
        return b"".join(chunks)

    def _status_reason(self, response: requests.Response) -> str:
        status = response.status_code
        wait = retry_after(response)
        if status in RETRY_STATUSES and wait is not None and wait > self.politeness.longest_wait_s:
            return f"HTTP {status}: asked to wait {wait:.0f} s (longer than {self.politeness.longest_wait_s:g} s)"
        if status in RETRY_STATUSES and self.politeness.tries > 1:
            return f"HTTP {status} ({self.politeness.tries} tries)"
        return f"HTTP {status}"

    def _failure(self, error: requests.RequestException) -> str:
        text = str(error)
        if isinstance(error, requests.ConnectTimeout):
            return f"could not connect within {self.politeness.connect_timeout_s:g} s"
        if isinstance(error, requests.Timeout) or "timed out" in text:
            return f"no answer within {self.politeness.read_timeout_s:g} s"
        if isinstance(error, requests.ConnectionError):
            return "could not connect" if "NewConnectionError" in text or "refused" in text else "connection lost"
        return f"request failed ({type(error).__name__})"
