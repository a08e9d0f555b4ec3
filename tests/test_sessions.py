"""What one visitor may cost the shared server (issue 20): uploads read in the visitor's session
only, within a budget of files, megabytes and seconds, the uploads of a few sessions at most
held at once and given back when a session ends, and the folder read again at most so often."""

from __future__ import annotations

import gc
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

import sco_data
from sco_data.corpus.tables import with_uploads
from sco_data.corpus.workers import OUT_OF_TIME
from sco_data.explore import sessions
from sco_data.explore.prepared import prepare_corpus
from sco_data.explore.sessions import ReloadThrottle, UploadLedger, UploadLimits, admit, with_session_uploads

SEEDS = Path(__file__).resolve().parent.parent / "data" / "releases"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
# A release of its own: the newest seed with a sentence more.
MINE = SEED_FILES[2].read_bytes() + b"\nThe talks were held in a friendly atmosphere.\n"


@dataclass
class Upload:
    """What Streamlit's upload widget hands over for one file."""

    name: str
    data: bytes
    file_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    reads: int = 0

    @property
    def size(self) -> int:
        return len(self.data)

    def getvalue(self) -> bytes:
        self.reads += 1
        return self.data


@pytest.fixture(scope="module")
def folder_data():
    return prepare_corpus(sco_data.load_corpus(SEEDS, use_cache=False))


def test_uploads_read_apart_and_joined_make_the_corpus_one_load_makes(folder_data):
    ups = [("copy.txt", SEED_FILES[0].read_bytes()), ("mine.txt", MINE)]
    one = sco_data.load_corpus(SEEDS, use_cache=False, extra_files=ups)
    joined = with_uploads(folder_data.source, sco_data.load_corpus([], use_cache=False, corrections=False,
                                                                     extra_files=ups))
    for name in ("releases", "participants", "report"):
        pd.testing.assert_frame_equal(getattr(joined, name), getattr(one, name))
    assert joined.report.set_index("path").loc["copy.txt", "reason"] == f"duplicate of {SEED_FILES[0].name}"


def test_uploads_joined_to_an_empty_folder_are_the_corpus(tmp_path):
    ups = [("mine.txt", MINE), ("again.txt", MINE)]
    uploaded = sco_data.load_corpus([], use_cache=False, corrections=False, extra_files=ups)
    joined = with_uploads(sco_data.load_corpus(tmp_path, use_cache=False), uploaded)
    assert joined.releases.index.tolist() == [0] and joined.participants.index.tolist() == [0, 1]
    assert joined.report[["path", "status"]].values.tolist() == [["mine.txt", "ok"], ["again.txt", "rejected"]]


def test_a_session_reads_its_uploads_once_and_the_shared_corpus_is_untouched(folder_data):
    session: dict = {}
    files = [Upload("mine.txt", MINE)]
    shown = with_session_uploads(session, folder_data, files, ledger=UploadLedger(4))
    assert (len(shown.data.releases), shown.read, shown.refused) == (4, 1, ())
    again = with_session_uploads(session, folder_data, files, ledger=UploadLedger(4))
    assert again.data is shown.data and files[0].reads == 1  # a rerun reads nothing again
    assert len(folder_data.releases) == 3  # another visitor's page: the folder alone
    assert len(with_session_uploads({}, folder_data, [], ledger=UploadLedger(4)).data.releases) == 3


def test_admit_keeps_a_sessions_uploads_within_count_size_and_names():
    limits = UploadLimits(files=3, megabytes=0.001, name_chars=20)
    files = [Upload("a.txt", b"x" * 400), Upload("b\x00.txt", b"x"), Upload("c.txt", b"x" * 500),
             Upload("d.txt", b"x" * 200), Upload("e" * 30 + ".txt", b"x"), Upload("f.txt", b"x"), Upload("g.txt", b"x")]
    admitted, refused, notices = admit(files, limits)
    assert [file.name for file in admitted] == ["a.txt", "c.txt", "f.txt"]
    assert [file.name[:5] for file in refused] == ["b\x00.tx", "eeeee", "d.txt", "g.txt"]
    assert notices == [
        "Not reading 2 uploaded files: a file name may not hold control characters or be longer than 20 characters.",
        "Not reading 2 uploaded files: a visitor's session reads at most 3 uploaded files of 0.001 MB in all."]


def test_uploads_over_the_budget_are_refused_in_words_and_handed_back_to_be_dropped(folder_data):
    files = [Upload(f"f{number}.txt", MINE + bytes(f"Number {number}.", "ascii")) for number in range(12)]
    shown = with_session_uploads({}, folder_data, files, ledger=UploadLedger(4))
    assert (shown.read, [file.name for file in shown.refused]) == (10, ["f10.txt", "f11.txt"])
    assert shown.data.notices[-1] == ("Not reading 2 uploaded files: a visitor's session reads at most 10 uploaded "
                                      "files of 10 MB in all.")
    assert len(shown.data.report) == 3 + 10


def test_a_rerun_with_the_same_uploads_shows_the_same_corpus_notices_and_all(folder_data):
    session: dict = {}
    files = [Upload(f"f{number}.txt", MINE + bytes(f"Number {number}.", "ascii")) for number in range(12)]
    first = with_session_uploads(session, folder_data, files, ledger=UploadLedger(4))
    again = with_session_uploads(session, folder_data, files[:10], ledger=UploadLedger(4))
    assert first.data.notices and again.data is first.data  # what the page remembers of it stays valid


def test_a_load_under_a_time_budget_rejects_what_it_had_no_time_for():
    ups = [(f"f{number}.txt", MINE + bytes(f"Number {number}.", "ascii")) for number in range(3)]
    out_of_time = sco_data.load_corpus([], use_cache=False, corrections=False, extra_files=ups, time_budget=0)
    assert out_of_time.report[["status", "reason"]].values.tolist() == [["rejected", OUT_OF_TIME]] * 3
    in_time = sco_data.load_corpus([], use_cache=False, corrections=False, extra_files=ups, time_budget=60)
    assert in_time.report["status"].tolist() == ["ok"] * 3


def test_a_session_that_has_spent_its_reading_time_reads_no_more(folder_data):
    session: dict = {}
    limits = UploadLimits(read_seconds=0.001)  # spent by the first read, whatever it takes
    first = with_session_uploads(session, folder_data, [Upload("mine.txt", MINE)], limits, UploadLedger(4))
    assert first.read == 1 or first.data.report["reason"].eq(OUT_OF_TIME).any()
    later = [Upload("other.txt", MINE + b"More.")]
    refused = with_session_uploads(session, folder_data, later, limits, UploadLedger(4))
    assert (refused.read, refused.refused, len(refused.data.releases)) == (0, tuple(later), 3)
    assert refused.data.notices[-1] == "Not reading the uploaded files: this session has spent its 0.001 s of " \
                                       "reading uploads."
    assert session[sessions.STATE_KEY].seconds_used > 0.001
    with_session_uploads(session, folder_data, [], limits, UploadLedger(4))  # removing them resets nothing
    assert with_session_uploads(session, folder_data, later, limits, UploadLedger(4)).read == 0


def test_the_uploads_of_few_sessions_are_held_at_once_and_a_session_that_ends_gives_its_place_back(folder_data):
    ledger = UploadLedger(1)
    first, second = {}, {}
    assert with_session_uploads(first, folder_data, [Upload("mine.txt", MINE)], ledger=ledger).read == 1
    files = [Upload("yours.txt", MINE + b"Yours.")]
    refused = with_session_uploads(second, folder_data, files, ledger=ledger)
    assert (refused.read, refused.refused, ledger.held) == (0, tuple(files), 1)
    assert refused.data.notices[-1].startswith("Not reading the uploaded files now: the dashboard holds as many")
    first.clear()  # the first visitor's session ends: its state, and the corpus of its uploads, go
    gc.collect()
    assert ledger.held == 0
    assert with_session_uploads(second, folder_data, [Upload("yours.txt", MINE + b"Yours.")], ledger=ledger).read == 1


def test_a_session_that_removes_its_uploads_gives_its_place_back(folder_data):
    ledger, session = UploadLedger(1), {}
    with_session_uploads(session, folder_data, [Upload("mine.txt", MINE)], ledger=ledger)
    assert ledger.held == 1
    assert len(with_session_uploads(session, folder_data, [], ledger=ledger).data.releases) == 3
    assert ledger.held == 0


def test_a_folder_is_read_again_at_most_once_per_interval():
    throttle = ReloadThrottle(0.2)
    assert [throttle.allow("a"), throttle.allow("a"), throttle.allow("b")] == [True, False, True]
    time.sleep(0.25)
    assert throttle.allow("a")
