"""A saved web page -> its article text, publication date and address."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

HTML_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<article|<div|<p[\s>])", re.I)

# Elements that never hold the article's prose on a saved news page.
HTML_NOISE_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer",
                   "aside", "form", "iframe", "svg", "button", "select")
HTML_BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br",
                   "blockquote", "pre", "section", "article", "main", "table", "tr", "td",
                   "th", "dd", "dt", "figcaption", "hr")
BLOCK_MARK = "\ue000"


def looks_like_html(text: str) -> bool:
    """True for a saved web page rather than plain text."""
    return bool(HTML_SNIFF.match(text[:2000]))


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    published: str | None
    url: str | None


def html_to_text(html: str) -> HtmlArticle:
    """Reduce a saved page to its article: one paragraph per line, headline first."""
    soup = BeautifulSoup(html, "html.parser")
    published = _meta_content(soup, ("article:published_time", "date", "pubdate", "dc.date"))
    if published is None:
        time_tag = soup.find("time", attrs={"datetime": True})
        published = time_tag["datetime"] if time_tag else None
    url = _meta_content(soup, ("og:url",))
    canonical = soup.find("link", rel="canonical", href=True)
    if canonical is not None:
        url = canonical["href"]
    for tag in soup.find_all(HTML_NOISE_TAGS):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    headline = None
    if root.find("h1") is None:
        heading = soup.find("h1") or soup.find("title")
        headline = heading.get_text(" ", strip=True) if heading else None
    for tag in root.find_all(HTML_BLOCK_TAGS):
        tag.insert_before(BLOCK_MARK)
        tag.insert_after(BLOCK_MARK)
    flat = re.sub(r"\s+", " ", root.get_text())
    lines = [line.strip() for line in flat.split(BLOCK_MARK)]
    lines = [line for line in lines if line]
    if headline:
        lines.insert(0, headline)
    return HtmlArticle("\n".join(lines), published, url)


def _meta_content(soup: BeautifulSoup, names: tuple[str, ...]) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag is not None and tag.get("content"):
            return str(tag["content"]).strip()
    return None
