"""A fetched page -> a file in the folder: its name from its address, its address written into
it, and the bytes put in place atomically.

Ingest takes a saved page's address from its canonical link (DESIGN: a release's `source` is
"the URL the file names"), so the page is saved with one canonical link, to the address it was
fetched for: for a copy from the archive, the release's own address, not the archive's. Links
and meta tags by which the page named an address of its own are kept, renamed
(`original-canonical`, `original-og:url`), so that only one address is read from it.

A page is written to a temporary file beside its final name, flushed to disk, and renamed into
place only once the manifest has recorded it (see manifest.py): a kill at any moment leaves
either the old file or the new one.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from sco_data.schema import FETCH_FILE_PREFIX

TEMP_PREFIX = f"{FETCH_FILE_PREFIX}-tmp-"
MAX_STEM = 150
UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")
HTML_SUFFIX = re.compile(r"\.s?html?$", re.I)
# Bounded inside a tag, so that no page costs more than its length.
HEAD_TAG = re.compile(rb"<head\b[^<>]{0,2000}>", re.I)
HTML_TAG = re.compile(rb"<html\b[^<>]{0,2000}>", re.I)
DOCTYPE = re.compile(rb"^\s*<!doctype\b[^<>]{0,500}>", re.I)
ADDRESS_TAG = re.compile(rb"""(<(?:link|meta)\b[^<>]{0,2000}?\b(?:rel|property|name)\s*=\s*["']?)"""
                         rb"""(canonical|og:url|twitter:url)(?=["'\s/>])""", re.I)


def file_name(url: str) -> str:
    """A readable file name for a page: host and path ('eng.sectsco.org_news_20190527_541285.html'),
    with a short hash of the address when it has a query or is very long."""
    parts = urlsplit(url)
    stem = UNSAFE_IN_NAME.sub("_", parts.netloc.replace(":", "-") + HTML_SUFFIX.sub("", parts.path)).strip("_.")
    if parts.query or len(stem) > MAX_STEM:
        stem = f"{stem[:MAX_STEM]}-{address_hash(url)}"
    return f"{stem}.html"


def address_hash(url: str) -> str:
    return hashlib.blake2b(url.encode("utf-8"), digest_size=4).hexdigest()


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def with_address(page: bytes, url: str) -> bytes:
    """The page naming `url` as its one canonical address."""
    if page[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            return with_address(page.decode("utf-16").encode("utf-8"), url).decode("utf-8").encode("utf-16")
        except UnicodeError:
            return page
    link = f'<link rel="canonical" href="{html.escape(url)}">'.encode("utf-8")
    page = ADDRESS_TAG.sub(rb"\1original-\2", page)
    if head := HEAD_TAG.search(page):
        return page[:head.end()] + link + page[head.end():]
    start = HTML_TAG.search(page) or DOCTYPE.search(page)
    at = start.end() if start else 0
    return page[:at] + b"<head>" + link + b"</head>" + page[at:]


def temp_path(folder: Path, name: str) -> Path:
    return folder / f"{TEMP_PREFIX}{name}"


def write_temp(folder: Path, name: str, data: bytes) -> None:
    """The page's bytes in its temporary file, on disk."""
    with open(temp_path(folder, name), "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def put_in_place(folder: Path, name: str) -> None:
    """The temporary file renamed to its final name, the rename itself on disk."""
    os.replace(temp_path(folder, name), folder / name)
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def leftover_temps(folder: Path) -> list[Path]:
    """Temporary files a killed run left behind."""
    return sorted(folder.glob(f"{TEMP_PREFIX}*"))
