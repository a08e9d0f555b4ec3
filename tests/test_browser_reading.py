"""The analyst's page (issue 22) in headless Chromium at 1440 x 900: a typed name selects only
that name, a picked release comes into view, the participants table shows every column and ten
rows, the undated are listed from under the time chart, a click on the network filters the page,
two periods side by side, the review queue worked with Mark as checked and Next; screenshots of
the new views (into docs/ with SCO_SAVE_SCREENSHOTS=1).
The fixtures, and how a test skips or fails without a browser, are test_browser.py's."""

from __future__ import annotations

import shutil

import pytest
from test_app_review import DOUBTED, HOSTILE, SCO_DAY, TASHKENT
from test_browser import (  # noqa: F401 (fixtures)
    GOLD,
    READING_VIEWPORT,
    _metric,
    _save_screenshot,
    _screenshot_path,
    _wait_for_charts,
    _wait_for_metric,
    chromium_path,
    gold_url,
    page,
    streamlit_server,
)

import sco_data

pytestmark = pytest.mark.browser

# Three officials whose names a fuzzy match mixes up: "Norov" is a subsequence of all three.
OFFICIALS = {
    "norov.txt": "On 3 March 2020, SCO Secretary-General Vladimir Norov met with Ambassador of Iran to China "
                 "Mohammad Keshavarzzadeh at the SCO Secretariat in Beijing.",
    "nosirov.txt": "On 4 March 2020, SCO Deputy Secretary-General Aziz Nosirov met with Ambassador of India to "
                   "China Vikram Misri at the SCO Secretariat in Beijing.",
    "akkoshkarov.txt": "On 5 March 2020, SCO Deputy Secretary-General Nurlan Akkoshkarov met with Ambassador of "
                       "Pakistan to China Moin ul Haque at the SCO Secretariat in Beijing.",
}


@pytest.fixture()
def reading(page):
    page.set_viewport_size(READING_VIEWPORT)
    return page


def test_a_typed_name_and_enter_select_that_name_only(reading, tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    for name, text in OFFICIALS.items():
        (folder / name).write_text(f"SCO official meets ambassador\n\n{text}\n", encoding="utf-8")
    officials = set(sco_data.load_corpus(folder, use_cache=False).releases["sco_official"])
    assert officials == {"Vladimir Norov", "Aziz Nosirov", "Nurlan Akkoshkarov"}
    with streamlit_server(tmp_path, {"SCO_DATA_DIR": str(folder)}) as url:
        reading.goto(url)
        _wait_for_charts(reading, 1)
        select = reading.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]', has_text="SCO official")
        select.locator("input").click()
        reading.keyboard.type("Norov")
        reading.keyboard.press("Enter")
        _wait_for_metric(reading, "Engagements", "1")
        reading.keyboard.press("Escape")
        chosen = select.inner_text()
        assert "Vladimir Norov" in chosen and "Nosirov" not in chosen and "Akkoshkarov" not in chosen
        assert "official=Vladimir+Norov" in reading.url and "Nosirov" not in reading.url


def test_a_picked_release_comes_into_view(reading, gold_url):
    reading.goto(gold_url + "?section=releases")
    heading = reading.locator('[data-testid="stMain"] h3').first
    heading.wait_for()
    first = heading.inner_text()
    grid = reading.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    reading.mouse.click(box["x"] + 14, box["y"] + 35 + 72 * 3 + 36)  # the fourth row's selection box
    reading.wait_for_function("t => document.querySelector('[data-testid=\"stMain\"] h3').innerText !== t",
                              arg=first, timeout=60_000)
    reading.wait_for_timeout(800)
    top = reading.locator('[data-testid="stMain"] h3').first.bounding_box()
    assert 0 <= top["y"] < READING_VIEWPORT["height"] - 100  # the picked release is in view


def test_the_participants_table_shows_every_column_and_ten_rows(reading, gold_url, tmp_path):
    reading.goto(gold_url + "?section=participants")
    reading.locator('[data-testid="stDataFrame"] canvas').first.wait_for()
    reading.wait_for_timeout(500)
    scroller = reading.evaluate("""() => { const s = document.querySelector('[data-testid="stDataFrame"] .dvn-scroller');
        return [s.scrollWidth, s.clientWidth, s.clientHeight]; }""")
    assert scroller[0] <= scroller[1] + 2  # no column behind a horizontal scroll
    assert (scroller[2] - 35) // 72 >= 10  # rows of 72 pixels below the header


def test_the_undated_are_listed_from_under_the_time_chart(reading, gold_url):
    reading.goto(gold_url)
    _wait_for_charts(reading, 1)
    note = reading.get_by_text("7 engagements without a date are not in this chart.")
    assert note.count() == 1
    reading.get_by_role("button", name="List them").click()
    _wait_for_metric(reading, "Engagements", "7")
    assert "undated=only" in reading.url and "section=releases" in reading.url
    # The tab opens on the same rerun as the metric, but may be drawn a moment later.
    reading.locator('[role="tab"][aria-selected="true"]', has_text="Releases").wait_for()


def test_a_click_on_the_network_filters_the_page(reading, gold_url, tmp_path):
    reading.goto(gold_url + "?view=network")
    _wait_for_charts(reading, 1)
    _save_screenshot(reading, tmp_path, "screenshot-network.png")
    reading.set_viewport_size(READING_VIEWPORT)
    reading.wait_for_timeout(1000)
    points = reading.locator(".js-plotly-plot .scatterlayer .trace").nth(1).locator(".point")  # officials
    widths = [points.nth(i).bounding_box()["width"] for i in range(points.count())]
    busiest = points.nth(widths.index(max(widths)))
    busiest.scroll_into_view_if_needed()
    reading.wait_for_timeout(500)
    box = busiest.bounding_box()
    reading.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    reading.wait_for_function("() => location.search.includes('official=')", timeout=60_000)
    _wait_for_charts(reading, 1)
    assert int(_metric(reading, "Engagements")) < 104


def test_two_periods_side_by_side(reading, gold_url, tmp_path):
    reading.goto(gold_url + "?view=compare&period_a=2020-01-01..2020-12-31&period_b=2021-01-01..2021-12-31")
    _wait_for_charts(reading, 1)
    main = reading.locator('[data-testid="stMain"]').inner_text()
    assert "A: 2020" in main and "B: 2021" in main and "Counterparts met most often" in main
    _save_screenshot(reading, tmp_path, "screenshot-compare.png")
    assert _screenshot_path("screenshot-compare.png", tmp_path).stat().st_size > 10_000


# What the hostile headline would become if its markdown or HTML were rendered: a link, bold text.
MARKUP_FROM_HEADLINE = """() => [...document.querySelectorAll('a[href*="evil.example"], strong, b, script')]
    .filter(e => /evil|^Ambassador$|alert/.test(e.getAttribute('href') || e.textContent.trim()))
    .map(e => e.outerHTML)"""


def test_the_review_queue_is_worked_with_mark_as_checked_and_next(reading, tmp_path):
    folder = tmp_path / "releases"
    shutil.copytree(GOLD, folder)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    hostile = sco_data.parse_release(HOSTILE).release_id  # three doubts: first in the queue
    with streamlit_server(tmp_path, {"SCO_DATA_DIR": str(folder)}) as url:
        reading.goto(url + "?view=review")
        reading.get_by_text(f"0 of 105 releases checked; {DOUBTED + 1} with doubts left").wait_for()
        reading.get_by_text(f"Release 1 of {DOUBTED + 1} in the queue.").wait_for()
        # The hostile headline, the view's heading, shows as typed.
        main = reading.locator('[data-testid="stMain"]').inner_text()
        assert "**Ambassador** [Petrov](http://evil.example) <script>alert(1)</script>" in main.replace("\u2060", "")
        assert reading.evaluate(MARKUP_FROM_HEADLINE) == []
        reading.get_by_role("button", name="Mark as checked").click()
        reading.get_by_text(f"1 of 105 releases checked; {DOUBTED} with doubts left").wait_for()
        reading.wait_for_function("id => location.search.includes('review=' + id)", arg=TASHKENT)
        assert (folder / "sco-corrections.csv").read_text(encoding="utf-8").splitlines()[1].startswith(
            f"{hostile},checked,,")
        # Said on the page, the headline still as typed.
        reading.get_by_text("as checked; on to the next release.").wait_for()
        main = reading.locator('[data-testid="stMain"]').inner_text().replace("\u2060", "")
        assert "Marked “SCO Secretary-General Zhang Ming meets with **Ambassador** [Petrov]" in main
        assert reading.evaluate(MARKUP_FROM_HEADLINE) == []
        reading.get_by_role("button", name="Next").click()
        reading.wait_for_function("id => location.search.includes('review=' + id)", arg=SCO_DAY)
        reading.get_by_text(f"Release 2 of {DOUBTED} in the queue.").wait_for()
        assert len((folder / "sco-corrections.csv").read_text(encoding="utf-8").splitlines()) == 2
        reading.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')")
        # The review itself at the analyst's width, from the progress line to the correction form
        # (the sidebar and the caption above it name the test's temporary folder).
        _save_main_region(reading, tmp_path, "screenshot-review.png", reading.get_by_text("1 of 105 releases checked"),
                          reading.locator('[data-testid="stExpander"]', has_text="Correct this release").first)
        assert _screenshot_path("screenshot-review.png", tmp_path).stat().st_size > 10_000
        assert reading.locator('[data-testid="stException"]').count() == 0


def _save_main_region(page, folder, name: str, first, last) -> None:
    """The main area (not the sidebar) at 1440 pixels, from the top of `first` to the bottom of `last`."""
    height = page.evaluate("document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight")
    page.set_viewport_size({"width": READING_VIEWPORT["width"], "height": int(height) + 60})
    page.wait_for_timeout(1500)
    main, top, bottom = (part.bounding_box() for part in (page.locator('[data-testid="stMain"]'), first, last))
    page.screenshot(path=str(_screenshot_path(name, folder)), clip={
        "x": main["x"], "y": top["y"] - 12, "width": main["width"],
        "height": bottom["y"] + bottom["height"] - top["y"] + 24})
    page.set_viewport_size(READING_VIEWPORT)
