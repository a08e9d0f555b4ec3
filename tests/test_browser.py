"""The real page in headless Chromium: charts drawn, no exception, a filter and a click on a
bar change the page, the map is drawn with the network blocked, screenshots of every view; and
as a visitor probing it: /etc refused, a hostile release drawn without one link, image or bold
element, a second visitor answered while files built to stall a parser are read. The analyst's
day (issue 22) is in test_browser_reading.py.

Starts `streamlit run dashboard.py` on a free loopback port and drives it with Playwright;
with SCO_SAVE_SCREENSHOTS=1 the screenshots go into docs/. Skipped when Chromium or Playwright
is missing, unless SCO_REQUIRE_BROWSER=1, which turns the skip into a failure (for CI machines
that have both).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import sco_data

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = REPO_ROOT / "docs" / "screenshot.png"
GOLD = REPO_ROOT / "tests" / "gold" / "releases"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT_S = 60
PAGE_TIMEOUT_MS = 60_000
# The narrowest screen the page is made for: every screenshot is taken at this width.
VIEWPORT = {"width": 1024, "height": 900}
# The analyst's screen: the tables are laid out to show every column at this width.
READING_VIEWPORT = {"width": 1440, "height": 900}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def _missing(reason: str) -> None:
    if os.environ.get("SCO_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (SCO_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer on {url} within {START_TIMEOUT_S} s")


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        _missing("chromium is not installed")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing("playwright is not installed")
    return path


@contextlib.contextmanager
def streamlit_server(tmp_path: Path, extra_env: dict[str, str]):
    """Run `streamlit run dashboard.py` on a free loopback port; yield its URL; always stop it."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {
        **os.environ,
        "SCO_DATA_CACHE_DIR": str(tmp_path / "cache"),
        **extra_env,
    }
    if "SCO_DATA_DIR" not in extra_env:
        env.pop("SCO_DATA_DIR", None)
    with (tmp_path / "streamlit.log").open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "dashboard.py"),
             "--server.headless", "true", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
             "--browser.gatherUsageStats", "false"],
            cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_up(url, server)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)


@pytest.fixture(scope="module")
def server_url(chromium_path: str, tmp_path_factory: pytest.TempPathFactory):
    with streamlit_server(tmp_path_factory.mktemp("bundled"), {}) as url:
        yield url


@pytest.fixture(scope="module")
def gold_url(chromium_path: str, tmp_path_factory: pytest.TempPathFactory):
    # Relative to the server's working folder (the checkout), so screenshots name no machine path.
    with streamlit_server(tmp_path_factory.mktemp("gold"), {"SCO_DATA_DIR": str(GOLD.relative_to(REPO_ROOT))}) as url:
        yield url


@pytest.fixture()
def page(chromium_path: str):
    """A Chromium page that can reach only this machine: every other request is blocked, and
    recorded in `page.blocked_requests`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.blocked_requests = []

            def only_loopback(route):
                host = urllib.parse.urlsplit(route.request.url).hostname or ""
                if route.request.url.startswith(("data:", "blob:")) or host in LOOPBACK_HOSTS \
                        or f"[{host}]" in LOOPBACK_HOSTS:
                    route.continue_()
                else:
                    page.blocked_requests.append(route.request.url)
                    route.abort()

            context.route("**/*", only_loopback)
            yield page
        finally:
            browser.close()


def _wait_for_charts(page, count: int) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot').length >= {count}",
        timeout=PAGE_TIMEOUT_MS,
    )
    page.wait_for_selector('[data-testid="stMetricValue"]')
    # Streamlit marks the app as running while a script run is in progress.
    page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=PAGE_TIMEOUT_MS
    )


def _screenshot_path(name: str, folder: Path) -> Path:
    """docs/NAME when SCO_SAVE_SCREENSHOTS=1 (to refresh the docs' pictures), else the test's
    own folder, so that a test run leaves the checkout unchanged."""
    return (REPO_ROOT / "docs" if os.environ.get("SCO_SAVE_SCREENSHOTS") == "1" else folder) / name


def _save_screenshot(page, folder: Path, name: str = SCREENSHOT.name) -> None:
    """The whole page at the viewport's width: the viewport grows to the content's height,
    since Streamlit scrolls inside its own container rather than the document."""
    target = _screenshot_path(name, folder)
    height = page.evaluate(
        "document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight"
    )
    page.set_viewport_size({"width": VIEWPORT["width"], "height": int(height) + 60})
    page.wait_for_timeout(1500)  # plotly redraws for the new size
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=True)
    page.set_viewport_size(VIEWPORT)


def _metric(page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]', has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_page_draws_charts_and_a_filter_changes_it(page, server_url, tmp_path):
    page.goto(server_url)
    _wait_for_charts(page, 1)
    assert page.locator(".js-plotly-plot").count() == 1  # only the open section is drawn
    assert page.locator('[data-testid="stException"]').count() == 0
    assert _metric(page, "Engagements") == "3"

    _save_screenshot(page, tmp_path)

    # Pick "Phone call" in the engagement-type multiselect of the sidebar.
    sidebar = page.locator('[data-testid="stSidebar"]')
    select = sidebar.locator('[data-testid="stMultiSelect"]', has_text="Engagement type")
    select.locator("input").click()
    page.get_by_role("option", name="Phone call").click()
    page.keyboard.press("Escape")
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
            .some(m => m.innerText.includes('Engagements') && m.innerText.includes('\\n1'))""",
        timeout=PAGE_TIMEOUT_MS,
    )
    assert _metric(page, "Engagements") == "1"
    assert "type=phone_call" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0


HOSTILE_RELEASE = """\
SCO Secretary-General meets envoy

On 1 June 2022, SCO Secretary-General Zhang Ming met with Ambassador of Iran to China \
Mohammad Keshavarzzadeh in Beijing. The envoy wrote <script>window.__xss = 1</script> and \
<img src=x onerror="window.__xss = 2"> and **not bold** in the margin.
"""


# "envoy <RLO>txt.exe" showed as "envoy exe.txt"; a zero-width space hid in a title.
BIDI_RELEASE = """\
SCO Secretary-General meets envoy \u202etxt.exe

On 2 June 2022, SCO Secretary-General Zhang Ming met with Special\u200b Envoy \u2066of Iran\u2069 \
Mohammad Keshavarzzadeh in Beijing. He sent \u202etxt.exe along.
"""
HIDDEN_IN_PAGE = """() => [...document.body.textContent].filter(c => /[\\u202a-\\u202e\\u2066-\\u2069\\u200b]/.test(c))
    .map(c => c.codePointAt(0).toString(16))"""


def test_release_text_is_shown_literally(page, tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE_RELEASE, encoding="utf-8")
    (folder / "envoy \u202etxt.exe.txt").write_text(BIDI_RELEASE, encoding="utf-8")
    with streamlit_server(tmp_path, {"SCO_DATA_DIR": str(folder)}) as url:
        page.goto(url + "?section=releases")
        page.get_by_text("Marked in the text").wait_for()
        _wait_for_charts(page, 0)
        assert _metric(page, "Engagements") == "2"
        # Bidirectional controls are shown by name and zero-width characters removed, in the
        # headline, the text, the tables, the hovers and the file names alike.
        page.locator("h3").filter(has_text="envoy ⟨RLO⟩txt.exe").first.wait_for()  # the newest release's headline
        assert page.evaluate(HIDDEN_IN_PAGE) == []
        page.goto(url + "?section=releases&release=" + sco_data.parse_release(HOSTILE_RELEASE).release_id)
        page.get_by_text("Marked in the text").wait_for()
        main = page.locator('[data-testid="stMain"]')
        main.get_by_text("<script>window.__xss = 1</script>", exact=False).first.wait_for()
        assert main.get_by_text('<img src=x onerror="window.__xss = 2">', exact=False).count() >= 1
        assert main.get_by_text("**not bold**", exact=False).count() >= 1
        assert page.evaluate("window.__xss") is None
        assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0


UPLOADED_RELEASE = """\
SCO Secretary-General has a telephone conversation with Foreign Minister of Kyrgyzstan

On 3 March 2022, SCO Secretary-General Zhang Ming had a telephone conversation with Minister \
of Foreign Affairs of Kyrgyzstan Ruslan Kazakbaev. They discussed preparations for the summit.
"""


def test_uploaded_file_joins_the_corpus(page, server_url, tmp_path):
    upload = tmp_path / "kyrgyz_call.txt"
    upload.write_text(UPLOADED_RELEASE, encoding="utf-8")
    page.goto(server_url)
    _wait_for_charts(page, 1)
    assert _metric(page, "Engagements") == "3"
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
            .some(m => m.innerText.includes('Engagements') && m.innerText.includes('\\n4'))""",
        timeout=PAGE_TIMEOUT_MS,
    )
    assert page.locator('[data-testid="stException"]').count() == 0


def _wait_for_metric(page, label: str, value: str) -> None:
    page.wait_for_function(
        """([label, value]) => [...document.querySelectorAll('[data-testid="stMetric"]')]
            .some(m => m.innerText.includes(label) && m.innerText.split('\\n').includes(value))""",
        arg=[label, value], timeout=PAGE_TIMEOUT_MS,
    )


# The countries the map drew: their outline paths, each bound by plotly to its location.
COUNTRY_PATHS = """() => [...document.querySelectorAll('path.choroplethlocation')]
    .filter(p => (p.getAttribute('d') || '').length > 20).map(p => p.__data__ && p.__data__.loc)"""


def test_the_map_draws_country_shapes_with_the_network_blocked(page, gold_url, tmp_path):
    page.set_viewport_size(READING_VIEWPORT)
    page.goto(gold_url + "?section=map")
    _wait_for_charts(page, 1)
    page.wait_for_function(f"({COUNTRY_PATHS})().length > 50", timeout=PAGE_TIMEOUT_MS)
    drawn = page.evaluate(COUNTRY_PATHS)
    assert len(drawn) > 50  # the countries in the map's view
    assert {"Kazakhstan", "China", "Uzbekistan", "Russia"} <= set(drawn)
    assert page.locator(".scattergeo .point").count() >= 10  # the places
    # No point hides another: their drawn circles do not overlap.
    boxes = page.evaluate("""() => [...document.querySelectorAll('.scattergeo .point')].map(p => {
        const b = p.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2, b.width / 2]; })""")
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 < a[2] + b[2] - 1]
    assert overlapping == []
    # Nothing was asked of any other machine: no outline file, no tiles, no fonts.
    assert page.blocked_requests == []
    assert page.locator('[data-testid="stException"]').count() == 0
    chart = page.locator('[data-testid="stPlotlyChart"]').filter(has=page.locator("path.choroplethlocation"))
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    chart.screenshot(path=str(_screenshot_path("screenshot-map.png", tmp_path)))


def test_clicking_a_bar_filters_the_page(page, server_url):
    page.goto(server_url)
    _wait_for_charts(page, 1)
    assert _metric(page, "Engagements") == "3"
    time_chart = page.locator(".js-plotly-plot").first
    time_chart.scroll_into_view_if_needed()
    calls = time_chart.locator(".trace.bars").nth(1)  # Meeting, then Phone call
    bars = [calls.locator(".point path").nth(i).bounding_box() for i in range(calls.locator(".point").count())]
    bar = max(bars, key=lambda box: box["height"] if box else 0)  # the one quarter with a call
    page.mouse.click(bar["x"] + bar["width"] / 2, bar["y"] + min(bar["height"] / 2, 20))
    _wait_for_metric(page, "Engagements", "1")
    assert "type=phone_call" in page.url and "from=2020-04-01" in page.url and "to=2020-06-30" in page.url
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Phone call" in sidebar.locator('[data-testid="stMultiSelect"]', has_text="Engagement type").inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0


def test_views_reached_by_their_links(page, gold_url, tmp_path):
    page.goto(gold_url + "?view=profile&profile=country:Uzbekistan")
    _wait_for_charts(page, 3)
    assert page.get_by_text("8 engagements with Uzbekistan").count() == 1
    assert page.locator('[data-testid="stException"]').count() == 0
    _save_screenshot(page, tmp_path, "screenshot-profile.png")
    page.goto(gold_url + "?view=officials")
    _wait_for_charts(page, 1)
    assert page.get_by_text("Engagements per month of term").count() >= 1
    _save_screenshot(page, tmp_path, "screenshot-officials.png")


def test_the_evidence_view_marks_and_tags_what_was_read(page, server_url, tmp_path):
    page.goto(server_url + "?from=2019-05-26&to=2019-05-26&section=releases&q=cooperation")
    legend = page.get_by_text("Marked in the text and the headline")
    legend.wait_for()
    text = page.locator('[data-testid="stVerticalBlock"]').filter(has_text="On 26 May 2019").last
    shown = text.inner_text()
    # Each mark is followed by its tag (the page shows them side by side).
    for marked_and_tag in ("26 May 2019date", "Vladimir NorovSCO official", "Shen Yueyuecounterpart",
                           "Fangchenggangplace", "Cooperation Forumoccasion", "women'sWomen and gender",
                           "cooperationsearched"):  # a searched word, where nothing extracted marks it
        assert marked_and_tag in shown
    headline = page.locator("h3").filter(has_text="Shen Yueyue").first
    headline.evaluate("e => e.scrollIntoView({block: 'start'})")  # the releases table is above it
    page.wait_for_timeout(300)
    top, legend_box, bottom = headline.bounding_box(), legend.bounding_box(), text.bounding_box()
    assert top["y"] < legend_box["y"] < bottom["y"]
    clip = {"x": bottom["x"] - 10, "y": top["y"] - 10, "width": bottom["width"] + 20,
            "height": min(bottom["y"] + bottom["height"], VIEWPORT["height"]) - top["y"] + 10}
    page.screenshot(path=str(_screenshot_path("screenshot-evidence.png", tmp_path)), clip=clip)


def test_a_visitor_cannot_open_a_system_folder(page, server_url):
    page.goto(server_url)
    _wait_for_charts(page, 1)
    box = page.locator('[data-testid="stSidebar"] input[aria-label="Folder of releases"]')
    box.fill("/etc")
    box.press("Enter")
    page.get_by_text("Not reading /etc: outside the allowed folders", exact=False).wait_for()
    _wait_for_charts(page, 1)
    assert _metric(page, "Engagements") == "3"  # the bundled sample it started with
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "passwd" not in text and "hostname" not in text
    assert page.locator('[data-testid="stException"]').count() == 0
    # A NUL byte in a link's folder replaced the page with Streamlit's error screen.
    page.goto(server_url + "?folder=%2Fetc%00")
    page.get_by_text("outside the allowed folders", exact=False).first.wait_for()
    _wait_for_charts(page, 1)
    assert _metric(page, "Engagements") == "3"
    assert page.locator('[data-testid="stException"]').count() == 0


PAYLOAD_RELEASE = """\
SCO Secretary-General meets <b>bold</b> envoy <a href="http://evil.example/h">link</a>

On 1 June 2022, SCO Secretary-General Zhang Ming met with <b>Special</b> <i>Envoy</i> of Iran \
<img src=x onerror="window.__xss = 3"> Mohammad Keshavarzzadeh in Beijing. See \
<a href="http://evil.example/t">this</a>, [a link](http://evil.example/m), https://evil.example/raw, www.evil.example, press@evil.example and :warning:.
The sides discussed cooperation in trade and in trade facilitation.
"""
WORD_JOINER = "\u2060"  # what the page puts in "http://", "www." and "a@b" to keep them text
# What the payload would make if any of it were read as markup, anywhere in the document
# (plotly draws <b> as a bold tspan and <a href> as an SVG link).
MARKUP_FROM_PAYLOAD = """() => [
    ...document.querySelectorAll('a[href*="evil.example"], img[src="x"]'),
    ...[...document.querySelectorAll('b, i, tspan')].filter(e => e.tagName !== 'tspan'
        || /font-weight: ?bold|font-style: ?italic/.test(e.getAttribute('style') || '')),
].filter(e => /evil|^(?:bold|Special|Envoy|link)$/.test(e.getAttribute('href') || e.textContent.trim()))
 .map(e => e.outerHTML)"""


def test_a_payload_release_makes_no_links_bold_or_images_anywhere(page, tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    for seed in (REPO_ROOT / "data" / "releases").glob("*.txt"):
        shutil.copy(seed, folder)
    # Met twice, so the counterparts chart ranks (one meeting each is listed as a table instead).
    (folder / "payload.txt").write_text(PAYLOAD_RELEASE, encoding="utf-8")
    (folder / "payload-again.txt").write_text(PAYLOAD_RELEASE.replace("1 June", "2 June"), encoding="utf-8")
    with streamlit_server(tmp_path, {"SCO_DATA_DIR": str(folder)}) as url:
        page.goto(url + "?section=releases")
        page.get_by_text("Marked in the text").wait_for()
        assert _metric(page, "Engagements") == "5"
        shown = page.locator('[data-testid="stMain"]').inner_text().replace(WORD_JOINER, "")
        assert "[a link](http://evil.example/m), https://evil.example/raw, www.evil.example, " \
               "press@evil.example and :warning:." in shown
        assert page.evaluate(MARKUP_FROM_PAYLOAD) == []
        for section in ("network", "people"):  # names in the network's labels and hovers, then the charts'
            page.goto(url + ("?view=network" if section == "network" else "?section=people"))
            _wait_for_charts(page, 1)
            assert page.evaluate(MARKUP_FROM_PAYLOAD) == []
        counterparts = page.locator(".js-plotly-plot", has_text="Counterparts met most often").first
        counterparts.scroll_into_view_if_needed()
        bar = counterparts.locator(".point path").first.bounding_box()
        page.mouse.move(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2)
        hover = page.locator(".hoverlayer .hovertext").first
        hover.wait_for()
        assert "<b>Special</b> <i>Envoy</i> of Iran" in hover.text_content()
        assert page.evaluate(MARKUP_FROM_PAYLOAD) == []
        assert page.evaluate("window.__xss") is None
        assert page.locator('[data-testid="stException"]').count() == 0


# Files of 5 MB that once made the parse quadratic: each is now read, or stopped by the time
# budget, in a worker process (sco_data.corpus.workers), away from the page's thread.
STALLING_UNITS = {"between.txt": "between the SCO and ", "names.txt": "Zhang Ming and ",
                  "abbreviations.txt": "Mr. A ", "wrapped.txt": "the wrapped line\n"}
STALLING_BYTES = 5_000_000


def test_a_second_visitor_is_answered_while_huge_files_are_read(page, tmp_path):
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    lead = "SCO Secretary-General meets envoy\n\nOn 3 March 2021, SCO Secretary-General Zhang Ming met "
    for name, unit in STALLING_UNITS.items():
        (hostile / name).write_text((lead + unit * (STALLING_BYTES // len(unit)))[:STALLING_BYTES], encoding="utf-8")
    (hostile / "paragraphs.html").write_text(
        f"<html><body><article><p>{lead}Li Wei.</p>" + "<p>SCO text.</p>" * ((STALLING_BYTES - 200) // 16)
        + "</article></body></html>", encoding="utf-8")
    with streamlit_server(tmp_path, {"SCO_DATA_ROOTS": str(tmp_path)}) as url:
        page.goto(url + "?folder=" + urllib.parse.quote(str(hostile)))
        page.get_by_text("Reading releases", exact=False).first.wait_for()
        other = page.context.browser.new_context(viewport=VIEWPORT).new_page()
        other.goto(url)
        _wait_for_charts(other, 1)
        assert _metric(other, "Engagements") == "3"
        # The first visitor's files are still being read when the second has a whole page.
        assert page.get_by_text("Reading releases", exact=False).count() >= 1
        page.get_by_text("None of the files could be read as a release", exact=False).wait_for()
        assert _metric(page, "Rejected") == "5"  # the reasons, in the report table, are the store tests' concern
        assert page.locator('[data-testid="stException"]').count() == 0


def test_uploads_past_a_sessions_budget_are_refused_and_no_other_visitor_sees_any(page, server_url, tmp_path):
    """Uploads were cached across sessions, without a limit: 50 files of 5 MB held both cores
    for minutes. Two files built to stall a parser and ten releases: ten files are read (10 MB
    in all), the last two refused in words, while a second visitor sees the folder alone."""
    lead = "SCO Secretary-General meets envoy\n\nOn 3 March 2021, SCO Secretary-General Zhang Ming met "
    files = []
    for name, unit in list(STALLING_UNITS.items())[:2]:
        files.append(tmp_path / name)
        files[-1].write_text((lead + unit * (4_900_000 // len(unit)))[:4_900_000], encoding="utf-8")
    for day in range(1, 11):
        files.append(tmp_path / f"call-{day:02d}.txt")
        files[-1].write_text(UPLOADED_RELEASE.replace("3 March", f"{day} April"), encoding="utf-8")
    page.goto(server_url)
    _wait_for_charts(page, 1)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(path) for path in files])
    other = page.context.browser.new_context(viewport=VIEWPORT).new_page()
    other.goto(server_url)
    _wait_for_charts(other, 1)
    assert _metric(other, "Engagements") == "3"
    page.get_by_text("Not reading 2 uploaded files: a visitor's session reads at most 10 uploaded files of 10 MB "
                     "in all.", exact=False).first.wait_for()
    _wait_for_metric(page, "Engagements", "11")  # the eight releases read; the stalling files rejected
    assert page.get_by_text("and 10 uploaded files", exact=False).count() == 1
    other.reload()
    _wait_for_charts(other, 1)
    assert _metric(other, "Engagements") == "3"
    assert page.locator('[data-testid="stException"]').count() == 0


def test_a_reader_corrects_a_release_in_the_page(page, tmp_path):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    folder = tmp_path / "releases"
    shutil.copytree(REPO_ROOT / "data" / "releases", folder)
    with streamlit_server(tmp_path, {"SCO_DATA_DIR": str(folder)}) as url:
        page.goto(url + "?section=releases")
        page.get_by_text("Correct this release").wait_for()
        _wait_for_charts(page, 0)  # the run is over: a click now is not undone by its end
        assert _metric(page, "Counterparts") == "3"
        page.get_by_text("Correct this release").click()
        option = page.get_by_role("option", name="Counterparts")
        for _ in range(5):  # a click while the form still opens may not open the list
            page.get_by_label("Field").click()
            try:
                option.wait_for(timeout=3000)
                break
            except PlaywrightTimeout:
                page.keyboard.press("Escape")
        option.click()
        page.get_by_role("textbox", name="Corrected value").fill("add: Li Qiang | Governor of Henan Province | China")
        page.get_by_label("Note").fill("named in the photo caption")
        page.get_by_label("Note").press("Tab")
        page.get_by_role("button", name="Save the correction").click()
        _wait_for_metric(page, "Counterparts", "4")
        page.get_by_text("Saved the correction of counterparts").first.wait_for()  # said on the page
        assert (folder / "sco-corrections.csv").read_text(encoding="utf-8").count("Li Qiang") == 1
        page.get_by_text("Correct this release").click()  # open again, as a reader about to add another
        _save_region(page, tmp_path, "screenshot-corrections.png",
                     page.get_by_text("Corrected by a reader", exact=False).first,
                     page.locator('[data-testid="stExpander"]', has_text="Correct this release").first)
        assert page.locator('[data-testid="stException"]').count() == 0


def _save_region(page, folder: Path, name: str, first, last) -> None:
    """The part of the page from the top of `first` to the bottom of `last`, at full width."""
    height = page.evaluate("document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": int(height) + 60})
    page.wait_for_timeout(1500)  # plotly redraws for the new size
    top, bottom = first.bounding_box(), last.bounding_box()
    page.screenshot(path=str(_screenshot_path(name, folder)), clip={
        "x": 0, "y": top["y"] - 12, "width": VIEWPORT["width"], "height": bottom["y"] + bottom["height"] - top["y"] + 24})
    page.set_viewport_size(VIEWPORT)
