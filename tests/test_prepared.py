"""sco_data.explore.prepared: one prepared corpus that no session can change under another."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import sco_data
from sco_data.explore import filtering, identity
from sco_data.explore.prepared import PreparedCorpus, prepare_corpus


@pytest.fixture(scope="module")
def prepared(seed_corpus) -> PreparedCorpus:
    return prepare_corpus(seed_corpus, sco_data.load_taxonomy())


def test_prepared_once_with_options_and_taxonomy(prepared, seed_corpus):
    assert filtering.is_prepared(prepared.releases)
    assert identity.PERSON_KEY in prepared.participants.columns
    pd.testing.assert_frame_equal(prepared.report, seed_corpus.report)
    assert (prepared.options.date_min, prepared.options.date_max) == (
        dt.date(2019, 5, 26), dt.date(2021, 5, 9))
    assert prepared.options.officials == ("Vladimir Norov",)
    assert prepared.options.countries == ("China",)
    assert prepared.profiles == {"country:China": "China (country)",
                                 "person:he jinping": "He Jinping (person)",
                                 "person:le iucheng": "Le Yucheng (person)",
                                 "person:shen iueue": "Shen Yueyue (person)"}
    assert prepared.taxonomy.ids[:4] == ("health", "covid19", "ecommerce", "women")


def test_a_changed_frame_never_reaches_the_shared_one(prepared):
    before = prepared.releases.copy(deep=True)
    mine = prepared.releases
    mine["added"] = 1
    mine.loc[mine.index[0], "title"] = "changed"
    mine["sco_official"] = "Somebody"
    participants = prepared.participants
    participants.loc[participants.index[0], "name"] = "changed"
    pd.testing.assert_frame_equal(prepared.releases, before)
    assert "changed" not in prepared.participants["name"].tolist()


def test_the_object_itself_is_frozen(prepared):
    with pytest.raises(AttributeError):
        prepared.options = None
    assert prepared.releases is not prepared.releases


def test_filtered_frames_and_tables_are_remembered_per_filter_state(prepared):
    calls = []

    def count():
        calls.append(1)
        return pd.DataFrame({"n": [len(calls)]})

    phone = filtering.Filters(engagement_types=("phone_call",))
    kept, people = prepared.filtered(phone)
    again, _ = prepared.filtered(phone)
    assert kept["event_date"].tolist() == [pd.Timestamp("2020-04-29")] and "text" not in kept.columns
    assert again is not kept  # a new frame object each time, over the same data
    first = prepared.remember(("count", phone), count)
    first["n"] = 99  # a caller's change stays its own
    assert prepared.remember(("count", phone), count)["n"].tolist() == [1] and len(calls) == 1
    assert prepared.remember(("count", filtering.Filters()), count)["n"].tolist() == [2]


def test_the_memo_forgets_the_least_recently_used():
    from sco_data.explore.prepared import Memo

    memo = Memo(2)
    for key in ("a", "b", "a", "c"):
        memo.get(key, lambda key=key: key.upper())
    assert len(memo) == 2 and memo.get("b", lambda: "again") == "again"  # b was the oldest
    assert memo.get("a", lambda: "lost") == "lost"  # ... and then a, pushed out by b
