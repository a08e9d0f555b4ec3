"""The cache of parsed files: one SQLite database in a user cache folder, written in one
transaction per load, so a crash, a kill or a full disk leaves the old state or the new one.

What a file parsed to is kept under a namespace made of the parser's identity (a hash of the
extractor's code and lexicon files) and the taxonomy's fingerprint, so a changed parser or an
edited taxonomy never serves stale rows. Outcome and participant rows are stored as compressed
Arrow blobs, one per batch of files; the least recently used batches are evicted once the
blobs pass a size bound. A cache that cannot be opened, read or written is a notice, never an
error: the load parses without it.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import platformdirs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc

from sco_data.corpus.tables import select_rows

CACHE_DIR_ENV = "SCO_DATA_CACHE_DIR"
CACHE_MAX_MB_ENV = "SCO_DATA_CACHE_MAX_MB"
DEFAULT_CACHE_MAX_MB = 500.0
DATABASE_NAME = "sco-data-cache.sqlite3"
# Bumped when the tables below change; a database of another schema is started afresh.
SCHEMA_VERSION = "1"
# Rows per stored blob: small enough to evict in useful steps, large enough to read fast.
BATCH_ROWS = 5000
# LZ4 rather than zstd: blobs about twice the size, read in half the time (the texts of 100,000
# releases: 0.2-0.3 s instead of 0.5-1.3 s on 2 cores), written faster too. A blob names its codec,
# so blobs written with another stay readable.
BLOB_COMPRESSION = "lz4"
# Seconds to wait for another process's write to finish before giving up on the cache.
BUSY_TIMEOUT_S = 10.0

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                    ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, content_hash TEXT NOT NULL);
CREATE TABLE batches (batch_id INTEGER PRIMARY KEY, namespace TEXT NOT NULL, last_used REAL NOT NULL,
                      bytes INTEGER NOT NULL, outcomes BLOB NOT NULL, participants BLOB NOT NULL);
CREATE TABLE entries (namespace TEXT NOT NULL, content_hash TEXT NOT NULL, batch_id INTEGER NOT NULL,
                      PRIMARY KEY (namespace, content_hash));
CREATE INDEX entries_by_batch ON entries (batch_id);
"""


def default_cache_dir() -> Path:
    """$SCO_DATA_CACHE_DIR, else the platform's user cache folder."""
    configured = os.environ.get(CACHE_DIR_ENV)
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("sco-data"))


def default_cache_max_mb() -> float:
    """$SCO_DATA_CACHE_MAX_MB, else DEFAULT_CACHE_MAX_MB."""
    configured = os.environ.get(CACHE_MAX_MB_ENV, "")
    try:
        return float(configured)
    except ValueError:
        return DEFAULT_CACHE_MAX_MB


def clear_cache(cache_dir: Path | None = None) -> int:
    """Delete the cache's database (and SQLite's side files); returns the number of parsed
    files it held. Nothing else in the folder is touched: the folder may be one the user keeps
    other files in."""
    folder = cache_dir or default_cache_dir()
    count = cache_contents(folder)["content_hash"].nunique()
    _remove_database(folder / DATABASE_NAME)
    return count


# Besides the extractor, the modules that turn a Release into stored rows: a change to any of
# them changes what a file is stored as.
ROW_MODULES = ("schema.py", "corpus/ingest.py", "corpus/tables.py")
PACKAGE_DIR = Path(__file__).resolve().parent.parent


@functools.cache
def parser_identity() -> str:
    """A hash of every .py and .toml file of the extractor (code and lexicon) and of the modules
    that make rows of its Release: any edit gives a new identity, so a fresh cache namespace."""
    package = PACKAGE_DIR
    extractor = PACKAGE_DIR / "extract"
    sources = [path for path in extractor.rglob("*") if path.suffix in (".py", ".toml") and path.is_file()]
    sources += [package / name for name in ROW_MODULES]
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(sources):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class CacheUnavailable(Exception):
    """The cache cannot be used; the message says why, for the load's notice."""


def frame_to_blob(frame: pd.DataFrame) -> bytes:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    sink = io.BytesIO()
    with ipc.new_stream(sink, table.schema, options=ipc.IpcWriteOptions(compression=BLOB_COMPRESSION)) as writer:
        writer.write_table(table)
    return sink.getvalue()


# One thread per blob: Arrow's own threads, on a machine whose cores are busy, made the read of
# 100,000 releases' blobs take anywhere from 0.3 to 1.4 s; in the calling thread it takes 0.2-0.3 s.
READ_OPTIONS = ipc.IpcReadOptions(use_threads=False)


def blob_to_table(blob: bytes) -> pa.Table:
    """The blob's rows, decoded into memory from the C library's allocator. Arrow's default pool
    (mimalloc) took 0.25-1.4 s, run to run, to hand out the 500 MB a warm load of 100,000
    releases decodes; the system allocator takes 0.3 s every time."""
    return ipc.open_stream(blob, options=READ_OPTIONS, memory_pool=pa.system_memory_pool()).read_all()


def _rows_of(table: pa.Table, wanted: set[str], whole: bool) -> pa.Table:
    """The table's rows whose content hash is wanted; all of them when `whole`."""
    if whole:
        return table
    return table.filter(pc.is_in(table["content_hash"], value_set=pa.array(sorted(wanted), pa.string())))


def _tables_to_frame(tables: list[pa.Table]) -> pd.DataFrame:
    """One DataFrame of the tables' rows, converted once (text stays in Arrow memory)."""
    if not tables:
        return pd.DataFrame()
    return pa.concat_tables(tables, promote_options="permissive").to_pandas()


class CorpusStore:
    """One connection to the cache database, for one load."""

    def __init__(self, folder: Path, namespace: str, max_mb: float) -> None:
        self.folder = Path(folder)
        self.path = self.folder / DATABASE_NAME
        self.namespace = namespace
        self.max_bytes = int(max_mb * 1_000_000)
        self.rebuilt_because: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.connection = self._open()
        except (OSError, sqlite3.Error) as error:
            raise CacheUnavailable(_reason(error)) from error

    def _open(self) -> sqlite3.Connection:
        """Open the database, creating it; a file that is not our database is started afresh."""
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                self._create(connection)
                return connection
            version = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() \
                if "meta" in tables else None
            if version == (SCHEMA_VERSION,):
                return connection
            reason = "another program's database" if version is None else "an older cache layout"
        except sqlite3.DatabaseError as error:
            if not _is_damage(error):
                connection.close()
                raise
            reason = _reason(error)
        connection.close()
        _remove_database(self.path)
        self.rebuilt_because = reason
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self._create(connection)
        return connection

    @staticmethod
    def _create(connection: sqlite3.Connection) -> None:
        # Pages freed by eviction go back to the file system (incremental vacuum below).
        connection.execute("PRAGMA auto_vacuum = INCREMENTAL")
        connection.executescript(
            f"BEGIN IMMEDIATE;\n{SCHEMA}\nINSERT INTO meta VALUES ('schema', '{SCHEMA_VERSION}');\nCOMMIT;")

    def close(self) -> None:
        self.connection.close()

    def file_hashes(self) -> dict[str, tuple[tuple[int, int, int, int], str]]:
        """Per path: the stat key it had when it was last read, and its content hash."""
        rows = self._read("SELECT path, size, mtime_ns, ctime_ns, inode, content_hash FROM files")
        return {path: ((size, mtime, ctime, inode), digest) for path, size, mtime, ctime, inode, digest in rows}

    def batch_of(self) -> dict[str, int]:
        """Per content hash held in this namespace: the batch that holds its rows."""
        return dict(self._read("SELECT content_hash, batch_id FROM entries WHERE namespace = ?", (self.namespace,)))

    def read(self, wanted: Iterable[str], batch_of: dict[str, int]) -> tuple[pd.DataFrame, pd.DataFrame, list[int]]:
        """The stored outcome and participant rows of the wanted hashes, and the batches read."""
        wanted_by_batch: dict[int, set[str]] = {}
        for digest in wanted:
            if digest in batch_of:
                wanted_by_batch.setdefault(batch_of[digest], set()).add(digest)
        outcomes, participants, used = [], [], []
        for batch_id, blob, people_blob in self._blobs(list(wanted_by_batch)):
            try:
                table, people = blob_to_table(blob), blob_to_table(people_blob)
            except (pa.ArrowException, ValueError):
                continue  # a damaged blob: its files are parsed again and stored afresh
            keep = wanted_by_batch[batch_id]
            # A batch holds each content hash once: when as many rows are wanted from it as it
            # has, it is wanted whole (the usual case), and nothing needs filtering.
            whole = table.num_rows == len(keep)
            outcomes.append(_rows_of(table, keep, whole))
            participants.append(_rows_of(people, keep, whole))
            used.append(batch_id)
        return _tables_to_frame(outcomes), _tables_to_frame(participants), used

    def _blobs(self, batch_ids: list[int]) -> list[tuple[int, bytes, bytes]]:
        rows = []
        for start in range(0, len(batch_ids), 500):
            chunk = batch_ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows += self._read(f"SELECT batch_id, outcomes, participants FROM batches WHERE batch_id IN ({marks})", chunk)
        return rows

    def _read(self, sql: str, parameters: Iterable = ()) -> list[tuple]:
        try:
            return self.connection.execute(sql, tuple(parameters)).fetchall()
        except sqlite3.Error as error:
            raise self._unavailable(error) from error

    def write(self, files: list[tuple[str, tuple[int, int, int, int], str]], outcomes: pd.DataFrame,
              participants: pd.DataFrame, used: list[int]) -> None:
        """In one transaction: the new rows, the files' stat keys, the batches' use, eviction."""
        now = time.time()
        try:
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                self._insert_batches(outcomes, participants, now)
                self.connection.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                    [(path, *key, digest) for path, key, digest in files])
                self.connection.executemany("UPDATE batches SET last_used = ? WHERE batch_id = ?",
                                            [(now, batch_id) for batch_id in used])
                evicted = self._evict()
                self.connection.execute("COMMIT")
            except BaseException:
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise self._unavailable(error) from error
        if evicted:
            try:
                self.connection.execute("PRAGMA incremental_vacuum")
            except sqlite3.OperationalError:
                pass  # the freed pages stay in the file and are reused by the next write

    def _unavailable(self, error: sqlite3.Error) -> CacheUnavailable:
        """The error as a notice; a damaged database is removed so the next load starts afresh."""
        if not _is_damage(error):
            return CacheUnavailable(_reason(error))
        self.connection.close()
        _remove_database(self.path)
        return CacheUnavailable(f"{_reason(error)}; it will be started afresh")

    def _insert_batches(self, outcomes: pd.DataFrame, participants: pd.DataFrame, now: float) -> None:
        # Each participant row goes with the batch of its release's row (outcomes hold each
        # content hash once), found for all rows at once rather than batch by batch.
        row = pd.Index(outcomes["content_hash"]).get_indexer(participants["content_hash"])
        batch_of_person = np.where(row >= 0, row // BATCH_ROWS, -1)
        for number, start in enumerate(range(0, len(outcomes), BATCH_ROWS)):
            frame = outcomes.iloc[start:start + BATCH_ROWS]
            people = select_rows(participants, batch_of_person == number)
            blob, people_blob = frame_to_blob(frame), frame_to_blob(people)
            batch_id = self.connection.execute(
                "INSERT INTO batches (namespace, last_used, bytes, outcomes, participants) VALUES (?, ?, ?, ?, ?)",
                (self.namespace, now, len(blob) + len(people_blob), blob, people_blob)).lastrowid
            self.connection.executemany(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?)",
                [(self.namespace, digest, batch_id) for digest in frame["content_hash"]])

    def _evict(self) -> bool:
        """Drop the least recently used batches beyond the size bound; True when any went."""
        total, doomed = 0, []
        for batch_id, size in self.connection.execute("SELECT batch_id, bytes FROM batches ORDER BY last_used DESC, batch_id DESC"):
            total += size
            if total > self.max_bytes:
                doomed.append((batch_id,))
        if not doomed:
            return False
        self.connection.executemany("DELETE FROM entries WHERE batch_id = ?", doomed)
        self.connection.executemany("DELETE FROM batches WHERE batch_id = ?", doomed)
        self.connection.execute("DELETE FROM files WHERE content_hash NOT IN (SELECT content_hash FROM entries)")
        return True


def cache_contents(cache_dir: Path | None = None) -> pd.DataFrame:
    """What the cache holds: one row per stored file content (namespace, content_hash, and the
    batch that holds it: batch_id, batch_bytes, last_used); empty when there is no cache."""
    columns = ["namespace", "content_hash", "batch_id", "batch_bytes", "last_used"]
    path = (cache_dir or default_cache_dir()) / DATABASE_NAME
    if not path.is_file():
        return pd.DataFrame(columns=columns)
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT entries.namespace, content_hash, batch_id, bytes, last_used FROM entries "
                                  "JOIN batches USING (batch_id) ORDER BY last_used, content_hash").fetchall()
    except sqlite3.Error:
        rows = []  # not our database, or a damaged one: it holds nothing we would read
    finally:
        connection.close()
    return pd.DataFrame(rows, columns=columns)


def _is_damage(error: sqlite3.Error) -> bool:
    """A file that is not a database, or a damaged one: as opposed to a busy or read-only one."""
    return getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)


def _remove_database(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
