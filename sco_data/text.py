"""Bytes -> clean English text: decoding, HTML reduction, headline and foreign-line handling."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from bs4 import BeautifulSoup

# Byte-order marks, checked longest first, and the codec each one announces.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters Windows-1251 text legitimately contains beyond ASCII and Cyrillic letters.
CP1251_PUNCTUATION = set("«»–—№“”„‘’…•·°±§©®™\u00a0")

# Control characters other than line breaks and tabs: text files have next to none.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Share of control characters above which a decoded file is treated as binary.
MAX_CONTROL_SHARE = 0.01

HTML_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<article|<div|<p[\s>])", re.I)

# Elements that never hold the article's prose on a saved news page.
HTML_NOISE_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer",
                   "aside", "form", "iframe", "svg", "button", "select")
HTML_BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br",
                   "blockquote", "pre", "section", "article", "main", "table", "tr", "td",
                   "th", "dd", "dt", "figcaption", "hr")
BLOCK_MARK = "\ue000"

# A line is foreign when it has at least this many letters and most of them are not Latin.
FOREIGN_MIN_LETTERS = 3

HEADLINE_MAX_CHARS = 220
# A paragraph opening with a quotation mark is a pull quote, not a headline.
QUOTE_OPENERS = ("\"", "“", "«", "'", "‘")
LEAD_OPENER = re.compile(
    r"^(?:On|From|In|At|During|Today|Yesterday|This|Last)\s+[\w\d]", re.I
)
SENTENCE_END = (".", "!", "?", ":", ";", "\"", "”", "»", ")")


class DecodeError(ValueError):
    """Raised with a reason a person understands when bytes are not usable text."""


@dataclass(frozen=True)
class CleanText:
    """A release reduced to its parts: headline, English paragraphs, set-aside foreign lines."""

    title: str | None
    paragraphs: tuple[str, ...]
    foreign_lines: tuple[str, ...]
    date_lines: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1251; refuse anything else."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise DecodeError(f"undecodable text: invalid {codec} at byte {error.start}") from None
            return _refuse_binary(text)
    if b"\x00" in data:
        raise DecodeError("binary file (not text)")
    try:
        return _refuse_binary(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        utf8_error = error
    text = _decode_cp1251(data)
    if text is None:
        raise DecodeError(
            f"undecodable text: not UTF-8 (invalid byte at {utf8_error.start}) and not Windows-1251"
        )
    return _refuse_binary(text)


def _decode_cp1251(data: bytes) -> str | None:
    """Windows-1251 only when the result reads as Russian: Cyrillic words, never mixed into Latin ones."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    for char in set(text):
        if ord(char) < 128 or char in CP1251_PUNCTUATION:
            continue
        if not ("\u0400" <= char <= "\u04ff"):
            return None
    if re.search(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]", text):
        return None
    return text


def _refuse_binary(text: str) -> str:
    controls = len(CONTROL_CHARACTERS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise DecodeError("binary file (not text)")
    return text


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


def is_foreign_line(line: str) -> bool:
    """A line written mostly in a non-Latin script (the Russian captions in the seeds)."""
    if line.isascii():
        return False
    latin = foreign = 0
    for char in line:
        if char.isalpha():
            if char < "\u0250":
                latin += 1
            else:
                foreign += 1
    return foreign >= FOREIGN_MIN_LETTERS and foreign > latin


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per entry; hard-wrapped lines inside a blank-line block are rejoined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current = ""
        for raw in block.split("\n"):
            line = " ".join(raw.split())
            if not line:
                continue
            if current and _continues(current, line):
                current = f"{current} {line}"
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    """A wrapped line: the previous one stops mid-sentence and this one goes on in lower case."""
    if previous.endswith(SENTENCE_END) or is_foreign_line(line) or is_foreign_line(previous):
        return False
    return line[0].islower() or previous.endswith((",", "-", "–"))


def clean_text(text: str, is_date_line=None) -> CleanText:
    """Split a release into headline, English paragraphs and foreign lines.

    `is_date_line` recognises a dateline (a paragraph that is only a date), which is kept
    aside so it never passes for a headline or a lead.
    """
    paragraphs = split_paragraphs(text.lstrip("\ufeff"))
    english: list[str] = []
    foreign: list[str] = []
    dates: list[str] = []
    for paragraph in paragraphs:
        if is_foreign_line(paragraph):
            foreign.append(paragraph)
        elif is_date_line is not None and is_date_line(paragraph):
            dates.append(paragraph)
        else:
            english.append(paragraph)
    title = _take_headline(english)
    return CleanText(title, tuple(english), tuple(foreign), tuple(dates))


def _take_headline(paragraphs: list[str]) -> str | None:
    """Remove and return the headline (kept once when printed twice), or None."""
    if len(paragraphs) < 2:
        return None
    start = 0
    if paragraphs[0].startswith(QUOTE_OPENERS) and _is_headline(paragraphs[1]):
        start = 1
    candidate = paragraphs[start]
    if not _is_headline(candidate):
        return None
    del paragraphs[start]
    while start < len(paragraphs) and _same_line(paragraphs[start], candidate):
        del paragraphs[start]
    return candidate


def _is_headline(paragraph: str) -> bool:
    if len(paragraph) > HEADLINE_MAX_CHARS or paragraph.startswith(QUOTE_OPENERS):
        return False
    if LEAD_OPENER.match(paragraph) and paragraph.endswith("."):
        return False
    return not (paragraph.endswith(".") and paragraph.count(". ") >= 1)


def _same_line(first: str, second: str) -> bool:
    return normalise_for_id(first) == normalise_for_id(second)


def normalise_for_id(text: str) -> str:
    """Text reduced so that re-encodings and re-wrappings of one release compare equal."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = text.replace("“", "\"").replace("”", "\"")
    return " ".join(text.split()).casefold()


def release_id_for(title: str | None, body: str) -> str:
    """A short stable id: the same normalised text always gets the same id."""
    digest = hashlib.blake2b(normalise_for_id(f"{title or ''}\n{body}").encode("utf-8"), digest_size=8)
    return digest.hexdigest()
