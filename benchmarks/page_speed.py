"""The page's speed targets (issue 22), side by side with a bare one-chart page in one run of
headless Chromium:

    python benchmarks/page_speed.py                          # 280 and 20,000 releases; cold start on 1,000
    python benchmarks/page_speed.py --sizes 280 --cold 0     # one size, no cold start

For each size: a synthetic corpus (benchmarks/synthetic.py) is written and parsed once into a
fresh cache; the dashboard (on that warm cache) and bare_page.py are served side by side; then,
in one browser, each page's first visit, returning visits to both in turn, and on returning
visits to the dashboard a filter change, a change of grouping and a switch of view (medians
of three). The cold start starts a dashboard on 1,000 files and an empty cache and times its
first visit, beside the bare page's first visit and the parse alone (`load_corpus` into an
empty cache in a fresh process). Everything is written to a temporary folder that is removed
afterwards. Figures are wall-clock on a shared machine: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import browser
import run
import synthetic

VISITS = 3
# The targets: a returning visit within this many times the bare page's; a filter change,
# grouping or view within this many seconds (at 20,000 releases); a cold start within this
# many times the bare page's first visit, plus the parse.
RETURNING_RATIO = 1.3
INTERACTION_S = 0.5
COLD_RATIO = 2.0


def _median(values: list[float]) -> float:
    return statistics.median(values)


@contextmanager
def pages_side_by_side(folder: Path, cache: Path, root: Path):
    """The dashboard on `folder` (its cache in `cache`) and the bare page, each served, and one
    browser context watching page runs: yields (context, dashboard url, bare page url)."""
    from playwright.sync_api import sync_playwright

    env = {"SCO_DATA_DIR": str(folder), "SCO_DATA_CACHE_DIR": str(cache), "XDG_CACHE_HOME": str(root / "xdg")}
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with browser.served(run.DASHBOARD, env, root / "dashboard.log") as (dash_url, _), \
            browser.served(browser.BARE_PAGE, env, root / "bare.log") as (bare_url, _), \
            sync_playwright() as playwright:
        chrome = playwright.chromium.launch(executable_path=chromium, args=browser.CHROMIUM_ARGS)
        try:
            context = chrome.new_context(viewport=browser.VIEWPORT)
            context.add_init_script(browser.WATCH_PAGE)
            yield context, dash_url, bare_url
        finally:
            chrome.close()


def measure_size(size: int, root: Path, timeout: float) -> dict:
    """Visits and interactions on a corpus of `size` synthetic releases, its cache warm."""
    folder, cache = root / "corpus", root / "cache"
    synthetic.write_synthetic_corpus(folder, size)
    cache.mkdir()
    parsed = run._run_child(["ingest", str(folder), str(cache)], None, timeout)
    row: dict = {"size": size, "parse_s": parsed.get("load_s")}
    with pages_side_by_side(folder, cache, root) as (context, dash_url, bare_url):
        row["bare_first_s"] = browser.visit(context, bare_url, timeout)["done_s"]
        row["dashboard_first_s"] = browser.visit(context, dash_url, timeout)["done_s"]
        bare, dashboard, clicks = [], [], []
        for _ in range(VISITS):
            bare.append(browser.visit(context, bare_url, timeout)["done_s"])
            dashboard.append(browser.visit(context, dash_url, timeout)["done_s"])
        for _ in range(VISITS):
            clicks.append(browser.measure_interactions(context, dash_url, timeout))
    row.update(bare_s=_median(bare), dashboard_s=_median(dashboard),
               ratio=_median([d / b for d, b in zip(dashboard, bare)]))
    for key in clicks[0]:
        row[key] = _median([c[key] for c in clicks])
    return row


def measure_cold(size: int, root: Path, timeout: float) -> dict:
    """The first visit to a dashboard started on `size` files and an empty cache, the bare
    page's first visit, and the parse alone."""
    folder = root / "corpus"
    synthetic.write_synthetic_corpus(folder, size)
    (root / "parse-cache").mkdir()
    parsed = run._run_child(["ingest", str(folder), str(root / "parse-cache")], None, timeout)
    with pages_side_by_side(folder, root / "cache", root) as (context, dash_url, bare_url):
        bare = browser.visit(context, bare_url, timeout)["done_s"]
        cold = browser.visit(context, dash_url, timeout)["done_s"]
    return {"size": size, "cold_s": cold, "bare_first_s": bare, "parse_s": parsed.get("load_s")}


def report(rows: list[dict], cold: dict | None, load: tuple[float, float]) -> str:
    lines = [f"1-min load average {load[0]:.1f} before, {load[1]:.1f} after; seconds; medians of {VISITS}",
             "releases  bare first  dash first  bare back  dash back  back/bare  filter  group by  view  view back"]
    for row in rows:
        lines.append(f"{row['size']:>8,}  {row['bare_first_s']:>10.2f}  {row['dashboard_first_s']:>10.2f}  "
                     f"{row['bare_s']:>9.2f}  {row['dashboard_s']:>9.2f}  {row['ratio']:>8.2f}x  "
                     f"{row['filter_s']:>6.2f}  {row['group_by_s']:>8.2f}  {row['view_s']:>4.2f}  "
                     f"{row['view_back_s']:>9.2f}")
    lines.append(f"targets: back/bare <= {RETURNING_RATIO}x; filter, group by, view <= {INTERACTION_S} s at 20,000")
    if cold:
        budget = COLD_RATIO * cold["bare_first_s"] + (cold["parse_s"] or 0)
        lines.append(f"cold start on {cold['size']:,} files: usable after {cold['cold_s']:.2f} s; bare page's "
                     f"first visit {cold['bare_first_s']:.2f} s, parse {cold['parse_s'] or 0:.2f} s: target "
                     f"<= {COLD_RATIO:g} x {cold['bare_first_s']:.2f} + {cold['parse_s'] or 0:.2f} = {budget:.2f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[280, 20_000])
    parser.add_argument("--cold", type=int, default=1000, help="files for the cold start (0: none)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per page or child run")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    before = os.getloadavg()[0]
    rows, cold = [], None
    for size in args.sizes:
        root = Path(tempfile.mkdtemp(prefix=f"sco-page-{size}-"))
        try:
            rows.append(measure_size(size, root, args.timeout))
        finally:
            shutil.rmtree(root, ignore_errors=True)
        print(f"measured {size:,} releases", file=sys.stderr, flush=True)
    if args.cold:
        root = Path(tempfile.mkdtemp(prefix="sco-page-cold-"))
        try:
            cold = measure_cold(args.cold, root, args.timeout)
        finally:
            shutil.rmtree(root, ignore_errors=True)
    load = (before, os.getloadavg()[0])
    print(json.dumps({"rows": rows, "cold": cold, "load": load}, indent=2) if args.json else report(rows, cold, load))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
