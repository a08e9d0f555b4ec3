"""Page times in headless Chromium: the dashboard and a bare one-chart page, side by side.

Both are served by `streamlit run` on loopback ports with the same settings; Chromium (the
system's `chromium`, driven by Playwright) opens each in turn. A script injected before the
page loads watches it on every animation frame and notes, in milliseconds since navigation
began, when the first plotly chart is drawn and when the page is done: the script run over,
every chart drawn and every table painted.
"""

from __future__ import annotations

import os
import re
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
# A click the server does not answer within this many seconds is taken as lost; a page whose
# content has not changed for QUIET_S seconds is done.
CLICK_ANSWERED_S = 20
QUIET_S = 0.6

# Noted in window.__page: firstChart and done, in ms since navigation began (performance.now());
# `ready`, whether the page is done now (no script run, every chart drawn, every table painted,
# nothing stale); and `changed`, when the page's content last changed (hover labels aside).
WATCH_PAGE = """
(() => {
  const page = window.__page = {firstChart: null, done: null, ready: false, changed: 0};
  const drawn = el => el.querySelector('.main-svg') !== null;
  new MutationObserver(records => {
    if (records.some(r => !(r.target.closest && r.target.closest('.hoverlayer')))) page.changed = performance.now();
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  const tick = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    if (page.firstChart === null && charts.some(drawn)) page.firstChart = performance.now();
    const tables = [...document.querySelectorAll('[data-testid="stDataFrame"]')];
    page.ready = Boolean(app && app.getAttribute('data-test-script-state') === 'notRunning' && charts.length
      && charts.every(drawn) && tables.every(t => t.querySelector('canvas'))
      && !document.querySelector('[data-stale="true"]'));
    if (page.ready && page.done === null) page.done = performance.now();
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


def interact(page, answers: list, act, timeout_s: float) -> float:
    """Seconds from `act()`'s last step (a click on the page) to the page done again: the
    server answered the click (a message on the page's websocket, counted in `answers`: a run
    served from memory can start and end between two frames, so the page's run state alone may
    never show it), the page is ready, and its content has not changed for QUIET_S; the time is
    that of its last change. `act` is a pair of callables: what leads to the click (opening a
    list; not timed), and the click. A click not answered within CLICK_ANSWERED_S is made again."""
    prepare, click = act
    for attempt in range(2):
        prepare()
        before = len(answers)
        mark = page.evaluate("performance.now()")
        click()
        deadline = time.monotonic() + CLICK_ANSWERED_S
        while len(answers) == before and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        if len(answers) > before:
            break
        if attempt:
            raise RuntimeError("the server never answered a click")
    page.wait_for_function(
        "([m, quiet]) => window.__page.ready && window.__page.changed > m"
        " && performance.now() - window.__page.changed > quiet",
        arg=[mark, QUIET_S * 1000], timeout=timeout_s * 1000, polling=50)
    return (page.evaluate("window.__page.changed") - mark) / 1000


def count_answers(page) -> list:
    """A list that grows by one for each message the server sends the page."""
    received: list = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda _: received.append(1)))
    return received


def _choose(page, kind: str, name: str):
    """A click on the choice `name` of a radio group, tab bar or segmented control."""
    exact = re.compile(f"^{re.escape(name)}$")
    for found in (page.locator('[data-testid="stRadio"] label').filter(has_text=exact),
                  page.get_by_role("tab", name=name, exact=True),
                  page.get_by_role("button", name=name, exact=True)):
        if found.count():
            return (lambda: None), (lambda: found.first.click())
    raise RuntimeError(f"no {kind} choice {name!r} on the page")


def _pick_type(page):
    select = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]', has_text="Engagement type")

    option = page.get_by_role("option", name="Phone call")

    def open_list():
        select.locator("input").click()
        option.wait_for()
    return open_list, (lambda: option.click())


def measure_interactions(context, url: str, timeout_s: float) -> dict:
    """On a returning visit: a filter change (engagement type: Phone call), a change of grouping
    (by month) and a switch of view (to the Secretaries-General and back), in seconds each."""
    page = context.new_page()
    answers = count_answers(page)
    try:
        page.goto(url)
        page.wait_for_function("window.__page && window.__page.done !== null", timeout=timeout_s * 1000,
                               polling=100)
        result = {"filter_s": interact(page, answers, _pick_type(page), timeout_s)}
        page.keyboard.press("Escape")
        result["group_by_s"] = interact(page, answers, _choose(page, "grouping", "Month"), timeout_s)
        result["view_s"] = interact(page, answers, _choose(page, "view", "Secretaries-General"), timeout_s)
        result["view_back_s"] = interact(page, answers, _choose(page, "view", "Overview"), timeout_s)
        if page.locator('[data-testid="stException"]').count():
            raise RuntimeError(f"the page at {url} shows an exception")
        return result
    finally:
        page.close()


def _summary(visits: list[dict]) -> dict:
    out = {}
    for key in visits[0]:
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
