"""sco_data.explore.periods: the one table of periods, their ranges and labels."""

from __future__ import annotations

import pandas as pd
import pytest

from sco_data.explore import periods

STARTS = pd.Series(pd.to_datetime(["2019-11-01", None, "2020-02-01"]))


@pytest.mark.parametrize(
    ("period", "labels"),
    [
        ("month", ["Nov 2019", "Dec 2019", "Jan 2020", "Feb 2020"]),
        ("quarter", ["2019 Q4", "2020 Q1"]),
        ("year", ["2019", "2020"]),
    ],
)
def test_range_has_every_period_and_its_label(period, labels):
    starts = periods.period_starts(pd.DataFrame({"event_date": STARTS}), period)
    every = periods.period_range(starts, period)
    assert list(periods.period_labels(every, period)) == labels
    assert every[0] == starts.min()


def test_period_starts_of_a_day_inside_the_period():
    frame = pd.DataFrame({"event_date": pd.to_datetime(["2021-05-09", "2021-06-30"])})
    assert periods.period_starts(frame, "quarter").tolist() == [pd.Timestamp("2021-04-01")] * 2


def test_no_dates_give_an_empty_range():
    assert len(periods.period_range(pd.Series([pd.NaT]), "month")) == 0


@pytest.mark.parametrize("call", [periods.period_range, periods.period_labels])
def test_unknown_period_is_an_error(call):
    with pytest.raises(ValueError, match="period"):
        call(STARTS.dropna(), "week")


def test_every_period_has_a_frequency_a_label_and_a_format():
    for table in (periods.PERIOD_LABELS, periods.PERIOD_FREQ, periods.PERIOD_FORMATS):
        assert tuple(table) == periods.PERIODS
