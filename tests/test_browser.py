"""The real page in headless Chromium: charts drawn, no exception, a filter changes the page.

Starts `streamlit run dashboard.py` on a free loopback port, drives it with Playwright and
saves docs/screenshot.png. Skipped when Chromium or Playwright is missing, unless
SCO_REQUIRE_BROWSER=1, which turns the skip into a failure (for CI machines that have both).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = REPO_ROOT / "docs" / "screenshot.png"
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
VIEWPORT = {"width": 1400, "height": 1000}


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
        # The test machine has no internet: draw the map without the CDN's outlines.
        "SCO_MAP_OUTLINES": "0",
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


@pytest.fixture()
def page(chromium_path: str, server_url: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
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


def _save_screenshot(page, folder: Path) -> None:
    """A full-page screenshot: into docs/ when SCO_SAVE_SCREENSHOTS=1 (to refresh the README's
    picture), else into the test's own folder, so a test run leaves the checkout unchanged."""
    target = SCREENSHOT if os.environ.get("SCO_SAVE_SCREENSHOTS") == "1" else folder / SCREENSHOT.name
    """The whole page at 1400 px wide: the viewport grows to the content's height, since
    Streamlit scrolls inside its own container rather than the document."""
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
    _wait_for_charts(page, 4)
    assert page.locator(".js-plotly-plot").count() >= 4
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


def test_release_text_is_shown_literally(page, tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE_RELEASE, encoding="utf-8")
    with streamlit_server(tmp_path, {"SCO_DATA_DIR": str(folder)}) as url:
        page.goto(url)
        _wait_for_charts(page, 4)
        assert _metric(page, "Engagements") == "1"
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
    _wait_for_charts(page, 4)
    assert _metric(page, "Engagements") == "3"
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
            .some(m => m.innerText.includes('Engagements') && m.innerText.includes('\\n4'))""",
        timeout=PAGE_TIMEOUT_MS,
    )
    assert page.locator('[data-testid="stException"]').count() == 0
