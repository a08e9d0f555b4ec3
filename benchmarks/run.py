"""Scale benchmark: synthetic corpora of growing size, cold and warm ingest, dashboard reruns.

    python benchmarks/run.py                        # 1,000 and 10,000 releases
    python benchmarks/run.py --sizes 1000 10000 100000 --keep
    python benchmarks/run.py --sizes --profile 2000 # only profile parse_release
    python benchmarks/run.py --no-browser           # AppTest only, no Chromium

Each measurement that must start cold runs in a fresh Python process (this file, called
with --child), which prints one JSON line with its timings and peak memory. See README.md
in this folder for what each column means.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.metadata
import inspect
import io
import json
import os
import platform
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synthetic
from browser import RETURNING_VISITS

REPO = Path(__file__).resolve().parents[1]
DASHBOARD = REPO / "dashboard.py"
# Sidebar multiselect to change between the two dashboard runs: its key or label matches.
FILTER_WIDGET = re.compile(r"engagement|type", re.IGNORECASE)
# Option to pick in it: a minority type, so the filtered view really differs.
FILTER_CHOICE = re.compile(r"phone", re.IGNORECASE)


# ---------------------------------------------------------------------------- children


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child_ingest(folder: str, cache: str, check: bool) -> dict:
    """Import sco_data and load the folder once; with check, compare rows with the generator."""
    start = time.perf_counter()
    import sco_data

    imported = time.perf_counter()
    accepts_cache = "cache_dir" in inspect.signature(sco_data.load_corpus).parameters
    if accepts_cache:
        corpus = sco_data.load_corpus(Path(folder), cache_dir=Path(cache))
    else:
        corpus = sco_data.load_corpus(Path(folder))
    loaded = time.perf_counter()
    result = {
        "import_s": imported - start,
        "load_s": loaded - imported,
        "peak_mb": _peak_mb(),
        "rows": len(corpus.releases),
        "cache": accepts_cache,
        "status": corpus.report["status"].value_counts().to_dict(),
    }
    if check:
        result["agreement"] = _agreement(corpus.releases)
    return result


def _agreement(releases) -> dict:
    """Share of rows whose date, official and type are those the template intended."""
    fields = ("event_date", "sco_official", "engagement_type")
    hits = dict.fromkeys(fields, 0)
    for row in releases[["source", *fields]].itertuples(index=False):
        expected = synthetic.generate_release(synthetic.index_from_name(str(row.source)))[1]
        hits["event_date"] += str(row.event_date)[:10] == expected["event_date"].isoformat()
        hits["sco_official"] += row.sco_official == expected["sco_official"]
        hits["engagement_type"] += row.engagement_type == expected["engagement_type"]
    return {field: count / max(len(releases), 1) for field, count in hits.items()}


def child_app(timeout: float) -> dict:
    """Run the dashboard script twice in AppTest: first load, then after a sidebar filter change."""
    if not DASHBOARD.exists():
        return {"error": "dashboard.py not found"}
    import pandas  # noqa: F401  imports are paid before the clock starts: see README
    import plotly.express  # noqa: F401
    from streamlit.testing.v1 import AppTest

    import sco_data  # noqa: F401

    app = AppTest.from_file(str(DASHBOARD), default_timeout=timeout)
    start = time.perf_counter()
    app.run()
    result = {"first_s": time.perf_counter() - start, "headline_before": _headline(app)}
    if app.exception:
        result["error"] = "; ".join(str(e.value)[:200] for e in app.exception)
        return result
    widget = next((w for w in [*app.sidebar.multiselect, *app.multiselect]
                   if FILTER_WIDGET.search(f"{w.key} {w.label}")), None)
    if widget is None:
        result["filter_widget"] = None
        return result
    options = list(widget.options)
    choice = next((o for o in options if FILTER_CHOICE.search(str(o))), options[:1])
    widget.set_value([choice] if isinstance(choice, str) else choice)
    start = time.perf_counter()
    app.run()
    result.update(filter_s=time.perf_counter() - start, filter_widget=widget.key,
                  filter_value=str(choice), headline_after=_headline(app), peak_mb=_peak_mb())
    if app.exception:
        result["error"] = "; ".join(str(e.value)[:200] for e in app.exception)
    return result


def _headline(app) -> str | None:
    """The page's first metric ("Engagements: 1,000"), to show the filter took effect."""
    return f"{app.metric[0].label}: {app.metric[0].value}" if len(app.metric) else None


def child_browser(folder: str, workdir: str, timeout: float) -> dict:
    """The dashboard and the bare one-chart page in headless Chromium (browser.py)."""
    import browser

    env = {"SCO_DATA_DIR": folder, "SCO_DATA_CACHE_DIR": os.environ["SCO_DATA_CACHE_DIR"],
           "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    return browser.measure_pages(DASHBOARD, env, Path(workdir), timeout)


def _run_child(args: list[str], env: dict | None, timeout: float) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              cwd=REPO, env={**os.environ, **(env or {})})
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"error": f"exit {done.returncode}: {tail[0][:200]}"}
    return json.loads(lines[-1])


# ---------------------------------------------------------------------------- parent


def measure(size: int, seed: int, keep: bool, timeout: float, app: bool, in_browser: bool) -> dict:
    """All the measurements for one corpus size."""
    root = Path(tempfile.mkdtemp(prefix=f"sco-bench-{size}-"))
    folder, cache = root / "corpus", root / "cache"
    cache.mkdir()
    row: dict = {"size": size, "dir": str(root) if keep else None}
    try:
        start = time.perf_counter()
        paths = synthetic.write_synthetic_corpus(folder, size, seed)
        row["generate_s"] = time.perf_counter() - start
        row["megabytes"] = sum(p.stat().st_size for p in paths) / 1e6

        start = time.perf_counter()
        for path in paths:
            path.read_bytes().decode("utf-8")
        row["floor_s"] = time.perf_counter() - start

        row["cold"] = _run_child(["ingest", str(folder), str(cache)], None, timeout)
        row["warm"] = _run_child(["ingest", str(folder), str(cache), "--check"], None, timeout)
        if app:
            # The dashboard reads its folder from SCO_DATA_DIR and caches where the library
            # does (SCO_DATA_CACHE_DIR, else the XDG user cache): both point into the temp
            # folder, so no run touches the user's cache.
            env = {"SCO_DATA_DIR": str(folder), "SCO_DATA_CACHE_DIR": str(cache),
                   "XDG_CACHE_HOME": str(root / "xdg")}
            row["app"] = _run_child(["app", "--timeout", str(timeout)], env, timeout + 60)
            if in_browser:
                row["browser"] = _run_child(["browser", str(folder), str(root), "--timeout", str(timeout)],
                                            env, 4 * timeout + 120)
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
    return row


def environment() -> dict:
    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, cwd=REPO, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {"cores": os.cpu_count(), "python": platform.python_version(),
            "pandas": version("pandas"), "streamlit": version("streamlit"),
            "machine": f"{platform.system()} {platform.machine()}", "commit": commit,
            "load_before": os.getloadavg()[0]}


def _cell(value, digits: int = 2) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _rate(size: int, seconds) -> str:
    return "n/a" if not seconds else f"{size / seconds:,.0f}"


def _ratio(numerator, denominator) -> str:
    return "n/a" if not numerator or not denominator else f"{numerator / denominator:,.1f}x"


def table(rows: list[dict]) -> str:
    """Aligned plain-text table, one line per corpus size."""
    header = ("releases", "MB", "generate s", "floor s", "floor rel/s", "import s",
              "cold s", "cold rel/s", "x floor", "cold MB", "warm s", "warm rel/s", "warm MB",
              "page s", "filter s", "rows")
    lines = [header]
    for row in rows:
        size, cold, warm = row["size"], row.get("cold", {}), row.get("warm", {})
        app = row.get("app", {})
        lines.append((
            _cell(size), _cell(row["megabytes"], 0), _cell(row["generate_s"]),
            _cell(row["floor_s"]), _rate(size, row["floor_s"]),
            _cell(cold.get("import_s")), _cell(cold.get("load_s")),
            _rate(size, cold.get("load_s")), _ratio(cold.get("load_s"), row["floor_s"]),
            _cell(cold.get("peak_mb"), 0),
            _cell(warm.get("load_s")), _rate(size, warm.get("load_s")),
            _cell(warm.get("peak_mb"), 0),
            _cell(app.get("first_s")), _cell(app.get("filter_s")), _cell(warm.get("rows")),
        ))
    return _aligned(lines)


def browser_table(rows: list[dict]) -> str | None:
    """Page times in Chromium: the dashboard's first visit to a server started on the warm cache,
    then returning visits to it and to the bare one-chart page, alternately (medians)."""
    header = ("releases", "server up s", "first: chart s", "first: done s", "returning: chart s",
              "returning: done s", "bare: chart s", "bare: done s", "done / bare", "ratio range")
    lines = [header]
    for row in rows:
        found = row.get("browser", {})
        if "ratio" not in found:
            continue
        first, back, bare = found["dashboard_first"], found["dashboard_returning"], found["bare_returning"]
        lines.append((_cell(row["size"]), _cell(found["server_up_s"]["dashboard"]), _cell(first["first_chart_s"]),
                      _cell(first["done_s"]), _cell(back["first_chart_s"]), _cell(back["done_s"]),
                      _cell(bare["first_chart_s"]), _cell(bare["done_s"]), f"{found['ratio']:.2f}x",
                      "-".join(f"{r:.2f}" for r in (min(found["ratios"]), max(found["ratios"])))))
    return _aligned(lines) if len(lines) > 1 else None


def _aligned(lines: list[tuple[str, ...]]) -> str:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    return "\n".join("  ".join(cell.rjust(width) for cell, width in zip(line, widths))
                     for line in lines)


def notes(rows: list[dict]) -> list[str]:
    """Errors, cache support, statuses and agreement, one line each."""
    out = []
    for row in rows:
        size = f"{row['size']:,}"
        for stage in ("cold", "warm", "app", "browser"):
            if "error" in row.get(stage, {}):
                out.append(f"{size} {stage}: {row[stage]['error']}")
        warm = row.get("warm", {})
        if warm.get("cache") is False:
            out.append(f"{size}: load_corpus takes no cache_dir; 'warm' is a second cold run")
        if "status" in warm:
            out.append(f"{size}: report statuses {warm['status']}")
        if "agreement" in warm:
            shares = ", ".join(f"{k} {v:.1%}" for k, v in warm["agreement"].items())
            out.append(f"{size}: rows agreeing with the generator: {shares}")
        app = row.get("app", {})
        if "first_s" in app and not app.get("filter_widget"):
            out.append(f"{size} app: no engagement-type multiselect found; filter s is n/a")
        elif app.get("filter_widget"):
            out.append(f"{size} app: set {app['filter_widget']} to [{app['filter_value']}]: "
                       f"{app['headline_before']} -> {app['headline_after']}")
        if row.get("dir"):
            out.append(f"{size}: kept {row['dir']}")
    return out


def profile(count: int, seed: int, top: int = 15) -> str:
    """parse_release over `count` synthetic texts: plain rate, then cProfile hotspots."""
    import sco_data

    texts = [synthetic.generate_release(i, seed)[0] for i in range(1, count + 1)]
    sources = [synthetic.file_name(i, count) for i in range(1, count + 1)]
    sco_data.parse_release(texts[0])  # compile patterns, load data files: not per-release cost
    start = time.perf_counter()
    for text, source in zip(texts, sources):
        sco_data.parse_release(text, source=source)
    plain = time.perf_counter() - start
    profiler = cProfile.Profile()
    profiler.enable()
    for text, source in zip(texts, sources):
        sco_data.parse_release(text, source=source)
    profiler.disable()
    out = io.StringIO()
    out.write(f"parse_release over {count:,} synthetic texts: {plain:.2f} s, "
              f"{count / plain:,.0f} releases/s (one core, no profiler)\n")
    for order in ("cumulative", "tottime"):
        out.write(f"\n--- top {top} by {order} ---\n")
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats(order).print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--no-app", action="store_true", help="skip the dashboard runs (AppTest and browser)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium page times")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per child run")
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="also profile parse_release over N synthetic texts")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--check", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        if args.child[0] == "ingest":
            print(json.dumps(child_ingest(args.child[1], args.child[2], args.check)))
        elif args.child[0] == "browser":
            print(json.dumps(child_browser(args.child[1], args.child[2], args.timeout)))
        else:
            print(json.dumps(child_app(args.timeout)))
        return 0

    env = environment()
    rows = []
    for size in args.sizes:
        rows.append(measure(size, args.seed, args.keep, args.timeout, not args.no_app,
                            not (args.no_app or args.no_browser)))
        print(f"measured {size:,} releases", file=sys.stderr, flush=True)
    # Other work on the machine slows every figure down: say how busy it was.
    env["load_after"] = os.getloadavg()[0]
    hotspots = profile(args.profile, args.seed) if args.profile else None
    if args.json:
        document = {"environment": env, "rows": rows, "profile": hotspots}
        print(json.dumps(document, indent=2, default=str))
        return 0
    print(f"cores {env['cores']}, Python {env['python']}, pandas {env['pandas']}, "
          f"streamlit {env['streamlit']}, {env['machine']}, commit {env['commit']}, "
          f"1-min load average {env['load_before']:.1f} before, {env['load_after']:.1f} after")
    if rows:
        print(table(rows))
        pages = browser_table(rows)
        if pages:
            print("\nIn headless Chromium (seconds since navigation began; returning visits: median of "
                  f"{RETURNING_VISITS}, alternating with the bare page):")
            print(pages)
        for line in notes(rows):
            print(f"  {line}")
    if hotspots:
        print(hotspots)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
