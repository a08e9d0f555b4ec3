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
