"""`sco-data fetch` against a stand-in for the web on 127.0.0.1 (tests/fake_web.py): the SCO site
with listing pages, a sitemap and a feed, the Internet Archive's index and copies, and pages
that fail in every way the issue lists. No test touches the internet."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

import sco_data
from fake_web import GOLD, USER_AGENT, FakeWeb, Reply, html_reply
from sco_data.cli import main
from sco_data.fetch import FetchOptions, fetch_folder
from sco_data.fetch.manifest import MANIFEST_NAME, folder_lock
from sco_data.fetch.pages import digest, file_name
from sco_data.fetch.run import ALREADY, CHANGED, FAILED, FROM_ARCHIVE, NEW, ROBOTS, UNCHANGED

LIMIT_MB = "0.05"


@pytest.fixture(scope="module")
def web():
    web = FakeWeb().build()
    yield web
    web.close()


@pytest.fixture(scope="module")
def first_run(web, tmp_path_factory):
    """One run of the whole fake web into an empty folder, and the hosts' counts right after it."""
    folder = tmp_path_factory.mktemp("fetched")
    sources = web.sources(tmp_path_factory.mktemp("sources"))
    result = fetch_folder(folder, FetchOptions(sources=str(sources), max_mb=float(LIMIT_MB)))
    return folder, sources, result, web.site.served.copy(), web.site.hits.copy(), web.archive.served.copy()


def live_pages(web: FakeWeb):
    return [page for page in web.pages if not page.old and page is not web.gone]


def archived_pages(web: FakeWeb):
    return [page for page in web.pages if page.old or page is web.gone]


def manifest_rows(folder: Path) -> dict[str, sqlite3.Row]:
    with sqlite3.connect(folder / MANIFEST_NAME) as db:
        db.row_factory = sqlite3.Row
        return {row["url"]: row for row in db.execute("SELECT * FROM pages")}


def assert_manifest_matches_folder(folder: Path) -> None:
    saved = {row["file"]: row["digest"] for row in manifest_rows(folder).values() if row["state"] == "saved"}
    on_disk = {path.name: digest(path.read_bytes()) for path in folder.iterdir() if not path.name.startswith(".")}
    assert on_disk == saved


def test_a_run_fetches_exactly_the_expected_pages(web, first_run):
    folder, _, result, served, hits, archive_served = first_run
    assert sorted(path.name for path in folder.iterdir() if not path.name.startswith(".")) == sorted(
        file_name(web.url(page)) for page in web.pages)
    assert dict(result.counts) == {NEW: len(live_pages(web)), FROM_ARCHIVE: len(archived_pages(web)),
                                   ROBOTS: 1, FAILED: 6}
    reasons = {url: reason for _, url, reason in result.pages}
    assert reasons.keys() == web.problems.keys()
    for url, expected in web.problems.items():
        assert reasons[url].startswith(expected), (url, reasons[url])
    assert result.problems == []
    # Each page read once, from where it was: the live site, or the archive's copy.
    assert all(served[page.path] == 1 for page in live_pages(web))
    assert all(archive_served[f"/web/{page.day}120000id_/{web.url(page)}"] == 1 for page in archived_pages(web))
    # Never asked for: a path robots.txt disallows, the off-site link, a non-release link.
    assert hits["/20240306/9000007.html"] == 0 and hits["/about/"] == 0
    assert sum(web.elsewhere.hits.values()) == 0
    assert_manifest_matches_folder(folder)


def test_the_fetch_is_polite(web, first_run):
    hits = first_run[4]
    for host in (web.site, web.archive):
        assert {headers.get("User-Agent") for _, _, headers in host.log} == {USER_AGENT}
    assert hits["/robots.txt"] == 1 and web.archive.hits["/robots.txt"] == 0
    asked = [(time, path) for time, path, _ in web.site.log]
    throttled = [time for time, path in asked if path == web.throttled.path]
    assert len(throttled) == 2 and throttled[1] - throttled[0] >= 0.95  # Retry-After: 1
    assert hits[web.flaky.path] == 2  # a 500, then the page
    assert hits["/20240301/9000001.html"] == 2  # slower than the time-out, twice (two tries)
    assert hits["/20240302/9000002.html"] == 1 and hits["/20240302/9000003.html"] == 1  # the loop seen, not run


def test_the_manifest_records_where_each_page_came_from(web, first_run):
    folder = first_run[0]
    rows = manifest_rows(folder)
    live = rows[web.url(web.listed[0])]
    assert (live["state"], live["source"], live["http_status"], live["etag"], live["last_modified"]) == (
        "saved", "live", 200, f'"{web.listed[0].number}"', "Mon, 01 Jan 2024 00:00:00 GMT")
    assert live["file"] == file_name(web.url(web.listed[0]))
    assert dt.datetime.fromisoformat(live["fetched_at"]) > dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=5)
    old = rows[web.url(web.pages[0])]
    assert (old["source"], old["captured"]) == ("archive", f"{web.pages[0].day}120000")
    gone = rows[web.url(web.gone)]
    assert (gone["source"], gone["captured"]) == ("archive", f"{web.gone.day}120000")
    assert (rows[web.site.base + "/20240306/9000007.html"]["state"], rows[web.site.base + "/20240305/9000006.html"]["reason"]) == (
        "skipped", "not HTML (application/pdf)")


def test_ingest_of_the_fetched_folder_gives_the_gold_releases(first_run, tmp_path, capsys):
    folder = first_run[0]
    assert main(["ingest", str(folder), "-o", str(tmp_path / "fetched.csv")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "104 files: 92 ok, 12 warning, 0 rejected, 0 skipped"
    fetched = pd.read_csv(tmp_path / "fetched.csv", encoding="utf-8-sig").set_index("release_id").sort_index()
    gold = sco_data.load_corpus(GOLD / "releases", use_cache=False).releases.set_index("release_id").sort_index()
    assert list(fetched.index) == list(gold.index)
    assert fetched["source"].str.fullmatch(r"http://127\.0\.0\.1:\d+/(news/)?\d{8}/\d{6,7}\.html").all()
    columns = ["engagement_type", "sco_official", "counterparts", "location_city", "topics", "title"]
    assert fetched[columns].fillna("").equals(gold[columns].fillna(""))
    # The page's own date is its publication date, never the engagement's: the dates are the same.
    assert gold["event_date"].dt.strftime("%Y-%m-%d").fillna("").equals(fetched["event_date"].fillna(""))


def test_a_second_run_fetches_nothing(web, first_run, capsys):
    folder, sources, _, served, hits, archive_served = first_run
    assert main(["fetch", str(folder), "--sources", str(sources), "--max-mb", LIMIT_MB]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("45 pages: 0 new, 0 changed, 0 unchanged, 0 from the archive, 38 already saved, "
                               "1 skipped by robots.txt, 6 failed")
    releases = [page.path for page in web.pages]
    assert [web.site.served[path] for path in releases] == [served[path] for path in releases]
    assert all(path.startswith("/cdx/search/cdx?") for path in web.archive.served - archive_served)  # no copy

    assert web.site.hits["/news/"] == hits["/news/"] + 1 and web.site.hits["/news/?page=2"] == hits["/news/?page=2"]
    assert_manifest_matches_folder(folder)


def test_a_dry_run_lists_what_it_would_fetch_and_writes_nothing(web, first_run, tmp_path, capsys):
    sources = first_run[1]
    before = web.site.served.copy()
    assert main(["fetch", str(tmp_path / "new"), "--sources", str(sources), "--dry-run"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "110 pages to fetch, 0 already saved, 1 skipped by robots.txt (dry run: nothing fetched)"
    assert f"  fetch     {web.url(web.pages[-1])}" in lines
    assert not (tmp_path / "new").exists()
    assert all(web.site.served[page.path] == before[page.path] for page in web.pages)


def test_since_and_until_filter_on_the_address_date_before_downloading(web, first_run, tmp_path):
    sources = first_run[1]
    before = web.site.hits.copy()
    result = fetch_folder(tmp_path, FetchOptions(sources=str(sources), since=dt.date(2021, 1, 1),
                                                 until=dt.date(2021, 12, 31)))
    in_2021 = [page for page in web.pages if page.day.startswith("2021")]
    assert sorted(path.name for path in tmp_path.iterdir() if not path.name.startswith(".")) == sorted(
        file_name(web.url(page)) for page in in_2021)
    assert result.counts[FAILED] == 0
    assert all(web.site.hits[page.path] == before[page.path] for page in web.pages if page not in in_2021)
    assert any("from=20210101" in path for _, path, _ in web.archive.log)


def test_a_list_of_addresses_from_any_site(web, first_run, tmp_path):
    agency = web.elsewhere
    agency.add("/en/sco-meeting.html", html_reply(web.pages[-1].html()))
    gone = f"{agency.base}/en/old-story.html"
    web.captures.append(("20210101000000", gone, "text/html", "200"))
    web.copies[("20210101000000", gone)] = html_reply(web.pages[-2].html())
    listed = tmp_path / "urls.txt"
    listed.write_text(f"# reports of the same engagements\n\n{agency.base}/en/sco-meeting.html\n"
                      f"ftp://files.example/release.html\n{gone}\n{web.url(web.pages[-3])}\n")
    sources = web.sources(tmp_path, prefixes=())
    result = fetch_folder(tmp_path / "out", FetchOptions(sources=str(sources), urls=str(listed), site=False))
    assert dict(result.counts) == {NEW: 2, FROM_ARCHIVE: 1}
    assert result.problems == ["urls.txt, line 4: not an http(s) address: ftp://files.example/release.html"]
    corpus = sco_data.load_corpus(tmp_path / "out", use_cache=False)
    assert sorted(corpus.releases["source"]) == sorted([f"{agency.base}/en/sco-meeting.html", gone,
                                                        web.url(web.pages[-3])])
    without_archive = fetch_folder(tmp_path / "out2", FetchOptions(sources=str(sources), urls=str(listed),
                                                                   site=False, archive=False))
    assert (FAILED, gone, "gone from the live site (HTTP 404)") in without_archive.pages


def test_conditional_requests_see_unchanged_and_changed_pages(tmp_path):
    web = FakeWeb().small(3)
    try:
        sources = web.sources(tmp_path / "..")
        folder = tmp_path / "out"
        assert fetch_folder(folder, FetchOptions(sources=str(sources))).counts[NEW] == 3
        again = fetch_folder(folder, FetchOptions(sources=str(sources), recheck_days=0))
        assert (again.counts[UNCHANGED], sum(web.site.served[page.path] for page in web.listed)) == (3, 3)
        assert all(headers.get("If-None-Match") for _, path, headers in web.site.log[-3:])
        changed, removed = web.listed[0], web.listed[1]
        web.site.add(changed.path, html_reply(changed.html().replace("</article>", "<p>Corrected.</p></article>"),
                                              ETag='"v2"'))
        web.site.add(removed.path, Reply(404))
        third = fetch_folder(folder, FetchOptions(sources=str(sources), recheck_days=0))
        assert (third.counts[CHANGED], third.counts[UNCHANGED], third.counts[ALREADY]) == (1, 1, 1)
        assert "<p>Corrected.</p>" in (folder / file_name(web.url(changed))).read_text()
        rows = manifest_rows(folder)
        assert rows[web.url(changed)]["etag"] == '"v2"'
        assert rows[web.url(removed)]["reason"] == "gone from the live site (HTTP 404); the saved copy is kept"
        assert (folder / file_name(web.url(removed))).is_file()
        assert_manifest_matches_folder(folder)
    finally:
        web.close()


def test_one_request_per_interval_on_each_host(tmp_path):
    web = FakeWeb().small(4)
    try:
        fetch_folder(tmp_path / "out", FetchOptions(sources=str(web.sources(tmp_path, rate=20))))
        times = [time for time, _, _ in web.site.log]
        # robots.txt, the listing (/news/ and its "page 1" link), the feed, the sitemap index and sitemap, the pages
        assert len(times) == 1 + 2 + 1 + 2 + 4
        assert min(later - earlier for earlier, later in zip(times, times[1:])) >= 0.045
    finally:
        web.close()


def test_exit_status_1_when_nothing_could_be_fetched(tmp_path, capsys):
    web = FakeWeb()
    sources = web.sources(tmp_path)
    web.close()  # nothing answers on its ports any more
    assert main(["fetch", str(tmp_path / "out"), "--sources", str(sources)]) == 1
    captured = capsys.readouterr()
    assert "nothing could be fetched" in captured.err
    assert (f"  problem   listing page {web.site.base}/news/: robots.txt could not be read (could not connect)"
            in captured.out.splitlines())
    assert any(line.startswith("  problem   the archive's index") for line in captured.out.splitlines())


def test_files_that_cannot_be_used_stop_the_command_with_status_2(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[site")
    assert main(["fetch", str(tmp_path / "out"), "--sources", str(bad)]) == 2
    assert main(["fetch", str(tmp_path / "out"), "--urls", str(tmp_path / "missing.txt"), "--no-site", "--no-archive"]) == 2
    assert main(["fetch", str(tmp_path / "out"), "--since", "2022-01-01", "--until", "2021-01-01"]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: not a TOML file" in err and "missing.txt: cannot read" in err and "--since is after --until" in err
    assert not (tmp_path / "out").exists()
    (tmp_path / "damaged").mkdir()
    (tmp_path / "damaged" / MANIFEST_NAME).write_bytes(b"not a database, not at all" * 100)
    assert main(["fetch", str(tmp_path / "damaged"), "--no-site", "--no-archive"]) == 2
    assert main(["fetch", str(bad / "out"), "--no-site", "--no-archive"]) == 2
    err = capsys.readouterr().err
    assert f"the manifest in {tmp_path / 'damaged'} cannot be used (file is not a database)" in err
    assert f"cannot write in {bad / 'out'}: Not a directory" in err


def test_one_fetch_at_a_time_in_a_folder(tmp_path, capsys):
    with folder_lock(tmp_path):
        assert main(["fetch", str(tmp_path), "--no-site", "--no-archive"]) == 2
    assert f"another fetch is filling {tmp_path}" in capsys.readouterr().err


def test_a_host_that_still_refuses_is_left_alone_as_long_as_it_asks(tmp_path):
    web = FakeWeb().small(3)
    try:
        newest, second, third = sorted(web.listed, key=lambda page: page.day, reverse=True)
        web.site.add(newest.path, Reply(429, b"slow down"))
        result = fetch_folder(tmp_path / "a", FetchOptions(sources=str(web.sources(tmp_path, longest_wait_s=0.5))))
        assert (FAILED, web.url(newest), "HTTP 429 (2 tries)") in result.pages and result.counts[NEW] == 2
        refused = max(time for time, path, _ in web.site.log if path == newest.path)
        asked = min(time for time, path, _ in web.site.log if path == second.path)
        assert asked - refused >= 0.45  # a 429 without Retry-After: the longest wait, then on
        web.site.add(newest.path, Reply(429, b"come back tomorrow", {"Retry-After": "3600"}))
        later = fetch_folder(tmp_path / "b", FetchOptions(sources=str(web.sources(tmp_path, longest_wait_s=0.5))))
        assert later.pages[0] == (FAILED, web.url(newest), "HTTP 429: asked to wait 3600 s (longer than 0.5 s)")
        assert [reason for _, _, reason in later.pages[1:]] == [f"{web.site.netloc} asked to wait 3600 s more"] * 2
        assert web.site.hits[second.path] == 1 and web.site.hits[third.path] == 1  # not asked in the second run
    finally:
        web.close()
