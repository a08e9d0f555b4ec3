"""The sidebar's fetch (AppTest): when the folder was last fetched, and "Fetch new releases" where
the page may write its folder, which runs the fetch against the stand-in web on 127.0.0.1 and
reads the folder again."""

from __future__ import annotations

import sys

import pytest
from fake_web import FakeWeb
from test_app import messages, metric, run_app

from sco_data.cli import main
from sco_data.explore.markup import escape_markdown


@pytest.fixture
def fetched(monkeypatch: pytest.MonkeyPatch, tmp_path):
    """A folder `sco-data fetch` filled with the three newest gold releases; the page starts on it."""
    for variable in ("SCO_DATA_ROOTS", "SCO_DATA_LOCK", "SCO_CORRECTIONS"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])
    web = FakeWeb().small(3)
    folder = tmp_path / "fetched"
    assert main(["fetch", str(folder), "--sources", str(web.sources(tmp_path))]) == 0
    monkeypatch.setenv("SCO_DATA_DIR", str(folder))
    yield web
    web.close()


def test_the_button_fetches_new_releases_and_reads_the_folder_again(fetched):
    at = run_app()
    assert metric(at, "Engagements") == "3"
    assert messages(at, "sidebar.caption").count("Last fetched ") == 1
    fetched.publish(fetched.pages[-4])  # a release published since
    fetched.add_listing()
    at.button(key="fetch_new").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert metric(at, "Engagements") == "4"
    assert messages(at, "sidebar.info") == escape_markdown(
        "Fetched 4 pages: 1 new, 0 changed, 0 unchanged, 0 from the archive, 3 already saved, "
        "0 skipped by robots.txt, 0 failed.")
    assert fetched.site.served[fetched.pages[-4].path] == 1


@pytest.mark.parametrize("option", ["--read-only", "--lock"])
def test_a_read_only_or_locked_page_offers_no_fetch(fetched, monkeypatch, option):
    monkeypatch.setattr(sys, "argv", ["dashboard.py", option])
    at = run_app()
    assert "Last fetched " in messages(at, "sidebar.caption")
    assert not [button for button in at.button if button.key == "fetch_new"]


def test_the_bundled_sample_offers_no_fetch(monkeypatch):
    monkeypatch.delenv("SCO_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])
    at = run_app()
    assert "Last fetched" not in messages(at, "sidebar.caption")
    assert not [button for button in at.button if button.key == "fetch_new"]
