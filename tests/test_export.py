"""to_csv_bytes: exact bytes for a small frame, and round-trips for any text."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sco_data.corpus.corrections_csv import FORMULA_TRIGGERS, guard
from sco_data.explore.export import to_csv_bytes

BOM = b"\xef\xbb\xbf"


def read_back(data: bytes) -> pd.DataFrame:
    """Read CSV bytes the way an analyst would, keeping every cell as text."""
    return pd.read_csv(
        io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False
    )


def test_small_frame_is_written_byte_for_byte():
    frame = pd.DataFrame(
        {
            "event_date": pd.to_datetime(["2019-05-26", None, "2021-05-09"]),
            "title": ['=HYPERLINK("x")', 'He said "yes", then left', "Встреча\nв Пекине"],
            "count": [3, -2, 0],
            "share": [0.5, np.nan, -1.25],
            "note": ["-2+3", "@SUM(A1)", None],
            "flag": [True, False, True],
        }
    )
    expected = (
        BOM
        + b"event_date,title,count,share,note,flag\r\n"
        + b"2019-05-26,\"'=HYPERLINK(\"\"x\"\")\",3,0.5,'-2+3,True\r\n"
        + b",\"He said \"\"yes\"\", then left\",-2,,'@SUM(A1),False\r\n"
        + "2021-05-09,\"Встреча\nв Пекине\",0,-1.25,,True\r\n".encode("utf-8")
    )
    assert to_csv_bytes(frame) == expected


def test_output_starts_with_utf8_bom_and_decodes():
    data = to_csv_bytes(pd.DataFrame({"name": ["Шэнь Юэюэ", "沈跃跃"]}))
    assert data.startswith(BOM)
    assert data[len(BOM):].decode("utf-8") == "name\r\nШэнь Юэюэ\r\n沈跃跃\r\n"


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_every_formula_trigger_is_neutralised(trigger):
    data = to_csv_bytes(pd.DataFrame({"cell": [trigger + "1+1"]}))
    assert read_back(data)["cell"].tolist() == ["'" + trigger + "1+1"]


def test_numeric_negatives_stay_numbers():
    frame = pd.DataFrame({"n": [-1, -20], "x": [-0.5, 2.0]})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), encoding="utf-8-sig")
    assert back["n"].tolist() == [-1, -20]
    assert back["x"].tolist() == [-0.5, 2.0]


def test_dates_are_iso_days_in_any_container():
    frame = pd.DataFrame(
        {
            "ts": pd.to_datetime(["2020-04-29 13:45"]),
            "day": [dt.date(2020, 4, 29)],
            "aware": pd.to_datetime(["2020-04-29"]).tz_localize("UTC"),
        }
    )
    assert read_back(to_csv_bytes(frame)).iloc[0].tolist() == ["2020-04-29"] * 3


def test_string_and_categorical_dtypes_are_guarded():
    frame = pd.DataFrame(
        {
            "s": pd.Series(["=1", "ok"], dtype="string"),
            "c": pd.Series(["+7", "ok"], dtype="category"),
        }
    )
    assert read_back(to_csv_bytes(frame)).values.tolist() == [["'=1", "'+7"], ["ok", "ok"]]


def test_header_cells_are_guarded_and_index_is_not_written():
    frame = pd.DataFrame({"=cmd": [1]}, index=["ignored"])
    assert to_csv_bytes(frame) == BOM + b"'=cmd\r\n1\r\n"


def test_empty_frame_writes_only_the_header():
    frame = pd.DataFrame({"a": pd.Series([], dtype=object), "b": pd.Series([], dtype=int)})
    assert to_csv_bytes(frame) == BOM + b"a,b\r\n"


# Text a release can hold: any Unicode except surrogates (not encodable) and NUL (which no
# decoder of this project produces).
CELL_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(CELL_TEXT, CELL_TEXT), min_size=1, max_size=6))
def test_text_round_trips_through_read_csv(rows):
    frame = pd.DataFrame(rows, columns=["a", "b"])
    back = read_back(to_csv_bytes(frame))
    expected = frame.map(guard)
    assert back.values.tolist() == expected.values.tolist()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.integers(-10**12, 10**12)), min_size=1, max_size=8))
def test_integers_round_trip_as_numbers(values):
    frame = pd.DataFrame({"n": values})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), encoding="utf-8-sig")
    assert back["n"].tolist() == values


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64), min_size=1, max_size=8))
def test_floats_round_trip_exactly(values):
    frame = pd.DataFrame({"x": values})
    back = read_back(to_csv_bytes(frame))
    assert [float(cell) for cell in back["x"]] == values


@given(CELL_TEXT)
def test_guarded_cells_never_start_with_a_trigger(text):
    assert not guard(text).startswith(FORMULA_TRIGGERS)


@pytest.mark.parametrize("dtype", [object, "string"])
def test_a_cell_quoted_before_a_formula_keeps_its_quote_in_a_spreadsheet(dtype) -> None:
    """A spreadsheet drops one leading quote: "'=x" is written "''=x" so that it shows "'=x",
    in text columns of either kind and as the corrections file writes it."""
    frame = pd.DataFrame({"note": pd.Series(["'=x", "'tis", "=1+1"], dtype=dtype)})
    assert to_csv_bytes(frame).decode("utf-8-sig").split("\r\n")[1:4] == ["''=x", "'tis", "'=1+1"]
