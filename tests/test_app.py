"""The dashboard driven in process with Streamlit's AppTest: widgets in, tables and metrics out."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import sco_data
from sco_data.corpus.roots import LOCK_ENV, ROOTS_ENV
from sco_data.explore import profiles
from sco_data.explore.wording import CAPTIONS

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"
TIMEOUT_S = 30

HOSTILE_RELEASE = """\
SCO Secretary-General meets <script>alert(1)</script> envoy

On 1 June 2022, SCO Secretary-General Zhang Ming met with Ambassador of Iran to China \
Mohammad Keshavarzzadeh in Beijing. The envoy wrote <script>alert(1)</script> and \
<img src=x onerror=alert(2)> and *not bold* and [a link](http://example.com) and $x$.
The sides discussed cooperation in trade.
"""


@pytest.fixture(autouse=True)
def bundled_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts from the bundled sample, whatever the caller's environment says."""
    for variable in ("SCO_DATA_DIR", "SCO_DATA_ROOTS", "SCO_DATA_LOCK"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])


def run_app(query_params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=TIMEOUT_S)
    for key, value in (query_params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def open_section(at: AppTest, label: str) -> AppTest:
    """Open one of the overview's tabs (only the open one is drawn)."""
    at.session_state["section"] = label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def releases_table(at: AppTest) -> pd.DataFrame:
    """The releases table (the Releases section, opened if need be): the only one with a Date
    and a Type column."""
    if at.session_state["section"] != "Releases":
        open_section(at, "Releases")
    frames = [d.value for d in at.dataframe]
    return next(f for f in frames if {"date", "engagement"} <= set(f.columns))


def release_days(at: AppTest) -> list[str]:
    return sorted(releases_table(at)["date"])


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def messages(at: AppTest, kind: str) -> str:
    target = at
    for part in kind.split("."):
        target = getattr(target, part)
    return "\n".join(e.value for e in target)


SEEDS = ["2019-05-26", "2020-04-29", "2021-05-09"]


def charts_in(at: AppTest) -> list[str]:
    return [chart.proto.spec for chart in at.get("plotly_chart")]


def test_opens_on_the_bundled_sample_drawing_only_the_open_section():
    at = run_app()
    assert metric(at, "Engagements") == "3"
    assert metric(at, "Counterparts") == "3"
    assert "Engagement dates: May 2019 – May 2021." in messages(at, "caption")
    # Only the first section is computed and drawn: the time chart, no table.
    assert len(charts_in(at)) == 1 and "Engagements per quarter" in charts_in(at)[0]
    assert not at.dataframe and at.session_state["section"] == "Over time"
    assert len(charts_in(open_section(at, "Topics"))) == 2  # the topics and the heatmap
    # Organisations (none: the figure says so); the three counterparts met once each and the one
    # country are tables, not rankings.
    titles = charts_in(open_section(at, "Who was met"))
    assert len(titles) == 1 and "No counterpart from an international" in titles[0]
    listed = [c.value for c in at.caption if "listed rather than ranked" in c.value]
    assert [text.split(":")[0] for text in listed] == [
        "Counterparts met most often", "Countries whose representatives were met"]
    assert "choroplethlocation" not in "".join(titles) and len(charts_in(open_section(at, "Map"))) == 1
    assert at.query_params["section"] in ("map", ["map"])
    assert release_days(at) == SEEDS
    assert not at.error and not at.warning
    # The newest seed's two Russian lines, set aside from its text, are shown as they are.
    assert "2 lines in another language, set aside by the reader:" in messages(at, "caption")
    assert [t.value.splitlines() for t in at.text] == [[
        "В Чжэнчжоу состоялась встреча Генерального секретаря ШОС с Вице-губернатором провинции Хэнань"] * 2]


def test_phone_calls_leave_the_2020_release_and_update_metrics():
    at = run_app()
    at.multiselect(key="f_types").set_value(["phone_call"]).run()
    assert not at.exception
    assert release_days(at) == ["2020-04-29"]
    assert metric(at, "Engagements") == "1"
    assert "Engagement dates: 29 Apr 2020." in messages(at, "caption")
    assert at.query_params["type"] in ("phone_call", ["phone_call"])


@pytest.mark.parametrize(
    ("key", "value", "days"),
    [
        ("f_topics", ["women"], ["2019-05-26"]),
        ("f_topics", ["ecommerce"], ["2021-05-09"]),
        ("f_dates", (dt.date(2020, 1, 1), dt.date(2020, 12, 31)), ["2020-04-29"]),
        ("f_dates", (dt.date(2021, 1, 1), dt.date(2021, 5, 9)), ["2021-05-09"]),
        ("f_search", "Zhengzhou", ["2021-05-09"]),
        ("f_search", "CORONAVIRUS", ["2020-04-29"]),
        ("f_search", "pandemic", ["2020-04-29", "2021-05-09"]),
        ("f_counterpart", "shen yueyue", ["2019-05-26"]),
    ],
)
def test_each_filter_narrows_to_the_expected_seeds(key, value, days):
    at = run_app()
    widget = next(w for w in [*at.sidebar.multiselect, *at.sidebar.date_input,
                              *at.sidebar.text_input] if w.key == key)
    widget.set_value(value).run()
    assert not at.exception
    assert release_days(at) == days
    assert metric(at, "Engagements") == str(len(days))


def test_all_topics_mode_needs_every_chosen_topic():
    at = run_app()
    at.multiselect(key="f_topics").set_value(["health", "covid19"]).run()
    assert release_days(at) == ["2019-05-26", "2020-04-29"]
    at.radio(key="f_topic_mode").set_value("all").run()
    assert release_days(at) == ["2020-04-29"]
    assert at.query_params["topic_mode"] in ("all", ["all"])


def test_a_filter_matching_nothing_says_so_in_words():
    at = run_app()
    at.text_input(key="f_search").input("no release says this").run()
    assert not at.exception
    assert metric(at, "Engagements") == "0"
    assert "No releases match the current filters" in messages(at, "info")
    open_section(at, "Releases")
    assert all(f.empty or "date" not in f.columns for f in [d.value for d in at.dataframe])


def test_query_params_restore_the_filters():
    at = run_app({"type": "phone_call", "q": "coronavirus"})
    assert at.multiselect(key="f_types").value == ["phone_call"]
    assert at.text_input(key="f_search").value == "coronavirus"
    assert release_days(at) == ["2020-04-29"]
    assert not at.warning


def test_query_params_restore_dates_topics_and_mode():
    at = run_app({"from": "2020-01-01", "topic": ["health", "covid19"], "topic_mode": "all"})
    assert at.date_input(key="f_dates").value == (dt.date(2020, 1, 1), dt.date(2021, 5, 9))
    assert at.radio(key="f_topic_mode").value == "all"
    assert release_days(at) == ["2020-04-29"]


def test_bad_query_params_are_ignored_with_a_notice():
    at = run_app({"type": ["phone_call", "telepathy"], "from": "yesterday",
                  "topic_mode": "most", "official": "<b>Nobody</b>"})
    notices = messages(at, "warning")
    assert "telepathy" in notices and "yesterday" in notices and "most" in notices
    assert "Nobody" in notices and "<b>" not in notices
    assert release_days(at) == ["2020-04-29"]
    # The notice goes once the user changes a filter.
    at.multiselect(key="f_types").set_value([]).run()
    assert not at.warning


def test_clear_filters_button_shows_everything_again():
    at = run_app({"type": "phone_call", "q": "coronavirus"})
    at.button(key="clear_filters").click().run()
    assert not at.exception
    assert release_days(at) == SEEDS
    assert at.query_params.get("type") is None


def test_period_control_switches_the_time_chart():
    at = run_app()
    at.radio(key="period").set_value("year").run()
    assert not at.exception
    charts = at.get("plotly_chart")
    assert "Engagements per year" in charts[0].proto.spec


def test_missing_folder_shows_a_message_and_the_report(monkeypatch, tmp_path):
    monkeypatch.setenv("SCO_DATA_DIR", str(tmp_path / "nowhere"))
    at = run_app()
    assert "does not exist" in messages(at, "error")
    assert metric(at, "Rejected") == "1"
    assert not at.get("plotly_chart")


def test_empty_folder_from_argv_shows_a_message(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--data", str(tmp_path)])
    at = run_app()
    assert "holds no release files" in messages(at, "warning")
    assert "No files were handed in" in messages(at, "info")


def test_folder_of_rejected_files_explains_why(monkeypatch, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "recipe.txt").write_text("Boil water. Add pasta. Wait ten minutes.\n")
    monkeypatch.setenv("SCO_DATA_DIR", str(tmp_path))
    at = run_app()
    assert "None of the files could be read as a release" in messages(at, "error")
    assert metric(at, "Rejected") == "2"
    report = next(d.value for d in at.dataframe if "status" in d.value.columns)
    assert sorted(report["path"]) == ["empty.txt", "recipe.txt"]
    assert set(report["status"]) == {"rejected"}


def test_sidebar_folder_box_switches_the_data(monkeypatch, tmp_path):
    (tmp_path / "only.txt").write_text(HOSTILE_RELEASE)
    monkeypatch.setenv("SCO_DATA_ROOTS", str(tmp_path))
    at = run_app()
    at.text_input(key="data_dir").input(str(tmp_path)).run()
    assert not at.exception
    assert metric(at, "Engagements") == "1"


def test_release_text_is_shown_literally_never_as_html(monkeypatch, tmp_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE_RELEASE)
    monkeypatch.setenv("SCO_DATA_DIR", str(tmp_path))
    at = run_app({"section": "releases"})
    assert metric(at, "Engagements") == "1"
    shown = markdown_text(at)
    assert r"\<script\>alert\(1\)\</script\>" in shown
    assert r"\<img src\=x onerror\=alert\(2\)\>" in shown
    assert r"\*not bold\*" in shown and r"\$x\$" in shown
    # Nothing anywhere in the page's markdown carries an unescaped "<".
    everything = shown + "".join(h.value for h in at.subheader) + messages(at, "caption")
    assert re.search(r"(?<!\\)<", everything) is None


# A right-to-left override makes "txt.exe" show as "exe.txt"; a zero-width space and isolates
# hide in a title; a word joiner of the release's own.
BIDI_RELEASE = """\
SCO Secretary-General meets envoy \u202etxt.exe

On 1 June 2022, SCO Secretary-General Zhang Ming met with Special\u200b Envoy \u2066of Iran\u2069 \
Mohammad Keshavarzzadeh in Beijing. He sent \u202etxt.exe and w\u2060ords.
The sides discussed cooperation in trade.
"""
HIDDEN_CHARACTERS = "\u202e\u200b\u2066\u2069\u2060"


def everything_shown(at: AppTest) -> str:
    """Every text the page sends: markdown, headings, captions, table cells, chart specs and
    the options of every box."""
    cells = [str(cell) for frame in at.dataframe for column in frame.value.columns for cell in frame.value[column]]
    options = [str(option) for box in [*at.selectbox, *at.multiselect] for option in box.options]
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    return "\n".join([markdown_text(at), *(h.value for h in at.subheader), messages(at, "caption"), *cells,
                      *options, json.dumps(specs, ensure_ascii=False)])


def test_bidirectional_and_zero_width_characters_are_shown_or_removed_everywhere(monkeypatch, tmp_path):
    (tmp_path / "envoy \u202etxt.exe.txt").write_text(BIDI_RELEASE)
    monkeypatch.setenv("SCO_DATA_DIR", str(tmp_path))
    at = run_app()
    assert metric(at, "Engagements") == "1"
    at.radio(key="view").set_value("profile").run()
    at.selectbox(key="profile").set_value(profiles.canonical_profile("person:Mohammad Keshavarzzadeh")).run()
    shown = everything_shown(at)
    assert [hex(ord(character)) for character in HIDDEN_CHARACTERS if character in shown] == []
    assert "envoy ⟨RLO⟩txt.exe" in at.subheader[-1].value.replace("\\", "")  # the release's headline
    assert "He sent ⟨RLO⟩txt.exe and words." in shown.replace("\\", "")
    assert "Special Envoy ⟨LRI⟩of Iran⟨PDI⟩" in shown  # the title held then, in the timeline
    at.radio(key="view").set_value("overview").run()
    assert "envoy ⟨RLO⟩txt.exe.txt" in everything_shown(open_section(at, "Ingest report"))  # the file's name
    # Only what is shown: the data keeps the release's own characters (and downloads with them).
    assert sco_data.load_corpus(tmp_path, use_cache=False).releases.loc[0, "title"].endswith("\u202etxt.exe")


def page_source() -> str:
    """dashboard.py and the modules of its views (sco_page)."""
    return "\n".join(path.read_text(encoding="utf-8") for path in
                     [DASHBOARD, *sorted((DASHBOARD.parent / "sco_page").glob("*.py"))])


def test_dashboard_never_renders_html():
    source = page_source()
    assert "unsafe_allow_html" not in source
    assert "st.html" not in source and "components" not in source
    # One frame of script: the fixed one that scrolls a picked release into view.
    assert source.count("st.iframe(") == 1 and "st.iframe(SCROLL_INTO_VIEW, height=1)" in source


def test_downloads_offer_the_filtered_rows():
    at = run_app({"type": "phone_call", "section": "download"})
    buttons = at.get("download_button")
    assert len(buttons) == 2
    assert buttons[0].proto.label == "Releases (1 row)"
    assert buttons[1].proto.label == "Participants (2 rows)"


def test_reload_reads_files_added_to_the_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("SCO_DATA_DIR", str(tmp_path))
    at = run_app()
    assert "holds no release files" in messages(at, "warning")
    (tmp_path / "new.txt").write_text(HOSTILE_RELEASE)
    at.button(key="reload_data").click().run()
    assert not at.exception
    assert metric(at, "Engagements") == "1"
    # Reloading cleared the shared corpus for everyone; now it is read again at most once every
    # 30 s, whoever asks, and the page says so instead.
    (tmp_path / "newer.txt").write_text(HOSTILE_RELEASE.replace("1 June 2022", "2 June 2022"))
    at.button(key="reload_data").click().run()
    assert metric(at, "Engagements") == "1"
    assert [toast.value for toast in at.toast] == [CAPTIONS["reload_wait"]]


@pytest.mark.parametrize("argv", [["--lock"], ["--read-only"]])
def test_a_locked_or_read_only_page_offers_no_reload(monkeypatch, argv):
    monkeypatch.setattr(sys, "argv", ["dashboard.py", *argv])
    assert "reload_data" not in [button.key for button in run_app().button]
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])
    assert "reload_data" in [button.key for button in run_app().button]


def test_docs_name_every_url_parameter_widget_key_and_variable():
    """docs/dashboard.md cannot drift from the page: every name it must explain is in it."""
    docs = (DASHBOARD.parent / "docs" / "dashboard.md").read_text(encoding="utf-8")
    source = page_source()
    from sco_data.explore.fields import FILTER_FIELDS
    from sco_data.explore.urlstate import PARAM_NAMES
    from sco_data.explore.viewstate import VIEW_PARAMS

    keys = set(re.findall(r'key"?[=:] ?"([a-z_]+)"', source)) | {field.key for field in FILTER_FIELDS}
    keys |= {"download_releases", "download_participants"}  # written as key=f"download_{name}"
    # Read-only tables have keys too, but nobody drives them; charts are drilled by clicks.
    widget_keys = keys - {"participants_table", "places_table", "release_fields", "report_table"}
    launching = (DASHBOARD.parent / "sco_data" / "explore" / "viewstate.py").read_text(encoding="utf-8")
    variables = set(re.findall(r'environ\.get\("([A-Z_]+)"', source + launching)) | {ROOTS_ENV, LOCK_ENV}
    assert variables >= {"SCO_DATA_DIR"}
    assert {"f_types", "period", "view", "profile", "releases_table", "profile_timeline",
            "csv_sentences", "download_releases"} <= widget_keys
    names = [*PARAM_NAMES.values(), *VIEW_PARAMS, *widget_keys, *variables]
    # Each as code: `name` or `NAME=value`.
    assert [name for name in names if not re.search(f"`{re.escape(name)}[`=]", docs)] == []


def seeds_in_a_folder_of_their_own(monkeypatch, tmp_path) -> Path:
    """A copy of the bundled sample that a test may add files to, opened by the app."""
    folder = tmp_path / "releases"
    folder.mkdir()
    for seed in (DASHBOARD.parent / "data" / "releases").iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    monkeypatch.setenv("SCO_DATA_DIR", str(folder))
    return folder


def test_a_full_date_range_follows_the_corpus_when_it_grows(monkeypatch, tmp_path):
    folder = seeds_in_a_folder_of_their_own(monkeypatch, tmp_path)
    at = run_app()
    assert metric(at, "Engagements") == "3"
    (folder / "later.txt").write_text(HOSTILE_RELEASE)
    at.button(key="reload_data").click().run()
    assert metric(at, "Engagements") == "4"
    assert at.date_input(key="f_dates").value == (dt.date(2019, 5, 26), dt.date(2022, 6, 1))


def test_a_narrowed_date_range_stays_when_the_corpus_grows(monkeypatch, tmp_path):
    folder = seeds_in_a_folder_of_their_own(monkeypatch, tmp_path)
    at = run_app()
    at.date_input(key="f_dates").set_value((dt.date(2020, 1, 1), dt.date(2020, 12, 31))).run()
    (folder / "later.txt").write_text(HOSTILE_RELEASE)
    at.button(key="reload_data").click().run()
    assert release_days(at) == ["2020-04-29"]


def test_a_corpus_without_dates_still_opens(monkeypatch, tmp_path):
    (tmp_path / "undated.txt").write_text(
        "SCO Secretary-General Zhang Ming met with Ambassador of Iran to China "
        "Mohammad Keshavarzzadeh at the SCO Secretariat in Beijing.\n"
    )
    monkeypatch.setenv("SCO_DATA_DIR", str(tmp_path))
    at = run_app({"from": "2020-01-01"})
    assert metric(at, "Engagements") == "1"
    assert "Engagement dates: none known; 1 release has no known date." in messages(at, "caption")
    assert "No release in this corpus has a known date." in messages(at, "sidebar.caption")
