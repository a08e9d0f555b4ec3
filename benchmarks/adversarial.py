"""What hostile input costs: how long files built to stall a parser take to read, and how a
second visitor's page fares while a first uploads the most a session may.

    python benchmarks/adversarial.py [--mb 5] [--no-browser]

First, per file: 5 MB of each pattern that once made the parse quadratic, read one by one
through `load_corpus` (a worker process, the 3 s budget): its size, the seconds the whole load
took (the worker's start included) and the report's status and reason. Then, in headless
Chromium (as benchmarks/browser.py drives it), the dashboard on the bundled sample: a second
visitor's page time idle, and again while a first visitor uploads the maximum a session may
read (explore.sessions.UPLOAD_LIMITS: as many files as allowed, of those patterns, filling the
size allowed), and the ratio of the two. Files go to a temporary folder removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from browser import CHROMIUM_ARGS, REPO, VIEWPORT, WATCH_PAGE, served, visit

import sco_data
from sco_data.corpus.discovery import BYTES_PER_MB
from sco_data.explore.sessions import UPLOAD_LIMITS

LEAD = "SCO Secretary-General meets envoy\n\nOn 3 March 2021, SCO Secretary-General Zhang Ming met "
REPEATED = {
    "between.txt": "between the SCO and ",
    "names.txt": "Zhang Ming and ",
    "abbreviations.txt": "Mr. A ",
    "wrapped.txt": "the wrapped line\n",
}
NESTING_DEPTH = 20_000
VISITS = 3
PAGE_TIMEOUT_S = 180


def stalling_texts(size: int) -> dict[str, str]:
    """File name -> text of about `size` characters, one per stalling pattern."""
    texts = {name: (LEAD + unit * (size // len(unit)))[:size] for name, unit in REPEATED.items()}
    paragraphs = "<p>SCO text.</p>" * ((size - 200) // 16)
    texts["paragraphs.html"] = f"<html><body><article><p>{LEAD}Li Wei.</p>{paragraphs}</article></body></html>"
    nested = "<div>SCO " * NESTING_DEPTH + "</div>" * NESTING_DEPTH
    texts["nested.html"] = f"<html><body><p>{LEAD}Li Wei.</p>{nested}</body></html>".ljust(size)
    return texts


def file_times(folder: Path, mb: float) -> None:
    print(f"{'file':<20}{'MB':>6}{'seconds':>10}  status    reason")
    for name, text in stalling_texts(int(mb * 1_000_000)).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        row = sco_data.load_corpus(path, use_cache=False, workers=1).report.iloc[0]
        seconds = time.perf_counter() - started
        print(f"{name:<20}{path.stat().st_size / 1e6:>6.1f}{seconds:>10.2f}  {row['status']:<9} {row['reason']}")


def most_uploads(folder: Path) -> list[Path]:
    """As many stalling files as a session may upload, together as large as it may upload."""
    size = int(UPLOAD_LIMITS.megabytes * BYTES_PER_MB) // UPLOAD_LIMITS.files
    texts = [text[:size] for name, text in stalling_texts(size).items() if name.endswith(".txt")]
    paths = []
    for number in range(UPLOAD_LIMITS.files):
        path = folder / f"upload-{number:02d}.txt"
        path.write_bytes(texts[number % len(texts)].encode("ascii")[:size])
        paths.append(path)
    return paths


def script_running(page) -> bool:
    return page.evaluate("document.querySelector('[data-testid=\"stApp\"]')"
                         ".getAttribute('data-test-script-state') === 'running'")


def second_visitor(folder: Path) -> None:
    """A second visitor's page, idle and while a first uploads the most a session may."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("second visitor: chromium not found, not measured")
        return
    uploads = most_uploads(folder)
    env = {"SCO_DATA_CACHE_DIR": str(folder / "cache")}
    with served(REPO / "dashboard.py", env, folder / "dashboard.log") as (url, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            second = browser.new_context(viewport=VIEWPORT)
            second.add_init_script(WATCH_PAGE)
            visit(second, url, PAGE_TIMEOUT_S)  # the server reads the folder once
            idle = [visit(second, url, PAGE_TIMEOUT_S)["done_s"] for _ in range(VISITS)]
            first = browser.new_context(viewport=VIEWPORT).new_page()
            first.goto(url)
            first.wait_for_selector('[data-testid="stMetricValue"]', timeout=PAGE_TIMEOUT_S * 1000)
            started = time.perf_counter()
            first.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(p) for p in uploads])
            first.get_by_text("Reading your uploaded files", exact=False).first.wait_for(timeout=PAGE_TIMEOUT_S * 1000)
            loaded = []
            while script_running(first) or not loaded:
                loaded.append(visit(second, url, PAGE_TIMEOUT_S)["done_s"])
            first.wait_for_function("document.querySelector('[data-testid=\"stApp\"]')"
                                    ".getAttribute('data-test-script-state') === 'notRunning'",
                                    timeout=PAGE_TIMEOUT_S * 1000)
            first_s = time.perf_counter() - started
        finally:
            browser.close()
    ratio = statistics.median(loaded) / statistics.median(idle)
    print(f"\n1-minute load average after: {os.getloadavg()[0]:.1f} (2 cores: above 1, the run shared a core)")
    print(f"second visitor's page on the bundled sample, done s: idle {statistics.median(idle):.2f} "
          f"(median of {len(idle)}: {', '.join(f'{s:.2f}' for s in idle)})")
    print(f"while a first uploads {len(uploads)} files of {uploads[0].stat().st_size / 1e6:.1f} MB "
          f"(the most a session may): {statistics.median(loaded):.2f} (median of {len(loaded)}: "
          f"{', '.join(f'{s:.2f}' for s in loaded)}); the first visitor's page was done after {first_s:.1f} s")
    print(f"second-visitor ratio under the maximum upload: {ratio:.2f}x (target <= 1.5x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of each file read alone, in MB (default 5)")
    parser.add_argument("--no-browser", action="store_true", help="skip the second visitor's page times")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sco-adversarial-") as folder:
        file_times(Path(folder), args.mb)
        if not args.no_browser:
            second_visitor(Path(folder))


if __name__ == "__main__":
    main()
