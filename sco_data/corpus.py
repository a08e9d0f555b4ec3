"""Files and folders -> Corpus: the releases, participants and report tables, with a cache.

Every file handed in, or found in a folder, ends up as exactly one report row.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sco_data.cache import CorpusCache, default_cache_dir
from sco_data.ingest import Outcome, content_hash, process_bytes
from sco_data.schema import (
    PARTICIPANT_COLUMNS,
    RELEASE_COLUMNS,
    REPORT_COLUMNS,
    REPORT_OK,
    REPORT_REJECTED,
    REPORT_SKIPPED,
    REPORT_WARNING,
    topic_flag_column,
    topic_mentions_column,
)
from sco_data.topics import Taxonomy, load_taxonomy

# Bump when a change to the extractors changes what a file parses to: it empties the cache.
PARSER_VERSION = "1"
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024
# Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 1000
PARALLEL_CHUNK = 500

Progress = Callable[[int, int], None]

# The dtype pandas gives text by default: object before pandas 3, "str" from pandas 3 on.
TEXT_DTYPE = pd.Series(["text"]).dtype
NON_TEXT_COLUMNS = frozenset({"event_date", "latitude", "longitude", "foreign_line_count"})


@dataclass
class Corpus:
    """The tidy dataset: one row per release, per participant, and per input file."""

    releases: pd.DataFrame
    participants: pd.DataFrame
    report: pd.DataFrame
    parsed_files: int = 0


@dataclass
class _Input:
    label: str
    path: str | None = None
    data: bytes | None = None
    size: int = 0
    mtime_ns: int = 0
    verdict: tuple[str, str] | None = None
    digest: str | None = None


def load_corpus(paths: str | Path | Iterable[str | Path], cache_dir: str | Path | None = None, *,
                extra_files: Sequence[tuple[str, bytes]] = (),
                max_file_bytes: int = DEFAULT_MAX_FILE_BYTES, use_cache: bool = True,
                taxonomy: Taxonomy | None = None, workers: int | None = None,
                progress: Progress | None = None) -> Corpus:
    """Read releases from files and folders (recursively) and in-memory uploads.

    Never raises for what a file contains or for a path that does not exist: each becomes a
    report row. `cache_dir` defaults to the user cache folder; `use_cache=False` skips it.
    """
    taxonomy = taxonomy or load_taxonomy()
    inputs = _discover(paths, max_file_bytes)
    for name, data in extra_files:
        inputs.append(_Input(label=name, data=data, size=len(data),
                             verdict=_size_verdict(len(data), max_file_bytes)))
    cache = None
    if use_cache:
        cache = CorpusCache(Path(cache_dir) if cache_dir else default_cache_dir(),
                            f"v{PARSER_VERSION}-{taxonomy.fingerprint}")
    fresh, fresh_people, parsed = _parse_all(_pending(inputs, cache), cache, taxonomy, workers, progress)
    corpus = _assemble(inputs, fresh, fresh_people, cache, taxonomy)
    corpus.parsed_files = parsed
    return corpus


def _size_verdict(size: int, limit: int) -> tuple[str, str] | None:
    if size == 0:
        return REPORT_REJECTED, "empty file"
    if size > limit:
        return REPORT_REJECTED, f"file too large ({size / 1e6:.1f} MB > limit {limit / 1e6:.1f} MB)"
    return None


def _discover(paths: str | Path | Iterable[str | Path], limit: int) -> list[_Input]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    inputs: list[_Input] = []
    for given in paths:
        root = Path(given)
        if root.is_dir():
            inputs.extend(_walk(root, limit))
        elif root.is_file():
            inputs.append(_file_input(str(root.resolve()), root.name, limit, root.stat))
        else:
            inputs.append(_Input(label=str(given), verdict=(REPORT_REJECTED, "path does not exist")))
    return inputs


def _walk(root: Path, limit: int) -> list[_Input]:
    """Files below a folder in a stable order; hidden files and folders are reported, not read.

    Uses os.scandir, whose entries carry their type, and resolves the root once: per-file
    Path.resolve() and is_dir() calls dominated the warm load of large folders.
    """
    found: list[_Input] = []
    base = str(root.resolve())

    def visit(folder: str, prefix: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            found.append(_Input(label=prefix or ".", verdict=(REPORT_REJECTED, f"cannot read folder: {error.strerror}")))
            return
        subfolders = []
        for entry in entries:
            label = prefix + entry.name
            if entry.is_dir():
                if entry.name.startswith("."):
                    found.append(_Input(label=label + "/", verdict=(REPORT_SKIPPED, "hidden folder, not read")))
                else:
                    subfolders.append(entry)
            elif entry.name.startswith("."):
                found.append(_Input(label=label, verdict=(REPORT_SKIPPED, "hidden file, not read")))
            else:
                found.append(_file_input(entry.path, label, limit, entry.stat))
        for entry in subfolders:
            visit(entry.path, prefix + entry.name + "/")

    visit(base, "")
    found.sort(key=lambda item: item.label)
    return found


def _file_input(path: str, label: str, limit: int, stat: Callable[[], os.stat_result]) -> _Input:
    """A file on disk, judged by its size before anything reads it."""
    try:
        result = stat()
    except OSError as error:
        return _Input(label=label, verdict=(REPORT_REJECTED, f"cannot read file: {error.strerror}"))
    return _Input(label=label, path=path, size=result.st_size, mtime_ns=result.st_mtime_ns,
                  verdict=_size_verdict(result.st_size, limit))


def _pending(inputs: list[_Input], cache: CorpusCache | None) -> list[_Input]:
    """Inputs the cache cannot answer from their path, size and modification time."""
    pending = []
    for item in inputs:
        if item.verdict is not None:
            continue
        if item.path is not None and cache is not None:
            digest = cache.hash_for(item.path, item.size, item.mtime_ns)
            if digest is not None and cache.has(digest):
                item.digest = digest
                continue
        pending.append(item)
    return pending


@dataclass
class _Parsed:
    """What a batch of pending inputs became: per input its hash or refusal, and the new rows."""

    digests: list[str | None]
    verdicts: list[tuple[str, str] | None]
    outcomes: pd.DataFrame
    participants: pd.DataFrame


_KNOWN_HASHES: frozenset[str] = frozenset()


def _init_worker(known: frozenset[str]) -> None:
    global _KNOWN_HASHES
    _KNOWN_HASHES = known


def _parse_batch(jobs: list[tuple[str, str | None, bytes | None]], taxonomy_path: str,
                 known: frozenset[str] | None = None) -> _Parsed:
    """Read, hash and parse a batch; content already cached (in `known`) is not parsed again."""
    taxonomy = load_taxonomy(taxonomy_path)
    known = _KNOWN_HASHES if known is None else known
    digests: list[str | None] = []
    verdicts: list[tuple[str, str] | None] = []
    outcomes: list[Outcome] = []
    seen: set[str] = set()
    for label, path, data in jobs:
        if data is None:
            try:
                data = Path(path).read_bytes()
            except OSError as error:
                digests.append(None)
                verdicts.append((REPORT_REJECTED, f"cannot read file: {error.strerror}"))
                continue
        digest = content_hash(data)
        digests.append(digest)
        verdicts.append(None)
        if digest not in known and digest not in seen:
            seen.add(digest)
            outcomes.append(process_bytes(data, label, taxonomy, digest))
    frame, people = _outcome_frames(outcomes, taxonomy)
    return _Parsed(digests, verdicts, frame, people)


def _parse_all(items: list[_Input], cache: CorpusCache | None, taxonomy: Taxonomy,
               workers: int | None, progress: Progress | None) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Parse the pending inputs, in worker processes when there are many; returns the new
    outcome rows, their participants, and how many files were parsed."""
    jobs = [(item.label, item.path, item.data) for item in items]
    for item in items:
        item.data = None
    known = cache.hashes if cache is not None else frozenset()
    total = len(jobs)
    worker_count = workers or os.cpu_count() or 1
    size = PARALLEL_CHUNK if total >= PARALLEL_MIN_FILES and worker_count > 1 else 100
    chunks = [jobs[start:start + size] for start in range(0, total, size)]
    if size == PARALLEL_CHUNK:
        with ProcessPoolExecutor(max_workers=worker_count, initializer=_init_worker, initargs=(known,)) as pool:
            results = _collect(pool.map(_parse_batch, chunks, [taxonomy.path] * len(chunks)), total, progress)
    else:
        results = _collect((_parse_batch(chunk, taxonomy.path, known) for chunk in chunks), total, progress)
    digests = [digest for result in results for digest in result.digests]
    verdicts = [verdict for result in results for verdict in result.verdicts]
    for item, digest, verdict in zip(items, digests, verdicts):
        item.digest, item.verdict = digest, verdict
    frames = [result.outcomes for result in results if not result.outcomes.empty]
    people = [result.participants for result in results if not result.participants.empty]
    if not frames:
        outcomes, participants = _outcome_frames([], taxonomy)
        return outcomes, participants, 0
    outcomes = pd.concat(frames, ignore_index=True)
    participants = pd.concat(people, ignore_index=True) if people else _outcome_frames([], taxonomy)[1]
    if len(frames) > 1:
        duplicated = outcomes["content_hash"].duplicated()
        outcomes = outcomes[~duplicated].reset_index(drop=True)
        participants = participants.drop_duplicates().reset_index(drop=True)
    return outcomes, participants, len(outcomes)


def _collect(results: Iterable[_Parsed], total: int, progress: Progress | None) -> list[_Parsed]:
    collected: list[_Parsed] = []
    done = 0
    for result in results:
        collected.append(result)
        done += len(result.digests)
        if progress is not None:
            progress(done, total)
    return collected


def release_columns(taxonomy: Taxonomy) -> list[str]:
    """Corpus.releases's columns: the fixed list, then each topic's flag and mention count."""
    columns = list(RELEASE_COLUMNS)
    for topic_id in taxonomy.ids:
        columns += [topic_flag_column(topic_id), topic_mentions_column(topic_id)]
    return columns


def _outcome_frames(outcomes: list[Outcome], taxonomy: Taxonomy) -> tuple[pd.DataFrame, pd.DataFrame]:
    columns = ["content_hash", "status", "reason", "url"] + release_columns(taxonomy)
    rows = []
    participants = []
    for outcome in outcomes:
        row = dict(outcome.release or {})
        row.update(content_hash=outcome.content_hash, status=outcome.status, reason=outcome.reason)
        rows.append(row)
        participants += [dict(person, content_hash=outcome.content_hash) for person in outcome.participants]
    frame = _typed(pd.DataFrame(rows, columns=columns), taxonomy)
    people = pd.DataFrame(participants, columns=["content_hash", *PARTICIPANT_COLUMNS])
    people["event_date"] = pd.to_datetime(people["event_date"])
    return frame, people


def _typed(frame: pd.DataFrame, taxonomy: Taxonomy) -> pd.DataFrame:
    """Stable dtypes, so fresh and cached rows concatenate and compare cleanly."""
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    for column in ("latitude", "longitude"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    frame["foreign_line_count"] = frame["foreign_line_count"].fillna(0).astype("int64")
    for topic_id in taxonomy.ids:
        frame[topic_flag_column(topic_id)] = frame[topic_flag_column(topic_id)].eq(True)
        frame[topic_mentions_column(topic_id)] = frame[topic_mentions_column(topic_id)].fillna(0).astype("int64")
    return frame


def _assemble(inputs: list[_Input], fresh: pd.DataFrame, fresh_people: pd.DataFrame,
              cache: CorpusCache | None, taxonomy: Taxonomy) -> Corpus:
    known, known_people = fresh, fresh_people
    if cache is not None:
        manifest = pd.DataFrame(
            [(item.path, item.size, item.mtime_ns, item.digest) for item in inputs
             if item.path is not None and item.digest is not None
             and cache.hash_for(item.path, item.size, item.mtime_ns) is None],
            columns=["path", "size", "mtime_ns", "content_hash"])
        cache.store(manifest, fresh, fresh_people)
        if not cache.outcomes.empty:
            known = pd.concat([cache.outcomes, fresh], ignore_index=True) if not fresh.empty else cache.outcomes
            known_people = pd.concat([cache.participants, fresh_people], ignore_index=True) \
                if not fresh_people.empty else cache.participants
    return _build_tables(inputs, known, known_people, taxonomy)


def _text(column: pd.Series) -> pd.Series:
    """Text in pandas' default text dtype, missing values one way, however the rows were built."""
    if TEXT_DTYPE == object:
        return column.astype(object).where(column.notna(), None)
    return column.astype(TEXT_DTYPE)


def _build_tables(inputs: list[_Input], known: pd.DataFrame, known_people: pd.DataFrame,
                  taxonomy: Taxonomy) -> Corpus:
    """Join every input with what its content became, in input order, with table operations:
    per-row Python here would cost seconds at 100,000 files."""
    files = pd.DataFrame({
        "path": [item.label for item in inputs],
        "content_hash": [item.digest for item in inputs],
        "verdict_status": [item.verdict[0] if item.verdict else None for item in inputs],
        "verdict_reason": [item.verdict[1] if item.verdict else None for item in inputs],
    }, dtype=object)
    outcomes = known.drop_duplicates("content_hash")
    files = files.merge(outcomes[["content_hash", "status", "reason", "release_id"]], on="content_hash",
                        how="left", sort=False)
    readable = files["verdict_status"].isna()
    parsed = readable & files["status"].isin([REPORT_OK, REPORT_WARNING])
    duplicate = parsed & files["release_id"].duplicated() & files["release_id"].notna()
    first_path = files[parsed & ~duplicate].set_index("release_id")["path"]
    kept = files[parsed & ~duplicate]
    report = pd.DataFrame({
        "path": files["path"],
        "status": files["status"].where(readable, files["verdict_status"]).astype(object),
        "reason": files["reason"].fillna("").where(readable, files["verdict_reason"]).astype(object),
        "release_id": files["release_id"].where(parsed).astype(object),
    })
    if duplicate.any():
        report.loc[duplicate, "status"] = REPORT_REJECTED
        report.loc[duplicate, "reason"] = "duplicate of " + files.loc[duplicate, "release_id"].map(first_path)
    report = report.astype(object).where(report.notna(), None)
    report = report[list(REPORT_COLUMNS)]

    releases = kept[["content_hash", "path"]].merge(outcomes, on="content_hash", how="left", sort=False)
    releases["source"] = releases["url"].astype(object).where(releases["url"].notna(), releases["path"].astype(object))
    releases = releases[release_columns(taxonomy)].reset_index(drop=True)
    releases["event_date"] = releases["event_date"].astype("datetime64[ns]")
    for column in RELEASE_COLUMNS:
        if column not in NON_TEXT_COLUMNS:
            releases[column] = _text(releases[column])
    people = kept[["content_hash"]].merge(known_people.drop_duplicates(), on="content_hash", how="inner", sort=False)
    participants = people[list(PARTICIPANT_COLUMNS)].reset_index(drop=True)
    participants["event_date"] = participants["event_date"].astype("datetime64[ns]")
    for column in PARTICIPANT_COLUMNS:
        if column != "event_date":
            participants[column] = _text(participants[column])
    return Corpus(releases=releases, participants=participants, report=report)
