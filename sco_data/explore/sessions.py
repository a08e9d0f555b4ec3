"""What one visitor's session may cost the server every visitor shares.

The folder's corpus is read once and shared by every session (the page's cache). A visitor's
uploads are read in that visitor's session only, joined to the shared corpus there
(corpus.tables.with_uploads) and kept in the session's state, so they go when the session
ends: no cache outlives a session holding its uploads. The limits (README, "Security"):

- a session reads at most UPLOAD_LIMITS.files uploads of UPLOAD_LIMITS.megabytes in all, each
  named by at most UPLOAD_LIMITS.name_chars printable characters, and spends at most
  UPLOAD_LIMITS.read_seconds reading uploads over its life (each file also within the
  per-file time limit of sco_data.corpus.workers);
- the uploads of at most UPLOAD_SESSIONS sessions are held at once (UploadLedger), so memory
  held for uploads is bounded across sessions; a session's place is freed when it ends;
- uploads are read one session at a time (READING), in one worker process: one visitor's
  files take one core at most, and a second visitor's page keeps the other;
- "Reload the folder" reads a folder again at most once every RELOAD_INTERVAL_S seconds,
  whoever asks (ReloadThrottle); the cache then parses only the files that changed.
"""

from __future__ import annotations

import dataclasses
import threading
import time
import weakref
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from sco_data.corpus.discovery import BYTES_PER_MB
from sco_data.corpus.load import load_corpus
from sco_data.corpus.roots import acceptable_text
from sco_data.corpus.tables import Corpus, with_uploads
from sco_data.explore.prepared import PreparedCorpus, prepare_corpus
from sco_data.explore.wording import plural

STATE_KEY = "session_uploads"
UPLOAD_SESSIONS = 4
RELOAD_INTERVAL_S = 30.0
READING = threading.Lock()


class UploadedFile(Protocol):
    """What the page's upload widget hands over per file (Streamlit's UploadedFile)."""

    file_id: str
    name: str
    size: int

    def getvalue(self) -> bytes: ...


@dataclass(frozen=True)
class UploadLimits:
    """A session's budget for uploads."""

    files: int = 10
    megabytes: float = 10.0
    read_seconds: float = 20.0
    name_chars: int = 255


UPLOAD_LIMITS = UploadLimits()


@dataclass(frozen=True)
class WithUploads:
    """The corpus a session shows, how many uploads it read, and the uploads it did not read
    (the page lets go of their bytes)."""

    data: PreparedCorpus
    read: int
    refused: tuple[UploadedFile, ...]


class UploadLedger:
    """The sessions that hold uploads now, process-wide: at most `sessions` of them."""

    def __init__(self, sessions: int) -> None:
        self.sessions = sessions
        self._holders: set[int] = set()
        self._lock = threading.Lock()

    def claim(self, holder: SessionUploads) -> bool:
        """A place for the holder's uploads (it may have one already); False when all are taken."""
        with self._lock:
            if id(holder) not in self._holders and len(self._holders) >= self.sessions:
                return False
            self._holders.add(id(holder))
            return True

    def release(self, holder_id: int) -> None:
        with self._lock:
            self._holders.discard(holder_id)

    @property
    def held(self) -> int:
        with self._lock:
            return len(self._holders)


LEDGER = UploadLedger(UPLOAD_SESSIONS)


class SessionUploads:
    """One session's uploads: the corpus of those read, the seconds spent reading, and the
    shared corpus they were last joined to. Its place in the ledger is given back when the
    session has no upload to show, and when it is dropped with the session's state."""

    def __init__(self, ledger: UploadLedger, limits: UploadLimits) -> None:
        self.ledger, self.limits = ledger, limits
        self.key: tuple[str, ...] | None = None
        self.uploaded: Corpus | None = None
        self.read = 0
        self.notices: tuple[str, ...] = ()
        self.seconds_used = 0.0
        self.joined: tuple[PreparedCorpus, PreparedCorpus] | None = None
        # The corpus shown with this session's notices, kept (with what it was made from) so that
        # a rerun shows the same object and what the page remembers of it stays valid.
        self.noticed: tuple[PreparedCorpus, PreparedCorpus] | None = None
        weakref.finalize(self, ledger.release, id(self))

    def shown(self, folder_data: PreparedCorpus, files: Sequence[UploadedFile]) -> WithUploads:
        """The corpus to show with these uploads; the uploads are read again only when the
        ones admitted change (not when the page drops the refused ones)."""
        admitted, refused, notices = admit(files, self.limits)
        key = tuple(file.file_id for file in admitted)
        if key != self.key:
            self.key, self.joined, self.noticed = key, None, None
            refused += self._read(admitted, notices)
            self.notices = tuple(notices)
        if self.uploaded is None:
            data = folder_data
        else:
            if self.joined is None or self.joined[0] is not folder_data:
                joined = prepare_corpus(with_uploads(folder_data.source, self.uploaded), folder_data.taxonomy)
                self.joined = folder_data, joined
            data = self.joined[1]
        if self.notices:
            if self.noticed is None or self.noticed[0] is not data:
                self.noticed = data, dataclasses.replace(data, notices=data.notices + self.notices)
            data = self.noticed[1]
        return WithUploads(data, self.read, tuple(refused))

    def _read(self, admitted: list[UploadedFile], notices: list[str]) -> list[UploadedFile]:
        """Read the admitted uploads, if this session has time left and the server room; returns
        those it did not read."""
        self.uploaded, self.read = None, 0
        left = self.limits.read_seconds - self.seconds_used
        if admitted and left > 0 and self.ledger.claim(self):
            with READING:
                started = time.monotonic()
                self.uploaded = load_corpus([], use_cache=False, corrections=False, time_budget=left, workers=1,
                                            extra_files=[(file.name, file.getvalue()) for file in admitted])
                self.seconds_used += time.monotonic() - started
            self.read = len(admitted)
            return []
        if admitted and left <= 0:
            notices.append(f"Not reading the uploaded files: this session has spent its "
                           f"{self.limits.read_seconds:g} s of reading uploads.")
        elif admitted:
            notices.append("Not reading the uploaded files now: the dashboard holds as many visitors' uploads "
                           "as it can. Try again in a while.")
        self.ledger.release(id(self))
        return admitted


def admit(files: Sequence[UploadedFile], limits: UploadLimits) -> tuple[list, list, list[str]]:
    """The uploads a session reads, in the order given, within its limits; those it does not
    read, and a sentence for each reason."""
    admitted, misnamed, over = [], [], []
    total = 0
    for file in files:
        if not acceptable_text(file.name, limits.name_chars):
            misnamed.append(file)
        elif len(admitted) == limits.files or total + file.size > limits.megabytes * BYTES_PER_MB:
            over.append(file)
        else:
            admitted.append(file)
            total += file.size
    notices = []
    if misnamed:
        notices.append(f"Not reading {plural(len(misnamed), 'uploaded file')}: a file name may not hold control "
                       f"characters or be longer than {limits.name_chars} characters.")
    if over:
        notices.append(f"Not reading {plural(len(over), 'uploaded file')}: a visitor's session reads at most "
                       f"{limits.files} uploaded files of {limits.megabytes:g} MB in all.")
    return admitted, misnamed + over, notices


def with_session_uploads(session: MutableMapping, folder_data: PreparedCorpus, files: Sequence[UploadedFile],
                         limits: UploadLimits = UPLOAD_LIMITS, ledger: UploadLedger = LEDGER) -> WithUploads:
    """The corpus a session shows: the shared folder corpus joined to the session's uploads,
    read once per set of files admitted and kept in the session's state (`session`), which
    also keeps the seconds the session has spent reading uploads."""
    if STATE_KEY not in session:
        session[STATE_KEY] = SessionUploads(ledger, limits)
    return session[STATE_KEY].shown(folder_data, files)


class ReloadThrottle:
    """When each folder was last read again on request: at most once per `interval_s`."""

    def __init__(self, interval_s: float) -> None:
        self.interval_s = interval_s
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def allow(self, folder: str) -> bool:
        """Whether the folder may be read again now (and, if so, the time is noted)."""
        now = time.monotonic()
        with self._lock:
            if folder in self._last and now - self._last[folder] < self.interval_s:
                return False
            self._last[folder] = now
            return True


RELOADS = ReloadThrottle(RELOAD_INTERVAL_S)
