"""`sco-data fetch DIR`: its arguments, its progress bars and what it prints (cli.py wires it in;
run.py does the work)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from tqdm import tqdm

from sco_data.fetch.discover import UrlListError
from sco_data.fetch.manifest import FetchBusy
from sco_data.fetch.run import FETCHING, FetchOptions, FolderError, fetch_folder
from sco_data.fetch.sources import SourcesError
from sco_data.schema import DEFAULT_MAX_FILE_MB

# As cli.py's: 1 when nothing could be fetched at all, 2 for arguments or files that cannot be used.
EXIT_OK, EXIT_NOTHING_FETCHED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_CODES = (f"exit codes: {EXIT_OK} done; {EXIT_NOTHING_FETCHED} nothing could be fetched at all; {EXIT_USAGE} "
              "wrong arguments, a sources or --urls file that cannot be used, another fetch filling DIR, or "
              f"DIR that cannot be written; {EXIT_INTERRUPTED} interrupted (the next run goes on from there)")
DESCRIPTION = ("Collect the SCO Secretariat's English news releases into DIR (created when missing): "
               "release addresses from the Internet Archive's index, the live site's listing pages, "
               "sitemaps and feeds, and --urls; each page from the live site, or from the archive when "
               "the live one is gone. A re-run fetches only new pages, and asks again (conditionally) for "
               "pages saved from the live site more than --recheck-days ago. Prints a line per outcome.")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"not a number above 0: {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="the folder to fill (created when missing)")
    parser.add_argument("--sources", type=Path, default=None, metavar="FILE",
                        help="hosts, release address shapes, listing pages, the archive and politeness "
                             "(default: the bundled sources.toml)")
    parser.add_argument("--urls", type=Path, default=None, metavar="FILE",
                        help="also fetch the addresses in FILE, one a line, from any site")
    parser.add_argument("--no-archive", action="store_true",
                        help="use neither the archive's index nor its copies of pages gone from the live site")
    parser.add_argument("--no-site", action="store_true",
                        help="read neither the live site's listing pages nor its sitemaps and feeds")
    parser.add_argument("--since", type=_day, default=None, metavar="YYYY-MM-DD",
                        help="only releases whose address carries this date or a later one")
    parser.add_argument("--until", type=_day, default=None, metavar="YYYY-MM-DD",
                        help="only releases whose address carries this date or an earlier one")
    parser.add_argument("--rate", type=_positive, default=None, metavar="N",
                        help="requests per second to any one host (default: the sources file's, 1)")
    parser.add_argument("--max-mb", type=_positive, default=DEFAULT_MAX_FILE_MB,
                        help="refuse pages larger than this many megabytes, as ingest does (default: %(default)g)")
    parser.add_argument("--recheck-days", type=float, default=None, metavar="DAYS",
                        help="ask again for a page saved from the live site this many days after it was "
                             "last asked for (default: the sources file's, 30; 0: every time)")
    parser.add_argument("--dry-run", action="store_true", help="list what would be fetched; fetch and write nothing")


def run_fetch(args: argparse.Namespace) -> int:
    """Run `sco-data fetch` as the arguments say; its exit status."""
    if args.since and args.until and args.since > args.until:
        print("sco-data: error: --since is after --until", file=sys.stderr)
        return EXIT_USAGE
    options = FetchOptions(sources=str(args.sources.resolve()) if args.sources else None, since=args.since,
                           until=args.until, urls=str(args.urls.resolve()) if args.urls else None,
                           archive=not args.no_archive, site=not args.no_site, rate=args.rate,
                           max_mb=args.max_mb, recheck_days=args.recheck_days)
    bars: dict[str, tqdm] = {}

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage not in bars:
            bars[stage] = tqdm(total=total, desc=stage, unit=" pages" if stage == FETCHING else " addresses",
                               file=sys.stderr, disable=None, leave=False)
        bar = bars[stage]
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        result = fetch_folder(args.folder, options, dry_run=args.dry_run, progress=progress)
    except (SourcesError, UrlListError, FetchBusy, FolderError) as error:
        print(f"sco-data: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("sco-data: interrupted; the next run goes on from where this one stopped", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        for bar in bars.values():
            bar.close()
    print("\n".join(result.lines()))
    if result.fetched_nothing:
        print("sco-data: error: nothing could be fetched (see the lines above)", file=sys.stderr)
        return EXIT_NOTHING_FETCHED
    return EXIT_OK
