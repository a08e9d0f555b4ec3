"""Paths -> inputs: the files to read, each judged by its size before anything reads it.

Folders are walked recursively in a stable order; hidden files and folders, unreadable
entries and paths that do not exist become inputs that carry their verdict.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sco_data.schema import REPORT_REJECTED, REPORT_SKIPPED

DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass
class FileInput:
    label: str
    path: str | None = None
    data: bytes | None = None
    size: int = 0
    mtime_ns: int = 0
    verdict: tuple[str, str] | None = None
    digest: str | None = None


def size_verdict(size: int, limit: int) -> tuple[str, str] | None:
    if size == 0:
        return REPORT_REJECTED, "empty file"
    if size > limit:
        return REPORT_REJECTED, f"file too large ({size / 1e6:.1f} MB > limit {limit / 1e6:.1f} MB)"
    return None


def discover(paths: str | Path | Iterable[str | Path], limit: int) -> list[FileInput]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    inputs: list[FileInput] = []
    for given in paths:
        root = Path(given)
        if root.is_dir():
            inputs.extend(_walk(root, limit))
        elif root.is_file():
            inputs.append(file_input(str(root.resolve()), root.name, limit, root.stat))
        else:
            inputs.append(FileInput(label=str(given), verdict=(REPORT_REJECTED, "path does not exist")))
    return inputs


def _walk(root: Path, limit: int) -> list[FileInput]:
    """Files below a folder in a stable order; hidden files and folders are reported, not read.

    Uses os.scandir, whose entries carry their type, and resolves the root once: per-file
    Path.resolve() and is_dir() calls dominated the warm load of large folders.
    """
    found: list[FileInput] = []
    base = str(root.resolve())

    def visit(folder: str, prefix: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            found.append(FileInput(label=prefix or ".", verdict=(REPORT_REJECTED, f"cannot read folder: {error.strerror}")))
            return
        subfolders = []
        for entry in entries:
            label = prefix + entry.name
            if entry.is_dir():
                if entry.name.startswith("."):
                    found.append(FileInput(label=label + "/", verdict=(REPORT_SKIPPED, "hidden folder, not read")))
                else:
                    subfolders.append(entry)
            elif entry.name.startswith("."):
                found.append(FileInput(label=label, verdict=(REPORT_SKIPPED, "hidden file, not read")))
            else:
                found.append(file_input(entry.path, label, limit, entry.stat))
        for entry in subfolders:
            visit(entry.path, prefix + entry.name + "/")

    visit(base, "")
    found.sort(key=lambda item: item.label)
    return found


def file_input(path: str, label: str, limit: int, stat: Callable[[], os.stat_result]) -> FileInput:
    """A file on disk, judged by its size before anything reads it."""
    try:
        result = stat()
    except OSError as error:
        return FileInput(label=label, verdict=(REPORT_REJECTED, f"cannot read file: {error.strerror}"))
    return FileInput(label=label, path=path, size=result.st_size, mtime_ns=result.st_mtime_ns,
                  verdict=size_verdict(result.st_size, limit))

