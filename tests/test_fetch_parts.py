"""The fetch's parts without a network: sources and canonical addresses, file names, the address
written into a page, the archive index's answers, sitemaps, and the manifest's recovery after a
kill at each moment of a save."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from sco_data.extract.webpage import html_to_text
from sco_data.fetch.archive import BadIndexAnswer, read_index
from sco_data.fetch.client import NotFetched
from sco_data.fetch.manifest import LIVE, MANIFEST_NAME, Manifest
from sco_data.fetch.pages import digest, file_name, temp_path, with_address, write_temp
from sco_data.fetch.site import page_links, sitemap_locations
from sco_data.fetch.sources import SourcesError, default_sources_path, load_sources

SOURCES = load_sources()
LEAD = ("On 12 May 2023, SCO Secretary-General Zhang Ming met with Ambassador of Iran to China "
        "Mohammad Keshavarzzadeh in Beijing. The sides discussed cooperation in trade.")


def test_the_bundled_sources_know_both_address_shapes_of_the_english_site():
    assert SOURCES.release_date("https://eng.sectsco.org/news/20190527/541285.html") == dt.date(2019, 5, 27)
    assert SOURCES.release_date("https://eng.sectsco.org/20230704/1064563.html") == dt.date(2023, 7, 4)
    for other in ("https://eng.sectsco.org/news/", "https://eng.sectsco.org/20230704/106456.html",
                  "https://eng.sectsco.org/20231399/1064563.html", "https://example.org/20230704/1064563.html"):
        assert SOURCES.release_date(other) is None, other
    assert SOURCES.listing_follow.match("/news/?page=2") and not SOURCES.listing_follow.match("/about/")


def test_one_release_has_one_canonical_address():
    same = ["http://eng.sectsco.org/news/20190527/541285.html", "https://ENG.sectsco.org:443/news/20190527/541285.html",
            "http://eng.sectsco.org:80/news/20190527/541285.html?utm_source=feed#top"]
    assert {SOURCES.canonical(url) for url in same} == {"https://eng.sectsco.org/news/20190527/541285.html"}
    # Elsewhere, the scheme and the query stay: they may make another page.
    assert SOURCES.canonical("http://www.news.example/story?id=7#x") == "http://www.news.example/story?id=7"
    assert SOURCES.canonical("https://eng.sectsco.org/news/?page=2") == "https://eng.sectsco.org/news/?page=2"
    for bad in ("ftp://eng.sectsco.org/a.html", "javascript:alert(1)", "eng.sectsco.org/a.html", "http://[::1/"):
        assert SOURCES.canonical(bad) is None, bad


@pytest.mark.parametrize("text, message", [
    ("[site", "not a TOML file"),
    ("[site]\nhosts = []", "missing site.release_paths"),
    ("[site]\nrelease_paths = '^/(?P<date>\\\\d{8})/'", "site.release_paths must be a list"),
    ("[site]\nrelease_paths = ['(?P<date>']", r"site.release_paths\[0\] is no regular expression"),
])
def test_a_sources_file_that_cannot_be_used_says_why(tmp_path, text, message):
    path = tmp_path / "sources.toml"
    path.write_text(text)
    with pytest.raises(SourcesError, match=message) as raised:
        load_sources(path)
    assert str(path) in str(raised.value)


def test_a_release_path_without_its_date_is_refused(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text(default_sources_path().read_text().replace("(?P<date>\\d{8})/\\d{7}", "\\d{8}/\\d{7}"))
    with pytest.raises(SourcesError, match=r"release_paths\[1\] has no group named date"):
        load_sources(path)


def test_file_names_are_readable_unique_and_never_hidden():
    assert file_name("https://eng.sectsco.org/news/20190527/541285.html") == "eng.sectsco.org_news_20190527_541285.html"
    assert file_name("http://127.0.0.1:8080/20230704/1064563.html") == "127.0.0.1-8080_20230704_1064563.html"
    with_query = file_name("https://news.example/story?id=7")
    assert with_query.startswith("news.example_story-") and with_query != file_name("https://news.example/story?id=8")
    assert len(file_name("https://news.example/" + "a" * 500)) < 170


def test_the_saved_page_names_the_address_it_was_fetched_for():
    page = (b"<!DOCTYPE html><html><head><meta property='og:url' content='https://mirror.example/x'>"
            b"<link rel=\"canonical\" href=\"https://eng.sectsco.org/\"><title>SCO</title></head>"
            b"<body><article><p>" + LEAD.encode() + b"</p></article></body></html>")
    url = "https://eng.sectsco.org/20230512/1000001.html"
    saved = with_address(page, url)
    assert b"rel=\"original-canonical\"" in saved and b"property='original-og:url'" in saved
    assert html_to_text(saved.decode()).url == url
    assert html_to_text(page.decode()).url != url
    # Without a head, and in UTF-16: the address is there all the same.
    bare = with_address(b"<p>" + LEAD.encode() + b"</p>", url)
    assert html_to_text(bare.decode()).url == url
    wide = with_address(("\ufeff<html><head></head><body><p>" + LEAD + "</p></body></html>").encode("utf-16-le"), url)
    assert html_to_text(wide.decode("utf-16")).url == url


def test_the_archive_index_answers_are_read_with_their_resume_key():
    rows = [["timestamp", "original"], ["20190527120000", "http://eng.sectsco.org:80/news/20190527/541285.html"],
            [], ["eng.sectsco.org/news/20190527/541285.html 20190527120000"]]
    captures, resume = read_index(json.dumps(rows).encode())
    assert captures == [("20190527120000", "http://eng.sectsco.org:80/news/20190527/541285.html")]
    assert resume == "eng.sectsco.org/news/20190527/541285.html 20190527120000"
    assert read_index(b"[]") == ([], None)
    assert read_index(b"") == ([], None)
    for bad in (b"<html>busy</html>", b'{"error": 1}', b'[["urlkey"], ["x"]]'):
        with pytest.raises(BadIndexAnswer):
            read_index(bad)


def test_sitemaps_plain_gzipped_and_indexes():
    urlset = (b"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
              b"<url><loc> https://eng.sectsco.org/20230704/1064563.html </loc></url></urlset>")
    assert sitemap_locations(urlset, 10_000) == (["https://eng.sectsco.org/20230704/1064563.html"], False)
    assert sitemap_locations(gzip.compress(urlset), 10_000) == (["https://eng.sectsco.org/20230704/1064563.html"], False)
    index = b"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap><loc>a.xml</loc></sitemap></sitemapindex>"
    assert sitemap_locations(index, 10_000) == (["a.xml"], True)
    with pytest.raises(NotFetched, match="too large once unpacked"):
        sitemap_locations(gzip.compress(b"<urlset>" + b" " * 20_000 + b"</urlset>"), 10_000)
    with pytest.raises(NotFetched, match="not an XML sitemap"):
        sitemap_locations(b"", 10_000)


def test_page_links_are_absolute_and_feeds_advertised_are_found():
    page = (b"<html><head><base href='https://eng.sectsco.org/news/'><link rel='alternate' "
            b"type='application/rss+xml; charset=utf-8' href='/rss.xml'><link rel='next' href='?page=2'></head>"
            b"<body><a href='../20230704/1064563.html'>A</a><a href='mailto:x@y'>mail</a></body></html>")
    links, feeds = page_links(page, "https://eng.sectsco.org/news/")
    assert "https://eng.sectsco.org/20230704/1064563.html" in links and "https://eng.sectsco.org/news/?page=2" in links
    assert feeds == ["https://eng.sectsco.org/rss.xml"]
    assert page_links(b"", "https://eng.sectsco.org/") == ([], [])


URL = "https://eng.sectsco.org/20230512/1000001.html"


def saved_page(folder: Path, data: bytes, *, rename: bool) -> Manifest:
    """A page saved up to the manifest's record; renamed into place or, as after a kill, not."""
    manifest = Manifest(folder)
    manifest.add_found({URL: None})
    name = manifest.file_for(URL)
    write_temp(folder, name, data)
    manifest.record_saved(URL, name, digest(data), LIVE, None, 200, '"1"', None)
    if rename:
        temp_path(folder, name).replace(folder / name)
    return manifest


def test_recovery_finishes_a_save_the_manifest_recorded(tmp_path):
    saved_page(tmp_path, b"<p>new</p>", rename=False).close()
    manifest = Manifest(tmp_path)
    manifest.recover()
    assert (tmp_path / file_name(URL)).read_bytes() == b"<p>new</p>"
    assert manifest.row(URL)["state"] == "saved" and not list(tmp_path.glob(".sco-fetch-tmp-*"))


def test_recovery_drops_a_page_the_manifest_did_not_record_and_keeps_the_old_one(tmp_path):
    saved_page(tmp_path, b"<p>old</p>", rename=True).close()
    write_temp(tmp_path, file_name(URL), b"<p>half-way new</p>")  # killed before its record
    manifest = Manifest(tmp_path)
    manifest.recover()
    assert (tmp_path / file_name(URL)).read_bytes() == b"<p>old</p>"
    assert manifest.row(URL)["digest"] == digest(b"<p>old</p>") and not list(tmp_path.glob(".sco-fetch-tmp-*"))


def test_recovery_fetches_again_a_page_whose_file_is_gone(tmp_path):
    saved_page(tmp_path, b"<p>page</p>", rename=True).close()
    (tmp_path / file_name(URL)).unlink()
    manifest = Manifest(tmp_path)
    manifest.recover()
    assert (manifest.row(URL)["state"], manifest.unsaved()) == ("waiting", [URL])


def test_a_dry_run_reads_the_manifest_without_creating_one(tmp_path):
    manifest = Manifest(tmp_path, read_only=True)
    assert manifest.known() == set() and not (tmp_path / MANIFEST_NAME).exists()
    saved_page(tmp_path, b"<p>page</p>", rename=True).close()
    with pytest.raises(sqlite3.OperationalError):
        Manifest(tmp_path, read_only=True).add_found({"https://eng.sectsco.org/20230513/1000002.html": None})
