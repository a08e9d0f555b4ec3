"""Files and folders -> Corpus: the releases, participants and report tables, with a cache.

Every file handed in, or found in a folder, ends up as exactly one report row. Files are parsed
in worker processes under a time budget each; uploads (`extra_files`) are read from memory and
nothing derived from them is written to the cache.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pandas as pd

from sco_data.corpus.corrected import apply_corrections, file_report
from sco_data.corpus.corrections import CorrectionsFileError, corrections_path, read_corrections
from sco_data.corpus.discovery import (
    BYTES_PER_MB,
    DEFAULT_MAX_FILE_MB,
    FileInput,
    discover,
    size_verdict,
)
from sco_data.corpus.store import (
    CacheUnavailable,
    CorpusStore,
    default_cache_dir,
    default_cache_max_mb,
    parser_identity,
)
from sco_data.corpus.tables import Corpus, build_tables, concat_rows, outcome_frames, select_rows, unique_rows
from sco_data.corpus.workers import DEFAULT_TIME_LIMIT_S, Job, Parsed, parse_in_workers
from sco_data.extract.topics import Taxonomy, load_taxonomy

# From this many files to parse on, every core gets a worker; below it, one worker does.
PARALLEL_MIN_FILES = 1000
PARALLEL_CHUNK = 500
# A file changed this recently may change again within the file system's timestamp
# resolution without its stat key moving, so its stat key is not remembered (git's "racy" rule).
RACY_WINDOW_NS = 100_000_000

Progress = Callable[[int, int], None]


def load_corpus(paths: str | Path | Iterable[str | Path], cache_dir: str | Path | None = None,
                corrections: str | Path | bool | None = None, *, extra_files: Sequence[tuple[str, bytes]] = (),
                max_file_mb: float = DEFAULT_MAX_FILE_MB, max_file_bytes: int | None = None,
                use_cache: bool = True, cache_max_mb: float | None = None,
                time_limit: float = DEFAULT_TIME_LIMIT_S, time_budget: float | None = None,
                taxonomy: Taxonomy | None = None, workers: int | None = None,
                progress: Progress | None = None) -> Corpus:
    """Read releases from files and folders (recursively) and in-memory uploads.

    Never raises for what a file contains or for a path that does not exist: each becomes a
    report row; a file whose parse takes longer than `time_limit` seconds is rejected, and so is
    every file not read when the whole load has taken `time_budget` seconds, if given (files are
    then sent to the worker one at a time, so that each one read by then is kept).
    `max_file_mb` is the size limit for files and uploads alike (`max_file_bytes`, the same
    limit in bytes, is kept for callers written before it). `cache_dir` defaults to the user
    cache folder; `use_cache=False` skips it; a cache that cannot be used is a notice in
    `Corpus.notices`, never an error.

    Corrections are applied last: from the file `corrections` names (a folder means its
    `sco-corrections.csv`), else $SCO_CORRECTIONS, else `sco-corrections.csv` in the one folder
    read, when it exists; `corrections=False` applies none. A row that cannot be applied is an
    `invalid` report row; a named file that does not exist is a notice.
    """
    started_ns = time.time_ns()
    taxonomy = taxonomy or load_taxonomy()
    if max_file_bytes is not None:
        max_file_mb = max_file_bytes / BYTES_PER_MB
    inputs = discover(paths, max_file_mb)
    for name, data in extra_files:
        inputs.append(FileInput(label=name, data=data, size=len(data), verdict=size_verdict(len(data), max_file_mb)))
    notices: list[str] = []
    store = _open_store(cache_dir, taxonomy, cache_max_mb, notices) if use_cache else None
    try:
        deadline = None if time_budget is None else time.monotonic() + time_budget
        corpus = _load(inputs, store, taxonomy, workers, (time_limit, deadline), progress, started_ns, notices)
    finally:
        if store is not None:
            store.close()
    found = corrections_path(paths, corrections)
    if found is not None and os.path.lexists(found):  # a link is read, to be refused with a reason
        corpus = _corrected(corpus, found, paths, taxonomy)
    elif found is not None and corrections not in (None, True):
        notices.append(f"No corrections file at {found}; no corrections were applied.")
    corpus.notices = tuple(notices)
    return corpus


def _corrected(corpus: Corpus, path: Path, paths: object, taxonomy: Taxonomy) -> Corpus:
    """The corpus with the file's corrections applied, or with the file's report row saying why
    none could be."""
    label = _report_label(path, paths)
    try:
        read = read_corrections(path, taxonomy)
    except CorrectionsFileError as error:
        corpus.report = file_report(corpus.report, label, f"corrections file not read: {error}")
        return corpus
    return apply_corrections(corpus, read, label, taxonomy)


def _report_label(path: Path, paths: object) -> str:
    """The corrections file's path as the report names it: relative to the folder it lies in
    when that folder was read (as the walk named it), else its file name."""
    folders = [paths] if isinstance(paths, (str, Path)) else list(paths) if isinstance(paths, (list, tuple)) else []
    resolved = path.resolve()
    for folder in folders:
        root = Path(folder).resolve()
        if root.is_dir() and resolved.is_relative_to(root):
            return resolved.relative_to(root).as_posix()
    return path.name


def _open_store(cache_dir: str | Path | None, taxonomy: Taxonomy, max_mb: float | None,
                notices: list[str]) -> CorpusStore | None:
    folder = Path(cache_dir) if cache_dir else default_cache_dir()
    try:
        store = CorpusStore(folder, f"{parser_identity()}-{taxonomy.fingerprint}",
                            default_cache_max_mb() if max_mb is None else max_mb)
    except CacheUnavailable as error:
        notices.append(_unusable(folder, error))
        return None
    if store.rebuilt_because:
        notices.append(f"The cache file in {folder} was not usable ({store.rebuilt_because}) and was started afresh.")
    return store


def _load(inputs: list[FileInput], store: CorpusStore | None, taxonomy: Taxonomy, workers: int | None,
          timing: tuple[float, float | None], progress: Progress | None, started_ns: int,
          notices: list[str]) -> Corpus:
    stats: dict[str, tuple[tuple[int, int, int, int], str]] = {}
    held: dict[str, int] = {}
    if store is not None:
        try:
            stats, held = store.file_hashes(), store.batch_of()
        except CacheUnavailable as error:
            notices.append(_unusable(store.folder, error))
            store = None
    pending = []
    for item in inputs:
        if item.verdict is not None:
            continue
        known = stats.get(item.path) if item.path is not None else None
        if known is not None and known[0] == item.stat_key and known[1] in held:
            item.digest = known[1]
        else:
            pending.append(item)
    fresh, fresh_people = _parse(pending, taxonomy, frozenset(held), workers, timing, progress)
    parsed, read_again = len(fresh), []
    cached, cached_people, used = pd.DataFrame(), pd.DataFrame(), []
    if store is not None:
        wanted = {item.digest for item in inputs if item.digest is not None} - set(fresh["content_hash"])
        try:
            cached, cached_people, used = store.read(wanted, held)
        except CacheUnavailable as error:
            notices.append(_unusable(store.folder, error))
            store = None
        missing = wanted - set(cached.get("content_hash", ()))
        if missing:  # rows the cache claimed but could not give back (a damaged blob or no cache)
            read_again = [item for item in inputs if item.digest in missing]
            more, more_people = _parse(read_again, taxonomy, frozenset(), workers, timing, None)
            fresh = concat_rows(fresh, more)
            fresh_people = concat_rows(fresh_people, more_people)
            parsed += len(more)
    if store is not None:
        _remember(store, pending + read_again, stats, fresh, fresh_people, used, started_ns, notices)
    corpus = build_tables(inputs, concat_rows(cached, fresh), concat_rows(cached_people, fresh_people), taxonomy)
    corpus.parsed_files = parsed
    return corpus


def _parse(items: list[FileInput], taxonomy: Taxonomy, known: frozenset[str], workers: int | None,
           timing: tuple[float, float | None], progress: Progress | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Parse the items in worker processes; sets each item's digest or verdict and returns the
    new outcome rows and their participants."""
    jobs: list[tuple[int, Job]] = [(index, (item.label, item.path, item.data)) for index, item in enumerate(items)]
    total = len(jobs)
    worker_count = 1 if total < PARALLEL_MIN_FILES else max(1, workers or os.cpu_count() or 1)
    chunk = PARALLEL_CHUNK if timing[1] is None else 1  # under a budget, each file read is kept
    batches = [jobs[start:start + chunk] for start in range(0, total, chunk)]
    finished: list[tuple[int, Parsed]] = []
    done = 0
    for positions, result in parse_in_workers(batches, taxonomy, known, worker_count, *timing):
        for position, digest, verdict in zip(positions, result.digests, result.verdicts):
            items[position].digest, items[position].verdict = digest, verdict
        finished.append((positions[0], result))
        done += len(positions)
        if progress is not None:
            progress(done, total)
    # In the order of the files, however the workers finished: the cache then keeps the rows in
    # that order, and a warm load of the same folder needs not reorder them.
    finished.sort(key=lambda item: item[0])
    empty, empty_people = outcome_frames([], taxonomy)
    outcomes = unique_rows(concat_rows(empty, *(result.outcomes for _, result in finished)), "content_hash")
    participants = unique_rows(concat_rows(empty_people, *(result.participants for _, result in finished)))
    return outcomes, participants


def _remember(store: CorpusStore, read: list[FileInput], stats: dict[str, tuple[tuple[int, int, int, int], str]],
              fresh: pd.DataFrame, fresh_people: pd.DataFrame, used: list[int], started_ns: int,
              notices: list[str]) -> None:
    """Write what this load learned from files on disk; nothing that came only from an upload.
    Only the files that were `read` can have taught it anything: any other file's stat key and
    content hash are those the cache holds (a warm load of 100,000 files compares none)."""
    on_disk = [item for item in read if item.path is not None and item.digest is not None]
    from_disk = {item.digest for item in on_disk}
    keep = fresh["content_hash"].isin(from_disk).to_numpy(dtype=bool)
    people_keep = fresh_people["content_hash"].isin(from_disk).to_numpy(dtype=bool)
    files = [(item.path, item.stat_key, item.digest) for item in on_disk
             if stats.get(item.path) != (item.stat_key, item.digest) and item.ctime_ns < started_ns - RACY_WINDOW_NS]
    try:
        store.write(files, fresh if keep.all() else select_rows(fresh, keep),
                    fresh_people if people_keep.all() else select_rows(fresh_people, people_keep), used)
    except CacheUnavailable as error:
        notices.append(f"The cache in {store.folder} could not be updated ({error}); "
                       "this load's results were not kept.")


def _unusable(folder: Path, error: CacheUnavailable) -> str:
    return f"The cache in {folder} cannot be used ({error}); files were read without it."
