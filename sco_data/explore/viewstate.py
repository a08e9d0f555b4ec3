"""The page's state beyond the filters, and its URL form: which view, the grouping of the
time charts, the overview's section, the selected release, the profile shown, the two periods
compared, the release under review, and the folder read; and the options the page was
started with.

Like the filters (explore.urlstate), every value a link gets wrong is dropped with one notice,
and values at their default are left out of the link. Whether a release or a profile exists
depends on the corpus; `checked` drops those the corpus lacks, with a notice.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sco_data.corpus.roots import FolderAccess
from sco_data.explore.periods import PERIODS
from sco_data.explore.profiles import canonical_profile, split_profile

# The page's views: the URL value -> what the page calls it.
VIEWS: dict[str, str] = {
    "overview": "Overview",
    "profile": "Profiles",
    "officials": "Secretaries-General",
    "compare": "Compare periods",
    "network": "Who met whom",
    "review": "Review",
}
# The overview's sections, one drawn at a time: the URL value -> its tab's label.
SECTIONS: dict[str, str] = {
    "time": "Over time",
    "topics": "Topics",
    "people": "Who was met",
    "map": "Map",
    "participants": "Participants",
    "releases": "Releases",
    "download": "Download",
    "report": "Ingest report",
}
DEFAULT_PERIOD = "quarter"
# A span of days in a link: 2020-01-01..2020-12-31.
SPAN_SEPARATOR = ".."
# The ViewState fields: each is also its URL parameter (and, but for the folder, whose box is
# `data_dir`, the session-state key of its widget or value).
VIEW_PARAMS: tuple[str, ...] = ("view", "period", "section", "release", "profile", "period_a", "period_b",
                                "review", "folder")
# Parameters that belong to one view: left out of the link while another view is shown.
OWN_VIEW: dict[str, str] = {"section": "overview", "profile": "profile", "period_a": "compare",
                            "period_b": "compare", "review": "review"}
# A refused folder is named in its message by this many characters at most.
REFUSED_FOLDER_CHARS = 120


@dataclass(frozen=True)
class ViewState:
    """What the page shows besides the filters; '' where nothing is chosen. The compared
    periods are spans of days as a link writes them (span_text); `review` is the release the
    review view shows."""

    view: str = "overview"
    period: str = DEFAULT_PERIOD
    section: str = "time"
    release: str = ""
    profile: str = ""
    period_a: str = ""
    period_b: str = ""
    review: str = ""
    folder: str = ""


def span_text(days: Sequence[dt.date]) -> str:
    """'2020-01-01..2020-12-31' for a (first, last) pair of days; '' for anything else."""
    days = tuple(days or ())
    return SPAN_SEPARATOR.join(day.isoformat() for day in days) if len(days) == 2 else ""


def parse_span(text: str) -> tuple[dt.date, dt.date] | None:
    """The (first, last) days of a span as a link writes it, in order; None when it is not one."""
    try:
        days = sorted(dt.date.fromisoformat(part.strip()) for part in text.split(SPAN_SEPARATOR))
    except ValueError:
        return None
    return (days[0], days[1]) if len(days) == 2 else None


def _last(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else ""
    return str(value or "").strip()


def view_from_query_params(params: Mapping[str, Any]) -> tuple[ViewState, list[str]]:
    """The view state a link asks for; a value it gets wrong is ignored with a notice."""
    notices: list[str] = []
    values = {name: _last(params.get(name)) for name in VIEW_PARAMS}
    if values["view"] and values["view"] not in VIEWS:
        notices.append(f"Ignored view {values['view']!r} from the link: use "
                       + ", ".join(repr(v) for v in VIEWS) + ".")
        values["view"] = ""
    if values["period"] and values["period"] not in PERIODS:
        notices.append(f"Ignored period {values['period']!r} from the link: use "
                       + ", ".join(repr(p) for p in PERIODS) + ".")
        values["period"] = ""
    if values["section"] and values["section"] not in SECTIONS:
        notices.append(f"Ignored section {values['section']!r} from the link: use "
                       + ", ".join(repr(v) for v in SECTIONS) + ".")
        values["section"] = ""
    for name in ("period_a", "period_b"):
        if values[name] and parse_span(values[name]) is None:
            notices.append(f"Ignored {name} {values[name]!r} from the link: write it as "
                           f"YYYY-MM-DD{SPAN_SEPARATOR}YYYY-MM-DD.")
            values[name] = ""
        elif values[name]:
            values[name] = span_text(parse_span(values[name]))
    if values["profile"] and split_profile(values["profile"]) is None:
        notices.append(f"Ignored profile {values['profile']!r} from the link: write it as "
                       "country:NAME, organisation:NAME or person:NAME.")
        values["profile"] = ""
    elif values["profile"]:
        values["profile"] = canonical_profile(values["profile"])
    defaults = ViewState()
    return ViewState(**{name: value or getattr(defaults, name) for name, value in values.items()}), notices


def checked(state: ViewState, release_ids: Collection[str],
            profiles: Mapping[str, str]) -> tuple[ViewState, list[str]]:
    """The state with a release (picked or under review) or a profile the corpus lacks
    dropped, with a notice for each."""
    notices = []
    for name in ("release", "review"):
        if getattr(state, name) and getattr(state, name) not in release_ids:
            notices.append(f"Ignored {name} {getattr(state, name)!r} from the link: no such release here.")
            state = replace(state, **{name: ""})
    if state.profile and state.profile not in profiles:
        notices.append(f"Ignored profile {state.profile!r} from the link: nobody of that name "
                       "was met in these releases.")
        state = replace(state, profile="")
    return state, notices


def section_id(label: Any) -> str:
    """The section whose tab is labelled so (a tab bar holds its label); the default for none."""
    return next((key for key, name in SECTIONS.items() if name == label), ViewState.section)


def state_of(session: Mapping[str, Any], start: str) -> ViewState:
    """The view state the page's session holds (keys as in VIEW_PARAMS, the section's tab
    label, the compared periods as pairs of days, the folder box's key `data_dir`); `start` is
    the folder the page was started with."""
    return ViewState(view=session.get("view") or "overview",
                     period=session.get("period") or DEFAULT_PERIOD,
                     section=section_id(session.get("section")),
                     release=session.get("release") or "", profile=session.get("profile") or "",
                     period_a=span_text(session.get("period_a")), period_b=span_text(session.get("period_b")),
                     review=session.get("review") or "", folder=folder_in_link(session.get("data_dir"), start))


def view_to_query_params(state: ViewState) -> dict[str, str]:
    """The view state as URL parameters; fields at their default are left out, and so are a
    view's own choices (profile, section, compared periods, the release under review) while
    another view is shown."""
    return {name: getattr(state, name) for name in VIEW_PARAMS
            if getattr(state, name) != getattr(ViewState, name)
            and OWN_VIEW.get(name, state.view) == state.view}


def folder_in_link(typed: str, start: str) -> str:
    """The folder a link names: what the box says when it is not the folder started with."""
    typed = (typed or "").strip()
    return "" if typed == start else typed


def chosen_folder(typed: str, start: str) -> str:
    """The folder asked for: what the folder box says, else the folder the page started with
    (`--data DIR` or SCO_DATA_DIR), else '' for the bundled sample."""
    return (typed or "").strip() or start


def readable_folder(access: FolderAccess, typed: str, start: str) -> tuple[str, str | None]:
    """The folder to read ('' for the one started with) and, when the box asks for one the
    rules of corpus.roots refuse, the refusal in words (the page then shows its start folder),
    naming the folder by its first REFUSED_FOLDER_CHARS characters."""
    asked = chosen_folder(typed, start)
    if not asked or asked == start:
        return "", None
    check = access.check(asked)
    if check.folder is not None:
        return str(check.folder), None
    named = asked if len(asked) <= REFUSED_FOLDER_CHARS else asked[:REFUSED_FOLDER_CHARS] + "…"
    return "", f"Not reading {named}: {check.reason}."


@dataclass(frozen=True)
class Launch:
    """How the page was started: `streamlit run dashboard.py -- [--data DIR] [--lock]
    [--read-only]`. `data` is the folder ('' for the bundled sample); `lock` keeps the page on
    it; `read_only` offers no editing of corrections."""

    data: str = ""
    lock: bool = False
    read_only: bool = False


def launch_options(argv: Sequence[str], environ: Mapping[str, str]) -> Launch:
    """The page's own options among Streamlit's arguments; SCO_DATA_DIR when --data is not given
    (SCO_DATA_LOCK is corpus.roots' to read)."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--data")
    parser.add_argument("--lock", action="store_true")
    parser.add_argument("--read-only", action="store_true")
    known, _ = parser.parse_known_args(list(argv))
    return Launch(known.data or environ.get("SCO_DATA_DIR") or "", known.lock, known.read_only)
