"""A Parquet cache of parsed files, keyed by content, in a user cache folder.

Entries live under a namespace named after the parser version and the taxonomy's fingerprint,
so a new parser or an edited taxonomy never serves stale rows. Each load that parsed something
appends one segment; segments are merged once there are more than MAX_SEGMENTS.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pandas as pd
import platformdirs

MANIFEST = "manifest"
OUTCOMES = "outcomes"
PARTICIPANTS = "participants"
MAX_SEGMENTS = 8
CACHE_DIR_ENV = "SCO_DATA_CACHE_DIR"


def default_cache_dir() -> Path:
    """$SCO_DATA_CACHE_DIR, else the platform's user cache folder."""
    configured = os.environ.get(CACHE_DIR_ENV)
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("sco-data"))


def clear_cache(cache_dir: Path | None = None) -> int:
    """Delete every cached entry; returns the number of files removed."""
    folder = cache_dir or default_cache_dir()
    if not folder.exists():
        return 0
    count = sum(1 for path in folder.rglob("*") if path.is_file())
    shutil.rmtree(folder)
    return count


class CorpusCache:
    def __init__(self, cache_dir: Path, namespace: str) -> None:
        self.folder = Path(cache_dir) / namespace
        self.manifest = self._read(MANIFEST)
        self.outcomes = self._read(OUTCOMES)
        self.participants = self._read(PARTICIPANTS)
        if not self.outcomes.empty:
            self.outcomes = self.outcomes.drop_duplicates("content_hash", keep="last")
        self.hashes: frozenset[str] = frozenset(self.outcomes["content_hash"]) if not self.outcomes.empty \
            else frozenset()
        self._stat_index: dict[tuple[str, int, int], str] = {}
        if not self.manifest.empty:
            self._stat_index = dict(zip(
                zip(self.manifest["path"], self.manifest["size"].astype(int),
                    self.manifest["mtime_ns"].astype(int)),
                self.manifest["content_hash"]))

    def _segments(self, kind: str) -> list[Path]:
        return sorted(self.folder.glob(f"{kind}-*.parquet")) if self.folder.exists() else []

    def _read(self, kind: str) -> pd.DataFrame:
        frames = []
        for path in self._segments(kind):
            try:
                frames.append(pd.read_parquet(path))
            except (OSError, ValueError):
                path.unlink(missing_ok=True)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def hash_for(self, path: str, size: int, mtime_ns: int) -> str | None:
        """The content hash recorded for a file unchanged since it was last read."""
        return self._stat_index.get((path, size, mtime_ns))

    def has(self, digest: str) -> bool:
        return digest in self.hashes

    def store(self, manifest: pd.DataFrame, outcomes: pd.DataFrame, participants: pd.DataFrame) -> None:
        """Append what this load learned; merge segments when there are too many."""
        if manifest.empty and outcomes.empty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        segment = uuid.uuid4().hex[:12]
        for kind, frame in ((MANIFEST, manifest), (OUTCOMES, outcomes), (PARTICIPANTS, participants)):
            if not frame.empty:
                self._write(frame, self.folder / f"{kind}-{segment}.parquet")
        if len(self._segments(OUTCOMES)) > MAX_SEGMENTS or len(self._segments(MANIFEST)) > MAX_SEGMENTS:
            self._compact()

    def _compact(self) -> None:
        for kind, keys in ((MANIFEST, ["path"]), (OUTCOMES, ["content_hash"]), (PARTICIPANTS, None)):
            segments = self._segments(kind)
            frame = self._read(kind)
            if keys and not frame.empty:
                frame = frame.drop_duplicates(keys, keep="last")
            if kind == PARTICIPANTS and not frame.empty:
                frame = frame.drop_duplicates(keep="last")
            if not frame.empty:
                self._write(frame, self.folder / f"{kind}-{uuid.uuid4().hex[:12]}.parquet")
            for path in segments:
                path.unlink(missing_ok=True)

    @staticmethod
    def _write(frame: pd.DataFrame, path: Path) -> None:
        temporary = path.with_suffix(".tmp")
        frame.to_parquet(temporary, index=False, compression="zstd")
        temporary.replace(path)
