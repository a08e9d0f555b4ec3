"""Page times in headless Chromium: the dashboard and a bare one-chart page, side by side.

Both are served by `streamlit run` on loopback ports with the same settings; Chromium (the
system's `chromium`, driven by Playwright) opens each in turn. A script injected before the
page loads watches it on every animation frame and notes, in milliseconds since navigation
began, when the first plotly chart is drawn and when the page is done: the script run over,
every chart drawn and every table painted.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BARE_PAGE = Path(__file__).resolve().parent / "bare_page.py"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 900}
START_TIMEOUT_S = 120
# Returning visits per page; the figures are their median, with the range beside it.
RETURNING_VISITS = 3

# Noted in window.__page: firstChart and done, in ms since navigation began (performance.now()).
WATCH_PAGE = """
(() => {
  const page = window.__page = {firstChart: null, done: null};
  const drawn = el => el.querySelector('.main-svg') !== null;
  const tick = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    if (page.firstChart === null && charts.some(drawn)) page.firstChart = performance.now();
    const tables = [...document.querySelectorAll('[data-testid="stDataFrame"]')];
    if (app && app.getAttribute('data-test-script-state') === 'notRunning' && charts.length
        && charts.every(drawn) && tables.every(t => t.querySelector('canvas'))) {
      page.done = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(script: Path, env: dict[str, str], log: Path):
    """`streamlit run script` on a free loopback port: yields (url, seconds until it answered)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    with log.open("w") as out:
        start = time.perf_counter()
        server = subprocess.Popen(command, cwd=REPO, env={**os.environ, **env}, stdout=out,
                                  stderr=subprocess.STDOUT)
        try:
            while True:
                if server.poll() is not None or time.perf_counter() - start > START_TIMEOUT_S:
                    raise RuntimeError(f"{script.name} did not start (see {log})")
                try:
                    with urllib.request.urlopen(url + "_stcore/health", timeout=2):
                        break
                except OSError:
                    time.sleep(0.1)
            yield url, time.perf_counter() - start
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def visit(context, url: str, timeout_s: float) -> dict:
    """Open the page in a new tab of the context; seconds to the first chart and to done."""
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_function("window.__page && window.__page.done !== null", timeout=timeout_s * 1000,
                               polling=100)
        noted = page.evaluate("window.__page")
        if page.locator('[data-testid="stException"]').count():
            raise RuntimeError(f"the page at {url} shows an exception")
        return {"first_chart_s": noted["firstChart"] / 1000, "done_s": noted["done"] / 1000}
    finally:
        page.close()


def _summary(visits: list[dict]) -> dict:
    out = {}
    for key in ("first_chart_s", "done_s"):
        values = [v[key] for v in visits]
        out[key] = statistics.median(values)
        out[key + "_range"] = [min(values), max(values)]
    return out


def measure_pages(dashboard: Path, env: dict[str, str], workdir: Path, timeout_s: float) -> dict:
    """Start both servers, then: each page's first visit (the dashboard's reads the warm disk
    cache into a fresh server), and returning visits alternating between the two pages."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return {"error": "chromium not found"}
    result: dict = {}
    with served(dashboard, env, workdir / "dashboard.log") as (dash_url, dash_up), \
            served(BARE_PAGE, env, workdir / "bare.log") as (bare_url, bare_up), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            context.add_init_script(WATCH_PAGE)
            result["bare_first"] = visit(context, bare_url, timeout_s)
            result["dashboard_first"] = visit(context, dash_url, timeout_s)
            returning: dict[str, list[dict]] = {"bare": [], "dashboard": []}
            for _ in range(RETURNING_VISITS):
                returning["bare"].append(visit(context, bare_url, timeout_s))
                returning["dashboard"].append(visit(context, dash_url, timeout_s))
        finally:
            browser.close()
    result["server_up_s"] = {"dashboard": dash_up, "bare": bare_up}
    result["bare_returning"] = _summary(returning["bare"])
    result["dashboard_returning"] = _summary(returning["dashboard"])
    result["ratio"] = result["dashboard_returning"]["done_s"] / result["bare_returning"]["done_s"]
    result["ratios"] = [d["done_s"] / b["done_s"] for d, b in zip(returning["dashboard"], returning["bare"])]
    return result
