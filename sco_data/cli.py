"""The `sco-data` command: fetch, ingest, stats, evaluate, corrections, cache."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from sco_data.corpus.corrections import (
    CORRECTIONS_ENV,
    CORRECTIONS_FILE_NAME,
    CorrectionsFileError,
    corrections_path,
    effective_corrections,
    read_corrections,
)
from sco_data.corpus.corrections_csv import guard
from sco_data.corpus.discovery import DEFAULT_MAX_FILE_MB
from sco_data.corpus.load import Corpus, load_corpus
from sco_data.corpus.store import (
    CACHE_MAX_MB_ENV,
    cache_contents,
    clear_cache,
    default_cache_dir,
    default_cache_max_mb,
)
from sco_data.corpus.workers import DEFAULT_TIME_LIMIT_S
from sco_data.explore import review
from sco_data.explore.export import to_csv_bytes
from sco_data.explore.markup import one_line
from sco_data.extract.topics import Taxonomy, load_taxonomy
from sco_data.fetch import command as fetch_command
from sco_data.schema import (
    CORRECTION_COLUMNS,
    ENGAGEMENT_LABELS,
    REPORT_INVALID,
    REPORT_OK,
    REPORT_REJECTED,
    REPORT_SKIPPED,
    REPORT_WARNING,
    topic_flag_column,
)

OUTPUT_FORMATS = {".csv": "CSV", ".parquet": "Parquet", ".jsonl": "JSON Lines", ".json": "JSON Lines"}


def _add_source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="release files or folders (searched recursively)")
    parser.add_argument("--no-cache", action="store_true", help="parse everything; neither read nor write the cache")
    parser.add_argument("--cache-dir", type=Path, default=None,
                        help=f"cache folder (default: {default_cache_dir().name} in the user cache folder)")
    parser.add_argument("--cache-max-mb", type=float, default=None,
                        help=f"keep at most this many megabytes of parsed files in the cache, evicting the "
                             f"least recently used (default: ${CACHE_MAX_MB_ENV}, else {default_cache_max_mb():g})")
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_FILE_MB,
                        help="reject files larger than this many megabytes of 1,000,000 bytes (default: %(default)g)")
    parser.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT_S, metavar="SECONDS",
                        help="reject a file whose reading takes longer than this (default: %(default)g)")
    parser.add_argument("--taxonomy", type=Path, default=None, help="topic taxonomy TOML file (default: the bundled one)")
    parser.add_argument("--corrections", type=Path, default=None, metavar="FILE",
                        help=f"apply the corrections in FILE (default: ${CORRECTIONS_ENV}, else "
                             f"{CORRECTIONS_FILE_NAME} in the folder read, when it exists)")
    parser.add_argument("--no-corrections", action="store_true", help="apply no corrections, not even the default file")


# Exit codes, printed in --help: a script that reads nothing by mistake (a typo in a path, an
# empty folder) fails instead of writing empty tables.
EXIT_OK = 0
EXIT_NOTHING_READ = 1
EXIT_USAGE = 2
EXIT_CODES = (f"exit codes: {EXIT_OK} done; {EXIT_NOTHING_READ} no release was read (nothing written; "
              f"--allow-empty accepts it); {EXIT_USAGE} wrong arguments or a file that cannot be used")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sco-data",
        description="Turn SCO Secretariat news releases into tidy tables.",
        epilog=EXIT_CODES,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    fetch = commands.add_parser("fetch", help="collect the SCO Secretariat's news releases into a folder",
                                description=fetch_command.DESCRIPTION, epilog=fetch_command.EXIT_CODES)
    fetch_command.add_arguments(fetch)

    ingest = commands.add_parser(
        "ingest", help="parse releases and write the releases and participants tables",
        description="Parse release files and write two tables: releases to OUT and participants "
                    "beside it (OUT's name + '.participants'). The format follows OUT's extension: "
                    ".csv, .parquet or .jsonl. Prints what happened to every file.", epilog=EXIT_CODES)
    _add_source_options(ingest)
    ingest.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                        help="releases table: .csv, .parquet or .jsonl")
    ingest.add_argument("--participants", type=Path, default=None, metavar="FILE",
                        help="participants table (default: OUT's name + '.participants')")
    ingest.add_argument("--report", type=Path, default=None, metavar="FILE",
                        help="also write the per-file ingest report (same formats)")
    ingest.add_argument("--allow-empty", action="store_true",
                        help="write the tables and exit 0 even when no release was read")

    stats = commands.add_parser("stats", help="print counts by year, engagement type, topic and official",
                                description="Print counts of releases by year, engagement type, topic and SCO official, "
                                            "how many carry doubts on each field, and how many are checked.",
                                epilog=EXIT_CODES)
    _add_source_options(stats)
    stats.add_argument("--allow-empty", action="store_true", help="exit 0 even when no release was read")

    evaluate = commands.add_parser(
        "evaluate", help="score extraction against a gold set or a corrections file",
        description="Parse every release a gold JSON Lines file lists and print per-field accuracy, "
                    "counterpart precision/recall/F1, per-topic F1 and every error. With --corrections, "
                    "read the releases under DIR without corrections and print, per field, how many "
                    "corrected values the extractor now gives itself (a checked release confirms every field "
                    "it was not corrected on), and every disagreement.",
        epilog=EXIT_CODES)
    evaluate.add_argument("paths", nargs="+", type=Path, metavar="GOLD.jsonl | DIR",
                          help="the gold set (e.g. tests/gold/gold.jsonl); with --corrections, the release "
                               "folders or files")
    evaluate.add_argument("--corrections", type=Path, default=None, metavar="FILE",
                          help="score against this corrections file instead of a gold set")
    evaluate.add_argument("--texts", type=Path, default=None, metavar="DIR",
                          help="folder of <id>.txt texts for gold lines that name their release by id")
    evaluate.add_argument("--split", action="store_true",
                          help="score the set's tune part (two thirds, by a hash of each line's id or file) "
                               "and check part apart, side by side, and list the tune part's errors only")

    corrections = commands.add_parser(
        "corrections", help="list the corrections in a corrections file",
        description="Print every row of a corrections file, one line each: line, release, field, value, "
                    "note, when (tab-separated); rows that are no valid correction say why.", epilog=EXIT_CODES)
    corrections.add_argument("action", choices=["list"], help="list: print the rows")
    corrections.add_argument("path", nargs="?", type=Path, default=None, metavar="PATH",
                             help=f"a corrections file, or a folder holding {CORRECTIONS_FILE_NAME} "
                                  f"(default: ${CORRECTIONS_ENV}, else the current folder)")

    cache = commands.add_parser("cache", help="manage the parse cache", description="Manage the parse cache.")
    cache.add_argument("action", choices=["clear", "path", "info"],
                       help="clear: delete the cache; path: print where it is; info: what it holds")
    cache.add_argument("--cache-dir", type=Path, default=None, help="cache folder (default: the user cache folder)")
    return parser


def _load(args: argparse.Namespace) -> Corpus:
    bar = tqdm(total=0, unit=" files", desc="parsing", file=sys.stderr, disable=None, leave=False)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    taxonomy = load_taxonomy(args.taxonomy)
    try:
        corpus = load_corpus(args.paths, args.cache_dir, False if args.no_corrections else args.corrections,
                             use_cache=not args.no_cache, cache_max_mb=args.cache_max_mb,
                             max_file_mb=args.max_mb, time_limit=args.time_limit, taxonomy=taxonomy,
                             progress=progress)
    finally:
        bar.close()
    for notice in corpus.notices:
        print(f"sco-data: warning: {notice}", file=sys.stderr)
    return corpus


NOTHING_READ = "sco-data: error: no release was read (see the lines above); nothing written"


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """Write a table in the format its file extension names."""
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        path.write_bytes(to_csv_bytes(frame))
    elif suffix == ".parquet":
        frame.to_parquet(path, index=False)
    elif suffix in (".jsonl", ".json"):
        days = {column: frame[column].dt.strftime("%Y-%m-%d") for column in frame.columns
                if pd.api.types.is_datetime64_any_dtype(frame[column])}
        frame.assign(**days).to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        raise ValueError(f"unknown output format '{suffix}': use one of {', '.join(OUTPUT_FORMATS)}")


def report_summary(report: pd.DataFrame) -> str:
    """One count line, then a line for every file that was not simply ok."""
    counts = report["status"].value_counts()
    statuses = (REPORT_OK, REPORT_WARNING, REPORT_REJECTED, REPORT_SKIPPED)
    parts = [f"{counts.get(status, 0)} {status}" for status in statuses]
    lines = [f"{int(report['status'].isin(statuses).sum())} files: " + ", ".join(parts)]
    if counts.get(REPORT_INVALID, 0):
        lines[0] += f"; {counts[REPORT_INVALID]} corrections not applied ({REPORT_INVALID})"
    for row in report[report["status"] != REPORT_OK].itertuples(index=False):
        lines.append(f"  {row.status:<8} {row.path}: {row.reason}")
    return "\n".join(lines)


def _count_table(title: str, counts: pd.Series) -> str:
    lines = [title]
    if counts.empty:
        lines.append("  (none)")
    width = max((len(str(label)) for label in counts.index), default=0)
    lines += [f"  {str(label):<{width}}  {count:>6}" for label, count in counts.items()]
    return "\n".join(lines)


def stats_text(corpus: Corpus, taxonomy: Taxonomy) -> str:
    releases = corpus.releases
    years = releases["event_date"].dt.year.astype("Int64").astype(str).replace("<NA>", "unknown")
    by_type = releases["engagement_type"].map(ENGAGEMENT_LABELS).value_counts()
    topics = pd.Series({taxonomy.label(topic_id): int(releases[topic_flag_column(topic_id)].sum())
                        for topic_id in taxonomy.ids}, dtype="int64")
    officials = releases["sco_official"].fillna("unknown").value_counts()
    return "\n\n".join([
        f"{len(releases)} releases",
        _count_table("By year", years.value_counts().sort_index()),
        _count_table("By engagement type", by_type),
        _count_table("By topic (releases)", topics.sort_values(ascending=False)),
        _count_table("By SCO official", officials),
        _count_table("Releases with doubts, by field", review.doubts_per_field(releases)),
        f"{int(review.checked_flags(releases).sum())} of {len(releases)} releases checked",
    ])


def cache_summary(folder: Path) -> str:
    contents = cache_contents(folder)
    stored = contents.drop_duplicates("content_hash")["content_hash"].count()
    megabytes = contents.drop_duplicates("batch_id")["batch_bytes"].sum() / 1e6
    return (f"{stored} parsed files, {megabytes:.1f} MB of at most {default_cache_max_mb():g} MB "
            f"(${CACHE_MAX_MB_ENV}), in {folder}")


def _corrections_problem(args: argparse.Namespace) -> str | None:
    """Why the corrections file named with --corrections cannot be used (None when it can)."""
    if args.corrections is None or args.no_corrections:
        return None
    path = corrections_path(args.paths, args.corrections)
    if not path.is_file():
        return f"corrections file not found: {path}"
    try:
        read_corrections(path, load_taxonomy(args.taxonomy))
    except CorrectionsFileError as error:
        return f"{path}: {error}"
    return None


def corrections_text(path: Path) -> str:
    """Every row of a corrections file, one tab-separated line each (a row that is no valid
    correction says why in the last column), then how many stand. Cells are shown as the file
    holds them: a tab or line break as \\t, \\r or \\n, so no column shifts, and a formula
    behind its quote, so a spreadsheet the lines are pasted into runs none."""
    read = read_corrections(path)
    rows = sorted([(c.line, c.release_id, c.field, c.value, c.note, c.corrected_at, "") for c in read.corrections]
                  + [(p.line, p.release_id, p.field, p.value, "", "", f"invalid: {p.reason}") for p in read.problems])
    lines = ["\t".join(("line", *CORRECTION_COLUMNS, "problem"))]
    lines += ["\t".join(guard(one_line(str(cell))) for cell in row) for row in rows]
    lines.append(f"{len(rows)} rows in {path}: {len(effective_corrections(read.corrections))} corrections stand "
                 f"(later rows replace earlier ones, undo takes them back), {len(read.problems)} invalid")
    return "\n".join(lines)


def _list_corrections(args: argparse.Namespace) -> int:
    path = corrections_path(None, args.path or Path(os.environ.get(CORRECTIONS_ENV) or "."))
    if not path.is_file():
        print(f"sco-data: error: corrections file not found: {path}", file=sys.stderr)
        return EXIT_USAGE
    try:
        print(corrections_text(path))
    except CorrectionsFileError as error:
        print(f"sco-data: error: {path}: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _evaluate_corrections(args: argparse.Namespace) -> int:
    from sco_data.evaluate import evaluate_corrections, format_correction_agreement

    if not args.corrections.is_file():
        print(f"sco-data: error: corrections file not found: {args.corrections}", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = evaluate_corrections(args.corrections, args.paths)
    except CorrectionsFileError as error:
        print(f"sco-data: error: {args.corrections}: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(format_correction_agreement(result))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    try:
        status = run(argv)
        sys.stdout.flush()  # here, where a closed pipe can be caught, not at exit
        return status
    except BrokenPipeError:
        # The reader went away (`sco-data evaluate ... | head`): stop quietly, as other tools do;
        # stdout goes to the null device so that Python's flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def run(argv: Sequence[str] | None = None) -> int:
    """The command the arguments name; its exit status."""
    args = build_parser().parse_args(argv)
    if args.command == "fetch":
        return fetch_command.run_fetch(args)
    if args.command in ("ingest", "stats") and (problem := _corrections_problem(args)):
        print(f"sco-data: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "corrections":
        return _list_corrections(args)
    if args.command == "ingest":
        if args.output.suffix.lower() not in OUTPUT_FORMATS:
            print(f"sco-data: error: unknown output format '{args.output.suffix}': "
                  f"use {', '.join(OUTPUT_FORMATS)}", file=sys.stderr)
            return EXIT_USAGE
        corpus = _load(args)
        people_path = args.participants or args.output.with_name(
            f"{args.output.stem}.participants{args.output.suffix}")
        if corpus.releases.empty and not args.allow_empty:
            print(report_summary(corpus.report))
            print(NOTHING_READ, file=sys.stderr)
            return EXIT_NOTHING_READ
        write_table(corpus.releases, args.output)
        write_table(corpus.participants, people_path)
        if args.report:
            write_table(corpus.report, args.report)
        print(report_summary(corpus.report))
        print(f"wrote {len(corpus.releases)} releases to {args.output} "
              f"and {len(corpus.participants)} participants to {people_path}")
        return EXIT_OK
    if args.command == "stats":
        corpus = _load(args)
        print(stats_text(corpus, load_taxonomy(args.taxonomy)))
        print()
        print(report_summary(corpus.report))
        if corpus.releases.empty and not args.allow_empty:
            print(NOTHING_READ, file=sys.stderr)
            return EXIT_NOTHING_READ
        return EXIT_OK
    if args.command == "evaluate" and args.corrections is not None:
        return _evaluate_corrections(args)
    if args.command == "evaluate":
        from sco_data.evaluate import ALL, evaluate_parts, format_evaluation, format_parts

        if len(args.paths) != 1:
            print("sco-data: error: give one gold file (or --corrections FILE and release folders)", file=sys.stderr)
            return EXIT_USAGE
        args.gold = args.paths[0]
        if not args.gold.is_file():
            print(f"sco-data: error: gold file not found: {args.gold}", file=sys.stderr)
            return EXIT_USAGE
        if args.texts is not None and not args.texts.is_dir():
            print(f"sco-data: error: texts folder not found: {args.texts}", file=sys.stderr)
            return EXIT_USAGE
        try:
            results = evaluate_parts(args.gold, texts=args.texts, split=args.split)
        except (ValueError, FileNotFoundError) as error:
            print(f"sco-data: error: {error}", file=sys.stderr)
            return EXIT_USAGE
        print(format_parts(results) if args.split else format_evaluation(results[ALL]))
        return EXIT_OK
    folder = args.cache_dir or default_cache_dir()
    if args.action == "path":
        print(folder)
    elif args.action == "info":
        print(cache_summary(folder))
    else:
        print(f"removed {clear_cache(folder)} cached files from {folder}")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
