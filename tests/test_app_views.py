"""The page's views and state, driven with AppTest: honest headline figures, profiles, the
Secretaries-General, and every choice kept in the link."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest
from test_app import bundled_data, open_section, run_app  # noqa: F401 (bundled_data: an autouse fixture)

from sco_data.explore.wording import CAPTIONS

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "releases"


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def headline(at: AppTest) -> tuple[str, ...]:
    shown = metrics(at)
    return tuple(shown[label] for label in ("Engagements", "Counterparts", "Countries", "Organisations"))


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def frame_with(at: AppTest, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_gold_folder_headline_is_right_by_hand_count(monkeypatch):
    monkeypatch.setenv("SCO_DATA_DIR", str(GOLD))
    at = run_app()
    assert headline(at) == ("104", "77", "18", "10")
    assert any("Engagement dates: Mar 2016 – Apr 2026; 7 releases have no known date." in c.value
               for c in at.caption)
    assert any("count only the counterparts who match" in c.value for c in at.caption)


def test_a_country_filter_counts_its_counterparts_and_that_country_only(monkeypatch):
    monkeypatch.setenv("SCO_DATA_DIR", str(GOLD))
    at = run_app()
    at.multiselect(key="f_countries").set_value(["Uzbekistan"]).run()
    assert headline(at) == ("8", "7", "1", "0")
    countries = frame_with(open_section(at, "Who was met"), "people")  # one country: listed, not ranked
    assert countries.values.tolist() == [["Uzbekistan", 8, 7]]
    assert at.query_params["country"] in ("Uzbekistan", ["Uzbekistan"])


def test_an_organisation_filter_and_its_link(monkeypatch):
    monkeypatch.setenv("SCO_DATA_DIR", str(GOLD))
    at = run_app({"organisation": "united nations"})
    assert at.multiselect(key="f_organisations").value == ["United Nations"]
    assert headline(at) == ("1", "1", "0", "1")


def test_both_names_of_a_renamed_city_find_it(monkeypatch):
    monkeypatch.setenv("SCO_DATA_DIR", str(GOLD))
    at = run_app({"place": "Nur-Sultan", "section": "people"})
    assert at.multiselect(key="f_places").value == ["Astana"]
    assert metrics(at)["Engagements"] == "2"
    places = frame_with(at, "place")
    assert places.values.tolist() == [["Astana (also Nur-Sultan), Kazakhstan", 2]]


def test_a_backwards_date_range_in_a_link_is_swapped_with_a_notice():
    at = run_app({"from": "2021-01-01", "to": "2020-01-01"})
    assert at.date_input(key="f_dates").value == (dt.date(2020, 1, 1), dt.date(2021, 1, 1))
    assert metrics(at)["Engagements"] == "1"
    assert warnings(at) == ["The date range from the link ended before it started\\: swapped to "
                            "2020\\-01\\-01 – 2021\\-01\\-01\\."]


def test_a_bad_value_repeated_900_times_is_one_notice():
    # (Streamlit itself ignores a link of more than 1,000 parameters.)
    at = run_app({"type": ["telepathy"] * 900, "view": ["map"] * 50})
    assert len(warnings(at)) == 2
    assert "telepathy" in warnings(at)[0] and "map" in warnings(at)[1]


def test_grouping_is_kept_in_the_link_and_restored_from_it():
    at = run_app({"period": "year"})
    assert at.radio(key="period").value == "year"
    assert "Engagements per year" in at.get("plotly_chart")[0].proto.spec
    at.radio(key="period").set_value("month").run()
    assert at.query_params["period"] in ("month", ["month"])


def test_a_profile_is_reached_by_its_link(monkeypatch):
    monkeypatch.setenv("SCO_DATA_DIR", str(GOLD))
    at = run_app({"view": "profile", "profile": "country:Uzbekistan"})
    assert at.radio(key="view").value == "profile"
    assert at.selectbox(key="profile").value == "country:Uzbekistan"
    timeline = frame_with(at, "title_then")
    assert len(timeline) == 8
    assert "Acting Minister of Foreign Affairs of the Republic of Uzbekistan" in set(timeline["title_then"])
    assert any(c.value.startswith("8 engagements with Uzbekistan") for c in at.caption)


def test_choosing_a_profile_puts_it_in_the_link():
    at = run_app()
    at.radio(key="view").set_value("profile").run()
    assert any("Choose a country" in i.value for i in at.info)
    at.selectbox(key="profile").set_value("person:le iucheng").run()
    assert not at.exception
    assert at.query_params["profile"] in ("person:le iucheng", ["person:le iucheng"])
    assert len(frame_with(at, "title_then")) == 1


def test_the_secretaries_general_view(monkeypatch):
    monkeypatch.setenv("SCO_DATA_DIR", str(GOLD))
    at = run_app({"view": "officials"})
    spec = at.get("plotly_chart")[0].proto.spec
    assert "Engagements per month of term" in spec
    # One column per Secretary-General, side by side, in order of office, every cell filled.
    summary = at.table[0].value
    assert list(summary.columns)[1:] == ["Rashid Alimov", "Vladimir Norov", "Zhang Ming", "Nurlan Yermekbayev"]
    rows = summary.set_index(summary.columns[0])
    assert rows.loc["Engagements", "Vladimir Norov"] == "27"
    assert rows.loc["Not counted", "Vladimir Norov"] == "3 without a date"
    assert rows.loc["Top countries", "Nurlan Yermekbayev"].startswith("Bahrain \\(1\\)")  # escaped markdown
    assert "" not in set(summary.to_numpy().ravel()) and "–" not in set(rows.loc["Top countries"])
    # One x axis for all four, a block of months each; the six undated are said to be outside it.
    assert '"xaxis2"' not in spec and spec.count('"text":"Month of term"') == 1
    assert any("7 engagements without a date are not in this chart." in c.value for c in at.caption)


def test_a_release_is_selected_by_its_link(seed_corpus):
    call = seed_corpus.releases[seed_corpus.releases["engagement_type"] == "phone_call"].iloc[0]
    at = run_app({"release": call["release_id"], "section": "releases"})
    assert "telephone conversation" in at.subheader[-1].value
    assert not any("Showing the newest" in c.value for c in at.caption)
    unknown = run_app({"release": "rdoesnotexist"})
    assert any("rdoesnotexist" in w for w in warnings(unknown))
    # A filter that leaves the selected release out: it stays in view, and the page says so.
    at.multiselect(key="f_types").set_value(["meeting"]).run()
    assert "telephone conversation" in at.subheader[-1].value
    assert CAPTIONS["outside"] in [c.value for c in at.caption]


def test_filters_and_grouping_outlive_another_view_and_a_missing_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("SCO_DATA_ROOTS", str(tmp_path))
    at = run_app()
    at.multiselect(key="f_types").set_value(["phone_call"]).run()
    at.radio(key="period").set_value("year").run()
    at.radio(key="view").set_value("officials").run()
    at.radio(key="view").set_value("overview").run()
    assert at.radio(key="period").value == "year"
    at.text_input(key="data_dir").input(str(tmp_path / "nowhere")).run()
    assert "not a folder" in at.sidebar.error[0].value
    assert metrics(at)["Engagements"] == "1"  # the folder started with, still filtered
    at.text_input(key="data_dir").input("").run()
    assert at.multiselect(key="f_types").value == ["phone_call"]
    assert metrics(at)["Engagements"] == "1"


def test_the_folder_is_in_the_link_and_clearing_the_box_returns_to_the_start(monkeypatch, tmp_path):
    (tmp_path / "one.txt").write_text(
        "SCO Secretary-General meets envoy\n\nOn 1 June 2022, SCO Secretary-General Zhang Ming met "
        "with Ambassador of Iran to China Mohammad Keshavarzzadeh in Beijing.\n")
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--data", str(GOLD)])
    monkeypatch.setenv("SCO_DATA_ROOTS", str(tmp_path))
    at = run_app({"folder": str(tmp_path)})
    assert metrics(at)["Engagements"] == "1"
    assert at.query_params["folder"] in (str(tmp_path), [str(tmp_path)])
    at.text_input(key="data_dir").input("").run()
    assert metrics(at)["Engagements"] == "104"  # the folder the page was started with
    assert "folder" not in at.query_params
