"""Saving corrections: one row appended to the corrections file, atomically, by any number of
writers at once.

A save takes an exclusive lock (`fcntl.flock` on `.<file name>.lock` beside the file), reads
the file as it is now, writes the old bytes and the new row to a temporary file in the same
folder, flushes it to disk and puts it in place with `os.replace`. A crash or a kill at any
moment leaves the file as it was or as it is after the save, never half-written; a second
writer waits for the lock and appends to what the first wrote, so no row is lost. Temporary
files a killed writer left behind are removed by the next save.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import os
import secrets
import time
from pathlib import Path

from sco_data.corpus.corrections import (
    LIST_FIELDS,
    UNDO,
    Correction,
    PersonEdit,
    lock_path,
    parse_correction,
)
from sco_data.corpus.corrections_csv import (
    NEW_FILE_LINE_END,
    CorrectionsFileError,
    decoded,
    line_ending,
    read_file,
    records,
    row_text,
)
from sco_data.extract.topics import Taxonomy
from sco_data.schema import CORRECTION_COLUMNS

# How long a save waits for another one to finish before it gives up.
LOCK_TIMEOUT_S = 10.0
LOCK_POLL_S = 0.01


class CorrectionNotSaved(Exception):
    """A correction could not be written; the message says why, for the page to show."""


def why_corrections_unsaveable(path: str | Path) -> str | None:
    """Why a save to this corrections file cannot work, or None when it can: the file is a
    symbolic link, or its folder is missing or may not be written (a read-only folder or file
    system, or a link, shows corrections but offers no editing). Named by the file's name only,
    so that a page's visitors need not learn the server's paths."""
    path = Path(path)
    if path.is_symlink():
        return f"{path.name} is a symbolic link; corrections are kept only in a file of the folder itself"
    if not (path.parent.is_dir() and os.access(path.parent, os.W_OK | os.X_OK)):
        return f"the folder of {path.name} cannot be written"
    return None


def save_correction(path: str | Path, release_id: str, field: str, value: str, note: str = "", *,
                    corrected_at: str | None = None, taxonomy: Taxonomy | None = None,
                    lock_timeout: float = LOCK_TIMEOUT_S) -> Correction:
    """Append one correction to the file (created when missing) and return it, checked.

    Raises InvalidCorrection (a ValueError) when the value does not fit the field's grammar
    or a cell is too long, and CorrectionNotSaved when the file cannot be written (or is a
    symbolic link); either way the file is unchanged. The row goes in with the file's own line
    endings, every cell that holds a comma, quote, tab or line break quoted, and a value or note
    a spreadsheet would run as a formula behind a quote that reading takes off again
    (corrections_csv).
    """
    corrected_at = corrected_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    correction = parse_correction(release_id, field, value, note, corrected_at, taxonomy=taxonomy)
    _append(Path(path), {"release_id": correction.release_id, "field": correction.field,
                         "value": correction.value, "note": note, "corrected_at": corrected_at}, lock_timeout)
    return correction


def undo_correction(path: str | Path, release_id: str, field: str, value: str | None = None, note: str = "", *,
                    corrected_at: str | None = None, taxonomy: Taxonomy | None = None,
                    lock_timeout: float = LOCK_TIMEOUT_S) -> Correction:
    """Append a row that takes back earlier corrections: of the whole field, or, given the
    `value` of a topics or counterparts correction, only those about its topic or person."""
    undo = UNDO
    if value is not None and field in LIST_FIELDS:
        earlier = parse_correction(release_id, field, value, taxonomy=taxonomy)
        if earlier.action != UNDO:
            edit = earlier.target
            about = (edit.was or edit.name) if isinstance(edit, PersonEdit) else earlier.subject
            undo = f"{UNDO}: {about}"
    return save_correction(path, release_id, field, undo, note, corrected_at=corrected_at, taxonomy=taxonomy,
                           lock_timeout=lock_timeout)


def _append(path: Path, row: dict[str, str], lock_timeout: float) -> None:
    try:
        handle = os.open(lock_path(path), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
    except OSError as error:
        raise CorrectionNotSaved(_why(path, error)) from None
    try:
        _lock(handle, path, lock_timeout)
        _remove_leftovers(path)
        current, mode = _current(path)
        _replace(path, current + _row_bytes(row, current), mode)
    finally:
        os.close(handle)  # closing the lock file releases the lock


def _lock(handle: int, path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise CorrectionNotSaved(f"cannot save the correction: another save to {path.name} "
                                         f"did not finish within {timeout:g} s") from None
            time.sleep(LOCK_POLL_S)


def _remove_leftovers(path: Path) -> None:
    """Temporary files of saves that were killed before they finished (only a lock holder
    writes one, and we hold the lock)."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        leftover.unlink(missing_ok=True)


def _current(path: Path) -> tuple[bytes, int | None]:
    """The file's bytes and permission bits now (nothing and None when it does not exist)."""
    try:
        return read_file(path)
    except FileNotFoundError:
        return b"", None
    except CorrectionsFileError as error:
        raise CorrectionNotSaved(f"cannot save corrections: {error}") from None
    except OSError as error:
        raise CorrectionNotSaved(_why(path, error)) from None


def _row_bytes(row: dict[str, str], current: bytes) -> bytes:
    """The new row (with a header first for a new file) in the file's own column order and line
    ending, after a line break the file's last line may lack."""
    try:
        text = decoded(current)
    except CorrectionsFileError as error:
        raise CorrectionNotSaved(f"the corrections file is {error}; correct or move it first") from None
    header = next(records(text), None)
    if header is None:
        return row_text(list(CORRECTION_COLUMNS), NEW_FILE_LINE_END).encode() + \
            row_text([row[column] for column in CORRECTION_COLUMNS], NEW_FILE_LINE_END).encode()
    missing = [column for column in CORRECTION_COLUMNS if column not in header.cells]
    if missing:
        raise CorrectionNotSaved(f"the file is not a corrections file (no column {', '.join(missing)} "
                                 "in its first line); correct or move it first")
    end = line_ending(text)
    before = "" if text.endswith(("\n", "\r")) else end
    return (before + row_text([row.get(column, "") for column in header.cells], end)).encode()


def _replace(path: Path, data: bytes, mode: int | None) -> None:
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "wb") as out:
            if mode is not None:
                os.fchmod(out.fileno(), mode)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise CorrectionNotSaved(_why(path, error)) from None
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a folder's entry is written when the folder is synced)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is still atomic
    finally:
        os.close(handle)


def _why(path: Path, error: OSError) -> str:
    folder = path.parent if str(path.parent) else Path(".")
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"cannot save corrections in {folder}: the folder is read-only ({error.strerror})"
    if error.errno == errno.ENOSPC:
        return f"cannot save corrections in {folder}: the disk is full"
    if error.errno == errno.ENOENT:
        return f"cannot save corrections: the folder {folder} does not exist"
    return f"cannot save corrections to {path}: {error.strerror or error}"
