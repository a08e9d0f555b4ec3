"""A stand-in for the web, on 127.0.0.1 only: the SCO site, the Internet Archive (its CDX index
and its unmodified copies) and an unrelated host, built from the gold releases as HTML pages.

`FakeWeb.build()` lays out the site the fetch tests expect (see `FakeWeb` for what is where);
every host counts the requests it gets and the pages it served in full.
"""

from __future__ import annotations

import html
import json
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

GOLD = Path(__file__).resolve().parent / "gold"
PER_LISTING_PAGE = 10
USER_AGENT = "sco-data-fetch-test/1 (loopback only)"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def html_reply(body: str, **headers: str) -> Reply:
    return Reply(200, body.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8", **headers})


class Host:
    """One HTTP server on 127.0.0.1: answers by path (and query), the replies of a path in turn
    (the last one again and again); counts requests and full answers per path."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply] | Callable[[str, dict], Reply]] = {}
        self.fallback: Callable[[str, dict], Reply] | None = None  # for paths without a route
        self.hits: Counter[str] = Counter()
        self.served: Counter[str] = Counter()
        self.log: list[tuple[float, str, dict[str, str]]] = []
        self.hold: str | None = None  # a path whose first request gets no answer until `release` is set
        self.holding, self.release = threading.Event(), threading.Event()
        self.lock = threading.Lock()
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                host.answer(self)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def netloc(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    @property
    def base(self) -> str:
        return f"http://{self.netloc}"

    def add(self, path: str, *replies: Reply) -> None:
        self.routes[path] = list(replies)

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path
        with self.lock:
            self.hits[path] += 1
            count = self.hits[path]
            self.log.append((time.monotonic(), path, dict(request.headers)))
        if path == self.hold and count == 1:
            self.holding.set()
            self.release.wait(30)
            return
        route = self.routes.get(path) or self.routes.get(urlsplit(path).path) or self.fallback
        if callable(route):
            reply = route(path, dict(request.headers))
        elif route:
            reply = route[min(count, len(route)) - 1]
        else:
            reply = Reply(404, b"<html><body>Not found</body></html>", {"Content-Type": "text/html"})
        time.sleep(reply.delay)
        etag = reply.headers.get("ETag")
        if reply.status == 200 and etag and request.headers.get("If-None-Match") == etag:
            reply = Reply(304, b"", {"ETag": etag})
        try:
            request.send_response(reply.status)
            for name, value in reply.headers.items():
                request.send_header(name, value)
            request.send_header("Content-Length", str(len(reply.body)))
            request.end_headers()
            request.wfile.write(reply.body)
            request.wfile.flush()
        except OSError:
            return
        if reply.status == 200:
            with self.lock:
                self.served[path] += 1

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Page:
    """A release page of the fake site, made from a gold release."""

    name: str
    text: str
    day: str  # YYYYMMDD
    number: int
    old: bool = False

    @property
    def path(self) -> str:
        return f"/news/{self.day}/{self.number:06d}.html" if self.old else f"/{self.day}/{self.number:07d}.html"

    def html(self, address: str | None = None) -> str:
        lines = self.text.splitlines()
        canonical = f'<link rel="canonical" href="{html.escape(address)}">' if address else ""
        return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(lines[0])}</title>"
                f"{canonical}</head><body><nav><a href='/'>Home</a> <a href='/news/'>News</a> "
                f"<a href='/about/'>About</a></nav><article>"
                + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
                + "</article><aside><a href='/news/'>More news</a></aside><footer>© SCO</footer></body></html>")


def gold_pages() -> list[Page]:
    """A page per gold release, with its date."""
    dates = {row["file"]: row["event_date"] for row in map(json.loads, (GOLD / "gold.jsonl").read_text().splitlines())}
    pages = []
    for number, path in enumerate(sorted((GOLD / "releases").glob("*.txt")), start=1):
        day = (dates.get(path.name) or "2020-06-15").replace("-", "")
        pages.append(Page(path.stem, path.read_text(encoding="utf-8"), day, 100000 + number))
    return sorted(pages, key=lambda page: (page.day, page.number))


class FakeWeb:
    """The site, the archive and an unrelated host. `build()` lays them out:

    - the 20 oldest gold releases have the older address shape and are only in the archive (the
      live site answers 404 for half of them, and sends the others to its home page);
    - the others have the newer shape and are on the listing pages (/news/, /news/?page=N, ten a
      page, newest first), but for two only in the sitemap (named by robots.txt, through a
      sitemap index), two only in the feed (advertised by the listing pages), one gone from the
      live site but in the archive, one answering 429 with Retry-After: 1 first, one 500 first;
      three of the listed ones are in the archive's index too;
    - `problems`: listed pages that cannot be fetched, each for its own reason;
    - the listing pages also link to a release-shaped page on the unrelated host.
    """

    def __init__(self) -> None:
        self.site, self.archive, self.elsewhere = Host(), Host(), Host()
        self.captures: list[tuple[str, str, str, str]] = []  # timestamp, original, mimetype, status
        self.copies: dict[tuple[str, str], Reply] = {}
        self.pages = gold_pages()
        self.listed: list[Page] = []
        self.sitemap_only: list[Page] = []
        self.feed_only: list[Page] = []
        self.problems: dict[str, str] = {}

    def close(self) -> None:
        for host in (self.site, self.archive, self.elsewhere):
            host.close()

    def url(self, page: Page) -> str:
        return self.site.base + page.path

    def build(self) -> FakeWeb:
        old, new = self.pages[:20], self.pages[20:]
        for index, page in enumerate(old):
            page.old = True
            self.archive_page(page)
            if index % 2:
                self.site.add(page.path, Reply(301, headers={"Location": "/"}))
        self.site.add("/", html_reply("<html><body><h1>Shanghai Cooperation Organisation</h1></body></html>"))
        self.sitemap_only, self.feed_only = new[:2], new[2:4]
        self.gone, self.throttled, self.flaky = new[4], new[5], new[6]
        for page in new[7:]:
            self.publish(page)
        self.publish(self.throttled, Reply(429, b"slow down", {"Retry-After": "1"}))
        self.publish(self.flaky, Reply(500, b"oops", {"Content-Type": "text/html"}))
        for page in (*self.sitemap_only, *self.feed_only):
            self.publish(page, listed=False)
        self.listed.append(self.gone)
        self.archive_page(self.gone)
        for page in new[7:10]:
            self.archive_page(page)
        self.captures += [("20200101000000", f"{self.site.base}/about/", "text/html", "200"),
                          ("20200101000000", f"{self.site.base}/20200101/1999999.html", "text/html", "404")]
        self.add_problems()
        self.add_listing()
        self.add_archive_index()
        return self

    def small(self, count: int) -> FakeWeb:
        """Only the `count` newest gold releases, on the listing pages; an empty archive."""
        for page in self.pages[-count:]:
            self.publish(page)
        self.add_listing()
        self.add_archive_index()
        return self

    def publish(self, page: Page, *first: Reply, listed: bool = True) -> None:
        self.site.add(page.path, *first, html_reply(page.html(), ETag=f'"{page.number}"',
                                                    **{"Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"}))
        if listed:
            self.listed.append(page)

    def archive_page(self, page: Page) -> None:
        original = f"http://{self.site.netloc}{page.path}"
        for timestamp in (f"{page.day}120000", f"{page.day}130000"):  # two captures of the page
            self.captures.append((timestamp, original, "text/html", "200"))
            self.copies[(timestamp, original)] = html_reply(page.html(address=original))

    def add_problems(self) -> None:
        """Release-shaped pages on the listing that cannot be fetched, and why."""
        base = self.site.base
        large = html_reply("<html><body>" + "x" * 60_000 + "</body></html>")
        cases = {
            "/20240301/9000001.html": ([html_reply("<html><body>late</body></html>")], "no answer within"),
            "/20240302/9000002.html": ([Reply(302, headers={"Location": "/20240302/9000003.html"})], "redirect loop"),
            "/20240303/9000004.html": ([Reply(302, headers={"Location": f"{self.elsewhere.base}/x.html"})],
                                       f"redirected to another host ({self.elsewhere.netloc})"),
            "/20240304/9000005.html": ([large], f"too large ({len(large.body) / 1e6:g} MB > limit 0.05 MB)"),
            "/20240305/9000006.html": ([Reply(200, b"%PDF-1.4", {"Content-Type": "application/pdf"})],
                                       "not HTML (application/pdf)"),
            "/20240306/9000007.html": ([html_reply("<html><body>private</body></html>")], "disallowed by robots.txt"),
            "/20240307/9000008.html": ([], "gone from the live site (HTTP 404) and not in the archive"),
        }
        for path, (replies, reason) in cases.items():
            if replies:
                self.site.add(path, *replies)
            self.problems[base + path] = reason
        self.site.routes["/20240301/9000001.html"][0].delay = 1.0
        self.site.add("/20240302/9000003.html", Reply(302, headers={"Location": "/20240302/9000002.html"}))

    def add_listing(self) -> None:
        pages = sorted(self.listed, key=lambda page: (page.day, page.number), reverse=True)
        links = [page.path + ("?from=list" if index % 7 == 3 else "") for index, page in enumerate(pages)]
        links += list(self.problems_paths())
        links.sort(key=lambda link: link.split("/")[1], reverse=True)
        chunks = [links[i:i + PER_LISTING_PAGE] for i in range(0, len(links), PER_LISTING_PAGE)]
        for number, chunk in enumerate(chunks, start=1):
            items = "".join(f"<li><a href='{html.escape(link)}'>Release</a></li>" for link in chunk)
            if number == 1:
                items += f"<li><a href='{self.elsewhere.base}/20240308/9000009.html'>Partner news</a></li>"
            pager = " ".join(f"<a href='/news/?page={n}'>{n}</a>" for n in range(1, len(chunks) + 1))
            body = (f"<!DOCTYPE html><html><head><title>News</title><link rel='alternate' "
                    f"type='application/rss+xml' href='/rss.xml'></head><body><nav><a href='/about/'>About</a>"
                    f"</nav><ul>{items}</ul><div class='pager'>{pager}</div></body></html>")
            self.site.add("/news/" if number == 1 else f"/news/?page={number}", html_reply(body))
        self.site.add("/robots.txt", Reply(200, (f"User-agent: *\nDisallow: /20240306/\n"
                                                 f"Sitemap: {self.site.base}/sitemap.xml\n").encode(),
                                           {"Content-Type": "text/plain"}))
        index = (f"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                 f"<sitemap><loc>{self.site.base}/sitemap-news.xml</loc></sitemap></sitemapindex>")
        locs = [self.url(page) for page in (*self.sitemap_only, *self.listed[:1])] + [f"{self.site.base}/about/"]
        urlset = ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                  + "".join(f"<url><loc>{loc}</loc></url>" for loc in locs) + "</urlset>")
        items = "".join(f"<item><title>Release</title><link>{self.url(page)}</link></item>"
                        for page in (*self.feed_only, *self.listed[1:2]))
        feed = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>SCO news</title>"
                f"<link>{self.site.base}/news/</link>{items}</channel></rss>")
        for path, body, kind in (("/sitemap.xml", index, "application/xml"), ("/sitemap-news.xml", urlset, "application/xml"),
                                 ("/rss.xml", feed, "application/rss+xml")):
            self.site.add(path, Reply(200, body.encode(), {"Content-Type": kind}))

    def problems_paths(self) -> list[str]:
        return [urlsplit(url).path for url in self.problems]

    def add_archive_index(self) -> None:
        self.archive.routes["/cdx/search/cdx"] = self.cdx
        self.archive.fallback = self.copy

    def copy(self, path: str, headers: dict) -> Reply:
        match = re.match(r"^/web/(\d+)id_/(.+)$", path)
        return self.copies.get((match[1], match[2]), Reply(404)) if match else Reply(404)

    def cdx(self, path: str, headers: dict) -> Reply:
        """The CDX API's query parameters as the fetch uses them: url, matchType, output=json, fl,
        filter, collapse=urlkey, from, limit (negative: the last ones), showResumeKey, resumeKey."""
        query = parse_qs(urlsplit(path).query)
        wanted = query["url"][0]
        fields = ["urlkey", "timestamp", "original", "mimetype", "statuscode"]
        rows = []
        for timestamp, original, mimetype, status in sorted(self.captures, key=lambda c: (c[1].split("://")[1], c[0])):
            key = original.split("://", 1)[1]
            if query.get("matchType", ["exact"])[0] == "prefix" and not key.startswith(wanted.split("://")[-1]):
                continue
            if query.get("matchType", ["exact"])[0] == "exact" and key != wanted.split("://")[-1]:
                continue
            row = dict(zip(fields, (key, timestamp, original, mimetype, status)))
            if all(re.fullmatch(rule.split(":", 1)[1], row[rule.split(":", 1)[0]]) for rule in query.get("filter", [])):
                if "from" not in query or timestamp >= query["from"][0]:
                    rows.append(row)
        if query.get("collapse") == ["urlkey"]:
            rows = [row for index, row in enumerate(rows) if index == 0 or rows[index - 1]["urlkey"] != row["urlkey"]]
        start = int(query.get("resumeKey", ["0"])[0])
        limit = int(query.get("limit", ["100000"])[0])
        chosen = rows[limit:] if limit < 0 else rows[start:start + limit]
        chosen_fields = query.get("fl", [",".join(fields)])[0].split(",")
        answer: list = [chosen_fields] + [[row[name] for name in chosen_fields] for row in chosen]
        if limit > 0 and start + limit < len(rows) and query.get("showResumeKey") == ["true"]:
            answer += [[], [str(start + limit)]]
        return Reply(200, json.dumps(answer).encode(), {"Content-Type": "application/json"})

    def sources(self, folder: Path, rate: float = 500, prefixes: tuple[str, ...] = ("/news/", "/20"),
                **fetch: object) -> Path:
        """A sources file for this web: its hosts and endpoints, quick and short time-outs; the
        archive's index is asked for the site's addresses under `prefixes`."""
        settings = {"user_agent": USER_AGENT, "rate": rate, "tries": 2, "backoff_s": 0.05, "longest_wait_s": 5,
                    "connect_timeout_s": 2, "read_timeout_s": 0.3, "page_time_s": 5, "max_redirects": 5,
                    "recheck_days": 30, **fetch}
        text = f"""
[site]
hosts = ["{self.site.netloc}"]
scheme = "http"
release_paths = ['^/news/(?P<date>\\d{{8}})/\\d{{6}}\\.html$', '^/(?P<date>\\d{{8}})/\\d{{7}}\\.html$']
[site.listing]
pages = ["{self.site.base}/news/"]
follow = '^/news/(?:\\?page=\\d+)?$'
max_pages = 50
sitemaps = []
feeds = []
[archive]
index = "{self.archive.base}/cdx/search/cdx"
copy = "{self.archive.base}/web/{{timestamp}}id_/{{url}}"
prefixes = {json.dumps([self.site.netloc + prefix for prefix in prefixes])}
page_size = 7
[fetch]
""" + "\n".join(f"{key} = {json.dumps(value)}" for key, value in settings.items())
        path = folder / "sources.toml"
        path.write_text(text, encoding="utf-8")
        return path
