"""Which folders a running dashboard may read: the rule, as pure functions the page calls.

Allowed roots are the folder the app was started with (`--data` or SCO_DATA_DIR), the bundled
sample, and the folders listed in SCO_DATA_ROOTS (separated by os.pathsep). A requested folder
is allowed only if, with every symlink resolved, it lies inside one of the resolved roots, so
neither `..` nor a link inside a root can lead out of it. A locked dashboard (`--lock` or
SCO_DATA_LOCK=1) reads its start folder only and offers no folder box.

What a visitor sends (the folder box, a link's folder=, an upload's name) is checked before it
is used: `acceptable_text` refuses control characters (NUL among them), text that is no valid
Unicode and text longer than a path can be. A folder is refused in two words only: "outside
the allowed folders" for anything not inside a root (whether or not it exists, a link loop
included) or not acceptable, "not a folder" for what is inside a root but cannot be read as a
folder; never an exception.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOTS_ENV = "SCO_DATA_ROOTS"
LOCK_ENV = "SCO_DATA_LOCK"
OUTSIDE = "outside the allowed folders"
NOT_A_FOLDER = "not a folder"
# PATH_MAX on Linux: no longer path can be opened.
MAX_PATH_CHARS = 4096
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")


def acceptable_text(text: str, limit: int = MAX_PATH_CHARS) -> bool:
    """Whether a string a visitor sent can name a file or folder: at most `limit` characters,
    no control character, and valid Unicode (no lone surrogate, which no file name encodes)."""
    if len(text) > limit or CONTROL_CHARACTERS.search(text):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class FolderCheck:
    """A requested folder's verdict: the resolved folder to read, or why it is refused."""

    folder: Path | None
    reason: str | None = None


@dataclass(frozen=True)
class FolderAccess:
    """What the page may read: the start folder, the allowed roots, and whether it is locked."""

    start: Path
    roots: tuple[Path, ...]
    locked: bool

    @property
    def offers_folder_box(self) -> bool:
        return not self.locked

    def check(self, requested: str | Path) -> FolderCheck:
        """The resolved folder if it is allowed, else a reason a person understands. A path
        outside the roots is refused as such whether or not it exists, so the box cannot be
        used to find out what exists elsewhere."""
        text = str(requested).strip()
        if not text:
            return FolderCheck(None, "no folder given")
        if not acceptable_text(text):
            return FolderCheck(None, OUTSIDE)
        # os.path.realpath resolves what links it can and raises for none (a loop stays as
        # written), so a path outside the roots is refused before anything there is opened.
        path = os.path.expanduser(text)
        if not self._inside(Path(os.path.realpath(path))):
            return FolderCheck(None, OUTSIDE)
        try:
            folder = Path(path).resolve(strict=True)
        except (OSError, RuntimeError):  # missing, unreadable, a link loop (RuntimeError before 3.13)
            return FolderCheck(None, NOT_A_FOLDER)
        if not self._inside(folder):
            return FolderCheck(None, OUTSIDE)
        if self.locked and folder != self.start:
            return FolderCheck(None, "this dashboard is locked to its folder")
        if not folder.is_dir():
            return FolderCheck(None, NOT_A_FOLDER)
        return FolderCheck(folder)

    def _inside(self, folder: Path) -> bool:
        return any(folder.is_relative_to(root) for root in self.roots)


def folder_access(start: str | Path | None, bundled: str | Path, *, lock: bool = False,
                  environ: Mapping[str, str] = os.environ) -> FolderAccess:
    """The access rule for a dashboard started on `start` (None or "" for the bundled sample),
    with `lock` from its command line; SCO_DATA_ROOTS and SCO_DATA_LOCK come from `environ`."""
    start_folder = _resolved(start or bundled) or Path(start or bundled).absolute()
    listed = [entry for entry in environ.get(ROOTS_ENV, "").split(os.pathsep) if entry.strip()]
    roots: list[Path] = []
    for candidate in [start_folder, _resolved(bundled), *(_resolved(entry) for entry in listed)]:
        if candidate is not None and candidate not in roots:
            roots.append(candidate)
    locked = lock or environ.get(LOCK_ENV, "").strip() == "1"
    return FolderAccess(start_folder, tuple(roots), locked)


def _resolved(path: str | Path) -> Path | None:
    """The folder with every link resolved; None if it does not exist or is not a folder."""
    try:
        resolved = Path(path).expanduser().resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return resolved if resolved.is_dir() else None
