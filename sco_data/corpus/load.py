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

from sco_data.corpus.discovery import (
    DEFAULT_MAX_FILE_BYTES,
    FileInput,
    discover,
    size_verdict,
)
from sco_data.corpus.ingest import Outcome, content_hash, process_bytes
from sco_data.corpus.store import CorpusCache, default_cache_dir
from sco_data.corpus.tables import Corpus, build_tables, outcome_frames
from sco_data.extract.topics import Taxonomy, load_taxonomy
from sco_data.schema import REPORT_REJECTED

# Bump when a change to the extractors changes what a file parses to: it empties the cache.
PARSER_VERSION = "1"
# Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 1000
PARALLEL_CHUNK = 500

Progress = Callable[[int, int], None]


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
    inputs = discover(paths, max_file_bytes)
    for name, data in extra_files:
        inputs.append(FileInput(label=name, data=data, size=len(data),
                             verdict=size_verdict(len(data), max_file_bytes)))
    cache = None
    if use_cache:
        cache = CorpusCache(Path(cache_dir) if cache_dir else default_cache_dir(),
                            f"v{PARSER_VERSION}-{taxonomy.fingerprint}")
    fresh, fresh_people, parsed = _parse_all(_pending(inputs, cache), cache, taxonomy, workers, progress)
    corpus = _assemble(inputs, fresh, fresh_people, cache, taxonomy)
    corpus.parsed_files = parsed
    return corpus


def _pending(inputs: list[FileInput], cache: CorpusCache | None) -> list[FileInput]:
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
    frame, people = outcome_frames(outcomes, taxonomy)
    return _Parsed(digests, verdicts, frame, people)


def _parse_all(items: list[FileInput], cache: CorpusCache | None, taxonomy: Taxonomy,
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
        outcomes, participants = outcome_frames([], taxonomy)
        return outcomes, participants, 0
    outcomes = pd.concat(frames, ignore_index=True)
    participants = pd.concat(people, ignore_index=True) if people else outcome_frames([], taxonomy)[1]
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


def _assemble(inputs: list[FileInput], fresh: pd.DataFrame, fresh_people: pd.DataFrame,
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
    return build_tables(inputs, known, known_people, taxonomy)

