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
PARALLEL_MIN_FILES = 1500
PARALLEL_CHUNK = 500

Progress = Callable[[int, int], None]


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
    path: Path | None = None
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
    to_parse = _resolve_hashes(inputs, cache)
    outcomes = _parse_all(to_parse, taxonomy, workers, progress)
    corpus = _assemble(inputs, outcomes, cache, taxonomy)
    corpus.parsed_files = len(outcomes)
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
            inputs.append(_file_input(root, root.name, limit))
        else:
            inputs.append(_Input(label=str(given), verdict=(REPORT_REJECTED, "path does not exist")))
    return inputs


def _walk(root: Path, limit: int) -> list[_Input]:
    """Files below a folder in a stable order; hidden files and folders are reported, not read."""
    found: list[_Input] = []
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        for name in sorted(subfolders):
            if name.startswith("."):
                label = (here / name).relative_to(root).as_posix() + "/"
                found.append(_Input(label=label, verdict=(REPORT_SKIPPED, "hidden folder, not read")))
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            label = (here / name).relative_to(root).as_posix()
            if name.startswith("."):
                found.append(_Input(label=label, verdict=(REPORT_SKIPPED, "hidden file, not read")))
            else:
                found.append(_file_input(here / name, label, limit))
    return found


def _file_input(path: Path, label: str, limit: int) -> _Input:
    try:
        stat = path.stat()
    except OSError as error:
        return _Input(label=label, verdict=(REPORT_REJECTED, f"cannot read file: {error.strerror}"))
    return _Input(label=label, path=path.resolve(), size=stat.st_size, mtime_ns=stat.st_mtime_ns,
                  verdict=_size_verdict(stat.st_size, limit))


def _resolve_hashes(inputs: list[_Input], cache: CorpusCache | None) -> list[_Input]:
    """Give every readable input its content hash; return those the cache cannot answer."""
    to_parse: list[_Input] = []
    seen: set[str] = set()
    for item in inputs:
        if item.verdict is not None:
            continue
        if item.path is not None and cache is not None:
            item.digest = cache.hash_for(str(item.path), item.size, item.mtime_ns)
        if item.digest is None:
            if item.data is None:
                try:
                    item.data = item.path.read_bytes()
                except OSError as error:
                    item.verdict = (REPORT_REJECTED, f"cannot read file: {error.strerror}")
                    continue
            item.digest = content_hash(item.data)
        if (cache is None or not cache.has(item.digest)) and item.digest not in seen:
            seen.add(item.digest)
            to_parse.append(item)
    return to_parse


def _parse_all(items: list[_Input], taxonomy: Taxonomy, workers: int | None,
               progress: Progress | None) -> list[Outcome]:
    total = len(items)
    jobs = [(item.data, item.label, item.digest) for item in items]
    for item in items:
        item.data = None
    worker_count = workers or os.cpu_count() or 1
    if total < PARALLEL_MIN_FILES or worker_count < 2:
        outcomes = []
        for done, (data, label, digest) in enumerate(jobs, start=1):
            outcomes.append(process_bytes(data, label, taxonomy, digest))
            if progress is not None and (done % 100 == 0 or done == total):
                progress(done, total)
        return outcomes
    chunks = [jobs[start:start + PARALLEL_CHUNK] for start in range(0, total, PARALLEL_CHUNK)]
    outcomes = []
    with ProcessPoolExecutor(max_workers=worker_count) as pool:
        for chunk_outcomes in pool.map(_parse_chunk, chunks, [taxonomy.path] * len(chunks)):
            outcomes.extend(chunk_outcomes)
            if progress is not None:
                progress(len(outcomes), total)
    return outcomes


def _parse_chunk(jobs: list[tuple[bytes, str, str]], taxonomy_path: str) -> list[Outcome]:
    taxonomy = load_taxonomy(taxonomy_path)
    return [process_bytes(data, label, taxonomy, digest) for data, label, digest in jobs]


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


def _assemble(inputs: list[_Input], outcomes: list[Outcome], cache: CorpusCache | None,
              taxonomy: Taxonomy) -> Corpus:
    fresh, fresh_people = _outcome_frames(outcomes, taxonomy)
    known, known_people = fresh, fresh_people
    if cache is not None:
        manifest = pd.DataFrame(
            [(str(item.path), item.size, item.mtime_ns, item.digest) for item in inputs
             if item.path is not None and item.digest is not None
             and cache.hash_for(str(item.path), item.size, item.mtime_ns) is None],
            columns=["path", "size", "mtime_ns", "content_hash"])
        cache.store(manifest, fresh, fresh_people)
        wanted = {item.digest for item in inputs if item.digest is not None}
        if not cache.outcomes.empty:
            cached = cache.outcomes[cache.outcomes["content_hash"].isin(wanted)]
            cached_people = cache.participants[cache.participants["content_hash"].isin(set(cached["content_hash"]))]
            known = pd.concat([cached, fresh], ignore_index=True) if not fresh.empty else cached
            known_people = pd.concat([cached_people, fresh_people], ignore_index=True) \
                if not fresh_people.empty else cached_people
    return _build_tables(inputs, known, known_people, taxonomy)


def _build_tables(inputs: list[_Input], known: pd.DataFrame, known_people: pd.DataFrame,
                  taxonomy: Taxonomy) -> Corpus:
    by_hash = known.drop_duplicates("content_hash").set_index("content_hash")
    statuses = by_hash["status"].to_dict()
    reasons = by_hash["reason"].to_dict()
    release_ids = by_hash["release_id"].to_dict()
    first_label: dict[str, str] = {}
    report_rows = []
    kept_hashes: list[str] = []
    kept_labels: list[str] = []
    for item in inputs:
        if item.verdict is not None:
            report_rows.append((item.label, *item.verdict, None))
            continue
        status, reason = statuses[item.digest], reasons[item.digest]
        release_id = release_ids.get(item.digest)
        if status in (REPORT_OK, REPORT_WARNING):
            if release_id in first_label:
                report_rows.append((item.label, REPORT_REJECTED, f"duplicate of {first_label[release_id]}",
                                    release_id))
                continue
            first_label[release_id] = item.label
            kept_hashes.append(item.digest)
            kept_labels.append(item.label)
            report_rows.append((item.label, status, reason or "", release_id))
        else:
            report_rows.append((item.label, status, reason, None))
    report = pd.DataFrame(report_rows, columns=list(REPORT_COLUMNS))
    releases = by_hash.loc[kept_hashes].reset_index()
    labels = pd.Series(kept_labels, index=releases.index, dtype=object)
    releases["source"] = releases["url"].astype(object).where(releases["url"].notna(), labels)
    releases = releases[release_columns(taxonomy)].reset_index(drop=True)
    releases["event_date"] = releases["event_date"].astype("datetime64[ns]")
    people = known_people[known_people["content_hash"].isin(set(kept_hashes))]
    order = {digest: position for position, digest in enumerate(kept_hashes)}
    people = people.assign(_order=people["content_hash"].map(order)).sort_values("_order", kind="stable")
    participants = people[list(PARTICIPANT_COLUMNS)].reset_index(drop=True)
    participants["event_date"] = participants["event_date"].astype("datetime64[ns]")
    return Corpus(releases=releases, participants=participants, report=report)
