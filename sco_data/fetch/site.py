"""The live site -> release addresses: its news listing pages and their pagination, the sitemaps
its robots.txt names or sources.toml lists, and the RSS or Atom feeds the listing pages
advertise or sources.toml lists. Only links of a release's shape on the site's hosts count.

Listing pages are read newest first; a chain of pages stops at a page whose releases are all
`stale` (already in the folder, or older than --since), so a re-run reads a page or two.
"""

from __future__ import annotations

import zlib
from collections import deque
from collections.abc import Callable
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
from trafilatura.feeds import FeedParameters, find_links

from sco_data.fetch.client import Client, NotFetched
from sco_data.fetch.sources import Sources

FEED_TYPES = ("application/rss+xml", "application/atom+xml")
GZIP_MAGIC = b"\x1f\x8b"


def site_releases(client: Client, sources: Sources, within: Callable[[str], bool],
                  stale: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """Release addresses the site lists that `within` keeps; and what went wrong, one line each."""
    found: dict[str, None] = {}
    problems: list[str] = []
    feeds = [*sources.feeds, *_read_listings(client, sources, within, stale, found, problems)]
    for url in dict.fromkeys(feeds):
        try:
            text = client.get(url, kinds=None).body.decode("utf-8", errors="replace")
        except NotFetched as error:
            problems.append(f"feed {url}: {error}")
            continue
        host = urlsplit(url).netloc
        _keep(sources, find_links(text.strip(), FeedParameters(url, host, url)), within, found)
    _read_sitemaps(client, sources, within, found, problems)
    return list(found), problems


def _keep(sources: Sources, links: list[str], within: Callable[[str], bool], found: dict[str, None]) -> list[str]:
    """The release addresses among `links` (added to `found` when `within` keeps them)."""
    releases = [url for url in map(sources.canonical, links) if url and sources.is_release(url)]
    found.update(dict.fromkeys(url for url in releases if within(url)))
    return releases


def _read_listings(client: Client, sources: Sources, within: Callable[[str], bool], stale: Callable[[str], bool],
                   found: dict[str, None], problems: list[str]) -> list[str]:
    """Read the listing pages into `found`; returns the feeds they advertise."""
    seen: set[str] = set()
    feeds: list[str] = []
    releases_seen = read = 0
    for start in filter(None, map(sources.canonical, sources.listing_pages)):
        chain = deque([start])
        seen.add(start)
        while chain and read < sources.max_listing_pages:
            page = chain.popleft()
            read += 1
            try:
                answer = client.get(page)
            except NotFetched as error:
                problems.append(f"listing page {page}: {error}")
                continue
            links, advertised = page_links(answer.body, answer.url)
            feeds += advertised
            releases = _keep(sources, links, within, found)
            releases_seen += len(releases)
            if releases and all(map(stale, releases)):
                break  # the pages after it are older still
            for url in filter(None, map(sources.canonical, links)):
                parts = urlsplit(url)
                address = parts.path + (f"?{parts.query}" if parts.query else "")
                if url not in seen and sources.on_site(url) and sources.listing_follow.match(address):
                    seen.add(url)
                    chain.append(url)
    if read and not releases_seen:
        problems.append("the listing pages link to no release address (has the site changed? see sources.toml)")
    return feeds


def page_links(body: bytes, url: str) -> tuple[list[str], list[str]]:
    """A page's links (absolute, in document order) and the feeds it advertises."""
    try:
        root = lxml.html.document_fromstring(body)
        root.make_links_absolute(url, handle_failures="discard")
    except (lxml.etree.ParserError, ValueError):
        return [], []
    links = [str(href) for href in root.xpath("//a/@href | //link[@rel='next']/@href")]
    feeds = [str(element.get("href")) for element in root.xpath("//link[@rel='alternate'][@href]")
             if (element.get("type") or "").split(";")[0].strip().lower() in FEED_TYPES]
    return links, feeds


def _read_sitemaps(client: Client, sources: Sources, within: Callable[[str], bool],
                   found: dict[str, None], problems: list[str]) -> None:
    """Read the sitemaps (and the sitemaps they list) into `found`."""
    named = []
    for host in sources.hosts:
        try:
            client.check_robots(f"{sources.scheme}://{host}/")
        except NotFetched:
            pass  # robots.txt forbids the site: no sitemap either (check_robots said why on the pages)
        named += client.sitemaps(host)
    queue = deque(dict.fromkeys(filter(None, map(sources.canonical, [*sources.sitemaps, *named]))))
    seen = set(queue)
    while queue and len(seen) - len(queue) < sources.max_listing_pages:
        sitemap = queue.popleft()
        try:
            locations, is_index = sitemap_locations(client.get(sitemap, kinds=None).body,
                                                    client.politeness.max_bytes)
        except NotFetched as error:
            problems.append(f"sitemap {sitemap}: {error}")
            continue
        if not is_index:
            _keep(sources, locations, within, found)
            continue
        for url in filter(None, map(sources.canonical, locations)):
            if url not in seen and sources.on_site(url):
                seen.add(url)
                queue.append(url)


def sitemap_locations(body: bytes, max_bytes: int) -> tuple[list[str], bool]:
    """The addresses (`<loc>`) of an XML sitemap, gzipped or not, and whether it is an index of
    sitemaps."""
    if body.startswith(GZIP_MAGIC):
        inflate = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        body = inflate.decompress(body, max_bytes)
        if inflate.unconsumed_tail:
            raise NotFetched("too large once unpacked")
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = lxml.etree.fromstring(body, parser)
    except lxml.etree.XMLSyntaxError:
        root = None
    if root is None:
        raise NotFetched("not an XML sitemap")
    locations = [element.text.strip() for element in root.iter("{*}loc") if element.text]
    return locations, lxml.etree.QName(root).localname == "sitemapindex"
