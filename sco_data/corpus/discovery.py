"""Paths -> inputs: the files to read, each judged by its size before anything reads it.

Folders are walked in a stable order; hidden files and folders, unreadable entries, links
that lead back into a folder already walked, and paths that do not exist become inputs that
carry their verdict. The files `sco-data fetch` keeps in a folder it fills (its manifest, lock
and half-written pages, all named `.sco-fetch*`) are left out: they are no input.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sco_data.schema import BYTES_PER_MB, DEFAULT_MAX_FILE_MB, FETCH_FILE_PREFIX, REPORT_REJECTED, REPORT_SKIPPED

# The files a folder is read for; any other file in it gets a `skipped` row naming its type.
# A file named on its own is read whatever its name says.
RELEASE_SUFFIXES = (".txt", ".htm", ".html")


@dataclass
class FileInput:
    label: str
    path: str | None = None
    data: bytes | None = None
    size: int = 0
    mtime_ns: int = 0
    ctime_ns: int = 0
    inode: int = 0
    verdict: tuple[str, str] | None = None
    digest: str | None = None

    @property
    def stat_key(self) -> tuple[int, int, int, int]:
        """What an edit changes: an in-place rewrite keeps size and can fake the modification
        time, but it always moves the status-change time (ctime); a replaced file has a new inode."""
        return self.size, self.mtime_ns, self.ctime_ns, self.inode


def size_verdict(size: int, max_mb: float) -> tuple[str, str] | None:
    if size == 0:
        return REPORT_REJECTED, "empty file"
    if size > max_mb * BYTES_PER_MB:
        return REPORT_REJECTED, f"file too large ({_megabytes_above(size, max_mb)} MB > limit {max_mb:g} MB)"
    return None


def _megabytes_above(size: int, max_mb: float) -> str:
    """The size in MB with as few decimals (at least one) as show it above the limit."""
    for decimals in range(1, 7):
        shown = f"{size / BYTES_PER_MB:.{decimals}f}"
        if float(shown) > max_mb:
            return shown
    return f"{size / BYTES_PER_MB}"


def discover(paths: str | Path | Iterable[str | Path], max_mb: float) -> list[FileInput]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    inputs: list[FileInput] = []
    for given in paths:
        root = Path(given)
        try:
            is_folder = root.is_dir()
            root.stat()
        except OSError as error:
            reason = "path does not exist" if isinstance(error, FileNotFoundError) else f"cannot read: {error.strerror}"
            inputs.append(FileInput(label=str(given), verdict=(REPORT_REJECTED, reason)))
            continue
        if is_folder:
            inputs.extend(_walk(root, max_mb))
        else:
            inputs.append(file_input(str(root.resolve()), root.name, max_mb, root.stat))
    return inputs


def _walk(root: Path, max_mb: float) -> list[FileInput]:
    """Files below a folder in a stable order; hidden files and folders are reported, not read.

    Walks with an explicit stack (no recursion limit on deep trees) and os.scandir, whose
    entries carry their type; a folder reached a second time through a link (a link to an
    ancestor would otherwise be walked forever) is reported once and not walked again. A link
    that leads out of the folder is reported and not followed: what a folder holds is what is
    inside it, so a dashboard allowed one folder reads nothing else through it.
    """
    found: list[FileInput] = []
    base = str(root.resolve())
    walked: set[tuple[int, int]] = set()
    stack = [(base, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            identity = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            found.append(FileInput(label=prefix or ".", verdict=(REPORT_REJECTED, f"cannot read folder: {error.strerror}")))
            continue
        if (identity.st_dev, identity.st_ino) in walked:
            found.append(FileInput(label=prefix, verdict=(REPORT_SKIPPED, "link to a folder already read, not read again")))
            continue
        walked.add((identity.st_dev, identity.st_ino))
        subfolders = []
        for entry in entries:
            label = prefix + entry.name
            if entry.name.startswith(FETCH_FILE_PREFIX):
                continue
            if entry.is_symlink() and not _leads_inside(entry.path, base):
                found.append(FileInput(label=label, verdict=(REPORT_SKIPPED, "link to outside the folder, not followed")))
            elif _is_folder(entry):
                if entry.name.startswith("."):
                    found.append(FileInput(label=label + "/", verdict=(REPORT_SKIPPED, "hidden folder, not read")))
                else:
                    subfolders.append((entry.path, label + "/"))
            elif entry.name.startswith("."):
                found.append(FileInput(label=label, verdict=(REPORT_SKIPPED, "hidden file, not read")))
            elif not entry.name.lower().endswith(RELEASE_SUFFIXES):
                found.append(FileInput(label=label, verdict=(REPORT_SKIPPED, _kind_of_file(entry.name))))
            else:
                found.append(file_input(entry.path, label, max_mb, entry.stat))
        stack.extend(reversed(subfolders))
    found.sort(key=lambda item: item.label)
    return found


def _leads_inside(link: str, base: str) -> bool:
    """Whether a link, with every link on the way resolved, ends inside the folder `base`
    (already resolved). A looping link ends where the loop is found, inside: reading it then
    fails with a reason of its own."""
    return Path(os.path.realpath(link)).is_relative_to(base)


def _kind_of_file(name: str) -> str:
    """Why a file in a folder is not read: its type is not a release's."""
    suffix = Path(name).suffix.lower()
    kind = f"{suffix} file" if suffix else "file without an extension"
    return f"{kind}, not a release file (.txt, .htm, .html)"


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def file_input(path: str, label: str, max_mb: float, stat: Callable[[], os.stat_result]) -> FileInput:
    """A file on disk, judged by its size before anything reads it."""
    try:
        result = stat()
    except OSError as error:
        return FileInput(label=label, verdict=(REPORT_REJECTED, f"cannot read file: {error.strerror}"))
    return FileInput(label=label, path=path, size=result.st_size, mtime_ns=result.st_mtime_ns,
                     ctime_ns=result.st_ctime_ns, inode=result.st_ino,
                     verdict=size_verdict(result.st_size, max_mb))
