"""sco_data.explore.display: every release named, dates as days, a dash for what is missing."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sco_data.explore import display, filtering


def test_a_release_without_a_headline_is_named_by_its_first_words():
    releases = pd.DataFrame({
        "title": ["SCO Secretary-General meets envoy", None, "", None],
        "text": ["On 1 June ...", "On 26 May 2019, SCO Secretary-General Vladimir Norov met with the "
                 "Vice-Chairperson of the Standing Committee of the National People's Congress  Shen Yueyue "
                 "in Fangchenggang.", "  A short\n\nletter. ", None]})
    labels = display.release_labels(releases).tolist()
    assert labels[0] == "SCO Secretary-General meets envoy"
    assert labels[1] == ("On 26 May 2019, SCO Secretary-General Vladimir Norov met with the Vice-Chairperson "
                         "of the…")  # cut at a word
    assert len(labels[1]) <= display.OPENING_CHARS + 1
    assert labels[2:] == ["A short letter.", "–"]


def test_cells_show_a_dash_for_nothing_and_dates_as_days():
    frame = pd.DataFrame({"when": pd.to_datetime(["2020-04-29", None]), "who": ["Le Yucheng", None],
                          "note": ["", "kept"], "count": [3, 0]})
    shown = display.displayed(frame)
    assert shown.to_dict("list") == {"when": ["2020-04-29", "–"], "who": ["Le Yucheng", "–"],
                                     "note": ["–", "kept"], "count": [3, 0]}
    assert shown["count"].dtype == np.int64  # numbers stay numbers, for sorting


def test_a_date_outside_every_term_is_flagged():
    dates = pd.Series(pd.to_datetime(["2004-05-12", "2020-04-29", None]))
    prepared_axis = dates.where(dates.dt.year > 2015)
    assert display.date_text(dates, prepared_axis).tolist() == [
        "2004-05-12 (outside every term)", "2020-04-29", "–"]


def test_prepare_names_every_release_once(seed_corpus):
    prepared = filtering.prepare(seed_corpus.releases)
    labels = prepared[filtering.LABEL].tolist()
    assert all(labels) and len(set(labels)) == 3
