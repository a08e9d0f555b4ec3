"""A saved web page -> its article text, headline, publication date and address.

trafilatura finds the main content (menus, breadcrumbs, share buttons, related-news lists and
footers never reach the extractor) and reads the page's metadata. When it finds no article, a
plain reading of the page's block elements stands in: one walk over the tree, one line per
block, so that no page costs more than its length.
"""

from __future__ import annotations

import configparser
import functools
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura
import trafilatura.settings

HTML_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<article|<div|<p[\s>])", re.I)
# trafilatura gives up on trees larger than this many elements (a guard against pathological
# pages; a news release has a few hundred).
MAX_TREE_SIZE = 50_000
# Elements that never hold the article's prose on a saved news page.
NOISE_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                        "form", "iframe", "svg", "button", "select", "head"})
# Elements that start a new line of text.
BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br",
                        "blockquote", "pre", "section", "article", "main", "table", "tr", "td", "th",
                        "dd", "dt", "figcaption", "hr", "body", "html"})
PUBLISHED_META = ("article:published_time", "date", "pubdate", "dc.date", "datePublished")


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    published: str | None
    url: str | None


def looks_like_html(text: str) -> bool:
    """True for a saved web page rather than plain text."""
    return bool(HTML_SNIFF.match(text[:2000]))


def html_to_text(html: str) -> HtmlArticle:
    """The page's article, one paragraph per line, its headline first."""
    document = trafilatura.bare_extraction(html, with_metadata=True, favor_precision=True, fast=True,
                                           include_comments=False, include_tables=False, config=_config())
    if document is not None and document.text and document.text.strip():
        text = document.text.strip()
        title = (document.title or "").strip()
        if title and not text.startswith(title):
            text = f"{title}\n{text}"
        return HtmlArticle(text, document.date, document.url)
    return read_blocks(html)


@functools.cache
def _config() -> configparser.ConfigParser:
    """trafilatura's settings: a bound on the tree, and no timer of its own (a signal alarm works
    only in a main thread; the caller bounds the time a file may take)."""
    config = trafilatura.settings.use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def read_blocks(html: str) -> HtmlArticle:
    """Every block's text, in order, without the page's navigation and scripts."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return HtmlArticle("", None, None)
    published = _meta(root, PUBLISHED_META)
    canonical = root.xpath("//link[@rel='canonical']/@href")
    url = str(canonical[0]) if canonical else _meta(root, ("og:url",))
    lines: list[str] = []
    buffer: list[str] = []
    skipping = 0

    def flush() -> None:
        line = " ".join("".join(buffer).split())
        if line:
            lines.append(line)
        buffer.clear()

    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if skipping or tag is None or tag in NOISE_TAGS:
                skipping += 1
                continue
            if tag in BLOCK_TAGS:
                flush()
            if element.text:
                buffer.append(element.text)
            continue
        if skipping:
            skipping -= 1
        elif tag in BLOCK_TAGS:
            flush()
        if not skipping and element.tail:
            buffer.append(element.tail)
    flush()
    return HtmlArticle("\n".join(lines), published, url)


def _meta(root: lxml.html.HtmlElement, names: tuple[str, ...]) -> str | None:
    for name in names:
        for attribute in ("property", "name", "itemprop"):
            found = root.xpath(f"//meta[@{attribute}=$name]/@content", name=name)
            if found and str(found[0]).strip():
                return str(found[0]).strip()
    return None
