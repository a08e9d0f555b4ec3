"""Parsing in worker processes: every file under a time budget, no worker outliving its caller.

The caller only waits on pipes, so it stays responsive (a dashboard can call this from its
thread). A worker notes each file as it starts it; one that spends longer than the budget on
a file is killed and replaced, the file gets a `rejected` verdict, and the rest of its batch
goes to another worker. A worker whose parent dies (even by kill -9) exits within a second.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import struct
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

import pandas as pd

from sco_data.corpus.ingest import Outcome, content_hash, process_bytes
from sco_data.corpus.tables import outcome_frames
from sco_data.extract.release import warm_up
from sco_data.extract.topics import Taxonomy, load_taxonomy
from sco_data.schema import REPORT_REJECTED

DEFAULT_TIME_LIMIT_S = 3.0
# The caller looks at its workers' progress this often at most (a quarter of the time limit
# when that is shorter), so a file over the limit is stopped soon after the limit.
MAX_CHECK_INTERVAL_S = 0.5
# A progress report: the position of the file a worker starts, and when (time.monotonic(),
# one clock for all processes of the machine).
PROGRESS = struct.Struct("qd")
# How often a worker checks that the process that started it is still there.
PARENT_CHECK_S = 0.5

# A worker started as a process of its own imports this module by name (not as __main__, so
# that the objects it sends back unpickle as this module's classes).
WORKER_ENTRY = "from sco_data.corpus.workers import main; main()"

Job = tuple[str, str | None, bytes | None]  # label, path on disk or None, bytes of an upload or None


@dataclass
class Parsed:
    """What a batch of jobs became: per job its content hash and refusal, and the new rows."""

    digests: list[str | None]
    verdicts: list[tuple[str, str] | None]
    outcomes: pd.DataFrame
    participants: pd.DataFrame


def parse_batch(jobs: list[Job], taxonomy: Taxonomy, known: frozenset[str],
                on_start: Callable[[int], None] | None = None) -> Parsed:
    """Read, hash and parse a batch; content already cached (in `known`) is not parsed again."""
    digests: list[str | None] = []
    verdicts: list[tuple[str, str] | None] = []
    outcomes: list[Outcome] = []
    seen: set[str] = set()
    for index, (label, path, data) in enumerate(jobs):
        if on_start is not None:
            on_start(index)
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
    return Parsed(digests, verdicts, frame, people)


def time_limit_reason(seconds: float) -> str:
    return f"took longer than {seconds:g} s to read"


# The reason of a file left unread when a load's whole time budget ran out.
OUT_OF_TIME = "not read: the time for reading these files was used up"


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def _serve(connection: Connection, progress: Connection) -> None:
    """A worker's life: take a taxonomy and the hashes not to parse again, then parse each batch
    it is sent. Each file's position and start time go down `progress`, which the caller reads
    only when it checks the time, so that no file costs it a wake-up."""
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    taxonomy, known = None, frozenset()
    while True:
        try:
            message = connection.recv()
        except EOFError:
            return
        if message is None:
            return
        if message[0] == "setup":
            taxonomy, known = load_taxonomy(message[1]), message[2]
            warm_up(taxonomy)  # the gazetteer and lexicons load here, not within a file's time limit
            continue
        result = parse_batch(message[1], taxonomy, known,
                             on_start=lambda index: progress.send_bytes(PROGRESS.pack(index, time.monotonic())))
        connection.send(result)


class _Worker:
    """One worker process, the batch it was given, and the file of it that it is on.

    Forked when this process runs one thread (fast: nothing to import again). Otherwise, as in a
    web server, forking could deadlock the child, and multiprocessing's spawn and forkserver
    re-run the __main__ script (Streamlit's page) in every worker, so the worker is started as
    a Python process of its own (WORKER_ENTRY) and talks over a socket pair.
    """

    def __init__(self) -> None:
        if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
            context = multiprocessing.get_context("fork")
            self.connection, child_end = context.Pipe()
            self.progress, progress_end = context.Pipe(duplex=False)
            process = context.Process(target=_serve, args=(child_end, progress_end), daemon=True)
            process.start()
            child_end.close()
            progress_end.close()
            self._kill, self._reap = process.kill, process.join
        else:
            ours, theirs = socket.socketpair()
            progress_ours, progress_theirs = socket.socketpair()
            package_parent = str(Path(__file__).resolve().parents[2])
            environment = {**os.environ, "PYTHONPATH": os.pathsep.join(
                filter(None, [package_parent, os.environ.get("PYTHONPATH")]))}
            handed = [theirs.fileno(), progress_theirs.fileno()]
            process = subprocess.Popen([sys.executable, "-c", WORKER_ENTRY, *map(str, handed)],
                                       pass_fds=handed, env=environment)
            theirs.close()
            progress_theirs.close()
            self.connection = Connection(ours.detach())
            self.progress = Connection(progress_ours.detach())
            self._kill, self._reap = process.kill, process.wait
        self.batch: list[tuple[int, Job]] = []
        self.current = 0
        self.started = float("inf")

    def give(self, batch: list[tuple[int, Job]]) -> None:
        self.catch_up()  # what is left of the last batch's reports
        # The clock starts when the worker reports that it began the first file.
        self.batch, self.current, self.started = batch, 0, float("inf")
        self.connection.send(("parse", [job for _, job in batch]))

    def catch_up(self) -> None:
        """Read what the worker said about its progress: the file it is on, since when."""
        while self.progress.poll():
            self.current, self.started = PROGRESS.unpack(self.progress.recv_bytes())

    def close(self) -> None:
        """Kill and reap: an idle worker has nothing to finish, a stuck one must not go on."""
        try:
            self._kill()
        except ProcessLookupError:
            pass  # already gone
        self._reap()
        self.connection.close()
        self.progress.close()


# Workers kept between loads, so that a process that loads often (a dashboard, the tests) pays
# for starting them once; any thread may borrow them.
_IDLE: list[_Worker] = []
_IDLE_LOCK = threading.Lock()


def _borrow(taxonomy: Taxonomy, known: frozenset[str]) -> _Worker:
    """An idle worker (or a new one), set up for this load."""
    while True:
        with _IDLE_LOCK:
            worker = _IDLE.pop() if _IDLE else None
        worker = worker or _Worker()
        try:
            worker.connection.send(("setup", taxonomy.path, known))
            return worker
        except OSError:
            worker.close()  # it died while idle


def _return(workers: list[_Worker]) -> None:
    with _IDLE_LOCK:
        room = max(0, (os.cpu_count() or 1) - len(_IDLE))
        _IDLE.extend(workers[:room])
    for worker in workers[room:]:
        worker.close()


def parse_in_workers(batches: list[list[tuple[int, Job]]], taxonomy: Taxonomy, known: frozenset[str],
                     worker_count: int, time_limit: float,
                     deadline: float | None = None) -> Iterator[tuple[list[int], Parsed]]:
    """Parse batches of (position, job) in up to `worker_count` processes; yields, per finished
    piece of work, the positions it covers and what they became. A file that overran the time
    limit, or that its worker died on, comes back alone, with a verdict. At the `deadline`
    (time.monotonic()), if given, every worker is stopped and every batch not finished comes
    back rejected as OUT_OF_TIME."""
    pending = deque(batch for batch in batches if batch)
    check_every = min(time_limit / 4, MAX_CHECK_INTERVAL_S)
    idle: list[_Worker] = []
    busy: list[_Worker] = []
    try:
        while pending or busy:
            if deadline is not None and time.monotonic() > deadline:
                yield from _out_of_time(busy, pending, taxonomy)
                break
            while pending and len(busy) < worker_count:
                worker = idle.pop() if idle else _borrow(taxonomy, known)
                worker.give(pending.popleft())
                busy.append(worker)
            ready = wait([worker.connection for worker in busy], timeout=check_every)
            for worker in [worker for worker in busy if worker.connection in ready]:
                busy.remove(worker)
                try:
                    result = worker.connection.recv()
                except (EOFError, OSError):
                    worker.catch_up()
                    yield _give_up(worker, pending, taxonomy, "the reader stopped on this file")
                    continue
                idle.append(worker)
                yield [position for position, _ in worker.batch], result
            for worker in list(busy):
                worker.catch_up()
                if time.monotonic() - worker.started > time_limit and not worker.connection.poll():
                    busy.remove(worker)
                    yield _give_up(worker, pending, taxonomy, time_limit_reason(time_limit))
    finally:
        for worker in busy:
            worker.close()
        _return(idle)


def _out_of_time(busy: list[_Worker], pending: deque, taxonomy: Taxonomy) -> Iterator[tuple[list[int], Parsed]]:
    """Stop every busy worker; each file of theirs or still pending comes back rejected."""
    for worker in busy:
        worker.close()
    for batch in [*(worker.batch for worker in busy), *pending]:
        positions = [position for position, _ in batch]
        yield positions, Parsed([None] * len(positions), [(REPORT_REJECTED, OUT_OF_TIME)] * len(positions),
                                *outcome_frames([], taxonomy))
    busy.clear()
    pending.clear()


def _give_up(worker: _Worker, pending: deque, taxonomy: Taxonomy, reason: str) -> tuple[list[int], Parsed]:
    """Kill a worker stuck on (or killed by) its current file: that file is rejected with
    `reason`, and the rest of its batch is queued again, first, for another worker."""
    worker.close()
    current = worker.current
    rest = worker.batch[:current] + worker.batch[current + 1:]
    if rest:
        pending.appendleft(rest)
    return [worker.batch[current][0]], Parsed([None], [(REPORT_REJECTED, reason)], *outcome_frames([], taxonomy))


def main() -> None:
    """Entry of a worker started as a process of its own: serve on the socket it was handed."""
    _serve(Connection(int(sys.argv[1])), Connection(int(sys.argv[2])))
