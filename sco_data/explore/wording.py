"""The page's sentences in one place: what each chart and section says under its heading,
and counts written with their noun in the right number.

Captions are keyed by the chart or section name the page uses (its widget keys are built
from the same names), so a chart and its caption cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 release', '3 releases', '1,024 rows': a count with its noun in the right number."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


CAPTIONS: dict[str, str] = {
    "data_dir": "A folder of .txt/.htm/.html releases on the machine running the dashboard, "
                "inside the folders it allows (the one it was started with, the bundled sample "
                "and those listed in SCO_DATA_ROOTS). Leave empty for the folder it was started with.",
    "uploads": "Uploads join the folder's releases for this session only.",
    "folder_refused": "The page shows the folder it was started with.",
    "corrections": "Corrected by a reader: each correction beside the value the extractor found. Every "
                   "chart, table, filter and download uses the corrected values.",
    "reload_data": "Read the folder again, for files added or changed since it was loaded (at most "
                   "once every 30 seconds).",
    "reload_wait": "The folder was read again moments ago; try again in half a minute.",
    "fetch_new": "Fetch the releases published since the folder's last fetch (from the SCO site, or the "
                 "Internet Archive's copy of a page gone from it), as `sco-data fetch` does, then read the "
                 "folder again. One request a second: a first fetch of the whole archive takes hours.",
    "engagements": "Click a bar to filter the page to its period and type.",
    "topics": "Releases that discuss each topic; hover for the number of mentions, click a bar "
              "to filter.",
    "topics_time": "Releases per topic and period, topics in the order above: darker cells, "
                   "more releases. Click a cell to filter.",
    "places_table": "Places where engagements took place (a renamed city is one place).",
    "map": "Countries shaded by engagements with their representatives; points where "
           "engagements took place. Click a country or a point to filter to it.",
    "participants": "Everyone named in the matching releases: one row per person and side "
                    "(a Secretary-General met as a counterpart is a row of his own).",
    "releases": "Select a row to read the release with what was extracted from it marked.",
    "newest": "Showing the newest matching release; select a row to show another.",
    "outside": "The selected release does not match the filters or the profile in view; "
               "select a row to show one that does.",
    "sentences": "Adds event_date_sentence, sco_official_sentence, counterparts_sentence, "
                 "location_city_sentence and occasion_sentence: the sentence (or headline) each "
                 "value was read from, so that a row can be cited.",
    "downloads": "The filtered rows as CSV (UTF-8, opens in any spreadsheet; cells that could "
                 "run as a formula start with a quote).",
    "report": "Every file handed in, and what became of it. Rejected files are not in any chart.",
    "timeline": "Every engagement, newest first, with the title held then. Select a row to read "
                "the release.",
    "officials": "The Secretaries-General over their terms (the officials lexicon's dates), in "
                 "the releases that match the filters: engagements in each month of the term, "
                 "by type, on one scale.",
    "no_match": "No releases match the current filters. Widen the date range or clear a filter "
                "in the sidebar.",
    "officials_summary": "Each Secretary-General's engagements in the releases that match; the monthly "
                         "rate counts the months of the term that the corpus covers and the date filter "
                         "takes in. Releases without a date, or dated outside the term, are counted apart.",
    "compare": "The same filters for both periods; the undated engagements belong to neither.",
    "compare_period": "Pick the first and the last day of the period.",
    "compare_types": "Click a bar to filter the page to its type and period.",
    "network": "Click a name to filter the page to it: an official, a counterpart or an organisation.",
    "list_undated": "Show only the engagements without a date, in the releases table.",
    "no_profile": "Choose a country, an organisation or a person to see every engagement with them.",
    "review": "The releases that match the filters and that the extractor doubts, the most doubtful first: "
              "read the marked text against the doubts, correct what is wrong, and mark the release checked "
              "once it is right (a check is a row of the corrections file, like a correction).",
    "review_empty": "No release that matches the filters has doubts left: nothing to review here.",
    "review_undo_last": "Undo the check withdraws the check just made.",
    "headline": "Engagements and dates count releases. Counterparts, countries, organisations "
                "and the people charts count only the counterparts who match the counterpart "
                "filters (country, organisation, name) when one is set.",
}


def days_text(days: Sequence[dt.date], most: int = 3) -> str:
    """'12 May 2004, 1 Jan 2099': a few days, then '...' for more."""
    shown = ", ".join(f"{day.day} {day:%b %Y}" for day in days[:most])
    return shown + (", ..." if len(days) > most else "")


def off_axis_note(undated: int, outside: Sequence[dt.date]) -> str:
    """Under a time chart: '63 engagements without a date are not in this chart.'"""
    parts = [f"{plural(undated, 'engagement')} without a date"] * bool(undated)
    if outside:
        parts.append(f"{plural(len(outside), 'engagement')} dated outside every Secretary-General's term "
                     f"({days_text(outside)}), most likely misread")
    verb = "is" if undated + len(outside) == 1 else "are"
    return f"{' and '.join(parts)} {verb} not in this chart."


def network_caption(top: int) -> str:
    """Above the network."""
    return (f"Who met whom in the releases that match: the SCO officials, the {top} counterparts met most "
            "often (the participants table lists everyone) and the organisations they spoke for; "
            "larger, more engagements.")


def undated_in_corpus(count: int) -> str:
    """Under the sidebar's choice for the undated engagements."""
    return f"{plural(count, 'release')} in this corpus {'has' if count == 1 else 'have'} no known date."


def undated_left_out(count: int) -> str:
    """Under the headline, when a date range leaves the undated engagements out."""
    return (f"The date range leaves out {plural(count, 'engagement')} without a date "
            "(choose under Engagements without a date to keep or list them).")


def source_caption(releases: int, source: str, uploads: int) -> str:
    """What the page is about and what it read; `source` names the folder as the page shows it."""
    extra = f" and {plural(uploads, 'uploaded file')}" if uploads else ""
    return ("Who the SCO Secretary-General and deputies met, when, where, how and about what, "
            f"from {plural(releases, 'news release')} in {source}{extra}.")


def no_editing(reason: str | None) -> str:
    """Under a release when the page offers no correcting."""
    return f"Corrections cannot be made here: {reason}."


def profile_caption(engagements: int, name: str) -> str:
    """Above a profile; `name` as the page shows it."""
    return f"{plural(engagements, 'engagement')} with {name} among the releases that match the filters."


def listed_not_ranked(title: str) -> str:
    """What the page says where a ranked chart would rank nothing."""
    return f"{title}: too few, or all the same number, so listed rather than ranked."


def foreign_lines_note(count: int, kept: bool) -> str:
    """Above the lines in other languages that the reader set aside, or in their place when
    only their number is kept."""
    if kept:
        return f"{plural(count, 'line')} in another language, set aside by the reader:"
    return (f"{plural(count, 'line')} in another language set aside by the reader "
            "(the table keeps their number, not their text).")
