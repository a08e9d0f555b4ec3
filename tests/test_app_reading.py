"""The page an analyst works in all day (issue 22), driven with AppTest on the gold folder and a
synthetic corpus: only the open section is drawn, nothing undated or misdated vanishes, every
table row says which release it is, filters do what they say, the new views."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import bundled_data, open_section, run_app  # noqa: F401 (bundled_data: an autouse fixture)

import sco_data
from sco_data.explore import aggregations, export

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "releases"
SEEDS = ROOT / "data" / "releases"
# A date typed wrong in a release whose official is not named (so no term sets it aside).
MISDATED = """\
SCO Secretariat meets the Ambassador of India

On 12 May 2004, an SCO Secretariat delegation met with Ambassador of India to China \
Vikram Misri at the SCO Secretariat in Beijing. The sides discussed cooperation in trade.
"""


def load_synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def gold(monkeypatch):
    monkeypatch.setenv("SCO_DATA_DIR", str(GOLD))


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def frame_with(at: AppTest, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_undated_engagements_are_counted_apart_and_listed_on_request(gold):
    at = run_app()
    assert "7 engagements without a date are not in this chart." in captions(at)
    assert at.radio(key="f_undated").value == "range"
    at.button(key="list_undated_engagements").click().run()
    assert metric(at, "Engagements") == "7"
    assert at.session_state["section"] == "Releases" and at.query_params["undated"] in ("only", ["only"])
    assert set(frame_with(at, "release")["date"]) == {"–"}


def test_a_date_range_says_how_many_undated_it_leaves_out_and_can_keep_them(gold):
    at = run_app({"from": "2021-01-01", "to": "2021-12-31"})
    in_2021 = int(metric(at, "Engagements"))
    assert any("The date range leaves out 7 engagements without a date" in c for c in captions(at))
    at.radio(key="f_undated").set_value("include").run()
    assert int(metric(at, "Engagements")) == in_2021 + 7
    assert not any("The date range leaves out" in c for c in captions(at))


def test_a_date_outside_every_term_is_flagged_and_does_not_stretch_the_axis(monkeypatch, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "releases")
    (tmp_path / "releases" / "misdated.txt").write_text(MISDATED, encoding="utf-8")
    monkeypatch.setenv("SCO_DATA_DIR", str(tmp_path / "releases"))
    at = run_app({"period": "year"})
    spec = at.get("plotly_chart")[0].proto.spec
    assert '"2019"' in spec and '"2004"' not in spec and '"2010"' not in spec
    assert any("Engagement dates: May 2019 – May 2021; 1 is dated outside every Secretary-General's term "
               "(12 May 2004)." in c for c in captions(at))
    assert any(c.startswith("1 engagement dated outside every Secretary-General's term (12 May 2004)")
               for c in captions(at))
    releases = frame_with(open_section(at, "Releases"), "release")
    assert "2004-05-12 (outside every term)" in set(releases["date"])


def test_every_release_row_names_its_release_and_its_file(gold):
    """A release without a headline is named by the first words of its text, and every row by
    its file too: no row is a date and a blank."""
    corpus = sco_data.load_corpus(GOLD, use_cache=False).releases
    untitled = corpus[corpus["title"].fillna("") == ""].set_index("release_id")["text"]
    at = run_app({"section": "releases", "q": "Secretary-General"})
    releases = frame_with(at, "release").set_index("release_id")
    assert "–" not in set(releases["release"]) and releases["source"].str.endswith(".txt").all()
    mine = releases[releases.index.isin(untitled.index)]
    assert len(mine) >= 1
    for release_id, label in mine["release"].items():
        assert " ".join(untitled[release_id].split()).startswith(label.rstrip("…"))


def test_a_picked_release_is_scrolled_into_view_once(gold):
    at = run_app({"section": "releases"})
    assert not at.get("iframe")
    at.session_state["scroll_to_release"] = True  # what picking a row sets
    at.run()
    [frame] = at.get("iframe")
    assert "scrollIntoView" in frame.proto.srcdoc and "st-key-release_view" in frame.proto.srcdoc
    at.run()
    assert not at.get("iframe")


def test_a_typed_name_matches_what_contains_it_not_fuzzy_neighbours():
    at = run_app()
    for key in ("f_officials", "f_types", "f_places", "f_countries", "f_organisations", "f_topics"):
        proto = at.multiselect(key=key).proto
        # No "select all matches" entry (Streamlit 1.63 on has one to turn off; before, none).
        assert "filter_mode: FILTER_MODE_CONTAINS" in str(proto) and not getattr(proto, "select_all", False), key


def test_the_report_lists_release_files_and_downloads_as_csv(monkeypatch, tmp_path):
    folder = tmp_path / "releases"
    shutil.copytree(SEEDS, folder)
    (folder / "sco-corrections.csv").write_text("release_id,field,value,note,corrected_at\n", encoding="utf-8")
    (folder / ".sco-corrections.csv.lock").write_bytes(b"")
    monkeypatch.setenv("SCO_DATA_DIR", str(folder))
    at = run_app({"section": "report"})
    report = frame_with(at, "status")
    assert sorted(report["path"]) == sorted(p.name for p in SEEDS.iterdir()) + ["sco-corrections.csv"]
    assert report.set_index("path").loc["sco-corrections.csv", "status"] == "corrections"
    assert metric(at, "Read") == "3" and metric(at, "Skipped") == "0" and metric(at, "Corrections file") == "1"
    [button] = [b for b in at.get("download_button") if b.proto.label.startswith("Ingest report")]
    assert button.proto.label == "Ingest report (4 rows)"
    rows = aggregations.report_table(report)
    assert export.to_csv_bytes(rows).decode("utf-8-sig").splitlines()[0] == "path,status,reason,release_id"


def test_two_periods_side_by_side(gold):
    at = run_app({"view": "compare", "period_a": "2019-01-01..2019-12-31", "period_b": "2021-01-01..2021-12-31"})
    assert at.date_input(key="period_a").value == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    figures = at.table[0].value.set_index("Figure")  # cells and headings escaped for markdown
    assert list(figures.columns) == ["A\\: 2019", "B\\: 2021", "Change"]
    at_2019 = run_app({"from": "2019-01-01", "to": "2019-12-31"})
    assert figures.loc["Engagements", "A\\: 2019"] == metric(at_2019, "Engagements")
    assert "Engagements by type in each period" in at.get("plotly_chart")[0].proto.spec
    top = at.table[1].value
    assert list(top.columns) == ["\\#", "A\\: 2019", "B\\: 2021"] and len(top) >= 3
    assert at.query_params["period_b"] in ("2021-01-01..2021-12-31", ["2021-01-01..2021-12-31"])
    assert any("7 engagements without a date are in neither period." in c for c in captions(at))


def test_who_met_whom(gold):
    at = run_app({"view": "network"})
    spec = at.get("plotly_chart")[0].proto.spec
    assert "Who met whom" in spec and "official=Vladimir+Norov" in spec and "organisation=United+Nations" in spec
    at.multiselect(key="f_officials").set_value(["Zhang Ming"]).run()
    narrowed = at.get("plotly_chart")[0].proto.spec
    assert "official=Zhang+Ming" in narrowed and "official=Vladimir+Norov" not in narrowed


def test_a_synthetic_corpus_is_read_the_same_way(monkeypatch, tmp_path):
    synthetic = load_synthetic()
    synthetic.write_synthetic_corpus(tmp_path / "corpus", 120)
    monkeypatch.setenv("SCO_DATA_DIR", str(tmp_path / "corpus"))
    at = run_app()
    assert metric(at, "Engagements") == "120"
    for label in ("Topics", "Who was met", "Map", "Participants", "Releases", "Download", "Ingest report"):
        open_section(at, label)
    participants = frame_with(open_section(at, "Participants"), "role")
    assert len(participants) >= 10 and not (participants.astype(str) == "None").any().any()
    officials = run_app({"view": "officials"})
    rows = officials.table[0].value.set_index(officials.table[0].value.columns[0])
    assert "none" not in set(rows.loc["Top countries"])  # every official met some state's representative


def test_hostile_names_stay_text_in_the_new_views(monkeypatch, tmp_path):
    from test_app import HOSTILE_RELEASE

    (tmp_path / "hostile.txt").write_text(HOSTILE_RELEASE)
    monkeypatch.setenv("SCO_DATA_DIR", str(tmp_path))
    at = run_app({"view": "compare"})
    assert all("<script>" not in str(t.value.to_numpy()) for t in at.table)
    spec = run_app({"view": "network"}).get("plotly_chart")[0].proto.spec
    assert "<script>" not in spec and "\\u003cscript" not in spec
